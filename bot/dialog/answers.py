"""How the parent's free answers are heard at any step: corrections, consent, a name question, siblings, phones."""

from __future__ import annotations

import re

from bot.dialog import texts
from bot.dialog.intake import Intake, Step
from bot.dialog.turn import Turn

PHONE = re.compile(r"(01[016789]|0[2-6]\d?)[-.\s]?(\d{3,4})[-.\s]?(\d{4})")


def missing(i: Intake) -> str | None:
    """The fact the next question asks for."""
    if not i.has_age:
        return "age"
    if not i.has_day:
        return "day"
    if not i.has_time:
        return "time"
    return None if i.has_place else "place"


def adds_child(t: Turn) -> bool:
    """'동생도 있어요', '큰애도 초3이에요': another child, not a corrected age."""
    return bool(t.intake.kids) and any(w in t.compact for w in texts.MORE_CHILD_WORDS)


def which_child(t: Turn) -> str | int | None:
    """'큰애는 6살이에요' among several children, or the child's button tapped: which one the age is for."""
    if len(t.intake.kids) < 2:
        return None
    if t.pick is not None:
        return int(t.pick) if t.pick.isdigit() else None  # 'only': the one age replaces them all
    for which, words in texts.CHILD_RANK_WORDS.items():
        if any(w in t.compact for w in words):
            return which
    return None


def correction(t: Turn, step: Step) -> bool:
    """'주소 틀렸어요', '아니 동네가 달라요', '고칠게요': ask for the fact named (with its buttons), or what to fix.
    The answer comes back to ``step``, where it reads as a correction; a '아니' here is never a refusal."""
    if not any(w in t.compact for w in texts.CORRECT_WORDS):
        return False
    field = next((ask for words, ask in texts.FIX_FIELDS if any(w in t.compact for w in words)), None)
    if field is None:
        t.say(texts.ASK_CORRECTION)
    else:
        t.say(*field)
    return True


def consents(t: Turn) -> bool:
    """'동의', '네', and the ways parents write it ('그냥 동의할게요'), but not '동의 안 해요'."""
    if any(w in t.compact for w in texts.NOT_CONSENT_WORDS):
        return False
    return t.u.yes is True or any(w in t.compact for w in texts.CONSENT_WORDS)


_SPOKEN_DIGITS = str.maketrans("공영일이삼사오육륙칠팔구", "001234566789")
_SPOKEN_PHONE = re.compile(r"[공영일이삼사오육륙칠팔구][공영일이삼사오육륙칠팔구\s-]{8,}")


def spoken_phone(text: str) -> str | None:
    """'공일공 일이삼사 오육칠팔', as some parents (and voice typing) write a number."""
    m = _SPOKEN_PHONE.search(text)
    if m is None:
        return None
    digits = re.sub(r"\D", "", m.group(0).translate(_SPOKEN_DIGITS))
    # '...오육칠팔이요': the 이 of the ending reads as a digit too, so the longest number that is one wins
    return next((digits[:n] for n in (11, 10, 9) if len(digits) >= n and PHONE.fullmatch(digits[:n])), None)


def asks_name(t: Turn) -> bool:
    """'이름도 적어야 하나요?': nothing here asks for one, and the parent should hear that, not '네 또는 아니요'."""
    if t.u.yes is None and any(w in t.compact for w in texts.NAME_WORDS):
        t.say(texts.NAME_NOT_ASKED)
        return True
    return False
