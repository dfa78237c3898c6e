//! The shape of the graph: regions lead to an entry question, region parents do not loop,
//! every question can be reached and the interview cannot go round in circles.

use std::collections::{HashMap, HashSet};

use super::{Ctx, Kind};
use crate::graph::load::Graph;
use crate::graph::model::Question;

/// Returns whether the question graph is whole: free of cycles, and every question a
/// question leads to exists. Checks that follow the interview need both, and would only
/// repeat a broken link as the questions behind it not being asked.
pub(super) fn check(ctx: &mut Ctx) -> bool {
    region_entries(ctx);
    region_parent_cycles(ctx);
    let flow = QuestionFlow::new(ctx.graph);
    unreachable_questions(ctx, &flow);
    let acyclic = question_cycles(ctx, &flow);
    acyclic && links_resolve(ctx.graph)
}

fn links_resolve(graph: &Graph) -> bool {
    graph
        .questions
        .iter()
        .flat_map(|q| leads_to(q))
        .all(|id| graph.question(id).is_some())
}

fn region_entries(ctx: &mut Ctx) {
    let graph = ctx.graph;
    for (idx, region) in graph.regions.iter().enumerate() {
        // An unknown parent is reported as such; saying it gives no entry would repeat it.
        let parent_unknown = region
            .parent
            .as_deref()
            .is_some_and(|p| graph.region(p).is_none());
        let inherited = region
            .parent
            .as_deref()
            .and_then(|p| graph.entry_question(p));
        if region.entry.is_some()
            || inherited.is_some()
            || parent_unknown
            || !ctx.is_first(Kind::Region, idx)
        {
            continue;
        }
        let id = region.id.as_str();
        let message = match region.parent {
            None => format!("region \"{id}\" has no entry question"),
            Some(_) => format!(
                "region \"{id}\" has no entry question, and none of its parent regions has one"
            ),
        };
        ctx.error(ctx.item(Kind::Region, idx), message, id);
    }
}

fn region_parent_cycles(ctx: &mut Ctx) {
    let graph = ctx.graph;
    let parents: Vec<Option<usize>> = graph
        .regions
        .iter()
        .map(|r| r.parent.as_deref().and_then(|p| graph.region_index(p)))
        .collect();
    let ids = ctx.ids(Kind::Region);
    for cycle in parent_cycles(&parents) {
        report_cycle(ctx, Kind::Region, "region parent cycle", &ids, &cycle);
    }
}

/// One error for each question that starts a cut-off part of the graph: after a
/// mistyped `next`, the first question behind it is named, with a count of the ones that
/// follow it, rather than one error per question.
fn unreachable_questions(ctx: &mut Ctx, flow: &QuestionFlow) {
    let graph = ctx.graph;
    let reached = reachable(&flow.successors, &flow.starts);
    let cut_off: Vec<bool> = (0..graph.questions.len())
        .map(|i| reached.get(i) == Some(&false) && ctx.is_first(Kind::Question, i))
        .collect();
    let mut has_cut_off_pred = vec![false; cut_off.len()];
    for (from, next) in flow.successors.iter().enumerate() {
        for &to in next.iter().filter(|&&to| to != from) {
            if cut_off.get(from) == Some(&true) && to < has_cut_off_pred.len() {
                has_cut_off_pred[to] = true;
            }
        }
    }
    // Heads first (nothing cut off leads to them); then whatever a loop keeps headless.
    // Each question is covered once: what a covered question leads to was covered with
    // it, and what is not cut off leads only to what is not cut off, so the walk from a
    // head stops at both, and all the walks together take linear time.
    let heads = (0..cut_off.len()).filter(|&i| cut_off[i] && !has_cut_off_pred[i]);
    let mut covered = vec![false; cut_off.len()];
    for idx in heads.chain(0..cut_off.len()) {
        if !cut_off[idx] || covered[idx] {
            continue;
        }
        covered[idx] = true;
        let mut behind = 0usize;
        let mut todo = vec![idx];
        while let Some(node) = todo.pop() {
            for &next in flow.successors.get(node).into_iter().flatten() {
                if cut_off.get(next) == Some(&true) && !covered[next] {
                    covered[next] = true;
                    behind += 1;
                    todo.push(next);
                }
            }
        }
        let id = graph.questions[idx].id.as_str();
        let mut message =
            format!("question \"{id}\" cannot be reached from any region's entry question");
        match behind {
            0 => {}
            1 => message.push_str(", nor can the 1 question that follows it"),
            n => message.push_str(&format!(", nor can the {n} questions that follow it")),
        }
        ctx.error(ctx.item(Kind::Question, idx), message, id);
    }
}

/// Reports each cycle; returns whether there were none.
fn question_cycles(ctx: &mut Ctx, flow: &QuestionFlow) -> bool {
    let found = cycles(&flow.successors);
    let ids = ctx.ids(Kind::Question);
    for cycle in &found {
        report_cycle(ctx, Kind::Question, "question cycle", &ids, cycle);
    }
    found.is_empty()
}

