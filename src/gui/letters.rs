//! The letters screen: the register of every letter that left, newest first, searched as
//! the owner types and filtered by client, situation and status; the follow-ups that are
//! due; and one letter opened exactly as it was sent, to export again under its own number,
//! void (with a reason) or mark its matter resolved.
//!
//! The screen only reads the register (search, filters and the due list are the core's);
//! every change goes to the app as an `Event`.

use super::client_pick::{self, Picker};
use super::clients::Choice;
use super::editor::Change;
use super::editor::TextField;
use super::theme::{self, row_dir};
use super::workspace::Workspace;
use iced::widget::{Space, button, column, container, operation, pick_list, scrollable, text};
use iced::{Element, Length, Task};
use marz::bidi::in_text;
use marz::export::Format;
use marz::i18n::Locale;
use marz::register::{
    Due, Entry, Filter, LetterId, Page, Record, RegisterError, Status, ThreadState,
};
use marz::template::Scenario;
use marz::{Lang, dates};

/// The search box, for focusing it.
pub const SEARCH_ID: &str = "letters_search";
/// The client filter's search box.
pub const CLIENT_SEARCH_ID: &str = "letters_client_search";
/// How many letters the list shows at a time ("more" shows the next ones).
pub const PAGE: usize = 100;
/// How many due follow-ups the list shows.
const DUE_SHOWN: usize = 8;

#[derive(Debug)]
pub struct State {
    search: TextField,
    client: Option<String>,
    scenario: Option<Scenario>,
    status: Option<Status>,
    /// How many letters to show (grows by `PAGE`).
    shown: usize,
    page: Page,
    due: Vec<Due>,
    opened: Option<Opened>,
    /// Why the register could not be read, if it could not.
    trouble: Option<RegisterError>,
    picker: Picker,
}

/// The letter opened, and a void or resolve waiting for confirmation.
#[derive(Debug)]
struct Opened {
    record: Record,
    /// Whether its thread is still open (a resolve is offered).
    open: bool,
    confirm: Option<Confirm>,
    reason: TextField,
    note: TextField,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirm {
    Void,
    Resolve,
}

#[derive(Debug, Clone)]
pub enum Message {
    Search(Change),
    Picker(client_pick::Message),
    Scenario(Option<Scenario>),
    Status(Option<Status>),
    More,
    Open(LetterId),
    Close,
    ExportAgain(Format),
    AskVoid,
    Reason(Change),
    ConfirmVoid,
    AskResolve,
    Note(Change),
    ConfirmResolve,
    Cancel,
    /// Write the next letter of a due follow-up (its index in the due list).
    WriteNext(usize),
}

/// What the app must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// Write the letter again to a file, with its own number.
    ExportAgain(Box<Entry>, Format),
    Void {
        id: LetterId,
        reason: String,
    },
    Resolve {
        id: LetterId,
        note: String,
    },
    /// Open compose on the follow-up's client and suggested letter, in its thread.
    WriteNext(Box<Due>),
}

impl State {
    pub fn new(ui: Lang) -> Self {
        State {
            search: TextField::single("", ui.is_rtl()),
            client: None,
            scenario: None,
            status: None,
            shown: PAGE,
            page: Page {
                entries: Vec::new(),
                total: 0,
            },
            due: Vec::new(),
            opened: None,
            trouble: None,
            picker: Picker::new(CLIENT_SEARCH_ID, ui),
        }
    }

    pub fn set_lang(&mut self, ui: Lang) {
        self.search = self.search.with_rtl(ui.is_rtl());
        self.picker.set_lang(ui);
    }

    /// The filter on screen, for the core's search.
    pub fn filter(&self) -> Filter {
        let search = self.search.value();
        Filter {
            client: self.client.clone(),
            scenario: self.scenario,
            status: self.status,
            thread: None,
            search: (!search.trim().is_empty()).then_some(search),
        }
    }

    #[cfg(test)]
    pub fn entries(&self) -> &[Entry] {
        &self.page.entries
    }

    #[cfg(test)]
    pub fn due(&self) -> &[Due] {
        &self.due
    }

    /// The letter opened, if any.
    #[cfg(test)]
    pub fn opened(&self) -> Option<&Record> {
        self.opened.as_ref().map(|o| &o.record)
    }

