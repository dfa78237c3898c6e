//! Loading the graph for a command: the `--graph` files, or the bundled graph.
//!
//! The graph is always validated first; a command never runs on a graph with errors.
//! Diagnostics go to standard error (the command's own output is on standard output).

use std::path::PathBuf;

use super::output::{count, error_line};
use super::{Failure, Globals};
use crate::graph::load::bundled;
use crate::graph::validate::check;
use crate::graph::{Diagnostic, Graph, SourceText};

/// The graph to use: the `--graph` files, validated, or the bundled graph.
/// On errors, prints them and a count line to standard error. Warnings are left to
/// `check`, so that lookups stay quiet.
pub fn load(globals: &Globals) -> Result<Graph, Failure> {
    let sources = read_sources(&globals.graph).map_err(|errors| {
        print_failed(&errors, 0);
        Failure::Graph
    })?;
    let file_count = sources.len();
    let (graph, diagnostics) = check(sources);
    match graph {
        Some(graph) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(graph),
        _ => {
            let errors: Vec<Diagnostic> =
                diagnostics.into_iter().filter(|d| d.is_error()).collect();
            print_failed(&errors, file_count);
            Err(Failure::Graph)
        }
    }
}

/// The text of each file, or the bundled files when none are given.
/// A file that cannot be read is an error diagnostic for that file.
pub fn read_sources(paths: &[PathBuf]) -> Result<Vec<SourceText>, Vec<Diagnostic>> {
    if paths.is_empty() {
        return Ok(bundled());
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => sources.push(SourceText::new(name, text)),
            Err(e) => errors.push(Diagnostic::error(
                &name,
                (0, 0),
                format!("cannot read the file: {e}"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// Every diagnostic, then the line that says the graph is invalid.
fn print_failed(errors: &[Diagnostic], files: usize) {
    for d in errors {
        error_line(&d.to_string());
    }
    error_line(&failed_line(errors.len(), 0, files));
}

/// `error: the graph is invalid: 3 errors, 1 warning in 5 files`.
pub fn failed_line(errors: usize, warnings: usize, files: usize) -> String {
    let mut line = format!(
        "error: the graph is invalid: {}",
        count(errors, "error", "errors")
    );
    if warnings > 0 {
        line.push_str(&format!(", {}", count(warnings, "warning", "warnings")));
    }
    if files > 0 {
        line.push_str(&format!(" in {}", count(files, "file", "files")));
    }
    line
}
