"""The retention purge on PostgreSQL (db/postgres/purge.py): walks that go on from the last key leave nothing due."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coordination.queue import Queue
from db.cases import Change
from db.postgres import purge
from db.postgres.store import PostgresStore
from tests.conftest import FakeClock
from tests.postgres_server import fresh_database
from tests.test_queue import STAFF, a_case

KST = ZoneInfo("Asia/Seoul")
TUE_10 = datetime(2026, 11, 24, 10, 0, tzinfo=KST)


async def test_the_purge_walks_past_ties_and_leaves_nothing_due(pg_server: str) -> None:
    """Five cases closed at one moment and fifty messages written at one moment, with transactions of two cases and
    twenty log rows: each walk goes on from a key that the next page shares, and still every case, message and
    conversation due goes, one transaction a page; the recent case, its log and an old but open case stay."""
    store = await PostgresStore.open(await fresh_database(pg_server))
    store.purge_rest = 0.0
    clock = FakeClock(TUE_10)
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=2)
    walks: list[purge.Walk] = []
    write = store.write

    async def spy(fn):  # type: ignore[no-untyped-def]
        walks.append(await write(fn))
        return walks[-1]

    try:
        for n in range(5):
            case_id = await store.create_case(a_case(f"telegram:{n}"), "{}")
            await queue.update(case_id, "가족여성팀", Change.CLOSED)
            for i in range(5):
                await store.commit_turn(f"telegram:{n}", f"메시지 {i}", ["답"], "{}", TUE_10)
        still_open = await store.create_case(a_case("telegram:open"), "{}")
        clock.advance(days=91)
        recent = await store.create_case(a_case("telegram:new", at=clock()), "{}")
        await queue.update(recent, "가족여성팀", Change.CLOSED)
        await store.commit_turn("telegram:new", "안녕하세요", ["네"], "{}", clock())

        store.write = spy  # type: ignore[method-assign]
        assert await queue.purge_expired() == 5
        unpurged = await store.fetch("SELECT id FROM cases WHERE purged_at IS NULL ORDER BY id")
        assert [r["id"] for r in unpurged] == [still_open, recent]
        left = await store.fetch("SELECT user_key, text FROM messages ORDER BY id")
        assert [(r["user_key"], r["text"]) for r in left] == [("telegram:new", "안녕하세요"), ("telegram:new", "네")]
        assert [r["user_key"] for r in await store.fetch("SELECT user_key FROM conversations")] == ["telegram:new"]
        purged = await store.fetch("SELECT count(*) FROM events WHERE kind = 'purged'")
        assert purged[0][0] == 5
    finally:
        store.write = write  # type: ignore[method-assign]
        await store.close()
    # cases two by two (2, 2, 1, then none), messages twenty a page (20, 20, 10, none), then the six old
    # conversations (the open case's too, as the shared purge does) and the idle scan
    assert [w.cases for w in walks[:4]] == [2, 4, 5, 5]
    removed = [b.removed - a.removed for a, b in zip([purge.Walk(), *walks], walks, strict=False)]
    assert removed[4:] == [20, 20, 10, 6, 0, 0]
    assert len(walks) == 10 and walks[-1].done


async def test_a_conversation_written_after_its_page_was_read_stays(pg_server: str) -> None:
    """The old conversations are deleted by key with the cutoff again: a turn that came between the page's read and
    the delete keeps its conversation."""
    store = await PostgresStore.open(await fresh_database(pg_server))
    try:
        await store.commit_turn("kakao:old", "안녕", ["네"], "{}", TUE_10)
        await store.commit_turn("kakao:back", "안녕", ["네"], "{}", TUE_10)
        cutoff = (TUE_10 + timedelta(days=1)).isoformat()

        def delete(conn):  # type: ignore[no-untyped-def]
            rows = conn.execute(purge.OLD_CONVERSATIONS, ("", cutoff, 10)).fetchall()
            conn.execute("UPDATE conversations SET updated_at = ? WHERE user_key = 'kakao:back'",
                         ((TUE_10 + timedelta(days=2)).isoformat(),))
            return conn.execute(purge.GONE_CONVERSATIONS, ([r["user_key"] for r in rows], cutoff)).rowcount

        assert await store.write(delete) == 1
        assert [r["user_key"] for r in await store.fetch("SELECT user_key FROM conversations")] == ["kakao:back"]
    finally:
        await store.close()