    /// Reads the list, the due follow-ups and the opened letter again (after the register
    /// changed, or the screen was shown). Before the register is open there is nothing yet.
    pub fn refresh(&mut self, ws: &Workspace) {
        let Some(register) = ws.register() else {
            return;
        };
        self.trouble = None;
        match register.list(&self.filter(), 0, self.shown) {
            Ok(page) => self.page = page,
            Err(e) => self.trouble = Some(e),
        }
        match register.due_first(ws.date, None, DUE_SHOWN) {
            Ok(due) => self.due = due,
            Err(e) => self.trouble = Some(e),
        }
        if let Some(id) = self.opened.as_ref().map(|o| o.record.entry.id) {
            self.open(id, ws);
        }
    }

    /// Opens a letter (or shows why it cannot be read).
    fn open(&mut self, id: LetterId, ws: &Workspace) {
        let Some(register) = ws.register() else {
            return;
        };
        let found = register.record(id).and_then(|record| {
            let thread = register.thread(record.entry.thread, ws.date)?;
            Ok((record, thread.state == ThreadState::Open))
        });
        match found {
            Ok((record, open)) => {
                let rtl = self.search.is_rtl();
                let same = self
                    .opened
                    .as_ref()
                    .is_some_and(|o| o.record.entry.id == id);
                let (confirm, reason, note) = match self.opened.take() {
                    Some(o) if same => (o.confirm, o.reason, o.note),
                    _ => (None, TextField::single("", rtl), TextField::single("", rtl)),
                };
                self.opened = Some(Opened {
                    record,
                    open,
                    confirm,
                    reason,
                    note,
                });
            }
            Err(e) => {
                self.opened = None;
                self.trouble = Some(e);
            }
        }
    }

    /// Shows the list and opens letter `id` (from a client's timeline).
    pub fn show(&mut self, id: LetterId, ws: &Workspace) {
        self.refresh(ws);
        self.open(id, ws);
    }

    /// After the app voided or resolved the opened letter: its confirmation closes.
    pub fn done(&mut self, ws: &Workspace) {
        if let Some(o) = &mut self.opened {
            o.confirm = None;
        }
        self.refresh(ws);
    }

