//! A real OpenSSH server for one test: `sshd` on 127.0.0.1 on a free port, with a throwaway
//! host key, user key and configuration in a temporary directory, and a `Match User` block
//! whose `ForceCommand` runs the program under test, as a clinic's server would.
//!
//! The user is the one running the test: `sshd` run by root can log in anyone, but run by
//! anyone else it can only log in that user, so this works both ways without creating users.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fs;
use std::net::{SocketAddr, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use tempfile::TempDir;

use super::processes;
use super::setup::{
    SSHD, free_port, output_of, prepare_privilege_separation, shell_quote, sshd_config,
};
use super::terminal::{SshTerminal, WAIT};

/// The program under test, as `ForceCommand` runs it.
pub const PROGRAM: &str = env!("CARGO_BIN_EXE_symptom-explorer");

/// A running `sshd`. Dropping it ends every process of its sessions, then the server.
pub struct SshServer {
    dir: TempDir,
    sshd: Child,
    port: u16,
    user: String,
    /// Every program process of this server seen so far: one that is exiting has no
    /// `/proc/PID/exe` any more, yet still runs, so it is watched by its id as well.
    seen: RefCell<BTreeSet<u32>>,
}

impl SshServer {
    /// Start a server whose `ForceCommand` runs the program with `args` (for example
    /// `["--kiosk", "--config", FILE]`) for the user running the test, and wait until it
    /// accepts connections.
    pub fn start(args: &[&str]) -> SshServer {
        SshServer::start_with(args, &[])
    }

    /// The same with more lines of server configuration, such as
    /// `["ClientAliveInterval 1"]`. They come first in the file, and for most settings sshd
    /// keeps the first value it reads, so they win over the harness's own.
    pub fn start_with(args: &[&str], settings: &[&str]) -> SshServer {
        SshServer::launch(&output_of(Command::new("id").arg("-un")), args, settings)
    }

    /// The same for another user who exists already (only root's sshd can log them in):
    /// the test's directory is then opened for reading, for their authorized keys.
    pub fn start_for(user: &str, args: &[&str]) -> SshServer {
        SshServer::launch(user, args, &[])
    }

    fn launch(user: &str, args: &[&str], settings: &[&str]) -> SshServer {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let root = dir.path();
        let user = user.to_string();
        if user != output_of(Command::new("id").arg("-un")) {
            fs::set_permissions(root, fs::Permissions::from_mode(0o755))
                .expect("the test's directory opened for reading");
        }
        prepare_privilege_separation();
        for key in ["host_key", "user_key"] {
            output_of(Command::new("ssh-keygen").args([
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                key,
                "-f",
                root.join(key).to_str().expect("a UTF-8 path"),
            ]));
        }
        fs::copy(root.join("user_key.pub"), root.join("authorized_keys")).expect("authorized_keys");
        for sub in ["config", "cache"] {
            fs::create_dir_all(root.join(sub)).expect("a directory for the program");
        }
        let mut command = format!("exec {}", shell_quote(PROGRAM));
        for arg in args {
            command.push(' ');
            command.push_str(&shell_quote(arg));
        }
        // A port taken between choosing it and sshd binding it: try another.
        for _ in 0..5 {
            let port = free_port();
            let mut config = settings.join("\n") + "\n";
            config.push_str(&sshd_config(root, port, &user, &command));
            if std::env::var("SSH_USE_PAM").as_deref() == Ok("1") {
                config = config.replace("UsePAM no", "UsePAM yes");
            }
            fs::write(root.join("sshd_config"), config).expect("sshd_config");
            match spawn_sshd(root, port) {
                Ok(sshd) => {
                    return SshServer {
                        dir,
                        sshd,
                        port,
                        user,
                        seen: RefCell::default(),
                    };
                }
                Err(log) if log.contains("Address already in use") => {}
                Err(log) => panic!("sshd did not start:\n{log}"),
            }
        }
        panic!("no free port for sshd after five tries");
    }

    /// The server's process id (the listener; each connection is a process below it).
    pub fn pid(&self) -> u32 {
        self.sshd.id()
    }

    /// The server's log so far (`LogLevel VERBOSE`).
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// Log in with the usual terminal: 80x24, `TERM=xterm-256color`, a UTF-8 locale.
    pub fn login(&self) -> SshTerminal {
        self.login_with(&Login::default())
    }

    /// The options every `ssh` of these tests uses: the throwaway key, this server's port,
    /// no user configuration, known hosts or agent, and never a question.
    fn client_options(&self) -> Vec<String> {
        let mut options = vec![
            "-i".to_string(),
            self.dir.path().join("user_key").display().to_string(),
            "-p".to_string(),
            self.port.to_string(),
            "-F".to_string(),
            "/dev/null".to_string(),
        ];
        for option in [
            "StrictHostKeyChecking=no",
            "UserKnownHostsFile=/dev/null",
            "BatchMode=yes",
            "IdentitiesOnly=yes",
        ] {
            options.push("-o".to_string());
            options.push(option.to_string());
        }
        options
    }

    /// Run `ssh` without a terminal (`-T`), with `extra` options and then a remote command;
    /// what it printed and its exit status.
    pub fn run_without_terminal(&self, extra: &[&str], remote: &str) -> Output {
        Command::new("ssh")
            .arg("-T")
            .args(self.client_options())
            .args(extra)
            .arg(format!("{}@127.0.0.1", self.user))
            .arg(remote)
            .env_remove("SSH_AUTH_SOCK")
            .stdin(Stdio::null())
            .output()
            .expect("ssh runs")
    }

    /// Log in: `ssh -tt` in a new pseudo-terminal, as a person would from their terminal.
    pub fn login_with(&self, login: &Login) -> SshTerminal {
        let mut ssh = CommandBuilder::new("ssh");
        ssh.arg("-tt");
        ssh.args(self.client_options());
        for name in &login.send_env {
            ssh.args(["-o", &format!("SendEnv={name}")]);
        }
        ssh.arg(format!("{}@127.0.0.1", self.user));
        ssh.env_remove("SSH_AUTH_SOCK");
        ssh.env_remove("NO_COLOR");
        ssh.env_remove("LC_ALL");
        for (key, value) in &login.env {
            ssh.env(key, value);
        }
        SshTerminal::open(ssh, login.cols, login.rows)
            .with_server_log(self.dir.path().join("sshd.log"))
    }

    /// The program's processes started by this server's sessions and still running: those
    /// running [`PROGRAM`] whose `SSH_CONNECTION` names this server's port, and those seen
    /// before that still run. A program left behind by a dropped session is found too,
    /// though it no longer has sshd above it.
    pub fn program_processes(&self) -> Vec<u32> {
        let port = self.port.to_string();
        let found: Vec<u32> = processes::all()
            .into_iter()
            .filter(|pid| processes::runs(*pid, Path::new(PROGRAM)) && processes::alive(*pid))
            .filter(|pid| {
                processes::environment(*pid, "SSH_CONNECTION")
                    .is_some_and(|c| c.split_whitespace().last() == Some(port.as_str()))
            })
            .collect();
        let mut seen = self.seen.borrow_mut();
        seen.extend(&found);
        seen.retain(|pid| processes::alive(*pid));
        seen.iter().copied().collect()
    }

    /// Wait until exactly `count` programs of this server run; their ids.
    pub fn wait_programs(&self, count: usize) -> Vec<u32> {
        let start = Instant::now();
        loop {
            let found = self.program_processes();
            if found.len() == count {
                return found;
            }
            assert!(
                start.elapsed() < WAIT,
                "waited for {count} program(s), found {found:?}; sshd's log:\n{}",
                self.log()
            );
            thread::sleep(Duration::from_millis(30));
        }
    }

    /// Wait until no program of this server is left, within `within`.
    pub fn wait_no_program(&self, within: Duration, after: &str) {
        let start = Instant::now();
        loop {
            let left = self.program_processes();
            if left.is_empty() {
                return;
            }
            assert!(
                start.elapsed() < within,
                "{after}: still running after {within:?}: {:?}; sshd's log:\n{}",
                left.iter()
                    .map(|pid| format!("{pid} {}", processes::command_line(*pid)))
                    .collect::<Vec<_>>(),
                self.log()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SshServer {
    fn drop(&mut self) {
        for pid in self.program_processes() {
            processes::kill(pid);
        }
        for pid in processes::descendants(self.sshd.id()) {
            processes::kill(pid);
        }
        let _ = self.sshd.kill();
        let _ = self.sshd.wait();
    }
}

/// How a person's terminal logs in.
#[derive(Debug, Clone)]
pub struct Login {
    pub cols: u16,
    pub rows: u16,
    /// The environment of `ssh` (and so of the terminal).
    pub env: Vec<(String, String)>,
    /// The variables `ssh` offers the server (`SendEnv`); the server takes `LANG` and `LC_*`.
    pub send_env: Vec<String>,
}

impl Default for Login {
    fn default() -> Self {
        Login {
            cols: 80,
            rows: 24,
            env: vec![
                ("TERM".into(), "xterm-256color".into()),
                ("LANG".into(), "C.UTF-8".into()),
            ],
            send_env: vec!["LANG".into(), "LC_*".into()],
        }
    }
}

/// Start `sshd` on the configuration in `root` and wait until its port accepts; its log
/// when it ended first.
fn spawn_sshd(root: &Path, port: u16) -> Result<Child, String> {
    let log_path = root.join("sshd.log");
    let log = fs::File::create(&log_path).expect("sshd.log");
    let mut sshd = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(root.join("sshd_config"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("sshd starts");
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let start = Instant::now();
    loop {
        if sshd.try_wait().expect("sshd's status").is_some() {
            return Err(fs::read_to_string(&log_path).unwrap_or_default());
        }
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(sshd);
        }
        if start.elapsed() > WAIT {
            let _ = sshd.kill();
            let _ = sshd.wait();
            return Err(format!(
                "not listening after {WAIT:?}:\n{}",
                fs::read_to_string(&log_path).unwrap_or_default()
            ));
        }
        thread::sleep(Duration::from_millis(30));
    }
}
