//! The summary pane drawn on ratatui's `TestBackend`: insta snapshots at 80x24 and
//! 120x40, in Unicode and ASCII, as text and as a QR code; the QR code read back from
//! the cells drawn; and the keys that open it from every pane.
//!
//! The graph is `tests/fixtures/ui-graph.ron` and the date is fixed, so the snapshots
//! change only when the summary does.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use symptom_explorer::app::kiosk::KioskSettings;
use symptom_explorer::app::{Action, App, Options, Pane, hints, keymap, update};
use symptom_explorer::graph::{SourceText, parse};
use symptom_explorer::summary::compact::{Form, text as compact_text};
use symptom_explorer::summary::{Stamp, Summary};
use symptom_explorer::ui;

/// 2026-12-03 14:05:09 UTC.
const DATE: i64 = 1_796_306_709;

/// As the program runs it (with a folder to save in, one that does not exist, so no test
/// here writes by mistake), unless a test says otherwise.
fn interface() -> Options {
    Options {
        save_dir: Some(std::path::PathBuf::from("/nonexistent/summary-tests")),
        ..Options::default()
    }
}

fn app_with(options: Options) -> App {
    let text = include_str!("fixtures/ui-graph.ron");
    let graph = parse(vec![SourceText::new("ui-graph.ron", text)]).expect("fixture parses");
    let mut app = App::new(graph, options);
    app.summary.fixed_date = Some(Stamp::from_unix(DATE));
    app
}

fn ascii() -> Options {
    Options {
        ascii: true,
        ..interface()
    }
}

/// Press keys through the keymap. Words are typed letter by letter; a few names are keys.
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let events: Vec<KeyEvent> = match *k {
            "Enter" => vec![KeyEvent::from(KeyCode::Enter)],
            "Esc" => vec![KeyEvent::from(KeyCode::Esc)],
            "Tab" => vec![KeyEvent::from(KeyCode::Tab)],
            "F2" => vec![KeyEvent::from(KeyCode::F(2))],
            "C-o" => vec![KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL)],
            "PgDn" => vec![KeyEvent::from(KeyCode::PageDown)],
            "End" => vec![KeyEvent::from(KeyCode::End)],
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

/// A red flag (new bladder trouble), then the summary.
const EMERGENCY: &[&str] = &["Enter", "n", "n", "1", "y", "F2"];
/// Nothing worrying, answered to the end, then the summary.
const CALM: &[&str] = &["Enter", "y", "n", "2", "n", "n", "F2"];

const VIEWS: &[(&str, &[&str])] = &[
    ("summary_first_screen", &["F2"]),
    ("summary_emergency", EMERGENCY),
    (
        "summary_emergency_end",
        &["Enter", "n", "n", "1", "y", "F2", "End"],
    ),
    ("summary_calm", CALM),
    ("summary_qr", &["Enter", "n", "n", "1", "y", "F2", "c"]),
];

fn snapshot_all(w: u16, h: u16) {
    for (options, mode) in [(interface(), "unicode"), (ascii(), "ascii")] {
        for (name, keys) in VIEWS {
            let mut app = app_with(options.clone());
            press(&mut app, keys);
            assert_eq!(app.pane, Pane::Summary);
            let terminal = draw(&mut app, w, h);
            assert_snapshot!(format!("{name}_{mode}_{w}x{h}"), terminal.backend());
        }
    }
}

#[test]
fn summary_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn summary_at_120x40() {
    snapshot_all(120, 40);
}

/// F2 and Ctrl-O open the summary from every pane: the body map (where letters jump),
/// the questions, the causes, the search line (where letters are typed) and a detail.
#[test]
fn the_summary_opens_from_every_pane() {
    let starts: &[(&str, &[&str])] = &[
        ("body map", &[]),
        ("questions", &["Enter"]),
        ("causes", &["Enter", "y", "s"]),
        ("search line", &["/", "sci"]),
        ("detail", &["/", "sciat", "Enter"]),
    ];
    for key in ["F2", "C-o"] {
        for (name, keys) in starts {
            let mut app = app_with(Options::default());
            press(&mut app, keys);
            let before = app.session.generation();
            assert_ne!(app.pane, Pane::Summary, "{name}");
            let from = app.pane;
            press(&mut app, &[key]);
            assert_eq!(app.pane, Pane::Summary, "{key} from the {name}");
            assert_eq!(app.session.generation(), before, "{key} changed nothing");
            // Esc: the QR code back to the text, the text back where it came from.
            press(&mut app, &["c"]);
            assert!(app.summary.qr);
            press(&mut app, &["Esc"]);
            assert!(!app.summary.qr);
            assert_eq!(app.pane, Pane::Summary);
            press(&mut app, &["Esc"]);
            assert_eq!(app.pane, from, "Esc goes back to the {name}");
        }
    }
}

