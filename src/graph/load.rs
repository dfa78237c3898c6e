//! Reading RON files into one merged [`Graph`], with syntax errors as diagnostics.
//!
//! Text comes in as UTF-8, a byte-order mark dropped (so columns are counted as editors
//! count them) and invalid UTF-8 reported at its line and column. Files have limits
//! (see [`MAX_FILE_BYTES`], [`MAX_TOTAL_BYTES`], [`MAX_NESTING`]), which the command
//! line enforces when it reads them.

use std::ops::Deref;

use hashbrown::HashMap;
use ron::extensions::Extensions;
use ron::options::Options;

use super::ancestry::{Ancestry, RegionSet};
use super::diagnostic::Diagnostic;
use super::id::Id;
use super::model::{
    Cause, Finding, GraphFile, GuidancePage, Question, Region, Source, TriageLevel, TriageRule,
};
use super::triage::Triage;

/// The largest graph file that is read, in bytes (8 MiB: the bundled graph is about
/// 490 KiB).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The largest total of all the graph files of one run, in bytes (128 MiB: 100,000 causes
/// of real content take about 63 MiB, and a checked load peaks near 5 times its files).
pub const MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;

/// How deeply values may nest in a graph file (RON's own limit, stated here so that the
/// message can say it).
pub const MAX_NESTING: usize = 128;

const BOM: char = '\u{FEFF}';

/// The text of one graph file and the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

impl SourceText {
    /// A UTF-8 byte-order mark at the start of `text` is dropped.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with(BOM) {
            text.drain(..BOM.len_utf8());
        }
        SourceText {
            name: name.into(),
            text,
        }
    }

    /// The text of a file's bytes; invalid UTF-8 is an error at its line and column.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Self, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceText::new(name, text)),
            Err(e) => {
                let error = e.utf8_error();
                let bytes = e.as_bytes();
                let at = error.valid_up_to();
                let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
                let bom = if valid.starts_with(BOM) {
                    BOM.len_utf8()
                } else {
                    0
                };
                let place = position(&valid[bom..], at - bom);
                let what = match error.error_len() {
                    Some(_) => format!("byte 0x{:02X} is not part of a character", bytes[at]),
                    None => "the file ends in the middle of a character".to_string(),
                };
                let message = format!("invalid UTF-8: {what} (save the file as UTF-8)");
                Err(Diagnostic::error(name, place, message))
            }
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

// `BUNDLED`, the files, and `BUNDLED_DIGEST`, their content digest, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The names of the bundled files, in load order.
pub fn bundled_names() -> Vec<String> {
    BUNDLED
        .iter()
        .map(|(name, _)| (*name).to_string())
        .collect()
}

/// The [`content_digest`] of the bundled files, worked out when the program was built.
pub fn bundled_digest() -> [u8; 32] {
    BUNDLED_DIGEST
}

/// The version of some content: the first 12 hex digits of a SHA-256 over each file's
/// name and text, in order. Two graphs with the same files in the same order have the
/// same version; any change to a byte or to the order gives another.
pub fn content_version(files: &[SourceText]) -> String {
    version_of(&content_digest(files))
}

/// The SHA-256 of each file's name and text, in order, each framed by its length: what
/// the content version shows the start of (and what a check stamp is keyed by).
pub fn content_digest(files: &[SourceText]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for file in files {
        for part in [file.name.as_bytes(), file.text.as_bytes()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
    }
    hasher.finalize().into()
}

/// The content version for a [`content_digest`]: its first 12 hex digits.
pub fn version_of(digest: &[u8; 32]) -> String {
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

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
    /// What content this is: the first 12 hex digits of a SHA-256 over every file's name
    /// and bytes, in load order (see [`content_version`]). Shown by `--version` and on
    /// every summary, so a summary can be matched to the content that made it.
    pub content_version: String,
    index: Index,
    /// The region tree, worked out once by [`parse`].
    ancestry: Ancestry,
    /// The regions each cause lists, and each triage rule, as sets of that tree.
    cause_regions: Vec<RegionSet>,
    rule_regions: Vec<RegionSet>,
}

/// Items by id. hashbrown's hasher is seeded afresh in each process (as the search index's
/// is), so ids chosen to collide cannot be written in advance; it hashes a short id several
/// times faster than the standard library's `SipHash`.
#[derive(Debug, Clone, Default)]
struct Index {
    sources: HashMap<Id, usize>,
    regions: HashMap<Id, usize>,
    findings: HashMap<Id, usize>,
    causes: HashMap<Id, usize>,
    questions: HashMap<Id, usize>,
    guidance: HashMap<Id, usize>,
}

fn index_of<T>(items: &[Located<T>], id: impl Fn(&T) -> Id) -> HashMap<Id, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        map.entry(id(&it.item)).or_insert(i);
    }
    map
}

