//! The page preview: the letter as its PDF will print, every page drawn by Typst's own
//! renderer from the same layout «ذخیره PDF» writes (`Exporter::typeset`).
//!
//! Typesetting takes milliseconds, too long for a keystroke, so it runs on a thread of its
//! own a short while after the last change (`DEBOUNCE`); a change in between makes the
//! waiting render give up. Every request gets a generation number and a result is shown
//! only if it answers the newest request, so the pages never show an older letter once a
//! newer one has arrived.

use super::theme::{self, row_dir};
use iced::widget::{Space, button, column, container, image, scrollable, text};
use iced::{Element, Length, Task};
use marz::export::{ExportError, Exporter};
use marz::i18n::Locale;
use marz::pdf::PageImage;
use marz::{Lang, Letter};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How long after the last change the page is typeset again: keys typed faster than this
/// cost no typesetting. With typesetting and drawing (see the README's figures), the page
/// arrives within 150 ms of the last key.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// An A4 page's width in points.
const A4_WIDTH_PT: f32 = 595.28;
/// Logical pixels per point at 100 % (96 dpi screens).
const ACTUAL_SIZE: f32 = 96.0 / 72.0;
/// The zoom steps, in percent of the actual size.
const STEPS: [u16; 7] = [50, 75, 100, 125, 150, 200, 300];
/// Pixels per point pages are drawn at when they are fitted to the pane (sharp enough for
/// a pane up to 890 pixels wide).
pub const FIT_SCALE: f32 = 1.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    /// The page as wide as the pane.
    Fit,
    /// Percent of the page's actual size.
    Percent(u16),
}

impl Zoom {
    /// Pixels per point to draw at: sharp for the size shown.
    fn scale(self) -> f32 {
        match self {
            Zoom::Fit => FIT_SCALE,
            Zoom::Percent(p) => (f32::from(p) / 100.0 * ACTUAL_SIZE).max(FIT_SCALE),
        }
    }
}

/// A page ready for the screen.
#[derive(Debug, Clone)]
struct Page {
    handle: image::Handle,
}

/// What the worker answers: the pages, or why the letter cannot be typeset.
pub type Rendered = Result<Arc<Vec<PageImage>>, Arc<ExportError>>;

#[derive(Debug)]
pub struct State {
    /// The newest request's number.
    generation: u64,
    /// The same, for the workers: a render that waited and was overtaken gives up.
    latest: Arc<AtomicU64>,
    /// What was asked for last (letter, engine, scale), so an unchanged letter is not
    /// typeset again.
    asked: Option<(Letter, usize, u32)>,
    /// The pages shown (for the screen, and as drawn), and the generation they answer.
    pages: Vec<Page>,
    drawn: Arc<Vec<PageImage>>,
    shown: Option<u64>,
    /// Why the newest letter has no pages.
    problem: Option<Arc<ExportError>>,
    zoom: Zoom,
}

