//! Running `symptom-explorer` with no command: the terminal interface.
//!
//! It needs a terminal on standard output; otherwise it says so and points at the
//! lookup commands (exit 2). ASCII drawing is picked by `--ascii` or the `ascii` setting,
//! or automatically where the locale is not UTF-8 or the terminal is a Linux console or
//! a VT100; colour by `--color`, the `color` setting and `NO_COLOR`.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::load::load;
use super::output::error_line;
use super::{Failure, Globals, finish};
use crate::app::Options;
use crate::config::Config;
use crate::graph::fill::LocalServices;
use crate::summary::sink::SummarySink;
use crate::tui::{self, Exit};

pub fn run(globals: &Globals) -> ExitCode {
    // A file the summary cannot be saved to is refused before anything is asked.
    if let Err(failure) = save::check(globals.save.as_deref()) {
        return finish(Err(failure));
    }
    if !std::io::stdout().is_terminal() {
        if globals.json {
            let first = NOT_A_TERMINAL.lines().next().unwrap_or_default();
            let message = first.strip_prefix("error: ").unwrap_or(first);
            super::json_error::JsonError::new("usage", message).print();
        } else {
            error_line(NOT_A_TERMINAL);
        }
        return ExitCode::from(2);
    }
    let graph = match load(globals) {
        Ok(graph) => graph,
        Err(failure) => return finish(Err(failure)),
    };
    let mut options = options_for(&globals.config, globals.all_questions, |key: &str| {
        std::env::var(key).ok()
    });
    crate::app::rebind::install(&globals.config.rebinding());
    // The summary pane's save key writes in the current folder (never on a kiosk), and
    // says the whole path.
    if options.kiosk.is_none() {
        options.save_dir = std::env::current_dir().ok();
    }
    if globals.save.is_some() && options.kiosk.is_some() {
        return finish(Err(Failure::Usage(save::NOT_IN_KIOSK.to_string())));
    }
    let sink = globals.save.as_ref().map(|_| SummarySink::default());
    options.summary_sink.clone_from(&sink);
    let ended = tui::run(graph, options);
    // However the interface ended, the answers are saved if asked (the terminal is back
    // to normal by now, so the message can be read).
    let saved = match (&globals.save, &sink) {
        (Some(path), Some(sink)) => save::write_latest(path, sink),
        _ => Ok(()),
    };
    let code = match ended {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(sig)) => ExitCode::from(128u8.saturating_add(sig as u8)),
        Err(e) => {
            error_line(&format!("error: the terminal failed: {e}"));
            ExitCode::FAILURE
        }
    };
    match saved {
        Ok(()) => code,
        Err(failure) => finish(Err(failure)),
    }
}

/// `--save FILE`: checked before the interface starts, written when it ends.
mod save {
    use std::path::Path;

    use crate::cli::Failure;
    use crate::cli::output::error_line;
    use crate::summary::Stamp;
    use crate::summary::save::{BAD_EXTENSION, Format, write};
    use crate::summary::sink::SummarySink;

    pub const NOT_IN_KIOSK: &str =
        "--save cannot be used in kiosk mode: nothing is written on a shared kiosk";

    /// A usage error unless the file's extension names a format and its folder exists.
    pub fn check(path: Option<&Path>) -> Result<(), Failure> {
        let Some(path) = path else {
            return Ok(());
        };
        if Format::of_path(path).is_none() {
            return Err(Failure::Usage(format!(
                "{BAD_EXTENSION}, not \"{}\"",
                path.display()
            )));
        }
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            return Err(Failure::Usage(format!(
                "--save: the folder {} does not exist",
                folder.display()
            )));
        }
        if path.is_dir() {
            return Err(Failure::Usage(format!(
                "--save: {} is a folder, not a file",
                path.display()
            )));
        }
        Ok(())
    }

    /// Write the latest summary to the file, and say where on standard error.
    pub fn write_latest(path: &Path, sink: &SummarySink) -> Result<(), Failure> {
        let Some(summary) = sink.latest(Stamp::now()) else {
            return Ok(());
        };
        write(path, &summary).map_err(Failure::Io)?;
        error_line(&format!("The summary is saved in {}", path.display()));
        Ok(())
    }
}

const NOT_A_TERMINAL: &str = "error: the interactive interface needs a terminal, and standard \
output is not one.
Use the lookups instead, for example:
  symptom-explorer search sciatica
  symptom-explorer show sciatica
  symptom-explorer rank --region lower-back
See `symptom-explorer --help` for every command.";

