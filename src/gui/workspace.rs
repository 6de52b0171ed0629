//! What the screens share: the workspace folder and what was read from it. The app owns
//! one `Workspace` and passes it to each screen's `update` and `view`; only the app changes
//! it, after a screen's event.

use super::compose::Mailing;
use chrono::NaiveDate;
use marz::email::{Covers, MailOptions};
use marz::export::{self, ExportError, Exporter, Format};
use marz::i18n::Problem;
use marz::mail_app::{Desktop, MailAppError, MailOpened, open_in_mail_program};
use marz::profile::Sender;
use marz::register::{
    Destination, Register, RegisterError, SendError, SendRequest, Sent, Takeover, ThreadPick,
};
use marz::stationery::ImageError;
use marz::store::{ClientList, StoreError};
use marz::{Client, Lang, Letter, Library, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct Workspace {
    pub store: Store,
    pub library: Library,
    pub clients: ClientList,
    /// The owner's details, or why they cannot be read.
    pub sender: Result<Sender, StoreError>,
    /// The date letters carry (today).
    pub date: NaiveDate,
    exporter: Arc<Exporter>,
    /// The next free letter number per letter language; see `next_number`.
    numbers: BTreeMap<Lang, String>,
    /// The register, once `open_register` has run away from the window's thread (the first
    /// open of a workspace imports `history/`, which may take seconds); none until then.
    register: Option<Register>,
}

impl Workspace {
    /// Reads the workspace in `store`; what cannot be read is returned to be told.
    pub fn open(store: Store, date: NaiveDate) -> (Workspace, Vec<Trouble>) {
        let (mut workspace, mut problems) = Workspace::open_without_clients(store, date);
        if let Err(e) = workspace.load_clients() {
            problems.push(e);
        }
        (workspace, problems)
    }

    /// The workspace without its clients, for the first frame: `load_clients` reads them
    /// in a task (10,000 client files take half a second).
    pub fn open_without_clients(store: Store, date: NaiveDate) -> (Workspace, Vec<Trouble>) {
        let mut workspace = Workspace {
            library: Library::load(Some(&store.root().join("templates"))),
            clients: ClientList::default(),
            sender: Err(StoreError::NoSender(store.sender_path())),
            date,
            exporter: Arc::new(Exporter::default()),
            numbers: BTreeMap::new(),
            register: None,
            store,
        };
        let problems = workspace.reload_sender();
        (workspace, problems)
    }

    fn load_clients(&mut self) -> Result<(), Trouble> {
        self.clients = self.store.load_clients().map_err(Trouble::Store)?;
        Ok(())
    }

    /// Reads the clients, the sender and the register's next numbers again.
    pub fn reload(&mut self) -> Vec<Trouble> {
        let mut problems = self.reload_sender();
        if let Err(e) = self.load_clients() {
            problems.insert(0, e);
        }
        problems
    }

    /// Reads the sender and the register's next numbers again.
    fn reload_sender(&mut self) -> Vec<Trouble> {
        let mut problems = Vec::new();
        self.sender = self.store.load_sender();
        // An image that cannot be printed is told, and PDFs are refused until it is fixed
        // (a letter never leaves without the letterhead, signature or stamp it should have).
        let exporter = match &self.sender {
            Ok(sender) => match self.store.load_stationery(sender) {
                Ok(stationery) => Exporter::new(stationery),
                Err(e) => {
                    problems.push(Trouble::Image(e.clone()));
                    Exporter::unusable_for_pdf(e)
                }
            },
            Err(_) => Exporter::default(),
        };
        self.exporter = Arc::new(exporter);
        if let Err(e) = self.count_numbers() {
            problems.push(Trouble::Register(e));
        }
        problems
    }

    pub fn sender(&self) -> Option<&Sender> {
        self.sender.as_ref().ok()
    }

    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.get(id)
    }

    /// The number the next letter in `lang` gets: the one place the app asks for it.
    pub fn next_number(&self, lang: Lang) -> String {
        self.numbers.get(&lang).cloned().unwrap_or_default()
    }

    /// The register, once it is open (see `attach_register`).
    pub fn register(&self) -> Option<&Register> {
        self.register.as_ref()
    }

    /// The register to change (void, resolve), opening it if `open_register` has not yet
    /// brought it.
    pub fn register_mut(&mut self) -> Result<&mut Register, RegisterError> {
        let register = match self.register.take() {
            Some(register) => register,
            None => self.store.register()?,
        };
        Ok(self.register.insert(register))
    }

    /// Opens the register for the screens once `open_register` has prepared it (quick then:
    /// no import is left to do), and counts the next numbers.
    pub fn attach_register(&mut self) -> Result<(), RegisterError> {
        self.register_mut()?;
        self.count_numbers()
    }

    /// Asks the register again for the next numbers; after an export, or when the sender's
    /// prefix changed. Never in `view`. Before the register is open, or when it cannot be
    /// opened, no number is shown (an export would fail and say why).
    pub fn count_numbers(&mut self) -> Result<(), RegisterError> {
        self.numbers.clear();
        let Some(register) = &self.register else {
            return Ok(());
        };
        let prefix = self.sender().and_then(|s| s.letter_prefix.clone());
        for lang in Lang::ALL {
            let n = register.peek_number(prefix.as_deref(), self.date, lang)?;
            self.numbers.insert(lang, n);
        }
        Ok(())
    }

    /// What an export needs, to run away from the window's thread.
    pub fn exporter(&self) -> Arc<Exporter> {
        self.exporter.clone()
    }
}

