//! Key mashing: thousands of random events through the interface, as the real loop
//! applies them (`tui::Batch`: a batch of events, then one draw), on the small UI fixture
//! and on the bundled graph. Keys of every kind (with Ctrl, Alt, Shift; F-keys, Esc, Tab,
//! digits, letters, Space, Enter, Backspace; presses, repeats, releases), pastes of random
//! text with control characters (up to 10,000 characters), mouse clicks, drags and the wheel
//! anywhere, and resizes from 1x1 to 500x200; drawn on ratatui's `TestBackend` after every
//! batch.
//!
//! After every event: nothing panicked, and every selection is in range (the cause list's
//! row, the body map's region, the questions' cursor). After every batch, once drawn: the
//! red-flag banner's first line (the row under the header, which no overlay covers) says
//! "RED FLAG" exactly when the ranking has red flags, whenever the window is at least 40x12.
//!
//! Case counts (each case is 1 to 12 batches of 1 to 16 events): 128 on the fixture, 64 on
//! the bundled graph; 30 to 50 s together in a debug build on two cores. A quarter of the
//! cases start with the answers that raise a red flag, so the banner is seen both ways.

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use symptom_explorer::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use symptom_explorer::app::{Action, App, Options, update};
use symptom_explorer::graph::{Graph, SourceText, parse};
use symptom_explorer::tui::{Batch, capped};
use symptom_explorer::ui;

fn fixture() -> Graph {
    let text = include_str!("fixtures/ui-graph.ron");
    parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses")
}

fn bundled() -> Graph {
    Graph::bundled().expect("the bundled graph loads")
}

#[derive(Debug, Clone)]
enum Step {
    Event(Event),
    /// A window size, as the real loop applies it (capped).
    Resize(u16, u16),
}

fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => proptest::char::range(' ', '~'),
        1 => proptest::char::range('\0', '\u{1f}'),
        1 => Just('\u{7f}'),
        1 => proptest::char::range('\u{80}', '\u{9f}'),
        2 => any::<char>(),
    ]
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    let answers: Vec<char> = "ynu0123456789 s/?vjkgGhlbq".chars().collect();
    prop_oneof![
        6 => proptest::sample::select(answers).prop_map(KeyCode::Char),
        2 => proptest::char::range('a', 'z').prop_map(KeyCode::Char),
        2 => text_char().prop_map(KeyCode::Char),
        5 => proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::Null,
        ]),
        1 => (1u8..=24).prop_map(KeyCode::F),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        6 => Just(KeyModifiers::NONE),
        2 => (0u8..8).prop_map(|bits| {
            let mut m = KeyModifiers::NONE;
            if bits & 1 != 0 {
                m |= KeyModifiers::SHIFT;
            }
            if bits & 2 != 0 {
                m |= KeyModifiers::CONTROL;
            }
            if bits & 4 != 0 {
                m |= KeyModifiers::ALT;
            }
            m
        }),
    ]
}

fn key() -> impl Strategy<Value = Event> {
    let kind = prop_oneof![
        8 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Repeat),
        1 => Just(KeyEventKind::Release),
    ];
    (key_code(), modifiers(), kind).prop_map(|(code, modifiers, kind)| {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    })
}

fn paste() -> impl Strategy<Value = Event> {
    prop_oneof![
        5 => proptest::collection::vec(text_char(), 0..40),
        1 => proptest::collection::vec(text_char(), 0..10_000),
    ]
    .prop_map(|chars| Event::Paste(chars.into_iter().collect()))
}

fn mouse() -> impl Strategy<Value = Event> {
    let button = proptest::sample::select(vec![
        MouseButton::Left,
        MouseButton::Right,
        MouseButton::Middle,
    ]);
    let kind = prop_oneof![
        4 => button.clone().prop_map(MouseEventKind::Down),
        2 => button.clone().prop_map(MouseEventKind::Up),
        1 => button.prop_map(MouseEventKind::Drag),
        1 => Just(MouseEventKind::Moved),
        2 => Just(MouseEventKind::ScrollUp),
        2 => Just(MouseEventKind::ScrollDown),
        1 => Just(MouseEventKind::ScrollLeft),
        1 => Just(MouseEventKind::ScrollRight),
    ];
    (kind, 0u16..600, 0u16..250, modifiers()).prop_map(|(kind, column, row, modifiers)| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers,
        })
    })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(Step::Event),
        1 => paste().prop_map(Step::Event),
        3 => mouse().prop_map(Step::Event),
        1 => (1u16..=500, 1u16..=200).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Event(Event::FocusGained)),
    ]
}

fn options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::bool::weighted(0.3),
    )
        .prop_map(|(ascii, color, all_questions, mouse, kiosk)| Options {
            ascii,
            color,
            all_questions,
            mouse,
            kiosk: kiosk.then(symptom_explorer::app::kiosk::KioskSettings::default),
            ..Options::default()
        })
}

#[derive(Debug, Clone)]
struct Script {
    options: Options,
    /// Start with the answers that raise a red flag.
    red_flag_first: bool,
    batches: Vec<Vec<Step>>,
}

