//! The summary a person takes to the clinician: where it hurts, every answer in the order
//! asked, the red flags with their advice, the triage, the causes to check first and the
//! most likely ones, dated and stamped with the content version.
//!
//! A [`Summary`] is built once from a [`Session`] and the date; it copies what the session's
//! ranking already says (nothing is ranked again), and every rendering reads only it:
//! plain text ([`text`]), Markdown ([`markdown`]), JSON ([`json`], which also holds the
//! answers in a form `rank --answers` reads back, see [`saved`]), and the short forms a
//! QR code can hold ([`compact`]).

pub mod compact;
pub mod date;
pub mod document;
pub mod json;
pub mod markdown;
pub mod save;
pub mod saved;
pub mod sink;
pub mod text;

#[cfg(test)]
mod tests;

use crate::app::Session;
use crate::cli::NOTICE;
use crate::engine::Answer;
use crate::graph::{Sex, Triage};
pub use date::Stamp;
pub use saved::SavedValue;

/// How many of the most likely causes a summary lists (after those to check first).
pub const TOP_CAUSES: usize = 5;

/// Everything a summary says, copied from a session at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// When it was made.
    pub date: Stamp,
    /// The content version of the graph (`graph.content_version`).
    pub content_version: String,
    /// This program's version.
    pub program_version: &'static str,
    /// Where it hurts, in the order chosen.
    pub places: Vec<Place>,
    /// Every answer on the path, in the order asked.
    pub answers: Vec<GivenAnswer>,
    /// Questions passed over because no answer could change the advice or the top causes.
    pub passed_over: usize,
    /// True when every question was asked (`--all-questions`), none passed over.
    pub all_questions: bool,
    /// The interview has no question left.
    pub finished: bool,
    /// The age and sex the answers recorded (for the JSON; the text has the answers,
    /// since an age band's representative age is not the person's age).
    pub age: Option<u8>,
    pub sex: Option<Sex>,
    pub triage: TriageSummary,
    /// The red flags present, most urgent first, each with its advice.
    pub red_flags: Vec<Warning>,
    /// The warning combinations of answers present, each with its advice.
    pub combinations: Vec<Warning>,
    /// Causes to check before the likelihood ranking, most urgent first.
    pub check_first: Vec<CheckCause>,
    /// Urgent or emergency, but no cause listed explains it: act on the advice.
    pub unexplained: bool,
    /// The most likely causes after those to check first, most likely first.
    pub top_causes: Vec<LikelyCause>,
    /// How many more causes the full list has below these.
    pub more_causes: usize,
    /// "This is information, not a diagnosis ...".
    pub notice: &'static str,
}

/// A region chosen on the body map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub id: String,
    pub name: String,
}

/// One question and the answer given to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenAnswer {
    pub question_id: String,
    /// The question as asked.
    pub question: String,
    /// The answer as the program holds it (for reading a saved summary back).
    pub answer: Answer,
    /// The answer in words ("yes", "none of these", the ticked items).
    pub words: String,
    /// On a checklist answered (not "not sure"), the items not ticked: what the person
    /// said they do not have.
    pub not_ticked: Vec<String>,
    /// The answer as a saved summary writes it (checklists by their findings' ids).
    pub saved: SavedValue,
}

/// The overall triage, as the header and the ranking show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriageSummary {
    /// False until the questions that screen for danger are answered and no level above
    /// routine is set: the header then says "not assessed", and so does the summary.
    pub assessed: bool,
    pub level: Triage,
    /// "Emergency", "See a doctor soon", ...
    pub label: String,
    /// The words to act on.
    pub advice: String,
    /// What set it, in words.
    pub reason: String,
}

/// A red flag or a warning combination present, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub id: String,
    pub name: String,
    pub level: Triage,
    pub advice: String,
}

/// A cause to check first, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckCause {
    pub id: String,
    pub name: String,
    /// The level this presentation gives it.
    pub level: Triage,
    pub reason: String,
}

/// One of the most likely causes, with its share as the cause list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LikelyCause {
    /// 1 for the most likely.
    pub rank: usize,
    pub id: String,
    pub name: String,
    /// Share of 100 among the causes listed.
    pub share: f64,
    /// Its own triage level.
    pub level: Triage,
}

impl LikelyCause {
    /// The share as the cause list writes it: "<1%" or a whole per cent.
    pub fn share_text(&self) -> String {
        share_text(self.share)
    }
}

/// A share of 100 as the cause list writes it.
pub fn share_text(share: f64) -> String {
    if share < 1.0 {
        "<1%".to_string()
    } else {
        format!("{share:.0}%")
    }
}

