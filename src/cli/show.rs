//! `show ID`: everything about one item, wrapped to the terminal width.
//!
//! A cause shows every section; a finding, region, guidance page, source or question
//! shows what it is and what it is linked to. Every page ends with the notice.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::escape::visible;
use super::ids::{ambiguous, by_name, unknown};
use super::list::causes_in;
use super::load::load;
use super::output::{Doc, INDENT, Paint, Tone, emit, emit_json, fill_json};
use super::words::{
    WeightGroup, answer_paths, condition, finding_name, gloss_suffix, kind_words, lr_note, number,
    weight_id,
};
use super::{Failure, Globals, NOTICE, ShowArgs};
use crate::graph::{Cause, Finding, Graph, GuidancePage, Id, Question, Region, Source, Triage};

pub fn run(globals: &Globals, args: &ShowArgs) -> Result<(), Failure> {
    let graph = load(globals)?;
    let given = args.id.trim();
    // An id as given; else the one item an id, name or alias names, whatever the case.
    let found = if graph.all_ids().any(|id| id == given) {
        given.to_string()
    } else {
        match by_name(&graph, given).as_slice() {
            [] => return Err(unknown(&graph, "id", given, graph.all_ids())),
            [one] => one.id.clone(),
            several => return Err(ambiguous(given, several)),
        }
    };
    let id = found.as_str();
    let paint = Paint::detect();
    let (text, mut value) = if let Some(c) = graph.cause(id) {
        (cause_text(&paint, &graph, c), cause_json(&graph, c))
    } else if let Some(f) = graph.finding(id) {
        (finding_text(&paint, &graph, f), finding_json(&graph, f))
    } else if let Some(g) = graph.guide(id) {
        (guide_text(&paint, &graph, g), guide_json(&graph, g))
    } else if let Some(r) = graph.region(id) {
        (region_text(&paint, &graph, r), region_json(&graph, r))
    } else if let Some(s) = graph.source(id) {
        (source_text(&paint, &graph, s), source_json(&graph, s))
    } else if let Some(q) = graph.question(id) {
        (
            question_text(&paint, &graph, q),
            json!({ "type": "question", "question": q }),
        )
    } else {
        return Err(unknown(&graph, "id", id, graph.all_ids()));
    };
    if globals.json {
        if let Value::Object(map) = &mut value {
            map.insert("notice".to_string(), json!(NOTICE));
        }
        fill_json(&mut value);
        emit_json(&value)
    } else {
        emit(&text)
    }
}

/// `label (id)`.
fn named(name: &str, id: &str) -> String {
    format!("{name} ({id})")
}

/// "id: x · also called: a, b".
fn details(id: &str, extra: &[(&str, String)]) -> String {
    let mut parts = vec![format!("id: {id}")];
    for (label, value) in extra {
        if !value.is_empty() {
            parts.push(format!("{label}: {value}"));
        }
    }
    parts.join("  |  ")
}

/// A triage level's label and action, and the level itself when it is a known id.
fn triage_of(graph: &Graph, id: &str) -> (Option<Triage>, String, String) {
    match Triage::parse(id) {
        Some(level) => {
            let (label, action) = graph.triage_level(level);
            (Some(level), label, action)
        }
        None => (None, id.to_string(), String::new()),
    }
}

/// `Triage: Urgent (urgent)`, and the level's action under it when `with_action`.
fn triage_field(doc: &mut Doc, graph: &Graph, label: &str, id: &str, with_action: bool) {
    let (level, name, action) = triage_of(graph, id);
    let tone = level.map_or(Tone::Strong, Tone::Triage);
    doc.field_toned(label, &format!("{name} ({id})"), tone);
    if with_action && !action.is_empty() {
        doc.text(&action, INDENT, Tone::Plain);
    }
}

/// The cited sources, each once, in the order given.
fn cited<'g>(graph: &'g Graph, ids: impl IntoIterator<Item = &'g Id>) -> Vec<&'g Source> {
    let mut seen = BTreeSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| graph.source(id))
        .collect()
}

fn sources_section(doc: &mut Doc, sources: &[&Source]) {
    if sources.is_empty() {
        return;
    }
    doc.heading("Sources");
    for s in sources {
        doc.item(&format!("[{}] {}", s.id, s.citation), INDENT);
        if let Some(url) = &s.url {
            doc.text(url, INDENT + 2, Tone::Dim);
        }
    }
}

