//! Moving about the body map: spatially on a figure, by letter, between views.

use crate::app::Dir;
use crate::graph::{Graph, Spot, View};

/// The spot of a region on a view, if it shows there.
pub fn spot_on(graph: &Graph, region: usize, view: View) -> Option<Spot> {
    graph
        .regions
        .get(region)?
        .figure
        .iter()
        .find(|s| s.view == view)
        .copied()
}

/// The view a region is seen on: the current one if it shows there, else its first spot's.
pub fn view_for(graph: &Graph, region: usize, current: View) -> View {
    if spot_on(graph, region, current).is_some() {
        return current;
    }
    graph
        .regions
        .get(region)
        .and_then(|r| r.figure.first())
        .map_or(current, |s| s.view)
}

/// The nearest region in a direction on a view; ties go to graph order.
///
/// Distance along the direction counts once, distance across it twice, so "up" prefers
/// the region straight above to one diagonally nearer.
pub fn step(graph: &Graph, from: usize, view: View, dir: Dir) -> Option<usize> {
    let here = spot_on(graph, from, view)?;
    let (hx, hy) = (i32::from(here.x), i32::from(here.y));
    let mut best: Option<(i32, usize)> = None;
    for index in 0..graph.regions.len() {
        if index == from {
            continue;
        }
        let Some(s) = spot_on(graph, index, view) else {
            continue;
        };
        let (dx, dy) = (i32::from(s.x) - hx, i32::from(s.y) - hy);
        let (along, across) = match dir {
            Dir::Up => (-dy, dx),
            Dir::Down => (dy, dx),
            Dir::Left => (-dx, dy),
            Dir::Right => (dx, dy),
        };
        if along <= 0 {
            continue;
        }
        let cost = along + 2 * across.abs();
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, index));
        }
    }
    best.map(|(_, i)| i)
}

/// The region nearest a point on a view (used when the view flips).
pub fn nearest(graph: &Graph, x: u8, y: u8, view: View) -> Option<usize> {
    (0..graph.regions.len())
        .filter_map(|i| spot_on(graph, i, view).map(|s| (i, s)))
        .min_by_key(|(i, s)| {
            let dx = i32::from(s.x) - i32::from(x);
            let dy = i32::from(s.y) - i32::from(y);
            (dx * dx + dy * dy, *i)
        })
        .map(|(i, _)| i)
}

/// The next region after `from` (wrapping) whose name starts with a letter.
pub fn jump(graph: &Graph, from: usize, letter: char) -> Option<usize> {
    let n = graph.regions.len();
    let wanted = letter.to_ascii_lowercase();
    (1..=n).map(|k| (from + k) % n).find(|&i| {
        graph.regions[i]
            .name
            .chars()
            .next()
            .is_some_and(|c| c.to_ascii_lowercase() == wanted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::fixture;

    fn id(g: &Graph, i: usize) -> &str {
        &g.regions[i].id
    }

    #[test]
    fn up_from_lower_back_reaches_mid_back() {
        let g = fixture();
        let lower = g.region_index("lower-back").expect("fixture region");
        let up = step(&g, lower, View::Back, Dir::Up).expect("a region above");
        assert_eq!(id(&g, up), "back");
        let up2 = step(&g, up, View::Back, Dir::Up).expect("a region above");
        assert_eq!(id(&g, up2), "mid-back");
        let left = step(&g, lower, View::Back, Dir::Left).expect("a region left");
        assert_eq!(id(&g, left), "flank");
        assert_eq!(step(&g, left, View::Back, Dir::Left), None);
    }

    #[test]
    fn letters_cycle_through_names() {
        let g = fixture();
        let back = g.region_index("back").expect("fixture region");
        let b1 = jump(&g, back, 'b').expect("buttock");
        assert_eq!(id(&g, b1), "buttock");
        assert_eq!(jump(&g, b1, 'B'), Some(back));
        assert_eq!(jump(&g, back, 'z'), None);
    }

    #[test]
    fn flipping_finds_the_nearest_region() {
        let g = fixture();
        let near = nearest(&g, 50, 48, View::Front).expect("front regions");
        assert_eq!(id(&g, near), "abdomen");
        assert_eq!(view_for(&g, near, View::Back), View::Front);
    }
}
