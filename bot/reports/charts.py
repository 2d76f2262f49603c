"""PNG bar charts of the report, in Korean when a Korean font is installed, else with ASCII labels (no tofu)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.reports import texts as t
from bot.reports.report import Report, label, week

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KOREAN_FONTS = ("NanumGothic", "NanumBarunGothic", "NanumSquare", "Noto Sans CJK KR", "Noto Sans KR",
                "Source Han Sans KR", "Malgun Gothic", "AppleGothic", "UnDotum", "Baekmuk Gulim")
ASCII_FONT = "DejaVu Sans"
"""Ships with matplotlib, so the fallback always renders."""
DETECT = "detect"


def chart_font() -> str | None:
    """The first installed font that has Hangul, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in KOREAN_FONTS if name in installed), None)


def chart_data(report: Report, korean: bool) -> dict[str, list[tuple[str, int]]]:
    """Bars per chart ('service', 'outcome', 'week'): labels in Korean, or ids and English words when no font
    can draw Hangul. The week chart only when the period spans more than one week."""
    def outcome(value: str) -> str:
        if korean:
            return label(report, "outcome_key", value)
        return {"open": t.OPEN_OUTCOME_ASCII, "closed": t.CLOSED_NO_OUTCOME_ASCII}.get(value, value)

    def service(value: str | None) -> str:
        if korean:
            return label(report, "service_id", value)
        return value or t.UNKNOWN_SERVICE_ASCII

    data = {
        "service": [(service(v), n) for v, n in report.by("service_id")],
        "outcome": [(outcome(v), n) for v, n in report.by("outcome_key")],
    }
    weeks = report.by_week()
    if len(weeks) > 1:
        data["week"] = [(week(a, b), n) for a, b, n in weeks]
    return data


def draw_charts(report: Report, out: Path, stem: str, font: str | None = DETECT) -> dict[str, Path]:
    """Write ``{stem}-{chart}.png`` into ``out``; nothing for a period without cases. ``font``: a font family
    with Hangul, None for ASCII labels, or DETECT to look for an installed one."""
    if not report.total:
        return {}
    from matplotlib import rc_context

    if font == DETECT:
        font = chart_font()
    titles = t.CHART_TITLES if font else t.CHART_TITLES_ASCII
    paths = {}
    with rc_context({"font.family": [font or ASCII_FONT], "axes.unicode_minus": False}):
        for name, bars in chart_data(report, korean=font is not None).items():
            path = out / f"{stem}-{name}.png"
            _bar_chart(bars, titles[name], horizontal=name != "week").savefig(path, dpi=120)
            paths[name] = path
    return paths


def _bar_chart(bars: list[tuple[str, int]], title: str, *, horizontal: bool) -> Figure:
    from matplotlib.figure import Figure  # no pyplot: no global figure state, no GUI backend; PNG through Agg

    labels, counts = [b[0] for b in bars], [b[1] for b in bars]
    if horizontal:  # long service names read best on the left, most cases on top
        fig = Figure(figsize=(7, 0.45 * len(bars) + 1.4), layout="tight")
        ax = fig.add_subplot()
        ax.barh(labels[::-1], counts[::-1], color="#4C8BF5")
        ax.xaxis.get_major_locator().set_params(integer=True)
        for y, n in enumerate(counts[::-1]):
            ax.text(n, y, f" {n}", va="center")
        ax.margins(x=0.08)  # room for the count after the longest bar
    else:
        fig = Figure(figsize=(max(5.0, 0.9 * len(bars) + 1.5), 3.6), layout="tight")
        ax = fig.add_subplot()
        ax.bar(labels, counts, color="#4C8BF5")
        ax.yaxis.get_major_locator().set_params(integer=True)
        for x, n in enumerate(counts):
            ax.text(x, n, f"{n}", ha="center", va="bottom")
        ax.margins(y=0.12)  # room for the count above the highest bar
        ax.tick_params(axis="x", labelsize=8)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig
