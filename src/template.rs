//! Letter templates: `templates/<lang>/<id>.tera` files with TOML front matter between two
//! `+++` lines and a Tera body. Built-in templates are compiled into the binary; files in the
//! data directory add to them or replace a built-in with the same id.

use crate::lang::Lang;
use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

/// The situations Marz writes for, in the order the writing guide gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    Respect,
    Payment,
    PriceIncrease,
    Scope,
    Discount,
    /// A reply to a complaint or a public review, or to a demand for a refund after delivery.
    Complaint,
    Boundary,
    ServiceChange,
    Termination,
    FollowUp,
}

impl Scenario {
    pub const ALL: [Scenario; 10] = [
        Scenario::Respect,
        Scenario::Payment,
        Scenario::PriceIncrease,
        Scenario::Scope,
        Scenario::Discount,
        Scenario::Complaint,
        Scenario::Boundary,
        Scenario::ServiceChange,
        Scenario::Termination,
        Scenario::FollowUp,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Scenario::Respect => "respect",
            Scenario::Payment => "payment",
            Scenario::PriceIncrease => "price-increase",
            Scenario::Scope => "scope",
            Scenario::Discount => "discount",
            Scenario::Complaint => "complaint",
            Scenario::Boundary => "boundary",
            Scenario::ServiceChange => "service-change",
            Scenario::Termination => "termination",
            Scenario::FollowUp => "follow-up",
        }
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a form field holds, and so which widget asks for it and how it is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Text,
    Multiline,
    Money,
    Number,
    Date,
    Days,
    Choice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    #[serde(default)]
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputSpec {
    pub name: String,
    pub label: String,
    pub kind: InputKind,
    #[serde(default = "yes")]
    pub required: bool,
    /// Text as a user would type it; for dates also `+N` (N days after the letter date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// What to type, with an example, shown with the label on the form («عبارتی کوتاه،
    /// مثلاً: …»); the label itself stays short, since a letter being filled in shows it as
    /// the input's placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// For number, money and days inputs: the lowest and the highest value allowed
    /// (`range = [2, 60]`); a value must then be a whole number within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[u64; 2]>,
    /// For date inputs: what this date cannot fall before, by name: another date input of
    /// the template, or `letter` (the letter date). `not_before = ["due_date"]` on a
    /// previous reminder: a reminder of an invoice is not sent before it is due. Only an
    /// order that cannot happen belongs here; a value that breaks it is refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_before: Vec<String>,
    /// For date inputs: what this date cannot fall after (`not_after = ["letter"]` on the
    /// date of something that has already happened).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_after: Vec<String>,
    /// For number and money inputs: another such input this value must stay below
    /// (`below = ["amount"]` on a part payment: paying the whole invoice is not a part
    /// payment, and the letter would state a remaining balance of nothing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub below: Vec<String>,
    /// Whether a letter that follows another in its thread starts from the earlier letter's
    /// value (`carry = false` on what describes one event, such as the incident a warning is
    /// about: a second warning is about a new one, and an old value left in place would
    /// send the wrong letter).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub carry: bool,
}

/// The letter date, as `not_before` and `not_after` name it.
pub const LETTER_DATE: &str = "letter";

impl InputSpec {
    /// Whether this is a date the client acts by or from, after the letter (a deadline, a
    /// last day, a first instalment): one that falls on their day off deserves a second look.
    pub fn looks_ahead(&self) -> bool {
        // A date held after another (a balance due after the last day) or given as days
        // from the letter looks ahead, unless it cannot fall after the letter (a payment
        // received, a reminder sent).
        self.kind == InputKind::Date
            && !self.not_after.iter().any(|n| n == LETTER_DATE)
            && (!self.not_before.is_empty()
                || self.default.as_deref().is_some_and(|d| d.starts_with('+')))
    }
}

fn is_yes(b: &bool) -> bool {
    *b
}

fn yes() -> bool {
    true
}

/// The front matter of a template file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub id: String,
    pub title: String,
    pub scenario: Scenario,
    /// The step on the scenario's ladder of firmness (1–3), for letters that escalate; none
    /// for a letter that stands beside the ladder (an instalment plan, a variant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// A Tera string rendered with the same context as the body.
    pub subject: String,
    pub description: String,
    /// Replaces the frame's default greeting (a Tera string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greeting: Option<String>,
    /// Replaces the frame's default closing (a Tera string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    #[serde(default)]
    pub inputs: Vec<InputSpec>,
    /// Days after the letter date to follow the matter up when the letter has no deadline
    /// input; absent: a default for the scenario and level (`Template::follow_up_days`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_days: Option<u32>,
}

