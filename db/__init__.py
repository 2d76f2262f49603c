"""Persistence: the SQLite store (conversation states, message log and cases, and their follow-ups)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.models import CaseRow, Event, NewCase, Outcome, Status
    from db.store import CasePlan, Store

__all__ = ["CasePlan", "CaseRow", "Event", "NewCase", "Outcome", "Status", "Store"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the writer process (python -m db.process) loads this package and must stay light.
    if name in ("CasePlan", "Store"):
        from db import store

        return getattr(store, name)
    if name in __all__:
        from db import models

        return getattr(models, name)
    raise AttributeError(f"module 'db' has no attribute {name!r}")
