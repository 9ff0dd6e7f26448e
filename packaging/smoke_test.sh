#!/usr/bin/env bash
# Smoke-test the built one-folder app (default dist/disastershare/disastershare): it starts, builds the demo
# workspace headless (migrations, reference data, exports), and opens and closes its main window offscreen.
# Every step must exit 0. Runs from a temporary folder, away from the source tree, and without network
# where a private network namespace is available (the app must never need one).
# Usage: packaging/smoke_test.sh [path/to/executable]
set -euo pipefail
cd "$(dirname "$0")/.."
APP=$(realpath -m "${1:-dist/disastershare/disastershare}")
if [ ! -x "$APP" ]; then
  echo "no build at $APP: run 'make build' (packaging/build_linux.sh) first" >&2
  exit 2
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/disastershare/__init__.py)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
export QT_QPA_PLATFORM=offscreen
unset DISASTERSHARE_WORKSPACE PYTHONPATH
export DISASTERSHARE_WORKSPACE="$TMP/default-workspace"  # never the user's real workspace

NONET=()
if command -v unshare >/dev/null; then
  for candidate in "unshare -n" "unshare -r -n"; do
    # shellcheck disable=SC2086
    if $candidate true 2>/dev/null; then read -r -a NONET <<<"$candidate"; break; fi
  done
fi
[ ${#NONET[@]} -gt 0 ] && echo "(no network: running under '${NONET[*]}')"

step() {
  local name=$1; shift
  local start=$SECONDS
  if ${NONET[@]+"${NONET[@]}"} "$@" >"$TMP/out.txt" 2>"$TMP/err.txt"; then
    echo "ok   $name ($((SECONDS - start)) s)"
  else
    local code=$?
    echo "FAIL $name: exit code $code" >&2
    tail -n 20 "$TMP/out.txt" "$TMP/err.txt" >&2
    exit 1
  fi
}

step "--version" "$APP" --version
grep -qx "disastershare $VERSION" "$TMP/out.txt" || { echo "FAIL --version printed: $(cat "$TMP/out.txt")" >&2; exit 1; }
step "--help" "$APP" --help
step "demo --headless" "$APP" demo --headless --workspace "$TMP/demo"
test -f "$TMP/demo/workspace.sqlite" || { echo "FAIL demo: no workspace.sqlite" >&2; exit 1; }
step "inventory list --format json" "$APP" --workspace "$TMP/demo" inventory list --format json
grep -q '"municipality": "434434"' "$TMP/out.txt" || { echo "FAIL inventory list: no demo stock" >&2; exit 1; }
step "backup now" "$APP" --workspace "$TMP/demo" backup now
step "init (live workspace, migrations from the bundle)" "$APP" --workspace "$TMP/live" init --municipality 131016
step "main window opens and closes" env DISASTERSHARE_AUTOCLOSE_MS=800 "$APP" --workspace "$TMP/demo" gui
test ! -e "$TMP/demo/workspace.lock" || { echo "FAIL the workspace lock was left behind" >&2; exit 1; }
echo "smoke test passed: $APP"
