"""The org chart alone in a host app, driven by keys: the top of the chart, re-parenting, loops refused."""

from dataclasses import replace

from rich.style import Style
from textual import on
from textual.app import App, ComposeResult
from widget_people import DEMO

from kamplan.planning import GridCategory
from kamplan.widgets.org_chart import OrgChart, OrgPerson


class Host(App[None]):
    """Shows the people; saves a Reparent when asked to (as the section will), else only records it."""

    def __init__(self, people: list[OrgPerson], *, save: bool = False) -> None:
        super().__init__()
        self.people = {person.id: person for person in people}
        self.save = save
        self.posted: list[tuple[str, int, int | None]] = []

    def compose(self) -> ComposeResult:
        yield OrgChart(id="chart")

    def on_mount(self) -> None:
        self.chart.show(list(self.people.values()))
        self.chart.focus()

    @property
    def chart(self) -> OrgChart:
        return self.query_one(OrgChart)

    @on(OrgChart.Reparent)
    def _reparent(self, event: OrgChart.Reparent) -> None:
        self.posted.append(("reparent", event.person_id, event.new_manager_id))
        if self.save:
            person = self.people[event.person_id]
            self.people[person.id] = replace(person, reports_to=event.new_manager_id)
            event.chart.show(list(self.people.values()))

    @on(OrgChart.ReparentRequested)
    def _choose(self, event: OrgChart.ReparentRequested) -> None:
        self.posted.append(("choose", event.person_id, None))

    @on(OrgChart.Opened)
    def _open(self, event: OrgChart.Opened) -> None:
        self.posted.append(("open", event.person_id, None))

    def messages(self) -> list[str]:
        return [notification.message for notification in self._notifications]


def demo() -> list[OrgPerson]:
    return [person.in_chart() for person in DEMO]


def label(chart: OrgChart, person_id: int) -> str:
    node = next(line.node for line in chart._tree_lines if line.node.data == person_id)
    return chart.render_label(node, Style(), Style()).plain


async def test_people_without_a_manager_at_the_top_and_the_cursor_skips_listens_to_lines() -> None:
    lost = OrgPerson(17, "Mira Kos", "Buyer", 99, GridCategory.UNRATED, None)  # her manager was removed
    app = Host([*demo(), lost])
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.chart
        assert [node.data for node in chart.root.children] == [1, 17]
        assert [node.data for node in chart.root.children[0].children] == [None, 2, 3, 4, 5]
        assert label(chart, 1).startswith("▼ Annelies Verbruggen  Chief Executive")
        assert label(chart, 1).endswith("unknown · owner Henrike Solberg")
        assert "owner nobody" in label(chart, 17)
        assert chart.selected_id == 1
        await pilot.press("down")  # over "← listens to Joost Hermsen", a line of its own at 80 columns
        assert chart.selected_id == 2
        await pilot.press("down", "down", "up")
        assert chart.selected_id == 6
    app = Host(demo())
    async with app.run_test(size=(140, 30)):  # room for it at the end of the person's line
        assert [node.data for node in app.chart.root.children[0].children] == [2, 3, 4, 5]
        end = "threat · owner Henrike Solberg  ← listens to Lars Overbeek, Ruben Claes"
        assert label(app.chart, 3).endswith(end)


async def test_reparenting_keys_post_the_new_manager_and_the_cursor_stays() -> None:
    app = Host(demo(), save=True)
    async with app.run_test(size=(140, 30)) as pilot:
        chart = app.chart
        await pilot.press("shift+left")  # Annelies is at the top
        await pilot.press("down", "shift+right")  # Pieter is the first under Annelies: no one above
        assert app.posted == []
        assert app.messages() == [
            "Annelies Verbruggen is at the top already.",
            "No one above Pieter Dekkers at this level to report to.",
        ]
        await pilot.press("down", "shift+left")  # Koen: to Pieter's manager, Annelies
        assert app.posted == [("reparent", 6, 1)]
        assert chart.selected_id == 6
        assert [node.data for node in chart.root.children[0].children] == [2, 3, 4, 5, 6]
        await pilot.press("shift+right")  # Koen: to the one above him now, Femke
        await pilot.press("shift+left", "shift+left")  # back to Annelies, then to the top
        assert app.posted[1:] == [("reparent", 6, 5), ("reparent", 6, 1), ("reparent", 6, None)]
        assert [node.data for node in chart.root.children] == [1, 6]
        await pilot.press("r", "enter")
        assert app.posted[-2:] == [("choose", 6, None), ("open", 6, None)]
        ids = {active.binding.id for active in app.screen.active_bindings.values()}
        assert {"org.open", "org.report_higher", "org.report_to_above", "org.reports_to"} <= ids


async def test_a_change_that_makes_a_loop_is_refused() -> None:
    boss = OrgPerson(20, "[b]Boss[/b]", "[link=x]Head[/link]", 7, GridCategory.DRIVER, "[red]Us", ("[i]",))
    app = Host([*demo(), boss])
    async with app.run_test(size=(140, 30)) as pilot:
        chart = app.chart
        assert not chart.reparent(1, 12)  # Annelies under Nadia, who reports to her through Rafael, Joost
        assert not chart.reparent(3, 3)
        assert not chart.reparent(3, 20)  # Rafael under [b]Boss[/b], who reports to Joost, his report
        assert chart.reparent(20, 1)
        await pilot.pause()
        assert app.posted == [("reparent", 20, 1)]
        assert app.messages() == [
            "Annelies Verbruggen cannot report to Nadia El Idrissi, who reports to them.",
            "Rafael Ibarra Lind cannot report to themselves.",
            "Rafael Ibarra Lind cannot report to [b]Boss[/b], who reports to them.",
        ]
        shown = "[b]Boss[/b]  [link=x]Head[/link]  driver · owner [red]Us  ← listens to [i]"
        assert label(chart, 20) == shown


def test_snapshot_demo_80x24(snap_compare) -> None:
    """The demo's chart at 80 columns: Annelies at the top, everyone expanded, names bold, categories in
    their colours, 'owner nobody' in red; "← listens to" on a line of its own under each person, titles
    cut with … to fit."""
    assert snap_compare(Host(demo()), terminal_size=(80, 24))


def test_snapshot_demo_140x30(snap_compare) -> None:
    """The same at 140 columns: "← listens to" at the end of each person's line, nothing cut; the cursor
    on Rafael (down four times)."""
    assert snap_compare(Host(demo()), terminal_size=(140, 30), press=["down"] * 4)
