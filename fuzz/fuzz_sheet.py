"""Coverage-guided fuzz target for the sheet reader and planner (issue 16).

    .venv/bin/python fuzz/fuzz_sheet.py -max_total_time=600 fuzz/corpus/sheet   # atheris / libFuzzer
    .venv/bin/python fuzz/make_sheet_corpus.py                                 # rebuild the seeds

Invariant: reading a file and planning its import raise nothing but DomainError (a one-line refusal); any
other exception is a finding. The input is written to a real file and read as the CLI would read it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from disastershare.core.errors import DomainError
from disastershare.core.reference_data import shipped_catalog
from disastershare.core.sheet_import import plan_inventory_import, plan_needs_import, read_tables, run_to_end

_DIR = Path(tempfile.mkdtemp(prefix="ds-fuzz-sheet-"))
CATALOG = shipped_catalog()


def test_one_input(data: bytes) -> bool:
    """True if the input was read and planned, False if it was refused; raises on anything else."""
    path = _DIR / ("input.xlsx" if data[:2] == b"PK" else "input.csv")
    path.write_bytes(data)
    try:
        sheets = read_tables(path)
        run_to_end(plan_inventory_import(sheets, CATALOG, [], "131016"))
        run_to_end(plan_needs_import(sheets, CATALOG, [], "131016"))
    except DomainError as exc:
        if not str(exc):
            raise AssertionError("a refusal without a reason") from exc
        return False
    return True


def main() -> None:
    import atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
