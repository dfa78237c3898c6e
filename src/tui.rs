//! The terminal: set-up, tear-down and the event loop.
//!
//! The loop draws only after input or a resize, never on a timer: an idle interface
//! writes nothing and uses no CPU. Events that arrive together are handled together and
//! drawn once, inside synchronized output; characters typed into the search line in one
//! batch are inserted, and searched for, once. The keyboard is read by `input`, not by
//! crossterm's reader (which a burst of input could wedge). The terminal is restored on
//! every way out: a normal quit, an error, a panic (hook), and SIGTERM, SIGHUP, SIGINT or
//! SIGQUIT.

mod compact;
mod input;
mod lean;

use std::io::{self, Stdout};

use compact::Compact;
use lean::Lean;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute, queue};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

use crate::app::action::InputRequest;
use crate::app::{Action, App, Options, actions_for, kiosk, update};
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

fn setup(mouse: bool) -> io::Result<Term> {
    enter(mouse)?;
    let backend = Lean::new(Compact::new(io::stdout()), MAX_WIDTH);
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

/// The terminal as the interface draws on it: each frame in few bytes (`lean`), colour
/// codes in their short form (`compact`).
type Term = Terminal<Lean<Compact<Stdout>>>;

/// The largest area drawn: a window reported larger is drawn in its top-left corner.
pub const MAX_WIDTH: u16 = 500;
pub const MAX_HEIGHT: u16 = 200;

/// The area drawn for a window of this size.
pub fn capped(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

enum Msg {
    /// What one read of the terminal finished.
    Input(Vec<Event>),
    /// The window changed size.
    Resized,
    /// The background search has an answer.
    Searched,
    Signal(i32),
    Failed(io::Error),
}

/// Messages waiting at most (each up to one 64 KiB read's events): when the interface falls
/// behind a flood of input, the flood waits in the terminal (and the sender), not in memory.
const QUEUE: usize = 8;

/// Run the interface on a graph until the person quits or a signal arrives.
///
/// In kiosk mode a panic does not leave the person at whatever started the program: the
/// interface starts again from the welcome screen (on a copy of the graph kept for that),
/// unless it has failed [`MAX_RESTARTS`] times within a minute.
pub fn run(graph: Graph, options: Options) -> io::Result<Exit> {
    let (tx, rx) = mpsc::sync_channel::<Msg>(QUEUE);
    // Signals first, so that one arriving during set-up is not lost.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])?;
    let sig_tx = tx.clone();
    thread::spawn(move || {
        for sig in signals.forever() {
            let msg = match sig {
                SIGWINCH => Msg::Resized,
                sig => Msg::Signal(sig),
            };
            if sig_tx.send(msg).is_err() {
                break;
            }
        }
    });
    let _guard = Guard;
    install_panic_hook();
    let mut started = false;
    let search_tx = tx.clone();
    let input_tx = tx;
    let mut spawn_input = move || -> io::Result<()> {
        if !started {
            started = true;
            let tx = input_tx.clone();
            input::spawn(move |got| {
                let msg = match got {
                    Ok(events) => Msg::Input(events),
                    Err(e) => Msg::Failed(e),
                };
                tx.send(msg).is_ok()
            })?;
        }
        Ok(())
    };
    if options.kiosk.is_none() {
        return interface(graph, options, &rx, &search_tx, &mut spawn_input);
    }
    let mut failures: Vec<Instant> = Vec::new();
    loop {
        let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            interface(
                graph.clone(),
                options.clone(),
                &rx,
                &search_tx,
                &mut spawn_input,
            )
        }));
        match attempt {
            Ok(result) => return result,
            Err(_) => {
                restore();
                failures.retain(|t| t.elapsed() < Duration::from_secs(60));
                failures.push(Instant::now());
                if failures.len() >= MAX_RESTARTS {
                    return Err(io::Error::other(
                        "the interface failed again and again; it has stopped",
                    ));
                }
            }
        }
    }
}

/// From this many causes on, searches run beside the interface (at 1,000 causes one takes
/// about 1 ms, at 10,000 about 10 ms, at 100,000 50 to 120 ms: BENCHMARKS.md).
pub const BACKGROUND_SEARCH_FROM: usize = 2_000;

/// Kiosk mode gives up after this many failures within a minute.
pub const MAX_RESTARTS: usize = 3;

/// One run of the interface: terminal set-up, then the loop, until quit or a signal.
fn interface(
    graph: Graph,
    options: Options,
    rx: &mpsc::Receiver<Msg>,
    tx: &mpsc::SyncSender<Msg>,
    spawn_input: &mut dyn FnMut() -> io::Result<()>,
) -> io::Result<Exit> {
    let mut app = App::new(graph, options);
    let result = interface_loop(&mut app, rx, tx, spawn_input);
    // Not freed when the interface ends well: the process ends with it, and at 100,000
    // causes freeing the graph piece by piece keeps the shell waiting a tenth of a second.
    // (A panic unwinds past this and frees it, for kiosk mode to start again.)
    std::mem::forget(app);
    result
}

