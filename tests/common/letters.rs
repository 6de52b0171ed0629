//! The letters `tests/templates.rs` checks: every template × six clients × several sets of
//! form values (typical, one word, a full stop, Latin, optional inputs empty, every choice),
//! with and without the sender's payment details. Shared with `examples/train_tone`, which
//! trains the tone classifier on exactly these letters' sentences.

use chrono::NaiveDate;
use marz::money::Currency;
use marz::profile::{Client, Honorific, Sender};
use marz::render::{Draft, render};
use marz::template::{InputKind, InputSpec, Library, Template};
use marz::{Lang, Letter};
use std::collections::BTreeMap;

/// A letter's text as the reader sees it: without the invisible marks that keep each value
/// whole (`bidi`), so that a sentence is checked across the edges of the values in it.
pub fn plain(text: &str) -> String {
    marz::bidi::strip(text)
}

pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Six clients for a language: Mr, Ms and no honorific, each with and without a title and
/// company.
pub fn clients(lang: Lang) -> Vec<Client> {
    let names = match lang {
        Lang::Fa => ["رضا احمدی", "نازنین کریمی", "سارا Jones"],
        Lang::En => ["Daniel Weber", "Sara Jones", "Alex Morgan"],
    };
    let (title, company) = match lang {
        Lang::Fa => ("مدیرعامل", "شرکت بازرگانی آرمان‌تجارت"),
        Lang::En => ("Managing Director", "Acme Ltd."),
    };
    let mut list = Vec::new();
    for (i, honorific) in Honorific::ALL.into_iter().enumerate() {
        for with_company in [true, false] {
            let mut c = Client::new(&format!("client-{i}-{with_company}"), names[i]);
            c.honorific = honorific;
            if with_company {
                c.title = Some(title.to_string());
                c.company = Some(company.to_string());
            }
            c.email = Some(format!("c{i}@example.com"));
            c.currency = Currency::ALL[(i * 2 + usize::from(with_company)) % 4];
            list.push(c);
        }
    }
    list
}

pub fn sender(with_payment_details: bool) -> Sender {
    Sender {
        name: "مریم رحیمی".to_string(),
        business: Some("استودیو نقش‌آفرین".to_string()),
        role: Some("مدیر استودیو".to_string()),
        letter_prefix: Some("NA".to_string()),
        name_en: Some("Maryam Rahimi".to_string()),
        business_en: Some("Naghsh-Afarin Studio".to_string()),
        role_en: Some("Studio Director".to_string()),
        payment_details: with_payment_details
            .then(|| "بانک ملت، به نام مریم رحیمی\nشماره کارت: ۶۱۰۴-۰۰۰۰-۰۰۰۰-۰۰۰۰".to_string()),
        payment_details_en: with_payment_details
            .then(|| "Bank Mellat, Maryam Rahimi\nIBAN: IR00 0120 0000 0000".to_string()),
        ..Sender::default()
    }
}

/// What kind of text a free-text input takes, as its label declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A short noun phrase set inside a sentence.
    Phrase,
    /// One or more whole sentences, set apart.
    Sentence,
    /// Items, one per line.
    Lines,
    /// A code or a block the owner types as is (invoice number, payment details).
    Code,
}

/// The label and the help under it: together they say what to type.
pub fn guidance(input: &InputSpec) -> String {
    format!("{} {}", input.label, input.help.as_deref().unwrap_or(""))
}

pub fn shape(input: &InputSpec) -> Shape {
    let label = &guidance(input);
    if matches!(input.name.as_str(), "invoice" | "payment_details") {
        Shape::Code
    } else if label.contains("جمله کامل")
        || label.contains("full sentence")
        || label.contains("complete sentence")
    {
        if label.contains("در یک سطر") || label.contains("per line") {
            Shape::Lines
        } else {
            Shape::Sentence
        }
    } else if label.contains("در یک سطر") || label.contains("per line") {
        Shape::Lines
    } else {
        Shape::Phrase
    }
}

/// Which set of form values to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// What an owner would usually type.
    Typical,
    /// Every free-text input a single word.
    OneWord,
    /// Every free-text input a whole sentence ending in a full stop.
    FullStop,
    /// Latin values in every phrase: a company with an abbreviation's stop, a code.
    Latin,
}

/// A Persian phrase typed with its full stop; inside a sentence the stop must go.
pub const PHRASE_WITH_STOP_FA: &str = "طراحی صفحه اصلی.";

pub const VARIANTS: [Variant; 4] = [
    Variant::Typical,
    Variant::OneWord,
    Variant::FullStop,
    Variant::Latin,
];

