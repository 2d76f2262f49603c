"""The situation schema: how staff write the words of a circumstance (danger, sick child, emergency) in
services.yaml, with named word kinds and word pairs."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from knowledge.frozen import Frozen


class ChildWords(Frozen):
    """How parents name a child, for ``{아이}`` in situation words and for whom a word is about. The defaults
    are the shipped YAML's lists, for a knowledge file written before the key existed."""

    words: tuple[Annotated[str, Field(min_length=1)], ...] = (
        "아이들", "아이", "애기", "아기", "아가", "애들", "애", "얘", "딸래미", "딸내미", "딸", "아들", "막내", "첫째",
        "둘째", "동생", "손주", "손녀", "손자", "조카", "꼬맹이", "꼬마", "녀석", "큰애", "작은애", "돌쟁이",
        "갓난아기", "신생아", "얼라", "짜리",
    )
    things: tuple[Annotated[str, Field(min_length=1)], ...] = (
        "장난감", "가방", "물건", "신발", "옷", "모자", "우산", "책", "폰", "핸드폰", "휴대폰", "지갑", "카드", "인형",
        "사진", "장갑", "안경", "자전거", "킥보드", "물병", "도시락", "숙제", "준비물", "필통",
    )
    """A child's things: "애 장난감 잃어버렸어요" is about the toy, not the child."""
    stories: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    """What a sign may describe besides a thing: a story ("아기곰이 길을 잃는 이야기", "물에 빠지는 장면")."""
    recordings: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    """A recording near a story word makes it a real event: "cctv 에 애 뺨을 때리는 장면이" happened."""
    endearments: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    """Names parents call a child by after 우리·울·내 (우리 공주, 울 강아지): a child when the message tells of
    a child (an age, a kindergarten, a playground) and of no pet."""
    pets: tuple[Annotated[str, Field(min_length=1)], ...] = ()
    """Words of a pet (햄스터, 산책, 사료, 동물병원): with one, an endearment like 강아지 is the animal."""


class Together(Frozen):
    """Two words that mean the situation only together: a ``first`` word, then a ``then`` word at most
    ``within`` letters (spaces removed) after it ("피가 막 나요", "동전 두 개 먹었어요")."""

    first: tuple[str, ...]
    then: tuple[str, ...]
    last: tuple[str, ...] = ()
    """A third word after ``then``, again within ``within`` letters (이웃집 + 밤새 + 울어요)."""
    within: int = Field(6, ge=0, le=30)
    verb_first: bool = False
    """The ``first`` words say what happened ("먹은 거 같아요 ... 수면제"): whom it is about is read before them,
    not before the ``then`` word."""
    now: bool = False
    """Counts like ``now_words``: only when the message is about now, not a plan."""
    chain: bool = False
    """The gap may cross a clause joined by -고 ("애 둘을 집에 두고 남편이랑 싸우고 나왔는데"): for signs a parent
    tells one clause after another."""
    anyone: bool = False
    """Whoever is named as subject, the child is the one at risk: the ``first`` word tells what befell the adult
    looking after the child (쓰러졌, 데려갔, 응급실 왔어요) and ``then`` that no other adult is with the child, or
    ``first`` names an adult and ``then`` what he does to the child (계부가 ... 밤에 방에 들어온다고)."""


class Pretend(Frozen):
    """Make-believe: a toy or a character as the one hurt ("인형이 피 난다고"), or a hurt acted or drawn ("다친 척해요",
    "피 난다고 빨간 펜으로 칠해요"). Not the child's danger, unless a ``real`` word says it is real after all."""

    beings: tuple[str, ...] = ()
    """Toys, dolls and characters: as the nearest subject before a word, with no child named between."""
    acts: tuple[str, ...] = ()
    """Drawing or colouring, within ``reach`` letters after a word ("피 난다고 빨간 펜으로 칠해요")."""
    tales: tuple[str, ...] = ()
    """A pretence, a dream or a story a word describes right after it ("다친 척", "애 잃어버리는 꿈")."""
    real: tuple[str, ...] = ()
    """Words saying it really happened (진짜로, 실제로): then nothing is make-believe."""
    reach: int = Field(14, ge=0, le=30)


