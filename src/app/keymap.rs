//! The keymap, as data. Key events are looked up here; the status bar and the help
//! overlay are generated from the same table, so they can never disagree with it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Dir, Pane};
use crate::engine::Answer;

/// Where a binding applies. Lookups try the innermost context first, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Help,
    Search,
    Body,
    Questions,
    /// The questions pane on a checklist question.
    Checklist,
    Causes,
    Detail,
    Global,
}

impl Context {
    /// In the order the help overlay lists them.
    pub const ALL: [Context; 8] = [
        Context::Global,
        Context::Body,
        Context::Questions,
        Context::Checklist,
        Context::Causes,
        Context::Search,
        Context::Detail,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Body => "Body map",
            Context::Questions => "Questions",
            Context::Checklist => "Checklist questions (tick any that apply)",
            Context::Causes => "Causes list",
            Context::Search => "Search line",
            Context::Detail => "Detail view",
            Context::Help => "This help",
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
    /// Any printable character.
    Text,
}

/// What a binding does; some take the key's character as their argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    JumpTo,
    Choice,
    Tick,
    Related,
    Input,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Pat],
    /// How the keys are shown, and how in ASCII.
    pub label: &'static str,
    pub ascii: &'static str,
    /// Said in the help overlay.
    pub help: &'static str,
    /// Shown in the status bar; bindings without one are only in the help.
    pub hint: Option<Hint>,
    pub does: Does,
}

impl Binding {
    pub fn label(&self, ascii: bool) -> &'static str {
        if ascii { self.ascii } else { self.label }
    }
}

/// A status-bar hint; it may stand for several bindings ("↑↓ move").
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub label: &'static str,
    pub ascii: &'static str,
    pub text: &'static str,
}

const NO: Option<Hint> = None;

const fn hint(label: &'static str, ascii: &'static str, text: &'static str) -> Option<Hint> {
    Some(Hint { label, ascii, text })
}

use Context as C;
use Does::Act;
use KeyCode as K;
use Pat::{Ctrl, Key};

const fn bind(
    context: Context,
    keys: &'static [Pat],
    label: &'static str,
    ascii: &'static str,
    help: &'static str,
    hint: Option<Hint>,
    does: Does,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        ascii,
        help,
        hint,
        does,
    }
}

const UP: &[Pat] = &[Key(K::Up), Key(K::Char('k'))];
const DOWN: &[Pat] = &[Key(K::Down), Key(K::Char('j'))];
const PG_UP: &[Pat] = &[Key(K::PageUp), Ctrl('b')];
const PG_DOWN: &[Pat] = &[Key(K::PageDown), Ctrl('f'), Key(K::Char(' '))];
const HOME: &[Pat] = &[Key(K::Home), Key(K::Char('g'))];
const END: &[Pat] = &[Key(K::End), Key(K::Char('G'))];

