//! Key bindings replaced by name, from the configuration's `keys`: `"quit": ["x"]` gives
//! every binding that quits the keys `x` instead of its own, wherever it applies. The
//! tables stay where they are (`keymap`, each pane's `keys.rs`); a rebinding makes new
//! tables from them once, at start-up, so the lookups, the status bar's hints and the
//! help overlay all follow it. The modal contexts (this help, "quit?") keep their keys,
//! so there is always a known way out of them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::action::{Action, Dir};
use super::keymap::{Binding, Context, Does, Pat, event_of, key_label, matches};
use super::kiosk::Chord;
use crate::engine::Answer;

/// The keys for each named action that a configuration changes.
pub type Rebinding = BTreeMap<String, Vec<Pat>>;

/// Every action that can be rebound, by name, in the order the configuration lists them.
pub const NAMES: [&str; 30] = [
    "quit",
    "quit-now",
    "help",
    "next-pane",
    "previous-pane",
    "back",
    "search",
    "clear-search",
    "up",
    "down",
    "left",
    "right",
    "page-up",
    "page-down",
    "half-page-up",
    "half-page-down",
    "first",
    "last",
    "turn",
    "mark",
    "choose",
    "yes",
    "no",
    "not-sure",
    "tick",
    "confirm",
    "undo",
    "skip",
    "open",
    "detail-back",
];

/// The name of what a binding does, if it can be rebound.
pub fn action_name(does: &Does) -> Option<&'static str> {
    let Does::Act(action) = does else {
        return None;
    };
    Some(match action {
        Action::Quit => "quit",
        Action::QuitNow => "quit-now",
        Action::ToggleHelp => "help",
        Action::NextPane => "next-pane",
        Action::PrevPane => "previous-pane",
        Action::Back => "back",
        Action::OpenSearch => "search",
        Action::SearchClear => "clear-search",
        Action::Move(Dir::Up) => "up",
        Action::Move(Dir::Down) => "down",
        Action::Move(Dir::Left) => "left",
        Action::Move(Dir::Right) => "right",
        Action::PageUp => "page-up",
        Action::PageDown => "page-down",
        Action::HalfPageUp => "half-page-up",
        Action::HalfPageDown => "half-page-down",
        Action::Home => "first",
        Action::End => "last",
        Action::FlipView => "turn",
        Action::ToggleMark => "mark",
        Action::ChooseRegions => "choose",
        Action::Answer(Answer::Yes) => "yes",
        Action::Answer(Answer::No) => "no",
        Action::Answer(Answer::Unsure) => "not-sure",
        Action::Tick(None) => "tick",
        Action::ConfirmTicks => "confirm",
        Action::Undo => "undo",
        Action::SkipToCauses => "skip",
        Action::OpenDetail => "open",
        Action::DetailBack => "detail-back",
        _ => return None,
    })
}

/// Whether a context's bindings follow a rebinding: not the modal ones.
fn follows(ctx: Context) -> bool {
    !matches!(ctx, Context::Help | Context::Confirm)
}

/// The keys a binding has with a rebinding applied.
pub fn keys_of<'a>(ctx: Context, binding: &'a Binding, rebinding: &'a Rebinding) -> &'a [Pat] {
    if follows(ctx)
        && let Some(keys) = action_name(&binding.does).and_then(|name| rebinding.get(name))
    {
        return keys;
    }
    binding.keys
}

/// The pattern for a configured key, if the keymap can match it: a key with no modifier
/// (Shift only for a character), or Ctrl with a character.
pub fn pattern_of(chord: Chord) -> Option<Pat> {
    let mods = chord.modifiers;
    match chord.code {
        KeyCode::Char(c) if mods == KeyModifiers::CONTROL => {
            Some(Pat::Ctrl(c.to_ascii_lowercase()))
        }
        KeyCode::Char(c) if mods == KeyModifiers::SHIFT => {
            Some(Pat::Key(KeyCode::Char(c.to_ascii_uppercase())))
        }
        code if mods.is_empty() => Some(Pat::Key(code)),
        _ => None,
    }
}

/// Two actions on one key where a person would press it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The action whose configured keys take the key.
    pub name: &'static str,
    /// The key, as the help writes it.
    pub key: String,
    /// What the other binding does, as the help says it.
    pub other: &'static str,
    /// Where they meet.
    pub context: &'static str,
}

