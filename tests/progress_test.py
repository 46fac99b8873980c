#!/usr/bin/env python3
"""The link check as a person sees it, through the real binary against
tests/http_server.py on 127.0.0.1:

  * in a 40-column terminal (tmux), the progress bar stays on one line, is
    redrawn in place, names the slow URL it waits for, and after Ctrl-C the
    summary names the URL that was not checked;
  * without a terminal, a plain progress line reaches stderr every 10 s.

usage: progress_test.py path/to/curate    (skips, exit 77, without tmux)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


class Server:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "http_server.py")],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        port, _closed = self.process.stdout.readline().split()
        self.base = f"http://127.0.0.1:{port}"

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


class Tmux:
    """A detached tmux server of our own (its own socket), 40 columns wide."""

    def __init__(self, command, width=40):
        self.socket = f"curate-progress-{os.getpid()}"
        self.run("new-session", "-d", "-x", str(width), "-y", "12", command)

    def run(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False)

    def screen(self):
        return self.run("capture-pane", "-p").stdout

    def close(self):
        self.run("kill-server")


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def check_terminal(curate, server, work):
    with open(os.path.join(work, "list.md"), "w") as out:
        out.write("# Links\n\n")
        for i in range(8):
            out.write(f"- [Fine {i}]({server.base}/ok?{i}) - fine.\n")
        out.write(f"- [Slow]({server.base}/hang) - never answers.\n")
    env = "no_proxy=127.0.0.1 NO_PROXY=127.0.0.1"
    # The shell ignores Ctrl-C, so it survives to write curate's exit code.
    command = (f"trap '' INT; cd {work} && {env} {curate} validate --links --no-cache --timeout 30s --retries 0 "
               "list.md > out.txt; echo exit $? >> out.txt; sleep 60")
    tmux = Tmux(command)
    try:
        if tmux.run("display", "-p", "#{pane_width}").stdout.strip() != "40":
            fail("tmux did not make a 40-column pane")
        # The slow URL is named once it has waited 5 s.
        if not wait_for(lambda: "waiting" in tmux.screen(), 20):
            fail(f"the bar never named the slow URL:\n{tmux.screen()}")
        screen = tmux.screen()
        lines = [line for line in screen.splitlines() if line.strip()]
        if len(lines) != 1 or not lines[0].startswith("links"):
            fail(f"the bar is not one line in 40 columns:\n{screen}")
        elif len(lines[0]) > 39 or not lines[0].endswith("/hang"):
            fail(f"the bar reaches the last column or does not name the slow URL: {lines[0]!r}")
        tmux.run("send-keys", "C-c")
        if not wait_for(lambda: "exit 130" in open(os.path.join(work, "out.txt")).read(), 10):
            fail("Ctrl-C did not end the run with 130")
        text = tmux.run("capture-pane", "-p", "-J").stdout  # -J: lines the pane wrapped, joined
        if f"not checked: {server.base}/hang" not in text:
            fail(f"the interrupted summary does not name the unchecked URL:\n{tmux.screen()}")
        if "interrupted: 1 of 9 not checked" not in text:
            fail(f"no interrupted summary:\n{tmux.screen()}")
    finally:
        tmux.close()


def check_log(curate, server, work):
    with open(os.path.join(work, "log.md"), "w") as out:
        out.write(f"# Links\n\n- [Fine]({server.base}/ok) - fine.\n- [Slow]({server.base}/hang?log) - slow.\n")
    env = dict(os.environ, no_proxy="127.0.0.1", NO_PROXY="127.0.0.1")
    run = subprocess.run([curate, "validate", "--links", "--no-cache", "--timeout", "12s", "--retries", "0", "log.md"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=60)
    progress = [line for line in run.stderr.splitlines() if re.match(r"links: \d+/\d+ checked", line)]
    waiting = re.compile(r"waiting 1\d s on " + re.escape(f"{server.base}/hang?log") + "$")
    if len(progress) != 1 or not waiting.search(progress[0]):
        fail(f"expected one progress line after 10 s naming the slow URL:\n{run.stderr}")
    if "\r" in run.stderr or "\033[" in run.stderr:
        fail("terminal control codes in a log")


def main():
    curate = os.path.abspath(sys.argv[1])
    if not shutil.which("tmux"):
        print("progress: tmux not installed, skipped")
        sys.exit(77)
    work = tempfile.mkdtemp()
    server = Server()
    try:
        check_terminal(curate, server, work)
        check_log(curate, server, work)
    finally:
        server.close()
        shutil.rmtree(work)
    if failures:
        sys.exit(1)
    print("progress: passed")


if __name__ == "__main__":
    main()
