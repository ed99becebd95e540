"""Account queries and updates: each takes a session and is one unit of work."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan.errors import KamplanError, NotFoundError
from kamplan.models import Account


def live() -> sa.ColumnElement[bool]:
    """Accounts in use: neither archived nor in the trash."""
    return sa.and_(Account.archived_at.is_(None), Account.deleted_at.is_(None))


def list_accounts(session: Session, *, archived: bool = False) -> list[Account]:
    where = (
        live()
        if not archived
        else sa.and_(
            Account.archived_at.is_not(None),
            Account.deleted_at.is_(None),
        )
    )
    return list(session.exec(select(Account).where(where).order_by(sa.func.lower(Account.name))))


def list_trash(session: Session) -> list[Account]:
    return list(
        session.exec(
            select(Account).where(Account.deleted_at.is_not(None)).order_by(sa.func.lower(Account.name))
        )
    )


def name_taken(session: Session, name: str, *, except_id: int | None = None) -> Account | None:
    """The account already called `name`, in any case.

    Compared in Python: SQLite's lower() folds only A–Z, so "Øresund" would not find "øresund" (nor even
    itself, against Python's lower()). Python's casefold is the stricter rule, so an account it lets through
    never trips the database's lower(name) unique index. A user has tens of accounts, not millions.
    """
    wanted = name.strip().casefold()
    for account_id, existing in session.execute(sa.select(Account.id, Account.name).order_by(Account.id)):
        if account_id != except_id and existing.casefold() == wanted:
            return session.get(Account, account_id)
    return None


def find_account(session: Session, name_or_id: str) -> Account:
    """An account by name (case-insensitive) or id; archived ones too, not those in the trash."""
    text = name_or_id.strip()
    account = name_taken(session, text)
    if account is None and text.isdigit():
        account = session.get(Account, int(text))
    if account is None or account.deleted_at is not None:
        raise NotFoundError(f"no account named {name_or_id!r}; `kamplan accounts` lists them")
    return account


def create_account(session: Session, name: str, **fields: object) -> Account:
    name = name.strip()
    if not name:
        raise KamplanError("an account needs a name")
    if name_taken(session, name):
        raise KamplanError(f"an account named {name!r} exists already")
    account = Account(name=name, **fields)
    session.add(account)
    session.flush()
    return account


def rename_account(session: Session, account_id: int, name: str) -> Account:
    name = name.strip()
    if not name:
        raise KamplanError("an account needs a name")
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
