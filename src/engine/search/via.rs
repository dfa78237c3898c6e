//! The search line's matches: causes by name or alias, and then the causes linked to a
//! symptom whose name or plain-language alias matches ("pins and needles" finds the causes
//! that list tingling).

use super::{Hit, Scope, Searcher, positions};
use crate::graph::{Graph, Weight};

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
    let direct = searcher.search(graph, query, Scope::Causes, cause_order);
    let mut taken = vec![false; graph.causes.len()];
    for hit in &direct {
        if let Some(t) = taken.get_mut(hit.index) {
            *t = true;
        }
    }
    let position = positions(cause_order, graph.causes.len());
    let mut via: Vec<Via> = Vec::new();
    for (hit, loose) in searcher.scored(graph, query, Scope::Findings, &[]) {
        // A typed word found only inside a longer word ("ache" in "headache") is too
        // loose to bring in every cause of that symptom.
        let Some(finding) = graph.findings.get(hit.index).filter(|_| !loose) else {
            continue;
        };
        let mut linked: Vec<usize> = graph
            .causes
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                !taken.get(*i).copied().unwrap_or(true)
                    && c.findings
                        .iter()
                        .any(|link| link.0 == finding.id && points_towards(link.1))
            })
            .map(|(i, _)| i)
            .collect();
        linked.sort_by_key(|&i| position.get(i).copied().unwrap_or(i));
        let indices = if hit.via_alias {
            searcher
                .match_text(&finding.name, query)
                .map(|(_, idx)| idx)
                .unwrap_or_default()
        } else {
            hit.indices.clone()
        };
        for cause in linked {
            taken[cause] = true;
            via.push(Via {
                cause,
                finding: hit.index,
                indices: indices.clone(),
            });
        }
    }
    Matches { direct, via }
}

/// Whether a link says the finding makes the cause more likely.
pub(super) fn points_towards(weight: Weight) -> bool {
    match weight {
        Weight::Typical | Weight::Sometimes | Weight::Strong => true,
        Weight::Against => false,
        Weight::Lr(lr) => lr > 1.0,
    }
}
