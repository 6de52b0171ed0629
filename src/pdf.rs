//! PDF letters, typeset by Typst used as a library: it shapes Persian, applies the bidi
//! algorithm and breaks lines and pages. The letter goes to the Typst template
//! (`assets/pdf/letter.typ`) as one JSON value, never as markup, so whatever a client or the
//! owner typed prints literally.

use crate::i18n::Locale;
use crate::lang::Lang;
use crate::letter::Letter;
use crate::stationery::{PageLayout, Stationery};
use serde::Serialize;
use std::sync::OnceLock;
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
    /// «پیرو نامه شماره …», the body's first line after the greeting, its values isolated.
    reference: Option<String>,
    greeting: &'a str,
    blocks: Vec<Block>,
    closing: &'a str,
    signature: &'a [String],
    copies: Vec<String>,
    contact: &'a [crate::letter::ContactItem],
    layout: PageLayout,
    /// Whether this letter prints the signature and the stamp. Their room is kept either
    /// way, so a copy without them (to sign by hand, say) has the same pages.
    show_signature: bool,
    show_stamp: bool,
}

impl<'a> PdfData<'a> {
    fn new(letter: &'a Letter, layout: PageLayout) -> Self {
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
            reference: letter.reference_line(),
            greeting: &letter.greeting,
            blocks: blocks(&letter.body),
            closing: &letter.closing,
            signature: &letter.signature,
            copies: letter.copies_text(),
            contact: &letter.contact,
            layout,
            show_signature: letter.with_signature,
            show_stamp: letter.with_stamp,
        }
    }
}

/// The JSON the Typst template receives as `sys.inputs.letter`. Public so that the same
/// letter can be typeset by another Typst front end for comparison (see `examples/`).
pub fn template_input(letter: &Letter, layout: PageLayout) -> String {
    serde_json::to_string(&PdfData::new(letter, layout)).expect("plain data serialises")
}

/// The Typst source of the letter layout.
pub fn template_source() -> &'static str {
    TEMPLATE
}

/// How many compiles Typst's memoised work (decoded images, shaped text) survives. Kept
/// above zero so that the letterhead is decoded once for a batch or a preview session,
/// not once per letter.
const CACHE_AGE: usize = 8;

/// A warm Typst engine with the template and fonts loaded; reuse it for many letters. It
/// may be shared between threads: `typeset` takes `&self`.
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
            .comemo_evict_max_age(Some(CACHE_AGE))
            .build();
        PdfRenderer { engine }
    }

    /// Lays the letter out on pages, with the owner's letterhead, signature and stamp
    /// (those the letter asks for). The result gives both the PDF and the page images, so
    /// a preview drawn from it is the layout the PDF has.
    pub fn typeset(
        &self,
        letter: &Letter,
        stationery: &Stationery,
    ) -> Result<TypesetLetter, PdfError> {
        let json = template_input(letter, stationery.layout);
        let mut inputs = Dict::new();
        inputs.insert("letter".into(), json.into_value());
        let images = [
            ("logo", stationery.logo.as_ref()),
            ("letterhead", stationery.letterhead.as_ref()),
            ("letterhead_next", stationery.letterhead_next.as_ref()),
            ("signature", stationery.signature.as_ref()),
            ("stamp", stationery.stamp.as_ref()),
        ];
        for (key, artwork) in images {
            if let Some(artwork) = artwork {
                inputs.insert(key.into(), Value::Bytes(artwork.typst_bytes()));
            }
        }
        let document: PagedDocument = self
            .engine
            .compile_with_input(inputs)
            .output
            .map_err(|e| PdfError::Typeset(describe(&e)))?;
        Ok(TypesetLetter { document })
    }

    /// The letter as PDF bytes.
    pub fn render(&self, letter: &Letter, stationery: &Stationery) -> Result<Vec<u8>, PdfError> {
        self.typeset(letter, stationery)?.pdf()
    }
}

/// A letter laid out on pages: one compile, from which the PDF and the page images come.
pub struct TypesetLetter {
    document: PagedDocument,
}

