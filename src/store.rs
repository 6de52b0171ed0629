//! The workspace on disk: `sender.toml`, `clients/<id>.toml`, `templates/<lang>/`,
//! `history/` and `trash/`, all plain files the owner can read.

use crate::dates;
use crate::fsutil::atomic_write;
use crate::lang::Lang;
use crate::money::Currency;
use crate::numbers::localize_digits;
use crate::profile::{Client, Honorific, ProfileError, Sender, is_valid_id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The environment variable that names the data directory.
pub const DATA_DIR_ENV: &str = "MARZ_DATA_DIR";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(
        "{} is missing: create it with at least `name = \"Your name\"` (see the README)",
        .0.display()
    )]
    NoSender(PathBuf),
    #[error("no client with id `{0}`: run `marz clients list` to see the ids")]
    NoClient(String),
    #[error("client `{id}` cannot be read, so it is left untouched: {reason}")]
    Unreadable { id: String, reason: String },
    #[error(
        "a client with id `{0}` already exists: choose another id, or pass --replace to overwrite it"
    )]
    Exists(String),
    #[error("`{0}` is not a valid client id: use 1–64 characters of a-z, 0-9, `_` and `-`")]
    BadId(String),
    #[error(
        "sender.toml names the logo {}, which cannot be read ({reason}): fix the `logo` path or remove it",
        path.display()
    )]
    Logo { path: PathBuf, reason: String },
    #[error(
        "no data directory could be found for this user: pass --data-dir DIR or set {DATA_DIR_ENV}"
    )]
    NoDataDir,
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

/// One letter that left the app, kept in `history/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub number: String,
    pub date: String,
    pub client: String,
    pub template: String,
    pub lang: Lang,
    pub subject: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_to: Option<String>,
    pub text: String,
}

/// The app's own preferences, kept in `settings.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The interface language (fa by default).
    #[serde(default)]
    pub ui_language: Lang,
}

impl HistoryEntry {
    /// The record of `letter`, exported to `path`.
    pub fn of(letter: &crate::letter::Letter, path: &Path) -> Self {
        HistoryEntry {
            number: letter.number.clone(),
            date: dates::iso(letter.date),
            client: letter.client.clone(),
            template: letter.template.clone(),
            lang: letter.lang,
            subject: letter.subject.clone(),
            exported_to: Some(path.display().to_string()),
            text: letter.to_text(),
        }
    }
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
        Ok((store, created))
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

    pub fn history_dir(&self) -> PathBuf {
        self.root.join("history")
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

    /// The letterhead logo named in `sender.toml`, read from the data directory (or an
    /// absolute path).
    pub fn load_logo(&self, sender: &Sender) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(logo) = &sender.logo else {
            return Ok(None);
        };
        let path = self.root.join(logo);
        std::fs::read(&path)
            .map(Some)
            .map_err(|e| StoreError::Logo {
                path,
                reason: e.to_string(),
            })
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
                Err(e) => list.problems.push(ProfileError::Invalid {
                    file: path.clone(),
                    field: "(file)".to_string(),
                    message: e.to_string(),
                }),
            }
        }
        list.clients
            .sort_by_key(|c| crate::persian::search_key(&c.name));
        Ok(list)
    }

    pub fn load_client(&self, id: &str) -> Result<Client, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::BadId(id.to_string()));
        }
        let path = self.client_path(id);
        if !path.exists() {
            return Err(StoreError::NoClient(id.to_string()));
        }
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
                        reason: e.to_string(),
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
        if !is_valid_id(id) {
            return Err(StoreError::BadId(id.to_string()));
        }
        let path = self.client_path(id);
        if !path.exists() {
            return Err(StoreError::NoClient(id.to_string()));
        }
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

    /// The number the next letter gets: `PREFIX/YEAR/NNN`, counted per calendar year of the
    /// letter's language (Jalali for fa), with the digits of that language.
    pub fn next_letter_number(
        &self,
        prefix: Option<&str>,
        date: chrono::NaiveDate,
        lang: Lang,
    ) -> String {
        let year = match lang {
            Lang::Fa => dates::to_jalali(date).year,
            Lang::En => chrono::Datelike::year(&date),
        };
        let stem = match prefix {
            Some(p) => format!("{p}/{year}/"),
            None => format!("{year}/"),
        };
        let used = self
            .history()
            .iter()
            .filter(|h| crate::persian::to_ascii_digits(&h.number).starts_with(&stem))
            .count();
        localize_digits(&format!("{stem}{:03}", used + 1), lang)
    }

    /// Every letter in `history/`, oldest first. Unreadable entries are skipped: history is
    /// a record for the owner, and one damaged file must not stop the app.
    pub fn history(&self) -> Vec<HistoryEntry> {
        let Ok(entries) = std::fs::read_dir(self.history_dir()) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter_map(|t| toml::from_str(&t).ok())
            .collect()
    }

    /// Records a letter that was exported. The file name keeps history in time order.
    pub fn record(&self, entry: &HistoryEntry) -> Result<PathBuf, StoreError> {
        let dir = self.history_dir();
        let safe: String = crate::persian::to_ascii_digits(&entry.number)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let path = dir.join(format!("{stamp}-{safe}.toml"));
        let text = toml::to_string(entry).expect("a history entry always serialises");
        self.write_file(&path, &text)?;
        Ok(path)
    }
}

fn read_client(path: &Path) -> Result<Client, StoreError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    Ok(Client::from_toml(&text, path)?)
}

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
            // The شبا without spaces: after Persian words, a number in groups (or with
            // hyphens) is laid out in reverse order inside a right-to-left line.
            "بانک ملت، به نام مریم رحیمی (نمونه)\nشبا: IR000120000000000000000000".to_string(),
        ),
        name_en: Some("Maryam Rahimi".to_string()),
        business_en: Some("Naghsh-Afarin Design Studio (sample)".to_string()),
        role_en: Some("Studio Director".to_string()),
        address_en: Some("12 Nastaran Alley, Valiasr Street".to_string()),
        city_en: Some("Tehran".to_string()),
        payment_details_en: Some(
            "Bank transfer to Maryam Rahimi, Bank Mellat (sample)\nIBAN: IR00 0120 0000 0000 0000 0000 00".to_string(),
        ),
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
            ("due_date".to_string(), "1405/08/15".to_string()),
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
            ("due_date".to_string(), "1405/08/30".to_string()),
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
    fn letter_numbers_count_per_year_and_language() {
        let (_dir, store) = temp_store();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            store.next_letter_number(Some("NA"), date, Lang::Fa),
            "NA/۱۴۰۵/۰۰۱"
        );
        assert_eq!(store.next_letter_number(None, date, Lang::En), "2026/001");
        let entry = HistoryEntry {
            number: "NA/۱۴۰۵/۰۰۱".to_string(),
            date: "2026-11-22".to_string(),
            client: "ali".to_string(),
            template: "payment-1".to_string(),
            lang: Lang::Fa,
            subject: "یادآوری".to_string(),
            exported_to: None,
            text: "متن".to_string(),
        };
        store.record(&entry).unwrap();
        assert_eq!(store.history(), vec![entry]);
        assert_eq!(
            store.next_letter_number(Some("NA"), date, Lang::Fa),
            "NA/۱۴۰۵/۰۰۲"
        );
        assert_eq!(
            store.next_letter_number(Some("NA"), date, Lang::En),
            "NA/2026/001"
        );
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
    fn data_dir_prefers_the_explicit_one() {
        let dir = resolve_data_dir(Some(Path::new("/x/y"))).unwrap();
        assert_eq!(dir, PathBuf::from("/x/y"));
    }
}
