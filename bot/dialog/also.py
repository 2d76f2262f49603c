"""Days added to a need already given ('내일도 같은 시간에', '모레도요') and care said to repeat ('매주 화요일'):
kept beside the one care window (never written over it), shown in the summary, and after filing told to the
case's coordinators as a note on that case, not opened as a second case."""

from __future__ import annotations

import re
from datetime import date

from bot.dialog import labels, texts
from bot.dialog.intake import Intake
from bot.dialog.particles import ko
from bot.dialog.turn import NoteCase, Turn
from routing.days import find_days

Window = tuple[date, int | None, int | None]

_ALSO = re.compile(
    r"(?:내일|모레|글피|오늘|요일|욜|주말|[0-9]\s*일|날|그\s*다음|다다음)\s*(?:에\s*|까지\s*)?(?:도|또)(?![가-힣]*\s*(?:괜찮|상관|무관|되나|돼요\?|될까))"
    r"|(?:하루|이틀|사흘|며칠|한\s*번|한\s*날)\s*더|또\s*(?:필요|맡|부탁)|추가로|추가해"
)
"""A day said to come as well ('내일도', '주말에도', '하루 더', '추가로'); '내일도 괜찮아요' offers another day."""
_SAME_HOURS = re.compile(r"같은\s*시간|같은\s*시각|똑같이|그\s*시간|그대로")
"""Said after filing with a day and nothing else: one more day of the same care, not a new intake."""
_REPEAT = re.compile(
    r"(?:(?:매주|매일|평일|주중|이번\s*주|다음\s*주|주말)\s*)?"
    r"(?:[월화수목금토일](?:요일)?\s*(?:[,·/]|와|과|랑|하고|이랑)?\s*)*"
    r"(?:매일|날마다|마다|내내|매주|정기적으로)(?:\s*[월화수목금토일]요일)?"
)
"""Care said to repeat: kept as the parent's own short phrase for the coordinator ('매주 화요일', '월수금마다')."""
MAX_REPEAT = 30


def repeat_words(text: str) -> str | None:
    """The parent's phrase for a repeated need ('매주 화요일'), if the message has one."""
    m = _REPEAT.search(text)
    return " ".join(m.group(0).split())[:MAX_REPEAT] if m else None


def added(t: Turn, filed: bool = False) -> tuple[list[Window], str | None] | None:
    """The windows and the repetition this message adds to the need held, or None when it does not add any
    (no day held yet: the day said is simply the day; a correction; other facts with it)."""
    i, u = t.intake, t.u
    if i.day is None or u.children or u.need.area or u.need.coords or u.negated or u.danger:
        return None
    repeat = repeat_words(t.text)
    also = _ALSO.search(t.text) is not None or (filed and _SAME_HOURS.search(t.text) is not None)
    if not also and repeat is None:
        return None
    today = t.now.date()
    days = [d.day for d in find_days(t.text, today)] or ([u.need.day] if u.need.day else [])
    timed = u.need.start is not None or u.need.end is not None
    start, end = (u.need.start, u.need.end) if timed else (i.start, i.end)
    held = {i.day, *(d for d, _, _ in i.also)}
    named = [d for d in dict.fromkeys(days) if d >= today]
    if not named and repeat is None:
        return None
    return [(d, start, end) for d in named if d not in held], repeat


def add(t: Turn, windows: list[Window], repeat: str | None) -> None:
    """Keep the added days and repetition on the intake and say them back; after filing, note them on the case."""
    i = t.intake
    if not windows and (repeat is None or repeat == i.repeat):  # '내일도요' again: already there
        t.say(texts.ALSO_HELD, texts.DONE_CHOICES if i.case_id is not None else ())
        return
    t.intake = i.evolve(also=i.also + tuple(windows), repeat=repeat or i.repeat)
    said = describe(windows, repeat, t.now.date())
    first = next((r.best for _, r in t.rankings() if r.best), None)
    others = []
    for day, start, end in windows:
        other = _best_then(t, day, start, end)
        if other is not None and first is not None and other != first.service.name.split(" (")[0]:
            others.append(ko(texts.ALSO_OTHER_SERVICE, day=labels.day_label(day, t.now.date()), name=other))
    if i.case_id is None:
        t.say("\n".join([texts.ALSO_NOTED.format(what=said), *others]))
        return
    # the coordinators read the same lines: which service may fit the added day better
    t.effects.append(NoteCase(i.case_id, "\n".join([texts.ALSO_NOTE.format(what=said), *others])))
    lines = [texts.ALSO_FILED.format(case_id=i.case_id, what=said)]
    if first is not None and (later := t.ctx.when_answered(first.service.id, t.now, False)):
        lines.append(later)  # when a person will read the note: not now, at 23:00
    lines += others
    t.say("\n".join(lines), texts.DONE_CHOICES)


def describe(windows: list[Window], repeat: str | None, today: date) -> str:
    """'12월 7일(월) 09:00~12:00, 12월 8일(화) 09:00~12:00' and the repetition in the parent's words."""
    parts = [labels.when_words(d, s, e, today) for d, s, e in windows]
    if repeat:
        parts.append(texts.ALSO_REPEAT.format(repeat=repeat))
    return ", ".join(parts)


def _best_then(t: Turn, day: date, start: int | None, end: int | None) -> str | None:
    """The first recommendation's service on the added day: the hours of a weekday and a Sunday differ."""
    then: Intake = t.intake.evolve(day=day, start=start, end=end, holiday=None, also=())
    best = next((r.best for _, r in t.rankings(then) if r.best), None)
    return best.service.name.split(" (")[0] if best else None
