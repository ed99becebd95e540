"""Errors a user can cause. Their text is shown as is: one line, saying what is wrong and where."""


class KamplanError(Exception):
    """A problem the user can act on (bad file, unknown account, invalid value)."""


class NotFoundError(KamplanError):
    pass


class ValidationFailed(KamplanError):
    """Input was rejected; `problems` holds every message, each naming its place."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(shown + more)


class DatabaseError(KamplanError):
    """The database file cannot be used as it is (damaged, not SQLite, newer, unreachable)."""
