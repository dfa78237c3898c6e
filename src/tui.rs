//! The terminal: set-up, tear-down and the event loop.
//!
//! The loop draws only after input or a resize, never on a timer: an idle interface
//! writes nothing and uses no CPU. Events that arrive together are handled together and
//! drawn once, inside synchronized output. The terminal is restored on every way out:
//! a normal quit, an error, a panic (hook), and SIGTERM, SIGHUP, SIGINT or SIGQUIT.

use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, mpsc};
use std::thread;

use ratatui::backend::Backend;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute, queue};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Options, actions_for, update};
use crate::graph::Graph;

/// How the interface ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The person quit.
    Quit,
    /// A signal asked it to stop (the usual exit code is 128 + the number).
    Signal(i32),
}

/// Whether the terminal is in the interface's mode (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Put the terminal back as it was. Safe to call more than once, from anywhere.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            EndSynchronizedUpdate,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restores the terminal when dropped: covers early returns and unwinding.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Raw mode, the alternate screen, pastes as one event, and the mouse if wanted.
fn enter(mouse: bool) -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

fn setup(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    install_panic_hook();
    enter(mouse)?;
    let backend = CrosstermBackend::new(io::stdout());
    let size = capped(backend.size()?.width, backend.size()?.height);
    // A fixed viewport, resized by hand to a capped size: ratatui would otherwise size its
    // buffers to whatever the terminal reports, and an SSH client can report 65535x65535.
    Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(size),
        },
    )
}

/// The largest area drawn: a window reported larger is drawn in its top-left corner.
pub const MAX_WIDTH: u16 = 500;
pub const MAX_HEIGHT: u16 = 200;

/// The area drawn for a window of this size.
pub fn capped(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

enum Msg {
    Input(Event),
    Signal(i32),
    Failed(io::Error),
}

/// Run the interface on a graph until the person quits or a signal arrives.
pub fn run(graph: Graph, options: Options) -> io::Result<Exit> {
    let mut app = App::new(graph, options);
    let (tx, rx) = mpsc::channel::<Msg>();
    // Signals first, so that one arriving during set-up is not lost.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let sig_tx = tx.clone();
    thread::spawn(move || {
        for sig in signals.forever() {
            if sig_tx.send(Msg::Signal(sig)).is_err() {
                break;
            }
        }
    });

    let _guard = Guard;
    let mouse = app.options.mouse;
    let mut terminal = setup(mouse)?;
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Input(ev),
                Err(e) => Msg::Failed(e),
            };
            let failed = matches!(msg, Msg::Failed(_));
            if tx.send(msg).is_err() || failed {
                break;
            }
        }
    });

    let size = terminal.get_frame().area();
    update(&mut app, Action::Resize(size.width, size.height));
    draw(&mut terminal, &app)?;
    loop {
        let Ok(first) = rx.recv() else {
            return Ok(Exit::Quit);
        };
        let mut dirty = false;
        // Everything that has arrived is handled before the one draw.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Input(Event::Resize(width, height)) => {
                    let area = capped(width, height);
                    terminal.resize(area)?;
                    update(&mut app, Action::Resize(area.width, area.height));
                    dirty = true;
                }
                Msg::Input(Event::Key(key)) if is_suspend(&key) => {
                    let area = suspend(&mut terminal, mouse)?;
                    update(&mut app, Action::Resize(area.width, area.height));
                    dirty = true;
                }
                Msg::Input(ev) => {
                    for action in actions_for(&app, &ev) {
                        update(&mut app, action);
                        dirty = true;
                    }
                }
                Msg::Signal(sig) => return Ok(Exit::Signal(sig)),
                Msg::Failed(e) => return Err(e),
            }
            if app.quit {
                return Ok(Exit::Quit);
            }
        }
        if dirty {
            draw(&mut terminal, &app)?;
        }
    }
}

/// Ctrl-Z: in raw mode the terminal sends it as a key instead of stopping the program.
fn is_suspend(key: &KeyEvent) -> bool {
    key.kind == KeyEventKind::Press
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('z'))
}

/// Give the terminal back and stop, as Ctrl-Z does in a shell; on `fg`, take the terminal
/// again and have everything redrawn.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> io::Result<Rect> {
    restore();
    // Stops here until SIGCONT (`fg`).
    signal_hook::low_level::raise(SIGTSTP)?;
    enter(mouse)?;
    // Not `Terminal::clear`: it asks the terminal where the cursor is, and the answer
    // would go to the input thread. Resizing to the (perhaps new) size clears and has the
    // next draw redraw everything.
    let size = terminal.backend().size()?;
    let area = capped(size.width, size.height);
    terminal.resize(area)?;
    Ok(area)
}

fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| crate::ui::draw(frame, app))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}
