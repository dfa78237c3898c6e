//! How many questions can still come: the bound the interface shows as "of at most M"
//! (`Walk::left_at_most`), the longest way on through the question graph.

use std::collections::{HashMap, HashSet};

use super::interview::{Known, holds};
use crate::graph::{Answers, ChoiceOption, Condition, Graph, Sex};

/// The most questions that can still be asked from `start` on (`start` included): the
/// longest path through every answer's next question and every skip, counting a question
/// unless its condition is already false whatever is answered later. A choice that records
/// the age or the sex carries it down its own branch (a path goes through one answer), so
/// questions for the other sex or another age do not count there; past the only question
/// that records the sex (the age), a sex (an age) not recorded stays unknown, so questions
/// that need one do not count either. The question graph has no cycles (the validator
/// checks); a cycle met anyway counts once.
pub(super) fn longest_from(graph: &Graph, start: &str, known: &Known, regions: &[String]) -> usize {
    /// The age and sex on a branch, and whether they can still be recorded later.
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    struct Person {
        age: Option<u8>,
        sex: Option<Sex>,
        settled: Settled,
    }
    struct Walker<'g, 'r> {
        graph: &'g Graph,
        known: &'r Known,
        regions: &'r [String],
        /// The one question that records the age (the sex), when there is only one.
        age_by: Option<&'g str>,
        sex_by: Option<&'g str>,
        memo: HashMap<(&'g str, Person), usize>,
    }
    impl<'g> Walker<'g, '_> {
        fn go(&mut self, id: &'g str, person: Person) -> usize {
            if let Some(&n) = self.memo.get(&(id, person)) {
                return n;
            }
            self.memo.insert((id, person), 0);
            let Some(q) = self.graph.question(id) else {
                return 0;
            };
            let known = Known {
                age: person.age,
                sex: person.sex,
                ..self.known.clone()
            };
            let counts = q.ask_if.as_ref().is_none_or(|c| {
                could_hold_settled(c, &known, self.regions, person.settled) != Some(false)
            });
            // Past the only question that records it, an age or sex is as it will stay.
            let after = Person {
                settled: Settled {
                    age: person.settled.age || self.age_by == Some(id),
                    sex: person.settled.sex || self.sex_by == Some(id),
                },
                ..person
            };
            let mut next: Vec<(&'g str, Person)> = Vec::new();
            next.extend(q.next.as_deref().map(|n| (n, after)));
            next.extend(q.otherwise.as_deref().map(|n| (n, after)));
            match &q.answers {
                Answers::YesNo { yes, no, unsure } => next.extend(
                    [yes, no, unsure]
                        .iter()
                        .filter_map(|o| o.next.as_deref())
                        .map(|n| (n, after)),
                ),
                Answers::Choice(options) => {
                    for o in options {
                        if let Some(to) = o.next.as_deref().or(q.next.as_deref()) {
                            let chosen = Person {
                                age: o.age.or(after.age),
                                sex: o.sex.or(after.sex),
                                ..after
                            };
                            next.push((to, chosen));
                        }
                    }
                }
                Answers::Checklist(_) => {}
            }
            let rest = next
                .into_iter()
                .map(|(n, p)| self.go(n, p))
                .max()
                .unwrap_or(0);
            let n = usize::from(counts) + rest;
            self.memo.insert((id, person), n);
            n
        }
    }
    let only = |records: &dyn Fn(&ChoiceOption) -> bool| {
        let mut by = graph.questions.iter().filter(|q| match &q.answers {
            Answers::Choice(options) => options.iter().any(records),
            _ => false,
        });
        match (by.next(), by.next()) {
            (Some(q), None) => Some(q.id.as_str()),
            _ => None,
        }
    };
    let mut walker = Walker {
        graph,
        known,
        regions,
        age_by: only(&|o| o.age.is_some()),
        sex_by: only(&|o| o.sex.is_some()),
        memo: HashMap::new(),
    };
    // Once the only question that records it is behind, an age or sex stays as it is.
    let ahead = reachable(graph, start);
    let behind = |by: Option<&str>| by.is_some_and(|q| !ahead.contains(q));
    let person = Person {
        age: known.age,
        sex: known.sex,
        settled: Settled {
            age: behind(walker.age_by),
            sex: behind(walker.sex_by),
        },
    };
    walker.go(start, person)
}

/// The questions that can come from `start` on, `start` included.
fn reachable<'g>(graph: &'g Graph, start: &'g str) -> HashSet<&'g str> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut todo = vec![start];
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(q) = graph.question(id) else {
            continue;
        };
        todo.extend(q.next.as_deref());
        todo.extend(q.otherwise.as_deref());
        todo.extend(
            q.answers
                .own_nexts()
                .into_iter()
                .filter_map(|n| n.as_deref()),
        );
    }
    seen
}

