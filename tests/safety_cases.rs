//! Blind safety cases: the triage and the ranking on clinical cases written from NHS and
//! NICE guidance by authors who never saw the weights (tests/cases/*.ron).
//!
//! Two sets, kept apart:
//! - `safety-tune.ron`: the set the engineers may look at and tune against; every miss is
//!   printed with the ranking's top 3.
//! - `safety-holdout.ron`: a holdout the engineers do not read. Only aggregate figures (and
//!   failure counts per class) are printed, so that tuning cannot follow individual cases.
//!
//! The thresholds are the "done when", fixed before the first run, for both sets:
//! - no under-triage (the program's level below the guideline's), which includes every
//!   emergency case triaged emergency;
//! - no case whose guideline level is routine or self-care sent to the emergency number;
//! - the expected cause (or an accepted alternative) in the top 3 for at least 90% of the
//!   cases that name one. "Top 3" counts the "check these first" group and then the
//!   likelihood ranking, as a person reads the list.

use std::collections::BTreeMap;

use serde::Deserialize;
use symptom_explorer::engine::{Query, Ranking, rank};
use symptom_explorer::graph::{Graph, Sex, Triage};

#[derive(Debug, Deserialize)]
#[serde(rename = "Case", deny_unknown_fields)]
struct Case {
    name: String,
    class: String,
    regions: Vec<String>,
    present: Vec<String>,
    absent: Vec<String>,
    age: Option<u8>,
    sex: Option<Sex>,
    expect: Option<String>,
    also: Vec<String>,
    triage: String,
    basis: String,
}

const TOP3_THRESHOLD: f64 = 0.90;