/// Opens (and on the first open creates, importing `history/`) the workspace's register;
/// run as a `Task` at start, so that the first frame never waits for it. What was taken
/// over from `history/`, if anything, is returned to be told.
pub async fn open_register(store: Store) -> Result<Option<Takeover>, Arc<RegisterError>> {
    let register = store.register().map_err(Arc::new)?;
    Ok(register.takeover().cloned())
}

/// Reads the clients away from the window's thread (see `open_without_clients`).
pub async fn load_clients(store: Store) -> Result<Arc<ClientList>, Arc<StoreError>> {
    store.load_clients().map(Arc::new).map_err(Arc::new)
}

/// A part of the workspace that cannot be read.
#[derive(Debug)]
pub enum Trouble {
    Store(StoreError),
    Image(ImageError),
    Register(RegisterError),
}

impl Problem for Trouble {
    fn key(&self) -> &'static str {
        match self {
            Trouble::Store(e) => e.key(),
            Trouble::Image(e) => e.key(),
            Trouble::Register(e) => e.key(),
        }
    }

    fn args(&self, locale: &marz::i18n::Locale) -> Vec<(&'static str, String)> {
        match self {
            Trouble::Store(e) => e.args(locale),
            Trouble::Image(e) => e.args(locale),
            Trouble::Register(e) => e.args(locale),
        }
    }
}

/// What an export of the compose screen's letter needs, taken from the workspace when the
/// owner asks for it, so that the export can run away from the window's thread.
pub struct ExportJob {
    pub exporter: Arc<Exporter>,
    pub store: Store,
    /// The template ladder, for the letter the register suggests next.
    pub library: Library,
    /// `letter_prefix` from sender.toml, as the preview numbered the letter with it.
    pub prefix: Option<String>,
    /// Where to save without a dialog (`MARZ_EXPORT_DIR`), if anywhere.
    pub dir: Option<PathBuf>,
    /// The thread the letter joins: the one compose showed, or a new one.
    pub thread: ThreadPick,
}

impl Workspace {
    /// What an export needs now.
    pub fn export_job(&self, dir: Option<PathBuf>) -> ExportJob {
        ExportJob {
            exporter: self.exporter(),
            store: self.store.clone(),
            library: self.library.clone(),
            prefix: self.sender().and_then(|s| s.letter_prefix.clone()),
            dir,
            thread: ThreadPick::Auto,
        }
    }
}

