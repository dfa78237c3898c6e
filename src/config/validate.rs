//! What a configuration must be beyond its syntax: kiosk times in range, a staff exit no
//! patient presses, and words that are safe to show. Each problem is placed at the
//! setting in the user's file (or the file itself when it does not name it).

use super::errors::locate_setting;
use super::keys::{key_name, patient_uses};
use super::model::Config;
use crate::app::rebind::{NAMES, conflicts, pattern_of};
use crate::graph::Diagnostic;
use crate::graph::controls::{describe, is_unsafe};
use crate::graph::suggest::closest;

/// The idle timeout allowed, in seconds.
pub const IDLE_RANGE: std::ops::RangeInclusive<u64> = 10..=3600;
/// The countdown allowed, in seconds (and less than the idle timeout).
pub const COUNTDOWN_RANGE: std::ops::RangeInclusive<u64> = 5..=300;

/// Every problem with a merged configuration; `text` is the user's file, to place them.
pub fn problems(config: &Config, file: &str, text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut error = |setting: &str, message: String| {
        found.push(Diagnostic::error(
            file,
            locate_setting(text, setting),
            message,
        ));
    };
    let words = [
        ("emergency_number", &config.emergency_number),
        ("urgent_care", &config.local_services.urgent_care),
        (
            "urgent_care_centre",
            &config.local_services.urgent_care_centre,
        ),
        ("pharmacy", &config.local_services.pharmacy),
        ("staff_code", &config.kiosk.staff_code),
    ];
    for (setting, words) in words {
        if words.trim().is_empty() {
            error(setting, format!("\"{setting}\" is empty"));
        } else if let Some(c) = words.chars().find(|&c| is_unsafe(c)) {
            error(
                setting,
                format!(
                    "\"{setting}\" has {} (a terminal would act on it)",
                    describe(c)
                ),
            );
        }
    }
    let k = &config.kiosk;
    if !IDLE_RANGE.contains(&k.idle_timeout_secs) {
        error(
            "idle_timeout_secs",
            format!(
                "the kiosk idle timeout is {} seconds; it must be {} to {}",
                k.idle_timeout_secs,
                IDLE_RANGE.start(),
                IDLE_RANGE.end()
            ),
        );
    }
    if !COUNTDOWN_RANGE.contains(&k.countdown_secs) {
        error(
            "countdown_secs",
            format!(
                "the kiosk countdown is {} seconds; it must be {} to {}",
                k.countdown_secs,
                COUNTDOWN_RANGE.start(),
                COUNTDOWN_RANGE.end()
            ),
        );
    } else if IDLE_RANGE.contains(&k.idle_timeout_secs) && k.countdown_secs >= k.idle_timeout_secs {
        error(
            "countdown_secs",
            format!(
                "the kiosk countdown ({} seconds) must be shorter than the idle timeout ({} seconds)",
                k.countdown_secs, k.idle_timeout_secs
            ),
        );
    }
    keys(config, &mut error);
    if patient_uses(k.staff_exit.0) {
        error(
            "staff_exit",
            format!(
                "the staff exit \"{}\" is a key a patient uses; choose one such as \"ctrl-]\" or \"f12\"",
                key_name(k.staff_exit.0)
            ),
        );
    }
    found
}

