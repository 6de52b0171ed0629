//! The shape of a Persian free-text value: a clause (a sentence with its own verb) or a noun
//! phrase. A Persian letter words the sentence around a value by its shape: a reason typed
//! as a sentence follows «… از آن رو گرفته‌ایم که …», one typed as a phrase sits in
//! «دلیل این تصمیم، … است.». The cue is the verb Persian puts at a clause's end.

use crate::bidi;
use std::collections::HashMap;
use tera::Value;

/// Past stems of common verbs: with a personal ending (and «ن» for the negative) the word
/// ends a clause («کردیم»، «نشد»). Stems that are also everyday nouns («خرید»، «دید»،
/// «برد»، «رسید») are left out, so «مشکل در خرید» stays a phrase.
const PAST: [&str; 21] = [
    "زد",
    "کرد",
    "شد",
    "داد",
    "بود",
    "گرفت",
    "آمد",
    "رفت",
    "خواست",
    "توانست",
    "داشت",
    "گذاشت",
    "آورد",
    "گفت",
    "نوشت",
    "فرستاد",
    "یافت",
    "افزود",
    "کاست",
    "افتاد",
    "گشت",
];

/// Present stems: with a personal ending (and «ن» or «ب» before) the word ends a clause
/// («کنیم»، «بنویسید»، «نمی‌دهد» is caught by its prefix). «مان» is left out, since
/// «مانند» is also "like".
const PRESENT: [&str; 26] = [
    "زن", "کن", "شو", "ده", "دار", "گیر", "رس", "آی", "خواه", "توان", "گذار", "آور", "گو", "گوی",
    "نویس", "فرست", "یاب", "افزا", "کاه", "باش", "گرد", "پذیر", "بخش", "ساز", "بین", "دان",
];

/// Present stems whose first person singular is never a noun: «شوم»، «کنم»، «باشم»
/// («بازنشسته شوم»). Any other stem takes «م» only after «ب» or «ن» («بدهم»، «نروم»).
const SINGULAR_STEMS: [&str; 4] = ["شو", "کن", "باش", "خواه"];

/// No «ی» (and no «م» on a present stem): «دهم» is also "tenth", «رسی» ends «بررسی».
const PAST_ENDINGS: [&str; 5] = ["", "م", "یم", "ید", "ند"];
const PRESENT_ENDINGS: [&str; 4] = ["د", "یم", "ید", "ند"];

/// Verbs that end a clause whole («است»، «نیست»، «هستیم»).
const WHOLE: [&str; 15] = [
    "است",
    "ماست",
    "شماست",
    "آنهاست",
    "نیست",
    "هست",
    "هستیم",
    "هستند",
    "نیستیم",
    "نیستند",
    "ماند",
    "ماندند",
    "بماند",
    "نماند",
    "خواهیم",
];

/// Past participles that end a clause in everyday written Persian, the «است» left off.
const SPOKEN_PERFECT: [&str; 20] = [
    "شده",
    "کرده",
    "رفته",
    "افتاده",
    "داده",
    "گرفته",
    "آمده",
    "مانده",
    "رسیده",
    "بوده",
    "نشده",
    "نکرده",
    "نرفته",
    "نیفتاده",
    "نداده",
    "نگرفته",
    "نیامده",
    "نمانده",
    "نرسیده",
    "نبوده",
];

const ZWNJ: char = '\u{200c}';

