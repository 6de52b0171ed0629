//! Cues: features of a sentence that the rules report and the classifier weighs — who is
//! addressed, evaluative words, threat markers, whether a date or a concrete step is
//! present, praise next to a failure, rhetorical questions, punctuation.
//!
//! Word and phrase lists live in `assets/tone/cues-<lang>.toml`, one list per class. They are
//! matched on normalised tokens (see `text`), so spelling variants need no entries of their
//! own. A pattern matches whole tokens; in Persian its last word may take any suffix (the
//! pronoun, plural, comparative and person endings: «بی‌مسئولیت» matches «بی‌مسئولیتید» and
//! «بی‌مسئولیت‌ترین») unless it ends in `=`; in English its last word may take an inflection
//! (-s, -ed, -ing, -est, -ly…; "dumb" matches "dumbest" but not "dumbbell"), any ending with
//! `*`, none with `=`. `A … B` matches A followed later in the sentence by B.

use super::Rule;
use super::text::{Tokens, tokens};
use crate::lang::Lang;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The classes a lexicon may list, in this order.
pub const CLASSES: [&str; 24] = [
    "you",      // words that address the reader (pronouns); Persian verb endings are found by form
    "label",    // a word that labels a person (the rules name it when aimed at the reader)
    "neg_eval", // negative evaluative words: labels for a person or their work
    "insult",   // insults, whoever they are aimed at
    "praise",   // praise, thanks and their exclamations
    "failure",  // a failure, a delay or a repetition ("late", "again", "finally")
    "rhetoric", // openings of rhetorical questions ("how many times", «چند بار»)
    "threat",   // a vague threat ("you'll regret", «پشیمان می‌شوید»)
    "step",     // a concrete step (a court, a lawyer, a pause of service)
    "date",     // a date or a time limit
    "cond",     // a condition ("if", «اگر»)
    "exasp",    // exasperation and dismissal ("sick of", «به من چه»)
    "blame",    // blame ("your fault", «تقصیر»)
    "absolute", // "always", "never", «همیشه»
    "curt",     // a curt ending or cutting off contact
    "apology",  // an apology
    "polite",   // politeness ("please", «لطفاً»)
    "we",       // the writer (I, we)
    "neg",      // a negation word
    "feeling",  // an I-statement of feeling ("I felt", «احساس کردم»)
    "soft",     // softening, hope, an offer to talk
    "formula",  // the words of a greeting or a closing line ("Yours sincerely", «با احترام»)
    "fault",    // words that lay a fault on someone ("to blame", «تقصیر»، «مشکل از»)
    "irony",    // markers that turn praise into sarcasm ("finally", "as usual", «بالاخره»)
];

fn class_index(name: &str) -> Option<usize> {
    CLASSES.iter().position(|c| *c == name)
}

#[derive(Debug, Deserialize)]
struct CueFile {
    cues: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Exact,
    Inflect,
    Prefix,
}

struct Pattern {
    class: usize,
    /// Segment ids, in order.
    segments: Vec<usize>,
}

pub struct Lexicon {
    automaton: AhoCorasick,
    ends: Vec<End>,
    patterns: Vec<Pattern>,
    /// Per segment: the patterns it starts.
    first_of: Vec<Vec<usize>>,
}

impl Lexicon {
    fn build(lang: Lang, source: &str) -> Lexicon {
        let file: CueFile = toml::from_str(source).expect("the cue files are valid (tested)");
        let mut segs: Vec<(String, End)> = Vec::new();
        let mut patterns = Vec::new();
        for (class_name, list) in &file.cues {
            let class = class_index(class_name).unwrap_or_else(|| {
                panic!("unknown cue class `{class_name}` in assets/tone/cues-{lang}.toml")
            });
            for raw in list {
                let mut segments = Vec::new();
                for part in raw.split('…') {
                    let part = part.trim();
                    let (body, end) = if let Some(b) = part.strip_suffix('=') {
                        (b, End::Exact)
                    } else if let Some(b) = part.strip_suffix('*') {
                        (b, End::Prefix)
                    } else if lang == Lang::Fa {
                        (part, End::Prefix)
                    } else {
                        (part, End::Inflect)
                    };
                    let norm = tokens(body, lang).text;
                    assert!(!norm.is_empty(), "empty cue pattern `{raw}` ({lang})");
                    let id = segs
                        .iter()
                        .position(|s| s.0 == norm && s.1 == end)
                        .unwrap_or_else(|| {
                            segs.push((norm, end));
                            segs.len() - 1
                        });
                    segments.push(id);
                }
                patterns.push(Pattern { class, segments });
            }
        }
        let mut first_of = vec![Vec::new(); segs.len()];
        for (p, pattern) in patterns.iter().enumerate() {
            first_of[pattern.segments[0]].push(p);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(segs.iter().map(|s| s.0.as_str()))
            .expect("cue patterns build an automaton");
        Lexicon {
            automaton,
            ends: segs.iter().map(|s| s.1).collect(),
            patterns,
            first_of,
        }
    }

    pub fn get(lang: Lang) -> &'static Lexicon {
        static FA: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Fa => FA.get_or_init(|| {
                Lexicon::build(Lang::Fa, include_str!("../../assets/tone/cues-fa.toml"))
            }),
            Lang::En => EN.get_or_init(|| {
                Lexicon::build(Lang::En, include_str!("../../assets/tone/cues-en.toml"))
            }),
        }
    }
}

