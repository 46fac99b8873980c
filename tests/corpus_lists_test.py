#!/usr/bin/env python3
"""What must hold on every real list of the corpus and on data/resources.md
(issues "Real lists I" and "Real lists II"), checked through the real binary:

- ids are unique and no entry URL is a same-document anchor;
- `fmt` output renders to the same HTML as the input (cmark-gfm, whitespace
  collapsed) and is idempotent;
- an `add` then an `rm` of the same entry gives back the file byte for byte,
  into a list and, where the list has tables, into a table;
- the style curate detects is the one a reader sees;
- list-specific facts (counted independently, see EXPECTED below).

usage: corpus_lists_test.py CURATE REPO_ROOT
"""
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CURATE = sys.argv[1]
ROOT = sys.argv[2]
CORPUS = os.path.join(ROOT, "tests", "data", "corpus")

# The style each list is written in, as a reader would name it.
STYLES = {
    "awesome-nlp.md": "awesome",
    "awesome-python.md": "awesome",
    "awesome.md": "awesome",
    "free-programming-books-de.md": "books",
    "public-apis.md": "awesome",
    "resources.md": "seed",
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL " + message)


def run(*args, ok=(0,), cwd=None):
    result = subprocess.run([CURATE, *args], capture_output=True, text=True, cwd=cwd)
    if result.returncode not in ok:
        raise RuntimeError(f"curate {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def entries_of(path):
    return json.loads(run("list", "--format", "json", path).stdout)


def html_of(text):
    html = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough",
                           "-e", "tagfilter"], input=text, capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", html).strip()


def check_ids_and_urls(name, entries):
    ids = [e["id"] for e in entries]
    check(len(ids) == len(set(ids)), f"{name}: {len(ids) - len(set(ids))} ids repeat")
    anchors = [e["line"] for e in entries if (e["url"] or "").startswith("#")]
    check(not anchors, f"{name}: entries with a '#' url at lines {anchors[:10]}")


def check_fmt(name, path, tmp):
    text = open(path, encoding="utf-8").read()
    once = subprocess.run([CURATE, "fmt", "-"], input=text, capture_output=True, text=True)
    check(once.returncode == 0, f"{name}: fmt failed: {once.stderr}")
    twice = subprocess.run([CURATE, "fmt", "-"], input=once.stdout, capture_output=True, text=True)
    check(twice.stdout == once.stdout, f"{name}: fmt is not idempotent")
    check(html_of(text) == html_of(once.stdout), f"{name}: fmt changed the rendered HTML")
    # A first fmt changes at most 2% of the lines (both sides of the diff).
    before, after = text.split("\n"), once.stdout.split("\n")
    changed = sum(len(a) for tag, *a in [(op[0], before[op[1]:op[2]] + after[op[3]:op[4]]) for op in
                  difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()] if tag != "equal")
    print(f"{name}: fmt changes {changed} of {len(before)} lines")
    check(changed * 50 <= len(before), f"{name}: fmt changes {changed} of {len(before)} lines (more than 2%)")
    bullets = lambda t: sum(1 for line in t.split("\n") if line.lstrip().startswith("* "))
    check(bullets(text) == bullets(once.stdout), f"{name}: fmt changed '*' bullets")
    copy = os.path.join(tmp, "fmt-" + name)
    shutil.copyfile(path, copy)
    run("fmt", "--write", copy)
    run("fmt", "--check", copy)


def round_trip(name, path, section, tmp):
    copy = os.path.join(tmp, os.path.basename(path))
    shutil.copyfile(path, copy)
    before = open(copy, "rb").read()
    url = "https://example.org/curate-round-trip"
    run("add", "--section", section, "--title", "Round trip", "--url", url, "--description", "a probe", copy)
    added = [e for e in entries_of(copy) if e["url"] == url]
    check(len(added) == 1, f"{name}: add into '{section}' gave {len(added)} entries")
    run("rm", url, copy)
    check(open(copy, "rb").read() == before, f"{name}: add+rm into '{section}' is not byte-identical")
    return added[0] if added else None


def last_heading(entry):
    return entry["section"][-1]


def check_list(path, tmp):
    name = os.path.basename(path)
    entries = entries_of(path)
    check_ids_and_urls(name, entries)
    check_fmt(name, path, tmp)
    style = run("style", path).stdout.split("\n")[0]
    check(f": {STYLES[name]} style" in style, f"{name}: detected '{style}', expected {STYLES[name]}")
    listed = next(e for e in entries if e["source"] == "list" and e["section"] and not e["parents"])
    added = round_trip(name, path, last_heading(listed), tmp)
    if added:
        check(added["source"] == "list", f"{name}: the probe landed in a {added['source']}")
    tabled = next((e for e in entries if e["source"] == "table"), None)
    if tabled:
        added = round_trip(name, path, last_heading(tabled), tmp)
        if added:
            check(added["source"] == "table", f"{name}: the table probe landed in a {added['source']}")
    return entries


def public_apis(entries):
    # Counted independently: `grep -c '^| \['` gives 1,706 table rows opening
    # with a link: 11 in the APILayer tables (lines 45-55, columns API,
    # Description, Call this API) and 1,695 API rows (API, Description, Auth,
    # HTTPS, CORS); cmark-gfm's XML has 14 linked list items outside the ToC.
    rows = [e for e in entries if e["source"] == "table"]
    check(len(rows) == 1706, f"public-apis: {len(rows)} table entries, expected 1706")
    check(len(entries) == 1720, f"public-apis: {len(entries)} entries, expected 1720")
    apis = [e for e in rows if set(e["fields"]) == {"Auth", "HTTPS", "CORS"}]
    check(len(apis) == 1695, f"public-apis: {len(apis)} rows with Auth/HTTPS/CORS, expected 1695")
    check(all(e["title"] and e["url"] and e["description"] for e in apis),
          "public-apis: an API row lacks a title, url or description")


def books_de(entries):
    index = [e for e in entries if e["section"] and e["section"][-1].lower() in ("index", "inhaltsverzeichnis")]
    check(not index, f"free-programming-books-de: {len(index)} entries from the Index")
    check(len(entries) == 91, f"free-programming-books-de: {len(entries)} entries, expected 91")
    # Of the linked entries whose line writes authors (text after " - " or
    # " – " following the link) or a format ("(PDF)", "(HTML, EPUB)"), at
    # least 90% must have them read; lines writing neither have nothing to read.
    lines = open(os.path.join(CORPUS, "free-programming-books-de.md"), encoding="utf-8").read().split("\n")
    source = {e["line"]: lines[e["line"] - 1] for e in entries}
    writes_authors = [e for e in entries if re.search(r"\]\([^)]*\)\s+[-\u2013]\s+\S", source[e["line"]])]
    writes_formats = [e for e in entries if re.search(r"\((?:PDF|HTML|EPUB|Online|Kindle|MOBI|ODT|ZIP)(?:,[^)]*)?\)",
                                                      source[e["line"]], re.I)]
    authors = sum(1 for e in writes_authors if e["authors"])
    formats = sum(1 for e in writes_formats if e["formats"])
    print(f"free-programming-books-de: authors read on {authors} of {len(writes_authors)} entries writing them, "
          f"formats on {formats} of {len(writes_formats)}")
    check(len(writes_authors) >= 70 and authors * 10 >= len(writes_authors) * 9, "free-programming-books-de: authors")
    check(len(writes_formats) >= 70 and formats * 10 >= len(writes_formats) * 9, "free-programming-books-de: formats")


def awesome_nlp(entries):
    back = [e["line"] for e in entries if any("back to top" in a.lower() for a in e["authors"])]
    check(not back, f"awesome-nlp: 'Back to Top' as an author at lines {back[:10]}")


def main():
    lists = sorted(os.path.join(CORPUS, f) for f in os.listdir(CORPUS) if f in STYLES)
    lists.append(os.path.join(ROOT, "data", "resources.md"))
    with tempfile.TemporaryDirectory(prefix="curate-corpus-") as tmp:
        for path in lists:
            entries = check_list(path, tmp)
            name = os.path.basename(path)
            {"public-apis.md": public_apis, "free-programming-books-de.md": books_de,
             "awesome-nlp.md": awesome_nlp}.get(name, lambda _: None)(entries)
            print(f"checked {name}: {len(entries)} entries")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
