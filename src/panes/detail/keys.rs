//! The detail view's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::Does::{self, Act};
use crate::app::keymap::{Binding, DOWN, END, HALF_DOWN, HALF_UP, HOME, NO, Pat, UP, bind, hint};
use crate::app::{Action, Dir};
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(UP, "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::PageUp), Key(K::Char('b')), Ctrl('b')], "a page up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Key(K::Char(' ')), Ctrl('f')], "a page down", hint("PgUp/Dn", "PgUp/Dn", "page"), Act(Action::PageDown)),
    bind(HALF_UP, "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "to the top", NO, Act(Action::Home)),
    bind(END, "to the end", NO, Act(Action::End)),
    bind(&[Pat::Digit], "open a related cause", hint("1-9", "1-9", "related"), Does::Related),
    bind(&[Key(K::Backspace)], "back to the cause before", NO, Act(Action::DetailBack)),
];