/// Every binding. Within a context the first match wins.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Help overlay: it has the keyboard; nothing reaches the panes behind it
    bind(C::Help, &[Key(K::Esc), Key(K::Char('?')), Key(K::F(1))], "Esc/?/F1", "Esc/?/F1", "close this help", hint("Esc", "Esc", "close"), Act(Action::ToggleHelp)),
    bind(C::Help, UP, "↑/k", "Up/k", "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(C::Help, DOWN, "↓/j", "Down/j", "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(C::Help, PG_UP, "PgUp/Ctrl-B", "PgUp/Ctrl-B", "a page up", NO, Act(Action::PageUp)),
    bind(C::Help, PG_DOWN, "PgDn/Space", "PgDn/Space", "a page down", NO, Act(Action::PageDown)),
    bind(C::Help, HOME, "Home/g", "Home/g", "to the top", NO, Act(Action::Home)),
    bind(C::Help, END, "End/G", "End/G", "to the end", NO, Act(Action::End)),
    bind(C::Help, &[Key(K::Char('q'))], "q", "q", "quit at once", hint("q", "q", "quit"), Act(Action::Quit)),
    bind(C::Help, &[Ctrl('c')], "Ctrl-C", "Ctrl-C", "quit", NO, Act(Action::Quit)),
    // Search line (it has the keyboard)
    bind(C::Search, &[Key(K::Enter)], "Enter", "Enter", "open the highlighted cause", hint("Enter", "Enter", "open"), Act(Action::OpenDetail)),
    bind(C::Search, &[Key(K::Esc)], "Esc", "Esc", "clear the search", hint("Esc", "Esc", "clear"), Act(Action::SearchClear)),
    bind(C::Search, &[Key(K::Up), Ctrl('p')], "↑/Ctrl-P", "Up/Ctrl-P", "previous match", NO, Act(Action::Move(Dir::Up))),
    bind(C::Search, &[Key(K::Down), Ctrl('n')], "↓/Ctrl-N", "Down/Ctrl-N", "next match", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(C::Search, &[Key(K::Backspace)], "Backspace", "Backspace", "delete a character", NO, Act(Action::SearchDelete)),
    bind(C::Search, &[Pat::Text], "text", "text", "type to find causes by name, alias or symptom", NO, Does::Input),
    // Body map
    bind(C::Body, &[Key(K::Up), Key(K::Char('k'))], "↑/k", "Up/k", "move up the figure", NO, Act(Action::Move(Dir::Up))),
    bind(C::Body, &[Key(K::Down), Key(K::Char('j'))], "↓/j", "Down/j", "move down the figure", NO, Act(Action::Move(Dir::Down))),
    bind(C::Body, &[Key(K::Left), Key(K::Char('h'))], "←/h", "Left/h", "move left on the figure", NO, Act(Action::Move(Dir::Left))),
    bind(C::Body, &[Key(K::Right), Key(K::Char('l'))], "→/l", "Right/l", "move right on the figure", hint("←↑↓→", "arrows", "move"), Act(Action::Move(Dir::Right))),
    bind(C::Body, &[Key(K::Enter)], "Enter", "Enter", "choose this region and any marked", hint("Enter", "Enter", "choose"), Act(Action::ChooseRegions)),
    bind(C::Body, &[Key(K::Char('v'))], "v", "v", "turn the figure: front or back", hint("v", "v", "turn"), Act(Action::FlipView)),
    bind(C::Body, &[Key(K::Char(' '))], "Space", "Space", "mark one more region (pain that spreads)", hint("Space", "Space", "mark"), Act(Action::ToggleMark)),
    bind(C::Body, &[Pat::Letter], "a-z", "a-z", "jump to a region by its first letter (H, L for h, l)", NO, Does::JumpTo),
    // Questions
    bind(C::Questions, &[Key(K::Char('y'))], "y", "y", "answer yes", hint("y/n/1-9", "y/n/1-9", "answer"), Act(Action::Answer(Answer::Yes))),
    bind(C::Questions, &[Key(K::Char('n'))], "n", "n", "answer no", NO, Act(Action::Answer(Answer::No))),
    bind(C::Questions, &[Key(K::Char('?'))], "?", "?", "answer not sure (F1 opens the help here)", hint("?", "?", "not sure"), Act(Action::Answer(Answer::Unsure))),
    bind(C::Questions, &[Pat::Digit], "1-9", "1-9", "pick a choice", NO, Does::Choice),
    bind(C::Questions, &[Key(K::Backspace)], "Backspace", "Backspace", "back one question, undoing its answer", hint("Bksp", "Bksp", "undo"), Act(Action::Undo)),
    bind(C::Questions, UP, "↑/k", "Up/k", "select an earlier answer to change it", NO, Act(Action::Move(Dir::Up))),
    bind(C::Questions, DOWN, "↓/j", "Down/j", "select a later answer, or the current question", hint("↑↓", "Up/Down", "change"), Act(Action::Move(Dir::Down))),
    bind(C::Questions, &[Key(K::Char('s'))], "s", "s", "skip the questions: go to the causes", hint("s", "s", "skip"), Act(Action::SkipToCauses)),
    // Checklist questions
    bind(C::Checklist, &[Key(K::Char(' '))], "Space", "Space", "tick or untick the item under the cursor", hint("Space/1-9", "Space/1-9", "tick"), Act(Action::Tick(None))),
    bind(C::Checklist, &[Pat::Digit], "1-9", "1-9", "tick or untick that item", NO, Does::Tick),
    bind(C::Checklist, &[Key(K::Enter)], "Enter", "Enter", "confirm the items ticked", hint("Enter", "Enter", "confirm"), Act(Action::ConfirmTicks)),
    bind(C::Checklist, &[Key(K::Char('n'))], "n", "n", "none of these", hint("n", "n", "none"), Act(Action::Answer(Answer::Checked(0)))),
    bind(C::Checklist, &[Key(K::Char('0')), Key(K::Char('u')), Key(K::Char('?'))], "0/u/?", "0/u/?", "not sure (F1 opens the help here)", hint("0/u", "0/u", "not sure"), Act(Action::Answer(Answer::Unsure))),
    bind(C::Checklist, UP, "↑/k", "Up/k", "the item above; from the first, an earlier answer to change", NO, Act(Action::Move(Dir::Up))),
    bind(C::Checklist, DOWN, "↓/j", "Down/j", "the item below; from the last, a later answer", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(C::Checklist, &[Key(K::Backspace)], "Backspace", "Backspace", "back one question, undoing its answer", hint("Bksp", "Bksp", "undo"), Act(Action::Undo)),
    bind(C::Checklist, &[Key(K::Char('s'))], "s", "s", "skip the questions: go to the causes", hint("s", "s", "skip"), Act(Action::SkipToCauses)),
    // Causes list
    bind(C::Causes, UP, "↑/k", "Up/k", "previous cause", NO, Act(Action::Move(Dir::Up))),
    bind(C::Causes, DOWN, "↓/j", "Down/j", "next cause", hint("↑↓", "Up/Down", "move"), Act(Action::Move(Dir::Down))),
    bind(C::Causes, &[Key(K::Enter)], "Enter", "Enter", "open the cause's detail", hint("Enter", "Enter", "open"), Act(Action::OpenDetail)),
    bind(C::Causes, PG_UP, "PgUp/Ctrl-B", "PgUp/Ctrl-B", "a page up", NO, Act(Action::PageUp)),
    bind(C::Causes, PG_DOWN, "PgDn/Space", "PgDn/Space", "a page down", NO, Act(Action::PageDown)),
    bind(C::Causes, HOME, "Home/g", "Home/g", "first cause", NO, Act(Action::Home)),
    bind(C::Causes, END, "End/G", "End/G", "last cause", NO, Act(Action::End)),
    // Detail
    bind(C::Detail, UP, "↑/k", "Up/k", "scroll up", NO, Act(Action::Move(Dir::Up))),
    bind(C::Detail, DOWN, "↓/j", "Down/j", "scroll down", hint("↑↓", "Up/Down", "scroll"), Act(Action::Move(Dir::Down))),
    bind(C::Detail, PG_UP, "PgUp/Ctrl-B", "PgUp/Ctrl-B", "a page up", NO, Act(Action::PageUp)),
    bind(C::Detail, PG_DOWN, "PgDn/Space", "PgDn/Space", "a page down", hint("PgUp/Dn", "PgUp/Dn", "page"), Act(Action::PageDown)),
    bind(C::Detail, HOME, "Home/g", "Home/g", "to the top", NO, Act(Action::Home)),
    bind(C::Detail, END, "End/G", "End/G", "to the end", NO, Act(Action::End)),
    bind(C::Detail, &[Pat::Digit], "1-9", "1-9", "open a related cause", hint("1-9", "1-9", "related"), Does::Related),
    bind(C::Detail, &[Key(K::Backspace)], "Backspace", "Backspace", "back to the cause before", NO, Act(Action::DetailBack)),
    // Anywhere
    bind(C::Global, &[Key(K::Tab)], "Tab", "Tab", "next pane", hint("Tab", "Tab", "pane"), Act(Action::NextPane)),
    bind(C::Global, &[Key(K::BackTab)], "Shift-Tab", "Shift-Tab", "previous pane", NO, Act(Action::PrevPane)),
    bind(C::Global, &[Key(K::Char('/'))], "/", "/", "search the causes by name, alias or symptom", hint("/", "/", "search"), Act(Action::OpenSearch)),
    bind(C::Global, &[Key(K::Esc)], "Esc", "Esc", "back: close, clear the search, or previous pane", hint("Esc", "Esc", "back"), Act(Action::Back)),
    bind(C::Global, &[Key(K::Char('?')), Key(K::F(1))], "?/F1", "?/F1", "this help", hint("?", "?", "help"), Act(Action::ToggleHelp)),
    bind(C::Global, &[Key(K::Char('q'))], "q", "q", "quit at once", hint("q", "q", "quit"), Act(Action::Quit)),
    bind(C::Global, &[Ctrl('c')], "Ctrl-C", "Ctrl-C", "quit, even in the search line", hint("Ctrl-C", "Ctrl-C", "quit"), Act(Action::Quit)),
];

/// The contexts in force, innermost first. The help overlay is modal: while it is open
/// only its own keys work, so nothing changes behind it.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.help.is_some() {
        return vec![C::Help];
    }
    let inner = if app.pane == Pane::Causes && app.causes.editing {
        C::Search
    } else {
        match app.pane {
            Pane::Body => C::Body,
            Pane::Questions if app.ticks().is_some() => C::Checklist,
            Pane::Questions => C::Questions,
            Pane::Causes => C::Causes,
            Pane::Detail => C::Detail,
        }
    };
    vec![inner, C::Global]
}

