//! A configuration file that cannot be used, said as `FILE:LINE:COL: error: ...` (the
//! graph's diagnostics, `crate::graph::Diagnostic`), with a did-you-mean for unknown
//! setting names and values.

use ron::error::{Error, SpannedError};

use crate::graph::Diagnostic;
use crate::graph::suggest::closest;

/// A RON error in a configuration file, in plain words at its line and column.
pub fn from_ron(file: &str, text: &str, e: &SpannedError) -> Diagnostic {
    let (line, mut col) = (e.span.start.line, e.span.start.col);
    let message = match &e.code {
        Error::NoSuchStructField {
            expected, found, ..
        } => unknown("setting", found, expected),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => unknown("value", found, expected),
        Error::DuplicateStructField { field, .. } => {
            format!("the setting \"{field}\" is given twice")
        }
        Error::ExceededRecursionLimit => "nested too deeply".to_string(),
        Error::Message(message) => {
            // A value its type rejected (an unknown theme, a bad key name) is reported
            // from inside its quotes: point at the opening quote.
            if let Some(open) = string_start(text, line, col) {
                col = open;
            }
            message.clone()
        }
        code => code.to_string(),
    };
    Diagnostic::error(file, (line, col), message)
}

/// `unknown setting "thme" (did you mean "theme"?)`, or the list of what there is.
fn unknown(what: &str, found: &str, expected: &[&str]) -> String {
    let near = closest(found, expected.iter().copied());
    let hint = match near.first() {
        Some(n) => format!(" (did you mean \"{n}\"?)"),
        None if expected.is_empty() => String::new(),
        None => format!(" (here the {what}s are {})", expected.join(", ")),
    };
    format!("unknown {what} \"{}\"{hint}", found.escape_debug())
}

/// The 1-based column of the opening quote of the last string that starts before this
/// 1-based line and column, if there is one on that line.
fn string_start(text: &str, line: usize, col: usize) -> Option<usize> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let (mut inside, mut escaped, mut open) = (false, false, None);
    for (index, c) in row.chars().enumerate().take(col.saturating_sub(1)) {
        match c {
            _ if escaped => escaped = false,
            '\\' if inside => escaped = true,
            '"' if inside => inside = false,
            '"' => {
                inside = true;
                open = Some(index + 1);
            }
            _ => {}
        }
    }
    open
}

/// The 1-based line and column where a setting is written (`name:` outside comments and
/// strings), or (0, 0) when the file does not name it.
pub fn locate_setting(text: &str, name: &str) -> (usize, usize) {
    for (index, row) in text.lines().enumerate() {
        let code = row.split("//").next().unwrap_or_default();
        let mut search = 0;
        while let Some(found) = code[search..].find(name) {
            let at = search + found;
            let before_ok = code[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '"'));
            let after = code[at + name.len()..].trim_start();
            if before_ok && after.starts_with(':') {
                return (index + 1, code[..at].chars().count() + 1);
            }
            search = at + name.len();
        }
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::patch::ConfigPatch;

    fn error(text: &str) -> String {
        let e = ConfigPatch::parse(text).expect_err("an error");
        from_ron("config.ron", text, &e).to_string()
    }

    #[test]
    fn a_syntax_error_has_its_line_and_column() {
        let text = "(\n    theme: \"default\"\n    mouse: false,\n)";
        let message = error(text);
        assert!(message.starts_with("config.ron:3:5: error: "), "{message}");
    }

    #[test]
    fn an_unknown_setting_says_what_was_meant() {
        assert_eq!(
            error("(\n  thme: \"monochrome\",\n)"),
            "config.ron:2:3: error: unknown setting \"thme\" (did you mean \"theme\"?)"
        );
        assert_eq!(
            error("(kiosk: (idle_timeout: 30))"),
            "config.ron:1:10: error: unknown setting \"idle_timeout\" (did you mean \"idle_timeout_secs\"?)"
        );
        let far = error("(zzz: 1)");
        assert!(
            far.contains("here the settings are emergency_number, "),
            "{far}"
        );
    }

    #[test]
    fn a_bad_value_is_pointed_at_with_what_was_meant() {
        assert_eq!(
            error("(\n  theme: \"hihg-contrast\",\n)"),
            "config.ron:2:10: error: unknown theme \"hihg-contrast\" (did you mean \"high-contrast\"?)"
        );
        assert_eq!(
            error("(color: \"sometimes\")"),
            "config.ron:1:9: error: unknown colour choice \"sometimes\" (it is one of auto, always, never)"
        );
        assert_eq!(
            error("(kiosk: (staff_exit: \"ctrl-entr\"))"),
            "config.ron:1:22: error: unknown key \"ctrl-entr\" (did you mean \"enter\"?)"
        );
        let wrong_type = error("(mouse: \"yes\")");
        assert!(wrong_type.starts_with("config.ron:1:"), "{wrong_type}");
    }

    #[test]
    fn settings_are_found_outside_comments() {
        let text = "// countdown_secs: 1\n(\n  kiosk: ( countdown_secs: 2 ),\n)";
        assert_eq!(locate_setting(text, "countdown_secs"), (3, 12));
        assert_eq!(locate_setting(text, "idle_timeout_secs"), (0, 0));
    }
}
