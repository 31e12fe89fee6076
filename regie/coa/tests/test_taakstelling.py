"""Taakstelling huisvesting: the target per municipality and half year against the cases linked
(datum_koppeling_coa) and housed (datum_huisvesting) in that half year."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from regie.accounts.models import Rol
from regie.coa.models import Taakstelling
from regie.coa.selectors import halfjaar_periode, taakstelling_overzicht
from regie.coa.services import taakstelling_vastleggen
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.organisaties.models import Gemeente


def test_halfjaren():
    assert halfjaar_periode(2021, 1) == (date(2021, 1, 1), date(2021, 6, 30))
    assert halfjaar_periode(2021, 2) == (date(2021, 7, 1), date(2021, 12, 31))


@pytest.mark.django_db
def test_dronten_2021_taakstelling_tegen_gekoppeld_en_gehuisvest(dronten, teamleider, dordrecht):
    # Seed (raadsvoorstel Dronten): 26 in the second half of 2021, 58 in the whole year.
    taakstelling_vastleggen(door=teamleider, gemeente=dronten, jaar=2021, halfjaar=1, aantal=32)
    taakstelling_vastleggen(door=teamleider, gemeente=dronten, jaar=2021, halfjaar=2, aantal=26)
    for koppeling, huisvesting in [
        (date(2021, 2, 1), date(2021, 5, 1)),
        (date(2021, 6, 30), date(2021, 7, 1)),
        (date(2021, 8, 1), date(2021, 12, 31)),
        (date(2021, 9, 1), None),
        (date(2020, 12, 31), date(2021, 1, 1)),
        (date(2022, 1, 1), date(2022, 2, 1)),
    ]:
        InburgeraarFactory(gemeente=dronten, datum_koppeling_coa=koppeling, datum_huisvesting=huisvesting)
    InburgeraarFactory(
        gemeente=dordrecht, datum_koppeling_coa=date(2021, 2, 1), datum_huisvesting=date(2021, 3, 1)
    )

    eerste, tweede = taakstelling_overzicht(teamleider, 2021)  # one municipality: no total row
    assert (eerste.taakstelling, eerste.gekoppeld, eerste.gehuisvest) == (32, 2, 2)
    assert (eerste.resterend, eerste.realisatie) == (30, 6)
    assert (tweede.taakstelling, tweede.gekoppeld, tweede.gehuisvest) == (26, 2, 2)
    assert (tweede.resterend, tweede.realisatie) == (24, 8)
    assert eerste.taakstelling + tweede.taakstelling == 58


@pytest.mark.django_db
def test_drechtsteden_toont_vier_gemeenten_apart_en_een_totaal(dordrecht):
    teamleider = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.TEAMLEIDER)
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    taakstelling_vastleggen(door=teamleider, gemeente=dordrecht, jaar=2026, halfjaar=1, aantal=120)
    taakstelling_vastleggen(door=teamleider, gemeente=zwijndrecht, jaar=2026, halfjaar=1, aantal=45)
    InburgeraarFactory(
        gemeente=zwijndrecht, datum_koppeling_coa=date(2026, 3, 1), datum_huisvesting=date(2026, 4, 1)
    )
    regels = [r for r in taakstelling_overzicht(teamleider, 2026) if r.halfjaar == 1]
    assert [r.gemeente.naam if r.gemeente else "Totaal" for r in regels] == [
        "Dordrecht",
        "Hendrik-Ido-Ambacht",
        "Papendrecht",
        "Zwijndrecht",
        "Totaal",
    ]
    assert regels[1].taakstelling is None and regels[1].realisatie is None
    assert (regels[3].gehuisvest, regels[3].realisatie) == (1, 2)
    assert (regels[-1].taakstelling, regels[-1].gehuisvest) == (165, 1)


@pytest.mark.django_db
def test_vastleggen_vervangt_en_weigert_gemeente_van_een_ander(dronten, dordrecht, teamleider, consulent):
    taakstelling_vastleggen(door=teamleider, gemeente=dronten, jaar=2026, halfjaar=2, aantal=30)
    taakstelling_vastleggen(
        door=teamleider, gemeente=dronten, jaar=2026, halfjaar=2, aantal=31, toelichting="Brief"
    )
    assert list(Taakstelling.objects.values_list("aantal", "toelichting")) == [(31, "Brief")]
    with pytest.raises(ValidationError, match="eigen organisatie"):
        taakstelling_vastleggen(door=teamleider, gemeente=dordrecht, jaar=2026, halfjaar=2, aantal=5)
    with pytest.raises(ValidationError, match="niet vastleggen"):
        taakstelling_vastleggen(door=consulent, gemeente=dronten, jaar=2026, halfjaar=2, aantal=5)
    assert Taakstelling.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rol", "status"),
    [
        (Rol.TEAMLEIDER, 200),
        (Rol.FUNCTIONEEL_BEHEERDER, 200),
        (Rol.CONSULENT, 403),
        (Rol.BELEIDSMEDEWERKER, 403),
        (Rol.PRIVACY_OFFICER, 403),
    ],
)
def test_pagina_per_rol(client, dronten, rol, status):
    client.force_login(UserFactory(organisatie=dronten.organisatie, rol=rol))
    antwoord = client.get(reverse("coa:taakstelling"), {"jaar": "2026"})
    assert antwoord.status_code == status
    if status == 200:
        assert "Taakstelling huisvesting 2026" in antwoord.content.decode()


@pytest.mark.django_db
def test_formulier_op_de_pagina(client, dronten, dordrecht, teamleider):
    client.force_login(teamleider)
    adres = reverse("coa:taakstelling")
    fout = client.post(adres, {"gemeente": dordrecht.pk, "jaar": "twintig", "halfjaar": "3", "aantal": "-1"})
    tekst = fout.content.decode()
    assert "Er is nog niets opgeslagen." in tekst
    for melding in (
        "Kies een gemeente uit de lijst.",
        "Vul een jaartal in",
        "Kies het eerste of tweede halfjaar.",
        "negatief",
    ):
        assert melding in tekst
    assert not Taakstelling.objects.exists()
    goed = client.post(
        adres, {"gemeente": dronten.pk, "jaar": "2026", "halfjaar": "1", "aantal": "35"}, follow=True
    )
    assert "De taakstelling van Dronten voor het eerste halfjaar van 2026 is 35." in goed.content.decode()
    assert ">35<" in goed.content.decode()
