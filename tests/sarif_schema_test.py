#!/usr/bin/env python3
"""Validates `curate validate --format sarif` against the SARIF 2.1.0 schema.

Usage: sarif_schema_test.py CURATE_BINARY
Runs curate on every lint fixture (one call, several files) and on the seed
list, validates each log against tests/data/sarif-schema-2.1.0.json and checks
what GitHub code scanning relies on: rule descriptors with id, short and full
description and help; results whose ruleIndex points at their rule; locations
relative to the repository root.
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_sarif(curate, files):
    env = dict(os.environ, GITHUB_WORKSPACE=ROOT, SOURCE_DATE_EPOCH="1764115200", NO_COLOR="1")
    proc = subprocess.run([curate, "validate", "--format", "sarif", *files], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"curate exited {proc.returncode}: {proc.stderr}")
    return json.loads(proc.stdout)


def check_log(log, schema, expect_results):
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        for key in ("id", "shortDescription", "fullDescription", "help"):
            assert key in rule, f"rule {rule.get('id')} lacks {key}"
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
    results = run["results"]
    assert len(results) >= expect_results, f"{len(results)} results, expected at least {expect_results}"
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and not uri.startswith(".."), f"location not relative to the root: {uri}"
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endColumn"] > region["startColumn"] or region["endLine"] > region["startLine"]


def main():
    curate = os.path.abspath(sys.argv[1])
    with open(os.path.join(HERE, "data", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    fixtures = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(HERE, "data", "lint", "*.bad.md")))
    check_log(run_sarif(curate, fixtures), schema, len(fixtures))
    check_log(run_sarif(curate, ["data/resources.md"]), schema, 1)
    clean = run_sarif(curate, [os.path.relpath(os.path.join(HERE, "data", "lint", "final-newline.good.md"), ROOT)])
    check_log(clean, schema, 0)
    print("sarif schema: 3 passed, 0 failed")


if __name__ == "__main__":
    main()
