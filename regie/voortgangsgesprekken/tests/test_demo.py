from datetime import timedelta

from regie.klok import vandaag
from regie.tijdlijn.models import Gebeurtenis
from regie.voortgangsgesprekken.demo import gesprekken_demo
from regie.voortgangsgesprekken.models import Voortgangsgesprek


def test_demo_plant_de_gesprekken_van_het_pip_en_legt_het_verleden_vast(met_pip):
    assert gesprekken_demo(vandaag=vandaag() + timedelta(days=800)) == 4
    gesprekken = list(Voortgangsgesprek.objects.filter(inburgeraar=met_pip))
    assert len(gesprekken) == 4
    assert all(g.gevoerd == (g.gepland_op < vandaag() + timedelta(days=800)) for g in gesprekken)
    assert any(g.gevoerd and g.uitkomst for g in gesprekken)
    # Dated just after the PIP was decided, not at the moment the demo ran.
    pip = met_pip.pips.get()
    assert Gebeurtenis.objects.get(soort="voortgangsgesprek_gepland").op == pip.vastgesteld_op + timedelta(
        minutes=5
    )
    assert gesprekken_demo() == 0  # a case that has talks is left alone
