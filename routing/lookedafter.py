"""Children looked after now by someone: an older sibling of eleven or more ("큰애가 초6이라 작은애 보고 있어요")
or an adult relative or neighbour ("쌍둥이가 집에 시누이랑 있어요", "할머니가 봐주고 계세요"). With a carer taken
to hospital, children with someone are not alone: the words of young children left alone do not make it danger."""

from __future__ import annotations

import re

_OLDER = "(?:초[4-6]|[4-6]학년|중[1-3]|중학생|중딩|고[1-3]|고등학생|1[1-9]살|열[한두세]살)"
_SIBLING = "(?:큰애|큰아이|첫째|큰딸|큰아들|형|누나|오빠|장남|장녀)"
_ADULT = (
    "(?:시누이?|시누|시어머니|시어머님|시아버지|시댁식구|친정엄마|친정아빠|친정식구|할머니|할머님|할아버지|할매|할배|외할머니|"
    "이모|고모|삼촌|외삼촌|숙모|외숙모|동서|아주버님|도련님|옆집|이웃|이웃집|아랫집|윗집|앞집|지인|남동생|여동생|올케|형님)"
)
LOOKED_AFTER = re.compile(
    f"{_SIBLING}(?:가|이|는|이가)?{_OLDER}.{{0,24}}?(?:보고|봐주|봐줘|돌보|돌봐|데리고)"
    f"|{_ADULT}(?:님|분)?(?:이랑|랑|하고|와|과)(?:같이|함께)?(?:있|계)"
    f"|{_ADULT}(?:님|분)?(?:이|가|께서)(?:지금|일단|잠깐)?(?:봐주|봐줘|보고계|보고있|돌봐|데리고있|와계|와있|오셔서)"
)
"""Someone with the children now; not a sibling under eleven ("언니랑 둘이 있어요" is two children alone)."""


def looked_after(compact: str) -> bool:
    """Whether the message (spaces removed) says someone looks after the children now."""
    return LOOKED_AFTER.search(compact) is not None
