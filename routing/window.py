"""Care windows against the clock: bare hours read as tonight's once this morning's are over or long begun,
the whole day filled in, and whether a window has already ended."""

from __future__ import annotations

import re
from datetime import date, datetime

from routing.hours import Period, Settled

_HALF = 12 * 60
_LONG_BEGUN = 120
"""Minutes a bare morning start lies behind now before its evening reading is asked about (still running)."""
_WHOLE_DAY = re.compile(r"(?<!최)종일(?!제)|하루\s*(?:내내|꼬박)|꼬박\s*하루")
"""A whole day of care: 하루 종일, 온종일, 종일 (not 최종일, 영아종일제), 하루 내내."""
WHOLE_DAY = (9 * 60, 18 * 60)
"""The knowledge's default day (services.yaml ``day_from``, ``day_until``)."""


def evening(settled: Settled, bare: bool, day: date | None, today_said: bool, now: datetime,
            half: Period | None) -> Settled:
    """Bare hours (no 오전/오후 on either) read as the evening's when the morning's cannot be meant: a bare 12
    after a said evening, a morning window already over with tonight's about to start, or one hours into its
    course (held while the dialog asks). ``half`` is the period word said or carried; ``today_said`` whether the
    hours are today's."""
    today = now.date()
    now_minutes = now.hour * 60 + now.minute
    start, end = settled.start, settled.end
    if bare and end == _HALF and start is not None and start < _HALF and half == "pm":
        # "9시부터 12시까지 밤에": the evening one to midnight (a bare 12 is noon or midnight)
        start, end = start + _HALF, 2 * _HALF
        settled = Settled(start, end, True, True)
    if bare and start is not None and end is not None and start < _HALF and (day == today or (
        day is None and today_said and start + _HALF <= now_minutes + 120)) and over(
            today, start, end, now, today) and start + _HALF > now_minutes - 60:
        # "지금 11시부터 1시까지" at 23:00, "오늘 10시부터 2시까지" at 21:00: the morning reading is over, the
        # evening one (to past midnight) is about to start; an evening one long begun is asked again as before.
        # With no day said, only when tonight's start is near (at 14:00 "10시부터 2시까지" may be any day's)
        return Settled(start + _HALF, end + _HALF, True, True)
    if (bare and start is not None and end is not None and start < _HALF and day == today
          and half != "am" and start + _LONG_BEGUN <= now_minutes < start + _HALF
          and start < end <= start + _HALF and not over(today, start, end, now, today)):
        # "오늘 9시부터 7시까지" said at 14:00: care is asked for ahead, not hours into it, so tonight's reading
        # (21:00 to 07:00) is as likely as this morning's: held while the dialog asks, taken when the evening is said
        start, end = start + _HALF, end + _HALF
        sure = half == "pm"
        return Settled(start, end, sure, sure, None if sure else start // 60)
    return settled


def night_shift(settled: Settled, bare: bool, night: bool) -> Settled:
    """Bare hours said backwards ("10시부터 7시까지", read 10:00-19:00) by a parent who names night work or the night
    (``night``: 야간 근무, 나이트): tonight's start to the next morning (22:00-07:00)."""
    start, end = settled.start, settled.end
    if night and bare and start is not None and end is not None and start < _HALF <= end and end - _HALF < start:
        return Settled(start + _HALF, end + _HALF, True, True)
    return settled


def fill_whole_day(text: str, settled: Settled, day: tuple[int, int]) -> Settled:
    """The hours "하루 종일" fills in: all of ``day``, from a start said to its end, or from its start to an end
    said; hours already complete stay."""
    start, end = settled.start, settled.end
    if (start is not None and end is not None) or not ("종일" in text or "하루" in text) or not _WHOLE_DAY.search(
            text):
        return settled
    if start is None and end is None:
        start, end = day
    elif end is None and start is not None and start < day[1]:
        end = day[1]
    elif start is None and end is not None and end > day[0]:
        start = day[0]
    return settled if start is None or end is None else Settled(start, end, True, True)


def over(day: date, start: int | None, end: int | None, now: datetime, today: date) -> bool:
    """Whether the care window has ended by ``now`` (a start alone counts as one hour)."""
    if day < today:
        return True
    if day > today or (start is None and end is None):
        return False
    last = end if end is not None else start + 60  # type: ignore[operator]
    return last <= now.hour * 60 + now.minute


def overnight_bare(start: int, end: int, now_minutes: int) -> tuple[int, int] | None:
    """Bare hours with the next day said between them ("10시부터 내일 6시까지"): the start today, still ahead, and the
    end on the next day, read as the shortest such night (22:00 to 06:00, not 10:00 to 18:00 a day later)."""
    if end % _HALF == 0:
        return None  # "내일 12시까지" is noon or midnight: the day said stays
    starts = [s for s in (start % _HALF, start % _HALF + _HALF) if s > now_minutes]
    spans = [(s, e) for s in starts for e in (end % _HALF + 2 * _HALF, end % _HALF + 3 * _HALF) if e > s]
    return min(spans, key=lambda p: p[1] - p[0]) if spans else None


_EVENING_NINE = 7
_DAWN_DUTY = re.compile(
    r"문\s*열|여는|열기\s*전|출근|등원|등교|나가|나갈|아침|새벽|깨기|일찍|아[가기]\s*(?:가\s*)?깨|평일|매일|마다|주중")
_SMALL_CHILD = re.compile(r"[0-9]\s*(?:살|개월|세)|(?:한|두|세|네|다섯|여섯|일곱)\s*살|아기|애기")
"""A bare start up to 7 to a bare 9 for a child whose age is said, with no word of a morning duty (출근, 등원, 아침,
나가요, a daycare's opening: 문 열어서) nor a schedule (평일), is held as the evening while the dialog asks
("6시~9시 3살", "7시부터 9시요 3살"): a few hours after work;
dawn care says why it is early. Hours said alone ("6~9시") stay as written, asked."""


def evening_nine(text: str, settled: Settled) -> Settled:
    """The hours with a doubtful bare 6-7 start to a bare 9, held as the morning's, held as the evening's instead
    when nothing in the message points at the morning (still asked: ``ambiguous_hour`` stays)."""
    start, end, hour = settled.start, settled.end, settled.ambiguous_hour
    if hour is None or hour > _EVENING_NINE or start is None or end is None or start // 60 != hour or (
            end // 60 != 9) or _DAWN_DUTY.search(text) or not _SMALL_CHILD.search(text):
        return settled
    return settled._replace(start=start + _HALF, end=end + _HALF)
