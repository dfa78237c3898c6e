//! The ranked causes, with the search line when searching: a table of name (matched
//! characters highlighted), how common, triage and likelihood. Only the rows on screen
//! are built, so a list of any length draws in the same time.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

use super::CausesPane;
use super::row::{Columns, name_cell, name_lines};
use crate::app::Session;
use crate::app::session::CauseRow;
use crate::graph::Triage;
use crate::ui::pane_block;
use crate::ui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &CausesPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let chosen = session.chosen_names();
    let whom = if chosen.is_empty() {
        "anywhere".to_string()
    } else {
        chosen.join(", ")
    };
    let block = pane_block(
        format!("Possible causes {} {whom}", theme.dot()),
        focused,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height < 1 {
        return;
    }
    pane.cursor_at.set(None);
    let count = session.row_count();
    let search = pane.searching();
    let [line, head, list] = Layout::vertical([
        Constraint::Length(u16::from(search)),
        Constraint::Length(u16::from(inner.height >= 6)),
        Constraint::Min(0),
    ])
    .areas(inner);
    if search {
        draw_search_line(frame, line, pane, session, focused, theme);
    }
    let height = usize::from(list.height);
    // The columns fit the names near the selection; then names too long for their column
    // take two or three lines, and the window holds as many rows as fit.
    let near: Vec<CauseRow> = session
        .rows(pane.list.top().min(pane.selected), height)
        .collect();
    let cols = Columns::for_width(inner.width, longest_name(session, &near));
    let lines_of = |i: usize| {
        session
            .row(i)
            .map_or(1, |r| name_lines(session, r.index, cols.name))
    };
    let top = follow(pane, count, height, &lines_of);
    let mut heights = Vec::new();
    let mut used = 0;
    for i in top..count {
        let h = lines_of(i);
        if used + h > height && !heights.is_empty() {
            break;
        }
        used += h;
        heights.push(h as u16);
    }
    pane.list.record(top, heights.len().max(1));
    pane.list_rows.set(list);
    *pane.row_heights.borrow_mut() = heights.clone();
    let shown: Vec<CauseRow> = session.rows(top, heights.len()).collect();
    if head.height > 0 {
        let ranking = session.ranking();
        let checks = !search && !ranking.check_first.is_empty();
        let unexplained = !search && ranking.unexplained;
        frame.render_widget(
            Paragraph::new(cols.header(checks, unexplained, theme)),
            head,
        );
    }
    if count == 0 {
        let text = if search {
            let near = session.suggestions();
            let hint = if near.is_empty() {
                String::new()
            } else {
                format!(" Did you mean: {}?", near.join(", "))
            };
            format!(
                "No cause matches \"{}\".{hint} Esc clears the search.",
                pane.input.value()
            )
        } else {
            "No causes in the graph for the places chosen.".to_string()
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), list);
        return;
    }
    let rows: Vec<Row> = shown
        .iter()
        .enumerate()
        .zip(&heights)
        .map(|((i, row), &h)| {
            table_row(session, row, top + i == pane.selected, &cols, theme).height(h)
        })
        .collect();
    let table = Table::new(rows, cols.widths())
        .column_spacing(1)
        .highlight_symbol(Line::from(Span::styled(theme.pointer(), theme.selected())))
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = TableState::default().with_selected(pane.selected.checked_sub(top));
    frame.render_stateful_widget(table, list, &mut state);
}

/// The first row to show, with the selection in view: moved no further than needed from
/// the last draw, counting the lines each row takes.
fn follow(
    pane: &CausesPane,
    count: usize,
    height: usize,
    lines_of: &dyn Fn(usize) -> usize,
) -> usize {
    let selected = pane.selected.min(count.saturating_sub(1));
    // The highest first row that still shows the selection: walk up from it while the rows
    // fit (at most a window's worth, so a jump to the end of a long list costs no more).
    let mut lowest = selected;
    let mut used = lines_of(selected);
    while lowest > 0 && used + lines_of(lowest - 1) <= height {
        lowest -= 1;
        used += lines_of(lowest);
    }
    pane.list.top().min(selected).max(lowest)
}

/// The room a cause's gloss takes after its name (": gloss").
fn cause_gloss_width(session: &Session, cause: usize) -> usize {
    session.graph().causes[cause]
        .gloss
        .as_deref()
        .map_or(0, |g| g.width() + 2)
}

/// The widest name among the rows shown (with an alias that matched).
fn longest_name(session: &Session, shown: &[CauseRow]) -> usize {
    shown
        .iter()
        .map(|row| {
            let name = session.graph().causes[row.index].name.width();
            match (row.hit, row.via) {
                (Some(h), _) if h.via_alias => name + h.text.width() + 3,
                (_, Some(v)) => name + session.graph().findings[v.finding].name.width() + 7,
                _ => name + cause_gloss_width(session, row.index),
            }
        })
        .max()
        .unwrap_or(0)
}

