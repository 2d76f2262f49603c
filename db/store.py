"""Opens the store the settings name: the embedded SQLite file, or PostgreSQL by URL (several workers)."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from db.contract import CasePlan, Planner, Store, default_plan

__all__ = ["CasePlan", "Planner", "Store", "default_plan", "open_store"]
log = logging.getLogger(__name__)


async def open_store(url: str, path: Path, *, process: bool = True, claim_seconds: float = 60.0) -> Store:
    """``url`` empty: the SQLite file at ``path`` (needs nothing installed); ``postgresql://...``: PostgreSQL,
    whose workers hold the outbox rows they deliver for ``claim_seconds``."""
    if not url:
        from db.sqlite.store import SQLiteStore

        return await SQLiteStore.open(path, process=process)
    if url.startswith(("postgresql://", "postgres://")):
        from db.postgres.store import PostgresStore

        where = urlsplit(url)
        log.info("database: PostgreSQL %s:%s%s", where.hostname, where.port or 5432, where.path)  # no password
        return await PostgresStore.open(url, claim_seconds=claim_seconds)
    raise ValueError(f"DOLBOM_DATABASE_URL must be empty (SQLite) or postgresql://..., not {url.split(':')[0]}:...")
