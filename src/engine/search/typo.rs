//! Typing mistakes: the edit distance between two words, counting a swap of two
//! neighbouring letters as one edit ("shingels" is one edit from "shingles").

/// How many edits a typed word of `len` characters may hold and still match: none for
/// three letters or fewer, one up to seven, two from eight.
pub(super) fn allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The optimal-string-alignment distance between `a` and `b`, or `None` when it is
/// more than `max`.
pub(super) fn distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let last = table(a, b);
    let d = last[b.len()];
    (d <= max).then_some(d)
}

/// The fewest edits that turn `a` into the start of `b`, and how many characters of
/// `b` that start takes ("sciatt" is one edit from "sciat", the start of "sciatica"),
/// or `None` when it is more than `max`.
pub(super) fn prefix_distance(a: &[char], b: &[char], max: usize) -> Option<(usize, usize)> {
    let b = &b[..b.len().min(a.len() + max)];
    let last = table(a, b);
    let lo = a.len().saturating_sub(max);
    (lo..=b.len())
        .filter(|&j| j > 0)
        .map(|j| (last[j], j))
        .min()
        .filter(|&(d, _)| d <= max)
}

/// The last row of the distance table between `a` and every start of `b`.
fn table(a: &[char], b: &[char]) -> Vec<usize> {
    let width = b.len() + 1;
    let mut two_back: Vec<usize> = vec![0; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(two_back[j - 2] + 1);
            }
            cur[j] = d;
        }
        std::mem::swap(&mut two_back, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn d(a: &str, b: &str) -> Option<usize> {
        distance(&chars(a), &chars(b), 3)
    }

    #[test]
    fn swaps_count_once() {
        assert_eq!(d("shingels", "shingles"), Some(1));
        assert_eq!(d("sciattica", "sciatica"), Some(1));
        assert_eq!(d("hernated", "herniated"), Some(1));
        assert_eq!(d("stenossis", "stenosis"), Some(1));
        assert_eq!(d("abc", "abc"), Some(0));
        assert_eq!(d("", "abc"), Some(3));
        assert_eq!(d("kitten", "sitting"), Some(3));
        assert_eq!(distance(&chars("back"), &chars("spondylosis"), 1), None);
    }

    #[test]
    fn the_start_of_a_longer_word() {
        let p = |a: &str, b: &str| prefix_distance(&chars(a), &chars(b), 1);
        assert_eq!(p("sciatt", "sciatica"), Some((1, 5)));
        assert_eq!(p("sciat", "sciatica"), Some((0, 5)));
        assert_eq!(p("pancrs", "pancreatitis"), Some((1, 5)));
        assert_eq!(p("zzzzz", "pancreatitis"), None);
    }

    #[test]
    fn short_words_must_be_typed_right() {
        assert_eq!(allowed(3), 0);
        assert_eq!(allowed(5), 1);
        assert_eq!(allowed(9), 2);
    }
}
