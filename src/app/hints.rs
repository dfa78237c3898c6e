//! What the keymap shows: the status bar's hints for the keys that work now, and the
//! help overlay's list of every binding. Both come from the same tables as the keys.

use super::App;
use super::keymap::{Context, GLOBAL, Pat, binding_for, contexts, event_of, key_name};

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
    let mut out: Vec<ShownHint> = Vec::new();
    // Every context but the global one (which comes last when there is more than one).
    let inner = contexts.len().saturating_sub(1).max(1);
    for b in contexts[..inner].iter().flat_map(|c| c.keys()) {
        if let Some(h) = b.hint {
            out.push(ShownHint {
                key: if ascii { h.ascii } else { h.label }.to_string(),
                text: h.text,
                vital: h.vital,
                global: false,
            });
        }
    }
    if contexts.len() < 2 {
        return out;
    }
    for b in GLOBAL {
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
            if ascii { h.ascii } else { h.label }.to_string()
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

/// One row of the help overlay's key list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Blank,
    Heading(&'static str),
    /// The keys, written from their patterns, and what they do.
    Key(String, &'static str),
}

/// Every binding, grouped by where it works: the help overlay's rows. Without `saving`
/// (kiosk mode) the keys that write files are left out, as they are not bound.
pub fn help_rows(ascii: bool, saving: bool) -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for ctx in Context::ALL {
        if !saving && ctx == Context::SummarySave {
            continue;
        }
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(ctx.title()));
        for b in ctx.keys() {
            rows.push(HelpRow::Key(b.label(ascii), b.help));
        }
    }
    rows
}
