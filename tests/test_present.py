"""The texts built from rankings: the recommendation card memo must follow staff edits of the knowledge."""

from __future__ import annotations

from datetime import date

from bot import present
from knowledge.loader import load
from routing.match import rank
from routing.need import Child, Need

K = load()
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