/// The conflicts a rebinding makes: a key it gives an action that another action has in
/// the same context, or in a context and the global one. Only keys the rebinding adds are
/// checked (the defaults' own overlaps, such as Esc in the detail view, are by design),
/// and typing in the search line is not a conflict.
pub fn conflicts(rebinding: &Rebinding) -> Vec<Conflict> {
    let mut found: Vec<Conflict> = Vec::new();
    for ctx in Context::EVERY.into_iter().filter(|&c| follows(c)) {
        for binding in ctx.default_keys() {
            let Some(name) = action_name(&binding.does) else {
                continue;
            };
            if !rebinding.contains_key(name) {
                continue;
            }
            for &pat in keys_of(ctx, binding, rebinding) {
                if binding.keys.contains(&pat) {
                    continue;
                }
                let Some(event) = event_of(pat) else { continue };
                // The keys that work anywhere meet every pane's; in kiosk mode its own
                // table stands for the global one.
                let places: Vec<Context> = if matches!(ctx, Context::Global | Context::Kiosk) {
                    Context::EVERY.into_iter().filter(|&c| follows(c)).collect()
                } else {
                    vec![ctx, Context::Global, Context::Kiosk]
                };
                for place in places {
                    for other in place.default_keys() {
                        if other.does == binding.does {
                            continue;
                        }
                        let takes = keys_of(place, other, rebinding)
                            .iter()
                            .any(|&q| q != Pat::Edit && matches(q, &event));
                        let conflict = Conflict {
                            name,
                            key: key_label(pat, true),
                            other: other.help,
                            context: place.title(),
                        };
                        if takes && !found.contains(&conflict) {
                            found.push(conflict);
                        }
                    }
                }
            }
        }
    }
    found
}

/// The tables with the rebinding in force, once it is installed.
static REBOUND: OnceLock<Vec<&'static [Binding]>> = OnceLock::new();

/// Use this rebinding from now on (once, at start-up; a second call changes nothing).
/// The new tables live as long as the program, as the built-in ones do.
pub fn install(rebinding: &Rebinding) {
    if rebinding.is_empty() || REBOUND.get().is_some() {
        return;
    }
    let tables = tables(rebinding)
        .into_iter()
        .map(|table| &*Vec::leak(table))
        .collect();
    let _ = REBOUND.set(tables);
}

