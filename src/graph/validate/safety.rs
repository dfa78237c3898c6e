//! Safety: whatever a person answers, the interview asks about every emergency that can
//! lie behind pain where they chose.
//!
//! For each region with an entry question (its own or inherited), take the interview with
//! only that region chosen (so `InRegion` holds for it and the regions it is part of, as
//! `Interview::walk` has it). Its *targets* are
//!
//! - every finding whose red flag is an emergency and that some cause covering the region
//!   links for it (any weight but `Against`; an `Lr` of at least 1), a cause covering a
//!   region when it lists the region, a region it is part of, or one of its parts;
//! - every finding in `all` and `any` of every emergency triage rule that can apply to the
//!   region (no `regions`, or one related in the same way), and the age and the sex when
//!   such a rule tests them.
//!
//! A question asks about a finding when any of its answers adds it or rules it out, about
//! the age or the sex when any of its choices records one. On every path from the entry to
//! the end, every target must be asked by a question that its `ask_if` does not skip.
//!
//! The search is exact. Its nodes are a question and what `ask_if` conditions can see
//! there: present, absent or unknown for each finding a condition tests, and the age and
//! sex recorded. A yes/no question branches three ways, a choice question once per choice
//! and once for "not sure"; a skipped question goes on to `otherwise` or `next`. Each
//! node is solved once (memoised) for the set of targets missed on at least one path from
//! it: the union over its branches, less what the question asks.
//!
//! Knowing every finding at every question would make the nodes multiply with each
//! answer (the bundled graph has hundreds of thousands per region), so a node keeps only
//! what can still change which targets are asked:
//!
//! - `InRegion` is decided once per region, and regions that then see the same
//!   conditions share their searches;
//! - targets are searched in groups, and a group keeps only the findings that bear on it:
//!   those tested by the conditions of the questions that ask a target of the group, or
//!   that route answers to different questions, and, in turn, of the questions that
//!   record a finding kept. Any other question asks no target of the group, leads to the
//!   same question whatever the answer and records nothing kept, so whether it is asked
//!   or skipped changes nothing the group can see: the search passes it over;
//! - a finding no later condition tests is forgotten, and so is its presence (absence)
//!   when conditions only test its absence (presence).
//!
//! The answer is the same as with everything known; the path reported is replayed with
//! everything known, so it is a real interview, and the first one in answer order.
//!
//! The question graph must be free of cycles and broken links (checked by `flow`; this
//! check is skipped otherwise), and the search walks it without recursion.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::{Ctx, Kind};
use crate::engine::evidence::age_fits;
use crate::graph::load::Graph;
use crate::graph::model::{AgeRange, Answers, Condition, Outcome, Question, Sex, Weight};
use crate::graph::triage::Triage;

pub(super) fn check(ctx: &mut Ctx) {
    let graph = ctx.graph;
    // A checklist too long to branch over is reported by `content`.
    if !checklist::all_fit(graph) {
        return;
    }
    // First without exemptions, which is fast; only the targets missed then are searched
    // again with them (see `exempt`), since tracking what settles a reason costs states.
    let model = Model::new(graph, false);
    let mut exempting: Option<Model> = None;
    let mut solved = Solved::default();
    let mut solved_exempting = Solved::default();
    for (idx, region) in graph.regions.iter().enumerate() {
        if !ctx.is_first(Kind::Region, idx) {
            continue;
        }
        // An entry question that does not exist is reported by `refs`.
        let Some(entry) = graph
            .entry_question(&region.id)
            .and_then(|id| model.step_index(id))
        else {
            continue;
        };
        let plain = missed_targets(graph, &model, &region.id, entry, &mut solved, None);
        if plain.is_empty() {
            continue;
        }
        let only: Vec<usize> = plain.iter().map(|(t, _)| t.item).collect();
        let full = exempting.get_or_insert_with(|| Model::new(graph, true));
        let Some(entry) = full.step_index(graph.entry_question(&region.id).unwrap_or_default())
        else {
            continue;
        };
        let missed = missed_targets(
            graph,
            full,
            &region.id,
            entry,
            &mut solved_exempting,
            Some(&only),
        );
        for (target, path) in missed {
            let what = match &target.what {
                What::Finding(id) => format!("the emergency finding \"{id}\""),
                What::Age(rule) => format!("the age, which emergency rule \"{rule}\" tests,"),
                What::Sex(rule) => format!("the sex, which emergency rule \"{rule}\" tests,"),
            };
            let message = format!(
                "region \"{}\": {what} is not asked on every path; first path that misses it: {path}",
                region.id
            );
            ctx.error(ctx.item(Kind::Region, idx), message, target.what.id());
        }
    }
}

/// Searches already done, by entry question, conditions once the region is known, and
/// the items of the group: regions that see the same conditions share them.
#[derive(Default)]
struct Solved(HashMap<(usize, String, Set), HashMap<usize, String>>);

