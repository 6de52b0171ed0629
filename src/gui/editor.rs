//! Text fields that edit Persian correctly: a `TextField` (what was typed, kept in a screen's
//! state) and the `Editor` widget that shows it.
//!
//! The widget is iced's own `text_editor` for everything it gets right (shaping, clicks,
//! typing, keys, IME, clipboard, focus) with its caret and selection drawn by `caret`
//! from the bidi layout instead: iced 0.14 draws them left to right even in a Persian line.
//! `text_input` cannot be corrected from outside, so single-line fields use this too.

use super::caret::{self, Spot};
use super::theme;
use iced::advanced::Renderer as _;
use iced::advanced::graphics::text::cosmic_text::{
    self, AttrsList, Buffer, BufferLine, LineEnding, Metrics,
};
use iced::advanced::graphics::text::{font_system, to_attributes, to_wrap};
use iced::advanced::layout::{self, Layout};
use iced::advanced::renderer::{self, Quad};
use iced::advanced::widget::{self, Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse};
use iced::keyboard::{self, key};
use iced::widget::text::{LineHeight, Wrapping};
use iced::widget::text_editor::{
    self, Action, Binding, Content, Cursor, Edit, KeyPress, Position, Status,
};
use iced::{Color, Element, Event, Length, Padding, Pixels, Rectangle, Size, Theme, window};
use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The RIGHT-TO-LEFT MARK starts every line of a right-to-left field, so that a line
/// beginning with "INV-2041" or a digit is still laid out right to left. Never stored.
use marz::bidi::RLM;

/// What the owner typed in one field, with its cursor and selection.
#[derive(Debug, Clone)]
pub struct TextField {
    content: Content,
    multiline: bool,
    rtl: bool,
    history: History,
}

/// What the owner did to a field: one of iced's editor actions, or a step back or forward
/// through the field's edits (iced 0.14's editor keeps no history of its own).
#[derive(Debug, Clone)]
pub enum Change {
    Do(Action),
    Undo,
    Redo,
}

impl From<Action> for Change {
    fn from(action: Action) -> Self {
        Change::Do(action)
    }
}

/// The field's earlier and undone states. A run of typed letters (up to the next space) or
/// of deletions is one step, as in any text editor: undoing a word does not take a
/// keystroke at a time.
#[derive(Debug, Clone, Default)]
struct History {
    back: Vec<Snapshot>,
    forward: Vec<Snapshot>,
    run: Option<Run>,
}

/// The most steps a field remembers; the oldest go first.
const HISTORY: usize = 500;

#[derive(Debug, Clone)]
struct Snapshot {
    /// The field's own text, direction marks included.
    text: String,
    cursor: Cursor,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Run {
    Typing,
    Deleting,
}

impl TextField {
    /// A one-line field.
    pub fn single(value: &str, rtl: bool) -> Self {
        let value = value.replace(['\r', '\n'], " ");
        Self::build(&value, false, rtl)
    }

    /// A field of several lines (the letter's body).
    pub fn multi(value: &str, rtl: bool) -> Self {
        Self::build(value, true, rtl)
    }

    fn build(value: &str, multiline: bool, rtl: bool) -> Self {
        TextField {
            content: Content::with_text(&marked(value, rtl)),
            multiline,
            rtl,
            history: History::default(),
        }
    }

    /// The text as the owner typed it, without the marks the field adds for display.
    pub fn value(&self) -> String {
        marz::bidi::unhold(&self.content.text().replace(RLM, ""))
    }

    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// The same text in a field laid out in the other direction.
    pub fn with_rtl(&self, rtl: bool) -> Self {
        let value = self.value();
        Self::build(&value, self.multiline, rtl)
    }

    /// Where byte `at` of `value()` is in the field's own text (which has a direction mark
    /// at the start of each Persian line). A position next to marks is taken after them
    /// when `after_marks`, else before them, so a range never takes in a line's mark.
    /// (The app places ranges through `select`; this one-place form is for tests.)
    #[cfg(test)]
    fn position(&self, at: usize, after_marks: bool) -> Option<Position> {
        self.positions(&[(at, after_marks)])[0]
    }

    /// `position` for several places at once, in one pass over the text (the marks of a
    /// two-page letter are placed on every frame).
    fn positions(&self, wanted: &[(usize, bool)]) -> Vec<Option<Position>> {
        let mut out = vec![None; wanted.len()];
        let mut order: Vec<usize> = (0..wanted.len()).collect();
        order.sort_by_key(|&i| wanted[i]);
        let mut next = order.into_iter().peekable();
        let mut value_at = 0;
        'lines: for (line, l) in self.content.lines().enumerate() {
            if line > 0 {
                // The line break is one byte of the value.
                value_at += 1;
            }
            for (column, c) in l.text.char_indices() {
                while let Some(&i) = next.peek() {
                    let (at, after_marks) = wanted[i];
                    if at < value_at {
                        // Inside a character, or lost: no position.
                        next.next();
                    } else if at == value_at && !(after_marks && c == RLM) {
                        out[i] = Some(Position { line, column });
                        next.next();
                    } else {
                        break;
                    }
                }
                if next.peek().is_none() {
                    break 'lines;
                }
                if c != RLM {
                    value_at += c.len_utf8();
                }
            }
            while let Some(&i) = next.peek() {
                if wanted[i].0 < value_at {
                    next.next();
                } else if wanted[i].0 == value_at {
                    out[i] = Some(Position {
                        line,
                        column: l.text.len(),
                    });
                    next.next();
                } else {
                    break;
                }
            }
        }
        out
    }

    /// Selects bytes `span` of the text as shown (numbers held, as in the letter; the caret
    /// at its end); returns whether they are a range of the text.
    pub fn select(&mut self, span: std::ops::Range<usize>) -> bool {
        let found = self.positions(&[(span.start, true), (span.end, false)]);
        let (Some(from), Some(to)) = (found[0], found[1]) else {
            return false;
        };
        self.content.move_to(Cursor {
            position: to,
            selection: (from != to).then_some(from),
        });
        true
    }

