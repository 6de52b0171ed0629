//! The statistical layer: a linear classifier over word and character n-grams (and the cues
//! the rules see) that names a sentence reading as hostile, whatever words it uses.
//!
//! The weights live in `assets/tone/model-<lang>.tsv`, written by
//! `cargo run --release --example train_tone` (logistic regression, L-BFGS by `argmin`).
//! A sentence's features form two blocks, its words and word pairs, and its character 2–5-grams
//! (of the normalised text); in each block a feature seen `n` times is worth
//! `(1 + ln n) · idf`, and the block is scaled to unit length (over the features the model
//! knows). The score is the dot product with the weights, plus the cue weights and the bias,
//! through the logistic function. Scaling each block by its length keeps long and short
//! sentences comparable; the idf keeps common grams from swamping rare telling ones.
//!
//! File format, one entry per line, tab-separated: `bias <w>`, `threshold <p>`,
//! `rule_threshold <p>` (see `check_using`),
//! `<tag> <feature> <w> <idf>` where tag is `w` (word), `p` (word pair) or `c` (characters),
//! `q <cue> <w>` (a cue); and, for naming the kind of a hostile sentence, `kinds <k1,k2,…>`
//! and `K<tag> <feature> <w1,w2,…>` with `Kbias <b1,b2,…>` (the kind model scales n-grams by
//! one over the square root of their number). `#` starts a comment.

use super::text::Tokens;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Character n-gram lengths.
pub const CHAR_NGRAMS: std::ops::RangeInclusive<usize> = 2..=5;

/// Whether a character of normalised text counts as part of a word for the n-grams (every
/// non-ASCII character does: normalised text has no other symbols).
fn is_letter(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphanumeric()
}

/// Calls `f(tag, parts)` for every feature of a sentence: `w` words, `p` word pairs (with
/// `<s>`/`</s>` at the ends), `c` character n-grams of the spaced sentence (those with a
/// letter), `q` the given cues. Training reads features this way;
/// `for_each_key` gives the same features' keys without building strings.
pub fn for_each_feature(t: &Tokens, cues: &[&str], mut f: impl FnMut(char, &[&str])) {
    let mut prev = "<s>";
    for w in t.iter() {
        f('w', &[w]);
        f('p', &[prev, w]);
        prev = w;
    }
    f('p', &[prev, "</s>"]);
    let mut buf = String::with_capacity(t.text.len() + 2);
    buf.push(' ');
    buf.push_str(&t.text);
    buf.push(' ');
    let bounds: Vec<usize> = buf
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(buf.len()))
        .collect();
    let chars = bounds.len() - 1;
    for n in CHAR_NGRAMS {
        for start in 0..chars.saturating_sub(n - 1) {
            let gram = &buf[bounds[start]..bounds[start + n]];
            if gram.chars().any(is_letter) {
                f('c', &[gram]);
            }
        }
    }
    for cue in cues {
        f('q', &[cue]);
    }
}

/// The keys of the features `for_each_feature` gives, with each one's tag; the character
/// n-grams' keys are built one character at a time (this runs on every keystroke).
pub fn for_each_key(t: &Tokens, cues: &[&str], mut f: impl FnMut(u64, char)) {
    let mut prev = "<s>";
    for w in t.iter() {
        f(key('w', &[w]), 'w');
        f(key('p', &[prev, w]), 'p');
        prev = w;
    }
    f(key('p', &[prev, "</s>"]), 'p');
    let chars: Vec<char> = std::iter::once(' ')
        .chain(t.text.chars())
        .chain(std::iter::once(' '))
        .collect();
    let (shortest, longest) = (*CHAR_NGRAMS.start(), *CHAR_NGRAMS.end());
    let seed = seed('c');
    for start in 0..chars.len() {
        let mut h = seed;
        let mut letter = false;
        for (n, &c) in chars[start..].iter().take(longest).enumerate() {
            h = step(h, c);
            letter |= is_letter(c);
            if n + 1 >= shortest && letter {
                f(finish(h), 'c');
            }
        }
    }
    for cue in cues {
        f(key('q', &[cue]), 'q');
    }
}

/// Whether a feature tag is an n-gram (weighted within its block; in the kind model, scaled
/// by the number of n-grams) or a cue (counted as it is).
pub fn is_scaled(tag: char) -> bool {
    block(tag).is_some()
}

