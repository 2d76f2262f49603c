"""Write an intake's facts as a parent or a coordinator reads them: children, days, hours, phones, the summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from bot.dialog import wording
from bot.dialog.intake import Intake, Kid
from bot.dialog.particles import ko


def clock(minutes: int) -> str:
    minutes = minutes % 1440 if minutes > 1440 else minutes
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def kid_label(kid: Kid) -> str:
    if kid.label:
        return kid.label.split(" (")[0]  # '6살 (취학 전)' tapped: '6살', never '세 아이(6살 (취학 전), 2살)'
    if kid.school_grade is not None:
        return wording.GRADE_LABEL.format(grade=kid.school_grade)
    if kid.school:
        return wording.AGES_SCHOOL_ONLY
    if kid.age_months is None:
        return wording.CHILD_UNKNOWN
    if kid.age_months < 24 or kid.age_months % 12:
        return wording.AGE_LABEL_MONTHS.format(months=kid.age_months)
    return wording.AGE_LABEL_YEARS.format(years=kid.age_months // 12)


def day_label(day: date, today: date | None = None) -> str:
    """'1월 27일(목)'; with the year when it is not this year's, so a date read into next year shows it."""
    label = wording.DAY_FMT.format(month=day.month, day=day.day, weekday=wording.WEEKDAYS[day.weekday()])
    return wording.YEAR_FMT.format(year=day.year, day=label) if today and day.year != today.year else label


def moment(at: datetime) -> str:
    """'12월 7일(월) 09:00'."""
    return f"{day_label(at.date())} {at:%H:%M}"


def when_label(intake: Intake, today: date | None = None) -> str:
    year = today.year if today and intake.day and intake.day.year != today.year else None
    return _when_label(intake.day, intake.start, intake.end, intake.night, year, intake.period)


@lru_cache(maxsize=1024)
def _when_label(day: date | None, start: int | None, end: int | None, night: bool | None,
                this_year: int | None = None, period: str | None = None) -> str:
    """Formatted once per window: the summary shows it on the confirming turns and in every case file."""
    parts = [day_label(day, date(this_year, 1, 1) if this_year else None)] if day else []
    if start is not None and end is not None:
        # '23:50~다음 날 08:00': care through midnight, not an end before its start
        form = wording.TIME_RANGE_NEXT_DAY if end > 1440 else wording.TIME_RANGE
        parts.append(form.format(start=clock(start), end=clock(end)))
    elif start is not None:
        parts.append(wording.TIME_FROM.format(start=clock(start)))
    elif end is not None:
        parts.append(wording.TIME_UNTIL.format(end=clock(end)))
    elif night:
        parts.append(wording.NIGHT)
    elif night is False:  # '오후' or '낮에' with the hours left open: said, not lost
        parts.append(wording.DAYTIME.get(period, wording.DAYTIME[None]))
    return " ".join(parts) or wording.WHEN_UNKNOWN


def when_words(day: date, start: int | None, end: int | None, today: date | None) -> str:
    """A day and hours as the parent reads them back: '오늘 10:00~12:00', '12월 7일(월) 09:00~12:00'."""
    head = wording.TODAY_WORD if day == today else day_label(day, today)
    return " ".join(p for p in (head, _when_label(None, start, end, None)) if p != wording.WHEN_UNKNOWN)


