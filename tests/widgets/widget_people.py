"""People for the widget tests: the demo account's sixteen, and sixty made up (the most an account holds)."""

import random
from typing import NamedTuple

from kamplan.planning import grid_category
from kamplan.widgets.decision_grid import GridPerson
from kamplan.widgets.org_chart import OrgPerson


class Person(NamedTuple):
    id: int
    name: str
    title: str
    reports_to: int | None
    influence: int | None
    support: int | None
    confirmed: bool
    owner: str | None
    listens_to: tuple[str, ...]

    def on_grid(self) -> GridPerson:
        return GridPerson(self.id, self.name, self.influence, self.support, self.confirmed, self.owner)

    def in_chart(self) -> OrgPerson:
        category = grid_category(self.influence, self.support)
        return OrgPerson(
            self.id, self.name, self.title, self.reports_to, category, self.owner, self.listens_to
        )


DEMO = [
    Person(1, "Annelies Verbruggen", "Chief Executive Officer", None, 5, 0, False, "Henrike Solberg",
           ("Joost Hermsen",)),
    Person(2, "Pieter Dekkers", "Chief Financial Officer", 1, 5, -1, True, "Martin Aebischer",
           ("Margit Holmqvist",)),
    Person(3, "Rafael Ibarra Lind", "Chief Operating Officer", 1, 5, -2, True, "Henrike Solberg",
           ("Lars Overbeek", "Ruben Claes")),
    Person(4, "Margit Holmqvist", "Chief Commercial Officer", 1, 4, 0, False, None, ("Pieter Dekkers",)),
    Person(5, "Femke Jansma", "Chief Sustainability Officer", 1, 4, 1, True, "Ines Carvalho",
           ("Elif Aydın",)),
    Person(6, "Koen Vandersteen", "Procurement Director", 2, 4, -1, True, "Sanne Willemsen",
           ("Rafael Ibarra Lind",)),
    Person(7, "Joost Hermsen", "Plant Director Ready Meals, Zwolle", 3, 4, 2, True, "Sanne Willemsen",
           ("Bram de Wit",)),
    Person(8, "Elif Aydın", "Head of Packaging Development", 3, 4, 1, True, "Ines Carvalho",
           ("Femke Jansma",)),
    Person(9, "Bram de Wit", "Director Quality & Food Safety", 3, 3, 1, True, "Tomasz Król", ()),
    Person(10, "Chiara Lombardi", "Category Director Dairy & Desserts", 4, 3, 0, False, "Sanne Willemsen",
           ("Bram de Wit",)),
    Person(11, "Ruben Claes", "Senior Buyer Packaging", 6, 2, -1, True, "Sanne Willemsen", ()),
    Person(12, "Nadia El Idrissi", "Production Manager Line 3", 7, 2, 2, True, "Tomasz Król", ()),
    Person(13, "Wouter Smit", "Maintenance & Engineering Manager", 7, 2, 1, True, "Tomasz Król", ()),
    Person(14, "Lars Overbeek", "Packaging Technologist", 8, 2, -1, True, None, ()),
    Person(15, "Julia Brandt", "Sustainability Analyst", 5, None, None, False, "Ines Carvalho", ()),
    Person(16, "Sem Postma", "Brand Manager Desserts", 10, 3, None, False, "Sanne Willemsen", ()),
]

FIRST = ["Anna", "Bas", "Carmen", "Dirk", "Eva", "Frederik", "Greet", "Hugo", "Ilse", "Jan", "Katarzyna",
         "Luuk", "Marieke", "Noor", "Olivier", "Petra", "Quinten", "Roos", "Stijn", "Tamara"]
LAST = ["van den Berg", "Bakker", "Visser", "de Vries", "Janssens", "Mertens", "Vandenbroucke",
        "Oosterhuis-Kamphuis", "Peeters", "Smits", "Willems", "Dubois", "Lambrecht", "Maes"]
TEAM = ["Henrike Solberg", "Martin Aebischer", "Ines Carvalho", None]


def sixty(seed: int = 60) -> list[Person]:
    """Sixty people, the same every time: five unrated, the rest spread over the grid, most crowded
    in the middle; a quarter of the ratings assumed."""
    rng = random.Random(seed)
    people = []
    for number in range(1, 61):
        name = f"{FIRST[number % len(FIRST)]} {LAST[(number * 5 + number // 14) % len(LAST)]}"
        if number <= 5:
            influence, support = (None, None) if number % 2 else (rng.randint(1, 5), None)
        else:
            influence = min(5, max(1, round(rng.gauss(3, 1.2))))
            support = min(2, max(-2, round(rng.gauss(0.3, 1.1))))
        reports_to = None if number == 6 else rng.randint(6, max(6, number - 1)) if number > 6 else None
        people.append(
            Person(number, name, "Manager", reports_to, influence, support, rng.random() > 0.25,
                   TEAM[number % len(TEAM)], ())
        )
    return people