/// The block an n-gram tag belongs to: words and word pairs, or characters; `None` for a cue.
pub fn block(tag: char) -> Option<usize> {
    match tag {
        'w' | 'p' => Some(0),
        'c' => Some(1),
        _ => None,
    }
}

/// The number of n-gram blocks `block` names.
pub const BLOCKS: usize = 2;

/// The value of a feature seen `count` times in its sentence, before the block is scaled to
/// unit length.
pub fn tf_idf(count: usize, idf: f32) -> f32 {
    (1.0 + (count as f32).ln()) * idf
}

fn seed(tag: char) -> u64 {
    (tag as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// FNV-1a, one character at a time.
fn step(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x0100_0000_01b3)
}

fn finish(h: u64) -> u64 {
    h ^ (h >> 31)
}

/// The key of a feature: a hash of the tag and the parts joined by spaces.
pub fn key(tag: char, parts: &[&str]) -> u64 {
    let mut h = seed(tag);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = step(h, ' ');
        }
        for c in p.chars() {
            h = step(h, c);
        }
    }
    finish(h)
}

/// Keys are already hashes: use them as they are.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Weights<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// A trained classifier.
pub struct Model {
    /// Per feature: its weight and, for an n-gram, its idf (0 for a cue).
    weights: Weights<(f32, f32)>,
    bias: f32,
    /// A sentence whose probability reaches this reads as hostile.
    pub threshold: f32,
    /// A rule's hostile finding is kept when its sentence's probability reaches this.
    pub rule_threshold: f32,
    /// The harsh kinds the second model tells apart, and its weights.
    pub kinds: Vec<String>,
    kind_weights: Weights<Vec<f32>>,
    kind_bias: Vec<f32>,
}

impl Model {
    pub fn parse(source: &str) -> Result<Model, String> {
        let mut m = Model {
            weights: Weights::default(),
            bias: 0.0,
            threshold: 1.0,
            rule_threshold: 0.0,
            kinds: Vec::new(),
            kind_weights: Weights::default(),
            kind_bias: Vec::new(),
        };
        let floats = |s: &str, n: usize| -> Result<Vec<f32>, String> {
            s.split(',')
                .map(|x| x.parse::<f32>().map_err(|e| format!("line {n}: {e}")))
                .collect()
        };
        for (n, line) in source.lines().enumerate() {
            let n = n + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| s.parse::<f32>().map_err(|e| format!("line {n}: {e}"));
            match cols.as_slice() {
                ["bias", w] => m.bias = num(w)?,
                ["threshold", p] => m.threshold = num(p)?,
                ["rule_threshold", p] => m.rule_threshold = num(p)?,
                ["kinds", list] => m.kinds = list.split(',').map(str::to_string).collect(),
                ["Kbias", ws] => m.kind_bias = floats(ws, n)?,
                [tag, feature, ws] if tag.starts_with('K') => {
                    let tag = tag[1..]
                        .chars()
                        .next()
                        .ok_or(format!("line {n}: empty tag"))?;
                    let key = key(tag, &[feature]);
                    m.kind_weights.insert(key, floats(ws, n)?);
                }
                [tag, feature, w, idf] if tag.chars().count() == 1 => {
                    let tag = tag.chars().next().unwrap_or('?');
                    m.weights.insert(key(tag, &[feature]), (num(w)?, num(idf)?));
                }
                ["q", feature, w] => {
                    m.weights.insert(key('q', &[feature]), (num(w)?, 0.0));
                }
                _ => return Err(format!("line {n}: unexpected `{line}`")),
            }
        }
        if m.kind_bias.len() != m.kinds.len() {
            return Err("the kind biases do not match the kinds".into());
        }
        Ok(m)
    }

