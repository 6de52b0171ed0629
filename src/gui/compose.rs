//! The compose screen: pick a client, a situation and how firm to be; fill the form built
//! from the template's inputs; read the letter take shape, edit the text, and export.
//!
//! What the preview shows is always the letter for what is on screen now: a complete letter,
//! a draft whose missing inputs show as highlighted placeholders, or the problem that stops
//! the letter. Only a complete letter can be exported, copied or mailed.

use super::client_pick::{self, Picker};
use super::clients::Choice;
use super::editor::Change;
use super::editor::{self, TextField};
use super::findings::{self, Findings, Part};
use super::page_preview;
use super::theme::{self, row_dir};
use super::workspace::Workspace;
use iced::widget::{
    Space, button, checkbox, column, container, mouse_area, operation, pick_list, rich_text,
    scrollable, span, text,
};
use iced::{Element, Length, Task};
use marz::export::Format;
use marz::i18n::Locale;
use marz::numbers::Decimal;
use marz::profile::Client;
use marz::register::{Continuation, Due, ThreadPick};
use marz::render::{self, Composed, Draft, InputError, RenderError};
use marz::template::{InputKind, InputSpec, Scenario, Template};
use marz::{Lang, Letter, dates};
use std::collections::BTreeMap;

/// The subject field, for focusing it.
pub const SUBJECT_ID: &str = "compose-subject";
/// The client picker's search box.
pub const CLIENT_SEARCH_ID: &str = "compose_client_search";
/// The letter body once "Edit text" made it editable.
pub const BODY_ID: &str = "compose_body";
/// The sheet of paper the letter is shown on (it scrolls).
const SHEET_ID: &str = "compose_sheet";

/// Whose letter, in which language, from which template: each has its own form.
type FormKey = (String, Lang, String);

/// What the owner typed for one client and template. Kept while the app runs, so switching
/// situation, level or client and back loses nothing.
#[derive(Debug, Clone)]
struct Form {
    values: BTreeMap<String, TextField>,
    /// The subject line: the template's until the owner edits it.
    subject: TextField,
    subject_edited: bool,
    /// The owner's own text, once they chose "Edit text".
    body: Option<TextField>,
}

impl Form {
    /// A form pre-filled from the client's facts (a fact named like an input).
    fn new(client: &Client, template: &Template) -> Self {
        let rtl = template.lang.is_rtl();
        Form {
            values: template
                .meta
                .inputs
                .iter()
                .map(|i| {
                    let fact = client.facts.get(&i.name).map_or("", String::as_str);
                    (i.name.clone(), input_field(i, fact, rtl))
                })
                .collect(),
            subject: TextField::single("", rtl),
            subject_edited: false,
            body: None,
        }
    }

    fn values(&self) -> BTreeMap<String, String> {
        self.values
            .iter()
            .map(|(name, field)| (name.clone(), field.value()))
            .collect()
    }
}

/// The field of one input: several lines for a `multiline` input (a list, the payment
/// details), so a value of several lines stays as it was typed or recorded; one line else.
fn input_field(spec: &InputSpec, value: &str, rtl: bool) -> TextField {
    if spec.kind == InputKind::Multiline {
        TextField::multi(value, rtl)
    } else {
        TextField::single(value, rtl)
    }
}

/// Why there is no letter to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    NoClient,
    /// The owner's details cannot be read (the workspace says why).
    NoSender,
    /// No template of the situation in the client's language.
    NoTemplate,
    /// The template cannot be rendered.
    Broken(RenderError),
}

/// Something the letter still needs before it can leave.
#[derive(Debug, Clone, PartialEq)]
pub enum Need {
    /// An input that is missing or does not parse.
    Input(InputError),
    /// A placeholder («[نرخ تازه]») still in the owner's own subject or text.
    Placeholder(String),
}

/// The letter for what is on screen now.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    Blocked(Blocker),
    Draft { letter: Letter, needs: Vec<Need> },
    Complete(Letter),
}

impl Preview {
    /// The letter on screen, complete or not.
    pub fn letter(&self) -> Option<&Letter> {
        match self {
            Preview::Complete(letter) | Preview::Draft { letter, .. } => Some(letter),
            Preview::Blocked(_) => None,
        }
    }

    /// The letter, if it may leave.
    pub fn complete(&self) -> Option<&Letter> {
        match self {
            Preview::Complete(letter) => Some(letter),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct State {
    client: Option<String>,
    scenario: Scenario,
    /// The template picked in each situation, by id (the same id in both languages).
    chosen: BTreeMap<Scenario, String>,
    forms: BTreeMap<FormKey, Form>,
    confirm_regenerate: bool,
    preview: Preview,
    findings: Findings,
    mailing: Mailing,
    /// The open thread the letter on screen continues, if any; see `thread`.
    thread: Thread,
    picker: Picker,
    /// The letter as it will print, shown instead of the text when `show_page` is set.
    page: page_preview::State,
    show_page: bool,
    /// Whether this letter carries the owner's signature and stamp images (when they have
    /// them): the page preview and every export follow the same two flags.
    with_signature: bool,
    with_stamp: bool,
}

/// How the letter goes out by e-mail (the mail program and .eml export): the owner's choice,
/// kept while the app runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mailing {
    /// Attach the letter as a PDF; the body is then the cover note …
    pub attach_pdf: bool,
    /// … unless the letter's text goes as the body too.
    pub letter_body: bool,
}

/// The register's side of the letter on screen: the open thread it continues (the letter it
/// cites, «پیرو», and the values it starts from), looked up again only when the client,
/// template, invoice or register changes.
#[derive(Debug, Default)]
struct Thread {
    found: Option<Continuation>,
    /// What `found` was looked up for: client, language, template, invoice, asked thread.
    key: Option<(String, Lang, String, String, ThreadPick)>,
    /// The thread asked for (a due follow-up's), else `Auto`.
    pick: ThreadPick,
    /// The owner chose to start a new thread instead of continuing the open one.
    new: bool,
}

#[derive(Debug, Clone)]
pub enum Message {
    Client(String),
    Picker(client_pick::Message),
    Scenario(Scenario),
    Template(String),
    Input(String, Change),
    Choose(String, String),
    Subject(Change),
    EditText,
    Body(Change),
    Regenerate,
    ConfirmRegenerate,
    CancelRegenerate,
    Apply(usize),
    /// Select a finding's words in the field that holds them, and scroll them into view.
    Show(usize),
    Export(Format),
    Copy,
    Mail,
    AttachPdf(bool),
    LetterBody(bool),
    /// Start a new thread (`true`) or continue the open one.
    NewThread(bool),
    Print,
    /// Text (`false`) or the printed page (`true`).
    ShowPage(bool),
    Page(page_preview::Message),
    Signature(bool),
    Stamp(bool),
}

/// What the parent must do. Only a complete letter is ever handed over.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// An .eml goes out as `Mailing` says; the other formats ignore it.
    Export(Box<Letter>, Format, Mailing),
    Print(Box<Letter>),
    Copy(Box<Letter>),
    Mail(Box<Letter>, Mailing),
}

impl Default for State {
    fn default() -> Self {
        State {
            client: None,
            scenario: Scenario::Payment,
            chosen: BTreeMap::new(),
            forms: BTreeMap::new(),
            confirm_regenerate: false,
            preview: Preview::Blocked(Blocker::NoClient),
            findings: Findings::default(),
            mailing: Mailing::default(),
            thread: Thread::default(),
            picker: Picker::new(CLIENT_SEARCH_ID, Lang::Fa),
            page: page_preview::State::default(),
            show_page: false,
            with_signature: true,
            with_stamp: true,
        }
    }
}

impl State {
    /// A compose screen writing to `client`, if any.
    pub fn new(client: Option<String>, ws: &Workspace) -> Self {
        let mut state = State {
            client,
            ..State::default()
        };
        state.refresh(ws);
        state
    }

    /// The client picker's search box follows the interface's direction.
    pub fn set_lang(&mut self, ui: Lang) {
        self.picker.set_lang(ui);
    }

    pub fn preview(&self) -> &Preview {
        &self.preview
    }

    /// Writes to another client.
    pub fn write_to(&mut self, client: String, ws: &Workspace) {
        self.client = Some(client);
        self.preselect(ws);
        self.refresh(ws);
    }

    /// Starts on `client` once the clients are read, unless the owner already chose one.
    pub fn start_with(&mut self, client: String, ws: &Workspace) {
        if self.client.is_none() {
            self.write_to(client, ws);
        }
    }

    /// Writes the next letter of a due follow-up: its client, the suggested template, in its
    /// thread.
    pub fn write_next(&mut self, due: &Due, ws: &Workspace) {
        self.client = Some(due.client.clone());
        if let Some(t) = ws.library.get(&due.suggest, due.lang) {
            self.scenario = t.meta.scenario;
            self.chosen.insert(t.meta.scenario, due.suggest.clone());
        }
        self.thread = Thread {
            pick: ThreadPick::Thread(due.thread),
            ..Thread::default()
        };
        self.refresh(ws);
    }

    /// The register opened (at start): the first client's open thread preselects its level.
    pub fn register_opened(&mut self, ws: &Workspace) {
        self.preselect(ws);
        self.register_changed(ws);
    }

    /// After the register changed: the thread is looked up again.
    pub fn register_changed(&mut self, ws: &Workspace) {
        self.thread.key = None;
        self.refresh(ws);
    }

    /// The thread the letter on screen joins when it leaves: the one it cites, or a new one
    /// (a letter that cites nothing starts its own thread, as the preview shows).
    pub fn thread_pick(&self) -> ThreadPick {
        match self.continues() {
            Some(c) => c.pick(),
            None => ThreadPick::New,
        }
    }

    /// The open thread the letter continues, unless the owner chose a new one.
    fn continues(&self) -> Option<&Continuation> {
        self.thread.found.as_ref().filter(|_| !self.thread.new)
    }

    /// When the client has an open thread in the situation, the level that follows its last
    /// letter is chosen (the register suggests it); the owner may pick another.
    fn preselect(&mut self, ws: &Workspace) {
        self.thread = Thread::default();
        let (Some(client), Some(template), Some(register)) =
            (self.current_client(ws), self.template(ws), ws.register())
        else {
            return;
        };
        let Ok(Some(open)) = register.open_thread_for(&client.id, template, None, ws.date) else {
            return;
        };
        if let Some(next) = open.suggest
            && self.choices(ws).iter().any(|t| t.id() == next)
        {
            self.chosen.insert(self.scenario, next);
        }
    }

