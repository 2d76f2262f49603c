"""The SQLite store: durable turns with group commit, cases, restart, migrations, failing writes."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from db import NewCase, Status
from db.sqlite.batch import Turn, connect
from db.sqlite.checkpoint import Pacer
from db.sqlite.migrate import migrate
from db.sqlite.process import Frames, decode_outcomes, encode_ops, frame
from db.sqlite.store import SQLiteStore

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
BOTH = pytest.mark.parametrize("process", [True, False], ids=["writer-process", "writer-thread"])
"""One contract for both writers: the writer process (the default) and the thread (``process=False``)."""


def new_case(user_key: str = "console:mom", **changes: object) -> NewCase:
    values: dict[str, object] = dict(
        user_key=user_key, channel="console", service_id="daycare-365", site_id="daycare-365-yulgok",
        urgent=False, danger=False, area="율곡동",
        children=({"age_months": 48, "school_grade": None, "service_id": "daycare-365"},),
        summary={"need": {"day": "2026-11-24", "start": 1080, "end": 1320}, "reasons": ["만 4세"]},
        summary_text="만 4세, 오늘 18:00-22:00, 율곡동", contact={"route": "phone", "phone": "010-1234-5678"},
        consent_at=T0, created_at=T0, care_date=date(2026, 11, 24),
    )
    values.update(changes)
    return NewCase(**values)  # type: ignore[arg-type]


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read with a fresh plain sqlite3 connection: what another process would see."""
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


@BOTH
async def test_restart_keeps_state_and_cases(tmp_path: Path, process: bool) -> None:
    path = tmp_path / "var" / "dolbom.sqlite3"
    store = await SQLiteStore.open(path, process=process)
    await store.commit_turn("console:mom", "4살 아이 맡길 곳", ["몇 시까지 필요하세요?"], '{"step": "time"}', T0)
    case_id = await store.create_case(new_case(), '{"step": "done"}')
    await store.close()

    store = await SQLiteStore.open(path, process=process)
    try:
        assert await store.load_state("console:mom") == '{"step": "done"}'
        [case] = await store.cases_for_user("console:mom")
        assert case.id == case_id
        assert case.status is Status.NEW
        assert case.service_id == "daycare-365"
        assert case.children[0]["age_months"] == 48
        assert case.contact == {"route": "phone", "phone": "010-1234-5678"}
        assert case.consent_at == T0 and case.created_at == T0 and case.care_date == date(2026, 11, 24)
        assert case.summary_text == "만 4세, 오늘 18:00-22:00, 율곡동"
    finally:
        await store.close()
    assert rows(path, "SELECT direction, text FROM messages ORDER BY id") == [
        ("in", "4살 아이 맡길 곳"), ("out", "몇 시까지 필요하세요?")
    ]


@BOTH
async def test_create_case_writes_event_outbox_and_state_together(tmp_path: Path, process: bool) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path, process=process)
    try:
        case_id = await store.create_case(new_case(), '{"step": "done"}')
        assert await store.load_state("console:mom") == '{"step": "done"}'
    finally:
        await store.close()
    assert rows(path, "SELECT kind, actor, status_to FROM events WHERE case_id = ?", (case_id,)) == [
        ("created", "parent", "new")
    ]
    assert rows(path, "SELECT kind, done_at FROM outbox WHERE case_id = ?", (case_id,)) == [("new_case", None)]
    assert rows(path, "SELECT state FROM conversations") == [('{"step": "done"}',)]


@BOTH
async def test_failed_create_case_leaves_no_case(tmp_path: Path, process: bool) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path, process=process)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            await store.create_case(new_case(), None)  # type: ignore[arg-type]  # state NOT NULL fails last
        assert await store.cases_for_user("console:mom") == []
    finally:
        await store.close()
    assert rows(path, "SELECT count(*) FROM cases") == [(0,)]
    assert rows(path, "SELECT count(*) FROM events") == [(0,)]


