//! The app drawn without a window, by the same CPU renderer the app falls back to
//! (tiny-skia): for tests that look at pixels and for the benchmarks.

use super::{App, theme};
use iced::advanced::Renderer as _;
use iced::advanced::graphics::text::font_system;
use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer::{self, Headless};
use iced::advanced::widget::operation::{self, Focusable, Operation};
use iced::advanced::widget::{Id, Tree};
use iced::{Color, Rectangle, Size, mouse};
use std::borrow::Cow;

pub struct Offscreen {
    renderer: iced::Renderer,
    size: Size,
    tree: Option<Tree>,
    /// The last frame's layout.
    node: Option<layout::Node>,
}

impl Offscreen {
    /// A window-less screen of `width` × `height` logical pixels.
    pub fn new(width: f32, height: f32) -> Offscreen {
        {
            let mut fonts = font_system()
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            fonts.load_font(Cow::Borrowed(theme::VAZIRMATN_REGULAR));
            fonts.load_font(Cow::Borrowed(theme::VAZIRMATN_BOLD));
        }
        let renderer = iced::futures::executor::block_on(<iced::Renderer as Headless>::new(
            theme::FONT,
            iced::Pixels(16.0),
            Some("tiny-skia"), // not interface text
        ))
        .expect("the tiny-skia renderer needs no GPU"); // not interface text
        Offscreen {
            renderer,
            size: Size::new(width, height),
            tree: None,
            node: None,
        }
    }

    /// Builds, lays out and draws one frame of the app (what a window does on each redraw,
    /// short of putting pixels on screen).
    pub fn frame(&mut self, app: &App) {
        // Drop the previous frame's drawing, as presenting a window's frame does.
        self.renderer.reset(Rectangle::with_size(self.size));
        let mut element = app.view();
        let tree = self
            .tree
            .get_or_insert_with(|| Tree::new(element.as_widget()));
        tree.diff(element.as_widget());
        let node = element.as_widget_mut().layout(
            tree,
            &self.renderer,
            &layout::Limits::new(Size::ZERO, self.size),
        );
        let theme = theme::theme();
        let style = renderer::Style {
            text_color: theme.palette().text,
        };
        element.as_widget().draw(
            tree,
            &mut self.renderer,
            &theme,
            &style,
            Layout::new(&node),
            mouse::Cursor::Unavailable,
            &Rectangle::with_size(self.size),
        );
        self.node = Some(node);
    }

    /// Runs a widget operation (e.g. focusing a field) on the last frame.
    pub fn operate(&mut self, app: &App, operation: &mut dyn Operation) {
        let (Some(tree), Some(node)) = (self.tree.as_mut(), self.node.as_ref()) else {
            return;
        };
        let mut element = app.view();
        element
            .as_widget_mut()
            .operate(tree, Layout::new(node), &self.renderer, operation);
    }

    /// Focuses the field with `id`, as a click or Ctrl+F would.
    pub fn focus(&mut self, app: &App, id: &'static str) {
        let mut focus = operation::focusable::focus::<()>(Id::new(id));
        self.operate(app, &mut focus);
    }

    /// Where the focused field is, if one is.
    pub fn focused_bounds(&mut self, app: &App) -> Option<Rectangle> {
        self.focused(app).map(|(_, bounds)| bounds)
    }

    /// The id of the focused field, if one is focused and has an id.
    pub fn focused_id(&mut self, app: &App) -> Option<Id> {
        self.focused(app).and_then(|(id, _)| id)
    }

