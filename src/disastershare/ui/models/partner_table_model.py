"""Trusted partners: key, agreement, whether their snapshots are accepted, and how old their data is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from disastershare.sync.partners import STALE_AFTER, Partner
from disastershare.ui import styles
from disastershare.ui.models.read_only_table_model import ReadOnlyTableModel
from disastershare.ui.sync_labels import age_text, agreement_label

(COL_CODE, COL_NAME, COL_AGREEMENT, COL_FINGERPRINT, COL_ENABLED, COL_SEQUENCE, COL_HEARD,
 COL_FRESHNESS) = range(8)
_CONTEXT = "PartnerTable"
_ACCEPTED = QT_TRANSLATE_NOOP("PartnerTable", "Accepted")
_DISABLED = QT_TRANSLATE_NOOP("PartnerTable", "Disabled")
_STALE = QT_TRANSLATE_NOOP("PartnerTable", "Stale (over {hours} h)")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class PartnerTableModel(ReadOnlyTableModel):
    CONTEXT = _CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("PartnerTable", "Code"),
        QT_TRANSLATE_NOOP("PartnerTable", "Municipality"),
        QT_TRANSLATE_NOOP("PartnerTable", "Agreement"),
        QT_TRANSLATE_NOOP("PartnerTable", "Key fingerprint"),
        QT_TRANSLATE_NOOP("PartnerTable", "Snapshots"),
        QT_TRANSLATE_NOOP("PartnerTable", "Last sequence"),
        QT_TRANSLATE_NOOP("PartnerTable", "Last heard from"),
        QT_TRANSLATE_NOOP("PartnerTable", "Data"),
    )
    NUMERIC = frozenset({COL_SEQUENCE})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._now = datetime.now(UTC)

    def set_partners(self, partners: Sequence[Partner], now: datetime | None = None) -> None:
        """`now` fixes the clock the ages are measured against (tests pass one; the tab passes none)."""
        self._now = now or datetime.now(UTC)
        self.set_rows(partners)

    def partner(self, row: int) -> Partner:
        return self.row_item(row)

    def row_of(self, code: str) -> int | None:
        return next((i for i, p in enumerate(self._rows) if p.code == code), None)

    def is_stale(self, partner: Partner) -> bool:
        return partner.is_stale(self._now)

    # -- cells -----------------------------------------------------------------------------------------------
    def display(self, partner: Partner, column: int) -> str:
        if column == COL_CODE:
            return partner.code
        if column == COL_NAME:
            return partner.name
        if column == COL_AGREEMENT:
            return agreement_label(partner.agreement)
        if column == COL_FINGERPRINT:
            return partner.fingerprint
        if column == COL_ENABLED:
            return _tr(_ACCEPTED if partner.enabled else _DISABLED)
        if column == COL_SEQUENCE:
            return "" if partner.last_sequence is None else str(partner.last_sequence)
        if column == COL_HEARD:
            return age_text(partner.age(self._now))
        if partner.last_heard_from is None:
            return _tr(QT_TRANSLATE_NOOP("PartnerTable", "No data yet"))
        if self.is_stale(partner):
            return _tr(_STALE).format(hours=int(STALE_AFTER.total_seconds() // 3600))
        return _tr(QT_TRANSLATE_NOOP("PartnerTable", "Current"))

    def sort_value(self, partner: Partner, column: int) -> object:
        if column == COL_SEQUENCE:
            return partner.last_sequence
        if column in (COL_HEARD, COL_FRESHNESS):
            age = partner.age(self._now)
            return None if age is None else age.total_seconds()
        if column == COL_ENABLED:
            return not partner.enabled
        return self.display(partner, column)

    def background(self, partner: Partner, column: int) -> object:
        if column in (COL_HEARD, COL_FRESHNESS) and self.is_stale(partner):
            return styles.STALE_FILL
        return None

    def foreground(self, partner: Partner, column: int) -> object:
        if column in (COL_HEARD, COL_FRESHNESS) and self.is_stale(partner):
            return styles.STALE_TEXT
        if not partner.enabled:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def tooltip(self, partner: Partner, column: int) -> str | None:
        if column in (COL_HEARD, COL_FRESHNESS) and partner.last_heard_from is not None:
            moment = partner.last_heard_from.astimezone().strftime("%Y-%m-%d %H:%M")
            return _tr(QT_TRANSLATE_NOOP("PartnerTable", "Newest snapshot made {time}")).format(time=moment)
        if not partner.enabled:
            return _tr(QT_TRANSLATE_NOOP(
                "PartnerTable", "Disabled: this partner's snapshots are refused; the data already received stays."))
        return None
