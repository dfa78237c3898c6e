//! Validator behaviour that the fixtures in `tests/` do not pin down: finding items in
//! unusual layouts, and graphs that could trip a panic.

use super::*;
use crate::graph::model::{Finding, FindingKind};

fn run(text: &str) -> Vec<Diagnostic> {
    let (_, found) = check(vec![SourceText::new("t.ron", text)]);
    found
}

/// The diagnostics whose message contains `needle`, as displayed.
fn matching(found: &[Diagnostic], needle: &str) -> Vec<String> {
    found
        .iter()
        .filter(|d| d.message.contains(needle))
        .map(ToString::to_string)
        .collect()
}

#[test]
fn suggestions_read_as_a_sentence() {
    assert_eq!(did_you_mean(&[]), "");
    assert_eq!(did_you_mean(&["fever"]), " (did you mean \"fever\"?)");
    assert_eq!(
        did_you_mean(&["a", "b", "c"]),
        " (did you mean \"a\", \"b\" or \"c\"?)"
    );
}

#[test]
fn an_empty_graph_reports_missing_triage_without_panicking() {
    let found = validate(&Graph::default());
    assert_eq!(found.len(), 7);
    assert!(found.iter().all(|d| d.is_error() && d.line == 0));
    let nothing = matching(&found, "the graph has no");
    assert_eq!(
        nothing,
        [
            "<graph>: error: the graph has no regions",
            "<graph>: error: the graph has no causes"
        ]
    );
}

#[test]
fn a_graph_with_nothing_to_show_is_rejected_at_its_empty_sections() {
    let text = "Graph(\n  regions: [],\n  findings: [],\n)";
    let found: Vec<String> = run(text)
        .iter()
        .filter(|d| d.message.starts_with("the graph has no"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "t.ron: error: the graph has no causes",
            "t.ron:2:3: error: the graph has no regions",
        ]
    );
    let (_, found) = check(vec![
        SourceText::new("a.ron", "Graph(findings: [])"),
        SourceText::new("b.ron", "Graph(\n causes: [])"),
    ]);
    assert!(
        found.iter().any(
            |d| d.to_string() == "b.ron:2:2: error: the graph has no causes" && d.id.is_none()
        )
    );
}

#[test]
fn items_from_files_that_do_not_exist_do_not_panic() {
    let mut graph = Graph::default();
    let item = Finding {
        id: "ghost".into(),
        name: String::new(),
        aliases: vec![],
        kind: FindingKind::General,
        group: None,
        recent: false,
        only_with: vec![],
        red_flag: None,
    };
    graph.findings.push(Located { file: 7, item });
    let found = validate(&graph);
    assert!(found.iter().any(|d| {
        d.message
            .contains("\"ghost\" has an empty section \"name\"")
    }));
}

#[test]
fn cross_kind_duplicates_follow_the_written_order() {
    // Causes are written before findings here, though the merged graph lists findings first.
    let text = "Graph(\n  causes: [(id: \"x\", name: \"X\", prevalence: Rare, regions: [], findings: [], triage: \"soon\",\n    summary: \"s\", feels: \"f\", seek_help: \"h\", diagnosis: \"d\", treatment: \"t\", prevention: \"p\", sources: [])],\n  findings: [Finding(id: \"x\", name: \"X\", kind: General)],\n)";
    assert_eq!(
        matching(&run(text), "duplicate"),
        ["t.ron:4:26: error: duplicate id \"x\" (first defined at t.ron:2:17)"]
    );
}

#[test]
fn fields_before_the_id_are_found_in_the_item() {
    let text = "Graph(\n  regions: [\n    Region(name: \"Back\", entry: \"nowhere\", id: \"back\"),\n  ],\n)";
    assert_eq!(
        matching(&run(text), "unknown"),
        ["t.ron:3:33: error: unknown entry question \"nowhere\" in region \"back\""]
    );
}

#[test]
fn commented_out_items_are_not_definitions() {
    let text = "Graph(\n  // regions: [Region(id: \"back\", name: \"B\", entry: \"q\")],\n  regions: [\n    Region(id: \"back\", name: \"\", entry: \"q\"),\n  ],\n)";
    assert_eq!(
        matching(&run(text), "empty section"),
        ["t.ron:4:24: error: region \"back\" has an empty section \"name\""]
    );
}

#[test]
fn each_repeat_of_a_bad_reference_points_at_its_own_place() {
    let text = "Graph(\n  regions: [Region(id: \"r\", name: \"R\", entry: \"q\")],\n  questions: [Question(id: \"q\", text: \"Q?\",\n    answers: YesNo(yes: (add: [\"nope\"]), no: (rule_out: [\"nope\"])))],\n)";
    assert_eq!(
        matching(&run(text), "\"nope\""),
        [
            "t.ron:4:32: error: unknown finding \"nope\" in the \"yes\" answer of question \"q\"",
            "t.ron:4:58: error: unknown finding \"nope\" in the \"no\" answer of question \"q\"",
        ]
    );
}

#[test]
fn an_unknown_parent_is_not_also_reported_as_a_missing_entry() {
    let text = "Graph(\n  regions: [Region(id: \"r\", name: \"R\", parent: \"nope\")],\n)";
    let found = run(text);
    assert_eq!(matching(&found, "entry").len(), 0);
    assert_eq!(matching(&found, "unknown parent region \"nope\"").len(), 1);
}

