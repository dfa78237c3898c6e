//! The command line, through the real binary: every command, its JSON, and the error
//! paths. Output here is a pipe, so it must be plain text.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

const NOTICE_START: &str = "This is information, not a diagnosis";
const TRIAGE_IDS: [&str; 5] = ["emergency", "urgent", "soon", "routine", "self-care"];

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_symptom-explorer"));
    cmd.env_remove("NO_COLOR");
    // With TERM dumb or unset, no command asks the questions line by line (tests/ask.rs).
    cmd.env("TERM", "xterm-256color");
    cmd
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli-small.ron")
}

/// Run with `--graph tests/fixtures/cli-small.ron`.
fn run_small(args: &[&str]) -> Output {
    let graph = fixture();
    let mut all = vec!["--graph", graph.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    run(&all)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

/// Exit 0, and the standard output.
fn ok(o: Output) -> String {
    assert_eq!(
        code(&o),
        0,
        "stderr: {}\nstdout: {}",
        stderr(&o),
        stdout(&o)
    );
    stdout(&o)
}

fn json(o: Output) -> Value {
    let text = ok(o);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Exit 2, and the standard error.
fn usage_error(o: Output) -> String {
    assert_eq!(
        code(&o),
        2,
        "stdout: {}\nstderr: {}",
        stdout(&o),
        stderr(&o)
    );
    stderr(&o)
}

fn last_line(text: &str) -> &str {
    text.trim_end().lines().last().unwrap_or("")
}

fn assert_plain(text: &str) {
    assert!(!text.contains('\u{1b}'), "escape codes on a pipe: {text:?}");
}

fn assert_ends_with_notice(text: &str) {
    assert!(
        last_line(text).starts_with(NOTICE_START),
        "no notice at the end: {text}"
    );
}

// ---------------------------------------------------------------- no command, help

#[test]
fn no_command_without_a_terminal_points_at_the_lookups() {
    // With no command the interface starts; without a terminal it says so and exits 2
    // (the interface itself is tested in a pseudo-terminal in tests/e2e.rs).
    let out = run(&[]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("symptom-explorer search"), "{err}");
    assert!(stdout(&out).is_empty());
    let help = ok(run(&["--help"]));
    for command in [
        "check", "regions", "findings", "causes", "search", "show", "rank", "dot",
    ] {
        assert!(help.contains(command), "help lists {command}: {help}");
    }
    assert!(help.contains("--ascii"));
}

#[test]
fn an_unknown_command_is_a_usage_error() {
    usage_error(run(&["diagnose"]));
}

// ---------------------------------------------------------------- check

#[test]
fn check_passes_on_the_bundled_graph_with_one_summary_line() {
    let out = ok(run(&["check"]));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("ok: ") && out.contains(" files, "), "{out}");
    for word in [
        "causes",
        "findings",
        "questions",
        "regions",
        "sources",
        "guides",
        "warning",
    ] {
        assert!(out.contains(word), "summary counts {word}: {out}");
    }
}

#[test]
fn check_counts_a_fixture() {
    let path = fixture();
    let out = ok(run(&["check", path.to_str().expect("utf-8")]));
    assert_eq!(
        out,
        "ok: 1 file, 3 causes, 5 findings, 4 questions, 3 regions, 1 source, 1 guide; 0 warnings\n"
    );
    // --graph files are checked the same way.
    assert_eq!(ok(run_small(&["check"])), out);
}

/// The bundled files, written to a temporary directory, with one finding reference in
/// the first cause renamed. Returns the directory, the paths in load order, the broken
/// file, the wrong id and the 1-based line and column of the broken reference.
fn bundled_copy_with_broken_reference() -> (
    tempfile::TempDir,
    Vec<PathBuf>,
    PathBuf,
    String,
    usize,
    usize,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths = Vec::new();
    let mut broken = None;
    for source in symptom_explorer::graph::load::bundled() {
        let name = Path::new(&source.name)
            .file_name()
            .expect("file name")
            .to_owned();
        let path = dir.path().join(name);
        let mut text = source.text.clone();
        if broken.is_none()
            && let Some(cause) = text.find("Cause(")
        {
            let links = cause
                + text[cause..]
                    .find("findings: [")
                    .expect("a cause has findings");
            let quote = links + text[links..].find("(\"").expect("a finding link") + 1;
            let end = quote + 1 + text[quote + 1..].find('"').expect("closing quote");
            let wrong = format!("{}-typo", &text[quote + 1..end]);
            let before = &text[..quote];
            let line = before.matches('\n').count() + 1;
            let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            text = format!("{before}\"{wrong}{}", &text[end..]);
            broken = Some((path.clone(), wrong, line, col));
        }
        std::fs::write(&path, text).expect("write copy");
        paths.push(path);
    }
    let (file, wrong, line, col) = broken.expect("the bundled graph has a cause");
    (dir, paths, file, wrong, line, col)
}

#[test]
fn check_points_at_the_line_of_a_broken_reference() {
    let (_dir, paths, file, wrong, line, col) = bundled_copy_with_broken_reference();
    let args: Vec<&str> = std::iter::once("check")
        .chain(paths.iter().map(|p| p.to_str().expect("utf-8")))
        .collect();
    let out = run(&args);
    assert_eq!(
        code(&out),
        1,
        "stdout: {}\nstderr: {}",
        stdout(&out),
        stderr(&out)
    );
    let err = stderr(&out);
    let prefix = format!("{}:", file.display());
    let reported = err
        .lines()
        .find(|l| l.starts_with(&prefix) && l.contains(&wrong) && l.contains(": error: "))
        .unwrap_or_else(|| panic!("no error for {wrong} in {}: {err}", file.display()));
    let place: Vec<usize> = reported[prefix.len()..]
        .split(':')
        .take(2)
        .map(|n| n.parse().expect("line and column numbers"))
        .collect();
    assert_eq!(place[0], line, "line of the broken reference: {reported}");
    assert!(
        place[1] == col || place[1] == col + 1,
        "column {} of the broken reference (quote at {col}): {reported}",
        place[1]
    );
    assert!(reported.contains("did you mean"), "{reported}");
    assert!(
        last_line(&err).contains("error"),
        "ends with a count line: {err}"
    );
    assert!(stdout(&out).is_empty(), "no summary for an invalid graph");
}

#[test]
fn check_json_is_an_array_of_diagnostics() {
    let (_dir, paths, file, wrong, line, _) = bundled_copy_with_broken_reference();
    let mut args = vec!["check", "--json"];
    args.extend(paths.iter().map(|p| p.to_str().expect("utf-8")));
    let out = run(&args);
    assert_eq!(code(&out), 1);
    let value: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let items = value.as_array().expect("an array");
    for d in items {
        for key in ["file", "line", "col", "severity", "message", "id"] {
            assert!(d.get(key).is_some(), "{key} in {d}");
        }
        assert!(["error", "warning"].contains(&d["severity"].as_str().expect("severity")));
    }
    let hit = items
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains(&wrong)))
        .expect("the broken reference is reported");
    assert_eq!(hit["file"], file.display().to_string());
    assert_eq!(hit["line"], line);
    assert_eq!(hit["severity"], "error");

    let clean = run_small(&["check", "--json"]);
    assert_eq!(json(clean), Value::Array(Vec::new()));
}

