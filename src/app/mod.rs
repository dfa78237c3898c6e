//! The interface's state, the actions that change it and the keymap. No drawing here:
//! `ui` reads an [`App`] and draws it; `tui` turns terminal events into [`Action`]s.
//!
//! Data flows one way: key -> [`keymap::action_for`] -> [`Action`] -> [`update`] -> state.

pub mod action;
pub mod body;
pub mod detail;
pub mod keymap;
pub mod layout;
pub mod search;
mod update;

#[cfg(test)]
mod tests;

pub use action::{Action, Dir};
pub use update::update;

use crate::engine::sharpen::Sharpener;
use crate::engine::{Hit, Interview, Query, RankedCause, Ranking, Searcher, Walk, rank};
use crate::graph::triage::{DEFAULT_EMERGENCY_NUMBER, fill_placeholders};
use crate::graph::{Graph, View};

/// How the interface looks; chosen at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// ASCII borders, figure and text only (`--ascii`, TERM=linux, non-UTF-8 locales).
    pub ascii: bool,
    /// Named colours; false when NO_COLOR is set.
    pub color: bool,
    /// Fills `{emergency_number}` in content text.
    pub emergency_number: String,
    /// Ask every question on the path (`--all-questions`), not only those whose answer can
    /// still change the advice or the top causes.
    pub all_questions: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ascii: false,
            color: true,
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_string(),
            all_questions: false,
        }
    }
}

/// The panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Body,
    Questions,
    Causes,
    Detail,
}

impl Pane {
    pub fn title(self) -> &'static str {
        match self {
            Pane::Body => "Where it hurts",
            Pane::Questions => "Questions",
            Pane::Causes => "Possible causes",
            Pane::Detail => "Detail",
        }
    }
    /// The short name used on tabs.
    pub fn tab(self) -> &'static str {
        match self {
            Pane::Body => "Body",
            Pane::Questions => "Questions",
            Pane::Causes => "Causes",
            Pane::Detail => "Detail",
        }
    }
}

/// The body map: which figure is shown, the region under the cursor, the regions marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyState {
    pub view: View,
    /// Index into `graph.regions`.
    pub cursor: usize,
    /// Indexes into `graph.regions`, in the order they were marked.
    pub marked: Vec<usize>,
}

/// The questions pane: `None` is the current question, `Some(i)` the i-th answer so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionsState {
    pub cursor: Option<usize>,
    /// The checklist being ticked, when the question in focus is one (see `App::ticks`).
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

/// The cause list and its search line.
#[derive(Debug, Clone, Default)]
pub struct CausesState {
    /// Row selected in the visible list.
    pub selected: usize,
    pub query: String,
    /// The search line has the keyboard.
    pub editing: bool,
    /// Causes matching `query`: by name or alias, then through a matching symptom.
    pub found: search::Matches,
}

/// The detail view of one cause, with the causes it came from for Back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailState {
    /// Index into `graph.causes`.
    pub cause: usize,
    pub scroll: u16,
    /// Earlier causes and their scroll offsets, most recent last.
    pub back: Vec<(usize, u16)>,
}

/// One row of the cause list: a cause, its ranking (if it applies to the chosen regions)
/// and, when a search is on, its match: by name or alias, or through a symptom.
pub struct CauseRow<'a> {
    pub index: usize,
    pub ranked: Option<&'a RankedCause>,
    pub hit: Option<&'a Hit>,
    pub via: Option<&'a search::Via>,
}

pub struct App {
    pub graph: Graph,
    pub options: Options,
    pub searcher: Searcher,
    /// Passes over questions that can no longer change the advice or the top causes.
    pub sharpener: Sharpener,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
    pub pane: Pane,
    /// The help overlay is open, scrolled this far.
    pub help: Option<u16>,
    pub quit: bool,
    /// A one-off hint shown in the status bar until the next key.
    pub message: Option<String>,
    pub body: BodyState,
    pub interview: Interview,
    pub walk: Walk,
    pub ranking: Ranking,
    pub questions: QuestionsState,
    pub causes: CausesState,
    pub detail: Option<DetailState>,
}

impl App {
    pub fn new(graph: Graph, options: Options) -> App {
        let cursor = graph
            .regions
            .iter()
            .position(|r| r.id == "lower-back")
            .or_else(|| graph.regions.iter().position(|r| !r.figure.is_empty()))
            .unwrap_or(0);
        let view = graph
            .regions
            .get(cursor)
            .and_then(|r| r.figure.first())
            .map_or(View::Back, |s| s.view);
        let ranking = rank(&graph, &Query::default());
        let sharpener = Sharpener::new(&graph);
        let mut app = App {
            graph,
            options,
            searcher: Searcher::default(),
            sharpener,
            size: (80, 24),
            pane: Pane::Body,
            help: None,
            quit: false,
            message: None,
            body: BodyState {
                view,
                cursor,
                marked: Vec::new(),
            },
            interview: Interview::default(),
            walk: Walk::default(),
            ranking,
            questions: QuestionsState::default(),
            causes: CausesState::default(),
            detail: None,
        };
        app.refresh();
        app
    }

