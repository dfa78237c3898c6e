//! The keymap machinery. Each pane lists its own bindings in its `keys.rs`; the keys that
//! work anywhere are here. Key events are looked up in these tables, and the status bar
//! and the help overlay are generated from the same tables, so they cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Pane};
use crate::engine::Answer;
use crate::panes;

/// Where a binding applies. Lookups try the innermost context first, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Confirm,
    Help,
    Search,
    Body,
    Questions,
    /// The questions pane on a checklist question.
    Checklist,
    Causes,
    Detail,
    Summary,
    /// The summary pane's save key: outside kiosk mode only.
    SummarySave,
    Global,
    /// The keys that work anywhere in kiosk mode (no quitting, no suspending; start over).
    Kiosk,
}

impl Context {
    /// In the order the help overlay lists them.
    pub const ALL: [Context; 10] = [
        Context::Global,
        Context::Body,
        Context::Questions,
        Context::Checklist,
        Context::Causes,
        Context::Search,
        Context::Detail,
        Context::Summary,
        Context::SummarySave,
        Context::Help,
    ];

    /// Every context, in the order of its index (`Context as usize`).
    pub const EVERY: [Context; 12] = [
        Context::Confirm,
        Context::Help,
        Context::Search,
        Context::Body,
        Context::Questions,
        Context::Checklist,
        Context::Causes,
        Context::Detail,
        Context::Summary,
        Context::SummarySave,
        Context::Global,
        Context::Kiosk,
    ];

    /// The contexts the help lists: in kiosk mode its own keys stand for the global ones.
    pub fn listed(kiosk: bool) -> [Context; 10] {
        let mut all = Self::ALL;
        if kiosk {
            all[0] = Context::Kiosk;
        }
        all
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global | Context::Kiosk => "Anywhere",
            Context::Body => "Body map",
            Context::Questions => "Questions",
            Context::Checklist => "Checklist questions (tick any that apply)",
            Context::Causes => "Causes list",
            Context::Search => "Search line",
            Context::Detail => "Detail view",
            Context::Summary => "Summary",
            Context::SummarySave => "Summary, saving (not on a kiosk)",
            Context::Help => "This help",
            Context::Confirm => "Quit?",
        }
    }

    /// The bindings of this context, with the configuration's rebinding if there is one
    /// (see `rebind`).
    pub fn keys(self) -> &'static [Binding] {
        super::rebind::table(self).unwrap_or_else(|| self.default_keys())
    }

    /// The bindings of this context as built in, from the pane that owns them.
    pub fn default_keys(self) -> &'static [Binding] {
        match self {
            Context::Confirm => CONFIRM,
            Context::Help => panes::help::keys::KEYS,
            Context::Search => panes::causes::keys::SEARCH,
            Context::Body => panes::body::keys::KEYS,
            Context::Questions => panes::questions::keys::KEYS,
            Context::Checklist => panes::questions::keys::CHECKLIST,
            Context::Causes => panes::causes::keys::KEYS,
            Context::Detail => panes::detail::keys::KEYS,
            Context::Summary => panes::summary::keys::KEYS,
            Context::SummarySave => panes::summary::keys::SAVE,
            Context::Global => GLOBAL,
            Context::Kiosk => KIOSK,
        }
    }
}

/// A key, or a class of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pat {
    Key(KeyCode),
    Ctrl(char),
    /// Any letter but `q`, either case.
    Letter,
    /// 1 to 9.
    Digit,
    /// A key the search line's editor takes (characters, deletions, cursor moves).
    Edit,
}

/// What a binding does; some take the key's character as their argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    JumpTo,
    Choice,
    Tick,
    Related,
    Edit,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Pat],
    /// Said in the help overlay.
    pub help: &'static str,
    /// Shown in the status bar; bindings without one are only in the help.
    pub hint: Option<Hint>,
    pub does: Does,
    /// Its keys come from the configuration: the hint shows them, not its built-in label.
    pub rebound: bool,
}

