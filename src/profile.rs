//! The people in a letter: the owner who sends it (`Sender`) and the client who receives it
//! (`Client`), as stored in TOML files the owner can read and edit.

use crate::i18n::{Locale, Problem};
use crate::lang::Lang;
use crate::money::Currency;
use crate::persian;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How the letter addresses the recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Honorific {
    Mr,
    Ms,
    #[default]
    None,
}

impl Honorific {
    pub const ALL: [Honorific; 3] = [Honorific::Mr, Honorific::Ms, Honorific::None];

    /// «جناب آقای» / «سرکار خانم» in fa, "Mr" / "Ms" in en, empty for `none`.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Honorific::Mr, Lang::Fa) => "جناب آقای",
            (Honorific::Ms, Lang::Fa) => "سرکار خانم",
            (Honorific::Mr, Lang::En) => "Mr",
            (Honorific::Ms, Lang::En) => "Ms",
            (Honorific::None, _) => "",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Honorific::Mr => "mr",
            Honorific::Ms => "ms",
            Honorific::None => "none",
        }
    }
}

/// One client, stored as `clients/<id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub honorific: Honorific,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default)]
    pub language: Lang,
    #[serde(default)]
    pub currency: Currency,
    /// Free facts the owner can use in templates as `client.facts.KEY`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<String, String>,
}

/// The owner, stored as `sender.toml`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Prefix of letter numbers, e.g. `MZ` gives `MZ/1405/001`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_prefix: Option<String>,
    /// A logo image (PNG, JPEG or SVG) for the PDF letterhead; relative to the data directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// An invocation line printed at the top centre of PDF letters, e.g. «به نام خدا».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invocation: Option<String>,
    /// How to pay the owner (bank, card, شبا/IBAN), free text of one or more lines. Payment
    /// letters print it when their own `payment_details` input is left empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_details: Option<String>,
    /// How English letters give the name and address when the details above are written
    /// in Persian (`name_en = "Maryam Rahimi"`); each falls back to the field above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_details_en: Option<String>,
    /// The owner's letterhead (سربرگ), printed full-bleed behind every page of a PDF letter
    /// instead of the built-in header: an A4 PNG, JPEG or PDF (its first page), relative
    /// to the workspace or absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<String>,
    /// A letterhead for the second and following pages, where it differs from the first
    /// (without `letterhead`, the first page keeps the built-in header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead_next: Option<String>,
    /// Space kept clear of the letterhead's printed parts, in millimetres (see
    /// `PageLayout` for the defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin_top_mm: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin_bottom_mm: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin_side_mm: Option<f32>,
    /// A scan of the owner's signature (PNG with transparency, or JPEG), printed above
    /// their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_width_mm: Option<f32>,
    /// The business's stamp (مهر), printed overlapping the signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stamp_width_mm: Option<f32>,
}

impl Sender {
    /// The sender as a letter in `lang` presents them: in English letters the `*_en`
    /// fields where given, the main details elsewhere.
    pub fn for_letter(&self, lang: Lang) -> Sender {
        if lang != Lang::En {
            return self.clone();
        }
        let pick = |own: &Option<String>, main: &Option<String>| {
            own.as_ref()
                .filter(|v| !v.trim().is_empty())
                .or(main.as_ref())
                .cloned()
        };
        Sender {
            name: pick(&self.name_en, &Some(self.name.clone())).unwrap_or_default(),
            business: pick(&self.business_en, &self.business),
            role: pick(&self.role_en, &self.role),
            address: pick(&self.address_en, &self.address),
            city: pick(&self.city_en, &self.city),
            payment_details: pick(&self.payment_details_en, &self.payment_details),
            ..self.clone()
        }
    }
}

/// What is wrong with a profile file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// The file is not TOML, or a key is misspelt or has the wrong type; `detail` is the
    /// TOML reader's own (English) account.
    Syntax {
        file: PathBuf,
        line: usize,
        column: usize,
        detail: String,
    },
    /// A field's value is not allowed.
    Invalid { file: PathBuf, error: FieldError },
    /// The file could not be read at all.
    Unreadable { file: PathBuf, detail: String },
}

