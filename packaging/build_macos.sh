#!/usr/bin/env bash
# Build the macOS app: dist/DisasterShare.app (windowed, opens .dsnap files) plus the one-folder
# dist/disastershare/ with the console `disastershare` for scripts; optionally a .dmg (set DMG=1).
# Needs the project virtualenv (make venv) on the Mac that builds (PyInstaller does not cross-compile).
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
echo "built dist/DisasterShare.app in $((SECONDS - start)) s: $(du -sh dist/DisasterShare.app | cut -f1)"
if [ "${DMG:-0}" = 1 ]; then
  VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/disastershare/__init__.py)
  hdiutil create -volname DisasterShare -srcfolder dist/DisasterShare.app -ov -format UDZO \
    "dist/DisasterShare-$VERSION.dmg"
fi
# Unsigned: the first start needs right-click > Open (or codesign/notarize here with your Developer ID).