    fn focused(&mut self, app: &App) -> Option<(Option<Id>, Rectangle)> {
        struct Find(Option<(Option<Id>, Rectangle)>);
        impl Operation for Find {
            fn focusable(&mut self, id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
                if state.is_focused() {
                    self.0 = Some((id.cloned(), bounds));
                }
            }
            fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
                operate(self);
            }
        }
        let mut find = Find(None);
        self.operate(app, &mut find);
        find.0
    }

    /// Every plain text on the last frame, with where it was laid out (rich texts, which
    /// report nothing to operations, are left out).
    pub fn texts(&mut self, app: &App) -> Vec<(Rectangle, String)> {
        struct Collect(Vec<(Rectangle, String)>);
        impl Operation for Collect {
            fn text(&mut self, _: Option<&Id>, bounds: Rectangle, text: &str) {
                self.0.push((bounds, text.to_string()));
            }
            fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
                operate(self);
            }
        }
        let mut collect = Collect(Vec::new());
        self.operate(app, &mut collect);
        collect.0
    }

    /// Draws a frame and returns its pixels, RGBA, row by row.
    pub fn screenshot(&mut self, app: &App) -> Vec<u8> {
        self.frame(app);
        let size = Size::new(self.size.width as u32, self.size.height as u32);
        let background = theme::theme().palette().background;
        self.renderer.screenshot(size, 1.0, background)
    }

    pub fn size(&self) -> Size<u32> {
        Size::new(self.size.width as u32, self.size.height as u32)
    }
}

