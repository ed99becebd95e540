"""The plan as a readable document (Markdown, and HTML made from it) for an executive review."""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from kamplan import planning
from kamplan.document.derived import derive
from kamplan.document.labels import ACCOUNT_LABELS, PROFILE_LABELS, SEGMENTATION_LABELS
from kamplan.document.model import PlanDocument
from kamplan.enums import ActivityStatus, SwotKind

DASH = "–"


def _words(value: object) -> str:
    return DASH if value is None or value == "" else str(value).replace("_", " ")


def _cell(value: object) -> str:
    """A table cell: one line, with the characters Markdown tables use escaped."""
    text = _words(value) if not isinstance(value, str) else (value or DASH)
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return [*lines, ""]


def _money(value: float | None, currency: str) -> str:
    return DASH if value is None else f"{value:,.0f} {currency}".strip()


def _number(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def plan_markdown(doc: PlanDocument, as_of: date) -> str:
    derived = derive(doc, as_of)
    a = doc.account
    currency = a.currency
    people = {s.ref: s for s in doc.stakeholders}
    team = {t.ref: t.name for t in doc.team}
    opps = {o.ref: o for o in doc.opportunities}
    out = [f"# Account plan: {a.name}", ""]
    out += [
        f"As of {as_of.isoformat()} · {a.industry or 'industry not set'} · planning horizon "
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
            out += [f"### {heading}", "", text, ""]
    out += ["## SWOT", ""]
    for kind in SwotKind:
        items = [s.text for s in a.swot if s.kind == kind]
        out += [f"**{kind.capitalize()}s**" if kind != SwotKind.OPPORTUNITY else "**Opportunities**", ""]
        out += [f"- {text}" for text in items] or ["- none recorded"]
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
        out += [f"### {o.title}", ""]
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
        out += [f"Decision: {voters}.", ""]
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
    out += [f"- **{f.subject}**: {f.message} *{f.fix}*" for f in flags] or ["- Nothing: the plan holds up."]
    return [*out, ""]
