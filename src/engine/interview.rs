//! The question flow: which question comes next, and what the answers so far say.
//!
//! The interview keeps only the answers; the path through the graph is derived from
//! them each time, so changing an earlier answer re-routes the rest naturally and
//! answers that fall off the path stop counting.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::graph::{Answers, Condition, Graph, Outcome, Question, Sex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Answer {
    Yes,
    No,
    Unsure,
    /// The index of a choice (0-based).
    Choice(usize),
    /// The items of a checklist ticked, as bits (item `i` is bit `i`); 0 is "none of
    /// these".
    Checked(u64),
}

impl Answer {
    /// The answer in words, for the list of answers so far.
    pub fn describe(self, question: &Question) -> String {
        match (self, &question.answers) {
            (Answer::Yes, _) => "yes".to_string(),
            (Answer::No, _) => "no".to_string(),
            (Answer::Unsure, _) => "not sure".to_string(),
            (Answer::Choice(i), Answers::Choice(options)) => options
                .get(i)
                .map_or_else(|| "?".to_string(), |o| o.label.clone()),
            (Answer::Choice(_), _) => "?".to_string(),
            (Answer::Checked(0), Answers::Checklist(_)) => "none of these".to_string(),
            (Answer::Checked(ticked), Answers::Checklist(items)) => items
                .iter()
                .enumerate()
                .filter(|(i, _)| is_ticked(ticked, *i))
                .map(|(_, item)| item.label.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            (Answer::Checked(_), _) => "?".to_string(),
        }
    }

    /// Whether this answer fits the question (yes/no questions take yes/no/unsure,
    /// choice questions a valid index or unsure, checklists a set of their items or
    /// unsure).
    pub fn fits(self, question: &Question) -> bool {
        match (&question.answers, self) {
            (_, Answer::Unsure) => true,
            (Answers::YesNo { .. }, Answer::Yes | Answer::No) => true,
            (Answers::Choice(options), Answer::Choice(i)) => i < options.len(),
            (Answers::Checklist(items), Answer::Checked(ticked)) => {
                items.len() <= 64 && (items.len() == 64 || ticked >> items.len() == 0)
            }
            _ => false,
        }
    }
}

/// Whether item `i` is ticked in a checklist answer's bits.
pub fn is_ticked(ticked: u64, i: usize) -> bool {
    i < 64 && ticked & (1 << i) != 0
}

/// Findings known present and absent, in the order they were learnt.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Known {
    pub present: Vec<String>,
    pub absent: Vec<String>,
    /// The age and sex the answers recorded, if a question asked them.
    pub age: Option<u8>,
    pub sex: Option<Sex>,
}

impl Known {
    /// What is known after one answer to a question (the answer is not recorded).
    pub fn after(&self, question: &Question, answer: Answer) -> Known {
        let mut known = self.clone();
        apply(question, answer, &mut known);
        known
    }

    fn add(&mut self, id: &str) {
        self.absent.retain(|a| a != id);
        if !self.present.iter().any(|p| p == id) {
            self.present.push(id.to_string());
        }
    }
    fn rule_out(&mut self, id: &str) {
        self.present.retain(|p| p != id);
        if !self.absent.iter().any(|a| a == id) {
            self.absent.push(id.to_string());
        }
    }
    fn apply(&mut self, add: &[String], rule_out: &[String]) {
        add.iter().for_each(|f| self.add(f));
        rule_out.iter().for_each(|f| self.rule_out(f));
    }
    pub fn has(&self, id: &str) -> bool {
        self.present.iter().any(|p| p == id)
    }
    pub fn lacks(&self, id: &str) -> bool {
        self.absent.iter().any(|a| a == id)
    }
}

/// Where the interview stands after walking the graph with the answers given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Walk {
    /// The questions answered on the current path, in order.
    pub answered: Vec<(String, Answer)>,
    /// The question to ask now; `None` when the interview is over.
    pub current: Option<String>,
    pub known: Known,
    /// Questions passed over because no answer could change the advice or the causes at
    /// the top (see `engine::sharpen`); they count as "not sure".
    pub skipped: Vec<String>,
    /// At most this many questions are left, the current one included (0 at the end): the
    /// longest way on through the graph, counting every question whose condition could
    /// still hold given what is known.
    pub left_at_most: usize,
}

