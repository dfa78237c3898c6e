//! What each item says: a graph with something to show, no empty sections, numbers in
//! range, causes that can be shown (with a region and a source, and a gloss that is not
//! empty and fits beside the name), red flags that say what to do, triage rules that can
//! tell people apart and say where their urgency comes from.

use std::collections::HashMap;

use super::{Ctx, Kind, is_blank};
use crate::graph::model::{
    AgeRange, Answers, Cause, ChecklistItem, GLOSS_MAX_CHARS, MAX_CHECKLIST_ITEMS, Prior,
    TriageRule, Weight,
};
use crate::graph::triage::Triage;

/// Likelihood ratios outside this range are typing mistakes, not published figures.
const LR_RANGE: std::ops::RangeInclusive<f64> = 0.01..=100.0;
/// Ages above this are typing mistakes.
const OLDEST_AGE: u8 = 120;

pub(super) fn check(ctx: &mut Ctx) {
    let graph = ctx.graph;
    nothing_to_show(ctx);
    // A blank triage level id is already an unknown triage level.
    for kind in Kind::ALL.into_iter().filter(|&k| k != Kind::Triage) {
        empty_ids(ctx, kind);
    }
    for (idx, level) in graph.triage.iter().enumerate() {
        let fields = [("label", &level.label), ("action", &level.action)];
        required(ctx, Kind::Triage, idx, level.id.id(), &fields);
    }
    for (idx, source) in graph.sources.iter().enumerate() {
        required(
            ctx,
            Kind::Source,
            idx,
            &source.id,
            &[("citation", &source.citation)],
        );
    }
    for (idx, region) in graph.regions.iter().enumerate() {
        required(
            ctx,
            Kind::Region,
            idx,
            &region.id,
            &[("name", &region.name)],
        );
    }
    for (idx, finding) in graph.findings.iter().enumerate() {
        required(
            ctx,
            Kind::Finding,
            idx,
            &finding.id,
            &[("name", &finding.name)],
        );
        if finding
            .red_flag
            .as_ref()
            .is_some_and(|flag| is_blank(&flag.advice))
        {
            let message = format!("red-flag finding \"{}\" has no advice", finding.id);
            ctx.error(
                ctx.nested_field(Kind::Finding, idx, "advice", 0),
                message,
                &finding.id,
            );
        }
    }
    for (idx, cause) in graph.causes.iter().enumerate() {
        cause_content(ctx, idx, cause);
    }
    questions(ctx);
    guidance(ctx);
    rules(ctx);
}

/// A graph without regions or without causes has nothing to offer anyone: it must not
/// pass as "ok". Reported at the (empty) section when a file has one.
fn nothing_to_show(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let sections = [
        (Kind::Region, graph.regions.is_empty(), "regions"),
        (Kind::Cause, graph.causes.is_empty(), "causes"),
    ];
    for (kind, empty, plural) in sections {
        if !empty {
            continue;
        }
        let here = (0..graph.files.len())
            .map(|file| ctx.section(file, kind.section()))
            .find(|loc| loc.offset.is_some())
            .unwrap_or_else(|| ctx.section(0, kind.section()));
        ctx.graph_error(here, format!("the graph has no {plural}"));
    }
}

fn empty_ids(ctx: &mut Ctx, kind: Kind) {
    for (idx, id) in ctx.ids(kind).into_iter().enumerate() {
        if is_blank(id) {
            ctx.error(
                ctx.item(kind, idx),
                format!("a {} has an empty id", kind.noun()),
                id,
            );
        }
    }
}

/// Each `(field, text)` must say something.
fn required(ctx: &mut Ctx, kind: Kind, idx: usize, id: &str, fields: &[(&str, &String)]) {
    for (field, text) in fields {
        if is_blank(text) {
            let message = format!("{} \"{id}\" has an empty section \"{field}\"", kind.noun());
            ctx.error(ctx.field(kind, idx, field), message, id);
        }
    }
}

/// A field of a struct nested in an item (a choice, a guidance section, a prior).
fn required_nested(
    ctx: &mut Ctx,
    kind: Kind,
    idx: usize,
    id: &str,
    (field, nth, part): (&str, usize, &str),
    text: &str,
) {
    if is_blank(text) {
        let message = format!(
            "{} \"{id}\" has an empty section \"{field}\" ({part})",
            kind.noun()
        );
        ctx.error(ctx.nested_field(kind, idx, field, nth), message, id);
    }
}

