"""Late Kakao replies (a turn past KAKAO_BUDGET_SECONDS): kept in the database with the turn, shown once at the
parent's next message on any worker and after a restart, pushed through the Event API where it is set up."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.routing import Route

from bot.channels.kakao.push import KakaoPush
from bot.channels.kakao.skill import KakaoSkill
from bot.coordination import late
from bot.coordination import texts as queue_texts
from bot.coordination.delivery import ParentDelivery
from bot.coordination.queue import Queue
from bot.dialog import texts as ko
from bot.dialog.core import OVERDUE, Channel, Choice, Link, Overdue, Reply, Venue
from bot.dialog.engine import Engine, FixedKnowledge
from bot.settings import Settings
from bot.shell.web import build_web
from db import NewCase
from db.contract import Store
from db.sqlite.store import SQLiteStore
from db.store import open_store
from tests.conftest import KST, Chat, FakeClock
from tests.fake_event_api import BOT_ID, KEY, FakeEventApi
from tests.postgres_server import fresh_database

FIXTURES = Path(__file__).parent / "fixtures" / "kakao"
USER = "late-parent-0001"
KEY_OF_USER = f"kakao:{USER}"
SLOW = "4살 아이 내일 저녁 6시부터 9시까지 맡길 곳 있을까요"
LEAD = queue_texts.LATE_LEAD
TUE_14 = datetime(2026, 11, 24, 14, 0, tzinfo=KST)


class GatedQueue(Queue):
    """The queue, whose check for messages to show (part of every turn, before it commits) waits while ``gate`` is
    closed: a slow turn without sleeping."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.gate = asyncio.Event()
        self.gate.set()

    async def pending_for_parent(self, user_key: str) -> list[Reply]:
        await self.gate.wait()
        return await super().pending_for_parent(user_key)


@dataclass
class Worker:
    store: Store
    queue: GatedQueue
    skill: KakaoSkill
    http: httpx.AsyncClient

    async def say(self, text: str) -> list[dict[str, Any]]:
        body = json.loads((FIXTURES / "text.json").read_text(encoding="utf-8"))
        body["userRequest"].update(utterance=text, user={"id": USER, "type": "botUserKey", "properties": {}})
        response = await self.http.post("/kakao/skill", json=body)
        assert response.status_code == 200, response.text
        return response.json()["template"]["outputs"]

    async def event_block(self, ref: str) -> list[dict[str, Any]]:
        raw = (FIXTURES / "event_block.json").read_text(encoding="utf-8").replace("REF", ref)
        body = json.loads(raw)
        body["userRequest"]["user"]["id"] = USER
        response = await self.http.post("/kakao/skill", json=body)
        assert response.status_code == 200, response.text
        return response.json()["template"]["outputs"]


@contextlib.asynccontextmanager
async def worker(store: Store, knowledge: object, coordinators: object, clock: FakeClock, *,
                 queue: GatedQueue | None = None, budget: float = 30.0, settings: Settings | None = None,
                 desk: Any = None) -> AsyncIterator[Worker]:
    """One worker's Kakao skill: its own engine and skill (its own memory), on ``store``. The budget is long (a
    loaded machine's turn never outlasts it); ``slow`` shortens it for the one turn the test makes slow."""
    settings = settings or Settings(db_path=Path("unused.sqlite3"))
    queue = queue or GatedQueue(store, coordinators, tz=KST, clock=clock)  # type: ignore[arg-type]
    engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge),  # type: ignore[arg-type]
                    settings=settings, clock=clock)
    skill = KakaoSkill(engine, budget=budget, desk=desk or queue, nothing_new=queue_texts.EVENT_NOTHING_NEW,
                       pushes=settings.kakao_can_push)
    web = build_web([Route("/kakao/skill", skill.handle, methods=["POST"])])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web), base_url="http://testserver") as http:
        try:
            yield Worker(store, queue, skill, http)
        finally:
            await skill.drain()


Opener = Callable[[], Any]


