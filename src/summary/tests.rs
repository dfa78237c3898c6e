//! Unit tests of the summary: built from sessions and checked against their rankings.

use super::saved::{SavedValue, parse, replay};
use super::text::{lines, plain};
use super::*;
use crate::engine::Answer;
use crate::graph::{Graph, SourceText, parse as parse_graph};

const FIXTURE: &str = include_str!("../../tests/fixtures/ui-graph.ron");

/// 2026-12-03 14:05:09 UTC.
const DATE: i64 = 1_796_306_709;

fn graph(text: &str) -> Graph {
    parse_graph(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses")
}

/// The fixture with its first question made a checklist.
fn checklist_graph() -> Graph {
    graph(&FIXTURE.replace(
        r#"answers: YesNo(yes: (add: ["lifting-twisting"]), no: (rule_out: ["lifting-twisting"])), next: "q-leg"),"#,
        r#"answers: Checklist([
            (label: "It started after lifting, twisting or bending", finding: "lifting-twisting"),
            (label: "New trouble controlling your bladder", finding: "bladder-change"),
            (label: "A fever", finding: "fever"),
        ]), next: "q-leg"),"#,
    ))
}

fn session(graph: Graph, regions: &[&str], answers: &[(&str, Answer)]) -> Session {
    let mut s = Session::new(graph, true);
    s.choose_regions(regions.iter().map(ToString::to_string).collect());
    for (q, a) in answers {
        s.answer(q, *a).expect("the answer fits");
    }
    s
}

fn emergency() -> Session {
    session(
        graph(FIXTURE),
        &["back"],
        &[
            ("q-start", Answer::No),
            ("q-leg", Answer::No),
            ("q-kind", Answer::Choice(0)),
            ("q-bladder", Answer::Yes),
        ],
    )
}

/// Answered to the end with nothing worrying.
fn calm() -> Session {
    let mut s = session(graph(FIXTURE), &["lower-back"], &[]);
    while let Some(q) = s.walk().current.clone() {
        let question = s.graph().question(&q).expect("on the graph");
        let answer = match &question.answers {
            crate::graph::Answers::YesNo { .. } if q == "q-start" => Answer::Yes,
            crate::graph::Answers::YesNo { .. } => Answer::No,
            crate::graph::Answers::Choice(_) => Answer::Choice(1),
            crate::graph::Answers::Checklist(_) => Answer::Checked(0),
        };
        s.answer(&q, answer).expect("fits");
    }
    s
}

fn checklist() -> Session {
    session(
        checklist_graph(),
        &["back"],
        &[("q-start", Answer::Checked(0b101)), ("q-leg", Answer::Yes)],
    )
}

/// What a summary must agree with: every answer in order, the triage, the red flags,
/// the causes to check first and the top causes in the ranking's order.
fn agrees(s: &Session) {
    let summary = Summary::of(s, Stamp::from_unix(DATE));
    let text = plain(&summary, 78);
    let ranking = s.ranking();

    // Every answer, in the order asked, with the question's words and the answer's.
    let asked: Vec<&str> = summary
        .answers
        .iter()
        .map(|a| a.question_id.as_str())
        .collect();
    let walked: Vec<&str> = s.walk().answered.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(asked, walked);
    let mut from = 0;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (q, a) in &s.walk().answered {
        let question = s.graph().question(q).expect("asked");
        let words = format!("{} Answer: {}", question.text, a.describe(question));
        let at = flat[from..]
            .find(&words)
            .unwrap_or_else(|| panic!("{words:?} not after {from} in:\n{text}"));
        from += at + words.len();
    }

    // The triage is the session's, shown as the header shows it.
    assert_eq!(summary.triage.level, ranking.triage);
    assert_eq!(summary.triage.assessed, s.assessed());
    if s.assessed() {
        assert!(
            flat.contains(&ranking.triage_label.to_uppercase()),
            "{text}"
        );
        assert!(flat.contains(&one_line(&ranking.advice)), "{text}");
    } else {
        assert!(flat.contains(NOT_ASSESSED));
    }
    // Red flags with their advice; the banner's first flag is the summary's first.
    assert_eq!(summary.red_flags.len(), ranking.red_flags.len());
    for f in &ranking.red_flags {
        assert!(flat.contains(&f.name) && flat.contains(&one_line(&f.advice)));
    }
    if let Some(banner) = s.banner() {
        let first = &summary.red_flags[0];
        assert!(one_line(&banner).contains(&first.advice), "{banner}");
    }
    // Check first, with reasons, most urgent first.
    let ids: Vec<&str> = summary.check_first.iter().map(|c| c.id.as_str()).collect();
    let want: Vec<&str> = ranking.check_first.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, want);
    for c in &ranking.check_first {
        assert!(
            flat.contains(&format!("because {}", one_line(&c.reason))),
            "{text}"
        );
    }
    // Top causes in the ranking's order, with the list's shares.
    let top: Vec<&str> = summary.top_causes.iter().map(|c| c.id.as_str()).collect();
    let want: Vec<&str> = ranking
        .causes
        .iter()
        .filter(|c| !c.check_first)
        .take(TOP_CAUSES)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(top, want);
    for c in &summary.top_causes {
        assert!(
            flat.contains(&format!("{}. {}  {}", c.rank, c.name, c.share_text()))
                || flat.contains(&format!("{}. {} {}", c.rank, c.name, c.share_text())),
            "{text}"
        );
    }
    assert!(text.contains(NOTICE));
    assert!(text.contains("2026-12-03 14:05 UTC"));
    assert!(text.contains(&s.graph().content_version));
}

