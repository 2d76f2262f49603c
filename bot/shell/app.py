"""Assembly: knowledge, store, queue, engine, notifications, follow-ups and channels in one lifespan."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from starlette.routing import BaseRoute

from bot.caremap.web import map_link, map_routes
from bot.channels.kakao.push import KakaoPush
from bot.channels.kakao.skill import kakao_skill
from bot.console.core import Console
from bot.console.versions import KnowledgeVersions
from bot.console.web import console_routes
from bot.coordination import texts as queue_texts
from bot.coordination.delivery import ParentDelivery
from bot.coordination.dispatch import Dispatcher, LogNotifier, Notifier
from bot.coordination.followup import FollowUps
from bot.coordination.queue import Queue
from bot.coordination.where import nearest_area
from bot.dialog.core import Push
from bot.dialog.engine import Engine
from bot.dialog.flood import FloodGate
from bot.settings import Settings
from db.store import Store, open_store
from knowledge.coordinators import CoordinatorsSource
from knowledge.problems import KnowledgeError
from knowledge.schema import Knowledge
from knowledge.source import KnowledgeSource

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    knowledge: KnowledgeSource
    store: Store
    queue: Queue
    engine: Engine
    dispatcher: Dispatcher
    followups: FollowUps
    delivery: ParentDelivery
    console: Console
    routes: list[BaseRoute] = field(default_factory=list)

    async def problems(self) -> list[str]:
        """What keeps the bot from serving (for /healthz): the database cannot be written or its writer is gone,
        or no knowledge is loaded."""
        found = []
        if reason := await self.store.problem():
            found.append(reason)
        if not self.knowledge.current.services:
            found.append("knowledge: no services loaded")
        return found

    def warnings(self) -> list[str]:
        """What staff should fix while the bot still serves (for /healthz): a knowledge edit that was refused or
        files that cannot be read; the last good knowledge is in use meanwhile."""
        return [f"knowledge: {p}" for p in (self.knowledge.problem, self.console.versions.problem) if p]

    def add_push(self, push: Push) -> None:
        """A channel that can send unprompted receives messages to parents (replies, follow-up questions)."""
        self.delivery.pushers[str(push.channel)] = push


@contextlib.asynccontextmanager
async def running(
    settings: Settings,
    clock: Callable[[], datetime] | None = None,
    *,
    notifiers: list[Notifier] | None = None,
    telegram: bool = True,
    dispatch: bool = True,
) -> AsyncIterator[App]:
    """Open everything the channels share and start the background work; close it all in reverse order.
    ``telegram=False`` keeps Telegram off even when a token is configured (the terminal chat); ``dispatch=False``
    leaves the outbox to another process (`dolbom serve`): a parent's terminal shows no coordinator alerts."""
    source = KnowledgeSource(settings.knowledge_dir)
    staff = CoordinatorsSource(settings.coordinators_path)
    coordinators = staff.current
    store = await open_store(settings.database_url, settings.db_path, claim_seconds=settings.outbox_claim_seconds)
    # One clock from the top: every decision that reads time (turns, queue, follow-ups, purge, notifications,
    # the map's "open now") reads this one, so a pinned clock pins them all.
    now = clock or settings.clock()
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(store.close)
        # Knowledge applied through the console of any worker is in the database: on start this folder takes the
        # newest version if it differs, before anything below reads the knowledge.
        versions = KnowledgeVersions(store, settings.knowledge_dir, source)
        try:
            await versions.catch_up()
        except (OSError, KnowledgeError):  # e.g. a read-only folder: serve what it holds; the poll below retries
            log.exception("knowledge: the newest version could not be written to %s", settings.knowledge_dir)
        queue = Queue(store, coordinators, tz=settings.tz, clock=now,
                      retention_days=settings.retention_days)

        def link(service_id: str, area: str | None) -> str | None:
            return map_link(settings, service_id, area=area)

        engine = Engine(store=store, queue=queue, knowledge=source, settings=settings, clock=now, map_url=link,
                        flood=FloodGate())
        await engine.prepare(source.current)
        preparing: set[asyncio.Task[None]] = set()

        def prepare(knowledge: Knowledge) -> None:  # a reload installs new knowledge: compile its reader off the loop
            task = asyncio.get_running_loop().create_task(engine.prepare(knowledge))
            preparing.add(task)
            task.add_done_callback(preparing.discard)

        source.subscribe(prepare)
        # Service and site names for the cards coordinators read (the dispatcher looks both up by id).
        names = {s.id: s.name for s in source.current.services}
        names |= {site.id: site.name for s in source.current.services for site in s.sites}
        sinks: list[Notifier] = [LogNotifier(), *(notifiers or [])]
        dispatcher = Dispatcher(store, coordinators, sinks, tz=settings.tz, service_names=names,
                                clock=now, area_of=lambda case: nearest_area(source.current, case.summary))
        queue.listeners.append(dispatcher.kick)
        delivery = ParentDelivery(queue, daily_cap=settings.kakao_push_daily_cap,
                                  give_up_seconds=settings.kakao_push_give_up_minutes * 60)
        # `dolbom chat` (dispatch=False) leaves the retention purge to `dolbom serve`, as it does notifications.
        followups = FollowUps(queue, delivery=delivery, purge_hours=1.0 if dispatch else None)
        console = Console(store, queue, source, settings, queue.clock, versions)
        app = App(settings, source, store, queue, engine, dispatcher, followups, delivery, console)
        skill = kakao_skill(engine, settings, queue, queue_texts.EVENT_NOTHING_NEW)
        app.routes += skill.routes()
        stack.push_async_callback(skill.drain, 10.0)  # a late Kakao turn under way is kept before the store closes
        app.routes += map_routes(source, settings, now)
        app.routes += console_routes(console)
        if not store.caches_states:
            await _share_changes(app)
        if settings.kakao_can_push:
            kakao = KakaoPush(settings)
            stack.push_async_callback(kakao.close)
            delivery.events[str(kakao.channel)] = kakao
        if telegram and settings.telegram_bot_token:
            await _add_telegram(app, sinks, stack)

        # Staff edits to coordinators.yaml reach the queue and the dispatcher without a restart.
        staff.subscribe(lambda c: (setattr(queue, "coordinators", c), setattr(dispatcher, "coordinators", c)))
        staff.subscribe(console.roles_changed)
        for name, watched in (("knowledge-watch", source), ("coordinators-watch", staff)):
            watcher = asyncio.create_task(watched.watch(settings.knowledge_poll_seconds), name=name)
            stack.push_async_callback(_cancel, watcher)
        pulling = asyncio.create_task(versions.watch(settings.knowledge_poll_seconds), name="knowledge-versions")
        stack.push_async_callback(_cancel, pulling)
        if dispatch:  # `dolbom chat` neither alerts coordinators nor pushes to parents: `dolbom serve` does
            dispatcher.start()
            stack.push_async_callback(dispatcher.stop)
            await delivery.start()
            stack.push_async_callback(delivery.stop)
        await followups.start()
        stack.push_async_callback(followups.stop)
        yield app


