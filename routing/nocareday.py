"""A question about a programme, a benefit or a place that asks for no care: the day it tells about (what happened
today, a deadline to meet) is no care day."""

from __future__ import annotations

import re
from datetime import date

from routing.asking import CARE_ASKED, CARE_WORDS

STORY = re.compile(
    r"(?:오늘|지금)(?:도|은|는|따라|까지)?\s*(?:[가-힣0-9]+\s*){0,5}?[가-힣]*"
    r"(?:했|었|았|였|웠|났|갔|왔|됐|셨|쳤|렸|싸워|싸우)(?:네요|어요|네|는데|더니|다가|고|음|다)"
)
"""What happened today, told ("오늘도 숙제 하라고 했다가 싸웠네요", "오늘 문자 보고 알았네요")."""
DEADLINE = re.compile(
    r"(?:안에|안으로|이내에|이내로)\s*(?:꼭\s*)?(?:받아야|신청해야|맞아야|접종해야|해야|내야)")
"""A deadline to meet ("이번달 안에 받아야 하는거 맞죠?"): when the programme is due, not when care is ("토요일은
몇시까지 가야돼요" is a visit's day, kept)."""
NOW_SAID = re.compile(r"지금\s*(?:초등학교|초|중|고|[0-9]+\s*(?:살|개월|학년)|유치원|어린이집)")
"""지금 before what the child is now ("지금 초등학교 2학년인데"): no time now."""


def no_care_day(text: str, topics: tuple[str, ...], info: frozenset[str], situations: frozenset[str],
                day: date | None, today: date) -> bool:
    """Whether the day read is none to care on: every topic an info service's, no situation, no care asked, and
    the day today told in a story or a deadline to meet."""
    if day is None or not topics or situations or not info.issuperset(topics):
        return False
    compact = "".join(text.split())
    if CARE_WORDS.search(compact) is not None or CARE_ASKED.search(compact) is not None:
        return False
    return DEADLINE.search(text) is not None or (day == today and (
        STORY.search(text) is not None or NOW_SAID.search(text) is not None))
