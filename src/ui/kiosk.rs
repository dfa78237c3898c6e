//! Kiosk mode's own screens: the welcome screen (at start and after every reset), the
//! "Still there?" countdown, and the staff exit prompt. Drawn from `&App` only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::pane_block;
use super::theme::Theme;
use crate::app::App;
use crate::app::kiosk::KioskState;
use crate::graph::triage::Triage;

/// Whether a kiosk screen covers the whole interface now (the welcome screen).
pub fn covers(app: &App) -> bool {
    app.kiosk.as_ref().is_some_and(|k| k.welcome)
}

/// The welcome screen, over the whole area, wrapped to fit whatever its size.
pub fn draw_welcome(frame: &mut Frame, area: Rect, app: &App, kiosk: &KioskState, theme: &Theme) {
    let number = &app.options.emergency_number;
    let idle = kiosk.settings.idle.as_secs();
    // Most important first: a small window still shows the emergency line.
    let lines = vec![
        Line::from(Span::styled("Symptom explorer", theme.heading())),
        Line::from(""),
        Line::from(Span::styled(
            format!(
                " If you think your life is in danger, or you have chest pain or trouble \
                 breathing, do not wait: call {number} now or tell a member of staff. "
            ),
            theme.banner(Triage::Emergency),
        )),
        Line::from(""),
        Line::from(Span::styled(
            "It gives information only. It does not diagnose you and does not replace a \
             doctor, nurse or pharmacist.",
            theme.bold(),
        )),
        Line::from(""),
        Line::from(
            "Choose where it hurts, answer a few questions, and read about what might be \
             causing it and how soon to get help.",
        ),
        Line::from(""),
        Line::from(format!(
            "Nothing you enter is kept. The screen clears itself for the next person when \
             you press Ctrl-R, or after {idle} seconds without a key press."
        )),
        Line::from(""),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("any key", theme.key()),
            Span::raw(" to start."),
        ]),
    ];
    frame.render_widget(Clear, area);
    // Room to spare: a frame and a margin; less: the frame only; tiny: the words only.
    let block = if area.width >= 40 && area.height >= 16 {
        pane_block("Welcome".to_string(), true, theme)
            .padding(ratatui::widgets::Padding::new(2, 2, 1, 0))
    } else if area.width >= 20 && area.height >= 6 {
        pane_block("Welcome".to_string(), true, theme)
    } else {
        Block::new()
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}

/// "Still there?" with the seconds left, over everything.
pub fn draw_countdown(frame: &mut Frame, area: Rect, seconds: u64, theme: &Theme) {
    let lines = vec![
        Line::from(Span::styled("Still there?", theme.bold())),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled("any key", theme.key()),
            Span::raw(" to carry on."),
        ]),
        Line::from(format!(
            "In {seconds} second{} everything on this screen is cleared for the next person.",
            if seconds == 1 { "" } else { "s" }
        )),
    ];
    popup(frame, area, "Still there?", lines, theme);
}

/// The staff exit prompt: the code typed so far, shown as stars.
pub fn draw_staff(frame: &mut Frame, area: Rect, typed: &str, theme: &Theme) {
    let stars = if theme.ascii { "*" } else { "•" }.repeat(typed.chars().count());
    let lines = vec![
        Line::from(vec![
            Span::raw("Staff code: "),
            Span::styled(stars, theme.bold()),
        ]),
        Line::from(vec![
            Span::styled("Enter", theme.key()),
            Span::raw(" quit   "),
            Span::styled("any other key", theme.key()),
            Span::raw(" cancel"),
        ]),
    ];
    popup(frame, area, "Staff exit", lines, theme);
}

fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, theme: &Theme) {
    let width = area.width.saturating_sub(4).min(60).max(area.width.min(12));
    let inner = usize::from(width.saturating_sub(2).max(1));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(pane_block(title.to_string(), true, theme)),
        rect,
    );
}
