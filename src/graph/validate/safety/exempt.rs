//! When a target need not be asked: the answers have already settled why it matters.
//!
//! A finding is a target for *reasons*: an emergency red flag linked by a cause that covers
//! the region, or an emergency rule that tests it. A reason is settled when the answers on
//! the path rule it out:
//!
//! - a rule, when it can no longer fire: one of its `all` findings is absent, every one of
//!   its `any` findings is absent, one of its `none` findings is present, or the recorded
//!   sex or age does not fit it;
//! - a red flag linked by a cause, when every finding of the flag's `only_with` is absent,
//!   when the recorded sex is not the cause's, or when every finding the cause `requires`
//!   is absent.
//!
//! A target is exempt at the end of a path when every reason that applies to the region is
//! settled. The search sees this as *virtual questions* after the last real one: one per
//! item, asked (and so asking its item) exactly when the item is exempt. The witness path
//! stops at the first of them.

use std::fmt;

use super::Test;
use crate::graph::load::Graph;
use crate::graph::model::{AgeRange, Cause, Sex, TriageRule};
use crate::graph::triage::Triage;

/// What settles a reason, before findings are numbered.
#[derive(Debug, Clone)]
pub(super) enum Settled<'g> {
    /// Every one of these findings is known absent.
    LacksAll(Vec<&'g str>),
    Has(&'g str),
    IsSex(Sex),
    Age(AgeRange),
    Any(Vec<Settled<'g>>),
}

/// One reason an item must be asked: where it applies, and what settles it.
#[derive(Debug, Clone)]
pub(super) struct Reason<'g> {
    pub item: usize,
    pub applies: Applies<'g>,
    pub settled: Settled<'g>,
}

/// Where a reason applies: the regions a cause covers, or those a rule can apply to;
/// each by its index in the graph.
#[derive(Clone, Copy)]
pub(super) enum Applies<'g> {
    Cause(usize, &'g Cause),
    Rule(usize, &'g TriageRule),
}

impl Applies<'_> {
    /// Whether the reason applies when `region` is the one chosen.
    pub fn to(self, graph: &Graph, region: &str) -> bool {
        match self {
            Applies::Cause(c, _) => graph.cause_covers(c, region),
            Applies::Rule(r, _) => graph.rule_applies_in(r, region),
        }
    }
}

impl fmt::Debug for Applies<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Applies::Cause(_, cause) => write!(f, "Cause({:?})", cause.id),
            Applies::Rule(_, rule) => write!(f, "Rule({:?})", rule.id),
        }
    }
}

fn other(sex: Sex) -> Sex {
    match sex {
        Sex::Female => Sex::Male,
        Sex::Male => Sex::Female,
    }
}

/// Every reason in the graph; `age` and `sex` are the item numbers of the age and sex.
pub(super) fn reasons(graph: &Graph, age: usize, sex: usize) -> Vec<Reason<'_>> {
    let mut out = Vec::new();
    let emergency = |level: &Triage| *level == Triage::Emergency;
    // For each finding, the causes that link it for them, in graph order, each once.
    let mut linked_by: Vec<Vec<(usize, &Cause)>> = vec![Vec::new(); graph.findings.len()];
    for (c, cause) in graph.causes.iter().enumerate() {
        for link in cause.findings.iter().filter(|l| super::counts_for(l.1)) {
            let Some(i) = graph.finding_index(&link.0) else {
                continue;
            };
            if linked_by[i].last().is_none_or(|&(last, _)| last != c) {
                linked_by[i].push((c, cause));
            }
        }
    }
    for (item, finding) in graph.findings.iter().enumerate() {
        if !finding
            .red_flag
            .as_ref()
            .is_some_and(|f| emergency(&f.triage))
        {
            continue;
        }
        for &(c, cause) in &linked_by[item] {
            let mut any = Vec::new();
            if !finding.only_with.is_empty() {
                any.push(Settled::LacksAll(ids(&finding.only_with)));
            }
            if let Some(s) = cause.sex {
                any.push(Settled::IsSex(other(s)));
            }
            if !cause.requires.is_empty() {
                any.push(Settled::LacksAll(ids(&cause.requires)));
            }
            out.push(Reason {
                item,
                applies: Applies::Cause(c, cause),
                settled: Settled::Any(any),
            });
        }
    }
    let rules = graph.rules.iter().enumerate();
    for (r, rule) in rules.filter(|(_, r)| emergency(&r.triage)) {
        let applies = Applies::Rule(r, rule);
        for id in rule.all.iter().chain(&rule.any) {
            if let Some(item) = graph.finding_index(id) {
                out.push(Reason {
                    item,
                    applies,
                    settled: cannot_fire(rule, Some(id), true, true),
                });
            }
        }
        if rule.age.is_some() {
            out.push(Reason {
                item: age,
                applies,
                settled: cannot_fire(rule, None, false, true),
            });
        }
        if rule.sex.is_some() {
            out.push(Reason {
                item: sex,
                applies,
                settled: cannot_fire(rule, None, true, false),
            });
        }
    }
    out
}

