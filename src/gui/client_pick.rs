//! Choosing one client among many: the chosen client's name on a button; pressed, a search
//! box and the first clients that match (the core's `ClientList::search`). A drop-down list
//! lays out every name it holds on every frame: with 10,000 clients that alone took 600 ms
//! and 100 MB for the first frame.

use super::editor::Change;
use super::editor::TextField;
use super::theme::{self, row_dir};
use super::workspace::Workspace;
use iced::widget::{button, column, operation, text};
use iced::{Element, Length, Task};
use marz::Lang;
use marz::i18n::Locale;

/// How many matching clients are listed at a time.
pub const SHOWN: usize = 30;

#[derive(Debug)]
pub struct Picker {
    /// The search box's id, to focus it when the list opens.
    id: &'static str,
    open: bool,
    search: TextField,
}

#[derive(Debug, Clone)]
pub enum Message {
    Toggle,
    Search(Change),
    /// A client, or none ("all clients" in a filter).
    Pick(Option<String>),
}

impl Picker {
    pub fn new(id: &'static str, ui: Lang) -> Self {
        Picker {
            id,
            open: false,
            search: TextField::single("", ui.is_rtl()),
        }
    }

    pub fn set_lang(&mut self, ui: Lang) {
        self.search = self.search.with_rtl(ui.is_rtl());
    }

    /// The task to run, and the choice made, if one was: `Some(None)` is "none".
    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Option<String>>) {
        match message {
            Message::Toggle => {
                self.open = !self.open;
                if self.open {
                    return (operation::focus(self.id), None);
                }
            }
            Message::Search(action) => {
                self.search.perform(action);
            }
            Message::Pick(choice) => {
                self.open = false;
                self.search.set("");
                return (Task::none(), Some(choice));
            }
        }
        (Task::none(), None)
    }

    /// The button with `selected`'s name (or `empty`), and when open the search and its
    /// matches; `none` adds a first choice of no client (a filter's "all clients").
    pub fn view<'a>(
        &'a self,
        ui: Lang,
        ws: &'a Workspace,
        selected: Option<&str>,
        empty: String,
        none: Option<String>,
    ) -> Element<'a, Message> {
        let l = Locale::get(ui);
        let name = selected
            .and_then(|id| ws.client(id))
            .map(|c| c.addressed_name(c.language));
        let shown = name.unwrap_or(empty);
        let mut col = column![
            button(row_dir(
                ui,
                vec![
                    theme::line(ui, shown).into(),
                    text(if self.open { "▴" } else { "▾" }).into(),
                ]
            ))
            .width(Length::Fill)
            .style(button::secondary)
            .on_press(Message::Toggle)
        ]
        .spacing(4)
        .align_x(theme::start(ui));
        if !self.open {
            return col.into();
        }
        col = col.push(
            self.search
                .view(Message::Search)
                .id(self.id)
                .placeholder(l.text("clients-search"))
                .padding(6),
        );
        if let Some(none) = none {
            col = col.push(
                button(theme::line(ui, none))
                    .width(Length::Fill)
                    .style(button::text)
                    .on_press(Message::Pick(None)),
            );
        }
        let found = ws.clients.search(&self.search.value());
        if found.is_empty() {
            col = col.push(theme::label(ui, l.text("clients-none-found")));
        }
        for c in found.iter().take(SHOWN) {
            col = col.push(
                button(theme::line(ui, c.addressed_name(c.language)))
                    .width(Length::Fill)
                    .style(if Some(c.id.as_str()) == selected {
                        button::primary
                    } else {
                        button::text
                    })
                    .on_press(Message::Pick(Some(c.id.clone()))),
            );
        }
        if found.len() > SHOWN {
            col = col.push(theme::label(
                ui,
                l.text_with("clients-more", &[("count", &l.number(found.len() - SHOWN))]),
            ));
        }
        col.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pick_closes_the_list_and_forgets_the_search() {
        let mut picker = Picker::new("test_search", Lang::Fa);
        let (_, picked) = picker.update(Message::Toggle);
        assert!(picker.open && picked.is_none());
        for action in crate::gui::editor::typing("كريمي") {
            let _ = picker.update(Message::Search(action.into()));
        }
        assert_eq!(picker.search.value(), "كريمي");
        let (_, picked) = picker.update(Message::Pick(Some("sample-nazanin".into())));
        assert_eq!(picked, Some(Some("sample-nazanin".to_string())));
        assert!(!picker.open);
        assert_eq!(picker.search.value(), "");
        let _ = picker.update(Message::Toggle);
        assert_eq!(picker.update(Message::Pick(None)).1, Some(None));
        let _ = picker.update(Message::Toggle);
        assert_eq!(
            picker.update(Message::Toggle).1,
            None,
            "closed without a choice"
        );
        assert!(!picker.open);
    }
}
