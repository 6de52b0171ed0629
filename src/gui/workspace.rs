//! What the screens share: the workspace folder and what was read from it. The app owns
//! one `Workspace` and passes it to each screen's `update` and `view`; only the app changes
//! it, after a screen's event.

use chrono::NaiveDate;
use marz::export::{self, Exporter, Format};
use marz::i18n::Problem;
use marz::profile::Sender;
use marz::store::{ClientList, HistoryEntry, StoreError};
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
}

impl Workspace {
    /// Reads the workspace in `store`; what cannot be read is returned to be told.
    pub fn open(store: Store, date: NaiveDate) -> (Workspace, Vec<StoreError>) {
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

    /// Reads the clients and the sender again.
    pub fn reload(&mut self) -> Vec<StoreError> {
        let mut problems = Vec::new();
        match self.store.load_clients() {
            Ok(list) => self.clients = list,
            Err(e) => problems.push(e),
        }
        self.sender = self.store.load_sender();
        let logo = match &self.sender {
            Ok(sender) => self.store.load_logo(sender).unwrap_or_else(|e| {
                problems.push(e);
                None
            }),
            Err(_) => None,
        };
        self.exporter = Arc::new(Exporter::new(logo));
        self.count_numbers();
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

    /// Counts the next numbers again (reading the history); after an export, or when the
    /// sender's prefix changed. Never in `view`.
    pub fn count_numbers(&mut self) {
        let prefix = self
            .sender()
            .and_then(|s| s.letter_prefix.clone())
            .filter(|p| !p.is_empty());
        self.numbers = Lang::ALL
            .into_iter()
            .map(|lang| {
                let n = self
                    .store
                    .next_letter_number(prefix.as_deref(), self.date, lang);
                (lang, n)
            })
            .collect();
    }

    /// What an export needs, to run away from the window's thread.
    pub fn exporter(&self) -> Arc<Exporter> {
        self.exporter.clone()
    }
}

/// Why an export did not happen.
#[derive(Debug)]
pub enum ExportFailure {
    Export(export::ExportError),
    Record(StoreError),
}

impl Problem for ExportFailure {
    fn key(&self) -> &'static str {
        match self {
            ExportFailure::Export(e) => e.key(),
            ExportFailure::Record(e) => e.key(),
        }
    }

    fn args(&self, locale: &marz::i18n::Locale) -> Vec<(&'static str, String)> {
        match self {
            ExportFailure::Export(e) => e.args(locale),
            ExportFailure::Record(e) => e.args(locale),
        }
    }
}

/// Records a letter that left the app: the one place the app does it.
fn record_export(store: &Store, letter: &Letter, path: &Path) -> Result<(), StoreError> {
    store.record(&HistoryEntry::of(letter, path)).map(|_| ())
}

/// Asks where to save (or saves in `dir`), writes the file atomically, and records the
/// letter. `Ok(None)` means the owner cancelled.
pub async fn export_letter(
    exporter: Arc<Exporter>,
    store: Store,
    letter: Letter,
    format: Format,
    dir: Option<PathBuf>,
) -> Result<Option<PathBuf>, Arc<ExportFailure>> {
    let name = export::default_file_name(&letter, format);
    let path = match dir {
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
    let timestamp = export::mail_timestamp(letter.date, chrono::Local::now());
    exporter
        .write(&letter, format, &path, timestamp)
        .map_err(|e| Arc::new(ExportFailure::Export(e)))?;
    record_export(&store, &letter, &path).map_err(|e| Arc::new(ExportFailure::Record(e)))?;
    Ok(Some(path))
}
