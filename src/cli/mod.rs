//! The non-interactive commands: the clap types, and one module per command.
//!
//! Every command returns `Result<(), Failure>`; `main` turns that into an exit code:
//! 0 for success, 1 when the graph cannot be loaded or is invalid or a search finds
//! nothing, 2 for a usage error (an unknown id, a bad value).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{ColorWhen, Config};

pub mod ask;
pub mod check;
pub mod completions;
pub mod config_cmd;
pub mod dot;
pub mod escape;
pub mod ids;
pub mod interactive;
pub mod json_error;
pub mod known;
pub mod list;
pub mod load;
pub mod output;
pub mod rank;
pub mod search;
pub mod show;
pub mod stamp;
pub mod words;

/// The line that ends every output that lists causes.
pub const NOTICE: &str =
    "This is information, not a diagnosis. If in doubt, see a health professional.";

/// Explore symptoms and their possible causes. It informs; it never diagnoses.
#[derive(Debug, Parser)]
#[command(name = "symptom-explorer", version = version(), about, long_about = None)]
#[command(
    after_help = "Run without a command for the interactive explorer (the questions line by line, as `ask`, when TERM is dumb or unset)."
)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Clone, Default, Args)]
pub struct Globals {
    /// Print machine-readable JSON instead of text
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,
    /// Use this graph file instead of the bundled graph (repeat for several files)
    #[arg(
        long = "graph",
        value_name = "FILE",
        global = true,
        help_heading = "Global options"
    )]
    pub graph: Vec<PathBuf>,
    /// Draw the interactive interface with plain ASCII characters only
    #[arg(long, global = true, help_heading = "Global options")]
    pub ascii: bool,
    /// Ask every question, also those whose answer can no longer change the advice or
    /// the causes at the top of the list
    #[arg(long, global = true, help_heading = "Global options")]
    pub all_questions: bool,
    /// Leave the mouse to the terminal (so text can be selected) instead of taking
    /// clicks and the wheel
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_mouse: bool,
    /// Read this configuration file instead of the usual one (see `config path`)
    #[arg(
        long = "config",
        value_name = "FILE",
        global = true,
        help_heading = "Global options"
    )]
    pub config_file: Option<PathBuf>,
    /// When to use colour.
    #[arg(
        long,
        help = "When to use colour: auto (off when NO_COLOR is set), always or never",
        value_name = "WHEN",
        value_enum,
        global = true,
        help_heading = "Global options"
    )]
    pub color: Option<ColorWhen>,
    /// Add this content pack (a graph file, or a directory of *.ron files) to the graph
    /// (repeatable)
    #[arg(
        long = "pack",
        value_name = "FILE",
        global = true,
        help_heading = "Global options"
    )]
    pub packs: Vec<PathBuf>,
    /// Kiosk mode, for a shared terminal: no way out but the staff exit, a fresh start
    /// when idle, and nothing written to disk
    #[arg(long, global = true, help_heading = "Global options")]
    pub kiosk: bool,
    /// The configuration in force: the file's, with the options above applied (set at
    /// start-up by `config_cmd::apply`).
    #[arg(skip)]
    pub config: Config,
    /// When the interface ends, save the summary of the answers to FILE: Markdown (.md),
    /// plain text (.txt) or JSON (.json, which `rank --answers` reads back). Not in
    /// kiosk mode
    #[arg(
        long,
        value_name = "FILE",
        global = true,
        help_heading = "Global options"
    )]
    pub save: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check graph files for errors (the bundled graph when no file is given)
    Check(CheckArgs),
    /// List the body regions
    Regions,
    /// List the findings (symptoms, signs, history) and their red-flag levels
    Findings,
    /// List the causes, most common first
    Causes(CausesArgs),
    /// Fuzzy search over causes and findings, their names and aliases
    Search(SearchArgs),
    /// Show everything about a cause, finding, region, guidance page, source or question
    Show(ShowArgs),
    /// Rank the possible causes for the given regions and findings
    Rank(RankArgs),
    /// Print the question graph in Graphviz DOT
    Dot,
    /// Answer the questions line by line: for screen readers and scripts
    #[command(long_about = ASK_ABOUT)]
    Ask,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output
    #[command(hide = true)]
    Man,
    /// The configuration file: where it is, the defaults, and checking one
    #[command(subcommand)]
    Config(ConfigCommand),
}

/// `symptom-explorer config ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the configuration file that would be read, and whether it exists
    Path,
    /// Print the default configuration, every setting with a comment
    Default,
    /// Check a configuration file (the one in use when none is given); exit 1 with
    /// diagnostics when it has a problem
    Check {
        /// The file to check
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

/// `ask --help`.
const ASK_ABOUT: &str = "Answer the questions line by line: for screen readers and scripts.

The same questions as the interactive explorer, in the same order, one at a time on standard \
input and output, in plain text with no colours or cursor movement. First the places that hurt \
are listed by number (type one or more, such as 1 4); then each question with numbered \
answers. A checklist takes several numbers, or 0 for none of these. At any prompt: b takes back \
the last answer, ? explains the question, q stops and prints the result so far. A warning is \
printed as soon as an answer makes the advice more urgent. The result gives the advice first, then \
the causes to check first and the likeliest causes. End of input also prints the result \
(exit 0). Answers can be piped in: printf '3\\n1\\n2\\n' | symptom-explorer ask

ask writes plain text only: --json is not supported (use `rank --json` for JSON).";

/// `completions SHELL`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The version shown by `--version`: the program's, and the bundled content's
/// (`0.1.0 (content 1a2b3c4d5e6f)`), so a report can name both.
pub fn version() -> &'static str {
    static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let content = crate::graph::load::version_of(&crate::graph::load::bundled_digest());
        format!("{} (content {content})", env!("CARGO_PKG_VERSION"))
    });
    VERSION.as_str()
}

