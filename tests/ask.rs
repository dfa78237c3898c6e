//! `ask`, the questions line by line, through the real binary with answers piped in: the
//! way a script, or a person with a screen reader, uses it. Most tests use a small graph of
//! their own (tests/fixtures/ask.ron) so the questions are known; one runs the bundled graph.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use symptom_explorer::app::Session;
use symptom_explorer::engine::Answer;
use symptom_explorer::graph::{Graph, SourceText, parse};

const NOTICE_START: &str = "This is information, not a diagnosis";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ask.ron")
}

/// The binary with these arguments and environment, `input` piped to it.
fn run_with(args: &[&str], input: &str, env: &[(&str, Option<&str>)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_symptom-explorer"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    let mut child = cmd.spawn().expect("the binary runs");
    let mut stdin = child.stdin.take().expect("a pipe");
    // The program may stop reading before the end (q): a broken pipe is fine then.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().expect("the binary ends");
    assert_plain(&out.stdout);
    assert_plain(&out.stderr);
    out
}

/// `ask` on the small graph.
fn ask(input: &str) -> String {
    let graph = fixture();
    ok(run_with(
        &["--graph", graph.to_str().expect("utf-8 path"), "ask"],
        input,
        &[],
    ))
}

/// No escape byte at all: no colour, no cursor movement, nothing a screen reader reads out.
fn assert_plain(bytes: &[u8]) {
    assert!(
        !bytes.contains(&0x1b),
        "an escape byte in: {}",
        String::from_utf8_lossy(bytes)
    );
}

/// Exit 0, and standard output.
fn ok(out: Output) -> String {
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}\nstdout: {text}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// Where the first line starting with `start` is.
fn line_at(text: &str, start: &str) -> usize {
    lines(text)
        .iter()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?} in:\n{text}"))
}

fn count(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

/// The questions the output asks, in order (the text after "Question N of at most M: ").
fn asked(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("Question "))
        .filter_map(|l| l.split_once(": ").map(|(_, q)| q.to_string()))
        .collect()
}

fn small_graph() -> Graph {
    let text = std::fs::read_to_string(fixture()).expect("the fixture");
    parse(vec![SourceText::new("ask.ron", text)]).expect("the fixture parses")
}

#[test]
fn a_full_interview_ends_in_self_care_with_the_interfaces_questions() {
    let text = ask("2\n2\n1\n");
    assert!(text.starts_with("Where does it hurt?"), "{text}");
    assert!(text.contains("2. Low part"), "{text}");
    // The same questions, in the same order, as the interface's session asks them.
    let graph = small_graph();
    let mut session = Session::new(graph.clone(), true);
    session.choose_regions(vec!["low".to_string()]);
    let mut expected = Vec::new();
    for answer in [Answer::No, Answer::Checked(0b001)] {
        let id = session.walk().current.clone().expect("a question");
        expected.push(graph.question(&id).expect("known").text.clone());
        session.answer(&id, answer).expect("taken");
    }
    assert!(session.walk().current.is_none(), "the interview is over");
    assert_eq!(asked(&text), expected, "{text}");

    assert!(text.contains("That was the last question."), "{text}");
    assert!(
        text.contains("Where it hurts\n--------------\nLow part\n"),
        "{text}"
    );
    assert!(
        text.contains("1. Does the pain go down a limb?\n   Answer: no"),
        "{text}"
    );
    assert!(
        text.contains("2. Do you have any of these?\n   Answer: Stiff"),
        "{text}"
    );
    assert!(text.contains("Level: SELF-CARE (self-care)"), "{text}");
    assert!(text.contains("Rest and keep moving gently."), "{text}");
    let first_cause = line_at(&text, "1. Pulled muscle");
    assert!(first_cause > line_at(&text, "Most likely causes"), "{text}");
    assert!(!text.contains("WARNING"), "{text}");
    assert!(
        text.trim_end()
            .lines()
            .last()
            .is_some_and(|l| l.starts_with(NOTICE_START)),
        "the notice ends a calm result: {text}"
    );
}

