"""Words around a message's hours that are not the care's hours: the time now said as a reason, a parent's own
working hours, and English day words inside a Korean message (read as the Korean ones)."""

from __future__ import annotations

import re

from routing.hours import HOURS_WORDS, MARK

_TIME_NOW = re.compile(
    rf"(?:지금|벌써|현재)\s*(?:이|은)?\s*(?:(?:이미|벌써|거의|이제|막|딱)\s*)?(?:시간\s*(?:이|은)?\s*)?(?:(?:{MARK})\s*)?"
    rf"(?:[0-9]{{1,2}}|{HOURS_WORDS})\s*시"
    r"(?:\s*반|\s*[0-9]{1,2}\s*분)?\s*(?:인데|이니까|니까|라서|이라서|예요|이에요|거든요|밖에|넘었|넘어서|다\s*됐|가\s*넘|이\s*넘|쯤인데"
    r"|(?:이)?네요|(?:이)?네(?![가-힣])|(?:이)?잖아|가\s*됐|이\s*됐|됐)"
)
"""The time now, said as a reason ("지금 밤 11시인데 내일 새벽 6시부터"): never the care's hours."""
_BACK_AT = re.compile(
    rf"(?:[0-9]{{1,2}}|{HOURS_WORDS})\s*시(?:\s*반|\s*[0-9]{{1,2}}\s*분)?\s*(?:쯤|정도|경)?\s*(?:에|엔)?\s*"
    r"(?:퇴근|귀가|도착|들어\s*(?:와|오|올|가|갈))"
)
"""A time the parent is back at ("9시 반에 들어가요"): with the time now told, the care runs from now until it."""


def back_at(text: str) -> bool:
    """Whether the text says a time the parent is back at."""
    return _BACK_AT.search(text) is not None


_WORK_WORDS = re.compile(r"근무|출근|교대|나이트|이브닝|알바|일해|일하|업무|영업|시프트|야근")
_ONE_TIME = (
    rf"(?:(?:{MARK})\s*)?(?:[0-9]{{1,2}}(?::[0-9]{{2}})?\s*(?:시(?:\s*반|\s*[0-9]{{1,2}}\s*분)?)?"
    rf"|(?:{HOURS_WORDS})\s*시(?:\s*반)?)"
)
_RANGE_SPAN = re.compile(rf"{_ONE_TIME}\s*(?:부터|에서|~|-|–|〜)\s*{_ONE_TIME}(?:\s*까지)?")
"""A range of two times, whatever its form ("8시~17시", "밤 10시~아침 7시", "9시부터 6시까지")."""
_WORK_AFTER = re.compile(
    r"\s*\)?\s*(?:이|가|는|은)?\s*(?:근무|일해|일하|일을\s*해|출근|교대|알바|업무|영업|수업이라|근무라)"
)
_WORK_BEFORE = re.compile(
    r"(?:근무(?:\s*시간)?|업무(?:\s*시간)?|나이트|이브닝|데이\s*근무|교대\s*근무|시프트|알바)"
    r"\s*(?:은|는|이|가|도|예요|이에요|이라|인데|이고|:)?\s*[(:]?\s*$"
)
"""Working hours said around a range: the parent's own schedule, the reason for care, not its hours."""
_ENGLISH_DAYS = re.compile(r"(?<![a-zA-Z])(?:[tT]omorrow|[tT]oday|[tT]onight)(?![a-zA-Z])")
_KOREAN_DAYS = {"omorrow": "내일", "oday": "오늘", "onight": "오늘 밤"}


def _korean(m: re.Match[str]) -> str:
    """"tomorrow 3pm to 7pm": the day word in Korean, padded so every position in the text stays where it was."""
    word = _KOREAN_DAYS[m.group()[1:]]
    return word + " " * (len(m.group()) - len(word))


def _blank(text: str, start: int, end: int) -> str:
    """The text with one span turned into spaces: every other position stays where it was."""
    return text[:start] + " " * (end - start) + text[end:]


def time_now(text: str) -> tuple[str, bool]:
    """The text without the time now said as a reason ("지금 밤 11시인데"), and whether it was there."""
    if "시" in text and ("지금" in text or "벌써" in text or "현재" in text):
        said = _TIME_NOW.search(text)
        if said is not None:
            return _blank(text, said.start(), said.end()), True
    return text, False


def in_korean(text: str) -> str:
    """English day words in a Korean message ("tomorrow 3pm to 7pm 돌봄 need 해요") as the Korean ones; a message
    all in English is another language, which the dialog answers as such."""
    if "o" in text and ("omorrow" in text or "oday" in text or "onight" in text) and not text.isascii():
        return _ENGLISH_DAYS.sub(_korean, text)
    return text


_PLACE_HOURS = re.compile(
    r"(?:어린이집|유치원|학교|센터|학원)(?:은|는|이|가|도)?\s*[0-9]{1,2}\s*시\s*(?:반\s*)?(?:부터|까지|에)?\s*"
    r"(?:라|라서|이라|이라서|여서|인데|니까|이니까|밖에)"
)
"""A place's own hours given as the reason ("어린이집은 9시부터라 안 되더라구요"): no hours of care."""
_CLOCK = re.compile(r"[0-9]\s*시")


def only_place_hours(text: str) -> bool:
    """Whether every clock time left in the text is a place's own hours said as a reason."""
    for m in _PLACE_HOURS.finditer(text):
        text = _blank(text, m.start(), m.end())
    return _CLOCK.search(text) is None


_WORK_STARTS = re.compile(
    r"[0-9]{1,2}\s*시\s*(?:반|[0-9]{1,2}\s*분)?\s*(?:까지\s*)?출근(?=\s*(?:이라|이어서|인데|이니까|해서|해야|하니까|하거든))"
)
"""The hour a parent starts work, given as the reason ("8시 출근이라 7시 반에 맡겨야 해요"): not the care's."""


