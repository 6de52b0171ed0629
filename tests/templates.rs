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
