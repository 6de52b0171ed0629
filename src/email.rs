//! The e-mail a letter travels in: a `text/plain` part and a `text/html` part laid out in the
//! letter's direction (right to left for Persian), and, when asked, the letter's PDF attached
//! with a short cover note from `templates/cover/<lang>.tera` as the body.
//!
//! Both parts are made from the same pieces, so they say the same thing. Every value is
//! escaped in the HTML, and isolated once: the letter's values arrive isolated from the core
//! (U+2068 … U+2069, see `bidi`), the cover note's are isolated the same way, and the HTML
//! adds no `<bdi>` of its own, so both parts carry the same characters. The HTML has no
//! remote resource, script or style sheet: a mail program shows it offline as is.

use crate::bidi;
use crate::export::ExportError;
use crate::i18n::{Locale, Problem};
use crate::lang::Lang;
use crate::letter::{Letter, Mailbox};
use crate::pdf::{Block, blocks};
use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;
use std::path::{Path, PathBuf};

/// Fonts for the HTML part: Vazirmatn where the reader has it, then Tahoma (Windows and most
/// mail programs there), then the system's own sans-serif, all of which join Persian.
pub const FONT_STACK: &str = "Vazirmatn, Tahoma, 'Segoe UI', system-ui, sans-serif";

/// How a letter goes out by e-mail.
#[derive(Debug, Clone, Default)]
pub struct MailOptions {
    /// Attach the letter as a PDF, the same bytes a PDF export writes.
    pub attach_pdf: bool,
    /// With the PDF attached, the body is a short cover note, unless this is set: then the
    /// body is the letter itself as well.
    pub letter_as_body: bool,
    /// The cover notes, the built-in ones or the owner's.
    pub covers: Covers,
}

/// What the body of an e-mail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// The letter: recipient block, subject line, greeting to signature, contact lines.
    Letter,
    /// The cover note that goes with the attached PDF.
    Cover,
}

/// The body of an e-mail in its two forms.
#[derive(Debug, Clone, PartialEq)]
pub struct MailBody {
    pub kind: BodyKind,
    pub plain: String,
    pub html: String,
}

/// A file attached to an e-mail.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The letter itself as the body of an e-mail: the recipient block, the subject line, the
/// greeting to the signature, and the contact details.
pub fn letter_body(letter: &Letter) -> MailBody {
    let mut plain = String::new();
    plain.push_str(&letter.recipient.join("\n"));
    plain.push_str("\n\n");
    plain.push_str(&letter.subject_line());
    plain.push_str("\n\n");
    plain.push_str(&letter.email_text());
    MailBody {
        kind: BodyKind::Letter,
        plain: bidi::anchor_lines(&plain, letter.lang),
        html: letter_html(letter, &letter.recipient, true),
    }
}

/// A cover note (the rendered cover template) as the body of an e-mail, in the letter's
/// frame: the greeting, the note, the closing, the signature and the contact details. A
/// Persian note names the recipient above the greeting, which in Persian does not name them.
pub fn cover_body(letter: &Letter, note: &str) -> MailBody {
    let mut framed = letter.clone();
    framed.set_body(note.trim());
    let addressed = match letter.lang {
        Lang::Fa => &letter.recipient[..letter.recipient.len().min(1)],
        Lang::En => &[],
    };
    let mut plain = String::new();
    for line in addressed {
        plain.push_str(line);
        plain.push('\n');
    }
    plain.push_str(&framed.email_text());
    MailBody {
        kind: BodyKind::Cover,
        plain: bidi::anchor_lines(&plain, letter.lang),
        html: letter_html(&framed, addressed, false),
    }
}

/// The cover note at its shortest, for a `mailto:` link that has little room: the greeting,
/// the note, the closing and the sender's name (a mail program adds the owner's own
/// signature).
pub fn brief_cover_text(letter: &Letter, note: &str) -> String {
    let mut text = String::new();
    if letter.lang == Lang::Fa
        && let Some(name) = letter.recipient.first()
    {
        text.push_str(name);
        text.push('\n');
    }
    text.push_str(&letter.greeting);
    text.push_str("\n\n");
    text.push_str(&bidi::keep_numbers(note.trim(), letter.lang));
    text.push_str("\n\n");
    text.push_str(&letter.closing);
    if let Some(name) = letter.signature.first() {
        text.push('\n');
        text.push_str(name);
    }
    text.push('\n');
    bidi::anchor_lines(&text, letter.lang)
}

