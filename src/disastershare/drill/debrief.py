"""`drill export FILE`: the drill's log for the debriefing, one zip a facilitator can hand over."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from dataclasses import asdict
from pathlib import Path

from disastershare.core.cell_safety import csv_value
from disastershare.core.errors import DomainError
from disastershare.drill.state import drill_dir, load_state
from disastershare.store.listing import inventory_rows, need_rows
from disastershare.store.workspace import Workspace
from disastershare.sync.history import import_history


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    if rows:
        fields = list(dict.fromkeys(key for row in rows for key in row))  # staff rows carry extra columns
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: csv_value(value) for key, value in row.items()} for row in rows)
    return "\ufeff" + out.getvalue()  # BOM: opens in Excel on Japanese Windows


def export_drill_log(host: Workspace, root: Path, target: Path, report_pdf: Path | None = None) -> Path:
    """Write the debriefing zip: timeline, imports, needs, stock, the scenario, and the report if given."""
    if target.suffix.lower() != ".zip":
        raise DomainError(f"{target.name}: the drill log is a .zip file")
    state = load_state(root)
    imports = [asdict(entry) for entry in import_history(host, limit=None)]
    timeline = {"host": host.municipality, "clock_minutes": state.clock_minutes,
                "events": [asdict(e) for e in state.events]}
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("timeline.json", json.dumps(timeline, ensure_ascii=False, indent=1, default=str))
            zf.writestr("timeline.csv", _csv([{k: v for k, v in asdict(e).items() if k != "needs"}
                                              for e in state.events]))
            zf.writestr("imports.csv", _csv(imports))
            zf.writestr("needs.csv", _csv(need_rows(host, everyone=True)))
            zf.writestr("stock.csv", _csv(inventory_rows(host, everyone=True)))
            zf.write(drill_dir(root) / state.scenario_file, "scenario.toml")
            if report_pdf is not None:
                zf.write(report_pdf, "report.pdf")
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DomainError(f"cannot write {target}: {exc.strerror}") from None
    return target
