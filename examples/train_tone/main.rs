//! Trains the tone checker's classifier and writes `assets/tone/model-<lang>.tsv`.
//!
//! ```text
//! cargo run --release --example train_tone           # validate, train, write both models
//! cargo run --release --example train_tone -- --cv   # only the validation figures
//! cargo run --release --example train_tone -- --cv --lang fa --show   # … and the misses
//! cargo run --release --example train_tone -- --lang fa --skip-cv --at 0.87 --rules-at 0.87
//! cargo run --release --example train_tone -- --score tests/tone/eval3-fa.tsv   # figures per kind
//! ```
//!
//! Training data: every `tests/tone/<name>-<lang>.tsv` but the blind evaluation half
//! (`eval3-*`), each file one source (a writer, or one round of writers), and every sentence
//! of the built-in letters, rendered for the sample clients (acceptable by definition).
//!
//! Two L2-regularised logistic regressions over sparse rows (`sparse.rs`): harsh against
//! acceptable, and among harsh sentences, which kind. Features are those of
//! `marz::tone::model` seen in at least two training sentences; for the first model each
//! n-gram is worth `(1 + ln count) · idf` (idf from the training sentences, stored in the
//! model file) and each block (words and word pairs; characters 2–5) is scaled to unit length,
//! as the app scores it. Weak regularisation (α = 0.1 on the summed log loss, i.e. C = 10)
//! did best in leave-one-writer-out validation. Validation is
//! leave-one-writer-out: each source is scored by a model trained on all the others, so the
//! figures say how the checker does on a writer it has not seen. It reports recall and the
//! share of acceptable sentences flagged, by the classifier alone and with the rules, at
//! several thresholds, per held-out writer and per kind. The thresholds written into the model
//! are the pair with the best pooled held-out recall whose pooled share of acceptable
//! sentences flagged (rules and classifier together) stays at or below `TARGET_FLAGGED`.

mod sparse;
// The letters tests/templates.rs checks; only the renderer is used here.
#[allow(dead_code)]
#[path = "../../tests/common/letters.rs"]
mod letters;

use marz::store::{sample_clients, sample_sender};

use marz::tone::model::{BLOCKS, Model, block, for_each_feature, is_scaled, tf_idf};
use marz::tone::text::{sentences, tokens};
use marz::tone::{self, Options};
use marz::{Lang, Library};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

/// L2 strength of the harsh/acceptable model and of the kind model.
const ALPHA: f32 = 0.1;
const KIND_ALPHA: f32 = 1.0;
/// The value of a cue in a training row (see `cue_scale`).
const CUE_SCALE: f32 = 1.0;
/// A feature must occur in this many training sentences.
const MIN_DF: usize = 2;
/// The pooled share of held-out acceptable sentences the thresholds may flag (a point below
/// the 5 % the checker must keep to, for room).
const TARGET_FLAGGED: f64 = 0.04;
/// Weights smaller than this are left out of the file.
const PRUNE: f32 = 0.002;
/// Feature tags left out of training (`TONE_SKIP` overrides): the rules' cues, which cost
/// 1.5 points of held-out recall beside the n-grams (fa 0.924 with them, 0.939 without).
const SKIP: &str = "q";
/// The kinds the kind model tells apart (the corpus's harsh kinds).
const KINDS: [&str; 7] = [
    "label",
    "threat",
    "sarcasm",
    "exasperation",
    "blame",
    "curt",
    "insult",
];

/// Where a training sentence comes from: a corpus file's name without its language
/// (`dev`, `train2-a`, `eval2`…), or `letters` for the built-in letters. Every source but the
/// letters is one writer (or one round of writers): validation holds out one at a time.
type Source = String;

const LETTERS: &str = "letters";

#[derive(Clone, Debug)]
struct Example {
    harsh: bool,
    kind: String,
    text: String,
    source: Source,
}

