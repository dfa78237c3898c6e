//! What `ask` prints: the warning when the advice becomes more urgent, and the result at
//! the end. Plain text only, with no escape sequences: it is read by screen readers and
//! scripts.

use std::io::{self, Write};

use crate::app::Session;
use crate::cli::escape::visible;
use crate::cli::output::fill;
use crate::graph::Triage;
use crate::summary::{Stamp, Summary};

/// Write text as it is read: every control or bidi character escaped, each line ended.
pub fn say(out: &mut impl Write, text: &str) -> io::Result<()> {
    for line in text.lines() {
        writeln!(out, "{}", visible(line.trim_end()))?;
    }
    if text.is_empty() {
        writeln!(out)?;
    }
    out.flush()
}

/// The warning for advice that just became more urgent: the red flag (or what set the
/// level) with its advice, then what to do now, in words to act on.
pub fn warning(session: &Session) -> String {
    let ranking = session.ranking();
    let (label, action) = session.graph().triage_level(ranking.triage);
    let text = match session.banner() {
        Some(banner) => format!("WARNING: {banner}\nWhat to do now: {label}. {action}"),
        None => format!(
            "WARNING: the advice is now {}: {}.\nWhat to do now: {label}. {}",
            ranking.triage.id().to_uppercase(),
            ranking.reason,
            ranking.advice
        ),
    };
    fill(&text)
}

/// The line that keeps an emergency in view while the questions go on.
pub fn reminder(session: &Session) -> Option<String> {
    let triage = session.ranking().triage;
    if triage < Triage::Emergency {
        return None;
    }
    let (label, action) = session.graph().triage_level(triage);
    Some(fill(&format!("Remember: {label}. {action}")))
}

/// The last line after the result when the advice is urgent or an emergency, so that the
/// advice is the last thing shown as well as the first.
pub fn closing(session: &Session) -> Option<String> {
    let ranking = session.ranking();
    if ranking.triage < Triage::Urgent {
        return None;
    }
    let (label, _) = session.graph().triage_level(ranking.triage);
    Some(fill(&format!(
        "Act on this now: {label}. {}",
        ranking.advice
    )))
}

/// The result: the same summary the interface hands over (where it hurts, every answer,
/// red flags with their advice, the triage, the causes to check first and the likeliest,
/// the date, the content version, and the notice that this informs and does not
/// diagnose), wrapped to `width` columns.
pub fn print_result(session: &Session, out: &mut impl Write, width: usize) -> io::Result<()> {
    if session.chosen_names().is_empty() {
        let text = format!(
            "\nResult\nNothing was chosen, so there are no causes to list.\n\n{}\n",
            crate::cli::NOTICE
        );
        return say(out, &text);
    }
    let summary = Summary::of(session, Stamp::now());
    say(out, &format!("\n{}", summary.plain_text(width)))
}
