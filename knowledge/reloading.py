"""Staff-edited files served live: the last good value, replaced whole when a valid edit is saved."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Reloading(Generic[T]):
    """Holds the last good value of some files and reloads it when their content changes.

    Subclasses say how to read the raw content (``_read``) and how to turn it into a value (``_parse``, raising
    one of ``refused`` for a bad edit). Readers keep the frozen value they took from ``current`` for as long as
    they need it, so a reload never changes anything under work in flight.
    """

    what = "files"
    refused: tuple[type[Exception], ...] = (ValueError,)

    def __init__(self) -> None:
        raw = self._read()
        # At startup there is nothing to fall back to: a bad file stops the start.
        self._current: T = self._parse(raw)
        self._digest = _digest(raw)
        self._listeners: list[Callable[[T], object]] = []
        self.problem: str | None = None
        """Why the files on disk are not what is in use (unreadable, or an edit refused); None when they are."""
        self._refusal: str | None = None

    def _read(self) -> dict[str, bytes | None]:
        raise NotImplementedError

    def _parse(self, raw: dict[str, bytes | None]) -> T:
        raise NotImplementedError

    @property
    def current(self) -> T:
        return self._current

    def subscribe(self, callback: Callable[[T], object]) -> Callable[[], None]:
        """Call ``callback(value)`` after each change is installed; returns a function that unsubscribes.
        Callbacks run on the event loop's thread, so they should only swap a reference or clear a cache."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def reload(self) -> bool:
        """Re-read if the content changed; True only when a new value was installed."""
        try:
            raw = self._read()
        except self.refused as exc:
            log.error("%s: 읽지 못해 이전 내용을 계속 씁니다 (unreadable, last good kept): %s", self.what, exc)
            self.problem = f"unreadable, last good kept: {exc}"
            return False
        self.problem = self._refusal  # readable again: what remains is a refused edit still on disk, if any
        digest = _digest(raw)
        if digest == self._digest:
            return False
        # Remember the content even when it is bad, so one broken save logs once rather than every poll.
        self._digest = digest
        try:
            value = self._parse(raw)
        except self.refused as exc:
            log.error("%s: 수정이 거부되어 이전 내용을 계속 씁니다 (edit refused, last good kept): %s", self.what, exc)
            self.problem = self._refusal = f"edit refused, last good kept: {exc}"
            return False
        self._current, self.problem, self._refusal = value, None, None
        log.info("%s: 다시 읽었습니다 (reloaded)", self.what)
        for listener in list(self._listeners):
            try:
                listener(value)
            except Exception:
                # One failing listener must not keep the others on the stale value.
                log.exception("%s: 변경 알림 처리 중 오류 (listener %r failed)", self.what, listener)
        return True

    async def watch(self, poll_seconds: float) -> None:
        """Poll until cancelled; meant to run as a task next to the channels."""
        while True:
            await asyncio.sleep(poll_seconds)
            try:
                self.reload()
            except Exception:
                # Whatever goes wrong in one poll, the bot keeps serving and the next poll tries again.
                log.exception("%s: 확인 중 예기치 않은 오류 (unexpected error while polling)", self.what)


def _digest(contents: dict[str, bytes | None]) -> str:
    sha = hashlib.sha256()
    for name in sorted(contents):
        raw = contents[name]
        sha.update(name.encode() + (b"\0missing\0" if raw is None else b"\0%d\0" % len(raw) + raw))
    return sha.hexdigest()
