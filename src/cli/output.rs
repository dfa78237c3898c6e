//! Writing text and JSON: terminal width, highlighting on a terminal, plain on a pipe.
//!
//! Highlighting is on only when standard output is a terminal; colours are dropped
//! when `NO_COLOR` is set (bold and underline stay, so nothing depends on colour:
//! triage levels are always written out in words too).
//!
//! Nothing is written raw that a terminal could act on: content passes [`visible`] before
//! it is highlighted, and [`emit`], [`emit_json`] and [`error_line`] escape whatever
//! control or bidi character is left (see `escape`), so a graph, a file name or an
//! argument can never set the window title, write the clipboard, clear the screen or
//! reorder the text. On a terminal the program's own highlighting is the only escape
//! sequence that passes.

use std::io::{self, IsTerminal, Write};
use std::sync::OnceLock;

use crossterm::style::{Attribute, Attributes, Color, ContentStyle};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::Failure;
use super::escape::{self, visible, visible_keeping_style};
use crate::config::ColorWhen;
use crate::graph::Triage;
use crate::graph::fill::{LocalServices, LocalWords, default_words};

/// Width used when standard output is not a terminal.
pub const PIPE_WIDTH: usize = 80;

/// Narrowest width text is wrapped to, however small the terminal.
const MIN_WIDTH: usize = 30;

/// How text is laid out and highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Bold, underline and colour codes are written at all (a terminal).
    pub styled: bool,
    /// Colours are written (a terminal, and `NO_COLOR` unset or empty).
    pub color: bool,
    /// Columns to wrap to.
    pub width: usize,
}

/// What a piece of text is, which decides how it is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Emphasis: names, labels.
    Strong,
    /// Section headings.
    Heading,
    /// Secondary text: ids, notes.
    Dim,
    /// Characters that matched a search.
    Match,
    /// A triage level, coloured by urgency.
    Triage(Triage),
}

/// The columns to wrap text to: the terminal's width, or [`PIPE_WIDTH`] when standard
/// output is not a terminal (or its width cannot be read).
pub fn width_of_output(terminal: bool) -> usize {
    if !terminal {
        return PIPE_WIDTH;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(cols, _)| usize::from(cols))
        .filter(|&cols| cols > 0)
        .unwrap_or(PIPE_WIDTH)
}

impl Paint {
    /// Decide from standard output and the environment.
    pub fn detect() -> Paint {
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = COLOR
            .get()
            .copied()
            .unwrap_or_default()
            .wants_color(no_color);
        let width = width_of_output(terminal);
        Paint {
            styled: terminal,
            color: terminal && color,
            width: width.max(MIN_WIDTH),
        }
    }

    /// No highlighting at all, at a given width.
    pub fn plain(width: usize) -> Paint {
        Paint {
            styled: false,
            color: false,
            width: width.max(MIN_WIDTH),
        }
    }

    /// Text made [`visible`], in a tone (plain when not styled).
    pub fn tone(&self, tone: Tone, text: &str) -> String {
        let text = visible(text);
        let text = text.as_ref();
        if !self.styled || text.is_empty() || tone == Tone::Plain {
            return text.to_string();
        }
        let (attributes, color): (&[Attribute], Option<Color>) = match tone {
            Tone::Plain => (&[], None),
            Tone::Strong => (&[Attribute::Bold], None),
            Tone::Heading => (&[Attribute::Bold, Attribute::Underlined], None),
            Tone::Dim => (&[Attribute::Dim], None),
            Tone::Match => (&[Attribute::Bold, Attribute::Underlined], Some(Color::Cyan)),
            Tone::Triage(Triage::Emergency) => (&[Attribute::Bold], Some(Color::Red)),
            Tone::Triage(Triage::Urgent) => (&[Attribute::Bold], Some(Color::DarkYellow)),
            Tone::Triage(Triage::Soon) => (&[], Some(Color::DarkYellow)),
            Tone::Triage(Triage::Routine) => (&[], Some(Color::DarkCyan)),
            Tone::Triage(Triage::SelfCare) => (&[], Some(Color::DarkGreen)),
        };
        let mut style = ContentStyle {
            attributes: Attributes::from(attributes),
            ..ContentStyle::default()
        };
        if self.color {
            style.foreground_color = color;
        }
        if style == ContentStyle::default() {
            return text.to_string();
        }
        style.apply(text).to_string()
    }

