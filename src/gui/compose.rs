//! The compose screen: pick a client, a situation and how firm to be; fill the form built
//! from the template's inputs; read the letter take shape, edit the text, and export.
//!
//! What the preview shows is always the letter for what is on screen now: a complete letter,
//! a draft whose missing inputs show as highlighted placeholders, or the problem that stops
//! the letter. Only a complete letter can be exported, copied or mailed.

use super::clients::Choice;
use super::editor::TextField;
use super::theme::{self, row_dir};
use super::workspace::Workspace;
use iced::widget::text_editor::Action;
use iced::widget::{
    Space, button, column, container, operation, pick_list, rich_text, scrollable, span, text,
};
use iced::{Element, Length, Task};
use marz::export::Format;
use marz::i18n::Locale;
use marz::numbers::Decimal;
use marz::profile::Client;
use marz::render::{self, Composed, Draft, InputError, RenderError};
use marz::template::{InputKind, InputSpec, Scenario, Template};
use marz::tone::{self, Finding};
use marz::{Lang, Letter, dates};
use std::collections::BTreeMap;

/// The subject field, for focusing it.
pub const SUBJECT_ID: &str = "compose-subject";
/// The letter body once "Edit text" made it editable.
pub const BODY_ID: &str = "compose_body";

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
                    (i.name.clone(), TextField::single(fact, rtl))
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
    findings: Vec<Finding>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Client(String),
    Scenario(Scenario),
    Template(String),
    Input(String, Action),
    Choose(String, String),
    Subject(Action),
    EditText,
    Body(Action),
    Regenerate,
    ConfirmRegenerate,
    CancelRegenerate,
    Apply(usize),
    Export(Format),
    Copy,
    Mail,
}

/// What the parent must do. Only a complete letter is ever handed over.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Export(Box<Letter>, Format),
    Copy(String),
    Mail(String),
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
            findings: Vec::new(),
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

    pub fn preview(&self) -> &Preview {
        &self.preview
    }

    /// Writes to another client.
    pub fn write_to(&mut self, client: String, ws: &Workspace) {
        self.client = Some(client);
        self.refresh(ws);
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
            .map(|l| tone::check(&l.to_text(), l.lang))
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
            .entry(key)
            .or_insert_with(|| Form::new(client, template));
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

    pub fn update(&mut self, message: Message, ws: &Workspace) -> (Task<Message>, Option<Event>) {
        let mut task = Task::none();
        match message {
            Message::Client(id) => self.client = Some(id),
            Message::Scenario(s) => self.scenario = s,
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
                let Some(new_body) = self.applied(index) else {
                    return (Task::none(), None);
                };
                let rtl = self.preview.letter().is_some_and(|l| l.lang.is_rtl());
                if let Some(form) = self.form_mut(ws) {
                    form.body = Some(TextField::multi(&new_body, rtl));
                }
            }
            Message::Export(format) => {
                let event = self
                    .preview
                    .complete()
                    .map(|l| Event::Export(Box::new(l.clone()), format));
                return (Task::none(), event);
            }
            Message::Copy => {
                let event = self.preview.complete().map(|l| Event::Copy(l.to_text()));
                return (Task::none(), event);
            }
            Message::Mail => {
                let event = self
                    .preview
                    .complete()
                    .map(|l| Event::Mail(marz::export::mailto(l)));
                return (Task::none(), event);
            }
        }
        self.refresh(ws);
        (task, None)
    }

    /// The body with the replacement of finding `index` applied, for a complete letter.
    fn applied(&self, index: usize) -> Option<String> {
        let finding = self.findings.get(index)?.clone();
        let letter = self.preview.complete()?;
        // Findings point into the whole letter; the editable part is the body.
        let whole = letter.to_text();
        let body_start = whole.find(&letter.body)?;
        let span = finding.span.start.checked_sub(body_start)?
            ..finding.span.end.checked_sub(body_start)?;
        Finding { span, ..finding }.apply(&letter.body)
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
        let clients: Vec<Choice<String>> = ws
            .clients
            .clients
            .iter()
            .map(|c| Choice::new(c.id.clone(), c.addressed_name(c.language)))
            .collect();
        let selected = self
            .client
            .as_ref()
            .and_then(|id| clients.iter().find(|c| &c.value == id).cloned());
        let client_pick = pick_list(clients, selected, |c| Message::Client(c.value))
            .placeholder(l.text("compose-pick-client"))
            .width(Length::Fill);

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
        if let (Some(template), Some(form)) = (self.template(ws), self.form(ws)) {
            left = left.push(theme::label(ui, template.meta.description.clone()));
            left = left.push(form_view(ui, template, form, ws));
        }
        left
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
                form.subject.view(Message::Subject).id(SUBJECT_ID),
            ]
            .into(),
            None => Space::new().into(),
        };
        let body = form.and_then(|f| f.body.as_ref());
        let sheet = container(sheet_view(letter, body, &placeholders))
            .style(theme::paper)
            .width(Length::Fill);

        let complete = self.preview.complete().is_some();
        let mut panel = column![
            subject,
            scrollable(sheet).height(Length::Fill),
            self.edit_controls(ui, body.is_some(), complete),
            self.tone_panel(ui, complete),
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
        panel.push(exports(ui, complete)).into()
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

    fn tone_panel<'a>(&'a self, ui: Lang, complete: bool) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let mut panel = column![theme::label(ui, l.text("compose-tone"))]
            .align_x(theme::start(ui))
            .spacing(4);
        if self.findings.is_empty() {
            panel = panel.push(theme::line(ui, l.text("compose-tone-ok")));
        }
        for (i, f) in self.findings.iter().enumerate() {
            let mut item = column![
                theme::line(ui, format!("{} — «{}»", f.rule.title(ui), f.text.trim())),
                theme::label(ui, f.rule.advice(ui)),
            ]
            .align_x(theme::start(ui));
            if let Some(r) = &f.replacement {
                item = item.push(
                    button(text(format!("{} → «{r}»", l.text("compose-apply"))).size(13))
                        .style(button::secondary)
                        .on_press_maybe(complete.then_some(Message::Apply(i))),
                );
            }
            panel = panel.push(container(item).padding(6).style(theme::notice(false)));
        }
        panel.into()
    }
}

