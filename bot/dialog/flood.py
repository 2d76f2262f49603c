"""A per-user token bucket: a parent who sends faster than anyone types is asked, once, to slow down."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

BURST = 10
"""Messages a parent may send at once without a notice (a pasted list, quick taps on buttons)."""
REFILL_PER_SECOND = 2.0
NOTICE_EVERY_SECONDS = 30.0
"""At most one notice per user in this window, however long the flood goes on."""
MAX_USERS = 50_000
"""Buckets kept; the least recently seen go first (an evicted user simply starts again with a full bucket)."""


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: datetime
    noticed: datetime | None = None


class FloodGate:
    """``over(key, now)`` is called once per message as it arrives and says whether this reply should carry
    the slow-down notice. It never refuses or delays a message: turns still run, in order, one at a time
    per user (the engine's lock); the notice only asks the parent to wait for the answers."""

    def __init__(self, *, burst: int = BURST, per_second: float = REFILL_PER_SECOND,
                 notice_every: float = NOTICE_EVERY_SECONDS, max_users: int = MAX_USERS) -> None:
        self.burst = burst
        self.per_second = per_second
        self.notice_every = notice_every
        self.max_users = max_users
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def over(self, key: str, now: datetime) -> bool:
        """Take one token for ``key``; True when the bucket was empty and no notice went out in the window."""
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
            while len(self._buckets) > self.max_users:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key)
            # A clock that goes backwards (an injected one, NTP) refills nothing rather than draining.
            elapsed = max((now - bucket.at).total_seconds(), 0.0)
            bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.per_second)
            bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return False
        if bucket.noticed is not None and (now - bucket.noticed).total_seconds() < self.notice_every:
            return False
        bucket.noticed = now
        return True

    def __len__(self) -> int:
        return len(self._buckets)
