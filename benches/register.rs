//! The register at scale: a workspace with 10,000 clients and 10,000 letters against an empty
//! one. An export (open the register, plan the letter, take a number, write the file,
//! record it), a search, the first page of the register, the due list, and a whole `marz
//! render --out` process. Run with `cargo bench --bench register`.
//!
//! The 10,000 letters reach the register the way an existing workspace's would: as
//! `history/*.toml` files, taken over on the first open (that time is printed too).

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use marz::Library;
use marz::export::{Exporter, Format};
use marz::register::{Destination, Filter, Register, ThreadPick};
use marz::store::Store;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "common/big.rs"]
mod big;
use big::{CLIENTS, LETTERS, big_workspace};

/// A new invoice each time, so that every export starts a thread of its own (as many
/// letters to many clients do) rather than lengthening one thread without end.
fn invoice() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("B-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// One export as the app and the CLI do it: open the register, plan, send to a text file.
fn export_once(store: &Store, library: &Library, exporter: &Exporter, client: &str, out: &Path) {
    let mut register = Register::open(store.root()).unwrap();
    let sender = store.load_sender().unwrap();
    let client = store.load_client(client).unwrap();
    let template = library.get("payment-1", client.language).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let plan = register
        .plan(
            template,
            &client,
            &sender,
            &BTreeMap::from([("invoice".to_string(), invoice())]),
            date,
            ThreadPick::Auto,
        )
        .unwrap();
    let destination = Destination::File {
        path: out.to_path_buf(),
        format: Format::Text,
    };
    register
        .send_plan(exporter, library, &plan, destination, 0)
        .unwrap();
}

fn cli_export(data: &Path, client: &str, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_marz"))
        .arg("--data-dir")
        .arg(data)
        .args([
            "render",
            "payment-1",
            "--client",
            client,
            "--date",
            "2026-11-22",
            "--set",
            &format!("invoice={}", invoice()),
            "--out",
        ])
        .arg(out)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let empty_root = dir.path().join("empty");
    let (empty, _) = Store::open(&empty_root).unwrap();
    // MARZ_BENCH_DIR keeps the large workspace between runs (it takes half a minute to write).
    let kept = std::env::var_os("MARZ_BENCH_DIR").map(PathBuf::from);
    let big_root: PathBuf = kept.unwrap_or_else(|| dir.path().to_path_buf()).join("big");
    let started = Instant::now();
    let big = if big_root.join("history").exists() {
        Store::new(&big_root)
    } else {
        big_workspace(&big_root)
    };
    eprintln!(
        "workspace with {CLIENTS} clients and {LETTERS} letters in history/ written in {:.1?}",
        started.elapsed()
    );
    let started = Instant::now();
    let register = Register::open(big.root()).unwrap();
    eprintln!(
        "first open took over {} letters in {:.1?}",
        register.takeover().map_or(0, |t| t.imported),
        started.elapsed()
    );
    drop(register);
    let library = Library::load(None);
    let exporter = Exporter::default();
    let out = dir.path().join("out.txt");

    let mut group = c.benchmark_group("export");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("empty workspace", |b| {
        b.iter(|| export_once(&empty, &library, &exporter, "sample-reza", &out))
    });
    group.bench_function("10,000 clients and 10,000 letters", |b| {
        b.iter(|| export_once(&big, &library, &exporter, "sample-reza", &out))
    });
    group.bench_function("marz render --out (process), empty workspace", |b| {
        b.iter(|| cli_export(&empty_root, "sample-reza", &out))
    });
    group.bench_function(
        "marz render --out (process), 10,000 clients and 10,000 letters",
        |b| b.iter(|| cli_export(&big_root, "sample-reza", &out)),
    );
    group.finish();

    let register = Register::open(big.root()).unwrap();
    let total = register.list(&Filter::default(), 0, 1).unwrap().total;
    assert!(total >= LETTERS, "{total}");
    let mut group = c.benchmark_group("register of 10,000 letters");
    for (name, query) in [
        ("search a common word, first 50 of thousands", "پرداخت"),
        (
            "search a client name with Arabic letter forms",
            "كاوه يزداني",
        ),
        ("search an invoice", "INV-4242"),
        ("search a letter number", "NA/1405/4000"),
    ] {
        let filter = Filter {
            search: Some(query.to_string()),
            ..Filter::default()
        };
        let hits = register.list(&filter, 0, 50).unwrap();
        assert!(hits.total > 0, "{query} finds nothing");
        eprintln!("{query}: {} letters", hits.total);
        group.bench_function(name, |b| {
            b.iter(|| black_box(register.list(black_box(&filter), 0, 50).unwrap()))
        });
    }
    group.bench_function("first page (50, newest first) and the count", |b| {
        b.iter(|| black_box(register.list(&Filter::default(), 0, 50).unwrap()))
    });
    let today = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    eprintln!(
        "due on {today}: {} threads",
        register.due(today, None).unwrap().len()
    );
    group.bench_function("the due list, all of it", |b| {
        b.iter(|| black_box(register.due(today, None).unwrap()))
    });
    group.bench_function("the due list, first 50", |b| {
        b.iter(|| black_box(register.due_first(today, None, 50).unwrap()))
    });
    group.bench_function("a client's threads", |b| {
        b.iter(|| black_box(register.threads_of("client-04242", today).unwrap()))
    });
    group.bench_function("open the register", |b| {
        b.iter(|| black_box(Register::open(big.root()).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