fn read_tsv(path: &str, source: &str, out: &mut Vec<Example>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        let [label, kind, sentence] = cols.as_slice() else {
            panic!("{path}:{}: expected three columns", n + 1);
        };
        out.push(Example {
            harsh: match *label {
                "harsh" => true,
                "ok" => false,
                other => panic!("{path}:{}: `{other}`", n + 1),
            },
            kind: kind.to_string(),
            text: sentence.trim().to_string(),
            source: source.to_string(),
        });
    }
}

/// Every sentence of every built-in letter in `lang`, rendered exactly as
/// `tests/templates.rs` renders them (the same clients, senders and form values: one-word,
/// full-stop, Latin and typical values, optional inputs empty, every choice), and for the
/// sample clients, so that the classifier learns the letters the tests require it to pass.
fn template_sentences(lang: Lang) -> Vec<String> {
    let library = Library::load(None);
    let mut seen = BTreeSet::new();
    let mut add = |letter: &marz::Letter| {
        let text = letter.to_text();
        for s in sentences(&text) {
            seen.insert(text[s].to_string());
        }
    };
    for (_, letter) in letters::render_everything(&library) {
        if letter.lang == lang {
            add(&letter);
        }
    }
    // And for the sample clients and sender a first run creates (their addresses and names
    // are in every letter the CLI's own test renders), with the same form values.
    let sender = sample_sender();
    for template in library.all().filter(|t| t.lang == lang) {
        for (_, values) in letters::value_sets(template) {
            for client in sample_clients() {
                add(&letters::render_one(template, &client, &sender, &values));
            }
        }
    }
    seen.into_iter().collect()
}

fn load(lang: Lang) -> Vec<Example> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tone");
    let mut out = Vec::new();
    for name in corpus_files(dir, lang) {
        let source = name
            .trim_end_matches(".tsv")
            .replace(&format!("-{lang}"), "");
        let before = out.len();
        read_tsv(&format!("{dir}/{name}"), &source, &mut out);
        // Shouting and a vague price or ending are the rules' business, not a hostile
        // wording: as harsh examples they would teach the classifier that neutral words are
        // hostile (only the first corpora have them).
        let mut i = before;
        while i < out.len() {
            if matches!(out[i].kind.as_str(), "shouting" | "vague") {
                out.remove(i);
            } else {
                i += 1;
            }
        }
    }
    for s in template_sentences(lang) {
        out.push(Example {
            harsh: false,
            kind: "template".into(),
            text: s,
            source: LETTERS.into(),
        });
    }
    out
}

/// The corpus files of `lang` trained on: every `<name>-<lang>.tsv` (or `<name>-<lang>-<w>.tsv`)
/// but the blind evaluation half, `eval3-*`, which is never read here.
fn corpus_files(dir: &str, lang: Lang) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".tsv") && !n.starts_with("eval3"))
        .filter(|n| n.contains(&format!("-{lang}.")) || n.contains(&format!("-{lang}-")))
        .collect();
    names.sort();
    names
}

/// The sources validation holds out, one at a time: every writer, not the letters.
fn writers(data: &[Example]) -> Vec<Source> {
    let set: BTreeSet<&Source> = data
        .iter()
        .map(|e| &e.source)
        .filter(|s| *s != LETTERS)
        .collect();
    set.into_iter().cloned().collect()
}

type Feature = (char, String);

/// A tuning knob from the environment (for experiments), or its default.
fn env_or(name: &str, default: f32) -> f32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The features of one piece of text (as the checker sees one sentence).
fn features(text: &str, lang: Lang) -> Vec<(Feature, bool)> {
    let t = tokens(text, lang);
    let cues = tone::cues(&t, lang);
    let mut out = Vec::new();
    let skip: Vec<char> = std::env::var("TONE_SKIP")
        .unwrap_or_else(|_| SKIP.to_string())
        .chars()
        .collect();
    for_each_feature(&t, &cues, |tag, parts| {
        if !skip.contains(&tag) {
            out.push(((tag, parts.join(" ")), is_scaled(tag)))
        }
    });
    out
}

struct Vocab {
    index: HashMap<Feature, usize>,
    names: Vec<Feature>,
    /// Per feature, `ln((1 + rows) / (1 + df)) + 1` over the rows it was built from.
    idf: Vec<f32>,
}

