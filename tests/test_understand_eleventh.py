"""Readings from the eleventh session's misses: a typo form of a word that is also where the next word starts in a
compact message; an end (까지, "그때까지") with the child's day finishing said in the same message, a lone finish
hour with 그 뒤로, an end corrected after 까지요; 지금 telling a state and a day told about before the care day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service

SEOUL = ZoneInfo("Asia/Seoul")
MONDAY_MORNING = datetime(2027, 4, 19, 8, 10, tzinfo=SEOUL)


def read(text: str, now: datetime = MONDAY_MORNING) -> dict:
    return described(text, now)


@pytest.mark.parametrize(
    "text",
    [
        "야간 근무라 다음주 화수 밤 10시부터 아침 6시까지 돌보미 구합니다 첫째 8살 둘째 4살",
        "목요일 저녁에 봐주실분 찾습니다 첫째는 초2고 둘째는 5살이에요",
        "주말 낮에 맡길 곳 찾아요 갔다가 저녁에 와요 갓난아기 있어서요",
        "애들 좀 봐주세요 저녁 먹었다 햇빛 보러 나가려고요 4살",
    ],
)
def test_a_typo_form_that_starts_the_next_word_is_no_carers_emergency(text: str) -> None:
    """다첫 is how 다쳤 (hurt) is typed, and also "…니다 첫째" with the space gone: no emergency in these."""
    assert "emergency-119" not in read(text)["services"][:1]


@pytest.mark.parametrize(
    "text",
    [
        "남편이 일하다 다첫어요 지금 병원인데 4살 애 봐줄 곳",
        "할머니가 계단에서 넘어져서 다첬대요 오늘 5살 아이 맡길 데",
    ],
)
def test_the_typo_forms_of_hurt_still_read_as_an_emergency(text: str) -> None:
    assert read(text)["services"][0] == "emergency-119"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("퇴근해서 데리러 가면 7시 반쯤인데 그때까지 초2 아들 봐줄 곳 있나요 학교는 1시 50분에 끝나요",
         "13:50", "19:30"),
        ("남편이 8시에 오는데 그때까지만 봐주세요 유치원 끝나는게 4시라서요 5살", "16:00", "20:00"),
        ("어린이집 하원이 3시 반이라서요 제가 데리러 가면 6시 넘는데 그때까지 봐줄 분 4살", "15:30", "18:00"),
        ("화요일마다 7시까지 봐줄 데 있을까요 초1이고 학교 마치면 1시 40분이에요", "13:40", "19:00"),
        ("유치원 6시에 끝나는데 그 뒤로 봐주실 분 있나요 6살", "18:00", None),
        ("어린이집 하원이 4시 반인데 제가 8시 넘어야 퇴근해요 하원부터 밤 9시까지 3살", "16:30", "21:00"),
        ("다음 주 목요일 1시부터 7시까지요 아 5시까지로 할게요 5살", "13:00", "17:00"),
    ],
)
def test_the_hours_of_a_childs_day_finishing_an_end_said_and_an_end_said_again(
        text: str, start: str, end: str | None) -> None:
    reading = read(text)
    assert (reading["start"], reading["end"]) == (start, end)


EVENING = datetime(2027, 3, 9, 21, 30, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "text",
    [
        "지금 열이 38도 넘는데 해열제 먹였어요 내일 낮에 집으로 와주실 분 3살",
        "애는 지금 할머니랑 있어요 내일부터 맡길 곳이 없어서요 5살",
        "오늘 병원 다녀와서 장염이래요 내일 어린이집 못 보내는데 집에서 봐줄분 4살",
        "오늘 예방접종 맞고 왔는데 미열이 있어서 내일 유치원 안 보낼라구요 봐주실 분 6살",
    ],
)
def test_a_state_now_or_a_day_told_about_leaves_tomorrow_the_care_day(text: str) -> None:
    assert read(text, EVENING)["date"] == "2027-03-10"


@pytest.mark.parametrize(
    "text",
    [
        "지금부터 내일 아침까지 4살 봐주실 곳",
        "오늘 밤부터 내일 오전까지 애 맡길 데 있나요 3살",
    ],
)
def test_from_now_or_tonight_until_tomorrow_is_still_today(text: str) -> None:
    assert read(text, EVENING)["date"] == "2027-03-09"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("누나가 동생 머리를 자꾸 때려요 어떻게 해야 하나요", 2),
        ("큰애가 동생 장난감을 다 뺏어요 상담 받고 싶어요", 2),
        ("내일 저녁에 유치원생 세명 맡길 수 있을까요", 3),
        ("제 동생이 봐주기로 했는데 못 온대요 4살 딸", 1),
    ],
)
def test_siblings_named_together_and_preschoolers_counted_are_that_many_children(text: str, count: int) -> None:
    assert len(read(text)["children"]) == count


@pytest.mark.parametrize(
    "text", ["우리 아들 돌이 막 지났는데 토요일에 맡길 데 있나요", "딸이 돌은 벌써 지났어요 평일 낮에 봐주실분"]
)
def test_a_first_birthday_passed_with_a_particle_is_twelve_months(text: str) -> None:
    assert read(text)["age_months"] == 12


def first(text: str, now: datetime = MONDAY_MORNING) -> str | None:
    return first_service(text, now)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("두 돌 아기 봐주시는 분 집으로 오는거 되나요? 평일 오후", "home-care"),
        ("아침 8시부터 9시까지 등원 좀 도와주실 분 구해요 5살", "home-care"),
        ("아이들이랑 주말에 갈 만한 체험 프로그램 장난감도서관에서도 하나요? 4살", "toy-library"),
        ("문화 프로그램 같은 거 맘지원센터에서 하는지 궁금해요 2살", "mom-center"),
        ("처음이라 아무것도 몰라요 6개월 아기 엄마예요", "mom-center"),
        ("5살 딸 엄마인데요 좀 물어볼게 있어서요 어디로 연락하면 돼요", "mom-center"),
    ],
)
def test_care_at_home_asked_a_place_asked_what_it_does_and_questions_to_ask(text: str, service: str) -> None:
    assert first(text) == service


@pytest.mark.parametrize(
    "text",
    [
        "어제 열이 39도까지 났는데 지금은 열 내렸어요 오늘 오후에 집에서 봐주실 분 4살",
        "아침에 코피가 났는데 지금은 멈췄고 잘 놀아요 오늘 3시부터 6시까지 봐주실 분 5살",
    ],
)
def test_a_calm_state_now_is_not_care_from_now(text: str) -> None:
    """지금은 열 내렸어요: the child is fine now; the care asked is the afternoon's, not from this minute."""
    reading = read(text, datetime(2027, 3, 9, 10, 0, tzinfo=SEOUL))
    assert reading["date"] == "2027-03-09" and reading["start"] != "10:00"


