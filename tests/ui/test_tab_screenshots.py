"""Screenshots of the Partners, Sync and Reports tabs in Japanese, with real data, for people to look at.

Each tab is also walked for English left untranslated (the same rule as the main window's test).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QTableView, QWidget

from disastershare.sync.keycard import own_keycard
from disastershare.sync.partners import Agreement, add_partner
from disastershare.ui.main_window import MainWindow
from disastershare.ui.translations import apply_language

from .conftest import PARTNER, add_item, add_need, stocked
from .partner_factory import THIRD, key_card_of, keyed_workspace, own_and_partner, snapshot_of
from .test_main_window import untranslated

WORKER_TIMEOUT = 60_000


def texts_of(page: QWidget) -> list[str]:
    """What a tab can show: labels, buttons, group titles, placeholders, table headers, combo items."""
    texts = [w.text() for w in page.findChildren(QLabel)]
    texts += [w.text() for w in page.findChildren(QAbstractButton)]
    texts += [w.title() for w in page.findChildren(QGroupBox)]
    texts += [w.placeholderText() for w in page.findChildren(QLineEdit)]
    for view in page.findChildren(QTableView):
        model = view.model()
        texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for combo in page.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if t]


def test_partners_sync_and_reports_tabs_in_japanese(qtbot, app, make_workspace, tmp_path, artifacts):
    # Given 千代田区 with stock, a fresh partner (中央区) and a stale one (港区, heard from three days ago)
    own, chuo = own_and_partner(make_workspace)
    stocked(own)
    add_need(own, "S-WATER", 5000)
    minato = keyed_workspace(make_workspace, THIRD, "minato")
    add_item(minato, "E-GENERATOR", 4, location="港区防災倉庫")
    add_partner(own, own_keycard(minato), Agreement.WIDE_AREA_GROUP)
    add_partner(minato, own_keycard(own))
    now = datetime.now(UTC)
    usb = tmp_path / "usb"
    files = [snapshot_of(chuo, usb, now - timedelta(hours=3)), snapshot_of(minato, usb, now - timedelta(days=3))]
    damaged = usb / "131024-000099.dsnap"
    damaged.write_bytes(files[0].read_bytes()[:300])
    apply_language("ja")
    window = MainWindow(own, "ja")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    # When the files are imported and a report previewed
    with qtbot.waitSignal(window.sync_tab.runner.finished, timeout=WORKER_TIMEOUT):
        window.import_snapshots([*files, damaged])
    window.partners_tab.select_partner(PARTNER)
    with qtbot.waitSignal(window.reports_tab.controller.previewed, timeout=WORKER_TIMEOUT):
        window.reports_tab.preview()
    # Then each tab reads in Japanese and is saved as a picture
    units = {t.unit for t in own.catalog()}
    for page, name in ((window.partners_tab, "partners"), (window.sync_tab, "sync"),
                       (window.reports_tab, "reports")):
        window.tab_widget.setCurrentWidget(page)
        qtbot.wait(50)  # layout, column fitting, painting
        path = artifacts / f"tab_{name}_ja.png"
        assert window.grab().save(str(path), "PNG")
        assert path.stat().st_size > 20_000
        assert [t for t in texts_of(page) if untranslated(t, own, units)] == [], name
    assert window.tab_widget.tabText(window.tab_widget.indexOf(window.sync_tab)) == "同期"
    assert window.sync_tab.results_model.index(2, 3).data() == "拒否"
    assert window.partners_tab.model.index(window.partners_tab.model.row_of(THIRD), 7).data().startswith("要確認")


def test_add_partner_and_restore_dialogs_in_japanese(qtbot, app, make_workspace, tmp_path, artifacts):
    # Given a partner's key card and a backup of our own workspace
    own = keyed_workspace(make_workspace, "131016", "own")
    stocked(own)
    chuo = keyed_workspace(make_workspace, PARTNER, "chuo")
    card = key_card_of(chuo, tmp_path / "chuo.dskey")
    backup = own.backup_now("manual")
    apply_language("ja")
    window = MainWindow(own, "ja")
    qtbot.addWidget(window)
    window.show()
    units = {t.unit for t in own.catalog()}
    # When the add-partner dialog has read the card, and the restore dialog has checked the backup
    add = window.partners_tab.open_add_dialog()
    qtbot.addWidget(add)
    add.file_edit.setText(str(card))
    add.load_card(card)
    restore = window.backup_actions.open_restore(backup)
    qtbot.addWidget(restore)
    # Then both read in Japanese; their pictures are kept for people to look at
    for dialog, name in ((add, "add_partner"), (restore, "restore")):
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        path = artifacts / f"dialog_{name}_ja.png"
        assert dialog.grab().save(str(path), "PNG")
        shown = [t.replace(backup.name, "") for t in texts_of(dialog)]  # a file name is shown as it is
        assert [t for t in shown if untranslated(t, own, units)] == [], name
    assert add.card_view.municipality_label.text() == "131024  東京都中央区"
    assert restore.restore_button.text() == "復元"
    restore.reject()
    add.reject()
