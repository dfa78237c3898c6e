//! Loading the graph for a command: the `--graph` files, or the bundled graph, and the
//! content packs after them (`--pack` and the `packs` setting; a directory given as a
//! pack means every `*.ron` in it, sorted by name). Packs are read and checked exactly
//! as `--graph` files are.
//!
//! The graph is always validated first; a command never runs on a graph with errors.
//! Content whose very bytes passed every check before, with this very program, is not
//! checked again (see `stamp`): a stamp is written only after a check with no errors,
//! and never in kiosk mode, which writes nothing.
//! Diagnostics go to standard error (the command's own output is on standard output).
//!
//! Only regular files are read: the type is checked before the file is opened, so a
//! named pipe or a device (`/dev/zero`, `/dev/urandom`, a terminal) is refused at once
//! instead of blocking or reading without end, and checked again on what was opened.
//! A file may hold at most [`MAX_FILE_BYTES`], all of them [`MAX_TOTAL_BYTES`], and no
//! more than that is ever read.

use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::known::Files;
use super::output::{count, error_line};
use super::{Failure, Globals, stamp};
use crate::engine::search;
use crate::graph::cache;
use crate::graph::load::{
    MAX_FILE_BYTES, MAX_TOTAL_BYTES, bundled, content_digest, parse_checked_as, version_of,
};
use crate::graph::validate::check_as;
use crate::graph::{Diagnostic, Graph, SourceText};

/// The graph to use: the `--graph` files, validated, or the bundled graph.
/// On errors, prints them and a count line to standard error. Warnings are left to
/// `check`, so that lookups stay quiet.
pub fn load(globals: &Globals) -> Result<Graph, Failure> {
    load_keyed(globals).map(|(graph, _)| graph)
}

/// [`load`], and the stamp key of the content when it passed every check (now or
/// before) and stamps are on: what kept files for it are named by.
pub fn load_keyed(globals: &Globals) -> Result<(Graph, Option<String>), Failure> {
    // A kiosk writes nothing at all, not even a stamp.
    let may_write = !globals.config.kiosk.enabled;
    let files = Files::of(&globals.graph, &globals.config.packs);
    // Files known by their metadata to be the very bytes that passed every check before:
    // the graph parsed from them then is read back without opening them.
    if let Some(files) = &files
        && let Some(digest) = files.digest()
        && let Some(key) = checked(&digest)
        && let Some(graph) = stamp::open_graph(&key)
            .and_then(|reader| cache::read(files.names(), version_of(&digest), reader))
    {
        return Ok((graph, Some(key)));
    }
    let read = || {
        read_with_packs(&globals.graph, &globals.config.packs).map_err(|errors| {
            print_failed(&errors, 0, globals.json);
            Failure::Graph
        })
    };
    let mut sources = read()?;
    let file_count = sources.len();
    // One pass over the bytes gives both the stamp's key and the content version.
    let content = content_digest(&sources);
    let key = stamp::key(&content);
    // Next time, these files are known by their metadata (if they did not change while
    // they were read): only content that passed every check is remembered.
    let remember = || {
        if may_write && let Some(files) = &files {
            files.remember(&content);
        }
    };
    if let Some(key) = &key
        && stamp::exists(key)
    {
        // These bytes passed every check before: the graph parsed from them then is read
        // back if it was kept; else they parse as they did then, and their text is not
        // needed to place anything.
        let version = version_of(&content);
        remember();
        if let Some(reader) = stamp::open_graph(key) {
            let names = sources.iter().map(|s| s.name.clone()).collect();
            // The texts are not needed to read the graph back: let them go first, so the
            // memory peaks with the graph alone (read again in the rare case it fails).
            drop(std::mem::take(&mut sources));
            if let Some(graph) = cache::read(names, version.clone(), reader) {
                return Ok((graph, Some(key.clone())));
            }
            sources = read()?;
        }
        let graph = parse_checked_as(sources, version).map_err(|errors| {
            print_failed(&errors, file_count, globals.json);
            Failure::Graph
        })?;
        if may_write {
            keep(key, &graph);
        }
        return Ok((graph, Some(key.clone())));
    }
    let (graph, diagnostics) = check_as(sources, version_of(&content));
    match graph {
        Some(mut graph) if !diagnostics.iter().any(Diagnostic::is_error) => {
            graph.let_go_of_texts();
            if let Some(key) = &key
                && may_write
            {
                stamp::write(key);
                remember();
                keep(key, &graph);
            }
            Ok((graph, key))
        }
        _ => {
            let errors: Vec<Diagnostic> = diagnostics
                .into_iter()
                .filter(super::super::graph::diagnostic::Diagnostic::is_error)
                .collect();
            print_failed(&errors, file_count, globals.json);
            Err(Failure::Graph)
        }
    }
}

