#!/usr/bin/env python3
"""bench/gen writes every entry style the way curate reads it (issue 20).

For each style, on a 2,000-entry list, through the real binary:

- the generator is deterministic (same arguments, same bytes), and
  `--style mixed` (the default) still writes the bytes of the generator
  that earlier benchmark figures were measured on;
- `curate list --format json` finds exactly the entries generated (mixed:
  less the stubs that have children, which are groups, docs/grammar.md),
  each with the `source` its style implies and the fields read here
  independently from each generated line with the style's own pattern:
  title, url, description, tags, kinds, authors (translators left out,
  surname-first names turned round), formats, date and `fields` (a table's
  columns, code spans' org, a reference's number and venue);
- `curate style` and `curate init` detect the intended style;
- every style but mixed is `fmt`-clean and `validate`-clean (but for the
  seed style's stubs, which are `missing-link`), so the benchmark measures
  the list a pre-commit hook sees.

usage: bench_gen_test.py CURATE REPO_ROOT
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

CURATE = sys.argv[1]
GEN = os.path.join(sys.argv[2], "bench", "gen")
ENTRIES = 2000
# sha256 of `bench/gen 2000` before --style existed (commit 09c67e7).
MIXED_2000_SHA256 = "d1f17ee11b8d32a695bb1b54d4650a5d66c0a74132994075bc07485b474099b5"

# The style curate should detect. A list whose entries are all table rows
# has no list entry to vote, so it gets the fallback, awesome, as its rows
# name their entries with links (docs/styles.md "Detection"); tables are
# read by their header whatever the style.
DETECTED = {"seed": "seed", "awesome": "awesome", "books": "books", "papers": "papers",
            "code-spans": "code-spans", "table": "awesome", "paragraphs": "reference", "mixed": "seed"}
SOURCE = {"table": "table", "paragraphs": "paragraph"}
KINDS = {"blog": ["blog"], "paper": ["paper"], "book": ["book"], "YouTube": ["video"], "course": ["course"],
         "talk": ["talk"], "Blog & Paper": ["blog", "paper"], "podcast": ["podcast"]}
DATE = re.compile(r"\d{4}(-\d\d){0,2}$")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL " + message)


def curate(*args, ok=(0,), cwd=None):
    result = subprocess.run([CURATE, *args], capture_output=True, text=True, cwd=cwd)
    if result.returncode not in ok:
        raise RuntimeError(f"curate {' '.join(args)} exited {result.returncode}: {result.stderr[:2000]}")
    return result.stdout


def generate(style, entries, path):
    subprocess.run([sys.executable, GEN, "--style", style, str(entries), path], check=True)
    with open(path, "rb") as f:
        return f.read()


def expected(title, url, **fields):
    """An entry as the generator wrote it; what a style does not write is empty."""
    entry = {"title": title, "url": url, "description": None, "tags": [], "kinds": [], "authors": [],
             "formats": [], "date": None, "fields": {}}
    entry.update(fields)
    return entry


def read_seed(text):
    m = re.fullmatch(r'((?:\*\w+\*: )*)"([^"]+)"(?: \[([^\]]*)\]\((\S+)\))?', text)
    if not m:
        return None  # a group's title
    tags = re.findall(r"\*(\w+)\*", m.group(1))
    entry = expected(m.group(2), m.group(4), tags=tags)
    for field in (m.group(3) or "").split("; ") if m.group(3) else []:
        if DATE.match(field):
            entry["date"] = field
        elif field in KINDS:
            entry["kinds"] = KINDS[field]
        else:
            entry["authors"] = field.split(" & ")
    return entry


def read_awesome(text):
    m = re.fullmatch(r"\[(.+?)\]\((\S+)\) - (.+)", text)
    return m and expected(m.group(1), m.group(2), description=m.group(3))


def read_books(text):
    m = re.fullmatch(r"\[(.+?)\]\((\S+)\)(?: - ([^(]+?))?(?: \(([^)]+)\))?", text)
    authors = (m.group(3) or "").split(", `trl.:` ")[0]
    formats = m.group(4).lower().split(", ") if m.group(4) else []
    return expected(m.group(1), m.group(2), authors=authors.split(", ") if authors else [], formats=formats)


def read_papers(text):
    m = re.fullmatch(r"\*\*(.+?)\*\* \((\d{4})\), (.+?) \[\[(\w+)\]\]\((\S+)\)", text)
    authors = m.group(3).removesuffix(" et al.").split(" and ")
    return expected(m.group(1), m.group(5), date=m.group(2), authors=authors, formats=[m.group(4)])


def read_code_spans(text):
    m = re.fullmatch(r"\[(.+?)\]\((\S+)\) `(\w+)` `(\d{4})`", text)
    return expected(m.group(1), m.group(2), date=m.group(4), fields={"org": m.group(3)})


def read_table_row(line):
    cells = [c.strip() for c in line.strip("|").split("|")]
    m = re.fullmatch(r"\[(.+?)\]\((\S+)\)", cells[0])
    return m and expected(m.group(1), m.group(2), description=cells[1],
                          fields={"Auth": cells[2].strip("`"), "HTTPS": cells[3], "CORS": cells[4]})


def read_reference(line):
    m = re.fullmatch(r'\*\*\[(\d+)\]\*\* (.+?)\. "\*\*(.+?)\*\*\." (.+) \((\d{4})\) \[\[pdf\]\]\((\S+)\)', line)
    if not m:
        return None
    surname, first, *others = m.group(2).split(", ")
    authors = [f"{first} {surname}"] + [name.removeprefix("and ") for name in others]
    return expected(m.group(3), m.group(6), date=m.group(5), authors=authors, formats=["pdf"],
                    fields={"n": m.group(1), "venue": m.group(4)})


ITEM_READERS = {"seed": read_seed, "awesome": read_awesome, "books": read_books, "papers": read_papers,
                "code-spans": read_code_spans}


def expected_entries(style, text):
    """{line number: expected entry} read from the generated text."""
    out = {}
    for number, line in enumerate(text.split("\n"), 1):
        if style == "table":
            entry = read_table_row(line) if line.startswith("| [") else None
        elif style == "paragraphs":
            entry = read_reference(line) if line.startswith("**[") else None
        else:
            m = re.match(r" *(?:-|\d+\.) (.*)", line)
            in_toc = m and m.group(1).startswith("[") and "](#" in m.group(1)
            entry = ITEM_READERS[style](m.group(1)) if m and not in_toc else None
        if entry:
            out[number] = entry
    return out


def check_fields(style, path, text):
    entries = json.loads(curate("list", "--format", "json", path))
    want = expected_entries(style, text)
    check(len(want) == ENTRIES, f"{style}: the test read {len(want)} entries in the generated list")
    check(len(entries) == ENTRIES, f"{style}: curate found {len(entries)} entries, {ENTRIES} generated")
    wrong = []
    for entry in entries:
        exp = want.get(entry["line"])
        got = {key: entry[key] for key in (exp or {})}
        if entry["source"] != SOURCE.get(style, "list") or exp is None or got != exp:
            wrong.append(f"line {entry['line']}: source {entry['source']}, read {got}, written {exp}")
    check(not wrong, f"{style}: {len(wrong)} entries not read as written, e.g.\n  " + "\n  ".join(wrong[:3]))


def check_mixed_count(path, text):
    """The mixed list: its stubs with a child are groups (no link, children)."""
    lines = text.split("\n")
    indent = [len(line) - len(line.lstrip()) for line in lines]
    groups_of_stubs = sum(1 for i, line in enumerate(lines[:-1])
                          if re.match(r' *- \*\w+\*: "[^"]*"$', line) and indent[i + 1] > indent[i]
                          and lines[i + 1].lstrip().startswith("- "))
    entries = json.loads(curate("list", "--format", "json", path))
    check(len(entries) == ENTRIES - groups_of_stubs,
          f"mixed: {len(entries)} entries, expected {ENTRIES} - {groups_of_stubs} stubs with children")
    check(all(e["source"] == "list" for e in entries), "mixed: an entry that is not a list item")


def check_detection(style, path, text, tmp):
    first = curate("style", path).split("\n")[0]
    check(first == f"{path}: {DETECTED[style]} style (detected)", f"{style}: curate style says {first!r}")
    folder = os.path.join(tmp, "init-" + style)
    os.makedirs(folder)
    with open(os.path.join(folder, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)
    curate("init", cwd=folder)
    with open(os.path.join(folder, ".curate.json"), encoding="utf-8") as f:
        config = f.read()
    check(f'"style": "{DETECTED[style]}"' in config, f"{style}: curate init did not write style {DETECTED[style]}")


def check_clean(style, path, text):
    curate("fmt", "--check", path)  # exit 1 (not formatted) raises
    findings = json.loads(curate("validate", "--format", "json", path, ok=(0, 1)))
    rules = {f["rule"] for f in findings}
    stubs = len(re.findall(r'^ *- \*\w+\*: "[^"]*"$', text, re.M)) if style == "seed" else 0
    check(rules <= ({"missing-link"} if stubs else set()), f"{style}: validate reports {sorted(rules)}")
    check(len(findings) == stubs, f"{style}: {len(findings)} findings, {stubs} stubs")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for style in DETECTED:
            path = os.path.join(tmp, f"{style}.md")
            data = generate(style, ENTRIES, path)
            check(generate(style, ENTRIES, path + ".again") == data, f"{style}: two runs wrote different bytes")
            text = data.decode("utf-8")
            per_entry = len(data) / ENTRIES
            check(90 <= per_entry <= 145, f"{style}: {per_entry:.0f} bytes per entry")
            if style == "mixed":
                default = subprocess.run([sys.executable, GEN, str(ENTRIES)], capture_output=True, check=True).stdout
                check(hashlib.sha256(default).hexdigest() == MIXED_2000_SHA256,
                      "mixed: bench/gen 2000 no longer writes the bytes earlier figures were measured on")
                check(default == data, "mixed: --style mixed differs from no --style")
                check_mixed_count(path, text)
            else:
                check_fields(style, path, text)
                check_clean(style, path, text)
            check_detection(style, path, text, tmp)
    if failures:
        sys.exit(f"{len(failures)} failures")
    print(f"bench/gen: {len(DETECTED)} styles read as generated")


if __name__ == "__main__":
    main()