/// The whole message: headers (encoded), `multipart/alternative` with the two forms of the
/// body, and the attachment if any (then `multipart/mixed`). Marked `X-Unsent: 1`, so mail
/// programs open it as a draft ready to send.
pub fn message(
    letter: &Letter,
    body: &MailBody,
    attachment: Option<&Attachment>,
    timestamp: i64,
) -> Result<Vec<u8>, ExportError> {
    let (to, from) = addresses(letter)?;
    let mut message = MessageBuilder::new()
        .subject(letter.subject.as_str())
        .date(timestamp)
        .header("X-Unsent", Raw::new("1"))
        .header("Content-Language", Raw::new(letter.lang.code()))
        .text_body(body.plain.as_str())
        .html_body(body.html.as_str());
    if let Some(file) = attachment {
        message = message.attachment(file.content_type, file.name.as_str(), file.bytes.as_slice());
    }
    // From and To are written here and put first: mail-builder 0.4 writes a display name
    // as one encoded word however long it is, which breaks the line limits of RFC 5322
    // (998, and 78 recommended) for a long Persian name.
    let mut out = address_header("From", from).into_bytes();
    out.extend(address_header("To", to).into_bytes());
    message
        .write_to(&mut out)
        .expect("writing an e-mail to memory cannot fail");
    Ok(out)
}

/// `Field: "Name" <address>`, or, for a name that is not plain ASCII or does not fit on the
/// line, the name as RFC 2047 encoded words of at most 72 characters, one per folded line
/// (so that every line stays within 78 characters).
fn address_header(field: &str, mailbox: &Mailbox) -> String {
    let name = mailbox.name.trim();
    let email = mailbox.email.trim();
    let plain = name.chars().all(|c| c.is_ascii_graphic() || c == ' ');
    let quoted = format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""));
    if name.is_empty() {
        return format!("{field}: <{email}>\r\n");
    }
    if plain && field.len() + quoted.len() + email.len() + 5 <= 78 {
        return format!("{field}: {quoted} <{email}>\r\n");
    }
    let mut out = format!("{field}:");
    let mut start = 0;
    while start < name.len() {
        // 45 bytes make 60 characters of base64: a word of 72 with `=?utf-8?B?` and `?=`.
        let mut end = (start + 45).min(name.len());
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        let encoded = mail_builder::encoders::base64::base64_encode(&name.as_bytes()[start..end])
            .expect("encoding to memory cannot fail");
        if start > 0 {
            out.push_str("\r\n");
        }
        out.push_str(" =?utf-8?B?");
        out.push_str(std::str::from_utf8(&encoded).expect("base64 is ASCII"));
        out.push_str("?=");
        start = end;
    }
    out.push_str(&format!("\r\n <{email}>\r\n"));
    out
}

/// The recipient's and the sender's mailboxes, which every e-mail needs.
pub fn addresses(letter: &Letter) -> Result<(&Mailbox, &Mailbox), ExportError> {
    let to = letter
        .to
        .as_ref()
        .ok_or_else(|| ExportError::NoRecipient(letter.client.clone()))?;
    let from = letter.from.as_ref().ok_or(ExportError::NoSender)?;
    Ok((to, from))
}

/// Builds the HTML of a letter or note: one `<div>` in the letter's direction and language
/// (also set on `<html>` and `<body>`, as some mail programs drop those), paragraphs, inline
/// styles only.
struct Html {
    lang: Lang,
    out: String,
}

/// HTML-escapes a value (`<`, `>`, `&`, quotes and `/`).
fn esc(value: &str) -> String {
    tera::escape_html(value)
}

