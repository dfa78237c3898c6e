//! The session's own guarantees: undo on the path as walked, and the background search
//! answering as a search in the calling thread would.

use super::*;
use crate::app::Session;
use crate::engine::Answer;

fn row_ids(session: &Session) -> Vec<usize> {
    session
        .rows(0, session.row_count())
        .map(|r| r.index)
        .collect()
}

#[test]
fn a_background_search_answers_the_latest_query_as_a_search_here_would() {
    let graph = Graph::bundled().expect("the bundled graph");
    let mut here = Session::new(graph.clone(), true);
    let mut away = Session::new(graph, true);
    let (tx, rx) = std::sync::mpsc::channel();
    away.search_in_background(move || {
        let _ = tx.send(());
    });
    for session in [&mut here, &mut away] {
        session.choose_regions(vec!["lower-back".to_string()]);
    }
    let ranked = row_ids(&away);
    // A burst: only the last counts, and until it is answered the rows are the last
    // result's (here, the ranked list).
    for query in ["s", "sc", "sci", "sciat"] {
        away.set_query(query);
    }
    assert_eq!(away.query(), "sciat");
    assert!(away.is_searching());
    assert_eq!(row_ids(&away), ranked);
    let wait = std::time::Duration::from_secs(20);
    while away.is_searching() {
        rx.recv_timeout(wait).expect("an answer");
        away.collect();
    }
    here.set_query("sciat");
    assert_eq!(row_ids(&away), row_ids(&here));
    assert!(!row_ids(&away).is_empty());
    // Nothing matches: the did-you-mean comes back too.
    away.set_query("shnglz");
    here.set_query("shnglz");
    while away.is_searching() {
        rx.recv_timeout(wait).expect("an answer");
        away.collect();
    }
    assert_eq!(away.row_count(), 0);
    assert_eq!(away.suggestions(), here.suggestions());
    // Clearing the search is at once, and a late answer to the old query is dropped.
    away.set_query("back");
    away.set_query("");
    assert!(!away.is_searching());
    assert_eq!(row_ids(&away), ranked);
    let _ = rx.recv_timeout(wait);
    assert!(!away.collect());
    assert_eq!(row_ids(&away), ranked);
}
use crate::graph::{SourceText, parse};

#[test]
fn undo_takes_back_an_answer_after_a_question_passed_over() {
    let text = include_str!("../../../tests/fixtures/ask.ron");
    let graph = parse(vec![SourceText::new("ask.ron", text)]).expect("the fixture parses");
    let mut session = Session::new(graph, true);
    session.choose_regions(vec!["low".to_string()]);
    assert_eq!(
        session.walk().skipped,
        ["q-lift"],
        "the first question is passed over"
    );
    let first = session.walk().current.clone().expect("a question");
    session.answer(&first, Answer::Yes).expect("taken");
    assert_eq!(session.undo(), Some(first.clone()));
    assert_eq!(session.walk().current, Some(first));
    assert!(session.walk().answered.is_empty());
    assert_eq!(session.undo(), None, "nothing left to take back");
}
