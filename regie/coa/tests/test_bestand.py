"""Reading a COA file: every kind of bad input gets its own Dutch message (no database)."""

from datetime import date

import pytest

from regie.coa.bestand import ontleed
from regie.coa.tests.conftest import KOP, csv_tekst, gezin, rij
from regie.csvbestand import CsvFout, tekst_van
from regie.demo.factories import geldig_bsn

VANDAAG = date(2026, 11, 24)


def problemen(tekst):
    return {r.nummer: r.problemen for r in ontleed(tekst, vandaag=VANDAAG).rijen}


def test_een_goed_gezin_heeft_geen_problemen_en_herkent_wie_een_eigen_dossier_krijgt():
    bestand = ontleed(csv_tekst(*gezin()), vandaag=VANDAAG)
    assert [r.problemen for r in bestand.rijen] == [[], [], [], []]
    assert [r.volwassen for r in bestand.rijen] == [True, True, False, True]  # Wi 3 lid 1: 16+
    assert "16 jaar of ouder" in bestand.rijen[3].meldingen[0]
    hoofd = bestand.rijen[0].waarden
    assert hoofd["geboortedatum"] == date(1988, 3, 12)
    assert hoofd["geslacht"] == "vrouw"
    assert hoofd["voorinburgering_gestart"] is True and hoofd["voorinburgering_uren"] == 40


def test_komma_als_scheidingsteken_en_iso_datums():
    tekst = csv_tekst(*gezin()).replace(";", ",").replace("12-03-1988", "1988-03-12")
    bestand = ontleed(tekst, vandaag=VANDAAG)
    assert bestand.scheidingsteken == ","
    assert bestand.rijen[0].waarden["geboortedatum"] == date(1988, 3, 12)
    assert not any(r.problemen for r in bestand.rijen)


@pytest.mark.parametrize(
    ("inhoud", "codering"),
    [
        ("\ufeff" + csv_tekst(rij(geslachtsnaam="Müller")), "UTF-8 (met BOM)"),
        (csv_tekst(rij(geslachtsnaam="Müller")), "UTF-8"),
    ],
)
def test_utf8_met_en_zonder_bom(inhoud, codering):
    tekst, gevonden = tekst_van(inhoud.encode("utf-8"))
    assert gevonden == codering
    assert ontleed(tekst, vandaag=VANDAAG).rijen[0].waarden["geslachtsnaam"] == "Müller"


def test_utf16_zoals_excel_unicode_tekst_opslaat():
    tekst, codering = tekst_van(csv_tekst(rij(geslachtsnaam="Çelik")).replace(";", "\t").encode("utf-16"))
    assert codering == "UTF-16"
    assert ontleed(tekst, vandaag=VANDAAG).rijen[0].waarden["geslachtsnaam"] == "Çelik"


def test_windows_1252_zoals_excel_opslaat():
    tekst, codering = tekst_van(
        csv_tekst(rij(geslachtsnaam="Ağa Çelik é")).replace("ğ", "g").encode("cp1252")
    )
    assert codering == "Windows-1252"
    assert "Çelik é" in tekst


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"", "leeg"),
        (b"PK\x03\x04rest", "Excel-bestand"),
        (csv_tekst(rij()).encode("utf-16-le"), "geen tekstbestand"),
        (b"\x81\x8d\x8f\x90\x9d" * 3, "niet te lezen"),
    ],
)
def test_onleesbaar_bestand(inhoud, melding):
    with pytest.raises(CsvFout) as fout:
        tekst_van(inhoud)
    assert melding in fout.value.melding


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("naam\nAmal\n", "geen puntkomma's of komma's"),
        (KOP.replace("bsn;", "") + "\n", "verplichte kolommen ontbreken: bsn"),
        (KOP + ";lievelingskleur\n" + rij() + ";blauw\n", "kolommen kent Regie niet: lievelingskleur"),
        (KOP + ";bsn\n", "meer dan eens"),
        (KOP + "\n;;;\n", "geen rijen met personen"),
    ],
)
def test_verkeerde_kolommen(tekst, melding):
    with pytest.raises(CsvFout) as fout:
        ontleed(tekst, vandaag=VANDAAG)
    assert melding in fout.value.melding


