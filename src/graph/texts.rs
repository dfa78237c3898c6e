//! Every string of a model value, reached in place to change it: filling the local words
//! (`fill.rs`) goes through each text once, with no copy of the item made.
//!
//! Each type takes itself apart without `..`, so a field added to the model does not
//! compile until it is listed here (a string visited, anything else named and left). The
//! strings are visited in the order their fields are declared. A test checks against serde
//! that every string of the bundled graph is reached.

use std::cell::RefCell;

use super::id::Id;
use super::load::Located;
use super::model::{
    Answers, Cause, ChecklistItem, ChoiceOption, Condition, Finding, GuidancePage, Link, Outcome,
    Prior, Question, RedFlag, Region, RegionPrior, Section, Source, TriageLevel, TriageRule,
};

/// A value whose strings can be visited, and changed, where they are.
pub trait Texts {
    /// Calls `visit` for every string in the value.
    fn texts(&mut self, visit: &mut impl FnMut(&mut String));
}

impl Texts for String {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        visit(self);
    }
}

impl Texts for Id {
    /// An id is shared with its other uses: it is visited as a copy (in one buffer kept
    /// for the purpose, so a million ids cost no allocation) and replaced only if changed.
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        thread_local! {
            static COPY: RefCell<String> = const { RefCell::new(String::new()) };
        }
        let mut copy = COPY.with(RefCell::take);
        copy.clear();
        copy.push_str(self);
        visit(&mut copy);
        if *self != copy {
            *self = Id::from(copy.as_str());
        }
        COPY.with(|kept| *kept.borrow_mut() = copy);
    }
}

impl<T: Texts> Texts for Option<T> {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        if let Some(value) = self {
            value.texts(visit);
        }
    }
}

impl<T: Texts> Texts for Vec<T> {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        for value in self {
            value.texts(visit);
        }
    }
}

impl<T: Texts> Texts for Box<T> {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        (**self).texts(visit);
    }
}

impl<T: Texts> Texts for Located<T> {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Located { file: _, item } = self;
        item.texts(visit);
    }
}

/// Visits each listed field, in order.
macro_rules! visit {
    ($visit:ident: $($field:ident),* $(,)?) => {
        $($field.texts($visit);)*
    };
}

impl Texts for TriageLevel {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        // The id is one of five names, not text.
        let TriageLevel {
            id: _,
            label,
            action,
        } = self;
        visit!(visit: label, action);
    }
}

impl Texts for Source {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Source { id, citation, url } = self;
        visit!(visit: id, citation, url);
    }
}

impl Texts for Region {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Region {
            id,
            name,
            aliases,
            parent,
            figure: _,
            entry,
        } = self;
        visit!(visit: id, name, aliases, parent, entry);
    }
}

impl Texts for RedFlag {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let RedFlag {
            triage: _,
            advice,
            sources,
        } = self;
        visit!(visit: advice, sources);
    }
}

impl Texts for Finding {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Finding {
            id,
            name,
            aliases,
            kind: _,
            group,
            recent: _,
            only_with,
            red_flag,
        } = self;
        visit!(visit: id, name, aliases, group, only_with, red_flag);
    }
}

impl Texts for Link {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Link(finding, _weight) = self;
        finding.texts(visit);
    }
}

impl Texts for Prior {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Prior {
            percent: _,
            basis,
            sources,
            by_region,
        } = self;
        visit!(visit: basis, sources, by_region);
    }
}

impl Texts for RegionPrior {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let RegionPrior { region, percent: _ } = self;
        region.texts(visit);
    }
}

impl Texts for Cause {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Cause {
            id,
            name,
            gloss,
            aliases,
            prevalence: _,
            prior,
            regions,
            findings,
            requires,
            age: _,
            sex: _,
            triage: _,
            icd10,
            summary,
            feels,
            seek_help,
            diagnosis,
            treatment,
            prevention,
            related,
            sources,
        } = self;
        visit!(visit: id, name, gloss, aliases, prior, regions, findings, requires, icd10,
            summary, feels, seek_help, diagnosis, treatment, prevention, related, sources);
    }
}

impl Texts for Condition {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        match self {
            Condition::Has(finding) | Condition::Lacks(finding) => finding.texts(visit),
            Condition::InRegion(region) => region.texts(visit),
            Condition::IsSex(_) | Condition::Age(_) => {}
            Condition::Not(condition) => condition.texts(visit),
            Condition::All(conditions) | Condition::Any(conditions) => conditions.texts(visit),
        }
    }
}

