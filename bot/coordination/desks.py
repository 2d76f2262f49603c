"""Which services' desks a case is for: its own service and every child's (two children, two services)."""

from __future__ import annotations

import orjson

from db.models import CaseRow
from knowledge.coordinators import Coordinator


def services(case: CaseRow) -> tuple[str, ...]:
    """The case's service first, then each child's other service, once each. A danger case is the control
    tower's alone, whatever its children's rankings said."""
    ids = [case.service_id] if case.danger else [case.service_id, *(c.get("service_id") for c in case.children)]
    return tuple(dict.fromkeys(s for s in ids if s))


def handles(who: Coordinator, case: CaseRow) -> bool:
    """The coordinator may see and act on the case: the control tower, or a desk of any of its services."""
    return who.control or any(who.handles(s) for s in services(case))


def child_like(service_id: str) -> str:
    """A LIKE pattern finding a child sent to ``service_id`` in the cases' ``children`` JSON, as both backends keep
    it (orjson, compact: db/contract.py): the second desk's queue finds the case without a column of its own."""
    return f"%{orjson.dumps({'service_id': service_id}).decode()[1:-1]}%"


def for_service_sql(column_values: list[object], service_ids: tuple[str, ...] | list[str]) -> str:
    """A WHERE part: the case's own service is one of ``service_ids``, or (not a danger case) a child's is;
    appends the parameters to ``column_values``."""
    if not service_ids:
        return "1 = 0"
    column_values += service_ids
    own = f"service_id IN ({', '.join('?' for _ in service_ids)})"
    column_values += [child_like(s) for s in service_ids]
    child = " OR ".join("children LIKE ?" for _ in service_ids)
    return f"({own} OR (danger = 0 AND ({child})))"
