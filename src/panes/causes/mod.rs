//! The cause list: the ranking, or the matches of the search line above it.

pub mod keys;
mod row;
pub mod view;

use tui_input::{Input, InputRequest};

use super::{Effect, Viewport, moved};
use crate::app::{Action, Pane, Session};

/// The longest search kept: enough for any name, short enough that a paste of a whole
/// document cannot make each keystroke slow.
pub const MAX_QUERY: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct CausesPane {
    /// Row selected in the list.
    pub selected: usize,
    /// The list as last drawn, and where its rows were on screen.
    pub list: Viewport,
    pub list_rows: std::cell::Cell<ratatui::layout::Rect>,
    /// The lines each row on screen took at the last draw.
    pub row_heights: std::cell::RefCell<Vec<u16>>,
    /// The search line: its text and cursor.
    pub input: Input,
    /// The search line has the keyboard.
    pub editing: bool,
    /// Where the text cursor was drawn in the search line, if it was.
    pub cursor_at: std::cell::Cell<Option<ratatui::layout::Position>>,
}

impl CausesPane {
    /// Whether the search line is shown.
    pub fn searching(&self) -> bool {
        !self.input.value().is_empty() || self.editing
    }

    /// The cause under the selection.
    pub fn selected_cause(&self, session: &Session) -> Option<usize> {
        session.row(self.selected).map(|r| r.index)
    }

    /// Keep the selection on a row after the list changed.
    pub fn sync(&mut self, session: &Session) {
        self.selected = self.selected.min(session.row_count().saturating_sub(1));
    }

    /// Start typing in the search line.
    pub fn open_search(&mut self) {
        self.editing = true;
    }

    pub fn clear_search(&mut self, session: &mut Session) {
        self.input.reset();
        self.editing = false;
        self.selected = 0;
        session.set_query("");
    }

    pub fn update(&mut self, action: Action, session: &mut Session) -> Effect {
        let len = session.row_count();
        match action {
            Action::Select(i) if i < len => self.selected = i,
            Action::OpenDetail => {
                return match self.selected_cause(session) {
                    Some(cause) => {
                        self.editing = false;
                        Effect::Open {
                            cause,
                            trail: false,
                        }
                    }
                    None => Effect::Say("No cause to open.".into()),
                };
            }
            Action::Edit(request) => self.edit(session, request),
            Action::Paste(text) => {
                self.editing = true;
                // One line, printable characters only, and no longer than a query can be.
                let room = MAX_QUERY.saturating_sub(self.input.value().chars().count());
                let clean = text
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !c.is_control())
                    .take(room);
                for c in clean {
                    self.input.handle(InputRequest::InsertChar(c));
                }
                self.selected = 0;
                session.set_query(self.input.value());
            }
            Action::SearchClear => self.clear_search(session),
            Action::Back if self.searching() => self.clear_search(session),
            Action::Back => return Effect::Focus(Pane::Questions),
            other => {
                if let Some(i) = moved(self.selected, len, self.list.height(), other) {
                    self.selected = i;
                }
            }
        }
        self.sync(session);
        Effect::None
    }

    fn edit(&mut self, session: &mut Session, request: InputRequest) {
        let full = self.input.value().chars().count() >= MAX_QUERY;
        if full && matches!(request, InputRequest::InsertChar(_)) {
            return;
        }
        if self.input.handle(request).is_some_and(|c| c.value) {
            self.selected = 0;
            session.set_query(self.input.value());
        }
    }
}