/// English endings a word may take and still be the listed word.
const EN_INFLECTIONS: [&str; 14] = [
    "s", "es", "ed", "d", "ing", "er", "est", "ly", "ily", "ness", "y", "ier", "iest", "ish",
];

/// One cue found in a sentence: its class and token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub class: usize,
    pub tokens: Range<usize>,
}

/// What the cue lexicon and the morphology find in one sentence.
#[derive(Debug, Default)]
pub struct Analysis {
    pub hits: Vec<Hit>,
    /// Tokens that address the reader (pronouns, possessives, second-person verbs).
    pub you: Vec<usize>,
    /// Persian verbs with the negative prefix (or English "not").
    pub negated: Vec<usize>,
    /// Tokens that end a clause (a comma, «و», "but"): a negation past one governs another
    /// clause («خیلی بی‌ادبید و دیگر نمی‌توانیم…» is no praise).
    pub boundaries: Vec<usize>,
    pub question: bool,
    pub exclaim: bool,
    /// A number in the sentence (a day, an amount, a clause).
    pub number: bool,
    /// A label or negative evaluation that no negation turns into praise («بی‌دقت نبوده‌اید»,
    /// "never careless"), and one that a negation does.
    pub live_eval: bool,
    pub negated_eval: bool,
    /// A negated verb about the reader: «گوش نمی‌دهید»، «نکردین»، "you don't", "you never".
    pub you_negated: bool,
    /// A double negative that reads as praise: an absolute or a negation over a word of
    /// failure or a label («هرگز بی‌دقت نبوده‌اید»، "you have never been late").
    pub double_negative: bool,
    /// The fault laid on the reader: a word of blame with the reader beside it, as its
    /// complement or predicate, in a clause with no negation, condition or question («مشکل
    /// از شماست»، «تقصیر خودتان است»، "the problem is you", "it is your fault").
    pub accusation: bool,
    /// The sentence is a greeting or closing line and nothing else ("Yours sincerely,",
    /// «با احترام»): never read as hostile.
    pub formula: bool,
}

/// Whether a negation sits next to the words at `r`: after them in Persian (the verb ends
/// the clause), just before them in English.
fn negated_near(a: &Analysis, r: &Range<usize>, lang: Lang) -> bool {
    governs(a, r, lang, 3)
}

/// Whether a negation within `reach` tokens governs the words at `r`: after them in Persian
/// (the verb ends the clause), before them in English, with no clause boundary between.
fn governs(a: &Analysis, r: &Range<usize>, lang: Lang, reach: usize) -> bool {
    let open = |from: usize, to: usize| !a.boundaries.iter().any(|&b| b >= from && b < to);
    match lang {
        Lang::Fa => a
            .negated
            .iter()
            .any(|&n| n >= r.end && n <= r.end + reach && open(r.end, n)),
        Lang::En => a
            .negated
            .iter()
            .any(|&n| n < r.start && n + reach >= r.start && open(n + 1, r.start)),
    }
}

impl Analysis {
    pub fn has(&self, class: &str) -> bool {
        let c = class_index(class).expect("a known class");
        self.hits.iter().any(|h| h.class == c)
    }

    pub fn first(&self, class: &str) -> Option<&Hit> {
        let c = class_index(class).expect("a known class");
        self.hits.iter().find(|h| h.class == c)
    }

