//! Numbers as letters print them: grouped digits and numbers in words, in both languages.

use crate::lang::Lang;
use crate::persian;

/// The Arabic thousands separator (U+066C) that Persian typography uses between groups.
pub const FA_GROUP_SEPARATOR: char = '\u{066C}';
/// The Arabic decimal separator (U+066B).
pub const FA_DECIMAL_SEPARATOR: char = '\u{066B}';

/// Why a piece of text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber(String),
    TooManyDecimals(String),
    TooLarge(String),
}

impl crate::i18n::Problem for NumberError {
    fn key(&self) -> &'static str {
        match self {
            NumberError::NotANumber(_) => "error-not-a-number",
            NumberError::TooManyDecimals(_) => "error-too-many-decimals",
            NumberError::TooLarge(_) => "error-too-large",
        }
    }

    fn args(&self, _: &crate::i18n::Locale) -> Vec<(&'static str, String)> {
        let (NumberError::NotANumber(v)
        | NumberError::TooManyDecimals(v)
        | NumberError::TooLarge(v)) = self;
        vec![("value", v.clone())]
    }
}

crate::i18n::english_display!(NumberError);
impl std::error::Error for NumberError {}

#[cfg(test)]
impl NumberError {
    /// One of each kind, for the test that words every error.
    pub(crate) fn samples() -> Vec<Self> {
        vec![
            NumberError::NotANumber("دوازده".into()),
            NumberError::TooManyDecimals("1.234".into()),
            NumberError::TooLarge("99999999999999999999999".into()),
        ]
    }
}

/// `12500000` → `12,500,000` (en) or `۱۲٬۵۰۰٬۰۰۰` (fa).
pub fn group(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fa => FA_GROUP_SEPARATOR,
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    localize_digits(&out, lang)
}

/// Digits in the script of the language: Persian digits for fa, ASCII for en.
pub fn localize_digits(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fa => persian::to_persian_digits(text),
        Lang::En => text.to_string(),
    }
}

/// A non-negative decimal with at most two decimal places, kept exact in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Decimal {
    pub whole: u64,
    pub hundredths: u8,
}

impl Decimal {
    pub fn whole(whole: u64) -> Self {
        Decimal {
            whole,
            hundredths: 0,
        }
    }

    /// Parses `12500000`, `12,500,000`, `۱۲٬۵۰۰٬۰۰۰`, `1250.5` or `۱۲۵۰٫۵`. Group separators
    /// (`,` `٬` `،`, spaces, `_`) are ignored; one decimal point is allowed.
    pub fn parse(text: &str) -> Result<Decimal, NumberError> {
        let ascii = persian::to_ascii_digits(text.trim());
        let cleaned: String = ascii
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{00A0}' | '\u{202F}'))
            .collect();
        let not_a_number = || NumberError::NotANumber(text.trim().to_string());
        let (whole, frac) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return Err(not_a_number());
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
        if frac.len() > 2 {
            return Err(NumberError::TooManyDecimals(text.trim().to_string()));
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole
                .parse()
                .map_err(|_| NumberError::TooLarge(text.trim().to_string()))?
        };
        let hundredths = match frac.len() {
            0 => 0,
            1 => frac.parse::<u8>().map_err(|_| not_a_number())? * 10,
            _ => frac.parse::<u8>().map_err(|_| not_a_number())?,
        };
        Ok(Decimal { whole, hundredths })
    }

    /// From a JSON-like number (as templates hand values around).
    pub fn from_f64(value: f64) -> Option<Decimal> {
        if !value.is_finite() || !(0.0..=9.0e15).contains(&value) {
            return None;
        }
        let cents = (value * 100.0).round() as u64;
        Some(Decimal {
            whole: cents / 100,
            hundredths: (cents % 100) as u8,
        })
    }

    fn in_hundredths(self) -> u128 {
        u128::from(self.whole) * 100 + u128::from(self.hundredths)
    }

    fn from_hundredths(n: u128) -> Option<Decimal> {
        Some(Decimal {
            whole: u64::try_from(n / 100).ok()?,
            hundredths: (n % 100) as u8,
        })
    }

