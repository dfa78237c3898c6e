//! Hostile content through the real binary (issue 10's table): a cause name of wide
//! characters drawn at 80x24 in a pseudo-terminal, odds that overflow, and injected
//! control sequences drawn by the interface in a pseudo-terminal.

#[path = "support/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::Command;

use pty::{BIN, Session};

/// The bundled graph's files, written to a directory with `edit` applied to each text.
fn bundled_copy(dir: &Path, edit: impl Fn(&str) -> String) -> Vec<PathBuf> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&data)
        .expect("data/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    names.sort();
    // The load order the program uses: core and body first, questions last.
    let rank = |p: &PathBuf| {
        let n = p.file_name().unwrap().to_string_lossy().to_string();
        match n.as_str() {
            "core.ron" => 0,
            "body.ron" => 1,
            "rules.ron" => 3,
            "questions.ron" => 4,
            _ => 2,
        }
    };
    names.sort_by_key(|p| rank(p));
    names
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("a data file");
            let out = dir.join(p.file_name().unwrap());
            std::fs::write(&out, edit(&text)).expect("written");
            out
        })
        .collect()
}

fn graph_args(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .flat_map(|f| ["--graph".to_string(), f.display().to_string()])
        .collect()
}

/// Full-width characters and combining marks: 2 columns a character, and characters of
/// no width. A list that cuts by characters pushes the row's triage and share off.
const WIDE: &str = "腰部の筋肉の捻挫と靭帯の損傷による急性の腰痛症候群e\u{301}e\u{301}e\u{301}";

#[test]
fn a_wide_name_keeps_its_triage_and_share_on_screen_at_80x24() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let files = bundled_copy(dir.path(), |t| {
        t.replace(
            "name: \"Back strain or sprain\"",
            &format!("name: \"{WIDE}\""),
        )
    });
    let check = Command::new(BIN)
        .args(graph_args(&files))
        .arg("check")
        .output()
        .expect("check runs");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let args = graph_args(&files);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut s = Session::start_in(dir.path(), &args, 80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    s.send("\r");
    s.wait_for(&["How old are you?"]);
    s.send("s");
    let screen = s.wait_for(&["Possible causes", "腰部"]);
    let row = screen
        .lines()
        .find(|l| l.contains("腰部"))
        .expect("the wide name's row");
    assert!(
        row.contains("self-care"),
        "the triage is on the row: {row:?}"
    );
    assert!(
        row.trim_end().ends_with("%┃"),
        "the share is on the row: {row:?}"
    );
    for line in screen.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= 80, "a line wider than the screen: {line:?}");
    }
    s.send("\u{3}");
    assert!(s.wait_exit().success());
}

#[test]
fn odds_that_overflow_never_lower_the_triage() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.ron");
    let text = std::fs::read_to_string(fixture).expect("valid.ron");
    let n = 200;
    let findings: String = (0..n)
        .map(|i| format!("        Finding(id: \"sign-{i}\", name: \"Sign {i}\", kind: General),\n"))
        .collect();
    let links: String = (0..n)
        .map(|i| format!("(\"sign-{i}\", Lr(100.0)), "))
        .collect();
    let cause = format!(
        "        Cause(id: \"overflowing\", name: \"Overflowing\", prevalence: Common, \
         regions: [\"back\"], findings: [{links}], triage: \"self-care\", \
         summary: \"s\", feels: \"f\", seek_help: \"h\", diagnosis: \"d\", \
         treatment: \"t\", prevention: \"p\", sources: [\"test-source\"]),\n"
    );
    let text = text
        .replacen(
            "    findings: [\n",
            &format!("    findings: [\n{findings}"),
            1,
        )
        .replacen("    causes: [\n", &format!("    causes: [\n{cause}"), 1);
    let path = dir.path().join("overflow.ron");
    std::fs::write(&path, text).expect("written");
    let mut args = vec![
        "--graph".to_string(),
        path.display().to_string(),
        "--json".to_string(),
        "rank".to_string(),
        "--region".to_string(),
        "lower-back".to_string(),
        "--finding".to_string(),
        "saddle-numbness".to_string(),
    ];
    for i in 0..n {
        args.push("--finding".into());
        args.push(format!("sign-{i}"));
    }
    let out = Command::new(BIN).args(&args).output().expect("rank runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["triage"], "emergency", "{json:#}");
    let causes = json["causes"].as_array().expect("causes");
    assert_eq!(causes[0]["id"], "overflowing", "{json:#}");
    for c in causes {
        let score = c["score"]
            .as_f64()
            .expect("every score is a number (JSON has no NaN)");
        assert!(score.is_finite() && score >= 0.0, "{c}");
    }
}

#[test]
fn a_graph_with_injected_sequences_is_refused_on_a_terminal_without_echoing_them() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/injection.ron");
    let dir = tempfile::tempdir().expect("a temp dir");
    let fixture = fixture.display().to_string();
    let mut s = Session::start_in(dir.path(), &["--graph", &fixture], 100, 30, &[]);
    // The validator refuses every payload (the interface's drawing of such text is tested
    // on TestBackend in tests/injection.rs): the program must not start, and its messages
    // on the terminal must not carry a payload byte.
    let status = s.wait_exit();
    assert!(!status.success());
    let raw = s.raw.lock().expect("raw").clone();
    let text = String::from_utf8_lossy(&raw);
    for payload in [
        "\u{1b}]0;",
        "\u{1b}]52;",
        "\u{1b}[2J",
        "\u{9b}",
        "\u{202e}",
        "\u{1b}[6n",
    ] {
        assert!(
            !text.contains(payload),
            "{payload:?} reached the terminal: {text:?}"
        );
    }
}
