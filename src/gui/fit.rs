//! Keeps a wrapped right-to-left text inside its box.
//!
//! cosmic-text 0.15 sometimes wraps a right-to-left paragraph that holds a digit run
//! («از ۵ دی ۱۴۰۵») into a line wider than the width it was given (pop-os/cosmic-text#252):
//! the line is drawn past the preview's edge, a word or two cut off. The same text given a
//! little less room wraps correctly, so `Fit` lays its text out again, narrower, until it
//! fits (a few tries at most); a text that fits at once is laid out once, as before.

use super::theme;
use iced::advanced::graphics::text::Paragraph;
use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer;
use iced::advanced::text::{self as core_text, Paragraph as _, Renderer as _, Text};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay};
use iced::widget::text;
use iced::{Element, Event, Font, Length, Pixels, Rectangle, Size, Theme, Vector};

/// The state iced keeps for a plain text: its laid-out paragraph.
type PlainState =
    iced::advanced::widget::text::State<<iced::Renderer as core_text::Renderer>::Paragraph>;

/// How many narrower layouts to try before keeping the narrowest.
const TRIES: usize = 8;
/// How many halvings win back room once a width fits.
const HALVINGS: usize = 3;

/// A plain `text`, never laid out wider than the room it is given.
pub fn fit<'a, M: 'a>(content: iced::widget::Text<'a, Theme, iced::Renderer>) -> Element<'a, M> {
    Element::new(Fit {
        content: content.into(),
        measure: None,
    })
}

/// A rich text made of `spans` (text and font each), never laid out wider than the room it
/// is given. Its width is measured from the spans (iced keeps a rich text's layout to
/// itself).
pub fn fit_rich<'a, M: 'a>(
    content: impl Into<Element<'a, M>>,
    spans: Vec<(String, Font)>,
) -> Element<'a, M> {
    let measure = move |width: f32, size: Pixels| {
        let spans: Vec<text::Span<'_, (), Font>> = spans
            .iter()
            .map(|(piece, font)| text::Span::new(piece.as_str()).font(*font))
            .collect();
        let paragraph = Paragraph::with_spans(Text {
            content: spans.as_slice(),
            bounds: Size::new(width, f32::INFINITY),
            size,
            line_height: Default::default(),
            font: theme::FONT,
            align_x: Default::default(),
            align_y: iced::alignment::Vertical::Top,
            shaping: iced::widget::text::Shaping::Advanced,
            wrapping: Default::default(),
        });
        drawn_width(&paragraph)
    };
    Element::new(Fit {
        content: content.into(),
        measure: Some(Box::new(measure)),
    })
}

/// The width a laid-out paragraph's glyphs cover: the widest of its lines' reported
/// widths and their glyphs' own extents. A wrongly wrapped right-to-left line can place
/// glyphs past the width it reports (the amount and «تومان» of a payment reminder), so the
/// reported width alone says it fits while words are drawn past the edge.
fn drawn_width(paragraph: &Paragraph) -> f32 {
    paragraph
        .buffer()
        .layout_runs()
        .map(|run| {
            let (left, right) = run
                .glyphs
                .iter()
                .fold((0.0f32, 0.0f32), |(l, r), g| (l.min(g.x), r.max(g.x + g.w)));
            run.line_w.max(right - left)
        })
        .fold(paragraph.min_bounds().width, f32::max)
}

/// The width a text takes when given `width`, in text of a size.
type Measure<'a> = Box<dyn Fn(f32, Pixels) -> f32 + 'a>;

struct Fit<'a, M> {
    content: Element<'a, M>,
    /// How wide the content is laid out; none for a plain text, whose own layout says.
    measure: Option<Measure<'a>>,
}

