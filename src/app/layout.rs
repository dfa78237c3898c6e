//! Where each pane goes at a given terminal size. It lives with the state because the
//! state needs it too: Tab order, page sizes and scroll limits depend on what is shown.

use ratatui::layout::{Constraint, Layout as Split, Rect};

use super::{App, Pane};

/// Below this the interface shows one line asking for a larger terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// From this size up the panes sit side by side.
pub const WIDE_WIDTH: u16 = 110;
pub const WIDE_HEIGHT: u16 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Panes side by side (true) or one at a time behind tabs (false).
    pub wide: bool,
    pub header: Rect,
    /// Empty when there is no red flag.
    pub banner: Rect,
    pub panes: Vec<(Pane, Rect)>,
    pub status: Rect,
}

impl Layout {
    /// `None` when the terminal is too small for anything but the size message.
    pub fn compute(app: &App, area: Rect) -> Option<Layout> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let wide = area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT;
        let max_banner = match area.height {
            // While the summary's QR code is shown the banner keeps its first two lines
            // (the level and the words to act on, cut with "..."), as below 18 rows: the
            // code needs the height, and the words beside it give the whole advice.
            _ if app.pane == Pane::Summary && app.summary.qr => 2,
            36.. => 6,
            24.. => 5,
            18.. => 3,
            _ => 2,
        };
        let banner_height = app.banner_lines(area.width, max_banner).len() as u16;
        let [header, banner, main, status] = Split::vertical([
            Constraint::Length(1),
            Constraint::Length(banner_height),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        // The summary takes the whole width, whatever the size.
        let panes = if wide && app.pane != Pane::Summary {
            wide_panes(app, main)
        } else {
            vec![(app.pane, main)]
        };
        Some(Layout {
            wide,
            header,
            banner,
            panes,
            status,
        })
    }

    /// The layout for the app's own terminal size.
    pub fn of(app: &App) -> Option<Layout> {
        let (w, h) = app.size;
        Layout::compute(app, Rect::new(0, 0, w, h))
    }

    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }
}

/// Side by side: the body map beside questions over causes; once a cause is open and
/// the body map is not focused, questions over causes beside the detail.
fn wide_panes(app: &App, main: Rect) -> Vec<(Pane, Rect)> {
    let detail_shown = app.detail.is_some() && app.pane != Pane::Body;
    let (left, right) = if detail_shown {
        let [l, r] =
            Split::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(main);
        (l, r)
    } else {
        // The body map grows with the terminal, so the region names and the notes beside
        // the figure have room; the questions and causes take the rest.
        let body = (main.width * 35 / 100).clamp(54, 76);
        let [l, r] = Split::horizontal([Constraint::Length(body), Constraint::Min(20)]).areas(main);
        (l, r)
    };
    let stack = if detail_shown { left } else { right };
    let [questions, causes] =
        Split::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(stack);
    let mut panes = vec![(Pane::Questions, questions), (Pane::Causes, causes)];
    if detail_shown {
        panes.push((Pane::Detail, right));
    } else {
        panes.insert(0, (Pane::Body, left));
    }
    panes
}

/// The overall triage as the header writes it on the right: the level's label once the
/// screen for danger is through (or a level above routine is set), "not assessed" before.
pub fn overall_label(app: &App) -> String {
    if app.session.assessed() {
        app.session.ranking().triage_label.clone()
    } else {
        "not assessed".to_string()
    }
}

/// The words of the header's summary button, and of the same button while the summary
/// is open (it then goes back).
pub const SUMMARY_BUTTON: &str = " F2 Summary ";
pub const BACK_BUTTON: &str = "  Esc Back  ";

/// The header button's words now.
pub fn button_words(app: &App) -> &'static str {
    if app.pane == Pane::Summary {
        BACK_BUTTON
    } else {
        SUMMARY_BUTTON
    }
}

/// Where the header shows a button that opens the summary (a click or a touch on it):
/// in the wide layout only, where the panes have no tabs, left of the overall triage;
/// `None` when narrow or when the row has no room beside the name and the disclaimer.
pub fn summary_button(app: &App, header: Rect, wide: bool) -> Option<Rect> {
    if !wide {
        return None;
    }
    let right = u16::try_from("Overall:".len() + overall_label(app).chars().count() + 2).ok()?;
    let width = u16::try_from(SUMMARY_BUTTON.len()).ok()?;
    let x = header.right().checked_sub(right + width + 2)?;
    // " symptom-explorer  · information, not a diagnosis " comes first.
    (x >= header.x + 52).then(|| Rect::new(x, header.y, width, 1))
}

/// The body figure is drawn only with this many rows for it (squeezed from 18 at most
/// this far, it is still a figure) and this many columns (the small art's width).
pub const FIGURE_MIN_ROWS: u16 = 12;
pub const FIGURE_MIN_WIDTH: u16 = 19;

/// The columns and rows the body figure may take inside the body pane: a row for the
/// view's name above it and one for the region's name below, a blank column each side,
/// and at least 16 columns left for the list. `None` when that is too little for it.
pub fn figure_room(inner: Rect) -> Option<(u16, u16)> {
    let rows = inner.height.saturating_sub(2);
    let cols = inner.width.saturating_sub(2 + 16);
    (rows >= FIGURE_MIN_ROWS && cols >= FIGURE_MIN_WIDTH).then_some((cols, rows))
}

/// The inner size (inside the border) of a pane's rectangle.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}
