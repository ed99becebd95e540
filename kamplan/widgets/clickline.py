"""One line of text whose parts can be clicked: the key bar and the account's section bar."""

from collections.abc import Sequence

from textual import events
from textual.content import Content
from textual.widgets import Static

Part = tuple[Content, str]  # what shows, and the action a click on it runs ("" for none)


class ClickLine(Static):
    """Draws its parts as one Content, so a change redraws one line and nothing else."""

    DEFAULT_CSS = "ClickLine { height: 1; text-wrap: nowrap; text-overflow: clip; }"
    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._actions: list[tuple[int, str]] = []  # (where the part ends, its action)

    def show(self, parts: Sequence[Part]) -> None:
        end = 0
        self._actions = []
        for content, action in parts:
            end += content.cell_length
            self._actions.append((end, action))
        self.update(Content.assemble(*(content for content, _ in parts)), layout=False)

    async def on_click(self, event: events.Click) -> None:
        for end, action in self._actions:
            if event.x < end:
                if action:
                    await self.run_action(action)
                return
