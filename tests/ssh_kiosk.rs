//! Kiosk mode as a clinic deploys it: `ForceCommand symptom-explorer --kiosk --config F`
//! behind a real OpenSSH server (docs/deploy-ssh.md). A patient logs in, tries every way
//! out, walks away (the idle countdown and the reset), comes back, and the connection then
//! drops: no program may be left running, and nothing may have been written.
//!
//! Skipped with a loud "SKIPPED" when OpenSSH is not installed, failed instead when
//! `SYMPTOM_EXPLORER_REQUIRE_SSH=1` (as `.ci/run` sets).

#[path = "support/ssh/mod.rs"]
mod ssh;

use std::time::{Duration, Instant};

use ssh::{SshServer, openssh_installed};

/// Keys that end or suspend an ordinary program, as the terminal sends them.
const ESCAPES: &[(&str, &str)] = &[
    ("q", "q"),
    ("Esc", "\u{1b}"),
    ("Ctrl-C", "\u{3}"),
    ("Ctrl-Z", "\u{1a}"),
    ("Ctrl-\\", "\u{1c}"),
    ("Ctrl-D", "\u{4}"),
    ("F10", "\u{1b}[21~"),
    ("Alt-F4", "\u{1b}[1;3S"),
    ("the default staff code", "\u{1d}exit\r"),
    ("typed exit", "exit\r"),
];

#[test]
fn a_kiosk_login_cannot_be_left_resets_when_idle_and_leaves_nothing_behind() {
    if !openssh_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let config = dir.path().join("kiosk.ron");
    std::fs::write(
        &config,
        "(emergency_number: \"999\", kiosk: (idle_timeout_secs: 10, countdown_secs: 5, \
         staff_code: \"let-me-out\"))",
    )
    .expect("config written");
    let config = config.display().to_string();
    let server = SshServer::start(&["--kiosk", "--config", &config]);
    let mut terminal = server.login();
    terminal.wait_for(&["Press any key to start", "call 999 now"]);
    let program = server.wait_programs(1);

    terminal.send("\r");
    terminal.wait_for(&["Where does it hurt?", "start over"]);
    terminal.send("\r");
    terminal.wait_for(&["How old are you?"]);
    terminal.send("3");
    terminal.wait_for(&["30 to 39"]);

    for (name, keys) in ESCAPES {
        terminal.send(keys);
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            terminal.client_ended().is_none(),
            "{name} ended the session:\n{}",
            terminal.screen()
        );
        assert_eq!(server.program_processes(), program, "{name}");
        terminal.send("\u{1b}");
    }
    assert!(terminal.alternate(), "still in the interface");

    // The person walks away: after 10 s "Still there?", 5 s later everything starts over.
    let walked_away = Instant::now();
    terminal.wait_until("the countdown", |s| s.contains("Still there?"));
    assert!(walked_away.elapsed() >= Duration::from_secs(8));
    let screen = terminal.wait_until("the welcome screen again", |s| {
        s.contains("Press any key to start") && !s.contains("Still there?")
    });
    assert!(!screen.contains("30 to 39"), "{screen}");
    terminal.send("\r");
    let screen = terminal.wait_for(&["Where does it hurt?"]);
    assert!(
        !screen.contains("Chosen:") && !screen.contains("30 to 39"),
        "the last person's answers are gone:\n{screen}"
    );

    // The connection drops.
    terminal.kill_client();
    server.wait_no_program(Duration::from_secs(10), "after the kiosk client was killed");
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(written.len(), 1, "only the config is there: {written:?}");
}
