"""The drill's own state beside the workspace: scenario copy, clock, events (drill/state.json)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from disastershare.core.errors import DomainError

FOLDER = "drill"


@dataclass(slots=True)
class DrillEvent:
    at: str  # wall-clock time, ISO 8601 UTC
    clock_minutes: int
    kind: str  # started | inject | advance | reset
    text: str
    needs: list[dict] = field(default_factory=list)


@dataclass(slots=True)
class DrillState:
    scenario_file: str  # the copy inside drill/, so the drill survives the original being moved
    clock_minutes: int = 0
    start_copies: dict[str, str] = field(default_factory=dict)  # municipality code -> start database copy
    events: list[DrillEvent] = field(default_factory=list)

    def log(self, kind: str, text: str, needs: list[dict] | None = None) -> DrillEvent:
        event = DrillEvent(datetime.now(UTC).replace(microsecond=0).isoformat(), self.clock_minutes, kind, text,
                           needs or [])
        self.events.append(event)
        return event


def drill_dir(root: Path) -> Path:
    return root / FOLDER


def load_state(root: Path) -> DrillState:
    path = drill_dir(root) / "state.json"
    if not path.is_file():
        raise DomainError(f"{root} is not a scenario drill (no drill/state.json); start one with 'drill new SCENARIO'")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        events = [DrillEvent(**e) for e in raw.pop("events", [])]
        return DrillState(**raw, events=events)
    except (ValueError, TypeError) as exc:
        raise DomainError(f"{path} is damaged ({exc})") from None


def save_state(root: Path, state: DrillState) -> None:
    path = drill_dir(root) / "state.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)  # a power cut leaves the old state or the new one