impl Default for State {
    fn default() -> Self {
        State {
            generation: 0,
            latest: Arc::new(AtomicU64::new(0)),
            asked: None,
            pages: Vec::new(),
            drawn: Arc::default(),
            shown: None,
            problem: None,
            zoom: Zoom::Fit,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// A worker's answer for request `generation`; `None` if it was overtaken.
    Rendered(u64, Option<Rendered>),
    ZoomIn,
    ZoomOut,
    Fit,
    ActualSize,
}

impl State {
    /// Asks for the pages of `letter` (none: no letter on screen). `wait` delays the
    /// typesetting by `DEBOUNCE` (while the owner types); without it the pages are
    /// typeset at once (the preview was just opened, a button was pressed).
    pub fn show(
        &mut self,
        letter: Option<&Letter>,
        exporter: &Arc<Exporter>,
        wait: bool,
    ) -> Task<Message> {
        let scale = self.zoom.scale();
        let engine = Arc::as_ptr(exporter) as usize;
        let key = letter.map(|l| (l.clone(), engine, scale.to_bits()));
        if key.is_some() && key == self.asked {
            return Task::none();
        }
        self.generation += 1;
        self.latest.store(self.generation, Ordering::SeqCst);
        self.asked = key;
        let Some(letter) = letter.cloned() else {
            self.pages.clear();
            self.drawn = Arc::default();
            self.shown = None;
            self.problem = None;
            return Task::none();
        };
        let generation = self.generation;
        let latest = self.latest.clone();
        let exporter = exporter.clone();
        let (answer, answered) = iced::futures::channel::oneshot::channel();
        std::thread::spawn(move || {
            if wait {
                std::thread::sleep(DEBOUNCE);
            }
            let result = (latest.load(Ordering::SeqCst) == generation).then(|| {
                exporter
                    .typeset(&letter)
                    .map(|typeset| Arc::new(draw(&typeset, scale)))
                    .map_err(Arc::new)
            });
            let _ = answer.send(result);
        });
        Task::perform(async move { answered.await.ok().flatten() }, move |r| {
            Message::Rendered(generation, r)
        })
    }

    /// Whether the pages shown answer the newest request.
    #[allow(dead_code)] // for tests and benches/gui.rs
    pub fn is_current(&self) -> bool {
        self.shown == Some(self.generation) || (self.asked.is_none() && self.pages.is_empty())
    }

    /// The pages shown, as Typst drew them.
    #[allow(dead_code)] // for tests
    pub fn images(&self) -> &[PageImage] {
        &self.drawn
    }

    /// The number of pages shown.
    #[allow(dead_code)] // for tests and benches/gui.rs
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn update(&mut self, message: Message, exporter: &Arc<Exporter>) -> Task<Message> {
        let zoom = match message {
            Message::Rendered(generation, result) => {
                // An older letter's pages never replace a newer one's.
                if generation != self.generation {
                    return Task::none();
                }
                match result {
                    Some(Ok(pages)) => {
                        self.pages = pages
                            .iter()
                            .map(|p| Page {
                                handle: image::Handle::from_rgba(p.width, p.height, p.rgba.clone()),
                            })
                            .collect();
                        self.drawn = pages;
                        self.problem = None;
                        self.shown = Some(generation);
                    }
                    Some(Err(problem)) => {
                        self.pages.clear();
                        self.drawn = Arc::default();
                        self.problem = Some(problem);
                        self.shown = Some(generation);
                    }
                    None => {}
                }
                return Task::none();
            }
            Message::Fit => Zoom::Fit,
            Message::ActualSize => Zoom::Percent(100),
            Message::ZoomIn => Zoom::Percent(
                STEPS
                    .into_iter()
                    .find(|&s| s > self.percent())
                    .unwrap_or(STEPS[STEPS.len() - 1]),
            ),
            Message::ZoomOut => Zoom::Percent(
                STEPS
                    .into_iter()
                    .rev()
                    .find(|&s| s < self.percent())
                    .unwrap_or(STEPS[0]),
            ),
        };
        self.zoom = zoom;
        // Drawn again at the new size's resolution (if it differs), at once.
        let letter = self.asked.as_ref().map(|(l, ..)| l.clone());
        self.show(letter.as_ref(), exporter, false)
    }

    /// The zoom in percent of the actual size (for Fit, about what a usual pane shows).
    fn percent(&self) -> u16 {
        match self.zoom {
            Zoom::Fit => 75,
            Zoom::Percent(p) => p,
        }
    }

    pub fn view<'a>(&'a self, ui: Lang) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let tool = |caption: String, message: Message, on: bool| -> Element<'a, Message> {
            button(text(caption).size(13))
                .padding([2, 10])
                .style(if on {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(message)
                .into()
        };
        let percent = match self.zoom {
            Zoom::Fit => String::new(),
            Zoom::Percent(p) => l.text_with("page-zoom-percent", &[("percent", &l.number(p))]),
        };
        let mut tools = vec![
            tool(l.text("page-zoom-out"), Message::ZoomOut, false),
            tool(l.text("page-zoom-in"), Message::ZoomIn, false),
            tool(l.text("page-fit"), Message::Fit, self.zoom == Zoom::Fit),
            tool(
                l.text("page-actual-size"),
                Message::ActualSize,
                self.zoom == Zoom::Percent(100),
            ),
            text(percent).size(13).into(),
        ];
        if !self.pages.is_empty() {
            let count = self.pages.len();
            tools.push(Space::new().width(Length::Fill).into());
            tools.push(
                text(l.text_with("page-count", &[("count", &l.number(count))]))
                    .size(13)
                    .into(),
            );
        }
        let toolbar = row_dir(ui, tools)
            .spacing(6)
            .align_y(iced::Alignment::Center);

        let body: Element<'a, Message> = if let Some(problem) = &self.problem {
            container(theme::line(ui, l.problem(problem.as_ref())))
                .padding(8)
                .style(theme::notice(false))
                .into()
        } else if self.pages.is_empty() {
            theme::label(ui, l.text("page-preparing")).padding(8).into()
        } else {
            let width = match self.zoom {
                Zoom::Fit => Length::Fill,
                Zoom::Percent(p) => Length::Fixed(A4_WIDTH_PT * ACTUAL_SIZE * f32::from(p) / 100.0),
            };
            let mut pages = column![].spacing(12).align_x(iced::Alignment::Center);
            for page in &self.pages {
                pages = pages.push(
                    container(
                        image(page.handle.clone())
                            .width(width)
                            .filter_method(image::FilterMethod::Linear),
                    )
                    .padding(1)
                    .style(theme::paper),
                );
            }
            let direction = match self.zoom {
                Zoom::Fit => scrollable::Direction::Vertical(scrollable::Scrollbar::default()),
                Zoom::Percent(_) => scrollable::Direction::Both {
                    vertical: scrollable::Scrollbar::default(),
                    horizontal: scrollable::Scrollbar::default(),
                },
            };
            let scroll = scrollable(container(pages).padding([4, 14]).center_x(Length::Fill))
                .direction(direction)
                .height(Length::Fill);
            // A page wider than the pane opens where its lines start: the right for Persian.
            let rtl = self.asked.as_ref().is_some_and(|(l, ..)| l.lang.is_rtl());
            if rtl {
                scroll.anchor_right().into()
            } else {
                scroll.into()
            }
        };
        column![toolbar, body]
            .spacing(8)
            .height(Length::Fill)
            .into()
    }
}

