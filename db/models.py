"""Typed rows of the store: what the dialog hands in (NewCase) and what readers get back (CaseRow, Event)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    NEW = "new"
    CLAIMED = "claimed"
    CONTACTED = "contacted"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Outcome(StrEnum):
    PLACED = "placed"
    REFERRED = "referred"
    NOT_PLACED = "not_placed"
    UNREACHABLE = "unreachable"
    WITHDRAWN = "withdrawn"


OPEN_STATUSES = (Status.NEW, Status.CLAIMED, Status.CONTACTED)
CASE_NUMBER = "{case_id}"
MAX_LOGGED_CHARS = 8000
"""Message log cap: a pasted 50 KB message is kept as its first part, not refused."""
"""Where the new case number goes in the reply that announces it (the number exists only once committed)."""


def ts(at: datetime) -> str:
    """One text form for every timestamp (UTC, microseconds) so SQL compares them as text."""
    if at.tzinfo is None:
        raise ValueError(f"timezone-aware datetime required, got naive {at!r}")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def parse_ts(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@dataclass(frozen=True, slots=True)
class NewCase:
    """A case as the dialog creates it. ``children`` items: {age_months, school_grade, service_id};
    ``summary`` is JSON-able (need window, recommendation with reasons, next best); ``summary_text`` is
    the Korean text a coordinator reads; ``contact`` is {route: 'chat'|'phone', phone} or None."""

    user_key: str
    channel: str
    service_id: str | None
    site_id: str | None
    urgent: bool
    danger: bool
    area: str | None
    children: tuple[Mapping[str, Any], ...]
    summary: Mapping[str, Any]
    summary_text: str
    contact: Mapping[str, Any] | None
    consent_at: datetime | None
    created_at: datetime
    care_date: date | None = None


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: int
    user_key: str | None
    channel: str
    service_id: str | None
    site_id: str | None
    urgent: bool
    danger: bool
    area: str | None
    children: tuple[dict[str, Any], ...]
    summary: dict[str, Any] | None
    summary_text: str | None
    contact: dict[str, Any] | None
    consent_at: datetime | None
    care_date: date | None
    created_at: datetime
    status: Status
    claimed_by: str | None
    claimed_at: datetime | None
    contacted_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    outcome: Outcome | None
    outcome_note: str | None
    reopened: int
    escalated: bool
    updated_at: datetime
    purged_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> CaseRow:
        return cls(
            id=r["id"],
            user_key=r["user_key"],
            channel=r["channel"],
            service_id=r["service_id"],
            site_id=r["site_id"],
            urgent=bool(r["urgent"]),
            danger=bool(r["danger"]),
            area=r["area"],
            children=tuple(json.loads(r["children"])),
            summary=None if r["summary"] is None else json.loads(r["summary"]),
            summary_text=r["summary_text"],
            contact=None if r["contact"] is None else json.loads(r["contact"]),
            consent_at=parse_ts(r["consent_at"]),
            care_date=None if r["care_date"] is None else date.fromisoformat(r["care_date"]),
            created_at=datetime.fromisoformat(r["created_at"]),
            status=Status(r["status"]),
            claimed_by=r["claimed_by"],
            claimed_at=parse_ts(r["claimed_at"]),
            contacted_at=parse_ts(r["contacted_at"]),
            resolved_at=parse_ts(r["resolved_at"]),
            closed_at=parse_ts(r["closed_at"]),
            outcome=None if r["outcome"] is None else Outcome(r["outcome"]),
            outcome_note=r["outcome_note"],
            reopened=r["reopened"],
            escalated=bool(r["escalated"]),
            updated_at=datetime.fromisoformat(r["updated_at"]),
            purged_at=parse_ts(r["purged_at"]),
        )


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    case_id: int
    at: datetime
    actor: str
    kind: str
    status_from: str | None
    status_to: str | None
    note: str | None

    @classmethod
    def from_row(cls, r: sqlite3.Row) -> Event:
        return cls(
            id=r["id"], case_id=r["case_id"], at=datetime.fromisoformat(r["at"]), actor=r["actor"],
            kind=r["kind"], status_from=r["status_from"], status_to=r["status_to"], note=r["note"],
        )
