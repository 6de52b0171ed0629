//! The clients screen: a searchable list, the client's details, a validated form to add or
//! edit one, and deletion (to the trash folder) after a confirmation.

use super::editor::Change;
use super::editor::TextField;
use super::theme::{self, row_dir};
use super::workspace::Workspace;
use iced::widget::{Space, button, column, container, operation, pick_list, scrollable, text};
use iced::{Element, Length, Task};
use marz::Lang;
use marz::i18n::Locale;
use marz::money::Currency;
use marz::profile::{Client, Honorific};
use marz::register::{Entry, LetterId, Thread, ThreadState};
use marz::store::ClientList;
use std::collections::BTreeMap;

pub const SEARCH_ID: &str = "clients-search";
/// The form's first field, focused when the form opens.
pub const NAME_ID: &str = "client_name";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Name,
    Title,
    Company,
    Email,
    Phone,
    Notes,
}

impl Field {
    const ALL: [Field; 7] = [
        Field::Id,
        Field::Name,
        Field::Title,
        Field::Company,
        Field::Email,
        Field::Phone,
        Field::Notes,
    ];

    /// Whether the field runs right to left in an interface in `lang` (ids, emails and
    /// phone numbers are written left to right).
    fn is_rtl(self, lang: Lang) -> bool {
        lang.is_rtl() && !matches!(self, Field::Id | Field::Email | Field::Phone)
    }
}

/// The add/edit form. Nothing is saved until it validates.
#[derive(Debug, Clone)]
pub struct Form {
    /// The id being edited; `None` for a new client.
    pub original: Option<String>,
    pub values: BTreeMap<Field, TextField>,
    pub honorific: Option<Honorific>,
    pub language: Option<Lang>,
    pub currency: Option<Currency>,
    pub facts: BTreeMap<String, String>,
    /// Field name → problem, shown under the field.
    pub errors: BTreeMap<String, String>,
}

impl Form {
    fn new(lang: Lang) -> Self {
        Form {
            original: None,
            values: Field::ALL
                .into_iter()
                .map(|f| (f, TextField::single("", f.is_rtl(lang))))
                .collect(),
            honorific: None,
            language: None,
            currency: None,
            facts: BTreeMap::new(),
            errors: BTreeMap::new(),
        }
    }

    fn from_client(c: &Client, lang: Lang) -> Self {
        let mut values = BTreeMap::new();
        values.insert(Field::Id, c.id.clone());
        values.insert(Field::Name, c.name.clone());
        for (f, v) in [
            (Field::Title, &c.title),
            (Field::Company, &c.company),
            (Field::Email, &c.email),
            (Field::Phone, &c.phone),
            (Field::Notes, &c.notes),
        ] {
            values.insert(f, v.clone().unwrap_or_default());
        }
        Form {
            original: Some(c.id.clone()),
            values: values
                .into_iter()
                .map(|(f, v)| (f, TextField::single(&v, f.is_rtl(lang))))
                .collect(),
            honorific: Some(c.honorific),
            language: Some(c.language),
            currency: Some(c.currency),
            facts: c.facts.clone(),
            errors: BTreeMap::new(),
        }
    }

    fn value(&self, field: Field) -> String {
        self.values
            .get(&field)
            .map(TextField::value)
            .unwrap_or_default()
    }

    /// The client this form describes, validated; errors are kept per field.
    pub fn validate(&mut self, list: &ClientList, lang: Lang) -> Option<Client> {
        let l = Locale::get(lang);
        let opt = |s: String| {
            let s = s.trim().to_string();
            (!s.is_empty()).then_some(s)
        };
        let name = self.value(Field::Name);
        let mut id = self.value(Field::Id).trim().to_string();
        if id.is_empty() {
            // A new client without an id gets one from the name, unique in the workspace.
            id = list.free_id(&name);
        }
        let mut client = Client {
            honorific: self.honorific.unwrap_or_default(),
            title: opt(self.value(Field::Title)),
            company: opt(self.value(Field::Company)),
            email: opt(self.value(Field::Email)),
            phone: opt(self.value(Field::Phone)),
            notes: opt(self.value(Field::Notes)),
            language: self.language.unwrap_or_default(),
            currency: self.currency.unwrap_or_default(),
            facts: self.facts.clone(),
            ..Client::new(&id, &name)
        };
        self.errors.clear();
        if self.original.as_deref() != Some(id.as_str()) && list.get(&id).is_some() {
            self.errors.insert(
                "id".to_string(),
                l.text_with("invalid-id-taken", &[("value", &id)]),
            );
            return None;
        }
        match client.normalize_and_validate() {
            Ok(()) => Some(client),
            Err(e) => {
                self.errors.insert(e.field.clone(), l.problem(&e));
                None
            }
        }
    }
}

