//! Turns a template, a client, the sender and the owner's form values into a `Letter`.
//!
//! Rendering is strict: an unknown or missing input, or a variable the context does not
//! have, is an error that names it. Values are data: Tera never evaluates what it inserts,
//! so a client named `{{ sender.name }}` is printed as exactly that. Every text value is
//! isolated from the sentence around it (see `bidi`), so `Acme Ltd.` stays whole in a
//! Persian letter.
//!
//! `compose` is the lenient form for a screen that shows the letter while it is being
//! filled in: a missing or invalid input appears in the letter as a visible placeholder
//! («[نرخ تازه]»), and the letter is a draft until every input is right.

use crate::bidi;
use crate::dates::{self, DateError};
use crate::i18n::{Locale, Problem};
use crate::lang::Lang;
use crate::letter::Letter;
use crate::money::{self, Currency};
use crate::numbers::{self, Decimal, NumberError};
use crate::persian;
use crate::profile::{Client, Honorific, Sender};
use crate::template::{InputKind, InputSpec, Template};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Why a typed value does not fit its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    Number(NumberError),
    Date(DateError),
    /// A number of days with a fraction.
    NotWholeDays(String),
    /// `+N` days that run past the calendar.
    TooFarAhead(String),
    /// Not a whole number within the input's `range` (`61` instalments where 2 to 60 are
    /// allowed).
    OutOfRange {
        value: String,
        min: u64,
        max: u64,
    },
    /// Not one of a choice input's options; `choices` lists them as the owner reads them.
    NotAChoice {
        value: String,
        choices: String,
    },
    /// A date on a side of another that it cannot be on (`not_before` / `not_after`): a
    /// previous reminder before the invoice was due, a payment received after the letter.
    /// `other` is the other input's label, or none for the letter date; `limit` its date.
    DateOrder {
        value: NaiveDate,
        limit: NaiveDate,
        other: Option<String>,
        /// Whether `value` falls after `limit` (else before it).
        after: bool,
    },
    /// An amount that must stay below another input's (`below`): a part payment of the
    /// whole invoice. `other` is that input's label.
    NotBelow {
        value: Decimal,
        limit: Decimal,
        other: String,
    },
}

/// A problem with the values given for a template's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A value for an input the template does not have (`--set colour=…`).
    Unknown {
        template: String,
        name: String,
        known: String,
    },
    /// A required input with no value, no fact and no default.
    Missing { name: String, label: String },
    Invalid {
        name: String,
        label: String,
        problem: ValueError,
    },
}

impl InputError {
    /// The input's name, for the ones that name an input of the template.
    pub fn input(&self) -> &str {
        match self {
            InputError::Unknown { name, .. }
            | InputError::Missing { name, .. }
            | InputError::Invalid { name, .. } => name,
        }
    }
}

/// Which part of a template a problem is in.
pub type Piece = &'static str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    Input(InputError),
    /// The template uses a variable the letter does not have (`client.nickname`).
    Undefined {
        file: PathBuf,
        piece: Piece,
        name: String,
    },
    /// A filter got a value it cannot work with (`"soon" | date`); `detail` is its reason.
    Filter {
        file: PathBuf,
        piece: Piece,
        filter: String,
        detail: String,
    },
    /// Anything else Tera refused; `detail` is its own (English) account.
    Template {
        file: PathBuf,
        piece: Piece,
        detail: String,
    },
}

impl From<InputError> for RenderError {
    fn from(e: InputError) -> Self {
        RenderError::Input(e)
    }
}

impl Problem for ValueError {
    fn key(&self) -> &'static str {
        match self {
            ValueError::Number(e) => e.key(),
            ValueError::Date(e) => e.key(),
            ValueError::NotWholeDays(_) => "error-not-whole-days",
            ValueError::TooFarAhead(_) => "error-too-far-ahead",
            ValueError::NotAChoice { .. } => "error-not-a-choice",
            ValueError::OutOfRange { .. } => "error-out-of-range",
            ValueError::DateOrder { other, after, .. } => match (other.is_some(), after) {
                (true, false) => "error-date-before-input",
                (false, false) => "error-date-before-letter",
                (true, true) => "error-date-after-input",
                (false, true) => "error-date-after-letter",
            },
            ValueError::NotBelow { .. } => "error-not-below-input",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            ValueError::Number(e) => e.args(locale),
            ValueError::Date(e) => e.args(locale),
            ValueError::NotWholeDays(v) | ValueError::TooFarAhead(v) => vec![("value", v.clone())],
            ValueError::NotAChoice { value, choices } => {
                vec![("value", value.clone()), ("choices", choices.clone())]
            }
            ValueError::OutOfRange { value, min, max } => vec![
                ("value", value.clone()),
                ("min", locale.number(min)),
                ("max", locale.number(max)),
            ],
            ValueError::DateOrder {
                value,
                limit,
                other,
                ..
            } => vec![
                ("value", dates::format(*value, locale.lang())),
                ("limit", dates::format(*limit, locale.lang())),
                ("other", other.clone().unwrap_or_default()),
            ],
            ValueError::NotBelow {
                value,
                limit,
                other,
            } => vec![
                ("value", value.display(locale.lang())),
                ("limit", limit.display(locale.lang())),
                ("other", other.clone()),
            ],
        }
    }
}

impl Problem for InputError {
    fn key(&self) -> &'static str {
        match self {
            InputError::Unknown { .. } => "error-unknown-input",
            InputError::Missing { .. } => "error-missing-input",
            InputError::Invalid { .. } => "error-invalid-input",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        match self {
            InputError::Unknown {
                template,
                name,
                known,
            } => vec![
                ("template", template.clone()),
                ("name", name.clone()),
                ("known", known.clone()),
            ],
            InputError::Missing { label, .. } => vec![("label", label.clone())],
            InputError::Invalid { label, problem, .. } => vec![
                ("label", label.clone()),
                ("reason", locale.problem(problem)),
            ],
        }
    }
}

impl Problem for RenderError {
    fn key(&self) -> &'static str {
        match self {
            RenderError::Input(e) => e.key(),
            RenderError::Undefined { .. } => "error-template-undefined",
            RenderError::Filter { .. } => "error-template-filter",
            RenderError::Template { .. } => "error-template",
        }
    }

    fn args(&self, locale: &Locale) -> Vec<(&'static str, String)> {
        // Where in which file, then what the kind names.
        let place = |file: &PathBuf, piece: Piece, named: &[(&'static str, &String)]| {
            let mut args = vec![
                ("file", file.display().to_string()),
                ("piece", locale.text(&format!("template-piece-{piece}"))),
            ];
            args.extend(named.iter().map(|(k, v)| (*k, (*v).clone())));
            args
        };
        match self {
            RenderError::Input(e) => e.args(locale),
            RenderError::Undefined { file, piece, name } => place(file, piece, &[("name", name)]),
            RenderError::Filter {
                file,
                piece,
                filter,
                detail,
            } => place(file, piece, &[("filter", filter), ("detail", detail)]),
            RenderError::Template {
                file,
                piece,
                detail,
            } => place(file, piece, &[("detail", detail)]),
        }
    }
}

crate::i18n::english_display!(ValueError, InputError, RenderError);
impl std::error::Error for ValueError {}
impl std::error::Error for InputError {}
impl std::error::Error for RenderError {}

#[cfg(test)]
impl RenderError {
    /// One of each kind of render, input and value problem.
    pub(crate) fn samples() -> Vec<Self> {
        let file = PathBuf::from("/home/maryam/marz/templates/fa/payment-9.tera");
        let label = "مبلغ معوق".to_string();
        let mut values: Vec<ValueError> = NumberError::samples()
            .into_iter()
            .map(ValueError::Number)
            .chain(DateError::samples().into_iter().map(ValueError::Date))
            .collect();
        values.extend([
            ValueError::NotWholeDays("2.5".into()),
            ValueError::TooFarAhead("+999999999".into()),
            ValueError::OutOfRange {
                value: "61".into(),
                min: 2,
                max: 60,
            },
            ValueError::NotAChoice {
                value: "shout".into(),
                choices: "توقف خدمات، پایان همکاری".into(),
            },
        ]);
        let (early, late) = (
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
        );
        for (other, after) in [(true, false), (false, false), (true, true), (false, true)] {
            values.push(ValueError::DateOrder {
                value: if after { late } else { early },
                limit: if after { early } else { late },
                other: other.then(|| "سررسید اولیه".to_string()),
                after,
            });
        }
        values.push(ValueError::NotBelow {
            value: Decimal::whole(12_500_000),
            limit: Decimal::whole(12_500_000),
            other: "مبلغ کل صورت‌حساب".into(),
        });
        let mut all: Vec<RenderError> = values
            .into_iter()
            .map(|problem| {
                RenderError::Input(InputError::Invalid {
                    name: "amount".into(),
                    label: label.clone(),
                    problem,
                })
            })
            .collect();
        all.extend([
            RenderError::Input(InputError::Unknown {
                template: "payment-3".into(),
                name: "colour".into(),
                known: "invoice, amount".into(),
            }),
            RenderError::Input(InputError::Missing {
                name: "amount".into(),
                label,
            }),
            RenderError::Undefined {
                file: file.clone(),
                piece: "body",
                name: "client.nickname".into(),
            },
            RenderError::Filter {
                file: file.clone(),
                piece: "subject",
                filter: "date".into(),
                detail: "`soon` is not a date".into(),
            },
            RenderError::Template {
                file,
                piece: "greeting",
                detail: "Tried to do math with a string".into(),
            },
        ]);
        // Every kind is here: this match does not compile when a kind is added.
        for e in &all {
            match e {
                RenderError::Input(
                    InputError::Unknown { .. }
                    | InputError::Missing { .. }
                    | InputError::Invalid { .. },
                )
                | RenderError::Undefined { .. }
                | RenderError::Filter { .. }
                | RenderError::Template { .. } => {}
            }
        }
        all
    }
}

/// Everything a letter is made from.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub template: &'a Template,
    pub client: &'a Client,
    pub sender: &'a Sender,
    /// Form values as typed, by input name.
    pub values: &'a BTreeMap<String, String>,
    /// The letter date (today unless the owner chose another).
    pub date: NaiveDate,
    pub number: String,
}

/// Parses one form value by its input kind. `date` is the letter date, the base of `+N`.
/// A date the client is asked to act by (`looks_ahead`) that falls on their weekend or a
/// fixed public holiday, with that day: not an error (the owner may mean it), but worth
/// saying before the letter leaves. `None` for any other input or a value that does not
/// parse.
pub fn day_off(
    spec: &InputSpec,
    raw: &str,
    letter_date: NaiveDate,
    lang: Lang,
) -> Option<(NaiveDate, dates::DayOff)> {
    let date = ahead(spec, raw, letter_date)?;
    dates::day_off(date, lang).map(|off| (date, off))
}

/// Fewer days than this between the letter and a date the client acts by is short notice.
pub const SHORT_NOTICE_DAYS: i64 = 3;

/// A date the client is asked to act by (`looks_ahead`) fewer than `SHORT_NOTICE_DAYS`
/// after the letter date, with the days it leaves (0 on the letter's own date): allowed (a
/// same-day end is the owner's to choose), but a letter may not even be read by then, so a
/// final deadline of tomorrow deserves a second look. `None` for any other input.
pub fn short_notice(
    spec: &InputSpec,
    raw: &str,
    letter_date: NaiveDate,
) -> Option<(NaiveDate, i64)> {
    let date = ahead(spec, raw, letter_date)?;
    soon(date, letter_date).map(|days| (date, days))
}

fn soon(date: NaiveDate, letter_date: NaiveDate) -> Option<i64> {
    let days = (date - letter_date).num_days();
    (0..SHORT_NOTICE_DAYS).contains(&days).then_some(days)
}

/// The date a looking-ahead input holds (`+N` counted from `base`).
fn ahead(spec: &InputSpec, raw: &str, base: NaiveDate) -> Option<NaiveDate> {
    if !spec.looks_ahead() || raw.trim().is_empty() {
        return None;
    }
    let Ok(Value::String(iso)) = parse_input(spec, raw, base) else {
        return None;
    };
    dates::parse(&iso).ok()
}

pub fn parse_input(spec: &InputSpec, raw: &str, date: NaiveDate) -> Result<Value, ValueError> {
    let raw = raw.trim();
    match spec.kind {
        InputKind::Text | InputKind::Multiline => Ok(Value::String(persian::normalize(raw))),
        InputKind::Money | InputKind::Number => {
            let d = Decimal::parse(raw).map_err(ValueError::Number)?;
            in_range(spec, d, raw)?;
            Ok(decimal_value(d))
        }
        InputKind::Days => {
            let d = Decimal::parse(raw).map_err(ValueError::Number)?;
            if d.hundredths != 0 {
                return Err(ValueError::NotWholeDays(raw.to_string()));
            }
            in_range(spec, d, raw)?;
            Ok(json!(d.whole))
        }
        InputKind::Date => {
            let parsed = match raw.strip_prefix('+') {
                Some(n) => {
                    let days = Decimal::parse(n).map_err(ValueError::Number)?;
                    date.checked_add_days(chrono::Days::new(days.whole))
                        .ok_or_else(|| ValueError::TooFarAhead(raw.to_string()))?
                }
                None => dates::parse(raw).map_err(ValueError::Date)?,
            };
            Ok(Value::String(dates::iso(parsed)))
        }
        InputKind::Choice => {
            let normalized = persian::normalize(raw);
            spec.choices
                .iter()
                .find(|c| c.value == normalized || (!c.label.is_empty() && c.label == normalized))
                .map(|c| Value::String(c.value.clone()))
                .ok_or_else(|| {
                    let options: Vec<&str> = spec
                        .choices
                        .iter()
                        .map(|c| {
                            if c.label.is_empty() {
                                &c.value
                            } else {
                                &c.label
                            }
                        })
                        .map(String::as_str)
                        .collect();
                    ValueError::NotAChoice {
                        value: raw.to_string(),
                        choices: options.join(", "),
                    }
                })
        }
    }
}

/// Whether `d` is a whole number within the input's `range`, if it has one.
fn in_range(spec: &InputSpec, d: Decimal, raw: &str) -> Result<(), ValueError> {
    match spec.range {
        Some([min, max]) if d.hundredths != 0 || d.whole < min || d.whole > max => {
            Err(ValueError::OutOfRange {
                value: raw.to_string(),
                min,
                max,
            })
        }
        _ => Ok(()),
    }
}

fn decimal_value(d: Decimal) -> Value {
    if d.hundredths == 0 {
        json!(d.whole)
    } else {
        json!(d.to_f64())
    }
}

/// A missing or invalid input in a letter being filled in: the marker the template sees,
/// replaced by the input's placeholder once the text is rendered. (Private-use characters
/// cannot come from the owner's typing into a value the template prints.)
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

fn marker(name: &str) -> Value {
    Value::String(format!("{MARK_OPEN}{name}{MARK_CLOSE}"))
}

fn is_marker(value: &Value) -> bool {
    matches!(value, Value::String(s) if s.starts_with(MARK_OPEN))
}

/// How a letter being filled in shows an input that has no usable value yet: its label in
/// brackets, «[نرخ تازه]» / "[new price]".
pub fn placeholder(label: &str) -> String {
    format!("[{label}]")
}

/// The inputs of a template as typed values, and what is still wrong with them.
struct Resolved {
    values: Map<String, Value>,
    /// Missing and invalid inputs, in the template's order; each has a marker in `values`.
    needs: Vec<InputError>,
}

/// An input's value as typed, before parsing: the form's (an emptied field stands as
/// empty, so a client's fact does not come back), else the client's fact of the same name,
/// else the template's default.
fn raw_value(draft: &Draft, spec: &InputSpec) -> Option<String> {
    let non_empty = |v: &String| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    match draft.values.get(&spec.name) {
        Some(given) => non_empty(given),
        None => draft.client.facts.get(&spec.name).and_then(non_empty),
    }
    .or_else(|| spec.default.clone())
}

/// Whether an input's value is the template's default: the owner gave none (or emptied the
/// field) and the client has no such fact (see `raw_value`).
fn from_default(draft: &Draft, spec: &InputSpec) -> bool {
    let given = |v: Option<&String>| v.is_some_and(|v| !v.trim().is_empty());
    spec.default.is_some()
        && match draft.values.get(&spec.name) {
            Some(v) => !given(Some(v)),
            None => !given(draft.client.facts.get(&spec.name)),
        }
}

/// The day a date input's "+N" counts from: the letter date, except when the owner left the
/// input to its default and it may not fall before a later date of the letter (a final
/// invoice settled after the last day): then from the latest of those, so a default never
/// gives the client less time than it says (termination-3: invoice on the last day,
/// settled a week after it, not a week after the letter).
fn default_base(draft: &Draft, spec: &InputSpec, values: &Map<String, Value>) -> NaiveDate {
    if !from_default(draft, spec) || spec.kind != InputKind::Date {
        return draft.date;
    }
    spec.not_before
        .iter()
        .filter_map(|name| match values.get(name) {
            Some(value @ Value::String(iso)) if !is_marker(value) => dates::parse(iso).ok(),
            _ => None,
        })
        .fold(draft.date, NaiveDate::max)
}

/// Why a date the client is asked to act by deserves a second look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateNote {
    /// Their weekend or a fixed public holiday (see `day_off`).
    DayOff(dates::DayOff),
    /// Only this many days after the letter date (see `short_notice`).
    Soon(i64),
}

/// The dates of a letter the client is asked to act by that fall on their day off or leave
/// them little time, by input, in the template's order (a date may have both).
pub fn date_notes<'t>(draft: &Draft<'t>) -> Vec<(&'t InputSpec, NaiveDate, DateNote)> {
    let template = draft.template;
    // Dates parsed so far, so a default counts from the same day as in the letter.
    let mut seen = Map::new();
    let mut notes = Vec::new();
    for spec in &template.meta.inputs {
        let Some(raw) = raw_value(draft, spec) else {
            continue;
        };
        let base = default_base(draft, spec, &seen);
        if spec.kind == InputKind::Date
            && let Ok(value) = parse_input(spec, &raw, base)
        {
            seen.insert(spec.name.clone(), value);
        }
        let Some(date) = ahead(spec, &raw, base) else {
            continue;
        };
        if let Some(off) = dates::day_off(date, template.lang) {
            notes.push((spec, date, DateNote::DayOff(off)));
        }
        if let Some(days) = soon(date, draft.date) {
            notes.push((spec, date, DateNote::Soon(days)));
        }
    }
    notes
}