fn plain(key: &KeyEvent) -> bool {
    !key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn matches(pat: Pat, key: &KeyEvent) -> bool {
    match (pat, key.code) {
        (Pat::Ctrl(c), K::Char(k)) => key.modifiers.contains(KeyModifiers::CONTROL) && k == c,
        (Pat::Key(code), k) => plain(key) && code == k,
        (Pat::Letter, K::Char(c)) => plain(key) && c.is_ascii_alphabetic() && c != 'q',
        (Pat::Digit, K::Char(c)) => plain(key) && ('1'..='9').contains(&c),
        (Pat::Text, K::Char(c)) => plain(key) && !c.is_control(),
        _ => false,
    }
}

/// The binding a key selects now.
pub fn binding_for(app: &App, key: &KeyEvent) -> Option<&'static Binding> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    contexts(app).into_iter().find_map(|ctx| {
        KEYMAP
            .iter()
            .filter(|b| b.context == ctx)
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
    match binding.does {
        Does::Act(action) => Some(action),
        Does::JumpTo => ch.map(Action::JumpTo),
        Does::Choice => digit().map(|i| Action::Answer(Answer::Choice(i))),
        Does::Tick => digit().map(|i| Action::Tick(Some(i))),
        Does::Related => digit().map(Action::FollowRelated),
        Does::Input => ch.map(Action::SearchInput),
    }
}

