"""Days added to a need already given ('내일도 같은 시간에', '모레도요') and care said to repeat ('매주 화요일'):
kept beside the one care window (never written over it), shown in the summary, and after filing told to the
case's coordinators as a note on that case, not opened as a second case."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from bot.dialog import labels, promise, texts
from bot.dialog.core import Choice
from bot.dialog.intake import Intake
from bot.dialog.opening import day_key
from bot.dialog.particles import ko
from bot.dialog.present import place_of
from bot.dialog.turn import NoteCase, Turn
from routing.days import Day, find_days

Window = tuple[date, int | None, int | None]

_ALSO_DAY = re.compile(r"(?:내일|모레|글피|오늘|요일|욜|주말|[0-9]\s*일|날|그\s*다음|다다음)"
                       r"\s*(?:에\s*|까지\s*)?(?:도|또)")
"""A day said to come as well ('내일도', '주말에도')."""
_ALSO_MORE = re.compile(r"(?:하루|이틀|사흘|며칠|한\s*번|한\s*날)\s*더|또\s*(?:필요|맡|부탁)|추가로|추가해")
"""More days without naming them as 'also' ('하루 더', '추가로')."""
_DROP_DAY = re.compile(r"(?:내일|모레|글피|오늘|요일|욜|주말|[0-9]\s*일|날)\s*(?:은|는|에는|엔)?\s*"
                       r"(?:빼|뺄|안\s*맡|안\s*해도|필요\s*없|취소|없어도|안\s*와도|안\s*가도)")
"""A day taken out ('수요일은 빼 주세요', '모레는 안 맡겨도 돼요'): never read as that day being the new one."""
_ASKS = re.compile(r"괜찮|상관|무관|되나|될까|돼요?\?|되죠|가능|하나|여나|열어|열려|운영|문\s*열|하는지|있나|있어요?\?"
                   r"|해요?\?|할까|\?")
"""After '토요일에도': a question whether that day works ('주말에도 하나요?', '내일도 괜찮아요'), no added day."""
_SAME_HOURS = re.compile(r"같은\s*시간|같은\s*시각|똑같이|그\s*시간|그대로")
"""Said after filing with a day and nothing else: one more day of the same care, not a new intake."""
_REPEAT = re.compile(
    r"(?:(?:매주|매일|평일|주중|이번\s*주|다음\s*주|주말)\s*)?"
    r"(?:[월화수목금토일](?:요일)?\s*(?:[,·/]|와|과|랑|하고|이랑)?\s*)*"
    r"(?:매일|날마다|마다|내내|매주|정기적으로)(?:\s*[월화수목금토일]요일)?"
)
"""Care said to repeat: kept as the parent's own short phrase for the coordinator ('매주 화요일', '월수금마다')."""
MAX_REPEAT = 30
_BARE_REPEAT = ("내내", "마다")
MAX_SPAN = 14
"""The longest run of days one message adds ('월요일부터 금요일까지'); longer ones are left to the coordinator."""
_TIMES = re.compile(r"[0-9]\s*시|밤|새벽|아침|저녁|오전|오후|낮|점심")
"""Between two days: hours across midnight ('오늘 밤부터 내일 아침 8시까지'), one window, not two days."""
_EITHER = re.compile(r"또는|아니면|이나|거나|혹은")
_RANGE = re.compile(r"부터|~|에서")
_LIST = re.compile(r"이랑|랑|하고|[과와]\s|[,·/]|및|그리고")
_BARE_WEEKDAY = re.compile(r"^(?:이번\s*주|다음\s*주|담주|다음주)?\s*[월화수목금토일]\s*(?:요일|욜)\s*$")
_DAY_OF_MONTH = re.compile(r"([0-9]{1,2})\s*일")


def asks_also(t: Turn) -> date | None:
    """The day of a question whether it works too ('주말에도 하나요?', '토요일에도 운영해요?'), with a day held."""
    day = _ALSO_DAY.search(t.text)
    asked = t.u.need.day or t.u.asked_day  # "주말에도 하나요?": a day asked about, not a care day
    if t.intake.day is None or day is None or not _ASKS.search(t.text, day.end()) or asked is None:
        return None
    return asked if asked != t.intake.day else None


