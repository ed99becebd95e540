"""Every activity of an account as CSV, safe to open in a spreadsheet."""

import csv
import io

from kamplan.document.model import PlanDocument

HEADER = ["date", "type", "status", "stakeholders", "owner", "opportunity", "objective", "outcome"]
# A spreadsheet runs a cell that starts like a formula, and some skip a leading tab or line break before
# they look: "\t=cmd" is a formula too. A leading quote keeps such a cell text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def activities_csv(doc: PlanDocument) -> str:
    people = {s.ref: s.name for s in doc.stakeholders}
    team = {t.ref: t.name for t in doc.team}
    opps = {o.ref: o.title for o in doc.opportunities}
    out = io.StringIO()
    # Every cell quoted: a line break or carriage return anywhere in a cell stays inside it, so a strict
    # reader reads one row per activity.
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    for x in doc.activities:
        row = [
            x.date.isoformat(),
            str(x.type),
            str(x.status),
            "; ".join(people[r] for r in x.stakeholders),
            team.get(x.owner or "", ""),
            opps.get(x.opportunity or "", ""),
            x.objective,
            x.outcome,
        ]
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue()
