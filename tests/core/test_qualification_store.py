"""The Qualification section's store: answers with the day they changed and their evidence, the people in
a decision, ratings kept from a what-if, qualifying out; each a step `u` takes back. And the header and
the portfolio (sqlite3) see the same forecasts and flags as the section (SQLAlchemy)."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from kamplan import planning
from kamplan.enums import ActivityStatus, Answer, OpportunityStatus
from kamplan.errors import FieldProblems, KamplanError
from kamplan.store.qualification import Qualification
from kamplan.store.service import Store

TODAY = date(2026, 3, 4)


@pytest.fixture
def store(demo_engine: Engine) -> Store:
    assert demo_engine.url.database
    return Store(Path(demo_engine.url.database), demo_engine)


def _renewal(store: Store) -> Qualification:
    return store.qualification(1, TODAY).opportunities[0]


def test_the_section_reads_the_open_opportunities_with_their_answers(store: Store) -> None:
    view = store.qualification(1, TODAY)
    assert [o.title[:12] for o in view.opportunities] == ["Renew ready-", "Lidding film", "Recyclable m"]
    renewal = view.opportunities[0]
    assert renewal.score == 75
    assert [a.question for a in renewal.answers] == list(planning.QUESTION_KEYS)
    assert renewal.answers[5].evidence.startswith("The plant prefers us")
    assert renewal.answers[5].changed == date(2026, 3, 2)
    assert len(view.voters(renewal)) == 8 and len(view.people) == 16
    assert renewal.planned_activities > 0


def test_an_answer_keeps_the_day_it_changed_and_undo_takes_it_back(store: Store) -> None:
    renewal = _renewal(store)
    store.set_answer(renewal.id, "q1", Answer.NO, date(2026, 3, 5))
    after = _renewal(store)
    assert (after.answers[0].answer, after.answers[0].changed) == (Answer.NO, date(2026, 3, 5))
    assert after.answers[0].evidence == renewal.answers[0].evidence  # the evidence stays
    assert after.score == 65
    assert store.undo() == "Q1 'yes' → 'no' for 'Renew ready-meals barrier film supply 2…'"
    assert _renewal(store).answers[0] == renewal.answers[0]
    # The same answer again changes nothing, not even the day.
    store.set_answer(renewal.id, "q1", Answer.YES, date(2026, 3, 9))
    assert _renewal(store).answers[0].changed == renewal.answers[0].changed


def test_a_first_answer_to_a_question_never_answered(store: Store) -> None:
    account = store.create_account("Fresh")

    def add(session):  # type: ignore[no-untyped-def]
        from kamplan import models as m

        opportunity = m.Opportunity(account_id=account, title="New line")
        session.add(opportunity)
        session.flush()
        return opportunity.id

    opportunity_id = store.write(add, "new opportunity")
    view = store.qualification(account, TODAY)
    assert {a.answer for a in view.opportunities[0].answers} == {Answer.UNKNOWN}
    store.set_answer(opportunity_id, "q4", Answer.UNKNOWN, TODAY)
    assert store.qualification(account, TODAY).opportunities[0].answers[3].changed is None
    store.set_answer(opportunity_id, "q4", Answer.PARTLY, TODAY)
    assert store.qualification(account, TODAY).opportunities[0].answers[3].changed == TODAY
    with pytest.raises(KamplanError):
        store.set_answer(opportunity_id, "q11", Answer.YES, TODAY)


def test_evidence_is_text_by_the_plan_rules(store: Store) -> None:
    renewal = _renewal(store)
    store.set_evidence(renewal.id, "q7", "  Met the CCO on Monday.\nShe listens.  ")
    assert _renewal(store).answers[6].evidence == "Met the CCO on Monday.\nShe listens."
    assert _renewal(store).answers[6].changed == renewal.answers[6].changed  # evidence alone moves no day
    with pytest.raises(FieldProblems) as refused:
        store.set_evidence(renewal.id, "q7", "bell \x07")
    assert "evidence" in refused.value.fields
    assert store.undo().startswith("Q7 evidence for ")


def test_people_join_and_leave_a_decision(store: Store) -> None:
    renewal = _renewal(store)
    named = list(renewal.participant_ids)
    assert store.add_participants(renewal.id, [4, named[0], 10]) == [
        4,
        10,
    ]  # someone there is not added again
    assert list(_renewal(store).participant_ids) == [*named, 4, 10]
    store.remove_participant(renewal.id, named[0])
    assert list(_renewal(store).participant_ids) == [*named[1:], 4, 10]
    store.undo()
    store.undo()
    assert list(_renewal(store).participant_ids) == named
    other = store.create_account("Elsewhere")
    assert other != 1
    with pytest.raises(KamplanError):
        store.add_participants(renewal.id, [999])


def test_a_kept_what_if_is_one_step(store: Store) -> None:
    before = {p.id: (p.influence, p.support) for p in store.qualification(1, TODAY).people}
    store.set_ratings({1: (5, 1), 2: (4, -1)})
    people = {p.id: (p.influence, p.support) for p in store.qualification(1, TODAY).people}
    assert people[1] == (5, 1) and people[2] == (4, -1)
    label = store.undo()
    assert label == (
        "what-if kept: 'Annelies Verbruggen' 5, neutral → 5, supportive;"
        " 'Pieter Dekkers' 5, sceptical → 4, sceptical"
    )
    assert {p.id: (p.influence, p.support) for p in store.qualification(1, TODAY).people} == before


def test_qualifying_out_frees_the_value_and_the_planned_activity(store: Store) -> None:
    lidding = store.qualification(1, TODAY).opportunities[1]
    before = store.checks(TODAY)[1]
    assert before.qualified_out == 1 and before.freed_activities == 0
    with pytest.raises(FieldProblems):
        store.qualify_out(lidding.id, "   ", cancel_planned=True)
    cancelled = store.qualify_out(lidding.id, "No budget before 2027.", cancel_planned=True)
    assert cancelled == lidding.planned_activities > 0
    assert [o.id for o in store.qualification(1, TODAY).opportunities] == [
        o.id for o in store.qualification(1, TODAY).opportunities if o.id != lidding.id
    ]
    row = next(o for o in store.opportunities(1) if o.id == lidding.id)
    assert (row.status, row.status_reason) == (OpportunityStatus.QUALIFIED_OUT, "No budget before 2027.")
    after = store.checks(TODAY)[1]
    assert after.qualified_out == 2
    assert after.qualified_out_value == before.qualified_out_value + (lidding.value or 0)
    # Freed: its activity that will not be done now, the planned ones just cancelled and any cancelled before.
    assert after.freed_activities >= cancelled
    assert all(o.opportunity_id != lidding.id for o in after.optimistic)
    assert store.undo().startswith("qualify out ")
    assert store.checks(TODAY, 1) == {1: before}
    # Kept activity stays planned, and still counts as freed: it will not be done for this opportunity.
    cancelled_before = [a.id for a in store.activities(1, TODAY) if a.status == ActivityStatus.CANCELLED]
    assert store.qualify_out(lidding.id, "Not worth it.", cancel_planned=False) == 0
    assert [
        a.id for a in store.activities(1, TODAY) if a.status == ActivityStatus.CANCELLED
    ] == cancelled_before
    assert store.checks(TODAY)[1].freed_activities == after.freed_activities


def test_the_header_and_the_section_agree(store: Store) -> None:
    """The sqlite3 summary (header, portfolio) and the SQLAlchemy view (the section) reach the same
    forecasts and the same number of coaching flags."""
    for change in (
        lambda: None,
        lambda: store.set_ratings({1: (5, 2)}),
        lambda: store.add_participants(2, [2]),
    ):
        change()
        summary = store.checks(TODAY)[1]
        assert store.checks(TODAY, 1) == {1: summary}
        rows = [o for o in store.opportunities(1) if o.optimism]
        assert [(o.opportunity_id, o.reason) for o in summary.optimistic] == [
            (o.id, o.optimism) for o in rows
        ]
        view = store.qualification(1, TODAY)
        flags = {f for o in view.opportunities for f in o.flags}
        assert summary.coaching_flags >= len(flags) > 0
        assert summary.coaching_flags == len(view.flags)
