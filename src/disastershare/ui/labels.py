"""Translated labels for the core's stored values (kinds, categories, conditions, priorities, statuses, fields).

The core stores stable English codes ("needs_check", "shelter"); people read them in their language.
Names of resource types are not here: they come from the catalog (name_ja / name_en).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from disastershare.core.catalog import ResourceKind
from disastershare.core.errors import DomainError, ValidationError
from disastershare.core.quantities import format_quantity
from disastershare.core.records import Condition, NeedStatus, Priority
from disastershare.ui.reason_text import localized_reason
from disastershare.ui.translations import current_language

_VALUES: dict[StrEnum, str] = {
    ResourceKind.SUPPLY: QT_TRANSLATE_NOOP("Labels", "Supply"),
    ResourceKind.EQUIPMENT: QT_TRANSLATE_NOOP("Labels", "Equipment"),
    ResourceKind.STAFF: QT_TRANSLATE_NOOP("Labels", "Staff"),
    Condition.READY: QT_TRANSLATE_NOOP("Labels", "Ready"),
    Condition.NEEDS_CHECK: QT_TRANSLATE_NOOP("Labels", "Needs check"),
    Condition.DAMAGED: QT_TRANSLATE_NOOP("Labels", "Damaged"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "Normal"),
    Priority.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    NeedStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    NeedStatus.PARTLY_MET: QT_TRANSLATE_NOOP("Labels", "Partly met"),
    NeedStatus.MET: QT_TRANSLATE_NOOP("Labels", "Met"),
    NeedStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

# The shared catalog's categories. A partner's local type may bring another category: shown as stored.
_CATEGORIES = {
    "food": QT_TRANSLATE_NOOP("Categories", "Food"),
    "water": QT_TRANSLATE_NOOP("Categories", "Water"),
    "infant": QT_TRANSLATE_NOOP("Categories", "Infant care"),
    "hygiene": QT_TRANSLATE_NOOP("Categories", "Hygiene"),
    "sanitation": QT_TRANSLATE_NOOP("Categories", "Toilets and sanitation"),
    "shelter": QT_TRANSLATE_NOOP("Categories", "Shelter"),
    "flood": QT_TRANSLATE_NOOP("Categories", "Flood defence"),
    "energy": QT_TRANSLATE_NOOP("Categories", "Power, fuel and lighting"),
    "health": QT_TRANSLATE_NOOP("Categories", "Health"),
    "rescue": QT_TRANSLATE_NOOP("Categories", "Rescue"),
    "transport": QT_TRANSLATE_NOOP("Categories", "Transport"),
    "waste": QT_TRANSLATE_NOOP("Categories", "Waste"),
    "communication": QT_TRANSLATE_NOOP("Categories", "Communication"),
    "management": QT_TRANSLATE_NOOP("Categories", "Disaster management"),
    "assessment": QT_TRANSLATE_NOOP("Categories", "Damage assessment"),
    "logistics": QT_TRANSLATE_NOOP("Categories", "Logistics"),
    "welfare": QT_TRANSLATE_NOOP("Categories", "Welfare and recovery"),
    "engineering": QT_TRANSLATE_NOOP("Categories", "Civil engineering"),
}

# Record fields, as named in refusal messages and in the import preview.
_FIELDS = {
    "resource": QT_TRANSLATE_NOOP("Fields", "resource"),
    "on_hand": QT_TRANSLATE_NOOP("Fields", "on hand"),
    "reserved": QT_TRANSLATE_NOOP("Fields", "reserved"),
    "location": QT_TRANSLATE_NOOP("Fields", "location"),
    "condition": QT_TRANSLATE_NOOP("Fields", "condition"),
    "expiry": QT_TRANSLATE_NOOP("Fields", "expiry"),
    "note": QT_TRANSLATE_NOOP("Fields", "note"),
    "headcount": QT_TRANSLATE_NOOP("Fields", "headcount"),
    "available_from": QT_TRANSLATE_NOOP("Fields", "available from"),
    "available_to": QT_TRANSLATE_NOOP("Fields", "available to"),
    "max_dispatch_days": QT_TRANSLATE_NOOP("Fields", "max dispatch days"),
    "contact_section": QT_TRANSLATE_NOOP("Fields", "contact section"),
    "quantity": QT_TRANSLATE_NOOP("Fields", "quantity"),
    "needed_by": QT_TRANSLATE_NOOP("Fields", "needed by"),
    "priority": QT_TRANSLATE_NOOP("Fields", "priority"),
    "status": QT_TRANSLATE_NOOP("Fields", "status"),
}


def value_label(value: StrEnum) -> str:
    source = _VALUES.get(value)
    return QCoreApplication.translate("Labels", source) if source else str(value)


def category_label(category: str) -> str:
    source = _CATEGORIES.get(category)
    return QCoreApplication.translate("Categories", source) if source else category


def cell_text(value: object, empty: str = "") -> str:
    """A record's field as the tables and the import preview show it: counts with separators, dates in ISO,
    stored codes labelled; `empty` for no value."""
    if value is None:
        return empty
    if isinstance(value, bool):
        return str(value)  # before int: a bool is an int, but "1" would be wrong
    if isinstance(value, int):
        return format_quantity(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value_label(value)
    return str(value) or empty


def field_label(field: str) -> str:
    source = _FIELDS.get(field)
    return QCoreApplication.translate("Fields", source) if source else field


def refusal_text(exc: DomainError) -> str:
    """One line for the status bar: what was refused, in the UI language, then the core's own reason.

    The core's reasons are English one-liners: the common ones are said in the UI language
    (ui.reason_text), and naming the field in the UI language keeps any other one useful too.
    """
    field = exc.field if isinstance(exc, ValidationError) else None
    reason = localized_reason(str(exc), current_language())
    if field in _FIELDS:
        return QCoreApplication.translate("Labels", "Not saved ({field}): {reason}").format(
            field=field_label(field), reason=reason)
    return QCoreApplication.translate("Labels", "Not saved: {reason}").format(reason=reason)
