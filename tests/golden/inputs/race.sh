# Sourced by the write_race_* golden cases. `race ARGS…` runs `curate ARGS…
# list.md` on a copy of race.md while CURATE_TEST_BEFORE_REPLACE (the test
# seam of docs/edit.md "Writing") stands in for an editor that saves the
# file between curate's read and its write. Prints the exit code, whether
# the file holds the other edit and nothing of curate's, and the folder's
# files (no temporary file may be left).
race() {
  local inputs t
  inputs=$(cd ../inputs && pwd)
  t=$(mktemp -d)
  cp "$inputs/race.md" "$t/list.md"
  { cat "$inputs/race.md"; echo '- [Other edit](https://other.example/)'; } >"$t/other.md"
  (cd "$t" && CURATE_TEST_BEFORE_REPLACE='cp other.md list.md' curate "$@" list.md)
  echo "exit $?"
  cmp -s "$t/list.md" "$t/other.md" && echo "list.md holds the other edit only"
  ls -A "$t"
  rm -rf "$t"
}
