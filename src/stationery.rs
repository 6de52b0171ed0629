//! The owner's printed page: the letterhead (سربرگ) behind every page, the signature and
//! the stamp (مهر) beside the signer's name, the logo of the built-in header, and the
//! margins and sizes they are printed at. The images are named in `sender.toml`, read once
//! and checked with Typst's own decoders, so a missing or damaged file is reported by name
//! before any letter is made, never discovered as a PDF without it.

use crate::i18n::{Locale, Problem};
use crate::profile::Sender;
use serde::Serialize;
use std::path::{Path, PathBuf};
use typst::foundations::Bytes;

/// What an image is for; each is one key of `sender.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageRole {
    Logo,
    Letterhead,
    LetterheadNext,
    Signature,
    Stamp,
}

impl ImageRole {
    pub const ALL: [ImageRole; 5] = [
        ImageRole::Logo,
        ImageRole::Letterhead,
        ImageRole::LetterheadNext,
        ImageRole::Signature,
        ImageRole::Stamp,
    ];

    /// The `sender.toml` key that names the file (also the role's code for messages).
    pub fn field(self) -> &'static str {
        match self {
            ImageRole::Logo => "logo",
            ImageRole::Letterhead => "letterhead",
            ImageRole::LetterheadNext => "letterhead_next",
            ImageRole::Signature => "signature",
            ImageRole::Stamp => "stamp",
        }
    }

    /// The message id of the image's name in the interface («سربرگ», "the letterhead").
    pub fn message_id(self) -> &'static str {
        match self {
            ImageRole::Logo => "image-logo",
            ImageRole::Letterhead => "image-letterhead",
            ImageRole::LetterheadNext => "image-letterhead-next",
            ImageRole::Signature => "image-signature",
            ImageRole::Stamp => "image-stamp",
        }
    }

    /// The path `sender` gives for this image, if any.
    pub fn path_in(self, sender: &Sender) -> Option<&str> {
        match self {
            ImageRole::Logo => sender.logo.as_deref(),
            ImageRole::Letterhead => sender.letterhead.as_deref(),
            ImageRole::LetterheadNext => sender.letterhead_next.as_deref(),
            ImageRole::Signature => sender.signature.as_deref(),
            ImageRole::Stamp => sender.stamp.as_deref(),
        }
        .filter(|p| !p.trim().is_empty())
    }
}

impl ImageRole {
    /// Names `path` as this image in `sender` (`None` takes it off).
    pub fn set_in(self, sender: &mut Sender, path: Option<String>) {
        let slot = match self {
            ImageRole::Logo => &mut sender.logo,
            ImageRole::Letterhead => &mut sender.letterhead,
            ImageRole::LetterheadNext => &mut sender.letterhead_next,
            ImageRole::Signature => &mut sender.signature,
            ImageRole::Stamp => &mut sender.stamp,
        };
        *slot = path;
    }
}

/// An image named in `sender.toml` that cannot be printed. Each carries the key that names
/// it and the full path, so that any interface can word it and name the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    Missing {
        field: &'static str,
        path: PathBuf,
    },
    /// The file is there but cannot be read; `reason` is the system's (English) account.
    Unreadable {
        field: &'static str,
        path: PathBuf,
        reason: String,
    },
    /// Not a kind of image Typst draws.
    Unsupported {
        field: &'static str,
        path: PathBuf,
    },
    /// An image of a known kind that does not decode; `reason` is the decoder's account.
    Damaged {
        field: &'static str,
        path: PathBuf,
        reason: String,
    },
}

/// The kinds of image a letter can print, as the messages list them.
const IMAGE_FORMATS: &str = "PNG, JPEG, GIF, WebP, SVG, PDF";

impl Problem for ImageError {
    fn key(&self) -> &'static str {
        match self {
            ImageError::Missing { .. } => "error-image-missing",
            ImageError::Unreadable { .. } => "error-image-unreadable",
            ImageError::Unsupported { .. } => "error-image-unsupported",
            ImageError::Damaged { .. } => "error-image-damaged",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        let role = ImageRole::ALL
            .into_iter()
            .find(|r| r.field() == self.field())
            .unwrap_or(ImageRole::Logo);
        let mut args = vec![
            ("image", locale.text(role.message_id())),
            ("path", self.path().display().to_string()),
        ];
        match self {
            ImageError::Unreadable { reason, .. } | ImageError::Damaged { reason, .. } => {
                args.push(("detail", reason.clone()));
            }
            ImageError::Unsupported { .. } => args.push(("formats", IMAGE_FORMATS.to_string())),
            ImageError::Missing { .. } => {}
        }
        args
    }
}

