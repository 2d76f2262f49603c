"""Who a situation word is about: a child named before it, another person as its subject, a child as its object."""

from __future__ import annotations

import re

from knowledge.schema import ChildWords

_PARTICLES = "(?:이가|가|이|를|을|는|은|도|만|한테|랑)?"
_SELF_OBJECT = re.compile("(?:저|나)(?:를|을)")
"""The parent as the object ("남편이 저를 때려요"): the harm is to the parent."""
WINDOW = 20
"""How far back (letters, spaces removed) a subject, an object or a named child is looked for."""
_OBJECT_MARKS = ("을", "를")
_TO_MARKS = ("한테", "에게")
_SUFFERED = ("맞", "당", "쳐맞", "얻어맞", "렸", "려", "리", "린", "혔", "혀", "히", "힌", "이", "였", "여", "받")
"""After a verb of harm, these may make the child the one it is done to ("두들겨 맞았어요", "학대당해요", "목
졸렸대요", "발로 차이고"); read so, 한테 after a person does not make the child the one who harms (the old,
safe reading: "때리려고" taken as suffered only loses the 한테 reading)."""
_NOT_SUBJECT = re.compile("한테|에게|께|랑|이랑|하고|와|과|의|님|품|곁|옆에|몰래|예요|이에요|에요|이예요|입니다"
                          "|(?:이|가|께서)?(?:보니|봤더니|봤는데|가보니|와보니|들어와보니|확인해보니)")
"""What a person is followed by when not the subject of what happens next: another role, or what the person saw
("제가 보니까 피가 철철 나요": the child bleeds)."""
_SUBJECT_MARK = re.compile("이가|께서|가|이|은|는|도|만")
_WHOSE = re.compile("[가-힣]{1,2}(?:에서|에|을|를|으로)")
"""A noun with its particle where a word starts: a bare person right before it, after a child named as
subject, is whose ("조카가 아빠 차에 치였어요": 아빠's car), not who."""
Patterns = tuple[re.Pattern[str], ...]
ADNOMINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 4) + "던"
"""Syllables that end a verb before the noun it describes (잃어버린, 부러진, 다친, 놀던)."""
_AGE = "(?:[0-9]{1,2}(?:살|세|개월)|초[1-6](?:학년)?|[한두세네]살|다섯살|여섯살|일곱살|여덟살|아홉살|열살|두돌|돌쟁이)"
"""A child named by age ("초2인데 아직 안 왔어요", "5살이 안 보여요"): a mention of a child like a noun."""


_SAME_SUBJECT = 60
"""How far back (letters) a child marked as subject stays the subject of what a message tells next."""
_TAKEN_REACH = 12
_GROWN_UP = ("딸", "아들")
_GRANDCHILD = re.compile("손주|손녀|손자|조카")
"""With a grandchild or a niece named, 딸 and 아들 are the children's parents."""
_ONE_OF = re.compile("(?:중에|중)(?:하나|한명|한놈|한애|한아이|둘|두명)(?:이가|가|이|는|도|만)?")
"""One of the children named before ("쌍둥이 중에 하나가", "애들 중 한 명이"): still a child."""
_THING_MARK = "(?:이가|가|이|은|는|도|의)?(?:다|또|좀|막|싹)?"
"""A thing's subject particle and an adverb before its verb ("크레파스가 다 부러졌다고")."""
_THING_REACH = 12
_STORY_REACH = 6
"""Letters between a sign's ending and the story it describes (길을 잃은 |아기 오리| 이야기)."""
_RECORDING_REACH = 30
"""Letters around a sign looked at for a recording of it (cctv 봤는데 선생님이 애 뺨을 때리는 장면이)."""
_CONNECTIVE = "데지다요고서니면며"
"""After -는·-은 these make a clause ending (다쳤는데, 잃었는지), not a noun described: "다쳤는데 자세한 얘기는"."""


