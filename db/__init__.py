"""Persistence: the Store contract (db/contract.py), its SQLite (db/sqlite) and PostgreSQL (db/postgres) backends."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.contract import CasePlan, Store
    from db.models import CaseRow, Event, NewCase, Outcome, Status

__all__ = ["CasePlan", "CaseRow", "Event", "NewCase", "Outcome", "Status", "Store"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the writer process (python -m db.sqlite.process) loads this package and must stay light.
    if name in ("CasePlan", "Store"):
        from db import contract as store

        return getattr(store, name)
    if name in __all__:
        from db import models

        return getattr(models, name)
    raise AttributeError(f"module 'db' has no attribute {name!r}")
