//! Where the caret and the selection are on screen, computed from the bidi layout that
//! cosmic-text already made. iced 0.14 draws both as if every line ran left to right;
//! `editor::Editor` draws these rectangles instead.

use iced::advanced::graphics::text::cosmic_text::{Buffer, LayoutGlyph, LayoutRun};
use iced::{Point, Rectangle, Size};

/// A position in the text: line, and byte index in that line (iced's `Position`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub line: usize,
    pub index: usize,
}

impl From<iced::widget::text_editor::Position> for Spot {
    fn from(p: iced::widget::text_editor::Position) -> Self {
        Spot {
            line: p.line,
            index: p.column,
        }
    }
}

/// The caret's rectangle (one pixel wide) for a position, relative to the text's top-left
/// corner. `rtl_when_empty` puts it at the right edge of an empty line.
///
/// Where Persian meets Latin one position has two places on screen: after the character
/// before it, and before the character after it. The caret goes after the character before
/// (where the next typed letter of the same script appears), unless `near` (the x of the
/// click that put it there) is closer to the other place.
pub fn caret(
    buffer: &Buffer,
    at: Spot,
    rtl_when_empty: bool,
    near: Option<f32>,
) -> Option<Rectangle> {
    let runs: Vec<LayoutRun> = buffer
        .layout_runs()
        .filter(|run| run.line_i == at.line)
        .collect();
    let width = buffer.size().0.unwrap_or(0.0);
    let mut after_previous = None;
    let mut before_next = None;
    for run in &runs {
        for g in run.glyphs {
            if after_previous.is_none() && g.start < at.index && at.index <= g.end {
                let x = if at.index == g.end {
                    trailing_edge(g)
                } else {
                    leading_edge(run, g, at.index)
                };
                after_previous = Some((run, x));
            }
            if before_next.is_none() && g.start <= at.index && at.index < g.end {
                before_next = Some((run, leading_edge(run, g, at.index)));
            }
        }
    }
    let (run, x) = match (after_previous, before_next, near) {
        (Some(a), Some(b), Some(near)) if (b.1 - near).abs() < (a.1 - near).abs() => b,
        (Some(a), _, _) => a,
        (None, Some(b), _) => b,
        (None, None, _) => {
            let run = runs.first()?;
            (
                run,
                if run.rtl || rtl_when_empty {
                    width
                } else {
                    0.0
                },
            )
        }
    };
    Some(Rectangle::new(
        Point::new(x.clamp(0.0, (width - 1.0).max(0.0)), run.line_top),
        Size::new(1.0, run.line_height),
    ))
}

/// The x just after a whole glyph, in its own direction.
fn trailing_edge(g: &LayoutGlyph) -> f32 {
    if g.level.is_rtl() { g.x } else { g.x + g.w }
}

/// The x where text inserted at `index` (inside glyph `g`) would begin.
fn leading_edge(run: &LayoutRun, g: &LayoutGlyph, index: usize) -> f32 {
    let offset = g.w * cluster_fraction(run.text, g, index);
    if g.level.is_rtl() {
        g.x + g.w - offset
    } else {
        g.x + offset
    }
}

/// How far into a cluster (e.g. the ligature «لا») a byte index is, by characters.
fn cluster_fraction(text: &str, g: &LayoutGlyph, index: usize) -> f32 {
    let Some(cluster) = text.get(g.start..g.end) else {
        return 0.0;
    };
    let total = cluster.chars().count().max(1);
    let before = cluster
        .char_indices()
        .filter(|(i, _)| g.start + i < index)
        .count();
    before as f32 / total as f32
}

