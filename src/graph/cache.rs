//! A parsed graph written as compact binary (postcard), so that content which passed every
//! check before need not be parsed from RON again: reading it back is several times faster
//! than parsing the RON (BENCHMARKS.md). Only `cli::stamp` stores these, next to the stamp
//! of the very bytes they were parsed from, and only for content that passed every check.
//!
//! The cache holds the items of each file as they were parsed, in load order; the indexes
//! and the region tree are worked out again on reading, as after a parse. A cache that
//! does not read back whole (another format, a truncated file, files that do not match)
//! is not used: the RON is parsed instead.

use std::io::Read;

use super::load::{Graph, Located, SourceText, assemble};
use serde::Serialize;

use super::model::{
    Cause, Finding, GraphFile, GuidancePage, Question, Region, Source, TriageLevel, TriageRule,
};

/// The first bytes of every cache: what it is, and the version of its layout.
const MAGIC: &[u8] = b"symptom-explorer parsed graph, postcard, layout 1\n";

/// A file's items, borrowed from the graph: it encodes exactly as the [`GraphFile`] they
/// were parsed into (postcard writes the fields in order, without names), without
/// copying the graph first.
#[derive(Default, Serialize)]
struct FileView<'g> {
    triage: Vec<&'g TriageLevel>,
    sources: Vec<&'g Source>,
    regions: Vec<&'g Region>,
    findings: Vec<&'g Finding>,
    causes: Vec<&'g Cause>,
    questions: Vec<&'g Question>,
    guidance: Vec<&'g GuidancePage>,
    rules: Vec<&'g TriageRule>,
}

/// Each item into the view of the file it came from.
fn put<'g, T>(
    files: &mut [FileView<'g>],
    items: &'g [Located<T>],
    f: for<'v> fn(&'v mut FileView<'g>) -> &'v mut Vec<&'g T>,
) -> Option<()> {
    for item in items {
        f(files.get_mut(item.file)?).push(&item.item);
    }
    Some(())
}

/// The graph's items, file by file, as bytes to store.
pub fn encode(graph: &Graph) -> Option<Vec<u8>> {
    let mut files: Vec<FileView> = std::iter::repeat_with(FileView::default)
        .take(graph.files.len())
        .collect();
    put(&mut files, &graph.triage, |g| &mut g.triage)?;
    put(&mut files, &graph.sources, |g| &mut g.sources)?;
    put(&mut files, &graph.regions, |g| &mut g.regions)?;
    put(&mut files, &graph.findings, |g| &mut g.findings)?;
    put(&mut files, &graph.causes, |g| &mut g.causes)?;
    put(&mut files, &graph.questions, |g| &mut g.questions)?;
    put(&mut files, &graph.guidance, |g| &mut g.guidance)?;
    put(&mut files, &graph.rules, |g| &mut g.rules)?;
    let mut out = MAGIC.to_vec();
    postcard::to_io(&files, &mut out).ok()?;
    Some(out)
}

/// The graph stored in `bytes`, for files of these names (in load order) with this
/// content version; `None` when the bytes are not a whole cache of exactly that many
/// files.
pub fn decode(names: Vec<String>, content_version: String, bytes: &[u8]) -> Option<Graph> {
    read(names, content_version, bytes)
}

/// [`decode`], reading the cache as it goes: the memory peaks with the graph alone, not
/// with the graph and the whole cache (a quarter of the graph's size again, at 100,000
/// causes). `reader` should be buffered.
pub fn read(names: Vec<String>, content_version: String, mut reader: impl Read) -> Option<Graph> {
    let mut magic = [0u8; MAGIC.len()];
    reader.read_exact(&mut magic).ok()?;
    if magic != MAGIC {
        return None;
    }
    // Room for the longest single text: a longer one fails the read, and the RON is
    // parsed instead.
    let mut scratch = vec![0u8; SCRATCH_BYTES];
    let (parsed, (rest, _)): (Vec<GraphFile>, _) =
        postcard::from_io((&mut reader, &mut scratch)).ok()?;
    if rest.read(&mut [0u8; 1]).ok()? != 0 || parsed.len() != names.len() {
        return None;
    }
    let files = names
        .into_iter()
        .map(|name| SourceText::new(name, String::new()))
        .collect();
    Some(assemble(files, parsed, content_version))
}

