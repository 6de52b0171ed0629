//! The register of letters that left (the office's دفتر اندیکاتور): one SQLite file in the
//! workspace, `register.sqlite3`.
//!
//! - Every letter that leaves (a file, the clipboard, the mail app, a batch) is recorded with
//!   its number, date, client, template, scenario, level, language, subject, full text, the
//!   input values, where it went, its thread, a follow-up date and a status.
//! - Numbers are taken inside one write transaction (`BEGIN IMMEDIATE`), so processes never
//!   share one. A letter is never deleted: one sent by mistake is voided and keeps its number.
//! - `Register::send` is the one place a letter is exported: take the number, build the
//!   letter with it, stage the file, record, commit, then put the file in place. A process
//!   killed at any point leaves a recorded letter or nothing, and never a number twice.
//! - Letters to one client in one scenario about one matter (the invoice, for payment) form
//!   a thread, open until resolved or until its final letter's date has passed.
//! - Queries are paged and indexed, so a register of many thousands of letters opens at once.

use crate::dates;
use crate::email::MailOptions;
use crate::export::{ExportError, Exporter, Format};
use crate::fsutil::{Staged, atomic_write};
use crate::i18n::{Locale, Problem};
use crate::lang::Lang;
use crate::letter::Letter;
use crate::numbers::localize_digits;
use crate::persian;
use crate::profile::{Client, Sender};
use crate::render::{Draft, RenderError};
use crate::template::{Library, Scenario, Template};
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The register's file name in the workspace.
pub const FILE_NAME: &str = "register.sqlite3";

/// The schema this build writes; `PRAGMA user_version` holds the file's.
pub const SCHEMA_VERSION: i32 = 1;

/// How long a writer waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Inputs that take the date of the letter they follow («تاریخ یادآوری قبلی»).
pub const PREVIOUS_DATE_INPUTS: [&str; 5] = [
    "reminded_on",
    "previous_on",
    "sent_on",
    "previous_date",
    "previous_letter_date",
];

pub type LetterId = i64;
pub type ThreadId = i64;

/// A problem with the register. Worded through `locales/<lang>/errors.ftl` (`Problem`);
/// the command line adds which command to run.
#[derive(Debug)]
pub enum RegisterError {
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// The file is not a SQLite database, or a damaged one; it is never written to.
    Corrupt {
        path: PathBuf,
        reason: String,
    },
    /// Written by a newer Marz, whose schema this one does not know.
    Newer {
        path: PathBuf,
        found: i32,
        known: i32,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// No letter with this number (or `id:N`).
    NoLetter(String),
    /// Letters imported from `history/` may share a number; they are named by id.
    Ambiguous {
        number: String,
        count: usize,
        ids: String,
    },
    AlreadyVoid {
        number: String,
        reason: String,
    },
    /// The letter is void, so a new letter cannot follow it.
    Void(String),
    /// A letter is voided only with a reason.
    NoReason,
    NoThread(ThreadId),
    OtherClient {
        thread: ThreadId,
        owner: String,
        client: String,
    },
    Resolved {
        thread: ThreadId,
        date: NaiveDate,
    },
    /// Imported from `history/`, where only the text was kept.
    TextOnly(String),
    Export(ExportError),
}

impl From<ExportError> for RegisterError {
    fn from(e: ExportError) -> Self {
        RegisterError::Export(e)
    }
}

impl Problem for RegisterError {
    fn key(&self) -> &'static str {
        match self {
            RegisterError::Sqlite { .. } => "error-register",
            RegisterError::Corrupt { .. } => "error-register-corrupt",
            RegisterError::Newer { .. } => "error-register-newer",
            RegisterError::Io { source, .. } => crate::store::io_key(source),
            RegisterError::NoLetter(_) => "error-no-letter",
            RegisterError::Ambiguous { .. } => "error-letter-ambiguous",
            RegisterError::AlreadyVoid { .. } => "error-letter-already-void",
            RegisterError::Void(_) => "error-letter-void",
            RegisterError::NoReason => "error-void-no-reason",
            RegisterError::NoThread(_) => "error-no-thread",
            RegisterError::OtherClient { .. } => "error-thread-other-client",
            RegisterError::Resolved { .. } => "error-thread-resolved",
            RegisterError::TextOnly(_) => "error-letter-text-only",
            RegisterError::Export(e) => e.key(),
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        let path = |p: &Path| ("path", p.display().to_string());
        let thread = |id: &ThreadId| ("thread", locale.number(id));
        match self {
            RegisterError::Sqlite { path: p, source } => {
                vec![path(p), ("detail", source.to_string())]
            }
            RegisterError::Corrupt { path: p, reason } => vec![path(p), ("detail", reason.clone())],
            RegisterError::Newer {
                path: p,
                found,
                known,
            } => vec![
                path(p),
                ("found", locale.number(found)),
                ("known", locale.number(known)),
            ],
            RegisterError::Io { path: p, source } => {
                vec![path(p), ("detail", source.to_string())]
            }
            RegisterError::NoLetter(number)
            | RegisterError::Void(number)
            | RegisterError::TextOnly(number) => vec![("number", number.clone())],
            RegisterError::Ambiguous { number, count, ids } => vec![
                ("number", number.clone()),
                ("count", locale.number(count)),
                ("ids", ids.clone()),
            ],
            RegisterError::AlreadyVoid { number, reason } => {
                vec![("number", number.clone()), ("reason", reason.clone())]
            }
            RegisterError::NoReason => Vec::new(),
            RegisterError::NoThread(id) => vec![thread(id)],
            RegisterError::OtherClient {
                thread: id,
                owner,
                client,
            } => vec![
                thread(id),
                ("owner", owner.clone()),
                ("client", client.clone()),
            ],
            RegisterError::Resolved { thread: id, date } => {
                vec![thread(id), ("date", dates::format(*date, locale.lang()))]
            }
            RegisterError::Export(e) => e.args(locale),
        }
    }
}

impl std::error::Error for RegisterError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RegisterError::Sqlite { source, .. } => Some(source),
            RegisterError::Io { source, .. } => Some(source),
            RegisterError::Export(e) => Some(e),
            _ => None,
        }
    }
}

type Result<T, E = RegisterError> = std::result::Result<T, E>;

/// A failure of `Register::send`.
#[derive(Debug)]
pub enum SendError {
    Render(RenderError),
    Export(ExportError),
    Register(RegisterError),
    /// The printer did not take the letter (it is not recorded).
    Print(crate::print::PrintError),
    /// The letter was recorded, but its file could not be put in place afterwards.
    NotSaved {
        number: String,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<RenderError> for SendError {
    fn from(e: RenderError) -> Self {
        SendError::Render(e)
    }
}

impl From<ExportError> for SendError {
    fn from(e: ExportError) -> Self {
        SendError::Export(e)
    }
}

impl From<RegisterError> for SendError {
    fn from(e: RegisterError) -> Self {
        SendError::Register(e)
    }
}

impl Problem for SendError {
    fn key(&self) -> &'static str {
        match self {
            SendError::Render(e) => e.key(),
            SendError::Export(e) => e.key(),
            SendError::Register(e) => e.key(),
            SendError::Print(e) => e.key(),
            SendError::NotSaved { .. } => "error-letter-not-saved",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            SendError::Render(e) => e.args(locale),
            SendError::Export(e) => e.args(locale),
            SendError::Register(e) => e.args(locale),
            SendError::Print(e) => e.args(locale),
            SendError::NotSaved {
                number,
                path,
                source,
            } => vec![
                ("number", number.clone()),
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
        }
    }
}

crate::i18n::english_display!(RegisterError, SendError);

impl std::error::Error for SendError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SendError::Render(e) => Some(e),
            SendError::Export(e) => Some(e),
            SendError::Register(e) => Some(e),
            SendError::Print(e) => Some(e),
            SendError::NotSaved { source, .. } => Some(source),
        }
    }
}

#[cfg(test)]
impl RegisterError {
    /// One of each kind of register problem (with one export problem inside).
    pub(crate) fn samples() -> Vec<Self> {
        let path = PathBuf::from("/home/maryam/marz/register.sqlite3");
        let date = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a day");
        let all = vec![
            RegisterError::Sqlite {
                path: path.clone(),
                source: rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
                    None,
                ),
            },
            RegisterError::Corrupt {
                path: path.clone(),
                reason: "file is not a database".into(),
            },
            RegisterError::Newer {
                path: path.clone(),
                found: 3,
                known: SCHEMA_VERSION,
            },
            RegisterError::Io {
                path: "/home/maryam/marz".into(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
            RegisterError::NoLetter("NA/۱۴۰۵/۰۴۲".into()),
            RegisterError::Ambiguous {
                number: "NA/1405/007".into(),
                count: 2,
                ids: "id:7, id:9".into(),
            },
            RegisterError::AlreadyVoid {
                number: "NA/۱۴۰۵/۰۰۷".into(),
                reason: "به نشانی اشتباه رفت".into(),
            },
            RegisterError::Void("NA/۱۴۰۵/۰۰۷".into()),
            RegisterError::NoReason,
            RegisterError::NoThread(12),
            RegisterError::OtherClient {
                thread: 3,
                owner: "acme".into(),
                client: "sample-reza".into(),
            },
            RegisterError::Resolved { thread: 3, date },
            RegisterError::TextOnly("NA/۱۴۰۵/۰۰۳".into()),
            RegisterError::Export(ExportError::NoSender),
        ];
        for e in &all {
            match e {
                RegisterError::Sqlite { .. }
                | RegisterError::Corrupt { .. }
                | RegisterError::Newer { .. }
                | RegisterError::Io { .. }
                | RegisterError::NoLetter(_)
                | RegisterError::Ambiguous { .. }
                | RegisterError::AlreadyVoid { .. }
                | RegisterError::Void(_)
                | RegisterError::NoReason
                | RegisterError::NoThread(_)
                | RegisterError::OtherClient { .. }
                | RegisterError::Resolved { .. }
                | RegisterError::TextOnly(_)
                | RegisterError::Export(_) => {}
            }
        }
        all
    }
}

#[cfg(test)]
impl SendError {
    /// One of each kind of export failure: its own, and one of each part it wraps (the
    /// register's, export's and render's kinds are sampled on their own).
    pub(crate) fn samples() -> Vec<Self> {
        let all = vec![
            SendError::Render(RenderError::samples().remove(0)),
            SendError::Export(ExportError::NoSender),
            SendError::Register(RegisterError::NoThread(4)),
            SendError::Print(crate::print::PrintError::NoDefaultPrinter),
            SendError::NotSaved {
                number: "NA/۱۴۰۵/۰۰۸".into(),
                path: "/media/usb/نامه‌ها/payment-2.pdf".into(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            },
        ];
        for e in &all {
            match e {
                SendError::Render(_)
                | SendError::Export(_)
                | SendError::Register(_)
                | SendError::Print(_)
                | SendError::NotSaved { .. } => {}
            }
        }
        all
    }
}

/// Where a letter went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A file written atomically.
    File { path: PathBuf, format: Format },
    /// Copied to the clipboard (the caller copies `Sent::letter` once it is recorded).
    Clipboard,
    /// Handed to the mail program (the caller opens `Sent::letter` with
    /// `mail_app::open_in_mail_program`).
    Mail,
    /// Its PDF sent to `printer`. The print job is handed over before the record is
    /// committed: a letter the printer refused is not recorded and its number stays free.
    Print { printer: crate::print::Printer },
}

impl Destination {
    fn kind(&self) -> &'static str {
        match self {
            Destination::File { .. } => "file",
            Destination::Clipboard => "clipboard",
            Destination::Mail => "mail",
            Destination::Print { .. } => "print",
        }
    }
}

/// Which thread a letter belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThreadPick {
    /// The open thread of the same client, scenario and matter (the latest, if several);
    /// else an open thread whose suggested next letter is this template (a consequence such
    /// as a termination after a final payment notice); else a new thread.
    #[default]
    Auto,
    /// This thread (it must be the client's and not resolved).
    Thread(ThreadId),
    /// The thread of this letter, citing it.
    ReplyTo(LetterId),
    /// A new thread, even when one is open.
    New,
}

/// What `Register::send` needs besides the letter.
#[derive(Debug, Clone)]
pub struct SendRequest {
    /// `letter_prefix` from sender.toml.
    pub prefix: Option<String>,
    /// The letter's date and language: its number is counted per prefix and year (the
    /// Jalali year for Persian letters).
    pub date: NaiveDate,
    pub lang: Lang,
    pub destination: Destination,
    pub thread: ThreadPick,
    /// Seconds since the epoch for an e-mail's Date header.
    pub timestamp: i64,
    /// How an e-mail goes out (the PDF attached, a cover note).
    pub mail: MailOptions,
}

/// A letter already made into the bytes of its file (in the destination's format, with the
/// request's mail options and timestamp), before its number was taken.
#[derive(Debug, Clone)]
pub struct Typeset {
    pub letter: Letter,
    pub bytes: Vec<u8>,
}

/// A letter that left and is recorded.
#[derive(Debug, Clone)]
pub struct Sent {
    pub id: LetterId,
    pub number: String,
    pub thread: ThreadId,
    /// The letter exactly as it left, with its number.
    pub letter: Letter,
}

/// A letter's status in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Sent, its thread still open or ended by itself.
    Sent,
    /// Sent by mistake: kept, with its number and a reason.
    Void,
    /// Its thread was marked resolved (paid, settled, ended).
    Resolved,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Sent => "sent",
            Status::Void => "void",
            Status::Resolved => "resolved",
        }
    }

    fn parse(code: &str) -> Status {
        match code {
            "void" => Status::Void,
            "resolved" => Status::Resolved,
            _ => Status::Sent,
        }
    }
}