impl TypesetLetter {
    pub fn page_count(&self) -> usize {
        self.document.pages().len()
    }

    /// The PDF file, byte for byte what export writes.
    pub fn pdf(&self) -> Result<Vec<u8>, PdfError> {
        typst_pdf::pdf(&self.document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
            PdfError::Export(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }

    /// Page `index` (from 0) drawn by Typst's own renderer at `pixels_per_point` (1 pt is
    /// 1/72 inch: 2.0 gives 144 dpi, an A4 page 1191 × 1684 pixels).
    pub fn page_image(&self, index: usize, pixels_per_point: f32) -> Option<PageImage> {
        let page = self.document.pages().get(index)?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(f64::from(pixels_per_point)),
            render_bleed: false,
        };
        let pixmap = typst_render::render(page, &options);
        let (width, height) = (pixmap.width(), pixmap.height());
        // tiny-skia keeps premultiplied alpha; pages are drawn on white, so every pixel is
        // opaque and this is the plain RGBA an image widget expects.
        let rgba = pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect();
        Some(PageImage {
            width,
            height,
            rgba,
        })
    }

    /// Every page, in order.
    pub fn page_images(&self, pixels_per_point: f32) -> Vec<PageImage> {
        (0..self.page_count())
            .filter_map(|i| self.page_image(i, pixels_per_point))
            .collect()
    }
}

/// One page as pixels: `rgba` holds `width × height` pixels, four bytes each (red, green,
/// blue, alpha; not premultiplied), row by row from the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl PageImage {
    /// The page as a PNG file (RGB when every pixel is opaque, as pages are).
    pub fn to_png(&self) -> Vec<u8> {
        let opaque = self.rgba.chunks(4).all(|p| p[3] == 255);
        let (color, data) = if opaque {
            let rgb: Vec<u8> = self
                .rgba
                .chunks(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            (png::ColorType::Rgb, rgb)
        } else {
            (png::ColorType::Rgba, self.rgba.clone())
        };
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .expect("writing a PNG header to memory cannot fail");
        writer
            .write_image_data(&data)
            .expect("the pixel buffer has the size of the image");
        writer
            .finish()
            .expect("finishing a PNG in memory cannot fail");
        out
    }
}

/// A one-image document, typeset and exported like a letter, to learn whether Typst can
/// draw `image` before a letter depends on it. The message is Typst's.
pub(crate) fn check_image(image: &Bytes) -> Result<(), String> {
    let document = probe(image)?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map(drop)
        .map_err(|errors| {
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        })
}

/// `image` drawn by Typst (as a letter prints it) so that its longer side is `longest`
/// pixels: a thumbnail that shows what will be printed, whatever the image's format.
pub(crate) fn image_preview(image: &Bytes, longest: u32) -> Result<PageImage, String> {
    let document = probe(image)?;
    let page = TypesetLetter { document };
    let size = page.document.pages()[0].frame.size();
    let longer = size.x.to_pt().max(size.y.to_pt()).max(1.0);
    let scale = (f64::from(longest.max(1)) / longer) as f32;
    page.page_image(0, scale)
        .ok_or_else(|| "the image gave no page".to_string())
}

/// The image alone on a page of its own size.
fn probe(image: &Bytes) -> Result<PagedDocument, String> {
    static PROBE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    let engine = PROBE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(
                "#set page(width: auto, height: auto, margin: 0pt)\n#image(sys.inputs.image, width: 2cm)",
            )
            .fonts([FONT_REGULAR, FONT_BOLD])
            .comemo_evict_max_age(Some(CACHE_AGE))
            .build()
    });
    let mut inputs = Dict::new();
    inputs.insert("image".into(), Value::Bytes(image.clone()));
    engine
        .compile_with_input(inputs)
        .output
        .map_err(|e| describe(&e))
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
    fn the_engine_and_its_results_cross_threads() {
        // A batch typesets on a thread pool; the app typesets its preview off the UI thread.
        fn shared<T: Send + Sync>() {}
        shared::<PdfRenderer>();
        shared::<crate::export::Exporter>();
        shared::<TypesetLetter>();
        shared::<PageImage>();
    }

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
