//! Reading RON files into one merged [`Graph`], with syntax errors as diagnostics.

use std::collections::HashMap;
use std::ops::Deref;

use ron::extensions::Extensions;
use ron::options::Options;

use super::ancestry::Ancestry;
use super::diagnostic::Diagnostic;
use super::model::*;
use super::triage::Triage;

/// The text of one graph file and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceText {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// The content packs bundled into the binary, in load order.
pub fn bundled() -> Vec<SourceText> {
    BUNDLED
        .iter()
        .map(|(name, text)| SourceText::new(*name, *text))
        .collect()
}

const BUNDLED: &[(&str, &str)] = &[
    ("data/core.ron", include_str!("../../data/core.ron")),
    ("data/body.ron", include_str!("../../data/body.ron")),
    (
        "data/causes-spine.ron",
        include_str!("../../data/causes-spine.ron"),
    ),
    (
        "data/causes-other.ron",
        include_str!("../../data/causes-other.ron"),
    ),
    (
        "data/causes-emergency.ron",
        include_str!("../../data/causes-emergency.ron"),
    ),
    (
        "data/causes-chest.ron",
        include_str!("../../data/causes-chest.ron"),
    ),
    (
        "data/causes-pelvic.ron",
        include_str!("../../data/causes-pelvic.ron"),
    ),
    (
        "data/causes-more.ron",
        include_str!("../../data/causes-more.ron"),
    ),
    ("data/rules.ron", include_str!("../../data/rules.ron")),
    (
        "data/questions.ron",
        include_str!("../../data/questions.ron"),
    ),
];

/// An item of the graph and the index of the file it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub file: usize,
    pub item: T,
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.item
    }
}

/// Every file merged into one graph, with indexes by id.
///
/// Lookups return the first item with an id; duplicates are reported by the validator.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub files: Vec<SourceText>,
    pub triage: Vec<Located<TriageLevel>>,
    pub sources: Vec<Located<Source>>,
    pub regions: Vec<Located<Region>>,
    pub findings: Vec<Located<Finding>>,
    pub causes: Vec<Located<Cause>>,
    pub questions: Vec<Located<Question>>,
    pub guidance: Vec<Located<GuidancePage>>,
    pub rules: Vec<Located<TriageRule>>,
    index: Index,
    /// The region tree, worked out once by [`parse`].
    ancestry: Ancestry,
}

#[derive(Debug, Clone, Default)]
struct Index {
    sources: HashMap<String, usize>,
    regions: HashMap<String, usize>,
    findings: HashMap<String, usize>,
    causes: HashMap<String, usize>,
    questions: HashMap<String, usize>,
    guidance: HashMap<String, usize>,
}

fn index_of<T>(items: &[Located<T>], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        map.entry(id(&it.item).to_string()).or_insert(i);
    }
    map
}

fn located<T>(file: usize, items: Vec<T>) -> impl Iterator<Item = Located<T>> {
    items.into_iter().map(move |item| Located { file, item })
}

