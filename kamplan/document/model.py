"""The JSON plan document (DESIGN.md, "JSON plan document"): pydantic models that validate input.

Field order here is the key order written on export.
"""

import math
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator

from kamplan.document.contacts import one_line, split_aliases
from kamplan.document.fields import (
    MAX_METRIC,
    CriterionScore,
    Currency,
    Day,
    Horizon,
    IndicatorScore,
    Influence,
    Line,
    Money,
    Name,
    PerWeek,
    Probability,
    Rate,
    Ref,
    RequiredDay,
    Support,
    Text,
    Threat,
    Weight,
    is_stored,
    shown,
)
from kamplan.document.text import text_problem
from kamplan.enums import (
    ActivityStatus,
    ActivityType,
    Answer,
    Confidence,
    OpportunityKind,
    OpportunityStatus,
    RelationshipLevel,
    Role,
    SwotKind,
    WhitespaceStatus,
)
from kamplan.planning.qualification import QUESTION_KEYS

FORMAT = "kamplan-plan"
VERSION = 1


class Part(BaseModel):
    # Unknown keys are ignored: a document may carry more than this version reads.
    model_config = ConfigDict(extra="ignore", validate_assignment=True, defer_build=True)


class Profile(Part):
    strategy: Text = ""
    vision: Text = ""
    core_values: Text = ""
    initiatives: Text = ""
    culture: Text = ""
    history: Text = ""
    decision_process: Text = ""
    goals: Text = ""
    pressures: Text = ""
    changes: Text = ""


class Segmentation(Part):
    buying_preference: Text = ""
    partnership_willingness: Text = ""
    competency_fit: Text = ""


class Swot(Part):
    kind: SwotKind
    text: Name


class AccountPart(Part):
    name: Name
    # Other names of the customer in contact files; the account's own name always counts.
    aliases: list[str] = Field(default_factory=list)
    industry: Line = ""
    currency: Currency = ""
    planning_horizon_years: Horizon = 1
    key_account: bool = True
    annual_revenue: Money = None
    wallet: Money = None
    our_revenue: Money = None
    cost_to_serve: Money = None
    profile: Profile = Field(default_factory=Profile)
    swot: list[Swot] = Field(default_factory=list)
    segmentation: Segmentation = Field(default_factory=Segmentation)

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> Any:
        # Stored one a line: each alias is one line of text, tidied as the store keeps it.
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return value  # pydantic names the problem
        for item in value:
            problem = text_problem(one_line(item), multiline=False)
            if problem is not None:
                raise ValueError(f"an alias {problem}")
        return split_aliases("\n".join(value))


class TeamPart(Part):
    ref: Ref
    name: Name
    function: Line = ""


class StakeholderPart(Part):
    ref: Ref
    name: Name
    title: Line = ""
    department: Line = ""
    email: Line = ""
    phone: Line = ""
    reports_to: Ref | None = None
    role: Role | None = None
    influence: Influence = None
    support: Support = None
    needs: Text = ""
    wants: Text = ""
    declared_agenda: Text = ""
    personal_agenda: Text = ""
    owner: Ref | None = None
    relationship_level: RelationshipLevel | None = None
    relationship_wanted: RelationshipLevel | None = None
    listens_to: list[Ref] = Field(default_factory=list)
    confidence: Confidence = Confidence.ASSUMED
    source: Line = ""
    last_contact: Day = None
    plan: Text = ""


class OpportunityPart(Part):
    ref: Ref
    title: Line = ""
    kind: OpportunityKind | None = None
    value: Money = None
    target_date: Day = None
    stage: Line = ""
    probability: Probability = None
    status: OpportunityStatus = OpportunityStatus.OPEN
    status_reason: Text = ""
    participants: list[Ref] = Field(default_factory=list)
    competitors: list[Ref] = Field(default_factory=list)
    qualification: dict[str, Answer] = Field(default_factory=dict)
    # Beside each answer: what it rests on, and the day the answer last changed (null: not known).
    qualification_evidence: dict[str, Text] = Field(default_factory=dict)
    qualification_changed: dict[str, Day] = Field(default_factory=dict)

    @field_validator("qualification")
    @classmethod
    def _all_ten(cls, answers: dict[str, Answer]) -> dict[str, Answer]:
        return _ten_questions(answers, Answer.UNKNOWN)

    @field_validator("qualification_evidence")
    @classmethod
    def _all_ten_evidence(cls, evidence: dict[str, str]) -> dict[str, str]:
        return _ten_questions(evidence, "")

    @field_validator("qualification_changed")
    @classmethod
    def _all_ten_days(cls, days: dict[str, date | None]) -> dict[str, date | None]:
        return _ten_questions(days, None)


def _ten_questions(by_question: dict[str, Any], missing: Any) -> dict[str, Any]:
    """One value per question, q1 to q10 in order; a question left out gets `missing`."""
    unknown = sorted(set(by_question) - set(QUESTION_KEYS))
    if unknown:
        raise ValueError(f"unknown question {shown(unknown[0])}; the questions are q1 to q10")
    return {key: by_question.get(key, missing) for key in QUESTION_KEYS}


