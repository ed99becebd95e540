"""The org chart: who reports to whom, as Textual's Tree, each person with title, category and owner.

It is handed plain data (OrgPerson) and posts Messages; it never changes its data itself. Re-parenting keys
post Reparent, which the owner saves before calling show() again (the cursor stays on the person). A change
that would make someone report to their own report is refused here (planning.would_cycle) with a message.
Every name and title is shown as plain text, never read as markup."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from kamplan.planning import GridCategory, would_cycle
from kamplan.widgets.component import text_style
from kamplan.widgets.names import one_line


@dataclass(frozen=True)
class OrgPerson:
    id: int
    name: str
    title: str
    reports_to: int | None
    category: GridCategory
    owner: str | None
    listens_to: tuple[str, ...] = ()


GUIDE_DEPTH = 3
# Cells of a title (the two spaces before it included) that must fit beside everyone's "listens to" for
# it to stay at the end of their lines; else it goes on a line of its own under each person.
TITLE_AT_LEAST = 24


class OrgChart(Tree[int]):
    """The reporting lines, people without a manager at the top; each node's data is the person's id."""

    DEFAULT_CSS = """
    OrgChart { height: 1fr; }
    OrgChart > .org-chart--name { text-style: bold; }
    OrgChart > .org-chart--title { color: $text-muted; }
    OrgChart > .org-chart--driver { color: $text-success; text-style: bold; }
    OrgChart > .org-chart--advocate { color: $text-success; }
    OrgChart > .org-chart--threat { color: $text-error; text-style: bold; }
    OrgChart > .org-chart--critic { color: $text-error; }
    OrgChart > .org-chart--unknown { color: $text-warning; }
    OrgChart > .org-chart--unrated { color: $text-muted; }
    OrgChart > .org-chart--owner { color: $text; }
    OrgChart > .org-chart--nobody { color: $text-error; text-style: bold; }
    OrgChart > .org-chart--listens { color: $text-muted; text-style: italic; }
    """
    COMPONENT_CLASSES = Tree.COMPONENT_CLASSES | {
        "org-chart--name",
        "org-chart--title",
        "org-chart--driver",
        "org-chart--advocate",
        "org-chart--threat",
        "org-chart--critic",
        "org-chart--unknown",
        "org-chart--unrated",
        "org-chart--owner",
        "org-chart--nobody",
        "org-chart--listens",
    }
    BINDINGS = [
        Binding("enter", "open", "Open", id="org.open"),
        Binding("shift+left", "report_higher", "Up a level", id="org.report_higher"),
        Binding("shift+right", "report_to_above", "Under the one above", id="org.report_to_above"),
        Binding("r", "choose_manager", "Reports to…", id="org.reports_to"),
    ]

    class Reparent(Message):
        """Make the person report to this manager (None: to nobody, at the top). Never a loop."""

        def __init__(self, chart: "OrgChart", person_id: int, new_manager_id: int | None) -> None:
            super().__init__()
            self.chart = chart
            self.person_id = person_id
            self.new_manager_id = new_manager_id

        @property
        def control(self) -> "OrgChart":
            return self.chart

    class ReparentRequested(Message):
        """`r`: the owner lets the user choose the person's manager, then calls OrgChart.reparent."""

        def __init__(self, chart: "OrgChart", person_id: int) -> None:
            super().__init__()
            self.chart = chart
            self.person_id = person_id

        @property
        def control(self) -> "OrgChart":
            return self.chart

    class Opened(Message):
        """Open the person (enter)."""

        def __init__(self, chart: "OrgChart", person_id: int) -> None:
            super().__init__()
            self.chart = chart
            self.person_id = person_id

        @property
        def control(self) -> "OrgChart":
            return self.chart

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Text("people"), name=name, id=id, classes=classes)
        self.show_root = False
        self.guide_depth = GUIDE_DEPTH
        self.auto_expand = False
        self._people: dict[int, OrgPerson] = {}
        self._order: list[OrgPerson] = []
        self._node_of: dict[int, TreeNode[int]] = {}
        self._collapsed: set[int] = set()  # people whose reports the user folded away
        self._looped: set[int] = set()  # put at the top to break a loop in the data
        self._listens_below = False  # "listens to" on a line of its own, when it fits on no one's line
        self._pending: int | None = None  # whom to put the cursor on once mounted

    # -- data --------------------------------------------------------------------------------------

    def show(self, people: Sequence[OrgPerson], selected: int | None = None) -> None:
        """Show these people. The cursor goes to `selected`, else stays on the person it was on, else
        the first person at the top. Everyone is expanded but the people the user folded."""
        keep = selected if selected is not None else self.selected_id
        self._order = list(people)
        self._people = {person.id: person for person in people}
        self._rebuild(keep)

    def _rebuild(self, keep: int | None) -> None:
        reports: dict[int | None, list[OrgPerson]] = {}
        for person in self._order:
            reports.setdefault(self._manager_of(person.id), []).append(person)
        self._listens_below = self.is_mounted and not self._listens_fit()
        self.clear()
        self._node_of = {}
        self._looped = set()

        def add(parent: TreeNode[int], person: OrgPerson) -> None:
            # Iterative, so a long chain cannot reach the recursion limit.
            stack = [(parent, person)]
            while stack:
                under, current = stack.pop()
                if current.id in self._node_of:
                    continue
                below = [p for p in reports.get(current.id, []) if p.id not in self._node_of]
                listens = self._listens_below and bool(current.listens_to)
                node = under.add(
                    Text(one_line(current.name)),
                    current.id,
                    expand=current.id not in self._collapsed,
                    allow_expand=bool(below) or listens,
                )
                self._node_of[current.id] = node
                if listens:
                    node.add_leaf(Text("listens to"), None)  # drawn by render_label; the cursor skips it
                stack.extend((node, child) for child in reversed(below))

        for person in reports.get(None, []):
            add(self.root, person)
        for person in self._order:  # left over: in a loop of reporting lines (the data allowed one)
            if person.id not in self._node_of:
                self._looped.add(person.id)
                add(self.root, person)
        target = keep if keep in self._node_of else (self._order[0].id if self._order else None)
        if target is not None:
            self._reveal(target)
        if self.is_mounted:
            self._put_cursor(target)
        else:
            self._pending = target

    def _listens_fit(self) -> bool:
        """Whether everyone's "listens to" fits at the end of their line, the title cut to TITLE_AT_LEAST."""
        width = self._line_room()
        for person in self._order:
            if not person.listens_to:
                continue
            depth, manager, seen = 0, self._manager_of(person.id), {person.id}
            while manager is not None and manager not in seen:
                seen.add(manager)
                depth, manager = depth + 1, self._manager_of(manager)
            parts = _parts(person, looped=False)
            needed = (
                depth * GUIDE_DEPTH
                + len(self.ICON_NODE)
                + cell_len(parts.name)
                + min(cell_len(parts.title), TITLE_AT_LEAST)
                + cell_len(parts.middle)
                + cell_len(parts.listens)
            )
            if needed > width:
                return False
        return True

    def _line_room(self) -> int:
        """The width for a line, a vertical scrollbar's room kept whether or not it shows, so that its
        coming (when the lines are laid out) does not bring a horizontal one too."""
        region = self.scrollable_content_region.width
        return region if self.show_vertical_scrollbar else region - self.styles.scrollbar_size_vertical

    def on_mount(self) -> None:
        if self._pending is not None:
            self._put_cursor(self._pending)
            self._pending = None

    def on_resize(self) -> None:
        if self._order and self._listens_below == self._listens_fit():
            self._rebuild(self.selected_id)

    def _reveal(self, person_id: int) -> None:
        node = self._node_of[person_id].parent
        while node is not None and node is not self.root:
            node.expand()
            if node.data is not None:
                self._collapsed.discard(node.data)
            node = node.parent

    def _put_cursor(self, person_id: int | None) -> None:
        node = self._node_of.get(person_id) if person_id is not None else None
        _ = self.last_line  # lay out the lines, so the node knows its line
        self.move_cursor(node)

    def validate_cursor_line(self, value: int) -> int:
        """The cursor skips the "listens to" lines, going on the way it went."""
        value = super().validate_cursor_line(value)
        lines = self._tree_lines
        if not 0 <= value < len(lines) or lines[value].node.data is not None:
            return value
        step = 1 if value >= self.cursor_line else -1
        for direction in (step, -step):
            probe = value
            while 0 <= probe < len(lines) and lines[probe].node.data is None:
                probe += direction
            if 0 <= probe < len(lines):
                return probe
        return value

    @property
    def selected_id(self) -> int | None:
        node = self.cursor_node
        return node.data if node is not None and node.data in self._people else None

    def select(self, person_id: int) -> None:
        """Put the cursor on this person (if shown)."""
        if person_id in self._node_of:
            self._reveal(person_id)
            self._put_cursor(person_id)

    def _manager_of(self, person_id: int) -> int | None:
        """The manager shown above the person: None at the top, or when the manager is not shown."""
        manager = self._people[person_id].reports_to
        return manager if manager in self._people and manager != person_id else None

    def reparent(self, person_id: int, new_manager_id: int | None) -> bool:
        """Ask the owner to make the person report to `new_manager_id` (None: nobody) by posting
        Reparent; a change that would make a loop is refused with a message. True if posted."""
        person = self._people.get(person_id)
        if person is None or (new_manager_id is not None and new_manager_id not in self._people):
            return False
        if new_manager_id == self._manager_of(person_id) and person.reports_to == new_manager_id:
            return False
        lines = {p.id: p.reports_to for p in self._people.values()}
        if would_cycle(lines, person_id, new_manager_id):
            assert new_manager_id is not None
            if new_manager_id == person_id:
                why = f"{one_line(person.name)} cannot report to themselves."
            else:
                manager = one_line(self._people[new_manager_id].name)
                why = f"{one_line(person.name)} cannot report to {manager}, who reports to them."
            self.notify(why, title="Not changed", severity="warning", markup=False)
            return False
        self.post_message(self.Reparent(self, person_id, new_manager_id))
        return True

    # -- keys --------------------------------------------------------------------------------------

    def action_open(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.Opened(self, self.selected_id))

    def action_report_higher(self) -> None:
        """Report to one's manager's manager (to nobody when the manager is at the top)."""
        person_id = self.selected_id
        if person_id is None:
            return
        manager = self._manager_of(person_id)
        if manager is None:
            name = one_line(self._people[person_id].name)
            self.notify(f"{name} is at the top already.", severity="warning", markup=False)
            return
        self.reparent(person_id, self._manager_of(manager))

    def action_report_to_above(self) -> None:
        """Report to the person just above at the same level (the previous sibling)."""
        node = self.cursor_node
        person_id = self.selected_id
        if node is None or person_id is None or node.parent is None:
            return
        siblings = [sibling for sibling in node.parent.children if sibling.data is not None]
        index = siblings.index(node)
        if index == 0:
            name = one_line(self._people[person_id].name)
            self.notify(f"No one above {name} at this level to report to.", severity="warning", markup=False)
            return
        above = siblings[index - 1].data
        assert above is not None
        self.reparent(person_id, above)

    def action_choose_manager(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.ReparentRequested(self, self.selected_id))

    def _on_tree_node_collapsed(self, event: Tree.NodeCollapsed[int]) -> None:
        if event.node.data is not None:
            self._collapsed.add(event.node.data)

    def _on_tree_node_expanded(self, event: Tree.NodeExpanded[int]) -> None:
        if event.node.data is not None:
            self._collapsed.discard(event.node.data)

    # -- drawing -----------------------------------------------------------------------------------

    def render_label(self, node: TreeNode[int], base_style: Style, style: Style) -> Text:
        """Name, title, category, owner and whom they listen to; the title and then the listens-to are cut
        to keep the line within the chart's width."""

        def get(name: str) -> Style:
            return text_style(self, name) if self.is_mounted else Style()

        if node.data is None:  # the "listens to" line under a person
            owner = node.parent.data if node.parent is not None else None
            person = self._people.get(owner) if owner is not None else None
            listens = _parts(person, looped=False).listens.strip() if person is not None else ""
            label = Text(listens, get("org-chart--listens"))
            label.stylize(style)
            return label
        person = self._people.get(node.data)
        if person is None:
            return super().render_label(node, base_style, style)
        icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room = self._line_room() - depth * self.guide_depth - cell_len(icon)
        parts = _parts(person, looped=person.id in self._looped)
        title = parts.title
        listens = "" if self._listens_below else parts.listens
        spare = room - cell_len(parts.name) - cell_len(parts.middle) - cell_len(parts.looped)
        if room > 0 and cell_len(title) + cell_len(listens) > spare:
            title = _cut(title, spare - cell_len(listens))
        label = Text()
        label.append(parts.name, get("org-chart--name"))
        label.append(title, get("org-chart--title"))
        label.append("  ")
        label.append(str(person.category), get(f"org-chart--{person.category}"))
        label.append(" · owner ", get("org-chart--title"))
        if person.owner:
            label.append(one_line(person.owner), get("org-chart--owner"))
        else:
            label.append("nobody", get("org-chart--nobody"))
        label.append(listens, get("org-chart--listens"))
        label.append(parts.looped, get("org-chart--nobody"))
        label.stylize(style)
        if icon:
            return Text.assemble((icon, base_style + Style(bold=True)), label)
        return label


class _Parts(NamedTuple):
    name: str
    title: str
    middle: str
    listens: str
    looped: str


def _parts(person: OrgPerson, *, looped: bool) -> _Parts:
    owner = one_line(person.owner) if person.owner else "nobody"
    listens = ", ".join(one_line(name) for name in person.listens_to)
    return _Parts(
        one_line(person.name),
        f"  {one_line(person.title)}" if person.title.strip() else "",
        f"  {person.category} · owner {owner}",
        f"  ← listens to {listens}" if listens else "",
        "  ↻ in a reporting loop" if looped else "",
    )


def _cut(text: str, width: int) -> str:
    """`text` within `width` cells, cut with an ellipsis."""
    if cell_len(text) <= width:
        return text
    if width < 4:
        return ""
    shown = Text(text)
    shown.truncate(width, overflow="ellipsis")
    return shown.plain
