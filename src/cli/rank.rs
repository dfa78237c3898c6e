//! `rank`: the possible causes for the regions and findings given, best first.
//!
//! The overall triage, its advice and the red flags present come first, so they cannot
//! be missed; then the causes with their scores and the findings for and against each.

use std::collections::HashSet;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::escape::visible;
use super::load::load;
use super::output::{Doc, INDENT, Paint, Tone, emit, emit_json, fill};
use super::words::{gloss_suffix, glossed, number};
use super::{Failure, Globals, NOTICE, RankArgs, ids};
use crate::engine::rank::Evidence;
use crate::engine::{Query, RankedCause, Ranking, rank};
use crate::graph::{Graph, Sex};
use answers::{from_answers, session_query};

mod answers;

/// How many causes the text lists unless `--top` says otherwise.
pub const DEFAULT_TOP: usize = 10;

/// The query, with every id checked against the graph.
pub fn query(graph: &Graph, args: &RankArgs) -> Result<Query, Failure> {
    for id in &args.regions {
        ids::region(graph, id)?;
    }
    for id in args.findings.iter().chain(&args.absent) {
        ids::finding(graph, id)?;
    }
    let present: HashSet<&str> = args.findings.iter().map(String::as_str).collect();
    if let Some(both) = args.absent.iter().find(|a| present.contains(a.as_str())) {
        return Err(Failure::Usage(format!(
            "finding \"{both}\" is given both as present (--finding) and absent (--absent)"
        )));
    }
    Ok(Query {
        regions: dedup(&args.regions),
        present: dedup(&args.findings),
        absent: dedup(&args.absent),
        age: args.age,
        sex: args.sex.map(Sex::from),
    })
}

fn dedup(ids: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect()
}

pub fn run(globals: &Globals, args: &RankArgs) -> Result<(), Failure> {
    if globals.save.is_some() {
        return Err(Failure::Usage(
            "--save is for the interface (it saves the summary when the interface ends); rank prints to standard output".into(),
        ));
    }
    let graph = load(globals)?;
    if let Some(path) = &args.answers {
        let session = from_answers(graph, path)?;
        return output(globals, args, session.graph(), &session_query(&session));
    }
    let query = query(&graph, args)?;
    output(globals, args, &graph, &query)
}

/// Rank and print, as text or JSON.
fn output(globals: &Globals, args: &RankArgs, graph: &Graph, query: &Query) -> Result<(), Failure> {
    let ranking = rank(graph, query);
    if globals.json {
        let top = args.top.filter(|&n| n > 0).unwrap_or(usize::MAX);
        return emit_json(&JsonRanking::new(graph, query, &ranking, top));
    }
    let top = match args.top {
        Some(0) => usize::MAX,
        Some(n) => n,
        None => DEFAULT_TOP,
    };
    emit(&render(&Paint::detect(), graph, &ranking, top))
}

/// The gloss of a ranked cause: what its name means in plain words.
fn gloss_of<'g>(graph: &'g Graph, index: usize, id: &str) -> Option<&'g str> {
    graph
        .causes
        .get(index)
        .filter(|c| c.id == id)
        .and_then(|c| c.gloss.as_deref())
}

