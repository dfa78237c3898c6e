//! The summary pane: everything the person told the program and what it made of it, on
//! one scrolling screen, and the same as a QR code a phone camera can take away. The
//! summary itself is built by `crate::summary`; this pane keeps only where it is
//! scrolled, whether the QR code is shown, and the summary last built (rebuilt only when
//! the session, the date or the width changes).

pub mod keys;
pub mod qr;
pub mod view;

use std::cell::{Cell, RefCell};
use std::path::Path;
use std::rc::Rc;

use super::{Effect, Viewport, scroll_document};
use crate::app::{Action, Pane, Session};
use crate::summary::text::{Line, lines};
use crate::summary::{Stamp, Summary, save};

#[derive(Debug, Clone)]
pub struct SummaryPane {
    pub scroll: usize,
    /// Show the QR code instead of the text.
    pub qr: bool,
    /// The pane it was opened from, for Esc.
    pub from: Pane,
    /// The text as last drawn: its rows and how far it could scroll.
    pub view: Viewport,
    pub max_scroll: Cell<usize>,
    /// The date on the summary: set when the pane is opened (fixed in tests).
    pub date: Stamp,
    /// When set, every opening uses this date instead of the clock (tests).
    pub fixed_date: Option<Stamp>,
    /// The summary and its lines at the last draw.
    built: RefCell<Option<Built>>,
    /// The QR code at the last draw.
    pub(crate) code: RefCell<Option<qr::Fitted>>,
}

#[derive(Debug, Clone)]
struct Built {
    generation: u64,
    date: Stamp,
    width: u16,
    summary: Rc<Summary>,
    lines: Rc<Vec<Line>>,
}

impl Default for SummaryPane {
    fn default() -> Self {
        SummaryPane {
            scroll: 0,
            qr: false,
            from: Pane::Body,
            view: Viewport::default(),
            max_scroll: Cell::new(usize::MAX),
            date: Stamp::from_unix(0),
            fixed_date: None,
            built: RefCell::new(None),
            code: RefCell::new(None),
        }
    }
}

impl SummaryPane {
    /// Opened afresh from a pane: dated now, at the top, as text.
    pub fn open(&mut self, from: Pane) {
        self.from = from;
        self.qr = false;
        self.date = self.fixed_date.unwrap_or_else(Stamp::now);
        self.scroll = 0;
        self.max_scroll.set(usize::MAX);
    }

    /// The summary of the session now, and its lines at a width; built once per session
    /// state, date and width.
    pub fn built(&self, session: &Session, width: u16) -> (Rc<Summary>, Rc<Vec<Line>>) {
        let mut cache = self.built.borrow_mut();
        if let Some(b) = cache.as_ref()
            && b.generation == session.generation()
            && b.date == self.date
            && b.width == width
        {
            return (b.summary.clone(), b.lines.clone());
        }
        let summary = match cache.as_ref() {
            Some(b) if b.generation == session.generation() && b.date == self.date => {
                b.summary.clone()
            }
            _ => Rc::new(Summary::of(session, self.date)),
        };
        let laid = Rc::new(lines(&summary, usize::from(width)));
        *cache = Some(Built {
            generation: session.generation(),
            date: self.date,
            width,
            summary: summary.clone(),
            lines: laid.clone(),
        });
        (summary, laid)
    }

    /// The QR code drawn last, if one fitted.
    pub fn drawn_code(&self) -> Option<qr::Code> {
        self.code.borrow().as_ref().and_then(|f| f.code.clone())
    }

    /// Save the summary as Markdown in a new file in `dir`; what to tell the person.
    pub fn save(&self, session: &Session, dir: &Path) -> String {
        let now = self.fixed_date.unwrap_or_else(Stamp::now);
        let summary = Summary::of(session, now);
        match save::save_new(dir, &summary, now) {
            Ok(path) => format!("Saved the summary to {}", path.display()),
            Err(why) => format!("Not saved: {why}"),
        }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::ToggleQr => {
                self.qr = !self.qr;
                Effect::None
            }
            // Esc: from the QR code back to the text, from the text back where it came from.
            Action::Back if self.qr => {
                self.qr = false;
                Effect::None
            }
            Action::Back => Effect::Focus(self.from),
            other => {
                scroll_document(&mut self.scroll, &self.view, &self.max_scroll, other);
                Effect::None
            }
        }
    }
}
