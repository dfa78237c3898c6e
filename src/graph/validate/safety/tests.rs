//! The reachability search on small graphs: what counts as a target, which paths miss
//! one, and that the search stays small where a naive one would not.

use super::*;
use crate::graph::load::{SourceText, parse};
use crate::graph::validate::validate;

/// Regions back (entry q1), its part low, and arm (entry q1 too); the emergency finding
/// "numb" and two plain findings "x" and "y".
const HEAD: &str = r#"
    regions: [
        Region(id: "back", name: "Back", entry: "q1"),
        Region(id: "low", name: "Low back", parent: "back"),
        Region(id: "arm", name: "Arm", entry: "q1"),
    ],
    findings: [
        Finding(id: "numb", name: "Numb", kind: Nerve, red_flag: RedFlag(triage: "emergency", advice: "Go now.")),
        Finding(id: "x", name: "X", kind: General),
        Finding(id: "y", name: "Y", kind: General),
    ],
"#;

/// A cause felt in the back that counts "numb" for it.
const CAUSE: &str = r#"causes: [Cause(id: "c", name: "C", prevalence: Rare, regions: ["back"],
    findings: [("numb", Strong)], triage: "emergency", summary: "s", feels: "f", seek_help: "h",
    diagnosis: "d", treatment: "t", prevention: "p", sources: [])],"#;

fn graph(sections: &str, questions: &str) -> Graph {
    let text = format!("Graph(\n{HEAD}\n{sections}\n    questions: [\n{questions}\n    ],\n)");
    parse(vec![SourceText::new("t.ron", text)]).expect("test graph parses")
}

/// `target: path` for each target some path from the region's entry misses.
fn missed(g: &Graph, region: &str) -> Vec<String> {
    let model = Model::new(g, true);
    let entry = g
        .entry_question(region)
        .and_then(|id| model.step_index(id))
        .expect("the region has an entry");
    missed_targets(g, &model, region, entry, &mut Solved::default(), None)
        .into_iter()
        .map(|(target, path)| format!("{}: {path}", target.what.id()))
        .collect()
}

fn target_ids(g: &Graph, region: &str) -> Vec<String> {
    let model = Model::new(g, true);
    targets(g, &model, region)
        .into_iter()
        .map(|t| t.what.id().to_string())
        .collect()
}

/// Nodes the search creates for a region, over all its groups.
fn nodes(g: &Graph, region: &str) -> usize {
    let model = Model::new(g, true);
    let entry = g
        .entry_question(region)
        .and_then(|id| model.step_index(id))
        .expect("the region has an entry");
    let view = RegionView::new(g, &model, region);
    view.groups(&model, &targets(g, &model, region))
        .iter()
        .map(|group| {
            let mut search = Search::new(&model, &view, group);
            search.solve(entry);
            search.nodes.len()
        })
        .sum()
}

const ASK_NUMB: &str = r#"YesNo(yes: (add: ["numb"]), no: (rule_out: ["numb"]))"#;

#[test]
fn asked_on_every_path_misses_nothing() {
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["x"], next: "q2"), no: (next: "q3")), next: "q3"),
            Question(id: "q2", text: "?", answers: {ASK_NUMB}),
            Question(id: "q3", text: "?", answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), Vec::<String>::new());
    assert_eq!(missed(&g, "low"), Vec::<String>::new());
}

#[test]
fn a_finding_asked_only_after_yes_is_missed_after_no() {
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (next: "q2"))),
            Question(id: "q2", text: "?", answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), ["numb: q1 (no) -> end"]);
}

#[test]
fn a_region_condition_can_skip_it_for_part_of_a_region() {
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Not(InRegion("low")), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), Vec::<String>::new());
    assert_eq!(missed(&g, "low"), ["numb: q1 (yes) -> end"]);
    assert!(
        target_ids(&g, "arm").is_empty(),
        "the cause is not felt in the arm"
    );
}

