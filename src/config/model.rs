//! The settings as the program uses them: every value present, read from the embedded
//! default file and then changed by the user's patch (see `patch`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

use super::keys::KeyName;
use crate::app::kiosk::{Chord, KioskSettings};
use crate::app::rebind::{NAMES, Rebinding, pattern_of};
use crate::graph::fill::LocalServices;
use crate::ui::theme::ThemeName;

/// The default configuration, every setting with a comment; it is what
/// `symptom-explorer config default` prints.
pub const DEFAULT_FILE: &str = include_str!("default.ron");

/// Every setting, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Fills `{emergency_number}` in advice.
    pub emergency_number: String,
    /// Fill `{urgent_care}`, `{urgent_care_centre}` and `{pharmacy}` in advice.
    pub local_services: ServicesSetting,
    pub theme: ThemeName,
    pub color: ColorWhen,
    pub ascii: AsciiWhen,
    /// Take mouse clicks and the wheel.
    pub mouse: bool,
    /// Content packs added to the graph: files, or directories of `*.ron` files.
    pub packs: Vec<PathBuf>,
    pub kiosk: KioskConfig,
    /// Keys for actions, by the action's name (see `crate::app::rebind::NAMES`): each
    /// replaces that action's keys.
    pub keys: BTreeMap<String, Vec<KeyName>>,
}

/// The `local_services` part: the words for the services advice names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicesSetting {
    pub urgent_care: String,
    pub urgent_care_centre: String,
    pub pharmacy: String,
}

impl From<&ServicesSetting> for LocalServices {
    fn from(s: &ServicesSetting) -> Self {
        LocalServices {
            urgent_care: s.urgent_care.clone(),
            urgent_care_centre: s.urgent_care_centre.clone(),
            pharmacy: s.pharmacy.clone(),
        }
    }
}

/// The `kiosk` part, as written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskConfig {
    /// Start in kiosk mode (as `--kiosk` does).
    pub enabled: bool,
    pub idle_timeout_secs: u64,
    pub countdown_secs: u64,
    pub staff_exit: KeyName,
    pub staff_code: String,
}

impl Config {
    /// The embedded defaults. The file is checked by a test, so this cannot fail in a
    /// release.
    pub fn defaults() -> Config {
        super::patch::options()
            .from_str(DEFAULT_FILE)
            .expect("the embedded default configuration parses (checked by a test)")
    }

    /// The kiosk settings the interface runs with, when kiosk mode is on.
    pub fn kiosk_settings(&self) -> Option<KioskSettings> {
        let k = &self.kiosk;
        k.enabled.then(|| KioskSettings {
            idle: Duration::from_secs(k.idle_timeout_secs),
            countdown: Duration::from_secs(k.countdown_secs),
            staff_exit: k.staff_exit.0,
            staff_code: k.staff_code.clone(),
        })
    }

    /// The configured keys as the keymap takes them: every name the keymap knows and
    /// every key it can match (the others are reported by `validate`).
    pub fn rebinding(&self) -> Rebinding {
        self.keys
            .iter()
            .filter(|(name, _)| NAMES.contains(&name.as_str()))
            .map(|(name, keys)| {
                let patterns = keys.iter().filter_map(|k| pattern_of(k.0)).collect();
                (name.clone(), patterns)
            })
            .collect()
    }

    /// The staff exit key.
    pub fn staff_exit(&self) -> Chord {
        self.kiosk.staff_exit.0
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::defaults()
    }
}

/// A setting read from a word, with a did-you-mean for any other word.
fn word<T: Copy>(word: &str, all: &[(&'static str, T)], what: &str) -> Result<T, String> {
    if let Some((_, value)) = all.iter().find(|(name, _)| *name == word) {
        return Ok(*value);
    }
    let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
    let near = crate::graph::suggest::closest(word, names.iter().copied());
    let hint = match near.first() {
        Some(n) => format!(" (did you mean \"{n}\"?)"),
        None => format!(" (it is one of {})", names.join(", ")),
    };
    Err(format!("unknown {what} \"{}\"{hint}", word.escape_debug()))
}

/// When to use colour: `auto` follows `NO_COLOR`, `always` ignores it, `never` is plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(try_from = "String")]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    const WORDS: [(&'static str, ColorWhen); 3] = [
        ("auto", ColorWhen::Auto),
        ("always", ColorWhen::Always),
        ("never", ColorWhen::Never),
    ];

    /// Whether to colour, given whether `NO_COLOR` asks for none.
    pub fn wants_color(self, no_color: bool) -> bool {
        match self {
            ColorWhen::Auto => !no_color,
            ColorWhen::Always => true,
            ColorWhen::Never => false,
        }
    }
}

impl TryFrom<String> for ColorWhen {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        word(&text, &ColorWhen::WORDS, "colour choice")
    }
}

/// When to draw with ASCII only: `auto` follows the terminal and locale, `on` always,
/// `off` never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(try_from = "String")]
pub enum AsciiWhen {
    #[default]
    Auto,
    On,
    Off,
}

impl AsciiWhen {
    const WORDS: [(&'static str, AsciiWhen); 3] = [
        ("auto", AsciiWhen::Auto),
        ("on", AsciiWhen::On),
        ("off", AsciiWhen::Off),
    ];

    /// Whether to draw in ASCII, given what the terminal and locale suggest.
    pub fn wants_ascii(self, detected: bool) -> bool {
        match self {
            AsciiWhen::Auto => detected,
            AsciiWhen::On => true,
            AsciiWhen::Off => false,
        }
    }
}

impl TryFrom<String> for AsciiWhen {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        word(&text, &AsciiWhen::WORDS, "ascii choice")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::fill::LocalServices;

    #[test]
    fn the_embedded_defaults_parse_and_match_the_program_defaults() {
        let config = Config::defaults();
        assert_eq!(
            config.emergency_number,
            crate::graph::triage::DEFAULT_EMERGENCY_NUMBER
        );
        assert_eq!(
            LocalServices::from(&config.local_services),
            LocalServices::default()
        );
        assert_eq!(config.theme, ThemeName::Default);
        assert_eq!(
            (config.color, config.ascii),
            (ColorWhen::Auto, AsciiWhen::Auto)
        );
        assert!(config.mouse && config.packs.is_empty());
        assert!(!config.kiosk.enabled);
        assert_eq!(config.kiosk_settings(), None);
        let on = Config {
            kiosk: KioskConfig {
                enabled: true,
                ..config.kiosk.clone()
            },
            ..config
        };
        assert_eq!(on.kiosk_settings(), Some(KioskSettings::default()));
    }

    #[test]
    fn choices_follow_the_environment_only_on_auto() {
        assert!(ColorWhen::Auto.wants_color(false));
        assert!(!ColorWhen::Auto.wants_color(true));
        assert!(ColorWhen::Always.wants_color(true));
        assert!(!ColorWhen::Never.wants_color(false));
        assert!(AsciiWhen::Auto.wants_ascii(true));
        assert!(!AsciiWhen::Off.wants_ascii(true));
        assert!(AsciiWhen::On.wants_ascii(false));
        assert_eq!(
            ColorWhen::try_from("allways".to_string()).unwrap_err(),
            "unknown colour choice \"allways\" (did you mean \"always\"?)"
        );
    }
}