fn is_verb(word: &str) -> bool {
    if WHOLE.contains(&word) {
        return true;
    }
    // «می‌کنیم»، «نمی‌شود»: the continuous prefix marks a verb, also after a preverb
    // («برمی‌گردانیم»، «بازمی‌گردیم»، «درمی‌آوریم»، «فرامی‌رسد»، «برنمی‌آییم»).
    let unprefixed = ["بر", "باز", "در", "فرا", "وا", ""]
        .iter()
        .filter_map(|pre| word.strip_prefix(pre))
        .any(|rest| rest.starts_with("می\u{200c}") || rest.starts_with("نمی\u{200c}"));
    if unprefixed {
        return true;
    }
    // The spoken perfect without «است»: «بالا رفته»، «کم شده»، «عقب افتاده».
    if SPOKEN_PERFECT.contains(&word) {
        return true;
    }
    // Perfect forms and the enclitic «است»: «گذاشته‌ایم»، «شده‌اند»، «شده‌است»،
    // «هزینه‌هاست».
    if [
        "\u{200c}ایم",
        "\u{200c}اند",
        "\u{200c}اید",
        "\u{200c}است",
        "ه\u{200c}ام",
    ]
    .iter()
    .any(|end| word.ends_with(end))
        || word.ends_with("هاست")
    {
        return true;
    }
    // The first person plural of any past stem («بازگرداندیم»، «پرداختیم»); short words
    // such as «تیم» and «قدیم» are nouns.
    if (word.ends_with("دیم") || word.ends_with("تیم"))
        && word.chars().count() >= 5
        && word != "تقدیم"
    {
        return true;
    }
    let bare = word
        .strip_prefix('ن')
        .filter(|rest| !rest.is_empty())
        .into_iter()
        .chain(word.strip_prefix('ب').filter(|rest| !rest.is_empty()))
        .chain(std::iter::once(word));
    for w in bare {
        // A stripped «ب»/«ن» makes the word shorter than it was typed.
        let prefixed = w.len() < word.len();
        if PRESENT
            .iter()
            .any(|stem| w == format!("{stem}م") && (prefixed || SINGULAR_STEMS.contains(stem)))
        {
            return true;
        }
        if PAST
            .iter()
            .any(|stem| PAST_ENDINGS.iter().any(|e| w == format!("{stem}{e}")))
            || PRESENT
                .iter()
                .any(|stem| PRESENT_ENDINGS.iter().any(|e| w == format!("{stem}{e}")))
        {
            return true;
        }
    }
    false
}

/// Whether a value ends in a sentence mark (. ! ? ؟ …): the owner typed a sentence, and the
/// letter lets it stand as one, whatever words it holds.
pub fn ends_as_sentence(value: &str) -> bool {
    bidi::strip(value)
        .trim()
        .ends_with(['.', '!', '?', '؟', '…'])
}

/// Whether a Persian value reads as a clause: it ends in a sentence mark, its last word is a
/// verb, or it holds more than one sentence. A noun phrase typed with a final stop («دو دور
/// اصلاح رایگان.») counts as a sentence: that is the owner's choice, and it stands alone.
pub fn is_fa_clause(value: &str) -> bool {
    if ends_as_sentence(value) {
        return true;
    }
    let text = bidi::strip(value);
    let text = text.trim();
    if is_request(text) {
        return true;
    }
    let body = text.trim_end_matches(['.', '…', '،', '؛', ':', ' ']);
    if body.contains(". ") || body.contains('\n') && body.lines().count() > 1 {
        return body
            .lines()
            .chain(body.split(". "))
            .any(|part| part.trim().chars().count() > 0 && last_is_verb(part));
    }
    last_is_verb(body)
}

/// Whether a value holds more than one sentence or line («… تحویل شد. قرارداد …»): a frame
/// cannot set it inside one sentence of its own («بررسی ما نشان می‌دهد …»), only after one.
pub fn is_several(value: &str) -> bool {
    let text = bidi::strip(value);
    let body = text.trim().trim_end_matches(['.', '!', '?', '؟', '…', ' ']);
    body.lines().filter(|line| !line.trim().is_empty()).count() > 1
        || [". ", "! ", "? ", "؟ ", "… "]
            .iter()
            .any(|mark| body.contains(mark))
}

/// Whether a Persian value is a sentence: a clause (see `is_fa_clause`, so also one whose
/// final stop the owner left off, «…بازنشسته شوم»، «لطفاً بگویید…»), but not a lone word
/// closed with a stop («توهین.»): a frame sets that inside a sentence of its own.
pub fn is_fa_sentence(value: &str) -> bool {
    is_fa_clause(value) && !is_lone_word(value)
}

/// Whether a value is one noun phrase, with or without the owner's final stop («افزایش اجاره
/// استودیو.»): no verb at its end, one line, one sentence, no request. A frame builds such a
/// value into its own sentence («دلیل این تصمیم، … است.») rather than after a colon, which
/// reads as a translation; a colon stays only for a value that is a sentence.
pub fn is_fa_phrase(value: &str) -> bool {
    let text = bidi::strip(value);
    let body = text.trim().trim_end_matches(['.', '…', ' ']);
    !body.is_empty()
        && !body.contains(['\n', '.', '!', '?', '؟', ':'])
        && !is_fa_clause(body)
        && !body
            .split_whitespace()
            .next_back()
            .is_some_and(looks_like_verb)
}

