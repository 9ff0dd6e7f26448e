"""Shared fixtures: real workspaces in tmp_path, record factories, one QApplication with translations."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from disastershare.core.records import Condition, InventoryItem, Need, Priority, RecordMeta, StaffPool
from disastershare.store.workspace import Workspace
from disastershare.ui.app import configure_application, ensure_application
from disastershare.ui.main_window import MainWindow
from disastershare.ui.recent_workspaces import SETTINGS_ENV
from disastershare.ui.translations import apply_language, compiled_catalog

OWN = "131016"  # 東京都千代田区
PARTNER = "131024"  # 東京都中央区

# One application per process, and widgets need a QApplication. Made while collecting, i.e. before any
# test runs: otherwise a test elsewhere that paints (the PDF report) may create a plain QGuiApplication
# first, and the first QWidget here would abort the whole session. pytest-qt's qapp reuses this one.
ensure_application()


@pytest.fixture(scope="session")
def japanese_catalog() -> Path:
    """The compiled Japanese translations (compiled here if `make translations` has not run)."""
    qm = compiled_catalog("ja")
    assert qm is not None and qm.is_file(), "resources/i18n/disastershare_ja.ts could not be compiled"
    return qm


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp: QApplication) -> Iterator[None]:
    """Delete closed windows now, on this thread.

    pytest-qt closes test widgets with deleteLater, which only runs inside an event loop. Left for later,
    a window's Python wrapper may be garbage-collected on a worker thread (the import check allocates a
    lot), deleting the C++ window outside the GUI thread: a crash in some later test.
    """
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _user_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Recent workspaces and the live one go to a file in tmp_path, never to the person's own settings
    (subprocesses started by a test inherit it too)."""
    path = tmp_path / "user-settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


@pytest.fixture
def app(qapp: QApplication, japanese_catalog: Path) -> Iterator[QApplication]:
    """Every test starts in English and leaves the application in English."""
    configure_application(qapp)
    apply_language("en")
    yield qapp
    apply_language("en")


@pytest.fixture
def make_workspace(tmp_path: Path) -> Iterator[Callable[..., Workspace]]:
    made: list[Workspace] = []

    def factory(code: str = OWN, drill: bool = False, name: str = "ws") -> Workspace:
        workspace = Workspace.create(tmp_path / name, code, drill=drill)
        made.append(workspace)
        return workspace

    yield factory
    for workspace in made:
        workspace.close()


@pytest.fixture
def workspace(make_workspace: Callable[..., Workspace]) -> Workspace:
    return make_workspace()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: $DISASTERSHARE_ARTIFACTS (kept by CI and `make test`), else tmp_path."""
    folder = Path(os.environ.get("DISASTERSHARE_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def type_japanese(widget: QWidget, text: str) -> None:
    """Japanese arrives through the input method, not key by key (QTest.keyClicks is ASCII-only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# -- record factories: Given a workspace with ... ---------------------------------------------------------------
def add_item(workspace: Workspace, resource: str = "S-BLANKET", on_hand: int = 100, **fields) -> InventoryItem:
    return workspace.inventory.add(InventoryItem(RecordMeta(workspace.municipality), resource, on_hand, **fields))


def add_pool(workspace: Workspace, resource: str = "P-SHELTER", headcount: int = 4, **fields) -> StaffPool:
    return workspace.staff.add(StaffPool(RecordMeta(workspace.municipality), resource, headcount, **fields))


def add_need(workspace: Workspace, resource: str = "S-WATER", quantity: int = 500, **fields) -> Need:
    return workspace.needs.add(Need(RecordMeta(workspace.municipality), resource, quantity, **fields))


def add_partner_item(workspace: Workspace, resource: str = "S-BLANKET", on_hand: int = 50) -> InventoryItem:
    """A partner's mirrored record. Real ones arrive by snapshot import; this writes one the same low-level way."""
    item = InventoryItem(RecordMeta(PARTNER), resource, on_hand, location="中央区倉庫")
    with workspace.engine.begin() as conn:
        return workspace.inventory.apply_in(conn, [item], [])[0][0]


def stocked(workspace: Workspace) -> dict[str, InventoryItem]:
    """A small but varied stock list, keyed by resource code."""
    items = [
        add_item(workspace, "S-BLANKET", 120, location="倉庫A"),
        add_item(workspace, "S-TARP", 30, reserved=5, location="第二倉庫", expiry=None),
        add_item(workspace, "S-WATER", 2000, location="本庁舎", expiry=date(2027, 3, 31)),
        add_item(workspace, "E-GENERATOR", 3, location="倉庫A", condition=Condition.NEEDS_CHECK),
        add_item(workspace, "S-TOILET-PAPER", 400, location="体育館"),
    ]
    return {item.resource: item for item in items}


@pytest.fixture
def window(app: QApplication, workspace: Workspace, qtbot) -> MainWindow:
    stocked(workspace)
    add_pool(workspace)
    add_need(workspace, priority=Priority.HIGH, needed_by=date(2026, 5, 1))
    main = MainWindow(workspace, "en")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
