//! Turns a template, a client, the sender and the owner's form values into a `Letter`.
//!
//! Rendering is strict: an unknown or missing input, or a variable the context does not
//! have, is an error that names it. Values are data: Tera never evaluates what it inserts,
//! so a client named `{{ sender.name }}` is printed as exactly that.

use crate::dates;
use crate::lang::Lang;
use crate::letter::Letter;
use crate::money::{self, Currency};
use crate::numbers::{self, Decimal};
use crate::persian;
use crate::profile::{Client, Honorific, Sender};
use crate::template::{InputKind, InputSpec, Template};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// A problem with the values given for a template's inputs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("template `{template}` has no input `{name}`; its inputs are: {known}")]
    Unknown {
        template: String,
        name: String,
        known: String,
    },
    #[error("input `{name}` ({label}) is required: pass --set {name}=VALUE")]
    Missing { name: String, label: String },
    #[error("input `{name}` ({label}): {message}")]
    Invalid {
        name: String,
        label: String,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{}: in the {piece}: {message}", file.display())]
    Template {
        file: PathBuf,
        piece: &'static str,
        message: String,
    },
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
pub fn parse_input(spec: &InputSpec, raw: &str, date: NaiveDate) -> Result<Value, String> {
    let raw = raw.trim();
    match spec.kind {
        InputKind::Text | InputKind::Multiline => Ok(Value::String(persian::normalize(raw))),
        InputKind::Money | InputKind::Number => {
            let d = Decimal::parse(raw).map_err(|e| e.to_string())?;
            Ok(decimal_value(d))
        }
        InputKind::Days => {
            let d = Decimal::parse(raw).map_err(|e| e.to_string())?;
            if d.hundredths != 0 {
                return Err(format!("`{raw}` is not a whole number of days"));
            }
            Ok(json!(d.whole))
        }
        InputKind::Date => {
            let parsed = match raw.strip_prefix('+') {
                Some(n) => {
                    let days = Decimal::parse(n).map_err(|e| e.to_string())?;
                    date.checked_add_days(chrono::Days::new(days.whole))
                        .ok_or_else(|| format!("`{raw}` is too far in the future"))?
                }
                None => dates::parse(raw).map_err(|e| e.to_string())?,
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
                    let values: Vec<&str> = spec.choices.iter().map(|c| c.value.as_str()).collect();
                    format!("`{raw}` is not one of: {}", values.join(", "))
                })
        }
    }
}

fn decimal_value(d: Decimal) -> Value {
    if d.hundredths == 0 {
        json!(d.whole)
    } else {
        json!(d.to_f64())
    }
}

/// Every input of the template as a typed value: the given value, else the client's fact of
/// the same name (so an owner can keep e.g. an open `invoice` on the profile), else the
/// template's default, else (for optional inputs) an empty string. Unknown names and missing
/// required inputs are errors.
pub fn resolve_inputs(
    template: &Template,
    values: &BTreeMap<String, String>,
    facts: &BTreeMap<String, String>,
    date: NaiveDate,
) -> Result<Map<String, Value>, InputError> {
    if let Some(name) = values.keys().find(|n| template.input(n).is_none()) {
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
                "(none)".to_string()
            } else {
                known.join(", ")
            },
        });
    }
    let mut out = Map::new();
    for spec in &template.meta.inputs {
        let given = values
            .get(&spec.name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty());
        let from_fact = facts
            .get(&spec.name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty());
        let raw = given.or(from_fact).or(spec.default.as_deref());
        let value = match raw {
            Some(raw) => parse_input(spec, raw, date).map_err(|message| InputError::Invalid {
                name: spec.name.clone(),
                label: spec.label.clone(),
                message,
            })?,
            None if spec.required => {
                return Err(InputError::Missing {
                    name: spec.name.clone(),
                    label: spec.label.clone(),
                });
            }
            None => Value::String(String::new()),
        };
        out.insert(spec.name.clone(), value);
    }
    Ok(out)
}

fn opt(value: &Option<String>) -> Value {
    Value::String(value.clone().unwrap_or_default())
}

