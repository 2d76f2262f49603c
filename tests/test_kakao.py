"""The pure Kakao translation: documented SkillPayload shapes in, SkillResponses within Kakao's limits out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.channels.kakao.format import (
    MAX_LABEL,
    MAX_TEXT,
    PayloadError,
    build_response,
    parse_payload,
    shorten_label,
    split_text,
)
from bot.dialog import texts as ko
from bot.dialog.core import Address, Channel, Choice, Link, Reply, Venue

FIXTURES = Path(__file__).parent / "fixtures" / "kakao"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def outputs(response: dict) -> list[dict]:
    return response["template"]["outputs"]


def texts(response: dict) -> list[str]:
    return [o["simpleText"]["text"] for o in outputs(response) if "simpleText" in o]


def assert_within_limits(response: dict) -> None:
    assert response["version"] == "2.0"
    assert 1 <= len(outputs(response)) <= 3
    assert all(len(t) <= MAX_TEXT for t in texts(response))
    quick = response["template"].get("quickReplies", [])
    assert len(quick) <= 10
    assert all(len(q["label"]) <= MAX_LABEL for q in quick)


# -- payload -> Inbound ---------------------------------------------------------------------------
def test_plain_text_payload() -> None:
    inbound = parse_payload(fixture("text.json"))
    assert inbound.address == Address(Channel.KAKAO, fixture("text.json")["userRequest"]["user"]["id"])
    assert inbound.address.key.startswith("kakao:9f3c2a7b")
    assert inbound.text == "내일 저녁에 4살 아이 맡길 곳이 있을까요?"
    assert inbound.choice is None


def test_quick_reply_extra_becomes_the_choice() -> None:
    inbound = parse_payload(fixture("quick_reply.json"))
    assert inbound.choice == "오후 6시부터 밤 10시까지"
    assert inbound.text == "저녁 (18시~22시)"


def test_payload_with_callback_url_is_answered_directly() -> None:
    inbound = parse_payload(fixture("callback.json"))
    assert inbound.text == "율곡동이에요"
    assert inbound.choice is None  # an empty clientExtra is no choice


def test_block_with_action_params_keeps_the_utterance() -> None:
    inbound = parse_payload(fixture("block_params.json"))
    assert inbound.text == "대곡동 근처 돌봄센터 알려줘"
    assert inbound.address.user.startswith("5b8e2d0c")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "userRequest"),
        ({"userRequest": {"utterance": "안녕"}}, "user.id"),
        ({"userRequest": {"user": {"id": "  "}, "utterance": "안녕"}}, "user.id"),
        ({"userRequest": {"user": {"id": "u1"}}}, "utterance"),
        ({"userRequest": {"user": {"id": "u1"}, "utterance": 3}}, "utterance"),
    ],
)
def test_unreadable_payloads_are_refused(payload: object, message: str) -> None:
    with pytest.raises(PayloadError, match=message):
        parse_payload(payload)


def test_odd_client_extra_is_no_choice() -> None:
    payload = fixture("quick_reply.json")
    payload["action"]["clientExtra"] = "null"  # the v1 docs show a string here
    assert parse_payload(payload).choice is None


# -- replies -> SkillResponse ---------------------------------------------------------------------
def test_card_with_phone_and_link_buttons_matches_the_documented_shape() -> None:
    replies = [
        Reply(
            "4살 아이는 공동육아나눔터에서 평일 저녁 9시까지 맡길 수 있어요.",
            card_title="김천시 공동육아나눔터",
            links=(Link("전화 문의", phone="054-420-6000"), Link("안내 페이지", url="https://www.gc.go.kr/")),
        ),
        Reply("이곳으로 접수할까요?", choices=(Choice("네, 접수할게요", "네"), Choice("고칠게요", "고칠게요"))),
    ]
    assert build_response(replies) == fixture("card_response.json")


def test_venue_card_gets_call_and_map_buttons_at_most_three() -> None:
    venue = Venue("대곡동 다함께돌봄센터", "경북 김천시 대곡동 123", 36.1398, 128.1136, phone="054-000-1111")
    reply = Reply(
        "가까운 곳이에요.",
        links=(Link("홈페이지", url="https://example.org/a"), Link("안내문", url="https://example.org/b")),
        venue=venue,
    )
    card = outputs(build_response([reply]))[0]["textCard"]
    assert card["title"] == "대곡동 다함께돌봄센터"
    assert "경북 김천시 대곡동 123" in card["description"]
    assert [b["action"] for b in card["buttons"]] == ["webLink", "webLink", "phone"]
    assert card["buttons"][2]["phoneNumber"] == "054-000-1111"


def test_venue_map_link_points_at_kakao_map() -> None:
    venue = Venue("자산동 센터", "김천시 자산동 1", 36.12, 128.11)
    card = outputs(build_response([Reply("여기예요.", venue=venue)]))[0]["textCard"]
    assert card["buttons"] == [
        {"action": "webLink", "label": "지도 보기",
         "webLinkUrl": "https://map.kakao.com/link/map/%EC%9E%90%EC%82%B0%EB%8F%99%20%EC%84%BC%ED%84%B0,36.12,128.11"}
    ]


def test_2500_char_reply_is_split_at_line_boundaries_within_three_outputs() -> None:
    lines = [f"{i:02d}번째 안내 문장입니다. ".ljust(99, "가") for i in range(25)]
    text = "\n".join(lines)
    assert len(text) == 2499
    response = build_response([Reply(text)])
    assert_within_limits(response)
    pieces = texts(response)
    assert len(pieces) == 3
    assert "\n".join(pieces) == text  # nothing lost, every cut on a line boundary
    assert all(p.split("\n")[-1] in lines for p in pieces)


def test_too_much_text_is_cut_with_a_mark_and_keeps_the_question() -> None:
    body = "\n\n".join(f"{i}. " + "긴 설명이에요. " * 40 for i in range(12))
    question = "어느 동에 사시나요?"
    response = build_response([Reply(f"{body}\n{question}")])
    assert_within_limits(response)
    last = texts(response)[-1]
    assert ko.KAKAO_TRUNCATED_MARK in last
    assert last.endswith(question)


def test_text_after_a_card_keeps_its_own_output() -> None:
    long_intro = "안내드릴게요. " * 400
    replies = [Reply(long_intro), Reply("추천", card_title="센터", links=(Link("전화", phone="054-1"),)),
               Reply("접수할까요?")]
    response = build_response(replies)
    assert_within_limits(response)
    kinds = [next(iter(o)) for o in outputs(response)]
    assert kinds == ["simpleText", "textCard", "simpleText"]
    assert texts(response)[-1] == "접수할까요?"
    assert ko.KAKAO_TRUNCATED_MARK in texts(response)[0]


def test_several_cards_become_one_carousel() -> None:
    cards = [Reply(f"설명 {i}", card_title=f"센터 {i}", links=(Link("전화", phone=f"054-{i}"),)) for i in range(4)]
    response = build_response([Reply("추천이에요."), *cards, Reply("어느 곳으로 할까요?")])
    assert_within_limits(response)
    carousel = outputs(response)[1]["carousel"]
    assert carousel["type"] == "textCard"
    assert [c["title"] for c in carousel["items"]] == ["센터 0", "센터 1", "센터 2", "센터 3"]


def test_long_card_text_goes_before_the_card() -> None:
    text = "자세한 설명입니다. " * 60
    response = build_response([Reply(text, card_title="센터", links=(Link("전화", phone="054-1"),))])
    assert [next(iter(o)) for o in outputs(response)] == ["simpleText", "textCard"]
    assert outputs(response)[1]["textCard"] == {
        "title": "센터", "buttons": [{"action": "phone", "label": "전화", "phoneNumber": "054-1"}]
    }


def test_twelve_choices_keep_ten_buttons_and_name_the_rest() -> None:
    choices = tuple(Choice(f"{i}번 동네", f"area-{i}") for i in range(12))
    response = build_response([Reply("어느 동네인가요?", choices=choices)])
    assert_within_limits(response)
    quick = response["template"]["quickReplies"]
    assert [q["extra"]["choice"] for q in quick] == [f"area-{i}" for i in range(10)]
    assert ko.KAKAO_MORE_CHOICES.format(labels="10번 동네, 11번 동네") in texts(response)[0]


def test_long_labels_are_shortened_but_the_choice_is_unchanged() -> None:
    choice = Choice("초등 방과후 돌봄 교실 신청 (오후 1시~7시)", "방과후")
    quick = build_response([Reply("무엇이 필요하세요?", choices=(choice,))])["template"]["quickReplies"][0]
    assert len(quick["label"]) <= MAX_LABEL
    assert quick["label"] == "초등방과후돌봄교실신청"
    assert quick["messageText"] == choice.label
    assert quick["extra"] == {"choice": "방과후"}
    assert quick["action"] == "message"


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("동의하고 접수", "동의하고 접수"),
        ("밤 늦게 (24시까지)", "밤 늦게 (24시까지)"),
        ("저녁 시간 (18시~22시까지)", "저녁 시간"),
        ("아이돌봄서비스 시간제 긴급 돌봄 신청하기", "아이돌봄서비스 시간제…"),
        ("가나다라마바사아자차카타파하거너", "가나다라마바사아자차카타파…"),
    ],
)
def test_shorten_label(label: str, short: str) -> None:
    assert shorten_label(label) == short
    assert len(short) <= MAX_LABEL


def test_only_the_last_question_gives_quick_replies() -> None:
    replies = [Reply("앞 질문", choices=(Choice("가", "a"),)), Reply("뒤 질문", choices=(Choice("나", "b"),))]
    quick = build_response(replies)["template"]["quickReplies"]
    assert [q["extra"]["choice"] for q in quick] == ["b"]


def test_no_replies_still_make_a_valid_response() -> None:
    response = build_response([])
    assert_within_limits(response)
    assert "quickReplies" not in response["template"]


def test_split_text_prefers_sentences_then_words() -> None:
    text = "가" * 600 + ". " + "나" * 600
    assert split_text(text) == ["가" * 600 + ".", "나" * 600]
    words = " ".join(["다" * 9] * 150)
    assert all(len(p) <= MAX_TEXT and not p.startswith(" ") for p in split_text(words))
    assert split_text("라" * 2001) == ["라" * 1000, "라" * 1000, "라"]


def test_two_children_cards_keep_their_texts_before_the_carousel() -> None:
    long = "· 이유가 길어요. " * 40
    call = (Link("전화", phone="054-1"),)
    cards = [Reply(f"{i}번째 아이 {long}", card_title=f"센터 {i}", links=call) for i in (1, 2)]
    response = build_response([*cards, Reply("접수할까요?", choices=(Choice("네", "네"),))])
    assert_within_limits(response)
    assert [next(iter(o)) for o in outputs(response)] == ["simpleText", "carousel", "simpleText"]
    assert texts(response)[0].startswith("1번째 아이")
    assert texts(response)[-1] == "접수할까요?"
