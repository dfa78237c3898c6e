//! The bottom line: the keys that work right now, from the keymap; or a one-off message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::{App, keymap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some(msg) = &app.message {
        let text = super::truncate(msg, width.saturating_sub(1), theme);
        used += text.width() + 1;
        spans.push(Span::styled(format!(" {text}"), theme.bold()));
    }
    let hints = keymap::hints(app);
    // Each hint is " key text "; the last one's trailing space may fall off the edge.
    let cost = |(k, t): &(String, &str)| k.width() + t.width() + 3;
    // The way out, the way on and the way to help stay whenever they fit; the keys of
    // the pane come next, in keymap order; the other global keys last.
    let essential = |t: &str| matches!(t, "pane" | "help" | "quit");
    let mut keep = vec![false; hints.len()];
    for (i, h) in hints.iter().enumerate() {
        if essential(h.1) && used + cost(h) <= width + 1 {
            keep[i] = true;
            used += cost(h);
        }
    }
    let first_global = hints.len() - keymap::global_hint_count(app);
    for pass in [true, false] {
        for (i, h) in hints.iter().enumerate() {
            if keep[i] || essential(h.1) || (i < first_global) != pass {
                continue;
            }
            if used + cost(h) <= width + 1 {
                keep[i] = true;
                used += cost(h);
            }
        }
    }
    let shown = hints.iter().zip(keep).filter(|(_, k)| *k).map(|(h, _)| h);
    for (key, text) in shown {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::styled(format!(" {text} "), theme.faint()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
