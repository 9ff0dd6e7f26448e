"""Great-circle distances between municipalities' registry coordinates.

Distances use the haversine formula on a sphere of radius EARTH_RADIUS_KM = 6371.0088 km, the IUGG mean
Earth radius R1. Against the WGS-84 ellipsoid this errs by at most about 0.5 %, far below what the choice of a
town hall as a municipality's point already introduces; what matters for matching is that every distance is
computed the same way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from disastershare.core.registry import Registry

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_matrix_km(lat_a: np.ndarray, lon_a: np.ndarray, lat_b: np.ndarray, lon_b: np.ndarray) -> np.ndarray:
    """Pairwise haversine km between points a (n) and b (m), in degrees; shape (n, m).

    Rows are processed in chunks so the full national matrix never needs more than a few temporaries
    of a chunk's size.
    """
    pa, la = np.radians(np.asarray(lat_a, dtype=float)), np.radians(np.asarray(lon_a, dtype=float))
    pb, lb = np.radians(np.asarray(lat_b, dtype=float)), np.radians(np.asarray(lon_b, dtype=float))
    cos_b = np.cos(pb)
    out = np.empty((len(pa), len(pb)))
    for lo in range(0, len(pa), _CHUNK):
        hi = lo + _CHUNK
        half_dp = np.sin((pb[None, :] - pa[lo:hi, None]) / 2)
        half_dl = np.sin((lb[None, :] - la[lo:hi, None]) / 2)
        a = half_dp * half_dp + np.cos(pa[lo:hi, None]) * cos_b[None, :] * (half_dl * half_dl)
        np.arcsin(np.sqrt(np.minimum(a, 1.0)), out=out[lo:hi])
    out *= 2 * EARTH_RADIUS_KM
    return out


_CHUNK = 256


class DistanceTable:
    """Great-circle km from every origin to every destination, computed once for many look-ups.

    Matching asks for a sender x receiver block per resource type, always among the same municipalities, so one
    vectorised computation serves them all (the whole registry both ways: 1,916 x 1,916 km, 29 MB).
    Codes missing from the registry are left out: `origins` and `destinations` map the codes placed to rows
    and columns.
    """

    def __init__(self, registry: Registry, origins: Iterable[str], destinations: Iterable[str]) -> None:
        self.origins = _placed(registry, origins)
        self.destinations = _placed(registry, destinations)
        a = [registry.get(c) for c in self.origins]
        b = [registry.get(c) for c in self.destinations]
        self.km = distance_matrix_km([m.lat for m in a], [m.lon for m in a], [m.lat for m in b], [m.lon for m in b])
        self.longest = float(self.km.max(initial=0.0))

    def block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """km between origin rows and destination columns, shape (len(rows), len(cols))."""
        return self.km[rows[:, None], cols]


def _placed(registry: Registry, codes: Iterable[str]) -> dict[str, int]:
    placed: dict[str, int] = {}
    for code in codes:
        if code not in placed and registry.get(code) is not None:
            placed[code] = len(placed)
    return placed
