//! Every built-in template, rendered for several kinds of client in its language, must give a
//! complete letter.

use chrono::NaiveDate;
use marz::money::Currency;
use marz::profile::{Client, Honorific, Sender};
use marz::render::{Draft, render};
use marz::template::{InputKind, Library, Scenario, Template};
use marz::{Lang, Letter};
use std::collections::BTreeMap;

fn clients() -> Vec<Client> {
    let mut list = Vec::new();
    for (i, (honorific, company)) in [
        (Honorific::Mr, Some("شرکت نمونه")),
        (Honorific::Ms, None),
        (Honorific::None, Some("Acme Ltd")),
    ]
    .into_iter()
    .enumerate()
    {
        let mut c = Client::new(&format!("client-{i}"), "سارا Jones");
        c.honorific = honorific;
        c.company = company.map(str::to_string);
        c.title = (i == 0).then(|| "مدیر".to_string());
        c.email = Some(format!("c{i}@example.com"));
        c.currency = [Currency::Toman, Currency::Rial, Currency::Usd][i];
        list.push(c);
    }
    list
}

fn sender() -> Sender {
    Sender {
        name: "Maryam Rahimi".to_string(),
        business: Some("Studio".to_string()),
        role: Some("Director".to_string()),
        letter_prefix: Some("NA".to_string()),
        ..Sender::default()
    }
}

/// A plausible value for every input, by kind.
fn values(template: &Template) -> BTreeMap<String, String> {
    template
        .meta
        .inputs
        .iter()
        .map(|i| {
            let v = match i.kind {
                InputKind::Text if i.name.contains("invoice") => "INV-2041".to_string(),
                InputKind::Text => "the design files".to_string(),
                InputKind::Multiline => "one\ntwo".to_string(),
                InputKind::Money => "12500000".to_string(),
                InputKind::Number => "3".to_string(),
                InputKind::Days => "14".to_string(),
                InputKind::Date => "2026-12-20".to_string(),
                InputKind::Choice => i.choices[0].value.clone(),
            };
            (i.name.clone(), v)
        })
        .collect()
}

fn render_all(library: &Library) -> Vec<(String, Letter)> {
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let sender = sender();
    let mut out = Vec::new();
    for template in library.all() {
        let values = values(template);
        for client in clients() {
            let draft = Draft {
                template,
                client: &client,
                sender: &sender,
                values: &values,
                date,
                number: "NA/1".to_string(),
            };
            let letter = render(&draft).unwrap_or_else(|e| {
                panic!(
                    "{} ({}) for {}: {e}",
                    template.meta.id, template.lang, client.id
                )
            });
            out.push((
                format!("{}/{} for {}", template.lang, template.meta.id, client.id),
                letter,
            ));
        }
    }
    out
}

#[test]
fn every_template_renders_a_complete_letter() {
    let library = Library::load(None);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let letters = render_all(&library);
    assert!(!letters.is_empty());
    for (name, letter) in &letters {
        let text = letter.to_text();
        assert!(
            !text.contains("{{") && !text.contains("{%"),
            "{name}: leftover tag\n{text}"
        );
        assert!(!letter.subject.trim().is_empty(), "{name}: no subject");
        assert!(!letter.greeting.trim().is_empty(), "{name}: no greeting");
        assert!(!letter.closing.trim().is_empty(), "{name}: no closing");
        assert!(letter.body.len() > 200, "{name}: body too short");
        match letter.lang {
            Lang::Fa => {
                // Persian digits throughout; ASCII digits only inside the Latin code we gave.
                let stripped = text.replace("INV-2041", "").replace("@example.com", "");
                let ascii: Vec<char> = stripped.chars().filter(|c| c.is_ascii_digit()).collect();
                assert!(
                    ascii.is_empty(),
                    "{name}: ASCII digits {ascii:?} in\n{text}"
                );
                assert!(text.contains("با سلام و احترام"), "{name}");
                assert!(text.contains("موضوع:"), "{name}");
            }
            Lang::En => {
                assert!(text.contains("Subject:"), "{name}");
                assert!(letter.greeting.starts_with("Dear"), "{name}");
            }
        }
    }
}

