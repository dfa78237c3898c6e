//! The questions: the one to answer now, or an earlier answer picked to change; the
//! answers so far below it.

mod checklist;
pub mod keys;
pub mod view;

use super::{Effect, Viewport, moved};
use crate::app::session::NotTaken;
use crate::app::{Action, Dir, Pane, Session};
use crate::engine::Answer;
use crate::graph::Answers;

#[derive(Debug, Clone, Default)]
pub struct QuestionsPane {
    /// `None` is the current question, `Some(i)` the i-th answer so far.
    pub cursor: Option<usize>,
    /// The answers list as last drawn, and where its rows were on screen.
    pub answers: Viewport,
    pub answer_rows: std::cell::Cell<ratatui::layout::Rect>,
    /// The checklist being ticked, when the question in focus is one (see [`Self::ticks`]).
    pub ticks: Option<Ticks>,
}

/// A checklist being answered: its question, the items ticked (bits, item `i` is bit `i`)
/// and the item under the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ticks {
    pub question: String,
    pub ticked: u64,
    pub item: usize,
    /// How many items the checklist has.
    pub items: usize,
}

impl QuestionsPane {
    /// The question the answer keys act on: the current one, or the answer selected.
    pub fn focus<'s>(&self, session: &'s Session) -> Option<&'s str> {
        let walk = session.walk();
        match self.cursor {
            Some(i) => walk.answered.get(i).map(|(q, _)| q.as_str()),
            None => walk.current.as_deref(),
        }
    }

    /// The ticks of the checklist in focus: those being made, else its answer so far (none
    /// ticked when it has none); `None` when the question in focus is not a checklist.
    pub fn ticks(&self, session: &Session) -> Option<Ticks> {
        let id = self.focus(session)?;
        let Answers::Checklist(items) = &session.graph().question(id)?.answers else {
            return None;
        };
        match &self.ticks {
            Some(t) if t.question == id => Some(t.clone()),
            _ => Some(Ticks {
                question: id.to_string(),
                ticked: match session.interview().answer_to(id) {
                    Some(Answer::Checked(bits)) => bits,
                    _ => 0,
                },
                item: 0,
                items: items.len(),
            }),
        }
    }

    /// Tick or untick an item of the checklist in focus (the one under the cursor).
    fn tick(&mut self, session: &Session, item: Option<usize>) -> Effect {
        let Some(mut t) = self.ticks(session) else {
            return Effect::None;
        };
        let i = item.unwrap_or(t.item);
        if i >= t.items.min(64) {
            return Effect::Say(format!("There are {} items.", t.items));
        }
        t.ticked ^= 1 << i;
        t.item = i;
        self.ticks = Some(t);
        Effect::None
    }

    /// Up and down over a checklist's items; `false` past its ends.
    fn move_in_checklist(&mut self, session: &Session, dir: Dir) -> bool {
        let Some(mut t) = self.ticks(session) else {
            return false;
        };
        let step = match dir {
            Dir::Up if t.item > 0 => Some(t.item - 1),
            Dir::Down if t.item + 1 < t.items => Some(t.item + 1),
            _ => None,
        };
        match step {
            Some(item) => {
                t.item = item;
                self.ticks = Some(t);
                true
            }
            None => false,
        }
    }

    /// After the session changed: a selected answer that is no longer on the path goes.
    pub fn sync(&mut self, session: &Session) {
        if self
            .cursor
            .is_some_and(|c| c >= session.walk().answered.len())
        {
            self.cursor = None;
        }
    }

    pub fn update(&mut self, action: Action, session: &mut Session) -> Effect {
        let len = session.walk().answered.len();
        match action {
            Action::Answer(answer) => {
                let Some(id) = self.focus(session).map(str::to_string) else {
                    return Effect::Say(if session.interview().regions.is_empty() {
                        NO_REGION.into()
                    } else {
                        "No more questions: Tab or s to see the causes.".into()
                    });
                };
                match session.answer(&id, answer) {
                    Ok(()) => {
                        self.cursor = None;
                        self.ticks = None;
                        if session.walk().current.is_none() {
                            return Effect::Say(
                                "That was the last question. Tab or s to see the causes.".into(),
                            );
                        }
                    }
                    Err(NotTaken::NoRegion) => return Effect::Say(NO_REGION.into()),
                    Err(NotTaken::NoQuestion) => {}
                    Err(NotTaken::Unfit(words)) => return Effect::Say(words),
                }
            }
            Action::Tick(item) => return self.tick(session, item),
            Action::ConfirmTicks => match self.ticks(session) {
                Some(t) if t.ticked == 0 => {
                    return Effect::Say(
                        "Nothing ticked: n for none of these, or tick with Space.".into(),
                    );
                }
                Some(t) => return self.update(Action::Answer(Answer::Checked(t.ticked)), session),
                None => return Effect::Say("This question is not a checklist.".into()),
            },
            Action::Move(dir @ (Dir::Up | Dir::Down)) if self.move_in_checklist(session, dir) => {}
            Action::Undo => {
                if session.undo().is_some() {
                    self.cursor = None;
                    self.ticks = None;
                } else {
                    return Effect::Say("No answer to take back.".into());
                }
            }
            Action::SkipToCauses => return Effect::Focus(Pane::Causes),
            Action::Back => self.cursor = None,
            // Up from the question picks the last answer; down past the last returns.
            Action::Move(Dir::Up) => {
                self.cursor = match self.cursor {
                    None if len > 0 => Some(len - 1),
                    Some(i) => Some(i.saturating_sub(1)),
                    None => None,
                };
            }
            Action::Move(Dir::Down) => {
                self.cursor = match self.cursor {
                    Some(i) if i + 1 < len => Some(i + 1),
                    _ => None,
                };
            }
            Action::Select(i) if i < len => self.cursor = Some(i),
            Action::Home if len > 0 => self.cursor = Some(0),
            Action::End => self.cursor = None,
            Action::PageUp | Action::PageDown | Action::HalfPageUp | Action::HalfPageDown => {
                // Rows are the answers, then the question itself.
                let at = self.cursor.unwrap_or(len);
                let to = moved(at, len + 1, self.answers.height(), action).unwrap_or(at);
                self.cursor = (to < len).then_some(to);
            }
            _ => {}
        }
        self.sync(session);
        Effect::None
    }
}

const NO_REGION: &str = "Choose where it hurts first (Esc to the body map), or s to skip.";
