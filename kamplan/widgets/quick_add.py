"""The quick-add line: a short line typed at the bottom of the screen that says, as it is typed, what it
will save; one Enter saves it.

It is handed two functions and knows nothing of what they read: `read(line)` returns what the line is
understood as, in words, or raises ValueError with what is wrong; `save(line)` saves it and returns a result
(or raises ValueError or KamplanError, shown in place). The dialog dismisses with that result, or None."""

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Static

from kamplan.errors import KamplanError
from kamplan.widgets.dialogs import Dialog


class WordSuggester(Suggester):
    """Completes the name being typed at the end of the line (outside quotes) from `words`: "call Pie" →
    "call Pieter Dekkers"; → takes the suggestion."""

    def __init__(self, words: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = list(words)

    async def get_suggestion(self, value: str) -> str | None:
        if value.count('"') % 2 or value.endswith((" ", ",")):
            return None
        parts = value.split(" ")
        for size in (3, 2, 1):
            if len(parts) < size + 1:  # the first word is the type: never part of a name
                continue
            tail = " ".join(parts[-size:]).lstrip(",")
            if not tail or tail[0] in '#"+' or tail[0].isdigit():
                continue
            for word in self.words:
                if word.casefold().startswith(tail.casefold()) and len(word) > len(tail):
                    return value[: len(value) - len(tail)] + word
        return None


class QuickAddLine(Dialog[Any]):
    DEFAULT_CSS = """
    QuickAddLine { align: center bottom; background: $background 40%; }
    QuickAddLine > Vertical {
        width: 100%; height: auto; border: thick $accent; background: $surface; padding: 0 1;
        margin-bottom: 1;
    }
    QuickAddLine Input { background: $boost; }
    QuickAddLine #quick-understood { height: auto; color: $text-success; }
    QuickAddLine #quick-understood.-waiting { color: $text-muted; }
    QuickAddLine #quick-understood.-error { color: $error; }
    QuickAddLine #quick-hint { color: $text-muted; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="quick.cancel")]

    def __init__(
        self,
        title: str,
        read: Callable[[str], str],
        save: Callable[[str], Any],
        *,
        hint: str = "",
        placeholder: str = "",
        words: Sequence[str] = (),
        value: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.read = read
        self.save = save
        self.hint = hint
        self.placeholder = placeholder
        self.words = words
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self.title_text)
            yield Input(
                self.value,
                placeholder=self.placeholder,
                id="quick-line",
                suggester=WordSuggester(self.words) if self.words else None,
                select_on_focus=False,
                compact=True,
            )
            yield Static("", id="quick-understood", classes="-waiting")
            keys = "enter saves what the line above says · → takes a suggestion · esc cancels"
            yield Static(Text(f"{self.hint}\n{keys}" if self.hint else keys), id="quick-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._understand(self.value)

    @property
    def understood(self) -> str:
        """What the line under the input says now."""
        return str(self.query_one("#quick-understood", Static).render())

    def _say(self, text: str, state: str) -> None:
        said = self.query_one("#quick-understood", Static)
        said.set_class(state == "waiting", "-waiting")
        said.set_class(state == "error", "-error")
        said.update(Text(text))

    def _understand(self, line: str) -> bool:
        try:
            meaning = self.read(line)
        except ValueError as problem:
            self._say(str(problem), "waiting")  # red only once Enter was pressed: it is still being typed
            return False
        self._say(f"→ {meaning}", "ok")
        return True

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._understand(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.is_current:
            return
        try:
            result = self.save(event.value)
        except (ValueError, KamplanError) as problem:
            self._say(str(problem), "error")
            return
        self.close(result)

    def action_cancel(self) -> None:
        self.close(None)
