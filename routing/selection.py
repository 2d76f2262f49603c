"""The one child of several that a message singles out for care ("9살 6살 2살 막내만", "둘째만", "초1만", "딸만")."""

from __future__ import annotations

import re

from routing.need import Child

_WHO = (
    r"(?:(?P<rank>첫째|첫애|큰\s*(?:애|아이|딸|아들|놈)|둘째|셋째|넷째|작은\s*(?:애|아이|딸|아들|놈)|막내)이?"
    r"|초\s*(?P<grade>[1-6])|(?P<grade2>[1-6])\s*학년"
    r"|(?P<n>[0-9]{1,2})\s*(?P<unit>살|세|개월)(?:\s*짜리|\s*인\s*(?:애|아이)|\s*(?:된\s*)?(?:아기|애기|아가))?"
    r"|(?P<kin>딸|아들)|(?P<twins>쌍둥이|쌍둥이들|쌍디|둥이들))"
)
_ONLY = re.compile(
    rf"(?<![가-힣0-9]){_WHO}만"
    r"(?!\s*(?:빼고|빼면|제외|말고|아니|[0-9]+\s*(?:살|세|개월|명|학년)|둘|셋|넷|두\s|세\s|되|돼|넘|지나|해도|하면|있|없|으로"
    r"|이라도))"
)
"""A child named with 만 ("only"), not "막내만 빼고" (all but), "딸만 둘" (daughters only), "4살만 돼도" (once four)."""
_CARED = re.compile(
    rf"(?<![가-힣0-9]){_WHO}\s*(?:를|을|좀|만)?\s*(?:봐줄|봐주실|봐주세요|맡길|맡기고|맡겨야|돌봐줄|돌봐주실)"
)
"""A child named by birth order as the one care is asked for ("둘째 봐줄 사람이 없어요")."""
_AWAY = re.compile(
    rf"(?<![가-힣0-9]){_WHO}\s*(?:은|는)\s*(?:[가-힣0-9]{{1,4}}\s*)?(?:학교|어린이집|유치원|학원|돌봄교실|집)\s*(?:에\s*)?"
    r"(?:가고|가서|가니까|가는데|가면|다니고|다니니까|있고|있으니까|있음|있어요|있어서|있으니)"
)
"""One of two children placed elsewhere ("큰애 9살은 학교 가고 6개월 된 작은애 낮에"): the care is for the other one."""
_TAKEN = re.compile(
    rf"(?<![가-힣0-9]){_WHO}\s*(?:형|누나|오빠|언니|동생)?\s*(?:은|는)\s*(?:[가-힣0-9]{{1,8}}\s*){{0,3}}?"
    r"(?:(?:제가|저희가|저랑|같이|다)?\s*(?:데려가|데리고\s*가|데려갈|데리고\s*갈)(?!\s*주|줄|달)"
    r"|(?:아빠|남편|신랑|할머니|할머님|할아버지|시어머니|시어머님|친정엄마|친정|이모|고모|삼촌|언니|누나|형|오빠)"
    r"\s*(?:가|이|께서)\s*(?:[가-힣]{1,4}\s*)?(?:데려오|데려온|데리고\s*오|봐주|봐준|돌봐|맡아|챙겨|픽업))"
)
"""One of two children taken along or looked after by someone else ("큰애 초6은 데려가고", "큰애는 학원갔다가
아빠가 데려온대요"): not the one to place."""
_KIN_AGE = re.compile(
    r"(?:초\s*(?P<g>[1-6])|(?P<n>[0-9]{1,2})\s*(?P<unit>살|세|개월))\s*(?:짜리\s*|인\s*)?(?P<kin>딸|아들)(?![가-힣]*\s*(?:둘|셋))"
    r"|(?P<kin2>딸|아들)\s*(?:은|는|이|이가|가)?\s*(?:초\s*(?P<g2>[1-6])|(?P<n2>[0-9]{1,2})\s*(?P<unit2>살|세|개월))"
)
"""A son or daughter with an age or grade said beside ("6살 딸", "아들은 초2")."""
_RANKS = {"첫": 1, "큰": 1, "둘": 2, "셋": 3, "넷": 4}


def _months(child: Child) -> int | None:
    return child.age_months if child.age_months is not None else (
        (child.school_grade + 6) * 12 if child.school_grade else None)


def _aged(children: tuple[Child, ...], n: str, unit: str | None, grade: str | None) -> Child | None:
    """The child of that age ("4살") or grade ("초1") among the children."""
    if grade:
        return next((c for c in children if c.school_grade == int(grade)), None)
    months = int(n) * (1 if unit == "개월" else 12)
    return next((c for c in children if c.age_months == months), None)


def singled_out(text: str, children: tuple[Child, ...]) -> Child | None:
    """The child the text asks care for alone among several, by birth order, age, grade or son/daughter, or the
    other of two when one is placed elsewhere; None when it singles out none. Birth orders go by age when every age
    is known, else by the order of ``children``."""
    m = _ONLY.search(text) if "만" in text else None
    if m is not None:
        return _named(m, text, children)
    if "봐" in text or "맡" in text or "돌" in text:
        cared = list(_CARED.finditer(text))
        if len(cared) == 1 and cared[0]["rank"]:
            return _named(cared[0], text, children)  # "3월 2일 둘째 봐줄 사람이 없어요 … 첫째는 초1": the 둘째
    if len(children) == 2 and (away := _AWAY.search(text) or _TAKEN.search(text)) is not None:
        there = _named(away, text, children)
        return None if there is None else children[1] if there is children[0] else children[0]
    return None


def _named(m: re.Match[str], text: str, children: tuple[Child, ...]) -> Child | None:
    if m["rank"]:
        rank = _RANKS.get(m["rank"][0], len(children))
        months = [_months(c) for c in children]
        known = [c for c, mo in zip(children, months, strict=True) if mo is not None]
        if None in months and rank >= len(children) and len(known) == 1 and (_months(known[0]) or 0) < 36:
            return known[0]  # "애 셋인데 막내만 … 14개월": the one age said is the youngest's
        ordered = children if None in months else tuple(
            c for _, c in sorted(zip(months, children, strict=True), key=lambda p: -p[0]))  # type: ignore[arg-type, operator]
        return ordered[min(rank, len(ordered)) - 1]
    if m["twins"]:  # the age said twice: the twins' ("쌍둥이 3살이고 큰애 초5 … 쌍둥이만")
        months = [c.age_months for c in children]
        return next((c for c in children if c.age_months is not None and months.count(c.age_months) > 1), None)
    if m["kin"]:
        for k in _KIN_AGE.finditer(text):
            if (k["kin"] or k["kin2"]) == m["kin"]:
                return _aged(children, k["n"] or k["n2"], k["unit"] or k["unit2"], k["g"] or k["g2"])
        return None
    return _aged(children, m["n"], m["unit"], m["grade"] or m["grade2"])
