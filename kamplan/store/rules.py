"""Each rule the screens filter by, written once, in every spelling the store's two read paths need.

The first screen and the commands that show no screen read through the standard library's sqlite3, so they
need not import SQLAlchemy (most of a second): they use the SQL fragments here. Everything else reads
through SQLAlchemy: it uses the expressions here, or the Python predicates on rows it has read. The two
spellings of a rule sit side by side, and tests/core/test_read_paths.py checks that the paths agree.

Rules the derived measures need as well live one floor down, in kamplan.planning (which the plan document
and its exports may import, and which imports nothing but the enums): `planning.is_open`,
`planning.is_rated`, `planning.rating` (a confirmed rating is one whose confidence is "confirmed"). Their SQL
spelling, where a query needs one, is here.

SQL fragments name a table (or its alias in the query) so they fit into joins; their parameters are named,
and the text keeps to what SQLite and PostgreSQL both accept. This module imports neither SQLAlchemy nor
the models at import time: the fast path imports it too.
"""

from datetime import date
from typing import TYPE_CHECKING

from kamplan.enums import ActivityStatus, OpportunityStatus

if TYPE_CHECKING:
    import sqlalchemy as sa


# Live account: in use, that is neither archived nor in the trash.
def live_account(table: str = "account") -> str:
    return f"{table}.archived_at IS NULL AND {table}.deleted_at IS NULL"


def live_account_clause() -> "sa.ColumnElement[bool]":
    import sqlalchemy as sa

    from kamplan.models import Account

    return sa.and_(Account.archived_at.is_(None), Account.deleted_at.is_(None))


# Archived account: put away by the user, restorable at once; an account in the trash is not "archived".
def archived_account_clause() -> "sa.ColumnElement[bool]":
    import sqlalchemy as sa

    from kamplan.models import Account

    return sa.and_(Account.archived_at.is_not(None), Account.deleted_at.is_(None))


# In the trash: deleted by the user, restorable until the trash is emptied (archived or not).
def trashed_account_clause() -> "sa.ColumnElement[bool]":
    from kamplan.models import Account

    return Account.deleted_at.is_not(None)


# Open opportunity: still to be won or lost (Python: planning.is_open).
def open_opportunity(table: str = "opportunity") -> str:
    return f"{table}.status = '{OpportunityStatus.OPEN.value}'"


def open_opportunity_clause() -> "sa.ColumnElement[bool]":
    from kamplan.models import Opportunity

    return Opportunity.status == OpportunityStatus.OPEN


# Qualified out: closed on purpose, with its reason (the portfolio counts what that freed).
def qualified_out_opportunity(table: str = "opportunity") -> str:
    return f"{table}.status = '{OpportunityStatus.QUALIFIED_OUT.value}'"


# Overdue activity: planned for a day before today and not done. Coming: planned for today or later.
# The SQL takes the day as the named parameter :today, written YYYY-MM-DD.
def overdue_activity(table: str = "activity") -> str:
    return f"{table}.status = '{ActivityStatus.PLANNED.value}' AND {table}.date < :today"


def coming_activity(table: str = "activity") -> str:
    return f"{table}.status = '{ActivityStatus.PLANNED.value}' AND {table}.date >= :today"


def is_overdue(status: ActivityStatus | str, day: date, today: date) -> bool:
    return status == ActivityStatus.PLANNED and day < today
