//! The detail of one cause: every section with headings, why it is listed, related
//! causes and sources. The document comes from `document`; this file styles it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::DetailPane;
use super::document::Kind;
use crate::app::Session;
use crate::ui::pane_block;
use crate::ui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &DetailPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let name = session
        .graph()
        .causes
        .get(pane.cause)
        .map_or("Detail", |c| c.name.as_str());
    let mut block = pane_block(name.to_string(), focused, theme);
    let inner = block.inner(area);
    let lines = pane.lines(session, inner.width, theme.ascii);
    let height = usize::from(inner.height);
    let max = lines.len().saturating_sub(height);
    let top = pane.scroll.min(max);
    pane.view.record(top, height);
    pane.max_scroll.set(max);
    if let Some(position) = crate::ui::scroll_position(top, height, lines.len(), theme) {
        block = block.title_bottom(position);
    }
    if !pane.back.is_empty() {
        let back = if theme.ascii {
            "Esc: back"
        } else {
            "Esc ◀ back"
        };
        block = block.title_bottom(Line::from(Span::styled(format!(" {back} "), theme.key())));
    }
    // The addresses on screen, where they are, for hyperlinks.
    let mut links = Vec::new();
    for (row, l) in lines.iter().skip(top).take(height).enumerate() {
        if let Some(url) = &l.url {
            let shown = l.text.trim_start();
            // Columns, not bytes: the lead may hold wide spaces.
            let lead = l.text[..l.text.len() - shown.len()].width();
            links.push(super::Link {
                x: inner.x + u16::try_from(lead).unwrap_or(0),
                y: inner.y + u16::try_from(row).unwrap_or(0),
                shown: shown.to_string(),
                url: url.clone(),
            });
        }
    }
    *pane.links.borrow_mut() = links;
    // Only the rows on screen are styled.
    let styled: Vec<Line> = lines
        .iter()
        .skip(top)
        .take(height)
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
            Line::from(Span::styled(l.text.clone(), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(styled).block(block), area);
    if max > 0 && inner.height >= 3 {
        crate::ui::scrollbar(frame, area, top, max, theme);
    }
}
