"""Load the staff-edited knowledge YAML into one frozen Knowledge, or say exactly where an edit is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.schema import Knowledge

DEFAULT_DIR = Path(__file__).resolve().parent
FILES = ("services.yaml", "places.yaml")
"""The files this loader owns; any other YAML in the directory (e.g. coordinators.yaml) is left alone."""

# Which file a top-level key belongs to when no file has it (so "Field required" still names a file).
HOME_FILE = {"places": "places.yaml"}
# Situation ids the engine looks up by name: removing or renaming one would silently switch its rule off.
REQUIRED_SITUATIONS = ("danger", "emergency", "sick")

# Korean hints for staff next to pydantic's technical message, by pydantic error type.
HINTS = {
    "missing": "꼭 있어야 하는 항목이 빠졌습니다",
    "extra_forbidden": "모르는 항목 이름입니다. 철자를 확인하세요",
    "int_parsing": "정수를 적어야 합니다",
    "int_type": "정수를 적어야 합니다",
    "int_from_float": "정수를 적어야 합니다",
    "float_parsing": "숫자를 적어야 합니다",
    "float_type": "숫자를 적어야 합니다",
    "string_type": "글자를 적어야 합니다. 숫자만 적을 때는 따옴표로 감싸세요",
    "bool_parsing": "true 또는 false 를 적어야 합니다",
    "bool_type": "true 또는 false 를 적어야 합니다",
    "enum": "정해진 값 중 하나를 적어야 합니다",
    "greater_than_equal": "허용 범위보다 작습니다",
    "less_than_equal": "허용 범위보다 큽니다",
    "string_pattern_mismatch": "영문 소문자, 숫자, - 만 쓸 수 있습니다",
    "tuple_type": "목록을 적어야 합니다 (예: [가, 나])",
    "list_type": "목록을 적어야 합니다 (예: [가, 나])",
    "dict_type": "하위 항목 묶음을 적어야 합니다",
    "model_type": "하위 항목 묶음을 적어야 합니다",
    "model_attributes_type": "하위 항목 묶음을 적어야 합니다",
}
_QUOTED = re.compile(r"'([^']+)'")
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a knowledge file, located for the member of staff who has to fix it."""

    file: str
    line: int | None
    """1-based, as editors show it; None when the problem is about the file as a whole."""
    entry: str = ""
    """e.g. "서비스 'daycare-365'" or "장소 '자산동'"."""
    field: str = ""
    """e.g. "ages.min_months" or "contacts[0].phone"."""
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.file} {self.line}행" if self.line else self.file
        what = " 의 ".join(part for part in (self.entry, self.field) if part)
        return f"{where}: {what}: {self.detail}" if what else f"{where}: {self.detail}"


class KnowledgeError(ValueError):
    """The knowledge files cannot be used; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        files = list(dict.fromkeys(p.file for p in problems))  # files in the order they were read
        self.problems = tuple(sorted(problems, key=lambda p: (files.index(p.file), p.line or 0)))
        super().__init__("\n".join(str(p) for p in self.problems))


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
                line = _find(root, (key,))[0]
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
        line, node = _find(roots.get(name), loc)
        line = _refine(node, err["msg"]) or line
        entry, used = _entry(data, loc)
        problems.append(Problem(labels[name], line, entry, _path(loc[used:]), _detail(err)))
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
        line = _find(roots.get(home), ("situations",))[0]
        for required in REQUIRED_SITUATIONS:
            if required not in situations:
                yield Problem(labels[home], line, field="situations",
                              detail=f"'{required}' 상황은 프로그램이 이 이름으로 찾으므로 지우거나 이름을 바꿀 수 "
                                     "없습니다 (label 과 words 는 고쳐도 됩니다)")
    name = origin.get("services", FILES[0])
    seen_ids: set[str] = set()

    def problem(loc: tuple[str | int, ...], detail: str) -> Problem:
        entry, used = _entry(data, loc)
        return Problem(labels[name], _find(roots.get(name), loc)[0], entry, _path(loc[used:]), detail)

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


def _find(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[int | None, yaml.Node | None]:
    """The line of the deepest node ``loc`` reaches (a key's own line for mapping steps) and that node."""
    if root is None:
        return None, None
    node, line = root, root.start_mark.line + 1
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next((p for p in node.value if isinstance(p[0], yaml.ScalarNode) and p[0].value == str(step)), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line, node


def _refine(node: yaml.Node | None, message: str) -> int | None:
    """For an error on a whole mapping (e.g. hours), the line of the value the message quotes."""
    quoted = set(_QUOTED.findall(message))
    if not quoted or not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        return None
    stack = [node]
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode) and current.value in quoted:
            return current.start_mark.line + 1
        if isinstance(current, yaml.MappingNode):
            stack += [n for pair in current.value for n in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return None


def _entry(data: Mapping[str, Any], loc: Sequence[str | int]) -> tuple[str, int]:
    """Name the entry an error is in by its id or name, and how many loc steps that name stands for."""
    if len(loc) >= 2 and loc[0] == "situations":
        return f"상황 '{loc[1]}'", 2
    if len(loc) < 2 or not isinstance(loc[1], int) or loc[0] not in ("services", "places"):
        return "", 0
    item = _at(data, loc[:2])
    if loc[0] == "places":
        return _label("장소", item, "name", loc[1]), 2
    label = _label("서비스", item, "id", loc[1])
    if len(loc) >= 4 and loc[2] == "sites" and isinstance(loc[3], int):
        return f"{label} {_label('사이트', _at(data, loc[:4]), 'id', loc[3])}", 4
    return label, 2


def _label(kind: str, item: object, key: str, index: int) -> str:
    value = item.get(key) if isinstance(item, dict) else None
    return f"{kind} '{value}'" if isinstance(value, str) and value else f"{index + 1}번째 {kind}"


def _at(data: object, loc: Sequence[str | int]) -> object:
    for step in loc:
        try:
            data = data[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _path(loc: Sequence[str | int]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc).lstrip(".")


def _detail(err: Mapping[str, Any]) -> str:
    notes = []
    value = err.get("input")
    if err["type"] != "missing" and isinstance(value, str | int | float) and f"'{value}'" not in err["msg"]:
        notes.append(f"지금 값: {value!r}")
    if err["type"] in HINTS:
        notes.append(HINTS[err["type"]])
    return f"{err['msg']} ({'; '.join(notes)})" if notes else err["msg"]
