//! Small graph files that once took far more work to load than their size: each is the
//! valid fixture with one part blown up. Shared by `tests/files.rs` (timings, ignored)
//! and `benches/files.rs` (criterion).

#![allow(dead_code)]

/// The small, complete and valid fixture every adversarial file starts from.
pub const VALID: &str = include_str!("../fixtures/valid.ron");

/// A chain of `n` regions, each part of the one before, under "lower-back".
pub fn region_chain(n: usize) -> String {
    let mut chain = String::new();
    for i in 0..n {
        let parent = if i == 0 {
            "lower-back".to_string()
        } else {
            format!("r{}", i - 1)
        };
        chain.push_str(&format!(
            "        Region(id: \"r{i}\", name: \"Region {i}\", parent: \"{parent}\"),\n"
        ));
    }
    insert_after(VALID, "    regions: [\n", &chain)
}

/// One cause that links `n` findings that do not exist.
pub fn unknown_references(n: usize) -> String {
    let mut links = String::new();
    for i in 0..n {
        links.push_str(&format!(
            "                (\"no-such-finding-{i}\", Typical),\n"
        ));
    }
    insert_after(VALID, "            findings: [\n", &links)
}

/// One cause that links a finding whose id is `len` bytes long and does not exist.
pub fn long_unknown_id(len: usize) -> String {
    let link = format!("                (\"{}\", Typical),\n", "x".repeat(len));
    insert_after(VALID, "            findings: [\n", &link)
}

/// A cause whose summary is `len` bytes long.
pub fn long_string(len: usize) -> String {
    let summary = format!("summary: \"{}\",", "a".repeat(len));
    VALID.replacen(
        "summary: \"A stretched or torn back muscle.\",",
        &summary,
        1,
    )
}

fn insert_after(text: &str, anchor: &str, insert: &str) -> String {
    let at = text.find(anchor).expect("the anchor is in the fixture") + anchor.len();
    format!("{}{insert}{}", &text[..at], &text[at..])
}

/// `n` regions, each part of a region that does not exist.
pub fn unknown_parents(n: usize) -> String {
    let mut regions = String::new();
    for i in 0..n {
        regions.push_str(&format!(
            "        Region(id: \"r{i}\", name: \"Region {i}\", parent: \"no-such-region-{i}\"),\n"
        ));
    }
    insert_after(VALID, "    regions: [\n", &regions)
}

/// `n` regions under "lower-back", and a cause that lists every one of them.
pub fn cause_over_every_region(n: usize) -> String {
    let mut regions = String::new();
    let mut listed = String::new();
    for i in 0..n {
        regions.push_str(&format!(
            "        Region(id: \"r{i}\", name: \"Region {i}\", parent: \"lower-back\"),\n"
        ));
        listed.push_str(&format!("\"r{i}\", "));
    }
    let text = insert_after(VALID, "    regions: [\n", &regions);
    text.replacen(
        "regions: [\"back\"],",
        &format!("regions: [{listed}\"back\"],"),
        1,
    )
}

/// `n` regions under "lower-back" and a chain of `n` questions after "saddle", each
/// asked only in its own region: every region sees different conditions.
pub fn region_questions(n: usize) -> String {
    let mut regions = String::new();
    let mut questions = String::new();
    for i in 0..n {
        regions.push_str(&format!(
            "        Region(id: \"r{i}\", name: \"Region {i}\", parent: \"lower-back\"),\n"
        ));
        let next = if i + 1 < n {
            format!(", next: \"q{}\"", i + 1)
        } else {
            String::new()
        };
        questions.push_str(&format!(
            "        Question(id: \"q{i}\", text: \"Q{i}?\", ask_if: InRegion(\"r{i}\"), answers: YesNo(yes: (add: [\"stiffness\"])){next}),\n"
        ));
    }
    let text = insert_after(VALID, "    regions: [\n", &regions);
    let text = insert_after(&text, "    questions: [\n", &questions);
    text.replacen(
        "                unsure: (add: [\"stiffness\"]),\n            ),\n        ),",
        "                unsure: (add: [\"stiffness\"]),\n            ),\n            next: \"q0\",\n        ),",
        1,
    )
}
