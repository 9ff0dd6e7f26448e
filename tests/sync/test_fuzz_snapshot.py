"""The snapshot reader's fuzz target (fuzz/fuzz_snapshot.py) inside the normal suite, bounded to seconds.

1. the seed corpus (fuzz/corpus/snapshot, written by fuzz/make_corpus.py) verifies as expected;
2. the target on 3,000 random byte-level mutations of the seeds and 600 value-level mutations of their
   payloads (re-signed, so they reach the payload checks): every input verifies or is a clean refusal, and
   whatever verifies is storable;
3. a bounded coverage-guided atheris run (about 10 s) when atheris is installed.
Longer runs: `.venv/bin/python fuzz/fuzz_snapshot.py -max_total_time=600 fuzz/corpus/snapshot`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import random
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fuzz" / "corpus" / "snapshot"


@pytest.fixture(scope="module")
def target():
    spec = importlib.util.spec_from_file_location("fuzz_snapshot", ROOT / "fuzz" / "fuzz_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seeds() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(CORPUS.iterdir())}


def test_the_seed_corpus_verifies(target) -> None:
    verified = {name: target.test_one_input(data) for name, data in _seeds().items()}
    # each snapshot verifies as is and re-signed; the bundle's two members likewise; drill is refused (live)
    assert verified == {"bundle.dsbundle": 4, "drill.dsnap": 0, "empty.dsnap": 2, "full-v2.dsnap": 2, "v1.dsnap": 2,
                        "structured-v1.json": 2, "structured-v2.json": 2,
                        "regression-zip64-record-before-start.dsnap": 0}  # a finding of fuzzing, kept as a seed


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind, at = rng.randrange(6), rng.randrange(len(out)) if out else 0
        if kind == 0 and out:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del out[at:]
        elif kind == 2:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif kind == 3:
            del out[at:at + rng.randint(1, 64)]
        elif kind == 4 and out:
            out[at:at + 4] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"PK\x05\x06", b"PK\x01\x02"])
        elif out:  # splice two places of the file
            other = rng.randrange(len(out))
            out[at:at + 16] = out[other:other + 16]
    return bytes(out)


def test_random_byte_mutations_are_verified_or_cleanly_refused(target) -> None:
    rng = random.Random(16)
    seeds = list(_seeds().values())
    outcomes: Counter[str] = Counter()
    for _ in range(3000):
        verified = target.test_one_input(_mutate(rng.choice(seeds), rng))  # raises on a finding
        outcomes["verified" if verified else "refused"] += 1
    print(f"byte mutations: {dict(outcomes)}")
    assert outcomes["refused"] > 0 and sum(outcomes.values()) == 3000


_EXTREMES = [None, True, False, -1, 0, 2**53, 2**53 + 1, 2**63, 10**30, 1.5, float("inf"), "", "x" * 4001,
             "\u202e", "\x00", "\ud800", "\x1b[2J", "a\nb", "9999-12-31", "1899-12-31", "2024-02-30",
             "2024-06-01 09:00:00", [], {}, [[1]], "434434", "431001", "../x"]


def _value_mutation(data: bytes, rng: random.Random, key) -> bytes:
    """One value of one payload (or of the manifest) replaced by an extreme, the manifest's digests fixed and
    the manifest signed again: the input reaches the payload checks."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n != "manifest.sig"}
    manifest = json.loads(members.pop("manifest.json"))
    payloads = {n: json.loads(b) for n, b in members.items()}
    value = rng.choice(_EXTREMES)
    if payloads and rng.random() < 0.8:
        name = rng.choice(sorted(payloads))
        rows = payloads[name]["rows"]
        if rng.random() < 0.15:
            rows.append(list(rng.choice(rows)))  # a duplicated row (same id)
        else:
            rng.choice(rows)[rng.randrange(len(rows[0]))] = value
        manifest["counts"][name[:-5]] = len(rows)
    else:
        manifest[rng.choice(["sequence", "created_at", "owner", "counts", "format_version", "drill"])] = value
    encoded = {n: json.dumps(d).encode() for n, d in payloads.items()}  # ASCII escapes: surrogates survive
    manifest["members"] = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in encoded.items()}
    manifest_bytes = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("manifest.sig", key.sign(manifest_bytes))
        for name, body in encoded.items():
            zf.writestr(name, body)
    return buffer.getvalue()


def test_extreme_values_in_signed_payloads_are_verified_or_cleanly_refused(target) -> None:
    rng = random.Random(6)
    seeds = [_seeds()[n] for n in ("full-v2.dsnap", "v1.dsnap")]
    outcomes: Counter[str] = Counter()
    for _ in range(600):
        verified = target.test_one_input(_value_mutation(rng.choice(seeds), rng, target.KEY))
        outcomes["verified" if verified else "refused"] += 1
    print(f"value mutations: {dict(outcomes)}")
    assert outcomes["refused"] > 200 and outcomes["verified"] > 20


def test_a_bounded_coverage_guided_run(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)  # libFuzzer adds what it finds to the first corpus folder
    done = subprocess.run([sys.executable, str(ROOT / "fuzz" / "fuzz_snapshot.py"), "-max_total_time=10",
                           "-rss_limit_mb=2048", "-timeout=20", f"-artifact_prefix={tmp_path}/", str(corpus)],
                          capture_output=True, text=True, timeout=300)
    tail = done.stderr[-3000:]
    assert done.returncode == 0, tail
    assert "Done" in tail and not list(tmp_path.glob("crash-*")), tail
