//! `regions`, `findings` and `causes [--region ID]`: the graph's items, one a line.

use serde::Serialize;
use serde_json::json;

use super::ids;
use super::load::load;
use super::output::{Cell, Paint, Tone, emit, emit_json, fill_json, table};
use super::words::{glossed, kind_id};
use super::{CausesArgs, Failure, Globals, NOTICE};
use crate::engine::{Query, rank};
use crate::graph::{Graph, Id, Triage};

pub fn regions(globals: &Globals) -> Result<(), Failure> {
    let graph = load(globals)?;
    if globals.json {
        let regions: Vec<_> = graph.regions.iter().map(|r| &r.item).collect();
        return emit_json(&json!({ "regions": regions }));
    }
    let paint = Paint::detect();
    let rows: Vec<Vec<Cell>> = graph
        .regions
        .iter()
        .map(|r| {
            vec![
                Cell::new(r.id, Tone::Strong),
                Cell::plain(&r.name),
                Cell::plain(r.parent.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    emit(&table(&paint, &["ID", "NAME", "PART OF"], &rows))
}

pub fn findings(globals: &Globals) -> Result<(), Failure> {
    let graph = load(globals)?;
    if globals.json {
        let findings: Vec<_> = graph.findings.iter().map(|f| &f.item).collect();
        let mut value = json!({ "findings": findings });
        fill_json(&mut value);
        return emit_json(&value);
    }
    let paint = Paint::detect();
    let rows: Vec<Vec<Cell>> = graph
        .findings
        .iter()
        .map(|f| {
            let level = f.red_flag.as_ref().map(|r| r.triage);
            let flag = level.map_or("", Triage::id);
            let tone = level.map_or(Tone::Plain, Tone::Triage);
            vec![
                Cell::new(f.id, Tone::Strong),
                Cell::plain(kind_id(f.kind)),
                Cell::new(flag, tone),
                Cell::plain(&f.name),
            ]
        })
        .collect();
    emit(&table(&paint, &["ID", "KIND", "RED FLAG", "NAME"], &rows))
}

/// A cause in `causes --json`.
#[derive(Debug, Serialize)]
struct CauseRow<'a> {
    id: &'a str,
    name: &'a str,
    /// What the name means in plain words, when the graph says.
    gloss: Option<&'a str>,
    aliases: &'a [String],
    prevalence: &'static str,
    /// Per cent of people presenting with pain in the cause's regions, when published.
    prior_percent: Option<f64>,
    triage: &'a str,
    regions: &'a [Id],
    icd10: Option<&'a str>,
}

/// Every cause (felt in a region, with `--region`), most common first, each named with its
/// gloss ("Sciatica: an irritated nerve ...").
pub fn causes(globals: &Globals, args: &CausesArgs) -> Result<(), Failure> {
    let graph = load(globals)?;
    if let Some(region) = &args.region {
        ids::region(&graph, region)?;
    }
    let order = causes_in(&graph, args.region.as_deref());
    if globals.json {
        let rows: Vec<CauseRow> = order
            .iter()
            .map(|&i| {
                let c = &graph.causes[i];
                CauseRow {
                    id: &c.id,
                    name: &c.name,
                    gloss: c.gloss.as_deref(),
                    aliases: &c.aliases,
                    prevalence: c.prevalence.label(),
                    prior_percent: c.prior.as_ref().map(|p| p.percent),
                    triage: c.triage.id(),
                    regions: &c.regions,
                    icd10: c.icd10.as_deref(),
                }
            })
            .collect();
        return emit_json(&json!({ "region": args.region, "causes": rows, "notice": NOTICE }));
    }
    let paint = Paint::detect();
    let rows: Vec<Vec<Cell>> = order
        .iter()
        .map(|&i| {
            let c = &graph.causes[i];
            let tone = Tone::Triage(c.triage);
            vec![
                Cell::new(c.id, Tone::Strong),
                Cell::plain(c.prevalence.label()),
                Cell::new(c.triage.id(), tone),
                Cell::plain(glossed(&c.name, c.gloss.as_deref())),
            ]
        })
        .collect();
    let mut out = table(&paint, &["ID", "HOW COMMON", "TRIAGE", "NAME"], &rows);
    if rows.is_empty() {
        out.push_str("No causes are listed for this region.\n");
    }
    out.push('\n');
    out.push_str(NOTICE);
    out.push('\n');
    emit(&out)
}

/// Indexes of the causes felt in a region (every cause without one), most common first:
/// the order the ranking gives when nothing else is known.
pub fn causes_in(graph: &Graph, region: Option<&str>) -> Vec<usize> {
    let query = Query {
        regions: region.map(str::to_string).into_iter().collect(),
        ..Query::default()
    };
    rank(graph, &query).causes.iter().map(|c| c.index).collect()
}
