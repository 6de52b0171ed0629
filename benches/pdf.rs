//! PDF speed with the sample workspace's letterhead, signature and stamp: one letter with
//! the engine warm, the page preview (typeset and draw page 1), and a batch of 100 letters
//! typeset on every core, one at a time, and with a new `marz` process per letter.
//! Run with `cargo bench --bench pdf`.

use criterion::{Criterion, criterion_group, criterion_main};
use marz::export::{Exporter, Format};
use marz::store::Store;
use marz::{Lang, Letter};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::process::{Command, Stdio};

#[path = "common/sample.rs"]
mod sample;
use sample::sample_letter;

fn ultimatum(lang: Lang) -> Letter {
    sample_letter("payment-3", lang, &BTreeMap::new(), "NA/1405/001")
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path().join("data")).unwrap();
    let sender = store.load_sender().unwrap();
    let exporter = Exporter::new(store.load_stationery(&sender).unwrap());
    // Each run gets another number: Typst remembers work it has done, and the same
    // letter twice would be partly free.
    let numbered = |letter: &Letter, n: &mut u32| {
        *n += 1;
        Letter {
            number: format!("NA/1405/{n}"),
            ..letter.clone()
        }
    };
    let mut n = 0;
    for lang in Lang::ALL {
        let letter = ultimatum(lang);
        // Warm: fonts parsed, template compiled, images decoded.
        exporter.bytes(&letter, Format::Pdf, 0).unwrap();
        c.bench_function(&format!("pdf, one letter, warm engine, {lang}"), |b| {
            b.iter(|| {
                let letter = numbered(&letter, &mut n);
                exporter.bytes(black_box(&letter), Format::Pdf, 0).unwrap()
            })
        });
    }
    let letter = ultimatum(Lang::Fa);
    c.bench_function("preview: typeset and draw page 1 at 1.5 px/pt, fa", |b| {
        b.iter(|| {
            let letter = numbered(&letter, &mut n);
            exporter
                .typeset(black_box(&letter))
                .unwrap()
                .page_image(0, 1.5)
                .unwrap()
        })
    });

    // 100 different letters (numbers differ, so no result is simply reused).
    let letters: Vec<Letter> = (0..100)
        .map(|i| {
            let mut l = ultimatum(if i % 3 == 0 { Lang::En } else { Lang::Fa });
            l.number = format!("NA/1405/{i:03}");
            l
        })
        .collect();
    let mut group = c.benchmark_group("pdf batch of 100 letters");
    group.sample_size(10);
    group.bench_function(
        format!("in parallel ({} threads)", rayon::current_num_threads()),
        |b| {
            b.iter(|| {
                // The batch's own machinery: typeset on every core, handed over in order.
                let mut sizes = Vec::new();
                marz::export::in_order(
                    letters.iter().collect(),
                    |l| exporter.bytes(l, Format::Pdf, 0).unwrap(),
                    |_, pdf| sizes.push(pdf.len()),
                );
                sizes
            })
        },
    );
    group.bench_function("one at a time", |b| {
        b.iter(|| {
            letters
                .iter()
                .map(|l| exporter.bytes(l, Format::Pdf, 0).unwrap())
                .collect::<Vec<_>>()
        })
    });
    // What a script calling the CLI once per letter pays: start-up, workspace, engine.
    let data = store.root().to_path_buf();
    group.bench_function("a new marz process per letter", |b| {
        b.iter(|| {
            for (i, l) in letters.iter().enumerate() {
                let client = if l.lang == Lang::En {
                    "sample-daniel"
                } else {
                    "sample-reza"
                };
                let status = Command::new(env!("CARGO_BIN_EXE_marz"))
                    .arg("--data-dir")
                    .arg(&data)
                    .args(["render", "payment-3", "--client", client, "--format", "pdf"])
                    .args([
                        "--date",
                        "2026-11-22",
                        "--number",
                        &format!("NA/1405/{i:03}"),
                    ])
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                assert!(status.success());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
