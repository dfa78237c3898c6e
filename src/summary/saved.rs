//! Reading the answers back from a saved JSON summary (`rank --answers FILE`), as
//! carefully as a graph file: a regular file only (checked before and after opening, so
//! a pipe or a device is refused at once), at most [`MAX_SUMMARY_BYTES`] read, UTF-8, and
//! every error placed at a line and column of the file.
//!
//! Then [`replay`] gives the answers to a fresh session, in the order they were asked,
//! so the ranking comes from the same walk through the questions as it did on screen.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::app::Session;
use crate::engine::Answer;
use crate::engine::interview::is_ticked;
use crate::graph::{Answers, Graph, Question};

/// The largest summary file read.
pub const MAX_SUMMARY_BYTES: u64 = 1024 * 1024;

/// What the JSON calls itself, so another JSON file is not taken for a summary.
pub const FORMAT: &str = "symptom-explorer summary";

/// An answer as a saved summary writes it: `"yes"`, `"no"`, `"not sure"`,
/// `{"choice": 2}` (the second choice) or `{"ticked": ["fever"]}` (the findings of the
/// checklist items ticked; `[]` is "none of these").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SavedValue {
    Word(String),
    Choice { choice: usize },
    Ticked { ticked: Vec<String> },
}

impl SavedValue {
    /// How an answer to a question is saved.
    pub fn of(answer: Answer, question: &Question) -> SavedValue {
        match (answer, &question.answers) {
            (Answer::Yes, _) => SavedValue::Word("yes".into()),
            (Answer::No, _) => SavedValue::Word("no".into()),
            (Answer::Choice(i), _) => SavedValue::Choice { choice: i + 1 },
            (Answer::Checked(bits), Answers::Checklist(items)) => SavedValue::Ticked {
                ticked: items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| is_ticked(bits, *i))
                    .map(|(_, item)| item.finding.clone())
                    .collect(),
            },
            (Answer::Unsure | Answer::Checked(_), _) => SavedValue::Word("not sure".into()),
        }
    }

    /// The answer this value gives to a question, or why it does not fit.
    pub fn answer(&self, question: &Question) -> Result<Answer, String> {
        let answer = match (self, &question.answers) {
            (SavedValue::Word(w), _) if w == "not sure" => Answer::Unsure,
            (SavedValue::Word(w), Answers::YesNo { .. }) if w == "yes" => Answer::Yes,
            (SavedValue::Word(w), Answers::YesNo { .. }) if w == "no" => Answer::No,
            (SavedValue::Choice { choice }, Answers::Choice(options))
                if (1..=options.len()).contains(choice) =>
            {
                Answer::Choice(choice - 1)
            }
            (SavedValue::Ticked { ticked }, Answers::Checklist(items)) => {
                let mut bits = 0u64;
                for finding in ticked {
                    let i = items
                        .iter()
                        .position(|item| &item.finding == finding)
                        .filter(|&i| i < 64)
                        .ok_or_else(|| {
                            let ids: Vec<&str> = items.iter().map(|i| i.finding.as_str()).collect();
                            format!(
                                "\"{finding}\" is not an item of the checklist \"{}\"{}",
                                question.id,
                                crate::graph::validate::did_you_mean(
                                    &crate::graph::suggest::closest(finding, ids.iter().copied())
                                )
                            )
                        })?;
                    bits |= 1 << i;
                }
                Answer::Checked(bits)
            }
            (value, answers) => {
                return Err(format!(
                    "{} does not answer the question \"{}\", which takes {}",
                    serde_json::to_string(value).unwrap_or_default(),
                    question.id,
                    match answers {
                        Answers::YesNo { .. } => "\"yes\", \"no\" or \"not sure\"".to_string(),
                        Answers::Choice(o) =>
                            format!("{{\"choice\": 1 to {}}} or \"not sure\"", o.len()),
                        Answers::Checklist(_) =>
                            "{\"ticked\": [finding ids]} or \"not sure\"".to_string(),
                    }
                ));
            }
        };
        Ok(answer)
    }
}

/// One answer as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedQuestion {
    /// The question's id.
    pub question: String,
    pub answer: SavedValue,
    /// The question and the answer in words (read by people; ignored when read back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

