//! The harness for `tests/ssh.rs`: a real OpenSSH server whose `ForceCommand` runs the
//! program ([`server`]), the `ssh` client in a pseudo-terminal read back as a screen
//! ([`terminal`]), and the processes under /proc ([`processes`]).

pub mod processes;
pub mod server;
pub mod terminal;

pub use server::{Login, RESTRICTIONS, SshServer, openssh_installed};
pub use terminal::SshTerminal;
