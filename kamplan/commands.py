"""Command-palette providers built from data: go to an account, go to a stakeholder.

The palette reads a hit's text as markup unless it is handed Content: a name like "Acme [/oops]" would
end it. Every name is handed over as Content, its control characters made visible (format.shown)."""

from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from kamplan.screens.host import Host
from kamplan.widgets.format import first_line, shown

# The palette's fuzzy matcher slows down steeply with the length of what it searches: a 10,000-character
# name from an old plan froze it and filled memory. Names are matched and shown cut to this.
LONGEST = 80


def _highlighted(matcher: Matcher, text: str) -> Content:
    """What Matcher.highlight does, with `text` taken as text: Matcher.highlight reads it as markup."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _as_text(text: str) -> str:
    """Help text the palette shows as it is: Content passes through its markup parser unchanged (the
    field is typed str, but any Content is accepted)."""
    return cast(str, Content(text))


class AccountsProvider(Provider):
    @property
    def host(self) -> Host:
        return cast(Host, self.app)

    async def startup(self) -> None:
        live = self.host.store.live_accounts()
        self.accounts = [(account_id, first_line(name, LONGEST)) for account_id, name in live]

    async def discover(self) -> Hits:
        for account_id, name in self.accounts:
            text = f"Go to account: {name}"
            yield DiscoveryHit(Content(text), partial(self._open, account_id), text, "Open this account")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for account_id, name in self.accounts:
            text = f"Go to account: {name}"
            score = matcher.match(text)
            if score > 0:
                shown_text = _highlighted(matcher, text)
                yield Hit(score, shown_text, partial(self._open, account_id), text, "Open this account")

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
            text = f"Go to stakeholder: {first_line(person.name, LONGEST)}"
            score = matcher.match(text)
            if score > 0:
                where = f"{person.title} at {person.account}" if person.title else person.account
                yield Hit(
                    score,
                    _highlighted(matcher, text),
                    partial(self._open, person.account_id, person.id),
                    text,
                    _as_text(shown(where)),
                )

    def _open(self, account_id: int, person_id: int) -> None:
        self.host.open_account(account_id, person_id=person_id)
