"""`dolbom map [-o FILE]`: write the care map page to one self-contained HTML file that opens offline."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from bot.caremap import texts as T
from bot.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default="dolbom-map.html", help=T.CLI_OUTPUT)
    parser.add_argument("--service", help=T.CLI_SERVICE)
    parser.add_argument("--area", help=T.CLI_AREA)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.caremap.page import render_map
    from knowledge.loader import KnowledgeError, load

    try:
        knowledge = load(settings.knowledge_dir)
        html = render_map(knowledge, datetime.now(settings.tz), args.service, args.area)
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