    /// The exact sum, or none past the largest amount.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        Self::from_hundredths(self.in_hundredths() + other.in_hundredths())
    }

    /// The exact difference, or none when `other` is larger (amounts are never negative).
    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        Self::from_hundredths(self.in_hundredths().checked_sub(other.in_hundredths())?)
    }

    /// As a template hands it on: digits and a decimal point only where there is a fraction.
    pub fn plain(self) -> String {
        if self.hundredths == 0 {
            self.whole.to_string()
        } else {
            format!("{}.{:02}", self.whole, self.hundredths)
        }
    }

    pub fn to_f64(self) -> f64 {
        self.whole as f64 + f64::from(self.hundredths) / 100.0
    }

    /// Grouped digits, with two decimals only when there is a fraction.
    pub fn display(self, lang: Lang) -> String {
        let mut out = group(self.whole, lang);
        if self.hundredths > 0 {
            out.push(match lang {
                Lang::Fa => FA_DECIMAL_SEPARATOR,
                Lang::En => '.',
            });
            out.push_str(&localize_digits(&format!("{:02}", self.hundredths), lang));
        }
        out
    }
}

/// A whole number in words: 12500000 → «دوازده میلیون و پانصد هزار» /
/// "twelve million five hundred thousand".
pub fn words(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Fa => persian_words(n),
        Lang::En => english_words(n),
    }
}

/// An ordinal in words: 1 → «اول» / "first", 3 → «سوم» / "third", 21 → «بیست و یکم» /
/// "twenty-first".
pub fn ordinal(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Fa => persian_ordinal(n),
        Lang::En => english_ordinal(n),
    }
}

fn persian_ordinal(n: u64) -> String {
    // «اول» alone; inside a compound the regular «یکم» («بیست و یکم»).
    if n == 1 {
        return "اول".to_string();
    }
    let cardinal = persian_words(n);
    if let Some(stem) = cardinal.strip_suffix("سه")
        && (stem.is_empty() || stem.ends_with(' '))
    {
        // «سه» → «سوم», also at the end of a compound («بیست و سوم»); not «سیزده».
        return format!("{stem}سوم");
    }
    if cardinal.ends_with('ی') {
        // «سی» → «سی‌ام»: a final long vowel takes «ام» after a non-joiner.
        return format!("{cardinal}\u{200C}ام");
    }
    format!("{cardinal}م")
}

const EN_ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
// Short scale, as British usage has been since 1974.
const EN_SCALES: [&str; 7] = [
    "",
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
];

fn english_below_hundred(n: u64) -> String {
    let n = n as usize;
    if n < 20 {
        EN_ONES[n].to_string()
    } else if n.is_multiple_of(10) {
        EN_TENS[n / 10].to_string()
    } else {
        format!("{}-{}", EN_TENS[n / 10], EN_ONES[n % 10])
    }
}

