#!/usr/bin/env python3
"""`curate export --format csv` parses with Python's csv module (RFC 4180)
back into exactly the fields `list --format json` has, one row per entry."""
import csv
import io

from common import SEED, check, finish, inputs, run_json, run_raw

COLUMNS = ["id", "title", "url", "tags", "authors", "kinds", "date", "section", "parents", "description", "note", "line"]


def expected_row(entry):
    return [entry["id"], entry["title"], entry["url"] or "", "; ".join(entry["tags"]), "; ".join(entry["authors"]),
            "; ".join(entry["kinds"]), entry["date"] or "", " / ".join(entry["section"]), " / ".join(entry["parents"]),
            entry["description"] or "", entry["note"] or "", str(entry["line"])]


for args in [[path] for path in inputs()] + [[SEED, "--tag", "cult"]]:
    text = run_raw("export", "--format", "csv", *args)
    check(text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), f"{args}: rows end in CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    check(rows[0] == COLUMNS, f"{args}: header {rows[0]}")
    listed = run_json("list", "--format", "json", *args)
    check(len(rows) - 1 == len(listed), f"{args}: {len(rows) - 1} rows for {len(listed)} entries")
    for row, entry in zip(rows[1:], listed):
        check(row == expected_row(entry), f"{args}: row for {entry['id']} differs: {row}")
    # Writing the parsed rows back with csv's own RFC 4180 dialect gives the same bytes.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    check(again.getvalue() == text, f"{args}: csv.writer does not reproduce the export byte for byte")
    print(f"{args}: {len(rows) - 1} rows checked")
finish()
