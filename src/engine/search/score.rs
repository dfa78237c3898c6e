//! A query against the index: each typed word is scored once against every distinct
//! word of the graph, then the items that hold a match are scored from those.

use super::fold::{canon, fold_char, group, is_filler, is_stop, letter_mask, normalize, words};
use super::index::{Index, Vocab};
use super::typo;

/// How a typed word matched a word of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
    /// The whole word: the same, a plural, another spelling, a synonym or a typo.
    Whole,
    /// This many characters at its start.
    Prefix(usize),
    /// This many characters from this offset, inside the word.
    Inside(usize, usize),
}

/// Scores of one typed word against one word, best kinds first. A term has at most 100.
const SAME: u8 = 100;
const NORMAL: u8 = 96;
const SYNONYM: u8 = 88;
const PREFIX: u8 = 60;
const TYPO: u8 = 62;
const TYPO_PREFIX: u8 = 46;
const INSIDE: u8 = 36;
/// Below this a term's best match anywhere is weak, and typos are tried too.
const STRONG: u8 = PREFIX;

/// A typed word, folded and split from the query.
#[derive(Debug)]
pub(super) struct VocabWord {
    pub chars: Vec<char>,
    pub folded: String,
    /// Spelling and plural made one (`fold::normalize`).
    pub norm: String,
    /// The head of its synonym group.
    pub canon: String,
    /// Its synonym group (`fold::group`), 0 for none.
    pub group: u8,
    pub stop: bool,
}

impl VocabWord {
    pub fn new(folded: String) -> VocabWord {
        let norm = normalize(&folded);
        VocabWord {
            chars: folded.chars().collect(),
            stop: is_stop(&folded),
            canon: canon(&norm).to_string(),
            group: group(&norm),
            folded,
            norm,
        }
    }

    /// Whether it is another form of a vocabulary word: the same once normalized, or a
    /// synonym.
    pub fn same_as(&self, w: &Vocab) -> bool {
        self.norm == w.norm || (self.group != 0 && self.group == w.group)
    }
}

/// One typed word.
pub(super) struct Term {
    pub word: VocabWord,
    /// The query needs it to match (small words and "pain" it does not, when there are
    /// other words).
    pub required: bool,
    /// Nothing matches it well, so near misses count.
    pub typo: bool,
    /// Its score against each vocabulary word; 0 for none.
    pub scores: Vec<u8>,
    /// The vocabulary words it matches (score above 0), ascending.
    pub hits: Vec<u32>,
}

impl Term {
    /// Score it against the vocabulary: only the words that could match are compared,
    /// those that hold its letters, have its normalized form or are its synonyms, and
    /// when typos count, those whose letters are near enough to its own.
    fn score_vocabulary(&mut self, index: &Index) {
        let n = index.vocab_len();
        let mut candidates = index.holding(&self.word.folded);
        candidates.extend(index.normalized_as(&self.word.norm));
        if self.word.group != 0 {
            let g = self.word.group;
            candidates.extend((0..n).filter(|&v| index.group[v] == g).map(|v| v as u32));
        }
        if self.typo {
            let max = typo::allowed(self.word.chars.len()) as u32;
            let mask = letter_mask(&self.word.folded);
            let prefix = self.word.chars.len() >= 5;
            candidates.extend(
                index
                    .mask
                    .iter()
                    .enumerate()
                    .filter(|&(_, &m)| {
                        (mask ^ m).count_ones() <= 2 * max
                            || (prefix && (mask & !m).count_ones() <= max)
                    })
                    .map(|(v, _)| v as u32),
            );
        }
        candidates.sort_unstable();
        candidates.dedup();
        self.scores = vec![0; n];
        self.hits.clear();
        let mut chars = Vec::new();
        for v in candidates {
            let s = score(self, &index.vocab(v), &mut chars);
            if s > 0 {
                self.scores[v as usize] = s;
                self.hits.push(v);
            }
        }
    }
}