    pub fn update(&mut self, message: Message, ws: &Workspace) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Search(action) => {
                if !self.search.perform(action) {
                    return (Task::none(), None);
                }
                self.shown = PAGE;
            }
            Message::Picker(m) => {
                let (task, picked) = self.picker.update(m);
                let Some(client) = picked else {
                    return (task.map(Message::Picker), None);
                };
                self.client = client;
                self.shown = PAGE;
            }
            Message::Scenario(s) => self.scenario = s,
            Message::Status(s) => self.status = s,
            Message::More => self.shown += PAGE,
            Message::Open(id) => {
                self.open(id, ws);
                return (Task::none(), None);
            }
            Message::Close => {
                self.opened = None;
                return (Task::none(), None);
            }
            Message::ExportAgain(format) => {
                let event = self
                    .opened
                    .as_ref()
                    .map(|o| Event::ExportAgain(Box::new(o.record.entry.clone()), format));
                return (Task::none(), event);
            }
            Message::AskVoid | Message::AskResolve => {
                let ask = if matches!(message, Message::AskVoid) {
                    Confirm::Void
                } else {
                    Confirm::Resolve
                };
                if let Some(o) = &mut self.opened {
                    o.confirm = Some(ask);
                }
                return (Task::none(), None);
            }
            Message::Reason(action) => {
                if let Some(o) = &mut self.opened {
                    o.reason.perform(action);
                }
                return (Task::none(), None);
            }
            Message::Note(action) => {
                if let Some(o) = &mut self.opened {
                    o.note.perform(action);
                }
                return (Task::none(), None);
            }
            Message::Cancel => {
                if let Some(o) = &mut self.opened {
                    o.confirm = None;
                }
                return (Task::none(), None);
            }
            Message::ConfirmVoid => {
                // The core refuses an empty reason; the button waits for one.
                let event = self.opened.as_ref().and_then(|o| {
                    let reason = o.reason.value();
                    (!reason.trim().is_empty()).then_some(Event::Void {
                        id: o.record.entry.id,
                        reason,
                    })
                });
                return (Task::none(), event);
            }
            Message::ConfirmResolve => {
                let event = self.opened.as_ref().map(|o| Event::Resolve {
                    id: o.record.entry.id,
                    note: o.note.value(),
                });
                return (Task::none(), event);
            }
            Message::WriteNext(i) => {
                let event = self
                    .due
                    .get(i)
                    .cloned()
                    .map(|d| Event::WriteNext(Box::new(d)));
                return (Task::none(), event);
            }
        }
        self.refresh(ws);
        (Task::none(), None)
    }

    /// Ctrl+F on this screen: the search box.
    pub fn focus_search() -> Task<Message> {
        operation::focus(SEARCH_ID)
    }

    pub fn view<'a>(&'a self, ui: Lang, ws: &'a Workspace) -> Element<'a, Message> {
        let list = column![
            self.filters(ui, ws),
            scrollable(self.list(ui, ws).padding([0, 12])).height(Length::Fill)
        ]
        .align_x(theme::start(ui))
        .spacing(10)
        .width(Length::FillPortion(2));
        let detail: Element<'a, Message> = match &self.opened {
            Some(o) => scrollable(self.detail(ui, o).padding([0, 12])).into(),
            None => Space::new().into(),
        };
        row_dir(
            ui,
            vec![
                list.into(),
                container(detail).width(Length::FillPortion(3)).into(),
            ],
        )
        .spacing(16)
        .height(Length::Fill)
        .into()
    }

    /// The search box and the three filters.
    fn filters<'a>(&'a self, ui: Lang, ws: &'a Workspace) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let search = self
            .search
            .view(Message::Search)
            .id(SEARCH_ID)
            .placeholder(l.text("letters-search"))
            .padding(8);
        let all = || l.text("letters-all");
        let client = self
            .picker
            .view(
                ui,
                ws,
                self.client.as_deref(),
                l.text("letters-all-clients"),
                Some(l.text("letters-all-clients")),
            )
            .map(Message::Picker);
        let scenario = filter_pick(
            l.text("letters-all-situations"),
            Scenario::ALL.map(|s| (s, l.text(&format!("scenario-{}", s.code())))),
            self.scenario,
            Message::Scenario,
        );
        let status = filter_pick(
            all(),
            [Status::Sent, Status::Void, Status::Resolved]
                .map(|s| (s, l.text(&format!("letters-status-{}", s.code())))),
            self.status,
            Message::Status,
        );
        column![
            search,
            row_dir(ui, vec![scenario, status]).spacing(6),
            client,
        ]
        .spacing(6)
        .into()
    }

    /// The due follow-ups, then the letters.
    fn list<'a>(&'a self, ui: Lang, ws: &'a Workspace) -> iced::widget::Column<'a, Message> {
        let l = Locale::get(ui);
        let mut items = column![].spacing(4).align_x(theme::start(ui));
        if let Some(e) = &self.trouble {
            items = items.push(
                container(theme::line(ui, l.problem(e)))
                    .padding(6)
                    .style(theme::notice(false)),
            );
        }
        if !self.due.is_empty() {
            let mut due = column![theme::heading(ui, l.text("letters-due"))]
                .align_x(theme::start(ui))
                .spacing(4);
            for (i, d) in self.due.iter().enumerate() {
                due = due.push(
                    button(due_line(ui, ws, d))
                        .width(Length::Fill)
                        .style(button::text)
                        .on_press(Message::WriteNext(i)),
                );
            }
            items = items.push(container(due).padding(8).style(theme::card));
        }
        let heading = l.text_with("letters-count", &[("count", &l.number(self.page.total))]);
        items = items.push(theme::label(ui, heading));
        if self.page.total == 0 && ws.register().is_some() {
            let empty = if self.filter() == Filter::default() {
                "letters-empty"
            } else {
                "letters-none-found"
            };
            items = items.push(theme::line(ui, l.text(empty)));
        }
        let opened = self.opened.as_ref().map(|o| o.record.entry.id);
        for e in &self.page.entries {
            items = items.push(
                button(entry_view(ui, ws, e))
                    .width(Length::Fill)
                    .style(if opened == Some(e.id) {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Open(e.id)),
            );
        }
        if self.page.entries.len() < self.page.total {
            items = items.push(
                button(text(l.text("letters-more")))
                    .style(button::secondary)
                    .on_press(Message::More),
            );
        }
        items
    }

    /// One letter: what it is, its text as sent, and what can be done with it.
    fn detail<'a>(&'a self, ui: Lang, o: &'a Opened) -> iced::widget::Column<'a, Message> {
        let l = Locale::get(ui);
        let r = &o.record;
        let e = &r.entry;
        let mut lines: Vec<String> = Vec::new();
        let mut fact = |key: &str, value: String| lines.push(format!("{} {}", l.text(key), value));
        fact("letters-number", in_text(&e.number, ui));
        fact("letters-date", dates::format(e.date, ui));
        fact("letters-to", in_text(&e.addressee, ui));
        fact(
            "letters-went",
            l.text(&format!("letters-sent-as-{}", e.sent_as)),
        );
        fact(
            "letters-status",
            l.text(&format!("letters-status-{}", e.status.code())),
        );
        if let Some(reason) = &r.void_reason {
            fact("letters-void-reason", in_text(reason, ui));
        }
        if let Some(on) = r.resolved_on {
            fact("letters-resolved-on", dates::format(on, ui));
        }
        if let Some(note) = &r.resolution_note {
            fact("letters-resolution-note", in_text(note, ui));
        }
        if let (Some(follow_up), true) = (e.follow_up, o.open) {
            fact("letters-follow-up", dates::format(follow_up, ui));
        }
        let mut facts = column![theme::heading(ui, e.subject.clone())]
            .align_x(theme::start(ui))
            .spacing(2);
        for line in lines {
            facts = facts.push(theme::line(ui, line));
        }
        // The file on its own line: a long path would wrap the line above.
        if let Some(path) = &e.path {
            facts = facts.push(theme::label(ui, theme::ltr_value(path)));
        }

        // The text exactly as it left, line by line in the letter's direction.
        let mut sheet = column![].spacing(2).padding(20);
        for line in r.text.trim_end().split('\n') {
            sheet = sheet.push(theme::line(e.lang, line.to_string()));
        }
        let sheet = container(sheet).style(theme::paper).width(Length::Fill);

        let full = r.letter.is_some();
        let exports = row_dir(
            ui,
            vec![
                button(text(l.text("letters-export-pdf")))
                    .on_press_maybe(full.then_some(Message::ExportAgain(Format::Pdf)))
                    .into(),
                button(text(l.text("letters-export-text")))
                    .style(button::secondary)
                    .on_press(Message::ExportAgain(Format::Text))
                    .into(),
                button(text(l.text("letters-export-eml")))
                    .style(button::secondary)
                    .on_press_maybe(full.then_some(Message::ExportAgain(Format::Eml)))
                    .into(),
            ],
        )
        .spacing(8);
        let mut actions = column![theme::label(ui, l.text("letters-export-again")), exports]
            .align_x(theme::start(ui))
            .spacing(6);
        match o.confirm {
            Some(Confirm::Void) => {
                let ready = !o.reason.value().trim().is_empty();
                actions = ask(
                    actions,
                    ui,
                    l.text("letters-void-confirm"),
                    o.reason
                        .view(Message::Reason)
                        .placeholder(l.text("letters-void-reason-hint"))
                        .padding(8),
                    button(text(l.text("letters-void-yes")))
                        .style(button::danger)
                        .on_press_maybe(ready.then_some(Message::ConfirmVoid)),
                );
            }
            Some(Confirm::Resolve) => {
                actions = ask(
                    actions,
                    ui,
                    l.text("letters-resolve-confirm"),
                    o.note
                        .view(Message::Note)
                        .placeholder(l.text("letters-resolve-note-hint"))
                        .padding(8),
                    button(text(l.text("letters-resolve-yes"))).on_press(Message::ConfirmResolve),
                );
            }
            None => {
                let mut buttons: Vec<Element<'a, Message>> = Vec::new();
                if o.open && e.status == Status::Sent {
                    buttons.push(
                        button(text(l.text("letters-resolve")))
                            .on_press(Message::AskResolve)
                            .into(),
                    );
                }
                if e.status != Status::Void {
                    buttons.push(
                        button(text(l.text("letters-void")))
                            .style(button::danger)
                            .on_press(Message::AskVoid)
                            .into(),
                    );
                }
                buttons.push(
                    button(text(l.text("letters-close")))
                        .style(button::text)
                        .on_press(Message::Close)
                        .into(),
                );
                actions = actions.push(row_dir(ui, buttons).spacing(8));
            }
        }
        column![facts, actions, sheet]
            .align_x(theme::start(ui))
            .spacing(12)
    }
}

