"""The report's committed transfers, staff dispatch and request counts come from real request records."""

from __future__ import annotations

from pathlib import Path

from disastershare.demo import build_demo
from disastershare.reports.report_data import build_report_data
from disastershare.store.request_store import list_requests


def test_the_demo_request_shows_as_committed_transfer_and_counted(tmp_path: Path) -> None:
    workspace = build_demo(tmp_path / "demo")
    try:
        [request] = list_requests(workspace)
        data = build_report_data(workspace, scope="all")
    finally:
        workspace.close()
    committed = [t for t in data.transfers if t.status == "committed"]
    assert [(t.origin.code, t.destination.code, t.quantity) for t in committed] == [
        (request.supplier, request.requester, request.accepted)]
    assert committed[0].km is not None and committed[0].km > 0
    assert {r.status: r.count for r in data.requests} == {request.status.value: 1}
    assert data.dispatches == ()  # the demo request is for supplies, nothing dispatched: no staff away
