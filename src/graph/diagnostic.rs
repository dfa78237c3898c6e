//! Errors and warnings about a graph, with the file, line and column they point at.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found while loading or checking a graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based; 0 when the problem has no single place.
    pub line: usize,
    /// 1-based; 0 when the problem has no single place.
    pub col: usize,
    pub message: String,
    /// The offending id, when there is one.
    pub id: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &str, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            col,
            message: message.into(),
            id: None,
        }
    }

    pub fn warning(file: &str, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, (line, col), message)
        }
    }

    pub fn with_id(mut self, id: &str) -> Self {
        self.id = Some(id.to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {level}: {}",
                self.file, self.line, self.col, self.message
            )
        } else {
            write!(f, "{}: {level}: {}", self.file, self.message)
        }
    }
}
