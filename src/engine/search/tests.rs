use super::*;
use crate::graph::{SourceText, Weight, parse};

fn graph() -> Graph {
    let text = r#"Graph(
        findings: [
            Finding(id: "tingling", name: "Tingling", aliases: ["pins and needles"], kind: Nerve),
            Finding(id: "sjogren", name: "Sjögren dryness", kind: General),
        ],
        causes: [
            Cause(id: "sciatica", name: "Sciatica", aliases: ["trapped nerve in the back"], prevalence: Common,
                regions: [], findings: [], triage: "soon", summary: "", feels: "", seek_help: "",
                diagnosis: "", treatment: "", prevention: "", sources: []),
            Cause(id: "disc", name: "Slipped disc", aliases: ["sciatic disc"], prevalence: Common,
                regions: [], findings: [], triage: "soon", summary: "", feels: "", seek_help: "",
                diagnosis: "", treatment: "", prevention: "", sources: []),
            Cause(id: "neck", name: "Neck disc herniation", prevalence: Common,
                regions: [], findings: [], triage: "soon", summary: "", feels: "", seek_help: "",
                diagnosis: "", treatment: "", prevention: "", sources: []),
            Cause(id: "kidney", name: "Kidney stone (renal colic)", aliases: ["haematuria"], prevalence: Common,
                regions: [], findings: [], triage: "soon", summary: "", feels: "", seek_help: "",
                diagnosis: "", treatment: "", prevention: "", sources: []),
        ],
    )"#;
    parse(vec![SourceText::new("t.ron", text)]).expect("parses")
}

fn first(g: &Graph, query: &str) -> Option<String> {
    let hits = Searcher::new(g).search(g, query, Scope::Both, &[]);
    hits.first().map(|h| h.id.clone())
}

#[test]
fn three_letters_find_a_cause() {
    let g = graph();
    let hits = Searcher::new(&g).search(&g, "sci", Scope::Both, &[]);
    assert_eq!(hits[0].id, "sciatica");
    assert_eq!(hits[0].indices, [0, 1, 2]);
}

#[test]
fn aliases_and_accents_match() {
    let g = graph();
    let s = Searcher::new(&g);
    let hits = s.search(&g, "pins needles", Scope::Findings, &[]);
    assert_eq!(hits[0].id, "tingling");
    assert!(hits[0].via_alias);
    assert_eq!(hits[0].text, "pins and needles");
    assert_eq!(hits[0].indices, [0, 1, 2, 3, 9, 10, 11, 12, 13, 14, 15]);
    assert_eq!(s.search(&g, "sjogren", Scope::Both, &[])[0].id, "sjogren");
    assert_eq!(first(&g, "sciática").as_deref(), Some("sciatica"));
}

#[test]
fn every_term_must_match() {
    let g = graph();
    let s = Searcher::new(&g);
    assert!(s.search(&g, "sciatica zebra", Scope::Both, &[]).is_empty());
    assert!(s.search(&g, "  ", Scope::Both, &[]).is_empty());
    assert!(s.search(&g, "!!", Scope::Both, &[]).is_empty());
}

#[test]
fn scattered_letters_do_not_match() {
    let g = graph();
    let s = Searcher::new(&g);
    assert!(
        s.match_text("Greater trochanteric pain syndrome", "pins")
            .is_none()
    );
    assert!(s.match_text("Spinal stenosis", "pins").is_none());
    assert!(s.match_text("Pins and needles", "pins").is_some());
    assert!(s.match_text("Neck disc herniation", "sciat").is_none());
    let ids: Vec<String> = s
        .search(&g, "sciat", Scope::Both, &[])
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(ids, ["sciatica", "disc"]);
}

#[test]
fn typos_are_forgiven_and_the_word_highlighted() {
    let g = graph();
    let s = Searcher::new(&g);
    let (_, idx) = s
        .match_text("Sciatica", "sciatca")
        .expect("a missed letter");
    assert_eq!(idx, (0..8).collect::<Vec<_>>());
    assert_eq!(first(&g, "sciattica").as_deref(), Some("sciatica"));
    let hits = s.search(&g, "slipped dsic", Scope::Both, &[]);
    assert_eq!(hits[0].id, "disc");
    assert_eq!(
        hits[0].indices,
        (0..12).filter(|&i| i != 7).collect::<Vec<_>>()
    );
    // "disc" is in the graph, so a near miss of it does not count for "dis".
    assert!(s.match_text("Slipped disc", "dics").is_some());
}

#[test]
fn words_in_any_order_plurals_spellings_and_synonyms() {
    let g = graph();
    assert_eq!(first(&g, "disc slipped").as_deref(), Some("disc"));
    assert_eq!(first(&g, "slipped disks").as_deref(), Some("disc"));
    assert_eq!(first(&g, "kidney stones").as_deref(), Some("kidney"));
    assert_eq!(first(&g, "renal stone").as_deref(), Some("kidney"));
    assert_eq!(first(&g, "hematuria").as_deref(), Some("kidney"));
    assert_eq!(first(&g, "sciatica pain").as_deref(), Some("sciatica"));
    assert_eq!(
        first(&g, "kidneystone").as_deref(),
        Some("kidney"),
        "two words run together"
    );
    let s = Searcher::new(&g);
    let hits = s.search(&g, "kidney stones", Scope::Both, &[]);
    assert_eq!(hits[0].text, "Kidney stone (renal colic)");
    assert_eq!(
        hits[0].indices,
        (0..12).filter(|&i| i != 6).collect::<Vec<_>>()
    );
}

