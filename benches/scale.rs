//! How the work grows with the graph: loading, ranking and searching synthetic graphs of
//! 1,000, 10,000 and 100,000 causes, written by `examples/gen_graph.rs` (in memory here,
//! the same bytes it writes to files). Figures and how they grow are in BENCHMARKS.md.
//!
//! `search_index`: the search index built, read back from the cache, and searched.
//!
//! `cargo bench --bench scale`; quote the medians. `cargo bench --bench scale -- 10000`
//! runs one size only, `-- "fill local words"` one function.

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use symptom_explorer::engine::search::{Index, cache, matches};
use symptom_explorer::engine::{Query, Scope, Searcher, rank};
use symptom_explorer::graph::fill::{LocalServices, default_words};
use symptom_explorer::graph::{self, Graph, SourceText};

#[path = "../examples/gen_graph.rs"]
#[allow(dead_code)]
mod gen_graph;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn sources(count: usize) -> Vec<SourceText> {
    gen_graph::graph_files(count)
        .expect("the generator writes a graph")
        .into_iter()
        .map(|(name, text)| SourceText::new(name, text))
        .collect()
}

fn graph(count: usize) -> Graph {
    let (graph, diagnostics) = graph::check(sources(count));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    graph.expect("the synthetic graph parses")
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for count in SIZES {
        let files = sources(count);
        group.bench_with_input(BenchmarkId::new("parse", count), &files, |b, files| {
            b.iter_batched(
                || files.clone(),
                |files| graph::parse(black_box(files)),
                BatchSize::LargeInput,
            );
        });
        // Content stamped before: its parsed graph read back from the cache instead.
        let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
        let version = graph::load::content_version(&files);
        let parsed = graph::parse(files.clone()).expect("parses");
        let bytes = graph::cache::encode(&parsed).expect("encodes");
        drop(parsed);
        group.bench_with_input(
            BenchmarkId::new("read the parsed cache", count),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    graph::cache::decode(names.clone(), version.clone(), black_box(bytes))
                        .expect("decodes")
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("parse + validate", count),
            &files,
            |b, files| {
                b.iter_batched(
                    || files.clone(),
                    |files| graph::check(black_box(files)),
                    BatchSize::LargeInput,
                );
            },
        );
    }
    group.finish();
}

fn query(present: usize) -> Query {
    let asked = (0..present / 2).map(|n| format!("asked-{n}"));
    let pool = (0..present - present / 2).map(|n| format!("f-{n}"));
    Query {
        regions: vec!["part-3".into()],
        present: asked.chain(pool).collect(),
        absent: (0..8).map(|n| format!("rf-{n}")).collect(),
        age: Some(40),
        sex: None,
    }
}

fn per_lookup(c: &mut Criterion) {
    for count in SIZES {
        let graph = graph(count);
        let mut group = c.benchmark_group(format!("{count} causes"));
        if count >= 100_000 {
            group.sample_size(10);
        }
        for present in [5, 20] {
            let query = query(present);
            group.bench_function(format!("rank, {present} findings present"), |b| {
                b.iter(|| rank(&graph, black_box(&query)));
            });
        }
        // At the interface's start, every text gets the local words once.
        let services = LocalServices::default();
        group.bench_function("fill local words", |b| {
            b.iter_batched(
                || graph.clone(),
                |mut graph| {
                    graph.fill_local_words(default_words(black_box(&services)));
                    graph
                },
                BatchSize::LargeInput,
            );
        });
        group.bench_function("search index (Searcher::new)", |b| {
            b.iter(|| Searcher::new(black_box(&graph)));
        });
        let searcher = Searcher::new(&graph);
        // The first letter, then later letters of the same word, as typed.
        for typed in ["s", "str", "strate"] {
            group.bench_function(format!("search {typed:?}"), |b| {
                b.iter(|| searcher.search(&graph, black_box(typed), Scope::Both, &[]));
            });
            group.bench_function(format!("matches {typed:?} (with symptom rows)"), |b| {
                b.iter(|| matches(&graph, &searcher, black_box(typed), &[]));
            });
        }
        group.finish();
    }
}

/// The search index: built from the graph, and read back from the cache as `search`
/// reads it (from a file, and from bytes already in memory), then searched.
fn search_index(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for count in SIZES {
        let graph = graph(count);
        let mut group = c.benchmark_group(format!("search index, {count} causes"));
        group.sample_size(10);
        group.bench_function("Index::build", |b| {
            b.iter(|| Index::build(black_box(&graph)));
        });
        let index = Index::build(&graph);
        let bytes = cache::encode(&index);
        let file = dir.path().join(count.to_string());
        std::fs::write(&file, &bytes).expect("written");
        group.bench_function("read the kept index (file)", |b| {
            b.iter(|| {
                let from = std::fs::File::open(&file).expect("opens");
                let size = from.metadata().expect("metadata").len();
                cache::read(from, size).expect("reads back")
            });
        });
        group.bench_function("read the kept index (bytes)", |b| {
            b.iter(|| cache::decode(black_box(&bytes)).expect("decodes"));
        });
        for typed in ["sci", "back pain", "kidney"] {
            group.bench_function(format!("search {typed:?}, all hits"), |b| {
                b.iter(|| index.search(black_box(typed), Scope::Both, &[], 0));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, load, per_lookup, search_index);
criterion_main!(benches);
