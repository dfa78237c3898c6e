//! `symptom-explorer config path|default|check`, and reading the configuration at
//! start-up ([`apply`]) for every other command.
//!
//! At start-up a configuration that cannot be used is one warning line on standard
//! error and the program goes on with the defaults; in kiosk mode (from `--kiosk` or
//! from the file) it is every diagnostic and a refusal to start (exit 1), so that staff
//! see the problem before a patient does.

use std::ffi::OsString;
use std::process::ExitCode;

use super::output::{count, emit, error_line, use_color, use_local_words};
use super::{ConfigCommand, Failure, Globals};
use crate::config::{self, AsciiWhen, Config, ConfigPath, DEFAULT_FILE};
use crate::graph::Diagnostic;
use crate::graph::fill::LocalServices;

fn env_os(key: &str) -> Option<OsString> {
    std::env::var_os(key)
}

/// The configuration file this run would read.
pub fn located(globals: &Globals) -> ConfigPath {
    ConfigPath::locate(globals.config_file.as_deref(), env_os)
}

/// Run a `config` subcommand.
pub fn run(globals: &Globals, what: &ConfigCommand) -> Result<(), Failure> {
    match what {
        ConfigCommand::Path => emit(&path_text(&located(globals))),
        ConfigCommand::Default => emit(DEFAULT_FILE),
        ConfigCommand::Check { file } => {
            let at = match file {
                Some(file) => ConfigPath::locate(Some(file), |_| None),
                None => located(globals),
            };
            check(&at)
        }
    }
}

/// `/home/me/.config/symptom-explorer/config.ron (exists)`, and where the path came
/// from.
fn path_text(at: &ConfigPath) -> String {
    match &at.path {
        Some(path) => {
            let state = if path.is_file() {
                "exists"
            } else if path.exists() {
                "exists, but is not a regular file"
            } else {
                "does not exist: the defaults are used"
            };
            format!("{} ({state}; {})\n", path.display(), at.origin)
        }
        None => {
            "no configuration directory (no home directory): the defaults are used\n".to_string()
        }
    }
}

fn check(at: &ConfigPath) -> Result<(), Failure> {
    let Some(path) = &at.path else {
        return emit("no configuration file (no home directory): the defaults are used\n");
    };
    // `config check` with no file names the usual one: it may be absent.
    match config::read(path, at.named()) {
        Ok(None) => emit(&format!(
            "{}: no such file: the defaults are used\n",
            path.display()
        )),
        Ok(Some(source)) => match config::parse(&source) {
            Ok(_) => emit(&format!("{}: the configuration is valid\n", source.name)),
            Err(broken) => Err(report(&broken.diagnostics)),
        },
        Err(diagnostic) => Err(report(&[diagnostic])),
    }
}

/// Every diagnostic and a count line on standard error.
fn report(diagnostics: &[Diagnostic]) -> Failure {
    for d in diagnostics {
        error_line(&d.to_string());
    }
    error_line(&format!(
        "error: the configuration is invalid: {}",
        count(diagnostics.len(), "error", "errors")
    ));
    Failure::Graph
}

/// Read the configuration for this run and put the command line's options over it,
/// into `globals.config`. A configuration that cannot be used: a warning and the
/// defaults, or in kiosk mode every problem and an exit code to stop with.
pub fn apply(globals: &mut Globals) -> Result<(), ExitCode> {
    let mut config = match config::load(&located(globals)) {
        Ok(config) => config,
        Err(broken) if globals.kiosk || broken.asks_for_kiosk => {
            for d in &broken.diagnostics {
                error_line(&d.to_string());
            }
            error_line(KIOSK_REFUSES);
            return Err(ExitCode::FAILURE);
        }
        Err(broken) => {
            if let Some(first) = broken.diagnostics.first() {
                error_line(&warning_line(first, broken.diagnostics.len()));
            }
            Config::defaults()
        }
    };
    if globals.kiosk {
        config.kiosk.enabled = true;
    }
    if let Some(color) = globals.color {
        config.color = color;
    }
    if globals.ascii {
        config.ascii = AsciiWhen::On;
    }
    if globals.no_mouse {
        config.mouse = false;
    }
    config.packs.extend(globals.packs.iter().cloned());
    use_local_words(
        &config.emergency_number,
        &LocalServices::from(&config.local_services),
    );
    use_color(config.color);
    globals.config = config;
    Ok(())
}

const KIOSK_REFUSES: &str = "error: kiosk mode does not start with a configuration that has \
problems: fix it (`symptom-explorer config check` lists them) and start again";

/// `FILE:LINE:COL: warning: MESSAGE; ...`: the first problem, as a warning, on one line.
fn warning_line(first: &Diagnostic, problems: usize) -> String {
    let place = if first.line > 0 {
        format!("{}:{}:{}", first.file, first.line, first.col)
    } else {
        first.file.clone()
    };
    let more = if problems > 1 {
        format!(" ({} more)", problems - 1)
    } else {
        String::new()
    };
    format!(
        "{place}: warning: {}{more}; the configuration is not used, the defaults are (see `symptom-explorer config check`)",
        first.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_is_one_line_at_the_place() {
        let d = Diagnostic::error("c.ron", (2, 3), "unknown setting \"thme\"");
        let line = warning_line(&d, 2);
        assert_eq!(
            line,
            "c.ron:2:3: warning: unknown setting \"thme\" (1 more); the configuration is not used, the defaults are (see `symptom-explorer config check`)"
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn the_path_says_whether_it_exists() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("config.ron");
        let at = ConfigPath::locate(Some(&file), |_| None);
        assert!(path_text(&at).contains("does not exist"));
        std::fs::write(&file, "()").expect("written");
        assert_eq!(
            path_text(&at),
            format!("{} (exists; from --config)\n", file.display())
        );
    }
}
