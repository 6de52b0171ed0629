//! The tone check as the compose screen shows it: each finding placed in the part of the
//! letter the owner reads or edits (the subject, the greeting, the body, the closing, the
//! signature), with the stretch to highlight there, and the list under the letter.
//!
//! The message (greeting to signature) is checked as one text, so that a missing greeting
//! or closing is found; the subject is checked on its own. The heading, the recipient block
//! and the contact lines are data the owner does not write, and are not checked.

use super::theme::{self, row_dir};
use iced::widget::{button, column, container, scrollable, text};
use iced::{Background, Border, Color, Element, Length, Theme};
use marz::i18n::Locale;
use marz::tone::{self, Finding, Options, Rule};
use marz::{Lang, Letter};
use std::ops::Range;

/// The most height the list of findings takes before it scrolls.
const LIST_HEIGHT: f32 = 220.0;

/// Where in the letter a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Subject,
    Greeting,
    Body,
    Closing,
    /// The signature lines, joined by line breaks.
    Signature,
}

/// One finding, where the owner sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub finding: Finding,
    /// The part that holds the finding (where it starts).
    pub part: Part,
    /// The finding's bytes in that part's text; `None` when it runs past the part's end
    /// (a whole-sentence finding that takes in a line of another part).
    pub span: Option<Range<usize>>,
}

impl Item {
    /// Whether the flagged words are worth highlighting: a missing greeting or closing is
    /// about what is not there.
    fn highlighted(&self) -> bool {
        !matches!(
            self.finding.rule,
            Rule::MissingGreeting | Rule::MissingClosing
        )
    }

    /// The part's text with this finding's kinder wording put in place, if it has one and
    /// `text` (the part as it is now) still holds the flagged words there.
    pub fn applied(&self, text: &str) -> Option<String> {
        let span = self.span.clone()?;
        Finding {
            span,
            ..self.finding.clone()
        }
        .apply(text)
    }
}

/// The findings of the letter on screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    pub items: Vec<Item>,
    /// Per part, the byte ranges of its text to highlight, in order.
    marks: Vec<(Part, Range<usize>)>,
}

/// Where each part of the message starts in `Letter::message_text` (greeting, blank line,
/// body, blank line, closing, then each signature line after a line break).
fn layout(letter: &Letter) -> Vec<(Part, Range<usize>)> {
    let greeting = 0..letter.greeting.len();
    let body = greeting.end + 2..greeting.end + 2 + letter.body.len();
    let closing = body.end + 2..body.end + 2 + letter.closing.len();
    let signature_len: usize = letter.signature.iter().map(|l| l.len() + 1).sum();
    let signature = closing.end + 1..closing.end + signature_len.max(1);
    vec![
        (Part::Greeting, greeting),
        (Part::Body, body),
        (Part::Closing, closing),
        (Part::Signature, signature),
    ]
}

impl Findings {
    /// Checks the letter's subject and message.
    pub fn check(letter: &Letter) -> Findings {
        let lang = letter.lang;
        let mut items = Vec::new();
        let subject_only = Options {
            structure: false,
            ..Options::default()
        };
        for finding in tone::check_with(&letter.subject, lang, subject_only) {
            items.push(Item {
                span: Some(finding.span.clone()),
                part: Part::Subject,
                finding,
            });
        }
        let message = letter.message_text();
        debug_assert_eq!(
            layout(letter).last().map(|(_, r)| r.end.min(message.len())),
            Some(message.len())
        );
        let parts = layout(letter);
        for finding in tone::check(&message, lang) {
            let start = finding.span.start;
            // A finding on a line break between parts belongs to the part after it.
            let Some((part, range)) = parts
                .iter()
                .find(|(_, r)| start < r.end || (start == r.end && r.is_empty()))
                .or(parts.last())
            else {
                continue;
            };
            let span = (finding.span.end <= range.end && start >= range.start)
                .then(|| start - range.start..finding.span.end - range.start);
            items.push(Item {
                part: *part,
                span,
                finding,
            });
        }
        let mut marks = Vec::new();
        for item in items.iter().filter(|i| i.highlighted()) {
            if item.part == Part::Subject {
                marks.push((Part::Subject, item.finding.span.clone()));
                continue;
            }
            // A whole-sentence finding may take in more than one part: each gets its piece.
            for (part, range) in &parts {
                let from = item.finding.span.start.max(range.start);
                let to = item.finding.span.end.min(range.end);
                if from < to {
                    marks.push((*part, from - range.start..to - range.start));
                }
            }
        }
        marks.sort_by_key(|(part, r)| (*part, r.start, r.end));
        Findings { items, marks }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The ranges to highlight in `part`'s text.
    pub fn marks(&self, part: Part) -> Vec<Range<usize>> {
        self.marks
            .iter()
            .filter(|(p, _)| *p == part)
            .map(|(_, r)| r.clone())
            .collect()
    }
}

/// The ranges of `marks` (bytes of a text) that fall in each of its lines, relative to the
/// line.
pub fn per_line(text: &str, marks: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        out.push(
            marks
                .iter()
                .filter_map(|m| {
                    let (from, to) = (m.start.max(start), m.end.min(end));
                    (from < to).then(|| from - start..to - start)
                })
                .collect(),
        );
        start = end + 1;
    }
    out
}

