"""Crash: a bot process under load is killed with SIGKILL; after a restart nothing answered is lost or doubled."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.coordination.dispatch import Dispatcher, Note
from bot.coordination.followup import FollowUps
from bot.coordination.queue import Queue
from bot.dialog import texts
from bot.dialog.core import Address, Channel, Inbound
from bot.dialog.engine import Engine, FixedKnowledge
from bot.dialog.intake import Intake, Step
from db.models import ts
from db.sqlite.store import SQLiteStore
from db.store import Store
from knowledge.coordinators import Coordinators
from knowledge.loader import load

KST = ZoneInfo("Asia/Seoul")
BASE = datetime(2026, 11, 24, 14, 0, tzinfo=KST)
SPEED = 600
"""The child's clock runs ten minutes per real second, so reminders come due and fire under the load."""
WORKERS = 60
ANSWERED_BEFORE_KILL = 1500
SENT_BEFORE_KILL = 10
STAFF = Coordinators.model_validate({
    "coordinators": [{"name": "가족여성팀", "control": True}, {"name": "이담당", "services": ["daycare-365"]}],
    "timings": {"urgent": 1, "today": 1, "normal": 2, "escalate_after": 2, "max_reminders": 3,
                "not_contacted": 45, "parent_followup_days": 1, "parent_followup_hour": 10},
})
ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = (
    (("안녕하세요", None), ("3~5살", "4살"), ("오늘", "오늘"), ("저녁 (18시~22시)", "오후 6시부터 밤 10시까지"),
     ("율곡동", None), ("동의하고 접수", "동의"), ("채팅으로 받기", "채팅으로 받기"), ("네, 접수할게요", "네")),
    (("18개월 아기 내일 오전 9시부터 오후 6시까지요", None), ("대곡동이에요", None), ("동의하고 접수", "동의"),
     ("010-1234-5678", None), ("네, 접수할게요", "네")),
    (("초2 아이 오늘 오후 3시부터 7시까지 돌봄 필요해요", None), ("아포읍", None), ("동의하고 접수", "동의"),
     ("채팅으로 받기", "채팅으로 받기"), ("네, 접수할게요", "네")),
)
RECEIPT = re.compile(r"접수번호는 (\d+)번")


class FileNotifier:
    """Appends each notification's outbox id to a file with one write() each: the kernel keeps it through a SIGKILL."""

    name = "record"

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

    async def notify(self, note: Note) -> str | None:
        os.write(self.fd, f"{note.id}\n".encode())
        return None


class ListNotifier:
    name = "record"

    def __init__(self) -> None:
        self.sent: list[int] = []

    async def notify(self, note: Note) -> str | None:
        self.sent.append(note.id)
        return None


async def serve_until_killed(db: Path, sent: Path) -> None:
    """The child: engine, dispatcher and follow-ups on one SQLite file, WORKERS parents doing intakes non-stop.
    Each answered turn is printed (one line, flushed) only after engine.handle() returned it."""
    began = time.monotonic()

    def clock() -> datetime:
        return BASE + timedelta(seconds=(time.monotonic() - began) * SPEED)

    coordinators = STAFF
    store = await SQLiteStore.open(db)
    queue = Queue(store, coordinators, tz=KST, clock=clock)
    from bot.settings import Settings

    engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(load()), settings=Settings(db_path=db),
                    clock=clock)
    dispatcher = Dispatcher(store, coordinators, [FileNotifier(sent)], tz=KST, clock=clock, poll_seconds=0.05)
    queue.listeners.append(dispatcher.kick)
    scheduler = AsyncIOScheduler(timezone=KST)
    scheduler.start(paused=True)  # only the injected clock decides, through the sync after each new case
    followups = FollowUps(queue, scheduler=scheduler)
    dispatcher.start()
    await followups.start()

    async def parent(worker: int) -> None:
        for n in itertools.count():
            user = f"w{worker}-{n}"
            for i, (text, choice) in enumerate(SCRIPTS[(worker + n) % len(SCRIPTS)]):
                replies = await engine.handle(Inbound(Address(Channel.KAKAO, user), text=text, choice=choice))
                said = "\n".join(r.text for r in replies)
                receipt = RECEIPT.search(said)
                print(json.dumps({"user": f"kakao:{user}", "i": i, "logged": choice or text, "out": len(replies),
                                  "case": int(receipt.group(1)) if receipt else None}), flush=True)

    await asyncio.gather(*(parent(w) for w in range(WORKERS)))


