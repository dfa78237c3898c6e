//! The colours and attributes the terminal has set (a `Pen`), and the shortest SGR
//! parameters from one to another.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The colours and attributes set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    pub(super) fg: Color,
    pub(super) bg: Color,
    pub(super) underline: Color,
    pub(super) modifier: Modifier,
}

impl Default for Pen {
    fn default() -> Pen {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Pen {
    pub(super) fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// The parameters that set everything this pen sets, after a reset.
    pub(super) fn after_reset(self) -> Vec<String> {
        let mut params = vec!["0".to_string()];
        params.extend(modifier_on(self.modifier));
        if self.fg != Color::Reset {
            params.push(colour(self.fg, Layer::Fg));
        }
        if self.bg != Color::Reset {
            params.push(colour(self.bg, Layer::Bg));
        }
        if self.underline != Color::Reset {
            params.push(colour(self.underline, Layer::Underline));
        }
        params
    }

    /// The parameters that change `self` into `to`, one by one.
    pub(super) fn changes(self, to: Pen) -> Vec<String> {
        let mut params = Vec::new();
        let (from, want) = (self.modifier, to.modifier);
        let removed = from - want;
        let intensity = Modifier::BOLD | Modifier::DIM;
        let blink = Modifier::SLOW_BLINK | Modifier::RAPID_BLINK;
        // Normal intensity ends bold and dim together, no blink both blinks: what stays
        // of either is set again.
        let mut add = want - from;
        if removed.intersects(intensity) {
            params.push("22".to_string());
            add |= want & intensity;
        }
        if removed.intersects(blink) {
            params.push("25".to_string());
            add |= want & blink;
        }
        for (m, code) in [
            (Modifier::ITALIC, "23"),
            (Modifier::UNDERLINED, "24"),
            (Modifier::REVERSED, "27"),
            (Modifier::HIDDEN, "28"),
            (Modifier::CROSSED_OUT, "29"),
        ] {
            if removed.contains(m) {
                params.push(code.to_string());
            }
        }
        params.extend(modifier_on(add));
        if self.fg != to.fg {
            params.push(colour(to.fg, Layer::Fg));
        }
        if self.bg != to.bg {
            params.push(colour(to.bg, Layer::Bg));
        }
        if self.underline != to.underline {
            params.push(colour(to.underline, Layer::Underline));
        }
        params
    }
}

fn modifier_on(m: Modifier) -> impl Iterator<Item = String> {
    [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ]
    .into_iter()
    .filter(move |(bit, _)| m.contains(*bit))
    .map(|(_, code)| code.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// The SGR parameters for a colour: the 16 named colours in their short form.
fn colour(c: Color, layer: Layer) -> String {
    let index = match c {
        Color::Reset => {
            return match layer {
                Layer::Fg => "39",
                Layer::Bg => "49",
                Layer::Underline => "59",
            }
            .to_string();
        }
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => n,
        Color::Rgb(r, g, b) => {
            let base = match layer {
                Layer::Fg => 38,
                Layer::Bg => 48,
                Layer::Underline => 58,
            };
            return format!("{base};2;{r};{g};{b}");
        }
    };
    let short = match layer {
        Layer::Fg => Some(30),
        Layer::Bg => Some(40),
        Layer::Underline => None,
    };
    match short {
        Some(base) if index < 8 => (base + u16::from(index)).to_string(),
        Some(base) if index < 16 => (base + 60 + u16::from(index - 8)).to_string(),
        _ => {
            let base = match layer {
                Layer::Fg => 38,
                Layer::Bg => 48,
                Layer::Underline => 58,
            };
            format!("{base};5;{index}")
        }
    }
}
