//! PDF letters, typeset by Typst used as a library: it shapes Persian, applies the bidi
//! algorithm and breaks lines and pages. The letter goes to the Typst template
//! (`assets/pdf/letter.typ`) as one JSON value, never as markup, so whatever a client or the
//! owner typed prints literally.

use crate::i18n::Locale;
use crate::lang::Lang;
use crate::letter::Letter;
use serde::Serialize;
use typst::foundations::{Bytes, Dict, IntoValue, Value};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

static TEMPLATE: &str = include_str!("../assets/pdf/letter.typ");
static FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/Vazirmatn-Regular.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/Vazirmatn-Bold.ttf");

/// A fault of the PDF engine (never of the letter: every letter's text typesets). The
/// detail is the engine's own (English) account.
#[derive(Debug)]
pub enum PdfError {
    Typeset(String),
    Export(String),
}

impl crate::i18n::Problem for PdfError {
    fn key(&self) -> &'static str {
        match self {
            PdfError::Typeset(_) => "error-pdf-typeset",
            PdfError::Export(_) => "error-pdf-export",
        }
    }

    fn args(&self, _: &Locale) -> Vec<(&'static str, String)> {
        let (PdfError::Typeset(detail) | PdfError::Export(detail)) = self;
        vec![("detail", detail.clone())]
    }
}

crate::i18n::english_display!(PdfError);
impl std::error::Error for PdfError {}

/// A paragraph or a list of the body, as the template lays them out.
#[derive(Debug, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum Block {
    Para { lines: Vec<String> },
    List { items: Vec<String> },
}

/// Splits a plain-text body into paragraphs (blank-line separated) and lists (`- ` lines).
pub(crate) fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for chunk in body.split("\n\n") {
        let mut lines: Vec<String> = Vec::new();
        let mut items: Vec<String> = Vec::new();
        for line in chunk
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
        {
            match line.trim_start().strip_prefix("- ") {
                Some(item) => {
                    if !lines.is_empty() {
                        out.push(Block::Para {
                            lines: std::mem::take(&mut lines),
                        });
                    }
                    items.push(item.to_string());
                }
                None => {
                    if !items.is_empty() {
                        out.push(Block::List {
                            items: std::mem::take(&mut items),
                        });
                    }
                    lines.push(line.trim().to_string());
                }
            }
        }
        if !lines.is_empty() {
            out.push(Block::Para { lines });
        }
        if !items.is_empty() {
            out.push(Block::List { items });
        }
    }
    out
}

#[derive(Serialize)]
struct Labels {
    date: String,
    number: String,
    attachments: String,
    subject: String,
    copies: String,
    page: String,
    of: String,
}

#[derive(Serialize)]
struct PdfData<'a> {
    lang: &'static str,
    dir: &'static str,
    /// Metadata, read by a document viewer rather than laid out: without direction marks.
    title: String,
    author: String,
    keywords: Vec<&'a str>,
    labels: Labels,
    invocation: Option<&'a str>,
    letterhead: &'a str,
    tagline: Option<&'a str>,
    date: &'a str,
    number: &'a str,
    attachments: String,
    recipient: &'a [String],
    subject: &'a str,
    greeting: &'a str,
    blocks: Vec<Block>,
    closing: &'a str,
    signature: &'a [String],
    copies: Vec<String>,
    contact: &'a [crate::letter::ContactItem],
}

impl<'a> PdfData<'a> {
    fn new(letter: &'a Letter) -> Self {
        let locale = Locale::get(letter.lang);
        let author = letter.signature.first().map_or("", String::as_str);
        // The line under the letterhead: the owner's name when the letterhead is the business.
        let tagline = (letter.letterhead != author).then_some(author);
        PdfData {
            lang: letter.lang.code(),
            dir: if letter.lang == Lang::Fa {
                "rtl"
            } else {
                "ltr"
            },
            title: crate::bidi::strip(&letter.subject),
            author: crate::bidi::strip(author),
            keywords: vec![&letter.template, &letter.number],
            labels: Labels {
                date: locale.text("letter-date"),
                number: locale.text("letter-number"),
                attachments: locale.text("letter-attachments"),
                subject: locale.text("letter-subject"),
                copies: locale.text("letter-copies"),
                page: locale.text("letter-page"),
                of: locale.text("letter-page-of"),
            },
            invocation: letter.invocation.as_deref(),
            letterhead: &letter.letterhead,
            tagline,
            date: &letter.date_text,
            number: &letter.number,
            attachments: letter.attachments_text(),
            recipient: &letter.recipient,
            subject: &letter.subject,
            greeting: &letter.greeting,
            blocks: blocks(&letter.body),
            closing: &letter.closing,
            signature: &letter.signature,
            copies: letter.copies_text(),
            contact: &letter.contact,
        }
    }
}

/// The JSON the Typst template receives as `sys.inputs.letter`. Public so that the same
/// letter can be typeset by another Typst front end for comparison (see `examples/`).
pub fn template_input(letter: &Letter) -> String {
    serde_json::to_string(&PdfData::new(letter)).expect("plain data serialises")
}

/// The Typst source of the letter layout.
pub fn template_source() -> &'static str {
    TEMPLATE
}

/// A warm Typst engine with the template and fonts loaded; reuse it for many letters.
pub struct PdfRenderer {
    engine: TypstEngine<TypstTemplateMainFile>,
}

impl Default for PdfRenderer {
    fn default() -> Self {
        Self::new()
    }
}

impl PdfRenderer {
    pub fn new() -> Self {
        let engine = TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts([FONT_REGULAR, FONT_BOLD])
            .build();
        PdfRenderer { engine }
    }

    /// Typesets the letter; `logo` is the bytes of a PNG, JPEG or SVG image.
    pub fn render(&self, letter: &Letter, logo: Option<&[u8]>) -> Result<Vec<u8>, PdfError> {
        let json = template_input(letter);
        let mut inputs = Dict::new();
        inputs.insert("letter".into(), json.into_value());
        if let Some(logo) = logo {
            inputs.insert("logo".into(), Value::Bytes(Bytes::new(logo.to_vec())));
        }
        let document: PagedDocument = self
            .engine
            .compile_with_input(inputs)
            .output
            .map_err(|e| PdfError::Typeset(describe(&e)))?;
        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
            PdfError::Export(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }
}

/// Typst's diagnostics as one readable line (the debug form is unreadable for a person).
fn describe(error: &typst_as_lib::TypstAsLibError) -> String {
    match error {
        typst_as_lib::TypstAsLibError::TypstSource(diagnostics) => diagnostics
            .iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_splits_into_paragraphs_and_lists() {
        let body = "First line\nsecond line\n\nSteps:\n- one\n- two\n\nLast.";
        assert_eq!(
            blocks(body),
            vec![
                Block::Para {
                    lines: vec!["First line".into(), "second line".into()]
                },
                Block::Para {
                    lines: vec!["Steps:".into()]
                },
                Block::List {
                    items: vec!["one".into(), "two".into()]
                },
                Block::Para {
                    lines: vec!["Last.".into()]
                },
            ]
        );
    }
}
