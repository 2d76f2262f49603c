"""Shared fakes: an injected clock, the real engine on a temp SQLite file, and a scripted-conversation helper."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings

from bot.coordination.queue import Queue
from bot.dialog.core import Address, Channel, Inbound, Reply
from bot.dialog.engine import Engine, FixedKnowledge
from bot.settings import Settings
from db.sqlite.store import SQLiteStore
from db.store import Store, open_store
from knowledge.coordinators import Coordinators
from knowledge.coordinators import load as load_coordinators
from tests.postgres_server import server_url
from tests.shipped import SHIPPED

KST = ZoneInfo("Asia/Seoul")

# Property tests draw the same examples on every run (``make test`` and CI must not fail on a search's luck: a random
# draw found "오늘 1시부터 1시까지" at 03:00 one day and not the next). DOLBOM_HYPOTHESIS=explore searches afresh.
settings.register_profile("fixed", derandomize=True, print_blob=True)
settings.register_profile("explore", print_blob=True)
settings.load_profile("explore" if os.environ.get("DOLBOM_HYPOTHESIS") == "explore" else "fixed")


@dataclass
class FakeClock:
    """The time the code under test sees; tests move it instead of sleeping."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 24, 14, 0, tzinfo=KST))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({"DOLBOM_DB_PATH": str(tmp_path / "dolbom.sqlite3")}, dotenv=None)


@pytest.fixture(scope="session")
def knowledge():
    """The shipped knowledge, its reader compiled once on import of tests.shipped: not inside the first test's
    turn, where a Kakao turn's 3.5 s budget would count it."""
    return SHIPPED


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Admin URL of a PostgreSQL server for the whole run (tests/postgres_server.py; skips outside CI if none)."""
    with server_url() as url:
        yield url


@pytest.fixture
async def store(settings: Settings, request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    """The SQLite file; with DOLBOM_TEST_STORE=postgres the suite's dialog and queue tests run on PostgreSQL."""
    if os.environ.get("DOLBOM_TEST_STORE") == "postgres":
        from tests.postgres_server import fresh_database

        s: Store = await open_store(await fresh_database(request.getfixturevalue("pg_server")), settings.db_path)
    else:
        s = await SQLiteStore.open(settings.db_path)
    yield s
    await s.close()


@pytest.fixture(scope="session")
def coordinators() -> Coordinators:
    return load_coordinators()


@pytest.fixture
def queue(store: Store, settings: Settings, clock: FakeClock, coordinators: Coordinators) -> Queue:
    return Queue(store, coordinators, tz=settings.tz, clock=clock, retention_days=settings.retention_days)


@pytest.fixture
async def engine(store: Store, queue: Queue, settings: Settings, clock: FakeClock, knowledge) -> Engine:
    return Engine(store=store, queue=queue, knowledge=FixedKnowledge(knowledge), settings=settings, clock=clock)


class Chat:
    """A scripted conversation: ``await chat.say("4살")`` returns the replies; ``chat.text`` joins them."""

    def __init__(self, engine: Engine, user: str = "parent-1", channel: Channel = Channel.CONSOLE) -> None:
        self.engine = engine
        self.address = Address(channel, user)
        self.last: list[Reply] = []

    async def say(self, text: str = "", *, choice: str | None = None, **kw: object) -> list[Reply]:
        self.last = await self.engine.handle(Inbound(self.address, text=text, choice=choice, **kw))  # type: ignore[arg-type]
        return self.last

    async def tap(self, label: str) -> list[Reply]:
        """Press the button labelled ``label`` among the last replies' choices."""
        for reply in reversed(self.last):
            for c in reply.choices:
                if c.label == label:
                    return await self.say(c.label, choice=c.value)
        raise AssertionError(f"no button {label!r} in {[c.label for r in self.last for c in r.choices]}")

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.last)

    async def file(self, message: str) -> str:
        """The whole way to a filed case: the message, consent, replies by chat, confirmed; the last replies' text."""
        await self.say(message)
        await self.tap("동의하고 접수")
        await self.tap("채팅으로 받기")
        await self.tap("네, 접수할게요")
        assert "접수번호" in self.text, self.text
        return self.text

    async def expect(self, text: str, *contains: str) -> list[Reply]:
        replies = await self.say(text)
        for part in contains:
            assert part in self.text, f"after {text!r}: {part!r} not in\n{self.text}"
        return replies


@pytest.fixture
def chat(engine: Engine) -> Chat:
    return Chat(engine)
