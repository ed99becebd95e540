"""The plan as a readable document (Markdown, and HTML made from it) for an executive review."""

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from kamplan import planning
from kamplan.document.derived import derive
from kamplan.document.labels import ACCOUNT_LABELS, PROFILE_LABELS, SEGMENTATION_LABELS
from kamplan.document.model import PlanDocument
from kamplan.enums import ActivityStatus, SwotKind

DASH = "–"


# What the user typed is text, never Markdown: it must not become a heading, a list, a quote, a link, an
# image (which the HTML page would fetch), raw HTML or another table cell, however it starts or what it
# holds. Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
# that can start or close a construct anywhere in a line.
_MARKUP = str.maketrans({char: "\\" + char for char in "\\`*_[]<>&|#~!"})
# And these only at the start of a line: list bullets, ordered lists, setext underlines.
_LINE_START = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)]))")


def _escape(line: str, *, starts_line: bool) -> str:
    escaped = line.translate(_MARKUP)
    start = _LINE_START.match(escaped) if starts_line else None
    if start is None:
        return escaped
    if start.group()[0].isdigit():  # "1. point" -> "1\. point": the dot, not the number, is escaped
        end = start.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return "\\" + escaped


def inline(text: str, *, starts_line: bool = False) -> str:
    """User text within a line (a heading, a table cell): one line, nothing Markdown. `starts_line`: the
    text opens a line or a list item, where "1." or "-" would start a list of its own."""
    return _escape(" ".join(text.split()), starts_line=starts_line)


def block(text: str) -> list[str]:
    """User text of several lines as Markdown lines: each line as it was (a hard break between lines,
    a blank line between paragraphs), nothing Markdown, and no line able to start a construct."""
    out: list[str] = []
    paragraph: list[str] = []
    for raw in [*text.splitlines(), ""]:
        line = _escape(" ".join(raw.split()), starts_line=True)
        if line:
            paragraph.append(line)
        elif paragraph:
            out += [*(f"{line}\\" for line in paragraph[:-1]), paragraph[-1], ""]
            paragraph = []
    return out


def _words(value: object) -> str:
    return DASH if value is None or value == "" else str(value).replace("_", " ")


