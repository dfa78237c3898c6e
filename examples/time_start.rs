//! Times the steps of the interface's start on some graph files, for BENCHMARKS.md:
//! parsing (as a stamped lookup does), filling the local words, building the session
//! (search index, first ranking) and the body pane, and the first frame drawn into a
//! `TestBackend` at 80x24.
//!
//! `cargo run --release --example time_start -- FILE...`

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use symptom_explorer::app::{App, Options};
use symptom_explorer::graph::{self, SourceText};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: time_start FILE...");
        std::process::exit(2);
    }
    let sources: Vec<SourceText> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| {
                eprintln!("{p}: {e}");
                std::process::exit(1)
            });
            SourceText::from_bytes(p, bytes).unwrap_or_else(|d| {
                eprintln!("{d}");
                std::process::exit(1)
            })
        })
        .collect();
    let start = Instant::now();
    let graph = graph::load::parse_checked(sources).unwrap_or_else(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        std::process::exit(1)
    });
    let parsed = start.elapsed();
    let start = Instant::now();
    let app = App::new(graph, Options::default());
    let built = start.elapsed();
    let start = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    terminal
        .draw(|frame| symptom_explorer::ui::draw(frame, &app))
        .expect("drawn");
    let drawn = start.elapsed();
    println!(
        "causes {}: parse {:.1} ms, App::new {:.1} ms, first frame {:.1} ms",
        app.session.graph().causes.len(),
        parsed.as_secs_f64() * 1000.0,
        built.as_secs_f64() * 1000.0,
        drawn.as_secs_f64() * 1000.0
    );
}
