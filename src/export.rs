//! Turning a letter into files: plain text, RFC 5322 e-mail (.eml) and PDF.

use crate::fsutil::atomic_write;
use crate::letter::Letter;
use crate::pdf::{PageImage, PdfError, PdfRenderer, TypesetLetter};
use crate::stationery::{ImageError, Stationery};
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
    #[error(transparent)]
    Image(#[from] ImageError),
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
/// letters, or many previews, do not pay for its start-up again. It may be shared between
/// threads (a batch typesets letters in parallel).
#[derive(Default)]
pub struct Exporter {
    pdf: std::sync::OnceLock<PdfRenderer>,
    stationery: Stationery,
    /// Why PDF letters cannot be made: an image the owner named cannot be printed, and a
    /// PDF without it must not leave.
    broken: Option<ImageError>,
}

impl Exporter {
    /// `stationery` is what PDF letters print besides the letter: the owner's letterhead,
    /// signature, stamp and logo (see `Store::load_stationery`).
    pub fn new(stationery: Stationery) -> Self {
        Exporter {
            pdf: std::sync::OnceLock::new(),
            stationery,
            broken: None,
        }
    }

    /// An exporter for text and e-mail only: every PDF (and page image) is refused with
    /// `problem`, the image that could not be loaded.
    pub fn unusable_for_pdf(problem: ImageError) -> Self {
        Exporter {
            broken: Some(problem),
            ..Exporter::default()
        }
    }

    pub fn stationery(&self) -> &Stationery {
        &self.stationery
    }

    fn renderer(&self) -> &PdfRenderer {
        self.pdf.get_or_init(PdfRenderer::new)
    }

    /// The letter laid out as its PDF will be: `.pdf()` gives the file's bytes and
    /// `.page_images(scale)` the pages for a preview, both from this one layout.
    pub fn typeset(&self, letter: &Letter) -> Result<TypesetLetter, ExportError> {
        if let Some(problem) = &self.broken {
            return Err(ExportError::Image(problem.clone()));
        }
        Ok(self.renderer().typeset(letter, &self.stationery)?)
    }

    /// Every page of the letter's PDF as pixels, drawn by Typst's renderer at
    /// `pixels_per_point` (see `TypesetLetter::page_image`).
    pub fn page_images(
        &self,
        letter: &Letter,
        pixels_per_point: f32,
    ) -> Result<Vec<PageImage>, ExportError> {
        Ok(self.typeset(letter)?.page_images(pixels_per_point))
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
            Format::Pdf => self.typeset(letter)?.pdf()?,
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

/// Runs `work` over `items` on every core, a chunk ahead of `consume`, which gets each item
/// with its result in the order of `items`, on the calling thread. What must happen one at
/// a time and in order (numbering, writing, recording a letter) goes in `consume`; the
/// typesetting goes in `work`. At most two chunks of results are held at once.
pub fn in_order<T, R>(items: Vec<T>, work: impl Fn(&T) -> R + Sync, mut consume: impl FnMut(T, R))
where
    T: Send + Sync,
    R: Send,
{
    use rayon::prelude::*;
    let size = 4 * rayon::current_num_threads();
    let run = |chunk: &[T]| chunk.par_iter().map(&work).collect::<Vec<R>>();
    let mut chunks = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(size).collect::<Vec<T>>());
    }
    let mut chunks = chunks.into_iter().peekable();
    let mut ready = chunks.peek().map(|c| run(c));
    while let Some(chunk) = chunks.next() {
        let done = ready
            .take()
            .expect("each chunk is worked on before it is consumed");
        let next = chunks.peek();
        ready = std::thread::scope(|scope| {
            // The next chunk is worked on while this one is consumed (writing waits on the
            // disk, so the cores would otherwise idle).
            let ahead = next.map(|c| scope.spawn(|| run(c)));
            for (item, result) in chunk.into_iter().zip(done) {
                consume(item, result);
            }
            ahead.map(|h| h.join().expect("the work does not panic"))
        });
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
    use std::collections::HashSet;
    use std::sync::Mutex;

    #[test]
    fn in_order_hands_results_over_in_order_on_the_calling_thread() {
        let workers = Mutex::new(HashSet::new());
        let caller = std::thread::current().id();
        let mut seen = Vec::new();
        in_order(
            (0..100u64).collect(),
            |&i| {
                workers.lock().unwrap().insert(std::thread::current().id());
                // Later items finish first if anything lets them overtake.
                std::thread::sleep(std::time::Duration::from_micros(100 * (100 - i)));
                i * i
            },
            |i, square| {
                assert_eq!(std::thread::current().id(), caller);
                seen.push((i, square));
            },
        );
        assert_eq!(seen, (0..100).map(|i| (i, i * i)).collect::<Vec<_>>());
        if rayon::current_num_threads() > 1 {
            assert!(
                workers.lock().unwrap().len() > 1,
                "the work used one thread"
            );
        }
    }
}