/// Date inputs that hold the date by which the reader is asked to act (or the work ends):
/// a letter's follow-up date is that date.
pub const DEADLINE_INPUTS: [&str; 9] = [
    "deadline",
    "new_deadline",
    "reply_by",
    "respond_by",
    "pay_by",
    "rest_by",
    "first_due",
    "valid_until",
    "end_date",
];

/// Follow-up days for a template without a deadline input or `follow_up_days`: a friendly
/// first letter gets more time than a firm one.
pub fn default_follow_up_days(scenario: Scenario, level: Option<u8>) -> u32 {
    match (scenario, level) {
        (Scenario::Payment, Some(1) | None) => 10,
        (Scenario::Payment, _) => 7,
        (Scenario::Scope | Scenario::Discount | Scenario::Complaint | Scenario::FollowUp, _) => 7,
        (
            Scenario::Respect
            | Scenario::PriceIncrease
            | Scenario::Boundary
            | Scenario::ServiceChange
            | Scenario::Termination,
            _,
        ) => 14,
    }
}

/// Where a template came from, for messages and for the override rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn(PathBuf),
    File(PathBuf),
}

impl Origin {
    /// The path to show a person: `templates/fa/payment-3.tera` or the user's file.
    pub fn path(&self) -> &Path {
        match self {
            Origin::BuiltIn(p) | Origin::File(p) => p,
        }
    }

