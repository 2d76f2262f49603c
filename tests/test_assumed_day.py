"""Hours said with no day are today's as an assumed day: the reader marks it, `dolbom understand` shows it, and the
dialog keeps a day said in another message over it and tells the parent the day it took."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta

import pytest

from bot.channels.kakao import format as kakao
from bot.channels.telegram.format import ChoiceCodec, send_calls
from bot.dialog import texts
from bot.settings import Settings
from routing import command
from routing.understand import Understander
from tests.conftest import KST, Chat, FakeClock
from tests.test_phone_fit import SCREEN, fits_kakao, lines

TUESDAY_15 = datetime(2026, 11, 24, 15, 0, tzinfo=KST)
"""The reference time of the reader cases: a Tuesday afternoon."""
ASSUMED_LINE = "기준으로 찾았어요"
"""The part of texts.ASSUMED_DAY that names no date."""


@pytest.fixture(scope="module")
def reader(knowledge) -> Understander:
    return Understander(knowledge)


@pytest.mark.parametrize("text", [
    "저녁 8시부터 11시까지 다섯 살 딸 맡길 데 있을까요",
    "5시 반부터 9시까지 초2 아들 봐주실 분 구해요",
    "밤 10시까지만 봐주시면 돼요 3살이에요",
    "혹시 오후 4시부터 7시까지 돌봐줄 곳 있나요 6살",
])
def test_hours_with_no_day_still_ahead_are_an_assumed_today(reader: Understander, text: str) -> None:
    u = reader.read(text, TUESDAY_15)
    assert u.need.day == TUESDAY_15.date() and u.day_assumed
    assert not u.need.urgent  # an assumed day is no same-day urgency said


@pytest.mark.parametrize("text", [
    "평일 저녁 6시부터 9시까지 5살 맡길 곳",  # a schedule
    "매일 4시부터 7시까지 초1 봐줄 분",  # a habit
    "보통 8시까지 야근이라 봐줄 데가 필요해요 4살",  # a habit
    "갑자기 일 생기면 6시부터 10시까지 맡길 수 있나요 4살",  # a case
    "남편 출장 갈 때 7시부터 11시까지 봐줄 곳 있을까요",  # a case
    "365어린이집 몇 시까지 해요? 밤 11시까지도 되나요",  # a service's hours asked
    "장난감도서관 5시에 반납하러 가도 되나요",  # a visit to a service
    "방학에 9시부터 6시까지 초2 딸 맡길 곳",  # the vacation
    "12월에 6시부터 9시까지 봐줄 분 구해요 5살",  # a month named alone
    "어제 6시부터 9시까지 맡겼던 곳 어디였죠",  # a story
])
def test_no_day_is_assumed_for_schedules_cases_services_months_and_stories(reader: Understander, text: str) -> None:
    u = reader.read(text, TUESDAY_15)
    assert u.need.day is None and not u.day_assumed, text


@pytest.mark.parametrize("text", [
    "9시부터 12시까지 두 살 아기 맡길 곳",  # over at 15:00
    "오후 1시부터 6시까지 6살 봐주실 분",  # begun two hours ago
    "오후 3시인데 아이가 혼자 울고 있어요",  # the time now told
])
def test_no_day_is_assumed_for_windows_over_or_begun(reader: Understander, text: str) -> None:
    u = reader.read(text, TUESDAY_15)
    assert u.need.day is None and not u.day_assumed, text


def test_weekday_letters_name_the_nearest_listed_day_not_an_assumed_one(reader: Understander) -> None:
    u = reader.read("월수금 5시부터 8시까지 초3 아들", TUESDAY_15)  # a schedule: its first day ahead is named
    assert u.need.day == TUESDAY_15.date() + timedelta(days=1) and not u.day_assumed


def test_a_day_said_is_not_assumed(reader: Understander) -> None:
    for text in ("오늘 저녁 8시부터 11시까지 5살", "내일 저녁 8시부터 11시까지 5살"):
        u = reader.read(text, TUESDAY_15)
        assert u.need.day is not None and not u.day_assumed


def test_understand_json_gives_today_and_says_it_is_assumed(knowledge) -> None:
    reader = Understander(knowledge)
    said, assumed, none = (command.describe(reader.read(t, TUESDAY_15), knowledge) for t in (
        "내일 저녁 7시부터 9시까지 4살", "저녁 7시부터 9시까지 4살", "매일 저녁 7시부터 9시까지 4살"))
    assert (assumed["date"], assumed["date_assumed"]) == ("2026-11-24", True)
    assert (said["date"], said["date_assumed"]) == ("2026-11-25", False)
    assert (none["date"], none["date_assumed"]) == (None, False)
    assert set(command.KEYS) == set(assumed)


def test_understand_command_prints_date_assumed(monkeypatch: pytest.MonkeyPatch, capsysbinary) -> None:
    import argparse
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("저녁 7시부터 9시까지 4살\n".encode())))
    args = argparse.Namespace(now=datetime(2026, 11, 24, 15, 0))
    assert command.run(args, Settings.from_env({}, dotenv=None)) == 0
    out = json.loads(capsysbinary.readouterr().out.decode())
    assert (out["date"], out["date_assumed"]) == ("2026-11-24", True)


async def test_a_day_said_first_keeps_its_hours_said_alone_after(chat: Chat, clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    await chat.say("목요일에 4살 딸 맡길 곳 찾아요")
    await chat.say("저녁 7시부터 10시까지요")
    await chat.say("율곡동이요")
    (card,) = [r for r in chat.last if r.card_title]
    assert "11월 26일(목)" in card.text and "19:00-22:00" in card.text
    assert ASSUMED_LINE not in chat.text


async def test_a_day_said_first_stays_when_the_hours_come_with_the_place(chat: Chat, clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    await chat.say("토요일에 5살 아들 봐줄 곳 있을까요")
    replies = await chat.say("저녁 6시부터 8시까지 율곡동이에요")
    (card,) = [r for r in replies if r.card_title]
    assert "11월 28일(토)" in card.text and "오늘" not in card.text
    assert ASSUMED_LINE not in chat.text and "바꿨어요" not in chat.text


async def test_hours_alone_are_recommended_on_today_with_the_assumed_line(chat: Chat, clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    replies = await chat.say("저녁 7시부터 10시까지 4살 딸 맡길 곳 있을까요 율곡동이에요")
    (card,) = [r for r in replies if r.card_title]
    assert "오늘(화)" in card.text  # the card's hours are today's
    assert texts.ASSUMED_DAY.format(month=11, day=24) in chat.text
    assert lines(replies) <= SCREEN
    fits_kakao(replies)
    answer = kakao.build_response(replies)["template"]
    assert any("11월 24일" in o.get("simpleText", {}).get("text", "") for o in answer["outputs"])


async def test_telegram_sends_the_assumed_day_line_between_the_card_and_the_consent(chat: Chat,
                                                                                   clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    replies = await chat.say("밤 9시부터 11시까지 3살 아들 봐주실 곳 자산동")
    codec = ChoiceCodec()
    sent = [c.kwargs["text"] for r in replies for c in send_calls(1, r, codec) if c.method == "send_message"]
    line = texts.ASSUMED_DAY.format(month=11, day=24)
    assert sent.count(line) == 1 and 0 < sent.index(line) < len(sent) - 1
    assert "동의" in sent[-1]


async def test_two_children_on_an_assumed_day_fit_kakao(chat: Chat, clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    replies = await chat.say("저녁 6시부터 9시까지 3살 8살 두 아이 맡길 곳 있을까요 율곡동")
    assert texts.ASSUMED_DAY.format(month=11, day=24) in chat.text
    fits_kakao(replies)


async def test_a_day_said_after_hours_alone_replaces_the_assumed_today(chat: Chat, clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    await chat.say("저녁 7시부터 10시까지 4살 딸 맡길 곳 있을까요 율곡동이에요")
    assert ASSUMED_LINE in chat.text
    await chat.say("내일이요")
    assert ASSUMED_LINE not in chat.text
    assert "11월 25일(수)로 바꿨어요" in chat.text


async def test_hours_asked_morning_or_evening_then_left_take_no_assumed_day(chat: Chat, clock: FakeClock) -> None:
    clock.now = TUESDAY_15
    await chat.say("7시부터 10시까지 5살 봐줄 곳 있나요")
    assert texts.ASK_HALF.format(hour=7) in chat.text
    await chat.say("자산동이요")  # the 오전/오후 question left: its hours are asked again, and so is the day
    assert texts.ASK_DAY in chat.text


@pytest.mark.parametrize(("half", "said"), [("half:am", texts.ASK_DAY), ("half:pm", ASSUMED_LINE)])
async def test_the_half_of_the_day_chosen_decides_whether_today_is_assumed(chat: Chat, clock: FakeClock, half: str,
                                                                          said: str) -> None:
    clock.now = TUESDAY_15
    await chat.say("7시부터 10시까지 5살 봐줄 곳 있나요 자산동")
    await chat.say(choice=half)  # 07:00-10:00 is over at 15:00: the day is asked; 19:00-22:00 is today's, assumed
    assert said in chat.text