impl Html {
    fn new(lang: Lang, title: &str) -> Html {
        let (dir, align) = direction(lang);
        let code = lang.code();
        let mut out = String::new();
        out.push_str("<!DOCTYPE html>\n");
        out.push_str(&format!("<html dir=\"{dir}\" lang=\"{code}\">\n<head>\n"));
        out.push_str("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"/>\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        // A window's title is not laid out as a paragraph: without direction marks.
        out.push_str(&format!("<title>{}</title>\n", esc(&bidi::strip(title))));
        out.push_str("</head>\n");
        out.push_str(&format!(
            "<body dir=\"{dir}\" style=\"margin:0; padding:0;\">\n<div dir=\"{dir}\" lang=\"{code}\" style=\"direction:{dir}; text-align:{align}; font-family:{FONT_STACK}; font-size:15px; line-height:1.8; color:#1a1a1a; max-width:44em; padding:12px 16px;\">\n"
        ));
        Html { lang, out }
    }

    fn finish(mut self) -> String {
        self.out.push_str("</div>\n</body>\n</html>\n");
        self.out
    }

    fn para(&mut self, inner: &str) {
        self.out
            .push_str(&format!("<p style=\"margin:0 0 1em;\">{inner}</p>\n"));
    }

    /// A paragraph or list of running text.
    fn block(&mut self, block: &Block) {
        match block {
            Block::Para { lines } => {
                let inner: Vec<String> = lines.iter().map(|l| esc(l)).collect();
                self.para(&inner.join("<br/>\n"));
            }
            Block::List { items } => {
                let padding = match self.lang {
                    Lang::Fa => "0 1.5em 0 0",
                    Lang::En => "0 0 0 1.5em",
                };
                self.out.push_str(&format!(
                    "<ul style=\"margin:0 0 1em; padding:{padding};\">\n"
                ));
                for item in items {
                    self.out.push_str(&format!("<li>{}</li>\n", esc(item)));
                }
                self.out.push_str("</ul>\n");
            }
        }
    }
}

/// `dir` and the start side of a line in the language.
fn direction(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fa => ("rtl", "right"),
        Lang::En => ("ltr", "left"),
    }
}

/// The lines escaped, the first (a name) in bold.
fn first_bold(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("<b>{}</b>", esc(line))
            } else {
                esc(line)
            }
        })
        .collect()
}

/// The letter as HTML, laid out as on paper (each value as the core isolated it, escaped): the `recipient` lines (the first bold), the
/// subject line if `subject`, the greeting, the body's paragraphs and lists, the closing and
/// signature as a block on the left (the end side of a Persian page, the start side of an
/// English one), then the contact details.
fn letter_html(letter: &Letter, recipient: &[String], subject: bool) -> String {
    let mut html = Html::new(letter.lang, &letter.subject);
    let recipient = first_bold(recipient);
    if !recipient.is_empty() {
        html.para(&recipient.join("<br/>\n"));
    }
    if subject {
        let label = crate::i18n::Locale::get(letter.lang).text("letter-subject");
        html.para(&format!("<b>{} {}</b>", esc(&label), esc(&letter.subject)));
    }
    html.para(&esc(&letter.greeting));
    // The earlier letter of the thread this one follows («پیرو نامه …») opens the body,
    // its values isolated by the letter.
    if let Some(reference) = letter.reference_line() {
        html.para(&esc(&reference));
    }
    for block in blocks(&letter.body) {
        html.block(&block);
    }
    let (_, start) = direction(letter.lang);
    html.out.push_str(&format!(
        "<div style=\"margin:1.5em 0 1em; text-align:left;\"><div style=\"display:inline-block; text-align:{start};\">\n"
    ));
    html.out.push_str(&format!(
        "<div style=\"margin:0 0 0.8em;\">{}</div>\n",
        esc(&letter.closing)
    ));
    let signature = first_bold(&letter.signature);
    html.out
        .push_str(&format!("<div>{}</div>\n", signature.join("<br/>\n")));
    html.out.push_str("</div></div>\n");
    if !letter.contact.is_empty() {
        let lines: Vec<String> = letter
            .contact
            .iter()
            .map(|item| {
                if item.label.is_empty() {
                    esc(&item.value)
                } else {
                    format!("{} {}", esc(&item.label), esc(&item.value))
                }
            })
            .collect();
        html.out.push_str(&format!(
            "<p style=\"margin:1.5em 0 0; padding-top:0.6em; border-top:1px solid #cccccc; font-size:13px; color:#555555;\">{}</p>\n",
            lines.join("<br/>\n")
        ));
    }
    html.finish()
}

