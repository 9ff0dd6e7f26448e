"""The names this workspace has learned for its sheet imports (別名): list, remember, forget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from disastershare.core.catalog import Catalog
from disastershare.core.errors import ValidationError
from disastershare.core.limits import MAX_NAME_CHARS
from disastershare.core.name_matching import normalise_name
from disastershare.core.records import utcnow
from disastershare.store.tables import LearnedNameRow

_TABLE = LearnedNameRow.__table__


@dataclass(frozen=True, slots=True)
class LearnedName:
    name: str
    code: str
    learned_at: datetime


def learned_names(engine: Engine) -> list[LearnedName]:
    with engine.connect() as conn:
        rows = conn.execute(select(_TABLE).order_by(_TABLE.c.name)).all()
    return [LearnedName(r.name, r.code, r.learned_at) for r in rows]


def learned_map(engine: Engine) -> dict[str, str]:
    """name as written -> code, for CatalogMatcher."""
    return {n.name: n.code for n in learned_names(engine)}


def remember_names(engine: Engine, names: Mapping[str, str], catalog: Catalog) -> int:
    """Remember name -> code (a later resolution of the same name replaces the earlier one)."""
    with engine.begin() as conn:
        return remember_names_in(conn, names, catalog)


def remember_names_in(conn: Connection, names: Mapping[str, str], catalog: Catalog) -> int:
    """remember_names inside the caller's transaction."""
    rows = []
    for name, code in names.items():
        key = normalise_name(name)
        if not key:
            raise ValidationError("a name to remember cannot be empty", "name")
        if len(name) > MAX_NAME_CHARS:
            raise ValidationError(f"a name to remember is longer than {MAX_NAME_CHARS} characters", "name")
        if code not in catalog:
            raise ValidationError(f"unknown resource code '{code}'", "resource")
        rows.append({"key": key, "name": name.strip(), "code": code, "learned_at": utcnow()})
    if not rows:
        return 0
    statement = sqlite_insert(_TABLE)
    conn.execute(statement.on_conflict_do_update(
        index_elements=["key"], set_={"name": statement.excluded.name, "code": statement.excluded.code,
                                      "learned_at": statement.excluded.learned_at}), rows)
    return len(rows)


def forget_name(engine: Engine, name: str) -> bool:
    """Remove a remembered name; False if it was not remembered."""
    with engine.begin() as conn:
        return conn.execute(delete(_TABLE).where(_TABLE.c.key == normalise_name(name))).rowcount > 0
