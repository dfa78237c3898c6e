//! Textbook presentations: region + findings -> the expected cause in the top 3 and the
//! expected overall triage. Together they cover every cause and every red flag of the
//! bundled graph (checked below), so new content must come with a presentation.

use std::collections::HashSet;

use symptom_explorer::engine::{Query, rank};
use symptom_explorer::graph::{Graph, Sex, Triage};

struct Case {
    name: &'static str,
    regions: &'static [&'static str],
    present: &'static [&'static str],
    absent: &'static [&'static str],
    age: Option<u8>,
    sex: Option<Sex>,
    expect: &'static str,
    triage: Triage,
}

use Triage::{Emergency, SelfCare, Soon, Urgent};

const F: Option<Sex> = Some(Sex::Female);
const M: Option<Sex> = Some(Sex::Male);

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { name: "lifting strain", regions: &["lower-back"],
        present: &["lifting-twisting", "worse-movement", "better-rest", "under-6-weeks", "dull-ache"],
        absent: &["radiates-below-knee", "fever", "numbness-leg"], age: Some(35), sex: M,
        expect: "strain-sprain", triage: SelfCare },
    Case { name: "no findings yet", regions: &["lower-back"], present: &[], absent: &[],
        age: None, sex: None, expect: "strain-sprain", triage: SelfCare },
    Case { name: "spasm after a long day at the desk", regions: &["lower-back"],
        present: &["muscle-tender-knot", "sudden-onset", "prolonged-sitting-posture", "stress-anxiety", "sharp-pain"],
        absent: &["radiates-below-knee"], age: Some(30), sex: F, expect: "muscle-spasm", triage: SelfCare },
    Case { name: "herniated lumbar disc", regions: &["lower-back", "buttock", "lower-leg"],
        present: &["radiates-below-knee", "worse-sitting", "worse-cough-sneeze", "positive-slr", "tingling"],
        absent: &["fever"], age: Some(38), sex: M, expect: "disc-herniation", triage: Soon },
    Case { name: "sciatica down to the sole", regions: &["lower-back", "buttock", "thigh", "lower-leg", "foot"],
        present: &["shooting-pain", "radiates-below-knee", "tingling", "numbness-leg", "burning-pain"],
        absent: &[], age: Some(45), sex: F, expect: "sciatica", triage: Soon },
    Case { name: "lumbar spinal stenosis", regions: &["lower-back", "buttock", "thigh"],
        present: &["neurogenic-claudication", "gradual-onset", "over-12-weeks", "numbness-leg"],
        absent: &["worse-sitting"], age: Some(72), sex: M, expect: "spinal-stenosis", triage: Soon },
    Case { name: "spinal osteoarthritis", regions: &["lower-back"],
        present: &["worse-morning-eases", "stiffness", "crepitus", "over-12-weeks", "gradual-onset", "dull-ache"],
        absent: &["morning-stiffness-long", "radiates-below-knee"], age: Some(66), sex: F,
        expect: "spinal-osteoarthritis", triage: SelfCare },
    Case { name: "teenage gymnast", regions: &["lower-back", "buttock"],
        present: &["sports-hyperextension", "worse-extension", "stiffness", "dull-ache", "gradual-onset"],
        absent: &[], age: Some(15), sex: F, expect: "spondylolisthesis", triage: Soon },
    Case { name: "osteoporotic compression fracture", regions: &["mid-back"],
        present: &["osteoporosis-known", "minor-strain-fracture", "sudden-onset", "local-tenderness-spine", "stooped-posture"],
        absent: &[], age: Some(76), sex: F, expect: "osteoporotic-fracture", triage: Soon },
    Case { name: "fracture on long-term steroids", regions: &["lower-back"],
        present: &["steroid-use", "sudden-onset", "local-tenderness-spine"],
        absent: &[], age: Some(68), sex: M, expect: "osteoporotic-fracture", triage: Soon },
    Case { name: "adolescent scoliosis", regions: &["mid-back"],
        present: &["visible-curve", "dull-ache", "over-12-weeks"],
        absent: &[], age: Some(14), sex: F, expect: "scoliosis", triage: Soon },
    Case { name: "sacroiliac joint pain", regions: &["lower-back", "buttock"],
        present: &["si-joint-tender", "worse-stairs", "dull-ache", "radiates-buttock"],
        absent: &["radiates-below-knee"], age: Some(34), sex: F, expect: "sacroiliitis", triage: Soon },
    Case { name: "inflammatory back pain in a young man", regions: &["lower-back", "buttock"],
        present: &["morning-stiffness-long", "better-exercise", "night-pain", "gradual-onset", "over-12-weeks", "family-history-spondyloarthritis"],
        absent: &["better-rest"], age: Some(24), sex: M, expect: "ankylosing-spondylitis", triage: Soon },
    Case { name: "ankylosing spondylitis with uveitis", regions: &["lower-back"],
        present: &["eye-inflammation", "morning-stiffness-long", "stiffness"],
        absent: &[], age: Some(30), sex: M, expect: "ankylosing-spondylitis", triage: Soon },
    Case { name: "metastasis with a cancer history", regions: &["mid-back"],
        present: &["history-cancer", "night-pain", "weight-loss", "constant-progressive-pain"],
        absent: &[], age: Some(66), sex: F, expect: "spinal-cancer", triage: Urgent },
    Case { name: "new pain over fifty with weight loss", regions: &["lower-back"],
        present: &["new-pain-over-50", "weight-loss", "night-pain"],
        absent: &["lifting-twisting"], age: Some(62), sex: M, expect: "spinal-cancer", triage: Urgent },
    Case { name: "discitis in someone who injects drugs", regions: &["lower-back"],
        present: &["injecting-drugs", "fever", "local-tenderness-spine", "severe-constant-pain"],
        absent: &[], age: Some(40), sex: M, expect: "spinal-infection", triage: Urgent },
    Case { name: "infection after spinal surgery, no fever", regions: &["lower-back"],
        present: &["recent-infection-surgery", "local-warmth-swelling", "severe-constant-pain"],
        absent: &["fever"], age: Some(58), sex: F, expect: "spinal-infection", triage: Urgent },
    Case { name: "fever while immunosuppressed", regions: &["mid-back"],
        present: &["immunosuppressed", "fever", "local-tenderness-spine"],
        absent: &[], age: Some(50), sex: M, expect: "spinal-infection", triage: Urgent },
    Case { name: "cauda equina: saddle and bladder", regions: &["lower-back"],
        present: &["saddle-numbness", "bladder-change", "radiates-below-knee", "lifting-twisting", "worse-movement"],
        absent: &[], age: Some(42), sex: M, expect: "cauda-equina", triage: Emergency },
    Case { name: "cauda equina: bowel and both legs", regions: &["lower-back", "thigh"],
        present: &["bowel-incontinence", "both-legs"],
        absent: &[], age: Some(50), sex: F, expect: "cauda-equina", triage: Emergency },
    Case { name: "cauda equina: sexual dysfunction with saddle numbness", regions: &["lower-back"],
        present: &["sexual-dysfunction", "saddle-numbness"],
        absent: &[], age: Some(37), sex: M, expect: "cauda-equina", triage: Emergency },
    Case { name: "foot drop with leg pain", regions: &["lower-back", "lower-leg"],
        present: &["foot-drop", "radiates-below-knee", "numbness-leg"],
        absent: &[], age: Some(45), sex: M, expect: "disc-herniation", triage: Urgent },
    Case { name: "progressive leg weakness", regions: &["lower-back", "thigh"],
        present: &["progressive-weakness", "leg-weakness", "radiates-below-knee", "shooting-pain"],
        absent: &[], age: Some(52), sex: F, expect: "sciatica", triage: Urgent },
    Case { name: "trapped nerve in the neck", regions: &["neck", "arm"],
        present: &["radiates-arm", "arm-numbness-tingling", "shooting-pain"],
        absent: &[], age: Some(50), sex: M, expect: "cervical-radiculopathy", triage: Soon },
    Case { name: "neck pain with clumsy hands", regions: &["neck", "arm"],
        present: &["unsteady-gait", "arm-numbness-tingling", "stiffness"],
        absent: &[], age: Some(64), sex: M, expect: "cervical-radiculopathy", triage: Urgent },
    Case { name: "desk-bound stiff neck", regions: &["neck"],
        present: &["stiffness", "prolonged-sitting-posture", "worse-movement", "limited-movement"],
        absent: &["radiates-arm"], age: Some(30), sex: F, expect: "neck-strain", triage: SelfCare },
    Case { name: "renal colic", regions: &["flank", "hip-groin"],
        present: &["colicky-pain", "restless-no-position", "blood-in-urine", "radiates-groin", "one-sided-flank", "nausea-vomiting"],
        absent: &["worse-movement"], age: Some(40), sex: M, expect: "kidney-stone", triage: Urgent },
    Case { name: "pyelonephritis", regions: &["flank", "lower-back"],
        present: &["fever", "painful-urination", "costovertebral-tenderness", "nausea-vomiting", "one-sided-flank"],
        absent: &[], age: Some(28), sex: F, expect: "kidney-infection", triage: Urgent },
    Case { name: "leaking aortic aneurysm", regions: &["abdomen", "lower-back"],
        present: &["smoker", "tearing-pain", "pulsating-abdomen", "fainting-pale-sweaty"],
        absent: &[], age: Some(72), sex: M, expect: "aortic-aneurysm", triage: Emergency },
    Case { name: "aneurysm: sudden tearing pain alone", regions: &["lower-back"],
        present: &["tearing-pain", "sudden-onset", "high-blood-pressure"],
        absent: &[], age: Some(70), sex: M, expect: "aortic-aneurysm", triage: Emergency },
    Case { name: "acute pancreatitis", regions: &["abdomen", "mid-back"],
        present: &["heavy-alcohol", "worse-after-eating", "nausea-vomiting", "radiates-abdomen", "severe-constant-pain"],
        absent: &[], age: Some(45), sex: M, expect: "pancreatitis", triage: Urgent },
    Case { name: "shingles before and with the rash", regions: &["mid-back", "chest"],
        present: &["band-like-pain", "burning-pain", "rash-blisters"],
        absent: &[], age: Some(68), sex: F, expect: "shingles", triage: Soon },
    Case { name: "piriformis syndrome", regions: &["buttock", "thigh"],
        present: &["buttock-pain-sitting", "buttock-tender-deep", "radiates-thigh"],
        absent: &["positive-slr", "radiates-below-knee"], age: Some(40), sex: F,
        expect: "piriformis-syndrome", triage: SelfCare },
    Case { name: "fibromyalgia", regions: &["back", "neck"],
        present: &["widespread-pain", "tender-points-many", "fatigue", "poor-sleep", "over-12-weeks"],
        absent: &[], age: Some(45), sex: F, expect: "fibromyalgia", triage: Soon },
    Case { name: "endometriosis", regions: &["pelvis", "lower-back"],
        present: &["cyclical-menstrual", "dull-ache", "over-12-weeks"],
        absent: &[], age: Some(29), sex: F, expect: "endometriosis", triage: Soon },
    Case { name: "hip osteoarthritis felt in the groin", regions: &["hip-groin", "thigh"],
        present: &["radiates-groin", "limited-movement", "stiffness", "worse-movement", "gradual-onset"],
        absent: &["radiates-below-knee"], age: Some(67), sex: F, expect: "hip-osteoarthritis", triage: SelfCare },
    Case { name: "lateral hip pain", regions: &["hip-groin", "thigh"],
        present: &["pain-lying-on-side", "lateral-hip-tender", "worse-stairs", "dull-ache"],
        absent: &["radiates-groin", "radiates-below-knee", "limited-movement"], age: Some(55), sex: F,
        expect: "trochanteric-pain", triage: SelfCare },
    Case { name: "biliary pain to the shoulder blade", regions: &["abdomen", "upper-back"],
        present: &["worse-after-eating", "nausea-vomiting", "gallstones-known", "radiates-shoulder-blade"],
        absent: &["heavy-alcohol"], age: Some(48), sex: F, expect: "gallbladder", triage: Soon },
    Case { name: "fall from a ladder", regions: &["mid-back"],
        present: &["significant-trauma", "local-tenderness-spine", "sudden-onset"],
        absent: &[], age: Some(80), sex: F, expect: "osteoporotic-fracture", triage: Urgent },
    Case { name: "night pain alone", regions: &["lower-back"],
        present: &["night-pain"],
        absent: &[], age: Some(35), sex: M, expect: "strain-sprain", triage: Soon },
    // Findings added on request of the cause authors.
    Case { name: "chest pressure going through to the back", regions: &["mid-back", "chest"],
        present: &["chest-pain", "sudden-onset", "severe-constant-pain", "radiates-abdomen", "smoker", "high-blood-pressure", "family-history-aneurysm"],
        absent: &["worse-movement", "better-rest", "lifting-twisting"], age: Some(68), sex: M,
        expect: "aortic-aneurysm", triage: Emergency },
    Case { name: "jaundice with pain to the right shoulder blade", regions: &["abdomen", "upper-back"],
        present: &["jaundice", "radiates-shoulder-blade", "nausea-vomiting", "sudden-onset"],
        absent: &["worse-movement", "heavy-alcohol"], age: Some(52), sex: F,
        expect: "gallbladder", triage: Urgent },
    Case { name: "gallstone pain after a meal, no jaundice", regions: &["abdomen", "flank"],
        present: &["radiates-shoulder-blade", "worse-after-eating", "nausea-vomiting", "sudden-onset"],
        absent: &["jaundice", "fever", "blood-in-urine"], age: Some(45), sex: F,
        expect: "gallbladder", triage: Soon },
    Case { name: "kidney infection with frequency, no fever yet", regions: &["flank", "lower-back"],
        present: &["frequent-urination", "painful-urination", "one-sided-flank", "costovertebral-tenderness"],
        absent: &["fever", "blood-in-urine", "colicky-pain"], age: Some(26), sex: F,
        expect: "kidney-infection", triage: Urgent },
    Case { name: "leg pain worse than back pain", regions: &["lower-back", "buttock", "lower-leg"],
        present: &["leg-pain-worse-than-back", "radiates-below-knee", "shooting-pain"],
        absent: &["both-legs"], age: Some(41), sex: M, expect: "sciatica", triage: Soon },
    Case { name: "weak grip with arm pain", regions: &["neck", "arm"],
        present: &["arm-weakness", "radiates-arm", "worse-extension"],
        absent: &["unsteady-gait"], age: Some(53), sex: F, expect: "cervical-radiculopathy", triage: Soon },
    Case { name: "woke with a stiff neck", regions: &["neck"],
        present: &["woke-with-it", "stiffness", "limited-movement"],
        absent: &["radiates-arm", "arm-weakness", "fever"], age: Some(34), sex: M,
        expect: "neck-strain", triage: SelfCare },
    Case { name: "alternating buttock pain in a young woman", regions: &["lower-back", "buttock"],
        present: &["alternating-buttock-pain", "morning-stiffness-long", "over-12-weeks", "gradual-onset"],
        absent: &["lifting-twisting"], age: Some(27), sex: F, expect: "ankylosing-spondylitis", triage: Soon },
    Case { name: "limping with groin pain", regions: &["hip-groin"],
        present: &["pain-weight-bearing", "radiates-groin", "stiffness", "gradual-onset"],
        absent: &["radiates-below-knee", "tingling"], age: Some(71), sex: M,
        expect: "hip-osteoarthritis", triage: SelfCare },
    Case { name: "deep pain with sex and low back pain", regions: &["pelvis", "lower-back"],
        present: &["deep-pain-sex", "dull-ache", "over-12-weeks"],
        absent: &["fever"], age: Some(31), sex: F, expect: "endometriosis", triage: Soon },
    Case { name: "teenage footballer with tight hamstrings", regions: &["lower-back"],
        present: &["hamstring-tightness", "sports-hyperextension", "dull-ache"],
        absent: &["radiates-below-knee"], age: Some(16), sex: M, expect: "spondylolisthesis", triage: Soon },
];

