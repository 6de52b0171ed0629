//! The finished letter and its frame: the date and number block, the recipient block, the
//! subject line, greeting, body, closing and signature. Templates write only the body; the
//! frame is the same for every letter of a language and follows its letter conventions.

use crate::dates;
use crate::i18n::Locale;
use crate::lang::Lang;
use crate::numbers::localize_digits;
use crate::profile::Honorific;
use crate::render::{Draft, Rendered};
use chrono::NaiveDate;
use serde::Serialize;

/// A display name and an address, for e-mail headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mailbox {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letter {
    pub lang: Lang,
    pub template: String,
    pub client: String,
    pub date: NaiveDate,
    /// The date as the letter prints it («۱ آذر ۱۴۰۵» / "22 November 2026").
    pub date_text: String,
    pub number: String,
    pub attachments: Option<String>,
    /// Recipient block, one line each: honorific and name, then title and organisation.
    pub recipient: Vec<String>,
    pub subject: String,
    pub greeting: String,
    pub body: String,
    pub closing: String,
    /// Sender's name, then role and business.
    pub signature: Vec<String>,
    /// Contact details for the foot of the letter (phone, e-mail, website, address).
    pub contact: Vec<String>,
    pub to: Option<Mailbox>,
    pub from: Option<Mailbox>,
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Letter {
    /// Puts the app's frame around a template's rendered pieces.
    pub fn frame(draft: &Draft, pieces: Rendered) -> Letter {
        let lang = draft.template.lang;
        let locale = Locale::get(lang);
        let client = draft.client;
        let sender = draft.sender;

        let mut recipient = vec![client.addressed_name(lang)];
        match (non_empty(&client.title), non_empty(&client.company)) {
            (Some(title), Some(company)) => recipient.push(locale.text_with(
                "letter-recipient-title-company",
                &[("title", title), ("company", company)],
            )),
            (Some(title), None) => {
                recipient.push(locale.text_with("letter-recipient-title", &[("title", title)]))
            }
            (None, Some(company)) => recipient.push(company.to_string()),
            (None, None) => {}
        }

        let greeting = pieces.greeting.unwrap_or_else(|| match lang {
            Lang::Fa => locale.text("letter-greeting"),
            Lang::En => {
                let name = match client.honorific {
                    // "Dear Mr Weber": the honorific goes with the family name.
                    Honorific::Mr | Honorific::Ms => format!(
                        "{} {}",
                        client.honorific.title(lang),
                        client
                            .name
                            .split_whitespace()
                            .last()
                            .unwrap_or(&client.name)
                    ),
                    Honorific::None => client.name.clone(),
                };
                locale.text_with("letter-greeting-named", &[("name", &name)])
            }
        });
        let closing = pieces
            .closing
            .unwrap_or_else(|| locale.text("letter-closing"));

        let mut signature = vec![sender.name.clone()];
        match (non_empty(&sender.role), non_empty(&sender.business)) {
            (Some(role), Some(business)) => {
                signature.push(role.to_string());
                signature.push(business.to_string());
            }
            (Some(one), None) | (None, Some(one)) => signature.push(one.to_string()),
            (None, None) => {}
        }

        let mut contact = Vec::new();
        if let Some(phone) = non_empty(&sender.phone) {
            let phone = localize_digits(phone, lang);
            contact.push(locale.text_with("letter-phone", &[("phone", &phone)]));
        }
        if let Some(email) = non_empty(&sender.email) {
            contact.push(locale.text_with("letter-email", &[("email", email)]));
        }
        if let Some(website) = non_empty(&sender.website) {
            contact.push(locale.text_with("letter-website", &[("website", website)]));
        }
        let place: Vec<&str> = [non_empty(&sender.address), non_empty(&sender.city)]
            .into_iter()
            .flatten()
            .collect();
        if !place.is_empty() {
            let separator = if lang == Lang::Fa { "، " } else { ", " };
            contact.push(localize_digits(&place.join(separator), lang));
        }

        Letter {
            lang,
            template: draft.template.meta.id.clone(),
            client: client.id.clone(),
            date: draft.date,
            date_text: dates::format(draft.date, lang),
            number: localize_digits(&draft.number, lang),
            attachments: None,
            recipient,
            subject: pieces.subject,
            greeting,
            body: pieces.body,
            closing,
            signature,
            contact,
            to: non_empty(&client.email).map(|email| Mailbox {
                name: client.addressed_name(lang),
                email: email.to_string(),
            }),
            from: non_empty(&sender.email).map(|email| Mailbox {
                name: sender.name.clone(),
                email: email.to_string(),
            }),
        }
    }

    fn label(&self, key: &str) -> String {
        Locale::get(self.lang).text(key)
    }

    /// The date, number and attachments lines.
    pub fn heading_lines(&self) -> Vec<String> {
        let attachments = self
            .attachments
            .clone()
            .unwrap_or_else(|| self.label("letter-attachments-none"));
        vec![
            format!("{} {}", self.label("letter-date"), self.date_text),
            format!("{} {}", self.label("letter-number"), self.number),
            format!("{} {}", self.label("letter-attachments"), attachments),
        ]
    }

    pub fn subject_line(&self) -> String {
        format!("{} {}", self.label("letter-subject"), self.subject)
    }

    /// Greeting to signature: the part that is the same on paper and in an e-mail.
    pub fn message_text(&self) -> String {
        let mut out = String::new();
        out.push_str(&self.greeting);
        out.push_str("\n\n");
        out.push_str(&self.body);
        out.push_str("\n\n");
        out.push_str(&self.closing);
        for line in &self.signature {
            out.push('\n');
            out.push_str(line);
        }
        out
    }

    /// The whole letter as it would be printed, as plain text.
    pub fn to_text(&self) -> String {
        let mut blocks = vec![
            self.heading_lines().join("\n"),
            self.recipient.join("\n"),
            self.subject_line(),
            self.message_text(),
        ];
        if !self.contact.is_empty() {
            blocks.push(self.contact.join("\n"));
        }
        let mut text = blocks.join("\n\n");
        text.push('\n');
        text
    }

    /// The body of an e-mail: the message and the sender's contact lines.
    pub fn email_text(&self) -> String {
        let mut text = self.message_text();
        if !self.contact.is_empty() {
            text.push_str("\n\n");
            text.push_str(&self.contact.join("\n"));
        }
        text.push('\n');
        text
    }
}
