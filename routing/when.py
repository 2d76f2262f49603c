"""When care is needed: the day, clock times and ranges, night, holiday and urgency words, put together."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from routing.asides import back_at, in_korean, only_place_hours, story_told, time_now, work_hours, works_range
from routing.careday import asked_open, care_days, holiday, hours_day, now_first
from routing.clocks import CLOCK_LETTERS
from routing.counted import counted, ends_then, offset
from routing.days import TODAY, Day, find_days, next_listed
from routing.feasts import is_holiday
from routing.hours import Period, Settled, period, settle
from routing.need import tuple_maker
from routing.nowsaid import says_now
from routing.times import Times, find_times
from routing.window import WHOLE_DAY, evening, evening_nine, fill_whole_day, night_shift, over, overnight_bare

_NIGHT_WORDS = re.compile(
    r"(?:밤(?!톨|송이|나무|껍질|길)|야간|심야|새벽)(?!\s*(?:에|에는|엔|은|는)?\s*(?:늦게\s*)?몇\s*시\s*까지)")
"""Night said as the care's time; not the night in a question about a service's hours ("밤 몇시까지 해요?")."""
_OVERNIGHT = re.compile(
    r"밤\s*새|밤샘|하룻\s*밤|외박|(?<![0-9])1\s*박|일\s*박|(?<![0-9])[1-9]\s*박\s*[2-9]\s*일|재워|자고\s*(?:와|오|가|올)|아침\s*까지"
    r"|출장[가-힣0-9\s]{0,14}?밤에?\s*도")
"""Through the night to the morning: 밤새 (not 밤 10시), 하룻밤, 외박, "자고 와야 해요", "아침까지", a trip away that
takes the nights too ("출장이라 밤에도 봐줄 사람", "2박3일 출장이에요 초4 딸 밤에도")."""
_OVERNIGHT_LETTERS = re.compile("[밤박재자침]")
_NIGHT_ONLY = re.compile(r"밤(?!톨|송이|나무|껍질|길)|야간|심야")
_SHIFT = re.compile(
    r"나이트|밤\s*근무|야간\s*(?:근무|일|조|출근|이라|이에|이예|예요|이고|인데)|밤\s*(?:일|출근)(?![가-힣])")
"""Night work named: bare hours said backwards are the night's ("10시부터 7시까지 나이트예요"). Not 밤새 (last
night's story: "밤새 열나서 … 9시부터 6시까지") nor 당직 (a day's duty as well)."""
_DAY_WORDS = re.compile(r"낮(?!잠|은|게|아|춰|추)|오전|점심|오후")
_WEEKDAYS_SAID = re.compile("평일|주중")
_RECURRING = re.compile("평일|주중|매일|날마다|매주|주말|방학|월\\s*[~-]\\s*금")
"""A schedule, not one day: a morning hour in it is not moved to tonight because this morning is over."""
_LATE = 17 * 60
"""A start from here with no end said could run into the night, whatever 오후 suggests."""
_HURRY = re.compile(
    r"(?:급하게|급히|갑자기|당장)\s*(?:[가-힣]+\s*){0,2}?(?:나가|나와|가야|가봐|출근|일(?:이|을|하)|야근|회식|불러|불려"
    r"|연락|입원|생기|생겨|생겼|잡혀|잡혔|아파|아프|다쳐|쓰러)"
    r"|급한\s*(?:일|약속|회의|출장|볼일|용무)|응급실|병원에\s*(?:가야|가봐|실려|입원)"
    r"|(?:야근|회식|출장|당직|특근)\s*(?:이\s*)?(?:잡혔|잡혀|생겼|생겨|걸렸)"
    r"|(?:늦은|이른)\s*시간에\s*죄송|(?:새벽|밤)에\s*죄송|밤늦게\s*죄송|연착|결항"
)
"""Something that happened just now and calls the parent away ("야근 잡혔어요", "새벽에 죄송해요 …", a flight
delayed): the hours said with it are today's, and with no day nor hours said, the day is today."""
_CALLED_AWAY = re.compile(
    r"(?:갑자기|급하게|급히)\s*(?:[가-힣]+\s*){0,3}?(?:나가\s*(?:봐|야)|가\s*봐야|가야\s*(?:돼|되|해|하)|출근해야|불려\s*나"
    r"|호출\s*(?:와|왔|받|이))|연착|결항")