/// The machine-readable part of a saved summary: enough to walk the same questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedAnswers {
    /// Region ids, in the order chosen.
    pub regions: Vec<String>,
    /// In the order asked.
    pub questions: Vec<SavedQuestion>,
    /// The age and sex the answers recorded (they follow from the answers; kept for
    /// readers of the file).
    #[serde(default)]
    pub age: Option<u8>,
    #[serde(default)]
    pub sex: Option<String>,
    /// Every question was asked (`--all-questions`).
    #[serde(default)]
    pub all_questions: bool,
}

/// A saved summary as read back: only what `rank --answers` needs.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SavedSummary {
    pub format: String,
    #[serde(default)]
    pub content_version: Option<String>,
    pub answers: SavedAnswers,
}

/// Something wrong in a summary file, at a line and column (0:0 for the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The text of a saved summary file, read with the care a graph file gets.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let file = path.display().to_string();
    let fail = |message: String| FileError {
        file: file.clone(),
        line: 0,
        column: 0,
        message,
    };
    let cannot = |e: std::io::Error| fail(format!("cannot read the file: {e}"));
    let regular = |meta: &fs::Metadata| {
        if meta.is_file() {
            Ok(())
        } else {
            Err(fail(
                "cannot read the file: it is not a regular file".into(),
            ))
        }
    };
    // Before opening: opening a named pipe waits for a writer.
    regular(&fs::metadata(path).map_err(cannot)?)?;
    let opened = File::open(path).map_err(cannot)?;
    let meta = opened.metadata().map_err(cannot)?;
    regular(&meta)?;
    let too_large = || {
        fail(format!(
            "the file is too large for a summary (at most {} KiB)",
            MAX_SUMMARY_BYTES / 1024
        ))
    };
    if meta.len() > MAX_SUMMARY_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    opened
        .take(MAX_SUMMARY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_SUMMARY_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        FileError {
            file: file.clone(),
            line,
            column,
            message: "the file is not UTF-8 text".into(),
        }
    })
}

/// Line and column (from 1) of a byte offset in a text (the end when past it).
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where a quoted string first appears after the `"answers"` key: to place an error
/// about an id at the id in the file.
pub fn locate(text: &str, id: &str) -> (usize, usize) {
    let start = text.find("\"answers\"").unwrap_or(0);
    let quoted = serde_json::to_string(id).unwrap_or_default();
    text[start..]
        .find(&quoted)
        .map_or((0, 0), |at| position(text, start + at))
}

/// Parse a saved summary's text (`file` names it in errors).
pub fn parse(file: &str, text: &str) -> Result<SavedSummary, FileError> {
    let saved: SavedSummary = serde_json::from_str(text).map_err(|e| FileError {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: format!("not a saved summary: {e}")
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
    })?;
    if saved.format != FORMAT {
        let (line, column) = locate_key(text, "format");
        return Err(FileError {
            file: file.to_string(),
            line,
            column,
            message: format!("\"format\" must be \"{FORMAT}\""),
        });
    }
    Ok(saved)
}

fn locate_key(text: &str, key: &str) -> (usize, usize) {
    text.find(&format!("\"{key}\""))
        .map_or((0, 0), |at| position(text, at))
}

/// What keeps saved answers from being replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplayError {
    UnknownRegion(String),
    UnknownQuestion(String),
    /// The answer does not fit the question: the id and why.
    Unfit(String, String),
}

/// A session on `graph` with the saved regions chosen and the answers given, in order.
pub fn replay(graph: Graph, saved: &SavedAnswers) -> Result<Session, ReplayError> {
    for id in &saved.regions {
        if graph.region(id).is_none() {
            return Err(ReplayError::UnknownRegion(id.clone()));
        }
    }
    let mut answers = Vec::new();
    for q in &saved.questions {
        let question = graph
            .question(&q.question)
            .ok_or_else(|| ReplayError::UnknownQuestion(q.question.clone()))?;
        let answer = q
            .answer
            .answer(question)
            .map_err(|why| ReplayError::Unfit(q.question.clone(), why))?;
        answers.push((q.question.clone(), answer));
    }
    let mut session = Session::new(graph, !saved.all_questions);
    session.choose_regions(saved.regions.clone());
    for (question, answer) in answers {
        if let Err(e) = session.answer(&question, answer) {
            return Err(ReplayError::Unfit(question, format!("{e:?}")));
        }
    }
    Ok(session)
}
