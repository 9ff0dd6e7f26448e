"""Start-up cost of the command line, as CPU time relative to `python -c "import sqlmodel"` in the same run.

Goals (issue 14): --help and --version <= 0.35x, `inventory list` <= 1.3x, shortfalls / match pay for
pandas / OR-Tools only. CPU time (user + system of the child) is used, not wall time, so a loaded machine
does not skew the ratios much; each command runs REPEAT times and the median is kept.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPEAT = int(os.environ.get("REPEAT", "5"))
PY = sys.executable


def cpu_seconds(argv: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(argv: list[str], env: dict[str, str]) -> float:
    return statistics.median(cpu_seconds(argv, env) for _ in range(REPEAT))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "demo"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DISASTERSHARE_WORKSPACE": str(ws)}
        subprocess.run([PY, "-m", "disastershare", "demo"], env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        base = median_cpu([PY, "-c", "import sqlmodel"], env)
        cases = [("--help", ["--help"], 0.35), ("--version", ["--version"], 0.35),
                 ("inventory list", ["inventory", "list"], 1.3), ("shortfalls", ["shortfalls"], None),
                 ("match", ["match"], None)]
        print(f"baseline python -c 'import sqlmodel': {base:.3f} s CPU (median of {REPEAT})")
        for label, args, goal in cases:
            spent = median_cpu([PY, "-m", "disastershare", *args], env)
            target = f"(goal <= {goal}x)" if goal else ""
            print(f"{label:<16} {spent:6.3f} s CPU  = {spent / base:5.2f}x baseline {target}")


if __name__ == "__main__":
    main()
