"""Live updates: every open console gets a 'changed' event when any case changes (it then reloads its rows)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from typing import Any

PING_SECONDS = 15


class Live:
    """Subscribed to Queue.listeners. Each console has a one-slot mailbox, so a burst of changes while a console
    is busy costs it one reload, not one per change."""

    def __init__(self) -> None:
        self._boxes: set[asyncio.Queue[str]] = set()
        self.shared = Shared()

    @property
    def watching(self) -> int:
        return len(self._boxes)

    def changed(self) -> None:
        self.shared.changed()  # before anyone is told, so no console reloads into an old result
        for box in self._boxes:
            if box.empty():
                box.put_nowait("changed")

    async def stream(self) -> AsyncIterator[dict[str, str]]:
        box: asyncio.Queue[str] = asyncio.Queue(maxsize=1)
        self._boxes.add(box)
        try:
            yield {"event": "hello", "data": "ok"}
            while True:
                yield {"event": await box.get(), "data": "1"}
        finally:
            self._boxes.discard(box)


class Shared:
    """After a change, the consoles asking for the same rows (same scope, view, filters and minute) share one
    query: 50 open consoles reloading at once cost one read each kind, not fifty. Forgotten at every change."""

    LIMIT = 256

    def __init__(self) -> None:
        self._results: dict[Hashable, asyncio.Future[Any]] = {}

    def changed(self) -> None:
        self._results.clear()

    async def get(self, key: Hashable, make: Callable[[], Awaitable[Any]]) -> Any:
        found = self._results.get(key)
        if found is None:
            if len(self._results) >= self.LIMIT:
                self._results.clear()
            found = self._results[key] = asyncio.ensure_future(make())
            found.add_done_callback(lambda f: self._drop_failed(key, f))
        return await asyncio.shield(found)

    def _drop_failed(self, key: Hashable, done: asyncio.Future[Any]) -> None:
        """A failed read is not shared with later askers: they try again."""
        if (done.cancelled() or done.exception() is not None) and self._results.get(key) is done:
            del self._results[key]
