#!/usr/bin/env python3
"""`curate COMMAND --help` and the man page as `man -l docs/curate.1` shows
it must name every option with the same placeholder (PATTERN, N, FILE, …) or
the same choices (text|json): both are generated from the option definitions,
and this test proves they did not drift. It also holds the vocabulary: no
option outside the link-checking group shows CLI11's generic INT, UINT or
FLOAT. usage: help_matches_man.py CURATE_BINARY MAN_PAGE"""
import json
import os
import re
import subprocess
import sys

TERM = re.compile(r"^(-\S.*?|[A-Z][A-Z_]*)(?:\s{2,}|$)")
GENERIC = re.compile(r"\b(U?INT|FLOAT|NUMBER)\b")
problems = []


def parse_term(term):
    """'-o, --output FILE' -> ({'-o', '--output'}, 'FILE')."""
    names, _, value = term.replace(", ", ",").partition(" ")
    return frozenset(names.split(",")), value.strip()


def help_options(binary, path):
    """{names: (value, group)} from `curate … --help`."""
    text = subprocess.run([binary, *path, "--help"], check=True, capture_output=True, text=True).stdout
    options, group = {}, None
    for line in text.splitlines():
        if re.match(r"^\S.*:$", line):
            group = line[:-1]
            continue
        if group is None or not line.startswith("  ") or line.startswith("   "):
            continue
        match = TERM.match(line[2:])
        if match:
            names, value = parse_term(match.group(1))
            if "--help" not in names:
                options[names] = (value, group)
    return options


def man_sections(binary, man_page):
    """{'curate list': {names: value}, 'OPTIONS': {...}} from the rendered page."""
    env = dict(os.environ, MANWIDTH="250", MAN_KEEP_FORMATTING="", LC_ALL="C.UTF-8")
    text = subprocess.run(["man", "-l", man_page], check=True, capture_output=True, text=True, env=env).stdout
    text = re.sub(r".\x08", "", text)  # overstrike bold/underline, if any
    sections, current = {}, None
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^\S", line):
            current = line.strip() if line.strip() == "OPTIONS" else None
            if current:
                sections[current] = {}
            continue
        header = re.match(r"^   (curate( \S+)+)\s*$", line)
        if header:
            current = header.group(1)
            sections[current] = {}
            continue
        if current is None or not line.startswith("       ") or line.startswith("        "):
            continue
        # A term of up to 6 characters shares its line with the description
        # (from column 14); a longer one has the description on the lines below.
        below = lines[index + 1] if index + 1 < len(lines) else ""
        shared = not re.match(r"^ {14}\S", below) and len(line) > 14 and line[13] == " "
        match = TERM.match(line[7:13].strip() if shared else line[7:])
        if match:
            names, value = parse_term(match.group(1))
            if "--help" not in names:
                sections[current][names] = value
    return sections


def compare(where, helped, manned):
    for names, (value, group) in helped.items():
        shown = "/".join(sorted(names))
        if names not in manned:
            problems.append(f"{where}: {shown} is in --help but not in the man page")
        elif manned[names] != value:
            problems.append(f"{where}: {shown} shows '{value}' in --help but '{manned[names]}' in the man page")
        if group != "Link checking" and GENERIC.search(value):
            problems.append(f"{where}: {shown} shows the generic placeholder '{value}'")
    for names in manned.keys() - helped.keys():
        problems.append(f"{where}: {'/'.join(sorted(names))} is in the man page but not in --help")


def main():
    binary, man_page = os.path.realpath(sys.argv[1]), sys.argv[2]
    cli = json.loads(subprocess.run([binary, "completions", "--dump-cli"], check=True, capture_output=True,
                                    text=True).stdout)
    man = man_sections(binary, man_page)
    compare("curate", help_options(binary, []), man.get("OPTIONS", {}))
    checked = 1
    for command in cli["subcommands"]:
        title = f"curate {command['name']}"
        if title not in man:
            problems.append(f"{title}: no subsection in the man page")
            continue
        compare(title, help_options(binary, [command["name"]]), man[title])
        checked += 1
    for problem in problems:
        print("FAIL:", problem)
    print(f"help and man page: {checked} commands compared, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
