"""Children of one intake: what a message says of those without an age (at school, twins, how many there are),
the question for the age still missing, and which child one age is for."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

from bot.dialog import texts, wording
from bot.dialog.answers import adds_child, which_child
from bot.dialog.core import Choice
from bot.dialog.intake import Intake, Kid, Step, age_rank
from bot.dialog.labels import kid_label
from bot.dialog.particles import ko
from bot.dialog.reading import MAX_HALF
from bot.dialog.swap import swap
from bot.dialog.turn import Turn
from routing.ages import find_children

_PUPIL = re.compile(r"(?:초등\s*학생|초등생|초딩|초등\s*학교\s*(?:에\s*)?다니)(?!\s*[1-6])"
                    r"(\s*(?:들|둘|셋|두\s*명|세\s*명))?")


def kid_marks(t: Turn) -> dict[str, object]:
    """What the message says of its children without an age: at school ('첫째는 초등학생'), twins ('쌍둥이')."""
    if not t.u.children or all(c.age_months is not None or c.school_grade is not None for c in t.u.children):
        return {}
    pupils = list(_PUPIL.finditer(t.text))
    school = len(t.u.children) if any(m.group(1) for m in pupils) else len(pupils)
    return {"school": school, "twins": "쌍둥이" in t.compact}


_COUNTS = {"하나": 1, "한명": 1, "둘": 2, "두명": 2, "셋": 3, "세명": 3, "넷": 4, "네명": 4}
_RECOUNT = re.compile(r"(?:아+|어+)?(?:아니요|아뇨|아니고|아니)?,?(?:애|아이|애들|아이들|애기)?(?:는|은|가|이)?"
                      r"(하나|한명|둘|두명|셋|세명|넷|네명)(?:이에요|이요|예요|요|입니다|이예요|뿐이에요|뿐)?[.!~]*")


def recount(t: Turn) -> int | None:
    """'아 아니 둘이에요': how many children there are, said alone once children are known."""
    if not t.intake.kids or t.u.children:
        return None
    m = _RECOUNT.fullmatch(t.compact)
    return _COUNTS[m.group(1)] if m else None


def recounted(kids: tuple[Kid, ...], count: int) -> tuple[Kid, ...]:
    """``count`` children: the ones whose age is known first, the rest still to be asked."""
    known = [k for k in kids if k.known] + [k for k in kids if not k.known]
    return tuple(known[:count]) + tuple(Kid() for _ in range(count - len(known)))


def ask_age(t: Turn) -> None:
    """The age still missing: the school child's grade, the twins' age, the other child's, the rest's."""
    kids = t.intake.kids
    holes = [k for k in kids if not k.known]
    school = [k for k in holes if k.school]
    if len(school) == 1:
        t.say(texts.ASK_GRADE, texts.GRADE_CHOICES)
    elif school:
        t.say(texts.ASK_GRADES)
    elif len(holes) > 1 and all(k.twin for k in holes):
        t.say(texts.ASK_TWINS_AGE, texts.AGE_CHOICES)
    elif len(holes) == 1 and len(kids) > 1:
        t.say(texts.ASK_OTHER_AGE, texts.AGE_CHOICES)
    elif len(holes) > 1:
        count = wording.COUNTS[min(len(holes), len(wording.COUNTS)) - 1]
        t.say(texts.ASK_AGES.format(rest=texts.REST if len(holes) < len(kids) else "", count=count))
    else:
        t.say(texts.ASK_AGE, texts.AGE_CHOICES)


def unclear_kid(t: Turn) -> bool:
    """'4살이요' while two children are known and no age is asked: it could be either child's (or the parent
    means one child after all), so it is asked, never written over both."""
    kids = t.intake.kids
    said = t.u.children
    return (t.pick is None and len(kids) > 1 and all(k.known for k in kids) and len(said) == 1
            and (said[0].age_months is not None or said[0].school_grade is not None)
            and not adds_child(t) and which_child(t) is None)


def ask_which_kid(t: Turn) -> Step:
    """The question with a button per child; the rest of the message is taken now, its age once a child is picked."""
    said = t.u.children[0]
    age = kid_label(Kid(said.age_months, said.school_grade))
    t.intake = t.intake.merge(replace(t.u, children=())).evolve(ask_kid=t.text[:MAX_HALF])
    names = [kid_label(k) for k in t.intake.kids]
    buttons = tuple(
        Choice(texts.KID_BUTTON.format(label=name) if names.count(name) == 1
               else texts.KID_BUTTON_NTH.format(nth=wording.ORDINALS[min(i, len(wording.ORDINALS) - 1)], label=name),
               f"{texts.KID_PICK}{i}")
        for i, name in enumerate(names))
    only = Choice(texts.KID_ONLY.format(age=age), texts.KID_PICK + texts.KID_PICK_ONLY)
    t.say(ko(texts.ASK_WHICH_KID, age=age, kids=", ".join(names)), (*buttons, only))
    return t.intake.step


_COUNT_SAID = re.compile(r"둘|두\s*명|셋|세\s*명|넷|네\s*명")
"""'애는 둘이에요 5살 3살': the ages said are all the children there are."""


def merged(t: Turn, label: str | None = None) -> Intake:
    """The intake with the message folded in (Intake.merge), except that fewer ages than the children known, said
    without saying which child ('아 아니다 5살 3살이요' with three), correct the children closest in age and never
    stand for all of them: a child is never dropped by a correction."""
    marks = {"more_kids": adds_child(t), "which": which_child(t), **kid_marks(t)}
    kids = corrected_then_added(t) or fewer_ages(t, marks)
    aside = () if t.u.children else t.intake.set_aside  # children said anew: none is waiting to come back
    if kids is None and (kids := kept(t)) is not None:
        aside = _left(t.intake.kids + t.intake.set_aside, kids)
    if kids is None:
        out = t.intake.merge(t.u, label=label, **marks)  # type: ignore[arg-type]
        return swap(t, t.intake, out if aside == out.set_aside else out.evolve(set_aside=aside))
    return swap(t, t.intake, t.intake.merge(replace(t.u, children=())).evolve(kids=kids, set_aside=aside))


def _left(every: tuple[Kid, ...], kept: tuple[Kid, ...]) -> tuple[Kid, ...]:
    """The children of ``every`` that ``kept`` leaves out (each kept child matched once: twins are two)."""
    rest = list(kept)
    out = []
    for kid in every:
        if kid in rest:
            rest.remove(kid)
        else:
            out.append(kid)
    return tuple(out)


_MORE_CHILD = re.compile("|".join(r"\s*".join(map(re.escape, w)) for w in texts.MORE_CHILD_WORDS))
"""The words of a child said to come too, found in the text as typed (with its spaces)."""


def corrected_then_added(t: Turn) -> tuple[Kid, ...] | None:
    """'아니 다섯살이요 그리고 둘째도 있어요 2살': the ages said before the word of a child coming too correct the
    children known (as a correction alone would), the ones after it join them; None for any other message."""
    said = t.u.children
    if not t.u.negated or len(said) < 2 or not adds_child(t) or (m := _MORE_CHILD.search(t.text)) is None:
        return None
    fixed = find_children(t.text[: m.start()], t.now.date())
    if not fixed or len(fixed) >= len(said):
        return None
    head = "".join(t.text[: m.start()].split())
    which = next((w for w, words in texts.CHILD_RANK_WORDS.items() if any(x in head for x in words)), None)
    kids = t.intake.merge(replace(t.u, children=said[: len(fixed)]), which=which).kids
    return kids + tuple(Kid(c.age_months, c.school_grade) for c in said[len(fixed):])


def fewer_ages(t: Turn, marks: dict[str, object]) -> tuple[Kid, ...] | None:
    """The children with the ages said put on those closest in age (the lists paired in age order, the pairing
    of the least difference), when two or more ages are said for more children known; else None."""
    kids, said = t.intake.kids, t.u.children
    if (len(said) < 2 or len(said) >= len(kids) or marks["more_kids"] or marks["which"] is not None
            or not all(k.known for k in kids) or _COUNT_SAID.search(t.compact)
            or not all(c.age_months is not None or c.school_grade is not None for c in said)):
        return None
    new = sorted((Kid(c.age_months, c.school_grade) for c in said), key=age_rank)
    order = sorted(range(len(kids)), key=lambda i: age_rank(kids[i]))
    at = min(combinations(order, len(new)),
             key=lambda chosen: sum(abs(age_rank(kids[i]) - age_rank(k)) for i, k in zip(chosen, new, strict=True)))
    out = list(kids)
    for i, kid in zip(at, new, strict=True):
        out[i] = kid
    return tuple(out)


_DROP = "(?:는|은)?(?:안|빼|제외|괜찮|필요없|됐)"


_ALL = re.compile(r"(?:둘|셋|넷|애들|아이들|애기들)?이?(?:다|모두|전부)(?:같이|함께)?"
                  r"(?:요|맡길|맡겨|맡기|데려|부탁|할게|해주|봐주)"
                  r"|(?:둘|셋|넷|애들|아이들)이?(?:다|모두|전부)|(?:다|모두|전부)(?:같이|함께)|같이맡|함께맡")
"""'다 맡길게요', '둘 다요', '애들 모두 부탁해요': every child, the ones taken out too."""


def kept(t: Turn) -> tuple[Kid, ...] | None:
    """The children left when a message takes one of several out ('큰애만요', '작은애는 안 맡겨도 돼요', '둘째는 빼
    주세요'), named by rank, or every child again once some were taken out ('다 맡길게요'); None when it does not.
    Said without an age, so nothing else reads it."""
    kids = t.intake.kids
    if (t.intake.set_aside and not any(c.age_months is not None or c.school_grade is not None for c in t.u.children)
            and _ALL.search(t.compact)):
        return kids + t.intake.set_aside
    # '쌍둥이는 빼고 큰애만요' reads as two children without an age: no new ages, so still a child taken out
    if len(kids) < 2 or any(c.age_months is not None or c.school_grade is not None for c in t.u.children):
        return None
    order = sorted(range(len(kids)), key=lambda i: age_rank(kids[i]))
    for which, at in (("oldest", order[-1]), ("youngest", order[0])):
        for word in texts.CHILD_RANK_WORDS[which]:
            if f"{word}만" in t.compact:
                return (kids[at],)
            if re.search(word + _DROP, t.compact):
                return kids[:at] + kids[at + 1:]
    return None