@pytest.fixture(params=["sqlite", "postgres"])
async def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Opener:
    """Opens a store on one database (a SQLite file, or a fresh PostgreSQL database): each call another worker's."""
    if request.param == "sqlite":
        path = tmp_path / "late.sqlite3"
        return lambda: SQLiteStore.open(path)
    url = await fresh_database(request.getfixturevalue("pg_server"))
    return lambda: open_store(url, Path())


def text_of(outputs: list[dict[str, Any]]) -> str:
    return "\n\n".join(o["simpleText"]["text"] for o in outputs if "simpleText" in o)


async def late_rows(store: Store) -> list[Any]:
    return await store.fetch("SELECT * FROM parent_messages WHERE kind = 'late' ORDER BY id")


async def slow(a: Worker, text: str) -> list[dict[str, Any]]:
    """Said to A with a budget that the gated turn outlasts at once."""
    a.skill.budget = 0.01
    try:
        return await a.say(text)
    finally:
        a.skill.budget = 30.0


async def slow_turn(a: Worker, answer: str = ko.KAKAO_TIMEOUT_TEXT) -> list[str]:
    """A turn that outlasts A's budget: A answers at once, the turn finishes once the gate opens; returns the
    late replies' texts as kept."""
    a.queue.gate.clear()
    first = await slow(a, SLOW)
    assert text_of(first) == answer
    a.queue.gate.set()
    await a.skill.drain()
    [row] = await late_rows(a.store)
    assert (row["user_key"], row["channel"], row["case_id"], row["state"]) == (KEY_OF_USER, "kakao", None, "waiting")
    kept = [r.text for r in late.load(row["text"])]
    assert kept and not any(ko.KAKAO_TIMEOUT_TEXT in t for t in kept)
    return kept


async def test_a_late_turn_on_one_worker_is_shown_once_at_the_next_message_on_another(
        opener: Opener, knowledge: object, coordinators: object, clock: FakeClock) -> None:
    store_a = await opener()
    store_b = await opener() if not isinstance(store_a, SQLiteStore) else store_a  # SQLite: one serving process
    try:
        async with worker(store_a, knowledge, coordinators, clock) as a, \
                worker(store_b, knowledge, coordinators, clock) as b:
            kept = await slow_turn(a)
            shown = text_of(await b.say("안녕하세요"))
            assert shown.startswith(f"{LEAD}\n\n{kept[0]}")
            for text in kept:
                assert text in shown
            [row] = await late_rows(store_b)
            assert (row["state"], row["text"]) == ("shown", None), "shown once; the words stay only in the log"
            assert LEAD not in text_of(await b.say("내일이요"))
            assert LEAD not in text_of(await a.say("율곡동이요"))
            logged = await store_a.fetch("SELECT text FROM messages WHERE user_key = ? AND direction = 'out'"
                                         " ORDER BY id", (KEY_OF_USER,))
            assert [r["text"] for r in logged][:len(kept)] == kept, "the log has what the late turn said"
    finally:
        await store_a.close()
        if store_b is not store_a:
            await store_b.close()


async def test_late_replies_survive_a_restart(opener: Opener, knowledge: object, coordinators: object,
                                              clock: FakeClock) -> None:
    store = await opener()
    try:
        async with worker(store, knowledge, coordinators, clock) as a:
            kept = await slow_turn(a)
    finally:
        await store.close()
    store = await opener()  # the worker restarted: a new process on the same database
    try:
        async with worker(store, knowledge, coordinators, clock) as again:
            shown = text_of(await again.say("안녕하세요"))
            assert shown.startswith(f"{LEAD}\n\n{kept[0]}")
            assert LEAD not in text_of(await again.say("안녕하세요"))
    finally:
        await store.close()


class HeldDesk:
    """The queue as the skill sees it, where replies the skill itself would keep after the turn wait for
    ``released``: only what the turn kept before it committed can reach the other worker's answer."""

    def __init__(self, queue: Queue) -> None:
        self.queue = queue
        self.released = asyncio.Event()

    async def pending_for_parent(self, user_key: str) -> list[Reply]:
        return await self.queue.pending_for_parent(user_key)

    async def keep_late(self, user_key: str, said: list[Reply]) -> None:
        await self.released.wait()
        await self.queue.keep_late(user_key, said)