#[test]
fn an_emergency_is_warned_of_right_after_the_answer_that_raised_it() {
    let text = ask("2\n1\n1\n3\n");
    let all = lines(&text);
    // The second answer is "yes" to the numb seat: the warning is the very next line.
    let answers: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("Answer: "))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(answers.len(), 3, "{text}");
    assert_eq!(all[answers[1]], "Answer: yes.");
    assert!(
        all[answers[1] + 1].starts_with("WARNING: RED FLAG - EMERGENCY: Call"),
        "{text}"
    );
    assert!(
        all[answers[1] + 2].starts_with("What to do now: Emergency."),
        "{text}"
    );
    // Before the next question is asked, and before the first answer's warning? No: the first
    // answer only made it "soon", which was said after it.
    assert!(answers[1] + 2 < line_at(&text, "Question 3 of"), "{text}");
    assert!(
        all[answers[0] + 1].starts_with("WARNING: the advice is now SOON"),
        "{text}"
    );
    // The result leads with the emergency, and it is the last thing said too.
    assert!(text.contains("Level: EMERGENCY (emergency)"), "{text}");
    let last = all.last().expect("output");
    assert!(last.starts_with("Act on this now: Emergency."), "{text}");
    assert!(line_at(&text, NOTICE_START) < all.len() - 1);
}

#[test]
fn an_emergency_in_the_bundled_graph_is_warned_of_at_once_and_kept_in_view() {
    // Lower back, 30 to 39, male, then the alarm checklist: a sudden tearing pain.
    let out = run_with(&["ask"], "2\n3\n2\n2\n3\n", &[]);
    let text = ok(out);
    let all = lines(&text);
    let ticked = all
        .iter()
        .position(|l| l.starts_with("Answer: Pain that started suddenly"))
        .unwrap_or_else(|| panic!("the tearing pain was ticked:\n{text}"));
    assert!(
        all[ticked + 1].starts_with("WARNING: RED FLAG - EMERGENCY:"),
        "{text}"
    );
    assert!(
        all[ticked + 2].starts_with("What to do now: Emergency."),
        "{text}"
    );
    // The next answer given, then the emergency is said again before the next question.
    let after = &all[ticked + 3..];
    let reminder = after
        .iter()
        .position(|l| l.starts_with("Remember: Emergency."))
        .expect("a reminder before the later questions");
    let next_question = after
        .iter()
        .skip(reminder)
        .position(|l| l.starts_with("Question "));
    assert!(next_question.is_some(), "{text}");
    assert!(text.contains("Level: EMERGENCY (emergency)"), "{text}");
    assert!(
        all.last()
            .is_some_and(|l| l.starts_with("Act on this now: Emergency.")),
        "{text}"
    );
}

#[test]
fn b_takes_back_the_last_answer_and_then_the_places() {
    let text = ask("2\n1\nb\n2\n1\n");
    assert!(
        text.contains("Took back the answer to: Does the pain go down a limb?"),
        "{text}"
    );
    assert_eq!(
        asked(&text),
        [
            "Does the pain go down a limb?",
            "Is your seat numb?",
            "Does the pain go down a limb?",
            "Do you have any of these?",
        ],
        "{text}"
    );
    assert!(
        text.contains("1. Does the pain go down a limb?\n   Answer: no"),
        "{text}"
    );
    assert!(
        !text.contains("- yes"),
        "the answer taken back is gone: {text}"
    );
    // The warning of the answer taken back is not what the result says.
    assert!(text.contains("Level: SELF-CARE"), "{text}");

    // With no answer left, b goes back to where it hurts.
    let text = ask("2\nb\n3\nq\n");
    assert!(text.contains("Back to where it hurts."), "{text}");
    assert_eq!(count(&text, "Where does it hurt?"), 2, "{text}");
    assert!(
        text.contains("Where it hurts\n--------------\nLimb\n"),
        "{text}"
    );
}

