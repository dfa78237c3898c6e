//! How long the work behind "start in a blink, type three letters" takes.
//!
//! `cargo bench --bench engine`; quote the medians. Figures on the project machine are
//! in the README.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use symptom_explorer::engine::{Answer, Interview, Query, Scope, Searcher, rank};
use symptom_explorer::graph::{self, Graph, load};

fn startup(c: &mut Criterion) {
    c.bench_function("parse bundled graph", |b| {
        b.iter(|| graph::parse(black_box(load::bundled())));
    });
    c.bench_function("parse + validate bundled graph", |b| {
        b.iter(|| graph::check(black_box(load::bundled())));
    });
}

fn per_keystroke(c: &mut Criterion) {
    let graph = Graph::bundled().expect("bundled graph loads");
    let query = Query {
        regions: vec!["lower-back".into(), "lower-leg".into()],
        present: [
            "radiates-below-knee",
            "worse-sitting",
            "tingling",
            "worse-cough-sneeze",
        ]
        .map(String::from)
        .to_vec(),
        absent: ["fever", "saddle-numbness"].map(String::from).to_vec(),
        age: Some(40),
        sex: None,
    };
    c.bench_function("rank all causes", |b| {
        b.iter(|| rank(&graph, black_box(&query)));
    });
    let searcher = Searcher::new(&graph);
    for q in ["sci", "pins and needles", "xyzzy"] {
        c.bench_function(&format!("search {q:?}"), |b| {
            b.iter(|| searcher.search(&graph, black_box(q), Scope::Both, &[]));
        });
    }
    let mut interview = Interview::new(vec!["lower-back".into()]);
    for _ in 0..20 {
        let Some(current) = interview.walk(&graph).current else {
            break;
        };
        interview.answer(&current, Answer::No);
    }
    c.bench_function("walk interview after 20 answers", |b| {
        b.iter(|| black_box(&interview).walk(&graph));
    });
}

criterion_group!(benches, startup, per_keystroke);
criterion_main!(benches);