fn table_row<'a>(
    session: &Session,
    row: &CauseRow,
    selected: bool,
    cols: &Columns,
    theme: &Theme,
) -> Row<'a> {
    let cause = &session.graph().causes[row.index];
    let mut cells = vec![Cell::from(name_cell(
        session, row, cols.name, selected, theme,
    ))];
    if cols.common > 0 {
        cells.push(Cell::from(cause.prevalence.label()));
    }
    if cols.triage > 0 {
        // A cause to check first shows the level this presentation gives it.
        let t = session
            .ranking()
            .check_first
            .iter()
            .find(|c| c.index == row.index)
            .map_or(cause.triage, |c| c.triage);
        let word = match t {
            Triage::Emergency => "EMERGENCY",
            Triage::Urgent => "URGENT",
            Triage::Soon => "soon",
            Triage::Routine => "routine",
            Triage::SelfCare => "self-care",
        };
        let style = if selected {
            Style::new()
        } else {
            theme.triage(t)
        };
        cells.push(Cell::from(Span::styled(word, style)));
    }
    cells.push(Cell::from(likelihood(row, cols, selected, theme)));
    // The selection's style goes under the cells, so matched letters keep theirs on it.
    let style = if selected {
        theme.selected()
    } else {
        Style::new()
    };
    Row::new(cells).style(style)
}

/// The likelihood bar and per cent; a cause to check first says so instead, since a
/// small percentage there would read as "unlikely, ignore".
fn likelihood(row: &CauseRow, cols: &Columns, selected: bool, theme: &Theme) -> Line<'static> {
    let width = cols.likelihood();
    if row.ranked.is_some_and(|r| r.check_first) {
        let label = if width >= 11 { "CHECK FIRST" } else { "CHECK" };
        let style = if selected {
            Style::new()
        } else {
            theme.triage(Triage::Emergency)
        };
        return Line::from(Span::styled(format!("{label:>width$}"), style));
    }
    let score = row.ranked.map(|r| r.score);
    let mut spans = Vec::new();
    if cols.bar > 0 {
        let (full, empty) = theme.bar_cells();
        let filled = score.map_or(0, |s| ((s / 100.0) * cols.bar as f64).round() as usize);
        let filled = filled
            .min(cols.bar)
            .max(usize::from(score.is_some_and(|s| s >= 0.5)));
        let (bar, rest) = if selected {
            (Style::new(), Style::new())
        } else {
            (theme.bar(), theme.faint())
        };
        spans.push(Span::styled(full.repeat(filled), bar));
        spans.push(Span::styled(empty.repeat(cols.bar - filled), rest));
    }
    let pct = match score {
        Some(s) if s < 1.0 => "<1%".to_string(),
        Some(s) => format!("{s:.0}%"),
        None => "-".to_string(),
    };
    spans.push(Span::raw(format!("{pct:>w$}", w = super::row::PERCENT)));
    Line::from(spans)
}

/// The search line: what is typed, with the terminal's cursor where the typing goes, and
/// how many causes match.
fn draw_search_line(
    frame: &mut Frame,
    area: Rect,
    pane: &CausesPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let total = session.graph().causes.len();
    // While the background search runs, the list is the last result's: say so.
    let right = if session.is_searching() {
        " searching... ".to_string()
    } else {
        format!(" {} of {total} ", session.row_count())
    };
    let lead = "/ ";
    let room = usize::from(area.width).saturating_sub(right.width() + lead.width() + 1);
    // Scrolled sideways so the cursor stays in view.
    let scroll = pane.input.visual_scroll(room.max(1));
    let shown: String = {
        let mut used = 0;
        let mut out = String::new();
        let mut skipped = 0;
        for c in pane.input.value().chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if skipped < scroll {
                skipped += w;
                continue;
            }
            if used + w > room {
                break;
            }
            used += w;
            out.push(c);
        }
        out
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(lead, theme.key()),
            Span::styled(shown, theme.bold()),
        ])),
        area,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(right, theme.faint())).right_aligned(),
        area,
    );
    if pane.editing && focused {
        let x = pane.input.visual_cursor().saturating_sub(scroll) + lead.width();
        let x = area.x.saturating_add(u16::try_from(x).unwrap_or(u16::MAX));
        if x < area.right() {
            frame.set_cursor_position(Position::new(x, area.y));
            pane.cursor_at.set(Some(Position::new(x, area.y)));
        }
    }
}
