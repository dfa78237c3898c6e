//! The summary as JSON, for a `.json` file: the readable text, the same facts as fields,
//! and the answers in the form `rank --answers` reads back (see [`super::saved`]).

use serde::Serialize;

use super::saved::{FORMAT, SavedAnswers, SavedQuestion};
use super::text::{FILE_WIDTH, plain};
use super::{Summary, share_text};
use crate::graph::Sex;

#[derive(Debug, Serialize)]
struct JsonSummary<'a> {
    format: &'static str,
    /// Bumped when the layout of this file changes.
    format_version: u32,
    date: String,
    content_version: &'a str,
    program_version: &'a str,
    notice: &'a str,
    /// The whole summary as plain text.
    text: String,
    triage: JsonTriage<'a>,
    red_flags: Vec<JsonWarning<'a>>,
    combinations: Vec<JsonWarning<'a>>,
    check_first: Vec<JsonCheck<'a>>,
    unexplained: bool,
    top_causes: Vec<JsonCause<'a>>,
    more_causes: usize,
    answers: SavedAnswers,
}

#[derive(Debug, Serialize)]
struct JsonTriage<'a> {
    assessed: bool,
    level: &'static str,
    label: &'a str,
    advice: &'a str,
    reason: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonWarning<'a> {
    id: &'a str,
    name: &'a str,
    level: &'static str,
    advice: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonCheck<'a> {
    id: &'a str,
    name: &'a str,
    level: &'static str,
    reason: &'a str,
}

#[derive(Debug, Serialize)]
struct JsonCause<'a> {
    rank: usize,
    id: &'a str,
    name: &'a str,
    /// Share of 100 among the causes listed, to two decimals.
    share: f64,
    /// As the cause list shows it.
    share_text: String,
    level: &'static str,
}

/// The answers of a summary in the saved form.
pub fn saved_answers(summary: &Summary) -> SavedAnswers {
    SavedAnswers {
        regions: summary.places.iter().map(|p| p.id.clone()).collect(),
        questions: summary
            .answers
            .iter()
            .map(|a| SavedQuestion {
                question: a.question_id.clone(),
                answer: a.saved.clone(),
                asked: Some(a.question.clone()),
                words: Some(a.words.clone()),
            })
            .collect(),
        age: summary.age,
        sex: summary.sex.map(|s| {
            match s {
                Sex::Female => "female",
                Sex::Male => "male",
            }
            .to_string()
        }),
        all_questions: summary.all_questions,
    }
}

/// The summary as pretty-printed JSON, ending with a newline.
pub fn json(summary: &Summary) -> String {
    let doc = JsonSummary {
        format: FORMAT,
        format_version: 1,
        date: summary.date.shown(),
        content_version: &summary.content_version,
        program_version: summary.program_version,
        notice: summary.notice,
        text: plain(summary, FILE_WIDTH),
        triage: JsonTriage {
            assessed: summary.triage.assessed,
            level: summary.triage.level.id(),
            label: &summary.triage.label,
            advice: &summary.triage.advice,
            reason: &summary.triage.reason,
        },
        red_flags: summary.red_flags.iter().map(json_warning).collect(),
        combinations: summary.combinations.iter().map(json_warning).collect(),
        check_first: summary
            .check_first
            .iter()
            .map(|c| JsonCheck {
                id: &c.id,
                name: &c.name,
                level: c.level.id(),
                reason: &c.reason,
            })
            .collect(),
        unexplained: summary.unexplained,
        top_causes: summary
            .top_causes
            .iter()
            .map(|c| JsonCause {
                rank: c.rank,
                id: &c.id,
                name: &c.name,
                share: (c.share * 100.0).round() / 100.0,
                share_text: share_text(c.share),
                level: c.level.id(),
            })
            .collect(),
        more_causes: summary.more_causes,
        answers: saved_answers(summary),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

fn json_warning(w: &super::Warning) -> JsonWarning<'_> {
    JsonWarning {
        id: &w.id,
        name: &w.name,
        level: w.level.id(),
        advice: &w.advice,
    }
}