fn vocab(rows: &[Vec<(Feature, bool)>], min_df: usize) -> Vocab {
    let mut df: HashMap<&Feature, usize> = HashMap::new();
    for row in rows {
        let uniq: BTreeSet<&Feature> = row.iter().map(|(f, _)| f).collect();
        for f in uniq {
            *df.entry(f).or_default() += 1;
        }
    }
    let mut kept: Vec<(Feature, usize)> = df
        .into_iter()
        .filter(|(f, n)| *n >= min_df || f.0 == 'q')
        .map(|(f, n)| (f.clone(), n))
        .collect();
    kept.sort();
    let idf = kept
        .iter()
        .map(|(_, n)| ((1.0 + rows.len() as f64) / (1.0 + *n as f64)).ln() as f32 + 1.0)
        .collect();
    let names: Vec<Feature> = kept.into_iter().map(|(f, _)| f).collect();
    let index = names
        .iter()
        .enumerate()
        .map(|(i, f)| (f.clone(), i))
        .collect();
    Vocab { index, names, idf }
}

/// The harsh/acceptable model's rows, as `Model::probability` sees a sentence: per block,
/// `(1 + ln count) · idf` of each known n-gram, the block scaled to unit length; a cue is
/// worth `cue_scale`.
fn tfidf_matrix(rows: &[&Vec<(Feature, bool)>], v: &Vocab) -> sparse::Rows {
    let rows = rows
        .iter()
        .map(|row| {
            let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
            for (f, _) in row.iter() {
                if let Some(&c) = v.index.get(f) {
                    *counts.entry(c as u32).or_default() += 1;
                }
            }
            let mut out: Vec<(u32, f32)> = counts
                .into_iter()
                .map(|(c, n)| {
                    let f = &v.names[c as usize];
                    let value = if is_scaled(f.0) {
                        tf_idf(n, v.idf[c as usize])
                    } else {
                        cue_scale()
                    };
                    (c, value)
                })
                .collect();
            let mut length = [0.0f32; BLOCKS];
            for &(c, x) in &out {
                if let Some(b) = block(v.names[c as usize].0) {
                    length[b] += x * x;
                }
            }
            for (c, x) in out.iter_mut() {
                if let Some(b) = block(v.names[*c as usize].0) {
                    *x /= length[b].sqrt();
                }
            }
            out
        })
        .collect();
    sparse::Rows {
        rows,
        features: v.names.len(),
    }
}

/// The kind model's rows: n-grams scaled by one over the square root of their number.
fn matrix(rows: &[&Vec<(Feature, bool)>], v: &Vocab) -> sparse::Rows {
    let rows = rows
        .iter()
        .map(|row| {
            let n = row.iter().filter(|(_, s)| *s).count().max(1) as f32;
            let scale = 1.0 / n.sqrt();
            let mut out: BTreeMap<u32, f32> = BTreeMap::new();
            for (f, scaled) in row.iter() {
                if let Some(&c) = v.index.get(f) {
                    *out.entry(c as u32).or_default() += if *scaled { scale } else { cue_scale() };
                }
            }
            out.into_iter().collect()
        })
        .collect();
    sparse::Rows {
        rows,
        features: v.names.len(),
    }
}

/// The value a cue takes in a row: above 1, the cues' few weights are less held back by the
/// regularisation than the n-grams' many (the file stores the weight times this value).
fn cue_scale() -> f32 {
    env_or("TONE_CUE_SCALE", CUE_SCALE)
}

struct Trained {
    /// Per feature: its weight and idf.
    weights: HashMap<Feature, (f32, f32)>,
    bias: f32,
}