/// A filter's list: `all` (no filter) first, then each value under its label.
fn filter_pick<'a, T: PartialEq + Clone + 'a>(
    all: String,
    values: impl IntoIterator<Item = (T, String)>,
    selected: Option<T>,
    on_pick: impl Fn(Option<T>) -> Message + 'a,
) -> Element<'a, Message> {
    let mut choices = vec![Choice::new(None, all)];
    choices.extend(
        values
            .into_iter()
            .map(|(value, label)| Choice::new(Some(value), label)),
    );
    let selected = Choice::selected(&choices, selected);
    pick_list(choices, selected, move |c| on_pick(c.value))
        .width(Length::Fill)
        .into()
}

/// A confirmation under the actions: the question, the field for the owner's answer, and
/// the row that confirms with `yes` or cancels.
fn ask<'a>(
    actions: iced::widget::Column<'a, Message>,
    ui: Lang,
    question: String,
    answer: impl Into<Element<'a, Message>>,
    yes: iced::widget::Button<'a, Message>,
) -> iced::widget::Column<'a, Message> {
    actions
        .push(theme::line(ui, question))
        .push(answer)
        .push(confirm_row(ui, yes))
}

fn confirm_row<'a>(
    ui: Lang,
    yes: iced::widget::Button<'a, Message>,
) -> iced::widget::Row<'a, Message> {
    let l = Locale::get(ui);
    row_dir(
        ui,
        vec![
            yes.into(),
            button(text(l.text("clients-cancel")))
                .style(button::secondary)
                .on_press(Message::Cancel)
                .into(),
        ],
    )
    .spacing(8)
}

