//! Ids: unique across every kind and file, and exactly the five triage levels.

use std::collections::{BTreeMap, HashMap};

use super::{Ctx, Kind};
use crate::graph::triage::Triage;

/// Kinds whose ids share one namespace (triage levels have their own).
const SHARED_NAMESPACE: [Kind; 7] = [
    Kind::Source,
    Kind::Region,
    Kind::Finding,
    Kind::Cause,
    Kind::Question,
    Kind::Guide,
    Kind::Rule,
];

pub(super) fn check(ctx: &mut Ctx) {
    duplicate_ids(ctx);
    triage_levels(ctx);
}

/// Reports the second and later definitions of an id, pointing back at the first.
fn duplicate_ids(ctx: &mut Ctx) {
    let mut by_id: BTreeMap<&str, Vec<(Kind, usize)>> = BTreeMap::new();
    for kind in SHARED_NAMESPACE {
        for (idx, id) in ctx.ids(kind).into_iter().enumerate() {
            by_id.entry(id).or_default().push((kind, idx));
        }
    }
    for (id, mut defs) in by_id {
        defs.sort_by_key(|&(kind, idx)| ctx.order(kind, idx));
        if let Some((&(kind, idx), later)) = defs.split_first()
            && !later.is_empty()
        {
            let first = ctx.describe(ctx.item(kind, idx));
            for &(kind, idx) in later {
                let message = format!("duplicate id \"{id}\" (first defined at {first})");
                ctx.error(ctx.item(kind, idx), message, id);
            }
        }
    }
}

fn triage_levels(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (idx, level) in graph.triage.iter().enumerate() {
        let id = level.id.id();
        // An unknown level is already refused when the file is read (`Triage` is typed).
        if let Some(&earlier) = first.get(id) {
            let at = ctx.describe(ctx.item(Kind::Triage, earlier));
            ctx.error(
                ctx.item(Kind::Triage, idx),
                format!("duplicate triage level \"{id}\" (first defined at {at})"),
                id,
            );
        } else {
            first.insert(id, idx);
        }
    }
    // Placed only when reported.
    let file = graph.triage.first().map_or(0, |level| level.file);
    for level in Triage::ALL {
        if !first.contains_key(level.id()) {
            let message = format!("missing triage level \"{}\"", level.id());
            let where_levels_are = ctx.section(file, Kind::Triage.section());
            ctx.error(where_levels_are, message, level.id());
        }
    }
}