def run_and_kill(db: Path, sent: Path) -> list[dict]:
    sent.touch()
    child = subprocess.Popen([sys.executable, "-m", "tests.test_reliability_crash", str(db), str(sent)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while len(lines) < ANSWERED_BEFORE_KILL or len(sent.read_bytes().split()) < SENT_BEFORE_KILL:
            line = child.stdout.readline()
            assert line, "the child died before the kill"
            assert time.monotonic() < deadline, "the child delivered too few notifications in time"
            lines.append(line)
        os.kill(child.pid, signal.SIGKILL)
        lines += child.stdout.readlines()  # what it printed before it died
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    answered = []
    for line in lines:
        try:
            answered.append(json.loads(line))
        except json.JSONDecodeError:  # only the last line can be cut by the kill
            assert line is lines[-1]
    return answered


async def test_sigkill_under_load_loses_and_doubles_nothing(tmp_path: Path) -> None:
    db, sent_file = tmp_path / "crash.sqlite3", tmp_path / "sent.txt"
    answered = run_and_kill(db, sent_file)
    sent_before = [int(x) for x in sent_file.read_text().split()] if sent_file.exists() else []
    receipts = {a["user"]: a["case"] for a in answered if a["case"] is not None}
    assert len(answered) >= ANSWERED_BEFORE_KILL and len(receipts) >= 20  # it really was mid-load

    # Restart, three days later: every reminder and parent follow-up is long due.
    now = BASE + timedelta(days=3)
    store = await SQLiteStore.open(db)
    try:
        coordinators = STAFF
        queue = Queue(store, coordinators, tz=KST, clock=lambda: now)
        scheduler = AsyncIOScheduler(timezone=KST)
        scheduler.start(paused=True)
        followups = FollowUps(queue, scheduler=scheduler)
        await followups.start()
        notifier = ListNotifier()
        dispatcher = Dispatcher(store, coordinators, [notifier], tz=KST, clock=lambda: now)
        while await dispatcher.run_once():
            pass

        # Every answered turn is in the database, in order; at most the turn in flight went further.
        logged: dict[str, list[str]] = defaultdict(list)
        for row in await store.fetch("SELECT user_key, text FROM messages WHERE direction = 'in' ORDER BY id"):
            logged[row["user_key"]].append(row["text"])
        by_user: dict[str, list[dict]] = defaultdict(list)
        for a in answered:
            by_user[a["user"]].append(a)
        for user, turns in by_user.items():
            assert [t["i"] for t in turns] == list(range(len(turns)))
            assert logged[user][: len(turns)] == [t["logged"] for t in turns], user
            assert len(logged[user]) <= len(turns) + 1
        replies_logged = Counter(r["user_key"] for r in await store.fetch(
            "SELECT user_key FROM messages WHERE direction = 'out'"))
        for user, turns in by_user.items():
            assert replies_logged[user] >= sum(t["out"] for t in turns)

        # Every case exists exactly once: one per parent who finished, the one their receipt named.
        cases = await store.fetch("SELECT id, user_key FROM cases")
        per_user = Counter(c["user_key"] for c in cases)
        assert max(per_user.values()) == 1
        owner = {c["id"]: c["user_key"] for c in cases}
        assert all(owner.get(case_id) == user for user, case_id in receipts.items())
        for row in await store.fetch("SELECT user_key, state FROM conversations"):
            intake = Intake.from_json(row["state"])
            if intake.step == Step.DONE:
                assert owner.get(intake.case_id) == row["user_key"]
        assert len(cases) - len(receipts) <= WORKERS  # committed cases whose receipt the kill cut off

        # Every notification delivered: each outbox row has its one delivery; a repeat is possible only for
        # the one send in flight at the kill (it carries the same outbox id, for the receiver to drop).
        outbox = [r["id"] for r in await store.fetch("SELECT id FROM outbox")]
        undone = await store.fetch("SELECT count(*) FROM outbox WHERE done_at IS NULL")
        assert undone[0][0] == 0
        deliveries = Counter(r["outbox_id"] for r in await store.fetch("SELECT outbox_id FROM deliveries"))
        assert set(deliveries) == set(outbox) and set(deliveries.values()) == {1}
        sends = Counter(sent_before + notifier.sent)
        assert set(sends) == set(outbox)
        assert sum(n - 1 for n in sends.values()) <= 1
        assert len(set(notifier.sent)) == len(notifier.sent)
        assert sent_before, "the child delivered nothing before it was killed"

        # Every due follow-up ran, once.
        due = await store.fetch("SELECT count(*) FROM followups WHERE due_at <= ? AND fired_at IS NULL"
                                " AND cancelled_at IS NULL", (ts(now),))
        assert due[0][0] == 0
        fired = await store.fetch("SELECT kind, count(*) AS n FROM followups WHERE fired_at IS NOT NULL GROUP BY kind")
        fired_by_kind = {r["kind"]: r["n"] for r in fired}
        events = {r["kind"]: r["n"] for r in await store.fetch("SELECT kind, count(*) AS n FROM events GROUP BY kind")}
        assert fired_by_kind.get("unclaimed", 0) == events.get("reminded", 0) + events.get("escalated", 0) > 0
        assert fired_by_kind.get("parent", 0) == events.get("followup_sent", 0)
        assert await followups.sync() == 0
        await followups.stop()
    finally:
        await store.close()


if __name__ == "__main__":
    asyncio.run(serve_until_killed(Path(sys.argv[1]), Path(sys.argv[2])))


class Killed(BaseException):
    """Stands for the process dying at this point (not an Exception: nothing may catch it on the way up)."""


@pytest.mark.parametrize("dies", ["before the case commits", "after the case commits"])
async def test_a_parent_who_got_no_answer_taps_again_and_gets_one_case(tmp_path: Path, dies: str) -> None:
    """The case and the turn that opens it are one transaction: whichever side of it the process dies on,
    the parent who saw no answer and taps "네" again ends up with exactly one case."""
    from bot.settings import Settings

    db = tmp_path / "again.sqlite3"

    async def start() -> tuple[Store, Engine]:
        store = await SQLiteStore.open(db)
        queue = Queue(store, STAFF, tz=KST, clock=lambda: BASE)
        engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(load()), settings=Settings(db_path=db),
                        clock=lambda: BASE)
        return store, engine

    address = Address(Channel.KAKAO, "tapped-twice")
    store, engine = await start()
    for text, choice in SCRIPTS[0][:-1]:
        await engine.handle(Inbound(address, text=text, choice=choice))
    create_case = store.create_case

    async def die(*args: Any, **kw: Any) -> int:
        if dies == "after the case commits":
            await create_case(*args, **kw)
        raise Killed

    store.create_case = die  # type: ignore[method-assign]
    with pytest.raises(Killed):
        await engine.handle(Inbound(address, text="네, 접수할게요", choice="네"))
    del store.create_case
    await store.close()

    store, engine = await start()  # restarted; the parent saw no answer and taps again
    try:
        replies = await engine.handle(Inbound(address, text="네, 접수할게요", choice="네"))
        cases = await store.cases_for_user(address.key)
        assert len(cases) == 1
        said = "\n".join(r.text for r in replies)
        if dies == "before the case commits":
            assert f"접수번호는 {cases[0].id}번" in said
        else:  # told it is done, not asked again
            assert texts.AFTER_DONE in said
    finally:
        await store.close()


async def test_a_follow_up_question_asked_before_a_restart_is_answered_after_it(tmp_path: Path) -> None:
    from bot.coordination import texts as queue_texts
    from bot.coordination.queue import FOLLOWUP_NO
    from bot.settings import Settings

    db = tmp_path / "asked.sqlite3"
    now = [BASE]

    async def start() -> tuple[Store, Queue, Engine]:
        store = await SQLiteStore.open(db)
        queue = Queue(store, STAFF, tz=KST, clock=lambda: now[0])
        engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(load()), settings=Settings(db_path=db),
                        clock=lambda: now[0])
        return store, queue, engine

    address = Address(Channel.KAKAO, "asked-then-restarted")
    store, queue, engine = await start()
    for text, choice in SCRIPTS[0]:
        replies = await engine.handle(Inbound(address, text=text, choice=choice))
    (case,) = await store.cases_for_user(address.key)
    now[0] = BASE + timedelta(days=2)
    scheduler = AsyncIOScheduler(timezone=KST)
    scheduler.start(paused=True)
    followups = FollowUps(queue, scheduler=scheduler)  # no pusher for Kakao: asked at the next message
    await followups.start()
    await followups.stop()
    replies = await engine.handle(Inbound(address, text="안녕하세요"))
    assert queue_texts.PARENT_QUESTION.format(id=case.id) in "\n".join(r.text for r in replies)
    await store.close()

    store, queue, engine = await start()
    try:
        replies = await engine.handle(Inbound(address, text="아니오", choice=FOLLOWUP_NO))
        assert queue_texts.PARENT_NO.format(id=case.id) in "\n".join(r.text for r in replies)
        again = await engine.handle(Inbound(address, text="아니오", choice=FOLLOWUP_NO))
        assert queue_texts.PARENT_NO.format(id=case.id) not in "\n".join(r.text for r in again)  # answered once
    finally:
        await store.close()
