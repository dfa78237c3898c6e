//! State tests: key sequences through the keymap and `update`, no terminal.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::graph::View;
use crate::graph::{SourceText, parse};

/// The stable test graph shared with the snapshot tests.
pub fn fixture() -> Graph {
    let text = include_str!("../../../tests/fixtures/ui-graph.ron");
    parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses")
}

fn app() -> App {
    app_with(Options::default())
}

fn app_with(options: Options) -> App {
    let mut app = App::new(fixture(), options);
    update(&mut app, Action::Resize(80, 24));
    app
}

/// Every question on the path, for the tests of the question flow itself.
fn app_asking_everything() -> App {
    app_with(Options {
        all_questions: true,
        ..Options::default()
    })
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Press keys through the keymap; `text:` prefixes type each character.
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let events: Vec<KeyEvent> = match *k {
            "Enter" => vec![key(KeyCode::Enter)],
            "Esc" => vec![key(KeyCode::Esc)],
            "Tab" => vec![key(KeyCode::Tab)],
            "BackTab" => vec![KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)],
            "Up" => vec![key(KeyCode::Up)],
            "Down" => vec![key(KeyCode::Down)],
            "Left" => vec![key(KeyCode::Left)],
            "Right" => vec![key(KeyCode::Right)],
            "Bksp" => vec![key(KeyCode::Backspace)],
            "End" => vec![key(KeyCode::End)],
            "Home" => vec![key(KeyCode::Home)],
            "PgDn" => vec![key(KeyCode::PageDown)],
            "C-c" => vec![KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)],
            text => text.chars().map(|c| key(KeyCode::Char(c))).collect(),
        };
        for e in events {
            if let Some(action) = keymap::action_for(app, &e) {
                update(app, action);
                // As the real loop does: each key is followed by a draw, which records
                // the viewports that paging and scrolling use.
                draw(app);
            }
        }
    }
}

/// Draw the app at its size into a test terminal; the screen as text, a line per row.
pub fn draw(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|frame| crate::ui::draw(frame, app))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn help_scroll(app: &App) -> Option<usize> {
    app.help.as_ref().map(|h| h.scroll)
}

fn region(app: &App) -> &str {
    &app.session.graph().regions[app.body.cursor].id
}

fn current(app: &App) -> Option<&str> {
    app.session.walk().current.as_deref()
}

#[test]
fn starts_on_the_body_map_at_the_lower_back() {
    let app = app();
    assert_eq!(app.pane, Pane::Body);
    assert_eq!(region(&app), "lower-back");
    assert!(app.session.interview().regions.is_empty());
    assert!(
        !app.session.ranking().causes.is_empty(),
        "every cause before a choice"
    );
}

#[test]
fn arrows_move_on_the_figure_and_letters_jump() {
    let mut app = app();
    press(&mut app, &["Up", "Up"]);
    assert_eq!(region(&app), "mid-back");
    press(&mut app, &["j"]);
    assert_eq!(region(&app), "back");
    press(&mut app, &["n"]);
    assert_eq!(region(&app), "neck");
    press(&mut app, &["v"]);
    assert_eq!(app.body.view, View::Front);
    assert_eq!(region(&app), "neck", "the neck shows on both sides");
    press(&mut app, &["a"]);
    assert_eq!(region(&app), "abdomen");
    press(&mut app, &["a"]);
    assert_eq!(region(&app), "arm");
    press(&mut app, &["L"]);
    assert_eq!(region(&app), "lower-back");
    assert_eq!(app.body.view, View::Back, "jumping turns the figure");
}

#[test]
fn marking_chooses_several_regions() {
    let mut app = app();
    press(&mut app, &[" ", "b", "Enter"]);
    assert_eq!(app.session.interview().regions, ["lower-back", "buttock"]);
    assert_eq!(app.pane, Pane::Questions);
    assert_eq!(current(&app), Some("q-start"));
}