/// The regions chosen and the answers given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Interview {
    pub regions: Vec<String>,
    answers: HashMap<String, Answer>,
    /// Question ids in the order they were answered, for undo.
    order: Vec<String>,
}

impl Interview {
    pub fn new(regions: Vec<String>) -> Self {
        Interview {
            regions,
            ..Interview::default()
        }
    }

    pub fn answer_to(&self, question: &str) -> Option<Answer> {
        self.answers.get(question).copied()
    }

    /// Answer (or change the answer to) a question.
    pub fn answer(&mut self, question: &str, answer: Answer) {
        self.order.retain(|q| q != question);
        self.order.push(question.to_string());
        self.answers.insert(question.to_string(), answer);
    }

    /// Take back the most recent answer still on the path; returns its question.
    pub fn undo(&mut self, graph: &Graph) -> Option<String> {
        let walk = self.walk(graph);
        self.undo_on(&walk)
    }

    /// Take back the most recent answer on the path of `walk` (a walk of these answers,
    /// such as one that passed questions over, see [`Interview::walk_with`]); returns its
    /// question.
    pub fn undo_on(&mut self, walk: &Walk) -> Option<String> {
        let on_path: HashSet<&str> = walk.answered.iter().map(|(q, _)| q.as_str()).collect();
        let pos = self
            .order
            .iter()
            .rposition(|q| on_path.contains(q.as_str()))?;
        let question = self.order.remove(pos);
        self.answers.remove(&question);
        Some(question)
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// Follow the graph from each chosen region's entry, using the answers given.
    pub fn walk(&self, graph: &Graph) -> Walk {
        self.walk_with(graph, |_, _, _| false)
    }

    /// Like [`Interview::walk`], but an unanswered question for which `pass(question,
    /// known, regions)` holds is passed over as if answered "not sure" (recorded in
    /// `Walk::skipped`).
    pub fn walk_with(
        &self,
        graph: &Graph,
        mut pass: impl FnMut(&Question, &Known, &[String]) -> bool,
    ) -> Walk {
        let mut walk = Walk::default();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut entries: Vec<&str> = Vec::new();
        for region in &self.regions {
            if let Some(entry) = graph.entry_question(region)
                && !entries.contains(&entry)
            {
                entries.push(entry);
            }
        }
        // A condition on a region holds for the regions inside it too (back -> lower back).
        let regions: Vec<String> = self
            .regions
            .iter()
            .flat_map(|r| graph.region_ancestry(r))
            .map(|r| r.id.to_string())
            .collect();
        for entry in entries {
            let mut next = Some(entry);
            while let Some(id) = next {
                if !seen.insert(id) {
                    break;
                }
                let Some(question) = graph.question(id) else {
                    break;
                };
                if let Some(cond) = &question.ask_if
                    && !holds(cond, &walk.known, &regions)
                {
                    next = question.otherwise.as_deref().or(question.next.as_deref());
                    continue;
                }
                let Some(answer) = self.answers.get(id).copied().filter(|a| a.fits(question))
                else {
                    if pass(question, &walk.known, &regions) {
                        walk.skipped.push(id.to_string());
                        next = apply(question, Answer::Unsure, &mut walk.known)
                            .or(question.next.as_deref());
                        continue;
                    }
                    walk.current = Some(id.to_string());
                    walk.left_at_most =
                        super::bound::longest_from(graph, id, &walk.known, &regions);
                    return walk;
                };
                walk.answered.push((id.to_string(), answer));
                next = apply(question, answer, &mut walk.known).or(question.next.as_deref());
            }
        }
        walk
    }
}

/// Record what an answer says; returns the answer's own next question, if it names one.
fn apply<'q>(question: &'q Question, answer: Answer, known: &mut Known) -> Option<&'q str> {
    let outcome = |o: &'q Outcome, known: &mut Known| {
        known.apply(&o.add, &o.rule_out);
        o.next.as_deref()
    };
    match (&question.answers, answer) {
        (Answers::YesNo { yes, .. }, Answer::Yes) => outcome(yes, known),
        (Answers::YesNo { no, .. }, Answer::No) => outcome(no, known),
        (Answers::YesNo { unsure, .. }, Answer::Unsure) => outcome(unsure, known),
        (Answers::Choice(options), Answer::Choice(i)) => options.get(i).and_then(|o| {
            known.apply(&o.add, &o.rule_out);
            known.age = o.age.or(known.age);
            known.sex = o.sex.or(known.sex);
            o.next.as_deref()
        }),
        (Answers::Checklist(items), Answer::Checked(ticked)) => {
            for (i, item) in items.iter().enumerate() {
                if is_ticked(ticked, i) {
                    known.add(&item.finding);
                } else {
                    known.rule_out(&item.finding);
                }
            }
            None
        }
        _ => None,
    }
}

