//! The configuration through the real binary: where the file is found (`--config`,
//! `SYMPTOM_EXPLORER_CONFIG`, the platform's directory under a temporary home), the
//! `config` subcommand, a broken file in normal and in kiosk mode, the words it fills
//! into advice, content packs, and that nothing is written in kiosk mode.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// A home of its own for each test: nothing from the machine's real configuration.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temporary home"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Where the platform's configuration file is under this home.
    fn platform_file(&self) -> PathBuf {
        self.path().join("config/symptom-explorer/config.ron")
    }

    fn cache(&self) -> PathBuf {
        self.path().join("cache")
    }

    /// A file in this home with this text.
    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("a directory");
        }
        fs::write(&path, text).expect("written");
        path
    }

    fn bin(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_symptom-explorer"));
        cmd.env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_CACHE_HOME", self.cache())
            .env_remove("SYMPTOM_EXPLORER_CONFIG")
            .env_remove("SYMPTOM_EXPLORER_NO_STAMPS")
            .env_remove("NO_COLOR");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.bin().args(args).output().expect("the binary runs")
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn small_graph() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli-small.ron")
        .display()
        .to_string()
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn config_path_takes_the_flag_then_the_environment_then_the_platform() {
    let home = Home::new();
    let out = home.run(&["config", "path"]);
    assert!(out.status.success());
    let platform = home.platform_file();
    assert_eq!(
        stdout(&out),
        format!(
            "{} (does not exist: the defaults are used; the usual place for this platform)\n",
            platform.display()
        )
    );
    assert!(
        !platform.exists(),
        "reading the configuration wrote nothing"
    );

    home.write("config/symptom-explorer/config.ron", "()");
    let out = home.run(&["config", "path"]);
    assert!(stdout(&out).starts_with(&format!("{} (exists;", platform.display())));

    let from_env = home.write("env.ron", "()");
    let out = home
        .bin()
        .env("SYMPTOM_EXPLORER_CONFIG", &from_env)
        .args(["config", "path"])
        .output()
        .expect("runs");
    assert_eq!(
        stdout(&out),
        format!(
            "{} (exists; from SYMPTOM_EXPLORER_CONFIG)\n",
            from_env.display()
        )
    );

    let flag = home.path().join("flag.ron");
    let out = home
        .bin()
        .env("SYMPTOM_EXPLORER_CONFIG", &from_env)
        .args(["--config", text(&flag), "config", "path"])
        .output()
        .expect("runs");
    assert!(
        stdout(&out).starts_with(&format!("{} (does not exist", flag.display())),
        "{}",
        stdout(&out)
    );
}

#[test]
fn config_default_has_a_comment_on_every_setting_and_parses_back() {
    let home = Home::new();
    let out = home.run(&["config", "default"]);
    assert!(out.status.success());
    let default = stdout(&out);
    let lines: Vec<&str> = default.lines().map(str::trim).collect();
    let mut settings = 0;
    for (i, line) in lines.iter().enumerate() {
        let is_setting = line.split_once(':').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        });
        if is_setting && !line.starts_with("//") {
            settings += 1;
            assert!(
                i > 0 && lines[i - 1].starts_with("//"),
                "no comment above {line}"
            );
        }
    }
    assert!(settings >= 15, "{settings} settings");

    let file = home.write("default.ron", &default);
    let out = home.run(&["config", "check", text(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{}: the configuration is valid\n", file.display())
    );
}

#[test]
fn config_check_reports_each_problem_at_its_place() {
    let home = Home::new();
    let cases = [
        (
            "(\n    theme: \"default\"\n    mouse: false,\n)\n",
            ":3:5: error: ",
        ),
        (
            "(\n  thme: \"monochrome\",\n)\n",
            ":2:3: error: unknown setting \"thme\" (did you mean \"theme\"?)",
        ),
        (
            "(theme: \"hi-contrast\")",
            ":1:9: error: unknown theme \"hi-contrast\" (did you mean \"high-contrast\"?)",
        ),
        (
            "(ascii: \"yes\")",
            ":1:9: error: unknown ascii choice \"yes\" (it is one of auto, on, off)",
        ),
        (
            "(kiosk: (staff_exit: \"ctrl-entr\"))",
            ":1:22: error: unknown key \"ctrl-entr\" (did you mean \"enter\"?)",
        ),
        (
            "(kiosk: (staff_exit: \"esc\"))",
            ":1:10: error: the staff exit \"esc\" is a key a patient uses",
        ),
        (
            "(keys: {\"search\": [\"?\"]})",
            ":1:9: error: the key \"?\" for \"search\" is already this help",
        ),
        (
            "(keys: {\"hlep\": [\"f2\"]})",
            ":1:9: error: unknown action \"hlep\" in keys (did you mean \"help\"?)",
        ),
        (
            "(keys: {\"help\": [\"f22\"]})",
            ":1:18: error: unknown key \"f22\"",
        ),
        (
            "(\n  kiosk: (\n    idle_timeout_secs: 4000,\n  ),\n)",
            ":3:5: error: the kiosk idle timeout is 4000 seconds; it must be 10 to 3600",
        ),
    ];
    for (config, expected) in cases {
        let file = home.write("broken.ron", config);
        let out = home.run(&["config", "check", text(&file)]);
        assert_eq!(out.status.code(), Some(1), "{config}");
        let err = stderr(&out);
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("{}{expected}", file.display())),
            "{config}: {err}"
        );
        assert!(
            err.ends_with("error: the configuration is invalid: 1 error\n"),
            "{err}"
        );
        assert!(stdout(&out).is_empty());

        // In normal use: one warning line at the same place, and the defaults.
        let graph = small_graph();
        let normal = home.run(&["--config", text(&file), "--graph", &graph, "regions"]);
        assert!(normal.status.success(), "{config}");
        let warning = stderr(&normal);
        let place = first.split(": error: ").next().unwrap_or_default();
        assert_eq!(warning.lines().count(), 1, "{warning}");
        assert!(
            warning.starts_with(&format!("{place}: warning: ")),
            "{warning}"
        );
        assert!(stdout(&normal).contains("Trunk"));

        // In kiosk mode: every problem, and no start.
        let kiosk = home.run(&[
            "--config",
            text(&file),
            "--kiosk",
            "--graph",
            &graph,
            "regions",
        ]);
        assert_eq!(kiosk.status.code(), Some(1), "{config}");
        assert!(stderr(&kiosk).starts_with(first), "{}", stderr(&kiosk));
        assert!(stderr(&kiosk).contains("kiosk mode does not start"));
        assert!(stdout(&kiosk).is_empty());
    }
}

