//! The validator against hand-written graph files.
//!
//! `tests/fixtures/valid.ron` is a small complete graph; every other fixture used here is
//! a copy of it with one defect (its first line says which). Each test asserts the full
//! list of diagnostics, as printed, so a wrong line, column or wording fails, and so does
//! any extra complaint.

use symptom_explorer::graph::{Diagnostic, Graph, Located, Severity, SourceText, check};

fn fixture(name: &str) -> SourceText {
    let path = format!("tests/fixtures/{name}");
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"));
    SourceText::new(path, text)
}

fn diagnostics(name: &str) -> Vec<Diagnostic> {
    check(vec![fixture(name)]).1
}

/// Every diagnostic for the fixture, as printed, in order.
#[track_caller]
fn assert_reports(name: &str, expected: &[&str]) {
    let got: Vec<String> = diagnostics(name).iter().map(ToString::to_string).collect();
    assert_eq!(got, expected, "\n{name} reported:\n{}\n", got.join("\n"));
}

// ---- the valid graph ----

#[test]
fn valid_graph_has_no_errors_and_no_warnings() {
    let (graph, found) = check(vec![fixture("valid.ron")]);
    assert_eq!(found, vec![]);
    let graph = graph.expect("valid.ron parses");
    assert_eq!(graph.triage.len(), 5);
    assert_eq!(graph.regions.len(), 2);
    assert_eq!(graph.causes.len(), 2);
    assert_eq!(graph.questions.len(), 3);
    assert!(graph.findings.iter().any(|f| f.red_flag.is_some()));
}

// ---- ids ----

#[test]
fn duplicate_id_points_back_at_the_first_definition() {
    assert_reports(
        "duplicate-id.ron",
        &[
            r#"tests/fixtures/duplicate-id.ron:38:21: error: duplicate id "fever" (first defined at tests/fixtures/duplicate-id.ron:37:21)"#,
        ],
    );
    assert_eq!(
        diagnostics("duplicate-id.ron")[0].id.as_deref(),
        Some("fever")
    );
}

#[test]
fn unknown_triage_level_and_the_missing_one() {
    assert_reports(
        "unknown-triage-level.ron",
        &[
            r#"tests/fixtures/unknown-triage-level.ron:7:25: error: unknown triage level "later" (the levels are emergency, urgent, soon, routine and self-care)"#,
        ],
    );
}

