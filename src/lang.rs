//! The two languages Marz writes and speaks.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A letter or interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Persian: right to left, Jalali dates, Persian digits.
    #[default]
    Fa,
    /// English: left to right, Gregorian dates.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fa, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Fa
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fa" | "fa-ir" | "persian" | "farsi" => Ok(Lang::Fa),
            "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}`: use `fa` or `en`")),
        }
    }
}