#[test]
fn conditions_are_decided_by_the_answers_on_the_path() {
    // Asked after yes (q2) and after no (q3), so missed only after "not sure".
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["x"]), no: (rule_out: ["x"])), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Has("x"), answers: {ASK_NUMB}, next: "q3"),
            Question(id: "q3", text: "?", ask_if: Lacks("x"), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), ["numb: q1 (unsure) -> end"]);
}

#[test]
fn a_skip_no_answer_leads_to_is_not_reported() {
    let every_answer_adds_x = r#"YesNo(yes: (add: ["x"]), no: (add: ["x"]), unsure: (add: ["x"]))"#;
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: {every_answer_adds_x}, next: "q2"),
            Question(id: "q2", text: "?", ask_if: Has("x"), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), Vec::<String>::new());
    // Ruling x out again on one branch opens a path that misses it.
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: {every_answer_adds_x}, next: "q1b"),
            Question(id: "q1b", text: "?", answers: YesNo(no: (rule_out: ["x"])), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Has("x"), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), ["numb: q1 (yes) -> q1b (no) -> end"]);
}

#[test]
fn age_conditions_follow_the_recorded_age() {
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "Age?", answers: Choice([(label: "70", age: 70), (label: "30", age: 30)]), next: "old"),
            Question(id: "old", text: "?", ask_if: Age(AgeRange(min: 65)), answers: {ASK_NUMB}, next: "young"),
            Question(id: "young", text: "?", ask_if: Age(AgeRange(max: 64)), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), ["numb: q1 (unsure) -> end"]);
}

#[test]
fn sex_conditions_follow_the_recorded_sex() {
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "Sex?", answers: Choice([(label: "Female", sex: Female), (label: "Male", sex: Male)]), next: "f"),
            Question(id: "f", text: "?", ask_if: IsSex(Female), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), [r#"numb: q1 ("Male") -> end"#]);
}

#[test]
fn an_emergency_rule_needs_its_findings_age_and_sex_asked() {
    let rules = r#"rules: [
        TriageRule(id: "rule-e", name: "E", all: ["x"], any: ["y"], none: ["numb"], age: AgeRange(min: 50),
            sex: Female, regions: ["low"], triage: "emergency", advice: "a", sources: []),
        TriageRule(id: "rule-u", name: "U", all: ["numb"], triage: "urgent", advice: "a"),
    ],"#;
    let g = graph(
        rules,
        r#"Question(id: "q1", text: "Age?", answers: Choice([(label: "Under 50", age: 30), (label: "50 or over", age: 70)]), next: "q2"),
        Question(id: "q2", text: "?", answers: YesNo(yes: (add: ["x"], next: "q3"), no: (rule_out: ["y"]))),
        Question(id: "q3", text: "Sex?", answers: Choice([(label: "Female", sex: Female), (label: "Male", sex: Male)])),"#,
    );
    // "none" findings and urgent rules make no targets.
    assert_eq!(target_ids(&g, "low"), ["x", "y", "rule-e", "rule-e"]);
    // A rule for a part of the back applies to the back; not to the arm.
    assert_eq!(target_ids(&g, "back"), target_ids(&g, "low"));
    assert!(target_ids(&g, "arm").is_empty());
    // Under 50 the rule cannot fire (its age settles it), nor once "no" rules out its
    // only `any` finding; "not sure" leaves it open and the sex unasked.
    assert_eq!(
        missed(&g, "back"),
        [r#"rule-e: q1 ("50 or over") -> q2 (unsure) -> end"#]
    );
    let model = Model::new(&g, true);
    let sex = targets(&g, &model, "back").pop().expect("targets");
    assert_eq!((sex.item, sex.what), (model.sex, What::Sex("rule-e")));
}