    /// After a client was deleted: a letter to them is no longer on screen.
    pub fn forget(&mut self, client: &str, ws: &Workspace) {
        if self.client.as_deref() == Some(client) {
            self.client = None;
        }
        self.forms.retain(|key, _| key.0 != client);
        self.refresh(ws);
    }

    /// The chosen template in the client's language: the one picked in this situation,
    /// else the situation's first.
    fn template<'a>(&self, ws: &'a Workspace) -> Option<&'a Template> {
        let choices = self.choices(ws);
        self.chosen
            .get(&self.scenario)
            .and_then(|id| choices.iter().find(|t| t.id() == id))
            .or(choices.first())
            .copied()
    }

    /// The templates of the chosen situation, in the client's language.
    fn choices<'a>(&self, ws: &'a Workspace) -> Vec<&'a Template> {
        let lang = self.current_client(ws).map_or(Lang::Fa, |c| c.language);
        ws.library.in_scenario(self.scenario, lang)
    }

    fn current_client<'a>(&self, ws: &'a Workspace) -> Option<&'a Client> {
        ws.client(self.client.as_deref()?)
    }

    fn key(&self, ws: &Workspace) -> Option<FormKey> {
        let client = self.current_client(ws)?;
        let template = self.template(ws)?;
        Some((client.id.clone(), template.lang, template.id().to_string()))
    }

    fn form(&self, ws: &Workspace) -> Option<&Form> {
        self.forms.get(&self.key(ws)?)
    }

    fn form_mut(&mut self, ws: &Workspace) -> Option<&mut Form> {
        let key = self.key(ws)?;
        self.forms.get_mut(&key)
    }

    /// Builds the letter again for what is on screen now, and checks its tone.
    pub fn refresh(&mut self, ws: &Workspace) {
        self.preview = self.compose(ws);
        self.findings = self
            .preview
            .letter()
            .map(Findings::check)
            .unwrap_or_default();
    }

    fn compose(&mut self, ws: &Workspace) -> Preview {
        let Some(client) = self.current_client(ws) else {
            return Preview::Blocked(Blocker::NoClient);
        };
        let Some(sender) = ws.sender() else {
            return Preview::Blocked(Blocker::NoSender);
        };
        let Some(template) = self.template(ws) else {
            return Preview::Blocked(Blocker::NoTemplate);
        };
        let key = (client.id.clone(), template.lang, template.id().to_string());
        let form = self
            .forms
            .entry(key.clone())
            .or_insert_with(|| Form::new(client, template));
        let invoice = form.values.get("invoice").map(TextField::value);
        let thread_key = (
            key.0,
            key.1,
            key.2,
            invoice.unwrap_or_default(),
            self.thread.pick,
        );
        if self.thread.key.as_ref() != Some(&thread_key) {
            let given = form.values();
            self.thread.found = ws.register().and_then(|r| {
                r.continuation(
                    template,
                    &client.id,
                    &given,
                    &client.facts,
                    self.thread.pick,
                    ws.date,
                )
                .ok()
                .flatten()
            });
            self.thread.key = Some(thread_key);
            // The values of the letter it follows fill what the owner has not typed (a
            // field still empty or holding the client's fact), as `marz render` does.
            if let Some(c) = &self.thread.found {
                for (name, value) in &c.values {
                    if let Some(field) = form.values.get_mut(name) {
                        let shown = field.value();
                        let fact = client.facts.get(name).map_or("", String::as_str);
                        if shown.trim().is_empty() || shown == fact {
                            field.set(&as_typed(template, name, value));
                        }
                    }
                }
            }
        }
        let values = form.values();
        let draft = Draft {
            template,
            client,
            sender,
            values: &values,
            date: ws.date,
            number: ws.next_number(template.lang),
        };
        let (mut letter, mut needs) = match render::compose(&draft) {
            Composed::Complete(letter) => (letter, Vec::new()),
            Composed::Draft { letter, needs } => {
                (letter, needs.into_iter().map(Need::Input).collect())
            }
            Composed::Broken(e) => return Preview::Blocked(Blocker::Broken(e)),
        };
        // «پیرو نامه شماره … مورخ …»: the line the letter leaves with.
        if let Some(c) = self.thread.found.as_ref().filter(|_| !self.thread.new) {
            c.cite(&mut letter);
        }
        // The owner's own subject and text stand in for the template's.
        let rtl = letter.lang.is_rtl();
        if form.subject_edited {
            letter.set_subject(&form.subject.value());
        } else if form.subject.value() != marz::bidi::unhold(&letter.subject)
            || form.subject.is_rtl() != rtl
        {
            form.subject = TextField::single(&letter.subject, rtl);
        }
        if let Some(body) = &form.body {
            letter.set_body(body.value().trim_end());
        }
        letter.with_signature = self.with_signature;
        letter.with_stamp = self.with_stamp;
        // A placeholder copied into the owner's own words would leave with the letter.
        for spec in &template.meta.inputs {
            let shown = render::placeholder(&spec.label);
            let in_subject = form.subject_edited && letter.subject.contains(&shown);
            let in_body = form.body.is_some() && letter.body.contains(&shown);
            if in_subject || in_body {
                needs.push(Need::Placeholder(shown));
            }
        }
        if needs.is_empty() {
            Preview::Complete(letter)
        } else {
            Preview::Draft { letter, needs }
        }
    }

    /// Asks the page preview (when shown) for the letter on screen now; `wait` while the
    /// owner is typing. The app calls it after it refreshed the screen itself.
    pub fn page_task(&mut self, ws: &Workspace, wait: bool) -> Task<Message> {
        if !self.show_page {
            return Task::none();
        }
        self.page
            .show(self.preview.letter(), &ws.exporter(), wait)
            .map(Message::Page)
    }

    /// The page preview's pages, as drawn.
    #[allow(dead_code)] // for tests
    pub fn page_images(&self) -> &[marz::pdf::PageImage] {
        self.page.images()
    }

    /// Whether the page preview is shown and shows the letter on screen now.
    #[allow(dead_code)] // for tests and benches/gui.rs
    pub fn page_is_current(&self) -> bool {
        self.show_page && self.page.is_current()
    }

    pub fn update(&mut self, message: Message, ws: &Workspace) -> (Task<Message>, Option<Event>) {
        let mut task = Task::none();
        let mut wait = true;
        match message {
            Message::Client(id) => {
                self.client = Some(id);
                self.preselect(ws);
            }
            Message::Picker(m) => {
                let (task, picked) = self.picker.update(m);
                let task = task.map(Message::Picker);
                match picked {
                    Some(Some(id)) => {
                        return (
                            Task::batch([task, self.update(Message::Client(id), ws).0]),
                            None,
                        );
                    }
                    _ => return (task, None),
                }
            }
            Message::Scenario(s) => {
                self.scenario = s;
                self.preselect(ws);
            }
            Message::NewThread(new) => self.thread.new = new,
            Message::Template(id) => {
                self.chosen.insert(self.scenario, id);
            }
            Message::Input(name, action) => {
                let changed = self
                    .form_mut(ws)
                    .and_then(|f| f.values.get_mut(&name))
                    .is_some_and(|field| field.perform(action));
                if !changed {
                    // Cursor moves and selections change no letter: no new render.
                    return (Task::none(), None);
                }
            }
            Message::Choose(name, value) => {
                if let Some(field) = self.form_mut(ws).and_then(|f| f.values.get_mut(&name)) {
                    field.set(&value);
                }
            }
            Message::Subject(action) => {
                let Some(form) = self.form_mut(ws) else {
                    return (Task::none(), None);
                };
                if !form.subject.perform(action) {
                    return (Task::none(), None);
                }
                form.subject_edited = true;
            }
            Message::EditText => {
                // The owner edits a complete letter: a draft's placeholders would become
                // their own words.
                let Some(letter) = self.preview.complete().cloned() else {
                    return (Task::none(), None);
                };
                if let Some(form) = self.form_mut(ws) {
                    form.body = Some(TextField::multi(&letter.body, letter.lang.is_rtl()));
                    task = operation::focus(BODY_ID);
                }
                // The text is edited on the text sheet.
                self.show_page = false;
            }
            Message::Body(action) => {
                let edited = self
                    .form_mut(ws)
                    .and_then(|f| f.body.as_mut())
                    .is_some_and(|body| body.perform(action));
                if !edited {
                    return (Task::none(), None);
                }
            }
            Message::Regenerate => self.confirm_regenerate = true,
            Message::CancelRegenerate => self.confirm_regenerate = false,
            Message::ConfirmRegenerate => {
                self.confirm_regenerate = false;
                if let Some(form) = self.form_mut(ws) {
                    form.body = None;
                    form.subject_edited = false;
                }
            }
            Message::Apply(index) => {
                let part = self.findings.items.get(index).map(|i| i.part);
                if !self.apply(index, ws) {
                    return (Task::none(), None);
                }
                // Back to the text, the caret after the new words, to go on typing.
                task = match part {
                    Some(Part::Subject) => operation::focus(SUBJECT_ID),
                    _ => operation::focus(BODY_ID),
                };
            }
            Message::Show(index) => {
                let Some(item) = self.findings.items.get(index).cloned() else {
                    return (Task::none(), None);
                };
                let Some(span) = item.span.clone() else {
                    return (Task::none(), None);
                };
                let Some(form) = self.form_mut(ws) else {
                    return (Task::none(), None);
                };
                let selected = match item.part {
                    Part::Subject => form.subject.select(span),
                    Part::Body => form.body.as_mut().is_some_and(|b| b.select(span)),
                    _ => false,
                };
                let task = match item.part {
                    _ if !selected => Task::none(),
                    Part::Subject => operation::focus(SUBJECT_ID),
                    _ => Task::batch([
                        operation::focus(BODY_ID),
                        editor::reveal(BODY_ID.into(), SHEET_ID.into()),
                    ]),
                };
                // A selection changes no letter: no new render.
                return (task, None);
            }
            Message::Export(format) => {
                let event = self
                    .preview
                    .complete()
                    .map(|l| Event::Export(Box::new(l.clone()), format, self.mailing));
                return (Task::none(), event);
            }
            Message::Copy => {
                let event = self
                    .preview
                    .complete()
                    .map(|l| Event::Copy(Box::new(l.clone())));
                return (Task::none(), event);
            }
            Message::Mail => {
                let event = self
                    .preview
                    .complete()
                    .map(|l| Event::Mail(Box::new(l.clone()), self.mailing));
                return (Task::none(), event);
            }
            Message::AttachPdf(on) => {
                self.mailing.attach_pdf = on;
                return (Task::none(), None);
            }
            Message::LetterBody(on) => {
                self.mailing.letter_body = on;
                return (Task::none(), None);
            }
            Message::Print => {
                let event = self
                    .preview
                    .complete()
                    .map(|l| Event::Print(Box::new(l.clone())));
                return (Task::none(), event);
            }
            Message::ShowPage(show) => {
                self.show_page = show;
                wait = false;
            }
            Message::Page(m) => {
                let task = self.page.update(m, &ws.exporter()).map(Message::Page);
                return (task, None);
            }
            Message::Signature(on) => {
                self.with_signature = on;
                wait = false;
            }
            Message::Stamp(on) => {
                self.with_stamp = on;
                wait = false;
            }
        }
        self.refresh(ws);
        let page = self.page_task(ws, wait);
        (Task::batch([task, page]), None)
    }

    /// Whether finding `item`'s kinder wording can be put in place now: in the subject, or
    /// in the body once it is the owner's own text or the letter is complete (a draft's
    /// placeholders must not become the owner's words).
    fn can_apply(&self, item: &findings::Item, ws: &Workspace) -> bool {
        if item.finding.replacement.is_none() || item.span.is_none() {
            return false;
        }
        match item.part {
            Part::Subject => self.form(ws).is_some(),
            Part::Body => {
                self.preview.complete().is_some() || self.form(ws).is_some_and(|f| f.body.is_some())
            }
            _ => false,
        }
    }

    /// The words of finding `index`.
    #[cfg(test)]
    pub fn finding_text(&self, index: usize) -> Option<String> {
        self.findings
            .items
            .get(index)
            .map(|i| i.finding.text.clone())
    }

    /// What is selected in the body being edited.
    #[cfg(test)]
    pub fn selected_text(&self, ws: &Workspace) -> Option<String> {
        self.form(ws)?.body.as_ref()?.selection()
    }

    /// Whether finding `item`'s words are in a field that can select them.
    fn can_show(&self, item: &findings::Item, ws: &Workspace) -> bool {
        item.span.is_some()
            && match item.part {
                Part::Subject => self.form(ws).is_some(),
                Part::Body => self.form(ws).is_some_and(|f| f.body.is_some()),
                _ => false,
            }
    }

    /// Puts the kinder wording of finding `index` in place of exactly its words, as an
    /// edit of the subject or the body. Returns whether the text changed.
    fn apply(&mut self, index: usize, ws: &Workspace) -> bool {
        let Some(item) = self.findings.items.get(index).cloned() else {
            return false;
        };
        if !self.can_apply(&item, ws) {
            return false;
        }
        let (Some(span), Some(kinder)) = (item.span.clone(), item.finding.replacement.clone())
        else {
            return false;
        };
        let Some(letter) = self.preview.letter().cloned() else {
            return false;
        };
        let Some(form) = self.form_mut(ws) else {
            return false;
        };
        // The words must still be where the check found them.
        // (In the letter's text, numbers held in isolates as the fields show them: the
        // spans and the fields' positions count the same characters.)
        let fits = |text: &str| text.get(span.clone()) == Some(item.finding.text.as_str());
        match item.part {
            Part::Subject => {
                if !fits(&letter.subject) {
                    return false;
                }
                form.subject_edited = true;
                form.subject.replace(span, &kinder)
            }
            Part::Body => match form.body.as_mut() {
                Some(body) => fits(&letter.body) && body.replace(span, &kinder),
                None => match item.applied(&letter.body) {
                    Some(text) => {
                        form.body = Some(TextField::multi(&text, letter.lang.is_rtl()));
                        true
                    }
                    None => false,
                },
            },
            _ => false,
        }
    }

    /// What stops or still holds back the letter, worded for the owner: one line each.
    pub fn problems(&self, ui: Lang, ws: &Workspace) -> Vec<String> {
        let l = Locale::get(ui);
        match &self.preview {
            Preview::Complete(_) => Vec::new(),
            Preview::Blocked(Blocker::NoClient) => vec![l.text("compose-pick-client")],
            Preview::Blocked(Blocker::NoSender) => match &ws.sender {
                Err(e) => vec![l.problem(e)],
                Ok(_) => Vec::new(),
            },
            Preview::Blocked(Blocker::NoTemplate) => vec![l.text("compose-no-template")],
            Preview::Blocked(Blocker::Broken(e)) => vec![l.problem(e)],
            Preview::Draft { needs, .. } => {
                let mut lines = Vec::new();
                let labels: Vec<String> = needs
                    .iter()
                    .filter_map(|n| match n {
                        Need::Input(e) => Some(label_of(e)),
                        Need::Placeholder(_) => None,
                    })
                    .collect();
                if !labels.is_empty() {
                    let separator = if ui.is_rtl() { "، " } else { ", " };
                    let fields: Vec<String> = labels
                        .iter()
                        .map(|label| marz::bidi::in_text(label, ui))
                        .collect();
                    lines
                        .push(l.text_with("compose-needs", &[("fields", &fields.join(separator))]));
                }
                for need in needs {
                    if let Need::Placeholder(shown) = need {
                        lines.push(l.text_with(
                            "compose-needs-placeholder",
                            &[("placeholder", &marz::bidi::in_text(shown, ui))],
                        ));
                    }
                }
                lines
            }
        }
    }

    pub fn view<'a>(&'a self, ui: Lang, ws: &'a Workspace) -> Element<'a, Message> {
        let left = self.choice_panel(ui, ws);
        let preview = self.preview_panel(ui, ws);
        row_dir(
            ui,
            vec![
                // Room on both sides so the scrollbar never covers a right-aligned label.
                container(scrollable(left.padding([4, 16])))
                    .width(Length::FillPortion(2))
                    .into(),
                container(preview).width(Length::FillPortion(3)).into(),
            ],
        )
        .spacing(16)
        .height(Length::Fill)
        .into()
    }

    /// Client, situation, firmness and the form.
    fn choice_panel<'a>(
        &'a self,
        ui: Lang,
        ws: &'a Workspace,
    ) -> iced::widget::Column<'a, Message> {
        let l = Locale::get(ui);
        let client_pick = self
            .picker
            .view(
                ui,
                ws,
                self.client.as_deref(),
                l.text("compose-pick-client"),
                None,
            )
            .map(Message::Picker);

        let mut situations = column![theme::label(ui, l.text("compose-situation"))]
            .align_x(theme::start(ui))
            .spacing(4);
        for s in Scenario::ALL {
            situations = situations.push(
                button(theme::line(ui, l.text(&format!("scenario-{}", s.code()))))
                    .width(Length::Fill)
                    .style(if s == self.scenario {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Scenario(s)),
            );
        }
        let current = self.template(ws).map(Template::id);
        let style = |t: &Template| {
            if Some(t.id()) == current {
                button::primary
            } else {
                button::secondary
            }
        };
        // The ladder's steps side by side; the letters beside it (an instalment plan, a
        // reply to a complaint) one under another, since their titles are long and a
        // situation may have several.
        let (laddered, beside): (Vec<&Template>, Vec<&Template>) = self
            .choices(ws)
            .into_iter()
            .partition(|t| t.meta.level.is_some());
        let levels: Vec<Element<'a, Message>> = laddered
            .iter()
            .map(|t| {
                let level = t.meta.level.unwrap_or_default();
                button(text(
                    l.text_with("compose-level", &[("level", &l.number(level))]),
                ))
                .style(style(t))
                .on_press(Message::Template(t.id().to_string()))
                .into()
            })
            .collect();
        let mut left = column![
            theme::label(ui, l.text("compose-client")),
            client_pick,
            situations,
        ];
        if !levels.is_empty() {
            left = left
                .push(theme::label(ui, l.text("compose-firmness")))
                .push(row_dir(ui, levels).spacing(6));
        }
        if !beside.is_empty() {
            let key = if laddered.is_empty() {
                "compose-letter"
            } else {
                "compose-other-letters"
            };
            left = left.push(theme::label(ui, l.text(key)));
            for t in beside {
                left = left.push(
                    button(theme::line(ui, t.meta.title.clone()))
                        .width(Length::Fill)
                        .style(style(t))
                        .on_press(Message::Template(t.id().to_string())),
                );
            }
        }
        let mut left = left.align_x(theme::start(ui)).spacing(8);
        if let Some(line) = self.thread_line(ui, ws) {
            left = left.push(line);
        }
        if let (Some(template), Some(form)) = (self.template(ws), self.form(ws)) {
            left = left.push(theme::label(ui, template.meta.description.clone()));
            left = left.push(form_view(ui, template, form, ws, &self.preview));
        }
        left
    }

    /// What the register knows of this client and situation: the open thread's last letter,
    /// and the choice of a new thread instead.
    fn thread_line<'a>(&self, ui: Lang, ws: &Workspace) -> Option<Element<'a, Message>> {
        let l = Locale::get(ui);
        let c = self.thread.found.as_ref()?;
        let last = &c.cites;
        // Short lines: a right-to-left line that wraps around a number is laid out narrower
        // than its box by `fit` (see the README's known limits).
        let what = l.text_with(
            "compose-thread",
            &[(
                "template",
                &super::letters::template_name(ui, ws, &last.template, last.lang),
            )],
        );
        let when = l.text_with(
            "compose-thread-sent",
            &[
                ("number", &marz::bidi::in_text(&last.number, ui)),
                ("date", &dates::format(last.date, ui)),
            ],
        );
        let (follows, toggle, new) = if self.thread.new {
            ("compose-thread-new", "compose-thread-continue", false)
        } else {
            ("compose-thread-follows", "compose-thread-start-new", true)
        };
        Some(
            container(
                column![
                    theme::line(ui, what),
                    theme::line(ui, when),
                    theme::line(ui, l.text(follows)),
                    button(text(l.text(toggle)).size(13))
                        .style(button::secondary)
                        .on_press(Message::NewThread(new)),
                ]
                .align_x(theme::start(ui))
                .spacing(4),
            )
            .padding(6)
            .style(theme::notice(true))
            .into(),
        )
    }

    /// The letter (or what stops it), the tone check and the ways out.
    fn preview_panel<'a>(&'a self, ui: Lang, ws: &'a Workspace) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let problems = self.problems(ui, ws);
        let Some(letter) = self.preview.letter() else {
            let mut card = column![].spacing(8);
            for line in problems {
                card = card.push(theme::line(ui, line));
            }
            return container(card).padding(16).style(theme::card).into();
        };
        let placeholders: Vec<String> = match &self.preview {
            Preview::Draft { needs, .. } => needs
                .iter()
                .map(|n| match n {
                    Need::Input(e) => render::placeholder(&label_of(e)),
                    Need::Placeholder(shown) => shown.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let form = self.form(ws);
        let subject: Element<'a, Message> = match form {
            Some(form) => column![
                theme::label(ui, l.text("compose-subject")),
                form.subject
                    .view(Message::Subject)
                    .id(SUBJECT_ID)
                    .marks(self.findings.marks(Part::Subject), findings::FLAGGED),
            ]
            .into(),
            None => Space::new().into(),
        };
        let body = form.and_then(|f| f.body.as_ref());
        let sheet = container(sheet_view(letter, body, &placeholders, &self.findings))
            .style(theme::paper)
            .width(Length::Fill);

        let complete = self.preview.complete().is_some();
        let shown: Element<'a, Message> = if self.show_page {
            self.page.view(ui).map(Message::Page)
        } else {
            scrollable(sheet).id(SHEET_ID).height(Length::Fill).into()
        };
        let controls = row_dir(
            ui,
            vec![
                self.edit_controls(ui, body.is_some(), complete),
                Space::new().width(Length::Fill).into(),
                self.sheet_switch(ui),
            ],
        )
        .align_y(iced::Alignment::Start);
        let mut panel = column![
            subject,
            shown,
            controls,
            findings::panel(
                &self.findings,
                ui,
                letter.lang,
                |item| self.can_apply(item, ws),
                Message::Apply,
                |item| self.can_show(item, ws),
                Message::Show,
            ),
        ]
        .align_x(theme::start(ui))
        .spacing(8);
        for line in problems {
            panel = panel.push(
                container(theme::line(ui, line))
                    .padding(6)
                    .style(theme::notice(false)),
            );
        }
        panel
            .push(self.mail_options(ui))
            .push(exports(ui, complete, self.marks(ui, ws)))
            .into()
    }

    /// The text or the printed page, side by side as two buttons.
    fn sheet_switch<'a>(&self, ui: Lang) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let tab = |key: &str, page: bool| -> Element<'a, Message> {
            button(text(l.text(key)).size(13))
                .style(if self.show_page == page {
                    button::primary
                } else {
                    button::secondary
                })
                .on_press(Message::ShowPage(page))
                .into()
        };
        row_dir(
            ui,
            vec![
                tab("compose-show-text", false),
                tab("compose-show-page", true),
            ],
        )
        .spacing(2)
        .into()
    }

    /// The signature and stamp checkboxes, for the images the owner has.
    fn marks<'a>(&self, ui: Lang, ws: &Workspace) -> Vec<Element<'a, Message>> {
        let l = Locale::get(ui);
        let exporter = ws.exporter();
        let stationery = exporter.stationery();
        let mut marks = Vec::new();
        let mut mark = |key: &str, on: bool, message: fn(bool) -> Message| {
            // The box at the start side of its label, as a reader of the language expects.
            marks.push(
                row_dir(
                    ui,
                    vec![
                        checkbox(on).on_toggle(message).into(),
                        text(l.text(key)).size(14).into(),
                    ],
                )
                .spacing(6)
                .align_y(iced::Alignment::Center)
                .into(),
            );
        };
        if stationery.signature.is_some() {
            mark(
                "compose-with-signature",
                self.with_signature,
                Message::Signature,
            );
        }
        if stationery.stamp.is_some() {
            mark("compose-with-stamp", self.with_stamp, Message::Stamp);
        }
        marks
    }

    fn edit_controls<'a>(&self, ui: Lang, editing: bool, complete: bool) -> Element<'a, Message> {
        let l = Locale::get(ui);
        if self.confirm_regenerate {
            column![
                theme::line(ui, l.text("compose-regenerate-warning")),
                row_dir(
                    ui,
                    vec![
                        button(text(l.text("compose-regenerate-yes")))
                            .style(button::danger)
                            .on_press(Message::ConfirmRegenerate)
                            .into(),
                        button(text(l.text("clients-cancel")))
                            .style(button::secondary)
                            .on_press(Message::CancelRegenerate)
                            .into(),
                    ]
                )
                .spacing(8)
            ]
            .align_x(theme::start(ui))
            .spacing(6)
            .into()
        } else if editing {
            button(text(l.text("compose-regenerate")))
                .style(button::secondary)
                .on_press(Message::Regenerate)
                .into()
        } else {
            button(text(l.text("compose-edit-text")))
                .style(button::secondary)
                .on_press_maybe(complete.then_some(Message::EditText))
                .into()
        }
    }
}

