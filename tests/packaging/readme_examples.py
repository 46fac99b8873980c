#!/usr/bin/env python3
"""Runs every example of README.md and compares what it prints.

An example is a ```console block: lines starting with `$ ` are commands, the
lines after each one are exactly what it prints (stdout and stderr, as a
terminal shows them). Each block runs in one bash session (so `cd` carries
over) inside a fresh scratch folder holding what a fresh clone has (data/ and
.curate.json), with the built curate first on PATH and NO_COLOR=1.
usage: readme_examples.py CURATE_BINARY SOURCE_DIR [README]"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```console[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)
MARK = "\x1e-readme-example-"


def parse_block(body):
    """[(command, expected output)] of one console block."""
    examples = []
    for line in body.splitlines(keepends=True):
        if line.startswith("$ "):
            examples.append([line[2:].rstrip("\n"), ""])
        elif examples:
            examples[-1][1] += line
        elif line.strip():
            raise ValueError(f"output before the first command: {line!r}")
    return examples


def run_block(examples, binary, source):
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copytree(os.path.join(source, "data"), os.path.join(scratch, "data"))
        shutil.copy(os.path.join(source, ".curate.json"), scratch)
        script = "".join(f"printf '%s\\n' '{MARK}{i}'\n{command}\n" for i, (command, _) in enumerate(examples))
        env = dict(os.environ, NO_COLOR="1", PATH=os.path.dirname(binary) + os.pathsep + os.environ["PATH"])
        env.pop("CLICOLOR_FORCE", None)
        env.pop("COLUMNS", None)  # widths must not depend on the terminal ctest runs in
        result = subprocess.run(["bash", "-c", script], cwd=scratch, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120)
    outputs = re.split(re.escape(MARK) + r"\d+\n", result.stdout)[1:]
    return outputs + [""] * (len(examples) - len(outputs))


def main():
    binary = os.path.realpath(sys.argv[1])
    source = os.path.realpath(sys.argv[2])
    readme = sys.argv[3] if len(sys.argv) > 3 else os.path.join(source, "README.md")
    text = open(readme, encoding="utf-8").read()
    failures = count = 0
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 2
        examples = parse_block(match.group(1))
        for (command, wanted), got in zip(examples, run_block(examples, binary, source)):
            count += 1
            if got == wanted:
                print(f"ok   README.md:{line}: $ {command}")
                continue
            failures += 1
            print(f"FAIL README.md:{line}: $ {command}")
            print("  --- README says")
            print("".join("  | " + l for l in wanted.splitlines(keepends=True)), end="")
            print("  --- it prints")
            print("".join("  | " + l for l in got.splitlines(keepends=True)), end="")
    print(f"readme: {count} examples, {failures} failed")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