/// The interface on `app`: terminal set-up, then the loop, until quit or a signal.
fn interface_loop(
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    tx: &mpsc::SyncSender<Msg>,
    spawn_input: &mut dyn FnMut() -> io::Result<()>,
) -> io::Result<Exit> {
    // On large content searches run beside the interface, so a key never waits for one;
    // on small content a search takes microseconds, and one frame with the answer is less
    // to send than a frame saying "searching..." and then another.
    if app.session.graph().causes.len() >= BACKGROUND_SEARCH_FROM {
        let searched = tx.clone();
        app.session.search_in_background(move || {
            let _ = searched.send(Msg::Searched);
        });
    }
    let _guard = Guard;
    let mouse = app.options.mouse;
    let mut terminal = setup(mouse)?;
    spawn_input()?;

    let size = terminal.get_frame().area();
    update(app, Action::Resize(size.width, size.height));
    draw(&mut terminal, app)?;
    let mut last_input = Instant::now();
    loop {
        let resets = app.kiosk.as_ref().map(|k| k.resets);
        let first = match kiosk::next_check(app, last_input.elapsed()) {
            None => match rx.recv() {
                Ok(msg) => msg,
                Err(_) => return Ok(Exit::Quit),
            },
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(msg) => msg,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    update(app, Action::Idle(last_input.elapsed()));
                    if app.kiosk.as_ref().map(|k| k.resets) != resets {
                        wipe(&mut terminal, app)?;
                    }
                    draw(&mut terminal, app)?;
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(Exit::Quit),
            },
        };
        let mut dirty = false;
        // Everything that has arrived is handled before the one draw.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Resized => {
                    let size = terminal.backend().size()?;
                    let area = capped(size.width, size.height);
                    terminal.resize(area)?;
                    update(app, Action::Resize(area.width, area.height));
                    dirty = true;
                }
                Msg::Input(events) => {
                    last_input = Instant::now();
                    let kiosk = app.kiosk.is_some();
                    let mut batch = Batch::new(app);
                    for ev in events {
                        match ev {
                            // A kiosk never suspends: Ctrl-Z is a key like any other.
                            Event::Key(key) if is_suspend(&key) && !kiosk => {
                                batch.finish();
                                let area = suspend(&mut terminal, mouse)?;
                                batch.act(Action::Resize(area.width, area.height));
                            }
                            ev => batch.event(&ev),
                        }
                        if batch.quit() {
                            return Ok(Exit::Quit);
                        }
                    }
                    dirty |= batch.finish();
                }
                Msg::Searched => {
                    update(app, Action::Searched);
                    dirty = true;
                }
                Msg::Signal(sig) => return Ok(Exit::Signal(sig)),
                Msg::Failed(e) => return Err(e),
            }
            if app.quit {
                return Ok(Exit::Quit);
            }
        }
        if app.kiosk.as_ref().map(|k| k.resets) != resets {
            wipe(&mut terminal, app)?;
            dirty = true;
        }
        if dirty {
            draw(&mut terminal, app)?;
        }
    }
}

/// After a kiosk starts over: clear the whole screen, so the next draw writes every cell
/// again and nothing of the last person can linger in a cell the diff would skip.
fn wipe(terminal: &mut Term, app: &mut App) -> io::Result<()> {
    let size = terminal.backend().size()?;
    let area = capped(size.width, size.height);
    terminal.resize(area)?;
    update(app, Action::Resize(area.width, area.height));
    Ok(())
}

/// A batch of events applied to the interface. Characters typed into the search line one
/// after another are held and inserted together, as one paste is: one search for the run,
/// not one per character (a burst of 20,000 typed characters searches once).
pub struct Batch<'a> {
    app: &'a mut App,
    typed: String,
    changed: bool,
}

