"""`dolbom queue | case N | claim N | update N | reply N`: the coordinators' queue without a messenger."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from bot.settings import parse_now

if TYPE_CHECKING:
    from bot.coordination.queue import Queue
    from bot.settings import Settings
    from db.models import CaseRow

CHANGES = ("contacted", "resolved", "closed", "reopened", "released", "note")
OUTCOMES = ("placed", "referred", "not_placed", "unreachable", "withdrawn")
STATUSES = ("new", "claimed", "contacted")
PAGE = 100
"""Open cases `dolbom queue` lists at once (--limit, --after for the next page)."""
EXIT_REFUSED = 3
"""Exit code when the person may not do this (not a configured coordinator, or not their case)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # One module serves four subcommands; the registry gives each its own parser, named after the command.
    command = parser.prog.split()[-1]
    parser.add_argument("--now", type=parse_now, metavar="YYYY-MM-DDTHH:MM", help="기준 시각 (기본: 지금)")
    parser.add_argument("--as", dest="who", metavar="NAME",
                        help="coordinators.yaml의 이름 (기본: DOLBOM_COORDINATOR) / your coordinator name")
    if command == "queue":
        parser.add_argument("--service", help="서비스 id로 거르기 (e.g. daycare-365)")
        parser.add_argument("--status", choices=STATUSES, help="상태로 거르기")
        parser.add_argument("--urgent", action="store_true", help="긴급 접수만")
        parser.add_argument("--json", action="store_true", help="JSON으로 출력")
        parser.add_argument("--limit", type=int, metavar="N",
                            help=f"최대 N건 (기본: 글은 {PAGE}건, JSON 은 전부; 0 은 전부)")
        parser.add_argument("--after", type=int, metavar="N", help="접수 N 다음부터 (앞 쪽의 마지막 번호)")
        return
    parser.add_argument("case_id", type=int, metavar="N", help="접수 번호 / case number")
    if command == "case":
        parser.add_argument("--json", action="store_true", help="JSON으로 출력")
    elif command == "update":
        parser.add_argument("--status", dest="change", choices=CHANGES, default="note",
                            help="바꿀 상태 (note: 메모만 남기기)")
        parser.add_argument("--outcome", choices=OUTCOMES, help="결과 (resolved에 필요)")
        parser.add_argument("--note", help="메모 / note for the case history")
    elif command == "reply":
        parser.add_argument("text", nargs="+", metavar="TEXT", help="부모님께 보낼 말 / what the parent reads")


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.coordination import texts as queue_texts
    from bot.coordination.queue import Queue, Refused
    from db.cases import Change, TransitionRefused, add_access
    from db.models import Outcome, ts
    from db.store import open_store
    from knowledge.coordinators import CoordinatorsError, load

    name = args.who or settings.coordinator_name
    if not name:
        print(queue_texts.NO_NAME, file=sys.stderr)
        return EXIT_REFUSED
    try:
        staff = load(settings.coordinators_path)
    except CoordinatorsError as exc:
        print(f"설정 오류: {exc}", file=sys.stderr)
        return 2
    names = service_names(settings)
    store = await open_store(settings.database_url, settings.db_path)
    queue = Queue(store, staff, tz=settings.tz, clock=settings.clock(getattr(args, "now", None)),
                  retention_days=settings.retention_days)

    async def logged(action: str) -> None:
        # The access log (접속기록) counts the command line too: 'cli' stands where the console puts an address.
        at, case_id = ts(queue.clock()), getattr(args, "case_id", None)
        await store.write(lambda c: add_access(c, at, name, "cli", action, case_id))

    try:
        if args.command == "queue":
            return await _list(queue, name, args, names)
        if args.command == "case":
            shown = await _show(queue, name, args, names)
            await logged("view_case")
            return shown
        if args.command == "claim":
            result = await queue.claim(args.case_id, name)
            print(result.message)
            await logged("claim")
            return 0 if result.won else 1
        if args.command == "reply":
            message = await queue.reply(args.case_id, name, " ".join(args.text))
            print(queue_texts.REPLY_LINE.format(id=args.case_id, n=message.id))
            await logged("reply")
            return 0
        if args.change == "resolved" and not args.outcome:
            print(queue_texts.OUTCOME_NEEDED.format(choices="|".join(OUTCOMES)), file=sys.stderr)
            return 1
        case = await queue.update(args.case_id, name, Change(args.change), note=args.note,
                                  outcome=Outcome(args.outcome) if args.outcome else None)
        print(queue_texts.CASE_STATUS_LINE.format(id=case.id, status=queue_texts.STATUS[case.status]))
        await logged(f"update:{args.change}")
        return 0
    except Refused as exc:
        print(exc, file=sys.stderr)
        await logged("refused")
        return EXIT_REFUSED
    except LookupError as exc:
        print(exc.args[0] if exc.args else exc, file=sys.stderr)
        return 1
    except TransitionRefused as exc:
        from db.cases import ALLOWED

        allowed = ", ".join(c for c in CHANGES if exc.status in ALLOWED[Change(c)] and c != "note")
        print(queue_texts.BAD_TRANSITION.format(id=exc.case_id, now=queue_texts.STATUS[exc.status], to=exc.change,
                                                allowed=allowed or "-"), file=sys.stderr)
        return 1
    except ValueError as exc:  # an empty reply
        print(exc, file=sys.stderr)
        return 1
    finally:
        await store.close()


