//! Search over cause and finding names and their plain-language aliases that forgives:
//! words in any order, plurals, British or American spelling, a few synonyms ("disk",
//! "tummy"), typing mistakes when nothing matches as typed ("shingels"), and "did you
//! mean" when nothing matches at all. A typed word matches within one word of a text
//! (its start, the whole of it, or three letters or more inside it), never letters
//! scattered across words.

mod fold;
mod index;
mod score;
mod suggest;
mod typo;
pub mod via;

use serde::Serialize;

pub use fold::fold;
pub use via::{Matches, Via, matches};

use crate::graph::Graph;
use index::{Index, Item};
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
}

impl Searcher {
    /// A searcher for this graph, with its names and aliases indexed.
    pub fn new(graph: &Graph) -> Searcher {
        Searcher {
            index: Some(Index::build(graph)),
        }
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
        let (indices, _) = prepared.indices(&index, index.items[0].texts.first()?);
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
        self.with_index(graph, |index| {
            scored(index, graph, query, scope, cause_order)
                .into_iter()
                .map(|(hit, _)| hit)
                .collect()
        })
    }

    /// Names or aliases close to what was typed, closest first (at most three, one per
    /// cause or finding): for "did you mean" when a search finds nothing.
    pub fn suggest(&self, graph: &Graph, query: &str) -> Vec<String> {
        self.with_index(graph, |index| {
            suggest::closest(index, query, 3)
                .into_iter()
                .filter_map(|(item, t)| texts(graph, item, t).map(|(_, text)| text.to_string()))
                .collect()
        })
    }
}

/// The hits, each with whether it matched only loosely (a typed word inside another
/// word, "ache" in "headache").
fn scored(
    index: &Index,
    graph: &Graph,
    query: &str,
    scope: Scope,
    cause_order: &[usize],
) -> Vec<(Hit, bool)> {
    {
        let prepared = Prepared::new(index, query);
        let wanted = |kind: HitKind| match scope {
            Scope::Causes => kind == HitKind::Cause,
            Scope::Findings => kind == HitKind::Finding,
            Scope::Both => true,
        };
        let mut scratch = Scratch::default();
        let mut found: Vec<(i64, usize, &Item)> = prepared
            .candidates(index)
            .into_iter()
            .filter_map(|i| {
                let item = index.items.get(i as usize)?;
                if !wanted(item.kind) {
                    return None;
                }
                let (score, text) = prepared.score_item(index, i, &mut scratch)?;
                Some((score, text, item))
            })
            .collect();
        let position = positions(cause_order, graph.causes.len());
        let place = |item: &Item| match item.kind {
            HitKind::Cause => position.get(item.index).copied().unwrap_or(item.index),
            HitKind::Finding => item.index,
        };
        found.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.2.kind.cmp(&b.2.kind))
                .then(place(a.2).cmp(&place(b.2)))
        });
        found
            .into_iter()
            .filter_map(|(score, t, item)| {
                let (id, text) = texts(graph, item, t)?;
                let (indices, loose) = prepared.indices(index, item.texts.get(t)?);
                let hit = Hit {
                    kind: item.kind,
                    index: item.index,
                    id: id.to_string(),
                    score,
                    text: text.to_string(),
                    via_alias: t > 0,
                    indices,
                };
                Some((hit, loose))
            })
            .collect()
    }
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

/// An item's id and its name (text 0) or alias (text 1..).
fn texts<'g>(graph: &'g Graph, item: &Item, t: usize) -> Option<(&'g str, &'g str)> {
    let (id, name, aliases) = match item.kind {
        HitKind::Cause => {
            let c = graph.causes.get(item.index)?;
            (&c.id, &c.name, &c.aliases)
        }
        HitKind::Finding => {
            let f = graph.findings.get(item.index)?;
            (&f.id, &f.name, &f.aliases)
        }
    };
    let text = if t == 0 { name } else { aliases.get(t - 1)? };
    Some((id, text))
}

#[cfg(test)]
mod tests;
