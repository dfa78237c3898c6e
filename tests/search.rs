//! Search on the bundled graph forgives: typos, spelling variants, synonyms, words in any
//! order, plurals and accents; a short word never matches letters scattered across words;
//! nothing found offers the closest names.

use symptom_explorer::engine::search::{Matches, matches};
use symptom_explorer::engine::{Scope, Searcher};
use symptom_explorer::graph::Graph;

fn graph() -> Graph {
    Graph::bundled().expect("the bundled graph loads")
}

/// Every query of the table finds its expected id first; all that do not, listed.
fn assert_firsts(table: &[(&str, &str)], first: impl Fn(&str) -> Option<String>) {
    let wrong: Vec<String> = table
        .iter()
        .filter_map(|(query, expected)| {
            let got = first(query).unwrap_or_else(|| "(none)".to_string());
            (got != *expected).then(|| format!("{query:?}: {got}, expected {expected}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Queries and the first cause the search line lists (causes by name or alias).
const FIRST_CAUSE: &[(&str, &str)] = &[
    ("sciatica", "sciatica"),
    ("sciattica", "sciatica"),
    ("sciatca", "sciatica"),
    ("sciática", "sciatica"),
    ("SCIATICA", "sciatica"),
    ("sciat", "sciatica"),
    ("sciatic", "sciatica"),
    ("sciatica pain", "sciatica"),
    ("shingels", "shingles"),
    ("shingle", "shingles"),
    ("disk", "disc-herniation"),
    ("disks", "disc-herniation"),
    ("slipped disk", "disc-herniation"),
    ("disk slipped", "disc-herniation"),
    ("hernated disc", "disc-herniation"),
    ("herniated disk", "disc-herniation"),
    ("stenossis", "spinal-stenosis"),
    ("spinal stenossis", "spinal-stenosis"),
    ("lower back pain", "strain-sprain"),
    ("pain down leg", "sciatica"),
    ("leg pain down", "sciatica"),
    ("kidney stones", "kidney-stone"),
    ("kidney stone", "kidney-stone"),
    ("stones kidney", "kidney-stone"),
    ("renal stones", "kidney-stone"),
    ("menengitis", "meningitis"),
    ("pnemonia", "pneumonia-pleurisy"),
    ("apendicitis", "appendicitis"),
    ("heart atack", "heart-attack"),
    ("blod clot lung", "pulmonary-embolism"),
    ("neck pain", "neck-strain"),
    ("trapped nerve neck", "cervical-radiculopathy"),
    ("saddle anaesthesia", "cauda-equina"),
    ("saddle anesthesia", "cauda-equina"),
    ("spinal tumor", "spinal-cancer"),
    ("spinal tumours", "spinal-cancer"),
    ("brokn hip", "hip-fracture"),
    ("ulcr", "peptic-ulcer"),
];

#[test]
fn each_query_lists_the_expected_cause_first() {
    let g = graph();
    let s = Searcher::new(&g);
    assert_firsts(FIRST_CAUSE, |q| {
        matches(&g, &s, q, &[]).direct.first().map(|h| h.id.clone())
    });
}

/// Queries and the first hit of `search` over causes and findings (the CLI's order).
const FIRST_HIT: &[(&str, &str)] = &[
    ("sciattica", "sciatica"),
    ("shingels", "shingles"),
    ("disk", "disc-herniation"),
    ("slipped disk", "disc-herniation"),
    ("lower back pain", "strain-sprain"),
    ("pain down leg", "radiates-below-knee"),
    ("kidney stones", "kidney-stone"),
    ("sciat", "sciatica"),
    ("sciática", "sciatica"),
    ("pins and needles", "tingling"),
    ("haematuria", "blood-in-urine"),
    ("hematuria", "blood-in-urine"),
];

#[test]
fn each_query_finds_the_expected_item_first() {
    let g = graph();
    let s = Searcher::new(&g);
    assert_firsts(FIRST_HIT, |q| {
        s.search(&g, q, Scope::Both, &[])
            .first()
            .map(|h| h.id.clone())
    });
}

fn causes(g: &Graph, m: &Matches) -> Vec<String> {
    m.direct
        .iter()
        .map(|h| h.id.clone())
        .chain(m.via.iter().map(|v| g.causes[v.cause].id.to_string()))
        .collect()
}

#[test]
fn a_short_word_does_not_match_scattered_letters() {
    let g = graph();
    let s = Searcher::new(&g);
    let m = matches(&g, &s, "sciat", &[]);
    assert!(
        !m.direct.iter().any(|h| h.id == "cervical-radiculopathy"),
        "not through di-sc hern-iat-ion: {:?}",
        causes(&g, &m)
    );
    for hit in s.search(&g, "sciat", Scope::Both, &[]) {
        let matched: String = hit
            .indices
            .iter()
            .filter_map(|&i| hit.text.chars().nth(i))
            .collect();
        assert_eq!(matched.to_lowercase(), "sciat", "{hit:?}");
    }
    assert!(s.search(&g, "pns", Scope::Both, &[]).is_empty());
}

#[test]
fn words_in_any_order_find_the_same() {
    let g = graph();
    let s = Searcher::new(&g);
    let ids = |q: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .search(&g, q, Scope::Both, &[])
            .into_iter()
            .map(|h| h.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids("pain down leg"), ids("leg pain down"));
    assert_eq!(ids("kidney stones"), ids("stones kidney"));
}

#[test]
fn a_filler_word_alone_still_searches() {
    let g = graph();
    let s = Searcher::new(&g);
    let m = matches(&g, &s, "pain", &[]);
    assert!(m.direct.len() > 5, "{:?}", causes(&g, &m));
}

#[test]
fn typo_matches_highlight_the_word() {
    let g = graph();
    let s = Searcher::new(&g);
    let hit = &s.search(&g, "shingels", Scope::Both, &[])[0];
    assert_eq!(hit.text, "Shingles");
    assert_eq!(hit.indices, (0..8).collect::<Vec<_>>());
}

#[test]
fn nothing_found_offers_the_closest_names() {
    let g = graph();
    let s = Searcher::new(&g);
    for query in ["kidnii stoon", "shnglz"] {
        assert!(s.search(&g, query, Scope::Both, &[]).is_empty(), "{query}");
    }
    let near = s.suggest(&g, "kidnii stoon");
    assert_eq!(
        near.first().map(String::as_str),
        Some("kidney stone"),
        "{near:?}"
    );
    let near = s.suggest(&g, "shnglz");
    assert_eq!(
        near.first().map(String::as_str),
        Some("Shingles"),
        "{near:?}"
    );
    assert!(s.search(&g, "xyzzy", Scope::Both, &[]).is_empty());
    assert!(s.suggest(&g, "xyzzy").is_empty());
}

/// A graph of about 100,000 causes: the bundled ones again and again, each copy with a
/// made-up word in its name so the vocabulary grows too.
fn big_graph() -> Graph {
    let mut g = graph();
    let base = g.causes.clone();
    let syllables = ["ka", "lo", "mi", "ter", "su", "ven", "dra", "pol"];
    let mut n = 0usize;
    while g.causes.len() < 100_000 {
        for c in &base {
            let mut copy = c.clone();
            let word: String = (0..4)
                .map(|k| syllables[(n >> (3 * k)) % syllables.len()])
                .collect();
            copy.item.id = format!("{}-{n}", c.id).into();
            copy.item.name = format!("{} {word}", c.name);
            g.causes.push(copy);
            n += 1;
        }
    }
    g
}

/// Prints how long indexing and searching 100,000 causes take (no assertion on time):
/// `cargo test --release --test search -- --ignored --nocapture`.
#[test]
#[ignore = "prints timings"]
fn timings() {
    use std::time::Instant;
    let g = big_graph();
    let t = Instant::now();
    let s = Searcher::new(&g);
    println!("index {} causes: {:?}", g.causes.len(), t.elapsed());
    for q in [
        "s",
        "sci",
        "sciattica",
        "lower back pain",
        "pain",
        "xyzzy",
        "kalomiter",
    ] {
        let t = Instant::now();
        let causes = s.search(&g, q, Scope::Causes, &[]).len();
        let findings = s.search(&g, q, Scope::Findings, &[]).len();
        println!(
            "  search: {causes} causes, {findings} findings in {:?}",
            t.elapsed()
        );
        let t = Instant::now();
        let m = matches(&g, &s, q, &[]);
        let took = t.elapsed();
        let t = Instant::now();
        let near = if m.direct.is_empty() {
            s.suggest(&g, q).len()
        } else {
            0
        };
        println!(
            "{q:?}: {} direct, {} via in {took:?}; suggest {near} in {:?}",
            m.direct.len(),
            m.via.len(),
            t.elapsed()
        );
    }
}