"""Called away now, with no day nor hours said ("갑자기 회사에서 호출와서 나가봐야돼요", a flight delayed): today."""
_IF = re.compile(r"(?:할|한|길|긴|날|을|ㄹ)\s*때|경우|(?:생기|있으|되|하|급하)면|마다|항상|보통|자주|혹시|만약|만일")
"""A case or a habit, not today: "급한 일 생기면", "급할 때마다"."""
_L_FINAL = "".join(chr(0xAC00 + i) for i in range(8, 11172, 28))
"""Every syllable ending in ㄹ (갈, 할, 없을): the ending of "~ㄹ 때" (when ...)."""
_NOT_TODAY = re.compile(
    r"경우|생기면|있으면|되면|하면|급하면|마다|항상|보통|자주|평소|언제|나중|다음|예정|요일"
    r"|운영|영업|몇\s*시|까지\s*(?:해요|하나요|하는지|하는\s*(?:거|게|건)|하세요|하죠|열어|열려|여나|여는|운영|이용)"
    r"|부터\s*(?:해요|하나요|하는지|하는\s*(?:거|게|건)|하세요|하죠|열어|열려|여나|여는|운영|이용)|문\s*(?:을\s*)?(?:열|닫)"
    r"|달(?![가-힣])|어제|그제|지난|저번|작년|었었|았었|였었|했었"
    r"|근무\s*날(?!씨|짜)|출근\s*날(?!씨|짜)|야근\s*날(?!씨|짜)|당직\s*날(?!씨|짜)|출장\s*날(?!씨|짜)|주\s*[1-7]\s*(?:일|회|번)"
    r"|이후\s*(?:에\s*)?도\s*(?:되|돼|가능|하나|해요)|이전\s*(?:에\s*)?도\s*(?:되|돼|가능|하나|해요)"
    r"|넘어서\s*(?:에\s*)?도\s*(?:되|돼|가능|하나|해요)|까지\s*(?:에\s*)?도\s*(?:되|돼|가능|하나|해요)"
    r"|부터\s*(?:에\s*)?도\s*(?:되|돼|가능|하나|해요)"
    r"|지금\s*(?:은|는|도)(?![가-힣])|요즘|요새|원래"
)
_NOT_TODAY_FORMS = re.compile(
    rf"[{_L_FINAL}한긴ㄹ]\s*때(?!문)|[는할을인한운]\s*날(?!씨|짜)"
    r"|[1-9](?<![0-9][1-9])\s*월(?!\s*[0-9])|1[0-2](?<![0-9]1[0-2])\s*월(?!\s*[0-9])"
    r"|[월화수목금토일](?<![가-힣][월화수목금토일])[월화수목금토일]{1,5}(?:요일|에|엔|만|은)?(?![가-힣])"
)
"""Hours with no day that are not today's: a case or a habit ("급한 일 생기면", "보통 7시까지", "월수금", "주5일"),
a routine told ("지금은 할머니가 3시부터 7시까지 봐주시는데"), a day left open ("다음에", "출장 가는 날"), a
service's own hours asked ("몇 시까지 해요", "운영시간", "8시 이후도 되나"), a month named alone ("12월에"), a story
("어제", "지난번에"). With these the day stays unsaid (asked); ``_RECURRING`` covers schedules. Two patterns
for speed: in ``_NOT_TODAY`` every branch starts with a letter, so the regex engine scans for those letters itself
(one branch starting with a group or a look-behind made it try all of them at every place: 2.5 us for "퇴근 후 7시부터
10시까지"); the
branches that start with a class (a syllable ending in ㄹ before 때, a month's digits, weekdays in a row, whose
look-behinds come after their first letter) are ``_NOT_TODAY_FORMS``."""
_SMALL_HOURS_END = 6
"""Before this hour, "내일" may be the coming day, which has begun: a weekday named with it says which."""
_CLOCK_TOLD = re.compile(
    r"시\s*(?:[0-9]{1,2}\s*분\s*|반\s*)?(?:인데|이고|고(?![가-힣])|예요|이에요|입니다|이라|라서|넘었|넘어)"
)
"""The time now told with no end said ("밤 11시인데 애가 혼자 울고 있어요"), not a start asked for; a start said apart
from the hour now passed ("새벽 5시 넘었는데 … 7시부터 맡아줄 데") is still one."""
_URGENT = re.compile(
    r"급(?<![월고초중등특진발보지수공상학봉]급)(?:해|하|한|히|합|함|ㅠ)|긴급|응급|당장|지금\s*바로|갑자기|빨리|얼른|서둘|SOS|sos"
)


