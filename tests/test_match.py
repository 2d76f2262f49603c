"""The rules engine against the shipped knowledge: one routing-table test per policy rule, plus staff edits."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from knowledge.loader import load
from knowledge.schema import Hours, Knowledge
from routing import texts
from routing.match import Ranking, Verdict, rank
from routing.need import Child, Need
from tests.shipped import SHIPPED

K = SHIPPED
KST = ZoneInfo("Asia/Seoul")
WED, FRI, SAT, SUN = date(2026, 11, 25), date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 29)
CHRISTMAS = date(2026, 12, 25)  # a Friday and a Korean public holiday
PRESCHOOL, SCHOOL = Child(age_months=48), Child(school_grade=2)


def at(h: int, m: int = 0) -> int:
    return h * 60 + m


def ids(ranking: Ranking) -> list[str]:
    return [v.service.id for v in ranking.ranked]


def verdict(ranking: Ranking, service_id: str) -> Verdict:
    return next(v for v in (*ranking.ranked, *ranking.rejected) if v.service.id == service_id)


def test_a_topic_sends_the_parent_straight_to_its_service_in_the_order_asked() -> None:
    r = rank(Need(child=PRESCHOOL, topics=("other-dept", "toy-library")), K)
    assert ids(r)[:2] == ["other-dept", "toy-library"]
    assert r.best is not None and r.best.fits
    assert any("다른 부서의 서비스" in reason for reason in r.best.reasons)


def test_info_services_are_reached_only_by_topic() -> None:
    r = rank(Need(child=PRESCHOOL, day=WED, start=at(9), end=at(12)), K)
    for sid in ("toy-library", "mom-center", "other-dept"):
        assert sid not in ids(r)
        assert verdict(r, sid).problems == (texts.INFO_NOT_ASKED,)


def test_an_emergency_puts_119_first_and_keeps_other_care_after_it() -> None:
    r = rank(Need(child=PRESCHOOL, day=WED, start=at(19), end=at(22), situations=frozenset({"emergency"})), K)
    assert ids(r)[:2] == ["emergency-119", "daycare-365"]
    assert r.best is not None and r.best.reasons[0] == "긴급 상황: 가장 먼저 권하는 돌봄입니다"


def test_a_sick_child_goes_to_home_care_and_facilities_say_they_do_not_take_sick_children() -> None:
    r = rank(Need(child=PRESCHOOL, day=WED, start=at(9), end=at(17), situations=frozenset({"sick"})), K)
    assert r.best is not None and r.best.service.id == "home-care"
    assert "아픈 아이: 가장 먼저 권하는 돌봄입니다" in r.best.reasons
    daycare = verdict(r, "daycare-365")
    assert not daycare.fits
    assert "아픈 아이는 365어린이집에서 맡지 않습니다 (시설은 아픈 아이를 받지 않아요)" in daycare.problems
    assert "daycare-365" not in ids(r)


def test_care_at_home_puts_home_care_first_but_facilities_still_fit() -> None:
    r = rank(Need(child=PRESCHOOL, day=WED, start=at(10), end=at(14), situations=frozenset({"at_home"})), K)
    assert ids(r) == ["home-care", "daycare-365"]


def test_a_preschool_child_on_a_weekday_night_goes_to_daycare_365() -> None:
    r = rank(Need(child=PRESCHOOL, day=WED, start=at(18), end=at(22)), K)
    assert ids(r) == ["daycare-365", "home-care"]
    assert r.best is not None
    assert r.best.reasons[:2] == ("만 4세(48개월): 365어린이집 대상(6개월~취학 전)",
                                  "평일 18:00-22:00: 운영시간 07:30-24:00 안")
    assert r.best.site is not None and r.best.site.id.startswith("daycare-365-")
    assert "취학 전 아이는 다함께돌봄센터 대상이 아닙니다 (초등학생만)" in verdict(r, "after-school").problems


@pytest.mark.parametrize("child", [SCHOOL, Child(age_months=96)], ids=["grade", "age-only"])
def test_a_school_child_goes_to_after_school_and_not_to_daycare(child: Child) -> None:
    r = rank(Need(child=child, day=WED, start=at(15), end=at(18)), K)
    assert r.best is not None and r.best.service.id == "after-school"
    assert "초등학생은 365어린이집 대상이 아닙니다" in verdict(r, "daycare-365").problems


def test_on_saturday_only_the_yulgok_after_school_site_is_open() -> None:
    # 대곡동 is next to 꿈자람, but only the 율곡 site opens on Saturdays (site hours override service hours).
    r = rank(Need(child=SCHOOL, day=SAT, start=at(10), end=at(15), area="대곡동"), K)
    best = r.best
    assert best is not None and best.service.id == "after-school"
    assert best.site is not None and best.site.id == "after-school-yulgok"
    assert "토요일 10:00-15:00: 운영시간 09:00-18:00 안" in best.reasons
    sunday = verdict(rank(Need(child=SCHOOL, day=SUN, start=at(10), end=at(15)), K), "after-school")
    assert not sunday.fits and sunday.problems == ("일요일은 운영하지 않습니다",)


def test_a_public_holiday_uses_the_holiday_hours_even_on_a_weekday() -> None:
    late = rank(Need(child=PRESCHOOL, day=CHRISTMAS, start=at(10), end=at(20)), K)
    assert "공휴일 10:00-20:00: 운영시간 09:00-18:00 밖" in verdict(late, "daycare-365").problems
    day = rank(Need(child=PRESCHOOL, day=CHRISTMAS, start=at(10), end=at(17)), K)
    assert day.best is not None and day.best.service.id == "daycare-365"
    assert "공휴일 10:00-17:00: 운영시간 09:00-18:00 안" in day.best.reasons
    school = verdict(rank(Need(child=SCHOOL, day=CHRISTMAS, start=at(15), end=at(18)), K), "after-school")
    assert school.problems == ("공휴일은 운영하지 않습니다",)


def test_home_care_needs_two_hours_notice() -> None:
    need = Need(child=PRESCHOOL, day=SAT, start=at(20), end=at(23))
    soon = verdict(rank(Need(**{**_fields(need), "now": datetime(2026, 11, 28, 19, 0, tzinfo=KST)}), K), "home-care")
    assert not soon.fits and "최소 2시간 전에 예약해야 해서 지금 바로는 어렵습니다" in soon.problems
    early = rank(Need(**{**_fields(need), "now": datetime(2026, 11, 28, 17, 0)}), K)  # naive = Seoul time
    assert early.best is not None and early.best.service.id == "home-care"
    assert "최소 2시간 전 예약 조건에 맞습니다" in early.best.reasons
    unknown = verdict(rank(need, K), "home-care")
    assert unknown.fits and "최소 2시간 전에 예약해야 합니다" in unknown.problems


def test_119_is_the_last_resort_when_nothing_else_can_start_in_time() -> None:
    need = Need(child=Child(age_months=30), day=SAT, start=at(20), end=at(22), now=datetime(2026, 11, 28, 19, 30))
    r = rank(need, K)
    assert ids(r) == ["emergency-119"]
    assert r.best is not None and r.best.reasons[0] == texts.LAST_RESORT_OFFERED
    assert "토요일 20:00-22:00: 운영시간 09:00-18:00 밖" in verdict(r, "daycare-365").problems
    in_time = rank(Need(**{**_fields(need), "now": datetime(2026, 11, 28, 9, 0)}), K)
    assert ids(in_time) == ["home-care"]
    held = verdict(in_time, "emergency-119")
    assert not held.fits and held.problems[0].startswith("긴급 상황 때 먼저 안내하고")


def test_a_child_too_young_for_everything_is_told_so_and_where_to_ask() -> None:
    r = rank(Need(child=Child(age_months=2), day=WED, start=at(10), end=at(14)), K)
    assert ids(r) == ["mom-center"] and r.outside_ages == "younger"
    assert r.best is not None and r.best.reasons[0].startswith("2개월 아기는 이 돌봄 서비스들이 맡지 않습니다")
    assert "3개월부터" in r.best.reasons[0] and r.best.service.contacts[0].phone == "042-123-4567"
    assert "2개월: 365어린이집 대상이 아닙니다 (대상 6개월~취학 전)" in verdict(r, "daycare-365").problems


def test_a_child_too_old_for_home_care_is_told_the_range() -> None:
    r = rank(Need(child=Child(age_months=170), day=WED, start=at(15), end=at(18)), K)
    assert "만 14세(170개월): 아이돌봄서비스 대상이 아닙니다 (대상 3개월~만 12세)" in verdict(r, "home-care").problems
    assert "home-care" not in ids(r)


def test_an_unknown_age_never_rejects_but_says_the_age_is_needed() -> None:
    r = rank(Need(day=WED, start=at(15), end=at(18)), K)
    assert ids(r) == ["daycare-365", "after-school", "home-care"]
    assert any(p.startswith("아이 나이를 알려 주시면 365어린이집") for p in verdict(r, "daycare-365").problems)


def test_emergency_and_sick_together_follow_the_yaml_order_of_situations() -> None:
    both = frozenset({"sick", "emergency"})
    r = rank(Need(child=PRESCHOOL, day=WED, start=at(9), end=at(17), situations=both), K)
    assert ids(r) == ["emergency-119", "home-care"]
    assert not verdict(r, "daycare-365").fits
    # Staff moving `sick` above `emergency` in the YAML flips the precedence.
    order = ("danger", "sick", "emergency", "at_home")
    flipped = K.model_copy(update={"situations": {k: K.situations[k] for k in order}})
    assert ids(rank(Need(child=PRESCHOOL, day=WED, start=at(9), end=at(17), situations=both), flipped)) == [
        "home-care", "emergency-119"]


def test_a_topic_comes_before_a_situation() -> None:
    r = rank(Need(child=PRESCHOOL, topics=("mom-center",), situations=frozenset({"sick"})), K)
    assert ids(r) == ["mom-center", "home-care"]


def test_care_past_midnight_needs_the_next_day_open_from_midnight() -> None:
    friday = rank(Need(child=PRESCHOOL, day=FRI, start=at(22), end=at(26)), K)
    assert ids(friday) == ["home-care"]
    assert "자정 넘어 다음날 02:00: 다음날(토요일) 운영시간 09:00-18:00 밖" in verdict(friday, "daycare-365").problems
    assert ids(rank(Need(child=PRESCHOOL, day=WED, start=at(22), end=at(24)), K))[0] == "daycare-365"


def test_night_without_times_means_an_hour_from_night_from() -> None:
    # From 대곡동 the 꿈자람 site is nearest, but it closes at 20:00: an hour from 19:30 does not fit there.
    r = rank(Need(child=SCHOOL, day=WED, night=True, area="대곡동"), K)
    best = r.best
    assert best is not None and best.service.id == "after-school"
    assert best.site is not None and best.site.id == "after-school-yulgok"
    assert "평일 밤(19:30 이후): 운영시간 14:00-24:00 안" in best.reasons
    saturday = verdict(rank(Need(child=PRESCHOOL, day=SAT, night=True), K), "daycare-365")
    assert saturday.problems == ("토요일 밤(19:30 이후): 운영시간 09:00-18:00 밖",)


def test_an_unknown_day_does_not_reject_on_hours_but_states_them() -> None:
    r = rank(Need(child=PRESCHOOL, start=at(22), end=at(23)), K)
    daycare = verdict(r, "daycare-365")
    assert daycare.fits and "운영시간: 평일 07:30-24:00, 토·일·공휴일 09:00-18:00" in daycare.reasons
    weekend = rank(Need(child=SCHOOL, holiday=True, start=at(10), end=at(12)), K)
    assert weekend.best is not None and weekend.best.service.id == "after-school"  # 율곡 opens on Saturdays
    assert verdict(rank(Need(child=SCHOOL, holiday=True, start=at(19), end=at(21)), K), "after-school").problems


def test_a_short_booking_is_a_caveat_not_a_rejection() -> None:
    r = rank(Need(child=PRESCHOOL, day=SAT, start=at(19), end=at(20), situations=frozenset({"at_home"})), K)
    assert r.best is not None and r.best.service.id == "home-care"
    assert "한 번에 최소 2시간 이상 이용합니다" in r.best.problems


NEEDS = [
    Need(),
    Need(child=PRESCHOOL, day=WED, start=at(18), end=at(22), area="율곡동"),
    Need(child=SCHOOL, day=SUN, start=at(10), end=at(12), now=datetime(2026, 11, 29, 9, 0)),
    Need(child=Child(age_months=1), situations=frozenset({"emergency"})),
    Need(child=PRESCHOOL, topics=("toy-library",), day=date(2026, 11, 30)),
    Need(child=PRESCHOOL, situations=frozenset({"sick", "at_home"}), coords=(36.17, 128.186)),
]


@pytest.mark.parametrize("need", NEEDS)
def test_every_service_appears_once_and_says_why(need: Need) -> None:
    r = rank(need, K)
    assert sorted(v.service.id for v in (*r.ranked, *r.rejected)) == sorted(s.id for s in K.services)
    assert all(v.fits and v.reasons for v in r.ranked)
    assert all(not v.fits and v.problems for v in r.rejected)


def test_the_nearest_fitting_site_comes_from_the_area_or_coordinates() -> None:
    from_area = rank(Need(child=PRESCHOOL, day=WED, start=at(18), end=at(22), area="자산동"), K).best
    assert from_area is not None and from_area.site is not None and from_area.site.id == "daycare-365-moam"
    assert from_area.distance_km is not None and from_area.distance_km < 1
    assert "자산동에서 가장 가까운 곳: 365어린이집 모암 (약 0.3km)" in from_area.reasons
    from_coords = rank(Need(child=PRESCHOOL, day=WED, start=at(18), end=at(22), coords=(36.17, 128.186)), K).best
    assert from_coords is not None and from_coords.site is not None
    assert from_coords.site.id == "daycare-365-gaeryeong"
    nowhere = rank(Need(child=PRESCHOOL, day=WED, start=at(18), end=at(22)), K).best
    assert nowhere is not None and nowhere.site == K.service("daycare-365").sites[0] and nowhere.distance_km is None


def test_staff_closing_daycare_365_at_20_sends_a_22_oclock_need_elsewhere() -> None:
    need = Need(child=PRESCHOOL, day=WED, start=at(18), end=at(22))
    assert rank(need, K).best.service.id == "daycare-365"  # type: ignore[union-attr]
    daycare = K.service("daycare-365")
    hours = Hours.model_validate({"weekdays": "07:30-20:00", "weekend": "09:00-18:00", "holiday": "09:00-18:00"})
    edited = K.model_copy(update={"services": tuple(
        s.model_copy(update={"hours": hours}) if s is daycare else s for s in K.services)})
    r = rank(need, edited)
    assert ids(r) == ["home-care"]
    assert verdict(r, "daycare-365").problems == ("평일 18:00-22:00: 운영시간 07:30-20:00 밖",)
    assert rank(need, K).best.service.id == "daycare-365"  # type: ignore[union-attr]  # the old one is untouched


def test_staff_changing_an_age_range_in_the_yaml_moves_the_child(tmp_path: Path) -> None:
    source = Path(load.__globals__["DEFAULT_DIR"])
    for name in ("services.yaml", "places.yaml"):
        shutil.copy(source / name, tmp_path / name)
    services = tmp_path / "services.yaml"
    text = services.read_text(encoding="utf-8")
    old = "ages: {min_months: 6, max_months: 83, school: never}"
    assert old in text
    services.write_text(text.replace(old, "ages: {min_months: 6, max_months: 47, school: never}"), encoding="utf-8")
    edited: Knowledge = load(tmp_path)
    need = Need(child=PRESCHOOL, day=WED, start=at(9), end=at(15))
    assert ids(rank(need, K))[0] == "daycare-365"
    r = rank(need, edited)
    assert ids(r) == ["home-care"]
    assert "만 4세(48개월): 365어린이집 대상이 아닙니다 (대상 6개월~취학 전)" in verdict(r, "daycare-365").problems


def test_the_memo_never_serves_a_ranking_for_another_time_of_asking() -> None:
    need = Need(child=PRESCHOOL, day=SAT, start=at(20), end=at(22))
    results = []
    for minutes in (0, 60, 119, 121, 180):
        now = datetime(2026, 11, 28, 20, 0, tzinfo=KST) - timedelta(minutes=minutes)
        results.append("home-care" in ids(rank(Need(**{**_fields(need), "now": now}), K)))
    assert results == [False, False, False, True, True]


def test_lists_and_sets_where_tuples_belong_rank_the_same() -> None:
    loose = Need(child=PRESCHOOL, topics=["toy-library"], situations={"sick"}, coords=[36.17, 128.186])  # type: ignore[arg-type]
    strict = Need(child=PRESCHOOL, topics=("toy-library",), situations=frozenset({"sick"}), coords=(36.17, 128.186))
    assert rank(loose, K) == rank(strict, K)
    assert ids(rank(loose, K)) == ["toy-library", "home-care"]


def _fields(need: Need) -> dict:
    return {name: getattr(need, name) for name in Need.__slots__}  # type: ignore[attr-defined]
