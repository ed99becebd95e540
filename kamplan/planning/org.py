"""The reporting line: who reports to whom, and which changes to it would make a loop."""

from collections.abc import Mapping


def would_cycle(reports_to: Mapping[int, int | None], person_id: int, new_manager_id: int | None) -> bool:
    """Whether making `person_id` report to `new_manager_id` would make someone their own manager: the
    new manager is the person, or reports to them (directly or through others). `reports_to` maps each
    person's id to their manager's id (None at the top); a manager missing from it ends the line there.
    Reporting to nobody never makes a loop."""
    if new_manager_id is None:
        return False
    seen: set[int] = set()
    current: int | None = new_manager_id
    while current is not None and current not in seen:
        if current == person_id:
            return True
        seen.add(current)
        current = reports_to.get(current)
    return False
