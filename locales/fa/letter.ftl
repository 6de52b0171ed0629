# Labels and fixed phrases of the letter frame, in the letter's language.
letter-date = تاریخ:
letter-number = شماره:
letter-attachments = پیوست:
letter-attachments-none = ندارد
letter-subject = موضوع:
letter-greeting = با سلام و احترام
letter-greeting-named = { $name } گرامی،
letter-closing = با سپاس و احترام
letter-recipient-name = { $name } گرامی
letter-recipient-title = { $title } محترم
letter-recipient-title-company = { $title } محترم { $company }
letter-copies = رونوشت:
letter-phone = تلفن:
letter-email = ایمیل:
letter-website = وب‌سایت:
letter-page = صفحه
letter-page-of = از
