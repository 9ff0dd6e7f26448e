#!/usr/bin/env bash
# Build the Linux one-folder app into dist/disastershare/ (executable: dist/disastershare/disastershare).
# Needs the project virtualenv (make venv). Installs PyInstaller into it, compiles the translations, builds,
# and prints the build time and the folder size. Then: packaging/smoke_test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY="$VENV/bin/python"
test -x "$PY" || { echo "no virtualenv at $VENV: run 'make venv' first" >&2; exit 2; }
"$PY" -m pip install -q "pyinstaller>=6.10,<7"
for ts in resources/i18n/*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
"$PY" packaging/make_icons.py build/icons
start=$SECONDS
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/disastershare.spec
echo "built dist/disastershare in $((SECONDS - start)) s: $(du -sh dist/disastershare | cut -f1)," \
  "$(find dist/disastershare -type f | wc -l) files"
