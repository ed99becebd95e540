"""The results table: one row per measure with its target, the ratio to it, and pass or fail."""

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

KEY_MEDIAN_MS = 33.0
KEY_WORST_MS = 100.0


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


def key_row(label: str, seconds: list[float], note: str = "") -> Row:
    s = spread(seconds)
    median_ratio, worst_ratio = s["median"] * 1000 / KEY_MEDIAN_MS, s["max"] * 1000 / KEY_WORST_MS
    return Row(
        f"key: {label}",
        f"median {ms(s['median'])} · worst {ms(s['max'])} (n={s['n']})",
        f"≤ {KEY_MEDIAN_MS:.0f} / ≤ {KEY_WORST_MS:.0f} ms",
        f"{median_ratio:.1f}× / {worst_ratio:.1f}×",
        median_ratio <= 1 and worst_ratio <= 1,
        note,
        {"seconds": seconds, **s},
    )


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
