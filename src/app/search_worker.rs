//! The search off the interface's thread. At 100,000 causes one search takes 50 to 100 ms,
//! longer than a frame: the interface hands each new query to this worker and goes on
//! drawing (the search line shows what was typed, the list the last result) until the
//! answer comes back. A burst of queries is answered once, for the latest; an answer to
//! a query that has since changed is dropped by the session.
//!
//! Lookups and tests search in the calling thread (`Session` without a worker): the same
//! function, [`run`], does the work either way.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::engine::Searcher;
use crate::engine::search::{self, Matches};
use crate::graph::Graph;

/// A query to search for, numbered so its answer can be matched to it.
pub struct Request {
    pub id: u64,
    pub query: String,
    /// The causes in ranking order (ties keep it).
    pub order: Vec<usize>,
}

/// What the worker found for one request.
pub struct Answer {
    pub id: u64,
    pub found: Matches,
    /// Names close to the query when it matched nothing ("did you mean").
    pub suggestions: Vec<String>,
}

/// The search for a query: its matches, and when there are none, what was meant.
pub fn run(
    graph: &Graph,
    searcher: &Searcher,
    query: &str,
    order: &[usize],
) -> (Matches, Vec<String>) {
    let found = search::matches(graph, searcher, query, order);
    let none = found.direct.is_empty() && found.via.is_empty();
    let suggestions = if none && !query.trim().is_empty() {
        searcher.suggest(graph, query)
    } else {
        Vec::new()
    };
    (found, suggestions)
}

/// A thread that searches, and the channels to it.
pub struct SearchWorker {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
}

impl SearchWorker {
    /// Start the worker. `notify` is called after each answer is ready (the interface's
    /// loop wakes on it and collects the answer).
    pub fn spawn(
        graph: Arc<Graph>,
        searcher: Arc<Searcher>,
        notify: impl Fn() + Send + 'static,
    ) -> SearchWorker {
        let (requests, asked) = mpsc::channel::<Request>();
        let (answered, answers) = mpsc::channel::<Answer>();
        thread::spawn(move || {
            while let Ok(mut request) = asked.recv() {
                // Only the latest of a burst is worth answering.
                while let Ok(newer) = asked.try_recv() {
                    request = newer;
                }
                let (found, suggestions) = run(&graph, &searcher, &request.query, &request.order);
                let answer = Answer {
                    id: request.id,
                    found,
                    suggestions,
                };
                if answered.send(answer).is_err() {
                    break;
                }
                notify();
            }
        });
        SearchWorker { requests, answers }
    }

    /// Ask for a search; the answer comes later (see [`SearchWorker::answered`]).
    pub fn ask(&self, request: Request) {
        // A worker that has stopped cannot answer; the session then searches itself.
        let _ = self.requests.send(request);
    }

    /// The answers ready now, oldest first.
    pub fn answered(&self) -> Vec<Answer> {
        self.answers.try_iter().collect()
    }
}
