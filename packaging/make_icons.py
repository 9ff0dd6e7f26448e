"""Draw the app icon and write it as PNG, Windows .ico and macOS .icns (no binaries in the repository).

Usage: python packaging/make_icons.py OUTDIR  ->  OUTDIR/disastershare.png, .ico, .icns
The mark: three linked nodes (sharing between municipalities) on a signal-red rounded square.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

RED = QColor("#c62828")
WHITE = QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64  # designed on a 64-unit grid
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    nodes = [QPointF(20 * s, 32 * s), QPointF(44 * s, 18 * s), QPointF(44 * s, 46 * s)]
    p.setPen(QPen(WHITE, 4.5 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(nodes[0], nodes[1])
    p.drawLine(nodes[0], nodes[2])
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(WHITE)
    for node in nodes:
        p.drawEllipse(node, 8 * s, 8 * s)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(sizes: list[int]) -> bytes:
    """A Windows icon with PNG-compressed entries (Vista and later)."""
    images = [png_bytes(draw(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def icns(sizes: dict[str, int]) -> bytes:
    """A macOS icon with PNG entries (ic07 128 px ... ic10 1024 px)."""
    body = b""
    for kind, size in sizes.items():
        data = png_bytes(draw(size))
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(out / "disastershare.png"))
    (out / "disastershare.ico").write_bytes(ico([16, 24, 32, 48, 64, 128, 256]))
    (out / "disastershare.icns").write_bytes(icns({"ic07": 128, "ic08": 256, "ic09": 512, "ic10": 1024}))
    print(f"icons written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/icons"))
