#!/usr/bin/env python3
"""Whole-program figures from a real pseudo-terminal, for BENCHMARKS.md (issue 9).

Drives the release binary at 80x24 (or --size) the way a person does and reports medians over
repeated runs:
  - time to the first frame (start of the process to the end of its first synchronized
    update, ESC[?2026l, which closes every frame the interface draws);
  - key to frame and bytes written for a selection move; for a search letter, key to the
    first frame (the query shown, "searching...") and to the frame with the result (the
    search runs beside the interface), and the bytes of both;
  - bytes written while idle (2 s with no input);
  - peak resident memory (VmHWM) at the end of the run;
and, with --fzf, `symptom-explorer search` against `fzf --filter` over the same names,
whole process, in the same run, with the ratio.

  scripts/measure-pty.py [--bin target/release/symptom-explorer] [--graph FILE ...]
                         [--runs 7] [--fzf] [--size 80x24] [--dump DIR]

With --dump, the bytes of each key's frames in the first run are written to DIR
(move-1.bin ..., letter-1.bin ...), to see where they go.

Graphs from examples/gen_graph.rs are passed with --graph (each file).
"""
import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import termios
import time

FRAME_END = b"\x1b[?2026l"


class Pty:
    def __init__(self, argv, cols=80, rows=24):
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
        env.pop("NO_COLOR", None)
        env.pop("LC_ALL", None)
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.buf = b""

    def read_until_frame(self, timeout=60.0):
        """Bytes read until the next frame ends; (seconds waited, bytes)."""
        t0 = time.perf_counter()
        got = b""
        while True:
            left = timeout - (time.perf_counter() - t0)
            if left <= 0:
                raise TimeoutError("no frame")
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                continue
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the program ended")
            got += chunk
            if FRAME_END in got:
                # Anything after the frame's end belongs to the next one (none expected).
                return time.perf_counter(), got

    def drain(self, seconds):
        """Everything written in the next `seconds`."""
        end = time.perf_counter() + seconds
        got = b""
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return got
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return got
                if not chunk:
                    return got
                got += chunk

    def keep(self, name, got):
        if self.dump and name:
            with open(os.path.join(self.dump, f"{name}.bin"), "wb") as f:
                f.write(got)

    def key(self, data, name=None):
        t0 = time.perf_counter()
        os.write(self.fd, data)
        t1, got = self.read_until_frame()
        self.keep(name, got)
        return t1 - t0, len(got)

    def search_key(self, data, name=None):
        """A key in the search line: (key to the first frame, key to the frame with the
        result, bytes of both). The search runs beside the interface: the first frame shows
        the query and "searching...", a later one the matches (" N of M ")."""
        t0 = time.perf_counter()
        os.write(self.fd, data)
        t1, got = self.read_until_frame()
        first = t1 - t0
        total = got
        while b"searching" in got or (b"searching" in total and b" of " not in got):
            t1, got = self.read_until_frame()
            total += got
        self.keep(name, total)
        return first, t1 - t0, len(total)

    def peak_kib(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def close(self):
        os.write(self.fd, b"\x03")
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def one_run(argv, cols, rows, dump=None):
    p = Pty(argv, cols, rows)
    p.dump = dump
    t, _ = p.read_until_frame()
    first = t - p.start
    p.drain(0.2)
    move = [p.key(b"j", f"move-{n}") for n in range(1, 6)]
    p.key(b"k")
    letters = []
    p.key(b"/")
    for n, c in enumerate(b"sci", 1):
        letters.append(p.search_key(bytes([c]), f"letter-{n}"))
    p.drain(0.3)
    idle = len(p.drain(2.0))
    peak = p.peak_kib()
    p.close()
    return first, move, letters, idle, peak


def median(xs):
    return statistics.median(xs)


def fzf_ratio(binary, graph_args, runs):
    names = subprocess.run(
        [binary, *graph_args, "causes"], capture_output=True, text=True, check=True
    ).stdout
    names_file = "/tmp/symptom-explorer-names.txt"
    with open(names_file, "w") as f:
        f.write(names)
    rows = []
    for query in ["sci", "back pain", "kidney"]:
        ours, theirs = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([binary, *graph_args, "search", "--limit", "0", *query.split()],
                           capture_output=True)
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            with open(names_file) as f:
                subprocess.run(["fzf", "--filter", query], stdin=f, capture_output=True)
            theirs.append(time.perf_counter() - t0)
        rows.append((query, median(ours), median(theirs)))
    return rows, names.count("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/symptom-explorer")
    ap.add_argument("--graph", action="append", default=[])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--fzf", action="store_true")
    ap.add_argument("--size", default="80x24", help="COLSxROWS")
    ap.add_argument("--dump", help="directory for the first run's frames")
    a = ap.parse_args()
    cols, rows = (int(n) for n in a.size.split("x"))
    if a.dump:
        os.makedirs(a.dump, exist_ok=True)
    graph_args = [x for g in a.graph for x in ("--graph", g)]
    argv = [a.bin, *graph_args]
    runs = [one_run(argv, cols, rows, a.dump if i == 0 else None) for i in range(a.runs)]
    firsts = [r[0] for r in runs]
    moves = [m for r in runs for m in r[1]]
    letters = [l for r in runs for l in r[2]]
    first_letters = [r[2][0] for r in runs]
    print(f"graph: {' '.join(a.graph) or 'bundled'}; {a.runs} runs at {cols}x{rows}; medians")
    print(f"first frame            {median(firsts) * 1000:8.1f} ms")
    print(f"move (j): key to frame {median([m[0] for m in moves]) * 1000:8.2f} ms, "
          f"{median([m[1] for m in moves]):6.0f} bytes")
    print(f"first search letter    {median([l[0] for l in first_letters]) * 1000:8.2f} ms to a frame, "
          f"{median([l[1] for l in first_letters]) * 1000:8.2f} ms to the result, "
          f"{median([l[2] for l in first_letters]):6.0f} bytes")
    print(f"search letters         {median([l[0] for l in letters]) * 1000:8.2f} ms to a frame, "
          f"{median([l[1] for l in letters]) * 1000:8.2f} ms to the result, "
          f"{median([l[2] for l in letters]):6.0f} bytes")
    print(f"idle for 2 s           {median([r[3] for r in runs]):8.0f} bytes")
    print(f"peak memory            {median([r[4] for r in runs]) / 1024:8.1f} MiB")
    if a.fzf:
        rows, n = fzf_ratio(a.bin, graph_args, a.runs)
        print(f"search vs fzf --filter over the same {n} names (whole process, medians):")
        for q, ours, theirs in rows:
            print(f"  {q!r:12} search {ours * 1000:8.1f} ms  fzf {theirs * 1000:8.1f} ms  "
                  f"ratio {ours / theirs:5.2f}")


if __name__ == "__main__":
    main()
