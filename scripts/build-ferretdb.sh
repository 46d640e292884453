#!/usr/bin/env bash
# Builds FerretDB once per version into a cache outside the clone, so CI and fresh clones reuse it.
# The module from the proxy lacks build/version/version.txt (its `go install` binary panics), so we
# build from a writable copy of the module with that file written.
set -euo pipefail
VERSION="${FERRETDB_VERSION:-v1.24.2}"
CACHE="${FANGXIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fangxin}"
BIN="$CACHE/ferretdb-$VERSION/ferretdb"
if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
command -v go >/dev/null || { echo "cannot build FerretDB: Go is not installed" >&2; exit 1; }
export GOTOOLCHAIN="${GOTOOLCHAIN_FERRETDB:-go1.24.3}" CGO_ENABLED=0 GOFLAGS=-mod=mod
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
src=$(cd "$work" && go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "cannot build FerretDB: module download failed" >&2; exit 1; }
cp -r "$src" "$work/src" && chmod -R u+w "$work/src"
echo "$VERSION" > "$work/src/build/version/version.txt"
mkdir -p "$(dirname "$BIN")"
# A build of its own name: two builds at once (a test run beside `npm start` on a fresh machine)
# each rename a whole binary into place instead of one moving the other's away.
(cd "$work/src" && go build -trimpath -o "$BIN.$$.tmp" ./cmd/ferretdb) >&2
mv "$BIN.$$.tmp" "$BIN"
echo "$BIN"
