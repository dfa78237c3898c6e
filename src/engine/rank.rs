//! Ranking causes and setting the overall triage. Pure functions over a [`Graph`].

use std::collections::HashSet;

use serde::Serialize;

use super::evidence::{
    ADULT_ONLY_FROM, AGE_INSIDE, AGE_OUTSIDE, CHILD_UNDER, GROUP_DISCOUNT, REGION_MISSED, UNLINKED,
    age_fits, describe_age, likelihood_ratios,
};
use super::triage::{assess, red_flags_present, rules_present};
use crate::graph::{Cause, Graph, Id, Prevalence, Sex, Triage};

/// What is known about the person: where it hurts, what is present and absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub regions: Vec<String>,
    pub present: Vec<String>,
    pub absent: Vec<String>,
    pub age: Option<u8>,
    pub sex: Option<Sex>,
}

/// A finding that counts for or against a cause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub id: Id,
    pub name: String,
    /// True when the finding is present, false when it is known absent.
    pub present: bool,
    /// The factor it multiplied the cause's odds by.
    pub factor: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedCause {
    /// Index into `graph.causes`.
    #[serde(skip)]
    pub index: usize,
    pub id: Id,
    pub name: String,
    /// Share of the probability among the listed causes, 0 to 100.
    pub score: f64,
    pub triage: Triage,
    pub prevalence: Prevalence,
    /// Also listed in the "check these first" group (see [`Ranking::check_first`]).
    pub check_first: bool,
    #[serde(rename = "for")]
    pub for_: Vec<Evidence>,
    pub against: Vec<Evidence>,
    /// Age and region fit, in words.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedFlagHit {
    pub id: Id,
    pub name: String,
    pub triage: Triage,
    pub advice: String,
}

/// A triage rule whose combination of answers is present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleHit {
    pub id: Id,
    pub name: String,
    pub triage: Triage,
    pub advice: String,
}

/// A cause to check before the likelihood ranking: a red flag, a rule or its own risk
/// put it there, and `reason` says which in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckFirst {
    /// Index into `graph.causes`.
    #[serde(skip)]
    pub index: usize,
    pub id: Id,
    pub name: String,
    pub triage: Triage,
    pub score: f64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub triage: Triage,
    pub triage_label: String,
    pub advice: String,
    /// What set the triage, in words ("Red flag: saddle numbness").
    pub reason: String,
    pub red_flags: Vec<RedFlagHit>,
    pub rules: Vec<RuleHit>,
    /// Causes to rule out first, most urgent first; kept apart from the ranking. Each
    /// one's `triage` is the more urgent of its own level and what put it there.
    pub check_first: Vec<CheckFirst>,
    /// Urgent or emergency, but no cause listed explains it: act on the advice.
    pub unexplained: bool,
    /// Every cause that applies, most likely first.
    pub causes: Vec<RankedCause>,
}

/// The largest odds a cause can reach: far above any real figure, and small enough that
/// a few hundred causes at it still sum to a finite total.
const MAX_ODDS: f64 = 1e300;

/// Prior per cent used when a cause gives no published figure.
fn default_prior(p: Prevalence) -> f64 {
    match p {
        Prevalence::Common => 5.0,
        Prevalence::Uncommon => 0.5,
        Prevalence::Rare => 0.05,
    }
}

/// A cause's prior for the chosen regions: for each chosen region, the share of the nearest
/// region in `by_region` that contains it (else the overall share); the largest of those.
fn prior(graph: &Graph, cause: &Cause, query: &Query) -> f64 {
    let Some(p) = &cause.prior else {
        return default_prior(cause.prevalence);
    };
    if p.by_region.is_empty() || query.regions.is_empty() {
        return p.percent;
    }
    query
        .regions
        .iter()
        .map(|chosen| {
            graph
                .region_ancestry(chosen)
                .iter()
                .find_map(|r| p.by_region.iter().find(|b| b.region == r.id))
                .map_or(p.percent, |b| b.percent)
        })
        .fold(0.0, f64::max)
}

