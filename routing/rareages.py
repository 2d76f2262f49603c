"""The rare ways a child's age is said (birth dates, class names, years and months, months after a first birthday,
middle and high school): their pattern, searched only when a letter they need is in the message, and their reading."""

from __future__ import annotations

import re
from datetime import date

from routing.numbers import NATIVE_RE, SINO_RE, value
from routing.schoolyear import class_months, since

MAX_YEARS = 18
"""A larger 'N살' is a parent's own age ("35살 엄마"), not a child's."""
UPPER_FROM_YEARS = 12
"""A middle-school child in grade N is about 12 + N years old (a high-school one 15 + N): past every care
service's ages, which is all the reading needs to say ("중2 아들" is 168 months; an age said beside it wins)."""

NTH_MONTH = r"\s*(?:아기|아가|애기|남아|여아|딸|아들|예요|이에요|에요|인데|$)"
"""After 째 or 차: the month of life a baby is in ("7개월째 아기", "두 달째예요"), not a span ("두 달째 맡기고")."""
MONTH = (
    r"(?:개월|개얼|게월|깨월|개윌"
    r"|(?<![일이삼사오육륙칠팔구십])(?<![일이삼사오육륙칠팔구십]\s)달"
    r"(?=\s*(?:반\s*)?(?:된|됐|됬|되었|돼|짜리|아기|아가|애기|아들|딸|이에요|이예요|이요|예요|에요|인데|이고|이구|이라(?!도)"
    r"|이니|이야|$|(?:째|차)(?=" + NTH_MONTH + "))))"
)
"""개월 and its common typos; 달 only where it says an age ("두 달 된 아기", "일곱달이라", "한 달 반 된"), not a span
("한 달 동안", "두 달마다"), and only after a native numeral or digits: "이 달" is this month, not two months."""
RARE = rf"""
      (?<![0-9])(?P<by>(?:19|20)?[0-9]{{2}})\s*(?:년|[.\-/])\s*(?:(?P<bm>[0-9]{{1,2}})\s*(?:월|[.\-/])?\s*
        (?:(?P<bd>[0-9]{{1,2}})\s*일?\s*)?)?(?:생(?!각|활|일)|출생|(?:에\s*)?(?:태어|낳았|낳은(?!\s*지)))
  | (?<![가-힣])(?P<ry>작년|올해|재작년|지난\s*해|금년|(?P<ryn>[1-9]|한|두|세|네|다섯|여섯)\s*년\s*전)\s*(?:에\s*)?
        (?P<rym>[0-9]{{1,2}})\s*월\s*
        (?:(?P<ryd>[0-9]{{1,2}})\s*일\s*)?
        (?:생(?!각|활|일)|출생|에\s*태어)
  | (?<![가-힣])(?P<soon>다음\s*주|담주|다음\s*달|담달|다담주|이번\s*주|이번\s*달|곧|내일|낼\s*모레|낼|모레
        |며칠\s*(?:후|뒤|있으면))\s*
        (?:가|는|이|에|이면|면|쯤|쯤에)?\s*(?:(?P<sy>[2-6]|두|세|네|다섯|여섯)\s*)?돌
        (?=\s*(?:이에요|이예요|예요|에요|이요|인데|이고|이구|이라|이거든|이니|입니다|돼|되|됩|[.,!?~ㅎㅋㅠㅜ]|$))
  | (?:생일|생년월일|출생일)\s*(?:은|는|이|:)?\s*(?<![0-9])(?P<bb>(?:19|20)?[0-9]{{2}})\s*(?:년|[.\-/])\s*
        (?P<bbm>[0-9]{{1,2}})\s*(?:월|[.\-/])?\s*(?:(?P<bbd>[0-9]{{1,2}})\s*일?)?
  | (?P<cm>만\s*)?(?<![0-9])(?P<cls>[0-7])\s*세\s*반(?!찬|대|드시)
  | (?<![0-9])(?P<ny>[0-9]{{1,2}}|(?<![가-힣])(?:한|두|세|네))\s*년\s*
        (?:(?P<nym>[0-9]{{1,2}}|{SINO_RE}|{NATIVE_RE})\s*{MONTH}|(?P<nyh>반))(?!\s*(?:동안|간|째|후|뒤|전|만에|넘게|이상))
  | (?:(?P<dm_y>[0-9]{{1,2}}|(?<![가-힣])(?:두|세|네))\s*|(?<![가-힣]))돌\s*
        (?:지나고|지나서|지난\s*지|지나|하고|넘고)\s*
        (?P<dm>[0-9]{{1,2}}|{SINO_RE}|{NATIVE_RE})\s*(?:개월|달)
  | (?P<pre>예비\s*(?:초등학생|초등|초딩|초1|1\s*학년|일\s*학년))
  | (?:생후\s*)?(?<![0-9])(?P<ad>[0-9]{{1,3}})\s*일\s*
      (?=된|됐|됬|되었|짜리|밖에|아기|아가|\s+(?:된|됐|됬|되었|짜리|밖에|아기|아가)|(?:막\s*|갓\s*)?(?:지난|넘은)\s*(?:아기|아가|애기))
  | (?<![가-힣])(?:아기|애기|아가)(?:는|가)?\s*(?:(?:이제|벌써|딱|막)\s*)?(?P<ad2>[0-9]{{1,3}})\s*일\s*
      (?=이에요|이예요|이요|째|됐|이라|입니다|(?:막\s*|갓\s*|좀\s*)?(?:지났|넘었|지난|넘은))
  | 생후\s*(?P<wk2>[0-9]{{1,2}})\s*주(?![0-9가-힣])
  | (?:(?<=기)|(?<=기\s)|(?<=가)|(?<=가\s)|(?<=지)|(?<=지\s))(?P<wk3>[0-9]{{1,2}})\s*주\s*
      (?=이에요|이예요|인데|이요|째|됐|됬|되었|이라|입니다|예요|$|[.,!?~ㅠㅜ])
  | (?<![0-9])(?P<wk>[0-9]{{1,2}})\s*주\s*(?:차|째)?\s*
      (?=된|짜리|밖에|아기|아가|애기|신생아|\s+(?:된|짜리|밖에|아기|아가|애기))
  | (?<![가-힣])(?:(?P<up>중|고)(?:학교|등학교|등학생|학생|등)?\s*(?P<upn>[1-3])(?![0-9])
        (?!\s*(?:일|시|분|월|개|살|세|명|번|간|층|반|만))(?:\s*학년)?
      | (?P<upw>중학생|중딩|고등학생|고딩|중학교|고등학교)(?!\s*(?:[1-3]|[일이삼]\s*학년|때|시절|선생|교사|과정)))
  |"""
