//! Terminal injection: control sequences and bidi controls in the content, in file names
//! and in arguments never reach a terminal or a pipe raw.
//!
//! `tests/fixtures/injection.ron` holds a payload in every kind of string: OSC 52
//! clipboard writes, window titles, screen clears, a cursor-position request, 8-bit CSI
//! (U+009B), carriage returns, backspaces and right-to-left overrides. The command line
//! refuses a graph with errors, so through the binary: `check` reports every payload at
//! its string, and no command's output or error output carries a byte of one, on a pipe
//! or on a terminal (where our own highlighting is the only escape sequence). Then, in
//! the library, the text each command would print for that graph passes the filter
//! `emit` uses without a byte of a payload, and the interface draws it without them.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use serde_json::Value;
use symptom_explorer::app::{Action, App, Options, keymap, update};
use symptom_explorer::cli::output::{Paint, printable};
use symptom_explorer::cli::{dot, rank, search, show};
use symptom_explorer::engine::{Query, Scope, Searcher};
use symptom_explorer::graph::{Graph, SourceText, parse};
use symptom_explorer::ui;

const FIXTURE: &str = "tests/fixtures/injection.ron";

/// The bytes that must never come out: ESC, BEL, BS, CR, U+009B and U+202E, plus every
/// other C0 control but the line feed, DEL, C1 and bidi control.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
        )
}

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    let found: Vec<char> = text.chars().filter(|&c| forbidden(c)).collect();
    assert!(found.is_empty(), "{what}: raw {found:?} in {text:?}");
}

fn path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_symptom-explorer"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