/// One error for a cycle, at its first item: `question cycle: a -> b -> a`.
fn report_cycle(ctx: &mut Ctx, kind: Kind, what: &str, all_ids: &[&str], cycle: &[usize]) {
    let ids: Vec<&str> = cycle
        .iter()
        .filter_map(|&i| all_ids.get(i).copied())
        .collect();
    if let (Some(&first), Some(&first_id)) = (cycle.first(), ids.first()) {
        let message = format!("{what}: {}", loop_text(&ids));
        ctx.error(ctx.item(kind, first), message, first_id);
    }
}

/// `a -> b -> a`.
fn loop_text(ids: &[&str]) -> String {
    let mut parts = ids.to_vec();
    parts.extend(ids.first());
    parts.join(" -> ")
}

/// The question graph as indexes: where each question can lead, and where regions start.
struct QuestionFlow {
    successors: Vec<Vec<usize>>,
    starts: Vec<usize>,
}

impl QuestionFlow {
    fn new(graph: &Graph) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, q) in graph.questions.iter().enumerate() {
            index.entry(q.id.as_str()).or_insert(i);
        }
        let successors = graph
            .questions
            .iter()
            .map(|q| {
                let mut next: Vec<usize> = Vec::new();
                let mut seen = HashSet::new();
                for i in leads_to(q).filter_map(|id| index.get(id).copied()) {
                    if seen.insert(i) {
                        next.push(i);
                    }
                }
                next
            })
            .collect();
        let starts = graph
            .regions
            .iter()
            .filter_map(|r| r.entry.as_deref().and_then(|id| index.get(id).copied()))
            .collect();
        QuestionFlow { successors, starts }
    }
}

/// Every question id a question can move on to: `otherwise`, each answer's `next`, `next`.
fn leads_to(question: &Question) -> impl Iterator<Item = &str> {
    let answers: Vec<&Option<String>> = question.answers.own_nexts();
    std::iter::once(&question.otherwise)
        .chain(answers)
        .chain(std::iter::once(&question.next))
        .filter_map(|next| next.as_deref())
}

/// Which nodes can be reached from any of `starts`.
fn reachable(successors: &[Vec<usize>], starts: &[usize]) -> Vec<bool> {
    let mut reached = vec![false; successors.len()];
    let mut todo: Vec<usize> = starts.to_vec();
    while let Some(node) = todo.pop() {
        match reached.get_mut(node) {
            Some(seen) if !*seen => *seen = true,
            _ => continue,
        }
        todo.extend(successors.get(node).into_iter().flatten().copied());
    }
    reached
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    OnPath,
    Done,
}

/// One cycle for each strongly connected part that loops: the first closed by a back edge
/// of a depth-first search, listed in edge order and rotated to start at its smallest node.
/// (Reporting every back edge's cycle could print far more than the file holds; once
/// one loop is broken, the next run shows any other.) Linear in the size of the graph,
/// and iterative, so deep graphs cannot overflow the stack.
fn cycles(successors: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let part = strongly_connected(successors);
    let mut reported = vec![false; successors.len()];
    let mut state = vec![Visit::New; successors.len()];
    // Where each node on the path is on it.
    let mut depth = vec![0usize; successors.len()];
    let mut found = Vec::new();
    for root in 0..successors.len() {
        if state[root] != Visit::New {
            continue;
        }
        state[root] = Visit::OnPath;
        let mut path: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some((node, edge)) = path.last_mut() {
            let Some(&next) = successors[*node].get(*edge) else {
                state[*node] = Visit::Done;
                path.pop();
                continue;
            };
            *edge += 1;
            match state.get(next) {
                Some(Visit::New) => {
                    state[next] = Visit::OnPath;
                    depth[next] = path.len();
                    path.push((next, 0));
                }
                Some(Visit::OnPath) if !reported[part[next]] => {
                    reported[part[next]] = true;
                    let cycle = path[depth[next]..].iter().map(|&(n, _)| n).collect();
                    found.push(starting_at_smallest(cycle));
                }
                _ => {}
            }
        }
    }
    found
}

/// The strongly connected part of each node, numbered from 0 (Tarjan's algorithm, without
/// recursion).
fn strongly_connected(successors: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = successors.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut part = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut counter = 0;
    let mut parts = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        while let Some(&mut (node, ref mut edge)) = calls.last_mut() {
            if let Some(&next) = successors[node].get(*edge) {
                *edge += 1;
                if next >= n {
                    continue;
                }
                if order[next] == UNSEEN {
                    order[next] = counter;
                    low[next] = counter;
                    counter += 1;
                    stack.push(next);
                    calls.push((next, 0));
                } else if part[next] == UNSEEN {
                    low[node] = low[node].min(order[next]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(caller, _)) = calls.last() {
                low[caller] = low[caller].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    part[member] = parts;
                    if member == node {
                        break;
                    }
                }
                parts += 1;
            }
        }
    }
    part
}

