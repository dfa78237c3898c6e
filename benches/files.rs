//! How long loading and validating the adversarial graph files takes: small files that
//! once took far more work than their size (a 4,000-region chain took 92 s, 20,000
//! unknown parents 171 s). See `tests/support/adversarial.rs` for the files and
//! `tests/files.rs` (`timings`, ignored) for a quick look without criterion, which also
//! shows how the time grows with twice the size.
//!
//! `cargo bench --bench files`; quote the medians.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use symptom_explorer::graph::{self, SourceText};

#[path = "../tests/support/adversarial.rs"]
mod adversarial;

fn adversarial_files(c: &mut Criterion) {
    let files = [
        ("region chain of 4,000", adversarial::region_chain(4_000)),
        (
            "20,000 unknown references",
            adversarial::unknown_references(20_000),
        ),
        (
            "20,000 unknown parents",
            adversarial::unknown_parents(20_000),
        ),
        ("1 MB unknown id", adversarial::long_unknown_id(1 << 20)),
        (
            "a cause listing 10,000 regions",
            adversarial::cause_over_every_region(10_000),
        ),
    ];
    let mut group = c.benchmark_group("load + validate");
    group.sample_size(10);
    for (name, text) in files {
        group.bench_function(name, |b| {
            b.iter_batched(
                || vec![SourceText::new("adversarial.ron", text.clone())],
                |sources| graph::check(black_box(sources)),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial_files);
criterion_main!(benches);
