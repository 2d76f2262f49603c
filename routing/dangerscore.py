"""A learned second reader for danger: a logistic model over the message's letter pairs, beside the YAML rules.

The rules (``routing.situations``) read danger from staff-edited words and pairs. On sets written by people who
never saw them they missed about one danger in thirty: each new writer tells a child in danger in words no rule
has. A linear model over every pair of adjacent letters (spaces removed), trained on all labelled messages in
``bench/heldout_data`` and ``tests/fixtures`` by ``bench/danger_train.py``, reads the wording as a whole. A rule's
alarm stands unless the message is long and the model is all but sure it tells no danger (``DangerScore.decide``:
on short telegraphic dangers it is too often unsure, on long ones it reads what the words cannot, a fear told as a
question, a past event, a prevention programme); the model alone raises danger only when it is confident. The
weights are data, not code: rebuild them with ``make danger-model`` after adding labelled messages (a test checks
the file matches the data).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "danger_model.json"
_PAIRS = tuple(slice(i, i + 2) for i in range(4096))
"""Slices of every letter pair of a message (longer messages are read by their first 4,096 letters)."""
_NOTHING = repeat(0.0)
"""The weight of a pair the model never saw (``map`` stops at the shorter input)."""


def compact(text: str) -> str:
    """The message as the model reads it: every space removed (as ``Understander.read`` does)."""
    return "".join(text.split())


def logit_of(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


@dataclass(frozen=True, slots=True)
class DangerScore:
    """The model's weights and the threshold of ``decide``, from ``knowledge/danger_model.json``."""

    weights: dict[str, float]
    bias: float
    alarm_above: float
    """Logit above which the model alone says danger (the rules said none)."""
    clear_below: float = -math.inf
    """Logit below which the model takes back the rules' alarm on a message of ``clear_letters`` letters or more."""
    clear_letters: int = 0

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> DangerScore:
        model = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=dict(model["weights"]),
            bias=float(model["bias"]),
            alarm_above=logit_of(float(model["alarm_above"])),
            clear_below=logit_of(float(model["clear_below"])),
            clear_letters=int(model["clear_letters"]),
        )

    def logit(self, compacted: str) -> float:
        """The model's log-odds that ``compacted`` (spaces removed) tells of a child in danger now."""
        pairs = set(map(compacted.__getitem__, _PAIRS[: len(compacted) - 1]))  # present or not, as trained
        return self.bias + sum(map(self.weights.get, pairs, _NOTHING))

    def alarms(self, compacted: str) -> bool:
        """Whether the model alone is sure enough to say danger where the rules said none."""
        return self.logit(compacted) > self.alarm_above

    def decide(self, rules: bool, compacted: str) -> bool:
        """Danger, given whether the rules said so: the model adds an alarm when sure, and takes one back only on a
        message long enough to read as a whole (``clear_letters``) that it is all but sure tells no danger."""
        if rules:
            return len(compacted) < self.clear_letters or self.logit(compacted) >= self.clear_below
        return self.logit(compacted) > self.alarm_above


@cache
def shipped() -> DangerScore:
    """The model shipped in ``knowledge/danger_model.json``, read once per process."""
    return DangerScore.load()