/// Every context's table with a rebinding applied, in the order of [`Context::EVERY`]; a binding
/// whose keys it changes is marked `rebound`.
fn tables(rebinding: &Rebinding) -> Vec<Vec<Binding>> {
    Context::EVERY
        .into_iter()
        .map(|ctx| {
            ctx.default_keys()
                .iter()
                .map(|binding| {
                    let keys = keys_of(ctx, binding, rebinding);
                    if std::ptr::eq(keys, binding.keys) {
                        return binding.clone();
                    }
                    Binding {
                        keys: Vec::leak(keys.to_vec()),
                        rebound: true,
                        ..binding.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// This context's table with the rebinding in force, if one is installed.
pub(super) fn table(ctx: Context) -> Option<&'static [Binding]> {
    REBOUND.get().map(|tables| tables[ctx as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_context_has_its_table_in_order_kiosk_included() {
        for (i, ctx) in Context::EVERY.into_iter().enumerate() {
            assert_eq!(ctx as usize, i, "{ctx:?}");
        }
        let f2 = Pat::Key(KeyCode::F(2));
        let tables = tables(&rebinding(&[("help", &[f2])]));
        assert_eq!(tables.len(), Context::EVERY.len());
        let kiosk = &tables[Context::Kiosk as usize];
        let help = kiosk
            .iter()
            .find(|b| b.does == Does::Act(Action::ToggleHelp))
            .expect("the kiosk has help");
        assert_eq!(help.keys, [f2], "a rebinding reaches the kiosk's keys too");
    }

    fn rebinding(pairs: &[(&str, &[Pat])]) -> Rebinding {
        pairs
            .iter()
            .map(|(name, keys)| ((*name).to_string(), keys.to_vec()))
            .collect()
    }

    #[test]
    fn every_name_is_some_binding_and_every_rebindable_binding_has_a_listed_name() {
        let mut used = Vec::new();
        for ctx in Context::EVERY {
            for b in ctx.default_keys() {
                if let Some(name) = action_name(&b.does) {
                    assert!(NAMES.contains(&name), "{name} is not listed");
                    used.push(name);
                }
            }
        }
        for name in NAMES {
            assert!(used.contains(&name), "{name} has no binding");
        }
    }

    #[test]
    fn a_rebinding_replaces_the_keys_wherever_the_action_is_bound() {
        let x = Pat::Key(KeyCode::Char('x'));
        let r = rebinding(&[("quit", &[x])]);
        let quit = Context::Global
            .default_keys()
            .iter()
            .find(|b| b.does == Does::Act(Action::Quit))
            .expect("a quit binding");
        assert_eq!(keys_of(Context::Global, quit, &r), [x]);
        let in_help = Context::Help
            .default_keys()
            .iter()
            .find(|b| b.does == Does::Act(Action::Quit))
            .expect("quit in the help");
        assert_eq!(
            keys_of(Context::Help, in_help, &r),
            in_help.keys,
            "the help keeps its keys"
        );
    }

    #[test]
    fn conflicts_are_found_in_a_context_and_against_the_global_keys() {
        assert!(conflicts(&Rebinding::new()).is_empty());
        // "?" is already help, anywhere.
        let r = rebinding(&[("search", &[Pat::Key(KeyCode::Char('?'))])]);
        assert_eq!(
            conflicts(&r),
            [Conflict {
                name: "search",
                key: "?".into(),
                other: "this help: the keys and what the words on screen mean",
                context: "Anywhere",
            }]
        );
        // A letter for a global action is taken by the body map's jump-to-letter.
        let r = rebinding(&[("quit", &[Pat::Key(KeyCode::Char('x'))])]);
        let found = conflicts(&r);
        assert!(
            found
                .iter()
                .any(|c| c.context == "Body map" && c.other.starts_with("jump to a region")),
            "{found:?}"
        );
        // Keys no other action uses are fine, as is keeping a default key.
        let r = rebinding(&[("help", &[Pat::Key(KeyCode::F(1)), Pat::Key(KeyCode::F(3))])]);
        assert!(conflicts(&r).is_empty(), "{:?}", conflicts(&r));
        // Two rebound actions on one key.
        let f5 = Pat::Key(KeyCode::F(5));
        let r = rebinding(&[("undo", &[f5]), ("skip", &[f5])]);
        assert!(!conflicts(&r).is_empty());
    }

    #[test]
    fn the_rebound_tables_label_the_new_keys() {
        let r = rebinding(&[("help", &[Pat::Key(KeyCode::F(2))])]);
        let tables = tables(&r);
        let global = &tables[Context::Global as usize];
        let help = global
            .iter()
            .find(|b| b.does == Does::Act(Action::ToggleHelp))
            .expect("help");
        assert!(help.rebound);
        assert_eq!(
            help.label(false),
            "F2",
            "the help overlay writes the new key"
        );
        let quit = global
            .iter()
            .find(|b| b.does == Does::Act(Action::Quit))
            .expect("quit");
        assert!(!quit.rebound);
        assert_eq!(quit.label(false), "q");
        let modal = &tables[Context::Help as usize];
        assert!(modal.iter().all(|b| !b.rebound), "the help keeps its keys");
    }

    #[test]
    fn the_default_configuration_lists_every_action() {
        let listed = crate::config::DEFAULT_FILE;
        for name in NAMES {
            assert!(
                listed.contains(&format!(" {name},")) || listed.contains(&format!(" {name}.")),
                "{name}"
            );
        }
    }

    #[test]
    fn configured_keys_become_patterns() {
        let chord = |code, modifiers| Chord { code, modifiers };
        assert_eq!(
            pattern_of(chord(KeyCode::Char('X'), KeyModifiers::CONTROL)),
            Some(Pat::Ctrl('x'))
        );
        assert_eq!(
            pattern_of(chord(KeyCode::Char('g'), KeyModifiers::SHIFT)),
            Some(Pat::Key(KeyCode::Char('G')))
        );
        assert_eq!(
            pattern_of(chord(KeyCode::F(2), KeyModifiers::NONE)),
            Some(Pat::Key(KeyCode::F(2)))
        );
        assert_eq!(
            pattern_of(chord(KeyCode::Char('x'), KeyModifiers::ALT)),
            None
        );
        assert_eq!(
            pattern_of(chord(KeyCode::F(2), KeyModifiers::CONTROL)),
            None
        );
    }
}
