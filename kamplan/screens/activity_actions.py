"""Activities by keys, the same in an account's Plan section and in the week view: the full form, the
quick-add line, done (asks for the outcome), move (asks for a date), cancel (at once; u undoes it) and
delete (asks). Each takes the widget or screen it works for, and a function to call with the activity's id
once something was saved, to redraw."""

from collections.abc import Callable
from datetime import date
from typing import Any

from rich.text import Text
from textual.widget import Widget

from kamplan.document import quick_add, typed
from kamplan.enums import ActivityStatus, ActivityType
from kamplan.errors import KamplanError
from kamplan.store.activities import PlanNames
from kamplan.store.service import Store
from kamplan.widgets.dialogs import ConfirmDialog
from kamplan.widgets.form import FormField, FormSpec, Kind, Option, RecordForm, choices
from kamplan.widgets.quick_add import QuickAddLine

TYPE_LABELS = {kind: str(kind).replace("_", " ") for kind in ActivityType}
TYPE_OPTIONS = choices(list(ActivityType), TYPE_LABELS)
STATUS_OPTIONS = (
    Option(ActivityStatus.PLANNED, "planned", "p"),
    Option(ActivityStatus.DONE, "done", "d"),
    Option(ActivityStatus.CANCELLED, "cancelled", "c"),
)
STATUS_WORDS = {"open": "open", "won": "won", "lost": "lost", "qualified_out": "qualified out"}
Saved = Callable[[int], None]


def opportunity_label(number: int, title: str) -> str:
    return f"#{number} {' '.join(title.split())}"


def activity_words(kind: str, names: tuple[str, ...] | list[str], day: date | None = None) -> str:
    """'call with Pieter Dekkers, Fri 6 Mar': how dialogs and messages name an activity."""
    who = names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "") if names else ""
    text = TYPE_LABELS.get(ActivityType(kind), kind) + (f" with {who}" if who else "")
    return text if day is None else f"{text}, {day:%a} {day.day} {day:%b}"


def activity_form(title: str, names: PlanNames, today: date, *, focus: str = "date") -> FormSpec:
    people = tuple(Option(i, name, detail=title_) for i, name, title_ in names.people)
    team = tuple(Option(i, name, detail=function) for i, name, function in names.team)
    opportunities = tuple(
        Option(i, opportunity_label(number, title_), detail=STATUS_WORDS.get(status, status))
        for i, number, title_, status in names.opportunities
    )
    fields = (
        FormField("date", "Date", Kind.DATE, required=True),
        FormField("type", "Type", Kind.CHOICE, required=True, options=TYPE_OPTIONS),
        FormField("people", "With", Kind.REFERENCES, options=people,
                  hint="the people it reaches, by first letters; commas between"),
        FormField("owner_id", "Owner on our side", Kind.REFERENCE, options=team,
                  hint="one of our account team" if team else "add our people first: Stakeholders (2), v, a"),
        FormField("opportunity_id", "For opportunity", Kind.REFERENCE, options=opportunities,
                  hint="#1, #2 … or the first letters of its title" if opportunities else "none yet"),
        FormField("objective", "Objective", hint="what it should achieve"),
        FormField("status", "Status", Kind.CHOICE, required=True, options=STATUS_OPTIONS),
        FormField("outcome", "Outcome", Kind.LONG_TEXT, hint="what came of it"),
    )  # fmt: skip
    return FormSpec(title, fields, focus=focus, today=today)


def edit_activity(
    node: Widget,
    store: Store,
    account_id: int,
    activity_id: int | None,
    today: date,
    saved: Saved,
    start: dict[str, Any] | None = None,
) -> None:
    """The full form for a new activity (activity_id None) or an existing one."""
    try:
        names = store.plan_names(account_id)
        item = None if activity_id is None else store.activity(activity_id)
    except KamplanError as error:
        node.notify(str(error), title="Not done", severity="error", markup=False)
        return
    if item is None:
        # The date starts empty: a date typed after one already there would not read ("2026-03-04+3d").
        title, values = "Plan an activity", {"status": ActivityStatus.PLANNED, **(start or {})}
    else:
        title, values = (
            f"Edit {activity_words(item.type, [n for _, n in item.people], item.date)}",
            item.values(),
        )

    def save(values: dict[str, Any]) -> int:
        return store.save_activity(account_id, activity_id, values)

    def closed(result: int | None) -> None:
        if result is not None:
            saved(result)

    form = activity_form(title, names, today, focus="date" if item is None else "objective")
    node.app.push_screen(RecordForm(form, values, save), closed)


