"""What is built from rankings (the recommendation card, the case file's verdict JSON): both are memoised per
ranking, and must follow staff edits of the knowledge."""

from __future__ import annotations

from datetime import date

import orjson

from bot.dialog import labels, present
from bot.dialog.casefile import verdict_json
from knowledge.loader import load
from routing.match import rank
from routing.need import Child, Need
from tests.shipped import SHIPPED

K = SHIPPED
NEED = Need(child=Child(age_months=48), day=date(2026, 11, 25), start=18 * 60, end=22 * 60, area="율곡동")


def test_the_same_ranking_gives_the_same_card_and_an_edited_knowledge_a_new_one() -> None:
    ranking = rank(NEED, K)
    best = ranking.best
    assert best is not None
    card = present.recommendation("아이(4살)", ranking)
    assert present.recommendation("아이(4살)", ranking) is card
    assert best.service.name in card.text
    assert present.recommendation("첫째(4살)", ranking).text.startswith("첫째(4살)")
    renamed = best.service.model_copy(update={"name": "새이름돌봄센터"})
    edited = K.model_copy(update={"services": tuple(renamed if s is best.service else s for s in K.services)})
    fresh = present.recommendation("아이(4살)", rank(NEED, edited))
    assert "새이름돌봄센터" in fresh.text
    assert fresh.card_title is not None and fresh.card_title.startswith("새이름돌봄센터")
    assert present.recommendation("아이(4살)", rank(NEED, K)) == card  # the old knowledge keeps its wording


def test_verdict_json_is_the_ranking_in_json_and_follows_an_edited_knowledge() -> None:
    ranking = rank(NEED, K)
    best = ranking.best
    assert best is not None
    first = verdict_json("아이(4살)", ranking)
    assert orjson.loads(orjson.dumps(first)) == {
        "child": "아이(4살)",
        "service_id": best.service.id,
        "site_id": best.site.id if best.site else None,
        "reasons": list(best.reasons),
        "next": [v.service.id for v in ranking.ranked[1:3]],
        "why_not": {v.service.id: list(v.problems[:2]) for v in ranking.rejected if v.problems},
    }
    first["why_not"].clear()  # type: ignore[attr-defined]  # a caller's copy: the memo is not touched
    assert verdict_json("첫째(4살)", ranking)["why_not"] and verdict_json("첫째(4살)", ranking)["child"] == "첫째(4살)"
    # Staff close the recommended service: the edited knowledge's ranking must not reuse the old verdict.
    edited = K.model_copy(update={"services": tuple(s for s in K.services if s is not best.service)})
    assert verdict_json("아이(4살)", rank(NEED, edited))["service_id"] != best.service.id


def test_a_care_day_in_another_year_shows_the_year() -> None:
    assert labels.day_label(date(2027, 1, 5), date(2026, 12, 28)) == "2027년 1월 5일(화)"
    assert labels.day_label(date(2026, 12, 30), date(2026, 12, 28)) == "12월 30일(수)"


def test_phones_read_as_parents_write_them() -> None:
    assert labels.phone_label("01098765432") == "010-9876-5432"
    assert labels.phone_label("0212345678") == "02-1234-5678"
    assert labels.phone_label("0542345678") == "054-234-5678"


def test_a_place_about_to_close_says_when_it_shuts_and_one_open_all_night_does_not() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    knowledge = load()
    wed = datetime(2026, 12, 9, 0, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    for (hour, minute), start, state in (((23, 30), 23 * 60 + 30, "24:00에 문 닫아요"),
                                         ((20, 0), 20 * 60, "지금 운영 중"),
                                         ((3, 0), 9 * 60, "07:30에 문 열어요")):
        at = wed.replace(hour=hour, minute=minute)
        ranking = rank(Need(Child(48), at.date(), start, start + 20, area="율곡동", now=at), knowledge)
        assert ranking.best.service.id == "daycare-365"
        line = present._hours_line(ranking, at.date(), at)
        assert line is not None and line.endswith(state), line
    late = wed.replace(hour=23, minute=30)  # open all night: never 'closes'
    ranking = rank(Need(Child(48), late.date(), None, None, urgent=True, situations=frozenset({"emergency"}),
                        area="율곡동", now=late), knowledge)
    assert ranking.best.service.id == "emergency-119"
    assert present._hours_line(ranking, late.date(), late).endswith("지금 운영 중")