#[test]
fn check_reports_syntax_errors_and_unreadable_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Graph(\n  regions: [\n    Region(id: 3),\n  ],\n)\n").expect("write");
    let out = run(&["check", bad.to_str().expect("utf-8")]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}:3:", bad.display())),
        "FILE:LINE:COL: {err}"
    );
    assert!(err.contains(": error: "), "{err}");

    let missing = dir.path().join("missing.ron");
    let out = run(&["check", missing.to_str().expect("utf-8")]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
}

#[test]
fn an_invalid_graph_file_stops_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    let text = std::fs::read_to_string(fixture())
        .expect("fixture")
        .replace("related: [\"pinched\"]", "related: [\"pinchd\"]");
    std::fs::write(&bad, text).expect("write");
    let path = bad.to_str().expect("utf-8");
    for command in [
        &["regions"][..],
        &["causes"],
        &["rank"],
        &["show", "pulled"],
        &["dot"],
    ] {
        let mut args = vec!["--graph", path];
        args.extend_from_slice(command);
        let out = run(&args);
        assert_eq!(code(&out), 1, "{command:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("pinchd"), "{}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
}

// ---------------------------------------------------------------- lists

#[test]
fn regions_lists_every_region() {
    let out = ok(run(&["regions"]));
    assert_plain(&out);
    for id in [
        "back",
        "lower-back",
        "mid-back",
        "upper-back",
        "neck",
        "buttock",
        "hip-groin",
        "thigh",
        "lower-leg",
        "foot",
        "arm",
        "chest",
        "abdomen",
        "flank",
        "pelvis",
    ] {
        assert!(
            out.lines().any(|l| l.split_whitespace().next() == Some(id)),
            "{id}: {out}"
        );
    }
    let lower = out
        .lines()
        .find(|l| l.starts_with("lower-back "))
        .expect("lower-back");
    assert!(lower.trim_end().ends_with("back"), "parent shown: {lower}");

    let value = json(run(&["regions", "--json"]));
    let regions = value["regions"].as_array().expect("regions array");
    assert!(
        regions
            .iter()
            .any(|r| r["id"] == "lower-back" && r["parent"] == "back")
    );
}

#[test]
fn findings_show_kind_and_red_flag_level() {
    let out = ok(run(&["findings"]));
    assert_plain(&out);
    let saddle = out
        .lines()
        .find(|l| l.starts_with("saddle-numbness "))
        .expect("saddle-numbness listed");
    assert!(
        saddle.contains("nerve") && saddle.contains("emergency"),
        "{saddle}"
    );

    let value = json(run_small(&["findings", "--json"]));
    let findings = value["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 5);
    let numb = findings
        .iter()
        .find(|f| f["id"] == "numb-seat")
        .expect("numb-seat");
    assert_eq!(numb["red_flag"]["triage"], "emergency");
    let advice = numb["red_flag"]["advice"].as_str().expect("advice");
    assert!(!advice.contains("{emergency_number}"), "{advice}");
}

#[test]
fn causes_lists_the_bundled_causes_and_ends_with_the_notice() {
    let out = ok(run(&["causes"]));
    assert_plain(&out);
    assert_ends_with_notice(&out);
    for id in [
        "strain-sprain",
        "disc-herniation",
        "sciatica",
        "spinal-stenosis",
        "cauda-equina",
        "kidney-stone",
        "aortic-aneurysm",
        "shingles",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id}: {out}"
        );
    }
    let strain = out
        .lines()
        .find(|l| l.starts_with("strain-sprain "))
        .expect("strain");
    assert!(
        strain.contains("common") && strain.contains("self-care"),
        "{strain}"
    );
}

