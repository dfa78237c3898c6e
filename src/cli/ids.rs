//! Resolving ids given on the command line, with "did you mean" for the unknown ones.

use super::Failure;
use crate::engine::search::fold;
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

/// An item named by an id, a name or an alias.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// What kind of item it is, in words ("cause", "finding" ...).
    pub kind: &'static str,
    pub id: String,
    pub name: String,
}

/// Text as names compare: case and accents folded, runs of spaces made one.
pub fn name_key(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items whose id, name or alias is `text`, compared by [`name_key`], each once:
/// causes, findings, regions, guidance pages (by title), sources and questions (by id).
pub fn by_name(graph: &Graph, text: &str) -> Vec<Named> {
    let key = name_key(text);
    if key.is_empty() {
        return Vec::new();
    }
    let fits = |words: &str| name_key(words) == key;
    let mut found: Vec<Named> = Vec::new();
    let mut add = |kind: &'static str, id: &str, name: &str, aliases: &[String]| {
        let hit = fits(id) || fits(name) || aliases.iter().any(|a| fits(a));
        if hit && !found.iter().any(|n| n.kind == kind && n.id == id) {
            found.push(Named {
                kind,
                id: id.to_string(),
                name: name.to_string(),
            });
        }
    };
    for c in &graph.causes {
        add("cause", &c.id, &c.name, &c.aliases);
    }
    for f in &graph.findings {
        add("finding", &f.id, &f.name, &f.aliases);
    }
    for r in &graph.regions {
        add("region", &r.id, &r.name, &r.aliases);
    }
    for g in &graph.guidance {
        add("guidance page", &g.id, &g.title, &[]);
    }
    for s in &graph.sources {
        add("source", &s.id, &s.id, &[]);
    }
    for q in &graph.questions {
        add("question", &q.id, &q.id, &[]);
    }
    found
}

/// The error for a name that fits several items: each of them, to be shown by its id.
pub fn ambiguous(text: &str, found: &[Named]) -> Failure {
    let list = found
        .iter()
        .map(|n| format!("{} {} ({})", n.kind, n.id, n.name))
        .collect::<Vec<_>>()
        .join("; ");
    Failure::Usage(format!(
        "\"{text}\" names {} items: {list}. Show one by its id",
        found.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Graph {
        Graph::bundled().expect("the bundled graph loads")
    }

    #[test]
    fn names_and_aliases_find_items_whatever_the_case_and_spaces() {
        let graph = bundled();
        let ids = |text: &str| -> Vec<String> {
            by_name(&graph, text).into_iter().map(|n| n.id).collect()
        };
        assert_eq!(ids("  SLIPPED   disc "), ["disc-herniation"]);
        assert_eq!(ids("Slipped (herniated) disc"), ["disc-herniation"]);
        assert_eq!(ids("Sciatica"), ["sciatica"]);
        assert_eq!(ids("Small of the BACK"), ["lower-back"]);
        assert_eq!(
            ids("lumbago"),
            ["strain-sprain", "lower-back"],
            "a name of two items"
        );
        assert!(ids("no such thing at all").is_empty());
        assert!(ids("   ").is_empty());
    }

    #[test]
    fn an_ambiguous_name_lists_every_item() {
        let found = vec![
            Named {
                kind: "cause",
                id: "a".into(),
                name: "A".into(),
            },
            Named {
                kind: "finding",
                id: "b".into(),
                name: "B".into(),
            },
        ];
        let Failure::Usage(message) = ambiguous("x", &found) else {
            panic!("a usage error");
        };
        assert!(
            message.contains("cause a (A)") && message.contains("finding b (B)"),
            "{message}"
        );
    }
}
