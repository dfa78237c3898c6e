//! Every id an item refers to must exist, in the right kind; otherwise say what was
//! probably meant.
//!
//! References are visited in the order the model declares its fields, which is the order
//! authors write them, so each report points at the right occurrence of the id.
//!
//! Suggestions are worked out once per unknown id and kind, from candidate lists built
//! once per kind, within one work budget for the run (see `suggest`).

use std::collections::HashMap;

use super::{Ctx, Kind, did_you_mean};
use crate::graph::model::{
    Answers, Cause, ChoiceOption, Condition, Finding, Outcome, Question, Region, TriageRule,
};
use crate::graph::suggest;
use crate::graph::triage::Triage;

/// The kind of thing a reference must name: one of the item kinds.
pub(super) type Target = Kind;

impl Kind {
    fn exists(self, ctx: &Ctx, id: &str) -> bool {
        ctx.graph.has(self, id)
    }

    fn candidates<'g>(self, ctx: &Ctx<'g>) -> Vec<&'g str> {
        match self {
            Kind::Triage => Triage::ALL.map(Triage::id).to_vec(),
            other => ctx.ids(other),
        }
    }
}

/// "Did you mean" hints so far, and what they are worked out from.
#[derive(Default)]
pub(crate) struct Hints<'g> {
    candidates: HashMap<Target, suggest::Candidates<'g>>,
    known: HashMap<(Target, &'g str), String>,
    budget: suggest::Budget,
}

/// The hint for an unknown id of a kind: ` (did you mean "x"?)`, or nothing.
fn hint<'g>(ctx: &mut Ctx<'g>, target: Target, id: &'g str) -> String {
    if let Some(known) = ctx.hints.known.get(&(target, id)) {
        return known.clone();
    }
    if !ctx.hints.candidates.contains_key(&target) {
        let list = suggest::Candidates::new(target.candidates(ctx));
        ctx.hints.candidates.insert(target, list);
    }
    let hints = &mut ctx.hints;
    let found = hints.candidates[&target].closest(id, &mut hints.budget);
    let hint = did_you_mean(&found);
    hints.known.insert((target, id), hint.clone());
    hint
}

/// The item a reference is written in, and how to describe where in it.
struct Owner {
    kind: Kind,
    idx: usize,
    context: String,
}

impl Owner {
    fn new(kind: Kind, idx: usize, id: &str) -> Self {
        Owner {
            kind,
            idx,
            context: format!("{} \"{id}\"", kind.noun()),
        }
    }

    /// The same item, described more narrowly: `the prior of cause "x"`.
    fn part(&self, part: &str) -> Self {
        Owner {
            context: format!("{part} of {}", self.context),
            ..*self
        }
    }
}

pub(super) fn check(ctx: &mut Ctx) {
    let graph = ctx.graph;
    for (idx, region) in graph.regions.iter().enumerate() {
        region_refs(ctx, &Owner::new(Kind::Region, idx, &region.id), region);
    }
    for (idx, finding) in graph.findings.iter().enumerate() {
        finding_refs(ctx, &Owner::new(Kind::Finding, idx, &finding.id), finding);
    }
    for (idx, cause) in graph.causes.iter().enumerate() {
        cause_refs(ctx, &Owner::new(Kind::Cause, idx, &cause.id), cause);
    }
    for (idx, question) in graph.questions.iter().enumerate() {
        question_refs(
            ctx,
            &Owner::new(Kind::Question, idx, &question.id),
            question,
        );
    }
    for (idx, page) in graph.guidance.iter().enumerate() {
        let owner = Owner::new(Kind::Guide, idx, &page.id);
        for section in &page.sections {
            each(ctx, &owner, Target::Source, "source", &section.sources);
        }
    }
    for (idx, rule) in graph.rules.iter().enumerate() {
        rule_refs(ctx, &Owner::new(Kind::Rule, idx, &rule.id), rule);
    }
}

/// Check one reference; report it when it names nothing of the right kind.
fn reference<'g>(ctx: &mut Ctx<'g>, owner: &Owner, target: Target, what: &str, id: &'g str) {
    let nth = ctx.ref_occurrence(owner.kind, owner.idx, id);
    if target.exists(ctx, id) {
        return;
    }
    // Placed only when reported: most references resolve.
    let here = ctx.string(owner.kind, owner.idx, id, nth);
    let hint = hint(ctx, target, id);
    let message = format!("unknown {what} \"{id}\" in {}{hint}", owner.context);
    ctx.error(here, message, id);
}

