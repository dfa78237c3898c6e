//! Asking only what can still matter: a question is passed over when no answer to it
//! could change the advice (the triage) or which causes head the list (the top three a
//! person reads). Questions that screen for danger are never passed over.
//!
//! *Protected* questions are always asked: those that ask about an emergency red flag or a
//! finding an emergency rule tests (what the reachability proof needs asked), those that
//! record the age or the sex, and, so that no red-flag or rule question is cut off, those
//! that ask about a finding the `ask_if` of such a question tests (and so on). Any other
//! red flag is asked whenever a "yes" would change the triage, which it does unless the
//! triage is already as urgent. A question passed over counts as answered "not
//! sure", which the reachability proof in `graph::validate` already covers on every path,
//! so passing over never hides an emergency question.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use super::interview::{Answer, Known};
use super::rank::{Query, Ranking, rank};
use crate::graph::{Answers, Condition, Graph, Id, Question, Triage};

/// How many causes at the top of the list an answer must be able to change.
pub const TOP: usize = 3;

pub struct Sharpener {
    protected: HashSet<Id>,
    /// Decisions already made: the interview is walked again from the start on every key,
    /// and each decision costs a ranking per answer.
    decided: RefCell<HashMap<Decision, bool>>,
}

/// A question, the regions chosen and what is known when it comes up.
type Decision = (Id, Vec<String>, Known);

impl Sharpener {
    pub fn new(graph: &Graph) -> Self {
        let emergency = |level: &Triage| *level == Triage::Emergency;
        // What the reachability proof needs asked: emergency red flags and the findings
        // of emergency rules.
        let mut targets: HashSet<&str> = HashSet::new();
        for f in &graph.findings {
            if f.red_flag.as_ref().is_some_and(|r| emergency(&r.triage)) {
                targets.insert(&f.id);
            }
        }
        for rule in graph.rules.iter().filter(|r| emergency(&r.triage)) {
            targets.extend(rule.all.iter().chain(&rule.any).map(Id::as_str));
        }
        // What decides whether any red-flag or rule question is reached.
        let mut gates: HashSet<&str> = HashSet::new();
        let mut flags: HashSet<&str> = graph
            .findings
            .iter()
            .filter(|f| f.red_flag.is_some())
            .map(|f| f.id.as_str())
            .collect();
        for rule in &graph.rules {
            flags.extend(rule.all.iter().chain(&rule.any).map(Id::as_str));
        }
        let mut protected: HashSet<Id> = HashSet::new();
        loop {
            let before = (protected.len(), gates.len());
            for q in &graph.questions {
                if (asks_any(q, &flags) || protected.contains(&q.id))
                    && let Some(cond) = &q.ask_if
                {
                    tested(cond, &mut gates);
                }
                let direct = records_person(q) || asks_any(q, &targets) || asks_any(q, &gates);
                if direct {
                    protected.insert(q.id);
                }
            }
            if (protected.len(), gates.len()) == before {
                break;
            }
        }
        Sharpener {
            protected,
            decided: RefCell::default(),
        }
    }

    pub fn is_protected(&self, question: &str) -> bool {
        self.protected.contains(question)
    }

    /// Whether no answer to `question` could change the triage or the top causes.
    pub fn passes(
        &self,
        graph: &Graph,
        question: &Question,
        known: &Known,
        regions: &[String],
    ) -> bool {
        if self.is_protected(&question.id) {
            return false;
        }
        let memo = (question.id, regions.to_vec(), known.clone());
        if let Some(&passes) = self.decided.borrow().get(&memo) {
            return passes;
        }
        let now = key(&rank(graph, &query(known, regions)));
        let passes = answers(question).into_iter().all(|answer| {
            key(&rank(
                graph,
                &query(&known.after(question, answer), regions),
            )) == now
        });
        self.decided.borrow_mut().insert(memo, passes);
        passes
    }
}

/// A question whose choices record the age or the sex.
fn records_person(q: &Question) -> bool {
    match &q.answers {
        Answers::Choice(options) => options.iter().any(|o| o.age.is_some() || o.sex.is_some()),
        Answers::YesNo { .. } | Answers::Checklist(_) => false,
    }
}

