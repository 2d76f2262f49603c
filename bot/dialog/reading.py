"""How one message is read for a turn: a button label typed back, the 오전/오후 answer, the half of the day carried
from earlier messages, a window already over, a shared location."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from bot.dialog import texts
from bot.dialog.core import Choice, Inbound
from bot.dialog.intake import Intake, Step
from bot.dialog.turn import Turn
from routing.need import Understanding
from routing.understand import Understander

MAX_TEXT = 2000
"""Longer messages are cut: no intake answer needs more, and it bounds the work one message can cause."""
MAX_HALF = 300
"""The part of a message kept while its hour waits for 오전/오후 (in the state, deleted with the conversation)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def read_turn(reader: Understander, intake: Intake, inbound: Inbound,
              now: datetime) -> tuple[Intake, str, str, str | None, Understanding]:
    """(intake, raw, text, label, understanding) for one inbound message: ``raw`` is what came (a button's value
    or the text), ``text`` what is read, ``label`` the button's label when one was tapped or typed."""
    label = inbound.text if inbound.choice else None
    raw = inbound.choice or inbound.text
    if not inbound.choice and (picked := _picked(intake, inbound.text)):
        # Channels that can only send text back (a Kakao quick reply without extra, a typed label).
        label, raw = inbound.text, picked
    text = clean(raw)
    if intake.ask_half and raw in texts.HALF_VALUES:
        # The 오전/오후 button: the message that asked it is read again in the half of the day chosen.
        text, label = intake.ask_half, None
        intake = intake.evolve(period=texts.HALF_VALUES[raw], ask_half=None)
    elif intake.ask_half:
        intake = intake.evolve(ask_half=None)  # the parent wrote something else instead: the question lapses
    u = reader.read_tap(text, now, intake.period) if label is not None else reader.read(text, now, intake.period)
    if u.period is not None and u.period != intake.period:
        intake = intake.evolve(period=u.period)
    if u.need.day is not None and u.need.day < now.date() and not u.past:
        u = replace(u, past=True)  # whatever the reading, a day before today is no care window
    if u.past:
        # A window already over is no need: the day and hours are asked again, not half kept.
        u = replace(u, need=replace(u.need, day=None, start=None, end=None, night=None, holiday=None))
    if inbound.location:
        u = replace(u, need=replace(u.need, coords=inbound.location, area=None))
    return intake, raw, text, label, u


def ask_half(t: Turn, hour: int) -> Step:
    """A bare hour that could be morning or evening: two buttons, and the message kept to be read again."""
    t.intake = t.intake.evolve(ask_half=t.text[:MAX_HALF])
    h = hour % 12 or 12
    t.say(texts.ASK_HALF.format(hour=h), (Choice(texts.HALF_AM.format(hour=h), "half:am"),
                                          Choice(texts.HALF_PM.format(hour=h), "half:pm")))
    return t.intake.step


def _picked(intake: Intake, text: str) -> str | None:
    """The value of the offered button whose label the text repeats (spacing and punctuation aside)."""
    said = _squash(text)
    return next((value for label, value in intake.offered if said and _squash_label(label) == said), None)


@lru_cache(maxsize=1024)
def _squash_label(label: str) -> str:
    """Button labels come from a few fixed lists (and place names): squashed once each."""
    return _squash(label)


def _squash(text: str) -> str:
    return re.sub(r"[\s.,!?~()·]+", "", text)


def clean(text: str) -> str:
    """Normalise a message: NFC (so 'ㄱ+ㅏ' typed apart matches), no control characters, bounded length."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", text[:MAX_TEXT])).strip()
