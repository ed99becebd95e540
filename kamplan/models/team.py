"""Our side: the account team the KAM quarterbacks."""

from sqlmodel import Field, SQLModel

from kamplan.models.base import fk


class TeamMember(SQLModel, table=True):
    __tablename__ = "team_member"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=fk("account.id", "CASCADE"))
    name: str
    function: str = ""
