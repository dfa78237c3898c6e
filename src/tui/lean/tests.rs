use super::*;
use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

const W: u16 = 12;
const H: u16 = 4;

/// Every cell as vt100 holds it: the character (an erased cell is a space, as the
/// terminal shows it), the colours and the attributes; or, not `strict`, what a person
/// sees of it: the foreground, bold, dim and italic of a blank do not show.
fn seen(bytes: &[u8], columns: u16, strict: bool) -> Vec<String> {
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(H).expect("rows"),
        std::num::NonZeroU16::new(columns).expect("columns"),
        0,
    );
    parser.process(bytes);
    let screen = parser.screen();
    let mut cells = Vec::new();
    for row in 0..H {
        for col in 0..columns {
            let cell = screen.cell(row, col).expect("a cell");
            let text = match cell.contents() {
                "" if cell.is_wide_continuation() => "<wide>",
                "" => " ",
                text => text,
            };
            let mut seen = format!(
                "{row},{col} {text:?} bg {:?} underline {} inverse {}",
                cell.bgcolor(),
                cell.underline(),
                cell.inverse()
            );
            if strict || text != " " || cell.inverse() {
                seen.push_str(&format!(
                    " fg {:?} bold {} dim {} italic {}",
                    cell.fgcolor(),
                    cell.bold(),
                    cell.dim(),
                    cell.italic()
                ));
            }
            cells.push(seen);
        }
    }
    cells
}

fn styles() -> Vec<Style> {
    vec![
        Style::default(),
        Style::default().fg(Color::Red),
        Style::default()
            .fg(Color::LightYellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Style::default().bg(Color::Blue),
        Style::default().add_modifier(Modifier::REVERSED),
        Style::default()
            .fg(Color::Indexed(200))
            .bg(Color::Rgb(1, 2, 3)),
        Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::DIM | Modifier::ITALIC),
        Style::default().add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD),
        Style::default().fg(Color::DarkGray).bg(Color::Gray),
    ]
}

/// A frame: rows of runs of text, each in one of the styles.
fn frame(wide: bool) -> impl Strategy<Value = Vec<Vec<(usize, String)>>> {
    let text = if wide {
        "[ab ─é]{0,5}|[ ]{1,12}|コ[a ]?"
    } else {
        "[ab ─é]{0,5}|[ ]{1,12}"
    };
    let run = (0..styles().len(), text);
    prop::collection::vec(prop::collection::vec(run, 0..5), H as usize)
}

fn buffer(rows: &[Vec<(usize, String)>]) -> Buffer {
    let area = Rect::new(0, 0, W, H);
    let mut buf = Buffer::empty(area);
    let styles = styles();
    for (y, runs) in rows.iter().enumerate() {
        let mut x = 0;
        for (style, text) in runs {
            if x >= W {
                break;
            }
            let y = y as u16;
            let (end, _) = buf.set_stringn(x, y, text, usize::from(W - x), styles[*style]);
            x = end;
        }
    }
    buf
}

/// Bytes written, still reachable once the backend has them.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Draws the frames one after another through both backends: (crossterm's bytes, ours).
fn both(frames: &[Buffer], columns: u16, max_columns: u16) -> (Vec<u8>, Vec<u8>) {
    let theirs = Shared::default();
    let mut reference = CrosstermBackend::new(theirs.clone());
    let mut lean = Lean::with_columns(Vec::new(), columns, max_columns);
    let mut last = Buffer::empty(Rect::new(0, 0, W, H));
    for frame in frames {
        let diff = last.diff(frame);
        reference.draw(diff.iter().copied()).expect("drawn");
        lean.draw(diff.iter().copied()).expect("drawn");
        last = frame.clone();
    }
    let reference = theirs.0.borrow().clone();
    (reference, lean.writer)
}

