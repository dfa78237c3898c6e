//! `ask`: the interface's questions, one line at a time, for screen readers and scripts.
//!
//! The questions, their order and the ones passed over are the interface's own: the
//! interview runs on the same [`Session`]. Every prompt is one line of plain words with no
//! escape sequences, answers are numbers typed on standard input, and a warning is printed
//! as soon as an answer makes the advice more urgent. End of input, or `q`, ends the
//! interview and prints what is known (exit 0).

pub mod reply;
pub mod result;
pub mod words;

use std::io::{self, BufRead, IsTerminal, Read, Write};

use self::reply::Command;
use self::result::{closing, print_result, reminder, say, warning};
use super::load::load;
use super::output::{error_line, fill};
use super::{Failure, Globals};
use crate::app::Session;
use crate::app::session::NotTaken;
use crate::graph::Triage;

/// `ask`: the interview on standard input and output, on the bundled graph or the `--graph`
/// files; `--json` is refused (the output is for people).
pub fn run(globals: &Globals) -> Result<(), Failure> {
    if globals.json {
        return Err(Failure::Usage(
            "ask writes plain text only; for JSON, use `rank --json` with the regions and findings"
                .into(),
        ));
    }
    let graph = load(globals)?;
    let mut session = Session::new(graph, !globals.all_questions);
    let stdout = io::stdout();
    let width = crate::cli::output::width_of_output(stdout.is_terminal());
    let mut out = stdout.lock();
    match interview(&mut session, io::stdin().lock(), &mut out, width) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot go on with the questions: {e}"))),
    }
}

/// Whether the line-by-line mode stands in for the interface: `TERM` is `dumb`, empty or
/// unset, so the terminal cannot be drawn on.
pub fn wanted_for_terminal(term: Option<&str>) -> bool {
    matches!(term.map(str::trim), None | Some("" | "dumb"))
}

/// Whether to ask line by line when no command is given (see [`wanted_for_terminal`]).
pub fn instead_of_interface() -> bool {
    wanted_for_terminal(std::env::var("TERM").ok().as_deref())
}

/// The line-by-line mode in place of the interface, after a note on standard error that
/// says so and how to get the interface.
pub fn run_instead_of_interface(globals: &Globals) -> Result<(), Failure> {
    error_line(NOTE);
    run(globals)
}

const NOTE: &str = "symptom-explorer: TERM is dumb or unset, so the questions are asked line by \
line (as `symptom-explorer ask` does). For the full interface, run it in a terminal with TERM \
set, such as TERM=xterm-256color.";

/// How the interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// No more questions.
    Done,
    /// `q`.
    Finished,
    /// End of input.
    Input,
}

/// Ask the questions on `input` and `out`, then print the result.
pub fn interview(
    session: &mut Session,
    input: impl BufRead,
    out: &mut impl Write,
    width: usize,
) -> io::Result<()> {
    let mut asker = Asker {
        session,
        input,
        out,
        announced: Triage::SelfCare,
        told_enough: false,
        just_warned: false,
    };
    let end = asker.ask()?;
    let Asker { session, out, .. } = asker;
    match end {
        End::Done => {}
        End::Finished => say(out, "Stopped; this is what the answers so far say.")?,
        End::Input => say(out, "End of input; this is what the answers so far say.")?,
    }
    print_result(session, out, width)?;
    if let Some(line) = closing(session) {
        say(out, &format!("\n{line}"))?;
    }
    Ok(())
}

struct Asker<'s, R, W> {
    session: &'s mut Session,
    input: R,
    out: &'s mut W,
    /// The triage level last told: a higher one is warned of at once.
    announced: Triage,
    /// Whether "enough answered to list the causes" has been said.
    told_enough: bool,
    /// Whether the last answer printed a warning (then no reminder follows at once).
    just_warned: bool,
}

/// What one line read says.
enum Line {
    Eof,
    Text(String),
    /// Longer than [`MAX_LINE`]: not an answer.
    TooLong,
}

