"""Translated texts for sync values: agreement kinds, import statuses, data age, fingerprints.

The sync layer stores stable English codes ("mutual_aid", "up_to_date") and describes ages in English
for the command line; the window shows them in its own language.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from disastershare.sync.partners import Agreement
from disastershare.sync.results import ImportStatus

_CONTEXT = "SyncLabels"
_AGREEMENTS = {
    Agreement.MUTUAL_AID: QT_TRANSLATE_NOOP("SyncLabels", "Mutual-aid agreement"),
    Agreement.WIDE_AREA_GROUP: QT_TRANSLATE_NOOP("SyncLabels", "Wide-area group"),
    Agreement.PREFECTURE: QT_TRANSLATE_NOOP("SyncLabels", "Prefecture coordination"),
}
_STATUSES = {
    ImportStatus.APPLIED: QT_TRANSLATE_NOOP("SyncLabels", "Applied"),
    ImportStatus.UP_TO_DATE: QT_TRANSLATE_NOOP("SyncLabels", "Up to date"),
    ImportStatus.REFUSED: QT_TRANSLATE_NOOP("SyncLabels", "Refused"),
    ImportStatus.FORK: QT_TRANSLATE_NOOP("SyncLabels", "Fork"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def agreement_label(agreement: Agreement) -> str:
    return _tr(_AGREEMENTS[agreement])


def status_label(status: ImportStatus) -> str:
    return _tr(_STATUSES[status])


def age_text(age: timedelta | None) -> str:
    """'3 h ago' / 「3時間前」, with the same steps as sync.partners.describe_age."""
    if age is None:
        return _tr(QT_TRANSLATE_NOOP("SyncLabels", "never"))
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return _tr(QT_TRANSLATE_NOOP("SyncLabels", "{n} min ago")).format(n=minutes)
    if minutes < 48 * 60:
        return _tr(QT_TRANSLATE_NOOP("SyncLabels", "{n} h ago")).format(n=minutes // 60)
    return _tr(QT_TRANSLATE_NOOP("SyncLabels", "{n} d ago")).format(n=minutes // (24 * 60))


def last_heard_text(age: timedelta | None) -> str:
    return _tr(QT_TRANSLATE_NOOP("SyncLabels", "Last heard from: {age}")).format(age=age_text(age))


def fingerprint_groups(fingerprint: str) -> str:
    """Wider gaps between the groups of four, so they are read out (and compared) one group at a time."""
    return "   ".join(fingerprint.split())
