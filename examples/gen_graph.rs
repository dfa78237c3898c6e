//! Writes a valid synthetic graph of any size in the real RON format, for timing the
//! loader, the validator, the ranking and the search on content far larger than the
//! bundled graph (see BENCHMARKS.md).
//!
//! `cargo run --release --example gen_graph -- CAUSES DIR` writes into DIR:
//!
//! - `core.ron`: the bundled triage levels, sources and guidance pages, as they are;
//! - `body.ron`: 15 regions (one whole body, 14 parts of it, each on the figure), 8
//!   emergency red flags, and findings: 24 asked by the questions and one more per two
//!   causes, with made-up names and an alias each;
//! - `questions.ron`: an emergency screen (a checklist of the 8 red flags) that every
//!   region enters first, then two checklists of 12 findings;
//! - `causes-NN.ron`: the causes, 10,000 to a file (a file may hold at most 8 MiB), each
//!   with a made-up name and alias, one or two regions, 8 weighted finding links (two of
//!   them to findings the questions ask, one in ten to an emergency red flag), the six
//!   prose sections and a source.
//!
//! Everything is derived from the cause count, so the same count writes the same bytes.
//! `symptom-explorer check DIR/*.ron` passes with no errors and no warnings.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use symptom_explorer::graph::{self, SourceText};

const CORE: &str = include_str!("../data/core.ron");

/// Causes per `causes-NN.ron`: about 3.5 MB, well under the 8 MiB a file may hold.
const CAUSES_PER_FILE: usize = 10_000;
/// Parts of the whole body (15 regions with it).
const PARTS: usize = 14;
/// Emergency red flags, all asked by the first question.
const RED_FLAGS: usize = 8;
/// Ordinary findings that the questions ask (two checklists of 12).
const ASKED: usize = 24;
/// Links per cause.
const LINKS: usize = 8;

const SYLLABLES: [&str; 32] = [
    "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "sa",
    "te", "vi", "wo", "xa", "ye", "zu", "bri", "cla", "dro", "fle", "gri", "plo", "stra", "tre",
    "vel", "mor", "len",
];
const SUFFIXES: [&str; 8] = [
    "syndrome",
    "disease",
    "strain",
    "neuritis",
    "arthritis",
    "palsy",
    "myopathy",
    "tendinitis",
];
const FINDING_WORDS: [&str; 8] = [
    "ache",
    "tingling",
    "stiffness",
    "swelling",
    "cramp",
    "weakness",
    "burning",
    "twitch",
];
const WEIGHTS: [&str; 6] = [
    "Typical",
    "Sometimes",
    "Strong",
    "Typical",
    "Against",
    "Lr(2.5)",
];
const PREVALENCE: [&str; 3] = ["Common", "Uncommon", "Rare"];
const TRIAGE: [&str; 4] = ["self-care", "routine", "soon", "urgent"];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(dir)) = (args.next().and_then(|s| s.parse().ok()), args.next()) else {
        eprintln!("usage: gen_graph CAUSES DIR   (CAUSES a whole number, at least 1)");
        std::process::exit(2);
    };
    if count == 0 {
        eprintln!("usage: gen_graph CAUSES DIR   (CAUSES at least 1)");
        std::process::exit(2);
    }
    match write_graph(count, Path::new(&dir)) {
        Ok(files) => {
            let bytes: u64 = files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum();
            println!(
                "{count} causes in {} files, {bytes} bytes, in {dir}",
                files.len()
            );
        }
        Err(e) => {
            eprintln!("gen_graph: {e}");
            std::process::exit(1);
        }
    }
}

