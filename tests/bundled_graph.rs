//! The bundled graph is embedded in the binary: a broken edit must not land.

use symptom_explorer::graph::{self, Severity, Triage, load};

#[test]
fn bundled_graph_has_no_errors() {
    let (graph, diagnostics) = graph::check(load::bundled());
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.is_empty(),
        "bundled graph errors:\n{}",
        errors.join("\n")
    );
    let warnings: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    println!("{} warnings:\n{}", warnings.len(), warnings.join("\n"));
    assert!(graph.is_some());
}

#[test]
fn bundled_graph_meets_the_content_brief() {
    let graph = graph::Graph::bundled().expect("loads");
    assert!(graph.causes.len() >= 22, "{} causes", graph.causes.len());
    assert!(graph.findings.len() >= 50);
    assert!(graph.regions.len() >= 14);
    assert!(graph.sources.len() >= 16);
    for level in Triage::ALL {
        assert!(graph.triage.iter().any(|t| t.id == level), "{level:?}");
    }
    for cause in &graph.causes {
        assert!(cause.findings.len() >= 5, "{} has few findings", cause.id);
        assert!(cause.sources.len() >= 2, "{} has few sources", cause.id);
    }
    for id in [
        "bladder-change",
        "bowel-incontinence",
        "saddle-numbness",
        "both-legs",
        "foot-drop",
        "progressive-weakness",
        "fever",
        "history-cancer",
        "weight-loss",
        "significant-trauma",
        "steroid-use",
        "injecting-drugs",
        "night-pain",
    ] {
        let finding = graph.finding(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(finding.red_flag.is_some(), "{id} is not a red flag");
    }
}

/// Every cause says what its name means in plain words, a phrase that fits beside the
/// name ("Cauda equina syndrome: squashed nerves at the bottom of the spine").
#[test]
fn every_bundled_cause_has_a_plain_gloss() {
    let graph = graph::Graph::bundled().expect("loads");
    for cause in &graph.causes {
        let id = &cause.id;
        let gloss = cause
            .gloss
            .as_deref()
            .unwrap_or_else(|| panic!("{id} has no gloss"));
        assert!(
            !gloss.trim().is_empty() && gloss.chars().count() <= graph::GLOSS_MAX_CHARS,
            "{id}: {gloss:?}"
        );
        assert_eq!(gloss, gloss.trim(), "{id}: no blanks around it");
        assert!(!gloss.ends_with('.'), "{id}: no full stop: {gloss:?}");
        assert!(
            gloss.starts_with(|c: char| c.is_lowercase()),
            "{id}: a phrase that follows the name: {gloss:?}"
        );
        assert!(
            !cause.name.to_lowercase().contains(&gloss.to_lowercase()),
            "{id}: says it another way than the name: {gloss:?}"
        );
    }
}
