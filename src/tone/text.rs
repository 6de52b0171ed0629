//! Sentences and tokens as the tone checker reads them.
//!
//! A sentence is normalised into a string of tokens separated by single spaces: Latin lower
//! case, Persian letter variants folded (ي/ی, ك/ک, أ/ا…), invisible marks dropped, digits made
//! `0`, English contractions spelled out ("don't" → "do not"), and the Persian parts that
//! writers join or split at will made one word (the continuous «می»/«نمی», «بی», plural
//! «ها», comparative «تر», pronoun suffixes «تان»…): «می‌کنید», «می کنید» and «میکنید» are one
//! token. Each token remembers the bytes of the original text it came from.

use crate::lang::Lang;
use std::ops::Range;

/// One normalised sentence.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    /// The tokens, separated by single spaces.
    pub text: String,
    /// Per token: its range in `text` and the range of the original text it came from.
    pub tokens: Vec<(Range<usize>, Range<usize>)>,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The `i`th token.
    pub fn get(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |(r, _)| &self.text[r.clone()])
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.tokens.iter().map(|(r, _)| &self.text[r.clone()])
    }

    /// The original byte range covered by tokens `from..to`.
    pub fn original(&self, from: usize, to: usize) -> Range<usize> {
        let to = to.min(self.tokens.len());
        if from >= to {
            return 0..0;
        }
        self.tokens[from].1.start..self.tokens[to - 1].1.end
    }
}

/// Sentence ranges of `text`: a sentence ends at `.`, `!`, `?`, `؟` or a line break (`.`
/// only before a space or the end, and not after a one-letter or known abbreviation, so that
/// "1.5", "e.g." and "Mr. Khan" stay inside their sentence). Runs of marks stay with their
/// sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    // Bytes, not chars: every mark that ends a sentence is ASCII or «؟» (D8 9F).
    let b = text.as_bytes();
    let mark_len = |j: usize| -> usize {
        match b.get(j) {
            Some(b'!' | b'?' | b'.' | b'"' | b')') => 1,
            Some(0xD8) if b.get(j + 1) == Some(&0x9F) => 2,
            // » and ”
            Some(0xC2) if b.get(j + 1) == Some(&0xBB) => 2,
            Some(0xE2) if b.get(j + 1) == Some(&0x80) && b.get(j + 2) == Some(&0x9D) => 3,
            _ => 0,
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let ends = match b[i] {
            b'\n' | b'!' | b'?' => 1,
            0xD8 if b.get(i + 1) == Some(&0x9F) => 2,
            b'.' => {
                let next = text[i + 1..].chars().next();
                let at_gap = next
                    .is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '»' | ')' | '\u{201D}'));
                usize::from(at_gap && !is_abbreviation(&text[start..i]))
            }
            _ => 0,
        };
        if ends == 0 {
            i += 1;
            continue;
        }
        // Keep "?!", "..." and closing quotes with the sentence they end.
        let mut j = i + ends;
        while b.get(j) != Some(&b'\n') && mark_len(j) > 0 {
            j += mark_len(j);
        }
        push_sentence(text, start..j, &mut out);
        start = j;
        i = j;
    }
    push_sentence(text, start..text.len(), &mut out);
    out
}

fn push_sentence(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if s.trim().chars().any(char::is_alphanumeric) {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether the text before a full stop ends in an abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "st"
            | "no"
            | "vs"
            | "etc"
            | "e.g"
            | "i.e"
            | "approx"
            | "inc"
            | "ltd"
            | "co"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "a.m"
            | "p.m"
            | "ref"
    )
}

/// Characters that vanish in normalisation: joiners, direction marks, tatweel, harakat.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200C}'
            | '\u{200B}'
            | '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{0640}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
    )
}

/// A letter or digit as the tokenizer sees it (after folding).
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return !matches!(
            c,
            '\u{0600}'..='\u{060F}' | '\u{061B}'..='\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        );
    }
    c.is_alphanumeric()
}

