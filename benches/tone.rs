//! How long the tone checker takes on a two-page letter, so the desktop app can check on
//! every keystroke. Run with `cargo bench --bench tone`.
//!
//! Two cases per language: a check with nothing kept from before (every sentence is
//! tokenised, matched against the cue lists and scored by the classifier), and a keystroke
//! (the letter was checked before and one character changed at its end, as when typing).

use criterion::{Criterion, criterion_group, criterion_main};
use marz::Lang;
use marz::tone;
use std::collections::BTreeMap;
use std::hint::black_box;

#[path = "common/sample.rs"]
mod sample;
use sample::sample_letter;

/// A real letter whose body is repeated until it is about two A4 pages (~5,500 characters,
/// roughly 900 words).
fn two_page_letter(lang: Lang) -> String {
    let values = BTreeMap::from([("reason".to_string(), "x".to_string())]);
    let mut letter = sample_letter("termination-2", lang, &values, "1");
    let body = letter.body.clone();
    while letter.to_text().chars().count() < 5_500 {
        letter.body.push_str("\n\n");
        letter.body.push_str(&body);
    }
    letter.to_text()
}

fn bench(c: &mut Criterion) {
    for lang in Lang::ALL {
        let text = two_page_letter(lang);
        assert!(tone::check(&text, lang).is_empty());
        let chars = text.chars().count();
        c.bench_function(
            &format!("tone check, two-page letter, {lang} ({chars} chars), nothing kept"),
            |b| {
                b.iter(|| {
                    tone::forget_readings();
                    tone::check(black_box(&text), lang)
                })
            },
        );
        // A keystroke: the last sentence gains or loses a character.
        let typed = format!("{text}x");
        let mut flip = false;
        c.bench_function(
            &format!("tone check, two-page letter, {lang} ({chars} chars), a keystroke"),
            |b| {
                b.iter(|| {
                    flip = !flip;
                    let t = if flip { &typed } else { &text };
                    tone::check(black_box(t), lang)
                })
            },
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