/// The status bar and the help list the key; in kiosk mode the save key is neither
/// bound nor shown, in the bar or the help.
#[test]
fn the_keys_show_in_the_bar_and_the_help_and_save_is_absent_on_a_kiosk() {
    let dir = tempfile::tempdir().expect("a folder");
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_with(Options {
            save_dir: Some(dir.path().to_path_buf()),
            ..Options::default()
        });
        let screen = draw(&mut app, w, h).backend().to_string();
        let bar = screen.lines().last().expect("a status line").to_string();
        assert!(bar.contains("F2 summary"), "{bar}");
        press(&mut app, &["F2"]);
        let bar = draw(&mut app, w, h).backend().to_string();
        let bar = bar.lines().last().expect("a status line").to_string();
        assert!(bar.contains("s save"), "{bar}");
    }
    let help = hints::help_rows(false, false);
    let has = |rows: &[hints::HelpRow], text: &str| {
        rows.iter()
            .any(|r| matches!(r, hints::HelpRow::Key(_, t) if t.contains(text)))
    };
    assert!(has(&help, "the summary to take to the clinician"));
    assert!(has(&help, "save the summary"));

    let dir = tempfile::tempdir().expect("a folder");
    let mut kiosk = app_with(Options {
        kiosk: Some(KioskSettings::default()),
        save_dir: Some(dir.path().to_path_buf()),
        summary_sink: Some(symptom_explorer::summary::sink::SummarySink::default()),
        ..Options::default()
    });
    press(&mut kiosk, &["F2", "s"]);
    let screen = draw(&mut kiosk, 80, 24).backend().to_string();
    assert!(!screen.contains("save"), "{screen}");
    assert!(kiosk.message.is_none());
    update(&mut kiosk, Action::SaveSummary);
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("listed").count(),
        0,
        "nothing is written on a kiosk"
    );
    assert!(!kiosk.can_save());
    assert!(kiosk.options.summary_sink.is_none() && kiosk.options.save_dir.is_none());
    let help = hints::help_rows(false, true);
    assert!(has(&help, "the summary to take to the clinician"));
    assert!(!has(&help, "save the summary"));
    // The help overlay drawn: the save key is listed outside kiosk mode only (past the
    // kiosk's welcome screen, which covers everything until a key is pressed).
    if let Some(state) = kiosk.kiosk.as_mut() {
        state.welcome = false;
    }
    for (mut app, listed) in [(kiosk, false), (app_with(interface()), true)] {
        press(&mut app, &["?"]);
        let screen = draw(&mut app, 200, 200).backend().to_string();
        assert!(screen.contains("to take to the clinician"), "{screen}");
        assert_eq!(screen.contains("save the summary"), listed, "{screen}");
    }
}

/// The save key writes Markdown to a new file named by the date and time, never over
/// one that exists, and says where.
#[test]
fn the_save_key_writes_a_new_markdown_file_each_time() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut app = app_with(Options {
        save_dir: Some(dir.path().to_path_buf()),
        ..Options::default()
    });
    press(&mut app, EMERGENCY);
    press(&mut app, &["s"]);
    let first = dir.path().join("symptom-summary-2026-12-03-140509.md");
    let said = app.message.clone().expect("a message");
    assert!(said.contains(&first.display().to_string()), "{said}");
    let text = std::fs::read_to_string(&first).expect("written");
    assert!(text.starts_with("# Symptom summary"));
    assert!(text.contains("EMERGENCY"));
    press(&mut app, &["s"]);
    let second = dir.path().join("symptom-summary-2026-12-03-140509-2.md");
    assert!(second.exists(), "the first is kept, the second is new");
    assert_eq!(std::fs::read_to_string(&first).expect("kept"), text);
}

