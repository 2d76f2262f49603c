"""The time a message with a correction in it asks for: hours and days said after the correction, completed by those
said before it ("내일 4시 아니 5시부터", "5시부터 8시 아니 9시요", "다다음주 화요일 아니고 수요일")."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from knowledge.schema import Knowledge
from routing.careday import holiday
from routing.days import find_day
from routing.hours import Period
from routing.when import When, find_when

WEEK_LEFT = re.compile(r"(?:다다음|다담|담담|다음|담|이번|이번\s*달\s*마지막)\s*주\s*$")
WEEKDAY_FIRST = re.compile(r"\s*[월화수목금토일]\s*(?:요일|욜)")
_WEEKDAY = re.compile(r"[월화수목금토일]\s*(?:요일|욜)")
_WEEK_SAID = re.compile(r"주\s*(?:의\s*)?[월화수목금토일]\s*(?:요일|욜)")
"""A weekday said with its week ("담주 화요일"): the week is said, not left to the day refused."""


def corrected_when(
    k: Knowledge, body: str, head: str, now: datetime, hint: Period | None, school: bool, fixed: str = "",
    refused: str = "",
) -> When:
    """When ``body`` (the message after its last correction) says care is, given ``head`` (what came before the words
    corrected), ``fixed`` (the whole message, when a correction cut it) and ``refused`` (the words refused with
    말고/아니고: "내일 말고 다음 일요일")."""
    found = find_when(body, now, k.night_from, k.night_until, hint, school, (k.day_from, k.day_until))
    if fixed and found.ambiguous_hour is not None:
        # "5시 아니 6시부터": the hour corrected keeps the half of the day of the one it replaces (routing.times)
        again = find_when(fixed, now, k.night_from, k.night_until, hint, school, (k.day_from, k.day_until))
        if again.ambiguous_hour is None and again.start is not None:
            found = found._replace(start=again.start, end=again.end, night=again.night, ambiguous_hour=None)
    today = now.date()
    if refused and found.day is not None and found.day > today and _WEEKDAY.search(body) and (
            not _WEEK_SAID.search(body) and find_day(refused, today) == found.day):
        # "내일 말고 다음 일요일" said on a Saturday: the Sunday refused is not the one meant, the one after it is
        day = found.day + timedelta(days=7)
        found = found._replace(day=day, holiday=holiday(body, day, -1))
    if not head:
        return found
    before = find_when(head, now, k.night_from, k.night_until, hint, school, (k.day_from, k.day_until))
    if (found.ambiguous_hour is not None and found.start is not None and before.start is not None
            and before.ambiguous_hour is None and (before.start >= 720) != (found.start >= 720)):
        # "5시부터 8시까지.. 아 아니다 6시부터 9시까지": corrected hours keep the half of the day of those before
        half = "오후" if before.start >= 720 else "오전"
        again = find_when(f"{half} {body}", now, k.night_from, k.night_until, hint, school,
                          (k.day_from, k.day_until))
        if again.start is not None and again.ambiguous_hour is None:
            found = found._replace(start=again.start, end=again.end, night=again.night, ambiguous_hour=None)
    if fixed and found.start is not None and found.end is None and before.start is not None and (
            before.start != found.start):
        # "5시부터 8시 아니 9시요", "10시부터 2시.. 아 10시 아니고 11시부터요": one end of the range corrected, the
        # other kept; the whole message reads it so (routing.times)
        again = find_when(fixed, now, k.night_from, k.night_until, hint, school, (k.day_from, k.day_until))
        if again.start in (before.start, found.start) and again.end is not None and again.ambiguous_hour is None:
            found = found._replace(start=again.start, end=again.end, night=found.night or again.night)
    if found.start is None and found.end is not None and before.start is not None and before.start < 1440:
        # "6시부터 … 9시까지만요 아 아니다 10시까지": only the end is corrected; the end is read after the
        # start said before, as if said with it
        h, m = divmod(before.start, 60)
        said = f"{'오전' if h < 12 else '오후'} {h if h <= 12 else h - 12}시 {m}분부터 {body}"
        again = find_when(said, now, k.night_from, k.night_until, hint, school, (k.day_from, k.day_until))
        if again.start == before.start and again.end is not None:
            found = found._replace(start=again.start, end=again.end, night=found.night or again.night)
    if found.start is None and found.end is None and before.start is not None:
        found = found._replace(start=before.start, end=before.end, night=found.night or before.night)
    if found.day is not None and (week := WEEK_LEFT.search(head)) is not None and WEEKDAY_FIRST.match(body):
        # "다다음주 화요일 아니고 수요일이요": the weekday corrected, the week said with the first one kept
        again = find_when(f"{week.group()} {body}", now, k.night_from, k.night_until, hint, school,
                          (k.day_from, k.day_until))
        if again.day is not None:
            found = found._replace(day=again.day, holiday=again.holiday)
    if before.day is not None and (found.day is None or (found.day == today and find_day(body, today) is None)):
        # "내일 4시 아니 5시부터 9시까지": the day said before the correction (the body alone would be today's)
        found = found._replace(day=before.day, holiday=before.holiday, urgent=found.urgent or before.urgent,
                               assumed=before.assumed)
    return found

