"""Persistence: the SQLite store (conversation states, message log, cases and their follow-ups)."""

from db.models import CaseRow, Event, NewCase, Outcome, Status
from db.store import CasePlan, Store

__all__ = ["CasePlan", "CaseRow", "Event", "NewCase", "Outcome", "Status", "Store"]
