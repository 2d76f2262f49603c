"""Turning a word from the knowledge YAML into a regex of the forms parents type: conjugations and typos.

A word staff write once ("다쳐", "숨을안쉬", "삼켰") should also find how a parent in a hurry types it. Three
rules, applied letter by letter when the patterns are compiled (nothing is added to the work per message):

- a word of two letters or more ending in an open syllable is a stem: its last syllable takes any final
  consonant, so "다쳐" finds 다쳤·다쳣, "숨을안쉬" finds 숨을안쉼, "피가나" finds 피가났·피가난;
- a syllable closed by ㅆ also matches the same syllable closed by ㅅ (the shift key missed: 다쳣, 삼켯, 데엇)
  and the noun ending parents use in short messages (피났 -> 피남, 없어졌 -> 없어짐, 삼켰 -> 삼킴);
- after ㅈ·ㅊ·ㅉ, ㅕ and ㅓ sound the same and are typed both ways (다처서, 떨어저서, 다첬), and a past tense
  in ㅆ is said with ㅣ in 경상도 (없어짔다, 다칬다, 빠짔다);
- the negation 안 is also typed 않 (않움직여요), 못 said 몬 in 경상도 (몬찾았어예), and a last 었 its ㅆ on
  the next letter (먹어써요);
- inside a word, a particle between a noun and 안·못·없 may be dropped, as in short or casual messages (눈을안떠
  finds "눈 안 떠요", 어른이없 "어른 없어요"): 을·이 after a closed syllable, 를·가 after an open one. Only
  there: "숨이막" without 이 would find the tired parent's "숨 막혀요";
- inside a word, an adverb may stand before 안·못 (눈을못떠 finds "눈을 제대로 못 떠요", 피가안멈 "피가 계속 안
  멈춰요"): Korean puts such adverbs right before the negation;
- a short negation before a verb is also written long (못일어나 finds "일어나질 못해요", 전화를안받 "전화를 받지
  않아요", 안보이 "보이지 않아요"): ``long_negations`` adds those words to a list of signs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BASE = 0xAC00
_LAST = 0xD7A3
_SS = 20
"""The final consonant ㅆ (index among the 28 finals, 0 = none)."""
_S = 19
_M = 16
"""The finals ㅅ and ㅁ: 다쳤 typed 다쳣, or written as a noun ending 다침 (피남, 없어짐, 삼킴)."""
_I = 20
_IEUNG = 11
_PALATAL = {12, 14, 13}
"""ㅈ, ㅊ, ㅉ as initial consonant indexes."""
_YEO, _EO = 6, 4
_NOT, _NOT_GYEONGSANG = "못", "몬"
"""경상도 says and types the negation 못 as 몬 (몬찾았어예, 몬 움직인다)."""


def _parts(c: str) -> tuple[int, int, int] | None:
    code = ord(c) - _BASE
    if not 0 <= code <= _LAST - _BASE:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _syllable(initial: int, vowel: int, final: int) -> str:
    return chr(_BASE + initial * 588 + vowel * 28 + final)


def syllable_forms(c: str, last: bool = False, stem: bool = False) -> list[str]:
    """The letters one letter of a word stands for; ``last`` when it ends the word, ``stem`` when the word is
    a stem (two letters or more, ending open)."""
    if c == _NOT:
        return [_NOT, _NOT_GYEONGSANG]
    p = _parts(c)
    if p is None:
        return [c]
    initial, vowel, final = p
    vowels = [vowel]
    if initial in _PALATAL and vowel in (_YEO, _EO):
        vowels = [_YEO, _EO]
    if last and stem and final == 0:
        return [_syllable(initial, v, f) for v in vowels for f in range(28)]
    finals = [final, _S] if final == _SS else [final]
    forms = [_syllable(initial, v, f) for v in vowels for f in finals]
    if initial in _PALATAL and vowel in (_YEO, _EO) and final == _SS:
        # 경상도 past tense: 없어졌다 said 없어짔다, 다쳤다 다칬다, 빠졌다 빠짔다 (and typed with ㅅ: 없어짓다)
        forms += [_syllable(initial, _I, f) for f in finals]
    if last and final == _SS and initial != _IEUNG:
        # the noun ending of a short message: 피났 -> 피남, 없어졌 -> 없어짐, 삼켰 -> 삼킴. Not after ㅇ:
        # 었 -> 엄 would find "엄마" in "하는데 엄마가".
        forms += [_syllable(initial, _I if v == _YEO else v, _M) for v in vowels]
    return forms


_NEGATION = "안못"
FILLER = "(?:제대로|전혀|아예|도통|하나도|계속|자꾸|통|영|잘)?"
"""Adverbs a parent puts before a negation inside a word; optional, so the word as written still matches."""


_AFTER_CLOSED, _AFTER_OPEN = "을이", "를가"
_NEGATED = "안못없"


def _particle(word: str, i: int) -> bool:
    """Whether the letter at ``i`` is a subject or object particle inside the word, before a negation."""
    if not 0 < i < len(word) - 1 or word[i] not in _AFTER_CLOSED + _AFTER_OPEN or word[i + 1] not in _NEGATED:
        return False
    before = _parts(word[i - 1])
    return before is not None and (before[2] != 0) == (word[i] in _AFTER_CLOSED)


def _letters(word: str, stems: bool) -> list[str]:
    """The pattern of each letter of a word: with the optional adverb before a negation that is not its first,
    and, in a stem word, a particle before a negation optional."""
    out = []
    for i, c in enumerate(word):
        if i and c in _NEGATION and word[i - 1] not in _NEGATION:
            out.append(FILLER)
        letter = syllable_pattern(c, i == len(word) - 1, stems)
        out.append(f"(?:{letter})?" if stems and _particle(word, i) else letter)
    return out


_SS_START = f"[{chr(_BASE + 10 * 588)}-{chr(_BASE + 11 * 588 - 1)}]"
"""Letters that start with ㅆ: "먹었어요" typed "먹어써요" moves the ㅆ of 었 to the next letter."""


_PREFIX_NOUNS = {
    "첫": "째|번|날|돌|차|주|해|애|아이|아기|딸|아들|만남|출근|등원|등교|수업|학기|월급|경험|걸음|방문|상담|진료",
    "갓": "난|태어|돌|지난|나온",
    "햇": "빛|볕|살|반|과일",
}
"""Typo forms of a last letter in ㅆ that begin other words (다쳤 typed 다첫; 갔 갓, 했 햇): in a compact message
they also stand where one word ends in 다 and the next begins ("구합니다 첫째", "태어났어요 갓난아기"), so not
before what makes them those words."""


def syllable_pattern(c: str, last: bool = False, stem: bool = False) -> str:
    """The regex for one letter of a word (a range for a stem's last letter). A negation 안 is also typed 않
    (않움직여요, 숨을 않쉬어요); a last 었·았·였 may have its ㅆ moved to the next letter (먹어써요)."""
    if c == "안":
        return "[안않]"
    p = _parts(c)
    if last and p is not None and p[0] == _IEUNG and p[2] == _SS:
        moved = _syllable(p[0], p[1], 0)
        return f"(?:[{c}{_syllable(p[0], p[1], _S)}]|{moved}(?={_SS_START}))"
    forms = syllable_forms(c, last, stem)
    if last and p is not None and p[2] == _SS:
        prefixes = [f for f in forms if f in _PREFIX_NOUNS]
        if prefixes:  # "구합니다 첫째": the typo 다첫 of 다쳤 is a word's end and a new word's start
            rest = [f for f in forms if f not in prefixes]
            return "(?:[" + "".join(dict.fromkeys(rest)) + "]|" + "|".join(
                f"{f}(?!{_PREFIX_NOUNS[f]})" for f in prefixes) + ")"
    if len(forms) == 1:
        return re.escape(forms[0])
    if len(forms) % 28 == 0:
        return "[" + "".join(f"{forms[i]}-{forms[i + 27]}" for i in range(0, len(forms), 28)) + "]"
    return "[" + "".join(dict.fromkeys(forms)) + "]"


def word_pattern(word: str, stem: bool | None = None) -> str:
    """The regex for a word (spaces already removed); ``stem`` whether an open last letter takes any final
    (by default when the word has two letters or more; say so for the tail of a longer word)."""
    stem = len(word) > 1 if stem is None else stem
    return "".join(_letters(word, stem))


_END = ""


def grouped(words: list[str], stems: bool = True) -> str:
    """An alternation of the words as a trie of letters ("다(?:쳤|쳐(?:서)?)|피(?:가나|나요)"): the regex
    engine tries each letter once at a position instead of every word that starts with it, and a longer word
    is preferred to its prefix, as with a list sorted longest first. The first letter stays a literal (its typo
    forms become branches of their own): a character class there would stop the engine from skipping ahead to
    possible first letters, which made the search twice as slow. ``stems=False`` keeps the last letters as
    written (lookalike phrases: "면서" must not blank "면선" in "하면 선생님")."""
    trie: dict[str, dict] = {}
    for w in words:
        rest = _letters(w, stems)[1:]
        for first in syllable_forms(w[0], len(w) == 1):
            node = trie.setdefault(re.escape(first), {})
            for letter in rest:
                node = node.setdefault(letter, {})
            node[_END] = {}
    return "|".join(key + _branches(node) for key, node in trie.items())


def _branches(node: dict[str, dict]) -> str:
    branches = [key + _branches(child) for key, child in node.items() if key != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and _END not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if _END in node else body


ADVERB = "(?:마구|막|엄청|세게|심하게|계속|자꾸|맨날|매일|또)?"
"""An intensifier parents put between the child and the verb ("애를 마구 패는 소리"): the child is still its object."""


def templated(word: str, slot: str, slot_re: str) -> str:
    """The regex for a word with ``slot`` (``{아이}``) standing for ``slot_re``, an intensifier allowed after it."""
    return (slot_re + ADVERB).join(word_pattern(piece) if piece else "" for piece in word.split(slot))


_LONG = {"못": ("지못", "질못", "지를못", "지도못"), "안": ("지않", "질않", "지를않", "지도않")}
"""The long negation of a verb: 못 가 -> 가지 못, 가질 못, 가지를 못, 가지도 못; 안 가 -> 가지 않."""
_NOT_A_VERB = ("에", "이", "서", "{")
"""After 안·못, these start no verb: 차 안에, 입안이, 못에 찔려 (a nail), a child's slot."""
_STEM = {"해": "하", "돼": "되", "봐": "보", "와": "오", "줘": "주", "떠": "뜨", "써": "쓰", "꺼": "끄", "워": "우"}
"""A verb the YAML writes conjugated (말을안해, 눈을안떠): the stem its long negation is made from."""
_VERB_LETTERS = 3
_NOT_A_STEM = tuple("을를은는에서고요예대네다라게지면던")
"""Letters that end a word after its verb (안왔다고, 못된짓을): no stem to write long."""
_ENDING = ("아", "어", "여")
"""The conjugation ending of a closed stem (못먹어 -> 먹지 못)."""


def signs(words: Iterable[str]) -> tuple[str, ...]:
    """Words of signs with their long negations ("못일어나" and "일어나질못")."""
    words = tuple(w.replace(" ", "") for w in words)
    return words + tuple(f for w in words for f in long_negations(w))


def long_negations(word: str) -> list[str]:
    """The word with its last 안·못 and the verb after it written long ("못일어나" -> "일어나지못", ...), or
    none: not after a past tense (안왔), nor where no plain verb follows (안왔다고, 못된짓을, 차안에)."""
    at = max(word.rfind("안"), word.rfind("못"))
    verb = word[at + 1 :]
    if at < 0 or not verb or verb.startswith(_NOT_A_VERB) or "{" in word:
        return []
    if len(verb) > _VERB_LETTERS or verb.endswith(_NOT_A_STEM) or any(
        (_parts(c) or (0, 0, _SS))[2] in (_SS, _S) for c in verb
    ):
        return []
    if verb[-1] in _STEM:
        verb = verb[:-1] + _STEM[verb[-1]]
    elif len(verb) > 1 and verb.endswith(_ENDING) and (_parts(verb[-2]) or (0, 0, 0))[2]:
        verb = verb[:-1]
    return [word[:at] + verb + ending for ending in _LONG[word[at]]]