/// A value taken from the thread as the owner would type it: the register keeps dates as
/// `YYYY-MM-DD`; a Persian letter's form shows them as a Jalali date (`۱۴۰۵/۰۸/۱۵`).
fn as_typed(template: &Template, name: &str, value: &str) -> String {
    let is_date = template
        .input(name)
        .is_some_and(|i| i.kind == InputKind::Date);
    match dates::parse(value) {
        Ok(date) if is_date => dates::format_numeric(date, template.lang),
        _ => value.to_string(),
    }
}

/// The label of the input a problem names.
fn label_of(e: &InputError) -> String {
    match e {
        InputError::Missing { label, .. } | InputError::Invalid { label, .. } => label.clone(),
        InputError::Unknown { name, .. } => name.clone(),
    }
}

/// The letter as a sheet of paper; placeholders and the words the tone check flagged are
/// highlighted where they stand.
fn sheet_view<'a>(
    letter: &'a Letter,
    body: Option<&'a TextField>,
    placeholders: &[String],
    found: &Findings,
) -> Element<'a, Message> {
    let lang = letter.lang;
    let mut sheet = column![].spacing(6).padding(24);
    for line in letter.heading_lines() {
        sheet = sheet.push(
            container(text(line).size(13))
                .width(Length::Fill)
                .align_x(theme::end(lang)),
        );
    }
    sheet = sheet.push(Space::new().height(8));
    for line in &letter.recipient {
        sheet = sheet.push(marked_line(lang, line, placeholders, &[], false));
    }
    // The subject line is its label, a space and the subject.
    let subject_line = letter.subject_line();
    let shift = subject_line.len() - letter.subject.len();
    let subject_marks: Vec<_> = found
        .marks(Part::Subject)
        .into_iter()
        .map(|r| r.start + shift..r.end + shift)
        .collect();
    sheet = sheet.push(marked_line(
        lang,
        &subject_line,
        placeholders,
        &subject_marks,
        true,
    ));
    let lines_of = |part: Part, text: &str| findings::per_line(text, &found.marks(part));
    sheet = sheet.push(marked_line(
        lang,
        &letter.greeting,
        placeholders,
        &found.marks(Part::Greeting),
        false,
    ));
    // The earlier letter this one follows opens the body, as the text, e-mail and PDF
    // print it.
    if let Some(reference) = letter.reference_line() {
        sheet = sheet.push(marked_line(lang, &reference, placeholders, &[], false));
    }
    let body: Element<'a, Message> = match body {
        Some(editor) => editor
            .view(Message::Body)
            .id(BODY_ID)
            .padding(8)
            .min_height(120.0)
            .marks(found.marks(Part::Body), findings::FLAGGED)
            .into(),
        None => {
            let mut paragraphs = column![].spacing(4);
            let marks = lines_of(Part::Body, &letter.body);
            for (para, marks) in letter.body.split('\n').zip(marks) {
                paragraphs = paragraphs.push(marked_line(lang, para, placeholders, &marks, false));
            }
            paragraphs.into()
        }
    };
    sheet = sheet.push(body);
    sheet = sheet.push(marked_line(
        lang,
        &letter.closing,
        placeholders,
        &found.marks(Part::Closing),
        false,
    ));
    let signature = lines_of(Part::Signature, &letter.signature.join("\n"));
    for (line, marks) in letter.signature.iter().zip(signature) {
        sheet = sheet.push(marked_line(lang, line, &[], &marks, false));
    }
    sheet.into()
}

