//! The interface drawn on ratatui's `TestBackend`: insta snapshots of every view at 80x24
//! and 120x40, and assertions on cell styles where style carries meaning.
//!
//! The graph is `tests/fixtures/ui-graph.ron`, not the bundled content, so that content
//! edits do not churn these snapshots.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use symptom_explorer::app::{Action, App, Options, keymap, update};
use symptom_explorer::graph::{SourceText, parse};
use symptom_explorer::ui;
use symptom_explorer::ui::theme::palette;

fn app_with(options: Options) -> App {
    let text = include_str!("fixtures/ui-graph.ron");
    let graph = parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses");
    App::new(graph, options)
}

/// Press keys through the keymap. Words are typed letter by letter; a few names are keys.
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let events: Vec<KeyEvent> = match *k {
            "Enter" => vec![KeyEvent::from(KeyCode::Enter)],
            "Esc" => vec![KeyEvent::from(KeyCode::Esc)],
            "Tab" => vec![KeyEvent::from(KeyCode::Tab)],
            "BackTab" => vec![KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)],
            "Up" => vec![KeyEvent::from(KeyCode::Up)],
            "Down" => vec![KeyEvent::from(KeyCode::Down)],
            "PgDn" => vec![KeyEvent::from(KeyCode::PageDown)],
            "Space" => vec![KeyEvent::from(KeyCode::Char(' '))],
            word => word
                .chars()
                .map(|c| KeyEvent::from(KeyCode::Char(c)))
                .collect(),
        };
        for e in events {
            if let Some(a) = keymap::action_for(app, &e) {
                update(app, a);
            }
        }
    }
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| ui::draw(f, app))
        .expect("drawing never fails");
    terminal
}

/// The views the issue lists, as key sequences from the first screen.
const VIEWS: &[(&str, &[&str])] = &[
    ("first_screen", &[]),
    ("body_region_chosen", &["Space", "b", "Enter", "BackTab"]),
    ("question", &["Enter", "y"]),
    ("choice_question", &["Enter", "y", "n"]),
    ("change_answer", &["Enter", "y", "n", "Up"]),
    ("search", &["Enter", "y", "y", "/", "sciat"]),
    ("search_symptom", &["/", "pins and needles"]),
    ("body_front", &["v", "Down", "Space", "Down"]),
    ("detail", &["Enter", "y", "y", "/", "sciat", "Enter"]),
    ("help", &["Tab", "Tab", "?"]),
    ("red_flag", &["Enter", "n", "n", "1", "y"]),
    ("red_flag_causes", &["Enter", "n", "n", "1", "y", "s"]),
];

fn snapshot_all(w: u16, h: u16) {
    for (name, keys) in VIEWS {
        let mut app = app_with(Options::default());
        press(&mut app, keys);
        let terminal = draw(&mut app, w, h);
        assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn views_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn views_at_120x40() {
    snapshot_all(120, 40);
}

#[test]
fn wide_views_at_200x60() {
    for (name, keys) in VIEWS.iter().filter(|(n, _)| {
        matches!(
            *n,
            "first_screen" | "question" | "search" | "detail" | "red_flag_causes"
        )
    }) {
        let mut app = app_with(Options::default());
        press(&mut app, keys);
        let terminal = draw(&mut app, 200, 60);
        assert_snapshot!(format!("{name}_200x60"), terminal.backend());
    }
}

/// Dark grey (colour 8) disappears on common palettes: only borders may use it.
#[test]
fn no_text_is_drawn_in_dark_grey() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        for (name, keys) in VIEWS {
            let mut app = app_with(Options::default());
            press(&mut app, keys);
            let terminal = draw(&mut app, w, h);
            let buf = terminal.backend().buffer();
            for cell in buf.content() {
                if cell.fg == Color::DarkGray {
                    let c = cell.symbol().chars().next().unwrap_or(' ');
                    let border = ('\u{2500}'..='\u{257f}').contains(&c) || " +-|=".contains(c);
                    assert!(
                        border,
                        "{name} at {w}x{h}: {:?} in dark grey",
                        cell.symbol()
                    );
                }
            }
        }
    }
}