/// The region's targets that some path from its entry misses, in target order, each with
/// the first such path in words.
fn missed_targets<'g>(
    graph: &'g Graph,
    model: &Model<'g>,
    region: &'g str,
    entry: usize,
    solved: &mut Solved,
    only: Option<&[usize]>,
) -> Vec<(Target<'g>, String)> {
    let mut targets = targets(graph, model, region);
    if let Some(only) = only {
        targets.retain(|t| only.contains(&t.item));
    }
    if targets.is_empty() {
        return Vec::new();
    }
    let view = RegionView::new(graph, model, region);
    let conditions = format!("{:?}", view.ask_if);
    let mut paths: Vec<Option<String>> = vec![None; targets.len()];
    for group in view.groups(model, &targets) {
        let key = (entry, conditions.clone(), group.items.clone());
        let missed = solved.0.entry(key).or_insert_with(|| {
            let mut search = Search::new(model, &view, &group);
            let root = search.solve(entry);
            group
                .targets
                .iter()
                .map(|&t| targets[t].item)
                .filter(|&item| search.misses(root, item))
                .map(|item| (item, search.witness(entry, root, item)))
                .collect()
        });
        for &t in &group.targets {
            paths[t] = missed.get(&targets[t].item).cloned();
        }
    }
    targets
        .into_iter()
        .zip(paths)
        .filter_map(|(target, path)| Some((target, path?)))
        .collect()
}

/// What must be asked: a finding, or the age or sex an emergency rule tests.
#[derive(Debug, Clone, PartialEq)]
struct Target<'g> {
    /// Its item number: a finding's index, or `Model::age` or `Model::sex`.
    item: usize,
    what: What<'g>,
}

#[derive(Debug, Clone, PartialEq)]
enum What<'g> {
    Finding(&'g str),
    /// The age, with the first emergency rule that tests it.
    Age(&'g str),
    /// The sex, with the first emergency rule that tests it.
    Sex(&'g str),
}

impl<'g> What<'g> {
    /// The id the diagnostic carries: the finding, or the rule.
    fn id(&self) -> &'g str {
        match self {
            What::Finding(id) | What::Age(id) | What::Sex(id) => id,
        }
    }
}

/// The targets for a region: findings in graph order, then the age, then the sex.
fn targets<'g>(graph: &'g Graph, model: &Model, region: &str) -> Vec<Target<'g>> {
    let mut needed = vec![false; graph.findings.len()];
    for (c, emergencies) in model.cause_emergencies.iter().enumerate() {
        if !emergencies.is_empty() && graph.cause_covers(c, region) {
            emergencies.iter().for_each(|&f| needed[f] = true);
        }
    }
    let mut need = |id: &str| {
        if let Some(i) = graph.finding_index(id) {
            needed[i] = true;
        }
    };
    let mut age = None;
    let mut sex = None;
    let rules =
        graph.rules.iter().enumerate().filter(|(r, rule)| {
            rule.triage == Triage::Emergency && graph.rule_applies_in(*r, region)
        });
    for (_, rule) in rules {
        rule.all.iter().chain(&rule.any).for_each(|id| need(id));
        if rule.age.is_some() {
            age.get_or_insert(rule.id.as_str());
        }
        if rule.sex.is_some() {
            sex.get_or_insert(rule.id.as_str());
        }
    }
    let mut out: Vec<Target> = (0..needed.len())
        .filter(|&i| needed[i])
        .map(|i| Target {
            item: i,
            what: What::Finding(&graph.findings[i].id),
        })
        .collect();
    out.extend(age.map(|rule| Target {
        item: model.age,
        what: What::Age(rule),
    }));
    out.extend(sex.map(|rule| Target {
        item: model.sex,
        what: What::Sex(rule),
    }));
    out
}

/// A link that makes the cause more likely when the finding is present.
fn counts_for(weight: Weight) -> bool {
    match weight {
        Weight::Typical | Weight::Sometimes | Weight::Strong => true,
        Weight::Against => false,
        Weight::Lr(ratio) => ratio >= 1.0,
    }
}

/// A set of small numbers, as bits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Set(Vec<u64>);

impl Set {
    fn new(len: usize) -> Self {
        Set(vec![0; len.div_ceil(64)])
    }

    fn insert(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }

    fn union_with(&mut self, other: &Set) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a |= b);
    }

    fn remove_all(&mut self, other: &Set) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= !b);
    }

    fn intersects(&self, other: &Set) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |bit| word & (1 << bit) != 0)
                .map(move |bit| w * 64 + bit)
        })
    }
}

/// What is known of a finding a condition tests, in two bits.
const UNKNOWN: u64 = 0b00;
const PRESENT: u64 = 0b01;
const ABSENT: u64 = 0b10;
/// Findings per word of `State::facts`.
const PER_WORD: usize = 32;

/// What `ask_if` conditions can see at a point of the interview.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct State {
    /// `UNKNOWN`, `PRESENT` or `ABSENT` for each finding some condition tests.
    facts: Vec<u64>,
    age: Option<u8>,
    sex: Option<Sex>,
}

