//! Kiosk mode through the keys: no way out but the staff exit, the countdown and the
//! reset when idle, and the welcome screen.

use std::time::Duration;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
};

use super::*;
use crate::app::kiosk::KioskSettings;

fn kiosk_app() -> App {
    app_with(Options {
        kiosk: Some(KioskSettings::default()),
        emergency_number: "999".to_string(),
        ..Options::default()
    })
}

/// Send one key through everything a real key goes through (kiosk screens, then keys).
fn send(app: &mut App, key: KeyEvent) {
    for action in actions_for(app, &Event::Key(key)) {
        update(app, action);
        draw(app);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        send(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The screen as text, one string per row.
fn screen(app: &App) -> String {
    draw(app)
}

/// Past the welcome screen, a region chosen, a question answered and a search typed.
fn kiosk_app_in_use() -> App {
    let mut app = kiosk_app();
    send(&mut app, plain(KeyCode::Enter));
    assert!(!app.kiosk.as_ref().unwrap().welcome);
    send(&mut app, plain(KeyCode::Enter));
    send(&mut app, plain(KeyCode::Enter));
    typed(&mut app, "y");
    typed(&mut app, "/");
    typed(&mut app, "sci");
    assert!(app.session.is_started(), "a region is chosen");
    assert_eq!(app.session.query(), "sci");
    app
}

#[test]
fn the_welcome_screen_says_what_this_is_and_the_emergency_number() {
    let mut app = kiosk_app();
    let shown = screen(&app)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("does not diagnose"), "{shown}");
    assert!(shown.contains("call 999 now"), "{shown}");
    assert!(shown.contains("Nothing you enter is kept"), "{shown}");
    // Any key starts, and that key does nothing else.
    send(&mut app, plain(KeyCode::Char('q')));
    assert!(!app.kiosk.as_ref().unwrap().welcome);
    assert!(!app.quit);
    assert!(!app.confirm_quit);
    assert!(screen(&app).contains("Where it hurts"));
}

#[test]
fn no_key_a_person_can_type_leaves_the_kiosk() {
    let mut app = kiosk_app_in_use();
    let mut keys = vec![
        plain(KeyCode::Char('q')),
        plain(KeyCode::Esc),
        ctrl('c'),
        ctrl('z'),
        ctrl('d'),
        ctrl('4'), // Ctrl-\ as a plain terminal sends it
        ctrl('\\'),
        ctrl('q'),
        ctrl('x'),
        KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT),
        KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        ),
    ];
    keys.extend((1..=24).map(|n| plain(KeyCode::F(n))));
    for round in 0..3 {
        for &key in &keys {
            send(&mut app, key);
            assert!(!app.quit, "round {round}: {key:?} quit the kiosk");
            assert!(!app.confirm_quit, "{key:?} asked to quit");
            // Whatever opened, close it again the way a person would.
            if app.help.is_some() {
                send(&mut app, plain(KeyCode::Esc));
            }
            if app.kiosk.as_ref().unwrap().welcome {
                send(&mut app, plain(KeyCode::Enter));
            }
        }
    }
    // Every letter and symbol in every pane, too.
    for _ in 0..4 {
        send(&mut app, plain(KeyCode::Tab));
        for c in (' '..='~').chain(['é', '中']) {
            send(&mut app, plain(KeyCode::Char(c)));
            send(&mut app, ctrl(c));
            assert!(!app.quit, "{c:?}");
        }
        send(&mut app, plain(KeyCode::Esc));
    }
}

#[test]
fn quitting_keys_say_the_kiosk_stays_open_and_the_help_shows_start_over() {
    let mut app = kiosk_app_in_use();
    send(&mut app, plain(KeyCode::Esc));
    send(&mut app, plain(KeyCode::Tab));
    send(&mut app, ctrl('c'));
    assert_eq!(app.message.as_deref(), Some(crate::app::kiosk::STAYS));
    send(&mut app, plain(KeyCode::Down));
    let bar = screen(&app);
    assert!(!bar.contains(" quit"), "no quit hint in a kiosk:\n{bar}");
    assert!(bar.contains("start over"), "{bar}");
    send(&mut app, plain(KeyCode::F(1)));
    let help: Vec<String> = crate::app::hints::help_rows(true, true)
        .into_iter()
        .filter_map(|r| match r {
            crate::app::hints::HelpRow::Key(k, t) => Some(format!("{k} {t}")),
            _ => None,
        })
        .collect();
    assert!(
        help.iter().any(|r| r.starts_with("Ctrl-R start over")),
        "{help:?}"
    );
    assert!(!help.iter().any(|r| r.contains("quit (asks")), "{help:?}");
    assert!(!help.iter().any(|r| r.contains("suspend")), "{help:?}");
}

#[test]
fn idle_counts_down_then_forgets_everything() {
    let mut app = kiosk_app_in_use();
    send(&mut app, plain(KeyCode::Esc));
    send(&mut app, plain(KeyCode::Tab));
    let s = Duration::from_secs;
    assert_eq!(crate::app::kiosk::next_check(&app, s(0)), Some(s(90)));
    update(&mut app, Action::Idle(s(89)));
    assert_eq!(app.kiosk.as_ref().unwrap().countdown, None);
    update(&mut app, Action::Idle(s(90)));
    assert_eq!(app.kiosk.as_ref().unwrap().countdown, Some(20));
    assert!(screen(&app).contains("Still there?"));
    update(&mut app, Action::Idle(Duration::from_millis(100_500)));
    assert_eq!(app.kiosk.as_ref().unwrap().countdown, Some(10));
    assert_eq!(
        crate::app::kiosk::next_check(&app, Duration::from_millis(100_500)),
        Some(Duration::from_millis(500))
    );
    // A key stops the countdown and does nothing else.
    let pane = app.pane;
    send(&mut app, plain(KeyCode::Tab));
    assert_eq!(app.kiosk.as_ref().unwrap().countdown, None);
    assert_eq!(app.pane, pane, "the key only said 'still here'");
    assert!(app.session.is_started());

    update(&mut app, Action::Idle(s(90)));
    update(&mut app, Action::Idle(s(110)));
    assert_forgotten(&app, 1);
    // Nothing to forget: the clock stops until someone starts.
    assert_eq!(crate::app::kiosk::next_check(&app, s(500)), None);
    update(&mut app, Action::Idle(s(500)));
    assert_eq!(app.kiosk.as_ref().unwrap().resets, 1);
}