impl ExportJob {
    /// The core's mail options for the owner's choice; the owner's cover note is read only
    /// when it will be the body (as on the command line).
    fn mail_options(&self, mailing: Mailing) -> Result<MailOptions, ExportError> {
        let covers = if mailing.attach_pdf && !mailing.letter_body {
            Covers::load(Some(&self.store.root().join("templates")))?
        } else {
            Covers::built_in()
        };
        Ok(MailOptions {
            attach_pdf: mailing.attach_pdf,
            letter_as_body: mailing.letter_body,
            covers,
        })
    }
}

/// Records a letter that leaves the app, through the register: the one place the app does
/// it. The register takes the next number, renumbers the letter as the owner edited it
/// (`Letter::renumbered`), writes the file in place only once the record is committed, and
/// files it in the open thread of its client, scenario and matter, if there is one.
fn record(
    job: &ExportJob,
    letter: Letter,
    destination: Destination,
    mail: MailOptions,
    timestamp: i64,
) -> Result<Sent, SendError> {
    let mut register = job.store.register()?;
    let request = SendRequest {
        prefix: job.prefix.clone(),
        date: letter.date,
        lang: letter.lang,
        destination,
        thread: job.thread,
        timestamp,
        mail,
    };
    register.send(&job.exporter, &job.library, request, |number| {
        Ok(letter.renumbered(number))
    })
}

/// Records a letter that is copied (`Destination::Clipboard`), and returns it as recorded:
/// with the number the register gave it, which is what the clipboard then gets. (A mailed
/// letter is recorded by `mail_letter`, once.)
pub async fn record_sent(
    job: ExportJob,
    letter: Letter,
    destination: Destination,
) -> Result<Letter, Arc<SendError>> {
    let timestamp = export::mail_timestamp(letter.date, chrono::Local::now());
    record(&job, letter, destination, MailOptions::default(), timestamp)
        .map(|sent| sent.letter)
        .map_err(Arc::new)
}

/// Sends the letter's PDF to `printer` through the register, which numbers it and records
/// it only if the printer takes it (so a refused letter uses no number).
pub async fn print_letter(
    job: ExportJob,
    letter: Letter,
    printer: marz::print::Printer,
) -> Result<(), Arc<SendError>> {
    let timestamp = export::mail_timestamp(letter.date, chrono::Local::now());
    let destination = Destination::Print { printer };
    record(&job, letter, destination, MailOptions::default(), timestamp)
        .map(|_| ())
        .map_err(Arc::new)
}

/// Where to save `name`: in `dir` when the job has one, else where the owner picks in the
/// save dialog; `None` when they cancel it.
async fn save_path(dir: Option<&Path>, name: &str, format: Format) -> Option<PathBuf> {
    match dir {
        Some(dir) => Some(dir.join(name)),
        None => rfd::AsyncFileDialog::new()
            .set_file_name(name)
            .add_filter(format.extension(), &[format.extension()])
            .save_file()
            .await
            .map(|handle| handle.path().to_path_buf()),
    }
}

/// Asks where to save (or saves in the job's folder), then exports through the register.
/// `Ok(None)` means the owner cancelled.
pub async fn export_letter(
    job: ExportJob,
    letter: Letter,
    format: Format,
    mailing: Mailing,
) -> Result<Option<PathBuf>, Arc<SendError>> {
    // A broken cover note is told before the save dialog.
    let mail = match format {
        Format::Eml => job
            .mail_options(mailing)
            .map_err(|e| Arc::new(SendError::Export(e)))?,
        _ => MailOptions::default(),
    };
    let name = export::default_file_name(&letter, format);
    let Some(path) = save_path(job.dir.as_deref(), &name, format).await else {
        return Ok(None);
    };
    let timestamp = export::mail_timestamp(letter.date, chrono::Local::now());
    let destination = Destination::File {
        path: path.clone(),
        format,
    };
    record(&job, letter, destination, mail, timestamp).map_err(Arc::new)?;
    Ok(Some(path))
}