/// Every input of the template as a typed value: the given value, else (when none is given)
/// the client's fact of the same name (so an owner can keep e.g. an open `invoice` on the
/// profile), else the template's default, else (for `payment_details`) the sender's payment
/// details, else (for optional inputs) an empty string. A required input with none of
/// these, or a value that does not parse, is a need. Text is isolated for the
/// letter's direction; numbers, dates and choices stay as they are, for filters and
/// comparisons.
fn resolve(draft: &Draft) -> Result<Resolved, InputError> {
    let template = draft.template;
    if let Some(name) = draft.values.keys().find(|n| template.input(n).is_none()) {
        let known: Vec<&str> = template
            .meta
            .inputs
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        return Err(InputError::Unknown {
            template: template.meta.id.clone(),
            name: name.clone(),
            known: if known.is_empty() {
                "-".to_string()
            } else {
                known.join(", ")
            },
        });
    }
    let mut out = Resolved {
        values: Map::new(),
        needs: Vec::new(),
    };
    let non_empty = |v: &String| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    // How to pay is the owner's standing detail: an empty `payment_details` input takes it
    // from sender.toml, so no payment letter goes out without it.
    let standing = draft.sender.for_letter(template.lang).payment_details;
    for spec in &template.meta.inputs {
        // A value given, even an empty one, stands: a form emptied on screen must not
        // bring the client's fact back into the letter.
        let raw = raw_value(draft, spec).or_else(|| {
            (spec.name == PAYMENT_DETAILS)
                .then(|| standing.as_ref().and_then(non_empty))
                .flatten()
        });
        let base = default_base(draft, spec, &out.values);
        let value = match raw.map(|raw| parse_input(spec, &raw, base)) {
            Some(Ok(Value::String(text)))
                if matches!(spec.kind, InputKind::Text | InputKind::Multiline) =>
            {
                Value::String(bidi::in_text(&text, template.lang))
            }
            Some(Ok(value)) => value,
            Some(Err(problem)) => {
                out.needs.push(InputError::Invalid {
                    name: spec.name.clone(),
                    label: spec.label.clone(),
                    problem,
                });
                marker(&spec.name)
            }
            None if spec.required => {
                out.needs.push(InputError::Missing {
                    name: spec.name.clone(),
                    label: spec.label.clone(),
                });
                marker(&spec.name)
            }
            None => Value::String(String::new()),
        };
        out.values.insert(spec.name.clone(), value);
    }
    check_date_order(draft, &mut out);
    Ok(out)
}

/// Refuses a date that falls on the impossible side of another (`not_before`,
/// `not_after`): the input gets the problem and its placeholder, as any invalid value does.
/// A date compared with an input that has no usable value yet is not judged.
fn check_date_order(draft: &Draft, out: &mut Resolved) {
    let template = draft.template;
    let date_of = |name: &str| -> Option<NaiveDate> {
        if name == crate::template::LETTER_DATE {
            return Some(draft.date);
        }
        match out.values.get(name) {
            Some(Value::String(iso)) if !is_marker(&out.values[name]) => dates::parse(iso).ok(),
            _ => None,
        }
    };
    let mut broken = Vec::new();
    for spec in &template.meta.inputs {
        let Some(value) = date_of(&spec.name) else {
            continue;
        };
        let limits = spec
            .not_before
            .iter()
            .map(|o| (o, false))
            .chain(spec.not_after.iter().map(|o| (o, true)));
        for (other, after) in limits {
            let Some(limit) = date_of(other) else {
                continue;
            };
            if (after && value > limit) || (!after && value < limit) {
                let other = template.input(other).map(|i| i.label.clone());
                broken.push(InputError::Invalid {
                    name: spec.name.clone(),
                    label: spec.label.clone(),
                    problem: ValueError::DateOrder {
                        value,
                        limit,
                        other,
                        after,
                    },
                });
                break;
            }
        }
    }
    let amount_of = |name: &str| -> Option<Decimal> {
        let value = out.values.get(name).filter(|v| !is_marker(v))?;
        as_decimal(value, "below").ok()
    };
    for spec in &template.meta.inputs {
        let Some(value) = amount_of(&spec.name) else {
            continue;
        };
        for other in &spec.below {
            let Some(limit) = amount_of(other) else {
                continue;
            };
            if value >= limit {
                broken.push(InputError::Invalid {
                    name: spec.name.clone(),
                    label: spec.label.clone(),
                    problem: ValueError::NotBelow {
                        value,
                        limit,
                        other: template
                            .input(other)
                            .map_or_else(String::new, |i| i.label.clone()),
                    },
                });
                break;
            }
        }
    }
    for problem in broken {
        out.values
            .insert(problem.input().to_string(), marker(problem.input()));
        out.needs.push(problem);
    }
    // The needs stay in the template's order.
    let position = |e: &InputError| {
        template
            .meta
            .inputs
            .iter()
            .position(|i| i.name == e.input())
    };
    out.needs.sort_by_key(position);
}

/// A text value of the profile, isolated for a letter in `lang`.
fn text(value: &str, lang: Lang) -> Value {
    Value::String(bidi::in_text(value, lang))
}

/// Text fields of a profile as the letter prints them: isolated, an absent one empty.
fn texts(lang: Lang, fields: &[(&str, Option<&String>)]) -> Map<String, Value> {
    fields
        .iter()
        .map(|(name, value)| {
            let value = value.map_or("", String::as_str);
            (name.to_string(), text(value, lang))
        })
        .collect()
}

fn client_value(client: &Client, lang: Lang) -> Value {
    let mut map = texts(
        lang,
        &[
            ("name", Some(&client.name)),
            ("title", client.title.as_ref()),
            ("company", client.company.as_ref()),
            ("email", client.email.as_ref()),
            ("phone", client.phone.as_ref()),
            ("notes", client.notes.as_ref()),
        ],
    );
    let facts: Vec<(&str, Option<&String>)> = client
        .facts
        .iter()
        .map(|(k, v)| (k.as_str(), Some(v)))
        .collect();
    map.insert("facts".into(), Value::Object(texts(lang, &facts)));
    // Codes, compared in templates: as they are.
    map.insert("id".into(), json!(client.id));
    map.insert("honorific".into(), json!(client.honorific.code()));
    map.insert("language".into(), json!(client.language.code()));
    map.insert("currency".into(), json!(client.currency.code()));
    // Derived, so templates need not repeat the honorific logic.
    map.insert(
        "addressed".into(),
        json!(crate::letter::addressed(client, lang)),
    );
    Value::Object(map)
}

fn sender_value(sender: &Sender, lang: Lang) -> Value {
    let mut map = texts(
        lang,
        &[
            ("name", Some(&sender.name)),
            ("business", sender.business.as_ref()),
            ("role", sender.role.as_ref()),
            ("email", sender.email.as_ref()),
            ("phone", sender.phone.as_ref()),
            ("address", sender.address.as_ref()),
            ("city", sender.city.as_ref()),
            ("website", sender.website.as_ref()),
            ("payment_details", sender.payment_details.as_ref()),
        ],
    );
    let prefix = sender.letter_prefix.clone().unwrap_or_default();
    map.insert("letter_prefix".into(), json!(prefix));
    Value::Object(map)
}

/// Reads a number from a template value: a JSON number or text in any digit script.
fn as_decimal(value: &Value, filter: &str) -> tera::Result<Decimal> {
    match value {
        Value::Number(n) => n
            .as_u64()
            .map(Decimal::whole)
            .or_else(|| n.as_f64().and_then(Decimal::from_f64))
            .ok_or_else(|| {
                tera::Error::msg(format!("`{filter}` needs a non-negative number, got {n}"))
            }),
        Value::String(s) => Decimal::parse(&bidi::strip(s))
            .map_err(|e| tera::Error::msg(format!("`{filter}`: {e}"))),
        other => Err(tera::Error::msg(format!(
            "`{filter}` needs a number, got {other}"
        ))),
    }
}

fn as_date(value: &Value, filter: &str) -> tera::Result<NaiveDate> {
    match value {
        Value::String(s) => {
            dates::parse(&bidi::strip(s)).map_err(|e| tera::Error::msg(format!("`{filter}`: {e}")))
        }
        other => Err(tera::Error::msg(format!(
            "`{filter}` needs a date, got {other}"
        ))),
    }
}

/// A typed input value as text a form accepts again (what the register keeps): a text
/// value without the isolates `resolve` put around it for the letter.
pub fn value_text(value: &Value) -> String {
    let text = as_text(value);
    bidi::unisolate(&text).unwrap_or(text)
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Marks that end a sentence in either language.
const STOPS: [char; 6] = ['.', '!', '?', '؟', '…', '۔'];

/// Marks that only continue a sentence; a value inserted mid-sentence loses them at its end.
/// (Not a hyphen: a code may end in one, `INV-`, and a code is kept as typed.)
const CONTINUERS: [char; 5] = [',', '،', ';', '؛', ':'];

/// Latin abbreviations whose full stop belongs to the word ("Acme Ltd."), so `phrase` keeps it.
const ABBREVIATIONS: [&str; 16] = [
    "ltd", "inc", "co", "corp", "llc", "plc", "bros", "etc", "jr", "sr", "st", "dr", "mr", "mrs",
    "ms", "no",
];

/// Whether `text` ends in a full stop that belongs to its last word: an abbreviation, an
/// initial ("J.") or an ellipsis ("...").
fn ends_with_own_stop(text: &str) -> bool {
    let Some(before) = text.strip_suffix('.') else {
        return false;
    };
    if before.ends_with('.') {
        return true;
    }
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()))
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Whether `text` already ends a sentence, looking through closing quotes and brackets:
/// `stop.`, `«بس است.»`, `(see above!)`.
fn ends_sentence(text: &str) -> bool {
    text.chars()
        .rev()
        .find(|c| !matches!(c, '»' | '”' | '"' | '\'' | '’' | ')' | ']'))
        .is_some_and(|c| STOPS.contains(&c))
}

/// A value set inside a sentence: on one line, trimmed, without a mark at its end that would
/// clash with the sentence's own punctuation («طراحی لوگو.» → «طراحی لوگو»; "Acme Ltd." keeps
/// its stop). With `end`, the value closes the sentence: it keeps or gains one full stop.
pub fn phrase(value: &str, end: bool) -> String {
    let mut text = value.split_whitespace().collect::<Vec<_>>().join(" ");
    while text.ends_with(CONTINUERS) {
        text.pop();
        text.truncate(text.trim_end().len());
    }
    if text.ends_with('.') && !ends_with_own_stop(&text) {
        text.pop();
        text.truncate(text.trim_end().len());
    }
    if end && !text.is_empty() && !ends_sentence(&text) {
        text.push('.');
    }
    text
}

/// Day names, months and parts of the day that make a typed value a time rather than an event.
const EN_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Whether a lower-cased word is a month's name.
fn is_en_month(word: &str) -> bool {
    dates::ENGLISH_MONTHS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(word))
}
const EN_DAY_PARTS: [&str; 5] = ["morning", "afternoon", "evening", "night", "lunchtime"];
/// What may follow "this", "last" or "earlier this" in a time expression ("last week").
const EN_TIME_UNITS: [&str; 5] = ["week", "month", "weekend", "time", "year"];
/// Time words that stand alone as an adverbial ("yesterday", "earlier").
const EN_TIME_WORDS: [&str; 6] = [
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "recently",
    "lately",
];

/// Whether `words` (lower case, bare) name a day or date that takes "on": "friday",
/// "friday morning", "23 november", "november 23rd", "23 november 2026".
fn day_or_date(words: &[String]) -> bool {
    let number = |w: &str| {
        let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    match words {
        [day] => EN_DAYS.contains(&day.as_str()),
        [day, part] if EN_DAYS.contains(&day.as_str()) => EN_DAY_PARTS.contains(&part.as_str()),
        _ => {
            (2..=3).contains(&words.len())
                && words.iter().any(|w| is_en_month(w))
                && words.iter().any(|w| number(w))
                && words.iter().all(|w| number(w) || is_en_month(w))
        }
    }
}

/// Whether `words` form a time expression that stands without a preposition: "yesterday",
/// "yesterday morning", "this morning", "last week", "last Friday", "earlier this week",
/// "two days ago".
fn bare_time(words: &[String]) -> bool {
    let unit =
        |w: &str| EN_TIME_UNITS.contains(&w) || EN_DAY_PARTS.contains(&w) || EN_DAYS.contains(&w);
    match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [w] => EN_TIME_WORDS.contains(w),
        ["yesterday" | "today", part] => EN_DAY_PARTS.contains(part),
        ["earlier", "today"] | ["the", "day", "before", "yesterday"] => true,
        ["this" | "last" | "earlier" | "past", rest @ ..] if !rest.is_empty() => {
            let rest: Vec<String> = rest.iter().map(|w| w.to_string()).collect();
            match rest.as_slice() {
                [u] => unit(u),
                [day, part] if EN_DAYS.contains(&day.as_str()) => {
                    EN_DAY_PARTS.contains(&part.as_str())
                }
                _ => words[0] == "earlier" && bare_time(&rest),
            }
        }
        [.., "ago"] => words.len() <= 4,
        _ => false,
    }
}

/// A value typed where a template expects an event ("Monday's call", "the meeting") that is a
/// time instead ("yesterday", "Friday", "last week", "23 November"), as the adverbial the
/// letter frames it with: "what happened yesterday", "a similar incident on Friday", never
/// "the yesterday" or "during Friday". A day name or date alone takes "on"; "last Friday",
/// "this morning" take none; a value typed with its "on" stays as typed. Returns the
/// preposition the letter adds ("on " or "") and the owner's words, or None for an event
/// ("the call", "Monday's call", "the Friday meeting"), which keeps its usual frame.
pub fn time_adverbial(value: &str) -> Option<(&'static str, String)> {
    let text = phrase(value, false);
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if words.is_empty() || text.contains(['\'', '’']) {
        return None;
    }
    // A time word the owner capitalised reads in lower case mid-sentence; a day or month
    // name keeps its capital.
    let lowered = || {
        let mut chars = text.chars();
        match chars.next() {
            Some(c) if !day_or_date(&words[..1]) && !is_en_month(&words[0]) => {
                c.to_lowercase().chain(chars).collect()
            }
            _ => text.clone(),
        }
    };
    if words[0] == "on" && day_or_date(&words[1..]) {
        Some(("", lowered()))
    } else if day_or_date(&words) {
        Some(("on ", text.clone()))
    } else if bare_time(&words) {
        Some(("", lowered()))
    } else {
        None
    }
}

/// Words that already determine an English noun phrase, so it takes no "the".
const DETERMINERS: [&str; 34] = [
    "the", "a", "an", "your", "our", "my", "his", "her", "their", "its", "this", "that", "these",
    "those", "some", "any", "each", "every", "all", "both", "no", "another", "such", "one", "two",
    "three", "four", "five", "several", "many", "few", "more", "most", "whose",
];

/// Words that end a noun phrase's determiner part: a possessive after one belongs to what
/// follows ("advice on Acme's ads" still takes its article).
const PREPOSITIONS: [&str; 9] = ["of", "on", "for", "to", "in", "at", "with", "about", "from"];

/// Small words a name may hold between its capitalised words ("Bank of England").
const NAME_LINKS: [&str; 6] = ["of", "and", "&", "for", "the", "de"];

/// A noun phrase set inside an English sentence, with "the" before it when the owner typed
/// it bare: "product photography" → "the product photography", while "your visual
/// identity", "three concepts", "Acme's website" and a name ("Google Maps", "Acme Ltd.")
/// stay as typed. Otherwise as `phrase`. Persian has no article: there it is `phrase`.
pub fn the(value: &str, end: bool, lang: Lang) -> String {
    let text = phrase(value, end);
    if lang != Lang::En {
        return text;
    }
    let text = lower_common(&text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = words.first() else {
        return text;
    };
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
            .to_lowercase()
    };
    let first_word = bare(first);
    let starts_latin = first
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    // A possessive before the head noun determines the phrase wherever it stands: "Acme's
    // site", "last Thursday's meeting" (never "the last Thursday's meeting").
    let possessive = words
        .iter()
        .take_while(|w| !PREPOSITIONS.contains(&bare(w).as_str()))
        .any(|w| {
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'")
        });
    let determined = DETERMINERS.contains(&first_word.as_str())
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || possessive;
    let name = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || NAME_LINKS.contains(&bare(w).as_str())
    });
    if !starts_latin || determined || name {
        text
    } else {
        format!("the {text}")
    }
}

/// Whether an English topic reads best bare, with no "the" added: its head noun (the last
/// word before any preposition) is abstract ("rudeness", "print quality") or plural
/// ("delays", "delays in delivery"). "the late delivery of your order" stays determined.
pub fn is_bare_topic(value: &str, lang: Lang) -> bool {
    if lang != Lang::En {
        return false;
    }
    let head = head_noun(&phrase(value, false));
    let head = head.as_str();
    let plural = head.len() > 3
        && head.ends_with('s')
        && !["ss", "us", "is", "news"]
            .iter()
            .any(|end| head.ends_with(end));
    is_abstract_noun(head) || plural
}

/// Whether an English noun phrase's head (its last word before any preposition) is a
/// common uncountable noun, which takes no "a": "free delivery", "extra support".
fn uncountable_head(text: &str) -> bool {
    const UNCOUNTABLE: [&str; 13] = [
        "delivery",
        "shipping",
        "postage",
        "support",
        "advice",
        "help",
        "access",
        "feedback",
        "hosting",
        "maintenance",
        "training",
        "work",
        "time",
    ];
    UNCOUNTABLE.contains(&head_noun(text).as_str())
}

/// The head noun of an English noun phrase, in lower case: its last word before any
/// preposition ("delays" in "delays in delivery", "delivery" in "free delivery").
fn head_noun(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
        .last()
        .unwrap_or_default()
}

/// A phrase typed in sentence case reads in lower case inside a sentence when its first word
/// is a plain determiner ("Our basic package" → "our basic package", "The About page text" →
/// "the About page text"); a name, every word capitalised ("The Hague"), stays as typed.
/// Isolate marks around the value are skipped.
pub fn lower_determiner(text: &str) -> String {
    lower_plain_start(text, &DETERMINERS)
}