    /// Text with the characters at `indices` (char positions, ascending) highlighted.
    /// Runs of matched characters are highlighted together; spaces never are, so a
    /// wrapped line never carries a highlight into the next line's indent.
    pub fn highlight(&self, text: &str, indices: &[usize]) -> String {
        if !self.styled || indices.is_empty() {
            return visible(text).into_owned();
        }
        let mut out = String::new();
        let mut run = String::new();
        let mut run_matched = false;
        for (i, c) in text.chars().enumerate() {
            let matched = indices.binary_search(&i).is_ok() && !c.is_whitespace();
            if matched != run_matched && !run.is_empty() {
                out.push_str(&self.run(&run, run_matched));
                run.clear();
            }
            run_matched = matched;
            run.push(c);
        }
        out.push_str(&self.run(&run, run_matched));
        out
    }

    fn run(&self, text: &str, matched: bool) -> String {
        if matched {
            self.tone(Tone::Match, text)
        } else {
            visible(text).into_owned()
        }
    }

    /// Wrap plain text to the width, every line indented by `indent` spaces.
    /// Line breaks in the text are kept.
    pub fn wrap(&self, text: &str, indent: usize) -> String {
        let pad = " ".repeat(indent);
        let width = self.width.max(indent + MIN_WIDTH / 2);
        let options = wrap_options(width)
            .initial_indent(&pad)
            .subsequent_indent(&pad);
        textwrap::fill(text.trim_end(), options)
    }

    /// Wrap text whose first line starts after a label already written (`hanging`
    /// columns in), continuing at `indent`.
    pub fn wrap_hanging(&self, text: &str, hanging: usize, indent: usize) -> String {
        let first = " ".repeat(hanging);
        let pad = " ".repeat(indent);
        let width = self.width.max(hanging.max(indent) + MIN_WIDTH / 2);
        let options = wrap_options(width)
            .initial_indent(&first)
            .subsequent_indent(&pad);
        let filled = textwrap::fill(text.trim_end(), options);
        filled.get(hanging..).unwrap_or(&filled).to_string()
    }
}

/// Lines break at spaces only: ids and URLs are never split (a word longer than the
/// line stands on a line of its own).
fn wrap_options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

/// One cell of a table: its text and how it is highlighted.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
    /// Already highlighted text to print instead of `text` (same display width).
    pub styled: Option<String>,
}

impl Cell {
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: visible(&text.into()).into_owned(),
            tone,
            styled: None,
        }
    }
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell::new(text, Tone::Plain)
    }
    /// A cell whose highlighting was done by the caller (a search match).
    pub fn styled(text: impl Into<String>, styled: String) -> Cell {
        Cell {
            text: visible(&text.into()).into_owned(),
            tone: Tone::Plain,
            styled: Some(visible_keeping_style(&styled).into_owned()),
        }
    }
}

