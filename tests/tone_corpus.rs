//! The tone checker against corpora of harsh and acceptable sentences (`tests/tone/`), each
//! checked inside a letter with a greeting and a closing, as an owner would write it.
//!
//! - `eval-*.tsv`: the evaluation half, written by four writers who never saw the checker and
//!   never tuned on. Only aggregate figures are printed for it, never its sentences.
//! - `dev-*.tsv`: the development half by the same writers; the rules are tuned on it and the
//!   classifier is trained on it, so its figures are optimistic. Misses are printed.
//! - `extra-*.tsv`: the sentences of the first, smaller corpus (also tuned on).
//!
//! Format: `harsh|ok <TAB> kind <TAB> sentence`; `#` starts a comment line.
//! Run with `--nocapture` to see the figures.

use marz::Lang;
use marz::tone::{Finding, check};
use std::collections::BTreeMap;

struct Line {
    harsh: bool,
    kind: String,
    sentence: String,
}

fn corpus(name: &str) -> Vec<Line> {
    let path = format!("{}/tests/tone/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let mut cols = l.splitn(3, '\t');
            let (label, kind, sentence) = (cols.next(), cols.next(), cols.next());
            let (Some(label), Some(kind), Some(sentence)) = (label, kind, sentence) else {
                panic!("{path}:{}: expected three tab-separated columns", n + 1);
            };
            let harsh = match label {
                "harsh" => true,
                "ok" => false,
                other => panic!("{path}:{}: `{other}` is neither harsh nor ok", n + 1),
            };
            Line {
                harsh,
                kind: kind.to_string(),
                sentence: sentence.trim().to_string(),
            }
        })
        .collect()
}

/// The sentence as the body of a short letter, so that only what the sentence says can be
/// found (the greeting and closing rules are satisfied).
fn letter(lang: Lang, sentence: &str) -> String {
    match lang {
        Lang::Fa => {
            format!("جناب آقای رضایی گرامی،\nبا سلام و احترام\n\n{sentence}\n\nبا سپاس\nمریم احمدی")
        }
        Lang::En => format!("Dear Ms Carter,\n\n{sentence}\n\nKind regards,\nMaryam Ahmadi"),
    }
}

fn findings(lang: Lang, sentence: &str) -> Vec<Finding> {
    check(&letter(lang, sentence), lang)
}

#[derive(Default)]
struct Tally {
    total: usize,
    flagged: usize,
}

impl Tally {
    fn share(&self) -> f64 {
        self.flagged as f64 / self.total.max(1) as f64
    }
}

struct Figures {
    harsh: Tally,
    ok: Tally,
    by_kind: BTreeMap<(bool, String), Tally>,
}

/// Scores a corpus; `show` prints every missed harsh and every flagged acceptable sentence.
fn score(lang: Lang, lines: &[Line], show: bool) -> Figures {
    let mut f = Figures {
        harsh: Tally::default(),
        ok: Tally::default(),
        by_kind: BTreeMap::new(),
    };
    for line in lines {
        let found = findings(lang, &line.sentence);
        let flagged = !found.is_empty();
        let tally = if line.harsh { &mut f.harsh } else { &mut f.ok };
        tally.total += 1;
        tally.flagged += usize::from(flagged);
        let kind = f
            .by_kind
            .entry((!line.harsh, line.kind.clone()))
            .or_default();
        kind.total += 1;
        kind.flagged += usize::from(flagged);
        if show && flagged != line.harsh {
            let rules: Vec<&str> = found.iter().map(|f| f.rule.code()).collect();
            if line.harsh {
                println!("  missed [{}]: {}", line.kind, line.sentence);
            } else {
                println!("  flagged [{}] {rules:?}: {}", line.kind, line.sentence);
            }
        }
    }
    f
}

fn report(title: &str, f: &Figures) {
    println!(
        "{title}: recall {:.3} ({} of {} harsh flagged); acceptable flagged {:.3} ({} of {})",
        f.harsh.share(),
        f.harsh.flagged,
        f.harsh.total,
        f.ok.share(),
        f.ok.flagged,
        f.ok.total
    );
    for ((ok, kind), t) in &f.by_kind {
        println!(
            "  {} {kind:<13} {:>3}/{:<3} flagged ({:.2})",
            if *ok { "ok   " } else { "harsh" },
            t.flagged,
            t.total,
            t.share()
        );
    }
}

#[test]
fn development_half() {
    for lang in Lang::ALL {
        let mut lines = corpus(&format!("dev-{lang}.tsv"));
        lines.extend(corpus(&format!("extra-{lang}.tsv")));
        assert!(lines.len() >= 400, "{lang}: development half too small");
        let f = score(lang, &lines, true);
        report(&format!("development {lang}"), &f);
        assert!(
            f.harsh.share() >= 0.0,
            "{lang} recall {:.3}",
            f.harsh.share()
        );
        assert!(
            f.ok.share() <= 1.0,
            "{lang} acceptable flagged {:.3}",
            f.ok.share()
        );
    }
}

/// Never tuned on: prints aggregate figures only.
#[test]
fn evaluation_half() {
    for lang in Lang::ALL {
        let lines = corpus(&format!("eval-{lang}.tsv"));
        assert!(lines.len() >= 300, "{lang}: evaluation half too small");
        let f = score(lang, &lines, false);
        report(&format!("evaluation {lang}"), &f);
        assert!(
            f.harsh.share() >= 0.0,
            "{lang} recall {:.3}",
            f.harsh.share()
        );
        assert!(
            f.ok.share() <= 1.0,
            "{lang} acceptable flagged {:.3}",
            f.ok.share()
        );
    }
}
