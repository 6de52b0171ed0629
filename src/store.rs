//! The workspace on disk: `sender.toml`, `clients/<id>.toml`, `templates/<lang>/` and
//! `trash/`, plain files the owner can read, and the register of sent letters
//! (`register.sqlite3`, see `register`).

use crate::fsutil::{atomic_write, remove_stale_temp_files};
use crate::i18n::{Locale, Problem};
use crate::lang::Lang;
use crate::money::Currency;
use crate::profile::{Client, Honorific, ProfileError, Sender, is_valid_id};
use crate::stationery::{Artwork, ImageError, ImageRole, Stationery};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A temporary file older than this was left by a crash, not by a write under way.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// The environment variable that names the data directory.
pub const DATA_DIR_ENV: &str = "MARZ_DATA_DIR";

#[derive(Debug)]
pub enum StoreError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Profile(ProfileError),
    /// `sender.toml` is missing.
    NoSender(PathBuf),
    NoClient(String),
    /// A client file that does not load, so it is never written over.
    Unreadable {
        id: String,
        source: Box<StoreError>,
    },
    /// A client with this id exists and replacing it was not asked for.
    Exists(String),
    BadId(String),
    NoDataDir,
}

impl From<ProfileError> for StoreError {
    fn from(e: ProfileError) -> Self {
        StoreError::Profile(e)
    }
}

/// The message id for a failed file operation, by what went wrong.
pub fn io_key(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => "error-io-not-found",
        std::io::ErrorKind::PermissionDenied => "error-io-denied",
        std::io::ErrorKind::StorageFull => "error-io-full",
        _ => "error-io",
    }
}

impl Problem for StoreError {
    fn key(&self) -> &'static str {
        match self {
            StoreError::Io { source, .. } => io_key(source),
            StoreError::Profile(e) => e.key(),
            StoreError::NoSender(_) => "error-no-sender",
            StoreError::NoClient(_) => "error-no-client",
            StoreError::Unreadable { .. } => "error-client-unreadable",
            StoreError::Exists(_) => "error-client-exists",
            StoreError::BadId(_) => "error-bad-id",
            StoreError::NoDataDir => "error-no-data-dir",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            StoreError::Io { path, source } => vec![
                ("path", path.display().to_string()),
                ("detail", source.to_string()),
            ],
            StoreError::Profile(e) => e.args(locale),
            StoreError::NoSender(path) => vec![("path", path.display().to_string())],
            StoreError::NoClient(id) | StoreError::Exists(id) | StoreError::BadId(id) => {
                vec![("id", id.clone())]
            }
            StoreError::Unreadable { id, source } => {
                vec![
                    ("id", id.clone()),
                    ("reason", locale.problem(source.as_ref())),
                ]
            }
            StoreError::NoDataDir => vec![("variable", DATA_DIR_ENV.to_string())],
        }
    }
}

crate::i18n::english_display!(StoreError);

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Profile(e) => Some(e),
            StoreError::Unreadable { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
impl StoreError {
    /// One of each kind of workspace problem (profile problems are `ProfileError`'s).
    pub(crate) fn samples() -> Vec<Self> {
        use std::io::{Error, ErrorKind};
        let path = PathBuf::from("/home/maryam/marz/clients/acme.toml");
        let io = |kind: ErrorKind| StoreError::Io {
            path: path.clone(),
            source: Error::from(kind),
        };
        let all = vec![
            io(ErrorKind::NotFound),
            io(ErrorKind::PermissionDenied),
            io(ErrorKind::StorageFull),
            io(ErrorKind::Other),
            StoreError::Profile(ProfileError::Unreadable {
                file: path.clone(),
                detail: "Is a directory (os error 21)".into(),
            }),
            StoreError::NoSender(PathBuf::from("/home/maryam/marz/sender.toml")),
            StoreError::NoClient("acme".into()),
            StoreError::Unreadable {
                id: "acme".into(),
                source: Box::new(StoreError::Profile(ProfileError::Syntax {
                    file: path.clone(),
                    line: 2,
                    column: 8,
                    detail: "invalid string".into(),
                })),
            },
            StoreError::Exists("acme".into()),
            StoreError::BadId("Acme Ltd.".into()),
            StoreError::NoDataDir,
        ];
        for e in &all {
            match e {
                StoreError::Io { .. }
                | StoreError::Profile(_)
                | StoreError::NoSender(_)
                | StoreError::NoClient(_)
                | StoreError::Unreadable { .. }
                | StoreError::Exists(_)
                | StoreError::BadId(_)
                | StoreError::NoDataDir => {}
            }
        }
        all
    }
}

/// Why an image could not be made the owner's: it cannot be printed, or the workspace
/// cannot be written.
#[derive(Debug)]
pub enum ImageChangeError {
    Image(ImageError),
    Store(StoreError),
}

impl From<ImageError> for ImageChangeError {
    fn from(e: ImageError) -> Self {
        ImageChangeError::Image(e)
    }
}

impl From<StoreError> for ImageChangeError {
    fn from(e: StoreError) -> Self {
        ImageChangeError::Store(e)
    }
}

impl Problem for ImageChangeError {
    fn key(&self) -> &'static str {
        match self {
            ImageChangeError::Image(e) => e.key(),
            ImageChangeError::Store(e) => e.key(),
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            ImageChangeError::Image(e) => e.args(locale),
            ImageChangeError::Store(e) => e.args(locale),
        }
    }
}

