"""Retention: the personal fields of closed cases, old message logs and idle conversations are removed in chunks."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.dialog.casefile import UNCONSENTED_HOURS
from db.contract import Store
from db.models import ts
from db.retention import Purge

KEEP = ("consent_at", "case_id", "danger_case")
"""Keys of a saved conversation (bot/dialog/casefile.py) that keep it past the unconsented hours."""


def job(store: Store, now: datetime, retention_days: int, chunk: int) -> Purge:
    """What a purge at ``now`` removes, in transactions of at most ``chunk`` cases (``chunk`` * 10 log rows) and the
    store's time bound: a long one held the database's one writer for as long as it ran, and every parent's turn
    waited behind it."""
    return Purge(at=ts(now), cutoff=ts(now - timedelta(days=retention_days)),
                 idle_since=ts(now - timedelta(hours=UNCONSENTED_HOURS)), keep=KEEP, chunk=chunk,
                 step=min(store.purge_step, chunk), seconds=store.purge_seconds, prelude=store.purge_prelude)


async def purge(store: Store, now: datetime, retention_days: int, chunk: int) -> int:
    """Personal fields of cases closed more than ``retention_days`` ago, old message logs and idle conversations
    without consent are removed (db/retention.py). Returns the number of cases purged."""
    done = await store.purge(job(store, now, retention_days, chunk))
    if done.cases or done.removed:
        store.drop_cached()  # conversation states went behind the dialog's cache
    return done.cases
