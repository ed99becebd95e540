"""The store the app is handed: each method is one short transaction; no session outlives a call.

The engine (SQLAlchemy, SQLModel, pydantic: most of a second to import) is opened lazily, by warm_up, which
the app runs in a worker thread once the first screen is painted; the portfolio itself reads through the
standard library's sqlite3. Heavy modules are therefore imported inside the methods that need them. The
store knows nothing of threads or Textual: the app and its screens decide what runs off the UI thread.
"""

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kamplan.config import Settings
from kamplan.store import plain, rows, rules, summary
from kamplan.store.undo import History, NothingToUndo, Step

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from kamplan import planning
    from kamplan.document.contacts import ContactFile
    from kamplan.enums import ActivityType, Answer, OpportunityStatus, SwotKind
    from kamplan.store import account_view, contacts
    from kamplan.store import activities as activity_rows
    from kamplan.store import opportunities as opportunity_rows
    from kamplan.store import people as people_rows
    from kamplan.store import qualification as qualification_rows
    from kamplan.store import summary as summary_rows
    from kamplan.store import week as week_rows

T = TypeVar("T")


@dataclass(frozen=True)
class PersonHit:
    """A stakeholder as the command palette lists them."""

    id: int
    name: str
    title: str
    account_id: int
    account: str


