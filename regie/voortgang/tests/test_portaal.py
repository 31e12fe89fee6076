"""The provider portal: only the own provider's referrals, forms with Dutch messages, and the
CSV upload in two steps (preview, then Opslaan)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from regie.klok import vandaag
from regie.trajecten.factories import verwezen
from regie.verwerkingslog.models import Verwerking
from regie.voortgang.models import CsvUpload, Weekrapportage

KOP = "bsn;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd"


def test_lijst_toont_alleen_eigen_verwijzingen_en_logt_het_lezen(
    client, medewerker_taalschool, medewerker_andere_aanbieder, verwijzing
):
    client.force_login(medewerker_taalschool)
    antwoord = client.get(reverse("portaal:verwijzingen"))
    assert antwoord.status_code == 200
    assert escape(verwijzing.inburgeraar.naam) in antwoord.text
    assert Verwerking.objects.filter(
        gebruiker=medewerker_taalschool, actie="lezen", onderdeel="voortgang"
    ).exists()
    client.force_login(medewerker_andere_aanbieder)
    antwoord = client.get(reverse("portaal:verwijzingen"))
    assert escape(verwijzing.inburgeraar.naam) not in antwoord.text
    assert client.get(reverse("portaal:verwijzing", kwargs={"uuid": verwijzing.uuid})).status_code == 404
    assert (
        client.post(reverse("portaal:aanwezigheid", kwargs={"uuid": verwijzing.uuid}), {}).status_code == 404
    )


def test_consulent_komt_niet_in_het_portaal(client, consulent, verwijzing):
    client.force_login(consulent)
    assert client.get(reverse("portaal:verwijzingen")).status_code == 403
    assert client.get(reverse("portaal:verwijzing", kwargs={"uuid": verwijzing.uuid})).status_code == 403


def test_week_melden_via_het_formulier(client, medewerker_taalschool, verwijzing, vorige_week):
    client.force_login(medewerker_taalschool)
    adres = reverse("portaal:aanwezigheid", kwargs={"uuid": verwijzing.uuid})
    assert "Aanwezigheid van een week melden" in client.get(adres).text
    gegevens = {
        "week": (vorige_week + __import__("datetime").timedelta(days=2)).isoformat(),
        "uren_aangeboden": "12",
        "uren_gevolgd": "9,5",
        "uren_afwezig_ziek": "0",
        "uren_afwezig_afspraak": "0",
        "uren_afwezig_ongeoorloofd": "2",
    }
    fout = client.post(adres, gegevens)
    assert fout.status_code == 200
    assert "Er is niets opgeslagen" in fout.text and "De uren tellen niet op" in fout.text
    assert not Weekrapportage.objects.exists()
    gegevens["uren_afwezig_ongeoorloofd"] = "2,5"
    antwoord = client.post(adres, gegevens, follow=True)
    assert "De aanwezigheid is opgeslagen." in antwoord.text
    rapportage = Weekrapportage.objects.get()
    assert rapportage.week == vorige_week and str(rapportage.uren_gevolgd) == "9.50"
    antwoord = client.post(adres, gegevens, follow=True)
    assert "was al zo gemeld" in antwoord.text
    assert Weekrapportage.objects.count() == 1


def test_accepteren_en_weigeren(client, medewerker_taalschool, inburgeraar, consulent, contract, dronten):
    from regie.demo.factories import InburgeraarFactory, pip_vastgesteld

    pip_vastgesteld(inburgeraar, consulent)
    inburgeraar.refresh_from_db()
    nieuw = verwezen(inburgeraar, consulent, contract=contract)
    client.force_login(medewerker_taalschool)
    assert "Accepteren" in client.get(reverse("portaal:verwijzingen")).text
    adres = reverse("portaal:weigeren", kwargs={"uuid": nieuw.uuid})
    assert "Schrijf op waarom" in client.post(adres, {"weigeren-reden": ""}).text
    antwoord = client.post(
        reverse("portaal:accepteren", kwargs={"uuid": nieuw.uuid}),
        {"accepteren-startdatum": vandaag().isoformat()},
    )
    assert antwoord.status_code == 302
    nieuw.refresh_from_db()
    assert nieuw.status == "geaccepteerd"
    tweede_persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent)
    pip_vastgesteld(tweede_persoon, consulent)
    tweede_persoon.refresh_from_db()
    tweede = verwezen(tweede_persoon, consulent, contract=contract)
    client.post(reverse("portaal:weigeren", kwargs={"uuid": tweede.uuid}), {"weigeren-reden": "Geen plaats."})
    tweede.refresh_from_db()
    assert tweede.status == "geweigerd" and tweede.reden_weigering == "Geen plaats."


def test_upload_voorbeeld_en_opslaan(client, medewerker_taalschool, verwijzing, vorige_week):
    client.force_login(medewerker_taalschool)
    assert "Aanwezigheid uploaden" in client.get(reverse("portaal:upload")).text
    inhoud = (
        f"{KOP}\n{verwijzing.inburgeraar.bsn};{vorige_week:%d-%m-%Y};12;10;2;0;0\n"
        f"{verwijzing.inburgeraar.bsn};31-02-2026;12;10;2;0;0\n"
    ).encode("cp1252")
    antwoord = client.post(
        reverse("portaal:upload"), {"bestand": SimpleUploadedFile("week.csv", inhoud, "text/csv")}
    )
    assert antwoord.status_code == 302
    voorbeeld = client.get(antwoord["Location"])
    assert "Voorbeeld van de upload" in voorbeeld.text
    assert (
        "Datum &#x27;31-02-2026&#x27; bestaat niet." in voorbeeld.text
        or "Datum '31-02-2026' bestaat niet." in voorbeeld.text
    )
    assert '<th scope="col"' in voorbeeld.text and ">Opslaan</button>" in voorbeeld.text
    assert ">10</td>" in voorbeeld.text and "E+" not in voorbeeld.text
    assert not Weekrapportage.objects.exists()
    antwoord = client.post(antwoord["Location"], follow=True)
    assert "1 weekrapportage opgeslagen" in antwoord.text
    assert Weekrapportage.objects.get().bron == "csv"


def test_upload_met_verkeerde_kolommen_en_van_een_ander(
    client, medewerker_taalschool, medewerker_andere_aanbieder, verwijzing
):
    client.force_login(medewerker_taalschool)
    antwoord = client.post(
        reverse("portaal:upload"),
        {"bestand": SimpleUploadedFile("x.csv", b"naam;datum\nJan;1-1-2026\n")},
        follow=True,
    )
    assert "Dit bestand kan niet worden gelezen" in antwoord.text and "uren_aangeboden" in antwoord.text
    upload = CsvUpload.objects.get()
    client.force_login(medewerker_andere_aanbieder)
    assert client.get(reverse("portaal:upload_voorbeeld", kwargs={"upload": upload.uuid})).status_code == 404
    assert client.post(reverse("portaal:upload_voorbeeld", kwargs={"upload": upload.uuid})).status_code == 404


def test_voorbeeldbestand_is_te_lezen(client, medewerker_taalschool):
    from regie.voortgang.csv_invoer import lees_bestand

    client.force_login(medewerker_taalschool)
    antwoord = client.get(reverse("portaal:voorbeeld_csv"))
    assert antwoord["Content-Type"].startswith("text/csv")
    bestand = lees_bestand(antwoord.content)
    assert not bestand.fouten and all(r.in_orde for r in bestand.regels)


def test_detailpagina_toont_rapportages_en_correcties(client, medewerker_taalschool, verwijzing, vorige_week):
    from regie.voortgang.services import weekrapportage_vastleggen
    from regie.voortgang.tests.conftest import uren

    weekrapportage_vastleggen(verwijzing=verwijzing, week=vorige_week, door=medewerker_taalschool, **uren())
    weekrapportage_vastleggen(
        verwijzing=verwijzing, week=vorige_week, door=medewerker_taalschool, **uren(gevolgd=9, ziek=3)
    )
    client.force_login(medewerker_taalschool)
    antwoord = client.get(reverse("portaal:verwijzing", kwargs={"uuid": verwijzing.uuid}))
    assert "Geschiedenis van correcties" in antwoord.text
    for naam in ("voortgang", "examen", "resultaat", "eindrapport"):
        assert client.get(reverse(f"portaal:{naam}", kwargs={"uuid": verwijzing.uuid})).status_code == 200


def test_startpagina_wijst_de_aanbieder_naar_het_portaal(client, medewerker_taalschool):
    client.force_login(medewerker_taalschool)
    antwoord = client.get(reverse("werkvoorraad:mijn"))
    assert reverse("portaal:verwijzingen") in antwoord.text


def test_lijst_telt_niet_meer_queries_bij_meer_verwijzingen_zonder_rapportage(
    client, verwijzing, dronten, consulent, contract, medewerker_taalschool
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.demo.factories import InburgeraarFactory, geldig_bsn
    from regie.voortgang.tests.conftest import gestarte_verwijzing

    client.force_login(medewerker_taalschool)
    client.get(reverse("portaal:verwijzingen"))  # the first request also sets up the session
    with CaptureQueriesContext(connection) as een:
        assert client.get(reverse("portaal:verwijzingen")).status_code == 200
    for n in (4242, 4343):
        persoon = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(n))
        gestarte_verwijzing(persoon, consulent, contract, medewerker_taalschool)
    with CaptureQueriesContext(connection) as drie:
        antwoord = client.get(reverse("portaal:verwijzingen"))
    assert antwoord.text.count("Nog nooit") == 3
    assert len(drie) == len(een)


def test_afgesloten_verwijzingen_alleen_op_verzoek(
    client, verwijzing, tweede_verwijzing, medewerker_taalschool, monkeypatch
):
    from regie.trajecten.services import afsluiten

    afsluiten(verwijzing=verwijzing, einddatum=vandaag(), uitkomst="afgerond", door=medewerker_taalschool)
    client.force_login(medewerker_taalschool)
    open_ = client.get(reverse("portaal:verwijzingen")).text
    assert escape(tweede_verwijzing.inburgeraar.naam) in open_
    assert escape(verwijzing.inburgeraar.naam) not in open_
    assert "Toon de afgesloten verwijzingen (1)" in open_
    dicht = client.get(reverse("portaal:verwijzingen"), {"afgesloten": "1"}).text
    assert escape(verwijzing.inburgeraar.naam) in dicht
    assert escape(tweede_verwijzing.inburgeraar.naam) not in dicht
    assert "Afgesloten (1)" in dicht


def test_open_verwijzingen_per_pagina_nieuwe_eerst(
    client,
    verwijzing,
    tweede_verwijzing,
    medewerker_taalschool,
    inburgeraar,
    consulent,
    contract,
    monkeypatch,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from regie.demo.factories import InburgeraarFactory, geldig_bsn, pip_vastgesteld
    from regie.voortgang import views

    persoon = InburgeraarFactory(gemeente=inburgeraar.gemeente, consulent=consulent, bsn=geldig_bsn(4545))
    pip_vastgesteld(persoon, consulent)
    persoon.refresh_from_db()
    nieuw = verwezen(persoon, consulent, contract=contract)
    monkeypatch.setattr(views, "PER_PAGINA", 2)
    client.force_login(medewerker_taalschool)
    client.get(reverse("portaal:verwijzingen"))
    with CaptureQueriesContext(connection) as eerste:
        html = client.get(reverse("portaal:verwijzingen")).text
    assert "1 nieuwe verwijzing en 2 lopende trajecten" in html
    assert "pagina 1 van 2" in html
    assert escape(nieuw.inburgeraar.naam) in html  # the new one first, on page 1
    with CaptureQueriesContext(connection) as tweede:
        html2 = client.get(reverse("portaal:verwijzingen"), {"pagina": 2}).text
    assert len(tweede) == len(eerste)
    namen = {verwijzing.inburgeraar.naam, tweede_verwijzing.inburgeraar.naam}
    assert sum(n in html for n in namen) == 1 and sum(n in html2 for n in namen) == 1
    assert "De nieuwe verwijzingen staan op de vorige pagina's." in html2
