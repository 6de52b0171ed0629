//! The finished letter and its frame: the date and number block, the recipient block, the
//! subject line, greeting, body, closing and signature. Templates write only the body; the
//! frame is the same for every letter of a language and follows its letter conventions.
//! Every value the frame prints (names, the company, contact details, the number) is
//! isolated for the letter's direction (see `bidi`), in the text, the e-mail and the PDF.

use crate::bidi::{in_text, keep_numbers};
use crate::dates;
use crate::i18n::Locale;
use crate::lang::Lang;
use crate::numbers::localize_digits;
use crate::profile::{Client, Honorific};
use crate::render::{Draft, Rendered};
use crate::template::Scenario;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One line of the sender's contact details: a label («تلفن:») and its value. The value is
/// kept apart so that layouts can isolate it (a phone number must read left to right even
/// in a Persian line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactItem {
    pub label: String,
    pub value: String,
}

impl ContactItem {
    pub fn line(&self) -> String {
        if self.label.is_empty() {
            self.value.clone()
        } else {
            format!("{} {}", self.label, self.value)
        }
    }
}

fn contact_lines(items: &[ContactItem]) -> String {
    items
        .iter()
        .map(ContactItem::line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A display name and an address, for e-mail headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mailbox {
    pub name: String,
    pub email: String,
}

/// The earlier letter of the same thread that this one follows («پیرو نامه شماره …»).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Its number, with the digits of the letter that cites it.
    pub number: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Letter {
    pub lang: Lang,
    pub template: String,
    /// The template's situation and step on its ladder, kept for the register.
    pub scenario: Scenario,
    #[serde(default)]
    pub level: Option<u8>,
    pub client: String,
    pub date: NaiveDate,
    /// The date as the letter prints it («۱ آذر ۱۴۰۵» / "22 November 2026").
    pub date_text: String,
    pub number: String,
    /// What is enclosed, one item each; empty prints «ندارد» / "none".
    pub attachments: Vec<String>,
    /// «رونوشت» / "cc" lines: who else receives a copy.
    pub copies: Vec<String>,
    /// The letterhead's name: the business, else the sender.
    pub letterhead: String,
    /// The sender's optional invocation line («به نام خدا»).
    pub invocation: Option<String>,
    /// Recipient block, one line each: honorific and name, then title and organisation.
    pub recipient: Vec<String>,
    pub subject: String,
    pub greeting: String,
    pub body: String,
    pub closing: String,
    /// Sender's name, then role and business.
    pub signature: Vec<String>,
    /// Contact details for the foot of the letter (phone, e-mail, website, address).
    pub contact: Vec<ContactItem>,
    pub to: Option<Mailbox>,
    pub from: Option<Mailbox>,
    /// Every input of the template as used (given, pre-filled, or the default), as text a
    /// form would accept again: dates `YYYY-MM-DD`, amounts in ASCII digits.
    #[serde(default)]
    pub inputs: BTreeMap<String, String>,
    /// When to look at this matter again if there is no answer: the letter's deadline, or
    /// the template's `follow_up_days` after the letter date.
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    /// The earlier letter this one follows, printed as the body's first line.
    #[serde(default)]
    pub reference: Option<Reference>,
    /// Whether the PDF carries the owner's signature image and stamp (when they have
    /// them): both by default; off for a draft sent for review or an e-mailed copy. A
    /// letter recorded before these existed had both.
    #[serde(default = "yes")]
    pub with_signature: bool,
    #[serde(default = "yes")]
    pub with_stamp: bool,
}

fn yes() -> bool {
    true
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The client's name as a letter in `lang` addresses them, with the honorific and the name
/// isolated (U+2068 … U+2069 around «John Smith» in «جناب آقای John Smith»).
pub fn addressed(client: &Client, lang: Lang) -> String {
    let name = in_text(&client.name, lang);
    match client.honorific.title(lang) {
        "" => name,
        title => format!("{title} {name}"),
    }
}

impl Letter {
    /// Puts the app's frame around a template's rendered pieces.
    pub fn frame(draft: &Draft, pieces: Rendered) -> Letter {
        let lang = draft.template.lang;
        let locale = Locale::get(lang);
        let client = draft.client;
        let sender = &draft.sender.for_letter(lang);

        // A Persian letter never addresses its reader by bare name: without an honorific the
        // name takes a neutral courteous word («کامران نیک‌نام گرامی»).
        let mut recipient = vec![match client.honorific {
            Honorific::None => locale.text_with(
                "letter-recipient-name",
                &[("name", &addressed(client, lang))],
            ),
            _ => addressed(client, lang),
        }];
        let isolated = |v: &Option<String>| non_empty(v).map(|v| in_text(v, lang));
        match (isolated(&client.title), isolated(&client.company)) {
            (Some(title), Some(company)) => recipient.push(locale.text_with(
                "letter-recipient-title-company",
                &[("title", &title), ("company", &company)],
            )),
            (Some(title), None) => {
                recipient.push(locale.text_with("letter-recipient-title", &[("title", &title)]))
            }
            (None, Some(company)) => recipient.push(company),
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
                        in_text(
                            client
                                .name
                                .split_whitespace()
                                .last()
                                .unwrap_or(&client.name),
                            lang
                        )
                    ),
                    Honorific::None => in_text(&client.name, lang),
                };
                locale.text_with("letter-greeting-named", &[("name", &name)])
            }
        });
        let closing = pieces
            .closing
            .unwrap_or_else(|| locale.text("letter-closing"));

        let mut signature = vec![in_text(&sender.name, lang)];
        match (non_empty(&sender.role), non_empty(&sender.business)) {
            (Some(role), Some(business)) => {
                signature.push(in_text(role, lang));
                signature.push(in_text(business, lang));
            }
            (Some(one), None) | (None, Some(one)) => signature.push(in_text(one, lang)),
            (None, None) => {}
        }

        let item = |key: &str, value: String| ContactItem {
            label: if key.is_empty() {
                String::new()
            } else {
                locale.text(key)
            },
            value: in_text(&value, lang),
        };
        let mut contact = Vec::new();
        if let Some(phone) = non_empty(&sender.phone) {
            contact.push(item("letter-phone", localize_digits(phone, lang)));
        }
        if let Some(email) = non_empty(&sender.email) {
            contact.push(item("letter-email", email.to_string()));
        }
        if let Some(website) = non_empty(&sender.website) {
            contact.push(item("letter-website", website.to_string()));
        }
        let place: Vec<&str> = [non_empty(&sender.address), non_empty(&sender.city)]
            .into_iter()
            .flatten()
            .collect();
        if !place.is_empty() {
            let separator = if lang == Lang::Fa { "، " } else { ", " };
            contact.push(item("", localize_digits(&place.join(separator), lang)));
        }

        let inputs: BTreeMap<String, String> = pieces
            .inputs
            .iter()
            .map(|(name, value)| (name.clone(), crate::render::value_text(value)))
            .collect();
        Letter {
            lang,
            template: draft.template.meta.id.clone(),
            scenario: draft.template.meta.scenario,
            level: draft.template.meta.level,
            client: client.id.clone(),
            date: draft.date,
            date_text: dates::format(draft.date, lang),
            number: localize_digits(&draft.number, lang),
            attachments: Vec::new(),
            copies: Vec::new(),
            letterhead: in_text(non_empty(&sender.business).unwrap_or(&sender.name), lang),
            invocation: non_empty(&sender.invocation).map(|v| in_text(v, lang)),
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
            follow_up: Some(draft.template.follow_up(draft.date, &inputs)),
            inputs,
            reference: None,
            with_signature: true,
            with_stamp: true,
        }
        .with_numbers_held()
    }

    /// Every text of the letter with its codes of digit groups held in reading order
    /// (`bidi::keep_numbers`: «۶۱۰۴ ۳۳۷۸ …», «۱۴۰۵-۰۳۸» after Persian words). The text, the
    /// e-mail and the PDF are all made from these fields, so each shows the same order.
    fn with_numbers_held(mut self) -> Letter {
        let lang = self.lang;
        let hold = |text: &mut String| *text = keep_numbers(text, lang);
        for text in [
            &mut self.letterhead,
            &mut self.subject,
            &mut self.greeting,
            &mut self.body,
            &mut self.closing,
        ] {
            hold(text);
        }
        self.invocation.iter_mut().for_each(hold);
        self.recipient.iter_mut().for_each(hold);
        self.signature.iter_mut().for_each(hold);
        self.contact
            .iter_mut()
            .for_each(|item| hold(&mut item.value));
        self
    }

    /// Puts the owner's own text in place of the template's body, its numbers held in
    /// reading order as the template's are.
    pub fn set_body(&mut self, body: &str) {
        self.body = keep_numbers(body, self.lang);
    }

    /// Puts the owner's own subject in place of the template's.
    pub fn set_subject(&mut self, subject: &str) {
        self.subject = keep_numbers(subject, self.lang);
    }

    /// Makes this letter cite an earlier one (`number` in any digits) of `date`.
    pub fn cite(&mut self, number: &str, date: NaiveDate) {
        self.reference = Some(Reference {
            number: localize_digits(&crate::persian::to_ascii_digits(number), self.lang),
            date,
        });
    }

    /// «پیرو نامه شماره NA/۱۴۰۵/۰۰۷ مورخ ۱۰ آبان ۱۴۰۵» / "Further to our letter ref … of …",
    /// when the letter follows an earlier one. Its number is isolated like every value of the
    /// letter (the text, the e-mail and the PDF print the same line), so that `NA/۱۴۰۵/۰۰۷`
    /// keeps its order inside the Persian sentence; the date is the letter's own wording, as
    /// in the heading. Its codes of digit groups are held as the letter's other texts are
    /// (`with_numbers_held`), so a number such as `۱۴۰۵-۰۰۷` keeps its order.
    pub fn reference_line(&self) -> Option<String> {
        let reference = self.reference.as_ref()?;
        let line = Locale::get(self.lang).text_with(
            "letter-reference",
            &[
                ("number", &in_text(&reference.number, self.lang)),
                ("date", &dates::format(reference.date, self.lang)),
            ],
        );
        Some(keep_numbers(&line, self.lang))
    }

    /// The same letter under another number (the register gives the real one on export).
    /// A template may print `letter.number` in the subject or body: the number shown in a
    /// preview is replaced there too, so that the letter never carries two numbers.
    pub fn renumbered(mut self, number: &str) -> Letter {
        let number = localize_digits(number, self.lang);
        if !self.number.is_empty() && self.number != number {
            self.subject = self.subject.replace(&self.number, &number);
            self.body = self.body.replace(&self.number, &number);
        }
        self.number = number;
        self
    }

    fn label(&self, key: &str) -> String {
        Locale::get(self.lang).text(key)
    }

    /// The attachments as the heading prints them, each isolated. With none, a Persian
    /// letter prints «ندارد» by convention; an English one leaves the line out (empty here).
    pub fn attachments_text(&self) -> String {
        if self.attachments.is_empty() {
            match self.lang {
                Lang::Fa => self.label("letter-attachments-none"),
                Lang::En => String::new(),
            }
        } else {
            let separator = if self.lang == Lang::Fa { "، " } else { ", " };
            let items: Vec<String> = self
                .attachments
                .iter()
                .map(|a| in_text(a, self.lang))
                .collect();
            keep_numbers(&items.join(separator), self.lang)
        }
    }

    /// The «رونوشت» / "cc" lines as printed, each isolated.
    pub fn copies_text(&self) -> Vec<String> {
        self.copies
            .iter()
            .map(|c| keep_numbers(&in_text(c, self.lang), self.lang))
            .collect()
    }

    /// The date, number and attachments lines.
    pub fn heading_lines(&self) -> Vec<String> {
        let attachments = self.attachments_text();
        let mut lines = vec![
            format!("{} {}", self.label("letter-date"), self.date_text),
            format!(
                "{} {}",
                self.label("letter-number"),
                in_text(&self.number, self.lang)
            ),
        ];
        if !attachments.is_empty() {
            lines.push(format!(
                "{} {}",
                self.label("letter-attachments"),
                attachments
            ));
        }
        lines
    }

    pub fn subject_line(&self) -> String {
        format!("{} {}", self.label("letter-subject"), self.subject)
    }

    /// Greeting to signature as the letter prints it. A letter that follows an earlier
    /// one opens its body with the reference to it, on its own line right after the
    /// greeting («با سلام و احترام» / «پیرو نامه شماره … مورخ …», then the body), as a
    /// Persian business letter places it.
    pub fn printed_message(&self) -> String {
        let message = self.message_text();
        match self.reference_line() {
            // `message_text` is the greeting, a blank line, then the body and the rest.
            Some(reference) => format!(
                "{}\n\n{reference}\n{}",
                self.greeting,
                &message[self.greeting.len() + 2..]
            ),
            None => message,
        }
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
            self.printed_message(),
        ];
        if !self.copies.is_empty() {
            let mut copies = self.label("letter-copies");
            for line in self.copies_text() {
                copies.push_str("\n- ");
                copies.push_str(&line);
            }
            blocks.push(copies);
        }
        if !self.contact.is_empty() {
            blocks.push(contact_lines(&self.contact));
        }
        let mut text = blocks.join("\n\n");
        text.push('\n');
        text
    }

    /// The body of an e-mail: the message and the sender's contact lines.
    pub fn email_text(&self) -> String {
        let mut text = self.printed_message();
        if !self.contact.is_empty() {
            text.push_str("\n\n");
            text.push_str(&contact_lines(&self.contact));
        }
        text.push('\n');
        text
    }
}
