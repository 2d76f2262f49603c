"""The reader and knowledge the reader-class tests share, loaded once, and what a message is read as."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from routing.command import describe
from routing.understand import Understander
from tests.shipped import READER, SHIPPED

KNOWLEDGE = SHIPPED
WORDS = Understander(KNOWLEDGE, learned=None)
"""The YAML words alone, without the learned danger reader: what a test of a word class reads with."""
KST = ZoneInfo("Asia/Seoul")


def described(text: str, now: datetime) -> dict:
    """``dolbom understand``'s JSON for a message sent at ``now``."""
    return describe(READER.read(text, now), KNOWLEDGE)


def first_service(text: str, now: datetime) -> str | None:
    """The service ``dolbom understand`` recommends first for a message sent at ``now`` (None: none ranked)."""
    services = described(text, now)["services"]
    return services[0] if services else None
