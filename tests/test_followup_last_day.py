"""The parent's follow-up question comes the morning after the last care day asked for, not the first: days added
before filing, several days in one message, a weekly repeat's first day, and days added, dropped or moved after."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.coordination.lastday import last_care_day
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

SUNDAY_0830 = datetime(2026, 12, 6, 8, 30, tzinfo=KST)
FIRST = "5살 아이 오늘 아침 9시부터 12시까지 봐줄 곳 있나요 율곡동"


async def parent_due(store: Store) -> list[date]:
    """The day each pending parent follow-up is due (local), oldest row first."""
    rows = await store.fetch("SELECT due_at FROM followups WHERE kind = 'parent' AND cancelled_at IS NULL"
                             " AND fired_at IS NULL ORDER BY id")
    return [datetime.fromisoformat(r["due_at"]).astimezone(KST).date() for r in rows]


async def file_rest(chat: Chat) -> None:
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    await chat.tap("네, 접수할게요")
    assert "접수번호는 1번" in chat.text


@pytest.mark.parametrize("more, last", [
    ("내일도 같은 시간에", date(2026, 12, 7)),
    ("모레도 오후 2시부터 5시까지요", date(2026, 12, 8)),
    ("토요일에도 필요해요", date(2026, 12, 12)),
    ("매주 월요일마다 필요해요", date(2026, 12, 7)),  # open-ended: after its first Monday, not never
])
async def test_days_added_before_filing_put_the_follow_up_after_the_last(chat: Chat, clock: FakeClock, store: Store,
                                                                         more: str, last: date) -> None:
    clock.now = SUNDAY_0830
    await chat.say(FIRST)
    await chat.say(more)
    await file_rest(chat)
    assert await parent_due(store) == [date.fromordinal(last.toordinal() + 1)]


@pytest.mark.parametrize("first, last", [
    ("5살 아이 다음 주 월요일부터 수요일까지 오후 2시부터 6시까지 율곡동", date(2026, 12, 9)),
    ("7살 아이 월요일이랑 목요일 오후 3시부터 6시까지 봐주세요 율곡동", date(2026, 12, 10)),
])
async def test_several_days_in_one_message_put_the_follow_up_after_the_last(chat: Chat, clock: FakeClock,
                                                                            store: Store, first: str,
                                                                            last: date) -> None:
    clock.now = SUNDAY_0830
    await chat.say(first)
    await file_rest(chat)
    assert await parent_due(store) == [date.fromordinal(last.toordinal() + 1)]


async def test_a_day_added_after_filing_moves_the_follow_up_once(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = SUNDAY_0830
    await chat.file(FIRST)
    assert await parent_due(store) == [date(2026, 12, 7)]
    await chat.say("내일도 같은 시간에 부탁해요")
    assert await parent_due(store) == [date(2026, 12, 8)]  # the old row cancelled, one pending
    await chat.say("금요일에도 필요해요")
    assert await parent_due(store) == [date(2026, 12, 12)]
    await chat.say("금요일은 빼 주세요")
    assert await parent_due(store) == [date(2026, 12, 8)]


async def test_a_day_corrected_after_filing_moves_the_follow_up(chat: Chat, clock: FakeClock, store: Store) -> None:
    clock.now = SUNDAY_0830
    await chat.file("5살 아이 내일 오후 2시부터 5시까지 율곡동")
    assert await parent_due(store) == [date(2026, 12, 8)]
    await chat.say("아 아니다 목요일이요")
    assert "목요일" in chat.text or "12월 10일" in chat.text
    assert await parent_due(store) == [date(2026, 12, 11)]


def test_the_last_care_day_reads_the_days_kept_in_the_summary() -> None:
    first = date(2026, 12, 7)
    assert last_care_day(first, {"also": ["2026-12-09", "2026-12-08"]}) == date(2026, 12, 9)
    assert last_care_day(first, {}) == first and last_care_day(first, None) == first
    assert last_care_day(None, {"also": ["2026-12-09"]}) is None  # no day, no follow-up
    assert last_care_day(first, {"also": ["bad"]}) == first