/// Rank every cause that applies to the query, most likely first, and set the triage.
///
/// Ids the graph does not know are ignored here; callers check them first.
pub fn rank(graph: &Graph, query: &Query) -> Ranking {
    let present: HashSet<&str> = query.present.iter().map(String::as_str).collect();
    let absent: HashSet<&str> = query
        .absent
        .iter()
        .map(String::as_str)
        .filter(|f| !present.contains(f))
        .collect();

    let mut scored: Vec<(f64, RankedCause)> = graph
        .causes
        .iter()
        .enumerate()
        .filter(|(_, c)| applies(graph, c, query))
        .map(|(index, cause)| score_cause(graph, index, cause, query, &present, &absent))
        .collect();
    let total: f64 = scored.iter().map(|(odds, _)| odds).sum();
    for (odds, ranked) in &mut scored {
        ranked.score = if total > 0.0 && total.is_finite() {
            *odds / total * 100.0
        } else {
            0.0
        };
    }
    // Stable: equal keys keep the graph's order.
    scored.sort_by(|(a, ra), (b, rb)| b.total_cmp(a).then(ra.index.cmp(&rb.index)));
    let mut causes: Vec<RankedCause> = scored.into_iter().map(|(_, r)| r).collect();

    let red_flags = red_flags_present(graph, query);
    let rules = rules_present(graph, query);
    let assessment = assess(graph, &red_flags, &rules, &causes);
    for cause in &mut causes {
        cause.check_first = assessment
            .check_first
            .iter()
            .any(|c| c.index == cause.index);
    }
    let (triage_label, _) = graph.triage_level(assessment.triage);
    Ranking {
        triage: assessment.triage,
        triage_label,
        advice: assessment.advice,
        reason: assessment.reason,
        red_flags,
        rules,
        check_first: assessment.check_first,
        unexplained: assessment.unexplained,
        causes,
    }
}

/// Whether a cause is worth listing: right sex, an age it can occur at, and felt in a
/// chosen region.
fn applies(graph: &Graph, cause: &Cause, query: &Query) -> bool {
    if let (Some(only), Some(sex)) = (cause.sex, query.sex)
        && only != sex
    {
        return false;
    }
    // Degenerative causes of adults are not offered for a child.
    if let (Some(age), Some(min)) = (query.age, cause.age.and_then(|a| a.min))
        && age < CHILD_UNDER
        && min >= ADULT_ONLY_FROM
    {
        return false;
    }
    // A cause whose defining findings are all known absent cannot be the answer.
    if !cause.requires.is_empty()
        && cause
            .requires
            .iter()
            .all(|f| query.absent.iter().any(|a| a == f))
    {
        return false;
    }
    query.regions.is_empty() || query.regions.iter().any(|r| covers(graph, cause, r))
}

/// A cause covers a region if it lists it, a part of it, or a region it is part of.
/// Constant time for each region the cause lists.
pub(crate) fn covers(graph: &Graph, cause: &Cause, region: &str) -> bool {
    cause
        .regions
        .iter()
        .any(|listed| graph.regions_related(region, listed))
}

/// One link's contribution before the group discount.
struct Contribution<'g> {
    id: Id,
    present: bool,
    factor: f64,
    group: Option<&'g str>,
}

