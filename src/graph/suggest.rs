//! "Did you mean ...?" suggestions for ids that do not resolve.
//!
//! Ranking is by edit distance (Levenshtein over characters, ASCII case folded), with a
//! small bonus for candidates that share a prefix with, or contain, the wanted id.

/// How many suggestions are worth showing.
const MAX_SUGGESTIONS: usize = 3;

/// Containment only counts when the shorter id is at least this long ("a" is in everything).
const MIN_CONTAINED_LEN: usize = 3;

/// The candidates closest to `wanted`, best first, at most three, only reasonable ones:
/// within an edit distance of `max(2, len / 3)`, or containing (or contained in) it.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = fold(wanted);
    let mut scored: Vec<(usize, usize, &'a str)> = candidates
        .into_iter()
        .filter_map(|c| score(&wanted, c).map(|(s, d)| (s, d, c)))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.2 == b.2);
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, c)| c)
        .collect()
}

/// `(rank, distance)` for a reasonable candidate, lower is better; `None` otherwise.
fn score(wanted: &[char], candidate: &str) -> Option<(usize, usize)> {
    let candidate = fold(candidate);
    let distance = levenshtein(wanted, &candidate);
    let bonus = affinity(wanted, &candidate);
    let limit = (wanted.len() / 3).max(2);
    let close = distance <= limit && distance < wanted.len().max(candidate.len());
    (close || bonus > 0).then(|| (distance.saturating_sub(bonus), distance))
}

/// 2 for a shared start (one is a prefix of the other), 1 for containment, else 0.
fn affinity(a: &[char], b: &[char]) -> usize {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < MIN_CONTAINED_LEN {
        0
    } else if long.starts_with(short) {
        2
    } else if long.windows(short.len()).any(|w| w == short) {
        1
    } else {
        0
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
    fn duplicates_are_shown_once() {
        assert_eq!(closest("fevr", ["fever", "fever"]), vec!["fever"]);
    }
}