impl ProfileError {
    pub fn file(&self) -> &Path {
        match self {
            ProfileError::Syntax { file, .. }
            | ProfileError::Invalid { file, .. }
            | ProfileError::Unreadable { file, .. } => file,
        }
    }
}

/// What is wrong with one field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    Email(String),
    Id(String),
    /// A fact's key that templates could not use.
    Key(String),
    Prefix(String),
    /// A size in millimetres (`margin_top_mm`, `stamp_width_mm`…) outside what an A4 page
    /// allows; `value` as written, `min` and `max` the limits of that field.
    Size {
        value: String,
        min: u16,
        max: u16,
    },
    /// A client file whose id is not its file name.
    IdNotFileName {
        id: String,
        stem: String,
    },
}

/// Which field is wrong and why, before a file name is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's key in the file (`email`, `letter_prefix`).
    pub field: String,
    pub problem: FieldProblem,
}

impl FieldError {
    fn new(field: &str, problem: FieldProblem) -> Self {
        FieldError {
            field: field.to_string(),
            problem,
        }
    }

    pub fn in_file(self, file: &Path) -> ProfileError {
        ProfileError::Invalid {
            file: file.to_path_buf(),
            error: self,
        }
    }
}

impl Problem for FieldError {
    fn key(&self) -> &'static str {
        match self.problem {
            FieldProblem::Required => "invalid-required",
            FieldProblem::Email(_) => "invalid-email",
            FieldProblem::Id(_) => "invalid-id",
            FieldProblem::Key(_) => "invalid-key",
            FieldProblem::Prefix(_) => "invalid-prefix",
            FieldProblem::Size { .. } => "invalid-size",
            FieldProblem::IdNotFileName { .. } => "invalid-id-not-file-name",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match &self.problem {
            FieldProblem::Required => Vec::new(),
            FieldProblem::Email(v)
            | FieldProblem::Id(v)
            | FieldProblem::Key(v)
            | FieldProblem::Prefix(v) => vec![("value", v.clone())],
            FieldProblem::Size { value, min, max } => vec![
                ("value", locale.number(value)),
                ("min", locale.number(min)),
                ("max", locale.number(max)),
            ],
            FieldProblem::IdNotFileName { id, stem } => {
                vec![("value", id.clone()), ("file", format!("{stem}.toml"))]
            }
        }
    }
}

impl Problem for ProfileError {
    fn key(&self) -> &'static str {
        match self {
            ProfileError::Syntax { .. } => "error-profile-syntax",
            ProfileError::Invalid { .. } => "error-profile-invalid",
            ProfileError::Unreadable { .. } => "error-profile-unreadable",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        let file = ("file", self.file().display().to_string());
        match self {
            ProfileError::Syntax {
                line,
                column,
                detail,
                ..
            } => vec![
                file,
                ("line", locale.number(line)),
                ("column", locale.number(column)),
                ("detail", detail.clone()),
            ],
            ProfileError::Invalid { error, .. } => vec![
                file,
                ("field", error.field.clone()),
                ("reason", locale.problem(error)),
            ],
            ProfileError::Unreadable { detail, .. } => vec![file, ("detail", detail.clone())],
        }
    }
}

crate::i18n::english_display!(FieldError, ProfileError);
impl std::error::Error for FieldError {}
impl std::error::Error for ProfileError {}