#[test]
fn every_template_exists_in_both_languages_with_the_same_inputs() {
    let library = Library::load(None);
    for fa in library.for_lang(Lang::Fa) {
        let en = library
            .get(fa.id(), Lang::En)
            .unwrap_or_else(|| panic!("{} has no English version", fa.id()));
        let names = |t: &Template| {
            t.meta
                .inputs
                .iter()
                .map(|i| (i.name.clone(), i.kind))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(fa), names(en), "{}", fa.id());
        assert_eq!(
            (fa.meta.scenario, fa.meta.level),
            (en.meta.scenario, en.meta.level)
        );
    }
    assert_eq!(
        library.for_lang(Lang::Fa).len(),
        library.for_lang(Lang::En).len()
    );
}

#[test]
fn payment_letters_state_amounts_in_digits_and_words_and_deadlines_as_dates() {
    let library = Library::load(None);
    let letters = render_all(&library);
    let payment: Vec<_> = letters
        .iter()
        .filter(|(_, l)| {
            library.get(&l.template, l.lang).unwrap().meta.scenario == Scenario::Payment
        })
        .collect();
    assert_eq!(
        payment.len(),
        3 * 2 * 3,
        "three levels, two languages, three clients"
    );
    for (name, letter) in payment {
        let (digits, words) = match letter.lang {
            Lang::Fa => ("۱۲٬۵۰۰٬۰۰۰", "دوازده میلیون و پانصد هزار"),
            Lang::En => ("12,500,000", "twelve million five hundred thousand"),
        };
        assert!(letter.body.contains(digits), "{name}");
        assert!(letter.body.contains(words), "{name}");
        assert!(letter.body.contains("INV-2041"), "{name}");
    }
    let ultimatum = letters
        .iter()
        .find(|(_, l)| l.template == "payment-3" && l.lang == Lang::Fa)
        .unwrap();
    assert!(
        ultimatum.1.body.contains("۲۹ آذر ۱۴۰۵"),
        "deadline as a Jalali date"
    );
}

