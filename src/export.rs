//! Turning a letter into files: plain text, RFC 5322 e-mail (.eml) and PDF.

use crate::fsutil::atomic_write;
use crate::letter::Letter;
use crate::pdf::{PdfError, PdfRenderer};
use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;
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
    #[error("{}: {source}", path.display())]
    Write {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The letter as an e-mail message: UTF-8 text body, encoded headers, marked as unsent so
/// that mail clients open it as a draft ready to send.
pub fn to_eml(letter: &Letter, timestamp: i64) -> Result<String, ExportError> {
    let to = letter
        .to
        .as_ref()
        .ok_or_else(|| ExportError::NoRecipient(letter.client.clone()))?;
    let from = letter.from.as_ref().ok_or(ExportError::NoSender)?;
    let message = MessageBuilder::new()
        .from((from.name.as_str(), from.email.as_str()))
        .to((to.name.as_str(), to.email.as_str()))
        .subject(letter.subject.as_str())
        .date(timestamp)
        .header("X-Unsent", Raw::new("1"))
        .header("Content-Language", Raw::new(letter.lang.code()))
        .text_body(letter.email_text());
    // Writing to a String cannot fail for I/O reasons.
    Ok(message
        .write_to_string()
        .expect("writing an e-mail to memory cannot fail"))
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

    /// The letter in `format`, as bytes ready to be written.
    pub fn bytes(
        &self,
        letter: &Letter,
        format: Format,
        timestamp: i64,
    ) -> Result<Vec<u8>, ExportError> {
        Ok(match format {
            Format::Text => letter.to_text().into_bytes(),
            Format::Eml => to_eml(letter, timestamp)?.into_bytes(),
            Format::Pdf => self
                .pdf
                .get_or_init(PdfRenderer::new)
                .render(letter, self.logo.as_deref())?,
        })
    }

    /// Writes the letter to `path` atomically.
    pub fn write(
        &self,
        letter: &Letter,
        format: Format,
        path: &Path,
        timestamp: i64,
    ) -> Result<(), ExportError> {
        let bytes = self.bytes(letter, format, timestamp)?;
        atomic_write(path, &bytes).map_err(|source| ExportError::Write {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// A `mailto:` link that opens the user's mail app with the recipient, subject and body
/// filled in.
pub fn mailto(letter: &Letter) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    let to = letter
        .to
        .as_ref()
        .map(|m| enc(&m.email))
        .unwrap_or_default();
    // Mail apps expect CRLF line breaks in a mailto body (RFC 6068).
    let body = letter.email_text().replace('\n', "\r\n");
    format!(
        "mailto:{to}?subject={}&body={}",
        enc(&letter.subject),
        enc(&body)
    )
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
