#!/usr/bin/env python3
"""`curate stats` counts agree with `curate list --count` for the same
filters: totals, stubs, tagged, and every group of every grouping; the
text chart fits 80 columns and shows the same numbers."""
from common import CORPUS, SEED, check, count, finish, run, run_json


def stats(*args, by="section"):
    return run_json("stats", "--format", "json", "--by", by, *args)


def check_list(args):
    total = count(*args)
    summary = stats(*args)
    check(summary["entries"] == total, f"{args}: entries {summary['entries']} != {total}")
    check(summary["without_links"] == count(*args, "--stubs"), f"{args}: without_links")
    check(summary["with_links"] == total - count(*args, "--stubs"), f"{args}: with_links")
    check(summary["tagged"] == total - count(*args, "--untagged"), f"{args}: tagged")
    check(summary["undated"] == total - count(*args, "--since", "0"), f"{args}: undated")
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

corpus_total = count(CORPUS[0])
check(stats(CORPUS[0])["entries"] == corpus_total, "corpus entries agree")
finish()
