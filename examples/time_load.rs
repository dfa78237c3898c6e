//! Times reading, parsing and validating graph files, each step on its own, for
//! BENCHMARKS.md: whether a lookup could skip validation is the difference between the
//! last two. Unlike the command line it reads files of any total size (the command line
//! stops at 32 MiB in all), so that graphs of 100,000 causes can be timed too.
//!
//! `cargo run --release --example time_load -- [--parse-only] FILE...`; run it under
//! `/usr/bin/time -v` for the peak memory. With `--parse-only` nothing is validated and
//! each file's text is let go once parsed, as a lookup on stamped content does
//! (`graph::load::parse_checked`).

use std::time::Instant;

use symptom_explorer::graph::{self, SourceText};

fn main() {
    let mut parse_only = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--parse-only" {
            parse_only = true;
        } else {
            paths.push(arg);
        }
    }
    if paths.is_empty() {
        eprintln!("usage: time_load [--parse-only] FILE...");
        std::process::exit(2);
    }
    let start = Instant::now();
    let mut sources = Vec::new();
    let mut bytes = 0;
    for path in &paths {
        let read = std::fs::read(path).map_err(|e| e.to_string());
        match read.and_then(|b| SourceText::from_bytes(path, b).map_err(|d| d.to_string())) {
            Ok(source) => {
                bytes += source.text.len();
                sources.push(source);
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        }
    }
    let read = start.elapsed();
    let start = Instant::now();
    let parsed = if parse_only {
        graph::load::parse_checked(sources)
    } else {
        graph::parse(sources)
    };
    let graph = match parsed {
        Ok(graph) => graph,
        Err(errors) => {
            errors.iter().for_each(|e| eprintln!("{e}"));
            std::process::exit(1);
        }
    };
    let parsed = start.elapsed();
    let (validated, errors) = if parse_only {
        (None, 0)
    } else {
        let start = Instant::now();
        let diagnostics = graph::validate(&graph);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        (Some(start.elapsed()), errors)
    };
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    print!(
        "{} causes, {bytes} bytes: read {:.1} ms, parse {:.1} ms",
        graph.causes.len(),
        ms(read),
        ms(parsed)
    );
    match validated {
        Some(v) => println!(", validate {:.1} ms ({errors} errors)", ms(v)),
        None => println!(" (not validated)"),
    }
    if errors > 0 {
        std::process::exit(1);
    }
}