/// The folded form of one character, or `None` when it is dropped.
fn fold(c: char) -> Option<char> {
    if is_invisible(c) {
        return None;
    }
    Some(match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'أ' | 'إ' | 'ٱ' => 'ا',
        'ؤ' => 'و',
        'ة' => 'ه',
        'ۀ' => 'ه',
        '\u{2018}' | '\u{2019}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '«' | '»' => '"',
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '\u{2013}' | '\u{2014}' => '-',
        '\u{2026}' => '.',
        c if c.is_ascii_digit()
            || ('\u{06F0}'..='\u{06F9}').contains(&c)
            || ('\u{0660}'..='\u{0669}').contains(&c) =>
        {
            '0'
        }
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    })
}

/// Persian parts that writers attach or detach at will, joined to the word after them.
const FA_PREFIXES: [&str; 3] = ["می", "نمی", "بی"];
/// … and to the word before them.
const FA_SUFFIXES: [&str; 14] = [
    "ها", "های", "هایی", "هایم", "هایت", "تر", "ترین", "تان", "مان", "شان", "اید", "ایم", "اند",
    "ام",
];

/// Tokenizes and normalises `text` (one sentence).
pub fn tokens(text: &str, lang: Lang) -> Tokens {
    // Raw tokens, folded into one buffer: runs of word characters (and an apostrophe inside an
    // English word), or a single mark; repeated identical marks become one token of at most
    // two. Per token: its range in `buf` and in `text`.
    let mut buf = String::with_capacity(text.len());
    let mut raw: Vec<(Range<usize>, Range<usize>)> = Vec::with_capacity(text.len() / 4);
    let mut word: Option<(usize, usize, usize)> = None; // buf start, text start, text end
    let mut prev_mark: Option<char> = None;
    let close = |word: &mut Option<(usize, usize, usize)>,
                 buf: &mut String,
                 raw: &mut Vec<(Range<usize>, Range<usize>)>| {
        if let Some((b, t, e)) = word.take() {
            while buf.len() > b && buf.ends_with('\'') {
                buf.pop();
            }
            if buf.len() > b {
                raw.push((b..buf.len(), t..e));
            }
        }
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let Some(f) = fold(c) else {
            // A joiner inside a word keeps the word going.
            continue;
        };
        let end = i + c.len_utf8();
        let apostrophe_in_word = f == '\''
            && word.is_some()
            && iter
                .peek()
                .and_then(|&(_, n)| fold(n))
                .is_some_and(|n| n.is_ascii_alphabetic());
        if is_word(f) || apostrophe_in_word {
            match &mut word {
                Some((_, _, e)) => *e = end,
                None => word = Some((buf.len(), i, end)),
            }
            buf.push(f);
            prev_mark = None;
            continue;
        }
        close(&mut word, &mut buf, &mut raw);
        if f.is_whitespace() || f == '\'' {
            prev_mark = None;
            continue;
        }
        if prev_mark == Some(f) {
            // "!!!" reads as "!!".
            if let Some(last) = raw.last_mut() {
                if buf[last.0.clone()].chars().count() < 2 {
                    buf.push(f);
                    last.0.end = buf.len();
                }
                last.1.end = end;
            }
            continue;
        }
        prev_mark = Some(f);
        let start = buf.len();
        buf.push(f);
        raw.push((start..buf.len(), i..end));
    }
    close(&mut word, &mut buf, &mut raw);

    let mut out = Tokens {
        text: String::with_capacity(buf.len() + 8),
        tokens: Vec::with_capacity(raw.len() + 4),
    };
    let push = |out: &mut Tokens, w: &str, span: Range<usize>| {
        if !out.text.is_empty() {
            out.text.push(' ');
        }
        let start = out.text.len();
        out.text.push_str(w);
        out.tokens.push((start..out.text.len(), span));
    };
    let is_arabic_word = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| ('\u{0620}'..='\u{06FF}').contains(&c))
    };
    let mut k = 0;
    while k < raw.len() {
        let (r, span) = (&raw[k].0, raw[k].1.clone());
        let w = &buf[r.clone()];
        match lang {
            Lang::En => {
                if w.contains('\'') {
                    for part in expand_contraction(w) {
                        push(&mut out, &part, span.clone());
                    }
                } else {
                    push(&mut out, w, span);
                }
            }
            Lang::Fa => {
                if FA_PREFIXES.contains(&w)
                    && let Some((next, next_span)) = raw.get(k + 1)
                    && is_arabic_word(&buf[next.clone()])
                {
                    push(&mut out, w, span.start..next_span.end);
                    out.text.push_str(&buf[next.clone()]);
                    if let Some(last) = out.tokens.last_mut() {
                        last.0.end = out.text.len();
                    }
                    k += 2;
                    continue;
                }
                let joins = FA_SUFFIXES.contains(&w)
                    && out
                        .tokens
                        .last()
                        .is_some_and(|(pr, _)| is_arabic_word(&out.text[pr.clone()]));
                if joins {
                    out.text.push_str(w);
                    if let Some(last) = out.tokens.last_mut() {
                        last.0.end = out.text.len();
                        last.1.end = span.end;
                    }
                } else {
                    push(&mut out, w, span);
                }
            }
        }
        k += 1;
    }
    out
}