#[test]
fn an_emergency_summary_agrees_with_its_ranking() {
    let s = emergency();
    assert_eq!(s.ranking().triage, Triage::Emergency);
    assert!(!s.ranking().red_flags.is_empty());
    agrees(&s);
    let summary = Summary::of(&s, Stamp::from_unix(DATE));
    let text = plain(&summary, 78);
    // The warning leads: triage before the answers.
    assert!(text.find("EMERGENCY").expect("level") < text.find("Answers").expect("answers"));
}

#[test]
fn a_calm_summary_agrees_with_its_ranking() {
    let s = calm();
    assert!(s.walk().current.is_none(), "answered to the end");
    assert!(
        s.ranking().triage <= Triage::Routine,
        "{:?}",
        s.ranking().triage
    );
    assert!(s.ranking().red_flags.is_empty());
    agrees(&s);
    let summary = Summary::of(&s, Stamp::from_unix(DATE));
    assert!(summary.finished);
    assert!(!plain(&summary, 78).contains("Red flags present"));
}

#[test]
fn a_checklist_answer_is_in_words_and_saved_by_findings() {
    let s = checklist();
    agrees(&s);
    let summary = Summary::of(&s, Stamp::from_unix(DATE));
    let first = &summary.answers[0];
    assert_eq!(
        first.words,
        "It started after lifting, twisting or bending; A fever"
    );
    assert_eq!(first.not_ticked, ["New trouble controlling your bladder"]);
    assert!(
        plain(&summary, 200).contains(
            "Answer: It started after lifting, twisting or bending; A fever (not: New trouble controlling your bladder)"
        )
    );
    assert_eq!(
        first.saved,
        SavedValue::Ticked {
            ticked: vec!["lifting-twisting".into(), "fever".into()]
        }
    );
}

#[test]
fn before_any_answer_the_triage_is_not_assessed() {
    let s = session(graph(FIXTURE), &[], &[]);
    agrees(&s);
    let summary = Summary::of(&s, Stamp::from_unix(DATE));
    assert!(!summary.triage.assessed);
    assert!(plain(&summary, 78).contains("No question answered yet."));
}

#[test]
fn the_json_answers_replay_to_the_same_ranking() {
    for s in [emergency(), calm(), checklist()] {
        let summary = Summary::of(&s, Stamp::from_unix(DATE));
        let text = json::json(&summary);
        let saved = parse("s.json", &text).expect("reads back");
        assert_eq!(
            saved.content_version.as_deref(),
            Some(summary.content_version.as_str())
        );
        let again = replay(s.graph().clone(), &saved.answers).expect("replays");
        assert_eq!(again.ranking(), s.ranking());
        assert_eq!(again.walk().answered, s.walk().answered);
        assert_eq!(Summary::of(&again, summary.date), summary);
    }
}

#[test]
fn lines_fit_the_width_and_markdown_says_the_same() {
    let summary = Summary::of(&emergency(), Stamp::from_unix(DATE));
    for width in [20, 40, 78] {
        for l in lines(&summary, width) {
            assert!(
                unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= width,
                "{l:?} is wider than {width}"
            );
        }
    }
    let md = markdown::markdown(&summary);
    assert!(md.starts_with("# Symptom summary"));
    assert!(md.contains("## Red flags present"));
    assert!(md.contains(NOTICE.split(". ").next().expect("a sentence")));
    for a in &summary.answers {
        assert!(md.contains(&markdown::escape(&a.question)));
    }
}

#[test]
fn a_saved_summary_with_an_error_says_where() {
    let e = parse("s.json", "{\n  \"format\": 3\n}").expect_err("not a summary");
    assert_eq!((e.line, e.column), (2, 13));
    assert!(e.to_string().starts_with("s.json:2:13: "), "{e}");
    let e = parse(
        "s.json",
        "{\"format\": \"other\", \"answers\": {\"regions\": [], \"questions\": []}}",
    )
    .expect_err("another format");
    assert_eq!((e.line, e.column), (1, 2));
}

#[test]
fn a_saved_answer_that_does_not_fit_says_what_would() {
    let graph = checklist_graph();
    let checklist = graph.question("q-start").expect("a checklist");
    let typo = SavedValue::Ticked {
        ticked: vec!["fevr".into()],
    };
    let why = typo.answer(checklist).expect_err("no such item");
    assert!(
        why.contains("\"fevr\"") && why.contains("did you mean \"fever\""),
        "{why}"
    );
    let none = SavedValue::Ticked { ticked: vec![] };
    assert_eq!(none.answer(checklist), Ok(Answer::Checked(0)));
    let yes = SavedValue::Word("yes".into());
    assert!(
        yes.answer(checklist).is_err(),
        "a checklist is not answered yes"
    );
    let choice = graph.question("q-kind").expect("a choice");
    assert_eq!(
        SavedValue::Choice { choice: 2 }.answer(choice),
        Ok(Answer::Choice(1))
    );
    assert!(SavedValue::Choice { choice: 0 }.answer(choice).is_err());
    assert_eq!(
        SavedValue::Word("not sure".into()).answer(choice),
        Ok(Answer::Unsure)
    );
}
