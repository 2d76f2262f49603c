"""One contract, two backends: every test here runs on the SQLite file and on PostgreSQL (a throwaway server)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from db import cases as sql
from db.contract import CasePlan, Store
from db.models import CASE_NUMBER, NewCase, ts
from db.store import open_store
from tests.conftest import KST
from tests.postgres_server import fresh_database

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=KST)
Opener = Callable[[], Awaitable[Store]]


@pytest.fixture(params=["sqlite", "postgres"])
async def open_db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Opener]:
    """Opens stores on one fresh database of the backend (call it twice: two workers on one database)."""
    if request.param == "sqlite":
        url, path = "", tmp_path / "c.sqlite3"
    else:
        url, path = await fresh_database(request.getfixturevalue("pg_server")), tmp_path / "unused"
    opened: list[Store] = []

    async def opener() -> Store:
        opened.append(await open_store(url, path))
        return opened[-1]

    yield opener
    for s in opened:
        await s.close()


@pytest.fixture
async def db(open_db: Opener) -> Store:
    return await open_db()


def new_case(user: str = "kakao:p1", *, at: datetime = NOW, **kw: object) -> NewCase:
    fields: dict[str, object] = dict(
        user_key=user, channel="kakao", service_id="daycare-365", site_id="daycare-365-yulgok", urgent=True,
        danger=False, area="율곡동", children=({"age_months": 48, "school_grade": None, "service_id": "daycare-365"},),
        summary={"need": "오늘 밤"}, summary_text="4살 아이, 오늘 22:00까지",
        contact={"route": "phone", "phone": "010"},
        consent_at=at, created_at=at, care_date=date(2026, 11, 24))
    fields.update(kw)
    return NewCase(**fields)  # type: ignore[arg-type]


async def test_a_turn_saves_the_state_and_logs_its_messages_in_order(db: Store) -> None:
    assert await db.load_state("kakao:p1") is None
    await db.commit_turn("kakao:p1", "안녕하세요", ["반가워요", "몇 살인가요?"], '{"step": "age"}', NOW)
    await db.commit_turn("kakao:p1", "4살", ["알겠어요"], '{"step": "place"}', NOW + timedelta(seconds=1))
    assert await db.load_state("kakao:p1") == '{"step": "place"}'
    rows = await db.fetch("SELECT direction, text, at FROM messages WHERE user_key = ? ORDER BY id", ("kakao:p1",))
    assert [(r["direction"], r["text"]) for r in rows] == [
        ("in", "안녕하세요"), ("out", "반가워요"), ("out", "몇 살인가요?"), ("in", "4살"), ("out", "알겠어요")]
    assert rows[0]["at"] == ts(NOW)


async def test_a_case_opens_with_its_plan_its_turn_and_its_number_in_the_state(db: Store) -> None:
    heard: list[int] = []
    db.case_listeners.append(heard.append)
    db.planner = lambda case: CasePlan(("new_case", "urgent"), (("unclaimed", NOW + timedelta(minutes=10)),))
    case_id = await db.create_case(new_case(), '{"step": "done", "case_id": null}', number_key="case_id",
                                   inbound="네", replies=["고마워요", f"접수번호 {CASE_NUMBER}"], announce=1)
    assert heard == [case_id]
    assert await db.load_state("kakao:p1") == f'{{"step":"done","case_id":{case_id}}}'
    texts = [r["text"] for r in await db.fetch("SELECT text FROM messages ORDER BY id")]
    assert texts == ["네", "고마워요", f"접수번호 {case_id}"]
    case = await db.case(case_id)
    assert case is not None and case.status == "new" and case.urgent and not case.danger
    assert case.children[0]["age_months"] == 48 and case.summary == {"need": "오늘 밤"}
    assert case.contact == {"route": "phone", "phone": "010"} and case.care_date == date(2026, 11, 24)
    assert [r["kind"] for r in await db.fetch("SELECT kind FROM outbox WHERE case_id = ? ORDER BY id", (case_id,))] \
        == ["new_case", "urgent"]
    assert [(r["kind"], r["due_at"]) for r in await db.fetch("SELECT kind, due_at FROM followups")] == [
        ("unclaimed", ts(NOW + timedelta(minutes=10)))]
    assert [r["kind"] for r in await db.fetch("SELECT kind FROM events WHERE case_id = ?", (case_id,))] == ["created"]


async def test_a_users_cases_come_newest_first(db: Store) -> None:
    first = await db.create_case(new_case(), "{}")
    second = await db.create_case(new_case(), "{}")
    await db.create_case(new_case("kakao:other"), "{}")
    assert [c.id for c in await db.cases_for_user("kakao:p1")] == [second, first]
    assert await db.case(second + 100) is None


async def test_one_of_two_concurrent_claims_wins_and_a_refused_change_writes_nothing(db: Store) -> None:
    case_id = await db.create_case(new_case(), "{}")
    at, remind = ts(NOW), ts(NOW + timedelta(hours=1))
    results = await asyncio.gather(*(db.write(lambda c, w=who: sql.claim(c, case_id, w, at, remind))
                                     for who in ("김담당", "이담당")))
    assert sorted(r.won for r in results) == [False, True]
    holder = results[0].holder
    assert all(r.holder == holder for r in results)
    with pytest.raises(sql.TransitionRefused):
        await db.write(lambda c: sql.change(c, case_id, sql.Change.REOPENED, holder, at))
    events = [r["kind"] for r in await db.fetch("SELECT kind FROM events WHERE case_id = ? ORDER BY id", (case_id,))]
    assert events == ["created", "claimed"]
    await db.write(lambda c: sql.change(c, case_id, sql.Change.CONTACTED, holder, at))
    assert (await db.case(case_id)).status == "contacted"  # type: ignore[union-attr]


async def test_writes_see_sqlite_shaped_cursors(db: Store) -> None:
    await db.commit_turn("kakao:p1", "a", [], "{}", NOW)

    def work(conn: object) -> tuple[int, int, list[str], int]:
        gone = conn.execute("DELETE FROM messages WHERE user_key = ?", ("kakao:p1",)).rowcount  # type: ignore[attr-defined]
        count = conn.execute("SELECT count(*) FROM conversations").fetchone()[0]  # type: ignore[attr-defined]
        keys = [r[0] for r in conn.execute("SELECT user_key FROM conversations")]  # type: ignore[attr-defined]
        ignored = conn.execute(  # type: ignore[attr-defined]
            "INSERT OR IGNORE INTO conversations (user_key, state, updated_at) VALUES (?, ?, ?)",
            ("kakao:p1", "x", "t"))
        return gone, count, keys, ignored.rowcount

    assert await db.write(work) == (1, 1, ["kakao:p1"], 0)


async def test_due_outbox_rows_are_handed_out_and_done_rows_are_not(db: Store) -> None:
    case_id = await db.create_case(new_case(), "{}")
    rows = await db.claim_outbox(ts(NOW))
    assert [(r["case_id"], r["kind"]) for r in rows] == [(case_id, "new_case")]
    await db.write(lambda c: c.execute("UPDATE outbox SET done_at = ? WHERE id = ?", (ts(NOW), rows[0]["id"])))
    assert await db.claim_outbox(ts(NOW + timedelta(hours=1))) == []


async def test_dropped_states_are_told_to_the_listeners(db: Store) -> None:
    told: list[str | None] = []
    db.state_listeners.append(told.append)
    db.drop_cached("kakao:p1")
    db.drop_cached()
    assert told == ["kakao:p1", None]


async def test_two_workers_on_one_database_see_each_others_turns(open_db: Opener) -> None:
    """What several workers need (on SQLite, two stores on one file, as a CLI beside the bot)."""
    a, b = await open_db(), await open_db()
    async with a.turn("kakao:p1"):
        assert await a.load_state("kakao:p1") is None
        await a.commit_turn("kakao:p1", "1", [], '{"n": 1}', NOW)
    async with b.turn("kakao:p1"):
        assert await b.load_state("kakao:p1") == '{"n": 1}'
        await b.commit_turn("kakao:p1", "2", [], '{"n": 2}', NOW)
    assert await a.load_state("kakao:p1") == '{"n": 2}'


# -- what only several workers need: PostgreSQL ---------------------------------------------------------

@pytest.fixture
async def two_pg(pg_server: str) -> AsyncIterator[tuple[Store, Store]]:
    url = await fresh_database(pg_server)
    a, b = await asyncio.gather(open_store(url, Path()), open_store(url, Path()))  # both migrate at once
    yield a, b
    await a.close()
    await b.close()


async def test_two_workers_starting_together_apply_each_migration_once(two_pg: tuple[Store, Store]) -> None:
    a, _ = two_pg
    rows = await a.fetch("SELECT version, count(*) AS n FROM schema_migrations GROUP BY version")
    assert rows and all(r["n"] == 1 for r in rows)
    assert not a.caches_states


async def test_a_users_turns_in_two_workers_run_one_at_a_time(two_pg: tuple[Store, Store]) -> None:
    """Each worker reads, thinks and writes n+1; with the user lock none of the 40 increments is lost."""
    a, b = two_pg

    async def bump(store: Store) -> None:
        async with store.turn("kakao:p1"):
            raw = await store.load_state("kakao:p1")
            n = int(raw) if raw else 0
            await asyncio.sleep(0)  # let the other worker's turn try to run in between
            await store.commit_turn("kakao:p1", str(n), [], str(n + 1), NOW)

    await asyncio.gather(*(bump(a if i % 2 else b) for i in range(40)))
    assert await a.load_state("kakao:p1") == "40"


async def test_each_outbox_row_goes_to_one_worker_until_its_claim_runs_out(two_pg: tuple[Store, Store]) -> None:
    a, b = two_pg
    ids = [await a.create_case(new_case(f"kakao:p{i}"), "{}") for i in range(30)]
    first, second = await asyncio.gather(a.claim_outbox(ts(NOW), 20), b.claim_outbox(ts(NOW), 20))
    got_a, got_b = {r["case_id"] for r in first}, {r["case_id"] for r in second}
    assert not got_a & got_b and got_a | got_b == set(ids)
    # ten seconds on (sends failed, backoff over): each worker retries its own rows, none of the other's
    assert {r["case_id"] for r in await b.claim_outbox(ts(NOW + timedelta(seconds=10)))} == got_b
    assert {r["case_id"] for r in await a.claim_outbox(ts(NOW + timedelta(seconds=10)))} == got_a
    later = NOW + timedelta(seconds=10 + a.claim_seconds + 1)  # type: ignore[attr-defined]
    taken_over = {r["case_id"] for r in await b.claim_outbox(ts(later))}  # a died: b takes its rows over
    assert got_a <= taken_over


async def test_a_case_opened_in_a_turn_is_announced_once_the_turn_commits(two_pg: tuple[Store, Store]) -> None:
    a, b = two_pg
    heard: list[int] = []
    a.case_listeners.append(heard.append)
    async with a.turn("kakao:p1"):
        case_id = await a.create_case(new_case(), '{"case_id": null}', number_key="case_id")
        assert heard == [] and await b.case(case_id) is None  # not committed yet: the other worker sees nothing
        await a.commit_turn("kakao:p1", "네", ["접수"], f'{{"case_id": {case_id}}}', NOW)
    assert heard == [case_id] and (await b.case(case_id)) is not None


async def test_one_worker_holds_a_role_until_it_is_gone(open_db: Opener) -> None:
    """Telegram polling: one poller per token. SQLite has one serving process, which always holds it."""
    a, b = await open_db(), await open_db()
    assert await a.sole("telegram-polling") and await a.sole("telegram-polling")
    if a.caches_states:
        return
    assert not await b.sole("telegram-polling")
    assert await b.sole("something-else")
    await a.close()
    assert await b.sole("telegram-polling")


async def test_quotes_and_dollars_in_a_turn_are_kept_as_typed(db: Store) -> None:
    key, text = "kakao:o'brien$1", "아이 '둘' $2 -- ; DROP TABLE cases; \\ 끝"
    async with db.turn(key):
        await db.load_state(key)
        await db.commit_turn(key, text, [text + "?"], f'{{"said": "{text}"}}', NOW)
    assert await db.load_state(key) == f'{{"said": "{text}"}}'
    rows = await db.fetch("SELECT text FROM messages WHERE user_key = ? ORDER BY id", (key,))
    assert [r["text"] for r in rows] == [text, text + "?"]
    assert await db.case(1) is None  # the table is still there


async def test_writes_get_lastrowid_executemany_and_sqlites_integrity_error(db: Store) -> None:
    import sqlite3

    first = await db.create_case(new_case(), "{}")

    def note(conn: object) -> tuple[int, int]:
        cur = conn.execute("INSERT INTO events (case_id, at, actor, kind) VALUES (?, ?, ?, ?)",  # type: ignore[attr-defined]
                           (first, ts(NOW), "김담당", "note"))
        many = conn.executemany("INSERT INTO events (case_id, at, actor, kind) VALUES (?, ?, ?, ?)",  # type: ignore[attr-defined]
                                [(first, ts(NOW), "김담당", "note")] * 3)
        return cur.lastrowid, many.rowcount

    event_id, count = await db.write(note)
    assert count == 3
    rows = await db.fetch("SELECT id FROM events WHERE kind = 'note' ORDER BY id")
    assert rows[0]["id"] == event_id and len(rows) == 4
    with pytest.raises(sqlite3.IntegrityError):
        await db.write(lambda c: c.execute("INSERT INTO events (case_id, at, actor, kind) VALUES (?, ?, ?, ?)",
                                           (first + 1000, ts(NOW), "x", "note")))  # no such case


async def test_what_one_worker_publishes_reaches_every_subscriber(open_db: Opener) -> None:
    """Live console updates: on PostgreSQL LISTEN/NOTIFY across workers; on SQLite within its one process."""
    a = await open_db()
    b = a if a.caches_states else await open_db()
    heard: list[tuple[str, str]] = []
    done = asyncio.Event()

    def hear(who: str) -> Callable[[str], None]:
        def got(payload: str) -> None:
            heard.append((who, payload))
            if len(heard) == 2:
                done.set()
        return got

    await a.subscribe("console", hear("a"))
    await b.subscribe("console", hear("b"))
    await b.subscribe("other", hear("wrong topic"))
    await a.publish("console", '{"case": 7}')
    await asyncio.wait_for(done.wait(), 10)
    assert sorted(heard) == [("a", '{"case": 7}'), ("b", '{"case": 7}')]
