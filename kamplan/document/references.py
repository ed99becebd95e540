"""Checks that span the document: every ref unique and resolvable, no reporting-line cycle."""

from collections.abc import Iterable

from kamplan.document.model import PlanDocument


def _refs(kind: str, refs: Iterable[str], seen: dict[str, str], found: list[str]) -> set[str]:
    known = set()
    for index, ref in enumerate(refs):
        where = f"{kind}[{index}].ref"
        if ref in seen:
            found.append(f"{where}: {ref!r} is used twice (also at {seen[ref]})")
        else:
            seen[ref] = where
        known.add(ref)
    return known


def reference_problems(doc: PlanDocument) -> list[str]:
    found: list[str] = []
    seen: dict[str, str] = {}
    team = _refs("team", (m.ref for m in doc.team), seen, found)
    people = _refs("stakeholders", (s.ref for s in doc.stakeholders), seen, found)
    opportunities = _refs("opportunities", (o.ref for o in doc.opportunities), seen, found)
    competitors = _refs("competitors", (c.ref for c in doc.competitors), seen, found)

    def check(where: str, ref: str | None, known: set[str], what: str) -> None:
        if ref is not None and ref not in known:
            found.append(f"{where}: no {what} has ref {ref!r}")

    def check_all(where: str, refs: list[str], known: set[str], what: str) -> None:
        for index, ref in enumerate(refs):
            check(f"{where}[{index}]", ref, known, what)
        duplicates = {ref for ref in refs if refs.count(ref) > 1}
        for ref in sorted(duplicates):
            found.append(f"{where}: {ref!r} is listed twice")

    for i, person in enumerate(doc.stakeholders):
        where = f"stakeholders[{i}]"
        check(f"{where}.reports_to", person.reports_to, people, "stakeholder")
        if person.reports_to == person.ref:
            found.append(f"{where}.reports_to: {person.ref!r} cannot report to themselves")
        check(f"{where}.owner", person.owner, team, "team member")
        check_all(f"{where}.listens_to", person.listens_to, people, "stakeholder")
    for i, opp in enumerate(doc.opportunities):
        check_all(f"opportunities[{i}].participants", opp.participants, people, "stakeholder")
        check_all(f"opportunities[{i}].competitors", opp.competitors, competitors, "competitor")
    for i, activity in enumerate(doc.activities):
        check_all(f"activities[{i}].stakeholders", activity.stakeholders, people, "stakeholder")
        check(f"activities[{i}].owner", activity.owner, team, "team member")
        check(f"activities[{i}].opportunity", activity.opportunity, opportunities, "opportunity")
    for i, competitor in enumerate(doc.competitors):
        check_all(f"competitors[{i}].close_to", competitor.close_to, people, "stakeholder")
    cells: dict[tuple[str, str], int] = {}
    for i, cell in enumerate(doc.whitespace):
        check(f"whitespace[{i}].opportunity", cell.opportunity, opportunities, "opportunity")
        key = (cell.unit.casefold(), cell.offering.casefold())
        if key in cells:
            found.append(
                f"whitespace[{i}]: {cell.unit!r} × {cell.offering!r} is already at whitespace[{cells[key]}]"
            )
        cells.setdefault(key, i)
    found.extend(_cycles(doc))
    return found


def _cycles(doc: PlanDocument) -> list[str]:
    boss = {s.ref: s.reports_to for s in doc.stakeholders if s.reports_to and s.reports_to != s.ref}
    index = {s.ref: i for i, s in enumerate(doc.stakeholders)}
    found, reported = [], set()
    for start in boss:
        path, ref = [], start
        while ref in boss and ref not in path:
            path.append(ref)
            ref = boss[ref]
        if ref in path and ref not in reported:
            loop = path[path.index(ref) :]
            reported.update(loop)
            chain = " → ".join([*loop, ref])
            found.append(
                f"stakeholders[{index[ref]}].reports_to: the reporting line goes round in a circle ({chain})"
            )
    return found