#[test]
fn the_summary_opens_in_a_kiosk_with_its_qr_code_and_no_save_key() {
    let mut app = kiosk_app_in_use();
    send(&mut app, plain(KeyCode::Esc));
    send(&mut app, plain(KeyCode::F(2)));
    assert_eq!(app.pane, Pane::Summary);
    let shown = screen(&app);
    assert!(shown.contains("not a diagnosis"), "{shown}");
    send(&mut app, plain(KeyCode::Char('c')));
    assert!(app.summary.qr, "c shows the QR code");
    send(&mut app, plain(KeyCode::Char('s')));
    assert!(
        app.message.as_deref().is_none_or(|m| !m.contains("Saved")),
        "{:?}",
        app.message
    );
    assert!(!app.can_save());
    // Starting over forgets the summary's state too.
    send(&mut app, ctrl('r'));
    assert!(!app.summary.qr);
    assert_forgotten(&app, 1);
}

#[test]
fn start_over_forgets_at_once() {
    let mut app = kiosk_app_in_use();
    send(&mut app, plain(KeyCode::Down));
    send(&mut app, ctrl('r'));
    assert_forgotten(&app, 1);
}

fn assert_forgotten(app: &App, resets: u64) {
    let kiosk = app.kiosk.as_ref().unwrap();
    assert!(kiosk.welcome);
    assert_eq!(kiosk.resets, resets);
    assert_eq!(kiosk.countdown, None);
    assert!(!app.session.is_started());
    assert!(app.session.interview().is_empty());
    assert!(app.session.interview().regions.is_empty());
    assert_eq!(app.session.query(), "");
    assert_eq!(app.pane, Pane::Body);
    assert!(app.detail.is_none() && app.help.is_none());
    assert!(!app.causes.editing);
    let fresh = kiosk_app();
    assert_eq!(app.body.cursor, fresh.body.cursor, "cursor reset");
    assert_eq!(app.body.marked, fresh.body.marked, "marks reset");
    assert_eq!(app.causes.selected, fresh.causes.selected);
    let shown = screen(app);
    assert!(shown.contains("Press any key to start"), "{shown}");
    assert!(!shown.contains("sci"), "{shown}");
}

#[test]
fn the_staff_exit_takes_the_chord_and_the_code() {
    let mut app = kiosk_app_in_use();
    // Wrong code: closed, still running, and it does not say how close it was.
    send(&mut app, ctrl('5'));
    assert_eq!(app.kiosk.as_ref().unwrap().staff.as_deref(), Some(""));
    assert!(screen(&app).contains("Staff code"));
    typed(&mut app, "exi");
    send(&mut app, plain(KeyCode::Enter));
    assert!(!app.quit);
    assert_eq!(app.kiosk.as_ref().unwrap().staff, None);
    // Any other key cancels.
    send(&mut app, ctrl(']'));
    typed(&mut app, "ex");
    send(&mut app, plain(KeyCode::Esc));
    assert_eq!(app.kiosk.as_ref().unwrap().staff, None);
    typed(&mut app, "it");
    send(&mut app, plain(KeyCode::Enter));
    assert!(!app.quit);
    // The code, corrected with Backspace, then Enter: quit. Works on the welcome screen too.
    send(&mut app, ctrl('r'));
    send(&mut app, ctrl(']'));
    typed(&mut app, "exix");
    send(&mut app, plain(KeyCode::Backspace));
    typed(&mut app, "t");
    send(&mut app, plain(KeyCode::Enter));
    assert!(app.quit);
}

#[test]
fn touches_and_pastes_on_kiosk_screens_do_only_what_a_key_would() {
    let mut app = kiosk_app();
    let touch = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(actions_for(&app, &touch), vec![Action::Begin]);
    let paste = Event::Paste("ignore me".into());
    assert_eq!(actions_for(&app, &paste), vec![Action::Begin]);
    send(&mut app, plain(KeyCode::Enter));
    send(&mut app, ctrl(']'));
    assert_eq!(actions_for(&app, &paste), vec![Action::StaffCancel]);
}

#[test]
fn chords_match_however_the_terminal_sends_them() {
    let chord = KioskSettings::default().staff_exit;
    assert!(chord.matches(&ctrl(']')));
    assert!(chord.matches(&ctrl('5')));
    assert!(!chord.matches(&plain(KeyCode::Char(']'))));
    assert!(!chord.matches(&plain(KeyCode::Char('5'))));
    assert!(!chord.matches(&KeyEvent::new(
        KeyCode::Char(']'),
        KeyModifiers::CONTROL | KeyModifiers::ALT
    )));
}

#[test]
fn outside_kiosk_mode_nothing_changes() {
    let mut app = app();
    assert!(app.kiosk.is_none());
    assert_eq!(
        crate::app::kiosk::next_check(&app, Duration::from_secs(1000)),
        None
    );
    update(&mut app, Action::Idle(Duration::from_secs(1000)));
    assert!(screen(&app).contains("Where it hurts"));
    send(&mut app, ctrl('c'));
    assert!(app.quit);
}