#[derive(Debug)]
pub struct State {
    /// The interface language, which sets the direction of new forms.
    pub lang: Lang,
    pub search: TextField,
    pub selected: Option<String>,
    pub form: Option<Form>,
    pub confirm_delete: Option<String>,
    /// The selected client's letters (newest first) and open threads, from the register.
    pub timeline: Option<Timeline>,
}

/// A client's history with the owner, as the register holds it.
#[derive(Debug, Default)]
pub struct Timeline {
    pub client: String,
    pub letters: Vec<Entry>,
    /// All of their letters, when `letters` shows only the latest.
    pub total: usize,
    pub open: Vec<Thread>,
}

/// How many of a client's letters the timeline shows.
const TIMELINE: usize = 50;

#[derive(Debug, Clone)]
pub enum Message {
    Search(Change),
    /// Ctrl+F: the search box, ready to type into.
    FocusSearch,
    Select(String),
    New,
    Edit(String),
    Field(Field, Change),
    Honorific(Honorific),
    Language(Lang),
    Currency(Currency),
    Save,
    CancelForm,
    AskDelete(String),
    ConfirmDelete,
    CancelDelete,
    Import,
    WriteTo(String),
    /// Open a letter of the timeline on the letters screen.
    OpenLetter(LetterId),
}

/// What the parent must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Save {
        client: Client,
        replace: Option<String>,
    },
    Delete(String),
    Import,
    Compose(String),
    OpenLetter(LetterId),
}

impl State {
    pub fn new(lang: Lang) -> Self {
        State {
            lang,
            search: TextField::single("", lang.is_rtl()),
            selected: None,
            form: None,
            confirm_delete: None,
            timeline: None,
        }
    }

    /// Reads the selected client's timeline again from the register.
    pub fn refresh(&mut self, ws: &Workspace) {
        self.timeline = None;
        let (Some(id), Some(register)) = (&self.selected, ws.register()) else {
            return;
        };
        let filter = marz::register::Filter {
            client: Some(id.clone()),
            ..Default::default()
        };
        // A register that cannot be read shows no timeline; the letters screen says why.
        let page = register.list(&filter, 0, TIMELINE);
        let threads = register.threads_of(id, ws.date);
        if let (Ok(page), Ok(threads)) = (page, threads) {
            self.timeline = Some(Timeline {
                client: id.clone(),
                letters: page.entries,
                total: page.total,
                open: threads
                    .into_iter()
                    .filter(|t| t.state == ThreadState::Open)
                    .collect(),
            });
        }
    }