    pub fn all<'a>(&'a self, class: &str) -> impl Iterator<Item = &'a Hit> + 'a {
        let c = class_index(class).expect("a known class");
        self.hits.iter().filter(move |h| h.class == c)
    }

    /// Praise through a double negative and nothing else hostile in the sentence: «شما هرگز
    /// بدقولی نکرده‌اید», "you have never once been late" (the classifier, which sees the
    /// label's words, is overruled).
    pub fn reads_as_praise(&self) -> bool {
        self.double_negative
            && !self.live_eval
            && ["insult", "threat", "exasp", "curt", "rhetoric"]
                .iter()
                .all(|c| !self.has(c))
    }

    /// A sentence whose wording decides it, whatever the classifier says: a greeting or
    /// closing line is never hostile (`Some(false)`), an accusation always is (`Some(true)`).
    pub fn decided(&self) -> Option<bool> {
        if self.formula {
            Some(false)
        } else if self.accusation {
            Some(true)
        } else {
            None
        }
    }

    pub fn addressed(&self) -> bool {
        !self.you.is_empty()
    }

    /// A date, a weekday, a time limit or a number beside a time word.
    pub fn dated(&self) -> bool {
        self.has("date")
    }
}

/// Finds the cues of one normalised sentence.
pub fn analyse(t: &Tokens, lang: Lang) -> Analysis {
    let lex = Lexicon::get(lang);
    let text = t.text.as_bytes();
    let token_at = |byte: usize| t.tokens.partition_point(|(r, _)| r.end <= byte);
    let mut seg_hits: Vec<(usize, usize, usize)> = Vec::new(); // segment, from, to (tokens)
    for m in lex.automaton.find_overlapping_iter(&t.text) {
        let (s, e) = (m.start(), m.end());
        if s > 0 && text[s - 1] != b' ' {
            continue;
        }
        let seg = m.pattern().as_usize();
        let token_end = t.text[e..].find(' ').map_or(t.text.len(), |k| e + k);
        let rest = &t.text[e..token_end];
        let fits = match lex.ends[seg] {
            End::Exact => rest.is_empty(),
            End::Prefix => true,
            End::Inflect => rest.is_empty() || EN_INFLECTIONS.contains(&rest),
        };
        if fits {
            seg_hits.push((seg, token_at(s), token_at(token_end.saturating_sub(1)) + 1));
        }
    }
    let mut out = Analysis::default();
    for &(seg, from, to) in &seg_hits {
        for &p in &lex.first_of[seg] {
            let pattern = &lex.patterns[p];
            let mut end = to;
            let mut ok = true;
            for &next in &pattern.segments[1..] {
                match seg_hits
                    .iter()
                    .filter(|h| h.0 == next && h.1 >= end)
                    .map(|h| h.2)
                    .min()
                {
                    Some(e) => end = e,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                let hit = Hit {
                    class: pattern.class,
                    tokens: from..end,
                };
                if !out.hits.contains(&hit) {
                    out.hits.push(hit);
                }
            }
        }
    }
    out.hits.sort_by_key(|h| (h.tokens.start, h.class));
    let you_class = class_index("you").unwrap_or(0);
    for (i, w) in t.iter().enumerate() {
        match w {
            "?" => out.question = true,
            "!" | "!!" => out.exclaim = true,
            _ => {}
        }
        if w.starts_with('0') {
            out.number = true;
        }
        let second = match lang {
            Lang::Fa => fa_second_person(w),
            Lang::En => false,
        };
        if second
            || out
                .hits
                .iter()
                .any(|h| h.class == you_class && h.tokens.contains(&i))
        {
            out.you.push(i);
        }
        let negated = match lang {
            Lang::Fa => fa_negated_verb(w),
            Lang::En => matches!(w, "not" | "never" | "no" | "nothing" | "nobody" | "none"),
        };
        if negated {
            out.negated.push(i);
        }
        if matches!(
            w,
            "," | "،" | ";" | "؛" | "و" | "اما" | "ولی" | "and" | "but"
        ) {
            out.boundaries.push(i);
        }
    }
    let evals: Vec<Range<usize>> = out
        .all("neg_eval")
        .chain(out.all("label"))
        .map(|h| h.tokens.clone())
        .collect();
    // In a condition a negated label is a reproach, not praise: «اگر بی‌دقت نبودید…».
    let conditional = out.has("cond");
    for r in &evals {
        if negated_near(&out, r, lang) && !conditional {
            out.negated_eval = true;
        } else {
            out.live_eval = true;
        }
    }
    out.you_negated = match lang {
        Lang::Fa => out.you.iter().any(|i| out.negated.contains(i)),
        Lang::En => out
            .you
            .iter()
            .any(|&i| out.negated.iter().any(|&n| n > i && n <= i + 3)),
    };
    let negative_word = out.has("failure") || out.has("blame") || !evals.is_empty();
    // Praise needs the negation on the label's own verb («بی‌دقت نبوده‌اید»); one further on
    // negates something else («غیرحرفه‌ای شما قابل قبول نیست»).
    let (eval_reach, word_reach) = match lang {
        Lang::Fa => (1, 2),
        Lang::En => (3, 4),
    };
    out.double_negative = !conditional
        && !out.question
        && ((out.negated_eval && evals.iter().all(|r| governs(&out, r, lang, eval_reach)))
            || (!out.negated.is_empty() && negative_word && !out.live_eval && {
                // The negation must govern the negative word: after it in Persian (the verb
                // ends the clause), before it in English.
                // «هنوز … نشده» (still not) is the complaint itself, not a double negative.
                let words: Vec<Range<usize>> = out
                    .all("failure")
                    .chain(out.all("blame"))
                    .map(|h| h.tokens.clone())
                    .filter(|r| !matches!(t.get(r.start), "هنوز" | "still" | "yet"))
                    .collect();
                words.iter().any(|r| governs(&out, r, lang, word_reach))
            }));
    out.accusation = accusation(&out, lang);
    out.formula = formula(&out, t);
    out
}

/// Whether a word of blame is laid on the reader (see `Analysis::accusation`).
fn accusation(a: &Analysis, lang: Lang) -> bool {
    if a.question || a.has("cond") || a.double_negative {
        return false;
    }
    let clause = |from: usize, to: usize| !a.boundaries.iter().any(|&b| b >= from && b < to);
    a.all("fault").any(|h| {
        // The reader within the blame words or right beside them: «مشکل از شماست»,
        // «تقصیر خودتان است», "your fault", "the problem is you", "down to you".
        let near = h.tokens.start.saturating_sub(1)..h.tokens.end + 1;
        let reader = a
            .you
            .iter()
            .any(|&y| near.contains(&y) && clause(y.min(h.tokens.start), y.max(h.tokens.end)));
        // No negation over it: «تقصیر شما نیست», "it is not your fault", "no one blames you".
        let negated = match lang {
            Lang::Fa => a.negated.iter().any(|&n| {
                n + 1 >= h.tokens.start && n <= h.tokens.end + 3 && clause(h.tokens.start, n)
            }),
            Lang::En => a.negated.iter().any(|&n| {
                n < h.tokens.end
                    && n + 6 >= h.tokens.start
                    && clause(n.min(h.tokens.start), h.tokens.start)
            }),
        };
        reader && !negated
    })
}

/// Whether the sentence is only a greeting or closing line: every word but two (a name, a
/// title) is a formula word, no other cue, and no full stop, «!» or «?» (a closing line ends in a
/// comma or nothing; "Thanks for nothing." is a sentence).
fn formula(a: &Analysis, t: &Tokens) -> bool {
    let Some(c) = class_index("formula") else {
        return false;
    };
    let you = class_index("you").unwrap_or(usize::MAX);
    let we = class_index("we").unwrap_or(usize::MAX);
    let praise = class_index("praise").unwrap_or(usize::MAX);
    let polite = class_index("polite").unwrap_or(usize::MAX);
    if !a.hits.iter().any(|h| h.class == c) || a.question || a.exclaim {
        return false;
    }
    let mut others = 0;
    for (i, w) in t.iter().enumerate() {
        if matches!(w, "," | "،" | ":" | "-" | "—") {
            continue;
        }
        if matches!(w, "." | ";" | "؛") {
            return false;
        }
        let covering: Vec<usize> = a
            .hits
            .iter()
            .filter(|h| h.tokens.contains(&i))
            .map(|h| h.class)
            .collect();
        if covering.contains(&c) {
            // A formula word may also address the reader or be praise or politeness
            // ("Yours", «ارادتمند شما», "thanks"), nothing else.
            if covering
                .iter()
                .any(|&k| k != c && k != you && k != we && k != praise && k != polite)
            {
                return false;
            }
        } else if covering.is_empty() {
            others += 1;
        } else {
            return false;
        }
    }
    others <= 2
}

/// Persian words that end like a second-person form but are not one.
const FA_NOT_SECOND: [&str; 40] = [
    "جدید",
    "خرید",
    "تولید",
    "تاکید",
    "تایید",
    "امید",
    "سفید",
    "کلید",
    "شدید",
    "بعید",
    "مفید",
    "عید",
    "رسید",
    "تمدید",
    "تهدید",
    "تردید",
    "خورشید",
    "مروارید",
    "نوید",
    "مجید",
    "سعید",
    "حمید",
    "وحید",
    "فرید",
    "شهید",
    "تقلید",
    "تجدید",
    "توحید",
    "تمجید",
    "تبعید",
    "تشدید",
    "جاوید",
    "ناامید",
    "نومید",
    "پدید",
    "پلید",
    "زیاد",
    "تأیید",
    "تأکید",
    "پیشخرید",
];

/// Persian words that end in «تان» or «تون» without the pronoun suffix.
fn fa_natural_tan(w: &str) -> bool {
    (w.ends_with("ستان") && !w.ends_with("تتان") && !w.ends_with("ستتان"))
        || w.ends_with("ستون")
        || matches!(w, "زیتون" | "پاستون" | "کتان" | "ستون")
}

/// A second-person form: «شما»-less verbs (‑ید، ‑اید، colloquial ‑ین), the suffix
/// «‑تان»/«‑تون», and the common informal singular verbs (‑ی after «می‑»).
pub fn fa_second_person(w: &str) -> bool {
    // The pronoun with the copula or an object mark: «مشکل از شماست»، «مقصر شمایید».
    if matches!(
        w,
        "شماست"
            | "شمایید"
            | "شماهاست"
            | "شماها"
            | "شمارو"
            | "خودتونه"
            | "خودتانید"
            | "توئه"
    ) {
        return true;
    }
    // Every second-person form ends in one of these letters; most words stop here.
    if !matches!(w.chars().next_back(), Some('د' | 'ن' | 'ی' | 'ت' | 'و')) {
        return false;
    }
    let n = w.chars().count();
    if n < 3 || FA_NOT_SECOND.contains(&w) {
        return false;
    }
    if (w.ends_with("تان") || w.ends_with("تون")) && n >= 5 && !fa_natural_tan(w) {
        return true;
    }
    let verb_prefix = w.starts_with("می") || w.starts_with("نمی");
    if w.ends_with("اید") || w.ends_with("ایید") {
        return n >= 4;
    }
    if w.ends_with("ید") {
        let stem_end = [
            "دید", "تید", "ستید", "شید", "نید", "رید", "هید", "زید", "کید", "یید", "ئید", "وید",
            "بید", "سید", "گید", "لید", "مید", "فید",
        ];
        return verb_prefix
            || (n >= 4
                && (w.starts_with('ب') || w.starts_with('ن'))
                && stem_end.iter().any(|e| w.ends_with(e)))
            || w.ends_with("ستید")
            || w.ends_with("دید") && n >= 5
            || w.ends_with("تید") && n >= 5
            || matches!(
                w,
                "دارید"
                    | "کنید"
                    | "باشید"
                    | "شوید"
                    | "دهید"
                    | "گیرید"
                    | "کردید"
                    | "بودید"
            );
    }
    if w.ends_with("ین") && verb_prefix && n >= 5 {
        return true;
    }
    if matches!(
        w,
        "کردین"
            | "دادین"
            | "گفتین"
            | "هستین"
            | "نیستین"
            | "دارین"
            | "ندارین"
            | "بودین"
    ) {
        return true;
    }
    // Informal singular: «می‌کنی»، «نمی‌دونی»، «هستی»، «کردی».
    if verb_prefix && w.ends_with('ی') && n >= 5 {
        return true;
    }
    matches!(
        w,
        "هستی"
            | "نیستی"
            | "داری"
            | "نداری"
            | "بودی"
            | "نبودی"
            | "کردی"
            | "نکردی"
            | "دادی"
            | "ندادی"
            | "گفتی"
            | "نگفتی"
            | "زدی"
            | "نزدی"
            | "شدی"
            | "نشدی"
            | "فرستادی"
            | "نفرستادی"
            | "خوندی"
            | "نخوندی"
            | "خواندی"
            | "نخواندی"
            | "فهمیدی"
            | "نفهمیدی"
            | "اومدی"
            | "نیومدی"
            | "آمدی"
            | "نیامدی"
            | "تویی"
            | "هستید"
            | "نیستید"
            | "خودت"
            | "خودتو"
            | "بدی"
            | "بکنی"
            | "بدونی"
    )
}

/// A Persian verb with the negative prefix «ن‑» / «نمی‑».
fn fa_negated_verb(w: &str) -> bool {
    if !w.starts_with('ن') && !w.starts_with('ه') {
        return false;
    }
    if w.starts_with("نمی") {
        return true;
    }
    let n = w.chars().count();
    w.starts_with('ن')
        && n >= 4
        && [
            "ید", "یم", "ند", "ست", "دم", "تم", "دی", "تی", "دیم", "تیم", "دید", "تید", "دند",
            "تند", "کن", "ده", "زن", "گیر", "کنید", "دهید", "ین", "دین", "تین", "ره", "ری", "دن",
            "تن", "نه",
        ]
        .iter()
        .any(|e| w.ends_with(e))
        && !w.starts_with("نیاز")
        && !w.starts_with("نظر")
        && !w.starts_with("نتیج")
        && !w.starts_with("نسخ")
        && !w.starts_with("نصب")
        && !w.starts_with("نقد")
        && !w.starts_with("نرخ")
        && !w.starts_with("نشان")
        && !w.starts_with("نماین")
        || matches!(
            w,
            "نیست"
                | "نیستید"
                | "نیستم"
                | "نیستیم"
                | "نه"
                | "هیچ"
                | "نبود"
                | "نبودید"
                | "ندارد"
                | "ندارید"
                | "ندارم"
        )
}

/// The cue names the classifier weighs for a sentence: each class present, and the
/// combinations that change what a word means (a label aimed at the reader, praise beside a
/// failure, a threat with no date or step).
pub fn cues(t: &Tokens, lang: Lang) -> Vec<&'static str> {
    let a = analyse(t, lang);
    names(&a, t.len())
}

