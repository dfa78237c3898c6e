//! One frame of each view drawn into ratatui's `TestBackend`, on the bundled graph and on
//! synthetic graphs of 1,000, 10,000 and 100,000 causes (`examples/gen_graph.rs`), at 80x24
//! and 120x40: what a key costs in drawing once the state is updated. Figures in
//! BENCHMARKS.md.
//!
//! `cargo bench --bench frames`; `cargo bench --bench frames -- bundled` for one graph.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use symptom_explorer::app::{Action, App, Options, actions_for, update};
use symptom_explorer::graph::{self, Graph, SourceText};
use symptom_explorer::ui;

#[path = "../examples/gen_graph.rs"]
#[allow(dead_code)]
mod gen_graph;

/// The views, as the keys that reach them from the first screen.
const VIEWS: &[(&str, &str)] = &[
    ("body", ""),
    ("question", "\r"),
    ("causes", "\rs"),
    ("search", "/str"),
    ("detail", "\rs\r"),
    ("help", "?"),
];

fn synthetic(count: usize) -> Graph {
    let files = gen_graph::graph_files(count)
        .expect("the generator writes a graph")
        .into_iter()
        .map(|(name, text)| SourceText::new(name, text))
        .collect();
    graph::parse(files).expect("the synthetic graph parses")
}

fn app_at(graph: &Graph, keys: &str, w: u16, h: u16) -> App {
    let mut app = App::new(graph.clone(), Options::default());
    update(&mut app, Action::Resize(w, h));
    for c in keys.chars() {
        let code = if c == '\r' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        for action in actions_for(&app, &Event::Key(KeyEvent::from(code))) {
            update(&mut app, action);
        }
    }
    app
}

fn frames(c: &mut Criterion) {
    let graphs = [
        ("bundled", Graph::bundled().expect("the bundled graph")),
        ("1000 causes", synthetic(1_000)),
        ("10000 causes", synthetic(10_000)),
        ("100000 causes", synthetic(100_000)),
    ];
    for (name, graph) in &graphs {
        let mut group = c.benchmark_group(format!("frame, {name}"));
        if graph.causes.len() >= 100_000 {
            group.sample_size(10);
        }
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            for (view, keys) in VIEWS {
                let app = app_at(graph, keys, w, h);
                let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
                group.bench_with_input(
                    BenchmarkId::new(*view, format!("{w}x{h}")),
                    &app,
                    |b, app| {
                        b.iter(|| {
                            // A fresh buffer each time, as after a change every cell is drawn.
                            terminal.clear().expect("cleared");
                            terminal.draw(|f| ui::draw(f, app)).expect("drawn");
                        });
                    },
                );
            }
        }
        group.finish();
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
