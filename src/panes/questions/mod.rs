//! The questions: the one to answer now, or an earlier answer picked to change; the
//! answers so far below it.

pub mod keys;
pub mod view;

use super::{Effect, Viewport, moved};
use crate::app::session::NotTaken;
use crate::app::{Action, Dir, Pane, Session};

#[derive(Debug, Clone, Default)]
pub struct QuestionsPane {
    /// `None` is the current question, `Some(i)` the i-th answer so far.
    pub cursor: Option<usize>,
    /// The answers list as last drawn.
    pub answers: Viewport,
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
            Action::Undo => {
                if session.undo().is_some() {
                    self.cursor = None;
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