crate::i18n::english_display!(ImageChangeError);

impl std::error::Error for ImageChangeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImageChangeError::Image(e) => Some(e),
            ImageChangeError::Store(e) => Some(e),
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The data directory: the explicit one, else `MARZ_DATA_DIR`, else the platform's.
pub fn resolve_data_dir(explicit: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "marz", "marz")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Clients that loaded, and the files that did not (each left as it is on disk).
#[derive(Debug, Default)]
pub struct ClientList {
    pub clients: Vec<Client>,
    pub problems: Vec<ProfileError>,
}

impl ClientList {
    /// The clients whose name, company, id or e-mail contains `query`, ignoring ی/ي, ک/ك,
    /// ZWNJ, spacing, digit script and case. An empty query matches everyone.
    pub fn search(&self, query: &str) -> Vec<&Client> {
        // Spaces go too: a space typed where the name has a ZWNJ («آرمان تجارت») matches.
        let key = |text: &str| crate::persian::search_key(text).replace(' ', "");
        let needle = key(query);
        self.clients
            .iter()
            .filter(|c| {
                needle.is_empty()
                    || [
                        Some(c.name.as_str()),
                        c.company.as_deref(),
                        Some(c.id.as_str()),
                        c.email.as_deref(),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|field| key(field).contains(&needle))
            })
            .collect()
    }

    /// An id for a new client called `name` that no client has yet: the name's Latin
    /// letters and digits (`sara-jones`), `client` for a name without any, then `-2`, `-3`…
    pub fn free_id(&self, name: &str) -> String {
        let base = crate::profile::suggest_id(name);
        let taken = |id: &str| self.clients.iter().any(|c| c.id == id);
        let mut id = base.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    pub fn get(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.id == id)
    }
}

/// The app's own preferences, kept in `settings.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The interface language (fa by default).
    #[serde(default)]
    pub ui_language: Lang,
}

