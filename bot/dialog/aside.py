"""What comes before a later step's own question: a danger report, a window that has ended, days added or taken
out, a past window said again."""

from __future__ import annotations

from dataclasses import replace

from bot.dialog import also, labels, texts
from bot.dialog.advice import confirm, confirm_or_phone, recommend
from bot.dialog.asking import ask_next, resume
from bot.dialog.children import merged
from bot.dialog.intake import Step
from bot.dialog.turn import Turn


def danger_only(t: Turn) -> Step | None:
    """A danger report at the consent, phone or confirm step (the 112/119 reply is already first): the question
    pending again, never a correction ('말씀하신 내용은 이미 그대로', '추천은 그대로예요' beside a seizure): its
    '지금' and the child's age describe the danger, not the care asked for."""
    if not t.u.danger:
        return None
    t.say(texts.DANGER_THEN)
    return resume(t)


def lapsed(t: Turn) -> Step | None:
    """Back at the consent, phone or confirm step (or to consent after declining) once the window said has ended:
    say so and ask the day again, keeping the rest; None while the window stands or the message gives a new day."""
    i = t.intake
    if i.case_id is not None or not i.ended(t.now) or t.u.need.day is not None:
        return None
    t.say(texts.PAST_KEPT.format(when=labels.when_label(i, t.now.date())))
    t.intake = i.evolve(day=None, start=None, end=None, night=None, holiday=None, urgent=False, time_skipped=False)
    if t.says_facts:
        t.intake = merged(t)
    return ask_next(t)


def added_days(t: Turn, filed: bool = False) -> Step | None:
    """'내일도 같은 시간에', '매주 화요일': days added to the window held, never written over it (also.py)."""
    if (gone := also.dropped(t)) is not None:
        first = t.intake.day
        also.drop(t, gone)  # '수요일은 빼 주세요': never read as Wednesday being the new day
        if t.intake.case_id is not None:
            return Step.DONE
        if not t.intake.has_day or t.intake.step == Step.COLLECT:
            return ask_next(t)
        if t.intake.day != first:  # the next day is the first now: its card, or the summary once consented
            return confirm_or_phone(t) if t.intake.consent_at is not None else recommend(t)
        return confirm(t) if t.intake.step == Step.CONFIRM else resume(t)
    if not filed and (day := also.asks_also(t)) is not None:
        buttons = also.answer_also(t, day)  # '주말에도 하나요?': answered, the day held kept
        step = confirm(t) if t.intake.step == Step.CONFIRM else resume(t)
        if t.replies[-1].choices or step == Step.COLLECT:
            t.replies[-1] = replace(t.replies[-1], choices=buttons + t.replies[-1].choices)
        return step
    more = also.added(t, filed)
    if more is None:
        return None
    also.add(t, *more)
    if t.intake.case_id is not None:
        return Step.DONE
    return confirm(t) if t.intake.step == Step.CONFIRM else resume(t)


def past_again(t: Turn) -> bool:
    """A window already over said once the summary stands: ask for the right one, not '네 또는 아니요'."""
    if t.u.past and not t.says_facts:
        t.say(texts.PAST_AGAIN)
        return True
    return False
