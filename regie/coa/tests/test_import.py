"""Upload -> preview -> confirm: cases, children and partner through the registration service,
no duplicates on re-import, other organisations' municipalities refused, bad files refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regie.accounts.models import Rol
from regie.coa import services
from regie.coa.models import CoaImport, CoaKoppeling, ImportStatus, Resultaat
from regie.coa.tests.conftest import csv_tekst, gezin, rij
from regie.demo.factories import InburgeraarFactory, UserFactory, geldig_bsn
from regie.inburgeraars.models import Doelgroep, Inburgeraar, Kind
from regie.organisaties.models import Gemeente
from regie.tijdlijn.models import Gebeurtenis


def upload(tekst: str, door, naam="koppelingen.csv", codering="utf-8") -> CoaImport:
    return services.bestand_uploaden(door=door, bestand=SimpleUploadedFile(naam, tekst.encode(codering)))


def importeer(tekst: str, door) -> CoaImport:
    return services.bevestigen(coa_import=upload(tekst, door), door=door)


@pytest.mark.django_db
def test_bevestigen_maakt_dossiers_kinderen_en_partners(consulent):
    coa_import = importeer(csv_tekst(*gezin()), consulent)

    hoofd = Inburgeraar.objects.get(bsn=geldig_bsn(600))
    partner = Inburgeraar.objects.get(bsn=geldig_bsn(601))
    oudste = Inburgeraar.objects.get(bsn=geldig_bsn(602))  # 17: own case (Wi 3 lid 1)
    assert hoofd.doelgroep == partner.doelgroep == oudste.doelgroep == Doelgroep.ASIELSTATUSHOUDER
    assert hoofd.datum_koppeling_coa == date(2026, 2, 2)
    assert hoofd.partner == partner and partner.partner == hoofd
    assert hoofd.consulent == consulent  # the registration service: who registers, is the consultant
    assert list(hoofd.kinderen.values_list("voornaam", "geboortedatum")) == [("Lina", date(2016, 5, 5))]
    assert coa_import.status == ImportStatus.VERWERKT and coa_import.inhoud == ""
    assert (coa_import.aantal_rijen, coa_import.aantal_nieuw, coa_import.aantal_kinderen) == (4, 3, 1)
    assert coa_import.verwerkt_door == consulent and coa_import.verwerkt_op
    koppeling = CoaKoppeling.objects.get(inburgeraar=hoofd, kind__isnull=True)
    assert (
        koppeling.voorinburgering_tekst
        == "gestart met Nederlandse les, niveau A1, 40 uur, Volgt les in het azc"
    )
    assert CoaKoppeling.objects.get(kind__voornaam="Lina").inburgeraar == hoofd
    soorten = set(hoofd.gebeurtenissen.values_list("soort", flat=True))
    assert {"geregistreerd", "coa_koppeling", "kind_toegevoegd", "gegevens_gewijzigd"} <= soorten
    regel = hoofd.gebeurtenissen.get(soort="coa_koppeling")
    assert regel.gegevens["toelichting"].startswith("Voorinburgering: gestart met Nederlandse les")


@pytest.mark.django_db
def test_opnieuw_inlezen_maakt_geen_dubbelen_maar_werkt_de_koppeling_bij(consulent):
    importeer(csv_tekst(*gezin()), consulent)
    aantallen = (Inburgeraar.objects.count(), Kind.objects.count())
    nieuw = [r.replace("02-02-2026", "10-02-2026") for r in gezin()]
    nieuw[0] = nieuw[0].replace("Volgt les", "Klaar met les").replace(";;Arabisch", ";03-11-2026;Arabisch")

    vooraf = services.voorbeeld(coa_import=upload(csv_tekst(*nieuw), consulent), door=consulent)
    assert [r.uitkomst_tekst for r in vooraf.rijen] == [
        "Bestaat al: koppeling bijgewerkt",
        "Bestaat al: koppeling bijgewerkt",
        "Kind staat al bij de ouder",
        "Bestaat al: koppeling bijgewerkt",
    ]
    tweede = services.bevestigen(coa_import=CoaImport.objects.latest("pk"), door=consulent)

    assert (Inburgeraar.objects.count(), Kind.objects.count()) == aantallen
    assert (tweede.aantal_nieuw, tweede.aantal_bijgewerkt, tweede.aantal_kinderen) == (0, 3, 0)
    hoofd = Inburgeraar.objects.get(bsn=geldig_bsn(600))
    assert hoofd.datum_koppeling_coa == date(2026, 2, 10)
    assert hoofd.datum_huisvesting == date(2026, 11, 3)
    laatste = hoofd.gebeurtenissen.filter(soort="coa_koppeling").order_by("-pk").first()
    assert "bestaat al: koppeling bijgewerkt" in laatste.omschrijving
    assert hoofd.coa_koppelingen.filter(resultaat=Resultaat.BIJGEWERKT).count() == 1


@pytest.mark.django_db
def test_gemeente_van_een_andere_organisatie_wordt_geweigerd(consulent):
    coa_import = upload(
        csv_tekst(rij(gemeente="0505"), rij("H2", bsn=geldig_bsn(501), gemeente="9999")), consulent
    )
    vooraf = services.voorbeeld(coa_import=coa_import, door=consulent)
    assert "hoort niet bij uw organisatie" in vooraf.rijen[0].problemen[0]
    assert "Regie kent geen gemeente met CBS-code 9999." in vooraf.rijen[1].problemen
    with pytest.raises(ValidationError, match="geen rij die verwerkt kan worden"):
        services.bevestigen(coa_import=coa_import, door=consulent)
    assert not Inburgeraar.objects.exists()
    assert CoaImport.objects.get().status == ImportStatus.VOORBEELD


@pytest.mark.django_db
def test_medewerker_die_alleen_voor_dordrecht_werkt(dordrecht):
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    medewerker = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.CONSULENT)
    medewerker.gemeenten.set([dordrecht])
    vooraf = services.voorbeeld(
        coa_import=upload(csv_tekst(rij(gemeente=zwijndrecht.cbs_code)), medewerker), door=medewerker
    )
    assert vooraf.rijen[0].problemen == ["U werkt niet voor de gemeente Zwijndrecht (0642)."]


def _uitkomst(vooraf) -> list[tuple]:
    return [(r.uitkomst, r.problemen, r.meldingen, r.bestaand) for r in vooraf.rijen]


@pytest.mark.django_db
def test_bsn_dat_al_bij_een_andere_organisatie_staat_is_hier_onbekend(consulent, dordrecht):
    """The preview for a BSN another organisation knows is the one for a BSN no one knows, and
    confirming registers the newcomer here (moved from there; issue 9)."""
    onbekend = services.voorbeeld(coa_import=upload(csv_tekst(rij()), consulent), door=consulent)
    daar = InburgeraarFactory(bsn=geldig_bsn(500), gemeente=dordrecht)
    vooraf = services.voorbeeld(coa_import=upload(csv_tekst(rij()), consulent), door=consulent)
    assert _uitkomst(vooraf) == _uitkomst(onbekend) == [(services.NIEUW, [], [], None)]
    services.bevestigen(coa_import=CoaImport.objects.latest("pk"), door=consulent)
    hier = Inburgeraar.objects.get(bsn=geldig_bsn(500), organisatie=consulent.organisatie)
    assert hier.pk != daar.pk


@pytest.mark.django_db
def test_bsn_bij_een_gemeente_van_de_eigen_organisatie_waar_u_niet_voor_werkt(dordrecht):
    zwijndrecht = Gemeente.objects.get(cbs_code="0642")
    InburgeraarFactory(bsn=geldig_bsn(500), gemeente=zwijndrecht)
    medewerker = UserFactory(organisatie=dordrecht.organisatie, rol=Rol.CONSULENT)
    medewerker.gemeenten.set([dordrecht])
    vooraf = services.voorbeeld(
        coa_import=upload(csv_tekst(rij(gemeente="0505")), medewerker), door=medewerker
    )
    assert vooraf.rijen[0].problemen == [
        "Er staat al een dossier met dit BSN bij uw organisatie, bij een gemeente waar u niet voor werkt."
        " Deze rij wordt niet verwerkt; overleg met die gemeente."
    ]


@pytest.mark.django_db
def test_dossier_dat_de_importeur_niet_mag_wijzigen_wordt_overgeslagen(consulent, teamleider, dronten):
    """A consultant changes only their own cases (mag(..., DOSSIERS_WIJZIGEN_EIGEN), as on the
    case pages): a colleague's case in the file is reported and left alone."""
    collega = UserFactory(username="collega", organisatie=dronten.organisatie, rol=Rol.CONSULENT)
    van_collega = InburgeraarFactory(bsn=geldig_bsn(600), gemeente=dronten, consulent=collega)
    voor = Inburgeraar.objects.values().get(pk=van_collega.pk)
    coa_import = upload(csv_tekst(*gezin(), rij("H2", bsn=geldig_bsn(700))), consulent)
    vooraf = services.voorbeeld(coa_import=coa_import, door=consulent)
    assert vooraf.rijen[0].uitkomst == services.FOUT and vooraf.rijen[0].bestaand is None
    assert vooraf.rijen[0].problemen == [
        "Er staat al een dossier met dit BSN, maar u mag het niet wijzigen: u bent niet de vaste"
        " consulent. Deze rij wordt niet verwerkt; vraag de vaste consulent of uw teamleider om de"
        " koppeling in te lezen."
    ]
    assert {r.uitkomst for r in vooraf.rijen[1:4]} == {services.OVERSLAAN}  # the rest of the family
    verwerkt = services.bevestigen(coa_import=coa_import, door=consulent)
    assert Inburgeraar.objects.values().get(pk=van_collega.pk) == voor
    assert not CoaKoppeling.objects.filter(inburgeraar=van_collega).exists()
    assert not Kind.objects.filter(ouder=van_collega).exists()
    assert verwerkt.aantal_nieuw == 1  # household H2
    assert [n for n, _ in verwerkt.overgeslagen] == [2, 3, 4, 5]
    assert "niet de vaste consulent" in verwerkt.overgeslagen[0][1]
    # The team lead may change every case of the team: the same file updates it.
    vooraf = services.voorbeeld(coa_import=upload(csv_tekst(*gezin()), teamleider), door=teamleider)
    assert vooraf.rijen[0].uitkomst == services.BIJWERKEN and vooraf.rijen[0].bestaand == van_collega


