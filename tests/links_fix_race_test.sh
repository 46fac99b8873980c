#!/usr/bin/env bash
# `validate --links --fix` writes after a network check that can take
# minutes: an edit saved meanwhile must win. The list links a redirect (which
# --fix would rewrite) and /hang on tests/http_server.py (127.0.0.1 only), so
# the check lasts the --timeout; once the server has seen the /hang request,
# the list has been read, and this test saves another edit. curate must then
# refuse to write: exit 2, the message, the file as the other edit left it.
# Then the control: with nobody editing, one run writes twice (the layout
# fix, then the redirect) and the second write passes.
set -u
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
curate=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
exec 3> >(python3 "$here/http_server.py" >"$tmp/ports")
trap 'exec 3>&-; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do [ -s "$tmp/ports" ] && break; sleep 0.05; done
read -r port _ <"$tmp/ports"
base="http://127.0.0.1:$port"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

cd "$tmp"
write_list() {
  printf -- '# Race\n\n## Links\n\n- [Moved](%s/moved?%s) - moved.\n- [Slow](%s/hang?%s) - slow.\n' \
    "$base" "$1" "$base" "$1" >list.md
}
# How often the server saw /hang?TAG, asked over bash's /dev/tcp: a
# python3 start per poll can take seconds on a loaded machine.
hang_requests() {
  local reply
  exec 4<>"/dev/tcp/127.0.0.1/$port" || return
  printf 'GET /__stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&4
  reply=$(cat <&4)
  exec 4<&-
  [[ $reply =~ \"/hang\?$1\":\ ([0-9]+) ]] && echo "${BASH_REMATCH[1]}" || echo 0
}
# The timeout is the window for the edit: long, so a slow machine still
# makes its edit while curate waits.
check=(validate --links --fix --no-cache --timeout 10s --retries 0 list.md)

# The edit lands while the check waits for /hang.
write_list race
"$curate" "${check[@]}" >out.txt 2>err.txt &
pid=$!
for _ in $(seq 200); do [ "$(hang_requests race)" != 0 ] && break; sleep 0.05; done
[ "$(hang_requests race)" != 0 ] || fail "curate never asked for /hang"
kill -0 $pid 2>/dev/null || fail "curate ended before the edit"
echo '- [Other edit](https://other.example/)' >>list.md
cp list.md edited.md
wait $pid
code=$?
[ "$code" = 2 ] || fail "exit $code, expected 2"
grep -qx "curate: error: list.md: the file changed or vanished since it was read; left unchanged" err.txt ||
  fail "message: $(cat err.txt)"
cmp -s list.md edited.md || fail "the other edit was overwritten: $(diff edited.md list.md)"
[ "$(ls -A | grep -c curate-)" = 0 ] || fail "a temporary file was left: $(ls -A)"

# Control, and one run with two writes: the layout fix, then the redirect
# with the stamp the first write left (its own write is no edit meanwhile).
printf -- '# Race\n\n## Links\n\n- [Moved](%s/moved?both) - moved.  \n' "$base" >list.md
"$curate" validate --links --fix --no-cache --timeout 3s --retries 0 list.md >out.txt 2>err.txt
code=$?
[ "$code" = 0 ] || fail "both fixes: exit $code: $(cat err.txt)"
grep -qx -- "- \[Moved\]($base/ok) - moved." list.md || fail "both fixes: $(cat -A list.md)"

[ $failed = 0 ] && echo "links fix race: passed"
exit $failed