#[test]
fn missing_triage_level() {
    assert_reports(
        "missing-triage-level.ron",
        &[r#"tests/fixtures/missing-triage-level.ron:4:5: error: missing triage level "urgent""#],
    );
}

// ---- references ----

#[test]
fn unknown_finding_suggests_the_closest_id() {
    assert_reports(
        "unknown-finding.ron",
        &[
            r#"tests/fixtures/unknown-finding.ron:80:18: error: unknown finding "fevr" in cause "spinal-infection" (did you mean "fever"?)"#,
        ],
    );
    let found = diagnostics("unknown-finding.ron");
    assert_eq!(found[0].id.as_deref(), Some("fevr"));
    assert_eq!(found[0].severity, Severity::Error);
}

#[test]
fn unknown_parent_region() {
    assert_reports(
        "unknown-parent.ron",
        &[
            r#"tests/fixtures/unknown-parent.ron:29:21: error: unknown parent region "bak" in region "lower-back" (did you mean "back"?)"#,
        ],
    );
}

#[test]
fn unknown_question() {
    assert_reports(
        "unknown-question.ron",
        &[
            r#"tests/fixtures/unknown-question.ron:109:24: error: unknown question "sadle" in question "fever-check" (did you mean "saddle"?)"#,
        ],
    );
}

// ---- regions and the question graph ----

#[test]
fn region_without_entry_question() {
    assert_reports(
        "region-no-entry.ron",
        &[
            r#"tests/fixtures/region-no-entry.ron:27:17: error: region "lower-back" has no entry question"#,
        ],
    );
}

#[test]
fn region_parent_cycle() {
    assert_reports(
        "region-parent-cycle.ron",
        &[
            r"tests/fixtures/region-parent-cycle.ron:20:17: error: region parent cycle: back -> lower-back -> back",
        ],
    );
}

#[test]
fn unreachable_question() {
    assert_reports(
        "unreachable-question.ron",
        &[
            r#"tests/fixtures/unreachable-question.ron:127:17: error: question "orphan" cannot be reached from any region's entry question"#,
        ],
    );
}

#[test]
fn question_cycle_names_the_questions_in_order() {
    assert_reports(
        "question-cycle.ron",
        &[
            r"tests/fixtures/question-cycle.ron:97:17: error: question cycle: onset -> fever-check -> saddle -> onset",
        ],
    );
}

// ---- causes ----

#[test]
fn cause_without_region() {
    assert_reports(
        "cause-no-region.ron",
        &[
            r#"tests/fixtures/cause-no-region.ron:78:13: error: cause "spinal-infection" is not reached from any region: its regions list is empty"#,
        ],
    );
}

#[test]
fn cause_without_source() {
    assert_reports(
        "cause-no-source.ron",
        &[
            r#"tests/fixtures/cause-no-source.ron:92:13: error: cause "spinal-infection" has no source"#,
        ],
    );
}

#[test]
fn cause_linking_a_finding_twice() {
    assert_reports(
        "duplicate-link.ron",
        &[
            r#"tests/fixtures/duplicate-link.ron:84:18: error: cause "spinal-infection" links finding "night-pain" twice"#,
        ],
    );
}

#[test]
fn weight_out_of_range() {
    assert_reports(
        "weight-out-of-range.ron",
        &[
            r#"tests/fixtures/weight-out-of-range.ron:83:18: error: weight Lr(250.0) of finding "saddle-numbness" in cause "spinal-infection" is out of range (it must be between 0.01 and 100)"#,
        ],
    );
}

#[test]
fn prevalence_out_of_range() {
    assert_reports(
        "prevalence-out-of-range.ron",
        &[
            r#"tests/fixtures/prevalence-out-of-range.ron:55:26: error: prior of cause "strain" is 0%, out of range (it must be above 0 and at most 100)"#,
        ],
    );
}

#[test]
fn age_range_the_wrong_way_round() {
    assert_reports(
        "age-out-of-range.ron",
        &[
            r#"tests/fixtures/age-out-of-range.ron:63:13: error: age range of cause "strain" is the wrong way round: min 65 is above max 18"#,
        ],
    );
}

// ---- content ----

#[test]
fn red_flag_without_advice() {
    assert_reports(
        "red-flag-no-advice.ron",
        &[
            r#"tests/fixtures/red-flag-no-advice.ron:45:17: error: red-flag finding "saddle-numbness" has no advice"#,
        ],
    );
}

#[test]
fn empty_section_names_the_field() {
    assert_reports(
        "empty-section.ron",
        &[
            r#"tests/fixtures/empty-section.ron:90:13: error: cause "spinal-infection" has an empty section "treatment""#,
        ],
    );
}

#[test]
fn an_empty_gloss_is_an_error() {
    assert_reports(
        "gloss-empty.ron",
        &[
            r#"tests/fixtures/gloss-empty.ron:54:13: error: cause "strain" has an empty gloss (give a few plain words that say what it is, or leave the gloss out)"#,
        ],
    );
}

#[test]
fn a_gloss_too_long_to_stand_beside_the_name_is_an_error() {
    assert_reports(
        "gloss-too-long.ron",
        &[
            r#"tests/fixtures/gloss-too-long.ron:54:13: error: gloss of cause "strain" is 87 characters long, over 60 (it is shown beside the name: a short phrase in plain words)"#,
        ],
    );
    assert_eq!(
        diagnostics("gloss-too-long.ron")[0].id.as_deref(),
        Some("strain")
    );
}

/// A gloss is one line, checked for control characters like every string (see also
/// `every_string_is_checked_where_it_is`); 60 characters of any script are allowed.
#[test]
fn a_gloss_is_one_line_of_safe_text() {
    let valid = fixture("valid.ron").text;
    let gloss = r#"gloss: "an overstretched or torn muscle""#;
    assert!(valid.contains(gloss));
    let with = |text: &str| {
        let changed = valid.replacen(gloss, &format!("gloss: \"{text}\""), 1);
        let found = check(vec![SourceText::new("x.ron", changed)]).1;
        found.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    assert_eq!(
        with(r"two\nlines"),
        [
            r#"x.ron:54:20: error: cause "strain" has a line break in "gloss" (the field is one line)"#
        ]
    );
    assert_eq!(
        with(r"muscle\u{1b}[2J"),
        [
            r#"x.ron:54:20: error: cause "strain" has a control character U+001B (escape) in "gloss" (a terminal would act on it)"#
        ]
    );
    assert_eq!(with(&"é".repeat(60)), Vec::<String>::new());
    assert_eq!(with(&"é".repeat(61)).len(), 1);
}

#[test]
fn choice_question_without_choices() {
    assert_reports(
        "empty-choices.ron",
        &[
            r#"tests/fixtures/empty-choices.ron:110:13: error: question "fever-check" has no choices"#,
        ],
    );
}

#[test]
fn guidance_page_without_sections() {
    assert_reports(
        "guidance-no-sections.ron",
        &[
            r#"tests/fixtures/guidance-no-sections.ron:131:13: error: guidance page "when-to-get-help" has no sections"#,
        ],
    );
}

#[test]
fn syntax_error_has_a_place_and_no_graph() {
    let (graph, found) = check(vec![fixture("syntax-error.ron")]);
    assert!(graph.is_none());
    let got: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        ["tests/fixtures/syntax-error.ron:37:44: error: Expected comma"]
    );
}

// ---- terminal injection: control and bidi characters, ids ----

#[test]
fn escape_sequence_in_a_name() {
    assert_reports(
        "control-name.ron",
        &[
            r#"tests/fixtures/control-name.ron:37:36: error: finding "fever" has a control character U+001B (escape) in "name" (a terminal would act on it)"#,
        ],
    );
    assert_eq!(
        diagnostics("control-name.ron")[0].id.as_deref(),
        Some("fever")
    );
}

#[test]
fn eight_bit_csi_in_advice() {
    assert_reports(
        "control-c1-advice.ron",
        &[
            r#"tests/fixtures/control-c1-advice.ron:45:25: error: finding "saddle-numbness" has a C1 control character U+009B (control sequence introducer) in "red_flag.advice" (a terminal would act on it)"#,
        ],
    );
}

#[test]
fn bidi_override_in_an_alias() {
    assert_reports(
        "bidi-alias.ron",
        &[
            r#"tests/fixtures/bidi-alias.ron:22:23: error: region "back" has a bidi control U+202E (right-to-left override) in "aliases" (it would reorder how the text around it is shown)"#,
        ],
    );
}

#[test]
fn ids_outside_a_z_0_9_and_dash() {
    assert_reports(
        "bad-id-uppercase.ron",
        &[
            r#"tests/fixtures/bad-id-uppercase.ron:129:17: error: guidance page id "When-to-get-help" has an upper-case letter "W" (an id uses only a-z, 0-9 and "-", and starts with a letter or digit)"#,
        ],
    );
    assert_reports(
        "bad-id-space.ron",
        &[
            r#"tests/fixtures/bad-id-space.ron:38:21: error: finding id "night pain" has a space (an id uses only a-z, 0-9 and "-", and starts with a letter or digit)"#,
        ],
    );
    assert_reports(
        "bad-id-underscore.ron",
        &[
            r#"tests/fixtures/bad-id-underscore.ron:138:17: error: triage rule id "fever_at_night" has an underscore (an id uses only a-z, 0-9 and "-", and starts with a letter or digit)"#,
        ],
    );
    assert_eq!(
        diagnostics("bad-id-underscore.ron")[0].id.as_deref(),
        Some("fever_at_night")
    );
}

/// Each string of valid.ron in turn gets an escape written as `\u{1b}`, then a raw
/// right-to-left override, then a tab: each time an error points at that string (a
/// triage level's id is one of five names, so there it is an unknown level).
#[test]
fn every_string_is_checked_where_it_is() {
    let valid = fixture("valid.ron").text;
    let mut strings = Vec::new();
    for (n, line) in valid.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let quotes: Vec<usize> = line.match_indices('"').map(|(i, _)| i).collect();
        for pair in quotes.chunks(2) {
            strings.push((n, pair[0]));
        }
    }
    assert!(strings.len() > 80, "{}", strings.len());
    for payload in [r"\u{1b}]0;x\u{7}", "\u{202e}", "\t"] {
        for &(n, at) in &strings {
            let text: Vec<String> = valid
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    if i == n {
                        format!("{}{payload}{}", &line[..=at], &line[at + 1..])
                    } else {
                        line.to_string()
                    }
                })
                .collect();
            let found = check(vec![SourceText::new("x.ron", text.join("\n"))]).1;
            let here = found.iter().any(|d| {
                (d.line, d.col) == (n + 1, at + 1)
                    && d.is_error()
                    && ["control", "bidi", "unknown triage level"]
                        .iter()
                        .any(|w| d.message.contains(w))
            });
            assert!(
                here,
                "{payload:?} in line {}: {}\n{found:#?}",
                n + 1,
                text[n]
            );
        }
    }
}