#[test]
fn causes_by_region() {
    let out = ok(run(&["causes", "--region", "lower-back"]));
    assert!(
        out.lines().any(|l| l.starts_with("strain-sprain ")),
        "{out}"
    );
    assert_ends_with_notice(&out);

    // The fixture: "limb" is felt by pinched and squashed, not pulled.
    let out = ok(run_small(&["causes", "--region", "limb"]));
    let ids: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| ["pulled", "pinched", "squashed"].contains(w))
        .collect();
    assert_eq!(ids, ["pinched", "squashed"]);

    let value = json(run_small(&["causes", "--region", "low", "--json"]));
    let causes = value["causes"].as_array().expect("causes");
    let ids: Vec<&str> = causes.iter().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, ["pulled", "pinched", "squashed"], "most common first");
    assert_eq!(causes[0]["prevalence"], "common");
    assert_eq!(causes[0]["triage"], "self-care");
    assert_eq!(causes[0]["gloss"], "a stretched or torn muscle");
    assert_eq!(causes[1]["gloss"], Value::Null, "pinched has no gloss");
    assert_eq!(causes[0]["icd10"], "S39.0");
    assert!(
        value["notice"]
            .as_str()
            .expect("notice")
            .starts_with(NOTICE_START)
    );
}

#[test]
fn several_graph_files_merge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let extra = dir.path().join("cli-extra.ron");
    std::fs::write(
        &extra,
        r#"Graph(causes: [
            Cause(id: "bruise", name: "Bruised muscle", prevalence: Uncommon, regions: ["limb"],
                findings: [("lifted", Sometimes), ("stiff", Typical), ("fever-ish", Against)],
                triage: "self-care", summary: "A bruise.", feels: "Tender.", seek_help: "If it swells a lot.",
                diagnosis: "Looking at it.", treatment: "Ice.", prevention: "Pads.", sources: ["src-one"]),
        ])"#,
    )
    .expect("write");
    let out = run_small(&[
        "--graph",
        extra.to_str().expect("utf-8"),
        "causes",
        "--json",
    ]);
    let value = json(out);
    let ids: Vec<&str> = value["causes"]
        .as_array()
        .expect("causes")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 4);
    assert!(ids.contains(&"bruise"));
}