fn cause_content(ctx: &mut Ctx, idx: usize, cause: &Cause) {
    let fields = [
        ("name", &cause.name),
        ("summary", &cause.summary),
        ("feels", &cause.feels),
        ("seek_help", &cause.seek_help),
        ("diagnosis", &cause.diagnosis),
        ("treatment", &cause.treatment),
        ("prevention", &cause.prevention),
    ];
    required(ctx, Kind::Cause, idx, &cause.id, &fields);
    if let Some(gloss) = &cause.gloss {
        gloss_fits(ctx, idx, &cause.id, gloss);
    }
    if let Some(prior) = &cause.prior {
        required_nested(
            ctx,
            Kind::Cause,
            idx,
            &cause.id,
            ("basis", 0, "prior"),
            &prior.basis,
        );
        prior_range(ctx, idx, &cause.id, prior);
    }
    if let Some(age) = &cause.age {
        age_range(ctx, Kind::Cause, idx, &cause.id, age);
    }
    links(ctx, idx, cause);
    reached_and_sourced(ctx, idx, cause);
}

/// A gloss says something, in a phrase short enough to stand beside the name. Its
/// characters are checked with every other string (`text`).
fn gloss_fits(ctx: &mut Ctx, idx: usize, id: &str, gloss: &str) {
    let here = ctx.field(Kind::Cause, idx, "gloss");
    if is_blank(gloss) {
        let message = format!(
            "cause \"{id}\" has an empty gloss (give a few plain words that say what it is, or leave the gloss out)"
        );
        ctx.error(here, message, id);
        return;
    }
    let length = gloss.trim().chars().count();
    if length > GLOSS_MAX_CHARS {
        let message = format!(
            "gloss of cause \"{id}\" is {length} characters long, over {GLOSS_MAX_CHARS} (it is shown beside the name: a short phrase in plain words)"
        );
        ctx.error(here, message, id);
    }
}

fn prior_range(ctx: &mut Ctx, idx: usize, id: &str, prior: &Prior) {
    let shares = std::iter::once((None, prior.percent)).chain(
        prior
            .by_region
            .iter()
            .map(|b| (Some(b.region.as_str()), b.percent)),
    );
    for (nth, (region, p)) in shares.enumerate() {
        if !(p.is_finite() && p > 0.0 && p <= 100.0) {
            let whose = region.map_or(String::new(), |r| format!(" for region \"{r}\""));
            let message = format!(
                "prior of cause \"{id}\"{whose} is {p}%, out of range (it must be above 0 and at most 100)"
            );
            ctx.error(
                ctx.nested_field(Kind::Cause, idx, "percent", nth),
                message,
                id,
            );
        }
    }
}

/// The age range of a cause or a triage rule: the right way round and humanly possible.
fn age_range(ctx: &mut Ctx, kind: Kind, idx: usize, id: &str, age: &AgeRange) {
    let here = ctx.field(kind, idx, "age");
    let noun = kind.noun();
    if let (Some(min), Some(max)) = (age.min, age.max)
        && min > max
    {
        let message = format!(
            "age range of {noun} \"{id}\" is the wrong way round: min {min} is above max {max}"
        );
        ctx.error(here, message, id);
    }
    for (bound, value) in [("min", age.min), ("max", age.max)] {
        if let Some(value) = value.filter(|&v| v > OLDEST_AGE) {
            let message =
                format!("age range of {noun} \"{id}\" has {bound} {value}, above {OLDEST_AGE}");
            ctx.error(here, message, id);
        }
    }
}

/// Each finding once, and explicit likelihood ratios within reason.
fn links(ctx: &mut Ctx, idx: usize, cause: &Cause) {
    let id = cause.id.as_str();
    // How often each finding was linked before this link.
    let mut earlier: HashMap<&str, usize> = HashMap::new();
    for link in &cause.findings {
        let finding = link.0.as_str();
        let seen = earlier.entry(finding).or_insert(0);
        let nth = *seen;
        *seen += 1;
        // Placed only when reported.
        let here = |ctx: &Ctx| ctx.string(Kind::Cause, idx, finding, nth);
        if nth == 1 {
            ctx.error(
                here(ctx),
                format!("cause \"{id}\" links finding \"{finding}\" twice"),
                id,
            );
        }
        if let Weight::Lr(ratio) = link.1
            && !(ratio.is_finite() && LR_RANGE.contains(&ratio))
        {
            let message = format!(
                "weight Lr({ratio:?}) of finding \"{finding}\" in cause \"{id}\" is out of range (it must be between 0.01 and 100)"
            );
            ctx.error(here(ctx), message, id);
        }
    }
}

fn reached_and_sourced(ctx: &mut Ctx, idx: usize, cause: &Cause) {
    let id = cause.id.as_str();
    let graph = ctx.graph;
    let why = if cause.regions.is_empty() {
        Some("its regions list is empty")
    } else if cause.regions.iter().all(|r| graph.region(r).is_none()) {
        Some("none of its regions exist")
    } else {
        None
    };
    if let Some(why) = why {
        let message = format!("cause \"{id}\" is not reached from any region: {why}");
        ctx.error(ctx.field(Kind::Cause, idx, "regions"), message, id);
    }
    if cause.sources.is_empty() {
        ctx.error(
            ctx.field(Kind::Cause, idx, "sources"),
            format!("cause \"{id}\" has no source"),
            id,
        );
    }
}