// ---------------------------------------------------------------------------------------
// The cover note

static BUILT_IN_FA: &str = include_str!("../templates/cover/fa.tera");
static BUILT_IN_EN: &str = include_str!("../templates/cover/en.tera");

/// What is wrong with a cover note (`templates/cover/<lang>.tera`), with where it is. A
/// `detail` is Tera's or the system's own (English) account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverError {
    /// The owner's note cannot be read (not there any more, not UTF-8, no permission).
    Read { path: PathBuf, detail: String },
    /// The note does not compile.
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    /// The note names a value it does not have (`{{ amount }}`).
    Undefined { path: PathBuf, name: String },
    /// Anything else Tera refused while writing the note.
    Render { path: PathBuf, detail: String },
}

/// The values a cover note has, as its comment lists them.
pub const COVER_VALUES: [&str; 7] = [
    "recipient",
    "subject",
    "number",
    "date",
    "attachment",
    "letterhead",
    "sender",
];

impl Problem for CoverError {
    fn key(&self) -> &'static str {
        match self {
            CoverError::Read { .. } => "error-cover-unreadable",
            CoverError::Syntax { .. } => "error-cover-syntax",
            CoverError::Undefined { .. } => "error-cover-undefined",
            CoverError::Render { .. } => "error-cover-render",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            CoverError::Read { path, detail } | CoverError::Render { path, detail } => vec![
                ("file", path.display().to_string()),
                ("detail", detail.clone()),
            ],
            CoverError::Syntax {
                path,
                line,
                column,
                detail,
            } => vec![
                ("file", path.display().to_string()),
                ("line", locale.number(line)),
                ("column", locale.number(column)),
                ("detail", detail.clone()),
            ],
            CoverError::Undefined { path, name } => vec![
                ("file", path.display().to_string()),
                ("name", name.clone()),
                ("known", COVER_VALUES.join(", ")),
            ],
        }
    }
}

crate::i18n::english_display!(CoverError);
impl std::error::Error for CoverError {}

#[cfg(test)]
impl CoverError {
    /// One of each kind of cover note problem.
    pub(crate) fn samples() -> Vec<Self> {
        let path = PathBuf::from("/home/maryam/marz/templates/cover/fa.tera");
        let all = vec![
            CoverError::Read {
                path: path.clone(),
                detail: "stream did not contain valid UTF-8".into(),
            },
            CoverError::Syntax {
                path: path.clone(),
                line: 2,
                column: 14,
                detail: "expected `}}`".into(),
            },
            CoverError::Undefined {
                path: path.clone(),
                name: "amount".into(),
            },
            CoverError::Render {
                path,
                detail: "Tried to iterate on a string".into(),
            },
        ];
        for e in &all {
            match e {
                CoverError::Read { .. }
                | CoverError::Syntax { .. }
                | CoverError::Undefined { .. }
                | CoverError::Render { .. } => {}
            }
        }
        all
    }
}

/// The cover note of one language: a Tera text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverTemplate {
    pub lang: Lang,
    pub source: String,
    /// `templates/cover/<lang>.tera` for the built-in note, else the owner's file.
    pub path: PathBuf,
    pub built_in: bool,
}

/// Tera's name for the cover; its `.tera` suffix turns on the value escaping (isolation).
const COVER_NAME: &str = "cover.tera";

impl CoverTemplate {
    /// Checks the text compiles; errors name `path` and the line.
    pub fn parse(
        source: &str,
        lang: Lang,
        path: PathBuf,
        built_in: bool,
    ) -> Result<Self, CoverError> {
        let source = source
            .strip_prefix('\u{FEFF}')
            .unwrap_or(source)
            .to_string();
        cover_tera(&source, lang, &path)?;
        Ok(CoverTemplate {
            lang,
            source,
            path,
            built_in,
        })
    }

