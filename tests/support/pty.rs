//! A pseudo-terminal driving the real binary, its screen read back with vt100: shared by
//! the end-to-end tests.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_symptom-explorer");
pub const WAIT: Duration = Duration::from_secs(20);

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the terminal received.
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Arc<Mutex<Box<dyn Write + Send>>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub slave: Box<dyn SlavePty + Send>,
    pub master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_command(CommandBuilder::new(BIN), cols, rows, env)
    }

    /// The binary with these arguments, in this directory.
    pub fn start_in(
        dir: &std::path::Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        cmd.cwd(dir);
        Session::start_command(cmd, cols, rows, env)
    }

    /// Whether the program is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("child status").is_none()
    }

    /// An interactive shell with job control, for Ctrl-Z and `fg`.
    pub fn start_shell(cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.env("PS1", "shell$ ");
        Session::start_command(cmd, cols, rows, &[])
    }

    pub fn start_command(
        mut cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
            }
        });
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("a writer")));
        Session {
            parser,
            raw,
            writer,
            child,
            slave: pair.slave,
            master: pair.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn alternate(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    /// Wait until a text has gone from the screen; the screen then.
    pub fn wait_gone(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {text:?} to go; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Wait until every text is on the screen; the screen then.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Resize the terminal (the program gets SIGWINCH) and the screen model with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(size(rows), size(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    /// Tell the program its window has a size, without resizing the screen model (a huge
    /// size would not fit in the test's memory either).
    pub fn resize_pty_only(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    pub fn send(&mut self, bytes: &str) {
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(bytes.as_bytes()).expect("write keys");
        writer.flush().expect("flush keys");
    }

    /// Write a burst from another thread: a program that stops reading makes the write
    /// block, and the test must then fail, not hang.
    pub fn send_burst(&mut self, bytes: Vec<u8>) {
        let writer = Arc::clone(&self.writer);
        let (done_tx, done) = std::sync::mpsc::channel();
        thread::spawn(move || {
            let mut writer = writer.lock().expect("writer");
            // Pieces of 4 KiB, as a terminal or SSH client hands them over.
            for piece in bytes.chunks(4096) {
                writer.write_all(piece).expect("write keys");
            }
            writer.flush().expect("flush keys");
            let _ = done_tx.send(());
        });
        assert!(
            done.recv_timeout(WAIT).is_ok(),
            "the program stopped reading its input; the screen shows:\n{}",
            self.screen()
        );
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                // Let the reader take in the last bytes written.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(start.elapsed() < WAIT, "the program did not exit");
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// The terminal's modes after the program left, read with `stty -a` on the same pty.
    pub fn stty(&mut self) -> String {
        let before = self.raw.lock().expect("raw").len();
        let mut cmd = CommandBuilder::new("stty");
        cmd.arg("-a");
        let mut child = self.slave.spawn_command(cmd).expect("stty runs");
        child.wait().expect("stty ends");
        let start = Instant::now();
        loop {
            let raw = self.raw.lock().expect("raw");
            let text = String::from_utf8_lossy(&raw[before..]).to_string();
            if text.contains("icanon") {
                return text;
            }
            assert!(start.elapsed() < WAIT, "no stty output: {text}");
            drop(raw);
            thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn assert_restored(&mut self) {
        assert!(!self.alternate(), "left the alternate screen");
        let modes = self.stty();
        let words: Vec<&str> = modes.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig"] {
            assert!(words.contains(&mode), "{mode} is back on:\n{modes}");
        }
        let raw = self.raw.lock().expect("raw");
        let text = String::from_utf8_lossy(&raw);
        assert!(
            text.contains("\u{1b}[?1049l"),
            "the alternate screen was left"
        );
        assert!(text.contains("\u{1b}[?25h"), "the cursor is shown again");
    }
}
