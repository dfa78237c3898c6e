//! The search index, built once for a graph: every name and alias folded and split into
//! words, each distinct word kept once (the vocabulary) with the items that use it.
//!
//! It is flat, a struct of arrays: a few big buffers (the texts, the vocabulary's words)
//! and `u32` offsets into them, and no allocation for a word or a text of its own. It is
//! built in one pass with buffers that are reused, kept in the cache as it is (`cache`),
//! and holds what `search` prints (each item's id, its name and aliases as in the graph),
//! so that a search needs no graph.
//!
//! Items are the causes, in graph order, then the findings. An item's texts are its name
//! (its text 0) and its aliases; a text's words point into the vocabulary.

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::{DefaultHashBuilder, HashTable};
use memchr::memmem;

use super::HitKind;
use super::fold::{fold_char, group, is_stop, letter_mask, normalize_into, words_into};
use crate::graph::{Graph, Weight};

/// Whether a link says the finding makes the cause more likely.
pub(super) fn points_towards(weight: Weight) -> bool {
    match weight {
        Weight::Typical | Weight::Sometimes | Weight::Strong => true,
        Weight::Against => false,
        Weight::Lr(lr) => lr > 1.0,
    }
}

/// A word of the vocabulary, as the scorer sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Vocab<'a> {
    pub folded: &'a str,
    /// Spelling and plural made one (`fold::normalize`).
    pub norm: &'a str,
    /// Its synonym group (`fold::group`), 0 for none.
    pub group: u8,
    pub stop: bool,
}

/// The index. Every `*_at` list holds where each entry starts in the list or buffer it
/// points into, and one more entry, where the last one ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    /// Each distinct folded word after a line feed, and a line feed at the end
    /// ("\nback\npain\n"), so that one scan of it finds every word holding some letters.
    pub(super) folded: String,
    /// Where each word starts in `folded`; a word ends before the line feed that comes
    /// before the next one.
    pub(super) folded_at: Vec<u32>,
    /// The words normalized, laid out as `folded`.
    pub(super) norms: String,
    pub(super) norm_at: Vec<u32>,
    /// Each word's synonym group, 0 for none.
    pub(super) group: Vec<u8>,
    /// Each word: 1 for a small word ("the", "of"), else 0.
    pub(super) stop: Vec<u8>,
    /// Each word's letters (`fold::letter_mask`).
    pub(super) mask: Vec<u32>,
    /// For each word, the items that use it, ascending, once each.
    pub(super) posting_at: Vec<u32>,
    pub(super) postings: Vec<u32>,
    /// The number of causes and of findings: the items are the causes, then the findings.
    pub(super) causes: u32,
    pub(super) findings: u32,
    /// Each item's id.
    pub(super) ids: String,
    pub(super) id_at: Vec<u32>,
    /// Each item's texts.
    pub(super) item_text: Vec<u32>,
    /// Each text as in the graph.
    pub(super) texts: String,
    pub(super) text_at: Vec<u32>,
    /// How many of each text's words are not small words ("the", "of") nor in brackets:
    /// what a match should cover to count as the whole text ("Sciatica (trapped nerve
    /// ...)").
    pub(super) content: Vec<u32>,
    /// Each text's words, and each word's vocabulary word. (Where a word stands in its
    /// text is worked out again from the text for the few texts shown.)
    pub(super) text_word: Vec<u32>,
    pub(super) word_vocab: Vec<u32>,
}

impl Default for Index {
    fn default() -> Index {
        Index {
            folded: "\n".to_string(),
            folded_at: vec![1],
            norms: "\n".to_string(),
            norm_at: vec![1],
            group: Vec::new(),
            stop: Vec::new(),
            mask: Vec::new(),
            posting_at: vec![0],
            postings: Vec::new(),
            causes: 0,
            findings: 0,
            ids: String::new(),
            id_at: vec![0],
            item_text: vec![0],
            texts: String::new(),
            text_at: vec![0],
            content: Vec::new(),
            text_word: vec![0],
            word_vocab: Vec::new(),
        }
    }
}

/// A `u32` as an index.
fn at(n: u32) -> usize {
    n as usize
}