/// A last word that may be a verb the stem lists do not hold: «ب» or «ن» before a personal
/// ending («بگنجانیم»، «نپذیرند»). A phrase that ends in such a noun («نیازمند») keeps the
/// colon form, which suits a sentence too; a sentence must never be read as a phrase.
fn looks_like_verb(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != ZWNJ);
    word.chars().count() >= 4
        && word.starts_with(['ب', 'ن'])
        && ["یم", "ید", "ند"].iter().any(|e| word.ends_with(e))
}

/// Whether a noun phrase opens with «یک» («یک دور اصلاح رایگان»): an indefinite object
/// takes no «را» («یک دور اصلاح … برایتان در نظر گرفته‌ایم»).
pub fn is_fa_indefinite(value: &str) -> bool {
    let text = bidi::strip(value);
    text.trim_start()
        .strip_prefix("یک")
        .is_some_and(|rest| rest.starts_with(char::is_whitespace))
}

/// Words that only say when: days, parts of the day, weeks and months, and the words that
/// place them («گذشته»، «پیش»). Month names and digits (a date typed as «۲ آذر») count too.
const WHEN_WORDS: [&str; 31] = [
    "امروز",
    "دیروز",
    "پریروز",
    "دیشب",
    "امشب",
    "صبح",
    "ظهر",
    "عصر",
    "شب",
    "بعدازظهر",
    "بعد‌ازظهر",
    "روز",
    "هفته",
    "ماه",
    "گذشته",
    "پیش",
    "قبل",
    "اخیر",
    "همین",
    "این",
    "شنبه",
    "یکشنبه",
    "یک‌شنبه",
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "پنج‌شنبه",
    "جمعه",
    "ساعت",
    "سال",
];

/// Whether a value only says when something happened («دیروز»، «روز جمعه»، «هفته گذشته»،
/// «۲ آذر»), not what («جلسه پنجشنبه»): a frame then says «آنچه دیروز پیش آمد» and
/// «گفت‌وگوی دیروز», never «در دیروز».
pub fn is_fa_when(value: &str) -> bool {
    let text = bidi::strip(value);
    let body = text.trim().trim_end_matches(['.', '،', '؛', ' ']);
    let mut words = body.split_whitespace().peekable();
    words.peek().is_some()
        && words.all(|w| {
            let w = w.trim_matches([',', '،']);
            WHEN_WORDS.contains(&w)
                || crate::dates::JALALI_MONTHS.contains(&w)
                || w.chars().all(|c| c.is_numeric() || c == '/')
        })
        && body
            .chars()
            .any(|c| !c.is_numeric() && !c.is_whitespace() && c != '/')
}

/// Words an owner opens a reason with that already say "because": the letter must not put
/// its own «دلیل این تصمیم آن است که» in front of them («… آن است که چون …»).
const CAUSAL: [&str; 12] = [
    "چون",
    "چونکه",
    "زیرا",
    "چرا که",
    "چراکه",
    "از آنجا که",
    "از آنجاکه",
    "به دلیل",
    "به‌دلیل",
    "به علت",
    "به‌علت",
    "به سبب",
];

/// Whether a value opens with its own causal link («چون …»، «زیرا …»، «به دلیل …»).
pub fn is_fa_causal(value: &str) -> bool {
    let text = bidi::strip(value);
    let text = text.trim_start();
    CAUSAL.iter().any(|c| {
        text.strip_prefix(c)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    })
}

/// Whether a value is a causal clause («چون تمرکزمان را تغییر داده‌ایم»): it continues the
/// letter's sentence after a comma, in the owner's words.
pub fn is_fa_because(value: &str) -> bool {
    is_fa_causal(value) && is_fa_clause(value) && !is_fa_phrase(value)
}

/// Whether the owner closed a single word that is not a verb with a stop: «توهین.».
fn is_lone_word(value: &str) -> bool {
    let text = bidi::strip(value);
    let body = text.trim().trim_end_matches(['.', '…', ' ']);
    body.len() < text.trim().len()
        && !body.contains(char::is_whitespace)
        && !is_verb(body.trim_matches(|c: char| !c.is_alphanumeric() && c != ZWNJ))
}

/// Whether a value opens as a polite request («لطفاً بگویید…»): a request is a sentence of
/// its own, whatever its last word.
fn is_request(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    [
        "لطفاً",
        "لطفا",
        "لطفًا",
        "خواهشمندیم",
        "خواهشمندم",
        "خواهش می\u{200c}کنیم",
    ]
    .iter()
    .any(|w| {
        text.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '،', ',']))
    })
}

