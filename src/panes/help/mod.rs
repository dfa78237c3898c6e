//! The help overlay: what the words and marks on screen mean, then every key, grouped by
//! where it works (generated from the panes' key tables).

pub mod keys;
pub mod view;
mod words;

use std::cell::Cell;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{Effect, scrolled};
use crate::app::Action;
use crate::app::hints::{HelpRow, help_rows};
use crate::graph::Graph;

#[derive(Debug, Clone, Default)]
pub struct HelpPane {
    pub scroll: usize,
    /// Rows shown and how far it could scroll, at the last draw.
    pub page: Cell<usize>,
    pub max_scroll: Cell<usize>,
}

impl HelpPane {
    pub fn update(&mut self, action: Action) -> Effect {
        let max = self.max_scroll.get();
        if let Some(top) = scrolled(self.scroll.min(max), max, self.page.get().max(1), action) {
            self.scroll = top;
        }
        Effect::None
    }
}

/// One line of the help overlay, wrapped to its width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(String),
    /// A key or a word (empty on continuation lines), padded to `pad` columns, and what
    /// it means.
    Key {
        key: String,
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
    /// `None` when the area is too small to show any of it. Without `saving` (kiosk
    /// mode) the keys that save files are left out, as they are not bound.
    pub fn compute(graph: &Graph, ascii: bool, saving: bool, area: Rect) -> Option<HelpView> {
        let width = area.width.saturating_sub(4).min(76);
        if width < 12 || area.height < 7 {
            return None;
        }
        let mut rows: Vec<(HelpRowText, bool)> = words::rows(graph, ascii)
            .into_iter()
            .map(|r| (r, false))
            .collect();
        rows.push((HelpRowText::Blank, false));
        rows.extend(help_rows(ascii, saving).into_iter().map(|r| {
            (
                match r {
                    HelpRow::Blank => HelpRowText::Blank,
                    HelpRow::Heading(h) => HelpRowText::Heading(format!("Keys: {h}")),
                    HelpRow::Key(k, t) => HelpRowText::Item(k, t.to_string()),
                },
                true,
            )
        }));
        let key_w = |keys: bool| {
            rows.iter()
                .filter(|(_, k)| *k == keys)
                .filter_map(|(r, _)| match r {
                    HelpRowText::Item(k, _) => Some(k.width()),
                    _ => None,
                })
                .max()
                .unwrap_or(8)
                .min(18)
        };
        let (keys_w, words_w) = (key_w(true), key_w(false));
        let inner = usize::from(width - 2);
        let mut lines = Vec::new();
        for (row, is_key) in rows {
            match row {
                HelpRowText::Blank => lines.push(HelpLine::Blank),
                HelpRowText::Heading(h) => lines.push(HelpLine::Heading(h)),
                HelpRowText::Item(key, text) => {
                    let key_w = if is_key { keys_w } else { words_w };
                    // Words beside the key when there is room, else under it.
                    let (beside, text_w) = match inner.saturating_sub(key_w + 4) {
                        w if w >= 16 && key.width() <= key_w => (true, w),
                        _ => (false, inner.saturating_sub(4).max(1)),
                    };
                    if !beside {
                        lines.push(HelpLine::Key {
                            key: key.clone(),
                            pad: 0,
                            text: String::new(),
                        });
                    }
                    for (i, piece) in textwrap::wrap(&text, text_w).into_iter().enumerate() {
                        let first = i == 0 && beside;
                        lines.push(HelpLine::Key {
                            key: if first { key.clone() } else { String::new() },
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

/// A row of the help before wrapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRowText {
    Blank,
    Heading(String),
    /// A key or word, and what it means.
    Item(String, String),
}