/// The drawn QR code as pixels: each cell's half blocks back into two modules (Unicode),
/// or each `##` pair into one (ASCII); 4 pixels a module.
fn pixels(buf: &Buffer, ascii: bool) -> (usize, usize, Vec<u8>) {
    const SCALE: usize = 4;
    let area = buf.area;
    let (mw, mh) = if ascii {
        (usize::from(area.width) / 2, usize::from(area.height))
    } else {
        (usize::from(area.width), usize::from(area.height) * 2)
    };
    let mut dark = vec![false; mw * mh];
    for y in 0..area.height {
        for x in 0..area.width {
            let symbol = buf[(x, y)].symbol();
            let (x, y) = (usize::from(x), usize::from(y));
            if ascii {
                if x / 2 < mw && symbol == "#" {
                    dark[y * mw + x / 2] = true;
                }
            } else {
                let (top, bottom) = match symbol {
                    "█" => (true, true),
                    "▀" => (true, false),
                    "▄" => (false, true),
                    _ => (false, false),
                };
                dark[2 * y * mw + x] = top;
                dark[(2 * y + 1) * mw + x] = bottom;
            }
        }
    }
    let (w, h) = (mw * SCALE, mh * SCALE);
    let mut img = vec![255u8; w * h];
    for y in 0..h {
        for x in 0..w {
            if dark[(y / SCALE) * mw + x / SCALE] {
                img[y * w + x] = 0;
            }
        }
    }
    (w, h, img)
}

fn decode(buf: &Buffer, ascii: bool) -> String {
    let (w, h, img) = pixels(buf, ascii);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| img[y * w + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one code on screen");
    let (_, content) = grids[0].decode().expect("the code decodes");
    content
}

/// Only the code's own cells: those drawn dark-on-light (black on white, or reversed).
fn code_cells(buf: &Buffer, color: bool) -> Buffer {
    let mut out = Buffer::empty(buf.area);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let ours = if color {
                cell.bg == Color::White || cell.bg == Color::Black
            } else {
                cell.modifier.contains(Modifier::REVERSED)
                    && !cell.symbol().chars().any(char::is_alphanumeric)
            };
            if ours {
                out[(x, y)] = cell.clone();
            }
        }
    }
    out
}

/// The words inside the box beside the code, on one line.
fn boxed_words(screen: &str) -> String {
    let mut words = Vec::new();
    for line in screen.lines() {
        let parts: Vec<&str> = line.split(['┃', '|']).collect();
        if parts.len() >= 3 {
            words.extend(parts[1].split_whitespace());
        }
    }
    words.join(" ")
}

fn summary_of(app: &App) -> Summary {
    Summary::of(&app.session, Stamp::from_unix(DATE))
}

/// The code drawn at 80x24 holds a compact form (and says so); a large window holds the
/// full text; both read back to the summary's text exactly, from the cells drawn.
#[test]
fn the_drawn_qr_code_reads_back_to_the_summary_text() {
    let cases: &[(u16, u16, bool, bool)] = &[
        (80, 24, false, true),
        (80, 24, false, false),
        (120, 40, false, true),
        (200, 120, false, true),
        (200, 60, true, true),
    ];
    for &(w, h, ascii, color) in cases {
        let mut app = app_with(Options {
            ascii,
            color,
            ..Options::default()
        });
        press(&mut app, &["Enter", "n", "n", "1", "y", "F2", "c"]);
        let terminal = draw(&mut app, w, h);
        let buf = terminal.backend().buffer();
        let code = app.summary.drawn_code().expect("a code fits");
        let read = decode(&code_cells(buf, color), ascii);
        let summary = summary_of(&app);
        assert_eq!(
            read,
            compact_text(&summary, code.form),
            "{w}x{h} ascii {ascii}"
        );
        let drawn = terminal.backend().to_string();
        assert!(
            drawn.contains("RED FLAG - EMERGENCY"),
            "the banner stays: {drawn}"
        );
        let screen = boxed_words(&drawn);
        // The whole advice is beside the code, whatever the banner has room for.
        assert!(screen.contains(&summary_of(&app).triage.advice), "{screen}");
        if code.form == Form::Full {
            assert!(screen.contains("full summary"), "{screen}");
        } else {
            assert!(screen.contains("too small for the full"), "{screen}");
            assert!(
                screen.contains("larger window gives the full text"),
                "{screen}"
            );
        }
        if (w, h) == (80, 24) {
            assert_ne!(code.form, Form::Full, "80x24 holds only a small code");
        }
        if (w, h) == (200, 120) {
            assert_eq!(code.form, Form::Full);
        }
    }
}

