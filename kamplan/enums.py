"""The closed sets of the domain, spelled as in the JSON plan document.

The ground floor: it imports nothing of kamplan. The tables in kamplan.models use these sets, but they live
outside that package: the plan document, its export and the measures read them without loading SQLModel
(importing kamplan.models loads every table).
"""

from enum import StrEnum


class SwotKind(StrEnum):
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    OPPORTUNITY = "opportunity"
    THREAT = "threat"


class Role(StrEnum):
    ECONOMIC_BUYER = "economic_buyer"
    DECISION_MAKER = "decision_maker"
    TECHNICAL_EVALUATOR = "technical_evaluator"
    USER = "user"
    INFLUENCER = "influencer"
    GATEKEEPER = "gatekeeper"
    COACH = "coach"


class RelationshipLevel(StrEnum):
    VENDOR = "vendor"
    CREDIBLE_SOURCE = "credible_source"
    PROBLEM_SOLVER = "problem_solver"
    TRUSTED_ADVISOR = "trusted_advisor"


class Confidence(StrEnum):
    CONFIRMED = "confirmed"
    ASSUMED = "assumed"


class OpportunityKind(StrEnum):
    RETAIN = "retain"
    GROW = "grow"
    NEW_OFFERING = "new_offering"
    NEW_CONTACT = "new_contact"
    REFERRAL = "referral"


class OpportunityStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"
    QUALIFIED_OUT = "qualified_out"


class ActivityType(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    EXECUTIVE_BRIEFING = "executive_briefing"
    EVENT = "event"
    PROPOSAL = "proposal"
    REFERRAL_REQUEST = "referral_request"
    INTRODUCTION = "introduction"
    INTERNAL_ALIGNMENT = "internal_alignment"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class WhitespaceStatus(StrEnum):
    SOLD = "sold"
    IN_PROGRESS = "in_progress"
    COMPETITOR = "competitor"
    NOT_RELEVANT = "not_relevant"
    OPEN = "open"


class Answer(StrEnum):
    """An answer to a qualification question."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    UNKNOWN = "unknown"


class CriterionDimension(StrEnum):
    """Which side of the attractiveness matrix a criterion scores."""

    ATTRACTIVENESS = "attractiveness"
    OUR_STRENGTH = "our_strength"


# The rating scales' words (influence 1 notional … 5 decisive; support −2 opposed … +2 champion): one place
# for the screens, the forms and the store's undo labels.
INFLUENCE_WORDS = {1: "notional", 2: "minor", 3: "moderate", 4: "strong", 5: "decisive"}
SUPPORT_WORDS = {-2: "opposed", -1: "sceptical", 0: "neutral", 1: "supportive", 2: "champion"}
