"""Console sessions kept in memory: a random cookie token, its CSRF token, and logout after idle minutes."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

IDLE_MINUTES = 30
COOKIE = "dolbom_console"


@dataclass(slots=True)
class Session:
    name: str
    csrf: str
    seen: datetime


class Sessions:
    """A restart logs everyone out, which is the safe direction; nothing about a session is written to disk."""

    def __init__(self, clock: Callable[[], datetime], idle: timedelta = timedelta(minutes=IDLE_MINUTES)) -> None:
        self.clock = clock
        self.idle = idle
        self._by_token: dict[str, Session] = {}

    def start(self, name: str) -> str:
        now = self.clock()
        # Sessions nobody came back to are dropped here, so abandoned browsers do not pile up in memory.
        for stale in [t for t, x in self._by_token.items() if now - x.seen > self.idle]:
            del self._by_token[stale]
        token = secrets.token_urlsafe(32)
        self._by_token[token] = Session(name, secrets.token_urlsafe(32), self.clock())
        return token

    def get(self, token: str | None, *, active: bool = True) -> tuple[Session | None, str | None]:
        """The live session, or the name of the one this token held if it idled out. ``active``: the request is
        the person's doing, which restarts the idle timer (a live update reloading the rows by itself is not)."""
        session = self._by_token.get(token or "")
        if session is None:
            return None, None
        now = self.clock()
        if now - session.seen > self.idle:
            del self._by_token[token or ""]
            return None, session.name
        if active:
            session.seen = now
        return session, None

    def end(self, token: str | None) -> Session | None:
        return self._by_token.pop(token or "", None)

    def end_all(self, name: str) -> None:
        """A disabled account's open sessions end at once."""
        for token in [t for t, s in self._by_token.items() if s.name == name]:
            del self._by_token[token]


def csrf_ok(session: Session, sent: str | None) -> bool:
    return sent is not None and hmac.compare_digest(session.csrf, sent)
