//! Failures as JSON under `--json`: one object on standard error, such as
//! `{"error":{"kind":"usage","message":"unknown id \"x\"","file":null,"line":null,"column":null}}`,
//! with the exit code the text would have had. The kinds are `usage` (exit 2), `graph`,
//! `io` and `no-match` (exit 1). A graph that cannot be loaded gives its first error's place
//! and every error under `diagnostics`.

use std::ffi::OsString;
use std::io::Write;

use serde::Serialize;

use super::Failure;
use super::check::JsonDiagnostic;
use super::escape;
use super::load::failed_line;
use crate::graph::Diagnostic;

/// `{"error": ...}`.
#[derive(Debug, Serialize)]
pub struct JsonFailure<'a> {
    pub error: JsonError<'a>,
}

/// What went wrong, and where when it is in a file.
#[derive(Debug, Serialize)]
pub struct JsonError<'a> {
    /// `usage`, `graph`, `io` or `no-match`.
    pub kind: &'static str,
    pub message: String,
    pub file: Option<&'a str>,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based.
    pub column: Option<usize>,
    /// Every error in the graph files, for `graph`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
}

impl<'a> JsonError<'a> {
    /// An error with no place in a file.
    pub fn new(kind: &'static str, message: impl Into<String>) -> JsonError<'a> {
        JsonError {
            kind,
            message: message.into(),
            file: None,
            line: None,
            column: None,
            diagnostics: Vec::new(),
        }
    }

    /// The error of a failure, if it has words of its own (a graph's errors are printed
    /// where it is loaded, see [`JsonError::graph`]).
    pub fn of(failure: &Failure) -> Option<JsonError<'static>> {
        Some(match failure {
            Failure::Graph => return None,
            Failure::Usage(message) => JsonError::new("usage", message.clone()),
            Failure::Io(message) => JsonError::new("io", message.clone()),
            Failure::NoMatch(message) => JsonError::new("no-match", message.clone()),
        })
    }

    /// The graph's errors: the count in words, the first one's place, all of them listed.
    pub fn graph(errors: &'a [Diagnostic], files: usize) -> JsonError<'a> {
        let message = failed_line(errors.len(), 0, files);
        let message = message
            .strip_prefix("error: ")
            .unwrap_or(&message)
            .to_string();
        let first = errors.first();
        let place = |n: usize| (n > 0).then_some(n);
        JsonError {
            kind: "graph",
            message,
            file: first.map(|d| d.file.as_str()),
            line: first.and_then(|d| place(d.line)),
            column: first.and_then(|d| place(d.col)),
            diagnostics: errors.iter().map(JsonDiagnostic::from).collect(),
        }
    }

    /// The object as one line of JSON, every control or bidi character escaped.
    pub fn to_line(self) -> String {
        let text = serde_json::to_string(&JsonFailure { error: self }).unwrap_or_else(|_| {
            r#"{"error":{"kind":"io","message":"cannot write the error as JSON"}}"#.to_string()
        });
        escape::json(&text).into_owned()
    }

    /// Print the object on standard error; a failure to write it is ignored (nowhere left
    /// to say it).
    pub fn print(self) {
        let _ = writeln!(std::io::stderr().lock(), "{}", self.to_line());
    }
}

/// Whether `--json` is among the arguments (before a `--`): for errors clap finds before
/// the options are known.
pub fn wanted(args: impl IntoIterator<Item = OsString>) -> bool {
    args.into_iter()
        .skip(1)
        .take_while(|a| a != "--")
        .any(|a| a == "--json")
}

/// A command line clap cannot read, as JSON: clap's message up to its usage lines, on
/// one line.
pub fn from_clap(error: &clap::Error) -> JsonError<'static> {
    let text = error.render().to_string();
    let message = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    JsonError::new("usage", message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_usage_error_has_no_place() {
        let line = JsonError::new("usage", "unknown id \"x\"").to_line();
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        assert_eq!(v["error"]["kind"], "usage");
        assert_eq!(v["error"]["message"], "unknown id \"x\"");
        assert!(v["error"]["file"].is_null() && v["error"]["line"].is_null());
        assert!(v["error"].get("diagnostics").is_none());
    }

    #[test]
    fn a_graph_error_gives_the_first_place_and_every_error() {
        let errors = vec![
            Diagnostic::error("a.ron", (3, 7), "bad".to_string()),
            Diagnostic::error("b.ron", (0, 0), "worse".to_string()),
        ];
        let line = JsonError::graph(&errors, 2).to_line();
        let v: serde_json::Value = serde_json::from_str(&line).expect("JSON");
        let e = &v["error"];
        assert_eq!(e["kind"], "graph");
        assert_eq!(e["message"], "the graph is invalid: 2 errors in 2 files");
        assert_eq!(
            (&e["file"], &e["line"], &e["column"]),
            (&"a.ron".into(), &3.into(), &7.into())
        );
        assert_eq!(e["diagnostics"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn control_characters_are_escaped() {
        let line = JsonError::new("usage", "a\u{1b}]0;x\u{7}b").to_line();
        assert!(!line.contains('\u{1b}'), "{line}");
        assert!(serde_json::from_str::<serde_json::Value>(&line).is_ok());
    }

    #[test]
    fn json_is_wanted_before_a_double_dash_only() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(wanted(args(&["se", "show", "--json", "x"])));
        assert!(!wanted(args(&["se", "show", "--", "--json"])));
        assert!(
            !wanted(args(&["--json"])),
            "the program's own name is not an argument"
        );
    }
}