#[test]
fn unknown_region_names_the_closest() {
    let err = usage_error(run(&["causes", "--region", "lower-bak"]));
    assert!(
        err.contains("lower-bak") && err.contains("\"lower-back\""),
        "{err}"
    );
}

// ---------------------------------------------------------------- search

#[test]
fn search_finds_causes_and_findings_best_first_in_plain_text() {
    let out = ok(run(&["search", "sciatica"]));
    assert_plain(&out);
    let first = out.lines().nth(1).expect("a hit under the header");
    assert!(first.contains("sciatica"), "{out}");
    assert!(first.starts_with("cause"), "{first}");
    assert_ends_with_notice(&out);

    let out = ok(run(&["search", "pins", "and", "needles"]));
    assert_plain(&out);
    let tingling = out
        .lines()
        .find(|l| l.contains(" tingling "))
        .unwrap_or_else(|| panic!("tingling found by its alias: {out}"));
    // Its name, "Tingling (pins and needles)", holds the words as well as the alias.
    assert!(tingling.contains("pins and needles"), "{tingling}");
}

#[test]
fn search_shows_the_alias_it_matched() {
    let out = ok(run_small(&["search", "zing"]));
    assert_eq!(
        out.lines().nth(1).map(str::trim_end),
        Some("finding  limb-pain  Pain down the limb (via alias: zinging)")
    );
}