#[test]
fn invalid_input_is_asked_again_with_a_reason() {
    let long = "1".repeat(10_000);
    let text = ask(&format!(
        "99\nlow\n2\nmaybe\n\u{1b}[2J\n{long}\n7\n1 2\n2\n0 1\n1\n"
    ));
    // Echoed escaped (every run checks that no escape byte is written).
    assert!(
        text.contains(r#"Not understood: "\u{1b}[2j" is not a number."#),
        "{text}"
    );
    assert!(
        text.contains("Not understood: the line is too long."),
        "{text}"
    );
    assert!(
        text.contains("Not understood: there is no place numbered 99: choose 1 to 3."),
        "{text}"
    );
    assert!(
        text.contains("Not understood: \"low\" is not a number."),
        "{text}"
    );
    assert!(
        text.contains("Not understood: \"maybe\" is not a number."),
        "{text}"
    );
    assert!(
        text.contains("Not understood: there is no answer numbered 7: choose 1 to 3."),
        "{text}"
    );
    assert!(
        text.contains("Not understood: give one number only."),
        "{text}"
    );
    assert!(text.contains("0 means none of these"), "{text}");
    // The prompt comes again after each reason: 5 bad answers and the good one.
    assert_eq!(
        count(
            &text,
            "Type a number from 1 to 3 (b back, ? help, q finish):"
        ),
        6,
        "{text}"
    );
    // Each question is asked once: a bad answer does not move on.
    assert_eq!(asked(&text).len(), 2, "{text}");
    assert!(text.contains("Level: SELF-CARE"), "{text}");
}

#[test]
fn end_of_input_midway_prints_what_is_known() {
    let text = ask("2\n");
    assert!(text.contains("End of input"), "{text}");
    assert!(
        text.contains("Where it hurts\n--------------\nLow part\n"),
        "{text}"
    );
    assert!(text.contains("No question answered yet."), "{text}");
    assert!(
        text.contains("Level: not assessed yet (the questions that screen for danger"),
        "{text}"
    );
    assert!(text.contains(NOTICE_START), "{text}");

    // Before anything is chosen, too, and with no final newline.
    let text = ask("");
    assert!(text.contains("Nothing was chosen"), "{text}");
    let text = ask("2\n1");
    assert!(
        text.contains("1. Does the pain go down a limb?\n   Answer: yes"),
        "{text}"
    );
}

#[test]
fn a_checklist_takes_several_numbers_or_none() {
    let text = ask("2\n2\n1 2\n");
    assert!(text.contains("Tick any that apply:"), "{text}");
    assert!(text.contains("0. None of these"), "{text}");
    assert!(text.contains("Answer: Stiff; Hot and unwell."), "{text}");
    assert!(
        text.contains("2. Do you have any of these?\n   Answer: Stiff; Hot and unwell"),
        "{text}"
    );
    let text = ask("2\n2\n0\n");
    assert!(
        text.contains("2. Do you have any of these?\n   Answer: none of these"),
        "{text}"
    );
    let text = ask("2\n2\nu\n");
    assert!(
        text.contains("2. Do you have any of these?\n   Answer: not sure"),
        "{text}"
    );
}

#[test]
fn question_mark_explains_and_q_stops() {
    let text = ask("?\n2\n?\nq\n");
    assert!(
        text.contains("Type the number of each place that hurts"),
        "{text}"
    );
    assert!(text.contains("Type 1 for yes, 2 for no"), "{text}");
    assert!(text.contains("Stopped"), "{text}");
    assert_eq!(asked(&text).len(), 1, "{text}");
    assert!(text.contains(NOTICE_START), "{text}");
}

#[test]
fn a_dumb_or_missing_terminal_chooses_the_line_by_line_mode() {
    let graph = fixture();
    let graph = graph.to_str().expect("utf-8 path");
    for term in [Some("dumb"), None] {
        let out = run_with(&["--graph", graph], "2\n2\n1\n", &[("TERM", term)]);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        let text = ok(out);
        assert!(text.starts_with("Where does it hurt?"), "{term:?}: {text}");
        assert!(text.contains("Level: SELF-CARE"), "{term:?}: {text}");
        assert!(err.contains("line by line"), "{term:?}: {err}");
        assert!(err.contains("TERM="), "how to get the interface: {err}");
        assert_eq!(err.lines().count(), 1, "a one-line note: {err}");
    }
}

#[test]
fn ask_writes_no_json() {
    let out = run_with(&["ask", "--json"], "", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"kind\":\"usage\""));
    assert!(out.stdout.is_empty());
}