fn client_value(client: &Client, lang: Lang) -> Value {
    json!({
        "id": client.id,
        "name": client.name,
        "honorific": client.honorific.code(),
        "title": opt(&client.title),
        "company": opt(&client.company),
        "email": opt(&client.email),
        "phone": opt(&client.phone),
        "notes": opt(&client.notes),
        "language": client.language.code(),
        "currency": client.currency.code(),
        "facts": client.facts,
        // Derived, so templates need not repeat the honorific logic.
        "addressed": client.addressed_name(lang),
    })
}

fn sender_value(sender: &Sender) -> Value {
    json!({
        "name": sender.name,
        "business": opt(&sender.business),
        "role": opt(&sender.role),
        "email": opt(&sender.email),
        "phone": opt(&sender.phone),
        "address": opt(&sender.address),
        "city": opt(&sender.city),
        "website": opt(&sender.website),
        "letter_prefix": opt(&sender.letter_prefix),
        "payment_details": opt(&sender.payment_details),
    })
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
        Value::String(s) => {
            Decimal::parse(s).map_err(|e| tera::Error::msg(format!("`{filter}`: {e}")))
        }
        other => Err(tera::Error::msg(format!(
            "`{filter}` needs a number, got {other}"
        ))),
    }
}

fn as_date(value: &Value, filter: &str) -> tera::Result<NaiveDate> {
    match value {
        Value::String(s) => {
            dates::parse(s).map_err(|e| tera::Error::msg(format!("`{filter}`: {e}")))
        }
        other => Err(tera::Error::msg(format!(
            "`{filter}` needs a date, got {other}"
        ))),
    }
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
const CONTINUERS: [char; 6] = [',', '،', ';', '؛', ':', '-'];

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
    text
}

