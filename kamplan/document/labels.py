"""What the account's fields are called wherever a person reads them: the profile screen and the exported
plan (Markdown, HTML) both take their words from here, by the document's field names; and the closed sets'
values, so that no reader meets a code name such as `decision_maker`."""

from enum import StrEnum

from kamplan.enums import (
    ActivityStatus,
    ActivityType,
    Answer,
    Confidence,
    CriterionDimension,
    OpportunityKind,
    OpportunityStatus,
    RelationshipLevel,
    Role,
    SwotKind,
    WhitespaceStatus,
)

ECONOMICS_LABELS = {
    "industry": "Industry",
    "currency": "Currency",
    "planning_horizon_years": "Planning horizon",
    "annual_revenue": "Their annual revenue",
    "wallet": "Their spend in our category",
    "our_revenue": "Our revenue with them",
    "cost_to_serve": "Our cost to serve them",
}
# Computed from the economics, never typed in.
COMPUTED_LABELS = {
    "share_of_wallet": "Share of wallet",
    "margin": "Margin with them",
}
PROFILE_LABELS = {
    "strategy": "Strategy",
    "vision": "Vision",
    "core_values": "Core values",
    "initiatives": "Key initiatives",
    "culture": "Culture",
    "history": "History",
    "decision_process": "How they decide",
    "goals": "Goals",
    "pressures": "Pressures they face",
    "changes": "What is changing",
}
SEGMENTATION_LABELS = {
    "buying_preference": "How they prefer to buy",
    "partnership_willingness": "Willingness to partner",
    "competency_fit": "Fit with our competencies",
}
ACCOUNT_LABELS = {**ECONOMICS_LABELS, **COMPUTED_LABELS, **PROFILE_LABELS, **SEGMENTATION_LABELS}