/// The items of a checklist an answer leaves unticked (none for other answers).
fn not_ticked(answer: Answer, question: &crate::graph::Question) -> Vec<String> {
    match (answer, &question.answers) {
        (Answer::Checked(bits), crate::graph::Answers::Checklist(items)) => items
            .iter()
            .enumerate()
            .filter(|(i, _)| !crate::engine::interview::is_ticked(bits, *i))
            .map(|(_, item)| one_line(&item.label))
            .collect(),
        _ => Vec::new(),
    }
}

/// Content text on one line, with no placeholder left (the interface's graph is filled
/// already; a lookup's is filled here with the configured words).
fn one_line(text: &str) -> String {
    crate::cli::output::fill(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Summary {
    /// The summary of a session as it stands, dated `date`.
    pub fn of(session: &Session, date: Stamp) -> Summary {
        let graph = session.graph();
        let walk = session.walk();
        let ranking = session.ranking();
        let places = session
            .interview()
            .regions
            .iter()
            .map(|id| Place {
                id: id.clone(),
                name: graph
                    .region(id)
                    .map_or_else(|| id.clone(), |r| r.name.clone()),
            })
            .collect();
        let answers = walk
            .answered
            .iter()
            .filter_map(|(id, answer)| {
                let q = graph.question(id)?;
                Some(GivenAnswer {
                    question_id: id.clone(),
                    question: one_line(&q.text),
                    answer: *answer,
                    words: answer.describe(q),
                    not_ticked: not_ticked(*answer, q),
                    saved: SavedValue::of(*answer, q),
                })
            })
            .collect();
        let warning = |id: &str, name: &str, level: Triage, advice: &str| Warning {
            id: id.to_string(),
            name: name.to_string(),
            level,
            advice: one_line(advice),
        };
        let rest: Vec<_> = ranking.causes.iter().filter(|c| !c.check_first).collect();
        Summary {
            date,
            content_version: graph.content_version.clone(),
            program_version: env!("CARGO_PKG_VERSION"),
            places,
            answers,
            passed_over: walk.skipped.len(),
            all_questions: !session.sharpens(),
            finished: !session.interview().regions.is_empty() && walk.current.is_none(),
            age: walk.known.age,
            sex: walk.known.sex,
            triage: TriageSummary {
                assessed: session.assessed(),
                level: ranking.triage,
                label: ranking.triage_label.clone(),
                advice: one_line(&ranking.advice),
                reason: one_line(&ranking.reason),
            },
            red_flags: ranking
                .red_flags
                .iter()
                .map(|f| warning(&f.id, &f.name, f.triage, &f.advice))
                .collect(),
            combinations: ranking
                .rules
                .iter()
                .map(|r| warning(&r.id, &r.name, r.triage, &r.advice))
                .collect(),
            check_first: ranking
                .check_first
                .iter()
                .map(|c| CheckCause {
                    id: c.id.to_string(),
                    name: c.name.clone(),
                    level: c.triage,
                    reason: one_line(&c.reason),
                })
                .collect(),
            unexplained: ranking.unexplained,
            top_causes: rest
                .iter()
                .take(TOP_CAUSES)
                .enumerate()
                .map(|(i, c)| LikelyCause {
                    rank: i + 1,
                    id: c.id.to_string(),
                    name: c.name.clone(),
                    share: c.score,
                    level: c.triage,
                })
                .collect(),
            more_causes: rest.len().saturating_sub(TOP_CAUSES),
            notice: NOTICE,
        }
    }

    /// The summary as plain text wrapped to `width` columns, ending with a newline (what a
    /// `.txt` file holds at [`text::FILE_WIDTH`]).
    pub fn plain_text(&self, width: usize) -> String {
        text::plain(self, width)
    }

    /// The triage as one line: "EMERGENCY: Call ... now" or "not assessed yet".
    pub fn triage_line(&self) -> String {
        if self.triage.assessed {
            format!(
                "{} ({}): {}",
                self.triage.label.to_uppercase(),
                self.triage.level.id(),
                self.triage.advice
            )
        } else {
            NOT_ASSESSED.to_string()
        }
    }

    /// The places in words: "Lower back; Left leg", or "not chosen yet".
    pub fn places_line(&self) -> String {
        if self.places.is_empty() {
            "not chosen yet".to_string()
        } else {
            self.places
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        }
    }
}

/// What the summary says of the triage before the screen for danger is through.
pub const NOT_ASSESSED: &str =
    "not assessed yet (the questions that screen for danger are not all answered)";
