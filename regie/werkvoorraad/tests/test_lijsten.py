"""Lists that scale (issue 10): the worklist and the team view are filtered, counted, sorted and cut
into pages in the database, and the SQL form of every signal (regie.werkvoorraad.voorwaarden) selects
exactly the cases whose rows carry it by the Python rules (regie.werkvoorraad.signalen, regie.wet)."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regie.demo.generator import STANDAARD_SEED, plan_demo
from regie.demo.opbouw import bouw_demo
from regie.inburgeraars import termijnvelden
from regie.inburgeraars.models import Inburgeraar
from regie.inburgeraars.status import ACTIEF
from regie.klok import vandaag
from regie.organisaties.models import Kern
from regie.werkvoorraad import selectors
from regie.werkvoorraad import voorwaarden as v
from regie.werkvoorraad.signalen import Code
from regie.werkvoorraad.tests.hulp import maak_inburgeraar

TEAM = "/werkvoorraad/team/"
MIJN = "/werkvoorraad/"


@pytest.fixture
def demo(db, monkeypatch):
    """The demo at scale 0.05 (seed_demo --scale 0.05), built WITHOUT the final rebuild of the stored
    deadlines, so what is stored is what the services (and Inburgeraar.save) kept up to date."""
    monkeypatch.setattr(termijnvelden, "herberekenen", lambda qs=None: 0)
    bouw_demo(plan_demo(seed=STANDAARD_SEED, scale=0.05, vandaag=vandaag()))
    monkeypatch.undo()
    return Inburgeraar.objects.all()


def test_opgeslagen_termijnen_zijn_die_van_regie_wet_voor_elk_demodossier(demo):
    assert demo.count() > 20
    assert termijnvelden.afwijkingen() == []
    assert demo.filter(einde_termijn__isnull=False).exists()  # the check compares something
    assert demo.filter(pip_termijn__isnull=False).exists()
    assert demo.filter(dagtekening_eerste_eigen_pip__isnull=False).exists()


def test_opgeslagen_rapportage_en_voortgang_zijn_de_afgeleide_voor_elke_demoverwijzing(demo):
    """What the services and the demo kept per referral (laatst_gerapporteerd_op,
    laatste_voortgang_op) is what regie.voortgang.selectors derives from the report tables; the
    rebuild command agrees and restores them."""
    from regie.trajecten.models import Verwijzing
    from regie.voortgang import rapportagemoment

    assert rapportagemoment.afwijkingen() == []
    gemeld = Verwijzing.objects.filter(laatst_gerapporteerd_op__isnull=False)
    assert gemeld.exists() and Verwijzing.objects.filter(laatst_gerapporteerd_op__isnull=True).exists()
    assert Verwijzing.objects.filter(laatste_voortgang_op__isnull=False).exists()
    velden = ("pk", "laatst_gerapporteerd_op", "laatste_voortgang_op")
    voor = list(Verwijzing.objects.order_by("pk").values_list(*velden))
    call_command("rapportages_herberekenen", "--controleer")
    Verwijzing.objects.update(laatst_gerapporteerd_op=None, laatste_voortgang_op=None)
    with pytest.raises(CommandError):
        call_command("rapportages_herberekenen", "--controleer")
    call_command("rapportages_herberekenen")
    assert list(Verwijzing.objects.order_by("pk").values_list(*velden)) == voor


def test_opgeslagen_afwezigheid_en_onbeantwoorde_verwijzing_kloppen_voor_elk_demodossier(demo):
    """The demo stores today's attendance window on every case (as the weekly rebuild does) with the
    hours of the current weekly reports in it, and the oldest unanswered referral as its referrals
    say; the rebuild command agrees and restores them."""
    from regie.trajecten import onbeantwoord
    from regie.voortgang import afwezigheid

    van, tot = afwezigheid.huidig_venster()
    assert not demo.exclude(afwezigheid_van=van, afwezigheid_tot=tot).exists()
    assert afwezigheid.afwijkingen() == []
    assert demo.filter(afwezigheid_uren_ongeoorloofd__gt=0).exists()  # the check compares something
    assert onbeantwoord.afwijkingen() == []
    assert demo.filter(oudste_onbeantwoorde_verwijzing__isnull=False).exists()
    velden = (
        "pk",
        "afwezigheid_van",
        "afwezigheid_tot",
        "afwezigheid_uren_aangeboden",
        "afwezigheid_uren_ongeoorloofd",
        "oudste_onbeantwoorde_verwijzing",
    )
    voor = list(demo.order_by("pk").values_list(*velden))
    demo.update(afwezigheid_uren_ongeoorloofd=0, oudste_onbeantwoorde_verwijzing=None)
    with pytest.raises(CommandError):
        call_command("rapportages_herberekenen", "--controleer")
    call_command("rapportages_herberekenen")
    assert list(demo.order_by("pk").values_list(*velden)) == voor


@pytest.mark.parametrize("dagen_later", [0, 9, 40, 130, 400])
def test_sql_signalen_zijn_de_regels_voor_elk_demodossier(demo, dagen_later):
    """Per signal: the cases the SQL condition selects are exactly those whose row (Python rules)
    has it, on several days (the conditions compare with 'today', nothing of it is stored)."""
    dag = vandaag() + timedelta(days=dagen_later)
    rijen = selectors._rijen(Inburgeraar.objects.all(), dag)
    voorwaarden = v.signaalvoorwaarden(dag, selectors.drempels())
    actief = Inburgeraar.objects.filter(status__in=[str(s) for s in ACTIEF])
    gezien = set()
    for code in Code:
        verwacht = {r.inburgeraar.pk for r in rijen if code in r.codes}
        assert set(actief.filter(voorwaarden[code]).values_list("pk", flat=True)) == verwacht, code
        gezien |= {code} if verwacht else set()
    urgent = {r.inburgeraar.pk for r in rijen if r.urgent}
    assert set(actief.filter(v.urgent(voorwaarden)).values_list("pk", flat=True)) == urgent
    # The next deadline and the order "most urgent first" as in Python.
    volgende = dict(actief.annotate(_v=v.volgende_termijn(dag)).values_list("pk", "_v"))
    for rij in rijen:
        assert volgende[rij.inburgeraar.pk] == (
            rij.volgende_termijn.datum if rij.volgende_termijn else v.GEEN_DATUM
        )
    if dagen_later == 0:
        assert len(gezien) >= 5, gezien  # the demo has most signals today


def test_volgorde_en_tellingen_zijn_die_van_de_regels(demo, django_user_model):
    teamleider = django_user_model.objects.get(username="teamleider.drechtsteden")
    dag = vandaag()
    rijen = selectors.team_werkvoorraad(teamleider, vandaag=dag)
    pagina = selectors.werkvoorraad(teamleider, team=True, vandaag=dag)
    assert pagina.totaal == pagina.aantal == len(rijen)
    assert [r.inburgeraar.pk for r in pagina.rijen] == [r.inburgeraar.pk for r in rijen][
        : selectors.PER_PAGINA
    ]
    for code in Code:
        assert pagina.per_signaal[str(code)] == sum(code in r.codes for r in rijen), code
    per_medewerker, zonder = selectors.caseload(teamleider, vandaag=dag)
    for regel in per_medewerker:
        van = [r for r in rijen if r.inburgeraar.consulent_id == regel.medewerker.pk]
        assert (regel.actief, regel.urgent) == (len(van), sum(r.urgent for r in van))
    assert zonder.actief == sum(r.inburgeraar.consulent_id is None for r in rijen)


def test_herberekenen_herstelt_opgeslagen_termijnen(demo):
    dossier = demo.filter(einde_termijn__isnull=False).first()
    goed = dossier.einde_termijn
    Inburgeraar.objects.filter(pk=dossier.pk).update(einde_termijn=goed + timedelta(days=3), pip_termijn=None)
    met_pip = demo.filter(dagtekening_eerste_eigen_pip__isnull=False).first()
    eerste_pip = met_pip.dagtekening_eerste_eigen_pip
    Inburgeraar.objects.filter(pk=met_pip.pk).update(dagtekening_eerste_eigen_pip=None)
    with pytest.raises(CommandError, match="wijken af"):
        call_command("termijnen_herberekenen", "--controleer")
    assert (met_pip.pk, "dagtekening_eerste_eigen_pip", None, eerste_pip) in termijnvelden.afwijkingen()
    call_command("termijnen_herberekenen")
    dossier.refresh_from_db()
    met_pip.refresh_from_db()
    assert dossier.einde_termijn == goed
    assert met_pip.dagtekening_eerste_eigen_pip == eerste_pip
    assert termijnvelden.afwijkingen() == []
    call_command("termijnen_herberekenen", "--controleer")


# --- Pages: constant number of queries, filters, order and pager -------------------------------


def _queries(client, adres, **params) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(adres, params)
    assert antwoord.status_code == 200
    return len(vastgelegd.captured_queries)


@pytest.mark.parametrize("adres", [TEAM, MIJN])
def test_aantal_queries_hangt_niet_af_van_het_aantal_dossiers(client, teamleider, consulent, dronten, adres):
    client.force_login(teamleider if adres == TEAM else consulent)
    for _ in range(5):
        maak_inburgeraar(
            gemeente=dronten, consulent=consulent, datum_melding_duo=vandaag() - timedelta(days=80)
        )
    client.get(adres)
    weinig = _queries(client, adres)
    for _ in range(55):
        maak_inburgeraar(
            gemeente=dronten, consulent=consulent, datum_melding_duo=vandaag() - timedelta(days=80)
        )
    assert _queries(client, adres) == weinig
    assert _queries(client, adres, pagina=2) == weinig
    assert _queries(client, adres, signaal="pip_termijn_verstreken", sorteer="naam") == weinig


@pytest.fixture
def zestig(dronten, consulent):
    kern = Kern.objects.create(gemeente=dronten, naam="Biddinghuizen-test")
    return [
        maak_inburgeraar(
            gemeente=dronten,
            consulent=consulent if i % 2 else None,
            kern=kern if i % 3 == 0 else None,
            geslachtsnaam=f"Achternaam{i:02d}",
            datum_melding_duo=vandaag() - timedelta(days=i),
        )
        for i in range(60)
    ]


def test_pager_50_per_pagina(client, teamleider, zestig):
    client.force_login(teamleider)
    html = client.get(TEAM).content.decode()
    assert html.count('id="rij-') == 50
    assert "60 actieve dossiers. U ziet 1 tot en met 50 (pagina 1 van 2)." in html
    assert 'aria-label="Pagina\'s van de lijst"' in html
    assert 'href="?pagina=2"' in html
    tweede = client.get(TEAM, {"pagina": 2}).content.decode()
    assert tweede.count('id="rij-') == 10
    assert "U ziet 51 tot en met 60" in tweede
    eerste = {i.uuid for i in zestig if f'id="rij-{i.uuid}"' in html}
    assert not any(f'id="rij-{u}"' in tweede for u in eerste)  # no case on two pages
    # A wrong page number shows the first page, one past the end the last.
    assert client.get(TEAM, {"pagina": "x"}).content.decode().count('id="rij-') == 50
    assert client.get(TEAM, {"pagina": 9}).content.decode().count('id="rij-') == 10


def test_filters_en_sorteren_in_de_database(client, teamleider, consulent, zestig, dronten):
    client.force_login(teamleider)
    kern = Kern.objects.get(naam="Biddinghuizen-test")
    html = client.get(TEAM, {"kern": kern.pk, "sorteer": "naam"}).content.decode()
    assert html.count('id="rij-') == 20
    assert "20 van 60 dossiers met dit filter." in html
    namen = [f"Achternaam{i:02d}" for i in range(0, 60, 3)]
    assert [html.index(n) for n in namen] == sorted(html.index(n) for n in namen)
    html = client.get(TEAM, {"consulent": "geen", "gemeente": dronten.pk, "pagina": 1}).content.decode()
    assert "30 van 60 dossiers met dit filter." in html
    # Pages keep the filter in their links.
    html = client.get(TEAM, {"consulent": str(consulent.pk), "sorteer": "termijn"}).content.decode()
    assert "30 van 60 dossiers met dit filter." in html
    # Most urgent first: the PIP deadline (10 weeks after the DUO notice) nearest first.
    html = client.get(TEAM, {"signaal": "pip_termijn_bijna"}).content.decode()
    bijna = [i for i in zestig if (vandaag() - i.datum_melding_duo).days >= 56]
    assert bijna and all(f'id="rij-{i.uuid}"' in html for i in bijna)


def test_pagina_links_houden_het_filter(client, teamleider, zestig):
    client.force_login(teamleider)
    html = client.get(TEAM, {"sorteer": "naam", "pagina": 1}).content.decode()
    assert 'href="?sorteer=naam&amp;pagina=2"' in html


def test_onbekende_sortering_geeft_melding(client, teamleider, zestig):
    client.force_login(teamleider)
    html = client.get(TEAM, {"sorteer": "bsn"}).content.decode()
    assert "Kies een volgorde uit de lijst." in html
    assert html.count('id="rij-') == 50


def test_tellingen_per_signaal_op_de_pagina(client, consulent, zestig):
    client.force_login(consulent)
    html = client.get(MIJN).content.decode()
    assert "Aantal dossiers per signaal" in html
    assert "Nog geen intakeafspraak</a>: 30" in html


def test_toewijzen_zonder_keuzelijst_per_rij(client, teamleider, zestig):
    """The assign control: one list of colleagues for the whole table, not one per row."""
    client.force_login(teamleider)
    html = client.get(TEAM).content.decode()
    assert html.count('<select class="utrecht-select utrecht-select--html-select" name="consulent"') == 1
    assert html.count('form="team-toewijzen"') == 50