/// Common English words a noun phrase typed in sentence case (a phone capitalises the first
/// letter) often starts with: mid-sentence they read in lower case ("the Translation of the
/// site" → "the translation of the site", "Inflation" → "inflation"). A word not listed, or a
/// phrase whose every word is capitalised ("Blue Design Studio"), is taken for a name.
const EN_COMMON_WORDS: [&str; 265] = [
    "a",
    "access",
    "accounting",
    "accounts",
    "addition",
    "additional",
    "admin",
    "advertising",
    "advice",
    "all",
    "an",
    "analysis",
    "animation",
    "annual",
    "any",
    "approval",
    "as",
    "audit",
    "backup",
    "backups",
    "banner",
    "because",
    "better",
    "blog",
    "bookkeeping",
    "both",
    "branding",
    "brochure",
    "broken",
    "budget",
    "business",
    "catalogue",
    "change",
    "changes",
    "cleaning",
    "client",
    "closure",
    "coaching",
    "colour",
    "colours",
    "company",
    "complete",
    "confidential",
    "consulting",
    "content",
    "continued",
    "contract",
    "copy",
    "copywriting",
    "cost",
    "costs",
    "credit",
    "customer",
    "daily",
    "damaged",
    "data",
    "deadline",
    "delayed",
    "delays",
    "delivered",
    "delivery",
    "demand",
    "design",
    "development",
    "digital",
    "discount",
    "discounts",
    "domain",
    "draft",
    "due",
    "each",
    "earlier",
    "editing",
    "email",
    "emails",
    "end",
    "equipment",
    "estimate",
    "every",
    "everything",
    "extra",
    "falling",
    "faster",
    "fee",
    "feedback",
    "fees",
    "files",
    "final",
    "first",
    "five",
    "following",
    "four",
    "free",
    "full",
    "graphic",
    "growing",
    "hardware",
    "health",
    "high",
    "higher",
    "hosting",
    "illustration",
    "illustrations",
    "improved",
    "increase",
    "increased",
    "inflation",
    "initial",
    "installation",
    "insults",
    "insurance",
    "introduction",
    "invoice",
    "invoices",
    "lack",
    "landing",
    "last",
    "late",
    "layout",
    "legal",
    "less",
    "licence",
    "licences",
    "logo",
    "logos",
    "longer",
    "low",
    "lower",
    "maintenance",
    "many",
    "marketing",
    "materials",
    "media",
    "meeting",
    "meetings",
    "missed",
    "missing",
    "mobile",
    "monthly",
    "more",
    "move",
    "new",
    "newsletter",
    "no",
    "office",
    "one",
    "ongoing",
    "online",
    "order",
    "ordered",
    "our",
    "packaging",
    "page",
    "pages",
    "paper",
    "payment",
    "payments",
    "performance",
    "personal",
    "phone",
    "photo",
    "photography",
    "photos",
    "placed",
    "poor",
    "previous",
    "print",
    "printing",
    "priority",
    "product",
    "production",
    "project",
    "proofreading",
    "proposal",
    "quality",
    "quarterly",
    "quote",
    "quotes",
    "raised",
    "recent",
    "redesign",
    "reduced",
    "reduction",
    "refund",
    "removal",
    "rent",
    "repairs",
    "repeated",
    "replacement",
    "report",
    "reports",
    "reprint",
    "reprints",
    "research",
    "retirement",
    "revision",
    "revisions",
    "rising",
    "rude",
    "salaries",
    "same-day",
    "second",
    "security",
    "server",
    "service",
    "services",
    "shortage",
    "shorter",
    "shouting",
    "sign",
    "sign-off",
    "signage",
    "site",
    "slow",
    "social",
    "software",
    "some",
    "staff",
    "staffing",
    "storage",
    "strategy",
    "supplier",
    "suppliers",
    "support",
    "switch",
    "tax",
    "team",
    "technical",
    "text",
    "that",
    "the",
    "this",
    "three",
    "today",
    "tonight",
    "training",
    "translation",
    "translations",
    "travel",
    "tutoring",
    "two",
    "unapproved",
    "unauthorised",
    "unlimited",
    "unpaid",
    "updates",
    "urgent",
    "video",
    "videos",
    "visual",
    "voucher",
    "vouchers",
    "wages",
    "web",
    "website",
    "websites",
    "weekly",
    "wholesale",
    "work",
    "workload",
    "writing",
    "wrong",
    "yearly",
    "yesterday",
    "your",
];

/// `text` with a common first word lowered when it stands in sentence case mid-sentence
/// ("Bookkeeping" → "bookkeeping", "Low demand" → "low demand", "The Translation" stays a
/// name only when every word is capitalised). Isolate marks before it are skipped.
pub fn lower_common(text: &str) -> String {
    lower_start(text, &EN_COMMON_WORDS, true)
}

/// Whether a value the owner typed reads as a sentence (a clause) rather than a noun
/// phrase, so a template can word its slot for each. A stop alone does not make a sentence:
/// a short verbless English value ("staff shortages.", "Rising costs.", "delivered on
/// time.") takes the phrase path exactly as it does without the stop. Otherwise: English
/// by a finite verb or auxiliary, a pronoun subject, a subject followed by a past or
/// present verb ("The meeting ended…", "Our studio closes…"), an opener or an imperative;
/// Persian by a final verb form.
pub fn is_sentence(value: &str, lang: Lang) -> bool {
    let text = value.trim();
    if text.is_empty() {
        return false;
    }
    if text.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
        return true;
    }
    // A sentence mark makes a sentence unless the words are a short verbless English phrase
    // (a stop that belongs to an abbreviation, "Acme Ltd.", is no sentence mark).
    let sentence_mark = text.ends_with(['!', '?', '؟', '…'])
        || text.ends_with("...")
        || text.ends_with('.') && !ends_with_own_stop(text);
    let words = text.split_whitespace().count();
    let bare = |word: Option<&str>| bare_word(word.unwrap_or(""));
    let first = bare(text.split_whitespace().next());
    let request =
        lang == Lang::En && ["please", "can", "could", "would", "will"].contains(&first.as_str());
    // A last word in "-ed" after another word is a past verb ("nothing changed", "costs
    // doubled"); a phrase rarely ends in one.
    let last = bare(text.split_whitespace().last());
    let past = lang == Lang::En && words >= 2 && last.len() > 4 && last.ends_with("ed");
    // A sentence opener such as "despite" or "although" leads a clause of four words or more.
    let opener = lang == Lang::En
        && words >= 4
        && [
            "despite",
            "although",
            "though",
            "since",
            "unfortunately",
            "sadly",
            "even",
        ]
        .contains(&first.as_str());
    // A few more finite verbs common in reasons and facts ("This lets us…").
    let verb = lang == Lang::En
        && text.split_whitespace().skip(1).any(|w| {
            [
                "lets", "means", "allows", "gives", "helps", "makes", "provides", "matches",
                "applies", "rose", "fell", "grew", "match", "became",
            ]
            .contains(
                &w.trim_matches(|c: char| !c.is_alphabetic())
                    .to_lowercase()
                    .as_str(),
            )
        });
    // An instruction: an imperative first or after a comma ("For anything urgent, put…").
    let all: Vec<&str> = text.split_whitespace().collect();
    let imperative = lang == Lang::En
        && all.iter().enumerate().any(|(i, w)| {
            (i == 0 || all[i - 1].ends_with(','))
                && [
                    "put", "send", "call", "use", "write", "contact", "let", "add", "mark",
                    "include", "email", "phone", "reply", "ring", "text", "see", "check",
                ]
                .contains(
                    &w.trim_matches(|c: char| !c.is_alphabetic())
                        .to_lowercase()
                        .as_str(),
                )
                && all.len() >= 3
                && (sentence_mark || !noun_led(&all[i..]))
        });
    // A subject (a determiner and a noun, or a name) followed by a finite verb: "The
    // meeting ended…", "Our studio closes…", "Our FAQ page answers…", "Sara left…".
    let bare: Vec<String> = all
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic() && c != '\'')
                .to_lowercase()
        })
        .collect();
    let finite = |w: &str| {
        EN_IRREGULAR_VERBS.contains(&w) || w.len() > 4 && w.ends_with("ed") && w != "need"
    };
    let verb_at = |i: usize| {
        bare.get(i)
            .is_some_and(|w| finite(w) || EN_PRESENT_VERBS.contains(&w.as_str()))
            && !finite(&bare[i - 1])
            && !EN_SUBJECTS.contains(&bare[i - 1].as_str())
    };
    let subject_verb = lang == Lang::En
        && all.len() >= 3
        && if EN_DETERMINERS.contains(&bare[0].as_str()) {
            verb_at(2) || verb_at(3)
        } else {
            !["a", "an"].contains(&bare[0].as_str()) && verb_at(1)
        };
    // A subject pronoun after a fronted time or place ("From this month we also offer…",
    // "In January, they close…"); after a noun it may start a relative clause ("the work we
    // agreed"), which stays a phrase.
    let fronted = lang == Lang::En
        && bare.iter().enumerate().skip(1).any(|(i, w)| {
            ["we", "they", "i"].contains(&w.as_str())
                && i + 1 < bare.len()
                && (all[i - 1].ends_with(',')
                    || [
                        "from", "since", "in", "on", "at", "after", "before", "starting", "next",
                        "today", "now", "then", "also", "recently", "lately",
                    ]
                    .contains(&bare[0].as_str()))
        });
    is_clause(text, lang)
        || fronted
        || request
        || past
        || opener
        || verb
        || imperative
        || subject_verb
        || sentence_mark && !(lang == Lang::En && verbless_fragment(&bare))
}

/// Verbs that start an owner's offer or option as a bare action ("refund the delivery
/// charge", "recommend another printer"); such a phrase takes "we would be happy to …",
/// never "we can offer you …" or "the …".
const EN_ACTION_VERBS: [&str; 44] = [
    "recommend",
    "reuse",
    "redo",
    "refer",
    "send",
    "drop",
    "prepare",
    "include",
    "give",
    "provide",
    "arrange",
    "extend",
    "waive",
    "introduce",
    "migrate",
    "transfer",
    "keep",
    "split",
    "reduce",
    "add",
    "deliver",
    "write",
    "make",
    "take",
    "put",
    "lend",
    "hand",
    "set",
    "bring",
    "pass",
    "forward",
    "postpone",
    "deduct",
    "absorb",
    "cancel",
    "replace",
    "remove",
    "shorten",
    "simplify",
    "skip",
    "archive",
    "export",
    "rebook",
    "reschedule",
];

/// Verbs that are also nouns at the head of a noun phrase ("email support", "support by
/// email", "free delivery", "a refund"): they start an action only before an object or a
/// particle ("refund the charge", "move your mailboxes", "free up a day").
const EN_ACTION_NOUN_TOO: [&str; 26] = [
    "refund", "email", "support", "free", "review", "check", "call", "update", "design", "print",
    "reprint", "edit", "cut", "discount", "copy", "move", "share", "host", "switch", "return",
    "cover", "lower", "pause", "offer", "help", "hold",
];

/// Words after a verb-and-noun that show it is the verb: an object or a particle.
const EN_ACTION_OBJECTS: [&str; 36] = [
    "the",
    "a",
    "an",
    "your",
    "our",
    "you",
    "it",
    "them",
    "this",
    "that",
    "these",
    "those",
    "all",
    "any",
    "some",
    "every",
    "each",
    "one",
    "two",
    "three",
    "another",
    "up",
    "out",
    "back",
    "over",
    "off",
    "down",
    "his",
    "her",
    "their",
    "its",
    "both",
    "half",
    "part",
    "everything",
    "him",
];

/// Whether the owner typed an offer or option as a bare action, verb first ("refund the
/// delivery charge", "Send weekly updates"), so the template words it as something we will
/// do; a noun phrase ("email support on Saturdays", "a monthly summary", "free delivery")
/// and a sentence with a subject ("We will…") are not actions. English only.
pub fn is_action(value: &str, lang: Lang) -> bool {
    if lang != Lang::En {
        return false;
    }
    let text = value.trim();
    if text.is_empty() || text.lines().filter(|l| !l.trim().is_empty()).count() > 1 {
        return false;
    }
    let bare: Vec<String> = text.split_whitespace().map(bare_word).collect();
    let Some(first) = bare.first() else {
        return false;
    };
    let second = bare.get(1).map(String::as_str).unwrap_or("");
    // "Email us…", "Send me…" is an instruction to the client, not something we will do.
    let stop = ["of", "by", "for", "on", "at", "in", "and", "or", "us", "me"];
    if bare.len() < 2 || stop.contains(&second) {
        return false;
    }
    // A capitalised sentence led by a verb of contact ("Send urgent requests by text.") is an
    // instruction to the client, which stands as typed.
    const INSTRUCTIONS: [&str; 12] = [
        "send", "call", "email", "put", "use", "contact", "write", "mark", "reply", "phone",
        "text", "add",
    ];
    if text.starts_with(char::is_uppercase)
        && ends_sentence(text)
        && INSTRUCTIONS.contains(&first.as_str())
    {
        return false;
    }
    if EN_ACTION_VERBS.contains(&first.as_str()) {
        return true;
    }
    EN_ACTION_NOUN_TOO.contains(&first.as_str())
        && (EN_ACTION_OBJECTS.contains(&second)
            || second.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// A bare action set after "we would be happy to": one line, its first letter lowered
/// ("Refund the charge." → "refund the charge"), with a closing stop when `end`.
pub fn action(value: &str, end: bool) -> String {
    let text = phrase(value, end);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// A word without its punctuation, in lower case: how the English word lists are matched.
fn bare_word(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase()
}

/// Plain English adjectives an owner may type for how a colleague was treated ("rude",
/// "harsh"); longer ones are caught by their endings in `is_manner_word`.
const EN_MANNER_WORDS: [&str; 40] = [
    "rude",
    "harsh",
    "hostile",
    "mean",
    "nasty",
    "unkind",
    "curt",
    "loud",
    "angry",
    "abrupt",
    "cold",
    "crude",
    "vulgar",
    "short",
    "sharp",
    "offhand",
    "brusque",
    "snide",
    "racist",
    "sexist",
    "obscene",
    "unprofessional",
    "impolite",
    "unpleasant",
    "inappropriate",
    "unacceptable",
    "condescending",
    "patronising",
    "patronizing",
    "demeaning",
    "insulting",
    "intimidating",
    "belittling",
    "threatening",
    "humiliating",
    "disparaging",
    "rough",
    "cruel",
    "irate",
    "uncivil",
];

/// Words that only strengthen or join the adjectives ("very rude", "rude and dismissive").
const EN_MANNER_LINKS: [&str; 15] = [
    "very",
    "really",
    "extremely",
    "quite",
    "rather",
    "so",
    "too",
    "incredibly",
    "deeply",
    "highly",
    "utterly",
    "totally",
    "completely",
    "and",
    "or",
];

/// Nouns that share an adjective's or adverb's ending: "bully", "incident", "file".
const EN_MANNER_NOUNS: [&str; 24] = [
    "bully", "family", "rally", "reply", "assembly", "supply", "ally", "folly", "incident",
    "accident", "client", "content", "agent", "event", "topic", "music", "panic", "logic",
    "traffic", "critic", "file", "profile", "smile", "while",
];

/// Whether one word reads as an adjective or adverb of manner: listed, or by an ending
/// ("aggressive", "contemptuous", "disrespectful", "sarcastic", "arrogant", "rudely").
fn is_manner_word(word: &str) -> bool {
    if EN_MANNER_WORDS.contains(&word) {
        return true;
    }
    if EN_MANNER_NOUNS.contains(&word) || word.ends_with("ment") || word.len() < 5 {
        return false;
    }
    ["ly", "ive", "ous", "ful", "less", "ic", "ical", "ile"]
        .iter()
        .any(|end| word.ends_with(end))
        || word.len() > 6 && (word.ends_with("ant") || word.ends_with("ent"))
}

/// How a colleague was treated, when the owner typed only adjectives or adverbs for it
/// ("Rude.", "aggressive", "very rudely", "rude and dismissive"): an adverb stands as typed
/// ("rudely"), adjectives take "in a … way" ("in an aggressive way"), so the letter never
/// says "was met with rude". A noun phrase ("shouting", "raised voices", "a threat") gives
/// `None` and keeps its own frame. English only.
pub fn manner(value: &str, lang: Lang) -> Option<String> {
    if lang != Lang::En || value.trim().lines().count() > 1 {
        return None;
    }
    let text = phrase(value, false);
    let words: Vec<String> = text.split_whitespace().map(bare_word).collect();
    if words.is_empty() || words.len() > 5 || words.iter().any(String::is_empty) {
        return None;
    }
    let content: Vec<&String> = words
        .iter()
        .filter(|w| !EN_MANNER_LINKS.contains(&w.as_str()))
        .collect();
    let last = content.last()?;
    if !content.iter().all(|w| is_manner_word(w)) {
        return None;
    }
    // A first capital typed at the start of the field is no name here: "Rude" → "rude".
    let mut chars = text.chars();
    let first = chars.next()?;
    let typed = if chars.as_str().chars().any(char::is_uppercase) {
        text.clone()
    } else {
        first.to_lowercase().chain(chars).collect()
    };
    if last.ends_with("ly") && !EN_MANNER_WORDS.contains(&last.as_str()) {
        return Some(typed);
    }
    let lead = &words[0];
    let vowel = lead.starts_with(['a', 'e', 'i', 'o'])
        || lead.starts_with('u')
            && !["uni", "use", "usu", "uti"]
                .iter()
                .any(|s| lead.starts_with(s));
    Some(format!("in {} {typed} way", if vowel { "an" } else { "a" }))
}

/// Whether words that start with a verb that is also a noun ("email support on Saturdays",
/// "phone support", "text reminders") read as a noun phrase: the next word is no object
/// or particle an instruction takes ("Email us…", "Call the office…", "Put "Urgent"…").
fn noun_led(words: &[&str]) -> bool {
    const NOUN_TOO: [&str; 11] = [
        "call", "email", "phone", "text", "reply", "ring", "check", "mark", "contact", "use", "see",
    ];
    const OBJECT: [&str; 24] = [
        "us", "me", "them", "him", "her", "it", "the", "a", "an", "your", "our", "this", "that",
        "to", "back", "in", "on", "at", "for", "with", "any", "all", "every", "whether",
    ];
    words
        .first()
        .is_some_and(|w| NOUN_TOO.contains(&bare_word(w).as_str()))
        && words.get(1).is_some_and(|w| {
            !w.starts_with(['"', '\'', '‘', '“']) && !OBJECT.contains(&bare_word(w).as_str())
        })
}

/// A short capitalised phrase with a full stop but no verb ("Repeated shouting.", "Health
/// reasons.") is a fragment the owner closed out of habit, not a sentence: it must take the
/// phrase frames, never stand alone in the letter.
fn verbless_fragment(bare: &[String]) -> bool {
    const VERBISH: [&str; 30] = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
        "will", "would", "can", "could", "should", "must", "may", "might", "shall", "we", "you",
        "they", "he", "she", "it", "i", "there", "not",
    ];
    // A figure ("10%", "£40") is no word of the phrase's length: "A 10% discount on your
    // next order." is as short as its words.
    bare.iter().filter(|w| !w.is_empty()).count() <= 6
        && !bare.iter().enumerate().any(|(i, w)| {
            VERBISH.contains(&w.as_str())
                || EN_IRREGULAR_VERBS.contains(&w.as_str())
                // After a leading "-ing" modifier an "-s" word is a plural noun: "Rising costs."
                || EN_PRESENT_VERBS.contains(&w.as_str()) && !(i == 1 && ing_modifier(&bare[0]))
                || w.ends_with("n't")
                || i > 0 && w.len() > 4 && w.ends_with("ed")
                // A plural subject and a bare present verb: "Mailboxes move to a new server."
                || i > 0
                    && bare[i - 1].len() > 3
                    && bare[i - 1].ends_with('s')
                    && (EN_PRESENT_VERBS.contains(&format!("{w}s").as_str())
                        || EN_PRESENT_VERBS.contains(&format!("{w}es").as_str())
                        || EN_ACTION_VERBS.contains(&w.as_str()))
        })
}

/// A leading "-ing" word that modifies the noun after it ("rising", "printing"), never an
/// indefinite pronoun ("nothing", "something") that can be a subject itself.
fn ing_modifier(word: &str) -> bool {
    word.len() > 5
        && word.ends_with("ing")
        && !["nothing", "something", "everything", "anything"].contains(&word)
}

/// Words a subject noun phrase starts with ("The meeting ended…", "Our studio closes…").
const EN_DETERMINERS: [&str; 14] = [
    "the", "our", "your", "my", "their", "his", "her", "its", "this", "that", "these", "those",
    "every", "each",
];

/// Common irregular past forms (and "-ed" forms are recognised by their ending).
const EN_IRREGULAR_VERBS: [&str; 52] = [
    "began",
    "broke",
    "brought",
    "built",
    "bought",
    "came",
    "chose",
    "cost",
    "dropped",
    "drew",
    "drove",
    "fell",
    "felt",
    "found",
    "forgot",
    "gave",
    "went",
    "grew",
    "heard",
    "held",
    "hit",
    "kept",
    "knew",
    "left",
    "led",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "ran",
    "rose",
    "said",
    "saw",
    "sent",
    "sold",
    "spent",
    "spoke",
    "stood",
    "stopped",
    "struck",
    "took",
    "told",
    "thought",
    "threw",
    "understood",
    "won",
    "wrote",
    "became",
    "got",
    "shut",
    "quit",
];

/// Common present verbs after a subject ("Our studio closes…", "The contract covers…").
const EN_PRESENT_VERBS: [&str; 30] = [
    "closes", "opens", "ends", "starts", "begins", "runs", "costs", "answers", "explains", "shows",
    "lists", "contains", "moves", "handles", "offers", "charges", "expects", "requires", "says",
    "states", "stops", "works", "changes", "replaces", "becomes", "looks", "seems", "pays", "owes",
    "sells",
];

/// Plain words a noun phrase typed as a reason, change or offer often starts with, never a
/// name, so `after_colon` may lower them ("Rising costs" → "rising costs").
const EN_PLAIN_PHRASE_STARTS: [&str; 23] = [
    "rising",
    "higher",
    "increased",
    "growing",
    "repeated",
    "unauthorised",
    "unapproved",
    "personal",
    "late",
    "lower",
    "falling",
    "reduced",
    "continued",
    "ongoing",
    "better",
    "improved",
    "faster",
    "changes",
    "delays",
    "demand",
    "raised",
    "free",
    "extra",
];

/// `text` with its first word lowered when it is one of `plain` in sentence case and the
/// rest is not a name (every word capitalised); isolate marks before it are skipped.
fn lower_plain_start(text: &str, plain: &[&str]) -> String {
    lower_start(text, plain, false)
}

/// The one way both lower a first word of `plain`: `open` (the common-word list) also lowers
/// a lone word and keeps a name that a capitalised second word marks ("New York Times
/// coverage"); without it, a lone word and a phrase whose later words are all capitalised
/// keep their capital. A hyphenated first word can only match a list that has one.
/// A lower-case word with the ending of an abstract noun ("rudeness", "harassment",
/// "aggression", "hostility"): a common word, not a name, when typed in sentence case.
fn is_abstract_noun(word: &str) -> bool {
    word.len() > 5
        && ["ness", "ment", "tion", "sion", "ism", "ity"]
            .iter()
            .any(|end| word.ends_with(end))
}

fn lower_start(text: &str, plain: &[&str], open: bool) -> String {
    let Some(start) = text.find(|c: char| c.is_alphanumeric()) else {
        return text.to_string();
    };
    let rest = &text[start..];
    let words: Vec<&str> = rest.split_whitespace().collect();
    let first = words[0].trim_end_matches(|c: char| !c.is_alphanumeric());
    // A possessive is matched by its word: "Yesterday's call" → "yesterday's call".
    let first = first
        .strip_suffix("'s")
        .or_else(|| first.strip_suffix("’s"))
        .unwrap_or(first);
    let mut chars = first.chars();
    let capitalised = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase() || c == '-');
    // A weekday after the first word is no sign of a name: "Last Thursday's meeting".
    let second_capital = words
        .get(1)
        .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
        .is_some_and(char::is_uppercase)
        && !words.get(1).is_some_and(|w| {
            let w = bare_word(w);
            EN_DAYS.contains(&w.trim_end_matches("'s").trim_end_matches("’s"))
        });
    let later_capitals = words[1..].iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
            || NAME_LINKS.contains(&w.to_lowercase().as_str())
    });
    let name = if open {
        second_capital || words.len() > 1 && later_capitals
    } else {
        later_capitals
    };
    let lower = first.to_ascii_lowercase();
    if !capitalised || name || !(plain.contains(&lower.as_str()) || is_abstract_noun(&lower)) {
        return text.to_string();
    }
    let mut out = text[..start].to_string();
    out.push_str(&rest[..1].to_ascii_lowercase());
    out.push_str(&rest[1..]);
    out
}

