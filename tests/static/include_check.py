#!/usr/bin/env python3
"""Holds every #include of the core to ARCHITECTURE.md's stage table.

A stage (a folder of src/core and include/curate) may include its own files
and those of the stages its row of the table names; the core never includes
the CLI layer or CLI11. Usage:
  include_check.py ROOT            check the tree, exit 1 on a violation
  include_check.py ROOT --self-test  plant a wrong include in a copy, expect a failure
"""
import pathlib
import re
import shutil
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def read_table(root):
    """{stage: set of stages it may include} from ARCHITECTURE.md."""
    text = (root / "ARCHITECTURE.md").read_text()
    allowed = {}
    for line in text.splitlines():
        m = re.match(r"^\|\s*`([a-z_]+)/`\s*\|[^|]*\|\s*([^|]*)\|\s*$", line)
        if not m:
            continue
        deps = re.findall(r"`([a-z_]+)/`", m.group(2))
        allowed[m.group(1)] = set(deps)
    if not allowed:
        sys.exit("include_check: no stage table found in ARCHITECTURE.md")
    return allowed


def stage_of(path, root):
    rel = path.relative_to(root).parts
    if rel[:2] in (("src", "core"), ("include", "curate")) and len(rel) > 3:
        return rel[2]
    return None


def included_stage(target, path, root):
    """The stage a quoted include names, or None for one outside the core."""
    if target.startswith("curate/"):
        parts = target.split("/")
        return parts[1] if len(parts) > 2 else "<flat>"
    resolved = (path.parent / target).resolve()
    try:
        return stage_of(resolved, root.resolve())
    except ValueError:
        return None


def check(root):
    allowed = read_table(root)
    problems = []
    files = sorted(list((root / "src/core").rglob("*.[ch]pp")) + list((root / "include/curate").rglob("*.hpp")))
    for path in files:
        stage = stage_of(path, root)
        if stage is None:
            problems.append(f"{path.relative_to(root)}: not inside a stage folder")
            continue
        if stage not in allowed:
            problems.append(f"{path.relative_to(root)}: stage '{stage}' is not in ARCHITECTURE.md's table")
            continue
        for m in INCLUDE.finditer(path.read_text()):
            kind, target = m.groups()
            line = path.read_text()[: m.start()].count("\n") + 1
            where = f"{path.relative_to(root)}:{line}"
            if kind == "<":
                if target.startswith("CLI/"):
                    problems.append(f"{where}: the core never includes CLI11 ({target})")
                continue
            if "cli/" in target:
                problems.append(f"{where}: the core never includes the CLI layer ({target})")
                continue
            other = included_stage(target, path, root)
            if other is None or other == stage:
                continue
            if other not in allowed.get(stage, set()):
                may = ", ".join(sorted(allowed[stage])) or "no other stage"
                problems.append(f"{where}: {stage}/ may not include {other}/ ({target}); it may include: {may}")
    return problems


def self_test(root):
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp)
        for part in ("ARCHITECTURE.md", "src/core", "include/curate"):
            src = root / part
            (shutil.copytree if src.is_dir() else shutil.copy)(src, copy / part)
        victim = copy / "src/core/text/text.cpp"
        victim.write_text('#include "curate/catalog/catalog.hpp"\n' + victim.read_text())
        problems = check(copy)
        print("\n".join(problems))
        want = "src/core/text/text.cpp:1: text/ may not include catalog/"
        if not any(p.startswith(want) for p in problems):
            sys.exit("include_check self-test: the planted include was not reported")
        print("self-test: the planted include was reported")


def main():
    root = pathlib.Path(sys.argv[1])
    if "--self-test" in sys.argv[2:]:
        return self_test(root)
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("include_check: every include follows ARCHITECTURE.md")


if __name__ == "__main__":
    main()
