"""Replies that fit a phone: one screen for a recommendation with its consent, the rest behind buttons that work
at the consent and confirm steps, short cards for two children, corrections that say what changed."""

from __future__ import annotations

from datetime import datetime

from bot.channels.kakao import format as kakao
from bot.dialog.core import Reply
from tests.conftest import KST, Chat, FakeClock

SCREEN = 12


def lines(replies: list[Reply]) -> int:
    return sum(r.text.count("\n") + 1 for r in replies)


def fits_kakao(replies: list[Reply]) -> None:
    answer = kakao.build_response(replies)["template"]
    assert len(answer["outputs"]) <= kakao.MAX_OUTPUTS
    quick = answer.get("quickReplies", [])
    assert len(quick) <= kakao.MAX_QUICK_REPLIES and all(len(q["label"]) <= kakao.MAX_LABEL for q in quick)
    for r in replies:
        assert len(r.text) <= kakao.MAX_TEXT
        if r.card_title:
            assert len(r.text) <= kakao.MAX_CARD_DESCRIPTION  # the whole card in one textCard


async def test_a_recommendation_and_its_consent_fit_one_screen(chat: Chat) -> None:
    replies = await chat.say("세 살 아들 목요일 오후 1시부터 5시까지 맡기고 싶어요 평화동")
    (card,) = [r for r in replies if r.card_title]
    assert lines(replies) <= SCREEN
    body = card.text.splitlines()
    assert "365어린이집" in body[0]  # service and site
    assert any("13:00-17:00" in line for line in body)  # why: the hours asked fit
    assert any("11월 26일(목)" in line and "07:30-24:00" in line for line in body)  # hours on the care day
    assert any("042-234-5678" in line for line in body)
    assert "다른 곳이 아닌 이유" not in chat.text  # behind a button
    labels = [c.label for r in replies for c in r.choices]
    assert {"다른 곳 보기", "자세히", "동의하고 접수", "동의하지 않음"} <= set(labels)
    fits_kakao(replies)


async def test_two_children_stay_short(chat: Chat) -> None:
    replies = await chat.say("초1 딸이랑 2살 아들 내일 오후 4시부터 7시까지 율곡동이요")
    cards = [r for r in replies if r.card_title]
    assert len(cards) == 2 and all(lines([c]) <= 5 for c in cards)
    assert lines(replies) <= SCREEN + 2
    fits_kakao(replies)


async def test_the_buttons_show_the_rest_at_the_consent_and_the_confirm_steps(chat: Chat) -> None:
    await chat.say("세 살 아들 목요일 오후 1시부터 5시까지 평화동")
    await chat.tap("다른 곳 보기")
    assert "아이돌봄서비스" in chat.text and "다함께돌봄센터" in chat.text
    await chat.tap("자세히")
    assert "다른 곳이 아닌 이유" in chat.text and "운영:" in chat.text
    fits_kakao(chat.last)
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    await chat.tap("자세히")
    assert "다른 곳이 아닌 이유" in chat.text
    await chat.tap("다른 곳 보기")
    assert "다함께돌봄센터" in chat.text
    await chat.tap("네, 접수할게요")
    assert "접수번호" in chat.text


async def test_a_correction_says_what_changed_instead_of_the_whole_block(chat: Chat) -> None:
    await chat.say("세 살 아들 목요일 오후 1시부터 5시까지 평화동")
    replies = await chat.say("아 시간 잘못 말했어요 저녁 6시부터 10시까지요")
    assert replies[0].text == "시간을 13:00~17:00에서 18:00~22:00로 바꿨어요."
    assert not any(r.card_title for r in replies) and "추천은 그대로" in chat.text
    assert lines(replies) <= 4
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    replies = await chat.say("아니 동네는 대곡동이에요")
    assert replies[0].text == "동네를 평화남산동에서 대곡동으로 바꿨어요."
    assert "이대로 접수할까요" in chat.text


async def test_a_correction_that_changes_the_advice_shows_the_new_card(chat: Chat) -> None:
    await chat.say("세 살 아들 목요일 오후 3시부터 7시까지 평화동")
    replies = await chat.say("아니요 초2예요")
    assert replies[0].text == "나이를 3살에서 초등 2학년으로 바꿨어요."
    card = next(r for r in replies if r.card_title)
    assert card.card_title.startswith("다함께돌봄센터")


async def test_an_end_time_alone_moves_only_the_end(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=KST)
    await chat.say("4살 오늘 오전 10시부터 오후 3시까지 율곡동")
    replies = await chat.say("아니 저녁 6시 반까지요")
    assert replies[0].text == "시간을 10:00~15:00에서 10:00~18:30으로 바꿨어요."


