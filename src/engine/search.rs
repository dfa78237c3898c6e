//! Fuzzy search over cause and finding names and their plain-language aliases.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::graph::Graph;

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

/// Built once and reused for every keystroke.
pub struct Searcher {
    matcher: SkimMatcherV2,
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher {
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Searcher {
    /// Match a query against one text: every space-separated term must match.
    /// Returns the score and the matched character indices.
    pub fn match_text(&self, text: &str, query: &str) -> Option<(i64, Vec<usize>)> {
        let folded = fold(text);
        let mut score = 0;
        let mut indices = Vec::new();
        for term in query.split_whitespace() {
            let term = fold(term);
            let (s, idx) = self.matcher.fuzzy_indices(&folded, &term)?;
            if runs(&idx) > max_runs(term.chars().count()) {
                return None;
            }
            score += s;
            indices.extend(idx);
        }
        indices.sort_unstable();
        indices.dedup();
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
        if query.trim().is_empty() {
            return Vec::new();
        }
        let mut hits = Vec::new();
        if scope != Scope::Findings {
            for (index, c) in graph.causes.iter().enumerate() {
                if let Some(hit) =
                    self.best(HitKind::Cause, index, &c.id, &c.name, &c.aliases, query)
                {
                    hits.push(hit);
                }
            }
        }
        if scope != Scope::Causes {
            for (index, f) in graph.findings.iter().enumerate() {
                if let Some(hit) =
                    self.best(HitKind::Finding, index, &f.id, &f.name, &f.aliases, query)
                {
                    hits.push(hit);
                }
            }
        }
        let position = |h: &Hit| match h.kind {
            HitKind::Cause => cause_order
                .iter()
                .position(|&i| i == h.index)
                .unwrap_or(h.index),
            HitKind::Finding => h.index,
        };
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.kind.cmp(&b.kind))
                .then(position(a).cmp(&position(b)))
        });
        hits
    }

    /// The best of an item's name and aliases; every term must match in one text.
    fn best(
        &self,
        kind: HitKind,
        index: usize,
        id: &str,
        name: &str,
        aliases: &[String],
        query: &str,
    ) -> Option<Hit> {
        let name_match = self.match_text(name, query).map(|m| (m, name, false));
        let alias_match = aliases
            .iter()
            .filter_map(|a| self.match_text(a, query).map(|m| (m, a.as_str(), true)))
            .max_by_key(|((score, _), _, _)| *score);
        let ((score, indices), text, via_alias) = match (name_match, alias_match) {
            (Some(n), Some(a)) if a.0.0 > n.0.0 => a,
            (Some(n), _) => n,
            (None, Some(a)) => a,
            (None, None) => return None,
        };
        Some(Hit {
            kind,
            index,
            id: id.to_string(),
            score,
            text: text.to_string(),
            via_alias,
            indices,
        })
    }
}

/// How many separate pieces a term may be matched in: three or four letters must be
/// typed as they appear ("pins" does not match "P-a-IN Syndrome"), longer terms may
/// skip a letter or two ("sciatca" still finds sciatica).
fn max_runs(term_len: usize) -> usize {
    1 + term_len / 5
}

/// The number of contiguous runs in ascending character indices.
fn runs(indices: &[usize]) -> usize {
    indices.windows(2).filter(|w| w[1] != w[0] + 1).count() + usize::from(!indices.is_empty())
}

/// Lowercase and strip accents, one character for one, so indices stay valid.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ß' => 's',
        '’' | '‘' => '\'',
        other => other,
    };
    base.to_lowercase().next().unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{SourceText, parse};

    fn graph() -> Graph {
        let text = r#"Graph(
            findings: [
                Finding(id: "tingling", name: "Tingling", aliases: ["pins and needles"], kind: Nerve),
                Finding(id: "sjogren", name: "Sjögren dryness", kind: General),
            ],
            causes: [
                Cause(id: "sciatica", name: "Sciatica", aliases: ["trapped nerve in the back"], prevalence: Common,
                    regions: [], findings: [], triage: "soon", summary: "", feels: "", seek_help: "",
                    diagnosis: "", treatment: "", prevention: "", sources: []),
                Cause(id: "disc", name: "Slipped disc", aliases: ["sciatic disc"], prevalence: Common,
                    regions: [], findings: [], triage: "soon", summary: "", feels: "", seek_help: "",
                    diagnosis: "", treatment: "", prevention: "", sources: []),
            ],
        )"#;
        parse(vec![SourceText::new("t.ron", text)]).expect("parses")
    }

    #[test]
    fn three_letters_find_a_cause() {
        let g = graph();
        let hits = Searcher::default().search(&g, "sci", Scope::Both, &[]);
        assert_eq!(hits[0].id, "sciatica");
        assert_eq!(hits[0].indices, [0, 1, 2]);
    }

    #[test]
    fn aliases_and_accents_match() {
        let g = graph();
        let s = Searcher::default();
        let hits = s.search(&g, "pins needles", Scope::Findings, &[]);
        assert_eq!(hits[0].id, "tingling");
        assert!(hits[0].via_alias);
        assert_eq!(hits[0].text, "pins and needles");
        assert_eq!(s.search(&g, "sjogren", Scope::Both, &[])[0].id, "sjogren");
    }

    #[test]
    fn every_term_must_match() {
        let g = graph();
        assert!(
            Searcher::default()
                .search(&g, "sciatica zebra", Scope::Both, &[])
                .is_empty()
        );
        assert!(
            Searcher::default()
                .search(&g, "  ", Scope::Both, &[])
                .is_empty()
        );
    }

    #[test]
    fn scattered_letters_do_not_match_short_terms() {
        let s = Searcher::default();
        assert!(
            s.match_text("Greater trochanteric pain syndrome", "pins")
                .is_none()
        );
        assert!(s.match_text("Spinal stenosis", "pins").is_none());
        assert!(s.match_text("Pins and needles", "pins").is_some());
        assert!(
            s.match_text("Sciatica", "sciatca").is_some(),
            "a missed letter is forgiven"
        );
        assert_eq!(runs(&[0, 1, 4, 5, 9]), 3);
        assert_eq!(runs(&[]), 0);
    }

    #[test]
    fn ties_follow_the_given_order() {
        let s = Searcher::default();
        let (a, _) = s.match_text("abc", "abc").expect("matches");
        let (b, _) = s.match_text("ABC", "abc").expect("matches");
        assert_eq!(a, b);
    }
}