/// The answers that stop a rule firing (the age and sex parts only when asked for).
///
/// For a finding `target` of the rule, the parts that need the target itself absent are
/// left out: a target known absent was asked, so they can never be what settles it (and
/// leaving them out keeps the search small).
fn cannot_fire<'g>(
    rule: &'g TriageRule,
    target: Option<&str>,
    with_age: bool,
    with_sex: bool,
) -> Settled<'g> {
    let mut any: Vec<Settled> = rule
        .all
        .iter()
        .filter(|f| Some(f.as_str()) != target)
        .map(|f| Settled::LacksAll(vec![f.as_str()]))
        .collect();
    if !rule.any.is_empty() && !rule.any.iter().any(|f| Some(f.as_str()) == target) {
        any.push(Settled::LacksAll(ids(&rule.any)));
    }
    any.extend(rule.none.iter().map(|f| Settled::Has(f.as_str())));
    if let (true, Some(s)) = (with_sex, rule.sex) {
        any.push(Settled::IsSex(other(s)));
    }
    if let (true, Some(range)) = (with_age, rule.age) {
        if let Some(min) = range.min.filter(|&m| m > 0) {
            any.push(Settled::Age(AgeRange {
                min: None,
                max: Some(min - 1),
            }));
        }
        if let Some(max) = range.max.filter(|&m| m < u8::MAX) {
            any.push(Settled::Age(AgeRange {
                min: Some(max + 1),
                max: None,
            }));
        }
    }
    Settled::Any(any)
}

fn ids(list: &[impl AsRef<str>]) -> Vec<&str> {
    list.iter().map(AsRef::as_ref).collect()
}

/// The findings a reason reads, so that they get a slot.
pub(super) fn findings<'g>(settled: &Settled<'g>, out: &mut Vec<&'g str>) {
    match settled {
        Settled::LacksAll(ids) => out.extend(ids),
        Settled::Has(id) => out.push(id),
        Settled::Any(any) => any.iter().for_each(|s| findings(s, out)),
        Settled::IsSex(_) | Settled::Age(_) => {}
    }
}

/// The exemption test of one item: every reason applying to the chosen region settled.
pub(super) fn test<'g>(reasons: &[&Reason<'g>], slot: &dyn Fn(&str) -> usize) -> Test<'g> {
    Test::All(
        reasons
            .iter()
            .map(|r| {
                Test::Any(vec![
                    Test::Not(Box::new(Test::Chosen(r.applies))),
                    compile(&r.settled, slot),
                ])
            })
            .collect(),
    )
}

fn compile<'g>(settled: &Settled<'g>, slot: &dyn Fn(&str) -> usize) -> Test<'g> {
    match settled {
        Settled::LacksAll(ids) => Test::All(ids.iter().map(|id| Test::Lacks(slot(id))).collect()),
        Settled::Has(id) => Test::Has(slot(id)),
        Settled::IsSex(sex) => Test::IsSex(*sex),
        Settled::Age(range) => Test::Age(*range),
        // An empty `Any` holds for nothing: a reason nothing settles.
        Settled::Any(any) => Test::Any(any.iter().map(|s| compile(s, slot)).collect()),
    }
}
