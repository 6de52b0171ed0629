//! Turning a letter into files: plain text, RFC 5322 e-mail (.eml) and PDF.

use crate::email::{self, Attachment, CoverError, MailOptions};
use crate::fsutil::atomic_write;
use crate::i18n::{Locale, Problem};
use crate::letter::Letter;
use crate::pdf::{PdfError, PdfRenderer};
use chrono::{DateTime, Local, NaiveDate, TimeZone};
use std::path::Path;

/// The formats a letter can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Eml,
    Pdf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Eml => "eml",
            Format::Pdf => "pdf",
        }
    }
}

#[derive(Debug)]
pub enum ExportError {
    /// An e-mail needs the client's address; the value is the client's id.
    NoRecipient(String),
    /// An e-mail needs the owner's address.
    NoSender,
    Pdf(PdfError),
    /// The cover note (`templates/cover/<lang>.tera`) could not be written for this letter.
    Cover(CoverError),
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

impl From<PdfError> for ExportError {
    fn from(e: PdfError) -> Self {
        ExportError::Pdf(e)
    }
}

impl From<CoverError> for ExportError {
    fn from(e: CoverError) -> Self {
        ExportError::Cover(e)
    }
}

impl Problem for ExportError {
    fn key(&self) -> &'static str {
        match self {
            ExportError::NoRecipient(_) => "error-no-recipient-email",
            ExportError::NoSender => "error-no-sender-email",
            ExportError::Pdf(e) => e.key(),
            ExportError::Cover(e) => e.key(),
            ExportError::Write { source, .. } => crate::store::io_key(source),
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            ExportError::NoRecipient(id) => vec![("id", id.clone())],
            ExportError::NoSender => Vec::new(),
            ExportError::Pdf(e) => e.args(locale),
            ExportError::Cover(e) => e.args(locale),
            ExportError::Write { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
        }
    }
}

crate::i18n::english_display!(ExportError);

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Pdf(e) => Some(e),
            ExportError::Cover(e) => Some(e),
            ExportError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
impl ExportError {
    pub(crate) fn samples() -> Vec<Self> {
        let mut all = vec![
            ExportError::NoRecipient("acme".into()),
            ExportError::NoSender,
            ExportError::Pdf(PdfError::Typeset("unknown font family".into())),
            ExportError::Pdf(PdfError::Export("the document is empty".into())),
            ExportError::Write {
                path: "/media/usb/نامه‌ها/payment-3.pdf".into(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
        ];
        all.extend(CoverError::samples().into_iter().map(ExportError::Cover));
        for e in &all {
            match e {
                ExportError::NoRecipient(_)
                | ExportError::NoSender
                | ExportError::Pdf(PdfError::Typeset(_) | PdfError::Export(_))
                | ExportError::Cover(_)
                | ExportError::Write { .. } => {}
            }
        }
        all
    }
}

/// The letter as an e-mail message: the letter as the body in plain text and in HTML,
/// encoded headers, marked as unsent so that mail clients open it as a draft ready to send.
pub fn to_eml(letter: &Letter, timestamp: i64) -> Result<String, ExportError> {
    let bytes = email::message(letter, &email::letter_body(letter), None, timestamp)?;
    Ok(String::from_utf8(bytes).expect("mail-builder writes 7-bit text"))
}

/// Turns letters into files. Keeps one warm PDF engine (built on first use) so that many
/// letters, or many previews, do not pay for its start-up again.
#[derive(Default)]
pub struct Exporter {
    pdf: std::sync::OnceLock<PdfRenderer>,
    logo: Option<Vec<u8>>,
}

impl Exporter {
    /// `logo` is the letterhead image for PDF letters, if the owner has one.
    pub fn new(logo: Option<Vec<u8>>) -> Self {
        Exporter {
            pdf: std::sync::OnceLock::new(),
            logo,
        }
    }

    /// The letter in `format`, as bytes ready to be written (an e-mail with the letter as
    /// its body and nothing attached).
    pub fn bytes(
        &self,
        letter: &Letter,
        format: Format,
        timestamp: i64,
    ) -> Result<Vec<u8>, ExportError> {
        self.bytes_with(letter, format, &MailOptions::default(), timestamp)
    }

    /// The letter in `format`; an e-mail goes out as `mail` says (PDF attached, cover note).
    pub fn bytes_with(
        &self,
        letter: &Letter,
        format: Format,
        mail: &MailOptions,
        timestamp: i64,
    ) -> Result<Vec<u8>, ExportError> {
        Ok(match format {
            Format::Text => letter.to_text().into_bytes(),
            Format::Eml => self.eml(letter, mail, timestamp)?,
            Format::Pdf => self
                .pdf
                .get_or_init(PdfRenderer::new)
                .render(letter, self.logo.as_deref())?,
        })
    }

    /// The letter's PDF as an e-mail attachment: named like a PDF export, the same bytes.
    pub fn pdf_attachment(&self, letter: &Letter) -> Result<Attachment, ExportError> {
        Ok(Attachment {
            name: default_file_name(letter, Format::Pdf),
            content_type: "application/pdf",
            // A PDF does not depend on the time it is made.
            bytes: self.bytes(letter, Format::Pdf, 0)?,
        })
    }

    /// The body `mail` asks for: the letter, or (with the PDF attached) the cover note.
    pub fn mail_body(
        &self,
        letter: &Letter,
        mail: &MailOptions,
    ) -> Result<email::MailBody, ExportError> {
        if mail.attach_pdf && !mail.letter_as_body {
            let note = mail
                .covers
                .get(letter.lang)
                .render(letter, &default_file_name(letter, Format::Pdf))?;
            Ok(email::cover_body(letter, &note))
        } else {
            Ok(email::letter_body(letter))
        }
    }

    /// The letter as an e-mail message, as `mail` says.
    pub fn eml(
        &self,
        letter: &Letter,
        mail: &MailOptions,
        timestamp: i64,
    ) -> Result<Vec<u8>, ExportError> {
        // Addresses first: no PDF is typeset for an e-mail that cannot be addressed.
        email::addresses(letter)?;
        let body = self.mail_body(letter, mail)?;
        let attachment = if mail.attach_pdf {
            Some(self.pdf_attachment(letter)?)
        } else {
            None
        };
        email::message(letter, &body, attachment.as_ref(), timestamp)
    }

    /// Writes the letter to `path` atomically.
    pub fn write(
        &self,
        letter: &Letter,
        format: Format,
        path: &Path,
        timestamp: i64,
    ) -> Result<(), ExportError> {
        self.write_with(letter, format, &MailOptions::default(), path, timestamp)
    }

    /// Writes the letter to `path` atomically; an e-mail as `mail` says.
    pub fn write_with(
        &self,
        letter: &Letter,
        format: Format,
        mail: &MailOptions,
        path: &Path,
        timestamp: i64,
    ) -> Result<(), ExportError> {
        let bytes = self.bytes_with(letter, format, mail, timestamp)?;
        atomic_write(path, &bytes).map_err(|source| ExportError::Write {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// The e-mail's Date header, in seconds since the epoch: `now` for a letter dated today,
/// otherwise nine in the morning (local time) of the letter date, so that a letter dated
/// ahead or back carries its own date.
pub fn mail_timestamp(date: NaiveDate, now: DateTime<Local>) -> i64 {
    if date == now.date_naive() {
        return now.timestamp();
    }
    let nine = date.and_hms_opt(9, 0, 0).expect("09:00 exists");
    Local
        .from_local_datetime(&nine)
        .earliest()
        .map_or_else(|| nine.and_utc().timestamp(), |t| t.timestamp())
}

/// A `mailto:` link that opens the user's mail app with the recipient, subject and the
/// letter as the body, when that fits in [`crate::mail_app::MAILTO_LIMIT`] characters; else
/// without the body (see [`crate::mail_app::open_in_mail_program`] for the whole hand-over).
pub fn mailto(letter: &Letter) -> String {
    let body = email::letter_body(letter).plain;
    crate::mail_app::mailto_link(letter, &[(crate::mail_app::MailtoBody::Letter, &body)]).url
}

/// A file name a person would expect: `payment-3_sample-reza_2026-11-22.eml`.
pub fn default_file_name(letter: &Letter, format: Format) -> String {
    format!(
        "{}_{}_{}.{}",
        letter.template,
        letter.client,
        letter.date.format("%Y-%m-%d"),
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    #[test]
    fn the_mail_date_is_now_for_today_and_nine_in_the_morning_otherwise() {
        let now = Local::now();
        assert_eq!(mail_timestamp(now.date_naive(), now), now.timestamp());
        let later = now.date_naive() + chrono::Days::new(3);
        let sent = DateTime::from_timestamp(mail_timestamp(later, now), 0)
            .unwrap()
            .with_timezone(&Local);
        assert_eq!(sent.date_naive(), later);
        assert_eq!((sent.hour(), sent.minute()), (9, 0));
    }
}
