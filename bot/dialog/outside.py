"""Answers for what the cluster does not serve: ages no care service takes, messages not in Korean, and a parent
who wants a person instead of the bot."""

from __future__ import annotations

import re
from datetime import datetime

from bot.dialog import texts, wording
from bot.dialog.core import Link, Reply
from bot.dialog.intake import Kid, Step
from bot.dialog.opening import is_open, week_label
from bot.dialog.particles import ko
from bot.dialog.promise import ALWAYS_OPEN_KIND
from bot.dialog.turn import Turn
from knowledge.schema import Hours, Kind, Knowledge, Service

GUIDE_ID = "mom-center"
"""The guidance hub (맘지원센터): whom to call when nothing here fits. Its phone is the intake window's."""
CENTER_WORD = "육아종합지원센터"
_LETTERS = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF\u0E00-\u0E7F\u4E00-\u9FFF\u3040-\u30FF]")
_HANGUL = re.compile(r"[가-힣ㄱ-ㅎㅏ-ㅣ]")
_LETTERS_NOT_KOREAN = 3
"""A message with no Hangul and at least this many letters is in another language (the engine lets 'ok' and
other answers through before asking this)."""
_WORDS_NOT_KOREAN = 3
"""With Hangul in it, a message is in another language when at least this many of its words, and more than the
Korean ones, are in another script."""


def care_ages(knowledge: Knowledge) -> tuple[int, int]:
    """The youngest and oldest age in months that some care service (not guidance) takes."""
    global _care_ages
    if _care_ages is None or _care_ages[0] is not knowledge:  # asked for each child on most turns
        care = [s.ages for s in knowledge.services if s.kind is not Kind.INFO]
        _care_ages = (knowledge, (min(a.min_months for a in care), max(a.max_months for a in care)))
    return _care_ages[1]


_care_ages: tuple[Knowledge, tuple[int, int]] | None = None
"""The last knowledge's care ages: knowledge is replaced whole, never changed in place."""


def out_of_ages(kid: Kid, knowledge: Knowledge) -> bool:
    """Whether no care service takes a child of this age (too young, or past elementary school)."""
    if kid.school_grade is not None or kid.age_months is None:
        return False
    youngest, oldest = care_ages(knowledge)
    return not youngest <= kid.age_months <= oldest


def age_out(who: str, kid: Kid, knowledge: Knowledge) -> str | None:
    """One clear answer for a child no care service takes (too young, or past elementary school), else None."""
    if not out_of_ages(kid, knowledge):
        return None
    youngest = care_ages(knowledge)[0]
    months = kid.age_months
    if months < youngest:
        center = next((f"{site.address}" for s in knowledge.services for site in s.sites
                       if CENTER_WORD in site.address), "-")
        return texts.AGE_OUT_YOUNG.format(child=who, months=months, youngest=youngest, guide=guide(knowledge),
                                          center=center)
    return texts.AGE_OUT_OLD.format(child=who, guide=guide(knowledge))


def guide(knowledge: Knowledge) -> str:
    service = _guide_service(knowledge)
    if service is None:
        return "-"
    contact = next((c for c in service.contacts if c.phone), None)
    if contact is None:
        return service.name
    # With its hours: at 03:00 or on a Sunday that phone rings in an empty office.
    return texts.GUIDE_LINE.format(name=service.name, person=contact.person, phone=contact.phone,
                                   hours=week_label(service.hours))


def intake_phone(knowledge: Knowledge) -> str:
    """The intake window's phone from the YAML (``intake_desk``), else the guidance hub's."""
    if knowledge.intake_desk is not None and knowledge.intake_desk.phone:
        return knowledge.intake_desk.phone
    service = _guide_service(knowledge)
    return next((c.phone for c in service.contacts if c.phone), "-") if service else "-"


def answer_person(t: Turn) -> bool:
    """'상담원이랑 통화하고 싶어요', again after the hub's card: a person, at any step, never 'not understood'."""
    filing = t.intake.step in (Step.CONSENT, Step.PHONE, Step.CONFIRM)
    if t.says_facts or t.intake.step == Step.FORGET or not asks_person(t.compact, filing):
        return False
    t.replies.append(person_reply(t.knowledge, t.now, t.intake.case_id))
    return True