/// Evaluate an `ask_if` condition against what is known so far.
pub fn holds(cond: &Condition, known: &Known, regions: &[String]) -> bool {
    match cond {
        Condition::Has(f) => known.has(f),
        Condition::Lacks(f) => known.lacks(f),
        Condition::InRegion(r) => regions.iter().any(|x| x == r),
        Condition::IsSex(sex) => known.sex == Some(*sex),
        Condition::Age(range) => known
            .age
            .is_some_and(|age| crate::engine::evidence::age_fits(range, age)),
        Condition::Not(c) => !holds(c, known, regions),
        Condition::All(cs) => cs.iter().all(|c| holds(c, known, regions)),
        Condition::Any(cs) => cs.iter().any(|c| holds(c, known, regions)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{SourceText, parse};

    const GRAPH: &str = r#"Graph(
        regions: [
            Region(id: "back", name: "Back", entry: "q-leg"),
            Region(id: "lower-back", name: "Lower back", parent: "back"),
            Region(id: "belly", name: "Belly", entry: "q-fever"),
        ],
        findings: [
            Finding(id: "leg", name: "Leg pain", kind: Spread),
            Finding(id: "drop", name: "Foot drop", kind: Nerve),
            Finding(id: "fever", name: "Fever", kind: General),
            Finding(id: "sharp", name: "Sharp", kind: Character),
            Finding(id: "dull", name: "Dull", kind: Character),
        ],
        questions: [
            Question(id: "q-leg", text: "Leg?", answers: YesNo(yes: (add: ["leg"]), no: (rule_out: ["leg"])), next: "q-drop"),
            Question(id: "q-drop", text: "Foot drop?", ask_if: Has("leg"), otherwise: "q-fever",
                answers: YesNo(yes: (add: ["drop"]), no: (rule_out: ["drop"])), next: "q-fever"),
            Question(id: "q-fever", text: "Fever?", answers: YesNo(yes: (add: ["fever"], next: "q-kind")), next: "q-kind"),
            Question(id: "q-kind", text: "Kind?", answers: Choice([
                (label: "Sharp", add: ["sharp"], rule_out: ["dull"]),
                (label: "Dull", add: ["dull"], rule_out: ["sharp"]),
            ])),
        ],
    )"#;

    fn graph() -> Graph {
        parse(vec![SourceText::new("t.ron", GRAPH)]).expect("test graph parses")
    }

    #[test]
    fn questions_left_is_an_upper_bound_that_shrinks_with_answers() {
        let g = graph();
        let mut iv = Interview::new(vec!["back".into()]);
        // q-leg, q-drop (its condition could still hold), q-fever, q-kind.
        assert_eq!(iv.walk(&g).left_at_most, 4);
        iv.answer("q-leg", Answer::No);
        // q-drop can no longer be asked.
        assert_eq!(iv.walk(&g).left_at_most, 2);
        iv.answer("q-fever", Answer::Yes);
        iv.answer("q-kind", Answer::Choice(0));
        assert_eq!(iv.walk(&g).left_at_most, 0);
    }

    #[test]
    fn entry_is_inherited_and_conditions_skip() {
        let g = graph();
        let mut iv = Interview::new(vec!["lower-back".into()]);
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-leg"));
        iv.answer("q-leg", Answer::No);
        let w = iv.walk(&g);
        assert_eq!(
            w.current.as_deref(),
            Some("q-fever"),
            "foot drop skipped without leg pain"
        );
        assert_eq!(w.known.absent, ["leg"]);
    }

    #[test]
    fn changing_an_answer_reroutes() {
        let g = graph();
        let mut iv = Interview::new(vec!["back".into()]);
        iv.answer("q-leg", Answer::No);
        iv.answer("q-fever", Answer::Yes);
        iv.answer("q-kind", Answer::Choice(1));
        assert_eq!(iv.walk(&g).current, None);
        iv.answer("q-leg", Answer::Yes);
        let w = iv.walk(&g);
        assert_eq!(w.current.as_deref(), Some("q-drop"));
        assert_eq!(w.known.present, ["leg"]);
    }

    #[test]
    fn undo_takes_back_the_last_answer_on_the_path() {
        let g = graph();
        let mut iv = Interview::new(vec!["back".into()]);
        iv.answer("q-leg", Answer::Yes);
        iv.answer("q-drop", Answer::Yes);
        assert_eq!(iv.undo(&g).as_deref(), Some("q-drop"));
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-drop"));
        assert_eq!(iv.walk(&g).known.present, ["leg"]);
        assert_eq!(iv.undo(&g).as_deref(), Some("q-leg"));
        assert_eq!(iv.undo(&g), None);
    }

    #[test]
    fn several_regions_chain_their_entries() {
        let g = graph();
        let mut iv = Interview::new(vec!["belly".into(), "back".into()]);
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-fever"));
        iv.answer("q-fever", Answer::No);
        iv.answer("q-kind", Answer::Choice(0));
        let w = iv.walk(&g);
        assert_eq!(w.current.as_deref(), Some("q-leg"));
        iv.answer("q-leg", Answer::No);
        assert_eq!(iv.walk(&g).current, None, "q-fever is not asked twice");
        assert_eq!(iv.walk(&g).known.present, ["sharp"]);
    }

    #[test]
    fn a_region_condition_holds_for_the_parts_of_the_region() {
        let text = GRAPH.replace(r#"ask_if: Has("leg")"#, r#"ask_if: InRegion("back")"#);
        let g = parse(vec![SourceText::new("t.ron", text)]).expect("parses");
        let mut iv = Interview::new(vec!["lower-back".into()]);
        iv.answer("q-leg", Answer::No);
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-drop"));
    }

    #[test]
    fn a_wrong_kind_of_answer_does_not_count() {
        let g = graph();
        let mut iv = Interview::new(vec!["belly".into()]);
        iv.answer("q-fever", Answer::Choice(3));
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-fever"));
    }

    #[test]
    fn a_checklist_adds_what_is_ticked_and_rules_out_the_rest() {
        let text = r#"Graph(
            regions: [Region(id: "back", name: "Back", entry: "q-list")],
            findings: [
                Finding(id: "leg", name: "Leg pain", kind: Spread),
                Finding(id: "fever", name: "Fever", kind: General),
                Finding(id: "drop", name: "Foot drop", kind: Nerve),
            ],
            questions: [
                Question(id: "q-list", text: "Any of these?", answers: Checklist([
                    (label: "Leg pain", finding: "leg"),
                    (label: "A fever", finding: "fever"),
                ]), next: "q-drop"),
                Question(id: "q-drop", text: "Foot drop?", ask_if: Has("leg"),
                    answers: YesNo(yes: (add: ["drop"]), no: (rule_out: ["drop"]))),
            ],
        )"#;
        let g = parse(vec![SourceText::new("t.ron", text)]).expect("parses");
        let q = g.question("q-list").expect("question");
        let mut iv = Interview::new(vec!["back".into()]);
        assert_eq!(iv.walk(&g).left_at_most, 2);
        iv.answer("q-list", Answer::Checked(0b10));
        let w = iv.walk(&g);
        assert_eq!(w.known.present, ["fever"]);
        assert_eq!(w.known.absent, ["leg"]);
        assert_eq!(w.current, None, "foot drop is not asked without leg pain");
        assert_eq!(Answer::Checked(0b10).describe(q), "A fever");
        assert_eq!(Answer::Checked(0b11).describe(q), "Leg pain; A fever");
        assert_eq!(Answer::Checked(0).describe(q), "none of these");
        assert!(!Answer::Checked(0b100).fits(q), "only the items there are");
        assert!(!Answer::Yes.fits(q));
        iv.answer("q-list", Answer::Checked(0b01));
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-drop"), "changed");
        iv.answer("q-list", Answer::Unsure);
        let w = iv.walk(&g);
        assert!(w.known.present.is_empty() && w.known.absent.is_empty());
        assert_eq!(iv.undo(&g).as_deref(), Some("q-list"));
        assert!(iv.is_empty());
    }
}
