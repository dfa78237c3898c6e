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
        let panes = if wide {
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
        let [l, r] = Split::horizontal([Constraint::Length(54), Constraint::Min(20)]).areas(main);
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

/// One line of the help overlay, wrapped to its width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(&'static str),
    /// A key (empty on continuation lines), padded to `pad` columns, and its words.
    Key {
        key: &'static str,
        pad: usize,
        text: String,
    },
}

/// Where the help overlay goes in an area, and its lines wrapped to fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    pub rect: Rect,
    pub lines: Vec<HelpLine>,
}

impl HelpView {
    /// `None` when the area is too small to show any of it.
    pub fn compute(ascii: bool, area: Rect) -> Option<HelpView> {
        use super::keymap::{HelpRow, help_rows};
        use unicode_width::UnicodeWidthStr;
        let width = area.width.saturating_sub(4).min(72);
        if width < 12 || area.height < 7 {
            return None;
        }
        let rows = help_rows(ascii);
        let key_w = rows
            .iter()
            .filter_map(|r| match r {
                HelpRow::Key(k, _) => Some(k.width()),
                _ => None,
            })
            .max()
            .unwrap_or(8);
        let inner = usize::from(width - 2);
        // Words beside the key when there is room, else under it.
        let (beside, text_w) = match inner.saturating_sub(key_w + 4) {
            w if w >= 16 => (true, w),
            _ => (false, inner.saturating_sub(4).max(1)),
        };
        let mut lines = Vec::new();
        for row in rows {
            match row {
                HelpRow::Blank => lines.push(HelpLine::Blank),
                HelpRow::Heading(h) => lines.push(HelpLine::Heading(h)),
                HelpRow::Key(key, text) => {
                    let wrapped = textwrap::wrap(text, text_w);
                    if !beside {
                        lines.push(HelpLine::Key {
                            key,
                            pad: 0,
                            text: String::new(),
                        });
                    }
                    for (i, piece) in wrapped.into_iter().enumerate() {
                        let first = i == 0 && beside;
                        lines.push(HelpLine::Key {
                            key: if first { key } else { "" },
                            pad: if beside { key_w + 2 } else { 2 },
                            text: piece.into_owned(),
                        });
                    }
                }
            }
        }
        let height = (lines.len() as u16 + 2).min(area.height - 4);
        let rect = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        Some(HelpView { rect, lines })
    }

    /// How far the help can scroll.
    pub fn max_scroll(&self) -> usize {
        self.lines
            .len()
            .saturating_sub(usize::from(self.rect.height.saturating_sub(2)))
    }
}
