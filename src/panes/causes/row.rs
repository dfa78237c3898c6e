//! The columns of the cause list and the name cell: the name whole where it fits, cut
//! only at its end, with the matched characters highlighted.

use ratatui::layout::Constraint;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::Session;
use crate::app::session::CauseRow;
use crate::ui::theme::Theme;
use crate::ui::truncate;

/// The pointer column ("▶ ").
const POINTER: usize = 2;
/// The per cent after the bar.
pub const PERCENT: usize = 5;
const COMMON: usize = 10;
const TRIAGE: usize = 9;

/// Column widths for a pane width; narrow panes drop the bar, then how common. The name
/// takes what its longest shown name needs and no more, so on a wide terminal the other
/// columns sit beside the names instead of across a gap.
pub struct Columns {
    pub name: usize,
    pub common: usize,
    pub triage: usize,
    pub bar: usize,
}

impl Columns {
    pub fn for_width(width: u16, longest: usize) -> Columns {
        let w = usize::from(width);
        let (common, bar) = match w {
            0..48 => (0, 0),
            48..64 => (COMMON, 0),
            64..80 => (COMMON, 6),
            80..120 => (COMMON, 10),
            _ => (COMMON, 20),
        };
        let triage = if w >= 30 { TRIAGE } else { 0 };
        let gaps = 1 + usize::from(common > 0) + usize::from(triage > 0);
        let room = w.saturating_sub(POINTER + common + triage + bar + PERCENT + gaps);
        // At least the heading's width; at most what is there.
        let name = longest.max(26).min(room);
        // Room left over widens the bar (to 20 cells); the rest stays at the right edge.
        let bar = if bar > 0 {
            (bar + room - name).min(20)
        } else {
            0
        };
        Columns {
            name,
            common,
            triage,
            bar,
        }
    }

    pub fn likelihood(&self) -> usize {
        self.bar + PERCENT
    }

    pub fn widths(&self) -> Vec<Constraint> {
        let mut w = vec![Constraint::Length(self.name as u16)];
        if self.common > 0 {
            w.push(Constraint::Length(self.common as u16));
        }
        if self.triage > 0 {
            w.push(Constraint::Length(self.triage as u16));
        }
        w.push(Constraint::Length(self.likelihood() as u16));
        w
    }

    pub fn header(&self, checks: bool, unexplained: bool, theme: &Theme) -> Line<'static> {
        // With causes to check first, the heading says the list has two parts; with a
        // warning that no cause listed explains, it says to act on the warning.
        let first = if unexplained {
            "None explains the warning"
        } else if checks {
            "Check first, then likely"
        } else {
            "Cause"
        };
        let first = truncate(first, self.name, theme);
        let mut s = format!("{:POINTER$}{:<w$}", "", first, w = self.name + 1);
        if self.common > 0 {
            s.push_str(&format!("{:<w$}", "how common", w = self.common + 1));
        }
        if self.triage > 0 {
            s.push_str(&format!("{:<w$}", "triage", w = self.triage + 1));
        }
        let likely = if self.likelihood() >= 10 {
            "likelihood"
        } else {
            "likely"
        };
        s.push_str(&format!("{likely:>w$}", w = self.likelihood()));
        Line::from(Span::styled(s, theme.faint()))
    }
}

/// What follows a name: a separator, the text and its matched character indices.
type Extra = (String, String, Vec<usize>);

/// Most lines a name may take in the list; a longer one is cut at its end.
pub const NAME_LINES: usize = 3;

