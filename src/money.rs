//! Currencies and amounts written the way a demand for payment must write them: in digits
//! and, to leave no room for doubt, in words.

use crate::lang::Lang;
use crate::numbers::{Decimal, words};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    #[default]
    Toman,
    Rial,
    Usd,
    Eur,
    Gbp,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::Toman,
        Currency::Rial,
        Currency::Usd,
        Currency::Eur,
        Currency::Gbp,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Toman => "toman",
            Currency::Rial => "rial",
            Currency::Usd => "usd",
            Currency::Eur => "eur",
            Currency::Gbp => "gbp",
        }
    }

    /// The unit's name after an amount, and the name of its hundredth part if it has one;
    /// `plural` says whether the count before each name is other than one.
    fn names(self, lang: Lang, plural: bool) -> (&'static str, Option<&'static str>) {
        let en = |one, many| if plural { many } else { one };
        match (lang, self) {
            (Lang::Fa, Currency::Toman) => ("تومان", None),
            (Lang::Fa, Currency::Rial) => ("ریال", None),
            (Lang::Fa, Currency::Usd) => ("دلار", Some("سنت")),
            (Lang::Fa, Currency::Eur) => ("یورو", Some("سنت")),
            (Lang::Fa, Currency::Gbp) => ("پوند", Some("پنی")),
            (Lang::En, Currency::Toman) => (en("toman", "tomans"), None),
            (Lang::En, Currency::Rial) => (en("rial", "rials"), None),
            (Lang::En, Currency::Usd) => (en("US dollar", "US dollars"), Some(en("cent", "cents"))),
            (Lang::En, Currency::Eur) => (en("euro", "euros"), Some(en("cent", "cents"))),
            (Lang::En, Currency::Gbp) => (en("pound", "pounds"), Some(en("penny", "pence"))),
        }
    }

    /// The unit as a reader expects to see it after digits.
    pub fn unit(self, lang: Lang) -> &'static str {
        self.names(lang, true).0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "toman" | "تومان" => Ok(Currency::Toman),
            "rial" | "irr" | "ریال" => Ok(Currency::Rial),
            "usd" | "dollar" => Ok(Currency::Usd),
            "eur" | "euro" => Ok(Currency::Eur),
            "gbp" | "pound" => Ok(Currency::Gbp),
            other => Err(format!(
                "unknown currency `{other}`: use toman, rial, usd, eur or gbp"
            )),
        }
    }
}

/// Digits and unit: «۱۲٬۵۰۰٬۰۰۰ تومان» / "12,500,000 tomans". English writes dollars, euros
/// and pounds with their sign before the figure ("$950", "€3,450", "£80"), as an English
/// reader expects.
pub fn amount(value: Decimal, currency: Currency, lang: Lang) -> String {
    match (lang, currency) {
        (Lang::En, Currency::Usd) => format!("${}", value.display(lang)),
        (Lang::En, Currency::Eur) => format!("€{}", value.display(lang)),
        (Lang::En, Currency::Gbp) => format!("£{}", value.display(lang)),
        _ => {
            let plural = !(value.whole == 1 && value.hundredths == 0);
            format!("{} {}", value.display(lang), currency.names(lang, plural).0)
        }
    }
}

/// The amount in words with its unit: «دوازده میلیون و پانصد هزار تومان».
pub fn amount_in_words(value: Decimal, currency: Currency, lang: Lang) -> String {
    // In words the whole part counts alone: "one euro and fifty cents".
    let unit = currency.names(lang, value.whole != 1).0;
    // "one cent", "one penny": the minor unit agrees with its own count, not the whole one.
    let minor = currency.names(lang, value.hundredths != 1).1;
    let joiner = match lang {
        Lang::Fa => " و ",
        Lang::En => " and ",
    };
    // "fifty pence", not "zero pounds and fifty pence", where the currency has a minor unit.
    if value.whole == 0
        && value.hundredths > 0
        && let Some(minor) = minor
    {
        return format!("{} {}", words(u64::from(value.hundredths), lang), minor);
    }
    let mut out = format!("{} {}", words(value.whole, lang), unit);
    if value.hundredths > 0 {
        // Currencies without a minor unit (toman, rial) still show the fraction honestly.
        let minor = minor.unwrap_or(match lang {
            Lang::Fa => "صدم",
            Lang::En => "hundredths",
        });
        out.push_str(joiner);
        out.push_str(&words(u64::from(value.hundredths), lang));
        out.push(' ');
        out.push_str(minor);
    }
    out
}

