//! Mouse and touch: a click on a tab or a pane focuses it, on a row selects it (a second
//! click on the selected row opens or chooses it), and the wheel scrolls the pane under
//! the pointer. Touch screens on kiosks send the same events.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::layout::Layout;
use super::{Action, App, Dir, Pane};

/// The actions a mouse event asks for, in order.
pub fn actions(app: &App, event: &MouseEvent) -> Vec<Action> {
    if !app.options.mouse || app.confirm_quit {
        return Vec::new();
    }
    if let Some(modal) = app.kiosk.as_ref().and_then(super::kiosk::modal) {
        // A touch on the welcome screen or the countdown is a key press; on the staff
        // prompt it closes it. Moving or scrolling does nothing there.
        return match event.kind {
            MouseEventKind::Down(_) => vec![modal],
            _ => Vec::new(),
        };
    }
    let at = Position::new(event.column, event.row);
    let Some(layout) = Layout::of(app) else {
        return Vec::new();
    };
    if app.help.is_some() {
        return match event.kind {
            MouseEventKind::ScrollUp => vec![Action::Move(Dir::Up); 3],
            MouseEventKind::ScrollDown => vec![Action::Move(Dir::Down); 3],
            _ => Vec::new(),
        };
    }
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if super::layout::summary_button(app, layout.header, layout.wide)
                .is_some_and(|b| b.contains(at))
            {
                return vec![if app.pane == Pane::Summary {
                    Action::Back
                } else {
                    Action::OpenSummary
                }];
            }
            if layout.header.contains(at) && !layout.wide {
                return tab_at(app, at.x - layout.header.x)
                    .map(|p| vec![Action::FocusPane(p)])
                    .unwrap_or_default();
            }
            let Some((pane, _)) = layout.panes.iter().find(|(_, r)| r.contains(at)) else {
                return Vec::new();
            };
            let mut out = vec![Action::FocusPane(*pane)];
            out.extend(click_in(app, *pane, at));
            out
        }
        MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => {
            let dir = if event.kind == MouseEventKind::ScrollUp {
                Dir::Up
            } else {
                Dir::Down
            };
            let Some((pane, _)) = layout.panes.iter().find(|(_, r)| r.contains(at)) else {
                return Vec::new();
            };
            let step = match pane {
                // On the figure, up and down move between regions: one at a time.
                Pane::Body => 1,
                _ => 3,
            };
            let mut out = vec![Action::FocusPane(*pane)];
            out.extend(std::iter::repeat_n(Action::Move(dir), step));
            out
        }
        _ => Vec::new(),
    }
}

/// The tab under a column of the header (tabs are " Name " with a divider between).
fn tab_at(app: &App, x: u16) -> Option<Pane> {
    let mut left = 0u16;
    for pane in app.panes() {
        let w = u16::try_from(pane.tab().len() + 2).unwrap_or(u16::MAX);
        if x < left + w {
            return Some(pane);
        }
        left += w;
    }
    None
}

/// The row of a list under a point, from where the list was last drawn.
fn row_at(rows: Rect, top: usize, at: Position) -> Option<usize> {
    rows.contains(at).then(|| top + usize::from(at.y - rows.y))
}

/// A click inside a pane: the row it lands on.
fn click_in(app: &App, pane: Pane, at: Position) -> Vec<Action> {
    match pane {
        Pane::Causes => {
            let c = &app.causes;
            let rows = c.list_rows.get();
            if !rows.contains(at) {
                return Vec::new();
            }
            // Rows may take more than one line each.
            let mut y = rows.y;
            let mut found = None;
            for (i, &h) in c.row_heights.borrow().iter().enumerate() {
                if at.y < y + h {
                    found = Some(c.list.top() + i);
                    break;
                }
                y += h;
            }
            let Some(n) = found else {
                return Vec::new();
            };
            if n >= app.session.row_count() {
                return Vec::new();
            }
            if n == c.selected && app.pane == Pane::Causes {
                vec![Action::OpenDetail]
            } else {
                vec![Action::Select(n)]
            }
        }
        Pane::Questions => {
            let q = &app.questions;
            match row_at(q.answer_rows.get(), q.answers.top(), at) {
                Some(n) if n < app.session.walk().answered.len() => vec![Action::Select(n)],
                _ => Vec::new(),
            }
        }
        Pane::Body => {
            let b = &app.body;
            let on_figure = b.spot_at(at.x, at.y);
            let Some(n) = on_figure.or_else(|| row_at(b.list_rows.get(), b.list.top(), at)) else {
                return Vec::new();
            };
            if n >= app.session.graph().regions.len() {
                return Vec::new();
            }
            if n == b.cursor && app.pane == Pane::Body {
                vec![Action::ChooseRegions]
            } else {
                vec![Action::Select(n)]
            }
        }
        Pane::Detail | Pane::Summary => Vec::new(),
    }
}
