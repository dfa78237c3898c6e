#!/usr/bin/env bash
# Figures for docs/deploy-ssh.md: how much one SSH session of symptom-explorer costs.
# Runs the ignored test `measure_sessions` in tests/ssh.rs (release build): a real sshd on
# 127.0.0.1 whose ForceCommand runs the program, N concurrent `ssh -tt` logins each on its
# first screen, then the memory (RSS and PSS) of each session's sshd process(es) and program,
# and the CPU time used and bytes sent while nobody types.
#
#   scripts/measure-ssh-sessions.sh [SESSIONS] [IDLE_SECONDS]    (default 10 and 30)
#
# Needs /usr/sbin/sshd, ssh and ssh-keygen (apt-get install openssh-server openssh-client).
# Run as root it logs in root, or with SSH_LOGIN_USER=NAME an existing account (as a clinic's
# server logs in its patient account: sshd keeps a root monitor beside the user's own sshd
# process), and SSH_USE_PAM=1 for sshd with PAM, as Debian runs it (sshd without PAM refuses an
# account whose password is locked). Run as another user, it logs in that user.
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-10}
idle=${2:-30}

echo "machine: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "openssh: $(ssh -V 2>&1)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo
SSH_SESSIONS=$sessions SSH_IDLE_SECS=$idle SYMPTOM_EXPLORER_REQUIRE_SSH=1 \
  cargo test --release --quiet --test ssh -- --ignored --nocapture --exact measure_sessions
