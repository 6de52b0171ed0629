//! Tab and Shift+Tab: move the focus between fields in the order a reader sees them.
//! iced's own `focus_next` follows the widget tree, which in Persian is mirrored (rows are
//! built right to left), so the order is worked out from where the fields are on screen.

use iced::Rectangle;
use iced::Task;
use iced::advanced::widget::operation::{self, Focusable, Operation, Outcome};
use iced::advanced::widget::{Id, operate};

/// Fields on screen in reading order: column by column (right to left in Persian), top
/// to bottom within a column. Returns indices into `fields`.
pub fn visual_order(fields: &[Rectangle], rtl: bool) -> Vec<usize> {
    // Columns: fields whose horizontal extents overlap.
    let mut columns: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for (i, r) in fields.iter().enumerate() {
        let (x0, x1) = (r.x, r.x + r.width);
        match columns
            .iter_mut()
            .find(|(c0, c1, _)| x0 < *c1 - 1.0 && *c0 + 1.0 < x1)
        {
            Some(column) => {
                column.0 = column.0.min(x0);
                column.1 = column.1.max(x1);
                column.2.push(i);
            }
            None => columns.push((x0, x1, vec![i])),
        }
    }
    if rtl {
        columns.sort_by(|a, b| b.1.total_cmp(&a.1));
    } else {
        columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    columns
        .into_iter()
        .flat_map(|(_, _, mut members)| {
            members.sort_by(|&a, &b| fields[a].y.total_cmp(&fields[b].y));
            members
        })
        .collect()
}

/// The field after (or before) the focused one, in reading order; the first (or last)
/// when none is focused.
fn target(fields: &[(Rectangle, bool)], rtl: bool, forward: bool) -> Option<usize> {
    let bounds: Vec<Rectangle> = fields.iter().map(|f| f.0).collect();
    let order = visual_order(&bounds, rtl);
    let n = order.len();
    if n == 0 {
        return None;
    }
    let at = order.iter().position(|&i| fields[i].1);
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(k), true) => (k + 1) % n,
        (Some(k), false) => (k + n - 1) % n,
    };
    Some(order[next])
}

/// First pass: where every focusable field is and which one has the focus.
struct Survey {
    rtl: bool,
    forward: bool,
    fields: Vec<(Rectangle, bool)>,
}

type Found = (bool, bool, Vec<(Rectangle, bool)>);

impl Operation<Found> for Survey {
    fn focusable(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        self.fields.push((bounds, state.is_focused()));
    }

    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Found>)) {
        operate(self);
    }

    fn finish(&self) -> Outcome<Found> {
        Outcome::Some((self.rtl, self.forward, self.fields.clone()))
    }
}

/// Second pass: focus the chosen field, unfocus the others.
struct Move {
    target: Option<usize>,
    current: usize,
}

impl Operation for Move {
    fn focusable(&mut self, _id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        if Some(self.current) == self.target {
            state.focus();
        } else {
            state.unfocus();
        }
        self.current += 1;
    }

    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }
}

fn choose((rtl, forward, fields): Found) -> Move {
    Move {
        target: target(&fields, rtl, forward),
        current: 0,
    }
}

/// Moves the focus to the next (or previous) field in reading order.
pub fn next<M: Send + 'static>(rtl: bool, forward: bool) -> Task<M> {
    let survey = Survey {
        rtl,
        forward,
        fields: Vec::new(),
    };
    operate(operation::then(survey, choose)).discard()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x: f32, y: f32, w: f32) -> Rectangle {
        Rectangle {
            x,
            y,
            width: w,
            height: 30.0,
        }
    }

    /// The compose screen in Persian: the form on the right, the subject and body on the
    /// left; the widget tree lists the left column first because rows are mirrored.
    fn compose_fa() -> Vec<Rectangle> {
        vec![
            at(16.0, 33.0, 613.0),   // subject
            at(30.0, 300.0, 590.0),  // body
            at(673.0, 590.0, 352.0), // invoice
            at(673.0, 652.0, 352.0), // amount
            at(673.0, 735.0, 352.0), // due date
        ]
    }

    #[test]
    fn persian_reading_order_starts_in_the_right_column() {
        assert_eq!(visual_order(&compose_fa(), true), [2, 3, 4, 0, 1]);
        // English: the same fields mirrored back, left column first.
        let en: Vec<Rectangle> = compose_fa()
            .into_iter()
            .map(|r| Rectangle {
                x: 1040.0 - r.x - r.width,
                ..r
            })
            .collect();
        assert_eq!(visual_order(&en, false), [2, 3, 4, 0, 1]);
    }

    #[test]
    fn tab_moves_forward_and_back_and_wraps() {
        let fields: Vec<(Rectangle, bool)> = compose_fa()
            .into_iter()
            .enumerate()
            .map(|(i, r)| (r, i == 4))
            .collect();
        assert_eq!(target(&fields, true, true), Some(0), "due date → subject");
        assert_eq!(target(&fields, true, false), Some(3), "due date ← amount");
        let none: Vec<(Rectangle, bool)> = compose_fa().into_iter().map(|r| (r, false)).collect();
        assert_eq!(target(&none, true, true), Some(2));
        assert_eq!(target(&none, true, false), Some(1));
        let body: Vec<(Rectangle, bool)> = compose_fa()
            .into_iter()
            .enumerate()
            .map(|(i, r)| (r, i == 1))
            .collect();
        assert_eq!(target(&body, true, true), Some(2), "wraps to the first");
        assert_eq!(target(&[], true, true), None);
    }
}
