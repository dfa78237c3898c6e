//! The fuzz target's property, in the test suite: graph files mutated at random (bytes
//! replaced, inserted, deleted, whole lines cut or repeated) are loaded and checked; when
//! one still passes, the interface is drawn on it at a few sizes with a few keys. Nothing
//! may panic, and a check either gives a graph or says why not.
//! (`fuzz/` holds the libFuzzer version: `cargo +nightly fuzz run load_check_draw`.)

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use symptom_explorer::app::{Action, App, Dir, Options, update};
use symptom_explorer::graph::{SourceText, check};

/// One change to a text.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    CutLine(usize),
    RepeatLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![
        Just(b'"'),
        Just(b'('),
        Just(b')'),
        Just(b'['),
        Just(b']'),
        Just(b','),
        Just(b':'),
        Just(b'\\'),
        Just(b'0'),
        Just(b'-'),
        Just(b'\n'),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), byte).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        any::<usize>().prop_map(Edit::CutLine),
        any::<usize>().prop_map(Edit::RepeatLine),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Replace(at, b) if !bytes.is_empty() => bytes[at % len] = b,
            Edit::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Edit::Delete(at, n) if !bytes.is_empty() => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Edit::CutLine(n) | Edit::RepeatLine(n) => {
                let s = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<&str> = s.lines().collect();
                if !lines.is_empty() {
                    let i = n % lines.len();
                    if matches!(e, Edit::CutLine(_)) {
                        lines.remove(i);
                    } else {
                        lines.insert(i, lines[i]);
                    }
                }
                bytes = lines.join("\n").into_bytes();
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn draw_a_little(graph: symptom_explorer::graph::Graph) {
    let mut app = App::new(graph, Options::default());
    for (w, h) in [(80, 24), (40, 12)] {
        update(&mut app, Action::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        for action in [
            Action::ChooseRegions,
            Action::Move(Dir::Down),
            Action::NextPane,
            Action::OpenDetail,
            Action::End,
        ] {
            update(&mut app, action);
            terminal
                .draw(|f| symptom_explorer::ui::draw(f, &app))
                .expect("drawn");
        }
    }
}

#[test]
fn mutated_graph_files_never_panic() {
    let seeds = [
        include_str!("fixtures/valid.ron"),
        include_str!("fixtures/ui-graph.ron"),
        include_str!("fixtures/multiple-errors.ron"),
        include_str!("fixtures/safety-checklist-ok.ron"),
    ];
    let mut runner = TestRunner::new(Config {
        cases: 2000,
        failure_persistence: None,
        ..Config::default()
    });
    let drawn = std::cell::Cell::new(0);
    runner
        .run(
            &(0..seeds.len(), prop::collection::vec(edit(), 1..6)),
            |(seed, edits)| {
                let text = apply(seeds[seed], &edits);
                let (graph, diagnostics) = check(vec![SourceText::new("m.ron", text)]);
                let errors = diagnostics
                    .iter()
                    .any(symptom_explorer::graph::Diagnostic::is_error);
                prop_assert!(graph.is_some() || errors, "no graph and no reason");
                if let Some(graph) = graph.filter(|_| !errors) {
                    draw_a_little(graph);
                    drawn.set(drawn.get() + 1);
                }
                Ok(())
            },
        )
        .expect("no mutated file breaks loading, checking or drawing");
    assert!(drawn.get() > 0, "some mutations still pass and get drawn");
}
