"""The plan as the JSON document `kamplan import` reads, with the derived measures written in."""

from datetime import date

from kamplan.document.derived import derive
from kamplan.document.model import PlanDocument


def plan_json_text(doc: PlanDocument, as_of: date) -> str:
    """pydantic writes it (in Rust): json.dumps with an indent runs the pure-Python encoder, several times
    slower on a plan with thousands of activities."""
    with_derived = doc.model_copy(update={"derived": derive(doc, as_of)})
    return with_derived.model_dump_json(indent=2) + "\n"