/// Discount correlated findings: within a group, for each direction (for and against),
/// the strongest counts in full and each further one by `factor ^ GROUP_DISCOUNT`.
fn discount_groups(contributions: &mut [Contribution<'_>]) {
    let strength = |c: &Contribution<'_>| c.factor.ln().abs();
    let mut order: Vec<usize> = (0..contributions.len()).collect();
    order.sort_by(|&a, &b| strength(&contributions[b]).total_cmp(&strength(&contributions[a])));
    let mut seen: Vec<(&str, bool)> = Vec::new();
    for i in order {
        let c = &mut contributions[i];
        let Some(group) = c.group else { continue };
        let key = (group, c.factor > 1.0);
        if seen.contains(&key) {
            c.factor = c.factor.powf(GROUP_DISCOUNT);
        } else {
            seen.push(key);
        }
    }
}

fn score_cause(
    graph: &Graph,
    index: usize,
    cause: &Cause,
    query: &Query,
    present: &HashSet<&str>,
    absent: &HashSet<&str>,
) -> (f64, RankedCause) {
    let mut odds = prior(graph, cause, query);
    let mut contributions: Vec<Contribution<'_>> = cause
        .findings
        .iter()
        .filter_map(|link| {
            let (pos, neg) = likelihood_ratios(link.1);
            let id = link.0;
            let (present, factor) = if present.contains(&*id) {
                (true, pos)
            } else if absent.contains(&*id) {
                (false, neg)
            } else {
                return None;
            };
            let group = graph.finding(&id).and_then(|f| f.group.as_deref());
            Some(Contribution {
                id,
                present,
                factor,
                group,
            })
        })
        .collect();
    discount_groups(&mut contributions);

    let mut for_ = Vec::new();
    let mut against = Vec::new();
    for c in contributions {
        odds *= c.factor;
        let evidence = Evidence {
            id: c.id,
            name: graph.finding(&c.id).map_or(&*c.id, |f| &f.name).to_string(),
            present: c.present,
            factor: c.factor,
        };
        if c.factor > 1.0 {
            for_.push(evidence);
        } else if c.factor < 1.0 {
            against.push(evidence);
        }
    }
    // A finding present that the cause does not list is not part of its picture.
    let unlinked = present
        .iter()
        .filter(|f| !cause.findings.iter().any(|l| l.0 == **f))
        .count();
    odds *= UNLINKED.powi(i32::try_from(unlinked).unwrap_or(i32::MAX));
    for_.sort_by(|a, b| b.factor.total_cmp(&a.factor));
    against.sort_by(|a, b| a.factor.total_cmp(&b.factor));

    let mut notes = Vec::new();
    if let (Some(range), Some(age)) = (cause.age, query.age) {
        if age_fits(&range, age) {
            odds *= AGE_INSIDE;
            notes.push(format!("age {age} fits (usually {})", describe_age(&range)));
        } else {
            odds *= AGE_OUTSIDE;
            notes.push(format!(
                "age {age} is unusual (usually {})",
                describe_age(&range)
            ));
        }
    }
    for region in &query.regions {
        if !covers(graph, cause, region) {
            odds *= REGION_MISSED;
            let name = graph.region(region).map_or(region.as_str(), |r| &r.name);
            notes.push(format!("not usually felt in: {}", name.to_lowercase()));
        }
    }
    // Odds are kept finite and non-negative whatever the content says, so one cause with
    // hundreds of strong findings cannot turn every share into NaN.
    let odds = if odds.is_finite() {
        odds.clamp(0.0, MAX_ODDS)
    } else {
        MAX_ODDS
    };

    let ranked = RankedCause {
        index,
        id: cause.id,
        name: cause.name.clone(),
        score: 0.0,
        triage: cause.triage,
        prevalence: cause.prevalence,
        check_first: false,
        for_,
        against,
        notes,
    };
    (odds, ranked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Link, SourceText, Weight, parse};

    const GRAPH: &str = r#"Graph(
        regions: [
            Region(id: "back", name: "Back"),
            Region(id: "lower-back", name: "Lower back", parent: "back"),
            Region(id: "leg", name: "Leg"),
        ],
        findings: [
            Finding(id: "lifting", name: "Lifting", kind: History),
            Finding(id: "leg-pain", name: "Leg pain", kind: Spread),
            Finding(id: "saddle", name: "Saddle numbness", kind: Nerve,
                red_flag: RedFlag(triage: "emergency", advice: "Call now")),
        ],
        causes: [
            Cause(id: "strain", name: "Strain", prevalence: Common, prior: Prior(percent: 70.0, basis: "x"),
                regions: ["lower-back"], findings: [("lifting", Strong), ("leg-pain", Against)],
                triage: "self-care", summary: "s", feels: "f", seek_help: "h", diagnosis: "d",
                treatment: "t", prevention: "p", sources: []),
            Cause(id: "disc", name: "Disc", prevalence: Common, prior: Prior(percent: 4.0, basis: "x"),
                regions: ["back", "leg"], findings: [("leg-pain", Strong), ("lifting", Sometimes)],
                triage: "soon", summary: "s", feels: "f", seek_help: "h", diagnosis: "d",
                treatment: "t", prevention: "p", sources: []),
            Cause(id: "ces", name: "CES", prevalence: Rare, prior: Prior(percent: 0.04, basis: "x"),
                regions: ["lower-back", "leg"], findings: [("saddle", Lr(40.0)), ("leg-pain", Typical)],
                age: AgeRange(min: 18), triage: "emergency", summary: "s", feels: "f", seek_help: "h",
                diagnosis: "d", treatment: "t", prevention: "p", sources: []),
        ],
    )"#;

    fn graph() -> Graph {
        parse(vec![SourceText::new("t.ron", GRAPH)]).expect("test graph parses")
    }

    fn ids(r: &Ranking) -> Vec<&str> {
        r.causes.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn no_findings_follows_priors() {
        let g = graph();
        let r = rank(
            &g,
            &Query {
                regions: vec!["lower-back".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&r), ["strain", "disc", "ces"]);
        assert_eq!(r.triage, Triage::SelfCare);
        let total: f64 = r.causes.iter().map(|c| c.score).sum();
        assert!((total - 100.0).abs() < 1e-6);
    }

    #[test]
    fn evidence_moves_causes() {
        let g = graph();
        let q = Query {
            regions: vec!["lower-back".into(), "leg".into()],
            present: vec!["leg-pain".into()],
            absent: vec!["lifting".into()],
            ..Query::default()
        };
        let r = rank(&g, &q);
        assert_eq!(r.causes[0].id, "disc");
        assert_eq!(r.causes[0].for_[0].id, "leg-pain");
        let strain = r
            .causes
            .iter()
            .find(|c| c.id == "strain")
            .expect("strain listed");
        assert!(
            strain
                .against
                .iter()
                .any(|e| e.id == "leg-pain" && e.present)
        );
        assert!(strain.notes.iter().any(|n| n.contains("leg")));
    }

    #[test]
    fn red_flag_cause_is_checked_first() {
        let g = graph();
        let q = Query {
            regions: vec!["lower-back".into()],
            present: vec!["saddle".into(), "lifting".into()],
            ..Query::default()
        };
        let r = rank(&g, &q);
        assert_eq!(r.triage, Triage::Emergency);
        assert_eq!(r.advice, "Call now");
        assert_eq!(r.red_flags[0].id, "saddle");
        // Kept apart from the likelihood ranking, with the answer that put it there.
        assert_eq!(r.check_first[0].id, "ces");
        assert!(r.check_first[0].reason.contains("saddle numbness"));
        assert!(r.causes.iter().any(|c| c.id == "ces" && c.check_first));
        let scores: Vec<f64> = r.causes.iter().map(|c| c.score).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    }

    #[test]
    fn correlated_findings_are_discounted() {
        let mut c = vec![
            Contribution {
                id: "a".into(),
                present: true,
                factor: 8.0,
                group: Some("leg"),
            },
            Contribution {
                id: "b".into(),
                present: true,
                factor: 4.0,
                group: Some("leg"),
            },
            Contribution {
                id: "c".into(),
                present: true,
                factor: 4.0,
                group: None,
            },
            Contribution {
                id: "d".into(),
                present: false,
                factor: 0.5,
                group: Some("leg"),
            },
        ];
        discount_groups(&mut c);
        let f: Vec<f64> = c.iter().map(|c| c.factor).collect();
        // The strongest in a group in full, the next at half weight on the log scale; the
        // other direction and ungrouped findings are untouched.
        assert_eq!(f, [8.0, 2.0, 4.0, 0.5]);
    }

    #[test]
    fn overflowing_odds_stay_finite() {
        let mut g = graph();
        let ces = g.causes.iter_mut().find(|c| c.id == "ces").expect("ces");
        ces.item.findings = (0..400)
            .map(|_| Link("saddle".into(), Weight::Lr(1e6)))
            .collect();
        let r = rank(
            &g,
            &Query {
                present: vec!["saddle".into()],
                ..Query::default()
            },
        );
        assert!(r.causes.iter().all(|c| c.score.is_finite()));
        assert_eq!(r.triage, Triage::Emergency);
    }

    #[test]
    fn region_and_age_filter() {
        let g = graph();
        let q = Query {
            regions: vec!["leg".into()],
            age: Some(10),
            ..Query::default()
        };
        let r = rank(&g, &q);
        assert_eq!(ids(&r), ["disc", "ces"]);
        assert!(r.causes[1].notes[0].contains("unusual"));
    }

    #[test]
    fn same_input_same_order() {
        let g = graph();
        let q = Query::default();
        assert_eq!(rank(&g, &q), rank(&g, &q));
    }
}
