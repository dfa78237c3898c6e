//! Stamps of content that passed the checks, so that a lookup need not run the validator
//! again on the very same bytes (it takes about as long as parsing: see BENCHMARKS.md).
//!
//! A stamp is an empty file in the user's cache directory, named by the SHA-256 of this
//! program's identity (its version, and the size and modification time of its
//! executable, so a rebuilt program never trusts stamps an older validator wrote) and of
//! every graph file's bytes, in load order, each with its length. It is written only
//! after a check that found no errors, and any change to any byte, to the order of the
//! files or to the program gives another name. Without a cache directory, or when the
//! executable cannot be identified, nothing is stamped and every load is checked.
//! `SYMPTOM_EXPLORER_NO_STAMPS` (set to anything but empty) turns stamps off.
//!
//! Beside the stamp, the graph parsed from those bytes is kept in compact binary
//! (`graph::cache`, at most [`MAX_GRAPHS`] of them), so a later lookup reads it instead
//! of parsing the RON again, and so is its search index (`engine::search::cache`, as
//! many), which `search` reads instead of the graph. Whoever can write the cache
//! directory can make a lookup use content that was never checked, by a stamp, a parsed
//! graph or an index alike: it is the account's own directory, and the threat model says
//! so.
//!
//! `check` never uses stamps: it always runs every check and reports the warnings too.
//! Each build and each version of the files leaves a stamp behind, so once there are more
//! than [`MAX_STAMPS`] the old ones are cleared before a new one is written.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use directories::ProjectDirs;
use sha2::{Digest, Sha256};

/// The stamp of content with this [`content_digest`](crate::graph::load::content_digest)
/// for this program, if stamps can be used at all.
pub fn key(content: &[u8; 32]) -> Option<String> {
    if std::env::var_os("SYMPTOM_EXPLORER_NO_STAMPS").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let program = format!(
        "{} {} {} {}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_secs(),
        modified.subsec_nanos()
    );
    Some(digest(&program, content))
}

/// The hex SHA-256 of a program identity and the content's digest.
fn digest(program: &str, content: &[u8; 32]) -> String {
    let mut hasher = Sha256::new();
    hasher.update((program.len() as u64).to_le_bytes());
    hasher.update(program.as_bytes());
    hasher.update(content);
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The most stamps kept (empty files, so only their count matters).
pub const MAX_STAMPS: usize = 256;

fn dir() -> Option<PathBuf> {
    let dirs = ProjectDirs::from("", "", "symptom-explorer")?;
    Some(dirs.cache_dir().join("checked"))
}

/// Whether content with this key passed every check before.
pub fn exists(key: &str) -> bool {
    dir().is_some_and(|d| exists_in(&d, key))
}

/// Remember that content with this key passed every check; best effort (a cache that
/// cannot be written only means the next load is checked again).
pub fn write(key: &str) {
    if let Some(d) = dir() {
        write_in(&d, key, MAX_STAMPS);
    }
}

fn exists_in(dir: &Path, key: &str) -> bool {
    dir.join(key).is_file()
}

fn write_in(dir: &Path, key: &str, max: usize) {
    write_bytes_in(dir, key, b"", max);
}

/// Write a file named `key` in `dir`, whole or not at all (a temporary file renamed into
/// place), after clearing the directory once it holds `max` files.
pub(super) fn write_bytes_in(dir: &Path, key: &str, bytes: &[u8], max: usize) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let stamps: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        if stamps.len() >= max {
            // Losing a stamp only means that content is checked again; losing a parsed
            // graph, that it is parsed again.
            stamps.iter().for_each(|p| drop(std::fs::remove_file(p)));
        }
    }
    let temp = dir.join(format!(".{key}.{}", std::process::id()));
    if std::fs::write(&temp, bytes).is_err() || std::fs::rename(&temp, dir.join(key)).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}

/// The most parsed graphs kept (they are about as large as the files they come from).
pub const MAX_GRAPHS: usize = 4;

fn graphs_dir() -> Option<PathBuf> {
    let dirs = ProjectDirs::from("", "", "symptom-explorer")?;
    Some(dirs.cache_dir().join("parsed"))
}

/// The parsed graph stored for content with this key (see `graph::cache`), if any, to
/// be read as it is decoded.
pub fn open_graph(key: &str) -> Option<std::io::BufReader<std::fs::File>> {
    let file = std::fs::File::open(graphs_dir()?.join(key)).ok()?;
    Some(std::io::BufReader::with_capacity(1 << 16, file))
}

/// Keep the parsed graph of content with this key, which passed every check; best effort.
pub fn write_graph(key: &str, bytes: &[u8]) {
    if let Some(d) = graphs_dir() {
        write_bytes_in(&d, key, bytes, MAX_GRAPHS);
    }
}

fn indexes_dir() -> Option<PathBuf> {
    let dirs = ProjectDirs::from("", "", "symptom-explorer")?;
    Some(dirs.cache_dir().join("index"))
}

/// The search index stored for content with this key (see `engine::search::cache`), if
/// any: the file, opened, and its size, for `cache::read` to read straight into the
/// index.
pub fn read_index(key: &str) -> Option<(std::fs::File, u64)> {
    let file = std::fs::File::open(indexes_dir()?.join(key)).ok()?;
    let size = file.metadata().ok()?.len();
    Some((file, size))
}

/// Keep the search index of content with this key, which passed every check; best
/// effort. As many are kept as parsed graphs.
pub fn write_index(key: &str, bytes: &[u8]) {
    if let Some(d) = indexes_dir() {
        write_bytes_in(&d, key, bytes, MAX_GRAPHS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::SourceText;

    fn files(texts: &[&str]) -> [u8; 32] {
        let files: Vec<SourceText> = texts.iter().map(|t| SourceText::new("x.ron", *t)).collect();
        crate::graph::load::content_digest(&files)
    }

    #[test]
    fn any_change_gives_another_key() {
        let base = digest("p", &files(&["Graph()", "Graph(regions: [])"]));
        assert_eq!(base.len(), 64);
        assert_eq!(
            base,
            digest("p", &files(&["Graph()", "Graph(regions: [])"]))
        );
        for other in [
            digest("p", &files(&["Graph() ", "Graph(regions: [])"])),
            digest("p", &files(&["Graph(regions: [])", "Graph()"])),
            digest("p", &files(&["Graph()Graph(regions: [])"])),
            digest("p", &files(&["Graph()Graph(", "regions: [])"])),
            digest("q", &files(&["Graph()", "Graph(regions: [])"])),
        ] {
            assert_ne!(base, other);
        }
    }

    #[test]
    fn a_stamp_is_found_once_written() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let at = dir.path().join("checked");
        let key = digest("p", &files(&["Graph()"]));
        assert!(!exists_in(&at, &key));
        write_in(&at, &key, 3);
        assert!(exists_in(&at, &key));
        let other = digest("p", &files(&["Graph( )"]));
        assert!(!exists_in(&at, &other));
        write_in(&at, &other, 3);
        write_in(&at, &digest("q", &files(&[])), 3);
        assert!(exists_in(&at, &key), "three stamps are kept");
        write_in(&at, &digest("r", &files(&[])), 3);
        assert!(!exists_in(&at, &key), "a fourth clears the others");
        assert!(exists_in(&at, &digest("r", &files(&[]))));
    }
}
