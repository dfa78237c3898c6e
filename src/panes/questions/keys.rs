//! The questions' keys. `?` is help everywhere, so "not sure" has keys of its own.

use ratatui::crossterm::event::KeyCode as K;

use crate::app::keymap::{Binding, Does, HALF_DOWN, HALF_UP, NO, Pat, bind, hint, vital};
use crate::app::{Action, Dir};
use crate::engine::Answer;
use Does::Act;
use Pat::{Ctrl, Key};

#[rustfmt::skip]
pub static KEYS: &[Binding] = &[
    bind(&[Key(K::Char('y'))], "answer yes", vital("y/n/u", "y/n/u", "answer"), Act(Action::Answer(Answer::Yes))),
    bind(&[Key(K::Char('n'))], "answer no", NO, Act(Action::Answer(Answer::No))),
    bind(&[Key(K::Char('u')), Key(K::Char('0'))], "answer not sure", NO, Act(Action::Answer(Answer::Unsure))),
    bind(&[Pat::Digit], "pick a choice", NO, Does::Choice),
    bind(&[Key(K::Backspace)], "back one question, undoing its answer", hint("Bksp", "Bksp", "undo"), Act(Action::Undo)),
    bind(&[Key(K::Up), Key(K::Char('k')), Ctrl('p'), Ctrl('k')], "select an earlier answer to change it", NO, Act(Action::Move(Dir::Up))),
    bind(&[Key(K::Down), Key(K::Char('j')), Ctrl('n'), Ctrl('j')], "select a later answer, or the current question", hint("↑↓", "Up/Down", "change"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::Home), Key(K::Char('g'))], "the first answer", NO, Act(Action::Home)),
    bind(&[Key(K::End), Key(K::Char('G'))], "back to the current question", NO, Act(Action::End)),
    bind(&[Key(K::PageUp), Ctrl('b')], "a page up the answers", NO, Act(Action::PageUp)),
    bind(&[Key(K::PageDown), Ctrl('f')], "a page down the answers", NO, Act(Action::PageDown)),
    bind(HALF_UP, "half a page up the answers", NO, Act(Action::HalfPageUp)),
    bind(HALF_DOWN, "half a page down the answers", NO, Act(Action::HalfPageDown)),
    bind(&[Key(K::Char('s'))], "skip the questions: go to the causes", vital("s", "s", "skip"), Act(Action::SkipToCauses)),
];

/// A checklist question ("tick any that apply") in focus.
#[rustfmt::skip]
pub static CHECKLIST: &[Binding] = &[
    bind(&[Key(K::Char(' '))], "tick or untick the item under the cursor", vital("Space/1-9", "Space/1-9", "tick"), Act(Action::Tick(None))),
    bind(&[Pat::Digit], "tick or untick that item", NO, Does::Tick),
    bind(&[Key(K::Enter)], "confirm the items ticked", vital("Enter", "Enter", "confirm"), Act(Action::ConfirmTicks)),
    bind(&[Key(K::Char('n'))], "none of these", vital("n", "n", "none"), Act(Action::Answer(Answer::Checked(0)))),
    bind(&[Key(K::Char('u')), Key(K::Char('0'))], "not sure", hint("u/0", "u/0", "not sure"), Act(Action::Answer(Answer::Unsure))),
    bind(&[Key(K::Up), Key(K::Char('k')), Ctrl('p'), Ctrl('k')], "the item above; from the first, an earlier answer to change", NO, Act(Action::Move(Dir::Up))),
    bind(&[Key(K::Down), Key(K::Char('j')), Ctrl('n'), Ctrl('j')], "the item below; from the last, a later answer", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(&[Key(K::Home), Key(K::Char('g'))], "the first answer", NO, Act(Action::Home)),
    bind(&[Key(K::End), Key(K::Char('G'))], "back to the current question", NO, Act(Action::End)),
    bind(&[Key(K::Backspace)], "back one question, undoing its answer", hint("Bksp", "Bksp", "undo"), Act(Action::Undo)),
    bind(&[Key(K::Char('s'))], "skip the questions: go to the causes", vital("s", "s", "skip"), Act(Action::SkipToCauses)),
];
