//! The search line's matches: causes by name or alias, and then the causes linked to a
//! symptom whose name or plain-language alias matches ("pins and needles" finds the causes
//! that list tingling). The fuzzy matching is the engine's; this only combines the two.

use crate::engine::search::fold;
use crate::engine::{Hit, Scope, Searcher};
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
    let mut via: Vec<Via> = Vec::new();
    let position = |cause: usize| {
        cause_order
            .iter()
            .position(|&c| c == cause)
            .unwrap_or(cause_order.len() + cause)
    };
    for hit in searcher.search(graph, query, Scope::Findings, &[]) {
        let Some(finding) = graph.findings.get(hit.index) else {
            continue;
        };
        // Fuzzy matches on long symptom names are loose ("fever" in "stiff every
        // morning"): a symptom counts only when each word typed appears in it whole.
        let texts = std::iter::once(&finding.name).chain(&finding.aliases);
        if !texts.into_iter().any(|t| contains_every_term(t, query)) {
            continue;
        }
        let mut linked: Vec<usize> = graph
            .causes
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.findings
                    .iter()
                    .any(|link| link.0 == finding.id && points_towards(link.1))
            })
            .map(|(i, _)| i)
            .filter(|i| !direct.iter().any(|h| h.index == *i))
            .filter(|i| !via.iter().any(|v| v.cause == *i))
            .collect();
        linked.sort_by_key(|&i| position(i));
        let indices = searcher
            .match_text(&finding.name, query)
            .map(|(_, idx)| idx)
            .unwrap_or_default();
        via.extend(linked.into_iter().map(|cause| Via {
            cause,
            finding: hit.index,
            indices: indices.clone(),
        }));
    }
    Matches { direct, via }
}

/// Whether a link says the finding makes the cause more likely.
fn points_towards(weight: Weight) -> bool {
    match weight {
        Weight::Typical | Weight::Sometimes | Weight::Strong => true,
        Weight::Against => false,
        Weight::Lr(lr) => lr > 1.0,
    }
}

/// Every space-separated term of the query is in the text as typed (accents and case
/// aside).
fn contains_every_term(text: &str, query: &str) -> bool {
    let text = fold(text);
    query
        .split_whitespace()
        .all(|term| text.contains(&fold(term)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::fixture;

    fn ids<'a>(g: &'a Graph, m: &Matches) -> (Vec<&'a str>, Vec<(&'a str, &'a str)>) {
        (
            m.direct
                .iter()
                .map(|h| g.causes[h.index].id.as_str())
                .collect(),
            m.via
                .iter()
                .map(|v| {
                    (
                        g.causes[v.cause].id.as_str(),
                        g.findings[v.finding].id.as_str(),
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn a_symptom_alias_lists_the_causes_that_link_it() {
        let g = fixture();
        let m = matches(&g, &Searcher::default(), "pins and needles", &[]);
        let (direct, via) = ids(&g, &m);
        assert!(direct.is_empty());
        assert_eq!(
            via,
            [("sciatica", "tingling"), ("cauda-equina", "tingling")]
        );
        let order = [2, 1, 0, 3];
        let m = matches(&g, &Searcher::default(), "pins and needles", &order);
        let (_, via) = ids(&g, &m);
        assert_eq!(via[0].0, "cauda-equina", "in the ranking's order");
        assert!(
            m.via[0].indices.is_empty(),
            "the alias matched, not the name"
        );
    }

    #[test]
    fn direct_matches_come_first_and_are_not_repeated() {
        let g = fixture();
        // "sciatica" matches the cause by name and links "shooting down the leg" too.
        let m = matches(&g, &Searcher::default(), "sciatica", &[]);
        let (direct, via) = ids(&g, &m);
        assert_eq!(direct, ["sciatica"]);
        assert!(via.iter().all(|(c, _)| *c != "sciatica"));
        let m = matches(&g, &Searcher::default(), "leg", &[]);
        let (_, via) = ids(&g, &m);
        assert!(via.contains(&("sciatica", "radiates-below-knee")));
        let m = matches(&g, &Searcher::default(), "tingling", &[]);
        assert_eq!(
            m.via[0].indices,
            [0, 1, 2, 3, 4, 5, 6, 7],
            "name highlighted"
        );
    }

    #[test]
    fn loose_symptom_matches_and_links_against_do_not_count() {
        let g = fixture();
        // "pns" is a fuzzy match for "pins and needles" but not a word in it.
        assert!(matches(&g, &Searcher::default(), "pns", &[]).via.is_empty());
        assert!(!points_towards(Weight::Against));
        assert!(!points_towards(Weight::Lr(0.5)));
        assert!(points_towards(Weight::Lr(3.0)));
    }
}