/// "don't" → "do not", "you're" → "you are", "it's" → "it 's".
fn expand_contraction(word: &str) -> Vec<String> {
    let Some(pos) = word.find('\'') else {
        return vec![word.to_string()];
    };
    let (stem, tail) = word.split_at(pos);
    let tail = &tail[1..];
    match (stem, tail) {
        ("won", "t") => vec!["will".into(), "not".into()],
        ("can", "t") => vec!["can".into(), "not".into()],
        ("shan", "t") => vec!["shall".into(), "not".into()],
        ("ain", "t") => vec!["is".into(), "not".into()],
        (s, "t") if s.ends_with('n') => vec![s[..s.len() - 1].to_string(), "not".into()],
        (s, "re") => vec![s.into(), "are".into()],
        (s, "ve") => vec![s.into(), "have".into()],
        (s, "ll") => vec![s.into(), "will".into()],
        (s, "d") => vec![s.into(), "would".into()],
        (s, "m") => vec![s.into(), "am".into()],
        (s, "s") => vec![s.into(), "'s".into()],
        _ => vec![word.replace('\'', "")],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Lang) -> Vec<String> {
        tokens(text, lang).iter().map(str::to_string).collect()
    }

    #[test]
    fn persian_spellings_fold_to_one_token() {
        for v in ["می‌کنید", "می کنید", "میکنید", "مي‌كنيد"] {
            assert_eq!(words(v, Lang::Fa), ["میکنید"], "{v}");
        }
        for v in ["بی‌مسئولیت", "بی مسئولیت", "بیمسئولیت", "بي‌مسئوليت"]
        {
            assert_eq!(words(v, Lang::Fa), ["بیمسئولیت"], "{v}");
        }
        assert_eq!(words("خسته‌تان کردم", Lang::Fa), ["خستهتان", "کردم"]);
        assert_eq!(words("کار ها", Lang::Fa), ["کارها"]);
        assert_eq!(
            words("تا ۱۵ آذر ۱۴۰۵؟!", Lang::Fa),
            ["تا", "00", "آذر", "0000", "?", "!"]
        );
    }

    #[test]
    fn english_contractions_and_case() {
        assert_eq!(
            words("You DON'T care", Lang::En),
            ["you", "do", "not", "care"]
        );
        assert_eq!(
            words("You’re late!!!", Lang::En),
            ["you", "are", "late", "!!"]
        );
        assert_eq!(
            words("won't can't I'd", Lang::En),
            ["will", "not", "can", "not", "i", "would"]
        );
        assert_eq!(
            words("the clients' files", Lang::En),
            ["the", "clients", "files"]
        );
    }

    #[test]
    fn tokens_point_into_the_original() {
        let text = "شما  بي‌مسئوليت هستید.";
        let t = tokens(text, Lang::Fa);
        assert_eq!(&text[t.original(1, 2)], "بي‌مسئوليت");
        assert_eq!(&text[t.original(0, 3)], "شما  بي‌مسئوليت هستید");
    }

    #[test]
    fn sentences_split_at_ends_not_at_abbreviations_or_decimals() {
        let text =
            "Dear Mr. Khan,\nThe fee is 1.5 million, e.g. for print. Pay now!! Really?\nThanks";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            [
                "Dear Mr. Khan,",
                "The fee is 1.5 million, e.g. for print.",
                "Pay now!!",
                "Really?",
                "Thanks"
            ]
        );
        let fa = "سلام. چند بار باید بگویم؟! تمام.";
        let s: Vec<&str> = sentences(fa).into_iter().map(|r| &fa[r]).collect();
        assert_eq!(s, ["سلام.", "چند بار باید بگویم؟!", "تمام."]);
    }
}
