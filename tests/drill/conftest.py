from __future__ import annotations

from pathlib import Path

import pytest

from disastershare.cli import main

SMALL = """
[scenario]
format = 1
name = "小さな訓練"
hazard = "earthquake"
host = "434434"
partners = ["431001", "434426"]

[[stock]]
municipality = "434434"
resource = "S-BLANKET"
quantity = 100

[[stock]]
municipality = "431001"
resource = "S-BLANKET"
quantity = 5000
reserved = 1000

[[injects]]
at_minutes = 0
text = "T+0 地震発生"

[[injects]]
at_minutes = 30
text = "T+30分 毛布不足"
needs = [ { municipality = "434434", resource = "S-BLANKET", quantity = 800, priority = "high" } ]

[[injects]]
at_minutes = 120
text = "T+2時間 嘉島町で給水車不足"
needs = [ { municipality = "434426", resource = "E-WATER-TRUCK", quantity = 3 } ]
"""


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
