//! Styles and glyphs. 16 named ANSI colours only, so the terminal's palette rules;
//! with `NO_COLOR` every colour is dropped and meaning is carried by words, reverse video
//! and markers. With `--ascii` every glyph has an ASCII stand-in.
//!
//! Three themes (the `theme` setting): `default`; `high-contrast`, the bright colours on
//! the terminal's own background and never dimmed text; and `monochrome`, no colour at
//! all, emphasis by bold and reverse video only.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::app::Options;
use crate::graph::Triage;
use crate::graph::controls::is_unsafe;

/// The 16 named colours, by the role they play.
pub mod palette {
    use ratatui::style::Color;
    pub const ACCENT: Color = Color::Cyan;
    /// Unfocused borders only: never text.
    pub const FAINT: Color = Color::DarkGray;
    pub const FIGURE: Color = Color::Gray;
    pub const KEY: Color = Color::Yellow;
    pub const MATCH: Color = Color::LightYellow;
    pub const SPOT: Color = Color::LightBlue;
    pub const MARKED: Color = Color::LightMagenta;
    pub const EMERGENCY: Color = Color::LightRed;
    pub const URGENT: Color = Color::Red;
    pub const SOON: Color = Color::Yellow;
    pub const ROUTINE: Color = Color::Cyan;
    pub const SELF_CARE: Color = Color::Green;
    pub const BAR: Color = Color::Blue;
    pub const FOR: Color = Color::LightGreen;
    pub const AGAINST: Color = Color::Magenta;
    pub const TEXT: Color = Color::White;
    pub const INFO: Color = Color::LightCyan;
}

/// The colour schemes a configuration can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
    Monochrome,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [
        ThemeName::Default,
        ThemeName::HighContrast,
        ThemeName::Monochrome,
    ];

    /// The name written in the configuration.
    pub fn id(self) -> &'static str {
        match self {
            ThemeName::Default => "default",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Monochrome => "monochrome",
        }
    }
}

