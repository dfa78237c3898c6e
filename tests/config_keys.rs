//! Keys rebound in the configuration, in the real interface (a pseudo-terminal read back
//! with vt100): the new keys act, the old ones no longer do, and the help overlay and the
//! status bar show the new keys.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const WAIT: Duration = Duration::from_secs(20);

#[test]
fn rebound_keys_act_and_show_in_the_help_and_the_status_bar() {
    let home = tempfile::tempdir().expect("a temporary home");
    let config = home.path().join("keys.ron");
    std::fs::write(&config, r#"(keys: {"help": ["f3"], "quit": ["f10"]})"#).expect("written");

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_symptom-explorer"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    cmd.env("XDG_CACHE_HOME", home.path().join("cache"));
    cmd.env("SYMPTOM_EXPLORER_CONFIG", &config);
    cmd.env_remove("LC_ALL");
    let mut child = pair.slave.spawn_command(cmd).expect("the binary starts");
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size above zero");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(size(30), size(100), 0)));
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let parser = Arc::clone(&screen);
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.lock().expect("parser").process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().expect("a writer");
    let mut send = |bytes: &str| {
        writer.write_all(bytes.as_bytes()).expect("sent");
        writer.flush().expect("flushed");
    };
    let contents = || screen.lock().expect("parser").screen().contents();
    let wait_for = |text: &str| {
        let start = Instant::now();
        loop {
            let now = contents();
            if now.contains(text) {
                return now;
            }
            assert!(start.elapsed() < WAIT, "no {text:?} on screen:\n{now}");
            thread::sleep(Duration::from_millis(20));
        }
    };

    // A frame may arrive in pieces: wait for its last line, the keys, too.
    wait_for("Where does it hurt?");
    let first = wait_for("F3 help");
    let status = first.lines().last().unwrap_or_default().to_string();
    assert!(status.contains("F3 help"), "status bar: {status}");
    assert!(status.contains("F10 quit"), "status bar: {status}");

    // "?" no longer opens the help; F3 does, and the help lists F3 for it.
    send("?");
    thread::sleep(Duration::from_millis(300));
    assert!(
        !contents().contains("What this is"),
        "? no longer opens the help"
    );
    send("\x1bOR");
    wait_for("What this is");
    // Page through the help to the keys that work anywhere.
    let mut pages = 0;
    let help = loop {
        let now = contents();
        if now.contains("this help: the keys") && now.contains("quit (asks first") {
            break now;
        }
        assert!(pages < 40, "no key list in the help:\n{now}");
        send("\x1b[6~");
        pages += 1;
        thread::sleep(Duration::from_millis(100));
    };
    let row = help
        .lines()
        .find(|l| l.contains("this help: the keys"))
        .expect("the help row");
    assert!(row.contains("F3") && !row.contains("F1"), "{row}");
    let quit = help
        .lines()
        .find(|l| l.contains("quit (asks first"))
        .expect("the quit row");
    assert!(quit.contains("F10"), "{quit}");

    // Esc still closes the help (its own keys are kept); then "q" does not quit, F10 does.
    send("\x1b");
    wait_for("Where does it hurt?");
    send("q");
    thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().expect("a status").is_none(),
        "q no longer quits"
    );
    send("\x1b[21~");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("a status") {
            break status;
        }
        assert!(start.elapsed() < WAIT, "F10 did not quit:\n{}", contents());
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
}