#[test]
fn only_links_that_count_for_a_cause_make_targets() {
    let cause = |regions: &str, weight: &str| {
        CAUSE
            .replace(r#"regions: ["back"]"#, &format!("regions: [{regions}]"))
            .replace("Strong", weight)
    };
    let ask = r#"Question(id: "q1", text: "?", answers: YesNo()),"#;
    for (weight, counts) in [
        ("Typical", true),
        ("Sometimes", true),
        ("Lr(1.0)", true),
        ("Against", false),
        ("Lr(0.5)", false),
    ] {
        let g = graph(&cause(r#""back""#, weight), ask);
        assert_eq!(!target_ids(&g, "back").is_empty(), counts, "{weight}");
    }
    // A cause felt in part of the back covers the back, and the other way round.
    let g = graph(&cause(r#""low""#, "Strong"), ask);
    assert_eq!(target_ids(&g, "back"), ["numb"]);
    assert!(target_ids(&g, "arm").is_empty());
    let g = graph(&cause(r#""back""#, "Strong"), ask);
    assert_eq!(target_ids(&g, "low"), ["numb"]);
    // A red flag below emergency makes no target.
    let g = graph(&cause(r#""back""#, "Strong"), ask);
    let text = g.files[0].text.replace(
        r#"triage: "emergency", advice: "Go now.""#,
        r#"triage: "urgent", advice: "Go today.""#,
    );
    let g = parse(vec![SourceText::new("t.ron", text)]).expect("parses");
    assert!(target_ids(&g, "back").is_empty());
}

#[test]
fn the_path_shows_every_question_asked_on_it() {
    // q1 has nothing to do with "numb", but is asked on the way.
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["y"])), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Has("y"), answers: YesNo(), next: "q3"),
            Question(id: "q3", text: "?", answers: YesNo(yes: (next: "q4"))),
            Question(id: "q4", text: "?", answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(
        missed(&g, "back"),
        ["numb: q1 (yes) -> q2 (yes) -> q3 (no) -> end"]
    );
}

#[test]
fn validate_reports_each_region_at_its_definition() {
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (next: "q2"))),
            Question(id: "q2", text: "?", answers: {ASK_NUMB}),"#
        ),
    );
    let found: Vec<String> = validate(&g)
        .into_iter()
        .filter(|d| d.message.contains("not asked"))
        .map(|d| format!("{d} [{}]", d.id.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            r#"t.ron:4:20: error: region "back": the emergency finding "numb" is not asked on every path; first path that misses it: q1 (no) -> end [numb]"#,
            r#"t.ron:5:20: error: region "low": the emergency finding "numb" is not asked on every path; first path that misses it: q1 (no) -> end [numb]"#,
        ]
    );
}

#[test]
fn a_cycle_or_a_broken_link_leaves_the_check_out() {
    for questions in [
        format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (next: "q2"))),
            Question(id: "q2", text: "?", answers: {ASK_NUMB}, next: "q1"),"#
        ),
        format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (next: "q2"), no: (next: "q3"))),
            Question(id: "q2", text: "?", answers: {ASK_NUMB}),"#
        ),
    ] {
        let found = validate(&graph(CAUSE, &questions));
        assert!(
            found
                .iter()
                .any(crate::graph::diagnostic::Diagnostic::is_error)
        );
        assert!(
            !found.iter().any(|d| d.message.contains("not asked")),
            "{found:#?}"
        );
    }
    // The search itself survives a cycle.
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (next: "q2"))),
            Question(id: "q2", text: "?", answers: {ASK_NUMB}, next: "q1"),"#
        ),
    );
    assert_eq!(missed(&g, "back"), ["numb: q1 (no) -> end"]);
}

#[test]
fn a_question_that_decides_a_deciding_question_is_followed() {
    // Whether q3 asks "numb" depends on x, which q2 records only when q1 recorded y.
    let g = graph(
        CAUSE,
        &format!(
            r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["y"])), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Has("y"), answers: YesNo(yes: (add: ["x"])), next: "q3"),
            Question(id: "q3", text: "?", ask_if: Not(Has("x")), answers: {ASK_NUMB}),"#
        ),
    );
    assert_eq!(missed(&g, "back"), ["numb: q1 (yes) -> q2 (yes) -> end"]);
}

