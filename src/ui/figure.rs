//! The body figure art (embedded from `assets/`) and where a region's spot lands on it.

use crate::graph::View;

const FRONT: &str = include_str!("../../assets/figure-front.txt");
const BACK: &str = include_str!("../../assets/figure-back.txt");
const FRONT_ASCII: &str = include_str!("../../assets/figure-front-ascii.txt");
const BACK_ASCII: &str = include_str!("../../assets/figure-back-ascii.txt");

/// The art's size in cells.
pub const WIDTH: u16 = 21;
pub const HEIGHT: u16 = 16;

/// The art for a view, as rows of characters padded to [`WIDTH`].
pub fn art(view: View, ascii: bool) -> Vec<Vec<char>> {
    let text = match (view, ascii) {
        (View::Front, false) => FRONT,
        (View::Back, false) => BACK,
        (View::Front, true) => FRONT_ASCII,
        (View::Back, true) => BACK_ASCII,
    };
    text.lines()
        .take(usize::from(HEIGHT))
        .map(|l| {
            let mut row: Vec<char> = l.chars().take(usize::from(WIDTH)).collect();
            row.resize(usize::from(WIDTH), ' ');
            row
        })
        .collect()
}

/// The art squeezed to `rows` rows (never stretched), dropping rows evenly.
pub fn scaled(view: View, ascii: bool, rows: u16) -> Vec<Vec<char>> {
    let art = art(view, ascii);
    let n = art.len();
    let rows = usize::from(rows).min(n);
    if rows == 0 {
        return Vec::new();
    }
    (0..rows)
        .map(|r| {
            art[if rows == 1 {
                0
            } else {
                r * (n - 1) / (rows - 1)
            }]
            .clone()
        })
        .collect()
}

/// Where a spot (per cent across and down) falls on a figure of `rows` rows.
pub fn cell(x: u8, y: u8, rows: u16) -> (u16, u16) {
    let scale = |pc: u8, len: u16| {
        let pc = u32::from(pc.min(100));
        let max = u32::from(len.saturating_sub(1));
        ((pc * max + 50) / 100) as u16
    };
    (scale(x, WIDTH), scale(y, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn art_is_rectangular_and_ascii_art_is_ascii() {
        for view in [View::Front, View::Back] {
            for ascii in [false, true] {
                let a = art(view, ascii);
                assert_eq!(a.len(), usize::from(HEIGHT));
                assert!(a.iter().all(|r| r.len() == usize::from(WIDTH)));
                if ascii {
                    assert!(a.iter().flatten().all(char::is_ascii));
                }
            }
        }
    }

    #[test]
    fn spots_and_scaling() {
        assert_eq!(cell(50, 0, 16), (10, 0));
        assert_eq!(cell(100, 100, 16), (20, 15));
        let small = scaled(View::Back, true, 8);
        assert_eq!(small.len(), 8);
        assert_eq!(small[0], art(View::Back, true)[0]);
        assert_eq!(small[7], art(View::Back, true)[15]);
        assert!(scaled(View::Front, false, 0).is_empty());
        assert_eq!(scaled(View::Front, false, 40).len(), 16);
    }
}
