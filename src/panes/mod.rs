//! The panes. Each owns its state, its keys and its drawing, in its own directory:
//! `mod.rs` the state and how actions change it, `keys.rs` its bindings (the status bar
//! and the help are generated from them), `view.rs` how it is drawn.
//!
//! A pane's `update` changes only its own state and the person's [`Session`]; anything
//! beyond (focus another pane, open a cause, say something) it asks for with an
//! [`Effect`], which `app::update` carries out. Drawing reads the state and records the
//! viewport it drew (rows shown, how far it can scroll) in a [`Viewport`], which the next
//! update uses for paging; it changes nothing else.
//!
//! [`Session`]: crate::app::Session

pub mod body;
pub mod causes;
pub mod detail;
pub mod help;
pub mod questions;
pub mod summary;

#[cfg(test)]
mod pane_tests;

use std::cell::Cell;

use crate::app::{Action, Dir, Pane};

/// What a pane asks the app to do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Focus(Pane),
    /// Open a cause's detail; `trail` keeps the current one for Back.
    Open {
        cause: usize,
        trail: bool,
    },
    /// Close the detail and go back to the list.
    CloseDetail,
    Say(String),
    /// Both, in order.
    FocusAndSay(Pane, String),
}

/// A scrolled area as it was last drawn: the first row shown and how many rows fit.
/// Drawing records it; updates read it to page and to keep a selection in view.
#[derive(Debug, Default)]
pub struct Viewport {
    top: Cell<usize>,
    height: Cell<usize>,
}

impl Clone for Viewport {
    fn clone(&self) -> Self {
        Viewport {
            top: Cell::new(self.top.get()),
            height: Cell::new(self.height.get()),
        }
    }
}

impl Viewport {
    /// Rows shown at the last draw (at least 1).
    pub fn height(&self) -> usize {
        self.height.get().max(1)
    }

    pub fn top(&self) -> usize {
        self.top.get()
    }

    /// The first row to draw for a list of `len` rows with `selected` kept in view,
    /// moving no further than needed from the last draw; recorded for the next update.
    pub fn follow(&self, selected: usize, len: usize, height: usize) -> usize {
        let mut top = self.top.get();
        if height == 0 || selected < top {
            top = selected;
        } else if selected >= top + height {
            top = selected + 1 - height;
        }
        // No blank rows below the list when it has shrunk or the window has grown.
        top = top.min(len.saturating_sub(height));
        self.top.set(top);
        self.height.set(height);
        top
    }

    /// Record a scroll position and height (for documents, where the top is the state).
    pub fn record(&self, top: usize, height: usize) {
        self.top.set(top);
        self.height.set(height);
    }
}

/// A row index after a movement action in a list of `len` rows, `page` rows to a page.
/// `None` when the action does not move in lists.
pub fn moved(at: usize, len: usize, page: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let half = (page / 2).max(1);
    let page = page.saturating_sub(1).max(1);
    Some(match action {
        Action::Move(Dir::Up) => at.saturating_sub(1),
        Action::Move(Dir::Down) => at.saturating_add(1).min(last),
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => at.saturating_add(page).min(last),
        Action::HalfPageUp => at.saturating_sub(half),
        Action::HalfPageDown => at.saturating_add(half).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => return None,
    })
}

/// Scroll a document pane for a movement action, within what its last draw recorded (its
/// window in `view`, how far it could scroll in `max`).
pub fn scroll_document(
    scroll: &mut usize,
    view: &Viewport,
    max: &std::cell::Cell<usize>,
    action: Action,
) {
    let max = max.get();
    if let Some(top) = scrolled((*scroll).min(max), max, view.height(), action) {
        *scroll = top;
    }
}

/// A scroll offset after a movement action, for a document `max` rows past the window.
pub fn scrolled(top: usize, max: usize, page: usize, action: Action) -> Option<usize> {
    let half = (page / 2).max(1);
    Some(match action {
        Action::Move(Dir::Up | Dir::Left) => top.saturating_sub(1),
        Action::Move(Dir::Down | Dir::Right) => top.saturating_add(1).min(max),
        Action::PageUp => top.saturating_sub(page.max(1)),
        Action::PageDown => top.saturating_add(page.max(1)).min(max),
        Action::HalfPageUp => top.saturating_sub(half),
        Action::HalfPageDown => top.saturating_add(half).min(max),
        Action::Home => 0,
        Action::End => max,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_moved_past_the_bottom_stays_in_view() {
        let v = Viewport::default();
        assert_eq!(v.follow(0, 100, 10), 0);
        assert_eq!(v.follow(9, 100, 10), 0);
        assert_eq!(v.follow(10, 100, 10), 1);
        assert_eq!(v.follow(50, 100, 10), 41);
        // Moving back up inside the window does not scroll.
        assert_eq!(v.follow(45, 100, 10), 41);
        assert_eq!(v.follow(40, 100, 10), 40);
        // The list shrank under the window.
        assert_eq!(v.follow(3, 5, 10), 0);
    }

    #[test]
    fn movement_stays_in_range() {
        assert_eq!(moved(0, 0, 10, Action::Move(Dir::Down)), Some(0));
        assert_eq!(moved(5, 10, 10, Action::End), Some(9));
        assert_eq!(moved(5, 10, 10, Action::HalfPageUp), Some(0));
        assert_eq!(moved(2, 100, 10, Action::PageDown), Some(11));
        assert_eq!(moved(2, 100, 10, Action::FlipView), None);
        assert_eq!(scrolled(3, 5, 10, Action::PageDown), Some(5));
        assert_eq!(scrolled(3, 5, 10, Action::Home), Some(0));
    }
}
