//! Kiosk mode: the interface on a shared terminal, used by one stranger after another.
//!
//! These are the settings, chosen at start-up (from `--kiosk` and the `kiosk` part of the
//! configuration). No key a person can type leaves kiosk mode but the staff exit; after
//! `idle` with no input a countdown asks "Still there?", and when it runs out the
//! interface starts over from the welcome screen with nothing of the person kept.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
