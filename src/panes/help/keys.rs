//! The help overlay's keys: it has the keyboard; nothing reaches the panes behind it.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::Does::Act;
use crate::app::keymap::{
    Binding, DOWN, END, HALF_DOWN, HALF_UP, HOME, NO, PG_UP, Pat, UP, bind, hint, vital,
};
use crate::app::{Action, Dir};
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(&[Key(K::Esc), Key(K::Char('?')), Key(K::F(1))], "Esc/?/F1", "Esc/?/F1", "close this help", vital("Esc", "Esc", "close"), Act(Action::ToggleHelp)),
    bind(UP, "↑/k", "Up/k", "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "↓/j", "Down/j", "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(PG_UP, "PgUp/Ctrl-B", "PgUp/Ctrl-B", "a page up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Ctrl('f'), Key(K::Char(' '))], "PgDn/Space", "PgDn/Space", "a page down", NO, Act(Action::PageDown)),
    bind(HALF_UP, "Ctrl-U", "Ctrl-U", "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "Ctrl-D", "Ctrl-D", "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "Home/g", "Home/g", "to the top", NO, Act(Action::Home)),
    bind(END, "End/G", "End/G", "to the end", NO, Act(Action::End)),
    bind(&[Key(K::Char('q'))], "q", "q", "quit (asks first when you have given answers)", vital("q", "q", "quit"), Act(Action::Quit)),
    bind(&[Ctrl('c')], "Ctrl-C", "Ctrl-C", "quit at once", NO, Act(Action::QuitNow)),
];
