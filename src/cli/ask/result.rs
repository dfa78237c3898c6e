//! What `ask` prints: the warning when the advice becomes more urgent, and the result at
//! the end. Plain text only, with no escape sequences: it is read by screen readers and
//! scripts.

use std::io::{self, Write};

use crate::app::Session;
use crate::cli::escape::visible;
use crate::cli::output::{Paint, fill};
use crate::cli::rank::{DEFAULT_TOP, render};
use crate::graph::Triage;

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

/// The result: where it hurts, the answers, the triage and its advice, the causes to check
/// first and the likeliest causes, and the notice that this informs and does not
/// diagnose. Wrapped to `width` columns.
pub fn print_result(session: &Session, out: &mut impl Write, width: usize) -> io::Result<()> {
    let graph = session.graph();
    let mut text = String::from("\nResult\n");
    let chosen = session.chosen_names();
    if chosen.is_empty() {
        text.push_str("Nothing was chosen, so there are no causes to list.\n\n");
        text.push_str(crate::cli::NOTICE);
        text.push('\n');
        return say(out, &text);
    }
    text.push_str(&format!("Where it hurts: {}\n", chosen.join(", ")));
    let walk = session.walk();
    if walk.answered.is_empty() {
        text.push_str("Your answers: none yet.\n");
    } else {
        text.push_str("Your answers:\n");
        for (n, (qid, answer)) in walk.answered.iter().enumerate() {
            if let Some(q) = graph.question(qid) {
                text.push_str(&fill(&format!(
                    "  {}. {} - {}\n",
                    n + 1,
                    q.text,
                    answer.describe(q)
                )));
            }
        }
    }
    if !walk.skipped.is_empty() {
        let n = walk.skipped.len();
        text.push_str(&format!(
            "{n} {} passed over: no answer could change the advice or the causes at the top.\n",
            if n == 1 {
                "question was"
            } else {
                "questions were"
            }
        ));
    }
    if !session.assessed() {
        text.push_str(
            "Not every question that screens for danger was answered, so a calm level below means only that no warning sign has been reported so far.\n",
        );
    }
    text.push('\n');
    text.push_str(&render(
        &Paint::plain(width),
        graph,
        session.ranking(),
        DEFAULT_TOP,
    ));
    say(out, &text)
}
