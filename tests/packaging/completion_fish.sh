#!/usr/bin/env bash
# Loads `curate completions fish` in fish and asks fish itself what it would
# complete (`complete -C`). Skipped (77) when fish is not installed.
# usage: completion_fish.sh CURATE_BINARY SOURCE_DIR
set -u
command -v fish >/dev/null || { echo "SKIP: fish is not installed"; exit 77; }
bin=$(realpath "$1")
cd "$2"
script=$(mktemp)
trap 'rm -f "$script"' EXIT
"$bin" completions fish >"$script"
fish -n "$script" || { echo "FAIL: fish -n rejects the script"; exit 1; }
failed=0
expect() {
  local wanted=$1 line=$2 got
  got=$(PATH=$(dirname "$bin"):$PATH fish -c "source $script; complete -C '$line'" | cut -f1 | sort | paste -sd' ')
  if [ "$got" = "$wanted" ]; then echo "ok   [$line] -> $got"; else echo "FAIL [$line] -> '$got', wanted '$wanted'"; failed=1; fi
}
# Every subcommand name and alias, as the program itself reports them, so
# the test keeps holding as commands are added.
all_commands=$("$bin" completions --dump-cli | python3 -c 'import json, sys
print(" ".join(sorted(n for c in json.load(sys.stdin)["subcommands"] for n in [c["name"], *c["aliases"]])))')
expect "$all_commands" "curate "
expect "sections" "curate sec"
expect "json jsonl" "curate list --format j"
expect "cult introductionary" "curate list data/resources.md --tag "
expect "bash fish zsh" "curate completions "
expect "--toc" "curate sections --to"
exit $failed
