//! "Did you mean": the names and aliases whose words are fewest edits from the words
//! typed, with a looser bound than a search allows.

use super::fold::{fold_char, letter_mask, words};
use super::index::Index;
use super::score::VocabWord;
use super::typo;

/// How far a typed word of `len` characters may be from a suggestion's word.
fn bound(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=5 => len / 2,
        _ => len / 3 + 1,
    }
}

/// The items closest to the query, with the text (its index in the index) that is
/// closest, best first, at most `most`.
pub(super) fn closest(index: &Index, query: &str, most: usize) -> Vec<(u32, u32)> {
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
    let mut chars = Vec::new();
    let distances: Vec<Vec<u8>> = terms
        .iter()
        .map(|t| {
            let max = bound(t.chars.len());
            let mask = letter_mask(&t.folded);
            (0..index.vocab_len())
                .map(|v| {
                    let w = index.vocab(v as u32);
                    let d = if w.stop || max == 0 {
                        None
                    } else if t.same_as(&w) {
                        Some(0)
                    } else if (mask ^ index.mask[v]).count_ones() as usize > 2 * max {
                        // Letters too unlike for `max` edits (each changes two at most).
                        None
                    } else {
                        chars.clear();
                        chars.extend(w.folded.chars());
                        typo::distance(&t.chars, &chars, max)
                    };
                    d.and_then(|d| u8::try_from(d).ok()).unwrap_or(far)
                })
                .collect()
        })
        .collect();
    // (misses, total distance, words in the text), item, text
    let mut best: Vec<((usize, usize, usize), u32, u32)> = Vec::new();
    for item in 0..index.items() {
        let mut item_best: Option<((usize, usize, usize), u32)> = None;
        for text in index.texts_of(item) {
            let words = index.words_of(text);
            let mut misses = 0;
            let mut total = 0;
            for d in &distances {
                let near = words.clone().map(|w| d[index.word_vocab[w] as usize]).min();
                match near {
                    Some(n) if n != far => total += usize::from(n),
                    _ => misses += 1,
                }
            }
            if misses == terms.len() {
                continue;
            }
            let key = (misses, total, words.len());
            if item_best.is_none_or(|(k, _)| key < k) {
                item_best = Some((key, text));
            }
        }
        if let Some((key, text)) = item_best {
            best.push((key, item, text));
        }
    }
    // Items are the causes then the findings, each in graph order: the item orders as
    // (kind, index) did.
    best.sort_by_key(|(key, item, _)| (*key, *item));
    // Only those that come as near for every word as the nearest.
    let fewest = best.first().map_or(0, |(key, _, _)| key.0);
    best.into_iter()
        .take_while(|(key, _, _)| key.0 == fewest)
        .take(most)
        .map(|(_, item, text)| (item, text))
        .collect()
}