impl State {
    fn unknown(facts: usize) -> Self {
        State {
            facts: vec![UNKNOWN; facts.div_ceil(PER_WORD)],
            age: None,
            sex: None,
        }
    }

    fn fact(&self, f: usize) -> u64 {
        self.facts
            .get(f / PER_WORD)
            .map_or(UNKNOWN, |word| (word >> (2 * (f % PER_WORD))) & 0b11)
    }

    fn set(&mut self, f: usize, value: u64) {
        let shift = 2 * (f % PER_WORD);
        if let Some(word) = self.facts.get_mut(f / PER_WORD) {
            *word = (*word & !(0b11 << shift)) | (value << shift);
        }
    }

    /// The state with only what the mask lets through.
    fn keep(mut self, mask: &Mask) -> Self {
        self.facts
            .iter_mut()
            .zip(&mask.facts)
            .for_each(|(word, mask)| *word &= mask);
        self.age = self.age.filter(|_| mask.age);
        self.sex = self.sex.filter(|_| mask.sex);
        self
    }
}

/// What a node keeps of a state: for each finding, whether its presence (the low bit)
/// and its absence (the high bit) can still be tested; and the age and the sex.
#[derive(Debug, Clone)]
struct Mask {
    facts: Vec<u64>,
    age: bool,
    sex: bool,
}

impl Mask {
    /// Keeps the slots in `kept`, a finding's presence only where `has` says it is
    /// tested, its absence only where `lacks` does.
    fn new(facts: usize, kept: &Set, has: &Set, lacks: &Set) -> Self {
        let mut state = State::unknown(facts);
        for f in kept.iter().filter(|&f| f < facts) {
            let present = if has.contains(f) { PRESENT } else { UNKNOWN };
            let absent = if lacks.contains(f) { ABSENT } else { UNKNOWN };
            state.set(f, present | absent);
        }
        Mask {
            facts: state.facts,
            age: kept.contains(facts),
            sex: kept.contains(facts + 1),
        }
    }
}

