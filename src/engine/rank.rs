//! Ranking causes and setting the overall triage. Pure functions over a [`Graph`].

use std::collections::HashSet;

use serde::Serialize;

use super::evidence::{
    AGE_INSIDE, AGE_OUTSIDE, RED_FLAG_POINTS_AT, REGION_MISSED, UNLINKED, age_fits, describe_age,
    likelihood_ratios,
};
use crate::graph::{Cause, Graph, Prevalence, Sex, Triage};

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
    pub id: String,
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
    pub id: String,
    pub name: String,
    /// Share of the probability among the listed causes, 0 to 100.
    pub score: f64,
    pub triage: Triage,
    pub prevalence: Prevalence,
    /// Raised to the top because a red flag present points at it.
    pub red_flag: bool,
    #[serde(rename = "for")]
    pub for_: Vec<Evidence>,
    pub against: Vec<Evidence>,
    /// Age and region fit, in words.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedFlagHit {
    pub id: String,
    pub name: String,
    pub triage: Triage,
    pub advice: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub triage: Triage,
    pub triage_label: String,
    pub advice: String,
    pub red_flags: Vec<RedFlagHit>,
    pub causes: Vec<RankedCause>,
}

/// A cause counts towards the overall triage if it ranks this high ...
const TRIAGE_TOP_N: usize = 3;
/// ... with at least this score.
const TRIAGE_MIN_SCORE: f64 = 15.0;

/// Prior per cent used when a cause gives no published figure.
fn default_prior(p: Prevalence) -> f64 {
    match p {
        Prevalence::Common => 5.0,
        Prevalence::Uncommon => 0.5,
        Prevalence::Rare => 0.05,
    }
}

/// Rank every cause that applies to the query, best first, and set the triage.
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
    let red_flags = red_flags_present(graph, query);

    let scored: Vec<(f64, RankedCause, Vec<String>)> = graph
        .causes
        .iter()
        .enumerate()
        .filter(|(_, c)| applies(graph, c, query))
        .map(|(index, cause)| {
            score_cause(graph, index, cause, query, &present, &absent, &red_flags)
        })
        .collect();
    let mut scored = pin_red_flag_causes(scored, &red_flags);

    let total: f64 = scored.iter().map(|(odds, _)| odds).sum();
    for (odds, ranked) in &mut scored {
        ranked.score = if total > 0.0 {
            100.0 * *odds / total
        } else {
            0.0
        };
    }
    // Stable: equal keys keep the graph's order.
    scored.sort_by(|(a, ra), (b, rb)| {
        rb.red_flag
            .cmp(&ra.red_flag)
            .then(b.total_cmp(a))
            .then(ra.index.cmp(&rb.index))
    });
    let causes: Vec<RankedCause> = scored.into_iter().map(|(_, r)| r).collect();

    let (triage, advice) = overall_triage(graph, &red_flags, &causes);
    let (triage_label, _) = graph.triage_level(triage);
    Ranking {
        triage,
        triage_label,
        advice,
        red_flags,
        causes,
    }
}

/// Whether a cause is worth listing: right sex, and felt in a chosen region.
fn applies(graph: &Graph, cause: &Cause, query: &Query) -> bool {
    if let (Some(only), Some(sex)) = (cause.sex, query.sex)
        && only != sex
    {
        return false;
    }
    query.regions.is_empty() || query.regions.iter().any(|r| covers(graph, cause, r))
}

/// A cause covers a region if it lists it, a part of it, or a region it is part of.
fn covers(graph: &Graph, cause: &Cause, region: &str) -> bool {
    cause.regions.iter().any(|listed| {
        graph
            .region_ancestry(region)
            .iter()
            .any(|r| &r.id == listed)
            || graph.region_ancestry(listed).iter().any(|r| r.id == region)
    })
}