/// The label of the input a problem names.
fn label_of(e: &InputError) -> String {
    match e {
        InputError::Missing { label, .. } | InputError::Invalid { label, .. } => label.clone(),
        InputError::Unknown { name, .. } => name.clone(),
    }
}

/// The letter as a sheet of paper; placeholders are highlighted where they stand.
fn sheet_view<'a>(
    letter: &'a Letter,
    body: Option<&'a TextField>,
    placeholders: &[String],
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
        sheet = sheet.push(marked_line(lang, line, placeholders, false));
    }
    sheet = sheet.push(marked_line(
        lang,
        &letter.subject_line(),
        placeholders,
        true,
    ));
    sheet = sheet.push(marked_line(lang, &letter.greeting, placeholders, false));
    let body: Element<'a, Message> = match body {
        Some(editor) => editor
            .view(Message::Body)
            .id(BODY_ID)
            .padding(8)
            .min_height(120.0)
            .into(),
        None => {
            let mut paragraphs = column![].spacing(4);
            for para in letter.body.split('\n') {
                paragraphs = paragraphs.push(marked_line(lang, para, placeholders, false));
            }
            paragraphs.into()
        }
    };
    sheet = sheet.push(body);
    sheet = sheet.push(marked_line(lang, &letter.closing, placeholders, false));
    for line in &letter.signature {
        sheet = sheet.push(theme::line(lang, line.clone()));
    }
    sheet.into()
}

/// One line of the letter, with each placeholder in it highlighted.
fn marked_line<'a>(
    lang: Lang,
    line: &str,
    placeholders: &[String],
    bold: bool,
) -> Element<'a, Message> {
    let font = if bold { theme::BOLD } else { theme::FONT };
    let has_placeholder = placeholders.iter().any(|p| line.contains(p.as_str()));
    if !has_placeholder {
        return container(text(line.to_string()).font(font))
            .width(Length::Fill)
            .align_x(theme::start(lang))
            .into();
    }
    // The mark makes the line right to left even when it starts with a Latin value.
    let mut rest = if lang.is_rtl() {
        format!("{}{line}", marz::bidi::RLM)
    } else {
        line.to_string()
    };
    let mut spans = Vec::new();
    while let Some((at, found)) = placeholders
        .iter()
        .filter_map(|p| rest.find(p.as_str()).map(|at| (at, p)))
        .min_by_key(|(at, _)| *at)
    {
        if at > 0 {
            spans.push(span(rest[..at].to_string()).font(font));
        }
        spans.push(theme::placeholder(span(found.clone()).font(font)));
        rest = rest[at + found.len()..].to_string();
    }
    if !rest.is_empty() {
        spans.push(span(rest).font(font));
    }
    // Not `rich_text(..).align_x(Right)`: iced then shifts a short Persian line by the
    // width of its box (drawn over the form beside the preview, seen under Xvfb). A wrapped
    // marked Persian line can still overflow its box by a word or two (known, open).
    container(rich_text(spans).on_link_click(iced::never))
        .width(Length::Fill)
        .align_x(theme::start(lang))
        .into()
}

