//! The top line: the name and the disclaimer (or the pane tabs), and the overall triage,
//! which is always on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::layout::Layout;

pub const DISCLAIMER: &str = "information, not a diagnosis";

pub fn draw(frame: &mut Frame, area: Rect, app: &App, layout: &Layout, theme: &Theme) {
    // Before any answer nothing has been assessed: no green "Self-care" yet.
    let assessed = !app.interview.is_empty() || !app.ranking.red_flags.is_empty();
    let level = if assessed {
        Span::styled(
            format!(" {} ", app.ranking.triage_label),
            theme.triage(app.ranking.triage),
        )
    } else {
        Span::styled(" not assessed ", theme.text())
    };
    let right = vec![Span::styled("Overall:", theme.faint()), level];
    let right_width: usize = right.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width).saturating_sub(right_width + 1);

    let mut left: Vec<Span> = Vec::new();
    if layout.wide {
        left.push(Span::styled(" symptom-explorer ", theme.bold()));
    } else {
        for pane in app.panes() {
            let style = if pane == app.pane {
                theme.selected()
            } else {
                theme.faint()
            };
            left.push(Span::styled(format!(" {} ", pane.tab()), style));
        }
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let note = format!(" {} {DISCLAIMER} ", theme.dot());
    if used + note.width() <= room {
        left.push(Span::styled(note, theme.info()));
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    if used > room {
        // Too narrow for every tab: name the focused pane only.
        left = vec![Span::styled(
            format!(" {} ", app.pane.tab()),
            theme.selected(),
        )];
    }
    frame.render_widget(Paragraph::new(Line::from(left)), area);
    frame.render_widget(Paragraph::new(Line::from(right)).right_aligned(), area);
}
