"""A child in danger: the emergency numbers before anything else and one case for the control tower; and what
'접수 확인' adds when nobody is on duty."""

from __future__ import annotations

from dataclasses import replace

from bot.dialog import labels, promise, texts
from bot.dialog.casefile import new_case
from bot.dialog.children import unclear_kid
from bot.dialog.core import Reply
from bot.dialog.desk import CaseDesk
from bot.dialog.intake import Intake, Step
from bot.dialog.turn import Turn
from db.store import Store


async def report_danger(t: Turn, store: Store, desk: CaseDesk) -> None:
    """112/119 and what to do now as the first reply, and one urgent case per conversation (a later intake
    case is linked to it); when the control tower is off duty, when it will read the case."""
    # '4살 아이가 혼자 있어요' with two children known: the step asks whose age it is; neither is overwritten here
    u = replace(t.u, children=()) if unclear_kid(t) else t.u
    if t.intake.has_day:
        # '지금 애가 경련해요' after the care window was given: its '지금' is when the danger is, not the care
        u = replace(u, need=replace(u.need, day=None, start=None, end=None, night=None, holiday=None,
                                    overnight=False))
        # ... and the step reading this message after it (the intake still being gathered) keeps the care window
        t.u = replace(t.u, need=u.need)
    intake = t.intake.merge(u)
    intake = intake.evolve(urgent=True, situations=tuple(dict.fromkeys((*intake.situations, "danger"))))
    case_id = intake.danger_case
    if case_id is None:
        # Saved with the case: a restart before the turn commits must not open a second urgent case.
        new = new_case(t.rankings(intake), intake, danger=True, address=t.inbound.address, message=t.text,
                       now=t.now)
        case_id = await store.create_case(new, intake.to_json(), number_key="danger_case")
    lines = [texts.DANGER.format(case_id=case_id)]
    at = desk.answer_at(None, t.now, danger=True)
    if at is not None and at > t.now:
        lines.append(texts.DANGER_LATER.format(when=labels.moment(at.astimezone(t.now.tzinfo))))
    elif (shut := desk.answer_at(None, t.now + promise.CLOSING, danger=True)) is not None:
        # 17:55 on a Friday: on duty for five minutes more, then Monday
        lines.append(texts.DANGER_CLOSING.format(when=labels.moment(shut.astimezone(t.now.tzinfo))))
    t.replies.insert(0, Reply("\n".join(lines)))
    t.intake = intake.evolve(danger_case=case_id)


def then_care(t: Turn, begun: bool) -> None:
    """After 112/119 while the intake is gathered: an intake ``begun`` before, or a message that asked for care too
    ('동생 봐줄 곳'), gets its next question, said why it is asked; a report of danger alone gets no question about
    the child's age or a day beside a seizure, only the offer to continue, with a button for it."""
    if not t.replies or not t.replies[-1].choices:
        return
    if begun:
        t.replies.insert(len(t.replies) - 1, Reply(texts.DANGER_THEN))
    elif texts.ASKS_CARE.search(t.text):
        t.replies.insert(len(t.replies) - 1, Reply(texts.DANGER_THEN_CARE))  # a question alone reads as unheard
    else:
        t.replies[-1] = Reply(texts.DANGER_THEN, texts.DANGER_CARE_CHOICES)


async def status(t: Turn, desk: CaseDesk) -> None:
    """The desk's answer, and the lines that work now when the care starts before anyone is on duty."""
    names = {s.id: s.name for s in t.knowledge.services}
    lines = [await desk.status(t.inbound.address.key, names)]
    i = t.intake
    if i.case_id is None and i.step in (Step.CONSENT, Step.PHONE, Step.CONFIRM):
        lines.append(texts.STATUS_IN_PROGRESS)  # the question below files it
    elif i == Intake():
        lines.append(texts.STATUS_START)
    first = next((r.best for _, r in t.rankings() if r.best), None) if i.case_id is not None else None
    if first is not None:
        at = desk.answer_at(first.service.id, t.now)
        starts = promise.care_starts(i, t.now)
        if at is not None and at > t.now and promise.too_late(starts, at):
            lines += promise.ways_now([(who, r) for who, r, _ in t.shown()], t.knowledge, t.now, starts)
    t.say("\n".join(lines))