/// A value that stands as one or more whole sentences (on its own line or after a colon):
/// trimmed line by line, ending in a full stop unless it ends in another closing mark, and
/// in English starting with a capital when its first word is plain lower case.
pub fn sentence(value: &str, lang: Lang) -> String {
    let lines: Vec<&str> = value
        .trim()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut text = lines.join("\n");
    while text.ends_with(CONTINUERS) {
        text.pop();
        text.truncate(text.trim_end().len());
    }
    if !text.is_empty() && !ends_sentence(&text) {
        text.push('.');
    }
    if lang == Lang::En {
        capitalise_start(&mut text);
    }
    text
}

/// Words an English sentence may start with that are never a name, so the sentence can
/// follow a lead-in in lower case ("We will prepare…" → "As a goodwill gesture, we will
/// prepare…").
const EN_PLAIN_STARTS: [&str; 47] = [
    "we",
    "you",
    "they",
    "it",
    "there",
    "this",
    "that",
    "these",
    "those",
    "the",
    "a",
    "an",
    "our",
    "your",
    "their",
    "its",
    "all",
    "every",
    "each",
    "both",
    "any",
    "some",
    "no",
    "from",
    "until",
    "till",
    "since",
    "after",
    "before",
    "during",
    "in",
    "on",
    "at",
    "for",
    "as",
    "when",
    "once",
    "if",
    "with",
    "by",
    "despite",
    "although",
    "though",
    "while",
    "unfortunately",
    "sadly",
    "regrettably",
];

/// A sentence the owner typed, ready to continue a sentence of the letter's after a comma or
/// colon: one clause, in English starting with a plain word, its capital lowered
/// ("We will prepare the files." → "we will prepare the files."). Empty when the value is not
/// such a sentence (a noun phrase, a name or code first, several sentences, or Persian, which
/// has no capitals to fold), so the template keeps the value as a sentence of its own.
pub fn folded(value: &str, lang: Lang) -> String {
    let text = sentence(value, lang);
    if lang != Lang::En || text.contains('\n') {
        return String::new();
    }
    let inner = text.trim_end_matches(|c: char| STOPS.contains(&c));
    if inner.contains(". ") || inner.contains("? ") || inner.contains("! ") {
        return String::new();
    }
    let first = text.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase());
    let lower = word.to_ascii_lowercase();
    if !capitalised || !EN_PLAIN_STARTS.contains(&lower.as_str()) {
        return String::new();
    }
    // A determiner may start a bare noun phrase ("A second logo"), which cannot follow a
    // lead-in; a pronoun or a preposition starts a sentence ("From this month we offer…").
    if DETERMINERS.contains(&lower.as_str()) && !is_clause(&text, lang) {
        return String::new();
    }
    let mut out = text[..1].to_ascii_lowercase();
    out.push_str(&text[1..]);
    out
}

/// A value that ends a sentence of the letter's after a colon ("The change is as follows:
/// …"), so that a noun phrase and a sentence both read: a one-sentence value folds into
/// lower case when `folded` can do it safely; otherwise it stays as the owner typed it (a
/// capital after a colon reads well, and a word that may be a name keeps its capital), a
/// plain determiner in sentence case is lowered ("A 10% discount" → "a 10% discount"), and
/// it ends with one stop. Several lines become several sentences on one line. Persian: as
/// `sentence`.
pub fn after_colon(value: &str, lang: Lang) -> String {
    if lang != Lang::En {
        return sentence(value, lang);
    }
    let folded = folded(value, lang);
    if !folded.is_empty() {
        return folded;
    }
    let lines: Vec<String> = value
        .lines()
        .map(|l| phrase(l, true))
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let line = lower_common(&lower_determiner(line));
            // A plain word lowers only before plain words: "Better Business Bureau
            // complaints" may be a name.
            let rest_plain = line
                .split_whitespace()
                .skip(1)
                .all(|w| !w.chars().any(char::is_uppercase));
            out.push_str(&if rest_plain {
                lower_plain_start(&line, &EN_PLAIN_PHRASE_STARTS)
            } else {
                line
            });
        } else {
            let mut line = line.clone();
            capitalise_start(&mut line);
            out.push(' ');
            out.push_str(&line);
        }
    }
    out
}

/// A channel the client is asked to write through, with its preposition: a bare medium goes
/// "by" ("by email", "by WhatsApp"), a determined place "through" ("through our client
/// portal"). Persian: as `phrase` (the template carries its own preposition).
pub fn via(value: &str, lang: Lang) -> String {
    let text = phrase(value, false);
    if lang != Lang::En || text.is_empty() {
        return text;
    }
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    let text = lower_determiner(&text);
    if DETERMINERS.contains(&first.as_str()) {
        format!("through {text}")
    } else if EN_BY_MEDIA.contains(&text.to_lowercase().as_str()) {
        format!("by {text}")
    } else {
        format!("via {text}")
    }
}

/// Media an English writer sends things "by"; an app or a service ("WhatsApp", "Slack")
/// reads better "via".
const EN_BY_MEDIA: [&str; 10] = [
    "email",
    "e-mail",
    "post",
    "phone",
    "telephone",
    "letter",
    "text",
    "text message",
    "fax",
    "courier",
];

/// The first word of a value as typed, in lower case and without the punctuation around
/// it, so a template can word its slot for it ("weekdays" needs "on", "we …" can follow a
/// comma). Empty for an empty value.
pub fn first_word(value: &str) -> String {
    value
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Words (or pairs of words) that already link a reason to the sentence before it, so a
/// value starting with one continues that sentence as typed: "we have decided to raise our
/// prices because our costs have gone up", never "… prices. Because our costs…".
const EN_CONNECTIVES: [&str; 14] = [
    "because",
    "due to",
    "owing to",
    "as a result of",
    "as",
    "since",
    "given",
    "following",
    "after",
    "in view of",
    "in light of",
    "thanks to",
    "for",
    "on account of",
];

/// A reason the owner typed with its own link word ("because …", "Due to rising costs."),
/// ready to follow a clause of the letter's directly: the link word in lower case (it is
/// never a name), the rest as typed, ending with one stop. Empty when the value does not
/// start with such a word (or in Persian), so the template gives it a lead-in of its own.
pub fn connective(value: &str, lang: Lang) -> String {
    if lang != Lang::En {
        return String::new();
    }
    let text = phrase(value.trim(), true);
    let lower = text.to_lowercase();
    let starts = EN_CONNECTIVES.iter().any(|c| {
        lower
            .strip_prefix(c)
            .is_some_and(|rest| rest.starts_with(' '))
    });
    let first = text.split_whitespace().next().unwrap_or("");
    let plain_case = first.chars().skip(1).all(|c| c.is_lowercase());
    if !starts || !plain_case || text.contains('\n') {
        return String::new();
    }
    let mut out = text[..1].to_ascii_lowercase();
    out.push_str(&text[1..]);
    out
}

/// Words that open a reason's own opening phrase ("Despite two warnings, …"): after
/// "because" such a phrase is set off by a comma ("because, despite two warnings, …").
const EN_OPENING_PHRASES: [&str; 27] = [
    "despite",
    "although",
    "though",
    "while",
    "after",
    "following",
    "given",
    "since",
    "from",
    "until",
    "till",
    "during",
    "in",
    "on",
    "at",
    "for",
    "as",
    "when",
    "once",
    "if",
    "with",
    "by",
    "before",
    "unfortunately",
    "sadly",
    "regrettably",
    "over",
];

/// Link words that may also open a phrase of time or circumstance ("After two warnings,
/// nothing changed."): a reason starting with one and holding a comma is a sentence with an
/// opening phrase, not a reason led by its own link word.
const EN_AMBIGUOUS_LINKS: [&str; 6] = ["after", "since", "following", "given", "as", "for"];

/// A reason the owner typed, linked to the letter's decision so it continues that sentence
/// ("… decided to end our work for you because our expectations no longer match."): one led
/// by its own link word as typed ("due to rising costs."), one sentence that can sit
/// mid-sentence after "because" (its capital lowered, an opening phrase set off by a comma,
/// "I" kept). Returns the link word(s) of the letter's and the owner's words apart, so only
/// the latter go inside an isolate. `None` when the value cannot be linked (a noun phrase,
/// several sentences, a name or code first, or Persian): the template then gives it a
/// sentence of its own.
pub fn reason_link(value: &str, lang: Lang) -> Option<(&'static str, String)> {
    if lang != Lang::En {
        return None;
    }
    let own = connective(value, lang);
    let first = own.split_whitespace().next().unwrap_or("");
    let opening_phrase = own.contains(", ") && EN_AMBIGUOUS_LINKS.contains(&first);
    if !own.is_empty() && !opening_phrase {
        return Some(("", own));
    }
    if !is_sentence(value, lang) {
        return None;
    }
    let mut fit = folded(value, lang);
    if fit.is_empty() && opening_phrase {
        fit = own;
    }
    if fit.is_empty() {
        // A reason typed as a sentence that opens with a determiner and says what no longer
        // holds ("Our expectations about the schedule no longer match.") is a clause, even
        // with a verb `folded` does not know.
        let text = sentence(value, lang);
        let word = first_word(&text);
        let typed_case = text.split_whitespace().next().unwrap_or("");
        let plain_capital = typed_case.chars().skip(1).all(|c| c.is_lowercase());
        let negated = [" no longer ", " not ", " never ", "n't "]
            .iter()
            .any(|n| text.contains(n));
        let one = !text.contains('\n') && !text.trim_end_matches(STOPS).contains(". ");
        if DETERMINERS.contains(&word.as_str()) && plain_capital && negated && one {
            fit = text[..1].to_ascii_lowercase() + &text[1..];
        }
    }
    if fit.is_empty() {
        // "I" is never lowered, so a sentence starting with it follows "because" as typed.
        let text = sentence(value, lang);
        let inner = text.trim_end_matches(|c: char| STOPS.contains(&c));
        let single = !text.contains('\n') && ![". ", "? ", "! "].iter().any(|m| inner.contains(m));
        let word = text.split_whitespace().next().unwrap_or("");
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if single && ["I", "I'm", "I've", "I'd", "I'll"].contains(&word) {
            fit = text;
        }
    }
    if fit.is_empty() {
        return None;
    }
    let lead = fit.split_whitespace().next().unwrap_or("");
    let lead = lead.trim_end_matches(|c: char| !c.is_alphanumeric());
    let comma = fit.contains(", ") && EN_OPENING_PHRASES.contains(&lead);
    Some((if comma { "because, " } else { "because " }, fit))
}

/// English words that make a line a clause rather than a noun phrase: auxiliaries and
/// the commonest finite verbs, and the pronouns a clause starts with.
const EN_CLAUSE_WORDS: [&str; 44] = [
    "is", "are", "was", "were", "will", "would", "can", "could", "shall", "should", "may", "might",
    "must", "has", "have", "had", "does", "do", "did", "isn't", "aren't", "won't", "can't",
    "don't", "doesn't", "we'll", "we're", "we've", "you'll", "you're", "it's", "there's", "gets",
    "goes", "comes", "takes", "needs", "includes", "covers", "stays", "remains", "keeps",
    "receive", "send",
];

/// Words a clause starts with in English ("We send…", "You receive…").
const EN_SUBJECTS: [&str; 8] = ["we", "you", "they", "i", "he", "she", "it", "there"];

/// Persian verbs (and auxiliaries) that end a sentence; a verb with «می‌»/«نمی‌», or a
/// perfect form («شده‌اند»، «رسیده‌ایم»), is recognised by its shape instead.
const FA_VERBS: [&str; 40] = [
    "است",
    "نیست",
    "هست",
    "هستند",
    "نیستند",
    "بود",
    "نبود",
    "بودند",
    "شد",
    "نشد",
    "شدند",
    "شود",
    "نشود",
    "شوند",
    "باشد",
    "نباشد",
    "باشند",
    "دارد",
    "ندارد",
    "دارند",
    "کرد",
    "کردیم",
    "کند",
    "کنند",
    "کنیم",
    "داد",
    "دادیم",
    "دهد",
    "دهیم",
    "دهند",
    "ماند",
    "گردد",
    "بماند",
    "گیرد",
    "گیرند",
    "رسد",
    "رسید",
    "فرمایید",
    "بفرمایید",
    "خواهد",
];

/// Whether a list item reads as a clause (a sentence) rather than a noun phrase: in
/// Persian, it ends in a verb; in English, it has a finite verb or starts with a subject.
/// An item ending in «!» or «?», or holding more than one sentence, is a sentence.
fn is_clause(item: &str, lang: Lang) -> bool {
    let text = item.trim_end_matches(|c: char| STOPS.contains(&c) || CONTINUERS.contains(&c));
    if item.trim_end().ends_with(['!', '?', '؟']) || text.contains(". ") {
        return true;
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '(' | ')' | '«' | '»'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\u{200c}' && c != '\'')
                .to_string()
        })
        .collect();
    match lang {
        Lang::Fa => {
            let Some(last) = words.last() else {
                return false;
            };
            let before = words.len().checked_sub(2).map(|i| words[i].as_str());
            last.starts_with("می\u{200c}")
                || last.starts_with("نمی\u{200c}")
                || matches!(before, Some("می" | "نمی"))
                || FA_VERBS.contains(&last.as_str())
                || ["\u{200c}اند", "\u{200c}ایم", "\u{200c}اید", "\u{200c}است"]
                    .iter()
                    .any(|end| last.ends_with(end))
        }
        Lang::En => {
            let lower: Vec<String> = words
                .iter()
                .map(|w| w.to_lowercase().replace('’', "'"))
                .collect();
            lower
                .first()
                .is_some_and(|w| EN_SUBJECTS.contains(&w.as_str()))
                || lower.iter().any(|w| EN_CLAUSE_WORDS.contains(&w.as_str()))
        }
    }
}