/// Run with `--graph tests/fixtures/injection.ron`.
fn run_injected(args: &[&str]) -> Output {
    let graph = path();
    let mut all = vec!["--graph", graph.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    run(&all)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

/// Standard output and error, both free of any payload byte.
#[track_caller]
fn clean_output(what: &str, o: &Output) -> (String, String) {
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_clean(&format!("{what}: stdout"), &out);
    assert_clean(&format!("{what}: stderr"), &err);
    (out, err)
}

/// `(line, column)` of every string in the fixture written with an escape: the strings
/// that carry a payload. The fixture is ASCII and has no quote in a comment.
fn planted_strings() -> Vec<(usize, usize)> {
    let source = std::fs::read_to_string(path()).expect("fixture");
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let quotes: Vec<usize> = line.match_indices('"').map(|(i, _)| i).collect();
        for pair in quotes.chunks(2) {
            if let [open, close] = *pair
                && line[open..close].contains('\\')
            {
                out.push((n + 1, open + 1));
            }
        }
    }
    out
}

// ---------------------------------------------------------------- through the binary

#[test]
fn check_reports_every_payload_at_its_string() {
    let o = run_injected(&["check", "--json"]);
    assert_eq!(code(&o), 1, "an invalid graph");
    let (out, _) = clean_output("check --json", &o);
    let found: Value = serde_json::from_str(&out).expect("JSON");
    let found = found.as_array().expect("an array of diagnostics");
    let mut located: Vec<(usize, usize)> = Vec::new();
    for d in found {
        let message = d["message"].as_str().unwrap_or_default();
        let line = d["line"].as_u64().unwrap_or(0) as usize;
        let col = d["col"].as_u64().unwrap_or(0) as usize;
        assert!(line > 0 && col > 0, "located: {d}");
        assert_eq!(d["file"], path().display().to_string());
        assert!(d["id"].is_string(), "names the item: {d}");
        if message.contains("control") || message.contains("bidi") {
            located.push((line, col));
        } else {
            assert!(message.starts_with("unknown related cause"), "{message}");
        }
    }
    located.sort_unstable();
    located.dedup();
    assert_eq!(
        located,
        planted_strings(),
        "each payload reported once, at its string"
    );
    assert!(located.len() >= 30, "a payload in every kind of string");

    let o = run_injected(&["check"]);
    assert_eq!(code(&o), 1);
    let (out, err) = clean_output("check", &o);
    assert!(out.is_empty(), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), found.len() + 1, "{err}");
    let prefix = format!("{}:", path().display());
    for line in &lines[..found.len()] {
        assert!(line.starts_with(&prefix), "FILE:LINE:COL: {line}");
    }
    assert!(
        err.contains(r#"guidance page id "when-to-get-help\u{1b}[2J" has a control character U+001B (escape)"#),
        "the id is shown with its escape: {err}"
    );
    assert!(
        err.contains(r#"unknown related cause "spinal-infection\u{d}""#),
        "{err}"
    );
}

#[test]
fn no_command_writes_a_payload_byte() {
    let commands: &[&[&str]] = &[
        &["regions"],
        &["findings"],
        &["causes"],
        &["causes", "--region", "back"],
        &["search", "strain"],
        &["show", "strain"],
        &["show", "when-to-get-help"],
        &["rank", "--region", "back"],
        &["dot"],
    ];
    for args in commands {
        for json in [false, true] {
            let mut args = args.to_vec();
            if json {
                args.push("--json");
            }
            let what = args.join(" ");
            let o = run_injected(&args);
            assert_eq!(code(&o), 1, "{what}: refused, the graph is invalid");
            let (out, err) = clean_output(&what, &o);
            assert!(out.is_empty(), "{what}: {out}");
            if json {
                // One JSON object, the payload escaped as JSON escapes it.
                assert!(
                    err.contains(r#""id":"when-to-get-help\u001b[2J""#),
                    "{what}: the errors are printed, escaped: {err}"
                );
                let v: Value = serde_json::from_str(&err).expect("JSON");
                assert_eq!(
                    v["error"]["message"],
                    "the graph is invalid: 33 errors in 1 file"
                );
                continue;
            }
            assert!(
                err.contains(r#""when-to-get-help\u{1b}[2J""#),
                "{what}: the errors are printed, escaped: {err}"
            );
            assert!(err.ends_with("error: the graph is invalid: 33 errors in 1 file\n"));
        }
    }
}

#[test]
fn payloads_in_arguments_are_escaped() {
    let title = "\u{1b}]0;pwned\u{7}";
    // Standard output: the query is echoed in JSON.
    let o = run(&["search", "--json", &format!("back{title}\u{9b}2J\u{202e}")]);
    assert_eq!(code(&o), 1, "nothing matches \"pwned\"");
    let (out, _) = clean_output("search --json", &o);
    assert!(
        out.contains(r#""query": "back\u001b]0;pwned\u0007\u009b2J\u202e""#),
        "{out}"
    );
    let value: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(value["query"], format!("back{title}\u{9b}2J\u{202e}"));
    // Standard error in text (nothing matches); nothing raw.
    let o = run(&["search", &format!("zzqx{title}")]);
    let (_, err) = clean_output("search", &o);
    assert!(err.contains(r"\u{1b}]0;pwned\u{7}"), "{err}");
    // Usage errors.
    let cases: &[(&[&str], &str)] = &[
        (&["show", "\u{1b}[2J"], r#"unknown id "\u{1b}[2J""#),
        (&["rank", "--region", "back\r\u{8}"], r#""back\u{d}\u{8}""#),
        (&["causes", "--region", "\u{202e}kcab"], r"\u{202e}kcab"),
        // clap's own message echoes the value
        (
            &["rank", "--age", "\u{1b}]52;c;SGVsbG8=\u{7}"],
            r"\u{1b}]52;c;",
        ),
        (&["\u{9b}2J"], r"\u{9b}2J"),
    ];
    for (args, shown) in cases {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}: a usage error");
        let (out, err) = clean_output(&format!("{args:?}"), &o);
        assert!(out.is_empty(), "{out}");
        assert!(err.contains(shown), "{args:?}: {err}");
    }
}

#[test]
fn payloads_in_file_names_are_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("graph\u{1b}]0;pwned\u{7}\u{202e}.ron");
    std::fs::write(&file, "Graph(regions: [Region(id: \"x\" name: \"X\")])").expect("write");
    let name = file.to_str().expect("utf-8");
    let o = run(&["check", name]);
    assert_eq!(code(&o), 1);
    let (_, err) = clean_output("check", &o);
    assert!(
        err.contains(r"graph\u{1b}]0;pwned\u{7}\u{202e}.ron:1:"),
        "{err}"
    );
    let o = run(&["check", "--json", name]);
    let (out, _) = clean_output("check --json", &o);
    assert!(
        out.contains(r"graph\u001b]0;pwned\u0007\u202e.ron"),
        "{out}"
    );
    let o = run(&["--graph", name, "regions"]);
    assert_eq!(code(&o), 1);
    clean_output("regions", &o);
    let missing = dir.path().join("none\u{1b}[2J.ron");
    let o = run(&["check", missing.to_str().expect("utf-8")]);
    let (_, err) = clean_output("check", &o);
    assert!(
        err.contains(r"none\u{1b}[2J.ron: error: cannot read"),
        "{err}"
    );
}

/// Everything a command writes to a terminal (standard output and error together).
fn run_on_a_pty(args: &[&str]) -> String {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_symptom-explorer"));
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let reading = thread::spawn(move || {
        let mut out = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    });
    child.wait().expect("it exits");
    drop(pair.master);
    text(&reading.join().expect("the output"))
}

#[test]
fn on_a_terminal_only_our_highlighting_is_written() {
    let styled = run_on_a_pty(&["search", "sciatica"]);
    assert!(
        styled.contains("\u{1b}["),
        "highlighted on a terminal: {styled:?}"
    );
    let cases: &[(&[&str], &str)] = &[
        (
            &["search", "zzqx\u{1b}]0;pwned\u{7}"],
            r"\u{1b}]0;pwned\u{7}",
        ),
        (&["search", "--json", "\u{9b}2J\u{202e}"], r"\u009b2J\u202e"),
        (&["show", "\u{1b}[2J\u{8}"], r#""\u{1b}[2J\u{8}""#),
        (
            &["rank", "--age", "\u{1b}]52;c;SGVsbG8=\u{7}"],
            r"\u{1b}]52;c;",
        ),
        (
            &["--graph", FIXTURE, "check"],
            r#""when-to-get-help\u{1b}[2J""#,
        ),
        (
            &["--graph", FIXTURE, "causes"],
            r#""spinal-infection\u{d}""#,
        ),
    ];
    for (args, shown) in cases {
        let out = run_on_a_pty(args);
        // The terminal turns each line feed into CR LF.
        let plain = without_sgr(&out).replace("\r\n", "\n");
        assert_clean(&format!("{args:?} on a pty"), &plain);
        assert!(plain.contains(shown), "{args:?}: {plain}");
    }
}

// ---------------------------------------------------------------- in the library

/// The fixture, parsed but not validated: what the commands would print were it loaded.
fn injected_graph() -> Graph {
    let source = std::fs::read_to_string(path()).expect("fixture");
    parse(vec![SourceText::new(FIXTURE, source)]).expect("the fixture parses")
}

/// Every text a command prints for the graph.
fn every_text(paint: &Paint, graph: &Graph) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in &graph.causes {
        out.push((format!("show {}", c.id), show::cause_text(paint, graph, c)));
    }
    for f in &graph.findings {
        out.push((
            format!("show {}", f.id),
            show::finding_text(paint, graph, f),
        ));
    }
    for g in &graph.guidance {
        out.push((format!("show {}", g.id), show::guide_text(paint, graph, g)));
    }
    for r in &graph.regions {
        out.push((format!("show {}", r.id), show::region_text(paint, graph, r)));
    }
    for s in &graph.sources {
        out.push((format!("show {}", s.id), show::source_text(paint, graph, s)));
    }
    for q in &graph.questions {
        out.push((
            format!("show {}", q.id),
            show::question_text(paint, graph, q),
        ));
    }
    for query in ["strain", "pulled", "temperature", "back"] {
        let hits = Searcher::default().search(graph, query, Scope::Both, &[]);
        assert!(!hits.is_empty(), "{query}");
        let index = symptom_explorer::engine::search::Index::build(graph);
        let text = search::render(paint, &index, query, &hits);
        out.push((format!("search {query}"), text));
    }
    let query = Query {
        regions: vec!["back".to_string(), "lower-back".to_string()],
        present: vec!["fever".to_string(), "saddle-numbness".to_string()],
        ..Query::default()
    };
    let ranking = symptom_explorer::engine::rank(graph, &query);
    out.push(("rank".to_string(), rank::render(paint, graph, &ranking, 10)));
    out.push(("dot".to_string(), dot::render(graph, &dot::build(graph))));
    out
}

/// The text with the program's own highlighting (`ESC [ digits ; m`) taken out.
fn without_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(params) = rest.strip_prefix("\u{1b}[") {
            let n = params
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b';')
                .count();
            if params.as_bytes().get(n) == Some(&b'm') {
                rest = &params[n + 1..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[test]
fn every_text_output_comes_out_escaped() {
    let graph = injected_graph();
    let pipe = Paint::plain(80);
    let texts = every_text(&pipe, &graph);
    let joined: String = texts.iter().map(|(_, t)| t.as_str()).collect();
    for shown in [
        r"\u{1b}]52;c;SGVsbG8=\u{7}",
        r"\u{9b}2J",
        r"\u{202e}",
        r"\u{8}",
        r"a torn muscle\u{1b}]8;;https://example.org\u{7}link\u{202e}",
    ] {
        assert!(
            joined.contains(shown),
            "the payloads show, escaped: {shown}"
        );
    }
    for (what, text) in &texts {
        assert_clean(what, &printable(text, false));
    }
    let terminal = Paint {
        styled: true,
        color: true,
        width: 80,
    };
    for (what, text) in every_text(&terminal, &graph) {
        let shown = printable(&text, true);
        assert_clean(&what, &without_sgr(&shown));
    }
    let styled = show::cause_text(&terminal, &graph, &graph.causes[0]);
    assert!(
        printable(&styled, true).contains("\u{1b}[1m"),
        "our own highlighting stays on a terminal"
    );
}

#[test]
fn the_interface_draws_no_payload_character() {
    let views: &[&[KeyCode]] = &[
        &[],
        &[KeyCode::Enter],
        &[KeyCode::Enter, KeyCode::Char('y')],
        &[KeyCode::Enter, KeyCode::Char('y'), KeyCode::Char('n')],
        &[KeyCode::Down, KeyCode::Enter, KeyCode::Char('n')],
        &[KeyCode::Enter, KeyCode::Tab, KeyCode::Enter],
        &[KeyCode::Enter, KeyCode::Tab, KeyCode::Down, KeyCode::Enter],
        &[KeyCode::Char('/'), KeyCode::Char('s'), KeyCode::Char('t')],
        &[KeyCode::Char('/'), KeyCode::Char('s'), KeyCode::Enter],
        &[KeyCode::Char('/'), KeyCode::Char('f'), KeyCode::Char('e')],
        &[
            KeyCode::Char('/'),
            KeyCode::Char('\u{202e}'),
            KeyCode::Char('x'),
        ],
        &[KeyCode::Char('?')],
    ];
    let mut drawn = 0;
    for ascii in [false, true] {
        for keys in views {
            let options = Options {
                ascii,
                ..Options::default()
            };
            let mut app = App::new(injected_graph(), options);
            for &key in *keys {
                if let Some(action) = keymap::action_for(&app, &KeyEvent::from(key)) {
                    update(&mut app, action);
                }
            }
            for (w, h) in [(80, 24), (120, 40)] {
                update(&mut app, Action::Resize(w, h));
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
                terminal.draw(|f| ui::draw(f, &app)).expect("draws");
                for cell in terminal.backend().buffer().content() {
                    assert_clean(&format!("{keys:?} at {w}x{h}"), cell.symbol());
                }
                drawn += 1;
            }
        }
    }
    assert_eq!(drawn, views.len() * 4);
}
