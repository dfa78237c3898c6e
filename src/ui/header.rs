//! The top line: the name and the disclaimer (or the pane tabs), and the overall triage,
//! which is always on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::layout::Layout;

pub const DISCLAIMER: &str = "information, not a diagnosis";
/// The disclaimer where the whole one does not fit beside the tabs.
pub const SHORT_DISCLAIMER: &str = "not a diagnosis";

pub fn draw(frame: &mut Frame, area: Rect, app: &App, layout: &Layout, theme: &Theme) {
    // No green "Self-care" before the screen for danger is through: until then only a
    // level above routine (a red flag, a rule, a dangerous cause) is shown.
    let ranking = app.session.ranking();
    let assessed = app.session.assessed();
    let words = format!(" {} ", crate::app::layout::overall_label(app));
    let level = if assessed {
        Span::styled(words, theme.triage(ranking.triage))
    } else {
        Span::styled(words, theme.text())
    };
    let right = vec![Span::styled("Overall:", theme.faint()), level];
    let right_width: usize = right.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width).saturating_sub(right_width + 1);

    // Narrow: the panes as tabs (a ratatui `Tabs`), then the disclaimer where it fits;
    // too narrow for every tab, the focused pane's name only.
    let panes = app.panes();
    let tabs_w: usize = panes.iter().map(|p| p.tab().width() + 2).sum();
    let note = format!("{} {DISCLAIMER} ", theme.dot());
    let [left, rest] = if layout.wide {
        let name = " symptom-explorer ";
        frame.render_widget(Paragraph::new(Span::styled(name, theme.bold())), area);
        split(area, name.width())
    } else if tabs_w <= room {
        let selected = panes.iter().position(|&p| p == app.pane);
        let titles: Vec<&str> = panes.iter().map(|p| p.tab()).collect();
        let tabs = Tabs::new(titles)
            .select(selected)
            .style(theme.text())
            .highlight_style(theme.selected())
            .divider("")
            .padding(" ", " ");
        let [tabs_area, rest] = split(area, tabs_w);
        frame.render_widget(tabs, tabs_area);
        [tabs_area, rest]
    } else {
        let name = format!(" {} ", app.pane.tab());
        frame.render_widget(
            Paragraph::new(Span::styled(name.clone(), theme.selected())),
            area,
        );
        split(area, name.width())
    };
    let _ = left;
    let used = usize::from(area.width - rest.width);
    let short = format!("{} {SHORT_DISCLAIMER} ", theme.dot());
    let note = if used + note.width() <= room {
        note
    } else {
        short
    };
    if used + note.width() <= room {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {note}"), theme.info())),
            rest,
        );
    }
    frame.render_widget(Paragraph::new(Line::from(right)).right_aligned(), area);
    // Wide, the panes have no tabs: a button opens the summary (a click or a touch).
    if let Some(button) = crate::app::layout::summary_button(app, area, layout.wide) {
        frame.render_widget(
            Paragraph::new(Span::styled(
                crate::app::layout::button_words(app),
                theme.selected(),
            )),
            button,
        );
    }
}

/// The first `width` columns of a row and the rest.
fn split(area: Rect, width: usize) -> [Rect; 2] {
    let w = u16::try_from(width).unwrap_or(u16::MAX).min(area.width);
    [
        Rect { width: w, ..area },
        Rect {
            x: area.x + w,
            width: area.width - w,
            ..area
        },
    ]
}