fn questions(ctx: &mut Ctx) {
    let graph = ctx.graph;
    for (idx, question) in graph.questions.iter().enumerate() {
        let id = question.id.as_str();
        required(ctx, Kind::Question, idx, id, &[("text", &question.text)]);
        if let Answers::Checklist(items) = &question.answers {
            checklist(ctx, idx, id, items);
            continue;
        }
        let Answers::Choice(choices) = &question.answers else {
            continue;
        };
        if choices.is_empty() {
            let message = format!("question \"{id}\" has no choices");
            ctx.error(ctx.field(Kind::Question, idx, "answers"), message, id);
        }
        for (i, choice) in choices.iter().enumerate() {
            let part = format!("choice {}", i + 1);
            required_nested(
                ctx,
                Kind::Question,
                idx,
                id,
                ("label", i, &part),
                &choice.label,
            );
        }
    }
}

/// A checklist has between 1 and `MAX_CHECKLIST_ITEMS` items, each with a label and a
/// finding of its own.
fn checklist(ctx: &mut Ctx, idx: usize, id: &str, items: &[ChecklistItem]) {
    if items.is_empty() || items.len() > MAX_CHECKLIST_ITEMS {
        let message = format!(
            "question \"{id}\" has a checklist of {} items; it needs 1 to {MAX_CHECKLIST_ITEMS}",
            items.len()
        );
        ctx.error(ctx.field(Kind::Question, idx, "answers"), message, id);
    }
    for (i, item) in items.iter().enumerate() {
        let part = format!("item {}", i + 1);
        required_nested(
            ctx,
            Kind::Question,
            idx,
            id,
            ("label", i, &part),
            &item.label,
        );
        if items[..i]
            .iter()
            .any(|earlier| earlier.finding == item.finding)
        {
            let message = format!(
                "question \"{id}\" lists the finding \"{}\" twice in its checklist ({part})",
                item.finding
            );
            ctx.error(
                ctx.nested_field(Kind::Question, idx, "finding", i),
                message,
                id,
            );
        }
    }
}

fn guidance(ctx: &mut Ctx) {
    let graph = ctx.graph;
    for (idx, page) in graph.guidance.iter().enumerate() {
        let id = page.id.as_str();
        required(ctx, Kind::Guide, idx, id, &[("title", &page.title)]);
        if page.sections.is_empty() {
            let message = format!("guidance page \"{id}\" has no sections");
            ctx.error(ctx.field(Kind::Guide, idx, "sections"), message, id);
        }
        for (i, section) in page.sections.iter().enumerate() {
            let part = format!("section {}", i + 1);
            required_nested(
                ctx,
                Kind::Guide,
                idx,
                id,
                ("heading", i, &part),
                &section.heading,
            );
            required_nested(ctx, Kind::Guide, idx, id, ("text", i, &part), &section.text);
        }
    }
}

fn rules(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let any_recent = graph.findings.iter().any(|f| f.recent);
    for (idx, rule) in graph.rules.iter().enumerate() {
        let id = rule.id.as_str();
        let fields = [("name", &rule.name), ("advice", &rule.advice)];
        required(ctx, Kind::Rule, idx, id, &fields);
        if has_no_condition(rule) {
            let message = format!(
                "triage rule \"{id}\" has no condition, so it fires for everyone (give it findings, regions, an age, a sex or new_or_worse)"
            );
            ctx.error(ctx.item(Kind::Rule, idx), message, id);
        }
        if let Some(age) = &rule.age {
            age_range(ctx, Kind::Rule, idx, id, age);
        }
        if rule.new_or_worse && !any_recent {
            let message = format!(
                "triage rule \"{id}\" needs a new or worsening finding (new_or_worse: true), but no finding is marked recent: true, so it can never fire"
            );
            ctx.error(ctx.field(Kind::Rule, idx, "new_or_worse"), message, id);
        }
        let level = rule.triage;
        if level >= Triage::Urgent && rule.sources.is_empty() {
            let message = format!(
                "triage rule \"{id}\" sets the {} level but cites no source",
                rule.triage
            );
            ctx.error(ctx.field(Kind::Rule, idx, "sources"), message, id);
        }
    }
}

/// Nothing narrows the rule down: it would fire for every person.
fn has_no_condition(rule: &TriageRule) -> bool {
    rule.all.is_empty()
        && rule.any.is_empty()
        && rule.none.is_empty()
        && rule.regions.is_empty()
        && rule.age.is_none()
        && rule.sex.is_none()
        && !rule.new_or_worse
}