    /// Puts `with` in place of bytes `span` of the text as shown (numbers held, as in the
    /// letter; see `positions`), as an edit the owner could have made (select the words,
    /// paste), leaving the caret after it. Returns whether the text changed.
    pub fn replace(&mut self, span: std::ops::Range<usize>, with: &str) -> bool {
        let held = self.content.text().replace(RLM, "");
        if held.get(span.clone()).is_none() {
            return false;
        }
        let expected = marz::bidi::unhold(&format!(
            "{}{with}{}",
            &held[..span.start],
            &held[span.end..]
        ));
        let earlier = self.snapshot();
        if !self.select(span) {
            return false;
        }
        let with = if self.multiline {
            with.to_string()
        } else {
            with.replace(['\r', '\n'], " ")
        };
        self.content
            .perform(Action::Edit(Edit::Paste(Arc::new(with))));
        self.remark();
        // The edit went through iced's editor; what matters is that the text is exactly the
        // one asked for.
        if self.value() != expected {
            let history = std::mem::take(&mut self.history);
            self.set(&expected);
            self.history = history;
        }
        if self.content.text() != earlier.text {
            self.history.forward.clear();
            self.history.run = None;
            self.remember(earlier);
        }
        true
    }

    #[cfg(test)]
    pub fn selection(&self) -> Option<String> {
        self.content.selection()
    }

    #[cfg(test)]
    pub fn cursor(&self) -> Cursor {
        self.content.cursor()
    }

    /// Replaces the whole text (the cursor goes to the start), as one step the owner can
    /// undo.
    pub fn set(&mut self, value: &str) {
        let earlier = self.snapshot();
        let mut history = std::mem::take(&mut self.history);
        *self = if self.multiline {
            Self::multi(value, self.rtl)
        } else {
            Self::single(value, self.rtl)
        };
        if self.content.text() != earlier.text {
            history.forward.clear();
            history.run = None;
            self.history = history;
            self.remember(earlier);
        } else {
            self.history = history;
        }
    }

    /// Applies what the widget reported; returns whether the text changed.
    pub fn perform(&mut self, change: impl Into<Change>) -> bool {
        let action = match change.into() {
            Change::Do(action) => action,
            Change::Undo => return self.step(false),
            Change::Redo => return self.step(true),
        };
        let action = match action {
            Action::Edit(Edit::Enter) if !self.multiline => return false,
            Action::Edit(Edit::Paste(text)) if !self.multiline => {
                Action::Edit(Edit::Paste(Arc::new(text.replace(['\r', '\n'], " "))))
            }
            other => other,
        };
        let is_edit = action.is_edit();
        let before = self.content.cursor();
        let again = action.clone();
        if let Action::Edit(edit) = action.clone() {
            let run = match edit {
                Edit::Insert(c) if !c.is_whitespace() => Some(Run::Typing),
                // A space ends the word it follows, and belongs to it.
                Edit::Insert(_) if self.history.run == Some(Run::Typing) => Some(Run::Typing),
                Edit::Backspace | Edit::Delete => Some(Run::Deleting),
                _ => None,
            };
            let joins = run.is_some() && run == self.history.run && before.selection.is_none();
            let earlier = (!joins).then(|| self.snapshot());
            let text = self.content.text();
            self.content.perform(action);
            self.remark();
            if self.content.text() != text {
                if let Some(earlier) = earlier {
                    self.remember(earlier);
                }
                self.history.forward.clear();
            }
            self.history.run = match edit {
                Edit::Insert(c) if c.is_whitespace() => None,
                _ => run,
            };
        } else {
            if !matches!(action, Action::Scroll { .. }) {
                self.history.run = None;
            }
            self.content.perform(action);
            self.skip_marks(before, again);
        }
        is_edit
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            text: self.content.text(),
            cursor: self.content.cursor(),
        }
    }

    fn remember(&mut self, earlier: Snapshot) {
        if self.history.back.len() == HISTORY {
            self.history.back.remove(0);
        }
        self.history.back.push(earlier);
    }

    /// One step back through the edits, or forward again after an undo; returns whether
    /// the text changed.
    fn step(&mut self, forward: bool) -> bool {
        let from = if forward {
            &mut self.history.forward
        } else {
            &mut self.history.back
        };
        let Some(to) = from.pop() else {
            return false;
        };
        let now = self.snapshot();
        if forward {
            self.history.back.push(now);
        } else {
            self.history.forward.push(now);
        }
        self.content = Content::with_text(&to.text);
        self.content.move_to(to.cursor);
        self.history.run = None;
        true
    }

    /// Keeps the caret off invisible direction marks (the line's RLM, the isolates around a
    /// value): a motion that crossed only marks goes on until it crosses a character the
    /// owner sees, and a caret left before a line's RLM moves after it, where a typed letter
    /// joins the line.
    fn skip_marks(&mut self, mut before: Cursor, motion: Action) {
        let repeatable = matches!(motion, Action::Move(_) | Action::Select(_));
        // Each round crosses at least one mark; a line holds only so many in a row.
        for _ in 0..16 {
            let now = self.content.cursor();
            let (a, b) = (before.position, now.position);
            let only_marks = repeatable
                && a != b
                && a.line == b.line
                && self
                    .content
                    .line(a.line)
                    .and_then(|l| {
                        l.text
                            .get(a.column.min(b.column)..a.column.max(b.column))
                            .map(|crossed| crossed.chars().all(marz::bidi::is_direction_mark))
                    })
                    .unwrap_or(false);
            if !only_marks {
                break;
            }
            before = now;
            self.content.perform(motion.clone());
        }
        let now = self.content.cursor();
        let p = now.position;
        let starts_marked = p.column == 0
            && self
                .content
                .line(p.line)
                .is_some_and(|l| l.text.starts_with(RLM));
        if starts_marked {
            self.content.move_to(Cursor {
                position: Position {
                    line: p.line,
                    column: RLM.len_utf8(),
                },
                selection: now.selection,
            });
        }
    }

    /// Puts the direction mark back on lines that lost it (typed into an empty field,
    /// Enter, select-all and type), keeping the cursor on the same character.
    fn remark(&mut self) {
        if !self.rtl {
            return;
        }
        let old: Vec<String> = self.content.lines().map(|l| l.text.into_owned()).collect();
        let new: Vec<String> = old.iter().map(|l| mark_line(l)).collect();
        if old == new {
            return;
        }
        let shift = |p: Position| Position {
            line: p.line,
            column: remap(&old[p.line], &new[p.line], p.column),
        };
        let cursor = self.content.cursor();
        self.content = Content::with_text(&new.join("\n"));
        self.content.move_to(Cursor {
            position: shift(cursor.position),
            selection: cursor.selection.map(shift),
        });
    }

    /// The widget showing this field; `on_action` wraps what it reports.
    pub fn view<'a, M: Clone + 'a>(
        &'a self,
        on_action: impl Fn(Change) -> M + 'a,
    ) -> Editor<'a, M> {
        Editor {
            field: self,
            on_action: std::rc::Rc::new(on_action),
            on_submit: None,
            id: None,
            placeholder: String::new(),
            size: 15.0,
            padding: Padding::new(6.0),
            min_height: 0.0,
            marks: Vec::new(),
            mark_colour: Color::TRANSPARENT,
        }
    }
}

