//! What the screens share: the workspace folder and what was read from it. The app owns
//! one `Workspace` and passes it to each screen's `update` and `view`; only the app changes
//! it, after a screen's event.

use chrono::NaiveDate;
use marz::export::{self, Exporter, Format};
use marz::i18n::Problem;
use marz::profile::Sender;
use marz::register::{
    Destination, Register, RegisterError, SendError, SendRequest, Sent, Takeover, ThreadPick,
};
use marz::store::{ClientList, StoreError};
use marz::{Client, Lang, Letter, Library, Store};
use std::collections::BTreeMap;
use std::path::PathBuf;
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
        let logo = match &self.sender {
            Ok(sender) => self.store.load_logo(sender).unwrap_or_else(|e| {
                problems.push(Trouble::Store(e));
                None
            }),
            Err(_) => None,
        };
        self.exporter = Arc::new(Exporter::new(logo));
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
    Register(RegisterError),
}

impl Problem for Trouble {
    fn key(&self) -> &'static str {
        match self {
            Trouble::Store(e) => e.key(),
            Trouble::Register(e) => e.key(),
        }
    }

    fn args(&self, locale: &marz::i18n::Locale) -> Vec<(&'static str, String)> {
        match self {
            Trouble::Store(e) => e.args(locale),
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

/// Records a letter that leaves the app, through the register: the one place the app does
/// it. The register takes the next number, renumbers the letter as the owner edited it
/// (`Letter::renumbered`), writes the file in place only once the record is committed, and
/// files it in the open thread of its client, scenario and matter, if there is one.
fn record(job: &ExportJob, letter: Letter, destination: Destination) -> Result<Sent, SendError> {
    let mut register = job.store.register()?;
    let request = SendRequest {
        prefix: job.prefix.clone(),
        date: letter.date,
        lang: letter.lang,
        destination,
        thread: job.thread,
        timestamp: export::mail_timestamp(letter.date, chrono::Local::now()),
        mail: Default::default(),
    };
    register.send(&job.exporter, &job.library, request, |number| {
        Ok(letter.renumbered(number))
    })
}

/// Records a letter that is copied (`Destination::Clipboard`) or handed to the mail app
/// (`Destination::Mail`), and returns it as recorded: with the number the register gave
/// it, which is what the clipboard or the mail app then gets.
pub async fn record_sent(
    job: ExportJob,
    letter: Letter,
    destination: Destination,
) -> Result<Letter, Arc<SendError>> {
    record(&job, letter, destination)
        .map(|sent| sent.letter)
        .map_err(Arc::new)
}

/// Asks where to save (or saves in the job's folder), then exports through the register.
/// `Ok(None)` means the owner cancelled.
pub async fn export_letter(
    job: ExportJob,
    letter: Letter,
    format: Format,
) -> Result<Option<PathBuf>, Arc<SendError>> {
    let name = export::default_file_name(&letter, format);
    let path = match &job.dir {
        Some(dir) => dir.join(&name),
        None => match rfd::AsyncFileDialog::new()
            .set_file_name(&name)
            .add_filter(format.extension(), &[format.extension()])
            .save_file()
            .await
        {
            Some(handle) => handle.path().to_path_buf(),
            None => return Ok(None),
        },
    };
    let destination = Destination::File {
        path: path.clone(),
        format,
    };
    record(&job, letter, destination).map_err(Arc::new)?;
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
    let path = match &job.dir {
        Some(dir) => dir.join(&name),
        None => match rfd::AsyncFileDialog::new()
            .set_file_name(&name)
            .add_filter(format.extension(), &[format.extension()])
            .save_file()
            .await
        {
            Some(handle) => handle.path().to_path_buf(),
            None => return Ok(None),
        },
    };
    let register = job.store.register().map_err(Arc::new)?;
    let timestamp = export::mail_timestamp(entry.date, chrono::Local::now());
    register
        .export_again(&job.exporter, entry.id, format, &path, timestamp)
        .map_err(Arc::new)?;
    Ok(Some(path))
}
