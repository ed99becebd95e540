"""The record form: several fields of one record in one dialog, the editing kit every section uses.

Tab and Shift+Tab move between fields, Enter (outside a multi-line field) or Ctrl+S saves them all,
Escape cancels and asks first when something was changed. Each field reads what was typed into its value
as it is typed and says what it understood (the date, the amount, the person) or what is wrong, under
itself. Nothing is handed to `save` until every field reads; `save` may still refuse a field with
FieldProblems, and the message shows at that field.

The form is handed plain data (field specs, the current values, a save function) and never reaches into
the store; the screen that opens it does the saving.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from kamplan.document import typed
from kamplan.document.text import normalise_newlines, text_problem
from kamplan.enums import INFLUENCE_WORDS, SUPPORT_WORDS
from kamplan.errors import FieldProblems, KamplanError
from kamplan.widgets.dialogs import ConfirmDialog, Dialog
from kamplan.widgets.format import shown


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long text"  # several lines; Enter starts a new one
    NUMBER = "number"
    MONEY = "money"  # 38m, 1.2b, 450k
    PERCENT = "percent"  # 0–100, whole
    DATE = "date"
    CHOICE = "choice"  # one of a closed set, picked by single keys
    REFERENCE = "reference"  # another record of the account, by type-ahead
    REFERENCES = "references"  # several, comma-separated
    FILE = "file"  # a file that exists, with path completion
    NEW_FILE = "new file"  # where a file will be written: its folder must exist


@dataclass(frozen=True)
class Option:
    """One value a choice or reference field can take."""

    value: Any
    label: str
    key: str = ""  # the single key that picks it (choice fields)
    detail: str = ""  # shown beside a reference that matched ("CFO, Finance")


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    kind: Kind = Kind.TEXT
    hint: str = ""
    required: bool = False
    options: tuple[Option, ...] = ()
    low: float = 0
    high: float | None = None


@dataclass(frozen=True)
class FormSpec:
    title: str
    fields: tuple[FormField, ...]
    focus: str | None = None  # the field the cursor starts in (default: the first)
    today: date = field(default_factory=date.today)


# The two rating scales (DESIGN.md), with the words the form shows beside the keys.
INFLUENCE = tuple(Option(value, word, str(value)) for value, word in INFLUENCE_WORDS.items())
SUPPORT_KEYS = {-2: "o", -1: "s", 0: "n", 1: "p", 2: "c"}
SUPPORT = tuple(Option(value, word, SUPPORT_KEYS[value]) for value, word in SUPPORT_WORDS.items())


def influence_field(name: str, label: str = "Influence", hint: str = "") -> FormField:
    return FormField(name, label, Kind.CHOICE, hint or "how much weight they carry", options=INFLUENCE)


def support_field(name: str, label: str = "Support", hint: str = "") -> FormField:
    return FormField(name, label, Kind.CHOICE, hint or "are they for or against us", options=SUPPORT)


def choices(values: Sequence[Any], labels: dict[Any, str] | None = None) -> tuple[Option, ...]:
    """Options for a closed set, each picked by the first letter of its label not taken already."""
    taken: set[str] = set()
    options = []
    for value in values:
        label = (labels or {}).get(value) or str(value).replace("_", " ")
        key = next((c for c in label.lower() if c.isalnum() and c not in taken), "")
        taken.add(key)
        options.append(Option(value, label, key))
    return tuple(options)


# Reading what was typed
def resolve(text: str, options: Sequence[Option]) -> Option:
    """The one option `text` names: the whole label, or the first letters of it or of one of its words.
    Raises ValueError naming the candidates when it is none or several."""
    wanted = " ".join(text.split()).casefold()
    exact = [o for o in options if o.label.casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    found = [
        o
        for o in options
        if o.label.casefold().startswith(wanted)
        or any(w.startswith(wanted) for w in o.label.casefold().split())
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"nobody or nothing here is called {text.strip()!r}")
    names = ", ".join(o.label for o in found[:4]) + (" …" if len(found) > 4 else "")
    raise ValueError(f"{text.strip()!r} could be {names}: type more of the name")


def _starts(label: str, wanted: str) -> bool:
    return label.startswith(wanted) or any(word.startswith(wanted) for word in label.split())


def read_value(spec: FormField, raw: Any, today: date) -> Any:
    """The value a field's raw input stands for; ValueError with the field's message if none."""
    if spec.kind == Kind.CHOICE:
        if raw is None and spec.required:
            raise ValueError("pick one")
        return raw
    text = str(raw)
    if spec.kind in (Kind.TEXT, Kind.LONG_TEXT):
        multiline = spec.kind == Kind.LONG_TEXT
        value = normalise_newlines(text) if multiline else text.strip()
        if multiline:
            value = value.strip("\n")
        problem = text_problem(value, multiline=multiline)
        if problem:
            raise ValueError(problem)
        if spec.required and not value.strip():
            raise ValueError("must not be empty")
        return value
    if not text.strip():
        if spec.required:
            raise ValueError("must not be empty")
        return [] if spec.kind == Kind.REFERENCES else None
    if spec.kind == Kind.MONEY:
        return typed.money(text)
    if spec.kind == Kind.PERCENT:
        return typed.whole_number(text, 0, 100)
    if spec.kind == Kind.NUMBER:
        return typed.decimal(text, spec.low, spec.high)
    if spec.kind == Kind.DATE:
        return typed.day(text, today)
    if spec.kind == Kind.REFERENCE:
        return resolve(text, spec.options).value
    if spec.kind in (Kind.FILE, Kind.NEW_FILE):
        return _path(text, must_exist=spec.kind == Kind.FILE)
    parts = [part for part in text.split(",") if part.strip()]
    values = [resolve(part, spec.options).value for part in parts]
    return list(dict.fromkeys(values))  # each once, in the order typed


def shown_value(spec: FormField, value: Any) -> Any:
    """The raw input that stands for `value`: what the field starts with."""
    if spec.kind == Kind.CHOICE:
        return value
    if value is None:
        return ""
    if spec.kind == Kind.MONEY:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if spec.kind in (Kind.NUMBER, Kind.PERCENT):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if spec.kind == Kind.DATE:
        return value.isoformat() if isinstance(value, date) else str(value)
    labels = {o.value: o.label for o in spec.options}
    if spec.kind == Kind.REFERENCE:
        return labels.get(value, "")
    if spec.kind == Kind.REFERENCES:
        return ", ".join(labels[v] for v in value if v in labels)
    return shown(str(value), multiline=spec.kind == Kind.LONG_TEXT)  # an older plan's controls, visible


def understood(spec: FormField, value: Any, today: date) -> str:
    """What a field says under itself once it reads: the date, the amount, the people it matched."""
    if value is None or value == [] or value == "":
        return ""
    if spec.kind == Kind.DATE:
        return "→ " + typed.shown_day(value, today)
    if spec.kind == Kind.MONEY:
        return f"→ {value:,.0f}"
    if spec.kind in (Kind.REFERENCE, Kind.REFERENCES):
        chosen = [value] if spec.kind == Kind.REFERENCE else value
        found = {o.value: o for o in spec.options}
        return "→ " + "; ".join(
            found[v].label + (f" ({found[v].detail})" if found[v].detail else "")
            for v in chosen
            if v in found
        )
    return ""


def _path(text: str, *, must_exist: bool) -> Path:
    path = Path(text.strip()).expanduser()
    if must_exist:
        if path.is_dir():
            raise ValueError(f"{text.strip()} is a folder: name a file in it")
        if not path.is_file():
            raise ValueError(f"there is no file {text.strip()}")
    elif path.is_dir() or text.strip().endswith("/"):
        raise ValueError("name the file to write, not only its folder")
    elif not path.parent.is_dir():
        raise ValueError(f"there is no folder {path.parent}")
    return path


class PathSuggester(Suggester):
    """Completes the file or folder name being typed from what is on disk (~ is the home folder)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder_text, _, start = value.rpartition("/")
        folder = Path(folder_text or ("/" if value.startswith("/") else ".")).expanduser()
        try:
            names = sorted(entry.name for entry in folder.iterdir() if entry.name.startswith(start))
        except OSError:
            return None
        visible = [name for name in names if not name.startswith(".") or start.startswith(".")]
        if not visible or visible[0] == start:
            return None
        found = visible[0] + ("/" if (folder / visible[0]).is_dir() else "")
        return value[: len(value) - len(start)] + found