fn load(name: &str) -> Vec<Case> {
    let path = format!("{}/tests/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("case file is readable");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn graph() -> Graph {
    Graph::bundled().expect("bundled graph parses")
}

fn query(case: &Case) -> Query {
    Query {
        regions: case.regions.clone(),
        present: case.present.clone(),
        absent: case.absent.clone(),
        age: case.age,
        sex: case.sex,
    }
}

/// The causes in the order a person reads them: check these first, then the rest.
fn reading_order(r: &Ranking) -> Vec<&str> {
    let first = r.check_first.iter().map(|c| c.id.as_str());
    let rest = r
        .causes
        .iter()
        .filter(|c| !c.check_first)
        .map(|c| c.id.as_str());
    first.chain(rest).collect()
}

#[derive(Default)]
struct Figures {
    cases: usize,
    with_cause: usize,
    top1: usize,
    top3: usize,
    triage_exact: usize,
    under: usize,
    over: usize,
    emergency_cases: usize,
    emergency_hit: usize,
    benign_cases: usize,
    benign_to_emergency: usize,
    failures_by_class: BTreeMap<String, usize>,
    misses: Vec<String>,
}

fn evaluate(graph: &Graph, cases: &[Case]) -> Figures {
    let mut f = Figures::default();
    for case in cases {
        let expected = Triage::parse(&case.triage)
            .unwrap_or_else(|| panic!("{}: unknown triage {}", case.name, case.triage));
        let r = rank(graph, &query(case));
        let order = reading_order(&r);
        f.cases += 1;
        let mut failed = false;
        if let Some(expect) = &case.expect {
            f.with_cause += 1;
            let accepted = |id: &str| id == expect || case.also.iter().any(|a| a == id);
            if order.first().is_some_and(|id| accepted(id)) {
                f.top1 += 1;
            }
            if order.iter().take(3).any(|id| accepted(id)) {
                f.top3 += 1;
            } else {
                failed = true;
                f.misses.push(format!(
                    "TOP3 {}: expected {expect}, got {:?}",
                    case.name,
                    &order[..order.len().min(3)]
                ));
            }
        }
        if r.triage == expected {
            f.triage_exact += 1;
        } else if r.triage < expected {
            f.under += 1;
            failed = true;
            f.misses.push(format!(
                "UNDER {}: expected {}, got {} ({}); top {:?}",
                case.name,
                expected.id(),
                r.triage.id(),
                r.reason,
                &order[..order.len().min(3)]
            ));
        } else {
            f.over += 1;
            f.misses.push(format!(
                "over {}: expected {}, got {} ({})",
                case.name,
                expected.id(),
                r.triage.id(),
                r.reason
            ));
        }
        if expected == Triage::Emergency {
            f.emergency_cases += 1;
            if r.triage == Triage::Emergency {
                f.emergency_hit += 1;
            }
        }
        if expected <= Triage::Routine {
            f.benign_cases += 1;
            if r.triage == Triage::Emergency {
                f.benign_to_emergency += 1;
                failed = true;
            }
        }
        if failed {
            *f.failures_by_class.entry(case.class.clone()).or_default() += 1;
        }
        assert!(!case.basis.trim().is_empty(), "{}: no basis", case.name);
    }
    f
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

fn report(set: &str, f: &Figures, show_cases: bool) {
    println!("== {set}: {} cases", f.cases);
    println!(
        "top-1 {}/{} ({:.0}%), top-3 {}/{} ({:.0}%)",
        f.top1,
        f.with_cause,
        pct(f.top1, f.with_cause),
        f.top3,
        f.with_cause,
        pct(f.top3, f.with_cause)
    );
    println!(
        "triage exact {}/{} ({:.0}%), under-triage {}, over-triage {}",
        f.triage_exact,
        f.cases,
        pct(f.triage_exact, f.cases),
        f.under,
        f.over
    );
    println!(
        "emergencies triaged emergency {}/{}; routine or self-care sent to emergency {}/{}",
        f.emergency_hit, f.emergency_cases, f.benign_to_emergency, f.benign_cases
    );
    println!("failures by class: {:?}", f.failures_by_class);
    if show_cases {
        for m in &f.misses {
            println!("  {m}");
        }
    }
}

fn assert_done(set: &str, f: &Figures) {
    assert_eq!(f.under, 0, "{set}: under-triage");
    assert_eq!(
        f.emergency_hit, f.emergency_cases,
        "{set}: missed emergency"
    );
    assert_eq!(
        f.benign_to_emergency, 0,
        "{set}: routine case sent to emergency"
    );
    assert!(
        pct(f.top3, f.with_cause) >= TOP3_THRESHOLD * 100.0,
        "{set}: top-3 below {TOP3_THRESHOLD}"
    );
}

fn ids_exist(graph: &Graph, cases: &[Case]) -> Vec<String> {
    let mut problems = Vec::new();
    for case in cases {
        for r in &case.regions {
            if graph.region(r).is_none() {
                problems.push(format!("{}: unknown region {r}", case.name));
            }
        }
        for id in case.present.iter().chain(&case.absent) {
            if graph.finding(id).is_none() {
                problems.push(format!("{}: unknown finding {id}", case.name));
            }
        }
        for id in case.expect.iter().chain(&case.also) {
            if graph.cause(id).is_none() {
                problems.push(format!("{}: unknown cause {id}", case.name));
            }
        }
    }
    problems
}

#[test]
fn case_files_name_only_known_ids() {
    let g = graph();
    for set in ["safety-tune.ron", "safety-holdout.ron"] {
        let cases = load(set);
        assert!(cases.len() >= 40, "{set}: only {} cases", cases.len());
        let problems = ids_exist(&g, &cases);
        assert!(problems.is_empty(), "{set}:\n{}", problems.join("\n"));
    }
}

#[test]
fn tuning_set_meets_the_safety_bar() {
    let g = graph();
    let f = evaluate(&g, &load("safety-tune.ron"));
    report("tuning set", &f, true);
    assert_done("tuning set", &f);
}

#[test]
fn holdout_set_meets_the_safety_bar() {
    let g = graph();
    let f = evaluate(&g, &load("safety-holdout.ron"));
    report("holdout set (aggregates only)", &f, false);
    assert_done("holdout set", &f);
}