/// Every page, drawn on every core (a page is drawn on its own, from the one layout).
fn draw(typeset: &marz::pdf::TypesetLetter, scale: f32) -> Vec<PageImage> {
    use rayon::prelude::*;
    (0..typeset.page_count())
        .into_par_iter()
        .filter_map(|i| typeset.page_image(i, scale))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(shade: u8) -> PageImage {
        PageImage {
            width: 2,
            height: 3,
            rgba: vec![shade; 2 * 3 * 4],
        }
    }

    fn rendered(generation: u64, pages: usize) -> Message {
        Message::Rendered(
            generation,
            Some(Ok(Arc::new((0..pages).map(|i| page(i as u8)).collect()))),
        )
    }

    #[test]
    fn an_older_letters_pages_never_replace_the_newest() {
        let exporter = Arc::new(Exporter::default());
        let (_dir, ws) = crate::gui::tests::sample_workspace();
        let letter = marz::Letter {
            number: "NA/1".into(),
            ..sample_letter(&ws)
        };
        let mut state = State::default();
        let _ = state.show(Some(&letter), &exporter, true);
        let first = state.generation;
        let newer = marz::Letter {
            number: "NA/2".into(),
            ..letter.clone()
        };
        let _ = state.show(Some(&newer), &exporter, true);
        assert_eq!(state.generation, first + 1);
        // The same letter again asks for nothing.
        let _ = state.show(Some(&newer), &exporter, true);
        assert_eq!(state.generation, first + 1);
        // The first letter's pages arrive late: dropped.
        let _ = state.update(rendered(first, 2), &exporter);
        assert_eq!(state.page_count(), 0);
        assert!(!state.is_current());
        let _ = state.update(rendered(first + 1, 1), &exporter);
        assert_eq!(state.page_count(), 1);
        assert!(state.is_current());
        // No letter any more: no pages.
        let _ = state.show(None, &exporter, true);
        assert_eq!(state.page_count(), 0);
        let _ = state.update(rendered(first + 1, 1), &exporter);
        assert_eq!(state.page_count(), 0, "a late answer for a letter gone");
    }

    #[test]
    fn zoom_steps_stay_in_range() {
        let exporter = Arc::new(Exporter::default());
        let mut state = State::default();
        for _ in 0..10 {
            let _ = state.update(Message::ZoomIn, &exporter);
        }
        assert_eq!(state.zoom, Zoom::Percent(300));
        for _ in 0..10 {
            let _ = state.update(Message::ZoomOut, &exporter);
        }
        assert_eq!(state.zoom, Zoom::Percent(50));
        let _ = state.update(Message::Fit, &exporter);
        let _ = state.update(Message::ZoomIn, &exporter);
        assert_eq!(state.zoom, Zoom::Percent(100));
        assert!(Zoom::Percent(200).scale() > Zoom::Fit.scale());
    }

    fn sample_letter(ws: &crate::gui::workspace::Workspace) -> marz::Letter {
        let state = crate::gui::compose::State::new(Some("sample-reza".into()), ws);
        state.preview().letter().unwrap().clone()
    }
}
