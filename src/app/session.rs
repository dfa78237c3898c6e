//! One person's session: the regions chosen, the answers given, and what follows from
//! them (the walk through the questions, the ranking, the search). Every change goes
//! through a method that brings the derived state back in step, so nothing outside can
//! see answers with a stale ranking or a ranking with stale search rows.

use std::sync::Arc;

use super::search_worker::{self, Request, SearchWorker};
use crate::engine::search::{self, Via};
use crate::engine::sharpen::Sharpener;
use crate::engine::{Answer, Hit, Interview, Query, RankedCause, Ranking, Searcher, Walk, rank};
use crate::graph::{Answers, Graph, Question};

/// One row of the cause list: a cause, its ranking (if it applies to the chosen regions)
/// and, when a search is on, its match: by name or alias, or through a symptom.
pub struct CauseRow<'a> {
    pub index: usize,
    pub ranked: Option<&'a RankedCause>,
    pub hit: Option<&'a Hit>,
    pub via: Option<&'a Via>,
}

/// Where a row of the cause list comes from (kept compact; [`CauseRow`] is built on use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowSource {
    /// `ranking.causes[i]`.
    Ranked(usize),
    /// `found.direct[i]`.
    Direct(usize),
    /// `found.via[i]`.
    Via(usize),
}

/// Why an answer was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotTaken {
    /// No region is chosen yet, so there is nothing to ask.
    NoRegion,
    /// The interview is over.
    NoQuestion,
    /// The answer is not one this question offers; the words say which are.
    Unfit(String),
}

pub struct Session {
    graph: Arc<Graph>,
    searcher: Arc<Searcher>,
    /// Searches off this thread, once the interface asks for it.
    worker: Option<SearchWorker>,
    /// The request the worker is answering now, if any (the list shows the last result).
    searching: Option<u64>,
    requests: u64,
    sharpener: Sharpener,
    /// Pass over questions that can no longer change the advice or the top causes.
    sharpen: bool,
    interview: Interview,
    walk: Walk,
    ranking: Ranking,
    query: String,
    found: search::Matches,
    /// Names close to a query that matched nothing.
    suggestions: Vec<String>,
    rows: Vec<RowSource>,
    /// For each cause, its position in `ranking.causes`.
    rank_pos: Vec<Option<usize>>,
    /// Counts changes, so views can cache what they build from the session.
    generation: u64,
}

impl Session {
    /// A session with nothing chosen; `sharpen` skips questions that cannot matter.
    pub fn new(graph: Graph, sharpen: bool) -> Session {
        let sharpener = Sharpener::new(&graph);
        let ranking = rank(&graph, &Query::default());
        let searcher = Searcher::new(&graph);
        let mut session = Session {
            graph: Arc::new(graph),
            searcher: Arc::new(searcher),
            worker: None,
            searching: None,
            requests: 0,
            sharpener,
            sharpen,
            interview: Interview::default(),
            walk: Walk::default(),
            ranking,
            query: String::new(),
            found: search::Matches::default(),
            suggestions: Vec::new(),
            rows: Vec::new(),
            rank_pos: Vec::new(),
            generation: 0,
        };
        session.refresh();
        session
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }
    pub fn interview(&self) -> &Interview {
        &self.interview
    }
    pub fn walk(&self) -> &Walk {
        &self.walk
    }
    pub fn ranking(&self) -> &Ranking {
        &self.ranking
    }
    pub fn query(&self) -> &str {
        &self.query
    }
    /// Whether questions that cannot change the advice or the top causes are passed over
    /// (false with `--all-questions`).
    pub fn sharpens(&self) -> bool {
        self.sharpen
    }
    /// Changes whenever anything in the session does.
    pub fn generation(&self) -> u64 {
        self.generation
    }
    /// Names close to the query when it matched nothing ("did you mean").
    pub fn suggestions(&self) -> &[String] {
        &self.suggestions
    }
    pub fn found(&self) -> &search::Matches {
        &self.found
    }

