"""Shared by the export checks: running the curate binary from the repository root."""
import json
import subprocess
import sys
from pathlib import Path

CURATE = sys.argv[1]
ROOT = Path(sys.argv[2]).resolve()
SEED = "data/resources.md"
SPECIAL = "tests/data/special.md"
CORPUS = [str(ROOT / "tests/data/corpus/awesome.md"), str(ROOT / "tests/data/corpus/awesome-python.md")]
failures = []


def run(*args):
    return subprocess.run([CURATE, *args], check=True, capture_output=True, text=True, cwd=ROOT).stdout


def run_raw(*args):
    """Stdout decoded as UTF-8 with line endings untouched."""
    return subprocess.run([CURATE, *args], check=True, capture_output=True, cwd=ROOT).stdout.decode("utf-8")


def run_json(*args):
    return json.loads(run(*args))


def count(*args):
    return int(run("list", "--count", *args))


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def inputs():
    """The seed, the escaping fixture and the real lists (all must exist)."""
    lists = [SEED, SPECIAL, *CORPUS]
    for path in lists:
        check((ROOT / path).exists(), f"missing input {path}")
    return [path for path in lists if (ROOT / path).exists()]


def finish():
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
