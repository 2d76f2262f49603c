"""The coordinator queue: atomic claims, lifecycle with an audit trail, authorization, timings, parents' status."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.coordination.queue import Queue, Refused
from db import NewCase, Outcome, Status, Store
from db.cases import Change, TransitionRefused
from db.retention import Cursor
from db.sqlite.store import SQLiteStore
from knowledge.coordinators import Coordinators, CoordinatorsError, CoordinatorsSource, load
from tests.conftest import FakeClock

KST = ZoneInfo("Asia/Seoul")
TUE_10 = datetime(2026, 11, 24, 10, 0, tzinfo=KST)  # a Tuesday, in working hours
STAFF = Coordinators.model_validate({
    "coordinators": [
        {"name": "가족여성팀", "control": True},
        {"name": "이담당", "services": ["daycare-365"], "telegram_user_id": 1001},
        {"name": "이대리", "services": ["daycare-365"]},
        {"name": "박담당", "services": ["home-care"]},
    ],
    "hours": {"weekdays": "09:00-18:00"},
    "always_open": ["emergency-119"],
    "timings": {"urgent": 10, "today": 30, "normal": 120, "not_contacted": 60},
})



def a_case(user_key: str = "telegram:42", at: datetime = TUE_10, **changes: object) -> NewCase:
    values: dict[str, object] = dict(
        user_key=user_key, channel=user_key.split(":")[0], service_id="daycare-365", site_id="daycare-365-yulgok",
        urgent=False, danger=False, area="율곡동", children=({"age_months": 48},), summary={"need": "x"},
        summary_text="만 4세, 내일 18:00-22:00", contact={"route": "phone", "phone": "010-1111-2222"},
        consent_at=at, created_at=at, care_date=date(2026, 11, 26),
    )
    values.update(changes)
    return NewCase(**values)  # type: ignore[arg-type]


async def open_queue(path: Path, clock: FakeClock) -> tuple[Store, Queue]:
    store = await SQLiteStore.open(path)
    return store, Queue(store, STAFF, tz=KST, clock=clock)


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


async def test_concurrent_claims_have_exactly_one_winner(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    store, queue = await open_queue(path, FakeClock(TUE_10))
    try:
        case_id = await store.create_case(a_case(), "{}")
        first, second = await asyncio.gather(queue.claim(case_id, "이담당"), queue.claim(case_id, "이대리"))
        assert [first.won, second.won] == [True, False]
        assert second.holder == "이담당"
        assert "이미 이담당 님이 맡았습니다" in second.message
        assert (await store.case(case_id)).claimed_by == "이담당"  # type: ignore[union-attr]
    finally:
        await store.close()
    assert rows(path, "SELECT actor, kind FROM events WHERE case_id = ? AND kind = 'claimed'", (case_id,)) == [
        ("이담당", "claimed")
    ]


async def test_claims_from_two_processes_have_one_winner(tmp_path: Path) -> None:
    """Two stores on one file stand for the bot and a `dolbom claim` run at the same time."""
    path = tmp_path / "q.sqlite3"
    store_a, queue_a = await open_queue(path, FakeClock(TUE_10))
    store_b, queue_b = await open_queue(path, FakeClock(TUE_10))
    try:
        case_id = await store_a.create_case(a_case(), "{}")
        results = await asyncio.gather(queue_a.claim(case_id, "이담당"), queue_b.claim(case_id, "이대리"))
    finally:
        await store_a.close()
        await store_b.close()
    assert sorted(r.won for r in results) == [False, True]
    assert {r.holder for r in results} == {rows(path, "SELECT claimed_by FROM cases")[0][0]}


async def test_lifecycle_is_an_audit_trail(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    clock = FakeClock(TUE_10)
    store, queue = await open_queue(path, clock)
    try:
        case_id = await store.create_case(a_case(), "{}")
        await queue.claim(case_id, "이담당")
        clock.now += timedelta(minutes=5)
        await queue.update(case_id, "이담당", Change.CONTACTED, note="통화함")
        with pytest.raises(ValueError, match="outcome"):
            await queue.update(case_id, "이담당", Change.RESOLVED)
        await queue.update(case_id, "이담당", Change.RESOLVED, outcome=Outcome.PLACED, note="율곡 배정")
        await queue.update(case_id, "가족여성팀", Change.CLOSED)
        await queue.update(case_id, "가족여성팀", Change.REOPENED, note="부모 재요청")
        case, events = await queue.show(case_id, "가족여성팀")
    finally:
        await store.close()
    assert case.status is Status.CLAIMED and case.reopened == 1 and case.outcome is None
    assert [(e.actor, e.kind, e.status_from, e.status_to) for e in events] == [
        ("parent", "created", None, "new"),
        ("이담당", "claimed", "new", "claimed"),
        ("이담당", "contacted", "claimed", "contacted"),
        ("이담당", "resolved", "contacted", "resolved"),
        ("가족여성팀", "closed", "resolved", "closed"),
        ("가족여성팀", "reopened", "closed", "claimed"),
    ]
    assert events[2].note == "통화함" and events[2].at == TUE_10 + timedelta(minutes=5)
    assert rows(path, "SELECT kind FROM outbox ORDER BY id") == [
        ("new_case",), ("status",), ("status",), ("status",), ("status",), ("reopened",)
    ]


async def test_a_transition_out_of_order_is_refused(tmp_path: Path) -> None:
    store, queue = await open_queue(tmp_path / "q.sqlite3", FakeClock(TUE_10))
    try:
        case_id = await store.create_case(a_case(), "{}")
        with pytest.raises(TransitionRefused):
            await queue.update(case_id, "이담당", Change.CONTACTED)  # nobody has claimed it
        assert (await store.case(case_id)).status is Status.NEW  # type: ignore[union-attr]
    finally:
        await store.close()


async def test_only_configured_coordinators_of_the_service_may_act(tmp_path: Path) -> None:
    store, queue = await open_queue(tmp_path / "q.sqlite3", FakeClock(TUE_10))
    try:
        case_id = await store.create_case(a_case(), "{}")
        with pytest.raises(Refused, match="등록된 코디네이터가 아닙니다"):
            await queue.claim(case_id, "아무개")
        with pytest.raises(Refused, match="담당 서비스가 아닙니다"):
            await queue.claim(case_id, "박담당")
        with pytest.raises(Refused):
            await queue.open_cases("아무개")
        assert await queue.open_cases("박담당") == []
        assert [c.id for c in await queue.open_cases("가족여성팀")] == [case_id]
        assert (await store.case(case_id)).status is Status.NEW  # type: ignore[union-attr]
    finally:
        await store.close()


async def test_new_case_plans_reminders_by_urgency_and_working_hours(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    friday_night = datetime(2026, 11, 27, 21, 0, tzinfo=KST)
    store, _ = await open_queue(path, FakeClock(TUE_10))
    try:
        normal = await store.create_case(a_case(), "{}")
        today = await store.create_case(a_case("telegram:2", care_date=TUE_10.date()), "{}")
        danger = await store.create_case(a_case("telegram:3", at=friday_night, danger=True, care_date=None), "{}")
        late = await store.create_case(a_case("telegram:4", at=friday_night), "{}")
    finally:
        await store.close()

    def due(case_id: int, kind: str) -> datetime:
        [(text,)] = rows(path, "SELECT due_at FROM followups WHERE case_id = ? AND kind = ?", (case_id, kind))
        return datetime.fromisoformat(text).astimezone(KST)

    assert due(normal, "unclaimed") == TUE_10 + timedelta(minutes=120)
    assert due(today, "unclaimed") == TUE_10 + timedelta(minutes=30)
    assert due(danger, "unclaimed") == friday_night + timedelta(minutes=10)  # urgent at any hour
    assert due(late, "unclaimed") == datetime(2026, 11, 30, 9, 0, tzinfo=KST)  # Monday morning
    assert due(normal, "parent") == datetime(2026, 11, 27, 10, 0, tzinfo=KST)  # the day after the care date


async def test_parent_is_told_when_a_person_answers(tmp_path: Path) -> None:
    store, queue = await open_queue(tmp_path / "q.sqlite3", FakeClock(TUE_10))
    try:
        sunday = datetime(2026, 11, 29, 15, 0, tzinfo=KST)
        assert queue.when_answered("daycare-365", TUE_10) is None
        assert queue.when_answered("daycare-365", sunday) == (
            "지금은 코디네이터 근무시간이 아니라서, 담당자가 11월 30일(월) 09:00부터 확인하고 연락드려요."
        )
        assert queue.when_answered("emergency-119", sunday) is None
        assert queue.when_answered("daycare-365", sunday, danger=True) is None
    finally:
        await store.close()


async def test_parent_status_shows_number_state_and_next_step(tmp_path: Path) -> None:
    store, queue = await open_queue(tmp_path / "q.sqlite3", FakeClock(TUE_10))
    try:
        assert "아직 접수된 내용이 없어요" in await queue.status("telegram:42")
        case_id = await store.create_case(a_case(), "{}")
        assert f"접수 #{case_id}" in await queue.status("telegram:42")
        assert "담당자 배정 전" in await queue.status("telegram:42")
        await queue.claim(case_id, "이담당")
        text = await queue.status("telegram:42")
        assert "이담당 님이 맡았어요" in text and "담당 담당자" not in text
        assert "telegram:42" not in await queue.status("telegram:other")
    finally:
        await store.close()


def test_shipped_coordinators_yaml_validates() -> None:
    staff = load()
    assert staff.control(), "the control tower must be configured"
    assert staff.for_service("daycare-365")


def test_a_broken_coordinators_yaml_names_the_entry_and_field(tmp_path: Path) -> None:
    path = tmp_path / "coordinators.yaml"
    path.write_text("coordinators:\n  - {name: 가족여성팀, control: true}\n  - {name: 박담당, telegram_user_id: abc}\n")
    with pytest.raises(CoordinatorsError, match=r"coordinators\[1\] \(name 박담당\) field telegram_user_id"):
        load(path)
    path.write_text("coordinators:\n  - {name: 박담당}\n")
    with pytest.raises(CoordinatorsError, match="control"):
        load(path)


def test_an_edit_is_picked_up_and_a_broken_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "coordinators.yaml"
    path.write_text("coordinators:\n  - {name: 가족여성팀, control: true}\n", encoding="utf-8")
    source = CoordinatorsSource(path)
    seen: list[Coordinators] = []
    source.subscribe(seen.append)
    assert not source.reload()
    path.write_text("coordinators:\n  - {name: 가족여성팀, control: true}\n  - {name: 새담당, services: [home-care]}\n",
                    encoding="utf-8")
    assert source.reload()
    assert source.current.named("새담당") is not None and seen == [source.current]
    path.write_text("coordinators:\n  - {name: 새담당, services: [home-care]\n", encoding="utf-8")  # broken YAML
    assert not source.reload()
    assert source.current.named("새담당") is not None and len(seen) == 1


def each_transaction(cursors: list[Cursor]) -> list[int]:
    """What each transaction of a purge removed (cases, or log rows), from the cursors its writes returned."""
    return [c.cases - b.cases + c.removed - b.removed for b, c in zip([Cursor(), *cursors], cursors, strict=False)]


async def test_the_retention_purge_commits_in_chunks_and_purges_everything(tmp_path: Path) -> None:
    """Five expired cases with a chunk of two: three transactions of cases (2, 2, 1) and one that finds none, then
    the old message log in transactions of at most 20 rows a table; nothing expired is left, the recent case is kept.
    Transactions of ``write`` (db/retention.py's, as PostgreSQL runs it): a store without a writer process."""
    clock = FakeClock(TUE_10)
    store = await SQLiteStore.open(tmp_path / "d.sqlite3", process=False)
    store.purge_seconds = 60.0  # no transaction stops for its time here
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=2)
    try:
        for n in range(5):
            case_id = await store.create_case(a_case(f"telegram:{n}"), "{}")
            await queue.update(case_id, "가족여성팀", Change.CLOSED)
            for i in range(9):
                await store.commit_turn(f"telegram:{n}", f"메시지 {i}", ["답"], "{}", TUE_10)
        clock.advance(days=91)
        kept = await store.create_case(a_case("telegram:new", at=clock()), "{}")
        await queue.update(kept, "가족여성팀", Change.CLOSED)
        results: list[int] = []
        write = store.write

        async def spy(fn):  # type: ignore[no-untyped-def]
            results.append(await write(fn))
            return results[-1]

        store.write = spy  # type: ignore[method-assign]
        assert await queue.purge_expired() == 5
        assert each_transaction(results)[:4] == [2, 2, 1, 0], "cases purged per transaction"
        # 90 messages, at most 20 a transaction; the five conversations went with the first 20 messages
        # log rows per transaction, then the idle conversations without consent (none here)
        assert each_transaction(results)[4:] == [20 + 5, 20, 20, 20, 10, 0, 0]
        path = tmp_path / "d.sqlite3"
        assert rows(path, "SELECT count(*) FROM cases WHERE purged_at IS NULL") == [(1,)]
        assert rows(path, "SELECT id FROM cases WHERE purged_at IS NULL") == [(kept,)]
        assert rows(path, "SELECT count(*) FROM messages") == [(0,)]
        assert rows(path, "SELECT count(*) FROM events WHERE kind = 'purged'") == [(5,)]
        assert rows(path, "SELECT count(*) FROM cases WHERE user_key IS NOT NULL OR contact IS NOT NULL") == [(1,)]
    finally:
        await store.close()


