#!/usr/bin/env bash
# Builds the .deb with CPack (as `make package` does), unpacks it into a
# scratch root with `dpkg -x` and runs curate from there; checks the
# dependencies dpkg-shlibdeps computed and that the man page and the three
# completion scripts are inside. Skipped (77) without dpkg-dev.
# usage: package_deb.sh BUILD_DIR SOURCE_DIR
set -u
build=$(realpath "$1") source=$(realpath "$2")
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v $tool >/dev/null || { echo "SKIP: $tool is not installed (dpkg-dev)"; exit 77; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log"; fail "cpack failed"; }
deb=$(ls "$scratch"/out/curate_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no curate_*.deb in $(ls "$scratch/out")"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

control=$(dpkg-deb -f "$deb")
echo "$control" | sed 's/^/  /'
depends=$(dpkg-deb -f "$deb" Depends)
# Every shared library the binary needs must come from a package in Depends.
for soname in $(readelf -d "$build/curate" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(ldconfig -p | awk -v so="$soname" '$1 == so { print $NF; exit }')
  [ -n "$path" ] || fail "cannot find $soname"
  # With merged /usr, dpkg may know the file under either of its names.
  package=$({ dpkg -S "$path" || dpkg -S "$(realpath "$path")"; } 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$package" ] || fail "no package owns $path"
  echo "$depends" | tr ',|' '\n\n' | awk '{ print $1 }' | grep -Fxq "$package" || fail "Depends lacks $package (for $soname): $depends"
  echo "  $soname -> $package"
done
# libcurl and libxml2 are loaded with dlopen (links/curl_api.hpp,
# links/xml_api.hpp): no NEEDED entry names them.
for library in libcurl4 libxml2; do
  echo "$depends" | tr ',' '\n' | awk '{ print $1 }' | grep -Fxq $library || fail "Depends lacks $library: $depends"
done
[ "$(dpkg-deb -f "$deb" Section)" = text ] || fail "Section is not text"
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer"
[ -n "$(dpkg-deb -f "$deb" Description)" ] || fail "no Description"

root=$scratch/root
dpkg -x "$deb" "$root" || fail "dpkg -x failed"
for file in usr/bin/curate usr/share/man/man1/curate.1.gz usr/share/bash-completion/completions/curate \
  usr/share/zsh/vendor-completions/_curate usr/share/fish/vendor_completions.d/curate.fish \
  usr/share/doc/curate/copyright; do
  [ -s "$root/$file" ] || fail "$file missing from the package"
done
# Every document that a help text or the man page names is in the package.
named=$( { "$root/usr/bin/curate" --help; for command in $("$root/usr/bin/curate" completions --dump-cli |
  python3 -c 'import json, sys; print(" ".join(c["name"] for c in json.load(sys.stdin)["subcommands"]))'); do
  "$root/usr/bin/curate" "$command" --help; done; zcat "$root/usr/share/man/man1/curate.1.gz"; } |
  sed 's/\\-/-/g' | grep -oE '(docs/[A-Za-z0-9_.-]+\.(md|json)|README\.md)' | sort -u)
[ -n "$named" ] || fail "found no document named in the help texts or the man page"
for doc in $named; do
  [ -s "$root/usr/share/doc/curate/$doc" ] || fail "$doc is named in help or the man page but not installed"
done
echo "documents named and installed: $(echo $named)"
version=$("$root/usr/bin/curate" --version) || fail "curate --version failed from the scratch root"
[ "$version" = "curate $(sed -n 's/^project(curate VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")" ] ||
  fail "unexpected version: $version"
echo "$root/usr/bin/curate --version: $version"
count=$("$root/usr/bin/curate" list --count "$source/data/resources.md") || fail "curate list failed"
echo "curate list --count data/resources.md: $count"
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$root/usr/share/man/man1/curate.1.gz" 2>/dev/null | grep -q "curate list" ||
    fail "the packaged man page does not render"
fi
bash -c "source '$root/usr/share/bash-completion/completions/curate' && complete -p curate" >/dev/null ||
  fail "the packaged bash completion does not register"
echo "ok: the package installs into a scratch root and runs"
