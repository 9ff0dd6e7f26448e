"""The Partners and Sync tables' models without widgets: rows, data per role, stale flag, UI-language labels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from disastershare.sync.history import ResourceChange
from disastershare.sync.importer import import_snapshots
from disastershare.sync.partners import Agreement, Partner, list_partners
from disastershare.sync.progress import drain
from disastershare.sync.results import Changes, ImportResult, ImportStatus
from disastershare.ui import styles
from disastershare.ui.models.partner_table_model import (
    COL_AGREEMENT,
    COL_CODE,
    COL_ENABLED,
    COL_FINGERPRINT,
    COL_FRESHNESS,
    COL_HEARD,
    COL_NAME,
    COL_SEQUENCE,
    PartnerTableModel,
)
from disastershare.ui.models.read_only_table_model import RowRole, SortRole
from disastershare.ui.models.resource_changes_table_model import COL_ADDED, ResourceChangesTableModel
from disastershare.ui.models.snapshot_import_table_model import (
    COL_REASON,
    COL_STATUS,
    ImportHistoryTableModel,
    SnapshotImportTableModel,
    SnapshotRow,
)
from disastershare.ui.translations import apply_language

from .partner_factory import own_and_partner, snapshot_of

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
DISPLAY, BACKGROUND, FOREGROUND = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ForegroundRole)


def partner(code: str, heard_hours_ago: float | None, enabled: bool = True, sequence: int | None = 4) -> Partner:
    heard = None if heard_hours_ago is None else NOW - timedelta(hours=heard_hours_ago)
    return Partner(code, f"name of {code}", Agreement.WIDE_AREA_GROUP, "ABCD EFGH IJKL MNOP QRST", enabled,
                   sequence if heard else None, heard, heard, None)


def test_partner_rows_and_data_per_role(app):
    # Given one partner heard from 3 hours ago, one 30 hours ago and one never
    model = PartnerTableModel()
    fresh, stale, silent = partner("131024", 3), partner("131032", 30, enabled=False), partner("131041", None)
    model.set_partners([fresh, stale, silent], now=NOW)
    assert model.rowCount() == 3 and model.columnCount() == 8
    cell = lambda row, column, role=DISPLAY: model.index(row, column).data(role)  # noqa: E731
    # Then the display texts read as a person would say them
    assert [cell(0, c) for c in (COL_CODE, COL_NAME, COL_AGREEMENT, COL_FINGERPRINT, COL_ENABLED, COL_SEQUENCE)] \
        == ["131024", "name of 131024", "Wide-area group", "ABCD EFGH IJKL MNOP QRST", "Accepted", "4"]
    assert cell(0, COL_HEARD) == "3 h ago" and cell(0, COL_FRESHNESS) == "Current"
    assert cell(1, COL_HEARD) == "30 h ago" and cell(1, COL_FRESHNESS) == "Stale (over 24 h)"
    assert cell(1, COL_ENABLED) == "Disabled"
    assert cell(2, COL_HEARD) == "never" and cell(2, COL_FRESHNESS) == "No data yet"
    assert cell(2, COL_SEQUENCE) == ""
    # And the stale flag is shown in colour as well as in text
    assert cell(0, COL_FRESHNESS, BACKGROUND) is None
    assert cell(1, COL_FRESHNESS, BACKGROUND) == styles.STALE_FILL
    assert cell(1, COL_HEARD, FOREGROUND) == styles.STALE_TEXT
    assert cell(2, COL_FRESHNESS, BACKGROUND) == styles.STALE_FILL  # never heard from is stale too
    assert [model.is_stale(p) for p in (fresh, stale, silent)] == [False, True, True]
    # And sorting uses raw values: ages in seconds (never: None, sorted last), sequences as numbers
    assert cell(0, COL_HEARD, SortRole) == 3 * 3600 and cell(2, COL_HEARD, SortRole) is None
    assert cell(0, COL_SEQUENCE, SortRole) == 4
    assert cell(1, COL_CODE, RowRole) is stale
    assert "Disabled" in cell(1, COL_NAME, Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(COL_HEARD, Qt.Orientation.Horizontal) == "Last heard from"


def test_partner_labels_follow_the_ui_language(app):
    model = PartnerTableModel()
    model.set_partners([partner("131024", 3), partner("131032", 50)], now=NOW)
    apply_language("ja")
    assert model.index(0, COL_HEARD).data() == "3時間前"
    assert model.index(1, COL_HEARD).data() == "2日前"
    assert model.index(0, COL_AGREEMENT).data() == "広域連携"
    assert model.index(1, COL_FRESHNESS).data() == "要確認（24時間以上前）"
    assert model.headerData(COL_HEARD, Qt.Orientation.Horizontal) == "最終受信"


def test_partner_model_over_a_real_import(app, make_workspace, tmp_path):
    # Given a partner whose snapshot was made 3 hours before now and imported
    own, other = own_and_partner(make_workspace)
    made = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3, minutes=5)
    drain(import_snapshots(own, [snapshot_of(other, tmp_path / "out", now=made)]))
    model = PartnerTableModel()
    model.set_partners(list_partners(own))
    assert model.rowCount() == 1
    assert model.index(0, COL_NAME).data() == "東京都中央区"
    assert model.index(0, COL_SEQUENCE).data() == "1"
    assert model.index(0, COL_HEARD).data() == "3 h ago"
    assert model.index(0, COL_FRESHNESS).data() == "Current"


def test_import_rows_show_status_in_the_ui_language_and_highlight_problems(app):
    results = [
        ImportResult("/media/usb/131024-000002.dsnap", "131024", 2, ImportStatus.APPLIED, "", Changes(3, 1, 0)),
        ImportResult("/media/usb/131024-000001.dsnap", "131024", 1, ImportStatus.UP_TO_DATE),
        ImportResult("/media/usb/bad.dsnap", None, None, ImportStatus.REFUSED, "not a zip file"),
        ImportResult("/media/usb/131032-000005.dsnap", "131032", 5, ImportStatus.FORK, "differs from x.dsnap"),
    ]
    names = {"131024": "東京都中央区", "131032": "東京都港区"}
    model = SnapshotImportTableModel()
    model.set_rows([SnapshotRow.from_result(r, names.__getitem__) for r in results])
    assert [model.index(r, 0).data() for r in range(4)] == [
        "131024-000002.dsnap", "131024-000001.dsnap", "bad.dsnap", "131032-000005.dsnap"]
    assert [model.index(r, COL_STATUS).data() for r in range(4)] == ["Applied", "Up to date", "Refused", "Fork"]
    assert model.index(0, 1).data() == "東京都中央区" and model.index(2, 1).data() == ""
    assert [model.index(0, c).data() for c in (4, 5, 6)] == ["3", "1", "0"]
    assert model.index(2, COL_REASON).data() == "not a zip file"
    assert model.index(2, COL_STATUS).data(BACKGROUND) == styles.REFUSED_FILL
    assert model.index(3, COL_STATUS).data(BACKGROUND) == styles.FORK_FILL
    assert model.index(1, COL_STATUS).data(BACKGROUND) is None
    apply_language("ja")
    assert [model.index(r, COL_STATUS).data() for r in range(4)] == [
        "適用済み", "最新（変更なし）", "拒否", "分岐（要確認）"]
    # The history puts the time of each import first
    history = ImportHistoryTableModel()
    assert history.headerData(0, Qt.Orientation.Horizontal) == "取込日時"
    assert history.column_of(COL_STATUS) == COL_STATUS + 1


def test_resource_changes_use_catalog_names(app, workspace):
    model = ResourceChangesTableModel(workspace.catalog(), "en")
    model.set_changes([ResourceChange("S-BLANKET", 2, 1, 0), ResourceChange("131024-BOAT", 1, 0, 0)])
    assert model.index(0, 0).data() == "Blankets" and model.index(0, COL_ADDED).data() == "2"
    assert model.index(1, 0).data() == "131024-BOAT"  # a local type not known here yet: its code
    model.set_language("ja")
    assert model.index(0, 0).data() == "毛布"
