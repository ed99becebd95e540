"""Messages the app and its screens send one another."""

from textual.message import Message


class SettingsChanged(Message):
    """A limit changed: screens that show it redraw."""


class PlanChanged(Message):
    """Something was saved, undone or redone: whatever the screen shows may be out of date.

    `account_id` is the account the change was made in, when one was (None: anywhere)."""

    def __init__(self, account_id: int | None = None) -> None:
        super().__init__()
        self.account_id = account_id
