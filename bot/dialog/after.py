"""After filing or declining: a filed case corrected or added to, a change of mind, a new request."""

from __future__ import annotations

import re

from bot.dialog import labels, promise, texts
from bot.dialog.advice import answer_topic
from bot.dialog.answers import consents
from bot.dialog.aside import added_days, lapsed
from bot.dialog.asking import ask_next, revise
from bot.dialog.children import kid_marks, merged
from bot.dialog.filing import on_consent
from bot.dialog.intake import Intake, Step
from bot.dialog.particles import ko
from bot.dialog.turn import NoteCase, Turn


def on_done(t: Turn) -> Step:
    if answer_topic(t):
        return Step.DONE
    i = t.intake
    if i.case_id is None and i.has_age and i.has_day and (step := added_days(t)) is not None:
        return step  # declined a moment ago, and '내일도요': kept beside the day for a change of mind
    if t.says_facts and i.case_id is None and i.has_age and i.has_day and i.has_time and i.has_place:
        # Declined a moment ago and now correcting ('아 5살이에요'): the facts kept for the 24 hours stay.
        return revise(t)
    if i.case_id is not None and (step := added_days(t, filed=True)) is not None:
        return step  # '내일도 같은 시간에' after filing: that case, not a new intake asking the age again
    if t.says_facts and i.case_id is not None and (t.u.negated or _NO_START.match(t.compact)
                                                   or any(w in t.compact for w in texts.CORRECT_WORDS)):
        return fix_filed(t)
    if t.says_facts:
        # A new request after a finished one starts a fresh intake with what this message said.
        t.intake = Intake().merge(t.u, **kid_marks(t))
        return ask_next(t)
    if i.case_id is None and i.has_age and i.has_day and i.has_time and i.has_place and consents(t):
        return lapsed(t) or on_consent(t)  # declined a moment ago, and changed their mind: the facts are still here
    if any(w in t.compact for w in texts.THANKS_WORDS):
        t.say(texts.THANKS, texts.DONE_CHOICES if i.case_id is not None else texts.RESTART_CHOICES)
        return Step.DONE
    if i.case_id is None:  # declined, or no service takes the child: nothing was filed
        t.say(texts.AFTER_NOTHING_FILED, texts.RESTART_CHOICES)
        return Step.DONE
    t.say(texts.AFTER_DONE, texts.DONE_CHOICES)
    return Step.DONE


_NO_START = re.compile(r"(?:아+|어+|앗|아차)?[,.]?(?:아니|아뇨|아님)")
"""'아 아니다 …', '아뇨 …': a message that corrects what was just said."""


def fix_filed(t: Turn) -> Step:
    """'아 아니다 목요일이요' just after filing: the filed case is corrected (its coordinators hear what changed),
    not a new intake begun that asks the child's age again."""
    before, case_id = t.intake, t.intake.case_id
    t.intake = merged(t)
    fields = [text for _, text in labels.changed_fields(before, t.intake, t.now.date())]
    if not fields:
        t.say(texts.NOTHING_CHANGED, texts.DONE_CHOICES)
        return Step.DONE
    what = ", ".join(fields)
    t.effects.append(NoteCase(case_id, texts.FILED_FIX_NOTE.format(what=what),  # type: ignore[arg-type]
                            t.intake.care_days if t.intake.care_days != before.care_days else ()))
    lines = [ko(texts.FILED_FIX, case_id=case_id, what=what)]
    if later := promise.when_read(t):
        lines.append(later)  # when a person reads it: Monday 09:00, not now
    t.say("\n".join(lines), texts.DONE_CHOICES)
    return Step.DONE