/// ASCII at 80x24 has no room for a code: the screen says what would.
#[test]
fn an_ascii_terminal_too_small_says_so() {
    let mut app = app_with(ascii());
    press(&mut app, &["F2", "c"]);
    let screen = boxed_words(&draw(&mut app, 80, 24).backend().to_string());
    assert!(app.summary.drawn_code().is_none());
    assert!(
        screen.contains("larger window or a Unicode terminal"),
        "{screen}"
    );
}

/// A click (or a touch) opens the summary: on its tab when the panes are tabs, on the
/// header's button when they are side by side; the same button goes back.
#[test]
fn a_click_or_a_touch_opens_the_summary() {
    use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    let click = |app: &mut App, column: u16, row: u16| {
        let event = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        for a in symptom_explorer::app::actions_for(app, &event) {
            update(app, a);
        }
    };
    // Tabs: " Body  Questions  Causes  Summary ".
    let mut app = app_with(interface());
    let screen = draw(&mut app, 80, 24).backend().to_string();
    let at = screen
        .lines()
        .next()
        .expect("a header")
        .find("Summary")
        .expect("a tab");
    click(&mut app, u16::try_from(at).expect("small"), 0);
    assert_eq!(app.pane, Pane::Summary);
    // Side by side: the button on the header.
    let mut app = app_with(interface());
    let screen = draw(&mut app, 140, 40).backend().to_string();
    let header = screen.lines().next().expect("a header").to_string();
    let at = header.find("F2 Summary").expect("a button");
    click(&mut app, u16::try_from(at).expect("small"), 0);
    assert_eq!(app.pane, Pane::Summary);
    let screen = draw(&mut app, 140, 40).backend().to_string();
    let header = screen.lines().next().expect("a header").to_string();
    let at = header.find("Esc Back").expect("the button goes back");
    click(&mut app, u16::try_from(at).expect("small"), 0);
    assert_eq!(app.pane, Pane::Body);
}

/// Where style carries meaning: the triage level is in its level's style (reverse video
/// and bold for an emergency, with or without colour), and the QR code is black on white
/// with colour, reverse video without.
#[test]
fn the_level_and_the_code_keep_their_style_with_or_without_colour() {
    for color in [true, false] {
        let mut app = app_with(Options {
            color,
            ..interface()
        });
        press(&mut app, EMERGENCY);
        let terminal = draw(&mut app, 80, 24);
        let buf = terminal.backend().buffer();
        let screen = terminal.backend().to_string();
        let (row, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("Level: EMERGENCY"))
            .expect("the level is on the first screen");
        let col = line.find("EMERGENCY").expect("the word");
        let col = line[..col].chars().count();
        let cell = &buf[(
            u16::try_from(col).expect("small"),
            u16::try_from(row).expect("small"),
        )];
        assert!(
            cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD),
            "{cell:?}"
        );
        assert_eq!(cell.fg != Color::Reset, color, "{cell:?}");

        press(&mut app, &["c"]);
        let terminal = draw(&mut app, 80, 24);
        let code = app.summary.drawn_code().expect("a code");
        let (cols, rows) = code.cells(false);
        let buf = terminal.backend().buffer();
        // The code's top-left corner: the first cell of the quiet zone.
        let in_code = |x: u16, y: u16| {
            let cell = &buf[(x, y)];
            let styled = cell.bg == Color::White || cell.modifier.contains(Modifier::REVERSED);
            styled && ["█", "▀", "▄", " "].contains(&cell.symbol())
        };
        let top = (0..24)
            .find(|&y| (0..cols).all(|x| in_code(x, y)))
            .expect("the code is drawn");
        for y in top..top + rows {
            for x in 0..cols {
                let cell = &buf[(x, y)];
                if color {
                    assert_eq!((cell.fg, cell.bg), (Color::Black, Color::White), "{x},{y}");
                } else {
                    assert!(cell.modifier.contains(Modifier::REVERSED), "{x},{y}");
                    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
                }
            }
        }
    }
}