    /// The note for `letter`, whose PDF is attached as `attachment`. Values are inserted
    /// literally and isolated as the letter's own are (`bidi::in_text`); one that arrives
    /// isolated from the letter (the sender's name) is not isolated twice.
    pub fn render(&self, letter: &Letter, attachment: &str) -> Result<String, CoverError> {
        let tera = cover_tera(&self.source, self.lang, &self.path)?;
        let mut context = tera::Context::new();
        context.insert(
            "recipient",
            letter.recipient.first().unwrap_or(&letter.client),
        );
        context.insert("subject", &letter.subject);
        context.insert("number", &letter.number);
        context.insert("date", &letter.date_text);
        context.insert("attachment", attachment);
        context.insert("letterhead", &letter.letterhead);
        context.insert(
            "sender",
            letter.signature.first().unwrap_or(&letter.letterhead),
        );
        let text = tera
            .render(COVER_NAME, &context)
            .map_err(|e| self.render_error(&e))?;
        Ok(tidy(&text))
    }

    /// What Tera's error means: a value the note does not have, or something else.
    fn render_error(&self, error: &tera::Error) -> CoverError {
        let path = self.path.clone();
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
        while let Some(e) = cause {
            if let Some(tera::Error {
                kind: tera::ErrorKind::Msg(message),
                ..
            }) = e.downcast_ref::<tera::Error>()
                && message.starts_with("Variable `")
                && message.contains("not found")
                && let Some(name) = message.split('`').nth(1)
            {
                return CoverError::Undefined {
                    path,
                    name: name.to_string(),
                };
            }
            cause = e.source();
        }
        CoverError::Render {
            path,
            detail: crate::render::error_chain(error)
                .replace(&format!("'{COVER_NAME}'"), "it")
                .replace('\n', ": "),
        }
    }
}

fn cover_tera(source: &str, lang: Lang, path: &Path) -> Result<tera::Tera, CoverError> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".tera"]);
    // Tera's escape function is a plain `fn`, so one per language.
    tera.set_escape_fn(match lang {
        Lang::Fa => |v: &str| bidi::in_text(v, Lang::Fa),
        Lang::En => |v: &str| bidi::in_text(v, Lang::En),
    });
    tera.add_raw_template(COVER_NAME, source).map_err(|e| {
        let chain = crate::render::error_chain(&e);
        let (line, column) = position(&chain).unwrap_or((1, 1));
        let detail = chain
            .lines()
            .rev()
            .find_map(|l| l.trim().strip_prefix("= "))
            .unwrap_or_else(|| chain.lines().next().unwrap_or(""))
            .to_string();
        CoverError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            detail,
        }
    })?;
    Ok(tera)
}

