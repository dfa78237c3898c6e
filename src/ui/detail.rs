//! The detail of one cause: every section with headings, why it is listed, related
//! causes and sources. The document comes from `app::detail`; this file styles it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block;
use super::theme::Theme;
use crate::app::App;
use crate::app::detail::{Kind, document, wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, focused: bool, theme: &Theme) {
    let Some(d) = app.detail.as_ref() else {
        return;
    };
    let name = app
        .graph
        .causes
        .get(d.cause)
        .map_or("Detail", |c| c.name.as_str());
    let mut block = pane_block(name.to_string(), focused, theme);
    let inner = block.inner(area);
    let lines = wrap(&document(app, d.cause), inner.width);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let top = usize::from(d.scroll).min(max);
    if max > 0 {
        let end = (top + usize::from(inner.height)).min(lines.len());
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {}-{end} of {} ", top + 1, lines.len()),
                theme.faint(),
            ))
            .right_aligned(),
        );
    }
    if !d.back.is_empty() {
        let back = if theme.ascii {
            "Esc: back"
        } else {
            "Esc ◀ back"
        };
        block = block.title_bottom(Line::from(Span::styled(format!(" {back} "), theme.key())));
    }
    let styled: Vec<Line> = lines
        .into_iter()
        .skip(top)
        .take(usize::from(inner.height))
        .map(|l| {
            let style = match l.kind {
                Kind::Disclaimer => theme.info(),
                Kind::Title => theme.bold(),
                Kind::Meta | Kind::Note | Kind::Source => theme.faint(),
                Kind::Heading => theme.heading(),
                Kind::For => theme.evidence(true),
                Kind::Against => theme.evidence(false),
                Kind::Related => theme.key(),
                Kind::Link => theme
                    .faint()
                    .add_modifier(ratatui::style::Modifier::UNDERLINED),
                Kind::Text | Kind::Blank => theme.text(),
            };
            Line::from(Span::styled(l.text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(styled).block(block), area);
}
