//! Drawing. Each pane or overlay has its own file and draws from `&App` only: nothing
//! here changes the state. Where things go is decided by `app::layout`.

mod banner;
mod body;
mod causes;
mod detail;
pub mod figure;
mod header;
mod help;
mod questions;
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
use theme::Theme;

/// Draw the whole interface for the frame's size.
pub fn draw(frame: &mut Frame, app: &App) {
    let theme = Theme::new(&app.options);
    let area = frame.area();
    match Layout::compute(app, area) {
        None => too_small::draw(frame, area, &theme),
        Some(layout) => {
            header::draw(frame, layout.header, app, &layout, &theme);
            banner::draw(frame, layout.banner, app, &theme);
            for &(pane, rect) in &layout.panes {
                let focused = pane == app.pane;
                match pane {
                    Pane::Body => body::draw(frame, rect, app, focused, &theme),
                    Pane::Questions => questions::draw(frame, rect, app, focused, &theme),
                    Pane::Causes => causes::draw(frame, rect, app, focused, &theme),
                    Pane::Detail => detail::draw(frame, rect, app, focused, &theme),
                }
            }
            status::draw(frame, layout.status, app, &theme);
            if let Some(scroll) = app.help {
                help::draw(frame, area, app, scroll, &theme);
            }
        }
    }
    theme.finish(frame.buffer_mut());
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

/// The first row index to show so that `selected` stays within `height` rows.
pub(crate) fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        return selected;
    }
    selected.saturating_sub(height - 1)
}

/// Wrap text to lines of a width.
pub(crate) fn wrap(text: &str, width: u16) -> Vec<String> {
    textwrap::wrap(text, usize::from(width.max(1)))
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// A rectangle's rows, one `Rect` each.
pub(crate) fn rows(area: Rect) -> impl Iterator<Item = Rect> {
    (0..area.height).map(move |i| Rect::new(area.x, area.y + i, area.width, 1))
}
