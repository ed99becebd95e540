"""The plan as a readable document (Markdown, and HTML made from it) for an executive review.

Everything a reader sees is in words: closed-set values through kamplan.document.labels (never their JSON
spelling), money with thousands separators and the currency, percentages with their sign, dates as
"2 Dec 2026", and a line that says so where a section has nothing yet (never an empty table).
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from kamplan import planning
from kamplan.document.derived import derive
from kamplan.document.labels import (
    ACCOUNT_LABELS,
    PROFILE_LABELS,
    REVIEW_METRIC_LABELS,
    SEGMENTATION_LABELS,
    SWOT_HEADINGS,
    label,
    support_label,
)
from kamplan.document.model import OpportunityPart, PlanDocument, ReviewPart, StakeholderPart
from kamplan.enums import ActivityStatus, Confidence, SwotKind

DASH = "–"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RECENT_REVIEWS = 12
GRID_PLURALS = {"driver": "drivers", "advocate": "advocates", "threat": "threats", "critic": "critics"}


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


def _field(name: str, text: str) -> list[str]:
    """The lines of "**Name:** text" (none when the text is empty): text of several lines keeps its lines;
    like `block`, no line of it can start a construct."""
    lines = [line for raw in text.splitlines() if (line := _escape(" ".join(raw.split()), starts_line=True))]
    return [f"**{name}:** {lines[0]}", *lines[1:]] if lines else []


def _item(name: str, text: str) -> list[str]:
    """A list item "- **Name:** text" (nothing when the text is empty), its lines kept as hard breaks."""
    lines = _field(name, text)
    return ["- " + "\\\n  ".join(lines)] if lines else []


def _cell(value: object) -> str:
    """A table cell: one line of text, with every character Markdown (tables included) would read escaped.
    Callers put values in words first; a number stands as it is."""
    if value is None or value == "":
        return DASH
    return inline(value if isinstance(value, str) else str(value))


def _table(header: Sequence[str], rows: Iterable[Sequence[object]], empty: str) -> list[str]:
    """A table, or the line `empty` (kamplan's words) when it would have no rows."""
    body = ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    if not body:
        return [empty, ""]
    return [
        "| " + " | ".join(inline(value) for value in header) + " |",
        "|" + "---|" * len(header),
        *body,
        "",
    ]


def _money(value: float | None, currency: str) -> str:
    if value is None:
        return DASH
    # Beyond 10^18 (only an older database holds such amounts) digits say nothing: 1e+308.
    amount = f"{value:,.0f}" if abs(value) < 1e18 else f"{value:.3g}"
    return f"{amount} {currency}".strip()


def _percent(value: float | None, digits: int = 1) -> str:
    return DASH if value is None else f"{value:.{digits}f} %"


def _of(value: float | None, scale: int, digits: int = 1) -> str:
    """A score on its scale: '7.3 of 10'."""
    return DASH if value is None else f"{value:.{digits}f} of {scale}"


def _day(value: date | None) -> str:
    return DASH if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def plan_markdown(doc: PlanDocument, as_of: date) -> str:
    derived = derive(doc, as_of)
    a = doc.account
    people = {s.ref: s for s in doc.stakeholders}
    team = {t.ref: t.name for t in doc.team}
    opps = {o.ref: o for o in doc.opportunities}
    out = [f"# Account plan: {inline(a.name)}", ""]
    horizon = _plural(a.planning_horizon_years, "year", "years")
    kind = "key account" if a.key_account else "not a key account"
    industry = inline(a.industry) or "industry not set"
    out += [f"As of {_day(as_of)} · {industry} · planning horizon {horizon} · {kind}", ""]
    out += _summary(doc, derived)
    out += _economics(doc)
    out += _business(doc)
    out += _swot(doc)
    out += _stakeholders(doc, derived, people, team)
    out += _opportunities(doc, derived, people)
    out += _activity_sections(doc, as_of, people, team, opps)
    out += _competitors(doc, people)
    out += _attractiveness(doc, derived)
    out += ["## Relationship", ""]
    out += _table(
        ["Indicator", "Score (0–5)", "Evidence"],
        [[i.indicator, i.score, i.evidence] for i in doc.relationship],
        "No indicators scored yet.",
    )
    out += _whitespace(doc, opps)
    out += _coaching(doc, as_of)
    out += _reviews(doc)
    return "\n".join(out).rstrip() + "\n"


def _summary(doc: PlanDocument, derived: dict[str, Any]) -> list[str]:
    best = _best_open(doc)
    return [
        "## Summary",
        "",
        *_table(
            ["Measure", "Value"],
            [
                ["Quadrant", derived["quadrant"]],
                ["Attractiveness to us", _of(derived["attractiveness"], 10)],
                ["Our strength in their eyes", _of(derived["our_strength"], 10)],
                ["Relationship index", _of(derived["relationship_index"], 100, 0)],
                ["Power coverage, last 30 days", _percent(derived["power_coverage"])],
                ["Factored pipeline", _money(derived["factored_pipeline"], doc.account.currency)],
                [
                    "If they voted today (best bet)",
                    f"{best.title or DASH}: {_vote_text(derived['opportunities'][best.ref])}"
                    if best
                    else "no open opportunity",
                ],
            ],
            "",
        ),
    ]


def _economics(doc: PlanDocument) -> list[str]:
    a = doc.account
    share = planning.share_of_wallet(a.our_revenue, a.wallet)
    margin = planning.margin(a.our_revenue, a.cost_to_serve)
    margin_pct = planning.margin_pct(a.our_revenue, a.cost_to_serve)
    margin_text = _money(margin, a.currency)
    if margin_pct is not None:
        margin_text += f" ({margin_pct:.1f} % of our revenue)"
    return [
        "## Economics",
        "",
        *_table(
            ["Measure", "Value"],
            [
                [ACCOUNT_LABELS["annual_revenue"], _money(a.annual_revenue, a.currency)],
                [ACCOUNT_LABELS["wallet"] + " (wallet)", _money(a.wallet, a.currency)],
                [ACCOUNT_LABELS["our_revenue"], _money(a.our_revenue, a.currency)],
                [ACCOUNT_LABELS["share_of_wallet"], DASH if share is None else _percent(100 * share)],
                [ACCOUNT_LABELS["cost_to_serve"], _money(a.cost_to_serve, a.currency)],
                [ACCOUNT_LABELS["margin"], margin_text],
            ],
            "",
        ),
    ]


def _business(doc: PlanDocument) -> list[str]:
    a = doc.account
    out = ["## Their business", ""]
    for field, heading in {**PROFILE_LABELS, **SEGMENTATION_LABELS}.items():
        text = getattr(a.profile, field) if field in PROFILE_LABELS else getattr(a.segmentation, field)
        if text:
            out += [f"### {heading}", "", *block(text)]
    return out if len(out) > 2 else [*out, "Nothing recorded yet.", ""]


def _swot(doc: PlanDocument) -> list[str]:
    out = ["## SWOT", ""]
    if not doc.account.swot:
        return [*out, "Nothing recorded yet.", ""]
    for kind in SwotKind:
        items = [s.text for s in doc.account.swot if s.kind == kind]
        out += [f"**{SWOT_HEADINGS[kind]}**", ""]
        out += [f"- {inline(text, starts_line=True)}" for text in items] or ["None recorded."]
        out += [""]
    return out


def _rated(person: StakeholderPart) -> bool:
    return person.influence is not None and person.support is not None


def _assumed(person: StakeholderPart) -> bool:
    return _rated(person) and person.confidence == Confidence.ASSUMED


def _grid(person: StakeholderPart, derived: dict[str, Any]) -> str:
    """The person's grid category, and whether it rests on assumed ratings: "threat (assumed)"."""
    grid = str(derived["stakeholders"][person.ref]["grid"])
    return f"{grid} (assumed)" if _assumed(person) else grid


def _stakeholders(
    doc: PlanDocument, derived: dict[str, Any], people: dict[str, StakeholderPart], team: dict[str, str]
) -> list[str]:
    out = ["## Stakeholders", ""]
    if not doc.stakeholders:
        return [*out, "No stakeholders recorded yet.", ""]
    grids = Counter(str(derived["stakeholders"][s.ref]["grid"]) for s in doc.stakeholders)
    counts = ", ".join(
        _plural(grids[g], g, GRID_PLURALS.get(g, g)) for g in planning.GridCategory if grids[g]
    )
    assumed = sum(_assumed(s) for s in doc.stakeholders)
    out += [
        f"{_plural(len(doc.stakeholders), 'person', 'people')}: {counts}. "
        + (
            f"The ratings of {_plural(assumed, 'person', 'people')} are assumed, not confirmed "
            "(marked “assumed”)."
            if assumed
            else "No rating rests on an assumption."
        ),
        "",
    ]
    out += _table(
        ["Name", "Title", "Role", "Influence (1–5)", "Support", "Grid", "Owner", "Last contact"],
        [
            [
                s.name,
                s.title,
                label(s.role),
                s.influence,
                support_label(s.support),
                _grid(s, derived),
                team.get(s.owner or "", "nobody"),
                _day(s.last_contact),
            ]
            for s in doc.stakeholders
        ],
        "",
    )
    for s in doc.stakeholders:
        out += _person(s, people)
    return out


def _person(s: StakeholderPart, people: dict[str, StakeholderPart]) -> list[str]:
    """One short block: who they are, then each detail on a line of its own (one paragraph, hard breaks)."""
    lines = [inline(" · ".join(text for text in (s.title, s.department) if text.strip()), starts_line=True)]
    if s.reports_to is not None:
        boss = people[s.reports_to]
        lines += _field("Reports to", f"{boss.name}, {boss.title}" if boss.title.strip() else boss.name)
    lines += _field("Needs", s.needs)
    lines += _field("Wants", s.wants)
    lines += _field("Declared agenda", s.declared_agenda)
    lines += _field("Personal agenda", s.personal_agenda)
    if s.relationship_level is not None or s.relationship_wanted is not None:
        now = label(s.relationship_level, "not rated")
        wanted = label(s.relationship_wanted, "not set")
        same = s.relationship_level == s.relationship_wanted
        lines += [f"**Relationship:** {now} now" + (", as wanted" if same else f" → {wanted} wanted")]
    lines += _field("Listens to", ", ".join(people[ref].name for ref in s.listens_to))
    lines += [f"**Ratings:** {_rating_text(s)}"]
    lines += _field("Plan", s.plan)
    lines += _field("Contact", " · ".join(text for text in (s.email, s.phone) if text.strip()))
    return [f"### {inline(s.name) or DASH}", "", "\\\n".join(line for line in lines if line), ""]


def _rating_text(s: StakeholderPart) -> str:
    influence = "not rated" if s.influence is None else s.influence
    values = f"influence {influence}, support {support_label(s.support, 'not rated')}"
    if _rated(s):
        sureness = "confirmed" if s.confidence == Confidence.CONFIRMED else "*assumed*, not confirmed"
        text = f"{sureness} ({values})"
    elif s.influence is None and s.support is None:
        text = "not rated yet"
    else:
        text = f"partly rated ({values})"
    return f"{text}; source: {inline(s.source)}" if s.source.strip() else text


def _opportunities(
    doc: PlanDocument, derived: dict[str, Any], people: dict[str, StakeholderPart]
) -> list[str]:
    currency = doc.account.currency
    results = derived["opportunities"]
    out = ["## Opportunities", ""]
    out += _table(
        ["Opportunity", "Kind", "Value", "Probability", "Target date", "Status", "Vote today, by influence",
         "Qualification (0–100)"],
        [
            [
                o.title,
                label(o.kind),
                _money(o.value, currency),
                None if o.probability is None else f"{o.probability} %",
                _day(o.target_date),
                label(o.status),
                _vote_text(results[o.ref]) if planning.is_open(o.status) else DASH,
                results[o.ref]["qualification_score"],
            ]
            for o in doc.opportunities
        ],
        "No opportunities recorded yet.",
    )  # fmt: skip
    closed = [o for o in doc.opportunities if not planning.is_open(o.status) and o.status_reason.strip()]
    if closed:
        out += ["**Why closed**", ""]
        out += _items_of(
            closed, lambda o: f"{o.title or DASH} ({label(o.status)})", lambda o: o.status_reason
        )
    competitors = {c.ref: c.name for c in doc.competitors}
    for o in doc.opportunities:
        if planning.is_open(o.status):
            out += _open_opportunity(o, derived, people, competitors)
    return out


def _items_of(things: Iterable[Any], name: Callable[[Any], str], text: Callable[[Any], str]) -> list[str]:
    """One list item per thing: its name in bold (user text, escaped), then its text of several lines."""
    out: list[str] = []
    for thing in things:
        out += _item(inline(name(thing)), text(thing))
    return [*out, ""]


def _open_opportunity(
    o: OpportunityPart,
    derived: dict[str, Any],
    people: dict[str, StakeholderPart],
    competitors: dict[str, str],
) -> list[str]:
    result, grids = derived["opportunities"][o.ref], derived["stakeholders"]
    out = [f"### {inline(o.title) or DASH}", ""]
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
    facts = [f"Stage: {inline(o.stage)}" if o.stage.strip() else "Stage not set"]
    facts.append(f"target date {_day(o.target_date)}" if o.target_date else "no target date")
    rivals = ", ".join(competitors[ref] for ref in o.competitors)
    facts.append(f"competing with {inline(rivals)}" if rivals else "no competitor recorded")
    out += [" · ".join(facts) + ".", ""]
    if o.participants:
        voters = ", ".join(
            f"{inline(people[ref].name)} ({grids[ref]['grid']}{', assumed' if _assumed(people[ref]) else ''})"
            for ref in o.participants
        )
        out += [f"Who decides: {voters}.", ""]
    else:
        out += ["Who decides: not named yet, so every stakeholder counts in the vote.", ""]
    out += _item("Status note", o.status_reason)
    out += [""] if o.status_reason.strip() else []
    out += _table(
        ["Question", "Answer"],
        [[planning.QUESTIONS[k], label(o.qualification.get(k))] for k in planning.QUESTION_KEYS],
        "",
    )
    return out


def _best_open(doc: PlanDocument) -> Any:
    items = [
        planning.PipelineItem(o.value, o.probability, str(o.status), o.target_date) for o in doc.opportunities
    ]
    index = planning.best_bet(items)
    return None if index is None else doc.opportunities[index]


def _vote_text(result: dict[str, Any]) -> str:
    if result["verdict"] == planning.Verdict.UNKNOWN:
        return "unknown: nobody in the decision is rated"
    votes = f"{result['for']} for, {result['against']} against, {result['undecided']} undecided"
    return f"{result['verdict']} ({votes})"


def _activity_sections(
    doc: PlanDocument, as_of: date, people: dict[str, Any], team: dict[str, str], opps: dict[str, Any]
) -> list[str]:
    def row(x: Any) -> list[object]:
        return [
            _day(x.date) + (" (overdue)" if x.status == ActivityStatus.PLANNED and x.date < as_of else ""),
            label(x.type),
            ", ".join(people[r].name for r in x.stakeholders),
            team.get(x.owner or "", DASH),
            opps[x.opportunity].title if x.opportunity else DASH,
            x.objective,
        ]

    header = ["Date", "Type", "With", "Owner", "For", "Objective"]
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
    out += _table(
        header,
        [row(x) for x in sorted(coming, key=lambda x: x.date)],
        "Nothing overdue, and nothing planned for the next four weeks.",
    )
    out += ["## Activity done in the last 30 days", ""]
    out += _table(
        [*header, "Outcome"],
        [[*row(x), x.outcome] for x in sorted(done, key=lambda x: x.date)],
        "Nothing done in the last 30 days.",
    )
    return out


def _competitors(doc: PlanDocument, people: dict[str, StakeholderPart]) -> list[str]:
    return [
        "## Competitors",
        "",
        *_table(
            ["Competitor", "Threat (1–5)", "Strong where", "Weak where", "Close to", "Our counter"],
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
            "No competitors recorded yet.",
        ),
    ]


def _attractiveness(doc: PlanDocument, derived: dict[str, Any]) -> list[str]:
    out = ["## Attractiveness and our strength", ""]
    for heading, criteria, score in (
        ("Attractiveness to us", doc.attractiveness, derived["attractiveness"]),
        ("Our strength in their eyes", doc.our_strength, derived["our_strength"]),
    ):
        rows = [[c.criterion, f"{c.weight:g}", None if c.score is None else f"{c.score:g}"] for c in criteria]
        out += _table([heading, "Weight", "Score (0–10)"], rows, f"{heading}: no criteria yet.")
        if rows:
            out += [f"{heading}, weighted: {_of(score, 10)}.", ""]
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
        text = label(cell.status)
        return f"{text}: {opps[cell.opportunity].title}" if cell.opportunity else text

    return [
        "## Whitespace",
        "",
        *_table(["Business unit", *offerings], [[u, *(shown(u, o) for o in offerings)] for u in units], ""),
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
        "Nothing: the plan holds up."
    ]
    return [*out, ""]


def _metric(key: str, value: object, currency: str) -> object:
    """A review's measure as a reader takes it in: money, a percentage, a signed margin, a count."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return value if isinstance(value, str) else None if value is None else str(value)
    if key == "factored_pipeline":
        return _money(value, currency)
    if abs(value) >= 1e18:  # only an older database holds such numbers: digits would say nothing
        return f"{value:.3g}"
    if key == "power_coverage":
        return _percent(value)
    if key == "vote_margin":
        return f"{value:+.2f}".replace("-", "−") if value else "0.00"
    return f"{value:,.0f}"  # the index, the score and the counts are whole numbers


def _reviews(doc: PlanDocument) -> list[str]:
    out = ["## Weekly reviews", ""]
    if not doc.reviews:
        return [*out, "No weekly review recorded yet.", ""]
    currency = doc.account.currency
    recent: list[ReviewPart] = sorted(doc.reviews, key=lambda r: r.date, reverse=True)[:RECENT_REVIEWS]
    keys = [key for key in REVIEW_METRIC_LABELS if any(key in r.metrics for r in recent)]
    if len(doc.reviews) > len(recent):
        out += [f"The latest {len(recent)} of {len(doc.reviews)} reviews, newest first.", ""]
    out += _table(
        ["Date", *(REVIEW_METRIC_LABELS[key] for key in keys)],
        [[_day(r.date), *(_metric(key, r.metrics.get(key), currency) for key in keys)] for r in recent],
        "",
    )
    noted = [r for r in recent if r.notes.strip()]
    if noted:
        out += ["**Notes**", ""]
        out += _items_of(noted, lambda r: _day(r.date), lambda r: r.notes)
    return out