#[test]
fn nothing_found_suggests_the_closest_names() {
    let g = graph();
    let s = Searcher::new(&g);
    assert!(s.search(&g, "kidnee stoan", Scope::Both, &[]).is_empty());
    assert_eq!(
        s.suggest(&g, "kidnee stoan").first().map(String::as_str),
        Some("Kidney stone (renal colic)")
    );
    assert!(s.suggest(&g, "qqqqqq").is_empty());
}

#[test]
fn ties_follow_the_given_order_and_any_graph_is_searched() {
    let g = graph();
    let s = Searcher::new(&g);
    let (a, _) = s.match_text("abc", "abc").expect("matches");
    let (b, _) = s.match_text("ABC", "abc").expect("matches");
    assert_eq!(a, b);
    let order = [2, 1, 0, 3];
    let hits = s.search(&g, "disc", Scope::Causes, &order);
    assert_eq!(
        hits[0].id, "disc",
        "the better match first, whatever the order"
    );
    assert_eq!(positions(&order, 5), [2, 1, 0, 3, 8]);
    let g2 = parse(vec![SourceText::new(
        "t.ron",
        r#"Graph(causes: [
        Cause(id: "a", name: "Disc one", prevalence: Common, regions: [], findings: [],
            triage: "soon", summary: "", feels: "", seek_help: "", diagnosis: "", treatment: "",
            prevention: "", sources: []),
        Cause(id: "b", name: "Disc two", prevalence: Common, regions: [], findings: [],
            triage: "soon", summary: "", feels: "", seek_help: "", diagnosis: "", treatment: "",
            prevention: "", sources: []),
    ])"#,
    )])
    .expect("parses");
    let s2 = Searcher::new(&g2);
    assert_eq!(s2.search(&g2, "disc", Scope::Both, &[])[0].id, "a");
    assert_eq!(
        s2.search(&g2, "disc", Scope::Both, &[1, 0])[0].id,
        "b",
        "a tie: the ranking decides"
    );
    let empty = Searcher::default().search(&g, "sci", Scope::Both, &[]);
    assert_eq!(empty, s.search(&g, "sci", Scope::Both, &[]));
}

fn fixture() -> Graph {
    let text = include_str!("../../../tests/fixtures/ui-graph.ron");
    parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses")
}

fn ids<'a>(g: &'a Graph, m: &Matches) -> (Vec<&'a str>, Vec<(&'a str, &'a str)>) {
    (
        m.direct
            .iter()
            .map(|h| g.causes[h.index].id.as_str())
            .collect(),
        m.via
            .iter()
            .map(|v| {
                (
                    g.causes[v.cause].id.as_str(),
                    g.findings[v.finding].id.as_str(),
                )
            })
            .collect(),
    )
}

#[test]
fn a_symptom_alias_lists_the_causes_that_link_it() {
    let g = fixture();
    let s = Searcher::new(&g);
    let m = matches(&g, &s, "pins and needles", &[]);
    let (direct, via) = ids(&g, &m);
    assert!(direct.is_empty());
    assert_eq!(
        via,
        [("sciatica", "tingling"), ("cauda-equina", "tingling")]
    );
    let order = [2, 1, 0, 3];
    let m = matches(&g, &s, "pins and needles", &order);
    let (_, via) = ids(&g, &m);
    assert_eq!(via[0].0, "cauda-equina", "in the ranking's order");
    assert!(
        m.via[0].indices.is_empty(),
        "the alias matched, not the name"
    );
}

#[test]
fn direct_matches_come_first_and_are_not_repeated() {
    let g = fixture();
    let s = Searcher::new(&g);
    // "sciatica" matches the cause by name and links "shooting down the leg" too.
    let m = matches(&g, &s, "sciatica", &[]);
    let (direct, via) = ids(&g, &m);
    assert_eq!(direct, ["sciatica"]);
    assert!(via.iter().all(|(c, _)| *c != "sciatica"));
    let m = matches(&g, &s, "leg", &[]);
    let (_, via) = ids(&g, &m);
    assert!(via.contains(&("sciatica", "radiates-below-knee")));
    let m = matches(&g, &s, "tingling", &[]);
    assert_eq!(
        m.via[0].indices,
        [0, 1, 2, 3, 4, 5, 6, 7],
        "name highlighted"
    );
}

#[test]
fn loose_symptom_matches_and_links_against_do_not_count() {
    let g = fixture();
    let s = Searcher::new(&g);
    // "pns" is not the start of a word in "pins and needles"; "ingl" is inside one.
    assert!(matches(&g, &s, "pns", &[]).via.is_empty());
    assert!(matches(&g, &s, "ingl", &[]).via.is_empty());
    assert!(!via_points_towards(Weight::Against));
    assert!(!via_points_towards(Weight::Lr(0.5)));
    assert!(via_points_towards(Weight::Lr(3.0)));
}

fn via_points_towards(w: Weight) -> bool {
    index::points_towards(w)
}
