"""Words that correct what was just said in the same message ("목요일 아니고 화요일", "5시.. 아 6시부터"), and the
clock times left once such a correction replaces the one before it."""

from __future__ import annotations

import re

from routing.clocks import Said, clock
from routing.hours import HOURS_WORDS, MARK

AMENDED = re.compile(
    r"아니(?!면|라도|어도|지만|었|던)|말고|대신|취소|정정|잘못|(?<!데)려다가?|[-=]>|→|\(\s*[xX×]\s*\)"
    r"|(?:[었였던인]\s*(?:가|나)\s*[?.~…]*|[?.~…,!]\s*)\s*(?:아+|앗|아참|참)(?![가-힣])"
)
"""Between two days or two hours, the later one corrects the earlier ("목요일 아니고 화요일", "수요일.. 아 금요일",
"목요일 대신 금요일", "3시였나? 아 4시"); not "월요일 아니면 화요일" (either), nor "3시에 데려다 줄게요" (taking the
child there)."""
LETTERS = re.compile("[아말대취정잘려>→(참앗]")
"""Every correction holds one of these letters."""


_HESITATED = re.compile(
    rf"(?:{MARK})(?P<gap>\s*(?:\.{{2,}}|…+)\s*(?:아+|음+|어+)\s*)(?=[0-9]{{1,2}}\s*시|(?:{HOURS_WORDS})\s*시)"
)
"""A half-of-day word, a pause, then its hour ("밤.. 아 10시까지"): one time said haltingly, not a correction."""


def unhesitated(text: str) -> str:
    """The text with the pause between a half-of-day word and its hour blanked (same length: places kept)."""
    return _HESITATED.sub(lambda m: m.group()[: m.start("gap") - m.start()] + " " * len(m["gap"]), text)


_END_AMENDED = re.compile(r"\s*까지요\s+(?:아+|앗|아참)\s*$")
"""Between an end and the next time: the end said again ("2시부터 8시까지요 아 6시까지로 해주세요")."""


def amended_times(text: str, said: list[Said]) -> list[Said]:
    """The times left once a correction in words replaces the one before it ("5시 아니 6시부터", "6시까지.. 아
    7시까지"): a corrected end keeps the start said before it; a corrected bare hour keeps the half of the day of
    the hour it replaces (its 오전/오후 word, or the afternoon of a bare 1-5)."""
    for i in range(len(said) - 1, 0, -1):
        old, new = said[i - 1], said[i]
        if (AMENDED.search(text, old.stop, new.at) is None and _END_AMENDED.match(text, old.stop, new.at) is None) or (
                _other_end(old, new, said[i + 1:])):
            continue
        mark = old.mark or ("오후" if not old.sure and 1 <= old.hour <= 5 else None)
        if new.mark is None and not new.sure and mark is not None:
            minutes = clock(new.hour, new.minute, mark)
            if minutes is not None:
                new = Said(minutes, new.hour, new.minute, mark, new.role, True, new.at, new.stop)
        if new.role == "end":
            kept = [s for s in said[: i - 1] if s.role != "end"]
        elif new.role != "end" and old.role != "start" and (pair := _range_before(said[: i - 1], old)) is not None:
            start, end = pair
            if end is not None:  # "5시부터 8시.. 아 5시 아니고 6시(부터)요": the start corrected, the end kept
                return [new._replace(role="start"), end, *said[i + 1 :]]
            # "5시부터 8시.. 아 8시 아니고 8시반이요": the end corrected, the start kept
            kept = [] if new.role else [start]
        else:
            kept = []
        return [*kept, new, *said[i + 1 :]]
    return said


def _range_before(before: list[Said], old: Said) -> tuple[Said, Said | None] | None:
    """The range said before a bare time ``old`` that a correction replaces: its start, and its end when ``old``
    restates the start (the start is corrected, the end stays); None when no start is said before ``old``."""
    start = next((s for s in reversed(before) if s.role), None)
    if start is None or start.role != "start":
        return None
    if (start.hour, start.minute) != (old.hour, old.minute):
        return start, None
    end = next((s for s in before[before.index(start) + 1 :] if s.role != "start"), None)
    return (start, end) if end is not None else None


def _other_end(old: Said, new: Said, after: list[Said]) -> bool:
    """An end, then a start with no end after it: the two ends of one window, whatever is said between them ("5시까지요
    아까 잘못 썼어요 내일 9시부터": the correction was of an earlier message), not a range said again."""
    return old.role == "end" and new.role == "start" and not any(s.role == "end" for s in after)