/// Where a field's caret (or the start of its selection) is, in window coordinates before
/// any scrolling: what a field tells `reveal`.
struct CaretPlace(Rectangle);

/// A task that scrolls the scrollable `scroller` so that the caret of the field `field` is
/// in view, a third of the way down.
pub fn reveal<M: Send + 'static>(field: widget::Id, scroller: widget::Id) -> iced::Task<M> {
    use iced::advanced::widget::operation::{Outcome, Scrollable};

    struct Find {
        field: widget::Id,
        scroller: widget::Id,
        caret: Option<Rectangle>,
    }
    struct Scroll {
        scroller: widget::Id,
        caret: Rectangle,
    }
    impl Operation for Find {
        fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
            operate(self);
        }
        fn custom(&mut self, id: Option<&widget::Id>, _: Rectangle, state: &mut dyn std::any::Any) {
            if id == Some(&self.field)
                && let Some(place) = state.downcast_ref::<CaretPlace>()
            {
                self.caret = Some(place.0);
            }
        }
        fn finish(&self) -> Outcome<()> {
            match self.caret {
                Some(caret) => Outcome::Chain(Box::new(Scroll {
                    scroller: self.scroller.clone(),
                    caret,
                })),
                None => Outcome::None,
            }
        }
    }
    impl Operation for Scroll {
        fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
            operate(self);
        }
        fn scrollable(
            &mut self,
            id: Option<&widget::Id>,
            bounds: Rectangle,
            content: Rectangle,
            _: iced::Vector,
            state: &mut dyn Scrollable,
        ) {
            if id != Some(&self.scroller) {
                return;
            }
            let most = (content.height - bounds.height).max(0.0);
            let y = (self.caret.y - content.y - bounds.height / 3.0).clamp(0.0, most);
            state.scroll_to(iced::widget::scrollable::AbsoluteOffset {
                x: None,
                y: Some(y),
            });
        }
    }
    iced::advanced::widget::operate(Find {
        field,
        scroller,
        caret: None,
    })
    .discard()
}

/// The actions of selecting everything and typing `text` over it, for tests that drive a
/// screen the way a user would.
#[cfg(test)]
pub fn typing(text: &str) -> [Action; 2] {
    [
        Action::SelectAll,
        Action::Edit(Edit::Paste(Arc::new(text.to_string()))),
    ]
}

/// A line of a right-to-left field as it is shown: the direction mark in front, and its
/// codes of digit groups held left to right as the letter will show them (a card number
/// typed after «شماره کارت:» would otherwise be drawn with its groups last first).
fn mark_line(line: &str) -> String {
    let bare = marz::bidi::unhold(line.trim_start_matches(RLM));
    if bare.is_empty() {
        String::new()
    } else {
        format!("{RLM}{}", marz::bidi::keep_numbers(&bare, marz::Lang::Fa))
    }
}

/// Where the caret at byte `column` of `old` goes in `new`, the same line with other
/// direction marks: after as many visible characters, before any mark that follows them
/// (so a digit typed at the end of a held number joins it); at the start, after the line's
/// direction mark.
fn remap(old: &str, new: &str, column: usize) -> usize {
    let visible = old
        .get(..column)
        .unwrap_or(old)
        .chars()
        .filter(|c| !marz::bidi::is_direction_mark(*c))
        .count();
    if visible == 0 {
        return if new.starts_with(RLM) {
            RLM.len_utf8()
        } else {
            0
        };
    }
    new.char_indices()
        .filter(|(_, c)| !marz::bidi::is_direction_mark(*c))
        .nth(visible - 1)
        .map_or(new.len(), |(i, c)| i + c.len_utf8())
}

fn marked(value: &str, rtl: bool) -> String {
    if !rtl {
        return value.to_string();
    }
    value
        .split('\n')
        .map(mark_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A field on screen. Build with `TextField::view`.
pub struct Editor<'a, M> {
    field: &'a TextField,
    on_action: std::rc::Rc<dyn Fn(Change) -> M + 'a>,
    on_submit: Option<M>,
    id: Option<widget::Id>,
    placeholder: String,
    size: f32,
    padding: Padding,
    min_height: f32,
    marks: Vec<std::ops::Range<usize>>,
    mark_colour: Color,
}

impl<'a, M: Clone + 'a> Editor<'a, M> {
    /// Stretches of the value (byte ranges) to mark, focused or not: a band of `colour`
    /// behind them and a line under them, placed from the bidi layout like the selection.
    pub fn marks(mut self, marks: Vec<std::ops::Range<usize>>, colour: Color) -> Self {
        self.marks = marks;
        self.mark_colour = colour;
        self
    }

    /// The message Enter sends in a one-line field.
    pub fn on_submit(mut self, message: M) -> Self {
        self.on_submit = Some(message);
        self
    }

    pub fn id(mut self, id: impl Into<widget::Id>) -> Self {
        self.id = Some(id.into());
        self
    }

    pub fn placeholder(mut self, text: impl Into<String>) -> Self {
        self.placeholder = text.into();
        self
    }

    pub fn padding(mut self, padding: impl Into<Padding>) -> Self {
        self.padding = padding.into();
        self
    }

    pub fn min_height(mut self, height: f32) -> Self {
        self.min_height = height;
        self
    }

    /// At least `lines` lines of text high (the padding comes on top).
    pub fn min_lines(mut self, lines: u16) -> Self {
        self.min_height = f32::from(lines) * LineHeight::default().to_absolute(Pixels(self.size)).0;
        self
    }
}

