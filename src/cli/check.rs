//! `symptom-explorer check [FILE...]`: validate graph files and report every problem.
//!
//! Diagnostics (`FILE:LINE:COL: error: ...`) go to standard error, like a compiler's;
//! the one-line summary of a valid graph goes to standard output. With `--json`,
//! standard output holds only the array of diagnostics.

use serde::Serialize;

use super::load::{failed_line, read_with_packs};
use super::output::{count, emit, emit_json, error_line};
use super::{CheckArgs, Failure, Globals};
use crate::graph::validate::check;
use crate::graph::{Diagnostic, Graph, Severity};

/// One diagnostic in `--json` output.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub file: &'a str,
    /// 1-based; 0 when the problem has no single place.
    pub line: usize,
    pub col: usize,
    /// `error` or `warning`.
    pub severity: &'static str,
    pub message: &'a str,
    /// The offending id, when there is one.
    pub id: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            file: &d.file,
            line: d.line,
            col: d.col,
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: &d.message,
            id: d.id.as_deref(),
        }
    }
}

/// Check the files named here and with `--graph`, together as one graph (the bundled
/// graph when there are none), with the content packs (`--pack`, the configuration's
/// `packs`) added: `check --pack new.ron` checks a new pack against the content it joins.
pub fn run(globals: &Globals, args: &CheckArgs) -> Result<(), Failure> {
    let paths: Vec<_> = globals.graph.iter().chain(&args.files).cloned().collect();
    let packs = &globals.config.packs;
    let (graph, diagnostics, files) = match read_with_packs(&paths, packs) {
        Ok(sources) => {
            let files = sources.len();
            let (graph, diagnostics) = check(sources);
            (graph, diagnostics, files)
        }
        Err(unreadable) => (None, unreadable, paths.len() + packs.len()),
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;

    if globals.json {
        let json: Vec<JsonDiagnostic> = diagnostics.iter().map(JsonDiagnostic::from).collect();
        emit_json(&json)?;
    } else {
        for d in &diagnostics {
            error_line(&d.to_string());
        }
    }
    match graph {
        Some(graph) if errors == 0 => {
            if !globals.json {
                emit(&format!("{}\n", summary(&graph, warnings)))?;
            }
            Ok(())
        }
        _ => {
            if globals.json {
                let errors: Vec<Diagnostic> = diagnostics
                    .into_iter()
                    .filter(Diagnostic::is_error)
                    .collect();
                super::json_error::JsonError::graph(&errors, files).print();
            } else {
                error_line(&failed_line(errors, warnings, files));
            }
            Err(Failure::Graph)
        }
    }
}

/// `ok: 5 files, 27 causes, 85 findings, 40 questions, 15 regions, 38 sources, 4 guides; 2 warnings`.
pub fn summary(graph: &Graph, warnings: usize) -> String {
    format!(
        "ok: {}, {}, {}, {}, {}, {}, {}; {}",
        count(graph.files.len(), "file", "files"),
        count(graph.causes.len(), "cause", "causes"),
        count(graph.findings.len(), "finding", "findings"),
        count(graph.questions.len(), "question", "questions"),
        count(graph.regions.len(), "region", "regions"),
        count(graph.sources.len(), "source", "sources"),
        count(graph.guidance.len(), "guide", "guides"),
        count(warnings, "warning", "warnings"),
    )
}