/// Buffers reused from one item to the next: each term's best score in any text, in the
/// text at hand, and in the best text so far.
#[derive(Default)]
pub(super) struct Scratch {
    anywhere: Vec<u8>,
    per: Vec<u8>,
    best: Vec<u8>,
}

pub(super) struct Prepared {
    pub terms: Vec<Term>,
}

impl Prepared {
    pub fn new(index: &Index, query: &str) -> Prepared {
        let folded: Vec<char> = query.chars().map(fold_char).collect();
        let typed: Vec<VocabWord> = words(&folded)
            .into_iter()
            .flat_map(|(s, l)| split(index, folded[s..s + l].iter().collect()))
            .map(VocabWord::new)
            .collect();
        let content = |w: &VocabWord| !w.stop && !is_filler(&w.canon);
        let any_content = typed.iter().any(content);
        // Small words alone ("a", "in") are what is being looked for: any word they start.
        let only_small = typed.iter().all(|w| w.stop);
        let terms = typed
            .into_iter()
            .map(|mut word| {
                word.stop &= !only_small;
                let required = !any_content || content(&word);
                let mut term = Term {
                    scores: Vec::new(),
                    hits: Vec::new(),
                    required,
                    typo: false,
                    word,
                };
                term.score_vocabulary(index);
                let best = term.hits.iter().map(|&v| term.scores[v as usize]).max();
                if best.unwrap_or(0) < STRONG
                    && !term.word.stop
                    && typo::allowed(term.word.chars.len()) > 0
                {
                    term.typo = true;
                    term.score_vocabulary(index);
                }
                term
            })
            .collect();
        Prepared { terms }
    }

    /// The items worth scoring: those holding a match for the required term with the
    /// fewest, ascending.
    pub fn candidates(&self, index: &Index) -> Vec<u32> {
        let size = |t: &Term| -> usize { t.hits.iter().map(|&v| index.postings(v).len()).sum() };
        let Some(term) = self
            .terms
            .iter()
            .filter(|t| t.required)
            .min_by_key(|t| size(t))
        else {
            return Vec::new();
        };
        let mut items: Vec<u32> = term
            .hits
            .iter()
            .flat_map(|&v| index.postings(v))
            .copied()
            .collect();
        items.sort_unstable();
        items.dedup();
        items
    }

    /// An item's score and its best text (0 the name, 1.. an alias), or `None` when a
    /// required term matches none of its texts. A term matched in another text than the
    /// best counts half.
    pub fn score_item(
        &self,
        index: &Index,
        item: u32,
        scratch: &mut Scratch,
    ) -> Option<(i64, usize)> {
        if item >= index.items() {
            return None;
        }
        let n = self.terms.len();
        let Scratch {
            anywhere,
            per,
            best,
        } = scratch;
        for v in [&mut *anywhere, &mut *per, &mut *best] {
            v.clear();
            v.resize(n, 0);
        }
        let mut top: Option<(i64, usize)> = None;
        let mut name_sum = 0;
        for (t, text) in index.texts_of(item).enumerate() {
            let score = self.score_text(index, text, t == 0, per);
            for (a, p) in anywhere.iter_mut().zip(per.iter()) {
                *a = (*a).max(*p);
            }
            if t == 0 {
                name_sum = sum(per);
            }
            if top.is_none_or(|(s, _)| score > s) {
                top = Some((score, t));
                best.copy_from_slice(per);
            }
        }
        let (mut score, mut text) = top?;
        // Show the name when it matches as well as the best alias, if less of it.
        if text > 0 && name_sum > 0 && name_sum >= sum(best) {
            text = 0;
        }
        for (k, term) in self.terms.iter().enumerate() {
            if term.required && anywhere[k] == 0 {
                return None;
            }
            if best[k] == 0 {
                score += i64::from(anywhere[k] / 2);
            }
        }
        Some((score, text))
    }