/// A client's name as the register knows them: their addressed name from their file, else
/// the addressee the letter named.
fn client_name(ws: &Workspace, id: &str, addressee: &str) -> String {
    match ws.client(id) {
        Some(c) => c.addressed_name(c.language),
        None if !addressee.is_empty() => addressee.to_string(),
        None => id.to_string(),
    }
}

/// One line of the register: number and date, then whom and what, then its status.
pub fn entry_view<'a, M: 'a>(ui: Lang, ws: &Workspace, e: &Entry) -> Element<'a, M> {
    let l = Locale::get(ui);
    let mut top = format!("{} — {}", in_text(&e.number, ui), dates::format(e.date, ui));
    if e.status != Status::Sent {
        top = format!(
            "{top} — {}",
            l.text(&format!("letters-status-{}", e.status.code()))
        );
    }
    // Whom and what on lines of their own: short lines do not wrap (a wrapped right-to-left
    // line with a number in it can overflow its box in iced 0.14).
    column![
        container(text(top).font(theme::BOLD).size(14))
            .width(Length::Fill)
            .align_x(theme::start(ui)),
        theme::label(ui, client_name(ws, &e.client, &e.addressee)),
        theme::line(ui, e.subject.clone()),
    ]
    .into()
}

/// One due follow-up: whom, the letter that went unanswered, how late, what comes next.
fn due_line<'a>(ui: Lang, ws: &Workspace, d: &Due) -> Element<'a, Message> {
    let l = Locale::get(ui);
    let whom = in_text(&client_name(ws, &d.client, &d.addressee), ui);
    let next = template_name(ui, ws, &d.suggest, d.lang);
    column![
        container(text(whom).font(theme::BOLD).size(14))
            .width(Length::Fill)
            .align_x(theme::start(ui)),
        // Short lines: a right-to-left line that wraps around a number can overflow its box
        // in iced 0.14 (see the README's known limits).
        theme::line(
            ui,
            l.text_with(
                "letters-due-last",
                &[
                    ("number", &in_text(&d.last_number, ui)),
                    ("date", &dates::format(d.last_date, ui)),
                ],
            ),
        ),
        theme::line(
            ui,
            l.text_with("letters-due-late", &[("days", &l.number(d.overdue_days))]),
        ),
        theme::line(ui, l.text_with("letters-due-next", &[("next", &next)])),
    ]
    .into()
}

/// A template named in the interface language: its situation and level («پیگیری پرداخت،
/// سطح ۲»); the template's own title is in the letter's language.
pub fn template_name(ui: Lang, ws: &Workspace, id: &str, lang: Lang) -> String {
    let l = Locale::get(ui);
    let Some(t) = ws.library.get(id, lang) else {
        return in_text(id, ui);
    };
    let situation = l.text(&format!("scenario-{}", t.meta.scenario.code()));
    match t.meta.level {
        Some(level) => l.text_with(
            "letters-template-level",
            &[("situation", &situation), ("level", &l.number(level))],
        ),
        None => situation,
    }
}