#[test]
fn answer_undo_and_change() {
    let mut app = app_asking_everything();
    press(&mut app, &["Enter", "y"]);
    assert_eq!(current(&app), Some("q-leg"));
    assert_eq!(app.session.ranking().causes[0].id, "strain-sprain");
    press(&mut app, &["y"]);
    assert_eq!(
        current(&app),
        Some("q-tingle"),
        "asked because the leg hurts"
    );
    press(&mut app, &["Bksp"]);
    assert_eq!(current(&app), Some("q-leg"));
    assert_eq!(app.session.walk().answered.len(), 1);
    press(&mut app, &["n"]);
    assert_eq!(current(&app), Some("q-kind"), "pins and needles skipped");
    press(&mut app, &["y"]);
    assert!(app.message.as_deref().unwrap_or("").contains("1 to 2"));
    press(&mut app, &["2"]);
    assert_eq!(current(&app), Some("q-bladder"));
    // Change the second answer (leg: no -> yes): the path re-routes.
    press(&mut app, &["Up", "Up"]);
    assert_eq!(app.questions.focus(&app.session), Some("q-leg"));
    press(&mut app, &["y"]);
    assert_eq!(app.questions.cursor, None);
    assert_eq!(current(&app), Some("q-tingle"));
    assert!(app.session.walk().known.has("radiates-below-knee"));
    let sciatica = app
        .session
        .ranking()
        .causes
        .iter()
        .find(|c| c.id == "sciatica");
    assert!(sciatica.is_some_and(|c| c.for_.iter().any(|e| e.id == "radiates-below-knee")));
}

#[test]
fn a_red_flag_answer_raises_the_banner_until_changed() {
    let mut app = app_asking_everything();
    press(&mut app, &["Enter", "n", "n", "1", "y"]);
    assert_eq!(current(&app), Some("q-fever"));
    let banner = app.session.banner().expect("a banner");
    assert!(banner.starts_with("RED FLAG - EMERGENCY: Call your local emergency number now"));
    assert_eq!(
        app.session.ranking().triage,
        crate::graph::Triage::Emergency
    );
    press(&mut app, &["Up"]);
    assert_eq!(app.questions.focus(&app.session), Some("q-bladder"));
    press(&mut app, &["n"]);
    assert_eq!(app.session.banner(), None);
}

#[test]
fn search_filters_opens_and_clears() {
    let mut app = app();
    press(&mut app, &["/", "text"]);
    assert!(app.causes.editing);
    assert_eq!(
        app.causes.input.value(),
        "text",
        "letters go to the search line"
    );
    press(&mut app, &["Esc"]);
    assert_eq!(app.causes.input.value(), "");
    assert!(!app.causes.editing);
    press(&mut app, &["/", "sciat"]);
    let rows: Vec<_> = app.session.rows(0, usize::MAX).collect();
    assert_eq!(app.session.graph().causes[rows[0].index].id, "sciatica");
    assert_eq!(rows[0].hit.expect("a match").indices, [0, 1, 2, 3, 4]);
    press(&mut app, &["Enter"]);
    assert_eq!(app.pane, Pane::Detail);
    assert_eq!(
        app.detail.as_ref().map(|d| d.cause),
        app.session.graph().cause_index("sciatica")
    );
    press(&mut app, &["q"]);
    assert!(app.quit, "q quits outside the search line");
}

#[test]
fn related_causes_are_followed_and_back_returns() {
    let mut app = app();
    press(&mut app, &["/", "sciat", "Enter", "End"]);
    let scrolled = app.detail.as_ref().map_or(0, |d| d.scroll);
    assert!(scrolled > 0, "a long detail scrolls at 80x24");
    press(&mut app, &["2"]);
    let d = app.detail.as_ref().expect("open");
    assert_eq!(app.session.graph().causes[d.cause].id, "cauda-equina");
    assert_eq!(d.scroll, 0);
    press(&mut app, &["Esc"]);
    let d = app.detail.as_ref().expect("still open");
    assert_eq!(app.session.graph().causes[d.cause].id, "sciatica");
    assert_eq!(d.scroll, scrolled, "back restores the scroll");
    press(&mut app, &["Esc"]);
    assert!(app.detail.is_none());
    assert_eq!(app.pane, Pane::Causes);
}

#[test]
fn tab_cycles_and_help_toggles() {
    let mut app = app();
    press(&mut app, &["Tab"]);
    assert_eq!(app.pane, Pane::Questions);
    press(&mut app, &["?"]);
    assert!(app.help.is_some(), "? is help in the questions too");
    press(&mut app, &["Esc", "Tab", "?"]);
    assert_eq!(app.pane, Pane::Causes);
    assert!(app.help.is_some());
    press(&mut app, &["Down", "Esc"]);
    assert!(app.help.is_none());
    press(&mut app, &["BackTab", "BackTab"]);
    assert_eq!(app.pane, Pane::Body);
    press(&mut app, &["C-c"]);
    assert!(app.quit);
}

