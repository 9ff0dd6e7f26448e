"""Write the seed corpus for fuzz/fuzz_sheet.py: small real stock sheets as officers keep them."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

OUT = Path(__file__).parent / "corpus" / "sheet"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "utf8.csv").write_bytes("品名,数量,単位,期限\n保存水（500ml）,2400,本,令和12年3月\n毛布,3,箱,\n".encode())
    sheet = "備蓄一覧\n\n品名,数量,保管場所\n毛布,１，２００枚,第1倉庫\n合計,1200,\n"
    (OUT / "cp932.csv").write_bytes(sheet.encode("cp932"))
    (OUT / "needs.tsv").write_bytes("品名\t必要数\t優先度\t必要日\n毛布\t500\t高\tR8.12.31\n".encode())
    book = openpyxl.Workbook()
    book.active.append(["品名", "数量", "単位", "入数"])
    book.active.append(["保存水 2L×6本", 50, "ケース", None])
    book.active.append(["マスク", 2, "箱", 50])
    book.create_sheet("第2倉庫").append(["品名", "数量"])
    buffer = io.BytesIO()
    book.save(buffer)
    (OUT / "book.xlsx").write_bytes(buffer.getvalue())


if __name__ == "__main__":
    main()
