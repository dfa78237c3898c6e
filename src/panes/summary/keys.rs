//! The summary pane's keys. The save key is in its own table, left out in kiosk mode
//! (so it is neither bound nor shown there).

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::Does::Act;
use crate::app::keymap::{Binding, DOWN, END, HALF_DOWN, HALF_UP, HOME, NO, Pat, UP, bind, hint};
use crate::app::{Action, Dir};
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(&[Key(K::Char('c'))], "show the summary as a QR code to scan with a phone (again: the text)", hint("c", "c", "QR code"), Act(Action::ToggleQr)),
    bind(UP, "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::PageUp), Key(K::Char('b')), Ctrl('b')], "a page up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Key(K::Char(' ')), Ctrl('f')], "a page down", NO, Act(Action::PageDown)),
    bind(HALF_UP, "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "to the top", NO, Act(Action::Home)),
    bind(END, "to the end", NO, Act(Action::End)),
];

/// Outside kiosk mode only: saving to a file.
#[rustfmt::skip]
pub static SAVE: &[Binding] = &[
    bind(&[Key(K::Char('s'))], "save the summary as Markdown in a new file in the current folder", hint("s", "s", "save"), Act(Action::SaveSummary)),
];
