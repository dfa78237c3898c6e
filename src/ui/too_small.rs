//! Below the minimum size: one centred line saying the size needed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let (w, h) = (area.width, area.height);
    // The longest wording that fits on one line; the shortest wraps if nothing fits.
    let candidates = [
        format!("Needs at least {MIN_WIDTH}x{MIN_HEIGHT}, now {w}x{h}"),
        format!("Needs {MIN_WIDTH}x{MIN_HEIGHT}, now {w}x{h}"),
        format!("Needs {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("{MIN_WIDTH}x{MIN_HEIGHT}"),
    ];
    let text = candidates
        .iter()
        .find(|c| c.len() <= usize::from(w))
        .unwrap_or(&candidates[3])
        .clone();
    let width = area.width.max(1);
    let lines = (text.len() as u16)
        .div_ceil(width)
        .clamp(1, area.height.max(1));
    let y = area.y + area.height.saturating_sub(lines) / 2;
    let rect = Rect::new(area.x, y, area.width, lines.min(area.height));
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.bold())
            .centered()
            .wrap(Wrap { trim: true }),
        rect,
    );
}
