//! What a test's OpenSSH server needs before it starts: OpenSSH itself (or a loud skip),
//! the privilege separation directory, a free port, and its configuration, whose `Match
//! User` block turns off what a clinic's server turns off (docs/deploy-ssh.md).

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The OpenSSH server.
pub const SSHD: &str = "/usr/sbin/sshd";

/// Set to 1 (as `.ci/run` does) and a missing OpenSSH fails the tests instead of skipping them.
pub const REQUIRE_SSH: &str = "SYMPTOM_EXPLORER_REQUIRE_SSH";

/// What the `Match User` block turns off for the program's user, besides `ForceCommand`:
/// the same lines as in docs/deploy-ssh.md (a test checks that they are all there).
pub const RESTRICTIONS: &[&str] = &[
    "PermitTTY yes",
    "DisableForwarding yes",
    "AllowTcpForwarding no",
    "AllowStreamLocalForwarding no",
    "AllowAgentForwarding no",
    "X11Forwarding no",
    "PermitTunnel no",
    "PermitUserRC no",
    "PermitListen none",
    "PermitOpen none",
    "GatewayPorts no",
    "MaxSessions 1",
];

/// Whether `ssh`, `ssh-keygen` and `sshd` are here. When they are not, a loud SKIPPED is
/// printed and the test should return, unless [`REQUIRE_SSH`] is 1: then the test fails.
pub fn openssh_installed() -> bool {
    let client = |tool: &str| {
        Command::new(tool)
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let mut missing = Vec::new();
    if !Path::new(SSHD).is_file() {
        missing.push(SSHD);
    }
    if !client("ssh") {
        missing.push("ssh");
    }
    if Command::new("ssh-keygen").arg("-?").output().is_err() {
        missing.push("ssh-keygen");
    }
    if missing.is_empty() {
        return true;
    }
    let missing = missing.join(", ");
    assert!(
        std::env::var(REQUIRE_SSH).as_deref() != Ok("1"),
        "openssh is not installed ({missing} missing) and {REQUIRE_SSH}=1 requires it: \
         apt-get install openssh-server openssh-client"
    );
    // Written to the standard error itself, not through `eprintln!`, which the test harness
    // captures and shows only for a failing test: a skip must be seen.
    let _ = writeln!(
        std::io::stderr(),
        "\n**********\nSKIPPED: openssh not installed ({missing} missing); \
         set {REQUIRE_SSH}=1 to make this a failure\n**********"
    );
    false
}

/// The output of a command that must succeed.
pub fn output_of(command: &mut Command) -> String {
    let out = command.output().expect("the command runs");
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// As root, sshd wants its privilege separation directory, which Debian creates only when
/// the system's own sshd starts: create it if it is missing.
pub fn prepare_privilege_separation() {
    if output_of(Command::new("id").arg("-u")) == "0" {
        fs::create_dir_all("/run/sshd").expect("/run/sshd");
    }
}

/// Quote a word for the shell that `sshd` runs the forced command with.
pub fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// A port on 127.0.0.1 that nothing listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The server's whole configuration.
pub fn sshd_config(root: &Path, port: u16, user: &str, command: &str) -> String {
    let path = |name: &str| -> PathBuf { root.join(name) };
    let mut config = String::new();
    let mut line = |text: &str| {
        let _ = writeln!(config, "{text}");
    };
    line(&format!("ListenAddress 127.0.0.1:{port}"));
    line(&format!("HostKey {}", path("host_key").display()));
    line(&format!("PidFile {}", path("sshd.pid").display()));
    line(&format!(
        "AuthorizedKeysFile {}",
        path("authorized_keys").display()
    ));
    for fixed in [
        "UsePAM no",
        "StrictModes no",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password",
        "AcceptEnv LANG LC_*",
        "ClientAliveInterval 15",
        "ClientAliveCountMax 4",
        "PrintMotd no",
        "PrintLastLog no",
        "UseDNS no",
        "LogLevel VERBOSE",
    ] {
        line(fixed);
    }
    line(&format!("Match User {user}"));
    line(&format!("    ForceCommand {command}"));
    // The program's own files go to the test's directory, not the user's home.
    line(&format!(
        "    SetEnv XDG_CONFIG_HOME={} XDG_CACHE_HOME={}",
        path("config").display(),
        path("cache").display()
    ));
    for restriction in RESTRICTIONS {
        line(&format!("    {restriction}"));
    }
    config
}
