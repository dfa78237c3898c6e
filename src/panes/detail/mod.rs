//! The detail of one cause, with the causes it was reached from for Back.

pub mod document;
pub mod keys;
pub mod view;

use std::cell::{Cell, RefCell};

use super::{Effect, Viewport, scroll_document};
use crate::app::{Action, Session};
use document::DocLine;

#[derive(Debug, Clone)]
pub struct DetailPane {
    /// Index into `graph.causes`.
    pub cause: usize,
    pub scroll: usize,
    /// Earlier causes and their scroll offsets, most recent last.
    pub back: Vec<(usize, usize)>,
    /// The document as last drawn: its rows and how far it could scroll.
    pub view: Viewport,
    pub max_scroll: Cell<usize>,
    /// The web addresses on screen at the last draw: column, row, the text shown, and the
    /// whole address (the terminal loop makes them hyperlinks where it can).
    pub links: RefCell<Vec<Link>>,
    /// The document wrapped for the last width, kept until the cause, the width or the
    /// session changes, so scrolling does not rebuild it.
    pub wrapped: RefCell<Option<Wrapped>>,
}

/// A web address drawn on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub x: u16,
    pub y: u16,
    pub shown: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Wrapped {
    pub cause: usize,
    pub width: u16,
    pub generation: u64,
    pub lines: std::rc::Rc<Vec<DocLine>>,
}

impl DetailPane {
    pub fn new(cause: usize) -> DetailPane {
        DetailPane {
            cause,
            scroll: 0,
            back: Vec::new(),
            view: Viewport::default(),
            max_scroll: Cell::new(usize::MAX),
            links: RefCell::default(),
            wrapped: RefCell::new(None),
        }
    }

    /// Open another cause, keeping this one for Back.
    pub fn follow(&mut self, cause: usize) {
        self.back.push((self.cause, self.scroll));
        self.cause = cause;
        self.scroll = 0;
        self.max_scroll.set(usize::MAX);
    }

    /// The document wrapped to a width, built once per cause, width and session state.
    pub fn lines(&self, session: &Session, width: u16, ascii: bool) -> std::rc::Rc<Vec<DocLine>> {
        let mut cache = self.wrapped.borrow_mut();
        if let Some(w) = cache.as_ref()
            && w.cause == self.cause
            && w.width == width
            && w.generation == session.generation()
        {
            return w.lines.clone();
        }
        let lines = std::rc::Rc::new(document::wrap(
            &document::document(session, self.cause, ascii),
            width,
        ));
        *cache = Some(Wrapped {
            cause: self.cause,
            width,
            generation: session.generation(),
            lines: lines.clone(),
        });
        lines
    }

    pub fn update(&mut self, action: Action, session: &Session) -> Effect {
        match action {
            Action::FollowRelated(n) => match document::related(session, self.cause).get(n) {
                Some(&(cause, _)) => Effect::Open { cause, trail: true },
                None => Effect::Say(format!("There is no related cause {}.", n + 1)),
            },
            Action::DetailBack | Action::Back => match self.back.pop() {
                Some((cause, scroll)) => {
                    self.cause = cause;
                    self.scroll = scroll;
                    self.max_scroll.set(usize::MAX);
                    Effect::None
                }
                None => Effect::CloseDetail,
            },
            other => {
                scroll_document(&mut self.scroll, &self.view, &self.max_scroll, other);
                Effect::None
            }
        }
    }
}
