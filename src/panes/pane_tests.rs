//! Each pane's keys and the mouse, on the pane types directly.

use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_input::InputRequest;

use super::Effect;
use super::causes::{CausesPane, MAX_QUERY};
use super::detail::DetailPane;
use super::questions::QuestionsPane;
use crate::app::tests::{draw, fixture};
use crate::app::{Action, App, Dir, Options, Pane, Session, actions_for, update};
use crate::engine::Answer;

fn session() -> Session {
    Session::new(fixture(), true)
}

#[test]
fn the_cause_list_moves_pages_and_opens() {
    let mut s = session();
    let mut pane = CausesPane::default();
    let len = s.row_count();
    assert!(len > 3);
    assert_eq!(pane.update(Action::End, &mut s), Effect::None);
    assert_eq!(pane.selected, len - 1);
    pane.update(Action::Move(Dir::Down), &mut s);
    assert_eq!(pane.selected, len - 1, "stops at the end");
    pane.update(Action::Home, &mut s);
    pane.update(Action::HalfPageDown, &mut s);
    assert!(pane.selected >= 1);
    let effect = pane.update(Action::OpenDetail, &mut s);
    let cause = s.row(pane.selected).expect("a row").index;
    assert_eq!(
        effect,
        Effect::Open {
            cause,
            trail: false
        }
    );
}

#[test]
fn the_search_line_edits_like_a_shell_and_caps_a_paste() {
    let mut s = session();
    let mut pane = CausesPane::default();
    pane.open_search();
    for c in "sciat".chars() {
        pane.update(Action::Edit(InputRequest::InsertChar(c)), &mut s);
    }
    assert_eq!(s.query(), "sciat");
    pane.update(Action::Edit(InputRequest::GoToStart), &mut s);
    pane.update(Action::Edit(InputRequest::InsertChar('x')), &mut s);
    assert_eq!(s.query(), "xsciat", "typed where the cursor is");
    pane.update(Action::Edit(InputRequest::DeleteLine), &mut s);
    assert_eq!(s.query(), "");
    let paste = "pins\nand\tneedles".to_string() + &"z".repeat(10_000);
    pane.update(Action::Paste(paste), &mut s);
    assert_eq!(pane.input.value().chars().count(), MAX_QUERY);
    assert!(pane.input.value().starts_with("pins and needles"));
    pane.update(Action::Edit(InputRequest::InsertChar('q')), &mut s);
    assert_eq!(pane.input.value().chars().count(), MAX_QUERY, "full");
    pane.update(Action::Back, &mut s);
    assert_eq!((s.query(), pane.editing), ("", false), "Esc clears");
}

#[test]
fn the_questions_pane_answers_changes_and_goes_back() {
    let mut s = session();
    let mut pane = QuestionsPane::default();
    assert!(matches!(
        pane.update(Action::Answer(Answer::Yes), &mut s),
        Effect::Say(_)
    ));
    s.choose_regions(vec!["lower-back".into()]);
    let first = pane.focus(&s).expect("a question").to_string();
    pane.update(Action::Answer(Answer::Yes), &mut s);
    assert_eq!(s.walk().answered.len(), 1);
    pane.update(Action::Move(Dir::Up), &mut s);
    assert_eq!(pane.focus(&s), Some(first.as_str()), "up picks the answer");
    pane.update(Action::Back, &mut s);
    assert_eq!(pane.cursor, None);
    pane.update(Action::Home, &mut s);
    assert_eq!(pane.cursor, Some(0));
    pane.update(Action::End, &mut s);
    assert_eq!(pane.cursor, None);
    pane.update(Action::Undo, &mut s);
    assert!(s.walk().answered.is_empty());
    assert_eq!(
        pane.update(Action::SkipToCauses, &mut s),
        Effect::Focus(Pane::Causes)
    );
}