// ---- warnings ----

#[test]
fn unused_finding_is_a_warning() {
    assert_reports(
        "unused-finding.ron",
        &[
            r#"tests/fixtures/unused-finding.ron:38:21: warning: finding "weight-loss" is not used by any cause, triage rule or question"#,
        ],
    );
}

#[test]
fn cause_with_few_findings_is_a_warning() {
    assert_reports(
        "few-findings.ron",
        &[
            r#"tests/fixtures/few-findings.ron:79:13: warning: cause "spinal-infection" has only 2 findings (at least 3 are advised)"#,
        ],
    );
}

#[test]
fn uncited_source_is_a_warning() {
    assert_reports(
        "uncited-source.ron",
        &[
            r#"tests/fixtures/uncited-source.ron:17:20: warning: source "unused-source" is not cited anywhere"#,
        ],
    );
}

#[test]
fn cause_the_interview_cannot_raise_is_a_warning() {
    assert_reports(
        "cause-never-raised.ron",
        &[
            r#"tests/fixtures/cause-never-raised.ron:52:17: warning: cause "strain" can never be raised by the interview: no question adds any finding that counts for it"#,
        ],
    );
}

// ---- triage rules ----

#[test]
fn unknown_finding_in_a_rule_suggests_the_closest_id() {
    assert_reports(
        "rule-unknown-finding.ron",
        &[
            r#"tests/fixtures/rule-unknown-finding.ron:141:19: error: unknown finding "night-pian" in triage rule "rule-fever-night" (did you mean "night-pain"?)"#,
        ],
    );
    assert_eq!(
        diagnostics("rule-unknown-finding.ron")[0].id.as_deref(),
        Some("night-pian")
    );
}