@pytest.mark.django_db
def test_een_huishouden_met_een_probleem_wordt_helemaal_overgeslagen(consulent):
    fout = gezin()
    fout[1] = fout[1].replace("01-07-1985", "31-13-1985")
    coa_import = importeer(csv_tekst(*fout, *gezin("H2", n=10)), consulent)
    assert not Inburgeraar.objects.filter(bsn__in=[geldig_bsn(600), geldig_bsn(602)]).exists()
    assert Inburgeraar.objects.filter(bsn=geldig_bsn(610)).exists()
    assert coa_import.aantal_overgeslagen == 4
    assert [nummer for nummer, _ in coa_import.overgeslagen] == [2, 3, 4, 5]
    assert "geen geldige datum" in coa_import.overgeslagen[1][1]


@pytest.mark.django_db
def test_slecht_bestand_slaat_niets_op(consulent):
    with pytest.raises(ValidationError, match="verplichte kolommen ontbreken"):
        upload("bsn;naam\n123;x\n", consulent)
    with pytest.raises(ValidationError, match="Excel-bestand"):
        services.bestand_uploaden(door=consulent, bestand=SimpleUploadedFile("k.xlsx", b"PK\x03\x04xx"))
    assert not CoaImport.objects.exists()


@pytest.mark.django_db
def test_twee_keer_bevestigen_kan_niet(consulent):
    coa_import = upload(csv_tekst(rij()), consulent)
    services.bevestigen(coa_import=coa_import, door=consulent)
    with pytest.raises(ValidationError, match="al verwerkt"):
        services.bevestigen(coa_import=coa_import, door=consulent)
    assert Inburgeraar.objects.count() == 1


