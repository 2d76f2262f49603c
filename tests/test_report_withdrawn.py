"""The report's time to resolution leaves out cases the parent withdrew ("내 정보 삭제" closes them)."""

from __future__ import annotations

from pathlib import Path

from bot.coordination.queue import Queue
from bot.reports.report import build_report
from db import NewCase, Outcome
from db.cases import Change
from db.sqlite.store import SQLiteStore
from tests.conftest import FakeClock
from tests.test_report import KNOWLEDGE, KST, NOV, STAFF, kst


async def test_withdrawn_cases_are_not_in_the_time_to_resolution(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "w.sqlite3")
    clock = FakeClock(kst(10, 9))
    queue = Queue(store, STAFF, tz=KST, clock=clock)
    try:
        ids = []
        for user in ("telegram:placed", "telegram:gone"):
            ids.append(await store.create_case(NewCase(
                user_key=user, channel="telegram", service_id="daycare-365", site_id=None, urgent=False,
                danger=False, area="율곡동", children=(), summary={}, summary_text="", contact=None,
                consent_at=clock.now, created_at=clock.now, care_date=clock.now.date()), "{}"))
        clock.now = kst(10, 10)
        await queue.claim(ids[0], "관제")
        await queue.update(ids[0], "관제", Change.RESOLVED, outcome=Outcome.PLACED)
        clock.now = kst(10, 9, 5)  # the parent withdraws after five minutes: nobody resolved anything
        await queue.forget("telegram:gone")
        report = await build_report(store, KNOWLEDGE, *NOV, KST, now=kst(30, 9))
    finally:
        await store.close()
    assert sorted(report.by("outcome_key")) == [("placed", 1), ("withdrawn", 1)]
    assert report.close.n == 1 and report.close.median == 60
