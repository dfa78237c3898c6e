//! The parsed graph kept beside a check stamp (`graph::cache`, `cli::stamp`): a later
//! lookup reads it instead of parsing the RON, and gives exactly the same answers; a cache
//! that is damaged, cut short or from something else is not used; other bytes in a file
//! never meet a cache made for the old ones.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_symptom-explorer");

fn run(cache: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env("HOME", cache)
        .env_remove("SYMPTOM_EXPLORER_NO_STAMPS")
        .output()
        .expect("the program runs")
}

fn parsed(cache: &Path) -> Vec<std::path::PathBuf> {
    let dir = cache.join("symptom-explorer/parsed");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// A folder holding a copy of the valid fixture as `g.ron`, for the test to change.
fn graph_dir() -> tempfile::TempDir {
    let graph = tempfile::tempdir().expect("a graph dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.ron");
    std::fs::copy(&fixture, graph.path().join("g.ron")).expect("copied");
    graph
}

#[test]
fn a_lookup_reads_the_kept_graph_and_answers_the_same() {
    let (cache, graph) = (tempfile::tempdir().expect("a cache dir"), graph_dir());
    let file = graph.path().join("g.ron").display().to_string();
    let args = [
        "--graph",
        &file,
        "--json",
        "rank",
        "--region",
        "lower-back",
        "--finding",
        "fever",
    ];
    let first = run(cache.path(), &args);
    assert!(first.status.success(), "{first:?}");
    assert_eq!(
        parsed(cache.path()).len(),
        1,
        "kept after the first, checked, load"
    );
    let kept = parsed(cache.path()).remove(0);
    let second = run(cache.path(), &args);
    assert_eq!(second.stdout, first.stdout, "read back, the same answer");

    // Damaged in every way: not used, and the answer is still the same.
    let bytes = std::fs::read(&kept).expect("read");
    let mut flipped = bytes.clone();
    flipped[2] ^= 0xff;
    for damaged in [
        Vec::new(),
        bytes[..bytes.len() / 2].to_vec(),
        flipped,
        b"not a graph at all".to_vec(),
    ] {
        std::fs::write(&kept, &damaged).expect("damaged");
        let again = run(cache.path(), &args);
        assert!(again.status.success(), "{again:?}");
        assert_eq!(again.stdout, first.stdout);
    }

    // Other bytes in the file: another key, checked and kept anew; the old cache is not met.
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace("Muscle strain", "Muscle strain or sprain"),
    )
    .expect("edited");
    let edited = run(cache.path(), &["--graph", &file, "show", "strain"]);
    let shown = String::from_utf8_lossy(&edited.stdout);
    assert!(shown.contains("Muscle strain or sprain"), "{shown}");
    assert_eq!(parsed(cache.path()).len(), 2);
    let again = run(cache.path(), &["--graph", &file, "show", "strain"]);
    assert_eq!(again.stdout, edited.stdout);
}

#[test]
fn a_kiosk_keeps_no_parsed_graph() {
    let cache = tempfile::tempdir().expect("a cache dir");
    let out = run(cache.path(), &["--kiosk", "regions"]);
    assert!(out.status.success(), "{out:?}");
    let out = run(cache.path(), &["--kiosk", "search", "sciatica"]);
    assert!(out.status.success(), "{out:?}");
    assert!(parsed(cache.path()).is_empty());
    assert!(!cache.path().join("symptom-explorer").exists());
}

fn known(cache: &Path) -> usize {
    std::fs::read_dir(cache.join("symptom-explorer/known")).map_or(0, |d| d.flatten().count())
}

/// Files left alone for a while are then known by their metadata (`cli::known`), and a
/// lookup need not read them; but a file written again, even to the same size, is read,
/// checked and refused when it has errors.
#[test]
fn files_known_by_their_metadata_are_read_again_once_written() {
    let (cache, graph) = (tempfile::tempdir().expect("a cache dir"), graph_dir());
    let file = graph.path().join("g.ron").display().to_string();
    let args = ["--graph", &file, "show", "strain"];
    let first = run(cache.path(), &args);
    assert!(first.status.success(), "{first:?}");
    assert_eq!(known(cache.path()), 0, "just written: not remembered yet");

    std::thread::sleep(std::time::Duration::from_millis(2200));
    let second = run(cache.path(), &args);
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(known(cache.path()), 1, "left alone: remembered");
    let third = run(cache.path(), &args);
    assert_eq!(
        third.stdout, first.stdout,
        "known by its metadata, the same"
    );

    // The same size, and a link to a finding that does not exist: refused at once.
    let text = std::fs::read_to_string(&file).expect("read");
    let broken = text.replacen("(\"fever\", Strong)", "(\"fewer\", Strong)", 1);
    assert_eq!(broken.len(), text.len());
    assert_ne!(broken, text);
    std::fs::write(&file, broken).expect("written");
    let refused = run(cache.path(), &args);
    assert!(!refused.status.success(), "{refused:?}");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("fewer"), "{said}");
}
