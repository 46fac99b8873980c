#!/usr/bin/env python3
"""`curate list` and `curate stats` on a pseudo-terminal 40 and 200 columns
wide, over titles in CJK, with emoji and with combining accents: every line
fits the terminal, and columns line up by display width (what a terminal
shows), not by bytes or code points. Also: colour on a terminal, kept by an
empty NO_COLOR (no-color.org) and dropped by NO_COLOR=1, and tag colours
taken from the list's vocabulary in declared order.
usage: pty_widths.py CURATE_BINARY SOURCE_DIR"""
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import unicodedata

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DATE = re.compile(r"(?<![\w-])\d{4}(?:-\d\d){0,2}(?![\w-])")
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def width(text):
    """Display columns: two for East Asian wide and fullwidth characters
    (emoji included), none for combining marks and format characters."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def column_of(line, index):
    return width(line[:index])


def run_on_pty(args, columns, env_changes=None):
    """Runs curate with a pseudo-terminal of `columns` as stdout; returns
    what it printed, with line endings as written."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR  # keep "\n" as written
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    env.update({"TERM": "xterm-256color", **(env_changes or {})})
    process = subprocess.Popen(args, stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    stderr = process.stderr.read().decode()
    check(process.wait() == 0, f"{args}: exit {process.returncode}: {stderr}")
    return b"".join(chunks).decode("utf-8")


def check_list(binary, listing, columns):
    out = run_on_pty([binary, "list", listing], columns)
    lines = ANSI.sub("", out).splitlines()
    group = []
    for line in lines + [""]:
        check(width(line) <= columns, f"list @{columns}: {width(line)} columns: {line!r}")
        if line.startswith("  "):
            group.append(line)
            continue
        # A group ended: dates and URLs start in one column in all its rows.
        for name, pattern in (("date", DATE), ("url", re.compile(r"https?://"))):
            starts = {column_of(row, m.start()) for row in group for m in [pattern.search(row)] if m}
            check(len(starts) <= 1, f"list @{columns}: {name} column not aligned: {starts} in {group}")
        group = []
    titles = [line for line in lines if line.startswith("  ")]
    cut = any("…" in title for title in titles)
    if columns >= 200:
        check(not cut, f"list @{columns}: a title was cut although it fits")
        check(any("深度学习入门：基于Python的理论与实现" in t for t in titles), "list @200: the CJK title is not whole")
    else:
        check(cut, f"list @{columns}: nothing was cut to fit")
    return out


def check_stats(binary, listing, columns):
    out = ANSI.sub("", run_on_pty([binary, "stats", listing], columns))
    rows = [line for line in out.splitlines() if re.search(r"\d+%$", line) and re.search(r"[█▏▎▍▌▋▊▉]", line)]
    check(len(rows) >= 5, f"stats @{columns}: only {len(rows)} chart rows")
    for line in out.splitlines():
        check(width(line) <= columns, f"stats @{columns}: {width(line)} columns: {line!r}")
    charts = out.split("\n\n")
    for chart in charts:
        bars = [line for line in chart.splitlines() if re.search(r"\d+%$", line) and line.startswith("  ")]
        ends = {width(line) for line in bars}
        check(len(ends) <= 1, f"stats @{columns}: rows end in different columns: {ends}")
        starts = set()
        for line in bars:
            found = re.search(r"[█▏▎▍▌▋▊▉]", line)
            if found:
                starts.add(column_of(line, found.start()))
        check(len(starts) <= 1, f"stats @{columns}: bars start in different columns: {starts}")
    check("中文资源" in out and "Emoji 🚀" in out, f"stats @{columns}: section labels missing")


def check_colour(binary, listing):
    coloured = run_on_pty([binary, "list", listing], 200)
    check("\x1b[" in coloured, "no colour on a terminal")
    check("\x1b[" in run_on_pty([binary, "list", listing], 200, {"NO_COLOR": ""}), "an empty NO_COLOR turned colour off")
    check("\x1b[" not in run_on_pty([binary, "list", listing], 200, {"NO_COLOR": "1"}), "NO_COLOR=1 kept colour")
    # The vocabulary declares 新 first, then classic: the first two colours.
    check("\x1b[1;35m新\x1b[0m" in coloured, "the first declared tag does not have the first colour")
    check("\x1b[1;36mclassic\x1b[0m" in coloured, "the second declared tag does not have the second colour")


def main():
    binary, source = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    listing = os.path.join(source, "tests", "data", "wide-titles.md")
    for columns in (40, 200):
        shown = check_list(binary, listing, columns)
        check_stats(binary, listing, columns)
        print(f"--- list at {columns} columns\n{ANSI.sub('', shown)}")
    check_colour(binary, listing)
    for problem in problems:
        print("FAIL:", problem)
    print(f"terminal widths: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
