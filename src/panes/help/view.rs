//! Drawing the help overlay (its lines and their wrapping come from [`HelpView`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{HelpLine, HelpPane, HelpView};
use crate::graph::Graph;
use crate::ui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &HelpPane,
    graph: &Graph,
    saving: bool,
    theme: &Theme,
) {
    let Some(view) = HelpView::compute(graph, theme.ascii, saving, area) else {
        return;
    };
    let rect = view.rect;
    let inner_h = usize::from(rect.height.saturating_sub(2));
    let max = view.max_scroll();
    let top = pane.scroll.min(max);
    pane.page.set(inner_h.saturating_sub(1).max(1));
    pane.max_scroll.set(max);
    let lines: Vec<Line> = view
        .lines
        .iter()
        .skip(top)
        .take(inner_h)
        .map(|line| match line {
            HelpLine::Blank => Line::from(""),
            HelpLine::Heading(h) => Line::from(Span::styled(h.clone(), theme.heading())),
            HelpLine::Key { key, pad, text } => Line::from(vec![
                Span::raw("  "),
                Span::styled(key.clone(), theme.key()),
                Span::raw(" ".repeat(pad.saturating_sub(key.width()))),
                Span::raw(text.clone()),
            ]),
        })
        .collect();
    let more = if top < max { " j: more " } else { "" };
    let block =
        crate::ui::pane_block("Help".to_string(), true, theme).title_bottom(Line::from(vec![
            Span::styled(" Esc ", theme.key()),
            Span::raw("close "),
            Span::styled(more, theme.faint()),
        ]));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    if max > 0 && rect.height >= 5 {
        crate::ui::scrollbar(frame, rect, top, max, theme);
    }
}
