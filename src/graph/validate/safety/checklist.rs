//! A checklist in the proof: one question that asks all its items' findings at once.
//!
//! A confirmed answer records every item (the ticked ones present, the rest absent), so
//! the question asks every item's finding whatever is ticked; "not sure" records nothing
//! but still counts as asking (as "not sure" to a yes/no question does). Which items were
//! ticked matters to the search only through what later conditions (and the exemptions)
//! read, its *slots*: the branches are the combinations of the items whose finding has a
//! slot, each with every other item unticked, and "not sure". An item without a slot
//! records nothing any condition can see, so ticking it or not leads to the same node;
//! leaving it out of the branches loses no path. The count of branches is 2 to the number
//! of items with a slot, plus one, at most `2^MAX_CHECKLIST_ITEMS + 1`: checklists longer
//! than that are refused by `content` and the proof is not run on them.
//!
//! The branches come in the order of the answers' bit masks (item 1 the lowest bit), so
//! the first path the search reports is the first one `Interview::walk` would take when
//! trying "nothing ticked", then larger masks, then "not sure".

use std::collections::HashMap;

use super::Branch;
use crate::graph::load::Graph;
use crate::graph::model::{Answers, ChecklistItem, MAX_CHECKLIST_ITEMS};

/// Whether every checklist is short enough for the proof to branch over.
pub(super) fn all_fit(graph: &Graph) -> bool {
    graph.questions.iter().all(|q| match &q.answers {
        Answers::Checklist(items) => items.len() <= MAX_CHECKLIST_ITEMS,
        _ => true,
    })
}

