//! The search line's matches: causes by name or alias, and then the causes linked to a
//! symptom whose name or plain-language alias matches ("pins and needles" finds the causes
//! that list tingling).

use super::index::{Index, Links};
use super::score::Prepared;
use super::{Hit, Scope, Searcher, positions, scored};
use crate::graph::Graph;

/// A cause found through a matching symptom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// Index into `graph.causes`.
    pub cause: usize,
    /// Index into `graph.findings`: the symptom that matched.
    pub finding: usize,
    /// Matched character indices in the finding's name (empty when only an alias matched).
    pub indices: Vec<usize>,
}

/// Every cause and finding match for a query.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    /// Causes whose name or alias matched, best first.
    pub direct: Vec<Hit>,
    /// Other causes, linked to a matching symptom: the best symptom first, and for each
    /// symptom its causes in `cause_order`.
    pub via: Vec<Via>,
}

/// Search causes, then symptoms, for a query. Ties follow `cause_order` (the ranking).
pub fn matches(graph: &Graph, searcher: &Searcher, query: &str, cause_order: &[usize]) -> Matches {
    searcher.with_index(graph, |index| {
        let prepared = Prepared::new(index, query);
        let direct: Vec<Hit> = scored(index, &prepared, Scope::Causes, cause_order, 0)
            .into_iter()
            .map(|(hit, _)| hit)
            .collect();
        let built;
        let links = if searcher.fits(graph) {
            &searcher.links
        } else {
            built = Links::build(graph);
            &built
        };
        let via = via(index, links, &prepared, graph, query, cause_order, &direct);
        Matches { direct, via }
    })
}

/// The causes linked to each matching symptom, best symptom first, leaving out those
/// already found directly or under a better symptom.
fn via(
    index: &Index,
    links: &Links,
    prepared: &Prepared,
    graph: &Graph,
    query: &str,
    cause_order: &[usize],
    direct: &[Hit],
) -> Vec<Via> {
    let mut taken = vec![false; graph.causes.len()];
    for hit in direct {
        if let Some(t) = taken.get_mut(hit.index) {
            *t = true;
        }
    }
    let position = positions(cause_order, graph.causes.len());
    let mut via: Vec<Via> = Vec::new();
    for (hit, loose) in scored(index, prepared, Scope::Findings, &[], 0) {
        // A typed word found only inside a longer word ("ache" in "headache") is too
        // loose to bring in every cause of that symptom.
        if loose {
            continue;
        }
        let mut causes: Vec<usize> = links
            .of(hit.index)
            .iter()
            .map(|&c| c as usize)
            .filter(|&c| taken.get(c).is_some_and(|t| !t))
            .collect();
        if causes.is_empty() {
            continue;
        }
        causes.sort_by_key(|&c| position.get(c).copied().unwrap_or(c));
        let indices = if hit.via_alias {
            graph
                .findings
                .get(hit.index)
                .and_then(|f| Searcher::default().match_text(&f.name, query))
                .map(|(_, idx)| idx)
                .unwrap_or_default()
        } else {
            hit.indices.clone()
        };
        for cause in causes {
            if let Some(t) = taken.get_mut(cause) {
                *t = true;
            }
            via.push(Via {
                cause,
                finding: hit.index,
                indices: indices.clone(),
            });
        }
    }
    via
}
