"""The editing kit by keys, in a small app of its own: every field kind of the record form with good and bad
input, and the editable list's keys."""

from datetime import date
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input
from ui_support import shown, type_text

from kamplan.errors import FieldProblems
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.editable_list import Column, EditableList, Row
from kamplan.widgets.form import (
    FormField,
    FormSpec,
    Kind,
    Option,
    RecordForm,
    choices,
    influence_field,
    support_field,
)

TODAY = date(2026, 11, 30)  # a Monday
PEOPLE = (
    Option(1, "Pieter Dekkers", detail="CFO"),
    Option(2, "Pia Olsen", detail="Buyer"),
    Option(3, "Anna Berg", detail="COO"),
)
FIELDS = (
    FormField("name", "Name", required=True),
    FormField("notes", "Notes", Kind.LONG_TEXT),
    FormField("value", "Value", Kind.MONEY),
    FormField("probability", "Probability", Kind.PERCENT),
    FormField("due", "Due", Kind.DATE),
    FormField("kind", "Kind", Kind.CHOICE, options=choices(["retain", "grow", "new_offering"])),
    influence_field("influence"),
    support_field("support"),
    FormField("owner", "Owner", Kind.REFERENCE, options=PEOPLE),
    FormField("people", "People", Kind.REFERENCES, options=PEOPLE),
)


class Host(App[None]):
    def __init__(self, values: dict[str, Any] | None = None, refuse: dict[str, str] | None = None) -> None:
        super().__init__()
        self.values = values or {}
        self.refuse = refuse
        self.saved: list[dict[str, Any]] = []
        self.result: object = "open"

    def on_mount(self) -> None:
        def save(values: dict[str, Any]) -> str:
            if self.refuse:
                raise FieldProblems(self.refuse)
            self.saved.append(values)
            return "saved"

        def done(result: object) -> None:
            self.result = result

        self.push_screen(RecordForm(FormSpec("A record", FIELDS, today=TODAY), self.values, save), done)


def note(app: App[None], name: str) -> str:
    return shown(app.screen.query_one(f"#note-{name}"))


async def focus_field(pilot: Any, name: str) -> None:
    pilot.app.screen.query_one(f"#field-{name}").focus()
    await pilot.pause()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-15", date(2026, 12, 15)),
        ("15 dec", date(2026, 12, 15)),
        ("today", TODAY),
        ("tomorrow", date(2026, 12, 1)),
        ("mon", date(2026, 12, 7)),  # the next one, not today
        ("fri", date(2026, 12, 4)),
        ("+3d", date(2026, 12, 3)),
        ("+2w", date(2026, 12, 14)),
    ],
)
async def test_a_date_field_takes_every_form_and_says_what_it_understood(typed: str, expected: date) -> None:
    app = Host({"name": "Deal"})
    async with app.run_test(size=(100, 40)) as pilot:
        await focus_field(pilot, "due")
        await type_text(pilot, typed)
        assert f"{expected.day} {expected:%b %Y}" in note(app, "due")
        await pilot.press("ctrl+s")
    assert app.saved[0]["due"] == expected


async def test_every_kind_reads_good_input() -> None:
    app = Host({"name": "Deal", "kind": "retain"})
    async with app.run_test(size=(100, 40)) as pilot:
        await focus_field(pilot, "notes")
        await type_text(pilot, "line one")
        await pilot.press("enter")  # a new line in a multi-line field, not a save
        await type_text(pilot, "line two")
        await focus_field(pilot, "value")
        await type_text(pilot, "38m")
        assert "38,000,000" in note(app, "value")
        await focus_field(pilot, "probability")
        await type_text(pilot, "60")
        await focus_field(pilot, "kind")
        await pilot.press("g")  # the key shown before "grow"
        await focus_field(pilot, "influence")
        await pilot.press("4")
        await focus_field(pilot, "support")
        await pilot.press("o")  # opposed
        await focus_field(pilot, "owner")
        await type_text(pilot, "pie")  # first letters
        assert "Pieter Dekkers (CFO)" in note(app, "owner")
        await focus_field(pilot, "people")
        await type_text(pilot, "anna, pia")
        await pilot.press("enter")
    assert app.result == "saved"
    saved = app.saved[0]
    assert saved["notes"] == "line one\nline two"
    assert (saved["value"], saved["probability"], saved["kind"]) == (38_000_000, 60, "grow")
    assert (saved["influence"], saved["support"]) == (4, -2)
    assert saved["owner"] == 1 and saved["people"] == [3, 2]


