"""What every kamplan screen can reach: the store and the settings the app was handed."""

from collections.abc import Callable
from typing import Any, cast

from textual.binding import Binding
from textual.screen import Screen

from kamplan.config import Settings
from kamplan.errors import KamplanError
from kamplan.screens.host import Host
from kamplan.store.service import Store


class KamplanScreen(Screen[Any]):
    BINDINGS = [
        Binding("u", "undo", "Undo", id="plan.undo"),
        Binding("U", "redo", "Redo", id="plan.redo", show=False),
    ]

    @property
    def kamplan(self) -> Host:
        return cast(Host, self.app)

    @property
    def store(self) -> Store:
        return self.kamplan.store

    @property
    def settings(self) -> Settings:
        return self.kamplan.settings

    def action_undo(self) -> None:
        self._step_back_or_forth(self.store.undo, "undid")

    def action_redo(self) -> None:
        self._step_back_or_forth(self.store.redo, "redid")

    def _step_back_or_forth(self, step: Callable[[], str], verb: str) -> None:
        try:
            label = step()
        except KamplanError as error:
            self.notify(str(error), severity="warning", timeout=4, markup=False)
            return
        self.notify(f"{verb}: {label}", timeout=4, markup=False)
        self.plan_changed()

    def plan_changed(self) -> None:
        """The plan changed under this screen (an undo, a redo): redraw what it shows."""

    def action_back(self) -> None:
        """Back one step; a second Escape already queued must not close the screen beneath too."""
        if self.is_current:
            self.app.pop_screen()
