//! Search over cause and finding names and their plain-language aliases that forgives:
//! words in any order, plurals, British or American spelling, a few synonyms ("disk",
//! "tummy"), typing mistakes when nothing matches as typed ("shingels"), and "did you
//! mean" when nothing matches at all. A typed word matches within one word of a text
//! (its start, the whole of it, or three letters or more inside it), never letters
//! scattered across words.

pub mod cache;
mod fold;
mod index;
mod score;
mod suggest;
mod typo;
pub mod via;

use std::cmp::Reverse;

use serde::Serialize;

pub use fold::fold;
pub use index::Index;
pub use via::{Matches, Via, matches};

use crate::graph::Graph;
use index::Links;
use score::{Prepared, Scratch};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Cause,
    Finding,
}

/// Which items a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Causes,
    Findings,
    Both,
}

/// One match: the item, and the text it matched with the matched characters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// Index into `graph.causes` or `graph.findings`.
    pub index: usize,
    pub id: String,
    pub score: i64,
    /// The name, or the alias that matched better than the name.
    pub text: String,
    pub via_alias: bool,
    /// Character indices into `text` of the matched characters, ascending.
    pub indices: Vec<usize>,
}

/// Built once for a graph (`Searcher::new`) and reused for every keystroke: every name
/// and alias is folded and split into words then, not on each search.
///
/// `Searcher::default()` holds no index and builds one for each search: it works on any
/// graph, more slowly. A searcher given another graph than its own (told apart by the
/// number of causes and findings) does the same.
#[derive(Debug, Default)]
pub struct Searcher {
    index: Option<Index>,
    links: Links,
}

impl Searcher {
    /// A searcher for this graph, with its names and aliases indexed.
    pub fn new(graph: &Graph) -> Searcher {
        Searcher {
            index: Some(Index::build(graph)),
            links: Links::build(graph),
        }
    }

    /// Whether its index was built for this graph.
    fn fits(&self, graph: &Graph) -> bool {
        self.index.as_ref().is_some_and(|index| index.fits(graph))
    }

    /// Run `f` on this searcher's index, or on one built for `graph` when it has none
    /// that fits.
    fn with_index<T>(&self, graph: &Graph, f: impl FnOnce(&Index) -> T) -> T {
        match &self.index {
            Some(index) if index.fits(graph) => f(index),
            _ => f(&Index::build(graph)),
        }
    }

    /// Match a query against one text: every word typed must match a word of it (small
    /// words and "pain" aside). Returns the score and the matched character indices.
    pub fn match_text(&self, text: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        let index = Index::single(text);
        let prepared = Prepared::new(&index, query);
        let (score, _) = prepared.score_item(&index, 0, &mut Scratch::default())?;
        let (indices, _) = prepared.indices(&index, 0);
        Some((score, indices))
    }

    /// Search a graph, best first. Ties keep `cause_order` (for example the current
    /// ranking; graph order when empty), causes before findings.
    pub fn search(
        &self,
        graph: &Graph,
        query: &str,
        scope: Scope,
        cause_order: &[usize],
    ) -> Vec<Hit> {
        self.with_index(graph, |index| index.search(query, scope, cause_order, 0))
    }

    /// Names or aliases close to what was typed, closest first (at most three, one per
    /// cause or finding): for "did you mean" when a search finds nothing.
    pub fn suggest(&self, graph: &Graph, query: &str) -> Vec<String> {
        self.with_index(graph, |index| index.suggest(query))
    }
}

impl Index {
    /// Search the index, best first, the first `limit` hits (all of them for 0). Ties
    /// keep `cause_order` (graph order when empty), causes before findings.
    pub fn search(
        &self,
        query: &str,
        scope: Scope,
        cause_order: &[usize],
        limit: usize,
    ) -> Vec<Hit> {
        let prepared = Prepared::new(self, query);
        scored(self, &prepared, scope, cause_order, limit)
            .into_iter()
            .map(|(hit, _)| hit)
            .collect()
    }

    /// Names or aliases close to what was typed, closest first (at most three, one per
    /// cause or finding): for "did you mean" when a search finds nothing.
    pub fn suggest(&self, query: &str) -> Vec<String> {
        suggest::closest(self, query, 3)
            .into_iter()
            .map(|(_, text)| self.text(text).to_string())
            .collect()
    }
}

/// How hits are listed: best first, causes before findings, then by place (the order
/// given, or the graph's). Each item has a key of its own.
type Order = (Reverse<i64>, bool, usize);

/// The first `limit` hits (all for 0), each with whether it matched only loosely (a
/// typed word inside another word, "ache" in "headache"). Only those are built.
fn scored(
    index: &Index,
    prepared: &Prepared,
    scope: Scope,
    cause_order: &[usize],
    limit: usize,
) -> Vec<(Hit, bool)> {
    let causes = index.causes;
    let wanted = |item: &u32| match scope {
        Scope::Causes => *item < causes,
        Scope::Findings => *item >= causes,
        Scope::Both => true,
    };
    // Graph order when no order is given: a cause's place is its index.
    let position = if cause_order.is_empty() {
        Vec::new()
    } else {
        positions(cause_order, causes as usize)
    };
    let place = |item: u32| match index.kind(item) {
        (HitKind::Cause, c) => position.get(c).copied().unwrap_or(c),
        (HitKind::Finding, f) => f,
    };
    let mut scratch = Scratch::default();
    let mut found: Vec<(Order, usize, u32)> = prepared
        .candidates(index)
        .into_iter()
        .filter(wanted)
        .filter_map(|item| {
            let (score, text) = prepared.score_item(index, item, &mut scratch)?;
            Some(((Reverse(score), item >= causes, place(item)), text, item))
        })
        .collect();
    if limit > 0 && limit < found.len() {
        found.select_nth_unstable(limit - 1);
        found.truncate(limit);
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|((Reverse(score), _, _), t, item)| {
            let (kind, i) = index.kind(item);
            let text = index.texts_of(item).start + t as u32;
            let (indices, loose) = prepared.indices(index, text);
            let hit = Hit {
                kind,
                index: i,
                id: index.id(item).to_string(),
                score,
                text: index.text(text).to_string(),
                via_alias: t > 0,
                indices,
            };
            (hit, loose)
        })
        .collect()
}

/// Each cause's place in `order` (causes not in it after, in graph order).
pub(super) fn positions(order: &[usize], causes: usize) -> Vec<usize> {
    let mut position: Vec<usize> = (0..causes).map(|c| order.len() + c).collect();
    for (p, &c) in order.iter().enumerate().rev() {
        if let Some(slot) = position.get_mut(c) {
            *slot = p;
        }
    }
    position
}

#[cfg(test)]
mod tests;
