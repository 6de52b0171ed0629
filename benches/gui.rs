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

use criterion::{Criterion, criterion_group, criterion_main};
use gui::App;
// What `offscreen` takes from its parent module in the app.
#[cfg(not(test))]
use gui::theme;
use gui::{Message, compose};
use iced::widget::text_editor::{Action, Edit, Motion};
use marz::Lang;
use marz::store::Store;
use offscreen::Offscreen;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The Persian compose screen with the body in "Edit text" mode, lengthened to about two
/// A4 pages (~5,500 characters), and the caret in the body.
fn composing(dir: &std::path::Path) -> App {
    let (store, _) = Store::open(dir.join("data")).unwrap();
    let mut app = App::new(store, Some(Lang::Fa));
    let compose = |app: &mut App, m: compose::Message| {
        let _ = app.update(Message::Compose(m));
    };
    compose(&mut app, compose::Message::Template("payment-3".into()));
    compose(&mut app, compose::Message::EditText);
    let body = app.letter().expect("a letter").body.clone();
    let mut long = body.clone();
    while long.chars().count() < 5_000 {
        long.push_str("\n\n");
        long.push_str(&body);
    }
    compose(&mut app, compose::Message::Body(Action::SelectAll));
    compose(
        &mut app,
        compose::Message::Body(Action::Edit(Edit::Paste(Arc::new(long)))),
    );
    compose(
        &mut app,
        compose::Message::Body(Action::Move(Motion::DocumentEnd)),
    );
    let chars = app.letter().unwrap().to_text().chars().count();
    assert!(chars > 5_500, "{chars}");
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
        Message::Compose(compose::Message::Body(action))
    }
}

fn keystroke(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = composing(dir.path());
    let mut screen = Offscreen::new(1200.0, 800.0);
    screen.frame(&app);
    let start = app.letter().unwrap().to_text().chars().count();
    let mut keys = Keys {
        letters: "سلام".chars().cycle(),
        typed: false,
    };
    let mut group = c.benchmark_group("keystroke, two-page letter");
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

/// The real binary, from launch until its first frame was drawn (it exits there).
fn first_frame_of_the_app(c: &mut Criterion) {
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!("start-up of the app: skipped (no DISPLAY; try xvfb-run)");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_marz");
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        let out = Command::new(bin)
            .args(["--data-dir"])
            .arg(dir.path().join("data"))
            .env("MARZ_EXIT_AFTER_FIRST_FRAME", "1")
            .env("ICED_BACKEND", "tiny-skia")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    eprintln!("{}", run().trim());
    let mut group = c.benchmark_group("start");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("marz: launch to first frame drawn", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                run();
            }
            start.elapsed()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    keystroke,
    first_frame_in_process,
    first_frame_of_the_app
);
criterion_main!(benches);
