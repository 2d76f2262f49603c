"""Case lifecycle in SQL: each function runs inside the writer's transaction, so check-then-change is atomic."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from db.models import OPEN_STATUSES, Outcome, Status


class Change(StrEnum):
    """What a coordinator (or the parent, or the system) does to a case; claiming has its own function."""

    CLAIMED = "claimed"
    """Only through ``claim``; listed so a refused claim can say what was refused."""
    CONTACTED = "contacted"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"
    RELEASED = "released"
    NOTE = "note"


ALLOWED: dict[Change, tuple[Status, ...]] = {
    Change.CLAIMED: (Status.NEW,),
    Change.CONTACTED: (Status.CLAIMED,),
    Change.RESOLVED: (Status.CLAIMED, Status.CONTACTED),
    Change.CLOSED: (Status.NEW, Status.CLAIMED, Status.CONTACTED, Status.RESOLVED),
    Change.REOPENED: (Status.RESOLVED, Status.CLOSED),
    Change.RELEASED: (Status.CLAIMED,),
    Change.NOTE: tuple(Status),
}


class CaseNotFound(LookupError):
    pass


class TransitionRefused(ValueError):
    def __init__(self, case_id: int, status: Status, change: Change) -> None:
        super().__init__(f"case {case_id} is {status}: cannot be {change}")
        self.case_id, self.status, self.change = case_id, status, change


@dataclass(frozen=True, slots=True)
class Claimed:
    won: bool
    holder: str | None
    """Who has the case now (the winner, or whoever already had it)."""


def current(conn: sqlite3.Connection, case_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise CaseNotFound(case_id)
    return row


def add_event(conn: sqlite3.Connection, case_id: int, at: str, actor: str, kind: str,
              status_from: str | None = None, status_to: str | None = None, note: str | None = None) -> None:
    conn.execute(
        "INSERT INTO events (case_id, at, actor, kind, status_from, status_to, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, at, actor, kind, status_from, status_to, note),
    )


def add_outbox(conn: sqlite3.Connection, case_id: int, kind: str, at: str) -> None:
    conn.execute("INSERT INTO outbox (case_id, kind, created_at, next_at) VALUES (?, ?, ?, ?)", (case_id, kind, at, at))


def add_followup(conn: sqlite3.Connection, case_id: int, kind: str, due: str, seq: int = 1) -> None:
    conn.execute("INSERT INTO followups (case_id, kind, due_at, seq) VALUES (?, ?, ?, ?)", (case_id, kind, due, seq))


def cancel_followups(conn: sqlite3.Connection, case_id: int, kinds: Iterable[str], at: str) -> None:
    for kind in kinds:
        conn.execute(
            "UPDATE followups SET cancelled_at = ? WHERE case_id = ? AND kind = ? AND fired_at IS NULL"
            " AND cancelled_at IS NULL", (at, case_id, kind),
        )


def claim(conn: sqlite3.Connection, case_id: int, who: str, at: str, remind_at: str) -> Claimed:
    """Exactly one of concurrent claimers wins: the first to run here finds 'new' and changes it."""
    row = current(conn, case_id)
    if row["status"] != Status.NEW:
        if row["claimed_by"] is None:
            raise TransitionRefused(case_id, Status(row["status"]), Change.CLAIMED)
        return Claimed(row["claimed_by"] == who, row["claimed_by"])
    conn.execute(
        "UPDATE cases SET status = 'claimed', claimed_by = ?, claimed_at = ?, updated_at = ? WHERE id = ?",
        (who, at, at, case_id),
    )
    add_event(conn, case_id, at, who, "claimed", Status.NEW, Status.CLAIMED)
    add_outbox(conn, case_id, "status", at)
    cancel_followups(conn, case_id, ["unclaimed"], at)
    add_followup(conn, case_id, "not_contacted", remind_at)
    return Claimed(True, who)


def change(conn: sqlite3.Connection, case_id: int, what: Change, who: str, at: str, *, outcome: Outcome | None = None,
           note: str | None = None, remind_at: str | None = None, announce: str | None = None) -> None:
    """Apply one change with its event row and outbox note (``announce`` overrides the note's kind).
    ``remind_at``: the follow-up a reopened or released case needs (unclaimed or not-contacted reminder)."""
    row = current(conn, case_id)
    before = Status(row["status"])
    if before not in ALLOWED[what] or (what is Change.REOPENED and row["purged_at"] is not None):
        raise TransitionRefused(case_id, before, what)  # a purged case has nobody left to contact
    if what is Change.CLAIMED:
        raise ValueError("claim a case with claim(), which settles concurrent claims")
    if what is Change.RESOLVED and outcome is None:
        raise ValueError("resolving a case needs an outcome")
    after = before
    sets: dict[str, object] = {"updated_at": at}
    if what is Change.CONTACTED:
        after, sets["contacted_at"] = Status.CONTACTED, at
        cancel_followups(conn, case_id, ["not_contacted"], at)
    elif what in (Change.RESOLVED, Change.CLOSED):
        after = Status.RESOLVED if what is Change.RESOLVED else Status.CLOSED
        sets["resolved_at" if what is Change.RESOLVED else "closed_at"] = at
        if outcome is not None:
            sets["outcome"], sets["outcome_note"] = str(outcome), note
        cancel_followups(conn, case_id, ["unclaimed", "not_contacted"], at)
    elif what is Change.REOPENED:
        after = Status.CLAIMED if row["claimed_by"] else Status.NEW
        sets.update(resolved_at=None, closed_at=None, outcome=None, outcome_note=None, reopened=row["reopened"] + 1)
    elif what is Change.RELEASED:
        after = Status.NEW
        sets.update(claimed_by=None, claimed_at=None)
        cancel_followups(conn, case_id, ["not_contacted"], at)
    sets["status"] = str(after)
    columns = ", ".join(f"{k} = ?" for k in sets)
    conn.execute(f"UPDATE cases SET {columns} WHERE id = ?", (*sets.values(), case_id))
    add_event(conn, case_id, at, who, str(what), before, after if after != before else None, note)
    if what is not Change.NOTE:
        add_outbox(conn, case_id, announce or ("reopened" if what is Change.REOPENED else "status"), at)
    if remind_at is not None and what in (Change.REOPENED, Change.RELEASED):
        add_followup(conn, case_id, "unclaimed" if after is Status.NEW else "not_contacted", remind_at)


GROUP = 500
"""Cases per statement of ``anonymise`` (SQLite takes up to 32,766 parameters, PostgreSQL 32,767)."""


def anonymise(conn: sqlite3.Connection, case_ids: Iterable[int], at: str, actor: str,
              announced: Collection[int] = ()) -> int:
    """Remove the personal fields of cases; what stays (service, area, ages, times, outcome) is anonymous.
    A 'purged' note lets notifiers scrub what they posted earlier (the Telegram card edits itself), except for
    cases in ``announced`` whose note (withdrawn) is already on its way and is rendered from the purged row."""
    ids = list(case_ids)
    # a statement per table for a group of cases, not per case: on PostgreSQL each statement is a round trip
    for start in range(0, len(ids), GROUP):
        group = ids[start:start + GROUP]
        each = f"({', '.join('?' for _ in group)})"
        if notes := [i for i in group if i not in announced]:
            conn.execute("INSERT INTO outbox (case_id, kind, created_at, next_at) SELECT id, 'purged', ?, ? FROM cases"
                         f" WHERE id IN ({', '.join('?' for _ in notes)}) ORDER BY id", (at, at, *notes))
        conn.execute("UPDATE cases SET user_key = NULL, contact = NULL, summary = NULL, summary_text = NULL,"
                     f" outcome_note = NULL, purged_at = ?, updated_at = ? WHERE id IN {each}", (at, at, *group))
        conn.execute(f"UPDATE events SET note = NULL WHERE case_id IN {each} AND note IS NOT NULL", group)
        conn.execute(f"UPDATE outbox SET payload = '{{}}' WHERE case_id IN {each} AND payload <> '{{}}'", group)
        # messages to the parent lose the parent and the words; unseen ones are never shown or pushed
        conn.execute("UPDATE pushes SET user_key = NULL WHERE message_id IN"
                     f" (SELECT id FROM parent_messages WHERE case_id IN {each})", group)
        conn.execute(f"UPDATE parent_messages SET user_key = NULL, text = NULL WHERE case_id IN {each}", group)
        # COALESCE: with the two columns, SQLite took followups_due and read every follow-up not fired yet (0.1 s a
        # statement once 80,000 were waiting) instead of the case's few along followups_case
        conn.execute(f"UPDATE followups SET cancelled_at = ? WHERE case_id IN {each} AND kind = 'parent'"
                     " AND COALESCE(fired_at, cancelled_at) IS NULL", (at, *group))
        conn.execute("INSERT INTO events (case_id, at, actor, kind) SELECT id, ?, ?, 'purged' FROM cases"
                     f" WHERE id IN {each} ORDER BY id", (at, actor, *group))
    return len(ids)


def withdraw_open(conn: sqlite3.Connection, user_key: str, at: str) -> tuple[list[int], list[int]]:
    """Close the user's open cases as withdrawn (the parent asked to delete their data);
    returns (all their cases, the ones withdrawn now)."""
    rows = conn.execute("SELECT id, status FROM cases WHERE user_key = ?", (user_key,)).fetchall()
    withdrawn = [r["id"] for r in rows if r["status"] in OPEN_STATUSES]
    for case_id in withdrawn:
        change(conn, case_id, Change.CLOSED, "parent", at, outcome=Outcome.WITHDRAWN, announce="withdrawn")
    return [r["id"] for r in rows], withdrawn


def add_access(conn: sqlite3.Connection, at: str, who: str, ip: str, action: str, case_id: int | None) -> None:
    """One line of the access log (접속기록): who did what to which case, from where; never personal content."""
    conn.execute("INSERT INTO access_log (at, who, ip, action, case_id) VALUES (?, ?, ?, ?, ?)",
                 (at, who, ip, action, case_id))