/// The tone check under the letter: a calm line when nothing was found, else one card per
/// finding with its kind, the flagged words, why they read as hostile and, where the
/// checker has one, a button that puts the kinder wording in place (or a rewrite hint).
/// `can_apply` says whether the text can be changed now (a complete letter, or the owner's
/// own text).
pub fn panel<'a, M: Clone + 'a>(
    findings: &'a Findings,
    ui: Lang,
    letter_lang: Lang,
    can_apply: impl Fn(&Item) -> bool,
    on_apply: impl Fn(usize) -> M,
    can_show: impl Fn(&Item) -> bool,
    on_show: impl Fn(usize) -> M,
) -> Element<'a, M> {
    let l = Locale::get(ui);
    let panel = column![theme::label(ui, l.text("compose-tone"))]
        .align_x(theme::start(ui))
        .spacing(6);
    if findings.is_empty() {
        return panel
            .push(
                container(theme::line(ui, l.text("compose-tone-ok")))
                    .padding([4, 8])
                    .style(calm),
            )
            .into();
    }
    let mut list = column![].spacing(6);
    for (i, item) in findings.items.iter().enumerate() {
        let f = &item.finding;
        let kind = text(f.rule.title(ui)).font(theme::BOLD).size(14);
        let severity = text(f.severity.title(ui)).size(12).style(quiet);
        let head = row_dir(ui, vec![kind.into(), severity.into()])
            .spacing(8)
            .align_y(iced::Alignment::Center);
        let mut card = column![
            container(head)
                .width(Length::Fill)
                .align_x(theme::start(ui))
        ]
        .spacing(2)
        .align_x(theme::start(ui));
        if item.highlighted() {
            // The flagged words as the letter has them, in the letter's direction.
            let words = marz::bidi::strip(f.text.trim());
            // A click on them selects them in the text, where the owner can edit them.
            let words = button(text(format!("«{words}»")).size(13).color(FLAGGED))
                .padding(0)
                .style(button::text)
                .on_press_maybe(can_show(item).then(|| on_show(i)));
            card = card.push(
                container(words)
                    .width(Length::Fill)
                    .align_x(theme::start(letter_lang)),
            );
        }
        let why = l.text(&format!("compose-tone-why-{}", f.rule.code()));
        card = card.push(
            container(text(why).size(13))
                .width(Length::Fill)
                .align_x(theme::start(ui)),
        );
        match (&f.replacement, &f.hint) {
            (Some(kinder), _) => {
                // The wording is in the letter's language: kept whole inside the interface's.
                let kinder = marz::bidi::in_text(kinder, ui);
                let caption = l.text_with("compose-tone-replace", &[("kinder", &kinder)]);
                card = card.push(
                    container(
                        button(text(caption).size(13))
                            .padding([2, 8])
                            .style(button::secondary)
                            .on_press_maybe(can_apply(item).then(|| on_apply(i))),
                    )
                    .width(Length::Fill)
                    .align_x(theme::start(ui)),
                );
            }
            (None, Some(hint)) => {
                card = card.push(theme::label(
                    ui,
                    l.text_with(
                        "compose-tone-hint",
                        &[("hint", &marz::bidi::in_text(hint, ui))],
                    ),
                ));
            }
            (None, None) => {
                card = card.push(theme::label(ui, f.rule.advice(ui)));
            }
        }
        list = list.push(container(card).padding([6, 10]).style(card_style));
    }
    // The list scrolls in a band of its own, so the letter keeps its room however many
    // findings there are. (iced puts the scrollbar on the right in both directions.)
    let list = list.padding(iced::Padding::ZERO.right(14));
    panel
        .push(container(scrollable(list)).max_height(LIST_HEIGHT))
        .into()
}

