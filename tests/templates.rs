//! Every built-in template, rendered for clients of every honorific (with and without a
//! title and company) and with typical and awkward form values, must give a complete letter
//! with its scenario's required elements, clean punctuation and no tone finding.

use marz::profile::Honorific;
use marz::template::{InputKind, InputSpec, Library, Scenario, Template};
use marz::{Lang, Letter};
use std::collections::{BTreeMap, BTreeSet};

/// The ids the library ships, by scenario, with their levels; renaming one breaks the
/// register's "what comes next" and must be deliberate.
const IDS: [(&str, Scenario, Option<u8>); 26] = [
    ("respect-1", Scenario::Respect, Some(1)),
    ("respect-2", Scenario::Respect, Some(2)),
    ("respect-3", Scenario::Respect, Some(3)),
    ("payment-1", Scenario::Payment, Some(1)),
    ("payment-2", Scenario::Payment, Some(2)),
    ("payment-3", Scenario::Payment, Some(3)),
    ("payment-plan", Scenario::Payment, None),
    ("payment-partial", Scenario::Payment, None),
    ("price-increase-1", Scenario::PriceIncrease, Some(1)),
    ("price-increase-2", Scenario::PriceIncrease, Some(2)),
    ("scope-1", Scenario::Scope, Some(1)),
    ("scope-2", Scenario::Scope, Some(2)),
    ("discount-1", Scenario::Discount, Some(1)),
    ("discount-2", Scenario::Discount, Some(2)),
    ("complaint-reply", Scenario::Complaint, None),
    ("refund-refusal", Scenario::Complaint, None),
    ("boundary-1", Scenario::Boundary, Some(1)),
    ("boundary-2", Scenario::Boundary, Some(2)),
    ("service-change", Scenario::ServiceChange, None),
    ("service-end", Scenario::ServiceChange, None),
    ("termination-1", Scenario::Termination, Some(1)),
    ("termination-2", Scenario::Termination, Some(2)),
    ("termination-3", Scenario::Termination, Some(3)),
    ("follow-up-check-in", Scenario::FollowUp, None),
    ("follow-up-unanswered", Scenario::FollowUp, None),
    ("reconcile", Scenario::FollowUp, None),
];

#[path = "common/letters.rs"]
mod letters;
use letters::*;

#[test]
fn every_template_renders_a_complete_letter() {
    let library = Library::load(None);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let letters = render_everything(&library);
    assert!(letters.len() > 2000, "{} letters", letters.len());
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
                // Every value is isolated from the Persian sentence around it.
                if text.contains("INV-2041") {
                    assert!(text.contains("\u{2068}INV-2041\u{2069}"), "{name}");
                }
                assert!(text.contains("موضوع:"), "{name}");
            }
            Lang::En => {
                assert!(text.contains("Subject:"), "{name}");
                assert!(letter.greeting.starts_with("Dear"), "{name}");
                assert!(
                    letter.subject.starts_with(|c: char| c.is_uppercase()),
                    "{name}: subject «{}»",
                    letter.subject
                );
                // Only the Persian values we gave (the sender's Persian details) are Persian.
                let persian: String = letter
                    .body
                    .chars()
                    .filter(|c| ('\u{0600}'..='\u{06FF}').contains(c))
                    .collect();
                assert!(persian.is_empty(), "{name}: Persian «{persian}» in\n{text}");
            }
        }
    }
}

#[test]
fn no_reader_is_addressed_by_bare_name_and_english_lists_no_empty_enclosures() {
    let library = Library::load(None);
    for template in library.all() {
        for client in clients(template.lang) {
            let letter = render_one(
                template,
                &client,
                &sender(true),
                &values(template, Variant::Typical),
            );
            let name = format!("{}/{} for {}", template.lang, template.meta.id, client.id);
            let first = plain(&letter.recipient[0]);
            let heading = letter.heading_lines().join("\n");
            match (template.lang, client.honorific) {
                (Lang::Fa, Honorific::None) => {
                    assert_eq!(first, format!("{} گرامی", client.name), "{name}")
                }
                (Lang::Fa, _) => {
                    assert!(
                        first.starts_with(client.honorific.title(Lang::Fa)),
                        "{name}"
                    )
                }
                (Lang::En, Honorific::None) => {
                    assert_eq!(first, client.name, "{name}");
                    assert_eq!(
                        plain(&letter.greeting),
                        format!("Dear {},", client.name),
                        "{name}"
                    );
                }
                (Lang::En, _) => assert!(plain(&letter.greeting).starts_with("Dear M"), "{name}"),
            }
            match template.lang {
                Lang::Fa => assert!(heading.contains("پیوست: ندارد"), "{name}: {heading}"),
                Lang::En => assert!(!heading.contains("Enclosures"), "{name}: {heading}"),
            }
        }
    }
}

