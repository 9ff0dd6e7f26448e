"""The map's basemap, offline: Japan's coastline, prefecture borders, islands and large lakes, as lon/lat lines.

Read from resources/basemap/ (see its README.md: japanmap's prefecture outlines, Apache-2.0, and GSHHG's
islands and lakes, LGPL-3.0-or-later) once per process and cached. The files are already light (some 10,000
vertices: japanmap's are 1-3 km apart, GSHHG's were thinned with Douglas-Peucker when the files were built), so
they load as they are in a few milliseconds; `load_basemap(tolerance)` simplifies further (Douglas-Peucker, per
chain, cached per tolerance) for a coarser picture. No Qt: the map chart turns these arrays into painter paths.

- `land`: closed rings filled as land (each prefecture's main area, then every island);
- `lakes`: closed rings painted as water over the land;
- `coast`: open lines of the coastline (the prefectures' sea chains; islands are their own coast);
- `borders`: open lines between two prefectures, each border once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from disastershare.paths import resources_dir

# As built (resources/basemap/build_basemap.py thinned the islands at 0.005 deg, about 500 m). bench/bench_map.py
# shows the basemap costs a few ms a frame as it is: no further simplification by default.
DEFAULT_TOLERANCE_DEG = 0.0


@dataclass(frozen=True)
class Basemap:
    land: tuple[np.ndarray, ...]
    lakes: tuple[np.ndarray, ...]
    coast: tuple[np.ndarray, ...]
    borders: tuple[np.ndarray, ...]
    prefecture_names: tuple[str, ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """lon0, lat0, lon1, lat1 of all land."""
        every = np.vstack(self.land)
        (x0, y0), (x1, y1) = every.min(axis=0), every.max(axis=0)
        return float(x0), float(y0), float(x1), float(y1)

    def vertex_count(self) -> int:
        return sum(len(part) for group in (self.land, self.lakes, self.coast, self.borders) for part in group)


def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """The points of a polyline that keep it within `tolerance` of the original (first and last always kept).

    Iterative (a stack of spans), vectorised over each span's points: thousands of vertices take milliseconds.
    A closed ring (first point == last) keeps its closing point, so it stays closed.
    """
    points = np.asarray(points, dtype=float)
    n = len(points)
    if n <= 2 or tolerance <= 0:
        return points
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    if np.allclose(points[0], points[-1]):
        # A ring: the chord from a point to itself has no direction; split at the farthest point first.
        far = int(np.argmax(np.hypot(*(points - points[0]).T)))
        if far in (0, n - 1):
            return points[[0, -1]]
        keep[far] = True
        stack = [(0, far), (far, n - 1)]
    while stack:
        start, end = stack.pop()
        if end - start < 2:
            continue
        a, b = points[start], points[end]
        inner = points[start + 1:end]
        d = b - a
        length = float(np.hypot(*d))
        if length == 0:
            dist = np.hypot(*(inner - a).T)
        else:
            dist = np.abs(d[0] * (inner[:, 1] - a[1]) - d[1] * (inner[:, 0] - a[0])) / length
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            split = start + 1 + i
            keep[split] = True
            stack.append((start, split))
            stack.append((split, end))
    return points[keep]


def _array(flat: list[float]) -> np.ndarray:
    return np.asarray(flat, dtype=float).reshape(-1, 2)


def _closed(ring: np.ndarray) -> np.ndarray:
    return ring if np.array_equal(ring[0], ring[-1]) else np.vstack([ring, ring[:1]])


@lru_cache(maxsize=4)
def load_basemap(tolerance: float = DEFAULT_TOLERANCE_DEG) -> Basemap:
    """The shipped basemap, simplified to `tolerance` degrees (cached per tolerance)."""
    folder = resources_dir() / "basemap"
    prefectures = json.loads((folder / "prefectures.json").read_text(encoding="utf-8"))["prefectures"]
    water = json.loads((folder / "islands.json").read_text(encoding="utf-8"))
    land, coast, borders = [], [], []
    for pref in prefectures:
        chains = [(c["neighbour"], _array(c["points"])) for c in pref["chains"]]
        # Chains are simplified one by one, so a border and the coast still meet where they did, and the two
        # prefectures on either side of a border get the very same line.
        simple = [(neighbour, douglas_peucker(line, tolerance)) for neighbour, line in chains]
        land.append(_closed(np.vstack([line for _, line in simple])))
        for neighbour, line in simple:
            if neighbour == 0:
                coast.append(line)
            elif pref["code"] < neighbour:
                borders.append(line)
    islands = [douglas_peucker(_closed(_array(i["points"])), tolerance) for i in water["islands"]]
    lakes = [douglas_peucker(_closed(_array(i["points"])), tolerance) for i in water["lakes"]]
    islands = [ring for ring in islands if len(ring) >= 4]  # islets thinner than the tolerance vanish
    return Basemap(tuple(land + islands), tuple(r for r in lakes if len(r) >= 4), tuple(coast + islands),
                   tuple(borders), tuple(p["name"] for p in prefectures))
