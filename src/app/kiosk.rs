//! Kiosk mode: the interface on a shared terminal, used by one stranger after another.
//!
//! These are the settings, chosen at start-up (from `--kiosk` and the `kiosk` part of the
//! configuration). No key a person can type leaves kiosk mode but the staff exit; after
//! `idle` with no input a countdown asks "Still there?", and when it runs out the
//! interface starts over from the welcome screen with nothing of the person kept.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Pane};
use crate::panes::body::BodyPane;
use crate::panes::causes::CausesPane;
use crate::panes::questions::QuestionsPane;

/// A key with its modifiers, as configured ("ctrl-]", "f12").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskSettings {
    /// No input for this long starts the countdown.
    pub idle: Duration,
    /// How long "Still there? Press any key" shows before everything starts over.
    pub countdown: Duration,
    /// The key that opens the staff exit prompt.
    pub staff_exit: Chord,
    /// What staff type at that prompt (then Enter) to quit.
    pub staff_code: String,
}

impl Default for KioskSettings {
    fn default() -> Self {
        KioskSettings {
            idle: Duration::from_secs(90),
            countdown: Duration::from_secs(20),
            staff_exit: Chord {
                code: KeyCode::Char(']'),
                modifiers: KeyModifiers::CONTROL,
            },
            staff_code: "exit".to_string(),
        }
    }
}

impl Chord {
    /// Whether a key is this chord. A control character arrives from a plain terminal as
    /// crossterm reads it (Ctrl-] is the byte 0x1d, read as Ctrl-5), and from a terminal
    /// with an extended keyboard protocol as the character itself: both match.
    pub fn matches(&self, key: &KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        let wanted = self.modifiers - KeyModifiers::SHIFT;
        let got = key.modifiers - KeyModifiers::SHIFT;
        wanted == got && normal(self.code, wanted) == normal(key.code, got)
    }
}

/// The character a control chord stands for, whichever way it was read.
fn normal(code: KeyCode, modifiers: KeyModifiers) -> KeyCode {
    if !modifiers.contains(KeyModifiers::CONTROL) {
        return code;
    }
    match code {
        KeyCode::Char('4') => KeyCode::Char('\\'),
        KeyCode::Char('5') => KeyCode::Char(']'),
        KeyCode::Char('6') => KeyCode::Char('^'),
        KeyCode::Char('7') => KeyCode::Char('_'),
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    }
}

/// Where the kiosk is between one person and the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskState {
    pub settings: KioskSettings,
    /// The welcome screen shows (at start and after every reset) until a key is pressed.
    pub welcome: bool,
    /// "Still there?": whole seconds left before everything starts over.
    pub countdown: Option<u64>,
    /// The staff exit prompt is open: what has been typed at it so far.
    pub staff: Option<String>,
    /// How many times it has started over (the terminal loop clears the screen after one).
    pub resets: u64,
}

impl KioskState {
    pub fn new(settings: KioskSettings) -> KioskState {
        KioskState {
            settings,
            welcome: true,
            countdown: None,
            staff: None,
            resets: 0,
        }
    }
}

/// The most characters the staff prompt takes (more is a wrong code anyway).
const MAX_CODE: usize = 64;

/// What a key does in kiosk mode before the keymap sees it: on the welcome screen, during
/// the countdown and at the staff prompt every key belongs to them; the staff chord opens
/// the prompt from anywhere. `None`: the keymap decides.
pub fn key_actions(kiosk: &KioskState, key: &KeyEvent) -> Option<Vec<Action>> {
    if key.kind == KeyEventKind::Release {
        return Some(Vec::new());
    }
    if let Some(typed) = &kiosk.staff {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        return Some(vec![match key.code {
            KeyCode::Enter => Action::StaffSubmit,
            KeyCode::Backspace => Action::StaffErase,
            KeyCode::Char(c) if plain && typed.chars().count() < MAX_CODE => Action::StaffKey(c),
            _ => Action::StaffCancel,
        }]);
    }
    if kiosk.settings.staff_exit.matches(key) {
        return Some(vec![Action::StaffOpen]);
    }
    if kiosk.countdown.is_some() {
        return Some(vec![Action::StillHere]);
    }
    if kiosk.welcome {
        return Some(vec![Action::Begin]);
    }
    None
}

