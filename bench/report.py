"""The results table: one row per measure with its target, the ratio to it, and pass or fail."""

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FLOOR_RATIO = 1.0  # DESIGN.md: every interaction ≤ 1.0 × the same stock Textual widget in an empty app
WORST_OVER_MEDIAN = 3.0  # … and its worst case ≤ 3 × its median


@dataclass
class Row:
    measure: str
    value: str
    target: str = "—"
    ratio: str = "—"
    passed: bool | None = None  # None: informational, no target
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return {True: "pass", False: "FAIL", None: "—"}[self.passed]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def spread(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    quartiles = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else [ordered[0]] * 3
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "q1": quartiles[0],
        "q3": quartiles[2],
        "n": len(ordered),
    }


def key_value(s: dict[str, float]) -> str:
    return f"median {ms(s['median'])} · worst {ms(s['max'])} (n={s['n']})"


def key_row(label: str, seconds: list[float], note: str = "", floor: list[float] | None = None) -> Row:
    """One of kamplan's interactions: its median as a ratio to the median of its `floor` (the same kind
    of interaction on a stock widget, measured in the same run), and its worst case to its median.
    Without a floor, only the worst case is held to a target."""
    s = spread(seconds)
    worst = s["max"] / s["median"]
    data: dict[str, Any] = {"seconds": seconds, **s, "worst_over_median": worst}
    worst_target, worst_shown = f"worst ≤ {WORST_OVER_MEDIAN:g}× median", f"worst {worst:.1f}×"
    if floor is None:
        passed = worst <= WORST_OVER_MEDIAN
        return Row(f"key: {label}", key_value(s), worst_target, worst_shown, passed, note, data)
    floor_median = statistics.median(floor)
    ratio = s["median"] / floor_median
    return Row(
        f"key: {label}",
        key_value(s),
        f"≤ {FLOOR_RATIO:.1f}× floor · {worst_target}",
        f"{ratio:.2f}× of {ms(floor_median)} · {worst_shown}",
        ratio <= FLOOR_RATIO and worst <= WORST_OVER_MEDIAN,
        note,
        data | {"floor_median": floor_median, "floor_ratio": ratio},
    )


def floor_row(label: str, seconds: list[float], note: str = "") -> Row:
    """A floor: informational, the yardstick for the rows that name it."""
    s = spread(seconds)
    return Row(f"floor: {label}", key_value(s), "(floor)", "—", None, note, {"seconds": seconds, **s})


def limit_row(measure: str, value: float, limit: float, unit: str, note: str = "", **data: Any) -> Row:
    shown = f"{value:.2f} s" if unit == "s" else f"{value:.0f} {unit}"
    limit_shown = f"{limit:g} s" if unit == "s" else f"{limit:g} {unit}"
    return Row(measure, shown, f"≤ {limit_shown}", f"{value / limit:.2f}×", value <= limit, note, data)


def render(rows: list[Row]) -> str:
    headers = ("measure", "value", "target", "ratio", "result")
    table = [(r.measure, r.value, r.target, r.ratio, r.verdict) for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*headers), line.format(*("─" * w for w in widths))]
    out += [line.format(*row).rstrip() for row in table]
    notes = [f"  {r.measure}: {r.note}" for r in rows if r.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)


def write_json(path: Path, rows: list[Row], context: dict[str, Any]) -> None:
    document = {"context": context, "rows": [asdict(r) | {"result": r.verdict} for r in rows]}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
