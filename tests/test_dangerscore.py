"""The learned danger reader (routing.dangerscore): its file matches the labelled data, the runtime reads the
features it was trained on, and it only ever adds an alarm to the YAML words' reading."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bench.danger_train import ROOT, data_files, data_hash
from routing.dangerscore import MODEL_FILE, DangerScore, compact, logit_of, shipped
from routing.understand import Understander
from tests.reader_cases import KNOWLEDGE, READER, WORDS

NOW = datetime(2027, 3, 9, 15, 0, tzinfo=ZoneInfo("Asia/Seoul"))
WORDS_ONLY = WORDS
BOTH = READER
MODEL = json.loads(MODEL_FILE.read_text(encoding="utf-8"))

KNOWN_FALSE_ALARMS = (
    "우리 애가 말을 안 들어요 불러도 대답도 안 해요",
    "아들이 놀이터에서 미끄럼틀 타다가 바지가 찢어졌어요",
    "딸이 편의점 간다고 나갔는데 한 시간째 안 들어와요 친구랑 수다 떨고 있대요",
    "강아지 뽀미가 안 보여요 애가 울어요 4살이에요",
    "돌보미가 안 보여요 3살 애가 혼자 놀이터에 있어요 옆에 제가 있어요",
    "콘센트에 꽂아둔 충전기가 걱정인데 애가 감기로 축 처져 있어요",
)
"""Lookalikes of the team's danger tests (moved here from them) that the words read right and the learned reader
alone alarms on: what is over, a pet, a habit, a carer unreachable. Kept visible: when the model stops alarming on
one (more labelled lookalikes, ``make danger-model``), take it out. Taken out on the retraining of 2026-12-07 with
rounds v89-v92: the wind at the window, the child hiding behind the slide (now read right; kept in
tests/test_understand_eleventh.py)."""


def test_the_shipped_model_was_trained_on_the_labelled_data_as_it_is() -> None:
    files = data_files()
    assert MODEL["files"] == [f.relative_to(ROOT).as_posix() for f in files], "run `make danger-model`"
    assert MODEL["data_sha256"] == data_hash(files), "labelled messages changed: run `make danger-model`"


def test_the_runtime_reads_the_letter_pairs_scikit_learn_trained_on() -> None:
    model = shipped()
    assert len(MODEL["checks"]) >= 10
    for check in MODEL["checks"]:
        assert model.logit(compact(check["text"])) == pytest.approx(check["logit"], abs=1e-3), check["text"]


def test_a_message_is_read_without_its_spaces_and_a_pair_counts_once() -> None:
    model = DangerScore(weights={"숨을": 2.0, "안쉬": 3.0}, bias=-4.0, alarm_above=logit_of(0.97))
    assert compact(" 애가  숨을 \n안 쉬어요 ") == "애가숨을안쉬어요"
    assert model.logit("애가숨을안쉬어요") == pytest.approx(1.0)
    assert model.logit("숨을숨을안쉬어요") == pytest.approx(1.0)  # present or not, as trained (binary=True)
    assert model.logit("") == pytest.approx(-4.0) and model.logit("숨") == pytest.approx(-4.0)
    assert not model.alarms("애가숨을안쉬어요")  # p = 0.73
    assert DangerScore(weights=model.weights, bias=-1.0, alarm_above=model.alarm_above).alarms("애가숨을안쉬어요")


def test_the_learned_reader_adds_an_alarm_the_words_did_not_raise() -> None:
    sure = DangerScore(weights={"조용": 6.0}, bias=-2.0, alarm_above=logit_of(0.97))
    text = "아까부터 애 방이 너무 조용해요"
    assert not WORDS_ONLY.read(text, NOW).danger
    assert Understander(KNOWLEDGE, learned=sure).read(text, NOW).danger
    unsure = DangerScore(weights={"조용": 4.0}, bias=-2.0, alarm_above=logit_of(0.97))  # p = 0.88
    assert not Understander(KNOWLEDGE, learned=unsure).read(text, NOW).danger


def test_the_learned_reader_takes_back_an_alarm_only_on_a_long_message_it_is_all_but_sure_of() -> None:
    text = "아이가 떼쓰면 숨 넘어가게 울어서 진짜 숨이 넘어가는건 아닌가 싶을 정도예요 이런것도 상담 되나요"
    assert WORDS_ONLY.read(text, NOW).danger and len(compact(text)) >= 30  # a words' alarm on a habit, asked about
    sure = DangerScore(weights={"떼쓰": -8.0}, bias=0.0, alarm_above=logit_of(0.97), clear_below=logit_of(0.01),
                       clear_letters=30)
    assert not Understander(KNOWLEDGE, learned=sure).read(text, NOW).danger
    unsure = DangerScore(weights={"떼쓰": -4.0}, bias=0.0, alarm_above=sure.alarm_above, clear_below=sure.clear_below,
                         clear_letters=30)  # p = 0.018
    assert Understander(KNOWLEDGE, learned=unsure).read(text, NOW).danger
    short = "떼쓰다 숨이 넘어가요"
    assert WORDS_ONLY.read(short, NOW).danger and len(compact(short)) < 30
    assert Understander(KNOWLEDGE, learned=sure).read(short, NOW).danger  # short: the words' alarm stands


def test_the_learned_reader_never_takes_back_an_alarm_without_a_line_to_clear_below() -> None:
    never = DangerScore(weights={}, bias=-50.0, alarm_above=logit_of(0.97))
    text = "애가 계단에서 굴러서 머리에 피가 나요"
    assert WORDS_ONLY.read(text, NOW).danger
    assert Understander(KNOWLEDGE, learned=never).read(text, NOW).danger


def test_the_shipped_model_clears_only_long_messages_below_one_percent() -> None:
    model = shipped()
    assert model.clear_letters >= 30 and model.clear_below <= logit_of(0.01) + 1e-9


def test_the_learned_reader_is_sure_on_few_everyday_messages() -> None:
    everyday = (
        "내일 오후 2시부터 6시까지 5살 아이 맡길 곳 있나요 율곡동이에요",
        "애기 예방접종 맞고 와서 좀 보채요 내일 어린이집 보내도 되나요",
        "아들이 축구하다 넘어져서 무릎 까졌어요 밴드 붙였어요",
        "아이가 숨바꼭질하다가 옷장에 숨어서 한참 찾았네요 ㅋㅋ",
        "놀이공원에서 애 잃어버릴까봐 미아방지 팔찌 샀어요",
        "주말에 애들이랑 캠핑 가는데 불 조심 교육 어디서 하나요",
        "아이가 계단에서 미끄러졌는데 다친 데 없이 웃어요",
    )
    assert [t for t in everyday if BOTH.read(t, NOW).danger] == []


@pytest.mark.parametrize("text", KNOWN_FALSE_ALARMS)
def test_the_words_alone_read_the_known_false_alarms_right(text: str) -> None:
    assert not WORDS_ONLY.read(text, NOW).danger


@pytest.mark.xfail(strict=True, reason="the learned reader's known false alarms, kept visible")
@pytest.mark.parametrize("text", KNOWN_FALSE_ALARMS)
def test_known_false_alarms_of_the_learned_reader(text: str) -> None:
    assert not BOTH.read(text, NOW).danger
