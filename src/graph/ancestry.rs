//! The regions as a tree, worked out once when a graph is parsed, so that "is this region
//! part of that one" takes constant time and a region's ancestry is a walk of its length.
//!
//! Each region's parent is the first region with the parent's id (as lookups by id have
//! it). Following parents either stops at a region without one or goes round a parent
//! cycle (an error the validator reports, which must not hang anything meanwhile): the
//! ancestry of a region is every region met before one comes round again.
//!
//! The regions not on a cycle form a forest whose roots are the regions without a parent
//! and the regions on a cycle; a depth-first numbering of it answers "is `a` on the way
//! up from `b`" with two comparisons. A region on a cycle is on the way up from `b` when
//! `b`'s walk ends on that same cycle. Everything is built without recursion, in time
//! linear in the number of regions.

/// Precomputed parent links of the regions, by index in `Graph::regions`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ancestry {
    /// The parent's index, when it has a parent that exists.
    parent: Vec<Option<usize>>,
    /// How many regions the ancestry has, the region itself included.
    len: Vec<usize>,
    /// Depth-first entry and exit numbers in the forest.
    enter: Vec<usize>,
    leave: Vec<usize>,
    /// The root of the region's tree: a region without parent, or one on a cycle.
    root: Vec<usize>,
    /// For a region on a parent cycle, the number of its cycle.
    cycle: Vec<Option<usize>>,
    /// The nearest region in the ancestry with an entry question.
    entry: Vec<Option<usize>>,
}

impl Ancestry {
    /// `parents[i]`: the index of region `i`'s parent; `has_entry[i]`: whether region `i`
    /// names its own entry question.
    pub fn new(parents: Vec<Option<usize>>, has_entry: &[bool]) -> Self {
        let n = parents.len();
        let parent: Vec<Option<usize>> =
            parents.into_iter().map(|p| p.filter(|&p| p < n)).collect();
        let (cycle, cycles) = find_cycles(&parent);

        // The forest: an edge from each region not on a cycle to its parent.
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for i in 0..n {
            match parent[i] {
                Some(p) if cycle[i].is_none() => children[p].push(i),
                _ => roots.push(i),
            }
        }

        let mut out = Ancestry {
            parent,
            len: vec![0; n],
            enter: vec![0; n],
            leave: vec![0; n],
            root: vec![0; n],
            cycle,
            entry: vec![None; n],
        };
        let own_entry = |i: usize| has_entry.get(i).copied().unwrap_or(false).then_some(i);
        // The ancestry of a region on a cycle is its whole cycle, from itself round.
        for members in &cycles {
            let k = members.len();
            let mut next_entry = None;
            for step in (0..2 * k).rev() {
                let node = members[step % k];
                next_entry = own_entry(node).or(next_entry);
                out.entry[node] = next_entry;
                out.len[node] = k;
            }
        }
        let mut clock = 0;
        for &root in &roots {
            if out.cycle[root].is_none() {
                out.len[root] = 1;
                out.entry[root] = own_entry(root);
            }
            // Iterative depth-first walk: (node, next child to visit).
            let mut stack = vec![(root, 0usize)];
            out.enter[root] = clock;
            clock += 1;
            out.root[root] = root;
            while let Some((node, next)) = stack.last_mut() {
                let node = *node;
                let Some(&child) = children[node].get(*next) else {
                    out.leave[node] = clock;
                    clock += 1;
                    stack.pop();
                    continue;
                };
                *next += 1;
                out.len[child] = out.len[node] + 1;
                out.entry[child] = own_entry(child).or(out.entry[node]);
                out.root[child] = root;
                out.enter[child] = clock;
                clock += 1;
                stack.push((child, 0));
            }
        }
        out
    }

