//! Clinical vignettes: an independent benchmark of the ranking and the triage.
//!
//! Each vignette is written the way a clinician would summarise a patient: the regions
//! that hurt, the findings present, the findings a clinician would have asked about and
//! found negative, age and sex, the most likely cause, up to two other causes a clinician
//! would also accept at the top, and the overall triage. The expected triage is the most
//! urgent of (a) the red flags present (their level is in data/body.ron) and (b) what the
//! most likely cause clinically needs.
//!
//! The vignettes were written WITHOUT looking at the cause weights (data/causes-*.ron) or
//! the engine, so they measure the model rather than mirror it. They mix textbook cases
//! with atypical and partial ones (two or three findings only, older patients, mimics).
//! They deliberately avoid repeating the cases in tests/presentations.rs.
//!
//! Metrics printed: top-1 accuracy (expected cause, or an acceptable alternative, ranked
//! first), top-3 accuracy (expected cause or an acceptable alternative in the top 3; the
//! strict figure for the expected cause alone is printed too), triage exact-match rate,
//! triage under-calls (predicted less urgent than expected: the dangerous direction) and
//! over-calls, and every miss with the ranking's top 3. Because the displayed order may
//! put a cause linked to a red flag first whatever its score, top-1 by highest score is
//! printed as well.
//!
//! Pass thresholds, fixed BEFORE the first run and not to be tuned to the results:
//!   - top-3 accuracy >= 90 %;
//!   - zero triage under-calls in vignettes where a finding with an `emergency` red flag
//!     is present.
//!
//! Everything else is reported, not asserted. If the model fails, fix the model (or mark
//! the test ignored with the reason), never the vignettes or these thresholds.

use std::collections::HashSet;

use symptom_explorer::engine::{Query, Ranking, rank};
use symptom_explorer::graph::{Graph, Sex, Triage};

struct Vignette {
    name: &'static str,
    regions: &'static [&'static str],
    present: &'static [&'static str],
    absent: &'static [&'static str],
    age: Option<u8>,
    sex: Option<Sex>,
    expect: &'static str,
    also: &'static [&'static str],
    triage: Triage,
}

use Triage::{Emergency, Routine, SelfCare, Soon, Urgent};

const F: Option<Sex> = Some(Sex::Female);
const M: Option<Sex> = Some(Sex::Male);

const TOP3_THRESHOLD: f64 = 0.90;

/// Causes added after every blind set was written; tests/presentations.rs covers them, and
/// the next blind set must include them.
const ADDED_AFTER_THE_BLIND_SETS: &[&str] = &["angina", "chest-wall-pain"];

