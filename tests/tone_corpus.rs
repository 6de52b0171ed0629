//! The tone checker against a corpus of harsh and acceptable sentences written for it
//! (`tests/tone/`): every harsh sentence should get a finding, no acceptable one should.
//! Prints precision and recall per language; run with `--nocapture` to see them.

use marz::Lang;
use marz::tone::{Options, check_with};

fn lines(name: &str) -> Vec<String> {
    let path = format!("{}/tests/tone/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

struct Score {
    true_pos: usize,
    false_neg: Vec<String>,
    false_pos: Vec<String>,
    negatives: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos.len()) as f64
    }
    fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg.len()) as f64
    }
}

fn score(lang: Lang) -> Score {
    let flagged = |s: &str| !check_with(s, lang, Options { structure: false }).is_empty();
    let harsh = lines(&format!("{lang}-harsh.txt"));
    let ok = lines(&format!("{lang}-ok.txt"));
    assert!(
        harsh.len() >= 30 && ok.len() >= 30,
        "{lang}: corpus too small"
    );
    let false_neg: Vec<String> = harsh.iter().filter(|s| !flagged(s)).cloned().collect();
    let false_pos: Vec<String> = ok.iter().filter(|s| flagged(s)).cloned().collect();
    Score {
        true_pos: harsh.len() - false_neg.len(),
        false_neg,
        false_pos,
        negatives: ok.len(),
    }
}

#[test]
fn precision_and_recall_on_the_corpus() {
    for lang in Lang::ALL {
        let s = score(lang);
        println!(
            "{lang}: precision {:.3}, recall {:.3} ({} harsh flagged of {}, {} of {} acceptable flagged)",
            s.precision(),
            s.recall(),
            s.true_pos,
            s.true_pos + s.false_neg.len(),
            s.false_pos.len(),
            s.negatives
        );
        for miss in &s.false_neg {
            println!("  missed: {miss}");
        }
        for wrong in &s.false_pos {
            println!("  flagged wrongly: {wrong}");
        }
        assert!(
            s.precision() >= 0.95,
            "{lang} precision {:.3}",
            s.precision()
        );
        assert!(s.recall() >= 0.85, "{lang} recall {:.3}", s.recall());
    }
}
