# Problems, worded for the owner. Each message is one kind of error of the core (see the
# README, "Errors"); the words in { $… } are its values. No command-line advice here: the
# command line adds its own.

## Numbers, dates and form values
error-not-a-number = “{ $value }” is not a number: write digits only, e.g. 12500000 or 12,500,000.
error-too-many-decimals = “{ $value }” has more than two decimal places.
error-too-large = “{ $value }” is too large.
error-not-a-date = “{ $value }” is not a date: write it like 2026-11-30, or a Jalali date such as 1405/09/09.
error-no-such-day = “{ $value }” is not a day of the calendar: check the month and day.
error-not-whole-days = “{ $value }” is not a whole number of days.
error-too-far-ahead = “{ $value }” is too far in the future.
error-not-a-choice = “{ $value }” is not one of the options: { $choices }
error-out-of-range = “{ $value }” must be a whole number from { $min } to { $max }.
error-date-before-input = { $value } is earlier than “{ $other }” ({ $limit }), which it cannot be: write { $limit } or a later date.
error-date-before-letter = { $value } is earlier than the letter date ({ $limit }), and this date cannot be in the past: write { $limit } or a later date.
error-date-after-input = { $value } is later than “{ $other }” ({ $limit }), which it cannot be: write { $limit } or an earlier date.
error-date-after-letter = { $value } is later than the letter date ({ $limit }), but it is the date of something that has already happened: write { $limit } or an earlier date.
error-not-below-input = { $value } is not less than “{ $other }” ({ $limit }), which it must be: write a smaller amount, or choose another letter if the whole amount was paid.
error-unknown-input = Template “{ $template }” has no input “{ $name }”; its inputs are: { $known }
error-missing-input = “{ $label }” is required.
error-invalid-input = { $label }: { $reason }

## Templates
template-piece-body = the body
template-piece-subject = the subject
template-piece-greeting = the greeting
template-piece-closing = the closing
error-template-undefined = { $file }: { $piece } uses “{ $name }”, which a letter does not have. Fix the template, or remove the file to use Marz's own.
error-template-filter = { $file }: in { $piece }, the filter “{ $filter }” got a value it cannot use ({ $detail }). Fix the template, or remove the file to use Marz's own.
error-template = { $file }: { $piece } could not be rendered ({ $detail }). Fix the template, or remove the file to use Marz's own.

## A field of a profile. $value is what was typed.
invalid-required = This field is required.
invalid-email = “{ $value }” is not an email address (expected name@example.com).
invalid-id = “{ $value }” cannot be an id: use 1–64 lowercase Latin letters, digits, “_” and “-”.
invalid-key = “{ $value }” cannot be a key: use letters, digits and “_”.
invalid-prefix = “{ $value }” cannot be a prefix: use letters and digits without spaces or “/”, for example MZ.
invalid-size = { $value } mm is out of range: give a size from { $min } to { $max } mm.
invalid-id-taken = “{ $value }” is already used by another client.
invalid-id-not-file-name = The id “{ $value }” does not match the file name { $file }: rename one of them.

## Profile files (clients/*.toml, sender.toml)
error-profile-syntax = { $file }:{ $line }:{ $column }: { $detail }
error-profile-invalid = { $file }: field “{ $field }”: { $reason }
error-profile-unreadable = { $file } cannot be read ({ $detail }).

## Files and folders
error-io-not-found = { $path } was not found.
error-io-denied = { $path }: permission denied.
error-io-full = { $path }: the disk is full.
error-io = { $path }: { $detail }
error-no-sender = { $path } is missing: it holds your own details (at least your name).
error-no-client = There is no client with the id “{ $id }”.
error-client-unreadable = Client “{ $id }” cannot be read, so it is left untouched: { $reason }
error-client-exists = A client with the id “{ $id }” already exists: choose another id.
error-bad-id = “{ $id }” is not a valid client id: use 1–64 characters of a-z, 0-9, “_” and “-”.
error-no-data-dir = No data folder could be found for this user: set { $variable }.