    /// Whether anything has been chosen or answered (then quitting loses something).
    pub fn is_started(&self) -> bool {
        !self.interview.regions.is_empty() || !self.interview.is_empty()
    }

    /// Choose where it hurts; the questions start again from these regions' entries
    /// (answers already given still count where the same questions come up).
    pub fn choose_regions(&mut self, ids: Vec<String>) {
        self.interview.regions = ids;
        self.refresh();
    }

    /// Answer a question on the path (the current one, or one answered before).
    pub fn answer(&mut self, question: &str, answer: Answer) -> Result<(), NotTaken> {
        if self.interview.regions.is_empty() {
            return Err(NotTaken::NoRegion);
        }
        let q = self.graph.question(question).ok_or(NotTaken::NoQuestion)?;
        if !answer.fits(q) {
            return Err(NotTaken::Unfit(answer_keys(q)));
        }
        self.interview.answer(question, answer);
        self.refresh();
        Ok(())
    }

    /// Whether the screen for danger is behind: the question now is not one that is always
    /// asked, so the answers so far are enough to list the causes, and what is left only
    /// sharpens the list.
    pub fn enough_to_list(&self) -> bool {
        self.walk
            .current
            .as_deref()
            .is_some_and(|q| !self.sharpener.is_protected(q))
    }

    /// Whether the overall triage may be shown: once the questions that screen for danger
    /// are answered (or the interview is over), or at once when it is above routine. Before
    /// that a calm level would only mean "not asked yet".
    pub fn assessed(&self) -> bool {
        let urgent_already = self.ranking.triage > crate::graph::Triage::Routine;
        let screened = !self.interview.regions.is_empty()
            && !self.interview.is_empty()
            && (self.walk.current.is_none() || self.enough_to_list());
        urgent_already || screened
    }

    /// Forget everything chosen, answered and searched: the session as it was new (the
    /// graph and what was built from it stay).
    pub fn start_over(&mut self) {
        self.interview = Interview::default();
        self.query.clear();
        self.refresh();
    }

    /// Take back the last answer on the path; its question id, if there was one.
    pub fn undo(&mut self) -> Option<String> {
        // The path as walked here: with questions passed over, the plain walk could stop at
        // one of them, before the answers to take back.
        let undone = self.interview.undo_on(&self.walk)?;
        self.refresh();
        Some(undone)
    }

    /// Search the causes for this text (empty: the ranked list).
    pub fn set_query(&mut self, query: &str) {
        if self.query != query {
            self.query = query.to_string();
            self.research();
        }
    }

    /// Re-walk the questions, re-rank the causes and re-run the search.
    fn refresh(&mut self) {
        let (graph, sharpener) = (&self.graph, &self.sharpener);
        let regions = &self.interview.regions;
        let sharpen = self.sharpen;
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
        self.rank_pos = vec![None; self.graph.causes.len()];
        for (pos, c) in self.ranking.causes.iter().enumerate() {
            if let Some(slot) = self.rank_pos.get_mut(c.index) {
                *slot = Some(pos);
            }
        }
        self.research();
    }

    /// Search from now on in a thread of its own; `notify` is called whenever an answer
    /// is ready to [`Session::collect`]. Until it comes, the rows stay those of the last
    /// search (or the ranked list), and the query is the new one.
    pub fn search_in_background(&mut self, notify: impl Fn() + Send + 'static) {
        let worker =
            SearchWorker::spawn(Arc::clone(&self.graph), Arc::clone(&self.searcher), notify);
        self.worker = Some(worker);
    }

    /// Whether a search is under way in the background (the rows are the last result's).
    pub fn is_searching(&self) -> bool {
        self.searching.is_some()
    }

    /// Take the background search's answer to the latest query, if it has come; whether
    /// the rows changed. Answers to queries since replaced are dropped.
    pub fn collect(&mut self) -> bool {
        let Some(worker) = &self.worker else {
            return false;
        };
        let latest = worker
            .answered()
            .into_iter()
            .rev()
            .find(|a| Some(a.id) == self.searching);
        match latest {
            Some(answer) => {
                self.searching = None;
                self.show(answer.found, answer.suggestions);
                true
            }
            None => false,
        }
    }

