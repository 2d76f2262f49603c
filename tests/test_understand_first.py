"""Questions a parent asks about the system itself go to the service that answers them: not knowing what or where to
ask goes to 맘지원센터, which support or benefit a family can get goes to 타부서돌봄; a care request that only mentions
support still goes to care first."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing.command import describe
from tests.reader_cases import first_service
from tests.shipped import READER, SHIPPED

NOW = datetime(2027, 4, 14, 11, 0, tzinfo=ZoneInfo("Asia/Seoul"))
K = SHIPPED
R = READER


def first(text: str) -> str | None:
    return first_service(text, NOW)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("처음이라 뭘 물어봐야 할지도 모르겠어요", "mom-center"),
        ("애 키우는 거 관련해서 누구한테 뭘 물어봐야되는지", "mom-center"),
        ("어디 가서 무엇을 물어봐야 하는지 막막해요", "mom-center"),
        ("돌봄 관련해서 어디 문의해야 할지 모르겠네요", "mom-center"),
        ("집에서 키우는 가정양육이면 받을 수 있는 거 있나요", "other-dept"),
        ("아이 둘 키우는데 어떤 지원 받을 수 있어요?", "other-dept"),
        ("두 살 아이 있는 집은 무슨 혜택이 있나요", "other-dept"),
        ("한부모인데 지원받을 수 있는 게 있을까요", "other-dept"),
    ],
)
def test_questions_about_the_system_go_to_who_answers_them(text: str, service: str) -> None:
    assert first(text) == service


@pytest.mark.parametrize(
    "text",
    [
        "4살 아이 내일 오후 3시부터 6시까지 맡기고 싶은데 비용 지원 되나요",
        "가정양육 중인데 3살 아이 금요일 오후에 잠깐 맡길 곳",
    ],
)
def test_a_care_request_that_mentions_support_is_care_first(text: str) -> None:
    assert first(text) == "daycare-365"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("한부모 가정인데 평일 저녁에 5살 맡길 곳 있을까요", "daycare-365"),
        ("조손가정이라 손녀 초2 방과후에 봐줄 데", "after-school"),
        ("다문화가족이에요 4살 아이 맡길 수 있는 곳", "daycare-365"),
    ],
)
def test_who_the_family_is_said_beside_a_request_for_care_is_care_first(text: str, service: str) -> None:
    services = describe(R.read(text, NOW), K)["services"]
    assert services[0] == service and "other-dept" in services


@pytest.mark.parametrize(
    "text", ["한부모 지원 받을 수 있나요 5살 맡길 곳도 찾아요", "어디다 물어봐야 할지 몰라서요 애 맡길 데 찾는데"]
)
def test_a_topic_asked_about_stays_first_beside_a_request_for_care(text: str) -> None:
    assert first(text) in ("other-dept", "mom-center")
