//! The settings screen: the owner's own details (`sender.toml`), the interface language,
//! and the data folder in use.

use super::clients::Choice;
use super::editor::Change;
use super::editor::TextField;
use super::theme::{self, row_dir};
use iced::widget::{Space, button, column, container, image, pick_list, scrollable, text};
use iced::{Element, Length, Task};
use marz::Lang;
use marz::export::Exporter;
use marz::i18n::Locale;
use marz::pdf::PageImage;
use marz::profile::Sender;
use marz::stationery::{ImageRole, PageLayout};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The images the owner picks here, in order, with their labels.
pub const IMAGES: [(ImageRole, &str); 4] = [
    (ImageRole::Letterhead, "settings-image-letterhead"),
    (ImageRole::LetterheadNext, "settings-image-letterhead-next"),
    (ImageRole::Signature, "settings-image-signature"),
    (ImageRole::Stamp, "settings-image-stamp"),
];

/// A size in millimetres as the form shows it («45», «52.5»).
fn size(value: Option<f32>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A thumbnail's longer side, in pixels.
const THUMBNAIL: u32 = 120;

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
    // The page's sizes in millimetres (`margin_top_mm` … in sender.toml).
    MarginTop,
    MarginBottom,
    MarginSide,
    SignatureWidth,
    StampWidth,
}

/// The sizes, with their labels and keys in sender.toml.
const SIZES: [(Field, &str, &str); 5] = [
    (Field::MarginTop, "settings-margin-top", "margin_top_mm"),
    (
        Field::MarginBottom,
        "settings-margin-bottom",
        "margin_bottom_mm",
    ),
    (Field::MarginSide, "settings-margin-side", "margin_side_mm"),
    (
        Field::SignatureWidth,
        "settings-signature-width",
        "signature_width_mm",
    ),
    (Field::StampWidth, "settings-stamp-width", "stamp_width_mm"),
];

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
            || SIZES.iter().any(|(f, ..)| *f == self)
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
    /// The images as Typst prints them, by their place in `IMAGES`, and the engine (its
    /// address) they were drawn from: a new one means new images.
    thumbnails: Vec<Option<image::Handle>>,
    thumbnails_of: usize,
}