    /// Run the search again (after the query or the ranking changed) and rebuild the rows:
    /// here, or in the background for a query once there is a worker.
    fn research(&mut self) {
        let order: Vec<usize> = self.ranking.causes.iter().map(|c| c.index).collect();
        if let Some(worker) = &self.worker
            && !self.query.trim().is_empty()
        {
            // The query changed, the rows not yet: views showing the query follow.
            self.generation += 1;
            self.requests += 1;
            self.searching = Some(self.requests);
            worker.ask(Request {
                id: self.requests,
                query: self.query.clone(),
                order,
            });
            return;
        }
        self.searching = None;
        let (found, suggestions) =
            search_worker::run(&self.graph, &self.searcher, &self.query, &order);
        self.show(found, suggestions);
    }

    /// Make these search results the session's, and the rows from them.
    fn show(&mut self, found: search::Matches, suggestions: Vec<String>) {
        self.generation += 1;
        self.found = found;
        self.suggestions = suggestions;
        self.rows = if self.query.trim().is_empty() {
            // The causes to check first lead, kept apart from the likelihood ranking.
            let first = self
                .ranking
                .check_first
                .iter()
                .filter_map(|c| self.rank_pos.get(c.index).copied().flatten());
            let rest =
                (0..self.ranking.causes.len()).filter(|&i| !self.ranking.causes[i].check_first);
            first.chain(rest).map(RowSource::Ranked).collect()
        } else {
            let direct = (0..self.found.direct.len()).map(RowSource::Direct);
            let via = (0..self.found.via.len()).map(RowSource::Via);
            direct.chain(via).collect()
        };
    }

    /// How many rows the cause list has.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// One row of the cause list.
    pub fn row(&self, n: usize) -> Option<CauseRow<'_>> {
        let ranked = |cause: usize| {
            self.rank_pos
                .get(cause)
                .copied()
                .flatten()
                .map(|p| &self.ranking.causes[p])
        };
        Some(match *self.rows.get(n)? {
            RowSource::Ranked(p) => {
                let c = &self.ranking.causes[p];
                CauseRow {
                    index: c.index,
                    ranked: Some(c),
                    hit: None,
                    via: None,
                }
            }
            RowSource::Direct(i) => {
                let h = &self.found.direct[i];
                CauseRow {
                    index: h.index,
                    ranked: ranked(h.index),
                    hit: Some(h),
                    via: None,
                }
            }
            RowSource::Via(i) => {
                let v = &self.found.via[i];
                CauseRow {
                    index: v.cause,
                    ranked: ranked(v.cause),
                    hit: None,
                    via: Some(v),
                }
            }
        })
    }

    /// The rows from `start`, at most `n` of them (what a screen shows).
    pub fn rows(&self, start: usize, n: usize) -> impl Iterator<Item = CauseRow<'_>> {
        (start..self.rows.len().min(start.saturating_add(n))).filter_map(|i| self.row(i))
    }

    /// The ranking of one cause, if it applies to the chosen regions.
    pub fn ranked(&self, cause: usize) -> Option<&RankedCause> {
        let pos = self.rank_pos.get(cause).copied().flatten()?;
        self.ranking.causes.get(pos)
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

    /// The red-flag banner text: the most urgent flag first, then how many more.
    pub fn banner(&self) -> Option<String> {
        let first = self.ranking.red_flags.first()?;
        let mut text = format!(
            "RED FLAG - {}: {}",
            first.triage.id().to_uppercase(),
            first.advice
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
}

/// The keys that answer a question, in words.
fn answer_keys(q: &Question) -> String {
    match &q.answers {
        Answers::YesNo { .. } => "Answer with y, n or u (not sure).".into(),
        Answers::Checklist(_) => {
            "Tick with Space or a number, then Enter; n for none of these.".into()
        }
        Answers::Choice(options) => {
            format!("Answer with 1 to {} or u (not sure).", options.len().min(9))
        }
    }
}