/// A condition with its findings numbered as in `State::facts`.
#[derive(Debug, Clone)]
enum Test<'g> {
    Has(usize),
    Lacks(usize),
    InRegion(&'g str),
    /// The reason applies to the one region chosen (used by the exemptions, see `exempt`).
    Chosen(exempt::Applies<'g>),
    IsSex(Sex),
    Age(AgeRange),
    Not(Box<Test<'g>>),
    All(Vec<Test<'g>>),
    Any(Vec<Test<'g>>),
    /// Decided already (a region condition, once the region is known).
    Fixed(bool),
}

impl<'g> Test<'g> {
    /// As `interview::holds` evaluates the condition.
    fn holds(&self, state: &State, chosen: &Chosen) -> bool {
        match self {
            Test::Has(f) => state.fact(*f) == PRESENT,
            Test::Lacks(f) => state.fact(*f) == ABSENT,
            Test::InRegion(_) | Test::Chosen(_) => self.for_regions(chosen).holds(state, chosen),
            Test::IsSex(sex) => state.sex == Some(*sex),
            Test::Age(range) => state.age.is_some_and(|age| age_fits(range, age)),
            Test::Not(inner) => !inner.holds(state, chosen),
            Test::All(all) => all.iter().all(|t| t.holds(state, chosen)),
            Test::Any(any) => any.iter().any(|t| t.holds(state, chosen)),
            Test::Fixed(value) => *value,
        }
    }

    /// The condition with its region tests decided.
    fn for_regions(&self, chosen: &Chosen) -> Test<'g> {
        match self {
            Test::InRegion(r) => Test::Fixed(chosen.within(r)),
            Test::Chosen(applies) => Test::Fixed(applies.to(chosen.graph, chosen.region)),
            Test::Not(inner) => match inner.for_regions(chosen) {
                Test::Fixed(value) => Test::Fixed(!value),
                inner => Test::Not(Box::new(inner)),
            },
            Test::All(all) => Self::join(all, chosen, true),
            Test::Any(any) => Self::join(any, chosen, false),
            other => other.clone(),
        }
    }

    /// `All` (with `unit` true) or `Any` (false) of the parts, decided where possible.
    fn join(parts: &[Test<'g>], chosen: &Chosen, unit: bool) -> Test<'g> {
        let mut open = Vec::new();
        for part in parts {
            match part.for_regions(chosen) {
                Test::Fixed(value) if value == unit => {}
                Test::Fixed(value) => return Test::Fixed(value),
                part => open.push(part),
            }
        }
        match (open.len(), unit) {
            (0, _) => Test::Fixed(unit),
            (_, true) => Test::All(open),
            (_, false) => Test::Any(open),
        }
    }

    /// The slots (see `Model::slots`) the condition reads: all of them in `reads`, the
    /// findings whose presence it tests in `has`, those whose absence in `lacks`.
    fn reads(&self, facts: usize, reads: &mut Set, has: &mut Set, lacks: &mut Set) {
        match self {
            Test::Has(f) => {
                reads.insert(*f);
                has.insert(*f);
            }
            Test::Lacks(f) => {
                reads.insert(*f);
                lacks.insert(*f);
            }
            Test::Age(_) => reads.insert(facts),
            Test::IsSex(_) => reads.insert(facts + 1),
            Test::Not(inner) => inner.reads(facts, reads, has, lacks),
            Test::All(all) | Test::Any(all) => {
                all.iter().for_each(|t| t.reads(facts, reads, has, lacks));
            }
            Test::InRegion(_) | Test::Chosen(_) | Test::Fixed(_) => {}
        }
    }
}

/// One answer: what it records, and where it goes (`None`: the end).
#[derive(Debug)]
struct Branch {
    label: String,
    add: Vec<usize>,
    rule_out: Vec<usize>,
    age: Option<u8>,
    sex: Option<Sex>,
    next: Option<usize>,
}

impl Branch {
    /// As `Known::apply` records it: additions first, then what is ruled out.
    fn apply(&self, state: &mut State) {
        self.add.iter().for_each(|&f| state.set(f, PRESENT));
        self.rule_out.iter().for_each(|&f| state.set(f, ABSENT));
        state.age = self.age.or(state.age);
        state.sex = self.sex.or(state.sex);
    }
}

/// A question, compiled.
#[derive(Debug)]
struct Step<'g> {
    id: &'g str,
    ask_if: Option<Test<'g>>,
    /// Where a skipped question goes: `otherwise`, else `next`.
    skip_to: Option<usize>,
    branches: Vec<Branch>,
    /// The items any answer asks about.
    asks: Set,
    /// The slots any answer records.
    writes: Set,
    /// Every answer, and skipping, lead to the same question.
    uniform: bool,
}

/// The question graph with ids turned into numbers, shared by every region.
///
/// *Items* are what must be asked: findings by their index in the graph, then the age and
/// the sex. *Slots* are what conditions read: the findings some condition tests, then
/// the age and the sex.
struct Model<'g> {
    steps: Vec<Step<'g>>,
    /// The questions of the graph come first; the steps from here on are virtual.
    real: usize,
    index: HashMap<&'g str, usize>,
    /// Each question's successors (answers and skipping), without repeats.
    successors: Vec<Vec<usize>>,
    /// Every question, each after all its successors when there are no cycles.
    post_order: Vec<usize>,
    /// For each slot, the questions that record it.
    writers: Vec<Vec<usize>>,
    /// The number of findings some condition tests.
    facts: usize,
    /// The item numbers of the age and the sex.
    age: usize,
    sex: usize,
    /// For each cause, the emergency findings it links for it (see the module comment).
    cause_emergencies: Vec<Vec<usize>>,
}

impl<'g> Model<'g> {
    /// The question graph, with the virtual exemption questions after the end when
    /// `exempting`.
    fn new(graph: &'g Graph, exempting: bool) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, q) in graph.questions.iter().enumerate() {
            index.entry(q.id.as_str()).or_insert(i);
        }
        let mut facts: HashMap<&str, usize> = HashMap::new();
        for q in &graph.questions {
            if let Some(condition) = &q.ask_if {
                tested_findings(condition, &mut facts);
            }
        }
        let age = graph.findings.len();
        // The findings that settle a reason need slots too (see `exempt`).
        let reasons = if exempting {
            exempt::reasons(graph, age, age + 1)
        } else {
            Vec::new()
        };
        let mut settling = Vec::new();
        reasons
            .iter()
            .for_each(|r| exempt::findings(&r.settled, &mut settling));
        for id in settling {
            if let Some(f) = graph.finding(id) {
                let next = facts.len();
                facts.entry(f.id.as_str()).or_insert(next);
            }
        }
        let compiler = Compiler {
            graph,
            index: &index,
            facts: &facts,
            age,
        };
        let mut steps: Vec<Step> = graph.questions.iter().map(|q| compiler.step(q)).collect();
        let real = steps.len();
        // The virtual questions after the end, one per item with reasons: asked, and so
        // asking the item, when every reason for it is settled.
        let mut items: Vec<usize> = reasons.iter().map(|r| r.item).collect();
        items.sort_unstable();
        items.dedup();
        if !items.is_empty() {
            let first = Some(real);
            for step in &mut steps {
                step.skip_to = step.skip_to.or(first);
                step.branches
                    .iter_mut()
                    .for_each(|b| b.next = b.next.or(first));
                step.uniform = step.branches.iter().all(|b| b.next == step.skip_to);
            }
        }
        let slot = |id: &str| facts.get(id).copied().unwrap_or_default();
        let mut by_item: HashMap<usize, Vec<&exempt::Reason>> = HashMap::new();
        for reason in &reasons {
            by_item.entry(reason.item).or_default().push(reason);
        }
        for (n, &item) in items.iter().enumerate() {
            let mine = by_item.remove(&item).unwrap_or_default();
            let next = (n + 1 < items.len()).then_some(real + n + 1);
            let mut asks = Set::new(age + 2);
            asks.insert(item);
            steps.push(Step {
                id: "(end)",
                ask_if: Some(exempt::test(&mine, &slot)),
                skip_to: next,
                branches: vec![Branch {
                    label: "settled".to_string(),
                    add: Vec::new(),
                    rule_out: Vec::new(),
                    age: None,
                    sex: None,
                    next,
                }],
                asks,
                writes: Set::new(facts.len() + 2),
                uniform: true,
            });
        }
        let successors: Vec<Vec<usize>> = steps
            .iter()
            .map(|s| {
                let mut next: Vec<usize> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                for n in s.branches.iter().map(|b| b.next).chain([s.skip_to]) {
                    if let Some(n) = n.filter(|&n| seen.insert(n)) {
                        next.push(n);
                    }
                }
                next
            })
            .collect();
        let post_order = post_order(&successors);
        let mut writers: Vec<Vec<usize>> = vec![Vec::new(); facts.len() + 2];
        for (s, step) in steps.iter().enumerate() {
            step.writes.iter().for_each(|slot| writers[slot].push(s));
        }
        Model {
            steps,
            real,
            index,
            successors,
            post_order,
            writers,
            facts: facts.len(),
            age,
            sex: age + 1,
            cause_emergencies: cause_emergencies(graph),
        }
    }

    fn step_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    fn items(&self) -> usize {
        self.sex + 1
    }

    fn slots(&self) -> usize {
        self.facts + 2
    }
}

/// For each cause, the findings with an emergency red flag that it links for it.
fn cause_emergencies(graph: &Graph) -> Vec<Vec<usize>> {
    let emergency: Vec<bool> = graph
        .findings
        .iter()
        .map(|f| {
            f.red_flag
                .as_ref()
                .is_some_and(|flag| flag.triage == Triage::Emergency)
        })
        .collect();
    graph
        .causes
        .iter()
        .map(|cause| {
            cause
                .findings
                .iter()
                .filter(|l| counts_for(l.1))
                .filter_map(|l| graph.finding_index(&l.0))
                .filter(|&f| emergency[f])
                .collect()
        })
        .collect()
}

/// Findings tested by a condition, numbered in the order first met.
fn tested_findings<'g>(condition: &'g Condition, facts: &mut HashMap<&'g str, usize>) {
    match condition {
        Condition::Has(f) | Condition::Lacks(f) => {
            let next = facts.len();
            facts.entry(f.as_str()).or_insert(next);
        }
        Condition::Not(inner) => tested_findings(inner, facts),
        Condition::All(all) | Condition::Any(all) => {
            all.iter().for_each(|c| tested_findings(c, facts));
        }
        Condition::InRegion(_) | Condition::IsSex(_) | Condition::Age(_) => {}
    }
}

/// Every node, each after its successors except along a cycle; iterative.
fn post_order(successors: &[Vec<usize>]) -> Vec<usize> {
    let mut order = Vec::with_capacity(successors.len());
    let mut visited = vec![false; successors.len()];
    for root in 0..successors.len() {
        if visited[root] {
            continue;
        }
        visited[root] = true;
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some((node, edge)) = stack.last_mut() {
            if let Some(&next) = successors[*node].get(*edge) {
                *edge += 1;
                if !visited[next] {
                    visited[next] = true;
                    stack.push((next, 0));
                }
            } else {
                order.push(*node);
                stack.pop();
            }
        }
    }
    order
}

struct Compiler<'a, 'g> {
    graph: &'g Graph,
    index: &'a HashMap<&'g str, usize>,
    facts: &'a HashMap<&'g str, usize>,
    age: usize,
}

impl<'g> Compiler<'_, 'g> {
    fn step(&self, q: &'g Question) -> Step<'g> {
        let mut asks = Set::new(self.age + 2);
        let mut branches = Vec::new();
        let question_next = q.next.as_deref();
        match &q.answers {
            Answers::YesNo { yes, no, unsure } => {
                for (label, outcome) in [("yes", yes), ("no", no), ("unsure", unsure)] {
                    branches.push(self.outcome(label, outcome, question_next, &mut asks));
                }
            }
            Answers::Choice(choices) => {
                for choice in choices {
                    self.mark(&mut asks, choice.add.iter().chain(&choice.rule_out));
                    if choice.age.is_some() {
                        asks.insert(self.age);
                    }
                    if choice.sex.is_some() {
                        asks.insert(self.age + 1);
                    }
                    branches.push(Branch {
                        label: format!("\"{}\"", choice.label),
                        add: self.fact_indexes(&choice.add),
                        rule_out: self.fact_indexes(&choice.rule_out),
                        age: choice.age,
                        sex: choice.sex,
                        next: self.resolve(choice.next.as_deref().or(question_next)),
                    });
                }
                branches.push(Branch {
                    label: "unsure".to_string(),
                    add: Vec::new(),
                    rule_out: Vec::new(),
                    age: None,
                    sex: None,
                    next: self.resolve(question_next),
                });
            }
            Answers::Checklist(items) => {
                self.mark(&mut asks, items.iter().map(|i| &i.finding));
                branches = checklist::branches(items, self.facts, self.resolve(question_next));
            }
        }
        let skip_to = self.resolve(q.otherwise.as_deref().or(question_next));
        let facts = self.facts.len();
        let mut writes = Set::new(facts + 2);
        for branch in &branches {
            branch
                .add
                .iter()
                .chain(&branch.rule_out)
                .for_each(|&f| writes.insert(f));
            if branch.age.is_some() {
                writes.insert(facts);
            }
            if branch.sex.is_some() {
                writes.insert(facts + 1);
            }
        }
        Step {
            id: &q.id,
            ask_if: q.ask_if.as_ref().map(|c| self.test(c)),
            skip_to,
            uniform: branches.iter().all(|b| b.next == skip_to),
            branches,
            asks,
            writes,
        }
    }

    fn outcome(
        &self,
        label: &str,
        outcome: &'g Outcome,
        question_next: Option<&'g str>,
        asks: &mut Set,
    ) -> Branch {
        self.mark(asks, outcome.add.iter().chain(&outcome.rule_out));
        Branch {
            label: label.to_string(),
            add: self.fact_indexes(&outcome.add),
            rule_out: self.fact_indexes(&outcome.rule_out),
            age: None,
            sex: None,
            next: self.resolve(outcome.next.as_deref().or(question_next)),
        }
    }

    fn mark<'s>(&self, asks: &mut Set, ids: impl Iterator<Item = &'s String>) {
        for i in ids.filter_map(|id| self.graph.finding_index(id)) {
            asks.insert(i);
        }
    }

    /// The findings among `ids` that some condition tests, as slots.
    fn fact_indexes(&self, ids: &[String]) -> Vec<usize> {
        ids.iter()
            .filter_map(|id| self.facts.get(id.as_str()).copied())
            .collect()
    }

    /// A question id that does not exist ends the interview, as in `Interview::walk`.
    fn resolve(&self, id: Option<&str>) -> Option<usize> {
        id.and_then(|id| self.index.get(id).copied())
    }

    fn test(&self, condition: &'g Condition) -> Test<'g> {
        // Every finding a condition tests has a slot (see `tested_findings`).
        let slot = |id: &String| self.facts.get(id.as_str()).copied().unwrap_or_default();
        match condition {
            Condition::Has(f) => Test::Has(slot(f)),
            Condition::Lacks(f) => Test::Lacks(slot(f)),
            Condition::InRegion(r) => Test::InRegion(r),
            Condition::IsSex(sex) => Test::IsSex(*sex),
            Condition::Age(range) => Test::Age(*range),
            Condition::Not(inner) => Test::Not(Box::new(self.test(inner))),
            Condition::All(all) => Test::All(all.iter().map(|c| self.test(c)).collect()),
            Condition::Any(any) => Test::Any(any.iter().map(|c| self.test(c)).collect()),
        }
    }
}

/// The one region chosen, as region conditions see it: `InRegion` holds for it and the
/// regions it is part of.
#[derive(Clone, Copy)]
struct Chosen<'g> {
    graph: &'g Graph,
    region: &'g str,
}

