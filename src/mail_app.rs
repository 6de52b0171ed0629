//! Handing a letter to the desktop's mail program («باز کردن در برنامه رایانامه»).
//!
//! First choice: a draft `.eml` (both parts, the PDF attached when asked, `X-Unsent: 1`)
//! opened with the program the desktop uses for e-mail files, so the letter arrives laid out
//! right to left with its attachment. Where no program opens `.eml` files, a `mailto:` link,
//! which can carry neither HTML nor a file: the PDF is then written beside the draft for the
//! owner to attach by hand. A `mailto:` link never exceeds [`MAILTO_LIMIT`] characters, which
//! mail programs and browsers accept; a letter too long for it is replaced by its cover note.

use crate::email::{self, BodyKind, MailOptions};
use crate::export::{ExportError, Exporter, Format, default_file_name};
use crate::fsutil::atomic_write;
use crate::letter::Letter;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use std::path::{Path, PathBuf};

/// The longest `mailto:` link Marz hands over, in characters.
pub const MAILTO_LIMIT: usize = 2000;

/// What went into the body of a `mailto:` link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailtoBody {
    /// The whole letter, as the e-mail's plain text.
    Letter,
    /// The cover note: the letter itself must travel as the attached PDF.
    Cover,
    /// Only the recipient and the subject: even the cover note was too long.
    SubjectOnly,
    /// Only the recipient: the subject too was too long.
    AddressOnly,
}

/// A `mailto:` link and what it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailto {
    pub url: String,
    pub body: MailtoBody,
}

impl Mailto {
    /// Whether the letter's PDF must be attached for the e-mail to carry the letter.
    pub fn needs_pdf(&self) -> bool {
        self.body != MailtoBody::Letter
    }
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}

/// The first of `bodies` whose link fits in [`MAILTO_LIMIT`], else the subject alone, else
/// the address alone. Line breaks become CRLF, as RFC 6068 asks.
pub fn mailto_link(letter: &Letter, bodies: &[(MailtoBody, &str)]) -> Mailto {
    let to = letter
        .to
        .as_ref()
        .map(|m| encode(&m.email))
        .unwrap_or_default();
    let subject = encode(&letter.subject);
    for (kind, text) in bodies {
        let url = format!(
            "mailto:{to}?subject={subject}&body={}",
            encode(&text.replace("\r\n", "\n").replace('\n', "\r\n"))
        );
        if url.len() <= MAILTO_LIMIT {
            return Mailto { url, body: *kind };
        }
    }
    let url = format!("mailto:{to}?subject={subject}");
    if url.len() <= MAILTO_LIMIT {
        return Mailto {
            url,
            body: MailtoBody::SubjectOnly,
        };
    }
    Mailto {
        url: format!("mailto:{to}"),
        body: MailtoBody::AddressOnly,
    }
}

/// Why the desktop could not open something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DesktopError {
    #[error("no program is set up to open {target}")]
    NoHandler { target: String },
    #[error("{target} could not be opened: {message}")]
    Failed { target: String, message: String },
}

/// The desktop's way of opening files and links with their usual programs.
pub trait Desktop {
    fn open_file(&self, path: &Path) -> Result<(), DesktopError>;
    fn open_url(&self, url: &str) -> Result<(), DesktopError>;
}

/// The real desktop: `xdg-open` and its file associations on Linux, `open` on macOS, the
/// shell on Windows.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemDesktop;

impl Desktop for SystemDesktop {
    fn open_file(&self, path: &Path) -> Result<(), DesktopError> {
        let target = path.display().to_string();
        if no_program_for("message/rfc822") {
            return Err(DesktopError::NoHandler { target });
        }
        open::that_detached(path).map_err(|e| DesktopError::Failed {
            target,
            message: e.to_string(),
        })
    }

    fn open_url(&self, url: &str) -> Result<(), DesktopError> {
        let target = "mailto:".to_string();
        if no_program_for("x-scheme-handler/mailto") {
            return Err(DesktopError::NoHandler { target });
        }
        open::that_detached(url).map_err(|e| DesktopError::Failed {
            target,
            message: e.to_string(),
        })
    }
}

