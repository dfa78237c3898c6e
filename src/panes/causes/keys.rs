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
    bind(&[Key(K::Enter)], "Enter", "Enter", "open the cause's detail", vital("Enter", "Enter", "open"), Act(Action::OpenDetail)),
    bind(UP, "↑/k/Ctrl-P", "Up/k/Ctrl-P", "previous cause", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "↓/j/Ctrl-N", "Down/j/Ctrl-N", "next cause", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(PG_UP, "PgUp/Ctrl-B", "PgUp/Ctrl-B", "a page up", NO, Act(Action::PageUp)),
    bind(PG_DOWN, "PgDn/Ctrl-F", "PgDn/Ctrl-F", "a page down", NO, Act(Action::PageDown)),
    bind(HALF_UP, "Ctrl-U", "Ctrl-U", "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "Ctrl-D", "Ctrl-D", "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "Home/g", "Home/g", "first cause", NO, Act(Action::Home)),
    bind(END, "End/G", "End/G", "last cause", NO, Act(Action::End)),
];

/// The search line has the keyboard: letters are text, and the usual line-editing keys
/// work (←→, Home/End, Ctrl-A/E, Ctrl-U, Ctrl-W, Ctrl-K, Alt-B/F).
#[rustfmt::skip]
pub static SEARCH: &[Binding] = &[
    bind(&[Key(K::Enter)], "Enter", "Enter", "open the highlighted cause", vital("Enter", "Enter", "open"), Act(Action::OpenDetail)),
    bind(&[Key(K::Esc)], "Esc", "Esc", "clear the search", vital("Esc", "Esc", "clear"), Act(Action::SearchClear)),
    bind(&[Key(K::Up), Ctrl('p')], "↑/Ctrl-P", "Up/Ctrl-P", "previous match", NO, Act(Action::Move(Dir::Up))),
    bind(&[Key(K::Down), Ctrl('n')], "↓/Ctrl-N", "Down/Ctrl-N", "next match", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::PageUp)], "PgUp", "PgUp", "a page of matches up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown)], "PgDn", "PgDn", "a page of matches down", NO, Act(Action::PageDown)),
    bind(&[Pat::Edit], "text", "text", "type to find causes by name, alias or symptom; Left, Right, Home, End, Ctrl-U and Ctrl-W edit", NO, Does::Edit),
];
