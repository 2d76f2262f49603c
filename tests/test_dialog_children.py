"""Several children with some ages missing: each missing age is asked (a school child's grade with grade
buttons), and the answer fills that child in without losing the ones already known."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.dialog import texts
from bot.dialog.intake import Intake
from db.store import Store
from tests.conftest import KST, Chat, FakeClock

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=KST)


async def kids(store: Store, chat: Chat) -> list[tuple[int | None, int | None]]:
    saved = Intake.from_json(await store.load_state(chat.address.key))
    return [(k.age_months, k.school_grade) for k in saved.kids]


@pytest.mark.parametrize(("said", "grade", "kept"), [
    ("둘째는 네 살이고 첫째는 초등학생이에요", "초3이요", 48),
    ("큰애는 초딩이고 작은애는 18개월이에요", "4학년이에요", 18),
])
async def test_a_school_child_without_a_grade_is_asked_and_filled(chat: Chat, store: Store, clock: FakeClock,
                                                                  said: str, grade: str, kept: int) -> None:
    clock.now = MONDAY
    await chat.say(said)
    assert texts.ASK_GRADE in chat.text
    assert [c.label for r in chat.last for c in r.choices][:2] == ["초1", "초2"]
    assert "아이, " not in chat.text  # no '나이를 아이, 4살로'
    await chat.say(grade)
    found = await kids(store, chat)
    assert len(found) == 2 and (kept, None) in found and any(g is not None for _, g in found)
    assert texts.ASK_DAY in chat.text


async def test_the_grade_button_fills_the_school_child(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("애가 둘인데 첫째는 초등학생이고 둘째는 5살")
    await chat.tap("초2")
    assert sorted(await kids(store, chat), key=str) == sorted([(None, 2), (60, None)], key=str)


async def test_a_count_with_one_age_asks_for_the_other(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("아이 둘인데 하나는 6살이에요")
    assert texts.ASK_OTHER_AGE in chat.text
    await chat.say("2살이요")
    assert sorted(await kids(store, chat), key=str) == sorted([(72, None), (24, None)], key=str)


async def test_three_children_are_asked_until_each_has_an_age(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("애 셋이에요")
    assert texts.ASK_AGES.format(rest="", count="세") in chat.text
    await chat.say("7살이요")
    assert texts.ASK_AGES.format(rest=texts.REST, count="두") in chat.text
    assert len(await kids(store, chat)) == 3
    await chat.say("4살이랑 20개월")
    assert sorted(await kids(store, chat), key=str) == sorted([(84, None), (48, None), (20, None)], key=str)
    assert texts.ASK_DAY in chat.text


async def test_one_age_answers_for_twins(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("쌍둥이 맡길 곳 찾아요")
    assert texts.ASK_TWINS_AGE in chat.text
    await chat.say("다섯 살")
    assert await kids(store, chat) == [(60, None), (60, None)]


async def test_twins_said_after_the_age_keep_it(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("세 살이에요")
    await chat.say("아 쌍둥이예요")
    assert await kids(store, chat) == [(36, None), (36, None)]


async def test_a_count_after_a_known_child_keeps_it(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("초2 딸이요")
    await chat.say("애가 둘이에요")
    assert await kids(store, chat) == [(None, 2), (None, None)]
    assert texts.ASK_OTHER_AGE in chat.text


async def test_a_plain_correction_of_one_child_still_replaces(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("4살이요")
    await chat.say("아니 5살이요")
    assert await kids(store, chat) == [(60, None)]


async def test_an_age_of_school_years_fills_the_school_child(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("애가 셋인데 첫째는 초등학생이에요")
    await chat.say("9살이요")  # the school child's age, not one of the others'
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert [k.age_months for k in saved.kids if k.known] == [108] and saved.kids[0].known


async def test_a_corrected_count_keeps_the_known_ages(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("아이 셋인데 하나는 6살이에요")
    await chat.say("아 아니 둘이에요")
    assert await kids(store, chat) == [(72, None), (None, None)]
    assert texts.NOT_UNDERSTOOD not in chat.text and texts.ASK_OTHER_AGE in chat.text


async def test_one_of_twins_given_another_age_keeps_the_other(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("쌍둥이 맡길 곳 찾아요")
    await chat.say("3살")
    await chat.say("아 하나는 4살이에요")
    assert await kids(store, chat) == [(36, None), (48, None)]


async def test_a_no_before_the_missing_grade_still_fills_it(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("첫째는 초등학생이고 둘째는 세 살이에요")
    await chat.say("아니 초4요")
    assert sorted(await kids(store, chat), key=str) == sorted([(None, 4), (36, None)], key=str)


async def test_a_no_corrects_the_age_said_while_the_other_is_asked(chat: Chat, store: Store,
                                                                  clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("아이 둘이요 7살이랑")
    await chat.say("아 아니 8살이요")
    assert await kids(store, chat) == [(96, None), (None, None)]
    assert texts.ASK_OTHER_AGE in chat.text
    await chat.say("4살이요")
    assert await kids(store, chat) == [(96, None), (48, None)]


async def test_one_school_child_without_a_grade_is_said_back_plainly(chat: Chat, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("초등학생 아들 내일 오후 3시부터 7시 대곡동")
    assert "초등학생 아이를" in chat.text and "한 아이" not in chat.text


async def test_a_bare_age_with_two_children_known_asks_which(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("큰애 8살 작은애 3살이요")
    await chat.say("6살이에요")  # the day is asked: nothing says whose age this is
    assert await kids(store, chat) == [(96, None), (36, None)]
    assert "6살은 어느 아이" in chat.text and "8살, 3살" in chat.text
    assert [c.label for r in chat.last for c in r.choices] == ["8살 아이", "3살 아이", "아이는 6살 한 명"]
    await chat.tap("3살 아이")
    assert await kids(store, chat) == [(96, None), (72, None)]
    assert texts.ASK_DAY in chat.text


async def test_the_other_facts_of_that_message_are_kept(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("8살이랑 3살 둘이에요")
    await chat.say("아 5살이요 모레 오후 3시부터 6시까지")
    assert "5살은 어느 아이" in chat.text
    await chat.tap("8살 아이")
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert [k.age_months for k in saved.kids] == [60, 36]
    assert saved.day is not None and saved.day.day == 9 and (saved.start, saved.end) == (15 * 60, 18 * 60)
    assert texts.ASK_PLACE in chat.text


async def test_one_child_after_all_replaces_both(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("7살이랑 5살 애 둘이요")
    await chat.say("4살이요")
    await chat.tap("아이는 4살 한 명")
    assert await kids(store, chat) == [(48, None)]


async def test_a_child_named_in_words_answers_which(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("7살이랑 5살 애 둘이요 내일 오후 2시부터 6시까지 율곡동")
    assert any(c.label == "동의하고 접수" for r in chat.last for c in r.choices)
    await chat.say("아 4살이에요")  # at the consent step, too: asked, not written over both
    assert await kids(store, chat) == [(84, None), (60, None)] and "어느 아이" in chat.text
    await chat.say("작은애요")
    assert await kids(store, chat) == [(84, None), (48, None)]
    assert any(c.label == "동의하고 접수" for r in chat.last for c in r.choices)


async def test_something_else_instead_of_a_child_drops_the_question(chat: Chat, store: Store,
                                                                    clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("7살이랑 5살 애 둘이요")
    await chat.say("4살이요")
    await chat.say("내일이요")
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert saved.ask_kid is None and [k.age_months for k in saved.kids] == [84, 60] and saved.day is not None


async def test_a_danger_message_with_one_age_keeps_both_children(chat: Chat, store: Store, clock: FakeClock) -> None:
    clock.now = MONDAY
    await chat.say("7살이랑 5살 애 둘이요")
    await chat.say("4살 애가 지금 혼자 집에 있어요")
    assert "112" in chat.text and "어느 아이" in chat.text
    assert await kids(store, chat) == [(84, None), (60, None)]


@pytest.mark.parametrize(("first", "later", "expected"), [
    # three known, two bare ages: the two closest in age change, the third keeps theirs
    ("세 아이예요 8살 5살 1살", "아 잠깐만요 6살 2살이에요", [(96, None), (72, None), (24, None)]),
    ("애들 셋 9살, 6살, 3살이요", "아니 4살이랑 7살이요", [(108, None), (84, None), (48, None)]),
    ("초5, 4살, 2살 셋이요", "아 아니다 5살 3살", [(None, 5), (60, None), (36, None)]),
    ("네 아이 10살 8살 5살 2살", "아니요 6살 3살이요", [(120, None), (96, None), (72, None), (36, None)]),
])
async def test_fewer_ages_than_children_never_replace_them_all(chat: Chat, store: Store, clock: FakeClock,
                                                               first: str, later: str,
                                                               expected: list[tuple[int | None, int | None]]) -> None:
    clock.now = MONDAY
    for message in (first, "내일 오후 1시부터 5시까지", "대곡동", later):
        await chat.say(message)
    assert await kids(store, chat) == expected
    assert "바꿨어요" in chat.text


async def test_a_count_with_the_ages_says_all_the_children_there_are(chat: Chat, store: Store,
                                                                    clock: FakeClock) -> None:
    clock.now = MONDAY
    for message in ("아이 셋 7살 4살 1살", "내일 오후 1시부터 5시까지", "대곡동", "아 애는 둘이에요 6살이랑 3살"):
        await chat.say(message)
    assert await kids(store, chat) == [(72, None), (36, None)]


@pytest.mark.parametrize("age", ["둘 다 3살이요", "둘다 세 살", "두 명 다 3살이에요", "3살"])
async def test_one_age_for_the_twins_fills_both_and_adds_no_child(chat: Chat, store: Store, clock: FakeClock,
                                                                   age: str) -> None:
    clock.now = MONDAY
    await chat.say("우리 애들 쌍둥이예요")
    await chat.say(age)
    assert await kids(store, chat) == [(36, None), (36, None)]
    assert texts.ASK_DAY in chat.text and "다른 아이" not in chat.text


@pytest.mark.parametrize(("later", "left"), [
    ("아 작은애는 외할머니가 봐주신대요 큰애만 부탁해요", [(None, 2)]),
    ("막내는 안 맡겨도 돼요", [(None, 2)]),
    ("첫째는 빼 주세요", [(48, None)]),
    ("작은아이만요", [(48, None)]),
])
async def test_a_child_taken_out_by_rank_leaves_the_others(chat: Chat, store: Store, clock: FakeClock, later: str,
                                                           left: list[tuple[int | None, int | None]]) -> None:
    clock.now = MONDAY
    await chat.say("초2 딸이랑 네 살 아들 모레 오후 3시부터 6시까지 대곡동")
    await chat.say(later)
    assert await kids(store, chat) == left
    assert "아이만 맡기시는 것으로 바꿨어요." in chat.text and "동의하고 접수" in [c.label for r in chat.last
                                                                             for c in r.choices]


async def test_a_child_taken_out_at_the_confirm_step_changes_the_summary(chat: Chat, store: Store,
                                                                       clock: FakeClock) -> None:
    clock.now = MONDAY
    for message in ("초2 딸이랑 네 살 아들 모레 오후 3시부터 6시까지 대곡동", "동의하고 접수", "채팅으로 받기",
                    "큰애만요"):
        await chat.say(message)
    summary = chat.text.split("이대로 접수할까요?")[-1]
    assert "· 아이: 초등 2학년\n" in summary and "4살" not in summary