#[rustfmt::skip]
const VIGNETTES: &[Vignette] = &[
    // ---- Non-specific / mechanical back and neck pain -------------------------------
    Vignette { name: "45F weekend gardener, ache after digging, no leg symptoms",
        regions: &["lower-back"],
        present: &["lifting-twisting", "dull-ache", "worse-movement", "under-6-weeks", "limited-movement"],
        absent: &["radiates-below-knee", "numbness-leg", "fever", "night-pain", "weight-loss"],
        age: Some(45), sex: F, expect: "strain-sprain", also: &["muscle-spasm"], triage: SelfCare },
    Vignette { name: "33M partial: sharp low back pain after bending, nothing else offered",
        regions: &["lower-back"],
        present: &["sharp-pain", "lifting-twisting"],
        absent: &[],
        age: Some(33), sex: M, expect: "strain-sprain", also: &["muscle-spasm"], triage: SelfCare },
    Vignette { name: "26F back 'locked' reaching for a shelf, palpable paraspinal spasm",
        regions: &["lower-back"],
        present: &["sudden-onset", "muscle-tender-knot", "sharp-pain", "limited-movement", "worse-movement"],
        absent: &["radiates-below-knee", "fever"],
        age: Some(26), sex: F, expect: "muscle-spasm", also: &["strain-sprain"], triage: SelfCare },
    Vignette { name: "22M partial: tight tender lump in the back after the gym",
        regions: &["lower-back"],
        present: &["muscle-tender-knot", "worse-movement"],
        absent: &[],
        age: Some(22), sex: M, expect: "muscle-spasm", also: &["strain-sprain"], triage: SelfCare },
    Vignette { name: "40M office worker, recurrent mechanical low back pain",
        regions: &["lower-back"],
        present: &["previous-back-pain", "prolonged-sitting-posture", "dull-ache", "stiffness", "better-rest", "worse-movement"],
        absent: &["radiates-below-knee", "night-pain", "weight-loss"],
        age: Some(40), sex: M, expect: "strain-sprain", also: &["muscle-spasm"], triage: SelfCare },
    Vignette { name: "63M simple mechanical pain despite age, red flags asked and negative",
        regions: &["lower-back"],
        present: &["lifting-twisting", "worse-movement", "better-rest", "dull-ache", "previous-back-pain"],
        absent: &["night-pain", "weight-loss", "fever", "history-cancer", "constant-progressive-pain"],
        age: Some(63), sex: M, expect: "strain-sprain", also: &["muscle-spasm", "spinal-osteoarthritis"], triage: SelfCare },
    Vignette { name: "19M rower, back pain after a heavy session, worse bending, not arching",
        regions: &["lower-back"],
        present: &["lifting-twisting", "worse-movement", "muscle-tender-knot", "under-6-weeks"],
        absent: &["worse-extension", "radiates-below-knee", "sports-hyperextension"],
        age: Some(19), sex: M, expect: "strain-sprain", also: &["muscle-spasm"], triage: SelfCare },
    Vignette { name: "35F desk worker, upper back / between the shoulder blades, postural",
        regions: &["upper-back"],
        present: &["prolonged-sitting-posture", "dull-ache", "muscle-tender-knot", "stiffness"],
        absent: &["night-pain", "band-like-pain", "worse-after-eating"],
        age: Some(35), sex: F, expect: "muscle-spasm", also: &["strain-sprain", "neck-strain"], triage: SelfCare },
    Vignette { name: "32F wry neck on waking after sleeping awkwardly",
        regions: &["neck"],
        present: &["sudden-onset", "stiffness", "limited-movement", "worse-movement", "muscle-tender-knot"],
        absent: &["radiates-arm", "arm-numbness-tingling", "fever"],
        age: Some(32), sex: F, expect: "neck-strain", also: &["muscle-spasm"], triage: SelfCare },
    Vignette { name: "21F student, laptop and exam stress, neck and upper back ache",
        regions: &["neck", "upper-back"],
        present: &["prolonged-sitting-posture", "stress-anxiety", "dull-ache", "stiffness"],
        absent: &["radiates-arm", "unsteady-gait"],
        age: Some(21), sex: F, expect: "neck-strain", also: &["muscle-spasm"], triage: SelfCare },

    // ---- Degenerative ---------------------------------------------------------------
    Vignette { name: "68M cervical spondylosis: chronic stiff grinding neck, no arm symptoms",
        regions: &["neck"],
        present: &["stiffness", "crepitus", "limited-movement", "over-12-weeks", "gradual-onset", "worse-morning-eases"],
        absent: &["radiates-arm", "arm-numbness-tingling", "unsteady-gait"],
        age: Some(68), sex: M, expect: "spinal-osteoarthritis", also: &["neck-strain"], triage: SelfCare },
    Vignette { name: "70F lumbar facet arthropathy: worse standing and arching, short morning stiffness",
        regions: &["lower-back"],
        present: &["worse-extension", "worse-morning-eases", "stiffness", "dull-ache", "over-12-weeks"],
        absent: &["morning-stiffness-long", "neurogenic-claudication", "radiates-below-knee"],
        age: Some(70), sex: F, expect: "spinal-osteoarthritis", also: &["spondylolisthesis"], triage: SelfCare },
    Vignette { name: "74M lumbar stenosis: legs heavy after 200 m, leans on the trolley",
        regions: &["lower-back", "buttock", "thigh", "lower-leg"],
        present: &["neurogenic-claudication", "gradual-onset", "over-12-weeks", "worse-extension", "tingling"],
        absent: &["worse-sitting", "fever", "weight-loss"],
        age: Some(74), sex: M, expect: "spinal-stenosis", also: &[], triage: Soon },
    Vignette { name: "80F partial: can only walk a short way before her legs give, sitting helps",
        regions: &["lower-back", "thigh"],
        present: &["neurogenic-claudication"],
        absent: &[],
        age: Some(80), sex: F, expect: "spinal-stenosis", also: &[], triage: Soon },
    Vignette { name: "69M smoker with hypertension: claudication that needs sitting to ease (neurogenic, not vascular)",
        regions: &["thigh", "lower-leg"],
        present: &["neurogenic-claudication", "smoker", "high-blood-pressure", "numbness-leg", "gradual-onset"],
        absent: &["worse-sitting", "pulsating-abdomen"],
        age: Some(69), sex: M, expect: "spinal-stenosis", also: &[], triage: Soon },
    Vignette { name: "69F degenerative scoliosis: curve and chronic ache",
        regions: &["lower-back"],
        present: &["visible-curve", "dull-ache", "over-12-weeks", "stiffness", "gradual-onset"],
        absent: &["radiates-below-knee"],
        age: Some(69), sex: F, expect: "scoliosis", also: &["spinal-osteoarthritis"], triage: Soon },
    Vignette { name: "13F uneven shoulders noticed by her mother, no pain",
        regions: &["upper-back"],
        present: &["visible-curve"],
        absent: &[],
        age: Some(13), sex: F, expect: "scoliosis", also: &[], triage: Soon },

    // ---- Nerve root and disc ----------------------------------------------------------
    Vignette { name: "30M L5/S1 disc after lifting: leg pain worse than back, SLR positive",
        regions: &["lower-back", "buttock", "lower-leg"],
        present: &["lifting-twisting", "radiates-below-knee", "positive-slr", "worse-sitting", "worse-cough-sneeze", "numbness-leg", "under-6-weeks", "sudden-onset"],
        absent: &["saddle-numbness", "bladder-change", "both-legs", "fever"],
        age: Some(30), sex: M, expect: "disc-herniation", also: &["sciatica"], triage: Soon },
    Vignette { name: "58M partial: pain below the knee, worse coughing, back pain before",
        regions: &["lower-back", "lower-leg"],
        present: &["radiates-below-knee", "worse-cough-sneeze", "previous-back-pain"],
        absent: &[],
        age: Some(58), sex: M, expect: "disc-herniation", also: &["sciatica"], triage: Soon },
    Vignette { name: "50F sciatica: buttock to calf, barely any back pain",
        regions: &["buttock", "thigh", "lower-leg"],
        present: &["shooting-pain", "radiates-below-knee", "tingling", "positive-slr"],
        absent: &["buttock-tender-deep", "saddle-numbness", "bladder-change"],
        age: Some(50), sex: F, expect: "sciatica", also: &["disc-herniation"], triage: Soon },
    Vignette { name: "44M painless foot drop with numb foot",
        regions: &["lower-leg", "foot"],
        present: &["foot-drop", "numbness-leg", "leg-weakness"],
        absent: &["both-legs", "saddle-numbness", "bladder-change"],
        age: Some(44), sex: M, expect: "disc-herniation", also: &["sciatica"], triage: Urgent },
    Vignette { name: "40M bilateral sciatica without saddle or sphincter symptoms (CES-suspected)",
        regions: &["lower-back", "thigh", "lower-leg"],
        present: &["both-legs", "radiates-below-knee", "positive-slr", "worse-cough-sneeze"],
        absent: &["saddle-numbness", "bladder-change", "bowel-incontinence"],
        age: Some(40), sex: M, expect: "disc-herniation", also: &["cauda-equina", "sciatica"], triage: Emergency },
    Vignette { name: "45F C6 radiculopathy: neck pain to the thumb, worse looking up",
        regions: &["neck", "arm"],
        present: &["radiates-arm", "arm-numbness-tingling", "shooting-pain", "worse-extension", "limited-movement"],
        absent: &["unsteady-gait", "fever"],
        age: Some(45), sex: F, expect: "cervical-radiculopathy", also: &[], triage: Soon },
    Vignette { name: "55M partial: burning arm pain with pins and needles in the fingers",
        regions: &["arm"],
        present: &["radiates-arm", "arm-numbness-tingling", "burning-pain"],
        absent: &[],
        age: Some(55), sex: M, expect: "cervical-radiculopathy", also: &[], triage: Soon },
    Vignette { name: "48M cervical radiculopathy with progressive arm weakness",
        regions: &["neck", "arm"],
        present: &["radiates-arm", "arm-numbness-tingling", "progressive-weakness", "sharp-pain"],
        absent: &["unsteady-gait"],
        age: Some(48), sex: M, expect: "cervical-radiculopathy", also: &[], triage: Urgent },

    // ---- Buttock, hip and pelvis: back-pain mimics ---------------------------------------
    Vignette { name: "35M runner: deep buttock pain when sitting, tender piriformis, SLR negative",
        regions: &["buttock", "thigh"],
        present: &["buttock-pain-sitting", "buttock-tender-deep", "tingling", "radiates-thigh", "worse-sitting"],
        absent: &["positive-slr", "radiates-below-knee", "numbness-leg", "worse-cough-sneeze"],
        age: Some(35), sex: M, expect: "piriformis-syndrome", also: &["sciatica"], triage: SelfCare },
    Vignette { name: "42F long-haul driver: buttock ache after hours at the wheel",
        regions: &["buttock"],
        present: &["buttock-pain-sitting", "prolonged-sitting-posture", "dull-ache", "radiates-buttock"],
        absent: &["radiates-below-knee", "positive-slr"],
        age: Some(42), sex: F, expect: "piriformis-syndrome", also: &["sacroiliitis"], triage: SelfCare },
    Vignette { name: "31F postpartum SI joint pain, tender dimple, worse on stairs",
        regions: &["buttock", "lower-back"],
        present: &["si-joint-tender", "worse-stairs", "radiates-buttock", "sharp-pain"],
        absent: &["radiates-below-knee", "morning-stiffness-long", "positive-slr"],
        age: Some(31), sex: F, expect: "sacroiliitis", also: &[], triage: Soon },
    Vignette { name: "55M golfer: SI pain referred to the back of the thigh",
        regions: &["buttock", "thigh"],
        present: &["si-joint-tender", "radiates-thigh", "dull-ache", "worse-stairs"],
        absent: &["radiates-below-knee", "positive-slr", "morning-stiffness-long"],
        age: Some(55), sex: M, expect: "sacroiliitis", also: &["piriformis-syndrome"], triage: Soon },
    Vignette { name: "71M hip OA presenting as buttock and groin pain",
        regions: &["buttock", "hip-groin"],
        present: &["radiates-groin", "worse-movement", "limited-movement", "stiffness", "worse-stairs", "over-12-weeks", "gradual-onset"],
        absent: &["radiates-below-knee", "positive-slr", "tingling"],
        age: Some(71), sex: M, expect: "hip-osteoarthritis", also: &[], triage: SelfCare },
    Vignette { name: "64F 'back pain' that is really hip: groin and thigh ache, stiff",
        regions: &["lower-back", "hip-groin", "thigh"],
        present: &["radiates-groin", "radiates-thigh", "stiffness", "dull-ache", "limited-movement"],
        absent: &["radiates-below-knee", "tingling", "numbness-leg"],
        age: Some(64), sex: F, expect: "hip-osteoarthritis", also: &["spinal-osteoarthritis"], triage: SelfCare },
    Vignette { name: "58F runner: cannot lie on that side at night, tender greater trochanter",
        regions: &["hip-groin", "thigh"],
        present: &["pain-lying-on-side", "lateral-hip-tender", "radiates-thigh"],
        absent: &["radiates-groin", "limited-movement"],
        age: Some(58), sex: F, expect: "trochanteric-pain", also: &[], triage: SelfCare },
    Vignette { name: "62F partial: low back and outer hip, tender on the side, stairs hurt",
        regions: &["lower-back", "hip-groin"],
        present: &["lateral-hip-tender", "worse-stairs", "dull-ache"],
        absent: &[],
        age: Some(62), sex: F, expect: "trochanteric-pain", also: &["hip-osteoarthritis"], triage: SelfCare },
    Vignette { name: "27F low back pain that flares with every period",
        regions: &["lower-back"],
        present: &["cyclical-menstrual", "sharp-pain", "radiates-thigh", "over-12-weeks"],
        absent: &["lifting-twisting"],
        age: Some(27), sex: F, expect: "endometriosis", also: &[], triage: Soon },

    // ---- Adolescent and athlete -----------------------------------------------------------
    Vignette { name: "17M footballer: extension pain, spondylolysis",
        regions: &["lower-back"],
        present: &["sports-hyperextension", "worse-extension", "sharp-pain", "gradual-onset"],
        absent: &["radiates-below-knee", "fever"],
        age: Some(17), sex: M, expect: "spondylolisthesis", also: &[], triage: Soon },
    Vignette { name: "45M ex-weightlifter: chronic back pain to the thighs, worse arching",
        regions: &["lower-back", "thigh"],
        present: &["over-12-weeks", "worse-extension", "radiates-thigh", "dull-ache", "previous-back-pain", "sports-hyperextension"],
        absent: &["radiates-below-knee"],
        age: Some(45), sex: M, expect: "spondylolisthesis", also: &["spinal-osteoarthritis"], triage: Soon },

    // ---- Inflammatory -------------------------------------------------------------------------
    Vignette { name: "27F alternating buttock pain, long morning stiffness, better with exercise",
        regions: &["buttock", "lower-back"],
        present: &["morning-stiffness-long", "better-exercise", "over-12-weeks", "night-pain", "radiates-buttock"],
        absent: &["better-rest", "lifting-twisting"],
        // Urgent, not Soon: by this file's own definition the expected level is at least that
        // of the red flags present, and NHS back pain makes night pain urgent (issue 6).
        age: Some(27), sex: F, expect: "ankylosing-spondylitis", also: &["sacroiliitis"], triage: Urgent },
    Vignette { name: "33M partial: psoriasis in the family and long morning stiffness",
        regions: &["lower-back"],
        present: &["family-history-spondyloarthritis", "morning-stiffness-long"],
        absent: &[],
        age: Some(33), sex: M, expect: "ankylosing-spondylitis", also: &["sacroiliitis"], triage: Soon },
    Vignette { name: "50F chronic widespread pain, poor sleep, stress",
        regions: &["back", "neck", "arm", "thigh"],
        present: &["widespread-pain", "poor-sleep", "fatigue", "stress-anxiety", "over-12-weeks"],
        absent: &["morning-stiffness-long", "weight-loss", "fever"],
        age: Some(50), sex: F, expect: "fibromyalgia", also: &[], triage: Soon },
    Vignette { name: "38F partial: 'I hurt everywhere and I'm exhausted'",
        regions: &["back"],
        present: &["widespread-pain", "fatigue"],
        absent: &[],
        age: Some(38), sex: F, expect: "fibromyalgia", also: &[], triage: Soon },

    // ---- Fracture -----------------------------------------------------------------------------
    Vignette { name: "81F mid-back pain after a coughing fit, osteoporosis never diagnosed",
        regions: &["mid-back"],
        present: &["minor-strain-fracture", "sudden-onset", "sharp-pain", "worse-movement", "local-tenderness-spine"],
        absent: &["significant-trauma", "history-cancer", "weight-loss", "fever"],
        age: Some(81), sex: F, expect: "osteoporotic-fracture", also: &[], triage: Soon },
    Vignette { name: "78F partial: sudden mid-back pain and she has lost height",
        regions: &["mid-back"],
        present: &["sudden-onset", "stooped-posture"],
        absent: &[],
        age: Some(78), sex: F, expect: "osteoporotic-fracture", also: &[], triage: Soon },
    Vignette { name: "72M on steroids for COPD, low back pain after a sneeze",
        regions: &["lower-back"],
        present: &["steroid-use", "minor-strain-fracture", "local-tenderness-spine", "smoker", "breathless"],
        absent: &["fever", "significant-trauma"],
        age: Some(72), sex: M, expect: "osteoporotic-fracture", also: &[], triage: Soon },

    // ---- Serious spinal pathology ---------------------------------------------------------------
    Vignette { name: "58M smoker: thoracic pain, weight loss, night sweats, no cancer history",
        regions: &["mid-back"],
        present: &["night-pain", "weight-loss", "night-sweats", "constant-progressive-pain", "new-pain-over-50", "smoker", "fatigue"],
        absent: &["fever", "lifting-twisting", "injecting-drugs"],
        age: Some(58), sex: M, expect: "spinal-cancer", also: &["spinal-infection"], triage: Urgent },
    Vignette { name: "60F breast cancer 5 years ago, new thoracic pain at night",
        regions: &["mid-back"],
        present: &["history-cancer", "night-pain", "local-tenderness-spine"],
        absent: &["fever", "significant-trauma"],
        age: Some(60), sex: F, expect: "spinal-cancer", also: &["osteoporotic-fracture"], triage: Urgent },
    Vignette { name: "76M partial: prostate cancer, first-ever back pain",
        regions: &["lower-back"],
        present: &["history-cancer", "new-pain-over-50"],
        absent: &[],
        age: Some(76), sex: M, expect: "spinal-cancer", also: &["osteoporotic-fracture"], triage: Urgent },
    Vignette { name: "74M prostate cancer: back pain and both legs getting weak (cord compression)",
        regions: &["mid-back", "lower-back"],
        present: &["history-cancer", "both-legs", "leg-weakness", "progressive-weakness", "constant-progressive-pain"],
        absent: &["fever"],
        age: Some(74), sex: M, expect: "spinal-cancer", also: &["cauda-equina"], triage: Emergency },
    Vignette { name: "64M back pain two weeks after a urinary infection, now febrile",
        regions: &["lower-back"],
        present: &["recent-infection-surgery", "fever", "severe-constant-pain", "local-tenderness-spine", "night-pain"],
        absent: &["painful-urination", "costovertebral-tenderness"],
        age: Some(64), sex: M, expect: "spinal-infection", also: &["kidney-infection"], triage: Urgent },
    Vignette { name: "38M injects drugs: worsening back pain, no fever yet (early epidural abscess)",
        regions: &["lower-back"],
        present: &["injecting-drugs", "local-tenderness-spine", "constant-progressive-pain"],
        absent: &["fever"],
        age: Some(38), sex: M, expect: "spinal-infection", also: &[], triage: Urgent },
    Vignette { name: "35M spinal TB pattern: months of thoracic pain, sweats, weight loss, fever",
        regions: &["mid-back"],
        present: &["night-sweats", "weight-loss", "fever", "local-tenderness-spine", "over-12-weeks"],
        absent: &["history-cancer"],
        age: Some(35), sex: M, expect: "spinal-infection", also: &["spinal-cancer"], triage: Urgent },
    Vignette { name: "39F sciatica then new trouble passing urine, denies saddle numbness",
        regions: &["lower-back", "lower-leg"],
        present: &["bladder-change", "radiates-below-knee", "positive-slr", "under-6-weeks"],
        absent: &["saddle-numbness", "bowel-incontinence"],
        age: Some(39), sex: F, expect: "cauda-equina", also: &["disc-herniation"], triage: Emergency },
    Vignette { name: "45M partial: saddle numbness with his usual back pain",
        regions: &["lower-back"],
        present: &["saddle-numbness", "previous-back-pain", "dull-ache"],
        absent: &[],
        age: Some(45), sex: M, expect: "cauda-equina", also: &[], triage: Emergency },

    // ---- Visceral and vascular causes of back pain --------------------------------------------
    Vignette { name: "52F prior stones: flank pain in waves with vomiting, no blood seen",
        regions: &["flank"],
        present: &["one-sided-flank", "colicky-pain", "prior-kidney-stones", "nausea-vomiting", "sudden-onset"],
        absent: &["fever", "painful-urination", "blood-in-urine"],
        age: Some(52), sex: F, expect: "kidney-stone", also: &[], triage: Urgent },
    Vignette { name: "29M 'back spasm' that is renal colic: sudden, writhing, into the groin",
        regions: &["lower-back", "flank"],
        present: &["sudden-onset", "restless-no-position", "sharp-pain", "radiates-groin"],
        absent: &["worse-movement", "lifting-twisting", "fever"],
        age: Some(29), sex: M, expect: "kidney-stone", also: &[], triage: Urgent },
    Vignette { name: "31F flank pain with fever and burning urine",
        regions: &["flank"],
        present: &["fever", "one-sided-flank", "painful-urination", "blood-in-urine"],
        absent: &["colicky-pain", "restless-no-position"],
        age: Some(31), sex: F, expect: "kidney-infection", also: &["kidney-stone"], triage: Urgent },
    Vignette { name: "70F pyelonephritis without urinary symptoms: fever, loin tender, unwell",
        regions: &["flank"],
        present: &["fever", "costovertebral-tenderness", "fatigue", "nausea-vomiting"],
        absent: &["painful-urination", "colicky-pain"],
        age: Some(70), sex: F, expect: "kidney-infection", also: &["kidney-stone"], triage: Urgent },
    Vignette { name: "74M hypertensive: sudden tearing flank pain mistaken for a stone",
        regions: &["flank", "back"],
        present: &["tearing-pain", "one-sided-flank", "sudden-onset", "high-blood-pressure"],
        absent: &["fever", "painful-urination"],
        age: Some(74), sex: M, expect: "aortic-aneurysm", also: &[], triage: Emergency },
    Vignette { name: "78M smoker: sudden severe back pain, pale and sweaty, no tearing quality",
        regions: &["lower-back", "abdomen"],
        present: &["sudden-onset", "severe-constant-pain", "fainting-pale-sweaty", "high-blood-pressure", "smoker"],
        absent: &["tearing-pain", "lifting-twisting"],
        age: Some(78), sex: M, expect: "aortic-aneurysm", also: &[], triage: Emergency },
    Vignette { name: "71M smoker: new constant low back and belly pain, unchanged by movement (symptomatic AAA)",
        regions: &["lower-back", "abdomen"],
        present: &["new-pain-over-50", "smoker", "high-blood-pressure", "radiates-abdomen", "severe-constant-pain", "sudden-onset"],
        absent: &["worse-movement", "lifting-twisting", "fever"],
        age: Some(71), sex: M, expect: "aortic-aneurysm", also: &[], triage: Emergency },
    Vignette { name: "55F gallstone pancreatitis: constant epigastric pain through to the back",
        regions: &["abdomen", "mid-back"],
        present: &["severe-constant-pain", "nausea-vomiting", "gallstones-known", "worse-after-eating"],
        absent: &["heavy-alcohol", "fever"],
        age: Some(55), sex: F, expect: "pancreatitis", also: &["gallbladder"], triage: Urgent },
    Vignette { name: "40M partial: binge drinker, severe pain through to the back, vomiting",
        regions: &["abdomen", "back"],
        present: &["heavy-alcohol", "nausea-vomiting", "severe-constant-pain"],
        absent: &[],
        age: Some(40), sex: M, expect: "pancreatitis", also: &[], triage: Urgent },
    Vignette { name: "42F biliary colic after a fatty meal, to the right shoulder blade",
        regions: &["abdomen", "upper-back"],
        present: &["worse-after-eating", "colicky-pain", "nausea-vomiting", "sudden-onset"],
        absent: &["fever", "heavy-alcohol"],
        age: Some(42), sex: F, expect: "gallbladder", also: &[], triage: Soon },
    Vignette { name: "50F known gallstones, constant pain and fever (cholecystitis)",
        regions: &["abdomen", "upper-back"],
        present: &["gallstones-known", "fever", "severe-constant-pain", "nausea-vomiting"],
        absent: &[],
        age: Some(50), sex: F, expect: "gallbladder", also: &["pancreatitis"], triage: Urgent },
    Vignette { name: "72M pre-eruptive shingles: burning band round the chest, no rash yet",
        regions: &["mid-back", "chest"],
        present: &["band-like-pain", "burning-pain", "new-pain-over-50"],
        absent: &["rash-blisters", "worse-movement"],
        age: Some(72), sex: M, expect: "shingles", also: &[], triage: Soon },
    Vignette { name: "60F on chemotherapy: blistering rash and burning pain in a band",
        regions: &["flank", "mid-back"],
        present: &["immunosuppressed", "rash-blisters", "burning-pain", "band-like-pain"],
        absent: &[],
        age: Some(60), sex: F, expect: "shingles", also: &[], triage: Urgent },
    Vignette { name: "80F shingles in the flank: rash and burning on one side",
        regions: &["flank"],
        present: &["rash-blisters", "burning-pain", "one-sided-flank"],
        absent: &["fever", "painful-urination"],
        age: Some(80), sex: F, expect: "shingles", also: &[], triage: Soon },
];

