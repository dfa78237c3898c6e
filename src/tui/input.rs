//! Reading the keyboard: the terminal's bytes read as fast as they come and turned into
//! events here, instead of by `crossterm::event::read`.
//!
//! Why not crossterm's reader (0.29, the default `mio` source): it reads the terminal 1 KiB
//! at a time and returns as soon as that KiB gave one event, but it waits for more with
//! edge-triggered epoll. Bytes left in the terminal when it returns raise no new edge, so
//! after a burst larger than one read (a paste, an SSH client's burst) the rest is read one
//! KiB per *later* key press; once the terminal's input buffer is full, no key can arrive
//! to raise an edge and the keyboard is dead for good. Its parser also keeps an unfinished
//! sequence (a bracketed-paste start with no end, `ESC [ 1`) until a closing byte comes,
//! and offers no way to time it out. See `docs/upstream-crossterm.md`.
//!
//! Here one thread makes blocking reads of up to 64 KiB, so whatever has arrived is taken
//! in one go, and a second thread decodes the bytes with [`Decoder`]: a small state machine
//! for the keys, mouse reports and pastes that this program asks for. An unfinished
//! sequence never waits for more than [`STALL`] with no byte arriving (a lone Esc for
//! [`ESC_WAIT`]); a paste is one event, however long, and keeps at most [`PASTE_LIMIT`]
//! bytes.

use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::os::fd::AsFd;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// A lone Esc is the Esc key once nothing follows it for this long (an arrow key's
/// bytes come together; a person's next key comes later).
pub const ESC_WAIT: Duration = Duration::from_millis(100);
/// An unfinished escape sequence, character or paste is given up after this long with no
/// byte arriving: a sequence or character is dropped, a paste is delivered as it is.
pub const STALL: Duration = Duration::from_secs(1);
/// The most of one paste kept (the rest is read and dropped).
pub const PASTE_LIMIT: usize = 64 * 1024;
/// The longest escape sequence kept; a longer one is read to its end and dropped.
const SEQUENCE_LIMIT: usize = 64;
/// How much one read may take.
const READ_SIZE: usize = 64 * 1024;
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
enum State {
    #[default]
    Ground,
    /// After ESC.
    Esc,
    /// After `ESC [`: the parameter and intermediate bytes so far.
    Csi { bytes: Vec<u8>, overflow: bool },
    /// After `ESC O`.
    Ss3,
    /// After `ESC [ [` (the Linux console's F1 to F5).
    LinuxF,
    /// After `ESC [ M`: an old-style mouse report's three bytes.
    X10 { bytes: Vec<u8> },
    /// Part of a UTF-8 character.
    Utf8 {
        bytes: Vec<u8>,
        need: usize,
        alt: bool,
    },
    /// Inside a bracketed paste; `matched` bytes of its end marker seen.
    Paste { text: Vec<u8>, matched: usize },
}

/// Terminal input bytes to events. Feed it what was read; when nothing more arrives for
/// [`Decoder::wait`], call [`Decoder::flush`].
#[derive(Debug, Default)]
pub struct Decoder {
    state: State,
}

impl Decoder {
    /// How long to wait for more bytes before [`Decoder::flush`]; None: as long as it takes.
    pub fn wait(&self) -> Option<Duration> {
        match self.state {
            State::Ground => None,
            State::Esc => Some(ESC_WAIT),
            _ => Some(STALL),
        }
    }