/// Digits, unit and words: «۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)».
pub fn money(value: Decimal, currency: Currency, lang: Lang) -> String {
    format!(
        "{} ({})",
        amount(value, currency, lang),
        amount_in_words(value, currency, lang)
    )
}

/// Splits `total` into `count` instalments that add up to it exactly. All but the last are
/// equal. A share of a hundred units or more is a round figure (a power of ten at most a
/// hundredth of the share, so each moves by under 1%), rounded down or up so that the last,
/// which takes the rest, differs from the others as little as it can: 12,500,000 in three
/// gives 4,170,000 twice and 4,160,000. A smaller share is paid to the hundredth ($1,000 in
/// twelve: $83.33 eleven times and $83.37). Empty for a count of zero.
pub fn split_instalments(total: Decimal, count: u32) -> Vec<Decimal> {
    if count == 0 {
        return Vec::new();
    }
    let cents = |d: Decimal| u128::from(d.whole) * 100 + u128::from(d.hundredths);
    let from_cents = |c: u128| Decimal {
        whole: (c / 100) as u64,
        hundredths: (c % 100) as u8,
    };
    let total_cents = cents(total);
    let others = u128::from(count - 1);
    let share = total_cents / u128::from(count);
    let mut step: u128 = 1;
    while step * 10 * 100 <= share {
        step *= 10;
    }
    if step < 100 {
        // Rounding "$83.33" to "$83.30" only looks odd: small shares keep their cents.
        step = 1;
    }
    // Round the equal instalments down or up, whichever leaves the odd last one nearer to
    // them (1,000 in three: 333, 333, 334; 12,500,000 in three: 4,170,000 twice and
    // 4,160,000); rounding up must leave the last one something to pay.
    let down = share / step * step;
    let up = share.div_ceil(step) * step;
    let gap = |base: u128| (total_cents - base * others).abs_diff(base);
    let base = if up * others < total_cents && gap(up) <= gap(down) {
        up
    } else {
        down
    };
    let mut parts = vec![from_cents(base); count as usize - 1];
    parts.push(from_cents(total_cents - base * others));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instalments_are_round_and_add_up_to_the_total() {
        let whole = |parts: Vec<Decimal>| parts.iter().map(|d| d.whole).collect::<Vec<_>>();
        assert_eq!(
            whole(split_instalments(Decimal::whole(12_500_000), 3)),
            [4_170_000, 4_170_000, 4_160_000]
        );
        assert_eq!(
            whole(split_instalments(Decimal::whole(10_000_000), 4)),
            [2_500_000; 4]
        );
        assert_eq!(
            whole(split_instalments(Decimal::whole(3450), 4)),
            [863, 863, 863, 861]
        );
        assert_eq!(
            whole(split_instalments(Decimal::whole(1000), 3)),
            [333, 333, 334]
        );
        // A share under a hundred units keeps its cents: $1,000 in twelve is $83.33 eleven
        // times and $83.37.
        let twelfths = split_instalments(Decimal::whole(1000), 12);
        assert_eq!(twelfths[0], Decimal::parse("83.33").unwrap());
        assert_eq!(twelfths[10], Decimal::parse("83.33").unwrap());
        assert_eq!(twelfths[11], Decimal::parse("83.37").unwrap());
        assert_eq!(
            split_instalments(Decimal::whole(1), 3),
            [
                Decimal {
                    whole: 0,
                    hundredths: 33
                },
                Decimal {
                    whole: 0,
                    hundredths: 33
                },
                Decimal {
                    whole: 0,
                    hundredths: 34
                },
            ]
        );
        assert_eq!(
            split_instalments(Decimal::whole(500), 1),
            [Decimal::whole(500)]
        );
        assert!(split_instalments(Decimal::whole(500), 0).is_empty());
        // Whatever the amount and count, the parts add up to the total.
        for (total, count) in [
            (1_234_567, 7),
            (99, 12),
            (1_000_001, 2),
            (7, 9),
            (10_100, 100),
            (100_000, 99),
            (1, 1),
        ] {
            let parts = split_instalments(Decimal::whole(total), count);
            let sum: u64 = parts
                .iter()
                .map(|d| d.whole * 100 + u64::from(d.hundredths))
                .sum();
            assert_eq!(sum, total * 100, "{total} in {count}");
            assert_eq!(parts.len(), count as usize);
            assert!(
                parts.iter().all(|d| d.whole > 0 || d.hundredths > 0),
                "{parts:?}"
            );
        }
    }

    #[test]
    fn persian_money_in_digits_and_words() {
        assert_eq!(
            money(Decimal::whole(12_500_000), Currency::Toman, Lang::Fa),
            "۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان)"
        );
        assert_eq!(
            money(Decimal::whole(3_000_000_000), Currency::Rial, Lang::Fa),
            "۳٬۰۰۰٬۰۰۰٬۰۰۰ ریال (سه میلیارد ریال)"
        );
    }

    #[test]
    fn english_money_in_digits_and_words() {
        assert_eq!(
            money(Decimal::whole(12_500_000), Currency::Toman, Lang::En),
            "12,500,000 tomans (twelve million five hundred thousand tomans)"
        );
        assert_eq!(
            money(Decimal::parse("1250.50").unwrap(), Currency::Usd, Lang::En),
            "$1,250.50 (one thousand two hundred and fifty US dollars and fifty cents)"
        );
        assert_eq!(
            amount(Decimal::whole(3450), Currency::Eur, Lang::En),
            "€3,450"
        );
        assert_eq!(amount(Decimal::whole(1), Currency::Usd, Lang::En), "$1");
        assert_eq!(
            money(Decimal::whole(1), Currency::Eur, Lang::En),
            "€1 (one euro)"
        );
        // The whole part and the hundredths each agree with their own count.
        assert_eq!(
            money(Decimal::parse("1.01").unwrap(), Currency::Gbp, Lang::En),
            "£1.01 (one pound and one penny)"
        );
        assert_eq!(
            money(Decimal::parse("1250.50").unwrap(), Currency::Gbp, Lang::En),
            "£1,250.50 (one thousand two hundred and fifty pounds and fifty pence)"
        );
        assert_eq!(
            amount_in_words(Decimal::parse("1.50").unwrap(), Currency::Eur, Lang::En),
            "one euro and fifty cents"
        );
        // Under one unit, only the minor unit is spoken.
        assert_eq!(
            money(Decimal::parse("0.50").unwrap(), Currency::Gbp, Lang::En),
            "£0.50 (fifty pence)"
        );
        assert_eq!(
            amount_in_words(Decimal::parse("0.01").unwrap(), Currency::Usd, Lang::En),
            "one cent"
        );
        for currency in [Currency::Usd, Currency::Eur, Currency::Gbp] {
            for lang in [Lang::En, Lang::Fa] {
                let said = amount_in_words(Decimal::parse("0.20").unwrap(), currency, lang);
                assert!(said.starts_with(&words(20, lang)), "{said}");
                assert!(!said.contains(&words(0, lang)), "{said}");
            }
        }
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(c.code().parse::<Currency>().unwrap(), c);
        }
        assert!("yen".parse::<Currency>().is_err());
    }
}