fn fit(rows: &[&Vec<(Feature, bool)>], harsh: &[bool]) -> Trained {
    let v = vocab(
        &rows.iter().map(|r| (*r).clone()).collect::<Vec<_>>(),
        env_or("TONE_MIN_DF", MIN_DF as f32) as usize,
    );
    let x = tfidf_matrix(rows, &v);
    // A harsh sentence may weigh more than an acceptable one (`TONE_HARSH_WEIGHT`).
    let harsh_weight = f64::from(env_or("TONE_HARSH_WEIGHT", 1.0));
    let weight: Vec<f64> = harsh
        .iter()
        .map(|&h| if h { harsh_weight } else { 1.0 })
        .collect();
    let (w, bias) = sparse::fit_binary(
        &x,
        harsh,
        &weight,
        f64::from(env_or("TONE_ALPHA", ALPHA)),
        500,
    );
    Trained {
        weights: v
            .names
            .iter()
            .cloned()
            .zip(w.into_iter().zip(v.idf.iter().copied()))
            .map(|(f, (w, idf))| {
                let w = if is_scaled(f.0) { w } else { w * cue_scale() };
                (f, (w, idf))
            })
            .collect(),
        bias,
    }
}

struct KindModel {
    kinds: Vec<String>,
    names: Vec<Feature>,
    params: Vec<Vec<f32>>,
    bias: Vec<f32>,
}

fn fit_kinds(rows: &[&Vec<(Feature, bool)>], kinds: &[String]) -> KindModel {
    let v = vocab(&rows.iter().map(|r| (*r).clone()).collect::<Vec<_>>(), 3);
    let x = matrix(rows, &v);
    let names: Vec<String> = KINDS.iter().map(|k| k.to_string()).collect();
    let y: Vec<usize> = kinds
        .iter()
        .map(|k| names.iter().position(|n| n == k).expect("a known kind"))
        .collect();
    let (mut params, bias) = sparse::fit_multi(&x, &y, names.len(), f64::from(KIND_ALPHA), 300);
    for (row, f) in params.iter_mut().zip(&v.names) {
        if !is_scaled(f.0) {
            row.iter_mut().for_each(|w| *w *= cue_scale());
        }
    }
    KindModel {
        kinds: names,
        names: v.names,
        params,
        bias,
    }
}

fn letter(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fa => {
            format!("جناب آقای رضایی گرامی،\nبا سلام و احترام\n\n{text}\n\nبا سپاس\nمریم احمدی")
        }
        Lang::En => format!("Dear Ms Carter,\n\n{text}\n\nKind regards,\nMaryam Ahmadi"),
    }
}

/// How one held-out line scores: whether a rule that is not about hostility fires (shouting,
/// a missing date…), and per sentence the probability and whether a rule names it.
struct LineScore {
    other: bool,
    sentences: Vec<(f32, bool)>,
}

impl LineScore {
    fn flagged(&self, threshold: f32, rule_threshold: f32) -> bool {
        self.other
            || self
                .sentences
                .iter()
                .any(|&(p, named)| p >= threshold || (named && p >= rule_threshold))
    }
}

fn score_line(text: &str, lang: Lang, model: &Model) -> LineScore {
    let letter = letter(text, lang);
    let rules_only = Options {
        structure: true,
        model: false,
    };
    LineScore {
        other: tone::check_using(&letter, lang, rules_only, None)
            .iter()
            .any(|f| !f.rule.is_hostile_kind()),
        sentences: tone::sentence_scores(&letter, lang, model)
            .into_iter()
            .map(|(_, p, named)| (p, named))
            .collect(),
    }
}