# The fields' widgets
class ChoiceField(Widget, can_focus=True):
    """A value from a closed set, picked by the single key shown before each option; ← → step through
    them; Backspace clears it when the field may be empty."""

    DEFAULT_CSS = """
    ChoiceField { height: auto; width: 1fr; padding: 0 1; background: $boost; }
    ChoiceField:focus { background-tint: $foreground 5%; }
    """

    class Changed(Message):
        def __init__(self, field: "ChoiceField") -> None:
            super().__init__()
            self.field = field

    def __init__(self, spec: FormField, value: Any, *, id: str) -> None:
        super().__init__(id=id)
        self.spec = spec
        self.value = value

    def render(self) -> Text:
        text = Text(no_wrap=False)
        for index, option in enumerate(self.spec.options):
            if index:
                text.append("  ")
            chosen = option.value == self.value
            label = option.label
            if not label.lower().startswith(option.key):  # "o opposed"; but "1 year", not "1 1 year"
                label = f"{option.key} {label}"
            text.append(label[0], style="bold underline reverse" if chosen else "bold underline")
            text.append(label[1:], style="reverse" if chosen else "")
        if not self.spec.required:
            text.append("  ⌫ none" if self.value is not None else "  (none)", style="dim")
        return text

    def _set(self, value: Any) -> None:
        if value != self.value:
            self.value = value
            self.refresh(layout=True)
            self.post_message(self.Changed(self))

    def on_key(self, event: events.Key) -> None:
        options = self.spec.options
        values = [o.value for o in options]
        for option in options:
            if event.character is not None and event.character.lower() == option.key:
                event.stop()
                self._set(option.value)
                return
        if event.key in ("left", "right"):
            event.stop()
            step = -1 if event.key == "left" else 1
            index = values.index(self.value) + step if self.value in values else (0 if step > 0 else -1)
            self._set(values[index % len(values)])
        elif event.key in ("backspace", "delete") and not self.spec.required:
            event.stop()
            self._set(None)