/// Key bindings: known action names, keys the keymap can match, no conflicts, and not
/// the kiosk's staff exit.
fn keys(config: &Config, error: &mut impl FnMut(&str, String)) {
    for (name, chords) in &config.keys {
        let place = format!("\"{name}\"");
        if !NAMES.contains(&name.as_str()) {
            let near = closest(name, NAMES);
            let hint = match near.first() {
                Some(n) => format!(" (did you mean \"{n}\"?)"),
                None => format!(" (the actions are {})", NAMES.join(", ")),
            };
            error(
                &place,
                format!("unknown action \"{}\" in keys{hint}", name.escape_debug()),
            );
            continue;
        }
        for chord in chords {
            if pattern_of(chord.0).is_none() {
                error(
                    &place,
                    format!(
                        "the key \"{}\" for \"{name}\" cannot be bound: use a key alone, shift with a character, or ctrl with a character",
                        key_name(chord.0)
                    ),
                );
            }
            // Checked whether or not the file turns kiosk mode on: `--kiosk` may.
            if chord.0 == config.kiosk.staff_exit.0 {
                error(
                    &place,
                    format!(
                        "the key \"{}\" for \"{name}\" is the kiosk's staff exit",
                        key_name(chord.0)
                    ),
                );
            }
        }
    }
    for conflict in conflicts(&config.rebinding()) {
        error(
            &format!("\"{}\"", conflict.name),
            format!(
                "the key \"{}\" for \"{}\" is already {} ({})",
                conflict.key, conflict.name, conflict.other, conflict.context
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::patch::ConfigPatch;

    fn check(text: &str) -> Vec<String> {
        let config = ConfigPatch::parse(text)
            .expect("parses")
            .apply(Config::defaults());
        problems(&config, "c.ron", text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn the_defaults_have_no_problem() {
        assert!(check("()").is_empty());
        assert!(check(crate::config::model::DEFAULT_FILE).is_empty());
    }

    #[test]
    fn kiosk_times_out_of_range_are_placed() {
        assert_eq!(
            check("(\n  kiosk: (idle_timeout_secs: 5),\n)"),
            ["c.ron:2:11: error: the kiosk idle timeout is 5 seconds; it must be 10 to 3600"]
        );
        assert_eq!(
            check("(kiosk: (countdown_secs: 301))"),
            ["c.ron:1:10: error: the kiosk countdown is 301 seconds; it must be 5 to 300"]
        );
        assert_eq!(
            check("(kiosk: (idle_timeout_secs: 30, countdown_secs: 30))"),
            [
                "c.ron:1:33: error: the kiosk countdown (30 seconds) must be shorter than the idle timeout (30 seconds)"
            ]
        );
    }

    #[test]
    fn a_staff_exit_or_code_a_patient_could_stumble_on_is_refused() {
        assert_eq!(
            check("(kiosk: (staff_exit: \"q\", staff_code: \" \"))"),
            [
                "c.ron:1:27: error: \"staff_code\" is empty",
                "c.ron:1:10: error: the staff exit \"q\" is a key a patient uses; choose one such as \"ctrl-]\" or \"f12\"",
            ]
        );
        assert!(check("(kiosk: (staff_exit: \"f12\"))").is_empty());
    }

    #[test]
    fn key_bindings_are_checked_by_name_key_and_conflict() {
        assert!(check(r#"(keys: {"quit": ["f10"], "help": ["f1", "?"]})"#).is_empty());
        assert_eq!(
            check("(\n  keys: {\n    \"quitt\": [\"x\"],\n  },\n)"),
            ["c.ron:3:5: error: unknown action \"quitt\" in keys (did you mean \"quit\"?)"]
        );
        assert_eq!(
            check(r#"(keys: {"undo": ["alt-u"]})"#),
            [
                "c.ron:1:9: error: the key \"alt-u\" for \"undo\" cannot be bound: use a key alone, shift with a character, or ctrl with a character"
            ]
        );
        assert_eq!(
            check(r#"(keys: {"search": ["?"]})"#),
            [
                "c.ron:1:9: error: the key \"?\" for \"search\" is already this help: the keys and what the words on screen mean (Anywhere)"
            ]
        );
        assert_eq!(
            check(r#"(kiosk: (enabled: false, staff_exit: "f12"), keys: {"help": ["f12"]})"#),
            ["c.ron:1:53: error: the key \"f12\" for \"help\" is the kiosk's staff exit"]
        );
    }

    #[test]
    fn words_shown_on_screen_must_be_safe() {
        assert_eq!(
            check("(emergency_number: \"999\\u{1b}[2J\")"),
            [
                "c.ron:1:2: error: \"emergency_number\" has a control character U+001B (escape) (a terminal would act on it)"
            ]
        );
    }
}