fn red_flag_note(graph: &Graph, finding: &str) -> String {
    graph
        .finding(finding)
        .and_then(|f| f.red_flag.as_ref())
        .map(|r| format!(" [red flag: {}]", r.triage))
        .unwrap_or_default()
}

pub fn cause_text(paint: &Paint, graph: &Graph, c: &Cause) -> String {
    let mut doc = Doc::new(paint);
    glossed_name(&mut doc, &c.name, c.gloss.as_deref());
    doc.text(
        &details(&c.id, &[("also called", c.aliases.join(", "))]),
        0,
        Tone::Dim,
    );
    doc.blank();
    triage_field(&mut doc, graph, "Triage", c.triage.id(), true);
    let mut common = c.prevalence.label().to_string();
    if let Some(prior) = &c.prior {
        common.push_str(&format!(
            " (about {}% of people with pain in these regions)",
            number(prior.percent)
        ));
    }
    doc.field("How common", &common);
    if let Some(prior) = &c.prior {
        let mut basis = prior.basis.clone();
        if !prior.sources.is_empty() {
            basis.push_str(&format!(" [{}]", prior.sources.join(", ")));
        }
        doc.text(&basis, INDENT, Tone::Plain);
    }
    if let Some(code) = &c.icd10 {
        doc.field("ICD-10", code);
    }
    let regions: Vec<&str> = c
        .regions
        .iter()
        .map(|r| graph.region(r).map_or(r.as_str(), |r| r.name.as_str()))
        .collect();
    doc.field("Felt in", &regions.join(", "));
    if let Some(age) = &c.age {
        doc.field(
            "Usual ages",
            &crate::engine::evidence::describe_age(age).clone(),
        );
    }
    if let Some(sex) = c.sex {
        doc.field("Only affects", &format!("{sex:?}").to_lowercase());
    }

    doc.section("Summary", &c.summary);
    doc.section("How it feels", &c.feels);
    doc.section("When to seek help", &c.seek_help);
    doc.section("How it is diagnosed", &c.diagnosis);
    doc.section("Treatment", &c.treatment);
    doc.section("Prevention", &c.prevention);

    doc.heading("Typical findings");
    for group in WeightGroup::ALL {
        let links: Vec<_> = c
            .findings
            .iter()
            .filter(|l| WeightGroup::of(l.1) == group)
            .collect();
        if links.is_empty() {
            continue;
        }
        doc.text(group.heading(), INDENT, Tone::Strong);
        for link in links {
            let text = format!(
                "{}{}{}",
                named(finding_name(graph, &link.0), &link.0),
                lr_note(link.1),
                red_flag_note(graph, &link.0)
            );
            doc.item(&text, INDENT * 2);
        }
    }

    if !c.related.is_empty() {
        doc.heading("Related");
        for id in &c.related {
            let name = graph.cause(id).map_or(id.as_str(), |r| r.name.as_str());
            doc.item(&named(name, id), INDENT);
        }
    }
    let prior_sources = c.prior.iter().flat_map(|p| &p.sources);
    sources_section(
        &mut doc,
        &cited(graph, c.sources.iter().chain(prior_sources)),
    );
    doc.notice(NOTICE);
    doc.finish()
}

/// The name in bold with its gloss beside it ("Sciatica: an irritated nerve ..."), or,
/// when the two do not fit on one line, the gloss on the line under the name.
fn glossed_name(doc: &mut Doc, name: &str, gloss: Option<&str>) {
    let suffix = gloss_suffix(name, gloss);
    let paint = *doc.paint();
    if !suffix.is_empty() && visible(name).width() + visible(&suffix).width() <= paint.width {
        let line = format!(
            "{}{}",
            paint.tone(Tone::Strong, name),
            paint.tone(Tone::Plain, &suffix)
        );
        doc.line(&line);
        return;
    }
    doc.text(name, 0, Tone::Strong);
    if let Some(gloss) = gloss.filter(|g| !g.trim().is_empty()) {
        doc.text(gloss.trim(), 0, Tone::Plain);
    }
}