/// Parse every file; all syntax errors are returned, one per file at most.
pub fn parse(files: Vec<SourceText>) -> Result<Graph, Vec<Diagnostic>> {
    let options = Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        match options.from_str::<GraphFile>(&file.text) {
            Ok(g) => parsed.push(g),
            Err(e) => errors.push(Diagnostic::error(
                &file.name,
                (e.span.start.line, e.span.start.col),
                e.code.to_string(),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut graph = Graph {
        files,
        ..Graph::default()
    };
    for (file, g) in parsed.into_iter().enumerate() {
        graph.triage.extend(located(file, g.triage));
        graph.sources.extend(located(file, g.sources));
        graph.regions.extend(located(file, g.regions));
        graph.findings.extend(located(file, g.findings));
        graph.causes.extend(located(file, g.causes));
        graph.questions.extend(located(file, g.questions));
        graph.guidance.extend(located(file, g.guidance));
        graph.rules.extend(located(file, g.rules));
    }
    graph.index = Index {
        sources: index_of(&graph.sources, |s| &s.id),
        regions: index_of(&graph.regions, |s| &s.id),
        findings: index_of(&graph.findings, |s| &s.id),
        causes: index_of(&graph.causes, |s| &s.id),
        questions: index_of(&graph.questions, |s| &s.id),
        guidance: index_of(&graph.guidance, |s| &s.id),
    };
    let parents = graph
        .regions
        .iter()
        .map(|r| r.parent.as_deref().and_then(|p| graph.region_index(p)))
        .collect();
    let has_entry: Vec<bool> = graph.regions.iter().map(|r| r.entry.is_some()).collect();
    graph.ancestry = Ancestry::new(parents, &has_entry);
    Ok(graph)
}

impl Graph {
    /// The bundled graph. It is checked by a test, so this cannot fail in a release.
    pub fn bundled() -> Result<Graph, Vec<Diagnostic>> {
        parse(bundled())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index.sources.get(id).map(|&i| &self.sources[i].item)
    }
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.index.regions.get(id).map(|&i| &self.regions[i].item)
    }
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.index.findings.get(id).map(|&i| &self.findings[i].item)
    }
    pub fn cause(&self, id: &str) -> Option<&Cause> {
        self.index.causes.get(id).map(|&i| &self.causes[i].item)
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index
            .questions
            .get(id)
            .map(|&i| &self.questions[i].item)
    }
    pub fn guide(&self, id: &str) -> Option<&GuidancePage> {
        self.index.guidance.get(id).map(|&i| &self.guidance[i].item)
    }
    pub fn cause_index(&self, id: &str) -> Option<usize> {
        self.index.causes.get(id).copied()
    }
    pub fn finding_index(&self, id: &str) -> Option<usize> {
        self.index.findings.get(id).copied()
    }
    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.index.regions.get(id).copied()
    }

    /// The label and action of a triage level; a generic text if the graph lacks it.
    pub fn triage_level(&self, level: Triage) -> (String, String) {
        self.triage
            .iter()
            .find(|t| t.id == level.id())
            .map(|t| (t.label.clone(), t.action.clone()))
            .unwrap_or_else(|| {
                (
                    level.label().to_string(),
                    level.default_action().to_string(),
                )
            })
    }

    /// The region and every region it is part of, nearest first, each once (a parent
    /// cycle stops where it comes round). Takes time in the length of the ancestry.
    pub fn region_ancestry(&self, id: &str) -> Vec<&Region> {
        self.region_index(id)
            .into_iter()
            .flat_map(|i| self.ancestry.walk(i))
            .filter_map(|i| self.regions.get(i).map(|r| &r.item))
            .collect()
    }

    /// Whether `ancestor` is `region` or a region it is part of: whether it is in
    /// [`Graph::region_ancestry`] of `region`, in constant time. False for unknown ids.
    pub fn region_within(&self, region: &str, ancestor: &str) -> bool {
        match (self.region_index(region), self.region_index(ancestor)) {
            (Some(r), Some(a)) => self.ancestry.within(r, a),
            _ => false,
        }
    }

    /// Whether either region is the other or part of it.
    pub fn regions_related(&self, a: &str, b: &str) -> bool {
        self.region_within(a, b) || self.region_within(b, a)
    }

    /// The entry question for a region, inherited from its parents when it has none.
    pub fn entry_question(&self, region: &str) -> Option<&str> {
        let i = self.region_index(region)?;
        let from = self.ancestry.entry(i)?;
        self.regions.get(from)?.entry.as_deref()
    }

    /// Every id of every kind, for "did you mean" suggestions and uniqueness checks.
    pub fn all_ids(&self) -> impl Iterator<Item = &str> {
        self.sources
            .iter()
            .map(|s| s.id.as_str())
            .chain(self.regions.iter().map(|s| s.id.as_str()))
            .chain(self.findings.iter().map(|s| s.id.as_str()))
            .chain(self.causes.iter().map(|s| s.id.as_str()))
            .chain(self.questions.iter().map(|s| s.id.as_str()))
            .chain(self.guidance.iter().map(|s| s.id.as_str()))
    }

    /// Line and column (1-based) of the `n`th definition `id: "ID"` in a file.
    pub fn locate_definition(&self, file: usize, id: &str, n: usize) -> (usize, usize) {
        let text = &self.files[file].text;
        find_definitions(text, id)
            .get(n)
            .map(|&off| position(text, off))
            .unwrap_or((0, 0))
    }

    /// Line and column of the first `"REF"` after the definition of `owner` in a file,
    /// falling back to the owner's definition.
    pub fn locate_reference(&self, file: usize, owner: &str, reference: &str) -> (usize, usize) {
        let text = &self.files[file].text;
        let start = find_definitions(text, owner).first().copied().unwrap_or(0);
        let needle = format!("\"{reference}\"");
        match text[start..].find(&needle) {
            Some(off) => position(text, start + off),
            None => position(text, start),
        }
    }
}

/// Byte offsets of every `id: "ID"` (any spacing) in a text.
pub fn find_definitions(text: &str, id: &str) -> Vec<usize> {
    let needle = format!("\"{id}\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(&needle) {
        let at = from + found;
        let before = text[..at].trim_end();
        if before.ends_with("id:") {
            let start = before.len() - 3;
            let word_start = before[..start]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if word_start {
                out.push(at);
            }
        }
        from = at + needle.len();
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        assert_eq!(position("ab\ncd", 0), (1, 1));
        assert_eq!(position("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn definitions_ignore_references() {
        let text = "(id: \"a\", parent: \"a\", x: [( id:\"a\" )], other_id: \"a\")";
        let found = find_definitions(text, "a");
        assert_eq!(found.len(), 2);
        assert_eq!(position(text, found[1]), (1, 33));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse(vec![SourceText::new(
            "x.ron",
            "Graph(\n  regions: [\n    Region(id: 3)\n  ]\n)",
        )])
        .unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].file, "x.ron");
        assert_eq!(err[0].line, 3);
    }
}