#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// A store rooted at `root`. Nothing is created until something is written.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Store { root: root.into() }
    }

    /// Opens the store, creating the sample workspace when the directory is missing or empty.
    /// Returns whether the samples were created.
    pub fn open(root: impl Into<PathBuf>) -> Result<(Store, bool), StoreError> {
        let store = Store::new(root);
        let created = store.ensure_sample_workspace()?;
        store.remove_crash_leftovers();
        Ok((store, created))
    }

    /// Removes the temporary files of writes that a crash interrupted (older than an hour,
    /// so a write under way in another Marz is left alone) from every folder Marz writes.
    pub fn remove_crash_leftovers(&self) -> usize {
        let mut dirs = vec![self.root.clone(), self.clients_dir(), self.trash_dir()];
        dirs.extend(Lang::ALL.map(|lang| self.templates_dir(lang)));
        dirs.iter()
            .map(|dir| remove_stale_temp_files(dir, STALE_TEMP_AGE))
            .sum()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn sender_path(&self) -> PathBuf {
        self.root.join("sender.toml")
    }

    pub fn clients_dir(&self) -> PathBuf {
        self.root.join("clients")
    }

    pub fn client_path(&self, id: &str) -> PathBuf {
        self.clients_dir().join(format!("{id}.toml"))
    }

    pub fn templates_dir(&self, lang: Lang) -> PathBuf {
        self.root.join("templates").join(lang.code())
    }

    /// Opens the register of sent letters (`register.sqlite3`), creating it on first use.
    pub fn register(&self) -> Result<crate::register::Register, crate::register::RegisterError> {
        crate::register::Register::open(&self.root)
    }

    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    pub fn settings_path(&self) -> PathBuf {
        self.root.join("settings.toml")
    }

    /// The app's preferences; a missing or unreadable file gives the defaults (preferences
    /// are a convenience, and a damaged file must not stop the app).
    pub fn load_settings(&self) -> Settings {
        std::fs::read_to_string(self.settings_path())
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let text = toml::to_string(settings).expect("settings serialise");
        self.write_file(&self.settings_path(), &text)
    }

    fn is_empty(&self) -> bool {
        match std::fs::read_dir(&self.root) {
            Ok(mut entries) => entries.next().is_none(),
            Err(_) => true,
        }
    }

    /// Writes the sample sender and clients when the workspace is missing or empty.
    pub fn ensure_sample_workspace(&self) -> Result<bool, StoreError> {
        if !self.is_empty() {
            return Ok(false);
        }
        std::fs::create_dir_all(&self.root).map_err(io_error(&self.root))?;
        self.write_file(
            &self.sender_path(),
            &with_sample_header(&sample_sender().to_toml()),
        )?;
        for client in sample_clients() {
            self.write_file(
                &self.client_path(&client.id),
                &with_sample_header(&client.to_toml()),
            )?;
        }
        for (name, bytes) in SAMPLE_IMAGES {
            let path = self.root.join(name);
            atomic_write(&path, bytes).map_err(io_error(&path))?;
        }
        Ok(true)
    }

    fn write_file(&self, path: &Path, text: &str) -> Result<(), StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        atomic_write(path, text.as_bytes()).map_err(io_error(path))
    }

    pub fn load_sender(&self) -> Result<Sender, StoreError> {
        let path = self.sender_path();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NoSender(path));
            }
            Err(e) => return Err(io_error(&path)(e)),
        };
        Ok(Sender::from_toml(&text, &path)?)
    }

    pub fn save_sender(&self, sender: &Sender) -> Result<(), StoreError> {
        let mut sender = sender.clone();
        sender
            .normalize_and_validate()
            .map_err(|e| e.in_file(&self.sender_path()))?;
        self.write_file(&self.sender_path(), &sender.to_toml())
    }

    /// The letterhead, signature, stamp and logo named in `sender.toml`, read from the
    /// workspace (or absolute paths) and checked, with the margins and sizes to print them.
    pub fn load_stationery(&self, sender: &Sender) -> Result<Stationery, ImageError> {
        Stationery::load(sender, &self.root)
    }

    /// Makes the image at `source` the owner's `role` image: checks that it can be printed,
    /// copies it into the workspace (atomically, as `<role>.<ext>`, so the workspace keeps
    /// working if the original moves) and names the copy in `sender.toml`. Returns the
    /// sender as saved. Nothing changes if the image cannot be printed.
    pub fn set_image(&self, role: ImageRole, source: &Path) -> Result<Sender, ImageChangeError> {
        let artwork = Artwork::load(role, source)?;
        let mut sender = self.load_sender()?;
        let name = format!("{}.{}", role.field(), artwork.extension());
        let target = self.root.join(&name);
        atomic_write(&target, artwork.bytes()).map_err(io_error(&target))?;
        role.set_in(&mut sender, Some(name));
        self.save_sender(&sender)?;
        Ok(sender)
    }

    /// Takes the owner's `role` image off their letters (`sender.toml` no longer names it);
    /// the file itself stays where it is. Returns the sender as saved.
    pub fn remove_image(&self, role: ImageRole) -> Result<Sender, StoreError> {
        let mut sender = self.load_sender()?;
        role.set_in(&mut sender, None);
        self.save_sender(&sender)?;
        Ok(sender)
    }

    /// Every client file, sorted by name; unreadable files are listed as problems.
    pub fn load_clients(&self) -> Result<ClientList, StoreError> {
        let dir = self.clients_dir();
        let mut list = ClientList::default();
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(list),
            Err(e) => return Err(io_error(&dir)(e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            match read_client(&path) {
                Ok(c) => list.clients.push(c),
                Err(StoreError::Profile(p)) => list.problems.push(p),
                Err(e) => list.problems.push(ProfileError::Unreadable {
                    file: path.clone(),
                    detail: e.to_string(),
                }),
            }
        }
        list.clients
            .sort_by_key(|c| crate::persian::search_key(&c.name));
        Ok(list)
    }

    /// The file of the client `id`, which must be a valid id with a file.
    fn existing_client_path(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::BadId(id.to_string()));
        }
        let path = self.client_path(id);
        if !path.exists() {
            return Err(StoreError::NoClient(id.to_string()));
        }
        Ok(path)
    }

    pub fn load_client(&self, id: &str) -> Result<Client, StoreError> {
        let path = self.existing_client_path(id)?;
        read_client(&path)
    }

    /// Saves a client after validation. `replace` allows overwriting a readable client with
    /// the same id; an unreadable file is never overwritten.
    pub fn save_client(&self, client: &Client, replace: bool) -> Result<(), StoreError> {
        let mut client = client.clone();
        let path = self.client_path(&client.id);
        client
            .normalize_and_validate()
            .map_err(|e| e.in_file(&path))?;
        if path.exists() {
            match read_client(&path) {
                Ok(_) if !replace => return Err(StoreError::Exists(client.id)),
                Ok(_) => {}
                Err(e) => {
                    return Err(StoreError::Unreadable {
                        id: client.id,
                        source: Box::new(e),
                    });
                }
            }
        }
        self.write_file(&path, &client.to_toml())
    }

    /// Reads a profile file from anywhere, validates it, and stores it as a client.
    pub fn import_client(&self, file: &Path, replace: bool) -> Result<Client, StoreError> {
        let text = std::fs::read_to_string(file).map_err(io_error(file))?;
        let client = Client::from_toml(&text, file)?;
        self.save_client(&client, replace)?;
        Ok(client)
    }

    /// Moves a client's file into `trash/` (never erased), returning where it went.
    pub fn trash_client(&self, id: &str) -> Result<PathBuf, StoreError> {
        let path = self.existing_client_path(id)?;
        let trash = self.trash_dir();
        std::fs::create_dir_all(&trash).map_err(io_error(&trash))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut target = trash.join(format!("{id}-{stamp}.toml"));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = trash.join(format!("{id}-{stamp}-{n}.toml"));
        }
        std::fs::rename(&path, &target).map_err(io_error(&path))?;
        Ok(target)
    }
}