#[test]
fn skip_goes_straight_to_the_causes() {
    let mut app = app();
    press(&mut app, &["Tab", "s"]);
    assert_eq!(app.pane, Pane::Causes);
    press(&mut app, &["End"]);
    assert_eq!(app.causes.selected, app.session.row_count() - 1);
}

#[test]
fn every_binding_is_in_the_help() {
    let rows = hints::help_rows(false, false);
    for ctx in keymap::Context::ALL {
        for b in ctx.keys() {
            assert!(rows.contains(&hints::HelpRow::Key(b.label(false), b.help)));
        }
    }
    for ascii in hints::help_rows(true, false) {
        if let hints::HelpRow::Key(k, h) = ascii {
            assert!(k.is_ascii() && h.is_ascii(), "{k} {h}");
        }
    }
}

#[test]
fn on_the_bundled_figure_up_from_the_lower_back_is_the_mid_back() {
    let graph = Graph::bundled().expect("the bundled graph parses");
    let mut app = App::new(graph, Options::default());
    assert_eq!(region(&app), "lower-back");
    press(&mut app, &["Up"]);
    assert_eq!(region(&app), "mid-back");
    press(&mut app, &["Up"]);
    assert_eq!(region(&app), "upper-back");
    press(&mut app, &["Down", "Down"]);
    assert_eq!(region(&app), "lower-back");
}

#[test]
fn on_the_bundled_figure_arrows_follow_the_body() {
    let graph = Graph::bundled().expect("the bundled graph parses");
    let mut app = App::new(graph, Options::default());
    assert_eq!(app.body.view, View::Back);
    let mut path = Vec::new();
    for _ in 0..4 {
        press(&mut app, &["Down"]);
        path.push(region(&app).to_string());
    }
    assert_eq!(path, ["buttock", "thigh", "lower-leg", "foot"]);
    press(&mut app, &["v"]);
    assert_eq!((app.body.view, region(&app)), (View::Front, "foot"));
    press(&mut app, &["n"]);
    assert_eq!(region(&app), "neck");
    let mut path = Vec::new();
    for _ in 0..4 {
        press(&mut app, &["Down"]);
        path.push(region(&app).to_string());
    }
    assert_eq!(path, ["chest", "abdomen", "pelvis", "hip-groin"]);
    press(&mut app, &["Up", "Up", "Right"]);
    assert_eq!(region(&app), "arm", "the arm is beside the belly");
    press(&mut app, &["Left", "Left"]);
    assert_eq!(region(&app), "flank");
}

#[test]
fn the_help_overlay_takes_every_key() {
    let mut app = app();
    press(&mut app, &["?"]);
    assert_eq!(help_scroll(&app), Some(0));
    let before = (
        app.pane,
        (app.body.view, app.body.cursor, app.body.marked.clone()),
        app.causes.input.value().to_string(),
    );
    press(
        &mut app,
        &[
            "Tab", "BackTab", "/", "v", "Enter", "s", "y", "n", "Bksp", "x", "1",
        ],
    );
    assert_eq!(help_scroll(&app), Some(0), "still open, not scrolled");
    assert_eq!(
        (
            app.pane,
            (app.body.view, app.body.cursor, app.body.marked.clone()),
            app.causes.input.value().to_string()
        ),
        before,
        "nothing changed behind the help"
    );
    assert!(app.session.interview().regions.is_empty());
    // It is longer than 80x24: the arrows and page keys scroll it.
    press(&mut app, &["Down", "j"]);
    assert_eq!(help_scroll(&app), Some(2));
    press(&mut app, &["Up"]);
    assert_eq!(help_scroll(&app), Some(1));
    press(&mut app, &["End"]);
    let end = help_scroll(&app).expect("open");
    assert!(end > 5);
    press(&mut app, &["PgDn"]);
    assert_eq!(help_scroll(&app), Some(end), "clamped at the end");
    press(&mut app, &["Home"]);
    assert_eq!(help_scroll(&app), Some(0));
    for close in ["Esc", "?"] {
        press(&mut app, &[close]);
        assert_eq!(help_scroll(&app), None, "{close} closes");
        press(&mut app, &["?"]);
    }
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    let action = keymap::action_for(&app, &f1).expect("F1 is bound");
    update(&mut app, action);
    assert_eq!(help_scroll(&app), None, "F1 closes");
    assert_eq!(app.pane, Pane::Body);
    press(&mut app, &["?", "q"]);
    assert!(app.quit, "q quits from the help");
    let mut app = self::app();
    press(&mut app, &["?", "C-c"]);
    assert!(app.quit, "Ctrl-C quits from the help");
}

