"""Words that work at every step ('처음부터', '취소', '도움말', '접수 확인', '내 정보 삭제'), the follow-up's 예/아니오,
and the welcome that opens a conversation."""

from __future__ import annotations

import re

from bot.dialog import texts, urgent
from bot.dialog.desk import FOLLOWUP_NO, FOLLOWUP_YES, CaseDesk
from bot.dialog.intake import Intake, Step
from bot.dialog.particles import ko
from bot.dialog.steps import ask_next, resume
from bot.dialog.turn import Turn

_ANY_GLOBAL = re.compile("|".join(re.escape(w) for w in (
    *texts.RESTART_WORDS, *texts.CANCEL_WORDS, *texts.HELP_WORDS, *texts.STATUS_WORDS, *texts.FORGET_WORDS)))
"""Any word that works at every step: most turns have none, and one search tells."""
_EMPTY = Intake()


async def followup_answer(t: Turn, desk: CaseDesk, raw: str) -> Step | None:
    """예/아니오 to '돌봄 연결이 잘 되셨나요?' goes to the queue, whatever step the intake is at."""
    yes = {FOLLOWUP_YES: True, FOLLOWUP_NO: False}.get(raw, t.u.yes)
    if yes is None or not await desk.awaiting_answer(t.inbound.address.key):
        return None
    answer = await desk.answer_followup(t.inbound.address.key, yes)
    if answer is None:
        return None
    t.say(answer)
    return t.intake.step


async def command(t: Turn, desk: CaseDesk) -> Step | None:
    """Words that work at any step. Returns the next step, or None to let the step's handler run."""
    word = t.compact
    short = len(word) <= 12
    if t.intake.step == Step.FORGET:
        return None
    if not (short and _ANY_GLOBAL.search(word)) and word not in texts.RESTART_WORDS:
        return welcome(t)
    if word in texts.RESTART_WORDS or (short and any(w in word for w in texts.RESTART_WORDS)):
        t.intake = Intake()
        t.say(texts.RESTARTED)
        return ask_next(t)
    if short and any(w in word for w in texts.CANCEL_WORDS) and t.intake.case_id is not None:
        # The case is filed and with a coordinator: '취소' here resets nothing the parent could mean.
        t.say(ko(texts.CANCEL_FILED, case_id=t.intake.case_id), texts.DONE_CHOICES)
        return t.intake.step
    if short and any(w in word for w in texts.CANCEL_WORDS):
        t.intake = Intake()
        t.say(texts.CANCELLED)
        return Step.COLLECT
    if short and any(w in word for w in texts.HELP_WORDS):
        t.say(texts.HELP)
        return resume(t)
    if short and any(w in word for w in texts.STATUS_WORDS):
        await urgent.status(t, desk)
        return resume(t)
    if short and any(w in word for w in texts.FORGET_WORDS):
        t.intake = t.intake.evolve(back_to=t.intake.step)
        t.say(texts.ASK_FORGET, texts.FORGET_CHOICES)
        return Step.FORGET
    return welcome(t)


def welcome(t: Turn) -> Step | None:
    """A greeting (or anything without facts) that opens a conversation gets the welcome and the first question."""
    if (t.intake == _EMPTY and not t.says_facts and not t.u.need.topics and not t.replies
            and texts.UNDER_6_MONTHS not in t.compact):
        t.say(texts.WELCOME)
        return ask_next(t)
    return None