/// The rectangles that show a selection between two positions (in either order). In mixed
/// Persian and Latin text one logical range can be several pieces on screen.
pub fn selection(buffer: &Buffer, a: Spot, b: Spot) -> Vec<Rectangle> {
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    let mut rects = Vec::new();
    for run in buffer.layout_runs() {
        if run.line_i < from.line || run.line_i > to.line {
            continue;
        }
        let lo = if run.line_i == from.line {
            from.index
        } else {
            0
        };
        let hi = if run.line_i == to.line {
            to.index
        } else {
            usize::MAX
        };
        let mut pieces: Vec<(f32, f32)> = run
            .glyphs
            .iter()
            .filter(|g| g.start < hi && lo < g.end)
            .map(|g| {
                let first = leading_edge(&run, g, lo.max(g.start));
                let last = if hi >= g.end {
                    trailing_edge(g)
                } else {
                    leading_edge(&run, g, hi)
                };
                (first.min(last), first.max(last))
            })
            .collect();
        pieces.sort_by(|p, q| p.0.total_cmp(&q.0));
        let mut merged: Vec<(f32, f32)> = Vec::new();
        for (x0, x1) in pieces {
            match merged.last_mut() {
                Some(last) if x0 <= last.1 + 0.5 => last.1 = last.1.max(x1),
                _ => merged.push((x0, x1)),
            }
        }
        rects.extend(
            merged
                .into_iter()
                .filter(|(x0, x1)| x1 > x0)
                .map(|(x0, x1)| {
                    Rectangle::new(
                        Point::new(x0, run.line_top),
                        Size::new(x1 - x0, run.line_height),
                    )
                }),
        );
    }
    rects
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::theme;
    use iced::advanced::graphics::text::{Editor as GraphicsEditor, font_system};
    use iced::advanced::text::Editor as _;
    use iced::advanced::text::editor::{Action, Motion};
    use iced::advanced::text::highlighter::PlainText;
    use iced::widget::text::{LineHeight, Wrapping};
    use iced::{Pixels, Size};
    use std::borrow::Cow;

    const WIDTH: f32 = 600.0;
    /// A Persian sentence with an invoice code and Persian digits, marked right to left.
    const MIXED: &str = "\u{200F}مبلغ فاکتور INV-2041 برابر ۱۲٬۵۰۰٬۰۰۰ تومان است";

    /// iced's own editor (the one the app uses), laid out like a field in the app.
    fn editor(text: &str) -> GraphicsEditor {
        font_system()
            .write()
            .unwrap()
            .load_font(Cow::Borrowed(theme::VAZIRMATN_REGULAR));
        let mut editor = GraphicsEditor::with_text(text);
        relayout(&mut editor);
        editor
    }

    /// Lays the editor out again after an edit, as the widget does before drawing.
    fn relayout(editor: &mut GraphicsEditor) {
        editor.update(
            Size::new(WIDTH, f32::INFINITY),
            theme::FONT,
            Pixels(16.0),
            LineHeight::default(),
            Wrapping::Word,
            &mut PlainText,
        );
    }

    fn at(editor: &GraphicsEditor) -> Spot {
        editor.cursor().position.into()
    }

    fn caret_x(editor: &GraphicsEditor) -> f32 {
        caret(editor.buffer(), at(editor), true, None).unwrap().x
    }

    /// The on-screen x-range of the glyphs of `needle` (first occurrence) on line 0.
    fn span_of(editor: &GraphicsEditor, needle: &str) -> (f32, f32) {
        let buffer = editor.buffer();
        let run = buffer.layout_runs().next().unwrap();
        let start = run.text.find(needle).unwrap();
        let end = start + needle.len();
        let glyphs: Vec<_> = run
            .glyphs
            .iter()
            .filter(|g| g.start < end && start < g.end)
            .collect();
        let x0 = glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
        let x1 = glyphs.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max);
        (x0, x1)
    }

    #[test]
    fn an_isolated_path_reads_left_to_right_inside_a_persian_sentence() {
        let path = "/tmp/نامه‌ها/payment.pdf";
        let plain = editor(&format!("\u{200F}ذخیره شد: {path}"));
        let isolated = editor(&format!("\u{200F}ذخیره شد: {}", theme::ltr_value(path)));
        let order =
            |e: &GraphicsEditor| ["/", "tmp", "نامه", "payment"].map(|part| span_of(e, part).0);
        let [slash, tmp, folder, file] = order(&isolated);
        assert!(
            slash < tmp && tmp < folder && folder < file,
            "{:?}",
            order(&isolated)
        );
        assert!(
            span_of(&isolated, "ذخیره").0 > file,
            "the sentence starts on the right"
        );
        // Without the isolation the bidi algorithm scatters the path.
        let [slash, tmp, _, file] = order(&plain);
        assert!(slash > tmp && tmp > file, "{:?}", order(&plain));
        // The isolation marks take no room.
        let width = |e: &GraphicsEditor| e.buffer().layout_runs().next().unwrap().line_w;
        assert!((width(&plain) - width(&isolated)).abs() < 0.5);
    }

    #[test]
    fn a_persian_line_is_laid_out_right_to_left_and_right_aligned() {
        let e = editor(MIXED);
        let run = e.buffer().layout_runs().next().unwrap();
        assert!(run.rtl);
        // The first word is at the right, the last at the left; the code reads left to right.
        assert!(span_of(&e, "مبلغ").0 > span_of(&e, "است").0);
        assert!(span_of(&e, "مبلغ").1 > WIDTH - 2.0);
        assert!(span_of(&e, "INV").0 < span_of(&e, "2041").0);
        // Persian digits keep their order too: ۱۲ before ۵۰۰ before ۰۰۰, left to right.
        assert!(span_of(&e, "۱۲").0 < span_of(&e, "۵۰۰").0);
    }

    #[test]
    fn the_caret_is_drawn_at_the_logical_start_of_a_right_to_left_line() {
        let mut e = editor(MIXED);
        e.perform(Action::Move(Motion::DocumentStart));
        // At the start of a Persian line the caret is at the right edge.
        assert!(caret_x(&e) > WIDTH - 3.0, "{}", caret_x(&e));
        // iced's own caret is at the left edge: the measured bug this module exists for.
        let iced::advanced::text::editor::Selection::Caret(own) = e.selection() else {
            panic!("no caret");
        };
        assert!(
            own.x < 5.0,
            "iced now draws {own:?}: re-check whether caret.rs is needed"
        );
        e.perform(Action::Move(Motion::DocumentEnd));
        let (last_word_left, _) = span_of(&e, "است");
        assert!((caret_x(&e) - last_word_left).abs() < 1.0);
    }

    #[test]
    fn a_click_puts_the_caret_where_it_is_drawn() {
        let mut e = editor(MIXED);
        let line_w = e.buffer().layout_runs().next().unwrap().line_w;
        let widest = e
            .buffer()
            .layout_runs()
            .next()
            .unwrap()
            .glyphs
            .iter()
            .map(|g| g.w)
            .fold(0.0, f32::max);
        let left = WIDTH - line_w;
        for step in 0..=40 {
            let x = left + 2.0 + (line_w - 4.0) * step as f32 / 40.0;
            e.perform(Action::Click(iced::Point::new(x, 8.0)));
            // The widget passes the click's x, as here.
            let drawn = caret(e.buffer(), at(&e), true, Some(x)).unwrap().x;
            assert!(
                (drawn - x).abs() <= widest / 2.0 + 1.0,
                "clicked at {x}, caret drawn at {drawn} (index {:?})",
                at(&e)
            );
        }
    }

    #[test]
    fn typed_text_appears_where_the_caret_was_drawn() {
        for (click, letter) in [(0.95, 'ب'), (0.5, 'ب'), (0.3, 'x'), (0.1, '۷')] {
            let mut e = editor(MIXED);
            let line_w = e.buffer().layout_runs().next().unwrap().line_w;
            let x = WIDTH - line_w + line_w * click;
            e.perform(Action::Click(iced::Point::new(x, 8.0)));
            let before = caret(e.buffer(), at(&e), true, Some(x)).unwrap().x;
            let index = at(&e).index;
            e.perform(Action::Edit(iced::advanced::text::editor::Edit::Insert(
                letter,
            )));
            relayout(&mut e);
            let run = e.buffer().layout_runs().next().unwrap();
            let g = run
                .glyphs
                .iter()
                .find(|g| g.start <= index && index < g.end)
                .expect("the new letter's glyph");
            // The new glyph is next to where the caret was drawn (on its left or right,
            // depending on the direction of the run it joined) ...
            let near = (g.x - before).abs().min((g.x + g.w - before).abs());
            assert!(
                near < 2.0,
                "{letter}: caret was at {before}, letter drawn {}..{}",
                g.x,
                g.x + g.w
            );
            // ... and the caret now sits after it.
            let after = caret_x(&e);
            assert!(
                (after - g.x).abs() < 1.0 || (after - (g.x + g.w)).abs() < 1.0,
                "{letter}: caret after typing at {after}, letter {}..{}",
                g.x,
                g.x + g.w
            );
        }
    }

    #[test]
    fn left_arrow_moves_the_caret_left_through_persian_words() {
        let mut e = editor(MIXED);
        e.perform(Action::Move(Motion::DocumentStart));
        let mut last = caret_x(&e);
        // Through the mark and «مبلغ فاکتور »: every press moves the caret to the left.
        for _ in 0.."\u{200F}مبلغ فاکتور ".chars().count() {
            e.perform(Action::Move(Motion::Left));
            let x = caret_x(&e);
            assert!(x <= last + 0.01, "caret moved right: {last} -> {x}");
            last = x;
        }
        assert!(last < WIDTH - 50.0);
        // Right comes back the same way.
        e.perform(Action::Move(Motion::Right));
        assert!(caret_x(&e) > last);
    }

    #[test]
    fn shift_selection_highlights_the_selected_glyphs_only() {
        let mut e = editor(MIXED);
        e.perform(Action::Move(Motion::DocumentStart));
        e.perform(Action::Move(Motion::Left)); // past the mark
        for _ in 0..4 {
            e.perform(Action::Select(Motion::Left));
        }
        assert_eq!(
            iced::advanced::text::Editor::copy(&e).as_deref(),
            Some("مبلغ")
        );
        let cursor = e.cursor();
        let rects = selection(
            e.buffer(),
            cursor.position.into(),
            cursor.selection.unwrap().into(),
        );
        assert_eq!(rects.len(), 1, "{rects:?}");
        let (x0, x1) = span_of(&e, "مبلغ");
        assert!((rects[0].x - x0).abs() < 1.0 && (rects[0].x + rects[0].width - x1).abs() < 1.0);
        // iced's own highlight starts at the left edge, far from the word.
        if let iced::advanced::text::editor::Selection::Range(own) = e.selection() {
            assert!(own[0].x < 5.0, "iced now highlights {own:?}");
        }
    }

    #[test]
    fn a_selection_across_persian_and_latin_covers_exactly_those_glyphs() {
        let e = editor(MIXED);
        let run_text = e.buffer().layout_runs().next().unwrap().text.to_string();
        let from = run_text.find("فاکتور").unwrap();
        let to = run_text.find("2041").unwrap() + 2; // «فاکتور INV-20»
        let rects = selection(
            e.buffer(),
            Spot {
                line: 0,
                index: from,
            },
            Spot { line: 0, index: to },
        );
        let covered: f32 = rects.iter().map(|r| r.width).sum();
        let word = span_of(&e, "فاکتور");
        let code = span_of(&e, "INV-20");
        let with_space = span_of(&e, "فاکتور ");
        let expected = (with_space.1 - with_space.0) + (code.1 - code.0);
        assert!(
            (covered - expected).abs() < 2.0,
            "{covered} vs {expected}: {rects:?}"
        );
        for r in &rects {
            assert!(
                r.x >= code.0 - 0.5 && r.x + r.width <= word.1 + 0.5,
                "{r:?}"
            );
        }
        // Nothing of «41» is highlighted.
        let rest = span_of(&e, "41");
        assert!(
            rects
                .iter()
                .all(|r| r.x >= rest.1 - 0.5 || r.x + r.width <= rest.0 + 0.5)
        );
    }

    #[test]
    fn empty_lines_and_later_lines() {
        let e = editor("");
        assert!(
            caret_x(&e) >= WIDTH - 1.0,
            "empty Persian field: caret at the right"
        );
        assert!(
            caret(e.buffer(), Spot { line: 0, index: 0 }, false, None)
                .unwrap()
                .x
                < 1.0
        );
        let mut e = editor("\u{200F}سطر یکم\n\u{200F}Line two");
        e.perform(Action::Move(Motion::DocumentEnd));
        let rect = caret(e.buffer(), at(&e), true, None).unwrap();
        assert!(rect.y > 10.0, "second line: {rect:?}");
        let (_, right) = span_of(&e, "سطر");
        assert!(right > WIDTH - 2.0);
    }
}
