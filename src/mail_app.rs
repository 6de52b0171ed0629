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
use crate::i18n::{Locale, Problem};
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
    /// The cover note without the signature's other lines and the contact details.
    BriefCover,
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

/// Why the desktop could not open something (`target`: a file, or `mailto:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DesktopError {
    /// The desktop has no program for it.
    NoHandler { target: String },
    /// The opener failed; `detail` is its own (English) account.
    Failed { target: String, detail: String },
}

impl Problem for DesktopError {
    fn key(&self) -> &'static str {
        match self {
            DesktopError::NoHandler { .. } => "error-desktop-no-program",
            DesktopError::Failed { .. } => "error-desktop-failed",
        }
    }

    fn args(&self, _: &Locale) -> Vec<(&'static str, String)> {
        match self {
            DesktopError::NoHandler { target } => vec![("target", target.clone())],
            DesktopError::Failed { target, detail } => {
                vec![("target", target.clone()), ("detail", detail.clone())]
            }
        }
    }
}

crate::i18n::english_display!(DesktopError);
impl std::error::Error for DesktopError {}

#[cfg(test)]
impl DesktopError {
    pub(crate) fn samples() -> Vec<Self> {
        let all = vec![
            DesktopError::NoHandler {
                target: "/tmp/marz-drafts/payment-3_acme_2026-11-22.eml".into(),
            },
            DesktopError::Failed {
                target: "mailto:".into(),
                detail: "exit status 3".into(),
            },
        ];
        for e in &all {
            match e {
                DesktopError::NoHandler { .. } | DesktopError::Failed { .. } => {}
            }
        }
        all
    }
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
            detail: e.to_string(),
        })
    }

    fn open_url(&self, url: &str) -> Result<(), DesktopError> {
        let target = "mailto:".to_string();
        if no_program_for("x-scheme-handler/mailto") {
            return Err(DesktopError::NoHandler { target });
        }
        open::that_detached(url).map_err(|e| DesktopError::Failed {
            target,
            detail: e.to_string(),
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
#[derive(Debug)]
pub enum MailAppError {
    /// The e-mail or its PDF could not be made or written (no address, a broken cover note,
    /// a full disk).
    Export(ExportError),
    /// Neither the draft nor a `mailto:` link could be opened. The draft is at `eml`.
    NoMailProgram {
        eml: PathBuf,
        draft: DesktopError,
        mailto: DesktopError,
    },
}

impl From<ExportError> for MailAppError {
    fn from(e: ExportError) -> Self {
        MailAppError::Export(e)
    }
}

impl Problem for MailAppError {
    fn key(&self) -> &'static str {
        match self {
            MailAppError::Export(e) => e.key(),
            MailAppError::NoMailProgram { .. } => "error-no-mail-program",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            MailAppError::Export(e) => e.args(locale),
            // What the desktop said about each try is a detail: the English wording shows
            // it, the Persian one only says that no mail program opened.
            MailAppError::NoMailProgram { eml, draft, mailto } => vec![
                ("eml", eml.display().to_string()),
                (
                    "detail",
                    format!("{} {}", locale.problem(draft), locale.problem(mailto)),
                ),
            ],
        }
    }
}

crate::i18n::english_display!(MailAppError);

impl std::error::Error for MailAppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MailAppError::Export(e) => Some(e),
            MailAppError::NoMailProgram { .. } => None,
        }
    }
}

#[cfg(test)]
impl MailAppError {
    pub(crate) fn samples() -> Vec<Self> {
        let [draft, mailto] = DesktopError::samples().try_into().expect("two samples");
        let all = vec![
            MailAppError::Export(ExportError::NoRecipient("acme".into())),
            MailAppError::NoMailProgram {
                eml: "/tmp/marz-drafts/payment-3_acme_2026-11-22.eml".into(),
                draft,
                mailto,
            },
        ];
        for e in &all {
            match e {
                MailAppError::Export(_) | MailAppError::NoMailProgram { .. } => {}
            }
        }
        all
    }
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
/// `timestamp` is the Date header: `export::mail_timestamp`, as for every e-mail.
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