fn located<T>(file: usize, items: Vec<T>) -> impl Iterator<Item = Located<T>> {
    items.into_iter().map(move |item| Located { file, item })
}

/// Parse every file; all syntax errors are returned, one per file at most.
pub fn parse(files: Vec<SourceText>) -> Result<Graph, Vec<Diagnostic>> {
    let version = content_version(&files);
    parse_as(files, version)
}

/// [`parse`], with the content version already worked out.
pub fn parse_as(files: Vec<SourceText>, content_version: String) -> Result<Graph, Vec<Diagnostic>> {
    parse_files(files, true, content_version)
}

/// Parse files whose very bytes passed every check before (see `cli::stamp`), letting
/// each file's text go as soon as it is parsed: the memory peaks with the graph and the
/// texts not parsed yet, not with the graph and every text. The graph keeps the files'
/// names only, so it cannot place a diagnostic: never validate it.
pub fn parse_checked(files: Vec<SourceText>) -> Result<Graph, Vec<Diagnostic>> {
    let version = content_version(&files);
    parse_files(files, false, version)
}

/// [`parse_checked`], with the content version already worked out (hashing the files
/// again would cost as much as reading them).
pub fn parse_checked_as(
    files: Vec<SourceText>,
    content_version: String,
) -> Result<Graph, Vec<Diagnostic>> {
    parse_files(files, false, content_version)
}

fn parse_files(
    mut files: Vec<SourceText>,
    keep_text: bool,
    version: String,
) -> Result<Graph, Vec<Diagnostic>> {
    // Each file parses on its own: as many at once as there are cores, the larger first
    // so that the last to finish is a small one.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files[i].text.len()));
    let mut results: Vec<Option<Result<GraphFile, Diagnostic>>> = Vec::new();
    results.resize_with(files.len(), || None);
    {
        let mut slots: Vec<Option<&mut SourceText>> = files.iter_mut().map(Some).collect();
        let queue: Vec<(usize, &mut SourceText)> = order
            .iter()
            .filter_map(|&i| Some((i, slots.get_mut(i)?.take()?)))
            .collect();
        let queue = std::sync::Mutex::new(queue.into_iter());
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(order.len().max(1));
        let done = std::sync::Mutex::new(&mut results);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    loop {
                        let next = queue.lock().map_or(None, |mut q| q.next());
                        let Some((i, file)) = next else { break };
                        let result = parse_one(file, keep_text);
                        if let Ok(mut done) = done.lock()
                            && let Some(slot) = done.get_mut(i)
                        {
                            *slot = Some(result);
                        }
                    }
                });
            }
        });
    }
    let mut parsed = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Some(Ok(g)) => parsed.push(g),
            Some(Err(e)) => errors.push(e),
            None => {}
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(assemble(files, parsed, version))
}

/// One file parsed, its text let go unless `keep_text`; or where its syntax fails.
fn parse_one(file: &mut SourceText, keep_text: bool) -> Result<GraphFile, Diagnostic> {
    let options = Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING);
    match options.from_str::<GraphFile>(&file.text) {
        Ok(g) => {
            if !keep_text {
                file.text = String::new();
            }
            Ok(g)
        }
        Err(e) => {
            let rejected_value = matches!(e.code, ron::Error::Message(_));
            let message = match e.code {
                ron::Error::ExceededRecursionLimit => {
                    format!("nested too deeply (more than {MAX_NESTING} levels)")
                }
                code => code.to_string(),
            };
            let (line, mut col) = (e.span.start.line, e.span.start.col);
            // A value rejected by its type (an unknown triage level) is reported from
            // inside its quotes: point at the opening quote, where the value starts.
            if rejected_value && let Some(open) = string_start(&file.text, line, col) {
                col = open;
            }
            Err(Diagnostic::error(&file.name, (line, col), message))
        }
    }
}

