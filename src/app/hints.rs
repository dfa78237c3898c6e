//! What the keymap shows: the status bar's hints for the keys that work now, and the
//! help overlay's list of every binding. Both come from the same tables as the keys.

use super::Action;
use super::App;
use super::keymap::{Binding, Context, Does, Hint, Pat, binding_for, contexts, event_of, key_name};

/// One key hint of the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownHint {
    pub key: String,
    pub text: &'static str,
    pub vital: bool,
    /// From the global keys (they come last).
    pub global: bool,
}

/// The bindings to show in the status bar now: the inner context's, then the global
/// ones that an inner binding does not take over (in the search line `q` is a letter).
pub fn hints(app: &App) -> Vec<ShownHint> {
    let ascii = app.options.ascii;
    let contexts = contexts(app);
    let kiosk = app.kiosk.is_some();
    let mut out: Vec<ShownHint> = Vec::new();
    // Every context but the global one (which comes last when there is more than one).
    let inner = contexts.len().saturating_sub(1).max(1);
    for b in contexts[..inner].iter().flat_map(|c| c.keys()) {
        if kiosk && quits(b) {
            continue;
        }
        if let Some(h) = b.hint {
            out.push(ShownHint {
                key: hint_key(b, h, ascii),
                text: h.text,
                vital: h.vital,
                global: false,
            });
        }
    }
    if contexts.len() < 2 {
        return out;
    }
    for b in contexts[contexts.len() - 1].keys() {
        let Some(h) = b.hint else { continue };
        if out.iter().any(|s| s.text == h.text) {
            continue;
        }
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
        let key = if live.len() == b.keys.len() {
            hint_key(b, h, ascii)
        } else if !live.is_empty() {
            live.into_iter().map(key_name).collect::<Vec<_>>().join("/")
        } else {
            continue;
        };
        out.push(ShownHint {
            key,
            text: h.text,
            vital: h.vital,
            global: true,
        });
    }
    out
}

/// A binding that quits: a kiosk neither shows nor obeys it.
fn quits(b: &Binding) -> bool {
    matches!(b.does, Does::Act(Action::Quit | Action::QuitNow))
}

/// The keys a hint shows: its own label, or the configured keys when they were rebound.
fn hint_key(b: &Binding, h: Hint, ascii: bool) -> String {
    if b.rebound {
        b.label(ascii)
    } else {
        if ascii { h.ascii } else { h.label }.to_string()
    }
}

/// One row of the help overlay's key list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Blank,
    Heading(&'static str),
    /// The keys, written from their patterns, and what they do.
    Key(String, &'static str),
}

/// Every binding, grouped by where it works: the help overlay's rows. In kiosk mode the
/// kiosk's own keys stand for the global ones, and the keys that quit or write files are
/// left out, as they do nothing there.
pub fn help_rows(ascii: bool, kiosk: bool) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for ctx in Context::listed(kiosk) {
        if kiosk && ctx == Context::SummarySave {
            continue;
        }
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(ctx.title()));
        for b in ctx.keys().iter().filter(|b| !(kiosk && quits(b))) {
            rows.push(HelpRow::Key(b.label(ascii), b.help));
        }
    }
    rows
}
