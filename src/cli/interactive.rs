//! Running `symptom-explorer` with no command. The terminal interface is not built
//! yet: on a terminal this prints the help; elsewhere it points at the lookups.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::CommandFactory;

use super::output::error_line;
use super::{Cli, Globals};

pub fn run(_globals: &Globals) -> ExitCode {
    if !std::io::stdout().is_terminal() {
        error_line(NOT_A_TERMINAL);
        return ExitCode::from(2);
    }
    match Cli::command().print_help() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

const NOT_A_TERMINAL: &str = "error: the interactive interface needs a terminal, and standard \
output is not one.
Use the lookups instead, for example:
  symptom-explorer search sciatica
  symptom-explorer show sciatica
  symptom-explorer rank --region lower-back
See `symptom-explorer --help` for every command.";
