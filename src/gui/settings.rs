//! The settings screen: the owner's own details (`sender.toml`), the interface language,
//! and the data folder in use.

use super::clients::Choice;
use super::editor::TextField;
use super::theme::{self, row_dir};
use iced::widget::text_editor::Action;
use iced::widget::{button, column, container, pick_list, scrollable, text};
use iced::{Element, Length, Task};
use marz::Lang;
use marz::i18n::Locale;
use marz::profile::Sender;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Business,
    Role,
    Email,
    Phone,
    Address,
    City,
    Website,
    Prefix,
    PaymentDetails,
    // How English letters give the sender (`name_en` … in sender.toml).
    EnName,
    EnBusiness,
    EnRole,
    EnAddress,
    EnCity,
    EnPaymentDetails,
}

const FIELDS: [(Field, &str, &str); 10] = [
    (Field::Name, "field-name", "name"),
    (Field::Business, "settings-business", "business"),
    (Field::Role, "settings-role", "role"),
    (Field::Email, "field-email", "email"),
    (Field::Phone, "field-phone", "phone"),
    (Field::Address, "settings-address", "address"),
    (Field::City, "settings-city", "city"),
    (Field::Website, "settings-website", "website"),
    (Field::Prefix, "settings-prefix", "letter_prefix"),
    (
        Field::PaymentDetails,
        "settings-payment-details",
        "payment_details",
    ),
];

const ENGLISH_FIELDS: [(Field, &str); 6] = [
    (Field::EnName, "settings-name-en"),
    (Field::EnBusiness, "settings-business"),
    (Field::EnRole, "settings-role"),
    (Field::EnAddress, "settings-address"),
    (Field::EnCity, "settings-city"),
    (Field::EnPaymentDetails, "settings-payment-details"),
];

impl Field {
    /// Fields written in Latin letters whatever the language: left to right.
    fn is_latin(self) -> bool {
        matches!(
            self,
            Field::Email | Field::Phone | Field::Website | Field::Prefix
        ) || ENGLISH_FIELDS.iter().any(|(f, _)| *f == self)
    }

    /// Fields of several lines (bank, card and شبا each on its own).
    fn is_multiline(self) -> bool {
        matches!(self, Field::PaymentDetails | Field::EnPaymentDetails)
    }
}

#[derive(Debug, Default)]
pub struct State {
    /// The interface language: the fields' direction and the wording of problems.
    pub lang: Lang,
    pub values: BTreeMap<Field, TextField>,
    /// Fields of sender.toml this screen does not edit (logo, invocation), kept as they are.
    pub rest: Sender,
    pub errors: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub enum Message {
    Field(Field, Action),
    Save,
    UiLanguage(Lang),
    OpenDataDir,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Save(Box<Sender>),
    UiLanguage(Lang),
    OpenDataDir,
}

impl State {
    /// Shows the sender's details, in fields laid out for the interface language.
    pub fn load(&mut self, sender: Option<&Sender>, lang: Lang) {
        let s = sender.cloned().unwrap_or_default();
        let get = |v: &Option<String>| v.clone().unwrap_or_default();
        self.lang = lang;
        let values = [
            (Field::Name, s.name.clone()),
            (Field::Business, get(&s.business)),
            (Field::Role, get(&s.role)),
            (Field::Email, get(&s.email)),
            (Field::Phone, get(&s.phone)),
            (Field::Address, get(&s.address)),
            (Field::City, get(&s.city)),
            (Field::Website, get(&s.website)),
            (Field::Prefix, get(&s.letter_prefix)),
            (Field::PaymentDetails, get(&s.payment_details)),
            (Field::EnName, get(&s.name_en)),
            (Field::EnBusiness, get(&s.business_en)),
            (Field::EnRole, get(&s.role_en)),
            (Field::EnAddress, get(&s.address_en)),
            (Field::EnCity, get(&s.city_en)),
            (Field::EnPaymentDetails, get(&s.payment_details_en)),
        ];
        self.values = values
            .into_iter()
            .map(|(f, v)| {
                let rtl = lang.is_rtl() && !f.is_latin();
                let field = if f.is_multiline() {
                    TextField::multi(&v, rtl)
                } else {
                    TextField::single(&v, rtl)
                };
                (f, field)
            })
            .collect();
        self.rest = s;
        self.errors.clear();
    }