/// Whether the owner typed the value as a list: a dash, bullet or number opens its first
/// line («- یک طرح»، «۱. طرح اولیه»). Such a value keeps its list form in the letter, even
/// with a single item, rather than being set inside a sentence.
pub fn starts_as_list(value: &str) -> bool {
    let text = bidi::strip(value);
    let text = text.trim_start();
    let after_digits = text.trim_start_matches(|c: char| c.is_numeric());
    if after_digits.len() < text.len() {
        return after_digits.starts_with(['.', ')', '-']);
    }
    text.starts_with(['-', '•', '*', '–', '—', '·'])
}

/// A one-line value without the list mark the owner typed before it («- یک طرح» → «یک
/// طرح»): a single item is set inside the letter's sentence, never as a one-bullet list.
/// The owner's words and their isolate stay; a value of several lines is left whole.
pub fn unlisted(value: &str) -> String {
    let text = value.trim();
    if text.lines().filter(|l| !l.trim().is_empty()).count() != 1 || !starts_as_list(text) {
        return value.to_string();
    }
    let typed = bidi::unisolate(text);
    let bare = typed.as_deref().unwrap_or(text);
    let after_digits = bare.trim_start_matches(|c: char| c.is_numeric());
    let item = after_digits
        .trim_start_matches(['.', ')', '-', '•', '*', '–', '—', '·'])
        .trim_start();
    if typed.is_some() {
        bidi::isolate(item)
    } else {
        item.to_string()
    }
}

/// Whether the value's first sentence ends in a verb: a connector such as «به پاس
/// همکاری‌مان، …» can then lead into it, even when the owner closed it with a stop. A noun
/// phrase typed with a stop («یک دور اصلاح رایگان.») is not one, and needs a colon instead.
pub fn opens_with_clause(value: &str) -> bool {
    let text = bidi::strip(value);
    let first = text
        .trim()
        .split(['\n', '.', '!', '?', '؟', '…'])
        .find(|part| !part.trim().is_empty())
        .unwrap_or("");
    is_request(first) || last_is_verb(first)
}

fn last_is_verb(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['.', '…', '،', '؛', ':', ' ']);
    // Quoted speech closes the value: «گفته شد «بلد نیستید»» is a clause because a verb
    // introduces the quotation; the words inside the quotes are the client's, not ours.
    if let Some(before) = text
        .strip_suffix('»')
        .and_then(|inner| inner.rfind('«').map(|at| &inner[..at]))
    {
        let before = before.trim_end_matches(['،', '؛', ':', ' ', '\u{2068}', '\u{2069}']);
        let before = before.strip_suffix(" که").unwrap_or(before);
        if last_is_verb(before) {
            return true;
        }
    }
    text.split(|c: char| c.is_whitespace() || matches!(c, '،' | '؛' | '(' | ')' | '«' | '»'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != ZWNJ))
        .rfind(|w| !w.is_empty())
        .is_some_and(is_verb)
}

/// The frame's preposition `w` and a space, or nothing when the owner's value already opens
/// with it: «در {{ x }}» with x = «در جلسه دیروز» must not read «در در». The owner's words
/// are never touched; the letter drops its own. For «درباره» the synonyms «در مورد» and
/// «دربارهٔ» count as the same word, for «خدمات» «خدمت» and «سرویس», and for «زیرا» «چون».
pub fn lead(value: &str, w: &str) -> String {
    let text = bidi::strip(value);
    let text = text.trim_start();
    let same: &[&str] = match w {
        "درباره" => &["درباره", "دربارهٔ", "در باره", "در مورد"],
        // «خدمات خدمات پشتیبانی»: a service the owner names as «خدمت …»، «خدمات …» or «سرویس …».
        "خدمت" | "خدمات" => &["خدمت", "خدمات", "سرویس"],
        // «…، زیرا چون …»: a reason the owner opened with its own connector.
        "زیرا" => &["زیرا", "چون", "چرا که", "به این دلیل که"],
        _ => &[],
    };
    let opens = std::iter::once(w).chain(same.iter().copied()).any(|word| {
        text.strip_prefix(word)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    });
    if opens {
        String::new()
    } else {
        format!("{w} ")
    }
}