/// The branches of a checklist question that goes on to `next`.
pub(super) fn branches(
    items: &[ChecklistItem],
    facts: &HashMap<&str, usize>,
    next: Option<usize>,
) -> Vec<Branch> {
    // The items with a slot, each once (a finding listed twice is reported by `content`).
    let mut slotted: Vec<(usize, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate().take(MAX_CHECKLIST_ITEMS) {
        if let Some(&slot) = facts.get(item.finding.as_str())
            && !slotted.iter().any(|&(_, s)| s == slot)
        {
            slotted.push((i, slot));
        }
    }
    let mut out: Vec<Branch> = (0..1u64 << slotted.len())
        .map(|combo| {
            let mut add = Vec::new();
            let mut rule_out = Vec::new();
            let mut ticked: Vec<&str> = Vec::new();
            for (bit, &(i, slot)) in slotted.iter().enumerate() {
                if combo & (1 << bit) != 0 {
                    add.push(slot);
                    ticked.push(&items[i].label);
                } else {
                    rule_out.push(slot);
                }
            }
            let label = if ticked.is_empty() {
                "none of these".to_string()
            } else {
                ticked.join("; ")
            };
            Branch {
                label: format!("\"{label}\""),
                add,
                rule_out,
                age: None,
                sex: None,
                next,
            }
        })
        .collect();
    out.push(Branch {
        label: "unsure".to_string(),
        add: Vec::new(),
        rule_out: Vec::new(),
        age: None,
        sex: None,
        next,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Model, Solved, missed_targets};
    use crate::graph::load::{Graph, SourceText, parse};
    use crate::graph::validate::validate;

    /// Back (entry q1); emergency findings "numb" and "faint", plain "x" and "y"; a cause
    /// in the back that counts both emergencies.
    fn graph(questions: &str) -> Graph {
        let text = format!(
            r#"Graph(
    regions: [Region(id: "back", name: "Back", entry: "q1")],
    findings: [
        Finding(id: "numb", name: "Numb", kind: Nerve, red_flag: RedFlag(triage: "emergency", advice: "Go now.")),
        Finding(id: "faint", name: "Faint", kind: General, red_flag: RedFlag(triage: "emergency", advice: "Go now.")),
        Finding(id: "x", name: "X", kind: General),
        Finding(id: "y", name: "Y", kind: General),
    ],
    causes: [Cause(id: "c", name: "C", prevalence: Rare, regions: ["back"],
        findings: [("numb", Strong), ("faint", Strong)], triage: "emergency", summary: "s", feels: "f", seek_help: "h",
        diagnosis: "d", treatment: "t", prevention: "p", sources: [])],
    questions: [
{questions}
    ],
)"#
        );
        parse(vec![SourceText::new("t.ron", text)]).expect("test graph parses")
    }

    fn missed(g: &Graph) -> Vec<String> {
        let model = Model::new(g, true);
        let entry = model.step_index("q1").expect("q1");
        missed_targets(g, &model, "back", entry, &mut Solved::default(), None)
            .into_iter()
            .map(|(target, path)| format!("{}: {path}", target.what.id()))
            .collect()
    }

    const SCREEN: &str = r#"Question(id: "q1", text: "Any of these?", answers: Checklist([
        (label: "X", finding: "x"), (label: "Faint", finding: "faint"), (label: "Numb", finding: "numb"),
    ]), next: "q2"),"#;

    #[test]
    fn a_checklist_asks_every_item_whatever_is_ticked() {
        let g = graph(&format!(
            "{SCREEN}\nQuestion(id: \"q2\", text: \"?\", answers: YesNo(yes: (add: [\"y\"]))),"
        ));
        assert_eq!(missed(&g), Vec::<String>::new());
    }

    #[test]
    fn an_emergency_left_out_of_the_checklist_and_asked_only_after_a_tick_is_missed() {
        // "numb" is asked only when "x" was ticked: "none of these" misses it.
        let g = graph(
            r#"Question(id: "q1", text: "Any of these?", answers: Checklist([
                (label: "X", finding: "x"), (label: "Faint", finding: "faint"),
            ]), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Has("x"), answers: YesNo(yes: (add: ["numb"]), no: (rule_out: ["numb"]))),"#,
        );
        assert_eq!(missed(&g), [r#"numb: q1 ("none of these") -> end"#]);
        // Asked unless "x" is ruled out: "not sure" keeps it, ticking "Faint" alone does not.
        let g = graph(
            r#"Question(id: "q1", text: "Any of these?", answers: Checklist([
                (label: "X", finding: "x"), (label: "Faint", finding: "faint"),
            ]), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Not(Lacks("x")), answers: YesNo(yes: (add: ["numb"]), no: (rule_out: ["numb"]))),"#,
        );
        assert_eq!(missed(&g), [r#"numb: q1 ("none of these") -> end"#]);
    }

    #[test]
    fn a_follow_up_reached_only_by_a_combination_of_ticks_is_found() {
        // "numb" is missed only when both "x" and "y" are ticked.
        let g = graph(
            r#"Question(id: "q1", text: "Any of these?", answers: Checklist([
                (label: "X", finding: "x"), (label: "Faint", finding: "faint"), (label: "Y", finding: "y"),
            ]), next: "q2"),
            Question(id: "q2", text: "?", ask_if: Not(All([Has("x"), Has("y")])), answers: YesNo(yes: (add: ["numb"]), no: (rule_out: ["numb"]))),"#,
        );
        assert_eq!(missed(&g), [r#"numb: q1 ("X; Y") -> end"#]);
    }

    #[test]
    fn a_long_checklist_branches_only_over_what_conditions_read() {
        let items: Vec<String> = (0..12)
            .map(|i| format!(r#"(label: "Item {i}", finding: "f{i}")"#))
            .collect();
        let findings: String = (0..12)
            .map(|i| format!(r#"Finding(id: "f{i}", name: "F{i}", kind: General),"#))
            .collect();
        let text = format!(
            r#"Graph(
    regions: [Region(id: "back", name: "Back", entry: "q1")],
    findings: [{findings}
        Finding(id: "numb", name: "Numb", kind: Nerve, red_flag: RedFlag(triage: "emergency", advice: "Go now.")),
    ],
    causes: [Cause(id: "c", name: "C", prevalence: Rare, regions: ["back"],
        findings: [("numb", Strong)], triage: "emergency", summary: "s", feels: "f", seek_help: "h",
        diagnosis: "d", treatment: "t", prevention: "p", sources: [])],
    questions: [
        Question(id: "q1", text: "?", answers: Checklist([{}]), next: "q2"),
        Question(id: "q2", text: "?", ask_if: Not(Has("f11")), answers: YesNo(yes: (add: ["numb"]), no: (rule_out: ["numb"]))),
    ],
)"#,
            items.join(", ")
        );
        let g = parse(vec![SourceText::new("t.ron", text)]).expect("parses");
        let model = Model::new(&g, false);
        let q1 = model.step_index("q1").expect("q1");
        // f11 is the one slot: ticked or not, and "not sure".
        assert_eq!(model.steps[q1].branches.len(), 3);
        assert_eq!(
            missed(&g),
            [r#"numb: q1 ("Item 11") -> end"#],
            "the first path ticks only what matters"
        );
    }

    #[test]
    fn the_validator_checks_checklists() {
        let g = graph(
            r#"Question(id: "q1", text: "?", answers: Checklist([
                (label: "Numb", finding: "numb"), (label: "", finding: "faint"),
                (label: "Again", finding: "numb"), (label: "Z", finding: "nope"),
            ])),"#,
        );
        let messages: Vec<String> = validate(&g).into_iter().map(|d| d.message).collect();
        let all = messages.join("\n");
        assert!(all.contains("unknown finding \"nope\""), "{all}");
        assert!(all.contains("lists the finding \"numb\" twice"), "{all}");
        assert!(all.contains("empty section \"label\" (item 2)"), "{all}");
        let empty = graph(r#"Question(id: "q1", text: "?", answers: Checklist([])),"#);
        let all: Vec<String> = validate(&empty).into_iter().map(|d| d.message).collect();
        assert!(
            all.iter().any(|m| m.contains("checklist of 0 items")),
            "{all:?}"
        );
        // Too long to branch over: reported, and the proof is not run on it.
        let items: Vec<String> = (0..13)
            .map(|i| format!(r#"(label: "Item {i}", finding: "f{i}")"#))
            .collect();
        let long = graph(&format!(
            r#"Question(id: "q1", text: "?", answers: Checklist([{}])),"#,
            items.join(", ")
        ));
        let all: Vec<String> = validate(&long).into_iter().map(|d| d.message).collect();
        assert!(
            all.iter().any(|m| m.contains("checklist of 13 items")),
            "{all:?}"
        );
        assert!(
            !all.iter().any(|m| m.contains("not asked on every path")),
            "{all:?}"
        );
    }
}
