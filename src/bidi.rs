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

/// LEFT-TO-RIGHT ISOLATE: opens a piece laid out left to right whatever is around it.
pub const LRI: char = '\u{2066}';

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
    each_line(value, |rest| {
        (!rest.trim().is_empty() && whole_isolate(rest).is_none())
            .then(|| format!("{FSI}{rest}{PDI}"))
    })
}

/// `value` with each line's text (after a list item's `- `) replaced by what `change` gives,
/// or left as it is where it gives nothing.
fn each_line(value: &str, change: impl Fn(&str) -> Option<String>) -> String {
    value
        .split('\n')
        .map(|line| {
            let (bullet, rest) = match line.strip_prefix("- ") {
                Some(rest) => ("- ", rest),
                None => ("", line),
            };
            match change(rest) {
                Some(changed) => format!("{bullet}{changed}"),
                None => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The value `isolate` was given, if `text` is one: each line's isolate taken off (a list
/// item's `- ` kept; marks the owner typed inside a value stay). `None` when no line of
/// `text` is isolated.
pub fn unisolate(text: &str) -> Option<String> {
    let isolated = |line: &str| whole_isolate(line.strip_prefix("- ").unwrap_or(line)).is_some();
    text.split('\n')
        .any(isolated)
        .then(|| each_line(text, |rest| whole_isolate(rest).map(str::to_string)))
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

/// Marks the bidi algorithm keeps between the digits of one number (`1405/09/10`,
/// `12,500,000`, `9:30`): they stay inside a group.
const IN_NUMBER: [char; 6] = ['.', ',', '٬', '٫', '/', ':'];

/// Marks between the groups of one code that the algorithm does not keep together after
/// right-to-left letters: a hyphen (not an en dash, which writes a range) and a space.
const BETWEEN_GROUPS: [char; 6] = ['-', '\u{2010}', '\u{2011}', ' ', '\u{00A0}', '\u{202F}'];

fn is_digit(c: char) -> bool {
    persian::digit_value(c).is_some()
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}')
}

/// The end of the group of digits that starts at `start`, and how many digits it has.
fn group_at(chars: &[char], start: usize) -> (usize, usize) {
    let (mut end, mut digits) = (start, 0);
    while end < chars.len() {
        if is_digit(chars[end]) {
            digits += 1;
            end += 1;
        } else if IN_NUMBER.contains(&chars[end])
            && chars.get(end + 1).copied().is_some_and(is_digit)
        {
            end += 1;
        } else {
            break;
        }
    }
    (end, digits)
}

/// The end of the run of digit groups that starts at `start`, and how many groups it has.
/// Groups joined by a space must have two digits or more each: «قسط ۱ ۴٬۰۰۰» is two
/// numbers, «۶۱۰۴ ۳۳۷۸» one card number.
fn run_at(chars: &[char], start: usize) -> (usize, usize) {
    let (mut end, mut digits) = group_at(chars, start);
    let mut groups = 1;
    while end + 1 < chars.len() && BETWEEN_GROUPS.contains(&chars[end]) && is_digit(chars[end + 1])
    {
        let (next_end, next_digits) = group_at(chars, end + 1);
        if is_space(chars[end]) && (digits < 2 || next_digits < 2) {
            break;
        }
        (end, digits) = (next_end, next_digits);
        groups += 1;
    }
    (end, groups)
}

/// Whether the character at `at` (and, past a joining mark, the one beyond it) is part of a
/// word: `IR06 0170 …` and `INV-2041-12` are laid out with their letters already.
fn glued(chars: &[char], at: Option<usize>, beyond: Option<usize>) -> bool {
    let Some(c) = at.and_then(|i| chars.get(i)) else {
        return false;
    };
    c.is_alphanumeric()
        || ((BETWEEN_GROUPS.contains(c) || IN_NUMBER.contains(c))
            && !is_space(*c)
            && beyond
                .and_then(|i| chars.get(i))
                .is_some_and(|c| c.is_alphanumeric()))
}

/// Whether a run of digit groups is a range of small numbers typed with a hyphen («ساعت
/// ۹-۱۷», «۲-۳ روز»): two groups of one or two digits. Persian reads such a range right to
/// left, first number on the right, which is how the algorithm lays it out unheld; a code in
/// two groups of one or two digits is rare, and cards, phones, invoices and dates are longer.
fn is_range(run: &[char]) -> bool {
    let mut groups = run.split(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}'));
    match (groups.next(), groups.next(), groups.next()) {
        (Some(a), Some(b), None) => [a, b]
            .iter()
            .all(|g| (1..=2).contains(&g.len()) && g.iter().all(|c| is_digit(*c))),
        _ => false,
    }
}

/// One line with its codes held in order (see `keep_numbers`).
fn keep_numbers_in_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let (end, groups) = run_at(&chars, i);
        let before = i.checked_sub(1);
        let held_already =
            before.is_some_and(|b| matches!(chars[b], LRI | FSI)) && chars.get(end) == Some(&PDI);
        let word =
            glued(&chars, before, i.checked_sub(2)) || glued(&chars, Some(end), Some(end + 1));
        let run: String = chars[i..end].iter().collect();
        if groups > 1 && !held_already && !word && !is_range(&chars[i..end]) {
            out.push(LRI);
            out.push_str(&run);
            out.push(PDI);
        } else {
            out.push_str(&run);
        }
        i = end;
    }
    out
}

/// `text` with every code of digit groups (a card number «۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸», an invoice
/// «۱۴۰۵-۰۳۸», a شبا in groups) between left-to-right isolates (U+2066 … U+2069), in each
/// line that runs right to left: every line of a right-to-left text, and the lines of a
/// left-to-right text that hold right-to-left script.
///
/// Why: after a Persian letter, the bidi algorithm reads digits as Arabic numbers, and a
/// hyphen or a space between two such numbers does not join them (UAX #9, W2 and W4), so
/// the groups are laid out right to left: «۵۶۷۸ ۱۲۳۴ ۳۳۷۸ ۶۱۰۴». Isolating a whole value
/// fixes a code that is the value, not a number inside a longer value or the owner's own
/// text. A number that is part of a word (`IR06 0170 …`, `INV-2041-12`) already reads
/// left to right and is left alone, and so is one already isolated on its own.
pub fn keep_numbers(text: &str, lang: Lang) -> String {
    text.split('\n')
        .map(|line| {
            if lang.is_rtl() || persian::has_arabic_script(line) {
                keep_numbers_in_line(line)
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` without the holds `keep_numbers` put around its codes (each LRI … PDI around
/// nothing but digits and the marks between them); other marks stay. A field being edited
/// holds its numbers on screen, and gives the value back without them.
pub fn unhold(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut drop = vec![false; chars.len()];
    for (open, _) in chars.iter().enumerate().filter(|(_, c)| **c == LRI) {
        let close = chars[open + 1..]
            .iter()
            .position(|c| !(is_digit(*c) || BETWEEN_GROUPS.contains(c) || IN_NUMBER.contains(c)))
            .map(|n| open + 1 + n);
        if let Some(close) = close.filter(|&i| chars[i] == PDI && i > open + 1) {
            drop[open] = true;
            drop[close] = true;
        }
    }
    chars
        .iter()
        .zip(drop)
        .filter(|(_, dropped)| !dropped)
        .map(|(c, _)| c)
        .collect()
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
    fn unisolate_undoes_isolate_only() {
        for value in [
            "Acme Ltd.",
            "(A-12)\n\n- item",
            "خط یک\nخط دو.",
            "رضا \u{200F}x",
        ] {
            assert_eq!(unisolate(&isolate(value)).as_deref(), Some(value));
        }
        // Two values side by side are one isolate around two: only the outer one goes.
        let two = "\u{2068}a\u{2069} \u{2068}b\u{2069}";
        assert_eq!(unisolate(&isolate(two)).as_deref(), Some(two));
        assert_eq!(unisolate("plain"), None);
        assert_eq!(unisolate(""), None);
    }

    /// The marks made visible: `[` for LRI, `‹` for FSI, `]` for PDI.
    fn shown(text: &str) -> String {
        text.replace(LRI, "[").replace(FSI, "‹").replace(PDI, "]")
    }

    #[test]
    fn codes_of_digit_groups_are_held_left_to_right_in_persian_lines() {
        let fa = |t: &str| shown(&keep_numbers(t, Lang::Fa));
        assert_eq!(
            fa("شماره کارت: ۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸"),
            "شماره کارت: [۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸]"
        );
        assert_eq!(
            fa("صورت‌حساب ۱۴۰۵-۰۳۸ به مبلغ"),
            "صورت‌حساب [۱۴۰۵-۰۳۸] به مبلغ"
        );
        assert_eq!(
            fa("کارت ۶۱۰۴-۳۳۷۸-۱۲۳۴-۵۶۷۸."),
            "کارت [۶۱۰۴-۳۳۷۸-۱۲۳۴-۵۶۷۸]."
        );
        assert_eq!(
            fa("شبا: ۰۶ ۰۱۷۰ ۰۰۰۰ ۰۰۱۲ ۳۴۵۶ ۷۸۹۰ ۰۱\nتلفن ۰۹۱۲ ۳۴۵ ۶۷۸۹"),
            "شبا: [۰۶ ۰۱۷۰ ۰۰۰۰ ۰۰۱۲ ۳۴۵۶ ۷۸۹۰ ۰۱]\nتلفن [۰۹۱۲ ۳۴۵ ۶۷۸۹]"
        );
        // Inside an isolated value, in Latin digits too.
        assert_eq!(
            fa("\u{2068}بانک ملت، کارت 6104 3378 1234 5678\u{2069}"),
            "‹بانک ملت، کارت [6104 3378 1234 5678]]"
        );
        // Left alone: one number, joined marks the algorithm keeps, two numbers a space
        // apart, a range written with an en dash, codes that start with letters, and a
        // code already isolated on its own.
        for same in [
            "به مبلغ ۱۲٬۵۰۰٬۰۰۰ تومان تا ۱۴۰۵/۰۹/۱۰ ساعت ۹:۳۰",
            "قسط ۱ ۴٬۱۶۰٬۰۰۰ تومان",
            "سال‌های ۱۳۹۰–۱۴۰۰",
            "شبا: IR06 0170 0000 0012 3456 7890 01",
            "فاکتور INV-2041-12 و A-12",
            "ساعت ۹-۱۷ و ۲-۳ روز",
            "شماره \u{2068}۱۴۰۵-۰۳۸\u{2069}",
            "کد ۱۲-۳۴الف",
            "",
        ] {
            assert_eq!(keep_numbers(same, Lang::Fa), same);
        }
        // Held once, however often the text passes through; `unhold` gives it back.
        let once = keep_numbers("کارت ۶۱۰۴ ۳۳۷۸ و ۱۴۰۵-۰۳۸", Lang::Fa);
        assert_eq!(keep_numbers(&once, Lang::Fa), once);
        assert_eq!(strip(&once), "کارت ۶۱۰۴ ۳۳۷۸ و ۱۴۰۵-۰۳۸");
        assert_eq!(unhold(&once), "کارت ۶۱۰۴ ۳۳۷۸ و ۱۴۰۵-۰۳۸");
        // Only holds: a value's isolate, and an LRI around words, stay.
        let value = format!("{} {LRI}ab{PDI} {LRI}{PDI}", isolate("۱۲ ۳۴"));
        assert_eq!(unhold(&value), value);
        // An English letter: only its right-to-left lines.
        assert_eq!(
            shown(&keep_numbers("Card 6104 3378\nکارت ۶۱۰۴ ۳۳۷۸", Lang::En)),
            "Card 6104 3378\nکارت [۶۱۰۴ ۳۳۷۸]"
        );
    }

    /// What the bidi algorithm itself makes of a held code: its groups in reading order.
    #[test]
    fn a_held_card_number_is_laid_out_in_its_own_order() {
        let visual = |text: &str| {
            let info = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::rtl()));
            let para = &info.paragraphs[0];
            strip(&info.reorder_line(para, para.range.clone()))
        };
        let line = "کارت ۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸";
        // Unheld, the groups come out last first; held, first first.
        assert!(
            visual(line).starts_with("۵۶۷۸ ۱۲۳۴ ۳۳۷۸ ۶۱۰۴"),
            "{}",
            visual(line)
        );
        let held = keep_numbers(line, Lang::Fa);
        assert!(
            visual(&held).starts_with("۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸"),
            "{}",
            visual(&held)
        );
        let invoice = keep_numbers("صورت‌حساب ۱۴۰۵-۰۳۸", Lang::Fa);
        assert!(
            visual(&invoice).starts_with("۱۴۰۵-۰۳۸"),
            "{}",
            visual(&invoice)
        );
        // Each line as typed, then the run as it must be drawn, left to right on the page:
        // the groups in typed order, except a hyphenated range, whose first number is at
        // the right as Persian reads it. Held or not, as `keep_numbers` decides.
        for (line, drawn) in [
            ("تلفن 021-8812-3456 است", "021-8812-3456"),
            ("تلفن ۰۲۱-۸۸۱۲-۳۴۵۶ است", "۰۲۱-۸۸۱۲-۳۴۵۶"),
            ("کارت 6037 9911 2345 6789.", "6037 9911 2345 6789"),
            (
                "شبا: IR12 0170 0000 0000 1234 5678 90",
                "IR12 0170 0000 0000 1234 5678 90",
            ),
            ("شبا: ۱۲ ۰۱۷۰ ۰۰۰۰ ۰۰۰۰ ۱۲۳۴", "۱۲ ۰۱۷۰ ۰۰۰۰ ۰۰۰۰ ۱۲۳۴"),
            ("تا ۱۴۰۵/۰۸/۱۰ پرداخت", "۱۴۰۵/۰۸/۱۰"),
            ("تا 1405/08/10 پرداخت", "1405/08/10"),
            ("از ۱۴۰۵-۰۸-۱۰ تا", "۱۴۰۵-۰۸-۱۰"),
            ("ساعت ۹-۱۷ کار می‌کنیم", "۱۷-۹"),
            (
                "\u{2068}بانک ملت، کارت ۶۰۳۷ ۹۹۱۱ ۲۳۴۵ ۶۷۸۹\u{2069}",
                "۶۰۳۷ ۹۹۱۱ ۲۳۴۵ ۶۷۸۹",
            ),
        ] {
            let shown = visual(&keep_numbers(line, Lang::Fa));
            assert!(shown.contains(drawn), "{line}: drawn as {shown}");
        }
    }

    #[test]
    fn strip_gives_the_value_back() {
        let value = "INV-2041 (A-12)\nدوم";
        assert_eq!(strip(&isolate(value)), value);
        assert_eq!(strip("\u{200F}سلام"), "سلام");
    }
}