/// Leave-one-writer-out cross-validation: each writer's lines are scored by a model trained
/// on everything else (the other writers and the built-in letters); returns the thresholds
/// to use, chosen on the pooled held-out scores.
fn cross_validate(
    lang: Lang,
    data: &[Example],
    rows: &[Vec<(Feature, bool)>],
    show: bool,
) -> (f32, f32) {
    let mut scores: Vec<Option<LineScore>> = (0..data.len()).map(|_| None).collect();
    let only: Option<String> = arg_value("--writer");
    let writers = writers(data);
    for writer in &writers {
        if only.as_ref().is_some_and(|w| w != writer) {
            continue;
        }
        let held: Vec<usize> = (0..data.len())
            .filter(|&i| data[i].source == *writer)
            .collect();
        let train: Vec<usize> = (0..data.len())
            .filter(|&i| data[i].source != *writer)
            .collect();
        let trained = fit(
            &train.iter().map(|&i| &rows[i]).collect::<Vec<_>>(),
            &train.iter().map(|&i| data[i].harsh).collect::<Vec<_>>(),
        );
        let model = Model::parse(&model_text(lang, &trained, None, (0.5, 0.5), ""))
            .expect("a model we wrote parses");
        for &i in &held {
            scores[i] = Some(score_line(&data[i].text, lang, &model));
        }
        eprint!(".");
    }
    eprintln!();
    let scored: Vec<usize> = (0..data.len()).filter(|&i| scores[i].is_some()).collect();
    // `--dump FILE`: the held-out scores, one line each, to try other thresholds offline.
    if let Some(path) = arg_value("--dump") {
        let mut out = String::new();
        for &i in &scored {
            let Some(s) = &scores[i] else { continue };
            let sentences: Vec<String> = s
                .sentences
                .iter()
                .map(|(p, named)| format!("{p:.4}:{}", u8::from(*named)))
                .collect();
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                data[i].source,
                if data[i].harsh { "harsh" } else { "ok" },
                data[i].kind,
                u8::from(s.other),
                sentences.join(" ")
            );
        }
        std::fs::write(&path, out).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let set = |harsh: bool, writer: Option<&Source>| -> Vec<&LineScore> {
        scored
            .iter()
            .filter(|&&i| data[i].harsh == harsh && writer.is_none_or(|w| data[i].source == *w))
            .filter_map(|&i| scores[i].as_ref())
            .collect()
    };
    let (harsh, ok) = (set(true, None), set(false, None));
    let rate = |set: &[&LineScore], t: f32, r: f32| {
        set.iter().filter(|s| s.flagged(t, r)).count() as f64 / set.len().max(1) as f64
    };
    println!(
        "{lang}: rules alone (unvetted): recall {:.3}, acceptable flagged {:.3}",
        rate(&harsh, 2.0, 0.0),
        rate(&ok, 2.0, 0.0)
    );
    for step in (30..=90).step_by(5) {
        let t = step as f32 / 100.0;
        println!(
            "{lang}: threshold {t:.2}: classifier alone recall {:.3} flagged {:.3} | with the rules kept from 0.20: recall {:.3} flagged {:.3}",
            rate(&harsh, t, 2.0),
            rate(&ok, t, 2.0),
            rate(&harsh, t, 0.2),
            rate(&ok, t, 0.2)
        );
    }
    // The pair with the best pooled recall whose pooled share of acceptable lines flagged
    // keeps the target; ties go to the higher (more cautious) thresholds.
    let target = f64::from(env_or("TONE_TARGET", TARGET_FLAGGED as f32));
    let mut best = (0.0f64, 0.95f32, 0.95f32);
    for ts in (20..=95).rev() {
        let t = ts as f32 / 100.0;
        for rs in (0..=ts).rev().step_by(2) {
            let r = rs as f32 / 100.0;
            if rate(&ok, t, r) <= target {
                let recall = rate(&harsh, t, r);
                if recall > best.0 + 1e-9 {
                    best = (recall, t, r);
                }
            }
        }
    }
    let (threshold, rule_threshold) = (
        arg_value("--at")
            .and_then(|a| a.parse().ok())
            .unwrap_or(best.1),
        arg_value("--rules-at")
            .and_then(|a| a.parse().ok())
            .unwrap_or(best.2),
    );
    println!(
        "{lang}: chosen thresholds {threshold:.2} (classifier) and {rule_threshold:.2} (rules): leave-one-writer-out recall {:.3}, acceptable flagged {:.3}",
        rate(&harsh, threshold, rule_threshold),
        rate(&ok, threshold, rule_threshold)
    );
    for writer in &writers {
        let (h, o) = (set(true, Some(writer)), set(false, Some(writer)));
        if h.is_empty() && o.is_empty() {
            continue;
        }
        println!(
            "  held out {:<9} recall {:.3} ({} of {}), acceptable flagged {:.3} ({} of {})",
            writer,
            rate(&h, threshold, rule_threshold),
            h.iter()
                .filter(|s| s.flagged(threshold, rule_threshold))
                .count(),
            h.len(),
            rate(&o, threshold, rule_threshold),
            o.iter()
                .filter(|s| s.flagged(threshold, rule_threshold))
                .count(),
            o.len(),
        );
    }
    let mut by_kind: BTreeMap<(bool, &str), (usize, usize)> = BTreeMap::new();
    for &i in &scored {
        let Some(score) = &scores[i] else { continue };
        let flagged = score.flagged(threshold, rule_threshold);
        let e = by_kind.entry((data[i].harsh, &data[i].kind)).or_default();
        e.0 += usize::from(flagged);
        e.1 += 1;
        if show && flagged != data[i].harsh {
            let p = score.sentences.iter().map(|s| s.0).fold(0.0, f32::max);
            let named = score.sentences.iter().any(|s| s.1);
            println!(
                "  {} {} [{}] p={p:.2} named={named} other={}: {}",
                data[i].source,
                if data[i].harsh { "missed" } else { "flagged" },
                data[i].kind,
                score.other,
                data[i].text
            );
        }
    }
    for ((h, kind), (f, n)) in by_kind {
        println!(
            "  {} {kind:<13} {f:>3}/{n:<3} ({:.2})",
            if h { "harsh" } else { "ok   " },
            f as f64 / n as f64
        );
    }
    (threshold, rule_threshold)
}

