"""One CSV reader (regie.csvbestand) for both uploads: the COA koppelingen and the providers'
weekly reports read the same encodings and refuse the same files with the same message."""

import pytest

from regie.coa.bestand import ontleed
from regie.csvbestand import CsvFout, tekst_van
from regie.voortgang.csv_invoer import lees_bestand

WEEK = "bsn;week;uren_aangeboden;uren_gevolgd\n123456782;2026-W47;12;10\n"


@pytest.mark.parametrize(
    ("inhoud", "codering"),
    [
        (WEEK.encode("utf-8"), "UTF-8"),
        (("\ufeff" + WEEK).encode("utf-8"), "UTF-8 (met BOM)"),
        (WEEK.replace(";", "\t").encode("utf-16"), "UTF-16"),
        (WEEK.replace("bsn", "bsn é").encode("cp1252"), "Windows-1252"),
    ],
)
def test_dezelfde_coderingen_voor_beide_uploads(inhoud, codering):
    assert tekst_van(inhoud)[1] == codering
    bestand = lees_bestand(inhoud)
    assert bestand.codering == codering


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"", "leeg"),
        (b"PK\x03\x04rest", "Excel-bestand"),
        (WEEK.encode("utf-16-le"), "geen tekstbestand"),
        (b"\x81\x8d\x8f\x90\x9d" * 3, "niet te lezen"),
    ],
)
def test_dezelfde_weigering_voor_beide_uploads(inhoud, melding):
    with pytest.raises(CsvFout) as fout:
        tekst_van(inhoud)
    assert melding in fout.value.melding
    assert lees_bestand(inhoud).fouten == [fout.value.melding]


def test_geen_scheidingsteken():
    with pytest.raises(CsvFout, match="geen puntkomma's of komma's"):
        ontleed("naam\nAmal\n", vandaag=None)
    assert "geen puntkomma's of komma's" in lees_bestand(b"naam\nAmal\n").fouten[0]