async def test_bad_input_is_refused_at_its_field_and_nothing_is_saved() -> None:
    app = Host({"name": "Deal"})
    async with app.run_test(size=(100, 40)) as pilot:
        await focus_field(pilot, "value")
        await type_text(pilot, "lots")
        await focus_field(pilot, "probability")
        await type_text(pilot, "150")
        await focus_field(pilot, "due")
        await type_text(pilot, "31 feb")
        await focus_field(pilot, "influence")
        await pilot.press("7")  # out of range: no such key, nothing chosen
        await focus_field(pilot, "owner")
        await type_text(pilot, "p")  # Pieter or Pia
        app.screen.query_one("#field-name", Input).value = "bad\x1bname"  # pasted: keys cannot type it
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, RecordForm)
        assert "is not an amount" in note(app, "value")
        assert "0–100" in note(app, "probability")
        assert "not a real date" in note(app, "due")
        assert "Pieter Dekkers, Pia Olsen" in note(app, "owner")
        assert "escape character" in note(app, "name")
        assert app.screen.query_one("#field-name").has_focus  # the first field to correct
        assert app.screen.query_one("#field-influence").value is None  # type: ignore[attr-defined]
    assert app.saved == []


async def test_a_field_refused_by_the_save_shows_at_that_field() -> None:
    app = Host({"name": "Deal"}, refuse={"name": "an account of that name exists"})
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, RecordForm)
        assert "exists" in note(app, "name")


async def test_cancel_closes_at_once_unless_something_changed() -> None:
    app = Host({"name": "Deal"})
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("escape")
        assert app.result is None
    app = Host({"name": "Deal"})
    async with app.run_test(size=(100, 40)) as pilot:
        await type_text(pilot, "s")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, RecordForm)
        assert app.screen.query_one("#field-name", Input).value == "Deals"
        await pilot.press("escape", "y")
        assert app.result is None
    assert app.saved == []


class ListHost(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield EditableList(id="people", movable=False)

    def on_mount(self) -> None:
        rows = [
            Row("1", ("Pieter Dekkers", "CFO"), sort=("pieter dekkers", 3)),
            Row("2", ("Anna Berg", "COO"), sort=("anna berg", 1)),
            Row("3", ("Tom Sato", "Buyer"), sort=("tom sato", 2)),
        ]
        self.query_one(EditableList).show([Column("Name", "name"), Column("Title", "title")], rows)
        self.query_one(EditableList).focus()

    def on_editable_list_add(self, event: EditableList.Add) -> None:
        self.events.append(("Add", ""))

    def on_editable_list_edit(self, event: EditableList.Edit) -> None:
        self.events.append(("Edit", event.key))

    def on_editable_list_delete(self, event: EditableList.Delete) -> None:
        self.events.append(("Delete", event.key))


async def test_the_list_keys_filter_sort_and_ask_for_edits() -> None:
    app = ListHost()
    async with app.run_test(size=(80, 20)) as pilot:
        listing = app.query_one(EditableList)
        await pilot.press("s")  # by name
        assert [r.key for r in listing._visible()] == ["2", "1", "3"]
        await pilot.press("s")  # by title (its own sort key)
        assert [r.key for r in listing._visible()] == ["2", "3", "1"]
        await pilot.press("S")
        assert [r.key for r in listing._visible()] == ["1", "3", "2"]
        await pilot.press("slash")
        await type_text(pilot, "sato")
        assert [r.key for r in listing._visible()] == ["3"]
        assert listing.border_subtitle == "1 of 3"
        await pilot.press("enter", "e", "x", "a")
        await pilot.press("escape")  # clears the filter
        assert len(listing._visible()) == 3
    assert app.events == [("Edit", "3"), ("Delete", "3"), ("Add", "")]
