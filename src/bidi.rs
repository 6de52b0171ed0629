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

/// LEFT-TO-RIGHT MARK: the same for a line of a left-to-right text.
pub const LRM: char = '\u{200E}';

/// `value` between first-strong isolates, line by line (an isolate ends with its paragraph,
/// so each line gets its own). A list item's leading `- ` stays outside, so the line is
/// still read as a list item. Empty lines stay empty, and a line that already is one
/// isolate is not wrapped again (a value that passed through twice is isolated once).
pub fn isolate(value: &str) -> String {
    value
        .split('\n')
        .map(|line| {
            let (bullet, rest) = match line.strip_prefix("- ") {
                Some(rest) => ("- ", rest),
                None => ("", line),
            };
            if rest.trim().is_empty() || whole_isolate(rest).is_some() {
                line.to_string()
            } else {
                format!("{bullet}{FSI}{rest}{PDI}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The value `isolate` was given, if `text` is one: each line's isolate taken off (a list
/// item's `- ` kept). `None` when no line of `text` is isolated.
pub fn unisolate(text: &str) -> Option<String> {
    let mut any = false;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let (bullet, rest) = match line.strip_prefix("- ") {
                Some(rest) => ("- ", rest),
                None => ("", line),
            };
            match whole_isolate(rest) {
                Some(inner) => {
                    any = true;
                    format!("{bullet}{inner}")
                }
                None => line.to_string(),
            }
        })
        .collect();
    any.then(|| lines.join("\n"))
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

/// The inside of `text` if all of it is one isolate (U+2068 to its matching U+2069).
pub fn whole_isolate(text: &str) -> Option<&str> {
    let inner = text.strip_prefix(FSI)?.strip_suffix(PDI)?;
    let mut depth = 0usize;
    for c in inner.chars() {
        match c {
            '\u{2066}' | '\u{2067}' | FSI => depth += 1,
            PDI if depth == 0 => return None,
            PDI => depth -= 1,
            _ => {}
        }
    }
    (depth == 0).then_some(inner)
}

/// Each line of `text` as a reader that finds a paragraph's direction from its own first
/// letter (most plain-text views) lays it out in `lang`'s direction: a line whose first
/// letter outside isolates is of the other direction, or that has none (a line that is one
/// isolated value, `‹Acme Ltd.›`), gets the language's direction mark in front. Without it,
/// a Persian letter's signature line holding only an isolated name would run left to right.
pub fn anchor_lines(text: &str, lang: Lang) -> String {
    let (mark, own) = if lang.is_rtl() {
        (RLM, unicode_bidi::Direction::Rtl)
    } else {
        (LRM, unicode_bidi::Direction::Ltr)
    };
    text.split('\n')
        .map(|line| {
            if line.trim().is_empty()
                || line.starts_with(mark)
                || unicode_bidi::get_base_direction(line) == own
            {
                line.to_string()
            } else {
                format!("{mark}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
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
        // Isolating twice is isolating once; two values side by side are not one.
        assert_eq!(isolate(&isolate("Acme Ltd.")), isolate("Acme Ltd."));
        let two = "\u{2068}a\u{2069} \u{2068}b\u{2069}";
        assert_eq!(whole_isolate(two), None);
        assert_eq!(isolate(two), format!("\u{2068}{two}\u{2069}"));
        assert_eq!(
            whole_isolate("\u{2068}\u{2068}x\u{2069}\u{2069}"),
            Some("\u{2068}x\u{2069}")
        );
    }

    #[test]
    fn lines_without_a_letter_of_their_direction_are_anchored() {
        let text = "با سپاس\n\u{2068}Acme Ltd.\u{2069}\n\u{2068}مریم\u{2069}\n\nINV-1 پرداخت\n- \u{2068}x\u{2069}";
        assert_eq!(
            anchor_lines(text, Lang::Fa),
            "با سپاس\n\u{200F}\u{2068}Acme Ltd.\u{2069}\n\u{200F}\u{2068}مریم\u{2069}\n\n\u{200F}INV-1 پرداخت\n\u{200F}- \u{2068}x\u{2069}"
        );
        // Already anchored: left as it is.
        assert_eq!(
            anchor_lines(&anchor_lines(text, Lang::Fa), Lang::Fa),
            anchor_lines(text, Lang::Fa)
        );
        assert_eq!(
            anchor_lines("Regards,\n\u{2068}مریم\u{2069}", Lang::En),
            "Regards,\n\u{200E}\u{2068}مریم\u{2069}"
        );
    }

    #[test]
    fn persian_letters_isolate_every_value_and_english_ones_only_right_to_left_values() {
        assert_eq!(in_text("John Smith", Lang::Fa), isolate("John Smith"));
        assert_eq!(in_text("رضا", Lang::Fa), isolate("رضا"));
        assert_eq!(in_text("John Smith", Lang::En), "John Smith");
        assert_eq!(in_text("شرکت آلفا", Lang::En), isolate("شرکت آلفا"));
    }

    #[test]
    fn unisolate_undoes_isolate() {
        for value in ["Acme Ltd.", "(A-12)\n\n- item", "خط یک\nخط دو."] {
            assert_eq!(unisolate(&isolate(value)).as_deref(), Some(value));
        }
        assert_eq!(unisolate("plain"), None);
        assert_eq!(unisolate(""), None);
    }

    #[test]
    fn strip_gives_the_value_back() {
        let value = "INV-2041 (A-12)\nدوم";
        assert_eq!(strip(&isolate(value)), value);
        assert_eq!(strip("\u{200F}سلام"), "سلام");
    }
}
