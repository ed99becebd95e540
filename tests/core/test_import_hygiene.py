"""The core never imports the UI: models, planning, store and interchange work without Textual."""

import subprocess
import sys

CORE = ["kamplan.models", "kamplan.planning", "kamplan.store", "kamplan.interchange", "kamplan.cli"]


def test_core_packages_do_not_import_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {CORE!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(getattr(module, '__path__', []), name + '.'):\n"
        "        if '.migrations' not in info.name:\n"
        "            importlib.import_module(info.name)\n"
        "ui = ('textual', 'kamplan.screens', 'kamplan.widgets', 'kamplan.app')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith(ui[1:]))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_commands_without_a_screen_do_not_import_textual(tmp_path, migrated_template) -> None:
    db = tmp_path / "x.sqlite"
    db.write_bytes(migrated_template.read_bytes())  # `accounts` creates no database: it needs one
    code = (
        "import sys\nfrom kamplan.cli import main\n"
        f"assert main(['--db', {str(db)!r}, 'accounts']) == 0\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