/// The widget: iced's editor inside, our caret and selection on top.
struct Bidi<'a, M> {
    id: Option<widget::Id>,
    inner: Element<'a, M>,
    field: &'a TextField,
    size: f32,
    padding: Padding,
    /// The marked stretches, as positions in the field's own text.
    marks: Vec<(Spot, Spot)>,
    mark_colour: Color,
}

impl<'a, M: Clone + 'a> From<Editor<'a, M>> for Element<'a, M> {
    fn from(e: Editor<'a, M>) -> Self {
        let multiline = e.field.multiline;
        let submit = e.on_submit.clone();
        let on_action = e.on_action.clone();
        let on_key = e.on_action.clone();
        let mut inner = iced::widget::text_editor(&e.field.content)
            .on_action(move |action| on_action(Change::Do(action)))
            .font(theme::FONT)
            .size(e.size)
            .padding(e.padding)
            .wrapping(Wrapping::WordOrGlyph)
            .placeholder(e.placeholder)
            .style(style)
            .key_binding(move |press: KeyPress| match press.key.as_ref() {
                keyboard::Key::Named(key::Named::Enter) if !multiline => {
                    matches!(press.status, Status::Focused { .. })
                        .then(|| submit.clone().map(Binding::Custom))
                        .flatten()
                }
                _ => match history_key(&press) {
                    Some(change) => Some(Binding::Custom(on_key(change))),
                    None => Binding::from_key_press(press),
                },
            });
        if e.min_height > 0.0 {
            inner = inner.min_height(e.min_height);
        }
        if let Some(id) = e.id.clone() {
            inner = inner.id(id);
        }
        let wanted: Vec<(usize, bool)> = e
            .marks
            .iter()
            .flat_map(|m| [(m.start, true), (m.end, false)])
            .collect();
        let found = e.field.positions(&wanted);
        let marks = found
            .chunks(2)
            .filter_map(|pair| Some((Spot::from(pair[0]?), Spot::from(pair[1]?))))
            .collect();
        Element::new(Bidi {
            id: e.id,
            inner: inner.into(),
            field: e.field,
            size: e.size,
            padding: e.padding,
            marks,
            mark_colour: e.mark_colour,
        })
    }
}

/// Ctrl+Z (Cmd+Z) steps back, Ctrl+Shift+Z or Ctrl+Y forward, in a focused field. The key
/// is read by its place on the keyboard, so the Persian layout's keys work too.
fn history_key(press: &KeyPress) -> Option<Change> {
    if !matches!(press.status, Status::Focused { .. }) || !press.modifiers.command() {
        return None;
    }
    match press
        .key
        .to_latin(press.physical_key)
        .map(|c| c.to_ascii_lowercase())
    {
        Some('z') if press.modifiers.shift() => Some(Change::Redo),
        Some('z') => Some(Change::Undo),
        Some('y') => Some(Change::Redo),
        _ => None,
    }
}

/// iced's look, minus its own selection colour (it would be drawn in the wrong place).
fn style(theme: &Theme, status: Status) -> text_editor::Style {
    text_editor::Style {
        selection: Color::TRANSPARENT,
        ..text_editor::default(theme, status)
    }
}

type InnerState = text_editor::State<iced::advanced::text::highlighter::PlainText>;

/// Our part of the widget tree: a never-focused copy of iced's editor state (drawing with it
/// leaves out iced's caret), the laid-out text for geometry, and the blink clock.
struct Overlay {
    unfocused: Tree,
    layout: RefCell<Option<Laid>>,
    blink: Cell<(Option<Cursor>, Instant)>,
    /// Where the last click was (x in the text), and the cursor it produced once known.
    click: Cell<Option<(f32, Option<Cursor>)>>,
}

struct Laid {
    text: String,
    width: f32,
    buffer: Buffer,
}

const BLINK: Duration = Duration::from_millis(500);

static EMPTY: std::sync::LazyLock<Buffer> =
    std::sync::LazyLock::new(|| Buffer::new_empty(Metrics::new(1.0, 1.0)));

/// Lays `text` out as iced's editor does (same font, size, width and wrapping), so that
/// positions found in it are positions on screen. Only the lines that differ from
/// `previous` are shaped again: a keystroke in a two-page body changes one paragraph.
fn lay_out(previous: Option<Laid>, text: String, width: f32, size: f32) -> Laid {
    // A panic elsewhere while holding the lock leaves the fonts usable.
    let mut fonts = font_system()
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let attrs = to_attributes(theme::FONT);
    match previous {
        Some(mut laid) if laid.width == width => {
            let lines: Vec<&str> = text.split('\n').collect();
            let buffer = &mut laid.buffer;
            buffer.lines.truncate(lines.len());
            for (i, line) in lines.iter().enumerate() {
                let ending = if i + 1 == lines.len() {
                    LineEnding::None
                } else {
                    LineEnding::Lf
                };
                match buffer.lines.get_mut(i) {
                    Some(old) => {
                        old.set_text(line, ending, AttrsList::new(&attrs));
                    }
                    None => buffer.lines.push(BufferLine::new(
                        *line,
                        ending,
                        AttrsList::new(&attrs),
                        cosmic_text::Shaping::Advanced,
                    )),
                }
            }
            buffer.shape_until_scroll(fonts.raw(), false);
            laid.text = text;
            laid
        }
        _ => {
            let line_height = LineHeight::default().to_absolute(Pixels(size)).0;
            let mut buffer = Buffer::new(fonts.raw(), Metrics::new(size, line_height));
            buffer.set_wrap(fonts.raw(), to_wrap(Wrapping::WordOrGlyph));
            buffer.set_size(fonts.raw(), Some(width), None);
            buffer.set_text(
                fonts.raw(),
                &text,
                &attrs,
                cosmic_text::Shaping::Advanced,
                None,
            );
            buffer.shape_until_scroll(fonts.raw(), false);
            Laid {
                text,
                width,
                buffer,
            }
        }
    }
}

