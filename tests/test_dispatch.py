"""The outbox dispatcher: every notification delivered once per notifier, retried with backoff, crash-safe."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.coordination.dispatch import Action, Dispatcher, LogNotifier, Note
from bot.coordination.queue import Queue
from db import NewCase
from db.sqlite.store import SQLiteStore
from knowledge.coordinators import Coordinators
from tests.conftest import FakeClock

KST = ZoneInfo("Asia/Seoul")
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent
STAFF = Coordinators.model_validate({"coordinators": [
    {"name": "가족여성팀", "control": True},
    {"name": "이담당", "services": ["daycare-365"]},
    {"name": "박담당", "services": ["home-care"]},
]})



class Recorder:
    """A notifier that records notes; ``failures`` sends fail first."""

    def __init__(self, name: str = "rec", failures: int = 0) -> None:
        self.name = name
        self.failures = failures
        self.notes: list[Note] = []

    async def notify(self, note: Note) -> str | None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("channel down")
        self.notes.append(note)
        return f"msg-{len(self.notes)}"


def a_case(user_key: str = "telegram:42") -> NewCase:
    return NewCase(
        user_key=user_key, channel="telegram", service_id="daycare-365", site_id="daycare-365-yulgok", urgent=True,
        danger=False, area="율곡동", children=({"age_months": 48},), summary={},
        summary_text="만 4세, 오늘 18:00-22:00", contact={"route": "phone", "phone": "010-1111-2222"},
        consent_at=T0, created_at=T0, care_date=date(2026, 11, 24),
    )


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


async def test_new_case_note_reaches_service_and_control_tower(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "d.sqlite3")
    rec = Recorder()
    try:
        case_id = await store.create_case(a_case(), "{}")
        names = {"daycare-365": "365어린이집", "daycare-365-yulgok": "365어린이집 율곡"}
        dispatcher = Dispatcher(store, STAFF, [rec], tz=KST, clock=FakeClock(T0), service_names=names)
        assert await dispatcher.run_once() == 1
        assert await dispatcher.run_once() == 0
    finally:
        await store.close()
    [note] = rec.notes
    assert note.kind == "new_case" and note.case.id == case_id
    assert [c.name for c in note.recipients] == ["이담당", "가족여성팀"]
    assert note.actions == (Action.CLAIM, Action.CLOSE)
    assert f"#{case_id} [긴급]" in note.text
    assert "서비스: 365어린이집 · 365어린이집 율곡" in note.text
    assert "만 4세, 오늘 18:00-22:00" in note.text and "010-1111-2222" in note.text


async def test_failures_back_off_and_never_resend_what_went_out(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    store = await SQLiteStore.open(path)
    clock = FakeClock(T0)
    good, flaky = Recorder("good"), Recorder("flaky", failures=2)
    try:
        await store.create_case(a_case(), "{}")
        dispatcher = Dispatcher(store, STAFF, [good, flaky], tz=KST, clock=clock, backoff_seconds=5)
        await dispatcher.run_once()
        assert (len(good.notes), len(flaky.notes)) == (1, 0)
        await dispatcher.run_once()  # not due yet: backing off
        assert rows(path, "SELECT attempts FROM outbox") == [(1,)]
        clock.now += timedelta(seconds=5)
        await dispatcher.run_once()  # second failure: next wait 10 s
        clock.now += timedelta(seconds=9)
        await dispatcher.run_once()
        assert len(flaky.notes) == 0
        clock.now += timedelta(seconds=1)
        await dispatcher.run_once()
        assert (len(good.notes), len(flaky.notes)) == (1, 1)
    finally:
        await store.close()
    assert rows(path, "SELECT attempts, done_at IS NOT NULL, last_error FROM outbox") == [(2, 1, None)]
    assert sorted(rows(path, "SELECT notifier, external_id FROM deliveries")) == [("flaky", "msg-1"), ("good", "msg-1")]


async def test_later_notes_carry_the_first_message_id(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "d.sqlite3")
    rec = Recorder()
    try:
        queue = Queue(store, STAFF, tz=KST, clock=FakeClock(T0))
        case_id = await store.create_case(a_case(), "{}")
        dispatcher = Dispatcher(store, STAFF, [rec], tz=KST, clock=FakeClock(T0))
        await dispatcher.run_once()
        await queue.claim(case_id, "이담당")
        await dispatcher.run_once()
    finally:
        await store.close()
    assert [(n.kind, n.previous) for n in rec.notes] == [("new_case", None), ("status", "msg-1")]
    assert "담당: 이담당" in rec.notes[1].text and rec.notes[1].actions[0] is Action.CONTACTED


async def test_log_notifier_prints_the_card() -> None:
    out = io.StringIO()
    store_free_note = Note(1, "new_case", None, "🆕 새 돌봄 접수 #1", STAFF.control(), (Action.CLAIM,))  # type: ignore[arg-type]
    assert await LogNotifier(out).notify(store_free_note) is None
    assert "가족여성팀" in out.getvalue() and "새 돌봄 접수 #1" in out.getvalue() and "claim" in out.getvalue()


CHILD = textwrap.dedent("""
    import asyncio, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from zoneinfo import ZoneInfo
    from bot.coordination.dispatch import Dispatcher
    from db import NewCase, Store
    from db.sqlite.store import SQLiteStore
    from knowledge.coordinators import Coordinators

    class Hang:
        name = "rec"
        async def notify(self, note):
            print("sending", flush=True)
            await asyncio.sleep(3600)

    async def main():
        store = await SQLiteStore.open(Path(sys.argv[1]))
        t0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
        case = NewCase(user_key="telegram:42", channel="telegram", service_id="daycare-365", site_id=None,
                       urgent=False, danger=False, area=None, children=(), summary={}, summary_text="x",
                       contact=None, consent_at=None, created_at=t0)
        await store.create_case(case, "{}")
        print("committed", flush=True)
        staff = Coordinators.model_validate({"coordinators": [{"name": "관제", "control": True}]})
        await Dispatcher(store, staff, [Hang()], tz=ZoneInfo("Asia/Seoul"), clock=lambda: t0).run_once()

    asyncio.run(main())
""")


async def test_a_note_survives_a_kill_between_commit_and_send(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        lines = [await asyncio.to_thread(child.stdout.readline) for _ in range(2)]  # type: ignore[union-attr]
        assert lines == ["committed\n", "sending\n"]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL

    store = await SQLiteStore.open(path)
    rec = Recorder()
    try:
        assert len(await store.cases_for_user("telegram:42")) == 1
        dispatcher = Dispatcher(store, STAFF, [rec], tz=KST, clock=FakeClock(T0))
        await dispatcher.run_once()
        await dispatcher.run_once()
    finally:
        await store.close()
    assert [n.kind for n in rec.notes] == ["new_case"]
    assert rows(path, "SELECT count(*) FROM cases") == [(1,)]
    assert rows(path, "SELECT done_at IS NOT NULL FROM outbox") == [(1,)]
