"""Starting the app: language choice, translations compiled on demand, first-start dialog, a real launch."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from disastershare.store.workspace import Workspace
from disastershare.ui.dialogs.create_workspace_dialog import CreateWorkspaceDialog
from disastershare.ui.translations import choose_language, compiled_catalog, i18n_dir, system_language

from .conftest import type_japanese


def test_language_precedence(app, workspace):
    assert choose_language(None) == system_language()
    assert choose_language(workspace) == system_language()  # nothing saved yet
    workspace.set_language("ja")
    assert choose_language(workspace) == "ja"
    assert choose_language(workspace, "en") == "en"  # --language wins for this session only
    assert workspace.language() == "ja"


def test_stale_or_missing_qm_is_compiled(app, tmp_path):
    source = i18n_dir() / "disastershare_ja.ts"
    ts = tmp_path / "disastershare_ja.ts"
    ts.write_bytes(source.read_bytes())
    qm = compiled_catalog("ja", tmp_path)
    assert qm == tmp_path / "disastershare_ja.qm" and qm.stat().st_size > 1000
    # an edited .ts makes the .qm stale
    old = time.time() - 60
    os.utime(qm, (old, old))
    assert compiled_catalog("ja", tmp_path).stat().st_mtime > old
    assert compiled_catalog("en", tmp_path) is None  # English is the source language


def test_first_start_dialog_finds_municipalities_and_creates_the_workspace(qtbot, app, tmp_path):
    root = tmp_path / "new-ws"
    dialog = CreateWorkspaceDialog(root)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.create_button.isEnabled()
    type_japanese(dialog.search_edit, "チヨダク")  # katakana finds ちよだく
    assert dialog.selected_code() == "131016"
    dialog.search_edit.clear()
    type_japanese(dialog.search_edit, "ちよだ")  # 千代田町 and 千代田区: the person must choose
    assert dialog.result_list.count() == 2 and dialog.selected_code() is None
    assert not dialog.create_button.isEnabled()
    dialog.search_edit.clear()
    qtbot.keyClicks(dialog.search_edit, "13101")  # a code prefix
    assert dialog.selected_code() == "131016"
    qtbot.mouseClick(dialog.drill_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    created = Workspace.open(root)
    assert created.municipality == "131016" and created.drill
    assert (created.keys_dir / "signing_key.pem").is_file()
    created.close()
    dialog.workspace.close()


def test_first_start_dialog_reports_refusal(qtbot, app, workspace):
    dialog = CreateWorkspaceDialog(workspace.root)  # a workspace is already there
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search_edit, "131016")
    dialog.accept()
    assert dialog.workspace is None
    assert "already exists" in dialog.error_label.text()


def test_the_app_starts_and_closes_in_a_subprocess(make_workspace):
    workspace = make_workspace(drill=True)
    workspace.close()  # one process at a time holds a workspace (store/lock.py)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISASTERSHARE_AUTOCLOSE_MS": "800"}
    result = subprocess.run(
        [sys.executable, "-m", "disastershare", "--workspace", str(workspace.root), "gui"],
        capture_output=True, text=True, env=env, timeout=60, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_first_start_in_a_subprocess_opens_the_create_dialog(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISASTERSHARE_AUTOCLOSE_MS": "500", "LANG": "ja_JP.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "disastershare", "--workspace", str(tmp_path / "none"), "gui"],
        capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "none" / "workspace.sqlite").exists()  # closing the dialog creates nothing


def test_system_locale_decides_the_default_language():
    probe = "from disastershare.ui.translations import system_language; print(system_language())"
    for locale, expected in (("ja_JP.UTF-8", "ja"), ("en_GB.UTF-8", "en"), ("C.UTF-8", "en")):
        env = {**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": ""}
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
        assert result.stdout.strip() == expected, (locale, result.stderr)
