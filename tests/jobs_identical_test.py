#!/usr/bin/env python3
"""`--jobs N` changes how many threads parse a big list, never what curate
prints (issue "Performance", docs/performance.md "Parallel chunks").

Runs `list --format json`, `validate --format json` and `fmt --check` with
--jobs 1 and 2, and compares stdout, stderr and the exit code on every
corpus list, data/resources.md, a 1.5 MB list made of the corpus lists one
after another (so it is parsed in several chunks), and bench/gen's
20,000-entry list; on the last two, `list` and `validate` also with
--jobs 4 and with CURATE_JOBS=2. Under the sanitizers (third argument
`sanitized`) the two big lists are a third as long: still several chunks
each, the same code, a third of the time.

usage: jobs_identical_test.py CURATE REPO_ROOT [sanitized]
"""
import os
import subprocess
import sys
import tempfile

CURATE = sys.argv[1]
ROOT = sys.argv[2]
SANITIZED = sys.argv[3:] == ["sanitized"]
CORPUS = os.path.join(ROOT, "tests", "data", "corpus")
COMMANDS = [["list", "--format", "json"], ["validate", "--format", "json"], ["fmt", "--check"]]


def run(args, env_jobs=None):
    env = dict(os.environ)
    env.pop("CURATE_JOBS", None)
    if env_jobs:
        env["CURATE_JOBS"] = env_jobs
    result = subprocess.run([CURATE, *args], capture_output=True, env=env)
    return result.returncode, result.stdout, result.stderr


def lists(work):
    corpus = sorted(os.path.join(CORPUS, name) for name in os.listdir(CORPUS)
                    if name.endswith(".md") and name != "README.md")
    files = corpus + [os.path.join(ROOT, "data", "resources.md")]
    # Chunks are about 256 KB: a list of several MB is parsed in many.
    joined = os.path.join(work, "joined.md")
    with open(joined, "w", encoding="utf-8") as out:
        out.write("# Joined lists\n\n")
        for path in corpus * (1 if SANITIZED else 3):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            out.write(text.replace("\n# ", "\n## ") + "\n\n")
    generated = os.path.join(work, "generated.md")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen"), "6000" if SANITIZED else "20000", generated], check=True)
    return files, [joined, generated]


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        small, big = lists(work)
        for path in small + big:
            for command in COMMANDS:
                base = [*command, path]
                reference = run(["--jobs", "1", *base])
                variants = {"--jobs 2": run(["--jobs", "2", *base])}
                if path in big and command[0] != "fmt":  # fmt parses the whole text on one thread
                    variants["--jobs 4"] = run(["--jobs", "4", *base])
                    variants["CURATE_JOBS=2"] = run(base, env_jobs="2")
                for name, got in variants.items():
                    if got != reference:
                        failures += 1
                        print(f"FAIL {' '.join(command)} {os.path.basename(path)}: {name} differs from --jobs 1")
                if not reference[1] and command[0] == "list":
                    failures += 1
                    print(f"FAIL list printed nothing for {os.path.basename(path)}")
    print("ok" if not failures else f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
