//! The interface's state and the one place that routes actions. The person's answers and
//! what follows from them live in a [`Session`]; each pane's own state, keys and drawing
//! live in `crate::panes`. No drawing here.
//!
//! Data flows one way: key -> [`keymap::action_for`] -> [`Action`] -> [`update`] -> state.

pub mod action;
pub mod hints;
pub mod keymap;
pub mod kiosk;
pub mod layout;
pub mod mouse;
pub mod rebind;
pub mod search_worker;
pub mod session;
mod update;

#[cfg(test)]
pub(crate) mod tests;

pub use action::{Action, Dir};
pub use session::Session;
pub use update::update;

use crate::graph::Graph;
use crate::graph::fill::{LocalServices, LocalWords};
use crate::graph::triage::DEFAULT_EMERGENCY_NUMBER;
use crate::panes::body::BodyPane;
use crate::panes::causes::CausesPane;
use crate::panes::detail::DetailPane;
use crate::panes::help::HelpPane;
use crate::panes::questions::QuestionsPane;
use crate::panes::summary::SummaryPane;
use crate::ui::theme::ThemeName;

/// How the interface looks; chosen at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// ASCII borders, figure and text only (`--ascii`, the `ascii` setting, TERM=linux,
    /// non-UTF-8 locales).
    pub ascii: bool,
    /// Named colours; off with `--color never`, the `color` setting, or `NO_COLOR` (unless
    /// `--color always`).
    pub color: bool,
    /// Fills `{emergency_number}` in content text.
    pub emergency_number: String,
    /// Fill `{urgent_care}`, `{urgent_care_centre}` and `{pharmacy}` in content text.
    pub local_services: LocalServices,
    /// The colour scheme (the `theme` setting); no colour at all when `color` is false.
    pub theme: ThemeName,
    /// Ask every question on the path (`--all-questions`), not only those whose answer can
    /// still change the advice or the top causes.
    pub all_questions: bool,
    /// Take mouse clicks and the wheel (off with `--no-mouse`, so text can be selected).
    pub mouse: bool,
    /// Make web addresses hyperlinks the terminal can follow (OSC 8); off with `--ascii`.
    pub hyperlinks: bool,
    /// Kiosk mode (`--kiosk`): no way out but the staff exit, and a reset when idle.
    pub kiosk: Option<kiosk::KioskSettings>,
    /// Where the summary pane's save key writes: the current folder when the program runs
    /// the interface. `None` (kiosk mode, tests) leaves the key unbound.
    pub save_dir: Option<std::path::PathBuf>,
    /// Keep the latest summary here for `--save FILE` (never set in kiosk mode).
    pub summary_sink: Option<crate::summary::sink::SummarySink>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ascii: false,
            color: true,
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_string(),
            local_services: LocalServices::default(),
            theme: ThemeName::default(),
            all_questions: false,
            mouse: true,
            hyperlinks: false,
            kiosk: None,
            save_dir: None,
            summary_sink: None,
        }
    }
}

/// The panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Body,
    Questions,
    Causes,
    Detail,
    /// What the person told the program and what it made of it, to take away.
    Summary,
}

impl Pane {
    pub fn title(self) -> &'static str {
        match self {
            Pane::Body => "Where it hurts",
            Pane::Questions => "Questions",
            Pane::Causes => "Possible causes",
            Pane::Detail => "Detail",
            Pane::Summary => crate::panes::summary::view::TITLE,
        }
    }
    /// The short name used on tabs.
    pub fn tab(self) -> &'static str {
        match self {
            Pane::Body => "Body",
            Pane::Questions => "Questions",
            Pane::Causes => "Causes",
            Pane::Detail => "Detail",
            Pane::Summary => "Summary",
        }
    }
}

pub struct App {
    pub options: Options,
    pub session: Session,
    /// Terminal size, from the last resize.
    pub size: (u16, u16),
    /// The focused pane.
    pub pane: Pane,
    pub body: BodyPane,
    pub questions: QuestionsPane,
    pub causes: CausesPane,
    /// Open while a cause is shown.
    pub detail: Option<DetailPane>,
    /// The summary to take away.
    pub summary: SummaryPane,
    /// The help overlay, while open.
    pub help: Option<HelpPane>,
    /// "Quit and lose your answers?" is being asked.
    pub confirm_quit: bool,
    pub quit: bool,
    /// A one-off hint shown in the status bar until the next key.
    pub message: Option<String>,
    /// Kiosk mode's state (welcome screen, countdown, staff prompt); `None` outside it.
    pub kiosk: Option<kiosk::KioskState>,
}

