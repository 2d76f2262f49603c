"""Load the staff-edited knowledge YAML into one frozen Knowledge, or say exactly where an edit is wrong."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.problems import KnowledgeError, Problem, entry_name, error_detail, field_path, find_node, refine_line
from knowledge.schema import Knowledge

DEFAULT_DIR = Path(__file__).resolve().parent
FILES = ("services.yaml", "places.yaml")
"""The files this loader owns; any other YAML in the directory (e.g. coordinators.yaml) is left alone."""

# Which file a top-level key belongs to when no file has it (so "Field required" still names a file).
HOME_FILE = {"places": "places.yaml"}
# Situation ids the engine looks up by name: removing or renaming one would silently switch its rule off.
REQUIRED_SITUATIONS = ("danger", "emergency", "sick")

_MERGE_TAG = "tag:yaml.org,2002:merge"


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that records repeated mapping keys: PyYAML silently keeps the last one."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeats: list[tuple[str, int, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], int] = {}
        for key_node, _ in node.value:  # before merge keys are flattened in, so '<<' overrides stay legal
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE_TAG:
                key, line = (key_node.tag, key_node.value), key_node.start_mark.line + 1
                if key in seen:
                    self.repeats.append((key_node.value, seen[key], line))
                seen.setdefault(key, line)
        return super().construct_mapping(node, deep=deep)


def paths_in(directory: Path) -> dict[str, Path]:
    return {name: directory / name for name in FILES}


def read(paths: Mapping[str, Path]) -> dict[str, bytes | None]:
    """The raw bytes of each file (None when it does not exist), so callers can hash what they parse."""
    contents: dict[str, bytes | None] = {}
    for name, path in paths.items():
        try:
            contents[name] = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            contents[name] = None
        except OSError as exc:
            raise KnowledgeError([Problem(path.name, None, detail=f"파일을 읽을 수 없습니다: {exc}")]) from None
    return contents


def load(directory: Path = DEFAULT_DIR) -> Knowledge:
    """Read services.yaml and places.yaml from ``directory``; raise KnowledgeError naming every problem."""
    return load_files(paths_in(directory))


def load_files(paths: Mapping[str, Path]) -> Knowledge:
    """Like load(), with each file in FILES read from the path given for it (e.g. a draft copy)."""
    return parse(read(paths), paths)


def parse(contents: Mapping[str, bytes | None], paths: Mapping[str, Path]) -> Knowledge:
    """Validate file contents (keyed by FILES name) into a Knowledge; ``paths`` name the files in messages."""
    labels = {name: paths[name].name for name in FILES}
    problems: list[Problem] = []
    roots: dict[str, yaml.Node] = {}
    data: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name in FILES:
        raw, label = contents.get(name), labels[name]
        if raw is None:
            problems.append(Problem(label, None, detail=f"파일이 없습니다 ({paths[name]})"))
            continue
        root, value, found = _compose(raw, label)
        problems += found
        if found or root is None:
            continue
        roots[name] = root
        for key, item in value.items():
            key = str(key)
            if key in origin:
                line = find_node(root, (key,))[0]
                problems.append(Problem(label, line, field=key, detail=f"{labels[origin[key]]} 에도 있습니다"))
            origin[key] = name
            data[key] = item
    if problems:
        raise KnowledgeError(problems)
    crossed = list(_cross_check(data, roots, origin, labels))
    try:
        knowledge = Knowledge.model_validate(data)
    except ValidationError as exc:
        raise KnowledgeError(_locate(exc, data, roots, origin, labels, crossed)) from None
    if crossed:
        raise KnowledgeError(crossed)
    return knowledge


def _compose(raw: bytes, label: str) -> tuple[yaml.Node | None, dict[str, Any], list[Problem]]:
    """Parse one file into its node tree (for line numbers) and its plain data."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        detail = "UTF-8 로 저장된 파일이 아닙니다. 편집기에서 UTF-8 로 저장하세요"
        return None, {}, [Problem(label, line, detail=detail)]
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        value = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = f"YAML 문법 오류: {exc.problem or ''} ({exc.context or ''})".replace(" ()", "")
        return None, {}, [Problem(label, mark.line + 1 if mark else None, detail=detail)]
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses; no mark, maybe a position
        position = getattr(exc, "position", None)
        line = text[:position].count("\n") + 1 if isinstance(position, int) else None
        return None, {}, [Problem(label, line, detail=f"YAML 오류: {exc}")]
    finally:
        loader.dispose()
    problems = [
        Problem(label, line, field=key, detail=f"같은 이름이 {first}행에도 있습니다 (한 번만 쓰세요)")
        for key, first, line in loader.repeats
    ]
    if value is None:
        return root, {}, problems
    if not isinstance(value, dict):
        return None, {}, [Problem(label, 1, detail="파일 맨 위는 '이름: 값' 항목들이어야 합니다")]
    return root, value, problems