fn graph() -> Graph {
    Graph::bundled().expect("the bundled graph loads")
}

fn query(v: &Vignette) -> Query {
    let owned = |ids: &[&str]| ids.iter().map(std::string::ToString::to_string).collect();
    Query {
        regions: owned(v.regions),
        present: owned(v.present),
        absent: owned(v.absent),
        age: v.age,
        sex: v.sex,
    }
}

/// The most urgent red-flag level among the findings present, read from the graph.
fn red_flag_level(graph: &Graph, v: &Vignette) -> Option<Triage> {
    graph
        .findings
        .iter()
        .filter(|f| v.present.contains(&f.id.as_str()))
        .filter_map(|f| f.red_flag.as_ref())
        .map(|r| r.triage)
        .max()
}

fn accepted(v: &Vignette, id: &str) -> bool {
    id == v.expect || v.also.contains(&id)
}

fn top3(r: &Ranking) -> String {
    r.causes
        .iter()
        .take(3)
        .map(|c| format!("{} ({:.3})", c.id, c.score))
        .collect::<Vec<_>>()
        .join(", ")
}

fn pct(n: usize, d: usize) -> f64 {
    n as f64 / d as f64
}

#[test]
fn vignette_table_is_well_formed() {
    let graph = graph();
    let regions: HashSet<&str> = graph.regions.iter().map(|r| r.id.as_str()).collect();
    let findings: HashSet<&str> = graph.findings.iter().map(|f| f.id.as_str()).collect();
    let causes: HashSet<&str> = graph.causes.iter().map(|c| c.id.as_str()).collect();
    let mut problems = Vec::new();
    let mut names = HashSet::new();
    for v in VIGNETTES {
        if !names.insert(v.name) {
            problems.push(format!("{}: duplicate name", v.name));
        }
        for r in v.regions {
            if !regions.contains(r) {
                problems.push(format!("{}: unknown region {r}", v.name));
            }
        }
        for f in v.present.iter().chain(v.absent) {
            if !findings.contains(f) {
                problems.push(format!("{}: unknown finding {f}", v.name));
            }
        }
        for f in v.present {
            if v.absent.contains(f) {
                problems.push(format!("{}: {f} both present and absent", v.name));
            }
        }
        for c in std::iter::once(&v.expect).chain(v.also) {
            if !causes.contains(c) {
                problems.push(format!("{}: unknown cause {c}", v.name));
            }
        }
        if v.also.len() > 2 || v.also.contains(&v.expect) {
            problems.push(format!("{}: bad alternatives", v.name));
        }
        // The expected triage is at least as urgent as every red flag present.
        if let Some(level) = red_flag_level(&graph, v)
            && v.triage < level
        {
            problems.push(format!(
                "{}: expected triage {:?} below red flag {:?}",
                v.name, v.triage, level
            ));
        }
    }
    // Causes added after these vignettes were written (issue 6) are covered by the blind
    // safety cases instead, which were written the same way.
    let safety = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/safety-tune.ron"
    ))
    .expect("safety cases");
    let expected: HashSet<&str> = VIGNETTES.iter().map(|v| v.expect).collect();
    for c in &causes {
        if !expected.contains(c)
            && !safety.contains(&format!("expect: Some(\"{c}\")"))
            && !ADDED_AFTER_THE_BLIND_SETS.contains(c)
        {
            problems.push(format!("cause {c} has no vignette or safety case"));
        }
    }
    assert!(VIGNETTES.len() >= 50, "only {} vignettes", VIGNETTES.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn vignettes_benchmark_ranking_and_triage() {
    let graph = graph();
    let n = VIGNETTES.len();
    let (mut top1, mut top3_hits, mut strict3, mut triage_exact) = (0, 0, 0, 0);
    let (mut under, mut over) = (0, 0);
    // The displayed order can differ from the score order (a cause tied to a red flag
    // present may be listed first whatever its score); count top-1 by score as well.
    let mut top1_by_score = 0;
    let mut reordered = Vec::new();
    let mut emergency_under = Vec::new();
    let mut misses = Vec::new();

    for v in VIGNETTES {
        let r = rank(&graph, &query(v));
        // As a person reads the list: the causes to check first, then the rest.
        let ids: Vec<&str> = r
            .check_first
            .iter()
            .map(|c| c.id.as_str())
            .chain(
                r.causes
                    .iter()
                    .filter(|c| !c.check_first)
                    .map(|c| c.id.as_str()),
            )
            .collect();
        let first_ok = ids.first().is_some_and(|id| accepted(v, id));
        let three_ok = ids.iter().take(3).any(|id| accepted(v, id));
        let position = ids.iter().position(|id| *id == v.expect).map(|p| p + 1);
        if first_ok {
            top1 += 1;
        }
        let best = r
            .causes
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .map(|c| c.id.as_str());
        if best.is_some_and(|id| accepted(v, id)) {
            top1_by_score += 1;
        }
        if best != ids.first().copied() {
            reordered.push(format!(
                "- {}: listed first {:?}, highest score {:?} (expected {})",
                v.name,
                ids.first(),
                best,
                v.expect
            ));
        }
        if three_ok {
            top3_hits += 1;
        }
        if position.is_some_and(|p| p <= 3) {
            strict3 += 1;
        }
        // These vignettes were written on four levels, before "routine" existed, when "soon"
        // meant any non-urgent visit to a doctor: routine counts as soon here.
        let got = if r.triage == Routine { Soon } else { r.triage };
        let triage_note = if got == v.triage {
            triage_exact += 1;
            String::new()
        } else if got < v.triage {
            under += 1;
            if red_flag_level(&graph, v) == Some(Emergency) {
                emergency_under.push(v.name);
            }
            format!("UNDER-CALL triage {:?} (expected {:?})", r.triage, v.triage)
        } else {
            over += 1;
            format!("over-call triage {:?} (expected {:?})", r.triage, v.triage)
        };
        if !first_ok || !triage_note.is_empty() {
            let rank_note = if first_ok {
                "top-1 ok".to_string()
            } else if three_ok {
                "top-1 MISS (in top 3)".to_string()
            } else {
                "TOP-3 MISS".to_string()
            };
            misses.push(format!(
                "- {}\n    expected {}{} at {:?}; {}{}{}\n    top 3: {}",
                v.name,
                v.expect,
                if v.also.is_empty() {
                    String::new()
                } else {
                    format!(" (or {})", v.also.join(", "))
                },
                position,
                rank_note,
                if triage_note.is_empty() { "" } else { "; " },
                triage_note,
                top3(&r),
            ));
        }
    }

    let top3_rate = pct(top3_hits, n);
    println!("\n=== Clinical vignettes: {n} cases ===");
    println!(
        "top-1 accuracy:            {top1}/{n} = {:.1} %",
        100.0 * pct(top1, n)
    );
    println!(
        "top-1 by score alone:      {top1_by_score}/{n} = {:.1} %",
        100.0 * pct(top1_by_score, n)
    );
    println!(
        "top-3 accuracy:            {top3_hits}/{n} = {:.1} %",
        100.0 * top3_rate
    );
    println!(
        "top-3 (expected cause only): {strict3}/{n} = {:.1} %",
        100.0 * pct(strict3, n)
    );
    println!(
        "triage exact match:        {triage_exact}/{n} = {:.1} %",
        100.0 * pct(triage_exact, n)
    );
    println!("triage under-calls:        {under}");
    println!(
        "  of which with an emergency red flag present: {}",
        emergency_under.len()
    );
    println!("triage over-calls:         {over}");
    println!("\nMisses ({}):\n{}", misses.len(), misses.join("\n"));
    println!(
        "\nListed first is not the highest score ({}):\n{}",
        reordered.len(),
        reordered.join("\n")
    );

    assert!(
        emergency_under.is_empty(),
        "triage under-called despite an emergency red flag: {emergency_under:?}"
    );
    assert!(
        top3_rate >= TOP3_THRESHOLD,
        "top-3 accuracy {:.1} % is below {:.0} %",
        100.0 * top3_rate,
        100.0 * TOP3_THRESHOLD
    );
}
