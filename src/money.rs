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
}

impl Currency {
    pub const ALL: [Currency; 4] = [
        Currency::Toman,
        Currency::Rial,
        Currency::Usd,
        Currency::Eur,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Toman => "toman",
            Currency::Rial => "rial",
            Currency::Usd => "usd",
            Currency::Eur => "eur",
        }
    }

    /// The unit's name after an amount, and the name of its hundredth part if it has one.
    fn names(self, lang: Lang, plural: bool) -> (&'static str, Option<&'static str>) {
        match (lang, self) {
            (Lang::Fa, Currency::Toman) => ("تومان", None),
            (Lang::Fa, Currency::Rial) => ("ریال", None),
            (Lang::Fa, Currency::Usd) => ("دلار", Some("سنت")),
            (Lang::Fa, Currency::Eur) => ("یورو", Some("سنت")),
            (Lang::En, Currency::Toman) => (if plural { "tomans" } else { "toman" }, None),
            (Lang::En, Currency::Rial) => (if plural { "rials" } else { "rial" }, None),
            (Lang::En, Currency::Usd) => (
                if plural { "US dollars" } else { "US dollar" },
                Some("cents"),
            ),
            (Lang::En, Currency::Eur) => (if plural { "euros" } else { "euro" }, Some("cents")),
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
            other => Err(format!(
                "unknown currency `{other}`: use toman, rial, usd or eur"
            )),
        }
    }
}

/// Digits and unit: «۱۲٬۵۰۰٬۰۰۰ تومان» / "12,500,000 tomans".
pub fn amount(value: Decimal, currency: Currency, lang: Lang) -> String {
    let plural = !(value.whole == 1 && value.hundredths == 0);
    format!("{} {}", value.display(lang), currency.names(lang, plural).0)
}

/// The amount in words with its unit: «دوازده میلیون و پانصد هزار تومان».
pub fn amount_in_words(value: Decimal, currency: Currency, lang: Lang) -> String {
    let plural = !(value.whole == 1 && value.hundredths == 0);
    let (unit, minor) = currency.names(lang, plural);
    let joiner = match lang {
        Lang::Fa => " و ",
        Lang::En => " and ",
    };
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

#[cfg(test)]
mod tests {
    use super::*;

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
            "1,250.50 US dollars (one thousand two hundred and fifty US dollars and fifty cents)"
        );
        assert_eq!(
            money(Decimal::whole(1), Currency::Eur, Lang::En),
            "1 euro (one euro)"
        );
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(c.code().parse::<Currency>().unwrap(), c);
        }
        assert!("yen".parse::<Currency>().is_err());
    }
}
