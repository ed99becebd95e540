"""SQLModel tables: the one definition of the schema. Importing this registers every table."""

from kamplan.models.account import ECONOMIC_FIELDS, PROFILE_FIELDS, SEGMENTATION_FIELDS, Account, SwotItem
from kamplan.models.activity import Activity, ActivityStakeholder, ActivityTarget
from kamplan.models.assessment import Criterion, RelationshipIndicator
from kamplan.models.competitor import CloseTo, Competitor
from kamplan.models.opportunity import Opportunity, OpportunityCompetitor, Participant, QualificationAnswer
from kamplan.models.review import Review
from kamplan.models.setting import Setting
from kamplan.models.stakeholder import ListensTo, Stakeholder
from kamplan.models.team import TeamMember
from kamplan.models.whitespace import Offering, WhitespaceCell

__all__ = [
    "ECONOMIC_FIELDS",
    "PROFILE_FIELDS",
    "SEGMENTATION_FIELDS",
    "Account",
    "Activity",
    "ActivityStakeholder",
    "ActivityTarget",
    "CloseTo",
    "Competitor",
    "Criterion",
    "ListensTo",
    "Offering",
    "Opportunity",
    "OpportunityCompetitor",
    "Participant",
    "QualificationAnswer",
    "RelationshipIndicator",
    "Review",
    "Setting",
    "Stakeholder",
    "SwotItem",
    "TeamMember",
    "WhitespaceCell",
]
