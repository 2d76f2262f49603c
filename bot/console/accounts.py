"""Console logins: argon2 hashes, lockout after repeated wrong passwords, disabled accounts; roles stay in the YAML."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.console import texts
from db.models import parse_ts, ts
from db.store import Store
from knowledge.coordinators import Coordinators

MIN_LENGTH = 10
MAX_FAILURES = 5
LOCK_MINUTES = 15
_hasher = PasswordHasher()
# A hash to verify against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY = _hasher.hash("dolbom-no-such-account")


class AccountRefused(ValueError):
    """The account cannot be created or changed; str() is Korean for the command line."""


@dataclass(frozen=True, slots=True)
class Login:
    ok: bool
    message: str = ""
    """Korean text for the login page when not ok."""
    locked: bool = False


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    disabled: bool
    locked_until: datetime | None
    failures: int


class Accounts:
    def __init__(self, store: Store, coordinators: Callable[[], Coordinators], clock: Callable[[], datetime]) -> None:
        self.store = store
        self.coordinators = coordinators
        self.clock = clock

    async def add(self, name: str, password: str) -> None:
        """Create the login of a person in coordinators.yaml, or reset it (unlocks and re-enables)."""
        if self.coordinators().named(name) is None:
            raise AccountRefused(texts.NOT_IN_YAML.format(name=name))
        if len(password) < MIN_LENGTH:
            raise AccountRefused(texts.PASSWORD_SHORT.format(n=MIN_LENGTH))
        digest = _hasher.hash(password)
        at = ts(self.clock())
        await self.store.write(lambda c: c.execute(
            "INSERT INTO console_accounts (name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, failures = 0,"
            " locked_until = NULL, disabled_at = NULL, updated_at = excluded.updated_at", (name, digest, at, at)))

    async def disable(self, name: str) -> None:
        at = ts(self.clock())
        changed = await self.store.write(lambda c: c.execute(
            "UPDATE console_accounts SET disabled_at = ?, updated_at = ? WHERE name = ?", (at, at, name)).rowcount)
        if not changed:
            raise AccountRefused(texts.NO_ACCOUNT.format(name=name))

    async def list(self) -> list[Account]:
        rows = await self.store.fetch("SELECT * FROM console_accounts ORDER BY name")
        return [Account(r["name"], r["disabled_at"] is not None, parse_ts(r["locked_until"]), r["failures"])
                for r in rows]

    async def check(self, name: str, password: str) -> Login:
        """Verify a login; counts wrong passwords and locks the account at the fifth in a row."""
        now = self.clock()
        rows = await self.store.fetch("SELECT * FROM console_accounts WHERE name = ?", (name,))
        row = rows[0] if rows else None
        if row is None or self.coordinators().named(name) is None:
            _verify(_DUMMY, password)
            return Login(False, texts.LOGIN_WRONG)
        if row["disabled_at"] is not None:
            return Login(False, texts.LOGIN_DISABLED)
        locked = parse_ts(row["locked_until"])
        if locked is not None and locked > now:
            return Login(False, texts.LOGIN_LOCKED.format(minutes=_minutes_left(locked, now)), locked=True)
        if _verify(row["password_hash"], password):
            await self.store.write(lambda c: c.execute(
                "UPDATE console_accounts SET failures = 0, locked_until = NULL WHERE name = ?", (name,)))
            return Login(True)
        until = ts(now + timedelta(minutes=LOCK_MINUTES))

        def fail(conn: sqlite3.Connection) -> bool:
            # A lock that ran out starts a fresh count.
            conn.execute("UPDATE console_accounts SET failures = CASE WHEN locked_until IS NOT NULL THEN 1"
                         " ELSE failures + 1 END, locked_until = NULL WHERE name = ?", (name,))
            return conn.execute("UPDATE console_accounts SET locked_until = ? WHERE name = ? AND failures >= ?",
                                (until, name, MAX_FAILURES)).rowcount > 0

        if await self.store.write(fail):
            return Login(False, texts.LOGIN_LOCKED.format(minutes=LOCK_MINUTES), locked=True)
        return Login(False, texts.LOGIN_WRONG)


def _verify(digest: str, password: str) -> bool:
    try:
        return _hasher.verify(digest, password)
    except (VerificationError, InvalidHashError):
        return False


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))
