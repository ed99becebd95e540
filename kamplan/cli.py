"""The command line. Commands that show no screen never import Textual, so they start fast.

Whatever a command prints may come from a plan someone else wrote: names and messages are printed with
their control characters made visible (`printable`), and so is a document written to a terminal (written
to a file, it keeps the real text). Every error a user can cause is one line on stderr and exit status 1.
"""

import argparse
import gc
import io
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kamplan import __version__
from kamplan.config import DB_ENV, Settings, default_db_path
from kamplan.document.text import printable, printable_json
from kamplan.errors import KamplanError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


USER_ERROR = 1
DEBUG_ENV = "KAMPLAN_DEBUG"  # set it to see the traceback of an unexpected error


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamplan",
        description="Plan your key accounts: stakeholders, activity, qualification. Offline and private.",
    )
    parser.add_argument("--version", action="version", version=f"kamplan {__version__}")
    parser.add_argument(
        "--db", type=Path, metavar="FILE", help=f"the database file (default: ${DB_ENV} or your data folder)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("demo", help="add the demo account (again: no change) and print its name")
    commands.add_parser("accounts", help="list the accounts, one a line")
    export = commands.add_parser("export", help="write one account's plan as a document")
    export.add_argument("account", metavar="ACCOUNT", help="the account's name (any case) or id")
    export.add_argument(
        "--format",
        choices=["md", "html", "json", "ics", "csv"],
        default="json",
        help="md/html: a document for a review; json: the whole plan (for import); ics: planned activities "
        "for your calendar; csv: every activity (default json)",
    )
    export.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help="compute measures as of this day")
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen"
    )
    importer = commands.add_parser("import", help="add an account from a JSON plan document; all or nothing")
    importer.add_argument("file", type=Path, metavar="FILE")
    how = importer.add_mutually_exclusive_group()
    how.add_argument("--rename", metavar="NEW", help="import under this name instead")
    how.add_argument("--replace", action="store_true", help="replace the account of the same name")
    contacts = commands.add_parser(
        "contacts",
        help="add stakeholders from a contact file: LinkedIn, Salesforce or HubSpot CSV, any CSV, vCard",
        description="Add the people of a contact file who work at the account (its name or an alias) as"
        " unrated stakeholders. People already there are skipped, so the same file twice adds nobody.",
    )
    contacts.add_argument("account", metavar="ACCOUNT", help="the account's name (any case) or id")
    contacts.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="a CSV (LinkedIn Connections.csv, a Salesforce or HubSpot export, any with a name column)"
        " or a vCard file",
    )
    contacts.add_argument("--dry-run", action="store_true", help="say what would be added; write nothing")
    backup = commands.add_parser("backup", help="a consistent copy of the database, safe while it is in use")
    backup.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="where to (default: a new file beside the plan)"
    )
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    commands.add_parser("check", help="check the database's integrity and schema version")
    return parser