#[test]
fn unknown_cause_in_points_at() {
    assert_reports(
        "rule-unknown-cause.ron",
        &[
            r#"tests/fixtures/rule-unknown-cause.ron:145:25: error: unknown cause "spinal-infektion" in triage rule "rule-fever-night" (did you mean "spinal-infection"?)"#,
        ],
    );
}

#[test]
fn unknown_triage_level_in_a_rule() {
    assert_reports(
        "rule-unknown-triage-level.ron",
        &[
            r#"tests/fixtures/rule-unknown-triage-level.ron:143:21: error: unknown triage level "urgnet" (did you mean "urgent"?)"#,
        ],
    );
}

#[test]
fn rule_without_any_condition_fires_for_everyone() {
    assert_reports(
        "rule-no-condition.ron",
        &[
            r#"tests/fixtures/rule-no-condition.ron:138:17: error: triage rule "rule-fever-night" has no condition, so it fires for everyone (give it findings, regions, an age, a sex or new_or_worse)"#,
        ],
    );
}

#[test]
fn duplicate_rule_id_points_back_at_the_first_rule() {
    assert_reports(
        "rule-duplicate-id.ron",
        &[
            r#"tests/fixtures/rule-duplicate-id.ron:149:17: error: duplicate id "rule-fever-night" (first defined at tests/fixtures/rule-duplicate-id.ron:138:17)"#,
        ],
    );
}

#[test]
fn urgent_rule_without_a_source() {
    assert_reports(
        "rule-no-source.ron",
        &[
            r#"tests/fixtures/rule-no-source.ron:138:17: error: triage rule "rule-fever-night" sets the urgent level but cites no source"#,
        ],
    );
}

#[test]
fn new_or_worse_rule_without_any_recent_finding() {
    assert_reports(
        "rule-new-or-worse.ron",
        &[
            r#"tests/fixtures/rule-new-or-worse.ron:143:13: error: triage rule "rule-fever-night" needs a new or worsening finding (new_or_worse: true), but no finding is marked recent: true, so it can never fire"#,
        ],
    );
}

