//! Writing a summary to a file: `--save FILE` (the format from the extension) and the
//! summary pane's save key (Markdown, in a new file named by the date and time). A file
//! that exists is never overwritten by the save key.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Stamp, Summary, json, markdown, text};

/// The formats a summary is saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Json,
}

impl Format {
    /// The format a file name asks for: `.md`, `.txt` or `.json` (any case); `None`
    /// for anything else.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The summary in this format.
    pub fn render(self, summary: &Summary) -> String {
        match self {
            Format::Markdown => markdown::markdown(summary),
            Format::Text => text::plain(summary, text::FILE_WIDTH),
            Format::Json => json::json(summary),
        }
    }
}

/// What `--save` says about a path it cannot use.
pub const BAD_EXTENSION: &str =
    "--save needs a file name ending in .md (Markdown), .txt (plain text) or .json (JSON)";

/// Write the summary to `path` in the format its extension names (replacing the file).
pub fn write(path: &Path, summary: &Summary) -> Result<(), String> {
    let format = Format::of_path(path).ok_or_else(|| BAD_EXTENSION.to_string())?;
    std::fs::write(path, format.render(summary))
        .map_err(|e| format!("cannot write the summary to {}: {e}", path.display()))
}

/// Save the summary as Markdown in a new file in `dir`, named by the date and time
/// ("symptom-summary-2026-12-03-140559.md", then "-2", "-3" ... if that exists);
/// the path written.
pub fn save_new(dir: &Path, summary: &Summary, when: Stamp) -> Result<PathBuf, String> {
    let text = markdown::markdown(summary);
    let base = format!("symptom-summary-{}", when.for_file());
    for n in 1..=100 {
        let name = if n == 1 {
            format!("{base}.md")
        } else {
            format!("{base}-{n}.md")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return file
                    .write_all(text.as_bytes())
                    .map(|()| path.clone())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot save in {}: {e}", dir.display())),
        }
    }
    Err(format!(
        "cannot save in {}: too many summaries with this time",
        dir.display()
    ))
}