## Export
error-no-recipient-email = Client “{ $id }” has no e-mail address, so an e-mail cannot be addressed: add one, or save the letter as text or PDF.
error-no-sender-email = Your e-mail address is not in your details, so the e-mail has no sender: add it, or save the letter as text or PDF.
error-pdf-typeset = The PDF could not be typeset (a fault in Marz: { $detail }). Save the letter as text and report this.
error-pdf-export = The PDF could not be written (a fault in Marz: { $detail }). Save the letter as text and report this.

## The owner's images for PDF letters (letterhead, signature, stamp, logo in sender.toml)
image-logo = the logo
image-letterhead = the letterhead
image-letterhead-next = the letterhead of the following pages
image-signature = the signature
image-stamp = the stamp
error-image-missing = No PDF letter is made without { $image }, and { $path } was not found: put the file back there, or correct or remove its path in your details.
error-image-unreadable = No PDF letter is made without { $image }, and { $path } cannot be read ({ $detail }): check that you may read the file, or remove its path from your details.
error-image-unsupported = No PDF letter is made without { $image }, and { $path } is not an image Marz can print: save it as one of { $formats }.
error-image-damaged = No PDF letter is made without { $image }, and { $path } is damaged and cannot be printed ({ $detail }): save the image again, or choose another file.

## Printing
error-print-no-system = This computer has no printing system ({ $program } was not found): save the letter as PDF and print it from another program.
error-print-not-running = The printing service is not running ({ $detail }): start it, or save the letter as PDF and print it from another program.
error-print-no-printer = No default printer is set: choose one in the computer's printer settings.
error-print-refused = The printing system did not accept the letter ({ $detail }).
error-print-failed = { $program } could not be run ({ $detail }).

## E-mail: the cover note (templates/cover/<lang>.tera) and the mail program
error-cover-unreadable = The cover note { $file } cannot be read ({ $detail }). Save it as plain text, or remove it to use Marz's own.
error-cover-syntax = { $file }:{ $line }:{ $column }: the cover note has a mistake ({ $detail }). Fix it, or remove the file to use Marz's own.
error-cover-undefined = { $file }: the cover note uses “{ $name }”, which it does not have (it has { $known }). Fix it, or remove the file to use Marz's own.
error-cover-render = { $file }: the cover note could not be written ({ $detail }). Fix it, or remove the file to use Marz's own.
error-desktop-no-program = No program on this computer is set up to open { $target }.
error-desktop-failed = { $target } could not be opened ({ $detail }).
error-no-mail-program = No mail program could be opened. { $detail } The e-mail is saved as { $eml }: open that file in your mail program, or save the letter as PDF and attach it to a message yourself.

## The register of sent letters (register.sqlite3)
error-register = The register of letters { $path } could not be read or written ({ $detail }).
error-register-corrupt = { $path } is not a readable register of letters ({ $detail }), so it is left untouched: restore it from a backup, or move it aside so that Marz starts a new one.
error-register-newer = { $path } was written by a newer version of Marz (register version { $found }; this version reads up to { $known }): update Marz to open it.
error-no-letter = There is no letter “{ $number }” in the register.
error-letter-ambiguous = { $count } letters taken over from the earlier letter history share the number “{ $number }” ({ $ids }).
error-letter-already-void = Letter { $number } is already void ({ $reason }).
error-letter-void = Letter { $number } is void: choose a letter that was sent.
error-void-no-reason = A letter is voided only with a reason: say why it is void.
error-no-thread = There is no thread { $thread } in the register.
error-thread-other-client = Thread { $thread } is with client “{ $owner }”, not “{ $client }”.
error-thread-resolved = Thread { $thread } was resolved on { $date }: a new letter about this matter starts a new thread.
error-letter-text-only = Letter { $number } was taken over from the earlier letter history, which kept only its text: it can be saved again as text only.
error-letter-not-saved = Letter { $number } is recorded in the register, but { $path } could not be saved ({ $detail }). Its number stays with that letter and is not given again.