/// Our bytes for `after` drawn over `before`.
fn over(before: &Buffer, after: &Buffer) -> Vec<u8> {
    let mut lean = Lean::with_columns(Vec::new(), W, W);
    let blank = Buffer::empty(before.area);
    lean.draw(blank.diff(before).into_iter()).expect("drawn");
    lean.writer.clear();
    lean.draw(before.diff(after).into_iter()).expect("drawn");
    lean.writer
}

fn text(rows: &[(&str, Style)]) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, W, H));
    for (y, (line, style)) in rows.iter().enumerate() {
        buf.set_string(0, y as u16, line, *style);
    }
    buf
}

#[test]
fn short_moves_unchanged_cells_written_again_and_a_blank_end_erased() {
    let plain = Style::default();
    let before = text(&[("abcdefghijkl", plain), ("abcdefghijkl", plain)]);
    let after = text(&[("abXdef", plain), ("abcdefghiZkl", plain)]);
    // Row 1: to column 3, "X", "def" again rather than a move, then erase the rest.
    // Row 2: CR LF and 9 columns on; nothing to reset at the end.
    assert_eq!(
        String::from_utf8(over(&before, &after)).expect("text"),
        "\x1b[1;3HXdef\x1b[K\r\n\x1b[9CZ"
    );
}

#[test]
fn blanks_inside_a_row_are_erased_where_that_is_shorter() {
    let plain = Style::default();
    let before = text(&[("abcdefghijkl", plain), ("abcdefghijkl", plain)]);
    let after = text(&[("a          l", plain), ("a      hijkl", plain)]);
    // Row 1: ten blanks, nothing after them changes: erased. Row 2: "a" written again
    // (shorter than a move), then six blanks erased.
    assert_eq!(
        String::from_utf8(over(&before, &after)).expect("text"),
        "\x1b[1;2H\x1b[10X\r\na\x1b[6X"
    );
}

#[test]
fn colours_change_by_the_shorter_way_and_are_reset_once() {
    let bold = Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let yellow = bold.fg(Color::LightYellow);
    let before = text(&[("", Style::default())]);
    let mut after = text(&[("ab", yellow)]);
    after.set_string(2, 0, "c", Style::default().fg(Color::Cyan));
    after.set_string(3, 0, "d", Style::default());
    assert_eq!(
        String::from_utf8(over(&before, &after)).expect("text"),
        "\x1b[H\x1b[1;4;93mab\x1b[0;36mc\x1b[md"
    );
}

fn same_screen(frames: &[Vec<Vec<(usize, String)>>], erase: bool, wider: bool, strict: bool) {
    let frames: Vec<Buffer> = frames.iter().map(|f| buffer(f)).collect();
    let columns = if wider { W + 3 } else { W };
    // Erasing to the end of the line only where the frame spans the terminal.
    let max_columns = if erase && !wider {
        columns
    } else {
        columns - 1
    };
    let (reference, lean) = both(&frames, columns, max_columns);
    assert!(
        lean.len() <= reference.len(),
        "{} > {}",
        lean.len(),
        reference.len()
    );
    assert_eq!(
        seen(&lean, columns, strict),
        seen(&reference, columns, strict)
    );
}

proptest! {
    /// Whatever frames come one after another, every cell of the terminal holds the
    /// same as through crossterm's backend (character, colours, attributes), in no more
    /// bytes.
    #[test]
    fn the_screen_is_the_same(
        frames in prop::collection::vec(frame(false), 1..5),
        erase in any::<bool>(),
        wider in any::<bool>(),
    ) {
        same_screen(&frames, erase, wider, true);
    }

    /// With wide characters too: where one is half overwritten, what is left of it
    /// depends on the terminal (vt100 leaves a blank in the wide character's colours),
    /// so a blank's foreground and attributes, which do not show, are not compared.
    #[test]
    fn wide_characters_look_the_same(
        frames in prop::collection::vec(frame(true), 1..5),
        erase in any::<bool>(),
        wider in any::<bool>(),
    ) {
        same_screen(&frames, erase, wider, false);
    }
}