/// A test of a value's shape, registered as a Tera filter that answers true or false.
type ShapeTest = fn(&str) -> bool;

/// `fa_clause`: true when a value reads as a Persian clause, for `{% if x | fa_clause %}`;
/// `fa_stops`: true when it ends in a sentence mark and so stands as its own sentence;
/// `fa_listed`: true when the owner typed it as a list (see `starts_as_list`);
/// `fa_sentence`: true when its words make a sentence, stop or none (see `is_fa_sentence`);
/// `fa_verb`: true when its first sentence ends in a verb (see `opens_with_clause`);
/// `fa_phrase`: true when it is one noun phrase, stop or none (see `is_fa_phrase`);
/// `fa_indefinite`: true when it opens with «یک» and so takes no «را»;
/// `fa_when`: true when it only says when (see `is_fa_when`);
/// `fa_several`: true when it holds more than one sentence or line (see `is_several`).
/// A missing value (a placeholder in a draft) is a phrase.
pub fn register(tera: &mut tera::Tera) {
    let tests: [(&str, ShapeTest); 11] = [
        ("fa_causal", is_fa_causal),
        ("fa_because", is_fa_because),
        ("fa_several", is_several),
        ("fa_when", is_fa_when),
        ("fa_indefinite", is_fa_indefinite),
        ("fa_sentence", is_fa_sentence),
        ("fa_phrase", is_fa_phrase),
        ("fa_stops", ends_as_sentence),
        ("fa_verb", opens_with_clause),
        ("fa_listed", starts_as_list),
        ("fa_clause", is_fa_clause),
    ];
    // `fa_lead(w="در")`: the frame's preposition, or nothing if the value opens with it.
    tera.register_filter(
        "fa_lead",
        |v: &Value, args: &HashMap<String, Value>| -> tera::Result<Value> {
            let w = args
                .get("w")
                .and_then(Value::as_str)
                .ok_or_else(|| tera::Error::msg("fa_lead needs w=\"<preposition>\""))?;
            Ok(Value::String(match v {
                Value::String(s) => lead(s, w),
                _ => format!("{w} "),
            }))
        },
    );
    // `fa_item`: a one-line value without its list mark (see `unlisted`).
    tera.register_filter(
        "fa_item",
        |v: &Value, _: &HashMap<String, Value>| -> tera::Result<Value> {
            Ok(match v {
                Value::String(s) => Value::String(unlisted(s)),
                other => other.clone(),
            })
        },
    );
    for (name, test) in tests {
        tera.register_filter(
            name,
            move |v: &Value, _: &HashMap<String, Value>| -> tera::Result<Value> {
                Ok(Value::Bool(match v {
                    Value::String(s) => test(s),
                    _ => false,
                }))
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{
        is_fa_clause, is_fa_sentence, is_fa_when, is_several, lead, opens_with_clause,
        starts_as_list, unlisted,
    };

    #[test]
    fn several_sentences_are_told_from_one() {
        for one in [
            "رنگ‌ها با نمونه تأییدشده مطابقت دارد",
            "سفارش ۱ آبان ثبت و ۱۱ آبان تحویل شد؛ قرارداد هفت روز کاری را پیش‌بینی کرده است.",
            "\u{2068}تحویل سفارش در موعد قرارداد.\u{2069}",
            "نسخه 1.5 نصب شد.",
        ] {
            assert!(!is_several(one), "{one}");
        }
        for several in [
            "سفارش ۱ آبان ثبت شد. ارسال آن ۱۱ آبان انجام شد.",
            "سفارش ۱ آبان ثبت شد\nارسال آن ۱۱ آبان انجام شد",
            "آیا نمونه را دیدید؟ رنگ‌ها درست است.",
        ] {
            assert!(is_several(several), "{several}");
        }
    }

    #[test]
    fn a_connector_leads_only_into_a_verb() {
        for clause in [
            "فایل‌ها را در دو اندازه دیگر بی‌هزینه آماده می‌کنیم.",
            "\u{2068}هزینه‌های میزبانی دو برابر شده است.\u{2069}",
            "می‌توانیم این کار را در فاز دوم انجام دهیم. هزینه‌اش هم کمتر است.",
            "نرخ تازه را تا پایان اسفند با ده درصد تخفیف حساب می‌کنیم",
        ] {
            assert!(opens_with_clause(clause), "{clause}");
        }
        for phrase in [
            "یک دور اصلاح رایگان.",
            "تخفیف ده درصدی تا پایان اسفند",
            "نسخه ساده‌تر. می‌توانیم آن را زودتر تحویل دهیم.",
            "",
        ] {
            assert!(!opens_with_clause(phrase), "{phrase}");
        }
    }

    #[test]
    fn a_value_typed_with_a_list_mark_is_a_list() {
        for listed in [
            "- یک طرح",
            "\u{2068}- یک طرح\u{2069}",
            "• دو دور اصلاح",
            "۱. طرح اولیه",
            "2) files",
        ] {
            assert!(starts_as_list(listed), "{listed}");
        }
        for plain in ["یک طرح", "۳ طرح اولیه", "دو دور اصلاح - رایگان", ""]
        {
            assert!(!starts_as_list(plain), "{plain}");
        }
    }

    #[test]
    fn persian_sentences_are_clauses() {
        for s in [
            "نیروی کافی برای ادامه این کار نداریم.",
            "از این پس تمرکز کارمان را بر طراحی بسته‌بندی گذاشته‌ایم.",
            "هزینه میزبانی و مجوز نرم‌افزارهایی که برای سایت شما به کار می‌بریم در یک سال گذشته دو برابر شده است.",
            "هزینه چاپ نمونه‌ها بالا رفته است",
            "تجهیزات نو خریده‌ایم",
            "انتظارهای ما درباره زمان‌بندی دیگر با هم جور نیست.",
            "رنگ‌ها با نمونه تأییدشده مطابقت دارد",
            "یک نمونه تازه بی‌هزینه چاپ می‌کنیم",
            "هزینه ارسال را به شما بازگرداندیم.",
            "فایل‌ها بدون اجازه منتشر شد",
            "برای کارهای فوری، در ابتدای عنوان ایمیل «فوری» بنویسید.",
            "پشتیبانی تلفنی جای خود را به پشتیبانی ایمیلی می‌دهد.",
            "صندوق‌های ایمیل شما را بی‌هزینه به ارائه‌دهنده دیگری منتقل می‌کنیم.",
            "حق با شماست و همکار ما نباید آن‌طور صحبت می‌کرد.",
            "همکار ما سر جلسه فریاد زد",
            "دلیل اصلی، افزایش هزینه‌هاست",
            "با وجود دو تذکر کتبی، رفتار تغییری نکرد",
            "آیا امکانش هست؟",
            "قرارداد ما دو دور اصلاح رایگان را در بر می‌گیرد.",
            "می‌توانیم این کار را در فاز دوم پروژه انجام دهیم.",
            "کار را در دو مرحله تحویل خواهیم داد",
            "\u{2068}تقاضا کم شده است.\u{2069}",
            "کمبود نیرو.",
            "دو دور اصلاح رایگان.",
            "ده درصد از مبلغ را برمی‌گردانیم",
            "مبلغ را بازمی‌گردانیم",
            "یک سری عکس دیگر را بی‌هزینه برمی‌داریم",
            "دیگر از پس حجم کار برنمی‌آییم",
            "مهلت قرارداد فرامی‌رسد",
            "قیمت تجهیزات بالا رفته",
            "نیرو کم شده",
            "پرداخت‌ها چند بار عقب افتاده",
            "سود این بخش کم شده",
            "هزینه ارسال با ماست",
            "کار به موقع تحویل نشده",
        ] {
            assert!(is_fa_clause(s), "clause: {s}");
        }
    }

    #[test]
    fn persian_noun_phrases_are_not_clauses() {
        for s in [
            "کمبود نیرو",
            "بازنشستگی",
            "تورم",
            "توهین",
            "فریاد زدن سر همکارمان",
            "تأخیرهای مکرر در پرداخت",
            "دو دور اصلاح رایگان",
            "حذف پشتیبانی تلفنی",
            "بازگشت بخشی از مبلغ",
            "درمان",
            "برداشت عکس‌های تازه",
            "فرارسیدن پایان قرارداد",
            "وام",
            "هزینه ماهانه",
            "پاسخ ایمیلی در همان روز",
            "یک دور اصلاح رایگان دیگر",
            "نسخه ساده‌تر یک‌صفحه‌ای با ۲٬۰۰۰٬۰۰۰ تومان",
            "مشکل در خرید",
            "بسته پایه، با یک طرح و دو دور اصلاح",
            "افزایش هزینه‌های چاپ و کاغذ",
            "انتشار بدون اجازه فایل‌های ما",
            "اشتراک‌گذاری فایل‌های محرمانه با شرکت دیگر",
            "تغییر تمرکز کاری ما",
            "کاهش درآمد",
            "قسط دهم",
            "همکاری با تیم",
            "روش قدیم",
            "درخواست",
            "ارسال رایگان نمونه",
            "",
        ] {
            assert!(!is_fa_clause(s), "phrase: {s}");
        }
    }

    #[test]
    fn quoted_speech_after_a_verb_is_a_clause() {
        for clause in [
            "به همکار ما گفته شد «شما هیچ کاری بلد نیستید»",
            "باز هم به همکار ما گفته شد «بلد نیستید»",
            "با صدای بلند گفتند: «این کار را هر کسی می‌تواند»",
            "به همکار ما گفته شد که «کارتان بی‌ارزش است»",
            "\u{2068}مدیر پروژه به همکار ما گفت «بلد نیستید»\u{2069}",
        ] {
            assert!(is_fa_clause(clause), "{clause}");
        }
        // A phrase that quotes a word is still a phrase.
        for phrase in [
            "توهین با عبارت «بی‌عرضه»",
            "پیام‌های پی‌درپی با عنوان «فوری»",
            "«بلد نیستید»",
        ] {
            assert!(!is_fa_clause(phrase), "{phrase}");
        }
    }

    #[test]
    fn the_frame_drops_its_preposition_when_the_value_has_it() {
        assert_eq!(lead("در جلسه دیروز", "در"), "");
        assert_eq!(lead("\u{2068}در تماس دیروز\u{2069}", "در"), "");
        assert_eq!(lead("جلسه دیروز", "در"), "در ");
        // «درباره» opens with the letters «در» but is another word.
        assert_eq!(lead("درباره پیش‌فاکتور", "در"), "در ");
        assert_eq!(lead("درباره پیش‌فاکتور", "درباره"), "");
        assert_eq!(lead("در مورد پیش‌فاکتور", "درباره"), "");
        assert_eq!(lead("دربارهٔ متن صفحه", "درباره"), "");
        assert_eq!(lead("پیش‌فاکتور", "درباره"), "درباره ");
        assert_eq!(lead("به استودیو آبی", "به"), "");
        assert_eq!(lead("بهار", "به"), "به ");
        assert_eq!(lead("از طریق ایمیل", "از"), "");
        assert_eq!(lead("برای پروژه", "برای"), "");
        // A service named «خدمات …» or «سرویس …» takes no «خدمت» before it.
        assert_eq!(lead("خدمات پشتیبانی", "خدمت"), "");
        assert_eq!(lead("سرویس میزبانی", "خدمت"), "");
        assert_eq!(lead("چاپ فوری", "خدمت"), "خدمت ");
        assert_eq!(lead("خدماتی‌ها", "خدمت"), "خدمت ");
        // A reason the owner opened with «چون» takes no «زیرا» before it.
        assert_eq!(lead("چون هزینه‌ها بالا رفته است", "زیرا"), "");
        assert_eq!(lead("چرا که هزینه‌ها بالا رفته است", "زیرا"), "");
        assert_eq!(lead("هزینه‌ها بالا رفته است", "زیرا"), "زیرا ");
        assert_eq!(lead("چونان", "زیرا"), "زیرا ");
    }

    #[test]
    fn a_single_listed_item_loses_only_its_mark() {
        for (typed, item) in [
            ("- یک طرح", "یک طرح"),
            (
                "\u{2068}• دو دور اصلاح\u{2069}",
                "\u{2068}دو دور اصلاح\u{2069}",
            ),
            ("- \u{2068}یک طرح\u{2069}", "\u{2068}یک طرح\u{2069}"),
            ("۱. طرح اولیه", "طرح اولیه"),
            ("* جلسه ماهانه", "جلسه ماهانه"),
        ] {
            assert_eq!(unlisted(typed), item, "{typed}");
        }
        // Not a list, or a list of several items: as typed.
        for kept in [
            "یک طرح",
            "۳ طرح اولیه",
            "- یک طرح\n- دو اصلاح",
            "دو دور اصلاح - رایگان",
        ] {
            assert_eq!(unlisted(kept), kept, "{kept}");
        }
    }

    #[test]
    fn subjunctives_and_requests_are_sentences_without_their_stop() {
        for s in [
            "تصمیم گرفته‌ام بازنشسته شوم",
            "لطفاً بگویید کدام بسته را انتخاب می‌کنید",
            "لطفا فایل‌ها را بفرستید",
            "پشتیبانی تلفنی حذف می‌شود",
            "برای کارهای فوری با شماره همراه من تماس بگیرید",
            "می‌خواهم کار را کمتر کنم",
            "ممکن است دیر شود",
            "باید همه چیز را از نو بدهم",
            "باید فردا در دفتر باشم",
        ] {
            assert!(is_fa_clause(s), "clause: {s}");
            assert!(is_fa_sentence(s), "sentence: {s}");
        }
        assert!(opens_with_clause("لطفاً بگویید کدام بسته را انتخاب می‌کنید"));
        for s in [
            "حجم بالای کار",
            "هزینه حمل بار",
            "نبود نیروی وفادار",
            "دو بار",
            "شیوه کار",
            "توهین",
            "پیام لطف‌آمیز شما",
        ] {
            assert!(!is_fa_clause(s), "phrase: {s}");
        }
        // A lone word closed with a stop is not a sentence; a stopped phrase still is.
        assert!(!is_fa_sentence("توهین."));
        assert!(!is_fa_sentence("\u{2068}توهین.\u{2069}"));
        assert!(is_fa_sentence("کمبود نیرو."));
        assert!(is_fa_sentence("شد."));
    }

    #[test]
    fn a_noun_phrase_is_a_phrase_with_or_without_its_stop() {
        use super::{is_fa_indefinite, is_fa_phrase};
        for s in [
            "افزایش اجاره استودیو",
            "افزایش اجاره استودیو.",
            "بازنشستگی",
            "\u{2068}بازنشستگی.\u{2069}",
            "یک دور اصلاح رایگان دیگر.",
            "نسخه ساده‌تر یک‌صفحه‌ای با ۲٬۰۰۰٬۰۰۰ تومان",
        ] {
            assert!(is_fa_phrase(s), "phrase: {s}");
        }
        for s in [
            "هزینه‌ها دو برابر شده است.",
            "می‌توانیم این کار را در فاز دوم پروژه بگنجانیم.",
            "لطفاً تأیید کنید",
            "کمبود نیرو. تیم ما کوچک شد.",
            "سه طرح اولیه\nدو دور اصلاح",
            "شد.",
            "",
        ] {
            assert!(!is_fa_phrase(s), "not a phrase: {s}");
        }
        assert!(is_fa_indefinite("یک دور اصلاح"));
        assert!(!is_fa_indefinite("یکشنبه"));
        assert!(!is_fa_indefinite("فایل‌های اضافه"));
    }

    #[test]
    fn a_value_that_only_says_when_is_told_from_one_that_says_what() {
        for when in [
            "دیروز",
            "روز جمعه",
            "صبح امروز",
            "هفته گذشته",
            "دوشنبه گذشته",
            "۲ آذر",
            "دیروز.",
            "پنج‌شنبه، ۲ آذر",
        ] {
            assert!(is_fa_when(when), "{when}");
        }
        for what in [
            "جلسه پنجشنبه",
            "تماس تلفنی دیروز",
            "در جلسه دیروز",
            "گفت‌وگوی روز جمعه",
            "۱۴۰۵/۰۹/۰۲",
            "",
            "به همکار ما توهین شد.",
        ] {
            assert!(!is_fa_when(what), "{what}");
        }
    }

    #[test]
    fn a_reason_with_its_own_because_is_told() {
        use super::{is_fa_because, is_fa_causal};
        for causal in [
            "چون تمرکزمان را تغییر داده‌ایم",
            "زیرا ظرفیت ما تکمیل است.",
            "چرا که وقت نداریم",
            "به دلیل بازنشستگی",
            "\u{2068}به علت کمبود نیرو\u{2069}",
        ] {
            assert!(is_fa_causal(causal), "{causal}");
        }
        for other in ["چونه", "بازنشستگی", "دلیل این کار", "زیراندازها", ""]
        {
            assert!(!is_fa_causal(other), "{other}");
        }
        assert!(is_fa_because("چون تمرکزمان را تغییر داده‌ایم"));
        assert!(!is_fa_because("به دلیل بازنشستگی"));
        assert!(!is_fa_because("به علت کمبود نیرو."));
        assert!(!is_fa_because("تمرکزمان را تغییر داده‌ایم"));
    }
}
