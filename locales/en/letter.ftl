# Labels and fixed phrases of the letter frame, in the letter's language.
letter-date = Date:
letter-number = Ref:
letter-attachments = Enclosures:
letter-attachments-none = none
letter-subject = Subject:
letter-greeting = Dear Sir or Madam,
letter-greeting-named = Dear { $name },
letter-closing = Kind regards,
letter-recipient-name = { $name }
letter-recipient-title = { $title }
letter-recipient-title-company = { $title }, { $company }
letter-copies = cc:
letter-phone = Tel:
letter-email = Email:
letter-website = Web:
letter-page = Page
letter-page-of = of