#[derive(Debug, Clone)]
pub enum Message {
    Field(Field, Change),
    Save,
    UiLanguage(Lang),
    OpenDataDir,
    PickImage(ImageRole),
    RemoveImage(ImageRole),
    Thumbnails(usize, Arc<Vec<Option<PageImage>>>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Save(Box<Sender>),
    UiLanguage(Lang),
    OpenDataDir,
    PickImage(ImageRole),
    RemoveImage(ImageRole),
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
            (Field::MarginTop, size(s.margin_top_mm)),
            (Field::MarginBottom, size(s.margin_bottom_mm)),
            (Field::MarginSide, size(s.margin_side_mm)),
            (Field::SignatureWidth, size(s.signature_width_mm)),
            (Field::StampWidth, size(s.stamp_width_mm)),
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

    /// After an image was chosen or removed: the images `saved` names, without touching
    /// what was typed in the fields (a later «ذخیره» keeps the images).
    pub fn images_changed(&mut self, saved: &Sender) {
        for (role, _) in IMAGES {
            role.set_in(&mut self.rest, role.path_in(saved).map(str::to_string));
        }
    }

    /// Draws the thumbnails of `exporter`'s images away from the window's thread, if they
    /// are not those shown.
    pub fn thumbnails(&mut self, exporter: &Arc<Exporter>) -> Task<Message> {
        let of = Arc::as_ptr(exporter) as usize;
        if of == self.thumbnails_of {
            return Task::none();
        }
        self.thumbnails_of = of;
        let exporter = exporter.clone();
        let (answer, answered) = iced::futures::channel::oneshot::channel();
        std::thread::spawn(move || {
            let stationery = exporter.stationery();
            let drawn: Vec<Option<PageImage>> = IMAGES
                .iter()
                .map(|(role, _)| stationery.get(*role).and_then(|a| a.thumbnail(THUMBNAIL)))
                .collect();
            let _ = answer.send(Arc::new(drawn));
        });
        Task::perform(async move { answered.await.ok() }, move |drawn| {
            Message::Thumbnails(of, drawn.unwrap_or_default())
        })
    }

    /// How many thumbnails are shown.
    #[allow(dead_code)] // for tests
    pub fn thumbnails_shown(&self) -> usize {
        self.thumbnails.iter().flatten().count()
    }

    /// Lays the fields out for a new interface language, keeping what was typed.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        for (f, field) in self.values.iter_mut() {
            *field = field.with_rtl(lang.is_rtl() && !f.is_latin());
        }
    }

    /// The sender the form describes, and the size fields whose text is not a number.
    fn sender(&self) -> (Sender, Vec<(Field, String)>) {
        let mut not_numbers = Vec::new();
        let mut size = |f: Field| {
            let typed = self
                .values
                .get(&f)
                .map(TextField::value)
                .unwrap_or_default();
            let ascii = marz::persian::to_ascii_digits(typed.trim()).replace('٫', ".");
            if ascii.is_empty() {
                return None;
            }
            match ascii.parse::<f32>() {
                Ok(v) if v.is_finite() => Some(v),
                // Not a number: outside every range, so the check below names the field.
                _ => {
                    not_numbers.push((f, typed.trim().to_string()));
                    Some(f32::NAN)
                }
            }
        };
        let sizes = [
            size(Field::MarginTop),
            size(Field::MarginBottom),
            size(Field::MarginSide),
            size(Field::SignatureWidth),
            size(Field::StampWidth),
        ];
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
        let sender = Sender {
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
            margin_top_mm: sizes[0],
            margin_bottom_mm: sizes[1],
            margin_side_mm: sizes[2],
            signature_width_mm: sizes[3],
            stamp_width_mm: sizes[4],
            ..self.rest.clone()
        };
        (sender, not_numbers)
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
                let (mut sender, not_numbers) = self.sender();
                self.errors.clear();
                match sender.normalize_and_validate() {
                    Ok(()) => Some(Event::Save(Box::new(sender))),
                    Err(mut e) => {
                        // Told as typed, not as the NaN it was read as.
                        if let marz::profile::FieldProblem::Size { value, .. } = &mut e.problem
                            && let Some((_, typed)) = not_numbers.iter().find(|(f, _)| {
                                SIZES.iter().any(|(g, _, key)| g == f && *key == e.field)
                            })
                        {
                            *value = typed.clone();
                        }
                        self.errors
                            .insert(e.field.clone(), Locale::get(self.lang).problem(&e));
                        None
                    }
                }
            }
            Message::UiLanguage(l) => Some(Event::UiLanguage(l)),
            Message::OpenDataDir => Some(Event::OpenDataDir),
            Message::PickImage(role) => Some(Event::PickImage(role)),
            Message::RemoveImage(role) => Some(Event::RemoveImage(role)),
            Message::Thumbnails(of, drawn) => {
                if of == self.thumbnails_of {
                    self.thumbnails = drawn
                        .iter()
                        .map(|page| {
                            page.as_ref().map(|p| {
                                image::Handle::from_rgba(p.width, p.height, p.rgba.clone())
                            })
                        })
                        .collect();
                }
                None
            }
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
            container(self.images_view(lang))
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

