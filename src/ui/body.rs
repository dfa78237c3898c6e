//! The body map: the figure with the regions on it, the list of regions beside it, and
//! (where there is room) how to use it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::figure::Figure;
use super::theme::Theme;
use super::{pane_block, rows, scroll_offset, truncate};
use crate::app::layout::figure_room;
use crate::app::{App, body};
use crate::graph::View;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let view = match app.body.view {
        View::Front => "front",
        View::Back => "back",
    };
    let block = pane_block(
        format!("Where it hurts {} {view}", theme.dot()),
        focused,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    // The figure column: the art with a blank column either side, the view's name above
    // it and the highlighted region's name below.
    let figure = figure_room(inner).and_then(|(cols, rows)| {
        let spots: Vec<u8> = (0..app.graph.regions.len())
            .filter_map(|i| body::spot_on(&app.graph, i, app.body.view).map(|s| s.y))
            .collect();
        Figure::fit(app.body.view, theme.ascii, cols, rows, &spots)
    });
    let fig_w = figure.as_ref().map_or(0, |f| f.width + 2);
    let longest = app
        .graph
        .regions
        .iter()
        .map(|r| r.name.chars().count() as u16 + 6)
        .max()
        .unwrap_or(10)
        .clamp(16, 32);
    let rest = inner.width.saturating_sub(fig_w);
    let show_notes = rest >= longest + 22;
    let [fig, list, notes] = Layout::horizontal([
        Constraint::Length(fig_w),
        Constraint::Length(if show_notes { longest + 1 } else { rest }),
        Constraint::Min(0),
    ])
    .areas(inner);
    if let Some(figure) = &figure {
        draw_figure(frame, fig, figure, app, theme);
    }
    let list_h = app.graph.regions.len() as u16 + 1;
    if !show_notes && list.height >= list_h + 10 {
        // Side by side the pane is tall and narrow: the notes go under the list.
        let [top, _, below] = Layout::vertical([
            Constraint::Length(list_h),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(list);
        draw_list(frame, top, app, theme);
        draw_notes(frame, below, app, figure.is_some(), theme);
    } else {
        draw_list(frame, list, app, theme);
        if show_notes {
            draw_notes(frame, notes, app, figure.is_some(), theme);
        }
    }
}

fn draw_figure(frame: &mut Frame, area: Rect, figure: &Figure, app: &App, theme: &Theme) {
    let label = match (app.body.view, area.width >= 19) {
        (View::Front, true) => "FRONT, facing you",
        (View::Back, true) => "BACK, from behind",
        (View::Front, false) => "FRONT",
        (View::Back, false) => "BACK",
    };
    let title = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(Span::styled(label, theme.bold())).centered(),
        title,
    );
    let x0 = area.x + 1;
    let y0 = area.y + 1;
    let buf = frame.buffer_mut();
    for (r, row) in figure.rows.iter().enumerate() {
        for (c, ch) in row.iter().enumerate() {
            let pos = (x0 + c as u16, y0 + r as u16);
            if *ch != ' ' && buf.area.contains(pos.into()) {
                buf[pos].set_char(*ch).set_style(theme.figure());
            }
        }
    }
    let (other, marked, cursor) = theme.spot_glyphs();
    let g = &app.graph;
    let mut spots: Vec<(u8, usize)> = Vec::new();
    for i in 0..g.regions.len() {
        let rank = if i == app.body.cursor {
            2
        } else if app.body.marked.contains(&i) {
            1
        } else {
            0
        };
        spots.push((rank, i));
    }
    // Draw the cursor last so it is never hidden under another spot.
    spots.sort();
    for (rank, i) in spots {
        let Some(s) = body::spot_on(g, i, app.body.view) else {
            continue;
        };
        let (c, r) = figure.cell(s.x, s.y);
        let (glyph, style) = match rank {
            2 => (cursor, theme.selected()),
            1 => (marked, theme.marked()),
            _ => (other, theme.spot()),
        };
        let pos = (x0 + c, y0 + r);
        if buf.area.contains(pos.into()) {
            buf[pos].set_symbol(glyph).set_style(style);
        }
    }
    // The highlighted region's name, under the figure.
    let name_y = y0 + figure.height();
    if let Some(region) = g.regions.get(app.body.cursor)
        && name_y < area.bottom()
    {
        let mark = if app.body.marked.contains(&app.body.cursor) {
            if theme.ascii { "x " } else { "✓ " }
        } else {
            ""
        };
        let room = usize::from(area.width).saturating_sub(mark.chars().count());
        let name = short_name(&region.name, room, theme);
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{mark}{name}"), theme.selected())).centered(),
            Rect::new(area.x, name_y, area.width, 1),
        );
    }
}

