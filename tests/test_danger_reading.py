"""The reading behind danger, one mechanism at a time: alarm words, dropped particles, adverbs before a
negation, the youngest child, recent days, and a child who does the hitting."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing.wordforms import word_pattern
from tests.shipped import READER

NOW = datetime(2026, 12, 6, 21, 10, tzinfo=ZoneInfo("Asia/Seoul"))  # a Sunday night


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


@pytest.mark.parametrize(("alarmed", "calm"), [
    ("애가 떨어졌어요 어떡해요", "애가 떨어졌어요"),                 # fell, or failed a draw
    ("애 눈동자가 풀렸어요 빨리요", "애 눈동자가 풀렸어요"),
    ("애가 전화를 안 받아요 우짜노", "애가 전화를 안 받아요"),
    ("애가 물렸어요 도와주세요", "애가 물렸어요"),
])
def test_a_sign_counts_in_an_alarmed_message_only(alarmed: str, calm: str) -> None:
    assert _danger(alarmed) and not _danger(calm)


@pytest.mark.parametrize("text", [
    "애가 추첨에 떨어졌어요 어떡해요",     # the sign needs the child right before it
    "남편이 전화를 안 받아요 어떡해요",    # another person's phone
    "지금 당장 애 맡길 곳 찾아요 급해요 제발요",
])
def test_alarm_words_alone_are_not_danger(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize(("word", "text"), [
    ("눈을안떠", "눈안떠"), ("어른이없", "어른없"), ("피가안멈", "피안멈"),   # a particle dropped before a negation
    ("숨을못쉬", "숨을제대로못쉬"), ("피가안멈", "피가계속안멈"), ("눈을못떠", "눈을잘못떠"),  # an adverb before it
])
def test_a_word_finds_dropped_particles_and_adverbs_before_a_negation(word: str, text: str) -> None:
    assert re.fullmatch(word_pattern(word), text)


@pytest.mark.parametrize(("word", "text"), [
    ("숨이막", "숨막"),        # "숨 막혀요" is the tired parent: only before a negation is a particle optional
    ("알약을삼", "알약삼"),
])
def test_a_particle_stays_where_no_negation_follows(word: str, text: str) -> None:
    assert not re.fullmatch(word_pattern(word), text)


def test_the_youngest_child_decides_whether_alone_now_is_danger() -> None:
    assert _danger("초5 형이랑 3살 동생이 지금 둘이만 집에 있어요")
    assert not _danger("초5 형이 지금 혼자 집에 있어요")


def test_yesterday_makes_an_event_history_but_not_a_child_still_missing() -> None:
    assert not _danger("애가 어제 넘어져서 무릎에 멍이 들었는데 오늘 체육 빠져도 되나요")
    assert _danger("딸이 어젯밤에 나가서 안 들어와요 친구들도 모른대요")


@pytest.mark.parametrize(("done_by_child", "done_to_child"), [
    ("둘째가 자꾸 형을 때려서 고민이에요", "형이 둘째를 자꾸 때려요 멍이 들었어요"),
    ("아이가 화가 나면 벽을 쾅쾅 때려요", "아빠가 화가 나면 애를 때려요"),
])
def test_a_child_who_hits_a_sibling_or_a_wall_is_not_the_one_in_danger(done_by_child: str, done_to_child: str) -> None:
    assert not _danger(done_by_child) and _danger(done_to_child)


def test_a_supposition_a_habit_or_a_visit_made_ends_the_event() -> None:
    assert not _danger("혹시 동네에서 아이가 혼자 방치된 걸 보면 어디에 알려야 하나요")
    assert not _danger("애가 자꾸 벽에 머리를 박는 버릇이 있어요")
    assert not _danger("애가 열경기 해서 응급실 다녀왔어요 지금은 괜찮아요")
    assert _danger("애가 열경기를 해요 지금 응급실 가는 중이에요")


@pytest.mark.parametrize(("calm", "alarmed"), [
    ("지금 애가 숨바꼭질하는데 어디 숨었는지 안 보여요 ㅋㅋ", "지금 애가 놀이터에서 안 보여요 어떡해요"),
    ("수영장에서 애가 물 먹고 캑캑거리면서도 재밌대요", "수영장에서 애가 물 먹고 캑캑거려요 빨리요"),
])
def test_a_laughing_message_or_a_game_is_not_danger(calm: str, alarmed: str) -> None:
    assert not _danger(calm) and _danger(alarmed)


def test_a_word_that_starts_with_its_child_is_about_that_child() -> None:
    assert _danger("누가 전화해서 엄마가 사고 났다고 나오라 했대요 지금 애가 없어요")
    assert not _danger("엄마가 사고 났다고 해서 지금 병원이에요")


@pytest.mark.parametrize(("may_happen", "happened"), [
    ("애가 피아노를 너무 쳐서 손가락이 부러질 것 같대요", "애 손가락이 부러진 것 같대요"),
    ("애가 계단에서 떨어질 뻔했어요", "애가 계단에서 떨어졌어요"),
])
def test_a_verb_closed_by_l_before_geot_or_ppeon_is_what_may_happen(may_happen: str, happened: str) -> None:
    assert not _danger(may_happen) and _danger(happened)
