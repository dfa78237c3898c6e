//! `--save FILE` and `rank --answers FILE` through the real binary: the interface in a
//! pseudo-terminal, answered and quit; the file it leaves; and the ranking read back from
//! a saved JSON summary, which must be the session's.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_symptom-explorer");
const WAIT: Duration = Duration::from_secs(20);

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui-graph.ron")
}

/// The fixture with its first question made a checklist, written to `dir`.
fn checklist_fixture(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(fixture())
        .expect("fixture")
        .replace(
            r#"answers: YesNo(yes: (add: ["lifting-twisting"]), no: (rule_out: ["lifting-twisting"])), next: "q-leg"),"#,
            r#"answers: Checklist([
            (label: "It started after lifting, twisting or bending", finding: "lifting-twisting"),
            (label: "New trouble controlling your bladder", finding: "bladder-change"),
            (label: "A fever", finding: "fever"),
        ]), next: "q-leg"),"#,
        );
    let path = dir.join("checklist-graph.ron");
    std::fs::write(&path, text).expect("written");
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// The interface in a pty: send keys one at a time, each after the screen shows what
/// the step before it should have brought; then quit. Returns the exit status.
fn interface(args: &[&str], cwd: &Path, steps: &[(&str, &str)]) -> bool {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.cwd(cwd);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("SYMPTOM_EXPLORER_NO_STAMPS", "1");
    cmd.env_remove("LC_ALL");
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(size(24), size(80), 0)));
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let p = Arc::clone(&parser);
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            p.lock().expect("parser").process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().expect("a writer");
    let screen = || parser.lock().expect("parser").screen().contents();
    let wait_for = |want: &str| {
        let start = Instant::now();
        while !screen().contains(want) {
            assert!(
                start.elapsed() < WAIT,
                "waited for {want:?}; the screen shows:\n{}",
                screen()
            );
            thread::sleep(Duration::from_millis(30));
        }
    };
    for (keys, then) in steps {
        writer.write_all(keys.as_bytes()).expect("keys");
        writer.flush().expect("flush");
        wait_for(then);
    }
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("status") {
            return status.success();
        }
        assert!(
            start.elapsed() < WAIT,
            "the program did not exit:\n{}",
            screen()
        );
        thread::sleep(Duration::from_millis(30));
    }
}

/// Every question asked: choose the lower back, tick the first and third items of the
/// checklist, yes to the leg, then look at the summary and quit.
const CHECKLIST_PATH: &[(&str, &str)] = &[
    ("", "Where does it hurt?"),
    ("\r", "It started after lifting"),
    ("1", "[x]"),
    ("3", "A fever"),
    ("\r", "Does the pain spread down your leg"),
    ("y", "pins and needles"),
    ("\u{1b}OQ", "Summary to take to the clinician"),
    ("q", "Quit and forget"),
    ("y", ""),
];

#[test]
fn a_saved_json_summary_ranks_again_as_the_session_did() {
    let dir = tempfile::tempdir().expect("a folder");
    let graph = checklist_fixture(dir.path());
    let graph = graph.to_str().expect("utf-8");
    let saved = dir.path().join("visit.json");
    let saved_s = saved.to_str().expect("utf-8");
    assert!(interface(
        &["--graph", graph, "--all-questions", "--save", saved_s],
        dir.path(),
        CHECKLIST_PATH
    ));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("saved")).expect("JSON");
    assert_eq!(json["format"], "symptom-explorer summary");
    let answers = &json["answers"];
    assert_eq!(answers["regions"], serde_json::json!(["lower-back"]));
    assert_eq!(answers["all_questions"], true);
    assert_eq!(answers["questions"][0]["question"], "q-start");
    assert_eq!(
        answers["questions"][0]["answer"],
        serde_json::json!({"ticked": ["lifting-twisting", "fever"]})
    );
    assert_eq!(answers["questions"][1]["answer"], "yes");
    assert!(
        json["text"]
            .as_str()
            .expect("text")
            .contains("Answer: It started after lifting, twisting or bending; A fever")
    );

    // The same ranking: by the answers file, and by the findings the session knew.
    let again = run(&["--graph", graph, "rank", "--answers", saved_s, "--json"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let ranked: Value = serde_json::from_slice(&again.stdout).expect("JSON");
    let by_hand = run(&[
        "--graph",
        graph,
        "rank",
        "--region",
        "lower-back",
        "--finding",
        "lifting-twisting",
        "--finding",
        "fever",
        "--absent",
        "bladder-change",
        "--finding",
        "radiates-below-knee",
        "--json",
    ]);
    let by_hand: Value = serde_json::from_slice(&by_hand.stdout).expect("JSON");
    assert_eq!(ranked["query"]["regions"], by_hand["query"]["regions"]);
    let ids = |v: &Value, key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| c["id"].as_str().expect("an id").to_string())
            .collect()
    };
    // What the summary showed is what the ranking says.
    assert_eq!(ranked["triage"], json["triage"]["level"]);
    assert_eq!(ids(&ranked, "check_first"), ids(&json, "check_first"));
    let likely: Vec<String> = ranked["causes"]
        .as_array()
        .expect("causes")
        .iter()
        .filter(|c| c["check_first"] == false)
        .map(|c| c["id"].as_str().expect("id").to_string())
        .take(5)
        .collect();
    assert_eq!(likely, ids(&json, "top_causes"));
    let mut findings: Vec<&str> = ranked["query"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f.as_str().expect("id"))
        .collect();
    findings.sort_unstable();
    assert_eq!(
        findings,
        ["fever", "lifting-twisting", "radiates-below-knee"]
    );
    assert_eq!(ranked["causes"], by_hand["causes"]);

    // Other content than the summary was made with: ranked all the same, with a warning.
    let other = dir.path().join("other.json");
    let version = json["content_version"].as_str().expect("a version");
    std::fs::write(
        &other,
        std::fs::read_to_string(&saved)
            .expect("saved")
            .replace(version, "000000000000"),
    )
    .expect("written");
    let out = run(&[
        "--graph",
        graph,
        "rank",
        "--answers",
        other.to_str().expect("utf-8"),
        "--json",
    ]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("content version 000000000000"),
        "{}",
        text(&out.stderr)
    );
    let again: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(again["causes"], ranked["causes"]);
}