/// British English: "and" after "hundred" in every group ("one hundred and fifty"), and
/// before a last group below a hundred ("two thousand and five"). The num2words crate leaves
/// the first out ("one hundred fifty"), which a British reader would not sign.
fn english_words(n: u64) -> String {
    if n == 0 {
        return EN_ONES[0].to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut parts: Vec<String> = Vec::new();
    for (scale, &value) in groups.iter().enumerate().rev() {
        if value == 0 {
            continue;
        }
        let hundreds = value / 100;
        let below = value % 100;
        let mut part = String::new();
        if hundreds > 0 {
            part.push_str(EN_ONES[hundreds as usize]);
            part.push_str(" hundred");
            if below > 0 {
                part.push_str(" and ");
            }
        } else if scale == 0 && !parts.is_empty() {
            part.push_str("and ");
        }
        if below > 0 {
            part.push_str(&english_below_hundred(below));
        }
        if scale > 0 {
            part.push(' ');
            part.push_str(EN_SCALES[scale]);
        }
        parts.push(part);
    }
    parts.join(" ")
}

/// "first", "twenty-second", "one hundred and third": the cardinal with its last word turned.
fn english_ordinal(n: u64) -> String {
    let cardinal = english_words(n);
    let split = cardinal.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = cardinal.split_at(split);
    let turned = match last {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        word if word.ends_with('y') => format!("{}ieth", &word[..word.len() - 1]),
        word => format!("{word}th"),
    };
    format!("{head}{turned}")
}

const FA_ONES: [&str; 20] = [
    "",
    "یک",
    "دو",
    "سه",
    "چهار",
    "پنج",
    "شش",
    "هفت",
    "هشت",
    "نه",
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
];
const FA_TENS: [&str; 10] = [
    "",
    "",
    "بیست",
    "سی",
    "چهل",
    "پنجاه",
    "شصت",
    "هفتاد",
    "هشتاد",
    "نود",
];
const FA_HUNDREDS: [&str; 10] = [
    "",
    "صد",
    "دویست",
    "سیصد",
    "چهارصد",
    "پانصد",
    "ششصد",
    "هفتصد",
    "هشتصد",
    "نهصد",
];
// Short scale, as Iranian banks and newspapers use it: میلیارد is 10^9, تریلیون 10^12.
const FA_SCALES: [&str; 7] = [
    "",
    "هزار",
    "میلیون",
    "میلیارد",
    "تریلیون",
    "کوادریلیون",
    "کوینتیلیون",
];

fn persian_below_thousand(n: u64) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let hundreds = (n / 100) as usize;
    let rest = (n % 100) as usize;
    if hundreds > 0 {
        parts.push(FA_HUNDREDS[hundreds]);
    }
    if rest >= 20 {
        parts.push(FA_TENS[rest / 10]);
        if !rest.is_multiple_of(10) {
            parts.push(FA_ONES[rest % 10]);
        }
    } else if rest > 0 {
        parts.push(FA_ONES[rest]);
    }
    parts.join(" و ")
}