impl Binding {
    /// The keys as the help writes them, made from the patterns themselves so a binding
    /// and its label cannot drift apart ("↑/k/Ctrl-P/Ctrl-K").
    pub fn label(&self, ascii: bool) -> String {
        self.keys
            .iter()
            .map(|&p| key_label(p, ascii))
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// A status-bar hint; it may stand for several bindings ("↑↓ move").
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub label: &'static str,
    pub ascii: &'static str,
    pub text: &'static str,
    /// The bar keeps it whatever else must go (choose, answer, search, quit).
    pub vital: bool,
}

pub const NO: Option<Hint> = None;

/// A hint shown when there is room.
pub const fn hint(label: &'static str, ascii: &'static str, text: &'static str) -> Option<Hint> {
    Some(Hint {
        label,
        ascii,
        text,
        vital: false,
    })
}

/// A hint the bar never drops for lack of room.
pub const fn vital(label: &'static str, ascii: &'static str, text: &'static str) -> Option<Hint> {
    Some(Hint {
        label,
        ascii,
        text,
        vital: true,
    })
}

pub const fn bind(
    keys: &'static [Pat],
    help: &'static str,
    hint: Option<Hint>,
    does: Does,
) -> Binding {
    Binding {
        keys,
        help,
        hint,
        does,
        rebound: false,
    }
}

use Does::Act;
use KeyCode as K;
use Pat::{Ctrl, Key};

/// Keys for moving in every list, shared by the panes.
pub const UP: &[Pat] = &[Key(K::Up), Key(K::Char('k')), Ctrl('p'), Ctrl('k')];
pub const DOWN: &[Pat] = &[Key(K::Down), Key(K::Char('j')), Ctrl('n'), Ctrl('j')];
pub const PG_UP: &[Pat] = &[Key(K::PageUp), Ctrl('b')];
pub const PG_DOWN: &[Pat] = &[Key(K::PageDown), Ctrl('f')];
pub const HALF_UP: &[Pat] = &[Ctrl('u')];
pub const HALF_DOWN: &[Pat] = &[Ctrl('d')];
pub const HOME: &[Pat] = &[Key(K::Home), Key(K::Char('g'))];
pub const END: &[Pat] = &[Key(K::End), Key(K::Char('G'))];

/// "Quit and lose your answers?" has the keyboard until it is answered.
#[rustfmt::skip]
static CONFIRM: &[Binding] = &[
    bind(&[Key(K::Char('y')), Key(K::Char('q'))], "yes, quit and forget the answers", vital("y", "y", "quit"), Act(Action::QuitNow)),
    bind(&[Key(K::Char('n')), Key(K::Esc)], "no, carry on", vital("n", "n", "stay"), Act(Action::StayOpen)),
    bind(&[Ctrl('c')], "quit", NO, Act(Action::QuitNow)),
];

/// The keys that work in every pane (unless the pane uses the key itself).
#[rustfmt::skip]
pub(super) static GLOBAL: &[Binding] = &[
    bind(&[Key(K::Tab)], "next pane", hint("Tab", "Tab", "pane"), Act(Action::NextPane)),
    bind(&[Key(K::BackTab)], "previous pane", NO, Act(Action::PrevPane)),
    bind(&[Key(K::F(2)), Ctrl('o')], "the summary to take to the clinician: every answer, the advice, the likely causes; as a QR code too", vital("F2", "F2", "summary"), Act(Action::OpenSummary)),
    bind(&[Key(K::Char('/'))], "search the causes by name, alias or symptom", vital("/", "/", "search"), Act(Action::OpenSearch)),
    bind(&[Key(K::Esc)], "back: close, clear the search, or previous pane", hint("Esc", "Esc", "back"), Act(Action::Back)),
    bind(&[Key(K::Char('?')), Key(K::F(1))], "this help: the keys and what the words on screen mean", vital("?", "?", "help"), Act(Action::ToggleHelp)),
    bind(&[Key(K::Char('q'))], "quit (asks first when you have given answers)", vital("q", "q", "quit"), Act(Action::Quit)),
    bind(&[Ctrl('c')], "quit at once, even in the search line", NO, Act(Action::QuitNow)),
    bind(&[Ctrl('z')], "suspend to the shell; fg brings it back", NO, Act(Action::StayOpen)),
];

/// The keys that work in every pane of a kiosk: the global ones without quitting or
/// suspending, and with starting over for the next person. Quitting keys say why not.
#[rustfmt::skip]
pub(super) static KIOSK: &[Binding] = &[
    bind(&[Key(K::Tab)], "next pane", hint("Tab", "Tab", "pane"), Act(Action::NextPane)),
    bind(&[Key(K::BackTab)], "previous pane", NO, Act(Action::PrevPane)),
    bind(&[Key(K::F(2)), Ctrl('o')], "the summary to take to the clinician: every answer, the advice, the likely causes; as a QR code for your phone", vital("F2", "F2", "summary"), Act(Action::OpenSummary)),
    bind(&[Key(K::Char('/'))], "search the causes by name, alias or symptom", vital("/", "/", "search"), Act(Action::OpenSearch)),
    bind(&[Key(K::Esc)], "back: close, clear the search, or previous pane", hint("Esc", "Esc", "back"), Act(Action::Back)),
    bind(&[Key(K::Char('?')), Key(K::F(1))], "this help: the keys and what the words on screen mean", vital("?", "?", "help"), Act(Action::ToggleHelp)),
    bind(&[Ctrl('r')], "start over: forget everything on screen, for the next person", vital("^R", "^R", "start over"), Act(Action::StartOver)),
    bind(&[Key(K::Char('q')), Ctrl('c')], "this screen stays open for the next person (it does not quit)", NO, Act(Action::KioskStays)),
];

/// The contexts in force, innermost first. The help overlay and the quit question are
/// modal: while open only their own keys work, so nothing changes behind them.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.confirm_quit {
        return vec![Context::Confirm];
    }
    if app.help.is_some() {
        return vec![Context::Help];
    }
    let inner = match app.pane {
        Pane::Causes if app.causes.editing => Context::Search,
        Pane::Body => Context::Body,
        Pane::Questions if app.questions.ticks(&app.session).is_some() => Context::Checklist,
        Pane::Questions => Context::Questions,
        Pane::Causes => Context::Causes,
        Pane::Detail => Context::Detail,
        Pane::Summary if app.can_save() => {
            return vec![Context::Summary, Context::SummarySave, Context::Global];
        }
        Pane::Summary => Context::Summary,
    };
    let anywhere = if app.kiosk.is_some() {
        Context::Kiosk
    } else {
        Context::Global
    };
    vec![inner, anywhere]
}