"""Birth dates (also a month in a year said from today: "작년 10월생"), a birthday coming ("다음주에 돌인데": a month
short of it), class names, years and months, months after a first birthday, middle and high school: few
messages hold them, so they are searched only when a letter they need is there (one pattern for all would slow
every message)."""
RARE_LETTERS = re.compile(
    r"년|생|태어|세\s*반|돌\s*(?:지나|지난|하고|넘고)|중\s*[1-3]|중학|중딩|고\s*[1-3]|고등|고딩"
    r"|(?:주|달|곧|일|낼|레|있으면|후|뒤)\s*(?:가|는|이|에|이면|면|쯤|쯤에)?\s*(?:[2-6]|두|세|네|다섯|여섯)?\s*돌(?!잔|봄|보)"
    r"|예비|일\s*(?:된|짜리|밖에|아기|아가|지난|넘은|지났|넘었|막|갓|좀|이에요|이예요|이요|째|됐|이라|입니다)"
    r"|주\s*(?:차|째)?\s*(?:된|짜리|밖에|아기|아가|애기|신생아)"
    r"|아기[^0-9]{0,4}[0-9]{1,2}\s*주|애기[^0-9]{0,4}[0-9]{1,2}\s*주|아가[^0-9]{0,4}[0-9]{1,2}\s*주"
    r"|낳은[^0-9]{0,4}[0-9]{1,2}\s*주|태어난[^0-9]{0,4}[0-9]{1,2}\s*주|출산한[^0-9]{0,4}[0-9]{1,2}\s*주"
)
"""Every branch starts with a letter, not a group or a class: then the regex engine scans for those first letters
itself, much faster than a first-letter test tried at every place (the same goes for the tests below). Hence the
baby's weeks spelt out once per word: one "(?:아기|애기|...)" branch made every message three times slower here."""