/// The stamp key of content with this digest, if it passed every check before.
fn checked(digest: &[u8; 32]) -> Option<String> {
    let key = stamp::key(digest)?;
    stamp::exists(&key).then_some(key)
}

/// The stamp key of the content the globals name, if that content passed every check
/// before and its files are known by their metadata (see `known`); found without
/// opening the files. `None` means: load it the usual way.
pub fn checked_key(globals: &Globals) -> Option<String> {
    checked(&Files::of(&globals.graph, &globals.config.packs)?.digest()?)
}

/// Keep the parsed graph of content that passed every check, and its search index, each
/// encoded and written on its own core.
fn keep(key: &str, graph: &Graph) {
    std::thread::scope(|scope| {
        scope.spawn(|| keep_index(key, graph));
        if let Some(bytes) = cache::encode(graph) {
            stamp::write_graph(key, &bytes);
        }
    });
}

/// Keep the search index of content that passed every check beside its parsed graph,
/// for `search` to read instead of the graph.
fn keep_index(key: &str, graph: &Graph) {
    stamp::write_index(key, &search::cache::encode(&search::Index::build(graph)));
}

/// The graph files (the bundled ones when none are given) and then the packs, within
/// one budget of [`MAX_TOTAL_BYTES`].
pub fn read_with_packs(
    graph: &[PathBuf],
    packs: &[PathBuf],
) -> Result<Vec<SourceText>, Vec<Diagnostic>> {
    let (files, mut errors) = pack_files(packs);
    let mut sources = match read_sources(graph) {
        Ok(sources) => sources,
        Err(e) => {
            errors.extend(e);
            Vec::new()
        }
    };
    read_each(&files, &mut sources, &mut errors);
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// The files the packs name: a file as it is, a directory as its `*.ron` files sorted
/// by name (not its subdirectories).
pub fn pack_files(packs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for pack in packs {
        if !fs::metadata(pack).is_ok_and(|m| m.is_dir()) {
            files.push(pack.clone());
            continue;
        }
        match fs::read_dir(pack) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| {
                        path.extension().is_some_and(|e| e == "ron")
                            && !fs::metadata(path).is_ok_and(|m| m.is_dir())
                    })
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(e) => errors.push(Diagnostic::error(
                &pack.display().to_string(),
                (0, 0),
                format!("cannot read the pack directory: {e}"),
            )),
        }
    }
    (files, errors)
}

