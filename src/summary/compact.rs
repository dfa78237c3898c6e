//! Shorter forms of the summary, for a QR code in a small window: a terminal of 80x24
//! holds only a small code, so the code carries the fullest form that fits (see the
//! summary pane's QR drawing) and the screen says when it is not the full text.

use super::text::{FILE_WIDTH, plain};
use super::{NOT_ASSESSED, Summary};

/// How much of the summary a form keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// The whole summary, as the `.txt` file has it.
    Full,
    /// Every fact on a line each: the answers by question, the causes with shares.
    Compact,
    /// The triage, red flags, places, causes to check first and the three most likely.
    Brief,
    /// The triage and its advice, the red flags and the date.
    Minimal,
    /// The triage level and the red flags' names, on one line in capitals (which a QR
    /// code holds in less room).
    Tiny,
}

impl Form {
    /// From the fullest to the shortest.
    pub const ALL: [Form; 5] = [
        Form::Full,
        Form::Compact,
        Form::Brief,
        Form::Minimal,
        Form::Tiny,
    ];

    /// What the screen calls it.
    pub fn name(self) -> &'static str {
        match self {
            Form::Full => "the full summary",
            Form::Compact => "a compact summary",
            Form::Brief => "a brief summary",
            Form::Minimal => "the triage, its advice and the red flags only",
            Form::Tiny => "the triage level and red flags only",
        }
    }
}

/// The summary's text in a form.
pub fn text(summary: &Summary, form: Form) -> String {
    if form == Form::Full {
        return plain(summary, FILE_WIDTH);
    }
    let s = summary;
    if form == Form::Tiny {
        return tiny(s);
    }
    let mut out = vec![format!(
        "SYMPTOM SUMMARY {} (content {})",
        s.date.shown(),
        s.content_version
    )];
    out.push(if s.triage.assessed {
        format!(
            "TRIAGE: {}. {}",
            s.triage.label.to_uppercase(),
            s.triage.advice
        )
    } else {
        format!("TRIAGE: {NOT_ASSESSED}")
    });
    if !s.red_flags.is_empty() {
        let flags: Vec<String> = s
            .red_flags
            .iter()
            .map(|f| format!("{} ({})", f.name, f.level.id()))
            .collect();
        out.push(format!("RED FLAGS: {}", flags.join("; ")));
    }
    if form <= Form::Brief {
        for w in &s.combinations {
            out.push(format!("WARNING: {} ({})", w.name, w.level.id()));
        }
        out.push(format!("WHERE: {}", s.places_line()));
    }
    if form == Form::Compact {
        for a in &s.answers {
            out.push(format!("{} = {}", a.question_id, a.words));
        }
    }
    if form <= Form::Brief {
        if !s.check_first.is_empty() {
            let names: Vec<String> = s
                .check_first
                .iter()
                .map(|c| format!("{} ({})", c.name, c.level.id()))
                .collect();
            out.push(format!("CHECK FIRST: {}", names.join("; ")));
        }
        let top = if form == Form::Compact { usize::MAX } else { 3 };
        let likely: Vec<String> = s
            .top_causes
            .iter()
            .take(top)
            .map(|c| format!("{} {}", c.name, c.share_text()))
            .collect();
        if !likely.is_empty() {
            out.push(format!("LIKELY: {}", likely.join("; ")));
        }
    }
    out.push("Information, not a diagnosis.".to_string());
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The shortest form: date, triage level, red flags, on one line in capitals and only
/// the characters a QR code's alphanumeric mode holds (digits, A-Z, space, `$%*+-./:`),
/// which takes about two thirds of the room of bytes.
fn tiny(s: &Summary) -> String {
    let mut out = vec![format!("SUMMARY {}", s.date.shown())];
    out.push(if s.triage.assessed {
        s.triage.label.clone()
    } else {
        "TRIAGE NOT ASSESSED".to_string()
    });
    if !s.red_flags.is_empty() {
        let names: Vec<&str> = s.red_flags.iter().map(|f| f.name.as_str()).collect();
        out.push(format!("RED FLAGS: {}", names.join(" / ")));
    }
    out.push("NOT A DIAGNOSIS.".to_string());
    alphanumeric(&out.join(". "))
}

/// Capitals, and every character outside the alphanumeric set as a space (accents
/// folded first, so "Sjögren" keeps its o).
pub fn alphanumeric(text: &str) -> String {
    let folded = crate::engine::search::fold(text).to_uppercase();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        let c = if c.is_ascii_uppercase() || c.is_ascii_digit() || " $%*+-./:".contains(c) {
            c
        } else {
            ' '
        };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}