/// Whether the freedesktop associations say for certain that nothing opens `mime`
/// (without the check, `xdg-open` may hand an e-mail file to a browser or a text editor).
#[cfg(all(unix, not(target_os = "macos")))]
fn no_program_for(mime: &str) -> bool {
    match std::process::Command::new("xdg-mime")
        .args(["query", "default", mime])
        .output()
    {
        Ok(out) => out.status.success() && String::from_utf8_lossy(&out.stdout).trim().is_empty(),
        // No xdg-mime: the opener may still know better.
        Err(_) => false,
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn no_program_for(_mime: &str) -> bool {
    false
}

/// What opening a letter in the mail program did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailOpened {
    /// The draft is open in the mail program, with the PDF attached when `attachment` names it.
    Draft {
        eml: PathBuf,
        attachment: Option<String>,
    },
    /// No program opens e-mail files here (`reason`): the mail program was opened with a
    /// `mailto:` link instead. When `pdf` is set, the owner must attach that file by hand.
    Mailto {
        mailto: Mailto,
        pdf: Option<PathBuf>,
        eml: PathBuf,
        reason: DesktopError,
    },
}

impl MailOpened {
    /// The file the owner must attach by hand, if any: the notice to show.
    pub fn attach_by_hand(&self) -> Option<&Path> {
        match self {
            MailOpened::Mailto { pdf, .. } => pdf.as_deref(),
            MailOpened::Draft { .. } => None,
        }
    }
}

/// Why the letter could not be handed to a mail program.
#[derive(Debug, thiserror::Error)]
pub enum MailAppError {
    /// The e-mail or its PDF could not be made or written (no address, a broken cover note,
    /// a full disk).
    #[error(transparent)]
    Export(#[from] ExportError),
    /// Neither the draft nor a `mailto:` link could be opened. The draft is at `eml`.
    #[error("no mail program could be opened ({draft}; {mailto}); the draft is saved at {}", eml.display())]
    NoMailProgram {
        eml: PathBuf,
        draft: DesktopError,
        mailto: DesktopError,
    },
}

/// Where drafts for the mail program go: a folder of the system's temporary files.
pub fn drafts_dir() -> PathBuf {
    std::env::temp_dir().join("marz-drafts")
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    atomic_write(path, bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Opens `letter` in the desktop's mail program, as `mail` says: writes the draft `.eml`
/// into `dir` and opens it; where that fails, opens a `mailto:` link (see [`mailto_link`])
/// and, when the link cannot carry the letter, writes its PDF into `dir` to be attached by
/// hand. Recording the letter in the register is the caller's part, once, on success.
pub fn open_in_mail_program(
    exporter: &Exporter,
    letter: &Letter,
    mail: &MailOptions,
    dir: &Path,
    timestamp: i64,
    desktop: &dyn Desktop,
) -> Result<MailOpened, MailAppError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let eml = dir.join(default_file_name(letter, Format::Eml));
    let body = exporter.mail_body(letter, mail)?;
    let bytes = exporter.eml(letter, mail, timestamp)?;
    write(&eml, &bytes)?;
    let draft_error = match desktop.open_file(&eml) {
        Ok(()) => {
            return Ok(MailOpened::Draft {
                eml,
                attachment: mail
                    .attach_pdf
                    .then(|| default_file_name(letter, Format::Pdf)),
            });
        }
        Err(e) => e,
    };

    // The fallback: the body as it is, else the cover note (the letter then goes as the PDF).
    let cover;
    let mut bodies = vec![(
        match body.kind {
            BodyKind::Letter => MailtoBody::Letter,
            BodyKind::Cover => MailtoBody::Cover,
        },
        body.plain.as_str(),
    )];
    if body.kind == BodyKind::Letter {
        let note = mail
            .covers
            .get(letter.lang)
            .render(letter, &default_file_name(letter, Format::Pdf))
            .map_err(ExportError::from)?;
        cover = email::cover_body(letter, &note).plain;
        bodies.push((MailtoBody::Cover, cover.as_str()));
    }
    let mailto = mailto_link(letter, &bodies);
    let pdf = if mail.attach_pdf || mailto.needs_pdf() {
        let path = dir.join(default_file_name(letter, Format::Pdf));
        write(&path, &exporter.bytes(letter, Format::Pdf, timestamp)?)?;
        Some(path)
    } else {
        None
    };
    match desktop.open_url(&mailto.url) {
        Ok(()) => Ok(MailOpened::Mailto {
            mailto,
            pdf,
            eml,
            reason: draft_error,
        }),
        Err(e) => Err(MailAppError::NoMailProgram {
            eml,
            draft: draft_error,
            mailto: e,
        }),
    }
}