// ---- every path asks about every emergency ----

#[test]
fn emergency_asked_only_after_yes_is_missed_after_no() {
    assert_reports(
        "safety-yes-branch.ron",
        &[
            r#"tests/fixtures/safety-yes-branch.ron:20:17: error: region "back": the emergency finding "saddle-numbness" is not asked on every path; first path that misses it: onset (no) -> end"#,
            r#"tests/fixtures/safety-yes-branch.ron:27:17: error: region "lower-back": the emergency finding "saddle-numbness" is not asked on every path; first path that misses it: onset (no) -> end"#,
        ],
    );
    let found = diagnostics("safety-yes-branch.ron");
    assert!(
        found
            .iter()
            .all(|d| d.id.as_deref() == Some("saddle-numbness"))
    );
}

#[test]
fn emergency_skipped_by_a_condition_for_part_of_a_region() {
    assert_reports(
        "safety-ask-if.ron",
        &[
            r#"tests/fixtures/safety-ask-if.ron:27:17: error: region "lower-back": the emergency finding "saddle-numbness" is not asked on every path; first path that misses it: onset (yes) -> end"#,
        ],
    );
}

#[test]
fn emergency_asked_on_every_branch_is_fine() {
    let (graph, found) = check(vec![fixture("safety-every-path.ron")]);
    assert_eq!(found, vec![]);
    assert_eq!(graph.expect("parses").rules.len(), 1);
}

#[test]
fn emergency_behind_a_checklist_tick_is_reported_with_the_answer_that_misses_it() {
    assert_reports(
        "safety-checklist.ron",
        &[
            r#"tests/fixtures/safety-checklist.ron:20:17: error: region "back": the emergency finding "saddle-numbness" is not asked on every path; first path that misses it: onset ("none of these") -> fever-check ("Yes, a high temperature") -> end"#,
            r#"tests/fixtures/safety-checklist.ron:27:17: error: region "lower-back": the emergency finding "saddle-numbness" is not asked on every path; first path that misses it: onset ("none of these") -> fever-check ("Yes, a high temperature") -> end"#,
        ],
    );
}

#[test]
fn emergency_in_a_checklist_is_asked_whatever_is_ticked() {
    let (graph, found) = check(vec![fixture("safety-checklist-ok.ron")]);
    assert_eq!(found, vec![]);
    assert_eq!(graph.expect("parses").questions.len(), 2);
}

// ---- all at once ----

#[test]
fn every_error_is_reported_in_one_run() {
    assert_reports(
        "multiple-errors.ron",
        &[
            r#"tests/fixtures/multiple-errors.ron:28:13: error: region "lower-back" has an empty section "name""#,
            r#"tests/fixtures/multiple-errors.ron:63:13: error: age range of cause "strain" has max 130, above 120"#,
            r#"tests/fixtures/multiple-errors.ron:108:32: error: unknown finding "fevers" in the condition of question "fever-check" (did you mean "fever"?)"#,
            r#"tests/fixtures/multiple-errors.ron:112:18: error: question "fever-check" has an empty section "label" (choice 2)"#,
            r#"tests/fixtures/multiple-errors.ron:132:102: error: unknown source "test-sorce" in guidance page "when-to-get-help" (did you mean "test-source"?)"#,
        ],
    );
}

// ---- content packs ----

/// valid.ron cut in two just before `causes:`: triage, sources, regions and findings in
/// one pack; causes, questions and guidance (which refer to the first) in the other.
fn valid_as_two_packs() -> Vec<SourceText> {
    let text = fixture("valid.ron").text;
    let cut = text.find("    causes: [").expect("valid.ron has causes");
    vec![
        SourceText::new("packs/core.ron", format!("{})\n", &text[..cut])),
        SourceText::new("packs/content.ron", format!("Graph(\n{}", &text[cut..])),
    ]
}

fn items<T: Clone>(located: &[Located<T>]) -> Vec<T> {
    located.iter().map(|l| l.item.clone()).collect()
}

fn assert_same_content(a: &Graph, b: &Graph) {
    assert_eq!(items(&a.triage), items(&b.triage));
    assert_eq!(items(&a.sources), items(&b.sources));
    assert_eq!(items(&a.regions), items(&b.regions));
    assert_eq!(items(&a.findings), items(&b.findings));
    assert_eq!(items(&a.causes), items(&b.causes));
    assert_eq!(items(&a.questions), items(&b.questions));
    assert_eq!(items(&a.guidance), items(&b.guidance));
    assert_eq!(items(&a.rules), items(&b.rules));
}

