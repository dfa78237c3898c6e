//! The summary as plain text: its pieces wrapped to a width, one line each. The summary
//! pane draws these same lines with styles; a `.txt` file and the QR code hold the text.

use super::Summary;
use super::document::{Piece, Tone, pieces};

/// The width of a saved text summary.
pub const FILE_WIDTH: usize = 78;

/// What a laid-out line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Heading,
    Body,
    Blank,
}

/// One line of the summary, wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub tone: Tone,
    pub kind: Kind,
}

impl Line {
    fn blank() -> Line {
        Line {
            text: String::new(),
            tone: Tone::Plain,
            kind: Kind::Blank,
        }
    }
}

/// The summary's lines at a width (at least 20 columns).
pub fn lines(summary: &Summary, width: usize) -> Vec<Line> {
    let width = width.max(20);
    let mut out: Vec<Line> = Vec::new();
    let wrap = |out: &mut Vec<Line>, text: &str, first: &str, rest: &str, tone, kind| {
        let options = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest);
        for piece in textwrap::wrap(text, options) {
            out.push(Line {
                text: piece.into_owned(),
                tone,
                kind,
            });
        }
    };
    for piece in pieces(summary) {
        match piece {
            Piece::Title(t) => {
                wrap(&mut out, &t, "", "", Tone::Strong, Kind::Title);
            }
            Piece::Heading(h) => {
                out.push(Line::blank());
                wrap(&mut out, &h, "", "", Tone::Strong, Kind::Heading);
            }
            Piece::Field { label, value, tone } => {
                let first = format!("{label}: ");
                let text = format!("{first}{value}");
                wrap(&mut out, &text, "", "  ", tone, Kind::Body);
            }
            Piece::Item {
                mark,
                text,
                tone,
                under,
            } => {
                let first = format!("{mark} ");
                let rest = " ".repeat(first.chars().count());
                wrap(&mut out, &text, &first, &rest, tone, Kind::Body);
                if let Some(under) = under {
                    wrap(&mut out, &under, &rest, &rest, Tone::Plain, Kind::Body);
                }
            }
            Piece::Para { text, tone } => {
                wrap(&mut out, &text, "", "", tone, Kind::Body);
            }
            Piece::Gap => out.push(Line::blank()),
        }
    }
    out
}

/// The summary as plain text at a width, ending with a newline.
pub fn plain(summary: &Summary, width: usize) -> String {
    let mut text = String::new();
    for line in lines(summary, width) {
        text.push_str(line.text.trim_end());
        text.push('\n');
        if line.kind == Kind::Title {
            text.push_str(&"=".repeat(line.text.chars().count()));
            text.push('\n');
        } else if line.kind == Kind::Heading {
            text.push_str(&"-".repeat(line.text.chars().count()));
            text.push('\n');
        }
    }
    text
}