#[test]
fn diagnostics_are_sorted_by_file_then_line() {
    let files = vec![
        SourceText::new(
            "b.ron",
            "Graph(\n  regions: [Region(id: \"r\", name: \"\", entry: \"x\")],\n)",
        ),
        SourceText::new(
            "a.ron",
            "Graph(\n  findings: [\n  Finding(id: \"f\", name: \"\", kind: General)],\n)",
        ),
    ];
    let (_, found) = check(files);
    let places: Vec<(String, usize)> = found.iter().map(|d| (d.file.clone(), d.line)).collect();
    let mut sorted = places.clone();
    sorted.sort_by_key(|(file, line)| (file != "b.ron", *line));
    assert_eq!(places, sorted);
    assert_eq!(
        places.first().map(|p| p.0.as_str()),
        Some("b.ron"),
        "load order, not name order"
    );
}

#[test]
fn numbers_that_are_not_finite_are_out_of_range() {
    let text = "Graph(\n  causes: [(id: \"c\", name: \"C\", prevalence: Rare, prior: (percent: inf, basis: \"b\"),\n    regions: [], findings: [(\"f\", Lr(NaN))], triage: \"soon\", summary: \"s\", feels: \"f\",\n    seek_help: \"h\", diagnosis: \"d\", treatment: \"t\", prevention: \"p\", sources: [])],\n)";
    let found = run(text);
    assert_eq!(
        matching(&found, "out of range"),
        [
            "t.ron:2:59: error: prior of cause \"c\" is inf%, out of range (it must be above 0 and at most 100)",
            "t.ron:3:30: error: weight Lr(NaN) of finding \"f\" in cause \"c\" is out of range (it must be between 0.01 and 100)",
        ]
    );
}

#[test]
fn blank_ids_are_reported() {
    let text = "Graph(\n  sources: [Source(id: \" \", citation: \"c\")],\n)";
    assert_eq!(
        matching(&run(text), "empty id"),
        ["t.ron:2:24: error: a source has an empty id"]
    );
}

/// A graph with one finding, one source and the rules given, written after the findings.
fn with_rules(rules: &str) -> String {
    format!(
        "Graph(\n  sources: [Source(id: \"s\", citation: \"c\")],\n  findings: [Finding(id: \"f\", name: \"F\", kind: General)],\n  rules: [\n{rules}\n  ],\n)"
    )
}

#[test]
fn rule_age_ranges_are_checked_like_cause_age_ranges() {
    let text = with_rules(
        "    TriageRule(id: \"r\", name: \"R\", all: [\"f\"], age: AgeRange(min: 70, max: 130), triage: \"soon\", advice: \"a\"),",
    );
    assert_eq!(
        matching(&run(&text), "age range"),
        ["t.ron:5:48: error: age range of triage rule \"r\" has max 130, above 120",]
    );
    let text = with_rules(
        "    TriageRule(id: \"r\", name: \"R\", age: AgeRange(min: 70, max: 50), triage: \"soon\", advice: \"a\"),",
    );
    assert_eq!(
        matching(&run(&text), "age range"),
        [
            "t.ron:5:36: error: age range of triage rule \"r\" is the wrong way round: min 70 is above max 50",
        ]
    );
}

#[test]
fn rule_name_and_advice_are_required() {
    let text = with_rules(
        "    TriageRule(id: \"r\", name: \" \", all: [\"f\"], triage: \"soon\", advice: \"\"),",
    );
    assert_eq!(
        matching(&run(&text), "empty section"),
        [
            "t.ron:5:25: error: triage rule \"r\" has an empty section \"name\"",
            "t.ron:5:64: error: triage rule \"r\" has an empty section \"advice\"",
        ]
    );
}

#[test]
fn rule_ids_share_the_namespace_of_every_other_kind() {
    let text = with_rules(
        "    TriageRule(id: \"f\", name: \"R\", all: [\"f\"], triage: \"soon\", advice: \"a\"),",
    );
    assert_eq!(
        matching(&run(&text), "duplicate"),
        ["t.ron:5:20: error: duplicate id \"f\" (first defined at t.ron:3:26)"]
    );
}

#[test]
fn an_emergency_rule_needs_a_source_and_a_rule_source_is_cited() {
    let text = with_rules(
        "    TriageRule(id: \"r\", name: \"R\", none: [\"f\"], triage: \"emergency\", advice: \"a\"),\n    TriageRule(id: \"q\", name: \"Q\", sex: Female, triage: \"urgent\", advice: \"a\", sources: [\"s\"]),",
    );
    let found = run(&text);
    assert_eq!(
        matching(&found, "cites no source"),
        ["t.ron:5:20: error: triage rule \"r\" sets the emergency level but cites no source"]
    );
    assert!(matching(&found, "not cited").is_empty(), "{found:#?}");
    assert!(
        matching(&found, "not used").is_empty(),
        "a finding a rule tests is used: {found:#?}"
    );
    assert!(matching(&found, "no condition").is_empty());
}

#[test]
fn a_finding_only_a_question_asks_about_is_used() {
    let text = "Graph(\n  regions: [Region(id: \"r\", name: \"R\", entry: \"q\")],\n  findings: [Finding(id: \"f\", name: \"F\", kind: General), Finding(id: \"g\", name: \"G\", kind: General)],\n  questions: [Question(id: \"q\", text: \"Q?\", ask_if: Not(Has(\"g\")), answers: YesNo(no: (rule_out: [\"f\"])))],\n)";
    assert!(matching(&run(text), "not used").is_empty());
}
