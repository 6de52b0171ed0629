//! The compose screen: pick a client, a situation and how firm to be; fill the form built
//! from the template's inputs; read the live preview, edit the text, and export.

use super::clients::Choice;
use super::editor::TextField;
use super::theme::{self, row_dir};
use chrono::NaiveDate;
use iced::widget::text_editor::Action;
use iced::widget::{Space, button, column, container, pick_list, scrollable, text};
use iced::{Element, Length};
use marz::export::Format;
use marz::i18n::Locale;
use marz::numbers::Decimal;
use marz::profile::{Client, Sender};
use marz::render::{self, Draft};
use marz::store::ClientList;
use marz::template::{InputKind, InputSpec, Library, Scenario, Template};
use marz::tone::{self, Finding};
use marz::{Lang, Letter, dates};
use std::collections::BTreeMap;

/// The subject field, for focusing it.
pub const SUBJECT_ID: &str = "compose-subject";
/// The letter body once "Edit text" made it editable.
pub const BODY_ID: &str = "compose_body";

#[derive(Debug)]
pub struct State {
    pub client: Option<String>,
    pub scenario: Scenario,
    /// The chosen template of the scenario, by id (the same id in both languages).
    pub template: Option<String>,
    /// Form values per client and template (switching keeps what was typed). Seeded from
    /// the client's facts the first time a form is shown.
    pub values: BTreeMap<(String, String), BTreeMap<String, TextField>>,
    pub date: NaiveDate,
    /// The subject line: the template's until the owner edits it.
    pub subject: TextField,
    pub subject_edited: bool,
    /// The owner's own text, once they chose "Edit text".
    pub editor: Option<TextField>,
    pub confirm_regenerate: bool,
    pub letter: Option<Letter>,
    pub error: Option<String>,
    pub findings: Vec<Finding>,
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

/// What the parent must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Export(Box<Letter>, Format),
    Copy(String),
    Mail(String),
}

/// What a compose screen needs from the app to render.
pub struct Context<'a> {
    pub library: &'a Library,
    pub clients: &'a ClientList,
    pub sender: Option<&'a Sender>,
    pub number: String,
}

impl State {
    pub fn new(today: NaiveDate) -> Self {
        State {
            client: None,
            scenario: Scenario::Payment,
            template: None,
            values: BTreeMap::new(),
            date: today,
            subject: TextField::single("", true),
            subject_edited: false,
            editor: None,
            confirm_regenerate: false,
            letter: None,
            error: None,
            findings: Vec::new(),
        }
    }