@BOTH
async def test_concurrent_turns_are_batched_and_all_durable(tmp_path: Path, process: bool) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path, process=process)
    n = 500
    try:
        await asyncio.gather(*(
            store.commit_turn(f"console:{i}", f"안녕 {i}", [f"답 {i}", "다음"], json.dumps({"i": i}), T0)
            for i in range(n)
        ))
        batches = store.batches
    finally:
        await store.close()
    assert batches < n / 10, f"{n} concurrent turns took {batches} transactions"
    assert rows(path, "SELECT count(*) FROM conversations") == [(n,)]
    assert rows(path, "SELECT count(*) FROM messages") == [(3 * n,)]
    assert rows(path, "SELECT state FROM conversations WHERE user_key = 'console:321'") == [('{"i": 321}',)]


async def test_states_are_read_on_the_loop_and_when_that_is_busy_all_asked_at_once_in_one_query(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path)
    try:
        await asyncio.gather(*(store.commit_turn(f"console:{i}", "hi", [], json.dumps({"i": i}), T0)
                               for i in range(0, 1200, 2)))
        queries: list[str] = []
        fetch = store.fetch

        async def counted(sql: str, params: tuple = ()) -> list:
            queries.append(sql)
            return await fetch(sql, params)

        monkeypatch.setattr(store, "fetch", counted)
        assert await store.load_state("console:4") == json.dumps({"i": 4})
        assert await store.load_state("console:5") is None
        assert queries == [], "a lookup on the event loop's thread, not through the reader thread"

        class Busy:
            def execute(self, *args: object) -> None:
                raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(store, "_lookup", Busy())
        states = await asyncio.gather(*(store.load_state(f"console:{i}") for i in range(1200)))
        assert states == [json.dumps({"i": i}) if i % 2 == 0 else None for i in range(1200)]
        assert len(queries) == 3  # through the reader thread, 500 keys per query
    finally:
        monkeypatch.undo()
        await store.close()


@BOTH
async def test_later_turn_of_same_user_wins_within_a_batch(tmp_path: Path, process: bool) -> None:
    store = await SQLiteStore.open(tmp_path / "d.sqlite3", process=process)
    try:
        await asyncio.gather(
            store.commit_turn("console:a", "1", [], "first", T0),
            store.create_case(new_case("console:a"), "case"),
            store.commit_turn("console:a", "2", [], "last", T0 + timedelta(seconds=1)),
        )
    finally:
        await store.close()
    store = await SQLiteStore.open(tmp_path / "d.sqlite3", process=process)
    try:
        assert await store.load_state("console:a") == "last"
    finally:
        await store.close()


@BOTH
async def test_a_failing_write_fails_only_its_caller(tmp_path: Path, process: bool) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path, process=process)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO messages (user_key, direction, text, at) VALUES ('x', 'in', 'half', 'now')")
        raise RuntimeError("boom")

    try:
        results = await asyncio.gather(
            *(store.commit_turn(f"console:{i}", "hi", ["yo"], "{}", T0) for i in range(5)),
            store.write(broken),
            store.commit_turn("console:bad", "hi", [], None, T0),  # type: ignore[arg-type]  # NOT NULL state
            *(store.commit_turn(f"console:{i}", "hi", ["yo"], "{}", T0) for i in range(5, 10)),
            return_exceptions=True,
        )
        assert isinstance(results[5], RuntimeError)
        assert isinstance(results[6], sqlite3.IntegrityError)
        assert [r for i, r in enumerate(results) if i not in (5, 6)] == [None] * 10
        assert await store.load_state("console:bad") is None
    finally:
        await store.close()
    assert rows(path, "SELECT count(*) FROM conversations") == [(10,)]
    assert rows(path, "SELECT count(*) FROM messages WHERE text = 'half'") == [(0,)]
    assert rows(path, "SELECT count(*) FROM messages WHERE user_key = 'console:bad'") == [(0,)]


STATE = '{"step": "done", "case_id": null}'


