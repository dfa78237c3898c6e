//! Warnings: content that is allowed but does nothing, or does too little.

use std::collections::HashSet;

use super::{Ctx, Kind};
use crate::graph::Id;
use crate::graph::load::Graph;
use crate::graph::model::{Condition, Weight};

/// Fewer findings than this and a cause can hardly be told apart from the others.
const FEW_FINDINGS: usize = 3;

pub(super) fn check(ctx: &mut Ctx) {
    unused_findings(ctx);
    few_findings(ctx);
    uncited_sources(ctx);
    causes_the_interview_cannot_raise(ctx);
}

/// A finding no cause links, no triage rule tests and no question asks about or tests
/// does nothing.
fn unused_findings(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let used = used_findings(graph);
    for (idx, finding) in graph.findings.iter().enumerate() {
        let id = finding.id.as_str();
        if !used.contains(id) && ctx.is_first(Kind::Finding, idx) {
            let message =
                format!("finding \"{id}\" is not used by any cause, triage rule or question");
            ctx.warning(ctx.item(Kind::Finding, idx), message, id);
        }
    }
}

/// Findings linked by causes, tested by triage rules, and added, ruled out or tested by
/// questions.
fn used_findings(graph: &Graph) -> HashSet<&str> {
    let mut used: HashSet<&str> = HashSet::new();
    for cause in &graph.causes {
        used.extend(cause.findings.iter().map(|l| l.0.as_str()));
    }
    for rule in &graph.rules {
        let tested = rule.all.iter().chain(&rule.any).chain(&rule.none);
        used.extend(tested.map(Id::as_str));
    }
    for question in &graph.questions {
        if let Some(condition) = &question.ask_if {
            condition_findings(condition, &mut used);
        }
        used.extend(question.answers.mentioned().into_iter().map(String::as_str));
    }
    used
}

fn condition_findings<'g>(condition: &'g Condition, out: &mut HashSet<&'g str>) {
    match condition {
        Condition::Has(id) | Condition::Lacks(id) => {
            out.insert(id);
        }
        Condition::Not(inner) => condition_findings(inner, out),
        Condition::All(all) | Condition::Any(all) => {
            all.iter().for_each(|c| condition_findings(c, out));
        }
        Condition::InRegion(_) | Condition::IsSex(_) | Condition::Age(_) => {}
    }
}

fn few_findings(ctx: &mut Ctx) {
    let graph = ctx.graph;
    for (idx, cause) in graph.causes.iter().enumerate() {
        let count = cause.findings.len();
        if count < FEW_FINDINGS {
            let id = cause.id.as_str();
            let plural = if count == 1 { "" } else { "s" };
            let message = format!(
                "cause \"{id}\" has only {count} finding{plural} (at least {FEW_FINDINGS} are advised)"
            );
            ctx.warning(ctx.field(Kind::Cause, idx, "findings"), message, id);
        }
    }
}

fn uncited_sources(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let cited = cited_sources(graph);
    for (idx, source) in graph.sources.iter().enumerate() {
        let id = source.id.as_str();
        if !cited.contains(id) && ctx.is_first(Kind::Source, idx) {
            let message = format!("source \"{id}\" is not cited anywhere");
            ctx.warning(ctx.item(Kind::Source, idx), message, id);
        }
    }
}

/// Sources cited by red flags, causes, priors, guidance sections and triage rules.
fn cited_sources(graph: &Graph) -> HashSet<&str> {
    let red_flags = graph
        .findings
        .iter()
        .filter_map(|f| f.red_flag.as_ref())
        .flat_map(|r| &r.sources);
    let causes = graph.causes.iter().flat_map(|c| &c.sources);
    let priors = graph
        .causes
        .iter()
        .filter_map(|c| c.prior.as_ref())
        .flat_map(|p| &p.sources);
    let guidance = graph
        .guidance
        .iter()
        .flat_map(|g| &g.sections)
        .flat_map(|s| &s.sources);
    let rules = graph.rules.iter().flat_map(|r| &r.sources);
    red_flags
        .chain(causes)
        .chain(priors)
        .chain(guidance)
        .chain(rules)
        .map(Id::as_str)
        .collect()
}

/// A cause rises only when a finding that counts for it is added; if no question can add
/// one, the interview never moves it up.
fn causes_the_interview_cannot_raise(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let addable = addable_findings(graph);
    for (idx, cause) in graph.causes.iter().enumerate() {
        let raisable = cause
            .findings
            .iter()
            .any(|link| counts_for(link.1) && addable.contains(link.0.as_str()));
        if !raisable {
            let id = cause.id.as_str();
            let message = format!(
                "cause \"{id}\" can never be raised by the interview: no question adds any finding that counts for it"
            );
            ctx.warning(ctx.item(Kind::Cause, idx), message, id);
        }
    }
}

/// Whether having the finding makes the cause more likely.
fn counts_for(weight: Weight) -> bool {
    match weight {
        Weight::Typical | Weight::Sometimes | Weight::Strong => true,
        Weight::Against => false,
        Weight::Lr(ratio) => ratio > 1.0,
    }
}

/// Findings some answer or choice adds.
fn addable_findings(graph: &Graph) -> HashSet<&str> {
    let mut out = HashSet::new();
    for question in &graph.questions {
        out.extend(question.answers.added().into_iter().map(String::as_str));
    }
    out
}
