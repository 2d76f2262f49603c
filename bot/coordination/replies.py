"""Messages to parents (coordinators' replies, the follow-up question, a reopened case): rows, SQL and wording."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.coordination import late
from bot.coordination import texts as queue_texts
from bot.dialog.core import Choice, Reply
from bot.dialog.desk import FOLLOWUP_NO, FOLLOWUP_YES

if TYPE_CHECKING:
    from db.store import Store

KINDS = ("reply", "followup", "reopened", "late")
STATES = ("waiting", "pushed", "shown", "failed")


@dataclass(frozen=True, slots=True)
class ParentMessage:
    """One message to a parent (a late Kakao turn's replies, kind 'late', have no case: ``case_id`` 0). ``state``:
    'waiting' (for a push, or for the parent's next message), 'pushed' (a push was accepted: a chat message sent,
    or a Kakao event that brings it), 'shown' (it reached the parent in an answer of ours), 'failed' (pushing was
    given up; it is still shown at the next message)."""

    id: int
    case_id: int
    kind: str
    text: str
    by: str | None
    created_at: datetime
    state: str

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> ParentMessage:
        text = "\n\n".join(r.text for r in render_all(row))
        return cls(row["id"], row["case_id"] or 0, row["kind"], text, row["by"],
                   datetime.fromisoformat(row["created_at"]), row["state"])


def render(row: sqlite3.Row | dict[str, object]) -> Reply:
    """What the parent sees: a reply with its case number and sender, the follow-up question with its buttons."""
    case_id, kind = row["case_id"], row["kind"]
    if kind == "followup":
        return question(int(str(case_id)))
    if kind == "reopened":
        return Reply(queue_texts.PARENT_REOPENED.format(id=case_id))
    return Reply(queue_texts.PARENT_REPLY.format(id=case_id, by=row["by"] or "", text=row["text"] or ""))


def render_all(row: sqlite3.Row | dict[str, object]) -> list[Reply]:
    """Every reply a message stands for: one, or a late Kakao turn's several (bot/coordination/late.py)."""
    return late.render(row) if row["kind"] == late.KIND else [render(row)]


def question(case_id: int) -> Reply:
    choices = (Choice(queue_texts.FOLLOWUP_YES_NOTE, FOLLOWUP_YES), Choice(queue_texts.FOLLOWUP_NO_NOTE, FOLLOWUP_NO))
    return Reply(queue_texts.PARENT_QUESTION.format(id=case_id), choices=choices)


# -- SQL, run inside the writer's transaction ------------------------------------------------------------
def add(conn: sqlite3.Connection, case_id: int, kind: str, at: str, *, text: str | None = None,
        by: str | None = None, followup_id: int | None = None) -> int | None:
    """Queue a message to the case's parent (the row is its own outbox: due for a push at once); None when
    the case has no parent left to reach (purged)."""
    case = conn.execute("SELECT user_key, channel FROM cases WHERE id = ?", (case_id,)).fetchone()
    if case is None or case["user_key"] is None:
        return None
    cur = conn.execute(
        "INSERT INTO parent_messages (case_id, user_key, channel, kind, text, by, followup_id, ref, created_at,"
        " next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, case["user_key"], case["channel"], kind, text, by, followup_id, secrets.token_urlsafe(12), at, at))
    return cur.lastrowid


def take_unshown(conn: sqlite3.Connection, user_key: str, at: str) -> list[sqlite3.Row]:
    """Every message the parent has not seen yet, oldest first, marked shown now (so each is shown once, in
    whichever answer takes it first: a Kakao event block's or the next message's). A follow-up question shown
    counts as asked."""
    rows = conn.execute("SELECT * FROM parent_messages WHERE user_key = ? AND shown_at IS NULL ORDER BY id",
                        (user_key,)).fetchall()
    for r in rows:
        # a late reply's words go once shown: the message log keeps what the parent was told
        conn.execute("UPDATE parent_messages SET shown_at = ?, state = 'shown', sending_at = NULL,"
                     " text = CASE WHEN kind = 'late' THEN NULL ELSE text END WHERE id = ?", (at, r["id"]))
        if r["followup_id"] is not None:
            conn.execute("UPDATE followups SET asked_at = COALESCE(asked_at, ?) WHERE id = ?", (at, r["followup_id"]))
    return rows


class Unseen:
    """Parents with messages not shown yet, so the check on every parent's message needs no query: loaded once,
    then told of every write (this process's, and other processes' through the delivery runner's poll). Each
    parent has a count of writes seen, so a write during a take is never forgotten."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._counts: dict[str, int] = {}
        self._loaded = False

    def due(self, user_key: str | None) -> None:
        if user_key is not None:
            self._counts[user_key] = self._counts.get(user_key, 0) + 1

    async def take(self, user_key: str, at: str) -> list[sqlite3.Row]:
        """The parent's unseen messages, marked shown in one write."""
        if not self._loaded:
            for row in await self.store.fetch(
                    "SELECT DISTINCT user_key FROM parent_messages WHERE shown_at IS NULL AND user_key IS NOT NULL"):
                self._counts.setdefault(row[0], 1)
            self._loaded = True
        seen = self._counts.get(user_key)
        # Other workers write messages too (PostgreSQL): there this process's counts are not the whole truth.
        if seen is None and (self.store.caches_states or not await self.store.has_unshown(user_key)):
            return []
        rows = await self.store.write(lambda c: take_unshown(c, user_key, at))
        if seen is not None and self._counts.get(user_key) == seen:  # nothing written for them meanwhile
            del self._counts[user_key]
        return rows