/// The colour of a pixel of a screenshot.
pub fn pixel(rgba: &[u8], size: Size<u32>, x: u32, y: u32) -> Color {
    let i = ((y * size.width + x) * 4) as usize;
    Color::from_rgba8(
        rgba[i],
        rgba[i + 1],
        rgba[i + 2],
        rgba[i + 3] as f32 / 255.0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::{Message, compose};
    use iced::widget::text_editor::{Action, Motion};
    use marz::Lang;
    use marz::store::Store;

    fn app(dir: &std::path::Path, ui: Lang) -> App {
        let (store, created) = Store::open(dir.join("data")).unwrap();
        assert!(created);
        App::new(store, Some(ui))
    }

    fn is_sidebar(c: Color) -> bool {
        (c.r - 0.925).abs() < 0.02 && (c.g - 0.945).abs() < 0.02 && (c.b - 0.941).abs() < 0.02
    }

    #[test]
    fn the_persian_window_is_mirrored_and_the_english_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        for (ui, sidebar_right) in [(Lang::Fa, true), (Lang::En, false)] {
            let app = app(&dir.path().join(ui.code()), ui);
            let mut screen = Offscreen::new(1200.0, 800.0);
            let shot = screen.screenshot(&app);
            let size = screen.size();
            assert_eq!(shot.len(), (size.width * size.height * 4) as usize);
            assert_eq!(
                is_sidebar(pixel(&shot, size, 1150, 700)),
                sidebar_right,
                "{ui}"
            );
            assert_eq!(
                is_sidebar(pixel(&shot, size, 50, 700)),
                !sidebar_right,
                "{ui}"
            );
        }
    }

    /// The x of the caret inside `field`: columns with a run of pixels that are dark in
    /// `with` and clearly lighter in `without` (the same frame with the caret elsewhere).
    fn caret_columns(with: &[u8], without: &[u8], size: Size<u32>, field: Rectangle) -> Vec<u32> {
        let (top, bottom) = (field.y as u32 + 8, (field.y + field.height) as u32 - 8);
        (field.x as u32 + 2..(field.x + field.width) as u32 - 2)
            .filter(|&x| {
                let changed = (top..bottom)
                    .filter(|&y| {
                        let a = pixel(with, size, x, y);
                        let b = pixel(without, size, x, y);
                        a.r + a.g + a.b < 1.2 && (b.r + b.g + b.b) - (a.r + a.g + a.b) > 0.6
                    })
                    .count();
                changed >= 6
            })
            .collect()
    }

    #[test]
    fn the_caret_of_a_persian_field_is_drawn_where_the_text_goes() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path(), Lang::Fa);
        let mut screen = Offscreen::new(1200.0, 800.0);
        screen.frame(&app);
        screen.focus(&app, compose::SUBJECT_ID);
        let field = screen
            .focused_bounds(&app)
            .expect("the subject has the focus");
        let mut shot_at = |app: &mut App, motion: Motion| {
            let _ = app.update(Message::Compose(compose::Message::Subject(
                Action::Move(motion).into(),
            )));
            screen.screenshot(app)
        };
        let start = shot_at(&mut app, Motion::DocumentStart);
        let end = shot_at(&mut app, Motion::DocumentEnd);
        let size = Size::new(1200, 800);
        let at_start = caret_columns(&start, &end, size, field);
        let at_end = caret_columns(&end, &start, size, field);
        assert!(
            !at_start.is_empty() && !at_end.is_empty(),
            "{at_start:?} {at_end:?}"
        );
        // The subject «یادآوری پرداخت صورت‌حساب INV-2041» starts at the right edge of the
        // field and ends well to its left (iced's own caret would be at the left edge).
        let right = field.x + field.width;
        assert!(
            at_start[0] as f32 > right - 20.0,
            "{at_start:?} in {field:?}"
        );
        assert!(
            (at_end[0] as f32) < right - 150.0,
            "{at_end:?} in {field:?}"
        );
        assert!(at_end[0] as f32 > field.x + 20.0, "{at_end:?} in {field:?}");
    }

    /// Reddish pixels (the line under flagged words) inside `area`, as (x, y).
    fn red_pixels(shot: &[u8], size: Size<u32>, area: Rectangle) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for y in area.y as u32..(area.y + area.height) as u32 {
            for x in area.x as u32..(area.x + area.width) as u32 {
                let c = pixel(shot, size, x, y);
                if c.r > c.g + 0.3 && c.r > c.b + 0.25 {
                    out.push((x, y));
                }
            }
        }
        out
    }

    /// A harsh phrase typed at the start of a Persian body is marked under those words, at
    /// the right-hand end of the line, and nowhere else in the field; after a click on the
    /// kinder wording nothing is marked.
    #[test]
    fn flagged_words_are_marked_where_they_stand_in_the_persian_body() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path(), Lang::Fa);
        let mut screen = Offscreen::new(1200.0, 800.0);
        let send = |app: &mut App, m: compose::Message| {
            let _ = app.update(Message::Compose(m));
        };
        send(&mut app, compose::Message::EditText);
        let first = "مشکل از شماست و این صورت‌حساب باید تا ۱۵ آذر ۱۴۰۵ پرداخت شود.";
        let body = format!("{first}\nبا سپاس از همکاری شما در این مدت.");
        send(&mut app, compose::Message::Body(Action::SelectAll.into()));
        send(
            &mut app,
            compose::Message::Body(
                Action::Edit(iced::widget::text_editor::Edit::Paste(std::sync::Arc::new(
                    body,
                )))
                .into(),
            ),
        );
        screen.frame(&app);
        screen.focus(&app, compose::BODY_ID);
        let field = screen.focused_bounds(&app).expect("the body has the focus");
        let size = screen.size();
        let shot = screen.screenshot(&app);
        let red = red_pixels(&shot, size, field);
        assert!(red.len() > 40, "{} marked pixels", red.len());
        let (min_x, max_x) = red
            .iter()
            .fold((u32::MAX, 0), |(lo, hi), &(x, _)| (lo.min(x), hi.max(x)));
        let (min_y, max_y) = red
            .iter()
            .fold((u32::MAX, 0), |(lo, hi), &(_, y)| (lo.min(y), hi.max(y)));
        let right = (field.x + field.width) as u32;
        // Under the first words of the first line: near the right edge, a short stretch.
        assert!(right - max_x < 30, "{max_x} vs right edge {right}");
        assert!(
            (max_x - min_x) as f32 > 40.0 && ((max_x - min_x) as f32) < field.width / 3.0,
            "{min_x}..{max_x} in {field:?}"
        );
        assert!(max_y - min_y < 4, "one line: {min_y}..{max_y}");
        assert!((min_y as f32) < field.y + 40.0, "{min_y} in {field:?}");

        let kinder = (0..20).find(|&i| {
            let before = app.letter().unwrap().body.clone();
            send(&mut app, compose::Message::Apply(i));
            app.letter().unwrap().body != before
        });
        assert!(kinder.is_some(), "a kinder wording was applied");
        assert!(!app.letter().unwrap().body.contains("مشکل از شماست"));
        let shot = screen.screenshot(&app);
        let red = red_pixels(&shot, size, field);
        assert!(red.is_empty(), "{} marked pixels left", red.len());
    }
}
