import json
import time
import uuid

import pytest
from django.conf import settings

from regie.duo.inkomend.ontvangst import onderteken

GEHEIM = "test-geheim-notificaties"


@pytest.fixture(autouse=True)
def _geheim(settings):
    settings.DUO_NOTIFICATIE_SECRET = GEHEIM
    settings.DUO_NOTIFICATIE_CERT_HEADER = "X-Client-Cert-OIN"


def koppen(
    doel: str,
    *,
    bericht_id: str | None = None,
    body: bytes = b"",
    ondertekend: bool = True,
    tijdstip: int | str | None = None,
    **extra,
):
    """DUO's headers for a notice, signed as regie/duo/inkomend/ontvangst.py checks it: `extra`
    replaces a header before signing (a wrong bron is signed too), so only what a test leaves
    unsigned (`ondertekend=False`) fails authentication."""
    kop = {"bron": settings.DUO_OIN, "doel": doel, "berichtId": bericht_id or str(uuid.uuid4())}
    kop.update(extra)
    if ondertekend:
        tijdstip = str(int(time.time()) if tijdstip is None else tijdstip)
        kop["X-Duo-Timestamp"] = tijdstip
        kop["X-Duo-Signature"] = onderteken(
            body=body,
            geheim=settings.DUO_NOTIFICATIE_SECRET,
            tijdstip=tijdstip,
            bericht_id=kop["berichtId"],
            bron=kop["bron"],
            doel=kop["doel"],
        )
    return kop


def stuur(
    client, doel: str, body, *, bericht_id=None, ondertekend=True, tijdstip=None, remote_addr=None, **extra
):
    """POST a notice to Regie's endpoint as DUO would (signed unless `ondertekend` is False),
    from `remote_addr` (the test client's 127.0.0.1 unless given)."""
    tekst = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.generic(
        "POST",
        "/duo/v1/notificaties",
        tekst,
        content_type="application/json",
        headers=koppen(
            doel, bericht_id=bericht_id, body=tekst, ondertekend=ondertekend, tijdstip=tijdstip, **extra
        ),
        **({"REMOTE_ADDR": remote_addr} if remote_addr else {}),
    )


def melding(bsn: str, code: str, tijd: str = "2026-11-20T10:00:00Z") -> dict:
    return {"registratieDatumTijd": tijd, "bsn": bsn, "gebeurtenisId": code}
