"""The `dolbom` command line: one entry, one subcommand per job, each implemented in its own module."""

from __future__ import annotations

import argparse
import importlib
import sys

from bot.settings import Settings, SettingsError
from knowledge.coordinators import CoordinatorsError
from knowledge.problems import KnowledgeError

KNOWLEDGE_BROKEN = "지식 파일에 문제가 있어 시작하지 않았습니다. 고친 뒤 `dolbom check-knowledge`로 확인하세요."

# name -> (module, one-line help). Each module defines ``add_arguments(parser)`` and
# ``run(args, settings) -> int`` (sync or async); modules are imported only when their command runs.
COMMANDS: dict[str, tuple[str, str]] = {
    "chat": ("bot.shell.chat", "터미널에서 돌봄이음과 대화 (talk to the bot in the terminal)"),
    "serve": ("bot.shell.serve", "설정된 모든 채널 실행 (run every configured channel)"),
    "check-knowledge": ("knowledge.check", "지식 YAML 검사 (validate the knowledge YAML)"),
    "map": ("bot.caremap.command", "돌봄 지도 HTML 만들기 (write the care map page)"),
    "understand": ("routing.command", "부모님 메시지 이해 결과를 JSON으로 (understand messages, one JSON line each)"),
    "queue": ("bot.coordination.command", "열린 접수 목록 (list open cases; --service, --status, --urgent, --json)"),
    "case": ("bot.coordination.command", "접수 한 건과 기록 보기 (show one case with its history)"),
    "claim": ("bot.coordination.command", "접수 맡기 (claim a case: dolbom claim N --as NAME)"),
    "update": ("bot.coordination.command", "접수 상태 바꾸기·메모 (update a case: --status ... --note ...)"),
    "account": ("bot.console.command", "웹 콘솔 계정: add NAME --password-stdin | disable NAME | list"),
    "audit": ("bot.console.command", "웹 콘솔 접속기록 (access log: --from, --to, --who, --json)"),
    "reply": ("bot.coordination.command", "부모님께 답장 (reply to a case's parent: dolbom reply N --as NAME TEXT)"),
    "report": ("bot.reports.command",
               "정례회의 성과 보고서: Markdown, CSV, PNG (report for the city's regular meeting)"),
    "migrate-to-postgres": ("bot.shell.topostgres",
                            "SQLite 데이터를 PostgreSQL로 옮기기 (copy the SQLite database into DOLBOM_DATABASE_URL)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dolbom", description="돌봄이음: 김천시 돌봄 통합 접수 도우미")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(module=module)
        importlib.import_module(module).add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"설정 오류: {exc}", file=sys.stderr)
        return 2
    from bot.shell.logs import setup

    setup(settings)
    try:
        result = importlib.import_module(args.module).run(args, settings)
        if hasattr(result, "__await__"):
            from bot.shell.loop import run as run_loop

            result = run_loop(result)
    except KeyboardInterrupt:  # Ctrl-C: the lifespan has already closed everything on the way out
        print(file=sys.stderr)
        return 130
    except KnowledgeError as exc:  # a broken YAML at start: what `dolbom check-knowledge` says, no traceback
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(KNOWLEDGE_BROKEN, file=sys.stderr)
        return 1
    except CoordinatorsError as exc:
        print(f"설정 오류: {exc}", file=sys.stderr)
        return 1
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