def _locate(
    exc: ValidationError,
    data: Mapping[str, Any],
    roots: Mapping[str, yaml.Node],
    origin: Mapping[str, str],
    labels: Mapping[str, str],
    crossed: list[Problem],
) -> list[Problem]:
    """Turn every pydantic error into a Problem with file, entry, field path and line, plus ``crossed``."""
    problems: list[Problem] = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        if not loc and crossed:
            continue  # a whole-model check the cross-check below has already located precisely
        name = origin.get(str(loc[0]), HOME_FILE.get(str(loc[0]), FILES[0])) if loc else FILES[0]
        line, node = find_node(roots.get(name), loc)
        line = refine_line(node, err["msg"]) or line
        entry, used = entry_name(data, loc)
        problems.append(Problem(labels[name], line, entry, field_path(loc[used:]), error_detail(err)))
    return problems + crossed


def _cross_check(
    data: Mapping[str, Any], roots: Mapping[str, yaml.Node], origin: Mapping[str, str], labels: Mapping[str, str]
) -> Iterator[Problem]:
    """The references between entries (Knowledge._consistent), checked on the raw data so each gets a line,
    and the situations the engine needs.

    Pydantic runs the whole-model check only when every field is valid, and then stops at the first
    reference it cannot resolve; staff need all of them, each with its place.
    """
    services = data.get("services") if isinstance(data.get("services"), list) else []
    places = data.get("places") if isinstance(data.get("places"), list) else []
    situations = data.get("situations") if isinstance(data.get("situations"), dict) else {}
    areas = {p["name"] for p in places if isinstance(p, dict) and isinstance(p.get("name"), str)}
    if "situations" in origin and isinstance(data["situations"], dict):
        home = origin["situations"]
        line = find_node(roots.get(home), ("situations",))[0]
        for required in REQUIRED_SITUATIONS:
            if required not in situations:
                yield Problem(labels[home], line, field="situations",
                              detail=f"'{required}' 상황은 프로그램이 이 이름으로 찾으므로 지우거나 이름을 바꿀 수 "
                                     "없습니다 (label 과 words 는 고쳐도 됩니다)")
    name = origin.get("services", FILES[0])
    seen_ids: set[str] = set()

    def problem(loc: tuple[str | int, ...], detail: str) -> Problem:
        entry, used = entry_name(data, loc)
        return Problem(labels[name], find_node(roots.get(name), loc)[0], entry, field_path(loc[used:]), detail)

    for i, service in enumerate(services):
        if not isinstance(service, dict):
            continue
        service_id = service.get("id")
        if isinstance(service_id, str) and service_id in seen_ids:
            yield problem(("services", i, "id"), f"'{service_id}' 는 앞의 서비스가 이미 쓰는 id 입니다")
        if isinstance(service_id, str):
            seen_ids.add(service_id)
        sites = service.get("sites") if isinstance(service.get("sites"), list) else []
        for j, site in enumerate(sites):
            if isinstance(site, dict) and isinstance(site.get("area"), str) and site["area"] not in areas:
                yield problem(
                    ("services", i, "sites", j, "area"),
                    f"'{site['area']}' 은(는) places.yaml 에 없는 읍면동입니다 (area is not a place name)",
                )
        routing = service.get("routing") if isinstance(service.get("routing"), dict) else {}
        first_for = routing.get("first_for") if isinstance(routing.get("first_for"), list) else []
        for k, situation in enumerate(first_for):
            if isinstance(situation, str) and situation not in situations:
                known = ", ".join(map(str, situations)) or "없음"
                yield problem(
                    ("services", i, "routing", "first_for", k),
                    f"'{situation}' 은(는) situations 에 없는 상황입니다 (있는 상황: {known})",
                )