/// The cycles in a child -> parent relation, each in walk order from its smallest member.
fn parent_cycles(parents: &[Option<usize>]) -> Vec<Vec<usize>> {
    let mut state = vec![Visit::New; parents.len()];
    let mut found = Vec::new();
    for start in 0..parents.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(node) = at {
            match state.get(node) {
                Some(Visit::New) => {
                    state[node] = Visit::OnPath;
                    walk.push(node);
                    at = parents[node];
                }
                Some(Visit::OnPath) => {
                    let from = walk.iter().position(|&n| n == node).unwrap_or(0);
                    found.push(starting_at_smallest(walk[from..].to_vec()));
                    at = None;
                }
                _ => at = None,
            }
        }
        for node in walk {
            state[node] = Visit::Done;
        }
    }
    found
}

fn starting_at_smallest(mut cycle: Vec<usize>) -> Vec<usize> {
    let smallest = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
    cycle.rotate_left(smallest);
    cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reachability_follows_edges_from_every_start() {
        let successors = vec![vec![1], vec![], vec![3], vec![], vec![0]];
        assert_eq!(
            reachable(&successors, &[0]),
            [true, true, false, false, false]
        );
        assert_eq!(
            reachable(&successors, &[2, 4]),
            [true, true, true, true, true]
        );
        assert_eq!(reachable(&successors, &[]), [false; 5]);
        assert_eq!(
            reachable(&successors, &[99]),
            [false; 5],
            "bad starts are ignored"
        );
    }

    #[test]
    fn reachability_survives_loops() {
        let successors = vec![vec![1], vec![0, 1]];
        assert_eq!(reachable(&successors, &[1]), [true, true]);
    }

    #[test]
    fn a_tree_has_no_cycles() {
        let successors = vec![vec![1, 2], vec![3], vec![3], vec![]];
        assert!(cycles(&successors).is_empty());
    }

    #[test]
    fn each_cycle_is_reported_once_in_order() {
        // 0 -> 1 -> 2 -> 1, plus the self-loop 3 -> 3, reached twice via 0 and 2.
        let successors = vec![vec![1, 3], vec![2], vec![1, 3], vec![3]];
        assert_eq!(cycles(&successors), vec![vec![1, 2], vec![3]]);
    }

    #[test]
    fn cycles_start_at_their_smallest_node() {
        let successors = vec![vec![], vec![], vec![0], vec![], vec![2], vec![4]];
        assert!(cycles(&successors).is_empty());
        let successors = vec![vec![2], vec![0], vec![1]];
        assert_eq!(cycles(&successors), vec![vec![0, 2, 1]]);
    }

    #[test]
    fn one_cycle_for_each_looping_part() {
        // 0 -> 1 -> 2 -> 0 and 2 -> 1: one part, two back edges, one report.
        let successors = vec![vec![1], vec![2], vec![0, 1]];
        assert_eq!(cycles(&successors), vec![vec![0, 1, 2]]);
        // A chain where every question also leads back to the first: one report, not n.
        let n = 2_000;
        let successors: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1, 0] } else { vec![0] })
            .collect();
        let found = cycles(&successors);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].len(),
            n,
            "the first back edge closes the whole chain"
        );
    }

    #[test]
    fn parts_are_strongly_connected() {
        let successors = vec![vec![1], vec![2], vec![0, 3], vec![4], vec![3], vec![5]];
        let part = strongly_connected(&successors);
        assert_eq!(part[0], part[1]);
        assert_eq!(part[1], part[2]);
        assert_eq!(part[3], part[4]);
        assert_ne!(part[0], part[3]);
        assert_ne!(part[5], part[0]);
        assert_ne!(part[5], part[3]);
    }

    #[test]
    fn separate_loops_are_separate_cycles() {
        let successors = vec![vec![1], vec![0, 2], vec![3], vec![2]];
        assert_eq!(cycles(&successors), vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn a_deep_chain_does_not_overflow() {
        let n = 100_000;
        let mut successors: Vec<Vec<usize>> = (1..=n).map(|i| vec![i]).collect();
        successors.push(vec![0]);
        let found = cycles(&successors);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), n + 1);
    }

    #[test]
    fn parent_loops_are_found_once() {
        // 0 -> 1 -> 2 -> 1 (a loop below 0), 3 -> 3, 4 -> none, 5 -> 0.
        let parents = [Some(1), Some(2), Some(1), Some(3), None, Some(0)];
        assert_eq!(parent_cycles(&parents), vec![vec![1, 2], vec![3]]);
        assert!(parent_cycles(&[None, Some(0), Some(9)]).is_empty());
    }

    #[test]
    fn loops_read_round_to_the_start() {
        assert_eq!(loop_text(&["a", "b"]), "a -> b -> a");
        assert_eq!(loop_text(&["a"]), "a -> a");
    }
}
