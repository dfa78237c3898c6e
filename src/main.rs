use std::process::ExitCode;

use clap::Parser;
use symptom_explorer::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let Cli {
        mut globals,
        command,
    } = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return cli::parse_error(error),
    };
    // Every command but `config` itself runs with the configuration read.
    if !matches!(command, Some(Command::Config(_)))
        && let Err(code) = cli::config_cmd::apply(&mut globals)
    {
        return code;
    }
    let result = match command {
        None if cli::ask::instead_of_interface() => cli::ask::run_instead_of_interface(&globals),
        None => return cli::interactive::run(&globals),
        Some(Command::Check(args)) => cli::check::run(&globals, &args),
        Some(Command::Regions) => cli::list::regions(&globals),
        Some(Command::Findings) => cli::list::findings(&globals),
        Some(Command::Causes(args)) => cli::list::causes(&globals, &args),
        Some(Command::Search(args)) => cli::search::run(&globals, &args),
        Some(Command::Show(args)) => cli::show::run(&globals, &args),
        Some(Command::Rank(args)) => cli::rank::run(&globals, &args),
        Some(Command::Dot) => cli::dot::run(&globals),
        Some(Command::Ask) => cli::ask::run(&globals),
        Some(Command::Completions(args)) => cli::completions::completions(&args),
        Some(Command::Man) => cli::completions::man(),
        Some(Command::Config(what)) => cli::config_cmd::run(&globals, &what),
    };
    cli::finish_with(&globals, result)
}
