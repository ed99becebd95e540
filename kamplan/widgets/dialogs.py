"""Small modal dialogs: confirm, and edit one value with its validation message shown in place."""

from collections.abc import Callable
from typing import Any, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from kamplan.errors import KamplanError

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A modal that closes once: a second key that arrives while it is closing (Enter then Escape, typed
    fast) must not close the screen beneath it too."""

    def close(self, result: T) -> None:
        if self.is_current:
            self.dismiss(result)


class ConfirmDialog(Dialog[bool]):
    """Ask before anything is removed. y confirms; n or Escape keeps things as they are."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 90%; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    ConfirmDialog .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question), id="question")  # may quote user text: never markup
            yield Static("y  yes     n / esc  no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.close(yes)


class EditDialog(Dialog[Any]):
    """Edit one value. `save` validates and stores it, raising KamplanError with a message to show here.

    A single-line value saves on Enter; a multi-line one on Ctrl+S (Enter starts a new line).
    """

    DEFAULT_CSS = """
    EditDialog { align: center middle; }
    EditDialog > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 90%; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    EditDialog TextArea { height: 12; }
    EditDialog .error { color: $error; height: auto; }
    EditDialog .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="edit.cancel"),
        Binding("ctrl+s", "save", "Save", id="edit.save", priority=True),
    ]

    def __init__(
        self, title: str, value: str, save: Callable[[str], Any], *, multiline: bool = False, hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.save = save
        self.multiline = multiline
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self.title_text)  # it may quote user text: never markup
            if self.multiline:
                from textual.widgets import TextArea  # imported when needed: it is slow to load

                yield TextArea(self.value, id="editor", soft_wrap=True, show_line_numbers=False)
            else:
                yield Input(self.value, id="editor")
            yield Label("", id="error", classes="error")
            keys = "ctrl+s save · esc cancel" if self.multiline else "enter save · esc cancel"
            yield Static(f"{self.hint}  {keys}" if self.hint else keys, classes="hint")

    def on_mount(self) -> None:
        editor = self.query_one("#editor")
        editor.focus()
        if self.multiline:
            editor.move_cursor(editor.document.end)  # type: ignore[attr-defined]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        editor = self.query_one("#editor")
        text = editor.text if self.multiline else editor.value  # type: ignore[attr-defined]
        try:
            result = self.save(text)
        except KamplanError as error:
            self.query_one("#error", Label).update(str(error))
            return
        self.close(result)

    def action_cancel(self) -> None:
        self.close(None)


class PreviewDialog(Dialog[bool]):
    """Show what an action would do, in full, before it is done: Enter or y does it; Escape or n does
    not. The text is shown as text (it quotes files and names)."""

    DEFAULT_CSS = """
    PreviewDialog { align: center middle; }
    PreviewDialog > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 90%; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    PreviewDialog VerticalScroll { height: auto; max-height: 1fr; }
    PreviewDialog .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("enter,y", "answer(True)", "Do it", id="preview.yes"),
        Binding("escape,n", "answer(False)", "Cancel", id="preview.no"),
    ]

    def __init__(self, title: str, text: str, action: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.action_text = action

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll

        with Vertical() as box:
            box.border_title = Content(self.title_text)  # it may quote a file's name: never markup
            with VerticalScroll():
                yield Static(Text(self.text), id="preview-text")
            hint = (
                f"enter or y  {self.action_text}     esc or n  cancel" if self.action_text else "esc  close"
            )
            yield Static(hint, classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.close(yes and bool(self.action_text))
