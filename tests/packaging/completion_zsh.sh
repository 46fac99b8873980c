#!/usr/bin/env bash
# Checks `curate completions zsh`: zsh parses it, and compinit picks it up
# from fpath as the completion of `curate`. Skipped (77) without zsh.
# usage: completion_zsh.sh CURATE_BINARY
set -u
command -v zsh >/dev/null || { echo "SKIP: zsh is not installed"; exit 77; }
bin=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" completions zsh >"$dir/_curate"
zsh -n "$dir/_curate" || { echo "FAIL: zsh -n rejects the script"; exit 1; }
got=$(HOME=$dir zsh -f -c "fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -d $dir/.zcompdump; print -r -- \$_comps[curate]")
[ "$got" = "_curate" ] || { echo "FAIL: compinit maps curate to '$got'"; exit 1; }
# Sourcing (instead of fpath) registers it through compdef.
got=$(HOME=$dir zsh -f -c "autoload -Uz compinit; compinit -u -d $dir/.zcompdump; source $dir/_curate; print -r -- \$_comps[curate]")
[ "$got" = "_curate" ] || { echo "FAIL: sourcing maps curate to '$got'"; exit 1; }
echo "ok: zsh parses the script and compinit registers _curate"
