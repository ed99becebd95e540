"""Account queries and updates: each takes a session and is one unit of work."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan.document.forms import check_line
from kamplan.errors import KamplanError, NotFoundError
from kamplan.models import Account
from kamplan.store import rules
from kamplan.store.lookup import same_name


def list_accounts(session: Session, *, archived: bool = False) -> list[Account]:
    """The live accounts, or the archived ones (rules.py says which are which)."""
    where = rules.archived_account_clause() if archived else rules.live_account_clause()
    return list(session.exec(select(Account).where(where).order_by(sa.func.lower(Account.name))))


def list_trash(session: Session) -> list[Account]:
    return list(
        session.exec(
            select(Account).where(rules.trashed_account_clause()).order_by(sa.func.lower(Account.name))
        )
    )


def name_taken(session: Session, name: str, *, except_id: int | None = None) -> Account | None:
    """The account already called `name`, in any case (the rule is lookup.same_name)."""
    rows = session.execute(sa.select(Account.id, Account.name).order_by(Account.id)).all()
    found = same_name(rows, name, except_id=except_id)
    return None if found is None else session.get(Account, found)


def account_name(text: str) -> str:
    """The name to store for what the user typed, or KamplanError saying why it cannot be one."""
    name = text.strip()
    if not name:
        raise KamplanError("an account needs a name")
    return check_line(name, "an account name")


def create_account(session: Session, name: str, **fields: object) -> Account:
    name = account_name(name)
    if name_taken(session, name):
        raise KamplanError(f"an account named {name!r} exists already")
    account = Account(name=name, **fields)
    session.add(account)
    session.flush()
    return account


def rename_account(session: Session, account_id: int, name: str) -> Account:
    name = account_name(name)
    if name_taken(session, name, except_id=account_id):
        raise KamplanError(f"an account named {name!r} exists already")
    account = _get(session, account_id)
    account.name = name
    return account


def set_key_account(session: Session, account_id: int, key: bool) -> Account:
    account = _get(session, account_id)
    account.key_account = key
    return account


def archive_account(session: Session, account_id: int, archived: bool = True) -> Account:
    account = _get(session, account_id)
    account.archived_at = datetime.now(UTC) if archived else None
    return account


def trash_account(session: Session, account_id: int, trashed: bool = True) -> Account:
    """Move to the trash (restorable until the trash is emptied), or restore from it."""
    account = _get(session, account_id)
    account.deleted_at = datetime.now(UTC) if trashed else None
    return account


def empty_trash(session: Session) -> int:
    doomed = list_trash(session)
    for account in doomed:
        session.delete(account)
    return len(doomed)


def delete_account(session: Session, account_id: int) -> None:
    session.delete(_get(session, account_id))


def _get(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"account {account_id} no longer exists")
    return account
