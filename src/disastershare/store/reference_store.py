"""The workspace's copy of the registry (updatable) and its local resource types."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, delete, insert, select

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType, local_type_code
from disastershare.core.errors import ValidationError
from disastershare.core.records import new_id, utcnow
from disastershare.core.reference_data import shipped_catalog
from disastershare.core.registry import Municipality, Registry, merge_registry
from disastershare.store.repositories import take_revisions
from disastershare.store.tables import LocalResourceTypeRow, MunicipalityRow

_MUNI = MunicipalityRow.__table__
_LOCAL = LocalResourceTypeRow.__table__


def _muni_row(m: Municipality) -> dict:
    return {"code": m.code, "prefecture": m.prefecture, "name": m.name, "kana": m.kana,
            "lat": m.lat, "lon": m.lon, "is_ward": m.is_ward, "former": m.former}


def seed_registry(engine: Engine, municipalities: Iterable[Municipality]) -> None:
    with engine.begin() as conn:
        conn.execute(delete(_MUNI))
        conn.execute(insert(_MUNI), [_muni_row(m) for m in municipalities])


def load_registry(engine: Engine) -> Registry:
    with engine.connect() as conn:
        rows = conn.execute(select(_MUNI)).all()
    return Registry(
        Municipality(r.code, r.prefecture, r.name, r.kana, r.lat, r.lon, bool(r.is_ward), bool(r.former))
        for r in rows
    )


def update_registry(engine: Engine, newer: list[Municipality]) -> tuple[int, int, int]:
    """Replace the registry with a newer list; vanished codes stay as former. Returns (added, kept, former)."""
    current = list(load_registry(engine))
    merged = merge_registry(current, newer)
    current_codes = {m.code for m in current}
    added = sum(1 for m in newer if m.code not in current_codes)
    former = sum(1 for m in merged if m.former)
    seed_registry(engine, merged)
    return added, len(newer) - added, former


def load_catalog(engine: Engine) -> Catalog:
    with engine.connect() as conn:
        rows = conn.execute(select(_LOCAL).where(_LOCAL.c.deleted.is_(False))).all()
    local = [ResourceType(r.code, ResourceKind(r.kind), r.name_ja, r.name_en, r.unit, r.category, r.owner)
             for r in rows]
    return shipped_catalog().with_types(local)


def add_local_type(engine: Engine, owner: str, suffix: str, kind: ResourceKind, name_ja: str,
                   name_en: str, unit: str, category: str) -> ResourceType:
    code = local_type_code(owner, suffix)
    if not name_ja.strip() or not unit.strip():
        raise ValidationError("a local resource type needs a Japanese name and a unit", "name_ja")
    if code in load_catalog(engine):
        raise ValidationError(f"resource code {code} already exists", "code")
    with engine.begin() as conn:
        revision = take_revisions(conn, owner, 1)
        conn.execute(insert(_LOCAL).values(
            id=new_id(), owner=owner, revision=revision, updated_at=utcnow(), deleted=False, code=code,
            kind=kind.value, name_ja=name_ja.strip(), name_en=name_en.strip() or name_ja.strip(),
            unit=unit.strip(), category=category.strip() or "local",
        ))
    return ResourceType(code, kind, name_ja.strip(), name_en.strip() or name_ja.strip(), unit.strip(),
                        category.strip() or "local", owner)
