//! What packagers and scripts expect of the binary: shell completions, a manual page, the
//! content version in `--version`, errors as JSON under `--json`, and `show` by name.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use symptom_explorer::graph::Graph;

const SUBCOMMANDS: [&str; 10] = [
    "check",
    "regions",
    "findings",
    "causes",
    "search",
    "show",
    "rank",
    "dot",
    "ask",
    "completions",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_symptom-explorer"))
        .args(args)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    stdout(o)
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = ok(&run(&["completions", shell]));
        assert!(script.len() > 500, "{shell}: a short script: {script}");
        for command in SUBCOMMANDS {
            assert!(script.contains(command), "{shell}: {command} missing");
        }
        assert!(script.contains("json"), "{shell}: the options too");
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    assert!(stderr(&out).contains("bash"), "the shells are listed");
}

#[test]
fn the_man_page_is_roff_that_starts_with_its_title() {
    let page = ok(&run(&["man"]));
    let first = page.lines().next().unwrap_or("");
    assert!(first.starts_with(".TH symptom-explorer 1 "), "{first}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "{section} missing");
    }
    for command in SUBCOMMANDS {
        assert!(page.contains(command), "{command} missing");
    }
    // Every line is text or a request; roff escapes start with a backslash, and no line may
    // start with a quote or stray dot that roff would read as a request.
    for line in page.lines() {
        assert!(!line.starts_with('\''), "a line read as a request: {line}");
    }
    // Where groff is installed, it reads the page without a warning.
    let groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    if let Ok(mut groff) = groff {
        groff
            .stdin
            .take()
            .expect("a pipe")
            .write_all(page.as_bytes())
            .expect("written");
        let out = groff.wait_with_output().expect("groff ends");
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(out.stderr.is_empty(), "groff warns: {}", stderr(&out));
    }
    // Hidden from the main help, which lists the rest.
    let help = ok(&run(&["--help"]));
    assert!(!help.contains("\n  man "), "{help}");
    assert!(help.contains("completions"), "{help}");
}

#[test]
fn the_version_names_the_bundled_content() {
    let graph = Graph::bundled().expect("the bundled graph loads");
    assert_eq!(graph.content_version.len(), 12);
    let version = ok(&run(&["--version"]));
    assert_eq!(
        version.trim_end(),
        format!(
            "symptom-explorer {} (content {})",
            env!("CARGO_PKG_VERSION"),
            graph.content_version
        )
    );
}

/// Exit code and the one JSON object on standard error; nothing on standard output.
fn json_error(args: &[&str]) -> (i32, Value) {
    let out = run(args);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let value: Value =
        serde_json::from_str(&err).unwrap_or_else(|e| panic!("not JSON ({e}): {err}"));
    assert!(
        stdout(&out).is_empty() || args.contains(&"search"),
        "{}",
        stdout(&out)
    );
    (out.status.code().expect("exited"), value)
}

#[test]
fn errors_are_json_under_json_with_the_same_exit_codes() {
    let (code, v) = json_error(&["--json", "show", "no-such-thing-anywhere"]);
    assert_eq!(code, 2);
    assert_eq!(v["error"]["kind"], "usage");
    let message = v["error"]["message"].as_str().expect("a message");
    assert!(message.contains("no-such-thing-anywhere"), "{message}");
    assert!(v["error"]["file"].is_null() && v["error"]["line"].is_null());
    assert_eq!(
        code,
        run(&["show", "no-such-thing-anywhere"])
            .status
            .code()
            .expect("exited")
    );

    // clap's own errors, wherever --json is.
    let (code, v) = json_error(&["rank", "--age", "300", "--json"]);
    assert_eq!(code, 2);
    assert_eq!(v["error"]["kind"], "usage");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("120"))
    );
    let (code, v) = json_error(&["--json", "frobnicate"]);
    assert_eq!((code, &v["error"]["kind"]), (2, &Value::from("usage")));

    // A graph with an error: where it is.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "Graph(\n  regions: [Region(id: \"a\", name: 3)],\n)\n",
    )
    .expect("written");
    let bad = bad.to_str().expect("utf-8 path");
    for args in [
        vec!["--json", "--graph", bad, "regions"],
        vec!["--json", "check", bad],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        let v: Value = serde_json::from_str(&err).unwrap_or_else(|e| panic!("{e}: {err}"));
        let e = &v["error"];
        assert_eq!(e["kind"], "graph", "{err}");
        assert_eq!(e["file"], bad, "{err}");
        assert_eq!(
            (e["line"].as_u64(), e["column"].as_u64().is_some()),
            (Some(2), true),
            "{err}"
        );
        assert!(
            e["diagnostics"].as_array().is_some_and(|d| !d.is_empty()),
            "{err}"
        );
    }

    // The interface without a terminal.
    let (code, v) = json_error(&["--json"]);
    assert_eq!((code, &v["error"]["kind"]), (2, &Value::from("usage")));
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("needs a terminal"))
    );

    // A search that finds nothing: exit 1, as grep.
    let (code, v) = json_error(&["--json", "search", "qqqqzzzzxxxx"]);
    assert_eq!(code, 1);
    assert_eq!(v["error"]["kind"], "no-match");

    // Without --json, errors stay text.
    let out = run(&["show", "no-such-thing-anywhere"]);
    assert!(
        stderr(&out).starts_with("error: unknown id"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_takes_names_and_aliases() {
    let by_id = ok(&run(&["show", "disc-herniation"]));
    for name in [
        "slipped disc",
        "  SLIPPED   Disc ",
        "Slipped (herniated) disc",
    ] {
        assert_eq!(ok(&run(&["show", name])), by_id, "{name:?}");
    }
    assert_eq!(
        ok(&run(&["show", "Sciatica"])),
        ok(&run(&["show", "sciatica"]))
    );
    let json = ok(&run(&["show", "--json", "slipped disc"]));
    let v: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["type"], "cause", "{json}");

    // A name that fits two items lists both (exit 2).
    let out = run(&["show", "lumbago"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("strain-sprain") && err.contains("lower-back"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());

    // An unknown one still gets "did you mean".
    let out = run(&["show", "sciatca"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean \"sciatica\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_licence_is_mit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let licence = std::fs::read_to_string(root.join("LICENSE")).expect("a LICENSE file");
    assert!(licence.starts_with("MIT License"), "{licence}");
    assert!(licence.contains("the symptom-explorer authors"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("\nlicense = \"MIT\"\n"));
}
