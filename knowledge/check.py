"""`dolbom check-knowledge [PATH]`: validate the knowledge YAML before (or after) staff save an edit."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Protocol

from knowledge.loader import DEFAULT_DIR, FILES, KnowledgeError, Problem, load_files, paths_in


class Settings(Protocol):
    """The one setting this command reads (bot.settings.Settings has it; knowledge never imports bot)."""

    @property
    def knowledge_dir(self) -> Path: ...

HELP_PATH = "검사할 폴더 또는 services.yaml / places.yaml 파일 (기본: DOLBOM_KNOWLEDGE_DIR)"
CHECKING = "검사한 파일: {files}"
COMPANION = "  ({name} 은(는) {path} 의 것을 함께 검사했습니다)"
OK = "서비스 {services}개, 사이트 {sites}개, 장소 {places}개: 문제 없음"
FAILED = "문제 {count}개를 찾았습니다. 고친 뒤 다시 검사하세요. 봇이 실행 중이면 고칠 때까지 이전 지식을 계속 씁니다."
UNKNOWN_FILE = "services.yaml, places.yaml 만 검사합니다 (이름이 services 나 places 로 시작하는 사본도 됩니다)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help=HELP_PATH)


def run(args: argparse.Namespace, settings: Settings) -> int:
    target: Path = args.path or settings.knowledge_dir
    try:
        paths = files_for(target)
        print(CHECKING.format(files=", ".join(str(p) for p in paths.values())))
        for name, path in paths.items():
            if target.is_file() and path.parent != target.parent:
                print(COMPANION.format(name=name, path=path.parent))
        knowledge = load_files(paths)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem)
        print(FAILED.format(count=len(exc.problems)))
        return 1
    sites = sum(len(s.sites) for s in knowledge.services)
    print(OK.format(services=len(knowledge.services), sites=sites, places=len(knowledge.places)))
    return 0


def files_for(target: Path) -> dict[str, Path]:
    """The file to read for each of FILES: a directory gives both; a single file is checked with its partner.

    The partner comes from the same directory, or from the shipped knowledge when that directory lacks it,
    so staff can check a draft such as ``services-new.yaml`` on its own.
    """
    if not target.is_file():
        return paths_in(target)
    role = next((name for name in FILES if target.name.startswith(name.removesuffix(".yaml"))), None)
    if role is None:
        raise KnowledgeError([Problem(target.name, None, detail=UNKNOWN_FILE)])
    paths = {}
    for name in FILES:
        beside = target.parent / name
        paths[name] = target if name == role else beside if beside.is_file() else DEFAULT_DIR / name
    return paths