fn cause_json(graph: &Graph, c: &Cause) -> Value {
    let (_, label, action) = triage_of(graph, c.triage.id());
    let prior_sources = c.prior.iter().flat_map(|p| &p.sources);
    let findings: Vec<Value> = c
        .findings
        .iter()
        .map(|l| {
            json!({
                "id": l.0,
                "name": finding_name(graph, &l.0),
                "weight": weight_id(l.1),
                "red_flag": graph.finding(&l.0).and_then(|f| f.red_flag.as_ref()).map(|r| &r.triage),
            })
        })
        .collect();
    json!({
        "type": "cause",
        "cause": c,
        "triage": { "id": c.triage, "label": label, "action": action },
        "findings": findings,
        "citations": cited(graph, c.sources.iter().chain(prior_sources)),
    })
}

/// The causes that link a finding, with the weight of each link.
fn linked_causes<'g>(graph: &'g Graph, finding: &str) -> Vec<(&'g Cause, crate::graph::Weight)> {
    graph
        .causes
        .iter()
        .filter_map(|c| {
            c.findings
                .iter()
                .find(|l| l.0 == finding)
                .map(|l| (&c.item, l.1))
        })
        .collect()
}

/// Questions whose answers add or rule out a finding.
fn asking_questions<'g>(graph: &'g Graph, finding: &str) -> Vec<&'g Question> {
    graph
        .questions
        .iter()
        .filter(|q| {
            answer_paths(q).iter().any(|a| {
                a.add.iter().any(|f| f == finding) || a.rule_out.iter().any(|f| f == finding)
            })
        })
        .map(|q| &q.item)
        .collect()
}

pub fn finding_text(paint: &Paint, graph: &Graph, f: &Finding) -> String {
    let mut doc = Doc::new(paint);
    doc.title(
        &f.name,
        &details(
            &f.id,
            &[
                ("kind", kind_words(f.kind).to_string()),
                ("also called", f.aliases.join(", ")),
            ],
        ),
    );
    if let Some(flag) = &f.red_flag {
        doc.blank();
        triage_field(&mut doc, graph, "Red flag", flag.triage.id(), false);
        doc.text(&flag.advice, INDENT, Tone::Strong);
        if !flag.sources.is_empty() {
            doc.text(
                &format!("Sources: {}", flag.sources.join(", ")),
                INDENT,
                Tone::Dim,
            );
        }
    }
    let links = linked_causes(graph, &f.id);
    for group in WeightGroup::ALL {
        let in_group: Vec<_> = links
            .iter()
            .filter(|(_, w)| WeightGroup::of(*w) == group)
            .collect();
        if in_group.is_empty() {
            continue;
        }
        doc.heading(group.causes_heading());
        for (c, w) in in_group {
            doc.item(&format!("{}{}", named(&c.name, &c.id), lr_note(*w)), INDENT);
        }
    }
    let questions = asking_questions(graph, &f.id);
    if !questions.is_empty() {
        doc.heading("Asked about in");
        for q in questions {
            doc.item(&format!("{}: {}", q.id, q.text), INDENT);
        }
    }
    if let Some(flag) = &f.red_flag {
        sources_section(&mut doc, &cited(graph, &flag.sources));
    }
    doc.notice(NOTICE);
    doc.finish()
}

fn finding_json(graph: &Graph, f: &Finding) -> Value {
    let causes: Vec<Value> = linked_causes(graph, &f.id)
        .into_iter()
        .map(|(c, w)| json!({ "id": c.id, "name": c.name, "weight": weight_id(w) }))
        .collect();
    let questions: Vec<&str> = asking_questions(graph, &f.id)
        .into_iter()
        .map(|q| q.id.as_str())
        .collect();
    json!({ "type": "finding", "finding": f, "causes": causes, "questions": questions })
}

pub fn guide_text(paint: &Paint, graph: &Graph, g: &GuidancePage) -> String {
    let mut doc = Doc::new(paint);
    doc.title(&g.title, &details(&g.id, &[]));
    for section in &g.sections {
        doc.section(&section.heading, &section.text);
        if !section.sources.is_empty() {
            doc.text(
                &format!("Sources: {}", section.sources.join(", ")),
                INDENT,
                Tone::Dim,
            );
        }
    }
    sources_section(
        &mut doc,
        &cited(graph, g.sections.iter().flat_map(|s| &s.sources)),
    );
    doc.notice(NOTICE);
    doc.finish()
}

fn guide_json(graph: &Graph, g: &GuidancePage) -> Value {
    json!({
        "type": "guide",
        "guide": g,
        "citations": cited(graph, g.sections.iter().flat_map(|s| &s.sources)),
    })
}