    /// The region and every region it is part of, nearest first.
    pub fn walk(&self, region: usize) -> impl Iterator<Item = usize> + '_ {
        let len = self.len.get(region).copied().unwrap_or(0);
        std::iter::successors(Some(region), move |&r| {
            self.parent.get(r).copied().flatten()
        })
        .take(len)
    }

    /// Whether `ancestor` is `region` or a region it is part of.
    pub fn within(&self, region: usize, ancestor: usize) -> bool {
        if region >= self.len.len() || ancestor >= self.len.len() {
            return false;
        }
        match self.cycle[ancestor] {
            Some(c) => self.cycle[self.root[region]] == Some(c),
            None => {
                self.enter[ancestor] <= self.enter[region]
                    && self.leave[region] <= self.leave[ancestor]
            }
        }
    }

    /// The nearest region in the ancestry that names an entry question.
    pub fn entry(&self, region: usize) -> Option<usize> {
        self.entry.get(region).copied().flatten()
    }
}

/// Regions listed by an item (a cause, a triage rule), for asking whether the item lists
/// a region, a region it is part of or one of its parts, in logarithmic time however
/// many it lists. Built by [`Ancestry::set`]; it mirrors [`Ancestry::within`] both ways.
#[derive(Debug, Clone, Default)]
pub(crate) struct RegionSet {
    /// The depth-first intervals of the listed regions not on a cycle: the outermost
    /// ones only (they nest or are apart), by start.
    outer: Vec<(usize, usize)>,
    /// The depth-first entry numbers of the listed regions not on a cycle, sorted.
    enters: Vec<usize>,
    /// The cycles that listed regions are on, sorted.
    on_cycles: Vec<usize>,
    /// The cycles that the walks up from listed regions end on, sorted.
    below_cycles: Vec<usize>,
}

impl Ancestry {
    /// The set of the listed regions (indexes out of range are left out).
    pub fn set(&self, regions: impl IntoIterator<Item = usize>) -> RegionSet {
        let mut set = RegionSet::default();
        let mut intervals = Vec::new();
        for r in regions.into_iter().filter(|&r| r < self.len.len()) {
            match self.cycle[r] {
                Some(c) => set.on_cycles.push(c),
                None => intervals.push((self.enter[r], self.leave[r])),
            }
            if let Some(c) = self.cycle[self.root[r]] {
                set.below_cycles.push(c);
            }
        }
        intervals.sort_unstable();
        for &(start, end) in &intervals {
            set.enters.push(start);
            if set
                .outer
                .last()
                .is_none_or(|&(_, last_end)| start > last_end)
            {
                set.outer.push((start, end));
            }
        }
        set.enters.dedup();
        for list in [&mut set.on_cycles, &mut set.below_cycles] {
            list.sort_unstable();
            list.dedup();
        }
        set
    }

    /// Whether a region of the set is `region`, a region it is part of, or one of its
    /// parts: `within(region, l) || within(l, region)` for some listed `l`.
    pub fn related_to_set(&self, set: &RegionSet, region: usize) -> bool {
        if region >= self.len.len() {
            return false;
        }
        let (enter, leave) = (self.enter[region], self.leave[region]);
        // A listed region on the way up: an interval around it, or its cycle.
        let i = set.outer.partition_point(|&(start, _)| start <= enter);
        if i > 0 && enter <= set.outer[i - 1].1 {
            return true;
        }
        let up_cycle = self.cycle[self.root[region]];
        if up_cycle.is_some_and(|c| set.on_cycles.binary_search(&c).is_ok()) {
            return true;
        }
        // A listed region below it.
        if let Some(c) = self.cycle[region] {
            set.below_cycles.binary_search(&c).is_ok()
        } else {
            let k = set.enters.partition_point(|&e| e < enter);
            set.enters.get(k).is_some_and(|&e| e <= leave)
        }
    }
}

