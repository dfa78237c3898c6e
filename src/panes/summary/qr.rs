//! The summary as a QR code on screen: the fullest form of the summary whose code fits
//! the room, drawn dark on light whatever the theme, with a quiet zone around it.
//!
//! With Unicode each cell holds two modules, one above the other, in half blocks
//! (`▀`, `▄`, `█`, space): a cell is about twice as tall as it is wide, so the modules
//! come out square. In ASCII each module is `##` or two spaces on one row (two columns
//! by one row is square too), so only a small code fits.

use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::summary::Summary;
use crate::summary::compact::{Form, text};

/// The quiet zone (light modules around the code), widest first: four modules as the
/// standard asks when there is room, else two, which phone cameras still read.
pub const QUIET: [usize; 2] = [4, 2];

/// A code ready to draw: its modules with the quiet zone, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub form: Form,
    /// The text encoded.
    pub text: String,
    /// Modules a side, the quiet zone included.
    pub side: usize,
    pub quiet: usize,
    /// Dark modules, row by row, `side * side` of them.
    dark: Vec<bool>,
}

impl Code {
    /// Whether the module at column `x`, row `y` (quiet zone included) is dark; outside
    /// the code everything is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.side && y < self.side && self.dark[y * self.side + x]
    }

    /// Columns and rows it takes on screen.
    pub fn cells(&self, ascii: bool) -> (u16, u16) {
        let side = u16::try_from(self.side).unwrap_or(u16::MAX);
        if ascii {
            (side.saturating_mul(2), side)
        } else {
            (side, side.div_ceil(2))
        }
    }
}

/// Encode a text (byte mode where needed, low error correction for the most room).
fn encode(text: &str, quiet: usize) -> Option<Code> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.into_colors();
    let side = width + 2 * quiet;
    let mut dark = vec![false; side * side];
    for y in 0..width {
        for x in 0..width {
            dark[(y + quiet) * side + x + quiet] = colors[y * width + x].select(true, false);
        }
    }
    Some(Code {
        form: Form::Full,
        text: text.to_string(),
        side,
        quiet,
        dark,
    })
}

/// The modules a side of the code for the full summary (quiet zone of two), if the
/// full text fits in a QR code at all: to say how large a window would show it.
pub fn full_side(summary: &Summary) -> Option<usize> {
    let code =
        QrCode::with_error_correction_level(text(summary, Form::Full).as_bytes(), EcLevel::L)
            .ok()?;
    Some(code.width() + 2 * QUIET[1])
}

/// The fullest form of the summary whose code fits `cols` x `rows` cells.
pub fn fit(summary: &Summary, cols: u16, rows: u16, ascii: bool) -> Option<Code> {
    let (wide, tall) = if ascii {
        (usize::from(cols / 2), usize::from(rows))
    } else {
        (usize::from(cols), usize::from(rows) * 2)
    };
    let room = wide.min(tall);
    for form in Form::ALL {
        let words = text(summary, form);
        // The smallest code this text can have: version 1 is 21 modules a side.
        if room < 21 + 2 * QUIET[1] {
            return None;
        }
        let Some(code) = encode(&words, 0) else {
            continue;
        };
        for quiet in QUIET {
            if code.side + 2 * quiet <= room {
                let mut fitted = encode(&words, quiet)?;
                fitted.form = form;
                return Some(fitted);
            }
        }
    }
    None
}

/// Whether `fit` found a code, and which, for the room it was asked about.
#[derive(Debug, Clone)]
pub struct Fitted {
    pub generation: u64,
    pub date: crate::summary::Stamp,
    pub room: (u16, u16),
    pub ascii: bool,
    pub code: Option<Code>,
    /// See [`full_side`].
    pub full_side: Option<usize>,
}

