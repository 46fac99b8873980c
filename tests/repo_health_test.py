#!/usr/bin/env python3
"""`curate validate --links` / `--repos` end to end against tests/github_mock.py
on 127.0.0.1: a list of 250 GitHub entries (and two links in prose) with
archived, renamed, transferred, deleted and stale repositories planted.

Holds that GitHub is asked in exactly 3 GraphQL requests, that exactly the
planted cases are reported with the right rules and lines, that --fix
rewrites the moved ones and nothing else (byte for byte), and that no
token, --repos, the cache and a secondary rate limit behave as documented.
No traffic leaves the machine.

usage: repo_health_test.py path/to/curate
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ENTRIES = 250
HEADER_LINES = 6  # the entries start on line 7
# index -> repository path (after OWNER/) for the planted entries
PLANTED = {
    10: "archived-1", 40: "archived-2/tree/main/docs",
    20: "renamed-1", 60: "renamed-2/blob/main/README.md#usage",
    30: "transferred-1", 70: "transferred-2/wiki",
    80: "dup-1",
    90: "deleted-1", 100: "deleted-2/issues",
    110: "stale-1", 120: "stale-2",
}
PLANTED_RULES = {
    10: "repo-archived", 40: "repo-archived", 20: "repo-moved", 60: "repo-moved", 30: "repo-moved",
    70: "repo-moved", 80: "repo-moved", 90: "repo-gone", 100: "repo-gone", 110: "repo-stale", 120: "repo-stale",
}
MOVED = {20: "acme/renamed-1-new", 60: "acme/renamed-2-new/blob/main/README.md#usage",
         30: "newco/transferred-1", 70: "newco/transferred-2/wiki"}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


class Mock:
    def __init__(self, *args):
        self.process = subprocess.Popen([sys.executable, os.path.join(HERE, "github_mock.py"), *args],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.base = "http://127.0.0.1:" + self.process.stdout.readline().strip()

    def stats(self):
        with urllib.request.urlopen(self.base + "/__stats") as answer:
            return json.load(answer)

    def env(self, token=True):
        env = dict(os.environ, GITHUB_SERVER_URL=self.base, GITHUB_API_URL=self.base + "/api",
                   GITHUB_GRAPHQL_URL=self.base + "/graphql", no_proxy="127.0.0.1", NO_PROXY="127.0.0.1")
        env.pop("GITHUB_TOKEN", None)
        if token:
            env["GITHUB_TOKEN"] = "test-token"
        return env

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def entry_url(base, index):
    return f"{base}/acme/{PLANTED.get(index, f'healthy-{index}')}"


def write_list(base, path):
    lines = ["# Awesome test", "",
             f"Our history: [the old home]({base}/acme/archived-1) and [a lost fork]({base}/acme/deleted-1/blob/x).",
             "", "## Tools", ""]
    assert len(lines) == HEADER_LINES
    lines += [f"- [Tool {i}]({entry_url(base, i)}) - Tool number {i}." for i in range(ENTRIES)]
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def expected_findings():
    found = {(HEADER_LINES + 1 + i, rule) for i, rule in PLANTED_RULES.items()}
    return found | {(3, "repo-archived"), (3, "repo-gone")}


def validate(curate, mock, *args, token=True, config=None):
    global_options = ["--config", config] if config else []
    run = subprocess.run([curate, *global_options, "validate", "--format", "json", "--no-cache", *args, "list.md"],
                         env=mock.env(token), capture_output=True, text=True, timeout=120)
    return run.returncode, json.loads(run.stdout or "[]"), run.stderr


def findings_of(diagnostics):
    return {(d["line"], d["rule"]) for d in diagnostics}


def check_links_run(curate, mock):
    before = mock.stats()["graphql"]
    code, diagnostics, err = validate(curate, mock, "--links")
    if code != 1:
        fail(f"--links: exit {code}: {err}")
    got = findings_of(diagnostics)
    if got != expected_findings():
        fail(f"--links: findings differ: extra {sorted(got - expected_findings())}, "
             f"missing {sorted(expected_findings() - got)}")
    stats = mock.stats()
    if stats["graphql"] - before != 3 or stats["repos_per_query"][-3:] != [100, 100, 50]:
        fail(f"--links: {stats['graphql'] - before} GraphQL requests ({stats['repos_per_query']}), expected 3")
    duplicate = [d for d in diagnostics if d["line"] == HEADER_LINES + 81]
    if not duplicate or "already has (line 8)" not in duplicate[0]["message"] or duplicate[0]["fixable"]:
        fail(f"dup-1 is not reported as a duplicate of line 8: {duplicate}")
    if "repos: 250 checked, 2 archived, 5 moved, 2 gone, 2 stale" not in err:
        fail(f"--links: repos summary: {err}")


def check_fix(curate, mock):
    with open("list.md") as original:
        text = original.read()
    expected = text
    for index, new in MOVED.items():
        old = f"- [Tool {index}]({entry_url(mock.base, index)})"
        expected = expected.replace(old, f"- [Tool {index}]({mock.base}/{new})")
    code, diagnostics, err = validate(curate, mock, "--links", "--fix")
    with open("list.md") as fixed:
        result = fixed.read()
    if result != expected:
        fail("--fix: the file is not the original with the moved repositories rewritten")
    if "fixed 4 links to a moved repository" not in err:
        fail(f"--fix: {err}")
    moved = {(d["line"], d["rule"]) for d in diagnostics if d["rule"] == "repo-moved"}
    if moved != {(HEADER_LINES + 81, "repo-moved")}:
        fail(f"--fix: repo-moved left: {sorted(moved)}")
    with open("list.md", "w") as restore:
        restore.write(text)


def check_without_token(curate, mock):
    before = mock.stats()["graphql"]
    shutil.copy("list.md", "copy.md")  # two files, one note
    with open("no-duplicates.json", "w") as config:  # copy.md repeats every entry of list.md: not this check's point
        json.dump({"rules": {"duplicate-url": "off", "duplicate-title": "off"}}, config)
    code, diagnostics, err = validate(curate, mock, "--repos", "copy.md", token=False,
                                      config="no-duplicates.json")
    if code != 0 or diagnostics:
        fail(f"no token: exit {code}, {len(diagnostics)} findings")
    if err.count("GITHUB_TOKEN is not set") != 1:
        fail(f"no token: the note is not said once: {err}")
    if mock.stats()["graphql"] != before:
        fail("no token: GitHub was asked")


def check_repos_only(curate, mock):
    web = mock.stats()["web"]
    code, diagnostics, err = validate(curate, mock, "--repos")
    if findings_of(diagnostics) != expected_findings():
        fail("--repos: findings differ from --links'")
    if mock.stats()["web"] != web:
        fail("--repos requested web pages")
    if "links:" in err:
        fail(f"--repos printed a links summary: {err}")


def check_cache(curate, mock):
    env = mock.env()
    for run in (1, 2):
        before = mock.stats()["graphql"]
        done = subprocess.run([curate, "validate", "--repos", "--format", "json", "list.md"], env=env,
                              capture_output=True, text=True, timeout=120)
        if findings_of(json.loads(done.stdout)) != expected_findings():
            fail(f"cache run {run}: findings differ")
        asked = mock.stats()["graphql"] - before
        if run == 2 and (asked != 1 or mock.stats()["repos_per_query"][-1] != 2):
            fail(f"cache: the second run asked {asked} queries ({mock.stats()['repos_per_query'][-1]} repositories); "
                 "expected one about the 2 gone ones")
        if run == 2 and "248 cached" not in done.stderr:
            fail(f"cache: {done.stderr}")
    os.remove(".curate-cache.json")


def check_secondary_limit(curate):
    mock = Mock("--secondary-limit-once")
    try:
        write_list(mock.base, "list.md")
        code, diagnostics, err = validate(curate, mock, "--repos")
        if findings_of(diagnostics) != expected_findings():
            fail(f"secondary limit: findings differ: {err}")
        if mock.stats()["graphql"] != 4:
            fail(f"secondary limit: {mock.stats()['graphql']} GraphQL requests, expected 4 (one refused, retried)")
    finally:
        mock.close()


def main():
    curate = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp()
    os.chdir(work)
    with open(".curate.json", "w") as config:
        json.dump({"rules": {"insecure-link": "off"}}, config)  # the mock speaks plain http
    mock = Mock()
    try:
        write_list(mock.base, "list.md")
        check_links_run(curate, mock)
        check_fix(curate, mock)
        check_without_token(curate, mock)
        check_repos_only(curate, mock)
        check_cache(curate, mock)
    finally:
        mock.close()
    check_secondary_limit(curate)
    shutil.rmtree(work)
    if failures:
        sys.exit(1)
    print("repository health: passed")


if __name__ == "__main__":
    main()