#[cfg(test)]
impl ProfileError {
    /// One of each kind of profile and field problem.
    pub(crate) fn samples() -> Vec<Self> {
        let file = PathBuf::from("/home/maryam/marz/clients/acme.toml");
        let fields = [
            FieldProblem::Required,
            FieldProblem::Email("maryam at example".into()),
            FieldProblem::Id("Acme Ltd.".into()),
            FieldProblem::Key("due date".into()),
            FieldProblem::Prefix("M Z".into()),
            FieldProblem::Size {
                value: "200".into(),
                min: 10,
                max: 90,
            },
            FieldProblem::IdNotFileName {
                id: "acme".into(),
                stem: "acme-ltd".into(),
            },
        ];
        let mut all: Vec<ProfileError> = fields
            .into_iter()
            .map(|p| FieldError::new("email", p).in_file(&file))
            .collect();
        all.push(ProfileError::Syntax {
            file: file.clone(),
            line: 3,
            column: 12,
            detail: "invalid string".into(),
        });
        all.push(ProfileError::Unreadable {
            file,
            detail: "Permission denied (os error 13)".into(),
        });
        for e in &all {
            match e {
                ProfileError::Syntax { .. }
                | ProfileError::Unreadable { .. }
                | ProfileError::Invalid {
                    error:
                        FieldError {
                            problem:
                                FieldProblem::Required
                                | FieldProblem::Email(_)
                                | FieldProblem::Id(_)
                                | FieldProblem::Key(_)
                                | FieldProblem::Prefix(_)
                                | FieldProblem::Size { .. }
                                | FieldProblem::IdNotFileName { .. },
                            ..
                        },
                    ..
                } => {}
            }
        }
        all
    }
}

/// True for a valid client id: 1–64 characters of `a-z`, `0-9`, `_` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Makes an id from a name: Latin letters and digits kept, the rest dashed; a Persian name
/// gives `client` (the caller adds a number to make it unique).
pub fn suggest_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_matches('-');
    let id: String = id.chars().take(48).collect();
    if id.is_empty() {
        "client".to_string()
    } else {
        id
    }
}

fn normalize_opt(value: &mut Option<String>) {
    if let Some(v) = value {
        let trimmed = persian::normalize(v.trim());
        *value = if trimmed.is_empty() {
            None
        } else {
            Some(trimmed)
        };
    }
}

fn check_email(field: &str, email: &Option<String>) -> Result<(), FieldError> {
    if let Some(e) = email {
        let ok = e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.chars().any(char::is_whitespace)
        });
        if !ok {
            return Err(FieldError::new(field, FieldProblem::Email(e.clone())));
        }
    }
    Ok(())
}

impl Client {
    /// A new client with only the required fields.
    pub fn new(id: &str, name: &str) -> Self {
        Client {
            id: id.to_string(),
            name: name.to_string(),
            honorific: Honorific::None,
            title: None,
            company: None,
            email: None,
            phone: None,
            notes: None,
            language: Lang::Fa,
            currency: Currency::Toman,
            facts: BTreeMap::new(),
        }
    }

    /// Normalises text (Arabic forms, surrounding spaces) and checks every field.
    pub fn normalize_and_validate(&mut self) -> Result<(), FieldError> {
        self.id = self.id.trim().to_string();
        self.name = persian::normalize(self.name.trim());
        for field in [
            &mut self.title,
            &mut self.company,
            &mut self.email,
            &mut self.phone,
            &mut self.notes,
        ] {
            normalize_opt(field);
        }
        self.facts = std::mem::take(&mut self.facts)
            .into_iter()
            .map(|(k, v)| (k.trim().to_string(), persian::normalize(&v)))
            .collect();
        if !is_valid_id(&self.id) {
            return Err(FieldError::new("id", FieldProblem::Id(self.id.clone())));
        }
        if self.name.is_empty() {
            return Err(FieldError::new("name", FieldProblem::Required));
        }
        check_email("email", &self.email)?;
        if let Some(bad) = self.facts.keys().find(|k| !is_fact_key(k)) {
            return Err(FieldError::new("facts", FieldProblem::Key(bad.clone())));
        }
        Ok(())
    }

    /// Parses and validates the text of `clients/<id>.toml`; `file` names it in errors and
    /// its stem must equal the id.
    pub fn from_toml(text: &str, file: &Path) -> Result<Client, ProfileError> {
        let mut client: Client = parse_toml(text, file)?;
        client
            .normalize_and_validate()
            .map_err(|e| e.in_file(file))?;
        if let Some(stem) = file.file_stem().and_then(|s| s.to_str())
            && file.extension().is_some_and(|e| e == "toml")
            && stem != client.id
            && file.parent().is_some_and(|p| p.ends_with("clients"))
        {
            return Err(FieldError::new(
                "id",
                FieldProblem::IdNotFileName {
                    id: client.id.clone(),
                    stem: stem.to_string(),
                },
            )
            .in_file(file));
        }
        Ok(client)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a client always serialises")
    }

