//! "Did you mean ...?" suggestions for ids that do not resolve.
//!
//! Ranking is by edit distance (Levenshtein over characters, ASCII case folded), with a
//! small bonus for candidates that share a prefix with, or contain, the wanted id.
//!
//! The work is bounded: ids longer than [`MAX_ID_CHARS`] are never compared (nobody
//! mistypes a hundred-character id, and a megabyte one would cost seconds), a candidate
//! whose length rules out both a small distance and containment costs nothing, and a
//! [`Budget`] caps the character comparisons over a whole run, so a file with twenty
//! thousand unknown references against twenty thousand ids stays fast: once it is spent,
//! unknown ids are reported without suggestions.

/// How many suggestions are worth showing.
const MAX_SUGGESTIONS: usize = 3;

/// Containment only counts when the shorter id is at least this long ("a" is in everything).
const MIN_CONTAINED_LEN: usize = 3;

/// Ids longer than this, in characters, get no suggestions and are never suggested.
pub const MAX_ID_CHARS: usize = 64;

/// Character comparisons allowed for the suggestions of one run (tens of milliseconds).
pub const WORK_LIMIT: u64 = 50_000_000;

/// What is left of the work allowed for suggestions; see the module comment.
#[derive(Debug, Clone)]
pub struct Budget(u64);

impl Default for Budget {
    fn default() -> Self {
        Budget(WORK_LIMIT)
    }
}

impl Budget {
    pub fn new(cells: u64) -> Self {
        Budget(cells)
    }

    /// Take `cells`; false (and nothing left) when there is not enough.
    fn spend(&mut self, cells: usize) -> bool {
        if let Some(left) = self.0.checked_sub(cells as u64) {
            self.0 = left;
            true
        } else {
            self.0 = 0;
            false
        }
    }
}

/// Ids to suggest from, folded once, for many lookups.
#[derive(Debug, Clone, Default)]
pub struct Candidates<'a> {
    list: Vec<(&'a str, Vec<char>)>,
}

impl<'a> Candidates<'a> {
    pub fn new(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let list = ids
            .into_iter()
            .filter_map(|id| fold_short(id).map(|folded| (id, folded)))
            .collect();
        Candidates { list }
    }

    /// The candidates closest to `wanted`, best first, at most three, only reasonable
    /// ones: within an edit distance of `max(2, len / 3)`, or containing (or contained
    /// in) it. None when `wanted` is too long or the budget runs out.
    pub fn closest(&self, wanted: &str, budget: &mut Budget) -> Vec<&'a str> {
        let Some(wanted) = fold_short(wanted) else {
            return Vec::new();
        };
        let mut scored: Vec<(usize, usize, &'a str)> = Vec::new();
        for (id, candidate) in &self.list {
            let cells = (wanted.len() + 1) * (candidate.len() + 1);
            if !budget.spend(cells) {
                return Vec::new();
            }
            if let Some((s, d)) = score(&wanted, candidate) {
                scored.push((s, d, id));
            }
        }
        scored.sort_unstable();
        scored.dedup_by(|a, b| a.2 == b.2);
        scored
            .into_iter()
            .take(MAX_SUGGESTIONS)
            .map(|(_, _, c)| c)
            .collect()
    }
}

/// The candidates closest to `wanted`, best first, at most three, only reasonable ones:
/// within an edit distance of `max(2, len / 3)`, or containing (or contained in) it.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    Candidates::new(candidates).closest(wanted, &mut Budget::default())
}

/// `(rank, distance)` for a reasonable candidate, lower is better; `None` otherwise.
fn score(wanted: &[char], candidate: &[char]) -> Option<(usize, usize)> {
    let limit = (wanted.len() / 3).max(2);
    let bonus = affinity(wanted, candidate);
    // The distance is at least the difference in length: too far, unless contained.
    if wanted.len().abs_diff(candidate.len()) > limit && bonus == 0 {
        return None;
    }
    let distance = levenshtein(wanted, candidate);
    let close = distance <= limit && distance < wanted.len().max(candidate.len());
    (close || bonus > 0).then(|| (distance.saturating_sub(bonus), distance))
}