/// The style of a cell: dark ink on light paper. With colours, black on white; without,
/// reverse video (the terminal's background colour as ink on its text colour, dark on
/// light on the usual dark terminal).
fn paper(color: bool) -> Style {
    if color {
        Style::new().fg(Color::Black).bg(Color::White)
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

/// Draw a code with its top-left corner at `at` (cut at the buffer's edge).
pub fn draw(buf: &mut Buffer, at: Rect, code: &Code, ascii: bool, color: bool) {
    let (cols, rows) = code.cells(ascii);
    let area = at.intersection(Rect::new(at.x, at.y, cols, rows));
    for row in 0..area.height {
        for col in 0..area.width {
            let (x, y) = (usize::from(col), usize::from(row));
            let (symbol, style) = if ascii {
                let dark = code.is_dark(x / 2, y);
                let style = match (dark, color) {
                    (true, true) => Style::new().fg(Color::Black).bg(Color::Black),
                    (false, true) => Style::new().fg(Color::White).bg(Color::White),
                    (_, false) => Style::new(),
                };
                (if dark { "#" } else { " " }, style)
            } else {
                let top = code.is_dark(x, 2 * y);
                let bottom = code.is_dark(x, 2 * y + 1);
                let glyph = match (top, bottom) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => " ",
                };
                (glyph, paper(color))
            };
            if let Some(cell) = buf.cell_mut((area.x + col, area.y + row)) {
                cell.set_symbol(symbol).set_style(style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Session;
    use crate::engine::Answer;
    use crate::summary::Stamp;

    fn summary() -> Summary {
        let text = include_str!("../../../tests/fixtures/ui-graph.ron");
        let graph = crate::graph::parse(vec![crate::graph::SourceText::new("g.ron", text)])
            .expect("fixture parses");
        let mut s = Session::new(graph, true);
        s.choose_regions(vec!["back".into()]);
        s.answer("q-start", Answer::Yes).expect("fits");
        Summary::of(&s, Stamp::from_unix(1_796_306_709))
    }

    #[test]
    fn the_code_chosen_always_fits_its_room_and_is_the_fullest_that_does() {
        let s = summary();
        for ascii in [false, true] {
            for (cols, rows) in [(50, 20), (50, 22), (80, 30), (90, 36), (200, 100), (12, 6)] {
                let Some(code) = fit(&s, cols, rows, ascii) else {
                    // Nothing fits: not even the shortest form's code.
                    let tiny = QrCode::with_error_correction_level(
                        text(&s, Form::Tiny).as_bytes(),
                        EcLevel::L,
                    )
                    .expect("encodes");
                    let (w, h) = (tiny.width() + 4, tiny.width() + 4);
                    let room = if ascii {
                        (usize::from(cols) / 2).min(usize::from(rows))
                    } else {
                        usize::from(cols).min(usize::from(rows) * 2)
                    };
                    assert!(w.max(h) > room, "{cols}x{rows}: the tiny code would fit");
                    continue;
                };
                let (w, h) = code.cells(ascii);
                assert!(w <= cols && h <= rows, "{cols}x{rows}: {w}x{h}");
                assert!(code.quiet >= 2);
                assert_eq!(code.text, text(&s, code.form));
                // No fuller form fits.
                for fuller in Form::ALL.iter().filter(|f| **f < code.form) {
                    let side = QrCode::with_error_correction_level(
                        text(&s, *fuller).as_bytes(),
                        EcLevel::L,
                    )
                    .map_or(usize::MAX, |c| c.width() + 4);
                    let room = if ascii {
                        (usize::from(cols) / 2).min(usize::from(rows))
                    } else {
                        usize::from(cols).min(usize::from(rows) * 2)
                    };
                    assert!(side > room, "{fuller:?} would fit {cols}x{rows}");
                }
            }
        }
        // A room the size of an 80x24 pane holds a short form; a large one the full text.
        let small = fit(&s, 50, 22, false).expect("a code at 80x24");
        assert_ne!(small.form, Form::Full);
        assert_eq!(fit(&s, 200, 100, false).expect("a code").form, Form::Full);
    }

    #[test]
    fn the_tiny_form_is_alphanumeric() {
        let t = text(&summary(), Form::Tiny);
        assert!(
            t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " $%*+-./:".contains(c)),
            "{t}"
        );
        assert_eq!(
            crate::summary::compact::alphanumeric("Sjögren's, (x)"),
            "SJOGREN S X "
        );
    }
}