#[test]
fn a_search_that_finds_nothing_says_so_on_stderr_and_exits_1() {
    let o = run_small(&["search", "qqqq"]);
    assert_eq!(code(&o), 1, "as grep and fzf do");
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert_eq!(stderr(&o), "No match for 'qqqq'.\n");

    let o = run(&["search", "kidnii", "stoon"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("No match for 'kidnii stoon'. Did you mean: kidney stone"),
        "{err}"
    );
    assert!(err.ends_with("?\n"), "{err}");

    let value: Value = serde_json::from_str(&stdout(&run(&["search", "--json", "shnglz"])))
        .expect("JSON on stdout");
    assert_eq!(value["hits"].as_array().map(Vec::len), Some(0));
    assert_eq!(value["suggestions"][0], "Shingles");
    assert_eq!(code(&run(&["search", "--json", "shnglz"])), 1);
}

#[test]
fn a_search_forgives_typos_and_exits_0() {
    let out = ok(run(&["search", "shingels"]));
    let first = out.lines().nth(1).expect("a hit under the header");
    assert!(first.contains("shingles"), "{out}");
    let out = ok(run(&["search", "slipped", "disk"]));
    let first = out.lines().nth(1).expect("a hit under the header");
    assert!(first.contains("disc-herniation"), "{out}");
}

#[test]
fn search_json_lists_hits_with_their_kind() {
    let value = json(run_small(&["search", "--json", "pinched"]));
    let hits = value["hits"].as_array().expect("hits");
    assert_eq!(hits[0]["kind"], "cause");
    assert_eq!(hits[0]["id"], "pinched");
    assert_eq!(hits[0]["via_alias"], false);
    assert!(hits[0]["indices"].as_array().is_some_and(|i| !i.is_empty()));
    assert!(value["notice"].is_string());
}

#[test]
fn an_empty_search_is_a_usage_error() {
    usage_error(run(&["search"]));
    usage_error(run(&["search", "  "]));
}

// ---------------------------------------------------------------- show

#[test]
fn show_a_cause_has_every_section_wrapped_with_the_notice() {
    let out = ok(run(&["show", "cauda-equina"]));
    assert_plain(&out);
    for heading in [
        "Triage:",
        "How common:",
        "Summary",
        "How it feels",
        "When to seek help",
        "How it is diagnosed",
        "Treatment",
        "Prevention",
        "Typical findings",
        "Sources",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(heading)),
            "{heading}: {out}"
        );
    }
    assert!(out.contains("saddle-numbness"), "{out}");
    assert!(!out.contains("{emergency_number}"), "{out}");
    // Wrapped to 80 columns on a pipe; only a word longer than that (a URL) sticks out.
    assert!(
        out.lines()
            .all(|l| l.chars().count() <= 80 || !l.trim().contains(' ')),
        "wrapped to 80: {out}"
    );
    assert_ends_with_notice(&out);
}

#[test]
fn show_fills_the_emergency_number_and_cites_sources() {
    let out = ok(run_small(&["show", "pulled"]));
    assert!(
        out.contains("call your local emergency number if numb"),
        "{out}"
    );
    assert!(out.contains("ICD-10: S39.0"), "{out}");
    assert!(
        out.starts_with("Pulled muscle: a stretched or torn muscle\nid: pulled"),
        "the gloss beside the name: {out}"
    );
    // One coding system, labelled.
    let codes: Vec<&str> = out.lines().filter(|l| l.contains("S39.0")).collect();
    assert_eq!(codes, ["ICD-10: S39.0"], "{out}");
    let pinched = ok(run_small(&["show", "pinched"]));
    assert!(
        pinched.starts_with("Pinched nerve\nid: pinched"),
        "no gloss: {pinched}"
    );
    assert!(!pinched.contains("ICD-10"), "no code, no label: {pinched}");
    assert!(
        out.contains("[src-one] Example A. A test citation. 2020."),
        "{out}"
    );
    assert!(out.contains("Pinched nerve (pinched)"), "related: {out}");
    assert!(
        out.contains("Most low pain is mechanical."),
        "prior basis: {out}"
    );
    let triage = out.find("Triage:").expect("triage");
    let summary = out.find("Summary").expect("summary");
    assert!(triage < summary);
}

#[test]
fn show_a_finding_a_guide_and_a_region() {
    let out = ok(run(&["show", "saddle-numbness"]));
    assert!(out.contains("Red flag: "), "{out}");
    assert!(out.contains("cauda-equina"), "{out}");
    assert!(!out.contains("{emergency_number}"));
    assert_ends_with_notice(&out);

    let out = ok(run(&["show", "guide-seek-help"]));
    assert!(!out.contains("{emergency_number}"));
    assert_ends_with_notice(&out);

    let out = ok(run_small(&["show", "low"]));
    assert!(out.contains("part of: Trunk (trunk)"), "{out}");
    assert!(out.contains("Pulled muscle (pulled)"), "{out}");
    let out = ok(run_small(&["show", "q-seat"]));
    assert!(
        out.contains("Asked only if: has limb-pain (otherwise: q-feel)"),
        "{out}"
    );
}

