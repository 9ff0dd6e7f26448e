"""The workspace's copy of the registry (updatable) and its local resource types."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Engine, delete, insert, select

from disastershare.core.catalog import Catalog, ResourceKind, ResourceType, local_type_code
from disastershare.core.errors import ValidationError
from disastershare.core.limits import MAX_NAME_CHARS
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


def new_local_type(catalog: Catalog, owner: str, suffix: str, kind: ResourceKind, name_ja: str,
                   name_en: str, unit: str, category: str) -> ResourceType:
    """A checked local type, not stored yet (the import window creates types that are stored on import)."""
    code = local_type_code(owner, suffix)
    if not name_ja.strip() or not unit.strip():
        raise ValidationError("a local resource type needs a Japanese name and a unit", "name_ja")
    for text, what in ((name_ja, "Japanese name"), (name_en, "English name"), (unit, "unit"), (category, "category")):
        if len(text.strip()) > MAX_NAME_CHARS:
            raise ValidationError(f"the {what} is longer than {MAX_NAME_CHARS} characters", "name_ja")
    if code in catalog:
        raise ValidationError(f"resource code {code} already exists", "code")
    return ResourceType(code, kind, name_ja.strip(), name_en.strip() or name_ja.strip(), unit.strip(),
                        category.strip() or "local", owner)


def insert_local_types(conn: Connection, owner: str, types: Sequence[ResourceType]) -> None:
    """Store new local types inside the caller's transaction."""
    if not types:
        return
    first = take_revisions(conn, owner, len(types))
    conn.execute(insert(_LOCAL), [
        {"id": new_id(), "owner": owner, "revision": first + i, "updated_at": utcnow(), "deleted": False,
         "code": t.code, "kind": t.kind.value, "name_ja": t.name_ja, "name_en": t.name_en, "unit": t.unit,
         "category": t.category} for i, t in enumerate(types)])


def add_local_type(engine: Engine, owner: str, suffix: str, kind: ResourceKind, name_ja: str,
                   name_en: str, unit: str, category: str) -> ResourceType:
    rtype = new_local_type(load_catalog(engine), owner, suffix, kind, name_ja, name_en, unit, category)
    with engine.begin() as conn:
        insert_local_types(conn, owner, [rtype])
    return rtype
