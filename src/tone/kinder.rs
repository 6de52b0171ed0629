//! Kinder wordings that keep the sentence whole.
//!
//! A kinder wording is a clause, and it takes the place of the whole clause that holds the
//! flagged words: from a boundary (the sentence's start, a mark such as «،» or ":", a word
//! such as «چون» or "because") to a boundary. Replacing the words alone cannot work: the
//! words around them (a copula, a suffix, a preposition) were chosen for them («این کار
//! بی‌مسئولیتی است» would keep its «ی است»). A clause for a clause reads whatever surrounds
//! it, provided the old clause really was one and held nothing but the accusation: every
//! other word in it must be a frame word (who is addressed, an intensifier, the copula),
//! which goes with it. A value, a date or any other word means no wording is offered: the
//! owner gets the rewrite hint instead.

use super::Folded;
use crate::lang::Lang;
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;

/// The lists in a rule file's `[clause]` table.
#[derive(Debug, Deserialize)]
pub(super) struct ClauseLists {
    frame: Vec<String>,
    suffixes: Vec<String>,
    openers: Vec<String>,
    joins: Vec<String>,
    links: Vec<String>,
    complements: Vec<String>,
    subjects: Vec<String>,
    finite_end: bool,
    finite: Vec<String>,
    finite_endings: Vec<String>,
    past_stems: Vec<String>,
}

/// One language's clause grammar, folded.
pub(super) struct Grammar {
    lang: Lang,
    frame: HashSet<String>,
    suffixes: HashSet<String>,
    /// Each opener as its folded words.
    openers: Vec<Vec<String>>,
    joins: Vec<Vec<String>>,
    links: HashSet<String>,
    complements: HashSet<String>,
    subjects: HashSet<String>,
    finite_end: bool,
    finite: HashSet<String>,
    finite_endings: Vec<String>,
    past_stems: Vec<String>,
}

/// A kinder clause and the words its group lets go with it.
pub(super) struct Wording {
    pub text: String,
    frame: HashSet<String>,
}

fn fold_word(word: &str, lang: Lang) -> String {
    Folded::new(word, lang == Lang::Fa).text
}

fn fold_all(list: &[String], lang: Lang) -> HashSet<String> {
    list.iter().map(|w| fold_word(w, lang)).collect()
}

fn fold_phrases(list: &[String], lang: Lang) -> Vec<Vec<String>> {
    list.iter()
        .map(|p| p.split_whitespace().map(|w| fold_word(w, lang)).collect())
        .collect()
}

impl Grammar {
    pub(super) fn new(lists: &ClauseLists, lang: Lang) -> Grammar {
        Grammar {
            lang,
            frame: fold_all(&lists.frame, lang),
            suffixes: fold_all(&lists.suffixes, lang),
            openers: fold_phrases(&lists.openers, lang),
            joins: fold_phrases(&lists.joins, lang),
            links: fold_all(&lists.links, lang),
            complements: fold_all(&lists.complements, lang),
            subjects: fold_all(&lists.subjects, lang),
            finite_end: lists.finite_end,
            finite: fold_all(&lists.finite, lang),
            finite_endings: lists
                .finite_endings
                .iter()
                .map(|w| fold_word(w, lang))
                .collect(),
            past_stems: lists
                .past_stems
                .iter()
                .map(|w| fold_word(w, lang))
                .collect(),
        }
    }

    /// Whether a word is certainly a verb that ends a clause (before «و»، «که»).
    fn is_verb(&self, w: &str) -> bool {
        if self.finite.contains(w) {
            return true;
        }
        // The copula's clitic after a vowel: «شماست»، «کجاست»، «اوست».
        if let Some(stem) = w.strip_suffix("ست")
            && (stem.ends_with('ا') || stem.ends_with('و'))
            && stem.chars().count() >= 2
        {
            return true;
        }
        let endings = ["", "م", "ی", "یم", "ید", "ند"];
        // The continuous «می»/«نمی» with a person ending: «می‌کنم»، «نمی‌دانید».
        if let Some(rest) = w.strip_prefix("نمی").or_else(|| w.strip_prefix("می"))
            && rest.chars().count() >= 2
            && ["م", "ی", "د"].iter().any(|e| rest.ends_with(e))
        {
            return true;
        }
        let bare = w.strip_prefix('ن').unwrap_or(w);
        self.past_stems.iter().any(|stem| {
            [w, bare].iter().any(|v| {
                v.strip_prefix(stem.as_str())
                    .is_some_and(|rest| endings.contains(&rest))
            })
        })
    }