fn asks_any(q: &Question, findings: &HashSet<&str>) -> bool {
    q.answers
        .mentioned()
        .iter()
        .any(|id| findings.contains(id.as_str()))
}

fn tested<'g>(cond: &'g Condition, out: &mut HashSet<&'g str>) {
    match cond {
        Condition::Has(f) | Condition::Lacks(f) => {
            out.insert(f);
        }
        Condition::Not(inner) => tested(inner, out),
        Condition::All(all) | Condition::Any(all) => all.iter().for_each(|c| tested(c, out)),
        Condition::InRegion(_) | Condition::IsSex(_) | Condition::Age(_) => {}
    }
}

/// The checklists whose every combination of ticks is tried; a longer one is tried with
/// nothing ticked, each item ticked alone, each item left out alone and everything ticked
/// (which a checklist with a red flag or a rule finding never needs: it is protected).
const EVERY_COMBINATION_UP_TO: usize = 6;

/// Every answer that records something ("not sure" records nothing).
fn answers(q: &Question) -> Vec<Answer> {
    match &q.answers {
        Answers::YesNo { .. } => vec![Answer::Yes, Answer::No],
        Answers::Choice(options) => (0..options.len()).map(Answer::Choice).collect(),
        Answers::Checklist(items) if items.len() <= EVERY_COMBINATION_UP_TO => {
            (0..1u64 << items.len()).map(Answer::Checked).collect()
        }
        Answers::Checklist(items) => {
            let n = items.len().min(63);
            let all = (1u64 << n) - 1;
            let mut out = vec![Answer::Checked(0), Answer::Checked(all)];
            for i in 0..n {
                out.push(Answer::Checked(1 << i));
                out.push(Answer::Checked(all & !(1 << i)));
            }
            out
        }
    }
}

fn query(known: &Known, regions: &[String]) -> Query {
    Query {
        regions: regions.to_vec(),
        present: known.present.clone(),
        absent: known.absent.clone(),
        age: known.age,
        sex: known.sex,
    }
}

/// What a person acts on: the triage and the set of causes they read first.
fn key(r: &Ranking) -> (Triage, Vec<Id>) {
    let mut top: Vec<Id> = r
        .check_first
        .iter()
        .map(|c| c.id)
        .chain(r.causes.iter().filter(|c| !c.check_first).map(|c| c.id))
        .take(TOP)
        .collect();
    top.sort();
    (r.triage, top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Interview;

    /// Every question that asks about an emergency red flag, or records the age or sex,
    /// is protected in the bundled graph, and walking with the sharpener never passes one.
    #[test]
    fn emergency_questions_are_never_passed_over() {
        let g = Graph::bundled().expect("bundled graph");
        let sharpener = Sharpener::new(&g);
        let emergency: HashSet<&str> = g
            .findings
            .iter()
            .filter(|f| {
                f.red_flag
                    .as_ref()
                    .is_some_and(|r| r.triage == Triage::Emergency)
            })
            .map(|f| f.id.as_str())
            .collect();
        for q in &g.questions {
            if asks_any(q, &emergency) || records_person(q) {
                assert!(sharpener.is_protected(&q.id), "{} is not protected", q.id);
            }
        }
        // A "no" to everything passes some questions over somewhere, but never one that
        // asks about an emergency.
        let mut skipped = 0;
        for region in ["lower-back", "neck", "thigh", "abdomen", "chest", "pelvis"] {
            let mut iv = Interview::new(vec![region.into()]);
            let regions = iv.regions.clone();
            let walk = loop {
                let w = iv.walk_with(&g, |q, k, _| sharpener.passes(&g, q, k, &regions));
                let Some(id) = w.current.clone() else { break w };
                let q = g.question(&id).expect("question");
                iv.answer(&id, crate::engine::lengths::all_no(q));
            };
            skipped += walk.skipped.len();
            for id in &walk.skipped {
                let q = g.question(id).expect("question");
                assert!(!asks_any(q, &emergency), "{id} was passed over");
            }
            assert!(
                walk.answered.len() <= crate::engine::lengths::MAX_QUESTIONS,
                "{region}: {} questions",
                walk.answered.len()
            );
        }
        assert!(skipped > 0, "nothing was passed over");
    }
}
