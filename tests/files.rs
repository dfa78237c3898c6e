//! Graph files with limits, through the real binary: only regular files (a named pipe or
//! a device fails at once, never blocks), a size limit, a byte-order mark, invalid UTF-8
//! and the other loader messages in plain words, and a graph with nothing to show. Then
//! how long the adversarial files take to load: printed by an ignored test, not asserted
//! (machines are noisy); `benches/files.rs` measures the same files with criterion.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use symptom_explorer::graph::load::{MAX_FILE_BYTES, MAX_TOTAL_BYTES};
use symptom_explorer::graph::{self, SourceText};

#[path = "support/adversarial.rs"]
mod adversarial;

/// Long enough for a slow machine; a blocked read would never end.
const PATIENCE: Duration = Duration::from_secs(20);

/// Run the binary, killing it if it has not finished within [`PATIENCE`].
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_symptom-explorer"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().expect("waited").is_none() {
        if start.elapsed() > PATIENCE {
            child.kill().expect("killed");
            child.wait().expect("reaped");
            panic!("{args:?} did not finish within {PATIENCE:?}: it blocked or read without end");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

/// `check FILE...`: exit code 1, nothing on standard output, and standard error.
fn check_fails(paths: &[&Path]) -> String {
    let mut args = vec!["check"];
    args.extend(paths.iter().map(|p| p.to_str().expect("utf-8 path")));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    stderr(&out)
}

/// The first line of standard error, and a check that it is followed only by the count.
fn one_error(err: &str) -> &str {
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "one error and the count line: {err}");
    assert!(
        lines[1].starts_with("error: the graph is invalid: 1 error"),
        "{err}"
    );
    lines[0]
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path
}

// ---------------------------------------------------------------- special files

#[test]
fn a_named_pipe_fails_at_once_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("graph.ron");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(status) if status.success() => {}
        other => {
            eprintln!("skipped: mkfifo is not available here ({other:?})");
            return;
        }
    }
    let err = check_fails(&[&fifo]);
    assert_eq!(
        one_error(&err),
        format!(
            "{}: error: cannot read the file: it is a named pipe (FIFO), not a regular file",
            fifo.display()
        )
    );
    // Every command loads the same way.
    let out = run(&["--graph", fifo.to_str().expect("utf-8"), "causes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("named pipe (FIFO)"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn devices_fail_at_once_without_reading() {
    for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let path = Path::new(device);
        if !path.exists() {
            continue;
        }
        let err = check_fails(&[path]);
        assert_eq!(
            one_error(&err),
            format!("{device}: error: cannot read the file: it is a device, not a regular file")
        );
    }
}

#[test]
fn a_directory_is_not_a_graph_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = check_fails(&[dir.path()]);
    assert_eq!(
        one_error(&err),
        format!(
            "{}: error: cannot read the file: it is a directory, not a regular file",
            dir.path().display()
        )
    );
}

// ---------------------------------------------------------------- sizes

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let large = dir.path().join("large.ron");
    // Sparse: the size is what counts, and nothing is read.
    let file = std::fs::File::create(&large).expect("created");
    file.set_len(MAX_FILE_BYTES + 1).expect("sized");
    let err = check_fails(&[&large]);
    assert_eq!(
        one_error(&err),
        format!(
            "{}: error: the file is too large: 8.1 MiB, more than the 8 MiB a graph file may have",
            large.display()
        )
    );
}

#[test]
fn files_over_the_total_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Within the limit each, a little over it together (sparse files of zero bytes: the
    // last is refused before it is read, and the graph is not parsed).
    let n = MAX_TOTAL_BYTES.div_ceil(MAX_FILE_BYTES) + 1;
    let each = MAX_TOTAL_BYTES / n + 1;
    assert!(each <= MAX_FILE_BYTES);
    let paths: Vec<PathBuf> = (0..n)
        .map(|i| {
            let path = dir.path().join(format!("part-{i}.ron"));
            let file = std::fs::File::create(&path).expect("created");
            file.set_len(each).expect("sized");
            path
        })
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let err = check_fails(&refs);
    assert_eq!(
        one_error(&err),
        format!(
            "{}: error: the graph files are too large together: this one takes them past the 128 MiB allowed in total",
            paths[paths.len() - 1].display()
        )
    );
}