    /// Name as the recipient block writes it, with the honorific: «جناب آقای رضا احمدی».
    pub fn addressed_name(&self, lang: Lang) -> String {
        let title = self.honorific.title(lang);
        if title.is_empty() {
            self.name.clone()
        } else {
            format!("{title} {}", self.name)
        }
    }
}

fn is_fact_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// What the page sizes in `sender.toml` may be, in millimetres: top and bottom margins,
/// side margins, and the printed width of the signature and the stamp. The limits keep a
/// usable text area on an A4 page (210 × 297 mm).
const MARGIN_MM: std::ops::RangeInclusive<f32> = 0.0..=110.0;
const SIDE_MM: std::ops::RangeInclusive<f32> = 0.0..=60.0;
const IMAGE_MM: std::ops::RangeInclusive<f32> = 10.0..=90.0;

impl Sender {
    pub fn normalize_and_validate(&mut self) -> Result<(), FieldError> {
        self.name = persian::normalize(self.name.trim());
        for field in [
            &mut self.business,
            &mut self.role,
            &mut self.email,
            &mut self.phone,
            &mut self.address,
            &mut self.city,
            &mut self.website,
            &mut self.letter_prefix,
            &mut self.logo,
            &mut self.invocation,
            &mut self.letterhead,
            &mut self.letterhead_next,
            &mut self.signature,
            &mut self.stamp,
            &mut self.payment_details,
            &mut self.payment_details_en,
        ] {
            normalize_opt(field);
        }
        for (field, value, range) in [
            ("margin_top_mm", self.margin_top_mm, MARGIN_MM),
            ("margin_bottom_mm", self.margin_bottom_mm, MARGIN_MM),
            ("margin_side_mm", self.margin_side_mm, SIDE_MM),
            ("signature_width_mm", self.signature_width_mm, IMAGE_MM),
            ("stamp_width_mm", self.stamp_width_mm, IMAGE_MM),
        ] {
            if let Some(v) = value
                && !range.contains(&v)
            {
                return Err(FieldError::new(
                    field,
                    FieldProblem::Size {
                        value: v.to_string(),
                        min: *range.start() as u16,
                        max: *range.end() as u16,
                    },
                ));
            }
        }

        if self.name.is_empty() {
            return Err(FieldError::new("name", FieldProblem::Required));
        }
        check_email("email", &self.email)?;
        if let Some(prefix) = &self.letter_prefix
            && prefix.chars().any(|c| c.is_whitespace() || c == '/')
        {
            return Err(FieldError::new(
                "letter_prefix",
                FieldProblem::Prefix(prefix.clone()),
            ));
        }
        Ok(())
    }

    pub fn from_toml(text: &str, file: &Path) -> Result<Sender, ProfileError> {
        let mut sender: Sender = parse_toml(text, file)?;
        sender
            .normalize_and_validate()
            .map_err(|e| e.in_file(file))?;
        Ok(sender)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a sender always serialises")
    }
}