/// One list item: a sentence ends with one stop; a noun phrase takes none («یک طرح»,
/// "Three initial concepts"). In English either starts with a capital when its first
/// word is plain lower case.
/// An English sentence or list item starts with a capital, unless its first word already
/// has one somewhere (a name or code such as "iPhone" or "eBay" is left as typed).
fn capitalise_start(text: &mut String) {
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word
        .chars()
        .all(|c| c.is_ascii_lowercase() || !c.is_alphabetic())
        && let Some(first) = text.chars().next()
        && first.is_ascii_lowercase()
    {
        text.replace_range(..1, &first.to_ascii_uppercase().to_string());
    }
}

fn list_item(item: &str, force_sentence: bool, lang: Lang) -> String {
    if force_sentence || is_clause(item, lang) {
        return sentence(item, lang);
    }
    let mut text = phrase(item, false);
    if lang == Lang::En {
        capitalise_start(&mut text);
    }
    text
}

/// Lines typed one item each, as a list: every non-empty line starts with "- " (a typed
/// "•", "*" or "–" becomes "-"; numbered lines keep their number). A list ends its items
/// one way: a list of noun phrases takes no stops, but once one item is a sentence, every
/// item ends with one full stop, so "Send files." never sits above "Close accounts"
/// (`list_item`). `stop=true` makes every item a sentence whatever they are.
pub fn bullets(value: &str, stop: bool, lang: Lang) -> String {
    let lines: Vec<&str> = value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let stop = stop
        || lines.iter().any(|line| {
            let bare = line
                .trim_start_matches(|c: char| {
                    persian::digit_value(c).is_some()
                        || matches!(c, '.' | ')' | '-' | ' ' | '•' | '*' | '–' | '—' | '·')
                })
                .trim_start();
            !bare.is_empty() && is_clause(bare, lang)
        });
    lines
        .into_iter()
        .filter_map(|line| {
            let digits: usize = line
                .chars()
                .take_while(|c| persian::digit_value(*c).is_some())
                .map(char::len_utf8)
                .sum();
            let rest = &line[digits..];
            let mark: usize = rest
                .chars()
                .take_while(|c| matches!(c, '.' | ')' | '-' | ' '))
                .map(char::len_utf8)
                .sum();
            // "1. item", «۲- مورد»: the number and its mark stay as typed (a line that
            // starts with a count, «۳ طرح», is an ordinary item).
            if digits > 0 && rest[..mark].trim() != "" {
                let item = rest[mark..].trim();
                let head = line[..digits + mark].trim_end();
                return Some(if item.is_empty() {
                    head.to_string()
                } else {
                    format!("{head} {}", list_item(item, stop, lang))
                });
            }
            let bare = line
                .trim_start_matches(['-', '•', '*', '–', '—', '·'])
                .trim_start();
            if bare.is_empty() {
                return None;
            }
            Some(format!("- {}", list_item(bare, stop, lang)))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A count in running text, with its noun: small numbers in words, as each language's style
/// has them (up to ten in both languages), larger ones in digits; the English
/// noun singular for one. `«۲ روز کاری»` → «دو روز کاری», `1` → "one working day".
pub fn count(n: u64, lang: Lang, one: Option<&str>, other: Option<&str>) -> String {
    // British house style, like Persian, writes one to ten in words in running text.
    let small = (1..=10).contains(&n);
    let number = if small {
        numbers::words(n, lang)
    } else {
        numbers::group(n, lang)
    };
    let noun = if n == 1 { one } else { other.or(one) };
    match noun {
        Some(noun) if !noun.is_empty() => format!("{number} {noun}"),
        _ => number,
    }
}

fn text_arg<'a>(args: &'a HashMap<String, Value>, name: &str) -> Option<&'a str> {
    args.get(name).and_then(Value::as_str)
}

fn bool_arg(args: &HashMap<String, Value>, name: &str) -> bool {
    args.get(name).and_then(Value::as_bool).unwrap_or(false)
}

type FilterArgs = HashMap<String, Value>;

/// A filter that passes a placeholder through untouched: an input not filled in yet shows
/// as its placeholder whatever the template does with it.
fn lenient(
    filter: impl Fn(&Value, &FilterArgs) -> tera::Result<Value> + Sync + Send,
) -> impl Fn(&Value, &FilterArgs) -> tera::Result<Value> + Sync + Send {
    move |value, args| match std::iter::once(value)
        .chain(args.values())
        .find(|v| is_marker(v))
    {
        Some(mark) => Ok(mark.clone()),
        None => filter(value, args),
    }
}

fn add(
    tera: &mut tera::Tera,
    name: &str,
    filter: impl Fn(&Value, &FilterArgs) -> tera::Result<Value> + Sync + Send + 'static,
) {
    tera.register_filter(name, lenient(filter));
}

/// Applies `f` to a text value as it was typed: the isolates the letter put around each of
/// its lines (`bidi::isolate`) come off first, so `f` sees the value's own last mark, and go
/// back on the result. A value that was not isolated is not isolated after.
fn on_typed(value: &Value, f: impl Fn(&str) -> String) -> Value {
    let text = as_text(value);
    match bidi::unisolate(&text) {
        Some(typed) => Value::String(bidi::isolate(&f(&typed))),
        None => Value::String(f(&text)),
    }
}

/// The full stop `phrase(end=true)` adds belongs to the letter's sentence, so it goes after
/// the value's isolate: a Latin value ending a Persian sentence keeps the stop at the
/// sentence's end («‹the files›.»), not at the Latin text's.
fn phrase_value(value: &Value, end: bool) -> Value {
    let text = as_text(value);
    let Some(typed) = bidi::unisolate(&text) else {
        return Value::String(phrase(&text, end));
    };
    let inner = phrase(&typed, false);
    if inner.is_empty() {
        return Value::String(String::new());
    }
    let closed = phrase(&typed, end);
    Value::String(match closed.strip_prefix(inner.as_str()) {
        Some(added) if !added.is_empty() => format!("{}{added}", bidi::isolate(&inner)),
        _ => bidi::isolate(&closed),
    })
}

/// The rows of an instalment plan. A placeholder for the total, the count or the first date
/// shows where that value would be: a missing count gives one row of placeholders, a
/// missing total gives each row the total's placeholder beside its date.
fn instalment_rows(total: &Value, args: &FilterArgs, lang: Lang) -> tera::Result<Vec<Value>> {
    let count = args.get("count").ok_or_else(|| {
        tera::Error::msg(
            "`instalments` needs count= and first=: instalments(count=3, first=input.first_due)",
        )
    })?;
    let first = args
        .get("first")
        .ok_or_else(|| tera::Error::msg("`instalments` needs the first due date: first=…"))?;
    if is_marker(count) {
        return Ok(vec![
            json!({ "number": count, "amount": count, "date": count }),
        ]);
    }
    let n = as_decimal(count, "instalments")?;
    if n.hundredths != 0 || !(2..=60).contains(&n.whole) {
        return Err(tera::Error::msg(format!(
            "the number of instalments is {}: use a whole number from 2 to 60",
            n.display(Lang::En)
        )));
    }
    let every = match args.get("months") {
        Some(m) => as_decimal(m, "instalments")?.whole as u32,
        None => 1,
    };
    let first = if is_marker(first) {
        None
    } else {
        Some(as_date(first, "instalments")?)
    };
    let amounts: Vec<Value> = if is_marker(total) {
        vec![total.clone(); n.whole as usize]
    } else {
        money::split_instalments(as_decimal(total, "instalments")?, n.whole as u32)
            .into_iter()
            .map(decimal_value)
            .collect()
    };
    let mut rows = Vec::with_capacity(amounts.len());
    for (i, amount) in amounts.into_iter().enumerate() {
        let date = match first {
            Some(first) => json!(dates::iso(
                dates::add_months(first, every * i as u32, lang)
                    .ok_or_else(|| tera::Error::msg("`instalments`: a date is out of range"))?
            )),
            None => args["first"].clone(),
        };
        rows.push(json!({ "number": i + 1, "date": date, "amount": amount }));
    }
    Ok(rows)
}

/// Registers Marz's filters, bound to the letter's language and the client's currency.
pub fn register_filters(tera: &mut tera::Tera, lang: Lang, currency: Currency) {
    crate::shape::register(tera);
    add(tera, "digits", move |v: &Value, _: &FilterArgs| {
        Ok(Value::String(numbers::localize_digits(&as_text(v), lang)))
    });
    add(tera, "amount", move |v: &Value, _: &FilterArgs| {
        Ok(Value::String(as_decimal(v, "amount")?.display(lang)))
    });
    add(tera, "words", move |v: &Value, _: &FilterArgs| {
        let d = as_decimal(v, "words")?;
        let mut text = numbers::words(d.whole, lang);
        if d.hundredths > 0 {
            let (joiner, unit) = match lang {
                Lang::Fa => (" و ", " صدم"),
                Lang::En => (" and ", " hundredths"),
            };
            text = format!(
                "{text}{joiner}{}{unit}",
                numbers::words(u64::from(d.hundredths), lang)
            );
        }
        Ok(Value::String(text))
    });
    add(tera, "money", move |v: &Value, args: &FilterArgs| {
        let currency = match args.get("currency") {
            Some(c) => bidi::strip(&as_text(c))
                .parse::<Currency>()
                .map_err(tera::Error::msg)?,
            None => currency,
        };
        let value = as_decimal(v, "money")?;
        // Persian letters write an amount in words as well, by convention; English only
        // where a letter needs formal weight, so there a template asks with `words=true`.
        // `money(words=false)` keeps a Persian table or friendly line to digits and unit.
        let with_words = args
            .get("words")
            .and_then(Value::as_bool)
            .unwrap_or(lang == Lang::Fa);
        Ok(Value::String(if with_words {
            money::money(value, currency, lang)
        } else {
            money::amount(value, currency, lang)
        }))
    });
    add(tera, "phrase", move |v: &Value, args: &FilterArgs| {
        let value = phrase_value(v, bool_arg(args, "end"));
        // `start=true`: the value opens an English sentence ("our lead, …" → "Our lead, …").
        Ok(if lang == Lang::En && bool_arg(args, "start") {
            on_typed(&value, |text| {
                let mut text = text.to_string();
                capitalise_start(&mut text);
                text
            })
        } else {
            value
        })
    });
    // `mid`: a noun phrase set mid-sentence as typed, a common first word in lower case.
    add(tera, "mid", move |v: &Value, args: &FilterArgs| {
        let value = phrase_value(v, bool_arg(args, "end"));
        Ok(if lang == Lang::En {
            on_typed(&value, lower_common)
        } else {
            value
        })
    });
    // `is_bare_topic`: a topic that reads without an added "the" ("rudeness", "delays").
    add(tera, "is_bare_topic", move |v: &Value, _: &FilterArgs| {
        Ok(Value::Bool(is_bare_topic(&bidi::strip(&as_text(v)), lang)))
    });
    // `is_sentence`: whether the owner typed a clause, so the template words its slot for it.
    add(tera, "is_sentence", move |v: &Value, _: &FilterArgs| {
        let typed = bidi::unisolate(&as_text(v)).unwrap_or_else(|| as_text(v));
        Ok(Value::Bool(is_sentence(&typed, lang)))
    });
    // `manner`: adjectives or adverbs typed for how someone was treated, worded to follow
    // "was treated"; empty for a noun phrase. Only the owner's words go inside the isolate.
    add(tera, "manner", move |v: &Value, _: &FilterArgs| {
        let text = as_text(v);
        let typed = bidi::unisolate(&text);
        let Some(out) = manner(typed.as_deref().unwrap_or(&text), lang) else {
            return Ok(Value::String(String::new()));
        };
        Ok(Value::String(match typed {
            Some(_) => match out.strip_prefix("in ").and_then(|r| r.split_once(' ')) {
                Some((article, rest)) => {
                    let words = rest.strip_suffix(" way").unwrap_or(rest);
                    format!("in {article} {} way", bidi::isolate(words))
                }
                None => bidi::isolate(&out),
            },
            None => out,
        }))
    });
    // `time_adverbial`: a time typed where an event was asked for, as the adverbial its
    // sentence takes ("on Friday", "yesterday"); empty for an event. Only the owner's words go
    // inside the isolate.
    add(tera, "time_adverbial", move |v: &Value, _: &FilterArgs| {
        let text = as_text(v);
        let typed = bidi::unisolate(&text);
        let found = match lang {
            Lang::En => time_adverbial(typed.as_deref().unwrap_or(&text)),
            Lang::Fa => None,
        };
        Ok(Value::String(match (found, typed) {
            (None, _) => String::new(),
            (Some((on, words)), Some(_)) => format!("{on}{}", bidi::isolate(&words)),
            (Some((on, words)), None) => format!("{on}{words}"),
        }))
    });
    // `is_action`: whether an offer or option was typed as a bare action, verb first. A
    // placeholder for a missing value is no action, so its slot keeps its usual frame.
    tera.register_filter("is_action", move |v: &Value, _: &FilterArgs| {
        let typed = bidi::strip(&as_text(v));
        Ok(Value::Bool(!is_marker(v) && is_action(&typed, lang)))
    });
    add(tera, "action", move |v: &Value, args: &FilterArgs| {
        let end = bool_arg(args, "end");
        Ok(on_typed(v, |text| action(text, end)))
    });
    add(tera, "folded", move |v: &Value, _: &FilterArgs| {
        Ok(on_typed(v, |text| folded(text, lang)))
    });
    add(tera, "after_colon", move |v: &Value, _: &FilterArgs| {
        Ok(on_typed(v, |text| after_colon(text, lang)))
    });
    add(tera, "via", move |v: &Value, args: &FilterArgs| {
        let typed = bidi::unisolate(&as_text(v)).unwrap_or_else(|| as_text(v));
        let out = via(&typed, lang);
        let inner = phrase(&typed, false);
        // The preposition is the letter's; only the owner's words go inside the isolate.
        let mut out = match out.strip_suffix(inner.as_str()) {
            Some(prep) if as_text(v) != typed => format!("{prep}{}", bidi::isolate(&inner)),
            _ => out,
        };
        // `via(end=true)` closes the sentence, once: "by Acme Ltd." keeps its own stop.
        if bool_arg(args, "end") && !inner.is_empty() && !ends_sentence(&inner) {
            out.push('.');
        }
        Ok(Value::String(out))
    });
    // `item`: a one-line value the owner typed as a list ("- one concept") without its
    // mark, so a template can run a single item into its sentence; several lines stay whole.
    add(tera, "item", move |v: &Value, _: &FilterArgs| {
        Ok(on_typed(v, crate::shape::unlisted))
    });
    add(tera, "first_word", move |v: &Value, _: &FilterArgs| {
        let typed = bidi::strip(&as_text(v));
        Ok(Value::String(first_word(&typed)))
    });
    add(tera, "connective", move |v: &Value, _: &FilterArgs| {
        Ok(on_typed(v, |text| connective(text, lang)))
    });
    // `reason_link`: a reason linked to the decision before it ("because …"), or empty.
    add(tera, "reason_link", move |v: &Value, _: &FilterArgs| {
        let text = as_text(v);
        let typed = bidi::unisolate(&text);
        let Some((link, words)) = reason_link(typed.as_deref().unwrap_or(&text), lang) else {
            return Ok(Value::String(String::new()));
        };
        Ok(Value::String(match typed {
            Some(_) => format!("{link}{}", bidi::isolate(&words)),
            None => format!("{link}{words}"),
        }))
    });
    add(tera, "the", move |v: &Value, args: &FilterArgs| {
        // `phrase_value` trims the value and places a closing stop outside its isolate;
        // the article, when the value needs one, goes in front of it all.
        let value = as_text(&phrase_value(v, bool_arg(args, "end")));
        let typed = bidi::strip(&as_text(v));
        let added = the(&typed, false, lang) != lower_common(&phrase(&typed, false));
        // `det="your"` where the article would be wrong: a service the client has is "your
        // monthly website maintenance", never "the monthly website maintenance".
        let mut det = args
            .get("det")
            .and_then(Value::as_str)
            .unwrap_or("the")
            .to_string();
        // `det="a"`: the indefinite article, "an" before a vowel, and none before a plural,
        // abstract or uncountable head ("discounts", "compensation", "free delivery").
        let added = if det == "a" {
            let plain = lower_common(&phrase(&typed, false));
            if plain.starts_with(['a', 'e', 'i', 'o']) {
                det = "an".to_string();
            }
            added && !is_bare_topic(&typed, lang) && !uncountable_head(&plain)
        } else {
            added
        };
        let value = if lang == Lang::En {
            lower_common(&lower_determiner(&value))
        } else {
            value
        };
        Ok(Value::String(if added {
            format!("{det} {value}")
        } else {
            value
        }))
    });
    add(tera, "sentence", move |v: &Value, _: &FilterArgs| {
        Ok(on_typed(v, |text| sentence(text, lang)))
    });
    add(tera, "bullets", move |v: &Value, args: &FilterArgs| {
        let stop = bool_arg(args, "stop");
        Ok(on_typed(v, |text| bullets(text, stop, lang)))
    });
    add(tera, "count", move |v: &Value, args: &FilterArgs| {
        let d = as_decimal(v, "count")?;
        if d.hundredths != 0 {
            return Err(tera::Error::msg(format!(
                "`count` needs a whole number, got {}",
                d.display(Lang::En)
            )));
        }
        let (one, other) = (text_arg(args, "one"), text_arg(args, "other"));
        if lang == Lang::En && one.is_some() && other.is_none() {
            return Err(tera::Error::msg(
                "`count` in English needs both forms: count(one=\"day\", other=\"days\")",
            ));
        }
        Ok(Value::String(count(d.whole, lang, one, other)))
    });
    add(tera, "ordinal", move |v: &Value, _: &FilterArgs| {
        let d = as_decimal(v, "ordinal")?;
        Ok(Value::String(numbers::ordinal(d.whole, lang)))
    });
    // Not `add`: a placeholder among its arguments still gives rows (see `instalment_rows`).
    tera.register_filter("instalments", move |v: &Value, args: &FilterArgs| {
        Ok(Value::Array(instalment_rows(v, args, lang)?))
    });
    add(tera, "date", move |v: &Value, _: &FilterArgs| {
        Ok(Value::String(dates::format(as_date(v, "date")?, lang)))
    });
    add(tera, "add_days", move |v: &Value, args: &FilterArgs| {
        let n = args.get("n").ok_or_else(|| {
            tera::Error::msg("`add_days` needs the number of days: add_days(n=7)")
        })?;
        let n = as_decimal(n, "add_days")?;
        let date = as_date(v, "add_days")?
            .checked_add_days(chrono::Days::new(n.whole))
            .ok_or_else(|| tera::Error::msg("`add_days`: the date is out of range"))?;
        Ok(Value::String(dates::iso(date)))
    });
    // Sums and differences of amounts as filters rather than Tera's `+` and `-`: an amount
    // not typed yet is a placeholder, which a filter passes through (the draft shows it)
    // where Tera's arithmetic would stop the whole letter.
    for (name, add_up) in [("plus", true), ("minus", false)] {
        add(tera, name, move |v: &Value, args: &FilterArgs| {
            let n = args.get("n").ok_or_else(|| {
                tera::Error::msg(format!("`{name}` needs the other amount: {name}(n=…)"))
            })?;
            let (a, b) = (as_decimal(v, name)?, as_decimal(n, name)?);
            let result = if add_up {
                a.checked_add(b)
            } else {
                a.checked_sub(b)
            };
            let result = result.ok_or_else(|| {
                tera::Error::msg(format!("`{name}`: the result is not an amount"))
            })?;
            Ok(Value::String(result.plain()))
        });
    }
    // How many days a date lies after another (negative before): lets a letter claim
    // "enough time" only when the notice really gives it.
    add(tera, "days_after", move |v: &Value, args: &FilterArgs| {
        let from = args.get("from").ok_or_else(|| {
            tera::Error::msg("`days_after` needs the earlier date: days_after(from=today)")
        })?;
        let days = (as_date(v, "days_after")? - as_date(from, "days_after")?).num_days();
        Ok(Value::from(days))
    });
    add(tera, "honorific", move |v: &Value, _: &FilterArgs| {
        let code = match v {
            Value::Object(map) => map.get("honorific").map(as_text).unwrap_or_default(),
            other => bidi::strip(&as_text(other)),
        };
        let honorific = match code.as_str() {
            "mr" => Honorific::Mr,
            "ms" => Honorific::Ms,
            "none" | "" => Honorific::None,
            other => {
                return Err(tera::Error::msg(format!(
                    "`honorific` expects mr, ms or none, got `{other}`"
                )));
            }
        };
        Ok(Value::String(honorific.title(lang).to_string()))
    });
}

/// Registers the filters so that templates can be compiled to check their syntax.
pub(crate) fn register_syntax_only(tera: &mut tera::Tera) {
    register_filters(tera, Lang::Fa, Currency::Toman);
}

/// The whole chain of a Tera error as text (Tera keeps the useful part in the sources).
pub(crate) fn error_chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        text.push('\n');
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Collapses the blank lines that template control tags leave behind.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// The rendered pieces of a template, before the frame is put around them.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// Every input as used, typed.
    pub inputs: Map<String, Value>,
    pub subject: String,
    pub greeting: Option<String>,
    pub closing: Option<String>,
    pub body: String,
}