/// The text of each file, or the bundled files when none are given.
/// A file that cannot be read is an error diagnostic for that file.
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<SourceText>, Vec<Diagnostic>> {
    if paths.is_empty() {
        return Ok(bundled());
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    read_each(paths, &mut sources, &mut errors);
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// Read each file after `sources`, within what [`MAX_TOTAL_BYTES`] leaves after them; a
/// file that cannot be read is an error diagnostic for that file.
fn read_each(paths: &[PathBuf], sources: &mut Vec<SourceText>, errors: &mut Vec<Diagnostic>) {
    let mut total: u64 = sources.iter().map(|s| s.text.len() as u64).sum();
    for path in paths {
        match read_file(path, MAX_TOTAL_BYTES.saturating_sub(total)) {
            Ok(source) => {
                total += source.text.len() as u64;
                sources.push(source);
            }
            Err(e) => errors.push(e),
        }
    }
}

/// One graph file, if it is a regular file within the limits: `left` is what the total
/// allows after the files before it.
pub fn read_file(path: &Path, left: u64) -> Result<SourceText, Diagnostic> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic::error(&name, (0, 0), message);
    let cannot = |e: std::io::Error| fail(format!("cannot read the file: {e}"));
    // Before opening: opening a named pipe waits for a writer.
    regular(&fs::metadata(path).map_err(cannot)?).map_err(&fail)?;
    let file = File::open(path).map_err(cannot)?;
    // It may have been replaced in between.
    let opened = file.metadata().map_err(cannot)?;
    regular(&opened).map_err(&fail)?;
    within_limits(opened.len(), left).map_err(&fail)?;
    // Room for the whole file and the byte that shows it has ended, so the text is not
    // grown by doubling (up to twice the file's size, for the whole load).
    let room = opened.len().min(MAX_FILE_BYTES.min(left)) + 1;
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(MAX_FILE_BYTES.min(left) + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    // It may have grown since.
    within_limits(bytes.len() as u64, left).map_err(&fail)?;
    SourceText::from_bytes(&name, bytes)
}

/// An error unless the metadata is a regular file's.
fn regular(meta: &Metadata) -> Result<(), String> {
    if meta.is_file() {
        return Ok(());
    }
    Err(format!(
        "cannot read the file: it is {}, not a regular file",
        file_kind(meta)
    ))
}

/// What a file that is not a regular file is, in words.
fn file_kind(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

fn within_limits(size: u64, left: u64) -> Result<(), String> {
    if size > MAX_FILE_BYTES {
        Err(format!(
            "the file is too large: {}, more than the {} a graph file may have",
            mebibytes(size),
            mebibytes(MAX_FILE_BYTES)
        ))
    } else if size > left {
        Err(format!(
            "the graph files are too large together: this one takes them past the {} allowed in total",
            mebibytes(MAX_TOTAL_BYTES)
        ))
    } else {
        Ok(())
    }
}

/// `8 MiB`, `9.5 MiB`: rounded up, so a size over a limit never reads as the limit.
fn mebibytes(bytes: u64) -> String {
    let mib = (bytes as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0;
    if mib.fract() == 0.0 {
        format!("{mib:.0} MiB")
    } else {
        format!("{mib:.1} MiB")
    }
}

/// Every diagnostic, then the line that says the graph is invalid; under `--json`, one
/// JSON object with all of them (see `json_error`).
fn print_failed(errors: &[Diagnostic], files: usize, json: bool) {
    if json {
        super::json_error::JsonError::graph(errors, files).print();
        return;
    }
    for d in errors {
        error_line(&d.to_string());
    }
    error_line(&failed_line(errors.len(), 0, files));
}

/// `error: the graph is invalid: 3 errors, 1 warning in 5 files`.
pub fn failed_line(errors: usize, warnings: usize, files: usize) -> String {
    let mut line = format!(
        "error: the graph is invalid: {}",
        count(errors, "error", "errors")
    );
    if warnings > 0 {
        line.push_str(&format!(", {}", count(warnings, "warning", "warnings")));
    }
    if files > 0 {
        line.push_str(&format!(" in {}", count(files, "file", "files")));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_mebibytes() {
        assert_eq!(mebibytes(MAX_FILE_BYTES), "8 MiB");
        assert_eq!(mebibytes(MAX_FILE_BYTES + 1024 * 1024 / 2), "8.5 MiB");
        assert_eq!(mebibytes(MAX_FILE_BYTES + 1), "8.1 MiB");
    }

    #[test]
    fn only_regular_files_within_the_limits_are_read() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let err = read_file(dir.path(), MAX_TOTAL_BYTES).unwrap_err();
        assert!(
            err.message
                .ends_with("it is a directory, not a regular file"),
            "{err}"
        );
        assert_eq!((err.line, err.col), (0, 0));

        let small = dir.path().join("small.ron");
        fs::write(&small, "\u{FEFF}Graph()").expect("written");
        assert_eq!(
            read_file(&small, MAX_TOTAL_BYTES).map(|s| s.text),
            Ok("Graph()".into())
        );
        let err = read_file(&small, 3).unwrap_err();
        assert!(err.message.contains("128 MiB allowed in total"), "{err}");

        let large = dir.path().join("large.ron");
        let file = File::create(&large).expect("created");
        file.set_len(MAX_FILE_BYTES + 1).expect("sized");
        let err = read_file(&large, MAX_TOTAL_BYTES).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: error: the file is too large: 8.1 MiB, more than the 8 MiB a graph file may have",
                large.display()
            )
        );
    }

    #[test]
    fn a_pack_directory_is_its_ron_files_in_name_order() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        for name in ["b.ron", "a.ron", "notes.txt"] {
            fs::write(dir.path().join(name), "()").expect("written");
        }
        fs::create_dir(dir.path().join("c.ron")).expect("a directory named like a pack");
        let single = dir.path().join("single.ron");
        let (files, errors) = pack_files(&[single.clone(), dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(
            files,
            [single, dir.path().join("a.ron"), dir.path().join("b.ron"),]
        );
    }

    #[test]
    fn packs_come_after_the_graph_and_an_unreadable_one_is_an_error() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let pack = dir.path().join("pack.ron");
        fs::write(&pack, "(causes: [])").expect("written");
        let sources = read_with_packs(&[], std::slice::from_ref(&pack)).expect("read");
        assert_eq!(sources.len(), bundled().len() + 1);
        assert_eq!(
            sources.last().map(|s| s.name.clone()),
            Some(pack.display().to_string())
        );
        let missing = dir.path().join("missing.ron");
        let errors = read_with_packs(&[], &[missing]).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.starts_with("cannot read the file"),
            "{}",
            errors[0]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_without_reading() {
        let err = read_file(Path::new("/dev/zero"), MAX_TOTAL_BYTES).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/dev/zero: error: cannot read the file: it is a device, not a regular file"
        );
    }
}