impl Chosen<'_> {
    fn within(&self, region: &str) -> bool {
        self.graph.region_within(self.region, region)
    }
}

/// The conditions with one region chosen.
struct RegionView<'g> {
    chosen: Chosen<'g>,
    ask_if: Vec<Option<Test<'g>>>,
    /// The slots each question's condition reads.
    reads: Vec<Set>,
    /// The findings whose presence, and whose absence, each condition tests.
    has: Vec<Set>,
    lacks: Vec<Set>,
}

/// Targets searched together, and what the search keeps for them.
struct Group {
    /// Indexes into the region's targets.
    targets: Vec<usize>,
    items: Set,
    /// The questions whose condition is evaluated; any other one is passed over.
    decides: Vec<bool>,
    /// For each decided question, what its nodes keep: what it or any later decided
    /// question tests.
    masks: Vec<Mask>,
}

impl<'g> RegionView<'g> {
    fn new(graph: &'g Graph, model: &Model<'g>, region: &'g str) -> Self {
        let chosen = Chosen { graph, region };
        let ask_if: Vec<Option<Test>> = model
            .steps
            .iter()
            .map(|s| s.ask_if.as_ref().map(|t| t.for_regions(&chosen)))
            .collect();
        let mut view = RegionView {
            chosen,
            ask_if: Vec::new(),
            reads: Vec::new(),
            has: Vec::new(),
            lacks: Vec::new(),
        };
        for test in &ask_if {
            let mut reads = Set::new(model.slots());
            let mut has = Set::new(model.slots());
            let mut lacks = Set::new(model.slots());
            if let Some(test) = test {
                test.reads(model.facts, &mut reads, &mut has, &mut lacks);
            }
            view.reads.push(reads);
            view.has.push(has);
            view.lacks.push(lacks);
        }
        view.ask_if = ask_if;
        view
    }

