#!/usr/bin/env bash
# Loads `curate completions zsh` through compinit in an interactive zsh on a
# pseudo-terminal (zsh/zpty) and completes real command lines: a completion
# widget collects every match curate's functions offer. Also checks that zsh
# parses the script and that sourcing it registers it. Skipped (77) without zsh.
# usage: completion_zsh.sh CURATE_BINARY SOURCE_DIR
set -u
command -v zsh >/dev/null || { echo "SKIP: zsh is not installed"; exit 77; }
bin=$(realpath "$1")
cd "$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export HOME=$dir PATH=$(dirname "$bin"):$PATH
"$bin" completions zsh >"$dir/_curate"
zsh -n "$dir/_curate" || { echo "FAIL: zsh -n rejects the script"; exit 1; }
got=$(zsh -f -c "autoload -Uz compinit; compinit -u -D; source $dir/_curate; print -r -- \$_comps[curate]")
[ "$got" = "_curate" ] || { echo "FAIL: sourcing maps curate to '$got'"; exit 1; }

# capture.zsh LINE: what zsh offers after typing LINE and pressing the
# capture key, one match per line (the widget wraps compadd to record them).
cat >"$dir/capture.zsh" <<ZSH
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='' RPS1=''; fpath=($dir \\\$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd() { local -a __m; builtin compadd -O __m "\$@"; __all+=("\${__m[@]}"); builtin compadd "\$@"; }'
zpty -w z "__capture() { __all=(); _main_complete; print -rl -- \\\${__all[@]} >$dir/out.tmp; mv $dir/out.tmp $dir/out; }"
zpty -w z 'zle -C capture-complete complete-word __capture; bindkey "^T" capture-complete'
zpty -w -n z "\$1"\$'\x14'
for i in {1..500}; do [[ -f $dir/out ]] && break; sleep 0.05; done  # 25 s: a loaded machine is slow
zpty -d z
ZSH
failed=0
expect() {
  local wanted=$1 line=$2 got
  rm -f "$dir/out"
  timeout 30 zsh -f "$dir/capture.zsh" "$line"
  got=$(sort -u "$dir/out" 2>/dev/null | paste -sd' ')
  if [ "$got" = "$wanted" ]; then echo "ok   [$line] -> $got"; else echo "FAIL [$line] -> '$got', wanted '$wanted'"; failed=1; fi
}
# Every subcommand name and alias, as the program itself reports them, so
# the test keeps holding as commands are added.
all_commands=$("$bin" completions --dump-cli | python3 -c 'import json, sys
print(" ".join(sorted(n for c in json.load(sys.stdin)["subcommands"] for n in [c["name"], *c["aliases"]])))')
expect "$all_commands" "curate "
expect "sections" "curate sec"
expect "csv json jsonl markdown text tsv" "curate list --format "
expect "cult introductionary" "curate list data/resources.md --tag "
expect "bash fish zsh" "curate completions "
expect "--toc" "curate sections --to"
exit $failed
