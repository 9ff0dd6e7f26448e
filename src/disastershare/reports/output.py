"""Write a report to the path the user gave: the format comes from the suffix, and the write is atomic.

Every file is first written under a temporary name in the target folder and then moved into place with
os.replace, so an interrupted or refused report never leaves a half-written file under the real name
(and, for several CSV files, nothing is moved until all of them were written). A numbered report (第N報,
`numbering`) records its number between the two steps, so only a report actually written uses a number.
"""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.reports.model import ReportData
from disastershare.reports.numbering import Reservation, reserve

FORMATS = {".pdf": "PDF", ".xlsx": "Excel workbook", ".csv": "CSV files (one per table)", ".zip": "zip of CSV files"}
LANGUAGES = ("ja", "en")


def check_target(path: Path) -> str:
    """The format for `path`, or a DomainError naming the suffixes we write (before any work is done)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        choices = ", ".join(FORMATS)
        raise DomainError(f"{path.name}: the report format comes from the suffix; use one of {choices}")
    if not path.parent.is_dir():
        raise DomainError(f"{path.parent} is not a folder; create it first")
    return suffix


def _temp_beside(path: Path) -> Path:
    # Not mkstemp: its 0600 mode would survive the rename, and a report is meant to be shared.
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")


def _commit(pairs: list[tuple[Path, Path]]) -> None:
    for temp, final in pairs:
        os.replace(temp, final)


def _write_atomically(targets: list[Path], fill: Callable[[list[Path]], None],
                      number: Reservation | None = None) -> list[Path]:
    temps = [_temp_beside(t) for t in targets]
    try:
        fill(temps)
        if number is not None:
            number.record()
        try:
            _commit(list(zip(temps, targets, strict=True)))
        except OSError:
            if number is not None:
                number.undo()
            raise
    except OSError as exc:
        raise DomainError(f"cannot write {targets[0]}: {exc.strerror or exc}") from None
    finally:
        for temp in temps:
            temp.unlink(missing_ok=True)
    return targets


def write_report(data: ReportData, path: Path, language: str = "ja", hxl: bool = False,
                 font: str | Path | None = None, configured_font: str | Path | None = None) -> list[Path]:
    """Write the report; returns the files written. Raises DomainError (nothing written) on refusal."""
    if language not in LANGUAGES:
        raise DomainError(f"language must be one of {', '.join(LANGUAGES)}")
    path = Path(path)
    check_target(path)
    with reserve(data) as number:
        return _write(number.data, path, language, hxl, font, configured_font, number)


def _write(data: ReportData, path: Path, language: str, hxl: bool, font: str | Path | None,
           configured_font: str | Path | None, number: Reservation) -> list[Path]:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from disastershare.reports.pdf_report import write_pdf  # Qt is loaded only for PDFs

        return _write_atomically([path], lambda t: write_pdf(data, t[0], language, font, configured_font),
                                 number)
    if suffix == ".xlsx":
        from disastershare.reports.xlsx_report import write_xlsx

        return _write_atomically([path], lambda t: write_xlsx(data, t[0], language), number)
    from disastershare.reports.csv_report import csv_files

    stem = path.stem[:-4] if path.stem.lower().endswith(".csv") else path.stem  # report.csv.zip -> report
    files = csv_files(data, stem, language, hxl)
    if suffix == ".zip":
        def fill_zip(temps: list[Path]) -> None:
            with zipfile.ZipFile(temps[0], "w", zipfile.ZIP_DEFLATED) as archive:
                for name, text in files:
                    archive.writestr(name, text.encode("utf-8"))

        return _write_atomically([path], fill_zip, number)

    def fill_files(temps: list[Path]) -> None:
        for temp, (_name, text) in zip(temps, files, strict=True):
            temp.write_bytes(text.encode("utf-8"))

    return _write_atomically([path.with_name(name) for name, _ in files], fill_files, number)
