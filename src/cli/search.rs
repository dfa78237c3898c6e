//! `search QUERY`: fuzzy search over causes and findings, names and aliases, best first.
//! Matched characters are highlighted on a terminal; a pipe gets plain text. When nothing
//! matches it says so on standard error, with the closest names, and exits 1.
//!
//! On content that passed every check before, the search index kept beside its parsed
//! graph is read and searched, with no graph at all; otherwise the graph is loaded (which
//! keeps the index for next time) and indexed.

use serde::Serialize;

use super::escape::visible;
use super::load::{checked_key, load_keyed};
use super::output::{Cell, Paint, Tone, emit, emit_json, table};
use super::{Failure, Globals, NOTICE, SearchArgs, stamp};
use crate::engine::search::{Index, cache};
use crate::engine::{Hit, HitKind, Scope};

/// One match in `search --json`.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    kind: HitKind,
    id: &'a str,
    name: &'a str,
    /// The text that matched: the name, or an alias.
    matched: &'a str,
    via_alias: bool,
    /// Character positions in `matched` of the matched characters.
    indices: &'a [usize],
    score: i64,
}

#[derive(Debug, Serialize)]
struct JsonSearch<'a> {
    query: &'a str,
    hits: Vec<JsonHit<'a>>,
    /// Names or aliases close to the query, when nothing matched.
    suggestions: &'a [String],
    notice: &'static str,
}

pub fn run(globals: &Globals, args: &SearchArgs) -> Result<(), Failure> {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        return Err(Failure::Usage(
            "search needs some text to look for, such as: search tingling".to_string(),
        ));
    }
    let index = match checked_key(globals).as_deref().and_then(kept_index) {
        Some(index) => index,
        None => {
            let (graph, key) = load_keyed(globals)?;
            let index = Index::build(&graph);
            // Content that passed every check but had no whole index kept (missing or
            // damaged): keep it anew (a kiosk writes nothing).
            if let Some(key) = &key
                && !globals.config.kiosk.enabled
                && kept_index(key).is_none()
            {
                stamp::write_index(key, &cache::encode(&index));
            }
            // The process ends soon after: freeing the graph would only take time.
            std::mem::forget(graph);
            index
        }
    };
    let answered = answer(globals, args, &query, &index);
    // Likewise the index, once the answer is written.
    std::mem::forget(index);
    answered
}

/// The search index kept for content with this stamp key, if it reads back whole.
fn kept_index(key: &str) -> Option<Index> {
    let (file, size) = stamp::read_index(key)?;
    cache::read(file, size)
}

/// Search the index and write the answer.
fn answer(globals: &Globals, args: &SearchArgs, query: &str, index: &Index) -> Result<(), Failure> {
    let hits = index.search(query, Scope::Both, &[], args.limit);
    let suggestions = if hits.is_empty() {
        index.suggest(query)
    } else {
        Vec::new()
    };
    let found = if hits.is_empty() {
        Err(Failure::NoMatch(no_match(query, &suggestions)))
    } else {
        Ok(())
    };
    if globals.json {
        let hits = hits
            .iter()
            .map(|h| JsonHit {
                kind: h.kind,
                id: &h.id,
                name: index.name(h.kind, h.index),
                matched: &h.text,
                via_alias: h.via_alias,
                indices: &h.indices,
                score: h.score,
            })
            .collect();
        emit_json(&JsonSearch {
            query,
            hits,
            suggestions: &suggestions,
            notice: NOTICE,
        })?;
        return found;
    }
    found?;
    emit(&render(&Paint::detect(), index, query, &hits))
}

/// "No match for 'x'. Did you mean: a, b?" (without the question when nothing is close).
pub fn no_match(query: &str, suggestions: &[String]) -> String {
    let mut out = format!("No match for '{query}'.");
    if !suggestions.is_empty() {
        out.push_str(&format!(" Did you mean: {}?", suggestions.join(", ")));
    }
    out
}

/// The text output: one line a match, kind, id, name (and the alias that matched).
pub fn render(paint: &Paint, index: &Index, query: &str, hits: &[Hit]) -> String {
    if hits.is_empty() {
        return format!("No cause or finding matches \"{}\".\n", visible(query));
    }
    let rows: Vec<Vec<Cell>> = hits
        .iter()
        .map(|h| {
            let kind = match h.kind {
                HitKind::Cause => "cause",
                HitKind::Finding => "finding",
            };
            let name = index.name(h.kind, h.index);
            let shown = if h.via_alias {
                let plain = format!("{name} (via alias: {})", h.text);
                let styled = format!(
                    "{name} (via alias: {})",
                    paint.highlight(&h.text, &h.indices)
                );
                Cell::styled(plain, styled)
            } else {
                Cell::styled(name, paint.highlight(name, &h.indices))
            };
            vec![
                Cell::new(kind, Tone::Dim),
                Cell::new(&h.id, Tone::Strong),
                shown,
            ]
        })
        .collect();
    let mut out = table(paint, &["KIND", "ID", "NAME"], &rows);
    if hits.iter().any(|h| h.kind == HitKind::Cause) {
        out.push('\n');
        out.push_str(NOTICE);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Searcher;
    use crate::graph::{Graph, SourceText, parse};

    fn graph() -> Graph {
        let text = r#"Graph(
            findings: [
                Finding(id: "tingling", name: "Tingling", aliases: ["pins and needles"], kind: Nerve),
            ],
        )"#;
        parse(vec![SourceText::new("t.ron", text)]).expect("parses")
    }

    #[test]
    fn alias_matches_say_so_and_highlight_only_on_a_terminal() {
        let g = graph();
        let hits = Searcher::new(&g).search(&g, "pins", Scope::Both, &[]);
        let index = Index::build(&g);
        let plain = render(&Paint::plain(80), &index, "pins", &hits);
        assert!(plain.contains("Tingling (via alias: pins and needles)"));
        assert!(!plain.contains('\u{1b}'));
        let terminal = Paint {
            styled: true,
            color: true,
            width: 80,
        };
        let styled = render(&terminal, &index, "pins", &hits);
        assert!(styled.contains('\u{1b}'));
        assert!(styled.contains("Tingling (via alias: "));
    }

    #[test]
    fn no_match_says_so() {
        let g = graph();
        let text = render(&Paint::plain(80), &Index::build(&g), "zebra", &[]);
        assert!(text.contains("No cause or finding matches"));
        assert_eq!(no_match("zebra", &[]), "No match for 'zebra'.");
        assert_eq!(
            no_match("shingls", &["Shingles".to_string(), "Tingling".to_string()]),
            "No match for 'shingls'. Did you mean: Shingles, Tingling?"
        );
    }
}
