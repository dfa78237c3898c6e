//! Textbook presentations: region + findings -> the expected cause in the top 3 (as a person
//! reads the list: the "check these first" group, then the likelihood ranking) and the
//! expected overall triage. The levels follow the NHS / NICE review of issue 6 (sciatica,
//! stenosis, sacroiliac pain and the inflammatory causes are routine; night pain is urgent;
//! a serious injury is an emergency). Together they cover every cause and every red flag of the
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

use Triage::{Emergency, Routine, SelfCare, Soon, Urgent};

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
        absent: &["fever"], age: Some(38), sex: M, expect: "disc-herniation", triage: Routine },
    Case { name: "sciatica down to the sole", regions: &["lower-back", "buttock", "thigh", "lower-leg", "foot"],
        present: &["shooting-pain", "radiates-below-knee", "tingling", "numbness-leg", "burning-pain"],
        absent: &[], age: Some(45), sex: F, expect: "sciatica", triage: Routine },
    Case { name: "lumbar spinal stenosis", regions: &["lower-back", "buttock", "thigh"],
        present: &["neurogenic-claudication", "gradual-onset", "over-12-weeks", "numbness-leg"],
        absent: &["worse-sitting"], age: Some(72), sex: M, expect: "spinal-stenosis", triage: Routine },
    Case { name: "spinal osteoarthritis", regions: &["lower-back"],
        present: &["worse-morning-eases", "stiffness", "crepitus", "over-12-weeks", "gradual-onset", "dull-ache"],
        absent: &["morning-stiffness-long", "radiates-below-knee"], age: Some(66), sex: F,
        expect: "spinal-osteoarthritis", triage: Routine },
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
        absent: &["radiates-below-knee"], age: Some(34), sex: F, expect: "sacroiliitis", triage: Routine },
    Case { name: "inflammatory back pain in a young man", regions: &["lower-back", "buttock"],
        present: &["morning-stiffness-long", "better-exercise", "night-pain", "gradual-onset", "over-12-weeks", "family-history-spondyloarthritis"],
        absent: &["better-rest"], age: Some(24), sex: M, expect: "ankylosing-spondylitis", triage: Urgent },
    Case { name: "ankylosing spondylitis with uveitis", regions: &["lower-back"],
        present: &["eye-inflammation", "morning-stiffness-long", "stiffness"],
        absent: &[], age: Some(30), sex: M, expect: "ankylosing-spondylitis", triage: Routine },
    Case { name: "metastasis with a cancer history", regions: &["mid-back"],
        present: &["history-cancer", "night-pain", "weight-loss", "constant-progressive-pain"],
        absent: &[], age: Some(66), sex: F, expect: "spinal-cancer", triage: Urgent },
    Case { name: "new pain over fifty with weight loss", regions: &["lower-back"],
        present: &["new-pain-over-50", "weight-loss", "night-pain"],
        absent: &["lifting-twisting"], age: Some(62), sex: M, expect: "spinal-cancer", triage: Urgent },
    Case { name: "discitis in someone who injects drugs", regions: &["lower-back"],
        present: &["injecting-drugs", "fever", "local-tenderness-spine", "severe-constant-pain"],
        absent: &["significant-trauma", "fall"], age: Some(40), sex: M, expect: "spinal-infection", triage: Urgent },
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
        absent: &[], age: Some(45), sex: M, expect: "pancreatitis", triage: Emergency },
    Case { name: "shingles before and with the rash", regions: &["mid-back", "chest"],
        present: &["band-like-pain", "burning-pain", "rash-blisters"],
        absent: &[], age: Some(68), sex: F, expect: "shingles", triage: Urgent },
    Case { name: "piriformis syndrome", regions: &["buttock", "thigh"],
        present: &["buttock-pain-sitting", "buttock-tender-deep", "radiates-thigh"],
        absent: &["positive-slr", "radiates-below-knee"], age: Some(40), sex: F,
        expect: "piriformis-syndrome", triage: Routine },
    Case { name: "fibromyalgia", regions: &["back", "neck"],
        present: &["widespread-pain", "tender-points-many", "fatigue", "poor-sleep", "over-12-weeks"],
        absent: &[], age: Some(45), sex: F, expect: "fibromyalgia", triage: Routine },
    Case { name: "endometriosis", regions: &["pelvis", "lower-back"],
        present: &["cyclical-menstrual", "dull-ache", "over-12-weeks"],
        absent: &[], age: Some(29), sex: F, expect: "endometriosis", triage: Routine },
    Case { name: "hip osteoarthritis felt in the groin", regions: &["hip-groin", "thigh"],
        present: &["radiates-groin", "limited-movement", "stiffness", "worse-movement", "gradual-onset"],
        absent: &["radiates-below-knee"], age: Some(67), sex: F, expect: "hip-osteoarthritis", triage: SelfCare },
    Case { name: "lateral hip pain", regions: &["hip-groin", "thigh"],
        present: &["pain-lying-on-side", "lateral-hip-tender", "worse-stairs", "dull-ache"],
        absent: &["radiates-groin", "radiates-below-knee", "limited-movement"], age: Some(55), sex: F,
        expect: "trochanteric-pain", triage: SelfCare },
    Case { name: "biliary pain to the shoulder blade", regions: &["abdomen", "upper-back"],
        present: &["worse-after-eating", "nausea-vomiting", "gallstones-known", "radiates-shoulder-blade"],
        absent: &["heavy-alcohol"], age: Some(48), sex: F, expect: "gallbladder", triage: Urgent },
    Case { name: "fall from a ladder", regions: &["mid-back"],
        present: &["significant-trauma", "local-tenderness-spine", "sudden-onset"],
        absent: &[], age: Some(80), sex: F, expect: "osteoporotic-fracture", triage: Emergency },
    Case { name: "night pain alone", regions: &["lower-back"],
        present: &["night-pain"],
        absent: &[], age: Some(35), sex: M, expect: "strain-sprain", triage: Urgent },
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
        expect: "gallbladder", triage: Urgent },
    Case { name: "kidney infection with frequency, no fever yet", regions: &["flank", "lower-back"],
        present: &["frequent-urination", "painful-urination", "one-sided-flank", "costovertebral-tenderness"],
        absent: &["fever", "blood-in-urine", "colicky-pain"], age: Some(26), sex: F,
        expect: "kidney-infection", triage: Urgent },
    Case { name: "leg pain worse than back pain", regions: &["lower-back", "buttock", "lower-leg"],
        present: &["leg-pain-worse-than-back", "radiates-below-knee", "shooting-pain"],
        absent: &["both-legs"], age: Some(41), sex: M, expect: "sciatica", triage: Routine },
    Case { name: "weak grip with arm pain", regions: &["neck", "arm"],
        present: &["arm-weakness", "radiates-arm", "worse-extension"],
        absent: &["unsteady-gait"], age: Some(53), sex: F, expect: "cervical-radiculopathy", triage: Soon },
    Case { name: "woke with a stiff neck", regions: &["neck"],
        present: &["woke-with-it", "stiffness", "limited-movement"],
        absent: &["radiates-arm", "arm-weakness", "fever"], age: Some(34), sex: M,
        expect: "neck-strain", triage: SelfCare },
    Case { name: "alternating buttock pain in a young woman", regions: &["lower-back", "buttock"],
        present: &["alternating-buttock-pain", "morning-stiffness-long", "over-12-weeks", "gradual-onset"],
        absent: &["lifting-twisting"], age: Some(27), sex: F, expect: "ankylosing-spondylitis", triage: Routine },
    Case { name: "limping with groin pain", regions: &["hip-groin"],
        present: &["pain-weight-bearing", "radiates-groin", "stiffness", "gradual-onset"],
        absent: &["radiates-below-knee", "tingling"], age: Some(71), sex: M,
        expect: "hip-osteoarthritis", triage: SelfCare },
    Case { name: "deep pain with sex and low back pain", regions: &["pelvis", "lower-back"],
        present: &["deep-pain-sex", "dull-ache", "over-12-weeks"],
        absent: &["fever"], age: Some(31), sex: F, expect: "endometriosis", triage: Routine },
    Case { name: "teenage footballer with tight hamstrings", regions: &["lower-back"],
        present: &["hamstring-tightness", "sports-hyperextension", "dull-ache"],
        absent: &["radiates-below-knee"], age: Some(16), sex: M, expect: "spondylolisthesis", triage: Routine },
    // Causes and red flags added for issue 6 (triage safety), from the NHS page or NICE guideline
    // named in each cause's triage comment. `absent` holds what the interview asked and found
    // negative (it always asks about injuries, fever, fainting, chest pain, sudden breathlessness
    // and severe constant pain).
    Case { name: "heart attack: pressing chest pain into the left arm", regions: &["chest", "arm"],
        present: &["chest-pain", "radiates-arm", "fainting-pale-sweaty", "nausea-vomiting", "sudden-onset", "smoker", "high-blood-pressure"],
        absent: &["significant-trauma", "fall", "fever", "sudden-breathless", "severe-constant-pain", "pain-breathing-in", "worse-movement", "lifting-twisting"], age: Some(61), sex: M,
        expect: "heart-attack", triage: Emergency },
    Case { name: "heart attack felt between the shoulder blades", regions: &["upper-back", "chest"],
        present: &["chest-pain", "nausea-vomiting", "breathless", "diabetes"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "sudden-breathless", "severe-constant-pain", "tearing-pain", "pain-breathing-in", "worse-movement", "lifting-twisting"], age: Some(70), sex: F,
        expect: "heart-attack", triage: Emergency },
    Case { name: "aortic dissection: sudden tearing pain through to the back", regions: &["chest", "upper-back"],
        present: &["tearing-pain", "sudden-onset", "severe-constant-pain", "chest-pain", "high-blood-pressure"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "sudden-breathless", "worse-movement", "lifting-twisting"], age: Some(63), sex: M,
        expect: "aortic-dissection", triage: Emergency },
    Case { name: "aortic dissection down the back with a cold leg", regions: &["mid-back", "lower-back"],
        present: &["tearing-pain", "sudden-onset", "severe-constant-pain", "cold-pale-leg", "high-blood-pressure"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "worse-movement", "lifting-twisting"], age: Some(58), sex: M,
        expect: "aortic-dissection", triage: Emergency },
    Case { name: "pulmonary embolism: breathless with a swollen calf", regions: &["chest", "upper-back"],
        present: &["sudden-breathless", "pain-breathing-in", "calf-swelling", "recent-immobility", "sudden-onset"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "severe-constant-pain", "cough-phlegm", "lifting-twisting"], age: Some(45), sex: F,
        expect: "pulmonary-embolism", triage: Emergency },
    Case { name: "pulmonary embolism: coughing blood after an operation", regions: &["chest", "flank"],
        present: &["pain-breathing-in", "coughing-blood", "recent-immobility", "sharp-pain", "sudden-onset"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "calf-swelling", "lifting-twisting"], age: Some(52), sex: M,
        expect: "pulmonary-embolism", triage: Emergency },
    Case { name: "pneumonia with pleuritic pain", regions: &["chest", "flank"],
        present: &["fever", "cough-phlegm", "pain-breathing-in", "breathless", "started-recently"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "coughing-blood", "calf-swelling", "recent-immobility", "confused-drowsy", "very-unwell"], age: Some(55), sex: M,
        expect: "pneumonia-pleurisy", triage: Urgent },
    Case { name: "pneumonia with new confusion in an older woman", regions: &["chest", "flank"],
        present: &["fever", "cough-phlegm", "confused-drowsy", "pain-breathing-in", "breathless", "started-recently"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "calf-swelling", "recent-immobility", "coughing-blood"], age: Some(82), sex: F,
        expect: "pneumonia-pleurisy", triage: Emergency },
    Case { name: "meningitis: fever, stiff neck and light hurting the eyes", regions: &["neck"],
        present: &["fever", "stiff-neck-bend", "severe-headache", "light-hurts-eyes", "nausea-vomiting", "started-recently"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "lifting-twisting"], age: Some(19), sex: F,
        expect: "meningitis", triage: Emergency },
    Case { name: "meningococcal disease with a rash that does not fade", regions: &["neck", "back"],
        present: &["fever", "very-unwell", "rash-not-fading", "severe-headache", "nausea-vomiting", "started-recently"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "lifting-twisting"], age: Some(17), sex: M,
        expect: "meningitis", triage: Emergency },
    Case { name: "chest wall pain after a new gym routine", regions: &["chest"],
        present: &["sharp-pain", "muscle-tender-knot", "worse-movement", "lifting-twisting", "started-recently"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "exertion-pain", "cough-phlegm"], age: Some(28), sex: M,
        expect: "chest-wall-pain", triage: Routine },
    Case { name: "costochondritis: sore spot beside the breastbone", regions: &["chest"],
        present: &["sharp-pain", "muscle-tender-knot", "worse-movement", "pain-breathing-in"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "exertion-pain", "cough-phlegm", "calf-swelling", "recent-immobility", "coughing-blood"], age: Some(38), sex: F,
        expect: "chest-wall-pain", triage: Routine },
    Case { name: "angina: pain on effort into the arm, settled with rest", regions: &["chest", "arm"],
        present: &["exertion-pain", "radiates-arm", "smoker", "high-blood-pressure"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "sharp-pain", "worse-movement", "pain-breathing-in"], age: Some(62), sex: M,
        expect: "angina", triage: Urgent },
    Case { name: "angina: breathless and tight on the stairs", regions: &["chest"],
        present: &["exertion-pain", "breathless", "diabetes", "gradual-onset"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "sharp-pain", "worse-movement", "pain-breathing-in"], age: Some(68), sex: F,
        expect: "angina", triage: Urgent },
    Case { name: "broken back after a car crash", regions: &["lower-back", "mid-back"],
        present: &["significant-trauma", "local-tenderness-spine", "sudden-onset", "worse-movement", "started-recently"],
        absent: &["fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "numbness-leg", "bladder-change"], age: Some(30), sex: M,
        expect: "spinal-fracture-trauma", triage: Emergency },
    Case { name: "neck pain after a fall at 72", regions: &["neck"],
        present: &["fall", "local-tenderness-spine", "limited-movement", "sudden-onset"],
        absent: &["significant-trauma", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "arm-numbness-tingling"], age: Some(72), sex: F,
        expect: "spinal-fracture-trauma", triage: Emergency },
    Case { name: "broken hip: fell and cannot stand", regions: &["hip-groin", "thigh"],
        present: &["fall", "cannot-bear-weight", "leg-short-turned", "sudden-onset", "radiates-groin", "osteoporosis-known"],
        absent: &["significant-trauma", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain"], age: Some(84), sex: F,
        expect: "hip-fracture", triage: Emergency },
    Case { name: "broken hip: leg short and turned out after a trip", regions: &["hip-groin"],
        present: &["fall", "leg-short-turned", "pain-weight-bearing", "sudden-onset", "started-recently"],
        absent: &["significant-trauma", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain"], age: Some(78), sex: M,
        expect: "hip-fracture", triage: Emergency },
    Case { name: "early appendicitis: pain moved to the lower right", regions: &["abdomen"],
        present: &["pain-moved-lower-right", "worse-movement", "worse-cough-sneeze", "started-recently", "getting-worse"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "nausea-vomiting", "belly-hard-tender"], age: Some(19), sex: M,
        expect: "appendicitis", triage: Urgent },
    Case { name: "appendicitis with fever, vomiting and a hard belly", regions: &["abdomen", "pelvis"],
        present: &["pain-moved-lower-right", "fever", "nausea-vomiting", "belly-hard-tender", "severe-constant-pain", "started-recently"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "missed-period"], age: Some(24), sex: F,
        expect: "appendicitis", triage: Emergency },
    Case { name: "possible ectopic: missed period with one-sided pain and spotting", regions: &["pelvis"],
        present: &["missed-period", "vaginal-bleeding", "sharp-pain", "started-recently"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "shoulder-tip-pain"], age: Some(28), sex: F,
        expect: "ectopic-pregnancy", triage: Urgent },
    Case { name: "ruptured ectopic: shoulder-tip pain and fainting", regions: &["pelvis", "abdomen"],
        present: &["missed-period", "shoulder-tip-pain", "fainting-pale-sweaty", "sudden-onset", "sharp-pain", "severe-constant-pain"],
        absent: &["significant-trauma", "fall", "fever", "chest-pain", "sudden-breathless"], age: Some(31), sex: F,
        expect: "ectopic-pregnancy", triage: Emergency },
    Case { name: "testicular torsion in a teenager", regions: &["hip-groin", "abdomen"],
        present: &["testicle-pain", "sudden-onset", "severe-constant-pain", "nausea-vomiting", "radiates-abdomen"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless"], age: Some(14), sex: M,
        expect: "testicular-torsion", triage: Emergency },
    Case { name: "pelvic inflammatory disease", regions: &["pelvis", "lower-back"],
        present: &["vaginal-discharge", "deep-pain-sex", "painful-urination", "dull-ache", "started-recently"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "missed-period"], age: Some(22), sex: F,
        expect: "pelvic-inflammatory-disease", triage: Urgent },
    Case { name: "acute prostatitis", regions: &["pelvis", "lower-back"],
        present: &["perineum-pain", "fever", "painful-urination", "frequent-urination", "sudden-onset", "started-recently"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "testicle-pain"], age: Some(45), sex: M,
        expect: "prostatitis", triage: Urgent },
    Case { name: "pelvic girdle pain in pregnancy", regions: &["pelvis", "hip-groin"],
        present: &["pregnant", "pain-weight-bearing", "worse-stairs", "radiates-groin", "worse-movement"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "vaginal-bleeding", "painful-urination", "colicky-pain"], age: Some(30), sex: F,
        expect: "pregnancy-back-pain", triage: Routine },
    Case { name: "low back pain in pregnancy", regions: &["lower-back", "buttock"],
        present: &["pregnant", "si-joint-tender", "worse-movement", "radiates-buttock", "dull-ache"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "vaginal-bleeding", "painful-urination", "colicky-pain", "radiates-below-knee"], age: Some(33), sex: F,
        expect: "pregnancy-back-pain", triage: Routine },
    Case { name: "polymyalgia rheumatica: stiff shoulders and hips every morning", regions: &["neck", "arm", "hip-groin"],
        present: &["shoulder-hip-stiffness", "morning-stiffness-long", "stiffness", "fatigue", "limited-movement"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "gca-symptoms", "vision-loss", "weight-loss"], age: Some(72), sex: F,
        expect: "polymyalgia-rheumatica", triage: Soon },
    Case { name: "polymyalgia with blurred sight and jaw pain", regions: &["neck", "upper-back"],
        present: &["shoulder-hip-stiffness", "morning-stiffness-long", "gca-symptoms", "vision-loss"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain"], age: Some(78), sex: M,
        expect: "polymyalgia-rheumatica", triage: Emergency },
    Case { name: "stomach ulcer on ibuprofen", regions: &["abdomen", "mid-back"],
        present: &["upper-belly-burning", "worse-after-eating", "anti-inflammatory-use"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "vomit-blood-black-stool", "weight-loss", "jaundice", "worse-movement", "nausea-vomiting"], age: Some(45), sex: M,
        expect: "peptic-ulcer", triage: Soon },
    Case { name: "bleeding ulcer: black stools", regions: &["abdomen"],
        present: &["vomit-blood-black-stool", "upper-belly-burning", "anti-inflammatory-use"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain"], age: Some(67), sex: M,
        expect: "peptic-ulcer", triage: Emergency },
    Case { name: "intermittent claudication in a smoker", regions: &["lower-leg", "thigh"],
        present: &["calf-pain-walking", "exertion-pain", "better-rest", "smoker", "gradual-onset", "over-12-weeks"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "neurogenic-claudication", "worse-sitting", "cold-pale-leg", "night-pain"], age: Some(68), sex: M,
        expect: "vascular-claudication", triage: Routine },
    Case { name: "acute limb ischaemia: a cold, pale, numb leg", regions: &["lower-leg", "foot"],
        present: &["cold-pale-leg", "sudden-onset", "severe-constant-pain", "numbness-leg", "smoker"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless"], age: Some(74), sex: M,
        expect: "vascular-claudication", triage: Emergency },
    Case { name: "myeloma: back pain with weight loss and tiredness", regions: &["lower-back", "mid-back"],
        present: &["new-pain-over-50", "weight-loss", "fatigue", "constant-progressive-pain", "repeated-infections"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "lifting-twisting", "history-cancer"], age: Some(66), sex: M,
        expect: "myeloma", triage: Urgent },
    Case { name: "discitis: a toddler who will not walk", regions: &["lower-back"],
        present: &["cannot-bear-weight", "fever", "limited-movement", "local-tenderness-spine"],
        absent: &["significant-trauma", "fall", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain"], age: Some(3), sex: M,
        expect: "discitis-child", triage: Urgent },
    Case { name: "back pain in a ten-year-old", regions: &["lower-back"],
        present: &["local-tenderness-spine", "limited-movement", "stiffness"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "night-pain", "weight-loss"], age: Some(10), sex: F,
        expect: "discitis-child", triage: Soon },
    Case { name: "diabetic peripheral neuropathy", regions: &["foot", "lower-leg"],
        present: &["both-legs-longstanding", "burning-pain", "tingling", "numbness-leg", "diabetes", "gradual-onset", "over-12-weeks"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "both-legs", "getting-worse", "leg-weakness"], age: Some(64), sex: M,
        expect: "peripheral-neuropathy", triage: Routine },
    Case { name: "alcohol-related neuropathy", regions: &["foot"],
        present: &["both-legs-longstanding", "heavy-alcohol", "burning-pain", "numbness-leg", "gradual-onset"],
        absent: &["significant-trauma", "fall", "fever", "fainting-pale-sweaty", "chest-pain", "sudden-breathless", "severe-constant-pain", "both-legs", "getting-worse", "diabetes"], age: Some(55), sex: F,
        expect: "peripheral-neuropathy", triage: Routine },
];

fn reading_order(r: &symptom_explorer::engine::Ranking) -> Vec<&str> {
    let first = r.check_first.iter().map(|c| c.id.as_str());
    let rest = r
        .causes
        .iter()
        .filter(|c| !c.check_first)
        .map(|c| c.id.as_str());
    first.chain(rest).collect()
}

fn graph() -> Graph {
    Graph::bundled().expect("the bundled graph loads")
}

fn query(case: &Case) -> Query {
    let owned = |ids: &[&str]| ids.iter().map(std::string::ToString::to_string).collect();
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
        // As a person reads the list: the causes to check first, then the rest.
        let order = reading_order(&ranking);
        let top: Vec<&str> = order.iter().take(3).copied().collect();
        let position = order.iter().position(|id| *id == case.expect);
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
        .map(|f| f.id.to_string())
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
    assert_eq!(ranking.check_first[0].id, "cauda-equina");
}