/// The folded characters of an id no longer than [`MAX_ID_CHARS`].
fn fold_short(id: &str) -> Option<Vec<char>> {
    // A character is at most four bytes: longer strings are not even counted.
    if id.len() > 4 * MAX_ID_CHARS || id.chars().count() > MAX_ID_CHARS {
        return None;
    }
    Some(fold(id))
}

/// 2 for a shared start (one is a prefix of the other), 1 for containment, else 0.
fn affinity(a: &[char], b: &[char]) -> usize {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_CONTAINED_LEN {
        0
    } else if long.starts_with(short) {
        2
    } else {
        usize::from(long.windows(short.len()).any(|w| w == short))
    }
}

fn fold(s: &str) -> Vec<char> {
    s.chars().map(|c| c.to_ascii_lowercase()).collect()
}

/// Edit distance: insertions, deletions and substitutions each cost one.
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: &str, b: &str) -> usize {
        levenshtein(&fold(a), &fold(b))
    }

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(dist("", ""), 0);
        assert_eq!(dist("abc", ""), 3);
        assert_eq!(dist("", "abc"), 3);
        assert_eq!(dist("kitten", "sitting"), 3);
        assert_eq!(dist("fevr", "fever"), 1);
        assert_eq!(dist("Fever", "fever"), 0);
        assert_eq!(dist("sjögren", "sjogren"), 1);
    }

    #[test]
    fn typo_finds_the_intended_id() {
        let ids = ["fever", "weight-loss", "night-pain", "stiffness"];
        assert_eq!(closest("fevr", ids), vec!["fever"]);
        assert_eq!(closest("stifness", ids), vec!["stiffness"]);
        assert_eq!(closest("night-pian", ids), vec!["night-pain"]);
    }

    #[test]
    fn best_first_and_at_most_three() {
        let ids = ["pain-a", "pain-b", "pain-c", "pain-d", "pain"];
        let got = closest("pain", ids);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], "pain");
        assert_eq!(
            closest("pain-x", ["pain-xy", "pain-x"]),
            vec!["pain-x", "pain-xy"]
        );
    }

    #[test]
    fn containment_counts_even_when_far() {
        let ids = ["lower-back", "head"];
        assert_eq!(closest("back", ids), vec!["lower-back"]);
        assert_eq!(closest("lower-back-left-side", ids), vec!["lower-back"]);
    }

    #[test]
    fn shared_prefix_wins_a_tie() {
        assert_eq!(closest("back", ["black", "backs"]), vec!["backs", "black"]);
        // "saddle" is 9 edits from "saddle-numbness", yet plainly meant it.
        assert_eq!(
            closest("saddle", ["saddle-numbness", "sadness"]),
            vec!["saddle-numbness"]
        );
    }

    #[test]
    fn unreasonable_candidates_are_left_out() {
        let ids = ["kidney-stone", "shingles", "ab"];
        assert!(closest("fever", ids).is_empty());
        assert!(closest("cd", ["ab"]).is_empty());
        assert!(closest("", ids).is_empty());
        assert!(closest("x", Vec::<&str>::new()).is_empty());
    }

    #[test]
    fn long_ids_are_not_compared() {
        let long = "x".repeat(MAX_ID_CHARS + 1);
        assert!(closest(&long, ["x", "xx", long.as_str()]).is_empty());
        assert!(closest(&"x".repeat(1 << 20), ["xxx"]).is_empty());
        let limit = "x".repeat(MAX_ID_CHARS);
        assert_eq!(closest(&limit, [limit.as_str()]), vec![limit.as_str()]);
        assert!(closest("xxx", [long.as_str()]).is_empty());
    }

    #[test]
    fn a_spent_budget_gives_no_suggestions() {
        let ids = Candidates::new(["fever", "stiffness"]);
        let mut budget = Budget::new(100);
        assert_eq!(ids.closest("fevr", &mut budget), vec!["fever"]);
        assert!(ids.closest("fevr", &mut budget).is_empty());
        assert!(ids.closest("stifness", &mut budget).is_empty());
        assert_eq!(
            ids.closest("fevr", &mut Budget::default()),
            vec!["fever"],
            "a new budget starts again"
        );
    }

    #[test]
    fn duplicates_are_shown_once() {
        assert_eq!(closest("fevr", ["fever", "fever"]), vec!["fever"]);
    }
}
