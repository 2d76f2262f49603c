"""The live knowledge: the last good Knowledge, replaced whole when staff save a valid edit."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from knowledge.loader import DEFAULT_DIR, KnowledgeError, parse, paths_in, read
from knowledge.schema import Knowledge

log = logging.getLogger(__name__)

Listener = Callable[[Knowledge], object]


class KnowledgeSource:
    """Holds the last good Knowledge and reloads it when the files change.

    Readers take ``source.current`` and keep that frozen object for as long as they need it (a whole
    turn, say), so a reload never changes knowledge under work already in flight.
    """

    def __init__(self, directory: Path = DEFAULT_DIR) -> None:
        self.directory = directory
        self._paths = paths_in(directory)
        contents = read(self._paths)
        # At startup there is no last good knowledge to fall back to: a bad file stops the start.
        self._current = parse(contents, self._paths)
        self._digest = _digest(contents)
        self._listeners: list[Listener] = []

    @property
    def current(self) -> Knowledge:
        return self._current

    def subscribe(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(knowledge)`` after each change is installed; returns a function that unsubscribes.

        Callbacks are plain functions run on the event loop's thread, so they should only swap a reference
        or clear a cache, never block.
        """
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def reload(self) -> bool:
        """Re-read the files if their content changed; True only when a new Knowledge was installed."""
        try:
            contents = read(self._paths)
        except KnowledgeError as exc:
            log.error("지식 파일을 읽지 못해 이전 지식을 계속 씁니다: %s", exc)
            return False
        digest = _digest(contents)
        if digest == self._digest:
            return False
        # Remember the content even when it is bad, so one broken save logs once rather than every poll.
        self._digest = digest
        try:
            knowledge = parse(contents, self._paths)
        except KnowledgeError as exc:
            log.error("지식 파일 수정이 거부되어 이전 지식을 계속 씁니다 (edit refused, last good kept): %s", exc)
            return False
        self._current = knowledge
        log.info("지식 파일을 다시 읽었습니다: 서비스 %d개, 장소 %d개", len(knowledge.services), len(knowledge.places))
        for listener in list(self._listeners):
            try:
                listener(knowledge)
            except Exception:
                # One failing listener must not keep the others on stale knowledge.
                log.exception("지식 변경 알림 처리 중 오류 (listener %r failed)", listener)
        return True

    async def watch(self, poll_seconds: float) -> None:
        """Poll the files until cancelled; meant to run as a task next to the channels."""
        while True:
            await asyncio.sleep(poll_seconds)
            try:
                self.reload()
            except Exception:
                # Whatever goes wrong in one poll, the bot keeps serving and the next poll tries again.
                log.exception("지식 파일 확인 중 예기치 않은 오류 (unexpected error while polling knowledge)")


def _digest(contents: dict[str, bytes | None]) -> str:
    sha = hashlib.sha256()
    for name in sorted(contents):
        raw = contents[name]
        sha.update(name.encode() + (b"\0missing\0" if raw is None else b"\0%d\0" % len(raw) + raw))
    return sha.hexdigest()