# The app (no command) and the commands that write; only they may create a database (DESIGN.md), the
# others say there is none at that path.
WRITING = {None, "demo", "import", "contacts"}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace, Path], int] = COMMANDS.get(args.command, run_app)
    if handler is not run_app:
        # A command runs for a second or two and exits. The cycle collector would spend a tenth of that
        # walking the same imported objects again and again; what a command builds is freed by refcount.
        gc.disable()
    try:
        from kamplan.store.location import database_file

        given = (args.db.expanduser() if args.db else default_db_path()).absolute()
        db_path = database_file(given, create=args.command in WRITING)
        return handler(args, db_path)
    except KamplanError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `kamplan accounts | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        from kamplan.store.plain import database_error, is_database_error

        if is_database_error(error):
            # SQLite's own errors (a read-only file, a busy or locked plan, a name added meanwhile) say
            # the same as they do in the app: one place translates them (store.plain).
            return _fail(str(database_error(error, writing=args.command in WRITING)))
        if os.environ.get(DEBUG_ENV):
            raise
        if isinstance(error, OSError):
            where = f" ({error.filename})" if error.filename else ""
            return _fail(f"{error.strerror or error}{where}")
        return _fail(f"unexpected error ({type(error).__name__}: {error}); set {DEBUG_ENV}=1 to see where")


def _fail(message: str) -> int:
    """One line on stderr: whatever the message quotes cannot break the line or drive the terminal."""
    print(f"kamplan: {printable(message, multiline=False)}", file=sys.stderr)
    return USER_ERROR


def _say(text: str) -> None:
    """One line on stdout (a name, a path), its control characters made visible."""
    print(printable(text, multiline=False))


def _for_terminal(text: str, fmt: str) -> str:
    """A document shown on a terminal rather than written to a file or a pipe: nothing in it may reach
    the terminal as a control sequence. JSON stays valid JSON (its escapes are JSON's own)."""
    if fmt == "json":
        return printable_json(text)
    return printable(text.replace("\r\n", "\n"))  # a calendar's CRLF line ends are not content


def _engine(db_path: Path) -> "Engine":
    from kamplan.store.engine import open_engine

    return open_engine(db_path)


def run_app(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.store.lock import single_window
    from kamplan.store.version import is_current

    # A database that needs nothing done opens without SQLAlchemy on the way to the first screen;
    # a new or older one is created or upgraded (with a backup) first.
    engine = None if is_current(db_path) else _engine(db_path)
    with single_window(db_path):
        # Textual waits this long after Escape to see whether a longer key sequence follows; 100 ms by
        # default makes Escape, the key that goes back, feel slow. The user's own ESCDELAY wins.
        os.environ.setdefault("ESCDELAY", "40")
        os.environ.setdefault("TEXTUAL_FPS", "240")
        from kamplan.app import make_app

        app = make_app(Settings(db_path=db_path), engine)
        # Textual prints the traceback of an error that ends the app, its locals quoting the plan; main()
        # reports the error instead: one line, or the traceback with KAMPLAN_DEBUG=1.
        from rich.console import Console

        app.error_console = Console(file=io.StringIO())
        try:
            app.run()
        finally:
            app.store.close()
    if app.return_code:  # an error ended the app: not a success, and not a silent one
        raise app._exception or RuntimeError(f"the app ended with status {app.return_code}")
    return 0


def cmd_demo(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.store.demo import add_demo

    _say(add_demo(_engine(db_path)))
    return 0


def _ready(db_path: Path) -> Path:
    """Create or upgrade the database if it needs it (only then are SQLAlchemy and Alembic loaded), so
    the plain sqlite3 reads can follow."""
    from kamplan.store.version import is_current

    if not is_current(db_path):
        _engine(db_path).dispose()
    return db_path


def cmd_accounts(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.store.service import Store

    for _, name in Store(_ready(db_path)).live_accounts():
        _say(name)
    return 0


def cmd_export(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.interchange.export import export_account

    text = export_account(_ready(db_path), args.account, args.format, args.as_of or date.today())
    if args.output:
        from kamplan.interchange.files import write_text_file

        write_text_file(args.output, text, for_terminal=lambda shown: _for_terminal(shown, args.format))
    else:
        sys.stdout.write(_for_terminal(text, args.format) if sys.stdout.isatty() else text)
    return 0


def cmd_import(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.document.parse import parse_plan
    from kamplan.interchange.files import read_text_file
    from kamplan.store.plan_import import import_plan

    doc = parse_plan(read_text_file(args.file))  # validate before the database is even opened
    name = import_plan(_engine(db_path), doc, rename=args.rename, replace=args.replace)
    _say(f"imported {name}")
    return 0


def cmd_contacts(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.interchange.contacts import read_contacts
    from kamplan.store import plain
    from kamplan.store.lookup import find_account_id
    from kamplan.store.service import Store

    parsed = read_contacts(args.file)  # the whole file first: one that cannot be used changes nothing
    engine = None if args.dry_run else _engine(db_path)  # a dry run reads through sqlite3 alone
    store = Store(_ready(db_path), engine)
    try:
        with plain.connection(db_path) as conn:
            account_id = find_account_id(conn, args.account)
        if args.dry_run:
            report = store.preview_contacts(account_id, parsed)
        else:
            report = store.import_contacts(account_id, parsed)
    finally:
        store.close()
    from kamplan.interchange.contact_report import contact_report_lines

    print("\n".join(contact_report_lines(report, args.file.name)))
    return 0


def cmd_backup(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.store.backup import backup_database

    _say(str(backup_database(db_path, args.file, replace=args.force)))
    return 0


def cmd_check(args: argparse.Namespace, db_path: Path) -> int:
    from kamplan.store.check import check_database

    _say(check_database(db_path))
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace, Path], int]] = {
    "demo": cmd_demo,
    "accounts": cmd_accounts,
    "export": cmd_export,
    "import": cmd_import,
    "contacts": cmd_contacts,
    "backup": cmd_backup,
    "check": cmd_check,
}
