"""`dolbom map [-o FILE]`: write the care map page to one self-contained HTML file that opens offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.caremap import texts as T
from bot.settings import Settings, parse_now


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default="dolbom-map.html", help=T.CLI_OUTPUT)
    parser.add_argument("--service", help=T.CLI_SERVICE)
    parser.add_argument("--area", help=T.CLI_AREA)
    parser.add_argument("--now", type=parse_now, metavar="YYYY-MM-DDTHH:MM", help=T.CLI_NOW)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.caremap.page import render_map
    from knowledge.loader import KnowledgeError, load

    try:
        knowledge = load(settings.knowledge_dir)
        html = render_map(knowledge, settings.clock(getattr(args, "now", None))(), args.service, args.area)
    except (KnowledgeError, ValueError) as exc:
        print(T.CLI_FAILED.format(error=exc), file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.write(html)
        return 0
    out = Path(args.output)
    out.write_text(html, encoding="utf-8")
    print(T.CLI_SAVED.format(path=out.resolve()))
    return 0
