#!/usr/bin/env python3
"""Validates `curate validate --format junit` against tests/data/junit.xsd.

Usage: junit_schema_test.py CURATE_BINARY
Runs curate on every lint fixture (one call, several files, clean ones among
them) and on a list whose messages hold the characters XML escapes, validates
each report with xmllint (libxml2-utils) against the JUnit schema, and checks
what CI servers count on: one <testsuite> per file, the counts matching the
<testcase> and <failure> elements, and a passing testcase for a clean file.
"""
import glob
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMA = os.path.join(HERE, "data", "junit.xsd")


def run_junit(curate, files, cwd):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764115200", NO_COLOR="1")
    proc = subprocess.run([curate, "validate", "--format", "junit", *files], cwd=cwd, env=env,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"curate exited {proc.returncode}: {proc.stderr}")
    return proc.stdout


def validate(report):
    with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as out:
        out.write(report)
    try:
        proc = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, out.name], capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"JUnit report does not validate:\n{proc.stderr}\n{report[:2000]}")
    finally:
        os.unlink(out.name)


def check_counts(report, files):
    root = ET.fromstring(report)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == sorted(files), [s.get("name") for s in suites]
    failures = 0
    for suite in suites:
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        assert int(suite.get("tests")) == len(cases) > 0, suite.get("name")
        assert int(suite.get("failures")) == len(failed), suite.get("name")
        for case in failed:
            failure = case.find("failure")
            assert failure.get("type") in ("error", "warning") and failure.get("message"), case.get("name")
        failures += len(failed)
    assert int(root.get("failures")) == failures
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
    return root


def main():
    curate = os.path.abspath(sys.argv[1])
    fixtures = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "tests/data/lint/*.md")))
    report = run_junit(curate, fixtures, ROOT)
    validate(report)
    root = check_counts(report, fixtures)
    # A clean fixture is clean on its own: validated together, the fixtures
    # share URLs and titles, which the checks between files rightly report.
    clean = [f for f in fixtures if f.endswith(".good.md")]
    assert clean
    for fixture in clean:
        suite = ET.fromstring(run_junit(curate, [fixture], ROOT)).find("testsuite")
        assert int(suite.get("failures")) == 0, fixture

    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "odd.md"), "w") as out:
            out.write('# T\n\n- [A & B > C](https://example.com/a) - "Quoted" & <odd>.\n'
                      '- [C](https://example.com/a) - Same URL.\n')
        report = run_junit(curate, ["odd.md"], tmp)
        validate(report)
        check_counts(report, ["odd.md"])
        assert "A &amp; B &gt; C" in report, report
    print("junit_schema: ok")


if __name__ == "__main__":
    main()
