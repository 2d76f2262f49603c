"""Live updates: every open console gets a 'changed' event when any case changes (it then reloads its rows)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

PING_SECONDS = 15


class Live:
    """Subscribed to Queue.listeners. Each console has a one-slot mailbox, so a burst of changes while a console
    is busy costs it one reload, not one per change."""

    def __init__(self) -> None:
        self._boxes: set[asyncio.Queue[str]] = set()

    @property
    def watching(self) -> int:
        return len(self._boxes)

    def changed(self) -> None:
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
