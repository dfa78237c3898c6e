//! The body map: the figure with the regions on it, the list of regions beside it, and
//! (where there is room) how to use it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use ratatui::widgets::{List, ListItem, ListState};

use super::{BodyPane, nav};
use crate::app::Session;
use crate::app::layout::figure_room;
use crate::graph::View;
use crate::ui::figure::Figure;
use crate::ui::theme::Theme;
use crate::ui::{pane_block, truncate};

/// What the body map draws from.
struct Ctx<'a> {
    pane: &'a BodyPane,
    session: &'a Session,
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &BodyPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let app = &Ctx { pane, session };
    let view = match app.pane.view {
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
        let spots: Vec<u8> = (0..app.session.graph().regions.len())
            .filter_map(|i| nav::spot_on(app.session.graph(), i, app.pane.view).map(|s| s.y))
            .collect();
        Figure::fit(app.pane.view, theme.ascii, cols, rows, &spots)
    });
    let fig_w = figure.as_ref().map_or(0, |f| f.width + 2);
    let longest = app
        .session
        .graph()
        .regions
        .iter()
        .map(|r| (r.name.width() as u16).saturating_add(6))
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
    app.pane.figure_shown.set(figure.is_some());
    if figure.is_none() {
        app.pane.spots.borrow_mut().clear();
    }
    if let Some(figure) = &figure {
        draw_figure(frame, fig, figure, app, theme);
    }
    let list_h = app.session.graph().regions.len() as u16 + 1;
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

fn draw_figure(frame: &mut Frame, area: Rect, figure: &Figure, app: &Ctx, theme: &Theme) {
    let label = match (app.pane.view, area.width >= 19) {
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
    let g = app.session.graph();
    let mut spots: Vec<(u8, usize)> = Vec::new();
    for i in 0..g.regions.len() {
        let rank = if i == app.pane.cursor {
            2
        } else {
            u8::from(app.pane.marked.contains(&i))
        };
        spots.push((rank, i));
    }
    // Draw the cursor last so it is never hidden under another spot.
    spots.sort_unstable();
    let mut drawn = Vec::new();
    for (rank, i) in spots {
        let Some(s) = nav::spot_on(g, i, app.pane.view) else {
            continue;
        };
        let (c, r) = figure.cell(s.x, s.y);
        let (glyph, style) = match rank {
            2 => (cursor, theme.selected()),
            1 => (marked, theme.marked()),
            _ => (other, theme.spot()),
        };
        let pos = (x0 + c, y0 + r);
        drawn.push((i, pos.0, pos.1));
        if buf.area.contains(pos.into()) {
            buf[pos].set_symbol(glyph).set_style(style);
        }
    }
    // Where each region's spot is on screen, for clicks.
    *app.pane.spots.borrow_mut() = drawn;
    // The highlighted region's name, under the figure.
    let name_y = y0 + figure.height();
    if let Some(region) = g.regions.get(app.pane.cursor)
        && name_y < area.bottom()
    {
        let mark = if app.pane.marked.contains(&app.pane.cursor) {
            if theme.ascii { "x " } else { "✓ " }
        } else {
            ""
        };
        let room = usize::from(area.width).saturating_sub(mark.width());
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
    if name.width() <= width {
        return name.to_string();
    }
    let plain = match name.find(" (") {
        Some(at) if name.ends_with(')') => &name[..at],
        _ => name,
    };
    truncate(plain, width, theme)
}

fn draw_list(frame: &mut Frame, area: Rect, app: &Ctx, theme: &Theme) {
    let g = app.session.graph();
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled("Regions", theme.heading())),
        head,
    );
    let height = usize::from(list.height);
    let top = app
        .pane
        .list
        .follow(app.pane.cursor, g.regions.len(), height);
    app.pane.list_rows.set(list);
    let width = usize::from(list.width);
    // Only the rows on screen are built; the state holds the selection within them.
    let items: Vec<ListItem> = (top..g.regions.len().min(top + height))
        .map(|i| {
            let r = &g.regions[i];
            let is_marked = app.pane.marked.contains(&i);
            let mark = match (is_marked, theme.ascii) {
                (true, false) => "✓ ",
                (true, true) => "x ",
                (false, _) => "  ",
            };
            let indent = if r.parent.is_some() { "  " } else { "" };
            let name = short_name(&r.name, width.saturating_sub(4 + indent.len()), theme);
            let on_view = nav::spot_on(g, i, app.pane.view).is_some();
            let style = match (is_marked, on_view) {
                (true, _) => theme.marked(),
                (false, true) => theme.text(),
                (false, false) => theme.faint(),
            };
            ListItem::new(Line::from(Span::styled(
                format!("{mark}{indent}{name}"),
                style,
            )))
        })
        .collect();
    let mut state = ListState::default().with_selected(app.pane.cursor.checked_sub(top));
    let list_widget = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol(theme.pointer())
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    frame.render_stateful_widget(list_widget, list, &mut state);
}

fn draw_notes(frame: &mut Frame, area: Rect, app: &Ctx, with_figure: bool, theme: &Theme) {
    let chosen = app.session.chosen_names();
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