#[test]
fn the_detail_scrolls_within_what_was_drawn_and_goes_back() {
    let s = session();
    let mut pane = DetailPane::new(0);
    // Drawn 10 rows high with 25 rows past the window.
    pane.view.record(0, 10);
    pane.max_scroll.set(25);
    pane.update(Action::PageDown, &s);
    assert_eq!(pane.scroll, 10);
    pane.update(Action::End, &s);
    assert_eq!(pane.scroll, 25);
    pane.update(Action::Move(Dir::Down), &s);
    assert_eq!(pane.scroll, 25, "clamped");
    pane.follow(1);
    assert_eq!((pane.cause, pane.scroll), (1, 0));
    assert_eq!(pane.update(Action::Back, &s), Effect::None);
    assert_eq!((pane.cause, pane.scroll), (0, 25), "back where it was");
    assert_eq!(pane.update(Action::Back, &s), Effect::CloseDetail);
}

fn click(app: &App, column: u16, row: u16, kind: MouseEventKind) -> Vec<Action> {
    actions_for(
        app,
        &Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    )
}

fn app(options: Options) -> App {
    let mut app = App::new(fixture(), options);
    update(&mut app, Action::Resize(80, 24));
    draw(&app);
    app
}

#[test]
fn a_click_focuses_selects_then_opens_and_the_wheel_scrolls() {
    let mut app = app(Options::default());
    // The tabs: " Body  Questions  Causes " from column 0.
    for a in click(&app, 20, 0, MouseEventKind::Down(MouseButton::Left)) {
        update(&mut app, a);
    }
    assert_eq!(app.pane, Pane::Causes);
    draw(&app);
    let rows = app.causes.list_rows.get();
    let second = rows.y + 1;
    for a in click(&app, 5, second, MouseEventKind::Down(MouseButton::Left)) {
        update(&mut app, a);
    }
    assert_eq!(app.causes.selected, 1);
    draw(&app);
    for a in click(&app, 5, second, MouseEventKind::Down(MouseButton::Left)) {
        update(&mut app, a);
    }
    assert_eq!(app.pane, Pane::Detail, "a second click opens");
    update(&mut app, Action::DetailBack);
    draw(&app);
    for a in click(&app, 5, rows.y, MouseEventKind::ScrollDown) {
        update(&mut app, a);
    }
    let last = app.session.row_count() - 1;
    assert_eq!(
        app.causes.selected,
        4.min(last),
        "the wheel moves three rows"
    );
    for a in click(&app, 5, rows.y, MouseEventKind::ScrollUp) {
        update(&mut app, a);
    }
    assert_eq!(app.causes.selected, 4.min(last) - 3);
}

#[test]
fn without_the_mouse_clicks_do_nothing() {
    let app = app(Options {
        mouse: false,
        ..Options::default()
    });
    assert!(click(&app, 20, 0, MouseEventKind::Down(MouseButton::Left)).is_empty());
}

#[test]
fn q_asks_before_losing_answers_and_ctrl_c_does_not() {
    let mut app = app(Options::default());
    update(&mut app, Action::Quit);
    assert!(app.quit, "nothing to lose: quits at once");
    let mut app = self::app(Options::default());
    update(&mut app, Action::ChooseRegions);
    update(&mut app, Action::Quit);
    assert!(app.confirm_quit && !app.quit);
    update(&mut app, Action::StayOpen);
    assert!(!app.confirm_quit && !app.quit);
    update(&mut app, Action::Quit);
    update(&mut app, Action::QuitNow);
    assert!(app.quit);
}

#[test]
fn a_click_on_the_figure_picks_the_region_there_and_a_second_chooses_it() {
    let mut app = app(Options::default());
    let spots = app.body.spots.borrow().clone();
    let &(region, x, y) = spots
        .iter()
        .find(|&&(r, _, _)| r != app.body.cursor)
        .expect("another region on the figure");
    for a in click(&app, x, y, MouseEventKind::Down(MouseButton::Left)) {
        update(&mut app, a);
    }
    assert_eq!(app.body.cursor, region);
    draw(&app);
    for a in click(&app, x, y, MouseEventKind::Down(MouseButton::Left)) {
        update(&mut app, a);
    }
    assert_eq!(app.pane, Pane::Questions, "the second click chooses");
    assert_eq!(app.session.interview().regions.len(), 1);
}
