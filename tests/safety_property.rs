//! Safety properties of the triage, checked on thousands of random answer sets against the
//! bundled graph (a fixed seed, so a failure reproduces):
//!
//! - whenever an emergency red flag or an emergency rule is present, the triage is emergency;
//! - the triage is never below the level of any red flag or rule present;
//! - adding a finding never lowers the triage below the level of any red flag present
//!   (the risk-weighted part may move either way as the shares change);
//! - the screen tells one story: under an urgent or emergency triage the list never opens
//!   with a self-care or routine cause as its headline.

use symptom_explorer::engine::triage::{red_flags_present, rules_present};
use symptom_explorer::engine::{Query, Ranking, rank};
use symptom_explorer::graph::{Graph, Sex, Triage};

/// xorshift64*: small, deterministic, good enough to spread the cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("fits")
    }
    fn pick<'a>(&mut self, items: &'a [String]) -> &'a String {
        &items[self.below(items.len())]
    }
}

const CASES: usize = 4000;

fn random_query(rng: &mut Rng, regions: &[String], findings: &[String], flags: &[String]) -> Query {
    let mut q = Query::default();
    for _ in 0..=rng.below(3) {
        let r = rng.pick(regions).clone();
        if !q.regions.contains(&r) {
            q.regions.push(r);
        }
    }
    for _ in 0..rng.below(10) {
        let f = rng.pick(findings).clone();
        if !q.present.contains(&f) {
            q.present.push(f);
        }
    }
    // Red flags are rare in the findings list; give them a fair chance.
    if rng.below(3) == 0 {
        let f = rng.pick(flags).clone();
        if !q.present.contains(&f) {
            q.present.push(f);
        }
    }
    for _ in 0..rng.below(10) {
        let f = rng.pick(findings).clone();
        if !q.present.contains(&f) && !q.absent.contains(&f) {
            q.absent.push(f);
        }
    }
    q.age = match rng.below(5) {
        0 => None,
        _ => Some(u8::try_from(rng.below(95)).expect("age")),
    };
    q.sex = match rng.below(3) {
        0 => None,
        1 => Some(Sex::Female),
        _ => Some(Sex::Male),
    };
    q
}

/// The most urgent level that a red flag or a rule present asks for.
fn floor(graph: &Graph, q: &Query) -> Triage {
    let flags = red_flags_present(graph, q).into_iter().map(|f| f.triage);
    let rules = rules_present(graph, q).into_iter().map(|r| r.triage);
    flags.chain(rules).max().unwrap_or(Triage::SelfCare)
}

/// The first cause a person reads: the first to check, else the most likely.
fn headline(r: &Ranking) -> Option<Triage> {
    r.check_first
        .first()
        .map(|c| c.triage)
        .or_else(|| r.causes.first().map(|c| c.triage))
}

#[test]
fn red_flags_and_rules_always_set_at_least_their_level() {
    let graph = Graph::bundled().expect("bundled graph");
    let regions: Vec<String> = graph.regions.iter().map(|r| r.id.to_string()).collect();
    let findings: Vec<String> = graph.findings.iter().map(|f| f.id.to_string()).collect();
    let flags: Vec<String> = graph
        .findings
        .iter()
        .filter(|f| f.red_flag.is_some())
        .map(|f| f.id.to_string())
        .collect();
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let (mut emergencies, mut two_stories) = (0, Vec::new());
    for _ in 0..CASES {
        let q = random_query(&mut rng, &regions, &findings, &flags);
        let r = rank(&graph, &q);
        let need = floor(&graph, &q);
        assert!(
            r.triage >= need,
            "triage {:?} below the {:?} its red flags and rules ask for: {q:?}",
            r.triage,
            need
        );
        if need == Triage::Emergency {
            emergencies += 1;
        }
        assert!(r.causes.iter().all(|c| c.score.is_finite()), "{q:?}");

        // Adding any finding keeps the triage at or above every red flag's level.
        let extra = rng.pick(&findings).clone();
        let mut more = q.clone();
        more.absent.retain(|a| a != &extra);
        if !more.present.contains(&extra) {
            more.present.push(extra.clone());
        }
        let after = rank(&graph, &more);
        assert!(after.triage >= floor(&graph, &more), "{more:?}");
        if let Some(flag) = red_flags_present(&graph, &more)
            .iter()
            .find(|f| f.id == extra)
        {
            assert!(after.triage >= flag.triage, "{more:?}");
        }

        // One story: under urgent or emergency, the list opens with a dangerous cause, or
        // says that none listed explains the warning, and then none could have.
        if r.triage >= Triage::Urgent {
            let opens_dangerous =
                headline(&r).is_some_and(|t| t >= Triage::Urgent) && !r.check_first.is_empty();
            let none_fits = r.unexplained
                && !r
                    .causes
                    .iter()
                    .any(|c| c.triage >= Triage::Urgent && c.for_.iter().any(|e| e.present));
            if !(opens_dangerous || none_fits) {
                two_stories.push(format!("{:?} over {:?}: {q:?}", r.triage, headline(&r)));
            }
        }
    }
    println!("{CASES} random answer sets, {emergencies} with an emergency red flag or rule");
    assert!(
        emergencies > CASES / 10,
        "too few emergencies to test: {emergencies}"
    );
    assert!(
        two_stories.is_empty(),
        "{} screens tell two stories, e.g. {}",
        two_stories.len(),
        two_stories.first().map_or("", String::as_str)
    );
}

/// Scores that cannot break (issue 10): with extreme likelihood ratios that overflow or
/// underflow the odds, every score stays finite and the triage never drops below the
/// red flags and rules present.
#[test]
fn extreme_weights_never_break_scores_or_lower_the_triage() {
    use symptom_explorer::graph::Weight;
    let mut graph = Graph::bundled().expect("bundled graph");
    let mut rng = Rng(0xBAD5_C0DE_0000_0001);
    let extremes = [1e300, 1e-300, f64::MAX, f64::MIN_POSITIVE, 0.0];
    for cause in &mut graph.causes {
        for link in &mut cause.item.findings {
            if rng.below(2) == 0 {
                link.1 = Weight::Lr(extremes[rng.below(extremes.len())]);
            }
        }
    }
    let regions: Vec<String> = graph.regions.iter().map(|r| r.id.to_string()).collect();
    let findings: Vec<String> = graph.findings.iter().map(|f| f.id.to_string()).collect();
    let flags: Vec<String> = graph
        .findings
        .iter()
        .filter(|f| f.red_flag.is_some())
        .map(|f| f.id.to_string())
        .collect();
    for _ in 0..1000 {
        let mut q = random_query(&mut rng, &regions, &findings, &flags);
        // Many findings at once, to overflow.
        q.present
            .extend(findings.iter().take(rng.below(60)).cloned());
        q.absent.retain(|a| !q.present.contains(a));
        let r = rank(&graph, &q);
        let bad: Vec<(&str, f64)> = r
            .causes
            .iter()
            .filter(|c| !(c.score.is_finite() && c.score >= 0.0))
            .map(|c| (c.id.as_str(), c.score))
            .collect();
        assert!(bad.is_empty(), "{bad:?} {q:?}");
        assert!(r.triage >= floor(&graph, &q), "{q:?}");
    }
}
