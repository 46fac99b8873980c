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
expect "list ls" "curate l"
expect "json jsonl" "curate list --format j"
expect "cult introductionary" "curate list data/resources.md --tag "
expect "bash fish zsh" "curate completions "
expect "--toc" "curate sections --to"
exit $failed
