"""Alembic environment: kamplan runs migrations itself, on a connection it hands over."""

from alembic import context
from sqlmodel import SQLModel

import kamplan.models  # noqa: F401  (registers every table on the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them; batch mode does that safely
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
