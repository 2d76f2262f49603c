"""Words that correct what was just said in the same message ("목요일 아니고 화요일", "5시.. 아 6시부터")."""

from __future__ import annotations

import re

AMENDED = re.compile(
    r"아니(?!면|라도|어도|지만|었|던)|말고|대신|취소|정정|잘못|려다가?|[-=]>|→|\(\s*[xX×]\s*\)"
    r"|(?:[었였던인]\s*(?:가|나)\s*[?.~…]*|[?.~…,!]\s*)\s*(?:아+|앗|아참|참)(?![가-힣])"
)
"""Between two days or two hours, the later one corrects the earlier ("목요일 아니고 화요일", "수요일.. 아 금요일",
"목요일 대신 금요일", "3시였나? 아 4시"); not "월요일 아니면 화요일" (either)."""
LETTERS = re.compile("[아말대취정잘려>→(참앗]")
"""Every correction holds one of these letters."""