/// A template's own wording: its text with every `{{ … }}` and `{% … %}` tag taken out.
fn without_tags(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find(['{']) {
        let close = match rest[start..].chars().nth(1) {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                out.push_str(&rest[..=start]);
                rest = &rest[start + 1..];
                continue;
            }
        };
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = match rest[start..].find(close) {
            Some(end) => &rest[start + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Punctuation a native editor strikes out: doubled or dangling marks, a space before a
/// mark, an empty bracket or list item, a colon with nothing after it.
fn punctuation_problems(text: &str, lang: Lang) -> Vec<String> {
    // Marks as the reader sees them: a stop after a value's isolate doubles one inside it.
    let text = plain(text);
    // The abbreviation's own stop is part of the value ("Acme Ltd., so that …" is right),
    // but a second stop after it is not ("Acme Ltd..").
    let text = text
        .replace("Acme Ltd.", "Acme Ltd\u{1}")
        .replace("Ltd\u{1}.", "Ltd..");
    let text = text.replace("Ltd\u{1}", "Ltd");
    let mut found = Vec::new();
    for bad in [
        "..", ".،", "،.", "،،", ",,", ".,", ",.", "، .", ", .", " .", " ،", " ,", " :", " ;", " ؛",
        "؛.", ".؛", ";.", ":.", ".:", "::", "؟.", "?.", "!.", "( ", " )", "()", "«»", "« ", " »",
        "  ", "، و ", "\n ", " \n",
    ] {
        if text.contains(bad) {
            found.push(format!("«{bad}»"));
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed == "-" || trimmed == "- ." || trimmed == "-." {
            found.push(format!("empty list item on line {}", i + 1));
        }
        if trimmed.ends_with(':') && !trimmed.starts_with("Subject") {
            let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            if next.is_empty() {
                found.push(format!("dangling colon on line {}: «{trimmed}»", i + 1));
            }
        }
    }
    match lang {
        Lang::Fa => {
            // Persian takes its own comma, semicolon and question mark.
            for latin in [",", ";", "?"] {
                let outside = text
                    .replace("Monday to Friday, 9:00", "")
                    .replace("Acme Ltd", "");
                if outside.contains(latin) {
                    found.push(format!("Latin «{latin}» in Persian"));
                }
            }
        }
        Lang::En => {
            // A sentence never starts in lower case.
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                if matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_lowercase() {
                    found.push(format!("lower case after «{}»", w[0]));
                }
            }
            for wrong in ["1 working days", "1 days", "one working days", "one days"] {
                if text.contains(wrong) {
                    found.push(format!("«{wrong}»"));
                }
            }
        }
    }
    found
}

#[test]
fn no_letter_has_doubled_or_dangling_punctuation() {
    let library = Library::load(None);
    let mut problems = Vec::new();
    for (name, letter) in render_everything(&library) {
        let mut found = punctuation_problems(&letter.message_text(), letter.lang);
        // Persian sentences end in a verb, so a phrase never closes one: its stop must go.
        if letter.lang == Lang::Fa && letter.to_text().contains(PHRASE_WITH_STOP_FA) {
            found.push("a phrase kept its full stop inside a sentence".to_string());
        }
        let in_subject = punctuation_problems(&letter.subject, letter.lang);
        if !found.is_empty() || !in_subject.is_empty() {
            problems.push(format!(
                "{name}: {found:?} {in_subject:?}\n{}\n",
                letter.to_text()
            ));
        }
    }
    if !problems.is_empty() {
        // One line per problem, then the first letter whole.
        let summary: BTreeSet<String> = problems
            .iter()
            .map(|p| p.lines().next().unwrap_or("").to_string())
            .collect();
        panic!(
            "{} letters with punctuation problems:\n{}\n\nThe first:\n{}",
            problems.len(),
            summary.into_iter().collect::<Vec<_>>().join("\n"),
            problems[0]
        );
    }
}

#[test]
fn the_punctuation_check_catches_what_it_should() {
    for (text, lang) in [
        ("کار تمام شد.، و", Lang::Fa),
        ("کار تمام شد..", Lang::Fa),
        ("در طراحی ، ادامه", Lang::Fa),
        ("the files .", Lang::En),
        ("Handover steps:\n\nThank you.", Lang::En),
        ("- one\n-\n- two", Lang::En),
        ("It ended. the files", Lang::En),
        ("within 1 working days", Lang::En),
        ("پرداخت, لطفاً", Lang::Fa),
    ] {
        assert!(
            !punctuation_problems(text, lang).is_empty(),
            "not caught: {text:?}"
        );
    }
    assert!(punctuation_problems("Acme Ltd., so that it ends.", Lang::En).is_empty());
    assert!(!punctuation_problems("your request for Acme Ltd..", Lang::En).is_empty());
    assert!(punctuation_problems("پایان همکاری با Acme Ltd. در تاریخ", Lang::Fa).is_empty());
    // Through the isolates around a value.
    let isolated = format!("برای {}.", marz::bidi::isolate("طراحی."));
    assert!(!punctuation_problems(&isolated, Lang::Fa).is_empty());
}

#[test]
fn every_letter_passes_the_tone_checker() {
    let library = Library::load(None);
    let mut checked = 0;
    for (name, letter) in render_everything(&library) {
        let text = letter.to_text();
        let findings = marz::tone::check(&text, letter.lang);
        assert!(findings.is_empty(), "{name}: {findings:#?}\n{text}");
        checked += 1;
    }
    assert!(checked > 2000, "checked {checked} letters");
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
                .map(|i| {
                    (
                        i.name.clone(),
                        i.kind,
                        i.required,
                        i.default.is_some(),
                        i.not_before.clone(),
                        i.not_after.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(names(fa), names(en), "{}", fa.id());
        assert_eq!(
            (fa.meta.scenario, fa.meta.level, fa.meta.follow_up_days),
            (en.meta.scenario, en.meta.level, en.meta.follow_up_days),
            "{}",
            fa.id()
        );
        // A follow-up between a few days and a month, where a next step is natural.
        if let Some(days) = fa.meta.follow_up_days {
            assert!((3..=30).contains(&days), "{}: {days}", fa.id());
        }
        // A free-text input takes the same shape of text in both languages.
        for (a, b) in fa.meta.inputs.iter().zip(&en.meta.inputs) {
            if matches!(a.kind, InputKind::Text | InputKind::Multiline) {
                assert_eq!(shape(a), shape(b), "{} {}", fa.id(), a.name);
            }
            let choices = |i: &InputSpec| {
                i.choices
                    .iter()
                    .map(|c| c.value.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(choices(a), choices(b), "{} {}", fa.id(), a.name);
        }
    }
    assert_eq!(
        library.for_lang(Lang::Fa).len(),
        library.for_lang(Lang::En).len()
    );
    for id in [
        "payment-1",
        "payment-2",
        "respect-1",
        "respect-2",
        "termination-1",
        "termination-2",
        "price-increase-1",
        "scope-1",
        "boundary-1",
        "follow-up-check-in",
    ] {
        let t = library.get(id, Lang::Fa).unwrap();
        assert!(
            t.meta.follow_up_days.is_some(),
            "{id} has no follow_up_days"
        );
    }
}

/// Every free-text label says what shape of text it takes, with an example (codes and the
/// payment block aside).
#[test]
fn free_text_labels_say_what_to_type_with_an_example() {
    let library = Library::load(None);
    for t in library.all() {
        for input in &t.meta.inputs {
            if !matches!(input.kind, InputKind::Text | InputKind::Multiline)
                || input.default.is_some()
            {
                continue;
            }
            // The label alone is what a draft shows in place of a missing value
            // («[خدمت]»): short, its example in the help under it.
            assert!(
                !input.label.contains("مثلاً") && !input.label.contains("e.g."),
                "{}/{} {}: the example belongs in `help`, not in «{}»",
                t.lang,
                t.id(),
                input.name,
                input.label
            );
            let label = &guidance(input);
            let example = label.contains("مثلاً") || label.contains("e.g.");
            assert!(
                example,
                "{}/{} {}: no example in «{label}»",
                t.lang,
                t.id(),
                input.name
            );
            if shape(input) == Shape::Code {
                continue;
            }
            let declared = [
                "عبارتی کوتاه",
                "جمله کامل",
                "در یک سطر",
                "short phrase",
                "full sentence",
                "complete sentence",
                "per line",
            ]
            .iter()
            .any(|m| label.contains(m));
            assert!(
                declared,
                "{}/{} {}: «{label}» does not say phrase or sentence",
                t.lang,
                t.id(),
                input.name
            );
        }
    }
}

/// The library ships exactly the agreed ids, each scenario laddered where it escalates.
#[test]
fn the_library_covers_every_scenario_with_the_agreed_ids_and_levels() {
    let library = Library::load(None);
    for lang in Lang::ALL {
        let found: BTreeSet<(String, Scenario, Option<u8>)> = library
            .for_lang(lang)
            .iter()
            .filter(|t| t.origin.is_built_in())
            .map(|t| (t.id().to_string(), t.meta.scenario, t.meta.level))
            .collect();
        let expected: BTreeSet<(String, Scenario, Option<u8>)> = IDS
            .iter()
            .map(|(id, s, l)| (id.to_string(), *s, *l))
            .collect();
        assert_eq!(found, expected, "{lang}");
        for scenario in Scenario::ALL {
            assert!(
                !library.in_scenario(scenario, lang).is_empty(),
                "{lang}: no template for {scenario}"
            );
            // A ladder starts at 1 and has no gaps.
            let levels: Vec<u8> = library
                .in_scenario(scenario, lang)
                .iter()
                .filter_map(|t| t.meta.level)
                .collect();
            let ladder: Vec<u8> = (1..=levels.len() as u8).collect();
            assert_eq!(levels, ladder, "{lang} {scenario}");
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

/// The date test values use for what has already happened, as the letter writes it.
fn nov10(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "۱۹ آبان ۱۴۰۵",
        Lang::En => "10 November 2026",
    }
}

/// The date every other test value uses, as the letter writes it.
fn dec20(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "۲۹ آذر ۱۴۰۵",
        Lang::En => "20 December 2026",
    }
}

/// What each scenario's letter must contain, checked on every rendered letter.
#[test]
fn each_scenario_has_its_required_elements() {
    let library = Library::load(None);
    for (name, letter) in render_everything(&library) {
        let template = library.get(&letter.template, letter.lang).unwrap();
        let body = &plain(&letter.body);
        let lang = letter.lang;
        let has = |fa: &str, en: &str| match lang {
            Lang::Fa => body.contains(fa),
            Lang::En => body.to_lowercase().contains(en),
        };
        let (digits, words) = words_for(lang);
        let amount = body.contains(digits) && body.contains(words);
        let dec20 = dec20(lang);
        match (template.meta.scenario, template.id()) {
            (Scenario::Termination, id) | (Scenario::Respect, id @ "respect-3") => {
                // An end date, concrete handover steps (files, access, final invoice), thanks.
                let today = marz::dates::format(letter.date, lang);
                assert!(
                    body.contains(dec20) || body.contains(&today),
                    "{name}: end date"
                );
                // The owner's own handover list replaces the standard one (files and access),
                // so that no step is promised twice or asserted where it does not apply.
                let bullets = body.lines().filter(|l| l.starts_with("- ")).count();
                assert!(bullets >= 2, "{name}: handover steps");
                let standard = has("حساب‌های شما", "your accounts");
                if standard || id == "termination-3" {
                    assert!(has("فایل", "files"), "{name}: files");
                    assert!(has("دسترسی", "access"), "{name}: access");
                }
                assert!(
                    has("صورت‌حساب نهایی", "final invoice"),
                    "{name}: final invoice"
                );
                if id != "termination-3" {
                    // Time to find someone else, and thanks (not after a breach, not after
                    // ending the work over disrespect, and never in English termination-2, whatever the
                    // reason, where a neutral good wish closes).
                    assert!(
                        has("مجری", "supplier") || has("همکار مناسب", "take over"),
                        "{name}: transition"
                    );
                    // Round 22: English termination-2 closes alike with or without a reason.
                    if lang == Lang::En && id == "termination-2" {
                        assert!(has("", "every success"), "{name}: good wish");
                        assert!(!has("", "grateful"), "{name}: thanks after a reason");
                    } else {
                        assert!(
                            id == "respect-3"
                                || has("سپاسگزار", "thank you")
                                || has("سپاسگزار", "grateful"),
                            "{name}: thanks"
                        );
                    }
                }
                if id == "termination-1" {
                    assert!(
                        has("معرفی", "recommend") || has("معرفی", "introduce"),
                        "{name}: referral"
                    );
                    assert!(
                        has("چیزی از ارزش آن نمی‌کاهد", "no reflection on you"),
                        "{name}: no fault"
                    );
                }
            }
            (Scenario::Respect, _) => {
                // An I-statement about the impact, a request, an open door.
                assert!(
                    has("احساس کردیم", "we felt") || has("پذیرفتنی نیست", "not acceptable"),
                    "{name}: I-statement"
                );
                assert!(
                    has("گفت‌وگو", "talk") || has("صحبت", "call"),
                    "{name}: open door"
                );
            }
            (Scenario::Payment, id) => {
                // Persian demands for money write amounts in digits and words; English only
                // where the letter needs formal weight (final notice, instalment agreement).
                match (lang, id) {
                    // A part payment asks for the rest (12,500,000 − 4,000,000): that amount
                    // in words, the invoice total in digits only, so no two sums in words meet.
                    (Lang::Fa, "payment-partial") => {
                        assert!(body.contains(digits), "{name}: total in digits");
                        assert!(!body.contains(words), "{name}: total not in words");
                        assert!(
                            body.contains("۸٬۵۰۰٬۰۰۰")
                                && body.contains("(هشت میلیون و پانصد هزار "),
                            "{name}: the rest in digits and words\n{body}"
                        );
                    }
                    (Lang::Fa, _) | (Lang::En, "payment-3" | "payment-plan") => {
                        assert!(amount, "{name}: amount in digits and words")
                    }
                    _ => assert!(body.contains(digits), "{name}: amount in digits"),
                }
                assert!(body.contains("INV-2041"), "{name}: invoice");
                // How to pay: the form's details, the sender's, or an offer to send them.
                assert!(
                    body.contains("شماره کارت")
                        || body.contains("Account: 0000")
                        || body.contains("IBAN")
                        || has("مشخصات حساب", "bank details"),
                    "{name}: how to pay"
                );
                match id {
                    "payment-3" => assert!(body.contains(dec20), "{name}: deadline"),
                    "payment-plan" => {
                        // Three monthly instalments that add up to the total, dated month by
                        // month from the first due date, and what a missed one means.
                        let rows: Vec<&str> =
                            body.lines().filter(|l| l.starts_with("- ")).collect();
                        assert_eq!(rows.len(), 3, "{name}: instalment rows");
                        let (a, b, first, second, third) = match lang {
                            Lang::Fa => (
                                "۴٬۱۷۰٬۰۰۰",
                                "۴٬۱۶۰٬۰۰۰",
                                "۲۹ آذر ۱۴۰۵",
                                "۲۹ دی ۱۴۰۵",
                                "۲۹ بهمن ۱۴۰۵",
                            ),
                            Lang::En => (
                                "4,170,000",
                                "4,160,000",
                                "20 December 2026",
                                "20 January 2027",
                                "20 February 2027",
                            ),
                        };
                        assert!(
                            rows[0].contains(a) && rows[0].contains(first),
                            "{name}: {}",
                            rows[0]
                        );
                        assert!(
                            rows[1].contains(a) && rows[1].contains(second),
                            "{name}: {}",
                            rows[1]
                        );
                        assert!(
                            rows[2].contains(b) && rows[2].contains(third),
                            "{name}: {}",
                            rows[2]
                        );
                        assert!(has("قسطی", "instalment is still unpaid"), "{name}: missed");
                    }
                    "payment-partial" => {
                        // 12,500,000 − 4,000,000 = 8,500,000, in digits and words.
                        let (paid, rest, rest_words) = match lang {
                            Lang::Fa => ("۴٬۰۰۰٬۰۰۰", "۸٬۵۰۰٬۰۰۰", "هشت میلیون و پانصد هزار"),
                            Lang::En => (
                                "4,000,000",
                                "8,500,000",
                                "eight million five hundred thousand",
                            ),
                        };
                        assert!(body.contains(paid), "{name}: amount paid");
                        // A friendly English letter gives the balance in figures only.
                        assert!(
                            body.contains(rest) && (lang == Lang::En || body.contains(rest_words)),
                            "{name}: balance"
                        );
                        assert!(body.contains(dec20), "{name}: date for the rest");
                        assert!(
                            has("سپاسگزار", "thank you") || has("سپاسگزار", "grateful"),
                            "{name}: thanks"
                        );
                    }
                    _ => {}
                }
            }
            (Scenario::PriceIncrease, id) => {
                // Round 18: a Persian price being announced has its words too, as the
                // payment letters do; English keeps figures alone.
                if lang == Lang::Fa {
                    assert!(amount, "{name}: new price in digits and words");
                } else {
                    assert!(
                        body.contains(digits) && !amount,
                        "{name}: new price in figures"
                    );
                }
                assert!(body.contains(dec20), "{name}: effective date");
                assert!(
                    has("دلیل", "reason")
                        || has("زیرا", "reason")
                        || has("در نامه پیشین توضیح دادیم، ", "reason"),
                    "{name}: the reason"
                );
                // Round 23: price-increase-1 acknowledges the cost plainly ("no price rise is
                // welcome"), without "difficult decision" or "harder".
                assert!(
                    has("دشوار", "hard") || has("دشوار", "no price rise is welcome"),
                    "{name}: hard times acknowledged"
                );
                assert!(has("گفت‌وگو", "talk"), "{name}: open door");
                if id == "price-increase-2" {
                    assert!(
                        has("نامه", "our letter of"),
                        "{name}: refers to the first letter"
                    );
                }
            }
            (Scenario::Scope, _) | (Scenario::Discount, _) => {
                if lang == Lang::Fa {
                    assert!(amount, "{name}: price in digits and words");
                } else {
                    assert!(body.contains(digits) && !amount, "{name}: price in figures");
                }
            }
            (Scenario::Complaint, "complaint-reply") => {
                // Acknowledges without conceding, the facts, what was done, a private talk.
                // `fault=ours`: a plain apology for our part instead, and amends. What was done
                // is optional: a letter whose optional inputs are empty says nothing of it.
                let offered = !name.contains("optional empty");
                if name.contains("fault=ours") {
                    assert!(
                        has("پوزش می‌خواهیم", "we apologise sincerely for"),
                        "{name}: apology"
                    );
                    if lang == Lang::Fa {
                        assert!(
                            body.contains("برای جبران این کوتاهی،") == offered,
                            "{name}: amends"
                        );
                        assert!(!body.contains("متأسفیم که"), "{name}: half apology");
                    }
                } else {
                    assert!(has("متأسفیم", "sorry"), "{name}: acknowledgement");
                    assert!(
                        !has("مقصر", "our fault") && !has("اشتباه ما", "our mistake"),
                        "{name}: concedes"
                    );
                    assert!(!has("پوزش", "we apologise"), "{name}: apologises");
                    assert!(
                        has("با این حال،", "we hope this") == offered,
                        "{name}: what is done"
                    );
                }
                assert!(has("سوابق", "looked into"), "{name}: the facts");
                assert!(
                    has("تلفنی یا حضوری", "by phone or in person"),
                    "{name}: private talk"
                );
            }
            (Scenario::Complaint, _) => {
                // refund-refusal: delivery (and approval), a clear no, a paid revision or a
                // gesture, and a meeting.
                assert!(body.contains(nov10(lang)), "{name}: delivery date");
                assert!(has("امکان", "not able to"), "{name}: a clear no");
                assert!(
                    has("گفت‌وگویی کوتاه", "short meeting"),
                    "{name}: review meeting"
                );
            }
            (Scenario::Boundary, _) => {
                let days = match lang {
                    Lang::Fa => "۱۴ روز کاری",
                    Lang::En => "14 working days",
                };
                assert!(body.contains(days), "{name}: reply time");
                assert!(has("تماس", "call"), "{name}: names the calls");
            }
            (Scenario::ServiceChange, _) => {
                assert!(body.contains(dec20), "{name}: from when");
                assert!(
                    has("بی‌وقفه پیش برود", "help with the change")
                        || has("ساده‌تر شود", "a change like this")
                        || has("بی‌وقفه پیش برود", "make the change easier")
                        || has("بی‌وقفه پیش برود", "make the switch easier")
                        || has("ساده‌تر شود", "transition goes smoothly"),
                    "{name}: what to do instead"
                );
            }
            (Scenario::FollowUp, "reconcile") => {
                assert!(has("پشت سر", "behind us"), "{name}: the storm is over");
                assert!(
                    has("سپاسگزار", "thank you") || has("سپاسگزار", "grateful"),
                    "{name}: thanks"
                );
                // A single agreed point is set in a sentence in both languages, never a
                // one-bullet list; several are listed.
                assert!(
                    body.lines().any(|l| l.starts_with("- "))
                        || lang == Lang::Fa && body.contains("توافق کردیم")
                        || lang == Lang::En && body.contains("we have agreed"),
                    "{name}: the agreed way forward"
                );
                assert!(
                    has("برای ما ارزشمند", "matters to us"),
                    "{name}: the client matters"
                );
            }
            (Scenario::FollowUp, _) => {}
        }
    }
}

/// The details a reader checks first, on the typical letters: values where they belong,
/// small counts in words, the singular in English, payment details from sender.toml.
#[test]
fn typical_letters_read_as_a_native_writer_would_write_them() {
    let library = Library::load(None);
    let letters: BTreeMap<String, Letter> = typical_letters(&library).into_iter().collect();
    let body = |name: &str| plain(&letters[name].body);
    // The sender's payment details fill an empty form field; the form's own value wins.
    let t = library.get("payment-1", Lang::Fa).unwrap();
    let mut v = values(t, Variant::Typical);
    v.remove("payment_details");
    let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
    assert!(
        plain(&letter.body).contains("بانک ملت، به نام مریم رحیمی"),
        "{}",
        letter.body
    );
    assert!(body("fa/payment-1").contains("بانک تجارت"));
    let t = library.get("payment-1", Lang::En).unwrap();
    let mut v = values(t, Variant::Typical);
    v.remove("payment_details");
    let letter = render_one(t, &clients(Lang::En)[0], &sender(true), &v);
    assert!(
        plain(&letter.body).contains("IBAN: IR00 0120 0000 0000"),
        "{}",
        letter.body
    );
    // A late fee states the new total in digits and words: 12,500,000 + 12,500,000.
    for lang in Lang::ALL {
        for id in ["payment-2", "payment-3"] {
            let total = match lang {
                Lang::Fa => "۲۵٬۰۰۰٬۰۰۰ تومان (بیست و پنج میلیون تومان)",
                Lang::En => "25,000,000 tomans (twenty-five million tomans)",
            };
            assert!(body(&format!("{lang}/{id}")).contains(total), "{lang}/{id}");
        }
    }
    // Instalments: «در سه قسط ماهانه» / "three monthly instalments", ordinals in words.
    assert!(body("fa/payment-plan").contains("در سه قسط ماهانه"));
    assert!(body("fa/payment-plan").contains("- قسط سوم:"));
    assert!(body("en/payment-plan").contains("in three monthly instalments"));
    assert!(body("en/payment-plan").contains("- Third instalment:"));
    assert!(
        body("fa/payment-plan").contains("تا هفت روز پس از سررسیدش")
            || body("fa/payment-plan").contains("تا ۱۴ روز")
    );
    // A list ends its items one way: once one item is a sentence, every item takes a stop.
    for id in [
        "discount-1",
        "reconcile",
        "termination-2",
        "respect-3",
        "termination-1",
    ] {
        assert!(
            body(&format!("fa/{id}"))
                .contains("- فایل‌های لایه‌باز.\n- راهنمای استفاده تحویل می‌شود.\n"),
            "fa/{id}: {}",
            body(&format!("fa/{id}"))
        );
        assert!(
            body(&format!("en/{id}"))
                .contains("- The layered files.\n- A user guide is delivered.\n"),
            "en/{id}: {}",
            body(&format!("en/{id}"))
        );
    }
    // One working day, not "1 working days"; small counts in words.
    for (id, input) in [
        ("boundary-1", "response_days"),
        ("boundary-2", "response_days"),
        ("scope-1", "days"),
    ] {
        for lang in Lang::ALL {
            let t = library.get(id, lang).unwrap();
            let mut v = values(t, Variant::Typical);
            for (n, fa, en) in [
                ("1", "یک روز کاری", "one working day"),
                ("2", "دو روز کاری", "two working days"),
            ] {
                v.insert(input.to_string(), n.to_string());
                let letter = render_one(t, &clients(lang)[0], &sender(true), &v);
                let expected = if lang == Lang::Fa { fa } else { en };
                assert!(
                    plain(&letter.body).contains(expected),
                    "{lang}/{id} {n}: {}",
                    letter.body
                );
            }
        }
    }
    // A sentence typed without its full stop still ends with one; a phrase typed with one
    // loses it inside the sentence.
    let t = library.get("respect-3", Lang::Fa).unwrap();
    let mut v = values(t, Variant::Typical);
    v.insert("reason".into(), "شیوه برخورد با همکارانم تغییر نکرد".into());
    let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
    assert!(
        plain(&letter.body).contains("آن است که شیوه برخورد با همکارانم تغییر نکرد.")
            && !letter.body.contains("در چنین شرایطی"),
        "{}",
        letter.body
    );
    let t = library.get("scope-1", Lang::En).unwrap();
    let mut v = values(t, Variant::Typical);
    v.insert("request".into(), "a logo animation.".into());
    let letter = render_one(t, &clients(Lang::En)[0], &sender(true), &v);
    assert!(
        plain(&letter.body).contains("your message about a logo animation. We are glad"),
        "{}",
        letter.body
    );
    // One voice across the set: every letter speaks for the business as «ما» / "we", so a
    // client who receives two letters never meets "I" in one and "we" in the next. Checked
    // on the templates' own wording (the owner's values may say anything).
    for template in library.all() {
        let own = without_tags(&template.body);
        match template.lang {
            Lang::Fa => {
                let found: Vec<&str> = own
                    .split(|c: char| !(c.is_alphanumeric() || c == '\u{200c}'))
                    .filter(|w| {
                        [
                            "من",
                            "سپاسگزارم",
                            "خوشحالم",
                            "برایم",
                            "همکارانم",
                            "همکارم",
                            "می‌کنم",
                            "می‌شوم",
                            "می‌رسانم",
                            "خواستم",
                            "دارم",
                        ]
                        .contains(w)
                    })
                    .collect();
                assert!(
                    found.is_empty(),
                    "fa/{} speaks as «من»: {found:?}",
                    template.id()
                );
            }
            Lang::En => {
                let found: Vec<&str> = own
                    .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                    .filter(|w| {
                        matches!(*w, "I" | "my" | "My" | "me" | "myself") || w.starts_with("I'")
                    })
                    .collect();
                assert!(
                    found.is_empty(),
                    "en/{} speaks as I: {found:?}",
                    template.id()
                );
            }
        }
    }
}

/// The register prints the reference to the earlier letter itself, after the greeting
/// («پیرو نامه شماره … مورخ …» / "Further to our letter ref … of …"), so no body opens with a
/// «پیرو …» sentence of its own and no subject cites an earlier letter: the letter reads
/// well with that line and without it.
#[test]
fn no_letter_opens_with_its_own_reference_to_an_earlier_one() {
    let library = Library::load(None);
    for (name, letter) in render_everything(&library) {
        let body = plain(&letter.body);
        let opening = body.trim_start();
        for start in [
            "پیرو",
            "عطف به",
            "Further to",
            "Following",
            "With reference to",
        ] {
            assert!(!opening.starts_with(start), "{name} opens with «{start}»");
        }
        let subject = plain(&letter.subject);
        for cite in ["پیرو", "عطف به", "further to", "following our"] {
            assert!(
                !subject.to_lowercase().contains(cite),
                "{name}: subject «{subject}» cites an earlier letter"
            );
        }
    }
}

/// One spelling of the ezafe after a silent «ه» across the Persian text Marz writes: the
/// plain form («شیوه گفت‌وگو»), never «شیوه‌ی گفت‌وگو» or «شیوهٔ گفت‌وگو», in every
/// template (body, subject, labels and their examples) and every Persian message of the app
/// (the tone checker's kinder wordings are pasted into letters).
#[test]
fn persian_writes_the_ezafe_after_a_silent_he_one_way() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["templates/fa", "locales/fa"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    assert!(files.len() > 26, "{} files", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for (i, w) in chars.windows(3).enumerate() {
            let yeh_ezafe = w == ['ه', '\u{200c}', 'ی']
                && chars
                    .get(i + 3)
                    .is_none_or(|c| !(c.is_alphabetic() || *c == '\u{200c}'));
            let hamza = w[0] == 'ه' && w[1] == '\u{0654}' || w[0] == 'ۀ';
            if yeh_ezafe || hamza {
                let from = i.saturating_sub(12);
                let around: String = chars[from..(i + 8).min(chars.len())].iter().collect();
                found.push(format!("{}: «{around}»", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// In Persian a pronoun right after a value reads as the value's possessive: «… برای
/// طراحی هویت بصری شرکت ما را انتخاب کرده‌اید» says "our company". No template sets «ما»
/// or «شما» straight after a value.
#[test]
fn no_persian_pronoun_follows_a_value_where_it_would_read_as_its_possessive() {
    let library = Library::load(None);
    for t in library.for_lang(Lang::Fa) {
        for (piece, source) in [("body", &t.body), ("subject", &t.meta.subject)] {
            for (i, _) in source.match_indices("}}") {
                let after = source[i + 2..].trim_start_matches([' ', '\u{200c}']);
                let word: String = after
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '\u{200c}')
                    .collect();
                assert!(
                    !matches!(word.as_str(), "ما" | "شما"),
                    "fa/{} {piece}: «}}}} {}»",
                    t.id(),
                    after.chars().take(30).collect::<String>()
                );
            }
        }
    }
}

/// An English phrase input reads right whatever shape the owner types: its own help example,
/// a bare noun phrase ("bare service photography", which takes an article or "your"/"our"
/// where the sentence needs one) and a phrase with its own determiner ("our …", "the …",
/// "last Thursday's …"), which takes none. Names, codes, clauses and channels need no
/// article ("Ms Sara Ahmadi", "INV-2041", "clause 7", "by email"), nor does a request for
/// advice ("for advice on advertising").
#[test]
fn english_phrase_inputs_read_right_in_every_shape() {
    const NO_ARTICLE: [&str; 8] = [
        "staff",
        "channel",
        "hours",
        "invoice",
        "fee_clause",
        "clause",
        "notice_clause",
        "referral",
    ];
    // (template, input) set where a bare phrase reads right as typed.
    // A service priced by us reads bare ("our fee for packaging design"), never as the
    // client's own thing ("your photography").
    const BARE_SLOTS: [(&str, &str); 5] = [
        ("scope-2", "request"),
        ("price-increase-1", "service"),
        ("price-increase-2", "service"),
        ("discount-1", "service"),
        ("discount-2", "service"),
    ];
    const DOUBLED: [&str; 15] = [
        "the the ",
        "the a ",
        "the an ",
        "the last ",
        "the your ",
        "the our ",
        "the my ",
        "a the ",
        "an the ",
        "your your ",
        "your the ",
        "your our ",
        "our our ",
        "our the ",
        "our your ",
    ];
    let library = Library::load(None);
    let mut checked = 0;
    for t in library.for_lang(Lang::En) {
        let phrases: Vec<&InputSpec> = t
            .meta
            .inputs
            .iter()
            .filter(|i| i.kind == InputKind::Text && shape(i) == Shape::Phrase)
            .collect();
        for input in &phrases {
            let words = input.name.replace('_', " ");
            let example = input
                .help
                .as_deref()
                .and_then(|h| h.split("e.g. ").nth(1))
                .map(|e| e.split(';').next().unwrap_or(e).trim().to_string());
            let bare = format!("bare {words} photography");
            let mut shapes = vec![
                bare.clone(),
                format!("our {words} photography"),
                format!("the {words} photography"),
                format!("last Thursday's {words} photography"),
                format!("{words} photography."),
                format!("Our {words} photography"),
            ];
            shapes.extend(example);
            for value in shapes {
                let mut v = values(t, Variant::Typical);
                v.insert(input.name.clone(), value.clone());
                let letter = render_one(t, &clients(Lang::En)[0], &sender(true), &v);
                let text = plain(&format!("{}\n{}", letter.subject, letter.body));
                let lower = format!(" {}", text.to_lowercase().replace('\n', " "));
                for doubled in DOUBLED {
                    assert!(
                        !lower.contains(&format!(" {doubled}")),
                        "en/{} {} = «{value}»: «{doubled}» in\n{text}",
                        t.id(),
                        input.name
                    );
                }
                // Typed in sentence case, the determiner reads in lower case mid-sentence
                // (after a colon, or opening a list item, it keeps its capital).
                let through_the = !NO_ARTICLE.contains(&input.name.as_str())
                    && !BARE_SLOTS.contains(&(t.id(), input.name.as_str()));
                for (i, _) in text.match_indices(&format!(" Our {words} photography")) {
                    assert!(
                        !through_the || text[..i].ends_with(':') || text[..i].ends_with("\n-"),
                        "en/{} {}: «Our» mid-sentence in\n{text}",
                        t.id(),
                        input.name
                    );
                }
                if value == bare
                    && !NO_ARTICLE.contains(&input.name.as_str())
                    && !BARE_SLOTS.contains(&(t.id(), input.name.as_str()))
                {
                    for (i, _) in text.match_indices(&value) {
                        assert!(
                            ["the ", "The ", "your ", "our ", ": "]
                                .iter()
                                .any(|d| text[..i].ends_with(d)),
                            "en/{}: «{value}» without its article in\n{text}",
                            t.id()
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} renderings checked");
}

/// Whatever shape the owner types into a Persian free-text input, the letter reads as
/// sentences: a short noun phrase («کمبود نیرو») never stands alone as a telegram
/// («… به پایان می‌رسد. کمبود نیرو.», a paragraph that is only «کمبود نیرو.», or a
/// verbless tail such as «به پاس همکاری‌مان، کمبود نیرو.»); it sits inside a sentence
/// («دلیل این تصمیم، کمبود نیرو است.»), with the owner's stop or without, never after a colon
/// (round 17), or as a list item. A full sentence
/// typed with its stop keeps exactly one stop and stands as a sentence, or follows a lead-in
/// that lets it be the sentence's own clause («به پاس همکاری‌مان، … آماده می‌کنیم.»).
#[test]
fn persian_free_text_reads_as_a_sentence_whether_the_owner_types_a_phrase_or_a_sentence() {
    const NOUN: &str = "کمبود نیرو";
    const SENTENCE: &str = "نیروی کافی برای ادامه این کار نداریم.";
    let stops = ['.', '!', '?', '؟', '…'];
    let library = Library::load(None);
    let mut checked = 0;
    let mut found = Vec::new();
    for t in library.for_lang(Lang::Fa) {
        for input in t.meta.inputs.iter().filter(|i| {
            matches!(i.kind, InputKind::Text | InputKind::Multiline) && shape(i) != Shape::Code
        }) {
            for value in [NOUN, &format!("{NOUN}."), SENTENCE] {
                let mut v = values(t, Variant::Typical);
                v.insert(input.name.clone(), value.to_string());
                let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
                let text = plain(&format!("{}\n{}", letter.subject, letter.body));
                let problems = punctuation_problems(&text, Lang::Fa);
                if !problems.is_empty() {
                    found.push(format!(
                        "{} {} = «{value}»: {problems:?}",
                        t.id(),
                        input.name
                    ));
                }
                let shown = value.trim_end_matches('.');
                for (i, _) in text.match_indices(shown) {
                    let before = text[..i].trim_end_matches(' ');
                    let prev = before.chars().last();
                    let next = text[i + shown.len()..].chars().next();
                    let starts = prev.is_none_or(|c| c == '\n' || stops.contains(&c));
                    let ends = next.is_none_or(|c| c == '\n' || stops.contains(&c));
                    let line = text[..i].rsplit('\n').next().unwrap_or("");
                    let around: String =
                        format!("{line}{}", text[i..].split('\n').next().unwrap_or(""));
                    if value == SENTENCE {
                        // A sentence stands as one: after a stop, a line break, a colon, the
                        // «که» that opens a clause («… از آن رو گرفته‌ایم که …») or a lead-in
                        // phrase and its comma («برای جبران این کوتاهی، …»), ending in its own
                        // single stop.
                        let after_ke = before.ends_with(" که") || before.ends_with("\u{2068}که");
                        if shape(input) == Shape::Sentence
                            && !(starts || matches!(prev, Some(':' | '،')) || after_ke)
                            && !text[i + shown.len()..].starts_with('.')
                        {
                            found.push(format!("{} {}: «{around}»", t.id(), input.name));
                        }
                    } else if starts
                        || prev == Some(':')
                        || (ends && matches!(prev, Some('،' | '؛')))
                    {
                        // A noun phrase, with its stop or without (round 17), is built into
                        // a sentence: never alone, never after a colon.
                        found.push(format!(
                            "{} {} = «{value}» stands alone: «{around}»",
                            t.id(),
                            input.name
                        ));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    assert!(checked > 150, "{checked} renderings checked");
}

/// Every Persian input's own help example («مثلاً: …»), typed with and without its final
/// stop, reads as Persian in its letter: with the stop it stands as its own sentence; without
/// it, a clause is never wrapped as a noun («… را پیشنهاد می‌کنیم»، «… است.» after a verb),
/// and the punctuation check is clean.
#[test]
fn every_persian_help_example_reads_right_with_and_without_its_stop() {
    let library = Library::load(None);
    let mut found = Vec::new();
    let mut checked = 0;
    for t in library.for_lang(Lang::Fa) {
        for input in t.meta.inputs.iter().filter(|i| {
            matches!(i.kind, InputKind::Text | InputKind::Multiline) && shape(i) != Shape::Code
        }) {
            let Some(example) = input
                .help
                .as_deref()
                .and_then(|h| h.split_once("مثلاً: "))
                .map(|(_, e)| e.trim())
            else {
                continue;
            };
            let bare = example.trim_end_matches(['.', '…']);
            for value in [bare.to_string(), format!("{bare}.")] {
                let mut v = values(t, Variant::Typical);
                v.insert(input.name.clone(), value.clone());
                let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
                let text = plain(&format!("{}\n{}", letter.subject, letter.body));
                let problems = punctuation_problems(&text, Lang::Fa);
                if !problems.is_empty() {
                    found.push(format!("{} {} «{value}»: {problems:?}", t.id(), input.name));
                }
                let clause = marz::shape::is_fa_clause(bare);
                // A lead-in and its comma may open a sentence whose clause the owner typed
                // («برای آسان‌تر شدن این تغییر، تا پایان اسفند … حساب می‌کنیم.»).
                let verb_first = marz::shape::opens_with_clause(bare);
                for (i, _) in text.match_indices(bare) {
                    let before = text[..i].trim_end_matches(' ');
                    let after = &text[i + bare.len()..];
                    let starts = before.chars().last().is_none_or(|c| {
                        matches!(c, '\n' | '.' | '!' | '؟' | ':') || verb_first && c == '،'
                    }) || verb_first
                        && (before.ends_with(" که") || before.ends_with("، زیرا"));
                    let wrapped = [" را ", " است.", " بود.", " را\n"]
                        .iter()
                        .any(|w| after.starts_with(w));
                    if value.ends_with('.') && shape(input) == Shape::Sentence && !starts {
                        found.push(format!("{} {} «{value}» is spliced", t.id(), input.name));
                    }
                    if clause && wrapped {
                        found.push(format!(
                            "{} {} «{value}» is wrapped as a noun",
                            t.id(),
                            input.name
                        ));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    assert!(checked >= 40, "{checked} renderings checked");
}

/// A Persian letter claims only what its inputs make true: a notice of a few days gives the
/// client no «فرصت» to find someone else and is not sent «پیشاپیش», and an instalment with
/// no grace period is due «تا سررسیدش», never «تا ۰ روز پس از سررسیدش».
#[test]
fn persian_letters_claim_no_time_their_dates_do_not_give() {
    let library = Library::load(None);
    let short = date() + chrono::Days::new(3);
    let long = date() + chrono::Days::new(40);
    for (id, claim) in [
        ("respect-3", "فرصت"),
        ("termination-1", "فرصت"),
        ("termination-1", "پیشاپیش"),
        ("termination-2", "زمان کافی"),
    ] {
        let t = library.get(id, Lang::Fa).unwrap();
        for kind in ["parting", "non_renewal"] {
            let mut v = minimal(t, &values(t, Variant::Typical));
            if v.contains_key("kind") {
                v.insert("kind".into(), kind.into());
            }
            v.insert("end_date".into(), short.to_string());
            let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
            let body = plain(&letter.body);
            assert!(
                !body.contains(claim),
                "{id} ({kind}) with 3 days: «{claim}» in\n{body}"
            );
            v.insert("end_date".into(), long.to_string());
            let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
            // With six weeks, the letter says so (the non-renewal is the one sent ahead).
            if claim != "پیشاپیش" || kind == "non_renewal" {
                let body = plain(&letter.body);
                assert!(
                    body.contains(claim),
                    "{id} ({kind}) with 40 days: no «{claim}» in\n{body}"
                );
            }
        }
    }
    let t = library.get("payment-plan", Lang::Fa).unwrap();
    for missed in ["pause", "balance_due"] {
        let mut v = values(t, Variant::Typical);
        v.insert("grace_days".into(), "0".into());
        v.insert("if_missed".into(), missed.into());
        let body = plain(&render_one(t, &clients(Lang::Fa)[0], &sender(true), &v).body);
        assert!(body.contains("اگر قسطی تا سررسیدش پرداخت نشود"), "{body}");
        assert!(
            !body.contains("۰ روز") && !body.contains("صفر روز"),
            "{body}"
        );
    }
}

/// A Persian name typed with its role («خانم مینا راد، طراح ارشد ما») is an appositive:
/// closed by a second comma before the sentence goes on, with no role of the letter's piled
/// after it; a bare name takes no comma.
#[test]
fn a_persian_name_with_its_role_is_closed_by_a_comma_and_a_bare_name_takes_none() {
    let library = Library::load(None);
    for (id, input) in [
        ("respect-1", "staff"),
        ("respect-2", "staff"),
        ("termination-3", "clause"),
    ] {
        let t = library.get(id, Lang::Fa).unwrap();
        for (value, after) in [
            (
                "خانم مینا راد، طراح ارشد ما",
                "خانم مینا راد، طراح ارشد ما، ",
            ),
            (
                "خانم مینا راد، طراح ارشد ما،",
                "خانم مینا راد، طراح ارشد ما، ",
            ),
            ("خانم مینا راد", "خانم مینا راد "),
        ] {
            let mut v = values(t, Variant::Typical);
            v.insert(input.into(), value.into());
            let body = plain(&render_one(t, &clients(Lang::Fa)[0], &sender(true), &v).body);
            let shown = body.matches("خانم مینا راد").count();
            assert!(shown > 0, "{id}: {body}");
            assert_eq!(
                body.matches(after).count(),
                shown,
                "{id} «{value}»:\n{body}"
            );
            assert!(!body.contains("، همکار ما،"), "{id}:\n{body}");
        }
    }
}

/// Noun phrases an owner types where a label asks for a sentence: bare, in sentence case,
/// with and without a full stop. None may stand in the letter as a sentence of its own.
const EN_NOUN_PHRASES: [&str; 4] = [
    "unexpected delays at the printer",
    "unexpected delays at the printer.",
    "Unexpected delays at the printer",
    "Unexpected delays at the printer.",
];

/// Sentences and reasons typed with their own link word, for the inputs that take a
/// sentence: the letter must neither set an article before them nor add a second link.
const EN_SENTENCES: [&str; 4] = [
    "Our costs have risen over the past year.",
    "we have had unexpected delays at the printer",
    "because our costs have risen",
    "Due to unexpected delays at the printer.",
];

#[test]
fn every_english_free_text_input_reads_as_a_phrase_or_a_sentence() {
    let library = Library::load(None);
    let client = &clients(Lang::En)[0];
    let mut checked = 0;
    for template in library.for_lang(Lang::En) {
        for input in &template.meta.inputs {
            let shape = shape(input);
            if !matches!(input.kind, InputKind::Text | InputKind::Multiline)
                || matches!(shape, Shape::Code | Shape::Lines)
            {
                continue;
            }
            // A short-phrase input takes a sentence only where owners plainly type one (an
            // option "We could design…"), and never a reason.
            let sentences = match (shape, input.name.as_str()) {
                (Shape::Sentence, _) => &EN_SENTENCES[..],
                (_, "smaller_option") => &EN_SENTENCES[..2],
                _ => &[],
            };
            let typed: Vec<&str> = EN_NOUN_PHRASES.iter().chain(sentences).copied().collect();
            for value in typed {
                let mut values = values(template, Variant::Typical);
                values.insert(input.name.clone(), value.to_string());
                let letter = render_one(template, client, &sender(true), &values);
                let text = plain(&letter.to_text());
                let what = format!("{} {} = {value:?}:\n{text}", template.meta.id, input.name);
                let bare = value.trim_end_matches('.');
                // A phrase without a stop never stands alone; typed with one, it is the
                // owner's sentence and may.
                if EN_NOUN_PHRASES.contains(&value) && !value.ends_with('.') {
                    let mut capital = bare.to_string();
                    capital.replace_range(..1, &bare[..1].to_uppercase());
                    for shown in [bare, capital.as_str()] {
                        assert!(
                            !text.contains(&format!(". {shown}."))
                                && !text.contains(&format!("\n{shown}."))
                                && !text.contains(&format!("? {shown}.")),
                            "a noun phrase stands alone in {what}"
                        );
                    }
                }
                let first = bare.split_whitespace().next().unwrap();
                let lower = text.to_lowercase();
                // A sentence's capital never follows an article ("offer the We could…");
                // a phrase typed in sentence case keeps the owner's capital ("the Extra
                // revisions").
                if !EN_NOUN_PHRASES.contains(&value) {
                    for before in ["the", "a", "an", "of", "for", "about", "offer"] {
                        assert!(
                            !text.contains(&format!(" {before} {first} ")),
                            "\"{before} {first}\" in {what}"
                        );
                    }
                }
                for doubled in [
                    "because. ",
                    "because because",
                    "because due to",
                    "because of because",
                    "reason: because",
                    "reason: due to",
                ] {
                    assert!(!lower.contains(doubled), "{doubled:?} in {what}");
                }
                if lower.contains("because our costs") || lower.contains("due to unexpected") {
                    assert!(!lower.contains("for this reason"), "{what}");
                }
                let problems = punctuation_problems(&letter.to_text(), Lang::En);
                assert!(problems.is_empty(), "{problems:?} in {what}");
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "checked {checked} letters");
}

/// A Persian letter does not read like a filled-in form: whether the owner types each free
/// text as a noun phrase or as a sentence, a letter's body has at most one label and colon
/// with text after it on the same line («دلیل این تصمیم: …»); a colon that leads a list
/// (ending its line), a list item or a short line of details («شماره کارت: …») is not
/// counted; and none of the round-8 form labels («دلیل این تصمیم: …») comes back.
#[test]
fn a_persian_letter_has_at_most_one_label_and_colon_whatever_shape_is_typed() {
    const NOUN: &str = "کمبود نیرو";
    const SENTENCE: &str = "نیروی کافی برای ادامه این کار نداریم.";
    let library = Library::load(None);
    let mut found = Vec::new();
    let mut checked = 0;
    for t in library.for_lang(Lang::Fa) {
        for value in [NOUN, SENTENCE] {
            let mut v = values(t, Variant::Typical);
            for input in t.meta.inputs.iter().filter(|i| {
                matches!(i.kind, InputKind::Text | InputKind::Multiline)
                    && shape(i) == Shape::Sentence
            }) {
                v.insert(input.name.clone(), value.to_string());
            }
            let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
            let body = plain(&letter.body);
            let labels: Vec<&str> = body
                .lines()
                .filter(|l| {
                    l.split_once(": ").is_some_and(|(lead, rest)| {
                        !rest.trim().is_empty() && lead.split(' ').count() > 1
                    }) && !l.starts_with("- ")
                        && l.chars().count() > 60
                })
                .collect();
            if labels.len() > 1 {
                found.push(format!("{} «{value}»: {labels:#?}", t.id()));
            }
            for label in [
                "دلیل این تصمیم:",
                "دلیل این تغییر:",
                "پیشنهاد ما:",
                "پیشنهاد ما برای ادامه کار:",
                "اقدام ما در این باره:",
                "چنین نشان می‌دهد:",
                "پیش آمد این بود:",
                "راه دیگری نیز هست:",
                "توافق کرده‌ایم:",
                "به اطلاع شما برسانیم:",
            ] {
                if body.contains(label) {
                    found.push(format!("{} «{value}»: {label}", t.id()));
                }
            }
            checked += 1;
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    assert!(checked >= 50, "{checked} letters checked");
}

/// Every English input's own help example ("e.g. …"), typed with and without its final
/// stop, renders into its template with no splice: a sentence never follows a word that
/// wants a noun phrase ("the", "with", "This follows", "offer you", "the main reason is"),
/// and the punctuation check is clean.
#[test]
fn every_english_help_example_renders_into_its_template_with_no_splice() {
    const NOUN_SLOTS: [&str; 14] = [
        "the",
        "a",
        "with",
        "follows",
        "offer you",
        "offer",
        "reason is",
        "reason for it is",
        "decision is",
        "change is",
        "included",
        "in particular",
        "covered by",
        "hours are",
    ];
    let library = Library::load(None);
    let client = &clients(Lang::En)[0];
    let mut checked = 0;
    for template in library.for_lang(Lang::En) {
        for input in &template.meta.inputs {
            if !matches!(input.kind, InputKind::Text | InputKind::Multiline)
                || matches!(shape(input), Shape::Code)
            {
                continue;
            }
            let Some(example) = input.help.as_deref().and_then(|h| h.split("e.g. ").nth(1)) else {
                continue;
            };
            let example = ["; if ", "; they "]
                .iter()
                .fold(example, |e, cut| e.split(cut).next().unwrap_or(e))
                .trim();
            let sentence = example.ends_with('.');
            let bare = example.trim_end_matches('.');
            for value in [bare.to_string(), format!("{bare}.")] {
                let mut values = values(template, Variant::Typical);
                values.insert(input.name.clone(), value.clone());
                let letter = render_one(template, client, &sender(true), &values);
                let text = plain(&letter.to_text());
                let what = format!("{} {} = {value:?}:\n{text}", template.meta.id, input.name);
                if sentence {
                    let opening: String = bare
                        .split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase();
                    let lower = text.to_lowercase().replace('\n', " ");
                    for before in NOUN_SLOTS {
                        assert!(
                            !lower.contains(&format!(" {before} {opening}")),
                            "a sentence spliced after {before:?} in {what}"
                        );
                    }
                }
                let problems = punctuation_problems(&letter.to_text(), Lang::En);
                assert!(problems.is_empty(), "{problems:?} in {what}");
                checked += 1;
            }
        }
    }
    assert!(checked > 60, "checked {checked} letters");
}

/// Pass 12 (English): the new inputs reach the letter, and a last day on the letter's own
/// date says "today" with no "Until then" before it.
#[test]
fn english_new_inputs_and_same_day_ends_read_right() {
    let library = Library::load(None);
    let letter = |id: &str, set: &[(&str, &str)], drop: &[&str]| {
        typical_with(&library, Lang::En, id, set, drop).1
    };
    // A price with its unit once, after the new price; "job" shows none.
    for id in ["price-increase-1", "price-increase-2"] {
        for (per, unit) in [
            ("hour", " an hour"),
            ("day", " a day"),
            ("month", " a month"),
            ("year", " a year"),
        ] {
            let body = letter(
                id,
                &[("per", per), ("old_price", "300"), ("new_price", "360")],
                &[],
            );
            assert_eq!(body.matches(unit).count(), 1, "{id} per={per}: {body}");
            // Right after the new price and its currency ("360 rials an hour").
            let (price, at) = (body.find("360").unwrap(), body.find(unit).unwrap());
            assert!(at > price && at - price < 16, "{id} per={per}: {body}");
        }
        let body = letter(id, &[("per", "job")], &[]);
        for unit in [" an hour", " a day", " a month", " a year"] {
            assert!(!body.contains(unit), "{id} per=job: {body}");
        }
    }
    // Our fault: a plain apology, and no "sorry that your experience…" that hedges it.
    let body = letter("complaint-reply", &[("fault", "ours")], &[]);
    assert!(
        body.contains("We apologise sincerely for letting you down"),
        "{body}"
    );
    assert!(!body.contains("not what you expected"), "{body}");
    let body = letter("complaint-reply", &[("fault", "none")], &[]);
    assert!(!body.contains("apologise"), "{body}");
    assert!(!body.contains("putting things right"), "{body}");
    // The lighter option states its price, with a description or without one.
    let body = letter(
        "discount-1",
        &[
            ("smaller_option", "our basic package"),
            ("smaller_price", "3000"),
        ],
        &[],
    );
    assert!(
        body.contains("another option: our basic package, at 3,000"),
        "{body}"
    );
    let body = letter(
        "discount-1",
        &[("smaller_price", "3000")],
        &["smaller_option"],
    );
    assert!(
        body.contains("a lighter version of this work at 3,000"),
        "{body}"
    );
    // A last day that is the letter's date.
    let today = "2026-11-22";
    for (id, set) in [
        ("respect-3", vec![("end_date", today)]),
        (
            "termination-1",
            vec![("end_date", today), ("kind", "parting")],
        ),
        (
            "termination-1",
            vec![("end_date", today), ("kind", "non_renewal")],
        ),
        ("termination-2", vec![("end_date", today)]),
        ("termination-3", vec![("end_date", today)]),
        ("service-end", vec![("end_date", today)]),
    ] {
        let body = letter(id, &set, &["balance_due"]);
        assert!(body.contains("today"), "{id}: {body}");
        for stale in ["22 November 2026", "Until then", "Until 22", "until 22"] {
            assert!(!body.contains(stale), "{id} {set:?}: {stale:?} in {body}");
        }
    }
    // No sentence that only announces the owner's text: it follows a colon instead.
    let body = letter(
        "follow-up-check-in",
        &[(
            "offer",
            "From this month we also offer monthly website maintenance.",
        )],
        &[],
    );
    assert!(
        body.contains("news that may interest you: from this month we also offer"),
        "{body}"
    );
    let body = letter(
        "service-change",
        &[(
            "alternative",
            "For anything urgent, put \"Urgent\" at the start of your email.",
        )],
        &[],
    );
    assert!(!body.contains("change: "), "{body}");
    let body = letter(
        "price-increase-2",
        &[(
            "offer",
            "Until the end of March, we will charge ten per cent less.",
        )],
        &[],
    );
    assert!(!body.contains("easier, until"), "{body}");
    // A sentence that starts with a name cannot fold into the letter's, so it follows the
    // letter's lead-in after a colon, never after a sentence that only announces it.
    for (id, input) in [
        ("follow-up-check-in", "offer"),
        ("refund-refusal", "gesture"),
        ("scope-1", "alternative"),
        ("boundary-1", "guide"),
        ("service-end", "alternative"),
        ("complaint-reply", "facts"),
        ("price-increase-2", "reason"),
    ] {
        let body = letter(id, &[(input, "Acme Print can do it at no charge.")], &[]);
        assert!(body.contains(": Acme Print can do it"), "{id}: {body}");
    }
}

/// A Persian letter whose stated date (a last day, a payment received, a change taking
/// effect) is the letter's own date says «امروز»: never «در تاریخ …», «از تاریخ …» or «تا …»
/// with today's date, as if the day were still ahead or long past, and never «تا آن روز»
/// for work that has no days left.
#[test]
fn a_persian_end_on_the_letter_date_reads_today() {
    let library = Library::load(None);
    let today = marz::dates::format(date(), Lang::Fa);
    let iso = date().format("%Y-%m-%d").to_string();
    let mut checked = 0;
    for (id, field, kind) in [
        ("respect-3", "end_date", None),
        ("termination-1", "end_date", Some("parting")),
        ("termination-1", "end_date", Some("non_renewal")),
        ("termination-2", "end_date", None),
        ("termination-3", "end_date", None),
        ("service-end", "end_date", None),
        ("payment-partial", "paid_on", None),
        ("boundary-2", "from_date", None),
        ("service-change", "effective_date", None),
    ] {
        let t = library.get(id, Lang::Fa).unwrap();
        for minimal_form in [false, true] {
            let mut v = values(t, Variant::Typical);
            if minimal_form {
                v = minimal(t, &v);
            }
            v.insert(field.to_string(), iso.clone());
            if let Some(kind) = kind {
                v.insert("kind".to_string(), kind.to_string());
            }
            let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
            let (subject, body) = (plain(&letter.subject), plain(&letter.body));
            let name = format!("{id} {kind:?} minimal={minimal_form}");
            assert!(body.contains("امروز"), "{name}: no «امروز»\n{body}");
            for wrong in [
                format!("در تاریخ {today}"),
                format!("از تاریخ {today}"),
                format!("تا {today}"),
                format!("پس از {today}"),
                "تا آن روز".to_string(),
                // boundary-2's «در همان روز کاری» (a reply the day a message comes) is no end.
                if field == "end_date" {
                    "همان روز"
                } else {
                    "تا آن روز"
                }
                .to_string(),
            ] {
                assert!(!body.contains(&wrong), "{name}: «{wrong}»\n{body}");
                assert!(!subject.contains(&wrong), "{name}: subject «{wrong}»");
            }
            assert!(
                !subject.contains(&today) || subject.contains("امروز"),
                "{name}: subject dates today without saying so: {subject}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 18);
}

/// The rate's unit (`per`) is said once, before both prices («نرخ ساعتی … از … به …»), so a
/// service named «نگهداری ماهانه» does not read «ماهانه» again, and is nowhere when the
/// rate is per job; the lighter option of discount-1 states its price, with
/// or without its description.
#[test]
fn persian_price_units_and_the_lighter_option_price_render() {
    let library = Library::load(None);
    let client = &clients(Lang::Fa)[0];
    let units = [
        ("hour", "ساعتی"),
        ("day", "روزانه"),
        ("month", "ماهانه"),
        ("year", "سالانه"),
    ];
    for id in ["price-increase-1", "price-increase-2"] {
        let t = library.get(id, Lang::Fa).unwrap();
        for (per, word) in units.iter().copied().chain([("job", "")]) {
            let mut v = values(t, Variant::Typical);
            v.insert("old_price".to_string(), "3000000".to_string());
            v.insert("new_price".to_string(), "3600000".to_string());
            v.insert("per".to_string(), per.to_string());
            let body = plain(&render_one(t, client, &sender(true), &v).body);
            // price-increase-2 has already said «افزایش» in its sentence, and ends «می‌رسد».
            let verb = if id == "price-increase-1" {
                "افزایش می‌یابد"
            } else {
                "می‌رسد"
            };
            let expected = format!(
                "از ۳٬۰۰۰٬۰۰۰ ریال (سه میلیون ریال) به ۳٬۶۰۰٬۰۰۰ ریال (سه میلیون و ششصد هزار ریال) {verb}"
            );
            let expected = expected.replace(" ریال", &format!(" {}", currency_word(client)));
            assert!(
                body.contains(&expected),
                "{id} per={per}: «{expected}»\n{body}"
            );
            // The sentence that gives the figures names the unit once, before them.
            let line = body
                .split(['.', '\n'])
                .find(|l| l.contains(&expected))
                .unwrap();
            let head = line.split(" از ۳٬").next().unwrap();
            let (_, tail) = line.split_at(head.len());
            if !word.is_empty() {
                assert_eq!(head.matches(word).count(), 1, "{id} per={per}: {line}");
            }
            for (_, other) in units.iter().filter(|(p, _)| *p != per) {
                assert!(!head.contains(other), "{id} per={per}: «{other}» {line}");
            }
            for (_, any) in units {
                assert!(!tail.contains(any), "{id} per={per}: «{any}» {line}");
            }
            for said in [" در ساعت", " در روز", " در ماه", " در سال"] {
                assert!(!line.contains(said), "{id} per={per}: {line}");
            }
        }
    }
    let t = library.get("discount-1", Lang::Fa).unwrap();
    let mut base = values(t, Variant::Typical);
    base.remove("smaller_price");
    for with_option in [true, false] {
        let mut v = base.clone();
        v.insert("smaller_price".to_string(), "7000000".to_string());
        if !with_option {
            v.remove("smaller_option");
        }
        let body = plain(&render_one(t, client, &sender(true), &v).body);
        let price = format!("به قیمت ۷٬۰۰۰٬۰۰۰ {}", currency_word(client));
        assert!(
            body.contains(&price),
            "with_option={with_option}: «{price}»\n{body}"
        );
        if with_option {
            let option = plain(&base["smaller_option"]);
            assert!(body.contains(&option), "the option itself\n{body}");
        }
    }
    // Without a price, the option is offered as before and no price is invented.
    let body = plain(&render_one(t, client, &sender(true), &base).body);
    assert!(!body.contains("به قیمت"), "{body}");
}

/// The Persian currency word of a test client («تومان» or «ریال»).
fn currency_word(client: &marz::profile::Client) -> &'static str {
    match client.currency.code() {
        "rial" => "ریال",
        _ => "تومان",
    }
}

/// No Persian letter announces that something exists in a sentence of its own and then
/// pastes the owner's text after it («پیشنهادی هم داریم. …»، «راهی هم پیش‌بینی کرده‌ایم.
/// …»), and none tacks an afterthought on after the owner's sentence («… دلیل اصلی این
/// تصمیم همین است.»): the lead-in comes first and carries the owner's words.
#[test]
fn persian_letters_have_no_teaser_before_nor_afterthought_after_the_owner_s_sentence() {
    const TEASERS: [&str; 5] = [
        "هم داریم.",
        "پیش‌بینی کرده‌ایم.",
        "یادآوری می‌کنیم.",
        "از کار خود داریم.",
        "پیشنهادی داریم.",
    ];
    let library = Library::load(None);
    let mut found = Vec::new();
    let mut checked = 0;
    for t in library.for_lang(Lang::Fa) {
        for input in t
            .meta
            .inputs
            .iter()
            .filter(|i| matches!(i.kind, InputKind::Text | InputKind::Multiline))
            .filter(|i| shape(i) == Shape::Sentence)
        {
            for value in [
                "هزینه‌های ما در یک سال گذشته دو برابر شده است.",
                "فایل‌ها را در دو اندازه دیگر بی‌هزینه آماده می‌کنیم.",
                "یک دور اصلاح رایگان.",
            ] {
                let mut v = values(t, Variant::Typical);
                v.insert(input.name.clone(), value.to_string());
                let letter = render_one(t, &clients(Lang::Fa)[0], &sender(true), &v);
                let text = plain(&letter.body);
                for (i, _) in text.match_indices(value) {
                    let before = text[..i].trim_end();
                    let after = text[i + value.len()..].split('\n').next().unwrap_or("");
                    if let Some(teaser) = TEASERS.iter().find(|t| before.ends_with(*t)) {
                        found.push(format!("{} {}: teaser «…{teaser}»", t.id(), input.name));
                    }
                    if after.contains("همین است") {
                        found.push(format!("{} {}: afterthought «{after}»", t.id(), input.name));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    assert!(checked > 30, "{checked} renderings checked");
}

/// Persian frames around a short owner value read right whatever plausible value is typed: a
/// service, a product, a one-word noun, a sentence. Each case renders the template with
/// several values and checks the frame that once broke («شیوه ارائه ارسال سفارش»، «ما را
/// برای لوگو برگزیده‌اید»، «به پاس صبر» before a reprint, a data-backup paragraph in a
/// letter ending a print service) is gone and the value still stands whole.
#[test]
fn persian_frames_read_right_for_any_plausible_value() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let services = ["چاپ فوری", "ارسال سفارش", "لوگو", "میزبانی ایمیل سازمانی"];
    for service in services {
        // service-change names the service as a service, never «شیوه ارائه …».
        let (subject, body) = render("service-change", &[("service", service)]);
        for text in [&subject, &body] {
            assert!(
                text.contains(&format!("خدمات {service}")),
                "{service}: {text}"
            );
            assert!(!text.contains("شیوه ارائه"), "{service}: {text}");
        }
        // service-end: no paragraph that assumes the service held the client's data, and one
        // word for it throughout.
        let (_, body) = render("service-end", &[("service", service)]);
        assert!(!body.contains("سرویس"), "{service}: «سرویس»\n{body}");
        assert!(!body.contains("جز آنچه گفتیم"), "{service}: {body}");
        assert!(
            body.contains("هر فایل یا مدرکی را که از شما نزد ما مانده باشد"),
            "{service}: {body}"
        );
        assert!(!body.contains("مدرک دیگری"), "{service}: {body}");
        // discount-1 thanks the client for choosing us for a project, not «برای لوگو».
        let (_, body) = render("discount-1", &[("service", service)]);
        assert!(
            body.contains(&format!("ما را برای پروژه {service} در نظر گرفته‌اید")),
            "{service}: {body}"
        );
    }
    // complaint-reply: the lead-in before the owner's action assumes neither patience nor
    // compensation, and «از اینکه» opens at most one sentence.
    for fault in ["none", "ours"] {
        for source in ["", "اینستاگرام"] {
            for action in [
                "یک نمونه تازه بی‌هزینه چاپ می‌کنیم.",
                "با همکارمان صحبت کرده‌ایم",
                "عکاسی دوباره از سه محصول",
            ] {
                let (_, body) = render(
                    "complaint-reply",
                    &[("fault", fault), ("source", source), ("action", action)],
                );
                let name = format!("{fault} «{source}» «{action}»");
                for wrong in ["به پاس صبر", "برای رفع", "آن‌طور که انتظار داشتید"]
                {
                    // Amends follow only our own fault (the brief of pass 14).
                    let ours = fault == "ours" && wrong == "برای رفع";
                    assert!(ours || !body.contains(wrong), "{name}: «{wrong}»\n{body}");
                }
                assert!(body.matches("از اینکه").count() <= 1, "{name}: {body}");
                assert!(
                    body.contains(action.trim_end_matches('.')),
                    "{name}: {body}"
                );
            }
        }
    }
    // scope-2 says the requests repeat, and a request typed as a sentence is not set after
    // «درخواست شما برای».
    for request in ["مشاوره تبلیغات", "چند بار ویرایش اضافه روی عکس‌ها خواستید."]
    {
        let (_, body) = render("scope-2", &[("request", request)]);
        assert!(body.contains("چند بار"), "{request}: {body}");
        assert!(!body.contains("درخواست شما برای"), "{request}: {body}");
        assert!(body.contains(request.trim_end_matches('.')), "{body}");
    }
    // reconcile: one agreed item is set in the sentence, two are «این موارد».
    for (agreed, word) in [
        ("جلسه ماهانه", "بر جلسه ماهانه توافق کردیم."),
        ("جلسه ماهانه\nگزارش هفتگی", "بر این موارد توافق"),
    ] {
        let (_, body) = render("reconcile", &[("agreed", agreed)]);
        assert!(body.contains(word), "{agreed:?}: {body}");
    }
    // A service whose name says «ماهانه» does not hear it again around each price, and the
    // rise is stated once in price-increase-2.
    for id in ["price-increase-1", "price-increase-2"] {
        let (_, body) = render(
            id,
            &[
                ("service", "نگهداری ماهانه وب‌سایت"),
                ("per", "month"),
                ("old_price", "3000000"),
                ("new_price", "3600000"),
            ],
        );
        assert_eq!(
            body.matches("ماهانه").count(),
            body.matches("نگهداری ماهانه").count(),
            "{id}: {body}"
        );
        assert!(!body.contains("دلیل آن این است"), "{id}: {body}");
        assert_eq!(body.matches("۳٬۶").count(), 1, "{id}: {body}");
    }
    // respect-2 names the colleague once and then says «ایشان».
    let (_, body) = render("respect-2", &[("staff", "خانم سارا احمدی")]);
    assert_eq!(body.matches("سارا احمدی").count(), 1, "{body}");
    assert!(body.contains("از ایشان عذرخواهی"), "{body}");
}

#[test]
fn english_round_11_frames_read_right_for_several_values() {
    let library = Library::load(None);
    let letter = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // A bare service name takes "our … service"; one that already says so, or has its own
    // determiner, is left alone.
    for (service, want) in [
        ("printing", "our printing service"),
        ("logo design", "our logo design service"),
        ("our hosting service", "our hosting service"),
    ] {
        for id in ["service-change", "service-end"] {
            let (subject, body) = letter(id, &[("service", service)]);
            assert!(subject.contains(want), "{id} {service}: {subject}");
            assert!(body.contains(want), "{id} {service}: {body}");
            assert!(!body.contains("service service"), "{id}: {body}");
        }
    }
    // An end on the letter's own date says "today", never "on the same day".
    for id in ["respect-3", "termination-1", "termination-2"] {
        let (_, body) = letter(id, &[("end_date", "2026-11-22"), ("handover", "")]);
        assert!(body.contains("also be removed today"), "{id}: {body}");
        assert!(!body.contains("same day"), "{id}: {body}");
    }
    // Any date the letter states that falls on the letter's own date reads "today".
    for (id, field) in [
        ("payment-2", "new_deadline"),
        ("payment-3", "deadline"),
        ("payment-partial", "rest_by"),
        ("boundary-2", "from_date"),
        ("follow-up-unanswered", "reply_by"),
        ("discount-2", "valid_until"),
        ("scope-1", "valid_until"),
    ] {
        let (subject, body) = letter(id, &[(field, "2026-11-22")]);
        assert!(body.contains("today"), "{id} {field}: {body}");
        assert!(!body.contains("before that date"), "{id} {field}: {body}");
        assert!(
            !format!("{subject}\n{body}").contains("22 November 2026"),
            "{id} {field}: {subject}\n{body}"
        );
    }
    // "carefully" at most once in a complaint reply, and no shared-blame apology.
    for fault in ["none", "ours"] {
        let (_, body) = letter("complaint-reply", &[("fault", fault)]);
        assert!(body.matches("carefully").count() <= 1, "{body}");
        assert!(!body.contains("our part in this"), "{body}");
    }
    // A "monthly" service is not priced "a month" twice over.
    let (_, body) = letter(
        "price-increase-1",
        &[("service", "monthly website maintenance"), ("per", "month")],
    );
    assert!(!body.contains(" a month"), "{body}");
}

/// boundary-1 states working hours only when the owner gives them: a default would print
/// hours the studio may not keep.
#[test]
fn working_hours_are_stated_only_when_given() {
    let library = Library::load(None);
    for lang in [Lang::Fa, Lang::En] {
        let t = library.get("boundary-1", lang).unwrap();
        let client = &clients(lang)[0];
        let mut v = values(t, Variant::Typical);
        let (said, hours) = match lang {
            Lang::Fa => ("در دسترس", "یکشنبه تا پنجشنبه"),
            Lang::En => ("available", "Sunday to Thursday"),
        };
        v.remove("hours");
        let without = plain(&render_one(t, client, &sender(true), &v).body);
        assert!(!without.contains(said), "{lang:?}: {without}");
        v.insert("hours".into(), hours.into());
        let with = plain(&render_one(t, client, &sender(true), &v).body);
        assert!(
            with.contains(said) && with.contains(hours),
            "{lang:?}: {with}"
        );
    }
}

/// Probes from the judge's reading (round 12): quoted speech without a final stop, a leading
/// preposition the frame already supplies, a complaint reply with no fault and no concession,
/// and the default handover bullet. Each is checked both ways.
#[test]
fn persian_probe_values_read_as_whole_sentences() {
    let library = Library::load(None);
    // An empty value here means the owner left the input out.
    let render = |id: &str, set: &[(&str, &str)]| {
        let (given, left): (Vec<_>, Vec<_>) = set.iter().partition(|(_, v)| !v.is_empty());
        let left: Vec<&str> = left.iter().map(|(k, _)| *k).collect();
        typical_with(&library, Lang::Fa, id, &given, &left)
    };
    // Quoted speech after a verb is a clause, with or without the owner's stop; a phrase that
    // quotes a word stays a phrase.
    let quoted = "به همکار ما گفته شد «شما هیچ کاری بلد نیستید»";
    for (id, field) in [
        ("respect-1", "behaviour"),
        ("respect-2", "behaviour"),
        ("respect-3", "reason"),
    ] {
        for value in [quoted.to_string(), format!("{quoted}.")] {
            let (_, body) = render(id, &[(field, &value)]);
            assert!(body.contains(&format!("{quoted}.")), "{id}: {body}");
            assert!(
                !body.contains("» بود") && !body.contains("» است"),
                "{id}: {body}"
            );
        }
        let (_, body) = render(id, &[(field, "توهین با عبارت «بی‌عرضه»")]);
        assert!(
            body.contains("«بی‌عرضه» همراه بود") || body.contains("«بی‌عرضه» است."),
            "{id}: {body}"
        );
    }
    // The frame's own preposition is dropped when the owner typed it, and kept otherwise.
    for (id, field, value, bare) in [
        ("respect-1", "incident", "در جلسه دیروز", "جلسه دیروز"),
        ("respect-2", "incident", "در تماس دیروز", "تماس دیروز"),
        (
            "complaint-reply",
            "topic",
            "درباره تأخیر در تحویل",
            "تأخیر در تحویل",
        ),
        ("complaint-reply", "source", "در گوگل مپ", "گوگل مپ"),
        (
            "follow-up-unanswered",
            "topic",
            "درباره پیش‌فاکتور",
            "پیش‌فاکتور",
        ),
        (
            "follow-up-unanswered",
            "needed",
            "به تأیید شما",
            "تأیید شما",
        ),
        (
            "boundary-1",
            "guide",
            "در صفحه پرسش‌های متداول",
            "صفحه پرسش‌های متداول",
        ),
        (
            "scope-1",
            "request",
            "درباره نسخه انگلیسی سایت",
            "نسخه انگلیسی سایت",
        ),
        ("termination-1", "referral", "به استودیو آبی", "استودیو آبی"),
    ] {
        let (subject, body) = render(id, &[(field, value)]);
        let text = format!("{subject}\n{body}");
        assert!(text.contains(value), "{id}: {text}");
        for doubled in ["در در ", "درباره درباره", "به به ", "به در ", "در درباره"]
        {
            assert!(!text.contains(doubled), "{id} «{doubled}»: {text}");
        }
        let (subject, body) = render(id, &[(field, bare)]);
        let text = format!("{subject}\n{body}");
        let word = value.split(' ').next().unwrap();
        assert!(
            text.contains(&format!("{word} {bare}"))
                || text.contains(&format!("به {bare}"))
                || text.contains(&format!("{bare} را به شما")),
            "{id}: {text}"
        );
    }
    // complaint-reply: «برای جبران این کوتاهی» (one makes up for a shortcoming; «رفع» does
    // not collocate with «کوتاهی», round 15) and regained trust only when the fault is ours; the
    // paragraph on what was done is left out when the owner offers nothing.
    let action = "ده درصد از مبلغ صورت‌حساب را به شما بازمی‌گردانیم.";
    let (_, ours) = render("complaint-reply", &[("fault", "ours"), ("action", action)]);
    assert!(
        ours.contains(&format!("برای جبران این کوتاهی، {action}")),
        "{ours}"
    );
    assert!(ours.contains("اعتمادتان را دوباره"), "{ours}");
    for set in [
        [("fault", "none"), ("action", action)],
        [("fault", "none"), ("action", "")],
    ] {
        let (_, none) = render("complaint-reply", &set);
        assert!(!none.contains("برای جبران"), "{none}");
        assert!(!none.contains("اعتماد"), "{none}");
        assert_eq!(none.contains(action), !set[1].1.is_empty(), "{none}");
    }
    // The default handover bullet promises access only where there is some, with neither
    // the unsure «اگر … دسترسی داریم» nor the calque «در صورت وجود».
    for id in [
        "respect-3",
        "termination-1",
        "termination-2",
        "termination-3",
    ] {
        // Without the client's own materials, which have their own bullet and date.
        let set: &[(&str, &str)] = if id == "termination-3" {
            &[("handover", ""), ("materials", "")]
        } else {
            &[("handover", "")]
        };
        let (_, body) = render(id, set);
        assert!(
            body.contains("هر دسترسی، اطلاعات ورود یا مدرکی که از شما نزد ما باشد،")
                && !body.contains("در صورت وجود")
                && !body.contains("دسترسی داریم"),
            "{id}: {body}"
        );
    }
    // termination-3: an omission is «این امر», not «این اقدام»; a bare clause number gains
    // «قرارداد», and one that names the contract does not get it twice.
    for (clause, read) in [
        ("بند ۷", "در بند ۷ قرارداد پذیرفته‌اید"),
        ("بند ۷ قرارداد", "در بند ۷ قرارداد پذیرفته‌اید"),
    ] {
        let (_, body) = render(
            "termination-3",
            &[
                ("breach", "عدم پرداخت سه صورت‌حساب متوالی"),
                ("clause", clause),
            ],
        );
        assert!(body.contains(read), "{clause}: {body}");
        assert!(!body.contains("این اقدام"), "{clause}: {body}");
        assert!(!body.contains("قرارداد قرارداد"), "{clause}: {body}");
    }
}

#[test]
fn english_round_12_probe_values_read_right() {
    let library = Library::load(None);
    let letter = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // A reason typed as a noun phrase never takes "This follows"; "… reasons" takes "for".
    for id in ["termination-1", "termination-2", "respect-3"] {
        for (reason, want) in [
            ("retirement", "because of our retirement."),
            ("personal reasons", "for personal reasons."),
            ("Health reasons.", "for health reasons."),
            (
                "repeated late payments",
                "because of repeated late payments.",
            ),
        ] {
            let (_, body) = letter(id, &[("reason", reason)]);
            assert!(body.contains(want), "{id} {reason}: {body}");
            assert!(!body.contains("This follows"), "{id} {reason}: {body}");
        }
        // A full sentence is still given as the owner wrote it.
        let (_, body) = letter(id, &[("reason", "We are retiring at the end of the year.")]);
        assert!(
            body.contains("retiring at the end of the year."),
            "{id}: {body}"
        );
        assert!(!body.contains("because of we"), "{id}: {body}");
    }
    // A capitalised fragment with a stop takes the phrase frame; a real sentence stands alone.
    for id in ["respect-1", "respect-2"] {
        let (_, body) = letter(id, &[("behaviour", "Repeated shouting.")]);
        assert!(
            body.contains(" was met with repeated shouting."),
            "{id}: {body}"
        );
        let (_, body) = letter(id, &[("behaviour", "Our designer was sworn at.")]);
        assert!(
            body.contains(". Our designer was sworn at."),
            "{id}: {body}"
        );
    }
    // The incident date is said once, and not again when the owner wrote it.
    for id in ["respect-1", "respect-2"] {
        let (_, body) = letter(
            id,
            &[
                ("incident", "our meeting on 19 November"),
                ("incident_date", "2026-11-19"),
            ],
        );
        assert_eq!(body.matches("19 November").count(), 1, "{id}: {body}");
        let (_, body) = letter(
            id,
            &[
                ("incident", "Monday's phone call"),
                ("incident_date", "2026-11-16"),
            ],
        );
        assert!(
            body.contains("Monday's phone call, on 16 November 2026"),
            "{id}: {body}"
        );
    }
    let (_, body) = letter("respect-1", &[("staff", "Tom Reed, our designer")]);
    assert!(!body.contains("aimed at"), "{body}");
    let (_, body) = letter("respect-2", &[]);
    assert!(!body.contains("same thing happened again"), "{body}");
    // service-change: no dangling "To help with the change, you…", no capital after a colon,
    // no form-like "The change is … The main reason for it is …".
    let (_, body) = letter(
        "service-change",
        &[
            ("change", "a move to a new server"),
            ("reason", "better performance"),
            ("alternative", "You can still email us at any time."),
        ],
    );
    assert!(!body.contains("The main reason"), "{body}");
    assert!(body.contains("to give you better performance."), "{body}");
    assert!(
        body.contains("\n\nYou can still email us at any time."),
        "{body}"
    );
    assert!(!body.contains("change, you"), "{body}");
    let (_, body) = letter(
        "service-change",
        &[(
            "alternative",
            "Rush orders are still possible for a small fee.",
        )],
    );
    assert!(!body.contains(": Rush"), "{body}");
    assert!(body.contains("Rush orders are still possible"), "{body}");
    let (_, body) = letter("service-change", &[("reason", "staff shortages")]);
    assert!(body.contains("because of staff shortages."), "{body}");
    // termination-3 names the clause once, in the same sentence as the breach.
    let (_, body) = letter(
        "termination-3",
        &[("breach", "repeated late payments"), ("clause", "clause 4")],
    );
    assert!(
        body.contains("repeated late payments, in breach of clause 4 of our agreement."),
        "{body}"
    );
    assert!(!body.contains("contrary to"), "{body}");
    // Closings that fit: a current client, no thanks for patience, a way to go ahead.
    let (_, body) = letter("complaint-reply", &[]);
    assert!(!body.contains("work with you again"), "{body}");
    let (_, body) = letter("reconcile", &[]);
    assert!(!body.contains("patience"), "{body}");
    let (_, body) = letter("discount-1", &[]);
    assert!(body.contains("go ahead"), "{body}");
    // Same-day termination-2: the offer of help joins the opening, with no orphan line.
    let (subject, body) = letter("termination-2", &[("end_date", "2026-11-22")]);
    assert!(subject.contains("with effect from today"), "{subject}");
    assert!(!body.contains("\n\nIf it would help"), "{body}");
}

/// Round 15's Persian points, each rendered with several plausible values: subjects that are
/// plain noun phrases, a price unit said once, a reason joined to the rise by «زیرا», a
/// stopped noun-phrase reason given a frame, price-increase-2 without one-sentence
/// paragraphs, and the wordings a native reader found translated or unsure.
#[test]
fn persian_round_15_points_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    for scope in ["طراحی لوگو", "طراحی و ساخت پنج صفحه سایت"] {
        let (subject, body) = render("scope-1", &[("contract_scope", scope)]);
        assert!(subject.starts_with("پاسخ به درخواست "), "{subject}");
        assert!(
            body.contains(&format!("قرارداد ما به {scope} محدود است")),
            "{body}"
        );
        assert!(!body.contains("موضوع این قرارداد"), "{body}");
    }
    let (subject, _) = render("payment-2", &[]);
    assert!(
        subject.starts_with("دومین یادآوری پرداخت صورت‌حساب "),
        "{subject}"
    );
    let (_, body) = render("respect-1", &[]);
    assert!(body.contains("حتی در شرایط دشوار"), "{body}");
    assert!(!body.contains("لحظه‌های دشوار"), "{body}");
    for behaviour in [
        "فریاد زدند",
        "در جلسه با همکار ما با لحن تند صحبت شد",
        "توهین",
        "به همکار ما توهین شد.",
    ] {
        let (_, body) = render("respect-2", &[("behaviour", behaviour)]);
        assert!(!body.contains("ماجرا از این قرار"), "{body}");
        assert!(!body.contains("با قاطعیت"), "{body}");
        assert!(
            body.contains("کمترین انتظار خود می‌دانیم. ما همواره پشتیبان همکارانمان خواهیم بود."),
            "{body}"
        );
        assert!(!body.contains("کنار همکارانمان"), "{body}");
        assert!(body.contains(behaviour.trim_end_matches('.')), "{body}");
    }
    let (_, body) = render("respect-2", &[("behaviour", "فریاد زدند")]);
    assert!(body.contains("این بار، فریاد زدند."), "{body}");
    let (_, body) = render("respect-3", &[]);
    assert!(!body.contains("برای ما و همکارانمان"), "{body}");
    // The reason joins the rise in one sentence, whatever connector the owner typed.
    for (reason, expected) in [
        (
            "هزینه‌ها بالا رفته است",
            "افزایش دهیم، زیرا هزینه‌ها بالا رفته است.",
        ),
        (
            "هزینه‌ها بالا رفته است.",
            "افزایش دهیم، زیرا هزینه‌ها بالا رفته است.",
        ),
        (
            "چون هزینه‌ها بالا رفته است",
            "افزایش دهیم، چون هزینه‌ها بالا رفته است.",
        ),
        ("تورم", "ناگزیریم به دلیل تورم نرخ"),
        ("به دلیل تورم", "ناگزیریم به دلیل تورم نرخ"),
        ("تورم.", "ناگزیریم به دلیل تورم نرخ"),
    ] {
        let (_, body) = render("price-increase-1", &[("reason", reason)]);
        assert!(body.contains(expected), "{reason}: {body}");
        assert!(!body.contains("دلیل اصلی این تصمیم آن است"), "{body}");
    }
    // price-increase-2: the offer and the smaller scope share a paragraph, and no
    // paragraph is a single sentence.
    for offer in [
        Some("تا پایان اسفند، نرخ تازه را با ده درصد تخفیف حساب می‌کنیم."),
        Some("ده درصد تخفیف تا پایان اسفند"),
        None,
    ] {
        for grandfather in ["current", "unmentioned"] {
            let t = library.get("price-increase-2", Lang::Fa).unwrap();
            let mut v = values(t, Variant::Typical);
            v.insert("grandfather".to_string(), grandfather.to_string());
            match offer {
                Some(o) => v.insert("offer".to_string(), o.to_string()),
                None => v.remove("offer"),
            };
            let body = plain(&render_one(t, &clients(Lang::Fa)[0], &sender(true), &v).body);
            for paragraph in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
                assert!(
                    paragraph.matches('.').count() >= 2,
                    "{offer:?}: one-sentence paragraph «{paragraph}»\n{body}"
                );
            }
            if let Some(o) = offer {
                let with_offer = body.split("\n\n").find(|p| p.contains(o)).unwrap();
                assert!(with_offer.contains("دامنه کار"), "{body}");
            }
        }
    }
    let (_, body) = render("discount-1", &[]);
    assert!(!body.contains("مایل بودیم"), "{body}");
    for service in ["هویت بصری شرکت", "پروژه لوگو"] {
        let (_, body) = render("discount-2", &[("service", service)]);
        let named = if service.starts_with("پروژه") {
            format!("در قیمت {service}")
        } else {
            format!("در قیمت پروژه {service}")
        };
        assert!(body.contains(&named), "{body}");
        assert!(!body.contains("پروژه پروژه"), "{body}");
    }
    // A noun phrase the owner closed with a stop never stands alone as a verbless sentence;
    // a sentence still does.
    for id in [
        "service-change",
        "service-end",
        "respect-3",
        "termination-1",
        "termination-2",
    ] {
        let mut set = vec![("reason", "کمبود نیرو.")];
        if id == "termination-1" {
            set.push(("kind", "parting"));
        }
        let (_, body) = render(id, &set);
        // Round 17: built into the sentence, never after «این است:».
        assert!(body.contains("، کمبود نیرو است."), "{id}: {body}");
        assert!(!body.contains("این است: کمبود"), "{id}: {body}");
        set[0] = ("reason", "تیم ما کوچک‌تر شده است.");
        let (_, body) = render(id, &set);
        // respect-3 opens with the owner's sentence and draws the decision from it.
        // Round 18: the terminations link it to the decision as respect-3 does elsewhere.
        let want = if id == "respect-3" {
            "تیم ما کوچک‌تر شده است. از این رو، "
        } else if id.starts_with("termination") {
            ". دلیل این تصمیم آن است که تیم ما کوچک‌تر شده است."
        } else {
            ". تیم ما کوچک‌تر شده است."
        };
        assert!(body.contains(want), "{id}: {body}");
    }
    let (_, body) = render("service-end", &[]);
    assert!(!body.contains("مدرک دیگری"), "{body}");
    assert!(!body.contains("اگر فایل"), "{body}");
    for project in ["بازطراحی فروشگاه اینترنتی", "Novin Pack"] {
        let (subject, _) = render("follow-up-check-in", &[("project", project)]);
        assert!(subject.starts_with("نظرخواهی درباره پروژه"), "{subject}");
        assert!(!subject.contains("رضایت"), "{subject}");
    }
}

#[test]
fn english_round_15_frames_read_right_for_several_values() {
    let library = Library::load(None);
    let letter = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // An incident that names its day takes the date after a comma; a plain one takes "on".
    for id in ["respect-1", "respect-2"] {
        for (incident, want) in [
            (
                "Monday's phone call",
                "Monday's phone call, on 16 November 2026",
            ),
            ("yesterday's call", "yesterday's call, on 16 November 2026"),
            (
                "our meeting last Friday",
                "our meeting last Friday, on 16 November 2026",
            ),
            ("the phone call", "the phone call on 16 November 2026"),
        ] {
            for behaviour in ["Our designer was sworn at.", "shouting"] {
                let (_, body) = letter(
                    id,
                    &[
                        ("incident", incident),
                        ("incident_date", "2026-11-16"),
                        ("behaviour", behaviour),
                    ],
                );
                assert!(body.contains(want), "{id} {incident}: {body}");
                assert_eq!(body.matches("16 November").count(), 1, "{id}: {body}");
                assert!(!body.contains("'s phone call on"), "{id}: {body}");
            }
        }
    }
    let (_, body) = letter("respect-1", &[("staff", "Tom Reed")]);
    assert!(!body.contains("Our team puts"), "{body}");
    // respect-2 names an incident, never a bare "it happened again", nor "are spoken to".
    let (_, body) = letter("respect-2", &[("behaviour", "shouting")]);
    assert!(
        body.contains("there was a similar incident during"),
        "{body}"
    );
    assert!(!body.contains("it happened again"), "{body}");
    assert!(!body.contains("are spoken to"), "{body}");
    // A same-day end says "today" in the subject too.
    for id in ["respect-3", "service-end"] {
        let (subject, body) = letter(id, &[("end_date", "2026-11-22")]);
        assert!(
            subject.contains("today, 22 November 2026"),
            "{id}: {subject}"
        );
        assert!(body.contains("oday"), "{id}: {body}");
        let (subject, _) = letter(id, &[("end_date", "2026-12-15")]);
        assert!(subject.contains("on 15 December 2026"), "{id}: {subject}");
    }
    // payment-1 asks for the invoice as reference unless the details already give one,
    // and does not close a reminder with thanks for custom.
    for (details, asks) in [
        ("", true),
        ("IBAN: GB00 1111", true),
        ("IBAN: GB00 1111\nReference: AC-7", false),
        ("Sort code 12-34-56, account 1234, quote AC-7", false),
    ] {
        let (_, body) = letter(
            "payment-1",
            &[("invoice", "AC-7"), ("payment_details", details)],
        );
        assert_eq!(
            body.contains("quoting AC-7 as the payment reference")
                || body.contains("please quote AC-7 as the payment reference"),
            asks,
            "{details}: {body}"
        );
        assert!(!body.contains("custom."), "{body}");
    }
    // price-increase-2: the scope offer and the offer to talk are one paragraph.
    let (_, body) = letter("price-increase-2", &[]);
    assert!(!body.contains("\n\nIf this does not fit"), "{body}");
    assert!(
        body.contains("to bring the cost down, and we would be glad to talk this through"),
        "{body}"
    );
    let (_, body) = letter("scope-2", &[]);
    assert!(body.contains("Our rate for such work is"), "{body}");
    // discount-1: a price includes things; a smaller option without a price gets a quote.
    for option in [
        "our basic package",
        "One concept only.",
        "a lighter version",
    ] {
        let set = [("smaller_option", option)];
        let (_, body) = typical_with(&library, Lang::En, "discount-1", &set, &["smaller_price"]);
        assert!(body.contains("This price reflects"), "{body}");
        assert!(
            body.contains(". We would be happy to quote for it."),
            "{body}"
        );
    }
    let (_, body) = letter(
        "discount-1",
        &[
            ("smaller_option", "our basic package"),
            ("smaller_price", "900"),
        ],
    );
    assert!(!body.contains("quote for it"), "{body}");
    let (_, body) = letter("refund-refusal", &[("revision_price", "400")]);
    assert!(
        body.contains("as a separate piece of paid work; "),
        "{body}"
    );
    assert!(!body.contains("paid job"), "{body}");
    let (_, body) = letter("boundary-1", &[]);
    assert!(!body.contains("in the middle of other work"), "{body}");
    let (_, body) = letter("boundary-2", &[]);
    assert!(
        body.contains("we would be happy to arrange a short meeting"),
        "{body}"
    );
    // service-change: an owner's sentence is not introduced by an unrelated claim.
    for alternative in [
        "For anything urgent, put \"Urgent\" at the start of your email.",
        "we will keep a phone line open for emergencies",
        "a free setup call",
    ] {
        let (_, body) = letter("service-change", &[("alternative", alternative)]);
        assert!(!body.contains("done what we can"), "{body}");
        assert!(!body.contains(" also "), "{body}");
    }
    // service-end: the last day is said plainly, and help with the move is offered once.
    let (_, body) = letter("service-end", &[("end_date", "2026-12-22")]);
    assert!(!body.contains("its last day"), "{body}");
    assert!(!body.contains("help you make the move"), "{body}");
    assert!(
        body.contains("Until it closes on 22 December 2026, the service will carry on as usual."),
        "{body}"
    );
    // termination-1: an owner's sentence is linked to the decision (round 22), never
    // dropped in bare.
    let (_, body) = letter(
        "termination-1",
        &[(
            "reason",
            "From now on we are focusing our work on packaging design.",
        )],
    );
    assert!(
        body.contains(
            "We have come to this decision because from now on we are focusing our work on packaging design. "
        ),
        "{body}"
    );
    assert!(!body.contains("This is because"), "{body}");
    let (_, body) = letter("reconcile", &[]);
    assert!(!body.contains("experience leaves us"), "{body}");
}

/// Round 14's Persian reading: the access clause, the frames around an owner's offer, the
/// single listed item, reconcile's thanks, boundary-1 by phone and the smaller touches,
/// each with several values per slot.
#[test]
fn persian_round_16_points_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let today = marz::dates::format(date(), Lang::Fa);
    let iso = date().format("%Y-%m-%d").to_string();
    // The access clause says «هرگونه دسترسی ما», neither unsure («اگر … دسترسی داریم») nor
    // the calque «در صورت وجود», once, on any end date.
    for id in [
        "respect-3",
        "termination-1",
        "termination-2",
        "termination-3",
    ] {
        for end in [iso.as_str(), "2026-11-30", "2026-12-09"] {
            let mut set = vec![("end_date", end)];
            if id != "termination-3" {
                set.push(("handover", ""));
            } else {
                set.push(("materials", ""));
            }
            let (_, body) = render(id, &set);
            assert_eq!(
                body.matches("هر دسترسی، اطلاعات ورود یا مدرکی که از شما نزد ما باشد،")
                    .count(),
                1,
                "{id} {end}: {body}"
            );
            for wrong in ["در صورت وجود", "دسترسی داریم", "اگر به حساب"]
            {
                assert!(!body.contains(wrong), "{id} {end}: «{wrong}»\n{body}");
            }
        }
    }
    // An owner's noun phrase offered as a service or a priced option is never «… را به شما
    // پیشنهاد می‌کنیم»: each slot has a frame that fits both.
    for (id, slot, frame, values) in [
        (
            "service-change",
            "alternative",
            "برای آنکه کارتان بی‌وقفه پیش برود، {} را برایتان در نظر گرفته‌ایم.",
            [
                "پاسخ ایمیلی در همان روز",
                "یک ماه پشتیبانی رایگان",
                "نسخه پایه با ۵۰۰٬۰۰۰ تومان در ماه",
                "خط تلفن ویژه برای کارهای فوری",
                "راهنمای تصویری سامانه تازه",
            ],
        ),
        (
            "service-end",
            "alternative",
            "از این رو، {} را برایتان در نظر گرفته‌ایم.",
            [
                "معرفی چاپخانه همکار",
                "انتقال رایگان صندوق‌های ایمیل",
                "سرویس جایگزین با ۲٬۰۰۰٬۰۰۰ تومان در سال",
                "ده درصد تخفیف در سرویس جایگزین",
                "یک ماه پشتیبانی رایگان پس از انتقال",
            ],
        ),
        (
            "price-increase-2",
            "offer",
            "برای آسان‌تر شدن این تغییر، {} را برایتان در نظر گرفته‌ایم.",
            [
                "ده درصد تخفیف تا پایان دی",
                "پرداخت در دو قسط",
                "نرخ فعلی تا پایان اسفند",
                "یک ماه نگهداری رایگان",
                "بسته سبک‌تر با ۲٬۵۰۰٬۰۰۰ تومان در ماه",
            ],
        ),
        (
            "scope-1",
            "alternative",
            "با برنامه‌تان سازگار نیست، {} نیز شدنی است.",
            [
                "نسخه ساده‌تر یک‌صفحه‌ای با ۲٬۰۰۰٬۰۰۰ تومان",
                "انجام این کار در فاز دوم پروژه",
                "معرفی یک همکار مترجم",
                "تحویل در دو مرحله",
                "یک طرح به‌جای سه طرح",
            ],
        ),
        (
            "refund-refusal",
            "gesture",
            "به پاس همکاری‌مان، {} را برایتان در نظر گرفته‌ایم.",
            [
                "یک دور اصلاح رایگان دیگر",
                "ده درصد تخفیف در سفارش بعدی",
                "فایل‌ها در دو اندازه دیگر",
                "یک جلسه مشاوره رایگان",
                "نسخه چاپی با نیمی از هزینه",
            ],
        ),
    ] {
        for value in values {
            let (_, body) = render(id, &[(slot, value)]);
            // An indefinite gesture («یک …») takes no «را» (round 17).
            let want = if id == "refund-refusal" && value.starts_with("یک ") {
                frame.replace("{} را", value)
            } else {
                frame.replace("{}", value)
            };
            assert!(body.contains(&want), "{id} «{value}»: {body}");
            for offered in ["را به شما پیشنهاد", "را هم پیشنهاد", "را پیشنهاد"]
            {
                let wrong = format!("{value} {offered}");
                assert!(!body.contains(&wrong), "{id}: «{wrong}»\n{body}");
            }
        }
    }
    // discount-1: a wish neither round objected to, and a single item, typed with or without
    // a list mark, set in the sentence; several items stay a list.
    for (value, item) in [
        ("- یک طرح", "یک طرح"),
        ("یک طرح", "یک طرح"),
        ("• سه طرح اولیه برای انتخاب", "سه طرح اولیه برای انتخاب"),
        (
            "۱. فایل‌های نهایی در همه قالب‌ها",
            "فایل‌های نهایی در همه قالب‌ها",
        ),
    ] {
        let (_, body) = render("discount-1", &[("value", value)]);
        assert!(
            body.contains(&format!("تعیین شده و {item} را در بر می‌گیرد.")),
            "{value}: {body}"
        );
        assert!(
            !body.lines().any(|l| l.starts_with("- ")),
            "{value}: {body}"
        );
        for wish in ["دوست داشتیم", "مایل بودیم"] {
            assert!(!body.contains(wish), "{value}: {body}");
        }
    }
    let (_, body) = render("discount-1", &[("value", "سه طرح اولیه\nدو نوبت اصلاح")]);
    assert_eq!(
        body.lines().filter(|l| l.starts_with("- ")).count(),
        2,
        "{body}"
    );
    for option in ["بسته پایه، با یک طرح", "نسخه ساده‌تر بدون اصلاح"]
    {
        let (_, body) = render("discount-1", &[("smaller_option", option)]);
        assert!(!body.contains("پیشنهاد کنیم:"), "{body}");
        assert!(
            body.contains(&format!("گزینه مقرون‌به‌صرفه‌تر ما {option}")),
            "{body}"
        );
    }
    // reconcile thanks for joining in, whoever caused the trouble, and does not say it was
    // hard; one agreed point is set in the sentence, several are listed.
    for issue in [
        "تأخیر در پرداخت‌های پاییز",
        "سوءتفاهم درباره تعداد عکس‌ها",
        "تأخیر ما در تحویل طرح‌ها",
    ] {
        for (agreed, want) in [
            ("جلسه ماهانه", "بر جلسه ماهانه توافق کردیم."),
            ("- گزارش پیشرفت هفتگی", "بر گزارش پیشرفت هفتگی توافق کردیم."),
            (
                "هر دو هفته یک گزارش پیشرفت دریافت می‌کنید.",
                "توافق کردیم: هر دو هفته یک گزارش پیشرفت دریافت می‌کنید.",
            ),
        ] {
            let (_, body) = render("reconcile", &[("issue", issue), ("agreed", agreed)]);
            assert!(body.contains(want), "{issue} {agreed}: {body}");
            assert!(!body.lines().any(|l| l.starts_with("- ")), "{body}");
            for wrong in ["آسان نبود", "با حوصله", "دشوار"] {
                assert!(!body.contains(wrong), "{issue}: «{wrong}»\n{body}");
            }
        }
        let (_, body) = render(
            "reconcile",
            &[("issue", issue), ("agreed", "جلسه ماهانه\nگزارش هفتگی")],
        );
        assert_eq!(
            body.lines().filter(|l| l.starts_with("- ")).count(),
            2,
            "{body}"
        );
    }
    // boundary-1 reads right for a voice channel as for a written one: nothing is «sent»
    // by phone, and only an email has a subject line to mark «فوری».
    for channel in ["تلفن", "تماس تلفنی", "واتس‌اپ", "ایمیل", "تلگرام"]
    {
        let (_, body) = render(
            "boundary-1",
            &[("channel", channel), ("guide", "صفحه پرسش‌های متداول سایت")],
        );
        assert!(
            body.contains(&format!("از طریق {channel} با ما مطرح کنید")),
            "{channel}: {body}"
        );
        for written in ["بفرستید", "فرستادن پیام", "به هر پیام"] {
            assert!(!body.contains(written), "{channel}: «{written}»\n{body}");
        }
        assert_eq!(
            body.contains("با واژه «فوری»"),
            channel == "ایمیل",
            "{channel}: {body}"
        );
    }
    // service-end: a subject with no colon of its own, and a formal request for an address.
    for (end, when) in [
        (iso.as_str(), format!("، امروز {today}")),
        ("2026-12-31", " در ".to_string()),
    ] {
        let (subject, body) = render("service-end", &[("end_date", end)]);
        assert!(!subject.contains(':'), "{subject}");
        assert!(subject.starts_with("پایان ارائه "), "{subject}");
        assert!(subject.contains(&when), "{subject}");
        for wrong in ["به ما بگویید", "، آن را به دستتان"] {
            assert!(!body.contains(wrong), "{body}");
        }
        assert!(body.contains("اعلام فرمایید"), "{body}");
    }
    // termination-1: a referral with an apposition closes it with a comma; a reason in the
    // letter's words does not bring «این تصمیم» twice.
    for (referral, want) in [
        (
            "آقای نادری، عکاس صنعتی",
            "آقای نادری، عکاس صنعتی، را به شما معرفی کنیم",
        ),
        (
            "استودیو طراحی آبی",
            "استودیو طراحی آبی را به شما معرفی کنیم",
        ),
        (
            "خانم سارا کریمی، طراح بسته‌بندی",
            "خانم سارا کریمی، طراح بسته‌بندی، را به شما معرفی کنیم",
        ),
    ] {
        let (_, body) = render(
            "termination-1",
            &[("kind", "parting"), ("referral", referral)],
        );
        assert!(body.contains(want), "{referral}: {body}");
    }
    for reason in [
        "بازنشستگی",
        "کمبود نیرو.",
        "تیم ما کوچک شده",
        "از این پس فقط طراحی بسته‌بندی انجام می‌دهیم.",
    ] {
        let (_, body) = render("termination-1", &[("kind", "parting"), ("reason", reason)]);
        assert!(body.matches("این تصمیم").count() <= 1, "{reason}: {body}");
    }
    // The late fee is «جریمه دیرکرد», with or without the contract clause.
    for id in ["payment-2", "payment-3"] {
        for clause in ["", "بند ۵ قرارداد"] {
            let (_, body) = render(id, &[("late_fee", "250000"), ("fee_clause", clause)]);
            assert!(body.contains("جریمه دیرکرد"), "{id}: {body}");
            assert!(!body.contains("هزینه تأخیر"), "{id}: {body}");
        }
    }
    // respect-2 stands by colleagues without a calque, and the owner's own «again» is not
    // doubled by «این بار».
    for behaviour in [
        "باز هم با همکارمان تند صحبت کردید.",
        "دوباره به همکار ما توهین شد",
        "بار دیگر سر همکار ما فریاد زدند.",
    ] {
        let (_, body) = render("respect-2", &[("behaviour", behaviour)]);
        assert!(!body.contains("این بار، "), "{behaviour}: {body}");
        assert!(!body.contains("ایستاده‌ایم"), "{body}");
        assert!(!body.contains("محکم"), "{body}");
    }
    // scope-1: the request does not «fall outside», and no two paragraphs in a row open
    // with «اگر».
    for alternative in [
        "",
        "تحویل در دو مرحله",
        "می‌توانیم این کار را در فاز دوم انجام دهیم.",
    ] {
        let (_, body) = render("scope-1", &[("alternative", alternative)]);
        assert!(!body.contains("بیرون از آن"), "{body}");
        assert!(body.contains("درخواست تازه شما در آن نمی‌گنجد"), "{body}");
        let paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).collect();
        assert!(
            !paragraphs
                .windows(2)
                .any(|w| w[0].starts_with("اگر") && w[1].starts_with("اگر")),
            "{body}"
        );
    }
    // complaint-reply: no elliptical «حتی انتقادی», no flat «راضی نبوده‌اید», and our own
    // fault opens a correction as well as a refund without calling it compensation.
    for source in ["", "اینستاگرام"] {
        for (fault, action) in [
            ("none", "یک نمونه تازه بی‌هزینه چاپ می‌کنیم"),
            ("ours", "فاکتور اصلاح‌شده"),
            ("ours", "ده درصد از مبلغ را بازمی‌گردانیم."),
        ] {
            let (_, body) = render(
                "complaint-reply",
                &[("source", source), ("fault", fault), ("action", action)],
            );
            for wrong in ["حتی انتقادی", "راضی نبوده‌اید"] {
                assert!(!body.contains(wrong), "{fault} «{wrong}»: {body}");
            }
            // Amends only for our own fault (round 15: «جبران», not «رفع», a shortcoming).
            assert_eq!(
                body.contains("برای جبران"),
                fault == "ours",
                "{fault}: {body}"
            );
        }
    }
    // respect-1 asks to keep the focus on the work without the calque «متمرکز شویم»;
    // termination-3 dates a same-day end.
    let (_, body) = render("respect-1", &[]);
    assert!(!body.contains("متمرکز"), "{body}");
    assert!(
        body.contains("تا با خاطری آسوده بر کار تمرکز کنیم"),
        "{body}"
    );
    let (_, body) = render("termination-3", &[("end_date", iso.as_str())]);
    assert!(
        body.contains(&format!("از امروز، {today}، پایان می‌یابد")),
        "{body}"
    );
}

/// Round 14's reading of the English letters: every point, each with several values in
/// both shapes (a bare noun phrase and a typed sentence), so none comes back.
#[test]
fn english_round_14_points_read_right_for_several_values() {
    use marz::render::is_sentence;
    let library = Library::load(None);
    let letter = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let without = |id: &str, set: &[(&str, &str)], drop: &[&str]| {
        typical_with(&library, Lang::En, id, set, drop)
    };
    let full = |id: &str, set: &[(&str, &str)]| {
        let t = library.get(id, Lang::En).unwrap();
        let mut v = values(t, Variant::Typical);
        for (k, val) in set {
            v.insert(k.to_string(), val.to_string());
        }
        render_one(t, &clients(Lang::En)[0], &sender(true), &v)
    };
    // A verb that is also a noun starts a noun phrase unless an object or particle follows.
    for phrase in [
        "email support on Saturdays",
        "Email support on Saturdays",
        "phone support for urgent problems",
        "text reminders before each deadline",
        "call handling by our office",
        "reply templates for common questions",
    ] {
        assert!(!is_sentence(phrase, Lang::En), "{phrase}");
    }
    for clause in [
        "Email us on Saturdays.",
        "call us on Saturdays",
        "Put \"Urgent\" at the start of your email.",
        "Send your files to our new address.",
        "Phone the office for anything urgent.",
    ] {
        assert!(is_sentence(clause, Lang::En), "{clause}");
    }
    // respect-1 and respect-2: a short behaviour is something a colleague was met with,
    // never a "…: shouting." tail; a sentence stands as typed.
    for behaviour in [
        "shouting",
        "rude remarks",
        "personal insults",
        "a raised voice",
        "belittling comments about her work",
        "threats to cancel the contract",
    ] {
        for id in ["respect-1", "respect-2"] {
            let (_, body) = letter(id, &[("behaviour", behaviour)]);
            assert!(
                body.contains(&format!(" was met with {behaviour}.")),
                "{id}: {body}"
            );
            assert!(!body.contains(&format!(": {behaviour}")), "{id}: {body}");
            assert!(!body.contains("during it:"), "{id}: {body}");
        }
    }
    for behaviour in [
        "Our designer was sworn at.",
        "The call ended with shouting.",
    ] {
        for id in ["respect-1", "respect-2"] {
            let (_, body) = letter(id, &[("behaviour", behaviour)]);
            assert!(body.contains(&format!(". {behaviour}")), "{id}: {body}");
            assert!(!body.contains("was met with"), "{id}: {body}");
        }
    }
    let (_, body) = letter(
        "respect-1",
        &[("staff", "Ms Sara Ahmadi, our project lead")],
    );
    assert!(
        body.contains("how Ms Sara Ahmadi, our project lead, was treated"),
        "{body}"
    );
    // service-change: what changes and what the client can do instead, as noun phrases.
    for change in [
        "no more weekend support",
        "a move to a new server",
        "support by email instead of phone",
        "shorter opening hours",
        "the end of our Saturday service",
    ] {
        let (_, body) = letter("service-change", &[("change", change)]);
        // "This involves no more weekend support." does not read: a "no" change is stated
        // as what there will be.
        let frame = if change.starts_with("no ") {
            " From that date, there will be"
        } else {
            " This involves"
        };
        assert!(body.contains(&format!("{frame} {change}.")), "{body}");
        assert!(!body.contains("update brings"), "{body}");
    }
    for (change, want) in [
        ("Phone support will end.", ". Phone support will end. "),
        (
            "we will no longer answer calls at weekends",
            ". We will no longer answer calls at weekends. ",
        ),
    ] {
        let (_, body) = letter("service-change", &[("change", change)]);
        assert!(body.contains(want), "{body}");
        assert!(!body.contains("In practice"), "{body}");
    }
    for alternative in [
        "email support on Saturdays",
        "Email support on Saturdays",
        "phone support for urgent problems",
        "a monthly summary email on request",
        "priority support for a small fee",
    ] {
        let (_, body) = letter("service-change", &[("alternative", alternative)]);
        let lower = alternative[..1].to_lowercase() + &alternative[1..];
        assert!(
            body.contains(&format!("If it helps, there is another option: {lower}.")),
            "{body}"
        );
        assert!(!body.contains(&format!("\n{alternative}")), "{body}");
        assert!(!body.contains("run into"), "{body}");
        assert!(
            body.contains(
                "We hope the transition goes smoothly for you. If it causes you any difficulty"
            ),
            "{body}"
        );
    }
    let (_, body) = letter(
        "service-change",
        &[("alternative", "Email us on Saturdays.")],
    );
    assert!(
        body.contains("\nEmail us on Saturdays.\n\nWe hope the transition goes smoothly"),
        "{body}"
    );
    // A reason typed as a bare noun reads as our own; "reasons" takes "for".
    for id in [
        "termination-1",
        "termination-2",
        "respect-3",
        "service-change",
    ] {
        for (reason, want) in [
            ("retirement", "because of our retirement."),
            ("Retirement.", "because of our retirement."),
            ("relocation", "because of our relocation."),
            ("personal reasons", "for personal reasons."),
            ("ill health", "because of ill health."),
            (
                "a change in our business focus",
                "because of a change in our business focus.",
            ),
            (
                "repeated late payments",
                "because of repeated late payments.",
            ),
        ] {
            let (_, body) = letter(id, &[("reason", reason)]);
            assert!(body.contains(want), "{id} {reason}: {body}");
            assert!(!body.contains("because of retirement"), "{id}: {body}");
            assert!(!body.contains("our our "), "{id}: {body}");
        }
        let (_, body) = letter(id, &[("reason", "We are retiring.")]);
        // Round 22: every ending letter links a sentence reason to its decision.
        let linked = if ["respect-3", "termination-1", "termination-2"].contains(&id) {
            " because we are retiring."
        } else {
            " We are retiring."
        };
        assert!(body.contains(linked), "{id}: {body}");
        assert!(!body.contains("because of"), "{id}: {body}");
    }
    // A service is ours to price, never "your photography"; a typed "your …" stays once.
    for service in [
        "packaging design",
        "photography",
        "bookkeeping",
        "monthly website maintenance",
        "product photography",
    ] {
        for id in [
            "price-increase-1",
            "price-increase-2",
            "discount-1",
            "discount-2",
        ] {
            let (subject, body) = letter(id, &[("service", service)]);
            let text = format!("{subject}\n{body}");
            assert!(!text.contains(&format!("your {service}")), "{id}: {text}");
            assert!(!text.contains(&format!("the {service}")), "{id}: {text}");
            assert!(text.contains(&format!(" for {service}")), "{id}: {text}");
        }
    }
    for id in ["discount-1", "discount-2"] {
        let (subject, body) = letter(id, &[("service", "your visual identity")]);
        assert!(subject.ends_with("for your visual identity"), "{subject}");
        let asked = if id == "discount-1" {
            "a discount on your visual identity."
        } else {
            "about the price of your visual identity."
        };
        assert!(body.contains(asked), "{body}");
        assert!(!body.contains("your your"), "{body}");
    }
    // A default date counts from the later date it may not precede: the final invoice is
    // settled a week after it is sent, not a week after the letter.
    for (end, settle) in [
        ("2026-11-22", "29 November 2026"),
        ("2026-11-24", "1 December 2026"),
        ("2026-11-30", "7 December 2026"),
        ("2026-12-31", "7 January 2027"),
    ] {
        let (_, body) = without("termination-3", &[("end_date", end)], &["balance_due"]);
        assert!(
            body.contains(&format!("please settle it by {settle}.")),
            "{end}: {body}"
        );
        // An emptied field takes the same default.
        let (_, emptied) = letter("termination-3", &[("end_date", end), ("balance_due", "")]);
        assert_eq!(emptied, body);
    }
    let (_, body) = letter(
        "termination-3",
        &[("end_date", "2026-11-30"), ("balance_due", "2026-12-15")],
    );
    assert!(
        body.contains("please settle it by 15 December 2026."),
        "{body}"
    );
    // discount-2 states a validity only when the owner set one.
    for drop in [true, false] {
        let (_, body) = if drop {
            without("discount-2", &[], &["valid_until"])
        } else {
            letter("discount-2", &[("valid_until", "2026-12-09")])
        };
        assert_eq!(
            body.contains("Our quote remains valid until"),
            !drop,
            "{body}"
        );
        assert!(body.contains("please let us know"), "{body}");
    }
    let (_, body) = letter("discount-2", &[("valid_until", "")]);
    assert!(!body.contains("valid until"), "{body}");
    // Every payment letter asks for the invoice number as the payment reference, once.
    for id in [
        "payment-1",
        "payment-2",
        "payment-3",
        "payment-partial",
        "payment-plan",
    ] {
        for (invoice, details) in [
            ("AC-9", "IBAN: GB00 0000 0000 0000"),
            ("INV 2041", "Sort code 00-00-00, account 12345678"),
            ("K-12", ""),
        ] {
            let (_, body) = letter(id, &[("invoice", invoice), ("payment_details", details)]);
            assert_eq!(
                body.matches(&format!("quoting {invoice} as the payment reference"))
                    .count()
                    + body
                        .matches(&format!("quote {invoice} as the payment reference"))
                        .count(),
                1,
                "{id}: {body}"
            );
            assert!(!body.contains("Payment details:"), "{id}: {body}");
            // The request to pay is made once; the details follow it without a second one.
            assert!(body.matches("Please pay").count() <= 1, "{id}: {body}");
        }
        let (_, body) = letter(
            id,
            &[
                ("invoice", "AC-1"),
                ("payment_details", "IBAN: GB00 0000\nReference: AC-1"),
            ],
        );
        assert!(!body.contains("as the payment reference"), "{id}: {body}");
    }
    // Letters that end the relationship close formally.
    for id in ["respect-3", "termination-2", "termination-3", "payment-3"] {
        assert_eq!(full(id, &[]).closing, "Yours sincerely,", "{id}");
    }
    // boundary-1: hours with a dash take no "from"; a voice channel is not sent messages.
    for (hours, want) in [
        ("9am-5pm", "We are available 9am-5pm."),
        ("9:00–17:00", "We are available 9:00–17:00."),
        ("9am to 5pm", "We are available from 9am to 5pm."),
        ("weekdays", "We are available on weekdays."),
    ] {
        let (_, body) = letter("boundary-1", &[("hours", hours)]);
        assert!(body.contains(want), "{hours}: {body}");
        assert!(!body.contains("from 9am-"), "{body}");
    }
    for channel in ["phone", "telephone"] {
        let (_, body) = letter("boundary-1", &[("channel", channel)]);
        assert!(!body.contains("send your questions"), "{body}");
        assert!(!body.contains("‘Urgent’"), "{body}");
        assert!(
            body.contains("by phone") || body.contains("by telephone"),
            "{body}"
        );
    }
    for channel in ["email", "WhatsApp", "our client portal"] {
        let (_, body) = letter("boundary-1", &[("channel", channel)]);
        assert!(body.contains("please send your questions"), "{body}");
        assert!(body.contains("‘Urgent’"), "{body}");
        let (_, body) = letter("boundary-2", &[("channel", channel)]);
        assert!(
            body.contains("These interruptions break up our working day"),
            "{body}"
        );
    }
    // The wordings the reading named, across the letters that carried them.
    let banned = [
        (
            "complaint-reply",
            vec!["read it closely", "every review, even"],
        ),
        (
            "refund-refusal",
            vec!["most useful way", "separate, paid work, for"],
        ),
        (
            "price-increase-1",
            vec!["We know that", "we would be glad to.\n"],
        ),
        (
            "price-increase-2",
            vec!["maintain the standard", "We know a higher price"],
        ),
        ("respect-2", vec!["behind them on this"]),
        ("respect-3", vec!["entrusted", "regret to tell"]),
        ("termination-1", vec!["with the work just as before"]),
        ("termination-2", vec!["The handover steps are:"]),
        ("service-end", vec!["If we still hold"]),
        (
            "reconcile",
            vec!["come out of this", "send you a short note"],
        ),
        ("follow-up-check-in", vec!["pleasure working with"]),
        ("discount-1", vec!["If your budget is limited"]),
        ("payment-1", vec!["paid, thank you;"]),
    ];
    for (id, phrases) in banned {
        let (subject, body) = letter(id, &[]);
        for phrase in phrases {
            assert!(!body.contains(phrase), "{id} {phrase}: {body}");
        }
        assert!(!subject.contains("Requests and advice"), "{subject}");
    }
    let (subject, _) = letter("scope-2", &[]);
    assert_eq!(subject, "Work outside the scope of our agreement");
    let (_, body) = letter("payment-partial", &[]);
    assert!(!body.contains("Thank you again"), "{body}");
    // scope-1: the validity first, then scheduling, without a semicolon between unrelated
    // points when no validity is given.
    let (_, body) = letter("scope-1", &[("valid_until", "2026-12-10")]);
    assert!(
        body.contains("This quote is valid until 10 December 2026; as soon as you confirm"),
        "{body}"
    );
    let (_, body) = without("scope-1", &[], &["valid_until"]);
    assert!(
        body.contains(" As soon as you confirm, we will schedule the work."),
        "{body}"
    );
    // refund-refusal: the paid changes read as one job with its price; a lone delivery
    // sentence joins the paragraph after it.
    for price in ["400", "1250"] {
        let (_, body) = letter("refund-refusal", &[("revision_price", price)]);
        assert!(
            body.contains("a further round of revisions costs "),
            "{body}"
        );
    }
    let (_, body) = without(
        "refund-refusal",
        &[("delivered_on", "2026-11-01")],
        &["accepted_on", "terms"],
    );
    assert!(
        body.contains("on 1 November 2026. We have checked the work again"),
        "{body}"
    );
}

/// discount-2 names a validity date only when the owner set one, in both languages: a
/// default the owner never chose must not become a term of the offer. A date equal to the
/// letter date reads as today's end.
#[test]
fn discount_validity_is_stated_only_when_the_owner_set_it() {
    let library = Library::load(None);
    for (lang, stated, today) in [
        (Lang::Fa, "معتبر خواهد بود", "تا پایان امروز"),
        (
            Lang::En,
            "Our quote remains valid until",
            "until the end of today",
        ),
    ] {
        let (_, body) = typical_with(&library, lang, "discount-2", &[], &["valid_until"]);
        assert!(!body.contains(stated), "{lang:?}: {body}");
        let (_, body) = typical_with(&library, lang, "discount-2", &[("valid_until", "")], &[]);
        assert!(!body.contains(stated), "{lang:?}: {body}");
        let (_, body) = typical_with(
            &library,
            lang,
            "discount-2",
            &[("valid_until", "2026-12-09")],
            &[],
        );
        assert!(body.contains(stated), "{lang:?}: {body}");
        assert!(!body.contains(today), "{lang:?}: {body}");
        let iso = marz::dates::iso(date());
        let (_, body) = typical_with(&library, lang, "discount-2", &[("valid_until", &iso)], &[]);
        assert!(body.contains(today), "{lang:?}: {body}");
    }
}

/// Round 15's Persian reading: «جبران» for a shortcoming, no call-centre formulas, no
/// repeated «با دقت بررسی کردیم», «همان کیفیت همیشگی», one word for the relationship in
/// respect-2's warning, respect-3's decision said once, discount-1's «در نظر گرفته‌اید» and
/// service-end's earlier question about where to send the client's files.
#[test]
fn persian_round_17_points_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    // Calques and tics the reading named, and wordings earlier rounds rejected, on every
    // Persian letter for several shapes of value and two clients.
    let banned = [
        "رفع این کوتاهی",
        "فراهم نشده است",
        "با دقت خواندیم",
        "بررسی دقیق",
        "درک می‌کنیم که",
        "عملی باشد",
        "با همان کیفیت پیش",
        "برگزیده‌اید",
        "مکتوب می‌کنیم",
        "دوست داشتیم",
        "دسترسی داریم",
        "در صورت وجود",
        "لحظه‌های دشوار",
        "با قاطعیت پشتیبانی",
        "محکم کنار",
        "در چنین شرایطی، ادامه همکاری",
    ];
    for t in library.for_lang(Lang::Fa) {
        for variant in [Variant::Typical, Variant::OneWord, Variant::FullStop] {
            let v = values(t, variant);
            for client in [&clients(Lang::Fa)[0], &clients(Lang::Fa)[3]] {
                let letter = render_one(t, client, &sender(true), &v);
                let text = plain(&format!("{}\n{}", letter.subject, letter.body));
                for phrase in banned {
                    assert!(!text.contains(phrase), "fa/{} «{phrase}»: {text}", t.id());
                }
            }
        }
    }
    // complaint-reply: amends «برای جبران این کوتاهی» for any action; when the fault is not
    // ours, «این تجربه … رضایت‌بخش نبوده است», with or without a public source.
    for action in [
        "ده درصد از مبلغ صورت‌حساب را به شما بازمی‌گردانیم.",
        "هزینه ارسال را به شما بازگرداندیم.",
        "یک نمونه تازه بی‌هزینه چاپ می‌کنیم.",
    ] {
        let (_, ours) = render("complaint-reply", &[("fault", "ours"), ("action", action)]);
        assert!(
            ours.contains(&format!("برای جبران این کوتاهی، {action}")),
            "{ours}"
        );
        assert!(!ours.contains("متأسفیم که"), "{ours}");
        for source in ["", "گوگل‌مپ", "صفحه اینستاگرام ما"] {
            let (_, none) = render(
                "complaint-reply",
                &[("fault", "none"), ("action", action), ("source", source)],
            );
            assert!(
                none.contains("متأسفیم که این موضوع برایتان ناخوشایند بوده است."),
                "{none}"
            );
            assert!(!none.contains("جبران"), "{none}");
            assert_eq!(none.matches("خوشایند").count(), 1, "{none}");
        }
    }
    // termination-2: «همان» always has «همیشگی» to point to, on any notice.
    for days in [3, 10, 30, 45] {
        let end = marz::dates::iso(date() + chrono::Days::new(days));
        let due = marz::dates::iso(date() + chrono::Days::new(days + 10));
        let (_, body) = render(
            "termination-2",
            &[("end_date", &end), ("balance_due", &due)],
        );
        assert!(body.contains("با همان کیفیت همیشگی"), "{days}: {body}");
        assert!(!body.contains("بررسی دقیق"), "{days}: {body}");
    }
    // respect-2: the warning and its last paragraph speak of «کار با شما», never «همکاری»,
    // whoever the staff member is.
    for staff in ["خانم سارا احمدی", "آقای علی راد، طراح ارشد", "همکار ما"]
    {
        let (_, body) = render("respect-2", &[("staff", staff)]);
        let last = body.trim_end().rsplit("\n\n").next().unwrap();
        assert!(
            last.contains("ادامه کار با شما برای ما ممکن نخواهد بود"),
            "{body}"
        );
        assert!(last.contains("کار با شما برای ما ارزشمند است"), "{body}");
        assert!(!last.contains("همکار"), "{last}");
    }
    // respect-3: the decision once, whatever the reason's shape; a full sentence leads to it.
    for reason in [
        "با وجود دو تذکر کتبی، برخورد با همکاران ما تغییر نکرد.",
        "شیوه برخورد با همکارانم تغییر نکرد",
        "تکرار بی‌احترامی",
        "",
    ] {
        let (_, body) = render("respect-3", &[("reason", reason)]);
        assert_eq!(body.matches("پایان دهیم").count(), 1, "«{reason}»: {body}");
        assert!(!body.contains("ادامه همکاری دیگر"), "«{reason}»: {body}");
        if reason.ends_with('.') {
            assert!(
                body.starts_with(&format!("{reason} از این رو، با تأسف ناچاریم")),
                "«{reason}»: {body}"
            );
        }
    }
    // discount-1: a client still asking for a discount has considered us, not chosen us.
    for service in ["هویت بصری شرکت", "لوگو", "طراحی بسته‌بندی"] {
        let (_, body) = render("discount-1", &[("service", service)]);
        assert!(
            body.starts_with(&format!(
                "از اینکه ما را برای پروژه {service} در نظر گرفته‌اید"
            )),
            "{body}"
        );
        assert!(body.contains("درخواست تخفیفتان را سنجیدیم، اما"), "{body}");
    }
    // service-end: the address is asked for a week before the last day when that leaves the
    // client three days or more (the same rule as English), else as soon as possible.
    for (days, want) in [
        (40, Some(33)),
        (30, Some(23)),
        (10, Some(3)),
        (9, None),
        (8, None),
        (7, None),
        (3, None),
    ] {
        let end = marz::dates::iso(date() + chrono::Days::new(days));
        let (_, body) = render("service-end", &[("end_date", &end)]);
        let ask = match want {
            Some(n) => format!(
                "لطفاً تا {} اعلام فرمایید",
                marz::dates::format(date() + chrono::Days::new(n), Lang::Fa)
            ),
            None => "لطفاً هرچه زودتر اعلام فرمایید".to_string(),
        };
        assert!(body.contains(&ask), "{days}: {body}");
        assert!(!body.contains("برای همین"), "{days}: {body}");
    }
    let (_, body) = render("service-end", &[("end_date", &marz::dates::iso(date()))]);
    assert!(body.contains("لطفاً همین امروز اعلام فرمایید"), "{body}");
    // The smaller touches, for several values.
    for incident in ["جلسه تلفنی روز دوشنبه", "تماس دیروز"] {
        let (_, body) = render("respect-1", &[("incident", incident)]);
        assert!(
            body.contains(&format!("موضوعی را درباره {incident}")),
            "{body}"
        );
        assert!(!body.contains("مربوط می‌شود."), "{body}");
        assert!(!body.contains("بازمی‌گردد"), "{body}");
    }
    for alternative in ["", "تحویل در دو مرحله"] {
        let (_, body) = render("scope-1", &[("alternative", alternative)]);
        assert!(!body.contains("هر پرسشی"), "{body}");
    }
    let (_, body) = render("payment-2", &[]);
    assert!(body.contains("برای هر دو طرف شدنی باشد"), "{body}");
    let (_, body) = render("price-increase-2", &[]);
    assert!(body.contains("نگرانی شما را درک می‌کنیم"), "{body}");
    let (_, body) = render("boundary-2", &[]);
    assert!(!body.contains("جلسه‌های از پیش"), "{body}");
    let end = marz::dates::iso(date() + chrono::Days::new(45));
    let due = marz::dates::iso(date() + chrono::Days::new(55));
    for kind in ["parting", "non_renewal"] {
        let set = [("kind", kind), ("end_date", &end), ("balance_due", &due)];
        let (_, body) = render("termination-1", &set);
        assert!(
            body.contains("از هم‌اکنون با شما در میان می‌گذاریم تا فرصت کافی برای یافتن"),
            "{kind}: {body}"
        );
    }
}

/// English noun slots take a whole sentence or a question as typed: the letter switches its
/// frame (subject and body) instead of setting "the" before a clause. Noun phrases keep the
/// noun frame.
#[test]
fn english_noun_slots_switch_frame_for_a_sentence_or_question() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for request in [
        "Can you add a blog?",
        "Could we also get a newsletter template?",
        "Please add a blog.",
        "We would like a newsletter template",
        "can you translate the site",
    ] {
        let (subject, body) = en("scope-1", &[("request", request)]);
        let letter = format!("{subject}\n{body}");
        assert_eq!(subject, "Your recent request for extra work", "{request}");
        assert!(!letter.contains("the Can"), "{request}: {letter}");
        assert!(!letter.contains("the can"), "{request}: {letter}");
        assert!(!letter.contains("the Please"), "{request}: {letter}");
        assert!(!letter.contains("the We"), "{request}: {letter}");
        assert!(!letter.contains("message about"), "{request}: {letter}");
        let words: String = request.chars().skip(1).take(12).collect();
        assert!(
            body.contains(&format!(
                "“{}",
                request.chars().next().unwrap().to_uppercase()
            )),
            "{request}: {body}"
        );
        assert!(body.contains(&words), "{request}: {body}");
    }
    let (_, body) = en("scope-1", &[("request", "Can you add a blog?")]);
    assert!(
        body.contains("in which you asked: “Can you add a blog?”"),
        "{body}"
    );
    for (request, shown) in [
        ("a blog", "about a blog."),
        ("blog", "about the blog."),
        (
            "an English version of the site",
            "about an English version of the site.",
        ),
        ("newsletter template", "about the newsletter template."),
        ("the About page", "about the About page."),
    ] {
        let (subject, body) = en("scope-1", &[("request", request)]);
        assert!(
            subject.starts_with("Your request for "),
            "{request}: {subject}"
        );
        assert!(body.contains(shown), "{request}: {body}");
    }
    for issue in [
        "We settled the invoice dispute",
        "the invoicing dispute was resolved",
        "Your invoices were paid late.",
        "We agreed a new schedule.",
        "Payments were late in the autumn",
    ] {
        let (subject, body) = en("reconcile", &[("issue", issue)]);
        assert!(body.contains("behind us: "), "{issue}: {body}");
        assert!(!body.contains("put the"), "{issue}: {body}");
        assert!(!body.contains("put your"), "{issue}: {body}");
        assert!(!body.contains("put we"), "{issue}: {body}");
        assert_eq!(
            body.to_lowercase().matches("thank").count(),
            1,
            "{issue}: {body}"
        );
        let letter = format!("{subject}\n{body}");
        assert!(letter.matches("together").count() <= 1, "{issue}: {letter}");
    }
    for issue in [
        "the delays to the autumn payments",
        "the invoice dispute",
        "our disagreement about the schedule",
        "late payments",
        "the misunderstanding over the brief",
    ] {
        let (subject, body) = en("reconcile", &[("issue", issue)]);
        assert!(body.starts_with("Now that we have put "), "{issue}: {body}");
        assert!(
            body.contains(" behind us, we wanted to write"),
            "{issue}: {body}"
        );
        assert_eq!(
            body.to_lowercase().matches("thank").count(),
            1,
            "{issue}: {body}"
        );
        let letter = format!("{subject}\n{body}");
        assert!(letter.matches("together").count() <= 1, "{issue}: {letter}");
    }
}

/// discount-1/2 give a one-word service its article, as scope-1 does; a one-word lighter
/// option reads as an option, and a single item runs into the sentence, never as a
/// one-bullet list.
#[test]
fn english_discounts_give_a_bare_service_its_article_and_a_single_item_no_bullet() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for (service, shown) in [
        ("logo", "for the logo"),
        ("brochure", "for the brochure"),
        ("website", "for the website"),
        ("packaging design", "for packaging design"),
        ("photography", "for photography"),
        ("bookkeeping", "for bookkeeping"),
        ("a logo", "for a logo"),
        ("your visual identity", "for your visual identity"),
    ] {
        for id in ["discount-1", "discount-2"] {
            let (subject, body) = en(id, &[("service", service)]);
            assert!(subject.contains(shown), "{id} {service}: {subject}");
            // discount-1 asks for "a discount on" the work, discount-2 speaks of "the price
            // of" it; the subject keeps "Our price for".
            let in_body = if id == "discount-1" {
                shown.replacen("for ", "a discount on ", 1)
            } else {
                shown.replacen("for ", "of ", 1)
            };
            assert!(body.contains(&in_body), "{id} {service}: {body}");
        }
    }
    for (option, shown) in [
        ("basic", "we could also offer you the basic option"),
        ("premium", "we could also offer you the premium option"),
        ("starter", "we could also offer you the starter option"),
        (
            "our basic package",
            "there is another option: our basic package",
        ),
        (
            "a one-page version",
            "there is another option: a one-page version",
        ),
    ] {
        for price in [None, Some("900")] {
            let mut set = vec![("smaller_option", option)];
            if let Some(p) = price {
                set.push(("smaller_price", p));
            }
            let (_, body) = en("discount-1", &set);
            assert!(body.contains(shown), "{option}: {body}");
            assert!(!body.contains("option: the"), "{option}: {body}");
            assert!(!body.contains("option option"), "{option}: {body}");
        }
    }
    for (value, shown) in [
        ("- one concept", "and includes one concept."),
        ("one concept", "and includes one concept."),
        (
            "• two rounds of revisions",
            "and includes two rounds of revisions.",
        ),
        (
            "1. final files in every format",
            "and includes final files in every format.",
        ),
    ] {
        let (_, body) = en("discount-1", &[("value", value)]);
        assert!(body.contains(shown), "{value}: {body}");
        assert!(!body.contains("includes:"), "{value}: {body}");
    }
    let (_, body) = en("discount-1", &[("value", "You get one concept.")]);
    assert!(body.contains("requires. You get one concept."), "{body}");
    for value in [
        "one concept\ntwo rounds",
        "- one concept\n- two rounds\n- final files",
    ] {
        let (_, body) = en("discount-1", &[("value", value)]);
        assert!(body.contains("includes:\n- One concept"), "{value}: {body}");
    }
}

/// Template comments that assume an input are gone: no "Even so" unless the facts are the
/// owner's; no bare noun after "found"; no standard-of-work claim after any reason; an
/// owner's instruction stands in its own paragraph; a noun-phrase change is introduced as a
/// change, not as a consequence.
#[test]
fn english_template_comments_assume_no_input() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for action in [
        "We have refunded the delivery charge.",
        "We will reprint one sample at no charge.",
        "we refunded the postage",
    ] {
        let (_, body) = en("complaint-reply", &[("action", action), ("fault", "none")]);
        assert!(!body.contains("Even so"), "{action}: {body}");
    }
    for facts in [
        "courier delay",
        "a courier delay",
        "damage in transit",
        "a printing fault",
    ] {
        let (_, body) = en("complaint-reply", &[("facts", facts)]);
        assert!(!body.contains("and found "), "{facts}: {body}");
        assert!(
            body.contains(&format!("what we found: {facts}.")),
            "{facts}: {body}"
        );
    }
    for reason in [
        "Our supplier raised prices.",
        "we have bought new equipment",
        "rising software costs",
        "Hosting costs doubled.",
        "inflation",
    ] {
        let (_, body) = en("price-increase-2", &[("reason", reason)]);
        assert!(!body.contains("standard of work"), "{reason}: {body}");
        assert!(body.matches("price").count() <= 1, "{reason}: {body}");
        assert!(
            body.contains("the fee will therefore be "),
            "{reason}: {body}"
        );
    }
    for alternative in [
        "For anything urgent, put \"Urgent\" at the start of your email.",
        "Call us on Saturdays instead.",
        "Send urgent requests by text.",
        "Email us and mark it urgent.",
        "Our FAQ page answers most questions.",
    ] {
        let (_, body) = en("service-change", &[("alternative", alternative)]);
        assert!(!body.contains("We hope this"), "{alternative}: {body}");
        assert!(!body.contains("If this causes"), "{alternative}: {body}");
        let bare = alternative.trim_end_matches('.');
        let after = body.split(bare).nth(1).unwrap_or_else(|| panic!("{body}"));
        assert!(
            after.starts_with(".\n\nWe hope the transition goes smoothly"),
            "{alternative}: {body}"
        );
    }
    for change in [
        "a move to a new server",
        "the end of phone support",
        "an earlier cut-off for requests",
    ] {
        let (_, body) = en("service-change", &[("change", change)]);
        assert!(!body.contains("In practice"), "{change}: {body}");
        assert!(
            body.contains(&format!("This involves {change}.")),
            "{change}: {body}"
        );
    }
}

/// The smaller points of round 15's reading: idiom, repetition, a files deadline before the
/// closure, never before the letter.
#[test]
fn english_reading_fifteen_points_stay_fixed() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for (id, end) in [
        ("respect-3", "2026-12-20"),
        ("respect-3", "2026-12-01"),
        ("termination-2", "2026-12-18"),
        ("termination-2", "2026-12-01"),
    ] {
        let (_, body) = en(id, &[("end_date", end)]);
        assert!(!body.contains("will have our usual care"), "{id}: {body}");
        assert!(!body.contains("arrange a new supplier"), "{id}: {body}");
        assert!(!body.contains("regret to inform"), "{id}: {body}");
        assert!(
            body.contains("we will continue to give the projects in hand our usual care"),
            "{id} {end}: {body}"
        );
    }
    for (end, ask) in [
        ("2026-12-31", "by 24 December 2026"),
        ("2026-12-02", "by 25 November 2026"),
        ("2027-01-15", "by 8 January 2027"),
        ("2026-11-29", "as soon as possible"),
        ("2026-11-22", "today"),
    ] {
        let (_, body) = en("service-end", &[("end_date", end)]);
        assert!(
            body.contains(&format!("please tell us {ask} how")),
            "{end}: {body}"
        );
    }
    let (_, body) = en("boundary-1", &[]);
    assert!(body.matches(" between ").count() <= 1, "{body}");
    for channel in ["email", "WhatsApp", "our client portal"] {
        let (_, body) = en("boundary-2", &[("channel", channel)]);
        assert!(!body.contains("outside"), "{channel}: {body}");
        // Round 22: no "Unplanned … planned" echo.
        assert!(
            body.contains("These interruptions break up our working day"),
            "{channel}: {body}"
        );
    }
    for reason in [
        "a change in our business focus",
        "retirement",
        "personal reasons",
    ] {
        let (_, body) = en("termination-1", &[("reason", reason)]);
        assert!(!body.contains("The decision is"), "{reason}: {body}");
    }
    let (_, body) = en("payment-1", &[]);
    assert!(!body.contains("ignore"), "{body}");
    assert!(
        body.contains("please send us a copy of the remittance advice so that we can update"),
        "{body}"
    );
    let (_, body) = en("payment-3", &[]);
    assert!(!body.contains("earlier reminders"), "{body}");
    let (_, body) = en("payment-partial", &[]);
    assert_eq!(body.matches("Thank you").count(), 1, "{body}");
    let (_, body) = en("payment-plan", &[]);
    assert!(!body.contains("fall due at once"), "{body}");
    let (_, body) = en("price-increase-1", &[]);
    assert!(!body.contains("hard news"), "{body}");
    for behaviour in [
        "our colleague was spoken to in a raised voice",
        "Our colleague was shouted at",
        "you raised your voice at our designer",
        "our designer was called useless",
    ] {
        let (_, body) = en(
            "respect-1",
            &[
                ("incident", "the meeting on Thursday"),
                ("incident_date", ""),
                ("behaviour", behaviour),
            ],
        );
        assert!(
            body.contains("the meeting on Thursday, when "),
            "{behaviour}: {body}"
        );
    }
    let (_, body) = en(
        "respect-1",
        &[(
            "behaviour",
            "When our colleague asked about the date, she was shouted at.",
        )],
    );
    assert!(body.contains(". When our colleague asked"), "{body}");
}

/// A plan agreed on the letter date says "today"; an earlier one keeps its date.
#[test]
fn english_plan_agreed_today_and_respect_three_closing() {
    let library = Library::load(None);
    let iso = marz::dates::iso(date());
    let (_, body) = typical_with(
        &library,
        Lang::En,
        "payment-plan",
        &[("agreed_on", &iso)],
        &[],
    );
    assert!(body.contains("when we spoke today."), "{body}");
    for agreed in ["2026-11-20", "2026-11-01"] {
        let (_, body) = typical_with(
            &library,
            Lang::En,
            "payment-plan",
            &[("agreed_on", agreed)],
            &[],
        );
        assert!(body.contains("when we spoke on "), "{agreed}: {body}");
    }
}

/// Bare actions typed verb first, and the noun phrases the same slots take.
const EN_ACTIONS: [&str; 8] = [
    "refund the delivery charge",
    "recommend another printer",
    "reuse photos from the last shoot",
    "drop the copywriting",
    "send weekly updates",
    "Redo one image for free.",
    "move your mailboxes for free",
    "split it into two phases",
];
const EN_OFFER_NOUNS: [&str; 8] = [
    "email support on Saturdays",
    "a monthly summary",
    "support by email",
    "free delivery",
    "proofreading",
    "a free extra round of proofreading",
    "refund of the delivery charge",
    "priority support for a small fee",
];

/// The verb-first test reads an action as one and never mistakes a noun phrase for one.
#[test]
fn the_action_test_tells_verb_first_phrases_from_noun_phrases() {
    for action in EN_ACTIONS {
        assert!(marz::render::is_action(action, Lang::En), "{action}");
    }
    for noun in EN_OFFER_NOUNS {
        assert!(!marz::render::is_action(noun, Lang::En), "{noun}");
    }
    for sentence in ["We will refund the delivery charge.", "Our team can help."] {
        assert!(!marz::render::is_action(sentence, Lang::En), "{sentence}");
    }
    assert!(!marz::render::is_action(
        "هزینه ارسال را برمی‌گردانیم",
        Lang::Fa
    ));
}

/// The lowered verb phrase an action reads as after "we can".
fn lowered(action: &str) -> String {
    let text = action.trim_end_matches('.');
    text[..1].to_lowercase() + &text[1..]
}

/// Every offer, option, action and gesture slot takes a bare action as something we will
/// do ("we can refund…"), never "offer you refund…" or "the drop…"; a noun phrase keeps
/// its offer frame.
#[test]
fn english_offer_slots_read_right_with_an_action_or_a_noun_phrase() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // (template, slot, other inputs, the words before the action, the words after it)
    type Slot<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], &'a str, &'a str);
    let slots: [Slot; 7] = [
        (
            "complaint-reply",
            "action",
            &[],
            "We would like to ",
            ", and we hope",
        ),
        (
            "refund-refusal",
            "gesture",
            &[],
            "goodwill gesture, we would be happy to ",
            ".",
        ),
        (
            "service-change",
            "alternative",
            &[],
            "If it helps, we can ",
            ".",
        ),
        (
            "service-end",
            "alternative",
            &[],
            "To help with the move, we can ",
            ".",
        ),
        (
            "scope-1",
            "alternative",
            &[],
            "If you would prefer, we could ",
            ".",
        ),
        (
            "discount-1",
            "smaller_option",
            &[("smaller_price", "")],
            "If you would prefer to spend less, we could ",
            "; we would be happy to quote for that.",
        ),
        (
            "price-increase-2",
            "offer",
            &[],
            "To make the transition easier, we would be happy to ",
            ".",
        ),
    ];
    for (id, slot, extra, before, after) in slots {
        for action in EN_ACTIONS {
            let mut set = vec![(slot, action)];
            set.extend_from_slice(extra);
            let (_, body) = en(id, &set);
            let want = format!("{before}{}{after}", lowered(action));
            assert!(body.contains(&want), "{id} {action}: want {want:?}\n{body}");
            let act = lowered(action);
            for wrong in [
                format!("offer you {act}"),
                format!("could offer {act}"),
                format!("the {act}"),
                "The update brings ".to_string(),
            ] {
                assert!(!body.contains(&wrong), "{id} {action}: {wrong:?}\n{body}");
            }
        }
        for noun in EN_OFFER_NOUNS {
            let mut set = vec![(slot, noun)];
            set.extend_from_slice(extra);
            let (_, body) = en(id, &set);
            let wrong = format!("{before}{}", lowered(noun));
            assert!(!body.contains(&wrong), "{id} {noun}: {wrong:?}\n{body}");
            assert!(body.contains(noun), "{id} {noun}: dropped\n{body}");
        }
    }
    let (_, body) = en(
        "discount-1",
        &[
            ("smaller_option", "drop the copywriting"),
            ("smaller_price", "1200"),
        ],
    );
    assert!(
        body.contains("we could drop the copywriting, which would bring the price down to "),
        "{body}"
    );
    let (_, body) = en("follow-up-check-in", &[("offer", "send weekly updates")]);
    assert!(
        body.contains("We would also be happy to send weekly updates."),
        "{body}"
    );
}

/// A change typed as a whole sentence stands as typed; a bare action is what we will do.
#[test]
fn english_service_change_prints_a_typed_sentence_as_typed() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for change in [
        "Mailboxes move to a new server.",
        "Our offices close at 16:00 on Fridays.",
        "Backups run every night instead of weekly.",
        "Support by phone will be replaced by support by email.",
        "Phone support will end.",
        "Our office closes at 16:00.",
    ] {
        let (_, body) = en("service-change", &[("change", change)]);
        assert!(body.contains(&format!(". {change} ")), "{change}: {body}");
        assert!(!body.contains("It will mean"), "{change}: {body}");
    }
    for change in [
        "drop phone support",
        "move your site to a new server",
        "send invoices by email only",
    ] {
        let (_, body) = en("service-change", &[("change", change)]);
        assert!(
            body.contains(&format!(". We will {change}. ")),
            "{change}: {body}"
        );
    }
    for change in [
        "a move to a new server",
        "no more weekend support",
        "Shorter opening hours.",
    ] {
        let (_, body) = en("service-change", &[("change", change)]);
        assert!(
            !body.contains("We will a") && !body.contains("We will no"),
            "{change}: {body}"
        );
    }
}

/// Round 16's sentences: no padded sympathy, no contractual basis the owner did not give,
/// a final notice whose "it" follows its invoice, the colleague introduced before the
/// apology, no "nothing gets missed" by phone, and a files question that stands with a
/// mailbox move.
#[test]
fn english_round_sixteen_sentences_read_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let (_, body) = en("price-increase-1", &[]);
    assert!(
        !body.contains("times are hard") && !body.contains("rising everywhere"),
        "{body}"
    );
    assert!(body.contains("no price rise is welcome"), "{body}");
    for fee in ["40", "25", "120"] {
        let (_, body) = en("payment-2", &[("late_fee", fee), ("fee_clause", "")]);
        assert!(!body.contains("terms of business"), "{body}");
        assert!(
            body.contains("We also ask you to pay a late payment fee of "),
            "{body}"
        );
        let (_, body) = en(
            "payment-2",
            &[
                ("late_fee", fee),
                ("fee_clause", "clause 5 of our contract"),
            ],
        );
        assert!(
            body.contains("Under clause 5 of our contract, a late fee of "),
            "{body}"
        );
        assert!(
            body.contains(") has been added") || body.contains("has been added"),
            "{body}"
        );
    }
    for consequence in ["pause", "terminate", "legal"] {
        let (_, body) = en("payment-3", &[("consequence", consequence)]);
        assert!(
            body.contains("We have already reminded you about invoice "),
            "{body}"
        );
        assert!(body.contains(", but it remains unpaid."), "{body}");
        assert!(!body.contains("reminded you about it"), "{body}");
    }
    for (staff, want) in [
        (
            "Ms Sara Ahmadi",
            "apologise to our colleague, Ms Sara Ahmadi, and keep",
        ),
        ("Tom", "apologise to our colleague, Tom, and keep"),
        (
            "Mr Ali Rad",
            "apologise to our colleague, Mr Ali Rad, and keep",
        ),
        ("our designer", "apologise to our designer and keep"),
        (
            "Ms Sara Ahmadi, our project lead",
            "apologise to Ms Sara Ahmadi, our project lead, and keep",
        ),
    ] {
        let (_, body) = en("respect-2", &[("staff", staff)]);
        assert!(body.contains(want), "{staff}: {body}");
    }
    for (channel, missed) in [
        ("phone", false),
        ("by phone", false),
        ("calls", false),
        ("email", true),
        ("WhatsApp", true),
    ] {
        let (_, body) = en("boundary-1", &[("channel", channel)]);
        assert_eq!(
            body.contains("nothing gets missed"),
            missed,
            "{channel}: {body}"
        );
    }
    for alternative in [
        "We will move your mailboxes to another provider free of charge.",
        "recommend another printer",
        "a discount with a partner",
    ] {
        let (_, body) = en("service-end", &[("alternative", alternative)]);
        assert!(body.contains("If you would like us to send you any files or data we hold for you, please tell us "), "{body}");
        assert!(
            !body.contains("how you would like to receive any files"),
            "{body}"
        );
    }
}

/// Round 16's probes: a Persian value whose words make a sentence (a verb at its end, a
/// subjunctive, a request), typed with or without its final stop, is set apart as a sentence
/// that ends with one stop in every free-text slot; a noun phrase, even one ending in «کار»،
/// «بار» or «دار», sits inside the letter's own sentence and never stands alone.
#[test]
fn persian_sentences_without_a_stop_are_set_apart_in_every_slot() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let slots: [Slot; 21] = [
        ("termination-1", "reason", &[("kind", "parting")]),
        ("termination-1", "reason", &[("kind", "non_renewal")]),
        ("termination-2", "reason", &[]),
        ("respect-3", "reason", &[]),
        ("service-change", "change", &[]),
        ("service-change", "reason", &[]),
        ("service-change", "alternative", &[]),
        ("service-end", "reason", &[]),
        ("service-end", "alternative", &[]),
        ("scope-1", "alternative", &[]),
        ("follow-up-unanswered", "needed", &[]),
        ("respect-1", "behaviour", &[]),
        ("respect-2", "behaviour", &[]),
        ("price-increase-1", "reason", &[]),
        ("price-increase-2", "reason", &[]),
        ("price-increase-2", "offer", &[]),
        ("complaint-reply", "facts", &[]),
        ("complaint-reply", "action", &[]),
        ("refund-refusal", "gesture", &[]),
        ("follow-up-check-in", "offer", &[]),
        ("termination-3", "breach", &[]),
    ];
    let clauses = [
        "تصمیم گرفته‌ام بازنشسته شوم",
        "لطفاً بگویید کدام بسته را انتخاب می‌کنید",
        "پشتیبانی تلفنی حذف می‌شود",
        "برای کارهای فوری با شماره همراه من تماس بگیرید",
        "هزینه‌ها دو برابر شده است",
    ];
    let phrases = [
        "کمبود نیرو",
        "بازنشستگی",
        "حجم بالای کار",
        "هزینه حمل بار",
        "نبود نیروی وفادار",
    ];
    let mut found = Vec::new();
    for (id, slot, extra) in slots {
        for value in clauses.iter().chain(&phrases) {
            let mut set = extra.to_vec();
            set.push((slot, value));
            let (_, body) = render(id, &set);
            let problems = punctuation_problems(&body, Lang::Fa);
            if !problems.is_empty() {
                found.push(format!("{id} {slot} «{value}»: {problems:?}"));
            }
            let Some(at) = body.find(value) else {
                found.push(format!("{id} {slot} «{value}» is missing:\n{body}"));
                continue;
            };
            let before = body[..at].trim_end_matches(' ');
            let after = &body[at + value.len()..];
            let prev = before.chars().last();
            let opens = prev.is_none_or(|c| matches!(c, '.' | '\n' | ':' | '؟' | '!'));
            if clauses.contains(value) {
                // The sentence ends right after the owner's words, and no frame word such as
                // «به …» or «… است» wraps it.
                if !after.starts_with('.') {
                    found.push(format!(
                        "{id} {slot} «{value}» runs on: «{}»",
                        line(&body, at)
                    ));
                }
                if before.ends_with(" به") || before.ends_with(" از") {
                    found.push(format!("{id} {slot} «{value}» after a preposition"));
                }
            } else if opens && prev != Some(':') && after.starts_with('.') {
                found.push(format!(
                    "{id} {slot} «{value}» stands alone: «{}»",
                    line(&body, at)
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// A template, its free-text input, and the other values typed with it.
type Slot<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn line(body: &str, at: usize) -> String {
    let start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    body[start..end].to_string()
}

/// Round 16's joining points: no doubled «اگر», no «از این رو» before the client's own
/// option, a request never inside «به … نیاز داریم», a lone word closed with a stop set
/// inside the sentence, and the service-end closing that keeps the rest of the work.
#[test]
fn persian_round_17_joins_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    for alternative in [
        "اگر بخواهید، نسخه ساده‌تری آماده می‌کنیم",
        "اگر مایل باشید، کار را در دو مرحله تحویل می‌دهیم.",
    ] {
        let (_, body) = render("scope-1", &[("alternative", alternative)]);
        assert!(!body.contains("نیست، اگر"), "{body}");
        assert!(body.contains(&format!(" {}", alternative.trim_end_matches('.'))));
    }
    for alternative in [
        "می‌توانید از چاپخانه همسایه استفاده کنید",
        "می‌توانید از چاپخانه همسایه استفاده کنید.",
        "صندوق‌ها را بی‌هزینه منتقل می‌کنیم",
    ] {
        let (_, body) = render("service-end", &[("alternative", alternative)]);
        assert!(!body.contains("از این رو، می‌توانید"), "{body}");
        assert!(!body.contains("از این رو، صندوق"), "{body}");
        assert!(
            body.contains("همکاری‌مان در زمینه‌های دیگر همچنان ادامه یابد"),
            "{body}"
        );
        assert!(!body.contains("از اینکه در این مدت به ما اعتماد داشتید"));
    }
    for needed in [
        "لطفاً بگویید کدام بسته را انتخاب می‌کنید",
        "کدام بسته را انتخاب می‌کنید؟",
        "فایل لوگو را بفرستید",
    ] {
        let (_, body) = render("follow-up-unanswered", &[("needed", needed)]);
        assert!(!body.contains("به لطفاً"), "{body}");
        assert!(!body.contains("نیاز داریم"), "{needed}: {body}");
        assert!(body.contains("اگر پاسخ شما تا"), "{needed}: {body}");
    }
    let (_, body) = render("follow-up-unanswered", &[("needed", "تأیید نهایی متن")]);
    assert!(body.contains("به تأیید نهایی متن نیاز داریم"), "{body}");
    for word in ["توهین.", "توهین"] {
        let (_, body) = render("respect-1", &[("behaviour", word)]);
        assert!(body.contains("با توهین همراه بود."), "{word}: {body}");
        assert!(
            !body.contains("توهین.\n") && !body.contains("توهین. "),
            "{body}"
        );
    }
    let (_, body) = render(
        "termination-1",
        &[
            ("kind", "parting"),
            ("reason", "تصمیم گرفته‌ام بازنشسته شوم"),
        ],
    );
    assert!(!body.contains("شوم است"), "{body}");
    assert!(
        body.contains("آن است که تصمیم گرفته‌ام بازنشسته شوم."),
        "{body}"
    );
    let (_, body) = render(
        "service-change",
        &[
            (
                "alternative",
                "برای کارهای فوری با شماره همراه من تماس بگیرید",
            ),
            ("change", "پشتیبانی تلفنی حذف می‌شود"),
        ],
    );
    assert!(!body.contains("پیش برود، برای"), "{body}");
    assert!(!body.contains("اعمال می‌شود: پشتیبانی تلفنی"), "{body}");
    assert!(body.contains("تماس بگیرید. امیدواریم"), "{body}");
    let (_, body) = render("respect-2", &[]);
    assert!(!body.contains("به کارمان با شما پایان"), "{body}");
    let (_, body) = render("price-increase-2", &[]);
    assert!(!body.contains("امکان می‌دهد"), "{body}");
}

/// Round 17's readings: wording that presumed the client's situation or left a sentence
/// without its link, in both languages.
#[test]
fn round_17_wording_reads_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let fa = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let today = marz::dates::iso(date());
    let (_, body) = en("termination-2", &[("end_date", &today)]);
    assert!(
        body.contains("end our work for you with effect from today"),
        "{body}"
    );
    let (_, body) = en("price-increase-1", &[]);
    assert!(
        body.contains("and that it may affect your own planning."),
        "{body}"
    );
    let (_, body) = en("price-increase-2", &[]);
    assert!(!body.contains("fit your budget"), "{body}");
    assert!(!body.contains("puts pressure"), "{body}");
    let (_, body) = fa("price-increase-2", &[]);
    assert!(
        !body.contains("این نرخ برای حفظ کیفیتی که از ما سراغ دارید لازم است."),
        "{body}"
    );
    assert!(!body.contains("بدین ترتیب می‌توانیم"), "{body}");
    let (_, body) = fa("refund-refusal", &[]);
    assert!(!body.contains("متوجهیم"), "{body}");
    let (_, body) = fa(
        "service-change",
        &[(
            "alternative",
            "برای کارهای فوری، در ابتدای عنوان ایمیل «فوری» بنویسید.",
        )],
    );
    assert!(!body.contains("با این راه"), "{body}");
}

/// Round 17 (fa): a noun phrase the owner types, one word or several, with or without a
/// stop, is built into the letter's own sentence, never hung after a colon («مهم‌ترین دلیل
/// این تصمیم این است: …»، «… اعمال می‌شود: حذف …»، «این را هم … در نظر گرفته‌ایم: …»); a
/// sentence keeps its own form.
#[test]
fn persian_round_17_noun_phrases_are_built_into_the_sentence() {
    let library = Library::load(None);
    let fa = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let phrases = [
        "افزایش اجاره استودیو",
        "افزایش اجاره استودیو.",
        "بازنشستگی",
        "بازنشستگی.",
    ];
    let sentence = "هزینه‌های ما در یک سال گذشته دو برابر شده است.";
    // Every reason slot: «دلیل …، X است.» or «به دلیل X», never «این است: X».
    for id in [
        "respect-3",
        "service-end",
        "service-change",
        "termination-1",
        "termination-2",
        "price-increase-1",
        "price-increase-2",
    ] {
        for value in phrases {
            let mut set = vec![("reason", value)];
            if id == "termination-1" {
                set.push(("kind", "parting"));
            }
            let (_, body) = fa(id, &set);
            let bare = value.trim_end_matches('.');
            assert!(
                !body.contains(&format!(": {bare}")),
                "{id} «{value}»: {body}"
            );
            assert!(
                !body.contains(&format!("که {bare}")),
                "{id} «{value}»: {body}"
            );
            assert!(
                !body.contains(&format!("{bare}.")),
                "{id} «{value}»: {body}"
            );
            let built = [
                format!("، {bare} است."),
                format!("به دلیل {bare} نرخ"),
                format!("دلیل آن {bare} است."),
            ];
            assert!(
                built.iter().any(|b| body.contains(b.as_str())),
                "{id} «{value}»: {body}"
            );
        }
        let mut set = vec![("reason", sentence)];
        if id == "termination-1" {
            set.push(("kind", "parting"));
        }
        let (_, body) = fa(id, &set);
        assert!(body.contains(sentence), "{id}: {body}");
        assert!(!body.contains("دلیل این تصمیم، هزینه"), "{id}: {body}");
    }
    // refund-refusal: the gesture is the object of «برایتان در نظر گرفته‌ایم»; «یک …» takes
    // no «را».
    for (value, want) in [
        (
            "یک دور اصلاح رایگان دیگر",
            "به پاس همکاری‌مان، یک دور اصلاح رایگان دیگر برایتان در نظر گرفته‌ایم.",
        ),
        (
            "یک دور اصلاح رایگان دیگر.",
            "به پاس همکاری‌مان، یک دور اصلاح رایگان دیگر برایتان در نظر گرفته‌ایم.",
        ),
        (
            "تخفیف",
            "به پاس همکاری‌مان، تخفیف را برایتان در نظر گرفته‌ایم.",
        ),
        (
            "فایل‌ها در دو اندازه دیگر.",
            "به پاس همکاری‌مان، فایل‌ها در دو اندازه دیگر را برایتان در نظر گرفته‌ایم.",
        ),
        (
            "فایل‌ها را در دو اندازه دیگر بی‌هزینه آماده می‌کنیم.",
            "به پاس همکاری‌مان، فایل‌ها را در دو اندازه دیگر بی‌هزینه آماده می‌کنیم.",
        ),
    ] {
        for price in ["", "4000000"] {
            let (_, body) = fa(
                "refund-refusal",
                &[("gesture", value), ("revision_price", price)],
            );
            assert!(body.contains(want), "«{value}» {price}: {body}");
            assert!(!body.contains("این را هم"), "«{value}»: {body}");
        }
    }
    // service-change: the change named as a noun phrase makes the sentence's own verb.
    for value in [
        "حذف پشتیبانی تلفنی",
        "حذف پشتیبانی تلفنی.",
        "تعطیلی",
        "با حذف پشتیبانی تلفنی",
    ] {
        let (_, body) = fa("service-change", &[("change", value)]);
        let bare = value.trim_end_matches('.');
        // Round 18: «تغییری که … در خدمات … ایجاد می‌شود، X است.»; the owner's own «با …»
        // still makes «… با X تغییر می‌کند».
        let want = if bare.starts_with("با ") {
            format!("خدمات طراحی صفحه اصلی سایت {bare} تغییر می‌کند.")
        } else {
            format!("در خدمات طراحی صفحه اصلی سایت ایجاد می‌شود، {bare} است.")
        };
        assert!(body.contains(&want), "«{value}»: {body}");
        assert!(!body.contains("اعمال می‌شود:"), "«{value}»: {body}");
        assert!(!body.contains("با با"), "«{value}»: {body}");
    }
    let change = "پشتیبانی تلفنی جای خود را به پشتیبانی ایمیلی می‌دهد.";
    let (_, body) = fa("service-change", &[("change", change)]);
    assert!(
        body.contains(&format!("تغییری ایجاد می‌شود: {change}")),
        "{body}"
    );
    // service-change: an alternative offered as a noun phrase, action or thing, is
    // «… را برایتان در نظر گرفته‌ایم»; a sentence stands as one.
    for value in [
        "پاسخ ایمیلی در همان روز",
        "پاسخ ایمیلی در همان روز.",
        "راهنمای تصویری",
        "چت",
    ] {
        let (_, body) = fa("service-change", &[("alternative", value)]);
        let bare = value.trim_end_matches('.');
        assert!(
            body.contains(&format!(
                "برای آنکه کارتان بی‌وقفه پیش برود، {bare} را برایتان در نظر گرفته‌ایم."
            )),
            "«{value}»: {body}"
        );
        assert!(!body.contains(&format!("{bare}. امیدواریم")), "{body}");
    }
    let alternative = "برای کارهای فوری، در ابتدای عنوان ایمیل «فوری» بنویسید.";
    let (_, body) = fa("service-change", &[("alternative", alternative)]);
    assert!(
        body.contains(&format!("{alternative} امیدواریم بدین ترتیب")),
        "{body}"
    );
    // respect-1: «درباره X» sits by «موضوعی»; a value opening with «در», or a sentence,
    // takes a relative clause right after «موضوعی را».
    let on = marz::dates::iso(date() - chrono::Days::new(2));
    let shown = marz::dates::format(date() - chrono::Days::new(2), Lang::Fa);
    for (incident, want) in [
        (
            "جلسه تلفنی روز دوشنبه",
            format!(
                "موضوعی را درباره جلسه تلفنی روز دوشنبه، {shown}، بی‌پرده و با حسن نیت با شما در میان بگذاریم."
            ),
        ),
        (
            "تماس",
            format!("موضوعی را درباره تماس، {shown}، بی‌پرده و با حسن نیت"),
        ),
        (
            "درباره جلسه دیروز",
            format!("موضوعی را درباره جلسه دیروز، {shown}، بی‌پرده و با حسن نیت"),
        ),
        (
            "در جلسه دیروز",
            format!("موضوعی را که در جلسه دیروز، {shown}، پیش آمد، بی‌پرده و با حسن نیت"),
        ),
        (
            "جلسه دیروز با فریاد به پایان رسید.",
            format!(
                "موضوعی را که در تاریخ {shown} پیش آمد، بی‌پرده و با حسن نیت با شما در میان بگذاریم. جلسه دیروز با فریاد به پایان رسید."
            ),
        ),
    ] {
        let (_, body) = fa(
            "respect-1",
            &[("incident", incident), ("incident_date", &on)],
        );
        assert!(body.contains(&want), "«{incident}»: {body}");
        assert!(!body.contains("مربوط می‌شود"), "«{incident}»: {body}");
        assert!(!body.contains("درباره درباره"), "«{incident}»: {body}");
    }
    // Other slots: a stopped phrase never follows a colon or stands as a verbless sentence.
    for (id, slot, frame) in [
        ("complaint-reply", "facts", "نتیجه بررسی سوابق ما، {} است"),
        (
            "complaint-reply",
            "action",
            "{} را برایتان در نظر گرفته‌ایم.",
        ),
        (
            "follow-up-check-in",
            "offer",
            "اکنون {} را هم ارائه می‌کنیم.",
        ),
        ("reconcile", "agreed", "بر {} توافق کردیم."),
        ("termination-3", "breach", "این تصمیم را به سبب {} گرفته‌ایم"),
        ("scope-1", "alternative", "{} نیز شدنی است."),
        (
            "price-increase-2",
            "offer",
            "{} را برایتان در نظر گرفته‌ایم.",
        ),
        (
            "service-end",
            "alternative",
            "{} را برایتان در نظر گرفته‌ایم.",
        ),
        ("discount-1", "smaller_option", "گزینه مقرون‌به‌صرفه‌تر ما {}"),
    ] {
        for value in ["گزارش هفتگی", "گزارش هفتگی.", "تخفیف."] {
            let (_, body) = fa(id, &[(slot, value)]);
            let bare = value.trim_end_matches('.');
            assert!(
                body.contains(&frame.replace("{}", bare)),
                "{id} {slot} «{value}»: {body}"
            );
            assert!(
                !body.contains(&format!(": {bare}")),
                "{id} «{value}»: {body}"
            );
        }
    }
    // price-increase-2: the client's worry understood and weighed (round 18's decision).
    let (_, body) = fa("price-increase-2", &[]);
    assert!(
        body.contains("نگرانی شما را درک می‌کنیم و پیش از پاسخ، آن را با دقت بررسی کردیم."),
        "{body}"
    );
    for rejected in ["نگرانی‌تان بجاست", "بدین ترتیب می‌توانیم"]
    {
        assert!(!body.contains(rejected), "{body}");
    }
}

/// Round 17's English reading: a one-word adjective or adverb for the behaviour, a
/// capitalised relative day mid-sentence, dates after a phrase as prose, the colleague named
/// where first mentioned, and the one-sentence fixes; each both ways, several values a slot.
#[test]
fn english_round_17_slots_and_sentences_read_right() {
    use marz::render::manner;
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // Adjectives and adverbs are worded as how the colleague was treated.
    for (typed, want) in [
        ("Rude.", "in a rude way"),
        ("rude", "in a rude way"),
        ("aggressive", "in an aggressive way"),
        ("abusive", "in an abusive way"),
        ("disrespectful", "in a disrespectful way"),
        ("very rude", "in a very rude way"),
        ("rude and dismissive", "in a rude and dismissive way"),
        ("hostile", "in a hostile way"),
        ("rudely", "rudely"),
        ("Aggressively.", "aggressively"),
    ] {
        assert_eq!(manner(typed, Lang::En).as_deref(), Some(want), "{typed}");
        for id in ["respect-1", "respect-2"] {
            let (_, body) = en(id, &[("behaviour", typed)]);
            assert!(
                body.contains(&format!(" was treated {want}.")),
                "{id}: {body}"
            );
            assert!(!body.contains("was met with"), "{id}: {body}");
        }
    }
    // Noun phrases and sentences keep their own frames.
    for typed in [
        "shouting",
        "insults",
        "raised voices",
        "a threat",
        "personal insults",
        "belittling comments about her work",
        "bullying",
    ] {
        assert_eq!(manner(typed, Lang::En), None, "{typed}");
        for id in ["respect-1", "respect-2"] {
            let (_, body) = en(id, &[("behaviour", typed)]);
            assert!(
                body.contains(&format!(" was met with {typed}.")),
                "{id}: {body}"
            );
            assert!(!body.contains("was treated in"), "{id}: {body}");
        }
    }
    for typed in [
        "Our designer was sworn at.",
        "The call ended with shouting.",
    ] {
        assert_eq!(manner(typed, Lang::En), None, "{typed}");
    }
    assert_eq!(manner("rude", Lang::Fa), None);
    // A relative day typed with a capital is lowered mid-sentence; a name keeps its capital.
    for (typed, want) in [
        ("Yesterday's call.", "It concerns yesterday's call,"),
        ("Today's meeting", "It concerns today's meeting,"),
        (
            "Last Thursday's meeting",
            "It concerns last Thursday's meeting,",
        ),
        ("Monday's phone call", "It concerns Monday's phone call,"),
        ("ACME's site visit", "It concerns ACME's site visit on"),
        ("Tuesday's call", "It concerns Tuesday's call,"),
    ] {
        let (_, body) = en(
            "respect-1",
            &[
                ("incident", typed),
                ("behaviour", "shouting"),
                ("staff", ""),
            ],
        );
        assert!(body.contains(want), "{typed}: {body}");
    }
    // The date after a phrase that names its day is prose, never in brackets.
    for id in ["respect-1", "respect-2"] {
        for incident in [
            "Monday's phone call",
            "last Thursday's meeting",
            "yesterday's call",
        ] {
            for behaviour in ["shouting", "rude", "Our designer was sworn at."] {
                let (_, body) = en(
                    id,
                    &[
                        ("incident", incident),
                        ("incident_date", "2026-11-16"),
                        ("behaviour", behaviour),
                    ],
                );
                assert!(
                    body.contains(&format!("{incident}, on 16 November 2026")),
                    "{id}: {body}"
                );
                assert!(!body.contains("(16 November"), "{id}: {body}");
            }
        }
    }
    // respect-1 names the colleague where it first mentions them, in every frame.
    for staff in [
        "Ms Sara Ahmadi, our project lead",
        "Tom Reed",
        "our designer",
    ] {
        let comma = if staff.contains(',') { "," } else { "" };
        for (behaviour, want) in [
            (
                "shouting",
                format!("during which {staff}{comma} was met with shouting."),
            ),
            (
                "rudely",
                format!("during which {staff}{comma} was treated rudely."),
            ),
            (
                "When our colleague asked about the delivery date, she was told loudly that \"anyone could do this job\".",
                format!("It concerns how {staff}{comma} was treated during"),
            ),
        ] {
            let (_, body) = en("respect-1", &[("staff", staff), ("behaviour", behaviour)]);
            assert!(body.contains(&want), "{staff}: {body}");
            assert_eq!(body.matches(staff).count(), 1, "{staff}: {body}");
            assert!(!body.contains("one of our colleagues"), "{staff}: {body}");
        }
    }
    let (_, body) = en("respect-1", &[("staff", ""), ("behaviour", "rudely")]);
    assert!(
        body.contains("one of our colleagues was treated rudely."),
        "{body}"
    );
    // The one-sentence fixes.
    let today = marz::dates::iso(date());
    let (_, body) = en("respect-3", &[("end_date", &today)]);
    assert!(body.contains("This takes effect today."), "{body}");
    assert!(!body.contains("Today is our last working day"), "{body}");
    let (_, body) = en(
        "respect-3",
        &[("end_date", "2026-12-30"), ("balance_due", "2027-01-15")],
    );
    assert!(!body.contains("therefore ends today"), "{body}");
    for consequence in ["pause", "terminate", "legal"] {
        let (_, body) = en("payment-3", &[("consequence", consequence)]);
        assert!(
            body.contains("Please pay the full amount so that it reaches us by"),
            "{body}"
        );
    }
    let (_, body) = en("scope-2", &[]);
    assert!(
        body.contains("so we charge for them, as we do for all our clients."),
        "{body}"
    );
    assert!(!body.contains("the same applies"), "{body}");
    for (service, want) in [
        ("a logo", "a discount on a logo."),
        ("packaging design", "a discount on packaging design."),
        ("monthly maintenance", "a discount on monthly maintenance."),
        (
            "your visual identity",
            "a discount on your visual identity.",
        ),
    ] {
        let (_, body) = en("discount-1", &[("service", service)]);
        assert!(body.contains(want), "{service}: {body}");
        assert!(!body.contains("the price of"), "{service}: {body}");
    }
    for valid in ["2026-12-09", today.as_str()] {
        let (_, body) = en("discount-2", &[("valid_until", valid)]);
        assert!(
            body.contains("This is our final position. Our quote remains valid until"),
            "{body}"
        );
        assert!(!body.contains("and this price"), "{body}");
    }
    for channel in ["email", "WhatsApp"] {
        let (_, body) = en("boundary-1", &[("channel", channel)]);
        assert!(
            body.contains("your questions do not always get the attention they deserve"),
            "{body}"
        );
        assert!(!body.contains("They deserve"), "{body}");
        let (_, body) = en("boundary-2", &[("channel", channel)]);
        assert!(
            body.contains("These interruptions break up our working day"),
            "{body}"
        );
        assert!(!body.contains("Every unscheduled call"), "{body}");
        assert!(!body.contains("other than"), "{body}");
    }
    for change in ["a move to a new server", "shorter opening hours"] {
        let (_, body) = en("service-change", &[("change", change)]);
        assert!(
            body.contains(&format!(" This involves {change}.")),
            "{body}"
        );
        assert!(!body.contains("It will mean"), "{body}");
    }
    let (_, body) = en(
        "termination-1",
        &[
            ("kind", "parting"),
            ("end_date", "2027-01-09"),
            ("balance_due", "2027-01-20"),
        ],
    );
    assert!(body.contains("find someone to take over from us"), "{body}");
    assert!(!body.contains("the right person"), "{body}");
}

/// Round 18's Persian reading, point 1: a reason the owner typed as a sentence is linked to
/// the decision in both termination letters («دلیل این تصمیم آن است که …»), never left
/// hanging after it; every other shape keeps its own frame, and the owner's words stay whole.
#[test]
fn persian_round_18_termination_reasons_are_linked_to_the_decision() {
    let library = Library::load(None);
    let decisions = [
        ("termination-1", "به پایان برسانیم. "),
        ("termination-2", "به همکاری‌مان پایان دهیم. "),
    ];
    let shapes = [
        ("کمبود نیرو", "دلیل این تصمیم، کمبود نیرو است."),
        ("بازنشستگی", "دلیل این تصمیم، بازنشستگی است."),
        ("کمبود نیرو.", "دلیل این تصمیم، کمبود نیرو است."),
        (
            "تیم ما کوچک‌تر شده است.",
            "دلیل این تصمیم آن است که تیم ما کوچک‌تر شده است.",
        ),
        (
            "تیم ما کوچک‌تر شده است",
            "دلیل این تصمیم آن است که تیم ما کوچک‌تر شده است.",
        ),
        (
            "از این پس تمرکز کارمان را بر طراحی بسته‌بندی گذاشته‌ایم.",
            "دلیل این تصمیم آن است که از این پس تمرکز کارمان را بر طراحی بسته‌بندی گذاشته‌ایم.",
        ),
        (
            "تیم ما کوچک‌تر شده است. پروژه تازه‌ای هم نمی‌پذیریم.",
            "دلیل این تصمیم آن است که تیم ما کوچک‌تر شده است. پروژه تازه‌ای هم نمی‌پذیریم.",
        ),
    ];
    for (id, decision) in decisions {
        for (value, want) in shapes {
            for end_date in ["2027-01-09", "2026-12-10"] {
                let mut set = vec![("reason", value), ("end_date", end_date)];
                if id == "termination-1" {
                    set.push(("kind", "parting"));
                }
                let (_, body) = typical_with(&library, Lang::Fa, id, &set, &["balance_due"]);
                assert!(
                    body.contains(&format!("{decision}{want}")),
                    "{id} «{value}»: {body}"
                );
                assert_eq!(body.matches("دلیل این تصمیم").count(), 1, "{id}: {body}");
                // The next sentence does not say «این تصمیم» again right after the reason.
                assert!(!body.contains("و این تصمیم چیزی"), "{id}: {body}");
            }
        }
    }
}

/// Round 18, point 2: a service is «خدمات X» (or the owner's own «سرویس X»), never the
/// calqued singular «خدمت X», in service-change and service-end, subject lines included; a
/// noun-phrase change is built into its own sentence, never after a colon.
#[test]
fn persian_round_18_services_are_plural_and_changes_read_naturally() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    for service in [
        "پشتیبانی سایت",
        "میزبانی ایمیل سازمانی",
        "چاپ",
        "سرویس پیامک",
    ] {
        for id in ["service-change", "service-end"] {
            let (subject, body) = render(id, &[("service", service)]);
            for text in [&subject, &body] {
                assert!(!text.contains("خدمت "), "{id} «{service}»: {text}");
                assert!(!text.contains("خدمات سرویس"), "{id}: {text}");
                assert!(
                    text.contains(&format!("خدمات {service}"))
                        || service.starts_with("سرویس") && text.contains(service),
                    "{id} «{service}»: {text}"
                );
            }
        }
    }
    for (change, want) in [
        (
            "حذف پشتیبانی تلفنی",
            "تغییری که از تاریخ ۲۹ آذر ۱۴۰۵ در خدمات پشتیبانی سایت ایجاد می‌شود، حذف پشتیبانی تلفنی است.",
        ),
        (
            "انتقال به سرور تازه",
            "تغییری که از تاریخ ۲۹ آذر ۱۴۰۵ در خدمات پشتیبانی سایت ایجاد می‌شود، انتقال به سرور تازه است.",
        ),
        (
            "پشتیبانی تلفنی.",
            "تغییری که از تاریخ ۲۹ آذر ۱۴۰۵ در خدمات پشتیبانی سایت ایجاد می‌شود، پشتیبانی تلفنی است.",
        ),
        (
            "پشتیبانی تلفنی جای خود را به پشتیبانی ایمیلی می‌دهد.",
            "از تاریخ ۲۹ آذر ۱۴۰۵، در خدمات پشتیبانی سایت تغییری ایجاد می‌شود: پشتیبانی تلفنی جای خود را به پشتیبانی ایمیلی می‌دهد.",
        ),
    ] {
        let (_, body) = render(
            "service-change",
            &[
                ("service", "پشتیبانی سایت"),
                ("change", change),
                ("effective_date", "2026-12-20"),
            ],
        );
        assert!(body.contains(want), "«{change}»: {body}");
        let bare = change.trim_end_matches('.');
        if !bare.contains(' ') || !change.ends_with("می‌دهد.") {
            assert!(!body.contains(&format!(": {bare}")), "«{change}»: {body}");
        }
    }
    // Today: the date stays inside the same sentence.
    let today = marz::dates::iso(date());
    let (_, body) = render(
        "service-change",
        &[
            ("service", "پشتیبانی سایت"),
            ("change", "حذف پشتیبانی تلفنی"),
            ("effective_date", today.as_str()),
        ],
    );
    assert!(body.contains("تغییری که از امروز، "), "{body}");
    assert!(
        body.contains("در خدمات پشتیبانی سایت ایجاد می‌شود، حذف پشتیبانی تلفنی است."),
        "{body}"
    );
}

/// Round 18, points 3 and 4: the decided empathy lines, «با دقت» only in price-increase-2,
/// and the small idiom touches, checked on every shape of value that reaches them.
#[test]
fn persian_round_18_points_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    // «با دقت» is price-increase-2's alone, and said there once; «درک می‌کنیم که» nowhere.
    for t in library.for_lang(Lang::Fa) {
        for variant in [Variant::Typical, Variant::OneWord, Variant::FullStop] {
            let v = values(t, variant);
            for client in [&clients(Lang::Fa)[0], &clients(Lang::Fa)[3]] {
                let letter = render_one(t, client, &sender(true), &v);
                let text = plain(&format!("{}\n{}", letter.subject, letter.body));
                let want = usize::from(t.id() == "price-increase-2");
                assert_eq!(
                    text.matches("با دقت").count(),
                    want,
                    "fa/{}: {text}",
                    t.id()
                );
                for rejected in [
                    "درک می‌کنیم که",
                    "می‌دانیم که",
                    "متوجهیم",
                    "نگرانی‌تان بجاست",
                    "به شما می‌سپاریم",
                    "نقض تعهدات قراردادی‌تان",
                    "گزینه سبک‌تری",
                    "اعتبار دارد",
                    "قطعی است",
                    "هرگز به آنجا نرسیم",
                    "نگرانتان کرده",
                    "زمان‌بندی یا دامنه",
                    "به این حساب واریز",
                ] {
                    assert!(
                        !text.contains(rejected),
                        "fa/{} «{rejected}»: {text}",
                        t.id()
                    );
                }
            }
        }
    }
    for reason in [
        "هزینه‌های میزبانی دو برابر شده است.",
        "تورم",
        "افزایش هزینه‌ها.",
    ] {
        let (_, body) = render("price-increase-2", &[("reason", reason)]);
        assert!(
            body.contains("نگرانی شما را درک می‌کنیم و پیش از پاسخ، آن را با دقت بررسی کردیم.\n\nبا وجود این، ناچاریم نرخ تازه را طبق برنامه از"),
            "{body}"
        );
        assert!(!body.contains("با این همه"), "{body}");
    }
    for request in ["refund", "rework"] {
        let (_, body) = render("refund-refusal", &[("request", request)]);
        assert!(
            body.contains(
                "به دستمان رسید. متأسفیم که نتیجه کار مطابق انتظارتان نبوده است. درخواست"
            ),
            "{body}"
        );
    }
    let (_, body) = render("price-increase-1", &[]);
    assert!(
        body.contains("اگر لازم باشد، آماده‌ایم درباره کاستن از حجم کار گفت‌وگو کنیم"),
        "{body}"
    );
    let (_, body) = render("respect-2", &[]);
    assert!(
        body.contains("امیدواریم چنین روزی هرگز پیش نیاید"),
        "{body}"
    );
    assert!(
        !body.contains("امیدواریم کار"),
        "«کار» a third time in two lines: {body}"
    );
    let (_, body) = render("respect-1", &[]);
    assert!(body.contains("آنچه موجب نگرانی‌تان شده بود"), "{body}");
    // termination-3: «نقض» once, whatever the breach's shape and with or without a clause.
    for breach in [
        "فایل‌های محرمانه پروژه بدون اجازه منتشر شد.",
        "فایل‌ها بدون اجازه منتشر شد",
        "انتشار فایل‌های محرمانه",
    ] {
        for clause in ["", "بند ۷ قرارداد"] {
            let (_, body) = render("termination-3", &[("breach", breach), ("clause", clause)]);
            assert!(
                body.matches("نقض").count() <= 1,
                "«{breach}» «{clause}»: {body}"
            );
        }
    }
    for id in [
        "respect-3",
        "termination-1",
        "termination-2",
        "termination-3",
    ] {
        let (_, body) = typical_with(&library, Lang::Fa, id, &[], &["handover"]);
        assert!(body.contains("به شما بازگردانده می‌شود."), "{id}: {body}");
    }
    let (_, body) = render("discount-1", &[("smaller_option", "بسته پایه")]);
    assert!(body.contains("گزینه مقرون‌به‌صرفه‌تر ما بسته پایه"), "{body}");
    for valid_until in ["2026-12-09", "2027-01-20"] {
        let (_, body) = render("discount-2", &[("valid_until", valid_until)]);
        assert!(body.contains("این قیمت نهایی است و تا "), "{body}");
        assert!(body.contains(" معتبر خواهد بود."), "{body}");
    }
    for (received_on, date_words) in [
        ("2026-11-18", "۲۷ آبان ۱۴۰۵"),
        ("2026-10-23", "۱ آبان ۱۴۰۵"),
    ] {
        let (_, body) = render(
            "complaint-reply",
            &[("received_on", received_on), ("source", "")],
        );
        assert!(
            body.contains(&format!("از پیام شما به تاریخ {date_words} ")),
            "{body}"
        );
        assert!(!body.contains("مورخ"), "{body}");
    }
    for details in [
        "بانک ملت\nشبا: IR00 0120 0000 0000 1234 5678 90",
        "شماره کارت ۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸",
    ] {
        let (_, body) = render("payment-plan", &[("payment_details", details)]);
        assert!(body.contains("از طریق مشخصات زیر واریز فرمایید:"), "{body}");
    }
}

/// Round 18, point 5: every Persian price being announced or quoted carries its words in
/// parentheses at its first mention, as the payment letters do; instalment rows stay in
/// figures. The words are written out here, not taken from the code that makes them.
#[test]
fn persian_round_18_announced_prices_have_their_words() {
    let library = Library::load(None);
    let client = &clients(Lang::Fa)[0];
    let cur = currency_word(client);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let amounts = [
        ("4000000", "۴٬۰۰۰٬۰۰۰", "چهار میلیون"),
        ("12000000", "۱۲٬۰۰۰٬۰۰۰", "دوازده میلیون"),
        ("1500000", "۱٬۵۰۰٬۰۰۰", "یک میلیون و پانصد هزار"),
        ("7250000", "۷٬۲۵۰٬۰۰۰", "هفت میلیون و دویست و پنجاه هزار"),
    ];
    let slots = [
        ("price-increase-1", "old_price"),
        ("price-increase-1", "new_price"),
        ("price-increase-2", "old_price"),
        ("price-increase-2", "new_price"),
        ("scope-1", "price"),
        ("scope-2", "hourly_rate"),
        ("discount-1", "price"),
        ("discount-1", "smaller_price"),
        ("discount-2", "price"),
        ("refund-refusal", "revision_price"),
        ("boundary-2", "priority_fee"),
    ];
    for (id, slot) in slots {
        for (value, figure, words) in amounts {
            let (_, body) = render(id, &[(slot, value)]);
            let want = format!("{figure} {cur} ({words} {cur})");
            assert!(body.contains(&want), "{id}.{slot}={value}: «{want}» {body}");
            // Words at the first mention only.
            assert_eq!(
                body.matches(&format!("({words} {cur})")).count(),
                1,
                "{id}: {body}"
            );
        }
    }
    let (_, body) = render("payment-plan", &[("amount", "12500000"), ("count", "3")]);
    for line in body.lines().filter(|l| l.starts_with("- قسط")) {
        assert!(!line.contains('('), "{line}");
    }
}

/// A Persian incident typed as a time only («دیروز»، «روز جمعه»، «هفته گذشته») reads
/// «گفت‌وگوی دیروز» and «موضوعی را که دیروز پیش آمد», never «در دیروز» or «درباره
/// دیروز»; an event keeps its own frame.
#[test]
fn persian_incidents_typed_as_a_time_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    for when in [
        "دیروز",
        "روز جمعه",
        "صبح امروز",
        "هفته گذشته",
        "دوشنبه گذشته",
    ] {
        let (subject, body) = render("respect-1", &[("incident", when)]);
        let (subject, body) = (plain(&subject), plain(&body));
        assert_eq!(subject, format!("شیوه گفت‌وگوی {when}"));
        assert!(body.contains(&format!("موضوعی را که {when}")), "{body}");
        let (_, body2) = render("respect-2", &[("incident", when)]);
        let body2 = plain(&body2);
        assert!(body2.contains(&format!("متأسفانه {when}")), "{body2}");
        for text in [&subject, &body, &body2] {
            for wrong in [format!("در {when}"), format!("درباره {when}")] {
                assert!(!text.contains(&wrong), "{wrong}: {text}");
            }
        }
    }
    for what in ["جلسه پنجشنبه", "تماس تلفنی دیروز"] {
        let (subject, body) = render("respect-1", &[("incident", what)]);
        assert_eq!(plain(&subject), format!("شیوه گفت‌وگو در {what}"));
        assert!(plain(&body).contains(&format!("درباره {what}")), "{body}");
        let (_, body) = render("respect-2", &[("incident", what)]);
        assert!(
            plain(&body).contains(&format!("متأسفانه در {what}")),
            "{body}"
        );
    }
}

/// Round 18: a time typed where respect-1 and respect-2 ask for the event ("yesterday",
/// "Friday", "23 November") takes its own frame, in the subject too: never "the yesterday",
/// "during Friday" or "About the yesterday"; an event keeps "the … " / "during …".
#[test]
fn round_18_time_words_in_the_incident_slot_read_right() {
    use marz::render::time_adverbial;
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for (typed, adverbial) in [
        ("yesterday", "yesterday"),
        ("Yesterday", "yesterday"),
        ("today", "today"),
        ("this morning", "this morning"),
        ("last week", "last week"),
        ("Friday", "on Friday"),
        ("last Friday", "last Friday"),
        ("on Friday", "on Friday"),
        ("23 November", "on 23 November"),
        ("yesterday afternoon", "yesterday afternoon"),
    ] {
        let (on, words) = time_adverbial(typed).unwrap_or_else(|| panic!("{typed}"));
        assert_eq!(format!("{on}{words}"), adverbial, "{typed}");
        let (subject, body) = typical_with(
            &library,
            Lang::En,
            "respect-1",
            &[("incident", typed)],
            &["incident_date", "staff"],
        );
        assert_eq!(
            subject,
            format!("About what happened {adverbial}"),
            "{body}"
        );
        assert!(
            body.contains(&format!("It concerns what happened {adverbial}")),
            "{typed}: {body}"
        );
        let (_, body) = en(
            "respect-1",
            &[("incident", typed), ("staff", "Ms Sara Ahmadi")],
        );
        assert!(
            body.contains(&format!("how Ms Sara Ahmadi was treated {adverbial}"))
                || body.contains(&format!("what happened {adverbial}")),
            "{typed}: {body}"
        );
        let (_, body) = en("respect-2", &[("incident", typed)]);
        assert!(
            body.contains(&format!("there was a similar incident {adverbial}")),
            "{typed}: {body}"
        );
        for (_, text) in [
            en("respect-1", &[("incident", typed)]),
            en("respect-2", &[("incident", typed)]),
        ] {
            for wrong in [
                "the yesterday",
                "the today",
                "during Friday",
                "the Friday.",
                "during yesterday",
                "the last ",
                "on on ",
                "the 23 ",
                "the this ",
            ] {
                assert!(!text.contains(wrong), "{typed}: {wrong}: {text}");
            }
        }
    }
    // A day name alone with a date: the date follows as prose, without a second "on".
    let (_, body) = en(
        "respect-2",
        &[("incident", "Friday"), ("incident_date", "2026-11-20")],
    );
    assert!(
        body.contains("similar incident on Friday, 20 November 2026"),
        "{body}"
    );
    // An event, not a time, keeps its article and "during".
    for (typed, framed) in [
        ("call", "the call"),
        ("the call", "the call"),
        ("our meeting", "our meeting"),
        ("Monday's call", "Monday's call"),
        ("the Friday meeting", "the Friday meeting"),
        ("the meeting on Thursday", "the meeting on Thursday"),
        ("yesterday's call", "yesterday's call"),
    ] {
        assert!(time_adverbial(typed).is_none(), "{typed}");
        let (subject, body) = en("respect-1", &[("incident", typed)]);
        assert_eq!(subject, format!("About {framed}"), "{body}");
        assert!(!body.contains("what happened"), "{typed}: {body}");
        let (_, body) = en("respect-2", &[("incident", typed)]);
        assert!(
            body.contains(&format!("similar incident during {framed}")),
            "{typed}: {body}"
        );
    }
}

/// Round 18's stock sentences, both ways, across several owner values.
#[test]
fn round_18_stock_sentences_read_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let words = |text: &str, word: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.eq_ignore_ascii_case(word))
            .count()
    };
    // price-increase-2: no "suit … suit it".
    for reason in [
        "Our costs have doubled.",
        "higher hosting costs",
        "we have bought new equipment",
    ] {
        let (_, body) = en("price-increase-2", &[("reason", reason)]);
        assert!(!body.contains("suit it"), "{body}");
        assert!(words(&body, "suit") == 0, "{body}");
        assert!(
            body.contains("reduce the scope of the work to bring the cost down"),
            "{body}"
        );
    }
    // service-change: "change" at most twice in the letter's own sentences, whatever the shape.
    for change in [
        "a move to a new server",
        "shorter opening hours",
        "the end of phone support",
        "Support by phone will be replaced by support by email.",
        "move your site to a new server",
    ] {
        for reason in [
            "better performance",
            "rising costs",
            "This lets us answer faster.",
        ] {
            let (subject, body) = en(
                "service-change",
                &[
                    ("change", change),
                    ("reason", reason),
                    ("alternative", "Email us at any time."),
                ],
            );
            let all = format!("{subject}\n{body}");
            assert!(words(&all, "change") <= 2, "{change} / {reason}: {all}");
        }
    }
    // discount-2: the quote expires; the price never "stands"; a defaulted date is not stated.
    let (_, body) = en("discount-2", &[("valid_until", "2026-12-09")]);
    assert!(
        body.contains("Our quote remains valid until 9 December 2026; if you would like"),
        "{body}"
    );
    assert!(!body.contains("stands"), "{body}");
    assert!(
        body.matches("this").count() + body.matches("This").count() <= 3,
        "{body}"
    );
    let (_, body) = typical_with(&library, Lang::En, "discount-2", &[], &["valid_until"]);
    assert!(!body.contains("valid until"), "{body}");
    assert!(!body.contains("stands"), "{body}");
    // payment-plan: "not been paid by the day after" for one day, N days for more, never "within".
    for (grace, want) in [
        ("1", "is still unpaid the day after its due date"),
        ("3", "is still unpaid three days after its due date"),
        ("7", "is still unpaid seven days after its due date"),
    ] {
        for missed in ["pause", "balance_due"] {
            let (_, body) = en(
                "payment-plan",
                &[("grace_days", grace), ("if_missed", missed)],
            );
            assert!(body.contains(want), "{grace}: {body}");
            assert!(!body.contains("within one day"), "{body}");
            assert!(!body.contains("of its due date"), "{body}");
        }
    }
    let (_, body) = en("reconcile", &[]);
    assert!(body.contains("we have agreed the following:"), "{body}");
    assert!(!body.contains(", we agreed the following"), "{body}");
    // respect-3: the decision and its reason are linked in every shape of reason.
    for reason in [
        "Despite our earlier conversations, nothing has changed.",
        "Despite two written warnings nothing changed",
        "The way our colleagues are treated has not changed.",
        "repeated rudeness to our staff",
        "because our colleagues were shouted at again",
    ] {
        let (_, body) = en("respect-3", &[("reason", reason)]);
        assert!(!body.contains("for you. Despite"), "{reason}: {body}");
        assert!(!body.contains("for you. The way"), "{reason}: {body}");
        let first = body.split('\n').next().unwrap();
        assert!(first.contains("end our work for you"), "{body}");
        assert!(
            first.contains("for you: ")
                || first.contains("for you because")
                || first.contains("because of"),
            "{reason}: {body}"
        );
    }
    let (_, body) = en("scope-2", &[]);
    assert!(
        body.contains("we charge for them, as we do for all our clients."),
        "{body}"
    );
    assert!(!body.contains("free of charge"), "{body}");
    for channel in ["email", "WhatsApp", "the project portal"] {
        let (_, body) = en("boundary-2", &[("channel", channel)]);
        assert!(
            body.contains(", and ultimately that slows down work on your project."),
            "{body}"
        );
        assert!(!body.contains("in the end"), "{body}");
    }
    for alternative in [
        "We will move your mailboxes to another provider free of charge.",
        "We will help you set up a new provider.",
    ] {
        let (_, body) = en("service-end", &[("alternative", alternative)]);
        let para = body
            .split("\n\n")
            .find(|p| p.contains("as easy as possible"))
            .unwrap_or_else(|| panic!("{body}"));
        assert!(para.contains("as easy as possible: we will"), "{body}");
        assert_eq!(para.matches("we will").count(), 1, "{body}");
    }
    for terms in [
        "two rounds of free revisions",
        "Our agreement includes two rounds of revisions.",
    ] {
        let (_, body) = en("refund-refusal", &[("terms", terms)]);
        assert!(body.contains("Our agreement includes"), "{body}");
        assert!(!body.contains("included"), "{body}");
    }
    let (_, body) = en("respect-1", &[("staff", "Ms Sara Ahmadi")]);
    assert!(
        body.contains("Everyone in our team takes real care over your work"),
        "{body}"
    );
    assert!(!body.contains("The people in our team"), "{body}");
    // payment-2 gives the amount in words in every variant, as payment-3 does.
    for set in [
        vec![],
        vec![("reminded_on", "2026-11-15")],
        vec![("late_fee", "50"), ("fee_clause", "clause 5")],
        vec![("late_fee", "50")],
    ] {
        let (_, body) = en("payment-2", &set);
        let first = body.split('\n').next().unwrap();
        assert!(
            first.contains(" (") && first.contains(")"),
            "{set:?}: {body}"
        );
    }
    // complaint-reply: facts with their own semicolons stand as their own sentences.
    for fault in ["none", "ours"] {
        for facts in [
            "Your order was placed on 23 October and delivered on 2 November; the agreement allows seven working days.",
            "The catalogues were due on 10 November; they arrived on 18 November.",
        ] {
            let (_, body) = en("complaint-reply", &[("facts", facts), ("fault", fault)]);
            assert!(body.contains(&format!(". {facts}")), "{body}");
            assert!(!body.contains(": your order"), "{body}");
            assert!(!body.contains(": the catalogues"), "{body}");
        }
        let (_, body) = en(
            "complaint-reply",
            &[
                ("facts", "The colours match the approved proof."),
                ("fault", fault),
            ],
        );
        assert!(
            body.contains(": the colours match the approved proof."),
            "{body}"
        );
    }
}

/// Round 19's reading: each point, both ways, for several values per slot.
#[test]
fn round_19_conclusions_neutral_closes_and_answers_read_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let en_without = |id: &str, set: &[(&str, &str)], drop: &[&str]| {
        typical_with(&library, Lang::En, id, set, drop)
    };
    // complaint-reply: "no fault" closes the facts with a conclusion that claims no more than
    // that choice; "ours" apologises instead. The review thanks without "critical".
    let conclusion = "As far as we can see, we kept to what we had agreed.";
    for facts in [
        "Your order was placed on 23 October and delivered on 2 November; the agreement allows seven working days.",
        "The colours match the approved proof.",
        "the colours match the approved proof",
        "We delivered on the agreed date.\nThe courier confirmed receipt.",
    ] {
        for source in ["Google Maps", ""] {
            let (_, body) = en_without(
                "complaint-reply",
                &[("facts", facts), ("fault", "none"), ("source", source)],
                if source.is_empty() { &["source"] } else { &[] },
            );
            assert_eq!(body.matches(conclusion).count(), 1, "{facts}: {body}");
            let para = body.split("\n\n").find(|p| p.contains(conclusion)).unwrap();
            assert!(para.ends_with(conclusion), "{facts}: {body}");
            assert!(!body.contains("critical feedback"), "{body}");
            if !source.is_empty() {
                assert!(body.contains("your feedback helps us improve"), "{body}");
            }
            let (_, body) = en_without(
                "complaint-reply",
                &[("facts", facts), ("fault", "ours"), ("source", source)],
                if source.is_empty() { &["source"] } else { &[] },
            );
            assert!(!body.contains(conclusion), "{facts}: {body}");
            assert!(body.contains("We apologise sincerely"), "{body}");
        }
    }
    // service-change: no assumption that the change is hard to get used to; a noun-phrase
    // change is framed without "update", and "change" appears at most twice in our words.
    for (change, want) in [
        (
            "a move to a new server",
            " This involves a move to a new server, to give you better performance.",
        ),
        (
            "shorter opening hours",
            " This involves shorter opening hours, to give you better performance.",
        ),
        (
            "no more weekend support",
            " From that date, there will be no more weekend support.",
        ),
        (
            "no phone support after 17:00",
            " From that date, there will be no phone support after 17:00.",
        ),
        ("Phone support will end.", " Phone support will end."),
    ] {
        for alternative in [
            "a monthly summary email on request",
            "For anything urgent, put \"Urgent\" at the start of your email.",
        ] {
            let (_, body) = en(
                "service-change",
                &[
                    ("change", change),
                    ("alternative", alternative),
                    ("reason", "better performance"),
                ],
            );
            assert!(body.contains(want), "{change}: {body}");
            assert!(!body.contains("getting used to"), "{body}");
            assert!(!body.contains("update brings"), "{body}");
            assert!(!body.contains("It will mean"), "{body}");
            assert!(
                body.contains("We hope the transition goes smoothly for you."),
                "{body}"
            );
            assert!(body.matches("change").count() <= 2, "{change}: {body}");
        }
    }
    // termination-2: a stated reason (late payment, say) closes with a neutral good wish;
    // as does a letter without one.
    for reason in [
        "repeated late payments",
        "Invoices have repeatedly been paid late.",
        "because our invoices were paid late",
        "a change in our business focus",
    ] {
        for end in ["2026-12-23", &marz::dates::iso(date())] {
            let (_, body) = en_without(
                "termination-2",
                &[("reason", reason), ("end_date", end)],
                &["balance_due"],
            );
            assert!(!body.contains("grateful"), "{reason}: {body}");
            assert!(!body.contains("confidence you have shown"), "{body}");
            assert!(
                body.trim_end()
                    .ends_with("We wish you and your business every success."),
                "{reason}: {body}"
            );
        }
    }
    // Round 22: the thanks went from every variant, so a letter with and without a reason
    // close alike.
    let (_, body) = en_without("termination-2", &[], &["reason"]);
    assert!(!body.contains("grateful"), "{body}");
    assert!(
        body.trim_end()
            .ends_with("We wish you and your business every success."),
        "{body}"
    );
    // respect-3: no thanks for the opportunity, the handover sentence split, and a same-day
    // end said once.
    let today = marz::dates::iso(date());
    for reason in [
        "Despite our earlier conversations, the way our colleagues are spoken to has not changed.",
        "despite two written warnings nothing changed",
        "repeated rudeness to our staff",
    ] {
        for end in ["2026-12-09", today.as_str()] {
            let (_, body) = en("respect-3", &[("reason", reason), ("end_date", end)]);
            assert!(!body.contains("opportunity"), "{body}");
            assert!(!body.contains("Thank you"), "{body}");
            assert!(
                body.trim_end()
                    .ends_with("\n\nWe wish you well for the future."),
                "{body}"
            );
            assert!(
                body.contains(
                    "We would appreciate your help with the handover. If you have any questions about it, please contact us."
                ),
                "{body}"
            );
            let ours = body.to_lowercase().matches("our work for you").count();
            if end == today {
                assert!(body.contains("\n\nThis takes effect today.\n\n"), "{body}");
                assert_eq!(ours, 1, "{body}");
                assert!(!body.contains("therefore ends today"), "{body}");
            } else {
                assert!(!body.contains("This takes effect today."), "{body}");
            }
        }
    }
    // refund-refusal: "however" where nothing precedes the offer to talk; "That said" only
    // after the refusal, when a paid option follows; the subject never says "free".
    for project in [
        "product photography",
        "the brochure",
        "the logo and visual identity",
    ] {
        for request in ["refund", "rework"] {
            let (subject, body) = en_without(
                "refund-refusal",
                &[("project", project), ("request", request)],
                &["revision_price", "gesture"],
            );
            assert!(!subject.to_lowercase().contains("free"), "{subject}");
            if request == "rework" {
                assert!(
                    subject.starts_with("Your request for changes to "),
                    "{subject}"
                );
            }
            assert!(
                body.contains("We would, however, be glad to go through the work with you"),
                "{body}"
            );
            assert!(!body.contains("That said"), "{body}");
            let (_, body) = en(
                "refund-refusal",
                &[
                    ("project", project),
                    ("request", request),
                    ("revision_price", "400"),
                ],
            );
            assert!(
                body.contains("That said, if you would like further changes"),
                "{body}"
            );
            assert!(!body.contains("however"), "{body}");
        }
    }
    // scope-2 answers the request in hand: a noun phrase by name, a sentence or a question
    // as "this work"; and "we charge for them", not "have to".
    for (request, ahead) in [
        (
            "advice on advertising",
            "go ahead with the advice on advertising,",
        ),
        ("a second logo", "go ahead with a second logo,"),
        ("the About page", "go ahead with the About page,"),
        ("SEO advice", "go ahead with the SEO advice,"),
        ("Can you add a blog?", "go ahead with this work,"),
        ("Please add a blog.", "go ahead with this work,"),
        (
            "We would like a newsletter template",
            "go ahead with this work,",
        ),
    ] {
        let (_, body) = en("scope-2", &[("request", request)]);
        assert!(
            body.contains(&format!(
                "If you would like us to {ahead} we will send you an estimate first"
            )),
            "{request}: {body}"
        );
        assert!(
            body.contains("we charge for them, as we do for all our clients."),
            "{body}"
        );
        assert!(!body.contains("have to charge"), "{body}");
        assert!(!body.contains("request for can"), "{body}");
        assert!(!body.contains("request for please"), "{body}");
        assert!(!body.contains("the Can"), "{body}");
    }
}

/// Round 19's one-line fixes, and English numbers in words up to ten.
#[test]
fn round_19_sentences_and_numbers_read_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let en_without = |id: &str, set: &[(&str, &str)], drop: &[&str]| {
        typical_with(&library, Lang::En, id, set, drop)
    };
    // boundary-2: no hanging "which", no lecture about other clients.
    for channel in ["email", "WhatsApp", "the project portal"] {
        let (_, body) = en("boundary-2", &[("channel", channel)]);
        assert!(
            body.contains(", and ultimately that slows down work on your project."),
            "{body}"
        );
        assert!(!body.contains("which ultimately"), "{body}");
        assert!(!body.contains("our other clients"), "{body}");
    }
    // respect-1: says who was upset, without naming the colleague twice.
    for staff in [
        "Ms Sara Ahmadi",
        "Ms Sara Ahmadi, our project lead",
        "Tom Reed",
    ] {
        for behaviour in [
            "our colleague was spoken to in a raised voice",
            "rude",
            "The call ended with shouting.",
        ] {
            let (_, body) = en("respect-1", &[("staff", staff), ("behaviour", behaviour)]);
            // Round 22: the colleague is named once; later sentences need no "our
            // colleague" or pronoun.
            assert!(
                body.contains("This troubled all of us, and we felt"),
                "{body}"
            );
            assert!(!body.contains("Our colleague found"), "{body}");
            assert!(!body.contains("upsetting experience"), "{body}");
            let name = staff.split(',').next().unwrap();
            assert_eq!(body.matches(name).count(), 1, "{staff}: {body}");
        }
    }
    let (_, body) = en_without("respect-1", &[], &["staff"]);
    assert!(!body.contains("This was a concern to all of us"), "{body}");
    assert!(body.contains("What happened left us uneasy"), "{body}");
    // respect-2: "must", not "need to".
    for staff in ["Ms Sara Ahmadi", "our designer, Tom Reed"] {
        let (_, body) = en("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("We must also be clear: if this happens again"),
            "{body}"
        );
        assert!(!body.contains("need to be clear"), "{body}");
    }
    // payment-1: a plain "as soon as possible" and a remittance request that does not
    // contradict itself, with and without payment details.
    for drop in [&[][..], &["payment_details"][..]] {
        for amount in ["1", "3450", "1250.50"] {
            let (_, body) = en_without("payment-1", &[("amount", amount)], drop);
            assert!(
                body.contains("arrange payment as soon as possible."),
                "{body}"
            );
            assert!(!body.contains("earliest convenience"), "{body}");
            assert!(
                body.contains("If you have paid in the meantime, please send us a copy of the remittance advice so that we can update our records."),
                "{body}"
            );
            assert!(!body.contains("disregard"), "{body}");
        }
    }
    // price-increase-2: the unit, then "rather than" the old price; a job price too, never
    // "instead of". A "monthly" service still says "a month" here, next to the figure.
    for service in ["monthly website maintenance", "design work", "hosting"] {
        for (per, unit) in [
            ("hour", " an hour"),
            ("day", " a day"),
            ("month", " a month"),
            ("year", " a year"),
        ] {
            for (old, new) in [("300", "360"), ("50", "60")] {
                let (_, body) = en(
                    "price-increase-2",
                    &[
                        ("service", service),
                        ("per", per),
                        ("old_price", old),
                        ("new_price", new),
                    ],
                );
                let at = body
                    .find(&format!("{unit}, rather than "))
                    .unwrap_or_else(|| {
                        panic!("{service} {per}: {body}");
                    });
                let price = body[..at].rfind(new).unwrap();
                assert!(at - price < 16, "{body}");
                assert!(body[at..].contains(old), "{body}");
                assert!(!body.contains("instead of"), "{body}");
            }
        }
        let (_, body) = en("price-increase-2", &[("service", service), ("per", "job")]);
        assert!(body.contains(", rather than "), "{body}");
        assert!(!body.contains("instead of"), "{body}");
    }
    // discount-2: about the price, not "about a discount on the price".
    for (service, shown) in [
        (
            "your visual identity",
            "about the price of your visual identity.",
        ),
        ("packaging design", "about the price of packaging design."),
        ("a logo", "about the price of a logo."),
    ] {
        let (_, body) = en("discount-2", &[("service", service)]);
        assert!(
            body.starts_with(&format!("Thank you for coming back to us {shown}")),
            "{body}"
        );
        assert!(!body.contains("about a discount"), "{body}");
    }
    // payment-partial: the balance in words too.
    for (amount, paid, words) in [
        ("3450", "1000", "(two thousand four hundred and fifty "),
        ("1000", "250", "(seven hundred and fifty "),
        ("900", "890", "(ten "),
    ] {
        let (_, body) = en("payment-partial", &[("amount", amount), ("paid", paid)]);
        let line = body
            .lines()
            .find(|l| l.contains("balance outstanding is now"))
            .unwrap_or_else(|| panic!("{body}"));
        assert!(line.contains(words), "{amount}-{paid}: {line}");
        assert!(line.ends_with(").") || line.ends_with(")."), "{line}");
    }
    // Numbers in words up to ten in running English; 11 and above in figures.
    for (days, said) in [
        ("7", "within seven days of the invoice being paid"),
        ("10", "within ten days of the invoice being paid"),
        ("11", "within 11 days of the invoice being paid"),
        ("1", "within one day of the invoice being paid"),
    ] {
        let (_, body) = en(
            "termination-3",
            &[("files", "payment"), ("handover_days", days)],
        );
        assert!(body.contains(said), "{days}: {body}");
        assert!(!body.contains("being settled"), "{body}");
    }
    for (days, said) in [
        ("9", "nine working days"),
        ("10", "ten working days"),
        ("12", "12 working days"),
    ] {
        let (_, body) = en("scope-1", &[("days", days)]);
        assert!(body.contains(&format!("it will take {said}.")), "{body}");
        let (_, body) = en("boundary-2", &[("response_days", days)]);
        assert!(body.contains(&format!("within {said}.")), "{body}");
    }
    let (_, body) = en("scope-1", &[("days", "10")]);
    assert!(!body.contains("10 working days"), "{body}");
}

/// Round 19's Persian reading: an access line true for any business, complaint-reply's facts
/// and action in one paragraph for every shape of facts, refund-refusal's regret before the
/// review, fewer repeated words, no «در ماه» after a service that says «ماهانه», discount-1's
/// fresh opening and the small touches; each with several values per slot.
#[test]
fn persian_round_19_points_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let day = |n: i64| marz::dates::iso(date() + chrono::Duration::days(n));
    let shown = |n: i64| marz::dates::format(date() + chrono::Duration::days(n), Lang::Fa);
    // 1. The access line fits photography as well as a website: no accounts, panels or
    // passwords, and none of the rejected «اگر … دسترسی داریم» or «در صورت وجود».
    for id in [
        "respect-3",
        "termination-1",
        "termination-2",
        "termination-3",
    ] {
        for end in [0, 9, 30] {
            let (end_date, due) = (day(end), day(end + 10));
            let mut set = vec![
                ("end_date", end_date.as_str()),
                ("balance_due", due.as_str()),
            ];
            if id != "termination-3" {
                set.push(("handover", ""));
            } else {
                set.push(("materials", ""));
            }
            let (_, body) = render(id, &set);
            let when = if end == 0 {
                "امروز"
            } else if id == "termination-3" {
                ""
            } else {
                "همان روز"
            };
            assert_eq!(
                body.matches("هر دسترسی، اطلاعات ورود یا مدرکی که از شما نزد ما باشد، ")
                    .count(),
                1,
                "{id} {end}: {body}"
            );
            assert!(
                body.contains(&format!("{when} به شما بازگردانده می‌شود.")),
                "{id} {end}: {body}"
            );
            for wrong in [
                "پنل",
                "رمز عبور",
                "نام کاربری",
                "حساب‌ها",
                "قطع می‌شود",
                "در صورت وجود",
                "دسترسی داریم",
            ] {
                assert!(!body.contains(wrong), "{id} {end}: «{wrong}»\n{body}");
            }
        }
    }
    // termination-3 names the files once, not «کارهای انجام‌شده» twice.
    for balance in ["", "15000000"] {
        let (_, body) = render("termination-3", &[("open_balance", balance)]);
        assert!(body.matches("کارهای انجام‌شده").count() <= 1, "{body}");
        assert!(body.contains("- فایل‌ها و مستندات پروژه "), "{body}");
    }
    // 2. complaint-reply: the facts, exactly as typed, and the action share one paragraph,
    // joined by «با این حال، به نشانه حسن نیت،» (or «برای جبران این کوتاهی،»).
    let actions = [
        "یک نمونه تازه بی‌هزینه چاپ می‌کنیم",
        "هزینه ارسال را به شما بازگرداندیم.",
    ];
    for (facts, lead) in [
        (
            "رنگ‌ها با نمونه تأییدشده مطابقت دارد",
            "بررسی سوابق ما نشان می‌دهد که رنگ‌ها با نمونه تأییدشده مطابقت دارد.",
        ),
        (
            "سفارش شما ۱ آبان ثبت و ۱۱ آبان تحویل شد؛ قرارداد هفت روز کاری را پیش‌بینی کرده است.",
            "بررسی سوابق ما نشان می‌دهد که سفارش شما ۱ آبان ثبت و ۱۱ آبان تحویل شد؛",
        ),
        (
            "سفارش ۱ آبان ثبت شد. ارسال آن ۱۱ آبان انجام شد.",
            "موضوع را بر پایه سوابق خود بررسی کردیم. سفارش ۱ آبان ثبت شد.",
        ),
        (
            "سفارش ۱ آبان ثبت شد.\nارسال آن ۱۱ آبان انجام شد.",
            "موضوع را بر پایه سوابق خود بررسی کردیم.",
        ),
        (
            "تحویل سفارش در موعد قرارداد",
            "نتیجه بررسی سوابق ما، تحویل سفارش در موعد قرارداد است",
        ),
    ] {
        for action in actions {
            for source in ["", "گوگل‌مپ"] {
                for fault in ["none", "ours"] {
                    let (_, body) = render(
                        "complaint-reply",
                        &[
                            ("facts", facts),
                            ("action", action),
                            ("source", source),
                            ("fault", fault),
                        ],
                    );
                    let case = format!("«{facts}» «{action}» {source} {fault}");
                    assert!(body.contains(lead), "{case}: {body}");
                    let first_line = facts.lines().next().unwrap();
                    let action_bare = action.trim_end_matches('.');
                    let joined = body
                        .split("\n\n")
                        .any(|p| p.contains(first_line) && p.contains(action_bare));
                    assert!(joined, "{case}: {body}");
                    let link = if fault == "ours" {
                        "برای جبران این کوتاهی، "
                    } else {
                        "با این حال، به نشانه حسن نیت، "
                    };
                    assert!(
                        body.contains(&format!("{link}{action_bare}.")),
                        "{case}: {body}"
                    );
                    if fault == "ours" {
                        assert!(body.contains("صمیمانه پوزش می‌خواهیم"), "{case}: {body}");
                        assert!(!body.contains("متأسفیم"), "{case}: {body}");
                    } else {
                        // The facts clear us: the regret is for the experience, not the work.
                        assert!(
                            body.contains("متأسفیم که این موضوع برایتان ناخوشایند بوده است."),
                            "{case}: {body}"
                        );
                        assert!(!body.contains("رضایت"), "{case}: {body}");
                    }
                    if !source.is_empty() {
                        assert!(
                            body.contains("انتقاد شما به بهتر شدن کارمان کمک می‌کند."),
                            "{case}: {body}"
                        );
                    }
                    for wrong in [
                        "هر نظری",
                        "به‌ویژه انتقاد",
                        "نظر شما برای ما ارزشمند",
                        "؛ ؛",
                        "..",
                        ".؛",
                    ] {
                        assert!(!body.contains(wrong), "{case}: «{wrong}»\n{body}");
                    }
                    assert!(
                        punctuation_problems(&body, Lang::Fa).is_empty(),
                        "{case}: {body}"
                    );
                }
            }
        }
        // No action: the facts close their paragraph, with no «با این حال» left hanging.
        let (_, body) = render("complaint-reply", &[("facts", facts), ("action", "")]);
        assert!(!body.contains("با این حال"), "«{facts}»: {body}");
        assert!(
            body.contains(lead.trim_end_matches('؛')),
            "«{facts}»: {body}"
        );
    }
    // 3. refund-refusal: regret first, then the review; a paid offer without «با این حال».
    for request in ["refund", "rework"] {
        for price in ["", "4000000"] {
            for gesture in ["", "یک دور اصلاح رایگان دیگر"] {
                let (_, body) = render(
                    "refund-refusal",
                    &[
                        ("request", request),
                        ("revision_price", price),
                        ("gesture", gesture),
                    ],
                );
                let case = format!("{request} «{price}» «{gesture}»");
                let sorry = body.find("متأسفیم که نتیجه کار مطابق انتظارتان نبوده است. درخواست");
                let review = body.find("را بررسی کردیم.");
                assert!(sorry.is_some() && sorry < review, "{case}: {body}");
                assert!(!body.contains("با دقت"), "{case}: {body}");
                assert!(!body.contains("با این حال، اگر"), "{case}: {body}");
                assert_eq!(
                    body.contains("اگر همچنان تغییری مدنظرتان است، هر دور اصلاح اضافه"),
                    !price.is_empty(),
                    "{case}: {body}"
                );
            }
        }
    }
    // 4. Repetition. payment-1 says «پرداخت» at most once, before or after the due date.
    for due in [-12, 0, 10] {
        for details in ["", "بانک ملت\nشبا: IR00 0120 0000 0000 1234 5678 90"] {
            let due_date = day(due);
            let (_, body) = render(
                "payment-1",
                &[("due_date", &due_date), ("payment_details", details)],
            );
            assert!(body.matches("پرداخت").count() <= 1, "{due}: {body}");
            assert!(
                body.contains(if due < 0 {
                    "اگر آن را تسویه کرده‌اید"
                } else {
                    "اگر مبلغ را واریز کرده‌اید"
                }),
                "{due}: {body}"
            );
            assert!(body.contains("تسویه"), "{due}: {body}");
            assert!(body.matches("واریز").count() == 1, "{due}: {body}");
        }
    }
    // price-increase-2: «تازه»/«هزینه تازه» is said once, not four times (round 19); since
    // round 25 the template's one rate word is «تازه» in every variant (see round 25's test).
    for (reason, grandfather) in [
        ("هزینه‌های میزبانی دو برابر شده است.", "current"),
        ("تورم", "unmentioned"),
        ("تجهیزات نو خریده‌ایم", "current"),
    ] {
        for offer in ["", "ده درصد تخفیف تا پایان اسفند"] {
            let (_, body) = render(
                "price-increase-2",
                &[
                    ("reason", reason),
                    ("grandfather", grandfather),
                    ("offer", offer),
                ],
            );
            let case = format!("«{reason}» «{offer}»");
            assert_eq!(body.matches("نرخ تازه").count(), 1, "{case}: {body}");
            assert!(!body.contains("نرخ جدید"), "{case}: {body}");
            assert!(!body.contains("هزینه تازه"), "{case}: {body}");
            assert!(
                body.contains("با وجود این، ناچاریم نرخ تازه را طبق برنامه از "),
                "{case}: {body}"
            );
            assert!(
                !body.contains("این نرخ برای حفظ کیفیتی که از ما سراغ دارید لازم است."),
                "{case}: {body}"
            );
            assert!(!body.contains("به ما امکان می‌دهد"), "{case}: {body}");
            assert_eq!(body.matches("با دقت").count(), 1, "{case}: {body}");
        }
    }
    for channel in ["ایمیل", "تلفن"] {
        let (_, body) = render("boundary-2", &[("channel", channel)]);
        assert!(
            body.contains("اگر درباره این روش نکته‌ای دارید، لطفاً با ما در میان بگذارید."),
            "{body}"
        );
        assert!(!body.contains("درباره آن"), "{body}");
    }
    // 5. discount-1 opens with none of the rejected forms, whatever is listed.
    for value in [
        "- یک طرح",
        "سه طرح اولیه\nدو دور اصلاح",
        "همه فایل‌ها را تحویل می‌دهیم.",
    ] {
        let (_, body) = render("discount-1", &[("value", value)]);
        assert!(
            body.contains(
                "درخواست تخفیفتان را سنجیدیم، اما متأسفانه امکان کاستن از این قیمت را نداریم."
            ),
            "{body}"
        );
        for wrong in [
            "اگر شدنی بود",
            "خوشحال می‌شدیم",
            "دوست داشتیم",
            "مایل بودیم",
            "با دقت",
        ] {
            assert!(!body.contains(wrong), "«{wrong}»: {body}");
        }
    }
    // The unit is said once: a service the owner called «ماهانه» gets no second «ماهانه».
    for id in ["price-increase-1", "price-increase-2"] {
        for (service, per, unit) in [
            ("نگهداری ماهانه وب‌سایت", "month", ""),
            ("پشتیبانی ماهیانه سرور", "month", ""),
            ("طراحی بسته‌بندی", "month", " ماهانه"),
            ("نگهداری ماهانه وب‌سایت", "year", " سالانه"),
            ("میزبانی سالانه سایت", "year", ""),
            ("مشاوره ساعتی", "hour", ""),
            ("طراحی گرافیک", "hour", " ساعتی"),
        ] {
            let (_, body) = render(id, &[("service", service), ("per", per)]);
            let case = format!("{id} «{service}» {per}");
            let lead = if id == "price-increase-1" {
                format!("نرخ{unit} {service} از ")
            } else {
                format!("هزینه{unit} این خدمت از ")
            };
            assert!(body.contains(&lead), "{case}: «{lead}» {body}");
            for said in [" در ماه", " در سال", " در ساعت"] {
                assert!(!body.contains(said), "{case}: {body}");
            }
        }
    }
    for reason in ["تورم", "هزینه چاپ نمونه‌ها بالا رفته است", "افزایش هزینه‌ها."]
    {
        let (_, body) = render("price-increase-1", &[("reason", reason)]);
        assert!(body.contains("پس از بررسی همه جوانب، ناگزیریم "), "{body}");
        assert!(!body.contains("سنجیدن"), "{body}");
        assert!(!body.contains("ناگزیر شده‌ایم"), "{body}");
    }
    // 6. The small touches.
    for incident in [
        "جلسه تلفنی روز دوشنبه",
        "دیروز",
        "جلسه دیروز با فریاد به پایان رسید.",
    ] {
        let (_, body) = render("respect-1", &[("incident", incident)]);
        assert!(body.contains("بی‌پرده و با حسن نیت"), "{body}");
        assert!(!body.contains("صریح"), "{body}");
    }
    for staff in ["خانم سارا احمدی", "آقای علی راد، کارشناس پروژه"]
    {
        let (_, body) = render("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("کمترین انتظار خود می‌دانیم. ما همواره پشتیبان همکارانمان خواهیم بود."),
            "{body}"
        );
        assert!(
            body.contains("انتظار داریم از ایشان عذرخواهی کنید"),
            "{body}"
        );
        assert!(!body.contains("عذرخواهی فرمایید"), "{body}");
    }
    for end in [14, 30] {
        let end_date = day(end);
        let due = day(end + 10);
        let (_, body) = render(
            "respect-3",
            &[("end_date", &end_date), ("balance_due", &due)],
        );
        assert!(body.contains("تا مجری دیگری بیابید."), "{body}");
        assert!(!body.contains("فرصت می‌دهد مجری"), "{body}");
    }
    for paid in ["5000000", "1000000"] {
        let (_, body) = render("payment-partial", &[("paid", paid)]);
        assert!(body.contains("از مبلغ کل صورت‌حساب ("), "{body}");
        assert!(!body.contains("یعنی"), "{body}");
        assert!(!body.contains("این صورت‌حساب، یعنی"), "{body}");
    }
    for agreed in ["", "2026-11-20"] {
        let (_, body) = render("payment-plan", &[("agreed_on", agreed)]);
        assert!(
            body.contains("درباره برنامه پرداخت صورت‌حساب شماره "),
            "{body}"
        );
        assert!(!body.contains("درباره‌اش"), "{body}");
        assert!(!body.contains("بر سر آن"), "{body}");
    }
    for days in ["", "10"] {
        let (_, body) = render("scope-1", &[("days", days)]);
        assert!(body.contains("در برنامه کاری‌مان قرار می‌دهیم."), "{body}");
    }
    let (_, body) = render("scope-2", &[]);
    assert!(
        body.contains("بیرون از این محدوده، زمان و توان تیم ما را می‌طلبد"),
        "{body}"
    );
    for channel in ["ایمیل", "WhatsApp"] {
        let (_, body) = render("boundary-1", &[("channel", channel)]);
        assert!(
            body.contains("تماس‌ها و پیام‌ها به‌قدری زیاد شده است که"),
            "{body}"
        );
        assert!(!body.contains("میان ما"), "{body}");
        assert!(!body.contains("بسیار بالا رفته"), "{body}");
    }
    for service in ["هویت بصری شرکت", "پروژه لوگو"] {
        let (_, body) = render("discount-2", &[("service", service)]);
        assert!(body.contains("درخواست دوباره‌تان برای تخفیف"), "{body}");
        assert!(body.contains("را دریافت کردیم."), "{body}");
        assert!(!body.contains("به دست ما رسید"), "{body}");
    }
    // service-end: the template never says «این خدمات» beside an owner's «این خدمت».
    for reason in ["تقاضا برای این خدمت کم شده است.", "کمبود نیرو"]
    {
        for end in [0, 20] {
            let end_date = day(end);
            let (_, body) = render(
                "service-end",
                &[("reason", reason), ("end_date", &end_date)],
            );
            assert!(!body.contains("این خدمات"), "{body}");
            assert!(body.contains("مانند گذشته در خدمتتان هستیم."), "{body}");
        }
    }
    // termination-2: the owner's handover lines, kept as typed, are dated by their heading.
    for handover in [
        "فایل‌های نهایی روی فلش تحویل می‌شود",
        "فایل‌های نهایی روی فلش تحویل می‌شود.\nدسترسی پنل سایت به شما منتقل می‌شود.",
    ] {
        for end in [0, 30] {
            let end_date = day(end);
            let due = day(end + 10);
            let (_, body) = render(
                "termination-2",
                &[
                    ("handover", handover),
                    ("end_date", &end_date),
                    ("balance_due", &due),
                ],
            );
            let until = if end == 0 {
                "تا پایان امروز".to_string()
            } else {
                format!("تا {}", shown(end))
            };
            assert!(
                body.contains(&format!("مراحل تحویل کار، که همه {until} انجام می‌شود:\n")),
                "{body}"
            );
            for line in handover.lines() {
                assert!(body.contains(line.trim_end_matches('.')), "{body}");
            }
            assert!(body.contains("نیز در همین مدت ارسال می‌شود"), "{body}");
        }
    }
    for project in ["بازطراحی فروشگاه اینترنتی", "Novin Pack packaging"] {
        let (subject, _) = render("follow-up-check-in", &[("project", project)]);
        assert_eq!(subject, format!("نظرخواهی درباره پروژه {project}"));
    }
    for issue in ["تأخیر در پرداخت‌های پاییز", "سوءتفاهم درباره زمان تحویل"]
    {
        let (_, body) = render("reconcile", &[("issue", issue)]);
        assert!(
            body.contains("امیدواریم این تجربه پیوندمان را استوارتر کند."),
            "{body}"
        );
    }
}

#[test]
fn round_20_english_reading_touches_read_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // follow-up-unanswered: a one-word topic, typed capitalised or with a full stop, takes
    // "the" and lower case; a phrase that is already determined stays as typed.
    for (topic, want) in [
        ("Invoice.", "about the invoice,"),
        ("invoice", "about the invoice,"),
        ("proposal", "about the proposal,"),
        ("Quote", "about the quote,"),
        ("the quote", "about the quote,"),
        ("your contract", "about your contract,"),
    ] {
        let (_, body) = en("follow-up-unanswered", &[("topic", topic)]);
        assert!(body.contains(want), "{topic}: {body}");
        assert!(!body.contains("about Invoice"), "{topic}: {body}");
        assert!(!body.contains("the the "), "{topic}: {body}");
    }
    // respect-3: a sentence that can be lowered joins with "because"; its own opening
    // phrase is set off by a pair of commas; anything else stays a sentence of its own.
    for (reason, want) in [
        (
            "Despite our earlier conversations, the way our colleagues are spoken to has not changed.",
            "end our work for you because, despite our earlier conversations, the way",
        ),
        (
            "After two written warnings, nothing has changed.",
            "end our work for you because, after two written warnings, nothing has changed.",
        ),
        (
            "The way our colleagues are spoken to has not changed.",
            "end our work for you because the way our colleagues",
        ),
        (
            "Because our colleagues were insulted again.",
            "end our work for you because our colleagues were insulted again.",
        ),
        (
            "We no longer feel able to work together. Our colleagues deserve respect.",
            "end our work for you. We no longer feel able to work together.",
        ),
    ] {
        let (_, body) = en("respect-3", &[("reason", reason)]);
        assert!(body.contains(want), "{reason}: {body}");
        assert!(!body.contains("for you: "), "{reason}: {body}");
        assert!(!body.contains("because because"), "{reason}: {body}");
    }
    // respect-1: a present tense that agrees with its noun.
    let (_, body) = en("respect-1", &[("staff", "Ms Sara Ahmadi")]);
    assert!(
        body.contains("Everyone in our team takes real care"),
        "{body}"
    );
    assert!(!body.contains("Our team put "), "{body}");
    // complaint-reply: a review "of", one "carefully", "As far as", and an apology that
    // points at nothing the owner typed.
    for fault in ["none", "ours"] {
        for facts in [
            "The catalogues were due on 10 November and arrived on 18 November; our press was out of action for a week.",
            "The colours match the approved proof.",
            "the colours match the approved proof",
        ] {
            for source in ["Google Maps", ""] {
                let (subject, body) = en(
                    "complaint-reply",
                    &[("fault", fault), ("facts", facts), ("source", source)],
                );
                assert!(!subject.contains("review about"), "{subject}");
                assert!(!body.contains("review about"), "{body}");
                assert!(!body.contains("posted on Google Maps about"), "{body}");
                assert!(body.matches("carefully").count() <= 1, "{body}");
                assert!(!body.contains("So far as"), "{body}");
                assert!(!body.contains("apologise sincerely for this"), "{body}");
                if source.is_empty() {
                    assert!(subject.contains("message about"), "{subject}");
                } else {
                    assert!(subject.contains("review concerning"), "{subject}");
                    assert!(body.contains("review you posted on"), "{body}");
                }
                if fault == "ours" {
                    assert!(
                        body.contains("We apologise sincerely for letting you down"),
                        "{body}"
                    );
                } else {
                    assert!(body.contains("As far as we can see"), "{body}");
                }
            }
        }
    }
    // scope-2: "so", not ", and,"; discount-1: a new sentence for the quote.
    for request in ["advice on advertising", "Extra pages.", "a second logo"] {
        let (_, body) = en("scope-2", &[("request", request)]);
        assert!(
            body.contains(
                "take up our team's time, so we charge for them, as we do for all our clients."
            ),
            "{body}"
        );
    }
    for option in ["our basic package", "a lighter version", "Basic"] {
        let (_, body) = typical_with(
            &library,
            Lang::En,
            "discount-1",
            &[("smaller_option", option)],
            &["smaller_price"],
        );
        assert!(!body.contains("; we would be happy to quote"), "{body}");
    }
}

#[test]
fn round_20_english_price_letters_name_the_unit_and_one_form() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // price-increase-1: the unit follows the new price whenever one is set and the service's
    // name does not already say it (round 11 bans "monthly … a month").
    for service in ["design work", "hosting", "product photography"] {
        for (per, unit) in [
            ("month", " a month."),
            ("year", " a year."),
            ("hour", " an hour."),
        ] {
            let (_, body) = en(
                "price-increase-1",
                &[
                    ("service", service),
                    ("per", per),
                    ("old_price", "300"),
                    ("new_price", "360"),
                ],
            );
            let (price, at) = (body.find("360").unwrap(), body.find(unit).unwrap());
            assert!(at > price && at - price < 16, "{service} {per}: {body}");
        }
    }
    // price-increase-2: "rather than" in every variant; the "work already agreed" sentence
    // for the current rate in every unit, with or without an offer.
    for per in ["job", "hour", "day", "month", "year"] {
        for offer in [None, Some("")] {
            let mut set = vec![
                ("per", per),
                ("grandfather", "current"),
                ("effective_date", "2027-01-01"),
            ];
            if let Some(o) = offer {
                set.push(("offer", o));
            }
            let (_, body) = en("price-increase-2", &set);
            assert!(body.contains(", rather than "), "{per}: {body}");
            assert!(!body.contains("instead of"), "{per}: {body}");
            // Round 26: a monthly or yearly fee has no "work already agreed".
            let kept = if ["month", "year"].contains(&per) {
                "Until then, you will continue to pay the current rate."
            } else {
                "Any work already agreed before 1 January 2027 will still be charged at the current rate."
            };
            assert!(body.contains(kept), "{per}: {body}");
            assert!(
                !body.contains("Until then, the current rate"),
                "{per}: {body}"
            );
        }
        let (_, body) = en(
            "price-increase-2",
            &[("per", per), ("grandfather", "unmentioned")],
        );
        assert!(!body.contains("Any work"), "{per}: {body}");
        assert!(
            !body.contains("Until then, the current rate"),
            "{per}: {body}"
        );
    }
}

/// Round 20's Persian reading: each wording it asked for, on several values per slot.
#[test]
fn persian_round_20_points_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let day = |n: i64| marz::dates::iso(date() + chrono::Duration::days(n));
    // complaint-reply: «به نشانه حسن نیت» fits a refund, a reprint, a discount and a plain
    // noun phrase alike; «اطمینان خاطر» (reassurance) fits none of them. «تجربه» once.
    for action in [
        "هزینه ارسال را به شما بازگرداندیم.",
        "یک نمونه تازه بی‌هزینه چاپ می‌کنیم",
        "بازگرداندن هزینه ارسال",
        "ده درصد از مبلغ صورت‌حساب را به شما بازمی‌گردانیم.",
        "سفارش را دوباره بررسی کردیم. نسخه اصلاح‌شده را فردا می‌فرستیم.",
    ] {
        for source in ["", "گوگل‌مپ", "صفحه اینستاگرام ما"] {
            let (subject, body) =
                render("complaint-reply", &[("action", action), ("source", source)]);
            let case = format!("«{action}» «{source}»");
            assert!(
                body.contains("با این حال، به نشانه حسن نیت، "),
                "{case}: {body}"
            );
            assert!(!body.contains("اطمینان خاطر"), "{case}: {body}");
            assert!(body.matches("تجربه").count() <= 1, "{case}: {body}");
            if source.is_empty() {
                assert!(subject.starts_with("پاسخ به پیام شما"), "{case}: {subject}");
            } else {
                assert!(
                    subject.starts_with("پاسخ به دیدگاه شما"),
                    "{case}: {subject}"
                );
                assert!(
                    body.contains("از اینکه دیدگاهتان را با ما در میان گذاشتید سپاسگزاریم؛"),
                    "{case}: {body}"
                );
                assert_eq!(body.matches("در میان").count(), 1, "{case}: {body}");
                assert!(!body.contains("بازگو کردید"), "{case}: {body}");
            }
        }
    }
    // boundary-1: the calls take the time for the work itself, not for the calls.
    for channel in ["ایمیل", "واتس‌اپ", "تلگرام"] {
        let (_, body) = render("boundary-1", &[("channel", channel)]);
        assert!(
            body.contains("مجال تمرکز بر خود کارتان را از ما می‌گیرد."),
            "{body}"
        );
        assert!(!body.contains("رسیدگی درست به پرسش‌هایتان"), "{body}");
        assert_eq!(body.matches("تمرکز").count(), 1, "{body}");
    }
    // follow-up-check-in: a heading, not a phrase with the adjective «جویا».
    for project in ["بازطراحی فروشگاه اینترنتی", "نوین پک", "سایت «درباره ما»"]
    {
        let (subject, _) = render("follow-up-check-in", &[("project", project)]);
        assert_eq!(subject, format!("نظرخواهی درباره پروژه {project}"));
        assert!(!subject.contains("پیگیری رضایت"), "{subject}");
    }
    // price-increase-2: the rate is needed for the quality, so an offered discount does not
    // contradict it.
    for offer in [
        "",
        "تا پایان اسفند، نرخ تازه را با ده درصد تخفیف حساب می‌کنیم.",
        "ده درصد تخفیف تا پایان اسفند",
    ] {
        let (_, body) = render("price-increase-2", &[("offer", offer)]);
        assert!(
            !body.contains("این نرخ برای حفظ کیفیتی که از ما سراغ دارید لازم است."),
            "{offer}: {body}"
        );
        assert!(!body.contains("تنها با این نرخ"), "{offer}: {body}");
        assert!(!body.contains("به ما امکان می‌دهد"), "{offer}: {body}");
    }
    // Both letters name the unit once, before the two figures.
    for (per, word) in [("hour", "ساعتی"), ("day", "روزانه"), ("year", "سالانه")] {
        for service in ["طراحی گرافیک", "مشاوره بازاریابی"] {
            let set = [
                ("service", service),
                ("per", per),
                ("old_price", "3000000"),
                ("new_price", "3500000"),
            ];
            let (_, body) = render("price-increase-1", &set);
            assert!(
                body.contains(&format!("نرخ {word} {service} از ۳٬۰۰۰٬۰۰۰ ")),
                "{per}: {body}"
            );
            let (_, body) = render("price-increase-2", &set);
            assert!(
                body.contains(&format!("هزینه {word} این خدمت از ۳٬۰۰۰٬۰۰۰ ")),
                "{per}: {body}"
            );
            assert!(!body.contains(") در "), "{per}: {body}");
        }
    }
    // payment-1: no «در راه» calque; the money may not have reached the account yet.
    for due in [-30, -12, -1] {
        let due_date = day(due);
        let (_, body) = render("payment-1", &[("due_date", &due_date)]);
        assert!(
            body.contains("یا پرداخت شما هنوز در حساب ما ثبت نشده باشد."),
            "{body}"
        );
        assert!(!body.contains("در راه"), "{body}");
        assert!(body.matches("پرداخت").count() <= 1, "{body}");
    }
    // payment-partial: the total in digits only; the rest, which is asked for, in words.
    for (paid, rest, words) in [
        ("4000000", "۸٬۵۰۰٬۰۰۰", "(هشت میلیون و پانصد هزار "),
        ("1000000", "۱۱٬۵۰۰٬۰۰۰", "(یازده میلیون و پانصد هزار "),
        ("12000000", "۵۰۰٬۰۰۰", "(پانصد هزار "),
    ] {
        let (_, body) = render("payment-partial", &[("amount", "12500000"), ("paid", paid)]);
        let line = body
            .split("\n\n")
            .find(|p| p.contains("از مبلغ کل صورت‌حساب"))
            .unwrap();
        assert!(
            line.starts_with("از مبلغ کل صورت‌حساب (۱۲٬۵۰۰٬۰۰۰ "),
            "{line}"
        );
        assert!(line.contains(&format!("، اکنون {rest} ")), "{line}");
        assert!(line.contains(words), "{line}");
        assert!(!line.contains("دوازده"), "{line}");
        assert_eq!(line.matches('(').count(), 2, "{line}");
        // «در حساب شما ثبت شد» could read as a deposit into the client's own account.
        assert!(body.contains("و به حساب شما منظور شد."), "{body}");
        assert!(!body.contains("در حساب شما ثبت"), "{body}");
        assert!(!body.contains("در سوابق ثبت"), "{body}");
    }
    // respect-2: a firm demand without the honorific; «بی‌هیچ تردیدی» is respect-1's alone.
    for staff in ["خانم سارا احمدی", "آقای علی راد، کارشناس پروژه", "همکار ما"]
    {
        let (_, body) = render("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("انتظار داریم از ایشان عذرخواهی کنید"),
            "{body}"
        );
        assert!(!body.contains("بی‌هیچ تردیدی"), "{body}");
        assert!(!body.contains("عذرخواهی فرمایید"), "{body}");
    }
    // The small touches from the table.
    for agreed in ["", "2026-11-20", "2026-10-01"] {
        let (_, body) = render("payment-plan", &[("agreed_on", agreed)]);
        assert!(
            body.contains(" به توافق رسیدیم. آن را در این نامه"),
            "{body}"
        );
        assert!(!body.contains("درباره‌اش"), "{body}");
        assert!(!body.contains("بر سر آن"), "{body}");
    }
    for project in ["عکاسی محصول", "لوگو و هویت بصری", "بروشور"] {
        let (_, body) = render(
            "refund-refusal",
            &[("project", project), ("request", "rework"), ("terms", "")],
        );
        assert_eq!(body.matches("به‌طور رایگان").count(), 1, "{body}");
        assert!(
            body.contains("امکان اصلاح یا انجام دوباره بی‌هزینه آن را نداریم"),
            "{body}"
        );
    }
    for price in ["", "25000000", "7000000"] {
        let (_, body) = render(
            "discount-1",
            &[
                ("smaller_option", "بسته پایه با یک طرح"),
                ("smaller_price", price),
            ],
        );
        assert!(
            body.contains("اگر بودجه‌تان محدود است، گزینه مقرون‌به‌صرفه‌تر ما بسته پایه با یک طرح"),
            "{body}"
        );
        assert!(!body.contains("در اختیارتان بگذاریم"), "{body}");
    }
    for reminded in ["", "2026-11-15"] {
        let (_, body) = render("payment-2", &[("reminded_on", reminded)]);
        assert!(
            body.contains("این تأخیر ما را با دشواری روبه‌رو کرده است."),
            "{body}"
        );
        assert!(!body.contains("دشواری ایجاد"), "{body}");
    }
    for service in ["طراحی بسته‌بندی", "نگهداری ماهانه وب‌سایت"]
    {
        let (_, body) = render("price-increase-1", &[("service", service)]);
        assert!(
            body.contains("آماده‌ایم درباره کاستن از حجم کار گفت‌وگو کنیم"),
            "{body}"
        );
        assert!(!body.contains("دامنه کار"), "{body}");
    }
}

/// Round 21 (fa): an owner's reason that opens with its own «چون»، «زیرا» or «به دلیل» is
/// never put behind the letter's «دلیل این تصمیم آن است که» / «دلیل این تصمیم، … است»: a
/// causal clause continues the decision after a comma, a causal phrase reads «این تصمیم را
/// به دلیل … گرفته‌ایم»; other reasons keep their frames. Handed-over access is «به شما
/// بازگردانده می‌شود».
#[test]
fn persian_reasons_with_their_own_because_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::Fa, id, set, &[]);
    let templates: [(&str, &[(&str, &str)]); 5] = [
        ("termination-1", &[]),
        ("termination-1", &[("kind", "non_renewal")]),
        ("termination-2", &[]),
        ("respect-3", &[]),
        ("service-end", &[]),
    ];
    for (id, extra) in templates {
        for reason in [
            "چون تمرکزمان را تغییر داده‌ایم",
            "زیرا ظرفیت کاری ما تکمیل است.",
            "چرا که این کار دیگر در برنامه ما نیست.",
        ] {
            let mut set = extra.to_vec();
            set.push(("reason", reason));
            let body = plain(&render(id, &set).1);
            let typed = reason.trim_end_matches('.');
            assert!(body.contains(&format!("، {typed}.")), "{id}: {body}");
            assert!(!body.contains("آن است که چون"), "{id}: {body}");
            assert!(!body.contains("آن است که زیرا"), "{id}: {body}");
            assert!(!body.contains(&format!(". {typed}")), "{id}: {body}");
        }
        for reason in ["به دلیل بازنشستگی", "به علت کمبود نیرو."] {
            let mut set = extra.to_vec();
            set.push(("reason", reason));
            let body = plain(&render(id, &set).1);
            let typed = reason.trim_end_matches('.');
            assert!(
                body.contains(&format!("این تصمیم را {typed} گرفته‌ایم.")),
                "{id}: {body}"
            );
            assert!(!body.contains("دلیل این تصمیم، به"), "{id}: {body}");
        }
        for (reason, frame) in [
            ("بازنشستگی", "دلیل این تصمیم، بازنشستگی است."),
            ("کمبود نیرو", "دلیل این تصمیم، کمبود نیرو است."),
        ] {
            let mut set = extra.to_vec();
            set.push(("reason", reason));
            let body = plain(&render(id, &set).1);
            assert!(body.contains(frame), "{id}: {body}");
        }
    }
    for id in [
        "respect-3",
        "termination-1",
        "termination-2",
        "termination-3",
    ] {
        let source = std::fs::read_to_string(format!("templates/fa/{id}.tera")).unwrap();
        assert!(source.contains("به شما بازگردانده می‌شود"), "{id}");
        assert!(!source.contains("به خودتان تحویل"), "{id}");
    }
}

/// Round 22 (en): a one-word reason typed in sentence case reads in lower case mid-sentence
/// when it is plainly a common noun ("Rudeness." → "because of rudeness."); a name keeps its
/// capital.
#[test]
fn an_abstract_noun_typed_in_sentence_case_is_lowered_mid_sentence() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for (typed, read) in [
        ("Rudeness.", "because of rudeness."),
        ("Harassment", "because of harassment."),
        ("Hostility", "because of hostility."),
        ("Aggression.", "because of aggression."),
    ] {
        let (_, body) = en("respect-3", &[("reason", typed)]);
        assert!(body.contains(read), "{typed}: {body}");
    }
    let (_, body) = en("respect-3", &[("reason", "Acme's decision")]);
    assert!(body.contains("Acme's decision"), "{body}");
}

/// Round 22 (en): a reason typed as a sentence is linked to the ending letter's decision
/// ("… because our expectations … no longer match."), never dropped in bare after it; one
/// that cannot be lowered (a name, a code, several sentences) gets a bridge of its own; a
/// noun phrase, one word, a link word of the owner's and an opening phrase keep their frames.
#[test]
fn an_ending_letters_sentence_reason_is_linked_to_the_decision() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for id in ["termination-1", "termination-2", "respect-3"] {
        let lead = if id == "respect-3" {
            "we have decided to end our work for you because "
        } else {
            "We have come to this decision because "
        };
        for (typed, read) in [
            (
                "From now on we are focusing our work on packaging design.",
                "from now on we are focusing our work on packaging design.",
            ),
            (
                "Our expectations about the schedule no longer match.",
                "our expectations about the schedule no longer match.",
            ),
            (
                "Our expectations about the schedule no longer match",
                "our expectations about the schedule no longer match.",
            ),
            (
                "We can no longer meet the deadlines your project needs.",
                "we can no longer meet the deadlines your project needs.",
            ),
            (
                "I am retiring at the end of the year.",
                "I am retiring at the end of the year.",
            ),
            (
                "Despite two warnings, nothing changed.",
                "despite two warnings, nothing changed.",
            ),
        ] {
            let (_, body) = en(id, &[("reason", typed)]);
            let comma = if typed.starts_with("Despite") {
                lead.replace("because ", "because, ")
            } else {
                lead.to_string()
            };
            assert!(
                body.contains(&format!("{comma}{read}")),
                "{id} {typed}: {body}"
            );
            let bare = typed.trim_end_matches('.');
            assert!(!body.contains(&format!(". {bare}")), "{id} {typed}: {body}");
            assert!(!body.contains("The reason is this"), "{id}: {body}");
        }
        // Cannot be lowered: a name, a Latin code, two sentences keep their capitals behind a
        // bridge (or, in respect-3, as a sentence of their own), never after "because".
        for typed in [
            "Sara is leaving the studio.",
            "GDPR rules now stop us storing your data.",
            "We can no longer meet your deadlines. Our team is smaller now.",
        ] {
            let (_, body) = en(id, &[("reason", typed)]);
            assert!(body.contains(typed), "{id} {typed}: {body}");
            assert!(!body.contains(&format!("because {typed}")), "{id}: {body}");
            let lower = typed[..1].to_lowercase() + &typed[1..];
            assert!(!body.contains(&lower), "{id} {typed}: {body}");
            if id != "respect-3" {
                assert!(
                    body.contains(&format!("The reason is this: {typed}")),
                    "{id} {typed}: {body}"
                );
            }
        }
        // A noun phrase, one word and the owner's own link word keep their frames.
        for (typed, read) in [
            (
                "a change in our business focus",
                "because of a change in our business focus.",
            ),
            (
                "repeated late payments",
                "because of repeated late payments.",
            ),
            ("Retirement", "because of our retirement."),
            ("due to rising costs", " due to rising costs."),
        ] {
            let (_, body) = en(id, &[("reason", typed)]);
            assert!(body.contains(read), "{id} {typed}: {body}");
            assert!(!body.contains("because because"), "{id}: {body}");
            assert!(!body.contains("The reason is this"), "{id}: {body}");
        }
    }
}

/// Round 22 (en): the ending letters share one formal closing, and termination-2 closes
/// alike with and without a reason; respect-1 names the colleague once.
#[test]
fn ending_letters_close_alike_and_respect_1_names_the_colleague_once() {
    let library = Library::load(None);
    let full = |id: &str, set: &[(&str, &str)]| {
        let t = library.get(id, Lang::En).unwrap();
        let mut v = values(t, Variant::Typical);
        for (k, val) in set {
            v.insert(k.to_string(), val.to_string());
        }
        render_one(t, &clients(Lang::En)[0], &sender(true), &v)
    };
    for kind in ["parting", "non_renewal"] {
        let letter = full("termination-1", &[("kind", kind)]);
        assert_eq!(letter.closing, "Yours sincerely,", "{kind}");
        assert!(!letter.closing.contains("Kind regards"), "{kind}");
    }
    for id in ["termination-2", "termination-3", "respect-3"] {
        assert_eq!(full(id, &[]).closing, "Yours sincerely,", "{id}");
    }
    for reason in ["", "repeated late payments", "Our priorities have changed."] {
        let letter = full("termination-2", &[("reason", reason)]);
        let body = plain(&letter.body);
        assert!(!body.contains("grateful"), "{reason}: {body}");
        assert!(
            !body.contains("confidence you have shown"),
            "{reason}: {body}"
        );
        assert!(
            body.trim_end()
                .ends_with("We wish you and your business every success."),
            "{reason}: {body}"
        );
    }
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for staff in [
        "Ms Sara Ahmadi, our project lead",
        "Tom Reed",
        "our designer, Tom Reed",
    ] {
        for behaviour in [
            "When our colleague asked about the delivery date, she was told loudly that \"anyone could do this job\".",
            "rude",
            "The call ended with shouting.",
        ] {
            let (_, body) = en("respect-1", &[("staff", staff), ("behaviour", behaviour)]);
            let typed = behaviour.matches("our colleague").count();
            assert_eq!(body.matches("our colleague").count(), typed, "{body}");
            assert!(!body.contains("Our colleague"), "{body}");
            assert!(
                body.contains("we stand behind every one of them."),
                "{body}"
            );
            assert!(!body.contains("stand by every"), "{body}");
        }
    }
}

/// Round 22 (en): refund-refusal states the agreement's term before the approval with no
/// invented claim and one connector; payment-plan's pause covers work in hand; the smaller
/// rewordings stay.
#[test]
fn round_22_english_rewordings_read_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let en_without = |id: &str, set: &[(&str, &str)], drop: &[&str]| {
        typical_with(&library, Lang::En, id, set, drop)
    };
    for terms in [
        "Our agreement includes two rounds of free revisions before final approval.",
        "two free rounds of revisions",
        "The fee covers one round of changes.",
    ] {
        for gesture in [
            "We will prepare the files in two further sizes at no charge.",
            "a free extra round of proofreading",
        ] {
            let (_, body) = en(
                "refund-refusal",
                &[
                    ("terms", terms),
                    ("delivered_on", "2026-11-01"),
                    ("accepted_on", "2026-11-05"),
                    ("revision_price", "400"),
                    ("gesture", gesture),
                ],
            );
            assert!(!body.contains("which we provided"), "{body}");
            assert!(!body.contains("In addition"), "{body}");
            // Round 23: events in order, then the agreement's term.
            assert!(
                body.contains("We delivered the finished work on 1 November 2026, and you approved it on 5 November 2026."),
                "{body}"
            );
            let term = body
                .find("approval.")
                .or(body.find("revisions."))
                .or(body.find("changes."));
            let approved = body.find("you approved it on").unwrap();
            assert!(approved < term.unwrap(), "{body}");
            assert!(
                body.contains("As a goodwill gesture,") || body.contains("goodwill gesture:"),
                "{body}"
            );
        }
        let (_, body) = en_without("refund-refusal", &[("terms", terms)], &["accepted_on"]);
        assert!(!body.contains("approved the work on"), "{body}");
    }
    let (_, body) = en_without(
        "refund-refusal",
        &[
            ("delivered_on", "2026-11-01"),
            ("accepted_on", "2026-11-05"),
        ],
        &["terms"],
    );
    assert!(
        body.contains(", and you approved it on 5 November 2026."),
        "{body}"
    );
    for (count, grace) in [("3", "1"), ("4", "7"), ("12", "0")] {
        let (_, body) = en(
            "payment-plan",
            &[
                ("count", count),
                ("grace_days", grace),
                ("if_missed", "pause"),
            ],
        );
        assert!(
            body.contains("we will pause our work for you until it is paid."),
            "{body}"
        );
        assert!(!body.contains("not start any new work"), "{body}");
    }
    for alternative in [
        "a monthly summary email on request",
        "phone support for urgent problems",
        "send a weekly summary",
    ] {
        let (_, body) = en("service-change", &[("alternative", alternative)]);
        assert!(!body.contains("To make the switch easier"), "{body}");
        let lead = if alternative.starts_with("send") {
            "If it helps, we can "
        } else {
            "If it helps, there is another option: "
        };
        assert!(body.contains(lead), "{body}");
    }
    for (change, reason, want) in [
        (
            "a move to a new server",
            "better performance",
            "This involves a move to a new server, to give you better performance.",
        ),
        (
            "shorter opening hours",
            "faster replies",
            "This involves shorter opening hours, to give you faster replies.",
        ),
    ] {
        let (_, body) = en("service-change", &[("change", change), ("reason", reason)]);
        assert!(body.contains(want), "{body}");
        assert!(
            !body.contains("We have made this decision to give you"),
            "{body}"
        );
    }
    let (_, body) = en(
        "service-change",
        &[
            ("change", "a move to a new server"),
            ("reason", "staff shortages"),
        ],
    );
    assert!(body.contains("This involves a move to a new server. We have made this decision because of staff shortages."), "{body}");
    for (source, date) in [("Google Maps", "2026-11-20"), ("Trustpilot", "2026-11-18")] {
        let (_, body) = en(
            "complaint-reply",
            &[
                ("source", source),
                ("received_on", date),
                ("topic", "the late delivery of your order"),
            ],
        );
        assert!(
            body.contains(
                " concerning the late delivery of your order; your feedback helps us improve."
            ),
            "{body}"
        );
        assert!(!body.contains("of the late delivery"), "{body}");
        assert!(!body.contains("describe your experience"), "{body}");
    }
    let (_, body) = en("reconcile", &[]);
    assert!(body.contains("frank") != body.contains("so open"), "{body}");
    assert!(!body.contains("so open"), "{body}");
    for request in ["advice on advertising", "a second logo"] {
        let (_, body) = en("scope-2", &[("request", request)]);
        assert!(
            body.contains("so we charge for them, as we do for all our clients."),
            "{body}"
        );
        assert!(!body.contains("so, as with"), "{body}");
    }
    for until in ["2026-12-09", "2026-12-20"] {
        let (_, body) = en("discount-2", &[("valid_until", until)]);
        assert!(
            body.contains("Either way, thank you for considering us."),
            "{body}"
        );
        assert!(!body.contains("In any case"), "{body}");
    }
    for end in ["2026-12-09", "2026-12-15"] {
        let (_, body) = en("respect-3", &[("end_date", end)]);
        assert!(
            body.contains("we hope the notice period gives you time to find"),
            "{body}"
        );
        assert!(!body.contains("should leave you enough time"), "{body}");
    }
    for channel in ["email", "WhatsApp", "our client portal"] {
        let (_, body) = en("boundary-2", &[("channel", channel)]);
        assert!(!body.contains("Unplanned"), "{body}");
        assert!(!body.contains("which ultimately"), "{body}");
        assert!(body.contains("These interruptions break up our working day, and ultimately that slows down work on your project."), "{body}");
    }
}

/// Round 22 (fa): the owner's reason is linked into the letter's sentence, never hung after a
/// colon: price-increase-2 «همان‌طور که در نامه پیشین توضیح دادیم، …» for a sentence (and no
/// stock «حفظ کیفیت» line beside an owner's reason), termination-3 «این تصمیم را به این دلیل
/// گرفته‌ایم که …» for a clause without its stop; a causal phrase or clause keeps its own
/// «به دلیل» or «چون».
#[test]
fn persian_round_22_reasons_are_linked_into_the_sentence() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| {
        let (subject, body) = typical_with(&library, Lang::Fa, id, set, &[]);
        (plain(&subject), plain(&body))
    };
    let quality = "این نرخ برای حفظ کیفیتی که از ما سراغ دارید لازم است.";
    for (reason, want) in [
        (
            "هزینه‌های میزبانی دو برابر شده است.",
            "همان‌طور که در نامه پیشین توضیح دادیم، علت این افزایش آن است که هزینه‌های میزبانی دو برابر شده است.",
        ),
        (
            "تجهیزات نو خریده‌ایم",
            "همان‌طور که در نامه پیشین توضیح دادیم، علت این افزایش آن است که تجهیزات نو خریده‌ایم.",
        ),
        (
            "تورم",
            "چنان‌که در نامه پیشین توضیح دادیم، دلیل آن تورم است.",
        ),
        (
            "زیرا هزینه چاپ بالا رفته است.",
            "همان‌طور که در نامه پیشین توضیح دادیم، این افزایش ناگزیر است، زیرا هزینه چاپ بالا رفته است.",
        ),
        (
            "به دلیل گران شدن نرم‌افزارها",
            "همان‌طور که در نامه پیشین توضیح دادیم، نرخ را به دلیل گران شدن نرم‌افزارها افزایش داده‌ایم.",
        ),
    ] {
        for offer in ["", "ده درصد تخفیف تا پایان اسفند"] {
            let (_, body) = render("price-increase-2", &[("reason", reason), ("offer", offer)]);
            assert!(body.contains(want), "«{reason}»: {body}");
            assert!(!body.contains("توضیح دادیم:"), "«{reason}»: {body}");
            assert!(!body.contains(quality), "«{reason}»: {body}");
            assert!(!body.contains("دلیل آن به دلیل"), "«{reason}»: {body}");
        }
    }
    for (breach, want) in [
        (
            "فایل‌های محرمانه پروژه بدون اجازه با شرکت دیگری به اشتراک گذاشته شد.",
            "این تصمیم را به دلیل تخلف از مفاد قرارداد گرفته‌ایم. فایل‌های محرمانه پروژه",
        ),
        (
            "فایل‌ها بدون اجازه منتشر شد",
            "این تصمیم را به این دلیل گرفته‌ایم که فایل‌ها بدون اجازه منتشر شد",
        ),
        (
            "انتشار بی‌اجازه فایل‌ها",
            "این تصمیم را به سبب انتشار بی‌اجازه فایل‌ها گرفته‌ایم",
        ),
        (
            "چون فایل‌ها بدون اجازه منتشر شد.",
            "این تصمیم را گرفته‌ایم، چون فایل‌ها بدون اجازه منتشر شد.",
        ),
        (
            "به دلیل انتشار بی‌اجازه فایل‌ها",
            "این تصمیم را به دلیل انتشار بی‌اجازه فایل‌ها گرفته‌ایم",
        ),
    ] {
        for clause in ["", "بند ۷ قرارداد"] {
            let (_, body) = render("termination-3", &[("breach", breach), ("clause", clause)]);
            assert!(body.contains(want), "«{breach}» «{clause}»: {body}");
            assert!(!body.contains("گرفته‌ایم:"), "«{breach}»: {body}");
            assert!(!body.contains("به سبب به"), "«{breach}»: {body}");
            assert!(!body.contains(". چون"), "«{breach}»: {body}");
            assert_eq!(
                body.contains("در بند ۷ قرارداد پذیرفته‌اید."),
                !clause.is_empty(),
                "«{breach}» «{clause}»: {body}"
            );
        }
    }
}

/// Round 22 (fa): the small edits from the table, each with several values in its slot; the
/// rejected wordings stay out.
#[test]
fn persian_round_22_small_edits_read_right() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| {
        let (subject, body) = typical_with(&library, Lang::Fa, id, set, &[]);
        (plain(&subject), plain(&body))
    };
    let day = |n: i64| marz::dates::iso(date() + chrono::Duration::days(n));
    // payment-1: «واریز» once and «پرداخت» at most once, before or after the due date.
    for due in [-40, -3, 0, 5] {
        for details in ["", "بانک ملت\nشبا: IR00 0120 0000 0000 1234 5678 90"] {
            let due_date = day(due);
            let set = [
                ("due_date", due_date.as_str()),
                ("payment_details", details),
            ];
            let (_, body) = render("payment-1", &set);
            assert_eq!(body.matches("واریز").count(), 1, "{due}: {body}");
            assert!(body.matches("پرداخت").count() <= 1, "{due}: {body}");
            assert!(!body.contains("ننشسته"), "{due}: {body}");
            assert_eq!(
                body.contains("یا پرداخت شما هنوز در حساب ما ثبت نشده باشد. اگر آن را تسویه کرده‌اید، از شما سپاسگزاریم"),
                due < 0,
                "{due}: {body}"
            );
        }
    }
    for value in ["- یک طرح", "سه طرح اولیه\nدو دور اصلاح"] {
        let (_, body) = render("discount-1", &[("value", value)]);
        assert!(
            body.contains("متأسفانه امکان کاستن از این قیمت را نداریم."),
            "{body}"
        );
        assert!(!body.contains("پایین‌تر بیاوریم"), "{body}");
    }
    for request in ["مشاوره تبلیغات", "طراحی بنر"] {
        let (_, body) = render("scope-2", &[("request", request)]);
        assert!(
            body.contains("زمان و توان تیم ما را می‌طلبد و انجام رایگان آن برایمان ممکن نیست؛"),
            "{body}"
        );
        assert!(!body.contains("وقت تیم"), "{body}");
        assert!(!body.contains("خوشحال می‌شویم"), "{body}");
    }
    for days in ["", "3", "10"] {
        let (_, body) = render("scope-1", &[("days", days)]);
        assert!(
            body.contains("آن را در برنامه کاری‌مان قرار می‌دهیم."),
            "{body}"
        );
        assert!(!body.contains("می‌گذاریم."), "{body}");
        assert!(!body.contains("خوشحال می‌شویم"), "{body}");
    }
    for end in [0, 10, 25] {
        let end_date = day(end);
        let (_, body) = render("termination-2", &[("end_date", &end_date)]);
        assert!(
            body.contains("اگر بخواهید، با کمال میل چند متخصص مطمئن را به شما معرفی می‌کنیم."),
            "{body}"
        );
        assert!(!body.contains("همکار مطمئن"), "{body}");
    }
    for channel in ["ایمیل", "واتس‌اپ"] {
        for previous in ["", "2026-11-01"] {
            let set = [("channel", channel), ("previous_on", previous)];
            let (_, body) = render("boundary-2", &set);
            assert!(
                body.contains(
                    "همچنان ادامه دارد؛ این وضع تمرکز ما را بر هم می‌زند و کار شما و دیگر مشتریان را عقب می‌اندازد."
                ),
                "{body}"
            );
            assert!(!body.contains("برنامه کاری‌مان را برای شما"), "{body}");
            assert!(!body.contains("خوشحال می‌شویم"), "{body}");
        }
        let (_, body) = render("boundary-1", &[("channel", channel)]);
        assert!(
            body.contains("برای ارتباط، روال روشنی داشته باشیم."),
            "{body}"
        );
        assert!(!body.contains("با هم روال"), "{body}");
    }
    // respect-1 and respect-2 no longer share «بی‌هیچ تردیدی»; neither takes the calques.
    for incident in [
        "جلسه تلفنی روز دوشنبه",
        "جلسه دیروز با فریاد به پایان رسید.",
    ] {
        let (_, body) = render("respect-1", &[("incident", incident)]);
        assert!(
            body.contains("بی‌پرده و با حسن نیت با شما در میان بگذاریم."),
            "{body}"
        );
        assert!(
            body.contains("تا با خاطری آسوده بر کار تمرکز کنیم"),
            "{body}"
        );
        assert!(body.contains("بی‌هیچ تردیدی"), "{body}");
        assert!(!body.contains("همه توجهمان"), "{body}");
        assert!(!body.contains("صریح اما"), "{body}");
    }
    for staff in ["خانم سارا احمدی", "آقای علی راد، کارشناس پروژه"]
    {
        let (_, body) = render("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("کمترین انتظار خود می‌دانیم. ما همواره پشتیبان همکارانمان خواهیم بود."),
            "{body}"
        );
        assert!(!body.contains("بی‌هیچ تردیدی"), "{body}");
        assert!(!body.contains("کنار همکارانمان"), "{body}");
    }
    for issue in ["تأخیر در پرداخت‌ها", "سوءتفاهم درباره زمان تحویل"]
    {
        let (_, body) = render("reconcile", &[("issue", issue)]);
        assert!(
            body.contains("امیدواریم این تجربه پیوندمان را استوارتر کند."),
            "{body}"
        );
        assert_eq!(body.matches("همکاری").count(), 1, "{body}");
    }
    for reminded in ["", "2026-11-15"] {
        let (_, body) = render("payment-2", &[("reminded_on", reminded)]);
        assert!(
            body.contains("این تأخیر ما را با دشواری روبه‌رو کرده است."),
            "{body}"
        );
    }
    for paid in ["1000000", "5000000"] {
        let (_, body) = render("payment-partial", &[("paid", paid)]);
        assert!(body.contains("بار دیگر از شما سپاسگزاریم."), "{body}");
        assert!(!body.contains("همراهی‌تان"), "{body}");
    }
    for agreed in ["", "2026-11-20"] {
        let (_, body) = render("payment-plan", &[("agreed_on", agreed)]);
        assert!(
            body.contains("خواهشمندیم با پاسخی کوتاه این برنامه را تأیید فرمایید."),
            "{body}"
        );
        assert!(!body.contains("درستی این برنامه"), "{body}");
    }
    for reason in ["تورم", "هزینه چاپ نمونه‌ها بالا رفته است"] {
        let (_, body) = render("price-increase-1", &[("reason", reason)]);
        assert!(
            body.contains("آماده‌ایم درباره کاستن از حجم کار گفت‌وگو کنیم"),
            "{body}"
        );
        assert!(!body.contains("خوشحال می‌شویم درباره حجم"), "{body}");
    }
    // complaint-reply: «نشان می‌دهد که» whatever shape the facts take.
    for facts in [
        "رنگ‌ها با نمونه تأییدشده مطابقت دارد",
        "رنگ‌ها با نمونه تأییدشده مطابقت دارد.",
        "سفارش ۱ آبان ثبت و ۱۱ آبان تحویل شد؛ قرارداد هفت روز کاری است.",
    ] {
        for source in ["", "گوگل مپ"] {
            let (_, body) = render("complaint-reply", &[("facts", facts), ("source", source)]);
            assert!(body.contains("بررسی سوابق ما نشان می‌دهد که "), "{body}");
            assert_eq!(
                body.contains("انتقاد شما به بهتر شدن کارمان کمک می‌کند."),
                !source.is_empty(),
                "{body}"
            );
            assert!(!body.contains("به ما کمک می‌کند"), "{body}");
        }
    }
    // refund-refusal: the body says «پروژه» as the subject does, once.
    for (project, shown) in [
        (
            "لوگو و هویت بصری",
            "پیامتان درباره پروژه لوگو و هویت بصری به دستمان رسید.",
        ),
        (
            "عکاسی محصول",
            "پیامتان درباره پروژه عکاسی محصول به دستمان رسید.",
        ),
        (
            "پروژه بروشور",
            "پیامتان درباره پروژه بروشور به دستمان رسید.",
        ),
    ] {
        for request in ["refund", "rework"] {
            let (subject, body) = render(
                "refund-refusal",
                &[("project", project), ("request", request)],
            );
            assert!(subject.contains("پروژه"), "{subject}");
            assert!(!subject.contains("پروژه پروژه"), "{subject}");
            assert!(body.contains(shown), "{body}");
            assert!(!body.contains("پروژه پروژه"), "{body}");
        }
    }
    // The closing «خوشحال می‌شویم … گفت‌وگو کنیم» ends few letters now.
    let mut same = Vec::new();
    for template in library.for_lang(Lang::Fa) {
        let id = template.id();
        let (_, body) = render(id, &[]);
        let last = body.trim_end().lines().last().unwrap_or("").to_string();
        if last.contains("خوشحال می‌شویم") && last.contains("گفت‌وگو کنیم")
        {
            same.push(id.to_string());
        }
    }
    assert!(same.len() <= 3, "{same:?}");
}

/// Round 23's English reading: inline values lowered, bare topics, events in order, a single
/// agreed point as a sentence, plain late fees and toned-down stock sentences.
#[test]
fn round_23_english_reading_reads_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    let en_without = |id: &str, set: &[(&str, &str)], drop: &[&str]| {
        typical_with(&library, Lang::En, id, set, drop)
    };
    // discount-1: a one-line value spliced inline loses a common capital; a name keeps it.
    for (value, shown) in [
        (
            "Everything in our original proposal.",
            "and includes everything in our original proposal.",
        ),
        (
            "Everything in our original proposal",
            "and includes everything in our original proposal.",
        ),
        ("Both concepts", "and includes both concepts."),
        ("Figma source files", "and includes Figma source files."),
        ("SEO audit", "and includes SEO audit."),
    ] {
        let (_, body) = en("discount-1", &[("value", value)]);
        assert!(body.contains(shown), "{value}: {body}");
        assert!(!body.contains("includes Everything"), "{body}");
    }
    // complaint-reply: "review concerning", never "review of"; a bare abstract or plural
    // topic takes no added article; a determined topic keeps its own.
    for (topic, shown) in [
        ("rudeness", "rudeness"),
        ("Rudeness", "rudeness"),
        ("delays", "delays"),
        ("the delays", "the delays"),
        ("print quality", "print quality"),
        (
            "the late delivery of your order",
            "the late delivery of your order",
        ),
        ("late delivery", "the late delivery"),
    ] {
        for source in ["Google Maps", ""] {
            let (subject, body) = en_without(
                "complaint-reply",
                &[("topic", topic), ("source", source), ("fault", "none")],
                if source.is_empty() { &["source"] } else { &[] },
            );
            assert!(
                !subject.contains("review of") && !body.contains("review of"),
                "{subject}\n{body}"
            );
            assert!(
                !subject.contains("the the") && !body.contains("the the"),
                "{body}"
            );
            if source.is_empty() {
                assert!(
                    subject.ends_with(&format!("message about {shown}")),
                    "{subject}"
                );
                assert!(
                    body.contains(&format!(" about {shown}. We have read it")),
                    "{body}"
                );
            } else {
                assert!(
                    subject.ends_with(&format!("review concerning {shown}")),
                    "{subject}"
                );
                assert!(body.contains(&format!("concerning {shown};")), "{body}");
            }
            assert!(
                body.contains("As far as we can see, we kept to what we had agreed."),
                "{body}"
            );
            assert!(!body.contains("we did what we had agreed to do"), "{body}");
        }
    }
    // refund-refusal: delivery and approval in one sentence, then the agreement's term.
    for terms in [
        "Our agreement includes two rounds of free revisions before final approval.",
        "two free rounds of revisions",
    ] {
        let (_, body) = en(
            "refund-refusal",
            &[
                ("terms", terms),
                ("delivered_on", "2026-11-01"),
                ("accepted_on", "2026-11-05"),
            ],
        );
        let events = "We delivered the finished work on 1 November 2026, and you approved it on 5 November 2026. Our agreement includes two";
        assert!(body.contains(events), "{body}");
        assert!(!body.contains("You then approved"), "{body}");
        let (_, body) = en_without(
            "refund-refusal",
            &[("terms", terms), ("delivered_on", "2026-11-01")],
            &["accepted_on"],
        );
        assert!(
            body.contains(
                "We delivered the finished work on 1 November 2026. Our agreement includes two"
            ),
            "{body}"
        );
        assert!(!body.contains("approved it"), "{body}");
    }
    // reconcile: one agreed point is a sentence, two or more a list.
    for (agreed, shown) in [
        (
            "Weekly check-in calls",
            "For the work ahead, we have agreed on weekly check-in calls.",
        ),
        (
            "- weekly check-in calls",
            "For the work ahead, we have agreed on weekly check-in calls.",
        ),
        (
            "You will receive a progress report every two weeks.",
            "This is what we have agreed for the work ahead. You will receive a progress report every two weeks.",
        ),
    ] {
        let (_, body) = en("reconcile", &[("agreed", agreed)]);
        assert!(body.contains(shown), "{agreed}: {body}");
        assert!(!body.lines().any(|l| l.starts_with("- ")), "{body}");
        assert!(!body.contains("the following"), "{body}");
    }
    let (_, body) = en(
        "reconcile",
        &[(
            "agreed",
            "Weekly check-in calls\nInvoices paid within ten days",
        )],
    );
    assert!(body.contains("we have agreed the following:\n- "), "{body}");
    assert_eq!(
        body.lines().filter(|l| l.starts_with("- ")).count(),
        2,
        "{body}"
    );
    // boundary-2: "ultimately", with no "which".
    let (_, body) = en("boundary-2", &[]);
    assert!(
        body.contains(
            "break up our working day, and ultimately that slows down work on your project."
        ),
        "{body}"
    );
    // payment-1: one "already".
    let (_, body) = en("payment-1", &[]);
    assert_eq!(body.matches("already").count(), 1, "{body}");
    assert!(
        body.contains("If you have paid in the meantime, please send us"),
        "{body}"
    );
    // payment-2 and payment-3: a late fee without a clause is asked for plainly, with no
    // invented basis; with a clause, the clause is named.
    for id in ["payment-2", "payment-3"] {
        let (_, body) = en(id, &[("late_fee", "40"), ("fee_clause", "")]);
        assert!(
            body.contains("We also ask you to pay a late payment fee of "),
            "{body}"
        );
        assert!(body.contains(", which brings the amount"), "{body}");
        assert!(!body.contains("terms of business"), "{body}");
        assert!(!body.contains("We have added"), "{body}");
        let (_, body) = en(
            id,
            &[
                ("late_fee", "40"),
                ("fee_clause", "clause 5 of our contract"),
            ],
        );
        assert!(body.contains("clause 5 of our contract"), "{body}");
        assert!(
            !body.contains("We also ask you to pay a late payment fee"),
            "{body}"
        );
    }
    // payment-plan: a final instalment that differs says why, once; equal ones say nothing.
    let (_, body) = en("payment-plan", &[("amount", "1000"), ("count", "12")]);
    assert_eq!(body.matches("rounding difference").count(), 1, "{body}");
    let last = body
        .lines()
        .find(|l| l.starts_with("- Twelfth instalment"))
        .unwrap();
    assert!(
        last.ends_with("(this includes the rounding difference)"),
        "{body}"
    );
    let (_, body) = en("payment-plan", &[("amount", "900"), ("count", "3")]);
    assert!(!body.contains("rounding"), "{body}");
    // Toned-down stock sentences.
    let (_, body) = en("price-increase-1", &[]);
    assert!(!body.contains("difficult decision"), "{body}");
    assert!(
        body.contains("and that it may affect your own planning."),
        "{body}"
    );
    let (_, body) = en("boundary-1", &[]);
    assert!(
        body.contains("we would like to set out a clearer way of keeping in touch."),
        "{body}"
    );
    assert!(!body.contains("agree a clearer way"), "{body}");
    let (_, body) = en("respect-1", &[("staff", "Ms Sara Ahmadi")]);
    assert!(!body.contains("upset us"), "{body}");
    assert!(!body.contains("This concerned all of us"), "{body}");
}

/// Round 23 (fa): the judge's small touches, each with several values in its slot, and the
/// rejected wordings kept out: payment-1's second cause is a payment not yet recorded; discount-1
/// offers the lighter option in one clause; price-increase-2 frames a bare fact as the cause and
/// keeps to one word for the new rate; termination-2 says «معرفی» once; termination-3 names
/// «تخلف» before «این تخلف» in every shape; payment-plan says once when the last instalment
/// carries the rounding.
#[test]
fn persian_round_23_small_touches() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| {
        let (subject, body) = typical_with(&library, Lang::Fa, id, set, &[]);
        (plain(&subject), plain(&body))
    };
    let day = |n: i64| marz::dates::iso(date() + chrono::Duration::days(n));
    for due in [-30, -3, 0, 6] {
        for details in ["", "بانک ملت\nشبا: IR00 0120 0000 0000 1234 5678 90"] {
            let due_date = day(due);
            let set = [
                ("due_date", due_date.as_str()),
                ("payment_details", details),
            ];
            let (_, body) = render("payment-1", &set);
            assert_eq!(
                body.contains("یا پرداخت شما هنوز در حساب ما ثبت نشده باشد."),
                due < 0,
                "{due}: {body}"
            );
            assert!(!body.contains("یا مبلغ هنوز"), "{due}: {body}");
            assert!(body.matches("پرداخت").count() <= 1, "{due}: {body}");
            assert_eq!(body.matches("واریز").count(), 1, "{due}: {body}");
            // One «تسویه» per sentence at most: no «تسویه نشده … نسبت به تسویه آن».
            for sentence in body.split(['.', '؛']) {
                assert!(sentence.matches("تسویه").count() <= 1, "{due}: {body}");
            }
        }
    }
    for value in ["یک طرح", "سه طرح اولیه\nدو دور اصلاح"] {
        for option in [
            "پایه",
            "بسته پایه با یک طرح",
            "بسته پایه، با یک طرح و دو دور اصلاح",
        ] {
            for price in ["", "25000000"] {
                let set = [
                    ("value", value),
                    ("smaller_option", option),
                    ("smaller_price", price),
                ];
                let (_, body) = render("discount-1", &set);
                let case = format!("«{value}» «{option}» «{price}»");
                assert!(
                    body.contains(&format!(
                        "اگر بودجه‌تان محدود است، گزینه مقرون‌به‌صرفه‌تر ما {option}"
                    )),
                    "{case}: {body}"
                );
                assert_eq!(
                    body.contains("به قیمت "),
                    !price.is_empty(),
                    "{case}: {body}"
                );
                assert!(
                    !body.contains("گزینه مقرون‌به‌صرفه‌تری است که"),
                    "{case}: {body}"
                );
            }
        }
    }
    // A sentence stays a sentence of its own, after a colon.
    let option = "می‌توانیم فقط نشانه را طراحی کنیم.";
    let (_, body) = render("discount-1", &[("smaller_option", option)]);
    assert!(
        body.contains("داریم: می‌توانیم فقط نشانه را طراحی کنیم."),
        "{body}"
    );
    assert!(!body.contains("را، که"), "{body}");
    for (reason, want) in [
        (
            "تجهیزات نو خریده‌ایم",
            "توضیح دادیم، علت این افزایش آن است که تجهیزات نو خریده‌ایم.",
        ),
        (
            "هزینه‌های میزبانی دو برابر شده است.",
            "توضیح دادیم، علت این افزایش آن است که هزینه‌های میزبانی دو برابر شده است.",
        ),
        ("تورم", "توضیح دادیم، دلیل آن تورم است."),
        (
            "زیرا هزینه چاپ بالا رفته است.",
            "توضیح دادیم، این افزایش ناگزیر است، زیرا هزینه چاپ بالا رفته است.",
        ),
        (
            "به دلیل گران شدن نرم‌افزارها",
            "توضیح دادیم، نرخ را به دلیل گران شدن نرم‌افزارها افزایش داده‌ایم.",
        ),
    ] {
        for offer in [
            "",
            "ده درصد تخفیف تا پایان اسفند",
            "تا پایان اسفند، نرخ تازه را با ده درصد تخفیف حساب می‌کنیم.",
        ] {
            let (_, body) = render("price-increase-2", &[("reason", reason), ("offer", offer)]);
            let case = format!("«{reason}» «{offer}»");
            assert!(body.contains(want), "{case}: {body}");
            assert!(
                !body.contains("علت این افزایش آن است که زیرا"),
                "{case}: {body}"
            );
            // One rate word in the letter, whoever wrote it (round 25: «تازه» everywhere).
            assert!(!body.contains("نرخ جدید"), "{case}: {body}");
            assert!(body.contains("نرخ تازه"), "{case}: {body}");
        }
    }
    for end in [2, 10, 40] {
        for reason in ["", "انتظارات دو طرف از زمان‌بندی کار با هم سازگار نیست."]
        {
            let end_date = day(end);
            let balance_due = day(end + 20);
            let set = [
                ("end_date", end_date.as_str()),
                ("balance_due", balance_due.as_str()),
                ("reason", reason),
            ];
            let (_, body) = render("termination-2", &set);
            assert_eq!(body.matches("معرفی").count(), 1, "{end} «{reason}»: {body}");
            assert!(
                body.contains("اگر بخواهید، با کمال میل چند متخصص مطمئن را به شما معرفی می‌کنیم."),
                "{end} «{reason}»: {body}"
            );
        }
    }
    for breach in [
        "فایل‌های محرمانه پروژه بدون اجازه با شرکت دیگری به اشتراک گذاشته شد.",
        "فایل‌ها بدون اجازه منتشر شد",
        "انتشار بی‌اجازه فایل‌ها",
        "چون فایل‌ها بدون اجازه منتشر شد.",
        "به دلیل انتشار بی‌اجازه فایل‌ها",
    ] {
        for clause in ["", "بند ۷ قرارداد", "بند ۷"] {
            let (_, body) = render("termination-3", &[("breach", breach), ("clause", clause)]);
            let case = format!("«{breach}» «{clause}»");
            let named = body.find("تخلف").expect("«تخلف» is named");
            let this = body.find("این تخلف").expect("the rights line");
            assert!(named < this, "{case}: {body}");
            assert!(!body[..named].contains("این تخلف"), "{case}: {body}");
            assert!(body.matches("تخلف").count() == 2, "{case}: {body}");
            assert!(!body.contains("گرفته‌ایم:"), "{case}: {body}");
            assert!(
                !body.contains(".؛") && !body.contains("..") && !body.contains("؛."),
                "{case}: {body}"
            );
            assert_eq!(
                body.contains("پذیرفته‌اید."),
                !clause.is_empty(),
                "{case}: {body}"
            );
        }
    }
    for source in ["", "گوگل‌مپ"] {
        let (_, body) = render("complaint-reply", &[("source", source), ("fault", "none")]);
        assert!(
            body.contains("متأسفیم که این موضوع برایتان ناخوشایند بوده است."),
            "{body}"
        );
        assert!(!body.contains("تجربه خوشایندی"), "{body}");
        assert!(!body.contains("راضی نبوده‌اید"), "{body}");
    }
    for staff in ["خانم سارا احمدی", "خانم سارا احمدی، کارشناس پروژه"]
    {
        let (_, body) = render("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("کمترین انتظار خود می‌دانیم. ما همواره پشتیبان همکارانمان خواهیم بود."),
            "{body}"
        );
        assert!(!body.contains("در این باره، همواره"), "{body}");
    }
    // The rounding line follows the table itself: the last row differs from the first or not.
    for (amount, count) in [
        ("12500000", "3"),
        ("10000000", "4"),
        ("1000", "3"),
        ("9000000", "2"),
    ] {
        for agreed in ["", "2026-11-22"] {
            let set = [("amount", amount), ("count", count), ("agreed_on", agreed)];
            let (_, body) = render("payment-plan", &set);
            let case = format!("{amount}/{count} «{agreed}»");
            assert!(
                body.contains(" به توافق رسیدیم. آن را در این نامه"),
                "{case}: {body}"
            );
            assert!(!body.contains("بر برنامه پرداختی"), "{case}: {body}");
            let rows: Vec<&str> = body
                .lines()
                .filter(|l| l.starts_with("- قسط "))
                .map(|l| l.split(": ").nth(1).unwrap().split('،').next().unwrap())
                .collect();
            assert_eq!(rows.len(), count.parse::<usize>().unwrap(), "{case}");
            let uneven = rows.first() != rows.last();
            let line = "تفاوت ناشی از گرد کردن مبلغ‌ها در قسط آخر منظور شده است.";
            assert_eq!(
                body.matches(line).count(),
                usize::from(uneven),
                "{case}: {body}"
            );
            assert!(!body.contains("\n\n\n"), "{case}: {body}");
        }
    }
}

/// Round 24's English reading: an owner's alternative in any shape reads after one frame, the
/// end date is spelt out at most twice in a body, and six single-sentence touches.
#[test]
fn round_24_english_reading_reads_right() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // service-change and service-end: a noun phrase or a bare imperative follows "there is
    // another option:"; a bare action stays "we can"; a full sentence stands as typed.
    for (alternative, shown) in [
        ("call us", "If it helps, there is another option: call us."),
        (
            "email us first",
            "If it helps, there is another option: email us first.",
        ),
        (
            "a monthly summary email on request",
            "If it helps, there is another option: a monthly summary email on request.",
        ),
        (
            "phone support on weekdays",
            "If it helps, there is another option: phone support on weekdays.",
        ),
        (
            "move your mailboxes to another provider",
            "we can move your mailboxes to another provider.",
        ),
        (
            "We will move your mailboxes to another provider free of charge.",
            "we will move your mailboxes to another provider free of charge.",
        ),
    ] {
        for id in ["service-change", "service-end"] {
            let (_, body) = en(id, &[("alternative", alternative)]);
            assert!(body.contains(shown), "{id} {alternative}: {body}");
            assert!(!body.contains("offer you call"), "{body}");
            assert!(!body.contains("offer you email"), "{body}");
            assert!(!body.contains("we can offer you"), "{body}");
        }
    }
    for alternative in ["Call us on 020 7946 0000.", "Email us first."] {
        let (_, body) = en("service-change", &[("alternative", alternative)]);
        assert!(body.contains(&format!("\n{alternative}")), "{body}");
        assert!(!body.contains("another option"), "{body}");
    }
    // service-change: the purpose leads; it never hangs off the date.
    for (date, spelt) in [
        ("2026-12-22", "22 December 2026"),
        ("2027-01-31", "31 January 2027"),
    ] {
        let (_, body) = en("service-change", &[("effective_date", date)]);
        assert!(
            body.contains("We are writing to give you notice of a change to"),
            "{body}"
        );
        assert!(
            body.contains(&format!("takes effect on {spelt}.")),
            "{body}"
        );
        assert!(
            !body.contains("so that you have time to plan for it"),
            "{body}"
        );
    }
    let (_, body) = en("service-change", &[("effective_date", "2026-11-29")]);
    assert!(!body.contains("time to plan"), "{body}");
    assert!(
        body.contains("that takes effect on 29 November 2026."),
        "{body}"
    );
    // The end date spelt out at most twice in a body; "then" or "the same day" after that.
    for (date, spelt) in [
        ("2026-12-09", "9 December 2026"),
        ("2026-12-25", "25 December 2026"),
        ("2027-01-09", "9 January 2027"),
    ] {
        for id in [
            "termination-1",
            "termination-2",
            "respect-3",
            "termination-3",
        ] {
            for handover in ["", "The final files will be delivered on a USB stick."] {
                let mut set = vec![("end_date", date), ("balance_due", "2027-02-15")];
                if id != "termination-3" {
                    set.push(("handover", handover));
                }
                if id == "termination-1" {
                    set.push(("kind", "parting"));
                }
                let (_, body) = en(id, &set);
                let count = body.matches(spelt).count();
                // termination-3 dates its final invoice too (round 25 asked for the date
                // again rather than "on the same day").
                // termination-1 names the end date again in "Until …" (round 26).
                let most = if ["termination-1", "termination-3"].contains(&id) {
                    3
                } else {
                    2
                };
                assert!((1..=most).contains(&count), "{id} {date}: {body}");
            }
        }
        let (_, body) = en(
            "termination-1",
            &[("end_date", date), ("balance_due", "2027-02-15")],
        );
        assert!(
            body.contains(&format!("Until {spelt}, everything will continue")),
            "{body}"
        );
        let (_, body) = en(
            "termination-3",
            &[("end_date", date), ("balance_due", "2027-02-15")],
        );
        assert!(
            body.contains(&format!("With effect from {spelt}, we will carry out")),
            "{body}"
        );
        assert!(
            body.contains(&format!("will be sent to you on {spelt};")),
            "{body}"
        );
        assert!(
            body.contains("will be removed when the agreement ends"),
            "{body}"
        );
    }
    // Single touches.
    let (_, body) = en("respect-1", &[]);
    assert!(body.contains("This troubled all of us, and"), "{body}");
    assert!(!body.contains("was a concern to all"), "{body}");
    let (_, body) = en("respect-2", &[]);
    assert!(
        body.contains("Our team puts its full effort into your work"),
        "{body}"
    );
    assert!(!body.contains("Our people"), "{body}");
    let (_, body) = en("boundary-2", &[("priority_fee", "500")]);
    assert!(
        body.contains("If your work needs quicker answers"),
        "{body}"
    );
    assert!(!body.contains("calls for quicker"), "{body}");
    for reason in [
        "we have bought new equipment",
        "Hosting costs have doubled.",
        "rising costs",
    ] {
        let (_, body) = en("price-increase-2", &[("reason", reason)]);
        assert!(
            body.contains("We will, however, be going ahead with the change as announced"),
            "{reason}: {body}"
        );
        assert!(!body.contains("keep the change"), "{body}");
    }
    for missed in ["pause", "balance_due"] {
        let (_, body) = en(
            "payment-plan",
            &[("grace_days", "1"), ("if_missed", missed)],
        );
        assert!(
            body.contains("If an instalment is still unpaid the day after its due date, "),
            "{body}"
        );
        let (_, body) = en(
            "payment-plan",
            &[("grace_days", "7"), ("if_missed", missed)],
        );
        assert!(body.contains("is still unpaid seven days after"), "{body}");
    }
}

/// Round 24's Persian reading, pass 25: termination-1 states its decision before «این تصمیم»
/// and refers the provider to the client; payment-plan and complaint-reply keep the adverbial
/// or the object next to its verb; discount-1 names the cheaper option without «را، که …،»;
/// respect-2 ends on its own sentence; payment-2 says «افزوده شده»; price-increase-2 has one
/// rate word; service-end dates the stop (the day after the last) in the sentence that
/// announces it.
#[test]
fn persian_round_25_careful_touches() {
    let library = Library::load(None);
    let render = |id: &str, set: &[(&str, &str)]| {
        let (subject, body) = typical_with(&library, Lang::Fa, id, set, &[]);
        (plain(&subject), plain(&body))
    };
    let day = |n: i64| marz::dates::iso(date() + chrono::Duration::days(n));
    for kind in ["parting", "non_renewal"] {
        for end in [0, 10, 40] {
            for reason in [
                "",
                "بازنشستگی",
                "تیم ما کوچک‌تر شده است.",
                "چون تیم ما کوچک شده است.",
                "به دلیل بازنشستگی",
            ] {
                let end_date = day(end);
                let balance_due = day(end + 10);
                let set = [
                    ("kind", kind),
                    ("end_date", end_date.as_str()),
                    ("balance_due", balance_due.as_str()),
                    ("reason", reason),
                ];
                let (_, body) = render("termination-1", &set);
                let case = format!("{kind} {end} «{reason}»");
                let decided = body.find("تصمیم گرفته‌ایم").expect(&case);
                if let Some(this) = body.find("این تصمیم") {
                    assert!(decided < this, "{case}: {body}");
                }
                for gone in [
                    "همکاری ما در تاریخ",
                    "همکاری ما امروز",
                    "تمدید نخواهیم کرد",
                    "به پایان می‌رسد، تمدید",
                ] {
                    assert!(!body.contains(gone), "{case}: {body}");
                }
                if kind == "parting" {
                    assert!(body.contains("همکاری‌مان را "), "{case}: {body}");
                    assert!(body.contains(" به پایان برسانیم"), "{case}: {body}");
                } else {
                    assert!(body.contains("تمدید نکنیم"), "{case}: {body}");
                }
            }
        }
    }
    for (referral, want) in [
        (
            "استودیو طراحی آبی",
            "خوشحال می‌شویم استودیو طراحی آبی را به شما معرفی کنیم",
        ),
        (
            "آقای نادری، عکاس صنعتی",
            "خوشحال می‌شویم آقای نادری، عکاس صنعتی، را به شما معرفی کنیم",
        ),
        // The owner's own «به» stays, so the old order is kept around it.
        (
            "به استودیو آبی",
            "خوشحال می‌شویم شما را به استودیو آبی معرفی کنیم",
        ),
    ] {
        for kind in ["parting", "non_renewal"] {
            let (_, body) = render("termination-1", &[("kind", kind), ("referral", referral)]);
            assert!(body.contains(want), "{referral}: {body}");
            assert!(!body.contains("به به "), "{referral}: {body}");
        }
    }
    for agreed in ["", "-1", "-12"] {
        let agreed_on = agreed.parse::<i64>().map(day).unwrap_or_default();
        let (_, body) = render("payment-plan", &[("agreed_on", agreed_on.as_str())]);
        assert!(!body.contains("، درباره برنامه پرداخت"), "{agreed}: {body}");
        let opening = if agreed.is_empty() {
            "در گفت‌وگوی اخیرمان درباره برنامه پرداخت صورت‌حساب"
        } else {
            "در گفت‌وگوی روز "
        };
        assert!(body.starts_with(opening), "{agreed}: {body}");
        assert_eq!(
            body.matches("به توافق رسیدیم.").count(),
            1,
            "{agreed}: {body}"
        );
    }
    for option in [
        "پایه",
        "بسته پایه با یک طرح",
        "بسته پایه، با یک طرح و دو دور اصلاح",
    ] {
        for price in ["", "25000000"] {
            let (_, body) = render(
                "discount-1",
                &[("smaller_option", option), ("smaller_price", price)],
            );
            let case = format!("«{option}» «{price}»");
            assert!(!body.contains("را، که"), "{case}: {body}");
            assert!(
                !body.contains(&format!("داریم: {option}")),
                "{case}: {body}"
            );
            let want = match (price.is_empty(), option.contains('،')) {
                (true, _) => format!("گزینه مقرون‌به‌صرفه‌تر ما {option} است."),
                (false, true) => format!("گزینه مقرون‌به‌صرفه‌تر ما {option}، به قیمت "),
                (false, false) => format!("گزینه مقرون‌به‌صرفه‌تر ما {option} به قیمت "),
            };
            assert!(body.contains(&want), "{case}: {body}");
            assert_eq!(
                body.contains("به قیمت "),
                !price.is_empty(),
                "{case}: {body}"
            );
        }
    }
    for price in ["", "25000000"] {
        let option = "می‌توانیم فقط نشانه را طراحی کنیم.";
        let (_, body) = render(
            "discount-1",
            &[("smaller_option", option), ("smaller_price", price)],
        );
        assert!(body.contains(&format!("داریم: {option}\n")), "{body}");
        assert!(!body.contains("گزینه مقرون‌به‌صرفه‌تر ما"), "{body}");
    }
    for staff in ["خانم سارا احمدی", "آقای علی راد، کارشناس پروژه"]
    {
        let (_, body) = render("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("کمترین انتظار خود می‌دانیم. ما همواره پشتیبان همکارانمان خواهیم بود."),
            "{body}"
        );
        assert!(!body.contains("می‌دانیم و همواره"), "{body}");
    }
    for received in ["", "-5"] {
        let received_on = received.parse::<i64>().map(day).unwrap_or_default();
        for topic in ["کیفیت چاپ", "درباره تأخیر در تحویل"] {
            let (_, body) = render(
                "complaint-reply",
                &[("received_on", received_on.as_str()), ("topic", topic)],
            );
            assert!(body.contains(" نوشته بودید خواندیم. "), "{topic}: {body}");
            assert!(!body.contains("نوشته بودید،"), "{topic}: {body}");
        }
    }
    for fee in ["250000", "1500000"] {
        let (_, body) = render(
            "payment-2",
            &[("late_fee", fee), ("fee_clause", "بند ۵ قرارداد")],
        );
        assert!(body.contains("به صورت‌حساب افزوده شده و"), "{body}");
        assert!(!body.contains("اضافه شده"), "{body}");
    }
    for reason in [
        "تورم",
        "تجهیزات نو خریده‌ایم",
        "هزینه‌های میزبانی دو برابر شده است.",
    ] {
        for offer in [
            "",
            "ده درصد تخفیف تا پایان اسفند",
            "تا پایان اسفند، نرخ تازه را با ده درصد تخفیف حساب می‌کنیم.",
            "تا پایان اسفند، نرخ جدید را با ده درصد تخفیف حساب می‌کنیم.",
        ] {
            let (_, body) = render("price-increase-2", &[("reason", reason), ("offer", offer)]);
            let case = format!("«{reason}» «{offer}»");
            let (word, other) = if offer.contains("نرخ جدید") {
                ("نرخ جدید", "نرخ تازه")
            } else {
                ("نرخ تازه", "نرخ جدید")
            };
            assert!(
                body.contains(&format!("ناچاریم {word} را طبق برنامه از ")),
                "{case}: {body}"
            );
            assert!(!body.contains(other), "{case}: {body}");
        }
    }
    for end in [0, 20, 60] {
        for reason in [
            "به دلیل کمبود نیرو",
            "کمبود نیرو",
            "تقاضا برای این خدمت کم شده است.",
            "چون تقاضا کم شده است.",
        ] {
            let end_date = day(end);
            let (_, body) = render(
                "service-end",
                &[("end_date", end_date.as_str()), ("reason", reason)],
            );
            let case = format!("{end} «{reason}»");
            let first = body.split("\n\n").next().unwrap();
            // «ادامه» is left to the owner's reason, which often says it.
            assert!(!body.contains("ادامه نمی‌دهیم"), "{case}: {body}");
            assert!(first.contains(" متوقف می‌کنیم"), "{case}: {body}");
            // The date is in the stop sentence, and only there in the paragraph.
            let stop = first.split(" متوقف می‌کنیم").next().unwrap();
            assert!(
                stop.contains(if end == 0 {
                    "را پس از امروز، "
                } else {
                    "را پس از "
                }),
                "{case}: {body}"
            );
            assert_eq!(first.matches("۱۴۰").count(), 1, "{case}: {body}");
            assert!(stop.contains("۱۴۰"), "{case}: {body}");
            let until = if end == 0 {
                "تا پایان امروز مانند گذشته در خدمتتان هستیم."
            } else {
                "تا پایان آن روز مانند گذشته در خدمتتان هستیم."
            };
            assert!(first.ends_with(until), "{case}: {body}");
        }
    }
}

/// Round 25's English reading: a short verbless phrase typed with a full stop takes the
/// phrase path in every slot that chooses, exactly as without the stop; real sentences with a
/// stop still stand as typed.
#[test]
fn en_round25_a_verbless_phrase_with_a_stop_reads_as_the_phrase_without_it() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    for phrase in [
        "staff shortages",
        "Staff shortages",
        "rising costs",
        "Rising costs",
        "low demand",
    ] {
        let lower = phrase.to_lowercase();
        for (id, key, frame) in [
            ("service-change", "reason", "decision because of "),
            ("termination-2", "reason", "decision because of "),
            ("termination-1", "reason", "decision because of "),
            ("respect-3", "reason", "decision because of "),
            (
                "service-end",
                "reason",
                "The main reason for our decision is ",
            ),
            ("price-increase-1", "reason", "the main reason is "),
        ] {
            let mut set = vec![(key, phrase)];
            if id == "termination-1" {
                set.push(("kind", "parting"));
            }
            let (_, bare) = en(id, &set);
            let stopped = format!("{phrase}.");
            set[0] = (key, stopped.as_str());
            let (_, body) = en(id, &set);
            assert_eq!(body, bare, "{id} {phrase}");
            assert!(
                body.contains(&format!("{frame}{lower}.")),
                "{id} {phrase}: {body}"
            );
        }
    }
    // complaint-reply facts: a lone participle phrase is no sentence, stop or none.
    for facts in ["delivered on time", "Delivered on time", "delivered late"] {
        let (_, bare) = en("complaint-reply", &[("facts", facts), ("fault", "none")]);
        let stopped = format!("{facts}.");
        let (_, body) = en(
            "complaint-reply",
            &[("facts", stopped.as_str()), ("fault", "none")],
        );
        assert_eq!(body, bare, "{facts}");
        assert!(!body.contains("looked into the matter: "), "{body}");
    }
    // Real sentences with a stop keep the sentence path.
    for (id, reason) in [
        ("termination-2", "Our costs rose."),
        ("termination-2", "Nothing changes."),
        ("service-change", "We are short of staff."),
        ("price-increase-1", "Costs doubled."),
    ] {
        let (_, body) = en(id, &[("reason", reason)]);
        assert!(!body.contains("because of"), "{reason}: {body}");
        assert!(!body.contains("the main reason is"), "{reason}: {body}");
    }
}

/// Round 25's English reading: reverted and touched wordings, several values each.
#[test]
fn en_round25_touches() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // termination-3 dates the final invoice; never "on the same day".
    for (date, spelt) in [
        ("2026-12-30", "30 December 2026"),
        ("2027-02-10", "10 February 2027"),
    ] {
        let (_, body) = en(
            "termination-3",
            &[("end_date", date), ("balance_due", "2027-03-01")],
        );
        assert!(
            body.contains(&format!("will be sent to you on {spelt}")),
            "{body}"
        );
        assert!(!body.contains("same day"), "{body}");
        // service-change: a plain notice opening with no hanging purpose clause.
        let (_, body) = en("service-change", &[("effective_date", date)]);
        assert!(
            body.contains("We are writing to give you notice of a change to ")
                && body.contains(&format!(", which takes effect on {spelt}.")),
            "{body}"
        );
        assert!(!body.contains("so that you have time to plan"), "{body}");
    }
    for missed in ["pause", "balance_due"] {
        let (_, body) = en(
            "payment-plan",
            &[("grace_days", "1"), ("if_missed", missed)],
        );
        assert!(
            body.contains("is still unpaid the day after its due date"),
            "{body}"
        );
        assert!(
            !body.contains("has not been paid by the day after"),
            "{body}"
        );
    }
    // respect-1: "Everyone in our team", and a one-word abstract incident takes no "the".
    let (_, body) = en("respect-1", &[]);
    assert!(
        body.contains("Everyone in our team takes real care over your work, and we stand behind every one of them."),
        "{body}"
    );
    assert!(!body.contains("Our whole team"), "{body}");
    for incident in ["rudeness", "Rudeness", "hostility"] {
        let (subject, body) = typical_with(
            &library,
            Lang::En,
            "respect-1",
            &[("incident", incident), ("behaviour", "shouting")],
            &["incident_date", "staff"],
        );
        let low = incident.to_lowercase();
        assert!(body.contains(&format!("It concerns {low}")), "{body}");
        assert!(!body.contains(&format!("the {low}")), "{body}");
        assert!(subject.contains(&format!("About {low}")), "{subject}");
    }
    // A determined or countable incident keeps its article.
    let (_, body) = typical_with(
        &library,
        Lang::En,
        "respect-1",
        &[("incident", "meeting"), ("behaviour", "shouting")],
        &["incident_date", "staff"],
    );
    assert!(body.contains("It concerns the meeting"), "{body}");
    // termination-2 "to give you enough time"; respect-2 names meetings too.
    for date in ["2027-01-20", "2027-03-01"] {
        let (_, body) = en(
            "termination-2",
            &[("end_date", date), ("balance_due", "2027-04-01")],
        );
        assert!(body.contains("to give you enough time"), "{body}");
        assert!(!body.contains("leave you enough time"), "{body}");
    }
    for staff in ["Ms Sara Ahmadi", "our designer, Ali Rad"] {
        let (_, body) = en("respect-2", &[("staff", staff)]);
        assert!(
            body.contains("keep every meeting, call and message respectful from now on."),
            "{body}"
        );
    }
}

#[test]
fn en_round26_noun_phrase_actions_imperative_alternatives_and_seams() {
    let library = Library::load(None);
    let en = |id: &str, set: &[(&str, &str)]| typical_with(&library, Lang::En, id, set, &[]);
    // complaint-reply: a noun phrase, capitalised or not, with or without a stop, takes the
    // goodwill frame; a bare singular gets "a"; a real sentence stays a sentence.
    for (action, offered) in [
        (
            "A 10% discount on your next order.",
            "a 10% discount on your next order",
        ),
        (
            "a 10% discount on your next order",
            "a 10% discount on your next order",
        ),
        ("Refund of the delivery fee", "a refund of the delivery fee"),
        ("A free reprint.", "a free reprint"),
        ("Full refund.", "a full refund"),
        (
            "Free delivery on your next order.",
            "free delivery on your next order",
        ),
        ("Discounts on future orders.", "discounts on future orders"),
    ] {
        let set = [("action", action), ("fault", "none")];
        let (_, body) = en("complaint-reply", &set);
        assert!(
            body.contains(&format!(
                "As a gesture of goodwill, we would like to offer you {offered}. We hope this helps to settle the matter."
            )),
            "{body}"
        );
        let (_, body) = en("complaint-reply", &[("action", action), ("fault", "ours")]);
        assert!(
            body.contains(&format!(
                "We would like to offer you {offered}, and we hope this goes some way towards putting things right."
            )),
            "{body}"
        );
        assert!(!body.contains("gesture of goodwill"), "{body}");
    }
    let (_, body) = en(
        "complaint-reply",
        &[("action", "We have refunded the delivery charge.")],
    );
    assert!(
        body.contains("As a gesture of goodwill, we have refunded the delivery charge. We hope"),
        "{body}"
    );
    assert!(!body.contains("offer you we"), "{body}");
    // scope-1: an instruction typed as the option follows a colon, in lower case; a noun
    // phrase and a bare action keep their frames.
    for (alternative, out) in [
        (
            "Wait until phase two.",
            "there is another option: wait until phase two.",
        ),
        (
            "wait until phase two",
            "there is another option: wait until phase two.",
        ),
        (
            "Wait until phase two is finished.",
            "there is another option: wait until phase two is finished.",
        ),
        (
            "Start with the home page only.",
            "there is another option: start with the home page only.",
        ),
        (
            "Split the work into two phases.",
            "we could split the work into two phases.",
        ),
        (
            "a simpler one-page version for $250",
            "we could offer a simpler one-page version for $250.",
        ),
    ] {
        let (_, body) = en("scope-1", &[("alternative", alternative)]);
        assert!(
            body.contains(&format!("If you would prefer, {out}")),
            "{body}"
        );
        assert!(!body.contains("could offer Wait"), "{body}");
    }
    // termination-1 names the end date again; "Until then" would point back to "now".
    for (date, spelt) in [
        ("2027-01-09", "9 January 2027"),
        ("2027-03-01", "1 March 2027"),
    ] {
        for kind in ["parting", "non_renewal"] {
            let (_, body) = en(
                "termination-1",
                &[
                    ("kind", kind),
                    ("end_date", date),
                    ("balance_due", "2027-04-01"),
                ],
            );
            assert!(
                body.contains(&format!(
                    "Until {spelt}, everything will continue as before."
                )),
                "{body}"
            );
            assert!(!body.contains("Until then"), "{body}");
        }
    }
    // termination-3: "From today" after "with immediate effect"; a later date keeps its own.
    let (_, body) = en("termination-3", &[("end_date", "2026-11-22")]);
    assert!(body.contains("with immediate effect"), "{body}");
    assert!(
        body.contains("From today, we will carry out no further work for you."),
        "{body}"
    );
    assert!(!body.contains("With effect from today"), "{body}");
    let (_, body) = en(
        "termination-3",
        &[("end_date", "2026-12-30"), ("balance_due", "2027-01-15")],
    );
    assert!(
        body.contains("With effect from 30 December 2026, we will carry out no further work"),
        "{body}"
    );
    // price-increase-2: a monthly or yearly fee keeps the current rate until the date; per
    // job, hour or day keeps "work already agreed".
    for per in ["month", "year"] {
        let (_, body) = en(
            "price-increase-2",
            &[("grandfather", "current"), ("per", per)],
        );
        assert!(
            body.contains("Until then, you will continue to pay the current rate."),
            "{body}"
        );
        assert!(!body.contains("work already agreed"), "{body}");
    }
    for per in ["job", "hour", "day"] {
        let (_, body) = en(
            "price-increase-2",
            &[("grandfather", "current"), ("per", per)],
        );
        assert!(body.contains("Any work already agreed before"), "{body}");
        assert!(!body.contains("continue to pay the current rate"), "{body}");
    }
}

/// Round 27 (fa): when termination-3 lists the client's own materials with their return date,
/// the access line no longer promises «مدرک» back on another date.
#[test]
fn persian_termination_3_returns_documents_on_one_date() {
    let library = Library::load(None);
    for materials in [
        "",
        "عکس‌ها و متن‌هایی که برای کاتالوگ فرستاده بودید",
        "نمونه‌های چاپی",
    ] {
        for end in ["2026-11-25", "2026-12-01"] {
            let set = [("materials", materials), ("end_date", end)];
            let (_, body) = typical_with(&library, Lang::Fa, "termination-3", &set, &[]);
            let body = plain(&body);
            assert_eq!(
                body.contains("یا مدرکی که از شما نزد ما باشد"),
                materials.is_empty(),
                "«{materials}» {end}: {body}"
            );
            if !materials.is_empty() {
                assert!(
                    body.contains("- هر دسترسی یا اطلاعات ورودی که از شما نزد ما باشد، "),
                    "«{materials}» {end}: {body}"
                );
                assert_eq!(
                    body.matches("مدرک").count(),
                    0,
                    "«{materials}» {end}: {body}"
                );
            }
        }
    }
}
