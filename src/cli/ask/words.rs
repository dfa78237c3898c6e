//! What `ask` says while it asks: the question with its numbered answers, the prompts,
//! and what `?` explains.

use super::reply;
use crate::app::Session;
use crate::cli::output::fill;
use crate::graph::{Answers, Question};

/// The question as it is asked: how far in, the text, its explanation and the answers.
pub fn question(session: &Session, q: &Question) -> String {
    let walk = session.walk();
    let n = walk.answered.len() + 1;
    let most = walk.answered.len() + walk.left_at_most;
    let mut text = format!("\nQuestion {n} of at most {most}: {}\n", q.text);
    if let Some(help) = &q.help {
        text.push_str(help);
        text.push('\n');
    }
    if matches!(q.answers, Answers::Checklist(_)) {
        text.push_str("Tick any that apply:\n");
        for (i, item) in reply::checklist_items(q).iter().enumerate() {
            text.push_str(&format!("{}. {item}\n", i + 1));
        }
        text.push_str("0. None of these\nu. Not sure\n");
    } else {
        for (i, (label, _)) in reply::choices(q).iter().enumerate() {
            text.push_str(&format!("{}. {label}\n", i + 1));
        }
    }
    fill(text.trim_end())
}

/// The prompt for where it hurts.
pub const REGIONS_PROMPT: &str =
    "Type the numbers of the places, separated by spaces, such as 1 4 (? help, q finish):";

/// What `?` says where it hurts is asked.
pub const REGIONS_HELP: &str = "Type the number of each place that hurts; several numbers, \
separated by spaces, choose several places. Then the questions for those places are asked one \
at a time. At any question: b takes back the last answer, ? explains the question, and q stops \
and shows what the answers so far say.";

/// What `?` says about a question: its explanation, and how to answer it.
pub fn explain(q: &Question) -> String {
    let mut text = String::new();
    if let Some(help) = &q.help {
        text.push_str(help);
        text.push('\n');
    }
    text.push_str(match q.answers {
        Answers::Checklist(_) => {
            "Type the number of every item that applies, separated by spaces, such as 1 3. \
Type 0 if none of them applies, or u if you are not sure. Only what you tick counts as present; \
the items you leave out count as absent."
        }
        Answers::YesNo { .. } => {
            "Type 1 for yes, 2 for no, or 3 if you are not sure (y, n and u work too). Not sure is \
a fine answer."
        }
        Answers::Choice(_) => {
            "Type the number of the answer that fits best. The last number is for not sure, \
which is a fine answer."
        }
    });
    text.push_str(
        "\nb takes back your last answer; q stops and shows what the answers so far say.",
    );
    fill(&text)
}
