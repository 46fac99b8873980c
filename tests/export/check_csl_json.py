#!/usr/bin/env python3
"""`curate export --format csl-json` validates against the CSL-JSON schema
(tests/data/csl-data.json, from citation-style-language/schema), has one
item per entry with unique ids equal to the BibTeX keys, and maps names and
dates as Zotero and pandoc read them."""
import json
import re

import jsonschema

from common import ROOT, SEED, check, count, finish, inputs, run, run_json

schema = json.loads((ROOT / "tests/data/csl-data.json").read_text())
validator = jsonschema.validators.validator_for(schema)(schema)

for path in inputs() + [f"{SEED} --tag cult"]:
    args = path.split(" ")
    items = run_json("export", "--format", "csl-json", *args)
    for error in list(validator.iter_errors(items))[:5]:
        check(False, f"{path}: /{'/'.join(map(str, error.path))}: {error.message[:200]}")
    check(len(items) == count(*args), f"{path}: {len(items)} items, list counts {count(*args)}")
    ids = [item["id"] for item in items]
    check(len(set(ids)) == len(ids), f"{path}: ids are not unique")
    bibtex_keys = re.findall(r"^@\w+\{([^,]+),", run("export", "--format", "bibtex", *args), re.M)
    check(ids == bibtex_keys, f"{path}: CSL ids differ from BibTeX keys")
    print(f"{path}: {len(items)} items checked")

items = {item["id"]: item for item in run_json("export", "--format", "csl-json", SEED)}
book = items.get("goodfellow2016deep", {})
check(book.get("type") == "book", "a book is a CSL book")
check(book.get("author") == [{"family": "Goodfellow", "given": "Ian"}], f"a person is family/given: {book.get('author')}")
check(book.get("issued") == {"date-parts": [[2016]]}, "a year is one date part")
check(book.get("keyword") == "cult" and book.get("URL") == "https://www.deeplearningbook.org/", "keyword and URL")
blog = items.get("lecun2022what", {})
check(blog.get("type") == "post-weblog" and blog.get("issued") == {"date-parts": [[2022, 6]]}, "blog, year and month")
meta = items.get("meta2021self", {})
check(meta.get("author") == [{"literal": "Meta AI"}], f"an organisation is a literal name: {meta.get('author')}")
check(meta.get("issued") == {"date-parts": [[2021, 3, 4]]}, "a full date has three parts")
finish()