#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    /// Graph files, checked together as one graph (after any --graph files)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct CausesArgs {
    /// Only causes felt in this region
    #[arg(long, value_name = "ID")]
    pub region: Option<String>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct SearchArgs {
    /// What to look for; every word must match
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Show at most this many matches (0 for all)
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ShowArgs {
    /// The id of a cause, finding, region, guidance page, source or question, or the name
    /// or an alias of one (any case)
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Clone, Default, Args)]
pub struct RankArgs {
    /// Where it hurts (repeatable)
    #[arg(long = "region", value_name = "ID")]
    pub regions: Vec<String>,
    /// A finding that is present (repeatable)
    #[arg(long = "finding", value_name = "ID")]
    pub findings: Vec<String>,
    /// A finding that is known to be absent (repeatable)
    #[arg(long = "absent", value_name = "ID")]
    pub absent: Vec<String>,
    /// Age in whole years (0 to 120)
    #[arg(long, value_name = "YEARS", allow_negative_numbers = true, value_parser = parse_age)]
    pub age: Option<u8>,
    /// Sex, for the causes that affect only one
    #[arg(long, value_enum)]
    pub sex: Option<SexArg>,
    /// Show at most this many causes in text (0 for all; JSON lists all unless given)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Rank from the answers in a summary saved as JSON (`--save FILE.json`): the same
    /// regions and answers, so the same ranking
    #[arg(long, value_name = "FILE", conflicts_with_all = ["regions", "findings", "absent", "age", "sex"])]
    pub answers: Option<PathBuf>,
}

/// `--sex female|male`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SexArg {
    Female,
    Male,
}

impl From<SexArg> for crate::graph::Sex {
    fn from(s: SexArg) -> Self {
        match s {
            SexArg::Female => crate::graph::Sex::Female,
            SexArg::Male => crate::graph::Sex::Male,
        }
    }
}

/// The oldest age accepted.
pub const MAX_AGE: i64 = 120;

/// `--age`: a whole number of years from 0 to [`MAX_AGE`].
pub fn parse_age(text: &str) -> Result<u8, String> {
    let years: i64 = text
        .trim()
        .parse()
        .map_err(|_| "the age must be a whole number of years, such as 42".to_string())?;
    if years < 0 {
        return Err("the age cannot be negative".to_string());
    }
    if years > MAX_AGE {
        return Err(format!("the age must be {MAX_AGE} years or less"));
    }
    u8::try_from(years).map_err(|_| format!("the age must be {MAX_AGE} years or less"))
}

/// Why a command did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The graph could not be read or is invalid; the diagnostics have been printed.
    Graph,
    /// An unknown id or a bad value: the message says which, and what was meant.
    Usage(String),
    /// Output could not be written.
    Io(String),
    /// A search found nothing: the message (with what was meant) goes to standard error
    /// as it is, and the exit code is 1, as grep's.
    NoMatch(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Graph | Failure::Io(_) | Failure::NoMatch(_) => 1,
            Failure::Usage(_) => 2,
        }
    }
}

/// A command line clap cannot read: clap's own message, printed as clap prints it,
/// unless it would echo a control or bidi character from the arguments (clap writes an
/// argument as given, and on a terminal nothing strips it); then with those characters
/// escaped (see `escape`), and clap's highlighting kept only on a terminal.
pub fn parse_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let shown_as_asked = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !shown_as_asked && json_error::wanted(std::env::args_os()) {
        json_error::from_clap(&error).print();
        return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
    }
    let styled = error.render().ansi().to_string();
    let shown = escape::visible_keeping_style(&styled);
    if shown == styled {
        error.exit();
    }
    let terminal = if error.use_stderr() {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let text = if terminal && !no_color {
        shown.into_owned()
    } else {
        escape::without_style(&shown)
    };
    // Already escaped: written as it is, so that a terminal keeps the highlighting.
    let _ = if error.use_stderr() {
        std::io::stderr().lock().write_all(text.as_bytes())
    } else {
        std::io::stdout().lock().write_all(text.as_bytes())
    };
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// Print what went wrong, if anything, and give the exit code: under `--json`, as one
/// JSON object on standard error (see `json_error`), else as text.
pub fn finish_with(globals: &Globals, result: Result<(), Failure>) -> ExitCode {
    match result {
        Err(failure) if globals.json => {
            if let Some(error) = json_error::JsonError::of(&failure) {
                error.print();
            }
            ExitCode::from(failure.exit_code())
        }
        result => finish(result),
    }
}

/// Print what went wrong, if anything, as text, and give the exit code.
pub fn finish(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            match &failure {
                Failure::Graph => {}
                Failure::Usage(message) | Failure::Io(message) => {
                    output::error_line(&format!("error: {message}"));
                }
                Failure::NoMatch(message) => output::error_line(message),
            }
            ExitCode::from(failure.exit_code())
        }
    }
}