class Store:
    def __init__(self, db_path: Path, engine: "Engine | None" = None) -> None:
        self.db_path = db_path
        self._engine = engine
        self._lock = threading.Lock()
        self.revision = 0  # counts this app's own writes
        self.history = History()
        self._write_lock = threading.RLock()
        self._directory: tuple[object, list[PersonHit]] | None = None
        self._week: tuple[object, Any] | None = None

    def fingerprint(self) -> tuple[int, int, int]:
        """Changes whenever the plan may have changed: a write here, or a commit by any other process
        (SQLite appends it to the WAL file, or the file itself after a checkpoint). An empty WAL file counts
        as none: the first reader creates one, and a read changes nothing."""
        stamps = []
        for path in (self.db_path, self.db_path.with_name(self.db_path.name + "-wal")):
            try:
                stat = path.stat()
            except OSError:
                stamps.append(0)
            else:
                stamps.append(stat.st_mtime_ns if stat.st_size else 0)
        return (self.revision, stamps[0], stamps[1])

    # The engine, opened once, by whichever comes first: the warm-up or a first write.
    @property
    def engine(self) -> "Engine":
        with self._lock:
            if self._engine is None:
                from kamplan.store.engine import open_engine

                self._engine = open_engine(self.db_path)
            return self._engine

    def close(self) -> None:
        """Close the database's connections. The last one to close folds the write-ahead log into the
        file itself, so kamplan.sqlite alone holds the whole plan (someone may copy just that file)."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None

    def warm_up(self, *preload: Callable[[], object]) -> None:
        """Open the engine, compile the account screen's queries once (an unknown account id finds nothing)
        and run `preload` (imports), so the first keys find everything ready. It takes most of a second:
        the app runs it in a worker thread once the first screen is painted."""
        # Only a head start: any failure here shows up, with its message, when a key needs it.
        with suppress(Exception):
            from sqlalchemy.orm import configure_mappers

            _ = self.engine
            configure_mappers()
            queries = (self.people, self.opportunities, self.assessment, self.reviews, self.swot)
            for query in queries:
                query(-1)
            self.account(-1)
            for load in preload:
                load()

    def _plain(self) -> "AbstractContextManager[sqlite3.Connection]":
        return plain.connection(self.db_path)

    def read(self, query: "Callable[[Session], T]") -> T:
        from sqlalchemy.exc import SQLAlchemyError

        from kamplan.store.engine import reading

        try:
            with reading(self.engine) as session:
                return query(session)
        except SQLAlchemyError as error:
            raise plain.database_error(error, writing=False) from error

    def write(
        self, change: "Callable[[Session], T]", label: "str | Callable[[Session], str]" = "a change"
    ) -> T:
        """One transaction: all of `change` is saved, or (on any error) none of it. It becomes the step
        `u` undoes, described by `label` ("Industry 'Packaging' → 'Food manufacturing'"); a callable
        label is worked out in the transaction before the change, so it can quote the old value."""
        from sqlalchemy.exc import SQLAlchemyError

        from kamplan.store.engine import unit_of_work

        with self._write_lock:
            try:
                with unit_of_work(self.engine) as session:
                    self.history.attach(_dbapi(session))
                    described = label if isinstance(label, str) else label(session)
                    with self.history.recording() as changes:
                        result = change(session)
                        session.flush()
            except SQLAlchemyError as error:
                raise plain.database_error(error, writing=True) from error
            finally:
                self.revision += 1
            self.history.done(described, changes)
            return result

    # Undo and redo
    def undo(self) -> str:
        """Take back the last change made in this session; returns what it was."""
        with self._write_lock:
            if not self.history.undo_steps:
                raise NothingToUndo("nothing to undo")
            step = self.history.undo_steps[-1]
            self.history.redo_steps.append(Step(step.label, self._apply_inverse(step, "undo")))
            self.history.undo_steps.pop()
            return step.label

    def redo(self) -> str:
        """Make again the change undone last; returns what it was."""
        with self._write_lock:
            if not self.history.redo_steps:
                raise NothingToUndo("nothing to redo")
            step = self.history.redo_steps[-1]
            self.history.undo_steps.append(Step(step.label, self._apply_inverse(step, "redo")))
            self.history.redo_steps.pop()
            return step.label

    def _apply_inverse(self, step: Step, verb: str) -> "list[Any]":
        """Apply the inverse of each change of `step`, newest first, in one transaction; returns the
        changes that made (the step that takes it back again). Refused, and the history forgotten, if
        the rows are no longer as the step left them (another process changed them)."""
        from sqlalchemy.exc import SQLAlchemyError

        from kamplan.errors import KamplanError
        from kamplan.store.engine import unit_of_work

        try:
            with unit_of_work(self.engine) as session:
                connection = session.connection()
                self.history.attach(_dbapi(session))
                # A deleted person comes back before the links that point at them: check at commit.
                connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                with self.history.recording() as changes:
                    for change in reversed(step.changes):
                        sql, params = self.history.inverse(change)
                        if connection.exec_driver_sql(sql, params).rowcount != 1:
                            raise _Mismatch
        except (SQLAlchemyError, _Mismatch):
            self.history.forget()
            raise KamplanError(
                f"could not {verb} {step.label}: the plan was changed outside this window meanwhile"
            ) from None
        finally:
            self.revision += 1
        return changes

    # Settings
    def load_settings(self, settings: Settings) -> Settings:
        from dataclasses import replace

        from kamplan.store.settings import stored_limits

        with self._plain() as conn:
            return replace(settings, **stored_limits(conn))

    def save_limit(self, key: str, text: str) -> int:
        from kamplan.store import settings as settings_store

        value = settings_store.parse_limit(key, text)
        self.write(
            lambda s: settings_store.save_setting(s, key, value), f"limit {key.replace('_', ' ')}: {value}"
        )
        return value

    # Portfolio and accounts
    def portfolio(self, today: date, relationship_limit: int, key_account_limit: int) -> summary.Portfolio:
        with self._plain() as conn:
            return summary.portfolio(conn, today, relationship_limit, key_account_limit)

    def summary(self, account_id: int, today: date) -> summary.AccountSummary | None:
        with self._plain() as conn:
            found = summary.summarize(conn, today, account_id)
        return found[0] if found else None

    def checks(self, today: date, account_id: int | None = None) -> "dict[int, summary_rows.Checks]":
        """Per live account (or the one asked for): optimistic forecasts, coaching flags, what qualifying
        out freed. Apart from the summary: the portfolio reads it once the first screen is painted."""
        with self._plain() as conn:
            return summary.checks(conn, today, account_id)

    def account(self, account_id: int) -> "rows.AccountRow | None":
        from kamplan.models import Account

        def query(session: "Session") -> "rows.AccountRow | None":
            account = session.get(Account, account_id)
            return None if account is None else rows.account_row(account)

        return self.read(query)

    def archived(self) -> "list[rows.AccountRow]":
        from kamplan.store import accounts

        return self.read(lambda s: [rows.account_row(a) for a in accounts.list_accounts(s, archived=True)])

    def trash(self) -> "list[rows.AccountRow]":
        from kamplan.store import accounts

        return self.read(lambda s: [rows.account_row(a) for a in accounts.list_trash(s)])

    def live_accounts(self) -> list[tuple[int, str]]:
        with self._plain() as conn:
            rows = conn.execute(f"SELECT id, name FROM account WHERE {rules.live_account()}").fetchall()
        return sorted(rows, key=lambda row: row[1].casefold())

    def create_account(self, name: str) -> int:
        from kamplan.store import accounts

        return self.write(lambda s: accounts.create_account(s, name).id, f"new account {_cut(name)}")

    def rename_account(self, account_id: int, name: str) -> None:
        from kamplan.store import accounts

        self.write(
            lambda s: accounts.rename_account(s, account_id, name),
            lambda s: f"rename {_cut(_account_name(s, account_id))} → {_cut(name)}",
        )

    def set_key_account(self, account_id: int, key: bool) -> None:
        from kamplan.store import accounts

        self.write(
            lambda s: accounts.set_key_account(s, account_id, key),
            lambda s: f"key account {'on' if key else 'off'}: {_cut(_account_name(s, account_id))}",
        )

    def archive_account(self, account_id: int, archived: bool = True) -> None:
        from kamplan.store import accounts

        self.write(
            lambda s: accounts.archive_account(s, account_id, archived),
            lambda s: f"{'archive' if archived else 'unarchive'} {_cut(_account_name(s, account_id))}",
        )

    def trash_account(self, account_id: int, trashed: bool = True) -> None:
        from kamplan.store import accounts

        self.write(
            lambda s: accounts.trash_account(s, account_id, trashed),
            lambda s: f"{'trash' if trashed else 'restore'} {_cut(_account_name(s, account_id))}",
        )

    def empty_trash(self) -> int:
        from kamplan.store import accounts

        return self.write(accounts.empty_trash, "empty the trash")

    def add_demo(self, today: date | None = None) -> str:
        from kamplan.store.demo import add_demo

        self.revision += 1
        return add_demo(self.engine, today)

    # Profile
    def update_account_fields(self, account_id: int, values: dict[str, Any], labels: dict[str, str]) -> None:
        """Validate each value with the document's rules (FieldProblems names every field refused), then
        save them all in one step; `labels` name the fields in the undo history."""
        from kamplan.document.forms import validate_account_field
        from kamplan.errors import FieldProblems, ValidationFailed
        from kamplan.models import Account
        from kamplan.store import profile

        checked: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for field, raw in values.items():
            try:
                checked[field] = validate_account_field(field, raw)
            except ValidationFailed as error:
                problems[field] = "; ".join(error.problems)
        if problems:
            raise FieldProblems(problems)

        def described(session: "Session") -> str:
            account = session.get(Account, account_id)
            changed = [f for f, v in checked.items() if getattr(account, f, None) != v]
            if len(changed) == 1:
                field = changed[0]
                return f"{labels.get(field, field)} {_cut(getattr(account, field))} → {_cut(checked[field])}"
            return ", ".join(labels.get(f, f) for f in changed) or "no change"

        def change(session: "Session") -> None:
            for field, value in checked.items():
                profile.update_account_field(session, account_id, field, value)

        self.write(change, described)

    def update_account_field(self, account_id: int, field: str, raw: Any, label: str = "") -> Any:
        """One field: what the user typed, validated and saved; returns the stored value."""
        from kamplan.document.forms import validate_account_field

        self.update_account_fields(account_id, {field: raw}, {field: label or field.replace("_", " ")})
        return validate_account_field(field, raw)

    def set_aliases(self, account_id: int, text: str) -> list[str]:
        """The other names the customer goes by in contact files, typed one a line (or separated by ';');
        returns them as stored. ValidationFailed for an alias with a control character."""
        from kamplan.document.contacts import split_aliases
        from kamplan.store import profile

        return self.write(
            lambda s: profile.set_aliases(s, account_id, split_aliases(text)), "company aliases"
        )

    def swot(self, account_id: int) -> "list[rows.SwotRow]":
        from kamplan.store import profile

        return self.read(lambda s: [rows.swot_row(i) for i in profile.swot_items(s, account_id)])

    def add_swot(self, account_id: int, kind: "SwotKind", text: str) -> int:
        from kamplan.store import profile

        return self.write(
            lambda s: profile.add_swot(s, account_id, kind, text).id, f"new {kind} {_cut(text)}"
        )

    def edit_swot(self, item_id: int, text: str) -> None:
        from kamplan.store import profile

        self.write(
            lambda s: profile.edit_swot(s, item_id, text),
            lambda s: f"{_swot(s, item_id)} → {_cut(text)}",
        )

    def delete_swot(self, item_id: int) -> None:
        from kamplan.store import profile

        self.write(lambda s: profile.delete_swot(s, item_id), lambda s: f"delete {_swot(s, item_id)}")

    def move_swot(self, item_id: int, offset: int) -> None:
        from kamplan.store import profile

        self.write(
            lambda s: profile.move_swot(s, item_id, offset),
            lambda s: f"move {_swot(s, item_id)} {'up' if offset < 0 else 'down'}",
        )

    # Sections of the account screen
    def opportunities(self, account_id: int) -> "list[account_view.OpportunityRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.opportunities(s, account_id))

    def activities(self, account_id: int, today: date) -> "list[account_view.ActivityRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.activities(s, account_id, today))

    def assessment(self, account_id: int) -> "account_view.Assessment":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.assessment(s, account_id))

    def reviews(self, account_id: int) -> "list[account_view.ReviewRow]":
        from kamplan.store import account_view

        return self.read(lambda s: account_view.reviews(s, account_id))

    # The stakeholder map
    def people(self, account_id: int) -> "list[people_rows.Person]":
        from kamplan.store import people

        return self.read(lambda s: people.people(s, account_id))

    def team(self, account_id: int) -> "list[people_rows.Member]":
        from kamplan.store import people

        return self.read(lambda s: people.team(s, account_id))

    def coverage(self, account_id: int, as_of: date) -> "people_rows.Coverage":
        from kamplan.store import people

        return self.read(lambda s: people.coverage(s, account_id, as_of))

    def save_person(self, account_id: int, person_id: int | None, values: dict[str, Any]) -> int:
        """Add or change a stakeholder; FieldProblems names each field refused."""
        from kamplan.store import people

        _check_texts(values, multiline=("needs", "wants", "declared_agenda", "personal_agenda", "plan"))
        if "name" in values and not str(values["name"]).strip():
            from kamplan.errors import FieldProblems

            raise FieldProblems({"name": "must not be empty"})

        def label(session: "Session") -> str:
            if person_id is None:
                return f"new stakeholder {_cut(values.get('name'))}"
            return f"edit {_cut(_person_name(session, person_id))}"

        return self.write(lambda s: people.save_person(s, account_id, person_id, values), label)

    def set_rating(self, person_id: int, influence: int | None, support: int | None) -> None:
        from kamplan.store import people

        def label(session: "Session") -> str:
            from kamplan.models import Stakeholder

            person = session.get(Stakeholder, person_id)
            if person is None:
                return "a rating"
            changes = []
            if person.influence != influence:
                changes.append(f"influence {_rating(person.influence)} → {_rating(influence)}")
            if person.support != support:
                changes.append(f"support {_support(person.support)} → {_support(support)}")
            return f"{_cut(person.name)}: {', '.join(changes) or 'rating'}"

        self.write(lambda s: people.set_rating(s, person_id, influence, support), label)

    def set_reports_to(self, person_id: int, manager_id: int | None) -> None:
        from kamplan.store import people

        def label(session: "Session") -> str:
            boss = _person_name(session, manager_id) if manager_id is not None else "nobody"
            return f"{_cut(_person_name(session, person_id))} reports to {_cut(boss)}"

        self.write(lambda s: people.set_reports_to(s, person_id, manager_id), label)

    def delete_person(self, person_id: int) -> None:
        from kamplan.store import people

        self.write(
            lambda s: people.delete_person(s, person_id),
            lambda s: f"delete {_cut(_person_name(s, person_id))}",
        )

    def save_member(self, account_id: int, member_id: int | None, name: str, function: str) -> int:
        from kamplan.store import people

        _check_texts({"name": name, "function": function}, multiline=())
        if not name.strip():
            from kamplan.errors import FieldProblems

            raise FieldProblems({"name": "must not be empty"})
        label = f"{'new team member' if member_id is None else 'edit team member'} {_cut(name)}"
        return self.write(
            lambda s: people.save_member(s, account_id, member_id, name.strip(), function), label
        )

    def delete_member(self, member_id: int) -> None:
        from kamplan.store import people

        def label(session: "Session") -> str:
            from kamplan.models import TeamMember

            member = session.get(TeamMember, member_id)
            return f"remove {_cut(member.name if member else '')} from the team"

        self.write(lambda s: people.delete_member(s, member_id), label)

    # Qualification
    def qualification(self, account_id: int, today: date) -> "qualification_rows.QualificationView":
        from kamplan.store import qualification

        return self.read(lambda s: qualification.qualification(s, account_id, today))

    def set_answer(self, opportunity_id: int, question: str, answer: "Answer", today: date) -> None:
        """Answer one of the ten questions; the day is kept when the answer changes."""
        from kamplan.store import qualification

        def label(session: "Session") -> str:
            old = qualification.answer_of(session, opportunity_id, question)
            title = _cut(_opportunity_title(session, opportunity_id))
            return f"{question.upper()} {str(old)!r} → {str(answer)!r} for {title}"

        self.write(lambda s: qualification.set_answer(s, opportunity_id, question, answer, today), label)

    def set_evidence(self, opportunity_id: int, question: str, evidence: str) -> None:
        from kamplan.store import qualification

        _check_texts({"evidence": evidence}, multiline=("evidence",))
        evidence = evidence.strip()
        self.write(
            lambda s: qualification.set_evidence(s, opportunity_id, question, evidence),
            lambda s: f"{question.upper()} evidence for {_cut(_opportunity_title(s, opportunity_id))}",
        )

    def add_participants(self, opportunity_id: int, person_ids: list[int]) -> list[int]:
        """Add people to the decision; returns who was added."""
        from kamplan.store import qualification

        def label(session: "Session") -> str:
            names = ", ".join(_person_name(session, i) for i in person_ids)
            return f"add {_cut(names)} to {_cut(_opportunity_title(session, opportunity_id))}"

        return self.write(lambda s: qualification.add_participants(s, opportunity_id, person_ids), label)

    def remove_participant(self, opportunity_id: int, person_id: int) -> None:
        from kamplan.store import qualification

        self.write(
            lambda s: qualification.remove_participant(s, opportunity_id, person_id),
            lambda s: (
                f"take {_cut(_person_name(s, person_id))} out of"
                f" {_cut(_opportunity_title(s, opportunity_id))}"
            ),
        )

    def set_ratings(self, ratings: dict[int, tuple[int | None, int | None]]) -> None:
        """Keep a what-if: several people's ratings in one step (one undo takes them all back)."""
        from kamplan.store import qualification

        def label(session: "Session") -> str:
            from kamplan.models import Stakeholder

            parts = []
            for person_id, (influence, support) in ratings.items():
                person = session.get(Stakeholder, person_id)
                if person is not None:
                    old = f"{_rating(person.influence)}, {_support(person.support)}"
                    new = f"{_rating(influence)}, {_support(support)}"
                    parts.append(f"{_cut(person.name)} {old} → {new}")
            return "what-if kept: " + "; ".join(parts)

        self.write(lambda s: qualification.set_ratings(s, ratings), label)

    def qualify_out(self, opportunity_id: int, reason: str, cancel_planned: bool) -> int:
        """Close it as qualified out, with the reason; returns how many planned activities were cancelled.
        FieldProblems names the reason when it is missing or holds what a plan may not."""
        from kamplan.errors import FieldProblems
        from kamplan.store import qualification

        _check_texts({"reason": reason}, multiline=("reason",))
        if not reason.strip():
            raise FieldProblems({"reason": "say why: the next review reads it"})
        return self.write(
            lambda s: qualification.qualify_out(s, opportunity_id, reason, cancel_planned),
            lambda s: f"qualify out {_cut(_opportunity_title(s, opportunity_id))}",
        )

    # Contacts from a file (read it first with interchange.contacts.read_contacts)
    def preview_contacts(
        self, account_id: int, parsed: "ContactFile", today: date | None = None
    ) -> "contacts.ContactReport":
        """What importing the file would do; nothing is written."""
        from kamplan.store import contacts

        with self._plain() as conn:
            return contacts.preview_contacts(conn, account_id, parsed, today or date.today())

    def import_contacts(
        self, account_id: int, parsed: "ContactFile", today: date | None = None
    ) -> "contacts.ContactReport":
        """Add the file's new people to the account in one transaction; returns what was done."""
        from kamplan.store import contacts

        return self.write(
            lambda s: contacts.import_contacts(s, account_id, parsed, today or date.today()),
            f"import contacts ({parsed.kind})",
        )

    # The sales-activity plan: activities, opportunities, competitors, targets, the week
    def plan_activities(
        self, account_id: int, today: date, include: int | None = None
    ) -> "list[activity_rows.ActivityItem]":
        """The Plan section's activities; `include` (one just added or moved) is among them even when it
        lies beyond the first screenfuls of a busy account."""
        from kamplan.store import activities

        return self.read(lambda s: activities.activity_items(s, account_id, today, include=include))

    def plan_names(self, account_id: int) -> "activity_rows.PlanNames":
        from kamplan.store import activities

        return self.read(lambda s: activities.plan_names(s, account_id))

    def activity(self, activity_id: int) -> "activity_rows.ActivityItem":
        from kamplan.store import activities

        return self.read(lambda s: activities.activity_item(s, activity_id))

    def save_activity(self, account_id: int, activity_id: int | None, values: dict[str, Any]) -> int:
        """Add or change an activity; FieldProblems names each field refused."""
        from kamplan.store import activities

        _check_texts(values, multiline=("outcome",))

        def label(session: "Session") -> str:
            if activity_id is None:
                return "new " + _activity_words(session, values)
            return f"edit {activities.describe(session, activity_id)}"

        return self.write(lambda s: activities.save_activity(s, account_id, activity_id, values), label)

    def complete_activity(self, activity_id: int, outcome: str, day: date) -> None:
        """Done on `day` with its outcome; everyone it reached was last contacted then (unless later)."""
        from kamplan.store import activities

        _check_texts({"outcome": outcome}, multiline=("outcome",))
        self.write(
            lambda s: activities.complete(s, activity_id, outcome.strip(), day),
            lambda s: f"done: {activities.describe(s, activity_id)}",
        )

    def move_activity(self, activity_id: int, day: date) -> None:
        from kamplan.store import activities

        def label(session: "Session") -> str:
            return f"move {activities.describe(session, activity_id)} → {day.day} {day:%b}"

        self.write(lambda s: activities.move(s, activity_id, day), label)

    def cancel_activity(self, activity_id: int) -> None:
        from kamplan.store import activities

        self.write(
            lambda s: activities.cancel(s, activity_id),
            lambda s: f"cancel {activities.describe(s, activity_id)}",
        )

    def delete_activity(self, activity_id: int) -> None:
        from kamplan.store import activities

        self.write(
            lambda s: activities.delete(s, activity_id),
            lambda s: f"delete {activities.describe(s, activity_id)}",
        )

    def week(self, today: date) -> "week_rows.Week":
        """The planned activities of every live account: overdue, this week, next week. Kept until the
        plan changes, so the week read ahead (prefetch_week) opens at once."""
        from kamplan.store import week

        key = (self.fingerprint(), today)
        kept = self._week
        if kept is not None and kept[0] == key:
            return kept[1]
        with self._plain() as conn:
            found = week.week(conn, today)
        self._week = (key, found)
        return found

    def prefetch_week(self, today: date) -> None:
        """Read the week ahead, in a background thread: a weekly session starts with it."""
        with suppress(Exception):  # only a head start: a failure shows when the week is opened
            self.week(today)

    def funnel(self, account_id: int, today: date) -> "list[planning.FunnelStep]":
        from kamplan.store import activities

        return self.read(lambda s: activities.funnel(s, account_id, today))

    def save_target(
        self,
        account_id: int,
        kind: "ActivityType",
        per_week: float,
        converts_to: "ActivityType | None",
        rate: float | None,
    ) -> None:
        from kamplan.store import activities

        label = f"target for {kind.replace('_', ' ')}: {per_week:g} a week"
        if converts_to is not None and rate is not None:
            label += f", {rate:.0%} → {converts_to.replace('_', ' ')}"
        self.write(lambda s: activities.save_target(s, account_id, kind, per_week, converts_to, rate), label)

    def clear_target(self, account_id: int, kind: "ActivityType") -> None:
        from kamplan.store import activities

        self.write(
            lambda s: activities.clear_target(s, account_id, kind),
            f"clear the target for {kind.replace('_', ' ')}",
        )

    def plan_opportunities(self, account_id: int) -> "list[opportunity_rows.OpportunityItem]":
        from kamplan.store import opportunities

        return self.read(lambda s: opportunities.opportunity_items(s, account_id))

    def portfolio_opportunities(self) -> "list[tuple[int, str, str, opportunity_rows.OpportunityItem]]":
        from kamplan.store import opportunities

        return self.read(opportunities.portfolio_opportunities)

    def save_opportunity(self, account_id: int, opportunity_id: int | None, values: dict[str, Any]) -> int:
        from kamplan.store import opportunities

        _check_texts(values, multiline=())

        def label(session: "Session") -> str:
            if opportunity_id is None:
                return f"new opportunity {_cut(values.get('title'))}"
            return f"edit opportunity {opportunities.describe(session, opportunity_id)}"

        return self.write(
            lambda s: opportunities.save_opportunity(s, account_id, opportunity_id, values), label
        )

    def close_opportunity(self, opportunity_id: int, status: "OpportunityStatus", reason: str) -> None:
        from kamplan.store import opportunities

        _check_texts({"status_reason": reason}, multiline=())
        self.write(
            lambda s: opportunities.close_opportunity(s, opportunity_id, status, reason),
            lambda s: f"close {opportunities.describe(s, opportunity_id)} as {status.replace('_', ' ')}",
        )

    def delete_opportunity(self, opportunity_id: int) -> None:
        from kamplan.store import opportunities

        self.write(
            lambda s: opportunities.delete_opportunity(s, opportunity_id),
            lambda s: f"delete opportunity {opportunities.describe(s, opportunity_id)}",
        )

    def competitors(self, account_id: int) -> "list[opportunity_rows.CompetitorItem]":
        from kamplan.store import opportunities

        return self.read(lambda s: opportunities.competitor_items(s, account_id))

    def save_competitor(self, account_id: int, competitor_id: int | None, values: dict[str, Any]) -> int:
        from kamplan.store import opportunities

        _check_texts(values, multiline=("strengths", "weaknesses", "counter"))

        def label(session: "Session") -> str:
            if competitor_id is None:
                return f"new competitor {_cut(values.get('name'))}"
            return f"edit competitor {opportunities.competitor_name(session, competitor_id)}"

        return self.write(
            lambda s: opportunities.save_competitor(s, account_id, competitor_id, values), label
        )

    def delete_competitor(self, competitor_id: int) -> None:
        from kamplan.store import opportunities

        self.write(
            lambda s: opportunities.delete_competitor(s, competitor_id),
            lambda s: f"delete competitor {opportunities.competitor_name(s, competitor_id)}",
        )

    # Finding things
    def people_directory(self) -> list[PersonHit]:
        """Every stakeholder of the live accounts, for the palette; kept until the plan changes."""
        fingerprint = self.fingerprint()
        if self._directory is None or self._directory[0] != fingerprint:
            self._directory = (fingerprint, self._read_directory())
        return self._directory[1]

    def _read_directory(self) -> list[PersonHit]:
        with self._plain() as conn:
            rows = conn.execute(
                "SELECT s.id, s.name, s.title, a.id, a.name FROM stakeholder s"
                f" JOIN account a ON a.id = s.account_id WHERE {rules.live_account('a')}"
            ).fetchall()
        return sorted((PersonHit(*row) for row in rows), key=lambda p: p.name.casefold())


