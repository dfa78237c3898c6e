//! The ranked causes, with the search line when searching. Each row: name (matched
//! characters highlighted), how common, triage, and a score bar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{pane_block, rows, scroll_offset};
use crate::app::search::Via;
use crate::app::{App, CauseRow};
use crate::graph::Triage;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let chosen = app.chosen_names();
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
    let rows_all = app.cause_rows();
    let search = app.searching();
    let [line, head, list] = Layout::vertical([
        Constraint::Length(u16::from(search)),
        Constraint::Length(u16::from(inner.height >= 6)),
        Constraint::Min(0),
    ])
    .areas(inner);
    if search {
        draw_search_line(frame, line, app, rows_all.len(), theme);
    }
    let cols = Columns::for_width(inner.width);
    if head.height > 0 {
        let checks = !search && !app.ranking.check_first.is_empty();
        let unexplained = !search && app.ranking.unexplained;
        frame.render_widget(
            Paragraph::new(cols.header(checks, unexplained, theme)),
            head,
        );
    }
    if rows_all.is_empty() {
        let text = if search {
            format!(
                "No cause matches \"{}\". Esc clears the search.",
                app.causes.query
            )
        } else {
            "No causes in the graph for the places chosen.".to_string()
        };
        frame.render_widget(
            Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
            list,
        );
        return;
    }
    let top = scroll_offset(app.causes.selected, usize::from(list.height));
    for (rect, (i, row)) in rows(list).zip(rows_all.iter().enumerate().skip(top)) {
        let selected = i == app.causes.selected;
        frame.render_widget(Paragraph::new(cols.row(app, row, selected, theme)), rect);
    }
}

fn draw_search_line(frame: &mut Frame, area: Rect, app: &App, count: usize, theme: &Theme) {
    let total = app.graph.causes.len();
    let right = format!(" {count} of {total} ");
    let room = usize::from(area.width).saturating_sub(right.len() + 3);
    let query: String = {
        // Keep the end of a long query in view, where the typing is.
        let q = &app.causes.query;
        let skip = q.chars().count().saturating_sub(room);
        q.chars().skip(skip).collect()
    };
    let mut spans = vec![
        Span::styled("/ ", theme.key()),
        Span::styled(query, theme.bold()),
    ];
    if app.causes.editing {
        spans.push(Span::styled(" ", theme.selected()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    frame.render_widget(
        Paragraph::new(Span::styled(right, theme.faint())).right_aligned(),
        area,
    );
}

/// Column widths for a pane width; narrow panes drop the bar, then how common.
struct Columns {
    name: usize,
    common: usize,
    triage: usize,
    bar: usize,
}

const POINTER: usize = 2;
const PERCENT: usize = 5;

impl Columns {
    fn for_width(width: u16) -> Columns {
        let w = usize::from(width);
        let (common, bar) = match w {
            0..48 => (0, 0),
            48..64 => (11, 0),
            64..80 => (11, 6),
            _ => (11, 10),
        };
        let triage = if w >= 30 { 10 } else { 0 };
        let name = w.saturating_sub(POINTER + common + triage + bar + PERCENT + 1);
        Columns {
            name,
            common,
            triage,
            bar,
        }
    }

    fn header(&self, checks: bool, unexplained: bool, theme: &Theme) -> Line<'static> {
        // With causes to check first, the heading says the list has two parts; with a
        // warning that no cause listed explains, it says to act on the warning.
        let first = if unexplained {
            "None explains the warning"
        } else if checks {
            "Check first, then likely"
        } else {
            "Cause"
        };
        let first = super::truncate(first, self.name, theme);
        let mut s = format!("{:POINTER$}{:<w$}", "", first, w = self.name + 1);
        if self.common > 0 {
            s.push_str(&format!("{:<w$}", "how common", w = self.common));
        }
        if self.triage > 0 {
            s.push_str(&format!("{:<w$}", "triage", w = self.triage));
        }
        if self.bar > 0 {
            s.push_str(&format!("{:<w$}", "likelihood", w = self.bar + PERCENT));
        }
        Line::from(Span::styled(s, theme.faint()))
    }

    fn row(&self, app: &App, row: &CauseRow, selected: bool, theme: &Theme) -> Line<'static> {
        let cause = &app.graph.causes[row.index];
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            if selected { theme.pointer() } else { "  " }.to_string(),
            base,
        )];
        spans.extend(name_spans(app, row, self.name, base, theme));
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        let pad = (POINTER + self.name + 1).saturating_sub(used);
        spans.push(Span::styled(" ".repeat(pad), base));
        if self.common > 0 {
            let text = format!("{:<w$}", cause.prevalence.label(), w = self.common);
            spans.push(Span::styled(text, base));
        }
        if self.triage > 0 {
            // A cause to check first shows the level this presentation gives it.
            let t = app
                .ranking
                .check_first
                .iter()
                .find(|c| c.index == row.index)
                .map_or_else(
                    || Triage::parse(&cause.triage).unwrap_or(Triage::Urgent),
                    |c| c.triage,
                );
            let word = match t {
                Triage::Emergency => "EMERGENCY",
                Triage::Urgent => "URGENT",
                Triage::Soon => "soon",
                Triage::Routine => "routine",
                Triage::SelfCare => "self-care",
            };
            let style = if selected { base } else { theme.triage(t) };
            spans.push(Span::styled(word.to_string(), style));
            spans.push(Span::styled(" ".repeat(self.triage - word.len()), base));
        }
        // A cause to check first is not shown with a small percentage that reads as
        // "unlikely, ignore": its row says why it is there instead.
        if row.ranked.is_some_and(|r| r.check_first) {
            let width = self.bar + PERCENT;
            let label = if width >= 11 { "CHECK FIRST" } else { "CHECK" };
            let style = if selected {
                base
            } else {
                theme.triage(Triage::Emergency)
            };
            spans.push(Span::styled(format!("{label:>width$}"), style));
            return Line::from(spans);
        }
        let score = row.ranked.map(|r| r.score);
        if self.bar > 0 {
            let (full, empty) = theme.bar_cells();
            let filled = score.map_or(0, |s| ((s / 100.0) * self.bar as f64).round() as usize);
            let filled = filled
                .min(self.bar)
                .max(usize::from(score.is_some_and(|s| s >= 0.5)));
            let style = if selected { base } else { theme.bar() };
            spans.push(Span::styled(full.repeat(filled), style));
            spans.push(Span::styled(
                empty.repeat(self.bar - filled),
                if selected { base } else { theme.faint() },
            ));
        }
        let pct = match score {
            Some(s) if s < 1.0 => "<1%".to_string(),
            Some(s) => format!("{s:.0}%"),
            None => "-".to_string(),
        };
        spans.push(Span::styled(format!("{pct:>PERCENT$}"), base));
        Line::from(spans)
    }
}