impl TryFrom<String> for ThemeName {
    type Error = String;
    fn try_from(word: String) -> Result<Self, String> {
        if let Some(theme) = ThemeName::ALL.into_iter().find(|t| t.id() == word) {
            return Ok(theme);
        }
        let near = crate::graph::suggest::closest(&word, ThemeName::ALL.map(ThemeName::id));
        let hint = match near.first() {
            Some(n) => format!(" (did you mean \"{n}\"?)"),
            None => " (it is one of default, high-contrast, monochrome)".to_string(),
        };
        Err(format!("unknown theme \"{}\"{hint}", word.escape_debug()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
    /// Bright colours only and no dimmed text (`high-contrast`).
    pub bright: bool,
}

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

const ASCII_FOCUS_BORDER: border::Set = border::Set {
    horizontal_top: "=",
    horizontal_bottom: "=",
    ..ASCII_BORDER
};

impl Theme {
    pub fn new(options: &Options) -> Theme {
        Theme {
            color: options.color && options.theme != ThemeName::Monochrome,
            ascii: options.ascii,
            bright: options.theme == ThemeName::HighContrast,
        }
    }

    fn fg(&self, c: Color) -> Style {
        match (self.color, self.bright) {
            (true, true) => Style::new().fg(brighter(c)),
            (true, false) => Style::new().fg(c),
            (false, _) => Style::new(),
        }
    }

    pub fn text(&self) -> Style {
        Style::new()
    }
    /// Secondary text: dimmed in the terminal's own text colour. Never dark grey (colour
    /// 8), which vanishes on common palettes; that is kept for unfocused borders.
    pub fn faint(&self) -> Style {
        if self.bright {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    pub fn info(&self) -> Style {
        self.fg(palette::INFO).add_modifier(Modifier::ITALIC)
    }
    pub fn bold(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        self.fg(palette::ACCENT)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn key(&self) -> Style {
        self.fg(palette::KEY).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, _) => self.fg(palette::ACCENT).add_modifier(Modifier::BOLD),
            (false, true) if self.bright => Style::new(),
            (false, true) => self.fg(palette::FAINT),
            (false, false) => Style::new(),
        }
    }
    pub fn border_set(&self, focused: bool) -> border::Set<'static> {
        match (self.ascii, focused) {
            (true, true) => ASCII_FOCUS_BORDER,
            (true, false) => ASCII_BORDER,
            (false, true) => border::THICK,
            (false, false) => border::ROUNDED,
        }
    }
    pub fn title(&self, focused: bool) -> Style {
        if focused {
            self.fg(palette::ACCENT)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            // Not the border's grey: a title is text.
            self.bold().fg(Color::Reset)
        }
    }
    /// The selected row: reverse video and bold, plus the marker glyph.
    pub fn selected(&self) -> Style {
        self.fg(palette::ACCENT)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Matched characters of a search: bold and underlined as well as coloured.
    pub fn matched(&self) -> Style {
        self.fg(palette::MATCH)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn figure(&self) -> Style {
        self.fg(palette::FIGURE)
    }
    pub fn spot(&self) -> Style {
        self.fg(palette::SPOT).add_modifier(Modifier::BOLD)
    }
    pub fn marked(&self) -> Style {
        self.fg(palette::MARKED).add_modifier(Modifier::BOLD)
    }
    pub fn bar(&self) -> Style {
        self.fg(palette::BAR)
    }
    pub fn evidence(&self, for_: bool) -> Style {
        self.fg(if for_ { palette::FOR } else { palette::AGAINST })
    }
    pub fn triage(&self, t: Triage) -> Style {
        let c = match t {
            Triage::Emergency => palette::EMERGENCY,
            Triage::Urgent => palette::URGENT,
            Triage::Soon => palette::SOON,
            Triage::Routine => palette::ROUTINE,
            Triage::SelfCare => palette::SELF_CARE,
        };
        let s = self.fg(c).add_modifier(Modifier::BOLD);
        if t >= Triage::Urgent {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }
    /// The red-flag banner: words, bold, in reverse video, never colour alone.
    pub fn banner(&self, t: Triage) -> Style {
        self.triage(t)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn pointer(&self) -> &'static str {
        if self.ascii { "> " } else { "▶ " }
    }
    pub fn dot(&self) -> &'static str {
        if self.ascii { "|" } else { "·" }
    }
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "..." } else { "…" }
    }
    /// Score-bar cells: full, and a partial eighth set (unicode only).
    pub fn bar_cells(&self) -> (&'static str, &'static str) {
        if self.ascii {
            ("#", ".")
        } else {
            ("█", "░")
        }
    }
    pub fn spot_glyphs(&self) -> (&'static str, &'static str, &'static str) {
        spot_glyphs(self.ascii)
    }

    /// Last pass over a drawn frame: no control or bidi character in any cell (ratatui
    /// already skips control characters and zero-width ones as it draws text; this holds
    /// whatever the widget); with `NO_COLOR`, drop any colour that slipped in; with
    /// `--ascii`, replace any character outside ASCII.
    pub fn finish(&self, buf: &mut Buffer) {
        for cell in &mut buf.content {
            if cell.symbol().chars().any(is_unsafe) {
                let kept: String = cell.symbol().chars().filter(|&c| !is_unsafe(c)).collect();
                if kept.is_empty() {
                    cell.set_char(' ');
                } else {
                    cell.set_symbol(&kept);
                }
            }
            if !self.color {
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
            }
            if self.ascii && !cell.symbol().is_ascii() {
                let c = cell.symbol().chars().next().map_or(' ', to_ascii);
                cell.set_char(c);
            }
        }
    }
}

/// The bright form of a named colour, for the high-contrast theme: white, never grey.
fn brighter(c: Color) -> Color {
    match c {
        Color::Red => Color::LightRed,
        Color::Green => Color::LightGreen,
        Color::Yellow => Color::LightYellow,
        Color::Blue => Color::LightBlue,
        Color::Magenta => Color::LightMagenta,
        Color::Cyan => Color::LightCyan,
        Color::Gray | Color::DarkGray => Color::White,
        other => other,
    }
}

/// The body map's marks: (another place, a marked place, the cursor).
pub fn spot_glyphs(ascii: bool) -> (&'static str, &'static str, &'static str) {
    if ascii {
        ("o", "#", "@")
    } else {
        ("○", "●", "◉")
    }
}

/// An ASCII stand-in for one character.
pub fn to_ascii(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        '─' | '━' | '═' | '–' | '—' | '‐' | '−' => '-',
        '│' | '┃' | '║' | '┆' => '|',
        '╭' | '╮' | '╰' | '╯' | '┌' | '┐' | '└' | '┘' | '┏' | '┓' | '┗' | '┛' | '┬' | '┴' | '┼' => {
            '+'
        }
        '╱' => '/',
        '╲' => '\\',
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        '…' | '·' | '•' => '.',
        '▶' | '→' | '›' => '>',
        '◀' | '←' | '‹' => '<',
        '↑' => '^',
        '↓' => 'v',
        '✓' | '✔' => '+',
        '✗' | '✘' | '×' => 'x',
        '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏' | '●' => '#',
        '░' => '.',
        '○' => 'o',
        '◉' => '@',
        '≥' => '>',
        '≤' => '<',
        '\u{a0}' => ' ',
        other => {
            let folded = crate::engine::search::fold(&other.to_string())
                .chars()
                .next()
                .unwrap_or('?');
            match (folded.is_ascii(), other.is_uppercase()) {
                (true, true) => folded.to_ascii_uppercase(),
                (true, false) => folded,
                _ => '?',
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn themes_change_colours_and_emphasis_only() {
        let of = |theme| {
            Theme::new(&Options {
                theme,
                ..Options::default()
            })
        };
        let (plain, bright, mono) = (
            of(ThemeName::Default),
            of(ThemeName::HighContrast),
            of(ThemeName::Monochrome),
        );
        assert!(plain.faint().add_modifier.contains(Modifier::DIM));
        assert!(!bright.faint().add_modifier.contains(Modifier::DIM));
        assert_eq!(plain.border(false).fg, Some(palette::FAINT));
        assert_eq!(bright.border(false).fg, None, "no grey border");
        assert_eq!(bright.triage(Triage::Urgent).fg, Some(Color::LightRed));
        assert_eq!(bright.figure().fg, Some(Color::White));
        for theme in [bright, mono, plain] {
            assert!(theme.selected().add_modifier.contains(Modifier::REVERSED));
            let banner = theme.banner(Triage::Emergency).add_modifier;
            assert!(banner.contains(Modifier::REVERSED | Modifier::BOLD));
        }
        assert_eq!(mono.triage(Triage::Emergency).fg, None);
        assert_eq!(mono.heading().fg, None);
        assert!(!mono.color);
        assert_eq!(
            ThemeName::try_from("mono".to_string()).unwrap_err(),
            "unknown theme \"mono\" (did you mean \"monochrome\"?)"
        );
    }

    #[test]
    fn no_control_or_bidi_character_survives_a_frame() {
        for options in [
            Options::default(),
            Options {
                ascii: true,
                color: false,
                ..Options::default()
            },
        ] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
            buf[(0, 0)].set_symbol("\u{202e}");
            buf[(1, 0)].set_symbol("a\u{200f}");
            buf[(2, 0)].set_symbol("\u{1b}");
            buf[(3, 0)].set_symbol("\u{9b}");
            buf[(4, 0)].set_symbol("b");
            Theme::new(&options).finish(&mut buf);
            let symbols: Vec<&str> = buf
                .content
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect();
            assert_eq!(symbols, [" ", "a", " ", " ", "b"]);
        }
    }
}
