"""Load the knowledge YAML files into one validated, frozen Knowledge."""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.schema import Knowledge

DEFAULT_DIR = Path(__file__).resolve().parent
FILES = ("services.yaml", "places.yaml")


def load(directory: Path = DEFAULT_DIR) -> Knowledge:
    data: dict = {}
    for name in FILES:
        with open(directory / name, encoding="utf-8") as fh:
            data.update(yaml.safe_load(fh) or {})
    return Knowledge.model_validate(data)