    /// Lays the fields out for a new interface language, keeping what was typed.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        for (f, field) in self.values.iter_mut() {
            *field = field.with_rtl(lang.is_rtl() && !f.is_latin());
        }
    }

    fn sender(&self) -> Sender {
        let get = |f: Field| {
            let v = self
                .values
                .get(&f)
                .map(TextField::value)
                .unwrap_or_default()
                .trim()
                .to_string();
            (!v.is_empty()).then_some(v)
        };
        Sender {
            name: get(Field::Name).unwrap_or_default(),
            business: get(Field::Business),
            role: get(Field::Role),
            email: get(Field::Email),
            phone: get(Field::Phone),
            address: get(Field::Address),
            city: get(Field::City),
            website: get(Field::Website),
            letter_prefix: get(Field::Prefix),
            payment_details: get(Field::PaymentDetails),
            name_en: get(Field::EnName),
            business_en: get(Field::EnBusiness),
            role_en: get(Field::EnRole),
            address_en: get(Field::EnAddress),
            city_en: get(Field::EnCity),
            payment_details_en: get(Field::EnPaymentDetails),
            ..self.rest.clone()
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let event = match message {
            Message::Field(f, action) => {
                if let Some(field) = self.values.get_mut(&f) {
                    field.perform(action);
                }
                None
            }
            Message::Save => {
                let mut sender = self.sender();
                self.errors.clear();
                match sender.normalize_and_validate() {
                    Ok(()) => Some(Event::Save(Box::new(sender))),
                    Err(e) => {
                        self.errors
                            .insert(e.field.clone(), Locale::get(self.lang).problem(&e));
                        None
                    }
                }
            }
            Message::UiLanguage(l) => Some(Event::UiLanguage(l)),
            Message::OpenDataDir => Some(Event::OpenDataDir),
        };
        (Task::none(), event)
    }

    pub fn view<'a>(&'a self, lang: Lang, data_dir: &'a Path) -> Element<'a, Message> {
        let l = Locale::get(lang);
        let mut form = column![theme::heading(lang, l.text("settings-sender"))]
            .align_x(theme::start(lang))
            .spacing(6);
        let english = ENGLISH_FIELDS.map(|(field, key)| (field, key, ""));
        for (i, (field, key, name)) in FIELDS.into_iter().chain(english).enumerate() {
            if i == FIELDS.len() {
                form = form.push(theme::heading(lang, l.text("settings-in-english")));
                form = form.push(theme::label(lang, l.text("settings-in-english-hint")));
            }
            form = form.push(theme::label(lang, l.text(key)));
            if let Some(value) = self.values.get(&field) {
                form = form.push(
                    value
                        .view(move |a| Message::Field(field, a))
                        .on_submit(Message::Save),
                );
            }
            if let Some(err) = self.errors.get(name) {
                form = form.push(theme::field_error(err));
            }
        }
        form = form.push(row_dir(
            lang,
            vec![
                button(text(l.text("clients-save")))
                    .on_press(Message::Save)
                    .into(),
            ],
        ));
        let languages: Vec<Choice<Lang>> = Lang::ALL
            .iter()
            .map(|&g| Choice::new(g, l.text(&format!("lang-{g}"))))
            .collect();
        let current = Choice::selected(&languages, lang);
        let app = column![
            theme::heading(lang, l.text("settings-ui-language")),
            pick_list(languages, current, |c| Message::UiLanguage(c.value)),
            theme::heading(lang, l.text("settings-data-dir")),
            theme::line(lang, theme::ltr_value(&data_dir.to_string_lossy())),
            row_dir(
                lang,
                vec![
                    button(text(l.text("settings-open-dir")))
                        .style(button::secondary)
                        .on_press(Message::OpenDataDir)
                        .into(),
                ],
            ),
        ]
        .align_x(theme::start(lang))
        .spacing(8);
        // The short card (language, folder) first, so it never scrolls out of sight.
        let cards = column![
            container(app)
                .padding(16)
                .style(theme::card)
                .width(Length::Fill),
            container(form)
                .padding(16)
                .style(theme::card)
                .width(Length::Fill),
        ]
        .spacing(16)
        .max_width(720);
        // The cards sit at the start side: next to the navigation in Persian.
        scrollable(
            container(cards)
                .width(Length::Fill)
                .align_x(theme::start(lang))
                // Room so the scrollbar never touches the cards.
                .padding([0, 16]),
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marz::store::sample_sender;

    fn type_into(state: &mut State, field: Field, value: &str) {
        for action in crate::gui::editor::typing(value) {
            let _ = state.update(Message::Field(field, action));
        }
    }

    fn save(state: &mut State) -> Option<Event> {
        state.update(Message::Save).1
    }

    #[test]
    fn sender_form_validates_and_keeps_other_fields() {
        let mut state = State::default();
        let mut sender = sample_sender();
        sender.invocation = Some("به نام خدا".into());
        state.load(Some(&sender), Lang::Fa);
        type_into(&mut state, Field::Role, "مدیر");
        match save(&mut state) {
            Some(Event::Save(saved)) => {
                assert_eq!(saved.role.as_deref(), Some("مدیر"));
                assert_eq!(saved.invocation.as_deref(), Some("به نام خدا"));
                assert_eq!(saved.email, sender.email);
                assert_eq!(saved.name_en, sender.name_en, "the English names are kept");
                assert_eq!(
                    saved.payment_details, sender.payment_details,
                    "payment details of several lines survive the form"
                );
            }
            other => panic!("{other:?}"),
        }
        // The English names are edited here too; emptied, they leave the file.
        type_into(&mut state, Field::EnRole, "Founder");
        match save(&mut state) {
            Some(Event::Save(saved)) => {
                assert_eq!(saved.for_letter(Lang::En).role.as_deref(), Some("Founder"));
                assert_eq!(saved.for_letter(Lang::Fa).role.as_deref(), Some("مدیر"));
            }
            other => panic!("{other:?}"),
        }
        for (field, _) in ENGLISH_FIELDS {
            type_into(&mut state, field, "");
        }
        match save(&mut state) {
            Some(Event::Save(saved)) => {
                assert_eq!(saved.name_en, None);
                assert_eq!(saved.for_letter(Lang::En).name, saved.name);
            }
            other => panic!("{other:?}"),
        }
        type_into(&mut state, Field::Name, "  ");
        assert_eq!(save(&mut state), None);
        assert!(state.errors.contains_key("name"));
        type_into(&mut state, Field::Name, "Maryam");
        type_into(&mut state, Field::Email, "maryam at example");
        assert_eq!(save(&mut state), None);
        assert!(state.errors.contains_key("email"));
    }
}