#[test]
fn too_small() {
    for (w, h) in [(39, 11), (80, 11), (20, 5)] {
        let mut app = app_with(Options::default());
        let terminal = draw(&mut app, w, h);
        assert_snapshot!(format!("too_small_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn ascii_and_no_color() {
    let options = Options {
        ascii: true,
        color: false,
        ..Options::default()
    };
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_with(options.clone());
        let terminal = draw(&mut app, w, h);
        assert_snapshot!(format!("first_screen_ascii_{w}x{h}"), terminal.backend());
    }
    for (name, keys) in VIEWS {
        let mut app = app_with(options.clone());
        press(&mut app, keys);
        for (w, h) in [(80, 24), (120, 40), (40, 12)] {
            let terminal = draw(&mut app, w, h);
            let buf = terminal.backend().buffer();
            for cell in buf.content() {
                assert!(cell.symbol().is_ascii(), "{name}: {:?}", cell.symbol());
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{name}");
            }
        }
    }
}

/// The row of a buffer that contains a text, and the column where it starts.
fn find(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    (0..area.height).find_map(|y| {
        let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        row.find(text).map(|byte| {
            let col = row[..byte].chars().count() as u16;
            (col, y)
        })
    })
}

#[test]
fn the_banner_is_words_bold_and_reversed_with_or_without_colour() {
    for color in [true, false] {
        let mut app = app_with(Options {
            color,
            ..Options::default()
        });
        press(&mut app, &["Enter", "n", "n", "1", "y"]);
        for (name, extra) in [
            ("questions", &[][..]),
            ("detail", &["/", "cauda", "Enter"][..]),
        ] {
            press(&mut app, extra);
            let terminal = draw(&mut app, 80, 24);
            let buf = terminal.backend().buffer();
            let (_, y) = find(
                buf,
                "RED FLAG - EMERGENCY: Call your local emergency number now",
            )
            .unwrap_or_else(|| panic!("banner on the {name} view"));
            assert_eq!(y, 1, "right under the header");
            for x in 0..80 {
                let cell = &buf[(x, y)];
                assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD));
                if color {
                    assert_eq!(cell.fg, palette::EMERGENCY);
                }
            }
            assert!(find(buf, "Emergency").is_some(), "overall triage in words");
        }
    }
}

#[test]
fn search_matches_are_highlighted() {
    let mut app = app_with(Options::default());
    press(&mut app, &["/", "sciat", "Down"]);
    let terminal = draw(&mut app, 80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "Sciatica").expect("a row for sciatica");
    for i in 0..8 {
        let cell = &buf[(x + i, y)];
        let hl = cell
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED);
        assert_eq!(hl, i < 5, "only S-c-i-a-t are highlighted, at {i}");
        if i < 5 {
            assert_eq!(cell.fg, palette::MATCH);
        }
    }
}

