"""Drill scenarios: participants, starting stock and timed injects, read from a TOML file.

The format is documented in docs/drill-scenarios.md. Parsing is strict: a drill that silently drops an
inject would teach the wrong lesson, so every problem is refused with the file, the entry and the reason.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from disastershare.core.catalog import Catalog
from disastershare.core.errors import DomainError
from disastershare.core.records import Priority
from disastershare.core.registry import Registry

FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class StockLine:
    municipality: str
    resource: str
    quantity: int
    reserved: int = 0
    location: str = ""


@dataclass(frozen=True, slots=True)
class InjectNeed:
    municipality: str
    resource: str
    quantity: int
    priority: Priority = Priority.NORMAL


@dataclass(frozen=True, slots=True)
class Inject:
    at_minutes: int
    text: str
    needs: tuple[InjectNeed, ...] = ()


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    name_en: str
    hazard: str
    host: str
    partners: tuple[str, ...]
    stock: tuple[StockLine, ...]
    injects: tuple[Inject, ...]
    generated_stock_seed: int | None = None  # also fill every participant with plausible random stock
    description: str = ""

    @property
    def participants(self) -> tuple[str, ...]:
        return (self.host, *self.partners)

    def due(self, after_minutes: int, until_minutes: int) -> list[Inject]:
        """Injects with after < at <= until (T+0 is due on the first advance from -1)."""
        return [i for i in self.injects if after_minutes < i.at_minutes <= until_minutes]


def _int(value: object, where: str, what: str, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise DomainError(f"{where}: {what} must be a whole number >= {minimum} (got {value!r})")
    return value


def _code(value: object, where: str, registry: Registry, allowed: set[str] | None = None) -> str:
    text = str(value)
    try:
        code = registry.require(text).code
    except DomainError as exc:
        raise DomainError(f"{where}: {exc}") from None
    if allowed is not None and code not in allowed:
        raise DomainError(f"{where}: {code} is not a participant of this scenario")
    return code


def _resource(value: object, where: str, catalog: Catalog) -> str:
    code = str(value)
    if code not in catalog:
        raise DomainError(f"{where}: unknown resource code '{code}'")
    return code


def parse_scenario(text: str, source: str, registry: Registry, catalog: Catalog) -> Scenario:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DomainError(f"{source}: not a valid scenario file ({exc})") from None
    head = data.get("scenario")
    if not isinstance(head, dict):
        raise DomainError(f"{source}: missing the [scenario] table")
    version = head.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise DomainError(f"{source}: scenario format {version} is not understood (this app reads {FORMAT_VERSION})")
    host = _code(head.get("host", ""), f"{source} [scenario] host", registry)
    partners = tuple(_code(p, f"{source} [scenario] partners", registry) for p in head.get("partners", []))
    if host in partners or len(set(partners)) != len(partners):
        raise DomainError(f"{source}: partners must be distinct and must not include the host")
    members = {host, *partners}

    stock = []
    for n, line in enumerate(data.get("stock", []), start=1):
        where = f"{source} [[stock]] #{n}"
        qty = _int(line.get("quantity"), where, "quantity")
        reserved = _int(line.get("reserved", 0), where, "reserved")
        if reserved > qty:
            raise DomainError(f"{where}: reserved ({reserved}) exceeds quantity ({qty})")
        stock.append(StockLine(_code(line.get("municipality", ""), where, registry, members),
                               _resource(line.get("resource"), where, catalog), qty, reserved,
                               str(line.get("location", ""))))

    injects = []
    for n, entry in enumerate(data.get("injects", []), start=1):
        where = f"{source} [[injects]] #{n}"
        needs = []
        for m, need in enumerate(entry.get("needs", []), start=1):
            nwhere = f"{where} need #{m}"
            priority = str(need.get("priority", "normal"))
            if priority not in {p.value for p in Priority}:
                raise DomainError(f"{nwhere}: priority must be high, normal or low")
            needs.append(InjectNeed(_code(need.get("municipality", ""), nwhere, registry, members),
                                    _resource(need.get("resource"), nwhere, catalog),
                                    _int(need.get("quantity"), nwhere, "quantity", minimum=1), Priority(priority)))
        text = str(entry.get("text", "")).strip()
        if not text:
            raise DomainError(f"{where}: an inject needs a text")
        injects.append(Inject(_int(entry.get("at_minutes"), where, "at_minutes"), text, tuple(needs)))
    injects.sort(key=lambda i: i.at_minutes)

    seed = head.get("generate_stock_seed")
    return Scenario(
        name=str(head.get("name", source)), name_en=str(head.get("name_en", head.get("name", source))),
        hazard=str(head.get("hazard", "")), host=host, partners=partners, stock=tuple(stock),
        injects=tuple(injects), generated_stock_seed=None if seed is None else _int(seed, source, "seed"),
        description=str(head.get("description", "")),
    )


def read_scenario(path: Path, registry: Registry, catalog: Catalog) -> Scenario:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DomainError(f"{path}: no such scenario file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError(f"{path.name}: cannot be read as a UTF-8 scenario file ({exc})") from None
    return parse_scenario(text, path.name, registry, catalog)