_CLAUSE_END = re.compile("[가-힣]{0,2}?(?:서|고|는데|니까|가지고)")
"""A connective ending a clause right after a sign (다쳐서, 넘어지고, 다쳤는데): the subject said next is shared."""

_NEW_SENTENCE = re.compile("(?:요|다|죠)(?:근데|그런데|근디|그란데|헌데|그치만|하지만)")
"""A sentence ended and a new one turned to something else ("돌보미 선생님 부를라고요 근데 지금 숨쉴때 ..."): a
person named in the sentence before is not the subject of what the new one tells."""
_CARED_FOR = re.compile(r"(?:를|을)?(?:봐주|봐줘|돌보|돌봐|보다가|업고|업어|안고|재우|맡아)")
"""Right after a child named: the child is cared for by the one doing it, who is the subject of what follows."""
_BESIDE = frozenset("를을랑와과한의데")
"""Right after a child named: the child as object, company or owner (애를, 애랑, 애한테, 애의), not the subject; 데
is the ending of 데리고 (애 데리고)."""
_TAKING = re.compile("(?<![못안])(?:데려|데리고|데릴|업고|업어|안고|안아|챙겨|보니|봤)")
"""Verbs whose subject tends the one hurt (데려가야, 업고) or sees it (보니까): not the one hurt."""
_TAKING_REACH = 12

_GOING = "(?!서|지고|버리|버렸|버려)"
"""After 아가: the verb ending -아 가서 (날아가서, 찾아가지고, 잡아가버렸), not the child 아가."""


_ALSO_DONE = re.compile("(?:을|를|한테|에게|도)?(?![이가은는])[가-힣]{1,3}고")
"""Between another child and the harm: one more thing done to it, joined by 고 ("친구들 물고 때려서", "동생을 밀고
때려요"); not the other child as subject ("친구들이 물고 때려서": they hurt the child)."""


_AE_COMPOUNDS = "(?!착인형|착이불|착담요|착베개|착물건|착관계|착형성|착육아|완동물|완견|완묘|견|묘|벌레|플)"
"""After 애: nouns that start with it (애착인형, 애완견, 애벌레), which name no child ("애착인형 잃어버린 줄")."""


def _noun(word: str) -> str:
    if word == "애":
        return word + _AE_COMPOUNDS
    return word + _GOING if word == "아가" else word


_JE_NOUNS = ("세", "해열", "숙", "과", "문", "약", "소독", "세정", "진통", "영양", "철분", "방부", "접착", "표백",
             "살충", "수면", "흡입")
"""Nouns that end in 제 ("세제가 눈에 들어갔어요", "해열제가"): the 제가 in them is no writer telling of themselves."""


def _in_a_je_noun(compact: str, at: int) -> bool:
    return compact.startswith("제", at) and any(compact.endswith(head, 0, at) for head in _JE_NOUNS)