/// The value after `name` on the command line.
fn arg_value(name: &str) -> Option<String> {
    std::env::args().skip_while(|a| a != name).nth(1)
}

fn model_text(
    lang: Lang,
    model: &Trained,
    kinds: Option<&KindModel>,
    (threshold, rule_threshold): (f32, f32),
    counts: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# The tone classifier for {lang}: written by `cargo run --release --example train_tone`;\n\
         # do not edit by hand. {counts}\n\
         # Format: see src/tone/model.rs."
    );
    let _ = writeln!(out, "bias\t{:.5}", model.bias);
    let _ = writeln!(out, "threshold\t{threshold:.2}");
    let _ = writeln!(out, "rule_threshold\t{rule_threshold:.2}");
    // Every known n-gram is written, whatever its weight: its idf counts in its block's length.
    let mut entries: Vec<(&Feature, &(f32, f32))> = model
        .weights
        .iter()
        .filter(|(f, (w, _))| is_scaled(f.0) || w.abs() >= PRUNE)
        .collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for ((tag, name), (w, idf)) in entries {
        if is_scaled(*tag) {
            let _ = writeln!(out, "{tag}\t{name}\t{w:.4}\t{idf:.3}");
        } else {
            let _ = writeln!(out, "{tag}\t{name}\t{w:.4}");
        }
    }
    let Some(kinds) = kinds else {
        return out;
    };
    let _ = writeln!(out, "kinds\t{}", kinds.kinds.join(","));
    let fmt = |ws: &mut dyn Iterator<Item = f32>| {
        ws.map(|w| format!("{w:.3}")).collect::<Vec<_>>().join(",")
    };
    let _ = writeln!(out, "Kbias\t{}", fmt(&mut kinds.bias.iter().copied()));
    for (c, (tag, name)) in kinds.names.iter().enumerate() {
        let row = &kinds.params[c];
        if row.iter().all(|w| w.abs() < PRUNE * 5.0) {
            continue;
        }
        let _ = writeln!(out, "K{tag}\t{name}\t{}", fmt(&mut row.iter().copied()));
    }
    out
}

