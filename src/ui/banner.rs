//! The red-flag banner across the top of every view: the triage level and what to do,
//! in words, bold and in reverse video, for as long as the answer stands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let Some(level) = app.session.ranking().red_flags.first().map(|f| f.triage) else {
        return;
    };
    let style = theme.banner(level);
    let lines: Vec<Line> = app
        .banner_lines(area.width, usize::from(area.height))
        .into_iter()
        .map(|l| Line::from(format!(" {l}")))
        .collect();
    // The style covers the whole rows, so the banner reads as one block.
    frame.render_widget(Paragraph::new(lines).style(style), area);
}