fn each<'g, Text: AsRef<str>>(
    ctx: &mut Ctx<'g>,
    owner: &Owner,
    target: Target,
    what: &str,
    ids: &'g [Text],
) {
    for id in ids {
        reference(ctx, owner, target, what, id.as_ref());
    }
}

fn maybe<'g>(ctx: &mut Ctx<'g>, owner: &Owner, target: Target, what: &str, id: &'g Option<String>) {
    if let Some(id) = id {
        reference(ctx, owner, target, what, id);
    }
}

fn region_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, region: &'g Region) {
    maybe(ctx, owner, Target::Region, "parent region", &region.parent);
    maybe(
        ctx,
        owner,
        Target::Question,
        "entry question",
        &region.entry,
    );
}

fn finding_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, finding: &'g Finding) {
    each(ctx, owner, Target::Finding, "finding", &finding.only_with);
    if let Some(flag) = &finding.red_flag {
        let owner = owner.part("the red flag");
        each(ctx, &owner, Target::Source, "source", &flag.sources);
    }
}

fn cause_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, cause: &'g Cause) {
    if let Some(prior) = &cause.prior {
        let part = owner.part("the prior");
        each(ctx, &part, Target::Source, "source", &prior.sources);
        for share in &prior.by_region {
            reference(ctx, &part, Target::Region, "region", &share.region);
        }
    }
    each(ctx, owner, Target::Region, "region", &cause.regions);
    for link in &cause.findings {
        reference(ctx, owner, Target::Finding, "finding", &link.0);
    }
    each(
        ctx,
        owner,
        Target::Finding,
        "required finding",
        &cause.requires,
    );
    each(ctx, owner, Target::Cause, "related cause", &cause.related);
    each(ctx, owner, Target::Source, "source", &cause.sources);
}

fn rule_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, rule: &'g TriageRule) {
    each(ctx, owner, Target::Finding, "finding", &rule.all);
    each(ctx, owner, Target::Finding, "finding", &rule.any);
    each(ctx, owner, Target::Finding, "finding", &rule.none);
    each(ctx, owner, Target::Region, "region", &rule.regions);
    each(ctx, owner, Target::Cause, "cause", &rule.points_at);
    each(ctx, owner, Target::Source, "source", &rule.sources);
}

fn question_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, question: &'g Question) {
    if let Some(condition) = &question.ask_if {
        condition_refs(ctx, &owner.part("the condition"), condition);
    }
    maybe(
        ctx,
        owner,
        Target::Question,
        "question",
        &question.otherwise,
    );
    match &question.answers {
        Answers::YesNo { yes, no, unsure } => {
            outcome_refs(ctx, &owner.part("the \"yes\" answer"), yes);
            outcome_refs(ctx, &owner.part("the \"no\" answer"), no);
            outcome_refs(ctx, &owner.part("the \"unsure\" answer"), unsure);
        }
        Answers::Choice(choices) => {
            for (i, choice) in choices.iter().enumerate() {
                choice_refs(ctx, &owner.part(&format!("choice {}", i + 1)), choice);
            }
        }
        Answers::Checklist(items) => {
            for (i, item) in items.iter().enumerate() {
                let owner = owner.part(&format!("item {}", i + 1));
                reference(ctx, &owner, Target::Finding, "finding", &item.finding);
            }
        }
    }
    maybe(ctx, owner, Target::Question, "question", &question.next);
}

fn outcome_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, outcome: &'g Outcome) {
    each(ctx, owner, Target::Finding, "finding", &outcome.add);
    each(ctx, owner, Target::Finding, "finding", &outcome.rule_out);
    maybe(ctx, owner, Target::Question, "question", &outcome.next);
}

fn choice_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, choice: &'g ChoiceOption) {
    each(ctx, owner, Target::Finding, "finding", &choice.add);
    each(ctx, owner, Target::Finding, "finding", &choice.rule_out);
    maybe(ctx, owner, Target::Question, "question", &choice.next);
}

fn condition_refs<'g>(ctx: &mut Ctx<'g>, owner: &Owner, condition: &'g Condition) {
    match condition {
        Condition::Has(id) | Condition::Lacks(id) => {
            reference(ctx, owner, Target::Finding, "finding", id);
        }
        Condition::InRegion(id) => reference(ctx, owner, Target::Region, "region", id),
        Condition::IsSex(_) | Condition::Age(_) => {}
        Condition::Not(inner) => condition_refs(ctx, owner, inner),
        Condition::All(all) | Condition::Any(all) => {
            for inner in all {
                condition_refs(ctx, owner, inner);
            }
        }
    }
}