pub(crate) fn names(a: &Analysis, len: usize) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (c, name) in CLASSES.iter().enumerate() {
        if c != 0 && a.hits.iter().any(|h| h.class == c) {
            out.push(name);
        }
    }
    let you = a.addressed();
    let has = |c: &str| a.has(c);
    if you {
        out.push("you");
    }
    if a.question {
        out.push("?");
    }
    if a.exclaim {
        out.push("!");
    }
    let pairs: [(&'static str, bool); 26] = [
        ("accusation", a.accusation),
        ("praise+irony", has("praise") && has("irony")),
        ("irony+you", has("irony") && you),
        ("praise+irony+you", has("praise") && has("irony") && you),
        ("you+neg_eval", you && a.live_eval),
        ("you-negated", a.you_negated),
        (
            "you-negated+absolute",
            a.you_negated && has("absolute") && !a.double_negative,
        ),
        ("double-negative", a.double_negative),
        ("you+!", you && a.exclaim),
        ("eval", a.live_eval),
        ("eval-negated", a.negated_eval),
        ("you+insult", you && has("insult")),
        ("you+absolute", you && has("absolute")),
        (
            "you+absolute+neg",
            you && has("absolute") && !a.negated.is_empty(),
        ),
        ("you+blame", you && has("blame")),
        ("you+?", you && a.question),
        ("praise+failure", has("praise") && has("failure")),
        ("praise+you+failure", has("praise") && you && has("failure")),
        ("praise+!", has("praise") && a.exclaim),
        ("rhetoric+?", has("rhetoric") && a.question),
        (
            "threat-undated",
            has("threat") && !has("date") && !has("step"),
        ),
        ("step-undated", has("step") && !has("date") && !has("cond")),
        ("step+date", has("step") && has("date")),
        ("curt-short", has("curt") && len <= 7),
        ("apology+you", has("apology") && you && !has("we")),
        ("we+absolute", has("we") && has("absolute") && !you),
    ];
    for (name, on) in pairs {
        if on {
            out.push(name);
        }
    }
    out
}