/// Whether the age and the sex can no longer be recorded (an unknown one stays unknown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct Settled {
    age: bool,
    sex: bool,
}

/// `could_hold`, with an age or sex that can no longer be recorded taken as it is.
fn could_hold_settled(
    cond: &Condition,
    known: &Known,
    regions: &[String],
    settled: Settled,
) -> Option<bool> {
    let recurse = |c: &Condition| could_hold_settled(c, known, regions, settled);
    match cond {
        Condition::IsSex(_) if settled.sex => Some(holds(cond, known, regions)),
        Condition::Age(_) if settled.age => Some(holds(cond, known, regions)),
        Condition::Not(c) => recurse(c).map(|v| !v),
        Condition::All(cs) => {
            let values: Vec<Option<bool>> = cs.iter().map(recurse).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.iter().all(|v| *v == Some(true)) {
                Some(true)
            } else {
                None
            }
        }
        Condition::Any(cs) => {
            let values: Vec<Option<bool>> = cs.iter().map(recurse).collect();
            if values.contains(&Some(true)) {
                Some(true)
            } else if values.iter().all(|v| *v == Some(false)) {
                Some(false)
            } else {
                None
            }
        }
        _ => could_hold(cond, known, regions),
    }
}

/// A condition in three values: `Some(true)` or `Some(false)` when what is known decides
/// it whatever comes later, `None` when later answers could still go either way.
fn could_hold(cond: &Condition, known: &Known, regions: &[String]) -> Option<bool> {
    let finding = |f: &str, present: bool| {
        if known.has(f) {
            Some(present)
        } else if known.lacks(f) {
            Some(!present)
        } else {
            None
        }
    };
    match cond {
        Condition::Has(f) => finding(f, true),
        Condition::Lacks(f) => finding(f, false),
        Condition::InRegion(r) => Some(regions.iter().any(|x| x == r)),
        Condition::IsSex(sex) => known.sex.map(|s| s == *sex),
        Condition::Age(range) => known
            .age
            .map(|age| crate::engine::evidence::age_fits(range, age)),
        Condition::Not(c) => could_hold(c, known, regions).map(|v| !v),
        Condition::All(cs) => {
            let values: Vec<Option<bool>> =
                cs.iter().map(|c| could_hold(c, known, regions)).collect();
            if values.contains(&Some(false)) {
                Some(false)
            } else if values.iter().all(|v| *v == Some(true)) {
                Some(true)
            } else {
                None
            }
        }
        Condition::Any(cs) => {
            let values: Vec<Option<bool>> =
                cs.iter().map(|c| could_hold(c, known, regions)).collect();
            if values.contains(&Some(true)) {
                Some(true)
            } else if values.iter().all(|v| *v == Some(false)) {
                Some(false)
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::interview::{Answer, Interview};
    use crate::graph::{SourceText, parse};

    #[test]
    fn the_bound_follows_the_sex_recorded_down_its_branch() {
        let text = r#"Graph(
            regions: [Region(id: "back", name: "Back", entry: "q-sex")],
            findings: [
                Finding(id: "a", name: "A", kind: General),
                Finding(id: "b", name: "B", kind: General),
            ],
            questions: [
                Question(id: "q-sex", text: "Sex?", answers: Choice([
                    (label: "Female", sex: Female), (label: "Male", sex: Male),
                ]), next: "q-f"),
                Question(id: "q-f", text: "F?", ask_if: IsSex(Female),
                    answers: YesNo(yes: (add: ["a"])), next: "q-m"),
                Question(id: "q-m", text: "M?", ask_if: IsSex(Male),
                    answers: YesNo(yes: (add: ["b"])), next: "q-any"),
                Question(id: "q-any", text: "Either?", ask_if: Not(Any([IsSex(Female), IsSex(Male)])),
                    answers: YesNo(yes: (add: ["a", "b"]))),
            ],
        )"#;
        let g = parse(vec![SourceText::new("t.ron", text)]).expect("parses");
        let mut iv = Interview::new(vec!["back".into()]);
        // The sex, then one of the three.
        assert_eq!(iv.walk(&g).left_at_most, 2);
        iv.answer("q-sex", Answer::Unsure);
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-any"));
        assert_eq!(iv.walk(&g).left_at_most, 1);
        // Female: q-f now, and q-any is not counted although q-sex is behind.
        iv.answer("q-sex", Answer::Choice(0));
        assert_eq!(iv.walk(&g).current.as_deref(), Some("q-f"));
        assert_eq!(iv.walk(&g).left_at_most, 1);
    }
}
