//! What the screens share: the workspace folder and what was read from it. The app owns
//! one `Workspace` and passes it to each screen's `update` and `view`; only the app changes
//! it, after a screen's event.

use chrono::NaiveDate;
use marz::export::{self, Exporter, Format};
use marz::i18n::Problem;
use marz::profile::Sender;
use marz::register::{Destination, RegisterError, SendError, SendRequest, ThreadPick};
use marz::stationery::ImageError;
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
}

impl Workspace {
    /// Reads the workspace in `store`; what cannot be read is returned to be told.
    pub fn open(store: Store, date: NaiveDate) -> (Workspace, Vec<Trouble>) {
        let mut workspace = Workspace {
            library: Library::load(Some(&store.root().join("templates"))),
            clients: ClientList::default(),
            sender: Err(StoreError::NoSender(store.sender_path())),
            date,
            exporter: Arc::new(Exporter::default()),
            numbers: BTreeMap::new(),
            store,
        };
        let problems = workspace.reload();
        (workspace, problems)
    }

    /// Reads the clients, the sender and the register's next numbers again.
    pub fn reload(&mut self) -> Vec<Trouble> {
        let mut problems = Vec::new();
        match self.store.load_clients() {
            Ok(list) => self.clients = list,
            Err(e) => problems.push(Trouble::Store(e)),
        }
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

    /// Asks the register again for the next numbers; after an export, or when the sender's
    /// prefix changed. Never in `view`. A register that cannot be opened leaves no number
    /// shown (an export would fail and say why).
    pub fn count_numbers(&mut self) -> Result<(), RegisterError> {
        self.numbers.clear();
        let register = self.store.register()?;
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
        }
    }
}

/// Records a letter that leaves the app, through the register: the one place the app does
/// it. The register takes the next number, renumbers the letter as the owner edited it
/// (`Letter::renumbered`), writes the file in place only once the record is committed, and
/// files it in the open thread of its client, scenario and matter, if there is one.
fn record(job: &ExportJob, letter: Letter, destination: Destination) -> Result<(), SendError> {
    let mut register = job.store.register()?;
    let request = SendRequest {
        prefix: job.prefix.clone(),
        date: letter.date,
        lang: letter.lang,
        destination,
        thread: ThreadPick::Auto,
        timestamp: export::mail_timestamp(letter.date, chrono::Local::now()),
        mail: Default::default(),
    };
    register.send(&job.exporter, &job.library, request, |number| {
        Ok(letter.renumbered(number))
    })?;
    Ok(())
}

/// Sends the letter's PDF to `printer` through the register, which numbers it and records
/// it only if the printer takes it (so a refused letter uses no number).
pub async fn print_letter(
    job: ExportJob,
    letter: Letter,
    printer: marz::print::Printer,
) -> Result<(), Arc<SendError>> {
    record(&job, letter, Destination::Print { printer }).map_err(Arc::new)
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
    record(
        &job,
        letter,
        Destination::File {
            path: path.clone(),
            format,
        },
    )
    .map_err(Arc::new)?;
    Ok(Some(path))
}
