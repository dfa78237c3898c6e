//! Drawing a checklist question: its items, ticked or not, and the keys that answer it.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::Ticks;
use crate::engine::interview::is_ticked;
use crate::graph::{Answers, Question};
use crate::ui::theme::Theme;
use crate::ui::wrap;

/// A checklist: each item with its number and a box, ticked or not, the item under the
/// cursor marked, each written out in full; then the keys that
/// answer it. At most `max` lines: when the items do not fit, those around the cursor.
pub fn lines(
    q: &Question,
    ticks: &Ticks,
    width: u16,
    max: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Answers::Checklist(items) = &q.answers else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<Line<'static>>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = i == ticks.item;
        let pointer = if at { theme.pointer() } else { "  " };
        let key = match i {
            0..9 => format!("[{}]", i + 1),
            _ => "   ".to_string(),
        };
        let tick = if is_ticked(ticks.ticked, i) {
            " [x] "
        } else {
            " [ ] "
        };
        let indent = pointer.width() + key.width() + tick.width();
        let room = usize::from(width).saturating_sub(indent).max(8);
        // Every item wraps rather than being cut: each must be read whole to be ticked.
        let lines = wrap(&item.label, room as u16);
        let style = if at { theme.selected() } else { theme.text() };
        let mut row = Vec::new();
        for (n, line) in lines.into_iter().enumerate() {
            let mut spans = if n == 0 {
                vec![
                    Span::raw(pointer),
                    Span::styled(key.clone(), theme.key()),
                    Span::raw(tick),
                ]
            } else {
                vec![Span::raw(" ".repeat(indent))]
            };
            spans.push(Span::styled(line, style));
            row.push(Line::from(spans));
        }
        rows.push(row);
    }
    let keys = Line::from(vec![
        Span::raw("  "),
        Span::styled("[Enter]", theme.key()),
        Span::raw(" Confirm  "),
        Span::styled("[n]", theme.key()),
        Span::raw(" None of these  "),
        Span::styled("[u]", theme.key()),
        Span::raw(" Not sure"),
    ]);
    // The rows around the cursor that fit, then the keys.
    let room = max.saturating_sub(2);
    let last_row = rows.len().saturating_sub(1);
    let (mut first, mut last) = (ticks.item.min(last_row), ticks.item.min(last_row));
    let mut used = rows.get(first).map_or(0, Vec::len);
    loop {
        let after = last < last_row && used + rows[last + 1].len() <= room;
        if after {
            last += 1;
            used += rows[last].len();
        }
        let before = first > 0 && used + rows[first - 1].len() <= room;
        if before {
            first -= 1;
            used += rows[first].len();
        }
        if !after && !before {
            break;
        }
    }
    let mut out = vec![Line::from("")];
    for row in rows.into_iter().take(last + 1).skip(first) {
        out.extend(row);
    }
    out.push(keys);
    out
}
