//! Drawing the summary pane: the summary's lines, styled and scrolled; or its QR code
//! with a few words beside it on what it holds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::SummaryPane;
use super::qr::{self, Fitted};
use crate::app::Session;
use crate::summary::Summary;
use crate::summary::compact::Form;
use crate::summary::document::Tone;
use crate::summary::text::Kind;
use crate::ui::pane_block;
use crate::ui::theme::Theme;

/// The pane's title.
pub const TITLE: &str = "Summary to take to the clinician";

/// Columns kept beside the QR code for the words about it.
const WORDS_WIDTH: u16 = 30;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &SummaryPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    if pane.qr {
        draw_qr(frame, area, pane, session, focused, theme);
    } else {
        draw_text(frame, area, pane, session, focused, theme);
    }
}

fn style(tone: Tone, kind: Kind, theme: &Theme) -> Style {
    match (kind, tone) {
        (Kind::Title, _) => theme.bold(),
        (Kind::Heading, _) => theme.heading(),
        (_, Tone::Level(t)) => theme.triage(t),
        (_, Tone::Strong) => theme.bold(),
        (_, Tone::Dim) => theme.faint(),
        (_, Tone::Plain) => theme.text(),
    }
}

fn draw_text(
    frame: &mut Frame,
    area: Rect,
    pane: &SummaryPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let mut block = pane_block(TITLE.to_string(), focused, theme);
    let inner = block.inner(area);
    // A column kept free on the right for the scrollbar.
    let width = inner.width.saturating_sub(1).max(1);
    let (_, lines) = pane.built(session, width);
    let height = usize::from(inner.height);
    let max = lines.len().saturating_sub(height);
    let top = pane.scroll.min(max);
    pane.view.record(top, height);
    pane.max_scroll.set(max);
    if let Some(position) = crate::ui::scroll_position(top, height, lines.len(), theme) {
        block = block.title_bottom(position);
    }
    let shown: Vec<Line> = lines
        .iter()
        .skip(top)
        .take(height)
        .map(|l| Line::from(Span::styled(l.text.clone(), style(l.tone, l.kind, theme))))
        .collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
    if max > 0 && area.height >= 5 {
        crate::ui::scrollbar(frame, area, top, max, theme);
    }
}

/// The QR code for the room, from the last draw when nothing has changed.
fn fitted(
    pane: &SummaryPane,
    session: &Session,
    summary: &Summary,
    room: (u16, u16),
    ascii: bool,
) -> (Option<qr::Code>, Option<usize>) {
    let mut cache = pane.code.borrow_mut();
    if let Some(f) = cache.as_ref()
        && f.generation == session.generation()
        && f.date == pane.date
        && f.room == room
        && f.ascii == ascii
    {
        return (f.code.clone(), f.full_side);
    }
    let code = qr::fit(summary, room.0, room.1, ascii);
    let full_side = match &code {
        Some(c) if c.form == Form::Full => None,
        _ => qr::full_side(summary),
    };
    *cache = Some(Fitted {
        generation: session.generation(),
        date: pane.date,
        room,
        ascii,
        code: code.clone(),
        full_side,
    });
    (code, full_side)
}

fn draw_qr(
    frame: &mut Frame,
    area: Rect,
    pane: &SummaryPane,
    session: &Session,
    focused: bool,
    theme: &Theme,
) {
    let (summary, _) = pane.built(session, area.width.saturating_sub(3).max(1));
    // The words go beside the code when there is room, else nowhere (the status bar
    // still says how to get back to the text).
    let beside = area.width >= WORDS_WIDTH + 25;
    let room_w = if beside {
        area.width - WORDS_WIDTH
    } else {
        area.width
    };
    let (code, full_side) = fitted(pane, session, &summary, (room_w, area.height), theme.ascii);
    pane.view.record(0, usize::from(area.height));
    pane.max_scroll.set(pane.scroll);
    let mut words: Vec<Line> = Vec::new();
    let words_area = match &code {
        Some(code) => {
            let (cols, rows) = code.cells(theme.ascii);
            let top = area.y + area.height.saturating_sub(rows) / 2;
            frame.render_widget(Clear, area);
            qr::draw(
                frame.buffer_mut(),
                Rect::new(area.x, top, cols.min(area.width), rows.min(area.height)),
                code,
                theme.ascii,
                theme.color,
            );
            words.extend(triage_lines(&summary, theme));
            if code.form == Form::Full {
                words.push(Line::from(Span::styled(
                    "The code holds the full summary.",
                    theme.bold(),
                )));
            } else {
                words.push(Line::from(Span::styled(
                    format!(
                        "The code holds {} (the window is too small for the full text).",
                        code.form.name()
                    ),
                    theme.bold(),
                )));
                words.push(Line::from(larger_window(full_side, theme.ascii)));
            }
            words.push(Line::from(""));
            words.push(Line::from(Span::styled(
                "Scan it with a phone camera to take the summary with you: nothing is written on this computer.",
                theme.text(),
            )));
            let x = area.x + cols + 1;
            Rect::new(x, area.y, area.width.saturating_sub(cols + 1), area.height)
        }
        None => {
            frame.render_widget(Clear, area);
            words.extend(triage_lines(&summary, theme));
            words.push(Line::from(Span::styled(
                if theme.ascii {
                    "The QR code needs a larger window or a Unicode terminal: in ASCII each module takes two characters."
                } else {
                    "The QR code needs a larger window."
                },
                theme.bold(),
            )));
            area
        }
    };
    words.push(Line::from(""));
    words.push(Line::from(vec![
        Span::styled("c", theme.key()),
        Span::raw(" back to the text"),
    ]));
    if words_area.width >= 12 {
        let block = pane_block("QR code".to_string(), focused, theme);
        frame.render_widget(
            Paragraph::new(words).wrap(Wrap { trim: true }).block(block),
            words_area,
        );
    }
}

/// The triage and the words to act on, first beside the code: the banner above is cut
/// to two lines while the code is shown.
fn triage_lines(summary: &Summary, theme: &Theme) -> Vec<Line<'static>> {
    if !summary.triage.assessed {
        return Vec::new();
    }
    vec![
        Line::from(Span::styled(
            summary.triage.label.to_uppercase(),
            theme.triage(summary.triage.level),
        )),
        Line::from(Span::styled(summary.triage.advice.clone(), theme.bold())),
        Line::from(""),
    ]
}

/// How large a window shows the full text as a code (`side` modules a side, if the
/// full text fits in a code at all), in words.
fn larger_window(side: Option<usize>, ascii: bool) -> String {
    match side {
        Some(side) => {
            let (cols, rows) = if ascii {
                (side * 2, side)
            } else {
                (side, side.div_ceil(2))
            };
            format!(
                "A larger window gives the full text: about {} columns by {} rows{}.",
                cols + usize::from(WORDS_WIDTH),
                rows + 2,
                if ascii { " (fewer with Unicode)" } else { "" }
            )
        }
        None => "The full text is too long for one QR code: a larger window gives more of it."
            .to_string(),
    }
}
