"""The vocabulary the generator writes with: names, titles and plausible sentences, chosen by a seeded rng."""

from random import Random

COMPANY_STEMS = [
    "Aldermoor", "Brightwater", "Calderon", "Dunmore", "Eastgate", "Fairholm", "Glenrock", "Harrowgate",
    "Ironbridge", "Juniper", "Kestrel", "Larkspur", "Marlowe", "Northwind", "Oakhurst", "Pellham",
    "Quarrystone", "Ravensworth", "Silverdale", "Thornbury", "Umberfield", "Valemont", "Westbrook",
    "Yarrow", "Zephyr", "Ashcombe", "Birchfield", "Copperleaf", "Driftwood", "Emberton",
]  # fmt: skip
COMPANY_KINDS = [
    ("Foods", "Food manufacturing"), ("Logistics", "Freight and logistics"), ("Pharma", "Pharmaceuticals"),
    ("Retail", "Grocery retail"), ("Energy", "Utilities"), ("Motors", "Automotive parts"),
    ("Chemicals", "Speciality chemicals"), ("Textiles", "Technical textiles"), ("Health", "Hospitals"),
    ("Telecom", "Telecommunications"), ("Brewing", "Beverages"), ("Steel", "Metals"),
    ("Paper", "Paper and packaging"), ("Labs", "Diagnostics"), ("Aero", "Aerospace components"),
]  # fmt: skip
COMPANY_FORMS = ["Group", "AG", "GmbH", "B.V.", "plc", "S.A.", "Ltd", "Holding", "AB", "Oy"]
FIRST_NAMES = [
    "Anna", "Bram", "Carla", "Dirk", "Elif", "Femke", "Georg", "Hanna", "Ivo", "Jana", "Karim", "Lotte",
    "Mateo", "Nadia", "Olaf", "Paula", "Quentin", "Rosa", "Stefan", "Tamara", "Umut", "Vera", "Wim",
    "Xenia", "Yusuf", "Zofia", "Aiko", "Bruno", "Chiara", "Dmitri", "Esra", "Finn", "Greta", "Hugo",
]  # fmt: skip
LAST_NAMES = [
    "Aalders", "Bakker", "Castell", "Dekker", "Engel", "Fischer", "Gallo", "Hendriks", "Ivanova", "Jansen",
    "Kowalski", "Lindqvist", "Moreau", "Nowak", "Olsen", "Peeters", "Quist", "Rossi", "Schmidt", "Tanaka",
    "Unger", "Visser", "Weber", "Yilmaz", "Zimmer", "Alvarez", "Brandt", "Costa", "Duval", "Eriksen",
]  # fmt: skip
DEPARTMENTS = [
    "Executive Board", "Finance", "Procurement", "Operations", "Quality", "Engineering", "IT", "Marketing",
    "Supply Chain", "Legal", "R&D", "Sales", "HR", "Plant Zwolle", "Plant Ghent",
]  # fmt: skip
TITLES = [
    "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Head of Procurement",
    "Category Buyer", "Plant Director", "Quality Manager", "Engineering Lead", "IT Architect",
    "Supply Chain Planner", "Marketing Director", "Project Manager", "Controller", "Line Supervisor",
    "Sustainability Officer", "Legal Counsel", "Operations Analyst", "R&D Scientist",
]  # fmt: skip
TEAM_FUNCTIONS = ["sales", "service", "finance", "product", "executive", "engineering", "logistics"]
OFFERINGS = [
    "Barrier film and lidding", "Recyclable trays", "On-site line service", "Consignment stock",
    "Print and design", "Training", "Data and OEE reporting", "Custom closures",
]  # fmt: skip
UNITS = ["Ready Meals", "Desserts", "Bakery", "Dairy", "Export", "Private Label", "Foodservice"]
COMPETITORS = [
    "Vireo Packaging", "Lumenfold", "Castor Films", "Norpak Industries", "Ardent Polymers", "Briggs & Sohn",
    "Tessaline", "Orbis Containers", "Helix Materials", "Quill Flexibles",
]  # fmt: skip
STAGES = ["prospecting", "discovery", "proposal", "negotiation", "contracting", "closed"]

SUBJECTS = [
    "the plant team", "procurement", "the new COO", "finance", "the quality lead", "the board", "operations",
    "the CFO", "the line supervisors", "our service engineers", "their sustainability office", "the buyers",
]  # fmt: skip
VERBS = [
    "wants to cut", "is reviewing", "keeps asking about", "has doubts about", "is keen to test",
    "plans to renegotiate", "is measured on", "worries about", "asked us to quantify", "is consolidating",
]  # fmt: skip
OBJECTS = [
    "packaging cost per unit", "scrap on line 3", "the recyclable tray trial", "payment terms",
    "the supply contract", "night-shift downtime", "resin price indexation", "the 2027 relaunch",
    "supplier consolidation", "consignment stock", "the EU packaging rules", "OEE reporting",
]  # fmt: skip
OBJECTIVES = [
    "Review {o} with {s}", "Agree next steps on {o}", "Present the business case for {o}",
    "Check how {s} sees {o}", "Walk the line with {s} to look at {o}", "Prepare the proposal on {o}",
    "Ask {s} for an introduction about {o}", "Align internally on {o}",
]  # fmt: skip


def sentence(rng: Random) -> str:
    return f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def paragraph(rng: Random, low: int = 2, high: int = 5) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def objective(rng: Random) -> str:
    return rng.choice(OBJECTIVES).format(o=rng.choice(OBJECTS), s=rng.choice(SUBJECTS))


def person_name(rng: Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def company_names(rng: Random, count: int) -> list[tuple[str, str]]:
    """`count` distinct (name, industry) pairs, each name short enough for the portfolio's name column."""
    combos = [(stem, kind) for stem in COMPANY_STEMS for kind in COMPANY_KINDS]
    chosen = rng.sample(combos, count)
    return [(f"{stem} {kind[0]} {rng.choice(COMPANY_FORMS)}", kind[1]) for stem, kind in chosen]
