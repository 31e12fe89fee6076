"""The outcome KPI on hand-built situations (regie.participatie): shares per measuring moment."""

from datetime import date

import pytest

from regie.participatie.models import Activiteit, Situatie, Soort, Uitkering, Werk
from regie.rapportage.kpi import uitkomsten

pytestmark = pytest.mark.django_db


def _situatie(inburgeraar, moment, werk=Werk.GEEN, opleiding=False, **velden):
    return Situatie.objects.create(
        inburgeraar=inburgeraar,
        moment=moment,
        gemeten_op=date(2026, 3, 1),
        werk=werk,
        opleiding=opleiding,
        uitkering=Uitkering.VOLLEDIG,
        zelfredzaamheid=3,
        **velden,
    )


def test_werk_opleiding_en_meedoen_per_meetmoment(f, maak, dordrecht, zwijndrecht):
    # 12 months in Dordrecht: 5 measured; work 2 (part-time, full-time), education 1, participating 1.
    dossiers = [maak.dossier(dordrecht) for _ in range(5)]
    _situatie(dossiers[0], "12_maanden", Werk.DEELTIJD)
    _situatie(dossiers[1], "12_maanden", Werk.VOLTIJD)
    _situatie(dossiers[2], "12_maanden", opleiding=True)
    _situatie(dossiers[3], "12_maanden")
    _situatie(dossiers[4], "12_maanden")
    Activiteit.objects.create(
        inburgeraar=dossiers[3], soort=Soort.VRIJWILLIGERSWERK, startdatum=date(2026, 1, 1)
    )
    # A replaced measurement does not count.
    _situatie(maak.dossier(dordrecht), "12_maanden", Werk.VOLTIJD, actueel=False)
    # 24 months in Zwijndrecht: 1 measured, with work.
    _situatie(maak.dossier(zwijndrecht), "24_maanden", Werk.VOLTIJD)
    rijen = {r.label: [(c.teller, c.noemer) for c in r.cellen] for r in uitkomsten(f)}
    assert rijen["Betaald werk na 12 maanden"] == [(2, 5), (0, 0)]
    assert rijen["Opleiding na 12 maanden"] == [(1, 5), (0, 0)]
    assert rijen["Meedoen (participatie) na 12 maanden"] == [(1, 5), (0, 0)]
    assert rijen["Betaald werk na 24 maanden"] == [(0, 0), (1, 1)]
    assert rijen["Betaald werk na 36 maanden"] == [(0, 0), (0, 0)]


def test_raadsrapportage_toont_budget_en_besteding(client, beleid_drechtsteden, dordrecht):
    from django.urls import reverse

    from regie.financien.models import Budget
    from regie.rapportage import services

    Budget.objects.create(gemeente=dordrecht, jaar=2025, categorie="b1_route", bedrag=123_456_00)
    Budget.objects.create(gemeente=dordrecht, jaar=2025, categorie="pvt", bedrag=10_000_00)
    rapport = services.raadsrapportage_aanmaken(
        door=beleid_drechtsteden, gemeente=dordrecht, jaar=2025, soort="jaar"
    )
    client.force_login(beleid_drechtsteden)
    inhoud = client.get(reverse("rapportage:raadsrapportage", args=[rapport.uuid])).content.decode()
    assert "Budget en besteding per onderdeel, 2025" in inhoud
    assert "€\u00a0123.456" in inhoud and "€\u00a0133.456" in inhoud  # B1-route and the grant's total
    assert "Betaald werk na 12 maanden" in inhoud


def test_euro():
    from regie.rapportage.geld import euro

    assert euro(None) == "–"
    assert euro(0) == "€\u00a00"
    assert euro(1_234_567_89) == "€\u00a01.234.568"
