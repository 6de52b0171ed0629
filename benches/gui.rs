//! The desktop app's speed: start to first frame, and what one keystroke costs while
//! composing a two-page letter (update, then the frame: view, layout and drawing).
//! Run with `cargo bench --bench gui`. The start-up case launches the real binary and
//! needs an X display (e.g. `xvfb-run cargo bench --bench gui`); it is skipped without one.

// The app lives in the binary; the bench compiles the same modules (their unit tests
// come along unused, hence the allow), and the window-less renderer, which the binary
// itself leaves out.
#[path = "../src/gui/mod.rs"]
#[allow(dead_code, unused_imports)]
mod gui;
// (When the bench is checked as a test, `gui` compiles `offscreen` itself.)
#[cfg(not(test))]
#[path = "../src/gui/offscreen.rs"]
#[allow(dead_code)]
mod offscreen;
#[cfg(test)]
use gui::offscreen;

#[path = "common/big.rs"]
mod big;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use gui::App;
// What `offscreen` takes from its parent module in the app.
#[cfg(not(test))]
use gui::theme;
use gui::{Message, compose};
use iced::widget::text_editor::{Action, Edit, Motion};
use marz::Lang;
use marz::store::Store;
use offscreen::Offscreen;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Harsh sentences an angry owner might add, each flagged by the tone check.
const HARSH: &str =
    "راستش را بخواهید، مشکل از شماست. دستتان درد نکند که بالاخره جواب دادید! چند بار باید بگویم؟";

/// The Persian compose screen with the body in "Edit text" mode, lengthened to about two
/// A4 pages (~5,500 characters), and the caret in the body; with `harsh`, each copy of the
/// body ends with three hostile sentences, so the screen lists and highlights findings.
fn composing(dir: &std::path::Path, harsh: bool) -> App {
    let (store, _) = Store::open(dir.join("data")).unwrap();
    let mut app = App::new(store, Some(Lang::Fa));
    let compose = |app: &mut App, m: compose::Message| {
        let _ = app.update(Message::Compose(m));
    };
    compose(&mut app, compose::Message::Template("payment-3".into()));
    compose(&mut app, compose::Message::EditText);
    let mut body = app.letter().expect("a letter").body.clone();
    if harsh {
        body.push(' ');
        body.push_str(HARSH);
    }
    let mut long = body.clone();
    while long.chars().count() < 5_300 {
        long.push_str("\n\n");
        long.push_str(&body);
    }
    compose(&mut app, compose::Message::Body(Action::SelectAll.into()));
    compose(
        &mut app,
        compose::Message::Body(Action::Edit(Edit::Paste(Arc::new(long))).into()),
    );
    compose(
        &mut app,
        compose::Message::Body(Action::Move(Motion::DocumentEnd).into()),
    );
    let letter = app.letter().unwrap();
    let chars = letter.to_text().chars().count();
    assert!(chars > 5_500, "{chars}");
    // What the screen checks: the message (greeting to signature).
    let found = marz::tone::check(&letter.message_text(), letter.lang).len();
    assert_eq!(found > 0, harsh, "{found} findings");
    app
}

/// One keystroke: a letter typed at the caret, then (next time) deleted again, so the
/// letter stays two pages long however many iterations run.
struct Keys {
    letters: std::iter::Cycle<std::str::Chars<'static>>,
    typed: bool,
}

impl Keys {
    fn next(&mut self) -> Message {
        self.typed = !self.typed;
        let action = if self.typed {
            Action::Edit(Edit::Insert(self.letters.next().unwrap()))
        } else {
            Action::Edit(Edit::Backspace)
        };
        Message::Compose(compose::Message::Body(action.into()))
    }
}

fn keystroke(c: &mut Criterion) {
    keystroke_in(c, false);
    keystroke_in(c, true);
}

