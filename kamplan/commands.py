"""Command-palette providers built from data: go to an account, go to a stakeholder."""

from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from kamplan.screens.host import Host


class AccountsProvider(Provider):
    @property
    def host(self) -> Host:
        return cast(Host, self.app)

    async def startup(self) -> None:
        self.accounts = self.host.store.live_accounts()

    async def discover(self) -> Hits:
        for account_id, name in self.accounts:
            yield DiscoveryHit(
                f"Go to account: {name}", partial(self._open, account_id), help="Open this account"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for account_id, name in self.accounts:
            text = f"Go to account: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(self._open, account_id), text, "Open this account"
                )

    def _open(self, account_id: int) -> None:
        self.host.open_account(account_id)


class StakeholdersProvider(Provider):
    @property
    def host(self) -> Host:
        return cast(Host, self.app)

    async def startup(self) -> None:
        self.people = self.host.store.people_directory()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for person in self.people:
            text = f"Go to stakeholder: {person.name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(text),
                    partial(self._open, person.account_id, person.id),
                    text,
                    f"{person.title} at {person.account}" if person.title else person.account,
                )

    def _open(self, account_id: int, person_id: int) -> None:
        self.host.open_account(account_id, person_id=person_id)
