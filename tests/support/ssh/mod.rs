//! The harness for `tests/ssh.rs`: a real OpenSSH server whose `ForceCommand` runs the
//! program ([`server`], prepared by [`setup`]), the `ssh` client in a pseudo-terminal read
//! back as a screen ([`terminal`]), the processes under /proc ([`processes`]), and what each
//! session costs ([`measure`]). Shared by `tests/ssh.rs` and `tests/ssh_kiosk.rs`, which each
//! use part of it.
#![allow(dead_code, unused_imports)]

pub mod measure;
pub mod processes;
pub mod server;
pub mod setup;
pub mod terminal;

pub use server::{Login, SshServer};
pub use setup::{RESTRICTIONS, openssh_installed};
pub use terminal::SshTerminal;