def _account_name(session: "Session", account_id: int) -> str:
    from kamplan.models import Account

    account = session.get(Account, account_id)
    return "" if account is None else account.name


def _swot(session: "Session", item_id: int) -> str:
    from kamplan.models import SwotItem

    item = session.get(SwotItem, item_id)
    return "SWOT item" if item is None else f"{item.kind} {_cut(item.text)}"


def _opportunity_title(session: "Session", opportunity_id: int) -> str:
    from kamplan.models import Opportunity

    found = session.get(Opportunity, opportunity_id)
    return "" if found is None else found.title


def _person_name(session: "Session", person_id: int | None) -> str:
    from kamplan.models import Stakeholder

    person = session.get(Stakeholder, person_id) if person_id is not None else None
    return "" if person is None else person.name


def _rating(value: int | None) -> str:
    return "not rated" if value is None else str(value)


def _support(value: int | None) -> str:
    from kamplan.enums import SUPPORT_WORDS

    return "not rated" if value is None else SUPPORT_WORDS[value]


def _activity_words(session: "Session", values: dict[str, Any]) -> str:
    """A new activity as the undo history names it: "call with Pieter Dekkers 6 Mar"."""
    from kamplan.models import Stakeholder

    people = values.get("people") or []
    first = session.get(Stakeholder, people[0]) if people else None
    who = f" with {first.name}" + (f" +{len(people) - 1}" if len(people) > 1 else "") if first else ""
    day = values.get("date")
    when = f" {day.day} {day:%b}" if isinstance(day, date) else ""
    return f"{str(values.get('type') or 'activity').replace('_', ' ')}{who}{when}"


def _check_texts(values: dict[str, Any], multiline: tuple[str, ...]) -> None:
    """The text rule (kamplan.document.text) on every text value: refused with its field named."""
    from kamplan.document.text import text_problem
    from kamplan.errors import FieldProblems

    problems = {}
    for name, value in values.items():
        if isinstance(value, str):
            problem = text_problem(value, multiline=name in multiline)
            if problem:
                problems[name] = problem
    if problems:
        raise FieldProblems(problems)


class _Mismatch(Exception):
    """A row an undo step needs is not as the step left it."""


def _dbapi(session: "Session") -> sqlite3.Connection:
    return session.connection().connection.dbapi_connection


def _cut(value: object, width: int = 40) -> str:
    """A value as an undo label quotes it: one line, short."""
    if value is None or value == "":
        return "empty"
    text = " ".join(str(value).split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
