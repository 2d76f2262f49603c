"""Korean phrases for the rules engine's reasons and why-nots, kept apart so wording changes never touch logic."""

from __future__ import annotations

from knowledge.schema import Ages, DayHours, Hours, School

DAY_NAMES = {
    "mon": "월요일", "tue": "화요일", "wed": "수요일", "thu": "목요일", "fri": "금요일",
    "sat": "토요일", "sun": "일요일", "holiday": "공휴일",
}
_SHORT = {k: name.removesuffix("요일") for k, name in DAY_NAMES.items()}
WEEKDAYS_LABEL = "평일"
WEEKEND_LABEL = "주말·공휴일"
ANY_DAY_LABEL = "어느 날이든"
VACATION_LABEL = "방학 중 {day}"

# Every phrase below ends in a form that needs no particle choice after a service or site name.
AGE_FITS = "{child}: {service} 대상({range})"
AGE_OUT = "{child}: {service} 대상이 아닙니다 (대상 {range})"
AGE_UNKNOWN = "아이 나이를 알려 주시면 {service} 대상인지 확인할게요 (대상 {range})"
SCHOOL_NOT_TAKEN = "초등학생은 {service} 대상이 아닙니다"
PRESCHOOL_NOT_TAKEN = "취학 전 아이는 {service} 대상이 아닙니다 (초등학생만)"
SICK_FACILITY = "아픈 아이는 {service}에서 맡지 않습니다 (시설은 아픈 아이를 받지 않아요)"

HOURS_FIT = "{when}: 운영시간 {hours} 안"
HOURS_OPEN = "{day} 운영시간 {hours}"
HOURS_OUTSIDE = "{when}: 운영시간 {hours} 밖"
CLOSED = "{day}은 운영하지 않습니다"
NEXT_DAY_OUTSIDE = "자정 넘어 {when}: 다음날({day}) 운영시간 {hours} 밖"
NEXT_DAY_CLOSED = "자정 넘어 {when}: 다음날({day})은 운영하지 않습니다"
HOURS_FACTS = "운영시간: {hours}"
AT_SITE = "{text} ({site})"

LEAD_SHORT = "최소 {lead} 전에 예약해야 해서 지금 바로는 어렵습니다"
LEAD_OK = "최소 {lead} 전 예약 조건에 맞습니다"
LEAD_UNKNOWN = "최소 {lead} 전에 예약해야 합니다"
MIN_DURATION = "한 번에 최소 {minimum} 이상 이용합니다"

TOPIC = "문의하신 내용을 안내하는 곳입니다: {summary}"
FIRST_FOR = "{situation}: 가장 먼저 권하는 돌봄입니다"
INFO_NOT_ASKED = "돌봄이 아니라 안내 서비스입니다 (관련 문의가 있을 때 안내합니다)"
LAST_RESORT_HELD = "{situations} 때 먼저 안내하고, 그 밖에는 다른 돌봄이 맞지 않을 때만 안내합니다"
LAST_RESORT_ONLY = "다른 돌봄이 맞지 않을 때만 안내합니다"
LAST_RESORT_OFFERED = "다른 돌봄이 나이·시간·예약 조건에 맞지 않아 대안으로 안내합니다"
FALLBACK = "맞는 돌봄을 찾지 못해 먼저 상담·안내를 권합니다"
TOO_YOUNG = "{child} 아기는 이 돌봄 서비스들이 맡지 않습니다 (가장 어린 아이도 {low}부터). 이곳에 먼저 문의하세요"
TOO_OLD = "{child} 아이는 이 돌봄 서비스들의 대상이 아닙니다 (가장 큰 아이도 {high}까지). 이곳에 먼저 문의하세요"
AT_HOME = "돌보미가 집으로 찾아갑니다"
NEAREST = "{origin}에서 가장 가까운 곳: {site} (약 {km:.1f}km)"
YOUR_LOCATION = "보내주신 위치"


def clock(minute: int) -> str:
    """``HH:MM``; 1440 is ``24:00`` and later minutes are the next day's."""
    if minute > 1440:
        return "다음날 " + clock(minute - 1440)
    return f"{minute // 60:02d}:{minute % 60:02d}"


def span(hours: DayHours) -> str:
    return "24시간" if (hours.open, hours.close) == (0, 1440) else hours.label()


def duration(minutes: int) -> str:
    hours, rest = divmod(max(minutes, 0), 60)
    if hours and rest:
        return f"{hours}시간 {rest}분"
    return f"{hours}시간" if hours else f"{rest}분"


def months(m: int) -> str:
    return f"{m}개월" if m < 12 else f"만 {m // 12}세({m}개월)"


def child(age_months: int | None, grade: int | None) -> str:
    if grade is not None:
        return f"초등학교 {grade}학년" + (f", {months(age_months)}" if age_months is not None else "")
    return months(age_months) if age_months is not None else "아이"


def _bound(m: int) -> str:
    return f"{m}개월" if m < 24 or m % 12 else f"만 {m // 12}세"


def age_range(ages: Ages) -> str:
    low = _bound(ages.min_months)
    high = f"만 {ages.max_months // 12}세" if ages.max_months >= 24 else f"{ages.max_months}개월"
    if ages.school is School.NEVER:
        return f"{low}~취학 전"
    if ages.school is School.ONLY:
        return f"초등학생, {low}~{high}"
    return f"{low}~{high}"


def window(day: str, start: int | None, end: int | None) -> str:
    """The asked-for time, e.g. ``평일 18:00-22:00``, ``토요일 22:00까지``."""
    if start is not None and end is not None:
        return f"{day} {clock(start)}-{clock(end)}"
    if start is not None:
        return f"{day} {clock(start)}부터"
    if end is not None:
        return f"{day} {clock(end)}까지"
    return day


def night(day: str, night_from: int) -> str:
    return f"{day} 밤({clock(night_from)} 이후)"


def hours_summary(hours: Hours) -> str:
    """``평일 07:30-24:00, 토·일·공휴일 09:00-18:00``; ``24시간 매일`` for round-the-clock care."""
    groups: dict[DayHours, list[str]] = {}
    for key, day in hours.days.items():
        groups.setdefault(day, []).append(key)
    parts = []
    for day, keys in groups.items():
        if len(keys) == len(DAY_NAMES):
            parts.append("24시간 매일" if (day.open, day.close) == (0, 1440) else f"매일 {day.label()}")
        else:
            parts.append(f"{_days(keys)} {day.label()}")
    return ", ".join(parts) if parts else "운영일 없음"


def _days(keys: list[str]) -> str:
    order = list(DAY_NAMES)
    week = sorted((k for k in keys if k != "holiday"), key=order.index)
    if week == order[:5]:
        label = WEEKDAYS_LABEL
    elif len(keys) == 1:
        return DAY_NAMES[keys[0]]
    elif len(week) >= 3 and order.index(week[-1]) - order.index(week[0]) == len(week) - 1:
        label = f"{_SHORT[week[0]]}~{_SHORT[week[-1]]}"
    else:
        label = "·".join(_SHORT[k] for k in week)
    if "holiday" in keys:
        label = f"{label}·공휴일" if label else "공휴일"
    return label
