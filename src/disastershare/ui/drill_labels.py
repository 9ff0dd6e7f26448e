"""Drill texts in the UI language: the clock (「T+2時間30分」), hazards, scenario names and inject needs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from disastershare.core.catalog import Catalog
from disastershare.core.records import Priority
from disastershare.core.registry import Registry
from disastershare.core.scenario import Scenario
from disastershare.ui.labels import value_label
from disastershare.ui.translations import current_language

MINUTES_PER_DAY = 24 * 60

# Scenario files name their hazard in free text; the usual ones are shown in the UI language.
_HAZARDS = {
    "earthquake": QT_TRANSLATE_NOOP("DrillLabels", "Earthquake"),
    "flood": QT_TRANSLATE_NOOP("DrillLabels", "Flood"),
    "tsunami": QT_TRANSLATE_NOOP("DrillLabels", "Tsunami"),
    "typhoon": QT_TRANSLATE_NOOP("DrillLabels", "Typhoon"),
    "landslide": QT_TRANSLATE_NOOP("DrillLabels", "Landslide"),
    "volcano": QT_TRANSLATE_NOOP("DrillLabels", "Volcanic eruption"),
    "snow": QT_TRANSLATE_NOOP("DrillLabels", "Heavy snow"),
}


def clock_text(minutes: int) -> str:
    """T+0, T+30分, T+2時間30分, T+1日 (T+30 min, T+2 h 30 min, T+1 d in English)."""
    days, rest = divmod(max(minutes, 0), MINUTES_PER_DAY)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(QCoreApplication.translate("DrillLabels", "{n} d").format(n=days))
    if hours:
        parts.append(QCoreApplication.translate("DrillLabels", "{n} h").format(n=hours))
    if mins:
        parts.append(QCoreApplication.translate("DrillLabels", "{n} min").format(n=mins))
    # Japanese writes the parts together (2時間30分); English spaces them (2 h 30 min).
    return "T+" + (("" if current_language() == "ja" else " ").join(parts) if parts else "0")


def hazard_label(hazard: str) -> str:
    source = _HAZARDS.get(hazard.strip().lower())
    return QCoreApplication.translate("DrillLabels", source) if source else hazard


def scenario_name(scenario: Scenario) -> str:
    return scenario.name if current_language() == "ja" else scenario.name_en


def place_name(registry: Registry, code: str) -> str:
    found = registry.get(code)
    return found.name if found else code


def need_text(need: dict, registry: Registry, catalog: Catalog) -> str:
    """One need of an inject as the drill log stores it (municipality, resource, quantity, priority)."""
    kind = catalog.get(str(need.get("resource", "")))
    resource = kind.name(current_language()) if kind else str(need.get("resource", ""))
    try:
        priority = value_label(Priority(need.get("priority", "normal")))
    except ValueError:
        priority = str(need.get("priority", ""))
    return QCoreApplication.translate("DrillLabels", "{place}: {resource} {quantity:,} {unit} ({priority})").format(
        place=place_name(registry, str(need.get("municipality", ""))), resource=resource,
        quantity=int(need.get("quantity", 0)), unit=kind.unit if kind else "", priority=priority)
