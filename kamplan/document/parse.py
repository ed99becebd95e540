"""Read a plan document's JSON text and validate all of it before anything is written."""

import json
from typing import Any

from pydantic import ValidationError

from kamplan.document.errors import problems
from kamplan.document.model import PlanDocument
from kamplan.document.references import reference_problems
from kamplan.errors import KamplanError, ValidationFailed


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
    except ValueError:
        # Python refuses to read an integer of thousands of digits (a guard against slow conversions).
        raise KamplanError(
            "not a kamplan plan document: it holds a number with thousands of digits"
        ) from None
    except RecursionError:
        raise KamplanError(
            "not a kamplan plan document: its lists and objects are nested too deeply"
        ) from None
    if not isinstance(data, dict):
        raise KamplanError("not a kamplan plan document: expected a JSON object at the top")
    check_encodable(text, data)
    try:
        doc = PlanDocument.model_validate(data)
    except ValidationError as error:
        raise ValidationFailed(problems(error)) from None
    found = reference_problems(doc)
    if found:
        raise ValidationFailed(found)
    return doc


def check_encodable(text: str, data: Any) -> None:
    """A lone surrogate (say the escape "\\ud800") is valid JSON but not text the database can store."""
    try:
        text.encode("utf-8")
        if "\\u" in text:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end].encode("unicode_escape").decode("ascii")
        raise KamplanError(f"not valid text: the document holds a broken character ({bad})") from None
