"""Chart redraw after a data change on the national instance, and the memory of the app showing it.

National instance: every municipality of the shipped registry (1,916), 80 resource types (the shipped catalog
filled up with synthetic supply types), each municipality short of or offering each type at random (seeded).
The Shortfalls tab shows it as the app does: bars, map (one resource, every place), stock over time (a reading
per municipality per day for a week), tables, and the exact matcher running in the background.

Prints, per chart, the median time of "update after a data change + grab()" (target < 50 ms), the whole tab's
update (tables included), the matcher's time in the background, and the process's max RSS with every chart
shown (target < 600 MB). No assertion: a benchmark, not a test.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pandas as pd  # noqa: E402

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType  # noqa: E402
from disastershare.core.matching_model import Preferences  # noqa: E402
from disastershare.core.reference_data import shipped_catalog, shipped_registry  # noqa: E402
from disastershare.core.shortfalls import POSITION_COLUMNS  # noqa: E402
from disastershare.ui.analysis_controller import AnalysisController  # noqa: E402
from disastershare.ui.analysis_data import AnalysisData, map_lines, resource_bars  # noqa: E402
from disastershare.ui.app import ensure_application  # noqa: E402
from disastershare.ui.translations import apply_language  # noqa: E402
from disastershare.ui.views.shortfall_tab import ShortfallTab  # noqa: E402

RESOURCES = 80
HOME = "131016"  # 千代田区
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20240101
REPEATS = 7


def national_catalog() -> Catalog:
    types = [t for t in shipped_catalog() if t.kind is not ResourceKind.STAFF]
    extra = [ResourceType(f"S-BENCH-{i:02d}", ResourceKind.SUPPLY, f"試験用物資{i:02d}", f"Bench supply {i:02d}",
                          "個", "logistics") for i in range(RESOURCES - len(types))]
    return Catalog([*types, *extra][:RESOURCES])


def national_positions(catalog: Catalog, seed: int) -> pd.DataFrame:
    """Each municipality x type: 30 % short, 40 % offering, the rest balanced (a random but valid positions table)."""
    rng = random.Random(seed)
    registry = shipped_registry()
    rows = []
    for m in registry:
        for t in catalog:
            draw = rng.random()
            need = rng.randint(10, 5000)
            if draw < 0.3:
                available = rng.randint(0, need - 1)
            elif draw < 0.7:
                available = need + rng.randint(1, 5000)
            else:
                available = need
            rows.append((m.code, m.name, m.prefecture, t.code, t.kind.value, t.category, t.unit, need, available,
                         available, max(need - available, 0), max(available - need, 0)))
    frame = pd.DataFrame(rows, columns=["municipality", "name", "prefecture", "resource", "kind", "category", "unit",
                                        "need", "available", "dispatchable", "shortfall", "surplus"])
    # Columns the core adds over time (incoming, committed, ...) are zero here: no requests in this instance.
    return frame.reindex(columns=POSITION_COLUMNS, fill_value=0)


class NationalSource:
    def __init__(self) -> None:
        self.catalog = national_catalog()
        self.registry = shipped_registry()
        self.seed = SEED
        start = datetime(2026, 11, 16, tzinfo=UTC)
        self.days = [start + timedelta(days=d) for d in range(7)]

    def load(self) -> AnalysisData:
        table = national_positions(self.catalog, self.seed)
        partners = tuple(m.code for m in self.registry if m.code != HOME)
        return AnalysisData(table, self.catalog, self.registry, HOME, partners, Preferences())

    def stock_series(self, resource: str) -> dict[str, list[tuple[datetime, int]]]:
        rng = random.Random(hash((resource, self.seed)) & 0xFFFF)
        return {m.code: [(day, rng.randint(0, 5000)) for day in self.days] for m in self.registry}

    def request_from_flow(self, flow: object, note: str) -> object:
        raise NotImplementedError


def median_ms(run, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    app = ensure_application()
    apply_language("ja")
    source = NationalSource()
    controller = AnalysisController(source)
    tab = ShortfallTab(controller)
    tab.resize(1280, 800)
    tab.show()
    app.processEvents()

    t0 = time.perf_counter()
    controller.reload_now()
    app.processEvents()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    while controller.running:
        app.processEvents()
        time.sleep(0.005)
    matching = time.perf_counter() - t0
    data = controller.data
    flows = controller.plan.flows if controller.plan else []
    resource_code = controller.resource
    print(f"national instance: {len(data.places()):,} municipalities, {data.positions['resource'].nunique()} "
          f"resource types, {len(data.positions):,} positions, {len(flows):,} proposed transfers")
    print(f"first read and draw: {first * 1000:,.0f} ms; exact matching in the background: {matching:,.2f} s")

    # A data change: new quantities everywhere (another seed), as after importing every partner's snapshot.
    source.seed += 1
    changed = source.load()
    series = source.stock_series(resource_code)
    names = {code: changed.place_name(code) for code in changed.places()}
    named = {names.get(owner, owner): points for owner, points in series.items()}

    def bars() -> None:
        tab.bar_chart.set_bars(resource_bars(changed.positions, HOME), lambda c: changed.resource_label(c, "ja"),
                               changed.unit, changed.place_name(HOME))
        tab.bar_chart.grab()

    def map_chart() -> None:
        fresh = replace(changed)  # a new reading: nothing cached from the previous repeat
        tab.map_view.show_data(fresh, flows, resource_code, "ja")
        tab.map_view.chart.grab()

    def stock() -> None:
        tab.stock_chart.set_series(named, names[HOME], changed.unit(resource_code))
        tab.stock_chart.grab()

    results = {}
    for name, page, run in (("shortfall bars", tab.bar_chart, bars), ("map", tab.map_view, map_chart),
                            ("stock over time", tab.stock_chart, stock)):
        tab.chart_tabs.setCurrentWidget(page)
        app.processEvents()
        results[name] = median_ms(run)
    lines = len(map_lines(changed, flows, resource_code))
    for name, ms in results.items():
        verdict = "ok" if ms < 50 else "OVER the 50 ms target"
        print(f"redraw after a data change + grab(), {name}: {ms:,.1f} ms ({verdict})")
    print(f"  (map: {len(changed.places()):,} places, {lines} transfer lines; stock: {len(series):,} municipalities)")

    def whole_tab() -> None:
        controller.set_data(changed, match=False)
        tab.grab()

    print(f"whole tab after a data change (tables of {len(changed.positions):,} positions included): "
          f"{median_ms(whole_tab, 3):,.0f} ms")
    for page in (tab.bar_chart, tab.map_view, tab.stock_chart):
        tab.chart_tabs.setCurrentWidget(page)
        app.processEvents()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "ok" if rss_mb < 600 else "OVER the 600 MB target"
    print(f"max RSS with every chart shown: {rss_mb:,.0f} MB ({verdict})")
    controller.shutdown()


if __name__ == "__main__":
    main()
