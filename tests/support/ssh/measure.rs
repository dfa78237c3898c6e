//! How much each SSH session costs: memory per process, CPU and bytes sent while idle and
//! in use, and login times (`measure_sessions` in tests/ssh.rs,
//! scripts/measure-ssh-sessions.sh, figures in docs/deploy-ssh.md).

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use super::processes;
use super::server::{PROGRAM, SshServer};
use super::terminal::SshTerminal;

/// How soon after the sessions end their programs must be gone.
const GONE_WITHIN: Duration = Duration::from_secs(10);

/// A number from the environment, or a default.
fn setting(key: &str, default: usize) -> usize {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What one connection costs: its sshd processes and the program, apart.
#[derive(Default)]
struct SessionCost {
    sshd: processes::Memory,
    sshd_processes: usize,
    program: processes::Memory,
    other: Vec<String>,
}

/// Every process of one connection: the sshd that took it (a child of the listener) and
/// everything below it.
fn connection_processes(connection: u32) -> Vec<u32> {
    let mut all = vec![connection];
    all.extend(processes::descendants(connection));
    all
}

fn cost(connection: u32) -> SessionCost {
    let mut cost = SessionCost::default();
    for pid in connection_processes(connection) {
        let memory = processes::memory(pid);
        if processes::runs(pid, Path::new(PROGRAM)) {
            cost.program += memory;
        } else if processes::program(pid).is_some_and(|p| p.ends_with("sshd")) {
            cost.sshd += memory;
            cost.sshd_processes += 1;
        } else {
            cost.other.push(processes::command_line(pid));
        }
    }
    cost
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// `SSH_SESSIONS` concurrent logins (10 unless set), each on its first screen, then
/// `SSH_IDLE_SECS` seconds (10 unless set) with nobody typing: the memory of each session's
/// sshd processes and program (RSS; PSS, which splits shared pages between processes; and
/// private pages, what one more session adds), the CPU time and bytes sent while idle, and
/// the program's memory again once each person has answered a few questions.
/// `SSH_LOGIN_USER` logs in that existing user instead of the one running the test (root's
/// sshd then keeps a privileged monitor beside the user's own sshd process, as in a clinic).
pub fn measure_sessions(wait_first_screen: impl Fn(&SshTerminal) -> String) {
    let sessions = setting("SSH_SESSIONS", 10);
    let idle = Duration::from_secs(setting("SSH_IDLE_SECS", 10) as u64);
    let server = match std::env::var("SSH_LOGIN_USER") {
        Ok(user) => SshServer::start_for(&user, &[]),
        Err(_) => SshServer::start(&[]),
    };
    let mut login_times = Vec::new();
    let terminals: Vec<SshTerminal> = (0..sessions)
        .map(|_| {
            let start = Instant::now();
            let terminal = server.login();
            wait_first_screen(&terminal);
            login_times.push(start.elapsed());
            terminal
        })
        .collect();
    login_times.sort();
    server.wait_programs(sessions);
    thread::sleep(Duration::from_secs(1));

    let connections: Vec<u32> = processes::children(server.pid())
        .into_iter()
        .filter(|pid| {
            connection_processes(*pid)
                .iter()
                .any(|p| processes::runs(*p, Path::new(PROGRAM)))
        })
        .collect();
    assert_eq!(connections.len(), sessions, "one sshd per connection");
    let costs: Vec<SessionCost> = connections.iter().map(|c| cost(*c)).collect();
    let per_second = processes::ticks_per_second();
    let ms = |ticks: u64| ticks * 1000 / per_second;
    let session_ticks = || {
        connections
            .iter()
            .flat_map(|c| connection_processes(*c))
            .map(processes::cpu_ticks)
            .sum::<u64>()
    };
    let n = sessions as u64;
    let total = |f: &dyn Fn(&SessionCost) -> u64| costs.iter().map(f).sum::<u64>();
    println!("{sessions} sessions, program {PROGRAM}");
    println!(
        "from starting ssh to the whole first screen, one login after another: \
         median {:.2} s, slowest {:.2} s",
        login_times[login_times.len() / 2].as_secs_f64(),
        login_times[login_times.len() - 1].as_secs_f64()
    );
    println!("per session (mean)          RSS        PSS    private");
    let row = |name: &str, part: &dyn Fn(&SessionCost) -> processes::Memory| {
        println!(
            "  {name:<20} {:>10} {:>10} {:>10}",
            mib(total(&|c| part(c).rss) / n),
            mib(total(&|c| part(c).pss) / n),
            mib(total(&|c| part(c).private) / n)
        );
    };
    row("program", &|c| c.program);
    row(
        &format!("sshd ({} processes)", costs[0].sshd_processes),
        &|c| c.sshd,
    );
    row("together", &|c| {
        let mut both = c.program;
        both += c.sshd;
        both
    });
    let others: Vec<&String> = costs.iter().flat_map(|c| &c.other).collect();
    if !others.is_empty() {
        println!("  other processes in the sessions: {others:?}");
    }
    println!(
        "the listening sshd: RSS {}, PSS {}",
        mib(processes::memory(server.pid()).rss),
        mib(processes::memory(server.pid()).pss)
    );
    // Idle: nobody types; every process of every session, and the listener.
    let watched: Vec<u32> = connections
        .iter()
        .flat_map(|c| connection_processes(*c))
        .chain([server.pid()])
        .collect();
    let ticks = || {
        watched
            .iter()
            .map(|p| processes::cpu_ticks(*p))
            .sum::<u64>()
    };
    println!(
        "CPU used by each session's processes by its first screen (login and start): {} ms",
        ms(session_ticks()) / n
    );
    let bytes = || terminals.iter().map(SshTerminal::received).sum::<usize>();
    let (ticks_before, bytes_before) = (ticks(), bytes());
    thread::sleep(idle);
    let (ticks_after, bytes_after) = (ticks(), bytes());
    println!(
        "idle {idle:?}: CPU {} ms for all {sessions} sessions and the listener together; {} bytes sent to the terminals",
        ms(ticks_after - ticks_before),
        bytes_after - bytes_before
    );
    assert_eq!(bytes_after, bytes_before, "nothing is drawn while idle");

    // In use: each person chooses the lower back, answers the first three questions and
    // opens a cause found by searching.
    let mut terminals = terminals;
    let before_use = session_ticks();
    for terminal in &mut terminals {
        terminal.send("\r");
        terminal.wait_for(&["How old are you?"]);
        terminal.send("3");
        terminal.wait_for(&["30 to 39"]);
        terminal.send("2");
        terminal.wait_for(&["None of these"]);
        terminal.send("n");
        terminal.wait_for(&["· none of these"]);
        terminal.send("/sciat");
        terminal.wait_for(&["/ sciat", "Sciatica"]);
        terminal.send("\r");
        terminal.wait_for(&["Why it is listed"]);
    }
    println!(
        "CPU for those keys (a region, three answers, a search, a cause): {} ms per session",
        ms(session_ticks() - before_use) / n
    );
    let program_in_use: Vec<processes::Memory> =
        connections.iter().map(|c| cost(*c).program).collect();
    let in_use =
        |f: &dyn Fn(&processes::Memory) -> u64| mib(program_in_use.iter().map(f).sum::<u64>() / n);
    println!(
        "the program after three answers and a cause opened: RSS {}, PSS {}, private {}",
        in_use(&|m| m.rss),
        in_use(&|m| m.pss),
        in_use(&|m| m.private)
    );

    for mut terminal in terminals {
        terminal.send("q");
        terminal.wait_for(&["Quit and forget your answers?"]);
        terminal.send("y");
        assert!(terminal.wait_client_exit().success());
    }
    server.wait_no_program(GONE_WITHIN, "after quitting every session");
}
