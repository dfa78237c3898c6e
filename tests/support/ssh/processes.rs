//! The machine's processes as Linux shows them under /proc: which program each runs, its
//! parent, its environment, its memory and the CPU time it has used. Everything here reads;
//! the one thing that acts is `kill`, through the `kill` command (the tests forbid unsafe code).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every process id now listed in /proc.
pub fn all() -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .collect()
}

/// The program a process runs (its `/proc/PID/exe`), without the " (deleted)" the kernel adds
/// once the file has been replaced on disk.
pub fn program(pid: u32) -> Option<PathBuf> {
    let path = fs::read_link(format!("/proc/{pid}/exe")).ok()?;
    let text = path.to_string_lossy();
    Some(PathBuf::from(
        text.strip_suffix(" (deleted)").unwrap_or(&text).to_string(),
    ))
}

/// Whether a process runs this program.
pub fn runs(pid: u32, program_path: &Path) -> bool {
    let wanted = program_path
        .canonicalize()
        .unwrap_or_else(|_| program_path.to_path_buf());
    program(pid).is_some_and(|p| p == wanted)
}

/// One variable of a process's environment as it was started.
pub fn environment(pid: u32, key: &str) -> Option<String> {
    let bytes = fs::read(format!("/proc/{pid}/environ")).ok()?;
    bytes.split(|b| *b == 0).find_map(|entry| {
        let entry = String::from_utf8_lossy(entry);
        let (k, v) = entry.split_once('=')?;
        (k == key).then(|| v.to_string())
    })
}

/// The fields of `/proc/PID/stat` after the command name (which may hold spaces and
/// brackets): index 0 is the state, 1 the parent, 11 and 12 the user and system CPU ticks.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &text[text.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_string).collect())
}

/// Whether a process still runs: listed, and not a zombie waiting to be reaped.
pub fn alive(pid: u32) -> bool {
    stat_fields(pid).is_some_and(|f| f.first().is_some_and(|state| state != "Z" && state != "X"))
}

/// Whether a process is stopped (by SIGTSTP, SIGSTOP, ...), waiting for SIGCONT.
pub fn stopped(pid: u32) -> bool {
    stat_fields(pid).is_some_and(|f| f.first().is_some_and(|state| state == "T"))
}

/// A process's parent.
pub fn parent(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// Every living process below `root` (children, their children, ...), `root` not included.
pub fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = all()
        .into_iter()
        .filter(|pid| alive(*pid))
        .filter_map(|pid| Some((pid, parent(pid)?)))
        .collect();
    let mut found = vec![root];
    let mut next = 0;
    while next < found.len() {
        let above = found[next];
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == above)
                .map(|(pid, _)| *pid),
        );
        next += 1;
    }
    found.remove(0);
    found
}

/// The processes `root`'s direct children (no grandchildren).
pub fn children(root: u32) -> Vec<u32> {
    all()
        .into_iter()
        .filter(|pid| alive(*pid) && parent(*pid) == Some(root))
        .collect()
}

/// The command line of a process, its arguments joined by spaces.
pub fn command_line(pid: u32) -> String {
    fs::read(format!("/proc/{pid}/cmdline"))
        .map(|bytes| {
            String::from_utf8_lossy(&bytes)
                .split('\0')
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// The CPU time a process has used so far, user and system, in clock ticks.
pub fn cpu_ticks(pid: u32) -> u64 {
    stat_fields(pid).map_or(0, |f| {
        let tick = |i: usize| f.get(i).and_then(|t| t.parse::<u64>().ok()).unwrap_or(0);
        tick(11) + tick(12)
    })
}

/// Clock ticks per second (`getconf CLK_TCK`; 100 when it cannot be asked).
pub fn ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(100)
}

/// What a process costs in memory, in KiB each, from `/proc/PID/smaps_rollup`: resident
/// (`Rss`), its proportional share (`Pss`: a page shared by n processes counts 1/n in
/// each), and its private pages (`Private_Clean` + `Private_Dirty`: what one more such
/// process adds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Memory {
    pub rss: u64,
    pub pss: u64,
    pub private: u64,
}

impl std::ops::AddAssign for Memory {
    fn add_assign(&mut self, other: Memory) {
        self.rss += other.rss;
        self.pss += other.pss;
        self.private += other.private;
    }
}

/// A process's memory now (zero when it is gone or cannot be read).
pub fn memory(pid: u32) -> Memory {
    let text = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    Memory {
        rss: field("Rss:"),
        pss: field("Pss:"),
        private: field("Private_Clean:") + field("Private_Dirty:"),
    }
}

/// Send SIGKILL to a process (through the `kill` command). Whether the signal was sent.
pub fn kill(pid: u32) -> bool {
    Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .output()
        .is_ok_and(|o| o.status.success())
}
