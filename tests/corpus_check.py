#!/usr/bin/env python3
"""Checks curate's entries against counts computed independently from
cmark-gfm's own XML output (cmark-gfm --sourcepos -t xml):

- every list item (outside block quotes and tables of contents) whose first
  paragraph holds a link other than a same-document anchor is an entry with
  a URL, at the same line (an item linking only "#anchors" is a group);
- every table body row holding such a link is an entry, at its line;
- no entry comes from a table of contents (a list whose items all link to
  anchors);
- every URL written in the file appears in some entry's links (seed only).

usage: corpus_check.py CURATE FILE...
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://commonmark.org/xml/1.0}"


def line_of(node):
    return int(node.get("sourcepos").split(":")[0])


def links_in(node):
    return [n for n in node.iter(NS + "link")]


def first_paragraph(item):
    children = list(item)
    if children and children[0].tag == NS + "paragraph":
        return children[0]
    return None


def is_toc(lst):
    items = [c for c in lst if c.tag == NS + "item"]
    if not items:
        return False
    for item in items:
        para = first_paragraph(item)
        links = links_in(para) if para is not None else []
        if not links or not all(l.get("destination", "").startswith(("#", "./#")) for l in links):
            return False
        for sub in item:
            if sub.tag == NS + "list" and not is_toc(sub):
                return False
    return True


def is_anchor(link):
    return link.get("destination", "").startswith(("#", "./#"))


def walk_items(lst, expected):
    for item in lst:
        if item.tag != NS + "item":
            continue
        para = first_paragraph(item)
        if para is not None and any(not is_anchor(l) for l in links_in(para)):
            expected.add(line_of(item))
        for sub in item:
            if sub.tag == NS + "list":
                walk_items(sub, expected)


def expected_lines(path):
    xml = subprocess.run(["cmark-gfm", "--sourcepos", "-e", "table", "-e", "autolink",
                          "-e", "strikethrough", "-t", "xml", path],
                         check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(xml)
    expected, toc_lines = set(), set()
    for block in root:  # top-level blocks only: lists in block quotes are prose
        if block.tag == NS + "table":
            expected.update(line_of(row) for row in block if row.tag == NS + "table_row"
                            and any(not is_anchor(l) for l in links_in(row)))
        if block.tag != NS + "list":
            continue
        if is_toc(block):
            toc_lines.update(line_of(i) for i in block.iter(NS + "item"))
        else:
            walk_items(block, expected)
    return expected, toc_lines


def main():
    curate, files = sys.argv[1], sys.argv[2:]
    failures = 0
    for path in files:
        entries = json.loads(subprocess.run([curate, "list", "--format", "json", path],
                                            check=True, capture_output=True, text=True).stdout)
        with_url = {e["line"] for e in entries if e["url"] is not None}
        expected, toc_lines = expected_lines(path)
        problems = []
        if with_url != expected:
            problems.append(f"linked items not entries: {sorted(expected - with_url)[:10]}; "
                            f"entries not linked items: {sorted(with_url - expected)[:10]}")
        from_toc = {e["line"] for e in entries} & toc_lines
        if from_toc:
            problems.append(f"entries from the table of contents at lines {sorted(from_toc)[:10]}")
        if "resources.md" in path:
            text = open(path, encoding="utf-8").read()
            written = set(re.findall(r"https?://[^)\s]+", text))
            found = {u for e in entries for u in e["links"]}
            if written - found:
                problems.append(f"URLs missing from entries: {sorted(written - found)}")
        status = "FAIL" if problems else "ok"
        print(f"{status} {path}: {len(expected)} linked items, {len(with_url)} entries with a URL, "
              f"{len(toc_lines)} TOC items")
        for p in problems:
            print("  " + p)
        failures += bool(problems)
    print(f"{len(files) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