/// The input that falls back to the sender's payment details when left empty.
pub const PAYMENT_DETAILS: &str = "payment_details";

/// What Tera's error means, found along its chain of causes.
fn template_error(file: &std::path::Path, piece: Piece, error: &tera::Error) -> RenderError {
    let file = file.to_path_buf();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = cause {
        if let Some(t) = e.downcast_ref::<tera::Error>() {
            match &t.kind {
                tera::ErrorKind::CallFilter(filter) => {
                    return RenderError::Filter {
                        file,
                        piece,
                        filter: filter.clone(),
                        detail: std::error::Error::source(t)
                            .map(|s| s.to_string())
                            .unwrap_or_default(),
                    };
                }
                tera::ErrorKind::Msg(message)
                    if message.starts_with("Variable `") && message.contains("not found") =>
                {
                    if let Some(name) = message.split('`').nth(1) {
                        return RenderError::Undefined {
                            file,
                            piece,
                            name: name.to_string(),
                        };
                    }
                }
                _ => {}
            }
        }
        cause = e.source();
    }
    RenderError::Template {
        file,
        piece,
        detail: error_chain(error).replace(&format!("'{piece}'"), "it"),
    }
}

/// Renders the template's pieces with resolved inputs; a missing or invalid input shows as
/// its placeholder.
fn render_resolved(draft: &Draft, inputs: &Map<String, Value>) -> Result<Rendered, RenderError> {
    let template = draft.template;
    let lang = template.lang;
    let mut context = tera::Context::new();
    context.insert("client", &client_value(draft.client, lang));
    context.insert(
        "sender",
        &sender_value(&draft.sender.for_letter(lang), lang),
    );
    context.insert("input", inputs);
    context.insert("today", &dates::iso(draft.date));
    // The inputs the owner left to the template's default (neither given nor a client
    // fact), so a letter can leave out a term the owner never chose (discount-2's validity).
    let defaulted: Vec<&str> = template
        .meta
        .inputs
        .iter()
        .filter(|spec| from_default(draft, spec))
        .map(|spec| spec.name.as_str())
        .collect();
    context.insert("defaulted", &defaulted);
    context.insert(
        "letter",
        &json!({ "number": bidi::in_text(&draft.number, lang), "lang": lang.code() }),
    );

    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![]);
    register_filters(&mut tera, lang, draft.client.currency);
    let file = template.origin.path();
    let pieces: [(Piece, Option<&String>); 4] = [
        ("body", Some(&template.body)),
        ("subject", Some(&template.meta.subject)),
        ("greeting", template.meta.greeting.as_ref()),
        ("closing", template.meta.closing.as_ref()),
    ];
    let placeholders: Vec<(String, String)> = template
        .meta
        .inputs
        .iter()
        .filter(|spec| inputs.get(&spec.name).is_some_and(is_marker))
        .map(|spec| {
            let Some(Value::String(mark)) = inputs.get(&spec.name) else {
                unreachable!("filtered to markers")
            };
            (mark.clone(), bidi::in_text(&placeholder(&spec.label), lang))
        })
        .collect();
    let mut out: BTreeMap<&str, String> = BTreeMap::new();
    for (piece, source) in pieces {
        let Some(source) = source else { continue };
        tera.add_raw_template(piece, source)
            .map_err(|e| template_error(file, piece, &e))?;
        let mut text = tera
            .render(piece, &context)
            .map_err(|e| template_error(file, piece, &e))?;
        for (mark, shown) in &placeholders {
            text = text.replace(mark.as_str(), shown);
        }
        out.insert(piece, tidy(&text));
    }
    Ok(Rendered {
        inputs: inputs.clone(),
        subject: out.remove("subject").unwrap_or_default().replace('\n', " "),
        greeting: out.remove("greeting"),
        closing: out.remove("closing"),
        body: out.remove("body").unwrap_or_default(),
    })
}

/// Renders the template's subject, greeting, closing and body; every input must be right.
pub fn render_pieces(draft: &Draft) -> Result<Rendered, RenderError> {
    let resolved = resolve(draft)?;
    if let Some(need) = resolved.needs.into_iter().next() {
        return Err(need.into());
    }
    render_resolved(draft, &resolved.values)
}

/// Renders a whole letter: the template's pieces inside the app's letter frame. Every
/// input must be right: the first that is not is the error.
pub fn render(draft: &Draft) -> Result<Letter, RenderError> {
    let pieces = render_pieces(draft)?;
    Ok(Letter::frame(draft, pieces))
}

/// A letter as far as it can be written now.
#[derive(Debug, Clone, PartialEq)]
pub enum Composed {
    /// Every input is right: the letter can leave.
    Complete(Letter),
    /// Some inputs are missing or invalid; each shows in the letter as its placeholder.
    Draft {
        letter: Letter,
        needs: Vec<InputError>,
    },
    /// The template itself cannot be rendered (a user's template with a mistake), or a
    /// value was given for an input it does not have.
    Broken(RenderError),
}

