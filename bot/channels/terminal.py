"""The terminal channel: you are the parent; choices print as numbers and typing a number picks one."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Sequence
from typing import TextIO

from bot.channels.edge import clean
from bot.dialog import texts
from bot.dialog.core import Address, Channel, Choice, Dialog, Inbound, Reply

PROMPT = texts.CONSOLE_PROMPT
BOT = texts.CONSOLE_BOT


def render(replies: Sequence[Reply]) -> tuple[str, tuple[Choice, ...]]:
    """Replies as terminal text, and the choices that numbers now pick (those of the last reply with any)."""
    lines: list[str] = []
    choices: tuple[Choice, ...] = ()
    for reply in replies:
        if reply.card_title:
            lines.append(f"[{reply.card_title}]")
        lines.extend(f"{BOT}{line}" if n == 0 else f"{' ' * len(BOT)}{line}" for n, line in
                     enumerate(reply.text.splitlines() or [""]))
        lines.extend(f"    ☎ {link.label}: {link.phone}" for link in reply.links if link.phone)
        lines.extend(f"    ↗ {link.label}: {link.url}" for link in reply.links if link.url)
        if reply.choices:
            choices = reply.choices
            lines.append("    " + "  ".join(f"{n}) {c.label}" for n, c in enumerate(choices, start=1)))
    return "\n".join(lines), choices


def to_inbound(line: str, choices: Sequence[Choice], address: Address) -> Inbound:
    """A number picks the matching choice; anything else is a message."""
    text = clean(line.strip())
    # isdecimal, not isdigit: '²' is a digit int() refuses; and a pasted 5,000-digit number is just text.
    if text.isdecimal() and len(text) <= 3 and 1 <= int(text) <= len(choices):
        choice = choices[int(text) - 1]
        return Inbound(address, text=choice.label, choice=choice.value)
    return Inbound(address, text=text)


class TerminalChat:
    """Reads stdin line by line until its end; also a Push, so follow-ups print while you chat."""

    channel = Channel.CONSOLE

    def __init__(self, dialog: Dialog, user: str = "local", stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout):
        self.dialog = dialog
        self.address = Address(Channel.CONSOLE, clean(user))
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty()
        self._choices: tuple[Choice, ...] = ()

    async def send(self, address: Address, replies: Sequence[Reply]) -> None:
        self._show(replies)

    def _show(self, replies: Sequence[Reply]) -> None:
        text, choices = render(replies)
        if choices:
            self._choices = choices
        print(text, file=self.stdout, flush=True)

    async def run(self) -> None:
        lines = self._reader()
        if self.interactive:
            self._show(await self.dialog.handle(Inbound(self.address, text="")))
        while True:
            if self.interactive:
                print(PROMPT, end="", file=self.stdout, flush=True)
            line = await lines.get()
            if line is None:
                break
            if not line.strip():
                continue
            if not self.interactive:
                print(f"{PROMPT}{line.rstrip()}", file=self.stdout)
            if not self._choices and line.strip().isdecimal():
                # Started again mid-conversation (piped: nothing shown yet): a number means a button of the
                # question the parent last saw, so ask it again quietly to learn its buttons.
                _, self._choices = render(await self.dialog.handle(Inbound(self.address, text="")))
            self._show(await self.dialog.handle(to_inbound(line, self._choices, self.address)))

    def _reader(self) -> asyncio.Queue[str | None]:
        """Lines from a daemon thread: a blocked read must never keep the process from shutting down."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[str | None] = asyncio.Queue()

        def pump() -> None:
            for line in iter(self.stdin.readline, ""):
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, None)

        threading.Thread(target=pump, name="console-stdin", daemon=True).start()
        return queue
