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

use super::Test;
use crate::engine::rank::covers;
use crate::graph::load::Graph;
use crate::graph::model::{AgeRange, Sex, TriageRule, Weight};
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

/// One reason an item must be asked: the regions where it applies, and what settles it.
#[derive(Debug, Clone)]
pub(super) struct Reason<'g> {
    pub item: usize,
    pub regions: Vec<&'g str>,
    pub settled: Settled<'g>,
}

fn other(sex: Sex) -> Sex {
    match sex {
        Sex::Female => Sex::Male,
        Sex::Male => Sex::Female,
    }
}

/// Every reason in the graph; `age` and `sex` are the item numbers of the age and sex.
pub(super) fn reasons<'g>(graph: &'g Graph, age: usize, sex: usize) -> Vec<Reason<'g>> {
    let mut out = Vec::new();
    let emergency = |level: &str| Triage::parse(level) == Some(Triage::Emergency);
    for (item, finding) in graph.findings.iter().enumerate() {
        if !finding
            .red_flag
            .as_ref()
            .is_some_and(|f| emergency(&f.triage))
        {
            continue;
        }
        for cause in graph.causes.iter() {
            let links = cause
                .findings
                .iter()
                .any(|l| l.0 == finding.id && counts_for(l.1));
            if !links {
                continue;
            }
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
            let regions = graph
                .regions
                .iter()
                .filter(|r| covers(graph, cause, &r.id))
                .map(|r| r.id.as_str())
                .collect();
            out.push(Reason {
                item,
                regions,
                settled: Settled::Any(any),
            });
        }
    }
    for rule in graph.rules.iter().filter(|r| emergency(&r.triage)) {
        let regions: Vec<&str> = graph
            .regions
            .iter()
            .filter(|r| {
                rule.regions.is_empty() || rule.regions.iter().any(|l| related(graph, l, &r.id))
            })
            .map(|r| r.id.as_str())
            .collect();
        for id in rule.all.iter().chain(&rule.any) {
            if let Some(item) = graph.finding_index(id) {
                out.push(Reason {
                    item,
                    regions: regions.clone(),
                    settled: cannot_fire(rule, Some(id), true, true),
                });
            }
        }
        if rule.age.is_some() {
            out.push(Reason {
                item: age,
                regions: regions.clone(),
                settled: cannot_fire(rule, None, false, true),
            });
        }
        if rule.sex.is_some() {
            out.push(Reason {
                item: sex,
                regions,
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

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// A link that makes the cause more likely when the finding is present.
fn counts_for(weight: Weight) -> bool {
    super::counts_for(weight)
}

fn related(graph: &Graph, listed: &str, region: &str) -> bool {
    super::related(graph, listed, region)
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
                    Test::Not(Box::new(Test::Chosen(r.regions.clone()))),
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