fn score_cause(
    graph: &Graph,
    index: usize,
    cause: &Cause,
    query: &Query,
    present: &HashSet<&str>,
    absent: &HashSet<&str>,
    red_flags: &[RedFlagHit],
) -> (f64, RankedCause, Vec<String>) {
    let mut odds = cause
        .prior
        .as_ref()
        .map(|p| p.percent)
        .unwrap_or_else(|| default_prior(cause.prevalence));
    let mut for_ = Vec::new();
    let mut against = Vec::new();
    let mut notes = Vec::new();
    let mut pointed_at_by = Vec::new();

    for link in &cause.findings {
        let (pos, neg) = likelihood_ratios(link.1);
        let id = link.0.as_str();
        let (is_present, factor) = if present.contains(id) {
            (true, pos)
        } else if absent.contains(id) {
            (false, neg)
        } else {
            continue;
        };
        odds *= factor;
        if is_present
            && factor >= RED_FLAG_POINTS_AT
            && red_flags
                .iter()
                .any(|f| f.id == id && f.triage >= Triage::Urgent)
        {
            pointed_at_by.push(id.to_string());
        }
        let evidence = Evidence {
            id: id.to_string(),
            name: graph.finding(id).map_or(id, |f| &f.name).to_string(),
            present: is_present,
            factor,
        };
        if factor > 1.0 {
            for_.push(evidence);
        } else if factor < 1.0 {
            against.push(evidence);
        }
    }
    // A finding present that the cause does not list is not part of its picture.
    let unlinked = present
        .iter()
        .filter(|f| !cause.findings.iter().any(|l| l.0 == **f))
        .count();
    odds *= UNLINKED.powi(unlinked as i32);
    for_.sort_by(|a, b| b.factor.total_cmp(&a.factor));
    against.sort_by(|a, b| a.factor.total_cmp(&b.factor));

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

    let ranked = RankedCause {
        index,
        id: cause.id.clone(),
        name: cause.name.clone(),
        score: 0.0,
        triage: Triage::parse(&cause.triage).unwrap_or(Triage::Soon),
        prevalence: cause.prevalence,
        red_flag: false,
        for_,
        against,
        notes,
    };
    (odds, ranked, pointed_at_by)
}

/// For each urgent red flag present, mark the likeliest cause it points at, so that
/// it is listed first; one cause per flag, so a flag cannot crowd out a clear answer.
fn pin_red_flag_causes(
    scored: Vec<(f64, RankedCause, Vec<String>)>,
    red_flags: &[RedFlagHit],
) -> Vec<(f64, RankedCause)> {
    let mut pinned = vec![false; scored.len()];
    for flag in red_flags.iter().filter(|f| f.triage >= Triage::Urgent) {
        let best = scored
            .iter()
            .enumerate()
            .filter(|(_, (_, _, by))| by.contains(&flag.id))
            .max_by(|(_, (a, ..)), (_, (b, ..))| a.total_cmp(b));
        if let Some((i, _)) = best {
            pinned[i] = true;
        }
    }
    scored
        .into_iter()
        .zip(pinned)
        .map(|((odds, mut ranked, _), pin)| {
            ranked.red_flag = pin;
            (odds, ranked)
        })
        .collect()
}

/// Red-flag findings present, most urgent first (graph order within a level).
pub fn red_flags_present(graph: &Graph, query: &Query) -> Vec<RedFlagHit> {
    let mut hits: Vec<RedFlagHit> = graph
        .findings
        .iter()
        .filter(|f| query.present.iter().any(|p| p == &f.id))
        .filter_map(|f| {
            let flag = f.red_flag.as_ref()?;
            Some(RedFlagHit {
                id: f.id.clone(),
                name: f.name.clone(),
                triage: Triage::parse(&flag.triage).unwrap_or(Triage::Urgent),
                advice: flag.advice.clone(),
            })
        })
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.triage));
    hits
}

/// The most urgent of the red flags present and of the causes near the top.
fn overall_triage(
    graph: &Graph,
    red_flags: &[RedFlagHit],
    causes: &[RankedCause],
) -> (Triage, String) {
    let from_causes = causes
        .iter()
        .take(TRIAGE_TOP_N)
        .filter(|c| c.score >= TRIAGE_MIN_SCORE || c.red_flag)
        .map(|c| c.triage)
        .max()
        .unwrap_or(Triage::SelfCare);
    match red_flags.first() {
        Some(flag) if flag.triage >= from_causes => (flag.triage, flag.advice.clone()),
        _ => (from_causes, graph.triage_level(from_causes).1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{SourceText, parse};

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
    fn red_flag_is_never_outranked() {
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
        assert_eq!(r.causes[0].id, "ces");
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