impl Texts for Outcome {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Outcome {
            add,
            rule_out,
            next,
        } = self;
        visit!(visit: add, rule_out, next);
    }
}

impl Texts for ChoiceOption {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let ChoiceOption {
            label,
            add,
            rule_out,
            age: _,
            sex: _,
            next,
        } = self;
        visit!(visit: label, add, rule_out, next);
    }
}

impl Texts for ChecklistItem {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let ChecklistItem { label, finding } = self;
        visit!(visit: label, finding);
    }
}

impl Texts for Answers {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        match self {
            Answers::YesNo { yes, no, unsure } => {
                visit!(visit: yes, no, unsure);
            }
            Answers::Choice(options) => options.texts(visit),
            Answers::Checklist(items) => items.texts(visit),
        }
    }
}

impl Texts for Question {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Question {
            id,
            text,
            help,
            ask_if,
            otherwise,
            answers,
            next,
        } = self;
        visit!(visit: id, text, help, ask_if, otherwise, answers, next);
    }
}

impl Texts for Section {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let Section {
            heading,
            text,
            sources,
        } = self;
        visit!(visit: heading, text, sources);
    }
}

impl Texts for GuidancePage {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let GuidancePage {
            id,
            title,
            sections,
        } = self;
        visit!(visit: id, title, sections);
    }
}

impl Texts for TriageRule {
    fn texts(&mut self, visit: &mut impl FnMut(&mut String)) {
        let TriageRule {
            id,
            name,
            all,
            any,
            none,
            age: _,
            sex: _,
            regions,
            new_or_worse: _,
            triage: _,
            advice,
            points_at,
            sources,
        } = self;
        visit!(visit: id, name, all, any, none, regions, advice, points_at, sources);
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;
    use crate::graph::validate::text::walk;
    use crate::graph::{AgeRange, Graph, Triage};

    /// Every string serde writes for a value (as the text checks see them), with the
    /// field that holds it.
    fn strings<T: Serialize>(value: &T) -> Vec<(String, String)> {
        let mut all = Vec::new();
        walk::strings(value, |path, text| {
            all.push((
                path.last().copied().unwrap_or("").to_string(),
                text.to_string(),
            ));
        });
        all
    }

    /// Marks every string `texts` reaches and checks, against serde, that each string of
    /// each item was marked, but a triage level's name (an enum written as its name).
    fn all_reached<T: Texts + Serialize + Clone>(items: &[Located<T>]) -> usize {
        let mut count = 0;
        for located in items {
            let mut marked = located.item.clone();
            marked.texts(&mut |s| s.push('\u{1}'));
            let (before, after) = (strings(&located.item), strings(&marked));
            assert_eq!(before.len(), after.len());
            for ((field, b), (_, a)) in before.iter().zip(&after) {
                if a == b {
                    let level = ["triage", "id"].contains(&field.as_str())
                        && Triage::try_from(b.clone()).is_ok();
                    assert!(level, "a string not reached: {field} {b:?}");
                } else {
                    assert_eq!(*a, format!("{b}\u{1}"));
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn every_string_of_the_bundled_graph_is_reached() {
        let g = Graph::bundled().expect("bundled graph parses");
        let reached = all_reached(&g.triage)
            + all_reached(&g.sources)
            + all_reached(&g.regions)
            + all_reached(&g.findings)
            + all_reached(&g.causes)
            + all_reached(&g.questions)
            + all_reached(&g.guidance)
            + all_reached(&g.rules);
        assert!(reached > 1000, "{reached}");
    }

    #[test]
    fn conditions_of_every_kind_are_reached() {
        let mut c = Condition::All(vec![
            Condition::Has("a".into()),
            Condition::Not(Box::new(Condition::Lacks("b".into()))),
            Condition::Any(vec![Condition::InRegion("c".into())]),
            Condition::Age(AgeRange {
                min: Some(1),
                max: None,
            }),
            Condition::IsSex(crate::graph::Sex::Female),
        ]);
        let mut seen = String::new();
        c.texts(&mut |s| seen.push_str(s));
        assert_eq!(seen, "abc");
    }
}
