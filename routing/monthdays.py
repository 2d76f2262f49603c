"""Days of a month: a bare day of the month, the nth weekday of a month, the month 이번 달/다음 달 names."""

from __future__ import annotations

from datetime import date, timedelta


def day_of_month(today: date, day: int) -> date | None:
    """The next ``day`` of a month from today on (this month's, else the next month that has it)."""
    for k in range(3):
        month0 = today.month - 1 + k
        try:
            found = date(today.year + month0 // 12, month0 % 12 + 1, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def nth_weekday(today: date, month: int, nth: int, weekday: int) -> date | None:
    """The ``nth`` such weekday of ``month`` ("12월 둘째 주 토요일" is the second Saturday; -1 the last), next
    such month."""
    for year in (today.year, today.year + 1):
        try:
            first = date(year, month, 1)
        except ValueError:
            return None
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1 if nth > 0 else 4))
        if nth < 0 and found.month != month:
            found -= timedelta(days=7)  # a fifth one does not exist: the fourth is the last
        if found.month == month and found >= today:
            return found
    return None


def month_word(today: date, word: str) -> int:
    """The month named by 이번 달, 다음 달 or 새해/내년 (January)."""
    if word[0] in "새내":
        return 1
    return (today.month - 1 + (word[0] in "다담")) % 12 + 1
