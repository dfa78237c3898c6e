//! The body figure art (embedded from `assets/`) and where a region's spot lands on it.
//!
//! Each view comes in two sizes, drawn by hand: an 18-row figure for 80x24 terminals and
//! a 34-row one for tall terminals. [`Figure::fit`] picks the larger that fits. To fit a
//! shorter space it drops rows: first rows that repeat the row above (a straight stretch
//! of leg or arm), then plain rows of vertical lines, then rows without corners, then the
//! others, least outline first, never the first or the last, and rows with a region's
//! spot only when nothing else is left; to fill a taller one it doubles the plain rows. A region's spot is given in per cent of the figure (see `data/body.ron`)
//! and lands on the same part of the body at either size.

use crate::graph::View;

const FRONT: &str = include_str!("../../assets/figure-front.txt");
const BACK: &str = include_str!("../../assets/figure-back.txt");
const FRONT_ASCII: &str = include_str!("../../assets/figure-front-ascii.txt");
const BACK_ASCII: &str = include_str!("../../assets/figure-back-ascii.txt");
const FRONT_TALL: &str = include_str!("../../assets/figure-front-tall.txt");
const BACK_TALL: &str = include_str!("../../assets/figure-back-tall.txt");
const FRONT_TALL_ASCII: &str = include_str!("../../assets/figure-front-tall-ascii.txt");
const BACK_TALL_ASCII: &str = include_str!("../../assets/figure-back-tall-ascii.txt");

/// The two sizes of the art.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 19 columns by 18 rows.
    Small,
    /// 23 columns by 34 rows.
    Tall,
}

impl Size {
    pub const ALL: [Size; 2] = [Size::Small, Size::Tall];

    /// Columns and rows of the art at this size.
    pub fn dims(self) -> (u16, u16) {
        match self {
            Size::Small => (19, 18),
            Size::Tall => (23, 34),
        }
    }

    /// The fewest rows this size is squeezed to before the smaller size is used instead.
    fn min_rows(self) -> u16 {
        match self {
            Size::Small => 1,
            Size::Tall => 26,
        }
    }

    /// The most rows this size is stretched to, doubling plain stretches of the limbs.
    fn max_rows(self) -> u16 {
        match self {
            Size::Small => 24,
            Size::Tall => 34,
        }
    }
}

/// The art for a size and view, as rows of characters padded to the size's width.
pub fn art(size: Size, view: View, ascii: bool) -> Vec<Vec<char>> {
    let text = match (size, view, ascii) {
        (Size::Small, View::Front, false) => FRONT,
        (Size::Small, View::Back, false) => BACK,
        (Size::Small, View::Front, true) => FRONT_ASCII,
        (Size::Small, View::Back, true) => BACK_ASCII,
        (Size::Tall, View::Front, false) => FRONT_TALL,
        (Size::Tall, View::Back, false) => BACK_TALL,
        (Size::Tall, View::Front, true) => FRONT_TALL_ASCII,
        (Size::Tall, View::Back, true) => BACK_TALL_ASCII,
    };
    let (width, height) = size.dims();
    let mut rows: Vec<Vec<char>> = text
        .lines()
        .take(usize::from(height))
        .map(|l| {
            let mut row: Vec<char> = l.chars().take(usize::from(width)).collect();
            row.resize(usize::from(width), ' ');
            row
        })
        .collect();
    rows.resize(usize::from(height), vec![' '; usize::from(width)]);
    rows
}

/// The art fitted to a space: its rows, and where each row of the full art went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub size: Size,
    pub width: u16,
    pub rows: Vec<Vec<char>>,
    /// For each row of the full art, the row it is drawn on (a dropped row goes to the
    /// kept row above it; a doubled row to its first copy).
    map: Vec<u16>,
}

impl Figure {
    /// The largest figure that fits `width` columns and `height` rows, if any does.
    /// `spots` are the heights (per cent) of the regions' spots: their rows are dropped
    /// last when the figure is squeezed.
    pub fn fit(view: View, ascii: bool, width: u16, height: u16, spots: &[u8]) -> Option<Figure> {
        let size = Size::ALL
            .into_iter()
            .rev()
            .find(|s| s.dims().0 <= width && height >= s.min_rows())?;
        let full = art(size, view, ascii);
        let rows_n = size.dims().1;
        let protected: Vec<usize> = spots
            .iter()
            .map(|&y| usize::from(scale(y, rows_n)))
            .collect();
        let plan = plan_rows(&full, usize::from(height.min(size.max_rows())), &protected);
        // A doubled row is found at its first copy, a dropped one at the kept row above.
        let map = (0..full.len())
            .map(|r| {
                plan.iter()
                    .position(|&p| p == r)
                    .or_else(|| plan.iter().rposition(|&p| p < r))
                    .unwrap_or(0) as u16
            })
            .collect();
        let rows = plan.iter().map(|&r| full[r].clone()).collect();
        Some(Figure {
            size,
            width: size.dims().0,
            rows,
            map,
        })
    }