def asks_person(compact: str, filing: bool = False) -> bool:
    """'상담원 연결해 주세요', '사람이랑 얘기하고 싶어요'; not '봐줄 사람이 없어요' (a care need). While a case is being
    filed (``filing``), '담당자 연결해 주세요' answers the consent question, whose own words they are."""
    words = [w for w in texts.PERSON_WORDS if w in compact]
    if filing:
        words = [w for w in words if not w.startswith(texts.COORDINATOR_WORD)]
    return bool(words) and any(w in compact for w in texts.PERSON_TALK)


def person_reply(knowledge: Knowledge, now: datetime, case_id: int | None) -> Reply:
    """The intake window's phone and hours, whether it answers now, and when it does not, what works now."""
    service = _guide_service(knowledge)
    desk = knowledge.intake_desk
    person = desk.person if desk and desk.person else (service.name if service else "-")
    hours = week_label(service.hours) if service else "-"
    phone = intake_phone(knowledge)
    lines = [texts.PERSON.format(person=person, phone=phone, hours=hours)]
    if case_id is not None:
        lines.append(ko(texts.PERSON_CASE, case_id=case_id))
    if service is not None and is_open(service.hours, now):
        lines.append(texts.PERSON_OPEN)
    else:
        lines.append(texts.PERSON_CLOSED)
        if always := always_line(knowledge, texts.PERSON_ALWAYS):
            lines.append(always)
        lines.append(texts.PERSON_DANGER)
    return Reply("\n".join(lines), links=(Link(wording.CALL, phone=phone),) if phone != "-" else ())


def always_line(knowledge: Knowledge, template: str) -> str | None:
    """``template`` filled with the always-open service's name and phone (119돌봄센터), if there is one."""
    always = next((s for s in knowledge.services if s.kind == ALWAYS_OPEN_KIND), None)
    phone = next((c.phone for c in always.contacts if c.phone), None) if always else None
    return template.format(name=always.name.split(" (")[0], phone=phone) if always and phone else None


def not_korean_reply(knowledge: Knowledge) -> str:
    """Korean and English: the desk's phone with its hours, the always-open care line, 112/119."""
    service = _guide_service(knowledge)
    hours = week_label(service.hours) if service else "-"
    always = next((s for s in knowledge.services if s.kind == ALWAYS_OPEN_KIND), None)
    phone = next((c.phone for c in always.contacts if c.phone), None) if always else None
    hours_en = _hours_en(service.hours) if service else "-"
    text = texts.NOT_KOREAN.format(phone=intake_phone(knowledge), hours=hours, hours_en=hours_en)
    if always and phone:
        text += "\n" + texts.NOT_KOREAN_ALWAYS.format(name=always.name.split(" (")[0], phone=phone)
    return text + "\n" + texts.NOT_KOREAN_DANGER


_EN_DAYS = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat", "sun": "Sun",
            "holiday": "holidays"}


def _hours_en(hours: Hours) -> str:
    """'Mon-Fri 09:00-18:00' for the English line: days with the same hours together, a run as first-last."""
    spans: dict[str, list[str]] = {}
    for key in _EN_DAYS:
        if (span := hours.on(key)) is not None:
            spans.setdefault(span.label(), []).append(key)
    order = list(_EN_DAYS)
    parts = []
    for label, keys in spans.items():
        run = [order.index(k) for k in keys]
        days = (f"{_EN_DAYS[keys[0]]}-{_EN_DAYS[keys[-1]]}" if len(keys) > 2 and run == list(range(run[0], run[-1] + 1))
                else ", ".join(_EN_DAYS[k] for k in keys))
        parts.append(f"{days} {label}")
    return "; ".join(parts) or "-"


def _guide_service(knowledge: Knowledge) -> Service | None:
    return next((s for s in knowledge.services if s.id == GUIDE_ID), None) or next(
        (s for s in knowledge.services if s.kind is Kind.INFO), None)


def not_korean(text: str) -> bool:
    """The parent writes in another language: no Hangul and words in another script, or mostly such words with a
    Korean place name or word among them ('I need care for my son in 부곡동'); never a Korean message with an
    English word or two ('4살 babysitter 필요해요')."""
    if text.startswith("/"):
        return False
    if not _HANGUL.search(text):
        return len(_LETTERS.findall(text)) >= _LETTERS_NOT_KOREAN
    words = text.split()
    korean = sum(1 for w in words if _HANGUL.search(w))
    other = sum(1 for w in words if not _HANGUL.search(w) and _LETTERS.search(w))
    return other >= _WORDS_NOT_KOREAN and other > korean