fn keystroke_in(c: &mut Criterion, harsh: bool) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = composing(dir.path(), harsh);
    let mut screen = Offscreen::new(1200.0, 800.0);
    screen.frame(&app);
    // The body has the focus, as while the owner types: its caret (and any marks) are
    // placed from the bidi layout on every frame.
    screen.focus(&app, compose::BODY_ID);
    screen.frame(&app);
    assert!(screen.focused_id(&app).is_some());
    let start = app.letter().unwrap().to_text().chars().count();
    let mut keys = Keys {
        letters: "سلام".chars().cycle(),
        typed: false,
    };
    let mut group = c.benchmark_group(if harsh {
        "keystroke, two-page letter with harsh sentences (findings listed and highlighted)"
    } else {
        "keystroke, two-page letter"
    });
    group.bench_function("update (render + tone check)", |b| {
        b.iter(|| app.update(keys.next()))
    });
    group.bench_function("frame alone, nothing changed", |b| {
        b.iter(|| screen.frame(&app))
    });
    group.bench_function("update + frame (view, layout, draw)", |b| {
        b.iter(|| {
            let _ = app.update(keys.next());
            screen.frame(&app);
        })
    });
    group.bench_function("update + frame + pixels (tiny-skia)", |b| {
        b.iter(|| {
            let _ = app.update(keys.next());
            screen.screenshot(&app)
        })
    });
    group.finish();
    // The letter is still the two pages it started as.
    let chars = app.letter().unwrap().to_text().chars().count();
    assert!(chars.abs_diff(start) <= 1, "{start} → {chars}");
}

/// Runs `task` to its end the way the runtime would, its messages going back into the app.
fn drive(app: &mut App, task: iced::Task<Message>) {
    use iced::futures::StreamExt;
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return;
    };
    for action in iced::futures::executor::block_on(stream.collect::<Vec<_>>()) {
        if let iced_runtime::Action::Output(message) = action {
            let next = app.update(message);
            drive(app, next);
        }
    }
}

/// The page preview: what a keystroke costs the window while the printed page is shown
/// (the typesetting is handed to a thread), and how long after the last keystroke the new
/// page is on screen (the wait for more keys, `page_preview::DEBOUNCE`, included).
fn page_preview(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("page preview");
    group.sample_size(30);
    // The sample letter (one page, letterhead, signature, stamp) and the two-page one.
    let (store, _) = Store::open(dir.path().join("one")).unwrap();
    let mut one = App::new(store, Some(Lang::Fa));
    let task = one.update(Message::Compose(compose::Message::Template(
        "payment-3".into(),
    )));
    drive(&mut one, task);
    let mut two = composing(&dir.path().join("two"), false);
    for (name, app) in [("one page", &mut one), ("two pages", &mut two)] {
        let task = app.update(Message::Compose(compose::Message::ShowPage(true)));
        drive(app, task);
        let mut keys = Keys {
            letters: "سلام".chars().cycle(),
            typed: false,
        };
        let amount = |typed: bool| {
            // One page: a digit typed into the amount and taken out again.
            let action = if typed {
                Action::Edit(Edit::Insert('۵'))
            } else {
                Action::Edit(Edit::Backspace)
            };
            Message::Compose(compose::Message::Input("amount".into(), action.into()))
        };
        let mut typed = false;
        let mut key = || {
            if name == "one page" {
                typed = !typed;
                amount(typed)
            } else {
                keys.next()
            }
        };
        group.bench_function(format!("{name}: keystroke, update only"), |b| {
            b.iter(|| {
                let message = key();
                app.update(message)
            })
        });
        group.bench_function(
            format!("{name}: keystroke to the new page on screen"),
            |b| {
                b.iter(|| {
                    let message = key();
                    let task = app.update(message);
                    drive(app, task);
                    assert!(app.page_is_current());
                })
            },
        );
    }
    group.finish();
}

/// From an empty data folder to the first frame's pixels, in this process.
fn first_frame_in_process(c: &mut Criterion) {
    c.bench_function("start: open workspace + first frame + pixels", |b| {
        b.iter_with_large_drop(|| {
            let dir = tempfile::tempdir().unwrap();
            let (store, _) = Store::open(dir.path().join("data")).unwrap();
            let app = App::new(store, Some(Lang::Fa));
            let mut screen = Offscreen::new(1200.0, 800.0);
            (screen.screenshot(&app), dir)
        })
    });
}

