//! Dates: Gregorian arithmetic with chrono, the Solar Hijri (Jalali) calendar from ICU4X, and
//! the way each language writes a date in a letter.

use crate::lang::Lang;
use crate::numbers::localize_digits;
use crate::persian;
use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Persian;
use icu_calendar::{Date, Iso};

/// Jalali years below this are taken as Jalali, at or above it as Gregorian, when parsing.
const GREGORIAN_FROM_YEAR: i32 = 1700;

/// The Jalali months' names, Farvardin first.
pub(crate) const JALALI_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// The Gregorian months' English names, January first.
pub(crate) const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in the Jalali calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jalali {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Jalali {
    pub fn month_name(self) -> &'static str {
        JALALI_MONTHS[usize::from(self.month - 1)]
    }
}

/// Why a piece of text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written as a date at all.
    Format(String),
    /// Written as a date, but the calendar has no such day.
    NoSuchDay(String),
}

impl crate::i18n::Problem for DateError {
    fn key(&self) -> &'static str {
        match self {
            DateError::Format(_) => "error-not-a-date",
            DateError::NoSuchDay(_) => "error-no-such-day",
        }
    }

    fn args(&self, _: &crate::i18n::Locale) -> Vec<(&'static str, String)> {
        let (DateError::Format(v) | DateError::NoSuchDay(v)) = self;
        vec![("value", v.clone())]
    }
}

crate::i18n::english_display!(DateError);
impl std::error::Error for DateError {}

#[cfg(test)]
impl DateError {
    pub(crate) fn samples() -> Vec<Self> {
        vec![
            DateError::Format("soon".into()),
            DateError::NoSuchDay("1404/12/30".into()),
        ]
    }
}

/// Gregorian → Jalali.
pub fn to_jalali(date: NaiveDate) -> Jalali {
    // chrono's month and day always fit ICU's ranges, so this cannot fail for a NaiveDate.
    let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8)
        .expect("a chrono date is a valid ISO date");
    let persian = iso.to_calendar(Persian);
    Jalali {
        year: persian.era_year().year,
        month: persian.month().ordinal,
        day: persian.day_of_month().0,
    }
}

