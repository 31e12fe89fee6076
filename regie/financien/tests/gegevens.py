"""A small municipality with money: contracts, referrals, invoices and budgets of Dronten in 2025
and 2026, and one referral and invoice of Zwijndrecht (another organisation). The figures the
tests expect are worked out by hand in test_selectors.py."""

from datetime import date
from decimal import Decimal

import pytest

from regie.aanbieders.factories import AanbiederFactory, ContractFactory
from regie.aanbieders.models import Perceel, PrijsPer
from regie.demo.factories import InburgeraarFactory, pip_vastgesteld
from regie.financien.models import Budget, Categorie, Factuur, Soort
from regie.organisaties.models import Gemeente
from regie.trajecten.models import Verwijzing
from regie.trajecten.models import VerwijzingStatus as S

PEILDATUM = date(2026, 10, 15)  # 3 months left: October, November, December


def maak_verwijzing(inburgeraar, pip, contract, status, verzonden, beantwoord=None):
    return Verwijzing.objects.create(
        inburgeraar=inburgeraar,
        pip=pip,
        onderdeel=contract.perceel,
        contract=contract,
        status=status,
        verzonden_op=verzonden,
        beantwoord_op=beantwoord,
    )


def maak_factuur(verwijzing, nummer, bedrag, van, tot, **extra):
    return Factuur.objects.create(
        verwijzing=verwijzing,
        aanbieder=verwijzing.contract.aanbieder,
        gemeente=verwijzing.inburgeraar.gemeente,
        categorie=verwijzing.onderdeel,
        factuurnummer=nummer,
        factuurdatum=tot,
        periode_van=van,
        periode_tot=tot,
        bedrag=bedrag,
        **extra,
    )


@pytest.fixture
def geld(dronten, consulent, taalschool):
    organisatie = dronten.organisatie
    b1 = ContractFactory(aanbieder=taalschool, perceel=Perceel.B1_ROUTE, prijs=Decimal("9000.00"))
    vwn = AanbiederFactory(organisatie=organisatie, naam="Vluchtelingenwerk")
    pvt = ContractFactory(aanbieder=vwn, perceel=Perceel.PVT, prijs=Decimal("600.00"))
    tolken = AanbiederFactory(organisatie=organisatie, naam="Tolkenpool")
    tolk = ContractFactory(
        aanbieder=tolken, perceel=Perceel.TOLK, prijs=Decimal("50.00"), prijs_per=PrijsPer.UUR
    )
    inburgeraar = InburgeraarFactory(gemeente=dronten, consulent=consulent)
    pip = pip_vastgesteld(
        inburgeraar, consulent, maatschappelijke_begeleiding=False, waarschuwingen_gezien=True
    )
    r1 = maak_verwijzing(inburgeraar, pip, b1, S.GESTART, date(2026, 2, 1), date(2026, 2, 10))
    r2 = maak_verwijzing(inburgeraar, pip, b1, S.AFGEROND, date(2025, 3, 1), date(2025, 3, 5))
    maak_verwijzing(inburgeraar, pip, pvt, S.GEACCEPTEERD, date(2026, 9, 1), date(2026, 9, 3))
    maak_verwijzing(inburgeraar, pip, b1, S.GEWEIGERD, date(2026, 5, 1), date(2026, 5, 3))
    r5 = maak_verwijzing(inburgeraar, pip, tolk, S.AFGEROND, date(2026, 4, 1), date(2026, 4, 2))
    f1 = maak_factuur(r1, "F1", 360_000, date(2026, 3, 1), date(2026, 5, 31))
    maak_factuur(
        r1, "C1", -60_000, date(2026, 3, 1), date(2026, 5, 31), soort=Soort.CREDITFACTUUR, crediteert=f1
    )
    maak_factuur(r2, "F3", 200_000, date(2025, 11, 1), date(2025, 12, 31))
    maak_factuur(r5, "F4", 45_000, date(2026, 4, 1), date(2026, 4, 30))
    Budget.objects.create(gemeente=dronten, jaar=2026, categorie=Categorie.B1_ROUTE, bedrag=2_000_000)
    Budget.objects.create(gemeente=dronten, jaar=2026, categorie=Categorie.PVT, bedrag=100_000)
    Budget.objects.create(gemeente=dronten, jaar=2026, categorie=Categorie.UITVOERING, bedrag=500_000)

    # Another municipality's referral and invoice count for that municipality only.
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    school_drecht = AanbiederFactory(organisatie=zwijndrecht.organisatie, naam="Taalschool Drechtsteden")
    b1_drecht = ContractFactory(aanbieder=school_drecht, perceel=Perceel.B1_ROUTE, prijs=Decimal("10000.00"))
    ander = InburgeraarFactory(gemeente=zwijndrecht)
    pip_ander = pip_vastgesteld(
        ander, consulent, maatschappelijke_begeleiding=False, waarschuwingen_gezien=True
    )
    r_drecht = maak_verwijzing(ander, pip_ander, b1_drecht, S.GESTART, date(2026, 1, 5), date(2026, 1, 6))
    maak_factuur(r_drecht, "F1", 500_000, date(2026, 1, 1), date(2026, 6, 30))
    return dronten
