//! The overall triage: red flags, triage rules and risk-weighted causes, and the causes
//! to check first. Safety comes before likelihood here: the most urgent of every source
//! wins, and a dangerous cause is raised by its risk, not only when it ranks first.

use super::evidence::{RED_FLAG_POINTS_AT, RISK_ACT, RISK_CONSIDER, age_fits, likelihood_ratios};
use super::rank::{CheckFirst, Query, RankedCause, RedFlagHit, RuleHit};
use crate::graph::{Graph, Id, Triage, TriageRule};

/// Red-flag findings present, most urgent first (graph order within a level).
pub fn red_flags_present(graph: &Graph, query: &Query) -> Vec<RedFlagHit> {
    let mut hits: Vec<RedFlagHit> = graph
        .findings
        .iter()
        .filter(|f| query.present.iter().any(|p| p == &f.id))
        .filter_map(|f| {
            let flag = f.red_flag.as_ref()?;
            Some(RedFlagHit {
                id: f.id,
                name: f.name.clone(),
                triage: flag.triage,
                advice: flag.advice.clone(),
            })
        })
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.triage));
    hits
}

/// Triage rules whose combination is present, most urgent first (graph order within a level).
pub fn rules_present(graph: &Graph, query: &Query) -> Vec<RuleHit> {
    let mut hits: Vec<RuleHit> = graph
        .rules
        .iter()
        .filter(|rule| rule_fires(graph, rule, query))
        .map(|rule| RuleHit {
            id: rule.id,
            name: rule.name.clone(),
            triage: rule.triage,
            advice: rule.advice.clone(),
        })
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.triage));
    hits
}

/// Whether every condition of a rule holds for the query.
pub fn rule_fires(graph: &Graph, rule: &TriageRule, query: &Query) -> bool {
    let has = |id: &Id| query.present.iter().any(|p| p == id);
    let in_region = |listed: &Id| {
        query
            .regions
            .iter()
            .any(|chosen| graph.region_within(chosen, listed))
    };
    let recent = || {
        query
            .present
            .iter()
            .any(|id| graph.finding(id).is_some_and(|f| f.recent))
    };
    rule.all.iter().all(has)
        && (rule.any.is_empty() || rule.any.iter().any(has))
        && !rule.none.iter().any(has)
        && rule
            .age
            .is_none_or(|range| query.age.is_some_and(|age| age_fits(&range, age)))
        && rule.sex.is_none_or(|sex| query.sex == Some(sex))
        && (rule.regions.is_empty() || rule.regions.iter().any(in_region))
        && (!rule.new_or_worse || recent())
}

/// A share at or above this is called "likely" in the reason; below it, "possible".
const LIKELY: f64 = 50.0;

/// The overall triage, its advice and reason, and the causes to check first.
pub struct Assessment {
    pub triage: Triage,
    pub advice: String,
    pub reason: String,
    pub check_first: Vec<CheckFirst>,
    /// The triage is urgent or more, but no cause listed is a dangerous one that fits the
    /// answers: the screen says so instead of heading the list with an ordinary cause.
    pub unexplained: bool,
}

/// The level a cause's risk asks for: its own level once it reaches `RISK_ACT`; for an
/// emergency or urgent cause, the level below once it reaches `RISK_CONSIDER`.
///
/// Until an answer counts for the cause, its share is only the region's case mix as far as
/// the graph knows it (a region with few causes in the graph would start at a high level
/// with nothing said), and the emergency screen, asked first on every path, is what
/// catches an emergency: then a likely cause asks at most for a doctor within days.
pub fn risk_level(cause: &RankedCause) -> Option<Triage> {
    if !cause.for_.iter().any(|e| e.present) {
        return (cause.score >= RISK_ACT && cause.triage > Triage::SelfCare)
            .then_some(cause.triage.min(Triage::Soon));
    }
    if cause.score >= RISK_ACT {
        Some(cause.triage)
    } else if cause.score >= RISK_CONSIDER {
        match cause.triage {
            Triage::Emergency => Some(Triage::Urgent),
            Triage::Urgent => Some(Triage::Soon),
            _ => None,
        }
    } else {
        None
    }
}