_WORK_ENDS = re.compile(
    r"[0-9]{1,2}\s*시\s*(?:반|[0-9]{1,2}\s*분)?\s*까지\s*(?:야근|근무|일)"
    r"(?=\s*(?:이라|이어서|이여서|인데|이니까|이고|해서|해야|하니까|하거든|예요|이에요))"
)
"""The hour a parent works until, given as the reason ("제가 8시까지 야근이라 … 8시 반까지 있어도 되나요"): with another
end said, not the care's."""


_DURING = re.compile(r"그\s*(?:동안|사이|시간\s*동안)|(?:일|근무)\s*(?:하는|할)\s*동안")


def work_hours(text: str) -> str | None:
    """The text with a parent's working hours blanked ("제가 8시~17시 근무라", "나이트예요(밤 10시~아침 7시)"), None
    when it names none. The caller keeps the blanked text only when other hours are left: those are the care's."""
    if not ("근" in text or "일하" in text or "일해" in text or "트" in text or "업" in text or "교대" in text
            or "알바" in text or "브닝" in text) or _WORK_WORDS.search(text) is None:
        return None
    blanked = None
    for m in _work_ranges(text):
        blanked = _blank(blanked or text, m.start(), m.end())
    if text.count("까지") > 1:
        for m in _WORK_ENDS.finditer(text):
            blanked = _blank(blanked or text, m.start(), m.end())
    if "출근" in text and "까지" not in text and _DURING.search(text) is None:
        # kept with a range of care said ("5시 출근이라 5시부터 9시까지"), or the shift's hours being the care's
        # ("10시 출근해서 7시에 끝나요 그동안")
        for m in _WORK_STARTS.finditer(text):
            blanked = _blank(blanked or text, m.start(), m.end())
    return blanked


def _work_ranges(text: str) -> list[re.Match[str]]:
    """The ranges said as working hours; the work word after one range is not another's before it ("9시부터 6시까지
    근무인데 4시부터 7시까지": the second range is the care's)."""
    found: list[re.Match[str]] = []
    for m in _RANGE_SPAN.finditer(text):
        after = _WORK_AFTER.match(text, m.end()) is not None
        before = None if after else _WORK_BEFORE.search(text, max(0, m.start() - 14), m.start())
        if after or (before is not None and not (
                found and found[-1].end() >= before.start() - 2 and _WORK_AFTER.match(text, found[-1].end()))):
            found.append(m)
    return found


def works_range(text: str) -> bool:
    """Whether the text tells a parent's working hours as a range ("저 9시부터 6시까지 근무인데"): a standing schedule
    (``work_hours`` also blanks the hour work starts, said for one day)."""
    return bool(_work_ranges(text))


_STORY = re.compile(
    rf"(?:^|(?<=[.!?…ㅠㅜ]\s)|(?<=[.!?…]))\s*[^.!?…]{{0,8}}?(?:새벽|밤|아침)\s*[^.!?…]{{0,4}}?"
    rf"(?:[0-9]{{1,2}}|{HOURS_WORDS})\s*시[^.!?…]{{0,30}}?"
    r"(?:했|었|았|였|웠|났|갔|왔|됐|셨|쳤|렸|켰|혔|잤|깼|췄)(?:네요|어요|어용|어여|습니다|다|네|음|더니)?\s*(?:\.{2,}|[.!?…]+|ㅠ+|ㅜ+)"
)
"""A sentence in the past tense with an hour of the night or the morning ("새벽 네시 넘어서 겨우 애 재웠네요.."): the
night told about, not the care's hours; its half of the day is not theirs."""


_NIGHT_STORY = re.compile(
    r"(?:밤\s*새(?:도록)?|간밤에?)\s*[^.!?…]{0,40}?"
    r"(?:했|었|았|였|웠|났|갔|왔|됐|셨|쳤|렸|켰|혔|잤|깼|췄|샜)(?:어요|어용|어여|네요|습니다|다|네|음|더니|는데|고|거든요)"
    r"(?![가-힣])"
)
"""A night told in the past tense with no hour ("밤새 열이 39도까지 올라서 잠도 못잤어요"): last night, not the care's
night (not "밤새 봐주실 분", no past; not "밤새 있었으면", a wish)."""
_NIGHT_WORD = re.compile(r"밤\s*새(?:도록)?|간밤")
_CARE_SAID = re.compile(r"봐\s*[주줄줘]|맡[기길겨아]|돌[봐보]|재워|시터|돌보미")


def story_told(text: str) -> str | None:
    """The text with a past night or morning told at its start blanked (same length), when the care's own hours
    are said after it ("… 재웠네요.. 금요일 2시부터 6시 전까지": 14:00-18:00), or only the night word of a night
    told with no hour ("밤새 … 못잤어요 오늘 9시부터": 09:00); None when there is none."""
    m = _STORY.search(text)
    if m is None and "밤" in text:
        m = _NIGHT_STORY.search(text)
        if m is not None and _CARE_SAID.search(m.group()) is not None:
            m = None  # "밤새 봐줄 사람 구했는데 못 온대요": the night is the care's
    if m is None or not re.search(r"[0-9]\s*[시:]|시\s*(?:부터|까지)", text[m.end() :]):
        return None
    if m.re is _NIGHT_STORY:  # only the night word: the rest may say what happens now ("응급실 갔다가 방금")
        word = _NIGHT_WORD.match(text, m.start())
        return text[: m.start()] + " " * (word.end() - m.start()) + text[word.end() :]  # type: ignore[union-attr]
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
