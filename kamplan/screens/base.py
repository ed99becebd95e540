"""What every kamplan screen can reach: the store and the settings the app was handed."""

from typing import Any, cast

from textual.screen import Screen

from kamplan.config import Settings
from kamplan.screens.host import Host
from kamplan.store.service import Store


class KamplanScreen(Screen[Any]):
    @property
    def kamplan(self) -> Host:
        return cast(Host, self.app)

    @property
    def store(self) -> Store:
        return self.kamplan.store

    @property
    def settings(self) -> Settings:
        return self.kamplan.settings

    def action_back(self) -> None:
        """Back one step; a second Escape already queued must not close the screen beneath too."""
        if self.is_current:
            self.app.pop_screen()