fn plain(key: &KeyEvent) -> bool {
    !key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Whether a key event is one of a pattern's keys.
pub(super) fn matches(pat: Pat, key: &KeyEvent) -> bool {
    match (pat, key.code) {
        (Pat::Ctrl(c), K::Char(k)) => key.modifiers.contains(KeyModifiers::CONTROL) && k == c,
        (Pat::Key(code), k) => plain(key) && code == k,
        (Pat::Letter, K::Char(c)) => plain(key) && c.is_ascii_alphabetic() && c != 'q',
        (Pat::Digit, K::Char(c)) => plain(key) && ('1'..='9').contains(&c),
        (Pat::Edit, _) => edit_request(key).is_some(),
        _ => false,
    }
}

/// What a key does to a line of text, if anything.
fn edit_request(key: &KeyEvent) -> Option<super::action::InputRequest> {
    use ratatui::crossterm::event::Event;
    let mut key = *key;
    // The editor's own table treats a repeat like a press; releases do nothing.
    key.kind = KeyEventKind::Press;
    tui_input::backend::crossterm::to_input_request(&Event::Key(key))
}

/// The binding a key selects now.
pub fn binding_for(app: &App, key: &KeyEvent) -> Option<&'static Binding> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    contexts(app).into_iter().find_map(|ctx| {
        ctx.keys()
            .iter()
            .find(|b| b.keys.iter().any(|&p| matches(p, key)))
    })
}

/// The action a key asks for now, if any.
pub fn action_for(app: &App, key: &KeyEvent) -> Option<Action> {
    let binding = binding_for(app, key)?;
    let ch = match key.code {
        K::Char(c) => Some(c),
        _ => None,
    };
    let digit = || ch.and_then(|c| c.to_digit(10)).map(|d| d as usize - 1);
    match &binding.does {
        Does::Act(action) => Some(action.clone()),
        Does::JumpTo => ch.map(Action::JumpTo),
        Does::Choice => digit().map(|i| Action::Answer(Answer::Choice(i))),
        Does::Tick => digit().map(|i| Action::Tick(Some(i))),
        Does::Related => digit().map(Action::FollowRelated),
        Does::Edit => edit_request(key).map(Action::Edit),
    }
}

/// A key event for a pattern that stands for one key (for shadowing checks).
pub(super) fn event_of(pat: Pat) -> Option<KeyEvent> {
    match pat {
        Key(K::BackTab) => Some(KeyEvent::new(K::BackTab, KeyModifiers::SHIFT)),
        Key(code) => Some(KeyEvent::new(code, KeyModifiers::NONE)),
        Ctrl(c) => Some(KeyEvent::new(K::Char(c), KeyModifiers::CONTROL)),
        _ => None,
    }
}

/// How a single key is written.
pub(super) fn key_name(pat: Pat) -> String {
    key_label(pat, true)
}

/// How a key is written in the help and the status bar: arrows as arrows unless ASCII only.
pub fn key_label(pat: Pat, ascii: bool) -> String {
    let arrow = |glyph: &str, word: &str| if ascii { word } else { glyph }.to_string();
    match pat {
        Key(K::Up) => arrow("↑", "Up"),
        Key(K::Down) => arrow("↓", "Down"),
        Key(K::Left) => arrow("←", "Left"),
        Key(K::Right) => arrow("→", "Right"),
        Key(K::PageUp) => "PgUp".into(),
        Key(K::PageDown) => "PgDn".into(),
        Key(K::BackTab) => "Shift-Tab".into(),
        Key(K::Char(' ')) => "Space".into(),
        Key(K::Char(c)) => c.to_string(),
        Key(K::F(n)) => format!("F{n}"),
        Key(K::Esc) => "Esc".into(),
        Key(K::Enter) => "Enter".into(),
        Key(K::Tab) => "Tab".into(),
        Key(code) => format!("{code:?}"),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Pat::Letter => "a-z".into(),
        Pat::Digit => "1-9".into(),
        Pat::Edit => "text".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Within a context no binding is shadowed by an earlier one for all its keys.
    #[test]
    fn no_binding_is_dead() {
        for ctx in Context::EVERY {
            let keys = ctx.keys();
            for (i, b) in keys.iter().enumerate() {
                let singles: Vec<KeyEvent> = b.keys.iter().filter_map(|&p| event_of(p)).collect();
                if singles.len() < b.keys.len() {
                    continue;
                }
                let alive = singles.iter().any(|e| {
                    keys[..i]
                        .iter()
                        .all(|earlier| !earlier.keys.iter().any(|&p| matches(p, e)))
                });
                assert!(
                    alive,
                    "{ctx:?}: every key of {:?} is taken earlier",
                    b.label(true)
                );
            }
        }
    }
}
