"""The words of the dialog: particles that fit, no echoed sentences, no doubled labels, a bilingual answer for
other languages, the months asked for a baby, and one clear answer for ages no service takes."""

from __future__ import annotations

import re

import pytest

from bot.coordination import texts as queue_texts
from bot.dialog import texts
from bot.dialog.intake import Intake, Kid
from bot.dialog.present import rankings
from db.store import Store
from tests.conftest import Chat

_BOTH_FORMS = re.compile(r"\((?:은|는|이|가|을|를|으|과|와)\)")


@pytest.mark.parametrize("module", [texts, queue_texts])
def test_no_text_writes_both_particles_or_a_particle_after_a_case_number(module) -> None:
    words = [v for k, v in vars(module).items() if k.isupper() and isinstance(v, str)]
    words += [v for d in vars(module).values() if isinstance(d, dict) for v in d.values() if isinstance(v, str)]
    offenders = [w for w in words if _BOTH_FORMS.search(w)]
    assert offenders == []
    after_number = [w for w in words if re.search(r"#\{\w+\}[은는이가을를]", w)]
    assert after_number == []


def test_a_child_without_a_label_is_not_called_아이_아이(knowledge) -> None:
    from datetime import datetime

    from tests.conftest import KST
    now = datetime(2026, 11, 24, 14, 0, tzinfo=KST)
    ((who, _),) = rankings(Intake(), knowledge, now)
    assert who == "아이"
    ((who, _),) = rankings(Intake(kids=(Kid(48, None, "3~5살"),)), knowledge, now)
    assert who == "3~5살 아이"


async def test_a_danger_case_without_an_age_has_no_doubled_label(chat: Chat, store: Store) -> None:
    await chat.say("우리 애가 방치돼 있어요")
    (case,) = await store.cases_for_user(chat.address.key)
    assert "아이 아이" not in case.summary_text and "아이: 아이" not in case.summary_text


async def test_an_unknown_place_is_not_echoed_back(chat: Chat) -> None:
    await chat.say("4살 내일 오후 2시부터 6시까지")
    await chat.say("저기 시장 근처 파란 대문 집이에요")
    assert "파란 대문" not in chat.text and "(는)" not in chat.text
    assert texts.PLACE_NOT_FOUND in chat.text


@pytest.mark.parametrize("message", ["Hello, I need someone to look after my daughter tomorrow",
                                     "Xin chào, tôi cần người trông con", "我需要托儿服务"])
async def test_another_language_gets_korean_and_english_with_the_intake_phone(chat: Chat, message: str) -> None:
    replies = await chat.say(message)
    (answer,) = [r for r in replies if "Korean" in r.text]
    assert "한국어" in answer.text and "042-123-4567" in answer.text
    assert "몇 살" not in chat.text


@pytest.mark.parametrize(("before", "buttons"), [
    (["3살 아이 모레 오후 1시부터 5시까지 자산동"], ["동의하고 접수", "동의하지 않음"]),
    (["3살 아이 모레 오후 1시부터 5시까지 자산동", "동의하고 접수"], ["채팅으로 받기"]),
    (["5살 딸이요"], ["지금 바로", "오늘"]),
])
async def test_another_language_mid_way_keeps_the_pending_question(chat: Chat, before: list[str],
                                                                   buttons: list[str]) -> None:
    for message in before:
        await chat.say(message)
    replies = await chat.say("Sorry, can somebody help me in English please?")
    assert "Korean" in replies[0].text
    assert [c.label for c in replies[-1].choices][:len(buttons)] == buttons  # a tap still answers it


async def test_another_language_with_facts_still_says_the_service_speaks_korean(chat: Chat) -> None:
    replies = await chat.say("my daughter is 5, we need care on friday from 9am to 5pm please")
    assert "Korean" in replies[0].text and "042-123-4567" in replies[0].text


async def test_english_yes_and_commands_are_not_taken_for_another_language(chat: Chat) -> None:
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.say("ok")
    assert "Korean" not in chat.text and "전화번호" in chat.text


async def test_the_under_six_months_button_asks_the_months(chat: Chat) -> None:
    await chat.say("안녕하세요")
    await chat.tap("6개월 미만")
    assert texts.ASK_MONTHS in chat.text
    assert [c.label for r in chat.last for c in r.choices] == ["1개월", "2개월", "3개월", "4개월", "5개월"]
    await chat.tap("5개월")
    await chat.say("내일 오전 9시부터 오후 1시까지 율곡동")
    card = next(r for r in chat.last if r.card_title)
    assert card.card_title.startswith("아이돌봄서비스") and "5개월" in card.text


async def test_a_baby_no_service_takes_gets_whom_to_call(chat: Chat, store: Store) -> None:
    await chat.say("안녕하세요")
    await chat.tap("6개월 미만")
    await chat.tap("2개월")  # answered at once: no day, hours or place asked for nothing
    assert "찾았어요" not in chat.text and not any(r.card_title for r in chat.last)
    assert "2개월 아이: 이 나이의 아기를 맡는 돌봄 서비스는 아직 없어요" in chat.text and "3개월부터" in chat.text
    assert "언제" not in chat.text and "동네" not in chat.text
    assert "맘지원센터" in chat.text and "042-123-4567" in chat.text and "육아종합지원센터" in chat.text
    assert "동의" not in chat.text
    assert await store.cases_for_user(chat.address.key) == []