/// Lines typed one item each, as a list: every non-empty line starts with "- " (a typed
/// "•", "*" or "–" becomes "-"; numbered lines stay as typed). With `stop`, every item is a
/// sentence like the template's own items around it: it ends with a stop and, in English,
/// starts with a capital.
pub fn bullets(value: &str, stop: bool, lang: Lang) -> String {
    value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter_map(|line| {
            let numbered = line
                .chars()
                .next()
                .is_some_and(|c| persian::digit_value(c).is_some());
            if numbered {
                return Some(if stop {
                    phrase(line, true)
                } else {
                    line.to_string()
                });
            }
            let bare = line
                .trim_start_matches(['-', '•', '*', '–', '—', '·'])
                .trim_start();
            if bare.is_empty() {
                return None;
            }
            Some(if stop {
                format!("- {}", sentence(bare, lang))
            } else {
                format!("- {bare}")
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A count in running text, with its noun: small numbers in words, as each language's style
/// has them (up to ten in Persian, up to nine in English), larger ones in digits; the English
/// noun singular for one. `«۲ روز کاری»` → «دو روز کاری», `1` → "one working day".
pub fn count(n: u64, lang: Lang, one: Option<&str>, other: Option<&str>) -> String {
    let small = match lang {
        Lang::Fa => (1..=10).contains(&n),
        Lang::En => (1..=9).contains(&n),
    };
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

/// Registers Marz's filters, bound to the letter's language and the client's currency.
pub fn register_filters(tera: &mut tera::Tera, lang: Lang, currency: Currency) {
    tera.register_filter("digits", move |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(numbers::localize_digits(&as_text(v), lang)))
    });
    tera.register_filter("amount", move |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(as_decimal(v, "amount")?.display(lang)))
    });
    tera.register_filter("words", move |v: &Value, _: &HashMap<String, Value>| {
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
    tera.register_filter("money", move |v: &Value, args: &HashMap<String, Value>| {
        let currency = match args.get("currency") {
            Some(c) => as_text(c).parse::<Currency>().map_err(tera::Error::msg)?,
            None => currency,
        };
        let value = as_decimal(v, "money")?;
        // `money(words=false)`: digits and unit only, for tables where words would crowd.
        let with_words = args.get("words").and_then(Value::as_bool).unwrap_or(true);
        Ok(Value::String(if with_words {
            money::money(value, currency, lang)
        } else {
            money::amount(value, currency, lang)
        }))
    });
    tera.register_filter("phrase", move |v: &Value, args: &HashMap<String, Value>| {
        Ok(Value::String(phrase(&as_text(v), bool_arg(args, "end"))))
    });
    tera.register_filter("sentence", move |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(sentence(&as_text(v), lang)))
    });
    tera.register_filter(
        "bullets",
        move |v: &Value, args: &HashMap<String, Value>| {
            Ok(Value::String(bullets(
                &as_text(v),
                bool_arg(args, "stop"),
                lang,
            )))
        },
    );
    tera.register_filter("count", move |v: &Value, args: &HashMap<String, Value>| {
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
    tera.register_filter("ordinal", move |v: &Value, _: &HashMap<String, Value>| {
        let d = as_decimal(v, "ordinal")?;
        Ok(Value::String(numbers::ordinal(d.whole, lang)))
    });
    tera.register_filter(
        "instalments",
        move |v: &Value, args: &HashMap<String, Value>| {
            let total = as_decimal(v, "instalments")?;
            let n = args
                .get("count")
                .ok_or_else(|| {
                    tera::Error::msg("`instalments` needs count= and first=: instalments(count=3, first=input.first_due)")
                })
                .and_then(|c| as_decimal(c, "instalments"))?;
            if n.hundredths != 0 || !(2..=60).contains(&n.whole) {
                return Err(tera::Error::msg(format!(
                    "the number of instalments is {}: use a whole number from 2 to 60",
                    n.display(Lang::En)
                )));
            }
            let first = args
                .get("first")
                .ok_or_else(|| tera::Error::msg("`instalments` needs the first due date: first=…"))
                .and_then(|f| as_date(f, "instalments"))?;
            let every = match args.get("months") {
                Some(m) => as_decimal(m, "instalments")?.whole as u32,
                None => 1,
            };
            let parts = money::split_instalments(total, n.whole as u32);
            let mut rows = Vec::with_capacity(parts.len());
            for (i, amount) in parts.into_iter().enumerate() {
                let date = dates::add_months(first, every * i as u32, lang)
                    .ok_or_else(|| tera::Error::msg("`instalments`: a date is out of range"))?;
                rows.push(json!({
                    "number": i + 1,
                    "date": dates::iso(date),
                    "amount": decimal_value(amount),
                }));
            }
            Ok(Value::Array(rows))
        },
    );
    tera.register_filter("date", move |v: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(dates::format(as_date(v, "date")?, lang)))
    });
    tera.register_filter(
        "add_days",
        move |v: &Value, args: &HashMap<String, Value>| {
            let n = args.get("n").ok_or_else(|| {
                tera::Error::msg("`add_days` needs the number of days: add_days(n=7)")
            })?;
            let n = as_decimal(n, "add_days")?;
            let date = as_date(v, "add_days")?
                .checked_add_days(chrono::Days::new(n.whole))
                .ok_or_else(|| tera::Error::msg("`add_days`: the date is out of range"))?;
            Ok(Value::String(dates::iso(date)))
        },
    );
    tera.register_filter("honorific", move |v: &Value, _: &HashMap<String, Value>| {
        let code = match v {
            Value::Object(map) => map.get("honorific").map(as_text).unwrap_or_default(),
            other => as_text(other),
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
    pub subject: String,
    pub greeting: Option<String>,
    pub closing: Option<String>,
    pub body: String,
}

/// The input that falls back to the sender's payment details when left empty.
pub const PAYMENT_DETAILS: &str = "payment_details";

/// Renders the template's subject, greeting, closing and body.
pub fn render_pieces(draft: &Draft) -> Result<Rendered, RenderError> {
    let template = draft.template;
    let lang = template.lang;
    let mut inputs = resolve_inputs(template, draft.values, &draft.client.facts, draft.date)?;
    let sender = draft.sender.for_letter(lang);
    // How to pay is the owner's standing detail: a letter's empty `payment_details` input
    // takes it from sender.toml, so no payment letter goes out without it.
    if let (Some(Value::String(given)), Some(standing)) = (
        inputs.get_mut(PAYMENT_DETAILS),
        sender.payment_details.as_ref(),
    ) && given.is_empty()
    {
        *given = standing.clone();
    }
    let mut context = tera::Context::new();
    context.insert("client", &client_value(draft.client, lang));
    context.insert("sender", &sender_value(&sender));
    context.insert("input", &inputs);
    context.insert("today", &dates::iso(draft.date));
    context.insert(
        "letter",
        &json!({ "number": draft.number, "lang": lang.code() }),
    );

    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![]);
    register_filters(&mut tera, lang, draft.client.currency);
    let file = template.origin.path().to_path_buf();
    let pieces: [(&'static str, Option<&String>); 4] = [
        ("body", Some(&template.body)),
        ("subject", Some(&template.meta.subject)),
        ("greeting", template.meta.greeting.as_ref()),
        ("closing", template.meta.closing.as_ref()),
    ];
    let mut out: BTreeMap<&str, String> = BTreeMap::new();
    for (piece, source) in pieces {
        let Some(source) = source else { continue };
        tera.add_raw_template(piece, source)
            .map_err(|e| RenderError::Template {
                file: file.clone(),
                piece,
                message: error_chain(&e),
            })?;
        let text = tera
            .render(piece, &context)
            .map_err(|e| RenderError::Template {
                file: file.clone(),
                piece,
                message: error_chain(&e).replace(&format!("'{piece}'"), "it"),
            })?;
        out.insert(piece, tidy(&text));
    }
    Ok(Rendered {
        subject: out.remove("subject").unwrap_or_default().replace('\n', " "),
        greeting: out.remove("greeting"),
        closing: out.remove("closing"),
        body: out.remove("body").unwrap_or_default(),
    })
}

/// Renders a whole letter: the template's pieces inside the app's letter frame.
pub fn render(draft: &Draft) -> Result<Letter, RenderError> {
    let pieces = render_pieces(draft)?;
    Ok(Letter::frame(draft, pieces))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Origin;

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

    fn render_with(
        t: &Template,
        client: &Client,
        values: &[(&str, &str)],
    ) -> Result<Rendered, RenderError> {
        let values: BTreeMap<String, String> = values
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let sender = sender();
        render_pieces(&Draft {
            template: t,
            client,
            sender: &sender,
            values: &values,
            date: date(),
            number: "NA/1".to_string(),
        })
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
        let t = template(Lang::En, "", "{{ 1250.5 | money }}");
        assert_eq!(
            render_with(&t, &client, &[]).unwrap().body,
            "1,250.50 US dollars (one thousand two hundred and fifty US dollars and fifty cents)"
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
            Err(RenderError::Input(InputError::Invalid { name, message, .. })) => {
                assert_eq!(name, "amount");
                assert!(message.contains("lots"));
            }
            other => panic!("{other:?}"),
        }
        let e =
            render_with(&t, &client, &[("amount", "1"), ("deadline", "2026-02-30")]).unwrap_err();
        assert!(e.to_string().contains("deadline"), "{e}");
        let e = render_with(&t, &client, &[("amount", "1"), ("what", "shout")]).unwrap_err();
        assert!(e.to_string().contains("pause, legal"), "{e}");
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
    fn lists_get_one_dash_per_item() {
        assert_eq!(
            bullets("one\n\n- two\n• three\n", false, Lang::En),
            "- one\n- two\n- three"
        );
        assert_eq!(
            bullets("1. first\n۲. دوم", false, Lang::Fa),
            "1. first\n۲. دوم"
        );
        assert_eq!(
            bullets("فایل‌ها ارسال می‌شود\n-\n", true, Lang::Fa),
            "- فایل‌ها ارسال می‌شود."
        );
        assert_eq!(
            bullets("files sent\nThe key is returned.", true, Lang::En),
            "- Files sent.\n- The key is returned."
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
            "10 days"
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
            "1:۴٬۱۶۰٬۰۰۰ تومان:۱ دی ۱۴۰۵|2:۴٬۱۶۰٬۰۰۰ تومان:۱ بهمن ۱۴۰۵|3:۴٬۱۸۰٬۰۰۰ تومان:۱ اسفند ۱۴۰۵|"
        );
        let src = "{% set rows = 3450 | instalments(count=4, first=\"2027-01-31\") %}{% for r in rows %}{{ r.amount }} {{ r.date }}|{% endfor %}";
        assert_eq!(
            body(Lang::En, src),
            "862 2027-01-31|862 2027-02-28|862 2027-03-31|864 2027-04-30|"
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
        assert_eq!(draft(&none, &fa), "[بانک ملت]");
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
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb");
    }
}