/// Put the red flags, the rules and the causes' risks together.
pub fn assess(
    graph: &Graph,
    red_flags: &[RedFlagHit],
    rules: &[RuleHit],
    causes: &[RankedCause],
) -> Assessment {
    let mut pinned = Pinned::default();

    // Each urgent red flag points at the dangerous cause it counts for most (the likeliest
    // of those on a tie), or else at the likeliest cause it strongly suggests.
    let factor = |cause: &RankedCause, flag: &str| {
        graph.causes[cause.index]
            .findings
            .iter()
            .find(|l| l.0 == flag)
            .map_or(1.0, |l| likelihood_ratios(l.1).0)
    };
    for flag in red_flags.iter().filter(|f| f.triage >= Triage::Urgent) {
        // `causes` is most likely first, so `max_by` with `>=` keeps the likeliest on a tie.
        let dangerous = causes
            .iter()
            .filter(|c| c.triage >= Triage::Urgent && factor(c, &flag.id) > 1.0)
            .fold(None::<&RankedCause>, |best, c| match best {
                Some(b) if factor(b, &flag.id) >= factor(c, &flag.id) => Some(b),
                _ => Some(c),
            });
        let best = dangerous.or_else(|| {
            causes
                .iter()
                .find(|c| factor(c, &flag.id) >= RED_FLAG_POINTS_AT)
        });
        if let Some(cause) = best {
            let why = format!("you said: {}", lower_first(&flag.name));
            pinned.add(cause, flag.triage, why);
        }
    }
    // Each rule points at the causes it names.
    for hit in rules {
        let rule = graph.rules.iter().find(|r| r.id == hit.id);
        for id in rule.map(|r| r.points_at.as_slice()).unwrap_or_default() {
            if let Some(cause) = causes.iter().find(|c| &c.id == id) {
                pinned.add(cause, hit.triage, lower_first(&hit.name));
            }
        }
    }
    // A dangerous cause is checked first once its risk is worth acting on.
    for cause in causes.iter().filter(|c| c.triage >= Triage::Urgent) {
        if let Some(level) = risk_level(cause).filter(|&level| level >= Triage::Urgent) {
            let why = format!("possible with these answers ({:.0}%)", cause.score);
            pinned.add(cause, level, why);
        }
    }

    // The most urgent source wins; a red flag before a rule before a cause at equal level.
    let mut triage = Triage::SelfCare;
    let mut advice = graph.triage_level(Triage::SelfCare).1;
    let mut reason = "no warning signs in the answers so far".to_string();
    let mut raise = |level: Triage, words: String, why: String| {
        if level > triage {
            triage = level;
            advice = words;
            reason = why;
        }
    };
    for flag in red_flags {
        raise(
            flag.triage,
            flag.advice.clone(),
            format!("red flag: {}", lower_first(&flag.name)),
        );
    }
    for rule in rules {
        raise(rule.triage, rule.advice.clone(), lower_first(&rule.name));
    }
    for cause in causes {
        if let Some(level) = risk_level(cause) {
            let why = if cause.score >= LIKELY {
                format!("{} is likely ({:.0}%)", cause.name, cause.score)
            } else {
                format!("{} is possible ({:.0}%)", cause.name, cause.score)
            };
            raise(level, graph.triage_level(level).1, why);
        }
    }
    // One story: under an urgent or emergency triage, the list opens with a dangerous cause
    // that fits the answers, when one is listed; otherwise the screen says that no cause
    // listed explains the warning sign (`unexplained`).
    if triage >= Triage::Urgent && !pinned.0.iter().any(|c| c.triage >= Triage::Urgent) {
        let present = |cause: &RankedCause| cause.for_.iter().any(|e| e.present);
        if let Some(cause) = causes
            .iter()
            .find(|c| c.triage >= Triage::Urgent && present(c))
        {
            let why = format!("possible with these answers ({:.0}%)", cause.score);
            pinned.add(cause, cause.triage.min(triage), why);
        }
    }
    let check_first = pinned.into_list();
    let unexplained =
        triage >= Triage::Urgent && !check_first.iter().any(|c| c.triage >= Triage::Urgent);
    Assessment {
        triage,
        advice,
        reason,
        check_first,
        unexplained,
    }
}