class When(NamedTuple):
    """Everything a message says about time (a tuple: one is made for every message)."""

    day: date | None = None
    start: int | None = None
    end: int | None = None
    night: bool | None = None
    holiday: bool | None = None
    urgent: bool = False
    period: Period | None = None
    """The half of the day the message's own words point at (저녁 -> pm), for the dialog to carry."""
    ambiguous_hour: int | None = None
    """A bare hour that may be morning or evening (ask 오전/오후)."""
    past: bool = False
    """The day and hours said have already ended: they were dropped, the dialog should ask again."""
    overnight: bool = False
    """Care through the night into the next morning (밤새, 하룻밤, 외박) with no end said."""
    assumed: bool = False
    """``day`` is today taken for hours said with no day at all, still ahead today: not said, so a day said in
    the conversation (before or after) wins over it; it makes the need neither urgent nor a holiday."""
    asked: date | None = None
    """A weekday asked about as a service's opening day ("토요일에도 여나요?"): not ``day``, no care day."""


_WHEN = tuple_maker(When)
_FROM_NOW = re.compile(r"지금\s*(?:부터|바로|당장)")
"""Care said to run from now: a small hour said beside it is not the care's start on the night's date."""
_UNTIL_SAID = re.compile(r"(?<=[시반분])(?:꺼정|꺼지|까정)")
"""까지 as 경상도 says it after an hour ("아홉시꺼정", "9시꺼지", "6시 반까정")."""


