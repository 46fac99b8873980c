#!/usr/bin/env bash
# `curate validate --links` end to end against tests/http_server.py on
# 127.0.0.1: findings as diagnostics, rule severities from the config, the
# cache file, --fix of a redirected link, and Ctrl-C (cache written, partial
# report, exit 130). No traffic leaves the machine.
set -u
# A proxy from the environment must never see this traffic.
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
curate=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
exec 3> >(python3 "$here/http_server.py" >"$tmp/ports")
trap 'exec 3>&-; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do [ -s "$tmp/ports" ] && break; sleep 0.05; done
read -r port closed <"$tmp/ports"
base="http://127.0.0.1:$port"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

cd "$tmp"
cat >list.md <<EOF
# Test list

## Links

- [OK]($base/ok) - fine.
- [Moved]($base/moved#part) - moved.
- [Dead]($base/404) - dead.
- [Wall]($base/challenge) - wall.
- [Closed](http://127.0.0.1:$closed/) - refused.
EOF
quick=(--timeout 2s --retries 0)

# Findings, exit 1, the summary on stderr, the cache beside the list.
"$curate" validate --links "${quick[@]}" list.md >out.txt 2>err.txt
code=$?
[ "$code" = 1 ] || fail "exit $code, expected 1"
grep -q "list.md:6:11: warning: $base/moved#part: redirects permanently (301) to $base/ok \[redirected-link\]" out.txt ||
  fail "no redirected-link: $(cat out.txt)"
grep -q "list.md:7:10: error: $base/404: HTTP 404 Not Found \[dead-link\]" out.txt || fail "no dead-link for 404"
grep -q "unverified-link" out.txt || fail "no unverified-link for the challenge"
grep -q "127.0.0.1:$closed/: connection refused \[dead-link\]" out.txt || fail "no dead-link for the closed port"
grep -q '^links: 5 checked, 1 ok, 1 redirected, 1 unverified, 2 dead' err.txt || fail "summary: $(cat err.txt)"
grep -q "\"$base/ok\"" .curate-cache.json || fail "no cache file with the success"

# Severities from .curate.json apply to link rules; --offline skips links.
echo '{"rules": {"dead-link": "off", "unverified-link": "off"}}' >.curate.json
"$curate" validate --links "${quick[@]}" list.md >out.txt 2>err.txt
grep -q "dead-link" out.txt && fail "dead-link not turned off by the config"
grep -q "0 cached" err.txt && fail "the second run used no cache"
rm .curate.json
"$curate" validate --offline --links list.md >out.txt 2>err.txt
grep -q "redirected-link" out.txt && fail "--offline still checked links"

# --fix rewrites the redirected URL, keeping its fragment, and nothing else.
cp list.md before.md
"$curate" validate --links --fix "${quick[@]}" list.md >out.txt 2>err.txt
grep -q "fixed 1 redirected link" err.txt || fail "--fix said nothing: $(cat err.txt)"
diff before.md list.md | grep -q "^> - \[Moved\]($base/ok#part) - moved.$" || fail "--fix: $(diff before.md list.md)"
[ "$(diff before.md list.md | grep -c '^[<>]')" = 2 ] || fail "--fix changed more than one line"

# Links in prose are checked too, at their own lines; --check-fragments
# looks for the #fragment in the page.
cat >prose.md <<EOF
# Prose

A paragraph with [a dead link]($base/404?prose).

| Column | Note |
| --- | --- |
| text | [anchor]($base/page.html#missing) |
EOF
"$curate" validate --links --check-fragments "${quick[@]}" prose.md >out.txt 2>err.txt
grep -q "prose.md:3:32: error: $base/404?prose: HTTP 404 Not Found \[dead-link\]" out.txt ||
  fail "prose link not checked: $(cat out.txt)"
grep -q "prose.md:7:19: warning: $base/page.html#missing: the page has no element with id or name \"missing\" \[remote-anchor\]" out.txt ||
  fail "--check-fragments: $(cat out.txt)"
"$curate" validate --links "${quick[@]}" prose.md >out.txt 2>err.txt
grep -q "remote-anchor" out.txt && fail "fragments checked without --check-fragments"

# Ctrl-C: partial report, cache written, exit 130.
rm -f .curate-cache.json
printf -- '- [Slow](%s/hang) - never answers.\n' "$base" >>list.md
"$curate" validate --links --timeout 20s --retries 0 list.md >out.txt 2>err.txt &
pid=$!
# Ctrl-C once the check waits on /hang: earlier, a loaded machine (the
# sanitizer pass) may not have reached the check, and a background job of a
# script starts with SIGINT ignored until curate installs its handler.
for _ in $(seq 600); do
  python3 -c 'import sys, urllib.request as u; print(u.urlopen(sys.argv[1]).read().decode())' "$base/__stats" |
    grep -q '/hang' && break
  sleep 0.1
done
sleep 0.2
kill -INT $pid
wait $pid
code=$?
[ "$code" = 130 ] || fail "Ctrl-C: exit $code, expected 130"
grep -q "dead-link" out.txt || fail "Ctrl-C: no partial report"
grep -q "interrupted: 1 of" err.txt || fail "Ctrl-C: summary: $(cat err.txt)"
grep -q "^not checked: $base/hang$" err.txt || fail "Ctrl-C: the unchecked URL is not named: $(cat err.txt)"
grep -q "\"$base/ok\"" .curate-cache.json || fail "Ctrl-C: cache not written"

[ $failed = 0 ] && echo "links cli: passed"
exit $failed
