# Problems, worded for the owner. Each message is one kind of error of the core (see the
# README, "Errors"); the words in { $… } are its values. No command-line advice here: the
# command line adds its own.

## Numbers, dates and form values
error-not-a-number = «{ $value }» عدد نیست: فقط رقم بنویسید، مانند ۱۲۵۰۰۰۰۰ یا ۱۲٬۵۰۰٬۰۰۰.
error-too-many-decimals = «{ $value }» بیش از دو رقم اعشار دارد.
error-too-large = «{ $value }» بیش از اندازه بزرگ است.
error-not-a-date = «{ $value }» تاریخ نیست: تاریخ را مانند ۱۴۰۵/۰۹/۰۹ یا ۲۰۲۶-۱۱-۳۰ بنویسید.
error-no-such-day = روز «{ $value }» در تقویم نیست؛ ماه و روز را بررسی کنید.
error-not-whole-days = «{ $value }» شمار درستی از روزها نیست؛ عددی بی‌اعشار بنویسید.
error-too-far-ahead = «{ $value }» بیش از اندازه دور است.
error-not-a-choice = «{ $value }» یکی از گزینه‌ها نیست. گزینه‌ها: { $choices }
error-out-of-range = «{ $value }» باید عددی بی‌اعشار از { $min } تا { $max } باشد.
error-date-before-input = { $value } زودتر از «{ $other }» ({ $limit }) است، اما نمی‌تواند پیش از آن باشد؛ تاریخ { $limit } یا پس از آن را بنویسید.
error-date-before-letter = { $value } پیش از تاریخ نامه ({ $limit }) است، اما نمی‌تواند گذشته باشد؛ تاریخ { $limit } یا پس از آن را بنویسید.
error-date-after-input = { $value } دیرتر از «{ $other }» ({ $limit }) است، اما نمی‌تواند پس از آن باشد؛ تاریخ { $limit } یا پیش از آن را بنویسید.
error-date-after-letter = { $value } پس از تاریخ نامه ({ $limit }) است، اما رویدادی که پیش‌تر رخ داده تاریخ آینده ندارد؛ تاریخ { $limit } یا پیش از آن را بنویسید.
error-not-below-input = { $value } کمتر از «{ $other }» ({ $limit }) نیست، اما باید کمتر باشد؛ مبلغ کوچک‌تری بنویسید، یا اگر همه مبلغ پرداخت شده، نامه دیگری برگزینید.
error-unknown-input = قالب «{ $template }» بخشی به نام «{ $name }» ندارد. بخش‌های آن: { $known }
error-missing-input = «{ $label }» را بنویسید.
error-invalid-input = { $label }: { $reason }

## Templates
template-piece-body = متن نامه
template-piece-subject = موضوع
template-piece-greeting = خطاب آغاز نامه
template-piece-closing = پایان‌بندی نامه
error-template-undefined = قالب { $file } در { $piece } از «{ $name }» نام برده که نامه چنین چیزی ندارد. قالب را درست کنید، یا پرونده را بردارید تا قالب خود مرز به کار رود.
error-template-filter = قالب { $file } در { $piece } به فیلتر «{ $filter }» مقداری داده که این فیلتر نمی‌پذیرد. قالب را درست کنید، یا پرونده را بردارید تا قالب خود مرز به کار رود.
error-template = قالب { $file } در { $piece } اجرا نشد. قالب را درست کنید، یا پرونده را بردارید تا قالب خود مرز به کار رود.

## A field of a profile. $value is what was typed.
invalid-required = پر کردن این بخش لازم است.
invalid-email = «{ $value }» نشانی رایانامه نیست؛ نشانی درست یک @ دارد و پس از آن نام دامنه می‌آید.
invalid-id = «{ $value }» شناسه درستی نیست: از ۱ تا ۶۴ حرف کوچک لاتین، رقم، «_» و «-» بنویسید.
invalid-key = «{ $value }» کلید درستی نیست: فقط حرف، رقم و «_» به کار ببرید.
invalid-prefix = «{ $value }» پیشوند درستی نیست: حرف و رقم را بی‌فاصله و بدون «/» بنویسید.
invalid-size = { $value } میلی‌متر بیرون از اندازه پذیرفتنی است؛ عددی از { $min } تا { $max } میلی‌متر بنویسید.
invalid-id-taken = شناسه «{ $value }» را مشتری دیگری دارد.
invalid-id-not-file-name = شناسه «{ $value }» با نام پرونده، { $file }، یکی نیست؛ یکی از این دو را تغییر دهید.

