"""`dolbom chat`: the parents' terminal channel on the whole application (queue, follow-ups, notifications)."""

from __future__ import annotations

import argparse

from bot.channels.terminal import TerminalChat
from bot.settings import Settings, parse_now
from bot.shell.app import running


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default="local", help="대화 상대 이름 (저장 키)")
    parser.add_argument("--now", type=parse_now, metavar="YYYY-MM-DDTHH:MM",
                        help="대화의 시각을 고정 (기본: 지금) / pin the conversation's clock")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    # No dispatcher here: coordinator alerts (with a parent's phone) must never print into a parent's terminal,
    # this one's or another `dolbom chat --user` session's; `dolbom serve` delivers them from the outbox.
    async with running(settings, settings.clock(args.now), telegram=False, dispatch=False) as app:
        console = TerminalChat(app.engine, user=args.user)
        app.add_push(console)
        await console.run()
    return 0
