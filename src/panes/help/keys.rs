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
    bind(&[Key(K::Esc), Key(K::Char('?')), Key(K::F(1))], "close this help", vital("Esc", "Esc", "close"), Act(Action::ToggleHelp)),
    bind(UP, "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(DOWN, "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(PG_UP, "a page up", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Ctrl('f'), Key(K::Char(' '))], "a page down", NO, Act(Action::PageDown)),
    bind(HALF_UP, "half a page up", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "half a page down", NO, Act(Action::HalfPageDown)),
    bind(HOME, "to the top", NO, Act(Action::Home)),
    bind(END, "to the end", NO, Act(Action::End)),
    bind(&[Key(K::Char('q'))], "quit (asks first when you have given answers)", vital("q", "q", "quit"), Act(Action::Quit)),
    bind(&[Ctrl('c')], "quit at once", NO, Act(Action::QuitNow)),
];