/// The letter of `draft` as far as it can be written: complete, a draft with placeholders,
/// or the problem that stops it. The one way a letter is built for a screen.
pub fn compose(draft: &Draft) -> Composed {
    let resolved = match resolve(draft) {
        Ok(r) => r,
        Err(e) => return Composed::Broken(e.into()),
    };
    match render_resolved(draft, &resolved.values) {
        Ok(pieces) if resolved.needs.is_empty() => Composed::Complete(Letter::frame(draft, pieces)),
        Ok(pieces) => Composed::Draft {
            letter: Letter::frame(draft, pieces),
            needs: resolved.needs,
        },
        Err(e) => Composed::Broken(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Origin;

    #[test]
    fn time_adverbial_tells_a_time_from_an_event() {
        for (typed, on, words) in [
            ("yesterday", "", "yesterday"),
            ("Yesterday.", "", "yesterday"),
            ("tonight", "", "tonight"),
            ("this afternoon", "", "this afternoon"),
            ("last month", "", "last month"),
            ("Last Friday", "", "last Friday"),
            ("earlier this week", "", "earlier this week"),
            ("two days ago", "", "two days ago"),
            ("Friday", "on ", "Friday"),
            ("Monday morning", "on ", "Monday morning"),
            ("On Friday", "", "on Friday"),
            ("23 November", "on ", "23 November"),
            ("November 23rd", "on ", "November 23rd"),
            ("23 November 2026", "on ", "23 November 2026"),
        ] {
            assert_eq!(
                time_adverbial(typed),
                Some((on, words.to_string())),
                "{typed}"
            );
        }
        for typed in [
            "the call",
            "call",
            "Monday's call",
            "yesterday's meeting",
            "the Friday meeting",
            "the meeting on Thursday",
            "our meeting last week",
            "Friday workshop",
            "23 emails",
            "the November review",
            "",
        ] {
            assert_eq!(time_adverbial(typed), None, "{typed}");
        }
    }

    fn template(lang: Lang, inputs: &str, body: &str) -> Template {
        let text = format!(
            "+++\nid = \"t\"\ntitle = \"T\"\nscenario = \"payment\"\nlevel = 1\nsubject = \"S\"\ndescription = \"D\"\n{inputs}\n+++\n{body}"
        );
        Template::parse(
            &text,
            lang,
            Origin::File(PathBuf::from("/w/templates/x/t.tera")),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn sender() -> Sender {
        Sender {
            name: "مریم".to_string(),
            ..Sender::default()
        }
    }

    /// `f` of the draft of `t` for `client` with `values`.
    fn with_draft<T>(
        t: &Template,
        client: &Client,
        values: &[(&str, &str)],
        f: impl FnOnce(&Draft) -> T,
    ) -> T {
        let values: BTreeMap<String, String> = values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let sender = sender();
        f(&Draft {
            template: t,
            client,
            sender: &sender,
            values: &values,
            date: date(),
            number: "NA/1".to_string(),
        })
    }

    fn render_with(
        t: &Template,
        client: &Client,
        values: &[(&str, &str)],
    ) -> Result<Rendered, RenderError> {
        with_draft(t, client, values, render_pieces)
    }

    fn body(lang: Lang, src: &str) -> String {
        let client = Client::new("c", "Ali");
        render_with(&template(lang, "", src), &client, &[])
            .unwrap()
            .body
    }

    #[test]
    fn filters_in_persian() {
        assert_eq!(
            body(Lang::Fa, "{{ \"INV-2041 و 15\" | digits }}"),
            "INV-۲۰۴۱ و ۱۵"
        );
        assert_eq!(body(Lang::Fa, "{{ 12500000 | amount }}"), "۱۲٬۵۰۰٬۰۰۰");
        assert_eq!(
            body(Lang::Fa, "{{ 12500000 | words }}"),
            "دوازده میلیون و پانصد هزار"
        );
        assert_eq!(
            body(Lang::Fa, "{{ 12500000 | money }}"),
            "۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)"
        );
        assert_eq!(
            body(Lang::Fa, "{{ 2000 | money(currency=\"rial\") }}"),
            "۲٬۰۰۰ ریال (دو هزار ریال)"
        );
        assert_eq!(body(Lang::Fa, "{{ today | date }}"), "۱ آذر ۱۴۰۵");
        assert_eq!(
            body(Lang::Fa, "{{ today | add_days(n=7) | date }}"),
            "۸ آذر ۱۴۰۵"
        );
        assert_eq!(body(Lang::Fa, "{{ today | add_days(n=40) }}"), "2027-01-01");
        assert_eq!(
            body(
                Lang::Fa,
                "{{ today | add_days(n=40) | days_after(from=today) }}"
            ),
            "40"
        );
        assert_eq!(
            body(
                Lang::Fa,
                "{% if today | days_after(from='2026-12-01') < 0 %}before{% endif %}"
            ),
            "before"
        );
        assert_eq!(body(Lang::Fa, "{{ \"mr\" | honorific }}"), "جناب آقای");
        assert_eq!(body(Lang::Fa, "{{ \"ms\" | honorific }}"), "سرکار خانم");
        assert_eq!(body(Lang::Fa, "[{{ client | honorific }}]"), "[]");
    }

    #[test]
    fn filters_in_english() {
        assert_eq!(body(Lang::En, "{{ \"INV-2041\" | digits }}"), "INV-2041");
        assert_eq!(body(Lang::En, "{{ 12500000 | amount }}"), "12,500,000");
        assert_eq!(
            body(Lang::En, "{{ 12500000 | words }}"),
            "twelve million five hundred thousand"
        );
        assert_eq!(
            body(Lang::En, "{{ 12500000 | money }}"),
            "12,500,000 tomans"
        );
        assert_eq!(
            body(Lang::En, "{{ 12500000 | money(words=true) }}"),
            "12,500,000 tomans (twelve million five hundred thousand tomans)"
        );
        assert_eq!(body(Lang::En, "{{ today | date }}"), "22 November 2026");
        assert_eq!(
            body(Lang::En, "{{ today | add_days(n=10) | date }}"),
            "2 December 2026"
        );
        assert_eq!(
            body(
                Lang::En,
                "{{ \"mr\" | honorific }} / {{ \"ms\" | honorific }}"
            ),
            "Mr / Ms"
        );
        assert_eq!(body(Lang::En, "{{ \"۱۲۵۰۰\" | amount }}"), "12,500");
    }

    #[test]
    fn money_uses_the_clients_currency() {
        let mut client = Client::new("c", "Ali");
        client.currency = crate::money::Currency::Usd;
        let t = template(Lang::En, "", "{{ 1250.5 | money(words=true) }}");
        assert_eq!(
            render_with(&t, &client, &[]).unwrap().body,
            "$1,250.50 (one thousand two hundred and fifty US dollars and fifty cents)"
        );
    }

    #[test]
    fn filter_misuse_is_an_error() {
        let client = Client::new("c", "Ali");
        let t = template(Lang::En, "", "{{ \"soon\" | date }}");
        let e = render_with(&t, &client, &[]).unwrap_err().to_string();
        assert!(e.contains("soon"), "{e}");
        let t = template(Lang::En, "", "{{ today | add_days }}");
        let e = render_with(&t, &client, &[]).unwrap_err().to_string();
        assert!(e.contains("add_days(n=7)"), "{e}");
    }

    const INPUTS: &str = "[[inputs]]\nname = \"amount\"\nlabel = \"Amount\"\nkind = \"money\"\n\n[[inputs]]\nname = \"deadline\"\nlabel = \"Deadline\"\nkind = \"date\"\ndefault = \"+7\"\n\n[[inputs]]\nname = \"note\"\nlabel = \"Note\"\nkind = \"text\"\nrequired = false\n\n[[inputs]]\nname = \"what\"\nlabel = \"What\"\nkind = \"choice\"\nrequired = false\nchoices = [{ value = \"pause\", label = \"توقف\" }, { value = \"legal\" }]\n";

    #[test]
    fn inputs_are_typed_and_defaulted() {
        let client = Client::new("c", "Ali");
        let t = template(
            Lang::Fa,
            INPUTS,
            "{{ input.amount + 1 }}|{{ input.deadline | date }}|{{ input.note }}|{{ input.what }}",
        );
        let out = render_with(&t, &client, &[("amount", "۱۲٬۰۰۰"), ("what", "توقف")]).unwrap();
        assert_eq!(out.body, "12001|۸ آذر ۱۴۰۵||pause");
        let out = render_with(&t, &client, &[("amount", "5"), ("deadline", "1405/09/10")]).unwrap();
        assert_eq!(out.body, "6|۱۰ آذر ۱۴۰۵||");
    }

    #[test]
    fn client_facts_prefill_inputs_and_given_values_win() {
        let mut client = Client::new("c", "Ali");
        client.facts.insert("amount".to_string(), "700".to_string());
        let t = template(Lang::En, INPUTS, "{{ input.amount }}");
        assert_eq!(render_with(&t, &client, &[]).unwrap().body, "700");
        assert_eq!(
            render_with(&t, &client, &[("amount", "9")]).unwrap().body,
            "9"
        );
        // An empty value given (a form field the owner emptied) does not bring the fact back.
        assert!(matches!(
            render_with(&t, &client, &[("amount", " ")]),
            Err(RenderError::Input(InputError::Missing { .. }))
        ));
    }

    #[test]
    fn a_draft_shows_placeholders_and_lists_what_it_needs() {
        const BODY: &str =
            "{{ input.amount | money }} تا {{ input.deadline | date }} برای {{ input.note }}";
        let (t, client) = (template(Lang::Fa, INPUTS, BODY), Client::new("c", "Ali"));
        let composed = with_draft(&t, &client, &[("deadline", "soon")], compose);
        match composed {
            Composed::Draft { letter, needs } => {
                assert_eq!(
                    bidi::strip(&letter.body),
                    "[Amount] تا [Deadline] برای",
                    "every problem shows as its placeholder, through the filters"
                );
                assert_eq!(needs.len(), 2, "{needs:?}");
                assert!(matches!(&needs[0], InputError::Missing { name, .. } if name == "amount"));
                assert!(matches!(
                    &needs[1],
                    InputError::Invalid { name, problem: ValueError::Date(_), .. } if name == "deadline"
                ));
            }
            other => panic!("{other:?}"),
        }
        // Strict rendering refuses the same draft, naming the first need.
        assert!(matches!(
            with_draft(&t, &client, &[("deadline", "soon")], render),
            Err(RenderError::Input(InputError::Missing { .. }))
        ));
    }

    #[test]
    fn strict_input_errors_name_the_input() {
        let client = Client::new("c", "Ali");
        let t = template(Lang::En, INPUTS, "{{ input.amount }}");
        match render_with(&t, &client, &[]) {
            Err(RenderError::Input(InputError::Missing { name, .. })) => assert_eq!(name, "amount"),
            other => panic!("{other:?}"),
        }
        match render_with(&t, &client, &[("amount", "1"), ("colour", "red")]) {
            Err(RenderError::Input(InputError::Unknown { name, known, .. })) => {
                assert_eq!(name, "colour");
                assert!(known.contains("deadline"));
            }
            other => panic!("{other:?}"),
        }
        match render_with(&t, &client, &[("amount", "lots")]) {
            Err(RenderError::Input(InputError::Invalid { name, problem, .. })) => {
                assert_eq!(name, "amount");
                assert_eq!(
                    problem,
                    ValueError::Number(NumberError::NotANumber("lots".into()))
                );
            }
            other => panic!("{other:?}"),
        }
        let e =
            render_with(&t, &client, &[("amount", "1"), ("deadline", "2026-02-30")]).unwrap_err();
        assert!(
            e.to_string().contains("Deadline") && e.to_string().contains("2026-02-30"),
            "{e}"
        );
        let e = render_with(&t, &client, &[("amount", "1"), ("what", "shout")]).unwrap_err();
        // The options as the owner reads them: a label where there is one.
        assert!(e.to_string().contains("توقف, legal"), "{e}");
    }

    /// A part payment of the whole invoice (or more) is refused by the core, naming both
    /// amounts as typed and the other input, in both languages; one unit less renders.
    #[test]
    fn a_part_payment_must_be_less_than_the_invoice() {
        let lib = crate::template::Library::load(None);
        let client = Client::new("c", "Ali");
        for lang in [Lang::En, Lang::Fa] {
            let t = lib.get("payment-partial", lang).unwrap();
            let values = |paid: &'static str| {
                vec![
                    ("invoice", "INV-1"),
                    ("amount", "12500000"),
                    ("paid", paid),
                    ("paid_on", "2026-11-20"),
                    ("rest_by", "2026-12-10"),
                ]
            };
            assert!(render_with(t, &client, &values("12499999")).is_ok());
            for (paid, shown) in [("12500000", "12,500,000"), ("13,000,000", "13,000,000")] {
                let e = render_with(t, &client, &values(paid)).unwrap_err();
                let RenderError::Input(InputError::Invalid { name, problem, .. }) = &e else {
                    panic!("{e:?}");
                };
                assert_eq!(name, "paid");
                assert!(matches!(problem, ValueError::NotBelow { .. }), "{e}");
                let message = e.to_string();
                assert!(
                    message.contains(&format!("{shown} is not less than"))
                        && message.contains("(12,500,000)"),
                    "{message}"
                );
                let fa = Locale::get(Lang::Fa).problem(&e);
                assert!(fa.contains("۱۲٬۵۰۰٬۰۰۰") && !fa.contains('['), "{fa}");
            }
        }
    }

    /// A date on the impossible side of another is refused, naming the input, the other
    /// input (or the letter date) and both dates; a draft shows its placeholder.
    #[test]
    fn dates_in_an_impossible_order_are_refused() {
        let lib = crate::template::Library::load(None);
        let client = Client::new("c", "Ali");
        let t = lib.get("payment-2", Lang::En).unwrap();
        let base = [
            ("invoice", "INV-1"),
            ("amount", "3450"),
            ("due_date", "2026-11-10"),
            ("new_deadline", "2026-11-29"),
        ];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut v = base.to_vec();
            v.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
            v.extend_from_slice(extra);
            v
        };
        // A reminder on or after the due date, up to the letter date, is fine.
        for day in ["2026-11-10", "2026-11-15", "2026-11-22"] {
            assert!(
                render_with(t, &client, &with(&[("reminded_on", day)])).is_ok(),
                "{day}"
            );
        }
        let refused = |values: &[(&str, &str)], input: &str, needle: &str| {
            let e = render_with(t, &client, values).unwrap_err();
            let RenderError::Input(InputError::Invalid { name, problem, .. }) = &e else {
                panic!("{e:?}");
            };
            assert_eq!(name, input, "{e}");
            assert!(matches!(problem, ValueError::DateOrder { .. }), "{e}");
            let message = e.to_string();
            assert!(message.contains(needle), "{message}");
            let fa = Locale::get(Lang::Fa).problem(&e);
            assert!(!fa.contains('['), "{fa}");
            message
        };
        let m = refused(
            &with(&[("reminded_on", "2026-11-01")]),
            "reminded_on",
            "Original due date",
        );
        assert!(
            m.starts_with("Date of the previous reminder") && m.contains("1 November 2026"),
            "{m}"
        );
        // Something that has happened cannot be dated after the letter; a deadline the
        // letter sets cannot be before it.
        refused(
            &with(&[("reminded_on", "2026-11-30")]),
            "reminded_on",
            "the letter date (22 November 2026)",
        );
        refused(
            &with(&[("new_deadline", "2026-11-21")]),
            "new_deadline",
            "the letter date",
        );
        // A draft shows the refused date as its placeholder and lists it among its needs.
        let values: BTreeMap<String, String> = with(&[("reminded_on", "2026-11-01")])
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let sender = sender();
        let draft = Draft {
            template: t,
            client: &client,
            sender: &sender,
            values: &values,
            date: date(),
            number: "NA/1".to_string(),
        };
        match compose(&draft) {
            Composed::Draft { needs, .. } => {
                assert_eq!(needs.len(), 1, "{needs:?}");
                assert_eq!(needs[0].input(), "reminded_on");
            }
            other => panic!("{other:?}"),
        }
        // The date order of every built-in template holds for the values it would take.
        let payment_partial = lib.get("payment-partial", Lang::Fa).unwrap();
        let e = render_with(
            payment_partial,
            &client,
            &[
                ("invoice", "INV-1"),
                ("amount", "100"),
                ("paid", "40"),
                ("paid_on", "2026-12-01"),
                ("rest_by", "2026-12-20"),
            ],
        )
        .unwrap_err();
        assert_eq!(
            match &e {
                RenderError::Input(i) => i.input(),
                _ => "",
            },
            "paid_on",
            "{e}"
        );
    }

    /// A letter being filled in is a draft with placeholders, never a broken template,
    /// whichever inputs are still empty: every built-in template, in both languages, with
    /// nothing typed, and with one amount typed and the others empty (a sum or difference
    /// of amounts must wait for both). Amounts add up exactly in hundredths.
    #[test]
    fn every_built_in_template_drafts_with_inputs_missing() {
        let lib = crate::template::Library::load(None);
        let client = Client::new("c", "Ali");
        let sender = sender();
        let mut drafted = 0;
        for t in lib.all() {
            let typed_sets: [&[(&str, &str)]; 4] = [
                &[],
                &[("amount", "1000")],
                &[("paid", "400")],
                &[("late_fee", "50")],
            ];
            for typed in typed_sets {
                let values: BTreeMap<String, String> = typed
                    .iter()
                    .filter(|(k, _)| t.input(k).is_some())
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                let draft = Draft {
                    template: t,
                    client: &client,
                    sender: &sender,
                    values: &values,
                    date: date(),
                    number: "NA/1".to_string(),
                };
                match compose(&draft) {
                    Composed::Draft { letter, needs } => {
                        assert!(!needs.is_empty());
                        assert!(letter.to_text().contains('['), "{}", t.meta.id);
                        drafted += 1;
                    }
                    Composed::Complete(_) => {}
                    Composed::Broken(e) => panic!("{} ({:?}) {typed:?}: {e}", t.meta.id, t.lang),
                }
            }
        }
        assert!(drafted > 100, "{drafted}");
        assert_eq!(
            body(
                Lang::En,
                "{{ \"12.5\" | plus(n=\"0.75\") }} {{ 100 | minus(n=\"99.99\") }}"
            ),
            "13.25 0.01"
        );
        let t = template(Lang::En, "", "{{ 1 | minus(n=2) }}");
        assert!(render_with(&t, &client, &[]).is_err());
    }

    #[test]
    fn undefined_variables_are_errors_naming_them() {
        let client = Client::new("c", "Ali");
        let t = template(Lang::En, "", "Hello {{ client.nickname }}");
        let e = render_with(&t, &client, &[]).unwrap_err().to_string();
        assert!(e.contains("client.nickname"), "{e}");
        assert!(e.contains("t.tera"), "{e}");
        let t = template(Lang::En, "", "{{ input.missing }}");
        let e = render_with(&t, &client, &[]).unwrap_err().to_string();
        assert!(e.contains("input.missing"), "{e}");
    }

    #[test]
    fn hostile_values_are_inserted_literally() {
        let hostile = "{{ sender.name }} {% raw %}<b>#set page(width: 1cm)</b> &amp; {#";
        let mut client = Client::new("c", hostile);
        client.company = Some("{{ 7 * 7 }}".to_string());
        client
            .facts
            .insert("x".to_string(), "{% if true %}yes{% endif %}".to_string());
        let t = template(
            Lang::En,
            "[[inputs]]\nname = \"note\"\nlabel = \"N\"\nkind = \"text\"\n",
            "{{ client.name }}|{{ client.company }}|{{ client.facts.x }}|{{ input.note }}",
        );
        let out = render_with(&t, &client, &[("note", "{{ today }} <script>")]).unwrap();
        assert_eq!(
            out.body,
            format!(
                "{hostile}|{{{{ 7 * 7 }}}}|{{% if true %}}yes{{% endif %}}|{{{{ today }}}} <script>"
            )
        );
    }

    #[test]
    fn phrases_lose_a_clashing_mark_but_keep_an_abbreviations_stop() {
        assert_eq!(phrase("  طراحی لوگو.  ", false), "طراحی لوگو");
        assert_eq!(phrase("the design files،", false), "the design files");
        assert_eq!(phrase("the files;", false), "the files");
        assert_eq!(phrase("Acme Ltd.", false), "Acme Ltd.");
        assert_eq!(phrase("J. Smith & Co.", false), "J. Smith & Co.");
        assert_eq!(phrase("and so on...", false), "and so on...");
        assert_eq!(phrase("INV-2041", false), "INV-2041");
        assert_eq!(phrase("INV-", false), "INV-");
        assert_eq!(phrase("two\nlines", false), "two lines");
        // Closing a sentence: exactly one stop.
        assert_eq!(phrase("your approval", true), "your approval.");
        assert_eq!(phrase("your approval.", true), "your approval.");
        assert_eq!(phrase("Acme Ltd.", true), "Acme Ltd.");
        assert_eq!(phrase("ready?", true), "ready?");
        assert_eq!(phrase("", true), "");
    }

    #[test]
    fn sentences_end_once_and_start_with_a_capital_in_english() {
        assert_eq!(
            sentence("the copy deadline moved", Lang::En),
            "The copy deadline moved."
        );
        assert_eq!(sentence("It moved.", Lang::En), "It moved.");
        assert_eq!(
            sentence("iPhone sales fell", Lang::En),
            "iPhone sales fell."
        );
        assert_eq!(
            sentence("کار طبق برنامه پیش رفت", Lang::Fa),
            "کار طبق برنامه پیش رفت."
        );
        assert_eq!(sentence("آیا آماده است؟", Lang::Fa), "آیا آماده است؟");
        assert_eq!(
            sentence("گفته شد «کارتان را بلد نیستید.»", Lang::Fa),
            "گفته شد «کارتان را بلد نیستید.»"
        );
        assert_eq!(sentence("گفته شد «بس است»", Lang::Fa), "گفته شد «بس است».");
        assert_eq!(
            sentence(" first line \n\n second line، ", Lang::Fa),
            "first line\nsecond line."
        );
    }

    #[test]
    fn a_bare_english_noun_phrase_takes_the_article_and_a_determined_one_or_a_name_does_not() {
        for (typed, shown) in [
            ("product photography", "the product photography"),
            ("website redesign.", "the website redesign"),
            ("Instagram campaign", "the Instagram campaign"),
            ("the home page design", "the home page design"),
            ("your visual identity", "your visual identity"),
            (
                "an English version of the site",
                "an English version of the site",
            ),
            ("three initial concepts", "three initial concepts"),
            ("3 logo variants", "3 logo variants"),
            ("Acme's website", "Acme's website"),
            ("last Thursday's meeting", "last Thursday's meeting"),
            ("last meeting", "the last meeting"),
            ("advice on Acme's ads", "the advice on Acme's ads"),
            ("Acme Ltd.", "Acme Ltd."),
            ("Google Maps", "Google Maps"),
            ("Bank of England", "Bank of England"),
        ] {
            assert_eq!(the(typed, false, Lang::En), shown, "{typed}");
        }
        assert_eq!(the("طراحی لوگو.", false, Lang::Fa), "طراحی لوگو");
        assert_eq!(
            body(
                Lang::En,
                "Thank you for choosing us for {{ \"product photography\" | the(end=true) }}"
            ),
            "Thank you for choosing us for the product photography."
        );
        assert_eq!(
            body(
                Lang::En,
                "A change to {{ \"website support\" | the(det=\"your\") }} and {{ \"our hosting\" | the(det=\"your\") }}"
            ),
            "A change to your website support and our hosting"
        );
        for (typed, shown) in [
            ("Our basic package", "our basic package"),
            (
                "\u{2068}The About page text\u{2069}",
                "\u{2068}the About page text\u{2069}",
            ),
            ("The Hague", "The Hague"),
            ("Our Team", "Our Team"),
            ("Acme's site", "Acme's site"),
            ("A", "A"),
        ] {
            assert_eq!(lower_determiner(typed), shown, "{typed}");
        }
    }

    #[test]
    fn lists_get_one_dash_per_item() {
        assert_eq!(
            bullets("one\n\n- two\n• three\n", false, Lang::En),
            "- One\n- Two\n- Three"
        );
        assert_eq!(
            bullets("1. first\n۲. دوم\n۳ طرح اولیه", false, Lang::Fa),
            "1. first\n۲. دوم\n- ۳ طرح اولیه"
        );
        assert_eq!(
            bullets("فایل‌ها ارسال می‌شود\n-\n", false, Lang::Fa),
            "- فایل‌ها ارسال می‌شود."
        );
        // `stop=true` makes every item a sentence.
        assert_eq!(
            bullets("files sent\nThe key is returned.", true, Lang::En),
            "- Files sent.\n- The key is returned."
        );
    }

    #[test]
    fn list_items_end_as_what_they_are_noun_phrases_bare_sentences_with_a_stop() {
        // A list of what a price covers: noun phrases, typed with or without a stop.
        assert_eq!(
            bullets(
                "سه طرح اولیه برای انتخاب.\nدو نوبت اصلاح\nفایل‌های نهایی در قالب PDF",
                false,
                Lang::Fa
            ),
            "- سه طرح اولیه برای انتخاب\n- دو نوبت اصلاح\n- فایل‌های نهایی در قالب PDF"
        );
        assert_eq!(
            bullets(
                "three initial concepts.\nTwo rounds of revisions",
                false,
                Lang::En
            ),
            "- Three initial concepts\n- Two rounds of revisions"
        );
        // Sentences keep (or gain) their one stop, item by item in a mixed list.
        assert_eq!(
            bullets(
                "فایل‌های لایه‌باز\nراهنما تا پایان ماه ارسال می شود\nحساب‌ها تحویل داده شده‌اند.\nکار را متوقف کردیم\nاین مرحله پایان کار است",
                false,
                Lang::Fa
            ),
            "- فایل‌های لایه‌باز.\n- راهنما تا پایان ماه ارسال می شود.\n- حساب‌ها تحویل داده شده‌اند.\n- کار را متوقف کردیم.\n- این مرحله پایان کار است."
        );
        assert_eq!(
            bullets(
                "the layered files\nA user guide is delivered\nwe send the fonts\nAccess ends on Friday. Logins go back to you\nFinal invoice sent!",
                false,
                Lang::En
            ),
            "- The layered files.\n- A user guide is delivered.\n- We send the fonts.\n- Access ends on Friday. Logins go back to you.\n- Final invoice sent!"
        );
        // One list, one style: a sentence among the items gives every item its stop,
        // whichever line it is on and however each was typed.
        assert_eq!(
            bullets("Send files.\nClose accounts", false, Lang::En),
            "- Send files.\n- Close accounts."
        );
        assert_eq!(
            bullets(
                "Files on USB\nThe admin login is passed back",
                false,
                Lang::En
            ),
            "- Files on USB.\n- The admin login is passed back."
        );
        assert_eq!(
            bullets("فایل‌ها روی فلش\nدسترسی‌ها منتقل می‌شود", false, Lang::Fa),
            "- فایل‌ها روی فلش.\n- دسترسی‌ها منتقل می‌شود."
        );
        // Words that merely look like verbs at a noun phrase's end stay phrases.
        assert_eq!(
            bullets("طرح جدید\nتأیید نهایی\nThe design brief", false, Lang::Fa),
            "- طرح جدید\n- تأیید نهایی\n- The design brief"
        );
    }

    #[test]
    fn a_typed_sentence_folds_after_a_lead_in_only_when_its_first_word_is_plain() {
        assert_eq!(
            folded("We will prepare the files at no charge.", Lang::En),
            "we will prepare the files at no charge."
        );
        assert_eq!(
            folded("Until the end of March, we will charge less", Lang::En),
            "until the end of March, we will charge less."
        );
        // A name first, a noun phrase, two sentences or Persian: left as its own sentence.
        assert_eq!(folded("Hosting costs have doubled.", Lang::En), "");
        assert_eq!(folded("Acme will get the files.", Lang::En), "");
        assert_eq!(folded("A second logo", Lang::En), "");
        assert_eq!(
            folded("From this month we also offer maintenance.", Lang::En),
            "from this month we also offer maintenance."
        );
        assert_eq!(folded("We print it. You check it.", Lang::En), "");
        assert_eq!(folded("فایل‌ها را آماده می‌کنیم.", Lang::Fa), "");
    }

    #[test]
    fn a_common_first_word_lowers_mid_sentence_and_a_name_keeps_its_capital() {
        for (typed, shown) in [
            ("Bookkeeping", "bookkeeping"),
            ("Inflation", "inflation"),
            ("Low demand", "low demand"),
            ("Translation of the site", "translation of the site"),
            ("Logo design", "logo design"),
            ("Late delivery", "late delivery"),
            ("Printing", "printing"),
            ("Staff shortage", "staff shortage"),
            ("Removal of phone support", "removal of phone support"),
            ("Same-day email replies", "same-day email replies"),
            ("Google Maps", "Google Maps"),
            ("Blue Design Studio", "Blue Design Studio"),
            ("Acme's website", "Acme's website"),
            ("Monday to Friday", "Monday to Friday"),
            ("Figma licences", "Figma licences"),
            ("English version of the site", "English version of the site"),
            ("Design Week", "Design Week"),
            ("WordPress hosting", "WordPress hosting"),
            ("\u{2068}Printing\u{2069}", "\u{2068}printing\u{2069}"),
        ] {
            assert_eq!(lower_common(typed), shown, "{typed}");
        }
        assert_eq!(
            the("Translation of the site", false, Lang::En),
            "the translation of the site"
        );
        assert_eq!(the("Bookkeeping", false, Lang::En), "the bookkeeping");
        assert_eq!(the("Google Maps", false, Lang::En), "Google Maps");
    }

    #[test]
    fn a_typed_value_is_told_apart_as_sentence_or_noun_phrase() {
        for clause in [
            "We have bought new equipment.",
            "Support by phone will be replaced by support by email.",
            "This lets us log every request and follow it up faster.",
            "our colleague was spoken to in a raised voice",
            "despite two written warnings nothing changed",
            "Hosting and software costs doubled",
            "Please confirm the start date.",
            "Can you also add a blog section?",
            "files were published without permission",
            "Our agreement includes two rounds of free revisions before final approval.",
            "For anything urgent, put \"Urgent\" at the start of your email.",
            "Our office is open Monday to Thursday.",
            "You will receive a progress report every two weeks.\nInvoices will be paid within ten days.",
            "Demand for this service has fallen.",
            "the colours match the approved proof",
            // Ending in ? or !, a value is a sentence: it stands as typed.
            "Any news?",
            // Without a mark: a subject and a past or present verb.
            "The meeting ended with shouting and belittling remarks about our colleague's work",
            "the client shouted at Sara",
            "Our team reprinted the job at no charge",
            "Our studio closes in January",
            "Our FAQ page answers most questions",
            "our suppliers raised their prices in October",
            "Our print partner stopped trading in October",
            "Your company shared our drafts with a competitor",
            "The contract covered two rounds of revisions",
            "payments kept arriving late",
            "Sara left the studio in October",
            "From this month we also offer monthly website maintenance",
            "Our expectations about the schedule no longer match",
        ] {
            assert!(is_sentence(clause, Lang::En), "{clause}");
        }
        for phrase in [
            "a move to a new server",
            // A stop alone makes no sentence of a short verbless phrase.
            "unexpected delays at the printer.",
            "staff shortages.",
            "delivered on time.",
            "rising costs.",
            "better performance",
            "a change in our business focus",
            "repeated late payments",
            "Rising software costs",
            "two free rounds of revisions",
            "a free extra round of proofreading",
            "a simpler one-page version for $250",
            "your final approval of the text",
            "Monday to Friday, 9:00 to 17:00",
            "weekdays",
            "Inflation",
            "unauthorised sharing of our files",
            "Acme Ltd.",
            "the sign-off",
            "",
            // A subject-like start without a verb after it stays a phrase.
            "the approved proof",
            "the late delivery of your order",
            "the design and build of five pages",
            "the photographs and copy you sent us for the catalogue",
            "the FAQ page on our website",
            "a discount offered to new clients",
            "Blue Design Studio",
            "print proofing costs",
            "the work we agreed in October",
        ] {
            assert!(!is_sentence(phrase, Lang::En), "{phrase}");
        }
        assert!(is_sentence("هزینه‌های میزبانی دو برابر شده است.", Lang::Fa));
        assert!(!is_sentence("کمبود نیرو", Lang::Fa));
    }

    #[test]
    fn a_verbless_capitalised_phrase_with_a_stop_is_still_a_phrase() {
        for phrase in [
            "Repeated shouting.",
            "Health reasons.",
            "Retirement.",
            "Shouting and swearing at our designer.",
            "Repeated shouting at our staff.",
        ] {
            assert!(!is_sentence(phrase, Lang::En), "{phrase}");
        }
        // Real sentences with a stop stay sentences, short ones included.
        for clause in [
            "Our designer was sworn at.",
            "Nothing changed.",
            "Costs doubled.",
            "We are retiring.",
            "Sara left.",
            "It happened twice.",
            "The meeting ended with shouting.",
            "Prices went up sharply last year.",
            "There was shouting.",
            "Phone support ends.",
        ] {
            assert!(is_sentence(clause, Lang::En), "{clause}");
        }
    }

    #[test]
    fn a_value_after_a_colon_reads_as_typed_whether_phrase_or_sentence() {
        let en = |v| after_colon(v, Lang::En);
        // A sentence with a plain first word folds; a noun phrase keeps its case.
        assert_eq!(
            en("We have bought new equipment."),
            "we have bought new equipment."
        );
        assert_eq!(en("rising software costs"), "rising software costs.");
        assert_eq!(en("Rising software costs."), "rising software costs.");
        assert_eq!(
            en("A 10% discount on your next order"),
            "a 10% discount on your next order."
        );
        // A common word lowers; a word that may be a name keeps its capital, and so does a
        // name of several words.
        assert_eq!(
            en("Hosting costs have doubled."),
            "hosting costs have doubled."
        );
        assert_eq!(en("Figma costs have doubled."), "Figma costs have doubled.");
        assert_eq!(en("Adobe licence fees"), "Adobe licence fees.");
        assert_eq!(en("New York Times coverage"), "New York Times coverage.");
        assert_eq!(
            en("Better Business Bureau fees"),
            "Better Business Bureau fees."
        );
        // Lines become sentences on one line; an abbreviation keeps its one stop.
        assert_eq!(
            en("fewer calls
longer answers"),
            "fewer calls. Longer answers."
        );
        assert_eq!(
            en("a referral to Print Partners Ltd."),
            "a referral to Print Partners Ltd."
        );
        assert_eq!(
            after_colon("هزینه‌ها بالا رفته است", Lang::Fa),
            "هزینه‌ها بالا رفته است."
        );
    }

    #[test]
    fn a_reason_with_its_own_link_word_continues_the_sentence() {
        let en = |v| connective(v, Lang::En);
        assert_eq!(
            en("Because our costs have gone up."),
            "because our costs have gone up."
        );
        assert_eq!(en("due to rising costs"), "due to rising costs.");
        assert_eq!(
            en("As a result of new regulations"),
            "as a result of new regulations."
        );
        // Anything else gets the template's own lead-in.
        assert_eq!(en("Rising costs"), "");
        assert_eq!(en("Asda has raised its fees."), "");
        assert_eq!(en("AS agreed"), "");
        assert_eq!(connective("به دلیل افزایش هزینه‌ها", Lang::Fa), "");
    }

    #[test]
    fn a_channel_takes_by_or_through() {
        assert_eq!(via("email", Lang::En), "by email");
        assert_eq!(via("WhatsApp.", Lang::En), "via WhatsApp");
        assert_eq!(via("Post", Lang::En), "by Post");
        assert_eq!(first_word("\u{2068}Weekdays, 9 to 5\u{2069}"), "weekdays");
        assert_eq!(first_word("We will"), "we");
        assert_eq!(first_word(""), "");
        assert_eq!(
            via("our client portal", Lang::En),
            "through our client portal"
        );
        assert_eq!(
            via("Our client portal", Lang::En),
            "through our client portal"
        );
        assert_eq!(via("ایمیل", Lang::Fa), "ایمیل");
        let body = |src: &str| body(Lang::En, src);
        assert_eq!(
            body("{{ 'Acme Ltd.' | via(end=true) }} {{ 'email' | via(end=true) }}"),
            "via Acme Ltd. by email."
        );
    }

    #[test]
    fn counts_read_as_each_language_writes_them() {
        assert_eq!(
            body(
                Lang::En,
                "{{ 1 | count(one=\"working day\", other=\"working days\") }}"
            ),
            "one working day"
        );
        assert_eq!(
            body(Lang::En, "{{ 2 | count(one=\"day\", other=\"days\") }}"),
            "two days"
        );
        assert_eq!(
            body(Lang::En, "{{ 10 | count(one=\"day\", other=\"days\") }}"),
            "ten days"
        );
        assert_eq!(
            body(Lang::En, "{{ 11 | count(one=\"day\", other=\"days\") }}"),
            "11 days"
        );
        assert_eq!(body(Lang::En, "{{ 1500 | count }}"), "1,500");
        assert_eq!(
            body(Lang::Fa, "{{ 2 | count(one=\"روز کاری\") }}"),
            "دو روز کاری"
        );
        assert_eq!(body(Lang::Fa, "{{ 10 | count(one=\"روز\") }}"), "ده روز");
        assert_eq!(
            body(Lang::Fa, "{{ 14 | count(one=\"روز کاری\") }}"),
            "۱۴ روز کاری"
        );
        // English needs both forms, so a count of one never reads "1 days".
        let client = Client::new("c", "Ali");
        let t = template(Lang::En, "", "{{ 3 | count(one=\"day\") }}");
        let e = render_with(&t, &client, &[]).unwrap_err().to_string();
        assert!(e.contains("other="), "{e}");
        assert_eq!(body(Lang::Fa, "{{ 3 | ordinal }}"), "سوم");
        assert_eq!(body(Lang::En, "{{ 3 | ordinal }}"), "third");
    }

    #[test]
    fn instalments_are_dated_in_the_letters_calendar_and_add_up() {
        let src = "{% set rows = 12500000 | instalments(count=3, first=\"1405/10/01\") %}{% for r in rows %}{{ r.number }}:{{ r.amount | money(words=false) }}:{{ r.date | date }}|{% endfor %}";
        assert_eq!(
            body(Lang::Fa, src),
            "1:۴٬۱۷۰٬۰۰۰ تومان:۱ دی ۱۴۰۵|2:۴٬۱۷۰٬۰۰۰ تومان:۱ بهمن ۱۴۰۵|3:۴٬۱۶۰٬۰۰۰ تومان:۱ اسفند ۱۴۰۵|"
        );
        let src = "{% set rows = 3450 | instalments(count=4, first=\"2027-01-31\") %}{% for r in rows %}{{ r.amount }} {{ r.date }}|{% endfor %}";
        assert_eq!(
            body(Lang::En, src),
            "863 2027-01-31|863 2027-02-28|863 2027-03-31|861 2027-04-30|"
        );
        let client = Client::new("c", "Ali");
        for bad in ["count=1", "count=2.5", "count=61"] {
            let t = template(
                Lang::En,
                "",
                &format!(
                    "{{% set rows = 100 | instalments({bad}, first=\"2027-01-01\") %}}{{{{ rows | length }}}}"
                ),
            );
            let e = render_with(&t, &client, &[]).unwrap_err().to_string();
            assert!(e.contains("2 to 60"), "{bad}: {e}");
        }
    }

    #[test]
    fn an_empty_payment_details_input_takes_the_senders() {
        let inputs = "[[inputs]]\nname = \"payment_details\"\nlabel = \"P\"\nkind = \"multiline\"\nrequired = false\n";
        let t = template(Lang::En, inputs, "[{{ input.payment_details }}]");
        let client = Client::new("c", "Ali");
        let mut sender = sender();
        sender.payment_details = Some("بانک ملت".to_string());
        sender.payment_details_en = Some("IBAN: IR00 0120".to_string());
        let draft = |values: &BTreeMap<String, String>, t: &Template| {
            render_pieces(&Draft {
                template: t,
                client: &client,
                sender: &sender,
                values,
                date: date(),
                number: "NA/1".to_string(),
            })
            .unwrap()
            .body
        };
        let none = BTreeMap::new();
        assert_eq!(draft(&none, &t), "[IBAN: IR00 0120]");
        let fa = template(Lang::Fa, inputs, "[{{ input.payment_details }}]");
        assert_eq!(
            draft(&none, &fa),
            format!("[{}]", bidi::isolate("بانک ملت")),
            "isolated like a value typed into the form"
        );
        let given = BTreeMap::from([("payment_details".to_string(), "Card 1234".to_string())]);
        assert_eq!(
            draft(&given, &t),
            "[Card 1234]",
            "the letter's own value wins"
        );
        let t = template(Lang::En, "", "[{{ sender.payment_details }}]");
        assert_eq!(draft(&none, &t), "[IBAN: IR00 0120]");
    }

    #[test]
    fn text_filters_see_through_the_isolates_of_a_persian_letter() {
        let inputs = "[[inputs]]\nname = \"note\"\nlabel = \"N\"\nkind = \"multiline\"\n";
        let client = Client::new("c", "Ali");
        let run = |lang: Lang, body: &str, note: &str| {
            render_with(&template(lang, inputs, body), &client, &[("note", note)])
                .unwrap()
                .body
        };
        let iso = bidi::isolate;
        // The typed full stop is inside the isolate; `phrase` still finds and drops it.
        assert_eq!(
            run(Lang::Fa, "برای {{ input.note | phrase }}، ", "طراحی لوگو."),
            format!("برای {}،", iso("طراحی لوگو"))
        );
        assert_eq!(
            run(Lang::Fa, "{{ input.note | phrase }}", "Acme Ltd."),
            iso("Acme Ltd.")
        );
        // The sentence's own stop goes after a Latin value, where the Persian sentence ends.
        assert_eq!(
            run(
                Lang::Fa,
                "تحویل {{ input.note | phrase(end=true) }}",
                "the files."
            ),
            format!("تحویل {}.", iso("the files"))
        );
        assert_eq!(
            run(
                Lang::Fa,
                "{{ input.note | phrase(end=true) }}",
                "آماده است؟"
            ),
            iso("آماده است؟")
        );
        assert_eq!(
            run(
                Lang::Fa,
                "{{ input.note | sentence }}",
                " کار پیش رفت \n\n دوم، "
            ),
            iso("کار پیش رفت\nدوم.")
        );
        assert_eq!(
            run(
                Lang::Fa,
                "{{ input.note | bullets(stop=true) }}",
                "• فایل‌ها\n- کلید"
            ),
            "- \u{2068}فایل‌ها.\u{2069}\n- \u{2068}کلید.\u{2069}"
        );
        // An English letter isolates only right-to-left values, and gives back what it got.
        assert_eq!(
            run(Lang::En, "{{ input.note | sentence }}", "files sent"),
            "Files sent."
        );
        assert_eq!(
            run(Lang::En, "({{ input.note | phrase }})", "شرکت آلفا."),
            format!("({})", iso("شرکت آلفا"))
        );
        for text in [
            run(Lang::Fa, "{{ input.note | phrase }}", "x."),
            run(Lang::Fa, "{{ input.note | sentence }}", "x"),
        ] {
            assert_eq!(
                bidi::unisolate(&text).map(|t| t.contains('\u{2068}')),
                Some(false)
            );
        }
    }

    /// A client's fact or a text input holding a number or a date reaches the filters
    /// isolated in a Persian letter: the number filters read through the isolate, and a text
    /// filter chained after another keeps exactly one isolate around the value.
    #[test]
    fn every_filter_reads_an_isolated_value_in_a_persian_letter() {
        let inputs = "[[inputs]]\nname = \"v\"\nlabel = \"V\"\nkind = \"text\"\n";
        let client = Client::new("c", "Ali");
        let run = |body: &str, v: &str| {
            render_with(&template(Lang::Fa, inputs, body), &client, &[("v", v)])
                .unwrap()
                .body
        };
        // The value arrives isolated: the premise of this test.
        assert_eq!(run("{{ input.v }}", "12"), bidi::isolate("12"));
        for (body, v, expected) in [
            (
                "{{ input.v | money }}",
                "۱۲٬۵۰۰٬۰۰۰",
                "۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)",
            ),
            ("{{ input.v | amount }}", "12500000", "۱۲٬۵۰۰٬۰۰۰"),
            ("{{ input.v | words }}", "۲۰۴۱", "دو هزار و چهل و یک"),
            ("{{ input.v | count(one=\"روز\") }}", "3", "سه روز"),
            ("{{ input.v | count(one=\"روز\") }}", "۱۴", "۱۴ روز"),
            ("{{ input.v | ordinal }}", "۲", "دوم"),
            ("{{ input.v | date }}", "1405/09/10", "۱۰ آذر ۱۴۰۵"),
            (
                "{{ input.v | add_days(n=7) | date }}",
                "1405/09/10",
                "۱۷ آذر ۱۴۰۵",
            ),
            (
                "{% for r in input.v | instalments(count=2, first=\"1405/10/01\") %}{{ r.amount | amount }} {{ r.date | date }}|{% endfor %}",
                "۱۰۰۰",
                "۵۰۰ ۱ دی ۱۴۰۵|۵۰۰ ۱ بهمن ۱۴۰۵|",
            ),
        ] {
            assert_eq!(run(body, v), expected, "{body} with {v}");
        }
        // Text filters in a chain: one isolate around the result, the value's own stop gone.
        let iso = bidi::isolate;
        assert_eq!(run("{{ input.v | digits }}", "INV-2041"), iso("INV-۲۰۴۱"));
        assert_eq!(
            run("کد {{ input.v | phrase | digits }}،", "A-12."),
            format!("کد {}،", iso("A-۱۲"))
        );
        assert_eq!(
            run("{{ input.v | digits | sentence }}", "کد 12"),
            iso("کد ۱۲.")
        );
        assert_eq!(
            run("{{ input.v | phrase | phrase(end=true) }}", "Acme Ltd"),
            format!("{}.", iso("Acme Ltd"))
        );
    }

    #[test]
    fn a_draft_plan_shows_its_rows_with_placeholders() {
        let inputs = "[[inputs]]\nname = \"amount\"\nlabel = \"مبلغ کل\"\nkind = \"money\"\n\n[[inputs]]\nname = \"count\"\nlabel = \"تعداد\"\nkind = \"number\"\n";
        let body = "{% for r in input.amount | instalments(count=input.count, first=\"1405/10/01\") %}{{ r.number | ordinal }}: {{ r.amount | money(words=false) }}، {{ r.date | date }}|{% endfor %}";
        let (t, client) = (template(Lang::Fa, inputs, body), Client::new("c", "Ali"));
        let shown = |values: &[(&str, &str)]| match with_draft(&t, &client, values, compose) {
            Composed::Draft { letter, .. } => bidi::strip(&letter.body),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            shown(&[("count", "2")]),
            "اول: [مبلغ کل]، ۱ دی ۱۴۰۵|دوم: [مبلغ کل]، ۱ بهمن ۱۴۰۵|"
        );
        assert_eq!(shown(&[("amount", "1000")]), "[تعداد]: [تعداد]، [تعداد]|");
    }

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb");
    }
}