impl<'a> Batch<'a> {
    pub fn new(app: &'a mut App) -> Batch<'a> {
        Batch {
            app,
            typed: String::new(),
            changed: false,
        }
    }

    /// One terminal event.
    pub fn event(&mut self, ev: &Event) {
        let actions = actions_for(self.app, ev);
        if let [Action::Edit(InputRequest::InsertChar(c))] = actions.as_slice() {
            // What keys do in the search line does not depend on its text, so the run
            // can wait; a character past the query's length limit is dropped by the paste.
            if self.typed.chars().count() < crate::panes::causes::MAX_QUERY {
                self.typed.push(*c);
            }
            self.changed = true;
            return;
        }
        for action in actions {
            self.act(action);
        }
    }

    /// One action, after the characters typed before it.
    pub fn act(&mut self, action: Action) {
        self.flush();
        update(self.app, action);
        self.changed = true;
    }

    /// The interface as it stands (characters typed but still held are not in it yet).
    pub fn app(&self) -> &App {
        self.app
    }

    /// Whether the person has asked to quit (nothing is pending when they have).
    pub fn quit(&self) -> bool {
        self.app.quit
    }

    fn flush(&mut self) {
        if !self.typed.is_empty() {
            let text = std::mem::take(&mut self.typed);
            update(self.app, Action::Paste(text));
        }
    }

    /// Insert what is still held; whether anything happened that needs a draw.
    pub fn finish(&mut self) -> bool {
        self.flush();
        std::mem::take(&mut self.changed)
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
fn suspend(terminal: &mut Term, mouse: bool) -> io::Result<Rect> {
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

fn draw(terminal: &mut Term, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| crate::ui::draw(frame, app))?;
    hyperlinks(terminal.backend_mut(), app)?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}

/// Write the web addresses on screen again over themselves, wrapped in OSC 8 so a terminal
/// that knows hyperlinks can follow the whole address (one that does not ignores the
/// wrapper). ratatui's buffer cannot hold them: the sanitiser drops every escape from cells.
fn hyperlinks(out: &mut Lean<Compact<Stdout>>, app: &App) -> io::Result<()> {
    use ratatui::crossterm::style::{Attribute, Print, SetAttribute};
    let links = app.links_on_screen();
    if links.is_empty() {
        return Ok(());
    }
    for link in links {
        // Only plain printable ASCII goes inside an escape sequence.
        if !link.url.bytes().all(|b| (0x21..0x7f).contains(&b)) {
            continue;
        }
        queue!(
            out,
            cursor::MoveTo(link.x, link.y),
            SetAttribute(Attribute::Dim),
            SetAttribute(Attribute::Underlined),
            Print(format!(
                "\x1b]8;;{}\x1b\\{}\x1b]8;;\x1b\\",
                link.url, link.shown
            )),
            SetAttribute(Attribute::Reset)
        )?;
    }
    if let Some(at) = app.causes.cursor_at.get() {
        queue!(out, cursor::MoveTo(at.x, at.y))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::fixture;

    fn typed(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn app() -> App {
        let mut app = App::new(fixture(), Options::default());
        update(&mut app, Action::Resize(80, 24));
        app
    }

    #[test]
    fn a_burst_of_typing_searches_once_and_keys_after_it_still_act() {
        let mut app = app();
        let start = app.session.generation();
        let mut batch = Batch::new(&mut app);
        batch.event(&typed('/'));
        for _ in 0..20_000 {
            batch.event(&typed('a'));
        }
        assert!(batch.finish());
        let before = app.session.generation();
        assert_eq!(before - start, 1, "one search for the burst");
        assert_eq!(app.session.query(), "a".repeat(200));

        // The same run again: the line is full, nothing changes, nothing is searched.
        let mut batch = Batch::new(&mut app);
        for _ in 0..20_000 {
            batch.event(&typed('a'));
        }
        batch.finish();
        assert_eq!(app.session.generation(), before);

        // Typing, then keys that edit and leave: in order, one search per run of typing.
        let mut app = self::app();
        let mut batch = Batch::new(&mut app);
        batch.event(&typed('/'));
        let start = batch.app.session.generation();
        for c in "sciatx".chars() {
            batch.event(&typed(c));
        }
        batch.event(&Event::Key(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
        for c in "ica".chars() {
            batch.event(&typed(c));
        }
        batch.event(&Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        batch.event(&Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        )));
        assert!(batch.quit());
        // "sciatx", the Backspace, "ica", and Esc clearing the line.
        assert_eq!(app.session.generation() - start, 4);
        assert_eq!(app.session.query(), "");
    }

    #[test]
    fn a_batch_types_what_single_keys_type() {
        let text = "sciatica back PAIN é 1?q";
        let mut one = app();
        for ev in std::iter::once(typed('/')).chain(text.chars().map(typed)) {
            let mut batch = Batch::new(&mut one);
            batch.event(&ev);
            batch.finish();
        }
        let mut all = app();
        let mut batch = Batch::new(&mut all);
        for ev in std::iter::once(typed('/')).chain(text.chars().map(typed)) {
            batch.event(&ev);
        }
        batch.finish();
        assert_eq!(one.session.query(), text);
        assert_eq!(all.session.query(), text);
        assert_eq!(one.causes.input.cursor(), all.causes.input.cursor());
        assert_eq!(one.causes.selected, all.causes.selected);
        assert_eq!(one.pane, all.pane);
    }
}