async def test_a_start_said_after_an_end_keeps_the_end(chat: Chat, store, clock: FakeClock) -> None:
    from bot.dialog.intake import Intake

    clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=KST)
    await chat.say("6살 딸 모레 밤 10시까지요")
    await chat.say("저녁 7시부터요")
    saved = Intake.from_json(await store.load_state(chat.address.key))
    assert (saved.start, saved.end) == (19 * 60, 22 * 60)


async def test_twins_get_one_card_and_one_service_in_the_summary(chat: Chat, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 8, 3, 0, tzinfo=KST)  # a Tuesday, 03:00
    replies = await chat.say("쌍둥이 3살 오늘 오전 9시부터 오후 6시까지 대곡동")
    (card,) = [r for r in replies if r.card_title]
    assert card.text.startswith("두 아이(3살): 365어린이집 센트럴자이")
    assert card.card_title == "365어린이집 센트럴자이"  # not '365어린이집 · 365어린이집 센트럴자이'
    assert "07:30에 문 열어요" in card.text and "운영 안 함" not in card.text  # it opens later today
    await chat.tap("자세히")
    assert chat.text.count("찾았어요") == 1
    await chat.tap("다른 곳 보기")
    assert chat.text.count("다른 곳") == 1
    await chat.tap("동의하고 접수")
    await chat.say("01098765432")
    assert "· 추천: 365어린이집\n" in chat.text and "· 연락: 010-9876-5432" in chat.text
    await chat.tap("네, 접수할게요")
    assert "접수번호" in chat.text


async def test_children_of_different_ages_are_named_by_age_not_by_number(chat: Chat) -> None:
    replies = await chat.say("초2 아들이랑 5살 딸 내일 오후 3시부터 7시까지 자산동")
    titles = [r.text.splitlines()[0] for r in replies if r.card_title]
    assert titles == ["초등 2학년 아이: 다함께돌봄센터 황산", "5살 아이: 365어린이집 모암"]
    assert "번째" not in chat.text


async def test_brothers_sent_to_the_same_centre_share_one_card(chat: Chat) -> None:
    replies = await chat.say("아들 둘인데 하나는 8살 하나는 10살이에요 내일 오후 3시부터 6시까지 양천동")
    (card,) = [r for r in replies if r.card_title]
    assert card.text.startswith("두 아이(8살, 10살): 다함께돌봄센터")
    assert lines(replies) <= SCREEN


async def test_a_child_no_service_takes_keeps_their_own_answer_beside_a_sibling(chat: Chat) -> None:
    replies = await chat.say("초3이랑 15살 아이 내일 오후 3시부터 6시까지 율곡동")
    assert [r.text.splitlines()[0] for r in replies if r.card_title] == ["초등 3학년 아이: 다함께돌봄센터 율곡"]
    assert "15살 아이: 김천 돌봄 클러스터 서비스는" in chat.text


async def test_the_reasons_behind_the_buttons_stay_per_age_when_a_card_is_shared(chat: Chat,
                                                                                 clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 5, 21, 0, tzinfo=KST)  # Saturday night: one place for both
    replies = await chat.say("지금 애 둘 맡길 곳 있어요? 3살 7살 율곡동 밤 12시까지")
    assert next(r.text for r in replies if r.card_title).startswith("두 아이(3살, 7살)")
    await chat.tap("다른 곳 보기")
    assert "3살 아이 다른 곳" in chat.text and "7살 아이 다른 곳" in chat.text



async def test_a_sibling_said_later_joins_the_child_already_known(chat: Chat) -> None:
    await chat.say("5살 내일 오후 2시부터 6시까지 율곡동")
    replies = await chat.say("아 동생도 있어요 2살이요")
    assert replies[0].text == "2살 아이도 함께 적어 둘게요."
    assert next(r.text for r in replies if r.card_title).startswith("두 아이(5살, 2살)")
    replies = await chat.say("아니 큰애는 6살이에요")  # without '도': the older one's age, the younger one stays
    assert replies[0].text == "나이를 6살, 2살로 바꿨어요."
    await chat.say("막내는 3살이요")
    await chat.tap("동의하고 접수")
    await chat.tap("채팅으로 받기")
    assert "· 아이: 6살, 3살\n" in chat.text
    await chat.say("4살이에요")  # no child named: which one is asked, neither is written over
    assert "4살은 어느 아이의 나이인가요?" in chat.text
    await chat.tap("아이는 4살 한 명")  # one child after all: the whole answer
    assert "· 아이: 4살\n" in chat.text