crate::i18n::english_display!(ImageError);
impl std::error::Error for ImageError {}

#[cfg(test)]
impl ImageError {
    /// One of each kind of image problem.
    pub(crate) fn samples() -> Vec<Self> {
        let path = PathBuf::from("/home/maryam/marz/سربرگ ۱۴۰۵.png");
        let all = vec![
            ImageError::Missing {
                field: "letterhead",
                path: path.clone(),
            },
            ImageError::Unreadable {
                field: "signature",
                path: path.clone(),
                reason: "Permission denied (os error 13)".into(),
            },
            ImageError::Unsupported {
                field: "stamp",
                path: path.clone(),
            },
            ImageError::Damaged {
                field: "letterhead_next",
                path,
                reason: "unexpected end of file".into(),
            },
        ];
        for e in &all {
            match e {
                ImageError::Missing { .. }
                | ImageError::Unreadable { .. }
                | ImageError::Unsupported { .. }
                | ImageError::Damaged { .. } => {}
            }
        }
        all
    }
}

impl ImageError {
    /// The `sender.toml` key that names the image.
    pub fn field(&self) -> &'static str {
        match self {
            ImageError::Missing { field, .. }
            | ImageError::Unreadable { field, .. }
            | ImageError::Unsupported { field, .. }
            | ImageError::Damaged { field, .. } => field,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ImageError::Missing { path, .. }
            | ImageError::Unreadable { path, .. }
            | ImageError::Unsupported { path, .. }
            | ImageError::Damaged { path, .. } => path,
        }
    }
}

/// One checked image, ready for the typesetter.
#[derive(Clone)]
pub struct Artwork {
    pub role: ImageRole,
    /// Where it was read from.
    pub path: PathBuf,
    bytes: Bytes,
}

impl std::fmt::Debug for Artwork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Artwork")
            .field("role", &self.role)
            .field("path", &self.path)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

impl Artwork {
    /// Reads `path` and checks that Typst can draw it.
    pub fn load(role: ImageRole, path: &Path) -> Result<Artwork, ImageError> {
        let field = role.field();
        let data = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ImageError::Missing {
                field,
                path: path.to_path_buf(),
            },
            _ => ImageError::Unreadable {
                field,
                path: path.to_path_buf(),
                reason: e.to_string(),
            },
        })?;
        Artwork::from_bytes(role, path, data)
    }

    /// Checks image bytes (already read from `path`) the way Typst will draw them.
    pub fn from_bytes(role: ImageRole, path: &Path, data: Vec<u8>) -> Result<Artwork, ImageError> {
        let field = role.field();
        if typst::visualize::ImageFormat::detect(&data).is_none() {
            return Err(ImageError::Unsupported {
                field,
                path: path.to_path_buf(),
            });
        }
        let bytes = Bytes::new(data);
        crate::pdf::check_image(&bytes).map_err(|reason| ImageError::Damaged {
            field,
            path: path.to_path_buf(),
            reason,
        })?;
        Ok(Artwork {
            role,
            path: path.to_path_buf(),
            bytes,
        })
    }

    /// The file's bytes (for a thumbnail, say).
    pub fn bytes(&self) -> &[u8] {
        self.bytes.as_slice()
    }

    /// The image as Typst prints it, its longer side `longest` pixels (for a thumbnail; any
    /// format Typst reads, a PDF page too). `None` only if Typst no longer draws it.
    pub fn thumbnail(&self, longest: u32) -> Option<crate::pdf::PageImage> {
        crate::pdf::image_preview(&self.bytes, longest).ok()
    }

    /// The usual file extension for the image's format (`png`, `jpg`, `pdf`…).
    pub fn extension(&self) -> &'static str {
        use typst::visualize::{ImageFormat, RasterFormat, VectorFormat};
        match ImageFormat::detect(self.bytes.as_slice()) {
            Some(ImageFormat::Raster(RasterFormat::Exchange(f))) => match f {
                typst::visualize::ExchangeFormat::Png => "png",
                typst::visualize::ExchangeFormat::Jpg => "jpg",
                typst::visualize::ExchangeFormat::Gif => "gif",
                typst::visualize::ExchangeFormat::Webp => "webp",
            },
            Some(ImageFormat::Vector(VectorFormat::Svg)) => "svg",
            Some(ImageFormat::Vector(VectorFormat::Pdf)) => "pdf",
            _ => "img",
        }
    }

    /// The bytes as Typst holds them; cloning shares them.
    pub(crate) fn typst_bytes(&self) -> Bytes {
        self.bytes.clone()
    }
}

