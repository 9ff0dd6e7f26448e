"""Report numbers (第N報) per workspace, and the file name a report is saved under by default.

Municipalities number the reports they send the prefecture (第1報, 第2報, ...), so a reader knows which is
the latest and whether one is missing. The counter lives in the workspace folder,
`reports/report_counter.json`: {"number": last number written, "report_id": the build that got it,
"written_at": when, in the report's zone}. It changes only when a report is actually written:

- build_report_data gives the figures the next number (last + 1) and a new report_id;
- write_report, under one lock, checks the number is still free (else renumbers: the counter, not a
  preview, is the authority), renders the files under temporary names, records the number, then moves the
  files into place. A failed or refused write records nothing; if the final move fails, the previous
  counter is put back. A crash between recording and moving costs a number (a gap), never a duplicate;
- the same figures written again (the PDF and the XLSX of one report) keep their number: the counter
  remembers the report_id that took it.

The file is written to a temporary name and renamed (atomic on one file system), like settings.json.
One process holds a workspace at a time (store/lock.py), so a thread lock is all the locking needed.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.reports.model import ReportData
from disastershare.reports.times import file_stamp

FOLDER = "reports"
FILE_NAME = "report_counter.json"
_LOCK = threading.RLock()
_FORBIDDEN = set('\\/:*?"<>|')  # characters Windows refuses in a file name


def counter_file(workspace_root: Path) -> Path:
    return Path(workspace_root) / FOLDER / FILE_NAME


def new_report_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class CounterState:
    number: int = 0  # the last number written; 0 before the first report
    report_id: str = ""
    written_at: str = ""


def read_counter(path: Path) -> CounterState:
    """The recorded state; a missing file is "no report yet". A damaged one is refused, never reset to 0:
    starting again at 第1報 would send the prefecture two different reports with one number."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        number = raw["number"]
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise ValueError(number)
        return CounterState(number, str(raw.get("report_id", "")), str(raw.get("written_at", "")))
    except FileNotFoundError:
        return CounterState()
    except (NotADirectoryError, IsADirectoryError):
        raise DomainError(f"{path} cannot be read: something else is in the way of the report counter "
                          f"({path.parent.name}/ must be a folder holding the file {path.name})") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise DomainError(f"the report counter {path} is damaged; write the last report number sent into it "
                          '(e.g. {"number": 3}) or delete it to start again at 第1報') from None


def next_number(path: Path) -> int:
    with _LOCK:
        return read_counter(path).number + 1


def _write_counter(path: Path, state: CounterState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump({"number": state.number, "report_id": state.report_id, "written_at": state.written_at},
                      fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(slots=True)
class Reservation:
    """A number held for one write: `data` carries the final number; record() then, if the files could
    not be moved into place, undo()."""

    data: ReportData
    path: Path | None = None
    previous: CounterState | None = None
    recorded: bool = False

    def record(self) -> None:
        meta = self.data.meta
        if self.path is None or meta.number is None:
            return
        previous = self.previous
        if previous is not None and (previous.report_id, previous.number) == (meta.report_id, meta.number):
            return  # this report was written before (another format): its number is already recorded
        _write_counter(self.path, CounterState(meta.number, meta.report_id,
                                               meta.generated_at.isoformat(timespec="minutes")))
        self.recorded = True

    def undo(self) -> None:
        if self.recorded and self.path is not None and self.previous is not None:
            _write_counter(self.path, self.previous)
            self.recorded = False


@contextmanager
def reserve(data: ReportData) -> Iterator[Reservation]:
    """Hold the counter while one report is written (see the module docstring)."""
    meta = data.meta
    if meta.counter_file is None or meta.number is None:
        yield Reservation(data)
        return
    with _LOCK:
        state = read_counter(meta.counter_file)
        same_report = state.report_id == meta.report_id and state.number == meta.number
        if not same_report and meta.number != state.number + 1:
            data = replace(data, meta=replace(meta, number=state.number + 1))  # the number was taken meanwhile
        yield Reservation(data, meta.counter_file, state)


def number_text(number: int | None, language: str) -> str:
    if number is None:
        return ""
    return f"第{number}報" if language == "ja" else f"Report No. {number}"


def suggested_name(data: ReportData, suffix: str = ".pdf", language: str = "ja") -> str:
    """The default file name: 益城町_第3報_20261203-1430.pdf (訓練_ first for a drill), in the report's zone."""
    meta = data.meta
    parts = [("訓練" if language == "ja" else "DRILL")] if meta.drill else []
    parts.append(meta.subject.name or meta.subject.code)
    if meta.number is not None:
        parts.append(f"第{meta.number}報" if language == "ja" else f"report-{meta.number}")
    else:
        parts.append("報告" if language == "ja" else "report")
    parts.append(file_stamp(meta.generated_at))
    name = "_".join(parts)
    return "".join("-" if ch in _FORBIDDEN or ord(ch) < 32 else ch for ch in name) + suffix.lower()
