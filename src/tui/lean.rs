//! The backend the interface draws through: ratatui's crossterm backend, with a `draw` that
//! writes the same screen in fewer bytes (issue 9: at most 2 KiB per search keystroke).
//!
//! ratatui hands the backend the cells that changed since the last frame; crossterm's
//! backend writes `ESC[y;xH` before every one that does not follow the last, the colours and
//! attributes as changes one by one, and a full reset at the end. This one keeps a copy of
//! the screen as ratatui believes it is (the cells drawn since the last clear) and, for the
//! same cells:
//!
//! - moves the cursor the shortest way: nothing when it is already there, `CR`, `CR LF`,
//!   `ESC[nC`, `ESC[nD`, `ESC[xG` or `ESC[y;xH`, or by writing again the few unchanged cells
//!   in between when they are in the colours already set and that is shorter;
//! - ends a row with `ESC[K` (erase to the end of the line) when everything from there to
//!   the row's end is blank in the default colours and that is shorter than writing the
//!   changed cells (only when the drawing spans the whole width of the terminal), and
//!   erases a run of changed blanks inside a row with `ESC[nX` (erase characters) when
//!   that and the move past them are shorter, in the blanks' own colours and attributes;
//!   always on the default background (which a terminal without "background colour erase"
//!   also erases with) and never where underline, reverse video or strike-through would
//!   show on a blank;
//! - goes from one cell's colours and attributes to the next's by the shorter of the
//!   changes and a reset followed by what is wanted, in the 16-colour codes;
//! - resets the attributes at the end only when they are not already the default.
//!
//! The cursor's column is known after a cell of width one only: after a wide character, or
//! in the last column (where a terminal waits to wrap), the next move is absolute. A test
//! draws random frames through this and through crossterm's backend into vt100 and checks
//! that every cell is the same: its character (an erased cell is a space), colours and
//! attributes.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::{execute, queue, style::Print, terminal};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

mod pen;

use pen::Pen;

pub struct Lean<W: Write> {
    writer: W,
    /// The cells drawn since the last clear, by row; a cell not here is blank.
    shadow: Vec<Vec<Cell>>,
    /// The terminal's width when it is not asked (tests).
    columns: Option<u16>,
    /// The widest terminal the drawing spans whole: erasing to the end of a line is used
    /// only up to this width (a wider window is drawn in its left part only).
    max_columns: u16,
}

impl<W: Write> Lean<W> {
    pub fn new(writer: W, max_columns: u16) -> Lean<W> {
        Lean {
            writer,
            shadow: Vec::new(),
            columns: None,
            max_columns,
        }
    }

    /// A backend for a terminal this wide, which is not asked.
    #[cfg(test)]
    pub fn with_columns(writer: W, columns: u16, max_columns: u16) -> Lean<W> {
        Lean {
            columns: Some(columns),
            ..Lean::new(writer, max_columns)
        }
    }

    fn terminal_columns(&self) -> Option<u16> {
        self.columns
            .or_else(|| terminal::size().ok().map(|(w, _)| w))
    }

    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let (x, y) = (usize::from(x), usize::from(y));
        if self.shadow.len() <= y {
            self.shadow.resize_with(y + 1, Vec::new);
        }
        // The columns a wide character covers hold a marker no one writes again or erases
        // over: ratatui's buffer may say anything there.
        let width = cell.symbol().width().max(1);
        let row = &mut self.shadow[y];
        if row.len() < x + width {
            row.resize_with(x + width, Cell::default);
        }
        row[x] = cell.clone();
        for covered in &mut row[x + 1..x + width] {
            covered.set_symbol("");
        }
    }
}

/// What the cursor is known to be at.
#[derive(Debug, Clone, Copy, Default)]
struct At {
    row: Option<u16>,
    col: Option<u16>,
}

/// Modifiers that show on a blank cell: erasing cannot draw them.
const SHOWS_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

/// A cell that erasing to the end of the line draws as it is.
fn erasable(cell: &Cell) -> bool {
    cell.symbol() == " " && cell.bg == Color::Reset && !cell.modifier.intersects(SHOWS_ON_BLANK)
}

/// Writing one frame's cells: where the cursor is and which colours are set.
#[derive(Clone, Copy)]
struct Encoder {
    at: At,
    pen: Pen,
    /// The terminal's width, if known: the cursor waits to wrap in its last column.
    columns: Option<u16>,
}

impl Encoder {
    fn pen_to(&mut self, out: &mut Vec<u8>, to: Pen) {
        if self.pen == to {
            return;
        }
        let changes = self.pen.changes(to);
        let reset = to.after_reset();
        let params = if reset.join(";").len() < changes.join(";").len() {
            reset
        } else {
            changes
        };
        out.extend_from_slice(b"\x1b[");
        // A reset alone needs no parameter.
        if params != ["0"] {
            out.extend_from_slice(params.join(";").as_bytes());
        }
        out.push(b'm');
        self.pen = to;
    }