impl std::str::FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "sent" => Ok(Status::Sent),
            "void" => Ok(Status::Void),
            "resolved" => Ok(Status::Resolved),
            other => Err(format!(
                "`{other}` is not a status: use sent, void or resolved"
            )),
        }
    }
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: LetterId,
    /// As printed on the letter (Persian digits for a Persian letter).
    pub number: String,
    pub date: NaiveDate,
    pub client: String,
    /// The recipient as the letter addressed them («جناب آقای رضا احمدی»).
    pub addressee: String,
    pub template: String,
    pub scenario: Option<Scenario>,
    pub level: Option<u8>,
    pub lang: Lang,
    pub subject: String,
    pub status: Status,
    pub thread: ThreadId,
    pub follow_up: Option<NaiveDate>,
    /// `file`, `clipboard`, `mail`, or `history` for letters imported from history/.
    pub sent_as: String,
    /// The file it was written to, if any.
    pub path: Option<String>,
}

/// A whole letter as recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    #[serde(flatten)]
    pub entry: Entry,
    /// The letter's full text exactly as it left.
    pub text: String,
    /// The input values (empty for letters imported from history/).
    pub inputs: BTreeMap<String, String>,
    /// The template to send next if this letter goes unanswered; none for a final letter.
    pub suggest: Option<String>,
    pub matter: String,
    pub void_reason: Option<String>,
    pub voided_at: Option<String>,
    pub resolved_on: Option<NaiveDate>,
    pub resolution_note: Option<String>,
    /// When it was recorded (RFC 3339, local time).
    pub recorded_at: String,
    /// The earlier letter it cites («پیرو»), if any.
    pub reference: Option<crate::letter::Reference>,
    /// The whole letter, to export it again in any format (none for imported letters).
    #[serde(skip)]
    pub letter: Option<Letter>,
}

/// Whether a thread still wants attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ThreadState {
    Open,
    /// Marked resolved by the owner.
    Resolved,
    /// Its last letter is a final one whose date has passed (or every letter is void).
    Ended,
}

/// Letters to one client in one scenario about one matter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thread {
    pub id: ThreadId,
    pub client: String,
    pub scenario: Option<Scenario>,
    /// The invoice for payment threads (as a search key), else empty.
    pub matter: String,
    pub opened: NaiveDate,
    pub state: ThreadState,
    pub resolved_on: Option<NaiveDate>,
    pub resolution_note: Option<String>,
    /// The latest letter that is not void.
    pub last: Option<Entry>,
    /// The last letter's suggested next template, if the thread is open.
    pub suggest: Option<String>,
}

/// An open thread whose follow-up date has passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Due {
    pub client: String,
    pub addressee: String,
    pub thread: ThreadId,
    pub scenario: Option<Scenario>,
    pub matter: String,
    pub last_number: String,
    pub last_template: String,
    pub last_date: NaiveDate,
    pub lang: Lang,
    pub follow_up: NaiveDate,
    pub overdue_days: i64,
    /// The template to send next.
    pub suggest: String,
}

/// A filter on the register; empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub client: Option<String>,
    pub scenario: Option<Scenario>,
    pub status: Option<Status>,
    pub thread: Option<ThreadId>,
    /// Words of the text, subject, number or client name; ی/ي, ک/ك, ZWNJ, spacing, case and
    /// digit script are ignored.
    pub search: Option<String>,
}

/// One page of entries, newest first, and how many match in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub entries: Vec<Entry>,
    pub total: usize,
}

/// The next letter of an open thread: which thread, the letter it cites and the values it
/// starts from.
#[derive(Debug, Clone, PartialEq)]
pub struct Continuation {
    pub thread: ThreadId,
    /// The letter the new one follows («پیرو»): the thread's last letter, or the one replied to.
    pub cites: Entry,
    /// Form values taken from it, for the new template's inputs (dates `YYYY-MM-DD`).
    pub values: BTreeMap<String, String>,
}

impl Continuation {
    /// The thread to record the new letter in.
    pub fn pick(&self) -> ThreadPick {
        ThreadPick::Thread(self.thread)
    }

    /// `given` over the values from the thread: what the owner typed always wins.
    pub fn values_with(&self, given: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        let mut values = self.values.clone();
        for (name, value) in given {
            values.insert(name.clone(), value.clone());
        }
        values
    }

    /// Makes `letter` cite the letter it follows.
    pub fn cite(&self, letter: &mut Letter) {
        letter.cite(&self.cites.number, self.cites.date);
    }
}

/// A letter about to be written for a client, before it has a number: the template, the
/// thread it continues and the values it is rendered from. `Register::plan` makes one;
/// `Register::preview` and `Register::send_plan` turn it into a letter.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub template: &'a Template,
    pub client: &'a Client,
    pub sender: &'a Sender,
    pub date: NaiveDate,
    /// The owner's values over those taken from the thread.
    pub values: BTreeMap<String, String>,
    /// The thread it continues and the letter it cites, if any.
    pub continuation: Option<Continuation>,
    /// The thread asked for (used when there is no continuation).
    pub pick: ThreadPick,
    pub copies: Vec<String>,
    pub attachments: Vec<String>,
}

impl Plan<'_> {
    /// What the template is filled with, under `number`.
    pub fn draft(&self, number: &str) -> Draft<'_> {
        Draft {
            template: self.template,
            client: self.client,
            sender: self.sender,
            values: &self.values,
            date: self.date,
            number: number.to_string(),
        }
    }

    /// The letter under `number`, citing the letter it follows.
    pub fn render(&self, number: &str) -> Result<Letter, RenderError> {
        let mut letter = crate::render::render(&self.draft(number))?;
        letter.copies = self.copies.clone();
        letter.attachments = self.attachments.clone();
        if let Some(c) = &self.continuation {
            c.cite(&mut letter);
        }
        Ok(letter)
    }

    /// The thread the letter is recorded in.
    pub fn thread(&self) -> ThreadPick {
        self.continuation
            .as_ref()
            .map_or(self.pick, Continuation::pick)
    }

    /// What `Register::send` needs for this letter.
    pub fn request(&self, destination: Destination, timestamp: i64) -> SendRequest {
        SendRequest {
            prefix: self.sender.letter_prefix.clone(),
            date: self.date,
            lang: self.template.lang,
            destination,
            thread: self.thread(),
            timestamp,
            mail: MailOptions::default(),
        }
    }
}

/// What the first open found in `history/` and imported.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Takeover {
    pub imported: usize,
    /// Files that could not be read, with the reason; they stay where they are.
    pub skipped: Vec<(PathBuf, String)>,
}

/// An open register. One connection; open one per thread or task that needs it.
#[derive(Debug)]
pub struct Register {
    conn: Connection,
    path: PathBuf,
    takeover: Option<Takeover>,
}

const SCHEMA_V1: &str = "
CREATE TABLE letters (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL,
    number_key TEXT NOT NULL,
    series TEXT NOT NULL,
    seq INTEGER,
    date TEXT NOT NULL,
    client TEXT NOT NULL,
    addressee TEXT NOT NULL,
    template TEXT NOT NULL,
    scenario TEXT,
    level INTEGER,
    lang TEXT NOT NULL,
    subject TEXT NOT NULL,
    sent_as TEXT NOT NULL,
    path TEXT,
    format TEXT,
    thread INTEGER NOT NULL,
    matter TEXT NOT NULL DEFAULT '',
    follow_up TEXT,
    suggest TEXT,
    status TEXT NOT NULL DEFAULT 'sent',
    void_reason TEXT,
    voided_at TEXT,
    recorded_at TEXT NOT NULL,
    imported INTEGER NOT NULL DEFAULT 0,
    source TEXT
);
-- The large parts apart, so that scanning and counting letters stays cheap.
CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    inputs TEXT NOT NULL DEFAULT '{}',
    letter TEXT
);
CREATE UNIQUE INDEX letters_series_seq ON letters(series, seq) WHERE imported = 0;
CREATE INDEX letters_series ON letters(series, seq);
CREATE INDEX letters_number_key ON letters(number_key COLLATE NOCASE);
CREATE INDEX letters_date ON letters(date, id);
CREATE INDEX letters_client ON letters(client, date, id);
CREATE INDEX letters_thread ON letters(thread, id);
CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    client TEXT NOT NULL,
    scenario TEXT,
    matter TEXT NOT NULL DEFAULT '',
    opened TEXT NOT NULL,
    resolved_on TEXT,
    resolution_note TEXT,
    last_letter INTEGER
);
CREATE INDEX threads_client ON threads(client, scenario, matter);
CREATE INDEX threads_last ON threads(last_letter);
CREATE VIRTUAL TABLE letters_fts USING fts5(head, body, content = '', tokenize = 'unicode61');
";

/// The columns of an `Entry`, for `entry_from_row`; `l` is letters, `t` threads.
const ENTRY_COLUMNS: &str = "l.id, l.number, l.date, l.client, l.addressee, l.template, l.scenario, \
     l.level, l.lang, l.subject, \
     CASE WHEN l.status = 'void' THEN 'void' WHEN t.resolved_on IS NOT NULL THEN 'resolved' ELSE 'sent' END, \
     l.thread, l.follow_up, l.sent_as, l.path";

fn entry_from_row(row: &rusqlite::Row, at: usize) -> rusqlite::Result<Entry> {
    let date: String = row.get(at + 2)?;
    let scenario: Option<String> = row.get(at + 6)?;
    let lang: String = row.get(at + 8)?;
    let status: String = row.get(at + 10)?;
    let follow_up: Option<String> = row.get(at + 12)?;
    Ok(Entry {
        id: row.get(at)?,
        number: row.get(at + 1)?,
        date: parse_day(&date),
        client: row.get(at + 3)?,
        addressee: row.get(at + 4)?,
        template: row.get(at + 5)?,
        scenario: scenario.as_deref().and_then(scenario_of_code),
        level: row.get(at + 7)?,
        lang: lang.parse().unwrap_or_default(),
        subject: row.get(at + 9)?,
        status: Status::parse(&status),
        thread: row.get(at + 11)?,
        follow_up: follow_up.as_deref().map(parse_day),
        sent_as: row.get(at + 13)?,
        path: row.get(at + 14)?,
    })
}

/// Dates are stored as `YYYY-MM-DD`, written only by this module.
fn parse_day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
}

fn scenario_of_code(code: &str) -> Option<Scenario> {
    Scenario::ALL.into_iter().find(|s| s.code() == code)
}

/// The matter a letter is about, which with the client and scenario makes its thread: the
/// invoice for payment letters, nothing otherwise (the scenario is the matter).
pub fn matter_of(scenario: Scenario, values: &BTreeMap<String, String>) -> String {
    match scenario {
        Scenario::Payment => values
            .get("invoice")
            .map(|v| persian::search_key(v))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The series of a letter number (`NA/1405`) for a prefix, date and language.
fn series_of(prefix: Option<&str>, date: NaiveDate, lang: Lang) -> String {
    let year = match lang {
        Lang::Fa => dates::to_jalali(date).year,
        Lang::En => chrono::Datelike::year(&date),
    };
    match prefix.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => format!("{}/{year}", persian::to_ascii_digits(p)),
        None => year.to_string(),
    }
}

/// Splits a number as printed into its series and sequence: `NA/۱۴۰۵/۰۰۷` → (`NA/1405`, 7).
fn split_number(number: &str) -> (String, Option<i64>) {
    let ascii = persian::to_ascii_digits(number.trim());
    match ascii.rsplit_once('/') {
        Some((series, seq)) if !seq.is_empty() && seq.chars().all(|c| c.is_ascii_digit()) => {
            (series.to_string(), seq.parse().ok())
        }
        _ => (ascii, None),
    }
}

/// The folded text the search index holds for a letter.
fn index_text(text: &str) -> String {
    persian::search_key(text)
}

/// An FTS5 query for what a person typed: every word must match (as a word or the start of
/// one); several words may also match written together («می شود» finds «می‌شود»).
fn fts_query(typed: &str) -> Option<String> {
    let key = persian::search_key(typed);
    let words: Vec<&str> = key
        .split(' ')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        return None;
    }
    let phrase = |w: &str| format!("\"{}\"*", w.replace('"', "\"\""));
    let all: Vec<String> = words.iter().map(|w| phrase(w)).collect();
    let mut query = format!("({})", all.join(" AND "));
    if words.len() > 1 {
        query = format!("{query} OR {}", phrase(&words.concat()));
    }
    Some(query)
}

impl Register {
    /// Opens the workspace's register, creating it (and importing `history/`) on first use.
    pub fn open(root: &Path) -> Result<Register> {
        let path = root.join(FILE_NAME);
        std::fs::create_dir_all(root).map_err(|source| RegisterError::Io {
            path: root.to_path_buf(),
            source,
        })?;
        let conn = Connection::open(&path).map_err(|e| sql_error(&path, e))?;
        let mut register = Register {
            conn,
            path,
            takeover: None,
        };
        register.prepare(root)?;
        Ok(register)
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> RegisterError + '_ {
        move |e| sql_error(&self.path, e)
    }