/// The name cell: the name (or "name (alias)" when an alias matched, or "name  via:
/// symptom" when a symptom did, or else "name: its plain gloss"), matched characters
/// highlighted. A name too long for the column wraps onto a second line rather than being
/// cut; what follows the name gives way first.
pub fn name_cell(
    session: &Session,
    row: &CauseRow,
    width: usize,
    selected: bool,
    theme: &Theme,
) -> Text<'static> {
    let graph = session.graph();
    let name = graph.causes[row.index].name.as_str();
    let hl = theme.matched();
    let note = if selected {
        Style::new()
    } else {
        theme.faint()
    };
    let (name_hits, extra): (&[usize], Option<Extra>) = match (row.hit, row.via) {
        (Some(h), _) if h.via_alias => (
            &[],
            Some((" (".into(), format!("{})", h.text), h.indices.clone())),
        ),
        // Nothing matched beside the name: its plain gloss follows, where it fits.
        (Some(h), _) => (&h.indices, gloss_of(session, row.index)),
        (_, Some(v)) => (
            &[],
            Some((
                "  via: ".into(),
                graph.findings[v.finding].name.clone(),
                v.indices.clone(),
            )),
        ),
        _ => (&[], gloss_of(session, row.index)),
    };
    let mut lines: Vec<Line<'static>> = Vec::new();
    let pieces = wrap_name(name, width);
    let count = pieces.len();
    for (n, (start, piece)) in pieces.into_iter().enumerate() {
        let shifted: Vec<usize> = name_hits
            .iter()
            .filter_map(|&i| i.checked_sub(start))
            .collect();
        let text = if n + 1 == NAME_LINES && count > NAME_LINES {
            cut(&format!("{piece}{}", theme.ellipsis()), width, theme)
        } else {
            piece
        };
        lines.push(Line::from(highlighted(&text, &shifted, Style::new(), hl)));
        if n + 1 == NAME_LINES {
            break;
        }
    }
    if let (Some((sep, text, hits)), Some(last)) = (extra, lines.last_mut()) {
        let used: usize = last.spans.iter().map(|s| s.content.width()).sum();
        let room = width.saturating_sub(used + sep.width());
        // A gloss shows whole or not at all (the detail has it); a match shows with at
        // least a few letters.
        let whole = text.width() <= room;
        if whole || (room >= 8 && !hits.is_empty()) || (room >= 8 && sep != ": ") {
            last.spans.push(Span::styled(sep, note));
            last.spans
                .extend(highlighted(&cut(&text, room, theme), &hits, note, hl));
        }
    }
    Text::from(lines)
}

/// How many lines a cause's name takes in a column this wide.
pub fn name_lines(session: &Session, cause: usize, width: usize) -> usize {
    let name = session.graph().causes[cause].name.as_str();
    if name.width() <= width {
        return 1;
    }
    wrap_name(name, width).len().min(NAME_LINES)
}

/// A name broken at spaces into lines of a width (a word longer than the width is cut
/// into pieces), each with the character index it starts at.
fn wrap_name(name: &str, width: usize) -> Vec<(usize, String)> {
    let width = width.max(1);
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut line = String::new();
    let mut line_start = 0;
    let mut line_w = 0;
    let mut at = 0;
    for word in name.split_inclusive(' ') {
        let w = word.trim_end().width();
        if line_w > 0 && line_w + w > width {
            out.push((line_start, std::mem::take(&mut line).trim_end().to_string()));
            line_start = at;
            line_w = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if line_w + cw > width && c != ' ' {
                out.push((line_start, std::mem::take(&mut line)));
                line_start = at;
                line_w = 0;
            }
            line.push(c);
            line_w += cw;
            at += 1;
        }
    }
    if !line.trim_end().is_empty() || out.is_empty() {
        out.push((line_start, line.trim_end().to_string()));
    }
    out
}

/// Cut to a display width at the end, with an ellipsis when cut.
fn cut(text: &str, width: usize, theme: &Theme) -> String {
    truncate(text, width, theme)
}

/// Runs of characters as spans, those at `hits` (character indices) in `hl`.
fn highlighted(text: &str, hits: &[usize], base: Style, hl: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    for (i, c) in text.chars().enumerate() {
        let is_hl = hits.contains(&i) && c.width().is_some();
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { base.patch(hl) } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_hl { base.patch(hl) } else { base },
        ));
    }
    spans
}

/// A cause's plain gloss after its name, if it has one.
fn gloss_of(session: &Session, cause: usize) -> Option<Extra> {
    let gloss = session.graph().causes.get(cause)?.gloss.clone()?;
    Some((": ".into(), gloss, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_wraps_at_spaces_keeping_character_positions() {
        let lines = wrap_name("Spinal infection (osteomyelitis, discitis)", 20);
        assert_eq!(
            lines,
            [
                (0, "Spinal infection".to_string()),
                (17, "(osteomyelitis,".to_string()),
                (33, "discitis)".to_string())
            ]
        );
        assert_eq!(wrap_name("Sciatica", 20), [(0, "Sciatica".to_string())]);
        assert_eq!(wrap_name("abcdefgh", 3).len(), 3);
    }

    #[test]
    fn the_name_column_fits_the_names_not_the_window() {
        let wide = Columns::for_width(200, 30);
        assert_eq!(wide.name, 30);
        let narrow = Columns::for_width(80, 60);
        assert!(narrow.name < 60);
        let total = POINTER + narrow.name + narrow.common + narrow.triage + narrow.likelihood() + 3;
        assert!(total <= 80, "{total}");
    }
}
