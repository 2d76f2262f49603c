"""What a message asks besides its facts: care asked for, a visit to a service named, a carer's emergency told as
happening now (so care is today), hours that describe the service rather than a day of care."""

from __future__ import annotations

import re

VISIT = re.compile(
    r"(?:빌리|반납하|대여하|구경하|신청하|받으|방문하|들르|가|오)(?:러|려(?:고|구|는데|면|요))|(?:가도|가면|와도|오면)(?:되|돼)|받을수있"
    r"|(?:빌릴|반납할|대여할)수|도착하"
    r"|(?:기간|대여|대출|반납|반납일)연장|빌린(?:거|것|게)|빌렸"
)
"""Going to the service asked about, or a loan's own dates ("대여기간 연장되나요? 지금 빌린거 화욜까지인데")."""
SUCH = re.compile(r"그런(?:것|거|게|서비스)(?:도|이|가|은|는)?(?:있|되|돼|하)")
"""Whether such a service exists ("등원 도우미? 그런것도 있나요 아침 7시반부터 9시까지"): hours describe the service
wanted, not today."""
CARE_WORDS = re.compile(r"맡[기길겨아]|봐[주줄줘야]|돌[봐보]|동안|사이에|케어|시터|보살")
HAPPENING = re.compile(
    r"갑자기|긴급|급하|급해|급합|급히|지금|방금|당장|구급차|실려|응급실|진통(?:이)?(?:와|왔|오|시작)|양수(?:가)?터|위독"
    r"|병원(?:에)?(?:가야|가봐야|가봐|따라가|데려가|왔|와있)|연락(?:이)?와서|수습|비상|119(?:를)?(?:타고|불렀|불러)"
    r"|(?:새벽|밤늦게|밤중)에?죄송|조퇴|데리러오(?:래|라)|데려가(?:래|라(?:는|고|했|하|네|세))|연락(?:이)?왔"
    r"|(?:새벽|간밤)(?:에|부터)[가-힣]{0,10}?(?:해서|돼서|되서|나서|져서|쳐서|셔서|당하|당해|당했|났|셨)"
    r"|(?:입원(?:을)?(?:하)?|병원(?:에)?(?:실려)?가|응급실(?:에)?가)셨(?:대|다(?:카|캐|고|네|는)|어|네|습니다|다(?![가-힣]))"
)
"""A carer's emergency told as happening now ("갑자기 쓰러지셔서 구급차 불렀어요"), as what befell in the small hours
of today ("새벽에 부친상 당해서", "새벽부터 오작동해서") or as just heard ("병원 가셨다 카네요", "입원하셨대요"), or a
sick child sent home now ("어린이집에서 데려가라는데"): with no day said, care is today."""
LATER = re.compile(
    r"예정|다음|나중|혹시|만약|만일|미리|대비|마다|(?:할|날|길|긴)때|(?<!끝)[지하되으있기나]면(?!서)|작년|지난|저번|적있|적이있|했었|갔었|셨었"
)
"""A case, a plan, a habit or a story ("수술 예정이라", "급한 일 생기면", "작년에 응급실 갔었는데"): not today."""
CARE_ASKED = re.compile(
    r"맡길|맡기고싶|맡겨야|맡길수|봐줄|봐주실|봐주시|돌봐줄|돌봐주실|돌봐주시|맡기는(?:곳|데있|데가|방법)|맡아주는(?:곳|데)|봐주는곳"
    r"|(?:어린이집|유치원|학교)(?:에|은|는|도|을|를)?(?:못|몬)(?:보내|보낼|가|갈)|(?:도와|와)(?:주실|줄)(?:분|사람)|와줬으면"
)
"""A request for care ("맡길 곳", "봐주실 분", "와서 도와주실분"), or a child kept from daycare ("내일 어린이집 못 보낼
거 같아요"), in the compact text."""


CARE_FIRST = frozenset(("emergency", "sick", "at_home"))
"""Situations that make a request for care the point of the message, whatever topic it names on the way ("남편이
건강검진에서 암이 발견돼서 갑자기 내일 입원해요 … 맡길 데가 없어요")."""
ALL_DAY = re.compile(r"하루\s*종일|온종일|종일|하루\s*내내")
CLOCK = re.compile(r"[0-9]\s*(?:시|:)|[한두세네]\s*시|(?:다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s*시")


def visiting_hours(compact: str) -> bool:
    """Whether the hours said are for going to the service asked about, not for care: a visit said, no care asked;
    or the only hours are a whole day told about the parent's life ("하루 종일 아기랑만 있으니 우울해요")."""
    if CARE_WORDS.search(compact) is not None:
        return False
    idle = ALL_DAY.search(compact) is not None and CLOCK.search(compact) is None
    return idle or VISIT.search(compact) is not None