fn graph() -> Graph {
    Graph::bundled().expect("the bundled graph loads")
}

fn query(case: &Case) -> Query {
    let owned = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect();
    Query {
        regions: owned(case.regions),
        present: owned(case.present),
        absent: owned(case.absent),
        age: case.age,
        sex: case.sex,
    }
}

#[test]
fn textbook_presentations_rank_the_expected_cause_in_the_top_three() {
    let graph = graph();
    let mut failures = Vec::new();
    let mut first = 0;
    for case in CASES {
        let ranking = rank(&graph, &query(case));
        let top: Vec<&str> = ranking
            .causes
            .iter()
            .take(3)
            .map(|c| c.id.as_str())
            .collect();
        let position = ranking.causes.iter().position(|c| c.id == case.expect);
        if position == Some(0) {
            first += 1;
        }
        if !top.contains(&case.expect) || ranking.triage != case.triage {
            failures.push(format!(
                "{}: expected {} ({:?}), got {:?} at {:?}; top 3 {:?}",
                case.name,
                case.expect,
                case.triage,
                ranking.triage,
                position.map(|p| p + 1),
                top
            ));
        }
    }
    println!(
        "{first} of {} presentations put the expected cause first",
        CASES.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn presentations_cover_every_cause_and_red_flag() {
    let graph = graph();
    let expected: HashSet<&str> = CASES.iter().map(|c| c.expect).collect();
    let uncovered: Vec<&str> = graph
        .causes
        .iter()
        .map(|c| c.id.as_str())
        .filter(|id| !expected.contains(id))
        .collect();
    assert!(
        uncovered.is_empty(),
        "causes with no presentation: {uncovered:?}"
    );
    let used: HashSet<&str> = CASES
        .iter()
        .flat_map(|c| c.present.iter().copied())
        .collect();
    let flags: Vec<&str> = graph
        .findings
        .iter()
        .filter(|f| f.red_flag.is_some() && !used.contains(f.id.as_str()))
        .map(|f| f.id.as_str())
        .collect();
    assert!(
        flags.is_empty(),
        "red flags with no presentation: {flags:?}"
    );
    assert!(CASES.len() >= 25);
}

#[test]
fn saddle_numbness_with_bladder_change_is_always_an_emergency() {
    let graph = graph();
    let everything: Vec<String> = graph
        .findings
        .iter()
        .filter(|f| f.red_flag.is_none())
        .map(|f| f.id.clone())
        .collect();
    let mut present = everything;
    present.extend(["saddle-numbness".to_string(), "bladder-change".to_string()]);
    let ranking = rank(
        &graph,
        &Query {
            regions: vec!["lower-back".into()],
            present,
            ..Query::default()
        },
    );
    assert_eq!(ranking.triage, Triage::Emergency);
    assert!(ranking.red_flags.iter().any(|f| f.id == "saddle-numbness"));
    assert_eq!(ranking.causes[0].id, "cauda-equina");
}