## Profile files (clients/*.toml, sender.toml)
error-profile-syntax = پرونده { $file } در سطر { $line }، ستون { $column } درست نوشته نشده است؛ آن را با یک ویرایشگر متن باز کنید و همان‌جا را درست کنید.
error-profile-invalid = پرونده { $file }، بخش «{ $field }»: { $reason }
error-profile-unreadable = پرونده { $file } خوانده نشد.

## Files and folders
error-io-not-found = { $path } پیدا نشد.
error-io-denied = اجازه دسترسی به { $path } نیست.
error-io-full = جایی برای نوشتن { $path } نمانده است.
error-io = کار با { $path } انجام نشد.
error-no-sender = پرونده مشخصات شما ({ $path }) نیست؛ نام خود را در «تنظیمات» بنویسید و ذخیره کنید.
error-no-client = مشتری‌ای با شناسه «{ $id }» نیست.
error-client-unreadable = پرونده مشتری «{ $id }» خوانده نمی‌شود، پس دست‌نخورده ماند: { $reason }
error-client-exists = مشتری‌ای با شناسه «{ $id }» هست؛ شناسه دیگری برگزینید.
error-bad-id = «{ $id }» شناسه درستی برای مشتری نیست.
error-no-data-dir = پوشه‌ای برای داده‌ها پیدا نشد؛ پوشه‌ای را با متغیر { $variable } نشان دهید.

## Export
error-no-recipient-email = مشتری «{ $id }» نشانی رایانامه ندارد؛ آن را در صفحه مشتریان بیفزایید، یا نامه را به شکل متن یا PDF ذخیره کنید.
error-no-sender-email = نشانی رایانامه شما در «تنظیمات» نیامده است؛ آن را بیفزایید، یا نامه را به شکل متن یا PDF ذخیره کنید.
error-pdf-typeset = PDF ساخته نشد (خطای درونی مرز). نامه را به شکل متن ذخیره کنید و این خطا را گزارش دهید.
error-pdf-export = PDF نوشته نشد (خطای درونی مرز). نامه را به شکل متن ذخیره کنید و این خطا را گزارش دهید.

## The owner's images for PDF letters (letterhead, signature, stamp, logo in sender.toml)
image-logo = لوگو
image-letterhead = سربرگ
image-letterhead-next = سربرگ صفحه‌های بعد
image-signature = امضا
image-stamp = مهر
error-image-missing = نامه PDF بی { $image } ساخته نمی‌شود، اما پرونده { $path } پیدا نشد. پرونده را به همان‌جا برگردانید، یا نشانی آن را در مشخصات خود درست کنید یا بردارید.
error-image-unreadable = نامه PDF بی { $image } ساخته نمی‌شود، اما پرونده { $path } خوانده نشد. اجازه خواندن آن را بررسی کنید، یا نشانی آن را از مشخصات خود بردارید.
error-image-unsupported = نامه PDF بی { $image } ساخته نمی‌شود، اما پرونده { $path } تصویری نیست که مرز بتواند چاپ کند. آن را در یکی از این قالب‌ها ذخیره کنید: { $formats }.
error-image-damaged = نامه PDF بی { $image } ساخته نمی‌شود، اما پرونده { $path } آسیب دیده است و چاپ نمی‌شود. تصویر را دوباره ذخیره کنید، یا پرونده دیگری برگزینید.