/// Asks where to save (or saves in the job's folder), then writes a recorded letter again
/// with its own number (`Register::export_again`): nothing new is recorded and no number is
/// taken. `Ok(None)` means the owner cancelled.
pub async fn export_again(
    job: ExportJob,
    entry: marz::register::Entry,
    format: Format,
) -> Result<Option<PathBuf>, Arc<RegisterError>> {
    let name = export::file_name(&entry.template, &entry.client, entry.date, format);
    let Some(path) = save_path(job.dir.as_deref(), &name, format).await else {
        return Ok(None);
    };
    let register = job.store.register().map_err(Arc::new)?;
    let timestamp = export::mail_timestamp(entry.date, chrono::Local::now());
    register
        .export_again(&job.exporter, entry.id, format, &path, timestamp)
        .map_err(Arc::new)?;
    Ok(Some(path))
}

/// A letter recorded and handed to the mail program, and what the mail program did.
#[derive(Debug)]
pub struct Mailed {
    /// The number the register gave it.
    pub number: String,
    /// The letter as it left, as plain text: for the clipboard if the owner must send it
    /// some other way.
    pub text: String,
    /// The draft e-mail written for the mail program, if it was written.
    pub eml: Option<PathBuf>,
    pub opened: Result<MailOpened, MailAppError>,
}

/// Hands the letter to the desktop's mail program (`mail_app::open_in_mail_program`), the
/// draft written into `drafts`. The e-mail is made once before the letter takes its number,
/// so that what would stop it (no address, a broken cover note or letterhead) stops it
/// unrecorded; then the letter is recorded once (`Destination::Mail`) and opened under its
/// number. That the mail program could not be opened does not undo the record: the letter
/// exists, with its number, as the draft kept in `drafts`, to be saved or copied.
pub async fn mail_letter(
    job: ExportJob,
    letter: Letter,
    mailing: Mailing,
    drafts: PathBuf,
    desktop: Arc<dyn Desktop + Send + Sync>,
) -> Result<Mailed, Arc<SendError>> {
    let fail = |e: ExportError| Arc::new(SendError::Export(e));
    let mail = job.mail_options(mailing).map_err(fail)?;
    let timestamp = export::mail_timestamp(letter.date, chrono::Local::now());
    job.exporter.eml(&letter, &mail, timestamp).map_err(fail)?;
    let sent =
        record(&job, letter, Destination::Mail, mail.clone(), timestamp).map_err(Arc::new)?;
    let opened = open_in_mail_program(
        &job.exporter,
        &sent.letter,
        &mail,
        &drafts,
        timestamp,
        desktop.as_ref(),
    );
    let eml = match &opened {
        Ok(MailOpened::Draft { eml, .. } | MailOpened::Mailto { eml, .. })
        | Err(MailAppError::NoMailProgram { eml, .. }) => Some(eml.clone()),
        Err(MailAppError::Export(_)) => None,
    };
    Ok(Mailed {
        number: sent.number,
        text: export::plain_text(&sent.letter),
        eml,
        opened,
    })
}

/// Saves a copy of the draft e-mail `eml` where the owner says (or in `dir`), as is: the
/// letter is already recorded, with the number it carries. `Ok(None)` means cancelled.
pub async fn save_draft(
    eml: PathBuf,
    dir: Option<PathBuf>,
) -> Result<Option<PathBuf>, Arc<ExportError>> {
    let name = eml
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let path = match dir {
        Some(dir) => dir.join(&name),
        None => match rfd::AsyncFileDialog::new()
            .set_file_name(&name)
            .add_filter("eml", &["eml"])
            .save_file()
            .await
        {
            Some(handle) => handle.path().to_path_buf(),
            None => return Ok(None),
        },
    };
    copy_file(&eml, &path).map_err(Arc::new)?;
    Ok(Some(path))
}

fn copy_file(from: &Path, to: &Path) -> Result<(), ExportError> {
    let bytes = std::fs::read(from).map_err(|source| ExportError::Write {
        path: from.to_path_buf(),
        source,
    })?;
    marz::fsutil::atomic_write(to, &bytes).map_err(|source| ExportError::Write {
        path: to.to_path_buf(),
        source,
    })
}
