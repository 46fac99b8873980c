#!/usr/bin/env bash
# Every C++ file of the repository is as clang-format (the committed
# .clang-format) writes it. Exit 77 (skipped) when clang-format is missing.
set -u
root=$1
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 77; }
cd "$root" || exit 2
files=$(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find src include tests -name '*.[ch]pp')
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