# --- Pages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_upload_voorbeeld_bevestigen_via_de_paginas(client, teamleider):
    client.force_login(teamleider)
    bestand = SimpleUploadedFile("coa-week-6.csv", ("\ufeff" + csv_tekst(*gezin())).encode("utf-8"))
    antwoord = client.post(reverse("coa:imports"), {"bestand": bestand})
    coa_import = CoaImport.objects.get()
    assert antwoord.url == reverse("coa:import", kwargs={"uuid": coa_import.uuid})
    assert not Inburgeraar.objects.exists()  # the preview first

    voorbeeld = client.get(antwoord.url)
    assert "Er is nog niets opgeslagen." in voorbeeld.content.decode()
    assert "4 rijen verwerken" in voorbeeld.content.decode()
    assert client.post(reverse("coa:bevestigen", kwargs={"uuid": coa_import.uuid})).status_code == 400
    assert not Inburgeraar.objects.exists()

    klaar = client.post(
        reverse("coa:bevestigen", kwargs={"uuid": coa_import.uuid}), {"stap": "bevestigen"}, follow=True
    )
    tekst = klaar.content.decode()
    assert "3 nieuwe dossiers, 0 bijgewerkte koppelingen, 1 kinderen toegevoegd" in tekst
    assert Inburgeraar.objects.count() == 3
    assert Inburgeraar.objects.filter(consulent__isnull=True).count() == 3  # a team lead assigns later

    hoofd = Inburgeraar.objects.get(bsn=geldig_bsn(600))
    dossier = client.get(reverse("inburgeraars:dossier", kwargs={"uuid": hoofd.uuid})).content.decode()
    assert "Koppeling COA en voorinburgering" in dossier and "Volgt les in het azc" in dossier


