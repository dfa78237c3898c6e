//! The help overlay: every binding, grouped by where it works, read from the keymap
//! (the lines and their wrapping come from `app::layout::HelpView`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::layout::{HelpLine, HelpView};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let Some(view) = HelpView::compute(app.options.ascii, area) else {
        return;
    };
    let rect = view.rect;
    let inner_h = usize::from(rect.height.saturating_sub(2));
    let top = usize::from(scroll).min(view.max_scroll());
    let lines: Vec<Line> = view
        .lines
        .iter()
        .skip(top)
        .take(inner_h)
        .map(|line| match line {
            HelpLine::Blank => Line::from(""),
            HelpLine::Heading(h) => Line::from(Span::styled(h.to_string(), theme.heading())),
            HelpLine::Key { key, pad, text } => Line::from(vec![
                Span::raw("  "),
                Span::styled(key.to_string(), theme.key()),
                Span::raw(" ".repeat(pad.saturating_sub(key.width()))),
                Span::raw(text.clone()),
            ]),
        })
        .collect();
    let more = if top + inner_h < view.lines.len() {
        " j: more "
    } else {
        ""
    };
    let block = super::pane_block("Keys".to_string(), true, theme).title_bottom(Line::from(vec![
        Span::styled(" Esc ", theme.key()),
        Span::raw("close "),
        Span::styled(more, theme.faint()),
    ]));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
