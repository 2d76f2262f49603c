"""Follow-ups: rebuilt from rows after a restart, missed ones run at once, each fires once; parent follow-ups."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.coordination.followup import FollowUps
from bot.coordination.queue import FOLLOWUP_NO, FOLLOWUP_YES, Queue
from bot.dialog.core import Address, Channel, Reply
from db import NewCase, Outcome, Status, Store
from db.cases import Change
from db.sqlite.store import SQLiteStore
from knowledge.coordinators import Coordinators
from tests.conftest import FakeClock

KST = ZoneInfo("Asia/Seoul")
TUE_10 = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
STAFF = Coordinators.model_validate({
    "coordinators": [{"name": "가족여성팀", "control": True}, {"name": "이담당", "services": ["daycare-365"]}],
    "timings": {"urgent": 10, "today": 30, "normal": 60, "escalate_after": 2, "max_reminders": 3,
                "not_contacted": 45, "parent_followup_days": 1, "parent_followup_hour": 10},
})



class Pusher:
    def __init__(self, channel: Channel, fail: bool = False) -> None:
        self.channel = channel
        self.fail = fail
        self.sent: list[tuple[Address, list[Reply]]] = []

    async def send(self, address: Address, replies: Sequence[Reply]) -> None:
        if self.fail:
            raise ConnectionError("blocked")
        self.sent.append((address, list(replies)))


def a_case(user_key: str = "telegram:42", care_date: date | None = None) -> NewCase:
    return NewCase(
        user_key=user_key, channel=user_key.split(":")[0], service_id="daycare-365", site_id=None, urgent=False,
        danger=False, area="율곡동", children=({"age_months": 48},), summary={}, summary_text="만 4세",
        contact={"route": "chat"}, consent_at=TUE_10, created_at=TUE_10, care_date=care_date,
    )


async def start(path: Path, clock: FakeClock, pushers: dict | None = None) -> tuple[Store, Queue, FollowUps]:
    """A bot (re)starting: the scheduler is paused so only the injected clock decides what is due."""
    store = await SQLiteStore.open(path)
    queue = Queue(store, STAFF, tz=KST, clock=clock)
    scheduler = AsyncIOScheduler(timezone=KST)
    scheduler.start(paused=True)
    followups = FollowUps(queue, scheduler=scheduler, pushers=pushers)
    await followups.start()
    return store, queue, followups


async def stop(store: Store, followups: FollowUps) -> None:
    await followups.stop()
    await store.close()


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


async def test_jobs_are_rebuilt_after_restart_and_missed_ones_run_once(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    clock = FakeClock(TUE_10)
    store, _, followups = await start(path, clock)
    case_id = await store.create_case(a_case(), "{}")
    await followups.sync()
    [(first_id,)] = rows(path, "SELECT id FROM followups WHERE kind = 'unclaimed'")
    assert followups.scheduled() == {first_id}
    await stop(store, followups)

    clock.now = TUE_10 + timedelta(minutes=30)  # restart before it is due: a job again, nothing fired
    store, _, followups = await start(path, clock)
    assert followups.scheduled() == {first_id}
    job = followups.scheduler.get_job(f"followup:{first_id}")
    # The row is due at 11:00 by the injected clock, so the wall-clock timer waits the 30 minutes left.
    assert job.args == (first_id, TUE_10 + timedelta(minutes=60))
    left = job.next_run_time - datetime.now(KST)
    assert timedelta(minutes=29) < left <= timedelta(minutes=30)
    await stop(store, followups)
    assert rows(path, "SELECT count(*) FROM outbox WHERE kind = 'reminder'") == [(0,)]

    clock.now = TUE_10 + timedelta(hours=3)  # the bot was down when it was due: it runs at start
    store, _, followups = await start(path, clock)
    assert not await followups.fire(first_id), "a follow-up fires once"
    await stop(store, followups)
    store, _, followups = await start(path, clock)  # and a further restart does not repeat it
    await stop(store, followups)
    assert rows(path, "SELECT kind, case_id FROM outbox WHERE kind != 'new_case'") == [("reminder", case_id)]
    assert rows(path, "SELECT seq, fired_at IS NOT NULL FROM followups WHERE kind = 'unclaimed' ORDER BY seq") == [
        (1, 1), (2, 0)
    ]


async def test_unclaimed_reminders_escalate_to_the_control_tower(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    clock = FakeClock(TUE_10)
    store, _, followups = await start(path, clock)
    try:
        case_id = await store.create_case(a_case(), "{}")
        for _ in range(5):
            clock.now += timedelta(minutes=60)
            await followups.sync()
        case = await store.case(case_id)
    finally:
        await stop(store, followups)
    assert case is not None and case.escalated
    assert [k for (k,) in rows(path, "SELECT kind FROM outbox ORDER BY id")] == [
        "new_case", "reminder", "escalation", "escalation"  # max_reminders = 3, then it stops
    ]


async def test_claim_stops_reminders_and_a_silent_claimer_is_reminded(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    clock = FakeClock(TUE_10)
    store, queue, followups = await start(path, clock)
    try:
        quiet = await store.create_case(a_case("telegram:1"), "{}")
        called = await store.create_case(a_case("telegram:2"), "{}")
        clock.now += timedelta(minutes=10)
        await queue.claim(quiet, "이담당")
        await queue.claim(called, "이담당")
        await queue.update(called, "이담당", Change.CONTACTED)
        clock.now += timedelta(hours=2)
        await followups.sync()
    finally:
        await stop(store, followups)
    kinds = rows(path, "SELECT case_id, kind FROM outbox WHERE kind NOT IN ('new_case', 'status') ORDER BY id")
    assert kinds == [(quiet, "not_contacted")]


async def test_parent_follow_up_is_pushed_and_no_reopens_the_case(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    clock = FakeClock(TUE_10)
    telegram = Pusher(Channel.TELEGRAM)
    store, queue, followups = await start(path, clock, {"telegram": telegram})
    try:
        case_id = await store.create_case(a_case(care_date=date(2026, 11, 25)), "{}")
        await queue.claim(case_id, "이담당")
        await queue.update(case_id, "이담당", Change.RESOLVED, outcome=Outcome.PLACED)
        clock.now = datetime(2026, 11, 26, 10, 0, tzinfo=KST)
        await followups.sync()
        [(address, [reply])] = telegram.sent
        assert address == Address(Channel.TELEGRAM, "42")
        assert "돌봄 연결이 잘 되셨나요?" in reply.text
        assert [c.value for c in reply.choices] == [FOLLOWUP_YES, FOLLOWUP_NO]
        assert await queue.awaiting_answer("telegram:42")
        assert "다시 열어 담당자에게 알렸어요" in (await queue.answer_followup("telegram:42", yes=False) or "")
        assert await queue.answer_followup("telegram:42", yes=False) is None  # answered once
        case = await store.case(case_id)
    finally:
        await stop(store, followups)
    assert case is not None and case.status is Status.CLAIMED and case.reopened == 1
    assert rows(path, "SELECT kind FROM outbox ORDER BY id DESC LIMIT 1") == [("reopened",)]


async def test_kakao_parent_question_waits_for_the_next_message(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    clock = FakeClock(TUE_10)
    store, queue, followups = await start(path, clock, {"telegram": Pusher(Channel.TELEGRAM)})
    try:
        await store.create_case(a_case("kakao:abc", care_date=date(2026, 11, 24)), "{}")
        assert await queue.pending_for_parent("kakao:abc") == []  # not due yet
        clock.now = datetime(2026, 11, 25, 11, 0, tzinfo=KST)
        await followups.sync()
        [reply] = await queue.pending_for_parent("kakao:abc")
        assert "돌봄 연결이 잘 되셨나요?" in reply.text
        assert [c.value for c in reply.choices] == [FOLLOWUP_YES, FOLLOWUP_NO]
        assert await queue.pending_for_parent("kakao:abc") == []  # asked once
        assert await queue.answer_followup("kakao:abc", yes=True) == (
            "다행이에요! 알려 주셔서 고마워요. 다시 도움이 필요하면 언제든 말씀해 주세요."
        )
    finally:
        await stop(store, followups)
    assert rows(path, "SELECT answer FROM followups WHERE kind = 'parent'") == [("yes",)]


async def test_a_push_that_failed_is_sent_after_restart(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite3"
    clock = FakeClock(datetime(2026, 11, 25, 11, 0, tzinfo=KST))
    store, _, followups = await start(path, clock, {"telegram": Pusher(Channel.TELEGRAM, fail=True)})
    await store.create_case(a_case(care_date=date(2026, 11, 24)), "{}")  # due at once
    await followups.sync()
    await stop(store, followups)
    assert rows(path, "SELECT fired_at IS NOT NULL, asked_at FROM followups WHERE kind = 'parent'") == [(1, None)]

    working = Pusher(Channel.TELEGRAM)
    clock.advance(minutes=1)  # past the first retry's backoff
    store, _, followups = await start(path, clock, {"telegram": working})
    await stop(store, followups)
    assert len(working.sent) == 1
    assert rows(path, "SELECT asked_at IS NOT NULL FROM followups WHERE kind = 'parent'") == [(1,)]


async def test_a_reminder_set_on_the_console_notifies_when_due_and_only_while_the_case_is_open(tmp_path: Path) -> None:
    from db import cases as sql
    from db.models import ts

    path = tmp_path / "f.sqlite3"
    clock = FakeClock(TUE_10)
    store, queue, followups = await start(path, clock)
    open_case = await store.create_case(a_case(), "{}")
    closed_case = await store.create_case(a_case("telegram:43"), "{}")
    due = ts(TUE_10 + timedelta(hours=2))
    await store.write(lambda c: (sql.add_followup(c, open_case, "console", due),
                                 sql.add_followup(c, closed_case, "console", due)))
    await queue.update(closed_case, "가족여성팀", Change.CLOSED)
    await followups.sync()
    assert rows(path, "SELECT count(*) FROM outbox WHERE kind = 'console_reminder'") == [(0,)]  # not due yet
    clock.advance(hours=2)
    await followups.sync()
    assert rows(path, "SELECT case_id FROM outbox WHERE kind = 'console_reminder'") == [(open_case,)]
    await stop(store, followups)


async def test_a_purge_cut_short_by_the_stop_is_not_logged_as_an_error(caplog) -> None:  # type: ignore[no-untyped-def]
    """The store closes under a purge still running when the process stops: each chunk committed alone, so
    the next start goes on; an ERROR with a traceback at every such stop would only alarm the log's reader."""
    import asyncio
    import logging
    from types import SimpleNamespace

    import pytest

    from bot.coordination.followup import FollowUps

    async def cut_short() -> int:
        raise asyncio.CancelledError

    queue = SimpleNamespace(store=None, clock=None, tz=None, purge_expired=cut_short, listeners=[])
    followups = FollowUps(queue, delivery=SimpleNamespace())  # type: ignore[arg-type]
    with pytest.raises(asyncio.CancelledError):
        await followups._purge()  # not stopping: a cancellation is passed on
    await followups.stop()
    with caplog.at_level(logging.INFO):
        await followups._purge()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "continues at the next start" in caplog.text
