"""Property: whatever day and hour words a parent combines, at whatever time, no reading is a care window that
has already ended; and a reading flagged past or ambiguous says so consistently."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.shipped import READER

KST = ZoneInfo("Asia/Seoul")
R = READER
DAYS = st.sampled_from(
    ["", "오늘", "내일", "모레", "이번 주 토요일", "이번주 일요일", "이번 주 월요일", "토요일", "주말에", "12월 5일",
     "11월 30일", "3일 뒤", "지금", "지금부터", "오늘 밤", "설 전날", "추석 다음 날", "2026년 11월 20일", "크리스마스"]
)
MARKS = st.sampled_from(["", "", "오전 ", "오후 ", "저녁 ", "밤 ", "새벽 ", "아침 "])
HOURS = st.integers(min_value=0, max_value=24)
ENDINGS = st.sampled_from(["부터", "까지", "에", ""])
NOWS = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=KST)
)


@st.composite
def messages(draw: st.DrawFn) -> str:
    parts = [draw(DAYS)]
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        parts.append(f"{draw(MARKS)}{draw(HOURS)}시{draw(ENDINGS)}")
    parts.append(draw(st.sampled_from(["", "4살", "초3", "퇴근 후", "학교 끝나고", "맡길 곳 있나요"])))
    return " ".join(p for p in parts if p)


@settings(max_examples=1500, deadline=None)
@given(messages(), NOWS)
def test_no_reading_is_a_window_already_over(text: str, now: datetime) -> None:
    u = R.read(text, now)
    need = u.need
    if need.day is None:
        return
    assert need.day >= now.date(), (text, now)
    if need.start is None and need.end is None:
        return
    begin = datetime(need.day.year, need.day.month, need.day.day, tzinfo=KST)
    last = need.end if need.end is not None else need.start + 60  # type: ignore[operator]
    assert begin + timedelta(minutes=last) > now, (text, now, need.start, need.end)


@settings(max_examples=500, deadline=None)
@given(messages(), NOWS)
def test_a_past_reading_holds_no_hours_and_an_ambiguous_one_names_a_doubtful_hour(text: str, now: datetime) -> None:
    u = R.read(text, now)
    if u.past:
        assert (u.need.start, u.need.end) == (None, None)
    if u.ambiguous_hour is not None:
        # a start at 6-8 with nothing to decide, or a bare range whose morning start began hours ago today and still
        # runs (README rule 19): either way one hour of the day, which the said half then settles
        assert 0 <= u.ambiguous_hour <= 23
        assert R.read(text, now, "pm").ambiguous_hour is None
        assert R.read(text, now, "am").ambiguous_hour is None
