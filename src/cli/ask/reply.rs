//! What a line typed in `ask` says: a command (back, explain, finish), the regions chosen,
//! or an answer to a question. Pure functions over the text, so every rule is tested here.

use crate::engine::Answer;
use crate::graph::{Answers, Question};

/// A word that works at every prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// `b`: take back the last answer.
    Back,
    /// `?`: explain the question and how to answer it.
    Explain,
    /// `q`: stop here and print the result so far.
    Finish,
}

/// The line, trimmed, lower-cased, with runs of spaces made one.
pub fn normalise(line: &str) -> String {
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The command a line gives, if it is one.
pub fn command(line: &str) -> Option<Command> {
    match normalise(line).as_str() {
        "b" | "back" | "undo" => Some(Command::Back),
        "?" | "h" | "help" => Some(Command::Explain),
        "q" | "quit" | "exit" | "finish" | "stop" => Some(Command::Finish),
        _ => None,
    }
}

/// Whole numbers separated by spaces or commas; the reason when a piece is not one.
fn numbers(line: &str) -> Result<Vec<usize>, String> {
    let pieces: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.is_empty() {
        return Err("nothing was typed".into());
    }
    pieces
        .into_iter()
        .map(|p| {
            p.parse::<usize>()
                .map_err(|_| format!("\"{p}\" is not a number"))
        })
        .collect()
}

/// The regions chosen, as indexes (0-based) into a list of `count`, each once, in the
/// order typed.
pub fn regions(line: &str, count: usize) -> Result<Vec<usize>, String> {
    let mut chosen = Vec::new();
    for n in numbers(line)? {
        if n == 0 || n > count {
            return Err(format!(
                "there is no place numbered {n}: choose 1 to {count}"
            ));
        }
        if !chosen.contains(&(n - 1)) {
            chosen.push(n - 1);
        }
    }
    Ok(chosen)
}

/// The numbered answers a question offers, in order, as the interface offers them:
/// yes and no, or the choices, then "not sure". A checklist's items are listed apart (see
/// [`checklist_items`]): there, "not sure" is `u` and "none of these" is 0.
pub fn choices(q: &Question) -> Vec<(String, Answer)> {
    let mut out: Vec<(String, Answer)> = match &q.answers {
        Answers::YesNo { .. } => vec![("Yes".into(), Answer::Yes), ("No".into(), Answer::No)],
        Answers::Choice(options) => options
            .iter()
            .enumerate()
            .map(|(i, o)| (o.label.clone(), Answer::Choice(i)))
            .collect(),
        Answers::Checklist(_) => return Vec::new(),
    };
    out.push(("Not sure".into(), Answer::Unsure));
    out
}

/// A checklist's items, in order; empty for other questions.
pub fn checklist_items(q: &Question) -> Vec<&str> {
    match &q.answers {
        Answers::Checklist(items) => items.iter().map(|i| i.label.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// How to answer a question, in one line: the prompt.
pub fn prompt(q: &Question) -> String {
    match &q.answers {
        Answers::Checklist(items) => format!(
            "Type the numbers of all that apply (1 to {}, separated by spaces), 0 for none of these, or u if not sure (b back, ? help, q finish):",
            items.len()
        ),
        _ => format!(
            "Type a number from 1 to {} (b back, ? help, q finish):",
            choices(q).len()
        ),
    }
}

/// The answer a line gives to a question; the reason when it gives none.
pub fn answer(line: &str, q: &Question) -> Result<Answer, String> {
    let words = normalise(line);
    if matches!(
        words.as_str(),
        "u" | "unsure" | "not sure" | "don't know" | "dont know"
    ) {
        return Ok(Answer::Unsure);
    }
    match &q.answers {
        Answers::YesNo { .. } => match words.as_str() {
            "y" | "yes" => return Ok(Answer::Yes),
            "n" | "no" => return Ok(Answer::No),
            _ => {}
        },
        Answers::Checklist(items) => return ticked(&words, items.len()),
        Answers::Choice(_) => {}
    }
    let offered = choices(q);
    // A choice typed out in full ("yes", "under 16") counts as its number.
    if let Some((_, a)) = offered.iter().find(|(label, _)| normalise(label) == words) {
        return Ok(*a);
    }
    let n = match numbers(&words)?.as_slice() {
        [n] => *n,
        _ => return Err("give one number only".into()),
    };
    match n.checked_sub(1).and_then(|i| offered.get(i)) {
        Some((_, a)) => Ok(*a),
        None => Err(format!(
            "there is no answer numbered {n}: choose 1 to {}",
            offered.len()
        )),
    }
}

/// A checklist's answer: the items ticked as bits, 0 (or `n`, `none`) for none of these.
fn ticked(words: &str, count: usize) -> Result<Answer, String> {
    if matches!(words, "n" | "no" | "none" | "none of these") {
        return Ok(Answer::Checked(0));
    }
    let picked = numbers(words)?;
    if picked == [0] {
        return Ok(Answer::Checked(0));
    }
    let mut bits = 0u64;
    for n in picked {
        if n == 0 {
            return Err(
                "0 means none of these: type it alone, or only the numbers of the items that apply"
                    .into(),
            );
        }
        if n > count || n > 64 {
            return Err(format!(
                "there is no item numbered {n}: the items are 1 to {count}"
            ));
        }
        bits |= 1 << (n - 1);
    }
    Ok(Answer::Checked(bits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{ChecklistItem, ChoiceOption, Outcome};

    fn question(answers: Answers) -> Question {
        Question {
            id: "q".into(),
            text: "Q?".into(),
            help: None,
            ask_if: None,
            otherwise: None,
            answers,
            next: None,
        }
    }

    fn yes_no() -> Question {
        question(Answers::YesNo {
            yes: Outcome::default(),
            no: Outcome::default(),
            unsure: Outcome::default(),
        })
    }

    fn choice(labels: &[&str]) -> Question {
        question(Answers::Choice(
            labels
                .iter()
                .map(|l| ChoiceOption {
                    label: (*l).to_string(),
                    add: Vec::new(),
                    rule_out: Vec::new(),
                    age: None,
                    sex: None,
                    next: None,
                })
                .collect(),
        ))
    }

    fn checklist(n: usize) -> Question {
        question(Answers::Checklist(
            (0..n)
                .map(|i| ChecklistItem {
                    label: format!("item {i}"),
                    finding: format!("f{i}"),
                })
                .collect(),
        ))
    }

    #[test]
    fn commands_are_words_that_work_anywhere() {
        assert_eq!(command(" B "), Some(Command::Back));
        assert_eq!(command("?"), Some(Command::Explain));
        assert_eq!(command("Q"), Some(Command::Finish));
        assert_eq!(command("1"), None);
    }

    #[test]
    fn regions_are_numbers_each_once() {
        assert_eq!(regions("1 4", 5), Ok(vec![0, 3]));
        assert_eq!(regions("2, 2,1", 5), Ok(vec![1, 0]));
        assert!(regions("6", 5).unwrap_err().contains("1 to 5"));
        assert!(regions("0", 5).is_err());
        assert!(regions("back", 5).unwrap_err().contains("not a number"));
        assert!(regions("  ", 5).unwrap_err().contains("nothing"));
    }

    #[test]
    fn yes_no_takes_numbers_and_words() {
        let q = yes_no();
        assert_eq!(answer("1", &q), Ok(Answer::Yes));
        assert_eq!(answer("2", &q), Ok(Answer::No));
        assert_eq!(answer("3", &q), Ok(Answer::Unsure));
        assert_eq!(answer("Yes", &q), Ok(Answer::Yes));
        assert_eq!(answer("n", &q), Ok(Answer::No));
        assert_eq!(answer("not  sure", &q), Ok(Answer::Unsure));
        assert!(answer("4", &q).unwrap_err().contains("1 to 3"));
        assert!(answer("1 2", &q).unwrap_err().contains("one number"));
        assert!(answer("", &q).is_err());
    }

    #[test]
    fn a_choice_is_its_number_or_its_label() {
        let q = choice(&["Under 16", "16 to 29"]);
        assert_eq!(answer("2", &q), Ok(Answer::Choice(1)));
        assert_eq!(answer("under 16", &q), Ok(Answer::Choice(0)));
        assert_eq!(answer("3", &q), Ok(Answer::Unsure));
        assert_eq!(answer("u", &q), Ok(Answer::Unsure));
        assert!(answer("y", &q).is_err(), "yes is not a choice here");
        assert_eq!(
            prompt(&q),
            "Type a number from 1 to 3 (b back, ? help, q finish):"
        );
    }

    #[test]
    fn a_checklist_takes_several_numbers_or_none() {
        let q = checklist(4);
        assert_eq!(answer("1 3", &q), Ok(Answer::Checked(0b101)));
        assert_eq!(answer("4,4", &q), Ok(Answer::Checked(0b1000)));
        assert_eq!(answer("0", &q), Ok(Answer::Checked(0)));
        assert_eq!(answer("none", &q), Ok(Answer::Checked(0)));
        assert_eq!(answer("u", &q), Ok(Answer::Unsure));
        assert!(answer("0 1", &q).unwrap_err().contains("alone"));
        assert!(answer("5", &q).unwrap_err().contains("1 to 4"));
        assert!(choices(&q).is_empty());
        assert_eq!(checklist_items(&q).len(), 4);
    }
}
