# Words of the application itself (command line now, the desktop app later).
app-name = مرز
app-tagline = نامه‌هایی که نوشتنشان سخت است: محترمانه، قاطع و حرفه‌ای
sample-workspace-created = فضای کاری نمونه در { $dir } ساخته شد.
scenario-respect = هشدار درباره رفتار نامحترمانه
scenario-payment = پیگیری پرداخت
scenario-price-increase = اعلام افزایش قیمت
scenario-scope = کار خارج از قرارداد
scenario-discount = پاسخ به درخواست تخفیف
scenario-complaint = پاسخ به گلایه یا درخواست استرداد وجه
scenario-boundary = مرزهای ارتباطی
scenario-service-change = تغییر یا حذف خدمت
scenario-termination = پایان همکاری
scenario-follow-up = پیگیری و تجدید ارتباط
