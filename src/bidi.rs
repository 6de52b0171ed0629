//! Keeping a value whole inside a line of the other direction.
//!
//! The Unicode bidi algorithm orders a line by its characters, so a Latin value inside a
//! Persian sentence can lose its punctuation to the sentence: `Acme Ltd.` prints as
//! `.Acme Ltd`, `(A-12)` as `)A-12(`. A first-strong isolate (U+2068 … U+2069) around the
//! value lays it out on its own, in the direction of its own first letter, and the sentence
//! treats it as one neutral piece. The marks are invisible and take no room.

use crate::lang::Lang;
use crate::persian;

/// FIRST STRONG ISOLATE: opens a value laid out in the direction of its first letter.
pub const FSI: char = '\u{2068}';
/// POP DIRECTIONAL ISOLATE: closes it.
pub const PDI: char = '\u{2069}';

/// RIGHT-TO-LEFT MARK: makes a line whose first letter is Latin run right to left.
pub const RLM: char = '\u{200F}';

/// Every invisible mark that only steers direction (marks, embeddings, isolates).
pub fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `value` between first-strong isolates, line by line (an isolate ends with its paragraph,
/// so each line gets its own). A list item's leading `- ` stays outside, so the line is
/// still read as a list item. Empty lines stay empty.
pub fn isolate(value: &str) -> String {
    value
        .split('\n')
        .map(|line| {
            let (bullet, rest) = match line.strip_prefix("- ") {
                Some(rest) => ("- ", rest),
                None => ("", line),
            };
            if rest.trim().is_empty() {
                line.to_string()
            } else {
                format!("{bullet}{FSI}{rest}{PDI}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A value as a text in `lang` inserts it: isolated in a right-to-left text, and in a
/// left-to-right text when it holds right-to-left script.
pub fn in_text(value: &str, lang: Lang) -> String {
    if lang.is_rtl() || persian::has_arabic_script(value) {
        isolate(value)
    } else {
        value.to_string()
    }
}

/// The text without direction marks: what a value was before it was isolated.
pub fn strip(text: &str) -> String {
    text.chars().filter(|&c| !is_direction_mark(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolates_each_line_and_leaves_bullets_and_blank_lines() {
        assert_eq!(isolate("Acme Ltd."), "\u{2068}Acme Ltd.\u{2069}");
        assert_eq!(
            isolate("(A-12)\n\n- item"),
            "\u{2068}(A-12)\u{2069}\n\n- \u{2068}item\u{2069}"
        );
        assert_eq!(isolate(""), "");
    }

    #[test]
    fn persian_letters_isolate_every_value_and_english_ones_only_right_to_left_values() {
        assert_eq!(in_text("John Smith", Lang::Fa), isolate("John Smith"));
        assert_eq!(in_text("رضا", Lang::Fa), isolate("رضا"));
        assert_eq!(in_text("John Smith", Lang::En), "John Smith");
        assert_eq!(in_text("شرکت آلفا", Lang::En), isolate("شرکت آلفا"));
    }

    #[test]
    fn strip_gives_the_value_back() {
        let value = "INV-2041 (A-12)\nدوم";
        assert_eq!(strip(&isolate(value)), value);
        assert_eq!(strip("\u{200F}سلام"), "سلام");
    }
}
