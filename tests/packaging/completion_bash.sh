#!/usr/bin/env bash
# Sources `curate completions bash` in bash and completes real command lines:
# subcommands, options, --format choices, tag names read from the list, files.
# usage: completion_bash.sh CURATE_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
cd "$2"
PATH=$(dirname "$bin"):$PATH
source <("$bin" completions bash) || { echo "FAIL: the script does not source"; exit 1; }
failed=0
# expect "WANTED" WORD… : completes the last word and compares COMPREPLY (sorted).
expect() {
  local wanted=$1
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _curate
  local got
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' ')
  if [ "$got" = "$wanted" ]; then
    echo "ok   [$*] -> $got"
  else
    echo "FAIL [$*] -> '$got', wanted '$wanted'"
    failed=1
  fi
}
# Every subcommand name and alias, as the program itself reports them, so
# the test keeps holding as commands are added.
all_commands=$("$bin" completions --dump-cli | python3 -c 'import json, sys
print(" ".join(sorted(n for c in json.load(sys.stdin)["subcommands"] for n in [c["name"], *c["aliases"]])))')
expect "$all_commands" curate ""
expect "sections" curate sec
expect "completions" curate compl
expect "--format" curate list --for
expect "json jsonl" curate list --format j
expect "json jsonl" curate ls data/resources.md --format j
expect "csv json jsonl markdown text tsv" curate list --format ""
expect "cult introductionary" curate list data/resources.md --tag ""
expect "cult" curate list --tag cu
expect "cult" curate --config .curate.json list --tag c
expect "bash fish zsh" curate completions ""
expect "--toc" curate sections --to
expect "data/resources.md" curate tags data/res
expect "--sort" curate list --tag cult --so
# Every option with a fixed set of values (an IsMember validator), of every
# command, offers exactly that set.
while read -r command option choices; do
  expect "$(tr ' ' '\n' <<<"$choices" | sort | paste -sd' ')" curate "$command" "$option" ""
done < <("$bin" completions --dump-cli | python3 -c 'import json, sys
for c in json.load(sys.stdin)["subcommands"]:
    for o in c["options"]:
        if o["choices"] and o["long"]:
            print(c["name"], "--" + o["long"][0], " ".join(o["choices"]))')
exit $failed
