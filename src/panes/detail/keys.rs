//! The detail view's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::Does::{self, Act};
use crate::app::keymap::{
    Binding, DOWN, END, HALF_DOWN, HALF_UP, HOME, NO, PG_DOWN, PG_UP, Pat, UP, bind, hint,
};
use crate::app::{Action, Dir};
use Pat::Key;

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(UP, "↑/k/Ctrl-P", "Up/k/Ctrl-P", "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "↓/j/Ctrl-N", "Down/j/Ctrl-N", "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::PageUp), Key(K::Char('b'))], "PgUp/b", "PgUp/b", "a page up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Key(K::Char(' '))], "PgDn/Space", "PgDn/Space", "a page down", hint("PgUp/Dn", "PgUp/Dn", "page"), Act(Action::PageDown)),
    bind(PG_UP, "Ctrl-B", "Ctrl-B", "a page up", NO, Act(Action::PageUp)),
    bind(PG_DOWN, "Ctrl-F", "Ctrl-F", "a page down", NO, Act(Action::PageDown)),
    bind(HALF_UP, "Ctrl-U", "Ctrl-U", "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "Ctrl-D", "Ctrl-D", "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "Home/g", "Home/g", "to the top", NO, Act(Action::Home)),
    bind(END, "End/G", "End/G", "to the end", NO, Act(Action::End)),
    bind(&[Pat::Digit], "1-9", "1-9", "open a related cause", hint("1-9", "1-9", "related"), Does::Related),
    bind(&[Key(K::Backspace)], "Backspace", "Backspace", "back to the cause before", NO, Act(Action::DetailBack)),
];
