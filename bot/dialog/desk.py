"""What the dialog needs from the coordinators' side (the case desk), as a protocol the queue implements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Protocol

from bot.dialog.core import Reply

FOLLOWUP_YES = "followup:yes"
FOLLOWUP_NO = "followup:no"
"""Button values of the parent follow-up question ('돌봄 연결이 잘 되셨나요?')."""


class CaseDesk(Protocol):
    """Cases and follow-ups as a parent's turn sees them; the coordination queue is the implementation."""

    def when_answered(self, service_id: str | None, at: datetime, *, danger: bool = False) -> str | None: ...

    def answer_at(self, service_id: str | None, at: datetime, *, danger: bool = False) -> datetime | None: ...

    async def link(self, danger_case: int, case_id: int, note: str) -> None: ...

    async def note(self, case_id: int, note: str, days: Sequence[date] = ()) -> None:
        """The parent's words on a filed case (a correction): in its history, and its coordinators told; ``days``:
        the care days when they changed (the parent's follow-up comes after the last)."""
        ...

    async def status(self, user_key: str, service_names: Mapping[str, str] | None = None) -> str: ...

    async def forget(self, user_key: str) -> str: ...

    async def pending_for_parent(self, user_key: str) -> list[Reply]:
        """Messages for this parent not shown yet (a coordinator's reply, the follow-up question, a reopened
        case), each returned once: a channel that could not push them shows them with this answer."""
        ...

    async def keep_late(self, user_key: str, replies: Sequence[Reply]) -> None:
        """The replies of a turn that outlasted its channel's time budget: shown once with the parent's next
        answer (or pushed), like the messages above."""
        ...

    async def awaiting_answer(self, user_key: str) -> bool: ...

    async def answer_followup(self, user_key: str, yes: bool) -> str | None: ...
