#!/usr/bin/env python3
"""`curate export --format json` validates against docs/catalog.schema.json
(JSON Schema draft 2020-12), filtered or not, and its entries are exactly
`list --format json`'s, field for field."""
import json

import jsonschema

from common import ROOT, SEED, check, finish, inputs, run_json

schema = json.loads((ROOT / "docs/catalog.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def entries(node):
    for part in node.get("files", []):  # several files: each file's tree
        yield from entries(part)
    for item in node.get("items", []) + node.get("children", []):
        if item["type"] == "entry" and not item.get("context"):
            yield item
        yield from entries(item)
    for section in node.get("sections", []):
        yield from entries(section)


BOOKS = str(ROOT / "tests/golden/inputs/catalog/books")  # a catalog of several files
cases = [[path] for path in inputs()] + [[SEED, "--tag", "cult"], [SEED, "--kind", "video"], [SEED, "--grep", "zzz"]]
cases += [[BOOKS], [BOOKS, "--section", "Python"]]
for args in cases:
    document = run_json("export", "--format", "json", *args)
    for error in list(validator.iter_errors(document))[:5]:
        check(False, f"{args}: /{'/'.join(map(str, error.path))}: {error.message[:200]}")
    listed = run_json("list", "--format", "json", *args)
    exported = list(entries(document))
    check(document["entry_count"] == len(listed), f"{args}: entry_count {document['entry_count']} != {len(listed)}")
    check([e["id"] for e in exported] == [e["id"] for e in listed], f"{args}: ids differ from list --format json")
    for mine, theirs in zip(exported, listed):
        for key, value in theirs.items():
            check(key == "file" or mine.get(key) == value, f"{args}: entry {theirs['id']} field {key} differs")
    files = {e["id"]: part["file"] for part in document.get("files", []) for e in entries(part)}
    for theirs in listed:
        check(files.get(theirs["id"], document.get("file")) == theirs["file"], f"{args}: entry {theirs['id']} file differs")
    print(f"{args}: {len(exported)} entries checked")

# A filter keeps only what leads to a selected entry.
filtered = run_json("export", "--format", "json", SEED, "--kind", "video")
check(filtered["filtered"] is True, "a filtered export says so")


def all_items(node):
    for item in node.get("items", []) + node.get("children", []):
        yield item
        yield from all_items(item)
    for section in node.get("sections", []):
        yield from all_items(section)


context = [item["title"] for item in all_items(filtered) if item.get("context")]
check(context == ["Yes you should understand backprop", "Self-supervised learning: The dark matter of intelligence"],
      f"the blog posts kept for their video children are marked context: {context}")
check(all(section["entry_count"] > 0 for section in filtered["sections"]), "a filtered export drops empty sections")
finish()