/// The interface's options from the configuration in force (the command line already
/// applied over it) and the environment.
pub fn options_for(
    config: &Config,
    all_questions: bool,
    env: impl Fn(&str) -> Option<String>,
) -> Options {
    let ascii = config.ascii.wants_ascii(wants_ascii(&env));
    Options {
        ascii,
        color: config.color.wants_color(wants_no_color(&env)),
        emergency_number: config.emergency_number.clone(),
        local_services: LocalServices::from(&config.local_services),
        theme: config.theme,
        all_questions,
        mouse: config.mouse,
        hyperlinks: !ascii,
        kiosk: config.kiosk_settings(),
        save_dir: None,
        summary_sink: None,
    }
}

/// ASCII only: on a Linux console or a VT100, or where the locale is not UTF-8
/// (the first of `LC_ALL`, `LC_CTYPE` and LANG that is set decides; none set means "C").
pub fn wants_ascii(env: &impl Fn(&str) -> Option<String>) -> bool {
    let term = env("TERM").unwrap_or_default();
    if matches!(term.as_str(), "linux" | "vt100" | "vt102") {
        return true;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|key| env(key).filter(|v| !v.is_empty()))
        .unwrap_or_default()
        .to_ascii_lowercase();
    !(locale.contains("utf-8") || locale.contains("utf8"))
}

/// `NO_COLOR` set to anything but the empty string turns colour off (no-color.org).
pub fn wants_no_color(env: &impl Fn(&str) -> Option<String>) -> bool {
    env("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }

    #[test]
    fn ascii_follows_term_and_locale() {
        let utf8 = [("TERM", "xterm-256color"), ("LANG", "en_GB.UTF-8")];
        assert!(!wants_ascii(&env(&utf8)));
        assert!(wants_ascii(&env(&[
            ("TERM", "linux"),
            ("LANG", "en_GB.UTF-8")
        ])));
        assert!(wants_ascii(&env(&[("TERM", "vt100"), ("LANG", "C.utf8")])));
        assert!(wants_ascii(&env(&[("TERM", "xterm"), ("LANG", "C")])));
        assert!(wants_ascii(&env(&[("TERM", "xterm")])), "no locale is C");
        assert!(
            wants_ascii(&env(&[("LC_ALL", "C"), ("LANG", "en_GB.UTF-8")])),
            "LC_ALL wins"
        );
        assert!(!wants_ascii(&env(&[
            ("LC_ALL", ""),
            ("LC_CTYPE", "de_DE.utf8")
        ])));
    }

    #[test]
    fn options_follow_the_configuration_over_the_environment() {
        use crate::config::{AsciiWhen, ColorWhen};
        let utf8_no_color = env(&[
            ("TERM", "xterm"),
            ("LANG", "en_GB.UTF-8"),
            ("NO_COLOR", "1"),
        ]);
        let defaults = Config::defaults();
        let options = options_for(&defaults, false, &utf8_no_color);
        assert!(!options.color && !options.ascii && options.hyperlinks && options.mouse);
        assert_eq!(options.kiosk, None);
        assert_eq!(options.emergency_number, defaults.emergency_number);

        let mut config = Config::defaults();
        config.color = ColorWhen::Always;
        config.ascii = AsciiWhen::On;
        config.mouse = false;
        config.kiosk.enabled = true;
        config.emergency_number = "999".into();
        config.theme = crate::ui::theme::ThemeName::HighContrast;
        let options = options_for(&config, true, &utf8_no_color);
        assert!(options.color, "always ignores NO_COLOR");
        assert!(options.ascii && !options.hyperlinks && !options.mouse && options.all_questions);
        assert_eq!(options.emergency_number, "999");
        assert_eq!(options.theme, crate::ui::theme::ThemeName::HighContrast);
        assert_eq!(options.kiosk, config.kiosk_settings());
        assert!(options.kiosk.is_some());

        config.ascii = AsciiWhen::Off;
        let linux = env(&[("TERM", "linux")]);
        assert!(
            !options_for(&config, false, &linux).ascii,
            "off wins over TERM"
        );
        config.ascii = AsciiWhen::Auto;
        assert!(options_for(&config, false, &linux).ascii);
    }

    #[test]
    fn no_color_needs_a_value() {
        assert!(wants_no_color(&env(&[("NO_COLOR", "1")])));
        assert!(!wants_no_color(&env(&[("NO_COLOR", "")])));
        assert!(!wants_no_color(&env(&[])));
    }
}
