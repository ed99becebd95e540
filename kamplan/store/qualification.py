"""The Qualification section's reads and writes: the ten answers with their evidence and the day each last
changed, the people in each decision, their ratings, the coaching flags, and qualifying an opportunity out.

Reads hand the UI frozen rows; each write function is the content of one unit of work (Store.write)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from kamplan import models as m
from kamplan import planning
from kamplan.enums import ActivityStatus, Answer, OpportunityStatus
from kamplan.errors import KamplanError, NotFoundError
from kamplan.store import rules


@dataclass(frozen=True)
class AnswerRow:
    question: str  # q1 … q10
    answer: Answer
    evidence: str
    changed: date | None  # the day the answer last changed; None: not known


@dataclass(frozen=True)
class Voter:
    """A stakeholder as a decision sees them."""

    id: int
    name: str
    title: str
    role: str | None
    influence: int | None
    support: int | None
    confirmed: bool

    @property
    def rating(self) -> planning.Rating:
        return planning.Rating(self.influence, self.support, self.confirmed)


@dataclass(frozen=True)
class Qualification:
    """One open opportunity as the section shows it."""

    id: int
    title: str
    value: float | None
    probability: int | None
    stage: str
    target_date: date | None
    answers: tuple[AnswerRow, ...]  # q1 … q10, in order
    participant_ids: tuple[int, ...]  # named, in the order added; none: everyone at the account votes
    flags: tuple[planning.CoachingFlag, ...]  # its own, then those of the people in its decision
    planned_activities: int  # planned activity that serves it (what qualifying it out frees)

    @property
    def score(self) -> int:
        return planning.qualification_score({a.question: a.answer for a in self.answers})


@dataclass(frozen=True)
class QualificationView:
    people: tuple[Voter, ...]  # everyone at the account, in the order added
    opportunities: tuple[Qualification, ...]  # the open ones, in the order added
    flags: tuple[planning.CoachingFlag, ...] = ()  # every flag of the account's plan, each once

    def voters(self, opportunity: Qualification) -> tuple[Voter, ...]:
        """Who votes on it: its participants, or everyone at the account when none are named."""
        if not opportunity.participant_ids:
            return self.people
        by_id = {person.id: person for person in self.people}
        return tuple(by_id[i] for i in opportunity.participant_ids if i in by_id)


def qualification(session: Session, account_id: int, today: date) -> QualificationView:
    s = m.Stakeholder
    people_rows = session.execute(
        sa.select(
            s.id,
            s.name,
            s.title,
            s.role,
            s.influence,
            s.support,
            s.confidence,
            s.owner_id,
            s.last_contact,
            s.plan,
        )
        .where(s.account_id == account_id)
        .order_by(s.id)
    ).all()
    people = tuple(
        Voter(p.id, p.name, p.title, None if p.role is None else str(p.role), p.influence, p.support,
              planning.is_confirmed(p.confidence))
        for p in people_rows
    )  # fmt: skip
    coached = [
        planning.Person(
            p.id,
            p.name,
            None if p.role is None else str(p.role),
            p.influence,
            p.support,
            p.owner_id,
            p.last_contact,
            planning.is_confirmed(p.confidence),
            p.plan,
        )
        for p in people_rows
    ]
    opps = list(
        session.exec(
            select(m.Opportunity)
            .where(m.Opportunity.account_id == account_id, rules.open_opportunity_clause())
            .order_by(m.Opportunity.id)
        )
    )
    ids = [o.id for o in opps]
    participants: dict[int, list[int]] = defaultdict(list)
    for opp_id, person_id in session.execute(
        sa.select(m.Participant.opportunity_id, m.Participant.stakeholder_id)
        .where(m.Participant.opportunity_id.in_(ids))
        .order_by(m.Participant.position, m.Participant.stakeholder_id)
    ):
        participants[opp_id].append(person_id)
    q = m.QualificationAnswer
    answers: dict[int, dict[str, AnswerRow]] = defaultdict(dict)
    for row in session.execute(
        sa.select(q.opportunity_id, q.question, q.answer, q.evidence, q.changed_on).where(
            q.opportunity_id.in_(ids)
        )
    ):
        answers[row.opportunity_id][row.question] = AnswerRow(
            row.question, Answer(row.answer), row.evidence, row.changed_on
        )
    planned = dict(
        session.execute(
            sa.select(m.Activity.opportunity_id, sa.func.count())
            .where(m.Activity.opportunity_id.in_(ids), m.Activity.status == ActivityStatus.PLANNED)
            .group_by(m.Activity.opportunity_id)
        ).all()
    )
    sketches = [
        planning.OpportunitySketch(o.id, o.title, str(o.status), tuple(participants[o.id])) for o in opps
    ]
    flags = planning.coaching_flags(coached, sketches, today, _outreach(session, ids, today))
    return QualificationView(
        people,
        tuple(
            Qualification(
                id=o.id,
                title=o.title,
                value=o.value,
                probability=o.probability,
                stage=o.stage,
                target_date=o.target_date,
                answers=tuple(
                    answers[o.id].get(key, AnswerRow(key, Answer.UNKNOWN, "", None))
                    for key in planning.QUESTION_KEYS
                ),
                participant_ids=tuple(participants[o.id]),
                flags=tuple(planning.flags_for(sketch, coached, flags)),
                planned_activities=planned.get(o.id, 0),
            )
            for o, sketch in zip(opps, sketches, strict=True)
        ),
        tuple(flags),
    )


def _outreach(session: Session, opportunity_ids: list[int], today: date) -> list[planning.Outreach]:
    """The done activities of these opportunities in the coverage window, with the people they reached."""
    start, end = planning.coverage_window(today)
    a = m.Activity
    done = session.execute(
        sa.select(a.id, a.date, a.opportunity_id).where(
            a.opportunity_id.in_(opportunity_ids),
            a.status == ActivityStatus.DONE,
            a.date >= start,
            a.date <= end,
        )
    ).all()
    reached: dict[int, list[int]] = defaultdict(list)
    for activity_id, person_id in session.execute(
        sa.select(m.ActivityStakeholder.activity_id, m.ActivityStakeholder.stakeholder_id).where(
            m.ActivityStakeholder.activity_id.in_([row.id for row in done])
        )
    ):
        reached[activity_id].append(person_id)
    return [planning.Outreach(row.date, row.opportunity_id, tuple(reached[row.id])) for row in done]


# Writes
def _opportunity(session: Session, opportunity_id: int) -> m.Opportunity:
    found = session.get(m.Opportunity, opportunity_id)
    if found is None:
        raise NotFoundError("that opportunity is no longer in the plan")
    return found


def _answer_row(session: Session, opportunity_id: int, question: str) -> m.QualificationAnswer:
    if question not in planning.QUESTION_KEYS:
        raise KamplanError(f"there is no question {question!r}; the questions are q1 to q10")
    _opportunity(session, opportunity_id)
    row = session.get(m.QualificationAnswer, (opportunity_id, question))
    if row is None:
        row = m.QualificationAnswer(opportunity_id=opportunity_id, question=question)
        session.add(row)
    return row


def answer_of(session: Session, opportunity_id: int, question: str) -> Answer:
    row = session.get(m.QualificationAnswer, (opportunity_id, question))
    return Answer.UNKNOWN if row is None else Answer(row.answer)


def set_answer(session: Session, opportunity_id: int, question: str, answer: Answer, today: date) -> None:
    """Answer a question; the day is kept when the answer changes (evidence alone does not move it)."""
    row = _answer_row(session, opportunity_id, question)
    answer = Answer(answer)
    if row.answer != answer:  # a row not there yet holds "unknown"
        row.changed_on = today
    row.answer = answer


def set_evidence(session: Session, opportunity_id: int, question: str, evidence: str) -> None:
    _answer_row(session, opportunity_id, question).evidence = evidence


def add_participants(session: Session, opportunity_id: int, person_ids: list[int]) -> list[int]:
    """Add people of the opportunity's account to its decision, after the ones there; returns who was
    added (someone there already is not added twice)."""
    opportunity = _opportunity(session, opportunity_id)
    there = dict(
        session.execute(
            sa.select(m.Participant.stakeholder_id, m.Participant.position).where(
                m.Participant.opportunity_id == opportunity_id
            )
        ).all()
    )
    position = max(there.values(), default=-1) + 1
    added = []
    for person_id in dict.fromkeys(person_ids):
        person = session.get(m.Stakeholder, person_id)
        if person is None or person.account_id != opportunity.account_id:
            raise NotFoundError("that person is not at this account")
        if person_id in there:
            continue
        session.add(m.Participant(opportunity_id=opportunity_id, stakeholder_id=person_id, position=position))
        position += 1
        added.append(person_id)
    return added


def remove_participant(session: Session, opportunity_id: int, person_id: int) -> None:
    row = session.get(m.Participant, (opportunity_id, person_id))
    if row is None:
        raise NotFoundError("that person no longer takes part in this decision")
    session.delete(row)


def set_ratings(session: Session, ratings: dict[int, tuple[int | None, int | None]]) -> None:
    """Several people's influence and support at once (a what-if kept)."""
    from kamplan.store.people import set_rating

    for person_id, (influence, support) in ratings.items():
        set_rating(session, person_id, influence, support)


def qualify_out(session: Session, opportunity_id: int, reason: str, cancel_planned: bool) -> int:
    """Close the opportunity as qualified out with its reason; with `cancel_planned`, its planned activity
    is cancelled in the same step. Returns how many activities were cancelled."""
    opportunity = _opportunity(session, opportunity_id)
    if not reason.strip():
        raise KamplanError("say why: the reason is what the next review reads")
    opportunity.status = OpportunityStatus.QUALIFIED_OUT
    opportunity.status_reason = reason.strip()
    if not cancel_planned:
        return 0
    activity = m.Activity.__table__
    result = session.connection().execute(
        activity.update()
        .where(activity.c.opportunity_id == opportunity_id, activity.c.status == ActivityStatus.PLANNED)
        .values(status=ActivityStatus.CANCELLED)
    )
    return int(result.rowcount or 0)