impl State {
    /// The letterhead, signature and stamp: each with its thumbnail, its file and buttons
    /// to choose or remove it.
    fn images_view<'a>(&'a self, lang: Lang) -> Element<'a, Message> {
        let l = Locale::get(lang);
        let mut card = column![
            theme::heading(lang, l.text("settings-images")),
            theme::label(lang, l.text("settings-images-hint")),
        ]
        .align_x(theme::start(lang))
        .spacing(8);
        for (i, (role, key)) in IMAGES.into_iter().enumerate() {
            let file = role.path_in(&self.rest);
            let picture: Element<'a, Message> =
                match self.thumbnails.get(i).and_then(Option::as_ref) {
                    Some(handle) if file.is_some() => container(
                        image(handle.clone())
                            .height(THUMBNAIL as f32 * 0.75)
                            .filter_method(image::FilterMethod::Linear),
                    )
                    .padding(2)
                    .style(theme::paper)
                    .into(),
                    _ => container(Space::new().width(64).height(90))
                        .style(theme::paper)
                        .into(),
                };
            let mut about = column![text(l.text(key)).font(theme::BOLD)]
                .spacing(4)
                .width(Length::Fill)
                .align_x(theme::start(lang));
            about = about.push(match file {
                Some(name) => text(theme::ltr_value(name)).size(13),
                None => text(l.text("settings-image-none")).size(13),
            });
            let mut buttons = vec![
                button(text(l.text(if file.is_some() {
                    "settings-image-replace"
                } else {
                    "settings-image-choose"
                })))
                .style(button::secondary)
                .on_press(Message::PickImage(role))
                .into(),
            ];
            if file.is_some() {
                buttons.push(
                    button(text(l.text("settings-image-remove")))
                        .style(button::text)
                        .on_press(Message::RemoveImage(role))
                        .into(),
                );
            }
            about = about.push(row_dir(lang, buttons).spacing(6));
            // Thumbnails in a column of their own width, so the names line up.
            let picture = container(picture).width(110).center_x(110);
            card = card.push(
                row_dir(lang, vec![picture.into(), about.into()])
                    .spacing(12)
                    .align_y(iced::Alignment::Center),
            );
        }
        card = card.push(theme::heading(lang, l.text("settings-sizes")));
        card = card.push(theme::label(lang, l.text("settings-sizes-hint")));
        let defaults = PageLayout::of(
            &self.rest,
            self.rest.letterhead.is_some() || self.rest.letterhead_next.is_some(),
        );
        let default_of = |f: Field| match f {
            Field::MarginTop => defaults.margin_top_mm,
            Field::MarginBottom => defaults.margin_bottom_mm,
            Field::MarginSide => defaults.margin_side_mm,
            Field::SignatureWidth => defaults.signature_width_mm,
            _ => defaults.stamp_width_mm,
        };
        for (field, key, name) in SIZES {
            let Some(value) = self.values.get(&field) else {
                continue;
            };
            let input = value
                .view(move |a| Message::Field(field, a))
                .on_submit(Message::Save)
                .placeholder(size(Some(default_of(field))));
            let input = container(input).width(90);
            card = card.push(
                row_dir(
                    lang,
                    vec![
                        // A label column of its own width, so the fields line up beside it.
                        container(text(l.text(key)))
                            .width(170)
                            .align_x(theme::start(lang))
                            .into(),
                        input.into(),
                    ],
                )
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
            if let Some(err) = self.errors.get(name) {
                card = card.push(theme::field_error(err));
            }
        }
        card = card.push(row_dir(
            lang,
            vec![
                button(text(l.text("clients-save")))
                    .on_press(Message::Save)
                    .into(),
            ],
        ));
        card.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marz::store::sample_sender;

    fn type_into(state: &mut State, field: Field, value: &str) {
        for action in crate::gui::editor::typing(value) {
            let _ = state.update(Message::Field(field, action.into()));
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

    #[test]
    fn margins_and_sizes_are_numbers_in_range_in_any_digits() {
        let mut state = State::default();
        state.load(Some(&sample_sender()), Lang::Fa);
        type_into(&mut state, Field::MarginTop, "۵۲٫۵");
        type_into(&mut state, Field::StampWidth, "38");
        match save(&mut state) {
            Some(Event::Save(saved)) => {
                assert_eq!(saved.margin_top_mm, Some(52.5));
                assert_eq!(saved.stamp_width_mm, Some(38.0));
                assert_eq!(saved.margin_side_mm, None, "left empty: the default");
                assert_eq!(saved.letterhead, sample_sender().letterhead);
            }
            other => panic!("{other:?}"),
        }
        // Not a number: told as typed, under its field, in Persian.
        type_into(&mut state, Field::MarginTop, "زیاد");
        assert_eq!(save(&mut state), None);
        let told = &state.errors["margin_top_mm"];
        assert!(told.contains("زیاد") && !told.contains("NaN"), "{told}");
        // Outside what an A4 page allows.
        type_into(&mut state, Field::MarginTop, "");
        type_into(&mut state, Field::SignatureWidth, "500");
        assert_eq!(save(&mut state), None);
        let told = &state.errors["signature_width_mm"];
        assert!(
            marz::persian::to_ascii_digits(told).contains("500"),
            "{told}"
        );
    }
}
