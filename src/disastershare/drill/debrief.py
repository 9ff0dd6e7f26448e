"""`drill export FILE`: the drill's log for the debriefing, one zip a facilitator can hand over.

The CSV files (timeline, imports, needs, stock) are for people at the debriefing table, so they are in the
workspace's language (Japanese unless it is set to English): Japanese headers, coded values through the
report label table (`reports.labels.ENUMS`: 状況付与, 優先度 高, 使用可, 期限内, 反映, はい ...), names
beside codes, and times in the workspace's time zone (`reports.times`, JST by default).

One header row, not Japanese with English under it: a second header row is read as a data row by Excel's
filter and sort, pivot tables and every CSV reader, which is what facilitators do with these files. An
English-speaking facilitator sets the workspace language to en and gets English headers and labels; the
machine-readable record stays in timeline.json (codes, UTC times), whatever the language.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from disastershare.core.cell_safety import csv_value
from disastershare.core.errors import DomainError
from disastershare.drill.state import DrillEvent, drill_dir, load_state
from disastershare.reports.labels import Text, category, enum_label
from disastershare.reports.times import local, report_zone, seconds_text, with_zone
from disastershare.store.listing import inventory_rows, need_rows
from disastershare.store.workspace import Workspace
from disastershare.sync.history import ImportLogEntry, import_history

# (header, value of a row in a language); a header with {zone} names the time zone.
Field = tuple[Text, Callable[[Any, str], Any]]
_STARTED = re.compile(r"^(?P<name>.*) — (?P<n>\d+) municipalities$")
_ADVANCED = re.compile(r"^T\+(?P<a>\d+) -> T\+(?P<b>\d+) min$")


def _csv(rows: Sequence[Any], fields: Sequence[Field], language: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([header(language) for header, _ in fields])
    writer.writerows([csv_value(get(row, language)) for _, get in fields] for row in rows)
    return "\ufeff" + out.getvalue()  # BOM: opens in Excel on Japanese Windows


def _time(value: datetime | str | None, zone: tzinfo) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return seconds_text(local(value, zone))


def _event_text(event: DrillEvent, language: str) -> str:
    """The log's own notes are English (state.py); said in the report's language like the GUI does."""
    if language != "ja":
        return event.text
    if event.kind == "started" and (m := _STARTED.match(event.text)):
        return f"{m['name']}（{m['n']} 団体）"
    if event.kind == "advance" and (m := _ADVANCED.match(event.text)):
        return f"T+{m['a']} 分 → T+{m['b']} 分"
    if event.kind == "reset":
        return "すべてのデータベースを T+0 に戻しました（T+0 の状況付与を含む）"
    return event.text


class _Fields:
    """Column definitions of the four CSV files, for one workspace (names, units, zone)."""

    def __init__(self, host: Workspace, zone: tzinfo, now: datetime) -> None:
        self.catalog, self.registry, self.zone = host.catalog(), host.registry(), zone
        self.zone_now = now.astimezone(zone)

    def place(self, code: str | None) -> str:
        found = self.registry.get(code) if code else None
        return f"{found.prefecture} {found.name}" if found else (code or "")

    def resource(self, code: str, language: str) -> str:
        found = self.catalog.get(code)
        return (found.name_ja if language == "ja" else found.name_en) if found else code

    def unit(self, code: str) -> str:
        found = self.catalog.get(code)
        return found.unit if found else ""

    def timed(self, ja: str, en: str) -> Text:
        return Text(with_zone(ja, self.zone_now), with_zone(en, self.zone_now))

    def _needs_text(self, needs: list[dict], language: str) -> str:
        parts = []
        for n in needs:
            priority = enum_label("priority", n.get("priority"), language)
            what = f"{self.place(n['municipality'])} {self.resource(n['resource'], language)} " \
                   f"{n['quantity']:,} {self.unit(n['resource'])}".rstrip()
            parts.append(f"{what}（優先度 {priority}）" if language == "ja" else f"{what} (priority {priority})")
        return "; ".join(parts)

    def timeline(self) -> list[Field]:
        return [
            (self.timed("日時", "Time"), lambda e, _l: _time(e.at, self.zone)),
            (Text("訓練時刻", "Drill clock"),
             lambda e, lang: f"T+{e.clock_minutes} {'分' if lang == 'ja' else 'min'}"),
            (Text("種別", "Kind"), lambda e, lang: enum_label("drill_event", e.kind, lang)),
            (Text("内容", "Text"), lambda e, lang: _event_text(e, lang)),
            (Text("付与された需要", "Needs injected"), lambda e, lang: self._needs_text(e.needs, lang)),
        ]

    def imports(self) -> list[Field]:
        return [
            (self.timed("取込日時", "Imported"), lambda r, _l: _time(r.at, self.zone)),
            (Text("ファイル", "File"), lambda r, _l: r.file),
            (Text("団体コード", "Code"), lambda r, _l: r.owner or ""),
            (Text("市区町村", "Municipality"), lambda r, _l: self.place(r.owner)),
            (Text("番号", "Sequence"), lambda r, _l: r.sequence),
            (Text("結果", "Result"), lambda r, lang: enum_label("import_status", r.status, lang)),
            (Text("理由", "Reason"), lambda r, _l: r.reason),  # sync's one-line reason, as the CLI prints it
            (Text("追加", "Added"), lambda r, _l: r.changes.added),
            (Text("変更", "Changed"), lambda r, _l: r.changes.changed),
            (Text("削除", "Removed"), lambda r, _l: r.changes.removed),
            (self.timed("スナップショット作成", "Snapshot made"), lambda r, _l: _time(r.created_at, self.zone)),
        ]

    def _owned(self) -> list[Field]:
        return [
            (Text("団体コード", "Code"), lambda r, _l: r["municipality"]),
            (Text("市区町村", "Municipality"), lambda r, _l: self.place(r["municipality"])),
            (Text("品目コード", "Resource code"), lambda r, _l: r["resource"]),
            (Text("品名", "Resource"), lambda r, lang: r["name_ja"] if lang == "ja" else r["name_en"]),
            (Text("種別", "Kind"), lambda r, lang: enum_label("kind", r["kind"], lang)),
            (Text("分類", "Category"), lambda r, lang: category(r["category"], lang)),
        ]

    def needs(self) -> list[Field]:
        return [*self._owned(),
                (Text("必要数", "Quantity"), lambda r, _l: r["quantity"]),
                (Text("単位", "Unit"), lambda r, _l: r["unit"]),
                (Text("必要期日", "Needed by"), lambda r, _l: r["needed_by"] or ""),
                (Text("優先度", "Priority"), lambda r, lang: enum_label("priority", r["priority"], lang)),
                (Text("状態", "Status"), lambda r, lang: enum_label("need_status", r["status"], lang)),
                (Text("備考", "Note"), lambda r, _l: r["note"]),
                (Text("ID", "ID"), lambda r, _l: r["id"]),
                (Text("版", "Revision"), lambda r, _l: r["revision"])]

    def stock(self) -> list[Field]:
        return [*self._owned(),
                (Text("在庫数", "On hand"), lambda r, _l: r["on_hand"]),
                (Text("自己使用分", "Reserved"), lambda r, _l: r["reserved"]),
                (Text("提供可能数", "Available"), lambda r, _l: r["available"]),
                (Text("単位", "Unit"), lambda r, _l: r["unit"]),
                (Text("保管場所・担当部署", "Location or section"), lambda r, _l: r["location"]),
                (Text("状態", "Condition"), lambda r, lang: enum_label("condition", r["condition"], lang)),
                (Text("期限", "Expiry"), lambda r, _l: r["expiry"] or ""),
                (Text("期限の状態", "Expiry state"),
                 lambda r, lang: enum_label("expiry_state", r["expiry_state"], lang)),
                (Text("派遣可能開始日", "Available from"), lambda r, _l: r.get("available_from") or ""),
                (Text("派遣可能終了日", "Available to"), lambda r, _l: r.get("available_to") or ""),
                (Text("最長派遣日数", "Max dispatch days"), lambda r, _l: r.get("max_dispatch_days")),
                (Text("備考", "Note"), lambda r, _l: r["note"]),
                (self.timed("更新日時", "Updated"), lambda r, _l: _time(r["updated_at"], self.zone)),
                (Text("ID", "ID"), lambda r, _l: r["id"]),
                (Text("版", "Revision"), lambda r, _l: r["revision"])]


def export_drill_log(host: Workspace, root: Path, target: Path, report_pdf: Path | None = None,
                     language: str | None = None) -> Path:
    """Write the debriefing zip: timeline, imports, needs, stock, the scenario, and the report if given.
    `language`: of the CSV files (default: the workspace's, else ja)."""
    if target.suffix.lower() != ".zip":
        raise DomainError(f"{target.name}: the drill log is a .zip file")
    language = language or host.language() or "ja"
    state = load_state(root)
    history: list[ImportLogEntry] = import_history(host, limit=None)
    timeline = {"host": host.municipality, "clock_minutes": state.clock_minutes,
                "events": [asdict(e) for e in state.events]}
    fields = _Fields(host, report_zone(host.settings()), datetime.now().astimezone())
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("timeline.json", json.dumps(timeline, ensure_ascii=False, indent=1, default=str))
            zf.writestr("timeline.csv", _csv(state.events, fields.timeline(), language))
            zf.writestr("imports.csv", _csv(history, fields.imports(), language))
            zf.writestr("needs.csv", _csv(need_rows(host, everyone=True), fields.needs(), language))
            zf.writestr("stock.csv", _csv(inventory_rows(host, everyone=True), fields.stock(), language))
            zf.write(drill_dir(root) / state.scenario_file, "scenario.toml")
            if report_pdf is not None:
                zf.write(report_pdf, "report.pdf")
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DomainError(f"cannot write {target}: {exc.strerror}") from None
    return target