/// Columns separated by two spaces, all but the last padded to a common width. On a
/// terminal the last one wraps under itself; on a pipe every row stays on one line,
/// so that `grep` and `cut` see whole rows.
pub fn table(paint: &Paint, header: &[&str], rows: &[Vec<Cell>]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.text.width());
        }
    }
    let last_start: usize = widths[..columns.saturating_sub(1)]
        .iter()
        .map(|w| w + 2)
        .sum();
    let mut out = String::new();
    let header_cells: Vec<Cell> = header.iter().map(|h| Cell::new(*h, Tone::Dim)).collect();
    for row in std::iter::once(&header_cells).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate().take(columns) {
            let shown = cell
                .styled
                .clone()
                .unwrap_or_else(|| paint.tone(cell.tone, &cell.text));
            if i + 1 < columns {
                line.push_str(&shown);
                line.push_str(&" ".repeat(widths[i] - cell.text.width() + 2));
            } else if !paint.styled
                || cell.styled.is_some()
                || last_start + cell.text.width() <= paint.width
            {
                line.push_str(&shown);
            } else {
                let wrapped = paint.wrap_hanging(&cell.text, last_start, last_start);
                let mut lines = wrapped.lines();
                if let Some(first) = lines.next() {
                    line.push_str(&paint.tone(cell.tone, first));
                }
                for rest in lines {
                    line.push('\n');
                    line.push_str(&" ".repeat(last_start));
                    line.push_str(&paint.tone(cell.tone, rest.trim_start()));
                }
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A text document built line by line: titles, labelled fields, headed sections and
/// lists, wrapped to the paint's width. Content text is filled in as it is added.
pub struct Doc<'p> {
    paint: &'p Paint,
    out: String,
}

/// Indent of section text and list items.
pub const INDENT: usize = 2;

impl<'p> Doc<'p> {
    pub fn new(paint: &'p Paint) -> Doc<'p> {
        Doc {
            paint,
            out: String::new(),
        }
    }

    pub fn paint(&self) -> &Paint {
        self.paint
    }

    /// A line as it is (already styled or laid out).
    pub fn line(&mut self, text: &str) -> &mut Self {
        self.out.push_str(text.trim_end());
        self.out.push('\n');
        self
    }

    /// An empty line, never two in a row, never at the start.
    pub fn blank(&mut self) -> &mut Self {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
        self
    }

    /// A wrapped line in a tone, every line of it indented.
    pub fn text(&mut self, text: &str, indent: usize, tone: Tone) -> &mut Self {
        let wrapped = self.paint.wrap(&fill(text), indent);
        for line in wrapped.lines() {
            let (pad, rest) = line.split_at(line.len() - line.trim_start().len());
            let styled = format!("{pad}{}", self.paint.tone(tone, rest));
            self.line(&styled);
        }
        self
    }

    /// A title: the name in bold, and a dim line of details under it.
    pub fn title(&mut self, name: &str, details: &str) -> &mut Self {
        self.text(name, 0, Tone::Strong);
        if !details.is_empty() {
            self.text(details, 0, Tone::Dim);
        }
        self
    }

    /// A heading after an empty line.
    pub fn heading(&mut self, text: &str) -> &mut Self {
        self.blank();
        let styled = self.paint.tone(Tone::Heading, text);
        self.line(&styled)
    }

    /// A section: heading, then the text wrapped under it (paragraphs kept).
    pub fn section(&mut self, heading: &str, text: &str) -> &mut Self {
        self.heading(heading);
        self.text(text, INDENT, Tone::Plain)
    }

    /// `Label: value`, the value wrapped and continued under itself.
    pub fn field(&mut self, label: &str, value: &str) -> &mut Self {
        self.field_toned(label, value, Tone::Plain)
    }

    pub fn field_toned(&mut self, label: &str, value: &str, tone: Tone) -> &mut Self {
        let head = format!("{label}: ");
        let hanging = head.width();
        let wrapped = self.paint.wrap_hanging(&fill(value), hanging, INDENT);
        let mut lines = wrapped.lines();
        let first = lines.next().unwrap_or("");
        let line = format!(
            "{}{}",
            self.paint.tone(Tone::Strong, &head),
            self.paint.tone(tone, first)
        );
        self.line(&line);
        for rest in lines {
            let (pad, text) = rest.split_at(rest.len() - rest.trim_start().len());
            let styled = format!("{pad}{}", self.paint.tone(tone, text));
            self.line(&styled);
        }
        self
    }

    /// `  - item`, wrapped under its own text.
    pub fn item(&mut self, text: &str, indent: usize) -> &mut Self {
        self.marked("-", text, indent, Tone::Plain)
    }

    /// `  ! text`: a marker and text wrapped under itself, all in a tone.
    pub fn marked(&mut self, marker: &str, text: &str, indent: usize, tone: Tone) -> &mut Self {
        let bullet = format!("{}{marker} ", " ".repeat(indent));
        let hanging = bullet.width();
        let wrapped = self.paint.wrap_hanging(&fill(text), hanging, hanging);
        let mut lines = wrapped.lines();
        let first = lines.next().unwrap_or("");
        let line = self.paint.tone(tone, &format!("{bullet}{first}"));
        self.line(&line);
        for rest in lines {
            let (pad, text) = rest.split_at(rest.len() - rest.trim_start().len());
            let styled = format!("{pad}{}", self.paint.tone(tone, text));
            self.line(&styled);
        }
        self
    }

    /// The not-a-diagnosis line, after an empty line.
    pub fn notice(&mut self, notice: &str) -> &mut Self {
        self.blank();
        self.line(notice)
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Content text with its placeholders filled in, ready to print.
pub fn fill(text: &str) -> String {
    local_words().fill(text)
}

/// The words the placeholders stand for in this run: those of the configuration, once
/// [`use_local_words`] has been called, else the defaults.
static LOCAL_WORDS: OnceLock<(String, LocalServices)> = OnceLock::new();

/// Use these words for the placeholders from now on (called once, at start-up, with the
/// configuration's; a second call changes nothing).
pub fn use_local_words(emergency_number: &str, services: &LocalServices) {
    let _ = LOCAL_WORDS.set((emergency_number.to_string(), services.clone()));
}

fn local_words() -> LocalWords<'static> {
    static DEFAULT: OnceLock<LocalServices> = OnceLock::new();
    match LOCAL_WORDS.get() {
        Some((number, services)) => LocalWords {
            emergency_number: number,
            services,
        },
        None => default_words(DEFAULT.get_or_init(LocalServices::default)),
    }
}

/// When this run uses colour (`--color`, the `color` setting): `auto` until set.
static COLOR: OnceLock<ColorWhen> = OnceLock::new();

/// Use colour as configured from now on (called once, at start-up).
pub fn use_color(when: ColorWhen) {
    let _ = COLOR.set(when);
}

/// The words printed for `{emergency_number}`: the configuration's.
pub fn emergency_number() -> &'static str {
    local_words().emergency_number
}

/// Fill every string in a JSON value (content serialised as it was written).
pub fn fill_json(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => *s = fill(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(fill_json),
        serde_json::Value::Object(map) => map.values_mut().for_each(fill_json),
        _ => {}
    }
}

/// Write text to standard output, every control or bidi character escaped but the
/// line feed (and, on a terminal, our own highlighting). A closed pipe (`| head`) is not
/// an error.
pub fn emit(text: &str) -> Result<(), Failure> {
    let mut stdout = io::stdout().lock();
    let text = printable(text, stdout.is_terminal());
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Io(format!("cannot write the output: {e}"))),
    }
}

