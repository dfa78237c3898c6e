//! The body map's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Does, HALF_DOWN, HALF_UP, NO, Pat, bind, hint, vital};
use crate::app::{Action, Dir};
use Does::Act;
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(&[Key(K::Up), Key(K::Char('k')), Ctrl('p'), Ctrl('k')], "move up the figure", NO, Act(Action::Move(Dir::Up))),
    bind(&[Key(K::Down), Key(K::Char('j')), Ctrl('n'), Ctrl('j')], "move down the figure", NO, Act(Action::Move(Dir::Down))),
    bind(&[Key(K::Left), Key(K::Char('h'))], "move left on the figure", NO, Act(Action::Move(Dir::Left))),
    bind(&[Key(K::Right), Key(K::Char('l'))], "move right on the figure", hint("←↑↓→", "arrows", "move"), Act(Action::Move(Dir::Right))),
    bind(&[Key(K::Enter)], "choose this region and any marked", vital("Enter", "Enter", "choose"), Act(Action::ChooseRegions)),
    bind(&[Key(K::Char(' '))], "mark one more region (pain that spreads)", hint("Space", "Space", "mark"), Act(Action::ToggleMark)),
    bind(&[Key(K::Char('v'))], "turn the figure: front or back", hint("v", "v", "turn"), Act(Action::FlipView)),
    bind(&[Key(K::Home), Key(K::Char('g'))], "first region in the list", NO, Act(Action::Home)),
    bind(&[Key(K::End), Key(K::Char('G'))], "last region in the list", NO, Act(Action::End)),
    bind(&[Key(K::PageUp), Ctrl('b')], "a page up the list", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Ctrl('f')], "a page down the list", NO, Act(Action::PageDown)),
    bind(HALF_UP, "half a page up the list", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "half a page down the list", NO, Act(Action::HalfPageDown)),
    bind(&[Pat::Letter], "jump to a region by its first letter (H and L for h and l)", NO, Does::JumpTo),
];