/// The text output. Each cause is named with its gloss ("Sciatica: an irritated nerve
/// ..."), or has the gloss on the line under its name when the two do not fit on one.
pub fn render(paint: &Paint, graph: &Graph, ranking: &Ranking, top: usize) -> String {
    let mut doc = Doc::new(paint);
    let level = Tone::Triage(ranking.triage);
    doc.field_toned(
        "Triage",
        &format!(
            "{} ({})",
            ranking.triage_label.to_uppercase(),
            ranking.triage.id()
        ),
        level,
    );
    doc.text(&ranking.advice, INDENT, Tone::Strong);
    doc.text(&format!("Why: {}.", ranking.reason), INDENT, Tone::Plain);
    if !ranking.red_flags.is_empty() {
        doc.heading("Red flags present");
        for flag in &ranking.red_flags {
            let line = format!("{} ({}): {}", flag.name, flag.id, flag.triage.id());
            doc.marked("!", &line, INDENT, Tone::Triage(flag.triage));
            if fill(&flag.advice) != fill(&ranking.advice) {
                doc.text(&flag.advice, INDENT + 2, Tone::Plain);
            }
        }
    }

    if !ranking.rules.is_empty() {
        doc.heading("Warning combinations present");
        for rule in &ranking.rules {
            let line = format!("{} ({}): {}", rule.name, rule.id, rule.triage.id());
            doc.marked("!", &line, INDENT, Tone::Triage(rule.triage));
            if fill(&rule.advice) != fill(&ranking.advice) {
                doc.text(&rule.advice, INDENT + 2, Tone::Plain);
            }
        }
    }
    if !ranking.check_first.is_empty() {
        doc.heading(if ranking.unexplained {
            "Check these too (none of them explains the warning sign: act on the advice above first)"
        } else {
            "Check these first (before the likelihood ranking)"
        });
        for c in &ranking.check_first {
            let line = format!(
                "{} ({}): {}, score {}",
                glossed(&c.name, gloss_of(graph, c.index, &c.id)),
                c.id,
                c.triage.id(),
                score(c.score)
            );
            doc.marked("!", &line, INDENT, Tone::Triage(c.triage));
            doc.text(&format!("because {}", c.reason), INDENT + 2, Tone::Plain);
        }
    }

    doc.heading(if !ranking.check_first.is_empty() {
        "Other possible causes, most likely first (after the checks above)"
    } else if ranking.unexplained {
        "Possible causes (none of them explains the warning sign: act on the advice above first)"
    } else {
        "Possible causes, most likely first"
    });
    doc.text(
        "Score: the share of 100 each cause gets among those listed, from how common it is and the findings for and against it.",
        INDENT,
        Tone::Dim,
    );
    if !ranking.causes.is_empty() && ranking.causes.iter().all(|c| c.check_first) {
        doc.text(
            "Every cause that fits is listed above.",
            INDENT,
            Tone::Plain,
        );
    }
    if ranking.causes.is_empty() {
        doc.text(
            "No cause in the graph fits these regions.",
            INDENT,
            Tone::Plain,
        );
    }
    // The causes to check first are listed above; the rest follow by likelihood.
    let rest: Vec<&RankedCause> = ranking.causes.iter().filter(|c| !c.check_first).collect();
    let width = rest.len().min(top).to_string().len();
    for (n, cause) in rest.iter().take(top).enumerate() {
        doc.blank();
        cause_lines(
            &mut doc,
            n + 1,
            width,
            cause,
            gloss_of(graph, cause.index, &cause.id),
        );
    }
    if rest.len() > top {
        doc.blank();
        let more = rest.len() - top;
        doc.text(
            &format!(
                "... and {more} less likely {} (--top 0 lists them all).",
                if more == 1 { "cause" } else { "causes" }
            ),
            INDENT,
            Tone::Dim,
        );
    }
    doc.notice(NOTICE);
    doc.finish()
}

fn cause_lines(doc: &mut Doc, n: usize, width: usize, cause: &RankedCause, gloss: Option<&str>) {
    let paint = *doc.paint();
    let number_col = format!("{}{n:>width$}. ", " ".repeat(INDENT));
    let indent = number_col.len();
    // The gloss beside the name when both fit on a line, else on a line of its own.
    let suffix = gloss_suffix(&cause.name, gloss);
    let id = format!("({})", cause.id);
    let beside = indent + visible(&format!("{}{suffix}  {id}", cause.name)).width() <= paint.width;
    let (suffix, under) = match (beside, gloss) {
        (false, Some(gloss)) => (String::new(), Some(gloss.trim())),
        _ => (suffix, None),
    };
    let name = visible(&format!("{}{suffix}  {id}", cause.name)).into_owned();
    let facts = format!("score {}  {}", score(cause.score), cause.triage.id());
    let styled_name = format!(
        "{}{}  {}",
        paint.tone(Tone::Strong, &cause.name),
        paint.tone(Tone::Plain, &suffix),
        paint.tone(Tone::Dim, &id)
    );
    let styled_facts = format!(
        "score {}  {}",
        score(cause.score),
        paint.tone(
            Tone::Triage(cause.triage),
            facts.split_once("  ").map_or("", |(_, rest)| rest)
        )
    );
    if indent + name.width() + 2 + facts.width() <= paint.width {
        doc.line(&format!("{number_col}{styled_name}  {styled_facts}"));
        gloss_under(doc, under, indent);
    } else {
        doc.line(&format!("{number_col}{styled_name}"));
        gloss_under(doc, under, indent);
        doc.line(&format!("{}{styled_facts}", " ".repeat(indent)));
    }
    evidence_lines(doc, cause, indent);
}

/// The gloss on a line of its own, under the cause's name.
fn gloss_under(doc: &mut Doc, gloss: Option<&str>, indent: usize) {
    if let Some(gloss) = gloss.filter(|g| !g.is_empty()) {
        doc.text(gloss, indent, Tone::Plain);
    }
}

/// The findings for and against a cause, and the notes on it.
fn evidence_lines(doc: &mut Doc, cause: &RankedCause, indent: usize) {
    if !cause.for_.is_empty() {
        doc.text(
            &format!("for: {}", evidence(&cause.for_)),
            indent,
            Tone::Plain,
        );
    }
    if !cause.against.is_empty() {
        doc.text(
            &format!("against: {}", evidence(&cause.against)),
            indent,
            Tone::Plain,
        );
    }
    for note in &cause.notes {
        doc.text(&format!("note: {note}"), indent, Tone::Dim);
    }
}