    /// Lays the fields out for a new interface language, keeping what was typed.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.search = self.search.with_rtl(lang.is_rtl());
        if let Some(form) = &mut self.form {
            for (f, field) in form.values.iter_mut() {
                *field = field.with_rtl(f.is_rtl(lang));
            }
        }
    }

    pub fn update(&mut self, message: Message, ws: &Workspace) -> (Task<Message>, Option<Event>) {
        let list = &ws.clients;
        let event = match message {
            Message::Search(action) => {
                self.search.perform(action);
                None
            }
            Message::FocusSearch => return (operation::focus(SEARCH_ID), None),
            Message::Select(id) => {
                self.selected = Some(id);
                self.form = None;
                self.refresh(ws);
                None
            }
            Message::New => {
                self.form = Some(Form::new(self.lang));
                self.confirm_delete = None;
                // A form that opens is ready to type into.
                return (operation::focus(NAME_ID), None);
            }
            Message::Edit(id) => {
                let Some(c) = list.get(&id) else {
                    return (Task::none(), None);
                };
                self.form = Some(Form::from_client(c, self.lang));
                return (operation::focus(NAME_ID), None);
            }
            Message::Field(field, action) => {
                if let Some(value) = self
                    .form
                    .as_mut()
                    .and_then(|form| form.values.get_mut(&field))
                {
                    value.perform(action);
                }
                None
            }
            Message::Honorific(h) => {
                if let Some(form) = &mut self.form {
                    form.honorific = Some(h);
                }
                None
            }
            Message::Language(l) => {
                if let Some(form) = &mut self.form {
                    form.language = Some(l);
                }
                None
            }
            Message::Currency(c) => {
                if let Some(form) = &mut self.form {
                    form.currency = Some(c);
                }
                None
            }
            Message::Save => self.form.as_mut().and_then(|form| {
                let client = form.validate(list, self.lang)?;
                Some(Event::Save {
                    client,
                    replace: form.original.clone(),
                })
            }),
            Message::CancelForm => {
                self.form = None;
                None
            }
            Message::AskDelete(id) => {
                self.confirm_delete = Some(id);
                None
            }
            Message::CancelDelete => {
                self.confirm_delete = None;
                None
            }
            Message::ConfirmDelete => self.confirm_delete.take().map(Event::Delete),
            Message::Import => Some(Event::Import),
            Message::WriteTo(id) => Some(Event::Compose(id)),
            Message::OpenLetter(id) => Some(Event::OpenLetter(id)),
        };
        (Task::none(), event)
    }

    /// After a client was deleted.
    pub fn deleted(&mut self, id: &str) {
        if self.selected.as_deref() == Some(id) {
            self.selected = None;
        }
    }

    /// After the parent saved the client.
    pub fn saved(&mut self, id: &str) {
        self.form = None;
        self.selected = Some(id.to_string());
    }

    pub fn view<'a>(&'a self, lang: Lang, ws: &'a Workspace) -> Element<'a, Message> {
        let list = &ws.clients;
        let l = Locale::get(lang);
        let search = self
            .search
            .view(Message::Search)
            .id(SEARCH_ID)
            .placeholder(l.text("clients-search"))
            .padding(8);
        let toolbar = row_dir(
            lang,
            vec![
                search.into(),
                button(text(l.text("clients-new")))
                    .on_press(Message::New)
                    .into(),
                button(text(l.text("clients-import")))
                    .style(button::secondary)
                    .on_press(Message::Import)
                    .into(),
            ],
        )
        .spacing(8);

        let found = list.search(&self.search.value());
        let mut items = column![].spacing(4);
        if list.clients.is_empty() {
            items = items.push(theme::line(lang, l.text("clients-empty")));
        } else if found.is_empty() {
            items = items.push(theme::line(lang, l.text("clients-none-found")));
        }
        // A list of 10,000 clients laid out at once would take the window's memory and time;
        // the search narrows it.
        if found.len() > super::client_pick::SHOWN * 4 {
            items = items.push(theme::label(
                lang,
                l.text_with(
                    "clients-more",
                    &[(
                        "count",
                        &l.number(found.len() - super::client_pick::SHOWN * 4),
                    )],
                ),
            ));
        }
        for c in found.into_iter().take(super::client_pick::SHOWN * 4) {
            let selected = self.selected.as_deref() == Some(c.id.as_str());
            let mut entry = column![theme::line(lang, c.addressed_name(c.language))];
            if let Some(company) = c.company.as_ref().filter(|c| !c.trim().is_empty()) {
                entry = entry.push(theme::label(lang, company.clone()));
            }
            items = items.push(
                button(entry)
                    .width(Length::Fill)
                    .style(if selected {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Select(c.id.clone())),
            );
        }
        if !list.problems.is_empty() {
            let mut problems =
                column![theme::label(lang, l.text("clients-problems"))].align_x(theme::start(lang));
            for p in &list.problems {
                problems = problems.push(
                    container(text(l.problem(p)).size(12))
                        .width(Length::Fill)
                        .align_x(theme::start(lang)),
                );
            }
            items = items.push(container(problems).padding(8).style(theme::notice(false)));
        }
        let list_column = column![toolbar, scrollable(items).height(Length::Fill)]
            .align_x(theme::start(lang))
            .spacing(10)
            .width(Length::FillPortion(2));

        let detail: Element<'a, Message> = if let Some(form) = &self.form {
            self.form_view(lang, form)
        } else if let Some(c) = self
            .selected
            .as_ref()
            .and_then(|id| list.clients.iter().find(|c| &c.id == id))
        {
            self.detail_view(lang, c, ws)
        } else {
            Space::new().into()
        };
        row_dir(
            lang,
            vec![
                list_column.into(),
                container(scrollable(detail))
                    .width(Length::FillPortion(3))
                    .into(),
            ],
        )
        .spacing(16)
        .height(Length::Fill)
        .into()
    }

    /// The client's letters, newest first, and their open threads.
    fn timeline_view<'a>(
        &'a self,
        lang: Lang,
        t: &'a Timeline,
        ws: &Workspace,
    ) -> Element<'a, Message> {
        let l = Locale::get(lang);
        let mut col = column![theme::heading(lang, l.text("clients-timeline"))]
            .align_x(theme::start(lang))
            .spacing(4);
        for thread in &t.open {
            let Some(last) = &thread.last else { continue };
            let next = thread
                .suggest
                .as_deref()
                .map(|s| super::letters::template_name(lang, ws, s, last.lang));
            // Short lines (a wrapped right-to-left line with a number can overflow).
            let mut lines = column![
                theme::line(
                    lang,
                    l.text_with(
                        "clients-open-thread",
                        &[(
                            "template",
                            &super::letters::template_name(lang, ws, &last.template, last.lang),
                        )],
                    )
                ),
                theme::line(
                    lang,
                    l.text_with(
                        "clients-open-thread-last",
                        &[
                            ("number", &marz::bidi::in_text(&last.number, lang)),
                            ("date", &marz::dates::format(last.date, lang)),
                        ],
                    )
                ),
            ];
            if let Some(next) = next {
                lines = lines.push(theme::line(
                    lang,
                    l.text_with("clients-open-thread-next", &[("next", &next)]),
                ));
            }
            col = col.push(container(lines).padding(6).style(theme::notice(true)));
        }
        if t.letters.is_empty() {
            col = col.push(theme::line(lang, l.text("clients-no-letters")));
        }
        for e in &t.letters {
            let level = super::letters::template_name(lang, ws, &e.template, e.lang);
            col = col.push(
                button(column![
                    super::letters::entry_view(lang, ws, e),
                    theme::label(lang, level),
                ])
                .width(Length::Fill)
                .style(button::text)
                .on_press(Message::OpenLetter(e.id)),
            );
        }
        if t.total > t.letters.len() {
            col = col.push(theme::label(
                lang,
                l.text_with(
                    "clients-timeline-more",
                    &[("count", &l.number(t.total - t.letters.len()))],
                ),
            ));
        }
        col.into()
    }

    fn detail_view<'a>(
        &'a self,
        lang: Lang,
        c: &'a Client,
        ws: &'a Workspace,
    ) -> Element<'a, Message> {
        let l = Locale::get(lang);
        let mut info = column![theme::heading(lang, c.addressed_name(c.language))]
            .align_x(theme::start(lang))
            .spacing(6);
        for (key, value) in [
            ("field-title", c.title.as_deref()),
            ("field-company", c.company.as_deref()),
            ("field-email", c.email.as_deref()),
            ("field-phone", c.phone.as_deref()),
            ("field-notes", c.notes.as_deref()),
        ] {
            if let Some(v) = value {
                info = info.push(theme::label(lang, l.text(key)));
                info = info.push(theme::line(lang, v));
            }
        }
        info = info.push(theme::label(lang, l.text("field-language")));
        info = info.push(theme::line(lang, l.text(&format!("lang-{}", c.language))));
        let actions = if self.confirm_delete.as_deref() == Some(c.id.as_str()) {
            column![
                theme::line(
                    lang,
                    l.text_with("clients-delete-confirm", &[("name", &c.name)])
                ),
                row_dir(
                    lang,
                    vec![
                        button(text(l.text("clients-delete-yes")))
                            .style(button::danger)
                            .on_press(Message::ConfirmDelete)
                            .into(),
                        button(text(l.text("clients-cancel")))
                            .style(button::secondary)
                            .on_press(Message::CancelDelete)
                            .into(),
                    ]
                )
                .spacing(8)
            ]
            .align_x(theme::start(lang))
            .spacing(8)
        } else {
            column![
                row_dir(
                    lang,
                    vec![
                        button(text(l.text("clients-write")))
                            .on_press(Message::WriteTo(c.id.clone()))
                            .into(),
                        button(text(l.text("clients-edit")))
                            .style(button::secondary)
                            .on_press(Message::Edit(c.id.clone()))
                            .into(),
                        button(text(l.text("clients-delete")))
                            .style(button::danger)
                            .on_press(Message::AskDelete(c.id.clone()))
                            .into(),
                    ]
                )
                .spacing(8)
            ]
            .align_x(theme::start(lang))
        };
        let mut card = column![info, actions]
            .align_x(theme::start(lang))
            .spacing(16);
        if let Some(t) = self.timeline.as_ref().filter(|t| t.client == c.id) {
            card = card.push(self.timeline_view(lang, t, ws));
        }
        container(card)
            .padding(16)
            .style(theme::card)
            .width(Length::Fill)
            .into()
    }

    fn form_view<'a>(&'a self, lang: Lang, form: &'a Form) -> Element<'a, Message> {
        let l = Locale::get(lang);
        let mut fields = column![].align_x(theme::start(lang)).spacing(6);
        for (field, key, name) in [
            (Field::Name, "field-name", "name"),
            (Field::Id, "field-id", "id"),
            (Field::Title, "field-title", "title"),
            (Field::Company, "field-company", "company"),
            (Field::Email, "field-email", "email"),
            (Field::Phone, "field-phone", "phone"),
            (Field::Notes, "field-notes", "notes"),
        ] {
            fields = fields.push(theme::label(lang, l.text(key)));
            if let Some(value) = form.values.get(&field) {
                let input = value
                    .view(move |a| Message::Field(field, a))
                    .on_submit(Message::Save);
                fields = fields.push(if field == Field::Name {
                    input.id(NAME_ID)
                } else {
                    input
                });
            }
            if let Some(err) = form.errors.get(name) {
                fields = fields.push(theme::field_error(err));
            }
        }
        let honorifics: Vec<Choice<Honorific>> = Honorific::ALL
            .iter()
            .map(|&h| Choice::new(h, l.text(&format!("honorific-{}", h.code()))))
            .collect();
        let languages: Vec<Choice<Lang>> = Lang::ALL
            .iter()
            .map(|&g| Choice::new(g, l.text(&format!("lang-{g}"))))
            .collect();
        let currencies: Vec<Choice<Currency>> = Currency::ALL
            .iter()
            .map(|&c| Choice::new(c, l.text(&format!("currency-{c}"))))
            .collect();
        let pick = |key: &str, el: Element<'a, Message>| {
            column![theme::label(lang, l.text(key)), el].align_x(theme::start(lang))
        };
        let honorific = Choice::selected(&honorifics, form.honorific.unwrap_or_default());
        let language = Choice::selected(&languages, form.language.unwrap_or_default());
        let currency = Choice::selected(&currencies, form.currency.unwrap_or_default());
        let selects = row_dir(
            lang,
            vec![
                pick(
                    "field-honorific",
                    pick_list(honorifics, honorific, |c| Message::Honorific(c.value)).into(),
                )
                .into(),
                pick(
                    "field-language",
                    pick_list(languages, language, |c| Message::Language(c.value)).into(),
                )
                .into(),
                pick(
                    "field-currency",
                    pick_list(currencies, currency, |c| Message::Currency(c.value)).into(),
                )
                .into(),
            ],
        )
        .spacing(12);
        let actions = row_dir(
            lang,
            vec![
                button(text(l.text("clients-save")))
                    .on_press(Message::Save)
                    .into(),
                button(text(l.text("clients-cancel")))
                    .style(button::secondary)
                    .on_press(Message::CancelForm)
                    .into(),
            ],
        )
        .spacing(8);
        container(
            column![fields, selects, actions]
                .align_x(theme::start(lang))
                .spacing(14),
        )
        .padding(16)
        .style(theme::card)
        .width(Length::Fill)
        .into()
    }
}

