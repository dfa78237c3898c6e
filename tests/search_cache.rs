//! `search` on content that passed every check before reads the search index kept beside
//! the parsed graph, with no graph, and answers byte for byte as a search that loads the
//! graph: text and `--json`, a match and no match (with and without "did you mean"), on
//! the bundled graph and on a generated one. An index that does not read back whole is
//! not used.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use symptom_explorer::engine::search::{Index, cache};
use symptom_explorer::graph::{SourceText, parse};

#[path = "../examples/gen_graph.rs"]
#[allow(dead_code)]
mod gen_graph;

const BIN: &str = env!("CARGO_BIN_EXE_symptom-explorer");

/// Run with this cache directory; `stamps: false` turns the stamps off, so the graph is
/// always loaded, checked and indexed (the slow path).
fn run(cache: &Path, stamps: bool, args: &[String]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("XDG_CACHE_HOME", cache)
        .env("HOME", cache)
        .env_remove("SYMPTOM_EXPLORER_CONFIG")
        .env_remove("NO_COLOR");
    if stamps {
        cmd.env_remove("SYMPTOM_EXPLORER_NO_STAMPS");
    } else {
        cmd.env("SYMPTOM_EXPLORER_NO_STAMPS", "1");
    }
    cmd.output().expect("the program runs")
}

fn kept(cache: &Path) -> Vec<PathBuf> {
    let dir = cache.join("symptom-explorer/index");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Every search of the table, as (arguments, output).
fn searches(cache: &Path, stamps: bool, graph: &[String]) -> Vec<(Vec<String>, Output)> {
    let mut out = Vec::new();
    for query in [
        "sci",
        "back pain",
        "kidney stones",
        "shingels",
        "kidnee stoan",
        "qqqqqq zzzz",
    ] {
        for json in [false, true] {
            for limit in ["0", "3"] {
                let mut args = graph.to_vec();
                if json {
                    args.push("--json".into());
                }
                args.extend(["search".into(), "--limit".into(), limit.into()]);
                args.extend(query.split(' ').map(String::from));
                let output = run(cache, stamps, &args);
                out.push((args, output));
            }
        }
    }
    out
}

fn same(fast: &[(Vec<String>, Output)], slow: &[(Vec<String>, Output)]) {
    assert_eq!(fast.len(), slow.len());
    for ((args, a), (_, b)) in fast.iter().zip(slow) {
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        assert_eq!(text(&a.stdout), text(&b.stdout), "{args:?}");
        assert_eq!(text(&a.stderr), text(&b.stderr), "{args:?}");
        assert_eq!(a.status.code(), b.status.code(), "{args:?}");
    }
}

/// The searches answer the same from the kept index as from the graph, and the kept
/// index is what they read.
fn answers_the_same(graph: &[String]) {
    let cache = tempfile::tempdir().expect("a cache dir");
    let slow = searches(cache.path(), false, graph);
    assert!(kept(cache.path()).is_empty(), "no stamps, nothing kept");
    assert!(slow.iter().any(|(_, o)| o.status.success()), "some match");
    assert!(
        slow.iter().any(|(_, o)| o.status.code() == Some(1)),
        "some do not"
    );

    // The first load checks the content and keeps its index; every search after reads it.
    let first = run(
        cache.path(),
        true,
        &[graph, &["causes".to_string()]].concat(),
    );
    assert!(first.status.success(), "{first:?}");
    let index = kept(cache.path());
    assert_eq!(index.len(), 1, "kept after the first, checked, load");
    let original = std::fs::read(&index[0]).expect("read");
    same(&searches(cache.path(), true, graph), &slow);

    // The index is read, not the graph: another graph's index under this key answers.
    let other = parse(vec![SourceText::new(
        "t.ron",
        r#"Graph(findings: [Finding(id: "zebra", name: "Sciatic zebra", kind: General)])"#,
    )])
    .expect("parses");
    std::fs::write(&index[0], cache::encode(&Index::build(&other))).expect("replaced");
    let args: Vec<String> = [graph, &["search".to_string(), "sci".to_string()]].concat();
    let read = run(cache.path(), true, &args);
    assert!(
        String::from_utf8_lossy(&read.stdout).contains("Sciatic zebra"),
        "the kept index answered: {read:?}"
    );
    let slow_sci = &run(cache.path(), false, &args);

    // Damaged in every way: not used, and the answers are still the same.
    let mut flipped = original.clone();
    flipped[5] ^= 0xff;
    for damaged in [
        Vec::new(),
        original[..original.len() / 2].to_vec(),
        original[..original.len() - 1].to_vec(),
        [original.as_slice(), &[0]].concat(),
        flipped,
        b"not an index at all".to_vec(),
    ] {
        std::fs::write(&index[0], &damaged).expect("damaged");
        let again = run(cache.path(), true, &args);
        assert_eq!(again.stdout, slow_sci.stdout);
        assert_eq!(again.stderr, slow_sci.stderr);
        assert_eq!(again.status.code(), slow_sci.status.code());
        // And kept anew, whole, for the next search.
        assert_eq!(
            std::fs::read(&index[0]).expect("read"),
            original,
            "kept anew"
        );
    }
}

#[test]
fn the_bundled_graph_answers_the_same_from_its_kept_index() {
    answers_the_same(&[]);
}

#[test]
fn a_generated_graph_answers_the_same_from_its_kept_index() {
    let dir = tempfile::tempdir().expect("a graph dir");
    let mut graph = Vec::new();
    for (name, text) in gen_graph::graph_files(1_000).expect("generated") {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("written");
        graph.extend(["--graph".to_string(), path.display().to_string()]);
    }
    answers_the_same(&graph);
}