    pub fn height(&self) -> u16 {
        self.rows.len() as u16
    }

    /// Where a spot (per cent across and down the full figure) is drawn: column and row.
    pub fn cell(&self, x: u8, y: u8) -> (u16, u16) {
        let (w, h) = self.size.dims();
        let (c, r) = (scale(x, w), scale(y, h));
        (c, self.map.get(usize::from(r)).copied().unwrap_or(0))
    }
}

/// A per cent of a length, as a cell index.
fn scale(pc: u8, len: u16) -> u16 {
    let pc = u32::from(pc.min(100));
    let max = u32::from(len.saturating_sub(1));
    ((pc * max + 50) / 100) as u16
}

/// `k` of the items of `group`, spread evenly through it.
fn spread(group: &[usize], k: usize) -> Vec<usize> {
    (0..k)
        .map(|j| group[(2 * j + 1) * group.len() / (2 * k)])
        .collect()
}

/// Which rows of the art to draw, in order, to make `height` rows (see the module notes).
/// Rows are dropped to shrink and plain stretches of limbs are doubled to grow.
fn plan_rows(art: &[Vec<char>], height: usize, protected: &[usize]) -> Vec<usize> {
    let n = art.len();
    let inner = 1..n.saturating_sub(1);
    let plain = |i: usize| {
        art[i]
            .iter()
            .all(|c| matches!(c, ' ' | '│' | '|' | '┆' | ':'))
    };
    let repeat = |i: usize| i > 0 && art[i] == art[i - 1];
    if height >= n {
        let stretchy: Vec<usize> = inner.filter(|&i| plain(i) || repeat(i)).collect();
        let extra = height - n;
        let mut copies = vec![1usize; n];
        if !stretchy.is_empty() {
            for &i in &stretchy {
                copies[i] += extra / stretchy.len();
            }
            for i in spread(&stretchy, extra % stretchy.len()) {
                copies[i] += 1;
            }
        }
        return (0..n)
            .flat_map(|i| std::iter::repeat_n(i, copies[i]))
            .collect();
    }
    if height <= 2 {
        return (0..height.min(n))
            .map(|i| if i == 1 { n - 1 } else { 0 })
            .collect();
    }
    // Which rows go first: a repeat of the row above, then a plain row after another
    // plain one, then a row of lines and slopes only, then the rest by how much outline
    // (corners, level lines) they carry: a shoulder, a hand or a foot goes last. Rows with
    // a region's spot go only when nothing else is left, so that spots do not pile up.
    let simple = |i: usize| art[i].iter().all(|c| " │╱╲┆·•|/\\:.".contains(*c));
    let class = |i: usize| {
        if repeat(i) {
            0
        } else if plain(i) && plain(i - 1) {
            1
        } else if simple(i) {
            2
        } else {
            3
        }
    };
    let outline = |i: usize| {
        art[i]
            .iter()
            .filter(|c| !" │╱╲┆·•|/\\:".contains(**c))
            .count()
    };
    let mut buckets: Vec<((bool, usize, usize), Vec<usize>)> = Vec::new();
    for i in inner {
        let key = (protected.contains(&i), class(i), outline(i));
        match buckets.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rows)) => rows.push(i),
            None => buckets.push((key, vec![i])),
        }
    }
    buckets.sort_by_key(|(k, _)| *k);
    let mut keep = vec![true; n];
    let mut to_drop = n - height;
    for (_, group) in buckets {
        let k = to_drop.min(group.len());
        for i in spread(&group, k) {
            keep[i] = false;
        }
        to_drop -= k;
    }
    (0..n).filter(|&i| keep[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Graph;

    #[test]
    fn art_is_rectangular_and_ascii_art_is_ascii() {
        for size in Size::ALL {
            let (w, h) = size.dims();
            for view in [View::Front, View::Back] {
                for ascii in [false, true] {
                    let a = art(size, view, ascii);
                    assert_eq!(a.len(), usize::from(h));
                    assert!(a.iter().all(|r| r.len() == usize::from(w)));
                    assert!(
                        a.iter().any(|r| r[usize::from(w) - 1] != ' '),
                        "{size:?} {view:?} {ascii}: the art fills its width"
                    );
                    assert!(
                        a.iter().all(|r| r.iter().any(|&c| c != ' ')),
                        "no blank row"
                    );
                    if ascii {
                        assert!(a.iter().flatten().all(char::is_ascii));
                    }
                }
            }
        }
    }

    #[test]
    fn the_layout_leaves_room_for_the_small_figure() {
        use crate::app::layout::{FIGURE_MIN_ROWS, FIGURE_MIN_WIDTH};
        assert_eq!(Size::Small.dims().0, FIGURE_MIN_WIDTH);
        assert!(FIGURE_MIN_ROWS < Size::Small.dims().1);
    }

    #[test]
    fn the_tallest_figure_that_fits_is_chosen() {
        let f = Figure::fit(View::Front, false, 30, 40, &[]).expect("fits");
        assert_eq!((f.size, f.height()), (Size::Tall, 34));
        let f = Figure::fit(View::Front, false, 30, 28, &[]).expect("fits");
        assert_eq!((f.size, f.height()), (Size::Tall, 28));
        let f = Figure::fit(View::Back, false, 30, 18, &[]).expect("fits");
        assert_eq!((f.size, f.height()), (Size::Small, 18));
        assert_eq!(f.rows, art(Size::Small, View::Back, false));
        let f = Figure::fit(View::Back, false, 30, 22, &[]).expect("fits");
        assert_eq!(
            (f.size, f.height()),
            (Size::Small, 22),
            "plain rows doubled"
        );
        let f = Figure::fit(View::Back, true, 20, 40, &[]).expect("fits");
        assert_eq!(
            (f.size, f.height()),
            (Size::Small, 24),
            "too narrow for tall"
        );
        let f = Figure::fit(View::Back, true, 20, 12, &[]).expect("fits");
        assert_eq!(f.height(), 12);
        assert_eq!(
            f.rows[0],
            art(Size::Small, View::Back, true)[0],
            "head kept"
        );
        assert_eq!(
            f.rows[11],
            art(Size::Small, View::Back, true)[17],
            "feet kept"
        );
        assert!(Figure::fit(View::Front, false, 18, 40, &[]).is_none());
        assert!(Figure::fit(View::Front, false, 30, 0, &[]).is_none());
        for h in 1..40 {
            let f = Figure::fit(View::Front, false, 30, h, &[]).expect("fits");
            let want = if h >= 26 { h.min(34) } else { h.min(24) };
            assert_eq!(f.height(), want);
            let (_, r) = f.cell(50, 100);
            assert_eq!(r, want - 1, "the feet are the last row");
            let (_, r) = f.cell(50, 0);
            assert_eq!(r, 0, "the head is the first row");
        }
    }

    #[test]
    fn squeezing_drops_repeated_rows_first() {
        let full = art(Size::Tall, View::Front, false);
        let f = Figure::fit(View::Front, false, 30, 30, &[]).expect("fits");
        let mut at = 0;
        for row in &f.rows {
            while full[at] != *row {
                assert!(
                    full[at] == full[at - 1],
                    "row {at} dropped but it is not a repeat"
                );
                at += 1;
            }
            at += 1;
        }
    }

    /// A cell is inside the body when it is blank (or a mark drawn inside, such as the
    /// spine or the navel) and an odd number of outline strokes leave the row upwards to
    /// its left (a scanline just above the cell's middle).
    fn inside(art: &[Vec<char>], col: u16, row: u16) -> bool {
        let r = &art[usize::from(row)];
        let c = usize::from(col);
        let goes_up = |ch: char| "│╱╲╰╯┴|/\\'".contains(ch);
        let decoration = |ch: char| " ┆:·•.".contains(ch);
        decoration(r[c]) && r[..c].iter().filter(|&&ch| goes_up(ch)).count() % 2 == 1
    }

    #[test]
    fn ascii_art_has_the_same_outline() {
        for size in Size::ALL {
            for view in [View::Front, View::Back] {
                let (u, a) = (art(size, view, false), art(size, view, true));
                for (r, (ur, ar)) in u.iter().zip(&a).enumerate() {
                    for (c, (uc, ac)) in ur.iter().zip(ar).enumerate() {
                        assert_eq!(*uc == ' ', *ac == ' ', "{size:?} {view:?} row {r} col {c}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_bundled_spot_lands_on_the_body_at_every_size() {
        let graph = Graph::bundled().expect("the bundled graph parses");
        let text = include_str!("../../tests/fixtures/ui-graph.ron");
        let fixture =
            crate::graph::parse(vec![crate::graph::SourceText::new("ui-graph.ron", text)])
                .expect("fixture parses");
        for g in [&graph, &fixture] {
            for view in [View::Front, View::Back] {
                let spots: Vec<(&str, u8, u8)> = g
                    .regions
                    .iter()
                    .flat_map(|r| {
                        r.figure
                            .iter()
                            .filter(|s| s.view == view)
                            .map(|s| (r.id.as_str(), s.x, s.y))
                    })
                    .collect();
                let ys: Vec<u8> = spots.iter().map(|s| s.2).collect();
                let sizes = (12..=36).map(|h| (30, h)).chain([(20, 18), (20, 24)]);
                for (w, h) in sizes {
                    for ascii in [false, true] {
                        let f = Figure::fit(view, ascii, w, h, &ys).expect("fits");
                        let mut cells = Vec::new();
                        for &(id, x, y) in &spots {
                            let (c, r) = f.cell(x, y);
                            assert!(
                                inside(&f.rows, c, r),
                                "{id} ({view:?} {x}, {y}) is off the {:?} figure at {h} rows{}",
                                f.size,
                                if ascii { " (ASCII)" } else { "" }
                            );
                            assert!(
                                !cells.contains(&(c, r)),
                                "{id} ({view:?}) is on another region's spot at {h} rows"
                            );
                            cells.push((c, r));
                        }
                    }
                }
            }
        }
    }
}
