"""Derived measures of the plan: pure functions over plain values, no I/O, standard library only."""

from kamplan.planning.attractiveness import (
    DEFAULT_ATTRACTIVENESS_CRITERIA,
    DEFAULT_STRENGTH_CRITERIA,
    Criterion,
    Quadrant,
    quadrant,
    weighted_score,
)
from kamplan.planning.capacity import (
    DEFAULT_KEY_ACCOUNT_LIMIT,
    DEFAULT_RELATIONSHIP_CAPACITY,
    CapacityStatus,
    capacity_status,
)
from kamplan.planning.coaching import (
    HIGH_INFLUENCE,
    STALE_CONTACT_DAYS,
    CoachingFlag,
    OpportunitySketch,
    Outreach,
    Person,
    coaching_flags,
    flags_for,
)
from kamplan.planning.coverage import (
    COVERAGE_WINDOW_DAYS,
    Reached,
    comfort_zone,
    coverage_window,
    power_coverage,
)
from kamplan.planning.economics import margin, margin_pct, share_of_wallet
from kamplan.planning.forecast import band_gap, is_optimistic, optimism_reason, suggested_band
from kamplan.planning.funnel import (
    WEEKS_SHOWN,
    FunnelStep,
    Target,
    funnel_steps,
    funnel_window,
    week_start,
    weekly_counts,
)
from kamplan.planning.grid import GridCategory, grid_category, is_rated
from kamplan.planning.org import would_cycle
from kamplan.planning.pipeline import PipelineItem, best_bet, factored_value, is_open, pipeline_by_quarter
from kamplan.planning.qualification import QUESTION_KEYS, QUESTIONS, Answer, qualification_score
from kamplan.planning.relationship import DEFAULT_INDICATORS, relationship_index
from kamplan.planning.vote import (
    Rating,
    Verdict,
    Vote,
    is_confirmed,
    rating,
    vote_explanation,
    vote_today,
    voters_of,
)
from kamplan.planning.whatif import RatingChange, WinningMove, apply_move, smallest_winning_move

__all__ = [
    "COVERAGE_WINDOW_DAYS",
    "DEFAULT_ATTRACTIVENESS_CRITERIA",
    "DEFAULT_INDICATORS",
    "DEFAULT_KEY_ACCOUNT_LIMIT",
    "DEFAULT_RELATIONSHIP_CAPACITY",
    "DEFAULT_STRENGTH_CRITERIA",
    "HIGH_INFLUENCE",
    "QUESTIONS",
    "QUESTION_KEYS",
    "STALE_CONTACT_DAYS",
    "WEEKS_SHOWN",
    "Answer",
    "CapacityStatus",
    "CoachingFlag",
    "Criterion",
    "FunnelStep",
    "GridCategory",
    "OpportunitySketch",
    "Outreach",
    "Person",
    "PipelineItem",
    "Quadrant",
    "Rating",
    "RatingChange",
    "Reached",
    "Target",
    "Verdict",
    "Vote",
    "WinningMove",
    "apply_move",
    "band_gap",
    "best_bet",
    "capacity_status",
    "coaching_flags",
    "comfort_zone",
    "coverage_window",
    "factored_value",
    "flags_for",
    "funnel_steps",
    "funnel_window",
    "grid_category",
    "is_confirmed",
    "is_open",
    "is_optimistic",
    "is_rated",
    "margin",
    "margin_pct",
    "optimism_reason",
    "pipeline_by_quarter",
    "power_coverage",
    "quadrant",
    "qualification_score",
    "rating",
    "relationship_index",
    "share_of_wallet",
    "smallest_winning_move",
    "suggested_band",
    "vote_explanation",
    "vote_today",
    "voters_of",
    "week_start",
    "weekly_counts",
    "weighted_score",
    "would_cycle",
]
