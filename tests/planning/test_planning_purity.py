"""planning/ stays pure: standard library and its own modules only, so every layer can use it."""

import ast
import sys
from pathlib import Path

import kamplan.planning

PLANNING_DIR = Path(kamplan.planning.__file__).parent


def _imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_planning_imports_only_the_standard_library():
    for path in sorted(PLANNING_DIR.glob("*.py")):
        for module in _imported_modules(path.read_text()):
            allowed = (
                module.split(".")[0] in sys.stdlib_module_names
                or module.startswith("kamplan.planning")
                or module == "kamplan.enums"
            )
            assert allowed, f"{path.name} imports {module}"


def test_every_public_name_is_exported():
    for name in kamplan.planning.__all__:
        assert hasattr(kamplan.planning, name), name
