"""The parents' side of the queue: their cases' status, deletion on request, coordinators' messages, follow-ups."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo

from bot.coordination import desks, lastday, late, replies
from bot.coordination import texts as queue_texts
from bot.coordination.replies import ParentMessage
from bot.dialog.core import Reply
from db import cases as sql
from db.models import OPEN_STATUSES, CaseRow, Status, ts
from db.store import Store
from knowledge.coordinators import Coordinator, Coordinators

CLOSING = timedelta(minutes=30)
"""As the dialog's promise.CLOSING: a desk closing sooner than this is not promised to answer '곧'."""


class Refused(PermissionError):
    """The person is not a configured coordinator, or the case is not theirs to act on; str() is Korean."""


class ParentDesk:
    """What parents ask of the queue (bot/coordination/queue.py's Queue is one), and coordinators' messages to them."""

    store: Store
    tz: tzinfo
    clock: Callable[[], datetime]
    unseen: replies.Unseen
    _awaiting: set[str]
    _checked: set[str]
    coordinators: Coordinators

    # provided by Queue
    def changed(self) -> None: ...
    def coordinator(self, name: str | None) -> Coordinator: ...
    def _authorize(self, who: Coordinator, case: CaseRow) -> None: ...
    async def _case(self, case_id: int) -> CaseRow: ...
    def _remind_after_change(self, case: CaseRow) -> str: ...
    def answer_at(self, service_id: str | None, at: datetime, *, danger: bool = False) -> datetime | None: ...

    async def status(self, user_key: str, service_names: Mapping[str, str] | None = None) -> str:
        """'접수 확인': the parent's cases (newest first) with status and what comes next."""
        found = await self.store.cases_for_user(user_key)
        if not found:
            return queue_texts.NO_CASES
        names = service_names or {}
        now = self.clock()
        return "\n\n".join(queue_texts.case_status(c, self.tz, names.get(c.service_id or ""),
                                                   later=self.answer_at(c.service_id, now, danger=c.danger),
                                                   names=names,
                                                   later_of={s: self.answer_at(s, now, danger=c.danger)
                                                             for s in desks.services(c)},
                                                   closing_of={s: self._closing(s, now, c.danger)
                                                               for s in (c.service_id, *desks.services(c))})
                            for c in found[:3])

    def _closing(self, service_id: str | None, now: datetime, danger: bool) -> datetime | None:
        """When the desk that is on duty now is next on duty again, if it closes within the half hour (no '곧')."""
        if self.answer_at(service_id, now, danger=danger) is not None:
            return None
        return self.answer_at(service_id, now + CLOSING, danger=danger)

    async def link(self, danger_case: int, case_id: int, note: str) -> None:
        """A parent who reported danger went on to an intake: the danger case gets the later case's facts (a
        note, its summary extended) and the control tower hears of it."""
        at = ts(self.clock())

        def link(conn: sqlite3.Connection) -> None:
            sql.change(conn, danger_case, sql.Change.NOTE, "parent", at, note=note)
            conn.execute("UPDATE cases SET summary_text = summary_text || ? WHERE id = ? AND purged_at IS NULL",
                         ("\n" + note, danger_case))
            sql.add_outbox(conn, danger_case, "status", at)

        await self.store.write(link)
        self.changed()

    async def note(self, case_id: int, note: str, days: Sequence[date] = ()) -> None:
        """A parent's correction after filing: a note in the case's history and a notification to its desks;
        ``days``, when the care days changed, moves the parent's follow-up to after the last of them."""
        now = self.clock()
        at = ts(now)

        def write(conn: sqlite3.Connection) -> None:
            sql.change(conn, case_id, sql.Change.NOTE, "parent", at, note=note)
            sql.add_outbox(conn, case_id, "status", at)
            if days:
                lastday.move_parent(conn, case_id, days, self.coordinators.timings, self.tz, now)

        await self.store.write(write)
        self.changed()

    async def forget(self, user_key: str) -> str:
        """'내 정보 삭제' after the parent confirmed: open cases withdrawn, personal fields and messages deleted."""
        at = ts(self.clock())

        def forget(conn: sqlite3.Connection) -> tuple[int, int]:
            open_before = conn.execute(
                "SELECT count(*) FROM cases WHERE user_key = ? AND status IN (?, ?, ?)", (user_key, *OPEN_STATUSES)
            ).fetchone()[0]
            ids, withdrawn = sql.withdraw_open(conn, user_key, at)
            sql.anonymise(conn, ids, at, "parent", announced=withdrawn)
            had = conn.execute("DELETE FROM conversations WHERE user_key = ?", (user_key,)).rowcount
            had += conn.execute("DELETE FROM messages WHERE user_key = ?", (user_key,)).rowcount
            late.forget(conn, user_key)
            return open_before, len(ids) + had

        open_count, total = await self.store.write(forget)
        await self.store.truncate_wal()
        self.store.drop_cached(user_key)
        self.changed()
        if not total:
            return queue_texts.FORGET_NOTHING
        # not '접수 0건은 취소되었고' to a parent who had none open
        return queue_texts.FORGET_DONE.format(n=open_count) if open_count else queue_texts.FORGET_DONE_NO_OPEN

    # -- messages to parents ---------------------------------------------------------------------------

    async def reply(self, case_id: int, by: str, text: str) -> ParentMessage:
        """A coordinator's words to the parent: the message (its own outbox row) and an event 'reply' whose note is
        the text (the case's own trail, scrubbed with it) in one transaction. Raises Refused (not theirs, or
        purged), LookupError or ValueError (empty text)."""
        who = self.coordinator(by)
        case = await self._case(case_id)
        self._authorize(who, case)
        if not (words := text.strip()):
            raise ValueError(queue_texts.REPLY_EMPTY)
        at = ts(self.clock())

        def write(conn: sqlite3.Connection) -> sqlite3.Row:
            message_id = replies.add(conn, case_id, "reply", at, text=words, by=who.name)
            if message_id is None:  # purged: nobody left to reach
                raise Refused(queue_texts.CASE_PURGED.format(id=case_id))
            sql.add_event(conn, case_id, at, who.name, "reply", note=words)
            return conn.execute("SELECT * FROM parent_messages WHERE id = ?", (message_id,)).fetchone()

        row = await self.store.write(write)
        self.message_due(case.user_key)
        self.changed()
        return ParentMessage.from_row(row)

    async def parent_messages(self, case_id: int) -> list[ParentMessage]:
        rows = await self.store.fetch("SELECT * FROM parent_messages WHERE case_id = ? ORDER BY id", (case_id,))
        return [ParentMessage.from_row(r) for r in rows]

    def message_due(self, user_key: str | None) -> None:
        """A message for this parent was written (here, or seen by the delivery runner's poll of other processes)."""
        self.unseen.due(user_key)

    async def pending_for_parent(self, user_key: str) -> list[Reply]:
        """Messages the parent has not seen, oldest first, marked shown (each is shown once): what a channel that
        could not push (or whose push failed or never arrived) shows with its next answer."""
        rows = await self.unseen.take(user_key, ts(self.clock()))
        if any(r["kind"] == "followup" for r in rows):
            self._awaiting.add(user_key)
        return [reply for r in rows for reply in replies.render_all(r)]

    async def keep_late(self, user_key: str, said: Sequence[Reply]) -> None:
        """A Kakao turn's replies that came after its answer (bot/coordination/late.py): a message to the parent,
        pushed where the Event API is set up and shown once at their next message on any worker."""
        if not said:
            return
        channel = user_key.split(":", 1)[0]
        at = ts(self.clock())
        await self.store.keep_late(user_key, late.kept(channel, said, at))  # written with the turn's state
        self.message_due(user_key)
        self.changed()

    def asked(self, user_key: str) -> None:
        """A follow-up question reached this parent by a push."""
        self._awaiting.add(user_key)

    async def awaiting_answer(self, user_key: str) -> bool:
        if not self.store.caches_states:  # other workers ask too (PostgreSQL): every '네' reads
            return bool(await self._asked(user_key))
        if user_key not in self._checked:
            asked = bool(await self._asked(user_key))
            if asked:
                self._awaiting.add(user_key)
            self._checked.add(user_key)
            return asked
        return user_key in self._awaiting and bool(await self._asked(user_key))

    async def _asked(self, user_key: str) -> list[sqlite3.Row]:
        return await self.store.asked_followup(user_key)

    async def answer_followup(self, user_key: str, yes: bool) -> str | None:
        """The parent's 예/아니오; 아니오 reopens the case with a note and notifies its coordinator.
        None when no follow-up question is waiting for this parent."""
        rows = await self._asked(user_key)
        if not rows:
            return None
        followup_id, case_id = rows[0]["id"], rows[0]["case_id"]
        case = await self._case(case_id)
        at = ts(self.clock())
        remind = self._remind_after_change(case)

        def answer(conn: sqlite3.Connection) -> bool:
            conn.execute("UPDATE followups SET answered_at = ?, answer = ? WHERE id = ?",
                         (at, "yes" if yes else "no", followup_id))
            sql.add_event(conn, case_id, at, "parent", "followup_answered", note=answer_note(yes))
            status = sql.current(conn, case_id)["status"]
            if not yes and status in (Status.RESOLVED, Status.CLOSED):
                sql.change(conn, case_id, sql.Change.REOPENED, "parent", at, note=queue_texts.FOLLOWUP_NOT_PLACED,
                           remind_at=remind)
            elif not yes:
                sql.change(conn, case_id, sql.Change.NOTE, "parent", at, note=queue_texts.FOLLOWUP_NOT_PLACED)
                sql.add_outbox(conn, case_id, "followup_no", at)
            # In the same transaction, so an ask committed after it is added after this discard, never lost.
            return conn.execute(
                "SELECT 1 FROM followups f JOIN cases c ON c.id = f.case_id WHERE c.user_key = ? AND f.kind = 'parent'"
                " AND f.asked_at IS NOT NULL AND f.answered_at IS NULL LIMIT 1", (user_key,)).fetchone() is not None

        if not await self.store.write(answer):
            self._awaiting.discard(user_key)
        self.changed()
        if yes:
            return queue_texts.PARENT_YES
        now = self.clock()
        later = self.answer_at(case.service_id, now, danger=case.danger)
        if later is not None:
            return queue_texts.PARENT_NO_LATER.format(id=case_id, when=queue_texts.when(later, self.tz))
        if (shut := self._closing(case.service_id, now, case.danger)) is not None:
            # 17:50 on a Friday: the desk is on duty for ten minutes more, so no '곧', but when it opens again
            return queue_texts.PARENT_NO_CLOSING.format(id=case_id, when=queue_texts.when(shut, self.tz))
        return queue_texts.PARENT_NO.format(id=case_id)


def answer_note(yes: bool) -> str:
    return queue_texts.FOLLOWUP_YES_NOTE if yes else queue_texts.FOLLOWUP_NO_NOTE