/// Text as [`emit`] writes it: for a terminal, highlighting kept.
pub fn printable(text: &str, terminal: bool) -> std::borrow::Cow<'_, str> {
    if terminal {
        visible_keeping_style(text)
    } else {
        visible(text)
    }
}

/// Write a value as pretty JSON to standard output, with DEL, the C1 controls and the
/// bidi controls escaped as `\uXXXX` like the C0 controls.
pub fn emit_json(value: &impl Serialize) -> Result<(), Failure> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Io(format!("cannot write the JSON output: {e}")))?;
    text.push('\n');
    emit(&escape::json(&text))
}

/// One line to standard error, every control or bidi character escaped but the line
/// feed; a failure to write it is ignored (nowhere left to say it).
pub fn error_line(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", visible(text));
}

/// "1 warning", "2 warnings".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminal(color: bool) -> Paint {
        Paint {
            styled: true,
            color,
            width: 40,
        }
    }

    #[test]
    fn plain_paint_writes_no_escapes() {
        let p = Paint::plain(80);
        assert_eq!(p.tone(Tone::Heading, "Summary"), "Summary");
        assert_eq!(p.highlight("Sciatica", &[0, 1, 2]), "Sciatica");
    }

    #[test]
    fn terminal_highlights_matched_runs() {
        let text = terminal(true).highlight("Sciatica", &[0, 1, 2]);
        assert!(text.contains('\u{1b}'));
        assert!(text.ends_with("atica"));
        assert!(text.contains("Sci"));
    }

    #[test]
    fn no_color_keeps_bold_but_drops_colour() {
        let text = terminal(false).tone(Tone::Triage(Triage::Emergency), "emergency");
        assert!(text.contains("\u{1b}[1m"), "bold stays: {text:?}");
        assert!(!text.contains("38;5"), "no colour: {text:?}");
        assert_eq!(
            terminal(false).tone(Tone::Triage(Triage::SelfCare), "self-care"),
            "self-care"
        );
    }

    #[test]
    fn wrapping_keeps_the_indent() {
        let p = Paint::plain(30);
        let text = p.wrap("one two three four five six seven eight nine ten", 4);
        assert!(text.lines().count() > 1);
        assert!(text.lines().all(|l| l.starts_with("    ") && l.len() <= 30));
    }

    #[test]
    fn table_aligns_columns_and_wraps_the_last_on_a_terminal() {
        let p = Paint {
            styled: true,
            color: false,
            width: 30,
        };
        let rows = vec![
            vec![Cell::plain("a"), Cell::plain("short")],
            vec![
                Cell::plain("long-id"),
                Cell::plain("a rather long name that has to wrap"),
            ],
        ];
        let plain = table(&Paint::plain(30), &["ID", "NAME"], &rows);
        assert_eq!(plain.lines().count(), 3, "one line a row on a pipe");
        let text = table(&p, &["ID", "NAME"], &rows);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("NAME"));
        assert_eq!(lines[1], "a        short");
        assert_eq!(lines.len(), 4);
        assert!(lines[2].starts_with("long-id  a rather"));
        assert!(lines[3].starts_with("         "));
    }

    #[test]
    fn placeholders_are_filled_in_json() {
        let mut v = serde_json::json!({"a": ["Call {emergency_number}"]});
        fill_json(&mut v);
        assert_eq!(
            v["a"][0],
            format!("Call {}", crate::graph::triage::DEFAULT_EMERGENCY_NUMBER)
        );
    }
}