    /// Re-walk the questions, re-rank the causes and re-run the search.
    pub fn refresh(&mut self) {
        let (graph, sharpener) = (&self.graph, &self.sharpener);
        let regions = &self.interview.regions;
        let sharpen = !self.options.all_questions;
        self.walk = self.interview.walk_with(graph, |q, known, _| {
            sharpen && sharpener.passes(graph, q, known, regions)
        });
        let query = Query {
            regions: self.interview.regions.clone(),
            present: self.walk.known.present.clone(),
            absent: self.walk.known.absent.clone(),
            age: self.walk.known.age,
            sex: self.walk.known.sex,
        };
        self.ranking = rank(&self.graph, &query);
        self.research();
        if let Some(c) = self.questions.cursor
            && c >= self.walk.answered.len()
        {
            self.questions.cursor = None;
        }
    }

    /// Run the search again (after the query or the ranking changed).
    pub fn research(&mut self) {
        let order: Vec<usize> = self.ranking.causes.iter().map(|c| c.index).collect();
        self.causes.found =
            search::matches(&self.graph, &self.searcher, &self.causes.query, &order);
        let len = self.cause_rows().len();
        self.causes.selected = self.causes.selected.min(len.saturating_sub(1));
    }

    /// Content text with its placeholders filled.
    pub fn text(&self, text: &str) -> String {
        fill_placeholders(text, &self.options.emergency_number)
    }

    pub fn searching(&self) -> bool {
        !self.causes.query.is_empty() || self.causes.editing
    }

    /// The rows of the cause list: the ranking, or when searching the causes that match
    /// by name or alias followed by those linked to a matching symptom.
    pub fn cause_rows(&self) -> Vec<CauseRow<'_>> {
        let ranked = |index: usize| self.ranking.causes.iter().find(|c| c.index == index);
        if self.causes.query.trim().is_empty() {
            // The causes to check first lead, kept apart from the likelihood ranking.
            let first = self
                .ranking
                .check_first
                .iter()
                .filter_map(|c| ranked(c.index));
            let rest = self.ranking.causes.iter().filter(|c| !c.check_first);
            first
                .chain(rest)
                .map(|c| CauseRow {
                    index: c.index,
                    ranked: Some(c),
                    hit: None,
                    via: None,
                })
                .collect()
        } else {
            let found = &self.causes.found;
            let direct = found.direct.iter().map(|h| CauseRow {
                index: h.index,
                ranked: ranked(h.index),
                hit: Some(h),
                via: None,
            });
            let via = found.via.iter().map(|v| CauseRow {
                index: v.cause,
                ranked: ranked(v.cause),
                hit: None,
                via: Some(v),
            });
            direct.chain(via).collect()
        }
    }

    /// The cause under the selection in the list.
    pub fn selected_cause(&self) -> Option<usize> {
        self.cause_rows()
            .get(self.causes.selected)
            .map(|row| row.index)
    }

    /// The question the answer keys act on: the current one, or the answer selected.
    /// The ticks of the checklist in focus: those being made, else its answer so far (none
    /// ticked when it has none); `None` when the question in focus is not a checklist.
    pub fn ticks(&self) -> Option<Ticks> {
        let id = self.focus_question()?;
        let crate::graph::Answers::Checklist(items) = &self.graph.question(id)?.answers else {
            return None;
        };
        match &self.questions.ticks {
            Some(t) if t.question == id => Some(t.clone()),
            _ => Some(Ticks {
                question: id.to_string(),
                ticked: match self.interview.answer_to(id) {
                    Some(crate::engine::Answer::Checked(bits)) => bits,
                    _ => 0,
                },
                item: 0,
                items: items.len(),
            }),
        }
    }

    pub fn focus_question(&self) -> Option<&str> {
        match self.questions.cursor {
            Some(i) => self.walk.answered.get(i).map(|(q, _)| q.as_str()),
            None => self.walk.current.as_deref(),
        }
    }

    /// Names of the chosen regions, for titles.
    pub fn chosen_names(&self) -> Vec<&str> {
        self.interview
            .regions
            .iter()
            .filter_map(|id| self.graph.region(id))
            .map(|r| r.name.as_str())
            .collect()
    }

    /// Whether the body map's figure is on screen (it is not on small terminals).
    pub fn figure_shown(&self) -> bool {
        layout::Layout::of(self)
            .and_then(|l| l.rect(Pane::Body))
            .and_then(|r| layout::figure_room(layout::inner(r)))
            .is_some()
    }

    /// The panes in Tab order: the detail pane only while a cause is open.
    pub fn panes(&self) -> Vec<Pane> {
        let mut panes = vec![Pane::Body, Pane::Questions, Pane::Causes];
        if self.detail.is_some() {
            panes.push(Pane::Detail);
        }
        panes
    }

    /// The red-flag banner text: the most urgent flag first, then how many more.
    pub fn banner(&self) -> Option<String> {
        let first = self.ranking.red_flags.first()?;
        let mut text = format!(
            "RED FLAG - {}: {}",
            first.triage.id().to_uppercase(),
            self.text(&first.advice)
        );
        let more: Vec<&str> = self.ranking.red_flags[1..]
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        if !more.is_empty() {
            text.push_str(&format!(" Also a red flag: {}.", more.join("; ")));
        }
        Some(text)
    }

    /// The banner wrapped to a width, at most `max` lines (the last one cut with "...").
    pub fn banner_lines(&self, width: u16, max: usize) -> Vec<String> {
        let Some(text) = self.banner() else {
            return Vec::new();
        };
        let width = usize::from(width.max(8)) - 2;
        let mut lines: Vec<String> = textwrap::wrap(&text, width)
            .into_iter()
            .map(|l| l.into_owned())
            .collect();
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                let keep = width.saturating_sub(3);
                let cut: String = last.chars().take(keep).collect();
                *last = format!("{cut}...");
            }
        }
        lines
    }
}
