//! A user's configuration file: a patch over the defaults. Every field is optional,
//! nested parts too, so a file lists only what it changes (as gitui's RON files do);
//! [`ConfigPatch::apply`] changes only what the patch names.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ron::extensions::Extensions;
use serde::Deserialize;

use super::keys::KeyName;
use super::model::{AsciiWhen, ColorWhen, Config};
use crate::ui::theme::ThemeName;

/// How deeply values may nest in a configuration file.
const MAX_NESTING: usize = 32;

/// RON as every configuration file is read: `Some` implied, so a patch writes values
/// plainly (`theme: "monochrome"`, not `theme: Some("monochrome")`).
pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// What a user's file may say; anything left out keeps its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigPatch {
    pub emergency_number: Option<String>,
    pub local_services: Option<ServicesPatch>,
    pub theme: Option<ThemeName>,
    pub color: Option<ColorWhen>,
    pub ascii: Option<AsciiWhen>,
    pub mouse: Option<bool>,
    pub packs: Option<Vec<PathBuf>>,
    pub kiosk: Option<KioskPatch>,
    /// Keys by action name: each named action's keys are replaced, the others kept.
    pub keys: Option<BTreeMap<String, Vec<KeyName>>>,
}

/// The `local_services` part of a patch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicesPatch {
    pub urgent_care: Option<String>,
    pub urgent_care_centre: Option<String>,
    pub pharmacy: Option<String>,
}

/// The `kiosk` part of a patch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskPatch {
    pub enabled: Option<bool>,
    pub idle_timeout_secs: Option<u64>,
    pub countdown_secs: Option<u64>,
    pub staff_exit: Option<KeyName>,
    pub staff_code: Option<String>,
}

/// Replace `into` with the patch's value, if it has one.
fn set<T>(into: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *into = value;
    }
}

impl ConfigPatch {
    /// Read a patch from RON text. A file with nothing but comments changes nothing.
    pub fn parse(text: &str) -> Result<ConfigPatch, ron::error::SpannedError> {
        options().from_str(text).or_else(|e| {
            let blank = text.lines().all(|line| {
                line.split("//")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .is_empty()
            });
            if blank {
                Ok(ConfigPatch::default())
            } else {
                Err(e)
            }
        })
    }

    /// The configuration with what this patch names changed, and nothing else.
    pub fn apply(self, mut config: Config) -> Config {
        set(&mut config.emergency_number, self.emergency_number);
        if let Some(s) = self.local_services {
            let to = &mut config.local_services;
            set(&mut to.urgent_care, s.urgent_care);
            set(&mut to.urgent_care_centre, s.urgent_care_centre);
            set(&mut to.pharmacy, s.pharmacy);
        }
        set(&mut config.theme, self.theme);
        set(&mut config.color, self.color);
        set(&mut config.ascii, self.ascii);
        set(&mut config.mouse, self.mouse);
        set(&mut config.packs, self.packs);
        if let Some(k) = self.kiosk {
            let to = &mut config.kiosk;
            set(&mut to.enabled, k.enabled);
            set(&mut to.idle_timeout_secs, k.idle_timeout_secs);
            set(&mut to.countdown_secs, k.countdown_secs);
            set(&mut to.staff_exit, k.staff_exit);
            set(&mut to.staff_code, k.staff_code);
        }
        config.keys.extend(self.keys.unwrap_or_default());
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_patch_changes_nothing() {
        let patch = ConfigPatch::parse("()").expect("parses");
        assert_eq!(patch.apply(Config::defaults()), Config::defaults());
        let patch = ConfigPatch::parse("// only a comment\n").expect("parses");
        assert_eq!(patch, ConfigPatch::default());
    }

    #[test]
    fn a_patch_changes_only_what_it_names_nested_too() {
        let text = r#"(
            emergency_number: "112",
            local_services: (pharmacy: "the chemist"),
            kiosk: (countdown_secs: 30),
            theme: "high-contrast",
        )"#;
        let patched = ConfigPatch::parse(text)
            .expect("parses")
            .apply(Config::defaults());
        let defaults = Config::defaults();
        assert_eq!(patched.emergency_number, "112");
        assert_eq!(patched.local_services.pharmacy, "the chemist");
        assert_eq!(
            patched.local_services.urgent_care,
            defaults.local_services.urgent_care
        );
        assert_eq!(patched.kiosk.countdown_secs, 30);
        assert_eq!(
            patched.kiosk.idle_timeout_secs,
            defaults.kiosk.idle_timeout_secs
        );
        assert_eq!(patched.kiosk.staff_code, defaults.kiosk.staff_code);
        assert_eq!(patched.theme, ThemeName::HighContrast);
        let rest = Config {
            emergency_number: defaults.emergency_number.clone(),
            local_services: defaults.local_services.clone(),
            kiosk: defaults.kiosk.clone(),
            theme: defaults.theme,
            ..patched
        };
        assert_eq!(rest, defaults, "nothing else changed");
    }

    #[test]
    fn keys_are_patched_by_name() {
        let first = ConfigPatch::parse(r#"(keys: {"quit": ["x"], "help": ["f2"]})"#)
            .expect("parses")
            .apply(Config::defaults());
        let second = ConfigPatch::parse(r#"(keys: {"help": ["f3"]})"#)
            .expect("parses")
            .apply(first);
        let written: Vec<(String, Vec<String>)> = second
            .keys
            .iter()
            .map(|(name, keys)| {
                let keys = keys
                    .iter()
                    .map(|k| super::super::keys::key_name(k.0))
                    .collect();
                (name.clone(), keys)
            })
            .collect();
        assert_eq!(
            written,
            [
                ("help".to_string(), vec!["f3".to_string()]),
                ("quit".to_string(), vec!["x".to_string()]),
            ]
        );
    }

    #[test]
    fn the_default_file_is_a_complete_patch() {
        // Applied over a configuration where everything differs, it gives the defaults.
        let mut other = Config::defaults();
        other.emergency_number = "x".into();
        other.local_services.urgent_care = "x".into();
        other.local_services.urgent_care_centre = "x".into();
        other.local_services.pharmacy = "x".into();
        other.theme = ThemeName::Monochrome;
        other.color = ColorWhen::Never;
        other.ascii = AsciiWhen::On;
        other.mouse = false;
        other.packs = vec!["x".into()];
        other.kiosk.enabled = true;
        other.kiosk.idle_timeout_secs = 1;
        other.kiosk.countdown_secs = 1;
        other.kiosk.staff_exit = KeyName(super::super::keys::parse_key("f1").unwrap());
        other.kiosk.staff_code = "x".into();
        other.keys.clear();
        let patch = ConfigPatch::parse(super::super::model::DEFAULT_FILE).expect("parses");
        assert_eq!(patch.apply(other), Config::defaults());
    }
}
