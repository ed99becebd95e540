"""The decision-making grid alone in a host app, driven by keys: selection, moves, 60 people at 80×24."""

from dataclasses import replace

import pytest
from textual import on
from textual.app import App, ComposeResult
from widget_people import DEMO, sixty

from kamplan.widgets.decision_grid import DecisionGrid, GridPerson, short_name

ARROWS = ("up", "down", "left", "right")


class Host(App[None]):
    """Shows the people; on Moved it saves the new rating and shows them again, as the section will."""

    def __init__(self, people: list[GridPerson]) -> None:
        super().__init__()
        self.people = {person.id: person for person in people}
        self.moved: list[tuple[int, int, int]] = []
        self.opened: list[int] = []
        self.highlighted: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield DecisionGrid(id="grid")

    def on_mount(self) -> None:
        self.grid.show(list(self.people.values()))
        self.grid.focus()

    @property
    def grid(self) -> DecisionGrid:
        return self.query_one(DecisionGrid)

    @on(DecisionGrid.Moved)
    def _save(self, event: DecisionGrid.Moved) -> None:
        self.moved.append((event.person_id, event.influence, event.support))
        person = self.people[event.person_id]
        self.people[person.id] = replace(person, influence=event.influence, support=event.support)
        event.grid.show(list(self.people.values()))

    @on(DecisionGrid.Opened)
    def _open(self, event: DecisionGrid.Opened) -> None:
        self.opened.append(event.person_id)

    @on(DecisionGrid.Highlighted)
    def _highlight(self, event: DecisionGrid.Highlighted) -> None:
        self.highlighted.append(event.person_id)


def demo() -> list[GridPerson]:
    return [person.on_grid() for person in DEMO]


def lines(grid: DecisionGrid) -> list[str]:
    return [line.rstrip() for line in grid.render().plain.split("\n")]


async def test_arrows_walk_between_people_cells_and_the_unrated() -> None:
    app = Host(demo())
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.grid.selected_id == 3  # Rafael: influence 5, opposed, the top left
        seen = []
        for key in [
            "right", "right", "right",  # Pieter; Annelies; the nearest in the next filled column (Elif)
            "down", "down", "down",  # Femke in the same cell; Bram and Wouter below in the column
            "down", "right", "right",  # nothing below: the unrated (Julia); Sem; the end of the list
            "up", "left", "up", "up", "up", "left",  # back to Wouter; Chiara; Margit; Annelies; top; Pieter
        ]:  # fmt: skip
            await pilot.press(key)
            seen.append(app.grid.selected_id)
        assert seen == [2, 1, 8, 5, 9, 13, 15, 16, 16, 13, 10, 4, 1, 1, 2]
        await pilot.pause()
        assert app.highlighted[-1] == 2
        bindings = [active.binding for active in app.screen.active_bindings.values()]
        keys = {binding.id: binding.description for binding in bindings}
        assert keys["grid.move_left"] == "Move person" and keys["grid.open"] == "Open"  # for help and footer


async def test_shift_arrows_move_a_step_and_the_selection_stays() -> None:
    app = Host(demo())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("shift+up", "shift+left")  # Rafael is at influence 5 and opposed: no step
        await pilot.press("shift+right", "shift+down", "enter")
        assert app.grid.selected_id == 3
        app.grid.select(15)  # Julia, unrated: the middle (3, neutral), then the step
        await pilot.press("shift+up")
        app.grid.select(16)  # Sem: influence 3, support not rated
        await pilot.press("shift+left")
        await pilot.pause()
        assert app.moved == [(3, 5, -1), (3, 4, -1), (15, 4, 0), (16, 3, -1)]
        assert app.opened == [3]
        assert app.grid.selected_id == 16
        assert "Unrated" not in "\n".join(lines(app.grid))  # both rated now


