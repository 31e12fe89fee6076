"""The pages: the case tab Verhuizing, the inbox Overdrachten, the downloads and the schema."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from regie.demo.factories import InburgeraarFactory, geldig_bsn
from regie.inburgeraars.models import Inburgeraar
from regie.overdracht import services
from regie.overdracht.models import OntvangenPakket, Overdracht
from regie.overdracht.schema import fouten_in, schema_pad
from regie.verwerkingslog.models import Verwerking


def test_verhuizing_in_regie_via_de_paginas(client, dossier, consulent, consulent_nop, noordoostpolder):
    client.force_login(consulent)
    tab = reverse("overdracht:verhuizing", kwargs={"uuid": dossier.uuid})
    assert "Overdrachtspakket maken" in client.get(tab).text
    antwoord = client.post(
        reverse("overdracht:pakket_maken", kwargs={"uuid": dossier.uuid}),
        {"naar_gemeente": noordoostpolder.pk},
    )
    assert antwoord.status_code == 302
    assert "staat klaar bij de gemeente Noordoostpolder" in client.get(tab).text

    client.force_login(consulent_nop)
    inbox = client.get(reverse("overdracht:inbox"))
    assert escape(dossier.geslachtsnaam) in inbox.text and "Wacht op de nieuwe gemeente" in inbox.text
    overdracht = Overdracht.objects.get()
    detail = reverse("overdracht:inbox_pakket", kwargs={"uuid": overdracht.uuid})
    pagina = client.get(detail)
    assert "PIP van de vorige gemeente" in pagina.text and "Slaapt slecht" not in pagina.text
    assert client.post(detail).status_code == 400  # without the button's value: nothing happens
    assert not Inburgeraar.objects.filter(organisatie=noordoostpolder.organisatie).exists()
    antwoord = client.post(detail, {"overnemen": "ja"})
    nieuw = Inburgeraar.objects.get(organisatie=noordoostpolder.organisatie, bsn=dossier.bsn)
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse(
        "overdracht:verhuizing", kwargs={"uuid": nieuw.uuid}
    )
    nieuwe_tab = client.get(antwoord["Location"])
    assert "Van de vorige gemeente: Dronten" in nieuwe_tab.text
    # The old case is not reachable for the new municipality.
    assert client.get(tab).status_code == 404
    # Taking it over again: the page again with the message, nothing saved.
    opnieuw = client.post(detail, {"overnemen": "ja"})
    assert opnieuw.status_code == 400 and "al overgenomen" in opnieuw.text


def _upload(client, dossier, inhoud: bytes):
    bestand = SimpleUploadedFile("pakket.json", inhoud, content_type="application/json")
    return client.post(reverse("overdracht:inlezen", kwargs={"uuid": dossier.uuid}), {"bestand": bestand})


@pytest.fixture
def ontvangend(noordoostpolder, consulent_nop, dossier):
    return InburgeraarFactory(gemeente=noordoostpolder, consulent=consulent_nop, bsn=dossier.bsn)


def test_pakket_uploaden(client, dossier, consulent, consulent_nop, ontvangend):
    client.force_login(consulent)
    overdracht = services.pakket_maken(
        inburgeraar=dossier, door=consulent, naar_gemeente_naam="Noordoostpolder"
    )
    antwoord = client.get(
        reverse("overdracht:json", kwargs={"uuid": dossier.uuid, "overdracht": overdracht.uuid})
    )
    assert antwoord["Content-Type"].startswith("application/json")
    assert dossier.bsn not in antwoord["Content-Disposition"]
    inhoud = antwoord.content
    assert fouten_in(json.loads(inhoud)) == []

    client.force_login(consulent_nop)
    assert _upload(client, ontvangend, inhoud).status_code == 302
    assert OntvangenPakket.objects.filter(inburgeraar=ontvangend).exists()


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"{niet json", "geen geldige JSON"),
        (json.dumps({"schema_versie": "7"}).encode(), "schemaversie &#x27;7&#x27;"),
    ],
)
def test_slecht_bestand_uploaden(client, consulent_nop, ontvangend, inhoud, melding):
    client.force_login(consulent_nop)
    antwoord = _upload(client, ontvangend, inhoud)
    assert antwoord.status_code == 200 and "Er is niets opgeslagen" in antwoord.text
    assert melding in antwoord.text
    assert not OntvangenPakket.objects.exists()
    assert Verwerking.objects.filter(handeling="overdracht_geweigerd", resultaat="geweigerd").count() == 1


def test_pakket_van_een_ander_bsn_uploaden(client, dossier, consulent, consulent_nop, noordoostpolder):
    pakket = services.pakket_maken(
        inburgeraar=dossier, door=consulent, naar_gemeente_naam="Noordoostpolder"
    ).pakket
    ander = InburgeraarFactory(gemeente=noordoostpolder, consulent=consulent_nop, bsn=geldig_bsn(81_500))
    client.force_login(consulent_nop)
    antwoord = _upload(client, ander, json.dumps(pakket).encode())
    assert "ander BSN" in antwoord.text and not OntvangenPakket.objects.exists()


def test_pdf_voor_de_persoon_en_de_nieuwe_gemeente(
    client, dossier, consulent, consulent_nop, noordoostpolder
):
    overdracht = services.pakket_maken(inburgeraar=dossier, door=consulent, naar_gemeente=noordoostpolder)
    client.force_login(consulent)
    antwoord = client.get(
        reverse("overdracht:pdf", kwargs={"uuid": dossier.uuid, "overdracht": overdracht.uuid})
    )
    assert antwoord["Content-Type"] == "application/pdf" and antwoord.content.startswith(b"%PDF")
    client.force_login(consulent_nop)
    antwoord = client.get(reverse("overdracht:inbox_pdf", kwargs={"uuid": overdracht.uuid}))
    assert antwoord.content.startswith(b"%PDF")
    assert Verwerking.objects.filter(onderdeel="overdracht", actie="exporteren", kanaal="pdf").count() == 2


def test_het_schema_is_openbaar(client):
    antwoord = client.get(reverse("overdracht:schema", kwargs={"versie": "1"}))
    assert antwoord.status_code == 200
    assert json.loads(b"".join(antwoord.streaming_content)) == json.loads(schema_pad("1").read_text())
    assert client.get(reverse("overdracht:schema", kwargs={"versie": "9"})).status_code == 404


def test_verhuizen_binnen_de_organisatie_via_de_pagina(
    client, organisaties, dordrecht, consulent_drechtsteden
):
    from regie.organisaties.models import Gemeente

    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    inburgeraar = InburgeraarFactory(gemeente=dordrecht, consulent=consulent_drechtsteden)
    client.force_login(consulent_drechtsteden)
    tab = client.get(reverse("overdracht:verhuizing", kwargs={"uuid": inburgeraar.uuid}))
    assert "Verhuizen binnen de organisatie" in tab.text
    assert "Nieuwe vaste consulent" not in tab.text  # only a team lead chooses another
    antwoord = client.post(
        reverse("overdracht:verhuizen", kwargs={"uuid": inburgeraar.uuid}),
        {"naar_gemeente": zwijndrecht.pk, "versie": inburgeraar.versie},
    )
    assert antwoord.status_code == 302
    inburgeraar.refresh_from_db()
    assert inburgeraar.gemeente == zwijndrecht and inburgeraar.consulent == consulent_drechtsteden
    # An old versie (the form of before the move): refused, nothing changed.
    antwoord = client.post(
        reverse("overdracht:verhuizen", kwargs={"uuid": inburgeraar.uuid}),
        {"naar_gemeente": dordrecht.pk, "versie": 1},
    )
    assert antwoord.status_code == 200
    inburgeraar.refresh_from_db()
    assert inburgeraar.gemeente == zwijndrecht


def _overdrachten(aantal, *, consulent, noordoostpolder, dronten, vanaf=0):
    for n in range(vanaf, vanaf + aantal):
        inburgeraar = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(82_000 + n))
        services.pakket_maken(inburgeraar=inburgeraar, door=consulent, naar_gemeente=noordoostpolder)


def test_inbox_vast_aantal_queries(client, consulent, consulent_nop, noordoostpolder, dronten):
    client.force_login(consulent_nop)
    client.get(reverse("overdracht:inbox"))  # the session's first request does more (not the list's cost)
    tellingen = []
    for aantal, vanaf in ((2, 0), (7, 100)):
        _overdrachten(
            aantal, consulent=consulent, noordoostpolder=noordoostpolder, dronten=dronten, vanaf=vanaf
        )
        with CaptureQueriesContext(connection) as vastgelegd:
            antwoord = client.get(reverse("overdracht:inbox"))
        assert antwoord.status_code == 200
        tellingen.append(len(vastgelegd))
    assert tellingen[0] == tellingen[1], tellingen


def test_inbox_pagineert_in_de_database(
    client, consulent, consulent_nop, noordoostpolder, dronten, monkeypatch
):
    from regie.overdracht import views

    monkeypatch.setattr(views, "PER_PAGINA", 2)
    _overdrachten(5, consulent=consulent, noordoostpolder=noordoostpolder, dronten=dronten)
    client.force_login(consulent_nop)
    antwoord = client.get(reverse("overdracht:inbox"), {"pagina": 3})
    assert antwoord.context["totaal"] == 5 and len(antwoord.context["overdrachten"]) == 1


def test_inbox_leest_niet_het_hele_pakket(client, consulent, consulent_nop, noordoostpolder, dronten):
    """A row shows a name and the old municipality; those come from the package in the database."""
    _overdrachten(1, consulent=consulent, noordoostpolder=noordoostpolder, dronten=dronten)
    client.force_login(consulent_nop)
    antwoord = client.get(reverse("overdracht:inbox"))
    (rij,) = antwoord.context["overdrachten"]
    assert "pakket" in rij.get_deferred_fields()
    persoon = Overdracht.objects.get(pk=rij.pk).pakket["persoon"]
    assert (
        escape(persoon["geslachtsnaam"]) in antwoord.content.decode()
        and "Dronten" in antwoord.content.decode()
    )