    /// The bytes that bring the cursor from column `from` (unknown: `None`) to column `x`
    /// of row `y`, where it already is on row `y`.
    fn across(&self, shadow: &[Vec<Cell>], from: Option<u16>, x: u16, y: u16) -> Vec<u8> {
        let mut best = if x == 0 {
            b"\x1b[G".to_vec()
        } else {
            format!("\x1b[{}G", x + 1).into_bytes()
        };
        let Some(cx) = from else { return best };
        if cx == x {
            return Vec::new();
        }
        let relative = match (cx < x, cx.abs_diff(x)) {
            (true, 1) => b"\x1b[C".to_vec(),
            (false, 1) => b"\x1b[D".to_vec(),
            (true, n) => format!("\x1b[{n}C").into_bytes(),
            (false, n) => format!("\x1b[{n}D").into_bytes(),
        };
        if relative.len() < best.len() {
            best = relative;
        }
        if cx < x
            && let Some(again) = self.again(shadow, cx, x, y, best.len())
        {
            best = again;
        }
        best
    }

    /// The unchanged cells from `cx` up to `x` written again, if they are all one column
    /// wide, in the colours set, and shorter than `limit` bytes.
    fn again(
        &self,
        shadow: &[Vec<Cell>],
        cx: u16,
        x: u16,
        y: u16,
        limit: usize,
    ) -> Option<Vec<u8>> {
        let blank = Cell::default();
        let row = shadow.get(usize::from(y));
        let mut bytes = Vec::new();
        for k in cx..x {
            let cell = row.and_then(|r| r.get(usize::from(k))).unwrap_or(&blank);
            let symbol = cell.symbol();
            if symbol.width() != 1 || Pen::of(cell) != self.pen {
                return None;
            }
            bytes.extend_from_slice(symbol.as_bytes());
            if bytes.len() >= limit {
                return None;
            }
        }
        Some(bytes)
    }

    fn move_to(&mut self, out: &mut Vec<u8>, shadow: &[Vec<Cell>], x: u16, y: u16) {
        if self.at.row == Some(y) && self.at.col == Some(x) {
            return;
        }
        let mut best = match (x, y) {
            (0, 0) => b"\x1b[H".to_vec(),
            (0, y) => format!("\x1b[{}H", y + 1).into_bytes(),
            (x, y) => format!("\x1b[{};{}H", y + 1, x + 1).into_bytes(),
        };
        let mut consider = |candidate: Vec<u8>| {
            if candidate.len() < best.len() {
                best = candidate;
            }
        };
        if self.at.row == Some(y) {
            consider(self.across(shadow, self.at.col, x, y));
            let mut cr = b"\r".to_vec();
            cr.extend(self.across(shadow, Some(0), x, y));
            consider(cr);
        }
        if y > 0 && self.at.row == Some(y - 1) {
            let mut crlf = b"\r\n".to_vec();
            crlf.extend(self.across(shadow, Some(0), x, y));
            consider(crlf);
        }
        out.extend_from_slice(&best);
        self.at = At {
            row: Some(y),
            col: Some(x),
        };
    }

    fn cell(&mut self, out: &mut Vec<u8>, shadow: &[Vec<Cell>], x: u16, y: u16, cell: &Cell) {
        self.move_to(out, shadow, x, y);
        self.pen_to(out, Pen::of(cell));
        let symbol = cell.symbol();
        out.extend_from_slice(symbol.as_bytes());
        let next = x.saturating_add(1);
        self.at.col =
            (symbol.width() == 1 && self.columns.is_some_and(|w| next < w)).then_some(next);
    }

    /// Erase `n` cells from column `x` of row `y` with the blanks' colours and attributes
    /// (`pen`); erasing does not move the cursor, so it goes on past them when the `next`
    /// change is right after.
    fn erase_cells(
        &mut self,
        out: &mut Vec<u8>,
        shadow: &[Vec<Cell>],
        (x, y): (u16, u16),
        (n, pen): (usize, Pen),
        next: Option<u16>,
    ) {
        self.move_to(out, shadow, x, y);
        self.pen_to(out, pen);
        out.extend_from_slice(format!("\x1b[{n}X").as_bytes());
        let after = x.saturating_add(u16::try_from(n).unwrap_or(u16::MAX));
        if next == Some(after) {
            self.move_to(out, shadow, after, y);
        }
    }

    /// Erase from column `x` of row `y` to the end of the line, in the default colours.
    fn erase(&mut self, out: &mut Vec<u8>, shadow: &[Vec<Cell>], x: u16, y: u16) {
        self.move_to(out, shadow, x, y);
        self.pen_to(out, Pen::default());
        out.extend_from_slice(b"\x1b[K");
    }
}