/// How a stretch of a letter's line is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Look {
    Plain,
    Placeholder,
    Flagged,
}

/// `line` cut where its look changes: each placeholder in it, and each of `marks` (byte
/// ranges the tone check flagged). A placeholder keeps its own look inside a flagged stretch.
fn pieces<'s>(
    line: &'s str,
    placeholders: &[String],
    marks: &[std::ops::Range<usize>],
) -> Vec<(&'s str, Look)> {
    let mut looks = vec![Look::Plain; line.len()];
    for m in marks {
        for look in looks.iter_mut().take(m.end.min(line.len())).skip(m.start) {
            *look = Look::Flagged;
        }
    }
    for p in placeholders.iter().filter(|p| !p.is_empty()) {
        for (at, _) in line.match_indices(p.as_str()) {
            for look in &mut looks[at..at + p.len()] {
                *look = Look::Placeholder;
            }
        }
    }
    let mut out: Vec<(&str, Look)> = Vec::new();
    let mut start = 0;
    for i in 1..=line.len() {
        let boundary = i == line.len() || (line.is_char_boundary(i) && looks[i] != looks[start]);
        if boundary {
            out.push((&line[start..i], looks[start]));
            start = i;
        }
    }
    out
}

/// A line of the letter as the preview lays it out: in a right-to-left letter, behind a
/// right-to-left mark. A line that starts with an isolated value (the payment details, a
/// signature line) has no letter of its own outside the isolate, so without the mark it
/// would be a left-to-right paragraph: its wrapped lines would start at the left edge.
/// The mark is invisible and takes no room; the text export puts it there too
/// (`bidi::anchor_lines`).
fn laid_out(line: &str, lang: Lang) -> String {
    if lang.is_rtl() && !line.starts_with(marz::bidi::RLM) {
        format!("{}{line}", marz::bidi::RLM)
    } else {
        line.to_string()
    }
}