/// A region's name cut to a width: without its bracketed part first ("Back (anywhere on
/// the back)" becomes "Back"), then with an ellipsis.
fn short_name(name: &str, width: usize, theme: &Theme) -> String {
    use unicode_width::UnicodeWidthStr;
    if name.width() <= width {
        return name.to_string();
    }
    let plain = match name.find(" (") {
        Some(at) if name.ends_with(')') => &name[..at],
        _ => name,
    };
    truncate(plain, width, theme)
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let g = &app.graph;
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled("Regions", theme.heading())),
        head,
    );
    let height = usize::from(list.height);
    let top = scroll_offset(app.body.cursor, height);
    let width = usize::from(list.width);
    for (row, i) in rows(list).zip(top..g.regions.len()) {
        let r = &g.regions[i];
        let selected = i == app.body.cursor;
        let is_marked = app.body.marked.contains(&i);
        let pointer = if selected { theme.pointer() } else { "  " };
        let mark = match (is_marked, theme.ascii) {
            (true, false) => "✓ ",
            (true, true) => "x ",
            (false, _) => "  ",
        };
        let indent = if r.parent.is_some() { "  " } else { "" };
        let name = truncate(&r.name, width.saturating_sub(4 + indent.len()), theme);
        let on_view = body::spot_on(g, i, app.body.view).is_some();
        let style = match (selected, is_marked, on_view) {
            (true, _, _) => theme.selected(),
            (false, true, _) => theme.marked(),
            (false, false, true) => theme.text(),
            (false, false, false) => theme.faint(),
        };
        let text = format!("{pointer}{mark}{indent}{name}");
        let line = if selected {
            // The whole row, padded, so the selection reads as a bar.
            Line::from(Span::styled(format!("{text:<width$}"), style))
        } else {
            Line::from(Span::styled(text, style))
        };
        frame.render_widget(Paragraph::new(line), row);
    }
}

fn draw_notes(frame: &mut Frame, area: Rect, app: &App, with_figure: bool, theme: &Theme) {
    let chosen = app.chosen_names();
    let mut lines = vec![
        Line::from(Span::styled("Where does it hurt?", theme.heading())),
        Line::from(""),
        Line::from(if with_figure {
            "Arrows move on the figure; a letter jumps to a region."
        } else {
            "Up and down move through the list; a letter jumps to a region."
        }),
        Line::from(""),
        Line::from("Space marks one more place, for pain that spreads; Enter chooses."),
        Line::from(""),
    ];
    if with_figure {
        let (other, marked, cursor) = theme.spot_glyphs();
        lines.push(Line::from(vec![
            Span::styled(cursor, theme.selected()),
            Span::raw(" here  "),
            Span::styled(marked, theme.marked()),
            Span::raw(" marked"),
        ]));
        lines.push(Line::from(vec![
            Span::styled(other, theme.spot()),
            Span::raw(" other places"),
        ]));
        lines.push(Line::from(""));
    }
    if !chosen.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Chosen: ", theme.bold()),
            Span::styled(chosen.join(", "), theme.marked()),
        ]));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        "This is information, not a diagnosis.",
        theme.info(),
    )));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        },
    );
}
