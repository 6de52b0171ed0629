//! PDF speed: one letter with the engine warm, and a batch of 100 letters.
//! Run with `cargo bench --bench pdf`.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use marz::pdf::PdfRenderer;
use marz::render::{Draft, render};
use marz::store::{sample_clients, sample_sender};
use marz::{Lang, Letter, Library};
use std::collections::BTreeMap;
use std::hint::black_box;

fn ultimatum(lang: Lang) -> Letter {
    let library = Library::load(None);
    let template = library.get("payment-3", lang).unwrap();
    let client = sample_clients()
        .into_iter()
        .find(|c| c.language == lang)
        .unwrap();
    render(&Draft {
        template,
        client: &client,
        sender: &sample_sender(),
        values: &BTreeMap::new(),
        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        number: "NA/1405/001".to_string(),
    })
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let renderer = PdfRenderer::new();
    for lang in Lang::ALL {
        let letter = ultimatum(lang);
        renderer.render(&letter, None).unwrap(); // warm: fonts parsed, template compiled
        c.bench_function(&format!("pdf, one letter, warm engine, {lang}"), |b| {
            b.iter(|| renderer.render(black_box(&letter), None).unwrap())
        });
    }
    // 100 different letters (numbers differ, so no result is simply reused).
    let letters: Vec<Letter> = (0..100)
        .map(|i| {
            let mut l = ultimatum(if i % 3 == 0 { Lang::En } else { Lang::Fa });
            l.number = format!("NA/1405/{i:03}");
            l
        })
        .collect();
    let mut group = c.benchmark_group("pdf batch");
    group.sample_size(10);
    group.bench_function("100 letters", |b| {
        b.iter(|| {
            for l in &letters {
                black_box(renderer.render(l, None).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