def service_names(settings: Settings) -> dict[str, str]:
    """Service and site id -> Korean name from the knowledge; ids alone if it cannot be read right now."""
    from knowledge.loader import load

    try:
        services = load(settings.knowledge_dir).services
        return {s.id: s.name for s in services} | {site.id: site.name for s in services for site in s.sites}
    except Exception:  # a knowledge edit in progress must not stop coordinators from working the queue
        return {}


async def _list(queue: Queue, name: str, args: argparse.Namespace, names: dict[str, str]) -> int:
    from bot.coordination import desks
    from bot.coordination import texts as queue_texts
    from db.models import Status

    limit = args.limit if args.limit is not None else (None if args.json else PAGE)
    given = {"service": args.service, "status": Status(args.status) if args.status else None,
             "urgent": True if args.urgent else None}
    # a page of CaseRows, one more to know whether there are more: a city has a thousand open cases
    cases = await queue.open_cases(name, **given, limit=limit + 1 if limit else None, after=args.after)
    more, cases = bool(limit) and len(cases) > limit, cases[:limit] if limit else cases
    if args.json:
        print(json.dumps([_jsonable(c) for c in cases], ensure_ascii=False, indent=2))
        return 0
    if not cases:
        print(queue_texts.NO_OPEN_CASES)
    for c in cases:
        flags = "".join(f for f, on in ((queue_texts.FLAG_DANGER, c.danger), (queue_texts.FLAG_URGENT, c.urgent)) if on)
        service = "+".join(names.get(s, s) for s in desks.services(c)) or queue_texts.UNDECIDED
        print(f"#{c.id:<5} {flags:<8} {queue_texts.STATUS[c.status]:<16} {service:<14} "
              f"{c.area or '-':<6} {queue_texts.when(c.created_at, queue.tz)}  "
              f"{queue_texts.OWNER.format(name=c.claimed_by or '-')}")
    if more:
        print(queue_texts.MORE_OPEN.format(n=await queue.open_count(name, **given), after=cases[-1].id))
    return 0


async def _show(queue: Queue, name: str, args: argparse.Namespace, names: dict[str, str]) -> int:
    from bot.coordination import texts as queue_texts

    case, events = await queue.show(args.case_id, name)
    if args.json:
        data = _jsonable(case) | {"history": [asdict(e) for e in events]}
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return 0
    service = names.get(case.service_id or "", case.service_id or queue_texts.UNDECIDED)
    print(queue_texts.case_card(case, queue.tz, service, "status", names.get(case.site_id or ""), names=names))
    print(queue_texts.HISTORY)
    for e in events:
        change = f" {e.status_from or ''}→{e.status_to}" if e.status_to else ""
        note = f"  ({e.note})" if e.note else ""
        print(f"  {queue_texts.when(e.at, queue.tz)}  {e.actor}  {e.kind}{change}{note}")
    if messages := await queue.parent_messages(case.id):
        print(queue_texts.PARENT_MESSAGES)
        for m in messages:
            print(f"  {queue_texts.when(m.created_at, queue.tz)}  {m.by or '-'}  {m.kind}  "
                  f"[{queue_texts.REPLY_STATE[m.state]}]")
    return 0


def _jsonable(case: CaseRow) -> dict[str, Any]:
    return json.loads(json.dumps(asdict(case), ensure_ascii=False, default=str))