def test_andere_kolomnamen_van_coa_worden_herkend():
    kop = KOP.replace("geslachtsnaam", "Achternaam").replace("gemeente", "Gekoppelde gemeente")
    bestand = ontleed(csv_tekst(rij(), kop=kop), vandaag=VANDAAG)
    assert bestand.rijen[0].problemen == []
    assert bestand.rijen[0].waarden["geslachtsnaam"] == "Haddad"


@pytest.mark.parametrize(
    ("waarden", "melding"),
    [
        ({"bsn": "123456789"}, "elfproef"),
        ({"bsn": ""}, "Het BSN ontbreekt."),
        ({"voornamen": ""}, "De voornamen ontbreken."),
        ({"geslachtsnaam": ""}, "De geslachtsnaam ontbreekt."),
        (
            {"geboortedatum": "31-02-1990"},
            "‘31-02-1990’ is geen geldige datum. Schrijf de datum als dd-mm-jjjj",
        ),
        ({"geboortedatum": "1990/31/12"}, "geen geldige datum"),
        ({"datum_koppeling": ""}, "De datum koppeling ontbreekt."),
        ({"datum_koppeling": "01-01-2027"}, "mag niet in de toekomst liggen"),
        ({"datum_huisvesting": "01-01-2026"}, "De datum huisvesting ligt voor de datum koppeling."),
        ({"gemeente": "Dronten"}, "is geen CBS-code"),
        ({"gemeente": ""}, "De gemeente (CBS-code) ontbreekt."),
        ({"rol": "oom"}, "De rol ‘oom’ is onbekend"),
        ({"geslacht": "Q"}, "Het geslacht ‘Q’ is onbekend"),
        ({"voorinburgering_uren": "veel"}, "geen heel getal"),
        ({"voorinburgering_gestart": "misschien"}, "vul ja of nee in"),
        ({"geboortedatum": "01-01-2015"}, "jonger dan 16 jaar"),
    ],
)
def test_elk_probleem_in_een_rij_heeft_een_nederlandse_melding(waarden, melding):
    gevonden = problemen(csv_tekst(rij(**waarden)))[2]
    assert any(melding in p for p in gevonden), gevonden


def test_cbs_code_zonder_voorloopnul_en_met_gm():
    bestand = ontleed(
        csv_tekst(rij(gemeente="303"), rij("H2", bsn=geldig_bsn(501), gemeente="GM0303")), vandaag=VANDAAG
    )
    assert [r.waarden["gemeente"] for r in bestand.rijen] == ["0303", "0303"]


def test_dubbel_bsn_in_het_bestand_bij_beide_rijen():
    gevonden = problemen(csv_tekst(rij("H1"), rij("H2")))
    assert "ook in rij 3" in gevonden[2][0] and "ook in rij 2" in gevonden[3][0]


def test_huishouden_zonder_hoofd_of_met_twee_hoofden():
    zonder = problemen(csv_tekst(rij(rol="partner")))
    assert "heeft geen hoofd" in zonder[2][0]
    twee = problemen(csv_tekst(rij(), rij(bsn=geldig_bsn(501))))
    assert all("meer dan één hoofd (rijen 2, 3)" in p[0] for p in twee.values())


def test_huishouden_in_twee_gemeenten():
    gevonden = problemen(csv_tekst(rij(), rij(rol="partner", bsn=geldig_bsn(501), gemeente="0505")))
    assert all(any("verschillende gemeenten" in m for m in p) for p in gevonden.values())


def test_te_veel_velden_in_een_rij():
    gevonden = problemen(KOP + "\n" + rij() + ";extra\n")
    assert any("Staat er een ‘;’ in een naam" in p for p in gevonden[2])


def test_kind_onder_16_zonder_bsn_mag_maar_een_ongeldig_bsn_niet():
    assert problemen(csv_tekst(*gezin()))[4] == []
    fout = gezin()
    fout[2] = fout[2].replace(";kind;;", ";kind;123;")
    assert any("elfproef" in p for p in problemen(csv_tekst(*fout))[4])