_BORN_VERB = re.compile(r"태어|낳|출산")
_BABY_BEFORE = re.compile(r"(?:아기|애기|아가|낳은\s*지|태어난\s*지|출산한\s*지)(?:는|가)?\s*$")


def since_event(text: str, at: int) -> bool:
    """Whether the span said at ``at`` is the time since something happened ("이사 온 지 3개월", "복직한지 두 달"),
    not a child's age; "태어난 지 두 달" is one."""
    head = text[max(0, at - 8) : at].rstrip()
    if not head.endswith("지"):
        return False
    head = head[:-1].rstrip()
    if not head:
        return False
    final = ord(head[-1]) - 0xAC00
    # the verb before 지 ends in ㄴ (온, 한, 된, 간, 산): "V-ㄴ 지 N" counts the time since it
    return 0 <= final < 11172 and final % 28 == 4 and _BORN_VERB.search(head[-6:]) is None


COMMON = ("", None)
"""What ``rare_mention`` says when the match is none of the rare forms."""


def rare_mention(m: re.Match[str], today: date) -> tuple[str, int | None] | None:
    """``_mention`` for birth dates, class names, years and months, and middle and high school; ``COMMON`` when
    the match is an ordinary form (each match is one of the pattern's alternatives: the groups of the others are
    None)."""
    g = m
    if g["pre"]:
        return "upper", class_months(today, 7, False)  # "예비 초등": a child who starts school next year
    if g["ad"] or g["ad2"]:
        return "age", int(g["ad"] or g["ad2"]) // 30  # "50일 된 아기", "아기 50일이에요"
    weeks = g["wk"] or g["wk2"] or g["wk3"]
    if g["wk3"] and (since_event(m.string, m.start()) or not _BABY_BEFORE.search(m.string, 0, m.start())):
        return None  # "다닌 지 3주": since something; the weeks of a baby named ("애기 8주", "낳은 지 3주") only
    if weeks:
        return "age", int(weeks) * 7 // 30  # "생후 2주", "3주 된 아기", "애기 8주인데", "낳은 지 3주"
    if g["by"]:
        months = since(today, int(g["by"]), int(g["bm"]) if g["bm"] else None, int(g["bd"]) if g["bd"] else None)
        return None if months is None else ("age", months)
    if g["ry"]:  # "작년 10월생", "2년 전 9월에 태어났어요": a birth month in a year said from today
        back = value(g["ryn"]) if g["ryn"] else {"작": 1, "재": 2, "지": 1}.get(g["ry"][0], 0)  # "2년 전 9월에 태어나"
        if back is None:
            return None
        months = since(today, today.year - back, int(g["rym"]), int(g["ryd"]) if g["ryd"] else None)
        return None if months is None else ("age", months)
    if g["soon"]:  # "다음주에 돌인데", "다음달 두 돌": a month short of it
        years = value(g["sy"]) if g["sy"] else 1
        return None if years is None else ("age", years * 12 - 1)
    if g["bb"]:  # "생일이 2021년 3월 5일": the birth date said first
        months = since(today, int(g["bb"]), int(g["bbm"]), int(g["bbd"]) if g["bbd"] else None)
        return None if months is None else ("age", months)
    if g["cls"]:
        return "age", class_months(today, int(g["cls"]), bool(g["cm"]))
    if g["ny"]:
        if since_event(m.string, m.start()):
            return None  # "이사 온 지 1년 3개월": since the move
        years, more = value(g["ny"]), (6 if g["nyh"] else value(g["nym"] or ""))
        if years is None or more is None or years > MAX_YEARS or more > 11:
            return None
        return "age", years * 12 + more
    if g["dm"]:
        years, more = value(g["dm_y"]) if g["dm_y"] else 1, value(g["dm"])
        if years is None or more is None or years > MAX_YEARS or more > 11:
            return None
        return "age", years * 12 + more
    word = g["up"] or g["upw"]
    if word:
        n = int(g["upn"]) if g["upn"] else 1
        return "upper", (UPPER_FROM_YEARS + n + (3 if word[0] == "고" else 0)) * 12
    return COMMON