    /// The slots that bear on whether a target is asked (see the module comment): read by
    /// a question that asks it or routes answers apart, or by one that records a slot
    /// already found to bear on it.
    fn bearing_on(&self, model: &Model, item: usize) -> Set {
        let mut slots = Set::new(model.slots());
        let mut todo: Vec<usize> = Vec::new();
        let mut taken = vec![false; model.steps.len()];
        let mut take = |s: usize, slots: &mut Set, todo: &mut Vec<usize>| {
            if !std::mem::replace(&mut taken[s], true) {
                for slot in self.reads[s].iter() {
                    if !slots.contains(slot) {
                        slots.insert(slot);
                        todo.push(slot);
                    }
                }
            }
        };
        for (s, step) in model.steps.iter().enumerate() {
            if step.asks.contains(item) || !step.uniform {
                take(s, &mut slots, &mut todo);
            }
        }
        while let Some(slot) = todo.pop() {
            for &s in &model.writers[slot] {
                take(s, &mut slots, &mut todo);
            }
        }
        slots
    }

    /// The targets grouped by the slots that bear on them, in order of first target.
    fn groups(&self, model: &Model, targets: &[Target]) -> Vec<Group> {
        let mut by_slots: Vec<(Set, Vec<usize>)> = Vec::new();
        for (t, target) in targets.iter().enumerate() {
            let slots = self.bearing_on(model, target.item);
            match by_slots.iter_mut().find(|(s, _)| *s == slots) {
                Some((_, members)) => members.push(t),
                None => by_slots.push((slots, vec![t])),
            }
        }
        by_slots
            .into_iter()
            .map(|(slots, members)| {
                let mut items = Set::new(model.items());
                members.iter().for_each(|&t| items.insert(targets[t].item));
                let decides: Vec<bool> = model
                    .steps
                    .iter()
                    .map(|s| s.asks.intersects(&items) || !s.uniform || s.writes.intersects(&slots))
                    .collect();
                let mut has = Set::new(model.slots());
                let mut lacks = Set::new(model.slots());
                for s in (0..decides.len()).filter(|&s| decides[s]) {
                    has.union_with(&self.has[s]);
                    lacks.union_with(&self.lacks[s]);
                }
                // Only decided questions have nodes.
                let nothing = Set::new(model.slots());
                let masks = self
                    .kept(model, &decides)
                    .iter()
                    .zip(&decides)
                    .map(|(kept, &decided)| {
                        let kept = if decided { kept } else { &nothing };
                        Mask::new(model.facts, kept, &has, &lacks)
                    })
                    .collect();
                Group {
                    targets: members,
                    items,
                    decides,
                    masks,
                }
            })
            .collect()
    }