#[test]
fn the_help_hints_are_its_own() {
    let mut app = app();
    press(&mut app, &["?"]);
    let hints: Vec<&str> = hints::hints(&app).into_iter().map(|h| h.text).collect();
    assert_eq!(hints, ["close", "scroll", "quit"]);
}

#[test]
fn typing_in_the_search_line_never_triggers_a_shortcut() {
    let mut app = app();
    press(&mut app, &["Enter"]);
    let answered = app.session.walk().answered.len();
    press(&mut app, &["/"]);
    let body = (app.body.view, app.body.cursor, app.body.marked.clone());
    let typed = "q?vs yn12/ hjklGgx";
    press(&mut app, &[typed]);
    assert_eq!(app.causes.input.value(), typed);
    assert!(!app.quit && app.help.is_none());
    assert_eq!(app.pane, Pane::Causes);
    assert!(app.causes.editing);
    assert_eq!(
        (app.body.view, app.body.cursor, app.body.marked.clone()),
        body
    );
    assert_eq!(
        app.session.walk().answered.len(),
        answered,
        "no answer given"
    );
    assert!(app.detail.is_none());
    press(&mut app, &["Bksp"]);
    assert_eq!(app.causes.input.value(), &typed[..typed.len() - 1]);
    // Tab leaves the search line (the query stays); Esc there clears it.
    press(&mut app, &["Tab"]);
    assert!(!app.causes.editing);
    assert_eq!(app.pane, Pane::Summary, "Tab goes on to the summary");
}

#[test]
fn a_symptom_search_lists_the_causes_linked_to_it() {
    let mut app = app();
    press(&mut app, &["/", "pins and needles"]);
    let rows: Vec<_> = app.session.rows(0, usize::MAX).collect();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| app.session.graph().causes[r.index].id.as_str())
        .collect();
    assert_eq!(ids, ["sciatica", "cauda-equina"]);
    assert!(rows.iter().all(|r| r.hit.is_none()));
    let via = rows[0].via.expect("found through a symptom");
    assert_eq!(app.session.graph().findings[via.finding].id, "tingling");
    press(&mut app, &["Enter"]);
    assert_eq!(
        app.detail.as_ref().map(|d| d.cause),
        app.session.graph().cause_index("sciatica"),
        "Enter opens a cause found through a symptom"
    );
}

#[test]
fn without_the_figure_up_and_down_go_through_the_list() {
    let mut app = app();
    assert!(app.body.figure_shown.get(), "80x24 shows the figure");
    update(&mut app, Action::Resize(80, 16));
    draw(&app);
    assert!(!app.body.figure_shown.get());
    let start = app.body.cursor;
    press(&mut app, &["Down", "Down", "Up"]);
    assert_eq!(app.body.cursor, start + 1);
    press(&mut app, &["Home"]);
    for _ in 0..40 {
        press(&mut app, &["Up"]);
    }
    assert_eq!(app.body.cursor, 0, "stops at the top");
}

#[test]
fn a_question_that_cannot_change_the_advice_or_the_top_is_passed_over() {
    // The same answers as in `answer_undo_and_change`: there "what does the pain feel like"
    // comes next; here no answer to it could change the triage or the top three, so the
    // interview goes on to the bladder question and counts it as "not sure".
    let mut app = app();
    press(&mut app, &["Enter", "y", "n"]);
    assert_eq!(current(&app), Some("q-bladder"));
    assert!(
        app.session.walk().skipped.iter().any(|q| q == "q-kind"),
        "{:?}",
        app.session.walk().skipped
    );
    let mut everything = app_asking_everything();
    press(&mut everything, &["Enter", "y", "n"]);
    assert_eq!(current(&everything), Some("q-kind"));
}

mod kiosk;
mod more;
mod session;
