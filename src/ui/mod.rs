//! Drawing. Each pane or overlay has its own file and draws from `&App` only: nothing
//! here changes the state. Where things go is decided by `app::layout`.

mod banner;
pub mod figure;
mod header;
mod kiosk;
mod status;
pub mod theme;
mod too_small;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use crate::app::layout::Layout;
use crate::app::{App, Pane};
use crate::panes;
use theme::Theme;

/// Draw the whole interface for the frame's size.
pub fn draw(frame: &mut Frame, app: &App) {
    let theme = Theme::new(&app.options);
    let area = frame.area();
    if let Some(k) = app.kiosk.as_ref().filter(|_| kiosk::covers(app)) {
        kiosk::draw_welcome(frame, area, app, k, &theme);
        kiosk_popups(frame, area, k, &theme);
        theme.finish(frame.buffer_mut());
        return;
    }
    match Layout::compute(app, area) {
        None => too_small::draw(frame, area, &theme),
        Some(layout) => {
            header::draw(frame, layout.header, app, &layout, &theme);
            banner::draw(frame, layout.banner, app, &theme);
            let s = &app.session;
            for &(pane, rect) in &layout.panes {
                let focused = pane == app.pane && app.help.is_none();
                match pane {
                    Pane::Body => {
                        panes::body::view::draw(frame, rect, &app.body, s, focused, &theme);
                    }
                    Pane::Questions => {
                        panes::questions::view::draw(
                            frame,
                            rect,
                            &app.questions,
                            s,
                            focused,
                            &theme,
                        );
                    }
                    Pane::Causes => {
                        panes::causes::view::draw(frame, rect, &app.causes, s, focused, &theme);
                    }
                    Pane::Detail => {
                        if let Some(d) = &app.detail {
                            panes::detail::view::draw(frame, rect, d, s, focused, &theme);
                        }
                    }
                    Pane::Summary => {
                        panes::summary::view::draw(frame, rect, &app.summary, s, focused, &theme);
                    }
                }
            }
            status::draw(frame, layout.status, app, &theme);
            if let Some(help) = &app.help {
                panes::help::view::draw(frame, area, help, s.graph(), &theme);
            }
            if app.confirm_quit {
                draw_confirm(frame, area, &theme);
            }
        }
    }
    if let Some(k) = &app.kiosk {
        kiosk_popups(frame, area, k, &theme);
    }
    theme.finish(frame.buffer_mut());
}

/// The kiosk's countdown and staff prompt, over everything else.
fn kiosk_popups(frame: &mut Frame, area: Rect, k: &crate::app::kiosk::KioskState, theme: &Theme) {
    if let Some(seconds) = k.countdown {
        kiosk::draw_countdown(frame, area, seconds, theme);
    }
    if let Some(typed) = &k.staff {
        kiosk::draw_staff(frame, area, typed, theme);
    }
}

/// A pane's frame: border and title, with focus shown by a thick border, a reversed
/// title and a pointer (so it never depends on colour alone).
pub(crate) fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    let title = if focused {
        format!("{}{title} ", theme.pointer())
    } else {
        format!(" {title} ")
    };
    Block::bordered()
        .border_set(theme.border_set(focused))
        .border_style(theme.border(focused))
        .title(Line::from(Span::styled(title, theme.title(focused))))
}

/// Cut a string to a display width, ending with an ellipsis when cut.
pub(crate) fn truncate(text: &str, width: usize, theme: &Theme) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let ell = theme.ellipsis();
    let room = width.saturating_sub(ell.width());
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= ell.width() {
        out.push_str(ell);
    }
    out
}

/// Wrap text to lines of a width.
pub(crate) fn wrap(text: &str, width: u16) -> Vec<String> {
    textwrap::wrap(text, usize::from(width.max(1)))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// "Quit and lose your answers?", over everything, until it is answered.
fn draw_confirm(frame: &mut Frame, area: Rect, theme: &Theme) {
    use ratatui::widgets::{Clear, Paragraph, Wrap};
    let width = area.width.saturating_sub(4).min(50);
    let height = 5.min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let text = vec![
        Line::from(Span::styled("Quit and forget your answers?", theme.bold())),
        Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw(" quit   "),
            Span::styled("n", theme.key()),
            Span::raw(" or "),
            Span::styled("Esc", theme.key()),
            Span::raw(" carry on"),
        ]),
    ];
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(pane_block("Quit?".to_string(), true, theme)),
        rect,
    );
}

/// Where a scrolled document's window is ("21-40 of 52"), for its frame's bottom edge;
/// `None` when it all fits.
pub(crate) fn scroll_position(
    top: usize,
    height: usize,
    total: usize,
    theme: &Theme,
) -> Option<Line<'static>> {
    if total <= height {
        return None;
    }
    let end = (top + height).min(total);
    Some(
        Line::from(Span::styled(
            format!(" {}-{end} of {total} ", top + 1),
            theme.faint(),
        ))
        .right_aligned(),
    )
}

/// A scrollbar on the right border of a bordered area scrolled `top` of `max` rows.
pub(crate) fn scrollbar(frame: &mut Frame, area: Rect, top: usize, max: usize, theme: &Theme) {
    use ratatui::layout::Margin;
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
    let mut state = ScrollbarState::new(max).position(top);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some(if theme.ascii { "|" } else { "│" }))
        .thumb_symbol(if theme.ascii { "#" } else { "█" });
    frame.render_stateful_widget(
        bar,
        area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        }),
        &mut state,
    );
}
