"""Hours, dates, children and places misread (round 12, dev rounds 108-111): a sick child sent home now is today's
care, and so is a carer's night emergency; a bare range just before a dawn hour said earlier is the dawn's; a night
told as the story leaves the care's hours alone; the parent's work end is not the start of a range said after it;
one daycare child named apart from its age; a landmark asked about as where to apply is not the family's place."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described, first_service

NOW = datetime(2027, 5, 17, 11, 30, tzinfo=KST)  # a Monday
TODAY = "2027-05-17"


def read(text: str, now: datetime = NOW) -> dict:
    return described(text, now)


@pytest.mark.parametrize(
    "text",
    [
        "애가 열이 나서 어린이집에서 데려가라는데 회사에서 못 나가요 오후에 봐주실 분",
        "유치원에서 열난다고 데려가라고 연락왔어요 저는 출근해 있어서 오후에 집에 와주실분 22개월",
        "수족구 같다고 어린이집에서 데리러 오라네요ㅠ 오후에 봐줄 사람 구해요",
        "밤늦게 죄송해요 남편이 갑자기 숨을 잘 못쉬어서 응급실 가야되는데 애가 자고 있어요 4살",
    ],
)
def test_a_child_sent_home_now_or_a_carers_emergency_is_todays_care(text: str) -> None:
    assert read(text)["date"] == TODAY


@pytest.mark.parametrize(
    "text",
    [
        "작년에 어린이집에서 데려가라고 해서 고생했어요 다음에 열나면 어디 맡기나요",
        "혹시 아이가 열나서 어린이집에서 데려가라고 하면 봐주는 곳 있나요?",
    ],
)
def test_a_sick_child_sent_home_as_a_case_or_a_story_is_no_day(text: str) -> None:
    assert read(text)["date"] is None


def test_a_carers_night_emergency_goes_to_119() -> None:
    text = "새벽에 죄송합니다 할아버지가 숨을 잘 못쉬셔서 병원 가야되는데 애들 둘이 자요 6살 3살"
    now = datetime(2027, 5, 17, 2, 40, tzinfo=KST)
    assert read(text, now)["date"] == TODAY
    assert first_service(text, now) == "emergency-119"


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("내일 새벽 5시 반 출근이라 5시부터 9시까지 애 봐주실 분", ("05:00", "09:00")),
        ("저 새벽 6시 출근이라 5시부터 8시까지 봐주실분 있을까요 내일요", ("05:00", "08:00")),
        ("남편 야간이고 저는 새벽 4시 출근인데 3시 반부터 9시까지 부탁드려요 내일", ("03:30", "09:00")),
    ],
)
def test_a_bare_range_just_before_a_dawn_hour_said_earlier_is_the_dawns(text: str, hours: tuple) -> None:
    said = read(text, datetime(2027, 5, 17, 21, 0, tzinfo=KST))
    assert (said["start"], said["end"]) == hours


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("남편은 야근이고 저는 새벽 6시 출근이라 내일 3시부터 7시까지 봐주실분", ("15:00", "19:00")),  # 3 hours before
        ("남편이 야근이라 새벽 2시에 와요 내일 4시부터 8시까지 봐주실 분", ("16:00", "20:00")),  # dawn hour before
    ],
)
def test_bare_hours_far_from_the_dawn_hour_stay_the_afternoons(text: str, hours: tuple) -> None:
    said = read(text, datetime(2027, 5, 17, 21, 0, tzinfo=KST))
    assert (said["start"], said["end"]) == hours


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("밤새 애가 토해서 한숨도 못잤어요 오늘 9시부터 봐주실 분", "09:00"),
        ("밤새도록 기침해서 잠을 설쳤네요 출근해야 돼서 오늘 8시부터 부탁드려요", "08:00"),
        ("간밤에 열이 올라서 병원 다녀왔어요 오늘 10시부터 봐줄분", "10:00"),
    ],
)
def test_a_night_told_as_the_story_leaves_the_cares_hours_alone(text: str, start: str) -> None:
    said = read(text, datetime(2027, 5, 17, 6, 30, tzinfo=KST))
    assert (said["date"], said["start"]) == (TODAY, start)


@pytest.mark.parametrize(
    "text",
    [
        "오늘 밤새 봐주실 분 10시부터요",
        "밤새 봐줄 사람 구했는데 갑자기 못온대요 오늘 10시부터 봐주실분",
    ],
)
def test_a_night_of_care_keeps_its_evening(text: str) -> None:
    assert read(text, datetime(2027, 5, 17, 6, 30, tzinfo=KST))["start"] == "22:00"


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("밤 10시 넘어서 일 끝나는데 오늘 8시부터 11시까지 봐줄 곳 있나요 7살", ("20:00", "23:00")),
        ("저녁 7시쯤 퇴근하는데 오늘 5시부터 8시까지 봐주실분 초2", ("17:00", "20:00")),
        ("밤 9시에 끝나는데 오늘 저녁 6시부터 10시까지 부탁해요", ("18:00", "22:00")),
    ],
)
def test_a_parents_work_end_is_not_the_start_of_a_range_said_after_it(text: str, hours: tuple) -> None:
    said = read(text, datetime(2027, 5, 17, 15, 0, tzinfo=KST))
    assert (said["start"], said["end"]) == hours


def test_a_work_end_with_no_range_after_it_is_still_read() -> None:
    said = read("오늘 밤 9시 넘어서 일 끝나요 그때부터 11시까지 봐주세요", datetime(2027, 5, 17, 15, 0, tzinfo=KST))
    assert (said["start"], said["end"]) == ("21:00", "23:00")


@pytest.mark.parametrize(
    ("text", "children"),
    [
        ("어린이집 다니는 아이 오늘 밤 10시까지 봐주실 수 있나요 회식이라서요 4살", [48]),
        ("유치원 다니는 딸 내일 저녁에 맡기고 싶어요 6살", [72]),
        ("어린이집 가는 길에 넘어졌는데 괜찮아요 오늘 하원 후 6시부터 9시까지 3살", [36]),
        ("유치원 가는 길에 애가 토해서 집에 왔어요 5살", [60]),
    ],
)
def test_one_daycare_child_named_apart_from_its_age_is_one_child(text: str, children: list) -> None:
    assert [c["age_months"] for c in read(text)["children"]] == children


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("초2 딸이랑 어린이집 다니는 아들 내일 봐주세요", 2),
        ("어린이집 다니는 동생이랑 9살 오빠 토요일에 맡길게요", 2),
        ("어린이집 다니는 애 하나 있고 큰애는 5살이에요", 2),
    ],
)
def test_a_daycare_child_beside_another_child_is_still_counted(text: str, count: int) -> None:
    assert len(read(text)["children"]) == count


@pytest.mark.parametrize("text", ["이번주 토욜 낮에 애좀", "내일 아이좀 맡길게요", "딸좀 봐주실분 오늘 저녁"])
def test_a_child_named_before_jom_is_one_child(text: str) -> None:
    assert len(read(text)["children"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "아동수당 신청하려는데 주민센터 가야되나요 시청 가야되나요?",
        "출생신고는 시청 가야 하나요? 처음이라 모르겠어요",
        "양육수당은 시청에 가봐야 되나요",
    ],
)
def test_a_landmark_asked_about_as_where_to_apply_is_not_the_familys_place(text: str) -> None:
    assert read(text)["place"] is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("시청 근처 살아요 내일 4살 봐주실분", "대신동"),
        ("율곡동 사는데 시청 가야되나요?", "율곡동"),  # an area name so asked is still the family's
    ],
)
def test_a_landmark_said_as_home_is_still_the_place(text: str, place: str) -> None:
    assert read(text)["place"] == place