impl App {
    pub fn new(mut graph: Graph, mut options: Options) -> App {
        graph.fill_local_words(LocalWords {
            emergency_number: &options.emergency_number,
            services: &options.local_services,
        });
        // Nothing is ever written on a kiosk, and no link is drawn (a link followed there
        // would start a browser: an external program), whatever else the options say.
        if options.kiosk.is_some() {
            options.hyperlinks = false;
            options.save_dir = None;
            options.summary_sink = None;
        }
        let kiosk = options.kiosk.clone().map(kiosk::KioskState::new);
        let body = BodyPane::new(&graph);
        let session = Session::new(graph, !options.all_questions);
        if let Some(sink) = &options.summary_sink {
            sink.keep(&session);
        }
        App {
            options,
            session,
            size: (80, 24),
            pane: Pane::Body,
            body,
            questions: QuestionsPane::default(),
            causes: CausesPane::default(),
            detail: None,
            summary: SummaryPane::default(),
            help: None,
            confirm_quit: false,
            quit: false,
            message: None,
            kiosk,
        }
    }

    /// The panes in Tab order: the detail pane only while a cause is open, the summary
    /// last.
    pub fn panes(&self) -> Vec<Pane> {
        let mut panes = vec![Pane::Body, Pane::Questions, Pane::Causes];
        if self.detail.is_some() {
            panes.push(Pane::Detail);
        }
        panes.push(Pane::Summary);
        panes
    }

    /// Whether the summary can be saved from the interface: never in kiosk mode, and only
    /// where a folder to save in is set.
    pub fn can_save(&self) -> bool {
        self.options.kiosk.is_none() && self.options.save_dir.is_some()
    }

    /// The web addresses on screen after the last draw, to be made hyperlinks (OSC 8) by
    /// the terminal loop: none when an overlay covers the screen or hyperlinks are off.
    pub fn links_on_screen(&self) -> Vec<crate::panes::detail::Link> {
        let shown = layout::Layout::of(self).is_some_and(|l| l.rect(Pane::Detail).is_some());
        if !self.options.hyperlinks || !shown || self.help.is_some() || self.confirm_quit {
            return Vec::new();
        }
        self.detail
            .as_ref()
            .map(|d| d.links.borrow().clone())
            .unwrap_or_default()
    }

    /// The red-flag banner wrapped to a width, at most `max` lines (the last one cut with
    /// "...").
    pub fn banner_lines(&self, width: u16, max: usize) -> Vec<String> {
        let Some(text) = self.session.banner() else {
            return Vec::new();
        };
        let width = usize::from(width.max(8)) - 2;
        let mut lines: Vec<String> = textwrap::wrap(&text, width)
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect();
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                let keep = width.saturating_sub(3);
                let cut: String = last.chars().take(keep).collect();
                *last = format!("{cut}...");
            }
        }
        lines
    }
}

/// The actions a terminal event asks for: a key through the keymap, a click or the wheel,
/// a paste into the search line, or a resize.
pub fn actions_for(app: &App, event: &ratatui::crossterm::event::Event) -> Vec<Action> {
    use ratatui::crossterm::event::Event;
    match event {
        Event::Key(key) => app
            .kiosk
            .as_ref()
            .and_then(|k| kiosk::key_actions(k, key))
            .unwrap_or_else(|| keymap::action_for(app, key).into_iter().collect()),
        Event::Mouse(mouse) => mouse::actions(app, mouse),
        Event::Paste(_) if app.kiosk.as_ref().and_then(kiosk::modal).is_some() => app
            .kiosk
            .as_ref()
            .and_then(kiosk::modal)
            .into_iter()
            .collect(),
        Event::Paste(text) if !app.confirm_quit && app.help.is_none() => {
            vec![Action::OpenSearch, Action::Paste(text.clone())]
        }
        Event::Resize(w, h) => vec![Action::Resize(*w, *h)],
        _ => Vec::new(),
    }
}
