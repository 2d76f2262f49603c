"""Two children sent to two services: both services' desks are told of the one case, find it in their queue and may
act on it, on SQLite and on PostgreSQL (bot/coordination/desks.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest

from bot.coordination.dispatch import Dispatcher, Note
from bot.coordination.queue import Queue
from bot.settings import Settings
from db.sqlite.store import SQLiteStore
from db.store import Store, open_store
from tests.conftest import KST, Chat, FakeClock

TUESDAY_1100 = datetime(2026, 12, 8, 11, 0, tzinfo=KST)
SISTERS = "초3 딸이랑 5살 아들 오늘 오후 4시부터 7시까지 율곡동이요"
"""The school child to the after-school centre (최담당), the younger one to the 365 daycare (이담당)."""


@pytest.fixture(params=["sqlite", "postgres"])
async def store(settings: Settings, request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    if request.param == "postgres":
        from tests.postgres_server import fresh_database

        s: Store = await open_store(await fresh_database(request.getfixturevalue("pg_server")), settings.db_path)
    else:
        s = await SQLiteStore.open(settings.db_path)
    yield s
    await s.close()


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.notes: list[Note] = []

    async def notify(self, note: Note) -> str | None:
        self.notes.append(note)
        return None


async def filed(chat: Chat, clock: FakeClock, store: Store) -> int:
    clock.now = TUESDAY_1100
    await chat.file(SISTERS)
    (case,) = await store.cases_for_user(chat.address.key)
    assert [c["service_id"] for c in case.children] == ["after-school", "daycare-365"]
    return case.id


async def test_both_desks_find_the_case_and_may_claim_it(chat: Chat, clock: FakeClock, store: Store,
                                                         queue: Queue) -> None:
    case_id = await filed(chat, clock, store)
    for desk in ("최담당", "이담당", "가족여성팀"):
        assert [c.id for c in await queue.open_cases(desk)] == [case_id], desk
        assert await queue.open_count(desk) == 1
    assert await queue.open_cases("박담당") == []  # home visits: not this case's desk
    assert [c.id for c in await queue.open_cases("가족여성팀", service="daycare-365")] == [case_id]
    assert await queue.open_cases("가족여성팀", service="home-care") == []
    result = await queue.claim(case_id, "이담당")  # the second child's desk, not refused
    assert result.won and result.case.claimed_by == "이담당"


async def test_the_new_case_reaches_both_desks(chat: Chat, clock: FakeClock, store: Store, queue: Queue,
                                               settings: Settings) -> None:
    await filed(chat, clock, store)
    sink = Recording()
    names = {"after-school": "다함께돌봄센터", "daycare-365": "365어린이집"}
    dispatcher = Dispatcher(store, queue.coordinators, [sink], tz=settings.tz, service_names=names, clock=clock)
    assert await dispatcher.run_once() == 1
    (note,) = sink.notes
    assert note.kind == "new_case"
    assert {c.name for c in note.recipients} == {"최담당", "이담당", "가족여성팀"}
    assert "아이별 서비스: 초등 3학년 아이 다함께돌봄센터 / 5살 아이 365어린이집" in note.text


async def test_a_danger_case_stays_the_control_tower_s(chat: Chat, clock: FakeClock, store: Store,
                                                       queue: Queue) -> None:
    clock.now = TUESDAY_1100
    await chat.say("초3 딸이랑 5살 아들이 집에 둘만 있는데 작은애가 머리를 부딪혀서 토해요")
    (case,) = await store.cases_for_user(chat.address.key)
    assert case.danger
    assert await queue.open_cases("최담당") == [] and await queue.open_cases("이담당") == []
    assert [c.id for c in await queue.open_cases("가족여성팀")] == [case.id]


async def test_the_telegram_queue_line_names_both_services(chat: Chat, clock: FakeClock, store: Store,
                                                           queue: Queue) -> None:
    from bot.channels.telegram.group_format import queue_text

    await filed(chat, clock, store)
    names = {"after-school": "다함께돌봄센터", "daycare-365": "365어린이집"}
    text = queue_text(await queue.open_cases("이담당"), KST, lambda s: names.get(s or "", "미정"))
    assert "다함께돌봄센터+365어린이집" in text
