//! End to end: the real binary in a pseudo-terminal, the screen read back with vt100.
//! A person's path: choose a region, answer a question, search "sciat", open the detail,
//! quit with `q`; then the terminal must be back out of the alternate screen and raw mode.

#[path = "support/pty.rs"]
mod pty;

use std::thread;
use std::time::Duration;

use pty::{BIN, Session};

#[test]
fn a_person_finds_and_reads_a_cause_then_quits() {
    let mut s = Session::start(80, 24, &[]);
    let first = s.wait_for(&["Where does it hurt?", "not a diagnosis", "Overall"]);
    assert!(s.alternate(), "the interface uses the alternate screen");
    assert!(first.contains("Lower back"), "{first}");

    // Choose the region under the cursor (the lower back).
    s.send("\r");
    s.wait_for(&["Question 1", "Questions · Lower back", "How old are you?"]);

    // Age and sex by number, then the emergency screen: a checklist, none of these.
    s.send("3");
    s.wait_for(&["Question 2", "Your answers", "30 to 39"]);
    s.send("2");
    s.wait_for(&["Question 3", "[Enter] Confirm", "None of these"]);
    s.send("n");
    let screen = s.wait_for(&["Question 4", "Your answers", "3. "]);
    assert!(screen.contains("· none of these"), "{screen}");

    // Search from anywhere.
    s.send("/sciat");
    let screen = s.wait_for(&["/ sciat", "Sciatica"]);
    assert!(
        screen.contains("▶ Sciatica"),
        "the best match is selected:\n{screen}"
    );

    // Open the detail.
    s.send("\r");
    s.wait_for(&[
        "Information, not a diagnosis",
        "Why it is listed",
        "Summary",
    ]);

    // With answers given, q asks first; n carries on, y quits.
    s.send("q");
    s.wait_for(&["Quit and forget your answers?"]);
    s.send("n");
    let screen = s.wait_gone("Quit and forget");
    assert!(screen.contains("Why it is listed"), "{screen}");
    s.send("q");
    s.wait_for(&["Quit and forget your answers?"]);
    s.send("y");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn resizing_redraws_for_the_new_size() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?", " Body "]);
    s.resize(120, 40);
    s.wait_for(&["symptom-explorer", "Possible causes", "Questions"]);
    s.resize(30, 10);
    s.wait_for(&["Needs 40x12, now 30x10"]);
    s.resize(80, 24);
    s.wait_for(&["Where does it hurt?", " Body "]);
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn a_huge_window_is_drawn_within_the_cap() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    // An SSH client chooses the size it reports; the program draws at most 500x200.
    s.resize_pty_only(65535, 65535);
    thread::sleep(Duration::from_millis(700));
    assert!(
        s.child.try_wait().expect("status").is_none(),
        "still running"
    );
    s.resize(80, 24);
    s.wait_for(&["Where does it hurt?", " Body "]);
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no bash: skipped");
        return;
    }
    let mut s = Session::start_shell(80, 24);
    s.wait_for(&["shell$"]);
    s.send(&format!("{BIN}\r"));
    s.wait_for(&["Where does it hurt?"]);
    // Ctrl-Z: the terminal is given back to the shell, in line mode.
    s.send("\u{1a}");
    s.wait_for(&["Stopped"]);
    assert!(!s.alternate(), "the alternate screen was left");
    s.send("fg\r");
    // The whole screen is drawn again, and keys work.
    s.wait_for(&["Where does it hurt?", " Body "]);
    assert!(s.alternate());
    s.send("q");
    s.wait_for(&["shell$"]);
    s.send("exit\r");
    s.wait_exit();
}

#[test]
fn idle_means_no_output() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    thread::sleep(Duration::from_millis(300));
    let before = s.raw.lock().expect("raw").len();
    thread::sleep(Duration::from_millis(1500));
    let after = s.raw.lock().expect("raw").len();
    assert_eq!(before, after, "nothing is written while idle");
    s.send("\u{3}"); // Ctrl-C
    assert!(s.wait_exit().success());
    s.assert_restored();
}

fn signal_restores(signal: &str, code: u32) {
    let mut s = Session::start(80, 24, &[("TERM", "linux")]);
    let screen = s.wait_for(&["Where does it hurt?"]);
    assert!(screen.is_ascii(), "TERM=linux draws in ASCII:\n{screen}");
    let pid = s.child.process_id().expect("a pid").to_string();
    let killed = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), code, "{signal}: {status:?}");
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores("TERM", 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores("HUP", 128 + 1);
}

#[test]
fn not_a_terminal_points_at_the_lookups() {
    // TERM set: with TERM dumb or unset the questions are asked line by line instead.
    let out = std::process::Command::new(BIN)
        .env("TERM", "xterm-256color")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(err.contains("symptom-explorer search"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_burst_and_a_paste_leave_the_keyboard_alive() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    // 20 KB typed at once (an SSH client's burst) into the search line.
    s.send_burst(format!("/{}", "a".repeat(20_000)).into_bytes());
    s.wait_for(&["/ aaaa"]);
    s.send("\x1b");
    s.wait_gone("/ aaaa");
    // A 20 KB paste: one event, capped, nothing else answered by its letters.
    s.send_burst(format!("\x1b[200~{}\x1b[201~", "y".repeat(20_000)).into_bytes());
    let screen = s.wait_for(&["/ yyyy"]);
    assert!(
        screen.contains("Overall: not assessed"),
        "nothing answered:\n{screen}"
    );
    s.send("\x1b");
    s.wait_gone("/ yyyy");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn ctrl_c_right_after_a_burst_quits() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    s.send_burst(format!("/{}\x03", "b".repeat(50_000)).into_bytes());
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

/// Longer than the reader waits for the rest of an unfinished sequence (one second).
const PAST_STALL: Duration = Duration::from_millis(2500);

#[test]
fn a_stray_paste_start_does_not_swallow_the_keyboard() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    // A paste that never ends: what came is a paste once nothing more arrives.
    s.send("\x1b[200~abc");
    s.wait_for(&["/ abc"]);
    s.send("\x1b");
    s.wait_gone("/ abc");
    // A start and nothing else: nothing, and the next key is a key.
    s.send("\x1b[200~");
    thread::sleep(PAST_STALL);
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn a_partial_escape_sequence_does_not_swallow_the_keyboard() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    // Given up on once nothing follows.
    s.send("\x1b[1;");
    thread::sleep(PAST_STALL);
    s.send("/x");
    s.wait_for(&["/ x"]);
    // Ended at once by a byte that cannot be part of it: Ctrl-C quits.
    s.send("\x1b[1;\x03");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn a_burst_of_arrow_keys_is_read_whole_and_ctrl_c_still_quits() {
    let mut s = Session::start(80, 24, &[]);
    s.wait_for(&["Where does it hurt?"]);
    // 30 KB of Down keys: sequences cut across the writer's pieces and the reads.
    s.send_burst(format!("{}\x03", "\x1b[B".repeat(10_000)).into_bytes());
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

#[test]
fn web_addresses_are_hyperlinks() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_for(&["Where does it hurt?"]);
    s.send("/sciatica\r");
    s.wait_for(&["Why it is listed"]);
    s.send("G");
    s.wait_for(&["https://"]);
    let raw = String::from_utf8_lossy(&s.raw.lock().expect("raw")).to_string();
    assert!(
        raw.contains("\x1b]8;;https://"),
        "an OSC 8 hyperlink was written"
    );
    s.send("\x03");
    s.wait_exit();
    s.assert_restored();
}