    fn client<'a>(&self, ctx: &Context<'a>) -> Option<&'a Client> {
        let id = self.client.as_ref()?;
        ctx.clients.clients.iter().find(|c| &c.id == id)
    }

    /// The chosen template in the client's language: the one picked, else the scenario's
    /// first.
    pub fn template<'a>(&self, ctx: &Context<'a>) -> Option<&'a Template> {
        let choices = self.choices(ctx);
        self.template
            .as_ref()
            .and_then(|id| choices.iter().find(|t| t.id() == id))
            .or(choices.first())
            .copied()
    }

    /// The templates of the chosen situation, in the client's language.
    fn choices<'a>(&self, ctx: &Context<'a>) -> Vec<&'a Template> {
        let lang = self.client(ctx).map_or(Lang::Fa, |c| c.language);
        ctx.library.in_scenario(self.scenario, lang)
    }

    fn key(&self, template: &Template) -> (String, String) {
        (
            self.client.clone().unwrap_or_default(),
            template.id().to_string(),
        )
    }

    /// Writes to another client, with the template's subject again.
    pub fn write_to(&mut self, client: String) {
        self.client = Some(client);
        self.subject_edited = false;
    }

    /// The form of this client and template, pre-filled from the client's facts.
    fn seed(&mut self, client: &Client, template: &Template) {
        let key = self.key(template);
        let rtl = template.lang.is_rtl();
        self.values.entry(key).or_insert_with(|| {
            template
                .meta
                .inputs
                .iter()
                .map(|i| {
                    let fact = client.facts.get(&i.name).map_or("", String::as_str);
                    (i.name.clone(), TextField::single(fact, rtl))
                })
                .collect()
        });
    }

    fn current_values(&self, template: &Template) -> BTreeMap<String, String> {
        self.values
            .get(&self.key(template))
            .map(|fields| {
                fields
                    .iter()
                    .map(|(name, field)| (name.clone(), field.value()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn field(&mut self, ctx: &Context, name: &str) -> Option<&mut TextField> {
        let key = self.key(self.template(ctx)?);
        self.values.get_mut(&key)?.get_mut(name)
    }

    /// Renders the letter again from the form (not over the owner's own edits).
    pub fn refresh(&mut self, ctx: &Context) {
        self.error = None;
        let (Some(client), Some(sender)) = (self.client(ctx), ctx.sender) else {
            self.letter = None;
            return;
        };
        let Some(template) = self.template(ctx) else {
            self.letter = None;
            self.error = Some(Locale::get(client.language).text("compose-no-template"));
            return;
        };
        self.seed(client, template);
        let values = self.current_values(template);
        let draft = Draft {
            template,
            client,
            sender,
            values: &values,
            date: self.date,
            number: ctx.number.clone(),
        };
        match render::render(&draft) {
            Ok(mut letter) => {
                let rtl = letter.lang.is_rtl();
                if self.subject_edited {
                    letter.subject = self.subject.value();
                } else if self.subject.value() != letter.subject || self.subject.is_rtl() != rtl {
                    self.subject = TextField::single(&letter.subject, rtl);
                }
                if let Some(editor) = &self.editor {
                    letter.body = editor.value().trim_end().to_string();
                }
                self.findings = tone::check(&letter.to_text(), letter.lang);
                self.letter = Some(letter);
            }
            Err(e) => {
                self.error = Some(e.to_string());
            }
        }
    }

    pub fn update(&mut self, message: Message, ctx: &Context) -> Option<Event> {
        match message {
            Message::Client(id) => self.write_to(id),
            Message::Scenario(s) => {
                self.scenario = s;
                self.template = None;
                self.subject_edited = false;
            }
            Message::Template(id) => {
                self.template = Some(id);
                self.subject_edited = false;
            }
            Message::Input(name, action) => {
                let changed = self.field(ctx, &name)?.perform(action);
                if !changed {
                    // Cursor moves and selections change no letter: no new render.
                    return None;
                }
            }
            Message::Choose(name, value) => self.field(ctx, &name)?.set(&value),
            Message::Subject(action) => {
                if !self.subject.perform(action) {
                    return None;
                }
                self.subject_edited = true;
            }
            Message::EditText => {
                if let Some(letter) = &self.letter {
                    self.editor = Some(TextField::multi(&letter.body, letter.lang.is_rtl()));
                }
            }
            Message::Body(action) => {
                let editor = self.editor.as_mut()?;
                if !editor.perform(action) {
                    return None;
                }
            }
            Message::Regenerate => self.confirm_regenerate = true,
            Message::CancelRegenerate => self.confirm_regenerate = false,
            Message::ConfirmRegenerate => {
                self.confirm_regenerate = false;
                self.editor = None;
                self.subject_edited = false;
            }
            Message::Apply(index) => {
                let finding = self.findings.get(index)?.clone();
                let letter = self.letter.as_ref()?;
                // Findings point into the whole letter; the editable part is the body.
                let whole = letter.to_text();
                let body_start = whole.find(&letter.body)?;
                let span = finding.span.start.checked_sub(body_start)?
                    ..finding.span.end.checked_sub(body_start)?;
                let local = Finding { span, ..finding };
                let new_body = local.apply(&letter.body)?;
                self.editor = Some(TextField::multi(&new_body, letter.lang.is_rtl()));
            }
            Message::Export(format) => {
                return self
                    .letter
                    .clone()
                    .map(|l| Event::Export(Box::new(l), format));
            }
            Message::Copy => return self.letter.as_ref().map(|l| Event::Copy(l.to_text())),
            Message::Mail => {
                return self
                    .letter
                    .as_ref()
                    .map(|l| Event::Mail(marz::export::mailto(l)));
            }
        }
        self.refresh(ctx);
        None
    }

    pub fn view<'a>(&'a self, ui: Lang, ctx: &Context<'a>) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let clients: Vec<Choice<String>> = ctx
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
            let active = s == self.scenario;
            situations = situations.push(
                button(theme::line(ui, l.text(&format!("scenario-{}", s.code()))))
                    .width(Length::Fill)
                    .style(if active {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Scenario(s)),
            );
        }
        let current = self.template(ctx).map(Template::id);
        let levels: Vec<Element<'a, Message>> = self
            .choices(ctx)
            .into_iter()
            .map(|t| {
                let caption = match t.meta.level {
                    Some(level) => l.text_with(
                        "compose-level",
                        &[(
                            "level",
                            &marz::numbers::localize_digits(&level.to_string(), ui),
                        )],
                    ),
                    None => t.meta.title.clone(),
                };
                button(text(caption))
                    .style(if Some(t.id()) == current {
                        button::primary
                    } else {
                        button::secondary
                    })
                    .on_press(Message::Template(t.id().to_string()))
                    .into()
            })
            .collect();

        let mut left = column![
            theme::label(ui, l.text("compose-client")),
            client_pick,
            situations,
            theme::label(ui, l.text("compose-firmness")),
            row_dir(ui, levels).spacing(6),
        ]
        .align_x(theme::start(ui))
        .spacing(8);
        if let Some(template) = self.template(ctx) {
            left = left.push(theme::label(ui, template.meta.description.clone()));
            left = left.push(self.form_view(ui, template));
        }

        let preview = self.preview_view(ui);
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

    fn form_view<'a>(&'a self, ui: Lang, template: &'a Template) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let letter_lang = template.lang;
        let values = self.values.get(&self.key(template));
        let mut form = column![theme::heading(ui, l.text("compose-form"))]
            .align_x(theme::start(letter_lang))
            .spacing(6);
        for spec in &template.meta.inputs {
            let Some(field) = values.and_then(|v| v.get(&spec.name)) else {
                continue;
            };
            let value = field.value();
            let mut caption = spec.label.clone();
            if spec.required && spec.default.is_none() {
                caption.push_str(" *");
            }
            form = form.push(theme::label(letter_lang, caption));
            form = form.push(input_widget(spec, field, l));
            if let Some(hint) = input_hint(spec, &value, letter_lang, self.date) {
                form = form.push(theme::label(letter_lang, hint));
            }
        }
        container(form)
            .padding(12)
            .style(theme::card)
            .width(Length::Fill)
            .into()
    }

    fn preview_view<'a>(&'a self, ui: Lang) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let Some(letter) = &self.letter else {
            let message = self
                .error
                .clone()
                .unwrap_or_else(|| l.text("compose-pick-client"));
            return container(theme::line(ui, message))
                .padding(16)
                .style(theme::card)
                .into();
        };
        let lang = letter.lang;
        let subject = column![
            theme::label(ui, l.text("compose-subject")),
            self.subject.view(Message::Subject).id(SUBJECT_ID),
        ];

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
            sheet = sheet.push(theme::line(lang, line.clone()));
        }
        sheet = sheet.push(
            container(text(letter.subject_line()).font(theme::BOLD))
                .width(Length::Fill)
                .align_x(theme::start(lang)),
        );
        sheet = sheet.push(theme::line(lang, letter.greeting.clone()));
        let body: Element<'a, Message> = if let Some(editor) = &self.editor {
            editor
                .view(Message::Body)
                .id(BODY_ID)
                .padding(8)
                .min_height(120.0)
                .into()
        } else {
            let mut paragraphs = column![].spacing(4);
            for para in letter.body.split('\n') {
                paragraphs = paragraphs.push(theme::line(lang, para.to_string()));
            }
            paragraphs.into()
        };
        sheet = sheet.push(body);
        sheet = sheet.push(theme::line(lang, letter.closing.clone()));
        for line in &letter.signature {
            sheet = sheet.push(theme::line(lang, line.clone()));
        }

        let edit_controls: Element<'a, Message> = if self.confirm_regenerate {
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
        } else if self.editor.is_some() {
            button(text(l.text("compose-regenerate")))
                .style(button::secondary)
                .on_press(Message::Regenerate)
                .into()
        } else {
            button(text(l.text("compose-edit-text")))
                .style(button::secondary)
                .on_press(Message::EditText)
                .into()
        };

        // Two rows rather than a wrapping one: iced wraps left to right, which would put the
        // first (main) button of a Persian row at the far end of its second line.
        let files = row_dir(
            ui,
            vec![
                button(text(l.text("export-pdf")))
                    .on_press(Message::Export(Format::Pdf))
                    .into(),
                button(text(l.text("export-text")))
                    .style(button::secondary)
                    .on_press(Message::Export(Format::Text))
                    .into(),
                button(text(l.text("export-eml")))
                    .style(button::secondary)
                    .on_press(Message::Export(Format::Eml))
                    .into(),
            ],
        )
        .spacing(6);
        let hand_over = row_dir(
            ui,
            vec![
                button(text(l.text("export-copy")))
                    .style(button::secondary)
                    .on_press(Message::Copy)
                    .into(),
                button(text(l.text("export-mail")))
                    .style(button::secondary)
                    .on_press(Message::Mail)
                    .into(),
            ],
        )
        .spacing(6);
        let exports = column![files, hand_over]
            .spacing(6)
            .align_x(theme::start(ui));

        let mut tone_panel = column![theme::label(ui, l.text("compose-tone"))]
            .align_x(theme::start(ui))
            .spacing(4);
        if self.findings.is_empty() {
            tone_panel = tone_panel.push(theme::line(ui, l.text("compose-tone-ok")));
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
                        .on_press(Message::Apply(i)),
                );
            }
            tone_panel = tone_panel.push(container(item).padding(6).style(theme::notice(false)));
        }

        column![
            subject,
            scrollable(container(sheet).style(theme::paper).width(Length::Fill))
                .height(Length::Fill),
            edit_controls,
            tone_panel,
            exports,
        ]
        .align_x(theme::start(ui))
        .spacing(8)
        .into()
    }
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