/// The longest line of input read as an answer, in bytes.
const MAX_LINE: u64 = 4096;

impl<R: BufRead, W: Write> Asker<'_, R, W> {
    fn say(&mut self, text: &str) -> io::Result<()> {
        say(self.out, text)
    }

    /// One line of input, at most [`MAX_LINE`] bytes of it (a longer line is read to its
    /// end and dropped, so no line can fill the memory).
    fn read(&mut self) -> io::Result<Line> {
        let mut bytes = Vec::new();
        let n = (&mut self.input)
            .take(MAX_LINE)
            .read_until(b'\n', &mut bytes)?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        if n as u64 == MAX_LINE && !bytes.ends_with(b"\n") {
            loop {
                bytes.clear();
                let n = (&mut self.input)
                    .take(MAX_LINE)
                    .read_until(b'\n', &mut bytes)?;
                if n == 0 || bytes.ends_with(b"\n") {
                    return Ok(Line::TooLong);
                }
            }
        }
        Ok(Line::Text(
            String::from_utf8_lossy(&bytes).trim().to_string(),
        ))
    }

    fn ask(&mut self) -> io::Result<End> {
        loop {
            if self.session.interview().regions.is_empty() {
                if let Some(end) = self.ask_regions()? {
                    return Ok(end);
                }
                let walk = self.session.walk();
                if walk.current.is_none() && walk.answered.is_empty() {
                    self.say("There are no questions for this area.")?;
                    return Ok(End::Done);
                }
                continue;
            }
            let Some(id) = self.session.walk().current.clone() else {
                self.say("That was the last question.")?;
                return Ok(End::Done);
            };
            if let Some(end) = self.ask_question(&id)? {
                return Ok(end);
            }
        }
    }

    /// Where it hurts; `Some` when the interview ends here.
    fn ask_regions(&mut self) -> io::Result<Option<End>> {
        let mut text = String::from("Where does it hurt? Choose one or more places.\n");
        for (n, region) in self.session.graph().regions.iter().enumerate() {
            text.push_str(&format!("{}. {}\n", n + 1, region.name));
        }
        self.say(&text)?;
        loop {
            self.say(words::REGIONS_PROMPT)?;
            let line = match self.read()? {
                Line::Eof => return Ok(Some(End::Input)),
                Line::TooLong => {
                    self.say("Not understood: the line is too long.")?;
                    continue;
                }
                Line::Text(line) => line,
            };
            match reply::command(&line) {
                Some(Command::Finish) => return Ok(Some(End::Finished)),
                Some(Command::Back) => self.say("There is no answer to take back yet.")?,
                Some(Command::Explain) => self.say(words::REGIONS_HELP)?,
                None => {
                    let count = self.session.graph().regions.len();
                    match reply::regions(&line, count) {
                        Ok(chosen) => {
                            let ids = chosen
                                .iter()
                                .map(|&i| self.session.graph().regions[i].id.to_string())
                                .collect();
                            self.session.choose_regions(ids);
                            let names = self.session.chosen_names().join(", ");
                            self.say(&format!("Chosen: {names}."))?;
                            self.after_change()?;
                            return Ok(None);
                        }
                        Err(why) => self.say(&format!("Not understood: {why}."))?,
                    }
                }
            }
        }
    }

    /// One question, asked until it is answered, undone or the interview ends; `Some`
    /// when it ends.
    fn ask_question(&mut self, id: &str) -> io::Result<Option<End>> {
        let Some(q) = self.session.graph().question(id).cloned() else {
            return Ok(Some(End::Done));
        };
        // An emergency stays in view: said again before every later question.
        if !self.just_warned
            && let Some(line) = reminder(self.session)
        {
            self.say(&line)?;
        }
        let text = words::question(self.session, &q);
        self.say(&text)?;
        loop {
            self.say(&reply::prompt(&q))?;
            let line = match self.read()? {
                Line::Eof => return Ok(Some(End::Input)),
                Line::TooLong => {
                    self.say("Not understood: the line is too long.")?;
                    continue;
                }
                Line::Text(line) => line,
            };
            match reply::command(&line) {
                Some(Command::Finish) => return Ok(Some(End::Finished)),
                Some(Command::Back) => {
                    self.back()?;
                    return Ok(None);
                }
                Some(Command::Explain) => {
                    let help = words::explain(&q);
                    self.say(&help)?;
                }
                None => match reply::answer(&line, &q) {
                    Ok(answer) => match self.session.answer(id, answer) {
                        Ok(()) => {
                            self.say(&fill(&format!("Answer: {}.", answer.describe(&q))))?;
                            self.after_change()?;
                            return Ok(None);
                        }
                        Err(NotTaken::Unfit(_)) => {
                            self.say("Not understood: that is not an answer to this question.")?;
                        }
                        Err(NotTaken::NoRegion | NotTaken::NoQuestion) => return Ok(None),
                    },
                    Err(why) => self.say(&format!("Not understood: {why}."))?,
                },
            }
        }
    }

    /// `b`: take back the last answer, or go back to where it hurts when there is none.
    fn back(&mut self) -> io::Result<()> {
        let graph_text = |session: &Session, id: &str| {
            session
                .graph()
                .question(id)
                .map_or_else(|| id.to_string(), |q| q.text.clone())
        };
        match self.session.undo() {
            Some(id) => {
                let text = graph_text(self.session, &id);
                self.say(&format!("Took back the answer to: {text}"))?;
            }
            None => {
                self.session.choose_regions(Vec::new());
                self.say("Back to where it hurts.")?;
            }
        }
        self.after_change()
    }

    /// After an answer, or an answer taken back: warn at once when the advice became more
    /// urgent, and say when enough is answered to list the causes.
    fn after_change(&mut self) -> io::Result<()> {
        let now = self.session.ranking().triage;
        self.just_warned = now > self.announced && now > Triage::Routine;
        if self.just_warned {
            let text = warning(self.session);
            self.say(&text)?;
        }
        self.announced = now;
        let enough = self.session.enough_to_list();
        if enough && !self.told_enough {
            self.told_enough = true;
            let more = self.session.walk().left_at_most;
            let noun = if more == 1 { "question" } else { "questions" };
            self.say(&format!(
                "Enough is answered to list the causes (q shows them now); up to {more} more {noun} could sharpen the list."
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;

    fn run_lines(lines: &str) -> String {
        let graph = Graph::bundled().expect("the bundled graph loads");
        let mut session = Session::new(graph, true);
        let mut out = Vec::new();
        interview(&mut session, lines.as_bytes(), &mut out, 80).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn the_dumb_terminal_wants_lines() {
        assert!(wanted_for_terminal(None));
        assert!(wanted_for_terminal(Some("dumb")));
        assert!(wanted_for_terminal(Some("")));
        assert!(!wanted_for_terminal(Some("xterm-256color")));
        assert!(!wanted_for_terminal(Some("linux")));
    }

    #[test]
    fn end_of_input_at_once_prints_the_notice() {
        let text = run_lines("");
        assert!(text.starts_with("Where does it hurt?"), "{text}");
        assert!(text.contains("End of input"), "{text}");
        assert!(text.trim_end().ends_with(crate::cli::NOTICE), "{text}");
    }

    #[test]
    fn the_first_question_is_the_interfaces() {
        let graph = Graph::bundled().expect("the bundled graph loads");
        let first_region = graph.regions[0].id.to_string();
        let mut session = Session::new(graph.clone(), true);
        session.choose_regions(vec![first_region]);
        let expected = session.walk().current.clone().expect("a first question");
        let text = graph.question(&expected).expect("known").text.clone();
        let out = run_lines("1\n");
        assert!(
            out.contains("Question 1 of at most") && out.contains(&text),
            "{out}"
        );
    }
}