## Printing
error-print-no-system = این رایانه سامانه چاپ ندارد ({ $program } پیدا نشد). نامه را به شکل PDF ذخیره کنید و با برنامه دیگری چاپ کنید.
error-print-not-running = سامانه چاپ این رایانه روشن نیست. آن را روشن کنید، یا نامه را به شکل PDF ذخیره کنید و با برنامه دیگری چاپ کنید.
error-print-no-printer = چاپگر پیش‌فرضی برگزیده نشده است؛ در تنظیمات چاپگر رایانه یکی را برگزینید.
error-print-refused = سامانه چاپ نامه را نپذیرفت.
error-print-failed = { $program } اجرا نشد.

## E-mail: the cover note (templates/cover/<lang>.tera) and the mail program
error-cover-unreadable = یادداشت همراه نامه ({ $file }) خوانده نشد. آن را به شکل متن ساده ذخیره کنید، یا پرونده را بردارید تا یادداشت خود مرز به کار رود.
error-cover-syntax = یادداشت همراه نامه ({ $file }) در سطر { $line }، ستون { $column } ایراد دارد. آن را درست کنید، یا پرونده را بردارید تا یادداشت خود مرز به کار رود.
error-cover-undefined = یادداشت همراه نامه ({ $file }) از «{ $name }» نام برده، اما چنین چیزی در آن نیست. آنچه می‌توان در آن به کار برد: { $known }. آن را درست کنید، یا پرونده را بردارید تا یادداشت خود مرز به کار رود.
error-cover-render = یادداشت همراه نامه ({ $file }) نوشته نشد. آن را درست کنید، یا پرونده را بردارید تا یادداشت خود مرز به کار رود.
error-desktop-no-program = برنامه‌ای برای باز کردن { $target } روی این رایانه تنظیم نشده است.
error-desktop-failed = { $target } باز نشد.
error-no-mail-program = برنامه رایانامه باز نشد. رایانامه در { $eml } ذخیره شده است؛ آن را در برنامه رایانامه خود باز کنید، یا نامه را به شکل PDF ذخیره کنید و خودتان آن را به یک رایانامه پیوست کنید.

## The register of sent letters (register.sqlite3)
error-register = دفتر نامه‌ها ({ $path }) خوانده یا نوشته نشد.
error-register-corrupt = پرونده { $path } دفتر نامه‌ای خواندنی نیست، پس دست‌نخورده ماند. آن را از نسخه پشتیبان برگردانید، یا به جای دیگری ببرید تا مرز دفتر تازه‌ای بسازد.
error-register-newer = پرونده { $path } را نسخه تازه‌تری از مرز نوشته است (دفتر نسخه { $found }؛ این نسخه تا نسخه { $known } را می‌خواند). برای باز کردن آن، مرز را به‌روز کنید.
error-no-letter = نامه‌ای با شماره «{ $number }» در دفتر نامه‌ها نیست.
error-letter-ambiguous = { $count } نامه از سابقه پیشین نامه‌ها شماره «{ $number }» را دارند ({ $ids }).
error-letter-already-void = نامه شماره { $number } پیش‌تر باطل شده است ({ $reason }).
error-letter-void = نامه شماره { $number } باطل شده است؛ نامه‌ای را برگزینید که فرستاده شده است.
error-void-no-reason = نامه بی‌دلیل باطل نمی‌شود؛ بنویسید چرا باطل است.
error-no-thread = رشته نامه‌های شماره { $thread } در دفتر نامه‌ها نیست.
error-thread-other-client = رشته نامه‌های شماره { $thread } از آنِ مشتری «{ $owner }» است، نه «{ $client }».
error-thread-resolved = رشته نامه‌های شماره { $thread } در { $date } بسته شده است؛ نامه تازه در این موضوع رشته تازه‌ای را آغاز می‌کند.
error-letter-text-only = نامه شماره { $number } از سابقه پیشین نامه‌ها آمده و از آن تنها متنش مانده است؛ آن را فقط به شکل متن می‌توان دوباره ذخیره کرد.
error-letter-not-saved = نامه شماره { $number } در دفتر نامه‌ها ثبت شد، اما { $path } ذخیره نشد. این شماره از آنِ همان نامه می‌ماند و به نامه دیگری داده نمی‌شود.
