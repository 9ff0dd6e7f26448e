"""The PyInstaller build's contents, checked without building: the lists in packaging/bundle_contents.py."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from disastershare import paths
from disastershare.core import reference_data

PROJECT = Path(__file__).resolve().parents[2]


def _load_contents():
    spec = importlib.util.spec_from_file_location("bundle_contents", PROJECT / "packaging" / "bundle_contents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _load_contents()


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _excluded(module: str) -> str | None:
    return next((ex for ex in contents.EXCLUDES if module == ex or module.startswith(ex + ".")), None)


def test_data_files_ship_reference_data_migrations_and_compiled_translations() -> None:
    shipped = {Path(src).relative_to(PROJECT).as_posix(): dest for src, dest in contents.data_files(PROJECT)}
    for required in ("resources/data/municipalities_jp.csv", "resources/data/prefectures_jp.csv",
                     "resources/data/resource_catalog_seed.csv", "db/env.py"):
        assert required in shipped
    assert {p.relative_to(PROJECT).as_posix() for p in (PROJECT / "db" / "versions").glob("*.py")} <= set(shipped)
    assert {p.relative_to(PROJECT).as_posix() for p in (PROJECT / "resources" / "scenarios").glob("*")} \
        <= set(shipped)
    assert {p.relative_to(PROJECT).as_posix() for p in (PROJECT / "resources" / "i18n").glob("*.qm")} \
        <= set(shipped)
    assert not [name for name in shipped if name.endswith((".ts", ".pyc")) or "__pycache__" in name]
    assert all(dest == str(Path(name).parent) for name, dest in shipped.items())


def test_the_frozen_layout_is_enough_to_create_and_migrate_a_workspace(tmp_path: Path, monkeypatch) -> None:
    # Given only what the build ships, laid out as PyInstaller does under sys._MEIPASS
    bundle = tmp_path / "_internal"
    for src, dest in contents.data_files(PROJECT):
        (bundle / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, bundle / dest)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", tmp_path / "site" / "disastershare")  # no source checkout here
    for cached in (reference_data.shipped_registry, reference_data.shipped_catalog, reference_data.shipped_prefectures):
        cached.cache_clear()
    try:
        from disastershare.store import migrations
        from disastershare.store.workspace import Workspace

        assert paths.migrations_dir() == bundle / "db" and paths.resources_dir() == bundle / "resources"
        # When a workspace is created from it, Then the schema is at head and the registry is loaded
        ws = Workspace.create(tmp_path / "ws", "434434")
        assert migrations.current_revision(ws.engine) == migrations.head_revision()
        assert ws.own_municipality().name == "益城町"
        ws.close()
    finally:
        for cached in (reference_data.shipped_registry, reference_data.shipped_catalog,
                       reference_data.shipped_prefectures):
            cached.cache_clear()


@pytest.mark.parametrize("module", contents.HIDDEN_IMPORTS)
def test_hidden_imports_exist(module: str) -> None:
    importlib.import_module(module)


def test_what_migrations_import_at_run_time_is_bundled() -> None:
    # Alembic executes db/env.py and db/versions/*.py from disk: PyInstaller never sees their imports.
    needed = set()
    for script in [PROJECT / "db" / "env.py", *(PROJECT / "db" / "versions").glob("*.py")]:
        needed |= _imports(script)
    for module in sorted(needed):
        assert _excluded(module) is None, f"{module} is imported by a migration but excluded from the build"
        if module.startswith("alembic.") and importlib.util.find_spec(module) is not None:
            assert module in contents.HIDDEN_IMPORTS, f"add {module} to HIDDEN_IMPORTS (a migration uses it)"


def test_nothing_the_app_imports_is_excluded() -> None:
    offenders = {}
    for source in (PROJECT / "src" / "disastershare").rglob("*.py"):
        for module in _imports(source):
            if (excluded := _excluded(module)) is not None:
                offenders[f"{source.relative_to(PROJECT)}: {module}"] = excluded
    assert offenders == {}, "these imports would fail in the built app; update packaging/bundle_contents.py"


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qt_help_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_zh_CN.qm", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("resources/i18n/disastershare_ja.qm", True),
])
def test_qt_files_are_trimmed_to_what_the_app_uses(dest: str, kept: bool) -> None:
    assert contents.keep_qt_file(dest) is kept