@pytest.mark.parametrize(
    "text", ["애가 거품 물고 떨다가 지금은 멈췄는데 안 깨어나요", "약을 한 통 다 먹었어요 지금은 멀쩡해 보이긴 하는데"]
)
def test_a_hedged_or_worse_state_now_stays_now(text: str) -> None:
    reading = read(text, datetime(2027, 3, 9, 10, 0, tzinfo=SEOUL))
    assert reading["danger"] and reading["urgent"]


WEDNESDAY = datetime(2027, 3, 3, 10, 0, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("다음주 화요일 11시부터 8시까지 나이트 근무예요 5살 봐주실 분", "23:00", "08:00"),
        ("야간 근무라서 9시부터 6시까지 애 봐줄 사람 필요해요 4살", "21:00", "06:00"),
        ("금요일 8시 출근해서 5시에 끝나는데 그동안 봐주실 분 있을까요 3살", "08:00", "17:00"),
        # not night work: last night's story, a night worker who sleeps in the morning
        ("밤새 토해서 어린이집 못 가요 오늘 9시부터 6시까지 봐주실 분 3살", "09:00", "18:00"),
        ("밤근무 끝나고 아침엔 자야 해서 내일 9시부터 3시까지 봐줄 곳 10개월", "09:00", "15:00"),
    ],
)
def test_bare_hours_said_backwards_by_a_night_worker_are_the_night(text: str, start: str, end: str) -> None:
    reading = read(text, WEDNESDAY)
    assert (reading["start"], reading["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("설 연휴 다음날 출근인데 어린이집 하나요 8시부터 6시 3살", "2027-02-10"),
        ("오늘부터 2주 뒤 월요일에 10시부터 4시까지 봐주세요 4살", "2027-03-15"),
    ],
)
def test_the_day_after_a_holiday_run_and_a_count_from_today(text: str, day: str) -> None:
    assert read(text, datetime(2027, 3, 3, 10, 0, tzinfo=SEOUL) if "오늘" in text else
                datetime(2027, 2, 1, 10, 0, tzinfo=SEOUL))["date"] == day


