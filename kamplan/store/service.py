"""The store the app is handed: each method is one short transaction; no session outlives a call."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from kamplan import models as m
from kamplan.config import Settings
from kamplan.models.enums import SwotKind
from kamplan.store import account_view, accounts, profile, summary
from kamplan.store import settings as settings_store
from kamplan.store.accounts import live
from kamplan.store.engine import reading, unit_of_work

T = TypeVar("T")


@dataclass(frozen=True)
class PersonHit:
    """A stakeholder as the command palette lists them."""

    id: int
    name: str
    title: str
    account_id: int
    account: str


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def read(self, query: Callable[[Session], T]) -> T:
        with reading(self.engine) as session:
            return query(session)

    def write(self, change: Callable[[Session], T]) -> T:
        with unit_of_work(self.engine) as session:
            return change(session)

    # Settings
    def load_settings(self, settings: Settings) -> Settings:
        return self.read(lambda s: settings_store.apply_stored(s, settings))

    def save_limit(self, key: str, text: str) -> int:
        value = settings_store.parse_limit(key, text)
        self.write(lambda s: settings_store.save_setting(s, key, value))
        return value

    # Portfolio and accounts
    def portfolio(self, today: date, relationship_limit: int, key_account_limit: int) -> summary.Portfolio:
        return self.read(lambda s: summary.portfolio(s, today, relationship_limit, key_account_limit))

    def summary(self, account_id: int, today: date) -> summary.AccountSummary | None:
        found = self.read(lambda s: summary.summarize(s, today, [account_id]))
        return found[0] if found else None

    def account(self, account_id: int) -> m.Account | None:
        return self.read(lambda s: s.get(m.Account, account_id))

    def archived(self) -> list[m.Account]:
        return self.read(lambda s: accounts.list_accounts(s, archived=True))

    def trash(self) -> list[m.Account]:
        return self.read(accounts.list_trash)

    def live_accounts(self) -> list[tuple[int, str]]:
        return self.read(lambda s: [(a.id, a.name) for a in accounts.list_accounts(s)])

    def create_account(self, name: str) -> int:
        return self.write(lambda s: accounts.create_account(s, name).id)

    def rename_account(self, account_id: int, name: str) -> None:
        self.write(lambda s: accounts.rename_account(s, account_id, name))

    def set_key_account(self, account_id: int, key: bool) -> None:
        self.write(lambda s: accounts.set_key_account(s, account_id, key))

    def archive_account(self, account_id: int, archived: bool = True) -> None:
        self.write(lambda s: accounts.archive_account(s, account_id, archived))

    def trash_account(self, account_id: int, trashed: bool = True) -> None:
        self.write(lambda s: accounts.trash_account(s, account_id, trashed))

    def empty_trash(self) -> int:
        return self.write(accounts.empty_trash)

    def add_demo(self, today: date | None = None) -> str:
        from kamplan.interchange.demo import add_demo

        return add_demo(self.engine, today)

    # Profile
    def update_account_field(self, account_id: int, field: str, raw: Any) -> Any:
        """Validate what the user typed with the document's rules, then save it; returns the stored value."""
        from kamplan.interchange.forms import validate_account_field

        value = validate_account_field(field, raw)
        self.write(lambda s: profile.update_account_field(s, account_id, field, value))
        return value

    def swot(self, account_id: int) -> list[m.SwotItem]:
        return self.read(lambda s: profile.swot_items(s, account_id))

    def add_swot(self, account_id: int, kind: SwotKind, text: str) -> int:
        return self.write(lambda s: profile.add_swot(s, account_id, kind, _line(text)).id)

    def edit_swot(self, item_id: int, text: str) -> None:
        self.write(lambda s: profile.edit_swot(s, item_id, _line(text)))

    def delete_swot(self, item_id: int) -> None:
        self.write(lambda s: profile.delete_swot(s, item_id))

    def move_swot(self, item_id: int, offset: int) -> None:
        self.write(lambda s: profile.move_swot(s, item_id, offset))

    # Sections of the account screen
    def stakeholders(self, account_id: int) -> list[account_view.StakeholderRow]:
        return self.read(lambda s: account_view.stakeholders(s, account_id))

    def opportunities(self, account_id: int) -> list[account_view.OpportunityRow]:
        return self.read(lambda s: account_view.opportunities(s, account_id))

    def activities(self, account_id: int, today: date) -> list[account_view.ActivityRow]:
        return self.read(lambda s: account_view.activities(s, account_id, today))

    def power_coverage(self, account_id: int, as_of: date) -> float | None:
        return self.read(lambda s: account_view.power_coverage(s, account_id, as_of))

    def assessment(self, account_id: int) -> account_view.Assessment:
        return self.read(lambda s: account_view.assessment(s, account_id))

    def reviews(self, account_id: int) -> list[account_view.ReviewRow]:
        return self.read(lambda s: account_view.reviews(s, account_id))

    # Finding things
    def people_directory(self) -> list[PersonHit]:
        def query(session: Session) -> list[PersonHit]:
            rows = session.execute(
                sa.select(
                    m.Stakeholder.id, m.Stakeholder.name, m.Stakeholder.title, m.Account.id, m.Account.name
                )
                .join(m.Account, m.Account.id == m.Stakeholder.account_id)
                .where(live())
                .order_by(m.Stakeholder.name)
            ).all()
            return [PersonHit(*row) for row in rows]

        return self.read(query)


def _line(text: str) -> str:
    from kamplan.errors import KamplanError

    cleaned = " ".join(text.split())
    if not cleaned:
        raise KamplanError("a SWOT item needs some text")
    return cleaned
