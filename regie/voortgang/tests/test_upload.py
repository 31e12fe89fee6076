"""The CSV bulk upload: every row's problem in Dutch in the preview, nothing stored before the
confirmation, and then all good rows in one go."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from regie.voortgang import csv_invoer
from regie.voortgang.csv_invoer import lees_bestand, week_tekst
from regie.voortgang.models import Weekrapportage
from regie.voortgang.services import weekrapportage_vastleggen
from regie.voortgang.tests.conftest import uren
from regie.voortgang.upload import UploadVeranderd, rijen_van, upload_bevestigen, voorbeeld_maken

KOP = "bsn;verwijzing;week;uren_aangeboden;uren_gevolgd;afwezig_ziek;afwezig_afspraak;afwezig_ongeoorloofd;opmerking"


def test_leest_puntkomma_komma_bom_en_windows_1252():
    tekst = "BSN,Week,Uren aangeboden,Uren gevolgd,Ziek,Afspraak,Ongeoorloofd,Opmerking\n"
    tekst += '123456782,16-11-2026,12,"7,5",0,"1,5",3,Café\n'
    puntkomma = "BSN;Week;Uren aangeboden;Uren gevolgd;Ziek;Afspraak;Ongeoorloofd;Opmerking\n"
    puntkomma += "123456782;16-11-2026;12;7,5;0;1,5;3;Café\n"
    for inhoud in (tekst.encode("cp1252"), ("\ufeff" + tekst).encode("utf-8"), puntkomma.encode("cp1252")):
        bestand = lees_bestand(inhoud)
        assert not bestand.fouten, bestand.fouten
        regel = bestand.regels[0]
        assert regel.fouten == []
        assert str(regel.uren["uren_gevolgd"]) == "7.5"
        assert regel.opmerking == "Café"
        assert week_tekst(regel.week) == "2026-W47"


@pytest.mark.parametrize(
    ("waarde", "maandag"),
    [
        ("16-11-2026", "2026-11-16"),
        ("19/11/2026", "2026-11-16"),
        ("2026-W47", "2026-11-16"),
        ("2026-11-22", "2026-11-16"),
        ("2026w01", "2025-12-29"),
    ],
)
def test_week_als_datum_of_weeknummer(waarde, maandag):
    assert csv_invoer.lees_week(waarde)[0].isoformat() == maandag


@pytest.mark.parametrize(
    ("inhoud", "tekst"),
    [
        (b"", "leeg"),
        (b"naam;week\nJan;1-1-2026\n", "ontbreken: bsn of verwijzing, uren_aangeboden, uren_gevolgd"),
        (KOP.encode() + b";klantnummer\n", "Onbekende kolom: 'klantnummer'"),
        (KOP.encode() + b"\n", "alleen de kolomnamen"),
        (b"\xff\xfe\x00\x00\x81", "niet te lezen"),
    ],
)
def test_fouten_in_het_hele_bestand(inhoud, tekst):
    assert tekst in " ".join(lees_bestand(inhoud).fouten)


def test_voorbeeld_noemt_elke_fout_per_regel_en_slaat_niets_op(
    verwijzing,
    tweede_verwijzing,
    vorige_week,
    medewerker_taalschool,
    medewerker_andere_aanbieder,
    dronten,
    consulent,
):
    from regie.demo.factories import InburgeraarFactory, geldig_bsn
    from regie.voortgang.tests.conftest import gestarte_verwijzing

    bsn = verwijzing.inburgeraar.bsn
    week = vorige_week.strftime("%d-%m-%Y")
    weekrapportage_vastleggen(
        verwijzing=tweede_verwijzing, week=vorige_week, door=medewerker_taalschool, **uren()
    )
    # A person referred to another provider: the same message as an unknown BSN.
    from regie.aanbieders.factories import ContractFactory

    anders = InburgeraarFactory(gemeente=dronten, consulent=consulent, bsn=geldig_bsn(5151))
    gestarte_verwijzing(
        anders,
        consulent,
        ContractFactory(aanbieder=medewerker_andere_aanbieder.aanbieder),
        medewerker_andere_aanbieder,
    )
    regels = [
        f"{bsn};;{week};12;10;2;0;0;",  # 2 good
        f"{bsn};;31-02-2026;12;10;2;0;0;",  # 3 bad date (the hours are checked too)
        f"{bsn};;{week};12;10;0;0;0;",  # 4 hours do not add up + duplicate of 2
        f"{geldig_bsn(9999)};;{week};12;12;0;0;0;",  # 5 unknown BSN
        f"{anders.bsn};;{week};12;12;0;0;0;",  # 6 not your referral
        f"{tweede_verwijzing.inburgeraar.bsn};;{week_tekst(vorige_week)};12;10;2;0;0;",  # 7 unchanged
        f";{tweede_verwijzing.uuid};{week};12;9;3;0;0;",  # 8 hm: correction of 7's week -> duplicate
        f"123;;{week};12;x;0;0;0;",  # 9 bad BSN, bad hours
        f";{verwijzing.uuid};{(vorige_week + timedelta(weeks=3)).strftime('%d-%m-%Y')};12;12;0;0;0;",  # 10 future
    ]
    inhoud = (KOP + "\n" + "\n".join(regels) + "\n").encode("cp1252")
    upload = voorbeeld_maken(inhoud=inhoud, bestandsnaam="week47.csv", door=medewerker_taalschool)
    rijen = {r.nummer: r for r in rijen_van(upload)}
    assert not Weekrapportage.objects.filter(upload=upload).exists()
    assert rijen[2].status == "fout" and "ook op regel 4" in rijen[2].fouten[0]
    assert "bestaat niet" in rijen[3].fouten[0]
    assert not any("tellen niet op" in f for f in rijen[3].fouten)  # 12 = 10 + 2
    assert any("tellen niet op" in f for f in rijen[4].fouten)
    assert "Geen verwijzing naar uw organisatie gevonden" in rijen[5].fouten[0]
    assert len(rijen[5].fouten) == 1  # and the hours add up
    assert rijen[6].fouten == rijen[5].fouten
    assert "ook op regel 8" in rijen[7].fouten[-1]
    assert any("elfproef" in f for f in rijen[9].fouten) and any(
        "'x' is geen aantal uren" in f for f in rijen[9].fouten
    )
    assert any("in de toekomst" in f for f in rijen[10].fouten)
    assert all(r.status == "fout" for r in rijen.values())
    assert str(bsn) not in str(upload.regels)


def test_bevestigen_slaat_alle_goede_regels_op(
    verwijzing, tweede_verwijzing, vorige_week, medewerker_taalschool
):
    weekrapportage_vastleggen(
        verwijzing=tweede_verwijzing, week=vorige_week, door=medewerker_taalschool, **uren()
    )
    regels = [
        f"{verwijzing.inburgeraar.bsn};;{vorige_week:%d-%m-%Y};12;10;2;0;0;",
        f"{verwijzing.inburgeraar.bsn};;{vorige_week - timedelta(weeks=1):%d-%m-%Y};12;6;0;0;6;spijbelt",
        f"{tweede_verwijzing.inburgeraar.bsn};;{vorige_week:%d-%m-%Y};12;10;2;0;0;",  # unchanged
        f";{tweede_verwijzing.uuid};{vorige_week - timedelta(weeks=1):%d-%m-%Y};8;8;0;0;0;",
        f"{verwijzing.inburgeraar.bsn};;{vorige_week - timedelta(weeks=2):%d-%m-%Y};12;14;0;0;0;",  # bad
    ]
    upload = voorbeeld_maken(
        inhoud=("\n".join([KOP, *regels])).encode(), bestandsnaam="x.csv", door=medewerker_taalschool
    )
    assert [r.status for r in rijen_van(upload)] == ["nieuw", "nieuw", "ongewijzigd", "nieuw", "fout"]
    assert upload_bevestigen(upload=upload, door=medewerker_taalschool) == 3
    assert Weekrapportage.objects.filter(upload=upload, bron="csv").count() == 3
    with pytest.raises(ValidationError):
        upload_bevestigen(upload=upload, door=medewerker_taalschool)  # twice: refused
    assert Weekrapportage.objects.count() == 4


def test_lange_opmerking_wordt_niet_stil_ingekort(verwijzing, vorige_week, medewerker_taalschool):
    """Nothing is lost silently (issue 9): the reader cut an opmerking to 500 characters."""
    regels = [
        f"{verwijzing.inburgeraar.bsn};;{vorige_week:%d-%m-%Y};12;10;2;0;0;{'a' * 600}",
        f"{verwijzing.inburgeraar.bsn};;{vorige_week - timedelta(weeks=1):%d-%m-%Y};12;10;2;0;0;{'b' * 2001}",
    ]
    upload = voorbeeld_maken(
        inhoud=("\n".join([KOP, *regels])).encode(), bestandsnaam="x.csv", door=medewerker_taalschool
    )
    eerste, tweede = rijen_van(upload)
    assert eerste.status == "nieuw" and tweede.status == "fout"
    assert tweede.fouten == ["Zorg dat deze waarde niet meer dan 2000 tekens bevat (het zijn er nu 2001)."]
    assert upload_bevestigen(upload=upload, door=medewerker_taalschool) == 1
    assert Weekrapportage.objects.get().opmerking == "a" * 600


def test_bevestigen_na_een_wijziging_slaat_niets_op(verwijzing, vorige_week, medewerker_taalschool):
    upload = voorbeeld_maken(
        inhoud=f"{KOP}\n{verwijzing.inburgeraar.bsn};;{vorige_week:%d-%m-%Y};12;10;2;0;0;".encode(),
        bestandsnaam="x.csv",
        door=medewerker_taalschool,
    )
    weekrapportage_vastleggen(
        verwijzing=verwijzing, week=vorige_week, door=medewerker_taalschool, **uren(gevolgd=12, ziek=0)
    )
    with pytest.raises(UploadVeranderd):
        upload_bevestigen(upload=upload, door=medewerker_taalschool)
    assert Weekrapportage.objects.count() == 1
    upload.refresh_from_db()
    assert rijen_van(upload)[0].status == "correctie"


def test_elke_fout_van_een_regel_ook_naast_een_onleesbare_datum(verwijzing, medewerker_taalschool):
    inhoud = f"{KOP}\n{verwijzing.inburgeraar.bsn};;1-13-2026;12;14;0;0;0;\n999999999;;x;12;5;0;0;0;\n"
    rijen = rijen_van(
        voorbeeld_maken(inhoud=inhoud.encode(), bestandsnaam="x.csv", door=medewerker_taalschool)
    )
    assert any("bestaat niet" in f for f in rijen[0].fouten)
    assert any("meer uren gevolgd (14) dan aangeboden (12)" in f for f in rijen[0].fouten)
    assert any("elfproef" in f for f in rijen[1].fouten)
    assert any("geen datum of week" in f for f in rijen[1].fouten)
    assert any("tellen niet op" in f for f in rijen[1].fouten)


def test_oude_uploads_worden_opgeruimd(verwijzing, vorige_week, medewerker_taalschool):
    from datetime import timedelta as td

    from django.utils import timezone

    from regie.voortgang.models import CsvUpload

    regel = f"{KOP}\n{verwijzing.inburgeraar.bsn};;{vorige_week:%d-%m-%Y};12;10;2;0;0;"
    oud = voorbeeld_maken(inhoud=regel.encode(), bestandsnaam="oud.csv", door=medewerker_taalschool)
    opgeslagen = voorbeeld_maken(
        inhoud=regel.encode(), bestandsnaam="opgeslagen.csv", door=medewerker_taalschool
    )
    upload_bevestigen(upload=opgeslagen, door=medewerker_taalschool)
    acht_dagen = timezone.now() - td(days=8)
    CsvUpload.objects.filter(pk=oud.pk).update(aangemaakt_op=acht_dagen)
    CsvUpload.objects.filter(pk=opgeslagen.pk).update(aangemaakt_op=acht_dagen, opgeslagen_op=acht_dagen)
    voorbeeld_maken(inhoud=regel.encode(), bestandsnaam="nieuw.csv", door=medewerker_taalschool)
    assert not CsvUpload.objects.filter(pk=oud.pk).exists()
    opgeslagen.refresh_from_db()
    assert opgeslagen.regels == [] and opgeslagen.aantal_opgeslagen == 1
    assert Weekrapportage.objects.count() == 1
