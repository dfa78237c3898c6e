//! The summary as a list of pieces (headings, fields, items, paragraphs), in the order
//! they are read. Plain text, Markdown and the summary pane all lay out these same
//! pieces, so they cannot say different things.

use super::{NOT_ASSESSED, Summary};
use crate::graph::Triage;

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Strong,
    Dim,
    /// In the style of a triage level.
    Level(Triage),
}

/// One piece of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Title(String),
    Heading(String),
    /// "Label: value".
    Field {
        label: &'static str,
        value: String,
        tone: Tone,
    },
    /// A list item: its mark ("1.", "!", "-") and text, and a line under it (advice, a
    /// reason) when there is one.
    Item {
        mark: String,
        text: String,
        tone: Tone,
        under: Option<String>,
    },
    Para {
        text: String,
        tone: Tone,
    },
    /// A blank line.
    Gap,
}

/// The title every rendering starts with.
pub const TITLE: &str = "Symptom summary (symptom-explorer)";

/// The pieces of a summary, in reading order.
pub fn pieces(s: &Summary) -> Vec<Piece> {
    let mut out = vec![
        Piece::Title(TITLE.to_string()),
        Piece::Para {
            text: s.notice.to_string(),
            tone: Tone::Strong,
        },
        Piece::Field {
            label: "Made",
            value: format!(
                "{}; content version {}; program version {}",
                s.date.shown(),
                s.content_version,
                s.program_version
            ),
            tone: Tone::Plain,
        },
    ];

    out.push(Piece::Heading("Triage".into()));
    if s.triage.assessed {
        out.push(Piece::Field {
            label: "Level",
            value: format!(
                "{} ({})",
                s.triage.label.to_uppercase(),
                s.triage.level.id()
            ),
            tone: Tone::Level(s.triage.level),
        });
        out.push(Piece::Field {
            label: "Act on",
            value: s.triage.advice.clone(),
            tone: Tone::Strong,
        });
        out.push(Piece::Field {
            label: "Why",
            value: s.triage.reason.clone(),
            tone: Tone::Plain,
        });
    } else {
        out.push(Piece::Field {
            label: "Level",
            value: NOT_ASSESSED.to_string(),
            tone: Tone::Plain,
        });
    }
    for (heading, warnings) in [
        ("Red flags present", &s.red_flags),
        ("Warning combinations present", &s.combinations),
    ] {
        if warnings.is_empty() {
            continue;
        }
        out.push(Piece::Heading(heading.into()));
        for w in warnings {
            out.push(Piece::Item {
                mark: "!".into(),
                text: format!("{} ({})", w.name, w.level.id().to_uppercase()),
                tone: Tone::Level(w.level),
                under: Some(w.advice.clone()),
            });
        }
    }

    out.push(Piece::Heading("Where it hurts".into()));
    out.push(Piece::Para {
        text: s.places_line(),
        tone: Tone::Plain,
    });

    out.push(Piece::Heading("Answers, in the order asked".into()));
    if s.answers.is_empty() {
        out.push(Piece::Para {
            text: "No question answered yet.".into(),
            tone: Tone::Plain,
        });
    }
    for (n, a) in s.answers.iter().enumerate() {
        // A checklist says what was ticked and what was not: "none of these" alone would
        // not tell the clinician which signs were ruled out.
        let answer = match (a.words.as_str(), a.not_ticked.as_slice()) {
            (words, []) => format!("Answer: {words}"),
            ("none of these", not) => format!("Answer: none of these ({})", not.join("; ")),
            (words, not) => format!("Answer: {words} (not: {})", not.join("; ")),
        };
        out.push(Piece::Item {
            mark: format!("{}.", n + 1),
            text: a.question.clone(),
            tone: Tone::Plain,
            under: Some(answer),
        });
    }
    if s.passed_over > 0 {
        out.push(Piece::Para {
            text: format!(
                "{} {} passed over: no answer could change the advice or the causes at the top (counted as \"not sure\").",
                s.passed_over,
                if s.passed_over == 1 { "question" } else { "questions" }
            ),
            tone: Tone::Dim,
        });
    }
    if !s.places.is_empty() && !s.finished {
        out.push(Piece::Para {
            text: "The questions were not finished.".into(),
            tone: Tone::Dim,
        });
    }

    if !s.check_first.is_empty() {
        out.push(Piece::Heading(if s.unexplained {
            "Check these too (none of them explains the warning sign: act on the advice above first)".into()
        } else {
            "Check these first (before the likelihood ranking)".into()
        }));
        for c in &s.check_first {
            out.push(Piece::Item {
                mark: "!".into(),
                text: format!("{} ({})", c.name, c.level.id().to_uppercase()),
                tone: Tone::Level(c.level),
                under: Some(format!("because {}", c.reason)),
            });
        }
    }

    out.push(Piece::Heading(if s.check_first.is_empty() {
        "Most likely causes (share of 100 among those listed)".into()
    } else {
        "Other possible causes, most likely first".into()
    }));
    if s.top_causes.is_empty() {
        out.push(Piece::Para {
            text: if s.check_first.is_empty() {
                "No cause in the graph fits these places.".into()
            } else {
                "Every cause that fits is listed above.".into()
            },
            tone: Tone::Plain,
        });
    }
    for c in &s.top_causes {
        out.push(Piece::Item {
            mark: format!("{}.", c.rank),
            text: format!("{}  {}  ({})", c.name, c.share_text(), c.level.id()),
            tone: Tone::Plain,
            under: None,
        });
    }
    if s.more_causes > 0 {
        out.push(Piece::Para {
            text: format!(
                "... and {} less likely {}.",
                s.more_causes,
                if s.more_causes == 1 {
                    "cause"
                } else {
                    "causes"
                }
            ),
            tone: Tone::Dim,
        });
    }
    out.push(Piece::Gap);
    out.push(Piece::Para {
        text: s.notice.to_string(),
        tone: Tone::Strong,
    });
    out
}