/// One graph from its files as parsed (one [`GraphFile`] each, in load order): the items
/// located by file, the indexes and the region tree worked out once.
pub(crate) fn assemble(
    files: Vec<SourceText>,
    parsed: Vec<GraphFile>,
    content_version: String,
) -> Graph {
    let mut graph = Graph {
        files,
        content_version,
        ..Graph::default()
    };
    // Each list made once at its full length: grown by doubling, the list of 100,000
    // causes could take twice the room it needs.
    let total = |count: fn(&GraphFile) -> usize| parsed.iter().map(count).sum::<usize>();
    graph.triage.reserve_exact(total(|g| g.triage.len()));
    graph.sources.reserve_exact(total(|g| g.sources.len()));
    graph.regions.reserve_exact(total(|g| g.regions.len()));
    graph.findings.reserve_exact(total(|g| g.findings.len()));
    graph.causes.reserve_exact(total(|g| g.causes.len()));
    graph.questions.reserve_exact(total(|g| g.questions.len()));
    graph.guidance.reserve_exact(total(|g| g.guidance.len()));
    graph.rules.reserve_exact(total(|g| g.rules.len()));
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
        sources: index_of(&graph.sources, |s| s.id),
        regions: index_of(&graph.regions, |s| s.id),
        findings: index_of(&graph.findings, |s| s.id),
        causes: index_of(&graph.causes, |s| s.id),
        questions: index_of(&graph.questions, |s| s.id),
        guidance: index_of(&graph.guidance, |s| s.id),
    };
    let parents = graph
        .regions
        .iter()
        .map(|r| r.parent.as_deref().and_then(|p| graph.region_index(p)))
        .collect();
    let has_entry: Vec<bool> = graph.regions.iter().map(|r| r.entry.is_some()).collect();
    graph.ancestry = Ancestry::new(parents, &has_entry);
    let set = |listed: &[Id]| {
        let indexes = listed.iter().filter_map(|r| graph.region_index(r));
        graph.ancestry.set(indexes)
    };
    let cause_regions = graph.causes.iter().map(|c| set(&c.regions)).collect();
    let rule_regions = graph.rules.iter().map(|r| set(&r.regions)).collect();
    graph.cause_regions = cause_regions;
    graph.rule_regions = rule_regions;
    graph
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
        self.triage.iter().find(|t| t.id == level).map_or_else(
            || {
                (
                    level.label().to_string(),
                    level.default_action().to_string(),
                )
            },
            |t| (t.label.clone(), t.action.clone()),
        )
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

    /// Whether the cause at index `cause` covers a region: lists it, a region it is part
    /// of, or one of its parts (as `engine::rank::covers`), in logarithmic time.
    pub fn cause_covers(&self, cause: usize, region: &str) -> bool {
        match (self.cause_regions.get(cause), self.region_index(region)) {
            (Some(set), Some(r)) => self.ancestry.related_to_set(set, r),
            _ => false,
        }
    }

    /// Whether the triage rule at index `rule` can apply to a region: it names no
    /// regions, or one that is the region, a region it is part of, or one of its parts.
    pub fn rule_applies_in(&self, rule: usize, region: &str) -> bool {
        let Some(listed) = self.rules.get(rule) else {
            return false;
        };
        listed.regions.is_empty()
            || match (self.rule_regions.get(rule), self.region_index(region)) {
                (Some(set), Some(r)) => self.ancestry.related_to_set(set, r),
                _ => false,
            }
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

    /// Lets go of the files' texts, kept only to place what the checks report: once the
    /// checks have passed nothing is placed any more (at 100,000 causes they are 63 MB).
    pub fn let_go_of_texts(&mut self) {
        for file in &mut self.files {
            file.text = String::new();
        }
    }

    /// Line and column (1-based) of the `n`th definition `id: "ID"` in a file.
    pub fn locate_definition(&self, file: usize, id: &str, n: usize) -> (usize, usize) {
        let text = &self.files[file].text;
        find_definitions(text, id)
            .get(n)
            .map_or((0, 0), |&off| position(text, off))
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
/// The column of the opening quote of the string literal that holds a one-based line and
/// column, or ends just before it (RON reports a rejected string from inside or after it).
fn string_start(text: &str, line: usize, col: usize) -> Option<usize> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let mut open: Option<usize> = None;
    let mut escaped = false;
    for (i, c) in row.chars().enumerate() {
        let here = i + 1;
        match (open, c) {
            (None, '"') => open = Some(here),
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(start), '"') => {
                if (start..=here + 1).contains(&col) {
                    return Some(start);
                }
                open = None;
            }
            _ => {}
        }
    }
    None
}

pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_worked_out_at_build_is_the_bundled_files_digest() {
        assert_eq!(
            bundled_digest(),
            content_digest(&bundled()),
            "build.rs did not run again after the data changed (a target directory shared by \
             two copies of the project?): cargo clean -p symptom-explorer"
        );
        assert_eq!(bundled().len(), 10);
    }

    #[test]
    fn content_version_follows_every_byte_and_the_order() {
        let a = SourceText::new("a.ron", "()");
        let b = SourceText::new("b.ron", "( )");
        let v = content_version(&[a.clone(), b.clone()]);
        assert_eq!(v.len(), 12);
        assert!(v.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(v, content_version(&[a.clone(), b.clone()]));
        assert_ne!(v, content_version(&[b.clone(), a.clone()]));
        assert_ne!(
            v,
            content_version(&[a.clone(), SourceText::new("b.ron", "()")])
        );
        // Names and texts cannot trade bytes.
        assert_ne!(
            content_version(&[SourceText::new("ab", "c")]),
            content_version(&[SourceText::new("a", "bc")])
        );
        let graph = parse(vec![a]).expect("parses");
        assert_eq!(graph.content_version.len(), 12);
    }

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
    fn a_byte_order_mark_is_dropped() {
        let text = "\u{FEFF}Graph(\n  regions: [\n    Region(id: 3)\n  ]\n)";
        let source = SourceText::new("x.ron", text);
        assert!(source.text.starts_with("Graph("));
        let from_bytes = SourceText::from_bytes("x.ron", text.as_bytes().to_vec());
        assert_eq!(from_bytes.map(|s| s.text), Ok(source.text.clone()));
        let with = parse(vec![source]).unwrap_err();
        let without = parse(vec![SourceText::new("x.ron", &text[3..])]).unwrap_err();
        assert_eq!(with, without, "the same places as without the mark");
        let first_line = parse(vec![SourceText::new("x.ron", "\u{FEFF}Graph(x: 1)")]).unwrap_err();
        let plain = parse(vec![SourceText::new("x.ron", "Graph(x: 1)")]).unwrap_err();
        assert_eq!(first_line, plain);
    }

    #[test]
    fn invalid_utf8_has_line_and_column() {
        let mut bytes = "\u{FEFF}Graph(\n  // é\n  regions: [],// "
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        let err = SourceText::from_bytes("x.ron", bytes.clone()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.ron:3:18: error: invalid UTF-8: byte 0xFF is not part of a character (save the file as UTF-8)"
        );
        bytes.pop();
        bytes.extend([b'\n', 0xC3]);
        let err = SourceText::from_bytes("x.ron", bytes).unwrap_err();
        assert_eq!((err.line, err.col), (4, 1));
        assert!(err.message.contains("ends in the middle of a character"));
    }

    #[test]
    fn nesting_too_deep_is_said_in_plain_words() {
        let deep = format!(
            "Graph(questions: [Question(id: \"q\", text: \"t\", ask_if: {}Has(\"x\"){}, answers: YesNo())])",
            "Not(".repeat(200),
            ")".repeat(200)
        );
        let err = parse(vec![SourceText::new("x.ron", deep)]).unwrap_err();
        assert_eq!(err[0].message, "nested too deeply (more than 128 levels)");
        assert_eq!(err[0].line, 1);
        assert!(!err[0].message.contains("ron::"));
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