/// Jalali → Gregorian, or `None` when the day does not exist (e.g. 30 Esfand of a common year).
pub fn from_jalali(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    let persian = Date::try_new_persian(year, month, day).ok()?;
    // ICU clamps nothing here: an invalid day was rejected above, so round-trip must agree.
    let iso: Date<Iso> = persian.to_calendar(Iso);
    let back = iso.to_calendar(Persian);
    if back.month().ordinal != month || back.day_of_month().0 != day {
        return None;
    }
    NaiveDate::from_ymd_opt(
        iso.era_year().year,
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

/// A date as a letter in `lang` writes it: «۱ آذر ۱۴۰۵» or "22 November 2026".
pub fn format(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => {
            let j = to_jalali(date);
            localize_digits(
                &format!("{} {} {}", j.day, j.month_name(), j.year),
                Lang::Fa,
            )
        }
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            ENGLISH_MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

/// A compact numeric date: `۱۴۰۵/۰۹/۰۱` (fa) or `2026-11-22` (en).
pub fn format_numeric(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fa => {
            let j = to_jalali(date);
            localize_digits(
                &format!("{:04}/{:02}/{:02}", j.year, j.month, j.day),
                Lang::Fa,
            )
        }
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// Parses a date typed by a person: `2026-11-30`, `2026/11/30`, or a Jalali date such as
/// `1405/09/09` or `۱۴۰۵-۰۹-۰۹` (years below 1700 are Jalali). Any digit script is accepted.
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let trimmed = text.trim();
    let ascii = persian::to_ascii_digits(trimmed);
    let parts: Vec<&str> = ascii.split(['-', '/', '.']).map(str::trim).collect();
    let format_error = || DateError::Format(trimmed.to_string());
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(format_error());
    }
    let year: i32 = parts[0].parse().map_err(|_| format_error())?;
    let month: u32 = parts[1].parse().map_err(|_| format_error())?;
    let day: u32 = parts[2].parse().map_err(|_| format_error())?;
    if parts[0].len() != 4 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(format_error());
    }
    let date = if year < GREGORIAN_FROM_YEAR {
        from_jalali(year, month as u8, day as u8)
    } else {
        NaiveDate::from_ymd_opt(year, month, day)
    };
    date.ok_or_else(|| DateError::NoSuchDay(trimmed.to_string()))
}

/// The same day `months` months later, in the calendar a letter in `lang` counts in (Jalali
/// for fa, Gregorian for en); a day the later month lacks becomes its last day (31 Shahrivar
/// → 30 Mehr, 31 January → 28 February).
pub fn add_months(date: NaiveDate, months: u32, lang: Lang) -> Option<NaiveDate> {
    match lang {
        Lang::En => date.checked_add_months(chrono::Months::new(months)),
        Lang::Fa => {
            let j = to_jalali(date);
            let index = i64::from(j.year) * 12 + i64::from(j.month - 1) + i64::from(months);
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            let month = (index.rem_euclid(12) + 1) as u8;
            (1..=j.day)
                .rev()
                .find_map(|day| from_jalali(year, month, day))
        }
    }
}

/// ISO text for a date, the form dates take inside template contexts.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The day of the week as a reader of `lang` names it: «جمعه», "Friday".
pub fn weekday(date: NaiveDate, lang: Lang) -> &'static str {
    const FA: [&str; 7] = [
        "دوشنبه",
        "سه‌شنبه",
        "چهارشنبه",
        "پنجشنبه",
        "جمعه",
        "شنبه",
        "یکشنبه",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = date.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Fa => FA[i],
        Lang::En => EN[i],
    }
}

/// Why the reader of a letter in `lang` may well not be at work on a day, which makes it a
/// poor deadline: a deadline on a Friday in Iran is in practice the Saturday after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    /// Friday for a Persian reader; Saturday or Sunday for an English one.
    Weekend,
    /// A public holiday on a fixed day of the calendar the letter counts in (Nowruz, 22
    /// Bahman…; Christmas, New Year's Day). Holidays of the lunar calendar move from year
    /// to year and are not known here.
    Holiday,
}

/// The fixed public holidays of Iran as (Jalali month, day): Nowruz and the days after,
/// 12 and 13 Farvardin, 14 and 15 Khordad, 22 Bahman, 29 Esfand.
const IRAN_HOLIDAYS: [(u8, u8); 10] = [
    (1, 1),
    (1, 2),
    (1, 3),
    (1, 4),
    (1, 12),
    (1, 13),
    (3, 14),
    (3, 15),
    (11, 22),
    (12, 29),
];

/// Christmas Day, Boxing Day and New Year's Day as (month, day).
const ENGLISH_HOLIDAYS: [(u32, u32); 3] = [(12, 25), (12, 26), (1, 1)];