    /// The terms' best scores in one text (into `per`), and the text's score: their sum,
    /// more when they cover more of its words or its first word ("Sciatica (trapped
    /// nerve ...)"), a little more for the name.
    fn score_text(&self, index: &Index, text: u32, name: bool, per: &mut [u8]) -> i64 {
        per.fill(0);
        let mut covered = 0i64;
        let mut first = 0i64;
        for (i, w) in index.words_of(text).enumerate() {
            let vocab = index.word_vocab[w];
            let mut hit = false;
            for (k, term) in self.terms.iter().enumerate() {
                let s = term.scores[vocab as usize];
                per[k] = per[k].max(s);
                hit |= s > 0;
                if i == 0 && s > 0 && term.required {
                    first = 12;
                }
            }
            if hit && !index.is_stop(vocab) {
                covered += 1;
            }
        }
        if per.iter().all(|&s| s == 0) {
            return 0;
        }
        let sum = sum(per);
        let content = i64::from(index.content(text).max(1));
        let coverage = 30 * covered.min(content) / content;
        sum + coverage + first + i64::from(name) * 3
    }

    /// The characters to highlight in a text (character indices, ascending), and whether
    /// a required term matched there only inside a word.
    pub fn indices(&self, index: &Index, text: u32) -> (Vec<usize>, bool) {
        // Where each word stands: worked out again from the text, as when it was indexed.
        let folded: Vec<char> = index.text(text).chars().map(fold_char).collect();
        let spans = words(&folded);
        let mut out = Vec::new();
        let mut loose = false;
        let mut chars = Vec::new();
        for term in &self.terms {
            let best = index
                .words_of(text)
                .enumerate()
                .filter_map(|(k, w)| {
                    let vocab = index.word_vocab[w];
                    let s = term.scores[vocab as usize];
                    (s > 0).then_some((s, k, vocab))
                })
                .fold(None, |acc: Option<(u8, _, _)>, x| match acc {
                    Some(a) if a.0 >= x.0 => Some(a),
                    _ => Some(x),
                });
            let Some(((start, len), vocab)) =
                best.and_then(|(_, k, vocab)| Some((*spans.get(k)?, vocab)))
            else {
                continue;
            };
            let how = how(term, &index.vocab(vocab), &mut chars);
            let (from, len) = match how {
                How::Whole => (start, len),
                How::Prefix(n) => (start, n),
                How::Inside(o, n) => (start + o, n),
            };
            loose |= term.required && matches!(how, How::Inside(..));
            out.extend(from..from + len);
        }
        out.sort_unstable();
        out.dedup();
        (out, loose)
    }
}

/// The sum of the terms' scores.
fn sum(per: &[u8]) -> i64 {
    per.iter().map(|&s| i64::from(s)).sum()
}

/// A typed word that is not in the graph but two of its words run together ("backache",
/// "lowerback") as those two words; any other word as it is.
fn split(index: &Index, word: String) -> Vec<String> {
    if word.chars().count() < 6 || index.has(&word) {
        return vec![word];
    }
    let cut = word.char_indices().map(|(i, _)| i).skip(3).find(|&i| {
        let (a, b) = word.split_at(i);
        b.chars().count() >= 3 && index.has(a) && index.has(b)
    });
    match cut {
        Some(i) => vec![word[..i].to_string(), word[i..].to_string()],
        None => vec![word],
    }
}

/// A term's score against a vocabulary word; 0 for no match. `chars` is a buffer.
fn score(term: &Term, w: &Vocab, chars: &mut Vec<char>) -> u8 {
    matched(term, w, chars).map_or(0, |(s, _)| s)
}

fn how(term: &Term, w: &Vocab, chars: &mut Vec<char>) -> How {
    matched(term, w, chars).map_or(How::Whole, |(_, h)| h)
}