async def _add_telegram(app: App, sinks: list[Notifier], stack: contextlib.AsyncExitStack) -> None:
    from bot.channels.telegram.chat import build_telegram
    from bot.channels.telegram.group import build_group

    channel = build_telegram(app.settings, app.engine)
    names = {s.id: s.name for s in app.knowledge.current.services}
    group = build_group(app.settings, channel.application, app.queue, service_names=names,
                        knowledge=lambda: app.knowledge.current)
    if group is not None:
        sinks.append(group)
        channel.menus.append(group.menu())
    app.add_push(channel)
    app.routes += channel.routes()
    # Telegram allows one poller per bot token: with several workers on one database only one polls.
    channel.polls = channel.webhook_mode or await app.store.sole("telegram-polling")
    if not channel.polls:
        log.warning("Telegram: another worker polls for updates; this one sends and serves everything else")
    await channel.start()
    stack.push_async_callback(channel.stop)
    if not channel.polls:
        stack.push_async_callback(_cancel, asyncio.create_task(_poll_when_free(app, channel), name="telegram-poller"))


async def _poll_when_free(app: App, channel: Any, seconds: float = 15.0) -> None:
    """Take over polling when the worker that polled is gone (its lock went with its database session)."""
    while not await app.store.sole("telegram-polling"):
        await asyncio.sleep(seconds)
    log.warning("Telegram: the polling worker is gone; this worker polls now")
    await channel.start_polling()


CHANGES = "dolbom_cases"
"""The NOTIFY channel that tells every worker on one PostgreSQL database that cases changed."""


async def _share_changes(app: App) -> None:
    """Several workers on one database: a change of cases on any worker reaches every worker's open consoles and
    wakes its dispatcher (LISTEN/NOTIFY; each worker hears its own notifications too, which its consoles coalesce)."""
    sending: set[asyncio.Task[None]] = set()

    def publish() -> None:
        task = asyncio.get_running_loop().create_task(app.store.publish(CHANGES, ""))
        sending.add(task)
        task.add_done_callback(sending.discard)

    app.queue.listeners.append(publish)
    await app.store.subscribe(CHANGES, lambda _payload: (app.console.live.changed(), app.dispatcher.kick()))


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