    fn prepare(&mut self, root: &Path) -> Result<()> {
        let path = self.path.clone();
        let fail = |e| sql_error(&path, e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // Readers never wait for a writer, and a commit is on disk before it returns: a
        // register entry must survive a power cut as surely as the file it describes.
        retry_busy(|| {
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
                .map(|_| ())
        })
        .map_err(fail)?;
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(fail)?;
        // Room for the search index and the lists of a large register (8 MiB; SQLite's
        // default is 2 MiB, which makes a search over 10,000 letters read pages again).
        self.conn
            .pragma_update(None, "cache_size", -8192)
            .map_err(fail)?;
        let version = user_version(&self.conn).map_err(fail)?;
        if version > SCHEMA_VERSION {
            return Err(RegisterError::Newer {
                path: self.path.clone(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            self.migrate(root)?;
        }
        Ok(())
    }

    /// Brings the schema up to date in one transaction; the first version also imports
    /// `history/`. Another process may be doing the same: the version is read again under
    /// the write lock.
    fn migrate(&mut self, root: &Path) -> Result<()> {
        let path = self.path.clone();
        let fail = |e| sql_error(&path, e);
        let tx = begin_write(&mut self.conn, &self.path)?;
        let version = user_version(&tx).map_err(fail)?;
        let mut takeover = None;
        if version < 1 {
            tx.execute_batch(SCHEMA_V1).map_err(fail)?;
            takeover = Some(import_history(&tx, root).map_err(fail)?);
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        self.takeover = takeover.filter(|t| t.imported > 0 || !t.skipped.is_empty());
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What this open imported from `history/`, if it was the first open and there was any.
    pub fn takeover(&self) -> Option<&Takeover> {
        self.takeover.as_ref()
    }

    /// The number the next letter would get now (another process may take it first; the
    /// number a letter gets is decided by `send`).
    pub fn peek_number(&self, prefix: Option<&str>, date: NaiveDate, lang: Lang) -> Result<String> {
        let series = series_of(prefix, date, lang);
        let seq = next_seq(&self.conn, &series).map_err(self.err())?;
        Ok(format_number(&series, seq, lang))
    }

    /// The numbers the next letters of a series would get now, in order, if each is
    /// recorded before the next and no other process takes one: a prediction, for work done
    /// before the numbers are taken (a batch typesets ahead; see `send_typeset`).
    pub fn peek_numbers(
        &self,
        prefix: Option<&str>,
        date: NaiveDate,
        lang: Lang,
    ) -> Result<impl Iterator<Item = String> + use<>> {
        let series = series_of(prefix, date, lang);
        let first = next_seq(&self.conn, &series).map_err(self.err())?;
        Ok((first..).map(move |seq| format_number(&series, seq, lang)))
    }

    /// Exports a letter: takes the next number, builds the letter with it, writes the file
    /// (for `Destination::File`) and records it. All or nothing: a failure before the
    /// record is committed leaves no record, no number taken and no file; the file is put in
    /// place only after the record is committed.
    pub fn send(
        &mut self,
        exporter: &Exporter,
        library: &Library,
        request: SendRequest,
        build: impl FnOnce(&str) -> Result<Letter, RenderError>,
    ) -> Result<Sent, SendError> {
        self.send_typeset(exporter, library, request, build, None)
    }

    /// `send`, with the file made ahead of the number (typeset on another core while earlier
    /// letters were sent). `ahead` is written only when the letter built under the number
    /// taken is exactly `ahead.letter` (the same number, thread citation and text);
    /// otherwise the letter is typeset again here, so the file always shows the letter
    /// recorded.
    pub fn send_typeset(
        &mut self,
        exporter: &Exporter,
        library: &Library,
        request: SendRequest,
        build: impl FnOnce(&str) -> Result<Letter, RenderError>,
        ahead: Option<Typeset>,
    ) -> Result<Sent, SendError> {
        // Made before the lock, so that a folder that cannot be written to fails at once.
        let mut staged = match &request.destination {
            Destination::File { path, format } => {
                exporter.warm(*format);
                Some(Staged::new(path).map_err(|source| ExportError::Write {
                    path: path.clone(),
                    source,
                })?)
            }
            Destination::Print { .. } => {
                exporter.warm(Format::Pdf);
                None
            }
            _ => None,
        };
        let path = self.path.clone();
        let fail = |e| SendError::Register(sql_error(&path, e));
        let tx = begin_write(&mut self.conn, &self.path)?;
        let series = series_of(request.prefix.as_deref(), request.date, request.lang);
        let seq = next_seq(&tx, &series).map_err(fail)?;
        let number = format_number(&series, seq, request.lang);
        pause_point("locked");
        let letter = build(&number)?.renumbered(&number);
        if let (Some(file), Destination::File { path, format }) =
            (staged.as_mut(), &request.destination)
        {
            let bytes = match ahead {
                Some(ahead) if ahead.letter == letter => ahead.bytes,
                _ => exporter.bytes_with(&letter, *format, &request.mail, request.timestamp)?,
            };
            file.write(&bytes).map_err(|source| ExportError::Write {
                path: path.clone(),
                source,
            })?;
            pause_point("staged");
        }
        let matter = matter_of(letter.scenario, &letter.inputs);
        let thread = match request.thread {
            ThreadPick::Auto => find_open_thread(
                &tx,
                &letter.client,
                letter.scenario,
                Some(&matter),
                &letter.template,
                letter.date,
            )
            .map_err(fail)?,
            ThreadPick::Thread(id) => Some(check_thread(&tx, &self.path, id, &letter.client)?),
            ThreadPick::ReplyTo(id) => {
                let entry = reply_target(&tx, &self.path, id)?;
                Some(check_thread(&tx, &self.path, entry.thread, &letter.client)?)
            }
            ThreadPick::New => None,
        };
        let thread = match thread {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO threads (client, scenario, matter, opened) VALUES (?1, ?2, ?3, ?4)",
                    params![
                        letter.client,
                        letter.scenario.code(),
                        matter,
                        dates::iso(letter.date)
                    ],
                )
                .map_err(fail)?;
                tx.last_insert_rowid()
            }
        };
        let reached: Option<u8> = tx
            .query_row(
                "SELECT MAX(level) FROM letters WHERE thread = ?1 AND scenario = ?2 AND status = 'sent'",
                params![thread, letter.scenario.code()],
                |r| r.get(0),
            )
            .map_err(fail)?;
        let reached = reached.max(letter.level);
        let suggest = suggestion(library, &letter, reached);
        let text = letter.to_text();
        let (path_text, format) = match &request.destination {
            Destination::File { path, format } => (
                Some(path.display().to_string()),
                Some(format.extension().to_string()),
            ),
            _ => (None, None),
        };
        let addressee = letter.recipient.first().cloned().unwrap_or_default();
        tx.execute(
            "INSERT INTO letters (number, number_key, series, seq, date, client, addressee, template,
                 scenario, level, lang, subject, sent_as, path, format, thread, matter, follow_up,
                 suggest, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20)",
            params![
                letter.number,
                persian::to_ascii_digits(&letter.number),
                series,
                seq,
                dates::iso(letter.date),
                letter.client,
                addressee,
                letter.template,
                letter.scenario.code(),
                letter.level,
                letter.lang.code(),
                letter.subject,
                request.destination.kind(),
                path_text,
                format,
                thread,
                matter,
                letter.follow_up.map(dates::iso),
                suggest,
                now_text(),
            ],
        )
        .map_err(fail)?;
        let id = tx.last_insert_rowid();
        let body = Body {
            text: &text,
            inputs: serde_json::to_string(&letter.inputs).expect("text values serialise"),
            letter: Some(serde_json::to_string(&letter).expect("a letter serialises")),
        };
        store_body(
            &tx,
            id,
            &[&letter.number, &letter.client, &addressee, &letter.subject],
            body,
        )
        .map_err(fail)?;
        tx.execute(
            "UPDATE threads SET last_letter = ?1 WHERE id = ?2",
            params![id, thread],
        )
        .map_err(fail)?;
        if let Destination::Print { printer } = &request.destination {
            // Last before the commit: a refused job leaves no record and no number used.
            let pdf = exporter.bytes(&letter, Format::Pdf, 0)?;
            let title = crate::export::default_file_name(&letter, Format::Pdf);
            printer.print_pdf(&pdf, &title).map_err(SendError::Print)?;
        }
        tx.commit().map_err(fail)?;
        pause_point("committed");
        if let (Some(file), Destination::File { path, .. }) = (staged, &request.destination) {
            file.commit().map_err(|source| SendError::NotSaved {
                number: letter.number.clone(),
                path: path.clone(),
                source,
            })?;
        }
        Ok(Sent {
            id,
            number: letter.number.clone(),
            thread,
            letter,
        })
    }

    /// Plans a letter of `template` to `client`: finds the thread it continues (per `pick`)
    /// and the values it takes from it; `given` (what the owner typed) wins over those.
    pub fn plan<'a>(
        &self,
        template: &'a Template,
        client: &'a Client,
        sender: &'a Sender,
        given: &BTreeMap<String, String>,
        date: NaiveDate,
        pick: ThreadPick,
    ) -> Result<Plan<'a>> {
        let continuation =
            self.continuation(template, &client.id, given, &client.facts, pick, date)?;
        let values = match &continuation {
            Some(c) => c.values_with(given),
            None => given.clone(),
        };
        Ok(Plan {
            template,
            client,
            sender,
            date,
            values,
            continuation,
            pick,
            copies: Vec::new(),
            attachments: Vec::new(),
        })
    }

    /// The planned letter as it would leave now, under the number it would get now (or
    /// `number`); nothing is recorded.
    pub fn preview(&self, plan: &Plan, number: Option<&str>) -> Result<Letter, SendError> {
        let number = match number {
            Some(n) => n.to_string(),
            None => self.peek_number(
                plan.sender.letter_prefix.as_deref(),
                plan.date,
                plan.template.lang,
            )?,
        };
        Ok(plan.render(&number)?)
    }

    /// Exports a planned letter (see `send`).
    pub fn send_plan(
        &mut self,
        exporter: &Exporter,
        library: &Library,
        plan: &Plan,
        destination: Destination,
        timestamp: i64,
    ) -> Result<Sent, SendError> {
        self.send(
            exporter,
            library,
            plan.request(destination, timestamp),
            |number| plan.render(number),
        )
    }

    /// A page of the register, newest first (by date, then by the order recorded).
    pub fn list(&self, filter: &Filter, offset: usize, limit: usize) -> Result<Page> {
        let (clause, mut values) = where_clause(filter);
        let Some(clause) = clause else {
            return Ok(Page {
                entries: Vec::new(),
                total: 0,
            });
        };
        // The threads table is needed only to filter by status.
        let join = if filter.status.is_some() {
            "JOIN threads t ON t.id = l.thread"
        } else {
            ""
        };
        let from = format!("FROM letters l {join} WHERE {clause}");
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) {from}"))
            .and_then(|mut s| s.query_row(rusqlite::params_from_iter(values.iter()), |r| r.get(0)))
            .map_err(self.err())?;
        values.push(SqlValue::Integer(limit.min(i64::MAX as usize) as i64));
        values.push(SqlValue::Integer(offset.min(i64::MAX as usize) as i64));
        // The page's ids first (from the date index), then only their rows.
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM letters l JOIN threads t ON t.id = l.thread
             WHERE l.id IN (SELECT l.id {from} ORDER BY l.date DESC, l.id DESC LIMIT ? OFFSET ?)
             ORDER BY l.date DESC, l.id DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql).map_err(self.err())?;
        let entries = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                entry_from_row(r, 0)
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.err())?;
        Ok(Page {
            entries,
            total: total as usize,
        })
    }

    /// Every letter matching `filter`, newest first.
    pub fn list_all(&self, filter: &Filter) -> Result<Vec<Entry>> {
        Ok(self.list(filter, 0, usize::MAX)?.entries)
    }

    /// The letter a person names: its number in any digits and letter case
    /// (`NA/1405/007`, `na/۱۴۰۵/۰۰۷`), or `id:17` for its id.
    pub fn find(&self, key: &str) -> Result<Entry> {
        let key = key.trim();
        if let Some(id) = key
            .strip_prefix("id:")
            .or_else(|| key.strip_prefix('#'))
            .and_then(|n| persian::to_ascii_digits(n).trim().parse::<LetterId>().ok())
        {
            return entry_by_id(&self.conn, id)
                .map_err(self.err())?
                .ok_or_else(|| RegisterError::NoLetter(key.to_string()));
        }
        let ascii = persian::to_ascii_digits(key);
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM letters l JOIN threads t ON t.id = l.thread
             WHERE l.number_key = ?1 COLLATE NOCASE ORDER BY l.id"
        );
        let found = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map([&ascii], |r| entry_from_row(r, 0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(self.err())?;
        match found.len() {
            0 => Err(RegisterError::NoLetter(key.to_string())),
            1 => Ok(found.into_iter().next().expect("one")),
            count => Err(RegisterError::Ambiguous {
                number: key.to_string(),
                count,
                ids: found
                    .iter()
                    .map(|e| format!("id:{}", e.id))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// The whole record of a letter.
    pub fn record(&self, id: LetterId) -> Result<Record> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS}, b.text, b.inputs, l.suggest, l.matter, l.void_reason,
                 l.voided_at, t.resolved_on, t.resolution_note, l.recorded_at, b.letter
             FROM letters l JOIN threads t ON t.id = l.thread JOIN bodies b ON b.id = l.id
             WHERE l.id = ?1"
        );
        self.conn
            .query_row(&sql, [id], |r| {
                let inputs: String = r.get(16)?;
                let resolved: Option<String> = r.get(21)?;
                let letter: Option<Letter> = r
                    .get::<_, Option<String>>(24)?
                    .and_then(|l| serde_json::from_str(&l).ok());
                Ok(Record {
                    reference: letter.as_ref().and_then(|l| l.reference.clone()),
                    entry: entry_from_row(r, 0)?,
                    text: r.get(15)?,
                    inputs: serde_json::from_str(&inputs).unwrap_or_default(),
                    suggest: r.get(17)?,
                    matter: r.get(18)?,
                    void_reason: r.get(19)?,
                    voided_at: r.get(20)?,
                    resolved_on: resolved.as_deref().map(parse_day),
                    resolution_note: r.get(22)?,
                    recorded_at: r.get(23)?,
                    letter,
                })
            })
            .optional()
            .map_err(self.err())?
            .ok_or_else(|| RegisterError::NoLetter(format!("id:{id}")))
    }

    /// Writes a recorded letter to a file again, with its own number: the stored text for
    /// `Format::Text`, the stored letter for .eml and PDF. The register is not changed.
    /// A recorded letter's bytes in `format`, as `export_again` writes them (for standard
    /// output).
    pub fn bytes_again(
        &self,
        exporter: &Exporter,
        id: LetterId,
        format: Format,
        timestamp: i64,
    ) -> Result<Vec<u8>> {
        let record = self.record(id)?;
        Ok(match (format, &record.letter) {
            // Marked as a text export is (the stored text is the letter's, unmarked).
            (Format::Text, _) => {
                crate::bidi::anchor_lines(&record.text, record.entry.lang).into_bytes()
            }
            (_, Some(letter)) => exporter.bytes(letter, format, timestamp)?,
            (_, None) => return Err(RegisterError::TextOnly(record.entry.number)),
        })
    }

    pub fn export_again(
        &self,
        exporter: &Exporter,
        id: LetterId,
        format: Format,
        path: &Path,
        timestamp: i64,
    ) -> Result<()> {
        let bytes = self.bytes_again(exporter, id, format, timestamp)?;
        atomic_write(path, &bytes).map_err(|source| {
            RegisterError::Export(ExportError::Write {
                path: path.to_path_buf(),
                source,
            })
        })
    }

    /// Marks a letter void: it keeps its number and text, and no longer counts in its thread.
    pub fn void(&mut self, id: LetterId, reason: &str) -> Result<Entry> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(RegisterError::NoReason);
        }
        let path = self.path.clone();
        let fail = |e| sql_error(&path, e);
        let tx = begin_write(&mut self.conn, &self.path)?;
        let entry = existing_entry(&tx, &path, id)?;
        if entry.status == Status::Void {
            let reason: String = tx
                .query_row("SELECT void_reason FROM letters WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .map_err(fail)?;
            return Err(RegisterError::AlreadyVoid {
                number: entry.number,
                reason,
            });
        }
        tx.execute(
            "UPDATE letters SET status = 'void', void_reason = ?1, voided_at = ?2 WHERE id = ?3",
            params![reason, now_text(), id],
        )
        .map_err(fail)?;
        tx.execute(
            "UPDATE threads SET last_letter =
                 (SELECT MAX(id) FROM letters WHERE thread = ?1 AND status = 'sent')
             WHERE id = ?1",
            [entry.thread],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        existing_entry(&self.conn, &self.path, id)
    }

    /// Marks the thread of a letter resolved (paid, settled, ended) on `date`.
    pub fn resolve(&mut self, id: LetterId, note: Option<&str>, date: NaiveDate) -> Result<Thread> {
        let path = self.path.clone();
        let fail = |e| sql_error(&path, e);
        let tx = begin_write(&mut self.conn, &self.path)?;
        let entry = existing_entry(&tx, &path, id)?;
        let resolved: Option<String> = tx
            .query_row(
                "SELECT resolved_on FROM threads WHERE id = ?1",
                [entry.thread],
                |r| r.get(0),
            )
            .map_err(fail)?;
        if let Some(on) = resolved {
            return Err(RegisterError::Resolved {
                thread: entry.thread,
                date: parse_day(&on),
            });
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        tx.execute(
            "UPDATE threads SET resolved_on = ?1, resolution_note = ?2 WHERE id = ?3",
            params![dates::iso(date), note, entry.thread],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        self.thread(entry.thread, date)
    }

    /// A thread as it stands on `today`.
    pub fn thread(&self, id: ThreadId, today: NaiveDate) -> Result<Thread> {
        let sql = format!("{THREAD_SELECT} WHERE th.id = ?1");
        self.conn
            .query_row(&sql, params![id], |r| thread_from_row(r, today))
            .optional()
            .map_err(self.err())?
            .ok_or(RegisterError::NoThread(id))
    }

    /// A client's threads, the most recently written to first.
    pub fn threads_of(&self, client: &str, today: NaiveDate) -> Result<Vec<Thread>> {
        let sql = format!(
            "{THREAD_SELECT} WHERE th.client = ?1 ORDER BY COALESCE(th.last_letter, 0) DESC, th.id DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql).map_err(self.err())?;
        statement
            .query_map([client], |r| thread_from_row(r, today))
            .and_then(|rows| rows.collect())
            .map_err(self.err())
    }

    /// The letters of a thread, oldest first (void ones included).
    pub fn thread_letters(&self, id: ThreadId) -> Result<Vec<Entry>> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM letters l JOIN threads t ON t.id = l.thread
             WHERE l.thread = ?1 ORDER BY l.id"
        );
        let mut statement = self.conn.prepare_cached(&sql).map_err(self.err())?;
        statement
            .query_map([id], |r| entry_from_row(r, 0))
            .and_then(|rows| rows.collect())
            .map_err(self.err())
    }

    /// The open thread a new letter of `template` to `client` would join (see
    /// `ThreadPick::Auto`). `matter` is none when not yet known: then the latest open thread
    /// of the scenario.
    pub fn open_thread_for(
        &self,
        client: &str,
        template: &Template,
        matter: Option<&str>,
        today: NaiveDate,
    ) -> Result<Option<Thread>> {
        let found = find_open_thread(
            &self.conn,
            client,
            template.meta.scenario,
            matter,
            template.id(),
            today,
        )
        .map_err(self.err())?;
        found.map(|id| self.thread(id, today)).transpose()
    }

    /// The thread a new letter continues, the letter it cites and the values it starts
    /// from; none when it starts a thread. `given` are the values the owner typed (their
    /// invoice picks the payment thread); `facts` the client's facts.
    pub fn continuation(
        &self,
        template: &Template,
        client: &str,
        given: &BTreeMap<String, String>,
        facts: &BTreeMap<String, String>,
        pick: ThreadPick,
        today: NaiveDate,
    ) -> Result<Option<Continuation>> {
        let (thread, cited) = match pick {
            ThreadPick::New => return Ok(None),
            ThreadPick::Auto => {
                let known: BTreeMap<String, String> = ["invoice"]
                    .into_iter()
                    .filter_map(|name| {
                        given
                            .get(name)
                            .or_else(|| facts.get(name))
                            .filter(|v| !v.trim().is_empty())
                            .map(|v| (name.to_string(), v.clone()))
                    })
                    .collect();
                let matter = match template.meta.scenario {
                    Scenario::Payment if !known.contains_key("invoice") => None,
                    scenario => Some(matter_of(scenario, &known)),
                };
                match self.open_thread_for(client, template, matter.as_deref(), today)? {
                    Some(thread) => match thread.last {
                        Some(last) => (thread.id, last.id),
                        None => return Ok(None),
                    },
                    None => return Ok(None),
                }
            }
            ThreadPick::Thread(id) => {
                let thread = check_thread(&self.conn, &self.path, id, client)?;
                let last: Option<LetterId> = self
                    .conn
                    .query_row(
                        "SELECT last_letter FROM threads WHERE id = ?1",
                        [thread],
                        |r| r.get(0),
                    )
                    .map_err(self.err())?;
                match last {
                    Some(last) => (thread, last),
                    None => return Ok(None),
                }
            }
            ThreadPick::ReplyTo(id) => {
                let entry = reply_target(&self.conn, &self.path, id)?;
                (
                    check_thread(&self.conn, &self.path, entry.thread, client)?,
                    id,
                )
            }
        };
        let record = self.record(cited)?;
        Ok(Some(Continuation {
            thread,
            values: prefill(template, &record),
            cites: record.entry,
        }))
    }

    /// Open threads whose follow-up date is before `today`, the longest overdue first.
    pub fn due(&self, today: NaiveDate, client: Option<&str>) -> Result<Vec<Due>> {
        self.due_first(today, client, usize::MAX)
    }

    /// The first `limit` of `due` (a short list on a screen).
    pub fn due_first(
        &self,
        today: NaiveDate,
        client: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Due>> {
        let mut sql = String::from(
            "SELECT th.id, th.client, th.scenario, th.matter, l.number, l.template, l.date, l.lang,
                 l.follow_up, l.suggest, l.addressee
             FROM threads th JOIN letters l ON l.id = th.last_letter
             WHERE th.resolved_on IS NULL AND l.suggest IS NOT NULL AND l.follow_up < ?",
        );
        let mut values = vec![SqlValue::Text(dates::iso(today))];
        if let Some(client) = client {
            sql.push_str(" AND th.client = ?");
            values.push(SqlValue::Text(client.to_string()));
        }
        sql.push_str(" ORDER BY l.follow_up, th.id LIMIT ?");
        values.push(SqlValue::Integer(limit.min(i64::MAX as usize) as i64));
        let mut statement = self.conn.prepare_cached(&sql).map_err(self.err())?;
        statement
            .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                let scenario: Option<String> = r.get(2)?;
                let date: String = r.get(6)?;
                let lang: String = r.get(7)?;
                let follow_up = parse_day(&r.get::<_, String>(8)?);
                Ok(Due {
                    thread: r.get(0)?,
                    client: r.get(1)?,
                    scenario: scenario.as_deref().and_then(scenario_of_code),
                    matter: r.get(3)?,
                    last_number: r.get(4)?,
                    last_template: r.get(5)?,
                    last_date: parse_day(&date),
                    lang: lang.parse().unwrap_or_default(),
                    follow_up,
                    overdue_days: (today - follow_up).num_days(),
                    suggest: r.get(9)?,
                    addressee: r.get(10)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(self.err())
    }

    /// The whole register as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read
    /// Persian correctly), oldest first, written atomically. Returns how many letters.
    pub fn export_csv(&self, path: &Path) -> Result<usize> {
        let mut out = csv::Writer::from_writer(Vec::from("\u{FEFF}".as_bytes()));
        let header = [
            "number",
            "date",
            "client",
            "addressee",
            "template",
            "scenario",
            "level",
            "lang",
            "subject",
            "status",
            "thread",
            "follow_up",
            "sent_as",
            "path",
            "void_reason",
            "resolved_on",
            "resolution_note",
            "recorded_at",
        ];
        let csv_error = |e: csv::Error| RegisterError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e),
        };
        out.write_record(header).map_err(csv_error)?;
        let sql = format!(
            "SELECT {ENTRY_COLUMNS}, l.void_reason, t.resolved_on, t.resolution_note, l.recorded_at
             FROM letters l JOIN threads t ON t.id = l.thread ORDER BY l.date, l.id"
        );
        let mut statement = self.conn.prepare(&sql).map_err(self.err())?;
        let mut rows = statement.query([]).map_err(self.err())?;
        let mut count = 0;
        while let Some(row) = rows.next().map_err(self.err())? {
            let e = entry_from_row(row, 0).map_err(self.err())?;
            let text = |i: usize| -> rusqlite::Result<String> {
                Ok(row.get::<_, Option<String>>(i)?.unwrap_or_default())
            };
            let record = [
                e.number,
                dates::iso(e.date),
                e.client,
                e.addressee,
                e.template,
                e.scenario.map(|s| s.code().to_string()).unwrap_or_default(),
                e.level.map(|l| l.to_string()).unwrap_or_default(),
                e.lang.code().to_string(),
                e.subject,
                e.status.code().to_string(),
                e.thread.to_string(),
                e.follow_up.map(dates::iso).unwrap_or_default(),
                e.sent_as,
                e.path.unwrap_or_default(),
                text(15).map_err(self.err())?,
                text(16).map_err(self.err())?,
                text(17).map_err(self.err())?,
                text(18).map_err(self.err())?,
            ];
            out.write_record(&record).map_err(csv_error)?;
            count += 1;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| csv_error(csv::Error::from(e.into_error())))?;
        atomic_write(path, &bytes).map_err(|source| RegisterError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(count)
    }
}

const THREAD_SELECT: &str = "SELECT th.id, th.client, th.scenario, th.matter, th.opened,
     th.resolved_on, th.resolution_note, l.suggest, l.id, l.number, l.date, l.client,
     l.addressee, l.template, l.scenario, l.level, l.lang, l.subject,
     CASE WHEN l.status = 'void' THEN 'void' WHEN th.resolved_on IS NOT NULL THEN 'resolved' ELSE 'sent' END,
     l.thread, l.follow_up, l.sent_as, l.path
     FROM threads th LEFT JOIN letters l ON l.id = th.last_letter";

fn thread_from_row(r: &rusqlite::Row, today: NaiveDate) -> rusqlite::Result<Thread> {
    let scenario: Option<String> = r.get(2)?;
    let opened: String = r.get(4)?;
    let resolved: Option<String> = r.get(5)?;
    let suggest: Option<String> = r.get(7)?;
    let last_id: Option<LetterId> = r.get(8)?;
    let last = match last_id {
        Some(_) => Some(entry_from_row(r, 8)?),
        None => None,
    };
    let resolved_on = resolved.as_deref().map(parse_day);
    let state = match (&resolved_on, &last) {
        (Some(_), _) => ThreadState::Resolved,
        (None, None) => ThreadState::Ended,
        (None, Some(last)) => {
            let passed = last.follow_up.unwrap_or(last.date) < today;
            if suggest.is_none() && passed {
                ThreadState::Ended
            } else {
                ThreadState::Open
            }
        }
    };
    Ok(Thread {
        id: r.get(0)?,
        client: r.get(1)?,
        scenario: scenario.as_deref().and_then(scenario_of_code),
        matter: r.get(3)?,
        opened: parse_day(&opened),
        state,
        resolved_on,
        resolution_note: r.get(6)?,
        suggest: if state == ThreadState::Open {
            suggest
        } else {
            None
        },
        last,
    })
}

/// The SQL condition and values for a filter; `None` when nothing can match (a search with
/// no words).
fn where_clause(filter: &Filter) -> (Option<String>, Vec<SqlValue>) {
    let mut parts = vec!["1".to_string()];
    let mut values = Vec::new();
    if let Some(client) = &filter.client {
        parts.push("l.client = ?".to_string());
        values.push(SqlValue::Text(client.clone()));
    }
    if let Some(scenario) = filter.scenario {
        parts.push("l.scenario = ?".to_string());
        values.push(SqlValue::Text(scenario.code().to_string()));
    }
    if let Some(thread) = filter.thread {
        parts.push("l.thread = ?".to_string());
        values.push(SqlValue::Integer(thread));
    }
    match filter.status {
        Some(Status::Void) => parts.push("l.status = 'void'".to_string()),
        Some(Status::Sent) => {
            parts.push("l.status = 'sent' AND t.resolved_on IS NULL".to_string());
        }
        Some(Status::Resolved) => {
            parts.push("l.status = 'sent' AND t.resolved_on IS NOT NULL".to_string());
        }
        None => {}
    }
    if let Some(search) = filter.search.as_deref().filter(|s| !s.trim().is_empty()) {
        match fts_query(search) {
            Some(query) => {
                parts.push(
                    "l.id IN (SELECT rowid FROM letters_fts WHERE letters_fts MATCH ?)".to_string(),
                );
                values.push(SqlValue::Text(query));
            }
            None => return (None, values),
        }
    }
    (Some(parts.join(" AND ")), values)
}

fn sql_error(path: &Path, e: rusqlite::Error) -> RegisterError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => RegisterError::Corrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        },
        _ => RegisterError::Sqlite {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// Runs `f` again while the database is busy (switching a brand-new file to WAL can meet
/// another process doing the same), for at most `BUSY_TIMEOUT`.
fn retry_busy(mut f: impl FnMut() -> rusqlite::Result<()>) -> rusqlite::Result<()> {
    let start = std::time::Instant::now();
    loop {
        match f() {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// The crash tests stop an export at a named point to kill it exactly there:
/// `MARZ_TEST_PAUSE=committed:5000` sleeps 5 s after the commit. Points: `locked` (number
/// taken, nothing written), `staged` (file written beside its target), `committed`.
fn pause_point(name: &str) {
    if let Ok(spec) = std::env::var("MARZ_TEST_PAUSE")
        && let Some((at, ms)) = spec.split_once(':')
        && at == name
        && let Ok(ms) = ms.parse()
    {
        std::thread::sleep(Duration::from_millis(ms));
    }
}

fn user_version(conn: &Connection) -> rusqlite::Result<i32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

fn now_text() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn next_seq(conn: &Connection, series: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM letters WHERE series = ?1",
        [series],
        |r| r.get(0),
    )
}

fn format_number(series: &str, seq: i64, lang: Lang) -> String {
    localize_digits(&format!("{series}/{seq:03}"), lang)
}

/// A transaction on the register at `path` that takes the write lock as it begins
/// (`BEGIN IMMEDIATE`).
fn begin_write<'c>(conn: &'c mut Connection, path: &Path) -> Result<rusqlite::Transaction<'c>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| sql_error(path, e))
}

/// The letter `id`; `NoLetter` when the register has none.
fn existing_entry(conn: &Connection, path: &Path, id: LetterId) -> Result<Entry> {
    entry_by_id(conn, id)
        .map_err(|e| sql_error(path, e))?
        .ok_or_else(|| RegisterError::NoLetter(format!("id:{id}")))
}

/// The letter `id` to reply to, which must not be void.
fn reply_target(conn: &Connection, path: &Path, id: LetterId) -> Result<Entry> {
    let entry = existing_entry(conn, path, id)?;
    if entry.status == Status::Void {
        return Err(RegisterError::Void(entry.number));
    }
    Ok(entry)
}

fn entry_by_id(conn: &Connection, id: LetterId) -> rusqlite::Result<Option<Entry>> {
    let sql = format!(
        "SELECT {ENTRY_COLUMNS} FROM letters l JOIN threads t ON t.id = l.thread WHERE l.id = ?1"
    );
    conn.query_row(&sql, [id], |r| entry_from_row(r, 0))
        .optional()
}

/// Checks that a thread exists, is the client's and is not resolved.
fn check_thread(conn: &Connection, path: &Path, id: ThreadId, client: &str) -> Result<ThreadId> {
    let found: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT client, resolved_on FROM threads WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| sql_error(path, e))?;
    match found {
        None => Err(RegisterError::NoThread(id)),
        Some((owner, _)) if owner != client => Err(RegisterError::OtherClient {
            thread: id,
            owner,
            client: client.to_string(),
        }),
        Some((_, Some(on))) => Err(RegisterError::Resolved {
            thread: id,
            date: parse_day(&on),
        }),
        Some(_) => Ok(id),
    }
}

/// The open thread a letter joins: see `ThreadPick::Auto`.
fn find_open_thread(
    conn: &Connection,
    client: &str,
    scenario: Scenario,
    matter: Option<&str>,
    template: &str,
    today: NaiveDate,
) -> rusqlite::Result<Option<ThreadId>> {
    let open = "th.resolved_on IS NULL
         AND NOT (l.suggest IS NULL AND COALESCE(l.follow_up, l.date) < :today)";
    let base = format!(
        "SELECT th.id FROM threads th JOIN letters l ON l.id = th.last_letter
         WHERE th.client = :client AND {open}"
    );
    let today = dates::iso(today);
    let same = match matter {
        Some(matter) => conn
            .query_row(
                &format!(
                    "{base} AND th.scenario = :scenario AND th.matter = :matter
                     ORDER BY th.last_letter DESC LIMIT 1"
                ),
                rusqlite::named_params! {
                    ":client": client, ":today": today, ":scenario": scenario.code(),
                    ":matter": matter,
                },
                |r| r.get(0),
            )
            .optional()?,
        None => conn
            .query_row(
                &format!("{base} AND th.scenario = :scenario ORDER BY th.last_letter DESC LIMIT 1"),
                rusqlite::named_params! {
                    ":client": client, ":today": today, ":scenario": scenario.code(),
                },
                |r| r.get(0),
            )
            .optional()?,
    };
    if same.is_some() {
        return Ok(same);
    }
    // A consequence letter (a termination after a final payment notice) continues the
    // thread whose next step it is.
    conn.query_row(
        &format!(
            "{base} AND l.suggest = :template AND COALESCE(th.scenario, '') != :scenario
             ORDER BY th.last_letter DESC LIMIT 1"
        ),
        rusqlite::named_params! {
            ":client": client, ":today": today, ":template": template,
            ":scenario": scenario.code(),
        },
        |r| r.get(0),
    )
    .optional()
}

/// The values a new letter of `template` takes from the letter it follows: the same-named
/// inputs (not those whose default counts from the letter date, such as a fresh deadline,
/// nor those marked `carry = false`, such as the incident a warning is about), and the
/// earlier letter's date for inputs such as `reminded_on`.
pub fn prefill(template: &Template, previous: &Record) -> BTreeMap<String, String> {
    template
        .meta
        .inputs
        .iter()
        .filter_map(|spec| {
            if PREVIOUS_DATE_INPUTS.contains(&spec.name.as_str()) {
                return Some((spec.name.clone(), dates::iso(previous.entry.date)));
            }
            if !spec.carry
                || spec
                    .default
                    .as_deref()
                    .is_some_and(|d| d.trim().starts_with('+'))
            {
                return None;
            }
            previous
                .inputs
                .get(&spec.name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (spec.name.clone(), v.clone()))
        })
        .collect()
}

/// The template to send if `letter` goes unanswered (see `next_template`).
pub fn suggestion(library: &Library, letter: &Letter, reached: Option<u8>) -> Option<String> {
    next_template(
        library,
        &letter.template,
        letter.scenario,
        &letter.inputs,
        reached.unwrap_or(0),
        letter.lang,
    )
}

/// Where a letter stands, for what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// A step of its scenario's ladder (or a letter of the owner's own): the next level
    /// above the highest sent in the thread; after the top, the consequence announced.
    Ladder,
    /// A letter beside the payment ladder that sets a date to pay by (an instalment plan,
    /// a part payment): a missed date calls for a firm reminder at least, and after the top
    /// for a fresh final notice, never for a consequence the letter did not announce.
    Reminder,
    /// A letter that asks for nothing more: a termination (whatever its level: a friendly
    /// parting is not a step towards an immediate one), a service change or ending, a reply
    /// to a complaint or a refund request, a check-in, the chase of an unanswered message,
    /// a reconciliation. Its thread ends when its follow-up date has passed.
    Final,
}

fn step(template: &str, scenario: Scenario) -> Step {
    match template {
        "payment-plan" | "payment-partial" => Step::Reminder,
        "complaint-reply"
        | "refund-refusal"
        | "service-change"
        | "service-end"
        | "follow-up-check-in"
        | "follow-up-unanswered"
        | "reconcile" => Step::Final,
        _ if scenario == Scenario::Termination => Step::Final,
        _ => Step::Ladder,
    }
}

/// The template to send if a letter of `template` goes unanswered, `reached` being the
/// highest level sent in its thread (see `Step`).
fn next_template(
    library: &Library,
    template: &str,
    scenario: Scenario,
    inputs: &BTreeMap<String, String>,
    reached: u8,
    lang: Lang,
) -> Option<String> {
    let ladder = library.in_scenario(scenario, lang);
    let above = |reached: u8| {
        ladder
            .iter()
            .filter(|t| t.meta.level.is_some_and(|l| l > reached))
            .min_by_key(|t| t.meta.level)
            .map(|t| t.id().to_string())
    };
    match step(template, scenario) {
        Step::Final => None,
        Step::Ladder => above(reached).or_else(|| consequence(library, scenario, inputs, lang)),
        Step::Reminder => above(reached.max(1)).or_else(|| {
            ladder
                .iter()
                .filter(|t| t.meta.level.is_some())
                .max_by_key(|t| t.meta.level)
                .map(|t| t.id().to_string())
        }),
    }
}

/// The letter that carries out what the top of a ladder announced: for payment, its
/// `consequence` input (terminate, legal action, pausing the work).
fn consequence(
    library: &Library,
    scenario: Scenario,
    inputs: &BTreeMap<String, String>,
    lang: Lang,
) -> Option<String> {
    let candidates: &[&str] = match scenario {
        Scenario::Payment => match inputs.get("consequence").map(String::as_str) {
            Some("legal") => &["legal-notice", "termination-3"],
            Some("pause") => &["termination-2", "termination-3"],
            _ => &["termination-3", "termination-2"],
        },
        _ => &[],
    };
    candidates
        .iter()
        .find(|id| library.get(id, lang).is_some())
        .map(|id| id.to_string())
}

/// The large parts of a letter.
struct Body<'a> {
    text: &'a str,
    inputs: String,
    letter: Option<String>,
}

/// Stores a letter's body, and indexes it with `head` (number, client, addressee, subject)
/// for search.
fn store_body(conn: &Connection, id: LetterId, head: &[&str], body: Body) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO bodies (id, text, inputs, letter) VALUES (?1, ?2, ?3, ?4)",
        params![id, body.text, body.inputs, body.letter],
    )?;
    conn.execute(
        "INSERT INTO letters_fts (rowid, head, body) VALUES (?1, ?2, ?3)",
        params![id, index_text(&head.join(" ")), index_text(body.text)],
    )
    .map(|_| ())
}