/// The widths to lay a text out at until it fits in `room`: each try takes off what the
/// last one ran over, doubled, so a text that keeps running over by a little still gets
/// narrow enough in a few tries; then a few halvings between the last width that ran over
/// and the first that fitted win back room. `laid` lays out at a width and returns the
/// width the text took; the last call is at the width returned.
pub fn narrowed(room: f32, mut laid: impl FnMut(f32) -> f32) -> f32 {
    let fits = |took: f32| took <= room + 0.5;
    let (mut over, mut fitted) = (room, None);
    let mut width = room;
    let mut step = 0.0f32;
    for _ in 0..TRIES {
        let took = laid(width);
        if fits(took) {
            fitted = Some(width);
            break;
        }
        over = width;
        step = (step * 2.0).max(took - room).max(1.0);
        width = (room - step).max(1.0);
    }
    // Past the last try, the narrowest tried stays.
    let Some(mut good) = fitted else {
        return over;
    };
    let mut last = good;
    for _ in 0..HALVINGS {
        if over - good < 2.0 {
            break;
        }
        let mid = (over + good) / 2.0;
        last = mid;
        if fits(laid(mid)) {
            good = mid;
        } else {
            over = mid;
        }
    }
    if last != good {
        laid(good);
    }
    good
}

impl<M> Widget<M, Theme, iced::Renderer> for Fit<'_, M> {
    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn tag(&self) -> tree::Tag {
        self.content.as_widget().tag()
    }

    fn state(&self) -> tree::State {
        self.content.as_widget().state()
    }

    fn children(&self) -> Vec<Tree> {
        self.content.as_widget().children()
    }

    fn diff(&self, tree: &mut Tree) {
        self.content.as_widget().diff(tree);
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        let room = limits.max().width;
        let size = renderer.default_size();
        let measure = self.measure.as_ref();
        let content = self.content.as_widget_mut();
        // A text's node is never wider than its room, even when its lines are: the width
        // its lines take is the paragraph's own.
        let took = |tree: &Tree, width: f32| match measure {
            Some(measure) => measure(width, size),
            None if tree.tag == tree::Tag::of::<PlainState>() => {
                drawn_width(tree.state.downcast_ref::<PlainState>().raw())
            }
            None => 0.0,
        };
        let mut node = content.layout(tree, renderer, limits);
        // A node narrower than the room is the text's own width: it fits (and a rich text
        // is not measured again).
        if !room.is_finite() || node.size().width < room - 0.5 || took(tree, room) <= room + 0.5 {
            return node;
        }
        // The last layout is the one the text's state holds and draws.
        narrowed(room, |width| {
            if width < room {
                node = content.layout(tree, renderer, &limits.max_width(width));
            }
            took(tree, width)
        });
        node
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut iced::Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content
            .as_widget()
            .draw(tree, renderer, theme, style, layout, cursor, viewport);
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(tree, layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &iced::Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, M>,
        viewport: &Rectangle,
    ) {
        self.content.as_widget_mut().update(
            tree, event, layout, cursor, renderer, clipboard, shell, viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.content
            .as_widget()
            .mouse_interaction(tree, layout, cursor, viewport, renderer)
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &iced::Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, M, Theme, iced::Renderer>> {
        self.content
            .as_widget_mut()
            .overlay(tree, layout, renderer, viewport, translation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::advanced::graphics::text::font_system;

    fn laid(content: &str, width: f32, bold: bool) -> Paragraph {
        Paragraph::with_text(Text {
            content,
            bounds: Size::new(width, f32::INFINITY),
            size: iced::Pixels(16.0),
            line_height: Default::default(),
            font: if bold { theme::BOLD } else { theme::FONT },
            align_x: Default::default(),
            align_y: iced::alignment::Vertical::Top,
            shaping: iced::widget::text::Shaping::Advanced,
            wrapping: Default::default(),
        })
    }

    /// Lines of a price-increase draft (the subject in bold, a sentence with placeholders)
    /// laid out by iced's own text at every width the preview can have: cosmic-text runs
    /// some of them past the width they were given; narrowed, every one fits.
    #[test]
    fn a_persian_line_with_numbers_is_narrowed_until_it_fits() {
        {
            let mut fonts = font_system().write().unwrap();
            fonts.load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_REGULAR));
            fonts.load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_BOLD));
        }
        let service = marz::bidi::isolate("نگهداری ماهانه وب‌سایت و پشتیبانی فنی");
        let lines = [
            (format!("موضوع: تغییر نرخ {service} از ۵ دی ۱۴۰۵"), true),
            (
                format!(
                    "از این رو، نرخ {service} از تاریخ ۵ دی ۱۴۰۵ از [نرخ فعلی] به [نرخ تازه] افزایش می‌یابد."
                ),
                false,
            ),
        ];
        let mut over = 0;
        for (line, bold) in &lines {
            let line = format!("{}{line}", marz::bidi::RLM);
            for room in (240..720).map(|w| w as f32) {
                let widest = |width| laid(&line, width, *bold).min_bounds().width;
                if widest(room) > room + 0.5 {
                    over += 1;
                }
                let width = narrowed(room, widest);
                let fitted = laid(&line, width, *bold);
                assert!(fitted.min_bounds().width <= room + 0.5, "{line} in {room}");
                for run in fitted.buffer().layout_runs() {
                    for g in run.glyphs {
                        assert!(g.x >= -0.5 && g.x + g.w <= room + 0.5, "{line} in {room}");
                    }
                }
            }
        }
        // The layout this works around is still there (if an upgrade fixes it, `Fit` can go).
        assert!(over > 5, "{over}");
    }

    /// payment-1's opening paragraph (drawn past the preview's edge before `drawn_width`)
    /// at every width the preview can have: narrowed by the width its glyphs cover, its
    /// glyphs span no more than the room.
    #[test]
    fn a_paragraph_is_narrowed_by_what_its_glyphs_cover() {
        {
            let mut fonts = font_system().write().unwrap();
            fonts.load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_REGULAR));
        }
        let line = format!(
            "{}ضمن آرزوی موفقیت، یادآوری می‌کنیم که صورت‌حساب شماره {} به مبلغ ۱۲٬۵۰۰٬۰۰۰ تومان (دوازده میلیون و پانصد هزار تومان) که سررسید آن ۱۵ آبان ۱۴۰۵ بود، طبق سوابق ما هنوز پرداخت نشده است. خواهشمندیم در نخستین فرصت آن را پرداخت فرمایید.",
            marz::bidi::RLM,
            marz::bidi::isolate("INV-2041"),
        );
        for room in (240..720).map(|w| w as f32) {
            let width = narrowed(room, |w| drawn_width(&laid(&line, w, false)));
            let fitted = laid(&line, width, false);
            assert!(drawn_width(&fitted) <= room + 0.5, "in {room}");
        }
    }

    #[test]
    fn narrowing_doubles_its_step_and_keeps_the_narrowest_at_the_end() {
        // Fits only at 400 or less: from 461, the tries take off 3, 6, 12, 24, 48, 96 …
        let mut tried = Vec::new();
        let width = narrowed(461.0, |w| {
            tried.push(w);
            if w <= 400.0 { w } else { 464.0 }
        });
        // … and halvings between 413 (over) and 365 (fits) win back room: 389 fits, 401
        // does not, 395 fits.
        assert_eq!(width, 395.0);
        assert_eq!(
            tried,
            [
                461.0, 458.0, 455.0, 449.0, 437.0, 413.0, 365.0, 389.0, 401.0, 395.0
            ]
        );
        // When the last halving ran over, the text is laid out at the width kept.
        let mut tried = Vec::new();
        let width = narrowed(461.0, |w| {
            tried.push(w);
            if w <= 390.0 { w } else { 464.0 }
        });
        assert_eq!(width, 389.0);
        assert_eq!(tried.last(), Some(&389.0), "{tried:?}");
        // Never fits: the last try stays.
        let mut n = 0;
        let width = narrowed(300.0, |_| {
            n += 1;
            1000.0
        });
        assert_eq!(n, TRIES);
        assert!(width < 300.0);
        // Fits at once: one layout.
        let mut n = 0;
        assert_eq!(
            narrowed(300.0, |w| {
                n += 1;
                w - 10.0
            }),
            300.0
        );
        assert_eq!(n, 1);
    }
}
