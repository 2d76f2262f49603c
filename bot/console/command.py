"""`dolbom account add|disable|list` and `dolbom audit`: console logins and the access log from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from bot.console import texts

if TYPE_CHECKING:
    from bot.settings import Settings

EXIT_REFUSED = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    if parser.prog.split()[-1] == "account":
        parser.add_argument("action", choices=("add", "disable", "list"))
        parser.add_argument("name", nargs="?", metavar="NAME", help="coordinators.yaml의 이름")
        parser.add_argument("--password-stdin", action="store_true", help="비밀번호를 표준 입력에서 읽음")
        return
    parser.add_argument("--from", dest="start", metavar="DATE", help="시작일 YYYY-MM-DD (이날 포함)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="종료일 YYYY-MM-DD (이날 포함)")
    parser.add_argument("--who", metavar="NAME", help="이 사용자의 기록만")
    parser.add_argument("--json", action="store_true", help="JSON lines: at, who, ip, action, case")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.console.accounts import AccountRefused, Accounts
    from bot.console.audit import AccessLog
    from db.store import open_store
    from knowledge.coordinators import CoordinatorsError, load

    try:
        staff = load(settings.coordinators_path)
    except CoordinatorsError as exc:
        print(f"설정 오류: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    now = settings.clock(getattr(args, "now", None))
    if args.command == "account" and args.action == "add":
        # Checked before the password is read or the database opened: refusing costs nothing.
        if not args.name or staff.named(args.name) is None:
            print(texts.NOT_IN_YAML.format(name=args.name or ""), file=sys.stderr)
            return EXIT_REFUSED
        password = _password(args)
        if password is None:
            print(texts.PASSWORD_PROMPT, file=sys.stderr)
            return EXIT_REFUSED
    store = await open_store(settings.database_url, settings.db_path, process=False)
    accounts, log = Accounts(store, lambda: staff, now), AccessLog(store, now)
    try:
        if args.command == "audit":
            return await _audit(log, args, settings)
        if args.action == "list":
            return await _list(accounts, staff, settings)
        if not args.name:
            print(texts.NO_ACCOUNT.format(name=""), file=sys.stderr)
            return EXIT_REFUSED
        if args.action == "add":
            await accounts.add(args.name, password)
            await log.record("cli", "", f"account_set:{args.name}")
            print(texts.ACCOUNT_SET.format(name=args.name))
        else:
            await accounts.disable(args.name)
            await log.record("cli", "", f"account_disabled:{args.name}")
            print(texts.ACCOUNT_DISABLED.format(name=args.name))
        return 0
    except AccountRefused as exc:
        print(exc, file=sys.stderr)
        return EXIT_REFUSED
    finally:
        await store.close()


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n") or None
    if sys.stdin.isatty():
        return getpass.getpass(f"{texts.PASSWORD}: ")
    return None


async def _list(accounts: object, staff: object, settings: Settings) -> int:
    found = await accounts.list()  # type: ignore[attr-defined]
    if not found:
        print(texts.NO_ACCOUNTS)
    now = datetime.now(settings.tz)
    for a in found:
        person = staff.named(a.name)  # type: ignore[attr-defined]
        role = texts.ROLE_CONTROL if person and person.control else ", ".join(person.services) if person else "-"
        state = texts.STATE_DISABLED if a.disabled else texts.STATE_ACTIVE
        if not a.disabled and a.locked_until and a.locked_until > now:
            state = texts.STATE_LOCKED.format(until=a.locked_until.astimezone(settings.tz).strftime("%H:%M"))
        print(texts.ACCOUNT_LINE.format(name=a.name, role=role, state=state))
    return 0


async def _audit(log: object, args: argparse.Namespace, settings: Settings) -> int:
    tz = settings.tz
    try:
        start = datetime.combine(date.fromisoformat(args.start), time(), tz) if args.start else None
        end = datetime.combine(date.fromisoformat(args.end) + timedelta(days=1), time(), tz) if args.end else None
    except ValueError:
        print("날짜는 YYYY-MM-DD 형식으로 주세요.", file=sys.stderr)
        return EXIT_REFUSED
    for e in await log.entries(start=start, end=end, who=args.who):  # type: ignore[attr-defined]
        if args.json:
            print(json.dumps(e.json(), ensure_ascii=False))
        else:
            case = f"#{e.case}" if e.case else ""
            print(f"{e.at.astimezone(tz):%Y-%m-%d %H:%M:%S}\t{e.who}\t{e.ip}\t{e.action}\t{case}")
    return 0