class ActivityPart(Part):
    date: RequiredDay
    type: ActivityType
    stakeholders: list[Ref] = Field(default_factory=list)
    owner: Ref | None = None
    opportunity: Ref | None = None
    objective: Text = ""
    status: ActivityStatus = ActivityStatus.PLANNED
    outcome: Text = ""


class TargetPart(Part):
    type: ActivityType
    per_week: PerWeek = 0
    converts_to: ActivityType | None = None
    conversion_rate: Rate = None


class CompetitorPart(Part):
    ref: Ref
    name: Name
    strengths: Text = ""
    weaknesses: Text = ""
    close_to: list[Ref] = Field(default_factory=list)
    threat: Threat = None
    counter: Text = ""


class CriterionPart(Part):
    criterion: Name
    weight: Weight = 1
    score: CriterionScore = None


class IndicatorPart(Part):
    indicator: Name
    score: IndicatorScore = None
    evidence: Text = ""


class WhitespacePart(Part):
    unit: Name
    offering: Name
    status: WhitespaceStatus = WhitespaceStatus.OPEN
    opportunity: Ref | None = None


MAX_METRICS_DEPTH = 32


def _depth(value: Any, limit: int) -> int:
    """How deeply lists and objects nest in `value`, counting no further than `limit` + 1."""
    if limit < 0 or not isinstance(value, dict | list):
        return 0
    items = value.values() if isinstance(value, dict) else value
    return 1 + max((_depth(item, limit - 1) for item in items), default=0)


def _metric_problem(value: Any, where: str = "") -> str | None:
    """What in a review's metrics a plan cannot hold: text with control characters, numbers beyond any
    measure (MAX_METRIC), anything that is not JSON. The message names the place inside the metrics."""
    at = f"{where}: " if where else ""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return f"{at}must be a finite number, got {value}"
        if abs(value) > MAX_METRIC:
            return f"{at}must be at most {MAX_METRIC:.0e} either way, got {shown(value)}"
        return None
    if isinstance(value, str):
        problem = text_problem(value, multiline=True)
        return None if problem is None else f"{at}{problem}"
    if isinstance(value, list):
        problems = (_metric_problem(item, f"{where}[{n}]") for n, item in enumerate(value))
        return next((problem for problem in problems if problem), None)
    if isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(key, multiline=False) if isinstance(key, str) else "must be text"
            if problem:
                return f"{at}the key {shown(key)} {problem}"
            found = _metric_problem(item, f"{where}.{key}" if where else str(key))
            if found:
                return found
        return None
    return f"{at}must be JSON, got {shown(value)}"


class ReviewPart(Part):
    date: RequiredDay
    notes: Text = ""
    metrics: dict[str, Any] = Field(default_factory=dict)

    @field_validator("metrics")
    @classmethod
    def _shallow(cls, metrics: dict[str, Any]) -> dict[str, Any]:
        # Stored as JSON text and written back on export; a pathological depth would break both.
        if _depth(metrics, MAX_METRICS_DEPTH) > MAX_METRICS_DEPTH:
            raise ValueError(f"nested more than {MAX_METRICS_DEPTH} levels deep")
        if not is_stored():
            problem = _metric_problem(metrics)
            if problem:
                raise ValueError(problem)
        return metrics


class PlanDocument(Part):
    format: str
    version: StrictInt
    account: AccountPart
    team: list[TeamPart] = Field(default_factory=list)
    stakeholders: list[StakeholderPart] = Field(default_factory=list)
    opportunities: list[OpportunityPart] = Field(default_factory=list)
    activities: list[ActivityPart] = Field(default_factory=list)
    activity_targets: list[TargetPart] = Field(default_factory=list)
    competitors: list[CompetitorPart] = Field(default_factory=list)
    attractiveness: list[CriterionPart] = Field(default_factory=list)
    our_strength: list[CriterionPart] = Field(default_factory=list)
    relationship: list[IndicatorPart] = Field(default_factory=list)
    whitespace: list[WhitespacePart] = Field(default_factory=list)
    reviews: list[ReviewPart] = Field(default_factory=list)
    derived: dict[str, Any] | None = None

    @field_validator("format")
    @classmethod
    def _format(cls, value: str) -> str:
        if value != FORMAT:
            raise ValueError(f"must be {FORMAT!r}, got {shown(value)}: this is not a kamplan plan document")
        return value

    @field_validator("version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value > VERSION:
            raise ValueError(
                f"this document is version {shown(value)}, written by a newer kamplan;"
                f" this one reads version {VERSION}"
            )
        if value < 1:
            raise ValueError(f"must be 1, got {value}")
        return value


class Derived(BaseModel):
    """The `derived` block written on export; ignored on import."""

    as_of: str
    stakeholders: dict[str, dict[str, str]]
    opportunities: dict[str, dict[str, Any]]
    attractiveness: float | None
    our_strength: float | None
    quadrant: str | None
    relationship_index: int | None
    power_coverage: float | None
    factored_pipeline: float
