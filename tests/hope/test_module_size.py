"""Issue 11: no module outside tests, migrations and demo content over about 400 lines, and the
old module paths kept after a split re-export only (no logic of their own)."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
FACADES = {
    "bookings.services.requests": "bookings/services/requests.py",
    "bookings.reports.requests": "bookings/reports/requests.py",
    "cms.models.pages": "cms/models/pages.py",
    "bookings.admin_views.requests": "bookings/admin_views/requests.py",
    "bookings.forms": "bookings/forms.py",
}


def _is_demo_content(relative: Path) -> bool:
    return any(part.startswith("demo") for part in relative.parts)


def _project_modules():
    skip = {".venv", "tests", "migrations", "node_modules", ".git", "var", "staticfiles"}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if skip.intersection(relative.parts) or _is_demo_content(relative):
            continue
        yield relative


def test_no_module_over_about_400_lines():
    too_long = {
        str(relative): len((ROOT / relative).read_text().splitlines())
        for relative in _project_modules()
    }
    too_long = {name: lines for name, lines in too_long.items() if lines > MAX_LINES}
    assert too_long == {}


@pytest.mark.parametrize("module_name", sorted(FACADES))
def test_old_module_paths_only_re_export(module_name):
    tree = ast.parse((ROOT / FACADES[module_name]).read_text())
    own = [
        node
        for node in tree.body
        if not isinstance(node, ast.Import | ast.ImportFrom)
        and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
    ]
    assert own == []
    importlib.import_module(module_name)  # and the names it re-exports still exist
