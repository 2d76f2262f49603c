"""`dolbom chat`: the parents' terminal channel on the whole application (queue, follow-ups, notifications)."""

from __future__ import annotations

import argparse

from bot.channels.terminal import TerminalChat
from bot.settings import Settings
from bot.shell.app import running


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default="local", help="대화 상대 이름 (저장 키)")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    async with running(settings, telegram=False) as app:
        console = TerminalChat(app.engine, user=args.user)
        app.add_push(console)
        await console.run()
    return 0