    pub fn is_built_in(&self) -> bool {
        matches!(self, Origin::BuiltIn(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub meta: FrontMatter,
    pub lang: Lang,
    pub body: String,
    pub origin: Origin,
    /// Line of the file on which the body starts (1-based), to place body errors.
    pub body_line: usize,
}

/// What is wrong with a template file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", file.display())]
pub struct TemplateError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl TemplateError {
    fn at(file: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        TemplateError {
            file: file.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }
}

const FENCE: &str = "+++";

impl Template {
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// Sort key: scenario, then laddered letters by level, then the rest, then id.
    fn order(&self) -> (Scenario, u8, &str) {
        (
            self.meta.scenario,
            self.meta.level.unwrap_or(u8::MAX),
            &self.meta.id,
        )
    }

    pub fn input(&self, name: &str) -> Option<&InputSpec> {
        self.meta.inputs.iter().find(|i| i.name == name)
    }

    /// The date input that is this letter's deadline, if it has one.
    pub fn deadline_input(&self) -> Option<&InputSpec> {
        self.meta
            .inputs
            .iter()
            .find(|i| i.kind == InputKind::Date && DEADLINE_INPUTS.contains(&i.name.as_str()))
    }

    /// Days to wait for an answer when the letter has no deadline.
    pub fn follow_up_days(&self) -> u32 {
        self.meta
            .follow_up_days
            .unwrap_or_else(|| default_follow_up_days(self.meta.scenario, self.meta.level))
    }

    /// The follow-up date of a letter of `date` with these input values (`YYYY-MM-DD` for
    /// dates): its deadline when it has one, else `follow_up_days` later.
    pub fn follow_up(
        &self,
        date: chrono::NaiveDate,
        inputs: &BTreeMap<String, String>,
    ) -> chrono::NaiveDate {
        self.deadline_input()
            .and_then(|spec| inputs.get(&spec.name))
            .and_then(|value| crate::dates::parse(value).ok())
            .unwrap_or_else(|| date + chrono::Days::new(u64::from(self.follow_up_days())))
    }

    /// Parses a template file's text. `origin` names it in errors; its file stem must equal
    /// the `id`.
    pub fn parse(text: &str, lang: Lang, origin: Origin) -> Result<Template, TemplateError> {
        let file = origin.path().to_path_buf();
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut lines = text.split_inclusive('\n');
        let first = lines.next().unwrap_or("");
        if first.trim_end() != FENCE {
            return Err(TemplateError::at(
                &file,
                1,
                1,
                "a template starts with a `+++` line, then TOML front matter, then another `+++` line",
            ));
        }
        let mut offset = first.len();
        let mut front_end = None;
        let mut line_no = 1;
        for line in lines {
            line_no += 1;
            if line.trim_end() == FENCE {
                front_end = Some((offset, offset + line.len()));
                break;
            }
            offset += line.len();
        }
        let Some((front_stop, body_start)) = front_end else {
            return Err(TemplateError::at(
                &file,
                line_no,
                1,
                "the front matter is not closed: add a `+++` line before the body",
            ));
        };
        let front = &text[first.len()..front_stop];
        let meta: FrontMatter = toml::from_str(front).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| crate::profile::line_column(front, s.start))
                .unwrap_or((1, 1));
            TemplateError::at(&file, line + 1, column, e.message().trim())
        })?;
        let template = Template {
            meta,
            lang,
            body: text[body_start..].to_string(),
            origin,
            body_line: line_no + 1,
        };
        template.validate()?;
        Ok(template)
    }

    fn validate(&self) -> Result<(), TemplateError> {
        let file = self.origin.path();
        let fail = |message: String| Err(TemplateError::at(file, 1, 1, message));
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != self.meta.id {
            return fail(format!(
                "the id `{}` does not match the file name `{stem}.tera`",
                self.meta.id
            ));
        }
        if !crate::profile::is_valid_id(&self.meta.id) {
            return fail(format!(
                "`{}` is not a valid id: use a-z, 0-9, `_` and `-`",
                self.meta.id
            ));
        }
        if let Some(level) = self.meta.level
            && !(1..=3).contains(&level)
        {
            return fail(format!("level is {level}: use 1, 2 or 3, or leave it out"));
        }
        let mut seen = std::collections::BTreeSet::new();
        for input in &self.meta.inputs {
            let valid_name = !input.name.is_empty()
                && input
                    .name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !input.name.starts_with(|c: char| c.is_ascii_digit());
            if !valid_name {
                return fail(format!(
                    "input name `{}` must use a-z, 0-9 and `_`, starting with a letter",
                    input.name
                ));
            }
            if !seen.insert(input.name.as_str()) {
                return fail(format!("input `{}` is declared twice", input.name));
            }
            if input.kind == InputKind::Choice && input.choices.is_empty() {
                return fail(format!("choice input `{}` needs `choices`", input.name));
            }
            for other in input.not_before.iter().chain(&input.not_after) {
                let names_a_date = other == LETTER_DATE
                    || (other != &input.name
                        && self
                            .meta
                            .inputs
                            .iter()
                            .any(|i| &i.name == other && i.kind == InputKind::Date));
                if input.kind != InputKind::Date || !names_a_date {
                    return fail(format!(
                        "input `{}`: `not_before` and `not_after` are for date inputs and name \
                         another date input or `{LETTER_DATE}`, not `{other}`",
                        input.name
                    ));
                }
            }
            for other in &input.below {
                let numeric =
                    |kind: InputKind| matches!(kind, InputKind::Number | InputKind::Money);
                let names_a_number = other != &input.name
                    && self
                        .meta
                        .inputs
                        .iter()
                        .any(|i| &i.name == other && numeric(i.kind));
                if !numeric(input.kind) || !names_a_number {
                    return fail(format!(
                        "input `{}`: `below` is for number and money inputs and names another \
                         one, not `{other}`",
                        input.name
                    ));
                }
            }
            if let Some([min, max]) = input.range {
                if !matches!(
                    input.kind,
                    InputKind::Number | InputKind::Money | InputKind::Days
                ) {
                    return fail(format!(
                        "input `{}`: `range` is for number, money and days inputs",
                        input.name
                    ));
                }
                if min > max {
                    return fail(format!(
                        "input `{}`: `range = [{min}, {max}]` starts above its end",
                        input.name
                    ));
                }
            }
        }
        // Compile every Tera piece now so that a syntax error is reported at load time,
        // with the file's own line numbers.
        let mut tera = tera::Tera::default();
        crate::render::register_syntax_only(&mut tera);
        tera.add_raw_template("body", &self.body)
            .map_err(|e| self.tera_error(&e, self.body_line))?;
        for (name, piece) in [
            ("subject", Some(&self.meta.subject)),
            ("greeting", self.meta.greeting.as_ref()),
            ("closing", self.meta.closing.as_ref()),
        ] {
            if let Some(src) = piece {
                tera.add_raw_template(name, src).map_err(|e| {
                    let mut err = self.tera_error(&e, 1);
                    err.message = format!("in `{name}`: {}", err.message);
                    err
                })?;
            }
        }
        Ok(())
    }

    /// Turns a Tera parse error into one that names this file and the line in it.
    pub(crate) fn tera_error(&self, error: &tera::Error, first_line: usize) -> TemplateError {
        let chain = crate::render::error_chain(error);
        let (line, column) = parse_position(&chain).unwrap_or((1, 1));
        let message = chain
            .lines()
            .rev()
            .find_map(|l| l.trim().strip_prefix("= "))
            .map(str::to_string)
            .unwrap_or_else(|| chain.lines().next().unwrap_or("").to_string());
        TemplateError::at(
            self.origin.path(),
            first_line + line - 1,
            column,
            format!("syntax error: {message}"),
        )
    }
}

/// Finds ` --> L:C` in a pest error message.
fn parse_position(text: &str) -> Option<(usize, usize)> {
    let after = text.split("--> ").nth(1)?;
    let pos = after.split_whitespace().next()?;
    let (l, c) = pos.split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?))
}