def answer_also(t: Turn, day: date) -> tuple[Choice, ...]:
    """That day's hours of the place recommended, and how to add the day or move to it (the buttons returned, for
    the question asked next): the window held is kept."""
    best = next((r.best for _, r in t.rankings() if r.best), None)
    label = labels.day_label(day, t.now.date())
    if best is not None:
        span = best.service.hours_at(best.site).on(day_key(day))
        place = place_of(best)
        t.say(ko(texts.ALSO_OPEN, place=place, day=label, hours=span.label()) if span is not None
              else ko(texts.ALSO_CLOSED, place=place, day=label))
    t.say(texts.ALSO_HOW.format(day=label))
    said = texts.ALSO_DAY_WORDS.format(month=day.month, day=day.day)
    return (Choice(texts.ALSO_ADD, texts.ALSO_ADD_VALUE.format(day=said)),
            Choice(texts.ALSO_MOVE, texts.ALSO_MOVE_VALUE.format(day=said)))


def dropped(t: Turn) -> list[date] | None:
    """The days a message takes out of the need held, or None when it takes none out."""
    if t.intake.day is None or t.u.children or _DROP_DAY.search(t.text) is None:
        return None
    days = [d.day for d in find_days(t.text, t.now.date())] or ([t.u.need.day] if t.u.need.day else [])
    return days or None


def drop(t: Turn, days: list[date]) -> None:
    """Take the days out: an added day goes; the first day gives way to the next added one; the only day leaves
    the day to be asked again. After filing, the case's coordinators are told."""
    i, today = t.intake, t.now.date()
    held = [i.day, *(d for d, _, _ in i.also)]
    gone = [d for d in dict.fromkeys(days) if d in held]
    if not gone:
        t.say(ko(texts.DROP_NONE, days=", ".join(labels.day_label(d, today) for d in days)),
              texts.DONE_CHOICES if i.case_id is not None else ())
        return
    also = tuple(w for w in i.also if w[0] not in gone)
    said = ", ".join(labels.day_label(d, today) for d in gone)
    if i.day in gone and also:  # the next day that stays becomes the first, with its own hours if it had any
        (day, start, end), also = also[0], also[1:]
        start, end = hours_of(i, start, end)
        t.intake = i.evolve(day=day, start=start, end=end, holiday=None, also=also)
    elif i.day in gone:
        t.intake = i.evolve(day=None, holiday=None, urgent=False, also=())
    else:
        t.intake = i.evolve(also=also)
    if i.case_id is None:
        t.say(ko(texts.DROPPED, days=said))
        return
    t.effects.append(NoteCase(i.case_id, texts.DROP_NOTE.format(days=said), t.intake.care_days))
    lines = [ko(texts.DROPPED_FILED, case_id=i.case_id, days=said)]
    if later := promise.when_read(t):
        lines.append(later)
    t.say("\n".join(lines), texts.DONE_CHOICES)


def repeat_words(text: str) -> str | None:
    """The parent's phrase for a repeated need ('매주 화요일'), if the message has one."""
    m = _REPEAT.search(text)
    if m is None:
        return None
    said = " ".join(m.group(0).split())
    if said in _BARE_REPEAT:  # '설 연휴 내내': with the words it is about, not '내내' alone
        said = " ".join([*text[:m.start()].split()[-2:], said]) if text[:m.start()].strip() else said
    return said[:MAX_REPEAT]


def added(t: Turn, filed: bool = False) -> tuple[list[Window], str | None] | None:
    """The windows and the repetition this message adds to the need held, or None when it does not add any
    (no day held yet: the day said is simply the day; a correction; other facts with it)."""
    i, u = t.intake, t.u
    if i.day is None or u.children or u.need.area or u.need.coords or u.negated or u.danger:
        return None
    repeat = repeat_words(t.text)
    day = _ALSO_DAY.search(t.text)
    if day is not None and _ASKS.search(t.text, day.end()):
        return None
    also = day is not None or _ALSO_MORE.search(t.text) is not None or (
        filed and _SAME_HOURS.search(t.text) is not None)
    if not also and repeat is None:
        return None
    today = t.now.date()
    days = [d.day for d in find_days(t.text, today)] or ([u.need.day] if u.need.day else [])
    start, end = u.need.start, u.need.end  # None: the same hours as the first day (said now or later)
    held = {i.day, *(d for d, _, _ in i.also)}
    named = [d for d in dict.fromkeys(days) if d >= today]
    if not named and repeat is None:
        return None
    return [(d, start, end) for d in named if d not in held], repeat


