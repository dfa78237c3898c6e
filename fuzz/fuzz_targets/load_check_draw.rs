//! Load and check graph files of any bytes (split at `//@@` lines); when it passes, draw the interface on it at
//! a few sizes and press a few keys. Nothing may panic, however broken the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use symptom_explorer::app::{Action, App, Dir, Options, update};
use symptom_explorer::graph::{SourceText, check};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Several files, split at a marker line, so the bundled graph (in 8 files) is a seed.
    let files: Vec<SourceText> = text
        .split("\n//@@\n")
        .enumerate()
        .map(|(i, part)| SourceText::new(format!("fuzz-{i}.ron"), part))
        .collect();
    let (graph, diagnostics) = check(files);
    let Some(graph) = graph else {
        return;
    };
    if diagnostics.iter().any(|d| d.is_error()) {
        return;
    }
    let mut app = App::new(graph, Options::default());
    let actions = [
        Action::ChooseRegions,
        Action::Move(Dir::Down),
        Action::NextPane,
        Action::End,
        Action::OpenDetail,
        Action::PageDown,
        Action::ToggleHelp,
    ];
    for (w, h) in [(80, 24), (40, 12), (200, 60)] {
        update(&mut app, Action::Resize(w, h));
        let Ok(mut terminal) = Terminal::new(TestBackend::new(w, h)) else {
            return;
        };
        for action in &actions {
            update(&mut app, action.clone());
            let _ = terminal.draw(|frame| symptom_explorer::ui::draw(frame, &app));
        }
    }
});