#[test]
fn every_template_passes_the_tone_checker_for_every_choice() {
    let library = Library::load(None);
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let sender = sender();
    let mut checked = 0;
    for template in library.all() {
        let base = values(template);
        // Every value of every choice input, one at a time.
        let mut variants = vec![base.clone()];
        for input in template
            .meta
            .inputs
            .iter()
            .filter(|i| i.kind == InputKind::Choice)
        {
            for choice in &input.choices {
                let mut v = base.clone();
                v.insert(input.name.clone(), choice.value.clone());
                variants.push(v);
            }
        }
        // And with the optional inputs left empty.
        let mut minimal = base.clone();
        for input in template.meta.inputs.iter().filter(|i| !i.required) {
            minimal.remove(&input.name);
        }
        variants.push(minimal);
        for values in variants {
            for client in clients() {
                let letter = render(&Draft {
                    template,
                    client: &client,
                    sender: &sender,
                    values: &values,
                    date,
                    number: "NA/1".to_string(),
                })
                .unwrap();
                let text = letter.to_text();
                let findings = marz::tone::check(&text, letter.lang);
                assert!(
                    findings.is_empty(),
                    "{}/{} {values:?}: {findings:#?}\n{text}",
                    template.lang,
                    template.meta.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "checked {checked} letters");
}

/// The library covers every scenario at the levels the writing guide asks for.
#[test]
fn the_library_covers_every_scenario_and_level() {
    let library = Library::load(None);
    for lang in Lang::ALL {
        let levels = |s: Scenario| {
            let mut l: Vec<u8> = library
                .for_lang(lang)
                .iter()
                .filter(|t| t.meta.scenario == s)
                .filter_map(|t| t.meta.level)
                .collect();
            l.sort();
            l
        };
        assert_eq!(levels(Scenario::Respect), [1, 2, 3], "{lang}");
        assert_eq!(levels(Scenario::Payment), [1, 2, 3], "{lang}");
        // Termination: with a transition period (2) and immediate after a breach (3).
        assert_eq!(levels(Scenario::Termination), [2, 3], "{lang}");
        for s in [
            Scenario::PriceIncrease,
            Scenario::Scope,
            Scenario::Discount,
            Scenario::Boundary,
            Scenario::ServiceChange,
            Scenario::FollowUp,
        ] {
            assert!(
                levels(s).len() >= 2 && levels(s)[0] == 1,
                "{lang} {s}: {:?}",
                levels(s)
            );
        }
        for t in library.for_lang(lang) {
            assert!(t.meta.title.chars().count() >= 8, "{}: title", t.id());
            assert!(
                t.meta.description.chars().count() >= 30,
                "{}: description",
                t.id()
            );
        }
    }
}

fn words_for(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fa => ("۱۲٬۵۰۰٬۰۰۰", "دوازده میلیون و پانصد هزار"),
        Lang::En => ("12,500,000", "twelve million five hundred thousand"),
    }
}

/// What each scenario's letter must contain, checked on every rendered letter.
#[test]
fn each_scenario_has_its_required_elements() {
    let library = Library::load(None);
    for (name, letter) in render_all(&library) {
        let template = library.get(&letter.template, letter.lang).unwrap();
        let body = &letter.body;
        let lang = letter.lang;
        let has = |fa: &str, en: &str| match lang {
            Lang::Fa => body.contains(fa),
            Lang::En => body.to_lowercase().contains(en),
        };
        // The date every test value uses, as the letter writes it.
        let dec20 = match lang {
            Lang::Fa => "۲۹ آذر ۱۴۰۵",
            Lang::En => "20 December 2026",
        };
        let (digits, words) = words_for(lang);
        match template.meta.scenario {
            Scenario::Termination => {
                // An end date, and concrete handover steps: files, access, final invoice.
                assert!(
                    body.contains(dec20) || body.contains(&marz::dates::format(letter.date, lang)),
                    "{name}: end date"
                );
                assert!(has("فایل", "files"), "{name}: files");
                assert!(has("دسترسی", "access"), "{name}: access");
                assert!(
                    has("صورت‌حساب نهایی", "final invoice"),
                    "{name}: final invoice"
                );
            }
            Scenario::Respect if template.meta.level == Some(3) => {
                assert!(body.contains(dec20), "{name}: end date");
                assert!(has("فایل", "files"), "{name}: handover");
            }
            Scenario::Respect => {
                // An I-statement about the impact, and no labels (checked by the tone test).
                assert!(
                    has("احساس کردم", "i felt") || has("پذیرفتنی نیست", "not acceptable"),
                    "{name}"
                );
            }
            Scenario::PriceIncrease => {
                assert!(
                    body.contains(digits) && body.contains(words),
                    "{name}: new price in digits and words"
                );
                assert!(body.contains(dec20), "{name}: effective date");
                assert!(
                    has("گفت‌وگو", "talk") || has("بررسی کنیم", "look at it together"),
                    "{name}: open door"
                );
            }
            Scenario::Scope | Scenario::Discount => {
                assert!(
                    body.contains(digits) && body.contains(words),
                    "{name}: price in digits and words"
                );
            }
            Scenario::Boundary => {
                let days = match lang {
                    Lang::Fa => "۱۴ روز کاری",
                    Lang::En => "14 working days",
                };
                assert!(body.contains(days), "{name}: reply time");
            }
            Scenario::ServiceChange => {
                assert!(body.contains(dec20), "{name}: from when");
            }
            Scenario::FollowUp | Scenario::Payment => {}
        }
    }
}