/// Scores a corpus file with the shipped checker (the built-in models and thresholds), each
/// sentence inside a letter as `tests/tone_corpus.rs` does: recall per harsh kind and the
/// share flagged per acceptable kind. Sentences are printed only with `--show` (never use it
/// on a blind evaluation half: its sentences are not to be read while the checker is built).
fn score_file(path: &str, show: bool) {
    let name = std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    let lang = if name.contains("-fa") {
        Lang::Fa
    } else {
        Lang::En
    };
    let mut lines = Vec::new();
    read_tsv(path, "scored", &mut lines);
    let mut by_kind: BTreeMap<(bool, String), (usize, usize)> = BTreeMap::new();
    let (mut hits, mut harsh, mut flagged, mut ok) = (0, 0, 0, 0);
    for e in &lines {
        let found = tone::check(&letter(&e.text, lang), lang);
        let is_flagged = !found.is_empty();
        if e.harsh {
            harsh += 1;
            hits += usize::from(is_flagged);
        } else {
            ok += 1;
            flagged += usize::from(is_flagged);
        }
        let k = by_kind.entry((!e.harsh, e.kind.clone())).or_default();
        k.0 += usize::from(is_flagged);
        k.1 += 1;
        if show && is_flagged != e.harsh {
            let rules: Vec<&str> = found.iter().map(|f| f.rule.code()).collect();
            println!(
                "  {} [{}] {rules:?}: {}",
                if e.harsh { "missed" } else { "flagged" },
                e.kind,
                e.text
            );
        }
    }
    println!(
        "{name}: recall {:.3} ({hits} of {harsh}), acceptable flagged {:.3} ({flagged} of {ok})",
        hits as f64 / harsh.max(1) as f64,
        flagged as f64 / ok.max(1) as f64
    );
    for ((is_ok, kind), (f, n)) in by_kind {
        println!(
            "  {} {kind:<13} {f:>3}/{n:<3} ({:.2})",
            if is_ok {
                "ok    flagged"
            } else {
                "harsh caught "
            },
            f as f64 / n as f64
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cv = args.iter().any(|a| a == "--cv");
    let show = args.iter().any(|a| a == "--show");
    let langs: Vec<Lang> = match args.iter().position(|a| a == "--lang") {
        Some(p) => vec![args[p + 1].parse().expect("--lang fa|en")],
        None => Lang::ALL.to_vec(),
    };
    if let Some(file) = arg_value("--score") {
        score_file(&file, show);
        return;
    }
    for lang in langs {
        let data = load(lang);
        let rows: Vec<Vec<(Feature, bool)>> =
            data.iter().map(|e| features(&e.text, lang)).collect();
        let mut per_source: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for e in &data {
            let c = per_source.entry(e.source.as_str()).or_default();
            if e.harsh {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
        let counts = format!(
            "Trained on (harsh/acceptable) {}.",
            per_source
                .iter()
                .map(|(s, (h, o))| format!("{s} {h}/{o}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!("{lang}: {counts}");
        // `--skip-cv --at T --rules-at R` trains with thresholds a cross-validation run of the
        // same data and settings already chose (cross-validation takes most of the time).
        let thresholds = if args.iter().any(|a| a == "--skip-cv") {
            let value = |name: &str| {
                arg_value(name)
                    .and_then(|v| v.parse::<f32>().ok())
                    .unwrap_or_else(|| panic!("--skip-cv needs {name}"))
            };
            (value("--at"), value("--rules-at"))
        } else {
            cross_validate(lang, &data, &rows, show)
        };
        if cv {
            continue;
        }
        let all: Vec<&Vec<(Feature, bool)>> = rows.iter().collect();
        let model = fit(&all, &data.iter().map(|e| e.harsh).collect::<Vec<_>>());
        let harsh: Vec<usize> = (0..data.len())
            .filter(|&i| data[i].harsh && KINDS.contains(&data[i].kind.as_str()))
            .collect();
        let kinds = fit_kinds(
            &harsh.iter().map(|&i| &rows[i]).collect::<Vec<_>>(),
            &harsh
                .iter()
                .map(|&i| data[i].kind.clone())
                .collect::<Vec<_>>(),
        );
        let path = format!(
            "{}/assets/tone/model-{lang}.tsv",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = model_text(lang, &model, Some(&kinds), thresholds, &counts);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        println!("wrote {path}");
    }
}
