"""Export and import of JSON plan documents: validate everything first, then write all or nothing."""

import json
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.engine import Engine

from kamplan.errors import KamplanError, ValidationFailed
from kamplan.interchange.document import PlanDocument
from kamplan.interchange.errors import problems
from kamplan.interchange.references import reference_problems
from kamplan.interchange.write_plan import write_plan
from kamplan.store.accounts import delete_account, name_taken
from kamplan.store.engine import unit_of_work


def export_plan(db_path: Path, account: str, as_of: date) -> str:
    from kamplan.interchange.export import export_account

    return export_account(db_path, account, "json", as_of)


def _no_constants(name: str) -> None:
    # Python reads NaN and Infinity, but they are not JSON: export would write a file others cannot read.
    raise KamplanError(f"not valid JSON: {name} is not a number JSON allows")


def parse_plan(text: str) -> PlanDocument:
    """Validate a document completely, or raise ValidationFailed naming every problem's place."""
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise KamplanError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise KamplanError(
            "not a kamplan plan document: its lists and objects are nested too deeply"
        ) from None
    if not isinstance(data, dict):
        raise KamplanError("not a kamplan plan document: expected a JSON object at the top")
    _check_encodable(text, data)
    try:
        doc = PlanDocument.model_validate(data)
    except ValidationError as error:
        raise ValidationFailed(problems(error)) from None
    found = reference_problems(doc)
    if found:
        raise ValidationFailed(found)
    return doc


def _check_encodable(text: str, data: Any) -> None:
    """A lone surrogate (say the escape "\\ud800") is valid JSON but not text the database can store."""
    try:
        text.encode("utf-8")
        if "\\u" in text:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end].encode("unicode_escape").decode("ascii")
        raise KamplanError(f"not valid text: the document holds a broken character ({bad})") from None


def import_plan(
    engine: Engine, doc: PlanDocument, *, rename: str | None = None, replace: bool = False
) -> str:
    """Add the document's account in one transaction; returns the account's name."""
    name = (rename or doc.account.name).strip()
    if not name:
        raise KamplanError("--rename needs a name")
    _check_encodable(name, None)
    with unit_of_work(engine) as session:
        existing = name_taken(session, name)
        if existing is not None:
            if not replace:
                raise KamplanError(
                    f"an account named {existing.name!r} exists already; use --rename NEW or --replace"
                )
            delete_account(session, existing.id)  # type: ignore[arg-type]
            session.flush()
        write_plan(session, doc, name)
    return name


def import_text(engine: Engine, text: str, **options: Any) -> str:
    return import_plan(engine, parse_plan(text), **options)


__all__ = ["export_plan", "import_plan", "import_text", "parse_plan"]
