"""How one message is read for a turn: a button label typed back, the 오전/오후 answer, the half of the day, the day,
week and month carried from earlier messages, a window already over, a shared location."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from bot.dialog import labels, texts
from bot.dialog.core import Choice, Inbound
from bot.dialog.intake import Intake, Step
from bot.dialog.turn import Turn
from routing.days import WEEKDAYS, find_days
from routing.need import Understanding
from routing.understand import Understander

MAX_TEXT = 2000
"""Longer messages are cut: no intake answer needs more, and it bounds the work one message can cause."""
MAX_HALF = 300
"""The part of a message kept while its hour waits for 오전/오후 (in the state, deleted with the conversation)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MONTH = re.compile(r"(?<![0-9])(1[0-2]|[1-9])\s*월(?!\s*(?:[0-9]|첫|둘|셋|넷|다섯|마지막|막|생|에\s*태어|출생))")
"""A month named alone ("12월에요"): a day of the month said later is in it."""
_NEXT_MONTH = re.compile(r"(?:다음|담)\s*달(?!\s*[0-9])")
_NOT_CARE_MONTH = re.compile("입학|학교|초등|유치원|개학|방학|생일|태어")
_BARE_DATE = re.compile(r"([0-9]{1,2})\s*일")
_MONTH_BEFORE = re.compile(r"(?:월|달)\s*$")
_BARE_WEEKDAY = re.compile(r"[월화수목금토일]\s*(?:요일|욜)")
_SPACING = re.compile(r"[\s.,!?~()·]+")
"""Spacing and punctuation, left out when a typed text is compared with a button's label (every turn with buttons)."""


def read_turn(reader: Understander, intake: Intake, inbound: Inbound,
              now: datetime) -> tuple[Intake, str, str, str | None, Understanding, str | None]:
    """(intake, raw, text, label, understanding, over) for one inbound message: ``raw`` is what came (a button's
    value or the text), ``text`` what is read, ``label`` the button's label when one was tapped or typed, ``over``
    the window read that has already ended ('오늘 10:00~12:00'), when the message named one."""
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
    elif intake.ask_half and (half := typed_half(text)) is not None:
        text, label = intake.ask_half, None  # '오후요', '아침 7시요': as the button
        intake = intake.evolve(period=half, ask_half=None)
    elif intake.ask_half:
        # The parent wrote something else instead: the question lapses, but not the rest of the message that asked
        # it ('5살 아이 7시부터' then '자산동': the age stays); only its doubtful hours are asked again.
        held = reader.read(intake.ask_half, now, intake.period)
        if not held.past:
            # today assumed for those hours goes with them
            day = None if held.day_assumed else held.need.day
            need = replace(held.need, day=day, start=None, end=None, night=None, overnight=False)
            intake = intake.merge(replace(held, need=need, day_assumed=False))
        intake = intake.evolve(ask_half=None)
    if intake.ask_kid and raw.startswith(texts.KID_PICK):
        # A child's button: the message whose age it was is read again, for that child (Turn.pick).
        text, label = intake.ask_kid, None
        intake = intake.evolve(ask_kid=None)
    elif intake.ask_kid and _names_kid(text):
        text = f"{text} {intake.ask_kid}"  # '큰애요': the age said before is that child's
        intake = intake.evolve(ask_kid=None)
    elif intake.ask_kid:
        intake = intake.evolve(ask_kid=None)
    u = reader.read_tap(text, now, intake.period) if label is not None else reader.read(text, now, intake.period)
    read = text
    if intake.step != Step.DONE and (said := in_context(text, u, intake, now)) is not None:
        read = said
        # Read again with the day, week or month said earlier, like the half of the day above: only the time
        # facts are taken from that reading, the rest of the message is read as written.
        again = reader.read(said, now, intake.period)
        n, m = u.need, again.need
        if n.day is None or u.day_assumed:
            # hours alone: the day stays the one already held, with its urgency ('급해요' said then); today, only
            # assumed for them, never replaces it
            n = replace(n, day=None, start=m.start, end=m.end, night=m.night, overnight=m.overnight)
        else:
            n = replace(n, day=m.day, start=m.start, end=m.end, night=m.night, holiday=m.holiday, urgent=m.urgent,
                        overnight=m.overnight)
        asked = (again.need.day or again.asked_day) if u.asked_day else None  # "일요일에도 운영해요?": that week's
        u = replace(u, need=n, past=again.past, ambiguous_hour=again.ambiguous_hour, day_assumed=False, asked_day=asked)
    if u.day_assumed and intake.month is not None:  # '12월에요', then hours alone: not today's, the day is asked
        u = replace(u, need=replace(u.need, day=None), day_assumed=False)
    if u.need.day is None and (month := named_month(text, now.date())) is not None and intake.step != Step.DONE:
        intake = intake.evolve(month=month)
    elif u.need.day is not None and intake.month is not None:
        intake = intake.evolve(month=None)
    if u.period is not None and u.period != intake.period:
        intake = intake.evolve(period=u.period)
    over = None
    if (gone := _just_gone(u.need.day, text, now.date()) or _last_week(u.need.day, text, now.date())) is not None:
        # '12월 6일' on 7 December is yesterday mistyped or misremembered, not next December: never filed a year on
        u = replace(u, past=True)
        over = window_words(gone, u.need.start, u.need.end, now.date())
    elif u.need.day is not None and u.need.day < now.date() and not u.past:
        u = replace(u, past=True)  # whatever the reading, a day before today is no care window
        over = window_words(u.need.day, u.need.start, u.need.end, now.date())
    elif u.past:
        over = past_window(reader, read, now, intake.period)
    if u.past:
        # A window already over is no need: the day and hours are asked again, not half kept.
        u = replace(u, need=replace(u.need, day=None, start=None, end=None, night=None, holiday=None))
    if inbound.location:
        u = replace(u, need=replace(u.need, coords=inbound.location, area=None))
    return intake, raw, text, label, u, over


