"""The dialog steps, one pure handler each, laid out in one table: a handler reads the turn and returns the next
step, having added the replies and the effects (open a case, forget the parent) that the engine then performs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.dialog import also, labels, outside, present, promise, texts
from bot.dialog.advice import (
    ages_out,
    answer_topic,
    confirm,
    confirm_or_phone,
    more,
    next_step_text,
    recommend,
)
from bot.dialog.answers import (
    PHONE,
    asks_name,
    consents,
    correction,
    missing,
    spoken_phone,
)
from bot.dialog.casefile import UNCONSENTED_HOURS
from bot.dialog.children import ask_age, ask_which_kid, kept, kid_marks, merged, recount, recounted, unclear_kid
from bot.dialog.core import Choice, Reply
from bot.dialog.intake import Intake, Step
from bot.dialog.particles import ko
from bot.dialog.reading import named_month
from bot.dialog.turn import Context, Effect, Forget, NoteCase, OpenCase, Turn
from db.models import CASE_NUMBER

__all__ = ["STEPS", "Context", "Effect", "Forget", "NoteCase", "OpenCase", "Turn", "ask_next", "resume"]

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
    elif not i.has_day and "emergency" in t.u.need.situations and (
            now := outside.always_line(t.knowledge, texts.EMERGENCY_NOW)):
        # '남편이 쓰러져서 응급실이에요' at 02:00: the line that works now before any question
        t.say(now)
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


def on_collect(t: Turn) -> Step:
    if answer_topic(t):
        return Step.COLLECT
    if (step := added_days(t)) is not None:
        return step
    said = {c.age_months for c in t.u.children}
    if texts.UNDER_6_MONTHS in t.compact and said <= {None, 6} and not t.u.need.day:
        t.say(texts.ASK_MONTHS, texts.MONTH_CHOICES)
        return Step.COLLECT
    if t.compact in texts.TOWNSHIP_WORDS:
        towns = [p.name for p in t.knowledge.places if p.name[-1] in "읍면"]
        t.say(texts.ASK_TOWNSHIP, tuple(Choice(name, name) for name in towns), ask_location=True)
        return Step.COLLECT
    if unclear_kid(t):
        return ask_which_kid(t)
    before = t.intake
    if (count := recount(t)) is not None:  # '아 아니 둘이에요' after '아이 셋인데요'
        t.intake = t.intake.evolve(kids=recounted(t.intake.kids, count))
    t.intake = merged(t, label=t.label)
    also.take_named(t)  # '다음 주 월요일부터 금요일까지': Monday, and the days after it kept beside
    if not before.has_time and before.has_day and any(w in t.compact for w in texts.SKIP_TIME_WORDS):
        t.intake = t.intake.evolve(time_skipped=True)
    elif t.intake != before and (asked := missing(before)) is not None:
        fields = labels.changed_fields(before, t.intake, t.now.date())
        if fixed := [text for had, text in fields if had]:  # '아 아니 4살이요', '아니 모레요 오후 2시부터'
            t.say(texts.CHANGED.format(what=", ".join(fixed)))
        noted = [text for had, text in fields if not had]
        if noted and asked == missing(t.intake):  # the same question again: say what was heard
            t.say(texts.NOTED.format(what=", ".join(noted)))
    elif t.intake == before and not t.replies:
        if before.has_age and before.has_day and before.has_time and not before.has_place and t.text:
            t.say(texts.PLACE_NOT_FOUND)
            guesses = t.ctx.suggest_places(t.text)
            if guesses:
                t.say(texts.PLACE_GUESS, tuple(Choice(name, name) for name in guesses), ask_location=True)
                return Step.COLLECT
        elif any(w in t.compact for w in texts.THANKS_WORDS):
            t.say(texts.THANKS)
            return Step.COLLECT
        elif any(w in t.text for w in texts.CARE_WORDS):
            t.say(texts.CARE_HEARD)
        elif t.u.period is not None and not before.has_time:
            pass  # '저녁' alone: the hours are asked in that half of the day
        elif t.text and named_month(t.text, t.now.date()) is None:  # '12월에요': the day of that month is asked next
            t.say(texts.NOT_UNDERSTOOD)
    return ask_next(t)


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


def on_consent(t: Turn) -> Step:
    if (step := danger_only(t) or lapsed(t) or added_days(t)) is not None:
        return step
    if past_again(t):
        return Step.CONSENT
    if more(t) or asks_name(t):
        t.say(texts.CONSENT_AGAIN, texts.CONSENT_CHOICES)
        return Step.CONSENT
    if t.says_facts or kept(t) is not None:  # '큰애만요': a child taken out
        return revise(t)
    if correction(t, Step.CONSENT):
        return Step.CONSENT
    if consents(t):
        t.intake = t.intake.evolve(consent_at=t.now)
        t.say(texts.ASK_PHONE, texts.PHONE_CHOICES, ask_contact=True)
        return Step.PHONE
    if t.u.yes is False or any(w in t.compact for w in texts.NOT_CONSENT_WORDS):
        # The promise in the consent text: nothing of this conversation is kept beyond the open dialog. The facts
        # stay that long with the words (the retention job deletes both), so a parent who changes their mind
        # need not type them again.
        t.intake = t.intake.evolve(consent_at=None)
        t.say(texts.CONSENT_DECLINED.format(hours=UNCONSENTED_HOURS), texts.DECLINED_CHOICES)
        return Step.DONE
    t.say(texts.CONSENT_UNCLEAR, texts.CONSENT_CHOICES)  # the buttons' own words, not '네 또는 아니요'
    return Step.CONSENT


def on_phone(t: Turn) -> Step:
    if (step := danger_only(t) or lapsed(t) or added_days(t)) is not None:
        return step
    phone = t.inbound.phone or (m.group(0) if (m := PHONE.search(t.text)) else None) or spoken_phone(t.text)
    if phone:
        digits = re.sub(r"\D", "", phone)
        t.intake = t.intake.evolve(phone=digits, chat_route=False)
        return confirm(t)
    if any(w in t.compact for w in texts.CHAT_ROUTE_WORDS):
        t.intake = t.intake.evolve(chat_route=True, phone=None)
        return confirm(t)
    if past_again(t):
        return Step.PHONE
    if t.says_facts or kept(t) is not None:  # '아 5살이에요' while the phone is asked: a correction
        return revise(t)
    if correction(t, Step.PHONE):
        return Step.PHONE
    if t.u.yes is not None and not any(c.isdigit() for c in t.text):  # '네 맞아요': not a wrong number, no number
        t.say(texts.ASK_PHONE, texts.PHONE_CHOICES, ask_contact=True)
        return Step.PHONE
    t.say(texts.PHONE_INVALID, texts.PHONE_CHOICES, ask_contact=True)
    return Step.PHONE


def on_confirm(t: Turn) -> Step:
    if (step := danger_only(t) or lapsed(t) or added_days(t)) is not None:
        return step
    if past_again(t):
        return Step.CONFIRM
    if more(t) or asks_name(t):
        t.say(texts.CONFIRM_AGAIN, texts.CONFIRM_CHOICES)
        return Step.CONFIRM
    if t.says_facts or kept(t) is not None:  # '큰애만요': a child taken out
        return revise(t)
    if correction(t, Step.CONFIRM):
        return Step.CONFIRM
    if t.u.yes is False:
        t.say(texts.ASK_CORRECTION)
        return Step.CONFIRM
    if t.u.yes is True:
        urgent = t.intake.urgent or "emergency" in t.intake.situations
        announce = texts.CASE_CREATED.format(case_id=CASE_NUMBER, next_step=next_step_text(t, urgent))
        reply = Reply(announce, choices=texts.DONE_CHOICES)
        t.replies.append(reply)
        t.effects.append(OpenCase(reply))
        return Step.DONE
    t.say(texts.CONFIRM_UNCLEAR, texts.CONFIRM_CHOICES)
    return Step.CONFIRM


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
    t.effects.append(NoteCase(case_id, texts.FILED_FIX_NOTE.format(what=what)))  # type: ignore[arg-type]
    lines = [ko(texts.FILED_FIX, case_id=case_id, what=what)]
    if later := promise.when_read(t):
        lines.append(later)  # when a person reads it: Monday 09:00, not now
    t.say("\n".join(lines), texts.DONE_CHOICES)
    return Step.DONE


def on_forget(t: Turn) -> Step:
    if t.u.yes is None:
        t.say(texts.YES_NO_AGAIN, texts.FORGET_CHOICES)
        return Step.FORGET
    if t.u.yes:
        t.effects.append(Forget(at=len(t.replies)))
        t.intake = Intake()
        return Step.COLLECT
    back = t.intake.back_to or Step.COLLECT
    t.intake = t.intake.evolve(back_to=None, step=back)
    t.say(texts.FORGET_KEPT)
    return resume(t)  # the question that was pending, with its buttons


STEPS: dict[Step, Callable[[Turn], Step]] = {
    Step.COLLECT: on_collect,
    Step.CONSENT: on_consent,
    Step.PHONE: on_phone,
    Step.CONFIRM: on_confirm,
    Step.DONE: on_done,
    Step.FORGET: on_forget,
}
