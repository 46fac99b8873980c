#!/usr/bin/env python3
"""`curate export --format bibtex` parses with a real BibTeX parser (bibtool,
biblatex entry types) without a warning: one record per entry, keys kept
as written and unique, special characters escaped so braces balance."""
import re
import subprocess
import tempfile
from pathlib import Path

from common import SEED, SPECIAL, check, count, finish, inputs, run

KEY = re.compile(r"^@(\w+)\{\s*([^,\s]+),", re.M)

with tempfile.TemporaryDirectory() as tmp:
    for path in inputs() + [f"{SEED} --tag cult"]:
        args = path.split(" ")
        bib = Path(tmp) / "export.bib"
        bib.write_text(run("export", "--format", "bibtex", *args), encoding="utf-8")
        parsed = subprocess.run(["bibtool", "-r", "biblatex", "-i", str(bib)], capture_output=True, text=True, cwd=tmp)
        check(parsed.returncode == 0, f"{path}: bibtool exit {parsed.returncode}")
        check(parsed.stderr.strip() == "", f"{path}: bibtool complains: {parsed.stderr.strip()[:400]}")
        ours = [key for _, key in KEY.findall(bib.read_text(encoding="utf-8"))]
        theirs = [key for _, key in KEY.findall(parsed.stdout)]
        check(len(ours) == count(*args), f"{path}: {len(ours)} records for {count(*args)} entries")
        check(theirs == ours, f"{path}: bibtool read {len(theirs)} records, keys differ")
        check(len(set(ours)) == len(ours), f"{path}: keys are not unique")
        print(f"{path}: {len(ours)} records parsed")

bib = run("export", "--format", "bibtex", SEED)
for expected in ["@book{goodfellow2016deep,", "@online{lecun2022what,", "@article{google2015hidden,",
                 "@misc{anonattention,", "  author   = {LeCun, Yann and Browning, Jacob},",
                 "  author   = {{Meta AI}},", "  month    = jun,", "  keywords = {cult}"]:
    check(expected in bib, f"seed BibTeX lacks {expected!r}")
special = run("export", "--format", "bibtex", SPECIAL)
check(r"{{Percent 100\% under \#hash \$dollar \{brace\} \textasciitilde{}tilde \textasciicircum{}caret "
      r"\textbackslash{}backslash}}" in special, "LaTeX special characters are escaped")
check("vaswani2017attention," in special and "vaswani2017attentiona," in special, "colliding keys get a suffix")
check("author   = {van der Berg, Bob and Zola, Émile}" in special, "particles stay with the family name, UTF-8 kept")
finish()
