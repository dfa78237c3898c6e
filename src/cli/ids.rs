//! Resolving ids given on the command line, with "did you mean" for the unknown ones.

use super::Failure;
use crate::engine::{Scope, Searcher};
use crate::graph::suggest::closest;
use crate::graph::validate::{Kind, did_you_mean};
use crate::graph::{Cause, Finding, Graph, Region};

/// What kind of item an id names, in words; `None` when nothing has that id.
pub fn kind_of(graph: &Graph, id: &str) -> Option<&'static str> {
    Kind::LOOKUP
        .into_iter()
        .find(|&kind| graph.has(kind, id))
        .map(Kind::noun)
}

/// The error for an id that names no `kind`: what it is instead, or the closest ids.
///
/// `candidates` are the ids of the wanted kind. When no id is close, a fuzzy search of
/// names and aliases (for causes and findings) may still find what was meant:
/// `--finding "pins and needles"` suggests `tingling`.
pub fn unknown<'a>(
    graph: &Graph,
    kind: &str,
    id: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Failure {
    if let Some(other) = kind_of(graph, id) {
        return Failure::Usage(format!("\"{id}\" is a {other}, not a {kind}"));
    }
    let mut near: Vec<String> = closest(id, candidates)
        .into_iter()
        .map(str::to_string)
        .collect();
    if near.is_empty() {
        let scope = match kind {
            "cause" => Some(Scope::Causes),
            "finding" => Some(Scope::Findings),
            "id" => Some(Scope::Both),
            _ => None,
        };
        if let Some(scope) = scope {
            let hits = Searcher::new(graph).search(graph, &id.replace('-', " "), scope, &[]);
            near = hits.into_iter().take(3).map(|h| h.id).collect();
        }
    }
    let near: Vec<&str> = near.iter().map(String::as_str).collect();
    Failure::Usage(format!("unknown {kind} \"{id}\"{}", did_you_mean(&near)))
}

pub fn region<'g>(graph: &'g Graph, id: &str) -> Result<&'g Region, Failure> {
    graph.region(id).ok_or_else(|| {
        unknown(
            graph,
            "region",
            id,
            graph.regions.iter().map(|r| r.id.as_str()),
        )
    })
}

pub fn finding<'g>(graph: &'g Graph, id: &str) -> Result<&'g Finding, Failure> {
    graph.finding(id).ok_or_else(|| {
        unknown(
            graph,
            "finding",
            id,
            graph.findings.iter().map(|f| f.id.as_str()),
        )
    })
}

pub fn cause<'g>(graph: &'g Graph, id: &str) -> Result<&'g Cause, Failure> {
    graph.cause(id).ok_or_else(|| {
        unknown(
            graph,
            "cause",
            id,
            graph.causes.iter().map(|c| c.id.as_str()),
        )
    })
}