/// What a typed value means, shown under its field: an amount in words, a date in the
/// letter's calendar, or what is wrong with it.
pub fn input_hint(
    spec: &InputSpec,
    value: &str,
    lang: Lang,
    letter_date: NaiveDate,
) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match spec.kind {
        InputKind::Money => Some(match Decimal::parse(value) {
            Ok(d) => marz::numbers::words(d.whole, lang),
            Err(e) => e.to_string(),
        }),
        InputKind::Date => Some(match render::parse_input(spec, value, letter_date) {
            Ok(serde_json::Value::String(iso)) => dates::parse(&iso)
                .map(|d| {
                    format!(
                        "{} · {}",
                        dates::format(d, lang),
                        dates::format_numeric(d, lang)
                    )
                })
                .unwrap_or(iso),
            Ok(_) => return None,
            Err(e) => e,
        }),
        InputKind::Number | InputKind::Days => render::parse_input(spec, value, letter_date).err(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marz::store::{sample_clients, sample_sender};

    fn ctx<'a>(library: &'a Library, clients: &'a ClientList, sender: &'a Sender) -> Context<'a> {
        Context {
            library,
            clients,
            sender: Some(sender),
            number: "NA/1405/001".to_string(),
        }
    }

    fn type_into(state: &mut State, name: &str, value: &str, ctx: &Context) {
        for action in crate::gui::editor::typing(value) {
            state.update(Message::Input(name.into(), action), ctx);
        }
    }

    fn setup() -> (Library, ClientList, Sender) {
        (
            Library::load(None),
            ClientList {
                clients: sample_clients(),
                problems: Vec::new(),
            },
            sample_sender(),
        )
    }

    #[test]
    fn composing_an_ultimatum_updates_the_preview_on_every_change() {
        let (library, clients, sender) = setup();
        let ctx = ctx(&library, &clients, &sender);
        let mut state = State::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        state.update(Message::Client("sample-reza".into()), &ctx);
        state.update(Message::Scenario(Scenario::Payment), &ctx);
        state.update(Message::Template("payment-3".into()), &ctx);
        let letter = state.letter.clone().expect("a preview");
        assert_eq!(letter.template, "payment-3");
        assert!(letter.body.contains("۱۲٬۵۰۰٬۰۰۰ تومان"));
        type_into(&mut state, "amount", "۳۰۰۰۰۰۰", &ctx);
        let letter = state.letter.clone().unwrap();
        assert!(
            letter.body.contains("۳٬۰۰۰٬۰۰۰ تومان (سه میلیون تومان)"),
            "{}",
            letter.body
        );
        state.update(Message::Choose("consequence".into(), "legal".into()), &ctx);
        assert!(state.letter.as_ref().unwrap().body.contains("قانونی"));
        assert!(state.findings.is_empty(), "{:?}", state.findings);
    }

    #[test]
    fn edited_text_is_kept_until_the_owner_confirms_regeneration() {
        let (library, clients, sender) = setup();
        let ctx = ctx(&library, &clients, &sender);
        let mut state = State::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        state.update(Message::Client("sample-daniel".into()), &ctx);
        state.update(Message::EditText, &ctx);
        for action in crate::gui::editor::typing("My own words, YOU IDIOT!!!") {
            state.update(Message::Body(action), &ctx);
        }
        for action in crate::gui::editor::typing("A new subject") {
            state.update(Message::Subject(action), &ctx);
        }
        let letter = state.letter.clone().unwrap();
        assert_eq!(letter.body, "My own words, YOU IDIOT!!!");
        assert_eq!(letter.subject, "A new subject");
        assert!(state.findings.iter().any(|f| f.rule == tone::Rule::Insult));
        // Form changes do not overwrite the edited body.
        type_into(&mut state, "amount", "99", &ctx);
        assert_eq!(
            state.letter.as_ref().unwrap().body,
            "My own words, YOU IDIOT!!!"
        );
        // Applying a suggested replacement edits the body.
        let shout = state
            .findings
            .iter()
            .position(|f| f.text == "!!!")
            .expect("shouting found");
        state.update(Message::Apply(shout), &ctx);
        assert_eq!(
            state.letter.as_ref().unwrap().body,
            "My own words, YOU IDIOT."
        );
        // Regenerating asks first.
        state.update(Message::Regenerate, &ctx);
        assert!(state.confirm_regenerate);
        assert!(state.editor.is_some());
        state.update(Message::ConfirmRegenerate, &ctx);
        assert!(state.editor.is_none());
        assert!(state.letter.as_ref().unwrap().body.contains("99 euros"));
    }

    #[test]
    fn export_copy_and_mail_hand_the_letter_to_the_app() {
        let (library, clients, sender) = setup();
        let ctx = ctx(&library, &clients, &sender);
        let mut state = State::new(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        assert_eq!(
            state.update(Message::Export(Format::Pdf), &ctx),
            None,
            "nothing to export yet"
        );
        state.update(Message::Client("sample-nazanin".into()), &ctx);
        match state.update(Message::Export(Format::Eml), &ctx) {
            Some(Event::Export(letter, Format::Eml)) => assert_eq!(letter.client, "sample-nazanin"),
            other => panic!("{other:?}"),
        }
        match state.update(Message::Mail, &ctx) {
            Some(Event::Mail(url)) => {
                assert!(
                    url.starts_with("mailto:nazanin%2Ekarimi%40example%2Ecom?subject="),
                    "{url}"
                )
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(state.update(Message::Copy, &ctx), Some(Event::Copy(t)) if t.contains("سرکار خانم نازنین کریمی"))
        );
    }

    #[test]
    fn hints_show_words_and_jalali_dates() {
        let spec = |kind| InputSpec {
            name: "x".into(),
            label: "x".into(),
            kind,
            required: true,
            default: None,
            choices: Vec::new(),
            help: None,
        };
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            input_hint(&spec(InputKind::Money), "12500000", Lang::Fa, date).unwrap(),
            "دوازده میلیون و پانصد هزار"
        );
        assert_eq!(
            input_hint(&spec(InputKind::Date), "+7", Lang::Fa, date).unwrap(),
            "۸ آذر ۱۴۰۵ · ۱۴۰۵/۰۹/۰۸"
        );
        assert!(
            input_hint(&spec(InputKind::Date), "soon", Lang::En, date)
                .unwrap()
                .contains("not a date")
        );
        assert!(input_hint(&spec(InputKind::Days), "two", Lang::En, date).is_some());
        assert_eq!(
            input_hint(&spec(InputKind::Days), "14", Lang::En, date),
            None
        );
    }
}
