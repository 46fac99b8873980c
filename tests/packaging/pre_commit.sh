#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml with the real pre-commit framework
# on a scratch git repository, offline: the hooks repository is a local git
# copy of this file, `language: system` finds the built curate on PATH.
#   a commit of a list with a validation error is refused by curate-validate;
#   a commit of a valid, canonical list passes;
#   a commit of a valid, badly laid-out list is refused by curate-fmt, which
#   rewrites the file; staging the rewrite lets the commit through.
# Skipped (77) while `curate validate` does not exist; the fmt half is
# skipped (77 at the end) while `curate fmt` does not.
# usage: pre_commit.sh CURATE_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1") source=$(realpath "$2")
# (`curate validate --help` cannot tell: CLI11 answers --help before it
# notices an unknown command.)
has_command() {
  "$bin" completions --dump-cli | python3 -c 'import json, sys
sys.exit(sys.argv[1] not in [c["name"] for c in json.load(sys.stdin)["subcommands"]])' "$1"
}
has_command validate || { echo "SKIP: this curate has no validate command yet"; exit 77; }
have_fmt=1
has_command fmt || have_fmt=0
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit is not installed (scripts/install-deps --test)"; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; [ -f "$scratch/log" ] && sed 's/^/  | /' "$scratch/log"; exit 1; }
export HOME=$scratch PRE_COMMIT_HOME=$scratch/pre-commit-cache PATH=$(dirname "$bin"):$PATH NO_COLOR=1
git config --global user.name test && git config --global user.email test@example.invalid &&
  git config --global init.defaultBranch main || fail "git config"

# The hooks repository: this checkout's .pre-commit-hooks.yaml, committed.
hooks=$scratch/hooks
git init -q "$hooks" && cp "$source/.pre-commit-hooks.yaml" "$hooks/" &&
  git -C "$hooks" add . && git -C "$hooks" commit -qm hooks || fail "cannot create the hooks repository"
rev=$(git -C "$hooks" rev-parse HEAD)

project=$scratch/project
git init -q "$project" && cd "$project" || fail "git init"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: curate-validate
$([ $have_fmt = 1 ] && echo "      - id: curate-fmt")
YAML
echo '{"file": "list.md"}' >.curate.json
pre-commit install >"$scratch/log" 2>&1 || fail "pre-commit install"

canonical() {  # a list as curate fmt would write it (as is, without fmt)
  if [ $have_fmt = 1 ]; then curate fmt "$1"; else cat "$1"; fi
}
cat >"$scratch/good.md" <<'MD'
# Reading list

> Tags:
> - *cult*: famous research

## Papers

- *cult*: "Attention Is All You Need" [Ashish Vaswani; paper; 2017](https://arxiv.org/abs/1706.03762)
- "Node.js" [OpenJS Foundation; repo; 2009](https://nodejs.org/)
MD
canonical "$scratch/good.md" >list.md || fail "curate fmt rejects the good list"
curate validate list.md >"$scratch/log" 2>&1 || fail "the good list does not validate"
git add . && git commit -qm "a good list" >"$scratch/log" 2>&1 || fail "a valid list was refused"
echo "ok: a valid list is committed"

# A duplicate URL and a tag outside the vocabulary: validation errors.
cat >>"$scratch/good.md" <<'MD'
- *cutl*: "Attention, again" [Someone; paper; 2017](https://arxiv.org/abs/1706.03762)
MD
canonical "$scratch/good.md" >list.md || fail "curate fmt rejects the bad list"
curate validate list.md >/dev/null 2>&1
[ $? = 1 ] || fail "curate validate does not report the bad list with exit 1"
git add list.md
if git commit -qm "a bad list" >"$scratch/log" 2>&1; then fail "a list with validation errors was committed"; fi
grep -q "curate validate.*Failed" "$scratch/log" || fail "the commit was not refused by curate-validate"
echo "ok: a list with validation errors is refused by curate-validate"
git checkout -q -- list.md 2>/dev/null; git reset -q --hard || fail "git reset"

if [ $have_fmt = 0 ]; then echo "SKIP: curate-fmt not tested, this curate has no fmt command yet"; exit 77; fi
# A new entry, valid but not canonical: `*` bullets and trailing spaces.
echo '- [Deno](https://deno.land/) - A secure runtime.' >>list.md
sed -e 's/^- /* /' -e 's/$/   /' list.md >"$scratch/messy.md" && cp "$scratch/messy.md" list.md
curate fmt --check list.md >/dev/null 2>&1 && fail "the messy list is already canonical"
git add list.md
if git commit -qm "a messy list" >"$scratch/log" 2>&1; then fail "a list that fmt changes was committed"; fi
grep -q "curate fmt.*Failed" "$scratch/log" || fail "the commit was not stopped by curate-fmt"
grep -q "files were modified by this hook" "$scratch/log" || fail "curate-fmt did not rewrite the file"
curate fmt --check list.md >/dev/null 2>&1 || fail "the list is not canonical after curate-fmt"
cmp -s list.md "$scratch/messy.md" && fail "list.md unchanged"
git add list.md && git commit -qm "the messy list, formatted" >"$scratch/log" 2>&1 || fail "the formatted list was refused"
echo "ok: curate-fmt rewrites a badly laid-out list and the rewrite commits"