fn script() -> impl Strategy<Value = Script> {
    (
        options(),
        proptest::bool::weighted(0.25),
        proptest::collection::vec(proptest::collection::vec(step(), 1..=16), 1..=12),
    )
        .prop_map(|(options, red_flag_first, batches)| Script {
            options,
            red_flag_first,
            batches,
        })
}

fn press(c: char) -> Step {
    let code = match c {
        '\r' => KeyCode::Enter,
        c => KeyCode::Char(c),
    };
    Step::Event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Counts across the cases, so the test can show the banner was checked both ways.
#[derive(Default)]
struct Seen {
    events: AtomicUsize,
    draws: AtomicUsize,
    banner: AtomicUsize,
    no_banner: AtomicUsize,
}

fn check_state(app: &App) -> Result<(), TestCaseError> {
    let s = &app.session;
    let rows = s.row_count();
    prop_assert!(
        app.causes.selected < rows || (rows == 0 && app.causes.selected == 0),
        "cause row {} of {rows}",
        app.causes.selected
    );
    let regions = s.graph().regions.len();
    prop_assert!(
        app.body.cursor < regions,
        "region {} of {regions}",
        app.body.cursor
    );
    if let Some(i) = app.questions.cursor {
        let answered = s.walk().answered.len();
        prop_assert!(i < answered, "answer {i} of {answered}");
    }
    Ok(())
}

fn check_drawn(app: &App, seen: &Seen) -> Result<(), TestCaseError> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test backend");
    terminal
        .draw(|f| ui::draw(f, app))
        .map_err(|e| TestCaseError::fail(format!("draw failed: {e}")))?;
    seen.draws.fetch_add(1, Ordering::Relaxed);
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Ok(());
    }
    let buffer = terminal.backend().buffer();
    let row: String = (0..w).map(|x| buffer[(x, 1)].symbol()).collect();
    let flags = !app.session.ranking().red_flags.is_empty();
    prop_assert_eq!(
        row.contains("RED FLAG"),
        flags,
        "at {}x{}, red flags {:?}, the row under the header is {:?}",
        w,
        h,
        app.session
            .ranking()
            .red_flags
            .iter()
            .map(|f| &f.name)
            .collect::<Vec<_>>(),
        row
    );
    if flags {
        seen.banner.fetch_add(1, Ordering::Relaxed);
    } else {
        seen.no_banner.fetch_add(1, Ordering::Relaxed);
    }
    Ok(())
}

fn mash(graph: &Graph, red_flag: &str, script: Script, seen: &Seen) -> Result<(), TestCaseError> {
    let mut app = App::new(graph.clone(), script.options);
    update(&mut app, Action::Resize(80, 24));
    let mut batches = script.batches;
    if script.red_flag_first {
        batches.insert(0, red_flag.chars().map(press).collect());
    }
    for steps in batches {
        let mut batch = Batch::new(&mut app);
        for step in steps {
            match step {
                Step::Event(ev) => batch.event(&ev),
                Step::Resize(w, h) => {
                    let area = capped(w, h);
                    batch.act(Action::Resize(area.width, area.height));
                }
            }
            seen.events.fetch_add(1, Ordering::Relaxed);
            check_state(batch.app())?;
        }
        batch.finish();
        if app.kiosk.is_some() {
            // No mash of keys, clicks and pastes leaves a kiosk.
            prop_assert!(!app.quit, "a key mash quit the kiosk");
        }
        // The real loop would stop here; carrying on mashes the state further.
        app.quit = false;
        check_state(&app)?;
        check_drawn(&app, seen)?;
    }
    Ok(())
}

fn run(graph: Graph, red_flag: &str, cases: u32) {
    // The red-flag keys must raise one, or the banner would only be checked one way.
    let mut probe = App::new(graph.clone(), Options::default());
    for c in red_flag.chars() {
        if let Step::Event(ev) = press(c) {
            for a in symptom_explorer::app::actions_for(&probe, &ev) {
                update(&mut probe, a);
            }
        }
    }
    assert!(
        !probe.session.ranking().red_flags.is_empty(),
        "{red_flag:?} raises a red flag"
    );

    let seen = Seen::default();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&script(), |script| mash(&graph, red_flag, script, &seen));
    if let Err(e) = result {
        panic!("{e}");
    }
    let count = |a: &AtomicUsize| a.load(Ordering::Relaxed);
    eprintln!(
        "{cases} cases: {} events, {} draws, banner checked {} times shown and {} times not",
        count(&seen.events),
        count(&seen.draws),
        count(&seen.banner),
        count(&seen.no_banner)
    );
    assert!(
        count(&seen.banner) > 0,
        "a red flag was on screen in some case"
    );
    assert!(count(&seen.no_banner) > 0, "no red flag in some case");
}

#[test]
fn mashing_keys_on_the_fixture_keeps_the_interface_sound() {
    run(fixture(), "\rnn1y", 128);
}

#[test]
fn mashing_keys_on_the_bundled_graph_keeps_the_interface_sound() {
    run(bundled(), "\r32 \r", 64);
}
