from __future__ import annotations

from pathlib import Path

import pytest

from disastershare.cli import main

# A two-partner scenario with injects at T+0, T+30 and T+120 (shared with tests/ui/test_drill_ui.py).
SMALL = (Path(__file__).parents[1] / "data" / "small_scenario.toml").read_text(encoding="utf-8")


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    def call(*args: str, ws: Path | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--workspace", str(ws or tmp_path / "drill"), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call
