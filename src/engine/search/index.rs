//! The search index, built once for a graph: every name and alias folded and split into
//! words, each distinct word kept once (the vocabulary) with the items that use it.

use std::collections::HashMap;

use super::HitKind;
use super::fold::{canon, fold_char, is_stop, normalize, words};
use crate::graph::{Graph, Weight};

/// Whether a link says the finding makes the cause more likely.
pub(super) fn points_towards(weight: Weight) -> bool {
    match weight {
        Weight::Typical | Weight::Sometimes | Weight::Strong => true,
        Weight::Against => false,
        Weight::Lr(lr) => lr > 1.0,
    }
}

/// One distinct word of the graph's names and aliases.
#[derive(Debug)]
pub(super) struct VocabWord {
    pub chars: Vec<char>,
    pub folded: String,
    /// Spelling and plural made one (`fold::normalize`).
    pub norm: String,
    /// The head of its synonym group.
    pub canon: String,
    pub stop: bool,
}

impl VocabWord {
    pub fn new(folded: String) -> VocabWord {
        let norm = normalize(&folded);
        let canon = canon(&norm).to_string();
        VocabWord {
            chars: folded.chars().collect(),
            stop: is_stop(&folded),
            folded,
            norm,
            canon,
        }
    }
}

/// A word where it stands in a text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub vocab: u32,
    /// Character index of its first character in the text.
    pub start: u32,
    pub len: u32,
}

/// A name or an alias, as words.
#[derive(Debug)]
pub(super) struct Text {
    pub words: Vec<Word>,
    /// How many of its words are not small words ("the", "of") nor in brackets: what
    /// a match should cover to count as the whole text ("Sciatica (trapped nerve ...)").
    pub content: u32,
}

/// A cause or a finding: its name (text 0) and its aliases (texts 1..).
#[derive(Debug)]
pub(super) struct Item {
    pub kind: HitKind,
    /// Index into `graph.causes` or `graph.findings`.
    pub index: usize,
    pub texts: Vec<Text>,
}

#[derive(Debug, Default)]
pub(super) struct Index {
    pub vocab: Vec<VocabWord>,
    lookup: HashMap<String, u32>,
    pub items: Vec<Item>,
    /// For each vocabulary word, the items that use it, ascending, once each.
    pub postings: Vec<Vec<u32>>,
    /// For each finding, the causes whose link to it makes them more likely, ascending.
    pub linked: Vec<Vec<u32>>,
    /// A buffer for the word being looked up.
    scratch: String,
    /// The sizes of the graph it was built for.
    pub causes: usize,
    pub findings: usize,
}

impl Index {
    pub fn build(graph: &Graph) -> Index {
        let mut index = Index {
            causes: graph.causes.len(),
            findings: graph.findings.len(),
            ..Index::default()
        };
        for (i, c) in graph.causes.iter().enumerate() {
            index.add(HitKind::Cause, i, &c.name, &c.aliases);
        }
        for (i, f) in graph.findings.iter().enumerate() {
            index.add(HitKind::Finding, i, &f.name, &f.aliases);
        }
        let finding: HashMap<&str, usize> = graph
            .findings
            .iter()
            .enumerate()
            .rev()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        index.linked = vec![Vec::new(); graph.findings.len()];
        for (c, cause) in graph.causes.iter().enumerate() {
            let c = u32::try_from(c).unwrap_or(u32::MAX);
            for link in cause.findings.iter().filter(|l| points_towards(l.1)) {
                if let Some(list) = finding
                    .get(link.0.as_str())
                    .and_then(|&f| index.linked.get_mut(f))
                    && list.last() != Some(&c)
                {
                    list.push(c);
                }
            }
        }
        index
    }

    /// An index of one text, for matching a single string.
    pub fn single(text: &str) -> Index {
        let mut index = Index::default();
        index.add(HitKind::Cause, 0, text, &[]);
        index
    }

    /// Whether it was built for a graph of this size.
    pub fn fits(&self, graph: &Graph) -> bool {
        self.causes == graph.causes.len() && self.findings == graph.findings.len()
    }

    /// Whether this folded word is in the vocabulary.
    pub fn has(&self, folded: &str) -> bool {
        self.lookup.contains_key(folded)
    }

    fn add(&mut self, kind: HitKind, index: usize, name: &str, aliases: &[String]) {
        let item = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        let texts = std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .map(|t| self.text(t, item))
            .collect();
        self.items.push(Item { kind, index, texts });
    }

    fn text(&mut self, text: &str, item: u32) -> Text {
        let folded: Vec<char> = text.chars().map(fold_char).collect();
        let mut out = Text {
            words: Vec::new(),
            content: 0,
        };
        let mut inside = 0u32;
        let mut depth_at = Vec::with_capacity(folded.len());
        for c in &folded {
            match c {
                '(' => inside += 1,
                ')' => inside = inside.saturating_sub(1),
                _ => {}
            }
            depth_at.push(inside);
        }
        let mut bracketed = 0;
        for (start, len) in words(&folded) {
            let vocab = self.intern(&folded[start..start + len]);
            let postings = &mut self.postings[vocab as usize];
            if postings.last() != Some(&item) {
                postings.push(item);
            }
            if !self.vocab[vocab as usize].stop {
                if depth_at.get(start).is_some_and(|&d| d > 0) {
                    bracketed += 1;
                } else {
                    out.content += 1;
                }
            }
            out.words.push(Word {
                vocab,
                start: u32::try_from(start).unwrap_or(u32::MAX),
                len: u32::try_from(len).unwrap_or(u32::MAX),
            });
        }
        if out.content == 0 {
            out.content = bracketed;
        }
        out
    }

    fn intern(&mut self, chars: &[char]) -> u32 {
        let mut word = std::mem::take(&mut self.scratch);
        word.clear();
        word.extend(chars);
        let id = if let Some(&id) = self.lookup.get(word.as_str()) {
            id
        } else {
            let id = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
            self.lookup.insert(word.clone(), id);
            self.vocab.push(VocabWord::new(word.clone()));
            self.postings.push(Vec::new());
            id
        };
        self.scratch = word;
        id
    }
}