def changed_fields(before: Intake, after: Intake, today: date | None = None) -> list[tuple[bool, str]]:
    """Each fact a message changed, with whether ``before`` already had it (a correction) or not (new)."""
    out = []
    added = after.kids[len(before.kids):] if before.kids and after.kids[:len(before.kids)] == before.kids else ()
    if added:  # '동생도 있어요 2살이요': '2살 아이도 함께 적어 둘게요'
        out.append((False, wording.ADDED_KID.format(value=", ".join(kid_label(k) for k in added))))
    elif before.kids != after.kids and not after.has_age:
        # Some ages still missing (the next question asks them): the children kept so far, never '아이, 3살'.
        said = [kid_label(k) for k in after.kids if k.known or k.school]
        count = wording.COUNTS[min(len(after.kids), len(wording.COUNTS)) - 1]
        if len(after.kids) == 1:  # '초등학생 아이를', not '한 아이(초등학생)를'
            out.append((False, wording.KID_SO_FAR.format(label=said[0] if said else wording.CHILD_UNKNOWN)))
        else:
            out.append((False, wording.KIDS_SO_FAR.format(count=count, labels=f"({', '.join(said)})" if said else "")))
    elif len(after.kids) < len(before.kids) and all(k in before.kids for k in after.kids):
        # '큰애만요': the children left, not '나이를 … 바꿨어요'
        out.append((True, wording.ONLY_KIDS.format(value=", ".join(kid_label(k) for k in after.kids))))
    elif before.kids != after.kids:
        value, old = (", ".join(kid_label(k) for k in kids) for kids in (after.kids, before.kids))
        if value != old or not before.has_age:  # '4살' (48 months) read again as '4살' (50): nothing to say
            out.append((before.has_age, _from(wording.FACT_AGE, old, value)
                        if before.has_age and len(before.kids) == len(after.kids) == 1
                        else ko(wording.CHANGED_AGE, value=value)))
    gone = [d for d in before.care_days if d not in after.care_days]
    came = [d for d in after.care_days if d not in before.care_days]
    if len(gone) == 1 and len(came) == 1:  # '수요일 말고 목요일로': the day replaced, first or added
        out.append((True, _from(wording.FACT_DAY, day_label(gone[0], today), day_label(came[0], today))))
    elif before.day != after.day and after.day:
        value = day_label(after.day, today)
        out.append((before.has_day, _from(wording.FACT_DAY, day_label(before.day, today), value) if before.day
                    else ko(wording.CHANGED_DAY, value=value)))
    if (before.start, before.end, before.night) != (after.start, after.end, after.night):
        value = _when_label(None, after.start, after.end, after.night, None, after.period)
        old = _when_label(None, before.start, before.end, before.night, None, before.period)
        had = before.start is not None or before.end is not None
        if not had or old != value:  # the same words ('23:30부터' read again): nothing a parent would see changed
            out.append((before.has_time, _from(wording.FACT_TIME, old, value) if had and value
                        else ko(wording.CHANGED_TIME, value=value)))
    if (before.area, before.coords) != (after.area, after.coords):
        value = after.area or wording.SHARED_LOCATION
        out.append((before.has_place, _from(wording.FACT_PLACE, before.area, value) if before.area and after.area
                    else ko(wording.CHANGED_PLACE, value=value)))
    return out


def _from(what: str, old: str, value: str) -> str:
    return ko(wording.CHANGED_FROM, what=what, old=old, value=value)


def also_label(intake: Intake, today: date | None = None) -> str:
    """The days added to the first window and the repetition said: '12월 7일(월) 09:00~12:00, 매주 화요일'."""
    return also_words(intake.also, intake.repeat, today, intake)


def also_words(windows: Sequence[tuple[date, int | None, int | None]], repeat: str | None, today: date | None,
             intake: Intake) -> str:
    """'12월 7일(월), 12월 8일(화) 09:00~12:00', '12월 9일(수) 14:00~17:00' and the repetition in the parent's words:
    days of the first day's hours share the hours, written once."""
    same = [d for d, s, e in windows if s is None and e is None]
    parts = [when_words(d, s, e, today) for d, s, e in windows if s is not None or e is not None]
    if same:
        days = ", ".join(when_words(d, None, None, today) if i == 0 or (d.year, d.month) != (same[i - 1].year,
                                                                                          same[i - 1].month)
                         else wording.DAY_ONLY_FMT.format(day=d.day, weekday=wording.WEEKDAYS[d.weekday()])
                         for i, d in enumerate(same))  # '1월 5일(화), 6일(수), 7일(목)
        hours = when_words(same[-1], intake.start, intake.end, today).removeprefix(
            when_words(same[-1], None, None, today)).strip()
        parts.insert(0, f"{days} {hours}".strip())
    if repeat:
        parts.append(wording.ALSO_REPEAT.format(repeat=repeat))
    return ", ".join(parts)


def phone_label(digits: str) -> str:
    """'01098765432' as the parent wrote it, '010-9876-5432', so they can check it at a glance."""
    if not digits.isdigit():
        return digits
    head = 2 if digits.startswith("02") else 3
    if len(digits) not in (9, 10, 11) or len(digits) - head < 7:
        return digits
    return f"{digits[:head]}-{digits[head:-4]}-{digits[-4:]}"


def summary(intake: Intake, best_names: list[str], place_name: str | None, today: date | None = None) -> str:
    """The short case summary both the parent (to confirm) and the coordinator (to act) read."""
    kids = ", ".join(kid_label(k) for k in intake.kids) or "-"
    contact = phone_label(intake.phone) if intake.phone else (wording.CONTACT_CHAT if intake.chat_route else "-")
    lines = [
        wording.SUMMARY_CHILDREN.format(children=kids),
        wording.SUMMARY_WHEN.format(when=when_label(intake, today)),
        *([wording.SUMMARY_ALSO.format(when=also_label(intake, today))] if intake.also or intake.repeat else []),
        wording.SUMMARY_PLACE.format(place=place_name or "-"),
        wording.SUMMARY_SERVICE.format(service=", ".join(best_names) or "-"),
        wording.SUMMARY_CONTACT.format(contact=contact),
    ]
    return "\n".join(lines)