impl<M> Bidi<'_, M> {
    fn line_height(&self) -> f32 {
        LineHeight::default().to_absolute(Pixels(self.size)).0
    }

    /// The text laid out as iced's editor lays it out, for finding positions on screen.
    fn with_layout<T>(&self, overlay: &Overlay, width: f32, f: impl FnOnce(&Buffer) -> T) -> T {
        let text = self.field.content.text();
        let mut laid = overlay.layout.borrow_mut();
        let fresh = laid
            .as_ref()
            .is_some_and(|l| l.text == text && l.width == width);
        if !fresh {
            *laid = Some(lay_out(laid.take(), text, width, self.size));
        }
        f(laid.as_ref().map(|l| &l.buffer).unwrap_or(&EMPTY))
    }

    fn caret_visible(&self, overlay: &Overlay, now: Instant) -> (bool, Instant) {
        let cursor = self.field.content.cursor();
        let (last, since) = overlay.blink.get();
        let since = if last == Some(cursor) { since } else { now };
        overlay.blink.set((Some(cursor), since));
        let phase = now.saturating_duration_since(since).as_millis() / BLINK.as_millis();
        let next = since + BLINK * (phase as u32 + 1);
        (phase.is_multiple_of(2), next)
    }
}

fn focused(tree: &Tree) -> bool {
    tree.children[0]
        .state
        .downcast_ref::<InnerState>()
        .is_focused()
}

impl<M> Widget<M, Theme, iced::Renderer> for Bidi<'_, M> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<Overlay>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(Overlay {
            unfocused: Tree::new(self.inner.as_widget()),
            layout: RefCell::new(None),
            blink: Cell::new((None, Instant::now())),
            click: Cell::new(None),
        })
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(self.inner.as_widget())]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.inner));
        let overlay = tree.state.downcast_mut::<Overlay>();
        overlay.unfocused.diff(self.inner.as_widget());
    }

    fn size(&self) -> Size<Length> {
        self.inner.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &iced::Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.inner
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &iced::Renderer,
        operation: &mut dyn Operation,
    ) {
        self.inner
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
        // Where the caret is on screen, for an operation that brings it into view
        // (`reveal`): only iced's layout knows the field's place, only ours the caret's.
        let bounds = layout.bounds().shrink(self.padding);
        let overlay = tree.state.downcast_ref::<Overlay>();
        let at = self.field.content.cursor();
        let spot = at.selection.map_or(Spot::from(at.position), |s| {
            Spot::from(s).min(at.position.into())
        });
        let caret = self.with_layout(overlay, bounds.width, |buffer| {
            caret::caret(buffer, spot, self.field.rtl, None)
        });
        if let Some(caret) = caret {
            let mut place = CaretPlace(caret + (bounds.position() - iced::Point::ORIGIN));
            operation.custom(self.id.as_ref(), layout.bounds(), &mut place);
        }
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
        if let Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)) = event
            && let Some(p) = cursor.position_over(layout.bounds())
        {
            let x = p.x - layout.bounds().x - self.padding.left;
            tree.state
                .downcast_ref::<Overlay>()
                .click
                .set(Some((x, None)));
        }
        self.inner.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        if let Event::Window(window::Event::RedrawRequested(now)) = event
            && focused(tree)
        {
            let (_, next) = self.caret_visible(tree.state.downcast_ref::<Overlay>(), *now);
            shell.request_redraw_at(next);
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &iced::Renderer,
    ) -> mouse::Interaction {
        self.inner.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
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
        let overlay = tree.state.downcast_ref::<Overlay>();
        // Background, border and text, without iced's caret and selection.
        self.inner.as_widget().draw(
            &overlay.unfocused,
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        let bounds = layout.bounds().shrink(self.padding);
        // The marks: a band behind the words and a line under them, drawn last so that a
        // selection over flagged words still shows they are flagged.
        let mut quads: Vec<(Rectangle, Color)> = Vec::new();
        if !self.marks.is_empty() {
            let rects: Vec<Rectangle> = self.with_layout(overlay, bounds.width, |buffer| {
                self.marks
                    .iter()
                    .flat_map(|(a, b)| caret::selection(buffer, *a, *b))
                    .collect()
            });
            let band = Color {
                a: self.mark_colour.a * 0.2,
                ..self.mark_colour
            };
            for rect in rects {
                let under = Rectangle {
                    y: rect.y + rect.height - 2.0,
                    height: 1.5,
                    ..rect
                };
                quads.push((rect, band));
                quads.push((under, self.mark_colour));
            }
        }
        if !focused(tree) {
            fill(renderer, bounds, &quads);
            return;
        }
        let palette = theme.extended_palette();
        let at = self.field.content.cursor();
        let rects: Vec<(Rectangle, Color)> =
            self.with_layout(overlay, bounds.width, |buffer| match at.selection {
                Some(other) if other != at.position => {
                    let colour = Color {
                        a: 0.35,
                        ..palette.primary.base.color
                    };
                    caret::selection(buffer, Spot::from(at.position), Spot::from(other))
                        .into_iter()
                        .map(|r| (r, colour))
                        .collect()
                }
                _ => {
                    let (visible, _) = self.caret_visible(overlay, Instant::now());
                    let empty = self.field.content.is_empty();
                    let near = match overlay.click.get() {
                        Some((x, None)) => {
                            overlay.click.set(Some((x, Some(at))));
                            Some(x)
                        }
                        Some((x, Some(c))) if c == at => Some(x),
                        _ => None,
                    };
                    caret::caret(buffer, at.position.into(), self.field.rtl && empty, near)
                        .filter(|_| visible)
                        .map(|r| {
                            let r = Rectangle {
                                height: r.height.max(self.line_height()),
                                ..r
                            };
                            vec![(r, palette.background.base.text)]
                        })
                        .unwrap_or_default()
                }
            });
        fill(renderer, bounds, &rects);
        fill(renderer, bounds, &quads);
    }
}