impl<W: Write> Lean<W> {
    /// The first column of row `y` from which every cell is an erasable blank in the
    /// default colours, wide characters counted whole.
    fn blank_from(&self, y: u16) -> u16 {
        let Some(row) = self.shadow.get(usize::from(y)) else {
            return 0;
        };
        let mut from = 0;
        for (x, cell) in row.iter().enumerate() {
            if !erasable(cell) || Pen::of(cell) != Pen::default() {
                let x = u16::try_from(x).unwrap_or(u16::MAX);
                from = from.max(x.saturating_add(cell.symbol().width().max(1) as u16));
            }
        }
        from
    }
}

/// The shorter of the same cells written and erased, appended to `out`; the state after it.
/// Erasing leaves other colours set than writing: what it would take to set the written
/// ones counts against it, so that a run of erasing is not chosen for a few bytes now at
/// the price of colours to set again later.
fn cheaper(
    out: &mut Vec<u8>,
    (written, by_cells): (Encoder, Vec<u8>),
    (erased, by_erase): (Encoder, Vec<u8>),
) -> Encoder {
    let (mut catch_up, mut then) = (Vec::new(), erased);
    then.pen_to(&mut catch_up, written.pen);
    if by_erase.len() + catch_up.len() < by_cells.len() {
        out.extend(by_erase);
        erased
    } else {
        out.extend(by_cells);
        written
    }
}

/// How many of `cells` (changes in one row) from the first are next to one another and
/// erasable once drawn, all in the same colours and attributes.
fn blank_run(shadow: &[Vec<Cell>], cells: &[(u16, u16, &Cell)]) -> usize {
    let blank = Cell::default();
    let Some(&(x0, y, first)) = cells.first() else {
        return 0;
    };
    let row = shadow.get(usize::from(y));
    cells
        .iter()
        .enumerate()
        .take_while(|&(k, &(x, _, _))| {
            let cell = row.and_then(|r| r.get(usize::from(x))).unwrap_or(&blank);
            usize::from(x) == usize::from(x0) + k
                && erasable(cell)
                && Pen::of(cell) == Pen::of(first)
        })
        .count()
}

impl<W: Write> Write for Lean<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl<W: Write> Backend for Lean<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let changes: Vec<(u16, u16, &Cell)> = content.collect();
        for (x, y, cell) in &changes {
            self.remember(*x, *y, cell);
        }
        let columns = self.terminal_columns();
        let may_erase = columns.is_some_and(|w| w <= self.max_columns);
        let mut enc = Encoder {
            at: At::default(),
            pen: Pen::default(),
            columns,
        };
        let mut out = Vec::new();
        let shadow = &self.shadow;
        let mut rest = &changes[..];
        while let Some(&(_, y, _)) = rest.first() {
            let len = rest.iter().take_while(|c| c.1 == y).count();
            let (row, after) = rest.split_at(len);
            rest = after;
            let tail = if may_erase {
                self.blank_from(y)
            } else {
                u16::MAX
            };
            let split = row.partition_point(|c| c.0 < tail);
            let head = &row[..split];
            let mut i = 0;
            while let Some(&(x, y, cell)) = head.get(i) {
                let run = blank_run(shadow, &head[i..]);
                if run < 2 {
                    enc.cell(&mut out, shadow, x, y, cell);
                    i += 1;
                    continue;
                }
                // A run of blanks before something else in the row: written, or erased.
                let (mut written, mut erased) = (enc, enc);
                let (mut by_cells, mut by_erase) = (Vec::new(), Vec::new());
                for &(x, y, cell) in &head[i..i + run] {
                    written.cell(&mut by_cells, shadow, x, y, cell);
                }
                let next = row.get(i + run).map(|c| c.0);
                let pen = Pen::of(cell);
                erased.erase_cells(&mut by_erase, shadow, (x, y), (run, pen), next);
                enc = cheaper(&mut out, (written, by_cells), (erased, by_erase));
                i += run;
            }
            if let Some(&(first, _, _)) = row.get(split) {
                let (mut written, mut erased) = (enc, enc);
                let (mut by_cells, mut by_erase) = (Vec::new(), Vec::new());
                for &(x, y, cell) in &row[split..] {
                    written.cell(&mut by_cells, shadow, x, y, cell);
                }
                erased.erase(&mut by_erase, shadow, first, y);
                enc = cheaper(&mut out, (written, by_cells), (erased, by_erase));
            }
        }
        if enc.pen != Pen::default() {
            out.extend_from_slice(b"\x1b[m");
        }
        self.writer.write_all(&out)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        execute!(self.writer, Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        ratatui::crossterm::cursor::position()
            .map(|(x, y)| Position { x, y })
            .map_err(io::Error::other)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        execute!(self.writer, MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // ratatui forgets its last frame whenever it clears: so does the copy.
        self.shadow.clear();
        execute!(
            self.writer,
            terminal::Clear(match clear_type {
                ClearType::All => terminal::ClearType::All,
                ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
                ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
                ClearType::CurrentLine => terminal::ClearType::CurrentLine,
                ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
            })
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.writer, Print("\n"))?;
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests;