@BOTH
async def test_concurrent_cases_go_in_bulk_and_a_bad_one_fails_alone(tmp_path: Path, process: bool) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path, process=process)
    n = 200

    try:
        results = await asyncio.gather(
            *(store.create_case(new_case(f"console:{i}"), STATE, number_key="case_id") for i in range(n)),
            store.create_case(new_case("console:bad"), None),  # type: ignore[arg-type]  # NOT NULL state
            *(store.create_case(new_case(f"console:{i}"), STATE, number_key="case_id") for i in range(n, 2 * n)),
            return_exceptions=True,
        )
        batches = store.batches
        assert isinstance(results[n], sqlite3.IntegrityError)
        ids = [r for i, r in enumerate(results) if i != n]
        assert sorted(ids) == list(range(1, 2 * n + 1))  # numbered in submission order, no gaps
        assert json.loads(await store.load_state("console:7")) == {"step": "done", "case_id": ids[7]}
        assert await store.load_state("console:bad") is None
    finally:
        await store.close()
    assert batches < n / 10, f"{2 * n} concurrent cases took {batches} transactions"
    assert rows(path, "SELECT count(*) FROM cases") == [(2 * n,)]
    assert rows(path, "SELECT count(*) FROM events WHERE kind = 'created'") == [(2 * n,)]
    assert rows(path, "SELECT count(*) FROM outbox") == [(2 * n,)]
    assert rows(path, "SELECT count(*) FROM cases WHERE user_key = 'console:bad'") == [(0,)]
    assert rows(path, "SELECT user_key FROM cases WHERE id = ?", (ids[n + 3],)) == [(f"console:{n + 3}",)]


async def test_naive_datetimes_are_refused(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "d.sqlite3")
    try:
        with pytest.raises(ValueError, match="timezone-aware"):
            await store.commit_turn("console:a", "hi", [], "{}", datetime(2026, 11, 24, 9, 0))
    finally:
        await store.close()


async def test_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    for _ in range(2):
        store = await SQLiteStore.open(path)
        await store.close()
    conn = connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        assert version >= 1
        assert migrate(conn) == version
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


async def test_two_processes_opening_a_fresh_file_migrate_it_once(tmp_path: Path) -> None:
    for attempt in range(20):  # the race is narrow: try it on several fresh files
        path = tmp_path / f"fresh{attempt}.sqlite3"
        stores = await asyncio.gather(*(SQLiteStore.open(path) for _ in range(4)))  # each migrates in its own thread
        for store in stores:
            await store.close()
        assert rows(path, "PRAGMA user_version")[0][0] >= 1


async def test_a_broken_migration_changes_nothing(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "001_a.sql").write_text("CREATE TABLE a (x INTEGER);")
    (migrations / "002_b.sql").write_text("CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);")
    conn = connect(tmp_path / "d.sqlite3")
    try:
        with pytest.raises(sqlite3.DatabaseError, match=r"002_b\.sql"):
            migrate(conn, migrations)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"a"}
    finally:
        conn.close()


@BOTH
async def test_closed_store_refuses_writes(tmp_path: Path, process: bool) -> None:
    store = await SQLiteStore.open(tmp_path / "d.sqlite3", process=process)
    await store.close()
    with pytest.raises(RuntimeError, match="closed"):
        await store.commit_turn("console:a", "hi", [], "{}", T0)


async def test_a_write_run_here_waits_for_every_write_sent_before_it_to_the_writer_process(tmp_path: Path) -> None:
    """Turns go to the writer process without waiting for its answers; a write run by this process's thread
    (a coordinator's claim, say) must still come after them."""
    store = await SQLiteStore.open(tmp_path / "d.sqlite3")

    def count(conn: sqlite3.Connection) -> int:
        return int(conn.execute("SELECT count(*) FROM conversations").fetchone()[0])

    try:
        for round_ in range(3):
            turns = [store.commit_turn(f"console:{round_}-{i}", "hi", [], "{}", T0) for i in range(200)]
            *_, seen = await asyncio.gather(*turns, store.write(count))
            assert seen == 200 * (round_ + 1)
    finally:
        await store.close()