/// A length or an index as a `u32`: the index refuses graphs that do not fit
/// (`u32::MAX` then stands out as past any end).
fn n32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The range of entry `i` in an `*_at` list.
fn span(offsets: &[u32], i: usize) -> Range<usize> {
    at(offsets[i])..at(offsets[i + 1])
}

impl Index {
    pub fn build(graph: &Graph) -> Index {
        let mut b = Builder::default();
        for c in &graph.causes {
            b.item(&c.id, &c.name, &c.aliases);
        }
        for f in &graph.findings {
            b.item(&f.id, &f.name, &f.aliases);
        }
        let mut index = b.finish();
        index.causes = n32(graph.causes.len());
        index.findings = n32(graph.findings.len());
        index
    }

    /// An index of one text, for matching a single string.
    pub(super) fn single(text: &str) -> Index {
        let mut b = Builder::default();
        b.item("", text, &[]);
        let mut index = b.finish();
        index.causes = 1;
        index
    }

    /// Whether it was built for a graph of this size.
    pub fn fits(&self, graph: &Graph) -> bool {
        at(self.causes) == graph.causes.len() && at(self.findings) == graph.findings.len()
    }

    /// The number of words in the vocabulary.
    pub(super) fn vocab_len(&self) -> usize {
        self.group.len()
    }

    pub(super) fn vocab(&self, v: u32) -> Vocab<'_> {
        let v = at(v);
        let folded = span(&self.folded_at, v);
        let norm = span(&self.norm_at, v);
        Vocab {
            folded: &self.folded[folded.start..folded.end - 1],
            norm: &self.norms[norm.start..norm.end - 1],
            group: self.group[v],
            stop: self.stop[v] != 0,
        }
    }

    /// A word's folded text, as bytes.
    fn folded_bytes(&self, v: u32) -> &[u8] {
        let s = span(&self.folded_at, at(v));
        &self.folded.as_bytes()[s.start..s.end - 1]
    }

    pub(super) fn is_stop(&self, v: u32) -> bool {
        self.stop[at(v)] != 0
    }

    /// The items that use a word.
    pub(super) fn postings(&self, v: u32) -> &[u32] {
        &self.postings[span(&self.posting_at, at(v))]
    }

    /// The number of items.
    pub(super) fn items(&self) -> u32 {
        self.causes.saturating_add(self.findings)
    }

    /// An item's kind and its index into `graph.causes` or `graph.findings`.
    pub(super) fn kind(&self, item: u32) -> (HitKind, usize) {
        if item < self.causes {
            (HitKind::Cause, at(item))
        } else {
            (HitKind::Finding, at(item - self.causes))
        }
    }

    pub(super) fn id(&self, item: u32) -> &str {
        &self.ids[span(&self.id_at, at(item))]
    }

    /// An item's texts: its name, then its aliases.
    pub(super) fn texts_of(&self, item: u32) -> Range<u32> {
        self.item_text[at(item)]..self.item_text[at(item) + 1]
    }

    /// A text as in the graph.
    pub(super) fn text(&self, text: u32) -> &str {
        &self.texts[span(&self.text_at, at(text))]
    }

    pub(super) fn content(&self, text: u32) -> u32 {
        self.content[at(text)]
    }

    /// A text's words, as indices into `word_vocab`.
    pub(super) fn words_of(&self, text: u32) -> Range<usize> {
        span(&self.text_word, at(text))
    }

    /// The name of a cause or a finding (by its index in the graph), "" when there is
    /// none.
    pub fn name(&self, kind: HitKind, index: usize) -> &str {
        let item = match kind {
            HitKind::Cause if index < at(self.causes) => index,
            HitKind::Finding if index < at(self.findings) => index + at(self.causes),
            _ => return "",
        };
        let texts = self.texts_of(n32(item));
        if texts.is_empty() {
            ""
        } else {
            self.text(texts.start)
        }
    }

    /// Whether this folded word is in the vocabulary.
    pub fn has(&self, folded: &str) -> bool {
        let needle = format!("\n{folded}\n");
        memmem::find(self.folded.as_bytes(), needle.as_bytes()).is_some()
    }

    /// The words that hold these letters (a word's own, with no line feed), ascending.
    pub(super) fn holding(&self, letters: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if letters.is_empty() || letters.contains('\n') {
            return out;
        }
        let finder = memmem::Finder::new(letters.as_bytes());
        for pos in occurrences(self.folded.as_bytes(), &finder) {
            let v = n32(self.folded_at.partition_point(|&s| at(s) <= pos) - 1);
            if out.last() != Some(&v) {
                out.push(v);
            }
        }
        out
    }

    /// The words whose normalized form is this one, ascending.
    pub(super) fn normalized_as(&self, norm: &str) -> Vec<u32> {
        let needle = format!("\n{norm}\n");
        let finder = memmem::Finder::new(needle.as_bytes());
        occurrences(self.norms.as_bytes(), &finder)
            .map(|pos| n32(self.norm_at.partition_point(|&s| at(s) <= pos + 1) - 1))
            .collect()
    }

    /// Whether the lists and offsets agree with one another, so that no lookup can fall
    /// outside a list: what a cache must pass before it is used.
    pub(super) fn is_whole(&self) -> bool {
        let vocab = self.group.len();
        let items = at(self.causes) + at(self.findings);
        let texts = self.content.len();
        let words = self.word_vocab.len();
        let arena = |text: &str, offsets: &[u32]| {
            let bytes = text.as_bytes();
            offsets.len() == vocab + 1
                && bytes.first() == Some(&b'\n')
                && offsets.first() == Some(&1)
                && offsets.last().is_some_and(|&e| at(e) == bytes.len())
                && offsets.windows(2).all(|w| w[0] < w[1])
                && offsets[1..].iter().all(|&o| bytes[at(o) - 1] == b'\n')
        };
        let within = |text: &str, offsets: &[u32], count: usize| {
            ascending(offsets, count, text.len())
                && offsets.iter().all(|&o| text.is_char_boundary(at(o)))
        };
        arena(&self.folded, &self.folded_at)
            && arena(&self.norms, &self.norm_at)
            && self.stop.len() == vocab
            && self.mask.len() == vocab
            && ascending(&self.posting_at, vocab, self.postings.len())
            && self.postings.iter().all(|&i| at(i) < items)
            && within(&self.ids, &self.id_at, items)
            && ascending(&self.item_text, items, texts)
            && within(&self.texts, &self.text_at, texts)
            && ascending(&self.text_word, texts, words)
            && self.word_vocab.iter().all(|&v| at(v) < vocab)
    }
}

