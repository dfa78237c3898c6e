//! How long the interview is: for a region, the most questions any path can ask (the
//! static bound the interface shows as "of at most M", and the longest and median path
//! over a sample of random answer sequences walked with the sharpener on), and the path
//! that answers "no" or "none of these" throughout.
//!
//! Used by `examples/interview_lengths.rs` (the table) and by the tests that hold every
//! region to `MAX_QUESTIONS`.

use super::interview::{Answer, Interview, Walk};
use super::sharpen::Sharpener;
use crate::graph::{Answers, Graph, Question};

/// The most questions any path through the interview may ask, for any region.
pub const MAX_QUESTIONS: usize = 25;

/// The lengths for one region (counts of questions asked, skipped ones not included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lengths {
    pub region: String,
    /// `Walk::left_at_most` at the first question: no path is longer.
    pub bound: usize,
    /// The largest "of at most M" shown at any question of any path walked (M is the
    /// questions answered plus `left_at_most`); never more than `bound`.
    pub shown: usize,
    /// The longest path met in the sample.
    pub longest: usize,
    /// The median path of the sample.
    pub median: usize,
    /// The path that answers "no" (or "none of these") to everything.
    pub all_no: usize,
    pub samples: usize,
}

/// A small deterministic generator (xorshift), so that the figures repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One interview walked to the end.
pub struct Walked {
    /// Questions asked.
    pub asked: usize,
    /// The walk at the first question.
    pub first: Walk,
    /// The largest "of at most M" shown on the way.
    pub shown: usize,
}

/// Walk the interview for one region to the end, answering with `choose`.
pub fn walk_through(
    graph: &Graph,
    sharpener: &Sharpener,
    region: &str,
    mut choose: impl FnMut(&Question) -> Answer,
) -> Walked {
    let mut iv = Interview::new(vec![region.to_string()]);
    let regions = iv.regions.clone();
    let mut first: Option<Walk> = None;
    let mut shown = 0;
    loop {
        let walk = iv.walk_with(graph, |q, k, _| sharpener.passes(graph, q, k, &regions));
        if first.is_none() {
            first = Some(walk.clone());
        }
        let current = walk.current.as_deref().and_then(|id| graph.question(id));
        let Some(q) = current else {
            return Walked {
                asked: walk.answered.len(),
                first: first.unwrap_or_default(),
                shown,
            };
        };
        shown = shown.max(walk.answered.len() + walk.left_at_most);
        iv.answer(&q.id, choose(q));
    }
}

/// "No" to everything: no, the choice that says no or neither (else the last), nothing
/// ticked; the age 30 to 39 (the third age choice) and the first sex offered.
pub fn all_no(q: &Question) -> Answer {
    match &q.answers {
        Answers::YesNo { .. } => Answer::No,
        Answers::Choice(options) => {
            if options.iter().any(|o| o.age.is_some()) {
                return Answer::Choice(2.min(options.len() - 1));
            }
            if options.iter().any(|o| o.sex.is_some()) {
                return Answer::Choice(0);
            }
            let no = options.iter().position(|o| {
                let l = o.label.to_lowercase();
                l.starts_with("no") || l.starts_with("neither")
            });
            Answer::Choice(no.unwrap_or(options.len().saturating_sub(1)))
        }
        Answers::Checklist(_) => Answer::Checked(0),
    }
}

/// Any answer that fits the question, "not sure" included.
fn random_answer(rng: &mut Rng, q: &Question) -> Answer {
    match &q.answers {
        Answers::YesNo { .. } => [Answer::Yes, Answer::No, Answer::Unsure][rng.below(3)],
        Answers::Choice(options) => match rng.below(options.len() + 1) {
            i if i == options.len() => Answer::Unsure,
            i => Answer::Choice(i),
        },
        // Mostly few items ticked, as people answer: each item one time in four.
        Answers::Checklist(items) => match rng.below(8) {
            0 => Answer::Unsure,
            _ => Answer::Checked(
                (0..items.len().min(64))
                    .filter(|_| rng.below(4) == 0)
                    .fold(0, |bits, i| bits | 1 << i),
            ),
        },
    }
}

/// Measure one region over `samples` random answer sequences.
pub fn measure(
    graph: &Graph,
    sharpener: &Sharpener,
    region: &str,
    samples: usize,
    seed: u64,
) -> Lengths {
    let no = walk_through(graph, sharpener, region, all_no);
    let mut rng = Rng(seed | 1);
    let mut shown = no.shown;
    let mut lengths: Vec<usize> = (0..samples)
        .map(|_| {
            let w = walk_through(graph, sharpener, region, |q| random_answer(&mut rng, q));
            shown = shown.max(w.shown);
            w.asked
        })
        .collect();
    lengths.push(no.asked);
    lengths.sort_unstable();
    Lengths {
        region: region.to_string(),
        bound: no.first.left_at_most,
        shown,
        longest: lengths.last().copied().unwrap_or(0),
        median: lengths[lengths.len() / 2],
        all_no: no.asked,
        samples,
    }
}
