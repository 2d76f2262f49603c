"""The printed rows of bench/growth.py: each backend's figures against their targets, and what held SQLite's writer."""

from __future__ import annotations

from typing import Any

from bench.engine import percentile

PLAN_LINES: list[str] = []
"""The query plans of --plans, printed after the table."""


def rows(name: str, got: dict[str, Any], target_turn: bool) -> list[Any]:
    from bench.__main__ import at_most, row

    ms = lambda values: [v * 1000 for v in values]  # noqa: E731
    w = got["written"]
    queue_all = [v for values in got["queue"].values() for v in values]
    heads = [row(f"{name}: generated {w['cases']:,} cases, {w['messages']:,} messages, {w['events']:,} events in",
                 [got["fill_s"]], "s")]
    if got.get("settle_s"):  # PostgreSQL: the vacuum after the load (bench/growth_pg.py's settle)
        heads.append(row("  then VACUUM (FREEZE, ANALYZE) and CHECKPOINT in", [got["settle_s"]], "s"))
    purge = [
        row(f"  retention purge of {got['purged']:,} cases", [got["purge_s"]], "s", "<= 60", at_most(60)),
        row("    of which the WAL copied and cut at its end", [got["truncate_s"]], "s"),
        row("  turns at 1,000/s offered during the purge: p50", [percentile(got["purge_turn"], 0.5) * 1000], "ms"),
        row("  same, p99", [percentile(got["purge_turn"], 0.99) * 1000], "ms",
            *(("<= 10", at_most(10)) if target_turn else ("", None))),
        row("  same, worst", [max(got["purge_turn"]) * 1000], "ms"),
    ]
    purge += writer_rows(got.get("writer") or {})
    if not got["queue"]:  # --purge-only
        return [*heads, *purge]
    worst = max(got["queue"], key=lambda k: percentile(got["queue"][k], 0.99))
    out = [
        *heads,
        row("  turn at 1,000 turns/s offered: p50", [percentile(got["turn"], 0.5) * 1000], "ms"),
        row("  turn at 1,000 turns/s offered: p99", [percentile(got["turn"], 0.99) * 1000], "ms",
            *(("<= 10", at_most(10)) if target_turn else ("", None))),
        row("  queue queries (console views, dolbom queue): p99", [percentile(ms(queue_all), 0.99)], "ms", "<= 20",
            at_most(20)),
        row(f"  slowest: {worst}, p99", [percentile(ms(got['queue'][worst]), 0.99)], "ms"),
        row("  a year's report (build_report, 12 months)", [got["report"]], "s", "<= 5", at_most(5)),
        *([row(f"    {k}: p50, p99", [percentile(ms(v), 0.5), percentile(ms(v), 0.99)], "ms")
           for k, v in got["queue"].items()] if got["plans"] else []),
        *purge,
    ]
    PLAN_LINES.extend([f"{name}:", *got["plans"]] if got["plans"] else [])
    return out


def writer_rows(held: dict[str, Any]) -> list[Any]:
    """What held SQLite's writer process during the purge, and so every turn that arrived meanwhile (ms)."""
    from bench.__main__ import row

    names = {"turns": "writer held by turn batches", "purge": "writer held by purge transactions",
             "restart": "writer held by its copies before the WAL starts over",
             "free": "WAL start-overs with nothing left for the writer to copy",
             "truncate": "writer held by the final copy and cut", "copier": "copier looks (beside the writer)"}
    out = [row(f"    {names[k]} (n={v['n']}, over 50 ms: {v['slow']}): p99 (p50, max)",
               [v["p50"], v["p99"], v["max"]], "ms") for k, v in held.items() if k in names]
    if held.get("hurry_s"):  # a busy loop shows here: thousands of looks a second, nearly all of them idle
        looks, idle = held.get("hurried", {}).get("n", 0), held.get("idle", {}).get("n", 0)
        out.append(row(f"    copier looks while the purge waited for it ({held['hurry']['n']} waits, "
                       f"{held['hurry_s']:.2f} s in all; {looks:,} looks, {idle:,} copied nothing): per second",
                       [looks / held["hurry_s"]], "/s"))
    if "slow" in held:
        out.append(row("    writer transactions and copies over 50 ms during the purge", [held["slow"]], ""))
    return out