@pytest.mark.django_db
def test_slecht_bestand_op_de_pagina(client, consulent):
    client.force_login(consulent)
    bestand = SimpleUploadedFile("k.csv", b"huishouden,rol\nH1,hoofd\n")
    antwoord = client.post(reverse("coa:imports"), {"bestand": bestand})
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Het bestand is niet ingelezen. Er is niets opgeslagen." in tekst
    assert "verplichte kolommen ontbreken: bsn" in tekst
    assert not CoaImport.objects.exists()


@pytest.mark.django_db
def test_te_groot_bestand_op_de_pagina(client, consulent):
    """The size limit lives in the service (services._tekst_van): the page shows its message."""
    client.force_login(consulent)
    bestand = SimpleUploadedFile("k.csv", csv_tekst(rij()).encode() + b"#" * (2 * 1024 * 1024))
    tekst = client.post(reverse("coa:imports"), {"bestand": bestand}).content.decode()
    assert "Het bestand is groter dan 2 MB. Splits het in kleinere bestanden." in tekst
    assert not CoaImport.objects.exists()


@pytest.mark.django_db
def test_voorbeeld_is_alleen_voor_wie_het_uploadde(client, consulent, teamleider, consulent_drechtsteden):
    coa_import = upload(csv_tekst(rij()), consulent)
    adres = reverse("coa:import", kwargs={"uuid": coa_import.uuid})
    for gebruiker, status in ((consulent, 200), (teamleider, 404), (consulent_drechtsteden, 404)):
        client.force_login(gebruiker)
        assert client.get(adres).status_code == status
    client.force_login(teamleider)
    bevestigen = reverse("coa:bevestigen", kwargs={"uuid": coa_import.uuid})
    assert client.post(bevestigen, {"stap": "bevestigen"}).status_code == 404
    services.bevestigen(coa_import=coa_import, door=consulent)
    assert client.get(adres).status_code == 200  # processed: the organisation's record
    client.force_login(consulent_drechtsteden)
    assert client.get(adres).status_code == 404


@pytest.mark.django_db
def test_weggooien(client, consulent):
    coa_import = upload(csv_tekst(rij()), consulent)
    client.force_login(consulent)
    antwoord = client.post(reverse("coa:annuleren", kwargs={"uuid": coa_import.uuid}), {"stap": "annuleren"})
    assert antwoord.url == reverse("coa:imports")
    assert not CoaImport.objects.exists() and not Inburgeraar.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rol", "status"),
    [
        (Rol.CONSULENT, 200),
        (Rol.TEAMLEIDER, 200),
        (Rol.BELEIDSMEDEWERKER, 403),
        (Rol.FUNCTIONEEL_BEHEERDER, 403),
        (Rol.AANBIEDER, 403),
    ],
)
def test_wie_koppelingen_mag_inlezen(client, dronten, rol, status):
    client.force_login(UserFactory(organisatie=dronten.organisatie, rol=rol))
    assert client.get(reverse("coa:imports")).status_code == status
    assert Gebeurtenis.objects.count() == 0


@pytest.mark.django_db
def test_een_upload_die_niemand_bevestigt_wordt_na_zeven_dagen_weggegooid(consulent, teamleider):
    from datetime import timedelta

    from django.utils import timezone

    oud = upload(csv_tekst(rij()), consulent)
    CoaImport.objects.filter(pk=oud.pk).update(geupload_op=timezone.now() - timedelta(days=8))
    verwerkt = importeer(csv_tekst(rij("H2", bsn=geldig_bsn(501))), consulent)
    CoaImport.objects.filter(pk=verwerkt.pk).update(geupload_op=timezone.now() - timedelta(days=30))
    recent = upload(csv_tekst(rij()), teamleider)
    assert set(CoaImport.objects.values_list("pk", flat=True)) == {verwerkt.pk, recent.pk}