/// Finds ` --> L:C` in a Tera (pest) parse error.
fn position(text: &str) -> Option<(usize, usize)> {
    let after = text.split("--> ").nth(1)?;
    let (line, column) = after.split_whitespace().next()?.split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Trims lines and collapses blank runs. A value that is a whole line stays isolated: in
/// the HTML's right-to-left paragraph that keeps `Acme Ltd.` whole, and the plain text
/// gives such a line its direction with a mark (`bidi::anchor_lines`).
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.trim().lines() {
        let line = line.trim();
        if line.is_empty() {
            if !blank && !out.is_empty() {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The cover notes of both languages: the built-in ones, each replaced by the owner's
/// `templates/cover/<lang>.tera` in the workspace when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Covers {
    fa: CoverTemplate,
    en: CoverTemplate,
}

impl Default for Covers {
    fn default() -> Self {
        Covers::built_in()
    }
}

impl Covers {
    pub fn built_in() -> Covers {
        let parse = |source: &str, lang: Lang| {
            let path = Path::new("templates/cover").join(format!("{}.tera", lang.code()));
            CoverTemplate::parse(source, lang, path, true).expect("the built-in covers compile")
        };
        Covers {
            fa: parse(BUILT_IN_FA, Lang::Fa),
            en: parse(BUILT_IN_EN, Lang::En),
        }
    }

    /// The built-in notes, replaced by `user_root/cover/<lang>.tera` where the owner has one
    /// (`user_root` is the workspace's `templates` folder). A file of the owner's that cannot
    /// be read or compiled is an error, never silently replaced by the built-in note.
    pub fn load(user_root: Option<&Path>) -> Result<Covers, CoverError> {
        let mut covers = Covers::built_in();
        let Some(root) = user_root else {
            return Ok(covers);
        };
        for lang in Lang::ALL {
            let path = root.join("cover").join(format!("{}.tera", lang.code()));
            if !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| CoverError::Read {
                path: path.clone(),
                detail: e.to_string(),
            })?;
            let cover = CoverTemplate::parse(&text, lang, path, false)?;
            match lang {
                Lang::Fa => covers.fa = cover,
                Lang::En => covers.en = cover,
            }
        }
        Ok(covers)
    }

    pub fn get(&self, lang: Lang) -> &CoverTemplate {
        match lang {
            Lang::Fa => &self.fa,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_headers_are_quoted_or_encoded_and_folded() {
        let mailbox = |name: &str| Mailbox {
            name: name.to_string(),
            email: "a@example.com".to_string(),
        };
        assert_eq!(
            address_header("To", &mailbox("Mr \"Dan\" Weber")),
            "To: \"Mr \\\"Dan\\\" Weber\" <a@example.com>\r\n"
        );
        let long = address_header("From", &mailbox(&"نام ".repeat(40)));
        assert!(long.lines().all(|l| l.len() <= 78), "{long}");
        assert!(long.lines().count() > 3, "{long}");
        assert!(long.is_ascii());
        assert!(long.ends_with("\r\n <a@example.com>\r\n"), "{long}");
        let raw = format!("{long}Subject: x\r\n\r\nbody\r\n");
        let parsed = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .unwrap();
        let from = parsed.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("نام ".repeat(40).trim()));
        assert_eq!(from.address(), Some("a@example.com"));
    }

    /// The sample letter `template` to `client`, its values isolated by the core.
    fn letter(template: &str, client: &str) -> Letter {
        let library = crate::template::Library::load(None);
        let client = crate::store::sample_clients()
            .into_iter()
            .find(|c| c.id == client)
            .unwrap();
        let sender = crate::store::sample_sender();
        crate::render::render(&crate::render::Draft {
            template: library.get(template, client.language).unwrap(),
            client: &client,
            sender: &sender,
            values: &std::collections::BTreeMap::new(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            number: "NA/1405/007".to_string(),
        })
        .unwrap()
    }

    /// Every isolate closes, and none wraps exactly what another one wraps.
    fn assert_isolated_once(text: &str) {
        for line in text.lines() {
            let mut open: Vec<usize> = Vec::new();
            for (at, c) in line.char_indices() {
                match c {
                    // FSI around a value, LRI around a held number.
                    '\u{2066}'..='\u{2068}' => open.push(at),
                    '\u{2069}' => {
                        let start = open.pop().expect("an isolate closed before it opened");
                        let inside = &line[start + bidi::FSI.len_utf8()..at];
                        assert!(
                            bidi::whole_isolate(inside).is_none(),
                            "isolated twice: {line:?}"
                        );
                    }
                    _ => {}
                }
            }
            assert!(open.is_empty(), "unclosed isolate: {line:?}");
        }
    }

    #[test]
    fn cover_values_are_isolated_once_even_when_the_letter_isolated_them() {
        let source =
            "{{ number }} {{ date }}\n  {{ letterhead }}  \n{{ sender }}\n\n\n{{ subject }}\n";
        let letter = letter("payment-3", "sample-reza");
        // The letter already carries its values isolated.
        assert!(bidi::whole_isolate(&letter.letterhead).is_some());
        let cover = CoverTemplate::parse(source, Lang::Fa, PathBuf::from("fa.tera"), true).unwrap();
        let note = cover.render(&letter, "a.pdf").unwrap();
        assert_isolated_once(&note);
        assert_eq!(
            note,
            format!(
                "\u{2068}NA/۱۴۰۵/۰۰۷\u{2069} \u{2068}۱ آذر ۱۴۰۵\u{2069}\n{}\n{}\n\n\u{2068}{}\u{2069}\n",
                letter.letterhead, letter.signature[0], letter.subject
            )
        );
        // In an English note a Latin value needs no isolate; a Persian one gets one.
        let mut english = self::letter("payment-1", "sample-daniel");
        english.letterhead = bidi::in_text("استودیو نقش", Lang::En);
        let cover = CoverTemplate::parse(source, Lang::En, PathBuf::from("en.tera"), true).unwrap();
        let note = cover.render(&english, "a.pdf").unwrap();
        assert_isolated_once(&note);
        assert!(
            note.starts_with("NA/1405/007 22 November 2026\n\u{2068}استودیو نقش\u{2069}\n"),
            "{note:?}"
        );
    }

    #[test]
    fn both_parts_carry_each_value_isolated_once_and_plain_lines_keep_their_direction() {
        let mut letter = letter("payment-3", "sample-reza");
        letter.signature.push(bidi::in_text("Acme Ltd.", Lang::Fa));
        for body in [
            letter_body(&letter),
            cover_body(
                &letter,
                &Covers::built_in().fa.render(&letter, "a.pdf").unwrap(),
            ),
        ] {
            assert_isolated_once(&body.plain);
            assert_isolated_once(&body.html);
            // The HTML isolates nothing itself: the same isolates as the plain text.
            assert!(!body.html.contains("<bdi"), "{}", body.html);
            let count = |t: &str| t.matches('\u{2068}').count();
            assert!(count(&body.plain) > 3, "{}", body.plain);
            // (the HTML's <title> is the subject without marks)
            assert_eq!(count(&body.html), count(&body.plain), "{}", body.html);
            assert!(
                body.html.contains("<br/>\n\u{2068}Acme Ltd.\u{2069}</div>"),
                "{}",
                body.html
            );
            // A plain line that is only a value starts with a right-to-left mark, so a
            // reader that finds each line's direction lays it out right to left.
            assert!(
                body.plain.contains("\n\u{200F}\u{2068}Acme Ltd.\u{2069}\n"),
                "{:?}",
                body.plain
            );
            assert!(
                body.plain
                    .contains(&format!("\n\u{200F}{}\n", letter.signature[0])),
                "{:?}",
                body.plain
            );
            // … and a line with a Persian word of its own gets none.
            assert!(
                body.plain.contains("\nبا سلام و احترام\n"),
                "{:?}",
                body.plain
            );
            assert_eq!(
                body.plain.matches('\u{200F}').count(),
                body.plain
                    .lines()
                    .filter(|l| l.starts_with('\u{200F}'))
                    .count()
            );
        }
    }

    #[test]
    fn cover_syntax_errors_name_the_file_and_line() {
        let e = CoverTemplate::parse(
            "line one\nline {{ two ) }}\n",
            Lang::Fa,
            PathBuf::from("/w/templates/cover/fa.tera"),
            false,
        )
        .unwrap_err();
        match &e {
            CoverError::Syntax { line, .. } => assert_eq!(*line, 2, "{e}"),
            other => panic!("{other:?}"),
        }
        assert!(
            e.to_string().starts_with("/w/templates/cover/fa.tera:2:"),
            "{e}"
        );
    }

    #[test]
    fn the_owners_cover_replaces_the_built_in_and_a_broken_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let cover = dir.path().join("cover");
        std::fs::create_dir_all(&cover).unwrap();
        std::fs::write(cover.join("en.tera"), "Hello {{ recipient }}\n").unwrap();
        let covers = Covers::load(Some(dir.path())).unwrap();
        assert!(!covers.get(Lang::En).built_in);
        assert!(covers.get(Lang::Fa).built_in);
        std::fs::write(cover.join("fa.tera"), "{% for %}\n").unwrap();
        let e = Covers::load(Some(dir.path())).unwrap_err();
        assert!(e.to_string().contains("cover/fa.tera:1:"), "{e}");
    }
}
