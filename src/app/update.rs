//! The one function that changes the interface's state: it handles what concerns the
//! whole interface (quit, help, focus, size) and hands the rest to the focused pane,
//! then carries out the effect the pane asks for.

use super::{Action, App, Pane, kiosk};
use crate::panes::Effect;
use crate::panes::detail::DetailPane;
use crate::panes::help::HelpPane;

pub fn update(app: &mut App, action: Action) {
    if action == Action::Searched {
        // Not a key: whatever the status bar says stays.
        if app.session.collect() {
            app.causes.sync(&app.session);
        }
        return;
    }
    app.message = None;
    if app.kiosk.is_some() {
        match action {
            // Whatever asks to quit, a kiosk stays open: only the staff exit ends it.
            Action::Quit | Action::QuitNow => return kiosk::update(app, Action::KioskStays),
            Action::Idle(idle) => {
                kiosk::on_idle(app, idle);
                return;
            }
            Action::Begin
            | Action::StillHere
            | Action::StartOver
            | Action::KioskStays
            | Action::StaffOpen
            | Action::StaffKey(_)
            | Action::StaffErase
            | Action::StaffSubmit
            | Action::StaffCancel => return kiosk::update(app, action),
            _ => {}
        }
    }
    let effect = match action {
        Action::Quit if app.session.is_started() && !app.confirm_quit => {
            app.confirm_quit = true;
            Effect::None
        }
        Action::Quit | Action::QuitNow => {
            app.quit = true;
            Effect::None
        }
        Action::StayOpen => {
            app.confirm_quit = false;
            Effect::None
        }
        Action::Resize(w, h) => {
            app.size = (w, h);
            Effect::None
        }
        Action::ToggleHelp => {
            app.help = match app.help {
                Some(_) => None,
                None => Some(HelpPane::new(app.kiosk.is_some())),
            };
            Effect::None
        }
        action if app.help.is_some() => match action {
            Action::Back => {
                app.help = None;
                Effect::None
            }
            other => app.help.as_mut().map_or(Effect::None, |h| h.update(other)),
        },
        Action::NextPane => cycle(app, true),
        Action::PrevPane => cycle(app, false),
        Action::FocusPane(pane) => focus(app, pane),
        Action::OpenSummary => focus(app, Pane::Summary),
        // Nothing is ever written in kiosk mode (the key is not bound there either).
        Action::SaveSummary => match &app.options.save_dir {
            Some(dir) if app.can_save() => Effect::Say(app.summary.save(&app.session, dir)),
            _ => Effect::None,
        },
        Action::OpenSearch => {
            app.causes.open_search();
            focus(app, Pane::Causes)
        }
        Action::Back if app.pane == Pane::Questions && app.questions.cursor.is_none() => {
            focus(app, Pane::Body)
        }
        Action::Back if app.pane == Pane::Body => Effect::None,
        other => route(app, other),
    };
    apply(app, effect);
    if let Some(sink) = &app.options.summary_sink {
        sink.keep(&app.session);
    }
}

/// Hand an action to the focused pane.
fn route(app: &mut App, action: Action) -> Effect {
    let session = &mut app.session;
    let effect = match app.pane {
        Pane::Body => app.body.update(action, session),
        Pane::Questions => app.questions.update(action, session),
        Pane::Causes => app.causes.update(action, session),
        Pane::Detail => match app.detail.as_mut() {
            Some(d) => d.update(action, session),
            None => Effect::Focus(Pane::Causes),
        },
        Pane::Summary => app.summary.update(action),
    };
    // Answers, regions and searches change the session: every pane follows.
    app.questions.sync(&app.session);
    app.causes.sync(&app.session);
    effect
}

fn apply(app: &mut App, effect: Effect) {
    match effect {
        Effect::None => {}
        Effect::Focus(pane) => {
            focus(app, pane);
        }
        Effect::Say(words) => app.message = Some(words),
        Effect::FocusAndSay(pane, words) => {
            focus(app, pane);
            app.message = Some(words);
        }
        Effect::Open { cause, trail } => {
            match app.detail.as_mut() {
                Some(d) if trail => d.follow(cause),
                _ => app.detail = Some(DetailPane::new(cause)),
            }
            app.causes.editing = false;
            app.pane = Pane::Detail;
        }
        Effect::CloseDetail => {
            app.detail = None;
            app.pane = Pane::Causes;
        }
    }
}

fn focus(app: &mut App, pane: Pane) -> Effect {
    if pane != Pane::Causes {
        app.causes.editing = false;
    }
    if pane == Pane::Detail && app.detail.is_none() {
        return Effect::None;
    }
    if pane == Pane::Summary && app.pane != Pane::Summary {
        app.summary.open(app.pane);
    }
    app.pane = pane;
    Effect::None
}

fn cycle(app: &mut App, forward: bool) -> Effect {
    let panes = app.panes();
    let at = panes.iter().position(|&p| p == app.pane).unwrap_or(0);
    let n = panes.len();
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    focus(app, panes[next])
}
