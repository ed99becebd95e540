"""Edits to an account's profile, economics and SWOT; each function is one unit of work's content."""

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan.document.contacts import join_aliases, split_aliases
from kamplan.document.forms import check_line
from kamplan.document.text import text_problem
from kamplan.enums import SwotKind
from kamplan.errors import KamplanError, NotFoundError, ValidationFailed
from kamplan.models import ECONOMIC_FIELDS, PROFILE_FIELDS, SEGMENTATION_FIELDS, Account, SwotItem

EDITABLE_FIELDS = (
    *PROFILE_FIELDS,
    *SEGMENTATION_FIELDS,
    *ECONOMIC_FIELDS,
    "industry",
    "currency",
    "planning_horizon_years",
)


def update_account_field(session: Session, account_id: int, field: str, value: object) -> Account:
    """Set one already-validated field."""
    if field not in EDITABLE_FIELDS:
        raise ValueError(f"{field} is not an editable account field")
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"account {account_id} no longer exists")
    setattr(account, field, value)
    return account


def set_aliases(session: Session, account_id: int, aliases: list[str]) -> list[str]:
    """Set the other names the customer goes by in contact files; returns them as stored (tidied)."""
    tidied = split_aliases("\n".join(aliases))
    for alias in tidied:
        problem = text_problem(alias, multiline=False)
        if problem is not None:
            raise ValidationFailed([f"an alias {problem}"])
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"account {account_id} no longer exists")
    account.aliases = join_aliases(tidied)
    return split_aliases(account.aliases)


def swot_items(session: Session, account_id: int) -> list[SwotItem]:
    return list(
        session.exec(
            select(SwotItem).where(SwotItem.account_id == account_id).order_by(SwotItem.position, SwotItem.id)
        )
    )


def _items_of_kind(session: Session, account_id: int, kind: SwotKind) -> list[SwotItem]:
    return [item for item in swot_items(session, account_id) if item.kind == kind]


def swot_text(text: str) -> str:
    """A SWOT item as stored: one line, runs of spaces made one; KamplanError (ValidationFailed for
    a character a plan may not hold) when it cannot be one."""
    cleaned = " ".join(check_line(text.strip(), "a SWOT item").split())
    if not cleaned:
        raise KamplanError("a SWOT item needs some text")
    return cleaned


def add_swot(session: Session, account_id: int, kind: SwotKind, text: str) -> SwotItem:
    text = swot_text(text)
    last = session.execute(
        sa.select(sa.func.max(SwotItem.position)).where(SwotItem.account_id == account_id)
    ).scalar()
    item = SwotItem(account_id=account_id, kind=kind, text=text, position=(last or 0) + 1)
    session.add(item)
    session.flush()
    return item


def edit_swot(session: Session, item_id: int, text: str) -> SwotItem:
    text = swot_text(text)
    item = _item(session, item_id)
    item.text = text
    return item


def delete_swot(session: Session, item_id: int) -> None:
    session.delete(_item(session, item_id))


def move_swot(session: Session, item_id: int, offset: int) -> SwotItem:
    """Move an item up (-1) or down (+1) within its own list; at either end nothing changes."""
    item = _item(session, item_id)
    siblings = _items_of_kind(session, item.account_id, item.kind)
    index = next(i for i, s in enumerate(siblings) if s.id == item.id)
    target = index + offset
    if 0 <= target < len(siblings):
        siblings[index], siblings[target] = siblings[target], siblings[index]
        for position, sibling in enumerate(siblings):
            sibling.position = position
    return item


def _item(session: Session, item_id: int) -> SwotItem:
    item = session.get(SwotItem, item_id)
    if item is None:
        raise NotFoundError("that SWOT item no longer exists")
    return item
