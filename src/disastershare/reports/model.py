"""ReportData: everything a coordination report shows, typed, with no workspace or format behind it.

`report_data.build_report_data` fills it from a workspace; the PDF, XLSX and CSV renderers read only this,
so the three formats cannot disagree and renderers are tested without a database. Rows carry both the
Japanese and English names; the renderer picks by language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from disastershare.reports.times import FIXED_JST

SCOPES = ("own", "all", "prefecture")
# The default report zone when a ReportMeta is made by hand; build_report_data uses the workspace's
# `time_zone` setting (reports.times), Asia/Tokyo unless set otherwise.
JST = FIXED_JST


@dataclass(frozen=True, slots=True)
class Place:
    """A municipality named in the report (registry names; a code we do not know stays a bare code)."""

    code: str
    name: str
    prefecture: str

    @property
    def prefecture_code(self) -> str:
        return self.code[:2]  # the first two digits of a local-government code are the prefecture

    @property
    def label(self) -> str:
        return f"{self.prefecture} {self.name}".strip()


@dataclass(frozen=True, slots=True)
class Resource:
    code: str
    name_ja: str
    name_en: str
    unit: str
    category: str
    kind: str  # supply | equipment | staff ("" for a partner's local type we have not learned)

    def name(self, language: str) -> str:
        return self.name_ja if language == "ja" else self.name_en


@dataclass(frozen=True, slots=True)
class StockLine:
    """One municipality's holding of one resource: its records summed (staff pools: headcount).

    usable (提供可能数) counts only records that are neither damaged nor expired on the report day, on hand -
    reserved each (core.expiry.available_quantity, the rule shortfalls use); expired is the on-hand quantity
    of records past their expiry date, shown so that nobody counts on it.
    """

    place: Place
    resource: Resource
    on_hand: int
    reserved: int
    usable: int
    expired: int
    records: int
    earliest_expiry: date | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class ShortfallLine:
    place: Place
    resource: Resource
    need: int
    available: int
    shortfall: int

    @property
    def ratio(self) -> float:
        """Share of the need not covered: ranks 'top shortfalls' across resources with different units."""
        return self.shortfall / self.need if self.need else 0.0


@dataclass(frozen=True, slots=True)
class TransferLine:
    resource: Resource
    origin: Place
    destination: Place
    quantity: int
    km: float | None
    status: str  # proposed | committed


@dataclass(frozen=True, slots=True)
class DispatchLine:
    """Staff sent to another municipality; `until` is when they are expected back."""

    work_type: Resource
    origin: Place
    destination: Place
    place: str
    headcount: int
    start: date | None
    until: date | None


@dataclass(frozen=True, slots=True)
class RequestCount:
    status: str
    count: int


@dataclass(frozen=True, slots=True)
class PartnerFreshness:
    place: Place
    agreement: str
    last_sequence: int | None
    last_created_at: datetime | None  # when the partner made its latest snapshot: "last heard from"
    last_imported_at: datetime | None
    stale: bool


@dataclass(frozen=True, slots=True)
class ResourceTotal:
    """A resource summed over the municipalities in the report (the summary's totals by category)."""

    resource: Resource
    on_hand: int
    usable: int
    expired: int
    holders: int


@dataclass(frozen=True, slots=True)
class PrefectureTotal:
    prefecture_code: str
    prefecture: str
    resource: Resource
    municipalities: int
    on_hand: int
    usable: int
    expired: int
    shortfall: int


@dataclass(frozen=True, slots=True)
class MunicipalityTotal:
    place: Place
    resource_types: int
    records: int
    shortfall_resources: int
    last_heard: datetime | None  # own municipality: None (its data are live)


@dataclass(frozen=True, slots=True)
class Chart:
    path: Path
    title_ja: str
    title_en: str


@dataclass(frozen=True, slots=True)
class Contact:
    """Who at the municipality answers questions about the report (workspace settings contact_*)."""

    name: str = ""
    section: str = ""
    phone: str = ""

    def __bool__(self) -> bool:
        return bool(self.name or self.section or self.phone)


@dataclass(frozen=True, slots=True)
class ReportMeta:
    subject: Place  # the workspace's own municipality
    scope: str  # own | all | prefecture
    generated_at: datetime  # aware, in the report's time zone: the "as of" time of every figure
    drill: bool
    workspace: str
    app_version: str
    partners: tuple[Place, ...]  # other municipalities whose data are included
    stale_after: timedelta
    number: int | None = None  # 第N報: the workspace's report counter (reports.numbering); None: unnumbered
    report_id: str = ""  # one build of the figures: the same data written as PDF and XLSX keeps one number
    counter_file: Path | None = None  # where the number is recorded once the report is written
    contact: Contact = Contact()

    @property
    def zone(self) -> tzinfo:
        return self.generated_at.tzinfo or JST


@dataclass(frozen=True, slots=True)
class ReportData:
    meta: ReportMeta
    stock: tuple[StockLine, ...] = ()
    shortfalls: tuple[ShortfallLine, ...] = ()
    transfers: tuple[TransferLine, ...] = ()
    dispatches: tuple[DispatchLine, ...] = ()
    requests: tuple[RequestCount, ...] = ()
    freshness: tuple[PartnerFreshness, ...] = ()
    resource_totals: tuple[ResourceTotal, ...] = ()
    prefecture_totals: tuple[PrefectureTotal, ...] = ()
    municipality_totals: tuple[MunicipalityTotal, ...] = ()
    charts: tuple[Chart, ...] = ()

    @property
    def own_stock(self) -> tuple[StockLine, ...]:
        return tuple(s for s in self.stock if s.place.code == self.meta.subject.code)

    @property
    def partner_stock(self) -> tuple[StockLine, ...]:
        return tuple(s for s in self.stock if s.place.code != self.meta.subject.code)

    def top_shortfalls(self, count: int = 10) -> tuple[ShortfallLine, ...]:
        ranked = sorted(self.shortfalls, key=lambda s: (-s.ratio, -s.shortfall, s.place.code, s.resource.code))
        return tuple(ranked[:count])

    @property
    def has_prefecture_view(self) -> bool:
        """Per-municipality and per-prefecture totals appear once the report spans several municipalities."""
        return bool(self.municipality_totals) and len(self.municipality_totals) > 1
