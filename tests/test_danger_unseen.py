"""Danger in wordings nobody here had seen, by class: long negations, other fall verbs, a fall or a meal then a
grave state told clauses later, a plea with a child in a grave or vague bad state, and the lookalikes of each class
(a long sleep, waiting at the academy, a sunburn, a tired parent's plea). Seven batches: fixtures/danger_unseen.jsonl.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from knowledge.schema import Situation
from routing.wordforms import long_negations
from tests.shipped import READER

NOW = datetime(2026, 12, 9, 21, 40, tzinfo=ZoneInfo("Asia/Seoul"))  # a Wednesday night
BATCHES = Path(__file__).parent / "fixtures" / "danger_unseen.jsonl"
"""Our own batches of this pass, each measured once before any fix (figures in the README, part 3 "Danger")."""


KNOWN_LIMITS = {
    "b4-d09": "a punishment told as a habit (오줌을 싸면 … 찬물을 끼얹고), the father as subject",
}
"""Lines of our batches still read wrong, each with why (the learned danger reader caught each of them in one of its
trainings this session, and not in the last)."""


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


DANGER: dict[str, tuple[str, ...]] = {
    "a negation written long (일어나질 못해요, 받지 않아요)": (
        "애가 미끄럼틀에서 떨어졌는데 일어나질 못해요",
        "아기가 바닥에 떨어지고 나서 일어나지를 못해요",
        "딸이 숨을 쉬지 못해요 얼굴이 빨개요",
    ),
    "a fall told in other verbs, then a sign of a head injury (고꾸라지다, 자빠지다, 나동그라지다)": (
        "아이가 계단에서 고꾸라졌는데 눈만 끔뻑이고 말을 못해요",
        "아들이 놀이터에서 자빠지고 나서 계속 헛소리를 해요",
        "손주가 마루에서 나동그라졌는데 자꾸 토하고 잠만 잘라칸다",
    ),
    "a fall or a knock, then a grave state told clauses later (식은땀, 얼굴이 하얘요)": (
        "딸이 그네에서 떨어지고 나서 식은땀을 흘리고 얼굴이 하얘요",
        "아들이 자전거 타다 넘어졌는데 핸들에 배를 세게 박고 식은땀을 흘려요",
    ),
    "something eaten, then staggering or limp": (
        "손녀가 할머니 혈당약을 사탕인 줄 알고 먹었는데 비틀거려요",
        "애가 베란다에서 뭘 주워 먹더니 몸이 흐물흐물해요",
    ),
    "choking told by colour, hands at the throat, no sound": (
        "아기가 포도알 먹다가 소리도 없이 얼굴이 벌개져서 버둥버둥해요",
        "애가 떡 먹다가 목을 부여잡고 얼굴이 시커메졌어요",
    ),
    "two grave signs together, no cause told": (
        "애가 배를 잡고 뒹굴면서 식은땀을 흘려요 얼굴이 하얘요",
        "애기가 얼굴이 잿빛이고 몸이 차가워요",
    ),
    "a plea for help with a child in a grave state": ("도와주세요 애가 꼼짝을 안 해요", "빨리요 애기 얼굴이 시커메요"),
    "a dent in the head": ("두돌 아기가 식탁 모서리에 관자놀이를 찍었는데 그 부분이 움푹 들어갔어요",),
    "the words in the other order (젓가락을 콘센트에)": ("딸래미가 젓가락을 콘센트에 넣었어요",),
    "an allergen named, then swelling or no voice": ("딸이 새우 먹고 나서 눈이 퉁퉁 붓고 목소리가 안 나와요",),
    "a stranger trying to take a child": (
        "어떤 아저씨가 우리 애 팔을 잡고 끌고 가려고 했어요",
        "놀이터에서 웬 남자가 딸 손을 잡아끌었대요",
    ),
    "swept away": ("우리 딸 계곡 물살에 떠내려가요 살려주세요",),
    "pushed against a wall": ("윗집 아저씨가 애를 벽에다 밀어붙이고 소리질러요",),
    "skin named 살갗": ("애가 뜨거운 물에 발을 담갔는데 살갗이 벗겨졌어요",),
    "a lookalike phrase inside a longer word (꼭대기 holds 대기)": ("미끄럼틀 꼭대기에서 떨어졌는데 꼼짝을 안 해요",),
    "pulled out of water, then breathing faintly": ("애가 욕조에 빠져서 건졌는데 숨을 가늘게 쉬어요",),
    "a small thing gone and the child may have eaten it (삼킨기가)": (
        "자석 하나가 없어졌는데 애가 먹은 것 같아요",
        "반지가 안 보이는데 아가 삼킨기가 모르겠다",
    ),
    "gone out of the house while the adult slept": ("할머니가 주무시는 새 손주가 문 열고 나갔는지 집에 없어요",),
    "a neighbour hears blows and a child begging": ("윗집에서 퍽퍽 소리 나고 애가 그만해 그만해 하고 울어요",),
    "out in the cold in light clothes": ("영하인데 옆 동 아이가 반팔 차림으로 밖에 서 있어요",),
    "shaking that goes on for minutes": ("애가 팔다리가 떨리는데 3분째 안 멈춰요",),
    "a dog that does not let go, torn flesh": (
        "진돗개가 아들 다리를 물고 안 놔줘요",
        "애 팔 살이 너덜너덜해요 개한테 물렸어요",
    ),
    "burned, 경상도 데가": ("애가 다리미에 손을 데가 물집 잡혔다",),
    "run over by a wheel, then swollen and unable to walk": (
        "학원 차량 기사님이 애 발을 바퀴로 밟았대요 발이 퉁퉁 부었어요",
        "아들이 킥보드 타다 발목이 부어서 못 걷겠대요",
    ),
    "gone out, then no answer and the phone off": (
        "딸이 친구 만난다고 나갔는데 밤 10시인데 연락이 안돼요 전화기는 꺼져 있고",
    ),
    "one arm suddenly useless, speech slurred": (
        "아이가 밥 먹다 갑자기 한쪽 팔을 못 써요 말도 어눌해요",
        "애가 밥먹다가 갑자기 한쪽 팔을 못 쓰고 숟가락을 떨어뜨려요 말도 어버버해요",
    ),
    "경상도 아가 (the child) before an adult's thing": (
        "아가 엄마 수면제를 먹었다",
        "아가 엄마 화장대에서 아세톤 병을 따서 마셨는지 입에서 냄새가 나요",
    ),
    "a chemical smell from the mouth": ("아들 입에서 아세톤 냄새가 나요",),
    "cold water thrown on a child": ("아빠가 애한테 찬물을 끼얹어요",),
    "a plea with a vague bad state (상태가 이상해요, 불러도 멍하니)": (
        "도와주세요 애가 갑자기 이상해요 불러도 멍하니 쳐다만 봐요",
        "빨리요 아기 상태가 이상해요",
    ),
    "fallen into a pit or a hole": ("놀이터에서 애가 구덩이에 빠졌어요 안 보여요",),
    "cut marks told after the child": ("딸 손목에 칼로 그은 상처가 여러 개 있어요",),
    "a battery sucked": ("애가 건전지를 빨아서 입 안이 까매요",),
    "spots like bruises spreading": ("애 다리에 멍 같은 점이 갑자기 퍼지고 있어요",),
    "a young child walking onto the road": ("세 살 아들이 혼자 나가서 찻길로 걸어가고 있어요",),
    "a bare adult before a noun is whose, after the child named (아빠 차에 치였어요)": (
        "조카가 아빠 차에 치였어요 후진하다가",
        "아들이 할머니 차에 치였어요",
    ),
    "threatened with a knife": ("우리 애가 같은 반 애한테 칼로 위협당했대요",),
    "a child held as a shield": ("아빠가 애를 방패처럼 들고 있어요",),
    "head first onto the floor, a fall backwards then drowsy": (
        "아기 띠에서 애가 빠져서 머리부터 바닥에 떨어졌어요",
        "애가 소파에서 뒤로 넘어갔는데 자꾸 졸려해요",
    ),
    "resuscitation going on now (심폐소생술 하는 중)": (
        "어린이집에서 전화왔는데 애가 숨을 안 쉬어서 심폐소생술 하는 중이래요",
    ),
    "touched, told in a child's words (아랫도리)": ("손녀가 자꾸 할아버지가 아랫도리를 만진다고 해요",),
    "half out of a window": ("애가 창문 밖으로 몸이 반쯤 넘어갔어요",),
    "strangled by a sibling": ("큰애가 동생 목을 졸라서 동생 얼굴이 새빨개졌어요",),
    "blood in a young child's underwear": ("다섯 살 딸 팬티에 피가 묻어 있어요",),
    "lost, with a thing named after it": (
        "마트에서 애를 잃어버린 지 30분 됐어요",
        "시장에서 애를 잃어버렸어요 가방만 남았어요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "a negation written long, not a sign": (
        "아이가 아침에 일찍 일어나지 못해서 등원이 늦어요 봐주실 분",
        "애가 편식이 심해서 밥을 잘 먹지 않아요",
    ),
    "getting up in the morning": ("애가 아침에 잘 못 일어나서 지각해요", "아들이 아침마다 안 일어나서 전쟁이에요"),
    "the verb describes a thing after it (잃어버린 장난감)": (
        "애가 잃어버린 장난감 대신 빌릴 수 있는 곳 있나요",
        "아들이 부러진 킥보드를 자꾸 타요 새로 빌릴 수 있나요",
        "딸이 없어진 필통을 찾아 달래요",
    ),
    "a fall that ended well (툭툭 털고, 비틀거리지도 않고)": (
        "애가 미끄럼틀에서 자빠졌는데 툭툭 털고 다시 놀아요",
        "애가 넘어졌는데 무릎만 까졌어요 비틀거리지도 않고 잘 걸어요",
    ),
    "a red face from spicy food, a puffy face after ramen": (
        "떡볶이 먹다가 애 얼굴이 빨개졌어요 매운가 봐요",
        "애가 어제 라면 먹고 자서 얼굴이 퉁퉁 부었어요",
    ),
    "a habit told with 요즘 (a sulking teenager)": ("아들이 요즘 사춘기라 방문 잠그고 대답도 안 해요 속상해요",),
    "blue lips from the cold": ("애기가 추운지 입술이 파래서 옷 하나 더 입혔어요",),
    "waiting alone where adults are (학원, 학교)": (
        "초등 1학년 딸이 학원 버스를 놓쳐서 지금 학원에 혼자 기다리고 있대요",
    ),
    "a sunburn, a tantrum, a scary film": (
        "아이 얼굴이 캠프 다녀와서 새까맣게 탔어요 선크림을 안 발랐나 봐요",
        "애가 마트에서 드러눕고 발버둥 치며 떼를 써요 어떡해요",
        "애가 숙제 하다가 식은땀 흘리면서 공포영화 봤대요",
    ),
    "a plea about ordinary care or eating": (
        "어떡해요 내일 갑자기 출장이 잡혔는데 애 맡길 데가 없어요",
        "도와주세요 애가 밥을 너무 안 먹어요",
    ),
    "prevention and an allergy that is over": (
        "젓가락을 콘센트에 못 넣게 하는 덮개 어디서 사요?",
        "새우 먹고 두드러기 났었는데 지금은 괜찮아요 내일 봐주실 분 있나요",
    ),
    "food gone, eaten by the child": (
        "식탁 위 과자가 없어졌는데 애가 먹은 것 같아요",
        "사탕 하나가 없어졌는데 애가 먹었나 봐요",
    ),
    "another person gone out": ("남편이 아침에 나갔는지 집에 없어요 애 봐줄 사람 있나요",),
    "light clothes as a plan, legs jiggled, noise upstairs": (
        "영하인데 애가 반팔 입고 나가겠대요 말려야죠",
        "애가 다리를 떨면서 30분째 숙제해요",
        "윗집 층간소음이 너무 심해요 퍽퍽 뛰어요",
    ),
    "swollen from a sprain that is better, in a cast": (
        "애가 발목이 부어서 못 걷겠대요 어제 축구하다 삐끗했는데 지금은 괜찮아요",
        "애가 팔을 다쳐서 깁스해서 한쪽 팔을 못 써요 내일 봐주실 분",
    ),
    "another adult out of reach, babbling, idioms": (
        "남편이 회식 간다고 나갔는데 연락이 안돼요 애 봐줄 사람이 없어요",
        "아기가 어버버 옹알이를 시작했어요",
        "남편이 애 생일파티 분위기에 찬물을 끼얹었어요",
        "화분을 베란다에 내보냈어요 애가 좋아해요",
        "아가씨가 애를 봐줬는데 너무 좋았어요",
    ),
    "a bruise on a knee from play, limp before a nap": (
        "애가 축구하다 넘어져서 무릎에 멍 들었어요 맡길 곳 있을까요",
        "애가 점심 먹고 나서 축 처져서 낮잠 자요",
    ),
    "a plea about behaviour, a thing, a mood, homework": (
        "어떡해요 애가 요즘 좀 이상해요 자꾸 말대답을 해요",
        "급해요 애 어린이집 가방이 이상해요 지퍼가 고장났어요",
        "지금 애 기분이 이상한가봐요 계속 짜증내요",
        "도와주세요 애 숙제가 이상해요 이해가 안 돼요",
        "빨리 알려주세요 애가 이상한 말을 배워왔어요",
    ),
    "a ball in a hole, marks on a desk, a surgical scar, a birthmark": (
        "공이 구덩이에 빠졌어요 애가 꺼내달래요",
        "책상에 칼로 그은 자국이 있어요",
        "애가 수술해서 배에 그은 흉터가 있어요",
        "애 몸에 멍 같은 점이 생겼는데 몽고반점이래요",
    ),
    "the road as a worry or a lesson": (
        "찻길에 차가 많아서 애 등원길이 걱정돼요",
        "애가 찻길로 뛰어들지 않게 교육하는 법 있나요",
    ),
    "an adult run over, a car ride, a toy shield, a warning, a product's smell": (
        "아빠가 차에 치여서 입원했어요 애 맡길 곳 있나요",
        "애가 엄마 차에 타고 있어요 곧 출발해요",
        "애 방패 장난감 사 줬어요",
        "다이빙 할 때 머리부터 떨어지면 위험하대요",
        "아이가 세탁세제 냄새를 좋아해서 자꾸 빨래에 코를 박아요",
        "애가 책 읽다가 뒤로 넘어갔는데 웃으면서 다시 앉았어요",
        "애가 장난감 칼로 위협하는 흉내를 내요",
    ),
    "sleeping through the night, a course, a period, a game, a scolding": (
        "아기가 분유 먹고 잘 자요 밤에 깨지도 않아요",
        "아기가 밤새 한 번도 안 깨고 통잠 잤어요",
        "심폐소생술 교육 받을 수 있는 곳 있나요",
        "중학생 딸 속옷에 피가 묻었어요 생리 시작했나봐요",
        "애들이 레슬링 놀이하면서 목을 조르는 흉내를 내요 ㅋㅋ",
        "애가 창문 밖 구경하느라 몸을 내밀어서 혼냈어요",
    ),
    "an event told as over with relief (다행이에요)": (
        "애가 그저께 구슬 삼켜서 병원 갔었는데 변으로 나왔대요",
        "지난달에 애가 단추를 삼켰었는데 다 빠져나왔어요 다행이에요",
    ),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts], ids=str)
def test_unseen_danger_of_each_class_is_caught(kind: str, text: str) -> None:
    assert _danger(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in LOOKALIKES.items() for t in texts], ids=str)
def test_unseen_lookalikes_of_each_class_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), f"{kind}: {text}"


def test_a_short_negation_also_reads_long() -> None:
    assert long_negations("못일어나") == ["일어나지못", "일어나질못", "일어나지를못", "일어나지도못"]
    assert long_negations("전화를안받")[0] == "전화를받지않"
    assert long_negations("차안에") == [] and long_negations("못에찔") == [] and long_negations("다쳤") == []


def test_a_kind_named_in_a_pair_stands_for_its_words() -> None:
    s = Situation.model_validate({
        "label": "x", "words": ["@넘어짐", "피가나"], "kinds": {"넘어짐": ["자빠지", "고꾸라"]},
        "together": [{"first": ["@넘어짐"], "then": ["헛소리"]}],
    })
    assert s.words == ("자빠지", "고꾸라", "피가나")
    assert s.together[0].first == ("자빠지", "고꾸라") and s.together[0].then == ("헛소리",)


def test_a_kind_that_is_not_there_is_named_in_the_error() -> None:
    with pytest.raises(ValidationError, match="'@없는말' names no kind"):
        Situation.model_validate({"label": "x", "words": ["@없는말"], "kinds": {"넘어짐": ["자빠지"]}})


def test_a_long_negation_is_made_from_the_stem_or_not_at_all() -> None:
    assert long_negations("말을안해")[0] == "말을하지않" and long_negations("못먹어")[0] == "먹지못"
    assert long_negations("안보이")[0] == "보이지않"
    assert long_negations("아직안왔다고") == [] and long_negations("못된짓을") == [] and long_negations("안왔") == []


def test_a_sick_childs_message_is_not_read_for_danger() -> None:
    finder = READER._situations
    gates = {sid: gate for sid, _, gate in finder._compiled}
    assert gates["sick"].search("아이가열이나요") and not gates["danger"].search("아이가열이나요")
    assert gates["danger"].search("애가떨어졌는데안움직여요")


def _batches() -> list[tuple[str, str, bool]]:
    rows = [json.loads(line) for line in BATCHES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["id"], row["text"], row["expect"]["danger"]) for row in rows]


@pytest.mark.parametrize(("line", "text", "expected"), _batches(), ids=str)
def test_our_batches_stay_right_except_the_known_limits(line: str, text: str, expected: bool) -> None:
    if line in KNOWN_LIMITS:  # still wrong; when one is read right, take it out of KNOWN_LIMITS
        assert _danger(text) is not expected, f"now read right: {text}"
        return
    assert _danger(text) is expected, text


def test_our_batches_hold_twenty_of_each_side_a_batch() -> None:
    rows = _batches()
    assert len(rows) == 280 and sum(e for _, _, e in rows) == 140