// ---------------------------------------------------------------- text

#[test]
fn a_byte_order_mark_is_accepted_and_places_stay_right() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = std::fs::read(fixture("valid.ron")).expect("fixture");
    let bom = write(
        dir.path(),
        "bom.ron",
        [&b"\xEF\xBB\xBF"[..], &valid].concat(),
    );
    let out = run(&["check", bom.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("ok: 1 file, 2 causes"),
        "{}",
        stdout(&out)
    );

    // A defect on the first line and one further down: the same places as without it.
    let broken = String::from_utf8(valid).expect("utf-8").replacen(
        "// A small",
        "Graph(bogus: 1) // A small",
        1,
    );
    let plain = write(dir.path(), "plain.ron", &broken);
    let marked = write(dir.path(), "marked.ron", format!("\u{FEFF}{broken}"));
    let without = check_fails(&[&plain]).replace(&plain.display().to_string(), "X");
    let with = check_fails(&[&marked]).replace(&marked.display().to_string(), "X");
    assert_eq!(with, without);
    assert!(with.starts_with("X:1:7: error: "), "{with}");

    let unknown = std::fs::read(fixture("unknown-finding.ron")).expect("fixture");
    let plain = write(dir.path(), "plain.ron", &unknown);
    let marked = write(
        dir.path(),
        "marked.ron",
        [&b"\xEF\xBB\xBF"[..], &unknown].concat(),
    );
    let without = check_fails(&[&plain]).replace(&plain.display().to_string(), "X");
    let with = check_fails(&[&marked]).replace(&marked.display().to_string(), "X");
    assert_eq!(with, without);
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = std::fs::read_to_string(fixture("valid.ron")).expect("fixture");
    // A Latin-1 byte in the name of the "fever" finding, after "F".
    let at = valid.find("name: \"Fever\"").expect("fever") + "name: \"F".len();
    let bytes = [&valid.as_bytes()[..at], &[0xFF], &valid.as_bytes()[at..]].concat();
    let bad = write(dir.path(), "latin1.ron", bytes);
    let err = check_fails(&[&bad]);
    let before = &valid[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    assert_eq!((line, col), (37, 38));
    assert_eq!(
        one_error(&err),
        format!(
            "{}:37:38: error: invalid UTF-8: byte 0xFF is not part of a character (save the file as UTF-8)",
            bad.display()
        )
    );
}

#[test]
fn nesting_too_deep_is_said_in_plain_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = std::fs::read_to_string(fixture("valid.ron")).expect("fixture");
    let deep = format!(
        "ask_if: {}Lacks(\"fever\"){},",
        "Not(".repeat(300),
        ")".repeat(300)
    );
    let text = valid.replacen(
        "ask_if: All([Lacks(\"fever\"), Not(InRegion(\"lower-back\"))]),",
        &deep,
        1,
    );
    assert_ne!(text, valid);
    let bad = write(dir.path(), "deep.ron", text);
    let err = check_fails(&[&bad]);
    let line = one_error(&err);
    assert!(
        line.starts_with(&format!("{}:", bad.display())),
        "located: {line}"
    );
    assert!(
        line.ends_with(": error: nested too deeply (more than 128 levels)"),
        "{line}"
    );
    assert!(
        !err.contains("ron::") && !err.contains("recursion"),
        "{err}"
    );
}

#[test]
fn an_id_written_with_an_escape_is_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = std::fs::read_to_string(fixture("valid.ron")).expect("fixture");
    // "night-pain" written with escapes, and with an empty name: an error about that item.
    let text = valid.replacen(
        "Finding(id: \"night-pain\", name: \"Pain at night\"",
        "Finding(id: \"night\\u{2d}p\\x61in\", name: \"\"",
        1,
    );
    assert_ne!(text, valid);
    let bad = write(dir.path(), "escaped.ron", &text);
    let err = check_fails(&[&bad]);
    let before = &text[..text.find("name: \"\"").expect("empty name")];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    assert_eq!(
        one_error(&err),
        format!(
            "{}:{line}:{col}: error: finding \"night-pain\" has an empty section \"name\"",
            bad.display()
        )
    );
    assert_eq!(line, 38);
}