class Children:
    """The knowledge's words for a child (``children.words``) and a child's things, compiled once."""

    def __init__(self, words: ChildWords) -> None:
        nouns = "(?:" + "|".join(_noun(w) for w in sorted(words.words, key=len, reverse=True)) + ")"
        self.re = nouns + _PARTICLES
        """What ``{아이}`` in a word stands for: a child noun with its particle."""
        self.first = "".join(sorted({n[0] for n in words.words}))
        self._mention = re.compile(f"{nouns}|{_AGE}")
        self._noun = re.compile(nouns)
        self._subject = re.compile(f"(?:{nouns}|{_AGE}){_PARTICLES}")
        self._marked = re.compile(f"(?:{nouns}|{_AGE})(?:이가|가|이|는|은|도)|아가(?![씨지])")
        """A child marked as subject, by a noun or an age ("6살이 아빠 공구함 열어서": whose); 경상도 아가 is
        아(the child) with 가 ("아가 엄마 약을 먹었다")."""
        self._object = re.compile(nouns + "(?:을|를|한테|에게|만)")
        self._taken = re.compile(f"{nouns}(?:을|를)?(?:데리고|데려|업고|업어|안고|안아)[가-힣]{{0,3}}$")
        """A child taken right before a word ("애 데리고 응급실인데", "아기 업고 지금 응급실"): the child's event."""
        """A child as the one harm is done to: '애를 때려요', '아이한테 손찌검해요', '애들만 두고'."""
        self._things = tuple(words.things)
        things = "|".join(sorted(words.things, key=len, reverse=True))
        self._modified = re.compile(f"((?:[가-힣]?[{ADNOMINAL}])?)(?:{things})") if things else None
        stories = "|".join(sorted(words.stories, key=len, reverse=True))
        self._story = re.compile(
            f"[가-힣]?[{ADNOMINAL}](?![{_CONNECTIVE}])(?:(?![{_CONNECTIVE}])[가-힣]){{0,{_STORY_REACH}}}?(?:{stories})"
        ) if stories else None
        """A sign told of a story a few letters on ("길을 잃은 아기 오리 이야기", "물에 빠지는 장면")."""
        recordings = "|".join(sorted(words.recordings, key=len, reverse=True))
        self._recording = re.compile(recordings, re.IGNORECASE) if recordings else None
        """A recording of a real event (cctv, 홈캠, 블랙박스): a 장면 in it happened, it is no story."""
        self._owner = re.compile(f"(?:{things})(?:[가-힣]{{1,2}}(?<![다하고서]))?{_THING_MARK}$") if things else None

    def about_someone_else(self, compact: str, at: int, others: Patterns) -> bool:
        """Whether the nearest subject before ``at`` is another person, not a child. A person in another role
        ("선생님한테 맞았대요", "엄마랑"), inside a child word ("막내가" holds 내가) or, after a child marked as
        subject, a person with no particle who is not right before the word ("둘째가 엄마 영양제를 다 먹었어요":
        whose it is), or right before a word that starts with a noun and its particle ("아빠 차에 치였어요"), is
        not the subject."""
        if not others:
            return False
        begin = max(0, at - WINDOW)
        window = compact[begin:at]
        children = [(m.start(), m.end()) for m in self._mention.finditer(window)
                    if not _CARED_FOR.match(window, m.end())]  # "할매가 손녀 봐주다가 넘어져가": the carer fell
        marked = min((m.start() for m in self._marked.finditer(window)), default=len(window))
        if marked == len(window) and begin and self._marked.search(compact, max(0, begin - WINDOW), at):
            marked = 0  # the child was named as subject further back: a bare person here is whose, not who
        last_other = max(
            (
                m.end()
                for p in others
                for m in p.finditer(window)
                if not _NOT_SUBJECT.match(compact, begin + m.end())
                and not _in_a_je_noun(compact, begin + m.start())
                and not any(a < m.end() and m.start() < b for a, b in children)
                and (m.start() < marked or _SUBJECT_MARK.match(compact, begin + m.end())
                     or (m.end() == len(window) and not (marked < len(window) and _WHOSE.match(compact, at))))
            ),
            default=-1,
        )
        if last_other < 0 or _NEW_SENTENCE.search(window, last_other) is not None:
            return False
        return last_other > max((b for _, b in children), default=-1)

    def subject_after(self, compact: str, at: int, end: int, others: Patterns) -> bool:
        """Whether, with no child named before ``at`` or in the sign, the clause ending right after ``end`` is
        followed by another person as subject ("허리를 다쳐서 제가 못 움직여요", "발목 삐어서 남편이 꼼짝을
        못해요"): a subordinate clause shares the subject said after it, so the sign is about that person."""
        if not others or self._mention.search(compact, max(0, at - WINDOW), end) is not None:
            return False
        m = _CLAUSE_END.match(compact, end)
        if m is None and not compact.endswith(("서", "고", "는데", "니까"), 0, end):
            return False  # the sign ends its sentence ("다쳤어요 제가"): no clause shares the subject
        after = m.end() if m is not None else end
        for p in others:
            o = p.match(compact, after)
            if o is not None and (o.group().endswith(("가", "는", "도")) or _SUBJECT_MARK.match(compact, o.end())):
                # "다쳐서 제가 병원 데려가야": the person takes the hurt child somewhere; the child is hurt
                return not _NOT_SUBJECT.match(compact, o.end()) and _TAKING.search(
                    compact, o.end(), o.end() + _TAKING_REACH) is None
        return False

    def mentioned(self, compact: str, start: int, end: int) -> bool:
        """Whether a child is named, by a noun or an age, between ``start`` and ``end``."""
        return self._mention.search(compact, start, end) is not None

    def marked_after(self, compact: str, at: int) -> bool:
        """Whether a child is marked as subject anywhere after ``at`` ("숨넘어가요 애가 사탕이 목에 걸렸어요")."""
        return self._marked.search(compact, at) is not None

    def describes_a_thing(self, compact: str, end: int) -> bool:
        """Whether the verb ending at ``end`` describes one of a child's things that follows it ("애가 잃어버린
        장난감 대신", "부러진 킥보드"): the thing, not the child, is lost or broken."""
        if (self._story is not None and (self._story.match(compact, end) or self._story.match(compact, end - 1))
                and not self._recorded(compact, end)):
            return True  # "길을 잃은 아기 오리 이야기", "물에 빠지는 장면": a story, not an event
        if self._modified is None:
            return False
        m = self._modified.match(compact, end)
        return m is not None and bool(m.group(1) or compact[end - 1] in ADNOMINAL)

    def _recorded(self, compact: str, end: int) -> bool:
        return self._recording is not None and self._recording.search(
            compact, max(0, end - _RECORDING_REACH), end + _RECORDING_REACH) is not None

    def thing_before(self, compact: str, at: int) -> bool:
        """Whether one of a child's things, or a part of one (안경다리, 장난감 칼), stands right before ``at``
        as its subject ("우산이 부러졌어요", "안경 다리가 부러져서"): the thing broke, not the child."""
        return self._owner is not None and self._owner.search(compact, max(0, at - _THING_REACH), at) is not None

    def subject_end(self, compact: str, at: int) -> int:
        """Where whom a word is about is read from: after the child noun the word starts with ("{아이}없어요"),
        else ``at``."""
        m = self._subject.match(compact, at)
        return m.end() if m is not None else at

    def the_childs(self, compact: str, at: int, carers: re.Pattern[str]) -> bool:
        """Whether the nearest subject before ``at`` (within ``_SAME_SUBJECT`` letters) is a child with no carer
        named after it: "애가 입원했다가 오늘 퇴원했어요 … 수술 후라서요" tells the child's stay, "애가 둘인데
        남편이 입원해서" a carer's."""
        if self._taken.search(compact, max(0, at - _TAKEN_REACH), at) is not None:
            return True  # "애 데리고 응급실인데 애는 괜찮대요": the child is the one seen there
        last = None
        for m in self._marked.finditer(compact, max(0, at - _SAME_SUBJECT), at):
            last = m
        if last is None or carers.match(compact, last.start()) is not None:
            return False  # 동생 may be the parent's sister as well as the child's
        if compact.startswith(_GROWN_UP, last.start()) and _GRANDCHILD.search(compact) is not None:
            return False  # "우리 딸이 병원에 실려갔다 카는데 손주 둘을": a grandparent's daughter is the parent
        if carers.search(compact, last.end(), at) is not None:
            return False
        # "큰애가 폐렴으로 입원해서 … 둘째 맡길 곳": another child to care for while the carer is at the hospital
        who = self._noun.match(compact, last.start())
        return who is None or all(m.group() == who.group() for m in self._noun.finditer(compact, at))

    def child_between(self, compact: str, start: int, end: int) -> bool:
        """Whether a child is named between ``start`` and ``end`` as the one something happens to, not the one
        cared for, taken along or spoken to ("할매가 보는데 손녀 아파가": the granddaughter is ill; "할머니가 애
        보다가 넘어져서": the grandmother fell)."""
        return any(not _CARED_FOR.match(compact, m.end()) and compact[m.end() : m.end() + 1] not in _BESIDE
                   for m in self._noun.finditer(compact, start, end))

    def named_before(self, compact: str, at: int) -> bool:
        """Whether a child is named shortly before ``at`` with no other noun marked as subject or object between
        ("둘째가 30분째 안 보여요", "손자가 단지에서 놀다가 사라졌어요" yes; "아이 가방을 잃어버렸어요" no)."""
        window = compact[max(0, at - WINDOW) : at]
        last = None
        for m in self._subject.finditer(window):
            last = m
        if last is None:
            return False
        between = window[last.end() :]
        if between.startswith(self._things) or between.rstrip("을를도").endswith(self._things):
            return False  # "애 장난감 잃어버렸어요", "애가 공룡 장난감 잃어버렸다고": the child's things
        if _ONE_OF.fullmatch(between):
            return True  # "쌍둥이 중에 하나가 안 보여요": one of the children
        return not between or between[-1] not in "이가을를은는" or between.endswith("다가")  # 놀다가: going on

    def does_harm(self, done_to: Patterns, others: Patterns, compact: str, start: int, end: int,
                  peers: Patterns = ()) -> bool:
        """Whether a child named as subject does the harm in the match to an adult ("아이가 엄마를 때려요 장난으로")
        or to another child (``peers``: "둘째가 형을 때려서 고민이에요"): the child is not the one in danger."""
        for p in done_to:
            m = p.search(compact, start, end)
            if m is None:
                continue
            begin = max(0, start - WINDOW)
            marked = list(self._marked.finditer(compact, begin, m.start()))
            # "애가 친구를 때리고 동생도 때려요": after a child named as subject, a child with 도 is one more it hits
            subjects = [o for o in marked if not o.group().endswith("도")] or marked
            child = max((o.end() for o in subjects), default=-1)
            if child < 0:
                return False
            # "엄마한테 손대요", "동생한테 손대요": 한테 names whom the child does it to, unless the verb is
            # suffered ("아빠한테 두들겨 맞았어요", "할머니한테 학대당해요")
            marks = _OBJECT_MARKS if compact.startswith(_SUFFERED, m.end()) else _OBJECT_MARKS + _TO_MARKS
            adults = [o.end() for o in _SELF_OBJECT.finditer(compact, child, m.start())]
            adults += [o.end() for q in others for o in q.finditer(compact, child, m.start())
                       if compact.startswith(marks, o.end())]
            hit = (o.end() for q in peers for o in q.finditer(compact, child, m.start()))
            if any(compact.startswith((*marks, "도"), at) or at == m.start()
                   or _ALSO_DONE.fullmatch(compact, at, m.start()) for at in hit):
                return True  # "형을 때려서", "친구 때려서": the child hits another
            return bool(adults) and self._object.search(compact, child, m.start()) is None
        return False

    def harmed_by_someone(self, done_to: Patterns, others: Patterns, compact: str, start: int, end: int) -> bool:
        """Whether the match holds a word of harm done to someone (때려, 학대) whose object is not an adult: then
        a person before the verb is the one doing it ("남편이 애를 패요", "선생님 무섭다고 울어요 학대 같아요")."""
        for p in done_to:
            m = p.search(compact, start, end)
            if m is None:
                continue
            begin = max(0, start - WINDOW)
            child = max((o.end() for o in self._object.finditer(compact, begin, m.start())), default=-1)
            adult = max((o.end() for o in _SELF_OBJECT.finditer(compact, begin, m.start())), default=-1)
            for q in others:
                for o in q.finditer(compact, begin, m.start()):
                    if compact.startswith(("을", "를"), o.end()):
                        adult = max(adult, o.end() + 1)
            return adult <= child or adult < 0
        return False
