//! The bottom line: the keys that work right now, from the keymap; or a one-off message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::{App, hints};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some(msg) = &app.message {
        let text = super::truncate(msg, width.saturating_sub(1), theme);
        used += text.width() + 1;
        spans.push(Span::styled(format!(" {text}"), theme.bold()));
    }
    let hints = hints::hints(app);
    // Each hint is " key text "; the last one's trailing space may fall off the edge.
    let cost = |h: &hints::ShownHint| h.key.width() + h.text.width() + 3;
    // The keys that matter here (choose, answer, skip, search, help, quit) always stay;
    // the rest fill what room is left: the pane's first, then the global ones.
    let mut keep = vec![false; hints.len()];
    for (i, h) in hints.iter().enumerate() {
        if h.vital {
            keep[i] = true;
            used += cost(h);
        }
    }
    for pass in [false, true] {
        for (i, h) in hints.iter().enumerate() {
            if keep[i] || h.global != pass {
                continue;
            }
            if used + cost(h) <= width + 1 {
                keep[i] = true;
                used += cost(h);
            }
        }
    }
    let shown = hints.iter().zip(keep).filter(|(_, k)| *k).map(|(h, _)| h);
    for h in shown {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(h.key.clone(), theme.key()));
        spans.push(Span::styled(format!(" {} ", h.text), theme.text()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