/// Deserialises TOML, turning the parser's byte span into a line and column.
fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, file: &Path) -> Result<T, ProfileError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|span| line_column(text, span.start))
            .unwrap_or((1, 1));
        ProfileError::Syntax {
            file: file.to_path_buf(),
            line,
            column,
            detail: e.message().trim().to_string(),
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> PathBuf {
        PathBuf::from("/data/clients/reza.toml")
    }

    #[test]
    fn parses_a_full_client() {
        let text = r#"
id = "reza"
name = "رضا احمدي"
honorific = "mr"
company = "شركت آلفا"
email = "reza@example.com"
language = "fa"
currency = "rial"

[facts]
contract = "قرارداد ۱۲"
"#;
        let c = Client::from_toml(text, &path()).unwrap();
        assert_eq!(c.name, "رضا احمدی");
        assert_eq!(c.company.as_deref(), Some("شرکت آلفا"));
        assert_eq!(c.honorific, Honorific::Mr);
        assert_eq!(c.currency, Currency::Rial);
        assert_eq!(c.facts["contract"], "قرارداد ۱۲");
        assert_eq!(c.addressed_name(Lang::Fa), "جناب آقای رضا احمدی");
    }

    #[test]
    fn defaults_apply_to_missing_fields() {
        let c = Client::from_toml("id = \"reza\"\nname = \"Reza\"\n", &path()).unwrap();
        assert_eq!(c.honorific, Honorific::None);
        assert_eq!(c.language, Lang::Fa);
        assert_eq!(c.currency, Currency::Toman);
        assert_eq!(c.addressed_name(Lang::En), "Reza");
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let text = "id = \"reza\"\nname = \"Reza\nemail = 3\n";
        match Client::from_toml(text, &path()) {
            Err(ProfileError::Syntax { line, file, .. }) => {
                assert_eq!(line, 2);
                assert_eq!(file, path());
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn wrong_values_are_reported_by_field() {
        let e = Client::from_toml(
            "id = \"reza\"\nname = \"R\"\nhonorific = \"sir\"\n",
            &path(),
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("reza.toml:3"), "{text}");
        assert!(text.contains("sir"), "{text}");

        let e = Client::from_toml("id = \"reza\"\nname = \"  \"\n", &path()).unwrap_err();
        assert!(matches!(e, ProfileError::Invalid { ref error, .. } if error.field == "name"));

        let e = Client::from_toml("id = \"reza\"\nname = \"R\"\nemail = \"nope\"\n", &path())
            .unwrap_err();
        assert!(matches!(e, ProfileError::Invalid { ref error, .. } if error.field == "email"));

        let e = Client::from_toml("id = \"reza\"\nname = \"R\"\nage = 3\n", &path()).unwrap_err();
        assert!(e.to_string().contains("age"), "{e}");
    }

    #[test]
    fn id_rules() {
        assert!(is_valid_id("reza_ahmadi-2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Reza"));
        assert!(!is_valid_id("رضا"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(is_valid_id(&"a".repeat(64)));
        let e =
            Client::from_toml("id = \"Bad Id\"\nname = \"R\"\n", Path::new("x.toml")).unwrap_err();
        assert!(matches!(e, ProfileError::Invalid { ref error, .. } if error.field == "id"));
    }

    #[test]
    fn id_must_match_file_name_in_clients_dir() {
        let e = Client::from_toml("id = \"other\"\nname = \"R\"\n", &path()).unwrap_err();
        assert!(e.to_string().contains("does not match"), "{e}");
        // An import file elsewhere may have any name.
        assert!(
            Client::from_toml("id = \"other\"\nname = \"R\"\n", Path::new("/tmp/new.toml")).is_ok()
        );
    }

    #[test]
    fn suggests_ids() {
        assert_eq!(suggest_id("Sara Jones & Co."), "sara-jones-co");
        assert_eq!(suggest_id("رضا احمدی"), "client");
    }

    #[test]
    fn round_trips_through_toml_keeping_zwnj() {
        let mut c = Client::new("nika", "نیکا");
        c.notes = Some("می\u{200C}خواهد فاکتور رسمی".to_string());
        let back = Client::from_toml(&c.to_toml(), Path::new("/d/clients/nika.toml")).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn sender_needs_a_name_and_a_clean_prefix() {
        let s = Sender::from_toml(
            "name = \"مريم\"\nletter_prefix = \"MZ\"\n",
            Path::new("sender.toml"),
        )
        .unwrap();
        assert_eq!(s.name, "مریم");
        assert!(Sender::from_toml("business = \"x\"\n", Path::new("sender.toml")).is_err());
        let e = Sender::from_toml(
            "name = \"a\"\nletter_prefix = \"M Z\"\n",
            Path::new("sender.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("letter_prefix"), "{e}");
    }

    #[test]
    fn english_letters_use_the_english_names_where_given() {
        let text = "name = \"مریم رحیمی\"\nrole = \"مدیر\"\ncity = \"تهران\"\n\
                    email = \"m@example.com\"\nname_en = \"Maryam Rahimi\"\n\
                    city_en = \"  \"\n\
                    payment_details = \"بانک ملت\\nشبا: IR000000\"\n\
                    payment_details_en = \"IBAN: IR000000\"\n";
        let s = Sender::from_toml(text, Path::new("sender.toml")).unwrap();
        let en = s.for_letter(Lang::En);
        assert_eq!(en.name, "Maryam Rahimi");
        // Not given, or blank: the main details stand.
        assert_eq!(en.role.as_deref(), Some("مدیر"));
        assert_eq!(en.city.as_deref(), Some("تهران"));
        assert_eq!(en.email.as_deref(), Some("m@example.com"));
        assert_eq!(en.payment_details.as_deref(), Some("IBAN: IR000000"));
        assert_eq!(
            s.for_letter(Lang::Fa).payment_details.as_deref(),
            Some("بانک ملت\nشبا: IR000000"),
            "several lines are kept"
        );
        assert_eq!(
            s.for_letter(Lang::Fa),
            s,
            "Persian letters use the main details"
        );
        // Written back and read again, the English names survive.
        let back = Sender::from_toml(&s.to_toml(), Path::new("sender.toml")).unwrap();
        assert_eq!(back.for_letter(Lang::En).name, "Maryam Rahimi");
        // A misspelt key is named with its line.
        let e = Sender::from_toml("name = \"a\"\nname_fr = \"b\"\n", Path::new("sender.toml"))
            .unwrap_err();
        assert!(e.to_string().contains("sender.toml:2"), "{e}");
        assert!(e.to_string().contains("name_fr"), "{e}");
    }

    #[test]
    fn page_sizes_are_checked_and_old_files_still_load() {
        // A sender.toml from before letterheads: every new field has its default.
        let old = Sender::from_toml(
            "name = \"مریم\"\nlogo = \"logo.png\"\n",
            Path::new("sender.toml"),
        )
        .unwrap();
        assert_eq!(old.letterhead, None);
        assert_eq!(old.margin_top_mm, None);
        let text = "name = \"a\"\nletterhead = \"head.jpg\"\nmargin_top_mm = 50\n\
                    stamp = \" stamp.png \"\nstamp_width_mm = 35.5\n";
        let s = Sender::from_toml(text, Path::new("sender.toml")).unwrap();
        assert_eq!(s.margin_top_mm, Some(50.0));
        assert_eq!(s.stamp.as_deref(), Some("stamp.png"));
        assert_eq!(s.stamp_width_mm, Some(35.5));
        let back = Sender::from_toml(&s.to_toml(), Path::new("sender.toml")).unwrap();
        assert_eq!(back, s);
        for bad in [
            "margin_side_mm = 70",
            "margin_bottom_mm = -1",
            "signature_width_mm = 5",
            "stamp_width_mm = nan",
        ] {
            let e = Sender::from_toml(&format!("name = \"a\"\n{bad}\n"), Path::new("sender.toml"))
                .unwrap_err();
            let field = bad.split(' ').next().unwrap();
            assert!(
                matches!(&e, ProfileError::Invalid { error, .. } if error.field == field),
                "{bad}: {e}"
            );
        }
        let mut s = Sender {
            name: "a".to_string(),
            signature_width_mm: Some(200.0),
            ..Sender::default()
        };
        let e = s.normalize_and_validate().unwrap_err();
        assert_eq!(e.field, "signature_width_mm");
        assert_eq!(
            e.problem,
            FieldProblem::Size {
                value: "200".into(),
                min: 10,
                max: 90
            }
        );
        assert_eq!(
            e.to_string(),
            "200 mm is out of range: give a size from 10 to 90 mm."
        );
        assert_eq!(
            crate::bidi::strip(&Locale::get(crate::Lang::Fa).problem(&e)),
            "۲۰۰ میلی‌متر بیرون از اندازه پذیرفتنی است؛ عددی از ۱۰ تا ۹۰ میلی‌متر بنویسید."
        );
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("سلام\nx", 9), (2, 1));
    }
}
