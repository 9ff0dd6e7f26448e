"""A demo request that has really travelled: ours to a demo partner and back accepted, through two exchanges.

The demo workspace asks a partner for what the matcher proposes it send us (one click's worth: a proposed
flow becomes a request), exports its snapshot; the partner's workspace (under demo-partners/, made by
demo_partners.py) imports it, accepts, and exports its own snapshot, which the demo workspace imports. Same
code as real sync throughout, so the GUI shows a live request with a commitment behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from disastershare.core.catalog import ResourceKind
from disastershare.core.matching import match, transport_problems
from disastershare.core.matching_model import Flow, Preferences
from disastershare.core.requests import RequestView
from disastershare.core.shortfalls import positions
from disastershare.store import request_store
from disastershare.store.picture import load_picture
from disastershare.store.workspace import Workspace
from disastershare.sync.demo_partners import FOLDER
from disastershare.sync.exporter import export_snapshot
from disastershare.sync.importer import import_snapshots
from disastershare.sync.partners import list_partners
from disastershare.sync.progress import drain

NOTE_REQUEST = "避難所向け。搬入は総合体育館へ"
NOTE_ANSWER = "全数お受けします。明朝出発予定"


def _proposed_to_us(workspace: Workspace, today: date, prefer: Sequence[str]) -> Flow | None:
    """The matcher's proposed flow to us, from the first partner of `prefer` that has one (else any partner)."""
    picture = load_picture(workspace)
    partners = {p.code for p in list_partners(workspace) if p.enabled}
    table = positions(picture, today)
    result = match(transport_problems(table), picture.registry, Preferences())
    flows = [f for f in result.flows if f.receiver == workspace.municipality and f.sender in partners]
    order = {code: i for i, code in enumerate(prefer)}
    flows.sort(key=lambda f: (order.get(f.sender, len(order)), -f.quantity, f.resource))
    return flows[0] if flows else None


def add_demo_request(workspace: Workspace, prefer: Sequence[str] = (), now: datetime | None = None
                     ) -> RequestView | None:
    """Make, send and get back accepted one request of the demo workspace; its view as it stands after.

    Needs the partner's demo workspace under `<demo>/demo-partners/<code>` (add_demo_partners). None if the
    matcher proposes nothing to us from a partner that has one.
    """
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    flow = _proposed_to_us(workspace, moment.date(), prefer)
    if flow is None:
        return None
    root = workspace.root / FOLDER / flow.sender
    if not (root / "workspace.sqlite").is_file():
        return None
    request = request_store.request_from_flow(workspace, flow, needed_by=moment.date() + timedelta(days=1),
                                              note=NOTE_REQUEST, place="益城町総合体育館",
                                              return_by=_return_date(workspace, flow, moment.date()))
    # With no `now` every step happens at the real time (the partner's answer must not predate its last snapshot).
    def at(minutes: int) -> datetime | None:
        return None if now is None else moment + timedelta(minutes=minutes)

    ours = drain(export_snapshot(workspace, now=at(0)))
    partner = Workspace.open(root)
    try:
        drain(import_snapshots(partner, [ours.path], now=at(20)))
        request_store.respond(partner, request.id, accept=flow.quantity, note=NOTE_ANSWER)
        theirs = drain(export_snapshot(partner, root / "outbox", now=at(30)))
    finally:
        partner.close()
    drain(import_snapshots(workspace, [theirs.path], now=at(40)))
    return request_store.get_request(workspace, request.id)


def _return_date(workspace: Workspace, flow: Flow, today: date) -> date | None:
    rtype = workspace.catalog().get(flow.resource)
    return today + timedelta(days=14) if rtype is not None and rtype.kind is ResourceKind.EQUIPMENT else None
