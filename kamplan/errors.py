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


class FieldProblems(ValidationFailed):
    """Input was rejected field by field: `fields` maps each field's name to its message."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = fields
        super().__init__([f"{name.replace('_', ' ')}: {problem}" for name, problem in fields.items()])


class DatabaseError(KamplanError):
    """The database file cannot be used as it is (damaged, not SQLite, newer, unreachable)."""