    // The fallback: the body as it is, else the cover note (the letter then goes as the
    // PDF), else the cover note at its shortest.
    let note = mail
        .covers
        .get(letter.lang)
        .render(letter, &default_file_name(letter, Format::Pdf))
        .map_err(ExportError::from)?;
    let cover = email::cover_body(letter, &note).plain;
    let brief = email::brief_cover_text(letter, &note);
    let mut bodies = Vec::new();
    if body.kind == BodyKind::Letter {
        bodies.push((MailtoBody::Letter, body.plain.as_str()));
    }
    bodies.push((MailtoBody::Cover, cover.as_str()));
    bodies.push((MailtoBody::BriefCover, brief.as_str()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::render::{Draft, render};
    use crate::store::{sample_clients, sample_sender};
    use crate::template::Library;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    fn letter(template: &str, client: &str) -> Letter {
        let library = Library::load(None);
        let client = sample_clients()
            .into_iter()
            .find(|c| c.id == client)
            .unwrap();
        let sender = sample_sender();
        let values = BTreeMap::new();
        render(&Draft {
            template: library.get(template, client.language).unwrap(),
            client: &client,
            sender: &sender,
            values: &values,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            number: "NA/1405/007".to_string(),
        })
        .unwrap()
    }

    /// A desktop that records what it was asked to open and refuses what it is told to.
    #[derive(Default)]
    struct FakeDesktop {
        eml_handler: bool,
        mailto_handler: bool,
        opened: RefCell<Vec<String>>,
    }

    impl Desktop for FakeDesktop {
        fn open_file(&self, path: &Path) -> Result<(), DesktopError> {
            let target = path.display().to_string();
            self.opened.borrow_mut().push(target.clone());
            if self.eml_handler {
                Ok(())
            } else {
                Err(DesktopError::NoHandler { target })
            }
        }
        fn open_url(&self, url: &str) -> Result<(), DesktopError> {
            self.opened.borrow_mut().push(url.to_string());
            if self.mailto_handler {
                Ok(())
            } else {
                Err(DesktopError::Failed {
                    target: "mailto:".to_string(),
                    detail: "exit status 3".to_string(),
                })
            }
        }
    }

    impl FakeDesktop {
        fn with_eml_handler() -> Self {
            FakeDesktop {
                eml_handler: true,
                ..FakeDesktop::default()
            }
        }

        fn with_mailto_handler() -> Self {
            FakeDesktop {
                mailto_handler: true,
                ..FakeDesktop::default()
            }
        }

        /// `open_in_mail_program` on this desktop, with the draft written into `dir`.
        fn open(
            &self,
            letter: &Letter,
            mail: &MailOptions,
            dir: &Path,
        ) -> Result<MailOpened, MailAppError> {
            open_in_mail_program(&Exporter::default(), letter, mail, dir, 0, self)
        }
    }

    fn attach() -> MailOptions {
        MailOptions {
            attach_pdf: true,
            ..MailOptions::default()
        }
    }

    #[test]
    fn the_draft_is_an_unsent_eml_with_the_pdf_opened_by_the_desktop() {
        let dir = tempfile::tempdir().unwrap();
        let letter = letter("payment-3", "sample-reza");
        let desktop = FakeDesktop::with_eml_handler();
        let opened = desktop.open(&letter, &attach(), dir.path()).unwrap();
        let eml = dir.path().join("payment-3_sample-reza_2026-11-22.eml");
        assert_eq!(
            opened,
            MailOpened::Draft {
                eml: eml.clone(),
                attachment: Some("payment-3_sample-reza_2026-11-22.pdf".to_string())
            }
        );
        assert_eq!(opened.attach_by_hand(), None);
        assert_eq!(*desktop.opened.borrow(), [eml.display().to_string()]);
        let raw = std::fs::read(&eml).unwrap();
        let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
        assert_eq!(message.header_raw("X-Unsent").map(str::trim), Some("1"));
        assert_eq!(message.attachment_count(), 1);
        assert!(
            message
                .attachment(0)
                .unwrap()
                .contents()
                .starts_with(b"%PDF-")
        );
        // Nothing else is left in the drafts folder: the PDF travels inside the draft.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn without_an_eml_handler_a_long_letter_falls_back_to_the_cover_note_and_a_pdf_to_attach() {
        let dir = tempfile::tempdir().unwrap();
        let letter = letter("payment-3", "sample-reza");
        // The Persian letter, percent-encoded, is far longer than a mailto: link may be.
        let whole = email::letter_body(&letter).plain;
        assert!(mailto_link(&letter, &[(MailtoBody::Letter, &whole)]).body != MailtoBody::Letter);
        let desktop = FakeDesktop::with_mailto_handler();
        let opened = desktop
            .open(&letter, &MailOptions::default(), dir.path())
            .unwrap();
        let MailOpened::Mailto {
            mailto,
            pdf,
            reason,
            ..
        } = &opened
        else {
            panic!("{opened:?}");
        };
        assert!(matches!(reason, DesktopError::NoHandler { .. }));
        // The Persian cover note with its signature block and contact lines is too long as
        // well; its brief form (greeting, note, closing, name) fits.
        assert_eq!(mailto.body, MailtoBody::BriefCover);
        assert!(mailto.url.len() <= MAILTO_LIMIT, "{}", mailto.url.len());
        assert!(
            mailto
                .url
                .starts_with("mailto:reza%2Eahmadi%40example%2Ecom?subject=")
        );
        // The link carries the cover note, which names the file to attach.
        let body = mailto.url.split("&body=").nth(1).unwrap();
        let body = percent_encoding::percent_decode_str(body)
            .decode_utf8()
            .unwrap();
        assert!(
            body.contains("payment-3_sample-reza_2026-11-22.pdf"),
            "{body}"
        );
        assert!(body.contains("\r\n"), "CRLF line breaks: {body:?}");
        assert!(body.contains("با سلام و احترام"), "{body}");
        assert!(
            // The name is isolated as in the letter, with a mark that keeps its line right
            // to left.
            body.ends_with("با احترام\r\n\u{200F}\u{2068}مریم رحیمی\u{2069}\r\n"),
            "{body}"
        );
        // … and the file is there to attach by hand.
        let pdf = pdf.as_ref().expect("a PDF to attach");
        assert_eq!(opened.attach_by_hand(), Some(pdf.as_path()));
        assert!(std::fs::read(pdf).unwrap().starts_with(b"%PDF-"));
        assert_eq!(desktop.opened.borrow().len(), 2);
    }

    #[test]
    fn a_short_letter_goes_whole_into_the_link_and_needs_no_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let mut letter = letter("payment-1", "sample-daniel");
        letter.set_body("Please pay.");
        assert_eq!(letter.lang, Lang::En);
        let desktop = FakeDesktop::with_mailto_handler();
        let opened = desktop
            .open(&letter, &MailOptions::default(), dir.path())
            .unwrap();
        let MailOpened::Mailto { mailto, pdf, .. } = &opened else {
            panic!("{opened:?}");
        };
        assert_eq!(mailto.body, MailtoBody::Letter);
        assert_eq!(*pdf, None);
        assert!(mailto.url.contains("Please%20pay%2E"), "{}", mailto.url);
    }

    #[test]
    fn links_drop_what_does_not_fit() {
        let mut letter = letter("payment-1", "sample-daniel");
        let long = "x".repeat(3000);
        let link = mailto_link(
            &letter,
            &[(MailtoBody::Letter, &long), (MailtoBody::Cover, &long)],
        );
        assert_eq!(link.body, MailtoBody::SubjectOnly);
        assert!(link.url.len() <= MAILTO_LIMIT);
        letter.set_subject(&"y".repeat(3000));
        let link = mailto_link(&letter, &[(MailtoBody::Letter, "short")]);
        assert_eq!(link.body, MailtoBody::AddressOnly);
        assert_eq!(link.url, "mailto:daniel%2Eweber%40example%2Ecom");
        assert!(link.needs_pdf());
    }

    #[test]
    fn no_mail_program_at_all_is_an_error_that_keeps_the_draft() {
        let dir = tempfile::tempdir().unwrap();
        let letter = letter("payment-1", "sample-daniel");
        let result = FakeDesktop::default().open(&letter, &MailOptions::default(), dir.path());
        match result {
            Err(MailAppError::NoMailProgram { eml, draft, mailto }) => {
                assert!(eml.exists());
                assert!(matches!(draft, DesktopError::NoHandler { .. }));
                assert!(matches!(mailto, DesktopError::Failed { .. }));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_client_without_an_address_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut letter = letter("payment-1", "sample-daniel");
        letter.to = None;
        let result = FakeDesktop::default().open(&letter, &attach(), dir.path());
        assert!(
            matches!(result, Err(MailAppError::Export(ExportError::NoRecipient(ref c))) if c == "sample-daniel"),
            "{result:?}"
        );
    }
}
