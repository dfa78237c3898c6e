//! Checking a loaded graph: every problem in one run, each with its file, line and column.
//!
//! [`validate`] runs every check and returns errors and warnings sorted by file (in load
//! order) then line. The checks live in submodules by theme:
//!
//! - `ids`: duplicate ids (one namespace for all kinds but triage levels), and exactly the
//!   five triage levels;
//! - `refs`: every reference resolves to an item of the right kind, else "did you mean";
//! - `flow`: region entries and parent cycles, unreachable questions, question cycles;
//! - `content`: a graph with no regions or no causes, empty required text, numbers out
//!   of range, a finding linked twice, an empty or too long gloss, causes without a region
//!   or a source, red flags without advice, triage rules that fire for everyone, can never
//!   fire, or raise the level to urgent or above without a source;
//! - `usage` (warnings): unused findings and sources, causes with few findings or that no
//!   answer can raise;
//! - `text`: no control or bidi characters in any string (a line break only in prose),
//!   and ids in `[a-z0-9-]`;
//! - `safety`: for each region, every finding that can make it an emergency (and the age
//!   or sex an emergency rule tests) is asked on every path of the interview; only run
//!   once `flow` finds the question graph free of cycles and broken links.
//!
//! They share a `Ctx` that knows where each item is written and collects diagnostics.
//! Positions come from `locate`, which scans each file once and finds an item's
//! `id: "ID"` within its own section (`causes:` ...) and skipping comments, so the nth
//! duplicate, a cross-kind duplicate and fields written before the id are all placed
//! right; columns are counted as `load::position` counts them. Each diagnostic carries
//! the offending id: the duplicated or unknown id, or the item at fault.

mod content;
mod flow;
mod ids;
mod locate;
mod refs;
mod safety;
pub(crate) mod text;
mod usage;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::diagnostic::{Diagnostic, Severity};
use super::load::{self, Graph, Located, SourceText};
use locate::FileMap;

/// Every problem in a graph, errors and warnings, sorted by file then line.
pub fn validate(graph: &Graph) -> Vec<Diagnostic> {
    // The checks read the graph and only add what they find: two groups of about the
    // same cost run side by side, and what they found is put together in the order one
    // after the other would give (`finish` sorts by place, keeping that order within one).
    let (mut first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| {
            let mut ctx = Ctx::new(graph);
            let whole = flow::check(&mut ctx);
            content::check(&mut ctx);
            text::check(&mut ctx);
            usage::check(&mut ctx);
            // Following every path needs a question graph without cycles or broken links.
            if whole {
                safety::check(&mut ctx);
            }
            ctx.found
        });
        let mut ctx = Ctx::new(graph);
        ids::check(&mut ctx);
        refs::check(&mut ctx);
        (ctx, second.join())
    });
    match second {
        Ok(found) => first.found.extend(found),
        // A check that panicked is a bug; it must not pass for a clean graph.
        Err(_) => first.found.push((
            0,
            Diagnostic::error("", (0, 0), "the checks failed to finish".to_string()),
        )),
    }
    first.finish()
}

/// Parse then validate. Syntax errors come back without a graph; once the files parse,
/// the graph is returned together with everything [`validate`] found (callers decide
/// what to do with a graph that has errors).
pub fn check(files: Vec<SourceText>) -> (Option<Graph>, Vec<Diagnostic>) {
    let version = load::content_version(&files);
    check_as(files, version)
}

/// [`check`], with the content version already worked out (hashing the files again
/// would cost as much as reading them).
pub fn check_as(files: Vec<SourceText>, version: String) -> (Option<Graph>, Vec<Diagnostic>) {
    match load::parse_as(files, version) {
        Ok(graph) => {
            let diagnostics = validate(&graph);
            (Some(graph), diagnostics)
        }
        Err(errors) => (None, errors),
    }
}

