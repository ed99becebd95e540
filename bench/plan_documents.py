"""The generated plans: one JSON plan document per account, realistic and deterministic from a seeded rng.

Sizes are spread unevenly over the accounts (the largest has ~150 people and ~6,000 activities); dates run
three years back and eight weeks ahead of the anchor (a Monday), so there is history, overdue and upcoming.
"""

from datetime import date, timedelta
from random import Random
from typing import Any

from bench import words

ACCOUNTS = 50
STAKEHOLDERS = 3_000
ACTIVITIES = 100_000
OPPORTUNITIES = 400
WEEKS_OF_REVIEWS = 156
LARGEST_STAKEHOLDERS = 150
LARGEST_ACTIVITIES = 6_000
LARGEST_OPPORTUNITIES = 20
WEEKS_AHEAD = 8

ROLES = [
    "economic_buyer",
    "decision_maker",
    "technical_evaluator",
    "user",
    "influencer",
    "gatekeeper",
    "coach",
]
LEVELS = ["vendor", "credible_source", "problem_solver", "trusted_advisor"]
ACTIVITY_TYPES = [
    "call", "meeting", "executive_briefing", "event", "proposal", "referral_request", "introduction",
    "internal_alignment",
]  # fmt: skip
TYPE_WEIGHTS = [40, 25, 4, 5, 6, 3, 4, 13]
ANSWERS = ["yes", "partly", "no", "unknown"]
ATTRACTIVENESS = [
    "Stability of their business and market", "Room to cross- and up-sell", "Access to adjacent markets",
    "Regular order flow", "Aligned strategy and values", "Financial health and payment terms",
    "Ease of doing business", "Brand value of the association",
]  # fmt: skip
STRENGTH = [
    "Quality of our offering", "Price against competitors", "Service and support", "Breadth of our range",
    "Depth of relationships", "Innovation they see in us",
]  # fmt: skip
PROFILE_FIELDS = [
    "strategy", "vision", "core_values", "initiatives", "culture", "history", "decision_process", "goals",
    "pressures", "changes",
]  # fmt: skip
INDICATORS = [
    "They pay promptly", "Their senior people attend our events", "They share business plans with us",
    "A top-level testimonial or reference", "Peer contact at every level",
]  # fmt: skip


def uneven(total: int, count: int, largest: int, rng: Random) -> list[int]:
    """`count` sizes summing to `total`: one of `largest`, the rest spread from ~60 % of it down to ~5 %."""
    weights = [0.1 + 0.8 * i / (count - 2) + rng.uniform(-0.05, 0.05) for i in range(count - 1)]
    scale = (total - largest) / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[-1] += total - largest - sum(sizes)  # rounding remainder to the biggest of the rest
    sizes.append(largest)
    rng.shuffle(sizes)
    return sizes