@pytest.mark.parametrize(
    "text",
    ["감천면까지도 봐주러 오시나요 토요일 낮에 4살", "친정에 와 있는데 거기로 오셔서 봐주실 분 계세요 내일 오후 8개월"],
)
def test_someone_coming_to_look_after_the_child_is_care_at_home(text: str) -> None:
    assert first(text, WEDNESDAY) == "home-care"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("둘째가 수족구라 어린이집을 못 가요 첫째는 학교 가고요 둘째만 봐주시면 돼요", 2),
        ("토일 둘다 가게 나가야 해서 10시부터 6시까지요 6살", 1),
    ],
)
def test_birth_orders_named_with_a_child_kept_home_and_two_days_both(text: str, count: int) -> None:
    assert len(read(text, WEDNESDAY)["children"]) == count


SUNDAY = datetime(2027, 1, 3, 10, 0, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("다다음주 화요일 아니고 수요일이요 4살", "2027-01-13"),
        ("다음주 목요일 아 수요일이다 수요일에 출장이에요 9시부터 6시 5살", "2027-01-06"),
        ("다음주 월요일이랑 수요일 4시부터 7시까지 6살", "2027-01-04"),
    ],
)
def test_a_weekday_said_after_a_weekday_of_a_named_week_is_in_that_week(text: str, day: str) -> None:
    assert read(text, SUNDAY)["date"] == day


@pytest.mark.parametrize(
    ("text", "now", "day"),
    [
        ("월수금 3시부터 6시까지 초2 딸 봐줄 곳", datetime(2027, 4, 13, 10, 0, tzinfo=SEOUL), "2027-04-14"),
        ("다음주부터 화목 저녁 6시부터 9시까지 4살", datetime(2027, 4, 14, 10, 0, tzinfo=SEOUL), "2027-04-20"),
        ("목,금 이틀 아침 9시부터 4시 3살", datetime(2027, 4, 12, 10, 0, tzinfo=SEOUL), "2027-04-15"),
        ("내일 목요일 저녁 7시부터 10시까지 5살", datetime(2027, 4, 15, 1, 30, tzinfo=SEOUL), "2027-04-15"),
        ("새벽 4시 넘었는데 남편이 아직 안 와요 6시 출근이라 6시부터 맡길 데 5살",
         datetime(2027, 4, 16, 4, 20, tzinfo=SEOUL), "2027-04-16"),
        ("할머니가 어제 넘어지셔서 입원하셨다네요 내일 9시부터 5시까지 봐줄 데 6살",
         datetime(2027, 8, 20, 16, 0, tzinfo=SEOUL), "2027-08-21"),
    ],
)
def test_weekday_lists_the_small_hours_and_a_story_told_before_the_care_day(
        text: str, now: datetime, day: str) -> None:
    assert read(text, now)["date"] == day


