"""The sheet reader under fuzzing: seeds, random byte mutations, and a bounded atheris run."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fuzz" / "corpus" / "sheet"
sys.path.insert(0, str(ROOT / "fuzz"))
import fuzz_sheet  # noqa: E402


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        at = rng.randrange(len(buf) + 1)
        if choice < 0.4 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif choice < 0.7:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif buf:
            del buf[at:at + rng.randint(1, 32)]
    return bytes(buf)


def test_the_seeds_are_read():
    seeds = sorted(CORPUS.iterdir())
    assert len(seeds) >= 4
    assert all(fuzz_sheet.test_one_input(p.read_bytes()) for p in seeds)


def test_random_mutations_end_in_a_refusal_or_a_plan():
    rng = random.Random(20261203)
    seeds = [p.read_bytes() for p in sorted(CORPUS.iterdir())]
    outcomes = {True: 0, False: 0}
    for _ in range(600):
        outcomes[fuzz_sheet.test_one_input(_mutate(rng.choice(seeds), rng))] += 1
    assert outcomes[True] > 20 and outcomes[False] > 20, outcomes


def test_a_bounded_coverage_guided_run(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    done = subprocess.run([sys.executable, str(ROOT / "fuzz" / "fuzz_sheet.py"), "-max_total_time=10",
                           "-rss_limit_mb=2048", "-timeout=20", f"-artifact_prefix={tmp_path}/", str(corpus)],
                          capture_output=True, text=True, timeout=300)
    tail = done.stderr[-3000:]
    assert done.returncode == 0, tail
    assert not list(tmp_path.glob("crash-*")), tail