/// A value with its label in the interface language, for pick lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
}

impl<T: PartialEq + Clone> Choice<T> {
    pub fn new(value: T, label: String) -> Self {
        Choice { value, label }
    }

    pub fn selected(all: &[Choice<T>], value: T) -> Option<Choice<T>> {
        all.iter().find(|c| c.value == value).cloned()
    }
}

impl<T> std::fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::tests::sample_workspace;

    fn type_into(state: &mut State, field: Field, value: &str, ws: &Workspace) {
        for action in crate::gui::editor::typing(value) {
            let _ = state.update(Message::Field(field, action.into()), ws);
        }
    }

    fn event(state: &mut State, message: Message, ws: &Workspace) -> Option<Event> {
        state.update(message, ws).1
    }

    #[test]
    fn new_client_form_validates_before_saving() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Lang::Fa);
        event(&mut state, Message::New, &ws);
        assert_eq!(
            event(&mut state, Message::Save, &ws),
            None,
            "a name is required"
        );
        // Problems are worded in the interface's language.
        assert_eq!(
            state
                .form
                .as_ref()
                .unwrap()
                .errors
                .get("name")
                .map(String::as_str),
            Some("پر کردن این بخش لازم است.")
        );
        type_into(&mut state, Field::Name, "Sara Jones", &ws);
        type_into(&mut state, Field::Email, "not-an-email", &ws);
        assert_eq!(event(&mut state, Message::Save, &ws), None);
        let email = &state.form.as_ref().unwrap().errors["email"];
        assert!(
            email.contains("not-an-email") && email.contains("رایانامه"),
            "{email}"
        );
        type_into(&mut state, Field::Email, "sara@example.com", &ws);
        event(&mut state, Message::Honorific(Honorific::Ms), &ws);
        match event(&mut state, Message::Save, &ws) {
            Some(Event::Save { client, replace }) => {
                assert_eq!(client.id, "sara-jones");
                assert_eq!(client.honorific, Honorific::Ms);
                assert_eq!(replace, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn ids_must_stay_unique_and_persian_names_get_one() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Lang::Fa);
        event(&mut state, Message::New, &ws);
        type_into(&mut state, Field::Name, "علی", &ws);
        type_into(&mut state, Field::Id, "sample-reza", &ws);
        assert_eq!(event(&mut state, Message::Save, &ws), None);
        assert!(state.form.as_ref().unwrap().errors.contains_key("id"));
        type_into(&mut state, Field::Id, "", &ws);
        match event(&mut state, Message::Save, &ws) {
            Some(Event::Save { client, .. }) => assert_eq!(client.id, "client"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn editing_keeps_the_original_id_and_delete_needs_confirmation() {
        let (_dir, ws) = sample_workspace();
        let mut state = State::new(Lang::Fa);
        event(&mut state, Message::Edit("sample-reza".into()), &ws);
        type_into(&mut state, Field::Phone, "021-1234", &ws);
        match event(&mut state, Message::Save, &ws) {
            Some(Event::Save { client, replace }) => {
                assert_eq!(replace.as_deref(), Some("sample-reza"));
                assert_eq!(client.phone.as_deref(), Some("021-1234"));
                assert_eq!(
                    client.facts.get("invoice").map(String::as_str),
                    Some("INV-2041")
                );
            }
            other => panic!("{other:?}"),
        }
        let ask = Message::AskDelete("sample-reza".into());
        assert_eq!(event(&mut state, ask.clone(), &ws), None);
        assert_eq!(event(&mut state, Message::CancelDelete, &ws), None);
        assert_eq!(event(&mut state, Message::ConfirmDelete, &ws), None);
        event(&mut state, ask, &ws);
        assert_eq!(
            event(&mut state, Message::ConfirmDelete, &ws),
            Some(Event::Delete("sample-reza".into()))
        );
    }
}