/// What any other input (a touch, a paste) does while the kiosk has a screen of its own
/// up: the welcome screen starts, the countdown stops, the staff prompt closes.
pub fn modal(kiosk: &KioskState) -> Option<Action> {
    if kiosk.staff.is_some() {
        Some(Action::StaffCancel)
    } else if kiosk.countdown.is_some() {
        Some(Action::StillHere)
    } else if kiosk.welcome {
        Some(Action::Begin)
    } else {
        None
    }
}

/// The kiosk's clock, `idle` after the last input: the countdown starts once the person
/// has been idle for the idle time, and everything starts over when it runs out. A kiosk
/// showing its welcome screen with nothing chosen has nothing to forget and never counts.
/// Returns whether anything changed (then the screen is drawn again).
pub fn on_idle(app: &mut App, idle: Duration) -> bool {
    let Some(kiosk) = app.kiosk.as_ref() else {
        return false;
    };
    if pristine(app) {
        return false;
    }
    let (wait, count) = (kiosk.settings.idle, kiosk.settings.countdown);
    let before = kiosk.countdown;
    if idle >= wait + count {
        start_over(app);
        return true;
    }
    let left = if idle >= wait {
        let remaining = (wait + count).saturating_sub(idle);
        Some(remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0))
    } else {
        None
    };
    if let Some(kiosk) = app.kiosk.as_mut() {
        kiosk.countdown = left;
    }
    before != left
}

/// How long the event loop may wait for input before the kiosk's clock must be looked at
/// again; `None`: as long as it likes (not a kiosk, or nothing to forget).
pub fn next_check(app: &App, idle: Duration) -> Option<Duration> {
    let kiosk = app.kiosk.as_ref()?;
    if pristine(app) {
        return None;
    }
    let wait = kiosk.settings.idle;
    if idle < wait {
        return Some(wait.saturating_sub(idle));
    }
    // In the countdown: at the next whole second, when the number shown changes.
    let into = idle.saturating_sub(wait).subsec_nanos();
    let to_next = Duration::from_nanos(u64::from(1_000_000_000 - into));
    Some(to_next.max(Duration::from_millis(1)))
}

/// The welcome screen with nothing chosen, answered or typed, and no overlay open.
fn pristine(app: &App) -> bool {
    app.kiosk
        .as_ref()
        .is_some_and(|k| k.welcome && k.staff.is_none() && k.countdown.is_none())
        && !app.session.is_started()
        && app.session.query().is_empty()
}

/// Forget the person: every answer, region, search, scroll, selection, open pane and
/// message, back to the welcome screen, as if the program had just started.
pub fn start_over(app: &mut App) {
    app.session.start_over();
    app.body = BodyPane::new(app.session.graph());
    app.questions = QuestionsPane::default();
    app.causes = CausesPane::default();
    app.detail = None;
    app.summary = crate::panes::summary::SummaryPane::default();
    app.help = None;
    app.confirm_quit = false;
    app.pane = Pane::Body;
    app.message = None;
    if let Some(kiosk) = app.kiosk.as_mut() {
        kiosk.welcome = true;
        kiosk.countdown = None;
        kiosk.staff = None;
        kiosk.resets += 1;
    }
}

/// Carry out a kiosk action. Staff exit: the chord opens the prompt; the right code and
/// Enter quit; anything else closes it without saying whether the code was near.
pub fn update(app: &mut App, action: Action) {
    let Some(kiosk) = app.kiosk.as_mut() else {
        return;
    };
    match action {
        Action::Begin => kiosk.welcome = false,
        Action::StillHere => kiosk.countdown = None,
        Action::StartOver => start_over(app),
        Action::StaffOpen => kiosk.staff = Some(String::new()),
        Action::StaffKey(c) => {
            if let Some(typed) = kiosk.staff.as_mut() {
                typed.push(c);
            }
        }
        Action::StaffErase => {
            if let Some(typed) = kiosk.staff.as_mut() {
                typed.pop();
            }
        }
        Action::StaffCancel => kiosk.staff = None,
        Action::StaffSubmit => {
            let right = kiosk
                .staff
                .take()
                .is_some_and(|typed| typed == kiosk.settings.staff_code);
            if right {
                app.quit = true;
            }
        }
        Action::KioskStays => {
            app.message = Some(STAYS.to_string());
        }
        _ => {}
    }
}

/// Said when someone tries to quit a kiosk.
pub const STAYS: &str = "This screen stays open for the next person. Ctrl-R starts over.";
