"""Bare hours whose morning reading began hours ago and still runs ("오늘 9시부터 7시까지" said at 14:00): care is
asked for ahead, so tonight's reading (21:00-07:00) is as likely; the dialog asks, and a half said decides."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog import texts
from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock
from tests.shipped import READER

AFTERNOON = datetime(2026, 12, 7, 14, 0, tzinfo=KST)  # a Monday


def _hours(text: str, now: datetime) -> tuple[int | None, int | None, int | None]:
    u = READER.read(text, now)
    return u.need.start, u.need.end, u.ambiguous_hour


@pytest.mark.parametrize(("text", "now", "held"), [
    ("세 살 딸 오늘 9시부터 7시까지 맡길 곳", AFTERNOON, (21 * 60, 31 * 60, 21)),
    ("오늘 10시부터 6시까지 애 봐줄 사람", datetime(2026, 12, 7, 13, 30, tzinfo=KST), (22 * 60, 30 * 60, 22)),
    ("5살 아들 오늘 8시부터 5시까지요", datetime(2026, 12, 9, 11, 0, tzinfo=KST), (20 * 60, 29 * 60, 20)),
])
def test_a_window_begun_hours_ago_holds_tonight_and_asks(text: str, now: datetime,
                                                         held: tuple[int, int, int]) -> None:
    assert _hours(text, now) == held


@pytest.mark.parametrize(("text", "now", "hours"), [
    # the evening said: taken without asking
    ("세 살 딸 오늘 밤에 9시부터 7시까지", AFTERNOON, (21 * 60, 31 * 60, None)),
    # the morning said: the window as written (already running)
    ("세 살 딸 오늘 오전 9시부터 7시까지", AFTERNOON, (9 * 60, 19 * 60, None)),
    # begun an hour ago: a parent late for the day's care, as before
    ("5살 오늘 10시부터 8시까지", datetime(2026, 12, 7, 11, 0, tzinfo=KST), (10 * 60, 20 * 60, None)),
    # not begun yet: the day's care
    ("5살 오늘 9시부터 6시까지", datetime(2026, 12, 7, 8, 0, tzinfo=KST), (9 * 60, 18 * 60, None)),
])
def test_said_halves_recent_starts_and_later_starts_stay(text: str, now: datetime,
                                                         hours: tuple[int, int, int | None]) -> None:
    assert _hours(text, now) == hours


async def state(store: Store, chat: Chat) -> Intake:
    return Intake.from_json(await store.load_state(chat.address.key))


@pytest.mark.parametrize(("button", "window"), [("오후 9시", (21 * 60, 31 * 60)), ("오전 9시", (9 * 60, 19 * 60))])
async def test_the_parent_picks_tonight_or_the_running_day(chat: Chat, store: Store, clock: FakeClock,
                                                           button: str, window: tuple[int, int]) -> None:
    clock.now = AFTERNOON
    await chat.say("세 살 딸 오늘 9시부터 7시까지 맡길 곳 있나요 율곡동")
    assert texts.ASK_HALF.format(hour=9) in chat.text
    await chat.tap(button)
    saved = await state(store, chat)
    assert (saved.start, saved.end) == window and saved.area == "율곡동"