    /// For each question, what its condition or a later decided question's reads.
    fn kept(&self, model: &Model, decides: &[bool]) -> Vec<Set> {
        let mut kept: Vec<Set> = (0..model.steps.len())
            .map(|s| {
                if decides[s] {
                    self.reads[s].clone()
                } else {
                    Set::new(model.slots())
                }
            })
            .collect();
        for &s in &model.post_order {
            for &next in &model.successors[s] {
                if next != s {
                    let after = kept[next].clone();
                    kept[s].union_with(&after);
                }
            }
        }
        kept
    }
}

/// A decided question reached in a state, and what follows from it.
struct Node {
    step: usize,
    state: State,
    expanded: bool,
    /// Whether the question is asked here, not skipped.
    asked: bool,
    /// `(branch, next node)`, `None` for the end; one edge without a branch when the
    /// question is skipped.
    edges: Vec<(Option<usize>, Option<usize>)>,
    /// The group's targets missed on at least one path from here, once solved.
    missed: Option<Set>,
}

/// The search for one group of targets of one region. Its nodes are decided questions:
/// a question passed over goes on where skipping it does and changes nothing kept, so
/// the search goes straight through it to the next decided question.
struct Search<'a, 'g> {
    model: &'a Model<'g>,
    view: &'a RegionView<'g>,
    group: &'a Group,
    /// For each question, the first decided question from there on through questions
    /// passed over; `None` for the end.
    ahead: Vec<Option<usize>>,
    nodes: Vec<Node>,
    index: HashMap<(usize, State), usize, BuildHasherDefault<FxHasher>>,
}

impl<'a, 'g> Search<'a, 'g> {
    fn new(model: &'a Model<'g>, view: &'a RegionView<'g>, group: &'a Group) -> Self {
        let mut ahead: Vec<Option<usize>> = vec![None; model.steps.len()];
        // Successors first; along a cycle (only met in tests) a question leads to the end.
        for &s in &model.post_order {
            ahead[s] = if group.decides[s] {
                Some(s)
            } else {
                model.steps[s].skip_to.and_then(|next| ahead[next])
            };
        }
        Search {
            model,
            view,
            group,
            ahead,
            nodes: Vec::new(),
            index: HashMap::default(),
        }
    }

