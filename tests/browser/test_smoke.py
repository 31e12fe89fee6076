import pytest

from tests.browser.conftest import axe_ernstige_schendingen

pytestmark = pytest.mark.browser


def test_inlogpagina_toegankelijk(page, db):
    page.goto("/inloggen/")
    assert page.get_by_role("heading", name="Inloggen").is_visible()
    assert axe_ernstige_schendingen(page) == []
