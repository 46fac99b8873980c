#!/usr/bin/env python3
"""`curate stats` counts agree with `curate list --count` for the same
filters: totals, stubs, tagged, and every group of every grouping; the
text chart fits 80 columns when piped and the terminal's width on a
terminal, and shows the same numbers."""
import fcntl
import os
import struct
import subprocess
import sys
import termios

from common import CORPUS, CURATE, ROOT, SEED, check, count, finish, run, run_json

# Under the sanitizers (third argument `sanitized`) the filtered variants are
# left out: the same code again, 185 runs of curate in all, a sanitized start each.
SANITIZED = sys.argv[3:] == ["sanitized"]


def stats(*args, by="section"):
    return run_json("stats", "--format", "json", "--by", by, *args)


def check_list(args):
    total = count(*args)
    summary = stats(*args)
    check(summary["entries"] == total, f"{args}: entries {summary['entries']} != {total}")
    check(summary["without_links"] == count(*args, "--stubs"), f"{args}: without_links")
    check(summary["with_links"] == total - count(*args, "--stubs"), f"{args}: with_links")
    check(summary["tagged"] == total - count(*args, "--untagged"), f"{args}: tagged")
    check(summary["undated"] == total - count(*args, "--since", "1000"), f"{args}: undated")
    for group in stats(*args, by="tag")["groups"]:
        flags = ["--untagged"] if group["name"] == "(untagged)" else ["--tag", group["name"]]
        check(group["count"] == count(*args, *flags), f"{args}: tag {group['name']}")
    for group in stats(*args, by="kind")["groups"]:
        if group["name"] != "(no kind)" and "--kind" not in args:  # repeated --kind means any of them
            check(group["count"] == count(*args, "--kind", group["name"]), f"{args}: kind {group['name']}")
    by_year = stats(*args, by="year")
    for group in by_year["groups"]:
        if group["name"] != "(undated)":
            year = group["name"]
            check(group["count"] == count(*args, "--since", year, "--until", year), f"{args}: year {year}")
    check(sum(y["count"] for y in by_year["years"]) == total - by_year["undated"], f"{args}: histogram sums")
    if "--section" in args:  # list takes one --section
        print(f"{args}: {total} entries checked")
        return
    # Every section path, with or without entries of its own, counts its subtree.
    groups = stats(*args)["groups"]
    paths = {tuple(g["path"][:n]) for g in groups for n in range(1, len(g["path"]) + 1)}
    for path in sorted(paths):
        below = sum(g["count"] for g in groups if tuple(g["path"][:len(path)]) == path)
        check(below == count(*args, "--section", "/".join(path)), f"{args}: section {'/'.join(path)}")
    print(f"{args}: {total} entries, {len(paths)} sections checked")


check_list([SEED])
if not SANITIZED:
    check_list([SEED, "--tag", "cult"])
    check_list([SEED, "--section", "Deep Learning"])
    check_list([SEED, "--kind", "paper"])
    check_list([SEED, "--grep", "learning"])

# Authors are matched by substring in list; the seed's names contain no other name.
for group in stats(SEED, by="author")["groups"]:
    if group["name"] != "(no author)":
        check(group["count"] == count(SEED, "--author", group["name"]), f"author {group['name']}")

for by in ["section", "tag", "kind", "year", "author"]:
    text = run("stats", "--by", by, SEED)
    widest = max(len(line) for line in text.splitlines())
    check(widest <= 80, f"stats --by {by}: a line is {widest} columns wide")
for group in stats(SEED, by="tag")["groups"]:
    line = next((l for l in run("stats", "--by", "tag", SEED).splitlines() if l.strip().startswith(group["name"])), "")
    check(f" {group['count']} " in line, f"text chart shows {group['name']} = {group['count']}: {line!r}")



def on_terminal(columns, *args):
    """stdout of curate run on a pseudo-terminal `columns` wide."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = dict(os.environ, NO_COLOR="1")
    process = subprocess.Popen([CURATE, *args], stdout=slave, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    check(process.wait() == 0, f"stats on a terminal exits 0: {process.stderr.read()}")
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


for columns in [50, 120]:
    text = on_terminal(columns, "stats", "--by", "author", SEED)
    widths = [len(line) for line in text.splitlines()]
    check(max(widths) <= columns, f"a {columns}-column terminal gets lines of {max(widths)} columns")
    check(max(widths) >= columns - 2, f"a {columns}-column terminal gets bars that use its width ({max(widths)})")

corpus_total = count(CORPUS[0])
check(stats(CORPUS[0])["entries"] == corpus_total, "corpus entries agree")
finish()
