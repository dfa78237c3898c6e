//! The three themes drawn on ratatui's `TestBackend`: monochrome has no colour at all,
//! high-contrast no dimmed text and no grey, and both keep the selection visible by
//! reverse video.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use symptom_explorer::app::{Action, App, Options, update};
use symptom_explorer::graph::{SourceText, parse};
use symptom_explorer::ui;
use symptom_explorer::ui::theme::ThemeName;

/// The first screen and the causes list, drawn with a theme.
fn screens(theme: ThemeName) -> Vec<Buffer> {
    let text = include_str!("fixtures/ui-graph.ron");
    let graph = parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses");
    let mut app = App::new(
        graph,
        Options {
            theme,
            ..Options::default()
        },
    );
    let mut buffers = Vec::new();
    for action in [None, Some(Action::ChooseRegions), Some(Action::NextPane)] {
        if let Some(action) = action {
            update(&mut app, action);
        }
        update(&mut app, Action::Resize(120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        terminal
            .draw(|f| ui::draw(f, &app))
            .expect("drawing never fails");
        buffers.push(terminal.backend().buffer().clone());
    }
    buffers
}

fn cells(buffers: &[Buffer]) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    buffers.iter().flat_map(|b| b.content.iter())
}

#[test]
fn the_default_theme_dims_secondary_text_and_greys_borders() {
    let drawn = screens(ThemeName::Default);
    assert!(cells(&drawn).any(|c| c.modifier.contains(Modifier::DIM)));
    assert!(cells(&drawn).any(|c| c.fg == Color::DarkGray));
}

#[test]
fn high_contrast_has_no_dimmed_text_and_no_grey() {
    let drawn = screens(ThemeName::HighContrast);
    assert!(cells(&drawn).all(|c| !c.modifier.contains(Modifier::DIM)));
    assert!(cells(&drawn).all(|c| !matches!(c.fg, Color::DarkGray | Color::Gray)));
    assert!(
        cells(&drawn).all(|c| c.bg == Color::Reset),
        "the terminal's own background"
    );
    assert!(
        cells(&drawn).any(|c| c.fg != Color::Reset),
        "still in colour"
    );
    assert!(cells(&drawn).any(|c| c.modifier.contains(Modifier::REVERSED)));
}

#[test]
fn monochrome_has_no_colour_and_keeps_emphasis() {
    let drawn = screens(ThemeName::Monochrome);
    assert!(cells(&drawn).all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
    assert!(cells(&drawn).any(|c| c.modifier.contains(Modifier::REVERSED)));
    assert!(cells(&drawn).any(|c| c.modifier.contains(Modifier::BOLD)));
}