    /// The probability that the sentence reads as hostile.
    pub fn probability(&self, t: &Tokens, cues: &[&str]) -> f32 {
        let mut keys: [Vec<u64>; BLOCKS] = Default::default();
        let mut z = self.bias;
        for_each_key(t, cues, |key, tag| match block(tag) {
            Some(b) => keys[b].push(key),
            None => z += self.weights.get(&key).map_or(0.0, |e| e.0),
        });
        for block in &mut keys {
            // Equal keys side by side: each run is one feature and its count.
            block.sort_unstable();
            let (mut dot, mut length) = (0.0f32, 0.0f32);
            for run in block.chunk_by(|a, b| a == b) {
                if let Some(&(w, idf)) = self.weights.get(&run[0]) {
                    let v = tf_idf(run.len(), idf);
                    dot += w * v;
                    length += v * v;
                }
            }
            if length > 0.0 {
                z += dot / length.sqrt();
            }
        }
        1.0 / (1.0 + (-z).exp())
    }

    /// The most likely harsh kind of a sentence, if the model has a kind model.
    pub fn kind(&self, t: &Tokens, cues: &[&str]) -> Option<&str> {
        if self.kinds.is_empty() {
            return None;
        }
        let k = self.kinds.len();
        let mut scaled = vec![0.0f32; k];
        let mut plain = vec![0.0f32; k];
        let mut count = 0usize;
        for_each_feature(t, cues, |tag, parts| {
            let scaled_tag = is_scaled(tag);
            count += usize::from(scaled_tag);
            if let Some(ws) = self.kind_weights.get(&key(tag, parts)) {
                let acc = if scaled_tag { &mut scaled } else { &mut plain };
                for (a, w) in acc.iter_mut().zip(ws) {
                    *a += w;
                }
            }
        });
        let norm = (count.max(1) as f32).sqrt();
        let best = (0..k)
            .map(|i| (i, self.kind_bias[i] + plain[i] + scaled[i] / norm))
            .max_by(|a, b| a.1.total_cmp(&b.1))?;
        self.kinds.get(best.0).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::tone::text::tokens;

    #[test]
    fn features_cover_words_pairs_and_characters() {
        let t = tokens("You never pay", Lang::En);
        let mut seen = Vec::new();
        for_each_feature(&t, &["you"], |tag, parts| {
            seen.push(format!("{tag}:{}", parts.join(" ")))
        });
        for want in [
            "w:never",
            "p:<s> you",
            "p:pay </s>",
            "c: yo",
            "c:ver p",
            "c:ou",
            "q:you",
        ] {
            assert!(seen.contains(&want.to_string()), "{want} in {seen:?}");
        }
    }

    #[test]
    fn keys_built_by_character_match_the_features() {
        for (text, lang) in [
            ("You NEVER pay, do you?!", Lang::En),
            ("شما همیشه دیر می‌کنید؛ ۱۲ بار!", Lang::Fa),
        ] {
            let t = tokens(text, lang);
            let mut want: Vec<(u64, char)> = Vec::new();
            for_each_feature(&t, &["you", "?"], |tag, parts| {
                want.push((key(tag, parts), tag))
            });
            let mut got = Vec::new();
            for_each_key(&t, &["you", "?"], |k, s| got.push((k, s)));
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(want, got, "{text}");
        }
    }

    #[test]
    fn a_model_weighs_each_block_and_names_a_kind() {
        let src = "bias\t-1\nthreshold\t0.5\nw\tnever\t4\t2\nw\tpay\t-1\t1\nc\t ne\t0.5\t3\nq\tyou\t1\nkinds\tblame,curt\nKbias\t0,0\nKw\tnever\t1,-1\n";
        let m = Model::parse(src).unwrap();
        let t = tokens("Never pay, never", Lang::En);
        let p = m.probability(&t, &["you"]);
        // Words: «never» twice (1 + ln 2) · 2, «pay» once 1 · 1, to unit length; the pairs
        // and the other grams are unknown to the model and count for nothing. Characters: only
        // « ne» is known, so its block is ±1 times its weight whatever its count.
        let never = (1.0 + 2f32.ln()) * 2.0;
        let words = (4.0 * never - 1.0) / (never * never + 1.0).sqrt();
        let want = 1.0 / (1.0 + (-(-1.0 + 1.0 + words + 0.5)).exp());
        assert!((p - want).abs() < 1e-6, "{p} {want}");
        assert_eq!(m.kind(&t, &[]), Some("blame"));
        assert!(Model::parse("w\tx\tnot-a-number\t1\n").is_err());
        assert!(
            Model::parse("w\tx\t1\n").is_err(),
            "an n-gram needs its idf"
        );
    }
}
