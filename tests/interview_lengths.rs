//! How long the interview can be: for every region of the bundled graph, no path asks more
//! than `MAX_QUESTIONS` questions (the emergency screen included), and the first question
//! already shows that bound ("of at most M").
//!
//! The bound is `Walk::left_at_most` at the first question, the longest path through the
//! question graph over every answer (each question whose condition could still hold is
//! counted), so it holds whatever is answered, with or without the sharpener passing
//! questions over. The walks below check that real interviews keep within it.

use symptom_explorer::engine::lengths::{MAX_QUESTIONS, measure};
use symptom_explorer::engine::sharpen::Sharpener;
use symptom_explorer::graph::Graph;

#[test]
fn no_path_from_any_region_asks_more_than_the_maximum() {
    let graph = Graph::bundled().expect("the bundled graph loads");
    let sharpener = Sharpener::new(&graph);
    let mut regions = 0;
    for region in &graph.regions {
        if graph.entry_question(&region.id).is_none() {
            continue;
        }
        regions += 1;
        let l = measure(&graph, &sharpener, &region.id, 6, 0x5eed);
        println!(
            "{}: at most {}, longest walked {}, all no {}",
            l.region, l.bound, l.longest, l.all_no
        );
        assert!(
            l.bound <= MAX_QUESTIONS,
            "{}: up to {} questions",
            l.region,
            l.bound
        );
        assert!(l.longest <= l.bound, "{}: the bound is not one", l.region);
        assert!(l.all_no <= l.bound, "{}: the bound is not one", l.region);
        assert!(
            l.shown <= l.bound,
            "{}: a later question says at most {}, the first {}",
            l.region,
            l.shown,
            l.bound
        );
    }
    assert!(regions > 10, "{regions} regions");
}