/// Whether `date` is a weekend day or a fixed public holiday for the reader of `lang`.
pub fn day_off(date: NaiveDate, lang: Lang) -> Option<DayOff> {
    use chrono::Weekday;
    let (weekend, holiday) = match lang {
        Lang::Fa => {
            let j = to_jalali(date);
            (
                date.weekday() == Weekday::Fri,
                IRAN_HOLIDAYS.contains(&(j.month, j.day)),
            )
        }
        Lang::En => (
            matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
            ENGLISH_HOLIDAYS.contains(&(date.month(), date.day())),
        ),
    };
    if holiday {
        Some(DayOff::Holiday)
    } else if weekend {
        Some(DayOff::Weekend)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Checked against a printed calendar: 25 December 2026 is a Friday, 28 November 2026
    /// a Saturday; 1 Farvardin 1405 (Nowruz) is 21 March 2026 and 22 Bahman 1405 is
    /// 11 February 2027, a Thursday.
    #[test]
    fn weekdays_and_days_off_for_each_reader() {
        assert_eq!(weekday(d(2026, 12, 25), Lang::Fa), "جمعه");
        assert_eq!(weekday(d(2026, 12, 25), Lang::En), "Friday");
        assert_eq!(weekday(d(2026, 11, 28), Lang::Fa), "شنبه");
        assert_eq!(weekday(d(2027, 2, 11), Lang::En), "Thursday");
        // Friday is the Persian reader's weekend; Saturday the English reader's.
        assert_eq!(day_off(d(2026, 11, 27), Lang::Fa), Some(DayOff::Weekend));
        assert_eq!(day_off(d(2026, 11, 28), Lang::Fa), None);
        assert_eq!(day_off(d(2026, 11, 28), Lang::En), Some(DayOff::Weekend));
        assert_eq!(day_off(d(2026, 11, 29), Lang::En), Some(DayOff::Weekend));
        assert_eq!(day_off(d(2026, 11, 27), Lang::En), None);
        // Christmas is a holiday for the English reader only; Nowruz and 22 Bahman for the
        // Persian one, found through the Jalali calendar.
        assert_eq!(day_off(d(2026, 12, 25), Lang::En), Some(DayOff::Holiday));
        assert_eq!(day_off(d(2026, 12, 24), Lang::En), None);
        assert_eq!(day_off(d(2026, 3, 21), Lang::Fa), Some(DayOff::Holiday));
        assert_eq!(day_off(d(2027, 2, 11), Lang::Fa), Some(DayOff::Holiday));
        assert_eq!(day_off(d(2027, 2, 11), Lang::En), None);
        assert_eq!(day_off(d(2027, 2, 10), Lang::Fa), None);
    }

    fn j(year: i32, month: u8, day: u8) -> Jalali {
        Jalali { year, month, day }
    }

    type Pair = ((i32, u32, u32), (i32, u8, u8));

    // Dates fixed by the Iranian official calendar, independent of any algorithm.
    const KNOWN: [Pair; 14] = [
        ((1979, 2, 11), (1357, 11, 22)), // anniversary of the revolution
        ((1979, 3, 21), (1358, 1, 1)),   // Nowruz 1358
        ((2000, 1, 1), (1378, 10, 11)),  // millennium new year
        ((2017, 3, 20), (1395, 12, 30)), // last day of leap year 1395
        ((2017, 3, 21), (1396, 1, 1)),   // Nowruz 1396
        ((2020, 3, 20), (1399, 1, 1)),   // Nowruz 1399 fell on 20 March
        ((2021, 3, 20), (1399, 12, 30)), // 1399 is a leap year
        ((2021, 3, 21), (1400, 1, 1)),   // Nowruz 1400
        ((2024, 3, 20), (1403, 1, 1)),   // Nowruz 1403
        ((2025, 3, 20), (1403, 12, 30)), // 1403 is a leap year
        ((2025, 3, 21), (1404, 1, 1)),   // Nowruz 1404
        ((2026, 3, 21), (1405, 1, 1)),   // Nowruz 1405
        ((2026, 11, 22), (1405, 9, 1)),  // 1 Azar 1405
        ((2026, 12, 21), (1405, 9, 30)), // Yalda night: last day of Azar
    ];

    #[test]
    fn gregorian_to_jalali_matches_the_official_calendar() {
        for ((gy, gm, gd), (jy, jm, jd)) in KNOWN {
            assert_eq!(to_jalali(d(gy, gm, gd)), j(jy, jm, jd), "{gy}-{gm}-{gd}");
        }
    }

    #[test]
    fn jalali_to_gregorian_matches_the_official_calendar() {
        for ((gy, gm, gd), (jy, jm, jd)) in KNOWN {
            assert_eq!(
                from_jalali(jy, jm, jd),
                Some(d(gy, gm, gd)),
                "{jy}/{jm}/{jd}"
            );
        }
    }

    #[test]
    fn thirtieth_of_esfand_exists_only_in_leap_years() {
        assert!(from_jalali(1403, 12, 30).is_some());
        assert!(from_jalali(1404, 12, 30).is_none());
        assert!(from_jalali(1402, 12, 30).is_none());
        assert!(from_jalali(1405, 7, 31).is_none()); // Mehr has 30 days
        assert!(from_jalali(1405, 6, 31).is_some()); // Shahrivar has 31
    }

    #[test]
    fn months_are_added_in_the_letters_calendar() {
        // 1 Dey 1405 → 1 Bahman, 1 Esfand, 1 Farvardin 1406.
        let dey1 = from_jalali(1405, 10, 1).unwrap();
        let later: Vec<Jalali> = (0..4)
            .map(|m| to_jalali(add_months(dey1, m, Lang::Fa).unwrap()))
            .collect();
        assert_eq!(
            later,
            [
                j(1405, 10, 1),
                j(1405, 11, 1),
                j(1405, 12, 1),
                j(1406, 1, 1)
            ]
        );
        // 31 Shahrivar → 30 Mehr; 30 Bahman → 29 Esfand in a common year.
        let s31 = from_jalali(1405, 6, 31).unwrap();
        assert_eq!(
            to_jalali(add_months(s31, 1, Lang::Fa).unwrap()),
            j(1405, 7, 30)
        );
        let b30 = from_jalali(1404, 11, 30).unwrap();
        assert_eq!(
            to_jalali(add_months(b30, 1, Lang::Fa).unwrap()),
            j(1404, 12, 29)
        );
        assert_eq!(
            to_jalali(add_months(b30, 13, Lang::Fa).unwrap()),
            j(1405, 12, 29)
        );
        // English letters count Gregorian months.
        assert_eq!(
            add_months(d(2026, 1, 31), 1, Lang::En),
            Some(d(2026, 2, 28))
        );
        assert_eq!(
            add_months(d(2026, 12, 22), 2, Lang::En),
            Some(d(2027, 2, 22))
        );
    }

    #[test]
    fn formats_like_a_letter() {
        assert_eq!(format(d(2026, 11, 22), Lang::Fa), "۱ آذر ۱۴۰۵");
        assert_eq!(format(d(2026, 11, 22), Lang::En), "22 November 2026");
        assert_eq!(format(d(2026, 3, 21), Lang::Fa), "۱ فروردین ۱۴۰۵");
        assert_eq!(format_numeric(d(2026, 11, 22), Lang::Fa), "۱۴۰۵/۰۹/۰۱");
        assert_eq!(format_numeric(d(2026, 11, 22), Lang::En), "2026-11-22");
    }

    #[test]
    fn parses_gregorian_and_jalali_in_any_digits() {
        assert_eq!(parse("2026-11-30").unwrap(), d(2026, 11, 30));
        assert_eq!(parse("2026/11/30").unwrap(), d(2026, 11, 30));
        assert_eq!(parse("۲۰۲۶-۱۱-۳۰").unwrap(), d(2026, 11, 30));
        assert_eq!(parse("1405/09/01").unwrap(), d(2026, 11, 22));
        assert_eq!(parse("۱۴۰۵/۰۹/۰۱").unwrap(), d(2026, 11, 22));
        assert_eq!(parse("١٤٠٣/١٢/٣٠").unwrap(), d(2025, 3, 20));
    }

    #[test]
    fn rejects_bad_dates_with_a_reason() {
        assert!(matches!(parse("tomorrow"), Err(DateError::Format(_))));
        assert!(matches!(parse("2026-13-01"), Err(DateError::Format(_))));
        assert!(matches!(parse("26-11-01"), Err(DateError::Format(_))));
        assert!(matches!(parse("2026-02-30"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(parse("1404/12/30"), Err(DateError::NoSuchDay(_))));
    }
}