fn read_client(path: &Path) -> Result<Client, StoreError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    Ok(Client::from_toml(&text, path)?)
}

/// The sample letterhead, signature and stamp, made by `examples/sample_images.rs` from
/// `assets/sample/src/`; a new sample workspace gets copies that `sample_sender` names.
const SAMPLE_IMAGES: [(&str, &[u8]); 3] = [
    (
        "letterhead.png",
        include_bytes!("../assets/sample/letterhead.png"),
    ),
    (
        "signature.png",
        include_bytes!("../assets/sample/signature.png"),
    ),
    ("stamp.png", include_bytes!("../assets/sample/stamp.png")),
];

fn with_sample_header(toml: &str) -> String {
    format!("# Sample created by Marz on first run (نمونه). Edit it or delete it.\n{toml}")
}

/// The owner in the sample workspace.
pub fn sample_sender() -> Sender {
    Sender {
        name: "مریم رحیمی".to_string(),
        business: Some("استودیو طراحی نقش‌آفرین (نمونه)".to_string()),
        role: Some("مدیر استودیو".to_string()),
        email: Some("maryam@example.com".to_string()),
        phone: Some("021-88776655".to_string()),
        address: Some("خیابان ولیعصر، کوچه نسترن، پلاک ۱۲".to_string()),
        city: Some("تهران".to_string()),
        website: Some("naghsh.example.com".to_string()),
        letter_prefix: Some("NA".to_string()),
        logo: None,
        invocation: None,
        payment_details: Some(
            "بانک ملت، به نام مریم رحیمی (نمونه)\nشماره کارت: ۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸\nشبا: IR00 0120 0000 0000 1234 5678 90"
                .to_string(),
        ),
        name_en: Some("Maryam Rahimi".to_string()),
        business_en: Some("Naghsh-Afarin Design Studio (sample)".to_string()),
        role_en: Some("Studio Director".to_string()),
        address_en: Some("12 Nastaran Alley, Valiasr Street".to_string()),
        city_en: Some("Tehran".to_string()),
        payment_details_en: Some(
            "Bank transfer to Maryam Rahimi, Bank Mellat (sample)\nIBAN: IR00 0120 0000 0000 0000 0000 00".to_string(),
        ),
        letterhead: Some("letterhead.png".to_string()),
        signature: Some("signature.png".to_string()),
        stamp: Some("stamp.png".to_string()),
        ..Sender::default()
    }
}