def test_the_writer_process_takes_every_complete_frame_waiting_and_keeps_a_cut_one_for_later() -> None:
    read_end, write_end = os.pipe()
    try:
        frames = Frames(read_end)
        os.write(write_end, frame(b"one") + frame(b"two") + frame(b"three") + frame(b"four")[:5])
        assert frames.take() == [b"one", b"two", b"three"]
        os.write(write_end, frame(b"four")[5:])
        assert frames.take() == [b"four"]
        os.write(write_end, frame(b"five")[:6])
        os.close(write_end)
        assert frames.take() is None  # the sender is gone: its half frame is nobody's to answer
    finally:
        os.close(read_end)


def test_frames_waiting_together_are_one_transaction_in_the_writer_process(tmp_path: Path) -> None:
    """Three batches in the pipe when the process looks: one transaction, one answer with three outcome lists."""
    path = tmp_path / "d.sqlite3"
    migrate(connect(path))
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-m", "db.sqlite.process", str(path)], cwd=root, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(root)})
    assert proc.stdin is not None and proc.stdout is not None

    def answer() -> bytes:
        head = proc.stdout.read(4)  # type: ignore[union-attr]
        return proc.stdout.read(int.from_bytes(head, "big"))  # type: ignore[union-attr]

    try:
        assert answer() == b"ready"
        batches = [[Turn(f"console:{b}-{i}", "hi", ("yo",), "{}", "2026-11-24T00:00:00") for i in range(b + 1)]
                   for b in range(3)]
        proc.stdin.write(b"".join(frame(encode_ops(ops)) for ops in batches))
        proc.stdin.flush()
        groups = decode_outcomes(answer())
        assert [len(g) for g in groups] == [1, 2, 3] and all(ok for g in groups for ok, _ in g)
    finally:
        proc.stdin.close()
        assert proc.wait(10) == 0
    assert rows(path, "SELECT count(*) FROM conversations") == [(6,)]


async def test_a_dead_writer_process_fails_the_write_in_hand_and_a_new_one_takes_over(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path)
    try:
        await store.commit_turn("console:a", "1", [], '{"n": 1}', T0)
        first = store.writer_pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        with pytest.raises(sqlite3.OperationalError, match="writer process ended"):
            await store.commit_turn("console:a", "2", [], '{"n": 2}', T0)  # never answered: not acknowledged
        await store.commit_turn("console:a", "3", [], '{"n": 3}', T0)
        assert store.writer_pid not in (None, first)
        assert await store.load_state("console:a") == '{"n": 3}'
    finally:
        await store.close()
    assert rows(path, "SELECT text FROM messages WHERE user_key = 'console:a' ORDER BY id") == [("1",), ("3",)]


def test_the_checkpoint_process_copies_the_wal_into_the_file_and_ends_with_its_stdin(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    conn = connect(path)  # no automatic checkpoints: the rows stay in the WAL until someone copies them
    migrate(conn)
    conn.execute("INSERT INTO conversations (user_key, state, updated_at) VALUES ('console:a', '{}', 'now')")
    in_file = f"file:{path}?immutable=1"  # the database file alone, WAL ignored

    def copied() -> bool:
        reader = sqlite3.connect(in_file, uri=True)
        try:
            return reader.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1
        except sqlite3.OperationalError:  # even the tables are still only in the WAL
            return False
        finally:
            reader.close()

    assert not copied()
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-m", "db.sqlite.checkpoint", str(path), "0.05"], cwd=root,
                            stdin=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(root)})
    try:
        for _ in range(200):
            if copied():
                break
            time.sleep(0.05)
        assert copied()
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        assert proc.wait(10) == 0
        conn.close()


