//! "Did you mean": the names and aliases whose words are fewest edits from the words
//! typed, with a looser bound than a search allows.

use super::fold::{fold_char, words};
use super::index::{Index, Item, VocabWord};
use super::typo;

/// How far a typed word of `len` characters may be from a suggestion's word.
fn bound(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=5 => len / 2,
        _ => len / 3 + 1,
    }
}

/// The items closest to the query, with the text (0 the name, 1.. an alias) that is
/// closest, best first, at most `most`.
pub(super) fn closest<'i>(index: &'i Index, query: &str, most: usize) -> Vec<(&'i Item, usize)> {
    let folded: Vec<char> = query.chars().map(fold_char).collect();
    let typed: Vec<VocabWord> = words(&folded)
        .into_iter()
        .map(|(s, l)| VocabWord::new(folded[s..s + l].iter().collect()))
        .collect();
    let mut terms: Vec<&VocabWord> = typed.iter().filter(|w| !w.stop).collect();
    if terms.is_empty() {
        terms = typed.iter().collect();
    }
    // Each typed word's distance to each vocabulary word, u8::MAX when too far.
    let far = u8::MAX;
    let distances: Vec<Vec<u8>> = terms
        .iter()
        .map(|t| {
            let max = bound(t.chars.len());
            index
                .vocab
                .iter()
                .map(|w| {
                    let d = if w.stop || max == 0 {
                        None
                    } else if t.canon == w.canon {
                        Some(0)
                    } else {
                        typo::distance(&t.chars, &w.chars, max)
                    };
                    d.and_then(|d| u8::try_from(d).ok()).unwrap_or(far)
                })
                .collect()
        })
        .collect();
    // (misses, total distance, words in the text), item, text
    let mut best: Vec<((usize, usize, usize), &Item, usize)> = Vec::new();
    for item in &index.items {
        let mut item_best: Option<((usize, usize, usize), usize)> = None;
        for (t, text) in item.texts.iter().enumerate() {
            let mut misses = 0;
            let mut total = 0;
            for d in &distances {
                let near = text.words.iter().map(|w| d[w.vocab as usize]).min();
                match near {
                    Some(n) if n != far => total += usize::from(n),
                    _ => misses += 1,
                }
            }
            if misses == terms.len() {
                continue;
            }
            let key = (misses, total, text.words.len());
            if item_best.is_none_or(|(k, _)| key < k) {
                item_best = Some((key, t));
            }
        }
        if let Some((key, t)) = item_best {
            best.push((key, item, t));
        }
    }
    best.sort_by_key(|(key, item, _)| (*key, item.kind, item.index));
    // Only those that come as near for every word as the nearest.
    let fewest = best.first().map_or(0, |(key, _, _)| key.0);
    best.into_iter()
        .take_while(|(key, _, _)| key.0 == fewest)
        .take(most)
        .map(|(_, item, t)| (item, t))
        .collect()
}