#[test]
fn markdown_and_text_are_written_when_the_interface_ends() {
    let dir = tempfile::tempdir().expect("a folder");
    let graph = fixture();
    let graph = graph.to_str().expect("utf-8");
    for (name, first) in [
        ("visit.md", "# Symptom summary"),
        ("visit.txt", "Symptom summary"),
    ] {
        let path = dir.path().join(name);
        let steps: &[(&str, &str)] = &[
            ("", "Where does it hurt?"),
            ("\r", "Did the pain start"),
            ("n", "Does the pain spread"),
            ("q", "Quit and forget"),
            ("y", ""),
        ];
        assert!(interface(
            &["--graph", graph, "--save", path.to_str().expect("utf-8")],
            dir.path(),
            steps
        ));
        let saved = std::fs::read_to_string(&path).expect("written");
        assert!(saved.starts_with(first), "{saved}");
        assert!(saved.contains("Did the pain start after lifting, twisting or bending?"));
        assert!(saved.contains("Answer: no"));
        assert!(saved.contains("This is information, not a diagnosis"));
    }
}

#[test]
fn a_save_file_of_another_kind_is_refused_before_the_interface_starts() {
    let dir = tempfile::tempdir().expect("a folder");
    for bad in ["visit.pdf", "visit", "visit.md.bak"] {
        let path = dir.path().join(bad);
        let out = run(&["--save", path.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = text(&out.stderr);
        assert!(
            err.contains(".md") && err.contains(".txt") && err.contains(".json"),
            "{err}"
        );
        assert!(!err.contains("needs a terminal"), "refused first: {err}");
        assert!(!path.exists());
    }
    let out = run(&["--save", "/nonexistent/folder/visit.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("does not exist"));
}

fn rank_answers(dir: &Path, content: &str) -> Output {
    let path = dir.join("answers.json");
    std::fs::write(&path, content).expect("written");
    run(&[
        "--graph",
        fixture().to_str().expect("utf-8"),
        "rank",
        "--answers",
        path.to_str().expect("utf-8"),
    ])
}

#[test]
fn a_bad_answers_file_is_an_error_at_its_place_with_what_was_meant() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("answers.json").display().to_string();
    let summary = |regions: &str, questions: &str| {
        format!(
            "{{\n  \"format\": \"symptom-explorer summary\",\n  \"answers\": {{\n    \"regions\": [{regions}],\n    \"questions\": [{questions}]\n  }}\n}}\n"
        )
    };
    let cases = [
        (
            summary(
                "\"back\"",
                "\n      {\"question\": \"q-legg\", \"answer\": \"yes\"}",
            ),
            ":6:20: unknown question \"q-legg\"",
            "did you mean \"q-leg\"",
        ),
        (
            summary("\"lower-bak\"", ""),
            ":4:17: unknown region \"lower-bak\"",
            "\"lower-back\"",
        ),
        (
            summary(
                "\"back\"",
                "{\"question\": \"q-kind\", \"answer\": {\"choice\": 7}}",
            ),
            ":5:32: ",
            "1 to 2",
        ),
        (
            summary(
                "\"back\"",
                "{\"question\": \"q-start\", \"answer\": \"maybe\"}",
            ),
            ":5:32: ",
            "\"yes\", \"no\" or \"not sure\"",
        ),
        (
            "{\n  \"format\": \"symptom-explorer summary\",\n  \"answers\": [\n".to_string(),
            ":",
            "not a saved summary",
        ),
        (
            "{\"format\": \"something else\", \"answers\": {\"regions\": [], \"questions\": []}}"
                .to_string(),
            ":1:2: ",
            "\"format\" must be",
        ),
    ];
    for (content, at, meant) in cases {
        let out = rank_answers(dir.path(), &content);
        assert_eq!(out.status.code(), Some(2), "{content}");
        let err = text(&out.stderr);
        assert!(err.contains(&format!("{file}{at}")), "{at} in {err}");
        assert!(err.contains(meant), "{meant} in {err}");
    }
    // Not a regular file, or too large.
    let out = run(&["rank", "--answers", dir.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a regular file"));
    let big = format!("{{\"pad\": \"{}\"}}", "x".repeat(1024 * 1024));
    let out = rank_answers(dir.path(), &big);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("too large"),
        "{}",
        text(&out.stderr)
    );
    // With --region it is one or the other; --save is for the interface.
    let out = run(&["rank", "--answers", "x.json", "--region", "back"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["rank", "--region", "back", "--save", "x.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--save is for the interface"));
}