#[test]
fn config_check_without_a_file_checks_the_one_in_use() {
    let home = Home::new();
    let out = home.run(&["config", "check"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("no such file: the defaults are used"));

    let file = home.write("config/symptom-explorer/config.ron", "(colour: \"never\")");
    let out = home.run(&["config", "check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(&format!(
            "{}:1:2: error: unknown setting \"colour\" (did you mean \"color\"?)",
            file.display()
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_configuration_is_one_warning_and_the_defaults() {
    let home = Home::new();
    let bad = home.write(
        "bad.ron",
        "(\n  emergency_number: \"999\",\n  thme: \"x\",\n)",
    );
    let graph = small_graph();
    let out = home.run(&[
        "--config",
        text(&bad),
        "--graph",
        &graph,
        "show",
        "squashed",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "{}:3:3: warning: unknown setting \"thme\" (did you mean \"theme\"?)",
            bad.display()
        )),
        "{err}"
    );
    let shown = stdout(&out);
    assert!(
        shown.contains("Call your local emergency number."),
        "{shown}"
    );
    assert!(!shown.contains("999"), "nothing of a broken file is used");
}

#[test]
fn kiosk_mode_refuses_to_start_on_a_broken_configuration() {
    let home = Home::new();
    let bad = home.write("bad.ron", "(thme: \"x\")");
    // No terminal here: the refusal comes before the interface looks for one.
    let out = home.run(&["--config", text(&bad), "--kiosk"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unknown setting \"thme\""), "{err}");
    assert!(err.contains("kiosk mode does not start"), "{err}");
    assert!(!err.contains("needs a terminal"), "{err}");

    // Kiosk mode asked for by the file itself, with a value out of range.
    let file = home.write(
        "config/symptom-explorer/config.ron",
        "(kiosk: (enabled: true, countdown_secs: 2))",
    );
    let out = home.run(&["show", "sciatica"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(&format!(
            "{}:1:25: error: the kiosk countdown is 2 seconds; it must be 5 to 300",
            file.display()
        )),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    // The same file with a syntax error still asks for a kiosk: refused too.
    home.write(
        "config/symptom-explorer/config.ron",
        "(kiosk: (enabled: true,, ))",
    );
    let out = home.run(&["show", "sciatica"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    // A good kiosk configuration gets as far as the terminal check.
    home.write(
        "config/symptom-explorer/config.ron",
        "(kiosk: (enabled: true))",
    );
    let out = home.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a terminal"));
}

#[test]
fn the_words_for_local_services_fill_the_advice() {
    let home = Home::new();
    let graph = small_graph();
    let config = home.write(
        "clinic.ron",
        "(emergency_number: \"112\", local_services: (urgent_care: \"the walk-in centre\"))",
    );
    let out = home
        .bin()
        .env("SYMPTOM_EXPLORER_CONFIG", &config)
        .args(["--graph", &graph, "show", "squashed"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Call 112."), "{}", stdout(&out));
    assert!(stderr(&out).is_empty());

    // The bundled content names the services in its advice: with the defaults in the
    // words it was written with, with a clinic's configuration in the clinic's words.
    let words = |o: &Output| stdout(o).split_whitespace().collect::<Vec<_>>().join(" ");
    let before = words(&home.run(&["show", "kidney-infection"]));
    assert!(before.contains("urgent GP appointment or an urgent care or out-of-hours"));
    let out = home.run(&["--config", text(&config), "show", "kidney-infection"]);
    let after = words(&out);
    assert!(
        after.contains("urgent GP appointment or the walk-in centre"),
        "{after}"
    );
    assert!(!after.contains("out-of-hours service"), "{after}");
    assert!(!after.contains("{urgent_care}") && !after.contains("{emergency_number}"));
    let json = stdout(&home.run(&[
        "--config",
        text(&config),
        "--json",
        "show",
        "kidney-infection",
    ]));
    assert!(json.contains("the walk-in centre") && !json.contains("{urgent_care}"));
}

#[test]
fn a_pack_adds_causes_to_the_graph() {
    let home = Home::new();
    let graph = small_graph();
    let pack = home.write(
        "packs/bruise.ron",
        r#"// One more cause, for the small test graph.
Graph(
    causes: [
        Cause(
            id: "bruised", name: "Bruised back", gloss: "a knock to the muscles", prevalence: Common,
            prior: Prior(percent: 10.0, basis: "Knocks are common.", sources: ["src-one"]),
            regions: ["low"],
            findings: [("stiff", Typical), ("lifted", Sometimes), ("limb-pain", Against)],
            triage: "self-care",
            summary: "A bruise.", feels: "Sore to touch.",
            seek_help: "Use {urgent_care} if it is no better, or call {emergency_number} if numb.",
            diagnosis: "Looking at it.", treatment: "Ice.", prevention: "Mind the door.",
            sources: ["src-one"],
        ),
    ],
)
"#,
    );
    let without = home.run(&["--graph", &graph, "causes"]);
    assert!(!stdout(&without).contains("bruised"));

    let with = home.run(&["--graph", &graph, "--pack", text(&pack), "causes"]);
    assert!(with.status.success(), "{}", stderr(&with));
    assert!(stdout(&with).contains("bruised"), "{}", stdout(&with));

    // A directory is every *.ron in it; the configuration's packs are taken from the
    // file's own directory.
    let config = home.write(
        "config/symptom-explorer/config.ron",
        "(packs: [\"../../packs\"])",
    );
    let out = home.run(&["--graph", &graph, "show", "bruised"]);
    assert!(
        out.status.success(),
        "{} {}",
        config.display(),
        stderr(&out)
    );
    assert!(stdout(&out).contains("Use an urgent care or out-of-hours service if it is no better"));

    // A pack is checked like any graph file.
    let broken = home.write("broken-pack.ron", "Graph(causes: [Cause(id: \"x\")])");
    let out = home.run(&["--graph", &graph, "--pack", text(&broken), "causes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("{}:", broken.display())));
}

#[test]
fn without_a_home_the_defaults_are_used_quietly() {
    let home = Home::new();
    let graph = small_graph();
    let out = home
        .bin()
        .env_remove("HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .args(["--graph", &graph, "show", "squashed"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Call your local emergency number."));

    let out = home
        .bin()
        .env_remove("HOME")
        .env_remove("XDG_CONFIG_HOME")
        .args(["config", "path"])
        .output()
        .expect("runs");
    assert!(out.status.success());
}

#[cfg(unix)]
#[test]
fn an_unreadable_home_is_the_defaults_without_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let config = home.path().join("config");
    fs::create_dir_all(config.join("symptom-explorer")).expect("made");
    fs::set_permissions(&config, fs::Permissions::from_mode(0o000)).expect("locked");
    let out = home.run(&["--graph", &small_graph(), "regions"]);
    fs::set_permissions(&config, fs::Permissions::from_mode(0o755)).expect("unlocked");
    assert!(out.status.success());
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// The stamps in the cache directory.
/// The check stamps in the cache (`checked/`; the parsed graphs kept beside them are in
/// `parsed/`).
fn stamps(home: &Home) -> usize {
    fs::read_dir(home.cache().join("symptom-explorer/checked")).map_or(0, Iterator::count)
}

/// Everything the program keeps in its cache directory, stamps and parsed graphs alike.
fn cached(home: &Home) -> usize {
    let dir = home.cache().join("symptom-explorer");
    ["checked", "parsed"]
        .iter()
        .map(|sub| fs::read_dir(dir.join(sub)).map_or(0, Iterator::count))
        .sum()
}

#[test]
fn kiosk_mode_writes_no_stamp() {
    let home = Home::new();
    let graph = small_graph();
    let out = home.run(&["--kiosk", "--graph", &graph, "regions"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cached(&home), 0, "nothing written in kiosk mode");

    home.write(
        "config/symptom-explorer/config.ron",
        "(kiosk: (enabled: true))",
    );
    let out = home.run(&["--graph", &graph, "regions"]);
    assert!(out.status.success());
    assert_eq!(cached(&home), 0, "nor when the file turns kiosk mode on");

    fs::remove_file(home.platform_file()).expect("removed");
    let out = home.run(&["--graph", &graph, "regions"]);
    assert!(out.status.success());
    assert_eq!(stamps(&home), 1, "a normal run stamps what it checked");
}
