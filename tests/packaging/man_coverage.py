#!/usr/bin/env python3
"""Every command and option that CLI11 knows (walked at run time through
`curate completions --dump-cli`) must appear in docs/curate.1: each
subcommand as a `.SS "curate NAME"` subsection naming its aliases, each of its
options and positionals inside that subsection, the program's own options in
OPTIONS, and --help somewhere. usage: man_coverage.py CURATE_BINARY MAN_PAGE"""
import json
import re
import subprocess
import sys


def plain(roff):
    return roff.replace("\\-", "-").replace("\\fB", "").replace("\\fI", "").replace("\\fR", "").replace("\\&", "")


def sections(page, macro):
    """Maps each `.SH`/`.SS` title to its body (up to the next such heading)."""
    out, title = {}, None
    for line in page.splitlines():
        if line.startswith(".SH ") or line.startswith(".SS "):
            title = line[4:].strip().strip('"') if line.startswith(macro) else None
            if title is not None:
                out[title] = ""
            continue
        if title is not None:
            out[title] += line + "\n"
    return out


def names(option):
    if option["positional"]:
        return [option["positional"]]
    return ["-" + n for n in option["short"]] + ["--" + n for n in option["long"]]


def mentions(text, name):
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def check_command(command, path, subsections, problems):
    title = " ".join(path)
    body = subsections.get(title)
    if body is None:
        problems.append(f"no subsection .SS \"{title}\"")
        return
    for alias in command["aliases"]:
        if not mentions(body, alias):
            problems.append(f"{title}: alias {alias} not mentioned")
    for option in command["options"]:
        if option["help"]:
            continue
        for name in names(option):
            if not mentions(body, name):
                problems.append(f"{title}: {name} not documented")
    for sub in command["subcommands"]:
        check_command(sub, path + [sub["name"]], subsections, problems)


def main():
    binary, man_page = sys.argv[1], sys.argv[2]
    cli = json.loads(subprocess.run([binary, "completions", "--dump-cli"], check=True,
                                    capture_output=True, text=True).stdout)
    page = plain(open(man_page, encoding="utf-8").read())
    problems = []
    options = sections(page, ".SH").get("OPTIONS", "")
    for option in cli["options"]:
        for name in names(option):
            if not mentions(options if not option["help"] else page, name):
                problems.append(f"global option {name} not in OPTIONS")
    subsections = sections(page, ".SS")
    count = 0
    for command in cli["subcommands"]:
        check_command(command, [cli["name"], command["name"]], subsections, problems)
        count += 1
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "FILES",
                    "ENVIRONMENT", "EXAMPLES"):
        if not re.search(r"^\.SH \"?" + section + r"\"?$", page, re.M):
            problems.append(f"no {section} section")
    for needle in (".curate.json", ".curate-cache.json", "NO_COLOR", "GITHUB_TOKEN"):
        if needle not in page:
            problems.append(f"{needle} not mentioned")
    for problem in problems:
        print("FAIL:", problem)
    print(f"man page: {count} commands checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