/// Export, copy and mail: pressable only for a complete letter.
fn exports<'a>(ui: Lang, complete: bool) -> Element<'a, Message> {
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
    let hand_over = row_dir(
        ui,
        vec![
            action("export-copy", Message::Copy, false),
            action("export-mail", Message::Mail, false),
        ],
    )
    .spacing(6);
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
        match input_hint(spec, &field.value(), letter_lang, ws.date, ui) {
            Some(Hint::Meaning(meaning)) => {
                column = column.push(theme::label(letter_lang, meaning))
            }
            Some(Hint::Problem(problem)) => column = column.push(theme::field_error(&problem)),
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
        _ => {
            let placeholder = spec.default.clone().unwrap_or_default();
            field
                .view(move |a| Message::Input(name.clone(), a))
                .placeholder(placeholder)
                .into()
        }
    }
}

/// What a typed value means, shown under its field.
#[derive(Debug, Clone, PartialEq)]
pub enum Hint {
    /// An amount in words or a date in the letter's calendar, in the letter's language.
    Meaning(String),
    /// Why the value does not fit, in the interface's language.
    Problem(String),
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
            Hint::Meaning(format!(
                "{} · {}",
                dates::format(d, lang),
                dates::format_numeric(d, lang)
            ))
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::editor::typing;
    use crate::gui::tests::{latin_words_besides, sample_workspace};
    use marz::Library;

    fn send(state: &mut State, ws: &Workspace, message: Message) -> Option<Event> {
        state.update(message, ws).1
    }

    fn type_into(state: &mut State, ws: &Workspace, name: &str, value: &str) {
        for action in typing(value) {
            send(state, ws, Message::Input(name.into(), action));
        }
    }

    fn letter(state: &State) -> &Letter {
        state.preview().letter().expect("a letter on screen")
    }

    fn text(state: &State) -> String {
        marz::bidi::strip(&letter(state).to_text())
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
            send(&mut state, &ws, Message::Body(action));
        }
        for action in typing("A new subject") {
            send(&mut state, &ws, Message::Subject(action));
        }
        assert_eq!(letter(&state).body, "My own words, YOU IDIOT!!!");
        assert_eq!(letter(&state).subject, "A new subject");
        assert!(state.findings.iter().any(|f| f.rule == tone::Rule::Insult));
        // Form changes do not overwrite the edited body.
        type_into(&mut state, &ws, "amount", "99");
        assert_eq!(letter(&state).body, "My own words, YOU IDIOT!!!");
        // Applying a suggested replacement edits the body.
        let shout = state
            .findings
            .iter()
            .position(|f| f.text == "!!!")
            .expect("shouting found");
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

    #[test]
    fn only_a_complete_letter_is_exported_copied_or_mailed() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(None, &ws);
        assert_eq!(send(&mut state, &ws, Message::Export(Format::Pdf)), None);
        send(&mut state, &ws, Message::Client("sample-nazanin".into()));
        match send(&mut state, &ws, Message::Export(Format::Eml)) {
            Some(Event::Export(letter, Format::Eml)) => assert_eq!(letter.client, "sample-nazanin"),
            other => panic!("{other:?}"),
        }
        match send(&mut state, &ws, Message::Mail) {
            Some(Event::Mail(url)) => assert!(
                url.starts_with("mailto:nazanin%2Ekarimi%40example%2Ecom?subject="),
                "{url}"
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            send(&mut state, &ws, Message::Copy),
            Some(Event::Copy(t)) if marz::bidi::strip(&t).contains("سرکار خانم نازنین کریمی")
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
            send(&mut state, &ws, Message::Subject(action));
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
        assert!(text(&state).contains("تغییر نرخ طراحی"), "{}", text(&state));
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

        // A placeholder left in the owner's own subject.
        let mut reza = State::new(Some("sample-reza".into()), &ws);
        send(&mut reza, &ws, Message::Scenario(Scenario::PriceIncrease));
        for action in typing("تغییر نرخ [خدمت]") {
            send(&mut reza, &ws, Message::Subject(action));
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