/// The scratch space for one text while reading a cache.
const SCRATCH_BYTES: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Query, rank};
    use crate::graph::load::{bundled, content_version, parse_checked};

    fn names(files: &[SourceText]) -> Vec<String> {
        files.iter().map(|f| f.name.clone()).collect()
    }

    fn same(a: &Graph, b: &Graph) {
        assert_eq!(format!("{:?}", a.triage), format!("{:?}", b.triage));
        assert_eq!(format!("{:?}", a.sources), format!("{:?}", b.sources));
        assert_eq!(format!("{:?}", a.regions), format!("{:?}", b.regions));
        assert_eq!(format!("{:?}", a.findings), format!("{:?}", b.findings));
        assert_eq!(format!("{:?}", a.causes), format!("{:?}", b.causes));
        assert_eq!(format!("{:?}", a.questions), format!("{:?}", b.questions));
        assert_eq!(format!("{:?}", a.guidance), format!("{:?}", b.guidance));
        assert_eq!(format!("{:?}", a.rules), format!("{:?}", b.rules));
        assert_eq!(a.content_version, b.content_version);
        let names = |g: &Graph| g.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(a), names(b));
    }

    #[test]
    fn the_bundled_graph_reads_back_as_parsed() {
        let files = bundled();
        let version = content_version(&files);
        let parsed = parse_checked(files.clone()).expect("parses");
        let bytes = encode(&parsed).expect("encodes");
        let read = decode(names(&files), version, &bytes).expect("decodes");
        same(&parsed, &read);
        // And it ranks the same.
        let query = Query {
            regions: vec!["lower-back".into()],
            present: vec!["saddle-numbness".into(), "leg-weakness".into()],
            absent: vec![],
            age: Some(45),
            sex: None,
        };
        let (a, b) = (rank(&parsed, &query), rank(&read, &query));
        assert_eq!(a.triage, b.triage);
        let ids = |r: &crate::engine::Ranking| {
            r.causes.iter().map(|c| (c.id, c.score)).collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn the_view_encodes_as_the_parsed_files_do() {
        let files = bundled();
        let parsed: Vec<GraphFile> = files
            .iter()
            .map(|f| {
                ron::Options::default()
                    .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                    .from_str(&f.text)
                    .expect("parses")
            })
            .collect();
        let mut expected = MAGIC.to_vec();
        expected.extend(postcard::to_stdvec(&parsed).expect("encodes"));
        let graph = parse_checked(files).expect("parses");
        assert_eq!(encode(&graph).expect("encodes"), expected);
    }

    #[test]
    fn a_cache_that_does_not_read_back_whole_is_not_used() {
        let files = bundled();
        let version = content_version(&files);
        let graph = parse_checked(files.clone()).expect("parses");
        let bytes = encode(&graph).expect("encodes");
        for cut in [
            0,
            10,
            MAGIC.len(),
            MAGIC.len() + 1,
            bytes.len() / 2,
            bytes.len() - 1,
        ] {
            assert!(
                decode(names(&files), version.clone(), &bytes[..cut]).is_none(),
                "{cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(names(&files), version.clone(), &longer).is_none());
        let mut other = bytes.clone();
        other[3] ^= 0x20;
        assert!(
            decode(names(&files), version.clone(), &other).is_none(),
            "another magic"
        );
        let fewer = names(&files[..files.len() - 1]);
        assert!(decode(fewer, version, &bytes).is_none(), "other files");
    }
}