#[test]
fn valid_graph_split_into_two_packs_loads_the_same() {
    let (whole, found) = check(vec![fixture("valid.ron")]);
    assert_eq!(found, vec![]);
    let (split, found) = check(valid_as_two_packs());
    assert_eq!(found, vec![], "references across packs resolve");
    let (whole, split) = (whole.expect("whole parses"), split.expect("packs parse"));
    assert_same_content(&whole, &split);
    assert!(split.findings.iter().all(|f| f.file == 0));
    assert!(split.causes.iter().all(|c| c.file == 1));
}

#[test]
fn duplicate_id_across_packs_points_at_the_other_pack() {
    let mut packs = valid_as_two_packs();
    packs.push(SourceText::new(
        "packs/extra.ron",
        "Graph(\n    findings: [\n        Finding(id: \"fever\", name: \"Fever\", kind: General),\n    ],\n)\n",
    ));
    let (_, found) = check(packs);
    let got: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            r#"packs/extra.ron:3:21: error: duplicate id "fever" (first defined at packs/core.ron:37:21)"#
        ]
    );
}

#[test]
fn errors_in_several_packs_come_sorted_by_pack_then_line() {
    let mut packs = valid_as_two_packs();
    // Every use of "fever" mistyped: errors in the second pack, "fever" unused in the first.
    packs[1].text = packs[1].text.replace("\"fever\"", "\"fevr\"");
    packs[0].text = packs[0].text.replace("name: \"Lower back\"", "name: \"\"");
    let (_, found) = check(packs);
    let got: Vec<(&str, usize, bool)> = found
        .iter()
        .map(|d| (d.file.as_str(), d.line, d.is_error()))
        .collect();
    assert_eq!(
        got,
        [
            ("packs/core.ron", 28, true),
            ("packs/core.ron", 37, false),
            ("packs/content.ron", 33, true),
            ("packs/content.ron", 61, true),
            ("packs/content.ron", 64, true),
            ("packs/content.ron", 65, true),
        ]
    );
}

// ---- robustness ----

/// Whatever an editor leaves behind, checking never panics: every line of valid.ron
/// deleted in turn, every string emptied in turn, and the file cut off all along.
#[test]
fn damaged_files_never_panic() {
    let text = fixture("valid.ron").text;
    let lines: Vec<&str> = text.lines().collect();
    let mut variants: Vec<String> = (0..lines.len())
        .map(|i| {
            let mut kept = lines.clone();
            kept.remove(i);
            kept.join("\n")
        })
        .collect();
    let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    for pair in quotes.chunks(2) {
        if let [open, close] = pair {
            variants.push(format!("{}{}", &text[..=*open], &text[*close..]));
        }
    }
    variants.extend(
        (0..text.len())
            .step_by(3)
            .filter(|&i| text.is_char_boundary(i))
            .map(|i| text[..i].to_string()),
    );
    for variant in variants {
        let _ = check(vec![SourceText::new("damaged.ron", variant)]);
    }
}

// ---- one typo, one error ----

#[test]
fn a_mistyped_next_is_one_error_not_one_per_question_behind_it() {
    let mut files = symptom_explorer::graph::load::bundled();
    let questions = files
        .iter_mut()
        .find(|f| f.name == "data/questions.ron")
        .expect("bundled questions");
    assert!(questions.text.contains(r#"next: "q-history""#));
    questions.text = questions
        .text
        .replace(r#"next: "q-history""#, r#"next: "q-histry""#);
    let found = check(files).1;
    let cut_off: Vec<String> = found
        .iter()
        .filter(|d| d.message.contains("cannot be reached"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(cut_off.len(), 1, "{cut_off:#?}");
    assert!(
        cut_off[0].contains(r#"question "q-history" cannot be reached"#),
        "{}",
        cut_off[0]
    );
    assert!(
        found
            .iter()
            .any(|d| d.message.contains(r#"unknown question "q-histry""#)
                && d.message.contains(r#"did you mean "q-history""#)),
        "{found:#?}"
    );
}
