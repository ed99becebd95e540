"""The sales-activity plan in the store: activities done, moved and cancelled (and undone), opportunities
closed with a reason, competitors and what they threaten, targets and the funnel, and the week across
accounts."""

from datetime import date, timedelta

import pytest
from conftest import DEMO_TODAY
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from kamplan import models as m
from kamplan.enums import ActivityStatus, ActivityType, OpportunityStatus
from kamplan.errors import FieldProblems, KamplanError
from kamplan.store.service import Store

FRIDAY = DEMO_TODAY + timedelta(days=2)


@pytest.fixture
def store(demo_engine: Engine) -> Store:
    assert demo_engine.url.database
    from pathlib import Path

    return Store(Path(demo_engine.url.database), demo_engine)


def person_id(engine: Engine, name: str) -> int:
    with Session(engine) as session:
        found = session.exec(select(m.Stakeholder).where(m.Stakeholder.name == name)).one()
        assert found.id is not None
        return found.id


def last_contact(engine: Engine, name: str) -> date | None:
    with Session(engine) as session:
        return session.exec(select(m.Stakeholder).where(m.Stakeholder.name == name)).one().last_contact


def test_a_planned_call_is_done_moved_or_cancelled_and_each_is_undone(
    store: Store, demo_engine: Engine
) -> None:
    pieter = person_id(demo_engine, "Pieter Dekkers")
    before = last_contact(demo_engine, "Pieter Dekkers")
    call = store.save_activity(
        1,
        None,
        {"date": FRIDAY, "type": ActivityType.CALL, "people": [pieter], "objective": "check the budget"},
    )
    assert store.history.undo_steps[-1].label == "new call with Pieter Dekkers 6 Mar"
    item = store.activity(call)
    assert (item.status, item.people, item.objective) == (
        "planned",
        ((pieter, "Pieter Dekkers"),),
        "check the budget",
    )

    store.move_activity(call, FRIDAY + timedelta(days=7))
    assert store.history.undo_steps[-1].label == "move call with Pieter Dekkers 6 Mar → 13 Mar"
    assert store.activity(call).date == FRIDAY + timedelta(days=7)
    store.undo()
    assert store.activity(call).date == FRIDAY

    store.complete_activity(call, "budget confirmed for Q3", DEMO_TODAY)
    done = store.activity(call)
    assert (done.status, done.outcome, done.date) == ("done", "budget confirmed for Q3", DEMO_TODAY)
    assert last_contact(demo_engine, "Pieter Dekkers") == DEMO_TODAY
    assert store.undo() == "done: call with Pieter Dekkers 6 Mar"
    assert store.activity(call).status == "planned"
    assert last_contact(demo_engine, "Pieter Dekkers") == before

    store.cancel_activity(call)
    assert store.activity(call).status == "cancelled"
    with pytest.raises(KamplanError, match="only a planned activity can be moved"):
        store.move_activity(call, FRIDAY)
    with pytest.raises(KamplanError, match="only a planned activity can be cancelled"):
        store.cancel_activity(call)


def test_done_never_moves_a_last_contact_back(store: Store, demo_engine: Engine) -> None:
    joost = person_id(demo_engine, "Joost Hermsen")  # last contact 3 Mar
    old = store.save_activity(
        1, None, {"date": date(2026, 2, 1), "type": ActivityType.CALL, "people": [joost]}
    )
    store.complete_activity(old, "", date(2026, 2, 1))
    assert last_contact(demo_engine, "Joost Hermsen") == date(2026, 3, 3)
    # Saved as done through the full form counts too.
    store.save_activity(1, None, {"date": DEMO_TODAY, "type": ActivityType.MEETING, "people": [joost],
                                  "status": ActivityStatus.DONE})  # fmt: skip
    assert last_contact(demo_engine, "Joost Hermsen") == DEMO_TODAY


def test_links_to_another_account_are_refused(store: Store, demo_engine: Engine) -> None:
    other = store.create_account("Other Foods")
    stranger = store.save_person(other, None, {"name": "Stranger"})
    with pytest.raises(FieldProblems) as problem:
        store.save_activity(1, None, {"date": FRIDAY, "type": ActivityType.CALL, "people": [stranger]})
    assert problem.value.fields == {"people": "must be people at this account"}
    with pytest.raises(FieldProblems, match="escape"):
        store.save_activity(1, None, {"date": FRIDAY, "type": ActivityType.CALL, "objective": "a\x1bb"})


def test_the_account_list_keeps_the_latest_overdue_and_what_is_coming(store: Store) -> None:
    for n in range(45):  # older overdue ones than the list shows
        store.save_activity(
            1, None, {"date": date(2025, 1, 1) + timedelta(days=n), "type": ActivityType.CALL}
        )
    items = store.plan_activities(1, DEMO_TODAY)
    overdue = [i for i in items if i.overdue(DEMO_TODAY)]
    assert len(overdue) == 40 and overdue[-1].date == date(2026, 2, 26)  # the latest, oldest first
    coming = [i for i in items if i.planned and not i.overdue(DEMO_TODAY)]
    assert coming[0].date == DEMO_TODAY and coming == sorted(coming, key=lambda i: i.date)
    assert items.index(coming[0]) == 40  # right after the overdue ones
    assert all(i.opportunity_number in (None, 1, 2, 3, 4) for i in items)


