//! Prints, for every region with an entry question, how many questions the interview asks:
//! the bound shown at the first question ("of at most M"), and the longest and median
//! path over random answer sequences walked with the sharpener on, and the path that
//! answers "no" (or "none of these") throughout.
//!
//! `cargo run --release --example interview_lengths [SAMPLES]` (default 300 per region).

use symptom_explorer::engine::lengths::measure;
use symptom_explorer::engine::sharpen::Sharpener;
use symptom_explorer::graph::Graph;

fn main() {
    let samples = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let graph = match Graph::bundled() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("the bundled graph does not load: {e:?}");
            std::process::exit(1);
        }
    };
    let sharpener = Sharpener::new(&graph);
    println!("| region | bound at question 1 | longest (sampled) | median | all no |");
    println!("|---|---|---|---|---|");
    for region in &graph.regions {
        if graph.entry_question(&region.id).is_none() {
            continue;
        }
        let l = measure(&graph, &sharpener, &region.id, samples, 0x5eed);
        println!(
            "| {} | {} | {} | {} | {} |",
            l.region, l.bound, l.longest, l.median, l.all_no
        );
    }
    println!("({samples} random answer sequences per region, plus the all-no path)");
}
