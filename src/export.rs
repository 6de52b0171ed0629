//! Turning a letter into files: plain text, RFC 5322 e-mail (.eml) and PDF.

use crate::email::{self, Attachment, CoverError, MailOptions};
use crate::fsutil::atomic_write;
use crate::letter::Letter;
use crate::pdf::{PdfError, PdfRenderer};
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

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "client `{0}` has no email address, so an e-mail cannot be addressed: add `email = \"…\"` to clients/{0}.toml, or export as text"
    )]
    NoRecipient(String),
    #[error(
        "sender.toml has no email address, so the e-mail has no sender: add `email = \"…\"` to sender.toml, or export as text"
    )]
    NoSender,
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Cover(#[from] CoverError),
    #[error("{}: {source}", path.display())]
    Write {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
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

    /// Starts the PDF engine now if `format` needs it, so that its start-up is not paid
    /// while the register is locked.
    pub fn warm(&self, format: Format) {
        if format == Format::Pdf {
            self.pdf.get_or_init(PdfRenderer::new);
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

/// A `mailto:` link that opens the user's mail app with the recipient, subject and the
/// letter as the body, when that fits in [`crate::mail_app::MAILTO_LIMIT`] characters; else
/// without the body (see [`crate::mail_app::open_in_mail_program`] for the whole hand-over).
pub fn mailto(letter: &Letter) -> String {
    let body = email::letter_body(letter).plain;
    crate::mail_app::mailto_link(letter, &[(crate::mail_app::MailtoBody::Letter, &body)]).url
}

/// A file name a person would expect: `payment-3_sample-reza_2026-11-22.eml`.
pub fn default_file_name(letter: &Letter, format: Format) -> String {
    file_name(&letter.template, &letter.client, letter.date, format)
}

/// The same name from its parts, before the letter is built.
pub fn file_name(template: &str, client: &str, date: chrono::NaiveDate, format: Format) -> String {
    format!(
        "{template}_{client}_{}.{}",
        date.format("%Y-%m-%d"),
        format.extension()
    )
}
