import json
import uuid

import pytest
from django.conf import settings

from regie.notificaties.ontvangst import onderteken

GEHEIM = "test-geheim-notificaties"


@pytest.fixture(autouse=True)
def _geheim(settings):
    settings.DUO_NOTIFICATIE_SECRET = GEHEIM
    settings.DUO_NOTIFICATIE_CERT_HEADER = "X-Client-Cert-OIN"


def koppen(doel: str, *, bericht_id: str | None = None, body: bytes = b"", ondertekend: bool = True, **extra):
    kop = {"bron": settings.DUO_OIN, "doel": doel, "berichtId": bericht_id or str(uuid.uuid4())}
    if ondertekend:
        kop["X-Duo-Signature"] = onderteken(body, settings.DUO_NOTIFICATIE_SECRET)
    kop.update(extra)
    return kop


def stuur(client, doel: str, body, *, bericht_id=None, ondertekend=True, **extra):
    """POST a notice to Regie's endpoint as DUO would (signed unless `ondertekend` is False)."""
    tekst = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.generic(
        "POST",
        "/duo/v1/notificaties",
        tekst,
        content_type="application/json",
        headers=koppen(doel, bericht_id=bericht_id, body=tekst, ondertekend=ondertekend, **extra),
    )


def melding(bsn: str, code: str, tijd: str = "2026-11-20T10:00:00Z") -> dict:
    return {"registratieDatumTijd": tijd, "bsn": bsn, "gebeurtenisId": code}