impl Graph {
    /// Whether an item of this kind has this id.
    pub(crate) fn has(&self, kind: Kind, id: &str) -> bool {
        match kind {
            Kind::Triage => crate::graph::Triage::parse(id).is_some(),
            Kind::Source => self.source(id).is_some(),
            Kind::Region => self.region(id).is_some(),
            Kind::Finding => self.finding(id).is_some(),
            Kind::Cause => self.cause(id).is_some(),
            Kind::Question => self.question(id).is_some(),
            Kind::Guide => self.guide(id).is_some(),
            Kind::Rule => self.rules.iter().any(|r| r.id == id),
        }
    }
}

/// The kinds of item that carry an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Triage,
    Source,
    Region,
    Finding,
    Cause,
    Question,
    Guide,
    Rule,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Triage,
        Kind::Source,
        Kind::Region,
        Kind::Finding,
        Kind::Cause,
        Kind::Question,
        Kind::Guide,
        Kind::Rule,
    ];

    /// The top-level key of the section these items are written in.
    fn section(self) -> &'static str {
        match self {
            Kind::Triage => "triage",
            Kind::Source => "sources",
            Kind::Region => "regions",
            Kind::Finding => "findings",
            Kind::Cause => "causes",
            Kind::Question => "questions",
            Kind::Guide => "guidance",
            Kind::Rule => "rules",
        }
    }

    /// How messages name an item of this kind.
    /// The item kinds a person looks up by id, in the order an id is tried.
    pub(crate) const LOOKUP: [Kind; 6] = [
        Kind::Cause,
        Kind::Finding,
        Kind::Region,
        Kind::Guide,
        Kind::Source,
        Kind::Question,
    ];

    pub(crate) fn noun(self) -> &'static str {
        match self {
            Kind::Triage => "triage level",
            Kind::Source => "source",
            Kind::Region => "region",
            Kind::Finding => "finding",
            Kind::Cause => "cause",
            Kind::Question => "question",
            Kind::Guide => "guidance page",
            Kind::Rule => "triage rule",
        }
    }
}

/// A place in a file: a byte offset, or the file as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Loc {
    file: usize,
    offset: Option<usize>,
}

/// Where an item is written: its `id` string and the parentheses around it.
#[derive(Debug, Clone)]
struct Place {
    file: usize,
    def: Option<usize>,
    span: Range<usize>,
}

/// What the checks share: the graph, where its items are, and what was found so far.
pub(crate) struct Ctx<'g> {
    pub graph: &'g Graph,
    /// Scanned only when a place is first asked for: a graph without problems is never
    /// scanned (see [`Ctx::maps`]).
    maps: OnceCell<Vec<FileMap>>,
    places: OnceCell<HashMap<Kind, Vec<Place>>>,
    /// Items that a lookup by id never returns: a later item of the same kind and id.
    shadowed: HashSet<(Kind, usize)>,
    /// The item whose references are being visited, and how often each value was met in it.
    refs_owner: Option<(Kind, usize)>,
    refs_seen: HashMap<&'g str, usize>,
    hints: refs::Hints<'g>,
    found: Vec<(usize, Diagnostic)>,
}

impl<'g> Ctx<'g> {
    fn new(graph: &'g Graph) -> Self {
        let mut ctx = Ctx {
            graph,
            maps: OnceCell::new(),
            places: OnceCell::new(),
            shadowed: HashSet::new(),
            refs_owner: None,
            refs_seen: HashMap::new(),
            hints: refs::Hints::default(),
            found: Vec::new(),
        };
        for kind in Kind::ALL {
            let mut seen = HashSet::new();
            for (i, id) in ctx.ids(kind).into_iter().enumerate() {
                if !seen.insert(id) {
                    ctx.shadowed.insert((kind, i));
                }
            }
        }
        ctx
    }

