//! Times the parts of the tone checker on a two-page letter (a development aid; the
//! benchmark figure comes from `cargo bench --bench tone`). `tone_profile [part] [lang]`.
use marz::render::{Draft, render};
use marz::store::{sample_clients, sample_sender};
use marz::tone::{self, cues, text};
use marz::{Lang, Library};
use std::collections::BTreeMap;
use std::time::Instant;

fn letter(lang: Lang) -> String {
    let library = Library::load(None);
    let template = library.get("termination-2", lang).unwrap();
    let client = sample_clients()
        .into_iter()
        .find(|c| c.language == lang)
        .unwrap();
    let sender = sample_sender();
    let values = BTreeMap::from([("reason".to_string(), "x".to_string())]);
    let mut letter = render(&Draft {
        template,
        client: &client,
        sender: &sender,
        values: &values,
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        number: "1".into(),
    })
    .unwrap();
    let body = letter.body.clone();
    while letter.to_text().chars().count() < 5_500 {
        letter.body.push_str("\n\n");
        letter.body.push_str(&body);
    }
    letter.to_text()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.first().cloned().unwrap_or_default();
    let langs: Vec<Lang> = match args.get(1) {
        Some(l) => vec![l.parse().unwrap()],
        None => Lang::ALL.to_vec(),
    };
    let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    for lang in langs {
        let t = letter(lang);
        let _ = tone::check(&t, lang);
        let time = |name: &str, f: &dyn Fn()| {
            if !only.is_empty() && only != name {
                return;
            }
            let mut best = f64::MAX;
            for _ in 0..5 {
                let s = Instant::now();
                for _ in 0..n {
                    f()
                }
                best = best.min(s.elapsed().as_secs_f64() * 1e6 / n as f64);
            }
            println!("{lang} {name}: {best:.1} µs");
        };
        let sents = text::sentences(&t);
        let toks: Vec<_> = sents.iter().map(|s| text::tokens(&t[s.clone()], lang)).collect();
        let cs: Vec<_> = toks.iter().map(|k| cues::cues(k, lang)).collect();
        let m = tone::model(lang);
        time("sentences", &|| {
            std::hint::black_box(text::sentences(&t));
        });
        time("tokens", &|| {
            for s in &sents {
                std::hint::black_box(text::tokens(&t[s.clone()], lang));
            }
        });
        time("analyse", &|| {
            for k in &toks {
                std::hint::black_box(cues::analyse(k, lang));
            }
        });
        time("probability", &|| {
            for (k, c) in toks.iter().zip(&cs) {
                std::hint::black_box(m.probability(k, c));
            }
        });
        time("rules", &|| {
            let o = tone::Options {
                structure: true,
                model: false,
            };
            std::hint::black_box(tone::check_with(&t, lang, o));
        });
        time("check", &|| {
            std::hint::black_box(tone::check(&t, lang));
        });
    }
}