#[test]
fn the_selection_is_reversed_and_pointed_at_with_or_without_colour() {
    for color in [true, false] {
        let mut app = app_with(Options {
            color,
            ..Options::default()
        });
        press(&mut app, &["Tab", "s", "Down"]);
        let terminal = draw(&mut app, 80, 24);
        let buf = terminal.backend().buffer();
        let (x, y) = find(buf, "▶ Sciatica").expect("the second row selected");
        for i in 0..70 {
            assert!(buf[(x + i, y)].modifier.contains(Modifier::REVERSED));
        }
        let (_, other) = find(buf, "Muscle strain").expect("the first row");
        assert!(!buf[(x + 2, other)].modifier.contains(Modifier::REVERSED));
        // The body map's selected region: reversed in the list and on the figure.
        let mut app = app_with(Options {
            color,
            ..Options::default()
        });
        let terminal = draw(&mut app, 80, 24);
        let buf = terminal.backend().buffer();
        let (x, y) = find(buf, "▶     Lower back").expect("cursor in the list");
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
        let (fx, fy) = find(buf, "◉").expect("cursor on the figure");
        assert!(buf[(fx, fy)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn never_panics_at_any_size() {
    let widths = [
        1, 2, 3, 7, 20, 39, 40, 41, 47, 60, 79, 80, 100, 109, 110, 119, 120, 250, 400,
    ];
    let heights = [1, 2, 3, 5, 11, 12, 13, 16, 20, 23, 24, 29, 30, 40, 100, 200];
    for (_, keys) in VIEWS {
        for ascii in [false, true] {
            let mut app = app_with(Options {
                ascii,
                ..Options::default()
            });
            press(&mut app, keys);
            for &w in &widths {
                for &h in &heights {
                    draw(&mut app, w, h);
                }
            }
        }
    }
}

#[test]
fn the_figure_names_the_region_and_marks_chosen_ones_by_shape() {
    for (ascii, marked, cursor) in [(false, "●", "◉"), (true, "#", "@")] {
        let mut app = app_with(Options {
            ascii,
            color: false,
            ..Options::default()
        });
        // Mark the lower back, then move to the buttock.
        press(&mut app, &["Space", "b"]);
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = draw(&mut app, w, h);
            let buf = terminal.backend().buffer();
            // Look only at the figure's columns (the legend beside it has the glyphs too).
            let on_figure = |text: &str, bottom_up: bool| {
                let mut rows: Vec<u16> = (0..h).collect();
                if bottom_up {
                    rows.reverse();
                }
                rows.into_iter().find_map(|y| {
                    let row: String = (0..25).map(|x| buf[(x, y)].symbol()).collect();
                    row.find(text).map(|b| (row[..b].chars().count() as u16, y))
                })
            };
            let (mx, my) = on_figure(marked, false).expect("the marked region on the figure");
            let (cx, cy) = on_figure(cursor, false).expect("the cursor on the figure");
            assert!(cy > my, "the buttock is below the lower back");
            assert!(buf[(cx, cy)].modifier.contains(Modifier::REVERSED));
            assert!(!buf[(mx, my)].modifier.contains(Modifier::REVERSED));
            let (nx, ny) = on_figure("Buttock", true).expect("the name under the figure");
            assert!(ny > cy && nx < 25, "{w}x{h}: under the figure");
            assert!(buf[(nx, ny)].modifier.contains(Modifier::REVERSED));
        }
    }
}

#[test]
fn a_cause_found_through_a_symptom_says_which() {
    let mut app = app_with(Options::default());
    press(&mut app, &["/", "tingling"]);
    let terminal = draw(&mut app, 80, 24);
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "via: Tingling").expect("the symptom named");
    let (_, sciatica) = find(buf, "Sciatica").expect("a cause linked to tingling");
    assert_eq!(y, sciatica, "on the cause's row");
    for i in 5..13 {
        let cell = &buf[(x + i, y)];
        assert!(
            cell.modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
        assert_eq!(cell.fg, palette::MATCH);
    }
}

/// A checklist question: the fixture's first question made one.
#[test]
fn checklist_question() {
    let text = include_str!("fixtures/ui-graph.ron").replace(
        r#"answers: YesNo(yes: (add: ["lifting-twisting"]), no: (rule_out: ["lifting-twisting"])), next: "q-leg"),"#,
        r#"answers: Checklist([
            (label: "It started after lifting, twisting or bending", finding: "lifting-twisting"),
            (label: "New trouble controlling your bladder, or leaking urine without meaning to, since the pain began", finding: "bladder-change"),
            (label: "A fever", finding: "fever"),
        ]), next: "q-leg"),"#,
    );
    for (name, keys) in [
        ("checklist", &["Enter", "Down", "Space", "3"][..]),
        ("checklist_answered", &["Enter", "1", "3", "Enter"][..]),
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            let graph = parse(vec![SourceText::new("ui-graph.ron", text.clone())]).expect("parses");
            let mut app = App::new(graph, Options::default());
            press(&mut app, keys);
            let terminal = draw(&mut app, w, h);
            assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        }
    }
}