/// One line of the letter, with each placeholder and each flagged stretch in it
/// highlighted.
fn marked_line<'a>(
    lang: Lang,
    line: &str,
    placeholders: &[String],
    marks: &[std::ops::Range<usize>],
    bold: bool,
) -> Element<'a, Message> {
    let font = if bold { theme::BOLD } else { theme::FONT };
    let pieces = pieces(line, placeholders, marks);
    if pieces.iter().all(|(_, look)| *look == Look::Plain) {
        return container(super::fit::fit(text(laid_out(line, lang)).font(font)))
            .width(Length::Fill)
            .align_x(theme::start(lang))
            .into();
    }
    let mut spans = Vec::new();
    // The mark makes the line right to left even when it starts with a Latin value.
    if lang.is_rtl() {
        spans.push(span(marz::bidi::RLM.to_string()).font(font));
    }
    for (piece, look) in pieces {
        let s = span(piece.to_string()).font(font);
        spans.push(match look {
            Look::Plain => s,
            Look::Placeholder => theme::placeholder(s),
            Look::Flagged => s.color(findings::FLAGGED).font(theme::BOLD),
        });
    }
    let measured = spans
        .iter()
        .map(|s| (s.text.to_string(), s.font.unwrap_or(font)))
        .collect();
    // Not `rich_text(..).align_x(Right)`: iced then shifts a short Persian line by the
    // width of its box (drawn over the form beside the preview, seen under Xvfb).
    container(super::fit::fit_rich(
        rich_text(spans).on_link_click(iced::never),
        measured,
    ))
    .width(Length::Fill)
    .align_x(theme::start(lang))
    .into()
}

impl State {
    /// The e-mail choices, above the buttons they apply to (.eml and the mail program).
    fn mail_options<'a>(&self, ui: Lang) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let mut options = column![option(
            ui,
            l.text("compose-attach-pdf"),
            self.mailing.attach_pdf,
            Message::AttachPdf
        )]
        .spacing(4)
        .align_x(theme::start(ui));
        if self.mailing.attach_pdf {
            options = options.push(option(
                ui,
                l.text("compose-letter-body"),
                self.mailing.letter_body,
                Message::LetterBody,
            ));
        }
        options.into()
    }
}

/// A checkbox with its label on the line's start side (iced puts the box on the left).
fn option<'a>(
    ui: Lang,
    label: String,
    checked: bool,
    toggle: fn(bool) -> Message,
) -> Element<'a, Message> {
    row_dir(
        ui,
        vec![
            checkbox(checked).on_toggle(toggle).into(),
            mouse_area(text(label).font(theme::FONT))
                .on_press(toggle(!checked))
                .interaction(iced::mouse::Interaction::Pointer)
                .into(),
        ],
    )
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

/// Export, copy, mail and print: pressable only for a complete letter; `marks` (signature,
/// stamp) sit beside the ways out they change.
fn exports<'a>(ui: Lang, complete: bool, marks: Vec<Element<'a, Message>>) -> Element<'a, Message> {
    let l = Locale::get(ui);
    let action = |key: &str, message: Message, main: bool| -> Element<'a, Message> {
        button(text(l.text(key)))
            .style(if main {
                button::primary
            } else {
                button::secondary
            })
            .on_press_maybe(complete.then_some(message))
            .into()
    };
    // Two rows rather than a wrapping one: iced wraps left to right, which would put the
    // first (main) button of a Persian row at the far end of its second line.
    let files = row_dir(
        ui,
        vec![
            action("export-pdf", Message::Export(Format::Pdf), true),
            action("export-text", Message::Export(Format::Text), false),
            action("export-eml", Message::Export(Format::Eml), false),
        ],
    )
    .spacing(6);
    let mut hand_over = vec![
        action("export-print", Message::Print, false),
        action("export-copy", Message::Copy, false),
        action("export-mail", Message::Mail, false),
    ];
    if !marks.is_empty() {
        hand_over.push(Space::new().width(12).into());
        hand_over.extend(marks);
    }
    let hand_over = row_dir(ui, hand_over)
        .spacing(6)
        .align_y(iced::Alignment::Center);
    column![files, hand_over]
        .spacing(6)
        .align_x(theme::start(ui))
        .into()
}

/// The form of a template: a field per input, with what its value means under it.
fn form_view<'a>(
    ui: Lang,
    template: &'a Template,
    form: &'a Form,
    ws: &Workspace,
    preview: &Preview,
) -> Element<'a, Message> {
    let l = Locale::get(ui);
    let letter_lang = template.lang;
    let mut column = column![theme::heading(ui, l.text("compose-form"))]
        .align_x(theme::start(letter_lang))
        .spacing(6);
    for spec in &template.meta.inputs {
        let Some(field) = form.values.get(&spec.name) else {
            continue;
        };
        let mut caption = spec.label.clone();
        if spec.required && spec.default.is_none() {
            caption.push_str(" *");
        }
        column = column.push(theme::label(letter_lang, caption));
        if let Some(help) = &spec.help {
            // «۱۴۰۵-۰۳۸» in an example reads as the letter will print it.
            let help = marz::bidi::keep_numbers(help, letter_lang);
            column = column.push(theme::help(letter_lang, help));
        }
        column = column.push(input_widget(spec, field, l));
        // A value that parses may still be refused beside another (a reminder dated before
        // the invoice was due): the core says so in the preview's needs.
        let beside_another =
            order_problem(preview, &spec.name).map(|e| Hint::Problem(l.problem(e)));
        match beside_another.or_else(|| input_hint(spec, &field.value(), letter_lang, ws.date, ui))
        {
            Some(Hint::Meaning(meaning)) => {
                column = column.push(theme::label(letter_lang, meaning))
            }
            Some(Hint::Problem(problem)) => column = column.push(theme::field_error(&problem)),
            Some(Hint::Caution(note)) => column = column.push(theme::field_caution(&note)),
            None => {}
        }
    }
    container(column)
        .padding(12)
        .style(theme::card)
        .width(Length::Fill)
        .into()
}

fn input_widget<'a>(spec: &'a InputSpec, field: &'a TextField, l: &Locale) -> Element<'a, Message> {
    let name = spec.name.clone();
    match spec.kind {
        InputKind::Choice => {
            let choices: Vec<Choice<String>> = spec
                .choices
                .iter()
                .map(|c| {
                    let label = if c.label.is_empty() {
                        c.value.clone()
                    } else {
                        c.label.clone()
                    };
                    Choice::new(c.value.clone(), label)
                })
                .collect();
            let value = field.value();
            let current = if value.is_empty() {
                spec.default.clone().unwrap_or_default()
            } else {
                value
            };
            let selected = Choice::selected(&choices, current);
            pick_list(choices, selected, move |c| {
                Message::Choose(name.clone(), c.value)
            })
            .placeholder(l.text("compose-choose"))
            .width(Length::Fill)
            .into()
        }
        kind => {
            let placeholder = spec.default.clone().unwrap_or_default();
            let editor = field
                .view(move |a| Message::Input(name.clone(), a))
                .placeholder(placeholder);
            if kind == InputKind::Multiline {
                // Room for a short list at once (bank, card, شبا); it grows as lines are added.
                editor.min_lines(3).into()
            } else {
                editor.into()
            }
        }
    }
}

/// The problem the core found with an input's value beside another input or the letter
/// date (`not_before`, `not_after`), if any.
pub fn order_problem<'p>(preview: &'p Preview, name: &str) -> Option<&'p InputError> {
    let Preview::Draft { needs, .. } = preview else {
        return None;
    };
    needs.iter().find_map(|n| match n {
        Need::Input(
            e @ InputError::Invalid {
                problem: render::ValueError::DateOrder { .. } | render::ValueError::NotBelow { .. },
                ..
            },
        ) if e.input() == name => Some(e),
        _ => None,
    })
}

/// What a typed value means, shown under its field.
#[derive(Debug, Clone, PartialEq)]
pub enum Hint {
    /// An amount in words or a date in the letter's calendar, in the letter's language.
    Meaning(String),
    /// Why the value does not fit, in the interface's language.
    Problem(String),
    /// A value that fits but deserves a second look (a deadline on the client's day off),
    /// with its meaning, in the interface's language.
    Caution(String),
}