/// A key event for a pattern that stands for one key (for shadowing checks).
fn event_of(pat: Pat) -> Option<KeyEvent> {
    match pat {
        Key(K::BackTab) => Some(KeyEvent::new(K::BackTab, KeyModifiers::SHIFT)),
        Key(code) => Some(KeyEvent::new(code, KeyModifiers::NONE)),
        Ctrl(c) => Some(KeyEvent::new(K::Char(c), KeyModifiers::CONTROL)),
        _ => None,
    }
}

/// How a single key is written.
fn key_name(pat: Pat) -> String {
    match pat {
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
        Pat::Text => "text".into(),
    }
}

/// The bindings to show in the status bar now: the inner context's, then the global
/// ones that an inner binding does not take over (in the search line `q` is a letter).
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let ascii = app.options.ascii;
    let inner = contexts(app)[0];
    let mut out = Vec::new();
    for b in KEYMAP.iter().filter(|b| b.context == inner) {
        if let Some(h) = b.hint {
            out.push((if ascii { h.ascii } else { h.label }.to_string(), h.text));
        }
    }
    for b in KEYMAP.iter().filter(|b| b.context == C::Global) {
        let Some(h) = b.hint else { continue };
        let live: Vec<Pat> = b
            .keys
            .iter()
            .copied()
            .filter(|&p| {
                event_of(p).is_some_and(|e| {
                    binding_for(app, &e).is_some_and(|found| std::ptr::eq(found, b))
                })
            })
            .collect();
        if out.iter().any(|(_, text)| *text == h.text) {
            continue;
        }
        if live.len() == b.keys.len() {
            out.push((if ascii { h.ascii } else { h.label }.to_string(), h.text));
        } else if !live.is_empty() {
            let names: Vec<String> = live.into_iter().map(key_name).collect();
            out.push((names.join("/"), h.text));
        }
    }
    out
}

/// How many of [`hints`] come from the global context (they come last).
pub fn global_hint_count(app: &App) -> usize {
    let inner = contexts(app)[0];
    let inner_count = KEYMAP
        .iter()
        .filter(|b| b.context == inner && b.hint.is_some())
        .count();
    hints(app).len() - inner_count
}

/// One row of the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpRow {
    Blank,
    Heading(&'static str),
    Key(&'static str, &'static str),
}

/// Every binding, grouped by where it works: the help overlay's rows.
pub fn help_rows(ascii: bool) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for ctx in Context::ALL {
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(ctx.title()));
        for b in KEYMAP.iter().filter(|b| b.context == ctx) {
            rows.push(HelpRow::Key(b.label(ascii), b.help));
        }
    }
    rows
}

/// The action a terminal event asks for: a key through the keymap, or a resize.
pub fn action_for_event(app: &App, event: &ratatui::crossterm::event::Event) -> Option<Action> {
    use ratatui::crossterm::event::Event;
    match event {
        Event::Key(key) => action_for(app, key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}
