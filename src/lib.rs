//! symptom-explorer: explore symptoms and their possible causes.
//!
//! `graph` is the RON model, loading and validation; `engine` ranks causes, runs the
//! question flow and searches, knowing nothing of the terminal; `cli` holds the
//! non-interactive commands.
#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod config;
pub mod engine;
pub mod graph;
pub mod panes;
pub mod summary;
pub mod tui;
pub mod ui;
