"""`python -m bench.danger_train [--cv]`: train routing.dangerscore's model on every labelled message.

Needs scikit-learn (`pip install -e '.[train]'`; `make danger-model` does both). The labels are
bench/heldout_data/*.jsonl: a danger file's line counts by its ``danger`` label, a fields file's line as not
danger unless labelled so (ordinary intake messages are the lookalikes' everyday background). Features are the
message's letter pairs with spaces removed, present or not; the model is a class-balanced logistic regression.
The file written (knowledge/danger_model.json) records the data's hash, so a test can tell that labelled messages
were added without retraining, and a few check logits from scikit-learn's own arithmetic, which the test
recomputes with routing.dangerscore to prove the runtime reads the features the model was trained on.
``--cv`` prints, per labelled file, the model alone trained without that file (how it reads an unseen writer).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Sequence
from pathlib import Path

from routing.dangerscore import MODEL_FILE, compact

ROOT = Path(__file__).resolve().parent.parent
DATA = (ROOT / "bench" / "heldout_data", ROOT / "tests" / "fixtures")
C = 1.0
ALARM_ABOVE = 0.97
"""The model alone says danger above this probability. Each group of fresh sets held out of training in turn (v43-45
with v49-50, v52-54, v56-57; 560 dangers, 640 lookalikes), the words alone caught 471 with 26 false alarms; words
and model above 0.97 caught 528 with 29 (4.5%); above 0.95, 532 with 34 (5.3%); above 0.9, 542 with 37. The goal is
at most one false alarm in twenty, so 0.97."""
CLEAR_BELOW = 0.01
CLEAR_LETTERS = 30
"""The model takes back the words' alarm below this probability on a message of this many letters or more. Each
round from v43 to v75 held out of training in turn (2,960 lines, 1,445 dangers): of the 1,285 dangers the words
caught, none had p < 0.2 with 30 letters or more (two with 20-29 letters did; below 20 letters, 13). But the team's
own danger sentences hold a class the model cannot see, a carer taken to hospital or to the police with young
children left at home ("와이프가 출혈이 심해서 응급실이에요 애는 집에서 자고 있어요"), at p 0.015-0.048, so the line is
0.01. On the session's eight fresh rounds v68-v75, read by the words as they stood before them, 8 of the words' 19
false alarms were below it."""
CHECKS = 12
SEED = 7
BEFORE = 0.7
"""How often a blended message puts the everyday message first (parents ask for care, then add "아 근데 지금...")."""


def data_files(folders: Sequence[Path] = DATA) -> list[Path]:
    return sorted(f for folder in folders for f in folder.glob("*.jsonl"))


def data_hash(files: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.relative_to(ROOT).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def examples(files: Sequence[Path]) -> list[tuple[str, str, bool]]:
    """(file stem, text, danger) for every line that says whether it is danger."""
    rows = []
    for f in files:  # a file's stem names its kind: danger files label every line, others are everyday messages
        for raw in f.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            line = json.loads(raw)
            danger = line["expect"].get("danger")
            if danger is None and "danger" in f.stem:
                continue  # a danger file's line that does not say
            rows.append((f.stem, line["text"], bool(danger)))
    return rows


def blended(rows: Sequence[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Each line of a danger file once more, joined to a random everyday message with the same label: a danger told
    after a care request ("내일 9시부터 봐줄 곳 … 그리고 지금 애가 …") is still danger, a lookalike still is not.
    Without these the request's words outweigh a danger told as an aside: on three fresh sets written so, the model
    missed 16 of 180 dangers, and 9 with them, with false alarms down from 5 to 1."""
    rnd = random.Random(SEED)
    everyday = [text for stem, text, danger in rows if "danger" not in stem and not danger]
    out = []
    for stem, text, danger in rows:
        if "danger" in stem:
            other = rnd.choice(everyday)
            out.append((stem, f"{other} {text}" if rnd.random() < BEFORE else f"{text} {other}", danger))
    return out


def fit(rows: Sequence[tuple[str, str, bool]]) -> tuple[object, object]:
    rows = [*rows, *blended(rows)]
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(analyzer="char", ngram_range=(2, 2), preprocessor=compact, binary=True, min_df=2)
    x = vectorizer.fit_transform([text for _, text, _ in rows])
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(x, [danger for _, _, danger in rows])
    return vectorizer, model


def cross_validate(rows: Sequence[tuple[str, str, bool]]) -> None:
    for stem in sorted({s for s, _, _ in rows if "danger" in s}):
        held = [r for r in rows if r[0] == stem]
        vectorizer, model = fit([r for r in rows if r[0] != stem])
        said = model.predict_proba(vectorizer.transform([t for _, t, _ in held]))[:, 1] > ALARM_ABOVE  # type: ignore[attr-defined]
        caught = sum(1 for (_, _, d), s in zip(held, said, strict=True) if d and s)
        alarms = sum(1 for (_, _, d), s in zip(held, said, strict=True) if s and not d)
        dangers = sum(1 for _, _, d in held if d)
        print(f"{stem}: model alone caught {caught}/{dangers}, false alarms {alarms}/{len(held) - dangers}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="leave each danger file out once and score the model on it")
    args = parser.parse_args(argv)
    files = data_files()
    rows = examples(files)
    if args.cv:
        cross_validate(rows)
    vectorizer, model = fit(rows)
    coef = model.coef_[0]  # type: ignore[attr-defined]
    weights = {pair: round(float(coef[i]), 6) for pair, i in sorted(vectorizer.vocabulary_.items())}  # type: ignore[attr-defined]
    bias = round(float(model.intercept_[0]), 6)  # type: ignore[attr-defined]
    step = max(1, len(rows) // CHECKS)
    texts = [text for _, text, _ in rows[::step]][:CHECKS]
    checks = [round(float(v), 6) for v in model.decision_function(vectorizer.transform(texts))]  # type: ignore[attr-defined]
    out = {
        "about": "routing.dangerscore's weights; written by `make danger-model` (bench/danger_train.py), not by hand",
        "data_sha256": data_hash(files),
        "files": [f.relative_to(ROOT).as_posix() for f in files],
        "examples": len(rows),
        "dangers": sum(1 for _, _, d in rows if d),
        "C": C,
        "alarm_above": ALARM_ABOVE,
        "clear_below": CLEAR_BELOW,
        "clear_letters": CLEAR_LETTERS,
        "bias": bias,
        "checks": [{"text": t, "logit": v} for t, v in zip(texts, checks, strict=True)],
        "weights": weights,
    }
    MODEL_FILE.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{MODEL_FILE.name}: {len(weights)} letter pairs from {len(rows)} messages ({out['dangers']} dangers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