def _cell(value: object) -> str:
    """A table cell: one line of text, with every character Markdown (tables included) would read escaped."""
    return inline(_words(value) if not isinstance(value, str) else (value or DASH))


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(inline(value) for value in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return [*lines, ""]


def _money(value: float | None, currency: str) -> str:
    if value is None:
        return DASH
    # Beyond 10^18 (only an older database holds such amounts) digits say nothing: 1e+308.
    amount = f"{value:,.0f}" if abs(value) < 1e18 else f"{value:.3g}"
    return f"{amount} {currency}".strip()


def _number(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def plan_markdown(doc: PlanDocument, as_of: date) -> str:
    derived = derive(doc, as_of)
    a = doc.account
    currency = a.currency
    people = {s.ref: s for s in doc.stakeholders}
    team = {t.ref: t.name for t in doc.team}
    opps = {o.ref: o for o in doc.opportunities}
    out = [f"# Account plan: {inline(a.name)}", ""]
    out += [
        f"As of {as_of.isoformat()} · {inline(a.industry) or 'industry not set'} · planning horizon "
        f"{a.planning_horizon_years} year(s) · {'key account' if a.key_account else 'not a key account'}",
        "",
        "## Summary",
        "",
    ]
    best = _best_open(doc)
    out += _table(
        ["Measure", "Value"],
        [
            ["Quadrant", derived["quadrant"] or DASH],
            ["Attractiveness to us (0–10)", _number(derived["attractiveness"])],
            ["Our strength in their eyes (0–10)", _number(derived["our_strength"])],
            ["Relationship index (0–100)", _words(derived["relationship_index"])],
            [
                "Power coverage, last 30 days",
                _number(derived["power_coverage"], 0) + " %"
                if derived["power_coverage"] is not None
                else DASH,
            ],
            ["Factored pipeline", _money(derived["factored_pipeline"], currency)],
            [
                "If they voted today (best bet)",
                f"{derived['opportunities'][best.ref]['verdict']} · {best.title}"
                if best
                else "no open opportunity",
            ],
        ],
    )
    share = planning.share_of_wallet(a.our_revenue, a.wallet)
    margin = planning.margin(a.our_revenue, a.cost_to_serve)
    out += ["## Economics", ""]
    out += _table(
        ["", currency or "amount"],
        [
            [ACCOUNT_LABELS["annual_revenue"], _money(a.annual_revenue, "")],
            [ACCOUNT_LABELS["wallet"] + " (wallet)", _money(a.wallet, "")],
            [ACCOUNT_LABELS["our_revenue"], _money(a.our_revenue, "")],
            [ACCOUNT_LABELS["share_of_wallet"], DASH if share is None else f"{100 * share:.1f} %"],
            [ACCOUNT_LABELS["cost_to_serve"], _money(a.cost_to_serve, "")],
            [ACCOUNT_LABELS["margin"], _money(margin, "")],
        ],
    )
    out += ["## Their business", ""]
    for field, heading in {**PROFILE_LABELS, **SEGMENTATION_LABELS}.items():
        text = getattr(a.profile, field) if field in PROFILE_LABELS else getattr(a.segmentation, field)
        if text:
            out += [f"### {heading}", "", *block(text)]
    out += ["## SWOT", ""]
    for kind in SwotKind:
        items = [s.text for s in a.swot if s.kind == kind]
        out += [f"**{kind.capitalize()}s**" if kind != SwotKind.OPPORTUNITY else "**Opportunities**", ""]
        out += [f"- {inline(text, starts_line=True)}" for text in items] or ["- none recorded"]
        out += [""]
    out += ["## Stakeholders", ""]
    out += _table(
        ["Name", "Title", "Role", "Influence", "Support", "Grid", "Owner", "Last contact", "Plan"],
        [
            [
                s.name,
                s.title,
                s.role,
                s.influence,
                s.support,
                derived["stakeholders"][s.ref]["grid"],
                team.get(s.owner or "", "nobody"),
                s.last_contact,
                s.plan,
            ]
            for s in doc.stakeholders
        ],
    )
    out += ["## Opportunities", ""]
    out += _table(
        ["Opportunity", "Kind", "Value", "Probability", "Target", "Status", "Vote today", "Qualification"],
        [
            [
                o.title,
                o.kind,
                _money(o.value, currency),
                None if o.probability is None else f"{o.probability} %",
                o.target_date,
                o.status if not o.status_reason else f"{_words(o.status)}: {o.status_reason}",
                _vote_text(derived["opportunities"][o.ref]),
                derived["opportunities"][o.ref]["qualification_score"],
            ]
            for o in doc.opportunities
        ],
    )
    for o in doc.opportunities:
        if not planning.is_open(o.status):
            continue
        result = derived["opportunities"][o.ref]
        out += [f"### {inline(o.title) or DASH}", ""]
        if result["optimistic"]:
            vote = planning.Vote(
                planning.Verdict(result["verdict"]),
                result["for"],
                result["against"],
                result["undecided"],
                result["margin"],
            )
            reason = planning.optimism_reason(o.status, o.probability, vote, result["qualification_score"])
            out += [f"> **Forecast check:** {o.probability} % looks optimistic: {reason}.", ""]
        voters = ", ".join(people[ref].name for ref in o.participants) or "all stakeholders"
        out += [f"Decision: {inline(voters)}.", ""]
        out += _table(
            ["Question", "Answer"],
            [[planning.QUESTIONS[k], o.qualification[k]] for k in planning.QUESTION_KEYS],
        )
    out += _activity_sections(doc, as_of, people, team, opps)
    out += ["## Competitors", ""]
    out += _table(
        ["Competitor", "Threat", "Strong where", "Weak where", "Close to", "Our counter"],
        [
            [
                c.name,
                c.threat,
                c.strengths,
                c.weaknesses,
                ", ".join(people[r].name for r in c.close_to),
                c.counter,
            ]
            for c in doc.competitors
        ],
    )
    out += ["## Attractiveness and our strength", ""]
    out += _table(
        ["Attractiveness to us", "Weight", "Score"],
        [[c.criterion, f"{c.weight:g}", _words(c.score)] for c in doc.attractiveness],
    )
    out += _table(
        ["Our strength in their eyes", "Weight", "Score"],
        [[c.criterion, f"{c.weight:g}", _words(c.score)] for c in doc.our_strength],
    )
    out += ["## Relationship", ""]
    out += _table(
        ["Indicator", "Score (0–5)", "Evidence"],
        [[i.indicator, i.score, i.evidence] for i in doc.relationship],
    )
    out += _whitespace(doc, opps)
    out += _coaching(doc, as_of)
    out += ["## Weekly reviews", ""]
    recent = sorted(doc.reviews, key=lambda r: r.date, reverse=True)[:12]
    out += _table(
        ["Date", "Relationship", "Coverage", "Pipeline", "Notes"],
        [
            [
                r.date,
                r.metrics.get("relationship_index"),
                r.metrics.get("power_coverage"),
                r.metrics.get("factored_pipeline"),
                r.notes,
            ]
            for r in recent
        ],
    )
    return "\n".join(out).rstrip() + "\n"


def _best_open(doc: PlanDocument) -> Any:
    items = [
        planning.PipelineItem(o.value, o.probability, str(o.status), o.target_date) for o in doc.opportunities
    ]
    index = planning.best_bet(items)
    return None if index is None else doc.opportunities[index]


def _vote_text(result: dict[str, Any]) -> str:
    votes = f"{result['for']} for, {result['against']} against, {result['undecided']} undecided"
    return f"{result['verdict']} ({votes})"


def _activity_sections(
    doc: PlanDocument, as_of: date, people: dict[str, Any], team: dict[str, str], opps: dict[str, Any]
) -> list[str]:
    def row(x: Any) -> list[object]:
        return [
            x.date,
            x.type,
            ", ".join(people[r].name for r in x.stakeholders),
            team.get(x.owner or "", DASH),
            opps[x.opportunity].title if x.opportunity else DASH,
            x.objective,
            x.outcome,
        ]

    header = ["Date", "Type", "With", "Owner", "For", "Objective", "Outcome"]
    coming = [
        x
        for x in doc.activities
        if x.status == ActivityStatus.PLANNED and x.date <= as_of + timedelta(days=28)
    ]
    done = [
        x
        for x in doc.activities
        if x.status == ActivityStatus.DONE and as_of - timedelta(days=30) <= x.date <= as_of
    ]
    out = ["## Activity: overdue and the next four weeks", ""]
    out += _table(header, [row(x) for x in sorted(coming, key=lambda x: x.date)])
    out += ["## Activity done in the last 30 days", ""]
    out += _table(header, [row(x) for x in sorted(done, key=lambda x: x.date)])
    return out


def _whitespace(doc: PlanDocument, opps: dict[str, Any]) -> list[str]:
    if not doc.whitespace:
        return []
    units = list(dict.fromkeys(w.unit for w in doc.whitespace))
    offerings = list(dict.fromkeys(w.offering for w in doc.whitespace))
    cells = {(w.unit, w.offering): w for w in doc.whitespace}

    def shown(unit: str, offering: str) -> str:
        cell = cells.get((unit, offering))
        if cell is None:
            return DASH
        text = _words(cell.status)
        return f"{text}: {opps[cell.opportunity].title}" if cell.opportunity else text

    return [
        "## Whitespace",
        "",
        *_table(["Business unit", *offerings], [[u, *(shown(u, o) for o in offerings)] for u in units]),
    ]


def _coaching(doc: PlanDocument, as_of: date) -> list[str]:
    index = {s.ref: n for n, s in enumerate(doc.stakeholders)}
    people = [
        planning.Person(
            index[s.ref],
            s.name,
            None if s.role is None else str(s.role),
            s.influence,
            s.support,
            0 if s.owner else None,
            s.last_contact,
            planning.is_confirmed(s.confidence),
            s.plan,
        )
        for s in doc.stakeholders
    ]
    sketches = [
        planning.OpportunitySketch(n, o.title, str(o.status), tuple(index[r] for r in o.participants))
        for n, o in enumerate(doc.opportunities)
    ]
    flags = planning.coaching_flags(people, sketches, as_of)
    out = ["## What a coach would question", ""]
    out += [f"- **{inline(f.subject)}**: {inline(f.message)} *{inline(f.fix)}*" for f in flags] or [
        "- Nothing: the plan holds up."
    ]
    return [*out, ""]
