//! The body map: which figure is shown, the region under the cursor, the regions marked;
//! choosing them starts the questions.

pub mod keys;
pub mod nav;
pub mod view;

use std::cell::Cell;

use ratatui::layout::Rect;

use super::{Effect, Viewport, moved};
use crate::app::{Action, Dir, Pane, Session};
use crate::graph::{Graph, View};

#[derive(Debug, Clone)]
pub struct BodyPane {
    pub view: View,
    /// Index into `graph.regions`.
    pub cursor: usize,
    /// Indexes into `graph.regions`, in the order they were marked.
    pub marked: Vec<usize>,
    /// Whether the figure was on screen at the last draw (it is not on small terminals:
    /// then up and down go through the list).
    pub figure_shown: Cell<bool>,
    /// The region list as last drawn, and where its rows were on screen.
    pub list: Viewport,
    pub list_rows: Cell<Rect>,
    /// Each region's spot on the figure as last drawn: region, column, row.
    pub spots: std::cell::RefCell<Vec<(usize, u16, u16)>>,
}

impl BodyPane {
    /// Start at the lower back (the commonest complaint), else the first region drawn.
    pub fn new(graph: &Graph) -> BodyPane {
        let cursor = graph
            .regions
            .iter()
            .position(|r| r.id == "lower-back")
            .or_else(|| graph.regions.iter().position(|r| !r.figure.is_empty()))
            .unwrap_or(0);
        let view = graph
            .regions
            .get(cursor)
            .and_then(|r| r.figure.first())
            .map_or(View::Back, |s| s.view);
        BodyPane {
            view,
            cursor,
            marked: Vec::new(),
            figure_shown: Cell::new(true),
            list: Viewport::default(),
            list_rows: Cell::new(Rect::ZERO),
            spots: std::cell::RefCell::default(),
        }
    }

    pub fn update(&mut self, action: Action, session: &mut Session) -> Effect {
        let graph = session.graph();
        match action {
            Action::Move(dir) => self.step(graph, dir),
            Action::Select(i) if i < graph.regions.len() => self.go(graph, i),
            Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::Home
            | Action::End => {
                let len = graph.regions.len();
                if let Some(i) = moved(self.cursor, len, self.list.height(), action) {
                    self.go(graph, i);
                }
            }
            Action::FlipView => self.flip(graph),
            Action::ToggleMark => {
                let c = self.cursor;
                match self.marked.iter().position(|&m| m == c) {
                    Some(pos) => {
                        self.marked.remove(pos);
                    }
                    None => self.marked.push(c),
                }
            }
            Action::JumpTo(letter) => match nav::jump(graph, self.cursor, letter) {
                Some(i) => self.go(graph, i),
                None => return Effect::Say(format!("No region starts with {letter}.")),
            },
            Action::ChooseRegions => return self.choose(session),
            _ => {}
        }
        Effect::None
    }

    /// The region whose spot on the figure is nearest a point, within two cells.
    pub fn spot_at(&self, column: u16, row: u16) -> Option<usize> {
        self.spots
            .borrow()
            .iter()
            .map(|&(region, x, y)| {
                let dx = i32::from(x) - i32::from(column);
                let dy = i32::from(y) - i32::from(row);
                (dx * dx + 4 * dy * dy, region)
            })
            .filter(|&(d, _)| d <= 4)
            .min()
            .map(|(_, region)| region)
    }

    /// Put the cursor on a region, turning the figure if it shows on the other side.
    fn go(&mut self, graph: &Graph, region: usize) {
        self.cursor = region;
        self.view = nav::view_for(graph, region, self.view);
    }

    fn step(&mut self, graph: &Graph, dir: Dir) {
        let n = graph.regions.len();
        let from = self.cursor;
        if !self.figure_shown.get() && matches!(dir, Dir::Up | Dir::Down) {
            // No figure on screen (a small terminal): up and down go through the list.
            let to = match dir {
                Dir::Up => from.saturating_sub(1),
                _ => (from + 1).min(n.saturating_sub(1)),
            };
            self.go(graph, to);
            return;
        }
        let stepped = nav::step(graph, from, self.view, dir).or_else(|| {
            // A region not on this figure: move through the list instead.
            match (nav::spot_on(graph, from, self.view), dir) {
                (None, Dir::Up) if n > 0 => Some((from + n - 1) % n),
                (None, Dir::Down) if n > 0 => Some((from + 1) % n),
                _ => None,
            }
        });
        if let Some(i) = stepped {
            self.go(graph, i);
        }
    }

    fn flip(&mut self, graph: &Graph) {
        let (x, y) = nav::spot_on(graph, self.cursor, self.view).map_or((50, 50), |s| (s.x, s.y));
        self.view = match self.view {
            View::Front => View::Back,
            View::Back => View::Front,
        };
        if let Some(i) = nav::nearest(graph, x, y, self.view) {
            self.cursor = i;
        }
    }

    /// Choose the region under the cursor and any marked; the questions start.
    fn choose(&mut self, session: &mut Session) -> Effect {
        let mut chosen = self.marked.clone();
        if !chosen.contains(&self.cursor) {
            chosen.push(self.cursor);
        }
        let ids: Vec<String> = chosen
            .iter()
            .filter_map(|&i| session.graph().regions.get(i).map(|r| r.id.to_string()))
            .collect();
        if ids.is_empty() {
            return Effect::None;
        }
        self.marked = chosen;
        session.choose_regions(ids);
        let walk = session.walk();
        if walk.current.is_none() && walk.answered.is_empty() {
            return Effect::FocusAndSay(
                Pane::Questions,
                "No questions for this area: Tab or s to see the causes.".into(),
            );
        }
        Effect::Focus(Pane::Questions)
    }
}
