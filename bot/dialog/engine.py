"""The dialog engine: one inbound message in, the replies out; turns are serialised per user and saved."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import lru_cache
from typing import Protocol

from bot.dialog import commands, outside, texts, urgent
from bot.dialog.advice import summary
from bot.dialog.casefile import new_case
from bot.dialog.core import OVERDUE, Choice, Inbound, Reply
from bot.dialog.desk import CaseDesk
from bot.dialog.flood import FloodGate
from bot.dialog.intake import Intake, Step
from bot.dialog.particles import ko
from bot.dialog.reading import MAX_TEXT, ask_half, read_turn
from bot.dialog.steps import STEPS, Context, Forget, NoteCase, OpenCase, Turn, resume
from bot.settings import Settings
from db.models import CASE_NUMBER, NewCase
from db.store import Store
from knowledge.schema import Knowledge
from routing.match import Ranking
from routing.understand import Understander, reader_for

log = logging.getLogger(__name__)

_EMPTY = Intake()


class KnowledgeHolder(Protocol):
    """Anything holding the current knowledge (the reloading KnowledgeSource, or a fixed one in tests)."""

    @property
    def current(self) -> Knowledge: ...


class FixedKnowledge:
    def __init__(self, knowledge: Knowledge) -> None:
        self.current = knowledge


class Engine:
    def __init__(
        self,
        *,
        store: Store,
        queue: CaseDesk,
        knowledge: KnowledgeHolder,
        settings: Settings,
        clock: Callable[[], datetime] | None = None,
        map_url: Callable[[str, str | None], str | None] | None = None,
        cache_size: int = 20_000,
        flood: FloodGate | None = None,
    ) -> None:
        self.store = store
        self.queue = queue
        self.knowledge = knowledge
        self.settings = settings
        self.clock = clock or (lambda: datetime.now(settings.tz))
        self._map_url = map_url
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}
        self._cache: OrderedDict[str, tuple[Intake, str | None]] = OrderedDict()
        self._cache_size = cache_size
        self._understander: tuple[Knowledge, Understander] | None = None
        self._ctx: tuple[Knowledge, Context] | None = None
        self.flood = flood
        store.state_listeners.append(self._drop)

    # -- the one public entry ---------------------------------------------------------------
    async def handle(self, inbound: Inbound) -> list[Reply]:
        key = inbound.address.key
        # Counted on arrival, not when the turn runs: a flood is about how fast messages come in.
        slow = self.flood is not None and self.flood.over(key, self.clock())
        lock = self._acquire(key)
        try:
            async with lock, self.store.turn(key):  # the store's lock: the user's turns in other workers
                return await self._turn(key, inbound, slow)
        finally:
            self._release(key)

    async def _turn(self, key: str, inbound: Inbound, slow: bool = False) -> list[Reply]:
        now = self.clock()
        knowledge = self.knowledge.current
        intake = await self._load(key)
        begun = intake != _EMPTY  # before this message's reading (which may note '밤' as the half of the day)
        intake, raw, text, label, u, over = read_turn(self.understander(knowledge), intake, inbound, now)
        pick = raw.removeprefix(texts.KID_PICK) if raw.startswith(texts.KID_PICK) else None
        t = Turn(self._context(knowledge), inbound, text, u, intake, now, knowledge, label, pick)
        if len(raw) > MAX_TEXT:
            t.say(texts.TOO_LONG)
        if u.danger:
            await urgent.report_danger(t, self.store, self.queue)
        if u.past:
            t.say(texts.PAST_WHEN.format(when=over) if over else texts.PAST)
        step = await commands.followup_answer(t, self.queue, raw)
        if step is None and u.yes is None and outside.not_korean(text):
            t.say(outside.not_korean_reply(knowledge))  # '4 years old, tomorrow 9am-5pm' too: facts or not
            if not t.says_facts:
                # mid-way, the question pending again with its buttons: a tap still answers it (Kakao drops them)
                step = resume(t) if t.intake != _EMPTY else t.intake.step
        if step is None and outside.answer_person(t):
            step = resume(t)  # the question the parent was answering, again with its buttons
            if t.intake == _EMPTY:
                t.say(texts.TOPIC_MORE)
        if step is None:
            step = await commands.command(t, self.queue)
        if step is None and u.ambiguous_hour is not None and not u.danger:
            step = ask_half(t, u.ambiguous_hour)
        if step is None:
            step = STEPS[t.intake.step](t)
        if u.danger and step == Step.COLLECT:
            urgent.then_care(t, begun=begun)
        opening = await self._perform(t)
        shown = next((r.choices for r in reversed(t.replies) if r.choices), ())
        t.intake = t.intake.evolve(step=step, offered=_offered(shown))
        # Messages that could not be pushed (Kakao without the Event API, a failed push) come with this answer:
        # words for the parent first, a question with buttons (the follow-up) last so its buttons stay.
        pending = await self.queue.pending_for_parent(key)
        t.replies[:0] = [m for m in pending if not m.choices]
        t.replies += [m for m in pending if m.choices]
        if slow:
            t.replies.insert(0, Reply(texts.SLOW_DOWN))
        # The channel answered without these replies (its time budget passed): they are kept with the turn (in its
        # transaction on PostgreSQL), so the parent's next message sees them on whichever worker takes it.
        late = OVERDUE.get()
        overdue = late is not None and late.passed
        if late is not None and overdue:
            late.handled = True
        if any(isinstance(e, Forget) for e in t.effects):
            # The deletion's own turn writes nothing back for this parent: no state, no messages (issue 16).
            self.forget_cached(key)
            return t.replies
        try:
            # kept before the commit, which writes them with the state (SQLite: the case number filled in there);
            # on a store that writes them in the turn's own transaction, after the case, its number in the replies
            early = overdue and (opening is None or self.store.late_with_case)
            if early:
                await self.queue.keep_late(key, t.replies)
            state = None
            if opening is None:
                state = t.intake.to_json()
                await self.store.commit_turn(key, raw[:MAX_TEXT], [r.text for r in t.replies], state, now)
            else:
                await self._commit_with_case(t, opening, key, raw[:MAX_TEXT])
                if overdue and not early:
                    await self.queue.keep_late(key, t.replies)
                if t.intake.danger_case is not None and t.intake.case_id is not None:
                    note = ko(texts.DANGER_LINK_NOTE, case_id=t.intake.case_id, summary=summary(t))
                    await self.queue.link(t.intake.danger_case, t.intake.case_id, note)
        except BaseException:
            self.forget_cached(key)  # the write may or may not have landed: read the state back next turn
            raise
        self._remember(key, t.intake, state)
        for effect in t.effects:
            if isinstance(effect, NoteCase):  # after the turn, like the danger link: the case is already there
                await self.queue.note(effect.case_id, effect.note, effect.days)
        return t.replies

    async def _perform(self, t: Turn) -> tuple[NewCase, Reply] | None:
        """Carry out the effects the steps decided on; returns the case to write with the turn, if one opens."""
        opening = None
        for effect in t.effects:
            if isinstance(effect, OpenCase):
                new = new_case(t.rankings(), t.intake, danger=False, address=t.inbound.address, message=t.text,
                               now=t.now)
                opening = (new, effect.announce)
            elif isinstance(effect, Forget):
                t.replies.insert(effect.at, Reply(await self.forget(t.inbound.address.key)))
        return opening

    def _context(self, knowledge: Knowledge) -> Context:
        """The steps' window on the world, one per knowledge (rebuilt when staff's edits load)."""
        if self._ctx is None or self._ctx[0] is not knowledge:
            reader = self.understander(knowledge)
            ctx = Context(retention_days=self.settings.retention_days, map_url=self.map_url,
                          suggest_places=reader.suggest_places,
                          when_answered=lambda service, at, danger: self.queue.when_answered(service, at,
                                                                                             danger=danger),
                          answer_at=lambda service, at, danger: self.queue.answer_at(service, at, danger=danger))
            self._ctx = (knowledge, ctx)
        return self._ctx[1]

    async def _commit_with_case(self, t: Turn, opening: tuple[NewCase, Reply], key: str, inbound: str) -> None:
        """The case, the turn's messages and the finished conversation in one transaction: if the process dies
        before it commits, nothing happened and the parent's repeated "네" opens the case once; after it, the
        conversation already says done. The case number, known only inside that transaction, is filled into
        the saved conversation and the reply that announces it."""
        new, reply = opening
        announce = next((i for i, r in enumerate(t.replies) if r is reply), None)
        case_id = await self.store.create_case(
            new, t.intake.to_json(), number_key="case_id", inbound=inbound,
            replies=[r.text for r in t.replies], announce=announce)
        t.intake = t.intake.evolve(case_id=case_id)
        t.replies = [_numbered(r, case_id) if i == announce else r for i, r in enumerate(t.replies)]


    # -- effects the steps decide on, and what they consult ------------------------------------
    async def forget(self, key: str) -> str:
        message = await self.queue.forget(key)
        self.forget_cached(key)
        return message

    def map_url(self, ranking: Ranking, intake: Intake) -> str | None:
        best = ranking.best
        if self._map_url is None or best is None:
            return None
        return self._map_url(best.service.id, best.site.area if best.site else intake.area)

    def understander(self, knowledge: Knowledge) -> Understander:
        if self._understander is None or self._understander[0] is not knowledge:
            self._understander = (knowledge, reader_for(knowledge))
        return self._understander[1]

    def prepared(self, knowledge: Knowledge) -> bool:
        return self._understander is not None and self._understander[0] is knowledge

    async def prepare(self, knowledge: Knowledge) -> None:
        """Compile the reader of ``knowledge`` in a thread before a turn needs it: its patterns take a second or more,
        which the first turn after start or after a knowledge edit paid on the event loop, stalling every
        parent's turn queued behind it."""
        reader = await asyncio.to_thread(reader_for, knowledge)
        if self._understander is None or self._understander[0] is not knowledge:
            self._understander = (knowledge, reader)


    # -- state: the database is the truth; this is the one cache of it, parsed (a turn needs no read) --
    async def _load(self, key: str) -> Intake:
        cached = self._cache.get(key)
        if cached is not None and self.store.caches_states:
            self._cache.move_to_end(key)
            return cached[0]
        raw = await self.store.load_state(key)
        if not raw:
            return Intake()
        if cached is not None and raw == cached[1]:
            # The state this worker wrote last, unchanged by any other: the same text parses to the same intake.
            self._cache.move_to_end(key)
            return cached[0]
        try:
            return Intake.from_json(raw)
        except (ValueError, KeyError, TypeError):
            log.exception("unreadable conversation state for %s; starting over", key)
            return Intake()

    def _remember(self, key: str, intake: Intake, state: str | None) -> None:
        """Keep the parsed state. Where other workers write this user's state too (PostgreSQL), every turn reads
        it, and ``state``, the text written (None when the store changed it on the way, as a case's number), tells
        whether what comes back is this one, which then needs no parsing."""
        if self.store.caches_states:
            self._cache[key] = (intake, None)
        elif state is not None:
            self._cache[key] = (intake, state)
        else:
            self._cache.pop(key, None)
            return
        self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def forget_cached(self, key: str) -> None:
        self._cache.pop(key, None)

    def _drop(self, key: str | None) -> None:
        """States changed in the file behind this cache (forget, retention purge, a failed write)."""
        if key is None:
            self._cache.clear()
        else:
            self._cache.pop(key, None)

    def _acquire(self, key: str) -> asyncio.Lock:
        lock, users = self._locks.get(key, (None, 0))
        lock = lock or asyncio.Lock()
        self._locks[key] = (lock, users + 1)
        return lock

    def _release(self, key: str) -> None:
        lock, users = self._locks[key]
        if users <= 1:
            del self._locks[key]
        else:
            self._locks[key] = (lock, users - 1)


@lru_cache(maxsize=1024)
def _offered(shown: tuple[Choice, ...]) -> tuple[tuple[str, str], ...]:
    """The (label, value) pairs a state keeps of the buttons shown. Buttons come from a few fixed lists, so
    the states held in memory share one tuple per list instead of a copy each."""
    return tuple((c.label, c.value) for c in shown)


def _numbered(reply: Reply, case_id: int) -> Reply:
    return replace(reply, text=reply.text.replace(CASE_NUMBER, str(case_id)))