/// Launches the real binary on `data` until its first frame is drawn (it exits there), and
/// returns what it printed (the resident memory at that frame).
fn launch(data: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_marz"))
        .args(["--data-dir"])
        .arg(data)
        .env("MARZ_EXIT_AFTER_FIRST_FRAME", "1")
        .env("ICED_BACKEND", "tiny-skia")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    said.trim().to_string()
}

/// Times the real binary's launch on `data` to its first frame, 20 samples over 20 s.
fn bench_launches(group: &mut BenchmarkGroup<'_, WallTime>, data: &Path) {
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("marz: launch to first frame drawn", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                launch(data);
            }
            start.elapsed()
        })
    });
}

/// The real binary, from launch until its first frame was drawn (it exits there).
fn first_frame_of_the_app(c: &mut Criterion) {
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!("start-up of the app: skipped (no DISPLAY; try xvfb-run)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    eprintln!("{}", launch(&data));
    let mut group = c.benchmark_group("start");
    bench_launches(&mut group, &data);
    group.finish();
}

/// With 10,000 clients and 10,000 letters (`benches/common/big.rs`; `MARZ_BENCH_DIR` keeps
/// the workspace between runs): the first frame in this process, and the real binary's
/// launch to first frame, first while `history/` is still to be taken over (the start-up
/// task imports it away from the window's thread), then with the register in place.
fn first_frame_of_a_large_workspace(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let kept = std::env::var_os("MARZ_BENCH_DIR").map(PathBuf::from);
    let base = kept.unwrap_or_else(|| dir.path().to_path_buf());
    let fresh = base.join("big-gui-fresh");
    let root = base.join("big-gui");
    for folder in [&fresh, &root] {
        if !folder.join("history").exists() {
            let started = Instant::now();
            big::big_workspace(folder);
            eprintln!(
                "{} clients and {} letters in history/ written in {:.1?}",
                big::CLIENTS,
                big::LETTERS,
                started.elapsed()
            );
        }
    }
    // The register of `root` is taken over once, here; `fresh` keeps only history/.
    let started = Instant::now();
    let register = marz::register::Register::open(&root).unwrap();
    eprintln!(
        "taking over {} letters (the start-up task's work) took {:.1?}",
        register.takeover().map_or(0, |t| t.imported),
        started.elapsed()
    );
    drop(register);

    let mut group = c.benchmark_group("start, 10,000 clients and 10,000 letters");
    group.sample_size(10);
    group.bench_function("in process: open workspace + first frame + pixels", |b| {
        b.iter_with_large_drop(|| {
            // As the app starts: the clients and the register come in tasks after it.
            let (app, _tasks) = App::boot(Store::new(&root), Some(Lang::Fa));
            let mut screen = Offscreen::new(1200.0, 800.0);
            screen.screenshot(&app)
        })
    });
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!("start-up of the app: skipped (no DISPLAY; try xvfb-run)");
        group.finish();
        return;
    }
    // A workspace seen for the first time: the app exits at its first frame, before the
    // takeover could finish (its transaction is rolled back), so each launch is a first one.
    for name in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(fresh.join(format!("{}{name}", marz::register::FILE_NAME)));
    }
    for _ in 0..3 {
        let started = Instant::now();
        let said = launch(&fresh);
        eprintln!(
            "launch with history/ not yet taken over: {:.1?}; {said}",
            started.elapsed()
        );
    }
    eprintln!("with the register in place: {}", launch(&root));
    bench_launches(&mut group, &root);
    group.finish();
}

criterion_group!(
    benches,
    keystroke,
    page_preview,
    first_frame_in_process,
    first_frame_of_the_app,
    first_frame_of_a_large_workspace
);
criterion_main!(benches);
