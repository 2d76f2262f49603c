"""What to ask next: the first fact still missing, the pending question again, and a correction once the facts
stand (what changed, and a card only if the advice did)."""

from __future__ import annotations

from dataclasses import replace

from bot.dialog import also, labels, outside, present, texts
from bot.dialog.advice import ages_out, confirm_or_phone, recommend
from bot.dialog.children import ask_age, ask_which_kid, merged, unclear_kid
from bot.dialog.core import Reply
from bot.dialog.intake import Intake, Step
from bot.dialog.turn import Turn


def ask_next(t: Turn) -> Step:
    """Ask for the first thing still missing, or recommend when nothing is."""
    i = t.intake
    if not i.has_age:
        ask_age(t)
    elif away := ages_out(t):
        # No service takes the child: say so now, not after the day, hours and place were asked for nothing.
        t.replies += [Reply(text) for text in away]
        t.say(texts.AGE_OUT_MORE, texts.RESTART_CHOICES)
        return Step.DONE
    elif not i.has_time and (not i.has_day or i.day == t.now.date()) and "emergency" in t.u.need.situations and (
            now := outside.always_line(t.knowledge, texts.EMERGENCY_NOW)):
        # '남편이 쓰러져서 응급실이에요' at 02:00 (today's, routing.understand): the line that works now before any
        # question
        t.say(now)
        if i.has_day:
            t.say(texts.ASK_TIME, texts.TIME_CHOICES)
        else:
            t.say(texts.ASK_DAY, texts.DAY_CHOICES)
    elif not i.has_day and i.month is not None:
        t.say(texts.ASK_MONTH_DAY.format(month=i.month))
    elif not i.has_day:
        # hours already said ('4시부터 8시까지'): no '지금 바로' button, which would put the start at now
        t.say(texts.ASK_DAY, texts.DAY_CHOICES if i.start is None and i.end is None else texts.DAY_ONLY_CHOICES)
    elif not i.has_time and i.period in texts.HALF_NAMES:
        t.say(texts.ASK_TIME_HALF.format(half=texts.HALF_NAMES[i.period]), texts.TIME_CHOICES)
    elif not i.has_time:
        t.say(texts.ASK_TIME, texts.TIME_CHOICES)
    elif not i.has_place:
        t.say(texts.ASK_PLACE, texts.PLACE_CHOICES, ask_location=True)
    else:
        return recommend(t)
    return Step.COLLECT


def revise(t: Turn) -> Step:
    """A correction at the consent or confirm step: say what changed, and show a card only if the advice did."""
    if unclear_kid(t):
        return ask_which_kid(t)
    before, old = t.intake, [r.best for _, r in t.rankings()]
    t.intake = merged(t)
    also.take_named(t)
    if not (t.intake.has_age and t.intake.has_day and t.intake.has_time and t.intake.has_place):
        return ask_next(t)
    fields = labels.changed_fields(before, t.intake, t.now.date())
    if fixed := [text for had, text in fields if had]:
        t.say(texts.CHANGED.format(what=", ".join(fixed)))
    if noted := [text for had, text in fields if not had]:
        t.say(texts.NOTED.format(what=", ".join(noted)))
    if not fields:
        t.say(texts.NOTHING_CHANGED)
    new = [r.best for _, r in t.rankings()]
    same = [(b.service.id, b.site) for b in old if b] == [(b.service.id, b.site) for b in new if b]
    if not same or any(outside.age_out(who, k, t.knowledge) for (who, _), k in zip(t.rankings(), t.intake.kids,
                                                                                   strict=False)):
        return recommend(t)
    places = dict.fromkeys(present.place_of(r.best) for _, r, _ in t.shown() if r.best)
    t.say(texts.STILL_SAME.format(places=", ".join(places)))
    if t.intake.consent_at is not None:
        return confirm_or_phone(t)
    t.say(texts.CONSENT_AGAIN, texts.CONSENT_CHOICES)
    return Step.CONSENT


def resume(t: Turn) -> Step:
    """After '도움말' or '접수 확인' mid-way: the question the parent was answering, again with its buttons."""
    step = t.intake.step
    if step == Step.COLLECT and t.intake != Intake():
        return ask_next(t)
    if step == Step.CONSENT:
        t.say(texts.CONSENT_AGAIN, texts.CONSENT_CHOICES)
    elif step == Step.PHONE:
        t.say(texts.ASK_PHONE, texts.PHONE_CHOICES, ask_contact=True)
    elif step == Step.CONFIRM:
        t.say(texts.CONFIRM_AGAIN, texts.CONFIRM_CHOICES)
    elif step == Step.DONE and t.replies and not t.replies[-1].choices:
        i = t.intake  # declined with every fact said: consenting is still a tap away (within the 24 hours)
        declined = i.case_id is None and i.has_age and i.has_day and i.has_time and i.has_place
        t.replies[-1] = replace(t.replies[-1], choices=texts.DECLINED_CHOICES if declined else texts.RESTART_CHOICES)
    return step