def named(t: Turn) -> list[Window]:
    """Every day one message names when it names several ('다음 주 월요일부터 금요일까지', '월요일이랑 수요일'), in
    order, as windows of the message's hours (None: the same hours); [] when it names one day, or days that are
    one window across midnight, or a choice between days ('월요일이나 화요일')."""
    first, end = t.u.need.day, t.u.need.end
    if first is None or (end is not None and end > 1440):
        return []
    days = find_days(t.text, t.now.date())
    if len(days) < 2:
        return []
    out: list[date] = []
    for a, b in pairwise(days):
        between = t.text[a.at:b.at]
        if _TIMES.search(between) or _EITHER.search(between):
            return []
        later = _after(t.text, a, b)
        if later is None:
            return []
        if _RANGE.search(between):
            out += [a.day + timedelta(days=n) for n in range(min((later - a.day).days, MAX_SPAN) + 1)]
        elif _LIST.search(between) or (a.weekly and _BARE_WEEKDAY.match(between)):
            out += [a.day, later]
        else:
            return []
    return [(d, None, None) for d in sorted(set(out)) if d >= t.now.date()]


def _after(text: str, a: Day, b: Day) -> date | None:
    """The second day as the one after the first: '금요일' after '다음 주 월요일' is that week's, '24일' after
    '12월 21일' is in December; None when it cannot come after."""
    later = b.day
    if b.weekly:
        while later < a.day:
            later += timedelta(days=7)
    elif a.exact and (m := _DAY_OF_MONTH.match(text, b.at)) is not None:
        try:
            later = a.day.replace(day=int(m.group(1)))
        except ValueError:
            return None
    return later if later > a.day else None


def add(t: Turn, windows: list[Window], repeat: str | None) -> None:
    """Keep the added days and repetition on the intake and say them back; after filing, note them on the case."""
    i = t.intake
    if not windows and (repeat is None or repeat == i.repeat):  # '내일도요' again: already there
        t.say(texts.ALSO_HELD, texts.DONE_CHOICES if i.case_id is not None else ())
        return
    t.intake = i.evolve(also=i.also + tuple(windows), repeat=repeat or i.repeat)
    said = labels.also_words(windows, repeat, t.now.date(), t.intake)
    first = next((r.best for _, r in t.rankings() if r.best), None)
    others = []
    for day, start, end in windows:
        other = _best_then(t, day, *hours_of(t.intake, start, end))
        if other is not None and first is not None and other != first.service.name.split(" (")[0]:
            others.append(ko(texts.ALSO_OTHER_SERVICE, day=labels.day_label(day, t.now.date()), name=other))
    if i.case_id is None:
        noted = texts.ALSO_NOTED.format(what=said) if windows else texts.REPEAT_NOTED.format(repeat=repeat)
        t.say("\n".join([noted, *others]))
        return
    # the coordinators read the same lines: which service may fit the added day better
    t.effects.append(NoteCase(i.case_id, "\n".join([texts.ALSO_NOTE.format(what=said), *others]),
                            t.intake.care_days))
    lines = [texts.ALSO_FILED.format(case_id=i.case_id, what=said)]
    if later := promise.when_read(t):
        lines.append(later)  # when a person reads it: Monday 09:00, not now
    lines += others
    t.say("\n".join(lines), texts.DONE_CHOICES)


def hours_of(intake: Intake, start: int | None, end: int | None) -> tuple[int | None, int | None]:
    """A window's hours, the first day's when it has none of its own."""
    return (start, end) if start is not None or end is not None else (intake.start, intake.end)


def take_named(t: Turn) -> None:
    """The days a message names beyond its first ('월요일부터 금요일까지') kept beside the window, and care said to
    repeat ('매일 아침 8시부터') before any day is known, each said back."""
    if len(days := named(t)) > 1:
        # the first of them is the care window ('설 전날부터 설 다음날까지': the reader may take the last)
        first, extra = days[0][0], days[1:]
        if first != t.intake.day:
            t.intake = t.intake.evolve(day=first, urgent=t.intake.urgent or first == t.now.date())
        t.intake = t.intake.evolve(also=tuple(extra))
        t.say(texts.ALSO_NOTED.format(what=labels.also_words(extra, None, t.now.date(), t.intake)))
    if (repeat := repeat_words(t.text)) is not None and repeat != t.intake.repeat:
        t.intake = t.intake.evolve(repeat=repeat)
        t.say(texts.REPEAT_NOTED.format(repeat=repeat))


def _best_then(t: Turn, day: date, start: int | None, end: int | None) -> str | None:
    """The first recommendation's service on the added day: the hours of a weekday and a Sunday differ."""
    then: Intake = t.intake.evolve(day=day, start=start, end=end, holiday=None, also=())
    best = next((r.best for _, r in t.rankings(then) if r.best), None)
    return best.service.name.split(" (")[0] if best else None
