"""Assemble ReportData from a workspace (plus figures the caller already computed).

Report times are in the workspace's report zone whatever the machine's zone (`reports.times`: the setting
`time_zone`, Asia/Tokyo by default): the readers are Japanese municipalities and prefectures, and the era
date depends on the calendar day in Japan.

Workspace settings read here (settings.json; `disastershare settings set KEY VALUE`), all optional:
- `contact_name`, `contact_section`, `contact_phone`: who answers questions about the report (the first
  page says so; a report without them says 未設定);
- `time_zone`: IANA zone name for every time in the report and its file name (default Asia/Tokyo).
The report number (第N報) comes from the workspace's counter, `reports.numbering`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from disastershare import __version__
from disastershare.core.errors import DomainError
from disastershare.core.expiry import available_quantity, is_expired
from disastershare.reports import numbering, sources
from disastershare.reports.model import (
    SCOPES,
    Chart,
    Contact,
    DispatchLine,
    MunicipalityTotal,
    PartnerFreshness,
    Place,
    PrefectureTotal,
    ReportData,
    ReportMeta,
    RequestCount,
    Resource,
    ResourceTotal,
    ShortfallLine,
    StockLine,
    TransferLine,
)
from disastershare.reports.sources import DispatchFigure, PartnerStatus, ShortfallFigure, TransferFigure
from disastershare.reports.times import report_zone
from disastershare.store.workspace import Workspace

DEFAULT_STALE_AFTER = timedelta(hours=24)  # a partner silent for a day is flagged: snapshots go out daily
CONTACT_SETTINGS = ("contact_name", "contact_section", "contact_phone")


def contact_from(settings: dict) -> Contact:
    values = [settings.get(key) for key in CONTACT_SETTINGS]
    name, section, phone = (value.strip() if isinstance(value, str) else "" for value in values)
    return Contact(name, section, phone)


class _Names:
    """Registry and catalog look-ups, made once per code (a national report names 1,916 places 38,000 times)."""

    def __init__(self, workspace: Workspace) -> None:
        self._registry = workspace.registry()
        self._catalog = workspace.catalog()
        self.rank = {t.code: i for i, t in enumerate(self._catalog)}  # catalog order: supplies, equipment, staff
        self._places: dict[str, Place] = {}
        self._resources: dict[str, Resource] = {}

    def place(self, code: str) -> Place:
        found = self._places.get(code)
        if found is None:
            m = self._registry.get(code)
            found = Place(code, m.name, m.prefecture) if m else Place(code, code, "")
            self._places[code] = found
        return found

    def resource(self, code: str) -> Resource:
        found = self._resources.get(code)
        if found is None:
            t = self._catalog.get(code)
            found = (Resource(code, t.name_ja, t.name_en, t.unit, t.category, t.kind.value) if t
                     else Resource(code, code, code, "", "", ""))  # a partner's local type not learned yet
            self._resources[code] = found
        return found


def _scope_filter(scope: str, own: str) -> Callable[[str], bool]:
    if scope == "own":
        return lambda code: code == own
    if scope == "prefecture":
        return lambda code: code[:2] == own[:2]
    return lambda code: True


@dataclass(slots=True)
class _Holding:
    """Running sums for one StockLine."""

    on_hand: int = 0
    reserved: int = 0
    usable: int = 0
    expired: int = 0
    records: int = 0
    earliest_expiry: date | None = None
    updated_at: datetime | None = None

    def add(self, on_hand: int, reserved: int, usable: int, expired: int, expiry: date | None,
            updated: datetime | None) -> None:
        self.on_hand += on_hand
        self.reserved += reserved
        self.usable += usable
        self.expired += expired
        self.records += 1
        if expiry and (self.earliest_expiry is None or expiry < self.earliest_expiry):
            self.earliest_expiry = expiry
        if updated and (self.updated_at is None or updated > self.updated_at):
            self.updated_at = updated


def _stock(workspace: Workspace, names: _Names, wanted: Callable[[str], bool], as_of: date) -> list[StockLine]:
    """Holdings per municipality and resource; usable and expired as of the report's day (in the report's zone)."""
    sums: dict[tuple[str, str], _Holding] = defaultdict(_Holding)
    for i in workspace.inventory.list("*"):
        if wanted(i.meta.owner):
            expired = i.on_hand if is_expired(i.expiry, as_of) else 0
            sums[(i.meta.owner, i.resource)].add(i.on_hand, i.reserved, available_quantity(i, as_of), expired,
                                                 i.expiry, i.meta.updated_at)
    for p in workspace.staff.list("*"):
        if wanted(p.meta.owner):
            sums[(p.meta.owner, p.resource)].add(p.headcount, 0, p.headcount, 0, None, p.meta.updated_at)
    own = workspace.municipality
    keys = sorted(sums, key=lambda k: (k[0] != own, k[0], names.rank.get(k[1], len(names.rank)), k[1]))
    return [StockLine(names.place(o), names.resource(r), h.on_hand, h.reserved, h.usable, h.expired, h.records,
                      h.earliest_expiry, h.updated_at) for o, r in keys for h in (sums[(o, r)],)]


def _freshness(statuses: Iterable[PartnerStatus], names: _Names, wanted: Callable[[str], bool], now: datetime,
               stale_after: timedelta) -> list[PartnerFreshness]:
    return [PartnerFreshness(names.place(s.code), s.agreement, s.last_sequence, s.last_created_at,
                             s.last_imported_at,
                             stale=s.last_created_at is None or now - s.last_created_at > stale_after)
            for s in statuses if wanted(s.code)]


def _resource_totals(stock: Sequence[StockLine], names: _Names) -> list[ResourceTotal]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # on_hand, usable, expired, holders
    for line in stock:
        acc = sums[line.resource.code]
        acc[0] += line.on_hand
        acc[1] += line.usable
        acc[2] += line.expired
        acc[3] += 1
    order = sorted(sums, key=lambda c: (names.rank.get(c, len(names.rank)), c))
    return [ResourceTotal(names.resource(c), *sums[c]) for c in order]


def _prefecture_totals(stock: Sequence[StockLine], shortfalls: Sequence[ShortfallLine],
                       names: _Names) -> list[PrefectureTotal]:
    # municipalities, on_hand, usable, expired, shortfall
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    prefecture_names: dict[str, str] = {}
    for line in stock:
        acc = sums[(line.place.prefecture_code, line.resource.code)]
        acc[0] += 1
        acc[1] += line.on_hand
        acc[2] += line.usable
        acc[3] += line.expired
        prefecture_names[line.place.prefecture_code] = line.place.prefecture
    for s in shortfalls:
        sums[(s.place.prefecture_code, s.resource.code)][4] += s.shortfall
        prefecture_names.setdefault(s.place.prefecture_code, s.place.prefecture)
    keys = sorted(sums, key=lambda k: (k[0], names.rank.get(k[1], len(names.rank)), k[1]))
    return [PrefectureTotal(p, prefecture_names[p], names.resource(r), *sums[(p, r)]) for p, r in keys]


def _municipality_totals(own: str, stock: Sequence[StockLine], shortfalls: Sequence[ShortfallLine],
                         freshness: Sequence[PartnerFreshness]) -> list[MunicipalityTotal]:
    places: dict[str, Place] = {}
    types: dict[str, int] = defaultdict(int)
    records: dict[str, int] = defaultdict(int)
    short: dict[str, int] = defaultdict(int)
    for line in stock:
        places[line.place.code] = line.place
        types[line.place.code] += 1
        records[line.place.code] += line.records
    for s in shortfalls:
        places[s.place.code] = s.place
        short[s.place.code] += s.shortfall > 0
    heard = {f.place.code: f.last_created_at for f in freshness}
    for f in freshness:
        places.setdefault(f.place.code, f.place)
    codes = sorted(places, key=lambda c: (c != own, c))
    return [MunicipalityTotal(places[c], types[c], records[c], short[c], heard.get(c)) for c in codes]


def build_report_data(
    workspace: Workspace,
    *,
    scope: str = "all",
    now: datetime | None = None,
    shortfalls: Sequence[ShortfallFigure] | None = None,
    transfers: Sequence[TransferFigure] | None = None,
    dispatches: Sequence[DispatchFigure] | None = None,
    request_counts: dict[str, int] | None = None,
    partners: Sequence[PartnerStatus] | None = None,
    charts: Sequence[Chart] = (),
    stale_after: timedelta = DEFAULT_STALE_AFTER,
) -> ReportData:
    """Everything the report shows. Figures not passed in are read through `sources` (see its adapters)."""
    if scope not in SCOPES:
        raise DomainError(f"scope must be one of {', '.join(SCOPES)} (got '{scope}')")
    settings = workspace.settings()
    now = (now or datetime.now(UTC)).astimezone(report_zone(settings)).replace(microsecond=0)
    counter = numbering.counter_file(workspace.root)
    number = numbering.next_number(counter)
    own = workspace.municipality
    names = _Names(workspace)
    wanted = _scope_filter(scope, own)

    stock = _stock(workspace, names, wanted, now.date())  # the report's day in its zone, as the shortfalls use
    if shortfalls is None or transfers is None:
        table = sources.workspace_positions(workspace, now.date())
        if shortfalls is None:
            shortfalls = sources.shortfall_figures(table)
        if transfers is None:
            transfers = [*sources.proposed_transfers(workspace, table), *sources.committed_transfers(workspace)]
    figures = shortfalls
    shortfall_lines = sorted(
        (ShortfallLine(names.place(f.municipality), names.resource(f.resource), f.need, f.available, f.shortfall)
         for f in figures if wanted(f.municipality)),
        key=lambda s: (s.place.code != own, s.place.code, names.rank.get(s.resource.code, 0), s.resource.code))
    transfer_lines = [TransferLine(names.resource(t.resource), names.place(t.origin), names.place(t.destination),
                                   t.quantity, t.km, t.status)
                      for t in transfers if wanted(t.origin) or wanted(t.destination)]
    sent = sources.workspace_dispatches(workspace) if dispatches is None else dispatches
    dispatch_lines = [DispatchLine(names.resource(d.work_type), names.place(d.origin), names.place(d.destination),
                                   d.place, d.headcount, d.start, d.until)
                      for d in sent if wanted(d.origin) or wanted(d.destination)]
    counts = sources.workspace_request_counts(workspace) if request_counts is None else request_counts
    statuses = sources.workspace_partner_status(workspace) if partners is None else partners
    freshness = _freshness(statuses, names, lambda c: c != own and wanted(c), now, stale_after)

    municipality_totals = _municipality_totals(own, stock, shortfall_lines, freshness)
    meta = ReportMeta(
        subject=names.place(own), scope=scope, generated_at=now, drill=workspace.drill,
        workspace=str(workspace.root), app_version=__version__,
        partners=tuple(m.place for m in municipality_totals if m.place.code != own), stale_after=stale_after,
        number=number, report_id=numbering.new_report_id(), counter_file=counter, contact=contact_from(settings))
    return ReportData(
        meta=meta, stock=tuple(stock), shortfalls=tuple(shortfall_lines), transfers=tuple(transfer_lines),
        dispatches=tuple(dispatch_lines),
        requests=tuple(RequestCount(status, n) for status, n in sorted(counts.items())),
        freshness=tuple(freshness), resource_totals=tuple(_resource_totals(stock, names)),
        prefecture_totals=tuple(_prefecture_totals(stock, shortfall_lines, names)),
        municipality_totals=tuple(municipality_totals), charts=tuple(charts))