def plan_document(
    rng: Random, name: str, industry: str, people: int, activities: int, opportunities: int, anchor: date
) -> dict[str, Any]:
    team = [
        {"ref": f"t{n}", "name": words.person_name(rng), "function": rng.choice(words.TEAM_FUNCTIONS)}
        for n in range(1, rng.randint(3, 8) + 1)
    ]
    stakeholders = [_stakeholder(rng, n, team, anchor) for n in range(1, people + 1)]
    competitors = [
        {
            "ref": f"c{n}",
            "name": rival,
            "strengths": words.paragraph(rng, 1, 2),
            "weaknesses": words.paragraph(rng, 1, 2),
            "close_to": [
                p["ref"] for p in rng.sample(stakeholders, min(len(stakeholders), rng.randint(1, 3)))
            ],
            "threat": rng.randint(1, 5),
            "counter": words.paragraph(rng, 1, 2),
        }
        for n, rival in enumerate(rng.sample(words.COMPETITORS, rng.randint(2, 5)), 1)
    ]
    opps = [_opportunity(rng, n, stakeholders, competitors, anchor) for n in range(1, opportunities + 1)]
    units = rng.sample(words.UNITS, rng.randint(3, 6))
    offerings = rng.sample(words.OFFERINGS, rng.randint(4, 6))
    return {
        "format": "kamplan-plan",
        "version": 1,
        "account": {
            "name": name,
            "industry": industry,
            "currency": rng.choice(["EUR", "EUR", "USD", "GBP", "CHF"]),
            "planning_horizon_years": rng.randint(1, 3),
            "key_account": rng.random() < 0.8,
            "annual_revenue": rng.randrange(50, 5000) * 1_000_000,
            "wallet": rng.randrange(5, 80) * 1_000_000,
            "our_revenue": rng.randrange(500, 9000) * 1_000,
            "cost_to_serve": rng.randrange(100, 2000) * 1_000,
            "profile": {field: words.paragraph(rng, 3, 6) for field in PROFILE_FIELDS},
            "swot": [
                {"kind": kind, "text": words.sentence(rng)}
                for kind in ("strength", "weakness", "opportunity", "threat")
                for _ in range(rng.randint(2, 4))
            ],
            "segmentation": {
                "buying_preference": words.paragraph(rng, 1, 3),
                "partnership_willingness": words.paragraph(rng, 1, 3),
                "competency_fit": words.paragraph(rng, 1, 3),
            },
        },
        "team": team,
        "stakeholders": stakeholders,
        "opportunities": opps,
        "activities": _activities(rng, activities, stakeholders, team, opps, anchor),
        "activity_targets": [
            {"type": "call", "per_week": 6, "converts_to": "meeting", "conversion_rate": 0.33},
            {"type": "meeting", "per_week": 2, "converts_to": "proposal", "conversion_rate": 0.5},
            {"type": "proposal", "per_week": 1, "converts_to": None, "conversion_rate": None},
        ],
        "competitors": competitors,
        "attractiveness": [
            {"criterion": c, "weight": rng.randint(1, 3), "score": rng.randint(2, 10)} for c in ATTRACTIVENESS
        ],
        "our_strength": [
            {"criterion": c, "weight": rng.randint(1, 3), "score": rng.randint(2, 10)} for c in STRENGTH
        ],
        "relationship": [
            {"indicator": i, "score": rng.randint(0, 5), "evidence": words.sentence(rng)} for i in INDICATORS
        ],
        "whitespace": [
            {
                "unit": unit,
                "offering": offering,
                "status": rng.choice(["sold", "in_progress", "competitor", "not_relevant", "open"]),
                "opportunity": rng.choice(opps)["ref"] if opps and rng.random() < 0.2 else None,
            }
            for unit in units
            for offering in offerings
        ],
        "reviews": _reviews(rng, anchor),
    }


def _stakeholder(rng: Random, n: int, team: list[dict[str, Any]], anchor: date) -> dict[str, Any]:
    rated = rng.random() > 0.05
    return {
        "ref": f"s{n}",
        "name": words.person_name(rng),
        "title": rng.choice(words.TITLES),
        "department": rng.choice(words.DEPARTMENTS),
        # An org chart: everyone below the top reports to someone listed earlier, mostly near the top.
        "reports_to": None if n == 1 else f"s{rng.randint(1, max(1, min(n - 1, n // 4 + 1)))}",
        "role": rng.choice(ROLES),
        "influence": rng.choices([1, 2, 3, 4, 5], [3, 4, 4, 2, 1])[0] if rated else None,
        "support": rng.choices([-2, -1, 0, 1, 2], [1, 2, 4, 3, 1])[0] if rated else None,
        "needs": words.sentence(rng),
        "wants": words.sentence(rng),
        "declared_agenda": words.sentence(rng),
        "personal_agenda": words.sentence(rng),
        "owner": rng.choice(team)["ref"] if rng.random() < 0.7 else None,
        "relationship_level": rng.choice(LEVELS),
        "relationship_wanted": rng.choice(LEVELS),
        "listens_to": sorted({f"s{rng.randint(1, n)}" for _ in range(rng.randint(0, 2))} - {f"s{n}"}),
        "confidence": rng.choice(["confirmed", "assumed"]),
        "source": rng.choice(["met in person", "LinkedIn", "the coach", "annual report", ""]),
        "last_contact": (anchor - timedelta(days=rng.randint(0, 400))).isoformat()
        if rng.random() < 0.8
        else None,
        "plan": words.sentence(rng) if rng.random() < 0.6 else "",
    }


def _opportunity(
    rng: Random, n: int, people: list[dict[str, Any]], rivals: list[dict[str, Any]], anchor: date
) -> dict[str, Any]:
    status = rng.choices(["open", "won", "lost", "qualified_out"], [6, 2, 1, 1])[0]
    return {
        "ref": f"o{n}",
        "title": f"{rng.choice(['Renew', 'Grow', 'Introduce', 'Win', 'Extend'])} {rng.choice(words.OBJECTS)}",
        "kind": rng.choice(["retain", "grow", "new_offering", "new_contact", "referral"]),
        "value": rng.randrange(50, 8000) * 1_000,
        "target_date": (anchor + timedelta(days=rng.randint(-120, 540))).isoformat(),
        "stage": rng.choice(words.STAGES),
        "probability": rng.randrange(0, 101, 5),
        "status": status,
        "status_reason": words.sentence(rng) if status != "open" else "",
        "participants": [p["ref"] for p in rng.sample(people, min(len(people), rng.randint(3, 10)))],
        "competitors": [c["ref"] for c in rng.sample(rivals, rng.randint(0, len(rivals)))],
        "qualification": {f"q{q}": rng.choices(ANSWERS, [4, 3, 2, 2])[0] for q in range(1, 11)},
    }


