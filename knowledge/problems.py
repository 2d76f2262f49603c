"""Problems with a knowledge file, located for the member of staff who has to fix it: file, line, entry, field."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

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


def find_node(root: yaml.Node | None, loc: Sequence[str | int]) -> tuple[int | None, yaml.Node | None]:
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


def refine_line(node: yaml.Node | None, message: str) -> int | None:
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


def entry_name(data: Mapping[str, Any], loc: Sequence[str | int]) -> tuple[str, int]:
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


def field_path(loc: Sequence[str | int]) -> str:
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in loc).lstrip(".")


def error_detail(err: Mapping[str, Any]) -> str:
    notes = []
    value = err.get("input")
    if err["type"] != "missing" and isinstance(value, str | int | float) and f"'{value}'" not in err["msg"]:
        notes.append(f"지금 값: {value!r}")
    if err["type"] in HINTS:
        notes.append(HINTS[err["type"]])
    return f"{err['msg']} ({'; '.join(notes)})" if notes else err["msg"]