    /// The node for the first decided question from `step` on, in a state, created when
    /// new; `None` for the end.
    fn node(&mut self, step: Option<usize>, state: State) -> Option<usize> {
        let step = self.ahead[step?]?;
        let state = state.keep(&self.group.masks[step]);
        let key = (step, state);
        if let Some(&n) = self.index.get(&key) {
            return Some(n);
        }
        let n = self.nodes.len();
        self.nodes.push(Node {
            step,
            state: key.1.clone(),
            expanded: false,
            asked: false,
            edges: Vec::new(),
            missed: None,
        });
        self.index.insert(key, n);
        Some(n)
    }

    /// Solve every node reachable from the entry; returns the entry's node.
    fn solve(&mut self, entry: usize) -> Option<usize> {
        let root = self.node(Some(entry), State::unknown(self.model.facts));
        let mut stack: Vec<usize> = root.into_iter().collect();
        while let Some(&n) = stack.last() {
            if !self.nodes[n].expanded {
                self.expand(n);
            }
            // A successor expanded but not solved is on the stack: a cycle, which `flow`
            // reports; it then counts as missing nothing.
            let pending = self.nodes[n]
                .edges
                .iter()
                .filter_map(|&(_, next)| next)
                .find(|&next| !self.nodes[next].expanded);
            if let Some(next) = pending {
                stack.push(next);
            } else {
                self.settle(n);
                stack.pop();
            }
        }
        root
    }

    fn expand(&mut self, n: usize) {
        let model = self.model;
        let s = self.nodes[n].step;
        let step = &model.steps[s];
        let state = self.nodes[n].state.clone();
        let asked = self.view.ask_if[s]
            .as_ref()
            .is_none_or(|test| test.holds(&state, &self.view.chosen));
        let edges = if asked {
            step.branches
                .iter()
                .enumerate()
                .map(|(b, branch)| {
                    let mut after = state.clone();
                    branch.apply(&mut after);
                    (Some(b), self.node(branch.next, after))
                })
                .collect()
        } else {
            vec![(None, self.node(step.skip_to, state))]
        };
        let node = &mut self.nodes[n];
        node.expanded = true;
        node.asked = asked;
        node.edges = edges;
    }

    fn settle(&mut self, n: usize) {
        let node = &self.nodes[n];
        let mut missed = Set::new(self.model.items());
        for &(_, next) in &node.edges {
            match next.and_then(|next| self.nodes[next].missed.as_ref()) {
                Some(after) => missed.union_with(after),
                None if next.is_none() => missed.union_with(&self.group.items),
                None => {}
            }
        }
        if node.asked {
            missed.remove_all(&self.model.steps[node.step].asks);
        }
        self.nodes[n].missed = Some(missed);
    }

    /// Whether some path from a node misses the item; from the end, every item of the
    /// group is missed (questions passed over ask none of them).
    fn misses(&self, node: Option<usize>, item: usize) -> bool {
        match node {
            None => self.group.items.contains(item),
            Some(n) => self.nodes[n]
                .missed
                .as_ref()
                .is_some_and(|missed| missed.contains(item)),
        }
    }

    /// The first path from the entry to the end that misses the item, in words:
    /// `q-a (yes) -> q-b ("Under 16") -> end`, replayed with everything known so that a
    /// question passed over is shown when it is asked (with its first answer: they all
    /// lead to the same place). Skipped questions are left out.
    fn witness(&self, entry: usize, root: Option<usize>, item: usize) -> String {
        let model = self.model;
        let mut known = State::unknown(model.facts);
        let mut parts: Vec<String> = Vec::new();
        let (mut at, mut node) = (Some(entry), root);
        // Each turn goes one question further; a graph without cycles ends.
        for _ in 0..=model.steps.len() {
            let Some(s) = at.filter(|&s| s < model.real) else {
                break;
            };
            let step = &model.steps[s];
            let (branch, next) = match node.filter(|&n| self.nodes[n].step == s) {
                // Decided on what the node keeps, so as the node has it.
                Some(n) => {
                    let edges = &self.nodes[n].edges;
                    let Some(&(branch, next)) = edges.iter().find(|e| self.misses(e.1, item))
                    else {
                        break;
                    };
                    node = next;
                    (
                        branch,
                        branch.map_or(step.skip_to, |b| step.branches[b].next),
                    )
                }
                None => {
                    let asked = self.view.ask_if[s]
                        .as_ref()
                        .is_none_or(|test| test.holds(&known, &self.view.chosen));
                    (asked.then_some(0), step.skip_to)
                }
            };
            if let Some(branch) = branch.and_then(|b| step.branches.get(b)) {
                branch.apply(&mut known);
                parts.push(format!("{} ({})", step.id, branch.label));
            }
            at = next;
        }
        parts.push("end".to_string());
        parts.join(" -> ")
    }
}

mod checklist;
mod exempt;
#[cfg(test)]
mod tests;

/// The multiply-rotate hash of the Rust compiler (FxHash): the search hashes millions of
/// small states, where `SipHash`'s protection against crafted keys buys nothing.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
