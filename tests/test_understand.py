"""Understanding parents' Korean, field by field, at the issue's reference time Tue 2026-11-24 14:00 KST."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.dialog import texts
from knowledge.loader import load
from routing.command import describe
from routing.need import Child
from routing.understand import MAX_TAPS, Understander
from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 24, 14, 0, tzinfo=KST)
KNOWLEDGE = SHIPPED
UNDERSTANDER = READER
FIELDS = ("age_months", "school_grade", "date", "start", "end", "night", "holiday", "urgent", "place")
TODAY = {"date": "2026-11-24", "urgent": True, "holiday": False}
ASSUMED = {"date": "2026-11-24"}
"""Hours with no day, still ahead: today, as an assumed day (not urgent; tests/test_assumed_day.py)."""


def fields(text: str, now: datetime = NOW) -> dict[str, Any]:
    got = describe(UNDERSTANDER.read(text, now), KNOWLEDGE)
    return {k: got[k] for k in FIELDS}


def expect(**values: Any) -> dict[str, Any]:
    """Every field not given must come out unknown (null) and not urgent."""
    base: dict[str, Any] = dict.fromkeys(FIELDS)
    base["urgent"] = False
    base.update(values)
    return base


WEEKDAY = {"holiday": False}
WEEKEND = {"holiday": True}

CASES: list[tuple[str, dict[str, Any]]] = [
    # the examples
    (
        "두 살 딸, 내일 저녁 6시부터 9시까지요",
        expect(age_months=24, date="2026-11-25", start="18:00", end="21:00", night=True, **WEEKDAY),
    ),
    ("초5 아들이에요", expect(school_grade=5)),
    ("이번 주 일요일 낮에 맡길 곳", expect(date="2026-11-29", holiday=True, night=False)),
    ("아포읍에서 연락드려요", expect(place="아포읍")),
    ("남편이 야근이라서요", expect()),
    ("혁신도시 살아요, 30개월 아기", expect(place="율곡동", age_months=30)),
    ("장난감 대여 문의", expect()),
    # ages
    ("4살", expect(age_months=48)),
    ("18개월", expect(age_months=18)),
    ("초2", expect(school_grade=2)),
    ("초등학교 2학년", expect(school_grade=2)),
    ("초등 3학년 딸", expect(school_grade=3)),
    ("만 3세", expect(age_months=36)),
    ("3세 남아예요", expect(age_months=36)),
    ("네 살 아들", expect(age_months=48)),
    ("세 살 반이에요", expect(age_months=42)),
    ("3살 반", expect(age_months=42)),
    ("2살 3개월", expect(age_months=27)),
    ("생후 7개월 아기", expect(age_months=7)),
    ("두 돌 지났어요", expect(age_months=24)),
    ("2돌", expect(age_months=24)),
    ("신생아예요", expect(age_months=0)),
    ("백일 된 아기", expect(age_months=3)),
    ("다섯살", expect(age_months=60)),
    ("여섯 살 딸", expect(age_months=72)),
    ("열 살 아들", expect(age_months=120)),
    ("일곱살이예요", expect(age_months=84)),
    ("우리 애 5살이데이", expect(age_months=60)),
    ("아가 14개월이라예", expect(age_months=14)),
    ("한 살", expect(age_months=12)),
    ("초딩 4학년", expect(school_grade=4)),
    ("초6", expect(school_grade=6)),
    ("중학교 2학년", expect(age_months=168)),  # past every care service: where to ask, not "no age"
    ("35살 엄마예요", expect()),
    ("3개월 동안 맡기고 싶어요", expect()),
    ("아이가 2명이에요", expect()),
    ("애기 이십개월", expect(age_months=20)),
    ("9살 초3 아들", expect(age_months=108, school_grade=3)),
    ("초1 남자아이 7살", expect(age_months=84, school_grade=1)),
    ("7살, 4살 두 아이", expect(age_months=84)),
    ("열두 살", expect(age_months=144)),
    ("돌쟁이 아기", expect(age_months=12)),
    ("만 5세", expect(age_months=60)),
    ("30개월 된 남아", expect(age_months=30)),
    ("2 살", expect(age_months=24)),
    ("4살짜리", expect(age_months=48)),
    ("애기 18개얼 입니다", expect(age_months=18)),
    ("4쌀 아기", expect(age_months=48)),
    ("4샬", expect(age_months=48)),
    ("7세반 다녀요", expect(age_months=76)),  # a kindergarten class counts Korean age: preschool
    ("두 달 된 아기", expect(age_months=2)),
    ("한 달 동안 맡길 곳", expect()),
    ("5살(만 4세)이에요", expect(age_months=48)),
    ("이 세상에 하나뿐인", expect()),
    ("어서 오세요", expect()),
    ("3세대가 같이 살아요", expect()),
    ("어머님이 돌아가셔서 장례 치르는 동안 3일 동안", expect()),
    ("초 3일에", expect(date="2026-12-03", **WEEKDAY)),
    # times
    ("오늘 밤 10시까지", expect(end="22:00", night=True, **TODAY)),
    ("오후 6시부터 10시까지", expect(**ASSUMED, start="18:00", end="22:00", night=True)),
    ("9시부터 6시까지", expect(start="09:00", end="18:00", night=False)),
    ("지금부터 2시간", expect(start="14:00", end="16:00", night=False, **TODAY)),
    ("밤 10시부터 새벽 2시까지", expect(**ASSUMED, start="22:00", end="02:00", night=True)),
    ("밤 10시부터 6시까지", expect(**ASSUMED, start="22:00", end="06:00", night=True)),
    ("정오부터 3시간", expect(start="12:00", end="15:00", night=False)),
    ("자정까지", expect(**ASSUMED, end="00:00", night=True)),
    ("오전 9시 반부터", expect(start="09:30", night=False)),
    ("18시~22시", expect(**ASSUMED, start="18:00", end="22:00", night=True)),
    ("6~9시", expect(start="06:00", end="09:00")),  # a doubtful 6-8 with no day: as written, and asked
    ("평일 6~9시", expect(start="06:00", end="09:00", holiday=False)),  # a schedule: as written
    ("오후 2~5시", expect(**ASSUMED, start="14:00", end="17:00", night=False)),
    ("19:30까지", expect(**ASSUMED, end="19:30")),
    ("19:31까지", expect(**ASSUMED, end="19:31", night=True)),
    ("저녁 7시 반부터 10시까지", expect(**ASSUMED, start="19:30", end="22:00", night=True)),
    ("아침 7시에", expect(start="07:00", night=True)),
    ("새벽 5시", expect(start="05:00", night=True)),
    ("낮 2시부터 4시까지", expect(**ASSUMED, start="14:00", end="16:00", night=False)),
    ("점심 12시", expect(start="12:00", night=False)),
    ("밤 12시까지", expect(**ASSUMED, end="00:00", night=True)),
    ("오후 3시 30분부터 5시", expect(**ASSUMED, start="15:30", end="17:00", night=False)),
    ("열 시부터 두 시까지", expect(start="10:00", end="14:00", night=False)),
    ("세 시간 정도", expect()),
    ("3시간만 봐주세요", expect()),
    ("오후 4시에 3시간", expect(**ASSUMED, start="16:00", end="19:00", night=False)),
    ("오후 7시부터 1시간 반", expect(**ASSUMED, start="19:00", end="20:30", night=True)),
    ("지금 바로 맡길 수 있나요", expect(start="14:00", **TODAY)),
    ("내일 오전 10시부터 오후 3시까지", expect(date="2026-11-25", start="10:00", end="15:00", night=False, **WEEKDAY)),
    ("모레 밤에", expect(date="2026-11-26", night=True, **WEEKDAY)),
    ("글피 아침 8시", expect(date="2026-11-27", start="08:00", **WEEKDAY)),
    ("7시 반까지", expect(**ASSUMED, end="19:30")),  # an end alone is the evening one
    ("10시부터 3시까지", expect(start="10:00", end="15:00", night=False)),
    ("저녁 6시~9시", expect(**ASSUMED, start="18:00", end="21:00", night=True)),
    ("저녁 6-9시", expect(**ASSUMED, start="18:00", end="21:00", night=True)),
    ("20시부터 24시까지", expect(**ASSUMED, start="20:00", end="00:00", night=True)),
    ("밤 열시까지요", expect(**ASSUMED, end="22:00", night=True)),
    ("오후 다섯 시 반", expect(**ASSUMED, start="17:30")),
    ("내일 저녘 7시", expect(date="2026-11-25", start="19:00", **WEEKDAY)),
    ("3시부터 7시 반까지", expect(**ASSUMED, start="15:00", end="19:30", night=False)),  # nobody needs care from 3 a.m.
    ("한시적으로 이용할게요", expect()),
    ("야간에 맡길 수 있나요", expect(night=True)),
    ("밤새 봐주실 분", expect(night=True)),
    ("밤 1시", expect(start="01:00", night=True)),
    ("밤 10시부터 밤 2시까지", expect(**ASSUMED, start="22:00", end="02:00", night=True)),
    ("지금 3살 아이 맡길 곳", expect(age_months=36, start="14:00", **TODAY)),
    ("지금 2시간만 봐주세요", expect(start="14:00", end="16:00", night=False, **TODAY)),
    ("지금 사는 곳이 율곡동", expect(place="율곡동")),
    ("10:00-18:00", expect(start="10:00", end="18:00", night=False)),
    ("9-6시", expect(start="09:00", end="18:00", night=False)),
    ("PM 7시", expect(**ASSUMED, start="19:00")),
    ("7시부터 20시까지", expect(start="07:00", end="20:00", night=True)),
    ("오후 6:30부터", expect(**ASSUMED, start="18:30")),
    ("점심때부터 저녁때까지", expect(start="12:00")),  # lunch is a clock time; 저녁때 alone is not
    ("저녁 6시에서 9시 사이", expect(**ASSUMED, start="18:00", end="21:00", night=True)),
    ("18시30분까지", expect(**ASSUMED, end="18:30")),
    ("오후6시30분까지", expect(**ASSUMED, end="18:30")),
    # days
    ("내일", expect(date="2026-11-25", **WEEKDAY)),
    ("낼 맡길 수 있나요", expect(date="2026-11-25", **WEEKDAY)),
    ("모레", expect(date="2026-11-26", **WEEKDAY)),
    ("내일모레", expect(date="2026-11-26", **WEEKDAY)),
    ("모래 저녁에요", expect(date="2026-11-26", **WEEKDAY)),
    ("모래놀이 하는 곳", expect()),
    ("글피", expect(date="2026-11-27", **WEEKDAY)),
    ("금요일에", expect(date="2026-11-27", **WEEKDAY)),
    ("토요일 오후", expect(date="2026-11-28", night=False, **WEEKEND)),
    ("일요일", expect(date="2026-11-29", **WEEKEND)),
    ("월요일", expect(date="2026-11-30", **WEEKDAY)),
    ("화요일", expect(date="2026-11-24", urgent=True, **WEEKDAY)),  # said on a Tuesday afternoon: today (README)
    ("화요일 오전 9시부터 11시까지", expect(date="2026-12-01", start="09:00", end="11:00", night=False, **WEEKDAY)),
    ("수욜", expect(date="2026-11-25", **WEEKDAY)),
    ("이번 주 금요일", expect(date="2026-11-27", **WEEKDAY)),
    ("다음 주 화요일", expect(date="2026-12-01", **WEEKDAY)),
    ("다음주 월요일", expect(date="2026-11-30", **WEEKDAY)),
    ("담주 수요일", expect(date="2026-12-02", **WEEKDAY)),
    ("다다음 주 금요일", expect(date="2026-12-11", **WEEKDAY)),
    ("주말에", expect(date="2026-11-28", **WEEKEND)),
    ("이번 주말", expect(date="2026-11-28", **WEEKEND)),
    ("다음 주말", expect(date="2026-12-05", **WEEKEND)),
    ("12월 3일", expect(date="2026-12-03", **WEEKDAY)),
    ("12월 25일", expect(date="2026-12-25", **WEEKEND)),
    ("1월 1일", expect(date="2027-01-01", **WEEKEND)),
    ("2월 9일", expect(date="2027-02-09", **WEEKEND)),
    ("11월 24일", expect(**TODAY)),
    ("11월 20일", expect(date="2027-11-20", **WEEKEND)),
    ("2026년 12월 5일", expect(date="2026-12-05", **WEEKEND)),
    ("2026-12-07", expect(date="2026-12-07", **WEEKDAY)),
    ("12/24", expect(date="2026-12-24", **WEEKDAY)),
    ("30일에", expect(date="2026-11-30", **WEEKDAY)),
    ("3일 오후 2시", expect(date="2026-12-03", start="14:00", night=False, **WEEKDAY)),
    ("당장 맡길 곳이 필요해요", expect(**TODAY)),
    ("지금 4살이에요", expect(age_months=48)),
    ("평일 오후에", expect(holiday=False, night=False)),
    ("공휴일에도 되나요", expect(holiday=True)),
    ("추석 연휴에", expect(date="2027-09-15", holiday=True)),
    ("오늘", expect(**TODAY)),
    ("오눌 밤", expect(night=True, **TODAY)),
    ("이따 저녁에", expect(**TODAY)),
    ("3일 동안", expect()),
    ("주 3일 이용하고 싶어요", expect()),
    ("28일 맡길 수 있나요", expect(date="2026-11-28", **WEEKEND)),
    ("크리스마스에 맡길 곳", expect(date="2026-12-25", **WEEKEND)),
    ("추석에", expect(date="2027-09-15", **WEEKEND)),
    ("설날 연휴", expect(date="2027-02-07", **WEEKEND)),
    # places
    ("율곡동에 살아요", expect(place="율곡동")),
    ("율곡동이에요", expect(place="율곡동")),
    ("아포 살아요", expect(place="아포읍")),
    ("평화동이에요", expect(place="평화남산동")),
    ("제 대신 동생이 데리러 가요", expect()),
    ("가족 구성이 어떻게 되냐면", expect()),
    ("자산이 별로 없어서요", expect()),
    ("자산동 살아요", expect(place="자산동")),
    ("자산 쪽이에요", expect(place="자산동")),
    ("모암동", expect(place="자산동")),
    ("다수동 근처", expect(place="대곡동")),
    ("김천 혁신도시에서", expect(place="율곡동")),
    ("율곡둥이요", expect(place="율곡동")),
    ("율콕동에 살아요", expect(place="율곡동")),
    ("양곰동 살아요", expect(place="양금동")),
    ("개령면 사는데요", expect(place="개령면")),
    ("감문이요", expect(place="감문면")),
    ("직지사 근처예요", expect(place="대항면")),
    ("남면에 살아요", expect(place="남면")),
    ("구성 살아요", expect(place="구성면")),
    ("대신동이요", expect(place="대신동")),
    ("잘 지내면 좋겠어요", expect()),
    ("어쩌면 내일 필요할지도", expect(date="2026-11-25", **WEEKDAY)),
    ("남동생이 봐줘요", expect()),
    ("시청 근처", expect(place="대신동")),
    ("시청률이 높던데", expect()),
    ("황금동 살아요", expect(place="양금동")),
    ("KTX김천구미역 근처", expect(place="남면")),
    ("지좌동이예", expect(place="지좌동")),
    ("농소면 주민이에요", expect(place="농소면")),
    ("평화남산동", expect(place="평화남산동")),
    ("대곡동인데예", expect(place="대곡동")),
    ("외동이에요", expect()),
    ("부곡동 센트럴자이", expect(place="대곡동")),
    ("아포읖", expect(place="아포읍")),
    ("증산면", expect(place="증산면")),
    ("조마조마해요", expect()),
    ("율곡이라예", expect(place="율곡동")),
    ("평화롭게 지내요", expect()),
    ("다수의 의견", expect()),
    # several facts in one message
    (
        "4살 아이 오늘 밤 10시까지 맡길 곳 있을까요? 율곡동이에요",
        expect(age_months=48, end="22:00", night=True, place="율곡동", **TODAY),
    ),
    (
        "초3 아들 내일 오후 2시부터 6시까지 아포읍",
        expect(school_grade=3, date="2026-11-25", start="14:00", end="18:00", night=False, place="아포읍", **WEEKDAY),
    ),
    (
        "18개월 딸 토요일 오전 10시부터 1시까지 혁신도시",
        expect(age_months=18, date="2026-11-28", start="10:00", end="13:00", night=False, place="율곡동", **WEEKEND),
    ),
    ("급해요 7살 지금 바로 맡아주실 수 있나요 대곡동", expect(age_months=84, start="14:00", place="대곡동", **TODAY)),
    (
        "세 살 반 아기 다음 주 월요일 저녁 7시부터 11시까지 개령",
        expect(age_months=42, date="2026-11-30", start="19:00", end="23:00", night=True, place="개령면", **WEEKDAY),
    ),
    ("5살이랑 3살 주말에 맡기고 싶어요 양금동", expect(age_months=60, date="2026-11-28", place="양금동", **WEEKEND)),
    (
        "갑자기 출근해야 해서 6살 아이 오늘 오후 5시부터 9시까지요",
        expect(age_months=72, start="17:00", end="21:00", night=True, **TODAY),
    ),
    (
        "두 돌 아기 12월 3일 오전 9시부터 오후 6시까지 자산동",
        expect(age_months=24, date="2026-12-03", start="09:00", end="18:00", night=False, place="자산동", **WEEKDAY),
    ),
    (
        "초등 1학년 딸이고 모레 밤 8시까지 봐줄 곳 찾아요 지좌동 살아요",
        expect(school_grade=1, date="2026-11-26", end="20:00", night=True, place="지좌동", **WEEKDAY),
    ),
    (
        "신생아 있는 집인데 내일 새벽 6시에 집으로 와주실 수 있나요",
        expect(age_months=0, date="2026-11-25", start="06:00", night=True, **WEEKDAY),
    ),
    (
        "율곡동 6살 아들 내일 아침 7시 30분부터",
        expect(age_months=72, date="2026-11-25", start="07:30", place="율곡동", **WEEKDAY),
    ),
    (
        "7살, 4살 두 아이 토요일 종일 부탁드려요",  # a whole day is the knowledge's day_from-day_until
        expect(age_months=84, date="2026-11-28", start="09:00", end="18:00", night=False, **WEEKEND),
    ),
    ("저는 32살이고 아이는 네 살이에요 아포", expect(age_months=48, place="아포읍")),
    ("아이가 열이 나서 내일 어린이집 못 가요 4살", expect(age_months=48, date="2026-11-25", **WEEKDAY)),
    ("얼라 세살인데 낼 저녁에 맡길 데 있능교", expect(age_months=36, date="2026-11-25", **WEEKDAY)),
    ("우리 아 다섯살이라예 오늘 밤 11시까지 예", expect(age_months=60, end="23:00", night=True, **TODAY)),
    ("4살인디 내일 되남요?", expect(age_months=48, date="2026-11-25", **WEEKDAY)),
    (
        "아포읍 아이 초2 낼모레 오후 네시부터 여섯시까지",
        expect(school_grade=2, date="2026-11-26", start="16:00", end="18:00", night=False, place="아포읍", **WEEKDAY),
    ),
    (
        "엄마가 갑자기 입원해서 3살 아이 지금부터 밤 10시까지 봐주세요 율곡동",
        expect(age_months=36, start="14:00", end="22:00", night=True, place="율곡동", **TODAY),
    ),
    (
        "12월 24일 크리스마스 이브 저녁 6시부터 자정까지 다섯 살",
        expect(age_months=60, date="2026-12-24", start="18:00", end="00:00", night=True, **WEEKDAY),
    ),
    (
        "10살 초4 다음 주 토요일 9시~6시 양천동",
        expect(
            age_months=120,
            school_grade=4,
            date="2026-12-05",
            start="09:00",
            end="18:00",
            night=False,
            place="양금동",
            **WEEKEND,
        ),
    ),
    # corrections
    ("아니요, 5살이에요", expect(age_months=60)),
    ("아니 5살", expect(age_months=60)),
    ("5살 아니고 6살이요", expect(age_months=72)),
    ("율곡동 아니고 아포읍이요", expect(place="아포읍")),
    ("내일 말고 모레요", expect(date="2026-11-26", **WEEKDAY)),
    ("그건 아니에요 율곡동이에요", expect(place="율곡동")),
    ("4살이고 율곡동이 아니라 아포에 살아요", expect(age_months=48, place="아포읍")),
    ("율곡동 아니에요", expect()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fields(text: str, expected: dict[str, Any]) -> None:
    assert fields(text) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 150


OTHER_TIMES: list[tuple[datetime, str, dict[str, Any]]] = [
    (datetime(2026, 11, 28, 10, 0, tzinfo=KST), "주말에", expect(date="2026-11-28", urgent=True, holiday=True)),
    (datetime(2026, 11, 28, 10, 0, tzinfo=KST), "일요일", expect(date="2026-11-29", holiday=True)),
    (datetime(2026, 11, 28, 10, 0, tzinfo=KST), "다음 주 월요일", expect(date="2026-11-30", holiday=False)),
    (datetime(2026, 11, 28, 10, 0, tzinfo=KST), "이번 주 일요일", expect(date="2026-11-29", holiday=True)),
    (
        datetime(2026, 11, 28, 10, 0, tzinfo=KST),
        "오늘 오후 2시",
        expect(start="14:00", night=False, urgent=True, date="2026-11-28", holiday=True),
    ),
    (datetime(2026, 12, 27, 23, 0, tzinfo=KST), "내일", expect(date="2026-12-28", holiday=False)),
    (datetime(2026, 12, 27, 23, 0, tzinfo=KST), "1월 1일", expect(date="2027-01-01", holiday=True)),
    (datetime(2026, 12, 27, 23, 0, tzinfo=KST), "12월 31일", expect(date="2026-12-31", holiday=False)),
    (
        datetime(2026, 12, 27, 23, 0, tzinfo=KST),
        "지금부터 3시간",
        expect(date="2026-12-27", start="23:00", end="02:00", night=True, urgent=True, holiday=True),
    ),
    (datetime(2026, 9, 21, 9, 0, tzinfo=KST), "이번 주 금요일", expect(date="2026-09-25", holiday=True)),
    (datetime(2026, 9, 21, 9, 0, tzinfo=KST), "목요일", expect(date="2026-09-24", holiday=True)),
    (datetime(2026, 12, 31, 8, 0, tzinfo=KST), "모레", expect(date="2027-01-02", holiday=True)),
    (datetime(2026, 12, 31, 8, 0, tzinfo=KST), "5일에", expect(date="2027-01-05", holiday=False)),
    (
        datetime(2026, 12, 31, 8, 0, tzinfo=KST),
        "지금 당장",
        expect(date="2026-12-31", start="08:00", urgent=True, holiday=False),
    ),
]


@pytest.mark.parametrize(("now", "text", "expected"), OTHER_TIMES, ids=[f"{c[0]:%m%d}-{c[1]}" for c in OTHER_TIMES])
def test_fields_at_other_times(now: datetime, text: str, expected: dict[str, Any]) -> None:
    assert fields(text, now) == expected


CHILDREN = [
    ("7살, 4살 두 아이", (Child(84), Child(48))),
    ("첫째 7살 둘째 4살", (Child(84), Child(48))),
    ("6살이랑 3살", (Child(72), Child(36))),
    ("초2 딸하고 18개월 아들", (Child(school_grade=2), Child(18))),
    ("9살 초3 아들", (Child(108, 3),)),
    ("아이 셋이에요 8살, 5살, 2살", (Child(96), Child(60), Child(24))),
    ("쌍둥이 4살", (Child(48), Child(48))),  # twins are two children
    ("둘째가 백일이라 첫째 4살 맡기고 싶어요", (Child(48), Child(3))),
    ("막내 3살 큰애 9살", (Child(108), Child(36))),
    ("작은애 2살이고 큰애는 초3", (Child(school_grade=3), Child(24))),
]


@pytest.mark.parametrize(("text", "children"), CHILDREN, ids=[c[0] for c in CHILDREN])
def test_every_child_is_listed_and_the_first_leads(text: str, children: tuple[Child, ...]) -> None:
    u = UNDERSTANDER.read(text, NOW)
    assert u.children == children
    assert u.need.child == children[0]


ANSWERS = [
    ("네", True, False),
    ("네, 맞아요", True, False),
    ("넵 알겠습니다", True, False),
    ("예", True, False),
    ("응", True, False),
    ("네?", None, False),
    ("맞심더", True, False),
    ("아입니더, 여섯 살이라예", False, True),
    ("그래요 그렇게 해주세요", True, False),
    ("ㅇㅇ", True, False),
    ("좋아요!", True, False),
    ("동의합니다", True, False),
    ("맞아요", True, False),
    ("아니요", False, False),
    ("아뇨 괜찮아요", False, False),
    ("싫어요", False, False),
    ("동의 안 함", False, False),
    ("동의안함", False, False),
    ("아니요, 5살이에요", False, True),
    ("아니 5살", False, True),
    ("아니요 내일이요", False, True),
    ("네 살이에요", None, False),
    ("응급실에 있어요", None, False),
    ("예쁜 딸 4살", None, False),
    ("아니 이게 뭐야 진짜 아니", False, False),
    ("그건 아니에요 율곡동이에요", None, True),
    ("5살 아니고 6살이요", None, True),
    ("율곡동 아니에요", None, True),
    ("4살 아이 맡기고 싶어요", None, False),
    ("어린이집 말고 집에서 봐주실 분 4살", None, False),
    ("내일 말고 모레요", None, True),
]


@pytest.mark.parametrize(("text", "yes", "negated"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_answers_and_corrections(text: str, yes: bool | None, negated: bool) -> None:
    u = UNDERSTANDER.read(text, NOW)
    assert (u.yes, u.negated) == (yes, negated)


def test_topics_in_order_of_appearance() -> None:
    assert UNDERSTANDER.read("장난감 대여 문의", NOW).need.topics == ("toy-library",)
    assert UNDERSTANDER.read("예방접종 물어보고 장난감도 빌리고 싶어요", NOW).need.topics == (
        "other-dept",
        "toy-library",
    )
    assert UNDERSTANDER.read("육아 상담 받고 싶어요", NOW).need.topics == ("mom-center",)
    assert UNDERSTANDER.read("4살 아이 맡길 곳", NOW).need.topics == ()


def test_situations_match_without_spaces() -> None:
    u = UNDERSTANDER.read("아이를 혼자 두고 나왔어요", NOW)
    assert u.danger and "danger" in u.need.situations
    assert UNDERSTANDER.read("엄마가 갑자기 입원해서요", NOW).need.situations == {"emergency"}
    assert UNDERSTANDER.read("애가 열이 나요", NOW).need.situations == {"sick"}
    assert UNDERSTANDER.read("집으로 와서 봐주실 분", NOW).need.situations == {"at_home"}
    assert not UNDERSTANDER.read("4살 아이 맡길 곳", NOW).danger


def test_need_times_run_past_midnight_in_minutes() -> None:
    need = UNDERSTANDER.read("밤 10시부터 새벽 2시까지", NOW).need
    assert (need.start, need.end) == (22 * 60, 26 * 60)
    assert UNDERSTANDER.read("자정까지", NOW).need.end == 1440
    assert UNDERSTANDER.read("4살", NOW).need.now == NOW


def test_services_follow_the_rules_engine() -> None:
    got = describe(UNDERSTANDER.read("장난감 대여 문의", NOW), KNOWLEDGE)
    assert got["services"][0] == "toy-library"
    assert describe(UNDERSTANDER.read("내일 저녁에요", NOW), KNOWLEDGE)["services"] == []
    assert describe(UNDERSTANDER.read("율곡동 살아요", NOW), KNOWLEDGE)["services"] == []
    school = describe(UNDERSTANDER.read("초2 아들 내일 오후 3시부터 6시까지", NOW), KNOWLEDGE)["services"]
    assert school and school[0] == "after-school"


TAP_TIMES = (
    datetime(2026, 11, 24, 14, 0, 7, 1234, tzinfo=KST),
    datetime(2026, 11, 24, 23, 59, 59, 999999, tzinfo=KST),  # the next minute is another day
    datetime(2026, 11, 25, 0, 0, 0, 1, tzinfo=KST),
    datetime(2026, 12, 24, 19, 45, 30, tzinfo=KST),  # the eve of a public holiday, in the evening
)
TAPPED = sorted({c.value for group in (texts.AGE_CHOICES, texts.DAY_CHOICES, texts.TIME_CHOICES, texts.PLACE_CHOICES,
                                       texts.CONSENT_CHOICES, texts.PHONE_CHOICES, texts.CONFIRM_CHOICES,
                                       texts.DONE_CHOICES, texts.FORGET_CHOICES) for c in group} | {"지금부터 2시간"})


def test_a_tapped_value_reads_as_the_same_text_typed_at_that_moment() -> None:
    """read_tap keeps one reading per value and minute: it must equal a fresh read, exact time included."""
    reader = Understander(KNOWLEDGE)
    for now in TAP_TIMES:
        for moment in (now, now.replace(second=(now.second + 30) % 60)):  # same minute, another second
            for value in TAPPED:
                assert reader.read_tap(value, moment) == UNDERSTANDER.read(value, moment), (value, moment)


def test_tapped_readings_are_bounded_and_kept_for_one_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    reader = Understander(KNOWLEDGE)
    reads: list[str] = []
    read = reader.read
    monkeypatch.setattr(reader, "read", lambda text, now, hint=None: reads.append(text) or read(text, now, hint))
    reader.read_tap("내일", TAP_TIMES[0])
    reader.read_tap("내일", TAP_TIMES[0].replace(second=50))
    assert reads == ["내일"], "read once in the minute"
    for n in range(2 * MAX_TAPS):
        reader.read_tap(f"값 {n}", TAP_TIMES[0])
    assert len(reader._taps) <= MAX_TAPS
    reader.read_tap("내일", TAP_TIMES[0].replace(minute=1))
    assert len(reader._taps) == 1, "a new minute starts over"


@pytest.mark.parametrize(
    ("text", "yes"),
    [("아 그냥 동의할게요", True), ("음.. 네", True), ("그럼 아니요", False), ("아이가 4살이에요", None)],
)
def test_a_filler_before_the_answer_word_still_answers(text: str, yes: bool | None) -> None:
    assert UNDERSTANDER.read(text, NOW).yes is yes


@pytest.mark.parametrize(
    ("text", "ages"),
    [("3살 아니 4살", [48]), ("내일 아니 모레 5살", [60]), ("둘째는 세 살이고 첫째는 초등학생이에요", [None, 36])],
)
def test_a_correction_inside_the_message_and_a_school_child_without_a_grade(text: str, ages: list) -> None:
    assert [c.age_months for c in UNDERSTANDER.read(text, NOW).children] == ages


def test_a_relative_day_beats_a_holiday_named_as_context() -> None:
    feb8 = datetime(2027, 2, 8, 10, 0, tzinfo=KST)
    assert UNDERSTANDER.read("설 연휴인데 내일 5살 맡길 데", feb8).need.day.isoformat() == "2027-02-09"
    assert UNDERSTANDER.read("추석 연휴라 모레 출근해요", NOW).need.day.isoformat() == "2026-11-26"


def test_a_noun_kept_exact_does_not_find_a_place_name_that_extends_it() -> None:
    """부고 (an obituary) is an emergency word; written as a stem it found 부곡동 and sent a family there to
    the emergency service. Nouns are listed under `exact`, and still count as written."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from routing.understand import Understander

    reader = Understander(load())
    now = datetime(2027, 4, 8, 13, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    assert "emergency" not in reader.read("부곡동 살아요 14개월 토요일 9시부터 6시", now).need.situations
    assert "emergency" in reader.read("친정 부고 받고 내려가야 해요 4살 율곡동", now).need.situations
    assert "emergency" in reader.read("교통사고 나서 입원했어요 애 봐줄 곳", now).need.situations


def test_the_topic_pattern_finds_what_the_longest_first_alternation_finds() -> None:
    import re

    from routing.numbers import trie as _trie

    words = ["장난감", "장난감도서관", "장남감", "수당", "양육수당", "아동수당", "상담", "육아상담", "상담원"]
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie = re.compile(_trie(words))
    for text in ["장난감도서관에서장난감", "양육수당이랑아동수당", "육아상담원", "상담", "장난", "xx수당yy", *words]:
        assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)]