#[test]
fn show_json() {
    let value = json(run_small(&["show", "--json", "pulled"]));
    assert_eq!(value["type"], "cause");
    assert_eq!(value["cause"]["id"], "pulled");
    assert_eq!(value["cause"]["gloss"], "a stretched or torn muscle");
    assert_eq!(value["cause"]["icd10"], "S39.0");
    assert_eq!(value["triage"]["id"], "self-care");
    assert_eq!(value["citations"][0]["id"], "src-one");
    let seek = value["cause"]["seek_help"].as_str().expect("seek_help");
    assert!(!seek.contains("{emergency_number}"), "{seek}");
    assert!(value["notice"].is_string());

    let value = json(run_small(&["show", "--json", "numb-seat"]));
    assert_eq!(value["type"], "finding");
    assert_eq!(value["causes"][0]["id"], "squashed");
}

#[test]
fn show_an_unknown_id_names_the_closest() {
    let err = usage_error(run(&["show", "cauda-equnia"]));
    assert!(err.contains("\"cauda-equina\""), "{err}");
    let err = usage_error(run_small(&["show", "pulld"]));
    assert!(err.contains("\"pulled\""), "{err}");
}

// ---------------------------------------------------------------- rank

#[test]
fn rank_puts_the_triage_and_red_flags_first() {
    let out = ok(run(&[
        "rank",
        "--region",
        "lower-back",
        "--finding",
        "saddle-numbness",
    ]));
    assert_plain(&out);
    let first = out.lines().next().expect("output");
    assert!(
        first.contains("EMERGENCY") && first.contains("(emergency)"),
        "{first}"
    );
    let flags = out.find("Red flags present").expect("red flags listed");
    let check = out.find("Check these first").expect("check-first group");
    let causes = out.find("Other possible causes").expect("causes listed");
    assert!(flags < check && check < causes);
    assert!(out[flags..check].contains("saddle-numbness"));
    // The cause the red flag points at is named first, with the answer that put it there.
    assert!(out[check..causes].contains("cauda-equina"), "{out}");
    assert!(out[check..causes].contains("because you said"), "{out}");
    assert!(out.contains("Why: red flag"), "{out}");
    assert!(!out.contains("{emergency_number}"));
    assert_ends_with_notice(&out);
}

#[test]
fn rank_json_has_the_documented_shape() {
    let value = json(run(&[
        "rank",
        "--json",
        "--region",
        "lower-back",
        "--finding",
        "saddle-numbness",
        "--finding",
        "bladder-change",
        "--age",
        "45",
        "--sex",
        "male",
    ]));
    assert_eq!(value["triage"], "emergency");
    let advice = value["advice"].as_str().expect("advice");
    assert!(
        !advice.is_empty() && !advice.contains("{emergency_number}"),
        "{advice}"
    );
    let flags: Vec<&str> = value["red_flags"]
        .as_array()
        .expect("red_flags")
        .iter()
        .map(|f| f.as_str().expect("red flag ids are strings"))
        .collect();
    assert!(flags.contains(&"saddle-numbness") && flags.contains(&"bladder-change"));
    let causes = value["causes"].as_array().expect("causes");
    assert!(!causes.is_empty());
    let mut last = f64::INFINITY;
    for c in causes {
        assert!(c["id"].is_string() && c["name"].is_string(), "{c}");
        let score = c["score"].as_f64().expect("score is a number");
        assert!((0.0..=100.0).contains(&score));
        assert!(
            TRIAGE_IDS.contains(&c["triage"].as_str().expect("triage")),
            "{c}"
        );
        for side in ["for", "against"] {
            for e in c[side].as_array().expect("for/against arrays") {
                assert!(e["id"].is_string(), "{e}");
            }
        }
        assert!(c["check_first"].is_boolean(), "{c}");
        assert!(score <= last + 1e-9, "most likely first");
        last = score;
    }
    let check: Vec<&str> = value["check_first"]
        .as_array()
        .expect("check_first")
        .iter()
        .map(|c| {
            assert!(c["reason"].as_str().is_some_and(|r| !r.is_empty()), "{c}");
            c["id"].as_str().expect("id")
        })
        .collect();
    assert_eq!(check.first(), Some(&"cauda-equina"), "{check:?}");
    assert!(
        value["reason"]
            .as_str()
            .is_some_and(|r| r.contains("red flag"))
    );
    assert!(
        value["notice"]
            .as_str()
            .expect("notice")
            .starts_with(NOTICE_START)
    );
    assert_eq!(value["query"]["age"], 45);
    assert_eq!(value["query"]["sex"], "male");
}

