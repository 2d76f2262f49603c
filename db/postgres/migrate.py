"""Schema migrations for PostgreSQL: db/postgres/migrations/NNN_*.sql, numbered like the SQLite ones they port."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LOCK = (0x646F6C62, 1)
"""Advisory lock key (classid 'dolb', 1) held while migrating: workers starting together apply each file once."""


async def migrate(conn: Any, directory: Path = MIGRATIONS) -> int:
    """Apply every NNN_*.sql not yet in schema_migrations, each in its own transaction with its row, under a
    session advisory lock (the next worker waits, then finds them applied). Returns the highest version.
    A SQLite migration NNN is ported as db/postgres/migrations/NNN_same_name.sql; the two lists keep one
    numbering, so a database of either kind says by its version which changes it has."""
    await conn.execute("SELECT pg_advisory_lock($1, $2)", *LOCK)
    try:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        done = {r[0] for r in await conn.fetch("SELECT version FROM schema_migrations")}
        for path in sorted(directory.glob("[0-9][0-9][0-9]_*.sql")):
            version = int(path.name[:3])
            if version in done:
                continue
            async with conn.transaction():
                await conn.execute(path.read_text(encoding="utf-8"))
                await conn.execute("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", version, path.name)
            done.add(version)
            log.info("database migrated to version %d (%s)", version, path.name)
        return max(done, default=0)
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1, $2)", *LOCK)