async def test_the_next_message_waiting_on_another_worker_gets_the_late_replies_first(
        pg_server: str, knowledge: object, coordinators: object, clock: FakeClock) -> None:
    """The parent writes again while the slow turn still runs, and the balancer sends it to worker B: B's turn
    waits for A's (the user's lock) and finds the late replies, kept in A's turn's own transaction."""
    url = await fresh_database(pg_server)
    stores = [await open_store(url, Path()) for _ in range(2)]
    queue = GatedQueue(stores[0], coordinators, tz=KST, clock=clock)  # type: ignore[arg-type]
    held = HeldDesk(queue)
    try:
        async with worker(stores[0], knowledge, coordinators, clock, queue=queue, desk=held) as a, \
                worker(stores[1], knowledge, coordinators, clock) as b:
            a.queue.gate.clear()
            assert text_of(await slow(a, SLOW)) == ko.KAKAO_TIMEOUT_TEXT
            second = asyncio.create_task(b.say("안녕하세요"))
            for _ in range(3000):  # until B's turn waits for the user's lock
                if (await stores[0].fetch("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                          " AND NOT granted"))[0][0]:
                    break
                await asyncio.sleep(0.01)
            else:
                pytest.fail("B's turn never waited for A's")
            a.queue.gate.set()
            shown = text_of(await second)
            held.released.set()
            [row] = await late_rows(stores[0])
            assert row["state"] == "shown"
            assert shown.startswith(f"{LEAD}\n\n")
    finally:
        for s in stores:
            await s.close()


async def test_with_the_event_api_a_notice_is_pushed_and_the_event_block_shows_the_replies_once(
        tmp_path: Path, knowledge: object, coordinators: object, clock: FakeClock) -> None:
    async with FakeEventApi() as api:
        settings = Settings(db_path=tmp_path / "k.sqlite3", kakao_rest_api_key=KEY, kakao_bot_id=BOT_ID,
                            kakao_event_api_url=api.base_url, kakao_event_name="dolbom_message")
        store = await SQLiteStore.open(settings.db_path)
        push = KakaoPush(settings)
        try:
            async with worker(store, knowledge, coordinators, clock, settings=settings) as a:
                delivery = ParentDelivery(a.queue, events={"kakao": push}, daily_cap=3)
                a.queue.gate.clear()
                assert text_of(await slow(a, SLOW)) == ko.KAKAO_TIMEOUT_PUSH_TEXT
                a.queue.gate.set()
                await a.skill.drain()
                assert await delivery.run_once() == 1
                [row] = await late_rows(store)
                [call] = api.calls
                assert call.body == {"event": {"name": "dolbom_message", "data": {"ref": row["ref"]}},
                                     "user": [{"type": "botUserKey", "id": USER}]}
                assert call.raw.decode().isascii(), "ids only: no words leave"
                kept = [r.text for r in late.load(row["text"])]
                shown = text_of(await a.event_block(row["ref"]))
                assert shown.startswith(f"{LEAD}\n\n{kept[0]}")
                assert text_of(await a.event_block(row["ref"])) == queue_texts.EVENT_NOTHING_NEW
                assert LEAD not in text_of(await a.say("안녕하세요"))
                assert await delivery.run_once() == 0 and len(api.calls) == 1
        finally:
            await push.close()
            await store.close()


async def test_over_the_daily_cap_the_late_replies_wait_for_the_next_message(
        tmp_path: Path, knowledge: object, coordinators: object, clock: FakeClock) -> None:
    async with FakeEventApi() as api:
        settings = Settings(db_path=tmp_path / "k.sqlite3", kakao_rest_api_key=KEY, kakao_bot_id=BOT_ID,
                            kakao_event_api_url=api.base_url)
        store = await SQLiteStore.open(settings.db_path)
        push = KakaoPush(settings)
        try:
            async with worker(store, knowledge, coordinators, clock, settings=settings) as a:
                delivery = ParentDelivery(a.queue, events={"kakao": push}, daily_cap=0)
                kept = await slow_turn(a, ko.KAKAO_TIMEOUT_PUSH_TEXT)
                assert await delivery.run_once() == 0 and api.calls == []
                assert text_of(await a.say("안녕하세요")).startswith(f"{LEAD}\n\n{kept[0]}")
        finally:
            await push.close()
            await store.close()


# -- the queue's side: order, the words, deletion ------------------------------------------------------

def a_case() -> NewCase:
    return NewCase(
        user_key=KEY_OF_USER, channel="kakao", service_id="daycare-365", site_id=None, urgent=False, danger=False,
        area="율곡동", children=({"age_months": 48},), summary={}, summary_text="만 4세, 내일 저녁", contact=None,
        consent_at=TUE_14, created_at=TUE_14, care_date=None)


@pytest.fixture
async def any_store(opener: Opener) -> AsyncIterator[Store]:
    store = await opener()
    yield store
    await store.close()


async def rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in await store.fetch(sql)]


async def test_late_replies_and_coordinator_replies_come_in_the_order_they_were_written(
        any_store: Store, coordinators: object, clock: FakeClock) -> None:
    queue = Queue(any_store, coordinators, tz=KST, clock=clock)  # type: ignore[arg-type]
    case_id = await any_store.create_case(a_case(), "{}")
    await queue.keep_late(KEY_OF_USER, [Reply("첫 늦은 답")])
    clock.advance(minutes=1)
    await queue.reply(case_id, "가족여성팀", "코디네이터의 말")
    clock.advance(minutes=1)
    await queue.keep_late(KEY_OF_USER, [Reply("둘째 늦은 답"), Reply("질문?", choices=(Choice("네", "yes"),))])
    shown = await queue.pending_for_parent(KEY_OF_USER)
    assert [r.text.rsplit("\n\n", 1)[-1] for r in shown] == ["첫 늦은 답", "코디네이터의 말", "둘째 늦은 답", "질문?"]
    assert shown[0].text.startswith(LEAD) and shown[2].text.startswith(LEAD)
    assert all(not r.choices for r in shown), "the next answer's buttons are the ones that count"
    assert await queue.pending_for_parent(KEY_OF_USER) == []


def test_replies_keep_every_field_through_the_database() -> None:
    reply = Reply("추천", choices=(Choice("네", "yes"),), links=(Link("전화", phone="042-123-4567"),),
                  card_title="365어린이집", venue=Venue("율곡", "율곡동 1", 36.1, 128.2, "042"), ask_location=True)
    assert late.load(late.dump([reply, Reply("끝")])) == [reply, Reply("끝")]


async def test_deleting_my_data_removes_the_words_of_unshown_late_replies(
        any_store: Store, coordinators: object, clock: FakeClock) -> None:
    queue = Queue(any_store, coordinators, tz=KST, clock=clock)  # type: ignore[arg-type]
    await queue.keep_late(KEY_OF_USER, [Reply("만 4세 아이, 율곡동")])
    await queue.forget(KEY_OF_USER)
    assert await rows(any_store, "SELECT user_key, text FROM parent_messages") == [(None, None)]
    assert await queue.pending_for_parent(KEY_OF_USER) == []


async def test_the_retention_purge_removes_late_replies_never_shown(
        any_store: Store, coordinators: object, clock: FakeClock) -> None:
    """With the message log they repeat: after the retention days, or with a conversation that never got consent
    once it has been idle for the hours the consent text states."""
    queue = Queue(any_store, coordinators, tz=KST, clock=clock, retention_days=30)  # type: ignore[arg-type]
    clock.now = TUE_14
    await any_store.commit_turn(KEY_OF_USER, "안녕", ["답"], json.dumps({"consent_at": "2026-11-24"}), TUE_14)
    await any_store.commit_turn("kakao:no-consent", "안녕", ["답"], "{}", TUE_14)
    for user in (KEY_OF_USER, "kakao:no-consent"):
        await queue.keep_late(user, [Reply("만 4세 아이, 율곡동")])
    clock.advance(days=29)
    await queue.purge_expired()
    assert await rows(any_store, "SELECT user_key, text IS NULL FROM parent_messages ORDER BY id") == [
        (KEY_OF_USER, False), (None, True)]
    clock.advance(days=2)
    await queue.purge_expired()
    assert await rows(any_store, "SELECT user_key, text FROM parent_messages") == [(None, None), (None, None)]


async def test_a_late_turn_that_opens_the_case_shows_its_number(opener: Opener, knowledge: object,
                                                                coordinators: object, clock: FakeClock) -> None:
    """The heaviest turn is the one that opens the case; its number is known only once the case is written."""
    store = await opener()
    try:
        async with worker(store, knowledge, coordinators, clock) as a:
            for text in ("4살 아이 내일 저녁 5시부터 8시까지 율곡동이에요", "동의하고 접수", "010-1234-5678"):
                await a.say(text)
            a.queue.gate.clear()
            assert text_of(await slow(a, "네, 접수할게요")) == ko.KAKAO_TIMEOUT_TEXT
            a.queue.gate.set()
            await a.skill.drain()
            [case] = await store.cases_for_user(KEY_OF_USER)
            shown = text_of(await a.say("안녕하세요"))
            assert shown.startswith(LEAD) and f"접수번호는 {case.id}번" in shown and "{" not in shown
    finally:
        await store.close()


class Crash(BaseException):
    """The process dies here: nothing after it is written."""


@pytest.mark.parametrize("opens_case", [False, True], ids=["turn", "case"])
async def test_a_late_turn_is_one_write_with_its_state(tmp_path: Path, knowledge: object, coordinators: object,
                                                       clock: FakeClock, opens_case: bool) -> None:
    """The process dies at the second write of a turn past its budget, if it makes one: its late replies and its
    state (the logged turn, the case) are both saved or both not. They used to be two writes on SQLite: the replies
    first (shown at the next message, about a turn whose state was never saved) or, after a case, second (lost,
    with the case's number)."""
    store = await SQLiteStore.open(tmp_path / "crash.sqlite3")
    queue = Queue(store, coordinators, tz=KST, clock=clock)  # type: ignore[arg-type]
    engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge),  # type: ignore[arg-type]
                    settings=Settings(db_path=Path("unused.sqlite3")), clock=clock)
    chat = Chat(engine, USER, Channel.KAKAO)
    try:
        said = ["4살 아이 내일 저녁 5시부터 8시까지 율곡동이에요", "동의하고 접수", "010-1234-5678", "네, 접수할게요"]
        for text in said[:3] if opens_case else said[:1]:
            await chat.say(text)
        writes: list[str] = []
        for name in ("write", "commit_turn", "create_case"):
            setattr(store, name, _dies_second(getattr(store, name), name, writes))
        token = OVERDUE.set(Overdue(passed=True))
        try:
            with contextlib.suppress(Crash):
                await chat.say(said[3] if opens_case else "내일이요")
        finally:
            OVERDUE.reset(token)
        kept = await late_rows(store)
        saved = await store.cases_for_user(KEY_OF_USER) if opens_case else await store.fetch(
            "SELECT 1 FROM messages WHERE user_key = ? AND text = '내일이요'", (KEY_OF_USER,))
        assert bool(kept) == bool(saved), f"late replies {len(kept)}, turn saved {bool(saved)}; writes {writes}"
        assert kept and saved and len(writes) == 1, writes
        if opens_case:
            [case] = await store.cases_for_user(KEY_OF_USER)
            text = "\n".join(r.text for r in late.load(kept[0]["text"]))
            assert f"접수번호는 {case.id}번" in text and "{" not in text
    finally:
        await store.close()


def _dies_second(method: Any, name: str, writes: list[str]) -> Any:
    async def counted(*args: Any, **kw: Any) -> Any:
        writes.append(name)
        if len(writes) == 2:
            raise Crash
        return await method(*args, **kw)

    return counted