_KIND = "@"
_NOT_ADDED = ("label", "young_below_months", "urgent_reach")
"""Fields that are one value, not a list: a block cannot add to them."""
_LISTED = ("words", "exact", "with_child", "now_words", "urgent_with_child", "urgent")


def _kinds(data: dict) -> dict:
    """``kinds`` names word lists once ("넘어짐": [넘어지, 자빠지, 고꾸라지]); "@넘어짐" in a pair or a list
    stands for all of them, so a word added to a kind reaches every pair that names it."""
    kinds = data.pop("kinds", None) or {}
    if not isinstance(kinds, dict):
        raise ValueError("kinds: must map a name to a list of words")

    def expand(words: object, where: str) -> object:
        if not isinstance(words, (list, tuple)):
            return words
        out: list[object] = []
        for w in words:
            if isinstance(w, str) and w.startswith(_KIND):
                if w[1:] not in kinds:
                    raise ValueError(f"{where}: '{w}' names no kind (kinds: {', '.join(kinds) or 'none'})")
                out.extend(kinds[w[1:]])
            else:
                out.append(w)
        return out

    for key in _LISTED:
        if key in data:
            data[key] = expand(data[key], key)
    pairs = data.get("together")
    if isinstance(pairs, list):
        data["together"] = [
            {k: expand(v, f"together[{i}].{k}") for k, v in pair.items()} if isinstance(pair, dict) else pair
            for i, pair in enumerate(pairs)
        ]
    return data


_BLOCKS = "blocks"


def _blocks(data: dict) -> dict:
    """``blocks`` names groups of additions to the lists above ("길 잃은 아이": its words, pairs, lookalikes):
    each block's lists are added to the situation's own, so a class of signs is written in one place, apart from
    the long lists, and two people adding classes at once do not edit the same lines."""
    blocks = data.pop(_BLOCKS, None) or {}
    if not isinstance(blocks, dict):
        raise ValueError("blocks: must map a name to lists of words")
    for name, block in blocks.items():
        if not isinstance(block, dict):
            raise ValueError(f"blocks.{name}: must map list names (words, together, unless, ...) to lists")
        for key, more in block.items():
            if key not in Situation.model_fields or key in _NOT_ADDED:
                raise ValueError(f"blocks.{name}: '{key}' is not a list a block can add to")
            if not isinstance(more, list):
                raise ValueError(f"blocks.{name}.{key}: must be a list")
            data[key] = [*(data.get(key) or ()), *more]
    return data


