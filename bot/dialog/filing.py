"""The steps from the card to the case: consent, the phone number, the summary confirmed."""

from __future__ import annotations

import re

from bot.dialog import texts
from bot.dialog.advice import confirm, more, next_step_text
from bot.dialog.answers import PHONE, asks_name, consents, correction, spoken_phone
from bot.dialog.aside import added_days, danger_only, lapsed, past_again
from bot.dialog.asking import revise
from bot.dialog.casefile import UNCONSENTED_HOURS
from bot.dialog.children import kept
from bot.dialog.core import Choice, Reply
from bot.dialog.intake import Step
from bot.dialog.turn import OpenCase, Turn
from db.models import CASE_NUMBER


def _aside(t: Turn, step: Step, again: str, choices: tuple[Choice, ...]) -> Step | None:
    """What the consent and confirm steps answer before their own question: danger, a lapsed window, added days,
    a past time said again, a question, new facts or a child taken out ('큰애만요'), a correction; None if none."""
    if (found := danger_only(t) or lapsed(t) or added_days(t)) is not None:
        return found
    if past_again(t):
        return step
    if more(t) or asks_name(t):
        t.say(again, choices)
        return step
    if t.says_facts or kept(t) is not None:
        return revise(t)
    if correction(t, step):
        return step
    return None


def on_consent(t: Turn) -> Step:
    if (step := _aside(t, Step.CONSENT, texts.CONSENT_AGAIN, texts.CONSENT_CHOICES)) is not None:
        return step
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
    if (step := _aside(t, Step.CONFIRM, texts.CONFIRM_AGAIN, texts.CONFIRM_CHOICES)) is not None:
        return step
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
