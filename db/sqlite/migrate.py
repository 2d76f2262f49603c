"""Schema migrations: db/sqlite/migrations/NNN_*.sql, applied in order above SQLite's ``user_version``."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def migrate(conn: sqlite3.Connection, directory: Path = MIGRATIONS) -> int:
    """Apply db/sqlite/migrations/NNN_*.sql above PRAGMA user_version, each file in its own transaction together
    with its version bump (user_version is transactional), so a failed file changes nothing. The version is
    read again under the write lock: two processes starting on a fresh file apply each file once."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for path in sorted(directory.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        if version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > current:
                # statement by statement: executescript() would COMMIT first and drop the lock we hold
                for statement in statements(path.read_text(encoding="utf-8")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
                current = version
                log.info("database migrated to version %d (%s)", version, path.name)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise sqlite3.DatabaseError(f"migration {path.name} failed: {exc}") from exc
    return current


def statements(script: str) -> list[str]:
    """Split a SQL script into complete statements (SQLite's own test, so ';' inside strings is safe)."""
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()):
        out.append(buffer.strip())  # a last statement without ';'
    return out