/// Every template available, built-in and the user's, with the files that failed to load.
#[derive(Debug, Clone, Default)]
pub struct Library {
    templates: BTreeMap<(Lang, String), Template>,
    pub problems: Vec<TemplateError>,
}

impl Library {
    /// The built-in templates, then the files under `user_root/<lang>/` (if given), which
    /// replace built-ins with the same id.
    pub fn load(user_root: Option<&Path>) -> Library {
        let mut library = Library::default();
        for lang in Lang::ALL {
            if let Some(dir) = BUILT_IN.get_dir(lang.code()) {
                let mut files: Vec<_> = dir
                    .files()
                    .filter(|f| f.path().extension().is_some_and(|e| e == "tera"))
                    .collect();
                files.sort_by_key(|f| f.path());
                for file in files {
                    let origin = Origin::BuiltIn(Path::new("templates").join(file.path()));
                    let text = file.contents_utf8().unwrap_or("");
                    library.add(Template::parse(text, lang, origin));
                }
            }
            if let Some(root) = user_root {
                library.load_dir(&root.join(lang.code()), lang);
            }
        }
        library
    }

    fn load_dir(&mut self, dir: &Path, lang: Lang) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "tera"))
            .collect();
        paths.sort();
        for path in paths {
            let parsed = match std::fs::read_to_string(&path) {
                Ok(text) => Template::parse(&text, lang, Origin::File(path.clone())),
                Err(e) => Err(TemplateError::at(&path, 1, 1, e.to_string())),
            };
            self.add(parsed);
        }
    }

    fn add(&mut self, parsed: Result<Template, TemplateError>) {
        match parsed {
            Ok(t) => {
                self.templates.insert((t.lang, t.meta.id.clone()), t);
            }
            Err(e) => self.problems.push(e),
        }
    }

    pub fn get(&self, id: &str, lang: Lang) -> Option<&Template> {
        self.templates.get(&(lang, id.to_string()))
    }

    /// The languages a template id exists in.
    pub fn languages_of(&self, id: &str) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|&l| self.get(id, l).is_some())
            .collect()
    }

    /// Templates of one language, by scenario, then the ladder (by level), then the letters
    /// beside it (by id).
    pub fn for_lang(&self, lang: Lang) -> Vec<&Template> {
        let mut list: Vec<&Template> = self.templates.values().filter(|t| t.lang == lang).collect();
        list.sort_by_key(|t| t.order());
        list
    }

    /// The templates of one scenario in one language, in the order `for_lang` gives.
    pub fn in_scenario(&self, scenario: Scenario, lang: Lang) -> Vec<&Template> {
        let mut list = self.for_lang(lang);
        list.retain(|t| t.meta.scenario == scenario);
        list
    }

    pub fn all(&self) -> impl Iterator<Item = &Template> {
        self.templates.values()
    }

    /// The problem with a template id, if its file failed to load.
    pub fn problem_for(&self, id: &str) -> Option<&TemplateError> {
        self.problems
            .iter()
            .find(|p| p.file.file_stem().and_then(|s| s.to_str()) == Some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(name: &str) -> Origin {
        Origin::File(PathBuf::from(format!("/d/templates/fa/{name}.tera")))
    }

    const GOOD: &str = "+++\nid = \"t\"\ntitle = \"T\"\nscenario = \"payment\"\nlevel = 2\nsubject = \"S {{ input.x }}\"\ndescription = \"D\"\n\n[[inputs]]\nname = \"x\"\nlabel = \"X\"\nkind = \"money\"\n+++\nBody {{ input.x | amount }}\n";

    #[test]
    fn parses_front_matter_and_body() {
        let t = Template::parse(GOOD, Lang::Fa, origin("t")).unwrap();
        assert_eq!(t.meta.scenario, Scenario::Payment);
        assert_eq!(t.meta.level, Some(2));
        assert_eq!(t.meta.inputs[0].kind, InputKind::Money);
        assert!(t.meta.inputs[0].required);
        assert_eq!(t.body, "Body {{ input.x | amount }}\n");
        assert_eq!(t.body_line, 14);
        assert_eq!(t.meta.follow_up_days, None);
    }

    /// `follow_up_days` is a known field (the register reads it); a misspelt one is not.
    #[test]
    fn follow_up_days_is_read_and_checked() {
        let with = |line: &str| {
            GOOD.replace(
                "description = \"D\"\n",
                &format!("description = \"D\"\n{line}\n"),
            )
        };
        let t = Template::parse(&with("follow_up_days = 7"), Lang::Fa, origin("t")).unwrap();
        assert_eq!(t.meta.follow_up_days, Some(7));
        for bad in [
            "follow_up_days = -3",
            "follow_up_days = \"7\"",
            "follow_up_day = 7",
        ] {
            let e = Template::parse(&with(bad), Lang::Fa, origin("t")).unwrap_err();
            // The error points at that line (8).
            assert_eq!(e.line, 8, "{bad}: {e}");
        }
    }

    #[test]
    fn body_syntax_errors_give_the_file_line() {
        let text = GOOD.replace(
            "Body {{ input.x | amount }}\n",
            "line one\nline two {{ 1 + }}\nline three\n",
        );
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert_eq!(e.line, 15, "{e}");
        assert_eq!(e.column, 17, "{e}");
        assert!(
            e.to_string().starts_with("/d/templates/fa/t.tera:15:"),
            "{e}"
        );
    }

    #[test]
    fn front_matter_errors_give_the_file_line() {
        let text = GOOD.replace("level = 2", "level = \"two\"");
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert_eq!(e.line, 5, "{e}");
        let text = GOOD.replace("scenario = \"payment\"", "scenario = \"weather\"");
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        assert!(e.message.contains("weather"), "{e}");
    }

    #[test]
    fn structural_errors() {
        let e = Template::parse("no fence", Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("+++"));
        let e = Template::parse("+++\nid = \"t\"\n", Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("not closed"));
        let e = Template::parse(GOOD, Lang::Fa, origin("other")).unwrap_err();
        assert!(e.message.contains("does not match"));
        let text = GOOD.replace("level = 2", "level = 5");
        assert!(Template::parse(&text, Lang::Fa, origin("t")).is_err());
        let text = GOOD.replace("kind = \"money\"", "kind = \"choice\"");
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("choices"));
        let text = GOOD.replace("kind = \"money\"", "kind = \"money\"\nrange = [60, 2]");
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("range"), "{e}");
        let text = GOOD.replace("kind = \"money\"", "kind = \"text\"\nrange = [2, 60]");
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("range"), "{e}");
        let text = GOOD.replace(
            "kind = \"money\"",
            "kind = \"money\"\nnot_after = [\"letter\"]",
        );
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("not_after"), "{e}");
        let text = GOOD.replace(
            "kind = \"money\"",
            "kind = \"date\"\nnot_before = [\"due_date\"]",
        );
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("due_date"), "{e}");
        let text = GOOD.replace("subject = \"S {{ input.x }}\"", "subject = \"S {{ \"");
        let e = Template::parse(&text, Lang::Fa, origin("t")).unwrap_err();
        assert!(e.message.contains("subject"), "{e}");
    }

    #[test]
    fn built_ins_load_without_problems() {
        let lib = Library::load(None);
        assert!(lib.problems.is_empty(), "{:?}", lib.problems);
        for id in ["payment-1", "payment-2", "payment-3"] {
            assert_eq!(lib.languages_of(id), vec![Lang::Fa, Lang::En], "{id}");
        }
        assert!(lib.get("payment-3", Lang::Fa).unwrap().origin.is_built_in());
    }

    #[test]
    fn user_files_add_and_override() {
        let dir = tempfile::tempdir().unwrap();
        let fa = dir.path().join("fa");
        std::fs::create_dir_all(&fa).unwrap();
        let mine = GOOD.replace("id = \"t\"", "id = \"payment-1\"");
        std::fs::write(fa.join("payment-1.tera"), &mine).unwrap();
        std::fs::write(fa.join("t.tera"), GOOD).unwrap();
        std::fs::write(fa.join("broken.tera"), "+++\nid = 3\n+++\n").unwrap();
        let lib = Library::load(Some(dir.path()));
        assert!(!lib.get("payment-1", Lang::Fa).unwrap().origin.is_built_in());
        assert!(lib.get("payment-1", Lang::En).unwrap().origin.is_built_in());
        assert!(lib.get("t", Lang::Fa).is_some());
        assert_eq!(lib.problems.len(), 1);
        assert!(lib.problem_for("broken").is_some());
    }
}
