"""Worklist signals (product rules on top of the legal deadlines of regie.wet.termijnen).

The deadlines themselves are tested in regie/wet/tests; here only when a signal shows.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from regie.inburgeraars.status import Status
from regie.werkvoorraad.signalen import (
    Code,
    Ernst,
    pip_termijn_verstreken,
    signalen,
    urgentie_sleutel,
    volgende_termijn,
)
from regie.wet.perioden import laatste_dag
from regie.wet.termijnen import Soort, Termijn, termijnen

VANDAAG = date(2026, 3, 10)
AMS = ZoneInfo("Europe/Amsterdam")


def pip(datum: date) -> Termijn:
    # Bi 5.3 lid 1: PIP within 10 weeks; the signal only looks at the computed last day.
    return Termijn(Soort.PIP_VASTSTELLEN, datum, "Bi 5.3 lid 1", "")


def einde(datum: date) -> Termijn:
    # Wi 11 lid 1: the inburgeringstermijn is 3 years.
    return Termijn(Soort.INBURGERINGSTERMIJN, datum, "Wi 11 lid 1", "")


def codes(
    termijnen_=(),
    *,
    afspraak=True,
    activiteit: datetime | date | None = VANDAAG,
    status=Status.AANGEMELD,
    vandaag=VANDAAG,
):
    gevonden = signalen(
        termijnen=list(termijnen_),
        heeft_intakeafspraak=afspraak,
        laatste_activiteit=activiteit,
        status=status,
        vandaag=vandaag,
    )
    return [s.code for s in gevonden]


class TestPipTermijn:
    def test_vijftien_dagen_ervoor_geen_signaal(self):
        assert codes([pip(VANDAAG + timedelta(days=15))]) == []

    def test_precies_veertien_dagen_ervoor_signaal(self):
        gevonden = signalen(
            termijnen=[pip(VANDAAG + timedelta(days=14))],
            heeft_intakeafspraak=True,
            laatste_activiteit=VANDAAG,
            status=Status.AANGEMELD,
            vandaag=VANDAAG,
        )
        assert [s.code for s in gevonden] == [Code.PIP_TERMIJN_BIJNA]
        assert gevonden[0].ernst == Ernst.URGENT
        assert "nog 14 dagen" in gevonden[0].tekst
        assert "24 maart 2026" in gevonden[0].tekst

    def test_op_de_laatste_dag_nog_op_tijd(self):
        gevonden = signalen(
            termijnen=[pip(VANDAAG)],
            heeft_intakeafspraak=True,
            laatste_activiteit=VANDAAG,
            status=Status.BREDE_INTAKE,
            vandaag=VANDAAG,
        )
        assert [s.code for s in gevonden] == [Code.PIP_TERMIJN_BIJNA]
        assert "vandaag" in gevonden[0].tekst

    def test_dag_na_de_termijn_verstreken(self):
        gevonden = signalen(
            termijnen=[pip(VANDAAG - timedelta(days=1))],
            heeft_intakeafspraak=True,
            laatste_activiteit=VANDAAG,
            status=Status.AANGEMELD,
            vandaag=VANDAAG,
        )
        assert [s.code for s in gevonden] == [Code.PIP_TERMIJN_VERSTREKEN]
        assert gevonden[0].ernst == Ernst.URGENT
        assert "1 dag te laat" in gevonden[0].tekst

    @pytest.mark.parametrize("status", [Status.PIP_VASTGESTELD, Status.IN_UITVOERING])
    def test_geen_signaal_als_het_pip_er_is(self, status):
        assert codes([pip(VANDAAG - timedelta(days=30))], status=status) == []


class TestIntakeafspraak:
    @pytest.mark.parametrize("status", [Status.AANGEMELD, Status.BREDE_INTAKE])
    def test_zonder_afspraak_signaal(self, status):
        assert codes(afspraak=False, status=status) == [Code.GEEN_INTAKEAFSPRAAK]

    def test_met_afspraak_geen_signaal(self):
        assert codes(afspraak=True) == []

    def test_na_het_pip_niet_meer(self):
        assert codes(afspraak=False, status=Status.IN_UITVOERING) == []


class TestInburgeringstermijn:
    def test_precies_zes_maanden_voor_het_einde_signaal(self):
        # The 6 months from today end on 9 September 2026: a termijn ending then may be extended
        # from today (Wi 12 jo. Bi 4.1), so the signal starts today.
        gevonden = signalen(
            termijnen=[einde(laatste_dag(VANDAAG, maanden=6))],
            heeft_intakeafspraak=True,
            laatste_activiteit=VANDAAG,
            status=Status.IN_UITVOERING,
            vandaag=VANDAAG,
        )
        assert [s.code for s in gevonden] == [Code.INBURGERINGSTERMIJN_BIJNA]
        assert gevonden[0].ernst == Ernst.LET_OP
        assert "9 september 2026" in gevonden[0].tekst

    def test_zes_maanden_en_een_dag_geen_signaal(self):
        termijn = einde(laatste_dag(VANDAAG, maanden=6) + timedelta(days=1))
        assert codes([termijn], status=Status.IN_UITVOERING) == []

    def test_laatste_dag_nog_bijna(self):
        assert codes([einde(VANDAAG)], status=Status.IN_UITVOERING) == [Code.INBURGERINGSTERMIJN_BIJNA]

    def test_na_het_einde_urgent(self):
        gevonden = signalen(
            termijnen=[einde(VANDAAG - timedelta(days=1))],
            heeft_intakeafspraak=True,
            laatste_activiteit=VANDAAG,
            status=Status.PIP_VASTGESTELD,
            vandaag=VANDAAG,
        )
        assert [(s.code, s.ernst) for s in gevonden] == [(Code.INBURGERINGSTERMIJN_VERSTREKEN, Ernst.URGENT)]

    def test_uit_de_echte_termijnen(self):
        # Wi 11 lid 1 en 2: three years from the day after the dagtekening of the first PIP.
        alle = termijnen(
            datum_melding_duo=date(2023, 1, 2),
            datum_inschrijving_brp=None,
            dagtekening_eerste_pip=date(2023, 9, 10),
        )
        # Last day 10 September 2026: an extension may be asked from 11 March 2026 (Wi 12).
        assert codes(alle, status=Status.IN_UITVOERING, vandaag=date(2026, 3, 11)) == [
            Code.INBURGERINGSTERMIJN_BIJNA
        ]
        assert codes(alle, status=Status.IN_UITVOERING, vandaag=date(2026, 3, 10)) == []


class TestGeenActiviteit:
    def test_41_dagen_geen_signaal(self):
        assert codes(activiteit=VANDAAG - timedelta(days=41)) == []

    def test_precies_42_dagen_signaal(self):
        gevonden = signalen(
            termijnen=[],
            heeft_intakeafspraak=True,
            laatste_activiteit=VANDAAG - timedelta(days=42),
            status=Status.IN_UITVOERING,
            vandaag=VANDAAG,
        )
        assert [(s.code, s.ernst) for s in gevonden] == [(Code.GEEN_ACTIVITEIT, Ernst.INFO)]
        assert "42 dagen" in gevonden[0].tekst

    def test_tijdstip_telt_in_nederlandse_tijd(self):
        # 23:30 in Amsterdam is 22:30 UTC the same day: 42 days ago, not 41.
        moment = datetime.combine(VANDAAG - timedelta(days=42), time(23, 30), tzinfo=AMS)
        assert codes(activiteit=moment.astimezone(ZoneInfo("UTC"))) == [Code.GEEN_ACTIVITEIT]
        moment = datetime.combine(VANDAAG - timedelta(days=41), time(0, 30), tzinfo=AMS)
        assert codes(activiteit=moment.astimezone(ZoneInfo("UTC"))) == []

    def test_onbekende_activiteit_geen_signaal(self):
        assert codes(activiteit=None) == []


@pytest.mark.parametrize("status", [Status.AFGEROND, Status.VERHUISD, Status.BEEINDIGD])
def test_gesloten_dossier_heeft_geen_signalen(status):
    alles = [pip(VANDAAG - timedelta(days=10)), einde(VANDAAG - timedelta(days=1))]
    assert codes(alles, afspraak=False, activiteit=VANDAAG - timedelta(days=400), status=status) == []


def test_signalen_op_ernst_gesorteerd():
    gevonden = signalen(
        termijnen=[pip(VANDAAG - timedelta(days=3))],
        heeft_intakeafspraak=False,
        laatste_activiteit=VANDAAG - timedelta(days=50),
        status="aangemeld",
        vandaag=VANDAAG,
    )
    assert [s.ernst for s in gevonden] == [Ernst.URGENT, Ernst.LET_OP, Ernst.INFO]


class TestVolgendeTermijnEnVolgorde:
    def test_verstreken_pip_blijft_de_volgende_termijn(self):
        t = [pip(VANDAAG - timedelta(days=2)), einde(VANDAAG + timedelta(days=900))]
        assert volgende_termijn(t, Status.AANGEMELD, VANDAAG).soort == Soort.PIP_VASTSTELLEN
        assert pip_termijn_verstreken(t, Status.AANGEMELD, VANDAAG)

    def test_na_het_pip_telt_de_pip_termijn_niet(self):
        t = [pip(VANDAAG - timedelta(days=2)), einde(VANDAAG + timedelta(days=900))]
        assert volgende_termijn(t, Status.IN_UITVOERING, VANDAAG).soort == Soort.INBURGERINGSTERMIJN
        assert not pip_termijn_verstreken(t, Status.IN_UITVOERING, VANDAAG)

    def test_voorbije_leerroutetermijn_telt_niet(self):
        t = [
            Termijn(Soort.LEERROUTE_WIJZIGEN, VANDAAG - timedelta(days=1), "Bi 5.4", ""),
            einde(VANDAAG + timedelta(days=100)),
        ]
        assert volgende_termijn(t, Status.IN_UITVOERING, VANDAAG).soort == Soort.INBURGERINGSTERMIJN

    def test_geen_termijnen(self):
        assert volgende_termijn([], Status.AANGEMELD, VANDAAG) is None

    def test_volgorde_verstreken_pip_eerst_dan_dichtstbijzijnde(self):
        verstreken = [pip(VANDAAG - timedelta(days=1))]
        ver_verstreken_einde = [einde(VANDAAG - timedelta(days=300))]
        dichtbij = [pip(VANDAAG + timedelta(days=3))]
        verder = [pip(VANDAAG + timedelta(days=30))]
        sleutels = {
            "verder": urgentie_sleutel(verder, Status.AANGEMELD, VANDAAG),
            "geen": urgentie_sleutel([], Status.AANGEMELD, VANDAAG),
            "dichtbij": urgentie_sleutel(dichtbij, Status.AANGEMELD, VANDAAG),
            "verstreken": urgentie_sleutel(verstreken, Status.BREDE_INTAKE, VANDAAG),
            "einde": urgentie_sleutel(ver_verstreken_einde, Status.IN_UITVOERING, VANDAAG),
        }
        assert sorted(sleutels, key=sleutels.get) == ["verstreken", "einde", "dichtbij", "verder", "geen"]