pub fn text_value(input: &InputSpec, lang: Lang, variant: Variant) -> String {
    let fa = lang == Lang::Fa;
    let pick = |f: &str, e: &str| if fa { f.to_string() } else { e.to_string() };
    let shape = shape(input);
    if shape == Shape::Code {
        return match input.name.as_str() {
            "invoice" => "INV-2041".to_string(),
            _ => pick(
                "بانک تجارت، به نام مریم رحیمی\nشماره کارت: ۵۸۵۹-۰۰۰۰-۰۰۰۰-۰۰۰۰",
                "Bank Tejarat, Maryam Rahimi\nAccount: 0000-0000",
            ),
        };
    }
    match variant {
        Variant::OneWord => pick("طراحی", "design"),
        // A phrase typed with a full stop, as owners do; a whole sentence for the rest.
        Variant::FullStop if shape == Shape::Phrase => {
            pick(PHRASE_WITH_STOP_FA, "the home page design.")
        }
        Variant::FullStop => pick("کار طبق برنامه پیش رفت.", "The work went to plan."),
        Variant::Latin if shape == Shape::Phrase => "Acme Ltd.".to_string(),
        Variant::Typical | Variant::Latin => match (shape, input.name.as_str()) {
            (Shape::Phrase, "staff") => pick("خانم سارا احمدی", "Ms Sara Ahmadi"),
            (Shape::Phrase, "channel") => pick("ایمیل", "email"),
            (Shape::Phrase, "hours") => pick(
                "شنبه تا چهارشنبه، از ۹ تا ۱۷",
                "Monday to Friday, 9:00 to 17:00",
            ),
            (Shape::Phrase, "source") => pick("گوگل‌مپ", "Google Maps"),
            (Shape::Phrase, _) => pick("طراحی صفحه اصلی سایت", "the home page design"),
            (Shape::Sentence, _) => pick(
                "هزینه‌های ما در یک سال گذشته دو برابر شده است.",
                "Our costs have doubled over the past year.",
            ),
            (Shape::Lines, _) => pick(
                "فایل‌های لایه‌باز\nراهنمای استفاده تحویل می‌شود",
                "the layered files\nA user guide is delivered",
            ),
            (Shape::Code, _) => unreachable!(),
        },
    }
}

/// A value for every input of a template.
pub fn values(template: &Template, variant: Variant) -> BTreeMap<String, String> {
    template
        .meta
        .inputs
        .iter()
        .map(|i| {
            let v = match i.kind {
                InputKind::Text | InputKind::Multiline => text_value(i, template.lang, variant),
                InputKind::Money if i.name == "paid" => "4000000".to_string(),
                InputKind::Money => "12500000".to_string(),
                InputKind::Number => "3".to_string(),
                InputKind::Days => "14".to_string(),
                // What has already happened falls before the letter date (22 November).
                InputKind::Date if !i.not_after.is_empty() => "2026-11-10".to_string(),
                InputKind::Date => "2026-12-20".to_string(),
                InputKind::Choice => i.choices[0].value.clone(),
            };
            (i.name.clone(), v)
        })
        .collect()
}

/// The same values with every optional input left empty.
pub fn minimal(template: &Template, values: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut v = values.clone();
    for input in template.meta.inputs.iter().filter(|i| !i.required) {
        v.remove(&input.name);
    }
    v
}

/// Every value set worth reading for a template: each variant, each choice of each choice
/// input, and the optional inputs left empty.
pub fn value_sets(template: &Template) -> Vec<(String, BTreeMap<String, String>)> {
    let mut sets = Vec::new();
    for variant in VARIANTS {
        let base = values(template, variant);
        sets.push((format!("{variant:?}"), base.clone()));
        sets.push((
            format!("{variant:?}, optional empty"),
            minimal(template, &base),
        ));
    }
    let base = values(template, Variant::Typical);
    for input in template
        .meta
        .inputs
        .iter()
        .filter(|i| i.kind == InputKind::Choice)
    {
        for choice in &input.choices {
            let mut v = base.clone();
            v.insert(input.name.clone(), choice.value.clone());
            sets.push((format!("{}={}", input.name, choice.value), v.clone()));
            sets.push((
                format!("{}={}, optional empty", input.name, choice.value),
                minimal(template, &v),
            ));
        }
    }
    sets
}

pub fn render_one(
    template: &Template,
    client: &Client,
    sender: &Sender,
    values: &BTreeMap<String, String>,
) -> Letter {
    render(&Draft {
        template,
        client,
        sender,
        values,
        date: date(),
        number: "NA/1".to_string(),
    })
    .unwrap_or_else(|e| {
        panic!(
            "{}/{} for {} with {values:?}: {e}",
            template.lang, template.meta.id, client.id
        )
    })
}

/// Every template × every client of its language × every value set, with and without the
/// sender's payment details.
pub fn render_everything(library: &Library) -> Vec<(String, Letter)> {
    let mut out = Vec::new();
    for template in library.all() {
        for (what, values) in value_sets(template) {
            for client in clients(template.lang) {
                for with_details in [true, false] {
                    let letter = render_one(template, &client, &sender(with_details), &values);
                    out.push((
                        format!(
                            "{}/{} for {} ({what}{})",
                            template.lang,
                            template.meta.id,
                            client.id,
                            if with_details {
                                ""
                            } else {
                                ", no payment details"
                            }
                        ),
                        letter,
                    ));
                }
            }
        }
    }
    out
}

/// Typical values, the first client, the sender with payment details: one letter per
/// template and language.
pub fn typical_letters(library: &Library) -> Vec<(String, Letter)> {
    library
        .all()
        .map(|t| {
            // Mr, no company, tomans.
            let client = &clients(t.lang)[1];
            let letter = render_one(t, client, &sender(true), &values(t, Variant::Typical));
            (format!("{}/{}", t.lang, t.meta.id), letter)
        })
        .collect()
}

/// Template `id` in `lang` for the first client of that language, with the typical values,
/// the inputs in `drop` removed and `set` typed over them: its subject and body as plain text.
pub fn typical_with(
    library: &Library,
    lang: Lang,
    id: &str,
    set: &[(&str, &str)],
    drop: &[&str],
) -> (String, String) {
    let t = library.get(id, lang).unwrap();
    let mut v = values(t, Variant::Typical);
    for name in drop {
        v.remove(*name);
    }
    for (k, val) in set {
        v.insert(k.to_string(), val.to_string());
    }
    let letter = render_one(t, &clients(lang)[0], &sender(true), &v);
    (plain(&letter.subject), plain(&letter.body))
}
