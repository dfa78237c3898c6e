//! The cause list's keys, and the search line's.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::Does::{self, Act};
use crate::app::keymap::{
    Binding, DOWN, END, HALF_DOWN, HALF_UP, HOME, NO, PG_DOWN, PG_UP, Pat, UP, bind, hint, vital,
};
use crate::app::{Action, Dir};
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(&[Key(K::Enter)], "open the cause's detail", vital("Enter", "Enter", "open"), Act(Action::OpenDetail)),
    bind(UP, "previous cause", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "next cause", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(PG_UP, "a page up", NO, Act(Action::PageUp)),
    bind(PG_DOWN, "a page down", NO, Act(Action::PageDown)),
    bind(HALF_UP, "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "first cause", NO, Act(Action::Home)),
    bind(END, "last cause", NO, Act(Action::End)),
];

/// The search line has the keyboard: letters are text, and the usual line-editing keys
/// work (←→, Home/End, Ctrl-A/E, Ctrl-U, Ctrl-W, Ctrl-K, Alt-B/F).
#[rustfmt::skip]
pub static SEARCH: &[Binding] = &[
    bind(&[Key(K::Enter)], "open the highlighted cause", vital("Enter", "Enter", "open"), Act(Action::OpenDetail)),
    bind(&[Key(K::Esc)], "clear the search", vital("Esc", "Esc", "clear"), Act(Action::SearchClear)),
    bind(&[Key(K::Up), Ctrl('p')], "previous match", NO, Act(Action::Move(Dir::Up))),
    bind(&[Key(K::Down), Ctrl('n')], "next match", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::PageUp)], "a page of matches up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown)], "a page of matches down", NO, Act(Action::PageDown)),
    bind(&[Pat::Edit], "type to find causes by name, alias or symptom; Left, Right, Home, End, Ctrl-U and Ctrl-W edit", NO, Does::Edit),
];
