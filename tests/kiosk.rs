//! Kiosk mode end to end: the real binary in a pseudo-terminal, as a patient at a shared
//! terminal would meet it. Every escape a person could type, and nothing written anywhere.

#[path = "support/pty.rs"]
mod pty;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use pty::Session;

/// What a person can type that leaves an ordinary program: each is sent on its own.
const ESCAPES: &[(&str, &str)] = &[
    ("q", "q"),
    ("Q", "Q"),
    ("Esc", "\u{1b}"),
    ("Ctrl-C", "\u{3}"),
    ("Ctrl-Z", "\u{1a}"),
    ("Ctrl-\\", "\u{1c}"),
    ("Ctrl-D", "\u{4}"),
    ("Ctrl-Q", "\u{11}"),
    ("Ctrl-S", "\u{13}"),
    ("Ctrl-X", "\u{18}"),
    ("Ctrl-@", "\u{0}"),
    ("Alt-q", "\u{1b}q"),
    ("Alt-x", "\u{1b}x"),
    ("F1", "\u{1b}OP"),
    ("F4", "\u{1b}OS"),
    ("F5", "\u{1b}[15~"),
    ("F10", "\u{1b}[21~"),
    ("F12", "\u{1b}[24~"),
    ("Shift-F10", "\u{1b}[21;2~"),
    ("Ctrl-F4", "\u{1b}[1;5S"),
    ("Insert", "\u{1b}[2~"),
    ("a pasted exit", "\u{1b}[200~exit\r\u{1b}[201~"),
    ("a pasted q", "\u{1b}[200~q\u{1b}[201~"),
    ("typed exit", "exit\r"),
    ("typed :q!", ":q!\r"),
    ("a half sequence", "\u{1b}["),
    ("the staff code without the chord", "exit\r"),
];

/// Every file under a directory with its size and modification time.
fn tree(dir: &Path) -> BTreeMap<String, (u64, Option<std::time::SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(path.clone());
            }
            out.insert(
                path.display().to_string(),
                (meta.len(), meta.modified().ok()),
            );
        }
    }
    out
}

fn env_for(home: &Path) -> Vec<(String, String)> {
    let p = |sub: &str| home.join(sub).display().to_string();
    vec![
        ("HOME".into(), home.display().to_string()),
        ("XDG_CONFIG_HOME".into(), p(".config")),
        ("XDG_CACHE_HOME".into(), p(".cache")),
        ("XDG_DATA_HOME".into(), p(".local/share")),
        ("XDG_STATE_HOME".into(), p(".local/state")),
        ("TMPDIR".into(), p("tmp")),
    ]
}

/// A home with the usual directories, where a program would write if it wrote anything.
fn make_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("a temp home");
    for sub in [".config", ".cache", ".local/share", ".local/state", "tmp"] {
        std::fs::create_dir_all(home.path().join(sub)).expect("dirs");
    }
    home
}

fn start_kiosk(home: &Path) -> Session {
    let env = env_for(home);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Session::start_in(home, &["--kiosk"], 80, 24, &env)
}

#[test]
fn no_escape_leaves_the_kiosk_and_only_the_staff_exit_quits() {
    let home = make_home();
    let before = tree(home.path());
    let mut s = start_kiosk(home.path());
    s.wait_for(&["Press any key to start", "does not diagnose"]);
    s.send("\r");
    s.wait_for(&["Where does it hurt?", "start over"]);
    // A person's session: a region, answers, a search.
    s.send("\r");
    s.wait_for(&["How old are you?"]);
    s.send("3");
    s.wait_for(&["30 to 39"]);
    for (name, bytes) in ESCAPES {
        s.send(bytes);
        // Give it time to act on the key (and to exit, if it wrongly would).
        std::thread::sleep(Duration::from_millis(150));
        assert!(s.running(), "{name} ended the kiosk:\n{}", s.screen());
        assert!(s.alternate(), "{name} left the interface:\n{}", s.screen());
        // Close whatever the key opened (help, search), as a person would.
        s.send("\u{1b}");
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.running(), "the kiosk ended:\n{}", s.screen());
    let screen = s.screen();
    assert!(!screen.contains("shell$"), "{screen}");

    // The staff exit: a wrong code keeps it running, the right one quits.
    s.send("\u{1d}");
    s.wait_for(&["Staff code"]);
    s.send("exot\r");
    s.wait_gone("Staff code");
    std::thread::sleep(Duration::from_millis(200));
    assert!(s.running(), "a wrong code quit");
    s.send("\u{1d}");
    s.wait_for(&["Staff code"]);
    s.send("exit\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();

    let after = tree(home.path());
    assert_eq!(before, after, "a kiosk session wrote files");
}

#[test]
fn ctrl_r_starts_over_for_the_next_person() {
    let home = make_home();
    let mut s = start_kiosk(home.path());
    s.wait_for(&["Press any key to start"]);
    s.send("\r");
    s.wait_for(&["Where does it hurt?"]);
    s.send("/sciat");
    s.wait_for(&["Sciatica", "/ sciat"]);
    s.send("\u{12}"); // Ctrl-R
    let screen = s.wait_for(&["Press any key to start"]);
    assert!(!screen.contains("sciat"), "{screen}");
    s.send("\r");
    let screen = s.wait_for(&["Where does it hurt?"]);
    assert!(
        !screen.contains("sciat"),
        "the search is forgotten:\n{screen}"
    );
    assert!(!screen.contains("Chosen:"), "{screen}");
    s.send("\u{1d}exit\r");
    assert!(s.wait_exit().success());
}