/// `Leg pain (x8); Fever (absent, x0.45)`.
fn evidence(items: &[Evidence]) -> String {
    items
        .iter()
        .map(|e| {
            let absent = if e.present { "" } else { "absent, " };
            format!("{} ({absent}x{})", e.name, number(e.factor))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A score for people: one decimal, and "<0.1" rather than "0.0".
fn score(x: f64) -> String {
    if x > 0.0 && x < 0.05 {
        "<0.1".to_string()
    } else {
        format!("{x:.1}")
    }
}

/// `rank --json`.
#[derive(Debug, Serialize)]
pub struct JsonRanking<'a> {
    /// `emergency`, `urgent`, `soon`, `routine` or `self-care`.
    pub triage: &'static str,
    pub triage_label: &'a str,
    pub advice: String,
    /// What set the triage, in words.
    pub reason: &'a str,
    /// Ids of the red-flag findings present, most urgent first.
    pub red_flags: Vec<&'a str>,
    pub red_flag_details: Vec<JsonRedFlag<'a>>,
    /// Triage rules (combinations of answers) present, most urgent first.
    pub rules: Vec<JsonRedFlag<'a>>,
    /// Causes to check first, most urgent first, each with the reason it is there.
    pub check_first: Vec<JsonCheckFirst<'a>>,
    /// Urgent or emergency, but no cause listed explains it.
    pub unexplained: bool,
    /// Most likely first.
    pub causes: Vec<JsonCause<'a>>,
    pub query: JsonQuery<'a>,
    pub notice: &'static str,
}

#[derive(Debug, Serialize)]
pub struct JsonRedFlag<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub triage: &'static str,
    pub advice: String,
}

#[derive(Debug, Serialize)]
pub struct JsonCheckFirst<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// What the name means in plain words, when the graph says.
    pub gloss: Option<&'a str>,
    pub triage: &'static str,
    pub score: f64,
    pub reason: &'a str,
}

#[derive(Debug, Serialize)]
pub struct JsonCause<'a> {
    pub rank: usize,
    pub id: &'a str,
    pub name: &'a str,
    /// What the name means in plain words, when the graph says.
    pub gloss: Option<&'a str>,
    /// Share of 100 among every cause listed (also those left out by `--top`).
    pub score: f64,
    pub triage: &'static str,
    pub prevalence: &'static str,
    /// Also in `check_first`.
    pub check_first: bool,
    #[serde(rename = "for")]
    pub for_: &'a [Evidence],
    pub against: &'a [Evidence],
    pub notes: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct JsonQuery<'a> {
    pub regions: &'a [String],
    pub findings: &'a [String],
    pub absent: &'a [String],
    pub age: Option<u8>,
    pub sex: Option<&'static str>,
}

impl<'a> JsonRanking<'a> {
    pub fn new(graph: &'a Graph, query: &'a Query, ranking: &'a Ranking, top: usize) -> Self {
        JsonRanking {
            triage: ranking.triage.id(),
            triage_label: &ranking.triage_label,
            advice: fill(&ranking.advice),
            reason: &ranking.reason,
            red_flags: ranking.red_flags.iter().map(|f| f.id.as_str()).collect(),
            red_flag_details: ranking
                .red_flags
                .iter()
                .map(|f| JsonRedFlag {
                    id: &f.id,
                    name: &f.name,
                    triage: f.triage.id(),
                    advice: fill(&f.advice),
                })
                .collect(),
            rules: ranking
                .rules
                .iter()
                .map(|r| JsonRedFlag {
                    id: &r.id,
                    name: &r.name,
                    triage: r.triage.id(),
                    advice: fill(&r.advice),
                })
                .collect(),
            check_first: ranking
                .check_first
                .iter()
                .map(|c| JsonCheckFirst {
                    id: &c.id,
                    name: &c.name,
                    gloss: gloss_of(graph, c.index, &c.id),
                    triage: c.triage.id(),
                    score: (c.score * 100.0).round() / 100.0,
                    reason: &c.reason,
                })
                .collect(),
            unexplained: ranking.unexplained,
            causes: ranking
                .causes
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, c)| JsonCause {
                    rank: i + 1,
                    id: &c.id,
                    name: &c.name,
                    gloss: gloss_of(graph, c.index, &c.id),
                    score: (c.score * 100.0).round() / 100.0,
                    triage: c.triage.id(),
                    prevalence: c.prevalence.label(),
                    check_first: c.check_first,
                    for_: &c.for_,
                    against: &c.against,
                    notes: &c.notes,
                })
                .collect(),
            query: JsonQuery {
                regions: &query.regions,
                findings: &query.present,
                absent: &query.absent,
                age: query.age,
                sex: query.sex.map(|s| match s {
                    Sex::Female => "female",
                    Sex::Male => "male",
                }),
            },
            notice: NOTICE,
        }
    }
}
