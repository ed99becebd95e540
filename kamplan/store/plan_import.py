"""Add a whole validated plan document to the database: all or nothing."""

from sqlalchemy.engine import Engine

from kamplan.document.forms import check_line
from kamplan.document.model import PlanDocument
from kamplan.document.parse import check_encodable
from kamplan.errors import KamplanError
from kamplan.store.accounts import delete_account, name_taken
from kamplan.store.engine import unit_of_work
from kamplan.store.write_plan import write_plan


def import_plan(
    engine: Engine, doc: PlanDocument, *, rename: str | None = None, replace: bool = False
) -> str:
    """Add the document's account in one transaction; returns the account's name."""
    name = (rename or doc.account.name).strip()
    if not name:
        raise KamplanError("--rename needs a name")
    check_encodable(name, None)
    check_line(name, "the new name")
    with unit_of_work(engine) as session:
        existing = name_taken(session, name)
        if existing is not None:
            if not replace:
                raise KamplanError(
                    f"an account named {existing.name!r} exists already; use --rename NEW or --replace"
                )
            delete_account(session, existing.id)
            session.flush()
        write_plan(session, doc, name)
    return name