def test_closing_an_opportunity_asks_for_the_reason_and_keeps_it_listed(store: Store) -> None:
    items = store.plan_opportunities(1)
    assert [i.number for i in items] == [1, 2, 3, 4]
    lidding = items[1]
    with pytest.raises(FieldProblems) as problem:
        store.close_opportunity(lidding.id, OpportunityStatus.LOST, "  ")
    assert problem.value.fields == {"status_reason": "say why it was lost"}
    store.close_opportunity(lidding.id, OpportunityStatus.QUALIFIED_OUT, "No budget before 2028")
    assert store.history.undo_steps[-1].label.startswith("close 'Lidding film for the Dairy")
    closed = store.plan_opportunities(1)[1]
    assert (closed.status, closed.status_reason, closed.probability) == (
        "qualified_out",
        "No budget before 2028",
        0,
    )
    with pytest.raises(FieldProblems, match="say why it was won"):
        store.save_opportunity(1, lidding.id, {"status": OpportunityStatus.WON, "status_reason": ""})
    store.undo()
    assert store.plan_opportunities(1)[1].status == "open"


def test_an_opportunity_with_every_field(store: Store, demo_engine: Engine) -> None:
    pieter = person_id(demo_engine, "Pieter Dekkers")
    rival = store.competitors(1)[0]
    new = store.save_opportunity(
        1,
        None,
        {"title": "Shrink sleeves", "kind": "grow", "value": 250_000.0, "target_date": date(2026, 9, 1),
         "stage": "idea", "probability": 20, "status": OpportunityStatus.OPEN, "status_reason": "",
         "participants": [pieter], "competitors": [rival.id]},
    )  # fmt: skip
    item = next(i for i in store.plan_opportunities(1) if i.id == new)
    assert item.number == 5 and item.label == "#5 Shrink sleeves"
    assert item.participants == ((pieter, "Pieter Dekkers"),) and item.competitors == (
        (rival.id, rival.name),
    )
    assert (item.value, item.probability, item.kind, item.stage) == (250_000, 20, "grow", "idea")
    with pytest.raises(FieldProblems, match="title"):
        store.save_opportunity(1, new, {"title": " "})


def test_competitors_with_the_people_they_are_close_to_and_what_they_threaten(store: Store) -> None:
    opportunities = store.plan_opportunities(1)
    people = store.people(1)
    new = store.save_competitor(
        1,
        None,
        {"name": "Polyfoil", "strengths": "cheap", "weaknesses": "slow", "threat": 4, "counter": "service",
         "close_to": [people[0].id], "threatens": [opportunities[0].id, opportunities[2].id]},
    )  # fmt: skip
    found = next(c for c in store.competitors(1) if c.id == new)
    assert found.close_to == ((people[0].id, people[0].name),)
    assert [(n, s) for _, n, _, s in found.threatens] == [(1, "open"), (3, "open")]
    renewal = store.plan_opportunities(1)[0]
    assert renewal.competitors[-1] == (new, "Polyfoil")  # after the competitors it already had
    store.save_competitor(1, new, {"threatens": [opportunities[2].id]})
    assert [n for _, n, _, _ in next(c for c in store.competitors(1) if c.id == new).threatens] == [3]
    with pytest.raises(FieldProblems, match="1 \\(slight\\) to 5"):
        store.save_competitor(1, new, {"threat": 7})
    store.delete_competitor(new)
    assert new not in [c.id for c in store.competitors(1)]
    store.undo()
    assert new in [c.id for c in store.competitors(1)]


def test_targets_and_the_funnel(store: Store) -> None:
    steps = {s.type: s for s in store.funnel(1, DEMO_TODAY)}
    assert steps["call"].per_week == 6 and steps["call"].converts_to == "meeting"
    assert sum(steps["call"].weekly) > 0 and len(steps["call"].weekly) == 9
    store.save_target(1, ActivityType.CALL, 8, ActivityType.MEETING, 0.25)
    assert store.history.undo_steps[-1].label == "target for call: 8 a week, 25% → meeting"
    assert {s.type: s for s in store.funnel(1, DEMO_TODAY)}["call"].per_week == 8
    store.clear_target(1, ActivityType.EVENT)
    assert {s.type: s for s in store.funnel(1, DEMO_TODAY)}["event"].per_week is None
    with pytest.raises(FieldProblems, match="itself"):
        store.save_target(1, ActivityType.CALL, 1, ActivityType.CALL, 0.5)


def test_the_week_across_two_accounts(store: Store) -> None:
    other = store.create_account("Aardvark Dairy")
    store.save_activity(other, None, {"date": DEMO_TODAY - timedelta(days=10), "type": ActivityType.CALL})
    store.save_activity(other, None, {"date": FRIDAY, "type": ActivityType.MEETING, "objective": "tasting"})
    store.save_activity(other, None, {"date": DEMO_TODAY + timedelta(days=20), "type": ActivityType.EVENT})
    week = store.week(DEMO_TODAY)
    assert week.overdue_count == len(week.overdue) == 3  # two at Kestrelmoor, one at Aardvark
    assert [i.date for i in week.overdue] == sorted(i.date for i in week.overdue)
    assert all(DEMO_TODAY <= i.date <= date(2026, 3, 8) for i in week.this_week)
    assert all(date(2026, 3, 9) <= i.date <= date(2026, 3, 15) for i in week.next_week)
    friday = [i for i in week.this_week if i.date == FRIDAY]
    assert [i.account for i in friday] == ["Aardvark Dairy", "Kestrelmoor Foods B.V."]  # by day, then account
    assert not any(i.date == DEMO_TODAY + timedelta(days=20) for i in week.items)
    store.archive_account(other)
    assert {i.account for i in store.week(DEMO_TODAY).items} == {"Kestrelmoor Foods B.V."}
