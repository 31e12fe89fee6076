"""How much Regie accepts in one request (REGIE_MAX_UPLOAD_MB, REGIE_MAX_JSON_KB).

- A CSV file (attendance, COA koppelingen): at most settings.MAX_UPLOAD_BYTES; the forms say so
  next to the field, the API answers 413 problem+json.
- A JSON body (API, DUO's notices) and the fields of a form: at most settings.MAX_JSON_BYTES
  (also Django's DATA_UPLOAD_MAX_MEMORY_SIZE); the API answers 413 problem+json, the notice
  endpoint 413 in DUO's Foutmelding, a page a Dutch page (`ongeldig_verzoek`).
- A multipart upload larger than a file and its form together (`BegrensdeUpload`) is refused
  before it is received: Django would otherwise write all of it to a temporary file first.

The size a client announces (Content-Length) is what counts: Django never reads more than that
from a request, so a body cannot be larger.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadhandler import FileUploadHandler
from django.shortcuts import render

from regie.problemen import is_api_pad, probleem_antwoord

TE_GROOT = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def lengte(request) -> int:
    """The Content-Length of the request (0 when absent or unreadable, as Django reads it)."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def te_groot(request, maximum: int) -> bool:
    return lengte(request) > maximum


def grootte_tekst(aantal_bytes: int) -> str:
    """'2 MB', '512 kB': how a person says a size."""
    if aantal_bytes >= 1024 * 1024 and aantal_bytes % (1024 * 1024) == 0:
        return f"{aantal_bytes // (1024 * 1024)} MB"
    return f"{max(aantal_bytes // 1024, 1)} kB"


class BegrensdeUpload(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: a multipart request larger than a file may be plus the
    form's other fields is refused (RequestDataTooBig, a Dutch 413 page) before anything of it
    is stored. A file under that but over the file limit is refused by its form, with a message
    next to the field."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.MAX_UPLOAD_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            raise RequestDataTooBig("Upload groter dan REGIE_MAX_UPLOAD_MB toestaat.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


def ongeldig_verzoek(request, exception=None):
    """handler400: a request Django could not take. Too big (or too many fields or files): 413
    with what the limits are; anything else: 400. In Dutch, on Regie's own page; in the API as
    problem+json."""
    status = 413 if isinstance(exception, TE_GROOT) else 400
    if is_api_pad(request.path):
        return probleem_antwoord(request, status, _melding(status))
    return render(request, "400.html", {"status": status, "melding": _melding(status)}, status=status)


def _melding(status: int) -> str:
    if status == 413:
        return (
            f"Wat u stuurde is te groot. Regie neemt een bestand tot {grootte_tekst(settings.MAX_UPLOAD_BYTES)}"
            f" en andere gegevens tot {grootte_tekst(settings.MAX_JSON_BYTES)} aan. Er is niets opgeslagen."
            " Splits een groot bestand in kleinere bestanden."
        )
    return "Regie kon dit verzoek niet lezen. Er is niets opgeslagen. Ga terug en probeer het opnieuw."
