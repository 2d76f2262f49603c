"""Danger by class, in wordings the older tests do not have: hitting verbs, blood brought up, choking without a
sound, dialect past tenses, self-harm, confusion with fever, a young child locked in while asleep, children left by
the adult; and the lookalikes of each (a stuffy nose, a child who hits, a fever that only needs care at home)."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.shell.cli import main
from tests.shipped import READER

NOW = datetime(2026, 12, 8, 19, 20, tzinfo=ZoneInfo("Asia/Seoul"))  # a Tuesday evening
UNDERSTANDER = READER
PROBE = Path(__file__).parent / "fixtures" / "danger_probe.jsonl"
"""Probe messages written for this round before the phrases were tuned (recall 25/32, false alarms 1/32 then)."""


def _danger(text: str) -> bool:
    return UNDERSTANDER.read(text, NOW).danger


DANGER: dict[str, tuple[str, ...]] = {
    "hitting verbs": (
        "체육관 코치가 애 따귀를 때렸대요",
        "삼촌이 조카 머리를 쥐어박고 걷어찼어요",
        "엄마 남친이 애한테 싸대기를 날렸대요",
        "아빠가 술 취해서 애 머리채를 잡고 흔들어요",
    ),
    "hitting, 경상도": ("저 집 아빠가 아를 두들겨 팬다 우짜노", "아빠가 아를 때린다 카이 빨리 와주이소"),
    "blood brought up": (
        "아기가 분유 먹고 피를 토했어요",
        "애가 기침하다가 피를 한가득 토해요",
        "애기토에피가섞여나와요",
    ),
    "choking, no sound": (
        "떡 먹다가 켁 하고는 울지도 못해요",
        "애가 사탕 삼키더니 기침도 못하고 버둥거려요",
        "방울토마토 먹던 아기가 컥 하더니 소리를 안 내요",
    ),
    "head knock, dialect": (
        "아가 식탁 모서리에 머리를 찌었는데 자꾸 잘라카네",
        "계단서 넘어지가 머리 박고 토한다 잠만 잘라카고",
    ),
    "dialect past tense": (
        "아가 안보인다 시장서 없어짔다",
        "얼라가 개울에 빠짔어요 빨리요",
        "아 팔이 뿌러지가 덜렁거린다 다칬다",
    ),
    "self-harm": (
        "중2 딸이 목을 매려고 했어요 지금 방에 있어요",
        "아들이 커터칼로 손목을 그었어요",
        "딸이 자살한다고 옥상에 올라갔어요",
    ),
    "allergy, told in clauses": ("애가 새우 먹고 두드러기 나고 입술이 붓고 숨소리가 이상해요",),
    "confusion, weakness": (
        "애가 열이 펄펄 나면서 헛소리를 하고 엄마를 못 알아봐요",
        "자고 일어난 아이가 한쪽 팔다리에 힘이 없고 말이 어눌해요",
    ),
    "bulging fontanelle": ("돌 전 아기 숨구멍이 볼록 튀어나왔고 계속 토해요",),
    "foam at the mouth": ("애가 쓰러지면서 입에서 거품이 나와요",),
    "burn marks": ("조카 팔에 동그란 담배 자국이 여러 개 있어요",),
    "cosmetics swallowed": ("애가 화장대에서 선크림 짜서 먹었어요", "딸이 엄마 립스틱 한 개를 다 먹었어요"),
    "an adult's act told indirectly": (
        "어린이집 기사님이 딸한테 몹쓸 짓을 했대요",
        "학원 원장이 애한테 이상한 짓을 했다고 애가 울어요",
    ),
    "no food at home": (
        "아들 친구가 집에 먹을 게 없대요 며칠째 라면만 먹었대요",
        "옆집 애가 며칠 못 먹었는지 우리 집에 와서 밥 달래요",
    ),
    "locked in, asleep": (
        "애 잠든 사이 쓰레기 버리러 나왔는데 문이 잠겼어요",
        "아기 자길래 마트 왔는데 열쇠를 안에 두고 왔어요 못 들어가요",
    ),
    "left by the adult": (
        "애들만 두고 엄마가 어제 나가서 안 왔대요 애들 5살 3살",
        "전남편이 애 둘만 두고 나갔대요 3살 5살이에요 지금 집에",
    ),
    "hard to breathe": ("아기가 숨을 힘겹게 쉬고 갈비뼈가 들어가요", "애가 숨 쉬는 것도 힘들어해요 입술도 하얘요"),
    # classes found on the dev set of round 4, each with sentences of our own
    "bleeding told without 피": (
        "애가 문틀에 눈썹 위를 찧었는데 거즈가 금방 젖어요",
        "딸이 유리에 손바닥 베였는데 지혈이 안 돼요",
    ),
    "shaking, told as 바르르·떠는": (
        "아기가 눈을 치켜뜨고 팔다리를 파르르 떠는데 안 멈춰요",
        "얼라가 온몸을 바들바들 떤다 이상하다",
    ),
    "evidence of pills or chemicals": (
        "영양제통 뚜껑이 열려있고 애 옆에 알약이 굴러다녀요",
        "애 입가에서 세제 냄새가 나요 베란다에 세제통이 쓰러져 있어요",
    ),
    "몬 for 못 (경상도)": ("시장서 아 손 놓치가 아직 몬 찾았다", "아가 떨어지가 다리를 몬 움직인다"),
    "laying hands on a child": (
        "전남편이 애한테 손대고 있대요 애가 전화로 울어요",
        "동거남이 술만 먹으면 딸한테 손을 대요",
    ),
    "pinched or scratched by an adult": (
        "돌보미 선생님이 아기를 꼬집은 자국이 있어요",
        "할머니가 애를 할퀴고 꼬집어요 매일이에요",
    ),
    "marks an adult made, told by the child": (
        "조카 허벅지에 피멍이 있어서 물었더니 새아빠가 그랬대요",
        "딸 팔에 멍이 있는데 엄마한테 맞은 거래요 친구네 애요",
    ),
    "discipline as an excuse": (
        "남편이 훈육이라면서 애를 허리띠로 때려요",
        "시아버지가 버릇 고친다고 애를 방에 가둬요",
    ),
    "harm suffered from someone named with 한테": (
        "딸이 돌보미한테 꼬집혔대요 팔에 자국이 있어요",
        "애가 옆집 아저씨한테 발로 채였대요 배가 아프대요",
    ),
    "the back of the head, then sleepy": (
        "아기가 뒤로 넘어져서 뒷머리를 박았는데 계속 자려고만 해요",
        "뒷통수 찧고 나서 자꾸 토하고 졸려해요",
    ),
    # classes of the earlier rounds' remaining misses, with sentences of our own
    "an aside in brackets inside the phrase": (
        "막내(3살)가 안 보여요 아파트 놀이터에서요",
        "아내가 실려 갔는데 애들 셋(1살,3살,5살)만 집에 있어요",
    ),
    "a child writes: the adult does not wake": (
        "나랑 동생만 있는데 아빠가 술 마시고 자는데 안 깨요",
        "저 초3인데요 동생이랑 저 밖에 없어요 할머니가 쓰러졌어요",
    ),
    # a second batch of our own, by class
    "a fall, then no crying": (
        "아기 띠에서 애가 빠져서 바닥에 떨어졌어요 울지를 않아요",
        "돌쟁이가 식탁 의자에서 넘어졌는데 울지도 않고 멍해요",
    ),
    "grunting, flaring nostrils": ("아가 숨을 쉴 때마다 끙끙 소리를 내고 코를 벌렁거려요",),
    "a small thing, a few words, then 꿀꺽": (
        "아들이 자석 장난감 두 개 꿀꺽했어요",
        "애가 레고 작은 블록 하나를 삼켜버렸어요",
    ),
    "asleep in a locked car": ("3살 아기가 지금 차 안에서 자고 있는데 차 키를 잃어버렸어요 안 열려요",),
    "a neighbour's baby crying for days, no adult heard": (
        "아랫집 아기가 새벽 내내 자지러지게 울고 어른 소리가 하나도 안 나요 이틀째예요",
    ),
    "a stepfather in the child's room at night": ("계부가 딸 방에 밤마다 들어간대요 딸이 울면서 얘기했어요",),
    "marks of self-harm": ("조카가 손목에 칼자국이 여러 개 있어요 어제 또 그었대요",),
    "a pool drain, a cord round the neck": (
        "애가 수영장 배수구에 발이 빨려 들어갔어요",
        "아기 목에 블라인드 줄이 감겨 있었어요 목에 자국이 있고 울지를 않아요",
    ),
    "signs of meningitis": ("애기가 고열에 목이 뻣뻣하고 온몸에 보라색 반점이 생겼어요",),
    "a stranger, any kind": (
        "아이가 놀이터에서 모르는 할아버지가 자꾸 만진다고 해요",
        "낯선 아줌마가 애한테 따라오라고 했대요 지금 애가 무서워해요",
    ),
    # a third batch of our own, by class
    "a young child who went out alone, not found": ("6살 애가 엄마 찾는다고 혼자 밖에 나갔대요 지금 아무도 못봤대요",),
    "fire where the child was left": ("애 재우고 잠깐 나왔는데 화재경보가 울려요 우리 동이에요",),
    "a cord caught round the neck": ("놀이터에서 애가 그네 줄에 목이 걸렸어요",),
    "punished by being stood outside and not fed": (
        "우리 애 담임이 애를 교실 밖에 한 시간 세워놓고 밥도 안 줬대요 매일 그런대요",
    ),
    "alcohol given to a child": ("애 이모부가 애한테 술을 먹였어요 애가 비틀거려요",),
    "a locked door and pills": ("딸이 방문 걸어 잠그고 약 먹었다고 문자 왔어요",),
    "not arrived, phone off": ("딸이 친구 집 간다고 나갔는데 친구 엄마가 애가 안 왔대요 폰은 꺼져 있고 밤 10시예요",),
    # a fourth batch of our own, by class
    "a neighbour's child begging, whoever is named": ("윗집에서 애가 아빠 잘못했어요 하면서 우는 소리가 계속 나요",),
    "gone for so many minutes (지 20분 됐어요)": (
        "애가 백화점에서 없어진 지 20분 됐어요 방송했는데",
        "아들 놓친 지 한 시간 지났어요",
    ),
    "kept locked up and not fed": ("딸 유치원 친구 엄마가 애한테 먹을 것도 안 주고 방에 가둬둔대요",),
    "a face covered and pressed": ("어린이집에서 애 낮잠 재운다고 이불로 덮고 눌렀대요 cctv로 봤어요",),
    # a fifth batch of our own: short, typed in a hurry
    "short and hurried": (
        "애가 안숨쉬어요",
        "애가 떨어짐 3층에서",
        "남편이 애 목 조름",
        "애가 손목 그음",
        "아기 경련중 빨리",
        "애기혼자집에잇어요 저 못가요 3살",
    ),
    # a sixth batch of our own, by class
    "a nosebleed that will not stop (멎다)": ("코피가 30분째 안 멎어요 애기가 창백해요",),
    "a nappy not changed for days": ("옆집 아기 기저귀가 며칠째 안 갈린 것 같아요 냄새가 진동하고 애가 계속 울어요",),
    "a child writing that they are hit (저를)": (
        "아빠가 술 마시면 엄마랑 저를 때려요 지금도 소리 질러요 저 초5예요",
        "저 열살인데요 삼촌이 저한테 손대요 무서워요",
    ),
    # a seventh batch of our own, by class
    "a child thrown down": ("애 아빠가 애를 바닥에 내던졌어요 지금 울지도 않아요",),
    "breathing that stops and starts": ("애기가 숨을 쉬다 말다 해요", "아기가 자는데 숨을 쉬었다 안 쉬었다 해요"),
    "about to fall from a height": ("애가 난간에서 떨어지겠어요 빨리요", "창문에서 애가 떨어지기 직전이에요"),
    "cannot, said by the child (-겠대요)": ("애가 숨을 못 쉬겠대요", "애가 다리를 못 움직이겠대요"),
    # an eighth batch of our own: 경상도 and family words for a child
    "경상도, and family words for a child": (
        "저 집 아부지가 아를 막 뚜드려 팬다",
        "손주놈이 개울가서 안 보인다 한참 됐다",
        "딸램이 학원서 안 왔다는데 전화도 안 받아요",
        "아들래미가 계단서 굴러가 다리를 몬 쓴다",
        "애기가 열이 펄펄 나더니 몸이 굳어삐맀다",
    ),
    # a ninth batch of our own: signs told without the word for the event
    "signs told without the word": (
        "애가 넘어지고 나서 한쪽 다리를 질질 끌어요",
        "아기 숨 쉴 때 목이랑 가슴이 움푹움푹 들어가요",
        "아이가 말을 하다가 갑자기 멍하니 한 곳만 보고 불러도 몰라요",
        "아이 가방이랑 신발은 놀이터에 있는데 애만 없어요",
        "애가 아빠 오는 소리만 나면 벌벌 떨면서 숨어요",
        "애 얼굴 한쪽이 갑자기 처지고 말을 못해요",
    ),
    # a tenth batch of our own
    "a child writing that only the children are home": (
        "엄마가 밤에 나가서 안 들어와요 동생이랑 저만 있어요 저 8살이에요",
    ),
    "pulled from the water, not coughing (떠 있었어요 is now)": (
        "애가 물놀이장에서 물에 엎드린 채로 떠 있었어요 건졌는데 기침도 안 해요",
    ),
    "danger told inside an intake message": (
        "4살 딸 엄마예요 어린이집 상담하려고 했는데 방금 딸이 콘센트 만지다가 쓰러졌어요",
        "직장맘인데요 시터가 애를 때리는 영상을 홈캠으로 봤어요 지금도 애가 울고 있어요",
    ),
    "a body part torn": ("애 이마가 찢어졌어요", "애 손이 찢어져서 꿰매야 할 것 같아요"),
    "a neighbour's child not at daycare for days, no parent seen": (
        "앞집 꼬맹이가 며칠째 어린이집도 안 가고 혼자 집 앞에서 놀아요 엄마가 안 보여요",
    ),
    "afraid to go home for fear of being hit": ("애가 아빠한테 맞을까봐 집에 안 들어가겠대요 지금 놀이터에 있어요",),
    "a whistle when breathing in": ("아기가 숨을 쉴 때 휘파람 소리가 나고 말을 못 해요",),
    "put in the mouth, now gone": (
        "아기가 작은 나사를 입에 넣었는데 찾아보니 없어요",
        "애가 단추를 입에 물고 있었는데 안 보여요 삼킨 것 같아요",
    ),
    "no word from a child away, nobody knows": ("애가 수련회 가서 연락이 안 돼요 선생님도 모른대요",),
    "an injury being treated now": (
        "팔이 부러진 것 같아요 깁스해야 하나요",
        "애가 다쳐서 피가 안 멈춰요 치료받으려면 어디로 가요",
    ),
    "no word from the child (애랑 연락이 안 돼요)": (
        "애랑 연락이 안 돼요 학원 끝났는데 3시간째",
        "중2 딸이 가출했어요 연락이 안 돼요",
    ),
    "the head struck, then blank": (
        "방금 애가 놀이터 뺑뺑이에서 튕겨나가서 바닥에 머리를 찍었어요 멍하고 말이 없어요",
    ),
    "into a stranger's car": ("딸래미가 하굣길에 모르는 차에 탄 걸 친구가 봤대요",),
    "taken by a drunk parent, not given back": ("애 아빠가 애를 차에 태우고 가서 안 돌려보내요 술에 취해 있었어요",),
    "a young child alone at night phones": (
        "4살 애가 새벽에 깨서 엄마 없다고 울며 전화했어요 남편이랑 저 둘 다 야간근무예요",
    ),
    "a neighbour who calls the child to his home": (
        "이웃집 남자가 애를 자꾸 자기 집에 부른대요 애가 가기 싫다고 해요",
    ),
    "the carer collapsed while minding, the child phoned": (
        "할머니가 애 봐주시다 쓰러지셨는데 애가 전화했어요 애는 다섯 살이에요",
    ),
    "locked out on the balcony in the cold": ("애가 베란다 문 잠그고 밖에 나가 있는데 문을 못 열어요 영하예요",),
    "a last batch of our own": (
        "애가 문틀에 매달려 놀다 떨어져서 팔꿈치가 이상하게 튀어나왔어요",
        "애가 사촌 형한테 목이 졸렸대요 목에 빨간 자국이 있어요",
        "아래층에서 애가 밤새 엄마 부르면서 울어요 부모 차는 며칠째 없어요",
        "애가 아파트 옥상 난간에 앉아 있어요 내려오라고 해도 안 와요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "a neighbour's child crying once, a bench to sit on": (
        "아래층에서 애 우는 소리가 잠깐 났어요",
        "애가 공원 벤치에 앉아 있어요 데리러 가요",
    ),
    "bleach and detergent bought or used": ("락스 냄새가 싫어서 다른 세제 써요", "세제를 사야 해요 애 봐주실 분 잠깐"),
    "crying for mother, every night or at daycare": (
        "4살 애가 새벽에 깨서 엄마 찾으며 울어요 매일 그래요 수면 상담 받고 싶어요",
        "어린이집에서 애가 엄마 없다고 울었대요 적응 기간이라서요",
    ),
    "a kind neighbour": ("이웃집 아저씨가 애한테 사탕을 줬대요 고맙다고 인사했어요",),
    "a photo of the head, blank then laughing, sent home": (
        "애 머리 사진을 찍었어요",
        "넘어졌는데 멍하니 있다가 웃어요",
        "학교에서 애를 돌려보냈어요 열나서",
    ),
    "not back yet, coming tomorrow": ("애가 할머니 댁에서 아직 안 왔어요 내일 온대요",),
    "no word from an adult or a friend who moved": (
        "애 담임 선생님이랑 연락이 안 돼서 답답해요",
        "우리 애 친구가 이사 가서 연락이 끊겼어요 아쉽네요",
    ),
    "가 before 출근·출장 (가출 inside)": (
        "애가 엄마 찾으면서 우는데 제가 출근해야 해서요 아침에 봐주실 분",
        "남편이 출장 가서 애가 아빠 찾아요",
    ),
    "an injury under treatment (목발, 치료받으러 다녀요)": (
        "아이가 다리를 다쳐서 목발 짚어요 등하교 도와주실 분 있나요",
        "애가 화상 치료 받으러 병원 다니는데 그동안 동생 봐주실 분",
    ),
    "금방 친해져요 (방치 inside), holding the breath": (
        "애가 놀이터에서 모르는 애랑 금방 친해져요",
        "애가 숨 참기 시합을 했대요",
    ),
    "no word because phones are collected": ("애가 수련회 가서 연락이 안 돼요 원래 폰을 걷는대요",),
    "it was a game": ("애가 형한테 맞았다고 이르는데 장난이었대요",),
    "a sound in sleep, a sweet eaten": (
        "아기가 잘 때 휘파람 같은 소리를 내요 귀여워요",
        "사탕을 입에 넣었는데 금방 없어졌어요 ㅋㅋ",
    ),
    "practising being alone": ("애가 혼자 있는 연습 중이에요 10분씩",),
    "afraid of a scolding, or of driving in snow": (
        "애가 아빠한테 혼날까봐 성적표를 숨겼어요 ㅋㅋ",
        "눈이 많이 와서 무서워서 집에 못 가고 있어요 애 봐주실 분",
    ),
    "a thing torn (not a body)": ("장난감도서관에서 빌린 공이 찢어졌어요 어떻게 해야 하나요", "손수건이 찢어졌어요"),
    "an intake with an adult's accident and a child's scrape seen to": (
        "애 아빠가 어제 교통사고로 다쳐서 입원했어요 애들은 괜찮아요 이번 주 저녁에 봐주실 분",
        "어린이집에서 애가 친구랑 놀다가 넘어져서 무릎이 까졌대요 선생님이 소독해주셨대요 내일 오후에 봐주실 분",
    ),
    "a fall, then playing again": (
        "놀이터에서 철봉에서 떨어졌는데 울지도 않고 또 매달려요",
        "애가 뒤로 꽈당 넘어졌는데 툭툭 털고 일어나서 뛰어다녀요",
    ),
    "absorbed, not answering": (
        "아이가 멍하니 티비만 봐요 불러도 대답을 안 해요",
        "애가 게임하느라 불러도 대답이 없어요",
    ),
    "frightened by a story or film": ("아빠가 공포영화 보여줘서 애가 벌벌 떨어요", "애가 천둥 소리 나면 벌벌 떨어요"),
    "limping from small shoes": ("아이가 다리를 절뚝거리는데 신발이 작아서 그런가 봐요",),
    "경상도, everyday": (
        "얼라가 감기 걸리가 어린이집 몬 간다 내일 봐줄 사람 있나",
        "손주놈이 할매 집에 와서 안 갈라칸다",
        "아들래미가 축구하다 넘어졌는데 멀쩡하다",
    ),
    "a parent about to faint (직전, 하겠)": (
        "애가 밤새 울어서 저 기절하기 직전이에요",
        "쌍둥이 보다가 제가 기절하겠어요 주말 돌봄 있나요",
    ),
    "a first-aid question (응급처치)": ("아이 화상 응급처치 방법 알려주세요",),
    "startling like a seizure": ("아기가 밤에 경기하듯 깜짝깜짝 놀라요 정상인가요",),
    "a child throws a thing": ("애가 화나면 장난감을 바닥에 내던져요 훈육 방법 알려주세요",),
    "one smack, the parent asks": ("마트에서 애가 떼써서 엉덩이 한 대 때렸는데 제가 너무했나요",),
    "a bump seen to by the teacher": ("애가 유치원에서 친구랑 부딪혀서 이마에 혹이 났대요 선생님이 냉찜질 해주셨대요",),
    "a parent of a school child is hit (저를)": ("저는 초3 엄마예요 남편이 저를 때려요 이혼 상담 받을 곳 있나요",),
    "a thing fallen in the water": ("애가 물에 빠진 장난감 건지려다 옷 젖었어요",),
    "coming home late on purpose": ("애가 학교 끝나고 바로 안 오고 놀이터 들렀다 온대요",),
    "other senses, short": (
        "애가 시험에서 떨어졌어요 ㅠ",
        "애 이가 빠졌어요 드디어",
        "애가 게임에 빠져서 큰일이에요",
        "애가 모기한테 물렸어요",
    ),
    "a fall, stopped crying, eating": ("침대에서 쿵 떨어졌는데 울다가 금방 그치고 우유 잘 먹어요",),
    "hit in play": ("애가 형이랑 베개싸움하다 맞았다고 울어요", "물총 맞았다고 애가 삐졌어요"),
    "cannot eat because sick": (
        "애가 수족구라 입안이 헐어서 밥도 못 먹어요 내일 봐줄 분",
        "목이 부어서 밥도 못 먹어요 애가 편도염이래요",
    ),
    "limp all day with the flu": ("독감이라 애가 하루종일 축 처져 있어요 내일 봐줄 사람",),
    "안 올라가요 (not 안 와요)": ("애가 계단을 무서워해서 안 올라가요", "열이 안 올라요 해열제 먹였어요"),
    "to the point of (-도록)": ("애가 숨이 차도록 뛰어놀았어요 오늘 운동회였어요",),
    "a dream": ("애가 물에 빠지는 꿈을 꿨대요", "꿈에서 애가 없어져서 깼어요 너무 무서웠어요"),
    "out alone and back": ("애가 혼자 나갔다가 금방 들어왔어요", "초5 아들이 혼자 나갔어요 학원 간다고"),
    "missing the child who is away": ("애가 할머니 집에 가서 안 보이니까 허전해요",),
    "clothes and things torn": ("애가 그림책 찢어져서 울어요",),
    "a little blood after the dentist": ("애가 치과에서 이 뽑았는데 피가 좀 나요",),
    "a missing-child poster or alert": (
        "우리 애가 실종 아동 전단지를 보고 무서워해요",
        "실종경보 문자 보고 애가 자꾸 물어봐요",
    ),
    "놀이기구 타다 (구타 inside)": (
        "애가 놀이기구 타다가 무서워서 울었어요",
        "헬스장 운동기구 타다가 애 맡길 데가 없어서요",
    ),
    "settled by an adult": ("아들이 학원에서 형한테 맞았는데 원장님이 잘 해결해 주셨어요 다른 학원도 알아봐요",),
    "a first-aid question": (
        "애가 사탕 먹다 목에 걸리면 어떻게 해요 응급처치법 알려 주세요",
        "영아 심폐소생술 배우는 곳 있나요",
    ),
    "swallowed and passed": ("지난달에 동전 삼켰는데 변으로 잘 나왔어요 장난감 빌리려고요",),
    "shaking with cold or chills": (
        "추워서 온몸을 파르르 떨어요 두꺼운 이불 빌릴 수 있나요",
        "열 오르면서 오한 때문에 덜덜 떨어요 내일 봐주실 분",
    ),
    "an empty bottle, crumbs at the mouth": (
        "영양제통이 비어서 새로 사야 해요",
        "애 입가에 쿠키 가루 잔뜩 묻었어요 ㅎㅎ",
    ),
    "a child who lays hands on others": (
        "둘째가 화나면 엄마한테 손대요 어떻게 고쳐요",
        "애가 동생한테 자꾸 손대서 속상해요",
    ),
    "hurt nowhere, eating now": (
        "침대에서 굴러 떨어졌는데 다친 데 하나 없고 지금 밥 먹고 있어요",
        "뒷통수 박았는데 혹도 없고 잘 놀아요",
    ),
    "a child's hand let go and found": ("마트에서 손 놓쳤는데 금방 찾았어요 식겁했네요",),
    "a question about discipline": ("훈육할 때 엉덩이 때려도 되나요", "훈육 방법 상담받고 싶어요 애가 말을 안 들어요"),
    "a past visit to the emergency room": ("4살 딸 그저께 응급실 다녀왔는데 장염이래요 내일 집에서 봐주실 분",),
    "a stuffy nose": (
        "애기 코가 막혀서 숨을 못 쉬어서 잠을 설쳐요 콧물 흡입기 어디서 빌려요",
        "비염 때문에 숨쉬기 힘들어하는데 이비인후과 추천해 주세요",
    ),
    "a child who hits": ("둘째가 화나면 동생 머리채를 잡아당겨요 훈육 어떻게 해요", "아들이 형을 걷어차서 혼냈어요"),
    "words of hitting in other senses": (
        "공을 발로 뻥 걷어찼대요 축구 배우고 싶대요",
        "비가 세차게 후려쳐서 우산이 뒤집혔어요",
    ),
    "a fever at home": (
        "해열제 먹고 자는데 내일 어린이집 못 가요 봐주실 분",
        "애가 중이염이라 내일 집으로 와 주실 분 있을까요",
    ),
    "dialect, not danger": ("아가 어린이집 간다꼬 신났다", "동생이 학원 차 놓칬다 데리러 가야 된다"),
    "a spoken sense of 짓": ("애가 요즘 이상한 짓을 해서 웃겨요 ㅋㅋ", "아들이 못된 짓을 해서 반성문 썼어요"),
    "a plan to leave children": ("다음주에 애 둘만 두고 나가야 되는데 봐줄 분 있나요",),
    "foam in play": ("애가 비누 거품 불면서 놀아요 입에 거품 묻었어요 ㅎㅎ",),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts], ids=str)
def test_danger_of_each_class_is_caught(kind: str, text: str) -> None:
    assert _danger(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in LOOKALIKES.items() for t in texts], ids=str)
def test_lookalikes_of_each_class_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), f"{kind}: {text}"


def _probe() -> list[tuple[str, bool]]:
    rows = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["text"], row["expect"]["danger"]) for row in rows]


@pytest.mark.parametrize(("text", "expected"), _probe(), ids=str)
def test_the_probe_batch_stays_right(text: str, expected: bool) -> None:
    assert _danger(text) is expected, text


def test_the_probe_batch_has_both_sides() -> None:
    rows = _probe()
    assert sum(e for _, e in rows) >= 30 and sum(not e for _, e in rows) >= 30


SITUATION_WORDS = (
    ("4살 딸이 중이염이라 내일 어린이집 못 가요 봐주실 분", "home-care"),
    ("세 살 아들 해열제 먹고 자는데 내일 아침부터 봐줄 사람 있나요", "home-care"),
    ("다섯 살 아이 데리고 갈 수가 없어요 내일 시아버님 발인이라서요", "emergency-119"),
    ("여섯 살 딸, 오늘 상갓집 가야 해서 밤까지 맡길 곳", "emergency-119"),
    ("4살 아들 맨발인데 놀이터 가도 되나요 장난감 빌리고 싶어요", "toy-library"),
)
"""Not danger, but they route care: a sick child goes to home visits, a family's funeral to 119돌봄센터 first."""


def test_sick_and_funeral_words_route_through_dolbom_understand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOLBOM_KNOWLEDGE_DIR", str(Path(__file__).parent.parent / "knowledge"))
    out = io.BytesIO()
    stdin = "".join(f"{text}\n" for text, _ in SITUATION_WORDS).encode()
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(stdin)})())
    monkeypatch.setattr(sys, "stdout", type("Out", (), {"buffer": out})())
    assert main(["understand", "--now", "2026-12-08T10:15"]) == 0
    lines = [json.loads(x) for x in out.getvalue().decode("utf-8").splitlines()]
    assert [line["services"][0] for line in lines] == [first for _, first in SITUATION_WORDS]
    assert not any(line["danger"] for line in lines)