# The closed sets (kamplan.enums) as a person reads them. The JSON spelling (`decision_maker`) is for files;
# screens and the exported plan show these words. Every value of every set has one (a test checks).
ROLE_LABELS: dict[str, str] = {
    Role.ECONOMIC_BUYER: "economic buyer",
    Role.DECISION_MAKER: "decision maker",
    Role.TECHNICAL_EVALUATOR: "technical evaluator",
    Role.USER: "user",
    Role.INFLUENCER: "influencer",
    Role.GATEKEEPER: "gatekeeper",
    Role.COACH: "coach",
}
RELATIONSHIP_LEVEL_LABELS: dict[str, str] = {
    RelationshipLevel.VENDOR: "vendor",
    RelationshipLevel.CREDIBLE_SOURCE: "credible source",
    RelationshipLevel.PROBLEM_SOLVER: "problem solver",
    RelationshipLevel.TRUSTED_ADVISOR: "trusted advisor",
}
CONFIDENCE_LABELS: dict[str, str] = {Confidence.CONFIRMED: "confirmed", Confidence.ASSUMED: "assumed"}
OPPORTUNITY_KIND_LABELS: dict[str, str] = {
    OpportunityKind.RETAIN: "retention",
    OpportunityKind.GROW: "growth",
    OpportunityKind.NEW_OFFERING: "new offering",
    OpportunityKind.NEW_CONTACT: "new contact",
    OpportunityKind.REFERRAL: "referral",
}
OPPORTUNITY_STATUS_LABELS: dict[str, str] = {
    OpportunityStatus.OPEN: "open",
    OpportunityStatus.WON: "won",
    OpportunityStatus.LOST: "lost",
    OpportunityStatus.QUALIFIED_OUT: "qualified out",
}
ACTIVITY_TYPE_LABELS: dict[str, str] = {
    ActivityType.CALL: "call",
    ActivityType.MEETING: "meeting",
    ActivityType.EXECUTIVE_BRIEFING: "executive briefing",
    ActivityType.EVENT: "event",
    ActivityType.PROPOSAL: "proposal",
    ActivityType.REFERRAL_REQUEST: "referral request",
    ActivityType.INTRODUCTION: "introduction",
    ActivityType.INTERNAL_ALIGNMENT: "internal alignment",
}
ACTIVITY_STATUS_LABELS: dict[str, str] = {
    ActivityStatus.PLANNED: "planned",
    ActivityStatus.DONE: "done",
    ActivityStatus.CANCELLED: "cancelled",
}
WHITESPACE_STATUS_LABELS: dict[str, str] = {
    WhitespaceStatus.SOLD: "sold",
    WhitespaceStatus.IN_PROGRESS: "in progress",
    WhitespaceStatus.COMPETITOR: "held by a competitor",
    WhitespaceStatus.NOT_RELEVANT: "not relevant",
    WhitespaceStatus.OPEN: "open",
}
ANSWER_LABELS: dict[str, str] = {
    Answer.YES: "yes",
    Answer.PARTLY: "partly",
    Answer.NO: "no",
    Answer.UNKNOWN: "unknown",
}
SWOT_LABELS: dict[str, str] = {
    SwotKind.STRENGTH: "strength",
    SwotKind.WEAKNESS: "weakness",
    SwotKind.OPPORTUNITY: "opportunity",
    SwotKind.THREAT: "threat",
}
# A SWOT quadrant's heading: all its items.
SWOT_HEADINGS: dict[str, str] = {
    SwotKind.STRENGTH: "Strengths",
    SwotKind.WEAKNESS: "Weaknesses",
    SwotKind.OPPORTUNITY: "Opportunities",
    SwotKind.THREAT: "Threats",
}
CRITERION_DIMENSION_LABELS: dict[str, str] = {
    CriterionDimension.ATTRACTIVENESS: "attractiveness to us",
    CriterionDimension.OUR_STRENGTH: "our strength in their eyes",
}
# Each closed set's table, by its enum: `label(value)` finds the words for any member of any set.
CLOSED_SET_LABELS: dict[type[StrEnum], dict[str, str]] = {
    Role: ROLE_LABELS,
    RelationshipLevel: RELATIONSHIP_LEVEL_LABELS,
    Confidence: CONFIDENCE_LABELS,
    OpportunityKind: OPPORTUNITY_KIND_LABELS,
    OpportunityStatus: OPPORTUNITY_STATUS_LABELS,
    ActivityType: ACTIVITY_TYPE_LABELS,
    ActivityStatus: ACTIVITY_STATUS_LABELS,
    WhitespaceStatus: WHITESPACE_STATUS_LABELS,
    Answer: ANSWER_LABELS,
    SwotKind: SWOT_LABELS,
    CriterionDimension: CRITERION_DIMENSION_LABELS,
}
# Support −2..+2 (DESIGN.md); influence is shown as its number, 1 (notional) to 5 (decisive).
SUPPORT_LABELS: dict[int, str] = {
    -2: "opposed",
    -1: "sceptical",
    0: "neutral",
    1: "supportive",
    2: "champion",
}
# The measures a weekly review records (its `metrics`), in the order a review table shows them.
REVIEW_METRIC_LABELS = {
    "relationship_index": "Relationship index",
    "power_coverage": "Power coverage",
    "factored_pipeline": "Factored pipeline",
    "vote_margin": "Vote margin",
    "qualification_score": "Qualification",
    "activities_done": "Activities done",
    "activities_planned": "Activities planned",
    "coaching_flags": "Coaching flags",
}


def label(value: StrEnum | None, missing: str = "–") -> str:
    """A closed-set value in words: Role.DECISION_MAKER -> 'decision maker'; None -> `missing`."""
    if value is None:
        return missing
    return CLOSED_SET_LABELS[type(value)][value]


def support_label(value: int | None, missing: str = "–") -> str:
    """Support with its sign and its word: -1 -> '−1 sceptical', 2 -> '+2 champion', 0 -> '0 neutral'."""
    if value is None:
        return missing
    sign = "−" if value < 0 else "+" if value > 0 else ""
    return f"{sign}{abs(value)} {SUPPORT_LABELS[value]}"