class _LastPartSuggester(Suggester):
    """Type-ahead for a comma-separated list: completes the name being typed after the last comma."""

    def __init__(self, labels: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.labels = list(labels)

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(",")[2]
        typed_part = last.lstrip()
        if not typed_part:
            return None
        for label in self.labels:
            if label.casefold().startswith(typed_part.casefold()):
                return value[: len(value) - len(typed_part)] + label
        return None


def _suggester(spec: FormField) -> Suggester | None:
    if spec.kind in (Kind.REFERENCE, Kind.REFERENCES):
        return _LastPartSuggester([o.label for o in spec.options])
    if spec.kind in (Kind.FILE, Kind.NEW_FILE):
        return PathSuggester()
    return None


def _shown_spec(spec: FormSpec) -> FormSpec:
    """The spec with the plan's text in it shown as the screen shows it (format.shown): the title ("Edit
    <name>"), the labels, and the people and things its fields refer to, which they read back by these."""
    fields = tuple(
        replace(
            f,
            label=shown(f.label),
            options=tuple(replace(o, label=shown(o.label), detail=shown(o.detail)) for o in f.options),
        )
        for f in spec.fields
    )
    return replace(spec, title=shown(spec.title), fields=fields)


class RecordForm(Dialog[Any]):
    """Edit several fields of one record; dismisses with what `save` returned, or None if cancelled."""

    DEFAULT_CSS = """
    RecordForm { align: center middle; }
    RecordForm > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    RecordForm VerticalScroll { height: auto; max-height: 75vh; }  /* the key line stays in view */
    RecordForm .form-row { height: auto; margin-bottom: 0; }
    RecordForm .form-label { width: 22; padding: 0 1 0 0; text-align: right; color: $text-muted; }
    RecordForm .form-row.-focused .form-label { color: $text; text-style: bold; }
    RecordForm .form-field { height: auto; width: 1fr; }
    RecordForm Input { background: $boost; }
    RecordForm TextArea { height: 5; background: $boost; }
    RecordForm .form-note { height: auto; color: $text-muted; padding: 0 1; }
    RecordForm .form-note.-error { color: $error; }
    RecordForm #form-status { color: $error; height: auto; }
    RecordForm #form-keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("enter", "save", "Save", id="form.enter", show=False),
    ]

    def __init__(self, spec: FormSpec, values: dict[str, Any], save: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__()
        self.spec = spec = _shown_spec(spec)
        self.save = save
        self.initial = {f.name: shown_value(f, values.get(f.name)) for f in spec.fields}
        self.fields = {f.name: f for f in spec.fields}
        self.status = ""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self.spec.title)  # a str would be read as markup
            with VerticalScroll():
                for spec in self.spec.fields:
                    with Horizontal(classes="form-row", id=f"row-{spec.name}"):
                        yield Label(Content(spec.label), classes="form-label")  # not markup
                        with Vertical(classes="form-field"):
                            yield self._editor(spec)
                            yield Static(self._hint(spec), id=f"note-{spec.name}", classes="form-note")
            yield Static("", id="form-status")
            yield Static(self._keys(), id="form-keys")

    def _editor(self, spec: FormField) -> Widget:
        editor_id = f"field-{spec.name}"
        if spec.kind == Kind.CHOICE:
            return ChoiceField(spec, self.initial[spec.name], id=editor_id)
        if spec.kind == Kind.LONG_TEXT:
            from textual.widgets import TextArea  # imported when needed: it is slow to load

            return TextArea(
                self.initial[spec.name], id=editor_id, soft_wrap=True, show_line_numbers=False, compact=True
            )
        return Input(
            self.initial[spec.name],
            id=editor_id,
            suggester=_suggester(spec),
            select_on_focus=False,
            compact=True,
        )

    def _keys(self) -> str:
        long = any(f.kind == Kind.LONG_TEXT for f in self.spec.fields)
        several = len(self.spec.fields) > 1
        parts = ["tab next field"] if several else []
        parts.append("ctrl+s save" if long else "enter or ctrl+s save")
        parts.append("esc cancel")
        return " · ".join(parts)

    @staticmethod
    def _hint(spec: FormField) -> Text:
        hint = spec.hint
        if spec.kind == Kind.DATE and not hint:
            hint = typed.DATE_FORMS
        elif spec.kind in (Kind.FILE, Kind.NEW_FILE) and not hint:
            hint = "→ completes the name from what is on disk; ~ is your home folder"
        elif spec.kind in (Kind.REFERENCE, Kind.REFERENCES) and not hint:
            hint = "type the first letters; → takes the suggestion" + (
                "; separate several with commas" if spec.kind == Kind.REFERENCES else ""
            )
        return Text(hint, style="dim")

    def on_mount(self) -> None:
        first = self.spec.focus or self.spec.fields[0].name
        found = self.query(f"#field-{first}")
        if not found:  # closed by a fast Escape before it was built: nothing to focus
            return
        editor = found.first()
        editor.focus()
        if isinstance(editor, Input):
            editor.cursor_position = len(editor.value)
        elif not isinstance(editor, ChoiceField):  # a text area: carry on writing at the end
            editor.move_cursor(editor.document.end)  # type: ignore[attr-defined]

    # What the fields hold
    def raw(self, name: str) -> Any:
        editor = self.query_one(f"#field-{name}")
        if isinstance(editor, ChoiceField):
            return editor.value
        if isinstance(editor, Input):
            return editor.value
        return editor.text  # type: ignore[attr-defined]

    def changed(self) -> bool:
        return any(self.raw(name) != self.initial[name] for name in self.fields)

    def _note(self, name: str, text: str, *, error: bool) -> None:
        note = self.query_one(f"#note-{name}", Static)
        note.set_class(error, "-error")
        note.update(Text(shown(text)) if text else self._hint(self.fields[name]))

    @on(Input.Changed)
    @on(ChoiceField.Changed)
    def _reading(self, event: Input.Changed | ChoiceField.Changed) -> None:
        """Say what the field understood as it is typed; an error waits for the save to turn red."""
        widget = event.input if isinstance(event, Input.Changed) else event.field
        name = (widget.id or "").removeprefix("field-")
        spec = self.fields.get(name)
        if spec is None:
            return
        try:
            value = read_value(spec, self.raw(name), self.spec.today)
        except ValueError as error:
            self._note(name, str(error), error=False)
            return
        said = understood(spec, value, self.spec.today)
        # "→ 38,000,000" under "38m" helps; under "38,000,000" it only repeats the field.
        self._note(name, "" if said.removeprefix("→ ") == str(self.raw(name)).strip() else said, error=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for row in self.query(".form-row"):
            row.set_class(event.widget in row.query("*"), "-focused")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _ready(self) -> bool:
        """Built and shown: a key that comes while the form closes, or before it is built, does nothing."""
        return self.is_current and bool(self.query("#form-status"))

    def action_save(self) -> None:
        if not self._ready():
            return
        self._status("")
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for name, spec in self.fields.items():
            try:
                values[name] = read_value(spec, self.raw(name), self.spec.today)
            except ValueError as error:
                problems[name] = str(error)
        if not problems:
            try:
                result = self.save(values)
            except FieldProblems as error:
                problems = {k: v for k, v in error.fields.items() if k in self.fields}
                self._status("; ".join(f"{k}: {v}" for k, v in error.fields.items() if k not in self.fields))
            except KamplanError as error:
                self._status(str(error))
                return
            else:
                self.close(result)
                return
        for name in self.fields:
            if name in problems:
                self._note(name, problems[name], error=True)
        if problems:
            first = next(name for name in self.fields if name in problems)
            self.query_one(f"#field-{first}").focus()
            if not self.status:
                self._status(f"{len(problems)} field{'s' if len(problems) > 1 else ''} to correct")

    def _status(self, message: str) -> None:
        self.status = message
        self.query_one("#form-status", Static).update(Text(shown(message)))

    def action_cancel(self) -> None:
        if not self._ready():
            return
        if not self.changed():
            self.close(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.close(None)

        self.app.push_screen(ConfirmDialog(f"Discard your changes to {self.spec.title}?"), answered)