fn persian_words(n: u64) -> String {
    if n == 0 {
        return "صفر".to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut parts = Vec::new();
    for (scale, &value) in groups.iter().enumerate().rev() {
        if value == 0 {
            continue;
        }
        let mut part = persian_below_thousand(value);
        if scale > 0 {
            part.push(' ');
            part.push_str(FA_SCALES[scale]);
        }
        parts.push(part);
    }
    parts.join(" و ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_with_the_language_separator() {
        assert_eq!(group(12_500_000, Lang::En), "12,500,000");
        assert_eq!(group(12_500_000, Lang::Fa), "۱۲٬۵۰۰٬۰۰۰");
        assert_eq!(group(999, Lang::Fa), "۹۹۹");
        assert_eq!(group(1000, Lang::En), "1,000");
        assert_eq!(group(0, Lang::En), "0");
        assert_eq!(group(100_000, Lang::En), "100,000");
    }

    #[test]
    fn fa_group_separator_is_u066c() {
        assert!(group(1000, Lang::Fa).contains('\u{066C}'));
    }

    #[test]
    fn parses_numbers_in_any_script() {
        assert_eq!(
            Decimal::parse("12,500,000").unwrap(),
            Decimal::whole(12_500_000)
        );
        assert_eq!(
            Decimal::parse("۱۲٬۵۰۰٬۰۰۰").unwrap(),
            Decimal::whole(12_500_000)
        );
        assert_eq!(Decimal::parse("١٢٥٠٠").unwrap(), Decimal::whole(12_500));
        assert_eq!(
            Decimal::parse("1250.5").unwrap(),
            Decimal {
                whole: 1250,
                hundredths: 50
            }
        );
        assert_eq!(
            Decimal::parse("۱۲۵۰٫۰۵").unwrap(),
            Decimal {
                whole: 1250,
                hundredths: 5
            }
        );
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for text in ["12a", "", "-5"] {
            assert!(
                matches!(Decimal::parse(text), Err(NumberError::NotANumber(_))),
                "{text:?}"
            );
        }
        assert!(matches!(
            Decimal::parse("1.234"),
            Err(NumberError::TooManyDecimals(_))
        ));
        assert!(matches!(
            Decimal::parse("99999999999999999999999"),
            Err(NumberError::TooLarge(_))
        ));
    }

    #[test]
    fn decimal_display() {
        let d = Decimal::parse("1250.5").unwrap();
        assert_eq!(d.display(Lang::En), "1,250.50");
        assert_eq!(d.display(Lang::Fa), "۱٬۲۵۰٫۵۰");
        assert_eq!(Decimal::whole(7).display(Lang::En), "7");
    }

    #[test]
    fn persian_words_small_numbers() {
        let cases = [
            (0, "صفر"),
            (1, "یک"),
            (10, "ده"),
            (11, "یازده"),
            (19, "نوزده"),
            (20, "بیست"),
            (21, "بیست و یک"),
            (99, "نود و نه"),
            (100, "صد"),
            (105, "صد و پنج"),
            (200, "دویست"),
            (312, "سیصد و دوازده"),
            (999, "نهصد و نود و نه"),
        ];
        for (n, expected) in cases {
            assert_eq!(words(n, Lang::Fa), expected, "{n}");
        }
    }

    #[test]
    fn persian_words_large_numbers() {
        let cases = [
            (1_000, "یک هزار"),
            (1_001, "یک هزار و یک"),
            (2_500, "دو هزار و پانصد"),
            (12_500_000, "دوازده میلیون و پانصد هزار"),
            (1_000_000, "یک میلیون"),
            (1_000_500, "یک میلیون و پانصد"),
            (3_450_000_000, "سه میلیارد و چهارصد و پنجاه میلیون"),
            (1_000_000_000_000, "یک تریلیون"),
            (2_000_000_000_015, "دو تریلیون و پانزده"),
            (
                123_456_789_012,
                "صد و بیست و سه میلیارد و چهارصد و پنجاه و شش میلیون و هفتصد و هشتاد و نه هزار و دوازده",
            ),
        ];
        for (n, expected) in cases {
            assert_eq!(words(n, Lang::Fa), expected, "{n}");
        }
    }

    #[test]
    fn ordinals_in_both_languages() {
        let fa = [
            (1, "اول"),
            (2, "دوم"),
            (3, "سوم"),
            (4, "چهارم"),
            (9, "نهم"),
            (10, "دهم"),
            (12, "دوازدهم"),
            (13, "سیزدهم"),
            (21, "بیست و یکم"),
            (23, "بیست و سوم"),
            (30, "سی\u{200C}ام"),
            (100, "صدم"),
        ];
        for (n, expected) in fa {
            assert_eq!(ordinal(n, Lang::Fa), expected, "{n}");
        }
        assert_eq!(ordinal(1, Lang::En), "first");
        assert_eq!(ordinal(3, Lang::En), "third");
        assert_eq!(ordinal(12, Lang::En), "twelfth");
        assert_eq!(ordinal(21, Lang::En), "twenty-first");
        assert_eq!(ordinal(20, Lang::En), "twentieth");
        assert_eq!(ordinal(103, Lang::En), "one hundred and third");
        assert_eq!(ordinal(1000, Lang::En), "one thousandth");
    }

    #[test]
    fn english_words() {
        assert_eq!(words(0, Lang::En), "zero");
        assert_eq!(words(42, Lang::En), "forty-two");
        // British usage: "and" after every "hundred" that has more after it.
        assert_eq!(words(150, Lang::En), "one hundred and fifty");
        assert_eq!(words(320, Lang::En), "three hundred and twenty");
        assert_eq!(
            words(3_450, Lang::En),
            "three thousand four hundred and fifty"
        );
        assert_eq!(words(2_005, Lang::En), "two thousand and five");
        assert_eq!(words(1_000_100, Lang::En), "one million one hundred");
        assert_eq!(
            words(123_456, Lang::En),
            "one hundred and twenty-three thousand four hundred and fifty-six"
        );
        assert_eq!(words(18, Lang::En), "eighteen");
        assert_eq!(words(90, Lang::En), "ninety");
        assert_eq!(
            words(12_500_000, Lang::En),
            "twelve million five hundred thousand"
        );
        assert_eq!(words(1_000_000_000_000, Lang::En), "one trillion");
        assert_eq!(
            words(2_000_000_000_015, Lang::En),
            "two trillion and fifteen"
        );
    }
}
