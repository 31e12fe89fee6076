"""Every KPI definition on small hand-built data: the expected numbers are counted by hand in the
comments. Cells are read raw (teller/noemer): suppression has its own tests (test_cijfers.py)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from regie.coa.models import Taakstelling
from regie.demo.factories import IntakeFactory
from regie.handhaving.models import Waarschuwing
from regie.inburgeraars.status import Status
from regie.rapportage import kpi
from regie.rapportage.cijfers import Filter
from regie.trajecten.models import VerwijzingStatus
from regie.voortgang.models import Examenpoging, Weekrapportage
from regie.voortgangsgesprekken.models import Voortgangsgesprek

pytestmark = pytest.mark.django_db


def rij(rijen, label):
    return next(r for r in rijen if r.label == label)


def getallen(r):
    return [(c.teller, c.noemer) for c in r.cellen]


def test_instroom_telt_duo_coa_en_huisvesting_in_de_periode(f, maak, dordrecht, zwijndrecht):
    # Dordrecht: 2 DUO notices in 2026 (one in 2025 does not count), 1 COA link, 1 housed.
    maak.dossier(dordrecht, datum_melding_duo=date(2026, 3, 1), datum_koppeling_coa=date(2026, 2, 1))
    maak.dossier(dordrecht, datum_melding_duo=date(2026, 5, 1), datum_huisvesting=date(2026, 6, 1))
    maak.dossier(dordrecht, datum_melding_duo=date(2025, 12, 31))
    # Zwijndrecht: 1 DUO notice.
    maak.dossier(zwijndrecht, datum_melding_duo=date(2026, 7, 1))
    rijen = kpi.instroom(f)
    assert [c.teller for c in rij(rijen, "Melding van DUO (inburgeringsplicht)").cellen] == [2, 1]
    assert [c.teller for c in rij(rijen, "Gekoppeld door COA").cellen] == [1, 0]
    assert [c.teller for c in rij(rijen, "Gehuisvest").cellen] == [1, 0]


def test_taakstelling_gehuisvest_tegen_de_halfjaren_in_de_periode(f, maak, dordrecht, zwijndrecht):
    Taakstelling.objects.create(gemeente=dordrecht, jaar=2026, halfjaar=1, aantal=10)
    Taakstelling.objects.create(gemeente=dordrecht, jaar=2026, halfjaar=2, aantal=6)
    Taakstelling.objects.create(gemeente=dordrecht, jaar=2025, halfjaar=2, aantal=99)  # outside the period
    for maand in (2, 4, 9, 11, 12):
        maak.dossier(dordrecht, datum_huisvesting=date(2026, maand, 1))
    rijen = kpi.taakstelling(f)
    # Dordrecht: 5 housed against 10 + 6 = 16 → 31.25 %; Zwijndrecht: no taakstelling recorded.
    assert getallen(rij(rijen, "Realisatie")) == [(5, 16), (0, 0)]
    assert rij(rijen, "Realisatie").cellen[0].waarde == pytest.approx(31.25)
    assert [c.teller for c in rij(rijen, "Taakstelling").cellen] == [16, 0]
    # Only the first half year lies wholly in January-June.
    eerste = kpi.taakstelling(f.met_periode(date(2026, 1, 1), date(2026, 6, 30)))
    assert getallen(rij(eerste, "Realisatie"))[0] == (2, 10)
    assert rij(eerste, "Realisatie").cellen[0].tekst == "<5"


def test_caseload_actieve_dossiers_per_consulent(f, maak, dordrecht, zwijndrecht):
    from regie.demo.factories import UserFactory

    tweede = UserFactory(username="consulent.twee", organisatie=dordrecht.organisatie)
    # Dordrecht: 3 active with the first consultant, 1 with the second, 1 active without, 1 ended (not counted).
    for _ in range(3):
        maak.dossier(dordrecht, consulent=maak.consulent, status=Status.IN_UITVOERING)
    maak.dossier(dordrecht, consulent=tweede, status=Status.AANGEMELD)
    maak.dossier(dordrecht, status=Status.BREDE_INTAKE)
    maak.dossier(dordrecht, consulent=tweede, status=Status.AFGEROND)
    rijen = kpi.caseload(f)
    # 4 cases with a consultant over 2 consultants = 2.0 per consultant.
    assert getallen(rij(rijen, "Actieve dossiers per consulent"))[0] == (4, 2)
    assert [c.teller for c in rij(rijen, "Actieve dossiers zonder consulent").cellen] == [1, 0]


def test_doorlooptijd_intake_gemiddelde_en_binnen_drie_maanden(f, maak, dordrecht):
    # Start 5 January; intakes completed after 30, 91 and 120 days: 2 of 3 within 91 days, mean 241/3 days.
    for dagen in (30, 91, 120):
        dossier = maak.dossier(dordrecht, datum_melding_duo=date(2026, 1, 5))
        IntakeFactory(inburgeraar=dossier, afgerond_op=date(2026, 1, 5) + timedelta(days=dagen))
    # DUO's begindatum goes before the notice: 1 March to 11 March = 10 days.
    eigen = maak.dossier(
        dordrecht, datum_melding_duo=date(2026, 2, 1), begindatum_inburgeringsplicht=date(2026, 3, 1)
    )
    IntakeFactory(inburgeraar=eigen, afgerond_op=date(2026, 3, 11))
    rijen = kpi.doorlooptijd_intake(f)
    assert getallen(rij(rijen, "Binnen 3 maanden na de start"))[0] == (3, 4)
    gemiddeld = rij(rijen, "Gemiddeld aantal dagen").cellen[0]
    assert gemiddeld.noemer == 4
    assert float(gemiddeld.teller) / gemiddeld.noemer == pytest.approx((30 + 91 + 120 + 10) / 4)


def test_pip_binnen_tien_weken(f, maak, dordrecht, zwijndrecht):
    # Notice Monday 5 January 2026: deadline 10 weeks later, Monday 16 March (Bi 5.3 lid 1).
    op_tijd = maak.dossier(dordrecht)
    assert op_tijd.pip_termijn == date(2026, 3, 16)
    maak.pip(op_tijd, date(2026, 3, 16))
    maak.pip(op_tijd, date(2026, 9, 1), versie=2)  # a later version is not the first PIP
    maak.pip(maak.dossier(dordrecht), date(2026, 3, 17))  # one day late
    maak.pip(maak.dossier(dordrecht), date(2026, 2, 1))
    maak.pip(
        maak.dossier(dordrecht, dagtekening_eerste_pip_elders=date(2025, 6, 1)), date(2026, 2, 1)
    )  # moved in
    maak.pip(maak.dossier(zwijndrecht), date(2026, 4, 1))  # late
    rijen = kpi.pip_binnen_termijn(f)
    # Dordrecht: 2 of 3 on time; Zwijndrecht: 0 of 1.
    assert getallen(rij(rijen, "PIP binnen 10 weken")) == [(2, 3), (0, 1)]


def test_pip_per_maand(f, maak, dordrecht):
    maak.pip(maak.dossier(dordrecht), date(2026, 2, 1))  # February, on time
    maak.pip(maak.dossier(dordrecht), date(2026, 3, 2))  # March, on time
    maak.pip(maak.dossier(dordrecht), date(2026, 3, 30))  # March, late
    rijen = kpi.pip_per_maand(f)
    assert len(rijen) == 12
    assert rij(rijen, "feb 2026").cellen[0].teller == 1
    assert getallen(rij(rijen, "mrt 2026"))[0] == (1, 2)
    assert getallen(rij(rijen, "jan 2026"))[0] == (0, 0)


def test_verwijzing_tot_start_gemiddeld_per_onderdeel(f, maak, dordrecht):
    # B1-route: 10 and 20 days → 15; PVT: 7 days; a referral not started does not count.
    maak.verwijzing(maak.dossier(dordrecht), verzonden_op=date(2026, 2, 1), startdatum=date(2026, 2, 11))
    maak.verwijzing(maak.dossier(dordrecht), verzonden_op=date(2026, 2, 1), startdatum=date(2026, 2, 21))
    maak.verwijzing(
        maak.dossier(dordrecht), onderdeel="pvt", verzonden_op=date(2026, 3, 1), startdatum=date(2026, 3, 8)
    )
    maak.verwijzing(maak.dossier(dordrecht), status=VerwijzingStatus.VERZONDEN)
    rijen = kpi.verwijzing_tot_start(f)
    b1 = rij(rijen, "B1-route").cellen[0]
    assert (float(b1.teller), b1.noemer) == pytest.approx((30.0, 2))
    pvt = rij(rijen, "Participatieverklaringstraject (PVT)").cellen[0]
    assert (float(pvt.teller), pvt.noemer) == pytest.approx((7.0, 1))


def test_wachtlijst_telt_wachtende_verwijzingen(f, maak, dordrecht):
    # Waiting: 2 (sent and accepted, on the list, not started). Not: started, withdrawn, not on the list.
    maak.verwijzing(maak.dossier(dordrecht), op_wachtlijst=True, status=VerwijzingStatus.VERZONDEN)
    maak.verwijzing(maak.dossier(dordrecht), op_wachtlijst=True, status=VerwijzingStatus.GEACCEPTEERD)
    maak.verwijzing(maak.dossier(dordrecht), op_wachtlijst=True, startdatum=date(2026, 3, 1))
    maak.verwijzing(maak.dossier(dordrecht), op_wachtlijst=True, status=VerwijzingStatus.INGETROKKEN)
    maak.verwijzing(maak.dossier(dordrecht), status=VerwijzingStatus.VERZONDEN)
    rijen = kpi.wachtlijst(f)
    assert [c.teller for c in rij(rijen, "B1-route").cellen] == [2, 0]


def test_routemix_gepland_tegen_gestart(f, maak, dordrecht):
    # Planned: 2 B1 (one later changed to Z-route: counts as Z), 1 onderwijsroute. Started: 1 B1-route.
    een = maak.dossier(dordrecht)
    maak.pip(een, date(2026, 2, 1), "b1")
    twee = maak.dossier(dordrecht)
    maak.pip(twee, date(2026, 2, 1), "b1")
    maak.pip(twee, date(2026, 5, 1), "z_route", versie=2)
    maak.pip(maak.dossier(dordrecht), date(2026, 3, 1), "onderwijsroute")
    maak.verwijzing(een, startdatum=date(2026, 3, 1))
    rijen = kpi.routemix(f)
    assert rij(rijen, "B1-route: gepland").cellen[0].teller == 1
    assert rij(rijen, "Z-route: gepland").cellen[0].teller == 1
    assert rij(rijen, "Onderwijsroute: gepland").cellen[0].teller == 1
    assert rij(rijen, "B1-route: gestart").cellen[0].teller == 1
    assert rij(rijen, "Z-route: gestart").cellen[0].teller == 0


def test_onderdelen_gestart_afgerond_en_knm(f, maak, dordrecht):
    a, b = maak.dossier(dordrecht), maak.dossier(dordrecht)
    maak.verwijzing(a, "pvt", startdatum=date(2026, 3, 1))
    maak.verwijzing(
        b, "pvt", startdatum=date(2025, 11, 1), status=VerwijzingStatus.AFGEROND, einddatum=date(2026, 2, 1)
    )
    maak.verwijzing(
        a, "map", startdatum=date(2026, 4, 1), status=VerwijzingStatus.AFGEROND, einddatum=date(2026, 9, 1)
    )
    route = maak.verwijzing(a, "b1_route", startdatum=date(2026, 3, 1))
    # KNM passed by one person (twice: counted once); a failed attempt of another does not count.
    Examenpoging.objects.create(verwijzing=route, datum=date(2026, 5, 1), onderdeel="knm", uitslag="behaald")
    Examenpoging.objects.create(verwijzing=route, datum=date(2026, 6, 1), onderdeel="knm", uitslag="behaald")
    Examenpoging.objects.create(
        verwijzing=maak.verwijzing(b, "b1_route"),
        datum=date(2026, 5, 1),
        onderdeel="knm",
        uitslag="niet_behaald",
    )
    rijen = kpi.onderdelen(f)
    assert rij(rijen, "PVT: gestart").cellen[0].teller == 1
    assert rij(rijen, "PVT: afgerond").cellen[0].teller == 1
    assert rij(rijen, "MAP: gestart").cellen[0].teller == 1
    assert rij(rijen, "MAP: afgerond").cellen[0].teller == 1
    assert rij(rijen, "Maatschappelijke begeleiding: gestart").cellen[0].teller == 0
    assert rij(rijen, "KNM-examen behaald").cellen[0].teller == 1


def _week(verwijzing, week, gevolgd, aangeboden, **velden):
    nul = Decimal(0)
    return Weekrapportage.objects.create(
        verwijzing=verwijzing,
        week=week,
        uren_gevolgd=gevolgd,
        uren_aangeboden=aangeboden,
        uren_afwezig_ziek=nul,
        uren_afwezig_afspraak=nul,
        uren_afwezig_ongeoorloofd=nul,
        **velden,
    )


def test_aanwezigheid_per_aanbieder_en_per_route(f, maak, dordrecht):
    zuid = maak.verwijzing(maak.dossier(dordrecht))
    noord = maak.verwijzing(maak.dossier(dordrecht), "pvt", naam="Taalschool Noord")
    _week(zuid, date(2026, 3, 2), 8, 10)
    _week(zuid, date(2026, 3, 9), 10, 10)
    _week(noord, date(2026, 3, 2), 2, 8)
    vervangen = _week(noord, date(2026, 3, 9), 0, 8, actueel=False)  # replaced by a correction: not counted
    assert not vervangen.actueel
    rijen = kpi.aanwezigheid_aanbieder(f)
    # All: (8 + 10 + 2) / (10 + 10 + 8) = 20 / 28; Zuid 18/20; Noord 2/8.
    assert getallen(rij(rijen, "Alle aanbieders"))[0] == (Decimal(20), Decimal(28))
    assert getallen(rij(rijen, "Taalschool Zuid"))[0] == (Decimal(18), Decimal(20))
    assert getallen(rij(rijen, "Taalschool Noord"))[0] == (Decimal(2), Decimal(8))
    assert rij(rijen, "Alle aanbieders").cellen[0].personen == 2
    per_route = kpi.aanwezigheid_route(f)
    assert getallen(rij(per_route, "B1-route"))[0] == (Decimal(18), Decimal(20))
    assert getallen(rij(per_route, "Participatieverklaringstraject (PVT)"))[0] == (Decimal(2), Decimal(8))


def test_examens_slagingspercentage_per_aanbieder_en_route(f, maak, dordrecht):
    zuid = maak.verwijzing(maak.dossier(dordrecht))
    noord = maak.verwijzing(maak.dossier(dordrecht), "onderwijsroute", naam="Taalschool Noord")
    for onderdeel, uitslag in (("lezen", "behaald"), ("spreken", "niet_behaald"), ("knm", "behaald")):
        Examenpoging.objects.create(
            verwijzing=zuid, datum=date(2026, 5, 1), onderdeel=onderdeel, uitslag=uitslag
        )
    Examenpoging.objects.create(
        verwijzing=noord, datum=date(2026, 5, 1), onderdeel="lezen", uitslag="niet_verschenen"
    )
    Examenpoging.objects.create(
        verwijzing=noord, datum=date(2025, 5, 1), onderdeel="lezen", uitslag="behaald"
    )  # 2025
    rijen = kpi.examens_aanbieder(f)
    # All: 2 passed of 4 attempts in 2026; Zuid 2/3; Noord 0/1 (not showing up counts as not passed).
    assert getallen(rij(rijen, "Alle aanbieders"))[0] == (2, 4)
    assert getallen(rij(rijen, "Taalschool Zuid"))[0] == (2, 3)
    assert getallen(rij(rijen, "Taalschool Noord"))[0] == (0, 1)
    per_route = kpi.examens_route(f)
    assert getallen(rij(per_route, "Onderwijsroute"))[0] == (0, 1)


def test_voortgangsgesprekken_naar_uitkomst(f, maak, dordrecht):
    dossier = maak.dossier(dordrecht)
    for uitkomst in ("op_koers", "op_koers", "bijsturen", ""):
        Voortgangsgesprek.objects.create(
            inburgeraar=dossier, gepland_op=date(2026, 4, 1), gevoerd_op=date(2026, 4, 1), uitkomst=uitkomst
        )
    Voortgangsgesprek.objects.create(inburgeraar=dossier, gepland_op=date(2026, 12, 30))  # planned, not held
    rijen = kpi.voortgangsgesprekken(f)
    assert rij(rijen, "Op koers").cellen[0].teller == 2
    assert rij(rijen, "Bijsturen").cellen[0].teller == 1
    assert rij(rijen, "Nog geen uitkomst").cellen[0].teller == 1
    assert rij(rijen, "Waarschuwing").cellen[0].teller == 0


def test_handhaving_verzonden_waarschuwingen(f, maak, dordrecht):
    dossier = maak.dossier(dordrecht)
    for status, verzonden in (
        ("verzonden", date(2026, 5, 1)),
        ("verzonden", date(2026, 6, 1)),
        ("concept", None),
    ):
        Waarschuwing.objects.create(
            inburgeraar=dossier,
            aanleiding="ongeoorloofd_afwezig",
            omschrijving="Kom naar de les.",
            datum=date(2026, 5, 1),
            status=status,
            verzonden_op=verzonden,
            door=maak.consulent,
        )
    rijen = kpi.handhaving(f)
    assert rij(rijen, "Ongeoorloofd afwezig bij de cursus").cellen[0].teller == 2


def test_filters_kern_cohort_doelgroep_leerroute(maak, dordrecht):
    from regie.organisaties.models import Kern

    kern = Kern.objects.create(gemeente=dordrecht, naam="Wielwijk")
    a = maak.dossier(dordrecht, kern=kern, doelgroep="gezinsmigrant", datum_melding_duo=date(2025, 3, 1))
    maak.pip(a, date(2026, 2, 1), "z_route")
    maak.dossier(dordrecht, datum_melding_duo=date(2026, 3, 1))
    basis = Filter((dordrecht,), date(2020, 1, 1), date(2026, 12, 31))
    tel = lambda **kw: kpi.dossiers(Filter(basis.gemeenten, basis.van, basis.tot, **kw)).count()  # noqa: E731
    assert tel() == 2
    assert tel(kern=kern) == 1
    assert tel(cohort=2025) == 1
    assert tel(cohort=2026) == 1
    assert tel(doelgroep="gezinsmigrant") == 1
    assert tel(leerroute="z_route") == 1
    assert tel(leerroute="b1") == 0


def test_per_maand_met_een_kolom_voor_de_gemeenten_samen(f, maak, dordrecht, zwijndrecht):
    maak.pip(maak.dossier(dordrecht), date(2026, 2, 1))  # on time
    maak.pip(maak.dossier(zwijndrecht), date(2026, 2, 2))  # on time
    maak.pip(maak.dossier(zwijndrecht), date(2026, 2, 20))  # on time
    tabel = kpi.KPIS["pip_per_maand"].tabel(f)
    assert tabel.kolommen == ["Dordrecht", "Zwijndrecht", "Samen"]
    assert getallen(rij(tabel.rijen, "feb 2026")) == [(1, 1), (2, 2), (3, 3)]


def test_handhaving_boetes_per_gemeente_met_onderdrukking(f, maak, dordrecht):
    """Fines imposed in the period per ground; fewer than 5 is shown as '<5' like every count."""
    from regie.handhaving.models import Bezwaar, Boete

    dossier = maak.dossier(dordrecht)
    waarschuwing = Waarschuwing.objects.create(
        inburgeraar=dossier,
        aanleiding="anders",
        omschrijving="x",
        datum=date(2026, 3, 1),
        door=maak.consulent,
    )

    def boete(grond, status, **kw):
        return Boete.objects.create(
            inburgeraar=dossier,
            waarschuwing=waarschuwing,
            grond=grond,
            status=status,
            pleegdatum=date(2026, 3, 1),
            feiten="x",
            rapport_datum=date(2026, 3, 2),
            zienswijze_uiterlijk=date(2026, 3, 16),
            opgesteld_door=maak.consulent,
            **kw,
        )

    for _ in range(6):
        boete("wi23", "opgelegd", dagtekening=date(2026, 5, 1), bedrag_centen=5_000)
    boete("wi22", "betaald", dagtekening=date(2020, 5, 1), bedrag_centen=25_000)  # outside the period
    boete("wi23", "geen_boete", besloten_op=date(2026, 5, 2))
    ingetrokken = boete("wi22", "ingetrokken", dagtekening=date(2026, 4, 1), bedrag_centen=25_000)
    Bezwaar.objects.create(
        boete=ingetrokken,
        ontvangen_op=date(2026, 4, 10),
        uitkomst="gegrond",
        beslist_op=date(2026, 5, 5),
        door=maak.consulent,
    )
    rijen = kpi.handhaving(f)
    assert rij(rijen, "Boete opgelegd: PIP niet nagekomen (Wi 23)").cellen[0].teller == 6
    wi22 = rij(rijen, "Boete opgelegd: brede intake of PIP (Wi 22)").cellen[0]
    assert wi22.teller == 1 and wi22.onderdrukt
    assert rij(rijen, "Besluit: geen boete").cellen[0].teller == 1
    assert rij(rijen, "Boete ingetrokken na bezwaar").cellen[0].teller == 1