async def test_sixty_people_at_80x24_every_one_reachable_by_arrows_and_drawn() -> None:
    people = [person.on_grid() for person in sixty()]
    app = Host(people)
    async with app.run_test(size=(80, 24)):
        grid = app.grid
        drawn = lines(grid)
        assert len(drawn) <= 24 and max(len(line) for line in drawn) <= 80
        start = grid.selected_id
        assert start is not None
        # From every person, each arrow (its action: pressing the keys 240 times would take seconds).
        reached, todo = {start}, [start]
        while todo:
            current = todo.pop()
            for direction in ARROWS:
                grid.select(current)
                grid.action_select(direction)
                found = grid.selected_id
                assert found is not None
                if found not in reached:
                    reached.add(found)
                    todo.append(found)
                    grid.render()
                    assert grid.in_view(found)  # a crowded cell scrolls to the selected person
        assert reached == {person.id for person in people}


async def test_the_unrated_are_listed_below_or_beside() -> None:
    app = Host(demo())
    async with app.run_test(size=(80, 24)):
        shown = lines(app.grid)
        below = next(line for line in shown if line.startswith("Unrated (2)"))
        assert "Julia Brandt" in below and "Sem Postma" in below
        grid_rows = shown[: shown.index(below)]
        assert not any("Julia" in line or "Postma" in line for line in grid_rows)
        assert shown[-2].startswith("driver 3·Σ12  advocate 3·Σ7  threat 3·Σ14  critic 2·Σ4  unknown 3·Σ12")
    app = Host(demo())
    async with app.run_test(size=(120, 30)):
        shown = lines(app.grid)
        assert shown[0].endswith("│ Unrated (2)")
        assert shown[1].endswith("│ Julia Brandt") and shown[2].endswith("│ Sem Postma")


async def test_names_that_look_like_markup_are_shown_as_they_are() -> None:
    people = [
        GridPerson(1, "Acme [/oops]", 5, 2, True, owner="[link=x]Team[/link]"),
        GridPerson(2, "[bold]Eve", 1, -2, False),
        GridPerson(3, "[red]x[/red] y", None, None, False),
    ]
    app = Host(people)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        shown = "\n".join(lines(app.grid))
        assert "Acme [/oops]" in shown and "[bold]Eve?" in shown and "[red]x[/red] y" in shown
        assert "owner [link=x]Team[/link]" in shown


@pytest.mark.parametrize(
    ("name", "width", "shown"),
    [
        ("Annelies Verbruggen", 20, "Annelies Verbruggen"),
        ("Annelies Verbruggen", 13, "A. Verbruggen"),
        ("Rafael Ibarra Lind", 12, "R.I. Lind"),
        ("Bram de Wit", 10, "B. de Wit"),
        ("Carmen van den Berg", 12, "C. Berg"),
        ("Annelies Verbruggen", 11, "Verbruggen"),
        ("Koen Vandersteenhoven", 8, "Koen"),
        ("Madonna", 5, "Mado…"),
        ("Anna\nLee", 20, "Anna Lee"),
    ],
)
def test_short_names(name: str, width: int, shown: str) -> None:
    assert short_name(name, width) == shown


def test_snapshot_demo_80x24(snap_compare) -> None:
    """The demo's sixteen: Rafael selected (top left, opposed), threats and critics red, drivers and advocates
    green, the unknown yellow, assumed ratings italic with '?'; Julia and Sem unrated below; the totals."""
    assert snap_compare(Host(demo()), terminal_size=(80, 24))


def test_snapshot_sixty_80x24(snap_compare) -> None:
    """Sixty people at 80×24: crowded cells show '+N'; the cursor has scrolled the neutral cell at
    influence 3 down to its last person (the window follows the selection)."""
    keys = ["right", "right", "down", *["down"] * 8]
    assert snap_compare(Host([person.on_grid() for person in sixty()]), terminal_size=(80, 24), press=keys)


def test_snapshot_sixty_120x36(snap_compare) -> None:
    """Sixty people at 120×36: every one in view, the unrated listed beside the grid."""
    assert snap_compare(Host([person.on_grid() for person in sixty()]), terminal_size=(120, 36))
