"""The privacy officer's pages: search the log, see an entry, export for an access request."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from regie.accounts.models import Rol
from regie.demo.factories import InburgeraarFactory, UserFactory
from regie.verwerkingslog import log
from regie.verwerkingslog.context import systeemcontext
from regie.verwerkingslog.models import Actie, Kanaal, Verwerking
from regie.verwerkingslog.tests.conftest import laatste_id, nieuw_sinds, personen

ZOEKEN = reverse("verwerkingslog:zoeken")


def inzage_url(inburgeraar_id, formaat="json"):
    return reverse("verwerkingslog:inzageverzoek", args=[inburgeraar_id, formaat])


REDEN = {"reden": "Verzoek om inzage van de betrokkene"}


@pytest.fixture
def auditor(client, privacy_officer):
    client.force_login(privacy_officer)
    return client


def regels_op_pagina(antwoord) -> list[Verwerking]:
    return [verwerking for verwerking, _, _ in antwoord.context["rijen"]]


def test_zoeken_op_intern_nummer_toont_alleen_regels_over_die_persoon(auditor, dossier):
    antwoord = auditor.get(ZOEKEN, {"persoon": dossier.hoofd.pk})
    assert antwoord.status_code == 200
    regels = regels_op_pagina(antwoord)
    assert regels
    assert all(dossier.hoofd.pk in personen(v) for v in regels)
    assert antwoord.context["persoon"].inburgeraar_id == dossier.hoofd.pk
    html = antwoord.content.decode()
    assert inzage_url(dossier.hoofd.pk, "pdf") in html


def test_zoeken_op_uuid(auditor, dossier):
    antwoord = auditor.get(ZOEKEN, {"persoon": str(dossier.hoofd.uuid)})
    regels = regels_op_pagina(antwoord)
    assert regels and all(dossier.hoofd.pk in personen(v) for v in regels)


def test_zoeken_op_bsn_alleen_met_post_en_het_bsn_komt_nergens_in(auditor, dossier):
    antwoord = auditor.post(ZOEKEN, {"bsn": dossier.hoofd.bsn})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{ZOEKEN}?persoon={dossier.hoofd.pk}"
    assert dossier.hoofd.bsn not in antwoord["Location"]
    vervolg = auditor.get(antwoord["Location"])
    assert regels_op_pagina(vervolg)
    assert not Verwerking.objects.filter(velden__icontains=dossier.hoofd.bsn).exists()


def test_bsn_in_het_gewone_zoekveld_wordt_geweigerd(auditor, dossier):
    antwoord = auditor.get(ZOEKEN, {"persoon": dossier.hoofd.bsn})
    assert antwoord.status_code == 200
    assert "Dit lijkt een BSN" in antwoord.content.decode()
    assert antwoord.context["pagina"] is None


def test_onbekend_bsn_geeft_een_melding_bij_het_veld(auditor, dossier):
    antwoord = auditor.post(ZOEKEN, {"bsn": "123456782"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Uw organisatie heeft geen dossier met dit BSN" in html
    assert 'id="id_bsn_error"' in html
    antwoord = auditor.post(ZOEKEN, {"bsn": "123456789"})
    assert "Dit is geen geldig BSN" in antwoord.content.decode()


def test_bsn_van_een_andere_organisatie_wordt_niet_gevonden(auditor, dordrecht):
    ander = InburgeraarFactory(gemeente=dordrecht)
    antwoord = auditor.post(ZOEKEN, {"bsn": ander.bsn})
    assert antwoord.status_code == 200
    assert "Uw organisatie heeft geen dossier met dit BSN" in antwoord.content.decode()


def test_zoeken_op_medewerker_en_periode(auditor, dossier, consulent, collega):
    with systeemcontext():
        log.gewijzigd(inburgeraar=dossier.hoofd, door=collega, onderdeel="dossier")
    antwoord = auditor.get(ZOEKEN, {"gebruiker": "collega.dronten"})
    regels = regels_op_pagina(antwoord)
    assert regels and {v.gebruikersnaam for v in regels} == {"collega.dronten"}

    vandaag = timezone.localdate()
    antwoord = auditor.get(ZOEKEN, {"van": vandaag.isoformat(), "tot": vandaag.isoformat()})
    assert len(regels_op_pagina(antwoord)) > 1
    morgen = vandaag + timedelta(days=1)
    antwoord = auditor.get(ZOEKEN, {"van": morgen.isoformat()})
    assert regels_op_pagina(antwoord) == []
    assert "Geen regels gevonden" in antwoord.content.decode()


def test_einddatum_voor_begindatum_geeft_een_melding(auditor, dossier):
    antwoord = auditor.get(ZOEKEN, {"van": "2026-03-10", "tot": "2026-03-01"})
    assert "De einddatum ligt voor de begindatum" in antwoord.content.decode()


def test_zoeken_op_trace_id_toont_de_regels_van_een_verzoek(auditor, dossier):
    regel = Verwerking.objects.filter(betrokkenen__inburgeraar_id=dossier.hoofd.pk).first()
    antwoord = auditor.get(ZOEKEN, {"trace": regel.trace_id})
    assert {v.trace_id for v in regels_op_pagina(antwoord)} == {regel.trace_id}


def test_pagina_s_van_vijftig(auditor, dossier, consulent):
    with systeemcontext():
        for _ in range(60):
            log.gewijzigd(inburgeraar=dossier.partner, door=consulent, onderdeel="dossier")
    eerste = auditor.get(ZOEKEN, {"persoon": dossier.partner.pk})
    assert len(regels_op_pagina(eerste)) == 50
    assert f"persoon={dossier.partner.pk}&amp;pagina=2" in eerste.content.decode()
    tweede = auditor.get(ZOEKEN, {"persoon": dossier.partner.pk, "pagina": 2})
    assert len(regels_op_pagina(tweede)) >= 10


def test_het_aantal_wordt_geteld_tot_een_grens(auditor, dossier, consulent, monkeypatch):
    """Counting a whole organisation's log (millions of rows nationally) would take seconds: the page
    counts up to a limit, says there are more, and still pages through the newest."""
    from regie.privacy import views

    monkeypatch.setattr(views, "MAX_GETELD", 60)
    with systeemcontext():
        for _ in range(70):
            log.gewijzigd(inburgeraar=dossier.partner, door=consulent, onderdeel="dossier")
    eerste = auditor.get(ZOEKEN, {"persoon": dossier.partner.pk})
    tekst = " ".join(eerste.content.decode().split())
    assert "Meer dan 60 regels; u ziet 1 tot en met 50." in tekst
    assert "Pagina 1</span>" in tekst and "Pagina 1 van" not in tekst
    assert len(regels_op_pagina(eerste)) == 50
    tweede = auditor.get(ZOEKEN, {"persoon": dossier.partner.pk, "pagina": 2})
    assert len(regels_op_pagina(tweede)) == 11  # up to the limit and one more: there is more


def test_alleen_regels_van_de_eigen_organisatie(client, privacy_officer_drechtsteden, dossier):
    client.force_login(privacy_officer_drechtsteden)
    antwoord = client.get(ZOEKEN, {"persoon": dossier.hoofd.pk})
    assert regels_op_pagina(antwoord) == []
    assert antwoord.context["persoon"] is None
    eigen = Verwerking.objects.filter(betrokkenen__inburgeraar_id=dossier.hoofd.pk).first()
    assert client.get(reverse("verwerkingslog:detail", args=[eigen.uuid])).status_code == 404
    assert client.post(inzage_url(dossier.hoofd.pk), REDEN).status_code == 404


def test_detail_van_een_regel(auditor, dossier):
    regel = Verwerking.objects.filter(
        handeling="gegevens_gewijzigd", betrokkenen__inburgeraar_id=dossier.hoofd.pk
    )[0]
    antwoord = auditor.get(reverse("verwerkingslog:detail", args=[regel.uuid]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "partner" in html.lower()  # the changed field
    assert regel.trace_id in html
    assert regel.doel in html


def test_kijken_in_het_log_wordt_zelf_gelogd(auditor, privacy_officer, dossier):
    vanaf = laatste_id()
    auditor.get(ZOEKEN, {"persoon": dossier.hoofd.pk, "gebruiker": "consulent.dronten"})
    (regel,) = nieuw_sinds(vanaf)
    assert (regel.actie, regel.onderdeel, regel.gebruiker) == (Actie.LEZEN, "verwerkingslog", privacy_officer)
    assert personen(regel) == {dossier.hoofd.pk}
    assert regel.velden["gebruiker"] == "consulent.dronten"
    assert regel.grondslag.startswith("AVG art. 5 lid 2")


def test_inzageverzoek_als_json(auditor, privacy_officer, dossier):
    aantal_regels = Verwerking.objects.filter(betrokkenen__inburgeraar_id=dossier.hoofd.pk).count()
    vanaf = laatste_id()
    antwoord = auditor.post(inzage_url(dossier.hoofd.pk, "json"), REDEN)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/json")
    assert "attachment" in antwoord["Content-Disposition"]
    assert antwoord["Cache-Control"] == "no-store"
    inhoud = json.loads(antwoord.content)
    assert inhoud["betrokkene"] == {"intern_id": dossier.hoofd.pk, "uuid": str(dossier.hoofd.uuid)}
    gegevens = inhoud["persoonsgegevens"]
    assert gegevens["inburgeraar"]["BSN"] == dossier.hoofd.bsn  # the person's own data, in full
    assert gegevens["inburgeraar"]["partner"] == dossier.partner.naam
    assert len(gegevens["kinderen"]) == 1
    (intake,) = gegevens["brede intakes"]
    assert "Rugklachten" in json.dumps(intake)  # special data is part of what Regie holds
    assert intake["diplomas"][0]["opleiding of diploma"] == "Diploma koken"
    assert len(gegevens["PIP's"]) == 1
    assert len(gegevens["afspraken"]) == 1
    assert len(gegevens["gebeurtenissen"]) >= 5
    assert len(inhoud["verwerkingen"]) == aantal_regels
    # The export itself is logged.
    (regel,) = nieuw_sinds(vanaf)
    assert (regel.actie, regel.kanaal, regel.onderdeel) == (Actie.EXPORTEREN, Kanaal.EXPORT, "inzageverzoek")
    assert personen(regel) == {dossier.hoofd.pk}


def test_inzageverzoek_als_pdf(auditor, dossier):
    antwoord = auditor.post(inzage_url(dossier.hoofd.pk, "pdf"), REDEN)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")


def test_inzageverzoek_na_verwijderen_van_het_dossier(auditor, dossier, consulent):
    """After retention the case is gone, its log entries stay and can still be exported."""
    hoofd_id, hoofd_uuid = dossier.partner.pk, dossier.partner.uuid
    log.dossier_verwijderd(
        inburgeraar_id=hoofd_id, inburgeraar_uuid=hoofd_uuid, reden="Bewaartermijn verstreken", door=None
    )
    dossier.hoofd.partner = None
    dossier.hoofd.save()
    dossier.partner.gebeurtenissen.all().delete()
    dossier.partner.delete()
    inhoud = json.loads(auditor.post(inzage_url(hoofd_id), REDEN).content)
    assert inhoud["persoonsgegevens"] is None
    assert inhoud["betrokkene"]["uuid"] == str(hoofd_uuid)
    verwijderd = [v for v in inhoud["verwerkingen"] if v["actie"] == Actie.VERWIJDEREN]
    assert verwijderd and verwijderd[0]["namens_organisatie"] == consulent.organisatie.naam


def test_onbekende_persoon_of_formaat_geeft_404(auditor, dossier):
    assert auditor.post(inzage_url(999999), REDEN).status_code == 404
    assert auditor.post(inzage_url(dossier.hoofd.pk, "xml"), REDEN).status_code == 404
    assert auditor.get(inzage_url(dossier.hoofd.pk)).status_code == 405


@pytest.mark.parametrize("rol", [r for r in Rol if r != Rol.PRIVACY_OFFICER])
def test_andere_rollen_krijgen_403(client, dronten, dossier, rol):
    gebruiker = UserFactory(username=f"{rol}.x", organisatie=dronten.organisatie, rol=rol)
    client.force_login(gebruiker)
    regel = Verwerking.objects.first()
    vanaf = laatste_id()
    assert client.get(ZOEKEN).status_code == 403
    assert client.post(ZOEKEN, {"bsn": dossier.hoofd.bsn}).status_code == 403
    assert client.get(reverse("verwerkingslog:detail", args=[regel.uuid])).status_code == 403
    assert client.post(inzage_url(dossier.hoofd.pk), REDEN).status_code == 403
    geweigerd = list(nieuw_sinds(vanaf))
    assert len(geweigerd) == 4 and {v.actie for v in geweigerd} == {Actie.GEWEIGERD}


def test_niet_ingelogd_naar_de_inlogpagina(client):
    antwoord = client.get(ZOEKEN)
    assert antwoord.status_code == 302
    assert reverse("accounts:login") in antwoord["Location"]


def test_menu_toont_het_verwerkingslog_alleen_aan_de_privacy_officer(client, privacy_officer, consulent):
    client.force_login(privacy_officer)
    assert f'href="{ZOEKEN}"' in client.get(ZOEKEN).content.decode()
    client.force_login(consulent)
    assert f'href="{ZOEKEN}"' not in client.get(reverse("werkvoorraad:mijn")).content.decode()
