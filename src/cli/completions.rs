//! `completions SHELL` and `man`: the shell completion scripts and the manual page, both
//! made from the clap definition of the command line, so they cannot fall out of step.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, CompletionsArgs, Failure};

/// The name the scripts and the page complete and describe.
const BIN: &str = "symptom-explorer";

/// A completion script for the shell, written to standard output.
pub fn completions(args: &CompletionsArgs) -> Result<(), Failure> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), BIN, &mut script);
    write_out(&script)
}

/// The manual page in roff, written to standard output (`man -l -` shows it).
pub fn man() -> Result<(), Failure> {
    write_out(&man_page()?)
}

/// The manual page in roff, its `.TH` title line first (as `man` and linters expect;
/// `clap_mangen` puts its definition of the apostrophe string before it).
pub fn man_page() -> Result<Vec<u8>, Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Failure::Io(format!("cannot write the manual page: {e}")))?;
    let text = String::from_utf8_lossy(&page);
    let (title, rest): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.starts_with(".TH "));
    let mut out = String::new();
    for line in title.into_iter().chain(rest) {
        out.push_str(line);
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// Bytes to standard output; a closed pipe (`| head`) is not an error.
fn write_out(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_is_roff_with_every_command() {
        let page = String::from_utf8(man_page().expect("rendered")).expect("utf-8");
        assert!(page.starts_with(".TH symptom-explorer 1 "), "{page}");
        assert_eq!(page.matches(".TH ").count(), 1, "one title line");
        for command in ["ask", "rank", "show", "completions"] {
            assert!(page.contains(command), "{command} missing");
        }
    }
}