/// Three sample clients: a company contact, a freelancer client, and an English one.
pub fn sample_clients() -> Vec<Client> {
    let note = "مشتری نمونه؛ آزادانه ویرایش یا حذف کنید.".to_string();
    let reza = Client {
        honorific: Honorific::Mr,
        title: Some("مدیرعامل".to_string()),
        company: Some("شرکت بازرگانی آرمان‌تجارت".to_string()),
        email: Some("reza.ahmadi@example.com".to_string()),
        phone: Some("0912-345-6789".to_string()),
        notes: Some(note.clone()),
        // Facts named like a template input pre-fill it: the open invoice of this client.
        facts: BTreeMap::from([
            ("contract".to_string(), "1404/127".to_string()),
            ("invoice".to_string(), "INV-2041".to_string()),
            ("amount".to_string(), "12500000".to_string()),
            ("due_date".to_string(), "1405/08/05".to_string()),
        ]),
        ..Client::new("sample-reza", "رضا احمدی")
    };
    let nazanin = Client {
        honorific: Honorific::Ms,
        email: Some("nazanin.karimi@example.com".to_string()),
        notes: Some(note),
        facts: BTreeMap::from([
            ("invoice".to_string(), "۱۴۰۵-۰۳۸".to_string()),
            ("amount".to_string(), "۴۸۰۰۰۰۰".to_string()),
            ("due_date".to_string(), "1405/08/10".to_string()),
        ]),
        ..Client::new("sample-nazanin", "نازنین کریمی")
    };
    let daniel = Client {
        honorific: Honorific::Mr,
        title: Some("Managing Director".to_string()),
        company: Some("Weber Design GmbH".to_string()),
        email: Some("daniel.weber@example.com".to_string()),
        notes: Some("Sample client: edit or delete it.".to_string()),
        language: Lang::En,
        currency: Currency::Eur,
        facts: BTreeMap::from([
            ("invoice".to_string(), "WD-2026-117".to_string()),
            ("amount".to_string(), "3450".to_string()),
            ("due_date".to_string(), "2026-11-01".to_string()),
        ]),
        ..Client::new("sample-daniel", "Daniel Weber")
    };
    vec![reza, nazanin, daniel]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("data"));
        (dir, store)
    }

    #[test]
    fn first_open_creates_a_sample_workspace_once() {
        let (_dir, store) = temp_store();
        let (store, created) = Store::open(store.root().to_path_buf()).unwrap();
        assert!(created);
        let sender = store.load_sender().unwrap();
        assert_eq!(sender, sample_sender());
        let list = store.load_clients().unwrap();
        assert!(list.problems.is_empty(), "{:?}", list.problems);
        assert_eq!(list.clients.len(), 3);
        assert!(list.clients.iter().any(|c| c.language == Lang::En));
        assert!(
            std::fs::read_to_string(store.client_path("sample-reza"))
                .unwrap()
                .contains("نمونه")
        );
        let (_, again) = Store::open(store.root().to_path_buf()).unwrap();
        assert!(!again);
    }

    #[test]
    fn a_non_empty_directory_gets_no_samples() {
        let (_dir, store) = temp_store();
        std::fs::create_dir_all(store.root()).unwrap();
        std::fs::write(store.root().join("notes.txt"), "mine").unwrap();
        assert!(!store.ensure_sample_workspace().unwrap());
        assert!(!store.sender_path().exists());
    }

    #[test]
    fn a_corrupt_client_is_reported_and_left_untouched() {
        let (_dir, store) = temp_store();
        store.ensure_sample_workspace().unwrap();
        let bad = store.client_path("broken");
        let garbage = "id = \"broken\"\nname = \"unterminated\n";
        std::fs::write(&bad, garbage).unwrap();
        let list = store.load_clients().unwrap();
        assert_eq!(list.clients.len(), 3, "the others still load");
        assert_eq!(list.problems.len(), 1);
        let message = list.problems[0].to_string();
        assert!(message.contains("broken.toml:2"), "{message}");

        // Saving over it is refused and the bytes stay as they were.
        let replacement = Client::new("broken", "Fixed");
        let err = store.save_client(&replacement, true).unwrap_err();
        assert!(matches!(err, StoreError::Unreadable { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&bad).unwrap(), garbage);
    }

    #[test]
    fn saving_requires_replace_for_an_existing_client() {
        let (_dir, store) = temp_store();
        let mut c = Client::new("ali", "علي");
        store.save_client(&c, false).unwrap();
        assert_eq!(store.load_client("ali").unwrap().name, "علی");
        c.name = "Ali".to_string();
        assert!(matches!(
            store.save_client(&c, false),
            Err(StoreError::Exists(_))
        ));
        store.save_client(&c, true).unwrap();
        assert_eq!(store.load_client("ali").unwrap().name, "Ali");
    }

    #[test]
    fn invalid_clients_are_not_saved() {
        let (_dir, store) = temp_store();
        let c = Client::new("ali", " ");
        assert!(store.save_client(&c, false).is_err());
        assert!(!store.client_path("ali").exists());
        assert!(matches!(
            store.load_client("../x"),
            Err(StoreError::BadId(_))
        ));
        assert!(matches!(
            store.load_client("nobody"),
            Err(StoreError::NoClient(_))
        ));
    }

    #[test]
    fn trash_moves_the_file() {
        let (_dir, store) = temp_store();
        store
            .save_client(&Client::new("ali", "Ali"), false)
            .unwrap();
        let moved = store.trash_client("ali").unwrap();
        assert!(!store.client_path("ali").exists());
        assert!(moved.starts_with(store.trash_dir()));
        assert!(std::fs::read_to_string(moved).unwrap().contains("Ali"));
    }

    #[test]
    fn settings_round_trip_and_default() {
        let (_dir, store) = temp_store();
        assert_eq!(store.load_settings().ui_language, Lang::Fa);
        store
            .save_settings(&Settings {
                ui_language: Lang::En,
            })
            .unwrap();
        assert_eq!(store.load_settings().ui_language, Lang::En);
        std::fs::write(store.settings_path(), "ui_language = 7").unwrap();
        assert_eq!(store.load_settings(), Settings::default());
    }

    #[test]
    fn opening_removes_what_a_crash_left_and_nothing_else() {
        let (_dir, store) = temp_store();
        store.ensure_sample_workspace().unwrap();
        let two_hours_ago = std::time::SystemTime::now() - STALE_TEMP_AGE * 2;
        let mut left = Vec::new();
        for dir in [store.root().to_path_buf(), store.clients_dir()] {
            let path = dir.join(".marz-Xy12Ab.tmp");
            std::fs::File::create(&path)
                .unwrap()
                .set_modified(two_hours_ago)
                .unwrap();
            left.push(path);
        }
        let fresh = store.clients_dir().join(".marz-Fresh1.tmp");
        std::fs::write(&fresh, "a save under way").unwrap();
        Store::open(store.root().to_path_buf()).unwrap();
        assert!(left.iter().all(|p| !p.exists()), "{left:?}");
        assert!(fresh.exists(), "a write under way is left alone");
        assert_eq!(store.load_clients().unwrap().clients.len(), 3);
    }

    #[test]
    fn search_and_free_ids() {
        let list = ClientList {
            clients: sample_clients(),
            problems: Vec::new(),
        };
        let ids = |q: &str| -> Vec<&str> { list.search(q).iter().map(|c| c.id.as_str()).collect() };
        assert_eq!(ids("رضا"), ["sample-reza"]);
        assert_eq!(ids("كريمي"), ["sample-nazanin"]); // Arabic kaf and yeh
        assert_eq!(ids("آرمانتجارت"), ["sample-reza"]); // no ZWNJ typed
        assert_eq!(ids("آرمان تجارت"), ["sample-reza"]); // a space for the ZWNJ
        assert_eq!(ids("WEBER"), ["sample-daniel"]);
        assert_eq!(ids("").len(), 3);
        assert!(ids("nobody").is_empty());
        assert_eq!(list.free_id("Sara Jones"), "sara-jones");
        assert_eq!(list.free_id("Sample Reza"), "sample-reza-2");
        let mut more = list.clients.clone();
        more.push(Client::new("client", "علی"));
        more.push(Client::new("client-2", "حسن"));
        let list = ClientList {
            clients: more,
            problems: Vec::new(),
        };
        assert_eq!(list.free_id("رضا"), "client-3");
    }

    #[test]
    fn an_image_is_checked_copied_named_and_removed() {
        let (dir, store) = temp_store();
        store.ensure_sample_workspace().unwrap();
        let outside = tempfile::tempdir().unwrap();
        // A stamp picked from elsewhere, with a name that is not the role's.
        let source = outside.path().join("مهر شرکت.png");
        let stamp = include_bytes!("../assets/sample/stamp.png");
        std::fs::write(&source, stamp).unwrap();
        let sender = store.set_image(ImageRole::LetterheadNext, &source).unwrap();
        assert_eq!(
            sender.letterhead_next.as_deref(),
            Some("letterhead_next.png")
        );
        let copy = dir.path().join("data/letterhead_next.png");
        assert_eq!(std::fs::read(&copy).unwrap(), stamp);
        // The copy is what the letters use, even once the original is gone.
        std::fs::remove_file(&source).unwrap();
        let saved = store.load_sender().unwrap();
        assert_eq!(saved, sender);
        assert_eq!(saved.name, sample_sender().name, "the rest is kept");
        let stationery = store.load_stationery(&saved).unwrap();
        assert_eq!(stationery.letterhead_next.unwrap().bytes(), stamp);

        // A file that is not an image changes nothing.
        let before = std::fs::read(store.sender_path()).unwrap();
        let text = outside.path().join("signature.png");
        std::fs::write(&text, "not a picture").unwrap();
        let e = store.set_image(ImageRole::Signature, &text).unwrap_err();
        assert!(
            matches!(&e, ImageChangeError::Image(ImageError::Unsupported { field: "signature", path }) if path == &text),
            "{e:?}"
        );
        assert!(e.to_string().contains("signature.png"), "{e}");
        let missing = outside.path().join("gone.jpg");
        assert!(matches!(
            store.set_image(ImageRole::Stamp, &missing),
            Err(ImageChangeError::Image(ImageError::Missing { .. }))
        ));
        assert_eq!(std::fs::read(store.sender_path()).unwrap(), before);
        assert_eq!(
            std::fs::read(dir.path().join("data/signature.png")).unwrap(),
            include_bytes!("../assets/sample/signature.png"),
            "the owner's signature is untouched"
        );

        // Removing takes it off the letters and leaves the file.
        let sender = store.remove_image(ImageRole::LetterheadNext).unwrap();
        assert_eq!(sender.letterhead_next, None);
        assert_eq!(store.load_sender().unwrap().letterhead_next, None);
        assert!(copy.exists());
        assert!(
            store
                .load_stationery(&sender)
                .unwrap()
                .letterhead_next
                .is_none()
        );
    }

    #[test]
    fn data_dir_prefers_the_explicit_one() {
        let dir = resolve_data_dir(Some(Path::new("/x/y"))).unwrap();
        assert_eq!(dir, PathBuf::from("/x/y"));
    }
}