def quick_add_line(node: Widget, store: Store, account_id: int, today: date, saved: Saved) -> None:
    """The quick-add line: `call Pieter Dekkers fri "check the budget"`, one Enter saves it."""
    try:
        names = store.plan_names(account_id)
    except KamplanError as error:
        node.notify(str(error), title="Not done", severity="error", markup=False)
        return
    people = [(i, name) for i, name, _ in names.people]
    team = [(i, name) for i, name, _ in names.team]
    numbers = [number for _, number, _, _ in names.opportunities]
    titles = {number: title for _, number, title, _ in names.opportunities}

    def parse(line: str) -> quick_add.QuickActivity:
        return quick_add.parse(line, people, numbers, today, team)

    def read(line: str) -> str:
        return quick_add.describe(parse(line), dict(people), titles, today, dict(team))

    def save(line: str) -> int:
        found = parse(line)
        values = {
            "date": found.day,
            "type": found.type,
            "people": list(found.people),
            "owner_id": found.owner,
            "opportunity_id": None
            if found.opportunity is None
            else names.opportunity_ids()[found.opportunity],
            "objective": found.objective,
            "status": ActivityStatus.PLANNED,
        }
        return store.save_activity(account_id, None, values)

    def closed(result: int | None) -> None:
        if result is not None:
            saved(result)

    words = [*sorted(quick_add.SHORT_TYPE.values()), *(name for _, name in people)]
    words += [f"@{name.split()[0]}" for _, name in team if name.split()]
    node.app.push_screen(
        QuickAddLine(
            "Plan an activity",
            read,
            save,
            hint=quick_add.HINT + " · A on the list: the full form",
            placeholder=quick_add.EXAMPLE,
            words=words,
        ),
        closed,
    )


def ask_done(
    node: Widget, store: Store, activity_id: int, words: str, day: date, today: date, saved: Saved
) -> None:
    """Done: asks for the outcome (and the day, which is the planned one unless that is still to come)."""
    fields = (
        FormField("outcome", "Outcome", hint="what came of it, in a line; e edits it in full later"),
        FormField("done_on", "Done on", Kind.DATE, required=True),
    )
    form = FormSpec(f"Done: {words}", fields, focus="outcome", today=today)

    def save(values: dict[str, Any]) -> int:
        store.complete_activity(activity_id, values["outcome"], values["done_on"])
        return activity_id

    def closed(result: int | None) -> None:
        if result is not None:
            node.notify(
                f"Done: {words}; the people it reached were last contacted then. u undoes it.", markup=False
            )
            saved(result)

    node.app.push_screen(RecordForm(form, {"done_on": min(day, today)}, save), closed)


def ask_move(
    node: Widget, store: Store, activity_id: int, words: str, day: date, today: date, saved: Saved
) -> None:
    """Move: asks for the new date, in any of the forms dates take."""
    hint = f"now {typed.shown_day(day, today)} · {typed.DATE_FORMS}"
    form = FormSpec(f"Move {words}", (FormField("day", "To", Kind.DATE, hint, required=True),), today=today)

    def save(values: dict[str, Any]) -> int:
        store.move_activity(activity_id, values["day"])
        return activity_id

    node.app.push_screen(
        RecordForm(form, {}, save), lambda result: saved(result) if result is not None else None
    )


def cancel(node: Widget, store: Store, activity_id: int, words: str, saved: Saved) -> None:
    """Cancel at once (one key); u undoes it."""
    try:
        store.cancel_activity(activity_id)
    except KamplanError as error:
        node.notify(str(error), title="Not done", severity="error", markup=False)
        return
    node.notify(f"Cancelled {words}. u undoes it.", markup=False)
    saved(activity_id)


def ask_delete(node: Widget, store: Store, activity_id: int, words: str, saved: Saved) -> None:
    def confirmed(yes: bool | None) -> None:
        if not yes:
            return
        try:
            store.delete_activity(activity_id)
        except KamplanError as error:
            node.notify(str(error), title="Not done", severity="error", markup=False)
            return
        saved(activity_id)

    question = f"Delete {words}? Cancelling (c) keeps it in the record; deleting does not. (u undoes it)"
    node.app.push_screen(ConfirmDialog(question), confirmed)


def day_text(day: date, today: date) -> str:
    """A list's date: 'Fri 06 Mar' this year, '05 Jan 2024' another (long-overdue ones)."""
    return f"{day:%a %d %b}" if day.year == today.year else f"{day:%d %b %Y}"


def status_text(status: str, overdue: bool) -> Text:
    if overdue:
        return Text("overdue", style="bold red")
    style = {"done": "green", "cancelled": "dim strike"}.get(status, "")
    return Text(status, style=style)