/// Where the text may go and how large the signature and stamp print, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PageLayout {
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
    pub margin_side_mm: f32,
    pub signature_width_mm: f32,
    pub stamp_width_mm: f32,
}

impl PageLayout {
    /// On a letterhead: a typical Iranian A4 letterhead prints its header in the top
    /// 35–40 mm and its footer in the bottom 20–25 mm; the text keeps a little clear of both.
    pub const LETTERHEAD: PageLayout = PageLayout {
        margin_top_mm: 45.0,
        margin_bottom_mm: 30.0,
        margin_side_mm: 20.0,
        ..PageLayout::PLAIN
    };

    /// On blank paper, with the built-in header and the contact footer.
    pub const PLAIN: PageLayout = PageLayout {
        margin_top_mm: 20.0,
        margin_bottom_mm: 28.0,
        margin_side_mm: 23.0,
        signature_width_mm: 40.0,
        stamp_width_mm: 32.0,
    };

    /// The layout `sender` asks for: its own sizes where given, else the defaults for a
    /// page with or without a letterhead.
    pub fn of(sender: &Sender, letterhead: bool) -> PageLayout {
        let base = if letterhead {
            PageLayout::LETTERHEAD
        } else {
            PageLayout::PLAIN
        };
        PageLayout {
            margin_top_mm: sender.margin_top_mm.unwrap_or(base.margin_top_mm),
            margin_bottom_mm: sender.margin_bottom_mm.unwrap_or(base.margin_bottom_mm),
            margin_side_mm: sender.margin_side_mm.unwrap_or(base.margin_side_mm),
            signature_width_mm: sender.signature_width_mm.unwrap_or(base.signature_width_mm),
            stamp_width_mm: sender.stamp_width_mm.unwrap_or(base.stamp_width_mm),
        }
    }
}

impl Default for PageLayout {
    fn default() -> Self {
        PageLayout::PLAIN
    }
}

/// Everything the owner's PDF letters print besides the letter itself.
#[derive(Debug, Clone, Default)]
pub struct Stationery {
    pub logo: Option<Artwork>,
    pub letterhead: Option<Artwork>,
    pub letterhead_next: Option<Artwork>,
    pub signature: Option<Artwork>,
    pub stamp: Option<Artwork>,
    pub layout: PageLayout,
}

impl Stationery {
    /// Reads every image `sender` names; relative paths are taken from `root` (the
    /// workspace). The first image that cannot be printed is the error.
    pub fn load(sender: &Sender, root: &Path) -> Result<Stationery, ImageError> {
        let mut stationery = Stationery {
            layout: PageLayout::of(
                sender,
                sender.letterhead.is_some() || sender.letterhead_next.is_some(),
            ),
            ..Stationery::default()
        };
        for role in ImageRole::ALL {
            if let Some(path) = role.path_in(sender) {
                let artwork = Artwork::load(role, &root.join(path))?;
                *stationery.slot(role) = Some(artwork);
            }
        }
        Ok(stationery)
    }

    fn slot(&mut self, role: ImageRole) -> &mut Option<Artwork> {
        match role {
            ImageRole::Logo => &mut self.logo,
            ImageRole::Letterhead => &mut self.letterhead,
            ImageRole::LetterheadNext => &mut self.letterhead_next,
            ImageRole::Signature => &mut self.signature,
            ImageRole::Stamp => &mut self.stamp,
        }
    }