/// For each finding, the causes whose link to it makes them more likely, ascending: for
/// the interface's symptom rows (`via`), not part of the index that `search` keeps.
#[derive(Debug, Default)]
pub(super) struct Links {
    at: Vec<u32>,
    causes: Vec<u32>,
}

impl Links {
    pub fn build(graph: &Graph) -> Links {
        // (finding, cause) for each link that points towards the cause, in cause order.
        let mut last = vec![u32::MAX; graph.findings.len()];
        let (mut keys, mut values) = (Vec::new(), Vec::new());
        for (c, cause) in graph.causes.iter().enumerate() {
            let c = n32(c);
            for link in cause.findings.iter().filter(|l| points_towards(l.1)) {
                if let Some(f) = graph.finding_index(&link.0)
                    && last[f] != c
                {
                    last[f] = c;
                    keys.push(n32(f));
                    values.push(c);
                }
            }
        }
        let (at, causes) = grouped(graph.findings.len(), &keys, &values);
        Links { at, causes }
    }

    /// The causes a finding (its index in the graph) makes more likely.
    pub fn of(&self, finding: usize) -> &[u32] {
        if finding + 1 < self.at.len() {
            &self.causes[span(&self.at, finding)]
        } else {
            &[]
        }
    }
}

/// Whether `offsets` has `count + 1` entries, from 0 up to `end`, never going down.
fn ascending(offsets: &[u32], count: usize, end: usize) -> bool {
    offsets.len() == count + 1
        && offsets.first() == Some(&0)
        && offsets.last().is_some_and(|&e| at(e) == end)
        && offsets.windows(2).all(|w| w[0] <= w[1])
}

/// Where a needle starts in a haystack, every time, overlapping ones too.
fn occurrences<'a>(
    haystack: &'a [u8],
    finder: &'a memmem::Finder<'a>,
) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = from + finder.find(haystack.get(from..)?)?;
        from = found + 1;
        Some(found)
    })
}

