//! Persian text helpers: normalisation of what users type and conversion of digits.
//!
//! Text typed on Arabic keyboards (or pasted from Arabic sources) carries ي and ك, which look
//! alike but break search and sorting; Persian text uses ی and ک. The zero-width non-joiner
//! (U+200C) is part of correct spelling (می‌شود) and is always kept.

/// The zero-width non-joiner that separates parts of a Persian word without a space.
pub const ZWNJ: char = '\u{200C}';

const PERSIAN_DIGITS: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

/// Replaces Arabic letter forms with their Persian counterparts. ZWNJ is preserved.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            other => other,
        })
        .collect()
}

/// The value of an ASCII, Persian (U+06F0..) or Arabic-Indic (U+0660..) digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// Turns every Persian or Arabic-Indic digit into ASCII, and the Persian separators into
/// their ASCII equivalents, so that numbers and dates typed in any script parse the same.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{066B}' => '.', // Arabic decimal separator
            '\u{066C}' | '\u{060C}' => ',',
            _ => match digit_value(c) {
                Some(d) => char::from_digit(d, 10).unwrap_or(c),
                None => c,
            },
        })
        .collect()
}

/// Turns ASCII digits into Persian digits, leaving everything else as it is.
pub fn to_persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => PERSIAN_DIGITS[d as usize],
            _ => c,
        })
        .collect()
}

/// A folded form for searching: Arabic forms normalised, ZWNJ and other invisible marks
/// dropped, spaces collapsed, digits made ASCII, Latin lower-cased.
pub fn search_key(text: &str) -> String {
    let normalized = to_ascii_digits(&normalize(text));
    let mut out = String::with_capacity(normalized.len());
    let mut last_space = true;
    for c in normalized.chars() {
        // Direction marks too: a letter's values are isolated (U+2068 … U+2069).
        if matches!(c, ZWNJ | '\u{200D}' | '\u{0640}') || crate::bidi::is_direction_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        out.extend(c.to_lowercase());
        last_space = false;
    }
    out.trim_end().to_string()
}

/// True when the text contains any Arabic-script letter (so it reads right to left).
pub fn has_arabic_script(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_yeh_and_kaf_become_persian() {
        assert_eq!(normalize("علي كريمي"), "علی کریمی");
        assert_eq!(normalize("مصطفى"), "مصطفی");
    }

    #[test]
    fn zwnj_is_preserved_by_normalisation() {
        let word = "می\u{200C}شود";
        assert_eq!(normalize(word), word);
        assert_eq!(normalize(word).chars().filter(|&c| c == ZWNJ).count(), 1);
    }

    #[test]
    fn digits_in_every_script_become_ascii() {
        assert_eq!(to_ascii_digits("۱۴۰۵/۰۹/۰۲"), "1405/09/02");
        assert_eq!(to_ascii_digits("٢٠٢٦-١١-٢٢"), "2026-11-22");
        assert_eq!(to_ascii_digits("۱۲٬۵۰۰٬۰۰۰"), "12,500,000");
        assert_eq!(to_ascii_digits("INV-2041"), "INV-2041");
    }

    #[test]
    fn ascii_digits_become_persian_and_latin_letters_stay() {
        assert_eq!(to_persian_digits("INV-2041"), "INV-۲۰۴۱");
        assert_eq!(to_persian_digits("0123456789"), "۰۱۲۳۴۵۶۷۸۹");
    }

    #[test]
    fn search_key_ignores_spelling_variants() {
        assert_eq!(search_key("مي‌شود"), search_key("میشود"));
        assert_eq!(search_key("شركت  آلفا"), search_key("شرکت آلفا"));
        assert_eq!(search_key("Sara  JONES"), "sara jones");
        assert_eq!(search_key("۱۲۳"), "123");
    }

    #[test]
    fn detects_arabic_script() {
        assert!(has_arabic_script("سلام Ali"));
        assert!(!has_arabic_script("Hello 123"));
    }
}
