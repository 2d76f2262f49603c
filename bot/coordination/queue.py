"""The coordinator queue: who may act on which case and the case lifecycle (what parents ask: parents.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from bot.coordination import desks, lastday, replies, retention
from bot.coordination import texts as queue_texts
from bot.coordination.parents import ParentDesk, Refused
from bot.dialog.desk import FOLLOWUP_NO as FOLLOWUP_NO  # re-exported for callers of the queue
from bot.dialog.desk import FOLLOWUP_YES as FOLLOWUP_YES
from db import cases as sql
from db.models import OPEN_STATUSES, CaseRow, Event, NewCase, Outcome, Status, ts
from db.store import CasePlan, Store
from knowledge.coordinators import Coordinator, Coordinators

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class ClaimResult:
    won: bool
    holder: str | None
    case: CaseRow
    message: str


class Queue(ParentDesk):
    """Channel-independent case operations. Installs its planner on the store so every new case gets its
    notification and reminders in the case's own transaction. ``listeners`` are called after any write that
    adds outbox or follow-up rows (the dispatcher and follow-ups kick themselves with it)."""

    def __init__(self, store: Store, coordinators: Coordinators, *, tz: tzinfo, clock: Clock = utcnow,
                 retention_days: int = 90, purge_chunk: int | None = None) -> None:
        self.store = store
        self.purge_chunk = purge_chunk or store.purge_chunk
        """Cases per retention purge transaction; by default the store's (db/contract.py, db/postgres/store.py)."""
        self.coordinators = coordinators
        self.tz = tz
        self.clock = clock
        self.retention_days = retention_days
        self.listeners: list[Callable[[], None]] = []
        self.unseen = replies.Unseen(store)
        self._awaiting: set[str] = set()
        """Users with an asked, unanswered parent follow-up, so a '네' at any step queries only for them. Only this
        process asks and answers; entries are added on every ask, so none is ever missed."""
        self._checked: set[str] = set()
        """Users whose follow-ups were read once since the start (their first '네'). Reading every waiting user at
        the start instead took seconds with a million cases, and turns waited behind it."""
        store.planner = self.plan
        store.case_listeners.append(lambda _case_id: self.changed())

    def changed(self) -> None:
        for listener in self.listeners:
            listener()

    # -- timings ---------------------------------------------------------------------------------------

    def level(self, service_id: str | None, urgent: bool, danger: bool, care_date: object, at: datetime) -> str:
        if danger or service_id in self.coordinators.always_open:
            return "urgent"
        if urgent or care_date == at.astimezone(self.tz).date():
            return "today"
        return "normal"

    def reminder_due(self, level: str, after: datetime) -> datetime:
        """``after`` + the level's minutes; outside working hours moved to the next opening, except urgent."""
        due = (after + timedelta(minutes=getattr(self.coordinators.timings, level))).astimezone(self.tz)
        return due if level == "urgent" else self.coordinators.next_open(due)

    def plan(self, case: NewCase) -> CasePlan:
        level = self.level(case.service_id, case.urgent, case.danger, case.care_date, case.created_at)
        followups = [("unclaimed", self.reminder_due(level, case.created_at))]
        t = self.coordinators.timings
        last = lastday.last_care_day(case.care_date, case.summary)
        if last is not None and not case.danger:
            due = lastday.parent_due(last, t, self.tz)
            if due > case.created_at:
                followups.append(("parent", due))
        return CasePlan(notes=("new_case",), followups=tuple(followups))

    def answer_at(self, service_id: str | None, at: datetime, *, danger: bool = False) -> datetime | None:
        """When a person will next be on duty for a case of ``service_id`` (the control tower's hours for danger);
        None while someone is on duty now. A danger case is urgent at any hour, but nobody reads it sooner."""
        if not danger and service_id in self.coordinators.always_open:
            return None
        local = at.astimezone(self.tz)
        return None if self.coordinators.is_open(local) else self.coordinators.next_open(local)

    def when_answered(self, service_id: str | None, at: datetime, *, danger: bool = False) -> str | None:
        """For the parent: when a person will answer, if not now (None during hours and for 24-hour services)."""
        if danger or service_id in self.coordinators.always_open or self.coordinators.is_open(at.astimezone(self.tz)):
            return None
        return queue_texts.AFTER_HOURS.format(when=queue_texts.when(self.coordinators.next_open(at.astimezone(self.tz)),
                                                                   self.tz))

    # -- coordinators ----------------------------------------------------------------------------------

    def coordinator(self, name: str | None) -> Coordinator:
        found = self.coordinators.named(name) if name else None
        if found is None:
            raise Refused(queue_texts.NOT_A_COORDINATOR.format(name=name or ""))
        return found

    def _authorize(self, who: Coordinator, case: CaseRow) -> None:
        if not desks.handles(who, case):  # a second child's service's desk too
            control = ", ".join(c.name for c in self.coordinators.control())
            service = case.service_id or queue_texts.UNDECIDED
            raise Refused(queue_texts.NOT_YOURS.format(id=case.id, service=service, name=who.name, control=control))

    async def _case(self, case_id: int) -> CaseRow:
        case = await self.store.case(case_id)
        if case is None:
            raise LookupError(queue_texts.NO_SUCH_CASE.format(id=case_id))
        return case

    async def open_cases(self, name: str, *, service: str | None = None, status: Status | None = None,
                         urgent: bool | None = None, limit: int | None = None,
                         after: int | None = None) -> list[CaseRow]:
        """Open cases the coordinator may see (theirs, or all for the control tower), danger, urgent, then oldest
        first; ``limit`` at most, from the case after ``after`` in that order (a page: a CaseRow is made of each row
        read, about 15 us, and a city has a thousand open cases)."""
        where, values = self._open_where(name, service, status, urgent)
        if after is not None:
            # keyset: the cases that sort after case ``after``, found along the order's own columns
            where.append("(danger < (SELECT danger FROM cases WHERE id = ?) OR (danger = (SELECT danger FROM cases"
                         " WHERE id = ?) AND (urgent < (SELECT urgent FROM cases WHERE id = ?) OR (urgent ="
                         " (SELECT urgent FROM cases WHERE id = ?) AND id > ?))))")
            values += [after] * 5
        rows = await self.store.fetch(
            f"SELECT * FROM cases WHERE {' AND '.join(where)} ORDER BY danger DESC, urgent DESC, id"
            + ("" if limit is None else f" LIMIT {int(limit)}"), values)
        return [CaseRow.from_row(r) for r in rows]

    async def open_count(self, name: str, *, service: str | None = None, status: Status | None = None,
                         urgent: bool | None = None) -> int:
        where, values = self._open_where(name, service, status, urgent)
        return int((await self.store.fetch(f"SELECT count(*) FROM cases WHERE {' AND '.join(where)}", values))[0][0])

    def _open_where(self, name: str, service: str | None, status: Status | None,
                    urgent: bool | None) -> tuple[list[str], list[object]]:
        who = self.coordinator(name)
        where, values = ["status IN (?, ?, ?)"], list[object]()
        values += OPEN_STATUSES
        if not who.control:  # their services' cases, and cases with a child sent to one of them
            where.append(desks.for_service_sql(values, who.services))
        if service is not None:
            where.append(desks.for_service_sql(values, [service]))
        # filtered in SQL: a row read is a row parsed (CaseRow.from_row), and open cases are many
        for column, value in (("status", status), ("urgent", urgent)):
            if value is not None:
                where.append(f"{column} = ?")
                values.append(int(value) if isinstance(value, bool) else str(value))
        return where, values

    async def show(self, case_id: int, name: str) -> tuple[CaseRow, list[Event]]:
        case = await self._case(case_id)
        self._authorize(self.coordinator(name), case)
        rows = await self.store.fetch("SELECT * FROM events WHERE case_id = ? ORDER BY id", (case_id,))
        return case, [Event.from_row(r) for r in rows]

    async def claim(self, case_id: int, name: str) -> ClaimResult:
        who = self.coordinator(name)
        self._authorize(who, await self._case(case_id))
        now = self.clock()
        remind = ts(now + timedelta(minutes=self.coordinators.timings.not_contacted))
        result = await self.store.write(lambda c: sql.claim(c, case_id, who.name, ts(now), remind))
        self.changed()
        text = queue_texts.CLAIM_WON if result.holder == who.name else queue_texts.CLAIM_LOST
        return ClaimResult(result.holder == who.name, result.holder, await self._case(case_id),
                           text.format(id=case_id, who=result.holder))

    async def update(self, case_id: int, name: str, change: sql.Change, *, outcome: Outcome | None = None,
                     note: str | None = None) -> CaseRow:
        """Raises Refused, LookupError, sql.TransitionRefused or ValueError (resolve without outcome)."""
        who = self.coordinator(name)
        case = await self._case(case_id)
        self._authorize(who, case)
        at, remind = ts(self.clock()), self._remind_after_change(case)

        def write(conn: sqlite3.Connection) -> None:
            sql.change(conn, case_id, change, who.name, at, outcome=outcome, note=note, remind_at=remind)
            if change is sql.Change.REOPENED:  # the parent hears it too, in the same transaction
                replies.add(conn, case_id, "reopened", at)

        await self.store.write(write)
        if change is sql.Change.REOPENED:
            self.message_due(case.user_key)
        self.changed()
        return await self._case(case_id)

    def _remind_after_change(self, case: CaseRow) -> str:
        now = self.clock()
        level = self.level(case.service_id, case.urgent, case.danger, case.care_date, now)
        return ts(self.reminder_due(level, now))

    async def purge_expired(self) -> int:
        """Retention (bot/coordination/retention.py); returns the number of cases purged."""
        return await retention.purge(self.store, self.clock(), self.retention_days, self.purge_chunk)


question = replies.question