/// The causes to check first, with every reason that put each there.
#[derive(Default)]
struct Pinned(Vec<CheckFirst>);

impl Pinned {
    /// Pin a cause at the level of what pinned it (the most urgent, when several did): a
    /// cause's level on the screen follows this presentation, not the cause alone, so the
    /// list never tells a different story from the triage above it.
    fn add(&mut self, cause: &RankedCause, level: Triage, reason: String) {
        if let Some(existing) = self.0.iter_mut().find(|c| c.index == cause.index) {
            existing.triage = existing.triage.max(level);
            if !existing.reason.contains(&reason) {
                existing.reason = format!("{}; {reason}", existing.reason);
            }
            return;
        }
        self.0.push(CheckFirst {
            index: cause.index,
            id: cause.id,
            name: cause.name.clone(),
            triage: level,
            score: cause.score,
            reason,
        });
    }

    /// Most urgent first, then most likely.
    fn into_list(mut self) -> Vec<CheckFirst> {
        self.0.sort_by(|a, b| {
            b.triage
                .cmp(&a.triage)
                .then(b.score.total_cmp(&a.score))
                .then(a.index.cmp(&b.index))
        });
        self.0
    }
}

/// "Fever (high temperature)" -> "fever (high temperature)", for use inside a sentence.
/// Words in capitals (an abbreviation such as "AAA") are left as they are.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rank::rank;
    use crate::graph::{Sex, SourceText, parse};

    const GRAPH: &str = r#"Graph(
        regions: [
            Region(id: "back", name: "Back"),
            Region(id: "low", name: "Low back", parent: "back"),
            Region(id: "belly", name: "Belly"),
        ],
        findings: [
            Finding(id: "fever", name: "Fever", kind: General),
            Finding(id: "stiff", name: "Stiff neck", kind: Sign),
            Finding(id: "strain", name: "Strain", kind: History),
            Finding(id: "worse", name: "Getting worse", kind: Timing, recent: true),
            Finding(id: "numb", name: "Numb", kind: Nerve,
                red_flag: RedFlag(triage: "urgent", advice: "Today")),
        ],
        causes: [
            Cause(id: "ordinary", name: "Ordinary", prevalence: Common, prior: Prior(percent: 90.0, basis: "x"),
                regions: ["back", "belly"], findings: [("strain", Strong)], triage: "self-care",
                summary: "s", feels: "f", seek_help: "h", diagnosis: "d", treatment: "t", prevention: "p", sources: []),
            Cause(id: "danger", name: "Danger", prevalence: Rare, prior: Prior(percent: 1.0, basis: "x",
                by_region: [RegionPrior(region: "belly", percent: 12.0)]),
                regions: ["back", "belly"], findings: [("fever", Typical), ("numb", Sometimes)], triage: "emergency",
                summary: "s", feels: "f", seek_help: "h", diagnosis: "d", treatment: "t", prevention: "p", sources: []),
        ],
        rules: [
            TriageRule(id: "r-fever-stiff", name: "Fever with a stiff neck", all: ["fever", "stiff"],
                triage: "emergency", advice: "Call now", points_at: ["danger"]),
            TriageRule(id: "r-old-worse", name: "Older and worse", any: ["worse"], none: ["strain"],
                age: AgeRange(min: 50), sex: Female, regions: ["back"], new_or_worse: true,
                triage: "urgent", advice: "Today"),
        ],
    )"#;

    fn graph() -> Graph {
        parse(vec![SourceText::new("t.ron", GRAPH)]).expect("test graph parses")
    }

    fn query(regions: &[&str], present: &[&str]) -> Query {
        Query {
            regions: regions
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            present: present
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            ..Query::default()
        }
    }

    #[test]
    fn a_rule_fires_only_when_every_condition_holds() {
        let g = graph();
        let rule = |id: &str| g.rules.iter().find(|r| r.id == id).expect("rule");
        assert!(rule_fires(
            &g,
            rule("r-fever-stiff"),
            &query(&[], &["fever", "stiff"])
        ));
        assert!(!rule_fires(
            &g,
            rule("r-fever-stiff"),
            &query(&[], &["fever"])
        ));
        let older = |age, sex, regions: &[&str], present: &[&str]| {
            let mut q = query(regions, present);
            q.age = age;
            q.sex = sex;
            rule_fires(&g, rule("r-old-worse"), &q)
        };
        let f = Some(Sex::Female);
        // A part of a listed region counts; the age and sex must be known and fit.
        assert!(older(Some(60), f, &["low"], &["worse"]));
        assert!(!older(None, f, &["low"], &["worse"]));
        assert!(!older(Some(40), f, &["low"], &["worse"]));
        assert!(!older(Some(60), Some(Sex::Male), &["low"], &["worse"]));
        assert!(!older(Some(60), f, &["belly"], &["worse"]));
        // A "none" finding present stops it.
        assert!(!older(Some(60), f, &["low"], &["worse", "strain"]));
    }

    #[test]
    fn a_rule_sets_the_level_and_points_at_its_cause_with_the_reason() {
        let g = graph();
        let r = rank(&g, &query(&["back"], &["fever", "stiff", "strain"]));
        assert_eq!(r.triage, Triage::Emergency);
        assert_eq!(r.advice, "Call now");
        assert_eq!(r.rules[0].id, "r-fever-stiff");
        assert_eq!(r.check_first[0].id, "danger");
        assert!(r.check_first[0].reason.contains("fever with a stiff neck"));
        assert!(!r.unexplained);
    }

    #[test]
    fn a_dangerous_cause_raises_the_triage_by_its_risk_without_a_cliff() {
        let g = graph();
        // The belly's own prior puts the dangerous cause above 10%, but with nothing said
        // for it that is only the case mix: a doctor within days, nothing to check first.
        let r = rank(&g, &query(&["belly"], &[]));
        assert_eq!(r.triage, Triage::Soon);
        assert!(r.check_first.is_empty());
        // With an answer that counts for it: emergency, and it is checked first, though
        // it is not the most likely.
        let r = rank(&g, &query(&["belly"], &["fever"]));
        let danger = r.causes.iter().find(|c| c.id == "danger").expect("listed");
        assert!(danger.score >= RISK_ACT, "{}", danger.score);
        assert_eq!(r.triage, Triage::Emergency);
        assert_eq!(r.causes[0].id, "ordinary");
        assert_eq!(r.check_first[0].id, "danger");
        // In the back, with an ordinary answer, it is near 1%: below both thresholds.
        let r = rank(&g, &query(&["back"], &["strain"]));
        assert_eq!(r.triage, Triage::SelfCare);
        assert!(r.check_first.is_empty());
        // Between 3% and 10% it asks for the level below its own.
        let r = rank(&g, &query(&["back"], &["fever"]));
        let mut cause = r
            .causes
            .iter()
            .find(|c| c.id == "danger")
            .expect("listed")
            .clone();
        cause.score = 5.0;
        assert_eq!(risk_level(&cause), Some(Triage::Urgent));
        cause.score = 2.9;
        assert_eq!(risk_level(&cause), None);
    }

    #[test]
    fn a_red_flag_pins_the_dangerous_cause_at_the_flags_level() {
        let g = graph();
        let r = rank(&g, &query(&["back"], &["numb", "strain"]));
        assert_eq!(r.triage, Triage::Urgent);
        let first = &r.check_first[0];
        assert_eq!(first.id, "danger");
        // Its own level is emergency, but this presentation asks for urgent: the list shows
        // the level the answers give it, as the triage above it does.
        assert_eq!(first.triage, Triage::Urgent);
        assert!(first.reason.contains("you said: numb"));
    }
}