    /// Whether `words` (up to a mark) read as a clause of their own: in Persian, they end in
    /// a verb; in English, they name a subject; in both, they may open with a conjunction.
    fn starts_clause(&self, words: &[&str]) -> bool {
        let opens = |w: &&str| {
            self.links.contains(*w) || self.joins.iter().any(|j| j.first().is_some_and(|f| f == w))
        };
        if words.first().is_some_and(opens) {
            return true;
        }
        if self.finite_end {
            words.last().is_some_and(|w| self.is_verb(w))
        } else {
            words.iter().any(|w| self.subjects.contains(*w))
        }
    }

    /// `words` without the openers at their end.
    fn strip_openers<'a, 'w>(&self, mut words: &'a [&'w str]) -> &'a [&'w str] {
        while let Some(opener) = self
            .openers
            .iter()
            .find(|o| !o.is_empty() && ends_with_phrase(words, o))
        {
            words = &words[..words.len() - opener.len()];
        }
        words
    }

    /// Whether a clause can end with this word.
    fn ends_clause(&self, w: &str) -> bool {
        !self.finite_end || self.is_verb(w) || self.finite_endings.iter().any(|e| w.ends_with(e))
    }
}

impl Wording {
    pub(super) fn new(text: &str, frame: &[String], lang: Lang) -> Wording {
        Wording {
            text: text.to_string(),
            frame: fold_all(frame, lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// A word, folded.
    Word(String),
    /// A punctuation mark.
    Mark(char),
    /// A value held between isolate marks (U+2066…U+2069): never part of a clause.
    Value,
}

#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    piece: Piece,
}

impl Token {
    fn word(&self) -> Option<&str> {
        match &self.piece {
            Piece::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Joiners and marks that belong inside a word.
fn is_inside_word(c: char) -> bool {
    matches!(
        c,
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{0640}' | '\u{064B}'
            ..='\u{065F}' | '\u{0670}'
    )
}

fn tokens(text: &str, lang: Lang) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let mut value_depth = 0usize;
    let mut value_start = 0;
    let flush = |word: &mut Option<usize>, end: usize, out: &mut Vec<Token>| {
        if let Some(start) = word.take() {
            out.push(Token {
                range: start..end,
                piece: Piece::Word(fold_word(&text[start..end], lang)),
            });
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if value_depth > 0 {
            match c {
                '\u{2066}'..='\u{2068}' => value_depth += 1,
                '\u{2069}' => {
                    value_depth -= 1;
                    if value_depth == 0 {
                        out.push(Token {
                            range: value_start..i + c.len_utf8(),
                            piece: Piece::Value,
                        });
                    }
                }
                _ => {}
            }
            continue;
        }
        if ('\u{2066}'..='\u{2068}').contains(&c) {
            flush(&mut word, i, &mut out);
            value_depth = 1;
            value_start = i;
            continue;
        }
        // A curly apostrophe between letters is part of the word ("you’re").
        let apostrophe = c == '\u{2019}'
            && word.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        if super::is_word_char(c) || (word.is_some() && is_inside_word(c)) || apostrophe {
            word.get_or_insert(i);
            continue;
        }
        flush(&mut word, i, &mut out);
        if !c.is_whitespace() && !is_inside_word(c) && c != '\u{2069}' {
            out.push(Token {
                range: i..i + c.len_utf8(),
                piece: Piece::Mark(c),
            });
        }
    }
    flush(&mut word, text.len(), &mut out);
    if value_depth > 0 {
        // An isolate left open holds the rest of the text.
        out.push(Token {
            range: value_start..text.len(),
            piece: Piece::Value,
        });
    }
    out
}

/// Whether `words` ends with `phrase`.
fn ends_with_phrase(words: &[&str], phrase: &[String]) -> bool {
    words.len() >= phrase.len()
        && words[words.len() - phrase.len()..]
            .iter()
            .zip(phrase)
            .all(|(a, b)| *a == b)
}

/// The clause around `hit` in `sentence` (both byte ranges of `text`), replaced by
/// `wording`: the range it takes and the text to put there. `None` where no clause of the
/// right kind holds the hit.
pub(super) fn fit(
    text: &str,
    sentence: Range<usize>,
    hit: Range<usize>,
    wording: &Wording,
    grammar: &Grammar,
) -> Option<(Range<usize>, String)> {
    let base = sentence.start;
    let s = &text[sentence];
    let hit = hit.start.checked_sub(base)?..hit.end.checked_sub(base)?;
    if hit.end > s.len() {
        return None;
    }
    let toks = tokens(s, grammar.lang);
    let first = toks.iter().position(|t| t.range.end > hit.start)?;
    let last = toks.iter().rposition(|t| t.range.start < hit.end)?;
    if toks[first].range.start != hit.start || last < first {
        return None;
    }
    if toks[first..=last].iter().any(|t| t.word().is_none()) {
        return None;
    }
    // What the last flagged word carries after the pattern must be an ending we know.
    let rest = fold_word(
        &s[hit.end.min(toks[last].range.end)..toks[last].range.end],
        grammar.lang,
    );
    if !rest.is_empty() && !grammar.suffixes.contains(&rest) {
        return None;
    }
    let framed = |t: &Token| {
        t.word()
            .is_some_and(|w| grammar.frame.contains(w) || wording.frame.contains(w))
    };
    let mut from = first;
    while from > 0 && framed(&toks[from - 1]) {
        from -= 1;
    }
    let mut to = last + 1;
    while to < toks.len() && framed(&toks[to]) {
        to += 1;
    }
    let clause_last = toks[to - 1].word()?;
    if !grammar.ends_clause(clause_last) {
        return None;
    }

    // Before the clause: back to the last mark, only openers and at most one conjunction.
    let mut start = from;
    while start > 0 && toks[start - 1].word().is_some() {
        start -= 1;
    }
    let after_value = start > 0 && toks[start - 1].piece == Piece::Value;
    // The clause starts at the first frame word that leaves a fitting start before it (a
    // frame word may also be the conjunction: "… clear that it's your fault").
    let from = (from..=first).find(|&at| {
        let before: Vec<&str> = toks[start..at].iter().filter_map(Token::word).collect();
        let names_subject = toks[at]
            .word()
            .is_some_and(|w| grammar.subjects.contains(w));
        fits_before(&before, after_value, names_subject, grammar)
    })?;

    // After the clause: a mark, the sentence's end, or a conjunction that starts a clause.
    let mut end = toks[to - 1].range.end;
    let mut kinder = wording.text.clone();
    match toks.get(to).map(|t| &t.piece) {
        None => {}
        Some(Piece::Mark('?' | '؟')) => return None,
        // A single «!» ending the sentence after a kinder clause would read as shouting it:
        // a full stop. (Several are the shouting rule's to fix.)
        Some(Piece::Mark('!')) if to + 1 == toks.len() => {
            end = toks[to].range.end;
            kinder.push('.');
        }
        Some(Piece::Mark('!')) => {}
        Some(Piece::Mark('.' | '…')) => {}
        Some(Piece::Mark(_)) => {
            // After «،»، "," or a dash the sentence goes on; what follows must be a clause of
            // its own, not a tail that leans on the old one ("…, not ours", «…، نه ما»).
            let next: Vec<&str> = toks[to + 1..].iter().map_while(Token::word).collect();
            if !next.is_empty() && !grammar.starts_clause(&next) {
                return None;
            }
        }
        Some(Piece::Value) => return None,
        Some(Piece::Word(w)) => {
            let after: Vec<&str> = toks[to..].iter().map_while(Token::word).collect();
            let join = grammar.joins.iter().any(|j| starts_with_phrase(&after, j));
            let link = grammar.links.contains(w.as_str())
                && (grammar.finite_end
                    || after
                        .get(1)
                        .is_some_and(|next| grammar.subjects.contains(*next)));
            if !join && !link {
                return None;
            }
        }
    }

    // English starts a sentence with a capital.
    if grammar.lang == Lang::En
        && !s[..toks[from].range.start]
            .chars()
            .any(char::is_alphanumeric)
    {
        let mut chars = kinder.chars();
        if let Some(c) = chars.next() {
            kinder = c.to_uppercase().chain(chars).collect();
        }
    }
    Some((base + toks[from].range.start..base + end, kinder))
}

/// Whether `words` starts with `phrase`.
fn starts_with_phrase(words: &[&str], phrase: &[String]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(a, b)| *a == b)
}

/// Whether the words between the last mark and the clause let a clause follow: nothing,
/// openers («راستش»، "frankly"), or words ending with a conjunction that starts a clause,
/// then openers again.
fn fits_before(words: &[&str], after_value: bool, names_subject: bool, grammar: &Grammar) -> bool {
    // Openers right before the clause.
    let words = grammar.strip_openers(words);
    let Some(&last) = words.last() else {
        // Right after a value there is no boundary.
        return !after_value;
    };
    if grammar.joins.iter().any(|j| ends_with_phrase(words, j)) {
        return true;
    }
    let rest = &words[..words.len() - 1];
    let rest_is_openers =
        !(rest.is_empty() && after_value) && grammar.strip_openers(rest).is_empty();
    let verb_before = rest.last().is_some_and(|w| grammar.is_verb(w));
    if grammar.links.contains(last) {
        return rest_is_openers || names_subject || verb_before;
    }
    if grammar.complements.contains(last) {
        // English "that" after any verb or opener; Persian «که» only after a verb.
        return verb_before || (rest_is_openers && !rest.is_empty()) || !grammar.finite_end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::{Finding, Options, RuleFile, check_with};
    use super::*;

    /// Per language: each pattern that has a kinder wording, and a clause an owner would
    /// write with it (suffixed, with the copula, with intensifiers, spelled with or without
    /// ZWNJ). Every such pattern must have one here.
    const FA_CLAUSES: &[(&str, &str)] = &[
        ("شما بی‌ادب", "شما واقعاً بی‌ادب هستید"),
        ("بی‌ادب هستید", "بی ادب هستید"),
        ("بی‌ادبید", "خیلی بی‌ادبید"),
        ("آدم بی‌ادبی", "شما آدم بی‌ادبی هستید"),
        ("بی‌تربیت", "جنابعالی واقعاً بی‌تربیتید"),
        ("بی‌احترامید", "شما با ما بی‌احترامید"),
        ("آدم بی‌احترامی", "آدم بی‌احترامی هستید"),
        ("غیرحرفه‌ای هستید", "کاملاً غیرحرفه‌ای هستید"),
        ("غیرحرفه‌ای‌اید", "شما غیرحرفه‌ای‌اید"),
        ("شما غیرحرفه‌ای", "شما غیر حرفه ای بودید"),
        ("رفتار غیرحرفه‌ای شما", "رفتار غیرحرفه‌ای شما قابل قبول نیست"),
        ("بی‌مسئولیت", "این کار بی‌مسئولیتی است"),
        ("بدقول هستید", "واقعاً بدقول هستید"),
        ("بدقولید", "شما بدقولید"),
        ("شما بدقول", "شما بدقول بودید"),
        ("آدم بدقولی", "آدم بدقولی هستید"),
        ("شما دروغ", "شما دروغ می‌گویید"),
        ("دروغ گفتید", "به ما دروغ گفتید"),
        ("دروغگو", "شما یک دروغگو هستید"),
        ("سوءاستفاده‌گر", "شما سوءاستفاده‌گرید"),
        ("فرصت‌طلب", "شما آدم فرصت‌طلبی هستید"),
        ("پرتوقع هستید", "خیلی پرتوقع هستید"),
        ("پرتوقعید", "واقعاً پرتوقعید"),
        ("آدم پرتوقعی", "آدم پرتوقعی هستید"),
        ("مقصر شمایید", "مقصر شمایید"),
        ("مقصر شما هستید", "مقصر شما هستید"),
        ("شما مقصرید", "شما مقصرید"),
        ("شما مقصر", "شما مقصر هستید"),
        ("تقصیر شماست", "این تقصیر شماست"),
        ("تقصیر خودتان", "تقصیر خودتان است"),
        ("همه‌اش تقصیر", "همه‌اش تقصیر شماست"),
        ("گناه شماست", "گناه شماست"),
        ("مشکل از شماست", "مشکل از شماست"),
        ("مشکل شما هستید", "مشکل شما هستید"),
    ];

    /// Sentences around a clause (`{}`): after an opener and a comma, in an exclamation,
    /// after a clause that holds an isolated value, before a conjunction, after «که».
    const FA_FRAMES: &[&str] = &[
        "{}.",
        "راستش را بخواهید، {}!",
        "صورت‌حساب \u{2068}INV-2041\u{2069} هنوز پرداخت نشده است؛ {} و دیگر نمی‌توانیم منتظر بمانیم.",
        "فکر می‌کنم {}.",
        "متأسفانه {}، چون سه بار موعد تحویل را عقب انداختید.",
        "ما این پروژه را با امید شروع کردیم اما {}.",
        "معلوم است که {}.",
        "پیش‌پرداخت \u{2068}۱۲٬۰۰۰٬۰۰۰ ریال\u{2069} را هم دیر فرستادید و {}.",
        "تحویل طرح دو هفته عقب افتاد، چون {}.",
    ];

    const EN_CLAUSES: &[(&str, &str)] = &[
        ("you are rude", "you are rude to us"),
        ("you're rude", "you're rude"),
        ("you were rude", "you were rude to me"),
        ("you are so rude", "you are so rude"),
        ("you are disrespectful", "you are disrespectful towards us"),
        ("you're disrespectful", "you\u{2019}re disrespectful"),
        ("you are unprofessional", "you are unprofessional"),
        ("you're unprofessional", "you're unprofessional"),
        ("you are lazy", "you are lazy"),
        ("you're lazy", "you're lazy"),
        ("you are irresponsible", "you are irresponsible"),
        ("you're irresponsible", "you\u{2019}re irresponsible"),
        ("you are unreliable", "you are unreliable"),
        ("you're unreliable", "you're unreliable"),
        ("you are a liar", "you are a liar"),
        ("you're a liar", "you're a liar"),
        ("you lied", "you lied to us"),
        ("you are impossible", "you are impossible to deal with"),
        ("you're impossible", "you're impossible"),
        ("you are difficult", "you are difficult to work with"),
        ("you're difficult", "you're difficult"),
        ("you are a nightmare", "you are a nightmare to work with"),
        ("you're a nightmare", "you're a nightmare"),
        ("you are toxic", "you are toxic"),
        ("you're toxic", "you're toxic"),
        ("you are greedy", "you are greedy"),
        ("you're greedy", "you're greedy"),
        ("your fault", "it's all your fault"),
        ("you are to blame", "you are to blame"),
        ("you're to blame", "you're to blame"),
        ("you are the problem", "you are the problem"),
        ("you're the problem", "you're the problem"),
        ("you caused", "you caused this"),
        ("you ruined", "you ruined everything"),
        ("you messed up", "you messed up"),
        ("you screwed up", "you screwed up"),
    ];

    const EN_FRAMES: &[&str] = &[
        "{}.",
        "Frankly, {}!",
        "Invoice \u{2068}INV-2041\u{2069} is still unpaid, and {}.",
        "I think {}, and we both know it.",
        "We missed the launch because {}.",
        "Honestly, {}; we cannot go on like this.",
        "It is clear that {}.",
        "The deposit of \u{2068}€1,200\u{2069} came a month late and {}.",
        "Please read this before you reply: {}.",
    ];

    fn rules_only(text: &str, lang: Lang) -> Vec<Finding> {
        check_with(
            text,
            lang,
            Options {
                structure: false,
                model: false,
            },
        )
    }

    fn rule_file(lang: Lang) -> RuleFile {
        let source = match lang {
            Lang::Fa => include_str!("../../assets/tone/fa.toml"),
            Lang::En => include_str!("../../assets/tone/en.toml"),
        };
        toml::from_str(source).unwrap()
    }

    fn folded(text: &str, lang: Lang) -> String {
        Folded::new(text, lang == Lang::Fa).text
    }

    /// Words that are a form of "to be": two in a row is a copula left behind.
    fn is_copula(word: &str, lang: Lang) -> bool {
        match lang {
            Lang::Fa => [
                "است",
                "هست",
                "هستید",
                "هستند",
                "بود",
                "بودی",
                "بودید",
                "بودند",
                "نبود",
                "نیست",
            ]
            .contains(&word),
            Lang::En => ["is", "are", "was", "were", "am", "be", "been"].contains(&word),
        }
    }

    fn capitalised(s: &str) -> String {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_kinder_wording_leaves_a_grammatical_sentence() {
        for (lang, clauses, frames) in [
            (Lang::Fa, FA_CLAUSES, FA_FRAMES),
            (Lang::En, EN_CLAUSES, EN_FRAMES),
        ] {
            let file = rule_file(lang);
            let groups: Vec<_> = file
                .phrases
                .iter()
                .filter(|g| g.replacement.is_some())
                .collect();
            let patterns: Vec<String> = groups
                .iter()
                .flat_map(|g| g.patterns.iter().map(|p| folded(p, lang)))
                .collect();
            let mut shown = 0;
            for group in &groups {
                let wording = group.replacement.as_deref().unwrap();
                for pattern in &group.patterns {
                    let (at, (_, clause)) = clauses
                        .iter()
                        .enumerate()
                        .find(|(_, (p, _))| p == pattern)
                        .unwrap_or_else(|| panic!("{lang}: no test clause for «{pattern}»"));
                    for k in [0, 3, 5] {
                        let frame = frames[(at + k) % frames.len()];
                        let clause = if frame.starts_with("{}") && lang == Lang::En {
                            capitalised(clause)
                        } else {
                            clause.to_string()
                        };
                        let sentence = frame.replace("{}", &clause);
                        let pos = sentence.find(&clause).unwrap();
                        let f = rules_only(&sentence, lang)
                            .into_iter()
                            .find(|f| f.span.contains(&pos) && f.replacement.is_some())
                            .unwrap_or_else(|| {
                                panic!(
                                    "{lang}: no kinder wording in «{sentence}»: {:#?}",
                                    rules_only(&sentence, lang)
                                )
                            });
                        // The whole clause is replaced (with a lone «!» after it).
                        assert_eq!(f.span.start, pos, "{sentence}: {f:?}");
                        let end = pos + clause.len();
                        assert!(
                            f.span.end == end || sentence[end..f.span.end] == *"!",
                            "{sentence}: {f:?}"
                        );
                        let applied = f.apply(&sentence).unwrap();
                        println!("{lang}: {sentence}\n    → {applied}");
                        shown += 1;
                        // The wording stands in it whole.
                        let kinder = f.replacement.as_deref().unwrap();
                        assert!(applied.contains(kinder));
                        assert!(
                            kinder.trim_end_matches('.') == wording
                                || kinder.trim_end_matches('.') == capitalised(wording),
                            "{kinder}"
                        );
                        // No flagged words remain.
                        let left = folded(&applied, lang);
                        for p in &patterns {
                            assert!(!left.contains(p.as_str()), "«{p}» left in «{applied}»");
                        }
                        // No copula after a copula ("بودی است", "was is").
                        let words: Vec<String> = applied
                            .split_whitespace()
                            .map(|w| {
                                folded(w, lang)
                                    .trim_matches(|c: char| !super::super::is_word_char(c))
                                    .to_string()
                            })
                            .collect();
                        for pair in words.windows(2) {
                            assert!(
                                !(is_copula(&pair[0], lang) && is_copula(&pair[1], lang)),
                                "{pair:?} in «{applied}»"
                            );
                        }
                        // One full stop ends it, nothing doubled before it.
                        let mut tail = applied.chars().rev();
                        assert_eq!(tail.next(), Some('.'), "{applied}");
                        let before = tail.next().unwrap();
                        assert!(
                            !".!?؟،,;؛:".contains(before) && !before.is_whitespace(),
                            "{applied}"
                        );
                        // What stood around the clause is untouched, values included.
                        assert!(applied.starts_with(&sentence[..pos]), "{applied}");
                        assert!(applied.ends_with(sentence[f.span.end..].trim_start_matches('!')));
                        for value in sentence.split('\u{2068}').skip(1) {
                            let value = value.split('\u{2069}').next().unwrap();
                            assert_eq!(
                                applied.matches(&format!("\u{2068}{value}\u{2069}")).count(),
                                1
                            );
                        }
                        // And the checker has nothing more to say about its tone.
                        let again = rules_only(&applied, lang);
                        assert!(
                            again.iter().all(|g| !matches!(
                                g.rule,
                                super::super::Rule::Label | super::super::Rule::Blame
                            )),
                            "«{applied}»: {again:?}"
                        );
                    }
                }
            }
            assert!(shown >= 3 * patterns.len(), "{lang}");
        }
    }

    /// Where the clause holds more than the accusation, or is not a clause, no wording is
    /// offered: the finding stays, with its rewrite hint.
    #[test]
    fn no_kinder_wording_where_it_cannot_fit() {
        for (lang, sentence, words) in [
            (Lang::Fa, "شما در این کار بی‌مسئولیت بودید.", "بی‌مسئولیت"),
            (Lang::Fa, "این کار از سر بی‌مسئولیتی است.", "بی‌مسئولیت"),
            (Lang::Fa, "شما بی‌دقت و بی‌مسئولیت هستید.", "بی‌مسئولیت"),
            (Lang::Fa, "همه‌اش تقصیر شماست، نه ما.", "همه‌اش تقصیر"),
            (Lang::Fa, "بی‌مسئولیت‌ترین همکار ما شما بودید.", "بی‌مسئولیت"),
            (
                Lang::Fa,
                "شما \u{2068}رضا\u{2069} بی‌ادب هستید.",
                "بی‌ادب هستید",
            ),
            (Lang::Fa, "یعنی شما بی‌ادب هستید؟", "شما بی‌ادب"),
            (Lang::Fa, "کسی که بی‌ادب هستید را نمی‌پذیریم.", "بی‌ادب هستید"),
            (
                Lang::En,
                "Frankly, you are rude to my team.",
                "you are rude",
            ),
            (Lang::En, "It's your fault, not ours.", "your fault"),
            (Lang::En, "You messed up the order.", "You messed up"),
            (Lang::En, "You are lazy and careless.", "You are lazy"),
            (
                Lang::En,
                "You are irresponsible again.",
                "You are irresponsible",
            ),
            (Lang::En, "So you are unreliable?", "you are unreliable"),
            (
                Lang::En,
                "\u{2068}Sara\u{2069} you are rude.",
                "you are rude",
            ),
            (
                Lang::En,
                "The reason is you lied about the dates.",
                "you lied",
            ),
        ] {
            let found = rules_only(sentence, lang);
            let at = sentence.find(words).unwrap();
            let f = found
                .iter()
                .find(|f| f.span.contains(&at))
                .unwrap_or_else(|| panic!("«{words}» in «{sentence}»: {found:?}"));
            assert_eq!(f.replacement, None, "{sentence}");
            assert!(f.hint.is_some(), "{sentence}");
        }
    }

    #[test]
    fn clauses_are_read_from_boundary_to_boundary() {
        let g = Grammar::new(&rule_file(Lang::Fa).clause, Lang::Fa);
        for verb in [
            "است",
            "شماست",
            "میکنم",
            "نمیدانید",
            "فرستادید",
            "کردیم",
            "نکردند",
        ] {
            assert!(g.is_verb(verb), "{verb}");
        }
        for word in ["دست", "جدید", "میز", "کار", "پرداخت‌ها"] {
            assert!(!g.is_verb(&fold_word(word, Lang::Fa)), "{word}");
        }
        let t = tokens("صورت‌حساب \u{2068}INV-2041\u{2069} را، you’re ok", Lang::Fa);
        let pieces: Vec<&Piece> = t.iter().map(|t| &t.piece).collect();
        assert_eq!(
            pieces,
            vec![
                &Piece::Word("صورتحساب".into()),
                &Piece::Value,
                &Piece::Word("را".into()),
                &Piece::Mark('،'),
                &Piece::Word("you're".into()),
                &Piece::Word("ok".into()),
            ]
        );
    }
}
