"""The one way Regie reads an uploaded CSV file into text (COA koppelingen, providers' weekly
reports). Pure Python: the callers check the size limit (REGIE_MAX_UPLOAD_MB) and show the
message.

Accepted, as Excel and other spreadsheets save a list: UTF-8 with or without BOM ("CSV UTF-8"),
UTF-16 with BOM ("Unicode-tekst", tab-separated) and Windows-1252 ("CSV (gescheiden door
lijstscheidingsteken)"). Refused with a Dutch message: an empty file, an Excel workbook, a
binary file, and text in none of these encodings.
"""

import csv
import io


class CsvFout(ValueError):
    """The file as a whole cannot be read; `melding` says why, in Dutch."""

    def __init__(self, melding: str):
        super().__init__(melding)
        self.melding = melding


EXCEL = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # .xlsx (zip) and .xls
OPSLAAN_ALS = "Sla het bestand in Excel op als ‘CSV UTF-8 (door komma's gescheiden)’."


def tekst_van(inhoud: bytes) -> tuple[str, str]:
    """The text of the file and the name of its encoding; CsvFout when it cannot be read."""
    if not inhoud or not inhoud.strip():
        raise CsvFout("Het bestand is leeg.")
    if inhoud.startswith(EXCEL):
        raise CsvFout(f"Dit is een Excel-bestand, geen CSV-bestand. {OPSLAAN_ALS}")
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _tekst(inhoud.decode("utf-16")), "UTF-16"
        except UnicodeDecodeError as exc:
            raise CsvFout(f"De tekens in dit bestand zijn niet te lezen. {OPSLAAN_ALS}") from exc
    if inhoud.startswith(b"\xef\xbb\xbf"):
        try:
            return _tekst(inhoud[3:].decode("utf-8")), "UTF-8 (met BOM)"
        except UnicodeDecodeError as exc:
            raise CsvFout(f"De tekens in dit bestand zijn niet te lezen. {OPSLAAN_ALS}") from exc
    for codering, naam in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return _tekst(inhoud.decode(codering)), naam
        except UnicodeDecodeError:
            continue
    raise CsvFout(
        f"De tekens in dit bestand zijn niet te lezen (geen UTF-8 en geen Windows-1252). {OPSLAAN_ALS}"
    )


def _tekst(tekst: str) -> str:
    if "\x00" in tekst:  # UTF-16 without BOM, or not a text file at all
        raise CsvFout(f"Dit is geen tekstbestand. {OPSLAAN_ALS}")
    return tekst


def scheidingsteken(eerste_regel: str) -> str:
    """The delimiter of the header line: the most frequent of ; tab and , (Dutch Excel uses ;)."""
    aantallen = {teken: eerste_regel.count(teken) for teken in (";", "\t", ",")}
    teken = max(aantallen, key=aantallen.get)
    if not aantallen[teken]:
        raise CsvFout(
            "De eerste regel heeft geen puntkomma's of komma's. Zet de kolomnamen op de eerste regel,"
            " gescheiden door ; of , (zie de handleiding)."
        )
    return teken


def rijen_van(tekst: str) -> tuple[str, list[list[str]]]:
    """The delimiter and every row of the text (empty lines before the header skipped)."""
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    teken = scheidingsteken(eerste)
    try:
        rijen = list(csv.reader(io.StringIO(tekst), delimiter=teken))
    except csv.Error as exc:
        raise CsvFout(f"Het bestand is geen geldig CSV-bestand: {exc}.") from exc
    while rijen and not any(c.strip() for c in rijen[0]):
        rijen.pop(0)
    return teken, rijen