/// For each node of a child -> parent relation, the number of the cycle it is on; and the
/// members of each cycle in walk order.
fn find_cycles(parent: &[Option<usize>]) -> (Vec<Option<usize>>, Vec<Vec<usize>>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Visit {
        New,
        OnPath,
        Done,
    }
    let mut state = vec![Visit::New; parent.len()];
    let mut cycle = vec![None; parent.len()];
    let mut cycles = Vec::new();
    let mut walk = Vec::new();
    // Where each node is in the walk that first met it (each node is met by one walk).
    let mut position = vec![0; parent.len()];
    for start in 0..parent.len() {
        walk.clear();
        let mut at = Some(start);
        while let Some(node) = at {
            match state[node] {
                Visit::New => {
                    state[node] = Visit::OnPath;
                    position[node] = walk.len();
                    walk.push(node);
                    at = parent[node];
                }
                Visit::OnPath => {
                    let members = walk[position[node]..].to_vec();
                    for &m in &members {
                        cycle[m] = Some(cycles.len());
                    }
                    cycles.push(members);
                    at = None;
                }
                Visit::Done => at = None,
            }
        }
        for &node in &walk {
            state[node] = Visit::Done;
        }
    }
    (cycle, cycles)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ancestry as the plain walk with a repeat check computes it.
    fn slow_walk(parent: &[Option<usize>], start: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = Some(start);
        while let Some(r) = at {
            if out.contains(&r) {
                break;
            }
            out.push(r);
            at = parent[r].filter(|&p| p < parent.len());
        }
        out
    }

    fn check_against_slow(parent: &[Option<usize>], has_entry: &[bool]) {
        let a = Ancestry::new(parent.to_vec(), has_entry);
        // Sets of every size against the plain test, for every region.
        let n = parent.len();
        for mask in 0..(1usize << n.min(7)) {
            let listed: Vec<usize> = (0..n).filter(|&i| i < 7 && mask & (1 << i) != 0).collect();
            let set = a.set(listed.iter().copied().chain([n + 3]));
            for region in 0..n {
                let slow = listed
                    .iter()
                    .any(|&l| a.within(region, l) || a.within(l, region));
                assert_eq!(
                    a.related_to_set(&set, region),
                    slow,
                    "{region} related to {listed:?} ({parent:?})"
                );
            }
        }
        for region in 0..parent.len() {
            let slow = slow_walk(parent, region);
            assert_eq!(a.walk(region).collect::<Vec<_>>(), slow, "walk of {region}");
            for other in 0..parent.len() {
                assert_eq!(
                    a.within(region, other),
                    slow.contains(&other),
                    "{other} within {region} ({parent:?})"
                );
            }
            let entry = slow.iter().copied().find(|&r| has_entry[r]);
            assert_eq!(a.entry(region), entry, "entry of {region}");
        }
    }

    #[test]
    fn trees_tails_and_cycles_agree_with_the_plain_walk() {
        // 0 root; 1, 2 under 0; 3 under 2; 4 -> 5 -> 6 -> 4 a cycle; 7 -> 5 a tail; 8 self.
        let parent = [
            None,
            Some(0),
            Some(0),
            Some(2),
            Some(5),
            Some(6),
            Some(4),
            Some(5),
            Some(8),
        ];
        let entries = [
            [true, false, false, false, false, false, false, false, false],
            [false, false, true, false, false, true, false, false, false],
            [false; 9],
        ];
        for has_entry in entries {
            check_against_slow(&parent, &has_entry);
        }
    }

    #[test]
    fn random_relations_agree_with_the_plain_walk() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |bound: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % bound
        };
        for _ in 0..300 {
            let n = 1 + next(12) as usize;
            let parent: Vec<Option<usize>> = (0..n)
                .map(|_| match next(3) {
                    0 => None,
                    _ => Some(next(n as u64 + 1) as usize),
                })
                .collect();
            let has_entry: Vec<bool> = (0..n).map(|_| next(3) == 0).collect();
            check_against_slow(&parent, &has_entry);
        }
    }

    #[test]
    fn a_long_chain_is_built_without_recursion() {
        let n: usize = 200_000;
        let parent: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
        let mut has_entry = vec![false; n];
        has_entry[0] = true;
        let a = Ancestry::new(parent, &has_entry);
        assert!(a.within(n - 1, 0));
        assert!(!a.within(0, n - 1));
        assert_eq!(a.entry(n - 1), Some(0));
        assert_eq!(a.walk(n - 1).count(), n);
    }
}