async def test_a_teenager_gets_one_clear_answer(chat: Chat) -> None:
    await chat.say("중학생 14살 아들 내일 오후 3시부터 6시까지 율곡동")
    assert "찾았어요" not in chat.text and "찾지 못했어요" not in chat.text
    assert chat.text.count("맡지 않아요") == 1 and "042-123-4567" in chat.text
    assert not any(r.card_title for r in chat.last) and "동의" not in chat.text


async def test_a_child_no_service_takes_is_told_before_the_day_and_place_are_asked(chat: Chat, clock) -> None:
    from datetime import datetime

    from tests.conftest import KST

    clock.now = datetime(2026, 12, 8, 3, 0, tzinfo=KST)  # 03:00: the guide's phone rings in an empty office
    await chat.say("열네 살 아들 방학 동안 맡길 데 있나요")
    assert "맡지 않아요" in chat.text and "언제 돌봄이" not in chat.text
    assert "042-123-4567 (평일 09:00-18:00" in chat.text  # with the hours it answers
    assert [c.label for r in chat.last for c in r.choices] == ["처음부터"]  # nothing filed to check
    await chat.say("그럼 어디로 가요")
    assert "접수가 끝났어요" not in chat.text


async def test_months_said_beside_under_six_months_are_taken(chat: Chat, store: Store) -> None:
    from bot.dialog.intake import Intake

    await chat.say("6개월 미만이에요")
    assert texts.ASK_MONTHS in chat.text
    await chat.say("4개월 아기, 6개월 미만이에요")
    assert texts.ASK_MONTHS not in chat.text
    assert Intake.from_json(await store.load_state(chat.address.key)).kids[0].age_months == 4


def test_the_intake_phone_comes_from_the_yaml_desk_and_falls_back_to_the_hub() -> None:
    from bot.dialog import outside
    from knowledge.loader import load
    from knowledge.schema import Contact

    knowledge = load()
    desk = knowledge.model_copy(update={"intake_desk": Contact(role="창구", person="담당", phone="054-000-1111")})
    assert outside.intake_phone(desk) == "054-000-1111"
    assert outside.intake_phone(knowledge.model_copy(update={"intake_desk": None})) == "042-123-4567"


async def test_a_fact_given_while_another_was_asked_is_said_back(chat: Chat) -> None:
    await chat.say("안녕하세요")
    replies = await chat.say("대곡동 살아요")
    assert replies[0].text == "동네를 대곡동으로 적어 둘게요." and "몇 살" in chat.text
    replies = await chat.say("세 살")  # the fact asked for: no echo, the next question
    assert "적어 둘게요" not in chat.text and "언제" in chat.text


async def test_cancel_after_a_filed_case_does_not_pretend_to_cancel_it(chat: Chat, store: Store) -> None:
    await chat.say("4살 내일 오후 3시부터 6시까지 율곡동")
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    await chat.tap("네, 접수할게요")
    (case,) = await store.cases_for_user(chat.address.key)
    await chat.say("취소")
    assert "취소했어요" not in chat.text
    assert f"접수 #{case.id}" in chat.text and "내 정보 삭제" in chat.text
    await chat.say("접수 확인")
    assert f"#{case.id}" in chat.text


async def test_an_age_corrected_while_the_hours_are_asked_is_said_changed(chat: Chat) -> None:
    await chat.say("3살 애 내일 봐줄 사람 필요해요 개령면")
    replies = await chat.say("아 아니 4살이요")
    assert replies[0].text == "나이를 3살에서 4살로 바꿨어요." and "몇 시부터" in chat.text


async def test_status_mid_way_says_it_is_not_filed_yet_and_asks_again(chat: Chat) -> None:
    await chat.say("접수 확인")
    assert "아직 접수된 내용이 없어요" in chat.text and "아이 나이" in chat.text
    await chat.say("4살 내일 오후 2시부터 6시까지 율곡동")
    await chat.say("접수 확인")
    assert "아직 접수 전" in chat.text and "아이 나이와 필요한 때를 알려" not in chat.text
    assert "동의하고 접수" in [c.label for r in chat.last for c in r.choices]
    await chat.tap("동의하고 접수")
    await chat.say("도움말")
    assert "사용법" in chat.text and "전화번호" in chat.text  # the phone question again, not a dead end


async def test_a_place_right_after_a_topic_answer_finds_that_topic_near_it(chat: Chat) -> None:
    await chat.say("장난감 빌리고 싶어요")
    await chat.say("율곡동이요")
    assert "육아종합지원센터" in chat.text and "장난감도서관" in chat.text
    await chat.say("아이는 세 살이에요")
    assert "언제" in chat.text  # the care questions go on, the place already known
    await chat.say("대곡동이요")
    assert "동네를 율곡동에서 대곡동으로 바꿨어요." in chat.text and "장난감도서관" not in chat.text


async def test_thanks_is_answered_as_thanks(chat: Chat) -> None:
    await chat.say("부모급여 신청 어디서 해요")
    await chat.say("감사합니다")
    assert "이해하지 못했어요" not in chat.text and "몇 살" not in chat.text and "도움이" in chat.text