pub fn region_text(paint: &Paint, graph: &Graph, r: &Region) -> String {
    let mut doc = Doc::new(paint);
    let parent = r
        .parent
        .as_deref()
        .map(|p| named(graph.region(p).map_or(p, |p| p.name.as_str()), p))
        .unwrap_or_default();
    doc.title(
        &r.name,
        &details(
            &r.id,
            &[("also called", r.aliases.join(", ")), ("part of", parent)],
        ),
    );
    let parts: Vec<String> = graph
        .regions
        .iter()
        .filter(|c| c.parent.as_deref() == Some(r.id.as_str()))
        .map(|c| named(&c.name, &c.id))
        .collect();
    doc.blank();
    if !parts.is_empty() {
        doc.field("Parts", &parts.join(", "));
    }
    if let Some(entry) = graph.entry_question(&r.id) {
        let inherited = if r.entry.is_none() {
            " (from the larger region)"
        } else {
            ""
        };
        let text = graph.question(entry).map_or("", |q| q.text.as_str());
        doc.field("First question", &format!("{entry}{inherited}: {text}"));
    }
    doc.heading("Causes felt here, most common first");
    for i in causes_in(graph, Some(&r.id)) {
        let c = &graph.causes[i];
        doc.item(
            &format!(
                "{} - {}, {}",
                named(&c.name, &c.id),
                c.prevalence.label(),
                c.triage
            ),
            INDENT,
        );
    }
    doc.notice(NOTICE);
    doc.finish()
}

fn region_json(graph: &Graph, r: &Region) -> Value {
    let causes: Vec<&str> = causes_in(graph, Some(&r.id))
        .into_iter()
        .map(|i| graph.causes[i].id.as_str())
        .collect();
    json!({
        "type": "region",
        "region": r,
        "entry_question": graph.entry_question(&r.id),
        "causes": causes,
    })
}

/// Everything that cites a source: `(kind, id)`.
fn citing<'g>(graph: &'g Graph, source: &str) -> Vec<(&'static str, &'g str)> {
    let has = |ids: &[Id]| ids.iter().any(|s| s == source);
    let mut out = Vec::new();
    for c in &graph.causes {
        if has(&c.sources) || c.prior.as_ref().is_some_and(|p| has(&p.sources)) {
            out.push(("cause", c.id.as_str()));
        }
    }
    for f in &graph.findings {
        if f.red_flag.as_ref().is_some_and(|r| has(&r.sources)) {
            out.push(("finding", f.id.as_str()));
        }
    }
    for g in &graph.guidance {
        if g.sections.iter().any(|s| has(&s.sources)) {
            out.push(("guide", g.id.as_str()));
        }
    }
    out
}

pub fn source_text(paint: &Paint, graph: &Graph, s: &Source) -> String {
    let mut doc = Doc::new(paint);
    doc.title(&s.citation, &details(&s.id, &[]));
    if let Some(url) = &s.url {
        doc.blank();
        doc.field("Link", url);
    }
    let users = citing(graph, &s.id);
    if !users.is_empty() {
        doc.heading("Cited by");
        for (kind, id) in users {
            doc.item(&format!("{kind} {id}"), INDENT);
        }
    }
    doc.notice(NOTICE);
    doc.finish()
}

fn source_json(graph: &Graph, s: &Source) -> Value {
    let users: Vec<Value> = citing(graph, &s.id)
        .into_iter()
        .map(|(kind, id)| json!({ "type": kind, "id": id }))
        .collect();
    json!({ "type": "source", "source": s, "cited_by": users })
}

pub fn question_text(paint: &Paint, _graph: &Graph, q: &Question) -> String {
    let mut doc = Doc::new(paint);
    doc.title(&q.text, &details(&q.id, &[]));
    if let Some(help) = &q.help {
        doc.text(help, 0, Tone::Plain);
    }
    doc.blank();
    if let Some(cond) = &q.ask_if {
        let skip_to = q
            .otherwise
            .as_deref()
            .or(q.next.as_deref())
            .unwrap_or("the end");
        doc.field(
            "Asked only if",
            &format!("{} (otherwise: {skip_to})", condition(cond)),
        );
    }
    doc.heading("Answers");
    for a in answer_paths(q) {
        let mut text = a.label.clone();
        let effects = a.effects();
        if !effects.is_empty() {
            text.push_str(&format!(": {effects}"));
        }
        text.push_str(&format!(" -> {}", a.next.unwrap_or("end")));
        doc.item(&text, INDENT);
    }
    doc.notice(NOTICE);
    doc.finish()
}