/// The name (or "name (alias)" when an alias matched), cut to width, with the matched
/// characters highlighted.
fn name_spans(
    app: &App,
    row: &CauseRow,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let cause = &app.graph.causes[row.index];
    if let Some(via) = row.via {
        return via_spans(app, &cause.name, via, width, base, theme);
    }
    let (text, offset, indices): (String, usize, &[usize]) = match row.hit {
        Some(h) if h.via_alias => {
            let prefix = format!("{} (", cause.name);
            let n = prefix.chars().count();
            (format!("{prefix}{})", h.text), n, &h.indices)
        }
        Some(h) => (cause.name.clone(), 0, &h.indices),
        None => (cause.name.clone(), 0, &[]),
    };
    let cells: Vec<(char, bool)> = text
        .chars()
        .enumerate()
        .map(|(i, c)| (c, i >= offset && indices.contains(&(i - offset))))
        .collect();
    highlighted(
        &window(&cells, width, theme),
        base,
        base.patch(theme.matched()),
    )
}

/// A cause found through a symptom: its name, then "via:" and the symptom's name with
/// the matched characters highlighted. The cause's name keeps at least half the width.
fn via_spans(
    app: &App,
    name: &str,
    via: &Via,
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let finding = &app.graph.findings[via.finding].name;
    let note_w = finding.width() + 7;
    let name_w = name
        .width()
        .min(width.saturating_sub(note_w).max(width / 2));
    let mut spans = vec![Span::styled(super::truncate(name, name_w, theme), base)];
    let used = spans[0].content.width();
    let room = width.saturating_sub(used);
    if room > 10 {
        let cells: Vec<(char, bool)> = finding
            .chars()
            .enumerate()
            .map(|(i, c)| (c, via.indices.contains(&i)))
            .collect();
        let note = if selected_style(base) {
            base
        } else {
            theme.faint()
        };
        spans.push(Span::styled("  via: ", note));
        // Cut at the end only: the start of a symptom's name says the most.
        let room = room - 7;
        let shown: Vec<(char, bool)> = if cells.len() <= room {
            cells
        } else {
            let ell = theme.ellipsis();
            let keep = room.saturating_sub(ell.chars().count());
            cells[..keep]
                .iter()
                .copied()
                .chain(ell.chars().map(|c| (c, false)))
                .collect()
        };
        spans.extend(highlighted(&shown, note, base.patch(theme.matched())));
    }
    spans
}

/// Whether a row's base style is the selection's (then notes keep it, for contrast).
fn selected_style(base: Style) -> bool {
    base.add_modifier
        .contains(ratatui::style::Modifier::REVERSED)
}

/// Runs of characters as spans, highlighted ones in `hl`.
fn highlighted(cells: &[(char, bool)], base: Style, hl: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    for &(c, is_hl) in cells {
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hl { hl } else { base },
            ));
        }
        run_hl = is_hl;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

/// Cut a row of characters to a width, keeping the first matched character in view
/// (a match in an alias after the name): the end is cut first, then the start, each
/// marked with an ellipsis.
fn window(cells: &[(char, bool)], width: usize, theme: &Theme) -> Vec<(char, bool)> {
    if cells.len() <= width {
        return cells.to_vec();
    }
    let ell: Vec<(char, bool)> = theme.ellipsis().chars().map(|c| (c, false)).collect();
    if width <= ell.len() {
        return cells[..width].to_vec();
    }
    let first = cells.iter().position(|&(_, hl)| hl).unwrap_or(0);
    let room = width - ell.len();
    if first < room {
        let mut out = cells[..room].to_vec();
        out.extend(ell);
        return out;
    }
    // Both ends cut: "...middle...", starting just before the first match.
    let room = width.saturating_sub(2 * ell.len()).max(1);
    let start = first.saturating_sub(1).min(cells.len() - room);
    let mut out = ell.clone();
    out.extend_from_slice(&cells[start..start + room]);
    if start + room < cells.len() {
        out.extend(ell);
    }
    out.truncate(width);
    out
}