def _activities(
    rng: Random,
    count: int,
    people: list[dict[str, Any]],
    team: list[dict[str, Any]],
    opps: list[dict[str, Any]],
    anchor: date,
) -> list[dict[str, Any]]:
    first = anchor - timedelta(weeks=WEEKS_OF_REVIEWS)
    span = (WEEKS_OF_REVIEWS + WEEKS_AHEAD) * 7
    # A few people get most of the attention: the comfort zone every KAM drifts into.
    reach = [1 / (1 + i) ** 0.8 for i in range(len(people))]
    refs = [p["ref"] for p in people]
    days = sorted(first + timedelta(days=rng.randrange(span)) for _ in range(count))
    out = []
    for day in days:
        age = (anchor - day).days
        if age < 0:
            status = "planned"
        else:
            planned = 0.15 if age < 28 else 0.01
            status = rng.choices(["planned", "done", "cancelled"], [planned, 0.92 - planned, 0.08])[0]
        out.append(
            {
                "date": day.isoformat(),
                "type": rng.choices(ACTIVITY_TYPES, TYPE_WEIGHTS)[0],
                "stakeholders": sorted(set(rng.choices(refs, reach, k=rng.randint(1, 3)))),
                "owner": rng.choice(team)["ref"] if rng.random() < 0.9 else None,
                "opportunity": rng.choice(opps)["ref"] if opps and rng.random() < 0.4 else None,
                "objective": words.objective(rng),
                "status": status,
                "outcome": words.sentence(rng) if status == "done" else "",
            }
        )
    return out


def _reviews(rng: Random, anchor: date) -> list[dict[str, Any]]:
    out = []
    rel, coverage, pipeline, margin, qual = 40.0, 20.0, 5e6, -0.2, 50.0
    for week in range(WEEKS_OF_REVIEWS, 0, -1):
        rel = min(100, max(0, rel + rng.uniform(-3, 3.5)))
        coverage = min(100, max(0, coverage + rng.uniform(-4, 4.5)))
        pipeline = max(0, pipeline * rng.uniform(0.95, 1.06))
        margin = min(1, max(-1, margin + rng.uniform(-0.04, 0.05)))
        qual = min(100, max(0, qual + rng.uniform(-3, 3.5)))
        out.append(
            {
                "date": (anchor - timedelta(weeks=week) + timedelta(days=4)).isoformat(),
                "notes": words.paragraph(rng, 1, 3),
                "metrics": {
                    "relationship_index": round(rel),
                    "power_coverage": round(coverage, 1),
                    "factored_pipeline": round(pipeline, -4),
                    "vote_margin": round(margin, 2),
                    "qualification_score": round(qual),
                    "activities_done": rng.randint(0, 12),
                    "activities_planned": rng.randint(3, 12),
                    "coaching_flags": rng.randint(0, 12),
                },
            }
        )
    return out


def account_sizes(seed: int) -> list[tuple[str, str, int, int, int]]:
    """(name, industry, stakeholders, activities, opportunities) of each account, before any text is made."""
    rng = Random(f"kamplan-bench-{seed}")
    names = words.company_names(rng, ACCOUNTS)
    people = uneven(STAKEHOLDERS, ACCOUNTS, LARGEST_STAKEHOLDERS, rng)
    activities = uneven(ACTIVITIES, ACCOUNTS, LARGEST_ACTIVITIES, rng)
    opps = uneven(OPPORTUNITIES, ACCOUNTS, LARGEST_OPPORTUNITIES, rng)
    # The account with the most activity is also the one with the most people and opportunities.
    big = activities.index(LARGEST_ACTIVITIES)
    for sizes, largest in ((people, LARGEST_STAKEHOLDERS), (opps, LARGEST_OPPORTUNITIES)):
        at = sizes.index(largest)
        sizes[at], sizes[big] = sizes[big], sizes[at]
    return [
        (name, industry, p, a, o)
        for (name, industry), p, a, o in zip(names, people, activities, opps, strict=True)
    ]