/// `n` findings f1..fn and a chain of questions q1..qn, each asking about its own finding
/// when the one before was not ruled out, then "numb" unless fn is present.
fn chain(n: usize) -> Graph {
    let findings: String = (1..=n)
        .map(|i| format!(r#"Finding(id: "f{i}", name: "F", kind: General),"#))
        .collect();
    let mut questions: String = (1..=n)
        .map(|i| {
            let ask_if = match i {
                1 => String::new(),
                _ => format!(r#"ask_if: Not(Lacks("f{}")), "#, i - 1),
            };
            format!(
                r#"Question(id: "q{i}", text: "?", {ask_if}answers: YesNo(yes: (add: ["f{i}"]), no: (rule_out: ["f{i}"])), next: "q{}"),"#,
                i + 1
            )
        })
        .collect();
    questions.push_str(&format!(
        r#"Question(id: "q{}", text: "?", ask_if: Not(Has("f{n}")), answers: {ASK_NUMB}),"#,
        n + 1
    ));
    let text = format!(
        "Graph(\n{}\n{CAUSE}\n    questions: [{questions}],\n)",
        HEAD.replace("findings: [", &format!("findings: [{findings}"))
    );
    parse(vec![SourceText::new("t.ron", text)]).expect("chain parses")
}

#[test]
fn what_no_later_condition_tests_is_forgotten() {
    // Every finding bears on "numb", but each is tested only by the next question: with
    // everything remembered there would be about 3^20 nodes.
    let g = chain(20);
    assert!(nodes(&g, "back") < 200, "{} nodes", nodes(&g, "back"));
    assert_eq!(
        missed(&g, "back"),
        [
            "numb: q1 (yes) -> q2 (yes) -> q3 (yes) -> q4 (yes) -> q5 (yes) -> q6 (yes) -> q7 (yes) -> q8 (yes) -> q9 (yes) -> q10 (yes) -> q11 (yes) -> q12 (yes) -> q13 (yes) -> q14 (yes) -> q15 (yes) -> q16 (yes) -> q17 (yes) -> q18 (yes) -> q19 (yes) -> q20 (yes) -> end"
        ]
    );
}

#[test]
fn questions_that_do_not_bear_on_a_target_are_passed_over() {
    // Twenty questions that test and record findings, none of them "numb" or a finding
    // that decides whether "numb" is asked.
    let g = chain(20);
    let text = g.files[0].text.replace(r#"ask_if: Not(Has("f20")), "#, "");
    let g = parse(vec![SourceText::new("t.ron", text)]).expect("parses");
    assert!(nodes(&g, "back") <= 21, "{} nodes", nodes(&g, "back"));
    assert!(missed(&g, "back").is_empty());
}

#[test]
fn a_long_chain_needs_no_deep_recursion() {
    let g = chain(3000);
    assert_eq!(missed(&g, "back").len(), 1);
    assert!(!validate(&g).iter().any(|d| d.message.contains("cycle")));
}

// ---- against every path, walked by the interview itself ----

/// A small deterministic generator (xorshift), so failures can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % sides as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.roll(from.len())]
    }
}

const FINDINGS: [&str; 7] = ["f0", "f1", "f2", "f3", "f4", "f5", "f6"];

fn random_condition(dice: &mut Dice, depth: usize) -> String {
    let finding = dice.pick(&FINDINGS);
    match dice.roll(if depth > 1 { 7 } else { 10 }) {
        0 | 1 => format!(r#"Has("{finding}")"#),
        2 | 3 => format!(r#"Lacks("{finding}")"#),
        4 => format!(r#"InRegion("{}")"#, dice.pick(&["back", "low"])),
        5 => "Age(AgeRange(min: 50))".to_string(),
        6 => "IsSex(Female)".to_string(),
        7 => format!("Not({})", random_condition(dice, depth + 1)),
        8 => format!(
            "All([{}, {}])",
            random_condition(dice, depth + 1),
            random_condition(dice, depth + 1)
        ),
        _ => format!(
            "Any([{}, {}])",
            random_condition(dice, depth + 1),
            random_condition(dice, depth + 1)
        ),
    }
}

fn random_ids(dice: &mut Dice) -> String {
    let ids: Vec<String> = (0..dice.roll(3))
        .map(|_| format!("\"{}\"", dice.pick(&FINDINGS)))
        .collect();
    ids.join(", ")
}

/// A later question, or the end; half the time nothing, so the question's `next` holds.
fn random_next(dice: &mut Dice, from: usize, count: usize) -> String {
    let to = from + 1 + dice.roll(count - from + 1);
    match dice.roll(4) {
        0 | 1 => String::new(),
        2 if to < count => format!(r#"next: "q{to}","#),
        _ => "next: None,".to_string(),
    }
}

fn random_graph(dice: &mut Dice) -> Graph {
    let count = 6;
    let mut questions = String::new();
    for i in 0..count {
        let ask_if = match dice.roll(3) {
            0 => String::new(),
            _ => format!("ask_if: {}, ", random_condition(dice, 0)),
        };
        let otherwise = match dice.roll(3) {
            0 => format!(
                "otherwise: \"q{}\", ",
                (i + 1 + dice.roll(count)).min(count)
            ),
            _ => String::new(),
        };
        let kind = dice.roll(3);
        let answers = if kind == 2 {
            // A checklist of distinct findings.
            let mut picked: Vec<&str> = Vec::new();
            for _ in 0..=dice.roll(3) {
                let f = dice.pick(&FINDINGS);
                if !picked.contains(&f) {
                    picked.push(f);
                }
            }
            let items: Vec<String> = picked
                .iter()
                .map(|f| format!("(label: \"{f}\", finding: \"{f}\")"))
                .collect();
            format!("Checklist([{}])", items.join(", "))
        } else if kind == 0 {
            let mut outcome = || {
                format!(
                    "(add: [{}], rule_out: [{}], {})",
                    random_ids(dice),
                    random_ids(dice),
                    random_next(dice, i, count)
                )
            };
            format!(
                "YesNo(yes: {}, no: {}, unsure: {})",
                outcome(),
                outcome(),
                outcome()
            )
        } else {
            let options: Vec<String> = (0..=dice.roll(3))
                .map(|o| {
                    let age = ["", "age: 30, ", "age: 70, "][dice.roll(3)];
                    let sex = ["", "sex: Female, ", "sex: Male, "][dice.roll(3)];
                    format!(
                        "(label: \"c{o}\", add: [{}], rule_out: [{}], {age}{sex}{})",
                        random_ids(dice),
                        random_ids(dice),
                        random_next(dice, i, count)
                    )
                })
                .collect();
            format!("Choice([{}])", options.join(", "))
        };
        // Mostly a chain, as content is written.
        let next = match dice.roll(3) {
            0 => random_next(dice, i, count),
            _ => format!(r#"next: "q{}","#, i + 1),
        };
        questions.push_str(&format!(
            "Question(id: \"q{i}\", text: \"?\", {ask_if}{otherwise}answers: {answers}, {next}),\n"
        ));
    }
    let rule_regions = ["", r#"regions: ["low"], "#, r#"regions: ["back"], "#][dice.roll(3)];
    let rule_age = ["", "age: AgeRange(min: 50), "][dice.roll(2)];
    let rule_sex = ["", "sex: Male, "][dice.roll(2)];
    let text = format!(
        r#"Graph(
    regions: [
        Region(id: "back", name: "Back", entry: "q0"),
        Region(id: "low", name: "Low back", parent: "back"),
    ],
    findings: [
        Finding(id: "f0", name: "F0", kind: Nerve, red_flag: RedFlag(triage: "emergency", advice: "Go.")),
        Finding(id: "f1", name: "F1", kind: Nerve, red_flag: RedFlag(triage: "emergency", advice: "Go.")),
        Finding(id: "f2", name: "F2", kind: General),
        Finding(id: "f3", name: "F3", kind: General),
        Finding(id: "f4", name: "F4", kind: General),
        Finding(id: "f5", name: "F5", kind: General),
        Finding(id: "f6", name: "F6", kind: General),
    ],
    causes: [Cause(id: "c", name: "C", prevalence: Rare, regions: ["{}"],
        findings: [("f0", Strong), ("f1", Typical)], triage: "emergency", summary: "s", feels: "f",
        seek_help: "h", diagnosis: "d", treatment: "t", prevention: "p", sources: [])],
    rules: [TriageRule(id: "r", name: "R", all: [{}], any: [{}], {rule_regions}{rule_age}{rule_sex}
        triage: "emergency", advice: "a", sources: [])],
    questions: [
{questions}    ],
)"#,
        dice.pick(&["back", "low"]),
        random_ids(dice),
        random_ids(dice),
    );
    parse(vec![SourceText::new("random.ron", text.clone())])
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

/// Every path of the interview for the region, by answering each question every way
/// `Interview::walk` allows, in the order the search tries answers. For each target, the
/// first path that misses it, as the search reports paths.
fn every_path(g: &Graph, region: &str, targets: &[Target]) -> Vec<Option<String>> {
    use crate::engine::interview::{Answer, Interview};

    fn asks(g: &Graph, question: &str, target: &Target) -> bool {
        let q = g.question(question).expect("answered questions exist");
        let mentions = |ids: &[String]| match &target.what {
            What::Finding(id) => ids.iter().any(|f| f == id),
            _ => false,
        };
        match &q.answers {
            Answers::YesNo { yes, no, unsure } => [yes, no, unsure]
                .iter()
                .any(|o| mentions(&o.add) || mentions(&o.rule_out)),
            Answers::Choice(choices) => choices.iter().any(|c| {
                mentions(&c.add)
                    || mentions(&c.rule_out)
                    || matches!(target.what, What::Age(_)) && c.age.is_some()
                    || matches!(target.what, What::Sex(_)) && c.sex.is_some()
            }),
            Answers::Checklist(items) => items
                .iter()
                .any(|i| mentions(std::slice::from_ref(&i.finding))),
        }
    }

    fn walk(g: &Graph, iv: &mut Interview, targets: &[Target], first: &mut [Option<String>]) {
        let w = iv.walk(g);
        let Some(current) = w.current else {
            for (t, target) in targets.iter().enumerate() {
                if first[t].is_none() && !w.answered.iter().any(|(q, _)| asks(g, q, target)) {
                    let mut parts: Vec<String> = w
                        .answered
                        .iter()
                        .map(|(q, a)| {
                            let question = g.question(q).expect("exists");
                            let label = match a {
                                Answer::Yes => "yes".to_string(),
                                Answer::No => "no".to_string(),
                                Answer::Unsure => "unsure".to_string(),
                                Answer::Choice(_) | Answer::Checked(_) => {
                                    format!("\"{}\"", a.describe(question))
                                }
                            };
                            format!("{q} ({label})")
                        })
                        .collect();
                    parts.push("end".to_string());
                    first[t] = Some(parts.join(" -> "));
                }
            }
            return;
        };
        let question = g.question(&current).expect("current exists");
        let answers: Vec<Answer> = match &question.answers {
            Answers::YesNo { .. } => vec![Answer::Yes, Answer::No, Answer::Unsure],
            Answers::Choice(choices) => (0..choices.len())
                .map(Answer::Choice)
                .chain([Answer::Unsure])
                .collect(),
            Answers::Checklist(items) => (0..1u64 << items.len())
                .map(Answer::Checked)
                .chain([Answer::Unsure])
                .collect(),
        };
        for answer in answers {
            let mut next = iv.clone();
            next.answer(&current, answer);
            walk(g, &mut next, targets, first);
        }
    }

    let mut first = vec![None; targets.len()];
    walk(
        g,
        &mut Interview::new(vec![region.to_string()]),
        targets,
        &mut first,
    );
    first
}

#[test]
fn the_search_agrees_with_walking_every_path() {
    let mut dice = Dice(0x5eed_cafe_f00d_d00d);
    let mut misses = 0;
    for round in 0..300 {
        let g = random_graph(&mut dice);
        // The search itself, without the exemptions' virtual questions (which the walker
        // below does not model; `exempt` has its own tests).
        let model = Model::new(&g, false);
        let entry = model.step_index("q0").expect("q0");
        // Shared, as in `check`: regions that see the same conditions share searches.
        let mut solved = Solved::default();
        for region in ["back", "low"] {
            let targets = targets(&g, &model, region);
            let expected = every_path(&g, region, &targets);
            let found = missed_targets(&g, &model, region, entry, &mut solved, None);
            let got: Vec<Option<String>> = targets
                .iter()
                .map(|t| {
                    found
                        .iter()
                        .find(|(f, _)| f == t)
                        .map(|(_, path)| path.clone())
                })
                .collect();
            assert_eq!(
                got, expected,
                "round {round}, region {region}, targets {targets:?}\n{}",
                g.files[0].text
            );
            misses += got.iter().flatten().count();
        }
    }
    assert!(misses > 100, "the graphs exercise both outcomes: {misses}");
}

/// The graph with "numb" only mattering alongside "x" (`only_with`), and a male-only cause.
fn settled_graph(questions: &str) -> Graph {
    let head = HEAD.replace(
        r"kind: Nerve, red_flag",
        r#"kind: Nerve, only_with: ["x"], red_flag"#,
    );
    let text = format!("Graph(\n{head}\n{CAUSE}\n    questions: [\n{questions}\n    ],\n)");
    parse(vec![SourceText::new("t.ron", text)]).expect("test graph parses")
}

#[test]
fn a_target_settled_by_what_is_absent_need_not_be_asked() {
    // Asked only when "x" is not ruled out: "no" to x settles it, "not sure" does not.
    let g = settled_graph(&format!(
        r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["x"]), no: (rule_out: ["x"])), next: "q2"),
        Question(id: "q2", text: "?", ask_if: Not(Lacks("x")), answers: {ASK_NUMB}),"#
    ));
    assert_eq!(missed(&g, "back"), Vec::<String>::new());
    let g = settled_graph(&format!(
        r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["x"]), no: (rule_out: ["x"])), next: "q2"),
        Question(id: "q2", text: "?", ask_if: Has("x"), answers: {ASK_NUMB}),"#
    ));
    assert_eq!(missed(&g, "back"), ["numb: q1 (unsure) -> end"]);
}

#[test]
fn an_emergency_rule_settled_by_an_absent_finding_need_not_ask_the_rest() {
    let rules = r#"rules: [
        TriageRule(id: "rule-e", name: "E", all: ["x"], any: ["y"], triage: "emergency", advice: "a", sources: []),
    ],"#;
    // "y" is asked only when "x" is present or unknown.
    let g = graph(
        rules,
        r#"Question(id: "q1", text: "?", answers: YesNo(yes: (add: ["x"]), no: (rule_out: ["x"])), next: "q2"),
        Question(id: "q2", text: "?", ask_if: Not(Lacks("x")), answers: YesNo(yes: (add: ["y"]), no: (rule_out: ["y"]))),"#,
    );
    assert_eq!(missed(&g, "back"), Vec::<String>::new());
}
