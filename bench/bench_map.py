"""The map at national scale, with and without its basemap: what the basemap costs on the UI thread.

Every municipality of the shipped registry (1,916 places) on a map widget of 1200 x 700, with
- one resource: each place short of or offering it at random (seeded), 400 proposed transfers between a place
  offering and a place short within 150 km, 20 of them committed;
- every resource (the report's map): 40 resource types x 120 transfers = 4,800 transfers.

Prints the median CPU time over REPEATS of: a redraw after a data change (set_content + grab(), i.e. building every item
and painting the widget), a zoom step (setRange + grab()), a pan step, and one mouse move (finding the nearest
place for its name), each with the basemap and without it (the same points and arrows on a blank background),
and the ratio. The target: a redraw well under 100 ms. Also the basemap's load (once per process) and its
vertex count, as shipped and after a further Douglas-Peucker. No assertion: a benchmark, not a test.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402

from disastershare.core import basemap as basemap_module  # noqa: E402
from disastershare.core.geo import haversine_km  # noqa: E402
from disastershare.core.reference_data import shipped_prefectures, shipped_registry  # noqa: E402
from disastershare.ui.analysis_data import MapLine, MapPoint  # noqa: E402
from disastershare.ui.app import ensure_application  # noqa: E402
from disastershare.ui.charts.map_chart import MapChart, Transfer  # noqa: E402
from disastershare.ui.translations import apply_language  # noqa: E402

HOME = "131016"  # 千代田区
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20240101
REPEATS = 9
ONE_RESOURCE_TRANSFERS = 400
ALL_RESOURCES, PER_RESOURCE = 40, 120
MAX_KM = 150.0


def national_points(rng: random.Random) -> list[MapPoint]:
    registry = shipped_registry()
    home = registry.get(HOME)
    points = []
    for m in registry:
        draw = rng.random()
        need = rng.randint(10, 5000)
        short = rng.randint(1, need) if draw < 0.3 else 0
        surplus = rng.randint(1, 5000) if 0.3 <= draw < 0.7 else 0
        points.append(MapPoint(m.code, f"{m.prefecture}{m.name}", m.name, m.lon, m.lat, need, need - short + surplus,
                               short, surplus, haversine_km(home.lat, home.lon, m.lat, m.lon), m.code == HOME))
    return points


def transfers_between(points: list[MapPoint], rng: random.Random, count: int, resource: str = "",
                      unit: str = "個") -> list[Transfer]:
    """`count` transfers from a random place to another within MAX_KM (a plausible plan's shape)."""
    out = []
    while len(out) < count:
        a, b = rng.sample(points, 2)
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if km <= MAX_KM:
            out.append(Transfer(MapLine(a.code, b.code, rng.randint(1, 3000), km, len(out) % 20 == 0), resource, unit))
    return out


def steps(chart: MapChart, points, transfers, all_resources: bool) -> dict:
    """The measured steps on one chart; each call does one of them once."""
    box = chart.getViewBox()
    state = {"zoom": 0, "pan": 0}
    unit = "" if all_resources else "L"

    def redraw() -> None:
        chart.set_content(list(points), list(transfers), "ja", fit=False, all_resources=all_resources, unit=unit)
        chart.grab()

    def zoom() -> None:
        factor = (0.8, 1.25)[state["zoom"] % 2]
        state["zoom"] += 1
        (a0, a1), (b0, b1) = box.viewRange()
        cx, cy, hx, hy = (a0 + a1) / 2, (b0 + b1) / 2, (a1 - a0) / 2 * factor, (b1 - b0) / 2 * factor
        box.setRange(xRange=(cx - hx, cx + hx), yRange=(cy - hy, cy + hy), padding=0)
        chart.grab()

    def pan() -> None:
        (a0, a1), (b0, b1) = box.viewRange()
        step = (a1 - a0) * 0.05 * (1 if state["pan"] % 2 == 0 else -1)
        state["pan"] += 1
        box.setRange(xRange=(a0 + step, a1 + step), yRange=(b0, b1), padding=0)
        chart.grab()

    def hover() -> None:
        for p in points[:50]:
            chart._mouse_moved(box.mapViewToScene(QPointF(*chart.position(p.lon, p.lat))) + QPointF(3, 2))

    return {"redraw": redraw, "zoom": zoom, "pan": pan, "hover": hover}


def measure(charts: dict[bool, MapChart], app, points, transfers, all_resources: bool) -> dict:
    """Median CPU milliseconds of each step, with and without the basemap, taken in turns (the machine may be
    busy with other work: turns and CPU time rather than wall time keep the ratio fair)."""
    runs = {}
    for with_basemap, chart in charts.items():
        chart.set_content(points, transfers, "ja", all_resources=all_resources, unit="" if all_resources else "L")
        app.processEvents()
        runs[with_basemap] = steps(chart, points, transfers, all_resources)
    times = {(b, step): [] for b in charts for step in runs[True]}
    for _ in range(REPEATS):
        for step in runs[True]:
            for with_basemap in charts:
                t0 = time.process_time()
                runs[with_basemap][step]()
                times[with_basemap, step].append((time.process_time() - t0) * 1000)
    return {key: statistics.median(values) / (50 if key[1] == "hover" else 1) for key, values in times.items()}


def main() -> None:
    app = ensure_application()
    apply_language("ja")
    t0 = time.perf_counter()
    basemap = basemap_module.load_basemap()
    load_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    coarse = basemap_module.load_basemap(0.02)
    coarse_ms = (time.perf_counter() - t0) * 1000
    print(f"basemap: {len(basemap.land)} land rings, {len(basemap.lakes)} lakes, {len(basemap.borders)} prefecture "
          f"borders, {basemap.vertex_count():,} vertices; loaded in {load_ms:,.0f} ms (once per process); "
          f"Douglas-Peucker at 0.02 deg would leave {coarse.vertex_count():,} ({coarse_ms:,.0f} ms)")
    rng = random.Random(SEED)
    points = national_points(rng)
    one = transfers_between(points, rng, ONE_RESOURCE_TRANSFERS)
    every = [t for r in range(ALL_RESOURCES)
             for t in transfers_between(points, rng, PER_RESOURCE, f"物資{r:02d}", "個")]
    charts = {}
    for with_basemap in (True, False):
        chart = MapChart(shipped_prefectures(), show_basemap=with_basemap, basemap=basemap)
        chart.resize(1200, 700)
        chart.show()
        app.processEvents()
        charts[with_basemap] = chart
    print(f"national map: {len(points):,} places; one resource: {len(one)} transfers; every resource: "
          f"{len(every):,} transfers ({ALL_RESOURCES} types); widget 1200 x 700, median of {REPEATS}")
    for name, transfers, all_resources in (("one resource", one, False), ("every resource", every, True)):
        result = measure(charts, app, points, transfers, all_resources)
        arrows = len(charts[True]._arrow_ends)
        print(f"{name} ({arrows:,} arrows, {len(charts[True].shown_labels())} quantity labels shown):")
        for step, label in (("redraw", "redraw after a data change + grab()"), ("zoom", "zoom step + grab()"),
                            ("pan", "pan step + grab()"), ("hover", "one mouse move (nearest name)")):
            with_map, without = result[True, step], result[False, step]
            ratio = with_map / without if without else math.nan
            verdict = "" if step == "hover" else ("  ok" if with_map < 100 else "  OVER the 100 ms target")
            print(f"  {label:<38} {with_map:8.2f} ms with the basemap, {without:8.2f} ms without "
                  f"(x{ratio:.2f}){verdict}")
    for chart in charts.values():
        chart.close()


if __name__ == "__main__":
    main()