/// Values listed by key: for keys `0..count`, where each key's values start (an `*_at`
/// list) and the values, in the order given.
fn grouped(count: usize, keys: &[u32], values: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; count + 1];
    for &k in keys {
        starts[at(k) + 1] += 1;
    }
    for i in 0..count {
        starts[i + 1] += starts[i];
    }
    let mut next = starts.clone();
    let mut out = vec![0u32; keys.len()];
    for (&k, &v) in keys.iter().zip(values) {
        let slot = &mut next[at(k)];
        out[at(*slot)] = v;
        *slot += 1;
    }
    (starts, out)
}

/// Builds an index in one pass, reusing its buffers from one text to the next.
#[derive(Default)]
struct Builder {
    index: Index,
    /// The vocabulary's words by their folded text.
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
    /// The text at hand, folded; the bracket depth at each character; its words.
    chars: Vec<char>,
    depth: Vec<u32>,
    spans: Vec<(usize, usize)>,
    /// The word at hand, and its normalized form.
    word: String,
    norm: String,
    /// For each word, the last item that used it.
    last_item: Vec<u32>,
    /// (word, item) each time an item uses a word it did not use before.
    used_word: Vec<u32>,
    used_by: Vec<u32>,
}

impl Builder {
    fn item(&mut self, id: &str, name: &str, aliases: &[String]) {
        let item = n32(self.index.id_at.len() - 1);
        self.index.ids.push_str(id);
        self.index.id_at.push(n32(self.index.ids.len()));
        self.text(name, item);
        for alias in aliases {
            self.text(alias, item);
        }
        let texts = n32(self.index.content.len());
        self.index.item_text.push(texts);
    }

    fn text(&mut self, text: &str, item: u32) {
        self.index.texts.push_str(text);
        self.index.text_at.push(n32(self.index.texts.len()));
        self.chars.clear();
        self.chars.extend(text.chars().map(fold_char));
        self.depth.clear();
        let mut inside = 0u32;
        for c in &self.chars {
            match c {
                '(' => inside += 1,
                ')' => inside = inside.saturating_sub(1),
                _ => {}
            }
            self.depth.push(inside);
        }
        let mut spans = std::mem::take(&mut self.spans);
        words_into(&self.chars, &mut spans);
        let (mut content, mut bracketed) = (0, 0);
        for &(start, len) in &spans {
            let v = self.intern(start, len);
            if self.last_item[at(v)] != item {
                self.last_item[at(v)] = item;
                self.used_word.push(v);
                self.used_by.push(item);
            }
            if !self.index.is_stop(v) {
                if self.depth.get(start).is_some_and(|&d| d > 0) {
                    bracketed += 1;
                } else {
                    content += 1;
                }
            }
            self.index.word_vocab.push(v);
        }
        self.spans = spans;
        self.index
            .content
            .push(if content == 0 { bracketed } else { content });
        self.index.text_word.push(n32(self.index.word_vocab.len()));
    }

    /// The vocabulary word for these characters of the text at hand, added if new.
    fn intern(&mut self, start: usize, len: usize) -> u32 {
        self.word.clear();
        self.word.extend(&self.chars[start..start + len]);
        let hash = self.hasher.hash_one(self.word.as_bytes());
        let Builder {
            index,
            table,
            hasher,
            word,
            norm,
            last_item,
            ..
        } = self;
        if let Some(&v) = table.find(hash, |&v| index.folded_bytes(v) == word.as_bytes()) {
            return v;
        }
        let v = n32(index.group.len());
        index.folded.push_str(word);
        index.folded.push('\n');
        index.folded_at.push(n32(index.folded.len()));
        normalize_into(word, norm);
        index.norms.push_str(norm);
        index.norms.push('\n');
        index.norm_at.push(n32(index.norms.len()));
        index.group.push(group(norm));
        index.stop.push(u8::from(is_stop(word)));
        index.mask.push(letter_mask(word));
        last_item.push(u32::MAX);
        table.insert_unique(hash, v, |&v| hasher.hash_one(index.folded_bytes(v)));
        v
    }

    fn finish(self) -> Index {
        let mut index = self.index;
        (index.posting_at, index.postings) =
            grouped(index.group.len(), &self.used_word, &self.used_by);
        index
    }
}