async def test_a_purge_transaction_ends_once_its_time_is_up(tmp_path: Path) -> None:
    """With no time at all, each transaction of the purge does one step (a case, ten log rows) and stops there."""
    clock = FakeClock(TUE_10)
    store = await SQLiteStore.open(tmp_path / "t.sqlite3", process=False)
    store.purge_step, store.purge_seconds = 1, 0.0
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=100)
    try:
        for n in range(3):
            case_id = await store.create_case(a_case(f"telegram:{n}"), "{}")
            await queue.update(case_id, "가족여성팀", Change.CLOSED)
            for i in range(7):
                await store.commit_turn(f"telegram:{n}", f"메시지 {i}", ["답"], "{}", TUE_10)
        clock.advance(days=91)
        results: list[int] = []
        write = store.write

        async def spy(fn):  # type: ignore[no-untyped-def]
            results.append(await write(fn))
            return results[-1]

        store.write = spy  # type: ignore[method-assign]
        assert await queue.purge_expired() == 3
        # 42 messages ten at a time, the three idle conversations once they are gone (a transaction whose time is
        # up takes no next table), then nothing left
        assert each_transaction(results) == [1, 1, 1, 0, 10, 10, 10, 10, 2, 3, 0, 0]
        assert rows(tmp_path / "t.sqlite3", "SELECT count(*) FROM cases WHERE purged_at IS NULL") == [(0,)]
    finally:
        await store.close()
