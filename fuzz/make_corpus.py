"""Write the fuzz seed corpus: a few small real snapshot files (the app's own writer, the corpus key).

    .venv/bin/python fuzz/make_corpus.py
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fuzz_snapshot import KEY, OWNER  # noqa: E402

from disastershare.sync.bundle import write_bundle  # noqa: E402
from disastershare.sync.snapshot_writer import build_snapshot  # noqa: E402

T = "2024-06-01 09:00:00.000000"
WHEN = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
ROWS = {
    "inventory_item": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0001", OWNER, 1, T, False, "S-WATER", 1200, 100, "本庁舎倉庫",
                        "ready", "2026-03-31", "2L ペットボトル"],
                       ["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0002", OWNER, 2, T, True, "S-BLANKET", 40, 0, "", "damaged",
                        None, ""]],
    "staff_pool": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0003", OWNER, 3, T, False, "P-NURSE", 4, "2024-06-01",
                    "2024-06-30", 7, "健康推進課", "交代制"]],
    "need": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0004", OWNER, 4, T, False, "E-GENERATOR", 3, "2024-06-03", "high",
              "open", ""]],
    "local_resource_type": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0005", OWNER, 5, T, False, f"{OWNER}-PUMP",
                             "equipment", "排水ポンプ", "drain pump", "台", "equipment"]],
    "resource_request": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0006", OWNER, 6, T, False, "431001", "S-WATER", 500,
                          "2024-06-02", "至急", "", "", None, None, None, False]],
    "request_response": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0007", OWNER, 7, T, False,
                          "1b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0001", 30, "了解"]],
    "request_dispatch": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0008", OWNER, 8, T, False,
                          "1b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0001", 30, "2024-06-02", "2024-06-03", ""]],
    "request_receipt": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0009", OWNER, 9, T, False,
                         "2b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0001", 10, "2024-06-02", ""]],
    "request_return": [["0b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0010", OWNER, 10, T, False,
                        "2b9c1e8a-4b0e-4f7e-9a51-3d0c2b1a0001", 1, "2024-06-05", ""]],
}


def main(out: Path = HERE / "corpus" / "snapshot") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    full = build_snapshot(OWNER, 1, False, ROWS, KEY, WHEN)
    v1 = build_snapshot(OWNER, 2, False, {t: ROWS[t] for t in ("inventory_item", "staff_pool")}, KEY, WHEN,
                        format_version=1)
    empty = build_snapshot(OWNER, 3, False, {}, KEY, WHEN)
    drill = build_snapshot(OWNER, 4, True, {"need": ROWS["need"]}, KEY, WHEN)
    written = []
    for snapshot, name in ((full, "full-v2.dsnap"), (v1, "v1.dsnap"), (empty, "empty.dsnap"), (drill, "drill.dsnap")):
        (out / name).write_bytes(snapshot.data)
        written.append(out / name)
    written.append(write_bundle(out / "bundle.dsbundle", [(full.name, full.data), (v1.name, v1.data)], WHEN))
    for snapshot, name in ((full, "structured-v2.json"), (v1, "structured-v1.json")):
        with zipfile.ZipFile(io.BytesIO(snapshot.data)) as zf:
            document = {"manifest": json.loads(zf.read("manifest.json")),
                        "members": {n: json.loads(zf.read(n)) for n in zf.namelist() if n.endswith(".json")
                                    and n != "manifest.json"}}
        (out / name).write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written.append(out / name)
    return written


if __name__ == "__main__":
    for path in main():
        print(f"{path.relative_to(HERE)}  {path.stat().st_size:,} bytes")
