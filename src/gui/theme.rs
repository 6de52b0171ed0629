//! Look and direction: colours, the styles of the app's own surfaces, the fonts, and the
//! helpers that lay a row out right to left in Persian.

use iced::widget::{Container, Row, container, text};
use iced::{Background, Border, Color, Element, Font, Length, Theme, alignment};
use marz::Lang;

pub static VAZIRMATN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");
pub static VAZIRMATN_BOLD: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Bold.ttf");
pub const FONT: Font = Font::with_name("Vazirmatn");
pub const BOLD: Font = Font {
    weight: iced::font::Weight::Bold,
    ..FONT
};

/// A file path read left to right inside a Persian sentence: isolated (LRI … PDI), so its
/// leading slash and any Persian folder names keep their places.
pub fn ltr_value(value: &str) -> String {
    const LRI: char = '\u{2066}';
    const PDI: char = '\u{2069}';
    format!("{LRI}{value}{PDI}")
}

pub const ACCENT: Color = Color::from_rgb(0.094, 0.431, 0.408);
const SIDEBAR: Color = Color::from_rgb(0.925, 0.945, 0.941);
const PAPER: Color = Color::WHITE;
const PLACEHOLDER: Color = Color::from_rgb(0.78, 0.33, 0.0);

pub fn theme() -> Theme {
    Theme::custom(
        "Marz".to_string(),
        iced::theme::Palette {
            background: Color::from_rgb(0.973, 0.976, 0.973),
            text: Color::from_rgb(0.12, 0.13, 0.13),
            primary: ACCENT,
            success: Color::from_rgb(0.18, 0.55, 0.34),
            warning: Color::from_rgb(0.85, 0.6, 0.1),
            danger: Color::from_rgb(0.75, 0.22, 0.2),
        },
    )
}

/// The navigation column.
pub fn sidebar(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(SIDEBAR)),
        ..container::Style::default()
    }
}

/// A sheet of paper: the letter preview.
pub fn paper(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(PAPER)),
        border: Border {
            color: Color::from_rgb(0.85, 0.86, 0.85),
            width: 1.0,
            radius: 4.0.into(),
        },
        ..container::Style::default()
    }
}

/// A panel grouping related fields.
pub fn card(theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border {
            color: theme.extended_palette().background.strong.color,
            width: 1.0,
            radius: 6.0.into(),
        },
        ..container::Style::default()
    }
}

/// A message bar: green for done, red for a problem.
pub fn notice(ok: bool) -> impl Fn(&Theme) -> container::Style {
    move |theme: &Theme| {
        let palette = theme.extended_palette();
        tinted(if ok {
            palette.success.weak
        } else {
            palette.danger.weak
        })
    }
}

/// A rounded bar in one of the palette's weak pairs (its colour behind, its text on it).
fn tinted(pair: iced::theme::palette::Pair) -> container::Style {
    container::Style {
        background: Some(Background::Color(pair.color)),
        text_color: Some(pair.text),
        border: Border {
            radius: 4.0.into(),
            ..Border::default()
        },
        ..container::Style::default()
    }
}

/// A placeholder in a letter being filled in («[نرخ تازه]»): in the accent of a problem,
/// so the owner sees at once what the letter still waits for. (A span's background would
/// be drawn beside a right-to-left span in iced 0.14; a glyph's colour is drawn with it.)
pub fn placeholder<'a, L, F>(span: text::Span<'a, L, F>) -> text::Span<'a, L, F> {
    span.color(PLACEHOLDER)
}

/// A field's validation message, under the field.
pub fn field_error<'a, M: 'a>(message: &str) -> Container<'a, M> {
    container(text(message.to_string()).size(12))
        .padding(4)
        .style(notice(false))
}

/// A note under a field about a value that is allowed but worth a second look (a deadline
/// on the client's weekend): in the palette's warning colours, neither done nor wrong.
pub fn field_caution<'a, M: 'a>(message: &str) -> Container<'a, M> {
    container(text(message.to_string()).size(12))
        .padding(4)
        .style(|theme: &Theme| tinted(theme.extended_palette().warning.weak))
}

/// The horizontal alignment of the start of a line in `lang`.
pub fn start(lang: Lang) -> alignment::Horizontal {
    if lang.is_rtl() {
        alignment::Horizontal::Right
    } else {
        alignment::Horizontal::Left
    }
}

/// The horizontal alignment of the end of a line in `lang`.
pub fn end(lang: Lang) -> alignment::Horizontal {
    if lang.is_rtl() {
        alignment::Horizontal::Left
    } else {
        alignment::Horizontal::Right
    }
}

/// A row whose children run right to left in Persian: the first child sits at the start.
pub fn row_dir<'a, M: 'a>(lang: Lang, mut children: Vec<Element<'a, M>>) -> Row<'a, M> {
    if lang.is_rtl() {
        children.reverse();
    }
    Row::with_children(children)
}

/// A line of text placed at the start side. (A shrink-width text inside a full-width
/// container: `text().align_x(Right).width(Fill)` clips right-to-left lines in iced 0.14.)
pub fn line<'a, M: 'a>(lang: Lang, content: impl text::IntoFragment<'a>) -> Container<'a, M> {
    container(super::fit::fit(text(content).font(FONT)))
        .width(Length::Fill)
        .align_x(start(lang))
}

/// A section heading at the start side.
pub fn heading<'a, M: 'a>(lang: Lang, content: impl text::IntoFragment<'a>) -> Container<'a, M> {
    container(text(content).font(BOLD).size(18))
        .width(Length::Fill)
        .align_x(start(lang))
}

/// What to type in a field, with an example: under its label, smaller and quieter still.
pub fn help<'a, M: 'a>(lang: Lang, content: impl text::IntoFragment<'a>) -> Container<'a, M> {
    container(text(content).size(12).style(|theme: &Theme| text::Style {
        color: Some(theme.extended_palette().background.strong.text),
    }))
    .width(Length::Fill)
    .align_x(start(lang))
}

/// A field label at the start side, in a quieter colour.
pub fn label<'a, M: 'a>(lang: Lang, content: impl text::IntoFragment<'a>) -> Container<'a, M> {
    container(text(content).size(13).style(|theme: &Theme| text::Style {
        color: Some(theme.extended_palette().background.strong.text),
    }))
    .width(Length::Fill)
    .align_x(start(lang))
}