@pytest.mark.parametrize("text", ["가족이 화목한 편이에요 4살", "수금하러 가야 해서요 5살 아이"])
def test_words_spelt_like_a_weekday_list_are_no_day(text: str) -> None:
    assert read(text)["date"] is None


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("아이 낳으면 나라에서 돈 나오는 거 있잖아요 그거 어디서 신청해요", "other-dept"),
        ("기저귀값 지원 받을 수 있는 데 있나요 형편이 어려워서요", "other-dept"),
        ("애들 타는 붕붕카 잠깐 쓰고 돌려주는 데 있다던데요", "toy-library"),
        ("유치원 보낼지 시터 쓸지 고민인데 상담 받을 수 있나요 5살", "mom-center"),
        ("다음주부터 제가 문화센터 수업을 듣게 돼서 화목 오전에 3살 맡길 데 있을까요", "daycare-365"),
        ("다함께돌봄센터 초등학생만 되나요? 7살인데 유치원 다녀요 오후 4시부터 7시", "daycare-365"),
    ],
)
def test_benefits_toys_and_choices_named_in_everyday_words(text: str, service: str) -> None:
    assert first(text, WEDNESDAY) == service


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("낼 오전열시부터 오후세시까지 네살딸 맡길데 있나예", "10:00", "15:00"),
        ("모레 아침일곱시반부터 저녁여덟시까지 세살 아들", "07:30", "20:00"),
        ("담주 화욜 밤열한시부터 수욜 아침여섯시까지 초2딸 집에서 봐줄분", "23:00", "06:00"),
        ("토요일 새벽다섯시부터 오전아홉시까지 네살 봐줄 돌보미", "05:00", "09:00"),
        ("내일 10~15 세살 아들 봐줄 곳", "10:00", "15:00"),
        ("금요일 9~18 다섯살 딸", "09:00", "18:00"),
    ],
)
def test_hours_in_words_typed_onto_their_half_of_day_and_24_hour_tilde_ranges(text: str, start: str, end: str) -> None:
    reading = read(text, WEDNESDAY)
    assert (reading["start"], reading["end"]) == (start, end)


@pytest.mark.parametrize("text", ["12-25 크리스마스에 맡길 수 있나요 4살", "신청은 3-15까지인가요 5살"])
def test_a_date_with_a_dash_is_no_range_of_hours(text: str) -> None:
    reading = read(text, WEDNESDAY)
    assert (reading["start"], reading["end"]) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["바람이 창문 때리는 소리에 애가 깨서 울어요", "놀이터에서 잠깐 아이가 없어졌는데 미끄럼틀 뒤에 숨어있었어요"],
)
def test_lookalikes_the_retrained_reader_no_longer_alarms_on(text: str) -> None:
    """Known false alarms of the learned reader until its retraining on rounds v89-v92 (tests/test_dangerscore.py)."""
    assert not read(text)["danger"]


def test_an_apology_for_the_late_hour_does_not_make_dawn_hours_the_evening() -> None:
    """"너무 늦게 죄송해요": the hour the message is sent, not a care word; the dawn hours before work stay."""
    reading = read("너무 늦게 죄송해요 내일 아침 6시 출근인데 5시반부터 9시까지 봐주실 분 2살",
                   datetime(2027, 3, 3, 23, 30, tzinfo=SEOUL))
    assert (reading["date"], reading["start"], reading["end"]) == ("2027-03-04", "05:30", "09:00")


@pytest.mark.parametrize(
    ("text", "grade"), [("초삼", 3), ("초이 딸 내일 3시부터 6시까지", 2), ("초오 아들 봐줄 곳", 5)]
)
def test_a_grade_in_sino_korean_letters(text: str, grade: int) -> None:
    assert read(text)["school_grade"] == grade


@pytest.mark.parametrize("text", ["10초 이내로 답해 주세요 4살", "초이스가 많아요 5살"])
def test_other_words_after_cho_are_no_grade(text: str) -> None:
    assert read(text)["school_grade"] is None


NIGHT = datetime(2027, 3, 3, 4, 0, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("자다가 깼는데 아이 방이 비어 있어요 현관문도 열려 있고 5살이에요", True),
        ("애 방이 텅 비었어요 신발도 없어요 여섯살", True),
        ("새벽에 깼는데 애 방이 비었어요 알고보니 안방에서 자고 있었어요 ㅎㅎ", False),
        ("애 방이 비었길래 놀랐는데 현관문 열려있고 아빠랑 산책 갔대요", False),
    ],
)
def test_a_childs_room_empty_at_night_with_the_door_open(text: str, danger: bool) -> None:
    assert read(text, NIGHT)["danger"] is danger


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("맘지원센터 몇시에 문 닫아요? 퇴근하고 들르려고요", None),
        ("꿈자람은 위치가 어디예요? 초2", None),
        ("다자녀 혜택 신청 시청에서 하나요?", None),
        ("율곡동 몇시까지 돼요 4살", "율곡동"),
        ("직지사 주차장인데 애가 안 보여요 5살", "대항면"),
    ],
)
def test_a_landmark_asked_about_as_a_services_place_is_not_where_the_family_lives(text: str, place: str | None) -> None:
    assert read(text, WEDNESDAY)["place"] == place
