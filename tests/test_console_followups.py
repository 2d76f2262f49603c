"""The console's "후속 확인 대기" view: cases whose parent follow-up waits for an answer, longest waiting first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bot.console.views import Filter, queue_rows
from bot.coordination.queue import Queue
from db.sqlite.store import SQLiteStore
from tests.conftest import FakeClock
from tests.test_queue import KST, STAFF, TUE_10, a_case


async def test_waiting_follow_ups_come_oldest_first_and_leave_once_answered(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "f.sqlite3")
    clock = FakeClock(TUE_10)
    Queue(store, STAFF, tz=KST, clock=clock)  # its planner adds each case's parent follow-up
    try:
        later = await store.create_case(a_case("telegram:later", care_date=date(2026, 11, 28)), "{}")
        sooner = await store.create_case(a_case("kakao:sooner", care_date=date(2026, 11, 26)), "{}")
        urgent = await store.create_case(a_case("telegram:urgent", care_date=date(2026, 11, 27), urgent=True), "{}")
        old = await store.create_case(a_case("telegram:old", care_date=date(2026, 11, 1)), "{}")  # due long ago
        who = STAFF.named("가족여성팀")
        assert who is not None
        now = TUE_10 + timedelta(days=6)
        rows = await queue_rows(store, who, Filter(view="followup"), now)
        assert [r["id"] for r in rows] == [sooner, urgent, later] and old not in [r["id"] for r in rows]
        assert set(rows[0]) >= {"id", "service_id", "status", "summary"}
        await store.write(lambda c: c.execute(
            "UPDATE followups SET answered_at = ?, answer = 'yes' WHERE case_id = ? AND kind = 'parent'",
            ("2026-11-29T00:00:00.000000+00:00", sooner)))
        assert [r["id"] for r in await queue_rows(store, who, Filter(view="followup"), now)] == [urgent, later]
        assert [r["id"] for r in await queue_rows(store, who, Filter(view="followup", number=later), now)] == [later]
    finally:
        await store.close()