def find_when(
    text: str,
    now: datetime,
    night_from: int = 19 * 60 + 30,
    night_until: int = 7 * 60 + 30,
    hint: Period | None = None,
    school: bool = False,
    whole_day: tuple[int, int] = WHOLE_DAY,
) -> When:
    """Everything the text says about time, relative to ``now`` (Asia/Seoul). ``hint`` is a period word carried
    from an earlier message (see ``routing.hours``); ``school`` says the child is at school (after-school hours);
    ``whole_day`` is the window "하루 종일" means (the knowledge's ``day_from``-``day_until``)."""
    today = now.date()
    said_now = False
    if "지금" in text or "벌써" in text or "현재" in text:  # most messages say none of these: no call
        text, said_now = time_now(text)
    if "o" in text:
        text = in_korean(text)
    if "꺼" in text or "까정" in text:
        text = _UNTIL_SAID.sub("까지", text)  # 경상도 "아홉시꺼정", "9시꺼지": 까지, as long
    # work_hours finds nothing without one of its words: 일 alone (내일, 일요일) is none of them
    blanked = work_hours(text) if ("근" in text or "트" in text or "업" in text or "교대" in text or "알바" in text or (
        "일" in text and ("일하" in text or "일해" in text or "브닝" in text))) else None
    routine = False
    if blanked is not None and CLOCK_LETTERS.search(blanked):
        left = find_times(blanked, None)
        if (left.start is not None or left.end is not None) and not only_place_hours(blanked):
            # working hours told as a range are a standing schedule: with no day said, care beside them is a routine
            routine = works_range(text)
            text = blanked  # "제가 8시~17시 근무라 … 9시부터 5시까지": the other hours are the care's
    if ("요" in text or "다" in text) and (told := story_told(text)) is not None:
        text = told  # "새벽 네시 넘어서 겨우 재웠네요.. 금요일 2시부터": the night told about is not the care's
    days = find_days(text, today, True) if text else []
    gone = False
    if days and (days[0].told or (len(days) > 1 and any(d.told for d in days))):
        # "지난주 토요일에 봐주셨던 분": a day told about is no care day
        gone = all(d.told for d in days) and any(d.told == "gone" for d in days)
        days = [d for d in days if not d.told]
    if asked := asked_open(text, days):  # "토요일에도 여나요?": a question about the service, no care day
        days = [d for d in days if d not in asked]
    days = care_days(text, today, days)
    if now.hour < _SMALL_HOURS_END and len(days) > 1 and days[0].relative and days[0].day == today + timedelta(
            days=1) and days[1].weekly and days[1].day == today and days[1].at - days[0].at <= 8:
        days = days[1:]  # "내일 화요일" said at 1 a.m. on Tuesday: the day after the night's sleep, today
    first = days[0] if days else None
    day = first.day if first else None
    now_said = says_now(text)
    if now_said and first is not None and day != today and now_first(text, first.at):
        day, days = today, [Day(today, -1, False, False), *days]  # "지금부터 내일 아침까지": from now, today
        first = days[0]
    now_said = now_said and day in (None, today)
    now_minutes = now.hour * 60 + now.minute
    later = counted(text) if day in (None, today) else None
    if later is not None:  # "1시간 뒤부터 3시간": from an hour from now, today; the rest is read without it
        until = ends_then(text, later)  # "3시간 뒤에 데리러 가요", "3시간 뒤에 퇴근인데 그때까지": that is the end
        now_said, now_minutes = True, now_minutes + (0 if until else offset(later))
        text = text[: later.start()] + " " * (later.end() - later.start()) + text[later.end() :]
    if day is None and (now_said or TODAY.search(text)):
        day = today
    clock_now = day is None and said_now  # "지금 10시인데 11시부터": tonight, unless a day is named
    back = said_now and day in (None, today) and back_at(text)  # "지금 6시인데 9시 반에 들어가요": now to the return
    times = find_times(text, now_minutes if now_said or back else None, back)
    if later is not None and until and times.end is None and times.start is not None:
        end = times.start + offset(later)
        times = Times(times.start, end, times.start_sure, True, times.start_at, later.start())
    if len(days) > 2 and first is not None and day == first.day and (
            again := hours_day(days, times.start_at)) is not days:
        days, first, day = again, again[0], again[0].day  # "토요일 일요일 둘다 출근이에요 일요일 9시부터": Sunday
    now_minutes = now.hour * 60 + now.minute
    if first is not None and first.weekly and day is not None and day.weekday() >= 5 and (
        _WEEKDAYS_SAID.search(text, first.at + 1, times.start_at if times.start_at > first.at else len(text))
    ):
        first, day, days = None, None, []  # "남편은 주말에도 일하고 … 평일 저녁 6시부터": the weekend is context
    own = period(text)
    around = own
    if times.end_mark and not times.start_sure and 0 <= times.start_at < times.end_at and own is not None:
        # "7시 반부터 저녁 8시까지": 저녁 is the end's own word; it says nothing about the bare start
        around = period(text[: times.end_at] + text[times.end_at + len(times.end_mark) :])
    # with no day said, a morning already over today is tonight's too, unless the hours are a schedule or start
    # at a doubtful 6-8 (tomorrow's dawn is as likely as tonight: asked)
    # hours said in a hurry with no day ("급하게 나가야 돼서 7시까지", "갑자기 야근이라 9시까지") are today's while
    # they are still ahead; not a schedule nor a case ("급한 일 생기면 7시까지")
    hurried = day is None and (times.start is not None or times.end is not None) and _HURRY.search(text) is not None \
        and _RECURRING.search(text) is None and _IF.search(text) is None
    # a weekday said on that weekday inside a schedule ("주말마다 토요일 9시부터 6시") is every such day, not
    # today's hours: a morning gone by today does not make them the evening's
    schedule = first is not None and first.weekly and _RECURRING.search(text) is not None
    today_said = (day == today and not schedule) or hurried or (
        day is None and times.start is not None and not 360 <= times.start < 540 and not _RECURRING.search(text))
    settled = settle(times.start, times.end, times.start_sure, times.end_sure, around or hint, school,
                     now_minutes if today_said else None)
    settled = evening(settled, times.bare, None if schedule else day, today_said, now, around or hint)
    if times.bare:
        settled = night_shift(settled, True, (around or hint) == "pm" and _SHIFT.search(text) is not None)
    settled = evening_nine(text, fill_whole_day(text, settled, whole_day))
    start, end = settled.start, settled.end
    if hurried and not over(today, start, end, now, today) and (start is None or start + 60 >= now_minutes):
        day = today  # hours long begun are not what a hurried parent asks for: the day is asked
    elif day is None and start is None and end is None and _CALLED_AWAY.search(text) and not _IF.search(text) \
            and not _RECURRING.search(text) and not _NOT_TODAY.search(text) and not _NOT_TODAY_FORMS.search(text):
        day = today  # "갑자기 회사에서 호출와서 나가봐야돼요": called away now, no day nor hours said
    if first is not None and day is not None and end is not None:
        later = next((d for d in days[1:] if d.day > day and d.at > max(first.at, times.start_at)), None)
        if later is not None and (start is None or end % 1440 <= start):
            end = end % 1440 + (later.day - day).days * 1440  # "오늘 밤부터 내일 아침 8시까지"
        elif 0 <= times.start_at < first.at < times.end_at and end > 1440 and day > today:
            day -= timedelta(days=1)  # "밤 10시부터 내일 아침 7시까지": the night before that morning
        elif times.bare and first.relative and start is not None and 0 <= times.start_at < first.at < times.end_at \
                and (day - today).days == 1 and (night := overnight_bare(times.start, end, now_minutes)) is not None:
            # "10시부터 내일 6시까지": 내일 said between the hours is the end's day; the start is today's
            day, (start, end) = today, night
            settled = Settled(start, end, True, True)
    if start is None and end is not None and end < night_until and (_NIGHT_ONLY.search(text) or (
            day == today and end <= now_minutes and "새벽" in text)):
        # "오늘 밤 새벽 3시까지", "오늘 새벽 2시까지" said after 2:00: the small hours after tonight, not this morning's
        end += 1440
    if first is not None and first.weekly and day == today and start is None and end is None and (
        now_minutes >= whole_day[1] and not now_said and "오늘" not in text and TODAY.search(text) is None
    ):
        day += timedelta(days=7)  # "화요일에" said on a Tuesday evening, no hours: the next one (README)
    if clock_now and (start is not None or end is not None) and not over(today, start, end, now, today):
        day = today  # "지금 10시인데 11시부터 새벽 1시까지": the time now said, tonight's hours
    # clock hours with no day at all, all still ahead today: today's, as parents mean them, but only assumed. Unlike
    # the hurried parent's, a start gone by (10:30 asked at 11:00) may be any day's, and one at this very minute with
    # no end is the time now told ("새벽 3시인데 아이가 혼자"); never for a schedule, a case, a service's hours, a
    # month, a story
    # a sure small-hours start said late at night ("새벽 2시에 공항 가야돼서" at 22:00) is the coming night's
    coming = start is not None and settled.start_sure and start < night_until <= night_from <= now_minutes
    assumed = day is None and not gone and not routine and (times.start is not None or times.end is not None) \
        and (coming or (not over(today, start, end, now, today) and (
            start is None or start > now_minutes or (start == now_minutes and times.end is not None)))) \
        and _RECURRING.search(text) is None \
        and _NOT_TODAY.search(text) is None and _NOT_TODAY_FORMS.search(text) is None \
        and (times.end is not None or not any(
            times.start_at <= m.start() <= times.start_at + 8 or not m.group().endswith(("넘었", "넘어"))
            for m in _CLOCK_TOLD.finditer(text)))
    if assumed:
        day = today
    if first is None and day == today and start is not None and settled.start_sure and start < night_until <= \
            night_from <= now_minutes and "오늘" not in text and _FROM_NOW.search(text) is None:
        day += timedelta(days=1)  # "이따 새벽 3시 출근인데 지금" said at 23:30: tonight's small hours, tomorrow's date
    past = False
    if gone and day is None and (start is not None or end is not None):
        # "지난주 토요일 2시부터 5시까지요": hours asked for a day gone (said as a day, not as a story): over
        past, start, end = True, None, None
        settled = Settled(None, None, False, False)
    elif day is not None and over(day, start, end, now, today):
        if first is not None and first.weekly:
            day = next_listed(text, first.at, day)  # "이번 주 토요일" on Saturday night: the next one; "화목": 목
        else:
            past, start, end = True, None, None  # ended already: the dialog asks again
            settled = Settled(None, None, False, False)
            if day < today:
                day = None
    night: bool | None = None
    night_time = (settled.start_sure and start is not None and (start >= night_from or start < night_until)) or (
        settled.end_sure and end is not None and (end % 1440 > night_from or end % 1440 <= night_until or end > 1440)
    )
    if night_time or _NIGHT_WORDS.search(text):
        night = True
    elif settled.start_sure and settled.end_sure and start is not None and end is not None:
        night = False
    elif end is None and (start is None or start < _LATE) and "저녁" not in text and _DAY_WORDS.search(text):
        night = False  # "일요일 낮에", "오후 3시에"; but "오후 6시 반부터" may well run into the night
    off = holiday(text, None if assumed else day, times.start_at if times.start_at >= 0 else times.end_at)
    if asked and day is None:
        off = is_holiday(asked[0].day)  # the kind of day asked about ("토요일도 하나요?"), for the ranking
    urgent = (day == today and not assumed) or _URGENT.search(text) is not None
    overnight = end is None and _OVERNIGHT_LETTERS.search(text) is not None and _OVERNIGHT.search(text) is not None
    if overnight:
        night = True
    return _WHEN((day, start, end, night, off, urgent, own, settled.ambiguous_hour, past, overnight, assumed,
                  asked[0].day if asked else None))