pub fn input_hint(
    spec: &InputSpec,
    value: &str,
    lang: Lang,
    letter_date: chrono::NaiveDate,
    ui: Lang,
) -> Option<Hint> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = render::parse_input(spec, value, letter_date);
    if let Err(e) = &parsed {
        return Some(Hint::Problem(Locale::get(ui).problem(e)));
    }
    match (spec.kind, parsed) {
        (InputKind::Money, _) => Decimal::parse(value)
            .ok()
            .map(|d| Hint::Meaning(marz::numbers::words(d.whole, lang))),
        (InputKind::Date, Ok(serde_json::Value::String(iso))) => dates::parse(&iso).ok().map(|d| {
            let meaning = format!(
                "{} {} · {}",
                dates::weekday(d, lang),
                dates::format(d, lang),
                dates::format_numeric(d, lang)
            );
            let locale = Locale::get(ui);
            let day_off = render::day_off(spec, value, letter_date, lang).map(|(_, off)| {
                let key = match off {
                    dates::DayOff::Weekend => "hint-day-off-weekend",
                    dates::DayOff::Holiday => "hint-day-off-holiday",
                };
                locale.text_with(key, &[("date", &meaning)])
            });
            let soon = render::short_notice(spec, value, letter_date).map(|(_, days)| {
                let shown = marz::numbers::localize_digits(&days.to_string(), ui);
                locale.text_with_number("hint-soon", &[("shown", &shown)], ("days", days))
            });
            match (day_off, soon) {
                (None, None) => Hint::Meaning(meaning),
                (Some(off), None) => Hint::Caution(off),
                (None, Some(soon)) => Hint::Caution(format!("{meaning}: {soon}")),
                (Some(off), Some(soon)) => Hint::Caution(format!("{off} {soon}")),
            }
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::editor::typing;
    use crate::gui::tests::{latin_words_besides, sample_workspace};
    use iced::widget::text_editor::Action;
    use marz::Library;

    fn send(state: &mut State, ws: &Workspace, message: Message) -> Option<Event> {
        state.update(message, ws).1
    }

    fn type_into(state: &mut State, ws: &Workspace, name: &str, value: &str) {
        for action in typing(value) {
            send(state, ws, Message::Input(name.into(), action.into()));
        }
    }

    fn letter(state: &State) -> &Letter {
        state.preview().letter().expect("a letter on screen")
    }

    /// The place among the findings of the one that flags `words`.
    fn flagged(state: &State, words: &str) -> usize {
        state
            .findings
            .items
            .iter()
            .position(|i| i.finding.text == words)
            .unwrap_or_else(|| panic!("«{words}» is flagged"))
    }

    fn text(state: &State) -> String {
        marz::bidi::strip(&letter(state).to_text())
    }

    /// A deadline on the client's weekend or a public holiday is pointed out under its field,
    /// in the interface's language, with its weekday; a working day shows its weekday only,
    /// and a date in the past is never questioned.
    #[test]
    fn a_deadline_on_the_clients_day_off_is_pointed_out() {
        let (_dir, ws) = sample_workspace();
        let letter = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let fa = ws.library.get("payment-3", Lang::Fa).unwrap();
        let en = ws.library.get("payment-3", Lang::En).unwrap();
        let hint = |t: &marz::Template, name: &str, value: &str, ui: Lang| {
            input_hint(t.input(name).unwrap(), value, t.lang, letter, ui)
        };
        // Friday 27 November 2026 for a Persian client, told in an English interface.
        match hint(fa, "deadline", "2026-11-27", Lang::En) {
            Some(Hint::Caution(c)) => {
                assert!(c.contains("جمعه ۶ آذر ۱۴۰۵"), "{c}");
                assert!(c.contains("weekend"), "{c}");
            }
            other => panic!("{other:?}"),
        }
        // A Friday is a working day for an English client.
        assert_eq!(
            hint(en, "deadline", "2026-12-04", Lang::Fa),
            Some(Hint::Meaning("Friday 4 December 2026 · 2026-12-04".into()))
        );
        // Christmas Day, typed as days from the letter, told in Persian.
        match hint(en, "deadline", "+30", Lang::Fa) {
            Some(Hint::Caution(c)) => {
                assert!(c.contains("Friday 25 December 2026"), "{c}");
                assert!(c.contains("تعطیل رسمی"), "{c}");
            }
            other => panic!("{other:?}"),
        }
        // A deadline of tomorrow is pointed out in the interface's language, a week away is
        // not; one that is also the client's Friday is told both ways.
        match hint(en, "deadline", "+1", Lang::Fa) {
            Some(Hint::Caution(c)) => {
                assert!(c.starts_with("Thursday 26 November 2026"), "{c}");
                assert!(c.contains("تنها ۱ روز پس از تاریخ نامه"), "{c}");
            }
            other => panic!("{other:?}"),
        }
        match hint(fa, "deadline", "2026-11-25", Lang::En) {
            Some(Hint::Caution(c)) => assert!(c.contains("the letter's own date"), "{c}"),
            other => panic!("{other:?}"),
        }
        match hint(en, "deadline", "+2", Lang::En) {
            Some(Hint::Caution(c)) => assert!(c.contains("only 2 days after"), "{c}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            hint(en, "deadline", "+7", Lang::En),
            Some(Hint::Meaning(_))
        ));
        match hint(fa, "deadline", "2026-11-27", Lang::Fa) {
            Some(Hint::Caution(c)) => {
                assert!(c.contains("تعطیل آخر هفته"), "{c}");
                assert!(c.contains("تنها ۲ روز"), "{c}");
            }
            other => panic!("{other:?}"),
        }
        // A past date on a Friday (the original due date) is only explained.
        assert!(matches!(
            hint(fa, "due_date", "2026-11-20", Lang::Fa),
            Some(Hint::Meaning(m)) if m.starts_with("جمعه")
        ));
    }

    #[test]
    fn composing_an_ultimatum_updates_the_preview_on_every_change() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-reza".into()), &ws);
        send(&mut state, &ws, Message::Scenario(Scenario::Payment));
        send(&mut state, &ws, Message::Template("payment-3".into()));
        assert!(matches!(state.preview(), Preview::Complete(_)));
        assert_eq!(letter(&state).template, "payment-3");
        assert!(text(&state).contains("۱۲٬۵۰۰٬۰۰۰ تومان"));
        type_into(&mut state, &ws, "amount", "۳۰۰۰۰۰۰");
        assert!(
            text(&state).contains("۳٬۰۰۰٬۰۰۰ تومان (سه میلیون تومان)"),
            "{}",
            text(&state)
        );
        send(
            &mut state,
            &ws,
            Message::Choose("consequence".into(), "legal".into()),
        );
        assert!(letter(&state).body.contains("قانونی"));
        assert!(state.findings.is_empty(), "{:?}", state.findings);
    }

    #[test]
    fn edited_text_is_kept_until_the_owner_confirms_regeneration() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-daniel".into()), &ws);
        send(&mut state, &ws, Message::EditText);
        for action in typing("My own words, YOU IDIOT!!!") {
            send(&mut state, &ws, Message::Body(action.into()));
        }
        for action in typing("A new subject") {
            send(&mut state, &ws, Message::Subject(action.into()));
        }
        assert_eq!(letter(&state).body, "My own words, YOU IDIOT!!!");
        assert_eq!(letter(&state).subject, "A new subject");
        assert!(
            state
                .findings
                .items
                .iter()
                .any(|i| i.finding.rule == marz::tone::Rule::Insult)
        );
        // Form changes do not overwrite the edited body.
        type_into(&mut state, &ws, "amount", "99");
        assert_eq!(letter(&state).body, "My own words, YOU IDIOT!!!");
        // Applying a suggested replacement edits the body.
        let shout = flagged(&state, "!!!");
        send(&mut state, &ws, Message::Apply(shout));
        assert_eq!(letter(&state).body, "My own words, YOU IDIOT.");
        // Regenerating asks first.
        send(&mut state, &ws, Message::Regenerate);
        assert!(state.confirm_regenerate);
        assert!(state.form(&ws).unwrap().body.is_some());
        send(&mut state, &ws, Message::ConfirmRegenerate);
        assert!(state.form(&ws).unwrap().body.is_none());
        assert!(letter(&state).body.contains("€99"));
    }

    /// A Persian body holds its card number between marks (`bidi::keep_numbers`); a
    /// replacement after it lands where the finding was, and the number stays held once.
    #[test]
    fn a_replacement_applies_to_a_persian_body_with_held_numbers() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-reza".into()), &ws);
        send(&mut state, &ws, Message::EditText);
        let typed = "مبلغ را به کارت ۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸ واریز کنید!!!";
        for action in typing(typed) {
            send(&mut state, &ws, Message::Body(action.into()));
        }
        let held = marz::bidi::keep_numbers(typed, Lang::Fa);
        assert_ne!(held, typed, "the card number is held");
        assert_eq!(letter(&state).body, held);
        let shout = flagged(&state, "!!!");
        send(&mut state, &ws, Message::Apply(shout));
        let body = &letter(&state).body;
        assert_eq!(
            marz::bidi::strip(body),
            "مبلغ را به کارت ۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸ واریز کنید."
        );
        assert_eq!(body.matches(marz::bidi::LRI).count(), 1, "{body:?}");
        assert!(body.contains(&format!(
            "{}۶۱۰۴ ۳۳۷۸ ۱۲۳۴ ۵۶۷۸{}",
            marz::bidi::LRI,
            marz::bidi::PDI
        )));
        assert!(!state.findings.items.iter().any(|i| i.finding.text == "!!!"));
    }

    /// Ctrl+Z in the letter takes back the owner's last edit, a suggested replacement
    /// included, and the letter that would leave is the one on screen again.
    #[test]
    fn undo_in_the_body_brings_back_the_letter_as_it_was() {
        use iced::widget::text_editor::{Edit, Motion};
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-daniel".into()), &ws);
        send(&mut state, &ws, Message::EditText);
        let generated = letter(&state).body.clone();
        send(
            &mut state,
            &ws,
            Message::Body(Action::Move(Motion::DocumentEnd).into()),
        );
        for c in "\nPay now!!!".chars() {
            let edit = if c == '\n' {
                Edit::Enter
            } else {
                Edit::Insert(c)
            };
            send(&mut state, &ws, Message::Body(Action::Edit(edit).into()));
        }
        let typed = letter(&state).body.clone();
        assert_eq!(typed, format!("{generated}\nPay now!!!"));
        let shout = flagged(&state, "!!!");
        send(&mut state, &ws, Message::Apply(shout));
        assert_ne!(letter(&state).body, typed);
        send(&mut state, &ws, Message::Body(Change::Undo));
        assert_eq!(letter(&state).body, typed, "the replacement is taken back");
        assert!(state.findings.items.iter().any(|i| i.finding.text == "!!!"));
        // Back through the typed words to the letter as generated, and forward again.
        while letter(&state).body != generated {
            let before = letter(&state).body.clone();
            send(&mut state, &ws, Message::Body(Change::Undo));
            assert_ne!(letter(&state).body, before, "each undo changes the letter");
        }
        send(&mut state, &ws, Message::Body(Change::Redo));
        assert!(letter(&state).body.starts_with(&format!("{generated}\n")));
    }

    #[test]
    fn only_a_complete_letter_is_exported_copied_or_mailed() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(None, &ws);
        assert_eq!(send(&mut state, &ws, Message::Export(Format::Pdf)), None);
        send(&mut state, &ws, Message::Client("sample-nazanin".into()));
        match send(&mut state, &ws, Message::Export(Format::Eml)) {
            Some(Event::Export(letter, Format::Eml, mailing)) => {
                assert_eq!(letter.client, "sample-nazanin");
                assert_eq!(mailing, Mailing::default());
            }
            other => panic!("{other:?}"),
        }
        // The e-mail choices go with the letter, to the mail program and to an .eml.
        send(&mut state, &ws, Message::AttachPdf(true));
        send(&mut state, &ws, Message::LetterBody(true));
        send(&mut state, &ws, Message::AttachPdf(false));
        send(&mut state, &ws, Message::AttachPdf(true));
        let chosen = Mailing {
            attach_pdf: true,
            letter_body: true,
        };
        match send(&mut state, &ws, Message::Mail) {
            Some(Event::Mail(letter, mailing)) => {
                assert_eq!(letter.client, "sample-nazanin");
                assert_eq!(mailing, chosen);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            send(&mut state, &ws, Message::Export(Format::Eml)),
            Some(Event::Export(_, Format::Eml, mailing)) if mailing == chosen
        ));
        assert!(matches!(
            send(&mut state, &ws, Message::Copy),
            Some(Event::Copy(l)) if marz::bidi::strip(&l.to_text()).contains("سرکار خانم نازنین کریمی")
        ));
        // Emptied, the invoice makes the letter a draft: nothing leaves, nor can the owner
        // start editing a text with placeholders in it.
        type_into(&mut state, &ws, "invoice", "");
        assert!(matches!(state.preview(), Preview::Draft { .. }));
        for message in [Message::Export(Format::Pdf), Message::Copy, Message::Mail] {
            assert_eq!(send(&mut state, &ws, message), None);
        }
        send(&mut state, &ws, Message::EditText);
        assert!(state.form(&ws).unwrap().body.is_none());
    }

    #[test]
    fn a_placeholder_typed_into_the_subject_keeps_the_letter_a_draft() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-reza".into()), &ws);
        send(&mut state, &ws, Message::Scenario(Scenario::PriceIncrease));
        let subject = letter(&state).subject.clone();
        assert!(subject.contains("[خدمت]"), "{subject}");
        // The owner adds a word to the subject while the service is still a placeholder.
        for action in typing(&format!("{} (مهم)", marz::bidi::strip(&subject))) {
            send(&mut state, &ws, Message::Subject(action.into()));
        }
        for (name, value) in [
            ("service", "طراحی"),
            ("old_price", "1000"),
            ("new_price", "1200"),
            ("reason", "هزینه‌ها بالا رفته است."),
        ] {
            type_into(&mut state, &ws, name, value);
        }
        match state.preview() {
            Preview::Draft { needs, .. } => {
                assert_eq!(needs, &vec![Need::Placeholder("[خدمت]".into())])
            }
            other => panic!("{other:?}"),
        }
        let problems = state.problems(Lang::Fa, &ws);
        assert!(problems[0].contains("[خدمت]"), "{problems:?}");
        send(&mut state, &ws, Message::Regenerate);
        send(&mut state, &ws, Message::ConfirmRegenerate);
        assert!(matches!(state.preview(), Preview::Complete(_)));
        assert!(
            text(&state).contains("افزایش نرخ طراحی"),
            "{}",
            text(&state)
        );
    }

    fn body_field(state: &State, ws: &Workspace) -> String {
        state
            .form(ws)
            .and_then(|f| f.body.as_ref())
            .expect("the body is being edited")
            .value()
    }

    fn finding_at(state: &State, words: &str) -> usize {
        state
            .findings
            .items
            .iter()
            .position(|i| i.finding.text == words)
            .unwrap_or_else(|| panic!("«{words}» not flagged: {:#?}", state.findings.items))
    }

    /// The words the checker flags, a kinder wording put in their place with one click, and
    /// the letter that leaves is the text on screen: with Persian words joined by ZWNJ and a
    /// value isolated by U+2068 … U+2069 around them.
    #[test]
    fn a_kinder_wording_replaces_exactly_the_flagged_words_and_leaves_as_shown() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-reza".into()), &ws);
        send(&mut state, &ws, Message::EditText);
        let invoice = marz::bidi::isolate("INV-2041");
        let body = format!(
            "امیدوارم کارها بر وفق مراد باشد.\n\nصورت‌حساب {invoice} هنوز پرداخت نشده است؛ راستش مشکل از شماست و این کار بی‌مسئولیتی است.\nلطفاً تا ۱۵ آذر ۱۴۰۵ پرداخت کنید."
        );
        for action in typing(&body) {
            send(&mut state, &ws, Message::Body(action.into()));
        }
        assert_eq!(body_field(&state, &ws), body);

        // Each flagged stretch is found where the owner reads it, in the body.
        for words in ["مشکل از شماست", "این کار بی‌مسئولیتی است"] {
            let item = &state.findings.items[finding_at(&state, words)];
            assert_eq!(item.part, Part::Body);
            let span = item.span.clone().unwrap();
            assert_eq!(&letter(&state).body[span.clone()], words);
            assert!(state.findings.marks(Part::Body).contains(&span));
        }

        // One click on the first: exactly those bytes change, nothing around them.
        let blame = finding_at(&state, "مشکل از شماست");
        let kinder = state.findings.items[blame]
            .finding
            .replacement
            .clone()
            .expect("a kinder wording");
        send(&mut state, &ws, Message::Apply(blame));
        let after = body.replacen("مشکل از شماست", &kinder, 1);
        assert_eq!(body_field(&state, &ws), after);
        assert_eq!(
            after.matches(&invoice).count(),
            1,
            "the value is kept whole"
        );
        // The replacement is an ordinary edit: the caret is after it, and typing goes on
        // from there (so the owner can change it back by typing).
        send(
            &mut state,
            &ws,
            Message::Body(Action::Edit(iced::widget::text_editor::Edit::Insert('،')).into()),
        );
        let typed = body.replacen("مشکل از شماست", &format!("{kinder}،"), 1);
        assert_eq!(body_field(&state, &ws), typed);

        // The second, a clause with a word joined by ZWNJ (the wording replaces the whole
        // clause), in the text as it now is.
        let label = finding_at(&state, "این کار بی‌مسئولیتی است");
        let kinder = state.findings.items[label]
            .finding
            .replacement
            .clone()
            .expect("a kinder wording");
        send(&mut state, &ws, Message::Apply(label));
        let shown = typed.replacen("این کار بی‌مسئولیتی است", &kinder, 1);
        assert_eq!(body_field(&state, &ws), shown);
        assert!(
            state
                .findings
                .items
                .iter()
                .all(|i| i.finding.rule != marz::tone::Rule::Blame
                    && i.finding.rule != marz::tone::Rule::Label),
            "{:#?}",
            state.findings.items
        );

        // What leaves is what the screen shows: the body field, in the text export.
        let Some(Event::Export(exported, Format::Text, _)) =
            send(&mut state, &ws, Message::Export(Format::Text))
        else {
            panic!("a complete letter is exported");
        };
        assert_eq!(exported.body, shown);
        let bytes = marz::export::Exporter::default()
            .bytes(&exported, Format::Text, 0)
            .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.matches(shown.as_str()).count(), 1, "{text}");
        assert!(!text.contains("مشکل از شماست"));
    }

    /// A harsh subject: its words are flagged in the subject, and the kinder wording goes
    /// into the subject the letter carries.
    #[test]
    fn a_kinder_wording_in_the_subject_and_a_stale_click_changes_nothing() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Some("sample-daniel".into()), &ws);
        for action in typing("Invoice INV-2041: you are irresponsible") {
            send(&mut state, &ws, Message::Subject(action.into()));
        }
        let at = finding_at(&state, "you are irresponsible");
        let item = state.findings.items[at].clone();
        assert_eq!(item.part, Part::Subject);
        assert_eq!(
            state.findings.marks(Part::Subject),
            vec![item.span.clone().unwrap()]
        );
        // The owner changes the words before clicking: the old finding no longer fits, so
        // the click changes nothing.
        let mut stale = state.findings.clone();
        for action in typing("Re: INV-2041, you are irresponsible") {
            send(&mut state, &ws, Message::Subject(action.into()));
        }
        std::mem::swap(&mut state.findings, &mut stale);
        send(&mut state, &ws, Message::Apply(at));
        assert_eq!(
            letter(&state).subject,
            "Re: INV-2041, you are irresponsible"
        );
        // With the current findings the click puts the kinder wording in place.
        std::mem::swap(&mut state.findings, &mut stale);
        let at = finding_at(&state, "you are irresponsible");
        let kinder = state.findings.items[at]
            .finding
            .replacement
            .clone()
            .unwrap();
        send(&mut state, &ws, Message::Apply(at));
        assert_eq!(letter(&state).subject, format!("Re: INV-2041, {kinder}"));
        assert!(text(&state).contains(&format!("Re: INV-2041, {kinder}")));
    }

    /// A `multiline` input is a field of several lines: Enter breaks the line there (and
    /// does nothing in a one-line field), a client's fact of several lines comes in whole,
    /// and the letter carries exactly those lines.
    #[test]
    fn a_multiline_input_keeps_its_lines_from_the_facts_the_keyboard_and_paste() {
        use iced::widget::text_editor::{Edit, Motion};
        let (_dir, mut ws) = sample_workspace();
        let file = ws.store.root().join("clients").join("sample-reza.toml");
        let facts =
            "بانک ملت\nشماره کارت: ۶۱۰۴ ۰۰۰۰ ۱۲۳۴ ۵۶۷۸\nشبا: IR00 0120 0000 0000 1234 5678 90";
        let mut toml = std::fs::read_to_string(&file).unwrap();
        assert!(
            toml.trim_end().ends_with('"'),
            "[facts] is the file's last table"
        );
        toml.push_str(&format!("payment_details = \"\"\"\n{facts}\"\"\"\n"));
        std::fs::write(&file, toml).unwrap();
        ws.reload();
        let mut state = State::new(Some("sample-reza".into()), &ws);
        send(&mut state, &ws, Message::Template("payment-2".into()));
        let field = |state: &State, name: &str| state.form(&ws).unwrap().values[name].value();
        assert_eq!(field(&state, "payment_details"), facts);
        let lines = |state: &State| -> Vec<String> {
            letter(state).body.lines().map(marz::bidi::strip).collect()
        };
        let at = lines(&state)
            .iter()
            .position(|l| l == "بانک ملت")
            .unwrap_or_else(|| panic!("{:#?}", lines(&state)));
        let shown: Vec<&str> = facts.split('\n').collect();
        assert_eq!(lines(&state)[at..at + 3], shown[..]);

        // Enter at the end of the details adds a line; typed, it leaves with the letter.
        let details = |a: Action| Message::Input("payment_details".into(), a.into());
        send(&mut state, &ws, details(Action::Move(Motion::DocumentEnd)));
        send(&mut state, &ws, details(Action::Edit(Edit::Enter)));
        for c in "به نام مریم رحیمی".chars() {
            send(&mut state, &ws, details(Action::Edit(Edit::Insert(c))));
        }
        assert_eq!(
            field(&state, "payment_details"),
            format!("{facts}\nبه نام مریم رحیمی")
        );
        assert_eq!(lines(&state)[at + 3], "به نام مریم رحیمی");
        // Pasted lines stay lines.
        for action in typing("کارت ۱\nکارت ۲") {
            send(&mut state, &ws, details(action));
        }
        assert_eq!(lines(&state)[at..at + 2], ["کارت ۱", "کارت ۲"]);

        // In a one-line field Enter changes nothing, and a pasted break becomes a space.
        let invoice = |a: Action| Message::Input("invoice".into(), a.into());
        send(&mut state, &ws, invoice(Action::Move(Motion::DocumentEnd)));
        send(&mut state, &ws, invoice(Action::Edit(Edit::Enter)));
        assert_eq!(field(&state, "invoice"), "INV-2041");
        for action in typing("INV-1\n2") {
            send(&mut state, &ws, invoice(action));
        }
        assert_eq!(field(&state, "invoice"), "INV-1 2");
    }

    /// Every line of a right-to-left letter is laid out right to left, also one that is a
    /// single isolated value (its wrapped lines then end at the right edge); a
    /// left-to-right letter's lines are left as they are.
    #[test]
    fn every_line_of_a_persian_preview_is_laid_out_right_to_left() {
        let iban = marz::bidi::isolate("شبا: IR00 0120 0000 0000 1234 5678 90");
        for line in [iban.as_str(), "سلام", "INV-2041 پرداخت شد", ""] {
            let shown = laid_out(line, Lang::Fa);
            assert_eq!(marz::bidi::strip(&shown), marz::bidi::strip(line));
            assert_eq!(
                unicode_bidi::get_base_direction(shown.as_str()),
                unicode_bidi::Direction::Rtl,
                "{line:?}"
            );
        }
        assert_eq!(laid_out("Dear Daniel,", Lang::En), "Dear Daniel,");
        // Laid out narrow by iced's own text, as the preview does: every wrapped line of
        // the value ends at the right edge of the text's box.
        use iced::advanced::graphics::text::{Paragraph, font_system};
        use iced::advanced::text::{Paragraph as _, Text};
        font_system()
            .write()
            .unwrap()
            .load_font(std::borrow::Cow::Borrowed(theme::VAZIRMATN_REGULAR));
        let content = laid_out(&iban, Lang::Fa);
        let laid = Paragraph::with_text(Text {
            content: content.as_str(),
            bounds: iced::Size::new(180.0, f32::INFINITY),
            size: iced::Pixels(16.0),
            line_height: Default::default(),
            font: theme::FONT,
            align_x: Default::default(),
            align_y: iced::alignment::Vertical::Top,
            shaping: iced::widget::text::Shaping::Advanced,
            wrapping: Default::default(),
        });
        let width = laid.min_bounds().width;
        let runs: Vec<(f32, f32)> = laid
            .buffer()
            .layout_runs()
            .map(|run| {
                let left = run.glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
                let right = run.glyphs.iter().map(|g| g.x + g.w).fold(0.0, f32::max);
                (left, right)
            })
            .collect();
        assert!(runs.len() >= 2, "{runs:?}");
        for (left, right) in &runs {
            assert!((right - width).abs() < 2.0, "{runs:?}");
            assert!(*left >= -0.5, "{runs:?}");
        }
    }

    #[test]
    fn a_line_is_cut_where_placeholders_and_flagged_words_start_and_end() {
        let line = "لطفاً [مبلغ] را بپردازید؛ مشکل از شماست.";
        let flagged = line.find("مشکل").unwrap()..line.find('.').unwrap();
        let got = pieces(line, &["[مبلغ]".to_string()], &[flagged]);
        assert_eq!(
            got,
            vec![
                ("لطفاً ", Look::Plain),
                ("[مبلغ]", Look::Placeholder),
                (" را بپردازید؛ ", Look::Plain),
                ("مشکل از شماست", Look::Flagged),
                (".", Look::Plain),
            ]
        );
        assert_eq!(pieces("", &[], &[]), vec![]);
    }

    /// Every kind of problem the compose screen can show, worded in Persian, holds no
    /// Latin word but the values it names (a field's label, a typed value, a file).
    #[test]
    fn every_problem_the_compose_screen_shows_is_persian_but_for_its_values() {
        let (_dir, mut ws) = sample_workspace();
        let mut seen = Vec::new();
        let mut check = |state: &State, ws: &Workspace, values: &[&str], what: &str| {
            let lines = state.problems(Lang::Fa, ws);
            assert!(!lines.is_empty(), "{what}: no problem shown");
            for line in lines {
                assert!(!line.starts_with('['), "{what}: no message: {line}");
                let latin = latin_words_besides(&line, values);
                assert!(latin.is_empty(), "{what}: {latin:?} in «{line}»");
                let english = state.problems(Lang::En, ws);
                assert!(english.iter().all(|l| !l.starts_with('[')), "{english:?}");
                seen.push(line);
            }
        };

        // Nobody to write to.
        let mut state = State::new(None, &ws);
        check(&state, &ws, &[], "no client");

        // Missing and invalid inputs, and what each invalid value is told under its field.
        state.write_to("sample-daniel".into(), &ws);
        send(&mut state, &ws, Message::Template("payment-2".into()));
        type_into(&mut state, &ws, "invoice", "");
        type_into(&mut state, &ws, "amount", "lots");
        check(
            &state,
            &ws,
            &["Invoice number", "Invoice amount", "lots"],
            "needs",
        );
        let template = ws.library.get("payment-2", Lang::En).unwrap();
        for (name, value) in [
            ("amount", "lots"),
            ("amount", "1.234"),
            ("amount", "99999999999999999999999"),
            ("new_deadline", "soon"),
            ("new_deadline", "2026-02-30"),
            ("new_deadline", "+99999999999"),
        ] {
            let spec = template.input(name).unwrap();
            match input_hint(spec, value, Lang::En, ws.date, Lang::Fa) {
                Some(Hint::Problem(p)) => {
                    let latin = latin_words_besides(&p, &[value]);
                    assert!(latin.is_empty(), "{name}={value}: {latin:?} in «{p}»");
                }
                other => panic!("{name}={value}: {other:?}"),
            }
        }
        // A count outside the input's range.
        let plan = ws.library.get("payment-plan", Lang::En).unwrap();
        for value in ["61", "2.5", "1"] {
            let spec = plan.input("count").unwrap();
            match input_hint(spec, value, Lang::En, ws.date, Lang::Fa) {
                Some(Hint::Problem(p)) => {
                    assert!(p.contains("۶۰"), "{p}");
                    let latin = latin_words_besides(&p, &[value]);
                    assert!(latin.is_empty(), "count={value}: {latin:?} in «{p}»");
                }
                other => panic!("count={value}: {other:?}"),
            }
        }

        // A date that cannot fall where it does beside another is told under its field,
        // with both labels and both dates.
        type_into(&mut state, &ws, "due_date", "2020-01-10");
        type_into(&mut state, &ws, "reminded_on", "2020-01-01");
        let e = order_problem(state.preview(), "reminded_on")
            .expect("a reminder dated before the invoice was due is refused");
        let p = Locale::get(Lang::Fa).problem(e);
        let labels = [
            "Date of the previous reminder (optional)",
            "Original due date",
        ];
        assert!(p.contains(labels[0]) && p.contains(labels[1]), "{p}");
        assert!(
            p.contains("۲۰ دی ۱۳۹۸"),
            "the due date in the letter's calendar: {p}"
        );
        let latin = latin_words_besides(&p, &labels);
        assert!(latin.is_empty(), "{latin:?} in «{p}»");
        assert_eq!(order_problem(state.preview(), "due_date"), None);
        check(
            &state,
            &ws,
            &["Invoice number", "Invoice amount", "lots", labels[0]],
            "date order",
        );
        type_into(&mut state, &ws, "reminded_on", "2020-01-10");
        assert_eq!(order_problem(state.preview(), "reminded_on"), None);

        // A placeholder left in the owner's own subject.
        let mut reza = State::new(Some("sample-reza".into()), &ws);
        send(&mut reza, &ws, Message::Scenario(Scenario::PriceIncrease));
        for action in typing("تغییر نرخ [خدمت]") {
            send(&mut reza, &ws, Message::Subject(action.into()));
        }
        check(
            &reza,
            &ws,
            &["[خدمت]", "خدمت", "نرخ فعلی", "نرخ تازه"],
            "placeholder",
        );

        // A user's template that cannot be rendered: each kind of Tera problem.
        let fa = ws.store.templates_dir(Lang::Fa);
        std::fs::create_dir_all(&fa).unwrap();
        let file = fa.join("payment-1.tera");
        let shown = file.display().to_string();
        for (body, values) in [
            ("{{ client.nickname }}", vec!["client.nickname"]),
            ("{{ \"soon\" | date }}", vec!["date"]),
            ("{{ client.name + 1 }}", vec![]),
        ] {
            let template = format!(
                "+++\nid = \"payment-1\"\ntitle = \"ت\"\nscenario = \"payment\"\nlevel = 1\nsubject = \"م\"\ndescription = \"ش\"\n+++\n{body}\n"
            );
            std::fs::write(&file, template).unwrap();
            ws.library = Library::load(Some(&ws.store.root().join("templates")));
            let mut state = State::new(Some("sample-reza".into()), &ws);
            send(&mut state, &ws, Message::Template("payment-1".into()));
            assert!(
                matches!(state.preview(), Preview::Blocked(Blocker::Broken(_))),
                "{body}: {:?}",
                state.preview()
            );
            let mut values = values;
            values.push(&shown);
            check(&state, &ws, &values, body);
        }
        std::fs::remove_file(&file).unwrap();

        // No template of the situation in the client's language.
        let library = std::mem::take(&mut ws.library);
        let state = State::new(Some("sample-reza".into()), &ws);
        check(&state, &ws, &[], "no template");
        ws.library = library;

        // The owner's details: missing, not TOML, or with a wrong value.
        let sender = ws.store.sender_path();
        let path = sender.display().to_string();
        for (content, values) in [
            (None, vec![]),
            (Some("name = \"مریم\nrole = 3\n"), vec![]),
            (
                Some("name = \"مریم\"\nemail = \"maryam at home\"\n"),
                vec!["email", "maryam at home"],
            ),
        ] {
            match content {
                None => std::fs::remove_file(&sender).unwrap(),
                Some(text) => std::fs::write(&sender, text).unwrap(),
            }
            ws.reload();
            let state = State::new(Some("sample-reza".into()), &ws);
            assert!(matches!(
                state.preview(),
                Preview::Blocked(Blocker::NoSender)
            ));
            let mut values = values;
            values.push(&path);
            check(&state, &ws, &values, &format!("sender {content:?}"));
        }
        assert!(seen.len() >= 9, "{seen:#?}");
    }
}