def test_the_checkpoint_waits_for_writes_to_pause_unless_the_wal_grows_past_its_cap() -> None:
    small, cap = 1 << 20, 64 << 20
    pacer = Pacer(version=7, cap=cap)
    assert pacer.due(7, small), "what the WAL held at start is copied at the first quiet look"
    assert not pacer.due(7, small), "nothing new: no pass"
    assert not pacer.due(8, small) and not pacer.due(9, small), "commits going on: wait"
    assert pacer.due(9, small), "quiet now: copy them"
    assert not pacer.due(9, small)
    assert pacer.due(10, small + cap), "a storm's WAL grown by the cap is copied while writes go on"
    # The storm goes on: the file keeps growing (nobody can start it over), and only what it gained counts.
    assert not pacer.due(11, 2 * small + cap) and not pacer.due(12, 2 * cap), "less than the cap since"
    assert pacer.due(13, small + 2 * cap), "the cap again since the last pass"
    assert pacer.due(13, small + 2 * cap), "and what was committed during that pass once it is quiet"
    assert not pacer.due(13, small + 2 * cap)
    # Quiet, the writer started the WAL over and cut it: smaller than at the last pass, all of it is new.
    assert not pacer.due(14, small)
    assert not pacer.due(15, 16 * small)
    assert pacer.due(16, 16 * small + cap - small), "grown by the cap since the file was cut"


async def test_closing_the_store_ends_its_processes(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "d.sqlite3")
    await store.commit_turn("console:a", "hi", [], "{}", T0)
    pids = [store.writer_pid, store.checkpoint_pid]
    assert all(pids)
    await store.close()
    for pid in pids:
        with pytest.raises(ChildProcessError):  # already waited for: gone, not a zombie or an orphan
            os.waitpid(pid, os.WNOHANG)


LOAD = """
import asyncio, json, sys
from datetime import UTC, datetime
from pathlib import Path
from db import NewCase, Store
from db.sqlite.store import SQLiteStore

async def parent(store, i):
    for turn in range(1000):
        at = datetime.now(UTC)
        if turn == 3:
            case = NewCase(user_key=f"u{i}", channel="console", service_id="daycare-365", site_id=None, urgent=False,
                           danger=False, area=None, children=(), summary={}, summary_text="", contact=None,
                           consent_at=None, created_at=at)
            case_id = await store.create_case(case, json.dumps({"turn": turn}))
            print(f"case u{i} {case_id}", flush=True)
        else:
            await store.commit_turn(f"u{i}", f"u{i} t{turn}", ["reply"], json.dumps({"turn": turn}), at)
            print(f"ack u{i} {turn}", flush=True)

async def main():
    store = await SQLiteStore.open(Path(sys.argv[1]), process=sys.argv[2] == "process")
    await asyncio.gather(*(parent(store, i) for i in range(50)))

asyncio.run(main())
"""


@BOTH
async def test_every_acknowledged_turn_survives_sigkill(tmp_path: Path, process: bool) -> None:
    root = Path(__file__).resolve().parent.parent
    path = tmp_path / "crash.sqlite3"
    writer = "process" if process else "thread"
    child = subprocess.Popen([sys.executable, "-c", LOAD, str(path), writer], cwd=root, stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(root)})
    acked: list[list[str]] = []
    try:
        while len(acked) < 2000:
            line = await asyncio.to_thread(child.stdout.readline)  # type: ignore[union-attr]
            assert line, "the load process ended early"
            acked.append(line.split())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL

    turns = {(user, int(n)) for kind, user, n in acked if kind == "ack"}
    cases = {user: int(case_id) for kind, user, case_id in acked if kind == "case"}
    assert cases, "the load created cases before the kill"
    inbound = rows(path, "SELECT user_key, text FROM messages WHERE direction = 'in'")
    stored = {(u, int(text.split()[1][1:])) for u, text in inbound}
    assert turns <= stored, f"{len(turns - stored)} acknowledged turns lost"
    by_user = dict(rows(path, "SELECT user_key, count(*) FROM cases GROUP BY user_key"))
    assert all(by_user[user] == 1 for user in cases)
    assert {u: i for i, u in rows(path, "SELECT id, user_key FROM cases") if u in cases} == cases
    last = {u: json.loads(s)["turn"] for u, s in rows(path, "SELECT user_key, state FROM conversations")}
    for user, n in turns:
        assert last[user] >= n