PAST_LOOKBACK_HOURS = 24
"""How far back the window read as over is looked for (the reader drops it once over; today's hours only)."""


def past_window(reader: Understander, text: str, now: datetime, period: str | None) -> str | None:
    """The window the message was read as, now over ('오늘 10:00~12:00'), so the parent sees which reading was
    turned down and can correct a misreading. The reader drops a window once it has ended; read again an hour
    earlier at a time (never before today began), the latest reading still standing is the one it turned down."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    for back in range(1, PAST_LOOKBACK_HOURS + 1):
        probe = max(now - timedelta(hours=back), midnight)
        again = reader.read(text, probe, period)
        n = again.need
        if not again.past and n.day == now.date() and (n.start is not None or n.end is not None):
            return window_words(n.day, n.start, n.end, now.date())
        if probe == midnight:
            break
    return None


JUST_GONE_DAYS = 31
"""A date this many days ago or fewer, read into next year because it has passed, is taken as the past date."""
_NEXT_YEAR = re.compile("내년|다음\\s*해|[0-9]{2,4}\\s*년")


def _just_gone(day: date | None, text: str, today: date) -> date | None:
    """This year's date a day read as next year's stands for, when it passed only days ago and no year was said."""
    if day is None or (day - today).days < 300 or _NEXT_YEAR.search(text):
        return None
    try:
        gone = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None
    return gone if today - timedelta(days=JUST_GONE_DAYS) <= gone < today else None


_LAST = re.compile(r"(?:지난|저번|지지난)\s*(?:주\s*|번\s*)?$")
"""'지난주 토요일', '저번 금요일': a weekday gone, which the reader names in the week ahead."""


def _last_week(day: date | None, text: str, today: date) -> date | None:
    """The past weekday a day read ahead stands for, when the message puts '지난주' or '저번' before it."""
    if day is None or day < today:
        return None
    for found in find_days(text, today):
        if found.day == day and found.weekly and _LAST.search(text, max(0, found.at - 8), found.at):
            gone = day - timedelta(days=7)
            while gone >= today:
                gone -= timedelta(days=7)
            return gone
    return None


def window_words(day: date, start: int | None, end: int | None, today: date) -> str:
    """'오늘 10:00~12:00', '12월 3일(목) 14:00부터': a window as the parent reads it back."""
    return labels.when_words(day, start, end, today)


def in_context(text: str, u: Understanding, intake: Intake, now: datetime) -> str | None:
    """The message with the day, week or month the conversation already holds written into it, when it leans on
    them; else None. Hours alone ("오후 2시부터", read as today's only as an assumption) are on the day said before
    (so "1시부터 3시" at 15:00 on that day is over); a bare weekday ("토요일") is in the week said before ("다음
    주말"); a bare day of the month ("24일") is in the month said before ("12월에요", or the month of the date
    already given)."""
    today = now.date()
    n = u.need
    said = n.day or u.asked_day  # "일요일에도 운영해요?": a day asked about leans on the week held too
    if said is None or u.day_assumed:  # today assumed for hours said alone is no day said
        if intake.day is not None and intake.day >= today and (n.start is not None or n.end is not None):
            if n.start is None and intake.start is not None:
                # '새벽 2시까지요' after '지금': the end of the window that started then, not this morning's 02:00
                return f"{_date_words(intake.day)} {_clock_words(intake.start)}부터 {text}"
            if n.start is None and intake.night:
                return f"{_date_words(intake.day)} {texts.NIGHT_WORD} {text}"  # '오늘 밤' then '새벽 2시까지'
            return f"{_date_words(intake.day)} {text}"
        return None
    days = find_days(text, today)
    if not days or days[0].day != said:
        return None
    first = days[0]
    if first.weekly and _BARE_WEEKDAY.match(text, first.at) and intake.day is not None:
        monday = intake.day - timedelta(days=intake.day.weekday())
        wanted = monday + timedelta(days=WEEKDAYS.index(text[first.at]))
        if wanted != said and wanted >= today:
            end = _BARE_WEEKDAY.match(text, first.at).end()  # type: ignore[union-attr]
            return f"{text[:first.at]}{_date_words(wanted)}{text[end:]}"
        return None
    month = intake.month or (intake.day.month if intake.day is not None else None)
    bare = _BARE_DATE.match(text, first.at)
    if (month is not None and first.exact and bare is not None and said.month != month
            and not _MONTH_BEFORE.search(text, max(0, first.at - 7), first.at)):
        return f"{text[:first.at]}{month}월 {text[first.at:]}"
    return None


def named_month(text: str, today: date) -> int | None:
    """The month a message names without a day ("12월에요", "12월 중에"), if any; a school start is not one."""
    m = _MONTH.search(text) or _NEXT_MONTH.search(text)
    if m is None or _NOT_CARE_MONTH.search(text):
        return None
    return int(m.group(1)) if m.re is _MONTH else today.month % 12 + 1


def _clock_words(minutes: int) -> str:
    """A start as words the reader takes without 오전/오후 doubt: '23시 50분', '오전 9시 0분'."""
    minutes %= 1440
    head = "오전 " if minutes < 720 else ""
    return f"{head}{minutes // 60}시 {minutes % 60}분"


def _date_words(day: date) -> str:
    return f"{day.month}월 {day.day}일"


def _names_kid(text: str) -> bool:
    """'큰애요', '작은애', '첫째': a child named by rank with no age of its own."""
    compact = "".join(text.split())
    return not any(c.isdigit() for c in compact) and len(compact) <= 8 and any(
        w in compact for words in texts.CHILD_RANK_WORDS.values() for w in words)


_HALF_WORDS = re.compile(rf"({'|'.join(texts.HALF_TYPED)})(?:[0-9]{{1,2}}시)?"
                         r"(?:이요|이에요|예요|요|입니다|이죠|죠)?[.!~]*")


def typed_half(text: str) -> str | None:
    """'am' or 'pm' when the message is only a half of the day ('오후요', '저녁 7시요'), the 오전/오후 question's
    answer typed instead of tapped; else None."""
    m = _HALF_WORDS.fullmatch("".join(text.split()))
    return texts.HALF_TYPED[m.group(1)] if m else None


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
    return _SPACING.sub("", text)


def clean(text: str) -> str:
    """Normalise a message: NFC (so 'ㄱ+ㅏ' typed apart matches), no control characters, bounded length."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", text[:MAX_TEXT])).strip()