/// Whether a term matches a word, how well and how: the same word, another form of it,
/// its start, part of it (three letters or more), or a near miss when typos count.
/// `chars` is a buffer for the word's characters.
fn matched(term: &Term, w: &Vocab, chars: &mut Vec<char>) -> Option<(u8, How)> {
    let t = &term.word;
    if t.folded == w.folded {
        return Some((SAME, How::Whole));
    }
    if t.norm == w.norm {
        return Some((NORMAL, How::Whole));
    }
    if t.group != 0 && t.group == w.group {
        return Some((SYNONYM, How::Whole));
    }
    if t.stop {
        return None;
    }
    let (tl, wl) = (t.chars.len(), w.folded.chars().count());
    let share = |base: u8, span: u8| base + u8::try_from(usize::from(span) * tl / wl).unwrap_or(0);
    if w.folded.starts_with(&t.folded) {
        return Some((share(PREFIX, 30), How::Prefix(tl)));
    }
    if term.typo {
        chars.clear();
        chars.extend(w.folded.chars());
        let max = typo::allowed(tl);
        if let Some(d) = typo::distance(&t.chars, chars, max) {
            return Some((TYPO - 12 * d as u8, How::Whole));
        }
        if wl > tl
            && tl >= 5
            && let Some((d, n)) = typo::prefix_distance(&t.chars, chars, max)
        {
            return Some((TYPO_PREFIX - 12 * d as u8, How::Prefix(n)));
        }
    }
    if tl >= 3
        && let Some(byte) = w.folded.find(&t.folded)
    {
        let offset = w.folded[..byte].chars().count();
        return Some((share(INSIDE, 20), How::Inside(offset, tl)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;
    use proptest::prelude::*;

    /// A term scored against every word of the vocabulary, one by one: what
    /// `score_vocabulary` must agree with while it compares only the words that could match.
    fn every_word(term: &Term, index: &Index) -> Vec<u8> {
        let mut chars = Vec::new();
        (0..index.vocab_len())
            .map(|v| score(term, &index.vocab(v as u32), &mut chars))
            .collect()
    }

    fn term(word: &str, typo: bool) -> Term {
        Term {
            word: VocabWord::new(word.to_string()),
            required: true,
            typo,
            scores: Vec::new(),
            hits: Vec::new(),
        }
    }

    fn index() -> &'static Index {
        static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| Index::build(&Graph::bundled().expect("loads")))
    }

    fn agrees(word: &str) -> Result<(), TestCaseError> {
        let index = index();
        for typo in [false, true] {
            let mut t = term(word, typo);
            t.score_vocabulary(index);
            let all = every_word(&t, index);
            prop_assert_eq!(&t.scores, &all, "{} typo {}", word, typo);
            let hits: Vec<u32> = (0..all.len() as u32)
                .filter(|&v| all[v as usize] > 0)
                .collect();
            prop_assert_eq!(&t.hits, &hits);
        }
        Ok(())
    }

    #[test]
    fn only_words_that_cannot_match_are_left_out() {
        for word in [
            "sci",
            "back",
            "pain",
            "kidney",
            "kidneys",
            "renal",
            "disk",
            "shingels",
            "sciattica",
            "a",
            "the",
            "lumbar",
            "stones",
            "haematuria",
            "sciat",
            "pancrs",
            "ache",
            "x",
            "zz",
            "tummy",
            "herniated",
            "hernated",
            "ulcr",
            "sjogren",
        ] {
            agrees(word).expect("agrees");
        }
    }

    proptest! {
        #[test]
        fn any_typed_word_scores_as_against_every_word(word in "[a-z]{1,10}") {
            agrees(&word)?;
        }

        #[test]
        fn digits_and_other_letters_too(word in "[a-z0-9αβγ]{1,8}") {
            agrees(&word)?;
        }

        #[test]
        fn a_vocabulary_word_with_a_slip_scores_as_against_every_word(
            pick in 0usize..10_000,
            at in 0usize..12,
            letter in "[a-z]",
            slip in 0u8..3,
        ) {
            let index = index();
            let word = index.vocab((pick % index.vocab_len()) as u32).folded.to_string();
            let mut chars: Vec<char> = word.chars().collect();
            let i = at % (chars.len() + 1);
            let c = letter.chars().next().unwrap_or('a');
            match slip {
                0 => chars.insert(i, c),
                1 if i < chars.len() => { chars.remove(i); }
                _ if i < chars.len() => chars[i] = c,
                _ => chars.push(c),
            }
            let word: String = chars.into_iter().collect();
            if !word.is_empty() {
                agrees(&word)?;
            }
        }
    }
}