    /// The image for `role`, if the owner has one.
    pub fn get(&self, role: ImageRole) -> Option<&Artwork> {
        match role {
            ImageRole::Logo => self.logo.as_ref(),
            ImageRole::Letterhead => self.letterhead.as_ref(),
            ImageRole::LetterheadNext => self.letterhead_next.as_ref(),
            ImageRole::Signature => self.signature.as_ref(),
            ImageRole::Stamp => self.stamp.as_ref(),
        }
    }

    /// Whether pages are printed on a letterhead (first or following pages).
    pub fn has_letterhead(&self) -> bool {
        self.letterhead.is_some() || self.letterhead_next.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SIGNATURE: &[u8] = include_bytes!("../assets/sample/signature.png");

    fn sender_with(role: ImageRole, path: &str) -> Sender {
        let mut sender = Sender {
            name: "مریم".to_string(),
            ..Sender::default()
        };
        role.set_in(&mut sender, Some(path.to_string()));
        sender
    }

    #[test]
    fn images_load_from_the_workspace_or_an_absolute_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("sig.png"), SIGNATURE).unwrap();
        let sender = sender_with(ImageRole::Signature, "sig.png");
        let stationery = Stationery::load(&sender, dir.path()).unwrap();
        let signature = stationery.signature.as_ref().unwrap();
        assert_eq!(signature.bytes(), SIGNATURE);
        assert_eq!(signature.path, dir.path().join("sig.png"));
        assert!(stationery.stamp.is_none() && !stationery.has_letterhead());

        let elsewhere = tempfile::tempdir().unwrap();
        let absolute = dir.path().join("sig.png");
        let sender = sender_with(ImageRole::Stamp, absolute.to_str().unwrap());
        let stationery = Stationery::load(&sender, elsewhere.path()).unwrap();
        assert_eq!(stationery.stamp.unwrap().path, absolute);
    }

    #[test]
    fn each_kind_of_bad_image_is_its_own_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let load = |role, name: &str| Stationery::load(&sender_with(role, name), dir.path());

        let e = load(ImageRole::Letterhead, "nowhere.png").unwrap_err();
        assert_eq!(
            e,
            ImageError::Missing {
                field: "letterhead",
                path: dir.path().join("nowhere.png")
            }
        );
        assert!(e.to_string().contains("nowhere.png"), "{e}");
        assert!(e.to_string().contains("the letterhead"), "{e}");

        std::fs::write(dir.path().join("notes.png"), "just some text").unwrap();
        let e = load(ImageRole::Stamp, "notes.png").unwrap_err();
        assert!(
            matches!(&e, ImageError::Unsupported { field: "stamp", path } if path.ends_with("notes.png")),
            "{e:?}"
        );

        // A PNG cut short: its header says PNG, its pixels are missing.
        std::fs::write(dir.path().join("cut.png"), &SIGNATURE[..200]).unwrap();
        let e = load(ImageRole::Signature, "cut.png").unwrap_err();
        assert!(
            matches!(&e, ImageError::Damaged { field: "signature", path, .. } if path.ends_with("cut.png")),
            "{e:?}"
        );
        assert!(e.to_string().contains("cut.png"), "{e}");

        std::fs::create_dir(dir.path().join("folder.png")).unwrap();
        let e = load(ImageRole::LetterheadNext, "folder.png").unwrap_err();
        assert!(
            matches!(
                &e,
                ImageError::Unreadable {
                    field: "letterhead_next",
                    ..
                }
            ),
            "{e:?}"
        );
        assert_eq!(e.path(), dir.path().join("folder.png"));
    }

    #[test]
    fn layout_defaults_depend_on_the_letterhead_and_the_owner_overrides_them() {
        let mut sender = Sender::default();
        assert_eq!(PageLayout::of(&sender, false), PageLayout::PLAIN);
        assert_eq!(PageLayout::of(&sender, true), PageLayout::LETTERHEAD);
        sender.margin_top_mm = Some(52.5);
        sender.stamp_width_mm = Some(38.0);
        let layout = PageLayout::of(&sender, true);
        assert_eq!(layout.margin_top_mm, 52.5);
        assert_eq!(layout.stamp_width_mm, 38.0);
        assert_eq!(
            layout.margin_bottom_mm,
            PageLayout::LETTERHEAD.margin_bottom_mm
        );
    }
}