    /// The events these bytes finish.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut out = Vec::new();
        for &b in bytes {
            self.byte(b, &mut out);
        }
        out
    }

    /// Nothing more came: a lone ESC is the Esc key, an unfinished paste is delivered as
    /// far as it came (if it holds anything), and any other unfinished sequence or
    /// character is dropped.
    pub fn flush(&mut self) -> Vec<Event> {
        match std::mem::take(&mut self.state) {
            State::Esc => vec![key(KeyCode::Esc, KeyModifiers::NONE)],
            State::Paste { text, .. } if !text.is_empty() => vec![paste(&text)],
            _ => Vec::new(),
        }
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Event>) {
        match &mut self.state {
            State::Ground => self.ground(b, false, out),
            State::Esc => match b {
                b'[' => {
                    self.state = State::Csi {
                        bytes: Vec::new(),
                        overflow: false,
                    }
                }
                b'O' => self.state = State::Ss3,
                // Esc, then a new sequence.
                0x1b => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
                _ => {
                    self.state = State::Ground;
                    self.ground(b, true, out);
                }
            },
            State::Csi { bytes, overflow } => match b {
                0x20..=0x3f => {
                    if bytes.len() < SEQUENCE_LIMIT {
                        bytes.push(b);
                    } else {
                        *overflow = true;
                    }
                }
                0x40..=0x7e => {
                    let (bytes, overflow) = (std::mem::take(bytes), *overflow);
                    self.state = State::Ground;
                    if overflow {
                        return;
                    }
                    if bytes.is_empty() && b == b'M' {
                        self.state = State::X10 { bytes: Vec::new() };
                    } else if bytes.is_empty() && b == b'[' {
                        self.state = State::LinuxF;
                    } else if bytes == b"200" && b == b'~' {
                        self.state = State::Paste {
                            text: Vec::new(),
                            matched: 0,
                        };
                    } else if let Some(ev) = csi(&bytes, b) {
                        out.push(ev);
                    }
                }
                // Not part of a sequence: the sequence is dropped and this byte read afresh
                // (so Ctrl-C or Esc after a broken sequence still works).
                _ => {
                    self.state = State::Ground;
                    self.ground(b, false, out);
                }
            },
            State::Ss3 => {
                self.state = State::Ground;
                let code = match b {
                    b'A' => KeyCode::Up,
                    b'B' => KeyCode::Down,
                    b'C' => KeyCode::Right,
                    b'D' => KeyCode::Left,
                    b'H' => KeyCode::Home,
                    b'F' => KeyCode::End,
                    b'P'..=b'S' => KeyCode::F(1 + b - b'P'),
                    0x40..=0x7e => return,
                    _ => return self.ground(b, false, out),
                };
                out.push(key(code, KeyModifiers::NONE));
            }
            State::LinuxF => {
                self.state = State::Ground;
                match b {
                    b'A'..=b'E' => out.push(key(KeyCode::F(1 + b - b'A'), KeyModifiers::NONE)),
                    0x40..=0x7e => {}
                    _ => self.ground(b, false, out),
                }
            }
            State::X10 { bytes } => {
                bytes.push(b);
                if bytes.len() == 3 {
                    let [cb, x, y] = [bytes[0], bytes[1], bytes[2]].map(u16::from);
                    self.state = State::Ground;
                    if let Some(ev) = mouse(cb.saturating_sub(32), x, y, false, 33) {
                        out.push(ev);
                    }
                }
            }
            State::Utf8 { bytes, need, alt } => {
                if b & 0xc0 != 0x80 {
                    // A broken character: dropped, and this byte read afresh.
                    self.state = State::Ground;
                    return self.ground(b, false, out);
                }
                bytes.push(b);
                if bytes.len() == *need {
                    let alt = *alt;
                    let c = std::str::from_utf8(bytes)
                        .ok()
                        .and_then(|s| s.chars().next());
                    self.state = State::Ground;
                    if let Some(c) = c {
                        out.push(char_key(c, alt));
                    }
                }
            }
            State::Paste { text, matched } => {
                if b == PASTE_END[*matched] {
                    *matched += 1;
                    if *matched == PASTE_END.len() {
                        out.push(paste(text));
                        self.state = State::Ground;
                    }
                    return;
                }
                // The bytes that looked like the end marker were text.
                let partial = &PASTE_END[..*matched];
                keep(text, partial);
                if b == PASTE_END[0] {
                    *matched = 1;
                } else {
                    *matched = 0;
                    keep(text, &[b]);
                }
            }
        }
    }

    /// A byte outside any sequence (after ESC when `alt`).
    fn ground(&mut self, b: u8, alt: bool, out: &mut Vec<Event>) {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let ev = match b {
            0x1b => {
                self.state = State::Esc;
                return;
            }
            b'\r' => key(KeyCode::Enter, none),
            b'\t' => key(KeyCode::Tab, none),
            0x7f => key(KeyCode::Backspace, none),
            0x00 => key(KeyCode::Char(' '), ctrl),
            // A line feed is Ctrl-J and a backspace byte Ctrl-H, as crossterm reads them.
            0x01..=0x1a => key(KeyCode::Char((b - 1 + b'a') as char), ctrl),
            0x1c..=0x1f => key(KeyCode::Char((b - 0x1c + b'4') as char), ctrl),
            0x20..=0x7e => char_key(b as char, false),
            0xc2..=0xf4 => {
                let need = match b {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    _ => 4,
                };
                self.state = State::Utf8 {
                    bytes: vec![b],
                    need,
                    alt,
                };
                return;
            }
            // Not the start of any character.
            _ => return,
        };
        out.push(with_alt(ev, alt));
    }
}