    /// The ids of every item of a kind, in merged order (files in load order).
    pub fn ids(&self, kind: Kind) -> Vec<&'g str> {
        self.files_and_ids(kind)
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    }

    fn files_and_ids(&self, kind: Kind) -> Vec<(usize, &'g str)> {
        fn pick<'a, T>(
            items: &'a [Located<T>],
            id: impl Fn(&'a T) -> &'a str,
        ) -> Vec<(usize, &'a str)> {
            items.iter().map(|it| (it.file, id(&it.item))).collect()
        }
        let g = self.graph;
        match kind {
            Kind::Triage => pick(&g.triage, |t| t.id.id()),
            Kind::Source => pick(&g.sources, |t| &t.id),
            Kind::Region => pick(&g.regions, |t| &t.id),
            Kind::Finding => pick(&g.findings, |t| &t.id),
            Kind::Cause => pick(&g.causes, |t| &t.id),
            Kind::Question => pick(&g.questions, |t| &t.id),
            Kind::Guide => pick(&g.guidance, |t| &t.id),
            Kind::Rule => pick(&g.rules, |t| &t.id),
        }
    }

    /// False for the second and later items of a kind with the same id, which lookups
    /// never return (the duplicate itself is reported once, by `ids`).
    pub fn is_first(&self, kind: Kind, idx: usize) -> bool {
        !self.shadowed.contains(&(kind, idx))
    }

    /// Every file scanned (see `locate`), the first time a place is needed: a check that
    /// reports nothing never needs one, so a valid graph costs no scan.
    fn maps(&self) -> &[FileMap] {
        self.maps.get_or_init(|| {
            self.graph
                .files
                .iter()
                .map(|f| FileMap::new(&f.text))
                .collect()
        })
    }

    fn places(&self) -> &HashMap<Kind, Vec<Place>> {
        self.places.get_or_init(|| {
            Kind::ALL
                .into_iter()
                .map(|kind| (kind, self.find_places(kind)))
                .collect()
        })
    }

    fn find_places(&self, kind: Kind) -> Vec<Place> {
        let mut seen: HashMap<(usize, &str), usize> = HashMap::new();
        // Items whose definition is not found share a fallback: its span is found once.
        let mut spans: HashMap<(usize, usize), Range<usize>> = HashMap::new();
        self.files_and_ids(kind)
            .into_iter()
            .map(|(file, id)| {
                let counter = seen.entry((file, id)).or_insert(0);
                let nth = *counter;
                *counter += 1;
                let map = self.maps().get(file);
                let def = map.and_then(|m| definition(m, kind, id, nth));
                let span = match (map, def) {
                    (Some(m), Some(d)) => spans
                        .entry((file, d))
                        .or_insert_with(|| m.enclosing(d))
                        .clone(),
                    _ => 0..0,
                };
                Place { file, def, span }
            })
            .collect()
    }

    fn place(&self, kind: Kind, idx: usize) -> Option<&Place> {
        self.places().get(&kind).and_then(|p| p.get(idx))
    }

    /// The item's definition (its `"id"`).
    pub fn item(&self, kind: Kind, idx: usize) -> Loc {
        match self.place(kind, idx) {
            Some(p) => Loc {
                file: p.file,
                offset: p.def,
            },
            None => Loc {
                file: 0,
                offset: None,
            },
        }
    }

    /// `(file, offset)`: the order in which items are written.
    pub fn order(&self, kind: Kind, idx: usize) -> (usize, usize) {
        let loc = self.item(kind, idx);
        (loc.file, loc.offset.unwrap_or(usize::MAX))
    }

    /// One of the item's own fields, `key: ...`; the item itself when not found.
    pub fn field(&self, kind: Kind, idx: usize, key: &str) -> Loc {
        self.key_in_item(kind, idx, key, 0, true)
    }

    /// The `nth` `key:` anywhere in the item, nested structs included.
    pub fn nested_field(&self, kind: Kind, idx: usize, key: &str, nth: usize) -> Loc {
        self.key_in_item(kind, idx, key, nth, false)
    }

    fn key_in_item(&self, kind: Kind, idx: usize, key: &str, nth: usize, own: bool) -> Loc {
        let item = self.item(kind, idx);
        let found = self
            .place(kind, idx)
            .filter(|p| p.def.is_some())
            .and_then(|p| self.maps().get(p.file)?.key_in(&p.span, key, nth, own));
        Loc {
            offset: found.or(item.offset),
            ..item
        }
    }

    /// The `nth` string `"value"` in the item (its own id excluded).
    pub fn string(&self, kind: Kind, idx: usize, value: &str, nth: usize) -> Loc {
        let item = self.item(kind, idx);
        let found = self
            .place(kind, idx)
            .filter(|p| p.def.is_some())
            .and_then(|p| {
                self.maps()
                    .get(p.file)?
                    .string_in(&p.span, value, nth, p.def)
            });
        Loc {
            offset: found.or(item.offset),
            ..item
        }
    }

    /// Which occurrence of a value among the references of an item this one is (0 for the
    /// first). References are visited item by item, in the order the model declares its
    /// fields, which is the order they are written in; only the item being visited is
    /// remembered, so the count stays small and its place is looked up only when reported.
    pub fn ref_occurrence(&mut self, kind: Kind, idx: usize, value: &'g str) -> usize {
        if self.refs_owner != Some((kind, idx)) {
            self.refs_owner = Some((kind, idx));
            self.refs_seen.clear();
        }
        let counter = self.refs_seen.entry(value).or_insert(0);
        let nth = *counter;
        *counter += 1;
        nth
    }

    /// A top-level section key (`triage:` ...) in a file; the file as a whole without one.
    pub fn section(&self, file: usize, key: &str) -> Loc {
        Loc {
            file,
            offset: self.maps().get(file).and_then(|m| m.section(key)),
        }
    }

    fn position(&self, loc: Loc) -> (usize, usize) {
        match (loc.offset, self.graph.files.get(loc.file)) {
            (Some(offset), Some(file)) => match self.maps().get(loc.file) {
                Some(map) => map.position(&file.text, offset),
                None => load::position(&file.text, offset),
            },
            _ => (0, 0),
        }
    }

    fn file_name(&self, file: usize) -> &str {
        self.graph
            .files
            .get(file)
            .map_or("<graph>", |f| f.name.as_str())
    }

    /// `FILE:LINE:COL`, for messages that point at a second place.
    pub fn describe(&self, loc: Loc) -> String {
        let (line, col) = self.position(loc);
        format!("{}:{line}:{col}", self.file_name(loc.file))
    }

    pub fn error(&mut self, loc: Loc, message: String, id: &str) {
        self.push(Severity::Error, loc, message, Some(id));
    }

    /// An error about the graph as a whole, not about one item.
    pub fn graph_error(&mut self, loc: Loc, message: String) {
        self.push(Severity::Error, loc, message, None);
    }

    pub fn warning(&mut self, loc: Loc, message: String, id: &str) {
        self.push(Severity::Warning, loc, message, Some(id));
    }

    fn push(&mut self, severity: Severity, loc: Loc, message: String, id: Option<&str>) {
        let name = self.file_name(loc.file);
        let position = self.position(loc);
        let mut diagnostic = match severity {
            Severity::Error => Diagnostic::error(name, position, message),
            Severity::Warning => Diagnostic::warning(name, position, message),
        };
        if let Some(id) = id {
            diagnostic = diagnostic.with_id(id);
        }
        self.found.push((loc.file, diagnostic));
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        self.found.sort_by_key(|(file, d)| (*file, d.line, d.col));
        self.found.into_iter().map(|(_, d)| d).collect()
    }
}

/// The offset of the `nth` definition of `id` in the section for `kind`, falling back to
/// any definition in the file when the file is laid out unusually.
fn definition(map: &FileMap, kind: Kind, id: &str, nth: usize) -> Option<usize> {
    // Definitions are in text order and a section is one stretch of text.
    let all = map.definitions(id);
    let in_section = match map.section_range(kind.section()) {
        Some(range) => {
            let from = all.partition_point(|&o| o < range.start);
            let to = all.partition_point(|&o| o < range.end);
            &all[from..to]
        }
        None => all,
    };
    in_section
        .get(nth)
        .or(all.get(nth))
        .or(all.first())
        .copied()
}

/// `" (did you mean "a", "b" or "c"?)"`, or nothing without suggestions.
pub fn did_you_mean(suggestions: &[&str]) -> String {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" (did you mean {last}?)"),
        Some((last, rest)) => format!(" (did you mean {} or {last}?)", rest.join(", ")),
    }
}

/// Text that is missing in effect: empty or only whitespace.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

#[cfg(test)]
mod tests;
