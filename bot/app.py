"""Assembly: the knowledge, the store and the engine, opened and closed together in one lifespan."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.engine import Engine
from bot.settings import Settings
from db.store import Store
from knowledge.source import KnowledgeSource


@dataclass
class App:
    settings: Settings
    knowledge: KnowledgeSource
    store: Store
    engine: Engine


@contextlib.asynccontextmanager
async def running(settings: Settings, clock: Callable[[], datetime] | None = None) -> AsyncIterator[App]:
    """Open everything the channels share; the knowledge is watched for staff edits while it runs."""
    source = KnowledgeSource(settings.knowledge_dir)
    store = await Store.open(settings.db_path)
    watcher = asyncio.create_task(source.watch(settings.knowledge_poll_seconds), name="knowledge-watch")
    try:
        engine = Engine(store=store, knowledge=source, settings=settings, clock=clock)
        yield App(settings, source, store, engine)
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        await store.close()