class Situation(Frozen):
    """A circumstance found from words (emergency, sick child, care at home, danger). Words are matched without
    spaces; ``{아이}`` in a word stands for a child noun with its particle (아이가, 애를, 딸이). ``kinds`` names
    lists of words that pairs and lists use as "@name"."""

    @model_validator(mode="before")
    @classmethod
    def _expand_kinds(cls, data: object) -> object:
        return _kinds(_blocks(dict(data))) if isinstance(data, dict) else data

    label: str
    words: tuple[str, ...]
    exact: tuple[str, ...] = ()
    """Words matched only as written, without the other endings ``words`` find: nouns whose other endings are
    other words (사고 -> 사곡, 부고 -> 부곡동)."""
    with_child: tuple[str, ...] = ()
    """Words that count only right after a child is named, with no other noun as subject or object between
    ("둘째가 30분째 안 보여요", not "아이 가방을 잃어버렸어요")."""
    now_words: tuple[str, ...] = ()
    """Words that count only when the message is about now: not with a ``plans`` word or a later day."""
    young_below_months: int | None = Field(None, ge=0)
    """``now_words`` (a child alone) count only for a child younger than this, or of unknown age: a
    fifth-grader at home alone now is not in danger."""
    young_words: tuple[str, ...] = ()
    """Words naming a young child whose age is not said (동생, 아기): with one, ``young_below_months`` does not
    hold ``now_words`` back ("저 열 살이에요 동생이랑 둘만 있어요")."""
    plans: tuple[str, ...] = ()
    """Words that make ``now_words`` a plan or a routine (다음주, 방과후, 맡길곳)."""
    now: tuple[str, ...] = ()
    """Words saying it is happening now (지금, 며칠째): ``now_words`` count even beside a plan word."""
    unless: tuple[str, ...] = ()
    """Lookalike phrases: a word found only inside one of these does not count (학대예방, 주사맞, 아파트)."""
    together: tuple[Together, ...] = ()
    """Pairs of words that count like ``words`` when the second follows the first closely."""
    supposed: tuple[str, ...] = ()
    """Endings right after a word that make it a supposition, a worry or a wish, not an event (다치면, 까봐, 싶)."""
    manner: tuple[str, ...] = ()
    """Doings a simile right before them describes (울, 깨, 놀라, 자지러지): a word told as a comparison of how a child
    does them ("경기하듯이 깨서 울어요", "숨 넘어가듯 울어요") says how, not what happened."""
    over: tuple[str, ...] = ()
    """Words after a word saying it is over (괜찮아요, 나았어요, 찾았어요, 적이 있어요): the word does not count."""
    mild: tuple[str, ...] = ()
    """Words right before a word that make it minor or habitual (살짝 피났어요, 코피를 잘 흘려요)."""
    past: tuple[str, ...] = ()
    """An earlier time (작년에, 지난달): a word after it is history unless a ``now`` word is in the message;
    "작년부터" (since last year) is still going on."""
    lately: tuple[str, ...] = ()
    """A recent earlier day (어제, 그저께): like ``past`` for an event after it, but a ``with_child`` state after it
    (a child not back since last night) still goes on."""
    asking: tuple[str, ...] = ()
    """Words of a question about a programme or a procedure (교육, 캠페인, 대처법): without a ``now`` word the
    situation is not found."""
    done_to: tuple[str, ...] = ()
    """Harm done to someone (때리, 패요): with a child marked as object before it, a ``not_after`` person before
    the verb is the one doing it, and the word counts."""
    not_after: tuple[str, ...] = ()
    """Other people as the subject (엄마가, 제가): a word whose nearest subject before it is one of these is
    about them, not the child."""
    carers: tuple[str, ...] = ()
    """A situation about the carers (엄마, 남편, 제가): a word whose nearest subject before it is a child, with none
    of these named after the child, is the child's (애가 입원했다가, 첫째가 다리 깁스를 해서), not this situation."""
    urgent: tuple[str, ...] = ()
    """Words of a message written in alarm (지금, 방금, 빨리, 어떡해, 우짜노, 도와주세요): with one of them,
    ``urgent_with_child`` words count and pairs reach ``urgent_reach`` letters further."""
    calm: tuple[str, ...] = ()
    """Words of a light-hearted message or a game (ㅋㅋ, ㅎㅎ, 재밌대요, 숨바꼭질): not this situation."""
    urgent_with_child: tuple[str, ...] = ()
    """Signs that are danger only in an alarmed message, right after a child is named (애가 떨어졌어요 어떡해요)."""
    urgent_reach: int = Field(0, ge=0, le=30)
    """Letters added to each pair's ``within`` in an alarmed message: signs scattered through a long message."""
    peers: tuple[str, ...] = ()
    """Other children a child named as subject may hit (형을, 동생을, 친구를): that child does the harm."""
    exclaimed: tuple[str, ...] = ()
    """A parent's own exasperation (숨넘어가요): in a message about the day's ``errands`` that names no child, the
    word is the parent's ("숨넘어가요 진짜 하원은 4시인데 회의가 5시반에 끝나요"), not a child's."""
    errands: tuple[str, ...] = ()
    """Words of the day's logistics (하원, 퇴근, 회의): with no child named, an ``exclaimed`` word is the parent's."""
    pretend: Pretend = Pretend()
    """Make-believe: a doll that "bleeds", a hurt acted or drawn."""