/// The colour of flagged words, in the letter and in the list. (A span's background would
/// be drawn beside a right-to-left span in iced 0.14, so the sheet colours the words; the
/// editor draws a band behind them from the bidi layout, `editor::Editor::marks`.)
pub const FLAGGED: Color = Color::from_rgb(0.72, 0.11, 0.18);

/// Nothing found: a quiet green line.
fn calm(theme: &Theme) -> container::Style {
    let pair = theme.extended_palette().success.weak;
    container::Style {
        background: Some(Background::Color(Color {
            a: 0.45,
            ..pair.color
        })),
        text_color: Some(pair.text),
        border: Border {
            radius: 4.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// One finding: a white card with a line of the flagged colour at its edge.
fn card_style(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border {
            color: Color { a: 0.5, ..FLAGGED },
            width: 1.0,
            radius: 6.0.into(),
        },
        text_color: Some(theme.palette().text),
        ..container::Style::default()
    }
}

fn quiet(theme: &Theme) -> text::Style {
    text::Style {
        color: Some(theme.extended_palette().background.strong.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::compose;
    use crate::gui::tests::sample_workspace;

    fn part_text(letter: &Letter, part: Part) -> String {
        match part {
            Part::Subject => letter.subject.clone(),
            Part::Greeting => letter.greeting.clone(),
            Part::Body => letter.body.clone(),
            Part::Closing => letter.closing.clone(),
            Part::Signature => letter.signature.join("\n"),
        }
    }

    /// Each finding is placed in the part of the letter that holds it, at the bytes that
    /// hold its words there; a missing closing is listed but not highlighted.
    #[test]
    fn findings_are_placed_in_the_part_the_owner_reads() {
        let (_dir, ws) = sample_workspace();
        let state = compose::State::new(Some("sample-daniel".into()), &ws);
        let mut letter = state.preview().letter().unwrap().clone();
        assert!(
            Findings::check(&letter).is_empty(),
            "the template reads well"
        );
        letter.subject = "Invoice 41 — you are irresponsible".into();
        letter.greeting = "Dear Daniel, you idiot,".into();
        letter.body = "The invoice is late.\nThis mess is on you.".into();
        letter.closing = String::new();
        letter.signature = vec!["Maryam".into(), "IDIOTS!!!".into()];
        let found = Findings::check(&letter);
        let mut parts = Vec::new();
        for item in &found.items {
            if let Some(span) = &item.span {
                assert_eq!(
                    &part_text(&letter, item.part)[span.clone()],
                    item.finding.text,
                    "{item:?}"
                );
            }
            parts.push((item.part, item.finding.rule));
        }
        for expected in [
            (Part::Subject, Rule::Label),
            (Part::Greeting, Rule::Insult),
            (Part::Body, Rule::Blame),
            (Part::Signature, Rule::Shouting),
        ] {
            assert!(parts.contains(&expected), "{expected:?} in {parts:?}");
        }
        assert!(
            found
                .items
                .iter()
                .any(|i| i.finding.rule == Rule::MissingClosing),
            "{parts:?}"
        );
        // Highlights: the flagged words of each part, never the missing closing's line.
        for (part, words) in [
            (Part::Subject, "you are irresponsible"),
            (Part::Greeting, "idiot"),
            (Part::Body, "on you"),
        ] {
            let text = part_text(&letter, part);
            let marks = found.marks(part);
            assert!(
                marks.iter().any(|m| text[m.clone()].contains(words)),
                "{part:?}: {marks:?} in {text}"
            );
        }
        let signature = part_text(&letter, Part::Signature);
        let lines = per_line(&signature, &found.marks(Part::Signature));
        assert_eq!(lines.len(), 2);
        assert!(lines[0].is_empty(), "{lines:?}");
        assert!(
            lines[1]
                .iter()
                .all(|m| letter.signature[1][m.clone()].chars().all(|c| c != 'M')),
            "{lines:?}"
        );
        assert!(!lines[1].is_empty());
    }

    #[test]
    fn marks_are_cut_per_line() {
        let text = "یک\nدو سه\n\nچهار";
        let all = 0..text.len();
        let lines = per_line(text, &[all, text.find('س').unwrap()..text.len()]);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], vec![0.."یک".len()]);
        assert_eq!(lines[1], vec![0.."دو سه".len(), "دو ".len().."دو سه".len()]);
        assert!(lines[2].is_empty());
        assert_eq!(lines[3], vec![0.."چهار".len(), 0.."چهار".len()]);
    }
}