/// The hostile words and phrases the rules name in a sentence, with their token ranges
/// (before the classifier vets them).
pub fn rules(t: &Tokens, a: &Analysis, lang: Lang) -> Vec<(Rule, Range<usize>)> {
    let mut out = Vec::new();
    let you = a.addressed();
    // A label followed (Persian) or preceded (English) by a negation is praise: «هرگز بی‌دقت
    // نبوده‌اید», "you are never careless".
    let negated_near = |r: &Range<usize>| negated_near(a, r, lang);
    for h in a.all("insult") {
        if !negated_near(&h.tokens) {
            out.push((Rule::Insult, h.tokens.clone()));
        }
    }
    if you {
        for h in a.all("label") {
            if !negated_near(&h.tokens) {
                out.push((Rule::Label, h.tokens.clone()));
            }
        }
        if !a.double_negative {
            for h in a.all("blame") {
                out.push((Rule::Blame, h.tokens.clone()));
            }
        }
        if a.accusation {
            for h in a.all("fault") {
                out.push((Rule::Blame, h.tokens.clone()));
            }
        }
        // "You always…", «هیچ‌وقت … نمی‌دهید»: an absolute in a complaint about the reader.
        // Persian «هرگز» always takes a negative verb, so only English counts negation.
        let live_neg_eval = a.live_eval;
        let negation = (lang == Lang::En && !a.negated.is_empty()) || a.you_negated;
        if (negation || a.has("failure") || live_neg_eval) && !a.double_negative {
            for h in a.all("absolute") {
                out.push((Rule::Absolute, h.tokens.clone()));
            }
        }
    }
    if a.has("praise") && a.has("failure") {
        for h in a.all("praise") {
            out.push((Rule::Sarcasm, h.tokens.clone()));
        }
    }
    for h in a.all("rhetoric") {
        out.push((Rule::Sarcasm, h.tokens.clone()));
    }
    if !a.dated() && !a.has("step") {
        for h in a.all("threat") {
            out.push((Rule::Threat, h.tokens.clone()));
        }
    }
    for h in a.all("exasp") {
        out.push((Rule::Exasperation, h.tokens.clone()));
    }
    for h in a.all("curt") {
        out.push((Rule::Curt, h.tokens.clone()));
    }
    let _ = t;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_names(text: &str, lang: Lang) -> Vec<&'static str> {
        cues(&tokens(text, lang), lang)
    }

    #[test]
    fn cue_files_build() {
        for lang in Lang::ALL {
            assert!(Lexicon::get(lang).patterns.len() > 200, "{lang}");
        }
    }

    #[test]
    fn second_person_by_form() {
        for w in [
            "میکنید",
            "نمیدهید",
            "فرستادید",
            "کردهاید",
            "رفتارتان",
            "شرکتتون",
            "نمیدونی",
            "هستید",
            "بفرستید",
        ] {
            assert!(fa_second_person(w), "{w}");
        }
        for w in [
            "جدید",
            "خرید",
            "داستان",
            "دوستان",
            "بیمارستان",
            "میکنیم",
            "کردند",
            "ستون",
            "سفید",
        ] {
            assert!(!fa_second_person(w), "{w}");
        }
    }

    #[test]
    fn persian_cues_survive_suffixes_and_spelling() {
        let c = cue_names("شما واقعاً آدم بي‌مسئوليتی هستيد", Lang::Fa);
        assert!(c.contains(&"you+neg_eval"), "{c:?}");
        let c = cue_names("آدم بی‌مسئولیت‌ترین مشتری‌ای که داشته‌ایم شمایید", Lang::Fa);
        assert!(c.contains(&"you+neg_eval"), "{c:?}");
        let c = cue_names("ما همیشه سر وقت پاسخ می‌دهیم", Lang::Fa);
        assert!(!c.contains(&"you+absolute"), "{c:?}");
    }

    #[test]
    fn english_cues_take_inflections_not_other_words() {
        let c = cue_names("That was the dumbest request", Lang::En);
        assert!(c.contains(&"insult"), "{c:?}");
        let c = cue_names("The dumbbell order shipped", Lang::En);
        assert!(!c.contains(&"insult"), "{c:?}");
        let c = cue_names("Thanks so much for paying four months late", Lang::En);
        assert!(c.contains(&"praise+failure"), "{c:?}");
        let c = cue_names("You'll regret this", Lang::En);
        assert!(c.contains(&"threat-undated"), "{c:?}");
    }
}