#[test]
fn rank_a_simple_strain_is_self_care() {
    let value = json(run(&[
        "rank",
        "--json",
        "--region",
        "lower-back",
        "--finding",
        "lifting-twisting",
        "--finding",
        "worse-movement",
        "--absent",
        "radiates-below-knee",
    ]));
    assert_eq!(value["triage"], "self-care", "{value}");
    assert_eq!(value["red_flags"], Value::Array(Vec::new()));
    let top3: Vec<&str> = value["causes"]
        .as_array()
        .expect("causes")
        .iter()
        .take(3)
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(top3.contains(&"strain-sprain"), "{top3:?}");
}

#[test]
fn rank_on_a_fixture_explains_why() {
    let out = ok(run_small(&[
        "rank",
        "--region",
        "low",
        "--finding",
        "lifted",
        "--absent",
        "limb-pain",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Triage: SELF-CARE (self-care)");
    let pulled = lines
        .iter()
        .position(|l| l.contains("1. Pulled muscle"))
        .unwrap_or_else(|| panic!("pulled first: {out}"));
    assert!(
        lines[pulled].contains("1. Pulled muscle: a stretched or torn muscle  (pulled)  score 9"),
        "the gloss beside the name: {out}"
    );
    assert!(
        lines[pulled + 1].contains("for: Started after lifting (x8)"),
        "{out}"
    );
    assert!(
        out.contains("against: Pain down the limb (absent, x0.7)"),
        "{out}"
    );

    let value = json(run_small(&[
        "rank", "--json", "--region", "low", "--top", "1",
    ]));
    assert_eq!(value["causes"].as_array().map(Vec::len), Some(1));
    let out = ok(run_small(&["rank", "--region", "low", "--top", "1"]));
    assert!(out.contains("and 2 less likely causes"), "{out}");
}

#[test]
fn rank_refuses_unknown_ids_with_the_closest() {
    let err = usage_error(run(&["rank", "--region", "lowerback"]));
    assert!(err.contains("\"lower-back\""), "{err}");
    let err = usage_error(run(&["rank", "--finding", "sadle-numbness"]));
    assert!(err.contains("\"saddle-numbness\""), "{err}");
    let err = usage_error(run(&["rank", "--absent", "fevr"]));
    assert!(err.contains("\"fever\""), "{err}");
    let err = usage_error(run_small(&["rank", "--finding", "pulled"]));
    assert!(err.contains("is a cause, not a finding"), "{err}");
}

#[test]
fn rank_refuses_bad_values() {
    let err = usage_error(run(&["rank", "--age", "-3"]));
    assert!(err.contains("negative"), "{err}");
    let err = usage_error(run(&["rank", "--age", "500"]));
    assert!(err.contains("120"), "{err}");
    let err = usage_error(run(&["rank", "--age", "forty"]));
    assert!(err.contains("whole number"), "{err}");
    let err = usage_error(run(&["rank", "--sex", "x"]));
    assert!(err.contains("female") && err.contains("male"), "{err}");
    let err = usage_error(run(&["rank", "--finding", "fever", "--absent", "fever"]));
    assert!(err.contains("fever") && err.contains("both"), "{err}");
}

// ---------------------------------------------------------------- dot

#[test]
fn dot_draws_the_question_graph() {
    let out = ok(run_small(&["dot"]));
    assert!(out.starts_with("digraph questions {"), "{out}");
    assert!(out.trim_end().ends_with('}'));
    assert!(out.contains("\"region:trunk\" -> \"q-lift\";"), "{out}");
    assert!(out.contains("\"q-seat\" -> \"q-feel\" [style=dashed, label=\"otherwise\"];"));
    assert!(out.contains("+numb-seat (red flag: emergency)"), "{out}");
    assert!(out.contains("\"q-feel\" -> \"end\""), "{out}");

    let out = ok(run(&["dot"]));
    assert!(out.contains("\"region:back\" -> \"q-age\""), "{out}");
    assert!(out.contains("red flag: emergency"));

    let value = json(run_small(&["dot", "--json"]));
    assert!(value["nodes"].as_array().is_some_and(|n| n.len() == 8));
    assert!(
        value["edges"]
            .as_array()
            .is_some_and(|e| e.iter().any(|e| e["kind"] == "otherwise"))
    );
}

// ---------------------------------------------------------------- every command

#[test]
fn every_command_speaks_json() {
    for args in [
        &["regions"][..],
        &["findings"],
        &["causes"],
        &["search", "back"],
        &["show", "strain-sprain"],
        &["show", "lower-back"],
        &["rank", "--region", "lower-back"],
        &["dot"],
    ] {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        json(run(&all));
    }
}

#[test]
fn the_gloss_is_shown_beside_each_cause() {
    // The list: "Name: gloss" in the name column.
    let out = ok(run_small(&["causes"]));
    let row = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id}: {out}"))
            .to_string()
    };
    assert!(
        row("pulled").ends_with("Pulled muscle: a stretched or torn muscle"),
        "{out}"
    );
    assert!(row("pinched").ends_with("Pinched nerve"), "{out}");
    // The bundled graph: every cause has one.
    let out = ok(run(&["causes"]));
    let cauda = out
        .lines()
        .find(|l| l.starts_with("cauda-equina "))
        .expect("cauda-equina");
    assert!(
        cauda.ends_with("Cauda equina syndrome: squashed nerves at the bottom of the spine"),
        "{cauda}"
    );
    let out = ok(run(&["show", "sciatica"]));
    assert!(
        out.starts_with("Sciatica (trapped nerve in the lower back): an irritated nerve sending pain down the leg\n")
            || out.starts_with("Sciatica (trapped nerve in the lower back)\nan irritated nerve sending pain down the leg\n"),
        "{out}"
    );

    // The ranking: beside the name where it fits, else on the line under it; the causes
    // to check first too.
    let out = ok(run_small(&[
        "rank",
        "--region",
        "low",
        "--finding",
        "numb-seat",
    ]));
    assert!(
        out.contains("! Squashed nerve bundle: nerves at the base pressed flat (squashed):"),
        "{out}"
    );
    let out = ok(run(&[
        "rank",
        "--region",
        "lower-back",
        "--finding",
        "radiates-below-knee",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    let sciatica = lines
        .iter()
        .position(|l| l.contains(". Sciatica (trapped nerve in the lower back)"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        lines[sciatica].contains("an irritated nerve sending pain down the leg")
            || lines[sciatica + 1].trim() == "an irritated nerve sending pain down the leg",
        "{out}"
    );

    let value = json(run_small(&[
        "rank",
        "--json",
        "--region",
        "low",
        "--finding",
        "numb-seat",
    ]));
    assert_eq!(value["check_first"][0]["id"], "squashed");
    assert_eq!(
        value["check_first"][0]["gloss"],
        "nerves at the base pressed flat"
    );
    let causes = value["causes"].as_array().expect("causes");
    for c in causes {
        let expected = match c["id"].as_str() {
            Some("pulled") => json!("a stretched or torn muscle"),
            Some("squashed") => json!("nerves at the base pressed flat"),
            _ => Value::Null,
        };
        assert_eq!(c["gloss"], expected, "{c}");
    }
}
