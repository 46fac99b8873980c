#!/usr/bin/env python3
"""Parses every ```yaml block of the given Markdown files (docs/ci.md) with
PyYAML, and checks the shape of the CI documents among them: a GitHub
workflow's jobs have runs-on and steps that each `run` or `use` something; a
GitLab job has a script; a pre-commit config lists repos with hooks.
Also checks .pre-commit-hooks.yaml when given.
usage: ci_docs_yaml.py FILE.md... [.pre-commit-hooks.yaml]"""
import re
import sys

import yaml

FENCE = re.compile(r"^```ya?ml[ \t]*\n(.*?)^```[ \t]*$", re.M | re.S)


def check_github(doc, where, problems):
    for name, job in doc["jobs"].items():
        if "runs-on" not in job:
            problems.append(f"{where}: job {name} has no runs-on")
        for i, step in enumerate(job.get("steps") or []):
            if ("run" in step) == ("uses" in step):
                problems.append(f"{where}: job {name} step {i + 1} needs exactly one of run/uses")
    # PyYAML reads the key `on` as the boolean true (YAML 1.1).
    if "on" not in doc and True not in doc:
        problems.append(f"{where}: workflow has no `on`")


def check_gitlab(doc, where, problems):
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and not k.startswith(".") and k != "variables"}
    if not jobs:
        problems.append(f"{where}: no GitLab job")
    for name, job in jobs.items():
        if "script" not in job:
            problems.append(f"{where}: job {name} has no script")


def check_hooks(hooks, where, problems):
    """The hooks this repository offers to pre-commit users."""
    ids = {hook.get("id"): hook for hook in hooks or []}
    for wanted, entry in (("curate-validate", "curate validate"), ("curate-fmt", "curate fmt --write")):
        hook = ids.get(wanted)
        if hook is None:
            problems.append(f"{where}: no hook {wanted}")
        elif hook.get("entry") != entry or hook.get("language") != "system" or "name" not in hook:
            problems.append(f"{where}: {wanted} needs name, entry '{entry}', language system")


def check_block(text, where, problems):
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as error:
        problems.append(f"{where}: {error}")
        return None
    if isinstance(doc, dict) and "jobs" in doc:
        check_github(doc, where, problems)
        return "github"
    if isinstance(doc, dict) and "repos" in doc:
        for repo in doc["repos"]:
            if "repo" not in repo or not repo.get("hooks"):
                problems.append(f"{where}: pre-commit repo without repo/hooks")
        return "pre-commit"
    if isinstance(doc, dict):
        check_gitlab(doc, where, problems)
        return "gitlab"
    problems.append(f"{where}: not a mapping")
    return None


def main():
    problems, kinds = [], []
    for path in sys.argv[1:]:
        text = open(path, encoding="utf-8").read()
        if path.endswith(".pre-commit-hooks.yaml"):
            check_hooks(yaml.safe_load(text), path, problems)
            continue
        for match in FENCE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            kinds.append(check_block(match.group(1), f"{path}:{line}", problems))
    for wanted in ("github", "gitlab", "pre-commit"):
        if wanted not in kinds:
            problems.append(f"no {wanted} YAML block found")
    for problem in problems:
        print("FAIL:", problem)
    print(f"yaml: {len(kinds)} blocks parsed ({', '.join(str(k) for k in kinds)}), {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