#[test]
fn a_graph_with_no_regions_or_causes_is_rejected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let valid = std::fs::read_to_string(fixture("valid.ron")).expect("fixture");
    let triage_only = &valid[..valid.find("    sources: [").expect("sources")];
    let empty = write(
        dir.path(),
        "empty.ron",
        format!("{triage_only}    regions: [],\n)\n"),
    );
    let err = check_fails(&[&empty]);
    let lines: Vec<&str> = err.lines().collect();
    let name = empty.display();
    assert_eq!(
        lines,
        [
            format!("{name}: error: the graph has no causes"),
            format!("{name}:11:5: error: the graph has no regions"),
            "error: the graph is invalid: 2 errors in 1 file".to_string(),
        ]
    );
    let out = run(&["--graph", empty.to_str().expect("utf-8"), "causes"]);
    assert_eq!(out.status.code(), Some(1));
}

// ---------------------------------------------------------------- adversarial files

/// The adversarial files load fast enough that a test can say so without timing: each
/// finishes well within the patience of a test, with its errors.
#[test]
fn adversarial_files_are_reported_in_full() {
    let (graph, found) = check(adversarial::region_chain(4_000));
    assert!(graph.is_some() && found.is_empty(), "{:?}", found.first());

    let (_, found) = check(adversarial::unknown_references(20_000));
    let unknown = found
        .iter()
        .filter(|d| d.message.starts_with("unknown finding \"no-such-finding-"))
        .count();
    assert_eq!(unknown, 20_000);
    assert!(found.iter().all(|d| d.line > 0), "every reference located");

    let (_, found) = check(adversarial::unknown_parents(20_000));
    let unknown = found
        .iter()
        .filter(|d| d.message.starts_with("unknown parent region"))
        .count();
    assert_eq!(unknown, 20_000);

    let (_, found) = check(adversarial::long_unknown_id(1 << 20));
    assert!(
        found
            .iter()
            .any(|d| d.message.starts_with("unknown finding \"xxx")
                && !d.message.contains("did you mean"))
    );
}

fn check(text: String) -> (Option<graph::Graph>, Vec<graph::Diagnostic>) {
    graph::check(vec![SourceText::new("x.ron", text)])
}

/// `cargo test --release --test files -- --ignored --nocapture timings`: the median time
/// to load and validate each adversarial file, and a file twice the size (the ratio is
/// about 2 when the work is linear). `RUNS` sets the runs (5), `ONLY` filters by name,
/// and `ADVERSARIAL_DIR` also writes the files there.
#[test]
#[ignore]
fn timings() {
    type Make = fn(usize) -> String;
    let files: [(&str, Make, usize); 7] = [
        ("region chain", adversarial::region_chain, 4_000),
        (
            "unknown references",
            adversarial::unknown_references,
            20_000,
        ),
        ("unknown parents", adversarial::unknown_parents, 20_000),
        ("unknown id bytes", adversarial::long_unknown_id, 1 << 20),
        ("string bytes", adversarial::long_string, 3 << 20),
        (
            "cause over regions",
            adversarial::cause_over_every_region,
            5_000,
        ),
        ("region questions", adversarial::region_questions, 2_000),
    ];
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let only = std::env::var("ONLY").unwrap_or_default();
    for (name, make, n) in files.into_iter().filter(|(name, ..)| name.contains(&only)) {
        let mut medians = Vec::new();
        for size in [n, 2 * n] {
            let text = make(size);
            if let Ok(dir) = std::env::var("ADVERSARIAL_DIR") {
                let file = format!("{}-{size}.ron", name.replace(' ', "-"));
                std::fs::write(Path::new(&dir).join(file), &text).expect("written");
            }
            let mut times: Vec<Duration> = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(check(text.clone()));
                    start.elapsed()
                })
                .collect();
            times.sort();
            let median = times[runs / 2];
            println!(
                "{name:<20} {size:>8}  {:>6} KiB  median {median:>10.3?} over {runs} runs",
                text.len() / 1024
            );
            medians.push(median);
        }
        println!(
            "{name:<20} twice the size takes {:.1} times as long",
            medians[1].as_secs_f64() / medians[0].as_secs_f64()
        );
    }
}
