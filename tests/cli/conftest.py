from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from disastershare.cli import main


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Callable[..., CliResult]:
    """Run the CLI in-process against a workspace folder in tmp_path (override with ws=...)."""

    def run(*args: str, ws: Path | None = None) -> CliResult:
        capsys.readouterr()
        try:
            code = main(["--workspace", str(ws or tmp_path / "ws"), *args])
        except SystemExit as exc:  # argparse's own exits (usage errors, --help)
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