fn keep(text: &mut Vec<u8>, bytes: &[u8]) {
    let room = PASTE_LIMIT.saturating_sub(text.len());
    text.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

fn paste(text: &[u8]) -> Event {
    Event::Paste(String::from_utf8_lossy(text).into_owned())
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A typed character; upper case carries Shift, as crossterm reports it.
fn char_key(c: char, alt: bool) -> Event {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    with_alt(key(KeyCode::Char(c), shift), alt)
}

fn with_alt(ev: Event, alt: bool) -> Event {
    match ev {
        Event::Key(mut k) if alt => {
            k.modifiers |= KeyModifiers::ALT;
            Event::Key(k)
        }
        ev => ev,
    }
}

/// The modifiers of an xterm parameter (1 + bits: Shift 1, Alt 2, Ctrl 4).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// A finished `ESC [ params final` sequence; None for what this program does not use.
fn csi(bytes: &[u8], last: u8) -> Option<Event> {
    if let Some(rest) = bytes.strip_prefix(b"<") {
        // SGR mouse: ESC [ < b ; x ; y M (press) or m (release).
        let p = numbers(rest)?;
        return match (p.as_slice(), last) {
            ([cb, x, y], b'M' | b'm') => mouse(*cb, *x, *y, last == b'm', 1),
            _ => None,
        };
    }
    let p = numbers(bytes)?;
    let first = p.first().copied();
    let mods = modifiers(p.get(1).copied());
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' if p.len() <= 1 || first == Some(1) => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        // rxvt's mouse report: ESC [ b ; x ; y M.
        b'M' => {
            return match p.as_slice() {
                [cb, x, y] => mouse(cb.saturating_sub(32), *x, *y, false, 1),
                _ => None,
            };
        }
        b'~' => match first? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, mods))
}

/// `1;2;3` as numbers (an empty one is 0; a sub-parameter after `:` is ignored).
fn numbers(bytes: &[u8]) -> Option<Vec<u16>> {
    if bytes.is_empty() {
        return Some(Vec::new());
    }
    let text = std::str::from_utf8(bytes).ok()?;
    text.split(';')
        .map(|p| {
            let p = p.split(':').next().unwrap_or("");
            if p.is_empty() {
                Some(0)
            } else {
                p.parse::<u16>().ok()
            }
        })
        .collect()
}

/// A mouse report: button bits, and a column and row counted from `origin`.
fn mouse(cb: u16, x: u16, y: u16, release: bool, origin: u16) -> Option<Event> {
    let mut modifiers = KeyModifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let button = match cb & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 128 != 0 {
        return None;
    } else if cb & 64 != 0 {
        match cb & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if release {
        MouseEventKind::Up(button)
    } else if cb & 3 == 3 {
        // The old report does not say which button went up.
        MouseEventKind::Up(MouseButton::Left)
    } else {
        MouseEventKind::Down(button)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(origin),
        row: y.saturating_sub(origin),
        modifiers,
    }))
}

/// The terminal to read: standard input if it is one, else `/dev/tty` (as crossterm does).
fn open_tty() -> io::Result<File> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        Ok(File::from(stdin.as_fd().try_clone_to_owned()?))
    } else {
        File::open("/dev/tty")
    }
}

/// Read the terminal on two threads until `deliver` returns false or reading fails; each
/// batch of events is what one read (or one time-out) finished.
pub fn spawn<F>(mut deliver: F) -> io::Result<()>
where
    F: FnMut(io::Result<Vec<Event>>) -> bool + Send + 'static,
{
    let mut tty = open_tty()?;
    // A few reads in flight at most: a flood waits in the terminal, not in memory.
    let (tx, rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(4);
    thread::spawn(move || {
        let mut buf = vec![0u8; READ_SIZE];
        loop {
            let got = match tty.read(&mut buf) {
                Ok(0) => Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal was closed",
                )),
                Ok(n) => Ok(buf[..n].to_vec()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => Err(e),
            };
            let failed = got.is_err();
            if tx.send(got).is_err() || failed {
                break;
            }
        }
    });
    thread::spawn(move || {
        let mut decoder = Decoder::default();
        loop {
            let got = match decoder.wait() {
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => rx.recv_timeout(wait),
            };
            let events = match got {
                Ok(Ok(bytes)) => decoder.feed(&bytes),
                Ok(Err(e)) => {
                    deliver(Err(e));
                    return;
                }
                Err(RecvTimeoutError::Timeout) => decoder.flush(),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if !events.is_empty() && !deliver(Ok(events)) {
                return;
            }
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests;