/// One letter of the old `history/` folder.
#[derive(Debug, Deserialize)]
struct HistoryEntry {
    number: String,
    date: String,
    client: String,
    template: String,
    lang: Lang,
    subject: String,
    #[serde(default)]
    exported_to: Option<String>,
    text: String,
}

/// Imports every readable `history/*.toml` (oldest first, as their names sort), grouping
/// them into threads by client and scenario. The files stay where they are.
fn import_history(conn: &Connection, root: &Path) -> rusqlite::Result<Takeover> {
    let mut takeover = Takeover::default();
    let Ok(dir) = std::fs::read_dir(root.join("history")) else {
        return Ok(takeover);
    };
    let mut paths: Vec<PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    if paths.is_empty() {
        return Ok(takeover);
    }
    paths.sort();
    let library = Library::load(Some(&root.join("templates")));
    let store = crate::store::Store::new(root);
    let mut names: HashMap<String, String> = HashMap::new();
    // (client, scenario) → (thread, highest level so far)
    let mut threads: HashMap<(String, Option<Scenario>), (ThreadId, u8)> = HashMap::new();
    let recorded = now_text();
    for path in paths {
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str::<HistoryEntry>(&t).map_err(|e| e.to_string()))
            .and_then(|h| match dates::parse(&h.date) {
                Ok(date) => Ok((h, date)),
                Err(e) => Err(format!("date: {e}")),
            });
        let (entry, date) = match parsed {
            Ok(p) => p,
            Err(reason) => {
                takeover.skipped.push((path, reason));
                continue;
            }
        };
        let template = library.get(&entry.template, entry.lang);
        let scenario = template.map(|t| t.meta.scenario).or_else(|| {
            // A template since removed: its id still says its scenario (`payment-2`).
            let stem = entry
                .template
                .trim_end_matches(|c: char| c.is_ascii_digit());
            scenario_of_code(stem.trim_end_matches('-'))
        });
        let level = template.and_then(|t| t.meta.level).or_else(|| {
            entry
                .template
                .rsplit_once('-')
                .and_then(|(_, l)| l.parse().ok())
        });
        let addressee = names
            .entry(entry.client.clone())
            .or_insert_with(|| {
                store
                    .load_client(&entry.client)
                    .map(|c| c.addressed_name(entry.lang))
                    .unwrap_or_else(|_| entry.client.clone())
            })
            .clone();
        let key = (entry.client.clone(), scenario);
        let (thread, reached) = match threads.get(&key) {
            Some(&t) => t,
            None => {
                conn.execute(
                    "INSERT INTO threads (client, scenario, matter, opened) VALUES (?1, ?2, '', ?3)",
                    params![entry.client, scenario.map(Scenario::code), dates::iso(date)],
                )?;
                (conn.last_insert_rowid(), 0)
            }
        };
        let reached = reached.max(level.unwrap_or(0));
        threads.insert(key, (thread, reached));
        let follow_up = template.map(|t| t.follow_up(date, &BTreeMap::new()));
        let suggest = scenario.and_then(|scenario| {
            next_template(
                &library,
                &entry.template,
                scenario,
                &BTreeMap::new(),
                reached,
                entry.lang,
            )
        });
        let (series, seq) = split_number(&entry.number);
        conn.execute(
            "INSERT INTO letters (number, number_key, series, seq, date, client, addressee,
                 template, scenario, level, lang, subject, sent_as, path, thread, follow_up,
                 suggest, recorded_at, imported, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'history', ?13, ?14,
                 ?15, ?16, ?17, 1, ?18)",
            params![
                entry.number,
                persian::to_ascii_digits(&entry.number),
                series,
                seq,
                dates::iso(date),
                entry.client,
                addressee,
                entry.template,
                scenario.map(Scenario::code),
                level,
                entry.lang.code(),
                entry.subject,
                entry.exported_to,
                thread,
                follow_up.map(dates::iso),
                suggest,
                recorded,
                path.file_name().map(|n| n.to_string_lossy().to_string()),
            ],
        )?;
        let id = conn.last_insert_rowid();
        let body = Body {
            text: &entry.text,
            inputs: "{}".to_string(),
            letter: None,
        };
        store_body(
            conn,
            id,
            &[&entry.number, &entry.client, &addressee, &entry.subject],
            body,
        )?;
        conn.execute(
            "UPDATE threads SET last_letter = ?1 WHERE id = ?2",
            params![id, thread],
        )?;
        takeover.imported += 1;
    }
    Ok(takeover)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, sample_sender};

    struct Fixture {
        _dir: tempfile::TempDir,
        store: Store,
        library: Library,
        sender: Sender,
        exporter: Exporter,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path().join("w")).unwrap();
        Fixture {
            _dir: dir,
            store,
            library: Library::load(None),
            sender: sample_sender(),
            exporter: Exporter::default(),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn by_status(status: Status) -> Filter {
        Filter {
            status: Some(status),
            ..Filter::default()
        }
    }

    fn by_search(words: &str) -> Filter {
        Filter {
            search: Some(words.to_string()),
            ..Filter::default()
        }
    }

    fn by_client(client: &str) -> Filter {
        Filter {
            client: Some(client.to_string()),
            ..Filter::default()
        }
    }

    fn by_scenario(scenario: Scenario) -> Filter {
        Filter {
            scenario: Some(scenario),
            ..Filter::default()
        }
    }

    /// The next Persian number under the sample sender's prefix.
    fn next_fa(r: &Register, date: NaiveDate) -> String {
        r.peek_number(Some("NA"), date, Lang::Fa).unwrap()
    }

    impl Fixture {
        fn register(&self) -> Register {
            self.store.register().unwrap()
        }

        /// The sample Persian client and one of the Persian templates.
        fn reza(&self, template: &str) -> (Client, &Template) {
            let client = self.store.load_client("sample-reza").unwrap();
            (client, self.library.get(template, Lang::Fa).unwrap())
        }

        /// Plans a letter from the fixture's sender, with `given` as the owner's values.
        fn plan<'a>(
            &'a self,
            register: &Register,
            template: &'a Template,
            client: &'a Client,
            given: &[(&str, &str)],
            date: NaiveDate,
            pick: ThreadPick,
        ) -> Result<Plan<'a>> {
            register.plan(template, client, &self.sender, &values(given), date, pick)
        }

        /// `send_picked` in the thread the register picks, as the CLI does by default.
        fn send(
            &self,
            register: &mut Register,
            template: &str,
            client: &str,
            given: &[(&str, &str)],
            date: NaiveDate,
        ) -> Sent {
            self.send_picked(register, template, client, given, date, ThreadPick::Auto)
        }

        /// Sends a letter as the CLI does: plan, then export to the clipboard.
        fn send_picked(
            &self,
            register: &mut Register,
            template: &str,
            client: &str,
            given: &[(&str, &str)],
            date: NaiveDate,
            pick: ThreadPick,
        ) -> Sent {
            let client = self.store.load_client(client).unwrap();
            let template = self.library.get(template, client.language).unwrap();
            let plan = self
                .plan(register, template, &client, given, date, pick)
                .unwrap();
            register
                .send_plan(
                    &self.exporter,
                    &self.library,
                    &plan,
                    Destination::Clipboard,
                    0,
                )
                .unwrap()
        }
    }

    #[test]
    fn fts5_is_compiled_in() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x)")
            .unwrap();
    }

    #[test]
    fn numbers_count_per_prefix_year_and_language_and_are_never_reused() {
        let f = fixture();
        let mut r = f.register();
        let date = day(2026, 11, 22);
        assert_eq!(next_fa(&r, date), "NA/۱۴۰۵/۰۰۱");
        assert_eq!(r.peek_number(None, date, Lang::En).unwrap(), "2026/001");
        let a = f.send(&mut r, "payment-1", "sample-reza", &[], date);
        assert_eq!(a.number, "NA/۱۴۰۵/۰۰۱");
        assert_eq!(a.letter.number, a.number, "the letter carries its number");
        assert!(a.letter.to_text().contains("NA/۱۴۰۵/۰۰۱"));
        let b = f.send(
            &mut r,
            "respect-1",
            "sample-nazanin",
            &[
                ("incident", "جلسه"),
                ("incident_date", "1405/08/20"),
                ("behaviour", "x"),
            ],
            date,
        );
        assert_eq!(b.number, "NA/۱۴۰۵/۰۰۲");
        // English letters count in the Gregorian year, a series of their own.
        let c = f.send(&mut r, "payment-1", "sample-daniel", &[], date);
        assert_eq!(c.number, "NA/2026/001");
        // A new Jalali year (1 Farvardin 1406 = 21 March 2027) starts again at 001.
        assert_eq!(
            r.peek_number(Some("NA"), day(2027, 3, 21), Lang::Fa)
                .unwrap(),
            "NA/۱۴۰۶/۰۰۱"
        );
        // Voiding the newest letter does not free its number.
        r.void(b.id, "sent to the wrong client").unwrap();
        assert_eq!(next_fa(&r, date), "NA/۱۴۰۵/۰۰۳");
    }

    #[test]
    fn a_previewed_letter_gets_the_number_the_register_gives_everywhere() {
        let f = fixture();
        let mut r = f.register();
        let date = day(2026, 11, 22);
        let (client, template) = f.reza("payment-1");
        let plan = f
            .plan(&r, template, &client, &[], date, ThreadPick::New)
            .unwrap();
        // The preview shows 001; another export takes it before this one is exported.
        let mut preview = r.preview(&plan, None).unwrap();
        assert_eq!(preview.number, "NA/۱۴۰۵/۰۰۱");
        preview.body.push_str("\nشماره این نامه: NA/۱۴۰۵/۰۰۱");
        f.send(&mut r, "payment-1", "sample-nazanin", &[], date);
        let sent = r
            .send(
                &f.exporter,
                &f.library,
                plan.request(Destination::Mail, 0),
                |n| Ok(preview.clone().renumbered(n)),
            )
            .unwrap();
        assert_eq!(sent.number, "NA/۱۴۰۵/۰۰۲");
        let text = crate::bidi::strip(&r.record(sent.id).unwrap().text);
        assert!(text.contains("شماره: NA/۱۴۰۵/۰۰۲\n"), "{text}");
        assert!(text.contains("شماره این نامه: NA/۱۴۰۵/۰۰۲"), "{text}");
        assert!(!text.contains("۰۰۱"), "{text}");
        assert_eq!(r.record(sent.id).unwrap().entry.sent_as, "mail");
    }

    /// A stand-in for `lp` that keeps what it is given, or refuses with CUPS's words.
    #[cfg(unix)]
    fn fake_printer(dir: &Path, refuse: bool) -> crate::print::Printer {
        use std::os::unix::fs::PermissionsExt;
        let lp = dir.join(if refuse { "lp-refuses" } else { "lp" });
        let script = if refuse {
            "cat > /dev/null\necho 'lp: Error - No default destination.' >&2\nexit 1".to_string()
        } else {
            format!(
                "cat > {}\necho 'request id is Office-1 (1 file(s))'",
                dir.join("printed.pdf").display()
            )
        };
        std::fs::write(&lp, format!("#!/bin/sh\n{script}\n")).unwrap();
        std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
        crate::print::Printer::with_program(&lp)
    }

    #[cfg(unix)]
    #[test]
    fn a_printed_letter_is_recorded_and_a_refused_one_is_not() {
        let f = fixture();
        let mut r = f.register();
        let date = day(2026, 11, 22);
        let (client, template) = f.reza("payment-1");
        let plan = f
            .plan(&r, template, &client, &[], date, ThreadPick::Auto)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();

        // No default printer: nothing recorded, the number stays free.
        let refused = Destination::Print {
            printer: fake_printer(dir.path(), true),
        };
        let e = r
            .send(&f.exporter, &f.library, plan.request(refused, 0), |n| {
                plan.render(n)
            })
            .unwrap_err();
        assert!(
            matches!(
                e,
                SendError::Print(crate::print::PrintError::NoDefaultPrinter)
            ),
            "{e:?}"
        );
        assert_eq!(r.list_all(&Filter::default()).unwrap().len(), 0);
        assert_eq!(next_fa(&r, date), "NA/۱۴۰۵/۰۰۱");

        // Printed: recorded as printed, and the printer got the letter's PDF, byte for byte.
        let printer = Destination::Print {
            printer: fake_printer(dir.path(), false),
        };
        let sent = r
            .send(&f.exporter, &f.library, plan.request(printer, 0), |n| {
                plan.render(n)
            })
            .unwrap();
        assert_eq!(sent.number, "NA/۱۴۰۵/۰۰۱");
        let entry = r.record(sent.id).unwrap().entry;
        assert_eq!((entry.sent_as.as_str(), entry.path), ("print", None));
        let printed = std::fs::read(dir.path().join("printed.pdf")).unwrap();
        assert_eq!(
            printed,
            f.exporter.bytes(&sent.letter, Format::Pdf, 0).unwrap()
        );
        assert_eq!(next_fa(&r, date), "NA/۱۴۰۵/۰۰۲");
    }

    #[test]
    fn a_letter_typeset_ahead_is_written_only_under_the_number_it_was_made_with() {
        let f = fixture();
        let mut r = f.register();
        let date = day(2026, 11, 22);
        let (client, template) = f.reza("payment-1");
        let plan_now = |r: &Register| {
            f.plan(r, template, &client, &[], date, ThreadPick::Auto)
                .unwrap()
        };
        let predicted: Vec<String> = r
            .peek_numbers(Some("NA"), date, Lang::Fa)
            .unwrap()
            .take(2)
            .collect();
        assert_eq!(predicted, ["NA/۱۴۰۵/۰۰۱", "NA/۱۴۰۵/۰۰۲"]);
        let out = f.store.root().join("out");
        std::fs::create_dir_all(&out).unwrap();
        let to = |name: &str| Destination::File {
            path: out.join(name),
            format: Format::Text,
        };
        // Bytes that no typesetting makes, to tell a file written from them.
        let marker = b"typeset ahead".to_vec();

        // Typesets a letter ahead under `number` as `marker`, then sends it to `name`.
        let send_ahead = |r: &mut Register, number: &str, name: &str| {
            let plan = plan_now(r);
            let ahead = Typeset {
                letter: plan.render(number).unwrap(),
                bytes: marker.clone(),
            };
            r.send_typeset(
                &f.exporter,
                &f.library,
                plan.request(to(name), 0),
                |n| plan.render(n),
                Some(ahead),
            )
            .unwrap()
        };

        // Made under the number it gets: those very bytes are written.
        let sent = send_ahead(&mut r, &predicted[0], "a.txt");
        assert_eq!(sent.number, predicted[0]);
        assert_eq!(std::fs::read(out.join("a.txt")).unwrap(), marker);

        // Another letter takes the predicted next number first (another window, another
        // process): the letter made ahead under it is typeset again under the real one.
        let other = f.send(&mut r, "payment-1", "sample-nazanin", &[], date);
        assert_eq!(other.number, predicted[1]);
        let sent = send_ahead(&mut r, &predicted[1], "b.txt");
        assert_eq!(sent.number, "NA/۱۴۰۵/۰۰۳");
        let text = std::fs::read_to_string(out.join("b.txt")).unwrap();
        assert_eq!(text, crate::export::plain_text(&sent.letter));
        assert!(text.contains("NA/۱۴۰۵/۰۰۳"), "{text}");
        assert!(!text.contains(&predicted[1]), "{text}");
        // Three letters, three numbers, each recorded once.
        let page = r.list(&Filter::default(), 0, 10).unwrap();
        let mut numbers: Vec<&str> = page.entries.iter().map(|e| e.number.as_str()).collect();
        numbers.sort();
        assert_eq!(numbers, ["NA/۱۴۰۵/۰۰۱", "NA/۱۴۰۵/۰۰۲", "NA/۱۴۰۵/۰۰۳"]);
    }

    #[test]
    fn a_failed_file_write_records_nothing_and_takes_no_number() {
        let f = fixture();
        let mut r = f.register();
        let (client, template) = f.reza("payment-1");
        let date = day(2026, 11, 22);
        let plan = f
            .plan(&r, template, &client, &[], date, ThreadPick::Auto)
            .unwrap();
        let missing = f.store.root().join("no-such-folder/x.txt");
        let to_file = |r: &mut Register| {
            let file = Destination::File {
                path: missing.clone(),
                format: Format::Text,
            };
            r.send_plan(&f.exporter, &f.library, &plan, file, 0)
        };
        let err = to_file(&mut r).unwrap_err();
        assert!(err.to_string().contains("no-such-folder"), "{err}");
        // A render error inside the transaction rolls it back too.
        let bad = r.send(
            &f.exporter,
            &f.library,
            plan.request(Destination::Mail, 0),
            |_| {
                Err(RenderError::Input(crate::render::InputError::Missing {
                    name: "amount".into(),
                    label: "Amount".into(),
                }))
            },
        );
        assert!(matches!(bad, Err(SendError::Render(_))));
        assert_eq!(r.list(&Filter::default(), 0, 10).unwrap().total, 0);
        assert_eq!(next_fa(&r, date), "NA/۱۴۰۵/۰۰۱");
        // The file destination works once the folder exists, with no temporary file left.
        std::fs::create_dir_all(missing.parent().unwrap()).unwrap();
        let sent = to_file(&mut r).unwrap();
        assert_eq!(
            std::fs::read_to_string(&missing).unwrap(),
            crate::export::plain_text(&sent.letter)
        );
        let names: Vec<_> = std::fs::read_dir(missing.parent().unwrap())
            .unwrap()
            .collect();
        assert_eq!(names.len(), 1);
        let record = r.record(sent.id).unwrap();
        assert_eq!(record.text, sent.letter.to_text());
        assert_eq!(
            record.entry.path.as_deref(),
            Some(missing.to_str().unwrap())
        );
        assert_eq!(record.entry.sent_as, "file");
    }

    #[test]
    fn a_second_warning_starts_without_the_first_incident() {
        let f = fixture();
        let mut r = f.register();
        let first = f.send(
            &mut r,
            "respect-1",
            "sample-reza",
            &[
                ("incident", "جلسه دوشنبه"),
                ("incident_date", "2026-10-26"),
                ("behaviour", "با صدای بلند با همکار ما صحبت شد."),
                ("staff", "خانم سارا احمدی"),
            ],
            day(2026, 11, 1),
        );
        let (client, template) = f.reza("respect-2");
        let plan = f
            .plan(
                &r,
                template,
                &client,
                &[],
                day(2026, 11, 20),
                ThreadPick::Auto,
            )
            .unwrap();
        assert_eq!(plan.continuation.as_ref().unwrap().cites.id, first.id);
        // What described the first incident is left for the owner to fill in anew; the date
        // of the earlier letter is taken from the thread.
        for name in ["incident", "incident_date", "behaviour", "staff"] {
            assert!(!plan.values.contains_key(name), "{name}: {:?}", plan.values);
        }
        assert_eq!(
            plan.values.get("previous_on").map(String::as_str),
            Some("2026-11-01")
        );
    }

    #[test]
    fn the_next_level_continues_the_thread_prefilled_and_cites_the_last_letter() {
        let f = fixture();
        let mut r = f.register();
        let first = f.send(
            &mut r,
            "payment-1",
            "sample-reza",
            &[("amount", "9800000")],
            day(2026, 11, 1),
        );
        assert_eq!(first.letter.reference, None, "a first letter cites nothing");
        assert!(!first.letter.to_text().contains("پیرو نامه"));
        assert_eq!(
            first.letter.follow_up,
            Some(day(2026, 11, 8)),
            "payment-1's follow_up_days: 7"
        );

        let (client, template) = f.reza("payment-2");
        let plan = f
            .plan(
                &r,
                template,
                &client,
                &[],
                day(2026, 11, 20),
                ThreadPick::Auto,
            )
            .unwrap();
        let c = plan
            .continuation
            .as_ref()
            .expect("continues the open thread");
        assert_eq!(c.thread, first.thread);
        assert_eq!(c.cites.id, first.id);
        // From the last letter: the amount typed then (not the client's fact), the invoice and
        // due date, and its date as the previous reminder; the deadline is fresh.
        assert_eq!(
            plan.values.get("amount").map(String::as_str),
            Some("9800000")
        );
        assert_eq!(
            plan.values.get("invoice").map(String::as_str),
            Some("INV-2041")
        );
        assert_eq!(
            plan.values.get("due_date").map(String::as_str),
            Some("2026-10-27")
        );
        assert_eq!(
            plan.values.get("reminded_on").map(String::as_str),
            Some("2026-11-01")
        );
        assert!(!plan.values.contains_key("new_deadline"));
        let second = r
            .send_plan(&f.exporter, &f.library, &plan, Destination::Clipboard, 0)
            .unwrap();
        assert_eq!(second.thread, first.thread);
        let text = second.letter.to_text();
        // The cited number is isolated, like every value of a Persian letter.
        assert!(
            text.contains("\nپیرو نامه شماره \u{2068}NA/۱۴۰۵/۰۰۱\u{2069} مورخ ۱۰ آبان ۱۴۰۵\n"),
            "{text:?}"
        );
        let text = crate::bidi::strip(&text);
        assert!(
            text.contains("موضوع: دومین یادآوری پرداخت صورت‌حساب INV-2041\n\nبا سلام و احترام\n\nپیرو نامه شماره NA/۱۴۰۵/۰۰۱ مورخ ۱۰ آبان ۱۴۰۵\nصورت‌حساب شماره"),
            "{text}"
        );
        assert!(text.contains("۹٬۸۰۰٬۰۰۰"), "{text}");
        // The e-mail: after the greeting in the plain part, and in the HTML part.
        let mail = crate::email::letter_body(&second.letter);
        assert!(
            crate::bidi::strip(&mail.plain).contains(
                "INV-2041\n\nبا سلام و احترام\n\nپیرو نامه شماره NA/۱۴۰۵/۰۰۱ مورخ ۱۰ آبان ۱۴۰۵\n"
            ),
            "{}",
            mail.plain
        );
        assert!(
            mail.plain
                .contains("\nپیرو نامه شماره \u{2068}NA/۱۴۰۵/۰۰۱\u{2069} مورخ ۱۰ آبان ۱۴۰۵\n"),
            "{:?}",
            mail.plain
        );
        assert!(
            mail.html
                .replace("&#x2F;", "/")
                .contains(">پیرو نامه شماره \u{2068}NA/۱۴۰۵/۰۰۱\u{2069} مورخ ۱۰ آبان ۱۴۰۵</p>"),
            "{}",
            mail.html
        );
        // The owner's own value wins over the thread's.
        let plan = f
            .plan(
                &r,
                template,
                &client,
                &[("amount", "100")],
                day(2026, 11, 20),
                ThreadPick::Auto,
            )
            .unwrap();
        assert_eq!(plan.values.get("amount").map(String::as_str), Some("100"));
        assert_eq!(
            plan.continuation.unwrap().cites.id,
            second.id,
            "cites the latest"
        );
    }

    #[test]
    fn english_letters_cite_further_to() {
        let f = fixture();
        let mut r = f.register();
        let first = f.send(
            &mut r,
            "respect-1",
            "sample-daniel",
            &[
                ("incident", "the review call"),
                ("incident_date", "2026-10-28"),
                ("behaviour", "raised voice"),
                ("staff", "Sara"),
            ],
            day(2026, 11, 1),
        );
        // The second warning is about a new incident, typed afresh (nothing of the first is
        // carried into it).
        let second = f.send(
            &mut r,
            "respect-2",
            "sample-daniel",
            &[
                ("incident", "the planning meeting"),
                ("behaviour", "shouting"),
                ("staff", "Sara"),
            ],
            day(2026, 11, 20),
        );
        assert_eq!(second.thread, first.thread);
        assert_eq!(
            second.letter.inputs.get("incident").map(String::as_str),
            Some("the planning meeting")
        );
        assert!(
            second
                .letter
                .inputs
                .get("incident_date")
                .is_none_or(|d| d.is_empty()),
            "{:?}",
            second.letter.inputs
        );
        assert_eq!(
            second.letter.inputs.get("previous_on").map(String::as_str),
            Some("2026-11-01")
        );
        let text = second.letter.to_text();
        assert!(
            text.contains("\nFurther to our letter ref NA/2026/001 of 1 November 2026\n"),
            "{text}"
        );
    }

    #[test]
    fn threads_follow_the_invoice_for_payment_and_the_scenario_otherwise() {
        let f = fixture();
        let mut r = f.register();
        let d = day(2026, 11, 22);
        let a = f.send(
            &mut r,
            "payment-1",
            "sample-reza",
            &[("invoice", "INV-1")],
            d,
        );
        let b = f.send(
            &mut r,
            "payment-1",
            "sample-reza",
            &[("invoice", "INV-2")],
            d,
        );
        assert_ne!(a.thread, b.thread, "another invoice, another thread");
        // The invoice matches whatever its digits or letter case.
        let c = f.send(
            &mut r,
            "payment-2",
            "sample-reza",
            &[("invoice", "inv-۱")],
            d,
        );
        assert_eq!(c.thread, a.thread);
        assert_eq!(c.letter.reference.as_ref().unwrap().number, a.number);
        // Another client never shares a thread.
        let n = f.send(
            &mut r,
            "payment-1",
            "sample-nazanin",
            &[("invoice", "INV-1")],
            d,
        );
        assert_ne!(n.thread, a.thread);
        // --new-thread starts one even when one is open.
        let fresh = f.send_picked(
            &mut r,
            "payment-1",
            "sample-reza",
            &[("invoice", "INV-1")],
            d,
            ThreadPick::New,
        );
        assert_ne!(fresh.thread, a.thread);
        assert_eq!(fresh.letter.reference, None);
        // An explicit thread of another client is refused.
        let (client, t) = f.reza("payment-2");
        let err = f
            .plan(&r, t, &client, &[], d, ThreadPick::Thread(n.thread))
            .unwrap_err();
        assert!(matches!(err, RegisterError::OtherClient { .. }), "{err}");
        // Replying to a given letter cites that one.
        let plan = f
            .plan(&r, t, &client, &[], d, ThreadPick::ReplyTo(b.id))
            .unwrap();
        assert_eq!(plan.continuation.as_ref().unwrap().cites.id, b.id);
        assert_eq!(
            plan.values.get("invoice").map(String::as_str),
            Some("INV-2")
        );
        let threads = r.threads_of("sample-reza", d).unwrap();
        assert_eq!(threads.len(), 3);
        assert!(threads.iter().all(|t| t.state == ThreadState::Open));
        assert_eq!(
            r.thread_letters(a.thread)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            vec![a.id, c.id]
        );
    }

    #[test]
    fn next_lists_overdue_threads_with_the_next_level_then_the_consequence() {
        let f = fixture();
        let mut r = f.register();
        let p1 = f.send(&mut r, "payment-1", "sample-reza", &[], day(2026, 11, 1));
        // Follow-up 7 days later (payment-1's `follow_up_days`): not due on the 8th, one day
        // overdue on the 9th.
        assert!(r.due(day(2026, 11, 8), None).unwrap().is_empty());
        let due = r.due(day(2026, 11, 9), None).unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(
            (due[0].overdue_days, due[0].suggest.as_str()),
            (1, "payment-2")
        );
        assert_eq!(
            (due[0].thread, due[0].last_number.as_str()),
            (p1.thread, p1.number.as_str())
        );
        // payment-2's follow-up is its new deadline.
        let p2 = f.send(
            &mut r,
            "payment-2",
            "sample-reza",
            &[("new_deadline", "2026-11-25")],
            day(2026, 11, 15),
        );
        assert_eq!(p2.letter.follow_up, Some(day(2026, 11, 25)));
        let due = r.due(day(2026, 11, 30), None).unwrap();
        assert_eq!(
            (due[0].overdue_days, due[0].suggest.as_str()),
            (5, "payment-3")
        );
        // After the final notice: the consequence it announced.
        f.send(
            &mut r,
            "payment-3",
            "sample-reza",
            &[("deadline", "2026-12-05"), ("consequence", "terminate")],
            day(2026, 11, 28),
        );
        let due = r.due(day(2026, 12, 8), Some("sample-reza")).unwrap();
        assert_eq!(
            (due[0].overdue_days, due[0].suggest.as_str()),
            (3, "termination-3")
        );
        assert!(
            r.due(day(2026, 12, 8), Some("sample-nazanin"))
                .unwrap()
                .is_empty()
        );
        // The termination letter continues that thread, cites the final notice, and ends it
        // once its date has passed.
        let end = f.send(
            &mut r,
            "termination-3",
            "sample-reza",
            &[("breach", "عدم پرداخت")],
            day(2026, 12, 8),
        );
        assert_eq!(end.thread, p1.thread);
        assert!(end.letter.reference.is_some());
        assert!(r.due(day(2027, 1, 30), None).unwrap().is_empty());
        assert_eq!(
            r.thread(p1.thread, day(2026, 12, 8)).unwrap().state,
            ThreadState::Open
        );
        assert_eq!(
            r.thread(p1.thread, day(2026, 12, 9)).unwrap().state,
            ThreadState::Ended
        );
        // An ended thread is not continued: a new payment-1 starts a new one.
        let again = f.send(&mut r, "payment-1", "sample-reza", &[], day(2026, 12, 20));
        assert_ne!(again.thread, p1.thread);
    }

    /// The letters beside the ladders: an instalment plan or a part payment leads to a firm
    /// reminder (a fresh final notice after the top, never a termination it did not
    /// announce); a termination of any level, a service notice, a complaint reply and a
    /// check-in ask for nothing more, and their threads end after their follow-up date.
    #[test]
    fn letters_beside_the_ladder_suggest_a_reminder_or_nothing() {
        let f = fixture();
        let mut r = f.register();
        let suggest =
            |r: &Register, sent: &Sent| r.thread(sent.thread, sent.letter.date).unwrap().suggest;
        let plan = f.send(
            &mut r,
            "payment-plan",
            "sample-reza",
            &[
                ("invoice", "P-1"),
                ("amount", "9000000"),
                ("first_due", "2026-12-01"),
            ],
            day(2026, 11, 1),
        );
        assert_eq!(
            plan.letter.follow_up,
            Some(day(2026, 12, 1)),
            "the first instalment"
        );
        assert_eq!(suggest(&r, &plan).as_deref(), Some("payment-2"));
        let due = r.due(day(2026, 11, 3), None).unwrap();
        assert!(due.is_empty(), "{due:?}");
        let due = r.due(day(2026, 12, 3), None).unwrap();
        let of_plan = due.iter().find(|d| d.thread == plan.thread).unwrap();
        assert_eq!(
            (of_plan.overdue_days, of_plan.suggest.as_str()),
            (2, "payment-2")
        );
        // A part payment after the final notice of another invoice: the rest by its date,
        // else a new final notice.
        let last = f.send(
            &mut r,
            "payment-3",
            "sample-reza",
            &[("invoice", "P-2"), ("consequence", "terminate")],
            day(2026, 11, 2),
        );
        assert_eq!(suggest(&r, &last).as_deref(), Some("termination-3"));
        let part = f.send(
            &mut r,
            "payment-partial",
            "sample-reza",
            &[
                ("invoice", "P-2"),
                ("paid", "1000000"),
                ("rest_by", "2026-11-20"),
            ],
            day(2026, 11, 5),
        );
        assert_eq!(part.thread, last.thread);
        assert_eq!(part.letter.follow_up, Some(day(2026, 11, 20)));
        assert_eq!(suggest(&r, &part).as_deref(), Some("payment-3"));
        // Final letters.
        for (template, given) in [
            ("termination-1", &[("end_date", "2026-12-15")][..]),
            ("follow-up-check-in", &[("project", "طراحی لوگو")][..]),
            (
                "complaint-reply",
                &[("topic", "تأخیر"), ("facts", "الف"), ("action", "ب")][..],
            ),
            (
                "service-change",
                &[
                    ("service", "پشتیبانی"),
                    ("change", "الف"),
                    ("reason", "ب"),
                    ("alternative", "ج"),
                ][..],
            ),
        ] {
            let sent = f.send(&mut r, template, "sample-nazanin", given, day(2026, 11, 1));
            assert_eq!(suggest(&r, &sent), None, "{template}");
            let follow_up = sent.letter.follow_up.unwrap();
            assert_eq!(
                r.thread(sent.thread, follow_up).unwrap().state,
                ThreadState::Open,
                "{template}"
            );
            assert_eq!(
                r.thread(sent.thread, follow_up.succ_opt().unwrap())
                    .unwrap()
                    .state,
                ThreadState::Ended,
                "{template}"
            );
        }
        assert!(
            r.due(day(2027, 6, 1), Some("sample-nazanin"))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn void_keeps_the_letter_and_its_number_and_leaves_the_thread() {
        let f = fixture();
        let mut r = f.register();
        let a = f.send(&mut r, "payment-1", "sample-reza", &[], day(2026, 11, 1));
        let b = f.send(&mut r, "payment-2", "sample-reza", &[], day(2026, 11, 20));
        assert!(matches!(r.void(b.id, "  "), Err(RegisterError::NoReason)));
        let entry = r.void(b.id, "wrong amount").unwrap();
        assert_eq!(entry.status, Status::Void);
        assert!(matches!(
            r.void(b.id, "again"),
            Err(RegisterError::AlreadyVoid { .. })
        ));
        let record = r.record(b.id).unwrap();
        assert_eq!(record.void_reason.as_deref(), Some("wrong amount"));
        assert_eq!(record.text, b.letter.to_text(), "the text stays as sent");
        // The thread's last letter is the first again, so the next payment-2 cites it.
        let thread = r.thread(a.thread, day(2026, 11, 20)).unwrap();
        assert_eq!(thread.last.unwrap().id, a.id);
        let c = f.send(&mut r, "payment-2", "sample-reza", &[], day(2026, 11, 21));
        assert_eq!(c.letter.reference.unwrap().number, a.number);
        assert_eq!(c.number, "NA/۱۴۰۵/۰۰۳");
        let voids = r.list(&by_status(Status::Void), 0, 10).unwrap();
        assert_eq!(
            voids.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![b.id]
        );
        // A void letter cannot be replied to.
        let (client, t) = f.reza("payment-3");
        assert!(matches!(
            f.plan(
                &r,
                t,
                &client,
                &[],
                day(2026, 11, 21),
                ThreadPick::ReplyTo(b.id)
            ),
            Err(RegisterError::Void(_))
        ));
    }

    #[test]
    fn resolve_closes_the_thread() {
        let f = fixture();
        let mut r = f.register();
        let a = f.send(&mut r, "payment-1", "sample-reza", &[], day(2026, 11, 1));
        let other = f.send(
            &mut r,
            "respect-1",
            "sample-reza",
            &[
                ("incident", "x"),
                ("incident_date", "1405/08/01"),
                ("behaviour", "y"),
            ],
            day(2026, 11, 1),
        );
        let thread = r
            .resolve(a.id, Some("paid in full"), day(2026, 11, 5))
            .unwrap();
        assert_eq!(thread.state, ThreadState::Resolved);
        assert_eq!(thread.resolution_note.as_deref(), Some("paid in full"));
        assert!(matches!(
            r.resolve(a.id, None, day(2026, 11, 6)),
            Err(RegisterError::Resolved { .. })
        ));
        assert_eq!(r.find("NA/1405/001").unwrap().status, Status::Resolved);
        assert_eq!(
            r.find("NA/1405/002").unwrap().status,
            Status::Sent,
            "other threads stay open"
        );
        let due = r.due(day(2027, 1, 1), None).unwrap();
        assert_eq!(
            due.iter().map(|d| d.thread).collect::<Vec<_>>(),
            vec![other.thread]
        );
        // The same invoice after resolution starts a new thread that cites nothing.
        let b = f.send(&mut r, "payment-1", "sample-reza", &[], day(2026, 12, 1));
        assert_ne!(b.thread, a.thread);
        assert_eq!(b.letter.reference, None);
        let resolved = r.list(&by_status(Status::Resolved), 0, 10).unwrap();
        assert_eq!(resolved.total, 1);
    }

    #[test]
    fn search_ignores_arabic_letter_forms_zwnj_spacing_and_digit_scripts() {
        let f = fixture();
        let mut r = f.register();
        let d = day(2026, 11, 22);
        let a = f.send(&mut r, "payment-1", "sample-reza", &[], d);
        let b = f.send(&mut r, "payment-1", "sample-daniel", &[], d);
        let ids = |q: &str| -> Vec<LetterId> {
            r.list(&by_search(q), 0, 50)
                .unwrap()
                .entries
                .iter()
                .map(|e| e.id)
                .collect()
        };
        // The letter has «شرکت بازرگانی آرمان‌تجارت» and «یادآوری» in Persian letters.
        assert_eq!(ids("شركت بازرگاني"), vec![a.id], "Arabic kaf and yeh");
        assert_eq!(ids("آرمانتجارت"), vec![a.id], "without the ZWNJ");
        assert_eq!(ids("آرمان تجارت"), vec![a.id], "with a space for the ZWNJ");
        assert_eq!(ids("  يادآوري   پرداخت "), vec![a.id]);
        assert_eq!(ids("رضا"), vec![a.id], "the client's name");
        assert_eq!(ids("sample-reza"), vec![a.id], "the client id");
        assert_eq!(ids("NA/1405/001"), vec![a.id], "the number in Latin digits");
        assert_eq!(ids("na/۱۴۰۵/۰۰۱"), vec![a.id], "… and in Persian digits");
        assert_eq!(ids("WEBER"), vec![b.id], "case");
        assert_eq!(ids("remind"), vec![b.id], "the start of a word");
        assert_eq!(ids("INV"), vec![b.id, a.id], "newest first, then by order");
        assert!(ids("nothing-like-this").is_empty());
        assert!(ids("\"").is_empty(), "quotes are text, not query syntax");
        assert!(ids("؟").is_empty());
        // Filters combine with search.
        let page = r
            .list(
                &Filter {
                    search: Some("INV".into()),
                    client: Some("sample-daniel".into()),
                    ..Filter::default()
                },
                0,
                50,
            )
            .unwrap();
        assert_eq!(page.total, 1);
    }

    #[test]
    fn paging_counts_and_orders_newest_first() {
        let f = fixture();
        let mut r = f.register();
        for d in [3, 1, 2] {
            f.send_picked(
                &mut r,
                "payment-1",
                "sample-daniel",
                &[],
                day(2026, 11, d),
                ThreadPick::New,
            );
        }
        let page = r.list(&Filter::default(), 0, 2).unwrap();
        assert_eq!(page.total, 3);
        let dates: Vec<u32> = page
            .entries
            .iter()
            .map(|e| chrono::Datelike::day(&e.date))
            .collect();
        assert_eq!(dates, vec![3, 2]);
        let rest = r.list(&Filter::default(), 2, 2).unwrap();
        assert_eq!(rest.entries.len(), 1);
        assert_eq!(chrono::Datelike::day(&rest.entries[0].date), 1);
        let scenario = r.list(&by_scenario(Scenario::Respect), 0, 9).unwrap();
        assert_eq!(scenario.total, 0);
    }

    fn write_history(
        root: &Path,
        name: &str,
        number: &str,
        date: &str,
        client: &str,
        template: &str,
        text: &str,
    ) {
        let dir = root.join("history");
        std::fs::create_dir_all(&dir).unwrap();
        let lang = if number.chars().any(|c| ('۰'..='۹').contains(&c)) {
            "fa"
        } else {
            "en"
        };
        std::fs::write(
            dir.join(name),
            format!("number = \"{number}\"\ndate = \"{date}\"\nclient = \"{client}\"\ntemplate = \"{template}\"\nlang = \"{lang}\"\nsubject = \"s\"\nexported_to = \"/x/{name}\"\ntext = \"{text}\"\n"),
        )
        .unwrap();
    }

    #[test]
    fn the_first_open_takes_over_history_once_and_numbering_continues() {
        let f = fixture();
        let root = f.store.root();
        write_history(
            root,
            "20261101-1.toml",
            "NA/۱۴۰۵/۰۰۱",
            "2026-11-01",
            "sample-reza",
            "payment-1",
            "نامه يك",
        );
        write_history(
            root,
            "20261102-1.toml",
            "NA/۱۴۰۵/۰۰۷",
            "2026-11-02",
            "sample-reza",
            "payment-2",
            "نامه دو",
        );
        // The old numbering could repeat a number: both letters are kept.
        write_history(
            root,
            "20261102-2.toml",
            "NA/۱۴۰۵/۰۰۷",
            "2026-11-02",
            "sample-nazanin",
            "respect-1",
            "نامه سه",
        );
        write_history(
            root,
            "20261103-1.toml",
            "NA/2026/004",
            "2026-11-03",
            "sample-daniel",
            "payment-1",
            "letter four",
        );
        std::fs::write(
            root.join("history/20261104-1.toml"),
            "number = \"unterminated\n",
        )
        .unwrap();
        let before: Vec<_> = std::fs::read_dir(root.join("history")).unwrap().collect();

        let mut r = f.register();
        let takeover = r.takeover().expect("imported").clone();
        assert_eq!(takeover.imported, 4);
        assert_eq!(takeover.skipped.len(), 1);
        assert!(takeover.skipped[0].0.ends_with("20261104-1.toml"));
        assert_eq!(
            std::fs::read_dir(root.join("history")).unwrap().count(),
            before.len(),
            "files stay"
        );
        // Numbering continues after the highest number per prefix and year.
        let d = day(2026, 11, 22);
        assert_eq!(next_fa(&r, d), "NA/۱۴۰۵/۰۰۸");
        assert_eq!(
            r.peek_number(Some("NA"), d, Lang::En).unwrap(),
            "NA/2026/005"
        );
        // Imported letters are searchable (Arabic forms in the old text too) and threaded.
        let found = r.list(&by_search("یک"), 0, 9).unwrap();
        assert_eq!(found.total, 1);
        assert_eq!(found.entries[0].sent_as, "history");
        let record = r.record(found.entries[0].id).unwrap();
        assert_eq!(record.text, "نامه يك", "the text as it was");
        assert!(matches!(
            r.find("NA/1405/007"),
            Err(RegisterError::Ambiguous { count: 2, .. })
        ));
        let two = r.find("NA/1405/001").unwrap();
        let seven = r.list(&by_client("sample-reza"), 0, 9).unwrap().entries;
        assert_eq!(
            seven[0].thread, two.thread,
            "payment letters of one client share a thread"
        );
        // A respect-2 follows on from the imported respect-1, citing it and its date.
        let respect = [
            ("incident", "x"),
            ("incident_date", "1405/08/01"),
            ("behaviour", "y"),
            ("staff", "z"),
        ];
        let r2 = f.send(&mut r, "respect-2", "sample-nazanin", &respect, d);
        assert_eq!(r2.letter.reference.as_ref().unwrap().number, "NA/۱۴۰۵/۰۰۷");
        assert_eq!(
            r2.letter.inputs.get("previous_on").map(String::as_str),
            Some("2026-11-02")
        );
        // history/ kept no invoice: a payment letter about a known invoice does not guess
        // that an imported payment thread was about it, and starts its own.
        let p3 = f.send(&mut r, "payment-3", "sample-reza", &[], d);
        assert_ne!(p3.thread, two.thread);
        assert_eq!(p3.letter.reference, None);
        // Imported letters export again as text only.
        let out = root.join("again.pdf");
        assert!(matches!(
            r.export_again(&f.exporter, two.id, Format::Pdf, &out, 0),
            Err(RegisterError::TextOnly(_))
        ));
        r.export_again(&f.exporter, two.id, Format::Text, &out, 0)
            .unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "نامه يك");
        drop(r);
        // A second open imports nothing again, even with a new file in history/.
        write_history(
            root,
            "20261105-1.toml",
            "NA/۱۴۰۵/۰۵۰",
            "2026-11-05",
            "sample-reza",
            "payment-1",
            "late",
        );
        let r = f.register();
        assert!(r.takeover().is_none());
        assert_eq!(r.list(&Filter::default(), 0, 1).unwrap().total, 6);
    }

    #[test]
    fn a_damaged_register_is_reported_and_left_untouched() {
        let f = fixture();
        let path = f.store.root().join(FILE_NAME);
        let garbage = b"this is not a database, it is a note the owner kept here.....................................................".repeat(20);
        std::fs::write(&path, &garbage).unwrap();
        let err = f.store.register().unwrap_err();
        assert!(matches!(err, RegisterError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("register.sqlite3"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
    }

    #[test]
    fn a_newer_register_is_refused() {
        let f = fixture();
        drop(f.register());
        let path = f.store.root().join(FILE_NAME);
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let err = f.store.register().unwrap_err();
        assert!(matches!(err, RegisterError::Newer { .. }), "{err}");
    }

    #[test]
    fn csv_has_every_letter_with_its_status() {
        let f = fixture();
        let mut r = f.register();
        let a = f.send(&mut r, "payment-1", "sample-reza", &[], day(2026, 11, 1));
        f.send(&mut r, "payment-1", "sample-daniel", &[], day(2026, 11, 2));
        r.void(a.id, "wrong client, \"oops\"").unwrap();
        let path = f.store.root().join("register.csv");
        assert_eq!(r.export_csv(&path).unwrap(), 2);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "number");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "NA/۱۴۰۵/۰۰۱");
        assert_eq!(&rows[0][9], "void");
        assert_eq!(&rows[0][14], "wrong client, \"oops\"");
        assert_eq!(&rows[1][0], "NA/2026/001");
        assert_eq!(&rows[1][9], "sent");
    }

    #[test]
    fn fts_queries_quote_what_was_typed() {
        assert_eq!(fts_query("a\"b").unwrap(), "(\"a\"\"b\"*)");
        assert_eq!(
            fts_query("مي‌شود  x").unwrap(),
            "(\"میشود\"* AND \"x\"*) OR \"میشودx\"*"
        );
        assert_eq!(fts_query(" ، "), None);
    }
}
