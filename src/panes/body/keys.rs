//! The body map's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Does, HALF_DOWN, HALF_UP, NO, Pat, bind, hint, vital};
use crate::app::{Action, Dir};
use Does::Act;
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(&[Key(K::Up), Key(K::Char('k')), Ctrl('p'), Ctrl('k')], "↑/k/Ctrl-P", "Up/k/Ctrl-P", "move up the figure", NO, Act(Action::Move(Dir::Up))),
    bind(&[Key(K::Down), Key(K::Char('j')), Ctrl('n'), Ctrl('j')], "↓/j/Ctrl-N", "Down/j/Ctrl-N", "move down the figure", NO, Act(Action::Move(Dir::Down))),
    bind(&[Key(K::Left), Key(K::Char('h'))], "←/h", "Left/h", "move left on the figure", NO, Act(Action::Move(Dir::Left))),
    bind(&[Key(K::Right), Key(K::Char('l'))], "→/l", "Right/l", "move right on the figure", hint("←↑↓→", "arrows", "move"), Act(Action::Move(Dir::Right))),
    bind(&[Key(K::Enter)], "Enter", "Enter", "choose this region and any marked", vital("Enter", "Enter", "choose"), Act(Action::ChooseRegions)),
    bind(&[Key(K::Char(' '))], "Space", "Space", "mark one more region (pain that spreads)", hint("Space", "Space", "mark"), Act(Action::ToggleMark)),
    bind(&[Key(K::Char('v'))], "v", "v", "turn the figure: front or back", hint("v", "v", "turn"), Act(Action::FlipView)),
    bind(&[Key(K::Home), Key(K::Char('g'))], "Home/g", "Home/g", "first region in the list", NO, Act(Action::Home)),
    bind(&[Key(K::End), Key(K::Char('G'))], "End/G", "End/G", "last region in the list", NO, Act(Action::End)),
    bind(&[Key(K::PageUp), Ctrl('b')], "PgUp/Ctrl-B", "PgUp/Ctrl-B", "a page up the list", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Ctrl('f')], "PgDn/Ctrl-F", "PgDn/Ctrl-F", "a page down the list", NO, Act(Action::PageDown)),
    bind(HALF_UP, "Ctrl-U", "Ctrl-U", "half a page up the list", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "Ctrl-D", "Ctrl-D", "half a page down the list", NO, Act(Action::HalfPageDown)),
    bind(&[Pat::Letter], "a-z", "a-z", "jump to a region by its first letter (H and L for h and l)", NO, Does::JumpTo),
];