/// Fills rectangles given relative to the text's top-left corner of `bounds`, clipped to
/// the field.
fn fill(renderer: &mut iced::Renderer, bounds: Rectangle, quads: &[(Rectangle, Color)]) {
    for (rect, colour) in quads {
        let placed = *rect + (bounds.position() - iced::Point::ORIGIN);
        if let Some(clipped) = bounds.expand(1.0).intersection(&placed) {
            renderer.fill_quad(
                Quad {
                    bounds: clipped,
                    ..Quad::default()
                },
                *colour,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced::widget::text_editor::Motion;

    fn paste(text: &str) -> Action {
        Action::Edit(Edit::Paste(Arc::new(text.to_string())))
    }

    fn type_in(f: &mut TextField, text: &str) {
        for c in text.chars() {
            let edit = if c == '\n' {
                Edit::Enter
            } else {
                Edit::Insert(c)
            };
            f.perform(Action::Edit(edit));
        }
    }

    /// Undoes until nothing is left, collecting each value on the way back.
    fn all_the_way_back(f: &mut TextField) -> Vec<String> {
        let mut seen = Vec::new();
        while f.perform(Change::Undo) {
            seen.push(f.value());
        }
        seen
    }

    #[test]
    fn undo_takes_back_a_word_at_a_time_and_redo_brings_it_again() {
        // Each word with the space after it is one step, and so is a line break.
        let cases: [(bool, &str, &[&str]); 2] = [
            (
                false,
                "Please pay INV-7\nThank you",
                &[
                    "Please pay INV-7\nThank ",
                    "Please pay INV-7\n",
                    "Please pay INV-7",
                    "Please pay ",
                    "Please ",
                    "",
                ],
            ),
            (
                true,
                "مبلغ ۱۲۰۰ تومان\nبا سپاس",
                &[
                    "مبلغ ۱۲۰۰ تومان\nبا ",
                    "مبلغ ۱۲۰۰ تومان\n",
                    "مبلغ ۱۲۰۰ تومان",
                    "مبلغ ۱۲۰۰ ",
                    "مبلغ ",
                    "",
                ],
            ),
        ];
        for (rtl, text, steps) in cases {
            let mut f = TextField::multi("", rtl);
            type_in(&mut f, text);
            assert_eq!(f.value(), text);
            assert_eq!(all_the_way_back(&mut f), steps);
            assert!(!f.perform(Change::Undo), "nothing more to undo");
            while f.perform(Change::Redo) {}
            assert_eq!(f.value(), text, "redo brings every step back");
            if rtl {
                assert!(
                    f.content.lines().all(|l| l.text.starts_with(RLM)),
                    "the direction marks come back too"
                );
            }
        }
    }

    #[test]
    fn ctrl_z_and_ctrl_y_step_through_the_history_on_either_layout() {
        use iced::keyboard::key::{Code, Physical};
        use iced::keyboard::{Key, Modifiers};
        let press = |typed: &str, code: Code, modifiers: Modifiers, focused: bool| KeyPress {
            key: Key::Character(typed.into()),
            modified_key: Key::Character(typed.into()),
            physical_key: Physical::Code(code),
            modifiers,
            text: None,
            status: if focused {
                Status::Focused { is_hovered: false }
            } else {
                Status::Active
            },
        };
        let ctrl = Modifiers::CTRL;
        let is = |p: KeyPress, want: Option<bool>| {
            let got = history_key(&p).map(|c| matches!(c, Change::Redo));
            assert_eq!(got, want, "{:?} {:?}", p.key, p.modifiers);
        };
        // Latin and Persian layouts: the Z key is «ظ», the Y key «غ».
        for (z, y) in [("z", "y"), ("ظ", "غ")] {
            is(press(z, Code::KeyZ, ctrl, true), Some(false));
            is(
                press(z, Code::KeyZ, ctrl | Modifiers::SHIFT, true),
                Some(true),
            );
            is(press(y, Code::KeyY, ctrl, true), Some(true));
            is(press(z, Code::KeyZ, Modifiers::empty(), true), None);
            is(press(z, Code::KeyZ, ctrl, false), None);
        }
        is(
            press("Z", Code::KeyZ, ctrl | Modifiers::SHIFT, true),
            Some(true),
        );
    }

    #[test]
    fn deleting_is_one_step_and_a_new_edit_ends_the_redo() {
        let mut f = TextField::single("invoice INV-7 is overdue", false);
        f.perform(Action::Move(Motion::DocumentEnd));
        for _ in 0.." is overdue".len() {
            f.perform(Action::Edit(Edit::Backspace));
        }
        assert_eq!(f.value(), "invoice INV-7");
        assert!(f.perform(Change::Undo));
        assert_eq!(
            f.value(),
            "invoice INV-7 is overdue",
            "the whole deletion comes back"
        );
        assert!(f.perform(Change::Redo));
        assert_eq!(f.value(), "invoice INV-7");
        assert!(f.perform(Change::Undo));
        type_in(&mut f, "!");
        assert_eq!(f.value(), "invoice INV-7 is overdue!");
        assert!(
            !f.perform(Change::Redo),
            "typing after an undo drops what was undone"
        );
        assert!(f.perform(Change::Undo));
        assert_eq!(f.value(), "invoice INV-7 is overdue");
        assert!(
            !f.perform(Change::Undo),
            "the starting text is where history begins"
        );
    }

    #[test]
    fn a_move_a_selection_or_a_paste_starts_a_new_step() {
        let mut f = TextField::single("", false);
        type_in(&mut f, "abc");
        f.perform(Action::Move(Motion::Left));
        type_in(&mut f, "X");
        assert_eq!(f.value(), "abXc");
        f.perform(Action::SelectAll);
        f.perform(paste("new"));
        assert_eq!(f.value(), "new");
        assert_eq!(all_the_way_back(&mut f), ["abXc", "abc", ""]);
        // Keys that change nothing leave no step to undo.
        let mut g = TextField::single("x", false);
        g.perform(Action::Move(Motion::DocumentStart));
        g.perform(Action::Edit(Edit::Backspace));
        assert!(!g.perform(Change::Undo));
        assert_eq!(g.value(), "x");
    }

    #[test]
    fn a_value_set_or_replaced_for_the_owner_can_be_undone() {
        let mut f = TextField::multi("مشکل از شماست.", true);
        assert!(f.replace(0..f.value().find(" از").unwrap(), "گفت‌وگو"));
        assert_eq!(f.value(), "گفت‌وگو از شماست.");
        f.set("متن تازه");
        assert_eq!(
            all_the_way_back(&mut f),
            ["گفت‌وگو از شماست.", "مشکل از شماست."]
        );
        assert!(f.perform(Change::Redo));
        assert_eq!(f.value(), "گفت‌وگو از شماست.");
    }

    #[test]
    fn a_persian_field_keeps_its_direction_mark_out_of_the_value() {
        let mut f = TextField::single("", true);
        assert!(f.content.is_empty(), "empty shows the placeholder");
        assert!(f.perform(paste("INV-2041 پرداخت نشده")));
        assert!(f.content.text().starts_with(RLM));
        assert_eq!(f.value(), "INV-2041 پرداخت نشده");
        // The cursor stays after the pasted text, not before the mark that was added.
        assert_eq!(f.cursor().position.column, f.content.text().len());
        // Select all and type: the mark comes back, the value is just the new text.
        f.perform(Action::SelectAll);
        f.perform(Action::Edit(Edit::Insert('۷')));
        assert_eq!(f.value(), "۷");
        assert!(f.content.text().starts_with(RLM));
        // Deleting everything leaves a truly empty field.
        f.perform(Action::SelectAll);
        f.perform(Action::Edit(Edit::Backspace));
        assert!(f.content.is_empty(), "{:?}", f.content.text());
        assert!(!f.perform(Action::Move(iced::widget::text_editor::Motion::Left)));
    }

    /// A card number typed key by key into a Persian field is held left to right on screen
    /// as it grows, the caret stays at its end, and the value is what was typed.
    #[test]
    fn a_card_number_typed_into_a_persian_field_is_shown_in_its_order() {
        let mut f = TextField::multi("", true);
        let typed = "بانک ملت\nشماره کارت: ۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸";
        for c in typed.chars() {
            let edit = if c == '\n' {
                Edit::Enter
            } else {
                Edit::Insert(c)
            };
            assert!(f.perform(Action::Edit(edit)));
            let text = f.content.text();
            let p = f.cursor().position;
            let line = text.split('\n').nth(p.line).unwrap();
            // The caret is after the last character typed, never before it.
            assert_eq!(
                marz::bidi::strip(&line[..p.column]).chars().last(),
                Some(c).filter(|c| *c != '\n'),
                "{line:?} at {}",
                p.column
            );
        }
        assert_eq!(f.value(), typed);
        assert_eq!(
            f.content.text(),
            "\u{200F}بانک ملت\n\u{200F}شماره کارت: \u{2066}۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸\u{2069}"
        );
        // A field opened on a value holds it at once, and gives it back unchanged.
        let opened = TextField::multi(typed, true);
        assert_eq!(opened.content.text(), f.content.text());
        assert_eq!(opened.value(), typed);
    }

    /// Every glyph of every run: (line, start, x, y).
    fn glyphs(buffer: &Buffer) -> Vec<(usize, usize, i32, i32)> {
        buffer
            .layout_runs()
            .flat_map(|run| {
                run.glyphs
                    .iter()
                    .map(move |g| (run.line_i, g.start, g.x.round() as i32, run.line_top as i32))
            })
            .collect()
    }

    #[test]
    fn relaying_out_changed_lines_matches_a_fresh_layout() {
        font_system()
            .write()
            .unwrap()
            .load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_REGULAR));
        let para =
            "\u{200F}این بند برای آزمودن چیدمان است و شماره INV-2041 و مبلغ ۱۲٬۵۰۰٬۰۰۰ را دارد";
        let before = [para, "", para, para].join("\n");
        let mut laid = lay_out(None, before, 420.0, 15.0);
        for after in [
            [para, "", "\u{200F}بند دوم تازه", para].join("\n"),
            [para, "", "\u{200F}بند دوم تازه", para, "", para].join("\n"),
            [para].join("\n"),
            String::new(),
            [para, para].join("\n"),
        ] {
            laid = lay_out(Some(laid), after.clone(), 420.0, 15.0);
            let fresh = lay_out(None, after.clone(), 420.0, 15.0);
            assert_eq!(glyphs(&laid.buffer), glyphs(&fresh.buffer), "{after}");
            assert!(
                glyphs(&fresh.buffer).len() >= after.chars().filter(|c| *c != '\n').count() / 2
            );
        }
    }

    /// Where the widget draws the caret of `field`, laid out `WIDTH` wide.
    fn caret_x(field: &TextField) -> f32 {
        const WIDTH: f32 = 420.0;
        let laid = lay_out(None, field.content.text(), WIDTH, 15.0);
        let empty = field.content.is_empty();
        caret::caret(
            &laid.buffer,
            field.cursor().position.into(),
            field.rtl && empty,
            None,
        )
        .expect("a caret")
        .x
    }

    fn motion(m: iced::widget::text_editor::Motion) -> Action {
        Action::Move(m)
    }

    /// Tried by hand: on a Persian line, Home then Left moved nothing visible (the caret
    /// stepped over the line's invisible direction mark). Each press must move it.
    #[test]
    fn every_arrow_press_moves_the_caret_by_one_visible_character() {
        use iced::widget::text_editor::Motion::{Home, Left, Right};
        font_system()
            .write()
            .unwrap()
            .load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_REGULAR));
        let isolated = marz::bidi::isolate("INV-41");
        for line in [
            "سلام دوست عزیز".to_string(),
            "Hello dear friend".to_string(),
            format!("فاکتور {isolated} مبلغ"),
        ] {
            let visible: Vec<char> = line
                .chars()
                .filter(|c| !marz::bidi::is_direction_mark(*c))
                .collect();
            // In a Persian field every line starts with the direction mark; the caret starts
            // at the end of the second line.
            let fresh = || {
                let mut f = TextField::multi(&format!("سطر یکم\n{line}"), true);
                f.perform(motion(iced::widget::text_editor::Motion::DocumentEnd));
                f
            };

            // Start of the line: Home, then one Left passes the first letter, and a letter
            // typed there lands after it.
            let mut f = fresh();
            f.perform(motion(Home));
            let start = caret_x(&f);
            f.perform(motion(Left));
            assert!(
                (caret_x(&f) - start).abs() > 2.0,
                "{line}: Left moved nothing"
            );
            f.perform(Action::Edit(Edit::Insert('ژ')));
            let typed = marz::bidi::strip(&f.value());
            let typed: Vec<char> = typed.lines().nth(1).unwrap().chars().collect();
            assert_eq!(typed[..2], [visible[0], 'ژ'], "{line}");

            // Every Left press along the line moves the caret, to the end of the line.
            let mut f = fresh();
            f.perform(motion(Home));
            let mut last = caret_x(&f);
            for (i, c) in visible.iter().enumerate() {
                f.perform(motion(Left));
                let x = caret_x(&f);
                assert!(
                    (x - last).abs() > 0.5,
                    "{line}: press {i} (past {c:?}) stayed at {x}"
                );
                last = x;
            }
            assert_eq!(f.cursor().position, fresh().cursor().position, "{line}");

            // End of the line: Right steps back over the last letter, never onto a mark.
            let mut f = fresh();
            let at_end = caret_x(&f);
            f.perform(motion(Right));
            assert!(
                (caret_x(&f) - at_end).abs() > 2.0,
                "{line}: Right moved nothing"
            );

            // At the start, Right goes to the end of the line above, never before the mark.
            let mut f = fresh();
            f.perform(motion(Home));
            f.perform(motion(Right));
            assert_eq!(f.cursor().position.line, 0, "{line}");
            f.perform(motion(Left));
            let p = f.cursor().position;
            assert_eq!((p.line, p.column), (1, RLM.len_utf8()), "{line}");
        }
    }

    /// Every range of a Persian body (lines marked right to left, a ZWNJ, an isolated
    /// value, an empty line) replaced through the editor gives exactly the spliced text,
    /// with the caret just after what was put in.
    #[test]
    fn replacing_a_range_changes_exactly_those_bytes() {
        let value = format!(
            "سلام و وقت‌بخیر\n\nفاکتور {} هنوز مانده است\nINV-7 تا ۱۵ آذر",
            marz::bidi::isolate("INV-2041")
        );
        let bounds: Vec<usize> = (0..=value.len())
            .filter(|&i| value.is_char_boundary(i))
            .collect();
        let mut tried = 0;
        for (n, &from) in bounds.iter().enumerate() {
            for &to in bounds[n..].iter().step_by(3) {
                for with in ["", "خوب", "a\u{200C}b"] {
                    let mut f = TextField::multi(&value, true);
                    let expected = format!("{}{with}{}", &value[..from], &value[to..]);
                    let changed = f.replace(from..to, with);
                    assert!(changed, "{from}..{to}");
                    assert_eq!(f.value(), expected, "{from}..{to} ← {with:?}");
                    assert!(
                        f.content
                            .lines()
                            .all(|l| l.text.is_empty() || l.text.starts_with(RLM)),
                        "{from}..{to}"
                    );
                    // The caret is after the new words: typing goes on from there.
                    f.perform(Action::Edit(Edit::Insert('ژ')));
                    let typed = format!("{}{with}ژ{}", &value[..from], &value[to..]);
                    assert_eq!(f.value(), typed, "{from}..{to} ← {with:?}, then typed");
                    tried += 1;
                }
            }
        }
        assert!(tried > 1000, "{tried}");
        // Not a range of the text: nothing changes.
        let mut f = TextField::multi(&value, true);
        assert!(!f.replace(1..2, "x"), "inside a letter");
        assert!(!f.replace(0..value.len() + 1, "x"));
        assert_eq!(f.value(), value);
        // A one-line field keeps to one line.
        let mut f = TextField::single("موضوع: مهم", true);
        assert!(f.replace(0..0, "بسیار\n"));
        assert_eq!(f.value(), "بسیار موضوع: مهم");
    }

    /// The band behind flagged words sits on those words: at the right-hand end of a
    /// Persian line when they start it, at the left-hand end when they end it.
    #[test]
    fn marks_are_drawn_over_the_words_they_mark_in_a_persian_line() {
        font_system()
            .write()
            .unwrap()
            .load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_REGULAR));
        let line = "مشکل از شماست و باید تا ۱۵ آذر پرداخت شود";
        let field = TextField::multi(line, true);
        let laid = lay_out(None, field.content.text(), 600.0, 15.0);
        let band = |words: &str| {
            let at = line.find(words).unwrap();
            let from = field.position(at, true).unwrap();
            let to = field.position(at + words.len(), false).unwrap();
            let rects = caret::selection(&laid.buffer, from.into(), to.into());
            assert_eq!(rects.len(), 1, "{words}: {rects:?}");
            rects[0]
        };
        let whole = band(line);
        let first = band("مشکل از شماست");
        let last = band("پرداخت شود");
        // The first words of a right-to-left line are at its right end.
        assert!((first.x + first.width - (whole.x + whole.width)).abs() < 1.0);
        assert!(first.width > 40.0 && first.width < whole.width / 2.0);
        assert!((last.x - whole.x).abs() < 1.0, "{last:?} {whole:?}");
        assert!(last.x + last.width < first.x);
    }

    #[test]
    fn one_line_fields_refuse_line_breaks() {
        let mut f = TextField::single("نام", true);
        f.perform(Action::Move(iced::widget::text_editor::Motion::DocumentEnd));
        assert!(!f.perform(Action::Edit(Edit::Enter)));
        f.perform(paste("\nخانوادگی\r\nدوم"));
        assert_eq!(f.value(), "نام خانوادگی  دوم");
        assert_eq!(TextField::single("a\nb", false).value(), "a b");
    }

    #[test]
    fn every_line_of_a_persian_body_is_marked_and_english_is_left_alone() {
        let mut f = TextField::multi("سلام\nINV-2041 پرداخت شود", true);
        assert!(f.content.lines().all(|l| l.text.starts_with(RLM)));
        f.perform(Action::Move(iced::widget::text_editor::Motion::DocumentEnd));
        f.perform(Action::Edit(Edit::Enter));
        f.perform(paste("42 روز"));
        let lines: Vec<String> = f.content.lines().map(|l| l.text.into_owned()).collect();
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.starts_with(RLM)), "{lines:?}");
        assert_eq!(f.value(), "سلام\nINV-2041 پرداخت شود\n42 روز");
        let mut en = TextField::multi("Hello", false);
        en.perform(Action::Move(iced::widget::text_editor::Motion::DocumentEnd));
        en.perform(paste(" there"));
        assert_eq!(en.content.text(), "Hello there");
    }
}
