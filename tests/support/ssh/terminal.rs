//! The person's side of an SSH login: the `ssh` client running in a pseudo-terminal
//! (portable-pty), with what it shows read back through a vt100 screen model.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::processes;

/// How long any wait for the screen or a process lasts before the test fails: generous,
/// for a loaded machine with two cores.
pub const WAIT: Duration = Duration::from_secs(20);

/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(30);

/// A terminal window with `ssh` running in it.
pub struct SshTerminal {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the terminal received.
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set to make the reading thread stop after its next read.
    stop_reading: Arc<AtomicBool>,
    reading: Option<JoinHandle<()>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    client: Box<dyn Child + Send + Sync>,
    client_status: Option<ExitStatus>,
    /// The server's log, shown when a wait fails.
    server_log: Option<PathBuf>,
}

fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size above zero")
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl SshTerminal {
    /// Run `command` (the `ssh` client) in a new terminal of `cols` x `rows`.
    pub fn open(command: CommandBuilder, cols: u16, rows: u16) -> SshTerminal {
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("a pty");
        let client = pair.slave.spawn_command(command).expect("ssh starts");
        // Only the client holds the terminal's own side, so closing ours hangs it up.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let (p, r, stop) = (
            Arc::clone(&parser),
            Arc::clone(&raw),
            Arc::clone(&stop_reading),
        );
        let reading = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
                if stop.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().expect("a writer");
        SshTerminal {
            parser,
            raw,
            stop_reading,
            reading: Some(reading),
            writer: Some(writer),
            master: Some(pair.master),
            client,
            client_status: None,
            server_log: None,
        }
    }

    /// Show this log (the server's) beside the screen when a wait fails.
    pub fn with_server_log(mut self, log: PathBuf) -> SshTerminal {
        self.server_log = Some(log);
        self
    }

    /// The server's log, for a failure message.
    fn server_log(&self) -> String {
        self.server_log.as_ref().map_or_else(String::new, |path| {
            format!(
                "\nthe server's log:\n{}",
                std::fs::read_to_string(path).unwrap_or_default()
            )
        })
    }

    /// The text on the screen now.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Whether the screen is the alternate one (a full-screen program is running).
    pub fn alternate(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    /// How many bytes the terminal has received so far.
    pub fn received(&self) -> usize {
        self.raw.lock().expect("raw").len()
    }

    /// Wait until the screen satisfies `ready`; the screen then. Fails the test with the
    /// screen and `what` after [`WAIT`].
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {what}; the screen shows:\n{screen}{}",
                self.server_log()
            );
            thread::sleep(POLL);
        }
    }

    /// Wait until every text is on the screen; the screen then.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |screen| {
            texts.iter().all(|t| screen.contains(t))
        })
    }

    /// Wait until a text has gone from the screen; the screen then.
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text))
    }

    /// Type: the bytes go to `ssh`, which sends them to the program.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush keys");
    }

    /// Resize the window: `ssh` gets SIGWINCH and sends the new size to the server, which
    /// resizes the session's terminal, and the program gets its own SIGWINCH.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(size(rows), size(cols));
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(pty_size(cols, rows))
            .expect("resize");
    }

    /// The `ssh` client's process id.
    pub fn client_pid(&self) -> u32 {
        self.client.process_id().expect("ssh has a pid")
    }

    /// The client's exit status once it has ended, without waiting.
    pub fn client_ended(&mut self) -> Option<ExitStatus> {
        if self.client_status.is_none() {
            self.client_status = self.client.try_wait().expect("the client's status");
        }
        self.client_status.clone()
    }

    /// Wait for the `ssh` client to end; its exit status (the remote command's, when the
    /// session ended normally). The screen has every byte written before it ended.
    pub fn wait_client_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.client_ended() {
                self.finish_reading();
                return status;
            }
            assert!(
                start.elapsed() < WAIT,
                "ssh did not exit; the screen shows:\n{}{}",
                self.screen(),
                self.server_log()
            );
            thread::sleep(POLL);
        }
    }

    /// Wait (within [`WAIT`]) for the reading thread to have taken in everything.
    fn finish_reading(&mut self) {
        let start = Instant::now();
        while self.reading.as_ref().is_some_and(|r| !r.is_finished()) && start.elapsed() < WAIT {
            thread::sleep(POLL);
        }
        if let Some(reading) = self.reading.take_if(|r| r.is_finished()) {
            reading.join().expect("the reading thread ended");
        }
    }

    /// The network drops the person: the `ssh` client is killed with SIGKILL, so it says
    /// nothing to the server, which only sees the connection close.
    pub fn kill_client(&mut self) {
        assert!(
            processes::kill(self.client_pid()),
            "kill -KILL of the ssh client"
        );
        self.wait_client_exit();
    }

    /// The client freezes (SIGSTOP): its connection stays open, but it answers nothing, as
    /// when a network goes away without a word. It is killed when the terminal is dropped.
    pub fn freeze_client(&mut self) {
        let frozen = std::process::Command::new("kill")
            .args(["-STOP", &self.client_pid().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        assert!(frozen, "kill -STOP of the ssh client");
    }

    /// The person closes the terminal window: the terminal's side held by the window
    /// (the pty master) is closed, so the kernel hangs up `ssh`'s side and sends it SIGHUP.
    ///
    /// Every copy of the master must be closed, the reading thread's too, and that thread
    /// is blocked reading while the program is idle (it draws nothing then). So it is told to
    /// stop after its next read, and a resize makes the program draw once more.
    pub fn close_window(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        let (cols, rows) = {
            let parser = self.parser.lock().expect("parser");
            let (rows, cols) = parser.screen().size();
            (cols.get(), rows.get())
        };
        let start = Instant::now();
        let mut wider = cols;
        while self.reading.as_ref().is_some_and(|r| !r.is_finished()) {
            assert!(start.elapsed() < WAIT, "the reading thread did not stop");
            wider = if wider == cols { cols + 1 } else { cols };
            self.resize(wider, rows);
            thread::sleep(Duration::from_millis(200));
        }
        if let Some(reading) = self.reading.take() {
            reading.join().expect("the reading thread ended");
        }
        // The writer writes a newline and the end-of-file character as it goes
        // (portable-pty does so for a shell in line mode); `ssh` may pass them on before it
        // notices the hang-up, which is what a real window's last keys could do as well.
        self.writer = None;
        self.master = None;
    }
}

impl Drop for SshTerminal {
    /// A test that failed half-way leaves no `ssh` client running.
    fn drop(&mut self) {
        if self.client_ended().is_none() {
            processes::kill(self.client_pid());
            let _ = self.client.wait();
        }
    }
}
