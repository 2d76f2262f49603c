"""Group commit on PostgreSQL (db/postgres/turns.py): turns that arrive together in one worker share a transaction."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from db.contract import ASKED_SQL, Store
from db.models import ts
from db.postgres.turns import USER_LOCKS
from db.store import open_store
from tests.postgres_server import fresh_database
from tests.test_store_contract import NOW, new_case


@pytest.fixture
async def url(pg_server: str) -> str:
    return await fresh_database(pg_server)


@pytest.fixture
async def two(url: str) -> AsyncIterator[tuple[Store, Store]]:
    a = await open_store(url, Path())
    b = await open_store(url, Path())
    yield a, b
    await a.close()
    await b.close()


async def _bump(store: Store, key: str, seen: list[int] | None = None) -> None:
    """A turn that reads its state, yields to the others and writes state + 1, as the engine does."""
    async with store.turn(key):
        raw = await store.load_state(key)
        if seen is not None:
            seen.append(int((await store.fetch("SELECT txid_current() AS x"))[0]["x"]))
        await asyncio.sleep(0)
        n = int(raw) if raw else 0
        await store.commit_turn(key, f"in {n}", [f"out {n}"], str(n + 1), NOW)


async def test_turns_arriving_together_share_transactions_and_keep_their_own_state(two: tuple[Store, Store]) -> None:
    a, _ = two
    seen: list[int] = []
    await asyncio.gather(*(_bump(a, f"kakao:p{i}", seen) for i in range(20)))
    await asyncio.gather(*(_bump(a, f"kakao:p{i}") for i in range(20)))
    assert len(set(seen)) < len(seen)  # fewer transactions than turns
    for i in range(20):
        assert await a.load_state(f"kakao:p{i}") == "2"
        rows = await a.fetch("SELECT direction, text FROM messages WHERE user_key = ? ORDER BY id", (f"kakao:p{i}",))
        assert [(r["direction"], r["text"]) for r in rows] == [("in", "in 0"), ("out", "out 0"),
                                                               ("in", "in 1"), ("out", "out 1")]


async def test_a_failing_turn_loses_none_of_the_turns_it_shares_a_transaction_with(two: tuple[Store, Store]) -> None:
    a, _ = two

    async def failing(key: str) -> None:
        async with a.turn(key):
            await a.load_state(key)
            await a.fetch("SELECT 1 / 0")  # a failed statement: it must not abort the others' transaction

    async def bad_case(key: str) -> None:
        async with a.turn(key):
            await a.create_case(new_case(key, channel=None), "{}")  # cases.channel is NOT NULL

    keys = [f"kakao:p{i}" for i in range(8)]
    results = await asyncio.gather(failing("kakao:bad"), bad_case("kakao:bad-case"), _bump(a, "kakao:nul\0"),
                                   *(_bump(a, k) for k in keys), return_exceptions=True)
    assert isinstance(results[0], asyncpg.DivisionByZeroError)
    assert isinstance(results[1], asyncpg.NotNullViolationError)
    assert isinstance(results[2], ValueError)  # a key PostgreSQL's text cannot hold fails alone
    assert results[3:] == [None] * len(keys)
    assert [await a.load_state(k) for k in keys] == ["1"] * len(keys)
    assert not await a.cases_for_user("kakao:bad-case")


async def test_two_workers_batching_the_same_users_in_any_order_never_deadlock(two: tuple[Store, Store],
                                                                               url: str) -> None:
    """Each batch takes its users' locks in the order of the lock numbers, so batches with the same users in
    two workers wait for each other instead of in a circle; and no increment is lost. A third session holds one
    user's lock until both batches wait for it: had they taken the users in their own orders, each would hold
    some of what the other needs next."""
    a, b = two
    keys = [f"kakao:p{i}" for i in range(12)]
    blocker = await asyncpg.connect(url)
    try:
        await blocker.execute("SELECT pg_advisory_lock($1, hashtext($2))", USER_LOCKS, keys[6])
        turns = asyncio.gather(*(_bump(a, k) for k in keys), *(_bump(b, k) for k in reversed(keys)))
        await asyncio.sleep(0.5)
        await blocker.execute("SELECT pg_advisory_unlock($1, hashtext($2))", USER_LOCKS, keys[6])
        await turns
    finally:
        await blocker.close()
    assert [await a.load_state(k) for k in keys] == ["2"] * len(keys)


async def test_the_read_with_the_lock_is_what_the_contracts_queries_say(two: tuple[Store, Store]) -> None:
    """The batch reads the state, unshown messages and the question waiting for an answer in one query; the
    turn sees the same as the contract's own queries, and after its own write it reads again."""
    a, _ = two
    key = "kakao:p1"
    case_id = await a.create_case(new_case(key), '{"n": 0}')
    # a question asked and not answered, a message not shown yet
    await a.write(lambda c: c.execute(
        "INSERT INTO followups (case_id, kind, due_at, asked_at) VALUES (?, 'parent', ?, ?)",
        (case_id, ts(NOW), ts(NOW))))
    await a.write(lambda c: c.execute(
        "INSERT INTO parent_messages (case_id, user_key, channel, kind, ref, created_at, next_at)"
        " VALUES (?, ?, 'kakao', 'reopened', 'r1', ?, ?)", (case_id, key, ts(NOW), ts(NOW))))
    expected = [dict(r) for r in await a.fetch(ASKED_SQL, (key,))]
    async with a.turn(key):
        assert await a.load_state(key) == '{"n": 0}'
        assert await a.has_unshown(key) and await a.has_unshown("kakao:other") is False
        assert [dict(r) for r in await a.asked_followup(key)] == expected != []
        await a.write(lambda c: c.execute("UPDATE followups SET answered_at = ? WHERE case_id = ?", (ts(NOW), case_id)))
        assert await a.asked_followup(key) == []
        await a.commit_turn(key, "네", [], '{"n": 1}', NOW)
    assert await a.load_state(key) == '{"n": 1}'


async def test_cases_opened_together_are_written_together_and_a_failing_one_fails_alone(
        two: tuple[Store, Store]) -> None:
    """The batch's turns that open cases while its connection is busy get their numbers and rows together; one
    case that cannot be written (cases.channel is NOT NULL) fails its own turn, and the cases after it in the
    same write still open."""
    a, b = two
    heard: list[int] = []
    a.case_listeners.append(heard.append)
    keys = [f"kakao:c{i}" for i in range(8)]

    async def confirm(key: str) -> int:
        async with a.turn(key):
            await a.load_state(key)
            bad = {"channel": None} if key == keys[5] else {}
            return await a.create_case(new_case(key, **bad), '{"case_id": null, "step": "done"}',
                                       number_key="case_id", inbound="네", replies=["접수번호 {case_id}"],
                                       announce=0)

    got = await asyncio.gather(*(confirm(k) for k in keys), return_exceptions=True)
    assert isinstance(got[5], asyncpg.NotNullViolationError)
    opened = [n for n in got if isinstance(n, int)]
    assert len(set(opened)) == len(keys) - 1 and sorted(heard) == sorted(opened)
    for key, case_id in zip(keys, got, strict=True):
        if key == keys[5]:
            assert not await b.cases_for_user(key) and await b.load_state(key) is None
            continue
        assert [c.id for c in await b.cases_for_user(key)] == [case_id]
        assert await b.load_state(key) == f'{{"case_id":{case_id},"step":"done"}}'
        rows = await b.fetch("SELECT direction, text FROM messages WHERE user_key = ? ORDER BY id", (key,))
        assert [(r["direction"], r["text"]) for r in rows] == [("in", "네"), ("out", f"접수번호 {case_id}")]