/// Writes every file and returns their paths.
fn write_graph(count: usize, dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, text) in graph_files(count)? {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The name and text of every file of a graph of `count` causes, in load order (the
/// benches in `benches/scale.rs` use them without writing them).
pub fn graph_files(count: usize) -> Result<Vec<(String, String)>, String> {
    let sources = source_ids()?;
    let pool = count.div_ceil(2);
    let mut files = vec![
        ("core.ron".to_string(), CORE.to_string()),
        ("body.ron".to_string(), body(pool)),
        ("questions.ron".to_string(), questions()),
    ];
    for (n, start) in (0..count).step_by(CAUSES_PER_FILE).enumerate() {
        let end = (start + CAUSES_PER_FILE).min(count);
        let text = causes(start..end, pool, &sources);
        files.push((format!("causes-{n:02}.ron"), text));
    }
    Ok(files)
}

/// The source ids of the bundled `core.ron`, which the causes cite in turn.
fn source_ids() -> Result<Vec<String>, String> {
    let core = graph::parse(vec![SourceText::new("core.ron", CORE)])
        .map_err(|e| format!("the bundled core.ron does not parse: {e:?}"))?;
    Ok(core.sources.iter().map(|s| s.id.to_string()).collect())
}

/// A deterministic mix of a number (splitmix64's finaliser).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A made-up word of two to four syllables, the same for the same seed.
fn word(seed: u64) -> String {
    let mut h = mix(seed);
    let syllables = 2 + (h % 3) as usize;
    let mut out = String::new();
    for _ in 0..syllables {
        h = mix(h);
        out.push_str(SYLLABLES[(h % SYLLABLES.len() as u64) as usize]);
    }
    out
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn region_id(part: usize) -> String {
    format!("part-{part}")
}

fn red_flag_id(n: usize) -> String {
    format!("rf-{n}")
}

fn asked_id(n: usize) -> String {
    format!("asked-{n}")
}

fn finding_id(n: usize) -> String {
    format!("f-{n}")
}

fn body(pool: usize) -> String {
    let mut out = String::from(
        "// Synthetic graph written by examples/gen_graph.rs.\nGraph(\n  regions: [\n",
    );
    out.push_str(
        "    Region(id: \"body\", name: \"Whole body\", figure: [Spot(view: Front, x: 50, y: 50)], entry: \"q-screen\"),\n",
    );
    for part in 0..PARTS {
        let view = if part % 2 == 0 { "Front" } else { "Back" };
        let (x, y) = (20 + (part % 4) * 20, 10 + (part / 2) * 11);
        let _ = writeln!(
            out,
            "    Region(id: \"{}\", name: \"{} part\", parent: \"body\", figure: [Spot(view: {view}, x: {x}, y: {y})]),",
            region_id(part),
            capitalised(&word(1_000 + part as u64)),
        );
    }
    out.push_str("  ],\n  findings: [\n");
    for n in 0..RED_FLAGS {
        let _ = writeln!(
            out,
            "    Finding(id: \"{}\", name: \"Sudden {} {}\", kind: General, red_flag: RedFlag(triage: \"emergency\", advice: \"Call {{emergency_number}} now.\", sources: [\"nhs-back-pain\"])),",
            red_flag_id(n),
            word(2_000 + n as u64),
            FINDING_WORDS[n % FINDING_WORDS.len()],
        );
    }
    for n in 0..ASKED {
        let _ = writeln!(
            out,
            "    Finding(id: \"{}\", name: \"{} {}\", kind: Character),",
            asked_id(n),
            capitalised(&word(3_000 + n as u64)),
            FINDING_WORDS[n % FINDING_WORDS.len()],
        );
    }
    for n in 0..pool {
        let seed = 10_000_000 + n as u64;
        let _ = writeln!(
            out,
            "    Finding(id: \"{}\", name: \"{} {}\", aliases: [\"{} {}\"], kind: Sign),",
            finding_id(n),
            capitalised(&word(seed)),
            FINDING_WORDS[n % FINDING_WORDS.len()],
            word(seed + 50_000_000),
            FINDING_WORDS[(n + 3) % FINDING_WORDS.len()],
        );
    }
    out.push_str("  ],\n)\n");
    out
}

fn checklist(id: &str, text: &str, findings: &[String], next: Option<&str>) -> String {
    let mut out = format!(
        "    Question(\n      id: \"{id}\",\n      text: \"{text}\",\n      answers: Checklist([\n"
    );
    for finding in findings {
        let _ = writeln!(
            out,
            "        (label: \"{finding}\", finding: \"{finding}\"),"
        );
    }
    out.push_str("      ]),\n");
    if let Some(next) = next {
        let _ = writeln!(out, "      next: \"{next}\",");
    }
    out.push_str("    ),\n");
    out
}

fn questions() -> String {
    let mut out = String::from(
        "// Synthetic graph written by examples/gen_graph.rs.\nGraph(\n  questions: [\n",
    );
    let flags: Vec<String> = (0..RED_FLAGS).map(red_flag_id).collect();
    out.push_str(&checklist(
        "q-screen",
        "Along with the pain, do you have any of these?",
        &flags,
        Some("q-1"),
    ));
    let first: Vec<String> = (0..ASKED / 2).map(asked_id).collect();
    let second: Vec<String> = (ASKED / 2..ASKED).map(asked_id).collect();
    out.push_str(&checklist(
        "q-1",
        "Do you have any of these?",
        &first,
        Some("q-2"),
    ));
    out.push_str(&checklist("q-2", "And any of these?", &second, None));
    out.push_str("  ],\n)\n");
    out
}

/// The finding ids a cause links: two the questions ask, one in ten causes a red flag,
/// the rest from the pool (every pool finding is linked by some cause).
fn links(i: usize, pool: usize) -> Vec<String> {
    let mut ids = vec![asked_id(i % ASKED), asked_id((i * 7 + 5) % ASKED)];
    if ids[0] == ids[1] {
        ids[1] = asked_id((i + 1) % ASKED);
    }
    if i.is_multiple_of(10) {
        ids.push(red_flag_id((i / 10) % RED_FLAGS));
    }
    let mut k = 0u64;
    while ids.len() < LINKS {
        let n = if k == 0 {
            i / 2
        } else {
            (mix(i as u64 * 31 + k) % pool as u64) as usize
        };
        let id = finding_id(n);
        if !ids.contains(&id) {
            ids.push(id);
        }
        k += 1;
    }
    ids
}

fn causes(range: std::ops::Range<usize>, pool: usize, sources: &[String]) -> String {
    let mut out =
        String::from("// Synthetic graph written by examples/gen_graph.rs.\nGraph(\n  causes: [\n");
    for i in range {
        let h = mix(i as u64);
        let name = format!(
            "{} {}",
            capitalised(&word(i as u64)),
            SUFFIXES[(h % SUFFIXES.len() as u64) as usize]
        );
        let alias = format!(
            "{} {}",
            word(i as u64 + 90_000_000),
            word(i as u64 + 91_000_000)
        );
        let mut regions = format!("\"{}\"", region_id(i % PARTS));
        if h.is_multiple_of(3) {
            let _ = write!(regions, ", \"{}\"", region_id((i + 5) % PARTS));
        }
        let findings: Vec<String> = links(i, pool)
            .into_iter()
            .enumerate()
            .map(|(k, id)| {
                let weight = if id.starts_with("rf-") || k < 2 {
                    "Strong"
                } else {
                    WEIGHTS[((h >> 8) as usize + k) % WEIGHTS.len()]
                };
                format!("(\"{id}\", {weight})")
            })
            .collect();
        let triage = if i.is_multiple_of(10) {
            "emergency"
        } else {
            TRIAGE[((h >> 16) % TRIAGE.len() as u64) as usize]
        };
        let _ = writeln!(
            out,
            "    Cause(\n      id: \"c-{i}\",\n      name: \"{name}\",\n      aliases: [\"{alias}\"],\n      prevalence: {},\n      regions: [{regions}],\n      findings: [{}],\n      triage: \"{triage}\",\n      summary: \"A made-up cause.\",\n      feels: \"Pain.\",\n      seek_help: \"If it is getting worse.\",\n      diagnosis: \"An examination.\",\n      treatment: \"Rest.\",\n      prevention: \"Exercise.\",\n      sources: [\"{}\"],\n    ),",
            PREVALENCE[((h >> 24) % 3) as usize],
            findings.join(", "),
            sources[i % sources.len()],
        );
    }
    out.push_str("  ],\n)\n");
    out
}
